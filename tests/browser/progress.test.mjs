// A large load: the progress bar counts files and bytes, the page answers while the worker works,
// and every file arrives. Prints the load's throughput for the record (never asserted on time).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPage, waitForFiles, screenshot, seedFiles } from "./harness.mjs";

const FILES = 4;
const TARGET_BYTES = 8 * 1024 * 1024;

function bigFiles() {
  const dir = mkdtempSync(join(tmpdir(), "corpus-big-"));
  const seeds = seedFiles().map((path) => readFileSync(path, "utf8")).join("\n\n\n");
  const copies = Math.ceil(TARGET_BYTES / Buffer.byteLength(seeds));
  const text = Array(copies).fill(seeds).join("\n\n\n");
  const paths = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `big-${i}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return { dir, paths, bytes: FILES * Buffer.byteLength(text) };
}

test("a large load shows progress, keeps the page responsive and lists every file", async () => {
  const { dir, paths, bytes } = bigFiles();
  const { browser, page, errors } = await openPage();
  try {
    const started = Date.now();
    await page.getByTestId("file-input").setInputFiles(paths);
    const progress = page.getByTestId("progress");
    await progress.waitFor();
    assert.match(await progress.innerText(), new RegExp(`\\d of ${FILES} files · [\\d.]+ \\w?B of [\\d.]+ MB`));
    await page.getByTestId("status").filter({ hasText: `Reading ${FILES} files…` }).waitFor();
    await screenshot(page, "progress");
    // The page still answers a user while the worker ingests.
    await page.getByRole("searchbox").fill("militias");
    assert.equal(await page.getByRole("searchbox").inputValue(), "militias");
    await waitForFiles(page, FILES);
    const seconds = (Date.now() - started) / 1000;
    await progress.waitFor({ state: "detached" });
    const fileList = await page.getByTestId("file-list").innerText();
    for (let i = 0; i < FILES; i++) assert.match(fileList, new RegExp(`big-${i}\\.txt`));
    await page.getByTestId("article-row").first().waitFor();
    console.log(`# loaded ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ${(bytes / 1e6 / seconds).toFixed(1)} MB/s in the browser`);
    // The file panel says what each stage of the load took and what the engine holds.
    const timings = await page.getByTestId("load-timings").innerText();
    console.log(`# ${timings}`);
    assert.match(timings, /^Last load: list [\d.]+ s, analysed [\d.]+ s \(reading [\d.]+ s · splitting [\d.]+ s · dates [\d.]+ s · names [\d.]+ s · index [\d.]+ s · topics [\d.]+ s; the topics beside the names\); the engine holds [\d.]+ MB, the helper [\d.]+ MB\.$/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a load can be stopped: the page comes back as it was and takes the next load", async () => {
  const { dir, paths } = bigFiles();
  const { browser, page, errors } = await openPage();
  try {
    const status = page.getByTestId("status");
    // Stopped with nothing saved: no file is listed, nothing half-loaded.
    await page.getByTestId("file-input").setInputFiles(paths);
    await page.getByTestId("progress").waitFor();
    await page.getByTestId("stop-load").click();
    await status.filter({ hasText: "No files loaded yet." }).waitFor();
    assert.equal(await page.getByTestId("progress").count(), 0);
    assert.equal(await page.getByTestId("stop-load").count(), 0);
    assert.equal(await page.locator("[data-testid=file-list] li").count(), 0);
    // The next load works, and is saved.
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    await page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 5 files/ }).waitFor();
    // Stopped on top of a saved corpus: that corpus comes back, the stopped files do not.
    await page.getByTestId("file-input").setInputFiles(paths);
    await page.getByTestId("progress").waitFor();
    await page.getByTestId("stop-load").click();
    await status.filter({ hasText: "10 stories from 5 files · restored from this browser" }).waitFor();
    await page.getByTestId("article-row").first().waitFor();
    const files = await page.getByTestId("file-list").innerText();
    assert.doesNotMatch(files, /big-\d\.txt/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
