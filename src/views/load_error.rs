use leptos::prelude::*;

use crate::directory::LoadError;
use crate::i18n::Locale;

/// The load failure, in plain words, with a way to try again.
#[component]
pub fn LoadErrorAlert(
    locale: &'static Locale,
    error: LoadError,
    /// Bumped when the visitor asks to try again.
    retries: RwSignal<u32>,
) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <h3 class="alert__title">{locale.text("load-failed-title")}</h3>
            <p class="alert__message">{locale.load_error(&error)}</p>
            <button type="button" class="button" on:click=move |_| retries.update(|n| *n += 1)>
                {locale.text("retry")}
            </button>
        </div>
    }
}
