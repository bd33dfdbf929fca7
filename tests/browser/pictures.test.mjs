// The pictures as a user meets them: the network of the entities named together and the world
// map of the places, on the seed files. Clicking a node or a country filters the list by that
// entity; clicking a link lists the stories it stands for; both follow the other filters, pan
// and zoom, and save as SVG and PNG. The page makes no request to do any of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPage, waitForFiles, screenshot, foreignRequests, audit } from "./harness.mjs";

const storiesShown = async (page) => {
  const text = await page.getByTestId("status").textContent();
  const match = text.match(/^(\d+) of (\d+) stor/);
  return match ? Number(match[1]) : null;
};

test("the network: nodes sized by stories, a click on a node filters, a click on a link lists the shared stories", async () => {
  const { browser, page, requests, errors } = await openPage();
  try {
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    const before = requests.length;
    await page.getByTestId("tab-network").click();
    const caption = page.getByTestId("network-caption");
    await caption.filter({ hasText: /laid out in \d+ ms/ }).waitFor();
    const nodes = page.getByTestId("network-node");
    const count = await nodes.count();
    assert.ok(count >= 20, `the seeds name many people and organisations together: ${count}`);
    // No two nodes overlap, and the written names do not overlap each other.
    const geometry = await page.evaluate(() => {
      const circles = [...document.querySelectorAll("[data-testid=network-node]")].map((c) => ({
        x: +c.getAttribute("cx"), y: +c.getAttribute("cy"), r: +c.getAttribute("r"), name: c.dataset.name,
      }));
      const labels = [...document.querySelectorAll("svg.picture text.label")].map((t) => {
        const b = t.getBBox();
        return { x: b.x, y: b.y, w: b.width, h: b.height, text: t.textContent };
      });
      return { circles, labels };
    });
    for (let i = 0; i < geometry.circles.length; i++) {
      for (let j = i + 1; j < geometry.circles.length; j++) {
        const [a, b] = [geometry.circles[i], geometry.circles[j]];
        assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.5, `${a.name} and ${b.name} overlap`);
      }
    }
    assert.ok(geometry.labels.length >= 10, `names are written: ${geometry.labels.length}`);
    for (let i = 0; i < geometry.labels.length; i++) {
      for (let j = i + 1; j < geometry.labels.length; j++) {
        const [a, b] = [geometry.labels[i], geometry.labels[j]];
        const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        assert.ok(overlapX <= 2 || overlapY <= 2, `labels "${a.text}" and "${b.text}" overlap`);
      }
    }
    await screenshot(page, "pictures-network-seeds");
    assert.deepEqual(await audit(page), [], "axe finds no serious violation in the network");

    // A click on the biggest node selects it as a filter: the list narrows to its stories.
    const first = nodes.first();
    const name = await first.getAttribute("data-name");
    await first.click();
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    const narrowed = await storiesShown(page);
    assert.ok(narrowed >= 1 && narrowed < 10, `the list keeps ${name}'s stories: ${narrowed}`);
    await page.locator(`[data-testid=network-node][data-name="${name}"].selected`).waitFor();
    // The network follows the filter: only entities of those stories remain.
    await page.mouse.move(0, 0);
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=network-node]").length < n,
      count,
    );

    // A click on a link lists the stories both ends share, and one opens in the reader. The
    // links are drawn as paths: click the middle of one that no node covers.
    const spot = await page.evaluate(() => {
      const svg = document.querySelector("[data-testid=network]");
      const ctm = svg.getScreenCTM();
      for (const path of document.querySelectorAll("[data-testid=links] path")) {
        for (const m of path.getAttribute("d").matchAll(/M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/g)) {
          const [x1, y1, x2, y2] = m.slice(1).map(Number);
          if (Math.hypot(x2 - x1, y2 - y1) < 60) continue;
          const p = svg.createSVGPoint();
          p.x = (x1 + x2) / 2;
          p.y = (y1 + y2) / 2;
          const s = p.matrixTransform(ctm);
          const hit = document.elementFromPoint(s.x, s.y);
          if (hit && hit.tagName === "path") return { x: s.x, y: s.y };
        }
      }
      return null;
    });
    assert.ok(spot, "a link can be pointed at");
    await page.mouse.move(spot.x, spot.y);
    await caption.filter({ hasText: / and .*: \d+ shared stor/ }).waitFor();
    await page.mouse.click(spot.x, spot.y);
    const shared = page.getByTestId("shared-stories");
    await shared.waitFor();
    assert.match(await shared.locator("h3").textContent(), /shared stor/);
    await shared.locator("li button").first().click();
    await page.locator(".reader-title").waitFor();

    // The slider hides weaker links without moving a node.
    const positions = async () =>
      page.evaluate(() => [...document.querySelectorAll("[data-testid=network-node]")].map((c) => c.getAttribute("cx") + "," + c.getAttribute("cy")).join(" "));
    const placed = await positions();
    const linkCount = async () => Number(await page.getByTestId("links").getAttribute("data-count"));
    const links = await linkCount();
    const slider = page.getByTestId("network-min-weight");
    const max = Number(await slider.getAttribute("max"));
    if (max > 1) {
      await slider.fill(String(max));
      await page.waitForFunction((n) => Number(document.querySelector("[data-testid=links]").dataset.count) < n, links);
      assert.equal(await positions(), placed, "the nodes stay where they were");
    }

    // Saved as SVG: a standalone file holding the nodes.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("network-svg").click()]);
    const svg = await readFile(await download.path(), "utf8");
    assert.match(svg, /^<\?xml/);
    assert.match(svg, /xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes(`data-name="${name}"`));
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("network-png").click()]);
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "a PNG file");
    assert.ok(bytes.length > 10_000, `the PNG holds a picture: ${bytes.length} bytes`);

    assert.deepEqual(foreignRequests(requests.slice(before)), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the map: countries shaded by stories, a click on a country filters, places it cannot show are listed", async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.getByTestId("sample").click();
    await waitForFiles(page, 5);
    await page.getByTestId("tab-map").click();
    const caption = page.getByTestId("map-caption");
    await caption.filter({ hasText: /counted in \d+ ms/ }).waitFor();
    const countries = await page.getByTestId("map-country").count();
    assert.ok(countries > 170, `the world is drawn: ${countries} countries`);
    // The seeds are about Iraq: it is shaded, as are the countries the stories name.
    const iraq = page.locator("[data-testid=map-country][data-code=IQ]");
    assert.equal(await iraq.getAttribute("class"), "country named");
    const named = await page.locator("[data-testid=map-country].named").count();
    assert.ok(named >= 3, `several countries are named: ${named}`);
    const dots = await page.getByTestId("map-dot").count();
    assert.ok(dots >= 1, "cities are dots");
    assert.ok(await page.getByTestId("map-unplaced").count() >= 1, "places with no point are listed");
    await screenshot(page, "pictures-map-seeds");
    assert.deepEqual(await audit(page), [], "axe finds no serious violation in the map");

    // Zoom in with the wheel: the view narrows.
    const map = page.getByTestId("map");
    const whole = await map.getAttribute("viewBox");
    await map.hover();
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((v) => document.querySelector("[data-testid=map]").getAttribute("viewBox") !== v, whole);

    // A click on a named country keeps the stories that name it.
    await page.getByRole("button", { name: "Whole picture" }).click();
    await iraq.dispatchEvent("click");
    await page.getByTestId("status").filter({ hasText: /^\d+ of 10 stories/ }).waitFor();
    const kept = await storiesShown(page);
    assert.ok(kept >= 1 && kept < 10, `the stories naming Iraq: ${kept}`);
    // The map follows: a search for something no story holds leaves it blank.
    await page.getByRole("searchbox").fill("zzzqqq");
    await caption.filter({ hasText: /^0 countries/ }).waitFor();
    assert.equal(await page.locator("[data-testid=map-country].named").count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
