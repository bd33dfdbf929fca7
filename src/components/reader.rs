//! The reader: the selected article's title, source and body, as plain text.

use crate::app::AppState;
use leptos::prelude::*;

/// The open article, or a hint when none is open.
#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || match state.document.get() {
        Some(doc) => {
            let paragraphs = doc
                .paragraphs()
                .map(|text| view! { <p>{text.to_owned()}</p> })
                .collect_view();
            view! {
                <article data-testid="reader">
                    <h2 class="reader-title">{doc.title.clone()}</h2>
                    <p class="reader-source">{format!("Source: {}, line {}", doc.file, doc.line)}</p>
                    <div class="reader-body">{paragraphs}</div>
                </article>
            }
            .into_any()
        }
        None => view! { <p class="hint">"Choose an article to read it here."</p> }.into_any(),
    };
    view! { <section class="reader" aria-label="Reader">{body}</section> }
}
