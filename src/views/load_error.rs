use leptos::prelude::*;

use crate::directory::LoadError;
use crate::i18n::Locale;

/// Why the member list could not be loaded, in plain words: over an older list still shown
/// (`stale`) or in place of a list. The technical reason waits in a disclosure, and "Try again"
/// is offered only where trying again can help.
#[component]
pub fn LoadErrorAlert(
    locale: &'static Locale,
    error: LoadError,
    /// Bumped when the visitor asks to try again.
    retries: RwSignal<u32>,
    stale: bool,
) -> impl IntoView {
    let (title, message) = if stale {
        ("stale-title", locale.stale_list(&error))
    } else {
        ("load-failed-title", locale.load_error(&error))
    };
    let retry = error.may_pass().then(|| {
        view! {
            <button type="button" class="button" on:click=move |_| retries.update(|n| *n += 1)>
                {locale.text("retry")}
            </button>
        }
    });
    view! {
        <div class="alert" class:alert--warning=stale role="alert">
            <h3 class="alert__title">{locale.text(title)}</h3>
            <p class="alert__message">{message}</p>
            <details class="alert__details">
                <summary>{locale.text("error-details")}</summary>
                <p>{error.to_string()}</p>
            </details>
            {retry}
        </div>
    }
}
