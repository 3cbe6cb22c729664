//! The browser side: thin Leptos views over the `directory` core.
//!
//! Every `[data-member-directory]` element on the page gets its own independent instance:
//! its own settings, data, query and reactive owner, so several can live on one page.

mod fetch;
mod load_error;
mod member_directory;
mod member_list;
mod region_filter;
mod search_box;
mod settings;
mod url_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use member_directory::MemberDirectory;
use settings::Settings;

/// Marks a placeholder the app has already taken over, so mounting twice does nothing.
const MOUNTED_ATTR: &str = "data-mounted";

/// Mounts a directory into every placeholder on the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(placeholders) = document.query_selector_all("[data-member-directory]") else {
        return;
    };
    for index in 0..placeholders.length() {
        let Some(placeholder) = placeholders
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if placeholder.has_attribute(MOUNTED_ATTR) {
            continue;
        }
        let _ = placeholder.set_attribute(MOUNTED_ATTR, "");
        mount(&document, placeholder, index);
    }
}

/// Renders the app into a detached element and swaps it in for the build-time markup once it
/// has something to show, so the static list stays on screen while the data loads.
fn mount(document: &web_sys::Document, placeholder: web_sys::HtmlElement, index: u32) {
    let Ok(root) = document
        .create_element("div")
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>())
    else {
        return;
    };
    root.set_class_name("directory");
    let settings = Settings::from_element(&placeholder, index);
    let swap_in = {
        let root = root.clone();
        move || {
            if root.parent_node().is_none() {
                placeholder.replace_children_with_node_1(&root);
            }
        }
    };
    leptos::mount::mount_to(
        root,
        move || view! { <MemberDirectory settings on_ready=swap_in /> },
    )
    .forget();
}
