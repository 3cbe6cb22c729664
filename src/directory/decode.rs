use std::fmt;

use super::member::Member;
use super::region::Region;
use super::{sort_members, Directory, ListDate};
use crate::json::Json;

/// The largest body accepted. The real list is about 15 KB; anything near this is not a member list.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Longest name kept; longer entries are treated as invalid rather than stretching the layout.
const MAX_NAME_CHARS: usize = 500;

/// The data format version this build reads.
const FORMAT_VERSION: f64 = 1.0;

/// Why the member list could not be loaded. Views turn each case into words a visitor understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The network request failed before any response arrived.
    Network,
    /// The request took too long and was abandoned.
    TimedOut,
    /// The server answered with an HTTP error status.
    Http(u16),
    /// The body was larger than [`MAX_BODY_BYTES`].
    TooLarge,
    /// The body was empty.
    Empty,
    /// The body was not JSON (an HTML error page, a truncated file, nesting too deep).
    NotJson,
    /// The JSON was not a member list (no `members` array, or a newer format version).
    NotMemberList,
}

impl LoadError {
    /// True when the same request may well succeed later (the network, a busy or failing
    /// server), so asking the visitor to try again makes sense; a damaged file stays damaged.
    pub fn may_pass(&self) -> bool {
        matches!(
            self,
            LoadError::Network | LoadError::TimedOut | LoadError::Http(408 | 429 | 500..=599)
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network => write!(f, "network error"),
            LoadError::TimedOut => write!(f, "timed out"),
            LoadError::Http(status) => write!(f, "HTTP status {status}"),
            LoadError::TooLarge => write!(f, "body larger than {MAX_BODY_BYTES} bytes"),
            LoadError::Empty => write!(f, "empty body"),
            LoadError::NotJson => write!(f, "not valid JSON"),
            LoadError::NotMemberList => write!(f, "JSON is not a member list"),
        }
    }
}

impl std::error::Error for LoadError {}

impl Directory {
    /// Decodes `members.json`. The file as a whole must be a member list; each entry is then
    /// decoded on its own, so invalid or duplicate entries are counted and skipped while the
    /// valid ones are kept.
    pub fn parse(body: &str) -> Result<Directory, LoadError> {
        if body.len() > MAX_BODY_BYTES {
            return Err(LoadError::TooLarge);
        }
        if body.trim().is_empty() {
            return Err(LoadError::Empty);
        }
        // Hostile depth is an error, not a stack overflow (see `Json::parse`).
        let document = Json::parse(body).ok_or(LoadError::NotJson)?;
        let version_ok = match document.get("version") {
            None => true,
            Some(v) => v.as_f64() == Some(FORMAT_VERSION),
        };
        let entries = match document.get("members").and_then(Json::as_array) {
            Some(entries) if version_ok => entries,
            _ => return Err(LoadError::NotMemberList),
        };

        let mut members: Vec<Member> = entries.iter().filter_map(decode_member).collect();
        // A code already taken by an earlier entry: that entry stays (the sort is stable), this
        // one is skipped.
        sort_members(&mut members, &mut |a, b| a.code.cmp(&b.code));
        members.dedup_by(|later, earlier| later.code == earlier.code);
        let skipped = entries.len() - members.len();
        let updated = document
            .get("updated")
            .and_then(Json::as_str)
            .and_then(ListDate::parse);
        Ok(Directory::new(members, skipped).updated_on(updated))
    }
}

/// One entry of the file. A field of the wrong type makes the whole entry invalid; unknown
/// fields are ignored.
fn decode_member(entry: &Json) -> Option<Member> {
    entry.as_object()?;
    // Absent or null is `None`; present with another type than a string is invalid.
    let text = |key: &str| -> Option<Option<String>> {
        match entry.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(value) => value.as_str().map(|s| Some(s.to_string())),
        }
    };
    let name = clean(text("name")??)?;
    let code = text("code")??.trim().to_string();
    if !is_valid_code(&code) {
        return None;
    }
    let region = Region::from_name(&text("region")??);
    let area = text("intermediateRegion")?
        .and_then(clean)
        .or(text("subRegion")?.and_then(clean));
    let sort_name = text("sortName")?.and_then(clean);
    let aliases: Vec<String> = match entry.get("aliases") {
        None => Vec::new(),
        Some(list) => list
            .as_array()?
            .iter()
            .map(|alias| alias.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .filter_map(clean)
            .collect(),
    };
    Some(Member::new(name, sort_name, code, region, area, &aliases))
}

/// Trims a name and rejects it when nothing visible is left or it is absurdly long.
fn clean(text: String) -> Option<String> {
    let trimmed = text.trim();
    let ok = !trimmed.is_empty() && trimmed.chars().count() <= MAX_NAME_CHARS;
    ok.then(|| trimmed.to_string())
}

/// Codes are 2 to 8 characters of A-Z and 0-9.
fn is_valid_code(code: &str) -> bool {
    (2..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn list(entries: &str) -> String {
        format!(r#"{{"version":1,"members":[{entries}]}}"#)
    }

    #[test]
    fn decodes_valid_members_sorted_by_sort_name() {
        let body = list(
            r#"{"name":"The Netherlands","sortName":"Netherlands","code":"NL","region":"Europe","subRegion":"Western Europe"},
               {"name":"Albania","sortName":"Albania","code":"AL","region":"Europe","subRegion":"Southern Europe"},
               {"name":"Nepal","sortName":"Nepal","code":"NP","region":"Asia","subRegion":"Southern Asia"}"#,
        );
        let dir = Directory::parse(&body).unwrap();
        let names: Vec<_> = dir.members().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Albania", "Nepal", "The Netherlands"]);
        assert_eq!(dir.skipped(), 0);
    }

    #[test]
    fn skips_and_counts_invalid_entries_keeping_the_rest() {
        let body = list(
            r#"{"name":"Albania","code":"AL","region":"Europe"},
               {"name":42,"code":"XX","region":"Europe"},
               {"code":"YY","region":"Europe"},
               {"name":"Bad code","code":"a-1","region":"Europe"},
               "not an object",
               {"name":"   ","code":"ZZ","region":"Asia"}"#,
        );
        let dir = Directory::parse(&body).unwrap();
        assert_eq!(dir.len(), 1);
        assert_eq!(dir.skipped(), 5);
    }

    #[test]
    fn duplicate_codes_are_shown_once_and_counted() {
        let body = list(
            r#"{"name":"Albania","code":"AL","region":"Europe"},
               {"name":"Albania again","code":"AL","region":"Europe"}"#,
        );
        let dir = Directory::parse(&body).unwrap();
        assert_eq!(dir.len(), 1);
        assert_eq!(dir.members()[0].name, "Albania");
        assert_eq!(dir.skipped(), 1);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let body = list(
            r#"{"name":"Albania","code":"AL","region":"Europe","flag":"🇦🇱","extra":{"a":[1]}}"#,
        );
        assert_eq!(Directory::parse(&body).unwrap().len(), 1);
    }

    #[test]
    fn unknown_region_is_kept_under_other() {
        let body = list(r#"{"name":"Atlantis","code":"AQ1","region":"Atlantic"}"#);
        let dir = Directory::parse(&body).unwrap();
        assert_eq!(dir.members()[0].region, Region::Other);
        assert_eq!(dir.regions(), vec![(Region::Other, 1)]);
    }

    #[test]
    fn empty_member_list_is_a_directory_not_an_error() {
        let dir = Directory::parse(&list("")).unwrap();
        assert!(dir.is_empty());
    }

    #[test]
    fn names_the_problem_with_the_whole_document() {
        assert_eq!(Directory::parse(""), Err(LoadError::Empty));
        assert_eq!(Directory::parse("  \n"), Err(LoadError::Empty));
        assert_eq!(
            Directory::parse("<!doctype html><h1>502</h1>"),
            Err(LoadError::NotJson)
        );
        assert_eq!(
            Directory::parse(r#"{"members":[{"name":"Alb"#),
            Err(LoadError::NotJson)
        );
        assert_eq!(Directory::parse("[]"), Err(LoadError::NotMemberList));
        assert_eq!(
            Directory::parse(r#"{"members":{}}"#),
            Err(LoadError::NotMemberList)
        );
        assert_eq!(
            Directory::parse(r#"{"version":2,"members":[]}"#),
            Err(LoadError::NotMemberList)
        );
    }

    #[test]
    fn deep_nesting_is_rejected_without_overflowing_the_stack() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(Directory::parse(&deep), Err(LoadError::NotJson));
        let deep_member = list(&format!(
            r#"{{"name":{}1{}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ));
        assert_eq!(Directory::parse(&deep_member), Err(LoadError::NotJson));
    }

    #[test]
    fn oversized_bodies_are_rejected_before_parsing() {
        let huge = " ".repeat(MAX_BODY_BYTES + 1);
        assert_eq!(Directory::parse(&huge), Err(LoadError::TooLarge));
    }

    #[test]
    fn markup_in_names_is_kept_as_text() {
        let body =
            list(r#"{"name":"<img src=x onerror=alert(1)>","code":"XSS","region":"Europe"}"#);
        assert_eq!(
            Directory::parse(&body).unwrap().members()[0].name,
            "<img src=x onerror=alert(1)>"
        );
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(body in "\\PC{0,200}") {
            let _ = Directory::parse(&body);
        }

        #[test]
        fn never_panics_on_arbitrary_json_entries(
            entries in proptest::collection::vec(any_json(), 0..20)
        ) {
            let body = serde_json::json!({ "version": 1, "members": entries }).to_string();
            let dir = Directory::parse(&body).unwrap();
            prop_assert_eq!(dir.len() + dir.skipped(), entries.len());
        }
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            "\\PC{0,12}".prop_map(Value::String),
            "[A-Z]{2,3}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::hash_map(
                    prop_oneof![
                        Just("name".to_string()),
                        Just("code".to_string()),
                        Just("region".to_string()),
                        Just("sortName".to_string()),
                        Just("aliases".to_string()),
                        "[a-z]{1,6}",
                    ],
                    inner,
                    0..6
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
