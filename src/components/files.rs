//! The file panel: the progress of a load, then every file with what became of it.

use crate::app::{plural, AppState};
use corpus::FileStatus;
use leptos::prelude::*;

/// A size in bytes as a person reads it.
pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

/// Load progress and the list of files.
#[component]
pub fn FilePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = move || {
        state
            .progress
            .get()
            .filter(|p| !crate::app::is_background(&p.stage))
            .map(|p| {
                view! {
                    <div class="progress" data-testid="progress">
                        <progress max=p.bytes_total.max(1) value=p.bytes_done></progress>
                        <div class="progress-text">
                            {format!(
                                "{} of {} files · {} of {}",
                                p.files_done,
                                p.files_total,
                                human_bytes(p.bytes_done),
                                human_bytes(p.bytes_total),
                            )}
                        </div>
                        <div class="progress-current">{p.current.unwrap_or_default()}</div>
                    </div>
                }
            })
    };
    let rows = move || {
        state
            .files
            .get()
            .into_iter()
            .map(|report| {
                let (class, outcome) = match &report.status {
                    FileStatus::Loaded { articles } => (
                        "file ok",
                        format!("{articles} article{}", plural(*articles)),
                    ),
                    FileStatus::Failed { reason } => ("file failed", reason.clone()),
                };
                view! {
                    <li class=class title=report.file.clone()>
                        <span class="file-name">{report.file.clone()}</span>
                        <span class="file-size">{human_bytes(report.bytes)}</span>
                        <span class="file-outcome">{outcome}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let storage = move || {
        state.storage.get().map(|info| {
            if !info.available {
                let problem = info.problem.unwrap_or_default();
                return view! {
                    <p class="storage" data-testid="storage">
                        {format!("Not saved in this browser ({problem}): the corpus lives until the page closes.")}
                    </p>
                }
                .into_any();
            }
            let used = match (info.usage, info.quota) {
                (Some(usage), Some(quota)) => format!(
                    " · this page uses {} of {} allowed",
                    human_bytes(usage as u64),
                    human_bytes(quota as u64)
                ),
                _ => String::new(),
            };
            let text = if info.files == 0 {
                "Nothing saved in this browser yet.".to_owned()
            } else {
                format!(
                    "Saved in this browser: {} file{} ({}) and a snapshot ({}){used}.",
                    info.files,
                    plural(info.files),
                    human_bytes(info.file_bytes),
                    human_bytes(info.snapshot_bytes)
                )
            };
            view! {
                <p class="storage" data-testid="storage">
                    {text}
                    " "
                    <button
                        class="link"
                        data-testid="clear-storage"
                        on:click=move |_| state.send(crate::worker::protocol::Request::ClearStorage)
                    >
                        "Clear"
                    </button>
                </p>
            }
            .into_any()
        })
    };
    // What the last load cost: a figure for whoever loads a big corpus.
    let timings = move || {
        state.load_timings.get().map(|timings| {
            let parts: Vec<String> = timings
                .stages
                .iter()
                .map(|(stage, ms)| format!("{stage} {:.1} s", ms / 1000.0))
                .collect();
            let memory = if timings.memory > 0 {
                format!("; the engine holds {}", human_bytes(timings.memory))
            } else {
                String::new()
            };
            let helper = if timings.helper_memory > 0 {
                format!(", the helper {}", human_bytes(timings.helper_memory))
            } else {
                String::new()
            };
            view! {
                <p class="hint" data-testid="load-timings">
                    {format!(
                        "Last load: list {:.1} s, analysed {:.1} s ({}; the topics beside the names){memory}{helper}.",
                        timings.list / 1000.0,
                        timings.total / 1000.0,
                        parts.join(" · "),
                    )}
                </p>
            }
        })
    };
    view! {
        <section class="file-panel" aria-label="Files">
            <h2>"Files"</h2>
            {progress}
            <ul class="file-list" data-testid="file-list">{rows}</ul>
            <p class="hint">
                "Drop text files or whole folders anywhere on the page. They are read here, in your browser, and sent nowhere."
            </p>
            {storage}
            {timings}
        </section>
    }
}
