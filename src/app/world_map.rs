//! The world map beside the list: a separate SVG asset (see `scripts/gen-map.mjs`) loaded once
//! the list is on screen, coloured by region, following the query, and linked to the list.
//!
//! The map never becomes 103 tab stops: one member shape is in the tab order at a time and the
//! arrow keys move between the members the query lets through (a roving tabindex).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::dom::elements;
use super::fetch::{fetch_text, sleep};
use crate::directory::{Directory, Query};
use crate::i18n::Locale;
use crate::views::{DirectoryModel, MapState};

/// Largest map file accepted; the real one is about 100 kB before compression.
const MAX_MAP_BYTES: usize = 1024 * 1024;

/// Runs the map of one directory: loads the SVG into the canvas once the list is on screen and
/// the map is about to scroll into view, marks the members, follows the query, and links each
/// member shape to its entry in the list.
pub fn start(model: DirectoryModel, src: String, summary_id: String) {
    let canvas = model.canvas_ref;
    let state = model.map_state;
    let shapes = StoredValue::new_local(None::<Rc<MapShapes>>);
    let loading = StoredValue::new_local(false);

    // Load once the list is on screen and the map is about to scroll into view, so the map
    // never delays the content and costs nothing to visitors who never reach it.
    let near_view = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(canvas) = canvas.get() {
            when_near_view(&canvas, move || {
                let _ = near_view.try_set(true);
            });
            listen(&canvas, model, shapes);
        }
    });
    Effect::new(move |_| {
        if model.live.get()
            && model.directory.with(Option::is_some)
            && near_view.get()
            && !loading.get_value()
        {
            loading.set_value(true);
            let src = src.clone();
            spawn_local(async move {
                let shown = load_map(&src, canvas).await;
                if let Some(map) = shown {
                    shapes.set_value(Some(Rc::new(map)));
                }
                let _ = state.try_set(if shapes.with_value(Option::is_some) {
                    MapState::Shown
                } else {
                    MapState::Failed
                });
            });
        }
    });

    // Who is a member and what each shape is called (on load and when the language changes),
    // then the query: members it lets through are highlighted, the rest dimmed and out of reach.
    Effect::new(move |marked: Option<Option<usize>>| {
        let query = model.query.get();
        let locale = model.locale.get();
        let directory = model.directory.get()?;
        if state.get() != MapState::Shown {
            return None;
        }
        let map = shapes.get_value()?;
        let identity = Arc::as_ptr(&directory) as usize;
        if marked.flatten() != Some(identity) {
            map.mark_members(&directory, locale, &summary_id);
        }
        map.follow_query(&directory, &query);
        Some(identity)
    });
}

/// Pointer, focus, click and keyboard handling on the map's canvas.
fn listen(
    canvas: &web_sys::HtmlDivElement,
    model: DirectoryModel,
    shapes: StoredValue<Option<Rc<MapShapes>>, LocalStorage>,
) {
    let name_of = move |code: &str| -> Option<String> {
        let directory = model.directory.get_untracked()?;
        let locale = model.locale.get_untracked();
        let member = directory.members().iter().find(|m| m.code == code)?;
        Some(format!(
            "{} · {}",
            member.name,
            locale.region(member.region)
        ))
    };
    let show_name = move |event: web_sys::Event| {
        let name = member_code(&event).and_then(|code| name_of(&code));
        if name.is_some() {
            model.pointed.set(name);
        }
    };
    let canvas_element = canvas.clone();
    let activate = move |code: &str| {
        let Some(entry) = canvas_element
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
    let on_keydown = {
        let activate = activate.clone();
        move |event: web_sys::Event| {
            let Some(map) = shapes.get_value() else {
                return;
            };
            let Some(code) = member_code(&event) else {
                return;
            };
            let Ok(event) = event.dyn_into::<web_sys::KeyboardEvent>() else {
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
                map.move_focus(&code, step);
            }
        }
    };
    let forget_name = move |_: web_sys::Event| model.pointed.set(None);
    let on_click = move |event: web_sys::Event| {
        if let Some(code) = member_code(&event) {
            activate(&code);
        }
    };
    on(canvas, "pointerover", show_name);
    on(canvas, "focusin", show_name);
    on(canvas, "pointerleave", forget_name);
    on(canvas, "focusout", forget_name);
    on(canvas, "click", on_click);
    on(canvas, "keydown", on_keydown);
}

/// Adds a listener for the page's lifetime (the map is never taken down before the page).
fn on(target: &web_sys::EventTarget, name: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    closure.forget();
}

#[derive(Clone, Copy)]
enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// The member code of the shape an event happened on, if it is a member's.
fn member_code(event: &web_sys::Event) -> Option<String> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let shape = target.closest("[data-code][data-member]").ok()??;
    shape.get_attribute("data-code")
}

/// Fetches, checks and inserts the map, yielding between steps so no single task blocks the
/// page for long; then indexes its shapes.
async fn load_map(src: &str, canvas: NodeRef<html::Div>) -> Option<MapShapes> {
    let text = fetch_text(src, MAX_MAP_BYTES).await?;
    let root = parse_svg(&text)?;
    yield_to_browser().await;
    let canvas = canvas.get_untracked()?;
    let svg = canvas
        .owner_document()?
        .import_node_with_deep(&root, true)
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    canvas.replace_children_with_node_1(&svg);
    yield_to_browser().await;
    Some(MapShapes::index(svg))
}

/// Calls `then` once `element` comes within a screen's height of the viewport (at once where
/// the browser cannot tell).
fn when_near_view(element: &web_sys::Element, then: impl FnOnce() + 'static) {
    let then = Rc::new(RefCell::new(Some(then)));
    let pending = then.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near {
                observer.disconnect();
                if let Some(then) = pending.borrow_mut().take() {
                    then();
                }
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    match web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) {
        Ok(observer) => {
            observer.observe(element);
            // One small closure per map, alive until the map is near; simpler than tracking it.
            callback.forget();
        }
        Err(_) => {
            if let Some(then) = then.borrow_mut().take() {
                then();
            }
        }
    }
}

/// Lets the browser handle input and paint before the next step.
async fn yield_to_browser() {
    sleep(Duration::ZERO).await;
}

/// Parses the map and strips anything active from it: the map is our own asset, but nothing in
/// it may ever run or restyle the page.
fn parse_svg(text: &str) -> Option<web_sys::Element> {
    let parser = web_sys::DomParser::new().ok()?;
    let parsed = parser
        .parse_from_string(text, web_sys::SupportedType::ImageSvgXml)
        .ok()?;
    let root = parsed.document_element()?;
    if root.tag_name() != "svg" || root.query_selector("parsererror").ok()?.is_some() {
        return None;
    }
    for active in elements(root.query_selector_all("script, style, foreignObject, a, image, use")) {
        active.remove();
    }
    for element in elements(root.query_selector_all("*"))
        .into_iter()
        .chain(std::iter::once(root.clone()))
    {
        for name in element
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            if name.to_ascii_lowercase().starts_with("on") || name == "style" {
                let _ = element.remove_attribute(&name);
            }
        }
    }
    Some(root)
}

/// One member on the map: its shapes, the one that takes focus, and whether the query lets it
/// through (as last shown, so a filter change touches only the members that change).
struct MemberShapes {
    code: String,
    shapes: Vec<web_sys::Element>,
    target: web_sys::Element,
    name: String,
    fits: Cell<Option<bool>>,
}

/// The inserted map's shapes by country code, and the members among them in list order.
struct MapShapes {
    svg: web_sys::Element,
    by_code: HashMap<String, Vec<web_sys::Element>>,
    members: RefCell<Vec<MemberShapes>>,
    /// The one member shape in the tab order.
    tab_stop: RefCell<Option<String>>,
}

impl MapShapes {
    fn index(svg: web_sys::Element) -> MapShapes {
        let mut by_code: HashMap<String, Vec<web_sys::Element>> = HashMap::new();
        for element in elements(svg.query_selector_all("[data-code]")) {
            if let Some(code) = element.get_attribute("data-code") {
                by_code.entry(code).or_default().push(element);
            }
        }
        MapShapes {
            svg,
            by_code,
            members: RefCell::new(Vec::new()),
            tab_stop: RefCell::new(None),
        }
    }

    /// Marks who is a member, with its region and name, in list order.
    fn mark_members(&self, directory: &Directory, locale: &Locale, summary_id: &str) {
        for old in self.members.borrow().iter() {
            for shape in &old.shapes {
                for name in [
                    "data-member",
                    "data-region",
                    "data-target",
                    "data-match",
                    "role",
                    "aria-label",
                    "tabindex",
                ] {
                    let _ = shape.remove_attribute(name);
                }
            }
        }
        let mut members = Vec::new();
        for member in directory.members() {
            let Some(shapes) = self.by_code.get(&member.code) else {
                continue;
            };
            // The dot, if any, takes focus: it is easier to see than a tiny outline.
            let Some(target) = shapes
                .iter()
                .find(|s| s.tag_name() == "circle")
                .or(shapes.first())
                .cloned()
            else {
                continue;
            };
            for shape in shapes {
                let _ = shape.set_attribute("data-member", "");
                let _ = shape.set_attribute("data-region", member.region.slug());
            }
            let _ = target.set_attribute("data-target", "");
            members.push(MemberShapes {
                code: member.code.clone(),
                shapes: shapes.clone(),
                target,
                name: member.name.clone(),
                fits: Cell::new(None),
            });
        }
        *self.members.borrow_mut() = members;
        *self.tab_stop.borrow_mut() = None;
        let _ = self.svg.set_attribute("role", "group");
        let _ = self.svg.set_attribute("id", summary_id);
        let _ = self.svg.set_attribute(
            "aria-label",
            &locale.map_summary(directory.len(), &directory.regions()),
        );
    }

    /// Highlights the members the query lets through and dims the rest; only those let through
    /// are buttons, reachable with the arrow keys.
    fn follow_query(&self, directory: &Directory, query: &Query) {
        let matching: HashSet<&str> = directory.filter(query).map(|m| m.code.as_str()).collect();
        let members = self.members.borrow();
        for member in members.iter() {
            let fits = matching.contains(member.code.as_str());
            if member.fits.get() == Some(fits) {
                continue;
            }
            member.fits.set(Some(fits));
            for shape in &member.shapes {
                let _ = shape.set_attribute("data-match", if fits { "true" } else { "false" });
            }
            if fits {
                let _ = member.target.set_attribute("role", "button");
                let _ = member.target.set_attribute("aria-label", &member.name);
                let _ = member.target.set_attribute("tabindex", "-1");
            } else {
                for name in ["role", "aria-label", "tabindex"] {
                    let _ = member.target.remove_attribute(name);
                }
            }
        }
        let stop_fits = self
            .tab_stop
            .borrow()
            .as_deref()
            .is_some_and(|code| matching.contains(code));
        if !stop_fits {
            if let Some(first) = members.iter().find(|m| m.fits.get() == Some(true)) {
                self.set_tab_stop(&members, &first.code);
            } else {
                *self.tab_stop.borrow_mut() = None;
            }
        }
    }

    fn set_tab_stop(&self, members: &[MemberShapes], code: &str) {
        let previous = self.tab_stop.replace(Some(code.to_string()));
        for member in members {
            if previous.as_deref() == Some(member.code.as_str()) && member.fits.get() == Some(true)
            {
                let _ = member.target.set_attribute("tabindex", "-1");
            }
            if member.code == code {
                let _ = member.target.set_attribute("tabindex", "0");
            }
        }
    }

    /// Moves the roving focus from `code` to the next, previous, first or last member the query
    /// lets through, in list order.
    fn move_focus(&self, code: &str, step: Step) {
        let members = self.members.borrow();
        let shown: Vec<&MemberShapes> = members
            .iter()
            .filter(|m| m.fits.get() == Some(true))
            .collect();
        if shown.is_empty() {
            return;
        }
        let current = shown.iter().position(|m| m.code == code);
        let last = shown.len() - 1;
        let next = match (step, current) {
            (Step::First, _) | (Step::Next, None) | (Step::Previous, None) => 0,
            (Step::Last, _) => last,
            (Step::Next, Some(i)) => (i + 1).min(last),
            (Step::Previous, Some(i)) => i.saturating_sub(1),
        };
        let target = shown[next];
        self.set_tab_stop(&members, &target.code);
        if let Ok(element) = target.target.clone().dyn_into::<web_sys::SvgElement>() {
            let _ = element.focus();
        }
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
