//! Search at scale: 50,000 articles of real prose (sentences of the wcxb-dev gold bodies, dealt
//! out deterministically, about 100 MB), indexed once; then the index's build time and size, and
//! the latency of the queries users type: a word, two words, a phrase, a prefix, an exclusion,
//! and the marks of a page of 50 hits.

use corpus::index::{best_passage, match_ranges, parse, SearchIndex};
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;
use std::time::Instant;

const ARTICLES: usize = 50_000;
const SENTENCES_PER_ARTICLE: usize = 14;

/// 50,000 (title, body) pairs built from the real sentences of the wcxb-dev gold bodies.
fn articles() -> Vec<(String, String)> {
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

fn search(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(|(t, b)| t.len() + b.len()).sum();
    let started = Instant::now();
    let index = SearchIndex::build_texts(articles.iter().map(|(t, b)| (t.as_str(), b.as_str())));
    eprintln!(
        "search index of {ARTICLES} articles ({:.1} MB): built in {:.2} s, {:.1} MB ({:.2} bytes per byte of text)",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        index.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / bytes as f64
    );
    let mut group = c.benchmark_group("search_50k");
    group.sample_size(20);
    for query in [
        "insurance",
        "the",
        "cloud security",
        "\"machine learning\"",
        "\"the best\"",
        "renov*",
        "coffee -espresso",
        "s",
        "s*",
        "machine lea",
    ] {
        let parsed = parse(query);
        group.bench_function(query, |b| {
            b.iter(|| index.search(&parsed).map_or(0, |h| h.len()))
        });
    }
    // What a page of hits costs on top: the passage and its marks for 50 bodies.
    let parsed = parse("\"machine learning\" data");
    let hits = index.search(&parsed).unwrap_or_default();
    group.bench_function("marks for 50 hits", |b| {
        b.iter(|| {
            hits.iter()
                .take(50)
                .map(|&(id, _)| {
                    let body = &articles[id as usize].1;
                    best_passage(body, &match_ranges(body, &parsed), 180)
                        .1
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
    let mut build = c.benchmark_group("search_build");
    build.sample_size(10);
    build.bench_function("index 50,000 articles", |b| {
        b.iter(|| {
            SearchIndex::build_texts(articles.iter().map(|(t, b)| (t.as_str(), b.as_str())))
                .heap_bytes()
        })
    });
    build.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
