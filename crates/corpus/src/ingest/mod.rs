//! Ingest: bytes of one file in, clean articles out.
//!
//! The stages run in order: [`decode`] turns bytes into normalised text (or says why it cannot),
//! [`segment`] splits that text into articles and classifies every line, using [`chrome`] to
//! recognise site chrome, and [`dedup`] finds the same story in several places. None panics on
//! any input.

pub mod chrome;
pub mod decode;
pub mod dedup;
pub mod page;
pub mod segment;

pub use decode::decode;
pub use segment::{segment, Article, ClassifiedLine, LineKind};
