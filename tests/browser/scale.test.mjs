// 100 MB of news, as a user drops it: 500 files holding 50,000 articles of real prose (the
// sentences of the wcxb-dev gold bodies dealt out deterministically, as the native benches do),
// made by the test. While the files load the page still answers clicks; the list comes first and
// is searched while the names and topics are found; then the list, the facets, the topics and a
// search cover the whole corpus. The load time is printed, not
// asserted: speed lives in the benches.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { openPage, screenshot } from "./harness.mjs";
import { makeCorpus } from "./corpus100.mjs";

test("100 MB of news: the page answers during the load, then the list and facets cover it all", { timeout: 600_000 }, async () => {
  const corpus = makeCorpus();
  const { browser, page, errors } = await openPage();
  try {
    assert.ok(corpus.bytes > 90e6, `about 100 MB: ${corpus.bytes}`);
    const started = Date.now();
    await page.getByTestId("file-input").setInputFiles(corpus.paths);
    const status = page.getByTestId("status");
    await status.filter({ hasText: /^Reading 500 files/ }).waitFor({ timeout: 60_000 });
    // The page answers while the worker reads: a tab switches, the search box takes text.
    await page.getByTestId("tab-concordance").click();
    assert.equal(await page.getByTestId("tab-concordance").getAttribute("aria-pressed"), "true");
    await page.getByRole("searchbox").fill("insurance");
    assert.match(await status.textContent(), /^(Reading|Finding)/, "still loading when the page answered");
    await page.getByTestId("tab-articles").click();
    await page.getByRole("searchbox").fill("");

    // Results first: the list is shown while the dates, names and topics are still being
    // found, and a search is answered meanwhile.
    await status.filter({ hasText: /stories from 500 files · (dating|finding)/ }).waitFor({ timeout: 480_000 });
    await page.getByTestId("article-row").first().waitFor({ timeout: 60_000 });
    const listed = (Date.now() - started) / 1000;
    assert.match(await status.textContent(), / · (dating|finding)/, "the rows come before the analysis ends");
    // The facets still to come say so, rather than show nothing.
    await page.getByTestId("entities-pending").waitFor({ timeout: 5_000 });
    await page.getByTestId("topics-pending").waitFor({ timeout: 5_000 });
    await page.getByRole("searchbox").fill("insurance");
    await status.filter({ hasText: /^\d[\d,]* of [\d,]+ stories from 500 files · finding/ }).waitFor({ timeout: 60_000 });
    await page.getByRole("searchbox").fill("");

    await status.filter({ hasText: /stories from 500 files$/ }).waitFor({ timeout: 480_000 });
    const loaded = (Date.now() - started) / 1000;
    const stories = Number((await status.textContent()).match(/^([\d,]+) stor/)[1].replace(/,/g, ""));
    assert.ok(stories >= 49_000, `nearly every article is its own story: ${stories}`);
    // The list reaches its last row; the facets and the topics are there.
    assert.ok(await page.getByTestId("article-row").count() > 0);
    assert.equal(await page.getByTestId("entities-pending").count(), 0);
    const entities = await page.getByTestId("entity").count();
    assert.ok(entities >= 10, `the entity facet lists the corpus's names: ${entities}`);
    await page.getByTestId("topic").nth(1).waitFor({ timeout: 240_000 });
    const topics = await page.getByTestId("topic").count();
    assert.ok(topics >= 2, `topics are found: ${topics}`);
    await page.getByRole("searchbox").fill("insurance");
    await status.filter({ hasText: /^\d[\d,]* of [\d,]+ stories/ }).waitFor({ timeout: 60_000 });
    const found = Number((await status.textContent()).match(/^([\d,]+) of/)[1].replace(/,/g, ""));
    assert.ok(found > 100 && found < stories, `a search narrows the 50,000: ${found}`);
    await screenshot(page, "scale-100mb");
    console.log(`100 MB: ${corpus.paths.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, listed in ${listed.toFixed(1)} s, analysed in ${loaded.toFixed(1)} s; ${stories} stories; 'insurance' in ${found}; ${entities} entities and ${topics} topics listed`);

    // Saved, then back on reload from the snapshot: the list at once, the search right.
    const storage = page.getByTestId("storage").filter({ hasText: /^Saved in this browser: 500 files/ });
    await storage.waitFor({ timeout: 180_000 });
    const saved = await storage.innerText();
    await page.getByRole("searchbox").fill("");
    const reloaded = Date.now();
    await page.reload();
    await status.filter({ hasText: /stories from 500 files · restored from this browser/ }).waitFor({ timeout: 120_000 });
    await page.getByTestId("article-row").first().waitFor();
    const restored = (Date.now() - reloaded) / 1000;
    await page.getByRole("searchbox").fill("insurance");
    await status.filter({ hasText: new RegExp(`^${found} of `) }).waitFor({ timeout: 60_000 });
    const searchable = (Date.now() - reloaded) / 1000;
    console.log(`100 MB reload: ${saved.split(" · ")[0]}; the list back in ${restored.toFixed(1)} s, the search in ${searchable.toFixed(1)} s`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(corpus.dir, { recursive: true, force: true });
  }
});
