//! Languages: which one a visitor gets, its plural rules, and its catalogue of interface strings
//! and place names. Catalogues are data (`locales/*.json`, merged with CLDR names into
//! `public/i18n/*.json` by `scripts/gen-i18n.mjs`); only English is compiled in, as the fallback.

mod language;
mod locale;
mod plural;

pub use language::Language;
pub use locale::{Locale, LocaleError, MAX_LOCALE_BYTES};
pub use plural::PluralCategory;
