//! The concordance view: every occurrence of the search's word or phrase, or of the selected
//! entity, across the articles the filters keep, its context aligned on either side; sortable
//! by the word before or after; a click opens the article at that place; CSV on request.

use crate::app::{AppState, MiddleView};
use crate::worker::protocol::{ExportWhat, Request, CONCORDANCE_LINES};
use corpus::concordance::Order;
use leptos::prelude::*;

/// The switch between the list of articles, the concordance, the network and the map.
#[component]
pub fn MiddleTabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tab = move |view: MiddleView, name: &'static str, test_id: &'static str| {
        view! {
            <button
                class="tab"
                data-testid=test_id
                aria-pressed=move || (state.middle.get() == view).to_string()
                on:click=move |_| state.middle.set(view)
            >
                {name}
            </button>
        }
    };
    view! {
        <div class="tabs" role="group" aria-label="Show">
            {tab(MiddleView::Articles, "Articles", "tab-articles")}
            {tab(MiddleView::Concordance, "Concordance", "tab-concordance")}
            {tab(MiddleView::Network, "Network", "tab-network")}
            {tab(MiddleView::Map, "Map", "tab-map")}
        </div>
    }
}

/// The concordance of what the search or the entity selection names.
#[component]
pub fn ConcordanceView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Asks again whenever the filter, the target or the order changes.
    Effect::new(move |_| {
        state.generation.track();
        let order = state.concordance_order.get();
        if state.middle.get() != MiddleView::Concordance || state.files.with(Vec::is_empty) {
            return;
        }
        match state.concordance_target() {
            Some((target, _)) => state.send(Request::Concordance {
                query: state.query(0, usize::MAX),
                target,
                order,
            }),
            None => state.concordance.set(None),
        }
    });
    let heading = move || {
        match state.concordance_target() {
        None => "Type a word or a \"phrase\" in the search box, or select an entity, to see every place it stands.".to_owned(),
        Some((_, name)) => match state.concordance.get() {
            None => format!("Finding “{name}”…"),
            Some(c) if c.total > c.lines.len() => format!(
                "“{name}”: {} occurrences (the first {} shown; the CSV has them all)",
                c.total,
                c.lines.len()
            ),
            Some(c) => format!(
                "“{name}”: {} occurrence{}",
                c.total,
                if c.total == 1 { "" } else { "s" }
            ),
        },
    }
    };
    let export = move |_| {
        if let Some((target, _)) = state.concordance_target() {
            state.export_status.set(Some("Making the file…".to_owned()));
            state.send(Request::Export {
                query: state.query(0, usize::MAX),
                what: ExportWhat::Concordance {
                    target,
                    order: state.concordance_order.get_untracked(),
                },
            });
        }
    };
    let lines = move || {
        state
            .concordance
            .get()
            .map(|c| c.lines)
            .unwrap_or_default()
            .into_iter()
            .map(|line| {
                let (doc, field, start, end) = (line.doc, line.field, line.start, line.end);
                let place = format!("{} · line {}", line.file, line.line);
                view! {
                    <li
                        class="kwic-line"
                        data-testid="kwic-line"
                        tabindex="0"
                        title=place
                        on:click=move |_| {
                            state.select(doc);
                            state.focus_mark.set(Some((field, start, end)));
                        }
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                state.select(doc);
                                state.focus_mark.set(Some((field, start, end)));
                            }
                        }
                    >
                        <span class="kwic-left">{line.left}</span>
                        <span class="kwic-key">{line.keyword}</span>
                        <span class="kwic-right">{line.right}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="concordance" aria-label="Concordance">
            <div class="kwic-bar">
                <p class="kwic-heading" data-testid="kwic-heading">{heading}</p>
                <select
                    class="sort"
                    aria-label="Order of the lines"
                    data-testid="kwic-order"
                    on:change=move |ev| {
                        state
                            .concordance_order
                            .set(match event_target_value(&ev).as_str() {
                                "before" => Order::Before,
                                "after" => Order::After,
                                _ => Order::Articles,
                            });
                    }
                >
                    <option value="articles">"In reading order"</option>
                    <option value="before">"By the word before"</option>
                    <option value="after">"By the word after"</option>
                </select>
                <button class="button small" data-testid="kwic-export" on:click=export>
                    "CSV"
                </button>
            </div>
            <ol class="kwic" data-testid="kwic">{lines}</ol>
            <p class="kwic-note">{format!("At most {CONCORDANCE_LINES} lines are shown here.")}</p>
        </section>
    }
}
