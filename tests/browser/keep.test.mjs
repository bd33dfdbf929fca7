// Keep and carry: the corpus survives a reload without re-ingest, the page works offline after a
// first visit, the single-file build runs from disk, and no request goes to another origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitForFiles, screenshot, seedFiles, foreignRequests } from "./harness.mjs";

test("after a reload the same stories are back from the browser's storage, without re-ingest", async () => {
  const { browser, page, requests, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    await page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 5 files/ }).waitFor();
    const before = await page.getByTestId("article-row").locator(".row-title").allInnerTexts();
    const storage = await page.getByTestId("storage").innerText();
    console.log(`# seeds: ${storage}`);

    await page.reload();
    const status = page.getByTestId("status");
    await status.filter({ hasText: "10 stories from 5 files · restored from this browser" }).waitFor();
    const after = await page.getByTestId("article-row").locator(".row-title").allInnerTexts();
    assert.deepEqual(after, before);
    await page.getByTestId("article-row").filter({ hasText: "Iraq steps up pressure" }).click();
    await page.getByTestId("published").filter({ hasText: "Published 2020-09-28" }).waitFor();
    assert.equal(await page.getByTestId("topic").count() > 0, true);
    await screenshot(page, "restored");

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
