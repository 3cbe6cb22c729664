use super::Language;

/// A CLDR plural category: which form of a word a number takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// Every category, in CLDR order.
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// The category's name in catalogues (`"one"`, `"few"`, …).
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The CLDR 48 cardinal rule for a whole number `n` in `language`.
    pub fn of(language: Language, n: usize) -> PluralCategory {
        use PluralCategory::*;
        let (n10, n100) = (n % 10, n % 100);
        match language {
            Language::English => match n {
                1 => One,
                _ => Other,
            },
            Language::French => match n {
                0 | 1 => One,
                _ if n != 0 && n.is_multiple_of(1_000_000) => Many,
                _ => Other,
            },
            Language::Spanish => match n {
                1 => One,
                _ if n != 0 && n.is_multiple_of(1_000_000) => Many,
                _ => Other,
            },
            Language::Russian => match (n10, n100) {
                (1, _) if n100 != 11 => One,
                (2..=4, _) if !(12..=14).contains(&n100) => Few,
                _ => Many,
            },
            Language::Arabic => match (n, n100) {
                (0, _) => Zero,
                (1, _) => One,
                (2, _) => Two,
                (_, 3..=10) => Few,
                (_, 11..=99) => Many,
                _ => Other,
            },
            Language::Chinese => Other,
        }
    }

    /// The categories whole numbers can take in `language`: what a catalogue must provide.
    pub fn required(language: Language) -> &'static [PluralCategory] {
        use PluralCategory::*;
        match language {
            Language::English => &[One, Other],
            Language::French | Language::Spanish => &[One, Many, Other],
            Language::Russian => &[One, Few, Many, Other],
            Language::Arabic => &[Zero, One, Two, Few, Many, Other],
            Language::Chinese => &[Other],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PluralCategory::*;
    use super::*;

    fn forms(language: Language, numbers: &[usize]) -> Vec<PluralCategory> {
        numbers
            .iter()
            .map(|&n| PluralCategory::of(language, n))
            .collect()
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(
            forms(Language::English, &[0, 1, 2, 21, 103]),
            [Other, One, Other, Other, Other]
        );
    }

    #[test]
    fn french_counts_zero_as_one_and_millions_as_many() {
        assert_eq!(
            forms(Language::French, &[0, 1, 2, 103, 1_000_000]),
            [One, One, Other, Other, Many]
        );
    }

    #[test]
    fn spanish_counts_zero_as_other() {
        assert_eq!(
            forms(Language::Spanish, &[0, 1, 2, 2_000_000]),
            [Other, One, Other, Many]
        );
    }

    #[test]
    fn russian_has_three_forms_for_whole_numbers() {
        assert_eq!(
            forms(Language::Russian, &[1, 21, 101, 2, 3, 4, 22, 104]),
            [One, One, One, Few, Few, Few, Few, Few]
        );
        assert_eq!(
            forms(Language::Russian, &[0, 5, 11, 12, 14, 15, 25, 111, 112]),
            [Many, Many, Many, Many, Many, Many, Many, Many, Many]
        );
    }

    #[test]
    fn arabic_has_six_forms() {
        assert_eq!(
            forms(
                Language::Arabic,
                &[0, 1, 2, 3, 10, 103, 11, 99, 111, 100, 101, 102, 200]
            ),
            [Zero, One, Two, Few, Few, Few, Many, Many, Many, Other, Other, Other, Other]
        );
    }

    #[test]
    fn chinese_has_one_form() {
        assert_eq!(forms(Language::Chinese, &[0, 1, 2, 103]), [Other; 4]);
    }

    #[test]
    fn every_rule_stays_within_the_required_categories() {
        for language in Language::ALL {
            for n in 0..2_000_000 {
                if n > 1_000 && n % 1_000_000 != 0 {
                    continue;
                }
                let category = PluralCategory::of(language, n);
                assert!(
                    PluralCategory::required(language).contains(&category),
                    "{language:?} {n} -> {category:?}"
                );
            }
        }
    }
}
