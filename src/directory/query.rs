use super::member::Member;
use super::region::Region;

/// Longest search text kept from a URL or the search box.
const MAX_TEXT_CHARS: usize = 100;

/// What the visitor is looking for: one region (or all) and a piece of a name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub region: Option<Region>,
    pub text: String,
}

impl Query {
    /// True when the member lies in the chosen region (always, when no region is chosen).
    pub fn region_fits(&self, member: &Member) -> bool {
        self.region.is_none_or(|region| member.region == region)
    }

    /// True when nothing narrows the list.
    pub fn is_everything(&self) -> bool {
        self.region.is_none() && self.text.trim().is_empty()
    }

    /// Reads `region` and `q` from decoded query-string pairs, ignoring anything it does not know.
    pub fn from_params<K, V>(params: impl IntoIterator<Item = (K, V)>) -> Query
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut query = Query::default();
        for (key, value) in params {
            match key.as_ref() {
                "region" => query.region = Region::from_slug(value.as_ref()),
                "q" => query.text = value.as_ref().chars().take(MAX_TEXT_CHARS).collect(),
                _ => {}
            }
        }
        query
    }

    /// The query-string pairs for this query; empty parts are left out so plain links stay plain.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(region) = self.region {
            params.push(("region", region.slug().to_string()));
        }
        let text = self.text.trim();
        if !text.is_empty() {
            params.push(("q", text.chars().take(MAX_TEXT_CHARS).collect()));
        }
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Directory;
    use proptest::prelude::*;

    fn sample() -> Directory {
        let body = r#"{"version":1,"members":[
            {"name":"Côte d'Ivoire","code":"CI","region":"Africa"},
            {"name":"Kenya","code":"KE","region":"Africa"},
            {"name":"The United Kingdom","sortName":"United Kingdom","code":"GB","region":"Europe","aliases":["UK"]},
            {"name":"Ukraine","code":"UA","region":"Europe"},
            {"name":"Uganda","code":"UG","region":"Africa"},
            {"name":"The United States of America","sortName":"United States of America","code":"US","region":"Americas"}
        ]}"#;
        Directory::parse(body).unwrap()
    }

    fn codes(dir: &Directory, query: &Query) -> Vec<String> {
        dir.filter(query).map(|m| m.code.clone()).collect()
    }

    /// Codes found by a search across every region.
    fn search_all(dir: &Directory, text: &str) -> Vec<String> {
        let query = Query {
            region: None,
            text: text.into(),
        };
        codes(dir, &query)
    }

    #[test]
    fn empty_query_shows_everyone_in_sort_name_order() {
        let dir = sample();
        assert_eq!(
            codes(&dir, &Query::default()),
            ["CI", "KE", "UG", "UA", "GB", "US"]
        );
    }

    #[test]
    fn filters_by_region() {
        let dir = sample();
        let query = Query {
            region: Some(Region::Africa),
            text: String::new(),
        };
        assert_eq!(codes(&dir, &query), ["CI", "KE", "UG"]);
    }

    #[test]
    fn search_is_case_and_accent_insensitive_and_matches_anywhere() {
        let dir = sample();
        let search = |text: &str| search_all(&dir, text);
        assert_eq!(search("cote"), ["CI"]);
        assert_eq!(search("CÔTE D’IVOIRE"), ["CI"]);
        assert_eq!(search("nited"), ["GB", "US"]);
        assert_eq!(search("  kenya "), ["KE"]);
        assert_eq!(search("zzz"), Vec::<String>::new());
    }

    #[test]
    fn search_finds_aliases_and_exact_codes() {
        let dir = sample();
        let search = |text: &str| search_all(&dir, text);
        assert_eq!(search("uk"), ["UA", "GB"]);
        assert_eq!(search("us"), ["US"]);
    }

    #[test]
    fn filters_by_region_and_text_together() {
        let dir = sample();
        let query = Query {
            region: Some(Region::Africa),
            text: "u".into(),
        };
        assert_eq!(codes(&dir, &query), ["UG"]);
        let query = Query {
            region: Some(Region::Europe),
            text: "uni".into(),
        };
        assert_eq!(codes(&dir, &query), ["GB"]);
    }

    #[test]
    fn counts_members_per_region_present() {
        assert_eq!(
            sample().regions(),
            vec![
                (Region::Africa, 3),
                (Region::Americas, 1),
                (Region::Europe, 2)
            ]
        );
    }

    #[test]
    fn reads_region_and_text_from_url_params() {
        let query = Query::from_params([("region", "africa"), ("q", "uni"), ("utm_source", "x")]);
        assert_eq!(
            query,
            Query {
                region: Some(Region::Africa),
                text: "uni".into()
            }
        );
    }

    #[test]
    fn ignores_unknown_regions_in_the_url() {
        assert_eq!(Query::from_params([("region", "mars")]).region, None);
    }

    #[test]
    fn leaves_empty_parts_out_of_the_url() {
        assert!(Query::default().to_params().is_empty());
        let query = Query {
            region: None,
            text: "  ".into(),
        };
        assert!(query.to_params().is_empty());
    }

    proptest! {
        #[test]
        fn url_params_round_trip(
            region in proptest::option::of(proptest::sample::select(Region::ALL.to_vec())),
            text in "[^\\s]\\PC{0,30}[^\\s]|",
        ) {
            let query = Query { region, text };
            let params = query.to_params();
            prop_assert_eq!(Query::from_params(params), query);
        }

        #[test]
        fn filtering_agrees_with_visibility_and_narrows_as_text_grows(
            text in "\\PC{0,20}",
            extra in "\\PC{1,3}",
            region in 0usize..7,
        ) {
            let dir = sample();
            let query = Query { region: Region::ALL.get(region).copied(), text };
            let shown = codes(&dir, &query);
            // The list the visitor reads and the hidden flags the page toggles must agree.
            let visible: Vec<String> = dir
                .members()
                .iter()
                .zip(dir.visibility(&query))
                .filter(|(_, visible)| *visible)
                .map(|(m, _)| m.code.clone())
                .collect();
            prop_assert_eq!(&shown, &visible);
            // Every member shown lies in the chosen region.
            for member in dir.filter(&query) {
                prop_assert!(query.region.is_none_or(|r| member.region == r));
            }
            // Typing more never brings back a member the shorter text had hidden.
            let longer = Query { text: format!("{}{extra}", query.text), ..query.clone() };
            for code in codes(&dir, &longer) {
                prop_assert!(
                    shown.contains(&code) || code.eq_ignore_ascii_case(longer.text.trim()),
                    "{} appeared when {:?} became {:?}", code, query.text, longer.text
                );
            }
            // Without text, a region shows exactly its members.
            let region_only = Query { text: String::new(), ..query.clone() };
            let expected = dir.members().iter().filter(|m| query.region_fits(m)).count();
            prop_assert_eq!(dir.filter(&region_only).count(), expected);
        }
    }
}
