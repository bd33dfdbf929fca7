//! The one error type of the engine: why a file gave no articles.

use thiserror::Error;

/// Why a file could not be turned into articles. Every variant names the problem so that a user
/// can act on it; the file's name is added by whoever reports the error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IngestError {
    /// The file has no bytes at all.
    #[error("the file is empty")]
    Empty,
    /// The file decodes to nothing but white space.
    #[error("the file holds only blank lines, no text")]
    Blank,
    /// The bytes are not text: a known binary format, NUL bytes, or mostly control characters.
    #[error("not a text file: {0}")]
    Binary(String),
    /// The file is a zip archive that cannot be opened.
    #[error("not a readable zip archive: {0}")]
    Archive(String),
}
