//! The two pictures of a filter: the network of the people and organisations named together,
//! and the places on a world map. Both are laid out or counted in the worker and drawn here in
//! SVG, with pan and zoom; hovering names what is under the pointer, clicking a node, a dot or a
//! country selects that entity as a filter, clicking a link lists the stories it stands for.
//! Both follow every other filter and export as SVG or PNG.

use crate::app::{AppState, MiddleView};
use crate::worker::protocol::Request;
use corpus::network::{NetworkOptions, HEIGHT, WIDTH};
use corpus::{EntityId, EntityKind};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

/// The part of a picture in view, as an SVG `viewBox`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ViewBox {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl ViewBox {
    fn whole(w: f64, h: f64) -> Self {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w,
            h,
        }
    }

    fn attr(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h)
    }

    /// Zoomed by `factor` (below 1 is closer) about the point at fractions `fx`, `fy` of the
    /// view; never further out than the whole picture, nor closer than a twelfth of it.
    fn zoom(self, factor: f64, (fx, fy): (f64, f64), whole: ViewBox) -> Self {
        let w = (self.w * factor).clamp(whole.w / 12.0, whole.w);
        let h = w * whole.h / whole.w;
        let x = self.x + (self.w - w) * fx;
        let y = self.y + (self.h - h) * fy;
        ViewBox { x, y, w, h }.kept_in(whole)
    }

    /// Moved so that it does not leave the whole picture.
    fn kept_in(self, whole: ViewBox) -> Self {
        ViewBox {
            x: self.x.clamp(whole.x, whole.x + whole.w - self.w),
            y: self.y.clamp(whole.y, whole.y + whole.h - self.h),
            ..self
        }
    }
}

/// Where the pointer is over a picture, in the picture's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointerAt {
    /// Across.
    pub x: f64,
    /// Down.
    pub y: f64,
    /// How many of the picture's units one screen pixel is (for a tolerance).
    pub per_pixel: f64,
    /// A click (else a move).
    pub click: bool,
}

/// An SVG picture with pan (drag), zoom (wheel, or the buttons), and export as SVG and PNG.
#[component]
fn PictureFrame(
    /// The picture's width in its own units.
    width: f64,
    /// The picture's height in its own units.
    height: f64,
    /// What the picture shows, for screen readers and the export's file name.
    label: &'static str,
    /// The file name the export gets, without its extension.
    file: &'static str,
    /// The `data-testid` of the SVG element.
    test_id: &'static str,
    /// Set while the pointer drags the picture: the click that ends a drag selects nothing.
    dragged: StoredValue<bool>,
    /// Told where the pointer is over the picture when it moves (not dragging) or clicks
    /// anything but a node, dot or country.
    #[prop(optional)]
    on_pointer: Option<Callback<PointerAt>>,
    /// The picture.
    children: Children,
) -> impl IntoView {
    let whole = ViewBox::whole(width, height);
    let view_box = RwSignal::new(whole);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let status = expect_context::<AppState>().export_status;
    // Where a drag started: pointer position and the view then.
    let drag: StoredValue<Option<(f64, f64, ViewBox)>> = StoredValue::new(None);
    let size = move || {
        svg_ref
            .get_untracked()
            .map(|svg| {
                let rect = svg.get_bounding_client_rect();
                (
                    rect.left(),
                    rect.top(),
                    rect.width().max(1.0),
                    rect.height().max(1.0),
                )
            })
            .unwrap_or((0.0, 0.0, 1.0, 1.0))
    };
    // The pointer in the picture's units: the view box drawn centred at the largest scale that
    // fits the element ("xMidYMid meet").
    let at = move |client_x: i32, client_y: i32, click: bool| {
        let (left, top, w, h) = size();
        let v = view_box.get_untracked();
        let scale = (w / v.w).min(h / v.h);
        let (ox, oy) = ((w - v.w * scale) / 2.0, (h - v.h * scale) / 2.0);
        PointerAt {
            x: v.x + (f64::from(client_x) - left - ox) / scale,
            y: v.y + (f64::from(client_y) - top - oy) / scale,
            per_pixel: 1.0 / scale,
            click,
        }
    };
    // Nodes, dots and countries answer for themselves.
    let on_itself = |ev: &web_sys::Event| {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                e.closest(".node, .place-dot, .country")
                    .ok()
                    .flatten()
                    .is_some()
            })
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (left, top, w, h) = size();
        let at = (
            (f64::from(ev.client_x()) - left) / w,
            (f64::from(ev.client_y()) - top) / h,
        );
        let factor = if ev.delta_y() > 0.0 { 1.2 } else { 1.0 / 1.2 };
        view_box.update(|v| *v = v.zoom(factor, at, whole));
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() == 0 {
            dragged.set_value(false);
            drag.set_value(Some((
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
                view_box.get_untracked(),
            )));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0, start)) = drag.get_value() else {
            if let Some(callback) = on_pointer {
                if !on_itself(&ev) {
                    callback.run(at(ev.client_x(), ev.client_y(), false));
                }
            }
            return;
        };
        let (dx, dy) = (f64::from(ev.client_x()) - x0, f64::from(ev.client_y()) - y0);
        if dx.abs() + dy.abs() > 4.0 {
            dragged.set_value(true);
        }
        if dragged.get_value() {
            let (_, _, w, h) = size();
            view_box.set(
                ViewBox {
                    x: start.x - dx * start.w / w,
                    y: start.y - dy * start.h / h,
                    ..start
                }
                .kept_in(whole),
            );
        }
    };
    let on_up = move |_| drag.set_value(None);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(callback) = on_pointer {
            if !dragged.get_value() && !on_itself(&ev) {
                callback.run(at(ev.client_x(), ev.client_y(), true));
            }
        }
    };
    let zoom_by = move |factor: f64| view_box.update(|v| *v = v.zoom(factor, (0.5, 0.5), whole));
    let export = move |png: bool| {
        if let Some(svg) = svg_ref.get_untracked() {
            if let Err(error) = export_picture(&svg, whole, file, png, status) {
                status.set(Some(format!("The picture could not be saved: {error}")));
            }
        }
    };
    view! {
        <div class="picture-tools">
            <button class="button small" aria-label="Zoom in" on:click=move |_| zoom_by(1.0 / 1.5)>
                "+"
            </button>
            <button class="button small" aria-label="Zoom out" on:click=move |_| zoom_by(1.5)>
                "−"
            </button>
            <button class="button small" on:click=move |_| view_box.set(whole)>
                "Whole picture"
            </button>
            <span class="picture-tools-gap"></span>
            <button
                class="button small"
                data-testid=format!("{file}-svg")
                on:click=move |_| export(false)
            >
                "SVG"
            </button>
            <button
                class="button small"
                data-testid=format!("{file}-png")
                on:click=move |_| export(true)
            >
                "PNG"
            </button>
        </div>
        <svg
            class="picture"
            node_ref=svg_ref
            data-testid=test_id
            role="img"
            aria-label=label
            viewBox=move || view_box.get().attr()
            preserveAspectRatio="xMidYMid meet"
            font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
            on:wheel=on_wheel
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:click=on_click
            on:pointerleave=on_up
        >
            <rect x="0" y="0" width=width height=height fill="#ffffff"></rect>
            {children()}
        </svg>
    }
}

/// Saves the whole picture as an SVG file, or drawn at twice its size as a PNG.
fn export_picture(
    svg: &web_sys::SvgElement,
    whole: ViewBox,
    file: &str,
    png: bool,
    status: RwSignal<Option<String>>,
) -> Result<(), String> {
    let copy: web_sys::Element = svg
        .clone_node_with_deep(true)
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    let set = |name: &str, value: &str| {
        copy.set_attribute(name, value)
            .map_err(|e| format!("{e:?}"))
    };
    set("xmlns", "http://www.w3.org/2000/svg")?;
    set("viewBox", &whole.attr())?;
    set("width", &format!("{}", whole.w))?;
    set("height", &format!("{}", whole.h))?;
    let text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        copy.outer_html()
    );
    if !png {
        crate::app::download(&format!("{file}.svg"), "image/svg+xml", &text)?;
        status.set(Some(format!("{file}.svg saved")));
        return Ok(());
    }
    // A data: URL, as the page's content security policy allows images from no other place.
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&text))
    );
    let image = web_sys::HtmlImageElement::new().map_err(|e| format!("{e:?}"))?;
    let (w, h) = (whole.w * 2.0, whole.h * 2.0);
    let name = format!("{file}.png");
    let loaded = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let drawn = (|| -> Result<String, String> {
            let canvas: web_sys::HtmlCanvasElement = document()
                .create_element("canvas")
                .map_err(|e| format!("{e:?}"))?
                .unchecked_into();
            canvas.set_width(w as u32);
            canvas.set_height(h as u32);
            let context: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")
                .map_err(|e| format!("{e:?}"))?
                .ok_or("no 2D canvas")?
                .unchecked_into();
            context
                .draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h)
                .map_err(|e| format!("{e:?}"))?;
            canvas
                .to_data_url_with_type("image/png")
                .map_err(|e| format!("{e:?}"))
        })();
        status.set(Some(
            match drawn.and_then(|data| crate::app::download_url(&name, &data)) {
                Ok(()) => format!("{name} saved"),
                Err(error) => format!("The picture could not be saved: {error}"),
            },
        ));
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// The colour of an entity kind's nodes: the colours the reader marks names in.
fn kind_colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#c2185b",
        EntityKind::Org => "#6a4fb3",
        EntityKind::Place => "#1f8a70",
    }
}

/// How far a point is from a line segment (x1, y1, x2, y2).
fn segment_distance(x: f64, y: f64, (x1, y1, x2, y2): (f32, f32, f32, f32)) -> f64 {
    let (x1, y1, x2, y2) = (f64::from(x1), f64::from(y1), f64::from(x2), f64::from(y2));
    let (dx, dy) = (x2 - x1, y2 - y1);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        (((x - x1) * dx + (y - y1) * dy) / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((x - x1 - t * dx).powi(2) + (y - y1 - t * dy).powi(2)).sqrt()
}

/// Where and how an entity's circle is drawn.
struct Spot {
    /// The entity.
    id: EntityId,
    /// Its name.
    name: String,
    /// Its centre.
    x: f64,
    /// Its centre.
    y: f64,
    /// Its radius.
    r: f64,
    /// Its colour.
    fill: &'static str,
    /// Its class.
    class: &'static str,
    /// Its `data-testid`.
    test_id: &'static str,
    /// The ring's width while the entity is selected.
    ring: f64,
    /// The ring's width otherwise.
    rest: f64,
}

/// A circle that stands for an entity: it names itself under the pointer (`title`), is ringed
/// while the entity is selected, and a click (not the end of a drag) selects the entity as a
/// filter or takes it off.
fn entity_circle(
    spot: Spot,
    title: String,
    selected: Memo<bool>,
    hover: RwSignal<Option<String>>,
    dragged: StoredValue<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Spot { id, name, .. } = spot;
    let hover_text = title.clone();
    view! {
        <circle
            class=spot.class
            class:selected=move || selected.get()
            data-testid=spot.test_id
            data-name=name.clone()
            cx=spot.x
            cy=spot.y
            r=spot.r
            fill=spot.fill
            fill-opacity="0.85"
            stroke=move || if selected.get() { "#1d2330" } else { "#ffffff" }
            stroke-width=move || if selected.get() { spot.ring } else { spot.rest }
            on:mouseenter=move |_| hover.set(Some(hover_text.clone()))
            on:mouseleave=move |_| hover.set(None)
            on:click=move |_| {
                if !dragged.get_value() {
                    state.toggle_entity(id, name.clone());
                }
            }
        >
            <title>{title}</title>
        </circle>
    }
}

/// The network's node sizes offered.
const SIZES: [usize; 6] = [30, 60, 100, 150, 200, 300];

/// The network of the entities the filter's stories name together.
#[component]
pub fn NetworkView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragged = StoredValue::new(false);
    // Asks again whenever the filter, the size or the kinds change.
    Effect::new(move |_| {
        state.generation.track();
        let size = state.network_size.get();
        let kinds = state.network_kinds.get();
        if state.middle.get() != MiddleView::Network || state.files.with(Vec::is_empty) {
            return;
        }
        state.send(Request::Network {
            id: state.generation.get_untracked(),
            query: state.query(0, 0),
            options: NetworkOptions {
                size,
                kinds,
                min_weight: 1,
            },
        });
        state.request_page(0);
    });
    let hover: RwSignal<Option<String>> = RwSignal::new(None);
    // The strongest link's weight (links come strongest first): the slider's end, and the
    // scale of the links' widths.
    let strongest = Memo::new(move |_| {
        state.network.with(|n| {
            n.as_ref()
                .and_then(|(n, _)| n.links.first().map(|l| l.weight))
                .unwrap_or(1)
                .max(1)
        })
    });
    let kind_box = move |kind: EntityKind, name: &'static str| {
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    data-testid=format!("network-kind-{}", kind.label().to_lowercase())
                    prop:checked=move || state.network_kinds.with(|k| k.contains(&kind))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state
                            .network_kinds
                            .update(|kinds| {
                                kinds.retain(|&k| k != kind);
                                if on {
                                    kinds.push(kind);
                                    kinds.sort_by_key(|k| k.label());
                                }
                            });
                    }
                />
                {name}
            </label>
        }
    };
    // The links drawn, with their ends, as (a, b, weight, (x1, y1, x2, y2)).
    let shown_links = Memo::new(move |_| {
        let min = state.network_min_weight.get();
        state.network.with(|network| {
            let Some((network, _)) = network else {
                return Vec::new();
            };
            network
                .links
                .iter()
                .filter(|l| l.weight >= min)
                .filter_map(|link| {
                    let a = network.nodes.get(link.a as usize)?;
                    let b = network.nodes.get(link.b as usize)?;
                    Some((link.a, link.b, link.weight, (a.x, a.y, b.x, b.y)))
                })
                .collect::<Vec<_>>()
        })
    });
    let caption = move || {
        state.network.with(|network| match network {
            None => "Laying out the network…".to_owned(),
            Some((network, millis)) => {
                let shown = shown_links.with(Vec::len);
                format!(
                    "{} of {} entities · {} link{} shown of {} · laid out in {:.0} ms",
                    network.nodes.len(),
                    network.candidates,
                    shown,
                    crate::app::plural(shown),
                    network.links.len(),
                    millis
                )
            }
        })
    };
    let hover_link: RwSignal<Option<usize>> = RwSignal::new(None);
    // The drawn link nearest the pointer, within a few pixels.
    let nearest = move |at: PointerAt| {
        shown_links.with_untracked(|links| {
            let reach = 5.0 * at.per_pixel;
            links
                .iter()
                .enumerate()
                .map(|(i, &(_, _, _, ends))| (i, segment_distance(at.x, at.y, ends)))
                .filter(|&(_, d)| d <= reach)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        })
    };
    let link_text = move |i: usize| {
        let (a, b, weight, _) = shown_links.with_untracked(|l| l.get(i).copied())?;
        state.network.with_untracked(|network| {
            let (network, _) = network.as_ref()?;
            let (a, b) = (
                network.nodes.get(a as usize)?,
                network.nodes.get(b as usize)?,
            );
            Some((
                a.entity,
                b.entity,
                format!(
                    "{} and {}: {} shared stor{}",
                    a.name,
                    b.name,
                    weight,
                    if weight == 1 { "y" } else { "ies" }
                ),
            ))
        })
    };
    let on_pointer = Callback::new(move |at: PointerAt| {
        let found = nearest(at);
        if at.click {
            if let Some((a, b, _)) = found.and_then(link_text) {
                state.send(Request::SharedStories {
                    query: state.query(0, 0),
                    a,
                    b,
                });
            }
            return;
        }
        if found != hover_link.get_untracked() {
            hover_link.set(found);
            hover.set(found.and_then(link_text).map(|(_, _, text)| text));
        }
    });
    // The links as a few paths, one for each strength, weakest first: thousands of links cost
    // a handful of elements.
    let links = move || {
        let heaviest = strongest.get() as f32;
        const LEVELS: usize = 6;
        let mut paths = vec![String::new(); LEVELS];
        shown_links.with(|links| {
            for &(_, _, weight, (x1, y1, x2, y2)) in links {
                let level = ((weight as f32 / heaviest) * (LEVELS - 1) as f32).round() as usize;
                let d = &mut paths[level.min(LEVELS - 1)];
                d.push_str(&format!("M{x1:.1},{y1:.1}L{x2:.1},{y2:.1}"));
            }
        });
        paths
            .into_iter()
            .enumerate()
            .filter(|(_, d)| !d.is_empty())
            .map(|(level, d)| {
                let share = level as f32 / (LEVELS - 1) as f32;
                view! {
                    <path
                        d=d
                        fill="none"
                        stroke="#5d6675"
                        stroke-opacity=0.22 + 0.5 * share
                        stroke-width=0.6 + 5.0 * share
                        stroke-linecap="round"
                    ></path>
                }
            })
            .collect_view()
    };
    let hovered_line = move || {
        let i = hover_link.get()?;
        let (_, _, _, (x1, y1, x2, y2)) = shown_links.with(|l| l.get(i).copied())?;
        Some(view! {
            <line
                x1=x1
                y1=y1
                x2=x2
                y2=y2
                stroke="#1f5fbf"
                stroke-width="3"
                stroke-linecap="round"
                pointer-events="none"
            ></line>
        })
    };
    let nodes = move || {
        let (network, _) = state.network.get()?;
        let mut degree = vec![0usize; network.nodes.len()];
        for link in &network.links {
            degree[link.a as usize] += 1;
            degree[link.b as usize] += 1;
        }
        let nodes = network
            .nodes
            .into_iter()
            .enumerate()
            .map(|(i, node)| {
                let id = node.entity;
                let name = node.name.clone();
                // Only this node's ring follows the selection: a click redraws no other node.
                let selected = Memo::new(move |_| {
                    state
                        .selected_entities
                        .with(|s| s.iter().any(|e| e.0 == id))
                });
                let title = format!(
                    "{} · {} · {} stor{} · linked to {}",
                    node.name,
                    node.kind.label().to_lowercase(),
                    node.stories,
                    if node.stories == 1 { "y" } else { "ies" },
                    degree[i]
                );
                entity_circle(
                    Spot {
                        id,
                        name,
                        x: f64::from(node.x),
                        y: f64::from(node.y),
                        r: f64::from(node.r),
                        fill: kind_colour(node.kind),
                        class: "node",
                        test_id: "network-node",
                        ring: 3.0,
                        rest: 1.2,
                    },
                    title,
                    selected,
                    hover,
                    dragged,
                )
            })
            .collect_view();
        Some(nodes)
    };
    let labels = move || {
        state.network.get().map(|(network, _)| {
            network
                .nodes
                .into_iter()
                .filter_map(|node| {
                    let label = node.label?;
                    Some(view! {
                        <text
                            class="label"
                            x=label.x
                            y=label.y
                            font-size=label.size
                            fill="#1d2330"
                            stroke="#ffffff"
                            stroke-width="3"
                            stroke-opacity="0.8"
                            paint-order="stroke"
                            pointer-events="none"
                        >
                            {node.name}
                        </text>
                    })
                })
                .collect_view()
        })
    };
    let shared = move || {
        state.shared_stories.get().map(|shared| {
            let items = shared
                .articles
                .iter()
                .map(|article| {
                    let id = article.id;
                    view! {
                        <li>
                            <button class="link" on:click=move |_| state.select(id)>
                                {article.title.clone()}
                            </button>
                            <span class="muted">{format!(" · {}", article.file)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="shared-stories" data-testid="shared-stories" aria-label="Shared stories">
                    <h3>
                        {format!(
                            "{} and {}: {} shared stor{}",
                            shared.a.name,
                            shared.b.name,
                            shared.total,
                            if shared.total == 1 { "y" } else { "ies" },
                        )}
                        <button
                            class="link"
                            on:click=move |_| state.shared_stories.set(None)
                        >
                            "close"
                        </button>
                    </h3>
                    <ul>{items}</ul>
                </section>
            }
        })
    };
    view! {
        <section class="pictures" aria-label="Network of entities">
            <div class="picture-controls">
                <label>
                    "Entities "
                    <select
                        class="sort"
                        data-testid="network-size"
                        on:change=move |ev| {
                            if let Ok(size) = event_target_value(&ev).parse() {
                                state.network_size.set(size);
                            }
                        }
                    >
                        {SIZES
                            .iter()
                            .map(|&size| {
                                view! {
                                    <option
                                        value=size.to_string()
                                        selected=move || state.network_size.get() == size
                                    >
                                        {size.to_string()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                {kind_box(EntityKind::Person, "People")}
                {kind_box(EntityKind::Org, "Organisations")}
                {kind_box(EntityKind::Place, "Places")}
                <label class="slider">
                    {move || {
                        let min = state.network_min_weight.get();
                        format!("Links of {min}+ shared stor{}", if min == 1 { "y" } else { "ies" })
                    }}
                    <input
                        type="range"
                        min="1"
                        max=move || strongest.get().to_string()
                        data-testid="network-min-weight"
                        prop:value=move || state.network_min_weight.get().to_string()
                        on:input=move |ev| {
                            if let Ok(min) = event_target_value(&ev).parse() {
                                state.network_min_weight.set(min);
                            }
                        }
                    />
                </label>
            </div>
            <p class="picture-caption" data-testid="network-caption">
                {move || hover.get().unwrap_or_else(caption)}
            </p>
            <PictureFrame
                width=f64::from(WIDTH)
                height=f64::from(HEIGHT)
                label="Network of the entities named in the same stories"
                file="network"
                test_id="network"
                dragged=dragged
                on_pointer=on_pointer
            >
                <g
                    class="links"
                    data-testid="links"
                    data-count=move || shown_links.with(Vec::len).to_string()
                >
                    {links}
                </g>
                {hovered_line}
                <g class="nodes">{nodes}</g>
                <g class="labels">{labels}</g>
            </PictureFrame>
            <p class="picture-legend">
                <span class="swatch" style:background=kind_colour(EntityKind::Person)></span>
                "people "
                <span class="swatch" style:background=kind_colour(EntityKind::Org)></span>
                "organisations "
                <span class="swatch" style:background=kind_colour(EntityKind::Place)></span>
                "places · size: stories · click a node to filter by it, a link for its stories; drag to move, wheel to zoom"
            </p>
            {shared}
        </section>
    }
}

/// The map's frame: Equal Earth's whole world, in these units.
const MAP_SCALE: f64 = 184.0;
/// The map's width.
const MAP_WIDTH: f64 = 2.0 * 2.7057 * MAP_SCALE;
/// The map's height.
const MAP_HEIGHT: f64 = 2.0 * 1.3173 * MAP_SCALE;

/// A longitude and latitude as a point of the map.
fn map_point(lon: f32, lat: f32) -> (f64, f64) {
    let (x, y) = corpus::geo::project((lon, lat));
    (
        (f64::from(x) + 2.7057) * MAP_SCALE,
        (1.3173 - f64::from(y)) * MAP_SCALE,
    )
}

/// Every country's outline as an SVG path, made once.
fn country_paths() -> &'static [(&'static str, &'static str, String)] {
    static PATHS: OnceLock<Vec<(&'static str, &'static str, String)>> = OnceLock::new();
    PATHS.get_or_init(|| {
        corpus::geo::countries()
            .iter()
            .map(|country| {
                let mut d = String::new();
                for ring in &country.rings {
                    for (i, &(lon, lat)) in ring.iter().enumerate() {
                        let (x, y) = map_point(lon, lat);
                        d.push_str(&format!(
                            "{}{:.1},{:.1}",
                            if i == 0 { "M" } else { "L" },
                            x,
                            y
                        ));
                    }
                    d.push('Z');
                }
                (country.code, country.name, d)
            })
            .collect()
    })
}

/// The shade of a country named in `stories` of at most `most` stories (none: grey).
fn shade(stories: usize, most: usize) -> String {
    if stories == 0 {
        return "#e3e6eb".to_owned();
    }
    let t = ((1.0 + stories as f64).ln() / (1.0 + most.max(1) as f64).ln()).clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(0xd3 as f64, 0x17 as f64),
        mix(0xe3 as f64, 0x45 as f64),
        mix(0xf5 as f64, 0x8c as f64)
    )
}

/// The places the filter's stories name, on a world map.
#[component]
pub fn MapView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragged = StoredValue::new(false);
    Effect::new(move |_| {
        state.generation.track();
        if state.middle.get() != MiddleView::Map || state.files.with(Vec::is_empty) {
            return;
        }
        state.send(Request::PlaceMap {
            id: state.generation.get_untracked(),
            query: state.query(0, 0),
        });
        state.request_page(0);
    });
    let hover: RwSignal<Option<String>> = RwSignal::new(None);
    // Per country code: its entity, name, stories named, stories of places in it.
    let by_country = Memo::new(move |_| {
        state.place_map.with(|map| {
            map.as_ref()
                .map(|(map, _)| {
                    map.countries
                        .iter()
                        .map(|c| {
                            (
                                c.code.clone(),
                                (c.entity, c.name.clone(), c.stories, c.inside),
                            )
                        })
                        .collect::<HashMap<_, _>>()
                })
                .unwrap_or_default()
        })
    });
    let most = Memo::new(move |_| {
        state.place_map.with(|map| {
            map.as_ref().map_or(1, |(map, _)| {
                map.countries
                    .iter()
                    .map(|c| c.stories)
                    .chain(map.points.iter().map(|p| p.stories))
                    .max()
                    .unwrap_or(1)
            })
        })
    });
    let countries = country_paths()
        .iter()
        .map(|(code, name, d)| {
            let code = *code;
            let info = move || by_country.with(|m| m.get(code).cloned());
            let title = move || match info() {
                Some((_, name, stories, inside)) => format!(
                    "{name}: named in {stories} stor{}; a place in it in {inside}",
                    if stories == 1 { "y" } else { "ies" }
                ),
                None => format!("{name}: not named"),
            };
            view! {
                <path
                    class="country"
                    class:named=move || info().is_some()
                    data-testid="map-country"
                    data-code=code
                    d=d.clone()
                    fill=move || shade(info().map_or(0, |i| i.2), most.get())
                    stroke="#ffffff"
                    stroke-width="0.5"
                    on:mouseenter=move |_| hover.set(Some(title()))
                    on:mouseleave=move |_| hover.set(None)
                    on:click=move |_| {
                        if let (false, Some((id, name, _, _))) = (dragged.get_value(), info()) {
                            state.toggle_entity(id, name);
                        }
                    }
                >
                    <title>{title}</title>
                </path>
            }
        })
        .collect_view();
    let dots = move || {
        let most = most.get() as f64;
        state.place_map.get().map(|(map, _)| {
            map.points
                .into_iter()
                .rev()
                .map(|point| {
                    let (x, y) = map_point(point.lon, point.lat);
                    let r = 2.2 + 9.0 * (point.stories as f64 / most).sqrt();
                    let id = point.entity;
                    let name = point.name.clone();
                    let selected = Memo::new(move |_| {
                        state
                            .selected_entities
                            .with(|s| s.iter().any(|e| e.0 == id))
                    });
                    let title = format!(
                        "{}: named in {} stor{}",
                        point.name,
                        point.stories,
                        if point.stories == 1 { "y" } else { "ies" }
                    );
                    entity_circle(
                        Spot {
                            id,
                            name,
                            x,
                            y,
                            r,
                            fill: "#d0443a",
                            class: "place-dot",
                            test_id: "map-dot",
                            ring: 2.0,
                            rest: 0.7,
                        },
                        title,
                        selected,
                        hover,
                        dragged,
                    )
                })
                .collect_view()
        })
    };
    let caption = move || {
        state.place_map.with(|map| match map {
            None => "Placing the places…".to_owned(),
            Some((map, millis)) => format!(
                "{} countr{} shaded · {} place{} as dots · {} not on the map · counted in {:.0} ms",
                map.countries.len(),
                if map.countries.len() == 1 { "y" } else { "ies" },
                map.points.len(),
                crate::app::plural(map.points.len()),
                map.unplaced.len(),
                millis
            ),
        })
    };
    let unplaced = move || {
        state.place_map.get().map(|(map, _)| {
            let total = map.unplaced.len();
            let items = map
                .unplaced
                .into_iter()
                .take(200)
                .map(|place| {
                    let id = place.entity;
                    let name = place.name.clone();
                    view! {
                        <li data-testid="map-unplaced">
                            <button class="link" on:click=move |_| state.toggle_entity(id, name.clone())>
                                {place.name.clone()}
                            </button>
                            <span class="muted">{format!(" {} · {}", place.stories, place.why)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{format!("Not on the map ({total})")}</h3>
                <ul>{items}</ul>
                {(total > 200).then(|| view! { <p class="muted">"The 200 most named are listed."</p> })}
            }
        })
    };
    view! {
        <section class="pictures" aria-label="Map of places">
            <p class="picture-caption" data-testid="map-caption">
                {move || hover.get().unwrap_or_else(caption)}
            </p>
            <div class="map-and-list">
                <div class="map-frame">
                    <PictureFrame
                        width=MAP_WIDTH
                        height=MAP_HEIGHT
                        label="World map of the places named"
                        file="map"
                        test_id="map"
                        dragged=dragged
                    >
                        <g class="countries">{countries}</g>
                        <g class="dots">{dots}</g>
                    </PictureFrame>
                    <p class="picture-legend">
                        <span class="swatch" style:background=shade(1, 100)></span>
                        "few "
                        <span class="swatch" style:background=shade(100, 100)></span>
                        "many stories name the country · "
                        <span class="swatch dot"></span>
                        "a city or region · click to filter by it"
                    </p>
                </div>
                <aside class="map-unplaced" aria-label="Places not on the map">{unplaced}</aside>
            </div>
        </section>
    }
}
