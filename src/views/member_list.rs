use std::sync::Arc;

use leptos::prelude::*;

use super::DirectoryModel;
use crate::directory::{Directory, Member};
use crate::i18n::Locale;

/// Every member, rendered once per data load and language. Filtering does not re-render: the
/// browser side walks these items and sets `hidden` on the ones the query leaves out.
#[component]
pub fn MemberList(
    locale: &'static Locale,
    directory: Arc<Directory>,
    model: DirectoryModel,
    /// The visitor chooses the region (so can be sent to another).
    regions: bool,
) -> impl IntoView {
    let items = directory
        .members()
        .iter()
        .map(|member| member_item(locale, member))
        .collect_view();
    let empty = move || model.shown.get() == 0;
    let query = model.query;
    // Found nobody here but somebody in another region: say where, and offer to look there.
    let directory_here = directory.clone();
    let directory_date = directory.updated();
    // Only worked out while the list is empty: filtering stays a walk over the items.
    let message = move || {
        if !empty() {
            return None;
        }
        Some(query.with(|q| {
            let mut text = locale.no_match(&q.text, q.region);
            let found = directory_here.matches_elsewhere(q);
            if !found.is_empty() {
                text.push(' ');
                text.push_str(&locale.elsewhere(&found));
            }
            text
        }))
    };
    view! {
        <ul class="member-list" aria-label=locale.text("list-label") hidden=empty node_ref=model.list_ref>{items}</ul>
        <div class="directory__empty" hidden=move || !empty()>
            <p>{message}</p>
            {regions.then(|| view! {
                <button
                    type="button"
                    class="button button--secondary"
                    hidden=move || !empty() || query.with(|q| directory.matches_elsewhere(q).is_empty())
                    on:click=move |_| model.region.set(None)
                >
                    {locale.text("search-all-regions")}
                </button>
            })}
        </div>
        <p class="directory__source">
            {locale.text("regions-source")}
            {directory_date.map(|date| format!(" {}", locale.list_updated(date)))}
        </p>
    }
}

/// A member's card: its name, then its region and, where the data has one, its area
/// ("Asia · Western Asia").
fn member_item(locale: &Locale, member: &Member) -> impl IntoView {
    let region = locale.region(member.region);
    let place = match &member.area {
        Some(area) if *area != region => format!("{region} · {area}"),
        _ => region,
    };
    view! {
        <li class="member" data-code=member.code.clone() data-region=member.region.slug()>
            <span class="member__name" dir="auto">{member.name.clone()}</span>
            <span class="member__area">{place}</span>
        </li>
    }
}
