// The foundation, as a user meets it: load files, see the articles, read one; bad files get a
// reason while the good ones load; text is never run as markup; nothing leaves the machine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openPage, waitForFiles, screenshot, seedFiles, foreignRequests, FIXTURES } from "./harness.mjs";

test("the seed files load through the file input and an article opens in the reader", async () => {
  const { browser, page, requests, errors } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles(seedFiles());
    const status = await waitForFiles(page, 5);
    assert.match(status, /^10 stories from 5 files$/);
    const rows = page.getByTestId("article-row");
    assert.ok((await rows.count()) >= 10, `expected the seed articles listed, got ${await rows.count()}`);
    const fileList = page.getByTestId("file-list");
    assert.match(await fileList.innerText(), /002_c4c92065ccfd9160\.txt[\s\S]*4 articles/);

    await rows.filter({ hasText: "Foreign firefighters arrive in Greece" }).click();
    const reader = page.getByTestId("reader");
    await reader.getByRole("heading", { name: "Foreign firefighters arrive in Greece for summer wildfire season" }).waitFor();
    assert.match(await reader.innerText(), /Several dozen Romanian and Bulgarian firefighters took up their posts in Greece/);
    assert.match(await reader.innerText(), /Source: 002_c4c92065ccfd9160\.txt, line 127/);
    await screenshot(page, "seeds-loaded");
    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("a binary and an empty file get a clear reason while the seeds load", async () => {
  const { browser, page } = await openPage();
  try {
    const files = [...seedFiles(), join(FIXTURES, "photo.png"), join(FIXTURES, "empty.txt")];
    await page.getByTestId("file-input").setInputFiles(files);
    await waitForFiles(page, 7);
    const list = page.getByTestId("file-list");
    await list.getByText("not a text file: it is a PNG image").waitFor();
    await list.getByText("the file is empty").waitFor();
    const text = await list.innerText();
    assert.match(text, /photo\.png[\s\S]*not a text file: it is a PNG image/);
    assert.match(text, /empty\.txt[\s\S]*the file is empty/);
    assert.ok((await page.getByTestId("article-row").count()) >= 10);
    await screenshot(page, "bad-files");
  } finally {
    await browser.close();
  }
});

test("markup in a file is shown literally and never runs", async () => {
  const { browser, page } = await openPage();
  try {
    await page.getByTestId("file-input").setInputFiles([join(FIXTURES, "markup.txt")]);
    await waitForFiles(page, 1);
    await page.getByTestId("article-row").first().click();
    const reader = page.getByTestId("reader");
    await reader.getByRole("heading", { level: 2 }).waitFor();
    const title = await reader.getByRole("heading", { level: 2 }).innerText();
    assert.equal(title, 'Headline with <script>window.__injected = "script"</script> markup');
    assert.match(await reader.innerText(), /<img src="x" onerror="window.__injected = 'img'"> and <b>bold<\/b>/);
    assert.equal(await reader.locator("script, img, b").count(), 0);
    assert.equal(await page.evaluate(() => window.__injected), undefined);
  } finally {
    await browser.close();
  }
});

test("the sample corpus loads with one click and no request leaves the page", async () => {
  const { browser, page, requests } = await openPage();
  try {
    const before = requests.length;
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    await page.getByTestId("article-row").first().click();
    await page.getByTestId("reader").getByRole("heading", { level: 2 }).waitFor();
    await page.getByRole("searchbox").fill("larissa");
    await page.getByTestId("status").filter({ hasText: /^1 of 10 stories/ }).waitFor();
    assert.deepEqual(requests.slice(before), [], "no request at all after the page has loaded");
    assert.deepEqual(foreignRequests(requests), []);
    await screenshot(page, "sample-search");
  } finally {
    await browser.close();
  }
});
