use crate::directory::Query;
use crate::embed::{Controls, EmbedOptions};
use crate::i18n::Language;

use super::url_state;

/// How a directory instance uses the page URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlState {
    /// Read the query from the URL and keep it there (the alliance's own page).
    ReadWrite,
    /// Read the starting view from the URL only (the embed page inside an iframe).
    Read,
    /// Never touch the URL (inline embeds inside a partner's page).
    Off,
}

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
}

impl Settings {
    /// Reads the settings from the placeholder's `data-*` attributes and, where the placeholder
    /// allows it (`data-url-state`), from the page URL, which wins over the attributes.
    pub fn from_element(element: &web_sys::Element, index: u32) -> Settings {
        let attr = |name: &str| element.get_attribute(name).filter(|v| !v.trim().is_empty());
        let url_state = match attr("data-url-state").as_deref() {
            Some("off") => UrlState::Off,
            Some("read") => UrlState::Read,
            _ => UrlState::ReadWrite,
        };
        let allowed = attr("data-allowed-sources").unwrap_or_default();
        let allowed: Vec<&str> = allowed.split_whitespace().collect();

        let mut params: Vec<(&str, String)> = [
            ("region", "data-region"),
            ("q", "data-q"),
            ("controls", "data-controls"),
            ("lang", "data-lang"),
        ]
        .into_iter()
        .filter_map(|(key, name)| attr(name).map(|value| (key, value)))
        .collect();
        if let Some(map) = element.get_attribute("data-map") {
            params.push(("map", map));
        }
        if url_state != UrlState::Off {
            params.extend(url_state::params(&[
                "region", "q", "controls", "data", "lang", "map",
            ]));
        }
        // Later pairs (the URL) override earlier ones (the attributes).
        params.reverse();
        let mut seen = Vec::new();
        params.retain(|(key, _)| {
            !seen.contains(key) && {
                seen.push(*key);
                true
            }
        });
        let options = EmbedOptions::from_params(params, &allowed);

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
