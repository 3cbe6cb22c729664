//! WeProtect Global Alliance: the "Governments taking a global stand" page and its member directory.
//!
//! `directory` is the pure core (decoding, search, filtering, URL query); `page_text` and
//! `i18n` hold every word the page shows; `static_page` renders them to HTML at build time;
//! `app` is the thin Leptos layer that runs in the browser.

pub mod assets;
pub mod directory;
pub mod embed;
pub mod i18n;
pub mod page_text;
pub mod static_page;

#[cfg(target_arch = "wasm32")]
pub mod app;
