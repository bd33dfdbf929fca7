//! Export: the articles the current filter keeps, or their entities, made into a file by the
//! worker and offered as a download. Nothing leaves the machine: the file is a Blob in the page.

use crate::app::AppState;
use crate::worker::protocol::{ExportWhat, Request};
use corpus::ExportFormat;
use leptos::prelude::*;

/// The export buttons, with what the last export gave.
#[component]
pub fn Export() -> impl IntoView {
    let state = expect_context::<AppState>();
    let with_body = RwSignal::new(false);
    let export = move |what: ExportWhat| {
        state.export_status.set(Some("Making the file…".to_owned()));
        state.send(Request::Export {
            query: state.query(0, usize::MAX),
            what,
        });
    };
    let articles = move |format| {
        export(ExportWhat::Articles {
            format,
            body: with_body.get_untracked(),
        })
    };
    let nothing = move || state.files.with(Vec::is_empty);
    view! {
        <div class="export" role="group" aria-label="Export what the filter keeps">
            <span class="export-label">"Export:"</span>
            <button
                class="button small"
                data-testid="export-csv"
                disabled=nothing
                on:click=move |_| articles(ExportFormat::Csv)
            >
                "CSV"
            </button>
            <button
                class="button small"
                data-testid="export-jsonl"
                disabled=nothing
                on:click=move |_| articles(ExportFormat::JsonLines)
            >
                "JSON Lines"
            </button>
            <button
                class="button small"
                data-testid="export-entities"
                disabled=nothing
                on:click=move |_| export(ExportWhat::Entities)
            >
                "Entities"
            </button>
            <label class="switch">
                <input
                    type="checkbox"
                    data-testid="export-body"
                    prop:checked=move || with_body.get()
                    on:change=move |ev| with_body.set(event_target_checked(&ev))
                />
                "with the text"
            </label>
            <span class="export-status" role="status" data-testid="export-status">
                {move || state.export_status.get()}
            </span>
        </div>
    }
}
