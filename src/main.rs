//! Mounts the page. A panic anywhere on the main thread is logged and shown in a banner, so the
//! user learns something went wrong instead of staring at a dead page.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        corpus_explorer::app::show_fatal_error(&format!("The page hit an internal error: {info}"));
    }));
    leptos::mount::mount_to_body(corpus_explorer::app::App);
}
