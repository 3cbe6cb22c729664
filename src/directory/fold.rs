/// Folds a name for search and sorting: lowercase, accents removed, apostrophes and spaces
/// unified. "Côte d’Ivoire" and "COTE D'IVOIRE" fold to the same "cote d'ivoire".
///
/// Handles precomposed Latin letters and combining marks (so NFD input folds like NFC) without
/// carrying Unicode normalisation tables in the wasm.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' => out.push('-'),
            // Readers type these without the marks: Russian ё as е, Arabic hamza and madda
            // forms of alef as bare alef, alef maqsura as ya.
            'ё' | 'Ё' => out.push('е'),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            // Lowercase first: some letters lowercase to an accented one (U+212B ANGSTROM
            // SIGN to å), which must fold further or folding would not be idempotent.
            _ => {
                let lower = lowercase(c);
                match latin_base(lower) {
                    Some(base) => out.push_str(base),
                    None => out.push(lower),
                }
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Lowercase for the scripts names are written and typed in: Latin (also full-width, as
/// Chinese and Japanese keyboards type it), Greek and Cyrillic; the other scripts of the UN
/// languages have no case. Accented capitals are left to `latin_base`, which takes both cases.
/// Not `char::to_lowercase`: its Unicode tables would be the largest data the wasm carries.
fn lowercase(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        0xFF21..=0xFF3A => code - 0xFF21 + 0x61,
        0xFF41..=0xFF5A => code - 0xFF41 + 0x61,
        0x212A => 0x6B,
        0x212B => 0xE5,
        0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => code + 0x3F,
        0x410..=0x42F => code + 0x20,
        0x400..=0x40F => code + 0x50,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        // Arabic short vowels and other marks, and the tatweel used to stretch words.
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The unaccented lowercase letters of a precomposed Latin letter, if it is one.
fn latin_base(c: char) -> Option<&'static str> {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' | 'Ǎ' | 'ǎ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' | 'Ǐ' | 'ǐ' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' | 'Ǒ' | 'ǒ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'Ǔ'..='ǜ' | 'Ư' | 'ư' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        'Ơ' | 'ơ' => "o",
        _ => return latin_extended_additional(c),
    };
    Some(base)
}

/// Latin Extended Additional (U+1E00-U+1EFF), which holds Vietnamese letters among others.
fn latin_extended_additional(c: char) -> Option<&'static str> {
    let base = match c as u32 {
        0x1E00..=0x1E01 | 0x1E9A | 0x1EA0..=0x1EB7 => "a",
        0x1E02..=0x1E07 => "b",
        0x1E08..=0x1E09 => "c",
        0x1E0A..=0x1E13 => "d",
        0x1E14..=0x1E1D | 0x1EB8..=0x1EC7 => "e",
        0x1E1E..=0x1E1F => "f",
        0x1E20..=0x1E21 => "g",
        0x1E22..=0x1E2B | 0x1E96 => "h",
        0x1E2C..=0x1E2F | 0x1EC8..=0x1ECB => "i",
        0x1E30..=0x1E35 => "k",
        0x1E36..=0x1E3D => "l",
        0x1E3E..=0x1E43 => "m",
        0x1E44..=0x1E4B => "n",
        0x1E4C..=0x1E53 | 0x1ECC..=0x1EE3 => "o",
        0x1E54..=0x1E57 => "p",
        0x1E58..=0x1E5F => "r",
        0x1E60..=0x1E69 | 0x1E9B => "s",
        0x1E6A..=0x1E71 | 0x1E97 => "t",
        0x1E72..=0x1E7B | 0x1EE4..=0x1EF1 => "u",
        0x1E7C..=0x1E7F => "v",
        0x1E80..=0x1E89 | 0x1E98 => "w",
        0x1E8A..=0x1E8D => "x",
        0x1E8E..=0x1E8F | 0x1E99 | 0x1EF2..=0x1EF9 => "y",
        0x1E90..=0x1E95 => "z",
        0x1E9E => "ss",
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::fold;
    use proptest::prelude::*;

    #[test]
    fn removes_accents_and_case() {
        assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(fold("TÜRKIYE"), "turkiye");
        assert_eq!(fold("São Tomé and Príncipe"), "sao tome and principe");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Việt Nam"), "viet nam");
    }

    #[test]
    fn decomposed_input_folds_like_precomposed() {
        let nfd = "Co\u{0302}te d\u{2019}Ivoire";
        assert_eq!(fold(nfd), fold("Côte d'Ivoire"));
    }

    #[test]
    fn collapses_and_trims_whitespace() {
        assert_eq!(fold("  New \t Zealand "), "new zealand");
    }

    #[test]
    fn leaves_non_latin_scripts_searchable() {
        assert_eq!(fold("Россия"), "россия");
        assert_eq!(fold("中国"), "中国");
        assert_eq!(fold("مصر"), "مصر");
    }

    #[test]
    fn folds_the_marks_russian_and_arabic_readers_leave_out() {
        assert_eq!(fold("Объединённые"), "объединенные");
        assert_eq!(fold("أفريقيا"), fold("افريقيا"));
        assert_eq!(fold("إثيوبيا"), "اثيوبيا");
        assert_eq!(fold("مِصْر"), "مصر");
    }

    #[test]
    fn lowercases_greek_cyrillic_and_full_width_latin() {
        assert_eq!(fold("ΕΛΛΆΔΑ"), "ελλάδα");
        assert_eq!(fold("УКРАЇНА"), "україна");
        assert_eq!(fold("ＫＥＮＹＡ"), "kenya");
        assert_eq!(fold("ｋｅｎｙａ"), "kenya");
    }

    #[test]
    fn folds_the_angstrom_sign_like_a_ring_a() {
        assert_eq!(fold("\u{212B}land"), "aland");
    }

    /// Every character, not a random sample: a letter whose lowercase is itself foldable is
    /// caught here by construction.
    #[test]
    fn folding_every_character_is_idempotent() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let once = fold(c.encode_utf8(&mut [0; 4]));
            assert_eq!(fold(&once), once, "U+{:04X}", c as u32);
        }
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn folded_text_has_no_uppercase_ascii(s in "\\PC{0,40}") {
            prop_assert!(!fold(&s).chars().any(|c| c.is_ascii_uppercase()));
        }
    }
}
