//! Entities: the facet of people, organisations and places with their story counts under every
//! other filter, a search box to find one, and the panel of one entity: its forms, why they were
//! put together, its stories and the entities it appears with, and the edits a user can make
//! (rename, merge, split a form off, hide), which are kept with the corpus.

use crate::app::AppState;
use crate::worker::protocol::Request;
use corpus::{EntityEdit, EntityId, EntityKind, EntityRef};
use leptos::prelude::*;

/// The heading of a kind's group.
pub fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Org => "Organisations",
        EntityKind::Place => "Places",
    }
}

/// The CSS class of a kind's marks and chips.
pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Place => "place",
    }
}

/// The entity facet: a search box, the selected entities, and one group per kind.
#[component]
pub fn EntityFacet() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chips = move || {
        state
            .selected_entities
            .get()
            .into_iter()
            .map(|(id, name)| {
                // The facet's name is the current one (after a rename, say).
                let name = state
                    .facets
                    .with_untracked(|facets| {
                        facets
                            .iter()
                            .filter(|f| EntityKind::ALL.iter().any(|k| k.label() == f.name))
                            .flat_map(|f| f.values.iter())
                            .find(|v| v.key == id.to_string())
                            .map(|v| v.label.clone())
                    })
                    .unwrap_or(name);
                view! {
                    <button
                        class="chip selected-entity"
                        data-testid="selected-entity"
                        title="Stop filtering by this entity"
                        on:click=move |_| state.toggle_entity(id, String::new())
                    >
                        {name}
                        " ×"
                    </button>
                }
            })
            .collect_view()
    };
    let finding = move || {
        state.progress.with(|p| {
            p.as_ref()
                .is_some_and(|p| crate::app::finding_names(&p.stage))
        })
    };
    let groups =
        move || {
            if finding() {
                return view! {
                    <p class="hint" data-testid="entities-pending">
                        "Finding the people, organisations and places…"
                    </p>
                }
                .into_any();
            }
            let facets = state.facets.get();
            EntityKind::ALL
            .iter()
            .filter_map(|&kind| {
                let facet = facets.iter().find(|f| f.name == kind.label())?.clone();
                let listed = facet.values.len();
                let more = facet.total.saturating_sub(listed);
                let rows = facet
                    .values
                    .into_iter()
                    .filter_map(|value| {
                        let id: EntityId = value.key.parse().ok()?;
                        let name = value.label.clone();
                        let selected =
                            move || state.selected_entities.with(|s| s.iter().any(|e| e.0 == id));
                        Some(view! {
                            <li class="entity" class:selected=selected data-testid="entity">
                                <button
                                    class="entity-pick"
                                    aria-pressed=move || selected().to_string()
                                    title="Keep the stories that mention it"
                                    on:click=move |_| state.toggle_entity(id, name.clone())
                                >
                                    <span class=format!("dot {}", kind_class(kind))></span>
                                    <span class="entity-name">{value.label.clone()}</span>
                                    <span class="count">{value.count}</span>
                                </button>
                                <button
                                    class="link about"
                                    title="Forms, stories and edits"
                                    data-testid="entity-about"
                                    on:click=move |_| state.open_entity(id)
                                >
                                    "about"
                                </button>
                            </li>
                        })
                    })
                    .collect_view();
                let more = (more > 0).then(|| {
                    view! { <li class="hint">{format!("{more} more: search to find them")}</li> }
                });
                Some(view! {
                    <div class="entity-group" data-testid=format!("entities-{}", kind_class(kind))>
                        <h3>{kind_heading(kind)} " " <span class="count">{facet.total}</span></h3>
                        <ul class="entity-list">{rows}{more}</ul>
                    </div>
                })
            })
            .collect_view()
            .into_any()
        };
    view! {
        <section class="entity-panel" aria-label="Entities">
            <h2>"Entities"</h2>
            <input
                class="entity-search"
                type="text"
                placeholder="Find a person, organisation or place"
                aria-label="Find an entity"
                data-testid="entity-search"
                prop:value=move || state.entity_search.get()
                on:input=move |ev| {
                    state.entity_search.set(event_target_value(&ev));
                    state.invalidate_results();
                }
            />
            <div class="selected-entities">{chips}</div>
            {groups}
            <p class="hint entity-timing" data-testid="entity-timing">
                {move || {
                    state
                        .entity_timing
                        .get()
                        .map(|(count, millis, bytes)| {
                            let seconds = millis / 1000.0;
                            let rate = if seconds > 0.0 { bytes as f64 / 1e6 / seconds } else { 0.0 };
                            format!("{count} entities found in {seconds:.2} s ({rate:.1} MB/s)")
                        })
                }}
            </p>
        </section>
    }
}

/// One entity's panel, when one is open.
#[component]
pub fn EntityDetails() -> impl IntoView {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(false);
    move || {
        let detail = state.entity_detail.get()?;
        let entity = detail.entity.clone();
        let id = entity.id;
        let kind = entity.kind;
        let me = EntityRef {
            kind,
            name: entity.name.clone(),
        };
        let forms_count = entity.forms.len();
        let forms = entity
            .forms
            .iter()
            .map(|form| {
                let me = me.clone();
                let text = form.text.clone();
                let split = (forms_count > 1 && text != entity.name).then(|| {
                    view! {
                        <button
                            class="link"
                            title="Make this form an entity of its own"
                            data-testid="split-form"
                            on:click=move |_| {
                                state.send(Request::EditEntity {
                                    edit: EntityEdit::Split { entity: me.clone(), form: text.clone() },
                                })
                            }
                        >
                            "split off"
                        </button>
                    }
                });
                view! {
                    <li data-testid="entity-form">
                        <span class="form">{form.text.clone()}</span>
                        <span class="count">{form.count}</span>
                        {split}
                    </li>
                }
            })
            .collect_view();
        let evidence = entity
            .evidence
            .iter()
            .map(|why| view! { <li>{why.clone()}</li> })
            .collect_view();
        let articles = detail
            .articles
            .iter()
            .map(|article| {
                let doc = article.id;
                let title = article.title.clone();
                view! {
                    <li>
                        <button class="link" on:click=move |_| state.select(doc)>{title}</button>
                    </li>
                }
            })
            .collect_view();
        let others = detail
            .co_occurring
            .iter()
            .map(|(other, shared)| {
                let other_id = other.id;
                let class = format!("chip {}", kind_class(other.kind));
                let text = format!("{} · {shared}", other.name);
                view! {
                    <button class=class title="Open this entity" on:click=move |_| state.open_entity(other_id)>
                        {text}
                    </button>
                }
            })
            .collect_view();
        // Entities of the same kind in the facet, to merge this one into.
        let merge_options = state
            .facets
            .get()
            .into_iter()
            .find(|f| f.name == kind.label())
            .map(|f| f.values)
            .unwrap_or_default()
            .into_iter()
            .filter(|v| v.key != id.to_string())
            .map(|v| view! { <option value=v.label.clone()>{v.label.clone()}</option> })
            .collect_view();
        let rename_me = me.clone();
        let merge_me = me.clone();
        let hide_me = me.clone();
        let name_view = if renaming.get() {
            view! {
                <input
                    class="entity-rename"
                    data-testid="entity-rename"
                    prop:value=entity.name.clone()
                    on:keydown=move |ev| {
                        let key = ev.key();
                        if key == "Enter" {
                            state.send(Request::EditEntity {
                                edit: EntityEdit::Rename { entity: rename_me.clone(), name: event_target_value(&ev) },
                            });
                            renaming.set(false);
                        } else if key == "Escape" {
                            renaming.set(false);
                        }
                    }
                />
            }
            .into_any()
        } else {
            view! { <span data-testid="entity-title">{entity.name.clone()}</span> }.into_any()
        };
        let count = detail.articles.len();
        let more = if count >= crate::worker::protocol::ENTITY_ARTICLES {
            "+"
        } else {
            ""
        };
        Some(view! {
            <section class="entity-details" data-testid="entity-details" aria-label="Entity">
                <header>
                    <h2>
                        <span class=format!("dot {}", kind_class(kind))></span>
                        {name_view}
                    </h2>
                    <button class="link" on:click=move |_| state.entity_detail.set(None)>"close"</button>
                </header>
                <p class="hint">
                    {format!(
                        "{} · in {count}{more} {}",
                        kind_heading(kind),
                        if count == 1 { "story" } else { "stories" },
                    )}
                </p>
                <div class="entity-actions">
                    <button
                        data-testid="entity-filter"
                        on:click={
                            let name = entity.name.clone();
                            move |_| state.toggle_entity(id, name.clone())
                        }
                    >
                        "Filter by it"
                    </button>
                    <button data-testid="entity-rename-start" on:click=move |_| renaming.set(true)>"Rename"</button>
                    <button
                        data-testid="entity-hide"
                        on:click=move |_| {
                            state.send(Request::EditEntity {
                                edit: EntityEdit::Hide { entity: hide_me.clone(), hidden: true },
                            })
                        }
                    >
                        "Hide"
                    </button>
                    <label class="merge">
                        "Merge into "
                        <select
                            data-testid="entity-merge"
                            on:change=move |ev| {
                                let target = event_target_value(&ev);
                                if !target.is_empty() {
                                    state.send(Request::EditEntity {
                                        edit: EntityEdit::Merge {
                                            into: EntityRef { kind, name: target },
                                            from: merge_me.clone(),
                                        },
                                    });
                                }
                            }
                        >
                            <option value="">"choose…"</option>
                            {merge_options}
                        </select>
                    </label>
                </div>
                <h3>"Written as"</h3>
                <ul class="entity-forms">{forms}</ul>
                <h3>"Why these go together"</h3>
                <ul class="entity-evidence" data-testid="entity-evidence">{evidence}</ul>
                <h3>"Appears with"</h3>
                <div class="entity-others">{others}</div>
                <h3>"Stories"</h3>
                <ul class="entity-articles" data-testid="entity-articles">{articles}</ul>
            </section>
        })
    }
}
