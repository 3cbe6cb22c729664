use crate::messages::{self, Messages};

/// Everything one directory instance is configured with, read from its placeholder element.
#[derive(Clone)]
pub struct Settings {
    /// Where the member list is fetched from (`data-src`, default `members.json` beside the page).
    pub data_url: String,
    /// Whether the query is kept in the page's URL (`data-url-state="off"` turns it off).
    pub url_state: bool,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: String,
    /// The interface strings.
    pub messages: &'static Messages,
}

impl Settings {
    /// Reads the settings from the placeholder's `data-*` attributes.
    pub fn from_element(element: &web_sys::Element, index: u32) -> Settings {
        let attr = |name: &str| element.get_attribute(name).filter(|v| !v.trim().is_empty());
        Settings {
            data_url: attr("data-src").unwrap_or_else(|| "members.json".to_string()),
            url_state: attr("data-url-state").as_deref() != Some("off"),
            id_prefix: format!("md{index}"),
            messages: &messages::ENGLISH,
        }
    }
}
