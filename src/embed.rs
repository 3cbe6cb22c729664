//! What a partner's embed may ask for, read from the embed page's URL or the placeholder's
//! `data-*` attributes: a preselected query, which controls to show, and (only where the
//! deployment allows it) another data source.

use crate::directory::Query;
use crate::i18n::Language;
use crate::json::push_string;

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
}

/// How a directory uses the page URL, from its placeholder's `data-url-state`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UrlState {
    /// Read the query from the URL and keep it there (the alliance's own page).
    #[default]
    ReadWrite,
    /// Read the starting view from the URL only (the embed page inside an iframe).
    Read,
    /// Never touch the URL (inline embeds inside a partner's page).
    Off,
}

impl UrlState {
    /// Reads `data-url-state="read|off"`; absent or anything else means read and write.
    pub fn from_attribute(value: Option<&str>) -> UrlState {
        match value.map(str::trim) {
            Some("off") => UrlState::Off,
            Some("read") => UrlState::Read,
            _ => UrlState::ReadWrite,
        }
    }

    /// True when the starting view may come from the page URL.
    pub fn reads(self) -> bool {
        self != UrlState::Off
    }
}

/// The placeholder attributes a directory reads, with the parameter each one sets.
const ATTRIBUTE_PARAMS: [(&str, &str); 6] = [
    ("region", "data-region"),
    ("q", "data-q"),
    ("controls", "data-controls"),
    ("lang", "data-lang"),
    ("map", "data-map"),
    ("download", "data-download"),
];

/// The page URL's parameters a directory reads.
pub const URL_PARAMS: [&str; 7] = ["region", "q", "controls", "data", "lang", "map", "download"];

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
    /// Whether visitors may download the list (`download=off` turns it off), if said.
    pub download: Option<bool>,
}

impl EmbedOptions {
    /// Reads `region`, `q`, `controls`, `lang`, `map`, `download` and `data` from decoded pairs. `data` is kept only when
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
            download: value("download").and_then(switch),
        }
    }
}

impl EmbedOptions {
    /// The options of one placeholder: its `data-*` attributes (`attribute` gives one's value,
    /// `None` when absent), overridden parameter by parameter by the page URL's `url_params`
    /// where the placeholder reads the URL. Blank attributes count as absent, except a bare
    /// `data-map`, which turns the map on. Only the URL can name another data source.
    pub fn from_placeholder(
        attribute: impl Fn(&str) -> Option<String>,
        url_params: &[(&str, String)],
        url_state: UrlState,
        allowed_sources: &[&str],
    ) -> Self {
        let from_url = |key: &str| {
            url_state
                .reads()
                .then(|| url_params.iter().find(|(k, _)| *k == key))
                .flatten()
                .map(|(_, v)| v.clone())
        };
        let from_attribute = |key: &str, name: &str| {
            attribute(name).filter(|v| key == "map" || !v.trim().is_empty())
        };
        let mut params: Vec<(&str, String)> = ATTRIBUTE_PARAMS
            .into_iter()
            .filter_map(|(key, name)| {
                from_url(key)
                    .or_else(|| from_attribute(key, name))
                    .map(|v| (key, v))
            })
            .collect();
        params.extend(from_url("data").map(|v| ("data", v)));
        EmbedOptions::from_params(params, allowed_sources)
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

/// What a directory tells its host page about its view, with `memberdirectory:ready` and
/// `memberdirectory:change`: the JSON of the event's detail,
/// `{"region":"africa","q":"uni","lang":"en","shown":3,"total":103}` (`region` null for all).
pub fn view_detail(query: &Query, language: Language, shown: usize, total: usize) -> String {
    let mut out = String::from("{\"region\":");
    match query.region {
        Some(region) => push_string(&mut out, region.slug()),
        None => out.push_str("null"),
    }
    out.push_str(",\"q\":");
    push_string(&mut out, query.text.trim());
    out.push_str(",\"lang\":");
    push_string(&mut out, language.tag());
    for (key, count) in [("shown", shown), ("total", total)] {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        out.push_str(&count.to_string());
    }
    out.push('}');
    out
}

/// The detail of `memberdirectory:select`, when a visitor chooses a member on the map or in
/// the list: `{"code":"KE","name":"Kenya"}` (the name as shown, in the interface language).
pub fn select_detail(code: &str, name: &str) -> String {
    let mut out = String::from("{\"code\":");
    push_string(&mut out, code);
    out.push_str(",\"name\":");
    push_string(&mut out, name);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Region;
    fn placeholder<'a>(
        attributes: &'a [(&'a str, &'a str)],
    ) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn url<'a>(pairs: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn the_url_overrides_the_placeholder_parameter_by_parameter() {
        let attributes = [
            ("data-region", "europe"),
            ("data-q", "ger"),
            ("data-lang", "fr"),
        ];
        let options = EmbedOptions::from_placeholder(
            placeholder(&attributes),
            &url(&[("region", "africa"), ("utm_source", "x")]),
            UrlState::ReadWrite,
            ALLOWED,
        );
        assert_eq!(options.query.region, Some(Region::Africa));
        assert_eq!(options.query.text, "ger");
        assert_eq!(options.language, Some(Language::French));
    }

    #[test]
    fn a_placeholder_that_does_not_read_the_url_ignores_it() {
        let options = EmbedOptions::from_placeholder(
            placeholder(&[("data-region", "europe")]),
            &url(&[("region", "africa"), ("q", "ken"), ("data", ALLOWED[1])]),
            UrlState::Off,
            ALLOWED,
        );
        assert_eq!(options.query.region, Some(Region::Europe));
        assert_eq!(options.query.text, "");
        assert_eq!(options.data_url, None);
    }

    #[test]
    fn blank_attributes_are_absent_but_a_bare_map_attribute_turns_the_map_on() {
        let options = EmbedOptions::from_placeholder(
            placeholder(&[
                ("data-region", " "),
                ("data-controls", ""),
                ("data-map", ""),
            ]),
            &[],
            UrlState::Read,
            ALLOWED,
        );
        assert_eq!(options.query.region, None);
        assert_eq!(options.controls, Controls::All);
        assert_eq!(options.map, Some(true));
        let options =
            EmbedOptions::from_placeholder(placeholder(&[]), &[], UrlState::Read, ALLOWED);
        assert_eq!(options.map, None);
    }

    #[test]
    fn only_the_url_names_another_data_source_and_only_an_allowed_one() {
        let attributes = [("data-data", ALLOWED[1])];
        let options =
            EmbedOptions::from_placeholder(placeholder(&attributes), &[], UrlState::Read, ALLOWED);
        assert_eq!(options.data_url, None);
        let options = EmbedOptions::from_placeholder(
            placeholder(&[]),
            &url(&[("data", ALLOWED[1])]),
            UrlState::Read,
            ALLOWED,
        );
        assert_eq!(options.data_url.as_deref(), Some(ALLOWED[1]));
        let options = EmbedOptions::from_placeholder(
            placeholder(&[]),
            &url(&[("data", "https://evil.example/list.json")]),
            UrlState::Read,
            ALLOWED,
        );
        assert_eq!(options.data_url, None);
    }

    #[test]
    fn url_state_reads_its_attribute() {
        assert_eq!(UrlState::from_attribute(Some("off")), UrlState::Off);
        assert_eq!(UrlState::from_attribute(Some("read")), UrlState::Read);
        assert_eq!(
            UrlState::from_attribute(Some("nonsense")),
            UrlState::ReadWrite
        );
        assert_eq!(UrlState::from_attribute(None), UrlState::ReadWrite);
        assert!(!UrlState::Off.reads());
    }

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

    #[test]
    fn tells_the_host_the_view_and_the_choice_as_json() {
        use crate::directory::Region;
        let query = Query {
            region: Some(Region::Africa),
            text: " “uni” \\ ".into(),
        };
        let detail: serde_json::Value =
            serde_json::from_str(&view_detail(&query, Language::French, 3, 103)).unwrap();
        assert_eq!(
            detail,
            serde_json::json!({"region": "africa", "q": "“uni” \\", "lang": "fr", "shown": 3, "total": 103})
        );
        let everything = view_detail(&Query::default(), Language::English, 103, 103);
        assert_eq!(
            everything,
            r#"{"region":null,"q":"","lang":"en","shown":103,"total":103}"#
        );
        let detail: serde_json::Value =
            serde_json::from_str(&select_detail("CI", "Côte d'Ivoire \"\n")).unwrap();
        assert_eq!(
            detail,
            serde_json::json!({"code": "CI", "name": "Côte d'Ivoire \"\n"})
        );
    }
}
