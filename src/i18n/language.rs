/// The interface languages: the six official languages of the United Nations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Arabic,
    Chinese,
    English,
    French,
    Russian,
    Spanish,
}

impl Language {
    /// Every language, in the order the switcher lists them (English first, then by tag).
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::Arabic,
        Language::Chinese,
        Language::Spanish,
        Language::French,
        Language::Russian,
    ];

    /// The BCP 47 tag used in URLs, file names and `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Chinese => "zh",
            Language::English => "en",
            Language::French => "fr",
            Language::Russian => "ru",
            Language::Spanish => "es",
        }
    }

    /// The tag for `lang` attributes and `Intl`: Chinese is the Simplified script.
    pub fn html_tag(self) -> &'static str {
        match self {
            Language::Chinese => "zh-Hans",
            other => other.tag(),
        }
    }

    /// True for languages written right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Arabic
    }

    /// The value of the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Reads a language tag such as `fr`, `fr-CA` or `zh-Hans-CN`, case-insensitively.
    /// Traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) is not offered.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut subtags = tag.split('-');
        let primary = subtags.next()?;
        let language = Language::ALL.into_iter().find(|l| l.tag() == primary)?;
        if language == Language::Chinese
            && subtags.any(|s| matches!(s, "hant" | "tw" | "hk" | "mo"))
        {
            return None;
        }
        Some(language)
    }

    /// The first of the visitor's preferred languages that is offered, else English.
    pub fn negotiate<S: AsRef<str>>(preferences: &[S]) -> Language {
        preferences
            .iter()
            .find_map(|tag| Language::from_tag(tag.as_ref()))
            .unwrap_or(Language::English)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_with_regions_and_scripts() {
        assert_eq!(Language::from_tag("fr"), Some(Language::French));
        assert_eq!(Language::from_tag("fr-CA"), Some(Language::French));
        assert_eq!(Language::from_tag("ES_419"), Some(Language::Spanish));
        assert_eq!(Language::from_tag("zh-Hans-CN"), Some(Language::Chinese));
        assert_eq!(Language::from_tag("zh-CN"), Some(Language::Chinese));
        assert_eq!(Language::from_tag("zh-TW"), None);
        assert_eq!(Language::from_tag("zh-Hant"), None);
        assert_eq!(Language::from_tag("de"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn negotiates_the_first_offered_preference() {
        assert_eq!(
            Language::negotiate(&["de-DE", "es-MX", "en"]),
            Language::Spanish
        );
        assert_eq!(Language::negotiate(&["zh-TW", "ru"]), Language::Russian);
        assert_eq!(Language::negotiate(&["de", "it"]), Language::English);
        assert_eq!(Language::negotiate::<&str>(&[]), Language::English);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        for language in Language::ALL {
            assert_eq!(language.dir() == "rtl", language == Language::Arabic);
        }
    }

    #[test]
    fn tags_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
            assert_eq!(Language::from_tag(language.html_tag()), Some(language));
        }
    }
}
