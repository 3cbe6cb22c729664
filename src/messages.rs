//! The directory's interface strings. Views never hold words of their own: they ask a
//! `Messages` catalogue, so another language is a new catalogue, not a change to the views.

use crate::directory::{LoadError, Region};

/// One language's interface strings.
pub struct Messages {
    /// Language of these strings (BCP 47).
    pub lang: &'static str,
    pub region_legend: &'static str,
    pub all_regions: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub clear_filters: &'static str,
    pub load_failed_title: &'static str,
    pub list_label: &'static str,
    /// Words for each region, in `Region::ALL` order.
    pub regions: [&'static str; 6],
}

/// English, the fallback for every other language.
pub const ENGLISH: Messages = Messages {
    lang: "en",
    region_legend: "Region",
    all_regions: "All",
    search_label: "Search by country name",
    search_hint: "For example “Kenya” or “cote”. Accents and capitals do not matter.",
    loading: "Loading the member list…",
    retry: "Try again",
    clear_filters: "Clear filters",
    load_failed_title: "The member list could not be loaded",
    list_label: "Member governments",
    regions: ["Africa", "Americas", "Asia", "Europe", "Oceania", "Other"],
};

impl Messages {
    /// The region's display name in this language.
    pub fn region(&self, region: Region) -> &'static str {
        let index = Region::ALL
            .iter()
            .position(|r| *r == region)
            .unwrap_or(Region::ALL.len() - 1);
        self.regions[index]
    }

    /// The live status line: how many members are shown out of how many.
    pub fn shown(&self, shown: usize, total: usize) -> String {
        match total {
            1 => format!("{shown} of 1 member"),
            _ => format!("{shown} of {total} members"),
        }
    }

    /// The empty-result message.
    pub fn no_match(&self, text: &str, region: Option<Region>) -> String {
        let text = text.trim();
        match (text.is_empty(), region) {
            (true, Some(region)) => format!("No members in {}.", self.region(region)),
            (true, None) => "There are no members to show.".to_string(),
            (false, Some(region)) => {
                format!("No members in {} match “{text}”.", self.region(region))
            }
            (false, None) => format!("No members match “{text}”."),
        }
    }

    /// The note shown when some entries of the data could not be displayed.
    pub fn skipped(&self, count: usize) -> String {
        match count {
            1 => "1 entry in the member list could not be shown.".to_string(),
            n => format!("{n} entries in the member list could not be shown."),
        }
    }

    /// What went wrong, in words a visitor understands.
    pub fn load_error(&self, error: &LoadError) -> String {
        match error {
            LoadError::Network => {
                "We could not reach the server. Check your internet connection and try again."
                    .to_string()
            }
            LoadError::TimedOut => {
                "The server took too long to answer. It may be busy; please try again in a moment."
                    .to_string()
            }
            LoadError::Http(404) => "The member list was not found on the server (error 404).".to_string(),
            LoadError::Http(429) => {
                "The server is receiving too many requests (error 429). Please try again in a minute."
                    .to_string()
            }
            LoadError::Http(status) if *status >= 500 => format!(
                "The server had a problem sending the member list (error {status}). Please try again."
            ),
            LoadError::Http(status) => {
                format!("The server refused to send the member list (error {status}).")
            }
            LoadError::TooLarge => {
                "The member list file is far larger than expected, so it was not loaded.".to_string()
            }
            LoadError::Empty => "The member list file is empty.".to_string(),
            LoadError::NotJson => {
                "The member list file is damaged: it is not valid JSON.".to_string()
            }
            LoadError::NotMemberList => {
                "The file received is not a member list in a format this page understands."
                    .to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_line_counts_shown_members() {
        assert_eq!(ENGLISH.shown(21, 103), "21 of 103 members");
        assert_eq!(ENGLISH.shown(103, 103), "103 of 103 members");
        assert_eq!(ENGLISH.shown(1, 1), "1 of 1 member");
        assert_eq!(ENGLISH.shown(0, 103), "0 of 103 members");
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
            let text = ENGLISH.load_error(&error);
            assert!(text.ends_with('.'), "{error:?}: {text}");
        }
    }

    #[test]
    fn names_each_region() {
        assert_eq!(ENGLISH.region(Region::Oceania), "Oceania");
        assert_eq!(ENGLISH.region(Region::Other), "Other");
    }
}
