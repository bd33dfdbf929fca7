// Dates as a user meets them: a timeline of the seeds, brushed with "stated dates only" to the one
// article with a dateline; its reader shows where the date came from and marks the dates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { openPage, waitForFiles, screenshot, seedFiles, SEEDS_DIR } from "./harness.mjs";

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

// Each bar's count, as its title gives it.
const barCounts = (page) =>
  page.getByTestId("bar").evaluateAll((all) =>
    all.map((b) => ({ start: b.dataset.start, count: Number(b.getAttribute("title").match(/: (\d+) article/)[1]), shown: b.querySelector(".bar-count")?.textContent ?? "" })));
// Waits until `check` holds (the timeline follows the list a moment after it), then returns.
async function eventually(check, what) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(what());
}
const total = async (page) => Number((await page.getByTestId("status").innerText()).match(/^(\d+)/)[1]);

test("on real pages the timeline spans the articles, shows its counts, and adds up under every filter", async () => {
  const pagesDir = join(SEEDS_DIR, "../corpora/wcxb-dev/pages");
  const files = readdirSync(pagesDir).sort().map((f) => join(pagesDir, f));
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(files);
    await waitForFiles(page, files.length);
    await page.getByTestId("topic").first().waitFor({ timeout: 120000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="topics-pending"]') && !document.querySelector('[data-testid="entities-pending"]'), null, { timeout: 120000 });
    // Pages written over years: a bar a year, the few older pages gathered in one "earlier" bar,
    // and every bar labelled with its count.
    const bars = await barCounts(page);
    assert.equal(bars[0].start, "earlier");
    assert.ok(bars.length >= 6 && bars.length <= 16, JSON.stringify(bars));
    assert.ok(bars.slice(1).every((b) => /^\d{4}$/.test(b.start)), JSON.stringify(bars));
    for (const bar of bars) assert.equal(bar.shown, bar.count ? String(bar.count) : "", JSON.stringify(bar));
    const undated = async () => Number((await page.getByTestId("include-undated").locator("..").innerText()).match(/(\d+)/)[1]);
    // The bars and the undated stories make up the list, as a whole and under a topic.
    const sum = (bars) => bars.reduce((a, b) => a + b.count, 0);
    assert.equal(sum(bars) + (await undated()), await total(page));
    const all = await total(page);
    await page.getByTestId("topic").first().locator(".topic-pick").click();
    await page.waitForFunction((all) => !document.querySelector('[data-testid="status"]').innerText.startsWith(`${all} `), all);
    const inTopic = await total(page);
    assert.ok(inTopic < all);
    let seen = 0;
    await eventually(async () => (seen = sum(await barCounts(page)) + (await undated())) === inTopic,
      () => `bars and undated ${seen}, list ${inTopic}`);
    // Brushing the last three years lists exactly the stories of their bars.
    const topicBars = await barCounts(page);
    const last = topicBars.slice(-3);
    await brush(page, last[0].start, last[2].start);
    await page.getByTestId("date-range").waitFor();
    await page.getByTestId("status").filter({ hasText: new RegExp(`^${sum(last)} of`) }).waitFor();
    await screenshot(page, "timeline-real-pages");
    // The older pages gathered in "earlier" can be brushed too (without the topic, the bars are
    // those of the whole corpus again).
    await page.getByTestId("topic").first().locator(".topic-pick").click();
    const earlier = bars[0].count;
    await eventually(async () => (await barCounts(page))[0].count === earlier,
      () => `"earlier" bar not back to ${earlier}`);
    await brush(page, "earlier");
    await page.getByTestId("status").filter({ hasText: new RegExp(`^${earlier} of`) }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
