use std::fmt;
use std::sync::OnceLock;

use super::{Language, PluralCategory};
use crate::directory::Region;
use crate::json::Json;
use crate::lookup::Lookup;
use crate::page_text::{TranslatedPageText, TranslatedQuote};

mod phrasing;

/// The English catalogue, compiled in: the fallback for every key another catalogue lacks.
const ENGLISH_CATALOGUE: &str = include_str!("../../locales/en.json");

/// Largest language file accepted; the real ones are about 10 kB.
pub const MAX_LOCALE_BYTES: usize = 256 * 1024;

/// One language's words: interface strings, and CLDR names of countries and regions.
#[derive(Debug)]
pub struct Locale {
    language: Language,
    messages: Lookup<Message>,
    countries: Lookup<String>,
    regions: Lookup<String>,
    /// Sub-region names, keyed by the UN M49 English name editors write ("Eastern Africa").
    areas: Lookup<String>,
    /// The alliance's official translation of the page text, if it has supplied one.
    page: Option<TranslatedPageText>,
}

/// One catalogue entry: a plain string, or one string per plural category.
#[derive(Debug, Clone, PartialEq)]
enum Message {
    Text(String),
    Plural(Vec<(PluralCategory, String)>),
}

/// Why a language file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocaleError {
    TooLarge,
    NotJson,
    WrongLanguage,
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LocaleError::TooLarge => "language file too large",
            LocaleError::NotJson => "language file is not valid JSON of the expected shape",
            LocaleError::WrongLanguage => "language file is for another language",
        })
    }
}

impl Locale {
    /// English: the compiled-in catalogue, with the editors' own names for members and regions.
    pub fn english() -> &'static Locale {
        static ENGLISH: OnceLock<Locale> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            Locale::from_catalogue(Language::English, ENGLISH_CATALOGUE)
                .expect("locales/en.json is valid (checked by tests)")
        })
    }

    /// A locale with only interface strings, from a `locales/<lang>.json` catalogue.
    pub fn from_catalogue(language: Language, catalogue: &str) -> Result<Locale, LocaleError> {
        let catalogue = Json::parse(catalogue).ok_or(LocaleError::NotJson)?;
        Ok(Locale {
            language,
            messages: messages_from(&catalogue).ok_or(LocaleError::NotJson)?,
            countries: Lookup::default(),
            regions: Lookup::default(),
            areas: Lookup::default(),
            page: None,
        })
    }

    /// Reads a generated `public/i18n/<lang>.json` file for `language`.
    pub fn parse(language: Language, body: &str) -> Result<Locale, LocaleError> {
        if body.len() > MAX_LOCALE_BYTES {
            return Err(LocaleError::TooLarge);
        }
        // The shape of `public/i18n/<lang>.json`, written by `scripts/gen-i18n.mjs`.
        let file = Json::parse(body).ok_or(LocaleError::NotJson)?;
        let lang = file
            .get("lang")
            .and_then(Json::as_str)
            .ok_or(LocaleError::NotJson)?;
        if Language::from_tag(lang) != Some(language) {
            return Err(LocaleError::WrongLanguage);
        }
        let names = |key: &str| -> Result<Lookup<String>, LocaleError> {
            match file.get(key) {
                None => Ok(Lookup::default()),
                Some(map) => map
                    .as_string_map()
                    .map(|pairs| pairs.into_iter().collect())
                    .ok_or(LocaleError::NotJson),
            }
        };
        let page = match file.get("page") {
            None | Some(Json::Null) => None,
            Some(page) => Some(page_text_from(page).ok_or(LocaleError::NotJson)?),
        };
        Ok(Locale {
            language,
            messages: match file.get("messages") {
                None => Lookup::default(),
                Some(messages) => messages_from(messages).ok_or(LocaleError::NotJson)?,
            },
            countries: names("countries")?,
            regions: names("regions")?,
            areas: names("areas")?,
            page,
        })
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Keys the English catalogue has and this one lacks (they fall back to English).
    pub fn missing_keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = Locale::english()
            .messages
            .keys()
            .filter(|key| !self.messages.contains_key(key))
            .collect();
        keys.sort_unstable();
        keys
    }

    /// Plural categories this language needs that the entry `key` lacks (empty for plain text).
    pub fn missing_plural_forms(&self, key: &str) -> Vec<PluralCategory> {
        match self.messages.get(key) {
            Some(Message::Plural(forms)) => PluralCategory::required(self.language)
                .iter()
                .copied()
                .filter(|c| !forms.iter().any(|(f, _)| f == c))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The `{placeholders}` the entry `key` uses, in every form, sorted and deduplicated.
    pub fn placeholders(&self, key: &str) -> Vec<String> {
        let texts: Vec<&str> = match self.messages.get(key) {
            Some(Message::Text(text)) => vec![text],
            Some(Message::Plural(forms)) => forms.iter().map(|(_, t)| t.as_str()).collect(),
            None => Vec::new(),
        };
        let mut names: Vec<String> = texts
            .iter()
            .flat_map(|text| {
                text.split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// The CLDR name of the country with ISO code `code`, if this locale has one.
    pub fn country(&self, code: &str) -> Option<&str> {
        self.countries.get(code).map(String::as_str)
    }

    /// The official translation of the page text, if there is one for this language.
    pub fn page_text(&self) -> Option<&TranslatedPageText> {
        self.page.as_ref()
    }

    /// The name of a sub-region (given by its UN M49 English name) in this language, if known.
    pub fn area(&self, english: &str) -> Option<&str> {
        self.areas.get(english).map(String::as_str)
    }

    /// The region's display name in this language.
    pub fn region(&self, region: Region) -> String {
        match region.m49() {
            Some(m49) => self
                .regions
                .get(m49)
                .cloned()
                .unwrap_or_else(|| region.english_name().to_string()),
            None => self.text("region-other").to_string(),
        }
    }

    /// The entry `key` in this language, else in English.
    fn lookup(&self, key: &str) -> Option<(Language, &Message)> {
        self.messages
            .get(key)
            .map(|m| (self.language, m))
            .or_else(|| {
                Locale::english()
                    .messages
                    .get(key)
                    .map(|m| (Language::English, m))
            })
    }

    /// A plain string; a key no catalogue has shows as itself rather than as nothing.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        match self.lookup(key) {
            Some((_, Message::Text(text))) => text,
            Some((language, Message::Plural(forms))) => pick(language, forms, 1),
            None => key,
        }
    }

    /// A string with `{name}` placeholders filled in.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.text(key), args)
    }

    /// A plural string, its form chosen by `n` under the rules of the catalogue that has it.
    pub fn plural(&self, key: &str, n: usize, args: &[(&str, &str)]) -> String {
        match self.lookup(key) {
            Some((language, Message::Plural(forms))) => fill(pick(language, forms, n), args),
            _ => self.format(key, args),
        }
    }
}

/// The catalogue's entries: strings, or objects of plural forms. Entries of any other shape are
/// left out (the key then falls back to English); `None` if it is not an object at all.
fn messages_from(catalogue: &Json) -> Option<Lookup<Message>> {
    let entries = catalogue.as_object()?;
    Some(
        entries
            .iter()
            .filter_map(|(key, value)| {
                let message = match value {
                    Json::String(text) => Message::Text(text.clone()),
                    Json::Object(forms) => Message::Plural(
                        forms
                            .iter()
                            .filter_map(|(name, text)| {
                                let category =
                                    PluralCategory::ALL.into_iter().find(|c| c.name() == name)?;
                                Some((category, text.as_str()?.to_string()))
                            })
                            .collect(),
                    ),
                    _ => return None,
                };
                Some((key.clone(), message))
            })
            .collect(),
    )
}

/// An official page translation as the generator writes it.
fn page_text_from(page: &Json) -> Option<TranslatedPageText> {
    let text = |json: &Json, key: &str| json.get(key)?.as_str().map(str::to_string);
    let quote = page.get("quote")?;
    Some(TranslatedPageText {
        title: match page.get("title") {
            None | Some(Json::Null) => None,
            Some(title) => Some(title.as_str()?.to_string()),
        },
        heading: text(page, "heading")?,
        lede: text(page, "lede")?,
        paragraphs: page
            .get("paragraphs")?
            .as_array()?
            .iter()
            .map(|p| p.as_str().map(str::to_string))
            .collect::<Option<_>>()?,
        quote: TranslatedQuote {
            text: text(quote, "text")?,
            speaker: text(quote, "speaker")?,
            role: text(quote, "role")?,
        },
    })
}

/// The form for `n`, else `other`, else any form at all.
fn pick(language: Language, forms: &[(PluralCategory, String)], n: usize) -> &str {
    let wanted = PluralCategory::of(language, n);
    forms
        .iter()
        .find(|(c, _)| *c == wanted)
        .or_else(|| forms.iter().find(|(c, _)| *c == PluralCategory::Other))
        .or(forms.first())
        .map(|(_, text)| text.as_str())
        .unwrap_or_default()
}

/// Replaces each `{name}` in `template` with its value; unknown placeholders stay as written.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static Locale {
        Locale::english()
    }

    #[test]
    fn english_has_every_key_the_views_use() {
        let english = english();
        for key in [
            "language-label",
            "region-legend",
            "all-regions",
            "search-label",
            "search-hint",
            "loading",
            "retry",
            "clear-filters",
            "list-label",
            "load-failed-title",
            "map-title",
            "map-hint",
            "map-failed",
            "map-credit",
        ] {
            assert_ne!(english.text(key), key, "English lacks {key}");
        }
    }

    #[test]
    fn missing_keys_fall_back_to_english_with_english_plural_rules() {
        let french = Locale::from_catalogue(Language::French, r#"{"retry": "Réessayer"}"#).unwrap();
        assert_eq!(french.text("retry"), "Réessayer");
        assert_eq!(french.text("clear-filters"), "Clear filters");
        // French would call 0 singular; the English fallback must not.
        assert_eq!(french.shown(0, 0), "0 of 0 members");
        assert!(french.missing_keys().contains(&"clear-filters"));
    }

    #[test]
    fn chooses_the_plural_form_by_the_languages_rule() {
        let russian = Locale::from_catalogue(
            Language::Russian,
            r#"{"skipped": {"one": "{count} запись", "few": "{count} записи", "many": "{count} записей", "other": "{count} записи"}}"#,
        )
        .unwrap();
        assert_eq!(russian.skipped(1), "1 запись");
        assert_eq!(russian.skipped(3), "3 записи");
        assert_eq!(russian.skipped(11), "11 записей");
        assert_eq!(russian.skipped(21), "21 запись");
    }

    #[test]
    fn reads_a_generated_language_file() {
        let body = r#"{"lang":"fr","dir":"ltr","messages":{"retry":"Réessayer"},
            "countries":{"DE":"Allemagne","XK":"Kosovo"},"regions":{"002":"Afrique"},
            "areas":{"Eastern Africa":"Afrique orientale"}}"#;
        let french = Locale::parse(Language::French, body).unwrap();
        assert_eq!(french.country("DE"), Some("Allemagne"));
        assert_eq!(french.region(Region::Africa), "Afrique");
        assert_eq!(french.region(Region::Asia), "Asia");
        assert_eq!(french.area("Eastern Africa"), Some("Afrique orientale"));
        assert_eq!(french.area("Atlantis"), None);
        assert_eq!(
            french.page_text(),
            None,
            "no translation supplied: English page text"
        );
        assert_eq!(
            Locale::parse(Language::Russian, body).unwrap_err(),
            LocaleError::WrongLanguage
        );
        assert_eq!(
            Locale::parse(Language::French, "<html>").unwrap_err(),
            LocaleError::NotJson
        );
    }

    #[test]
    fn carries_an_official_page_translation_when_supplied() {
        let body = r#"{"lang":"fr","messages":{},"page":{"heading":"Des gouvernements engagés",
            "lede":"Avec plus de 100 gouvernements membres…","paragraphs":["Un.","Deux."],
            "quote":{"text":"Nous sommes…","speaker":"Mama Fatima Singhateh","role":"Rapporteuse spéciale"}}}"#;
        let french = Locale::parse(Language::French, body).unwrap();
        let page = french.page_text().unwrap();
        assert_eq!(page.heading, "Des gouvernements engagés");
        assert_eq!(page.paragraphs.len(), 2);
        assert_eq!(page.title, None);
    }

    #[test]
    fn placeholders_without_values_stay_visible() {
        assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
        assert_eq!(fill("broken {", &[]), "broken {");
        assert_eq!(fill("", &[]), "");
    }
}
