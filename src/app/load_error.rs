use leptos::prelude::*;

use crate::directory::LoadError;
use crate::messages::Messages;

/// The load failure, in plain words, with a way to try again.
#[component]
pub fn LoadErrorAlert(
    messages: &'static Messages,
    error: LoadError,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <h3 class="alert__title">{messages.load_failed_title}</h3>
            <p class="alert__message">{messages.load_error(&error)}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>
                {messages.retry}
            </button>
        </div>
    }
}
