//! The one way in for data: fetches the member list and decodes it with the core, retrying
//! passing troubles and abandoning requests that stall.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen_futures::JsFuture;

use crate::directory::{retry_delay, Directory, LoadError, MAX_BODY_BYTES};

/// How long one request may take before it is abandoned.
const TIMEOUT: Duration = Duration::from_secs(10);

/// An in-flight load that can be cancelled (when the view goes away or a retry starts).
#[derive(Clone)]
pub struct Abort {
    controller: Rc<Cell<Option<web_sys::AbortController>>>,
    cancelled: Rc<Cell<bool>>,
}

impl Abort {
    pub fn abort(&self) {
        self.cancelled.set(true);
        if let Some(controller) = self.controller.take() {
            controller.abort();
        }
    }
}

/// Starts loading the directory from `url`. Returns the future and a handle that aborts it.
pub fn fetch_directory(
    url: String,
) -> (
    impl std::future::Future<Output = Result<Directory, LoadError>>,
    Abort,
) {
    let abort = Abort {
        controller: Rc::new(Cell::new(None)),
        cancelled: Rc::new(Cell::new(false)),
    };
    let handle = abort.clone();
    let future = async move {
        let mut attempt = 1;
        loop {
            let (error, retry_after) = match attempt_once(&url, &abort).await {
                Ok(directory) => return Ok(directory),
                Err(failure) => failure,
            };
            match retry_delay(&error, attempt, retry_after.as_deref()) {
                Some(delay) if !abort.cancelled.get() => sleep(delay).await,
                _ => return Err(error),
            }
            if abort.cancelled.get() {
                return Err(error);
            }
            attempt += 1;
        }
    };
    (future, handle)
}

/// One request with its own timeout. On failure, also returns the `Retry-After` header.
async fn attempt_once(url: &str, abort: &Abort) -> Result<Directory, (LoadError, Option<String>)> {
    let controller = web_sys::AbortController::new().map_err(|_| (LoadError::Network, None))?;
    let signal = controller.signal();
    abort.controller.set(Some(controller.clone()));
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
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
    let result = load(url, &signal).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|(error, retry_after)| match error {
        LoadError::Network if timed_out.get() => (LoadError::TimedOut, None),
        other => (other, retry_after),
    })
}

async fn load(
    url: &str,
    signal: &web_sys::AbortSignal,
) -> Result<Directory, (LoadError, Option<String>)> {
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|_| (LoadError::Network, None))?;
    if !response.ok() {
        return Err((
            LoadError::Http(response.status()),
            response.headers().get("retry-after"),
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return Err((LoadError::TooLarge, None));
    }
    let body = response
        .text()
        .await
        .map_err(|_| (LoadError::Network, None))?;
    Directory::parse(&body).map_err(|error| (error, None))
}

/// Waits without blocking the page.
pub async fn sleep(delay: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = set_timeout_with_handle(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            delay,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// Fetches a small same-origin text asset (a language file, the map) with a timeout and a size
/// cap. Any failure is `None`: these assets improve the page but the page works without them.
pub async fn fetch_text(url: &str, max_bytes: usize) -> Option<String> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let timer = set_timeout_with_handle(move || controller.abort(), TIMEOUT).ok();
    let result = async {
        let response = Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .ok()?;
        if !response.ok() {
            return None;
        }
        let body = response.text().await.ok()?;
        (body.len() <= max_bytes).then_some(body)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}
