//! A labelled checkbox bound to a filter setting.

use crate::app::AppState;
use leptos::prelude::*;

/// A checkbox for a filter setting: changing it sets the setting and asks for fresh results.
#[component]
pub fn FilterSwitch(
    /// The setting it shows and changes.
    value: RwSignal<bool>,
    /// The checkbox's `data-testid`.
    test_id: &'static str,
    /// What the user reads beside it.
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="switch">
            <input
                type="checkbox"
                data-testid=test_id
                prop:checked=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_checked(&ev));
                    state.invalidate_results();
                }
            />
            {children()}
        </label>
    }
}
