// Search as a user meets it: a phrase finds the stories that hold it, best first, each row
// showing the passage with the words marked; the reader marks them and shows the first; an
// excluded word narrows; the order menu lists the newest first; a quote left open gives a hint.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPage, waitForFiles, screenshot } from "./harness.mjs";

const storiesShown = async (page) => {
  const text = await page.getByTestId("status").textContent();
  const match = text.match(/^(\d+) of (\d+) stor/);
  return match ? Number(match[1]) : null;
};

test("a phrase search lists the stories holding it with the phrase marked, and the reader shows it", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    const search = page.getByRole("searchbox");

    await search.fill('"prime minister"');
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    const found = await storiesShown(page);
    assert.ok(found > 0 && found < 10, `the phrase is in some stories, not all: ${found}`);
    const rows = page.getByTestId("article-row");
    await rows.nth(found - 1).waitFor();
    for (let i = 0; i < found; i++) {
      const marks = await rows.nth(i).locator("mark.hit").allInnerTexts();
      assert.ok(
        marks.some((mark) => /^prime\s+minister$/i.test(mark.trim())),
        `row ${i} marks the phrase: ${JSON.stringify(marks)}`,
      );
    }
    // Reversed, the words are no phrase.
    await search.fill('"minister prime"');
    await page.getByText("No article matches.").waitFor();

    // An excluded word narrows the list.
    await search.fill("militias");
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    const militias = await storiesShown(page);
    await search.fill("militias -kataib");
    await page.getByTestId("status").filter({ hasText: new RegExp(`^(?!${militias} )\\d+ of 10 stories`) }).waitFor();
    assert.ok((await storiesShown(page)) < militias);

    // The reader marks the matches and brings the first into view.
    await search.fill('"prime minister"');
    await page.getByTestId("status").filter({ hasText: new RegExp(`^${found} of 10 stories`) }).waitFor();
    await rows.first().click();
    const reader = page.getByTestId("reader");
    const firstMark = reader.locator("mark.hit").first();
    await firstMark.waitFor();
    assert.match(await firstMark.innerText(), /prime\s+minister/i);
    await page.waitForFunction(() => {
      const mark = document.querySelector(".reader mark.hit");
      const box = mark?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await screenshot(page, "search-phrase");

    // Newest first.
    await search.fill("iraq");
    await page.getByTestId("sort").selectOption("date");
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    await rows.nth(1).waitFor();
    const dates = await page.locator(".row .row-date").allInnerTexts();
    const days = dates.map((d) => d.replace(/^≈\s*/, ""));
    assert.ok(days.length >= 2);
    assert.deepEqual([...days].sort().reverse(), days, `newest first: ${days}`);

    // A quote left open is read as best it can be, with a hint.
    await search.fill('"prime minister');
    await page.getByTestId("search-hint").filter({ hasText: /quote is not closed/ }).waitFor();
    assert.equal(await storiesShown(page), found);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// RFC 4180 rows: quoted fields may hold commas, quotes and line breaks.
function csvRows(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  return rows;
}

test("the filtered articles and their entities download as CSV, with the text on request", async () => {
  const { browser, page, errors, requests } = await openPage();
  try {
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    await page.getByRole("searchbox").fill("militias");
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    const shown = await storiesShown(page);
    const rows = page.getByTestId("article-row");
    await rows.nth(shown - 1).waitFor();
    const titles = await page.locator(".row .row-title").allInnerTexts();

    await page.getByTestId("export-body").check();
    const before = requests.length;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    assert.equal(download.suggestedFilename(), "corpus-articles.csv");
    const csv = csvRows(await readFile(await download.path(), "utf8"));
    assert.deepEqual(csv[0], ["id", "file", "line", "title", "published", "published_source", "entities", "topics", "body"]);
    assert.equal(csv.length - 1, shown, "one row per story listed");
    // In the list's order, each with its text.
    const clean = (t) => t.replace(/^\d+ copies/, "").trim();
    assert.deepEqual(csv.slice(1).map((r) => r[3]), titles.map(clean));
    for (const row of csv.slice(1)) assert.match(row[8], /militia/i);
    await page.getByTestId("export-status").filter({ hasText: `corpus-articles.csv: ${shown} rows` }).waitFor();

    const [entities] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-entities").click(),
    ]);
    const table = csvRows(await readFile(await entities.path(), "utf8"));
    assert.deepEqual(table[0], ["name", "type", "forms", "stories"]);
    assert.ok(table.some((r) => r[0] === "Mohammed Shia al-Sudani" && r[1] === "PERSON"));
    assert.ok(table.slice(1).every((r) => Number(r[3]) >= 1 && Number(r[3]) <= shown));
    assert.deepEqual(requests.slice(before).filter((url) => !url.startsWith("blob:")), [], "the file is made in the page");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the view is kept in the URL: a reload brings back the search, order, entity and open article", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    await page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 5 files/ }).waitFor();
    await page.getByRole("searchbox").fill("iraq");
    await page.getByTestId("sort").selectOption("date");
    await page.getByTestId("entity-search").fill("sudani");
    const sudani = page.getByTestId("entity").filter({ hasText: "Mohammed Shia al-Sudani" });
    await sudani.locator(".entity-pick").click();
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    const shown = await storiesShown(page);
    const rows = page.getByTestId("article-row");
    await rows.nth(1).click();
    const heading = page.getByTestId("reader").getByRole("heading", { level: 2 });
    await heading.waitFor();
    const title = await heading.innerText();
    await page.waitForFunction(() => location.hash.includes("file="));
    const url = page.url();
    assert.match(url, /#q=iraq&sort=date&e=Mohammed%20Shia%20al-Sudani&file=.+&line=\d+$/);

    await page.reload();
    await page.getByTestId("status").filter({ hasText: new RegExp(`^${shown} of 10 stories`) }).waitFor();
    assert.equal(await page.getByRole("searchbox").inputValue(), "iraq");
    assert.equal(await page.getByTestId("sort").inputValue(), "date");
    assert.equal(await page.getByTestId("selected-entity").count(), 1);
    await heading.filter({ hasText: title }).waitFor();
    assert.equal(page.url(), url, "the restored view writes the same URL");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the concordance of an entity lists every place it stands, sorts by the next word and opens the article there", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    await page.getByTestId("entity-search").fill("sudani");
    const sudani = page.getByTestId("entity").filter({ hasText: "Mohammed Shia al-Sudani" });
    await sudani.locator(".entity-pick").click();
    await page.getByTestId("status").filter({ hasText: /^3 of 10 stories/ }).waitFor();
    await page.getByTestId("tab-concordance").click();
    const heading = page.getByTestId("kwic-heading");
    await heading.filter({ hasText: /occurrences?$/ }).waitFor();
    const total = Number((await heading.innerText()).match(/(\d+) occurrence/)[1]);
    const lines = page.getByTestId("kwic-line");
    assert.equal(await lines.count(), total);
    assert.ok(total >= 3, `every story names him at least once: ${total}`);
    const keywords = await lines.locator(".kwic-key").allInnerTexts();
    for (const k of keywords) assert.match(k, /sudani/i);

    // By the word after: the first words after each occurrence, in order.
    await page.getByTestId("kwic-order").selectOption("after");
    await page.waitForFunction(() => {
      const words = [...document.querySelectorAll(".kwic-right")].map((e) => (e.textContent.match(/[\p{L}\p{N}]+/u) ?? [""])[0].toLowerCase());
      return words.length > 1 && words.every((w, i) => i === 0 || words[i - 1] <= w);
    });

    // A line opens its article with that place marked and in view.
    const line = lines.nth(1);
    const key = await line.locator(".kwic-key").innerText();
    await line.click();
    const focus = page.locator(".reader mark.focus");
    await focus.waitFor();
    assert.equal((await focus.innerText()).replace(/\s+/g, " "), key);
    await page.waitForFunction(() => {
      const box = document.querySelector(".reader mark.focus")?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await screenshot(page, "concordance-entity");

    // The concordance as CSV: every line.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("kwic-export").click(),
    ]);
    assert.equal(download.suggestedFilename(), "corpus-concordance.csv");
    const csv = csvRows(await readFile(await download.path(), "utf8"));
    assert.deepEqual(csv[0], ["file", "line", "left", "keyword", "right"]);
    assert.equal(csv.length - 1, total);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
