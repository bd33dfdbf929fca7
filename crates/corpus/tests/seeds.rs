//! The engine on the real seed files: every file gives articles, every article has a title and
//! body, and the copies bundled with the page are the seeds themselves.

use corpus::{Corpus, FileStatus};
use std::path::Path;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn every_seed_file_gives_articles_with_title_and_body() {
    let mut corpus = Corpus::new();
    for (name, bytes) in seeds() {
        corpus.add_file(&name, &bytes).unwrap();
    }
    corpus.finish();
    assert_eq!(corpus.files().len(), 5);
    assert!(corpus
        .files()
        .iter()
        .all(|f| matches!(f.status, FileStatus::Loaded { articles } if articles >= 1)));
    assert_eq!(corpus.documents().len(), 11);
    for doc in corpus.documents() {
        assert!(!doc.title.is_empty() && !doc.body.is_empty(), "{doc:?}");
        assert!(!doc.body.contains('\r'));
    }
}

#[test]
fn the_bundled_sample_is_the_seed_files() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample");
    for (name, bytes) in seeds() {
        let bundled = std::fs::read(sample.join(&name)).unwrap_or_default();
        assert!(
            bundled == bytes,
            "assets/sample/{name} differs from the seed file"
        );
    }
}
