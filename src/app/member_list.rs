use std::sync::Arc;

use leptos::prelude::*;

use crate::directory::{Directory, Member, Query};
use crate::i18n::Locale;

/// The members, each shown or hidden by the query. Items are rendered once per data load and
/// only their `hidden` flag changes with the filter, so a filter change touches only the
/// members whose visibility actually changes.
#[component]
pub fn MemberList(
    locale: &'static Locale,
    directory: Arc<Directory>,
    query: Memo<Query>,
    /// Receives how many members the query lets through.
    shown: RwSignal<usize>,
    on_clear: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let visibility = {
        let directory = directory.clone();
        move |q: &Query| -> Vec<bool> {
            let mut fits = directory.filter(q).map(|m| m.code.as_str()).peekable();
            directory
                .members()
                .iter()
                .map(|m| fits.next_if(|code| *code == m.code).is_some())
                .collect()
        }
    };
    let initial = query.with_untracked(|q| visibility(q));
    shown.set(initial.iter().filter(|v| **v).count());
    let flags: Vec<RwSignal<bool>> = initial.into_iter().map(RwSignal::new).collect();

    let items: Vec<_> = directory
        .members()
        .iter()
        .zip(flags.iter().copied())
        .map(|(member, visible)| member_item(member, visible))
        .collect();

    Effect::new({
        let visibility = visibility.clone();
        move |_| {
            let next = query.with(|q| visibility(q));
            for (flag, visible) in flags.iter().zip(&next) {
                if flag.get_untracked() != *visible {
                    flag.set(*visible);
                }
            }
            shown.set(next.iter().filter(|v| **v).count());
        }
    });

    let empty = move || shown.get() == 0;
    view! {
        <ul class="member-list" aria-label=locale.text("list-label") hidden=empty>{items}</ul>
        <Show when=empty>
            <div class="directory__empty">
                <p>{move || query.with(|q| locale.no_match(&q.text, q.region))}</p>
                <Show when=move || query.with(|q| !q.is_everything())>
                    <button type="button" class="button button--secondary" on:click=move |_| on_clear()>
                        {locale.text("clear-filters")}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

fn member_item(member: &Member, visible: RwSignal<bool>) -> impl IntoView {
    let area = member
        .area
        .clone()
        .map(|area| view! { <span class="member__area">{area}</span> });
    view! {
        <li class="member" data-code=member.code.clone() data-region=member.region.slug() hidden=move || !visible.get()>
            <span class="member__name" dir="auto">{member.name.clone()}</span>
            {area}
        </li>
    }
}
