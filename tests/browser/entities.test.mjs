// Entities as a user meets them: the facet lists people, organisations and places; selecting
// "Mohammed Shia al-Sudani" lists exactly the stories that name him, however they write it; a name
// clicked in the reader adds its entity to the filter (several entities: stories naming all of
// them) and opens its panel; a rename is kept across a reload. A 10 MB corpus measures extraction
// in the browser (printed, never asserted on time).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openPage, waitForFiles, screenshot, seedFiles, seedCopies, SEEDS_DIR } from "./harness.mjs";

const gold = JSON.parse(readFileSync(join(SEEDS_DIR, "../gold/seeds.json"), "utf8"));

// The distinct story titles whose gold entities include every one of `names`.
function goldStories(...names) {
  const titles = new Set();
  for (const [file, articles] of Object.entries(gold)) {
    if (!file.endsWith(".txt")) continue;
    for (const article of articles) {
      const have = new Set(article.entities.map((e) => e.name));
      if (names.every((n) => have.has(n))) titles.add(article.title);
    }
  }
  return [...titles].sort();
}

const listed = async (page) =>
  (await page.getByTestId("article-row").locator(".row-title").allInnerTexts())
    .map((t) => t.replace(/^\d+ copies/, "").trim())
    .sort();

test("selecting Mohammed Shia al-Sudani lists exactly the stories that name him, under any form", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    await page.getByTestId("entities-person").getByTestId("entity").first().waitFor();
    for (const kind of ["person", "org", "place"]) {
      assert.ok((await page.getByTestId(`entities-${kind}`).getByTestId("entity").count()) > 3, kind);
    }
    await screenshot(page, "entities-facet");

    // Find him by a short form of his name; the facet shows his full name.
    await page.getByTestId("entity-search").fill("sudani");
    const sudani = page.getByTestId("entity").filter({ hasText: "Mohammed Shia al-Sudani" });
    await sudani.waitFor();
    await sudani.locator(".entity-pick").click();
    const expected = goldStories("Mohammed Shia al-Sudani");
    assert.equal(expected.length, 3);
    await page.getByTestId("status").filter({ hasText: new RegExp(`^${expected.length} of 10 stories`) }).waitFor();
    assert.deepEqual(await listed(page), expected);

    // In the reader his names are marked; a click on another name narrows to stories with both.
    await page.getByTestId("article-row").filter({ hasText: "Baghdad Urges Washington" }).click();
    const reader = page.getByTestId("reader");
    await reader.locator("mark.ent.person", { hasText: "Sudani" }).first().waitFor();
    const forms = await reader.locator("mark.ent.person").allInnerTexts();
    assert.ok(forms.includes("Mohammed Shia Al-Sudani") && forms.includes("Sudani"), forms.join(", "));
    await reader.locator("mark.ent.person", { hasText: /^Al-Hamidawi$/ }).first().click();
    const both = goldStories("Mohammed Shia al-Sudani", "Abu Hussein al-Hamidawi");
    await page.getByTestId("status").filter({ hasText: new RegExp(`^${both.length} of 10 stories`) }).waitFor();
    assert.deepEqual(await listed(page), both);
    assert.equal(await page.getByTestId("selected-entity").count(), 2);

    // The panel of the clicked entity: its forms, why they go together, its stories.
    const details = page.getByTestId("entity-details");
    await details.getByTestId("entity-title").filter({ hasText: "Abu Hussein al-Hamidawi" }).waitFor();
    const written = await details.getByTestId("entity-form").locator(".form").allInnerTexts();
    assert.deepEqual(written.sort(), ["Abu Hussein Al-Hamidawi", "Abu Hussein al-Hamidawi", "Al-Hamidawi"]);
    assert.ok((await details.getByTestId("entity-evidence").innerText()).length > 0);
    await screenshot(page, "entities-selected");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("a renamed entity keeps its name after a reload", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    await waitForFiles(page, 5);
    await page.getByTestId("entity-search").fill("Khazali");
    const khazali = page.getByTestId("entity").filter({ hasText: "Qais al-Khazali" });
    await khazali.waitFor();
    await khazali.hover();
    await khazali.getByTestId("entity-about").click();
    await page.getByTestId("entity-rename-start").click();
    await page.getByTestId("entity-rename").fill("Qais al-Khazali (Asaib Ahl al-Haq)");
    await page.getByTestId("entity-rename").press("Enter");
    await page.getByTestId("entity").filter({ hasText: "Qais al-Khazali (Asaib Ahl al-Haq)" }).waitFor();
    await page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 5 files/ }).waitFor();
    await page.waitForTimeout(1000);

    await page.reload();
    await page.getByTestId("status").filter({ hasText: /restored from this browser/ }).waitFor();
    await page.getByTestId("entity-search").fill("Khazali");
    const renamed = page.getByTestId("entity").filter({ hasText: "Qais al-Khazali (Asaib Ahl al-Haq)" });
    await renamed.waitFor();
    assert.match(await renamed.innerText(), /2$/m);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("entities of a 10 MB corpus are found in the worker (figures printed, not asserted)", async () => {
  const { dir, files, bytes } = seedCopies(10 * 1024 * 1024);
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(files);
    await waitForFiles(page, files.length);
    const timing = page.getByTestId("entity-timing").filter({ hasText: /entities found in/ });
    await timing.waitFor({ timeout: 120000 });
    console.log(`# ${(bytes / 1e6).toFixed(1)} MB of files: ${await timing.innerText()}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("on real article pages the people listed are names, never pronouns, titles or page chrome", async () => {
  const pagesDir = join(SEEDS_DIR, "../corpora/wcxb-dev/pages");
  const files = readdirSync(pagesDir).sort().slice(0, 200).map((f) => join(pagesDir, f));
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(files);
    await waitForFiles(page, files.length);
    const people = page.getByTestId("entities-person").getByTestId("entity");
    await people.first().waitFor({ timeout: 120000 });
    const names = (await people.allInnerTexts()).slice(0, 30).map((t) => t.split("\n")[0].trim());
    console.log(`# people of 200 real pages: ${names.join("; ")}`);
    assert.ok(names.length >= 10, names.join("; "));
    const never = /^(i|i'm|i’m|he|she|it|we|they|you|his|her|their|president|minister|prime minister|senator|mr\.?|mrs\.?|share|advertisement|facebook|twitter|whatsapp|tumblr|reddit|monday|tuesday|january|march)$/i;
    for (const name of names) {
      assert.ok(!never.test(name), `${name} listed as a person`);
      assert.ok(!/\b(share|tweet|whatsapp|tumblr|linkedin|newsletter|subscribe)\b/i.test(name), `${name} listed as a person`);
    }
    await screenshot(page, "entities-real-pages");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
