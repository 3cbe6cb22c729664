use crate::directory::Query;
use crate::embed::{Controls, EmbedOptions, UrlState, URL_PARAMS};
use crate::i18n::Language;

use super::url_state;

/// Everything one directory instance is configured with, read from its placeholder element.
#[derive(Clone)]
pub struct Settings {
    /// Where the member list is fetched from.
    pub data_url: String,
    pub url_state: UrlState,
    pub controls: Controls,
    /// The view to start with.
    pub initial: Query,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: String,
    /// The interface language to start in.
    pub language: Language,
    /// Folder of the generated language files (`i18n/`).
    pub i18n_base: String,
    /// Where the world map comes from, when the map is shown.
    pub map_src: Option<String>,
    pub download: bool,
}

impl Settings {
    /// Reads the settings from the placeholder's `data-*` attributes and, where the placeholder
    /// allows it (`data-url-state`), from the page URL, which wins over the attributes
    /// (`EmbedOptions::from_placeholder`).
    pub fn from_element(element: &web_sys::Element, index: u32) -> Settings {
        let attr = |name: &str| element.get_attribute(name).filter(|v| !v.trim().is_empty());
        let url_state = UrlState::from_attribute(attr("data-url-state").as_deref());
        let allowed = attr("data-allowed-sources").unwrap_or_default();
        let allowed: Vec<&str> = allowed.split_whitespace().collect();
        let url_params = if url_state.reads() {
            url_state::params(&URL_PARAMS)
        } else {
            Vec::new()
        };
        let options = EmbedOptions::from_placeholder(
            |name| element.get_attribute(name),
            &url_params,
            url_state,
            &allowed,
        );

        Settings {
            data_url: options
                .data_url
                .or_else(|| attr("data-src"))
                .unwrap_or_else(|| "members.json".to_string()),
            url_state,
            controls: options.controls,
            initial: options.query,
            id_prefix: format!("md{index}"),
            language: options
                .language
                .unwrap_or_else(|| Language::negotiate(&browser_languages())),
            i18n_base: attr("data-i18n").unwrap_or_else(|| "i18n/".to_string()),
            map_src: options
                .map
                .unwrap_or(false)
                .then(|| attr("data-map-src").unwrap_or_else(|| "map.svg".to_string())),
            download: options.download.unwrap_or(true),
        }
    }
}

/// The visitor's preferred languages, most preferred first.
fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}
