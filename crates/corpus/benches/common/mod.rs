//! The corpora the benches time: the seed files copied to about 10 MB, each copy a different
//! file name, so every copy is decoded, segmented and deduplicated; and 50,000 articles of real
//! prose for the benches at scale.

use std::path::Path;

/// About 10 MB of seed copies, as (file name, bytes).
#[allow(dead_code)]
pub fn seed_copies() -> Vec<(String, Vec<u8>)> {
    const TARGET_BYTES: usize = 10 * 1024 * 1024;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the bench reads the seeds in {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    seeds.sort();
    let seeds: Vec<Vec<u8>> = seeds.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let mut files = Vec::new();
    let mut total = 0;
    for copy in 0.. {
        for (n, bytes) in seeds.iter().enumerate() {
            if total >= TARGET_BYTES {
                return files;
            }
            total += bytes.len();
            files.push((format!("copy{copy:04}/seed{n}.txt"), bytes.clone()));
        }
    }
    files
}

/// How many articles the large benches generate.
pub const ARTICLES: usize = 50_000;
/// Sentences in each generated article.
const SENTENCES_PER_ARTICLE: usize = 14;

/// 50,000 (title, body) pairs built from the real sentences of the wcxb-dev gold bodies, dealt
/// out deterministically (about 100 MB).
#[allow(dead_code)]
pub fn real_prose_articles() -> Vec<(String, String)> {
    let gold =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/wcxb-dev/gold.jsonl");
    let text = std::fs::read_to_string(&gold)
        .unwrap_or_else(|e| panic!("the bench reads {}: {e}", gold.display()));
    let mut sentences: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        titles.push(value["title"].as_str().unwrap_or("").to_owned());
        let body = value["body"].as_str().unwrap_or("");
        sentences.extend(
            body.split_inclusive(['.', '!', '?'])
                .map(str::trim)
                .filter(|s| s.split_whitespace().count() >= 6)
                .map(str::to_owned),
        );
    }
    // A fixed linear congruential walk: the same corpus on every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    (0..ARTICLES)
        .map(|_| {
            let title = titles[next(titles.len())].clone();
            let body = (0..SENTENCES_PER_ARTICLE)
                .map(|_| sentences[next(sentences.len())].as_str())
                .collect::<Vec<_>>()
                .join(" ");
            (title, body)
        })
        .collect()
}
