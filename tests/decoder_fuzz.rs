//! A bounded fuzz run of the decoder (cargo fuzz needs a nightly toolchain, which this project
//! does not use): thousands of mutations of the real member list, none of which may panic, and
//! every member that survives must still be a valid one.

use member_directory::directory::{Directory, Query, Region};
use proptest::prelude::*;

const MEMBERS: &str = include_str!("../public/members.json");

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, char),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = MEMBERS.len();
    prop_oneof![
        (
            0..len,
            prop_oneof![
                Just("{".to_string()),
                Just("]".to_string()),
                Just("\"".to_string()),
                Just(",".to_string()),
                Just("null".to_string()),
                Just("\\u0000".to_string()),
                "\\PC{1,8}"
            ]
        )
            .prop_map(|(at, text)| Mutation::Insert(at, text)),
        (0..len, 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (0..len, any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
        (0..len).prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let at = |i: usize| i.min(chars.len());
        match m {
            Mutation::Insert(i, s) => {
                let i = at(*i);
                chars.splice(i..i, s.chars());
            }
            Mutation::Delete(i, n) => {
                let i = at(*i);
                let end = (i + n).min(chars.len());
                chars.drain(i..end);
            }
            Mutation::Replace(i, c) => {
                if *i < chars.len() {
                    chars[*i] = *c;
                }
            }
            Mutation::Truncate(i) => chars.truncate(at(*i)),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_member_lists_never_panic_and_keep_only_valid_members(
        mutations in proptest::collection::vec(mutation(), 1..4),
        text in "\\PC{0,6}",
        region in 0usize..6,
    ) {
        let body = apply(MEMBERS, &mutations);
        if let Ok(directory) = Directory::parse(&body) {
            prop_assert!(directory.len() + directory.skipped() <= 110);
            for member in directory.members() {
                prop_assert!(!member.name.trim().is_empty());
                prop_assert!((2..=8).contains(&member.code.len()));
            }
            // Codes stay unique and the list stays in sort-name order, whatever was dropped.
            let members = directory.members();
            for pair in members.windows(2) {
                prop_assert!(pair[0].sort_key() <= pair[1].sort_key());
            }
            let mut codes: Vec<&str> = members.iter().map(|m| m.code.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            prop_assert_eq!(codes.len(), members.len());
            // A region alone shows exactly its members.
            let region = Region::ALL.get(region).copied();
            let by_region = Query { region, text: String::new() };
            let expected: Vec<&str> = members
                .iter()
                .filter(|m| region.is_none_or(|r| m.region == r))
                .map(|m| m.code.as_str())
                .collect();
            let shown: Vec<&str> = directory.filter(&by_region).map(|m| m.code.as_str()).collect();
            prop_assert_eq!(&shown, &expected);
            // Searching only ever narrows what the region shows.
            let query = Query { region, text };
            for member in directory.filter(&query) {
                prop_assert!(expected.contains(&member.code.as_str()));
            }
        }
    }
}
