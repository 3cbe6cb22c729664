//! The one way the views walk the DOM: a `querySelectorAll` result as a list of elements.

use wasm_bindgen::{JsCast, JsValue};

/// The elements of a `query_selector_all` result; an invalid selector gives none.
pub fn elements(found: Result<web_sys::NodeList, JsValue>) -> Vec<web_sys::Element> {
    let Ok(list) = found else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect()
}
