//! The member directory as plain data: decoding, search folding, filtering, counting and the
//! query that lives in the URL. Nothing here touches the browser, so all of it is tested natively.

use std::cmp::Ordering;

mod decode;
mod examples;
pub mod export;
mod fold;
mod list_date;
mod member;
mod query;
mod region;
mod retry;

pub use decode::{LoadError, MAX_BODY_BYTES};
pub use fold::fold;
pub use list_date::ListDate;
pub use member::{Match, Member};
pub use query::Query;
pub use region::Region;
pub use retry::{retry_delay, MAX_ATTEMPTS};

/// The decoded member list, sorted by sort name, plus what had to be left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    members: Vec<Member>,
    skipped: usize,
    updated: Option<ListDate>,
}

impl Directory {
    /// Builds a directory from members already decoded, sorting them by sort name.
    pub fn new(mut members: Vec<Member>, skipped: usize) -> Self {
        sort_members(&mut members, &mut |a, b| {
            a.sort_key()
                .cmp(b.sort_key())
                .then_with(|| a.code.cmp(&b.code))
        });
        Self {
            members,
            skipped,
            updated: None,
        }
    }

    /// The same directory, marked as updated on `date`.
    pub fn updated_on(self, date: Option<ListDate>) -> Self {
        Self {
            updated: date,
            ..self
        }
    }

    /// When the editors last updated the list, if the file says.
    pub fn updated(&self) -> Option<ListDate> {
        self.updated
    }

    /// The directory in another language: each member named by `name_of` and its area by
    /// `area_of` (else as the editors wrote them), ordered by `compare` over those names (the
    /// browser's collator for that language).
    pub fn localised(
        &self,
        name_of: impl Fn(&Member) -> Option<String>,
        area_of: impl Fn(&str) -> Option<String>,
        mut compare: impl FnMut(&str, &str) -> Ordering,
    ) -> Directory {
        let mut members: Vec<Member> = self
            .members
            .iter()
            .map(|m| {
                let area = m.area.as_deref().and_then(&area_of);
                let name = name_of(m).unwrap_or_else(|| m.name.clone());
                m.renamed(&name, area.as_deref())
            })
            .collect();
        sort_members(&mut members, &mut |a, b| {
            compare(&a.name, &b.name).then_with(|| a.code.cmp(&b.code))
        });
        Directory {
            members,
            skipped: self.skipped,
            updated: self.updated,
        }
    }

    /// All members, in sort-name order.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// How many entries of the source could not be shown (invalid or duplicate).
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The regions present in the data with their member counts, in display order.
    pub fn regions(&self) -> Vec<(Region, usize)> {
        Region::ALL
            .iter()
            .map(|&region| {
                (
                    region,
                    self.members.iter().filter(|m| m.region == region).count(),
                )
            })
            .filter(|&(_, count)| count > 0)
            .collect()
    }

    /// True when at least one member lies in `region`.
    pub fn has_region(&self, region: Region) -> bool {
        self.members.iter().any(|m| m.region == region)
    }

    /// The region a query applies: one the list has no member in means every region, as a
    /// link or an embed may name a region an edited list no longer has.
    pub fn applicable(&self, region: Option<Region>) -> Option<Region> {
        region.filter(|r| self.has_region(*r))
    }

    /// For each member, in list order, whether the query lets it through.
    pub fn visibility(&self, query: &Query) -> Vec<bool> {
        self.sift(query).into_iter().map(Match::found).collect()
    }

    /// For each member, in list order, whether the query lets it through and by which name.
    pub fn sift(&self, query: &Query) -> Vec<Match<'_>> {
        let needle = fold(query.text.trim());
        self.members
            .iter()
            .map(|m| {
                if query.region_fits(m) {
                    m.search_folded(&needle)
                } else {
                    Match::Missed
                }
            })
            .collect()
    }

    /// The members the query lets through, in sort-name order.
    pub fn filter<'a>(&'a self, query: &'a Query) -> impl Iterator<Item = &'a Member> + 'a {
        let needle = fold(query.text.trim());
        self.members
            .iter()
            .filter(move |m| query.region_fits(m) && m.matches_folded(&needle))
    }
}

/// Sorts members stably by `compare`: the one sort routine for every order the directory needs,
/// as each distinct `sort_by` closure is kilobytes of code of its own in the wasm.
fn sort_members(members: &mut [Member], compare: &mut dyn FnMut(&Member, &Member) -> Ordering) {
    members.sort_by(|a, b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        Directory::parse(
            r#"{"version":1,"members":[
                {"name":"Germany","code":"DE","region":"Europe"},
                {"name":"Egypt","code":"EG","region":"Africa"},
                {"name":"Albania","code":"AL","region":"Europe"}
            ]}"#,
        )
        .unwrap()
    }

    fn names(directory: &Directory) -> Vec<&str> {
        directory
            .members()
            .iter()
            .map(|m| m.name.as_str())
            .collect()
    }

    #[test]
    fn visibility_follows_the_query_in_list_order() {
        let query = Query {
            region: Some(Region::Europe),
            text: "an".into(),
        };
        assert_eq!(directory().visibility(&query), [true, false, true]);
        assert_eq!(directory().visibility(&Query::default()), [true; 3]);
    }

    #[test]
    fn sift_says_when_another_name_or_the_code_matched() {
        let directory = Directory::parse(
            r#"{"version":1,"members":[
                {"name":"Tanzania","code":"TZ","region":"Africa","aliases":["United Republic of Tanzania"]},
                {"name":"The United Kingdom","code":"GB","region":"Europe","aliases":["UK"]}
            ]}"#,
        )
        .unwrap();
        let sift = |text: &str| {
            directory.sift(&Query {
                region: None,
                text: text.into(),
            })
        };
        assert_eq!(sift(""), [Match::ShownName; 2]);
        assert_eq!(sift("tanz"), [Match::ShownName, Match::Missed]);
        assert_eq!(
            sift("republic"),
            [Match::Other("United Republic of Tanzania"), Match::Missed]
        );
        assert_eq!(sift("uk"), [Match::Missed, Match::Other("UK")]);
        assert_eq!(sift("gb"), [Match::Missed, Match::Other("GB")]);
        let french = directory.localised(
            |m| (m.code == "GB").then(|| "Royaume-Uni".to_string()),
            |_| None,
            |a, b| a.cmp(b),
        );
        let query = Query {
            region: None,
            text: "kingdom".into(),
        };
        assert_eq!(
            french.sift(&query),
            [Match::Other("The United Kingdom"), Match::Missed]
        );
    }

    #[test]
    fn knows_which_regions_it_has() {
        assert!(directory().has_region(Region::Africa));
        assert!(!directory().has_region(Region::Oceania));
    }

    #[test]
    fn a_region_without_members_applies_as_every_region() {
        let directory = directory();
        assert_eq!(
            directory.applicable(Some(Region::Africa)),
            Some(Region::Africa)
        );
        assert_eq!(directory.applicable(Some(Region::Oceania)), None);
        assert_eq!(directory.applicable(None), None);
    }

    #[test]
    fn localised_directory_uses_local_names_in_local_order() {
        let french = directory().localised(
            |m| match m.code.as_str() {
                "DE" => Some("Allemagne".into()),
                "EG" => Some("Égypte".into()),
                _ => None,
            },
            |_| None,
            |a, b| fold(a).cmp(&fold(b)),
        );
        assert_eq!(names(&french), ["Albania", "Allemagne", "Égypte"]);
    }

    #[test]
    fn localised_members_are_still_found_by_their_english_names() {
        let french = directory().localised(
            |m| (m.code == "DE").then(|| "Allemagne".to_string()),
            |_| None,
            |a, b| a.cmp(b),
        );
        let found = |text: &str| {
            let query = Query {
                region: None,
                text: text.into(),
            };
            french
                .filter(&query)
                .map(|m| m.code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("allem"), ["DE"]);
        assert_eq!(found("germ"), ["DE"]);
    }
}
