//! The one way in for data: fetches the member list and decodes it with the core.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;

use crate::directory::{Directory, LoadError, MAX_BODY_BYTES};

/// How long a request may take before it is abandoned.
const TIMEOUT: Duration = Duration::from_secs(10);

/// An in-flight request that can be cancelled (when the view goes away or a retry starts).
#[derive(Clone)]
pub struct Abort(web_sys::AbortController);

impl Abort {
    pub fn abort(&self) {
        self.0.abort();
    }
}

/// Starts fetching the directory from `url`. Returns the future and a handle that aborts it.
pub fn fetch_directory(
    url: String,
) -> Option<(
    impl std::future::Future<Output = Result<Directory, LoadError>>,
    Abort,
)> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            TIMEOUT,
        )
        .ok()
    };
    let future = async move {
        let result = load(&url, &signal).await;
        if let Some(timer) = timer {
            timer.clear();
        }
        match result {
            Err(LoadError::Network) if timed_out.get() => Err(LoadError::TimedOut),
            other => other,
        }
    };
    Some((future, Abort(controller)))
}

async fn load(url: &str, signal: &web_sys::AbortSignal) -> Result<Directory, LoadError> {
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return Err(LoadError::TooLarge);
    }
    let body = response.text().await.map_err(|_| LoadError::Network)?;
    Directory::parse(&body)
}
