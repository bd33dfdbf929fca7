//! Topic discovery over 5,000 distinct articles: each made of sentences drawn (by a fixed
//! pseudo-random sequence) from the articles of one subject of the labelled test set, so the
//! corpus has real subjects and no two articles are the same.

use corpus::Corpus;
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;

const ARTICLES: usize = 5000;

fn synthetic_corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/topics");
    let mut subjects: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    subjects.sort();
    let sentences: Vec<Vec<String>> = subjects
        .iter()
        .map(|subject| {
            let mut files: Vec<_> = std::fs::read_dir(subject)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .collect();
            files.sort();
            files
                .iter()
                .flat_map(|f| {
                    let text = std::fs::read_to_string(f).unwrap();
                    text.lines()
                        .skip(2)
                        .flat_map(|l| l.split(". ").map(str::to_owned).collect::<Vec<_>>())
                        .collect::<Vec<_>>()
                })
                .filter(|s| s.split_whitespace().count() > 4)
                .collect()
        })
        .collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..ARTICLES)
        .map(|i| {
            let subject = &sentences[i % sentences.len()];
            let pick = |n: u64| {
                subject[(n % subject.len() as u64) as usize]
                    .trim_end_matches('.')
                    .to_owned()
            };
            let title = format!(
                "Report {i}: {}",
                pick(next())
                    .split_whitespace()
                    .take(7)
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let body: Vec<String> = (0..4)
                .map(|_| format!("{}. {}. {}.", pick(next()), pick(next()), pick(next())))
                .collect();
            (
                format!("synthetic/{i:05}.txt"),
                format!("{title}\n\n{}", body.join("\n\n")),
            )
        })
        .collect()
}

fn topics(c: &mut Criterion) {
    let mut corpus = Corpus::new();
    for (name, text) in synthetic_corpus() {
        corpus.add_file(&name, text.as_bytes()).unwrap();
    }
    corpus.finish();
    assert_eq!(corpus.unique_stories(), ARTICLES);
    let mut group = c.benchmark_group("topics");
    group.sample_size(10);
    group.bench_function("5000_articles_automatic", |b| {
        b.iter(|| {
            corpus.build_topics(None, |_, _| {});
            corpus.topics().topics.len()
        })
    });
    group.bench_function("5000_articles_k8", |b| {
        b.iter(|| {
            corpus.build_topics(Some(8), |_, _| {});
            corpus.topics().topics.len()
        })
    });
    group.finish();
}

criterion_group!(benches, topics);
criterion_main!(benches);
