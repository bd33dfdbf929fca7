//! Text with some byte ranges marked (dates, names), rendered as text nodes and `<mark>`s: never
//! as HTML. Ranges that overlap an earlier one or fall off a character boundary are skipped.

use leptos::prelude::*;

/// A range to mark in a text: byte offsets into the whole field, a class and a tooltip.
#[derive(Debug, Clone)]
pub struct Span {
    /// First byte (in the field's text).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// CSS class of the mark.
    pub class: &'static str,
    /// What hovering shows.
    pub title: String,
    /// The entity a name mark stands for (set as `data-entity`, for clicks).
    pub entity: Option<u32>,
}

/// `text` (which starts at byte `offset` of its field) with the spans that fall inside it marked.
pub fn highlighted(text: &str, offset: usize, spans: &[Span]) -> impl IntoView {
    let mut pieces: Vec<AnyView> = Vec::new();
    let mut at = 0;
    let end_of_text = offset + text.len();
    for span in spans {
        if span.start < offset + at || span.end > end_of_text || span.start >= span.end {
            continue;
        }
        let (start, end) = (span.start - offset, span.end - offset);
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            pieces.push(text[at..start].to_owned().into_any());
        }
        let class = span.class;
        let title = span.title.clone();
        let marked = text[start..end].to_owned();
        let entity = span.entity.map(|id| id.to_string());
        pieces.push(
            view! { <mark class=class title=title data-entity=entity>{marked}</mark> }.into_any(),
        );
        at = end;
    }
    if at < text.len() {
        pieces.push(text[at..].to_owned().into_any());
    }
    pieces
}
