// Dates as a user meets them: a timeline of the seeds, brushed with "stated dates only" to the one
// article with a dateline; its reader shows where the date came from and marks the dates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitForFiles, screenshot, seedFiles } from "./harness.mjs";

async function brush(page, from, to = from) {
  const first = await page.locator(`[data-testid="bar"][data-start="${from}"]`).boundingBox();
  const last = await page.locator(`[data-testid="bar"][data-start="${to}"]`).boundingBox();
  await page.mouse.move(first.x + 2, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 4 });
  await page.mouse.move(last.x + last.width - 2, last.y + last.height / 2, { steps: 2 });
  await page.mouse.up();
}

const listed = async (page) => (await page.getByTestId("article-row").locator(".row-title").allInnerTexts()).map((t) => t.trim());

test("stated dates only, brushing September 2020 leaves exactly the article with a dateline", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    // The one stated day (September 2020) to where the estimates sit (October 2023), by month.
    const starts = await page.getByTestId("bar").evaluateAll((all) => all.map((b) => b.dataset.start));
    assert.equal(starts[0], "2020-09");
    assert.equal(starts[starts.length - 1], "2023-10");
    assert.equal(starts.length, 38);
    await page.getByTestId("stated-only").check();
    await brush(page, "2020-09");
    await page.getByTestId("date-range").filter({ hasText: "2020-09-01 – 2020-09-30" }).waitFor();
    await page.getByTestId("status").filter({ hasText: /^1 of 10 stories/ }).waitFor();
    assert.deepEqual(await listed(page), ["Iraq steps up pressure on outlawed militias"]);
    await screenshot(page, "timeline-stated-2020");

    await page.getByTestId("article-row").first().click();
    const reader = page.getByTestId("reader");
    await reader.getByTestId("published").waitFor();
    assert.equal(await reader.getByTestId("published").innerText(), "Published 2020-09-28 · from the dateline “September 28, 2020”");
    const sept25 = reader.locator("mark.date", { hasText: "Sept. 25" });
    assert.equal(await sept25.getAttribute("title"), "date: 2020-09-25, resolved from the publication date");

    // Without the switch the estimates count, but none sits at a year it merely recalls: the
    // analysis that mentions January 2020 is placed with the corpus, in October 2023.
    await page.getByTestId("stated-only").uncheck();
    await page.getByTestId("status").filter({ hasText: /^1 of 10 stories/ }).waitFor();
    // Undated stories join on request.
    await page.getByTestId("include-undated").check();
    await page.getByTestId("status").filter({ hasText: /^5 of 10 stories/ }).waitFor();
    await page.getByTestId("include-undated").uncheck();
    await brush(page, "2023-10");
    await page.getByTestId("status").filter({ hasText: /^5 of 10 stories/ }).waitFor();
    assert.ok((await listed(page)).includes("Analysis: Iran seeks to cool tensions in Iraq"));
    // The bars' counts add up to the list's total.
    const counts = await page.getByTestId("bar").evaluateAll((all) =>
      all.map((b) => Number((b.getAttribute("title").match(/: (\d+) article/) || [0, 0])[1])));
    assert.equal(counts.reduce((a, b) => a + b, 0), 6);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("in mentions mode the timeline finds the stories that talk about a year", async () => {
  const { browser, page } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    await page.getByTestId("mode-mentions").check();
    await page.locator('[data-testid="bar"][data-start="1944"]').waitFor();
    await brush(page, "2015");
    await page.getByTestId("status").filter({ hasText: /^2 of 10 stories/ }).waitFor();
    assert.deepEqual(await listed(page), [
      "Analysis: Iran seeks to cool tensions in Iraq",
      "One killed, six injured in shootout between migrant groups in Serbia",
    ]);
    await screenshot(page, "timeline-mentions-2015");
  } finally {
    await browser.close();
  }
});
