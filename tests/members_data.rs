//! Checks the shipped `public/members.json`: it matches its JSON Schema, it holds exactly the
//! alliance's published member list, its codes are real ISO codes, and its regions follow UN M49.

use std::collections::{BTreeMap, HashSet};

use member_directory::directory::{Directory, Region};
use serde_json::Value;

const MEMBERS: &str = include_str!("../public/members.json");
const SCHEMA: &str = include_str!("../public/members.schema.json");
const SEED: &str = include_str!("fixtures/governments-page.txt");
const ISO_CODES: &str = include_str!("fixtures/iso3166-1-alpha2.txt");

/// Names the seed spells differently from the data, with the reason.
const CORRECTIONS: [(&str, &str); 2] = [
    ("Ethiopia", "Ethopia"),                      // misspelt in the seed
    ("Korea, Republic of", "Korea, Republic Of"), // capitalisation as in the rest of the list
];

fn members_json() -> Value {
    serde_json::from_str(MEMBERS).expect("members.json is valid JSON")
}

fn names() -> Vec<String> {
    members_json()["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn members_file_matches_its_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&members_json())
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));
}

#[test]
fn schema_rejects_what_editors_get_wrong() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let member = |extra: &str| -> Value {
        serde_json::from_str(&format!(
            r#"{{"version":1,"members":[{{"name":"Kenya","sortName":"Kenya","code":"KE","region":"Africa","subRegion":"Sub-Saharan Africa"{extra}}}]}}"#
        ))
        .unwrap()
    };
    assert!(validator.is_valid(&member("")));
    assert!(
        !validator.is_valid(&member(r#","colour":"red""#)),
        "unknown field"
    );
    let mut lowercase_code = member("");
    lowercase_code["members"][0]["code"] = "ke".into();
    assert!(!validator.is_valid(&lowercase_code), "lowercase code");
    let mut bad_region = member("");
    bad_region["members"][0]["region"] = "Middle East".into();
    assert!(!validator.is_valid(&bad_region), "region outside M49");
}

#[test]
fn members_are_exactly_the_seed_list() {
    let seed_line = SEED
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap()
        .trim();
    let mut seed_names: Vec<String> = names()
        .into_iter()
        .map(|name| {
            CORRECTIONS
                .iter()
                .find(|(ours, _)| *ours == name)
                .map_or(name.clone(), |(_, seed)| seed.to_string())
        })
        .collect();
    for name in &seed_names {
        assert!(
            seed_line.contains(name.as_str()),
            "{name} is not in the seed list"
        );
    }
    seed_names.sort_by_key(|name| seed_line.find(name.as_str()).unwrap());
    assert_eq!(
        seed_names.join(" "),
        seed_line,
        "the seed list, name for name"
    );
    assert_eq!(seed_names.len(), 103);
}

#[test]
fn every_entry_decodes_and_codes_are_unique() {
    let directory = Directory::parse(MEMBERS).unwrap();
    assert_eq!(directory.len(), 103);
    assert_eq!(directory.skipped(), 0);
    let codes: HashSet<&str> = directory
        .members()
        .iter()
        .map(|m| m.code.as_str())
        .collect();
    assert_eq!(codes.len(), 103);
}

#[test]
fn codes_are_official_iso_3166_alpha_2_except_kosovo() {
    let official: HashSet<&str> = ISO_CODES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    assert_eq!(official.len(), 249);
    for member in Directory::parse(MEMBERS).unwrap().members() {
        let ok = official.contains(member.code.as_str()) || member.code == "XK";
        assert!(
            ok,
            "{} has code {}, not in ISO 3166-1",
            member.name, member.code
        );
    }
}

#[test]
fn regions_follow_un_m49() {
    let directory = Directory::parse(MEMBERS).unwrap();
    let counts: BTreeMap<Region, usize> = directory.regions().into_iter().collect();
    let expected = BTreeMap::from([
        (Region::Africa, 21),
        (Region::Americas, 15),
        (Region::Asia, 25),
        (Region::Europe, 39),
        (Region::Oceania, 3),
    ]);
    assert_eq!(counts, expected);
    let region_of = |code: &str| {
        directory
            .members()
            .iter()
            .find(|m| m.code == code)
            .unwrap()
            .region
    };
    for code in ["CY", "GE", "AM", "IL", "TR"] {
        assert_eq!(region_of(code), Region::Asia, "{code} is in Western Asia");
    }
    assert_eq!(region_of("XK"), Region::Europe);
}

#[test]
fn sort_names_drop_the_leading_article() {
    let directory = Directory::parse(MEMBERS).unwrap();
    let names: Vec<&str> = directory
        .members()
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let netherlands = names.iter().position(|n| *n == "The Netherlands").unwrap();
    assert_eq!(names[netherlands - 1], "Nepal");
    assert_eq!(names[netherlands + 1], "New Zealand");
    assert_eq!(names.first(), Some(&"Albania"));
    assert_eq!(names.last(), Some(&"Zimbabwe"));
}
