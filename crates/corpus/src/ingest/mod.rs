//! Ingest: bytes of one file in, clean articles out.
//!
//! The stages run in order: [`decode`] turns bytes into normalised text (or says why it cannot),
//! and [`segment`] splits that text into articles. Neither panics on any input.

pub mod decode;
pub mod segment;

pub use decode::decode;
pub use segment::{segment, Article};

use crate::IngestError;

/// Decodes and segments one file. Returns the file's articles in file order, or why it has none.
pub fn ingest_bytes(bytes: &[u8]) -> Result<Vec<Article>, IngestError> {
    let text = decode(bytes)?;
    let articles = segment(&text);
    if articles.is_empty() {
        return Err(IngestError::Blank);
    }
    Ok(articles)
}
