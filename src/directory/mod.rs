//! The member directory as plain data: decoding, search folding, filtering, counting and the
//! query that lives in the URL. Nothing here touches the browser, so all of it is tested natively.

mod decode;
mod fold;
mod member;
mod query;
mod region;
mod retry;

pub use decode::{LoadError, MAX_BODY_BYTES};
pub use fold::fold;
pub use member::Member;
pub use query::Query;
pub use region::Region;
pub use retry::{retry_delay, MAX_ATTEMPTS};

/// The decoded member list, sorted by sort name, plus what had to be left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    members: Vec<Member>,
    skipped: usize,
}

impl Directory {
    /// Builds a directory from members already decoded, sorting them by sort name.
    pub fn new(mut members: Vec<Member>, skipped: usize) -> Self {
        members.sort_by(|a, b| {
            a.sort_key()
                .cmp(b.sort_key())
                .then_with(|| a.code.cmp(&b.code))
        });
        Self { members, skipped }
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

    /// The members the query lets through, in sort-name order.
    pub fn filter<'a>(&'a self, query: &'a Query) -> impl Iterator<Item = &'a Member> + 'a {
        let needle = fold(query.text.trim());
        self.members
            .iter()
            .filter(move |m| query.region_fits(m) && m.matches_folded(&needle))
    }
}
