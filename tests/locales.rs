//! The six catalogues and the generated language files: complete, consistent and in step.

use std::fs;

use member_directory::directory::{Directory, Region};
use member_directory::i18n::{Language, Locale, PluralCategory};
use serde_json::Value;

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn catalogue(language: Language) -> Locale {
    let path = format!("locales/{}.json", language.tag());
    Locale::from_catalogue(language, &read(&path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn generated(language: Language) -> Locale {
    let path = format!("public/i18n/{}.json", language.tag());
    Locale::parse(language, &read(&path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn english_keys() -> Vec<String> {
    let english: serde_json::Map<String, Value> =
        serde_json::from_str(&read("locales/en.json")).unwrap();
    english.keys().cloned().collect()
}

fn members() -> Directory {
    Directory::parse(&read("public/members.json")).unwrap()
}

#[test]
fn every_catalogue_has_every_key() {
    for language in Language::ALL {
        let locale = catalogue(language);
        let missing = locale.missing_keys();
        assert!(
            missing.is_empty(),
            "locales/{}.json lacks {missing:?}",
            language.tag()
        );
    }
}

#[test]
fn every_plural_message_has_the_forms_its_language_needs() {
    for language in Language::ALL {
        let locale = catalogue(language);
        for key in english_keys() {
            let missing = locale.missing_plural_forms(&key);
            assert!(
                missing.is_empty(),
                "locales/{}.json \"{key}\" lacks {missing:?}",
                language.tag()
            );
        }
    }
}

#[test]
fn translations_use_the_english_placeholders() {
    let english = Locale::english();
    for language in Language::ALL {
        let locale = catalogue(language);
        for key in english_keys() {
            let theirs = locale.placeholders(&key);
            let ours = english.placeholders(&key);
            assert!(
                theirs.iter().all(|p| ours.contains(p)),
                "locales/{}.json \"{key}\" uses {theirs:?}, English has {ours:?}",
                language.tag()
            );
        }
    }
}

#[test]
fn plural_rules_pick_distinct_forms_where_the_language_has_them() {
    let russian = catalogue(Language::Russian);
    assert_ne!(russian.skipped(1), russian.skipped(2));
    assert_ne!(russian.skipped(2), russian.skipped(5));
    let arabic = catalogue(Language::Arabic);
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|&n| arabic.skipped(n))
        .collect();
    let mut distinct = forms.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 6, "Arabic has six forms: {forms:?}");
    assert_eq!(PluralCategory::required(Language::Arabic).len(), 6);
}

#[test]
fn generated_files_carry_the_catalogues_unchanged() {
    for language in Language::ALL {
        let file: Value =
            serde_json::from_str(&read(&format!("public/i18n/{}.json", language.tag()))).unwrap();
        let source: Value =
            serde_json::from_str(&read(&format!("locales/{}.json", language.tag()))).unwrap();
        assert_eq!(
            file["messages"],
            source,
            "public/i18n/{0}.json is stale: run `node scripts/gen-i18n.mjs`",
            language.tag()
        );
        let dir = if language.is_rtl() { "rtl" } else { "ltr" };
        assert_eq!(file["dir"], dir);
    }
}

#[test]
fn every_member_region_and_area_has_a_name_in_every_language() {
    let members = members();
    for language in Language::ALL {
        let locale = generated(language);
        for member in members.members() {
            assert!(
                locale.country(&member.code).is_some_and(|n| !n.is_empty()),
                "{}: no name for {}",
                language.tag(),
                member.code
            );
            if let Some(area) = &member.area {
                assert!(
                    locale.area(area).is_some(),
                    "{}: no name for {area}",
                    language.tag()
                );
            }
        }
        assert!(locale.country("XK").is_some(), "{}: Kosovo", language.tag());
        // Each region is named from the language file (keyed by its M49 code), not by the
        // English fallback; "Other" has no M49 code and is a catalogue message.
        let file: Value =
            serde_json::from_str(&read(&format!("public/i18n/{}.json", language.tag()))).unwrap();
        for region in Region::ALL {
            match region.m49() {
                Some(m49) => assert_eq!(
                    file["regions"][m49].as_str(),
                    Some(locale.region(region).as_str()),
                    "{}: {region:?}",
                    language.tag()
                ),
                None => assert_eq!(locale.region(region), locale.text("region-other")),
            }
        }
    }
}

#[test]
fn french_names_germany_allemagne() {
    let name = |language| generated(language).country("DE").map(str::to_string);
    assert_eq!(name(Language::French).as_deref(), Some("Allemagne"));
    assert_eq!(name(Language::Arabic).as_deref(), Some("ألمانيا"));
    assert_eq!(name(Language::Chinese).as_deref(), Some("德国"));
    assert_eq!(name(Language::Russian).as_deref(), Some("Германия"));
    assert_eq!(
        generated(Language::French).region(Region::Africa),
        "Afrique"
    );
}

#[test]
fn supplied_page_translations_reach_the_language_files() {
    for language in Language::ALL {
        let supplied =
            std::path::Path::new(&format!("locales/page-text.{}.json", language.tag())).exists();
        assert_eq!(
            generated(language).page_text().is_some(),
            supplied && language != Language::English,
            "{}: run `node scripts/gen-i18n.mjs` after adding or removing a page translation",
            language.tag()
        );
    }
}

/// `locales/languages.json` feeds the generator; the Rust core must agree with it exactly.
#[test]
fn the_core_agrees_with_the_shared_languages_file() {
    let shared: Value = serde_json::from_str(&read("locales/languages.json")).unwrap();
    let languages = shared["languages"].as_array().unwrap();
    let tags: Vec<&str> = languages
        .iter()
        .map(|l| l["tag"].as_str().unwrap())
        .collect();
    let core: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
    assert_eq!(tags, core, "languages and their order");
    for (entry, language) in languages.iter().zip(Language::ALL) {
        assert_eq!(entry["htmlTag"], language.html_tag(), "{}", language.tag());
        assert_eq!(entry["rtl"], language.is_rtl(), "{}", language.tag());
        let plurals: Vec<&str> = PluralCategory::required(language)
            .iter()
            .map(|c| c.name())
            .collect();
        assert_eq!(
            entry["plurals"],
            serde_json::json!(plurals),
            "{}",
            language.tag()
        );
    }
    for region in Region::ALL {
        assert_eq!(
            shared["regions"][region.english_name()].as_str(),
            region.m49(),
            "{region:?}"
        );
    }
    assert_eq!(
        shared["regions"].as_object().unwrap().len(),
        Region::ALL.len() - 1,
        "every region but Other has an M49 code"
    );
}
