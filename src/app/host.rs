//! What the page around a directory sees of it: DOM events on the placeholder, which bubble out
//! of an inline embed's shadow root (and which `boot.js` relays out of an iframe), and the
//! placeholder's `data-region`, `data-q` and `data-lang` followed after the start.
//!
//! - `memberdirectory:ready` and `memberdirectory:change`: `{region, q, lang, shown, total}`;
//! - `memberdirectory:select`: `{code, name}`, when a visitor chooses a member on the map or
//!   in the list;
//! - `memberdirectory:set`, from the loader (`embed.js`) after it changed those attributes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::embed::{self, EmbedOptions, UrlState};
use crate::i18n::Language;
use crate::views::DirectoryModel;

/// The view the host was last told of; `None` until the directory is ready.
#[derive(Clone, Copy)]
pub struct Announcer {
    told: StoredValue<Option<String>, LocalStorage>,
}

impl Announcer {
    pub fn new() -> Self {
        Announcer {
            told: StoredValue::new_local(None),
        }
    }

    /// The directory shows its starting view: `memberdirectory:ready`.
    pub fn ready(self, model: DirectoryModel) {
        let shown = model.directory.with_untracked(|d| {
            let query = model.query.get_untracked();
            d.as_ref().map_or(0, |d| d.filter(&query).count())
        });
        if let Some(view) = view_detail(model, shown) {
            announce(model, "memberdirectory:ready", &view);
            self.told.set_value(Some(view));
        }
    }

    /// After a change of region, search, language or list, with `shown` members of it listed:
    /// `memberdirectory:change`, once per view the host has not been told of.
    pub fn changed(self, model: DirectoryModel, shown: usize) {
        let Some(view) = view_detail(model, shown) else {
            return;
        };
        let new = self
            .told
            .with_value(|told| told.as_ref().is_some_and(|told| *told != view));
        if new {
            announce(model, "memberdirectory:change", &view);
            self.told.set_value(Some(view));
        }
    }
}

fn view_detail(model: DirectoryModel, shown: usize) -> Option<String> {
    let directory = model.directory.get_untracked()?;
    let query = model.query.get_untracked();
    let language = model.locale.get_untracked().language();
    Some(embed::view_detail(&query, language, shown, directory.len()))
}

fn announce(model: DirectoryModel, name: &str, detail: &str) {
    if let Some(body) = model.body_ref.get_untracked() {
        dispatch(&body, name, detail);
    }
}

/// `memberdirectory:select` from a member's card, chosen on the map or in the list.
pub fn selected(card: &web_sys::Element) {
    let (Some(code), Ok(Some(name))) = (
        card.get_attribute("data-code"),
        card.query_selector(".member__name"),
    ) else {
        return;
    };
    let name = name.text_content().unwrap_or_default();
    dispatch(
        card,
        "memberdirectory:select",
        &embed::select_detail(&code, &name),
    );
}

/// Fires `name` at `target`, bubbling and crossing shadow roots, with `detail` (JSON) parsed.
fn dispatch(target: &web_sys::Element, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(detail) = js_sys::JSON::parse(detail) {
        init.set_detail(&detail);
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Follows the host: `memberdirectory:set` on this directory's placeholder applies its
/// attributes again. (A card chosen in the list is told of by `take_away`'s click listener.)
pub fn follow(model: DirectoryModel, language: RwSignal<Language>) {
    let sets = window_event_listener_untyped("memberdirectory:set", move |event| {
        let Some(body) = model.body_ref.get_untracked() else {
            return;
        };
        let Some(placeholder) = event
            .composed_path()
            .iter()
            .filter_map(|t| t.dyn_into::<web_sys::Element>().ok())
            .find(|e| e.has_attribute("data-member-directory") && e.contains(Some(&body)))
        else {
            return;
        };
        let options = EmbedOptions::from_placeholder(
            |name| placeholder.get_attribute(name),
            &[],
            UrlState::Off,
            &[],
        );
        model.region.set(options.query.region);
        model.text.set(options.query.text);
        if let Some(wanted) = options.language {
            language.set(wanted);
        }
    });
    on_cleanup(move || sets.remove());
}
