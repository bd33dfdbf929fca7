//! Ingest throughput: the seed files copied to about 10 MB (as many files, each copy a different
//! file name, so every copy is decoded, segmented and deduplicated), then the whole pipeline:
//! decode, corpus-wide chrome statistics, segmentation, duplicate detection and the index.

mod common;

use corpus::Corpus;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn ingest(c: &mut Criterion) {
    let files = common::seed_copies();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("seeds_10MB", |b| {
        b.iter(|| {
            let mut corpus = Corpus::new();
            for (name, data) in &files {
                let _ = corpus.add_file(name, data);
            }
            corpus.finish();
            corpus.documents().len()
        })
    });
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
