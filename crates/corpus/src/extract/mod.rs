//! Extraction: facts found in the clean article text, each with its byte span and provenance.
//!
//! [`dates`] finds date expressions, normalises them, and works out when each article was
//! published and how sure that is.

pub mod calendar;
pub mod dates;
