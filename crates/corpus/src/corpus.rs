//! The corpus: every article of every file, numbered, with a report of each file.

use crate::ingest::{self, segment::RemovedLine};
use crate::query::TermIndex;
use crate::{DocId, IngestError, LineNo};
use serde::{Deserialize, Serialize};

/// One article of the corpus, cleaned and ready to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Its number in the corpus.
    pub id: DocId,
    /// The source file's path as given (relative to the folder it was loaded from).
    pub file: String,
    /// The line of the source file the article's title stands on.
    pub line: LineNo,
    /// The headline.
    pub title: String,
    /// The body text: paragraphs set apart by a blank line (`"\n\n"`).
    pub body: String,
    /// Lines of the article's region left out of title and body, with why.
    pub removed: Vec<RemovedLine>,
}

impl Document {
    /// The body's paragraphs in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.is_empty())
    }
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    /// The file's path as given.
    pub file: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Whether it gave articles, and how many, or why not.
    pub status: FileStatus,
}

/// The outcome of ingesting one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FileStatus {
    /// The file gave this many articles.
    Loaded {
        /// How many articles.
        articles: usize,
    },
    /// The file gave none, for this reason (a sentence a user can read).
    Failed {
        /// Why.
        reason: String,
    },
}

/// Every article of every file loaded so far, and a report of each file.
///
/// Add files with [`Corpus::add_file`], then call [`Corpus::finish`] before reading or querying:
/// it puts the documents in (file, line) order, numbers them and builds the search index, so the
/// same set of files always gives the same corpus whatever order they arrived in.
#[derive(Debug, Default)]
pub struct Corpus {
    documents: Vec<Document>,
    files: Vec<FileReport>,
    pub(crate) index: TermIndex,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ingests one file's bytes. A file of the same path loaded before is replaced.
    /// Returns how many articles the file gave, or why it gave none; either way the file's
    /// report is kept. Never panics, whatever the bytes.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> Result<usize, IngestError> {
        self.documents.retain(|doc| doc.file != file);
        self.files.retain(|report| report.file != file);
        let outcome = ingest::ingest_bytes(bytes);
        let status = match &outcome {
            Ok(articles) => FileStatus::Loaded {
                articles: articles.len(),
            },
            Err(error) => FileStatus::Failed {
                reason: error.to_string(),
            },
        };
        self.files.push(FileReport {
            file: file.to_owned(),
            bytes: bytes.len() as u64,
            status,
        });
        let articles = outcome?;
        let count = articles.len();
        self.documents.extend(articles.into_iter().map(|article| {
            Document {
                id: 0,
                file: file.to_owned(),
                line: article.line,
                title: article.title,
                body: article
                    .paragraphs
                    .into_iter()
                    .map(|(_, text)| text)
                    .collect::<Vec<_>>()
                    .join("\n\n"),
                removed: article.removed,
            }
        }));
        Ok(count)
    }

    /// Records a file that could not even be read (the reason is shown to the user as is).
    pub fn add_unreadable(&mut self, file: &str, reason: &str) {
        self.files.retain(|report| report.file != file);
        self.files.push(FileReport {
            file: file.to_owned(),
            bytes: 0,
            status: FileStatus::Failed {
                reason: reason.to_owned(),
            },
        });
    }

    /// Orders and numbers the documents and rebuilds the index. Call after adding files.
    pub fn finish(&mut self) {
        self.documents
            .sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
        for (id, doc) in self.documents.iter_mut().enumerate() {
            doc.id = DocId::try_from(id).unwrap_or(DocId::MAX);
        }
        self.files.sort_by(|a, b| a.file.cmp(&b.file));
        self.index = TermIndex::build(&self.documents);
    }

    /// All documents in id order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The document with this id, if there is one.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.get(id as usize)
    }

    /// The report of every file added, in path order.
    pub fn files(&self) -> &[FileReport] {
        &self.files
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "A headline\n\nA body sentence that is long enough to count as one.";

    #[test]
    fn same_files_in_any_order_give_the_same_corpus() {
        let mut first = Corpus::new();
        first.add_file("b.txt", ARTICLE.as_bytes()).unwrap();
        first.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        first.finish();
        let mut second = Corpus::new();
        second.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        second.add_file("b.txt", ARTICLE.as_bytes()).unwrap();
        second.finish();
        assert_eq!(first.documents(), second.documents());
        assert_eq!(first.documents()[0].file, "a.txt");
        assert_eq!(first.documents()[1].id, 1);
    }

    #[test]
    fn a_bad_file_is_reported_and_the_others_stay() {
        let mut corpus = Corpus::new();
        corpus.add_file("good.txt", ARTICLE.as_bytes()).unwrap();
        assert_eq!(corpus.add_file("empty.txt", b""), Err(IngestError::Empty));
        corpus.add_unreadable("locked.txt", "permission denied");
        corpus.finish();
        assert_eq!(corpus.documents().len(), 1);
        let states: Vec<_> = corpus.files().iter().map(|f| &f.status).collect();
        assert_eq!(states.len(), 3);
        assert_eq!(
            states[0],
            &FileStatus::Failed {
                reason: "the file is empty".into()
            }
        );
    }

    #[test]
    fn loading_a_file_again_replaces_it() {
        let mut corpus = Corpus::new();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus.finish();
        assert_eq!(corpus.documents().len(), 1);
        assert_eq!(corpus.files().len(), 1);
    }
}
