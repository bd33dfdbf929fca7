//! The topic facet: the corpus's topics with their article counts under the other filters.
//! Click topics to keep the articles in any of them; rename one (the name is kept with the
//! corpus); choose how many topics to find, or let the data decide.

use crate::app::AppState;
use crate::worker::protocol::Request;
use corpus::topics::TopicId;
use leptos::prelude::*;

/// The topics, their counts, selection, renaming and the topic count.
#[component]
pub fn TopicFacet() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editing: RwSignal<Option<TopicId>> = RwSignal::new(None);
    let toggle = move |id: TopicId| {
        state.selected_topics.update(|selected| {
            if let Some(at) = selected.iter().position(|&t| t == id) {
                selected.remove(at);
            } else {
                selected.push(id);
            }
        });
        state.invalidate_results();
    };
    // While the topics are found again, the ones shown are about to be replaced.
    let finding = move || {
        state.progress.with(|p| {
            p.as_ref()
                .is_some_and(|p| crate::app::finding_topics(&p.stage))
        })
    };
    let rows = move || {
        let facets = state.facets.get();
        let Some(topics) = facets.into_iter().find(|f| f.name == "topics") else {
            return Vec::new();
        };
        topics
            .values
            .into_iter()
            .filter_map(|value| {
                let id: TopicId = value.key.parse().ok()?;
                let selected = move || state.selected_topics.with(|s| s.contains(&id));
                let label = value.label.clone();
                let row = if editing.get() == Some(id) {
                    view! {
                        <li class="topic editing">
                            <input
                                class="topic-name"
                                data-testid="topic-name"
                                prop:value=label.clone()
                                on:keydown=move |ev| {
                                    let key = ev.key();
                                    if key == "Enter" {
                                        state.send(Request::RenameTopic { id, name: event_target_value(&ev) });
                                        editing.set(None);
                                    } else if key == "Escape" {
                                        editing.set(None);
                                    }
                                }
                            />
                        </li>
                    }
                    .into_any()
                } else {
                    view! {
                        <li class="topic" class:selected=selected data-testid="topic">
                            <button class="topic-pick" aria-pressed=move || selected().to_string() on:click=move |_| toggle(id)>
                                <span class="topic-label">{label}</span>
                                <span class="count">{value.count}</span>
                            </button>
                            <button
                                class="link rename"
                                title="Rename this topic"
                                data-testid="rename-topic"
                                hidden=finding
                                on:click=move |_| editing.set(Some(id))
                            >
                                "rename"
                            </button>
                        </li>
                    }
                    .into_any()
                };
                Some(row)
            })
            .collect::<Vec<_>>()
    };
    let count_options = move || {
        let current = state.topic_count.get();
        std::iter::once((None, "auto".to_owned()))
            .chain((2..=15).map(|k| (Some(k), k.to_string())))
            .map(|(k, text)| {
                let value = k.map(|k| k.to_string()).unwrap_or_default();
                view! { <option value=value selected=current == k>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="topic-panel" aria-label="Topics">
            <h2>
                "Topics"
                <label class="topic-count">
                    "how many: "
                    <select
                        data-testid="topic-count"
                        on:change=move |ev| {
                            let count = event_target_value(&ev).parse::<usize>().ok();
                            state.send(Request::SetTopicCount { count });
                        }
                    >
                        {count_options}
                    </select>
                </label>
            </h2>
            {move || {
                state
                    .progress
                    .with(|p| p.as_ref().is_some_and(|p| crate::app::finding_topics(&p.stage)))
                    .then(|| {
                        view! {
                            <p class="hint" data-testid="topics-pending">"Finding the topics…"</p>
                        }
                    })
            }}
            <ul class="topic-list" data-testid="topic-list">{rows}</ul>
            <p class="hint topic-timing" data-testid="topic-timing">
                {move || {
                    state
                        .topic_timing
                        .get()
                        .map(|(count, millis)| {
                            format!("{count} topics found in {:.2} s", millis / 1000.0)
                        })
                }}
            </p>
        </section>
    }
}
