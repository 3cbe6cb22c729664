//! The map asset: fetched, stripped of anything active, inserted, indexed.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::shapes::MapShapes;
use crate::app::dom::elements;
use crate::app::fetch::{fetch_text, sleep};
use crate::map_asset::{is_active_attribute, ACTIVE_ELEMENTS};

/// Largest map file accepted; the real one is about 100 kB before compression.
const MAX_MAP_BYTES: usize = 1024 * 1024;
/// Fetches, checks and inserts the map, yielding between steps so no single task blocks the
/// page for long; then indexes its shapes.
pub(super) async fn load_map(src: &str, canvas: NodeRef<html::Div>) -> Option<MapShapes> {
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
    for active in elements(root.query_selector_all(ACTIVE_ELEMENTS)) {
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
            if is_active_attribute(&name) {
                let _ = element.remove_attribute(&name);
            }
        }
    }
    Some(root)
}
