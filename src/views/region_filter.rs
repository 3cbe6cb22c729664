use leptos::prelude::*;

use super::DirectoryModel;
use crate::directory::Region;
use crate::i18n::Locale;

/// "All" plus one radio button per region in the data, each with its member count. Inert until
/// the browser runs the directory.
#[component]
pub fn RegionFilter(
    locale: &'static Locale,
    regions: Vec<(Region, usize)>,
    total: usize,
    model: DirectoryModel,
    /// The radio group's name, unique per directory on the page.
    name: String,
) -> impl IntoView {
    let selected = model.region;
    let choices = std::iter::once((None, locale.text("all-regions").to_string(), total)).chain(
        regions
            .into_iter()
            .map(|(region, count)| (Some(region), locale.region(region), count)),
    );
    let options = choices
        .map(|(region, label, count)| {
            let slug = region.map_or("all", Region::slug);
            view! {
                <label class="chip">
                    <input
                        class="chip__input"
                        type="radio"
                        name=name.clone()
                        value=slug
                        checked=selected.get_untracked() == region
                        prop:checked=move || selected.get() == region
                        on:change=move |_| selected.set(region)
                    />
                    <span class="chip__face">
                        {region.map(|r| view! { <span class="swatch" data-region=r.slug() aria-hidden="true"></span> })}
                        <span class="chip__name">{label}</span>
                        " "
                        <span class="chip__count">{count}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="region-filter" disabled=move || !model.live.get()>
            <legend class="region-filter__legend">{locale.text("region-legend")}</legend>
            <div class="region-filter__options">{options}</div>
        </fieldset>
    }
}
