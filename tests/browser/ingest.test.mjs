// Ingest as a user sees it: ten stories from the seeds with the duplicate badged, a switch that
// shows the copy, and a reader that shows the cleaned article and, on request, what was removed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openPage, waitForFiles, screenshot, seedFiles } from "./harness.mjs";

test("the seeds give 10 stories, the duplicate is badged, and copies can be shown", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    assert.equal(await waitForFiles(page, 5), "10 stories from 5 files");
    const rows = page.getByTestId("article-row");
    assert.equal(await rows.count(), 10);
    const badged = rows.filter({ has: page.getByTestId("copies-badge") });
    assert.equal(await badged.count(), 1);
    assert.match(await badged.innerText(), /^2 copies\s*Iraq Frustrated by Iran’s Reluctance to Rein in Militias/);

    await badged.click();
    const copies = page.getByTestId("copies");
    await copies.waitFor();
    assert.match(await copies.innerText(), /001_70383bd2258dd309\.txt, line 46/);

    await page.getByTestId("show-copies").check();
    await page.getByTestId("status").filter({ hasText: "11 articles from 5 files" }).waitFor();
    // The status counts at once; the rows come with the worker's answer to the new filter.
    await rows.nth(10).waitFor();
    assert.equal(await rows.count(), 11);
    assert.equal(await rows.filter({ hasText: "a copy" }).count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the reader shows the cleaned article with its dateline, and what was removed", async () => {
  const { browser, page } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    await page.getByTestId("article-row").filter({ hasText: "Iraq steps up pressure on outlawed militias" }).click();
    const reader = page.getByTestId("reader");
    await reader.getByRole("heading", { name: "Iraq steps up pressure on outlawed militias", level: 2 }).waitFor();
    assert.equal(await reader.getByTestId("dateline").innerText(), "• September 28, 2020");
    const text = await reader.innerText();
    assert.match(text, /Source: 003_26f0ad0b6a8edf90\.txt, line 3/);
    assert.match(text, /^Kadhimi and Halbusi both welcomed Sadr’s proposal in separate statements\.$/m);
    for (const chrome of ["Domain Registration", "Article source:", "Related News"]) {
      assert.ok(!text.includes(chrome), `${chrome} is not shown as article text`);
    }
    await screenshot(page, "reader-dateline");

    await page.getByTestId("show-removed").check();
    const removed = page.getByTestId("removed-lines");
    await removed.waitFor();
    const removedText = await removed.innerText();
    assert.match(removedText, /line 1 · site chrome ·[^\n]*\n\s*Domain Registration/);
    assert.match(removedText, /line 49 · site chrome ·[^\n]*\n\s*Article source:/);
    await removed.scrollIntoViewIfNeeded();
    await screenshot(page, "reader-removed");

    // An Asharq-style article: caption shown once, subheadings as headings.
    await page.getByTestId("article-row").filter({ hasText: "Iraq Frustrated by Iran’s Reluctance" }).click();
    await reader.getByRole("heading", { name: "Al-Sudani’s Mediation Efforts", level: 3 }).waitFor();
    assert.match(await reader.getByTestId("caption").innerText(), /^Iraqi Prime Minister Mohammed Shia al-Sudani has cautioned .* \(X\)$/);
    const body = await reader.locator(".reader-body").innerText();
    assert.ok(!body.includes("(X)"), "the caption is not repeated in the body");
    assert.ok(!/^TT$/m.test(body));
  } finally {
    await browser.close();
  }
});

test("files of one load that share a name are all read, each under a name of its own", async () => {
  // Files dragged from a search window come without their folders: three stories called 01.txt.
  const sets = join(dirname(fileURLToPath(import.meta.url)), "../../crates/corpus/tests/news-sections-heldout6");
  const files = ["business", "sport", "tech"].map((section) => join(sets, section, "01.txt"));
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(files);
    assert.equal(await waitForFiles(page, 3), "3 stories from 3 files");
    const list = await page.getByTestId("file-list").innerText();
    for (const name of ["01.txt", "01 (2).txt", "01 (3).txt"]) {
      assert.ok(list.includes(name), `${name} in ${list}`);
    }
    const headlines = files.map((path) => readFileSync(path, "utf8").split("\n")[0]);
    const rows = await page.getByTestId("article-row").allInnerTexts();
    for (const headline of headlines) {
      assert.ok(rows.some((row) => row.includes(headline)), `${headline} listed`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
