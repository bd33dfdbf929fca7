// The generated 100 MB corpus of the scale test and the benchmark: 500 files holding 50,000
// articles of real prose (the sentences of the wcxb-dev gold bodies dealt out deterministically,
// as the native benches do). The same files on every run.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const FILES = 500;
const PER_FILE = 100;

/** The corpus: FILES files of PER_FILE articles ("Title (n)", a blank line, 14 sentences). */
export function makeCorpus() {
  const gold = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpora/wcxb-dev/gold.jsonl");
  const titles = [];
  const sentences = [];
  for (const line of readFileSync(gold, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const page = JSON.parse(line);
    titles.push(page.title ?? "");
    for (const s of (page.body ?? "").split(/(?<=[.!?])/)) {
      if (s.trim().split(/\s+/).length >= 6) sentences.push(s.trim());
    }
  }
  // A fixed linear congruential walk: the same corpus on every run.
  let state = 0x2545f4914f6cdd1dn;
  const next = (n) => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number((state >> 33n) % BigInt(n));
  };
  const dir = mkdtempSync(join(tmpdir(), "corpus-100mb-"));
  const paths = [];
  let bytes = 0;
  let n = 0;
  for (let f = 0; f < FILES; f++) {
    const parts = [];
    for (let a = 0; a < PER_FILE; a++, n++) {
      const body = Array.from({ length: 14 }, () => sentences[next(sentences.length)]).join(" ");
      parts.push(`${titles[next(titles.length)]} (${n})\n\n${body}\n\n\n`);
    }
    const text = parts.join("");
    const path = join(dir, `part${String(f).padStart(3, "0")}.txt`);
    writeFileSync(path, text);
    paths.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { dir, paths, bytes };
}

