//! The reader: the selected article as the cleaning understood it (title, caption, dateline,
//! byline, body with its subheadings), where it came from, its other copies, and on request every
//! line that was removed, with why. Everything is rendered as plain text.

use crate::app::AppState;
use crate::components::entities::kind_heading;
use crate::components::highlight::{highlighted, Span};
use crate::components::results::search_spans;
use crate::worker::protocol::EntityLabel;
use corpus::extract::dates::{Field, PublishedSource};
use corpus::{Document, EntityKind, RemovedLine};
use leptos::prelude::*;

/// The marks for one field of a document: the search's matches (`search`, byte ranges), its
/// date mentions and its entity mentions. Where they overlap, the search's match stands.
fn spans(
    doc: &Document,
    field: Field,
    entities: &[EntityLabel],
    search: &[(usize, usize)],
    focus: Option<(Field, usize, usize)>,
) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    if let Some((focus_field, start, end)) = focus {
        if focus_field == field {
            spans.push(Span {
                start,
                end,
                class: "hit focus",
                title: "the place the concordance points at".to_owned(),
                entity: None,
            });
        }
    }
    spans.extend(search_spans(search));
    spans.extend(doc.dates.iter().filter(|m| m.field == field).map(|m| {
        let granularity = serde_json::to_value(m.granularity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let title = match (&m.value, m.resolved) {
            (Some(value), false) => format!("date: {value} ({granularity})"),
            (Some(value), true) => format!("date: {value}, resolved from the publication date"),
            (None, _) => "date relative to when the article was written".to_owned(),
        };
        Span {
            start: m.start,
            end: m.end,
            class: "date",
            title,
            entity: None,
        }
    }));
    for m in doc.mentions.iter().filter(|m| m.field == field) {
        let name = entities
            .iter()
            .find(|e| e.id == m.entity)
            .map(|e| e.name.as_str())
            .unwrap_or("");
        spans.push(Span {
            start: m.start as usize,
            end: m.end as usize,
            class: match m.kind {
                EntityKind::Person => "ent person",
                EntityKind::Org => "ent org",
                EntityKind::Place => "ent place",
            },
            title: format!(
                "{} · {name} · click to filter by it",
                kind_heading(m.kind).trim_end_matches('s')
            ),
            entity: Some(m.entity),
        });
    }
    spans.sort_by_key(|span| span.start);
    spans
}

/// "Published 2020-09-28 · from the dateline", or what is known instead.
fn published_line(doc: &Document) -> String {
    let p = &doc.published;
    let line = published_bounds(doc);
    match p.best.as_deref() {
        Some(best)
            if p.source == PublishedSource::Estimated
                && corpus::extract::dates::names_with_weekday(best, &doc.dates, |field| {
                    doc.field_text(field)
                }) =>
        {
            format!("{line} · placed at {best}, a day it names with its weekday")
        }
        Some(best) if p.source == PublishedSource::Estimated => {
            format!("{line} · placed at {best}, where the corpus's dates point")
        }
        _ => line,
    }
}

/// What the article's own dates say of when it was published.
fn published_bounds(doc: &Document) -> String {
    let p = &doc.published;
    let evidence = p.evidence.clone().unwrap_or_default();
    match (p.source, p.value.as_deref(), p.earliest.as_deref(), p.latest.as_deref()) {
        (PublishedSource::Dateline, Some(value), _, _) => {
            format!("Published {value} · from the dateline “{evidence}”")
        }
        (PublishedSource::FileName, Some(value), _, _) => {
            format!("Published {value} · from the file name")
        }
        (PublishedSource::Estimated, _, Some(earliest), Some(latest)) => format!(
            "Published between {earliest} and {latest} · estimated from the dates it mentions and when it was updated (“{evidence}”)"
        ),
        (PublishedSource::Estimated, _, Some(earliest), None) => format!(
            "Published not before {earliest} · estimated from the dates it mentions (“{evidence}”)"
        ),
        (PublishedSource::Estimated, _, None, Some(latest)) => format!(
            "Published on or before {latest} · the page says when it was updated (“{evidence}”)"
        ),
        _ => "Publication date unknown: no dateline, no date in the file name, no past date mentioned".to_owned(),
    }
}

/// What a removal reason reads as.
fn reason_label(line: &RemovedLine) -> String {
    let kind = serde_json::to_value(line.reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    kind.replace('_', " ")
}

/// The article body: paragraphs, with subheadings set as headings and dates marked.
fn body_view(
    doc: &Document,
    entities: &[EntityLabel],
    search: &[(usize, usize)],
    focus: Option<(Field, usize, usize)>,
) -> impl IntoView {
    let marks = spans(doc, Field::Body, entities, search, focus);
    let mut offset = 0;
    doc.body
        .split("\n\n")
        .map(|text| {
            let start = offset;
            offset += text.len() + 2;
            let content = highlighted(text, start, &marks);
            if doc.subheadings.iter().any(|s| s == text) {
                view! { <h3 class="subheading">{content}</h3> }.into_any()
            } else {
                view! { <p>{content}</p> }.into_any()
            }
        })
        .collect_view()
}

/// The open article, or a hint when none is open.
#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_removed = RwSignal::new(false);
    // The first match of the search is brought into view when an article opens.
    Effect::new(move |_| {
        let has_marks = state
            .document_marks
            .with(|marks| !marks.title.is_empty() || !marks.body.is_empty())
            || state.focus_mark.with(Option::is_some);
        if state.document.with(Option::is_some) && has_marks {
            request_animation_frame(|| {
                let first = document()
                    .query_selector(".reader mark.focus")
                    .ok()
                    .flatten()
                    .or_else(|| document().query_selector(".reader mark.hit").ok().flatten());
                if let Some(first) = first {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    first.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        }
    });
    let body = move || match state.document.get() {
        Some(doc) => {
            let entities = state.document_entities.get();
            let caption = doc.caption.clone().map(|caption| {
                let marked = highlighted(
                    &caption,
                    0,
                    &spans(&doc, Field::Caption, &entities, &[], None),
                );
                view! { <p class="reader-caption" data-testid="caption">{marked}</p> }
            });
            let dateline = doc.dateline.clone().map(|dateline| {
                let marked = highlighted(
                    &dateline,
                    0,
                    &spans(&doc, Field::Dateline, &entities, &[], None),
                );
                view! { <p class="reader-dateline" data-testid="dateline">{marked}</p> }
            });
            let published = published_line(&doc);
            let marks = state.document_marks.get();
            let title = highlighted(
                &doc.title,
                0,
                &spans(
                    &doc,
                    Field::Title,
                    &entities,
                    &marks.title,
                    state.focus_mark.get(),
                ),
            );
            // A date line that names the author is the byline too: shown once, as the dateline.
            let byline = doc
                .byline
                .clone()
                .filter(|byline| doc.dateline.as_ref() != Some(byline))
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
            let topics = state.document_topics.get();
            let topics = (!topics.is_empty()).then(|| {
                let chips = topics
                    .into_iter()
                    .map(|topic| {
                        let id = topic.id;
                        let text = format!("{} · {:.0}%", topic.label, topic.weight * 100.0);
                        view! {
                            <button
                                class="chip"
                                title="Show the articles in this topic"
                                on:click=move |_| {
                                    state.selected_topics.set(vec![id]);
                                    state.invalidate_results();
                                }
                            >
                                {text}
                            </button>
                        }
                    })
                    .collect_view();
                view! { <div class="reader-topics" data-testid="reader-topics">{chips}</div> }
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
                <article
                    data-testid="reader"
                    on:click=move |ev| {
                        // A click on a name filters by its entity and opens its panel.
                        let Some(target) = ev
                            .target()
                            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                        else {
                            return;
                        };
                        let Some(id) = target
                            .get_attribute("data-entity")
                            .and_then(|v| v.parse::<corpus::EntityId>().ok())
                        else {
                            return;
                        };
                        let name = state
                            .document_entities
                            .with_untracked(|list| {
                                list.iter().find(|e| e.id == id).map(|e| e.name.clone())
                            })
                            .unwrap_or_default();
                        if !state.selected_entities.with_untracked(|s| s.iter().any(|e| e.0 == id)) {
                            state.toggle_entity(id, name);
                        }
                        state.open_entity(id);
                    }
                >
                    <h2 class="reader-title">{title}</h2>
                    {dateline}
                    <p class="reader-published" data-testid="published">{published}</p>
                    {byline}
                    {caption}
                    <p class="reader-source">{format!("Source: {}, line {}", doc.file, doc.line)}</p>
                    {topics}
                    {copies}
                    <div class="reader-body">{body_view(&doc, &entities, &marks.body, state.focus_mark.get())}</div>
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
