use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::load_error::LoadErrorAlert;
use super::member_list::MemberList;
use super::region_filter::RegionFilter;
use super::search_box::SearchBox;
use super::world_map::WorldMap;
use super::{DirectoryModel, Layout};
use crate::embed::Controls;

/// One complete directory: filters, map, live status and the list.
#[component]
pub fn DirectoryView(model: DirectoryModel, layout: Layout) -> impl IntoView {
    let Layout {
        controls,
        map,
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
                        <SearchBox locale model id=format!("{id_prefix}-search") />
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
        match (model.failure.with(Option::is_some), regions.get()) {
            (true, _) => String::new(),
            (false, Some((_, total))) => locale.shown(model.shown.get(), total),
            (false, None) => locale.text("loading").to_string(),
        }
    };
    let body = move || {
        let locale = locale.get();
        if let Some(error) = model.failure.get() {
            return EitherOf3::A(view! { <LoadErrorAlert locale error retries=model.retries /> });
        }
        match model.directory.get() {
            Some(directory) => {
                let skipped = directory.skipped();
                EitherOf3::B(view! {
                    {(skipped > 0).then(|| view! { <p class="directory__note">{locale.skipped(skipped)}</p> })}
                    <MemberList locale directory model />
                })
            }
            None => {
                EitherOf3::C(view! { <div class="directory__loading" aria-hidden="true"></div> })
            }
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
            {map_view}
            <p class="directory__status" role="status">{status}</p>
            <div class="directory__body" tabindex="-1" node_ref=model.body_ref>{body}</div>
        </div>
    }
}
