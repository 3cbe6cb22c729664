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
) -> impl IntoView {
    let items = directory.members().iter().map(member_item).collect_view();
    let empty = move || model.shown.get() == 0;
    let query = model.query;
    view! {
        <ul class="member-list" aria-label=locale.text("list-label") hidden=empty node_ref=model.list_ref>{items}</ul>
        {move || empty().then(|| view! {
            <div class="directory__empty">
                <p>{move || query.with(|q| locale.no_match(&q.text, q.region))}</p>
                {move || query.with(|q| !q.is_everything()).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| model.clear()>
                        {locale.text("clear-filters")}
                    </button>
                })}
            </div>
        })}
    }
}

fn member_item(member: &Member) -> impl IntoView {
    let area = member
        .area
        .clone()
        .map(|area| view! { <span class="member__area">{area}</span> });
    view! {
        <li class="member" data-code=member.code.clone() data-region=member.region.slug()>
            <span class="member__name" dir="auto">{member.name.clone()}</span>
            {area}
        </li>
    }
}
