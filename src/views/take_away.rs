use leptos::prelude::*;

use super::DirectoryModel;
use crate::i18n::Locale;

/// Ways to take the list away: the members shown and the whole list as CSV or JSON, and a link
/// to the view. The buttons only name what they do; `app::take_away` answers them. Disabled
/// until the directory runs, as they need the browser (like the filters, and in the same place,
/// so nothing moves when it starts). Parts a directory does not offer are hidden rather than
/// left out, which keeps the wasm smaller.
#[component]
pub fn TakeAway(
    locale: &'static Locale,
    model: DirectoryModel,
    download: bool,
    share: bool,
    /// Prefix of element ids, unique per directory on the page.
    id_prefix: String,
) -> impl IntoView {
    let narrowed = move || model.query.with(|q| !q.is_everything());
    let download_row = |scope: &'static str, label: &'static str| {
        let label_id = format!("{id_prefix}-download-{scope}");
        let labelled_by = label_id.clone();
        view! {
            <div class="take-away__row" role="group" aria-labelledby=labelled_by>
                <span class="take-away__label" id=label_id>{locale.text(label)}</span>
                <button type="button" class="button button--secondary" data-export=format!("{scope} csv")>"CSV"</button>
                <button type="button" class="button button--secondary" data-export=format!("{scope} json")>"JSON"</button>
            </div>
        }
    };
    let view_row = download_row("view", "download-view");
    let all_row = download_row("all", "download-all");
    let link_id = format!("{id_prefix}-link");
    view! {
        <fieldset class="take-away" hidden=!download && !share disabled=move || !model.live.get()>
            <div hidden=!download>{view_row}</div>
            <div hidden=move || !download || !narrowed()>{all_row}</div>
            <div class="take-away__row" hidden=!share>
                <button type="button" class="button button--secondary" data-share="">{locale.text("copy-link")}</button>
                <p class="take-away__status" role="status"></p>
                <p class="take-away__fallback" hidden>
                    <label for=link_id.clone()>{locale.text("link-label")}</label>
                    <input class="take-away__link" id=link_id type="url" readonly />
                </p>
            </div>
        </fieldset>
    }
}
