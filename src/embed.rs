//! What a partner's embed may ask for, read from the embed page's URL or the placeholder's
//! `data-*` attributes: a preselected query, which controls to show, and (only where the
//! deployment allows it) another data source.

use crate::directory::Query;
use crate::i18n::Language;

/// Which filter controls a directory shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Controls {
    /// Region filter and search.
    #[default]
    All,
    /// Search only (the region is fixed by the partner).
    Search,
    /// No controls: a fixed list.
    None,
}

impl Controls {
    /// Reads `controls=all|search|none`; anything else means all.
    pub fn from_param(value: &str) -> Controls {
        match value.trim().to_ascii_lowercase().as_str() {
            "search" => Controls::Search,
            "none" => Controls::None,
            _ => Controls::All,
        }
    }

    pub fn shows_regions(self) -> bool {
        self == Controls::All
    }

    pub fn shows_search(self) -> bool {
        self != Controls::None
    }
}

/// The options of one embedded directory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    pub query: Query,
    pub controls: Controls,
    /// Another data source, present only when the allow-list lets it through.
    pub data_url: Option<String>,
    /// The interface language asked for (`lang=fr`), if it is one on offer.
    pub language: Option<Language>,
    /// Whether to show the world map (`map=1` / `map=0`), if asked.
    pub map: Option<bool>,
}

impl EmbedOptions {
    /// Reads `region`, `q`, `controls`, `lang`, `map` and `data` from decoded pairs. `data` is kept only when
    /// it is on `allowed_sources`, so nobody can make the alliance's own domain show a forged list.
    pub fn from_params<K, V>(
        params: impl IntoIterator<Item = (K, V)>,
        allowed_sources: &[&str],
    ) -> Self
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let pairs: Vec<(String, String)> = params
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_string(), v.as_ref().to_string()))
            .collect();
        let value = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        EmbedOptions {
            query: Query::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
            controls: value("controls")
                .map(Controls::from_param)
                .unwrap_or_default(),
            data_url: value("data")
                .filter(|url| is_allowed_source(url, allowed_sources))
                .map(str::to_string),
            language: value("lang").and_then(Language::from_tag),
            map: value("map").and_then(switch),
        }
    }
}

/// Reads an on/off parameter: `1`, `true`, `on`, `yes` or empty (a bare `data-map`) mean on.
fn switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "on" | "yes" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

/// True when `url` is an absolute http(s) URL that equals an allow-list entry, or starts with an
/// entry that ends in `/` (a whole folder). Entries come from the deployment's configuration.
pub fn is_allowed_source(url: &str, allowed_sources: &[&str]) -> bool {
    let url = url.trim();
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    let sneaky = url.contains("..") || url.contains('\\') || url.contains('@');
    absolute
        && !sneaky
        && allowed_sources.iter().any(|entry| {
            let entry = entry.trim();
            !entry.is_empty() && (url == entry || (entry.ends_with('/') && url.starts_with(entry)))
        })
}

/// The custom properties a partner may set to theme an embed (EMBEDDING.md, "Theming"). The
/// build writes them into `embed.js`, which reads them off the placeholder, and into
/// `embed.html`, whose `boot.js` takes them from the iframe's URL.
pub const THEME_PROPERTIES: [&str; 6] = [
    "md-color-accent",
    "md-color-text",
    "md-color-bg",
    "md-color-surface",
    "md-font-family",
    "md-radius",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Region;

    const ALLOWED: &[&str] = &[
        "https://data.example.org/members/",
        "https://partner.example/list.json",
    ];

    #[test]
    fn reads_the_preselected_query_and_controls() {
        let options = EmbedOptions::from_params(
            [("region", "africa"), ("q", "ken"), ("controls", "search")],
            ALLOWED,
        );
        assert_eq!(options.query.region, Some(Region::Africa));
        assert_eq!(options.query.text, "ken");
        assert_eq!(options.controls, Controls::Search);
        assert_eq!(options.data_url, None);
    }

    #[test]
    fn reads_the_language_and_the_map_switch() {
        let options = EmbedOptions::from_params([("lang", "fr-CA"), ("map", "1")], ALLOWED);
        assert_eq!(options.language, Some(Language::French));
        assert_eq!(options.map, Some(true));
        let options = EmbedOptions::from_params([("lang", "klingon"), ("map", "off")], ALLOWED);
        assert_eq!(options.language, None);
        assert_eq!(options.map, Some(false));
        let options = EmbedOptions::from_params([("map", "")], ALLOWED);
        assert_eq!(
            options.map,
            Some(true),
            "a bare data-map attribute turns it on"
        );
        assert_eq!(
            EmbedOptions::from_params([("map", "maybe")], ALLOWED).map,
            None
        );
    }

    #[test]
    fn unknown_controls_value_shows_everything() {
        assert_eq!(Controls::from_param("sideways"), Controls::All);
        assert_eq!(Controls::from_param("NONE"), Controls::None);
    }

    #[test]
    fn honours_data_only_from_the_allow_list() {
        let allowed = |url: &str| EmbedOptions::from_params([("data", url)], ALLOWED).data_url;
        assert_eq!(
            allowed("https://data.example.org/members/2026.json").as_deref(),
            Some("https://data.example.org/members/2026.json")
        );
        assert_eq!(
            allowed("https://partner.example/list.json").as_deref(),
            Some("https://partner.example/list.json")
        );
        assert_eq!(allowed("https://evil.example/forged.json"), None);
        assert_eq!(allowed("https://partner.example/list.json.evil"), None);
        assert_eq!(
            allowed("https://data.example.org/members/../admin.json"),
            None
        );
        assert_eq!(
            allowed("https://data.example.org/members@evil.example/x.json"),
            None
        );
        assert_eq!(allowed("javascript:alert(1)"), None);
        assert_eq!(allowed("members.json"), None);
    }

    #[test]
    fn an_empty_allow_list_allows_nothing() {
        assert!(!is_allowed_source(
            "https://data.example.org/members/x.json",
            &[]
        ));
        assert!(!is_allowed_source("https://x.example/", &[""]));
    }
}
