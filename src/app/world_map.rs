//! The world map beside the list: a separate SVG asset (see `scripts/gen-map.mjs`) loaded once
//! the list is on screen, coloured by region, following the query, and linked to the list.
//!
//! The map never becomes 103 tab stops: one member shape is in the tab order at a time and the
//! arrow keys move between the members the query lets through (a roving tabindex).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fetch::fetch_text;
use crate::directory::{Directory, Query};
use crate::i18n::Locale;

/// Largest map file accepted; the real one is about 100 kB before compression.
const MAX_MAP_BYTES: usize = 1024 * 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum MapState {
    Waiting,
    Loading,
    Shown,
    Failed,
}

/// The map figure: the SVG canvas, the name of the country pointed at, and a caption.
#[component]
pub fn WorldMap(
    src: String,
    id_prefix: String,
    directory: RwSignal<Option<Arc<Directory>>>,
    locale: RwSignal<Option<&'static Locale>>,
    query: Memo<Query>,
    /// Show a legend of its own (when the region filter, which doubles as the legend, is hidden).
    legend: bool,
) -> impl IntoView {
    let canvas = NodeRef::<html::Div>::new();
    let state = RwSignal::new(MapState::Waiting);
    let pointed = RwSignal::new(None::<String>);
    let summary_id = format!("{id_prefix}-map-summary");

    // Load once the list is on screen, so the map never delays the content.
    Effect::new(move |_| {
        if directory.with(Option::is_some) && state.get_untracked() == MapState::Waiting {
            state.set(MapState::Loading);
            let src = src.clone();
            spawn_local(async move {
                let svg = match fetch_text(&src, MAX_MAP_BYTES).await {
                    Some(text) => canvas.get_untracked().and_then(|c| insert_svg(&c, &text)),
                    None => None,
                };
                let _ = state.try_set(if svg.is_some() {
                    MapState::Shown
                } else {
                    MapState::Failed
                });
            });
        }
    });

    // Who is a member and what each shape is called (on load and when the language changes),
    // then the query: members it lets through are highlighted, the rest dimmed and out of reach.
    let summary_for_svg = summary_id.clone();
    Effect::new(move |marked: Option<Option<usize>>| {
        let query = query.get();
        let (Some(directory), Some(locale)) = (directory.get(), locale.get()) else {
            return None;
        };
        if state.get() != MapState::Shown {
            return None;
        }
        let svg = svg_of(canvas)?;
        let identity = Arc::as_ptr(&directory) as usize;
        if marked.flatten() != Some(identity) {
            mark_members(&svg, &directory, locale, &summary_for_svg);
        }
        follow_query(&svg, &directory, &query);
        Some(identity)
    });

    let name_of = move |code: &str| -> Option<String> {
        let directory = directory.get_untracked()?;
        let locale = locale.get_untracked()?;
        let member = directory.members().iter().find(|m| m.code == code)?;
        Some(format!(
            "{} · {}",
            member.name,
            locale.region(member.region)
        ))
    };
    let show_name = move |event: &web_sys::Event| {
        let name = member_code(event).and_then(|code| name_of(&code));
        if name.is_some() {
            pointed.set(name);
        }
    };
    let activate = move |code: &str| {
        let Some(canvas) = canvas.get_untracked() else {
            return;
        };
        let Some(entry) = canvas
            .closest(".directory")
            .ok()
            .flatten()
            .and_then(|root| {
                root.query_selector(&format!("li.member[data-code=\"{code}\"]:not([hidden])"))
                    .ok()
                    .flatten()
            })
        else {
            return;
        };
        highlight_entry(&entry);
    };

    let on_keydown = move |event: ev::KeyboardEvent| {
        let Some(svg) = svg_of(canvas) else {
            return;
        };
        let Some(code) = member_code(&event) else {
            return;
        };
        let step = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(Step::Next),
            "ArrowLeft" | "ArrowUp" => Some(Step::Previous),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            "Enter" | " " => {
                event.prevent_default();
                activate(&code);
                None
            }
            _ => None,
        };
        if let Some(step) = step {
            event.prevent_default();
            move_focus(&svg, &code, step);
        }
    };

    let legend_view = move || {
        if !legend {
            return None;
        }
        let (directory, locale) = (directory.get()?, locale.get()?);
        let items = directory
            .regions()
            .into_iter()
            .map(|(r, count)| {
                view! {
                    <li class="world-map__key">
                        <span class="swatch" data-region=r.slug() aria-hidden="true"></span>
                        {locale.region(r)} " " <span class="world-map__key-count">{count}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="world-map__legend">{items}</ul> })
    };
    let text = move |key: &'static str| {
        move || {
            locale
                .get()
                .unwrap_or_else(Locale::english)
                .text(key)
                .to_string()
        }
    };

    view! {
        <figure class="world-map" data-state=move || match state.get() {
            MapState::Waiting | MapState::Loading => "loading",
            MapState::Shown => "shown",
            MapState::Failed => "failed",
        }>
            <div
                class="world-map__canvas"
                node_ref=canvas
                on:pointerover=move |e| show_name(&e)
                on:pointerleave=move |_| pointed.set(None)
                on:focusin=move |e| show_name(&e)
                on:focusout=move |_| pointed.set(None)
                on:click=move |e| {
                    if let Some(code) = member_code(&e) {
                        activate(&code);
                    }
                }
                on:keydown=on_keydown
            ></div>
            <p class="world-map__name" aria-hidden="true" hidden=move || pointed.with(Option::is_none)>
                {move || pointed.get()}
            </p>
            {legend_view}
            <figcaption class="world-map__caption">
                <span class="world-map__title">{text("map-title")}</span>
                " "
                <span class="world-map__hint">
                    {move || if state.get() == MapState::Failed { text("map-failed")() } else { text("map-hint")() }}
                </span>
                " "
                <span class="world-map__credit">{text("map-credit")}</span>
            </figcaption>
        </figure>
    }
}

#[derive(Clone, Copy)]
enum Step {
    Next,
    Previous,
    First,
    Last,
}

fn svg_of(canvas: NodeRef<html::Div>) -> Option<web_sys::Element> {
    canvas.get_untracked()?.first_element_child()
}

/// The member code of the shape an event happened on, if it is a member's.
fn member_code(event: &web_sys::Event) -> Option<String> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let shape = target.closest("[data-code][data-member]").ok()??;
    shape.get_attribute("data-code")
}

/// Parses the map, strips anything active from it, and puts it into `canvas`.
fn insert_svg(canvas: &web_sys::HtmlDivElement, text: &str) -> Option<web_sys::Element> {
    let parser = web_sys::DomParser::new().ok()?;
    let parsed = parser
        .parse_from_string(text, web_sys::SupportedType::ImageSvgXml)
        .ok()?;
    let root = parsed.document_element()?;
    if root.tag_name() != "svg" || root.query_selector("parsererror").ok()?.is_some() {
        return None;
    }
    // The map is our own asset, but nothing in it may ever run or restyle the page.
    if let Ok(active) = root.query_selector_all("script, style, foreignObject, a, image, use") {
        for index in 0..active.length() {
            if let Some(node) = active.item(index) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    let all = root.query_selector_all("*").ok()?;
    for element in (0..all.length())
        .filter_map(|i| all.item(i))
        .chain(std::iter::once(root.clone().into()))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
    {
        let names = element.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            if name.to_ascii_lowercase().starts_with("on") || name == "style" {
                let _ = element.remove_attribute(&name);
            }
        }
    }
    let document = canvas.owner_document()?;
    let svg = document
        .import_node_with_deep(&root, true)
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let _ = svg.set_attribute("aria-hidden", "false");
    canvas.replace_children_with_node_1(&svg);
    Some(svg)
}

/// The shapes of one member code: its outline and, for small members, its dot.
fn shapes(svg: &web_sys::Element, code: &str) -> Vec<web_sys::Element> {
    let Ok(list) = svg.query_selector_all(&format!("[data-code=\"{code}\"]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The shape that takes focus for a member: its dot if it has one (easier to see), else its outline.
fn focus_shape(shapes: &[web_sys::Element]) -> Option<&web_sys::Element> {
    shapes
        .iter()
        .find(|s| s.tag_name() == "circle")
        .or(shapes.first())
}

fn mark_members(svg: &web_sys::Element, directory: &Directory, locale: &Locale, summary_id: &str) {
    if let Ok(old) = svg.query_selector_all("[data-member]") {
        for element in (0..old.length())
            .filter_map(|i| old.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            for name in [
                "data-member",
                "data-region",
                "data-target",
                "data-name",
                "data-match",
                "role",
                "aria-label",
                "tabindex",
            ] {
                let _ = element.remove_attribute(name);
            }
        }
    }
    for member in directory.members() {
        let shapes = shapes(svg, &member.code);
        for shape in &shapes {
            let _ = shape.set_attribute("data-member", "");
            let _ = shape.set_attribute("data-region", member.region.slug());
        }
        if let Some(target) = focus_shape(&shapes) {
            let _ = target.set_attribute("data-target", "");
            let _ = target.set_attribute("data-name", &member.name);
        }
    }
    let _ = svg.set_attribute("role", "group");
    let _ = svg.set_attribute("id", summary_id);
    let _ = svg.set_attribute(
        "aria-label",
        &locale.map_summary(directory.len(), &directory.regions()),
    );
}

fn follow_query(svg: &web_sys::Element, directory: &Directory, query: &Query) {
    let matching: HashMap<&str, ()> = directory
        .filter(query)
        .map(|m| (m.code.as_str(), ()))
        .collect();
    let mut first = true;
    let focused_code = svg
        .owner_document()
        .and_then(|d| d.active_element())
        .and_then(|a| a.get_attribute("data-code"));
    let keeps_focus = focused_code
        .as_deref()
        .is_some_and(|c| matching.contains_key(c));
    for member in directory.members() {
        let fits = matching.contains_key(member.code.as_str());
        let shapes = shapes(svg, &member.code);
        for shape in &shapes {
            let _ = shape.set_attribute("data-match", if fits { "true" } else { "false" });
        }
        let Some(target) = focus_shape(&shapes) else {
            continue;
        };
        if fits {
            let _ = target.set_attribute("role", "button");
            let name = target.get_attribute("data-name").unwrap_or_default();
            let _ = target.set_attribute("aria-label", &name);
            let in_tab_order = if keeps_focus {
                focused_code.as_deref() == Some(member.code.as_str())
            } else {
                first
            };
            let _ = target.set_attribute("tabindex", if in_tab_order { "0" } else { "-1" });
            first = false;
        } else {
            for name in ["role", "aria-label", "tabindex"] {
                let _ = target.remove_attribute(name);
            }
        }
    }
}

/// Moves the roving focus from the member `code` to the next, previous, first or last member
/// the query lets through, in list order.
fn move_focus(svg: &web_sys::Element, code: &str, step: Step) {
    let Ok(list) = svg.query_selector_all("[data-target][tabindex]") else {
        return;
    };
    let targets: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect();
    if targets.is_empty() {
        return;
    }
    // Document order is map order; the list order is alphabetical, which is what people expect
    // arrow keys to follow, so sort by the accessible name.
    let mut ordered = targets;
    ordered.sort_by_key(|t| t.get_attribute("data-name").unwrap_or_default());
    let current = ordered
        .iter()
        .position(|t| t.get_attribute("data-code").as_deref() == Some(code));
    let last = ordered.len() - 1;
    let next = match (step, current) {
        (Step::First, _) | (Step::Next, None) | (Step::Previous, None) => 0,
        (Step::Last, _) => last,
        (Step::Next, Some(i)) => (i + 1).min(last),
        (Step::Previous, Some(i)) => i.saturating_sub(1),
    };
    for (index, target) in ordered.iter().enumerate() {
        let _ = target.set_attribute("tabindex", if index == next { "0" } else { "-1" });
    }
    if let Ok(element) = ordered[next].clone().dyn_into::<web_sys::SvgElement>() {
        let _ = element.focus();
    }
}

/// Scrolls the list entry into view, marks it, and moves focus to it.
fn highlight_entry(entry: &web_sys::Element) {
    if let Some(previous) = entry
        .closest(".member-list")
        .ok()
        .flatten()
        .and_then(|list| list.query_selector(".member--highlight").ok().flatten())
    {
        let _ = previous.class_list().remove_1("member--highlight");
    }
    let _ = entry.class_list().add_1("member--highlight");
    let _ = entry.set_attribute("tabindex", "-1");
    let reduced = web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    entry.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(entry) = entry.clone().dyn_into::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = entry.focus_with_options(&options);
    }
}
