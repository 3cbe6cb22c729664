use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fetch::{fetch_directory, Abort};
use super::language::{load_locale, localise, mark, translate_page};
use super::load_error::LoadErrorAlert;
use super::member_list::MemberList;
use super::region_filter::RegionFilter;
use super::search_box::SearchBox;
use super::settings::{Settings, UrlState};
use super::url_state;
use super::world_map::WorldMap;
use crate::directory::{Directory, LoadError, Query};
use crate::embed::Controls;
use crate::i18n::{Language, Locale};

/// Where the member list is in its life: coming, failed, or here.
#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Directory>),
}

/// One complete directory: filters, map, live status and the list, with its own data, query
/// and language.
#[component]
pub fn MemberDirectory(
    settings: Settings,
    /// The element the directory renders into: it carries the directory's `lang` and `dir`.
    root: web_sys::HtmlElement,
    on_ready: impl Fn() + 'static,
) -> impl IntoView {
    let initial = settings.initial.clone();
    let controls_shown = settings.controls;
    let owns_page = settings.url_state != UrlState::Off;
    let region = RwSignal::new(initial.region);
    let text = RwSignal::new(initial.text);
    let state = RwSignal::new(LoadState::Loading);
    let language = RwSignal::new(settings.language);
    // Whether the language belongs in the URL: it came from there, or the visitor chose it.
    let language_chosen = RwSignal::new(!url_state::params(&["lang"]).is_empty());
    // `None` until the starting language has arrived, so English never flashes first.
    let locale = RwSignal::new(None::<&'static Locale>);
    let directory = RwSignal::new(None::<Arc<Directory>>);
    let request = StoredValue::new_local(None::<Abort>);
    let body_ref = NodeRef::<html::Div>::new();
    let search_ref = NodeRef::<html::Input>::new();

    let data_url = settings.data_url.clone();
    let load = move || {
        if let Some(previous) = request.get_value() {
            previous.abort();
        }
        state.set(LoadState::Loading);
        let (response, abort) = fetch_directory(data_url.clone());
        request.set_value(Some(abort));
        spawn_local(async move {
            let next = match response.await {
                Ok(directory) => LoadState::Ready(Arc::new(directory)),
                Err(error) => LoadState::Failed(error),
            };
            // The view may be gone by now; then there is nothing to update.
            let _ = state.try_set(next);
        });
    };
    load();
    on_cleanup(move || {
        if let Some(Some(request)) = request.try_get_value() {
            request.abort();
        }
    });

    let i18n_base = settings.i18n_base.clone();
    Effect::new(move |_| {
        let wanted = language.get();
        let base = i18n_base.clone();
        spawn_local(async move {
            let loaded = load_locale(&base, wanted).await;
            // A later choice may have overtaken this one.
            if language.try_get_untracked() == Some(wanted) {
                let _ = locale.try_set(Some(loaded));
            }
        });
    });
    Effect::new(move |_| {
        let Some(locale) = locale.get() else {
            return;
        };
        mark(&root, locale.language());
        if owns_page {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                translate_page(&document, locale);
            }
        }
    });
    Effect::new(move |_| {
        let next = match (&*state.read(), locale.get()) {
            (LoadState::Ready(base), Some(locale)) => Some(localise(base, locale)),
            _ => None,
        };
        directory.set(next);
    });
    Effect::new(move |_| {
        let failed = matches!(*state.read(), LoadState::Failed(_));
        if locale.with(Option::is_some) && (failed || directory.with(Option::is_some)) {
            on_ready();
        }
    });

    // The region in the URL may not exist in this data: then show every region.
    let query = Memo::new(move |_| {
        let region = region.get().filter(|r| {
            directory.with(|d| {
                d.as_ref()
                    .is_none_or(|d| d.regions().iter().any(|(present, _)| present == r))
            })
        });
        Query {
            region,
            text: text.get(),
        }
    });
    if settings.url_state == UrlState::ReadWrite {
        Effect::new(move |_| {
            let chosen = language_chosen.get().then(|| language.get());
            url_state::write(&query.get(), chosen);
        });
        // Language links on the page switch this directory in place instead of reloading.
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
            if let Some(chosen) = link
                .get_attribute("data-lang")
                .and_then(|tag| Language::from_tag(&tag))
            {
                event.prevent_default();
                language_chosen.set(true);
                language.set(chosen);
            }
        });
        on_cleanup(move || handle.remove());
    }

    let shown = RwSignal::new(0usize);
    let status = move || match (&*state.read(), locale.get(), directory.get()) {
        (LoadState::Failed(_), _, _) => String::new(),
        (_, Some(locale), Some(directory)) => locale.shown(shown.get(), directory.len()),
        (_, locale, _) => locale
            .unwrap_or_else(Locale::english)
            .text("loading")
            .to_string(),
    };

    let clear = move || {
        region.set(None);
        text.set(String::new());
        if let Some(input) = search_ref.get() {
            let _ = input.focus();
        }
    };
    let retry = {
        let load = load.clone();
        move || {
            load();
            if let Some(body) = body_ref.get() {
                let _ = body.focus();
            }
        }
    };

    let prefix = settings.id_prefix.clone();
    let controls = {
        let prefix = prefix.clone();
        move || {
            let (directory, locale) = (directory.get()?, locale.get()?);
            (controls_shown != Controls::None).then(|| {
                view! {
                    <div class="directory__controls">
                        {controls_shown.shows_regions().then(|| view! {
                            <RegionFilter
                                locale
                                regions=directory.regions()
                                total=directory.len()
                                selected=region
                                name=format!("{prefix}-region")
                            />
                        })}
                        <SearchBox locale text id=format!("{prefix}-search") node_ref=search_ref />
                    </div>
                }
            })
        }
    };
    let map = settings.map_src.clone().map(|src| {
        view! {
            <WorldMap
                src
                id_prefix=prefix.clone()
                directory
                locale
                query
                legend=!controls_shown.shows_regions()
            />
        }
    });
    let body = move || match (state.get(), locale.get(), directory.get()) {
        (LoadState::Failed(error), locale, _) => {
            let retry = retry.clone();
            let locale = locale.unwrap_or_else(Locale::english);
            view! { <LoadErrorAlert locale error on_retry=move || retry() /> }.into_any()
        }
        (_, Some(locale), Some(directory)) => {
            let skipped = directory.skipped();
            view! {
                {(skipped > 0).then(|| view! { <p class="directory__note">{locale.skipped(skipped)}</p> })}
                <MemberList locale directory query shown on_clear=clear />
            }
            .into_any()
        }
        _ => view! { <div class="directory__loading" aria-hidden="true"></div> }.into_any(),
    };

    view! {
        {controls}
        {map}
        <p class="directory__status" role="status">{status}</p>
        <div class="directory__body" tabindex="-1" node_ref=body_ref>{body}</div>
    }
}
