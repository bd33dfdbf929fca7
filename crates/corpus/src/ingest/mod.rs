//! Ingest: bytes of one file in, clean articles out.
//!
//! A zip file is first opened as a folder ([`archive`]) and a saved web page read as the text
//! a person sees ([`html`]). The stages run in order: [`decode`] turns bytes into normalised
//! text (or says why it cannot),
//! [`segment`] splits that text into articles and classifies every line, using [`chrome`] to
//! recognise site chrome and [`page`] to find the article in a whole page, then [`phrases`]
//! cuts runs of words that recur across the corpus out of paragraphs, and [`dedup`] finds the same story in several places. None panics on
//! any input.

pub mod archive;
pub mod chrome;
pub mod decode;
pub mod dedup;
pub mod html;
pub mod page;
pub mod phrases;
pub mod segment;

pub use decode::decode;
pub use segment::{segment, Article, ClassifiedLine, LineKind};
