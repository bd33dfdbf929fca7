//! Mounts the page. A panic anywhere on the main thread is logged and shown in a banner, so the
//! user learns something went wrong instead of staring at a dead page.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        corpus_explorer::app::show_fatal_error(&format!("The page hit an internal error: {info}"));
    }));
    register_service_worker();
    leptos::mount::mount_to_body(corpus_explorer::app::App);
}

/// Registers the service worker that keeps the page usable offline, when the page is served
/// over HTTP(S) (a page opened from disk has none).
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let served = window
        .location()
        .protocol()
        .is_ok_and(|p| p == "http:" || p == "https:");
    if served {
        let _ = window.navigator().service_worker().register("./sw.js");
    }
}
