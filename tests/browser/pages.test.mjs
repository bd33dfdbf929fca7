// Real pages as users have them: a zip archive holding text files, a saved web page and a zip
// inside it, dropped with two whole-page text dumps of real articles. Every file inside the
// zip is listed under the archive's path; the web page is read as its visible text; a page dump
// is one article with its headline and stated day, not its menus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { openPage, waitForFiles, screenshot } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const WCXB = join(here, "../../../shared/corpora/wcxb-dev");

/** Writes a zip of a small folder of news (with a saved page, a nested zip and a picture). */
function makeZip(path) {
  const script = `
import sys, zipfile, io
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("brief.txt", "Port reopens after the strike\\n\\nThe port reopened on Friday after a two-week strike ended, the operator said.")
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("2024/floods.txt", "Floods close the coast road\\n\\nHeavy rain closed the coast road on Tuesday, the council said.")
    z.writestr("saved/bridge.html", """<!DOCTYPE html><html><head><title>Bridge opens to traffic | The Daily Example</title>
<style>.menu { color: red }</style><script>window.menu = "Subscribe now";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Bridge opens to traffic</h1><p class="byline">By Ana Lima</p><time>March 3, 2024</time>
<p>The new bridge over the river opened to traffic on Monday after three years of work, the mayor said.</p>
<p>Drivers queued from dawn to be the first to cross it, and the city expects twenty thousand cars a day.</p>
<div hidden>A hidden promotion that nobody sees.</div></article>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p></footer></body></html>""")
    z.writestr("inner.zip", inner.getvalue())
    z.writestr("photo.jpg", b"\\xff\\xd8\\xff\\xe0")
`;
  execFileSync("python3", ["-c", script, path]);
}

function gold(file) {
  return readFileSync(join(WCXB, "gold.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .find((page) => page.file === file);
}

test("a zip of text and html files and real page dumps give one clean article each", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corpus-pages-"));
  const zip = join(dir, "news.zip");
  makeZip(zip);
  const dumps = ["0480.txt", "0481.txt"].map((name) => join(WCXB, "pages", name));
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles([zip, ...dumps]);
    // 4 files inside the zip (one a picture, refused) and the 2 dumps.
    assert.equal(await waitForFiles(page, 6), "5 stories from 6 files");

    const files = page.locator(".file");
    const listed = await files.allInnerTexts();
    for (const name of ["news.zip/2024/floods.txt", "news.zip/saved/bridge.html", "news.zip/inner.zip/brief.txt"]) {
      assert.ok(listed.some((row) => row.includes(name) && /1 article/.test(row)), `${name} is listed with its article`);
    }
    assert.ok(
      listed.some((row) => row.includes("news.zip/photo.jpg") && row.includes("skipped: a .jpg file")),
      "the picture inside the zip is named with why it was skipped",
    );

    // The saved page: its headline, byline and date, and none of its menus, scripts or footer.
    const rows = page.getByTestId("article-row");
    await rows.filter({ hasText: "Bridge opens to traffic" }).click();
    const reader = page.getByTestId("reader");
    await reader.getByRole("heading", { name: "Bridge opens to traffic", level: 2 }).waitFor();
    assert.equal(await reader.getByTestId("dateline").innerText(), "March 3, 2024");
    assert.equal(await reader.locator(".reader-byline").innerText(), "By Ana Lima");
    const body = await reader.locator(".reader-body").innerText();
    assert.match(body, /^The new bridge over the river opened to traffic on Monday/);
    for (const hidden of ["Home", "Subscribe now", "hidden promotion", "All rights reserved", "color: red"]) {
      assert.ok(!body.includes(hidden), `${hidden} is not in the article`);
    }
    await screenshot(page, "pages-html");

    // A real page dump: the headline the gold names, its stated day, and no menu in the body.
    for (const file of ["0480.txt", "0481.txt"]) {
      const truth = gold(file);
      await rows.filter({ hasText: truth.title }).click();
      await reader.getByRole("heading", { name: truth.title, level: 2 }).waitFor();
      const text = await reader.innerText();
      assert.match(text, new RegExp(`Source: ${file}`));
      const readerBody = await reader.locator(".reader-body").innerText();
      const firstGold = truth.body.split("\n")[0].slice(0, 60);
      assert.ok(readerBody.startsWith(firstGold.slice(0, 40)), `${file} starts with the article's first words`);
    }
    assert.match(await reader.getByTestId("published").innerText(), /2025-12-18|December 18, 2025|18 Dec/);
    await screenshot(page, "pages-dump");

    // A date line that names the author is shown once, as the dateline, not again as the byline.
    const post = join(dir, "post.txt");
    writeFileSync(
      post,
      "Ferry service returns to the island\n\nPublished March 3, 2024 by Jane Doe\n\n" +
        "The ferry to the island ran again on Monday after a winter without it, the operator said.\n\n" +
        "Islanders had crossed by a smaller boat since November, when the old ferry was taken away for repairs.",
    );
    await page.getByTestId("file-input").setInputFiles([post]);
    // Added to the files already open.
    await waitForFiles(page, 7);
    await rows.filter({ hasText: "Ferry service returns" }).click();
    await reader.getByRole("heading", { name: "Ferry service returns to the island", level: 2 }).waitFor();
    assert.equal(await reader.getByTestId("dateline").innerText(), "Published March 3, 2024 by Jane Doe");
    assert.equal(await reader.locator(".reader-byline").count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
