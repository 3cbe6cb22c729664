use leptos::prelude::*;

use super::DirectoryModel;

/// Where the map is in its life. It arrives after the list, as a separate asset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapState {
    Loading,
    Shown,
    Failed,
}

/// The map figure: the canvas the SVG goes into, the name of the country pointed at, a legend
/// when the region filter (which doubles as one) is hidden, and a caption.
#[component]
pub fn WorldMap(model: DirectoryModel, legend: bool) -> impl IntoView {
    let locale = model.locale;
    let state = model.map_state;
    let legend_view = move || {
        if !legend {
            return None;
        }
        let locale = locale.get();
        let items = model
            .directory
            .get()?
            .regions()
            .into_iter()
            .map(|(r, count)| {
                view! {
                    <li class="world-map__key">
                        <span class="swatch" data-region=r.slug() aria-hidden="true"></span>
                        {locale.region(r)} " " <span class="world-map__key-count">{count}</span>
                    </li>
                }
            });
        Some(view! { <ul class="world-map__legend">{items.collect_view()}</ul> })
    };
    let text = move |key: &'static str| move || locale.get().text(key).to_string();
    let hint = move || {
        let key = if state.get() == MapState::Failed {
            "map-failed"
        } else {
            "map-hint"
        };
        locale.get().text(key).to_string()
    };

    view! {
        <figure class="world-map" data-state=move || match state.get() {
            MapState::Loading => "loading",
            MapState::Shown => "shown",
            MapState::Failed => "failed",
        }>
            <div class="world-map__stage">
                <div class="world-map__canvas" node_ref=model.canvas_ref></div>
                <p class="world-map__name" aria-hidden="true" hidden=move || model.pointed.with(Option::is_none)>
                    {move || model.pointed.get()}
                </p>
            </div>
            {legend_view}
            <figcaption class="world-map__caption">
                <span class="world-map__title">{text("map-title")}</span>
                " "
                <span class="world-map__hint">{hint}</span>
                " "
                <span class="world-map__credit">{text("map-credit")}</span>
            </figcaption>
        </figure>
    }
}
