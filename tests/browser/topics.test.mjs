// Topics as a user meets them: the seeds' militia stories share a topic that the wildfire,
// Minnesota and Serbia stories are not in; selecting it lists exactly those stories; a topic can
// be renamed and the count changed without reading the files again. A 5,000-article corpus
// measures topic discovery in the browser (printed, never asserted on time).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { openPage, waitForFiles, screenshot, seedFiles } from "./harness.mjs";

const listed = async (page) => (await page.getByTestId("article-row").locator(".row-title").allInnerTexts()).map((t) => t.trim()).sort();

const MILITIA = [
  "Analysis: Iran seeks to cool tensions in Iraq",
  "Baghdad Urges Washington to Prevent ‘Imminent’ Israeli Strikes",
  "Iran Seeks to Calm Iraqi Infighting over Spy Dispute as Region Flares Up",
  "Iraq Frustrated by Iran’s Reluctance to Rein in Militias",
  "Iraq steps up pressure on outlawed militias",
].sort();

test("the militia topic lists exactly the militia stories, and can be renamed and recounted", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    const topic = page.getByTestId("topic").filter({ hasText: /militias/ });
    await topic.waitFor();
    assert.match(await topic.innerText(), /5$/m);
    await topic.locator(".topic-pick").click();
    await page.getByTestId("status").filter({ hasText: /^5 of 10 stories/ }).waitFor();
    const titles = (await listed(page)).map((t) => t.replace(/^2 copies/, "").trim()).sort();
    assert.deepEqual(titles, MILITIA);
    for (const other of ["wildfire", "Minnesota", "Serbia"]) {
      assert.ok(!titles.some((t) => t.includes(other)), `${other} is not in the militia topic`);
    }
    await page.getByTestId("article-row").filter({ hasText: "Iraq steps up pressure" }).click();
    await page.getByTestId("reader-topics").filter({ hasText: /militias/ }).waitFor();
    await screenshot(page, "topic-militias");

    // Rename it; the name shows in the facet.
    await topic.hover();
    await topic.getByTestId("rename-topic").click();
    await page.getByTestId("topic-name").fill("Iraqi militias");
    await page.getByTestId("topic-name").press("Enter");
    await page.getByTestId("topic").filter({ hasText: "Iraqi militias" }).waitFor();

    // Another topic count: found again without reading the files again.
    await page.getByTestId("topic-count").selectOption("4");
    await page.getByTestId("topic-timing").filter({ hasText: /^4 topics found in/ }).waitFor();
    assert.equal(await page.getByTestId("topic").count(), 4);
    await page.getByTestId("status").filter({ hasText: /^10 stories from 5 files$/ }).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

function syntheticCorpus(count) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "../../crates/corpus/tests/topics");
  const subjects = readdirSync(root).sort().map((subject) =>
    readdirSync(join(root, subject)).sort().flatMap((file) =>
      readFileSync(join(root, subject, file), "utf8").split("\n").slice(2).flatMap((line) => line.split(". "))
        .filter((s) => s.split(/\s+/).length > 4).map((s) => s.replace(/\.$/, ""))));
  let state = 0x2545f491n;
  const next = () => { state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn; return Number(state >> 33n); };
  const articles = [];
  for (let i = 0; i < count; i++) {
    const pool = subjects[i % subjects.length];
    const pick = () => pool[next() % pool.length];
    const title = `Report ${i}: ${pick().split(/\s+/).slice(0, 7).join(" ")}`;
    const body = Array.from({ length: 4 }, () => `${pick()}. ${pick()}. ${pick()}.`).join("\n\n");
    articles.push(`${title}\n\n${body}`);
  }
  return articles.join("\n\n\n");
}

test("topics of 5,000 articles are found in the worker while the page answers", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-topics-"));
  const file = join(dir, "five-thousand.txt");
  writeFileSync(file, syntheticCorpus(5000));
  const { browser, page } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles([file]);
    const status = page.getByTestId("status");
    await status.filter({ hasText: /· finding (names and )?topics…$/ }).waitFor({ timeout: 120000 });
    // A search is answered while the topics are found in their own worker.
    await page.getByRole("searchbox").fill("vaccine");
    assert.equal(await page.getByRole("searchbox").inputValue(), "vaccine");
    await status.filter({ hasText: /^[\d,]+ of [\d,]+ stories from 1 file · finding/ }).waitFor({ timeout: 60000 });
    const timing = page.getByTestId("topic-timing").filter({ hasText: /topics found in/ });
    await timing.waitFor({ timeout: 120000 });
    const text = await timing.innerText();
    console.log(`# 5,000 articles: ${text} in the browser`);
    await page.getByTestId("topic").nth(1).waitFor();
    await screenshot(page, "topics-5000");
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
