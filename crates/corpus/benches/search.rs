//! Search at scale: 50,000 articles of real prose (sentences of the wcxb-dev gold bodies, dealt
//! out deterministically, about 100 MB), indexed once; then the index's build time and size, and
//! the latency of the queries users type: a word, two words, a phrase, a prefix, an exclusion,
//! and the marks of a page of 50 hits.

use corpus::index::{best_passage, match_ranges, parse, SearchIndex};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Instant;

mod common;

const ARTICLES: usize = common::ARTICLES;

fn search(c: &mut Criterion) {
    let articles = common::real_prose_articles();
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
