use leptos::prelude::*;

use super::DirectoryModel;
use crate::directory::Region;
use crate::i18n::Locale;

/// The name search, labelled, hinted with examples that find someone, bound to the query text,
/// with one clear button in every engine. Inert until the browser runs the directory.
#[component]
pub fn SearchBox(
    locale: &'static Locale,
    model: DirectoryModel,
    /// The input's id, unique per directory on the page.
    id: String,
    /// The partner's fixed region, if any: the examples come from it.
    region: Option<Region>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let text = model.text;
    // Rendered with the list at hand (the controls appear with it); a later edit of the list
    // keeps the examples, which rarely stop finding anyone.
    let hint = model.directory.with_untracked(|d| {
        let examples = d.as_ref().map(|d| d.search_examples(region));
        locale.search_hint(examples.as_deref().unwrap_or_default())
    });
    let clear = move |_| {
        text.set(String::new());
        if let Some(input) = model.search_ref.get_untracked() {
            let _ = input.focus();
        }
    };
    view! {
        <div class="search">
            <label class="search__label" for=id.clone()>{locale.text("search-label")}</label>
            <p class="search__hint" id=hint_id.clone()>{hint}</p>
            <div class="search__field">
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
                <button
                    type="button"
                    class="search__clear"
                    aria-label=locale.text("search-clear")
                    hidden=move || text.with(|t| t.is_empty())
                    on:click=clear
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
        </div>
    }
}
