//! The Corpus Explorer engine: pure Rust with no web dependency, so the same code runs natively in
//! the `corpus` command-line tool and in the browser's Web Worker.
//!
//! Bytes go in, a [`Corpus`] of [`Document`]s comes out: [`ingest`] decodes each file, normalises
//! its text and splits it into articles; [`query`] answers a filter with one page of hits.
//! A bad file is reported with an [`IngestError`] and never stops the others.
//!
//! ```
//! use corpus::{Corpus, Query};
//!
//! let mut corpus = Corpus::new();
//! let text = "Floods close the coast road\n\nHeavy rain closed the coast road on Tuesday, the council said.\n";
//! corpus.add_file("weather/floods.txt", text.as_bytes()).unwrap();
//! assert!(corpus.add_file("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
//! corpus.finish();
//!
//! let page = corpus.query(&Query { text: "coast".into(), ..Query::default() });
//! assert_eq!(page.total, 1);
//! assert_eq!(page.hits[0].title, "Floods close the coast road");
//! ```
#![warn(missing_docs)]

pub mod concordance;
mod corpus;
mod error;
pub mod export;
pub mod extract;
pub mod geo;
pub mod index;
pub mod ingest;
pub mod network;
mod par;
pub mod query;
mod sorted;
#[cfg(test)]
mod testing;
pub mod topics;

pub use crate::corpus::{
    split_job, Corpus, Document, Edits, FileReport, FileStatus, RemovedLine, SNAPSHOT_FORMAT,
};
pub use crate::error::IngestError;
pub use crate::export::{ExportFormat, Exported};
pub use crate::extract::aliases::{Entity, EntityEdit, EntityId, EntityRef, Form, Mention};
pub use crate::extract::entities::EntityKind;
pub use crate::query::{
    DateMode, Facet, FacetValue, HistogramBucket, Hit, Query, QueryResult, SearchMarks, SortOrder,
    EARLIER, LATER,
};

/// The position of a document in its corpus: documents are numbered from 0 in (file, line) order.
pub type DocId = u32;

/// A 1-based physical line number in a source file (lines split on `\n`).
pub type LineNo = u32;
