//! The world map beside the list: a separate SVG asset (see `scripts/gen-map.mjs`) loaded once
//! the list is on screen, coloured by region, following the query, and linked to the list.
//!
//! The map never becomes 103 tab stops: one member shape is in the tab order at a time and the
//! arrow keys move between the members the query lets through (a roving tabindex).

mod shapes;
mod svg;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::map_asset::label_cell;
use crate::roving_focus::Step;
use crate::views::{DirectoryModel, MapState};
use shapes::MapShapes;
use svg::load_map;

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
    let watching = StoredValue::new_local(false);
    Effect::new(move |_| {
        if let Some(canvas) = canvas.get() {
            if !watching.get_value() {
                watching.set_value(true);
                when_near_view(&canvas, move || {
                    let _ = near_view.try_set(true);
                });
                listen(&canvas, model, shapes);
            }
        }
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
    let stage = canvas.clone();
    let show_name = move |event: web_sys::Event| {
        let Some(code) = member_code(&event) else {
            return;
        };
        let (Some(name), Some(shape)) = (name_of(&code), event_shape(&event)) else {
            return;
        };
        if let Some(map) = shapes.get_value() {
            map.ring(Some(&code));
        }
        // Beside the country as laid out now (zoomed or not): the label's cell is set on it
        // directly, the name through the view.
        let area = stage.get_bounding_client_rect();
        let at = shape.get_bounding_client_rect();
        let (column, row) = label_cell(
            (at.left() + at.width() / 2.0 - area.left()) / area.width(),
            (at.top() - area.top()) / area.height(),
        );
        if let Some(label) = stage.next_element_sibling() {
            let _ = label.set_attribute("data-column", &column.to_string());
            let _ = label.set_attribute("data-row", &row.to_string());
        }
        model.pointed.set(Some(name));
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
            let key = event.key();
            if key == "Enter" || key == " " {
                event.prevent_default();
                activate(&code);
            } else if let Some(step) = Step::from_key(&key) {
                event.prevent_default();
                map.move_focus(&code, step);
            }
        }
    };
    let forget_name = move |_: web_sys::Event| {
        model.pointed.set(None);
        if let Some(map) = shapes.get_value() {
            map.ring(None);
        }
    };
    let on_click = move |event: web_sys::Event| {
        if let Some(code) = member_code(&event) {
            activate(&code);
        }
    };
    on(canvas, "pointerover", show_name.clone());
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

/// The member code of the shape an event happened on, if it is a member's.
fn member_code(event: &web_sys::Event) -> Option<String> {
    event_shape(event)?.get_attribute("data-code")
}

/// The member shape an event happened on, if any.
fn event_shape(event: &web_sys::Event) -> Option<web_sys::Element> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("[data-code][data-member]").ok()?
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

/// Scrolls the list entry into view, marks it, and moves focus to it.
fn highlight_entry(entry: &web_sys::Element) {
    if let Some(previous) = entry
        .closest(".member-list")
        .ok()
        .flatten()
        .and_then(|list| list.query_selector("[data-highlighted]").ok().flatten())
    {
        let _ = previous.remove_attribute("data-highlighted");
    }
    let _ = entry.set_attribute("data-highlighted", "");
    super::host::selected(entry);
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
