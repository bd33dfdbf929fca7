//! The pictures at scale: 50,000 articles of real prose (see `common`), ingested once; then the
//! network of the 200 most named people and organisations (counting what they share and laying
//! it out) and the map of the places, for the whole corpus and for a filter narrowed to one
//! entity, started from the whole picture's places as the page does.

mod common;

use corpus::network::NetworkOptions;
use corpus::{Corpus, EntityKind, Query};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Instant;

fn pictures(c: &mut Criterion) {
    let started = Instant::now();
    let mut corpus = Corpus::new();
    for (i, (title, body)) in common::real_prose_articles().iter().enumerate() {
        let _ = corpus.add_file(
            &format!("{i:05}.txt"),
            format!("{title}\n\n{body}\n").as_bytes(),
        );
    }
    corpus.finish();
    eprintln!(
        "pictures: {} articles, {} entities, ingested in {:.1} s",
        corpus.documents().len(),
        corpus.entities().len(),
        started.elapsed().as_secs_f64()
    );
    let options = NetworkOptions {
        size: 200,
        kinds: vec![EntityKind::Person, EntityKind::Org],
        min_weight: 1,
    };
    let whole = Query::default();
    let wide = corpus.network(&whole, &options, &[]);
    let anchors = wide.anchors();
    // The filter a click on the network's biggest node makes.
    let narrow = Query {
        entities: vec![wide.nodes[0].entity],
        ..Query::default()
    };
    let mut group = c.benchmark_group("pictures_50k");
    group.sample_size(10);
    group.bench_function("network of 200, whole corpus", |b| {
        b.iter(|| corpus.network(&whole, &options, &[]).links.len())
    });
    group.bench_function("network of 200, one entity's stories, from anchors", |b| {
        b.iter(|| corpus.network(&narrow, &options, &anchors).links.len())
    });
    group.bench_function("map, whole corpus", |b| {
        b.iter(|| corpus.place_map(&whole).points.len())
    });
    group.bench_function("map, one entity's stories", |b| {
        b.iter(|| corpus.place_map(&narrow).points.len())
    });
    group.finish();
}

criterion_group!(benches, pictures);
criterion_main!(benches);
