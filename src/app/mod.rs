//! The browser side: runs the `views` over the `directory` core.
//!
//! Every `[data-member-directory]` element gets its own independent instance: its own
//! settings, data, query and reactive owner, so several can live on one page. Where the build
//! already rendered the directory into the element (the alliance's page and the embed page),
//! the instance takes that markup over as it is (hydration); elsewhere (inline embeds) it
//! renders the same components itself.

mod dom;
mod fetch;
mod host;
mod instance;
mod language;
mod settings;
mod take_away;
mod url_state;
mod world_map;

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::directory::Directory;
use crate::embed::{Controls, UrlState};
use crate::i18n::Locale;
use crate::views::{DirectoryModel, DirectoryView, Layout};
use fetch::sleep;
use settings::Settings;

/// Marks a placeholder the app has already taken over, so mounting twice does nothing.
const MOUNTED_ATTR: &str = "data-mounted";

/// Marks a placeholder whose directory is live: tests and the embed loader wait for it.
const READY_ATTR: &str = "data-ready";

/// The id prefix the build renders its one directory with.
const BUILD_ID_PREFIX: &str = "md0";

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
pub fn mount_into(placeholder: web_sys::HtmlElement) {
    if placeholder.has_attribute(MOUNTED_ATTR) {
        return;
    }
    let _ = placeholder.set_attribute(MOUNTED_ATTR, "");
    let index = INSTANCES.with(|n| {
        n.set(n.get() + 1);
        n.get() - 1
    });
    let settings = Settings::from_element(&placeholder, index);
    let layout = Layout {
        controls: settings.controls,
        region: settings
            .initial
            .region
            .filter(|_| !settings.controls.shows_regions()),
        map: settings.map_src.is_some(),
        download: settings.download,
        share: settings.url_state == UrlState::ReadWrite,
        id_prefix: settings.id_prefix.clone(),
    };
    match built_data(&placeholder, &layout) {
        Some(data) => take_over(placeholder, settings, layout, data),
        None => render(placeholder, settings, layout),
    }
}

/// The block with the member list the build rendered into `placeholder`, if the build rendered
/// it with the layout this instance wants (else the markup cannot be taken over as it is).
fn built_data(placeholder: &web_sys::HtmlElement, layout: &Layout) -> Option<web_sys::Element> {
    let data = placeholder
        .query_selector(&format!(":scope > script[{}]", crate::views::DATA_ATTR))
        .ok()??;
    let first = placeholder.first_element_child()?;
    let built_with_map = first.class_list().contains("directory--map");
    let same_layout = layout.controls == Controls::All
        && layout.map == built_with_map
        && layout.download
        && layout.share
            == first
                .query_selector("[data-share]:not([hidden] *)")
                .ok()
                .flatten()
                .is_some()
        && layout.id_prefix == BUILD_ID_PREFIX
        && first.class_list().contains("directory");
    same_layout.then_some(data)
}

/// Takes over the build-time markup: the same DOM nodes, now live. The page's language and the
/// view in its URL then arrive as one update. Reading the build's list, taking over its markup
/// and starting the directory's behaviour are separate tasks, so none blocks input for long on
/// a slow phone (the controls stay inert until the last has run). A list that cannot be read
/// is rendered afresh instead.
fn take_over(
    placeholder: web_sys::HtmlElement,
    settings: Settings,
    layout: Layout,
    data: web_sys::Element,
) {
    // Leptos' task executor starts with the first mount, so not Leptos' `spawn_local` yet.
    wasm_bindgen_futures::spawn_local(async move {
        sleep(Duration::ZERO).await;
        let Some(built) = data
            .text_content()
            .and_then(|text| Directory::parse(&text).ok())
        else {
            return render(placeholder, settings, layout);
        };
        data.remove();
        let built = Arc::new(built);
        let model = DirectoryModel::new(Some(built.clone()), Locale::english());
        let root = placeholder.clone();
        let ready = move || {
            let _ = root.set_attribute(READY_ATTR, "");
        };

        sleep(Duration::ZERO).await;
        let owner = Rc::new(Cell::new(None));
        let hydrated = owner.clone();
        leptos::mount::hydrate_from(placeholder, move || {
            hydrated.set(Owner::current());
            view! { <DirectoryView model layout /> }
        })
        .forget();

        sleep(Duration::ZERO).await;
        if let Some(owner) = owner.take() {
            owner.with(|| instance::start(model, settings, Some(built), ready));
        }
    });
}

/// Renders the directory afresh into a detached element and swaps it in once it has something
/// to show, so anything the partner put in the placeholder stays on screen while data loads.
fn render(placeholder: web_sys::HtmlElement, settings: Settings, layout: Layout) {
    let Some(staging) = placeholder
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>())
    else {
        return;
    };
    let model = DirectoryModel::new(None, Locale::english());
    let swap_in = {
        let staging = staging.clone();
        move || {
            if let Some(directory) = staging.first_element_child() {
                placeholder.replace_children_with_node_1(&directory);
                let _ = placeholder.set_attribute(READY_ATTR, "");
            }
        }
    };
    leptos::mount::mount_to(staging, move || {
        instance::start(model, settings, None, swap_in);
        view! { <DirectoryView model layout /> }
    })
    .forget();
}
