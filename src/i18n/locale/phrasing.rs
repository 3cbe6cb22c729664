//! The sentences the directory composes from the catalogue: the status line, empty results, the
//! map's summary and why a list could not be loaded.

use super::Locale;
use crate::directory::{ListDate, LoadError, Member, Query, Region};
use crate::i18n::Language;

impl Locale {
    /// The live status line: how many members are shown out of how many.
    pub fn shown(&self, shown: usize, total: usize) -> String {
        let (shown, total_text) = (shown.to_string(), total.to_string());
        self.plural("shown", total, &[("shown", &shown), ("total", &total_text)])
    }

    /// The empty-result message.
    pub fn no_match(&self, text: &str, region: Option<Region>) -> String {
        let text = text.trim();
        let region = region.map(|r| self.region(r));
        match (text.is_empty(), region) {
            (true, Some(region)) => self.format("no-members-in-region", &[("region", &region)]),
            (true, None) => self.text("no-members").to_string(),
            (false, Some(region)) => {
                self.format("no-match-in-region", &[("region", &region), ("text", text)])
            }
            (false, None) => self.format("no-match", &[("text", text)]),
        }
    }

    /// The search hint, with up to two examples that find someone.
    pub fn search_hint(&self, examples: &[String]) -> String {
        match examples {
            [] => self.text("search-hint-none").to_string(),
            [first] => self.format("search-hint-one", &[("first", first)]),
            [first, second, ..] => {
                self.format("search-hint", &[("first", first), ("second", second)])
            }
        }
    }

    /// Where a search that found nobody in the chosen region finds members instead.
    pub fn elsewhere(&self, found: &[&Member]) -> String {
        if let [member] = found {
            let region = self.region(member.region);
            return self.format(
                "listed-under",
                &[("name", &member.name), ("region", &region)],
            );
        }
        let mut regions = String::new();
        for region in Region::ALL
            .iter()
            .filter(|r| found.iter().any(|m| m.region == **r))
        {
            if !regions.is_empty() {
                regions.push_str(self.list_separator());
            }
            regions.push_str(&self.region(*region));
        }
        let count = found.len().to_string();
        self.plural(
            "matches-elsewhere",
            found.len(),
            &[("count", &count), ("regions", &regions)],
        )
    }

    /// Why the list on screen may be old: what went wrong, then that the page's own list is
    /// shown and still works.
    pub fn stale_list(&self, error: &LoadError) -> String {
        let gap = if self.language == Language::Chinese {
            ""
        } else {
            " "
        };
        format!(
            "{}{gap}{}",
            self.load_error(error),
            self.text("stale-message")
        )
    }

    /// "List updated 28 November 2026.", the date as readers of this language write it.
    pub fn list_updated(&self, date: ListDate) -> String {
        let month = self
            .text("months")
            .split(' ')
            .nth(usize::from(date.month) - 1)
            .unwrap_or_default();
        let date = self.format(
            "date-format",
            &[
                ("day", &date.day.to_string()),
                ("month", month),
                ("year", &date.year.to_string()),
            ],
        );
        self.format("list-updated", &[("date", &date)])
    }

    /// What a printed list shows, in words: "Members in Africa matching “uni”: 3".
    pub fn print_summary(&self, query: &Query, shown: usize) -> String {
        let count = shown.to_string();
        let text = query.text.trim();
        match (query.region.map(|r| self.region(r)), text.is_empty()) {
            (None, true) => self.format("print-all", &[("count", &count)]),
            (Some(region), true) => {
                self.format("print-region", &[("region", &region), ("count", &count)])
            }
            (None, false) => self.format("print-search", &[("text", text), ("count", &count)]),
            (Some(region), false) => self.format(
                "print-region-search",
                &[("region", &region), ("text", text), ("count", &count)],
            ),
        }
    }

    /// Between the items of a list written out in a sentence.
    fn list_separator(&self) -> &'static str {
        match self.language {
            Language::Chinese => "，",
            Language::Arabic => "، ",
            _ => ", ",
        }
    }

    /// The note shown when some entries of the data could not be displayed.
    pub fn skipped(&self, count: usize) -> String {
        self.plural("skipped", count, &[("count", &count.to_string())])
    }

    /// The map's text alternative: "Map: 103 member governments. Africa: 21, …".
    pub fn map_summary(&self, total: usize, regions: &[(Region, usize)]) -> String {
        let mut summary = self.plural("map-summary", total, &[("count", &total.to_string())]);
        let parts: Vec<String> = regions
            .iter()
            .map(|&(region, count)| {
                self.format(
                    "map-summary-region",
                    &[
                        ("region", &self.region(region)),
                        ("count", &count.to_string()),
                    ],
                )
            })
            .collect();
        if !parts.is_empty() {
            summary.push_str(if self.language == Language::Chinese {
                "。"
            } else {
                ". "
            });
            summary.push_str(&parts.join(self.list_separator()));
            summary.push_str(if self.language == Language::Chinese {
                "。"
            } else {
                "."
            });
        }
        summary
    }

    /// What went wrong, in words a visitor understands.
    pub fn load_error(&self, error: &LoadError) -> String {
        let key = match error {
            LoadError::Network => "error-network",
            LoadError::TimedOut => "error-timed-out",
            LoadError::Http(404) => "error-not-found",
            LoadError::Http(429) => "error-too-many-requests",
            LoadError::Http(status) if *status >= 500 => "error-server",
            LoadError::Http(_) => "error-refused",
            LoadError::TooLarge => "error-too-large",
            LoadError::Empty => "error-empty",
            LoadError::NotJson => "error-not-json",
            LoadError::NotMemberList => "error-not-member-list",
        };
        let status = match error {
            LoadError::Http(status) => status.to_string(),
            _ => String::new(),
        };
        self.format(key, &[("status", &status)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static Locale {
        Locale::english()
    }

    #[test]
    fn status_line_counts_shown_members() {
        assert_eq!(english().shown(21, 103), "21 of 103 members");
        assert_eq!(english().shown(103, 103), "103 of 103 members");
        assert_eq!(english().shown(1, 1), "1 of 1 member");
        assert_eq!(english().shown(0, 103), "0 of 103 members");
    }

    #[test]
    fn every_load_error_has_a_sentence() {
        for error in [
            LoadError::Network,
            LoadError::TimedOut,
            LoadError::Http(404),
            LoadError::Http(418),
            LoadError::Http(503),
            LoadError::TooLarge,
            LoadError::Empty,
            LoadError::NotJson,
            LoadError::NotMemberList,
        ] {
            let text = english().load_error(&error);
            assert!(text.ends_with('.'), "{error:?}: {text}");
            assert!(!text.contains('{'), "{error:?}: {text}");
        }
        assert!(english().load_error(&LoadError::Http(503)).contains("503"));
    }

    #[test]
    fn names_each_region() {
        assert_eq!(english().region(Region::Oceania), "Oceania");
        assert_eq!(english().region(Region::Other), "Other");
    }

    #[test]
    fn empty_results_say_what_was_looked_for() {
        assert_eq!(
            english().no_match(" uni ", Some(Region::Asia)),
            "No members in Asia match “uni”."
        );
        assert_eq!(
            english().no_match("", None),
            "There are no members to show."
        );
    }

    #[test]
    fn says_where_else_a_search_finds_members() {
        let member = |name: &str, region| {
            Member::new(name.to_string(), None, "XX".to_string(), region, None, &[])
        };
        let kenya = member("Kenya", Region::Africa);
        let oman = member("Oman", Region::Asia);
        assert_eq!(
            english().elsewhere(&[&kenya]),
            "Kenya is listed under Africa."
        );
        assert_eq!(
            english().elsewhere(&[&oman, &kenya]),
            "2 members match in other regions: Africa, Asia."
        );
    }

    #[test]
    fn dates_the_list_in_the_readers_way() {
        let date = ListDate {
            year: 2026,
            month: 11,
            day: 28,
        };
        assert_eq!(
            english().list_updated(date),
            "List updated 28 November 2026."
        );
        let catalogue = |lang| {
            std::fs::read_to_string(format!(
                "{}/locales/{lang}.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        let french = Locale::from_catalogue(Language::French, &catalogue("fr")).unwrap();
        assert_eq!(
            french.list_updated(date),
            "Liste mise à jour le 28 novembre 2026."
        );
        let chinese = Locale::from_catalogue(Language::Chinese, &catalogue("zh")).unwrap();
        assert_eq!(chinese.list_updated(date), "名单更新于2026年11月28日。");
        let january = ListDate {
            year: 2027,
            month: 1,
            day: 2,
        };
        assert_eq!(
            english().list_updated(january),
            "List updated 2 January 2027."
        );
    }

    #[test]
    fn states_the_printed_view_in_words() {
        let query = |region, text: &str| Query {
            region,
            text: text.to_string(),
        };
        assert_eq!(
            english().print_summary(&query(None, ""), 103),
            "All members: 103"
        );
        assert_eq!(
            english().print_summary(&query(Some(Region::Africa), " uni "), 3),
            "Members in Africa matching “uni”: 3"
        );
        assert_eq!(
            english().print_summary(&query(None, "uni"), 8),
            "Members matching “uni”: 8"
        );
    }

    #[test]
    fn hints_with_the_examples_given() {
        let examples = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            english().search_hint(&examples(&["Kenya", "turkiye"])),
            "For example “Kenya” or “turkiye”. Accents and capitals do not matter."
        );
        assert_eq!(
            english().search_hint(&examples(&["Fiji"])),
            "For example “Fiji”. Accents and capitals do not matter."
        );
        assert!(!english().search_hint(&[]).contains('{'));
    }

    #[test]
    fn summarises_the_map_by_region() {
        assert_eq!(
            english().map_summary(24, &[(Region::Africa, 21), (Region::Oceania, 3)]),
            "Map: 24 member governments. Africa: 21, Oceania: 3."
        );
    }
}
