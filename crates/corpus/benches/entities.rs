//! Entity extraction throughput: the seed files copied to about 10 MB (each copy a different
//! file), ingested once; then finding every name in every title, caption and body and linking
//! them into entities across the corpus, timed over the bytes of those fields.

mod common;

use corpus::Corpus;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn seed_corpus() -> Corpus {
    let mut corpus = Corpus::new();
    for (name, bytes) in common::seed_copies() {
        let _ = corpus.add_file(&name, &bytes);
    }
    corpus.finish();
    corpus
}

fn entities(c: &mut Criterion) {
    let mut corpus = seed_corpus();
    let bytes = corpus.text_bytes();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("seeds_10MB", |b| {
        b.iter(|| {
            corpus.link_entities();
            corpus.entities().len()
        })
    });
    group.finish();
}

criterion_group!(benches, entities);
criterion_main!(benches);
