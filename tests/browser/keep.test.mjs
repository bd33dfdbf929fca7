// Keep and carry: the corpus survives a reload without re-ingest, the page works offline after a
// first visit, the single-file build runs from disk, and no request goes to another origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { openPage, launch, waitForFiles, screenshot, seedFiles, seedCopies, foreignRequests, BASE_URL, DIST } from "./harness.mjs";

test("after a reload the same stories are back from the browser's storage, without re-ingest", async () => {
  const { browser, page, requests, errors } = await openPage();
  try {
    // Four files, then the fifth: the corpus lets its decoded files go once split (the raw
    // files are saved) and reads them back to split all five together, as one load would.
    await page.getByTestId("file-input").setInputFiles(seedFiles().slice(1));
    await waitForFiles(page, 4);
    await page.getByTestId("file-input").setInputFiles(seedFiles().slice(0, 1));
    await waitForFiles(page, 5);
    await page.getByTestId("status").filter({ hasText: /^10 stories from 5 files$/ }).waitFor();
    await page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 5 files/ }).waitFor();
    const before = await page.getByTestId("article-row").locator(".row-title").allInnerTexts();
    const storage = await page.getByTestId("storage").innerText();
    console.log(`# seeds: ${storage}`);

    await page.reload();
    const status = page.getByTestId("status");
    await status.filter({ hasText: "10 stories from 5 files · restored from this browser" }).waitFor();
    await page.getByTestId("article-row").first().waitFor();
    const after = await page.getByTestId("article-row").locator(".row-title").allInnerTexts();
    assert.deepEqual(after, before);
    await page.getByTestId("article-row").filter({ hasText: "Iraq steps up pressure" }).click();
    await page.getByTestId("published").filter({ hasText: "Published 2020-09-28" }).waitFor();
    assert.equal(await page.getByTestId("topic").count() > 0, true);
    await screenshot(page, "restored");

    // A file dropped after the reload joins the restored corpus: nothing restored is lost.
    await page.getByTestId("file-input").setInputFiles(seedFiles().slice(0, 1));
    await page.waitForFunction(() => {
      const text = document.querySelector("[data-testid=status]")?.textContent ?? "";
      return text.includes("from 5 files") && !text.includes("restored");
    });
    await status.filter({ hasText: /^10 stories from 5 files$/ }).waitFor();
    assert.deepEqual(await page.getByTestId("article-row").locator(".row-title").allInnerTexts(), before);

    await page.getByTestId("clear-storage").click();
    await status.filter({ hasText: "No files loaded yet." }).waitFor();
    await page.getByTestId("storage").filter({ hasText: "Nothing saved in this browser yet." }).waitFor();
    await page.reload();
    await status.filter({ hasText: "No files loaded yet." }).waitFor();
    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("after a first visit the page loads and ingests files with the network off", async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(BASE_URL);
    await page.getByTestId("status").filter({ hasText: "No files loaded yet." }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("status").filter({ hasText: "No files loaded yet." }).waitFor();
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await page.getByTestId("status").filter({ hasText: /^10 stories from 5 files$/ }).waitFor();
    await page.getByTestId("article-row").first().click();
    await page.getByTestId("reader").getByRole("heading", { level: 2 }).waitFor();
    await screenshot(page, "offline");
    assert.deepEqual(foreignRequests(requests), []);
  } finally {
    await browser.close();
  }
});

test("the single file runs from disk: it loads the seeds and lists their stories", async () => {
  const file = `file://${join(DIST, "corpus-explorer.html")}`;
  const { browser, page, requests, errors } = await openPage(file);
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await page.getByTestId("status").filter({ hasText: /^10 stories from 5 files$/ }).waitFor();
    assert.equal(await page.getByTestId("article-row").count(), 10);
    await page.getByTestId("article-row").filter({ hasText: "Iraq steps up pressure" }).click();
    await page.getByTestId("published").filter({ hasText: "Published 2020-09-28" }).waitFor();
    // Chromium keeps storage for a page opened from disk, as for a site.
    const storage = page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 5 files/ });
    await storage.waitFor();
    console.log(`# single file: ${await storage.innerText()}`);
    await screenshot(page, "single-file");
    const elsewhere = requests.filter((url) => !/^(file|blob|data):/.test(url));
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the page's security policy stops any connection to another origin", async () => {
  const { browser, page, requests } = await openPage();
  try {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(policy, /connect-src 'self'/);
    const outcome = await page.evaluate(() =>
      fetch("https://example.com/steal").then(() => "sent", (error) => `blocked: ${error.message}`));
    assert.match(outcome, /^blocked/);
    assert.deepEqual(foreignRequests(requests).filter((url) => !url.startsWith("https://example.com/")), []);
  } finally {
    await browser.close();
  }
});

test("a 10 MB corpus is saved and comes back on reload (figures printed, not asserted)", async () => {
  const { dir, files, bytes } = seedCopies(10 * 1024 * 1024);
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(files);
    await waitForFiles(page, files.length);
    const storage = page.getByTestId("storage").filter({ hasText: new RegExp(`^Saved in this browser: ${files.length} files`) });
    await storage.waitFor({ timeout: 120000 });
    console.log(`# ${(bytes / 1e6).toFixed(1)} MB in ${files.length} files: ${await storage.innerText()}`);
    const started = Date.now();
    await page.reload();
    await page.getByTestId("status").filter({ hasText: /restored from this browser/ }).waitFor({ timeout: 120000 });
    console.log(`# reload of the ${(bytes / 1e6).toFixed(1)} MB corpus: ${((Date.now() - started) / 1000).toFixed(2)} s to the restored list`);
    await page.getByTestId("article-row").first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
