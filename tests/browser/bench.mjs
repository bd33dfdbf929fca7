// `cargo xtask bench`: the generated 100 MB corpus (corpus100.mjs) through our engine and through
// the tools users know, side by side, natively and in one headless Chromium session:
// - our ingest, stage by stage: natively with one thread and with every core (the `corpus` CLI,
//   CORPUS_CLI), and in the page (dropped as a user drops files);
// - people, places and organisations: our engine's names stage against compromise's
//   people(), places() and organizations() (npm `compromise`), in MB/s. compromise reads the
//   first COMPROMISE_ARTICLES articles only (at its speed the whole corpus takes about ten
//   minutes); our figure is over the whole corpus;
// - the search index: ours against MiniSearch's addAll (npm `minisearch`) over every article
//   (title and body), time and memory (the JavaScript heap after a collection, measured by the
//   browser; ours is the index's own count of its bytes).
// Prints a table, and the figures as JSON to the file BENCH_JSON names, when set. BENCH_PAGE=1
// measures only our page (no native runs, no other tools), for a quick look.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import nlp from "compromise";
import MiniSearch from "minisearch";
import { launch, BASE_URL } from "./harness.mjs";
import { makeCorpus } from "./corpus100.mjs";

const COMPROMISE_ARTICLES = 1000;
const MODULES = join(dirname(fileURLToPath(import.meta.url)), "node_modules");
const MB = 1e6;

/** The articles of the corpus files, as the generator writes them: a title, a blank line, a body. */
function articlesOf(paths) {
  const articles = [];
  for (const path of paths) {
    for (const part of readFileSync(path, "utf8").split("\n\n\n")) {
      if (!part.trim()) continue;
      const at = part.indexOf("\n\n");
      articles.push({ id: articles.length, title: part.slice(0, at), body: part.slice(at + 2) });
    }
  }
  return articles;
}

const textBytes = (articles) => articles.reduce((n, a) => n + Buffer.byteLength(a.title) + Buffer.byteLength(a.body), 0);

/** Our CLI over the corpus with `threads` threads: wall time, stage times, index and peak memory. */
function native(cli, dir, threads) {
  const started = performance.now();
  const run = spawnSync(cli, ["ingest", dir], {
    env: { ...process.env, CORPUS_TIMINGS: "1", RAYON_NUM_THREADS: String(threads) },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * MB,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`corpus ingest failed: ${run.stderr}`);
  const stderr = run.stderr.toString();
  const stages = {};
  for (const line of stderr.split("\n").filter((l) => l.startsWith("corpus: timings: "))) {
    for (const part of line.slice("corpus: timings: ".length).split(" · ")) {
      const [, name, value] = part.match(/^(\S+) ([\d.]+) s$/);
      stages[name] = Number(value);
    }
  }
  const memory = stderr.match(/search index (\d+) bytes; peak (\d+) bytes/);
  return { threads, seconds, stages, indexBytes: Number(memory[1]), peakBytes: Number(memory[2]) };
}

/** compromise's people, places and organisations over the first articles: MB/s. */
function compromiseNative(articles) {
  const sample = articles.slice(0, COMPROMISE_ARTICLES);
  const started = performance.now();
  let names = 0;
  for (const a of sample) {
    const doc = nlp(`${a.title}\n\n${a.body}`);
    names += doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { bytes: textBytes(sample), seconds, names };
}

/** MiniSearch's index of every article: seconds and the heap it adds. */
function miniSearchNative(articles) {
  const gc = globalThis.gc ?? (() => {});
  gc();
  const before = v8.getHeapStatistics().used_heap_size;
  const started = performance.now();
  const index = new MiniSearch({ fields: ["title", "body"] });
  index.addAll(articles);
  const seconds = (performance.now() - started) / 1000;
  gc();
  const bytes = v8.getHeapStatistics().used_heap_size - before;
  return { seconds, bytes, terms: index.termCount };
}

/** The page: the files dropped as a user drops them, to the list; the stages and memory it reports. */
async function ourPage(browser, paths) {
  const page = await browser.newPage();
  await page.goto(BASE_URL);
  await page.getByTestId("status").filter({ hasText: "No files loaded yet." }).waitFor();
  const started = performance.now();
  await page.getByTestId("file-input").setInputFiles(paths);
  // The list first (the status counts the stories while names and topics are still found),
  // then the whole analysis (the status says nothing more is being found).
  await page.getByTestId("status").filter({ hasText: new RegExp(`stories from ${paths.length} files`) }).waitFor({ timeout: 900_000 });
  const listSeconds = (performance.now() - started) / 1000;
  await page.getByTestId("status").filter({ hasText: new RegExp(`stories from ${paths.length} files$`) }).waitFor({ timeout: 900_000 });
  const seconds = (performance.now() - started) / 1000;
  const timings = await page.getByTestId("load-timings").innerText();
  const stages = {};
  for (const [, name, value] of timings.matchAll(/(\w+) ([\d.]+) s/g)) stages[name] = Number(value);
  delete stages.load;
  const held = (text) => {
    const [, amount, unit] = text.match(/the engine holds ([\d.]+) (\w?B)/);
    return Number(amount) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[unit];
  };
  const engineBytes = held(timings);
  const helperMatch = timings.match(/the helper ([\d.]+) (\w?B)/);
  const helperBytes = helperMatch ? Number(helperMatch[1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[helperMatch[2]] : 0;
  // Saving makes the snapshot: what the engine holds after it is its peak.
  await page.getByTestId("storage").filter({ hasText: new RegExp(`^Saved in this browser: ${paths.length} files`) }).waitFor({ timeout: 300_000 });
  const savedBytes = held(await page.getByTestId("load-timings").innerText());
  // A click on the first entity of the facet, then on it again, timed in the page from the
  // click to the status saying the new count: the median of eight.
  const clicks = [];
  for (let n = 0; n < 8; n++) {
    clicks.push(await page.evaluate(async () => {
      const status = document.querySelector("[data-testid=status]");
      const before = status.textContent;
      const started = performance.now();
      document.querySelector("[data-testid=entity] .entity-pick").click();
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent !== before) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(status, { childList: true, subtree: true, characterData: true });
      });
      return performance.now() - started;
    }));
    await page.waitForTimeout(200);
  }
  clicks.sort((a, b) => a - b);
  const facetMillis = (clicks[3] + clicks[4]) / 2;
  await page.close();
  return { listSeconds, seconds, stages, engineBytes, savedBytes, helperBytes, facetMillis };
}

/** compromise and MiniSearch in a blank page of the same browser, over the same files. */
async function theirPage(browser, paths) {
  const page = await browser.newPage();
  await page.setContent('<input type="file" multiple>');
  await page.locator("input").setInputFiles(paths);
  await page.evaluate(async () => {
    const articles = [];
    for (const file of document.querySelector("input").files) {
      for (const part of (await file.text()).split("\n\n\n")) {
        if (!part.trim()) continue;
        const at = part.indexOf("\n\n");
        articles.push({ id: articles.length, title: part.slice(0, at), body: part.slice(at + 2) });
      }
    }
    window.articles = articles;
  });
  await page.addScriptTag({ path: join(MODULES, "compromise/builds/compromise.js") });
  await page.addScriptTag({ path: join(MODULES, "minisearch/dist/umd/index.js") });
  const compromise = await page.evaluate((count) => {
    const sample = window.articles.slice(0, count);
    const started = performance.now();
    let names = 0;
    for (const a of sample) {
      const doc = window.nlp(`${a.title}\n\n${a.body}`);
      names += doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
    }
    const bytes = sample.reduce((n, a) => n + new TextEncoder().encode(a.title + a.body).length, 0);
    return { bytes, seconds: (performance.now() - started) / 1000, names };
  }, COMPROMISE_ARTICLES);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const before = await heap();
  const seconds = await page.evaluate(() => {
    const started = performance.now();
    window.index = new window.MiniSearch({ fields: ["title", "body"] });
    window.index.addAll(window.articles);
    return (performance.now() - started) / 1000;
  });
  const bytes = (await heap()) - before;
  await page.close();
  return { compromise, miniSearch: { seconds, bytes } };
}

/** Everything the benchmark measures, over the generated corpus. */
async function bench(corpus) {
  const articles = articlesOf(corpus.paths);
  const text = textBytes(articles);
  console.error(`bench: ${corpus.paths.length} files, ${(corpus.bytes / MB).toFixed(1)} MB, ${articles.length} articles`);

  if (process.env.BENCH_PAGE) {
    const browser = await launch();
    try {
      console.log(JSON.stringify(await ourPage(browser, corpus.paths), null, 2));
    } finally {
      await browser.close();
    }
    return;
  }
  const cli = process.env.CORPUS_CLI;
  if (!cli) throw new Error("CORPUS_CLI names the corpus binary (cargo xtask bench sets it)");
  const cores = Math.min(availableParallelism(), 8);
  console.error("bench: native, one thread");
  const one = native(cli, corpus.dir, 1);
  console.error(`bench: native, ${cores} threads`);
  const all = native(cli, corpus.dir, cores);
  console.error("bench: compromise and MiniSearch in node");
  const compromiseN = compromiseNative(articles);
  const miniN = miniSearchNative(articles);

  console.error("bench: Chromium");
  const browser = await launch();
  let ours;
  let theirs;
  try {
    ours = await ourPage(browser, corpus.paths);
    theirs = await theirPage(browser, corpus.paths);
  } finally {
    await browser.close();
  }

  const rate = (bytes, seconds) => bytes / MB / seconds;
  const ourNamesNative = rate(corpus.bytes, one.stages.entities);
  const ourNamesPage = rate(corpus.bytes, ours.stages.names);
  const theirNamesNative = rate(compromiseN.bytes, compromiseN.seconds);
  const theirNamesPage = rate(theirs.compromise.bytes, theirs.compromise.seconds);
  const figures = {
    corpus: { files: corpus.paths.length, bytes: corpus.bytes, articles: articles.length, text_bytes: text },
    native: { one_thread: one, all_threads: all, compromise: compromiseN, minisearch: miniN },
    page: { ours, compromise: theirs.compromise, minisearch: theirs.miniSearch },
  };
  const f1 = (x) => x.toFixed(1);
  const f2 = (x) => x.toFixed(2);
  const rows = [
    ["", "native", "in Chromium"],
    ["corpus", `${corpus.paths.length} files, ${f1(corpus.bytes / MB)} MB, ${articles.length} articles`, ""],
    ["our ingest, drop to the list", "", `${f1(ours.listSeconds)} s`],
    ["our ingest, drop to full analysis", `${f1(one.seconds)} s on 1 thread, ${f1(all.seconds)} s on ${cores}`, `${f1(ours.seconds)} s`],
    ["  stages (s)",
      ["read", "articles", "entities", "index", "topics"].map((s) => `${s} ${f1(one.stages[s] ?? 0)}`).join(" · ") + " (1 thread, one after another)",
      ["reading", "splitting", "dates", "names", "index", "topics"].map((s) => `${s} ${f1(ours.stages[s] ?? 0)}`).join(" · ") + " (topics in a second worker, beside names and index)"],
    ["  throughput", `${f1(rate(corpus.bytes, one.seconds))} MB/s (1 thread), ${f1(rate(corpus.bytes, all.seconds))} MB/s (${cores})`, `${f2(rate(corpus.bytes, ours.seconds))} MB/s`],
    ["names: ours", `${f2(ourNamesNative)} MB/s (1 thread)`, `${f2(ourNamesPage)} MB/s`],
    [`names: compromise (first ${COMPROMISE_ARTICLES} articles)`, `${f2(theirNamesNative)} MB/s`, `${f2(theirNamesPage)} MB/s`],
    ["  ours ÷ compromise", `${f1(ourNamesNative / theirNamesNative)}×`, `${f1(ourNamesPage / theirNamesPage)}×`],
    ["search index: ours", `${f2(one.stages.index)} s, ${f1(one.indexBytes / MB)} MB`, `${f2(ours.stages.index)} s`],
    ["search index: MiniSearch", `${f2(miniN.seconds)} s, ${f1(miniN.bytes / MB)} MB heap`, `${f2(theirs.miniSearch.seconds)} s, ${f1(theirs.miniSearch.bytes / MB)} MB heap`],
    ["  ours ÷ MiniSearch", `time ${f2(one.stages.index / miniN.seconds)}, memory ${f2(one.indexBytes / miniN.bytes)}`, `time ${f2(ours.stages.index / theirs.miniSearch.seconds)}`],
    ["peak memory", `${f1(one.peakBytes / MB)} MB (1 thread), ${f1(all.peakBytes / MB)} MB (${cores}); ${f2(one.peakBytes / corpus.bytes)}× the text`, `engine ${f1(ours.engineBytes / MB)} MB after the analysis, ${f1(ours.savedBytes / MB)} MB after saving (${f2(ours.savedBytes / corpus.bytes)}× the text); helper ${f1(ours.helperBytes / MB)} MB (${f2(ours.helperBytes / corpus.bytes)}×)`],
    ["a facet click at this size", "", `${Math.round(ours.facetMillis)} ms from the click to the new count (median of 8)`],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(rows.map((r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`).join("\n"));
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(figures, null, 2));
}

const corpus = makeCorpus();
try {
  await bench(corpus);
} finally {
  rmSync(corpus.dir, { recursive: true, force: true });
}
