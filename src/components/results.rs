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
    // The row the keyboard stands on (its index in the list).
    let cursor = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        state.generation.track();
        cursor.set(None);
    });
    // The id of the hit at a row, when its page is here.
    let hit_at = move |index: usize| {
        state.pages.with_untracked(|pages| {
            pages
                .get(&(index / PAGE_SIZE))
                .and_then(|hits| hits.get(index % PAGE_SIZE))
                .map(|hit| hit.id)
        })
    };
    // Moves the keyboard to a row, scrolls it into view and opens it.
    let go_to = move |index: usize| {
        cursor.set(Some(index));
        if let Some(element) = list.get_untracked() {
            let top = index * ROW_HEIGHT;
            let height = element.client_height().max(0) as usize;
            let scrolled = element.scroll_top().max(0) as usize;
            if top < scrolled {
                element.set_scroll_top(top as i32);
            } else if top + ROW_HEIGHT > scrolled + height {
                element.set_scroll_top((top + ROW_HEIGHT).saturating_sub(height) as i32);
            }
        }
        if let Some(id) = hit_at(index) {
            state.select(id);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let count = total();
        if count == 0 {
            return;
        }
        let at = cursor.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowDown" | "j" => Some(at.map_or(0, |i| (i + 1).min(count - 1))),
            "ArrowUp" | "k" => Some(at.map_or(0, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(count - 1),
            "PageDown" => Some(at.map_or(0, |i| (i + 8).min(count - 1))),
            "PageUp" => Some(at.map_or(0, |i| i.saturating_sub(8))),
            "Enter" | " " => {
                if let Some(id) = at.and_then(hit_at) {
                    state.select(id);
                }
                ev.prevent_default();
                None
            }
            _ => None,
        };
        if let Some(index) = next {
            ev.prevent_default();
            go_to(index);
        }
    };
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
                            id=format!("row-{index}")
                            data-testid="article-row"
                            class:cursor=move || cursor.get() == Some(index)
                            class:selected=move || state.selected.get() == Some(id)
                            aria-selected=move || (state.selected.get() == Some(id)).to_string()
                            style:top=format!("{}px", index * ROW_HEIGHT)
                            on:click=move |_| {
                                cursor.set(Some(index));
                                state.select(id);
                            }
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
            <div
                class="result-scroll"
                node_ref=list
                on:scroll=move |_| measure()
                on:keydown=on_key
                role="listbox"
                tabindex="0"
                aria-label="Articles: arrow keys or j and k move, Enter opens"
                aria-activedescendant=move || cursor.get().map(|i| format!("row-{i}"))
                data-testid="article-list"
            >
                <div class="result-spacer" style:height=move || format!("{}px", total() * ROW_HEIGHT)>
                    {rows}
                </div>
            </div>
        </section>
    }
}
