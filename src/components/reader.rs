//! The reader: the selected article as the cleaning understood it (title, caption, dateline,
//! byline, body with its subheadings), where it came from, its other copies, and on request every
//! line that was removed, with why. Everything is rendered as plain text.

use crate::app::AppState;
use corpus::{Document, RemovedLine};
use leptos::prelude::*;

/// What a removal reason reads as.
fn reason_label(line: &RemovedLine) -> String {
    let kind = serde_json::to_value(line.reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    kind.replace('_', " ")
}

/// The article body: paragraphs, with subheadings set as headings.
fn body_view(doc: &Document) -> impl IntoView {
    doc.paragraphs()
        .map(|text| {
            if doc.subheadings.iter().any(|s| s == text) {
                view! { <h3 class="subheading">{text.to_owned()}</h3> }.into_any()
            } else {
                view! { <p>{text.to_owned()}</p> }.into_any()
            }
        })
        .collect_view()
}

/// The open article, or a hint when none is open.
#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_removed = RwSignal::new(false);
    let body = move || match state.document.get() {
        Some(doc) => {
            let caption = doc.caption.clone().map(|caption| {
                view! { <p class="reader-caption" data-testid="caption">{caption}</p> }
            });
            let dateline = doc.dateline.clone().map(|dateline| {
                view! { <p class="reader-dateline" data-testid="dateline">{dateline}</p> }
            });
            let byline = doc
                .byline
                .clone()
                .map(|byline| view! { <p class="reader-byline">{byline}</p> });
            let copies = state.copies.get();
            let copies = (!copies.is_empty()).then(|| {
                let links = copies
                    .into_iter()
                    .map(|other| {
                        let id = other.id;
                        let label = format!(
                            "{}, line {}{}",
                            other.file,
                            other.line,
                            if other.canonical { " (first seen)" } else { "" }
                        );
                        view! {
                            <li>
                                <button class="link" on:click=move |_| state.select(id)>{label}</button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="reader-copies" data-testid="copies">
                        "The same story also stands in:"
                        <ul>{links}</ul>
                    </div>
                }
            });
            let related = (!doc.related_links.is_empty()).then(|| {
                let items = doc
                    .related_links
                    .iter()
                    .map(|link| view! { <li>{link.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="reader-related">
                        <h4>"Linked from the page (removed from the text)"</h4>
                        <ul>{items}</ul>
                    </div>
                }
            });
            let removed_count = doc.removed.len();
            let removed = doc.removed.clone();
            let removed_list = move || {
                show_removed.get().then(|| {
                    let rows = removed
                        .iter()
                        .map(|line| {
                            view! {
                                <li>
                                    <span class="removed-where">
                                        {format!("line {} · {} · {}", line.line, reason_label(line), line.rule)}
                                    </span>
                                    <span class="removed-text">{line.text.clone()}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="removed-lines" data-testid="removed-lines">{rows}</ul> }
                })
            };
            view! {
                <article data-testid="reader">
                    <h2 class="reader-title">{doc.title.clone()}</h2>
                    {dateline}
                    {byline}
                    {caption}
                    <p class="reader-source">{format!("Source: {}, line {}", doc.file, doc.line)}</p>
                    {copies}
                    <div class="reader-body">{body_view(&doc)}</div>
                    {related}
                    <label class="switch removed-toggle">
                        <input
                            type="checkbox"
                            data-testid="show-removed"
                            prop:checked=move || show_removed.get()
                            on:change=move |ev| show_removed.set(event_target_checked(&ev))
                        />
                        {format!("Show the {removed_count} removed line{}", crate::app::plural(removed_count))}
                    </label>
                    {removed_list}
                </article>
            }
            .into_any()
        }
        None => view! { <p class="hint">"Choose an article to read it here."</p> }.into_any(),
    };
    view! { <section class="reader" aria-label="Reader">{body}</section> }
}
