use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::load_error::LoadErrorAlert;
use super::member_list::MemberList;
use super::region_filter::RegionFilter;
use super::search_box::SearchBox;
use super::take_away::TakeAway;
use super::world_map::WorldMap;
use super::{DirectoryModel, Layout};
use crate::embed::Controls;

/// One complete directory: filters, live status, the list and the map, in the order a visitor
/// needs them: what a filter changes sits right under it.
#[component]
pub fn DirectoryView(model: DirectoryModel, layout: Layout) -> impl IntoView {
    let Layout {
        controls,
        region: fixed_region,
        map,
        download,
        share,
        id_prefix,
    } = layout;
    let locale = model.locale;
    let present = Memo::new(move |_| model.directory.with(Option::is_some));
    let regions = Memo::new(move |_| {
        model
            .directory
            .with(|d| d.as_ref().map(|d| (d.regions(), d.len())))
    });

    let controls_view = {
        let id_prefix = id_prefix.clone();
        move || {
            let locale = locale.get();
            (present.get() && controls != Controls::None).then(|| {
                let region_name = format!("{id_prefix}-region");
                let region_filter = move || {
                    let (regions, total) = regions.get()?;
                    controls.shows_regions().then(|| {
                        view! {
                            <RegionFilter locale regions total model name=region_name.clone() />
                        }
                    })
                };
                view! {
                    <div class="directory__controls">
                        {region_filter}
                        <SearchBox locale model id=format!("{id_prefix}-search") region=fixed_region />
                    </div>
                }
            })
        }
    };
    let map_view = map.then(|| {
        view! { <WorldMap model legend=!controls.shows_regions() /> }
    });
    let status = move || {
        let locale = locale.get();
        match regions.get() {
            Some((_, total)) => locale.shown(model.shown.get(), total),
            None if model.failure.with(Option::is_some) => String::new(),
            None => locale.text("loading").to_string(),
        }
    };
    // Whatever the visitor has narrowed the list by (a partner's fixed region is not theirs).
    let narrowed = move || {
        model.live.get()
            && model.query.with(|q| {
                !q.text.trim().is_empty() || (controls.shows_regions() && q.region.is_some())
            })
    };
    // A list that could not be refreshed stays on screen, with a word that it may be old.
    let stale = move || {
        let error = model.failure.get()?;
        present.get().then(|| {
            view! { <LoadErrorAlert locale=locale.get() error retries=model.retries stale=true /> }
        })
    };
    let body = move || {
        let locale = locale.get();
        let id_prefix = id_prefix.clone();
        match model.directory.get() {
            Some(directory) => {
                let skipped = directory.skipped();
                EitherOf3::A(view! {
                    {(skipped > 0).then(|| view! { <p class="directory__note">{locale.skipped(skipped)}</p> })}
                    <MemberList locale directory model regions=controls.shows_regions() />
                    <TakeAway locale model download share id_prefix />
                })
            }
            None => match model.failure.get() {
                Some(error) => EitherOf3::B(view! {
                    <LoadErrorAlert locale error retries=model.retries stale=false />
                }),
                None => EitherOf3::C(
                    view! { <div class="directory__loading" aria-hidden="true"></div> },
                ),
            },
        }
    };

    view! {
        <div
            class="directory"
            class:directory--map=map
            lang=move || locale.get().language().html_tag()
            dir=move || locale.get().language().dir()
        >
            {controls_view}
            <div class="directory__summary">
                <p class="directory__status" role="status">{status}</p>
                <button
                    type="button"
                    class="button button--link"
                    hidden=move || !narrowed()
                    on:click=move |_| model.clear(controls.shows_regions())
                >
                    {move || locale.get().text("clear-filters")}
                </button>
            </div>
            // Filled in just before printing (app::instance): the view in words and its address.
            <div class="directory__print">
                <p class="directory__print-summary"></p>
                <p class="directory__print-address"></p>
            </div>
            {stale}
            <div class="directory__body" tabindex="-1" node_ref=model.body_ref>{body}</div>
            {map_view}
        </div>
    }
}
