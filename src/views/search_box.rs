use leptos::prelude::*;

use super::DirectoryModel;
use crate::i18n::Locale;

/// The name search, labelled and hinted, bound to the query text. Inert until the browser runs
/// the directory.
#[component]
pub fn SearchBox(
    locale: &'static Locale,
    model: DirectoryModel,
    /// The input's id, unique per directory on the page.
    id: String,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let text = model.text;
    view! {
        <div class="search">
            <label class="search__label" for=id.clone()>{locale.text("search-label")}</label>
            <p class="search__hint" id=hint_id.clone()>{locale.text("search-hint")}</p>
            <input
                class="search__input"
                type="search"
                id=id
                aria-describedby=hint_id
                autocomplete="off"
                spellcheck="false"
                maxlength="100"
                disabled=move || !model.live.get()
                node_ref=model.search_ref
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
        </div>
    }
}
