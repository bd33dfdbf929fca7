//! Corpus Explorer's web app: a Leptos page on the main thread and a Web Worker that owns the
//! engine. They meet only in [`worker::protocol`]: the page never parses text, and the engine
//! (the `corpus` crate) never touches the web.

pub mod app;
pub mod components;
pub mod store;
pub mod url;
pub mod worker;
