//! One running directory: loads its language and data, applies the starting view, keeps the
//! URL, filters the list and runs the map. The views only render the model this drives.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fetch::{fetch_directory, sleep, Abort};
use super::host::{self, Announcer};
use super::language::{load_locale, localise, translate_page};
use super::settings::Settings;
use super::{dom, take_away, url_state, world_map};
use crate::directory::{Directory, LoadError, Match};
use crate::embed::UrlState;
use crate::i18n::{Language, Locale};
use crate::views::DirectoryModel;

/// How long after a change the page address follows it.
const URL_DELAY: Duration = Duration::from_millis(200);

/// Starts the behaviour of one directory. `built` is the list the build rendered (when its
/// markup is being taken over); `on_ready` runs once the directory shows its starting view
/// with the current list (or why it could not be loaded).
pub fn start(
    model: DirectoryModel,
    settings: Settings,
    built: Option<Arc<Directory>>,
    on_ready: impl FnOnce() + 'static,
) {
    let Settings {
        data_url,
        url_state,
        initial,
        language: starting_language,
        i18n_base,
        map_src,
        id_prefix,
        ..
    } = settings;
    let taking_over = built.is_some();
    // The list as decoded, in English; `model.directory` holds it in the interface language.
    let base = StoredValue::new_local(built);
    let language = RwSignal::new(starting_language);
    // Whether the language belongs in the URL: it came from there, or the visitor chose it.
    let chosen = RwSignal::new(!url_state::params(&["lang"]).is_empty());
    let data = Loader {
        url: StoredValue::new(data_url),
        request: StoredValue::new_local(None),
    };

    // A language and the list change together, so the directory re-renders once.
    // Signals are set only when their value changes: a set notifies even when equal, and the
    // views would rebuild the build-time markup they have just taken over.
    let show = move |locale: &'static Locale| {
        if let Some(base) = base.get_value() {
            let next = localise(&base, locale);
            let same = model
                .directory
                .with_untracked(|d| d.as_ref().is_some_and(|d| Arc::ptr_eq(d, &next)));
            if !same {
                model.directory.set(Some(next));
            }
        }
        if !std::ptr::eq(model.locale.get_untracked(), locale) {
            model.locale.set(locale);
        }
    };
    let refresh = {
        move || async move {
            match data.load().await {
                Ok(fresh) => {
                    let changed = base.with_value(|b| b.as_deref() != Some(&fresh));
                    if changed {
                        base.set_value(Some(Arc::new(fresh)));
                        show(model.locale.get_untracked());
                    }
                    if model.failure.with_untracked(Option::is_some) {
                        let _ = model.failure.try_set(None);
                    }
                }
                Err(error) => {
                    let _ = model.failure.try_set(Some(error));
                }
            }
        }
    };

    let announcer = Announcer::new();
    follow_query(model, announcer);
    {
        let i18n_base = i18n_base.clone();
        spawn_local(async move {
            let locale = load_locale(&i18n_base, starting_language).await;
            if !taking_over {
                refresh().await;
            }
            if model.region.get_untracked() != initial.region {
                model.region.set(initial.region);
            }
            if model.text.with_untracked(|t| *t != initial.text) {
                model.text.set(initial.text);
            }
            show(locale);
            model.live.set(true);
            if taking_over {
                // The build's list is on screen and live; check for a newer one after letting
                // the browser paint and handle input.
                sleep(Duration::ZERO).await;
                refresh().await;
            }
            // Ready means shown: the views follow the last changes in tasks of their own, and
            // a frame sizes itself on this event.
            sleep(Duration::ZERO).await;
            on_ready();
            announcer.ready(model);
        });
    }

    // The visitor's requests, "Try again" and another language, in one effect (each effect is
    // code of its own in the wasm): act on whichever changed since the last run.
    Effect::new(move |previous: Option<(u32, Language)>| {
        let now = (model.retries.get(), language.get());
        let Some((retries, shown)) = previous else {
            return now;
        };
        if now.0 != retries {
            let _ = model.failure.try_set(None);
            spawn_local(refresh());
            if let Some(body) = model.body_ref.get_untracked() {
                let _ = body.focus();
            }
        }
        let wanted = now.1;
        if wanted != shown {
            let i18n_base = i18n_base.clone();
            spawn_local(async move {
                let locale = load_locale(&i18n_base, wanted).await;
                // A later choice may have overtaken this one.
                if language.try_get_untracked() == Some(wanted) {
                    show(locale);
                }
            });
        }
        now
    });
    if url_state != UrlState::Off {
        // The page around the directory follows its language, and (read-write) the address
        // follows its view a moment after the list: not in the way of the visitor's keystroke,
        // and well below the rate at which browsers refuse history updates.
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        Effect::new(move |translated: Option<Option<Language>>| {
            let locale = model.locale.get();
            let query = model.query.get();
            let shown = chosen.get().then(|| language.get());
            if !model.live.get() {
                return None;
            }
            if translated.flatten() != Some(locale.language()) {
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    translate_page(&document, locale);
                }
            }
            if url_state == UrlState::ReadWrite {
                if let Some(previous) = pending.get_value() {
                    previous.clear();
                }
                let write = move || url_state::write(&query, shown);
                pending.set_value(set_timeout_with_handle(write, URL_DELAY).ok());
            }
            Some(locale.language())
        });
    }
    if url_state == UrlState::ReadWrite {
        follow_language_links(language, chosen);
    }
    follow_keys(model, url_state == UrlState::ReadWrite);
    host::follow(model, language);
    take_away::follow(model, move || {
        (url_state == UrlState::ReadWrite).then(|| {
            let shown = chosen.get_untracked().then(|| language.get_untracked());
            url_state::address(&model.query.get_untracked(), shown)
        })?
    });
    state_view_for_print(model);
    if let Some(src) = map_src {
        world_map::start(model, src, format!("{id_prefix}-map-summary"));
    }
    on_cleanup(move || data.abort());
}

/// Fetches the member list, one request at a time: a new load or leaving the page aborts the
/// request in flight.
#[derive(Clone, Copy)]
struct Loader {
    url: StoredValue<String>,
    request: StoredValue<Option<Abort>, LocalStorage>,
}

impl Loader {
    async fn load(&self) -> Result<Directory, LoadError> {
        self.abort();
        let (response, abort) = fetch_directory(self.url.get_value());
        self.request.set_value(Some(abort));
        response.await
    }

    fn abort(&self) {
        if let Some(Some(request)) = self.request.try_get_value() {
            request.abort();
        }
    }
}

/// How one card answers the query: shown or not, and the other name it was found by.
type Answer = (bool, Option<String>);

/// The list's cards as last filtered, with how each answered, and the list they show.
struct Applied {
    list: web_sys::Element,
    directory: Arc<Directory>,
    cards: Vec<web_sys::Element>,
    answers: Vec<Answer>,
}

/// Hides the members the query leaves out, touching only the cards whose answer changes, and
/// keeps the count. The cards are read from the DOM once per rendered list, not per change. A
/// member found by another of its names says which ("Matched: United Republic of Tanzania").
fn follow_query(model: DirectoryModel, announcer: Announcer) {
    let applied = StoredValue::new_local(None::<Applied>);
    Effect::new(move |_| {
        let query = model.query.get();
        let (Some(list), Some(directory)) = (model.list_ref.get(), model.directory.get()) else {
            return;
        };
        let list: web_sys::Element = list.unchecked_into();
        let answers: Vec<Answer> = directory
            .sift(&query)
            .into_iter()
            .map(|found| match found {
                Match::Other(name) => (true, Some(name.to_string())),
                found => (found.found(), None),
            })
            .collect();
        // Another list or language re-renders the items: into the same list element, the
        // items it keeps stay as they were (hidden or not, with their "Matched:" line), and new
        // ones show, each under its own name; into a new list element, every item shows.
        let last = applied
            .try_update_value(Option::take)
            .flatten()
            .filter(|last| last.list == list);
        let (cards, before) = match last {
            Some(last) if Arc::ptr_eq(&last.directory, &directory) => (last.cards, last.answers),
            last => (
                dom::elements(list.query_selector_all(":scope > li")),
                last.map(|last| last.answers).unwrap_or_default(),
            ),
        };
        let locale = model.locale.get_untracked();
        for (index, (card, (shown, matched))) in cards.iter().zip(&answers).enumerate() {
            let (was_shown, was_matched) = before.get(index).cloned().unwrap_or((true, None));
            if was_shown != *shown {
                let _ = card.toggle_attribute_with_force("hidden", !shown);
            }
            if was_matched != *matched {
                show_matched_name(card, matched.as_deref(), locale);
            }
        }
        let shown = answers.iter().filter(|(shown, _)| *shown).count();
        model.shown.set(shown);
        take_away::view_changed(&list);
        applied.set_value(Some(Applied {
            list,
            directory,
            cards,
            answers,
        }));
        announcer.changed(model, shown);
    });
}

/// Writes (or removes) the card's line saying which other name the search found it by.
fn show_matched_name(card: &web_sys::Element, name: Option<&str>, locale: &Locale) {
    let line = card.query_selector(".member__matched").ok().flatten();
    match (line, name) {
        (Some(line), None) => line.remove(),
        (line, Some(name)) => {
            let line = line.or_else(|| {
                let line = card.owner_document()?.create_element("span").ok()?;
                line.set_class_name("member__matched");
                card.append_child(&line).ok()?;
                Some(line)
            });
            if let Some(line) = line {
                line.set_text_content(Some(&locale.format("matched", &[("name", name)])));
            }
        }
        (None, None) => {}
    }
}

/// Before printing, the print-only lines say what the paper shows and where the view lives.
fn state_view_for_print(model: DirectoryModel) {
    let handle = window_event_listener_untyped("beforeprint", move |_| {
        let Some(root) = model
            .body_ref
            .get_untracked()
            .and_then(|b| b.parent_element())
        else {
            return;
        };
        let summary = model.query.with_untracked(|q| {
            model
                .locale
                .get_untracked()
                .print_summary(q, model.shown.get_untracked())
        });
        let address = web_sys::window().and_then(|w| w.location().href().ok());
        for (selector, text) in [
            (".directory__print-summary", Some(summary)),
            (".directory__print-address", address),
        ] {
            if let Ok(Some(line)) = root.query_selector(selector) {
                line.set_text_content(text.as_deref());
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Escape in the search box empties it (only some engines do so natively). On the alliance's
/// page (`slash`), "/" takes the visitor to the search box from anywhere (not while typing in a
/// field, and not with a modifier held), as on GOV.UK's and GitHub's pages.
fn follow_keys(model: DirectoryModel, slash: bool) {
    let handle = window_event_listener(ev::keydown, move |event| {
        let key = event.key();
        let input = model.search_ref.get_untracked();
        if key == "Escape" {
            let in_search = input.as_ref().is_some_and(|input| {
                event.composed_path().includes(input, 0)
                    && !model.text.with_untracked(String::is_empty)
            });
            if in_search {
                event.prevent_default();
                model.text.set(String::new());
            }
            return;
        }
        if !slash || key != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| {
                t.closest("input, textarea, select, [contenteditable]")
                    .ok()
                    .flatten()
                    .is_some()
            });
        if let (false, Some(input)) = (typing, input) {
            event.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Language links on the page switch this directory in place instead of reloading.
fn follow_language_links(language: RwSignal<Language>, chosen: RwSignal<bool>) {
    let handle = window_event_listener(ev::click, move |event| {
        if event.default_prevented()
            || event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[data-lang]").ok().flatten())
        else {
            return;
        };
        if let Some(wanted) = link
            .get_attribute("data-lang")
            .and_then(|tag| Language::from_tag(&tag))
        {
            event.prevent_default();
            chosen.set(true);
            language.set(wanted);
        }
    });
    on_cleanup(move || handle.remove());
}
