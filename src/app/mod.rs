//! The browser side: thin Leptos views over the `directory` core.
//!
//! Every `[data-member-directory]` element gets its own independent instance: its own
//! settings, data, query and reactive owner, so several can live on one page.

mod dom;
mod fetch;
mod language;
mod load_error;
mod member_directory;
mod member_list;
mod region_filter;
mod search_box;
mod settings;
mod url_state;
mod world_map;

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use member_directory::MemberDirectory;
use settings::Settings;

/// Marks a placeholder the app has already taken over, so mounting twice does nothing.
const MOUNTED_ATTR: &str = "data-mounted";

thread_local! {
    /// Counts instances so each gets unique element ids, even across shadow roots.
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// Mounts a directory into every `[data-member-directory]` element of the document.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for placeholder in dom::elements(document.query_selector_all("[data-member-directory]")) {
        if let Ok(element) = placeholder.dyn_into::<web_sys::HtmlElement>() {
            mount_into(element);
        }
    }
}

/// Mounts a directory into one element, which may live in a shadow root (inline embeds).
/// Renders into a detached element and swaps it in once it has something to show, so any
/// build-time markup stays on screen while the data loads.
pub fn mount_into(placeholder: web_sys::HtmlElement) {
    if placeholder.has_attribute(MOUNTED_ATTR) {
        return;
    }
    let _ = placeholder.set_attribute(MOUNTED_ATTR, "");
    let Some(document) = placeholder.owner_document() else {
        return;
    };
    let Ok(root) = document
        .create_element("div")
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>())
    else {
        return;
    };
    root.set_class_name("directory");
    let index = INSTANCES.with(|n| {
        n.set(n.get() + 1);
        n.get() - 1
    });
    let settings = Settings::from_element(&placeholder, index);
    if settings.map_src.is_some() {
        root.set_class_name("directory directory--map");
    }
    let view_root = root.clone();
    let swap_in = {
        let root = root.clone();
        move || {
            if root.parent_node().is_none() {
                placeholder.replace_children_with_node_1(&root);
                let _ = placeholder.set_attribute("data-ready", "");
            }
        }
    };
    leptos::mount::mount_to(
        root,
        move || view! { <MemberDirectory settings root=view_root on_ready=swap_in /> },
    )
    .forget();
}
