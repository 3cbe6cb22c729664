//! What the directory can tell a visitor about searching it: examples that are sure to find
//! someone, and where a search that found nobody in one region does find members.

use super::fold::fold;
use super::{Directory, Member, Query, Region};

/// Shortest alias worth showing as an example: "UK" says less than "Holland".
const MIN_EXAMPLE_CHARS: usize = 4;

impl Directory {
    /// Up to two search examples from `region` (or every region), each finding at least one
    /// member there, chosen to show what search forgives: a name typed without its accents
    /// ("equateur"), else a plain one-word name; then another name the member goes by
    /// ("turkiye", "Holland"), typed without accents when it has them, or in lists named in
    /// another script, a second one-word name.
    pub fn search_examples(&self, region: Option<Region>) -> Vec<String> {
        let scope: Vec<&Member> = self
            .members()
            .iter()
            .filter(|m| region.is_none_or(|r| m.region == r))
            .collect();
        let first = scope
            .iter()
            .find_map(|m| unaccented_word(&m.name))
            .or_else(|| {
                scope
                    .iter()
                    .find(|m| !m.name.contains(' ') && m.name.chars().count() >= MIN_EXAMPLE_CHARS)
                    .map(|m| m.name.clone())
            });
        let alias = |accented: bool| {
            scope
                .iter()
                .flat_map(|m| &m.aliases)
                .filter(|a| a.chars().count() >= MIN_EXAMPLE_CHARS && a.is_ascii() != accented)
                .min_by_key(|a| a.chars().count())
                .map(|a| if accented { fold(a) } else { a.clone() })
        };
        // The editors' aliases are in English: no example for readers of another script.
        let latin = scope.iter().any(|m| m.name.is_ascii());
        let second = if latin {
            alias(true).or_else(|| alias(false))
        } else {
            scope
                .iter()
                .filter(|m| !m.name.contains(' '))
                .map(|m| m.name.clone())
                .find(|name| first.as_ref() != Some(name))
        };
        let mut examples: Vec<String> = first.into_iter().chain(second).collect();
        examples.dedup_by(|a, b| fold(a) == fold(b));
        examples
    }

    /// For a search that finds nobody in the query's region: the members it finds elsewhere.
    pub fn matches_elsewhere(&self, query: &Query) -> Vec<&Member> {
        if query.region.is_none() || query.text.trim().is_empty() {
            return Vec::new();
        }
        let needle = fold(query.text.trim());
        self.members()
            .iter()
            .filter(|m| !query.region_fits(m) && m.matches_folded(&needle))
            .collect()
    }
}

/// The first word of `name` that carries an accent, folded, if it is long enough to be typed.
fn unaccented_word(name: &str) -> Option<String> {
    name.split(' ')
        .filter(|w| !w.is_ascii() && w.chars().count() >= MIN_EXAMPLE_CHARS)
        .map(fold)
        .find(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory(members: &str) -> Directory {
        Directory::parse(&format!(r#"{{"version":1,"members":[{members}]}}"#)).unwrap()
    }

    fn sample() -> Directory {
        directory(
            r#"{"name":"Kenya","code":"KE","region":"Africa","aliases":["Republic of Kenya"]},
               {"name":"The Netherlands","code":"NL","region":"Europe","aliases":["Holland"]},
               {"name":"The United Kingdom","code":"GB","region":"Europe","aliases":["UK"]},
               {"name":"Turkey","code":"TR","region":"Asia","aliases":["Türkiye"]},
               {"name":"Australia","code":"AU","region":"Oceania"}"#,
        )
    }

    fn finds(directory: &Directory, region: Option<Region>, text: &str) -> bool {
        directory
            .filter(&Query {
                region,
                text: text.to_string(),
            })
            .next()
            .is_some()
    }

    #[test]
    fn examples_show_an_unaccented_alias_or_a_plain_one() {
        let list = sample();
        assert_eq!(list.search_examples(None), ["Australia", "turkiye"]);
        assert_eq!(list.search_examples(Some(Region::Europe)), ["Holland"]);
        assert_eq!(
            list.search_examples(Some(Region::Africa)),
            ["Kenya", "Republic of Kenya"]
        );
        assert_eq!(list.search_examples(Some(Region::Oceania)), ["Australia"]);
    }

    #[test]
    fn an_accented_name_is_shown_typed_without_its_accents() {
        let list = directory(
            r#"{"name":"République tchèque","code":"CZ","region":"Europe"},
               {"name":"Égypte","code":"EG","region":"Africa"}"#,
        );
        assert_eq!(list.search_examples(Some(Region::Europe)), ["republique"]);
        assert_eq!(list.search_examples(None), ["egypte"]);
    }

    #[test]
    fn names_in_another_script_get_two_names_and_no_english_alias() {
        let list = directory(
            r#"{"name":"Кения","code":"KE","region":"Africa","aliases":["Republic of Kenya"]},
               {"name":"Турция","code":"TR","region":"Asia","aliases":["Türkiye"]}"#,
        );
        assert_eq!(list.search_examples(None), ["Кения", "Турция"]);
    }

    #[test]
    fn every_example_of_the_real_list_finds_a_member_in_its_region() {
        let list = Directory::parse(include_str!("../../public/members.json")).unwrap();
        for region in std::iter::once(None).chain(Region::ALL.iter().copied().map(Some)) {
            let examples = list.search_examples(region);
            if region.is_none_or(|r| list.has_region(r)) {
                assert!(!examples.is_empty(), "{region:?}");
            }
            for example in examples {
                assert!(finds(&list, region, &example), "{example} in {region:?}");
            }
        }
    }

    #[test]
    fn says_where_a_search_finds_members_outside_the_region() {
        let list = sample();
        let query = |region, text: &str| Query {
            region,
            text: text.to_string(),
        };
        let codes = |found: Vec<&Member>| found.iter().map(|m| m.code.clone()).collect::<Vec<_>>();
        assert_eq!(
            codes(list.matches_elsewhere(&query(Some(Region::Europe), "kenya"))),
            ["KE"]
        );
        assert!(list.matches_elsewhere(&query(None, "kenya")).is_empty());
        assert!(list
            .matches_elsewhere(&query(Some(Region::Europe), ""))
            .is_empty());
        assert!(list
            .matches_elsewhere(&query(Some(Region::Africa), "nowhere"))
            .is_empty());
    }
}
