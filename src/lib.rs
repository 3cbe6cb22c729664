//! WeProtect Global Alliance: the "Governments taking a global stand" page and its member directory.
//!
//! `directory` is the pure core (decoding, search, filtering, URL query); `page_text` and
//! `i18n` hold every word the page shows; `views` are the
//! components, the only place markup is written; `static_page` renders them to HTML at build
//! time; `app` runs them in the browser.

#[cfg(not(target_arch = "wasm32"))]
pub mod assets;
pub mod directory;
pub mod embed;
pub mod i18n;
pub mod json;
pub mod lookup;
pub mod map_asset;
pub mod page_text;
pub mod roving_focus;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_page;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod app;
