//! The timeline: articles per day, month or year (by the corpus's span of dates), stated dates
//! drawn solid and estimated ones hatched. Drag across the bars, or click one, to keep only that
//! range; switch between publication dates and the dates articles mention; keep stated dates
//! only; count undated articles and include them or not.

use crate::app::AppState;
use crate::components::switch::FilterSwitch;
use corpus::DateMode;
use leptos::prelude::*;

/// The most bars that all show their count over them (more would be too narrow to read; then
/// only a bar between empty ones shows its count).
const MOST_COUNTED_BARS: usize = 32;

/// A readable label for a bucket start: `2020`, `Sep 2020`, `28 Sep`; the bars gathering what
/// lies outside the span keep their names ("earlier", "later").
fn label(start: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = start.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
    };
    match parts.as_slice() {
        [y, m] => month(m).map_or_else(|| start.to_owned(), |m| format!("{m} {y}")),
        [_, m, d] => month(m).map_or_else(
            || start.to_owned(),
            |m| format!("{} {m}", d.trim_start_matches('0')),
        ),
        _ => start.to_owned(),
    }
}

/// The timeline with its controls.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The bucket where a drag started and where it is now.
    let drag: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);

    let set_range = move |from: usize, to: usize| {
        let (lo, hi) = (from.min(to), from.max(to));
        let range = state.timeline.with_untracked(|(_, buckets, _)| {
            Some((
                buckets.get(lo)?.first_day.clone(),
                buckets.get(hi)?.last_day.clone(),
            ))
        });
        state.date_range.set(range);
        state.invalidate_results();
    };
    let refresh = move || state.invalidate_results();
    let finish_drag = move || {
        if let Some((from, to)) = drag.get_untracked() {
            drag.set(None);
            set_range(from, to);
        }
    };

    let bars = move || {
        let (unit, buckets, _) = state.timeline.get();
        let highest = buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        let range = state.date_range.get();
        let dragging = drag.get();
        // As many labels as fit: a dozen years, or seven months or days ("Sep 2025").
        let fit = if unit == "year" { 12 } else { 7 };
        let every = buckets.len().div_ceil(fit).max(1);
        // Each bar's count over it, where the bars are wide enough to hold one, or where its
        // neighbours are empty and leave it the room.
        let counts: Vec<usize> = buckets.iter().map(|b| b.count).collect();
        let room = |index: usize| {
            counts.len() <= MOST_COUNTED_BARS
                || (index == 0 || counts[index - 1] == 0)
                    && counts.get(index + 1).is_none_or(|&next| next == 0)
        };
        buckets
            .into_iter()
            .enumerate()
            .map(|(index, bucket)| {
                let selected = match (dragging, &range) {
                    (Some((a, b)), _) => index >= a.min(b) && index <= a.max(b),
                    (None, Some((from, to))) => bucket.first_day >= *from && bucket.last_day <= *to,
                    (None, None) => false,
                };
                // The bar's height is its share of the highest; stated and estimated share it.
                let height = bucket.count as f64 * 100.0 / highest as f64;
                let part = |n: usize| n as f64 * 100.0 / bucket.count.max(1) as f64;
                let (stated, estimated) = (part(bucket.stated), part(bucket.estimated));
                let some = bucket.count > 0;
                let count = (some && room(index)).then(|| bucket.count.to_string());
                let outside = bucket.start == corpus::EARLIER || bucket.start == corpus::LATER;
                let name = if outside {
                    format!("{} ({} – {})", bucket.start, bucket.first_day, bucket.last_day)
                } else {
                    bucket.start.clone()
                };
                let title = format!(
                    "{}: {} article{} ({} stated, {} estimated)",
                    name,
                    bucket.count,
                    crate::app::plural(bucket.count),
                    bucket.stated,
                    bucket.estimated
                );
                let tick = (outside || index % every == 0).then(|| label(&bucket.start));
                view! {
                    <div
                        class="bar"
                        class:outside=outside
                        class:selected=selected
                        data-testid="bar"
                        data-start=bucket.start.clone()
                        title=title
                        on:mousedown=move |ev| {
                            ev.prevent_default();
                            drag.set(Some((index, index)));
                        }
                        on:mouseenter=move |_| {
                            if let Some((from, _)) = drag.get_untracked() {
                                drag.set(Some((from, index)));
                            }
                        }
                        on:mouseup=move |_| finish_drag()
                    >
                        <div class="bar-stack">
                            <div
                                class="bar-fill"
                                class:some=some
                                style:height=format!("{height}%")
                            >
                                <span class="bar-count">{count}</span>
                                <div class="bar-estimated" style:height=format!("{estimated}%")></div>
                                <div class="bar-stated" style:height=format!("{stated}%")></div>
                            </div>
                        </div>
                        <div class="bar-label">{tick}</div>
                    </div>
                }
            })
            .collect_view()
    };

    let range_text = move || {
        state.date_range.get().map(|(from, to)| {
            view! {
                <span class="range" data-testid="date-range">
                    {if from == to { from } else { format!("{from} – {to}") }}
                    <button class="link" on:click=move |_| {
                        state.date_range.set(None);
                        refresh();
                    }>"clear"</button>
                </span>
            }
        })
    };
    let undated = move || state.timeline.with(|(_, _, undated)| *undated);
    // A radio button that switches the dates the timeline uses (and clears the range).
    let mode_choice = move |mode: DateMode, test_id: &'static str, label: &'static str| {
        view! {
            <label class="switch">
                <input
                    type="radio"
                    name="date-mode"
                    data-testid=test_id
                    prop:checked=move || state.date_mode.get() == mode
                    on:change=move |_| {
                        state.date_mode.set(mode);
                        state.date_range.set(None);
                        refresh();
                    }
                />
                {label}
            </label>
        }
    };
    let empty = move || state.timeline.with(|(_, buckets, _)| buckets.is_empty());

    view! {
        <section class="timeline" aria-label="Timeline" data-testid="timeline">
            <div class="timeline-controls">
                {mode_choice(DateMode::Published, "mode-published", "published")}
                {mode_choice(DateMode::Mentions, "mode-mentions", "mentions")}
                <FilterSwitch value=state.stated_only test_id="stated-only">
                    "stated dates only"
                </FilterSwitch>
                <FilterSwitch value=state.include_undated test_id="include-undated">
                    {move || format!("include {} undated", undated())}
                </FilterSwitch>
                {range_text}
            </div>
            <div class="bars" on:mouseleave=move |_| finish_drag()>
                {move || empty().then(|| view! { <p class="hint">"No dates to show yet."</p> })}
                {bars}
            </div>
            <div class="legend">
                <span class="key stated"></span>"stated"
                <span class="key estimated"></span>"estimated"
                <span class="hint">" · drag across the bars, or click one, to filter"</span>
            </div>
        </section>
    }
}
