//! Extraction: facts found in the clean article text, each with its byte span and provenance.
//!
//! [`dates`] finds date expressions, normalises them, and works out when each article was
//! published and how sure that is. [`entities`] finds people, organisations and places, and
//! [`aliases`] links their names into entities across the corpus, keeping why.

pub mod aliases;
pub mod calendar;
pub mod dates;
pub mod entities;
pub(crate) mod gazetteer;
pub mod ner;
pub(crate) mod results;
