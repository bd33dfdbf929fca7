//! The page's parts, one component each.

pub mod files;
pub mod reader;
pub mod results;
pub mod upload;
