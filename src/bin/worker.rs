//! The Web Worker's entry point: it owns the engine and answers the page's requests.

fn main() {
    corpus_explorer::worker::run();
}
