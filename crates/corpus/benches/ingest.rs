//! Ingest throughput: the seed files copied to about 10 MB (as many files, each copy a different
//! file name, so every copy is decoded, segmented and deduplicated), then the whole pipeline:
//! decode, corpus-wide chrome statistics, segmentation, duplicate detection and the index.

use corpus::Corpus;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn seed_corpus() -> Vec<(String, Vec<u8>)> {
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

fn ingest(c: &mut Criterion) {
    let files = seed_corpus();
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
