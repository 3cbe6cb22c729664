//! Keeps the query in the page's URL (`?region=africa&q=uni`) without adding history entries.

use super::dom::elements;
use crate::directory::Query;
use crate::i18n::Language;

/// The values of `keys` present in the current page URL's query string.
pub fn params(keys: &[&'static str]) -> Vec<(&'static str, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|key| params.get(key).map(|value| (*key, value)))
        .collect()
}

/// The address of the current page showing `query` (and `language`, when the visitor chose one),
/// with its other parameters and fragment as they are.
pub fn address(query: &Query, language: Option<Language>) -> Option<String> {
    let url = current_url()?;
    set_view(&url.search_params(), query, language);
    Some(url.href())
}

/// Replaces the current history entry's URL with one holding `query` (and `language`, when the
/// visitor chose one), keeping other parameters and the fragment as they are. Language links
/// (`a[data-lang]`) are pointed at the same view in their language.
pub fn write(query: &Query, language: Option<Language>) {
    let (Some(window), Some(url)) = (web_sys::window(), current_url()) else {
        return;
    };
    let params = url.search_params();
    if let Some(document) = window.document() {
        for link in elements(document.query_selector_all("a[data-lang]")) {
            let target = link
                .get_attribute("data-lang")
                .and_then(|t| Language::from_tag(&t));
            set_view(&params, query, target);
            let search = params.to_string().as_string().unwrap_or_default();
            let _ = link.set_attribute("href", &format!("?{search}"));
        }
    }
    // The parameters are the URL's own: setting them sets its address.
    set_view(&params, query, language);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

fn current_url() -> Option<web_sys::Url> {
    let href = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new(&href).ok()
}

fn set_view(params: &web_sys::UrlSearchParams, query: &Query, language: Option<Language>) {
    params.delete("region");
    params.delete("q");
    params.delete("lang");
    for (key, value) in query.to_params() {
        params.append(key, &value);
    }
    if let Some(language) = language {
        params.set("lang", language.tag());
    }
}
