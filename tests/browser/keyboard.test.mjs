// Keyboard only, and an accessibility audit: "/" reaches the search box, Tab reaches the list,
// the arrow keys and j/k move through it and open each article, Enter opens, Escape closes; axe
// finds no serious or critical violation with the reader and an entity panel open, in the light
// and the dark theme.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitForFiles, screenshot, audit } from "./harness.mjs";

const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""}.${el.className}` : "";
  });

test("the page works by keyboard alone and passes an accessibility audit in both themes", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("sample").focus();
    await page.keyboard.press("Enter");
    await waitForFiles(page, 5);

    // "/" goes to the search box.
    await page.keyboard.press("/");
    assert.match(await active(page), /^input.*search/);
    await page.keyboard.type("iraq");
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();

    // Tab reaches the list (past the facets); Down from the search box goes straight there.
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await active(page)).includes("[article-list]");
    }
    assert.ok(reached, "Tab reaches the article list");
    await page.keyboard.press("/");
    await page.keyboard.press("ArrowDown");
    assert.match(await active(page), /\[article-list\]/);

    // j and the arrow keys open each article in turn; k goes back.
    const reader = page.getByTestId("reader");
    const heading = reader.getByRole("heading", { level: 2 });
    const rows = page.getByTestId("article-row");
    await page.keyboard.press("j");
    await heading.waitFor();
    const first = await heading.innerText();
    assert.equal(first, (await rows.nth(0).locator(".row-title").innerText()).replace(/^\d+ copies/, "").trim());
    await page.keyboard.press("ArrowDown");
    await heading.filter({ hasNotText: first }).waitFor();
    const second = await heading.innerText();
    await page.keyboard.press("k");
    await heading.filter({ hasText: first }).waitFor();
    assert.notEqual(first, second);
    assert.equal(await page.locator(".row.cursor").count(), 1, "one row holds the keyboard");

    // Escape closes the article.
    await page.keyboard.press("Escape");
    await page.getByText("Choose an article to read it here.").waitFor();
    await page.keyboard.press("Enter");
    await heading.filter({ hasText: first }).waitFor();

    // The audit, with the reader and an entity panel open.
    await reader.locator("mark.ent.person").first().click();
    await page.getByTestId("entity-details").getByTestId("entity-title").waitFor();
    assert.deepEqual(await audit(page), [], "light theme");
    await page.emulateMedia({ colorScheme: "dark" });
    assert.deepEqual(await audit(page), [], "dark theme");
    await screenshot(page, "keyboard-dark");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
