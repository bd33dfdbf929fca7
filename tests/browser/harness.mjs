// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, a record of
// every request the page makes, and helpers that act as a user would.
import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080/";
export const ARTIFACTS = process.env.ARTIFACTS ?? join(dirname(fileURLToPath(import.meta.url)), "artifacts");
const here = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = join(here, "../../../shared/seeds");
export const FIXTURES = join(here, "fixtures");
export const seedFiles = () =>
  readdirSync(SEEDS_DIR).filter((name) => name.endsWith(".txt")).sort().map((name) => join(SEEDS_DIR, name));

export const DIST = join(here, "../../dist");

// The seed files copied into a fresh temporary folder until they make `target` bytes, each copy
// with its own name. Returns the folder (remove it when done), the paths and the bytes written.
export function seedCopies(target) {
  const dir = mkdtempSync(join(tmpdir(), "corpus-copies-"));
  const seeds = seedFiles().map((path) => readFileSync(path));
  const files = [];
  let bytes = 0;
  for (let copy = 0; bytes < target; copy++) {
    seeds.forEach((data, n) => {
      const path = join(dir, `copy${String(copy).padStart(4, "0")}-seed${n}.txt`);
      writeFileSync(path, data);
      files.push(path);
      bytes += data.length;
    });
  }
  return { dir, files, bytes };
}

/** Starts Debian's Chromium, headless, with a fresh profile and no background traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Starts Chromium and opens the page; resolves once the engine says it is ready. */
export async function openPage(url = BASE_URL) {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  await page.getByTestId("status").filter({ hasText: "No files loaded yet." }).waitFor();
  return { browser, page, requests, errors };
}

/** The status line once a load has finished with this many files. */
export async function waitForFiles(page, files) {
  const status = page.getByTestId("status");
  await status.filter({ hasText: new RegExp(`from ${files} files?$`) }).waitFor();
  return status.textContent();
}

/** Saves a screenshot as a test artifact and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Every request that went anywhere but the page's own origin. */
export function foreignRequests(requests) {
  const origin = new URL(BASE_URL).origin;
  return requests.filter((url) => {
    if (url.startsWith("blob:") || url.startsWith("data:")) return false;
    return new URL(url).origin !== origin;
  });
}

const AXE = join(here, "node_modules/axe-core/axe.min.js");

/** The serious and critical violations axe-core finds in the page as it is now. */
export async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    // Evaluated by the test's driver, not as a script of the page: the page's own policy
    // allows no script but its own.
    await page.evaluate(readFileSync(AXE, "utf8"));
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}
