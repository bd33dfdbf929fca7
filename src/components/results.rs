//! The article list. Only the rows in view are in the page, and only the pages of hits they need
//! are asked of the worker, so a corpus of 50,000 articles scrolls as smoothly as one of ten.

use crate::app::{AppState, PAGE_SIZE};
use crate::components::highlight::{highlighted, Span};
use leptos::html;
use leptos::prelude::*;

/// The height of one row in pixels (fixed, so a row's position is its index times this).
const ROW_HEIGHT: usize = 76;
/// Rows rendered beyond each edge of the view, so fast scrolling shows no gap.
const OVERSCAN: usize = 6;

/// Marks for the search's matches (byte ranges into a text).
pub fn search_spans(marks: &[(usize, usize)]) -> Vec<Span> {
    marks
        .iter()
        .map(|&(start, end)| Span {
            start,
            end,
            class: "hit",
            title: "matches the search".to_owned(),
            entity: None,
        })
        .collect()
}

/// The list of matching articles; clicking one opens it in the reader.
#[component]
pub fn ResultList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scroll_top = RwSignal::new(0usize);
    let view_height = RwSignal::new(800usize);
    let list: NodeRef<html::Div> = NodeRef::new();

    let measure = move || {
        if let Some(element) = list.get_untracked() {
            scroll_top.set(element.scroll_top().max(0) as usize);
            view_height.set(element.client_height().max(0) as usize);
        }
    };
    Effect::new(move |_| {
        if list.get().is_some() {
            measure();
        }
    });

    let total = move || state.total.get().unwrap_or(0);
    // The rows in view, as an index range.
    let visible = move || {
        let first = (scroll_top.get() / ROW_HEIGHT).saturating_sub(OVERSCAN);
        let last = (scroll_top.get() + view_height.get()) / ROW_HEIGHT + OVERSCAN;
        (first, last.min(total().saturating_sub(1)))
    };

    // Ask for the pages the rows in view need (the first page always, to learn the total).
    Effect::new(move |_| {
        state.generation.track();
        if !state.ready.get() || state.files.with(Vec::is_empty) {
            return;
        }
        let (first, last) = visible();
        let needed = if state.total.get().is_some() {
            first / PAGE_SIZE..=last / PAGE_SIZE
        } else {
            0..=0
        };
        for page in needed {
            state.request_page(page);
        }
    });

    let rows = move || {
        let (first, last) = visible();
        if total() == 0 {
            return Vec::new();
        }
        state.pages.with(|pages| {
            (first..=last)
                .filter_map(|index| {
                    let hit = pages
                        .get(&(index / PAGE_SIZE))?
                        .get(index % PAGE_SIZE)?
                        .clone();
                    let id = hit.id;
                    let badge = match (hit.duplicate_of, hit.copies) {
                        (Some(_), _) => Some(("badge copy", "a copy".to_owned())),
                        (None, 0) => None,
                        (None, others) => Some(("badge", format!("{} copies", others + 1))),
                    };
                    let badge = badge.map(|(class, text)| {
                        view! { <span class=class data-testid="copies-badge">{text}</span> }
                    });
                    Some(view! {
                        <div
                            class="row"
                            role="option"
                            data-testid="article-row"
                            class:selected=move || state.selected.get() == Some(id)
                            aria-selected=move || (state.selected.get() == Some(id)).to_string()
                            style:top=format!("{}px", index * ROW_HEIGHT)
                            on:click=move |_| state.select(id)
                        >
                            <div class="row-title">
                                {badge}
                                {highlighted(&hit.title, 0, &search_spans(&hit.title_marks))}
                            </div>
                            <div class="row-meta">
                                {hit.published.clone().map(|date| {
                                    let (class, text) = if hit.published_stated {
                                        ("row-date", date)
                                    } else {
                                        ("row-date estimated", format!("≈ {date}"))
                                    };
                                    view! { <span class=class>{text}</span> }
                                })}
                                {format!("{} · line {}", hit.file, hit.line)}
                            </div>
                            <div class="row-snippet" data-testid="snippet">
                                {highlighted(&hit.snippet, 0, &search_spans(&hit.snippet_marks))}
                            </div>
                        </div>
                    })
                })
                .collect_view()
        })
    };

    let empty = move || {
        (state.total.get() == Some(0) && !state.files.with(Vec::is_empty))
            .then(|| view! { <p class="empty">"No article matches."</p> })
    };

    view! {
        <section class="results" aria-label="Articles">
            {empty}
            <div class="result-scroll" node_ref=list on:scroll=move |_| measure() role="listbox">
                <div class="result-spacer" style:height=move || format!("{}px", total() * ROW_HEIGHT)>
                    {rows}
                </div>
            </div>
        </section>
    }
}
