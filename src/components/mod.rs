//! The page's parts, one component each.

pub mod concordance;
pub mod entities;
pub mod export;
pub mod files;
pub mod highlight;
pub mod pictures;
pub mod reader;
pub mod results;
pub mod switch;
pub mod timeline;
pub mod topics;
pub mod upload;
