use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fetch::{fetch_directory, Abort};
use super::load_error::LoadErrorAlert;
use super::member_list::MemberList;
use super::region_filter::RegionFilter;
use super::search_box::SearchBox;
use super::settings::{Settings, UrlState};
use super::url_state;
use crate::directory::{Directory, LoadError, Query};
use crate::embed::Controls;

/// Where the member list is in its life: coming, failed, or here.
#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Directory>),
}

/// One complete directory: filters, live status and the list, with its own data and query.
#[component]
pub fn MemberDirectory(settings: Settings, on_ready: impl Fn() + 'static) -> impl IntoView {
    let locale = settings.locale;
    let initial = settings.initial.clone();
    let controls_shown = settings.controls;
    let region = RwSignal::new(initial.region);
    let text = RwSignal::new(initial.text);
    let state = RwSignal::new(LoadState::Loading);
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

    Effect::new(move |_| {
        if !matches!(state.get(), LoadState::Loading) {
            on_ready();
        }
    });

    // The region in the URL may not exist in this data: then show every region.
    let query = Memo::new(move |_| {
        let region = region.get().filter(|r| match &*state.read() {
            LoadState::Ready(directory) => {
                directory.regions().iter().any(|(present, _)| present == r)
            }
            _ => true,
        });
        Query {
            region,
            text: text.get(),
        }
    });
    if settings.url_state == UrlState::ReadWrite {
        Effect::new(move |_| url_state::write(&query.get()));
    }

    let shown = RwSignal::new(0usize);
    let status = move || match &*state.read() {
        LoadState::Loading => locale.text("loading").to_string(),
        LoadState::Failed(_) => String::new(),
        LoadState::Ready(directory) => locale.shown(shown.get(), directory.len()),
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
    let controls = move || match state.get() {
        LoadState::Ready(directory) if controls_shown != Controls::None => Some(view! {
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
        }),
        _ => None,
    };
    let body = move || match state.get() {
        LoadState::Loading => {
            view! { <div class="directory__loading" aria-hidden="true"></div> }.into_any()
        }
        LoadState::Failed(error) => {
            let retry = retry.clone();
            view! { <LoadErrorAlert locale error on_retry=move || retry() /> }.into_any()
        }
        LoadState::Ready(directory) => {
            let skipped = directory.skipped();
            view! {
                {(skipped > 0).then(|| view! { <p class="directory__note">{locale.skipped(skipped)}</p> })}
                <MemberList locale directory query shown on_clear=clear />
            }
            .into_any()
        }
    };

    view! {
        {controls}
        <p class="directory__status" role="status">{status}</p>
        <div class="directory__body" tabindex="-1" node_ref=body_ref>{body}</div>
    }
}
