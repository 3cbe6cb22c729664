//! The list taken away: the members shown (or all of them) saved as CSV or JSON, made in the
//! browser, and the address of the view copied to the clipboard.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::host;
use crate::directory::export::{self, Columns, Row};
use crate::directory::Member;
use crate::views::DirectoryModel;

/// How long a saved file's address stays valid: engines may read it after the click returns.
const FILE_URL_LIFETIME: Duration = Duration::from_secs(60);

/// Answers the take-away buttons (`data-export="view csv"`, `data-share`) of one directory, and
/// tells the host page of a card chosen in the list (one click listener for both: each costs
/// wasm). `address` gives the address of the view on screen, where it has one to share.
pub fn follow(model: DirectoryModel, address: impl Fn() -> Option<String> + 'static) {
    let handle = window_event_listener(ev::click, move |event| {
        // The path, not the target: inside an inline embed's shadow root the target seen from
        // the window is the partner's placeholder.
        let Some(clicked) = event
            .composed_path()
            .iter()
            .filter_map(|t| t.dyn_into::<web_sys::Element>().ok())
            .find(|e| {
                e.has_attribute("data-export")
                    || e.has_attribute("data-share")
                    || e.class_list().contains("member")
            })
        else {
            return;
        };
        let Some(body) = model.body_ref.get_untracked() else {
            return;
        };
        if !body.contains(Some(&clicked)) {
            return;
        }
        match clicked.get_attribute("data-export") {
            Some(what) => save_list(model, &body, &what),
            None if !clicked.has_attribute("data-share") => host::selected(&clicked),
            None => {
                if let Some(address) = address() {
                    spawn_local(copy_link(model, clicked, address));
                }
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// The view changed: "Link copied." and a link offered in the field speak of the previous one.
pub fn view_changed(list: &web_sys::Element) {
    let Some(body) = list.parent_element() else {
        return;
    };
    if let Ok(Some(status)) = body.query_selector(".take-away__status") {
        status.set_text_content(None);
    }
    if let Ok(Some(fallback)) = body.query_selector(".take-away__fallback") {
        let _ = fallback.toggle_attribute_with_force("hidden", true);
    }
}

/// `what` is "view" or "all", then "csv" or "json".
fn save_list(model: DirectoryModel, body: &web_sys::HtmlDivElement, what: &str) {
    let Some(directory) = model.directory.get_untracked() else {
        return;
    };
    let locale = model.locale.get_untracked();
    let query = model.query.get_untracked();
    let whole = what.starts_with("all");
    let members: Vec<&Member> = if whole {
        directory.members().iter().collect()
    } else {
        directory.filter(&query).collect()
    };
    let rows: Vec<Row> = members
        .into_iter()
        .map(|member| Row {
            member,
            region: locale.region(member.region),
        })
        .collect();
    let (text, kind, extension) = if what.ends_with("json") {
        (export::json(&rows), "application/json", "json")
    } else {
        let columns = Columns {
            name: locale.text("column-name"),
            code: locale.text("column-code"),
            region: locale.text("column-region"),
            area: locale.text("column-area"),
        };
        (
            export::csv(&columns, &rows),
            "text/csv;charset=utf-8",
            "csv",
        )
    };
    let (region, search) = if whole {
        (None, "")
    } else {
        (query.region, query.text.as_str())
    };
    let name = export::file_name(region, search, &today(), extension);
    save(body, &text, kind, &name);
}

/// Today's date in the visitor's time zone, as 2026-11-28.
fn today() -> String {
    let now = js_sys::Date::new_0();
    let mut date = now.get_full_year().to_string();
    for part in [now.get_month() + 1, now.get_date()] {
        date.push_str(if part < 10 { "-0" } else { "-" });
        date.push_str(&part.to_string());
    }
    date
}

/// Offers `text` as a file named `name`, through a link the page clicks (in the document:
/// some engines ignore clicks on links outside it).
fn save(parent: &web_sys::Element, text: &str, kind: &str, name: &str) -> Option<()> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = parent
        .owner_document()?
        .create_element("a")
        .ok()?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    parent.append_child(&link).ok()?;
    link.click();
    link.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        FILE_URL_LIFETIME,
    );
    Some(())
}

/// Copies `address` and says so in the button's live region; where the clipboard is refused
/// (or absent, outside secure pages), shows the address selected for the visitor to copy.
async fn copy_link(model: DirectoryModel, button: web_sys::Element, address: String) {
    let locale = model.locale.get_untracked();
    let Some(group) = button.parent_element() else {
        return;
    };
    let find = |selector: &str| group.query_selector(selector).ok().flatten();
    let (Some(status), Some(fallback), Some(field)) = (
        find(".take-away__status"),
        find(".take-away__fallback"),
        find("input"),
    ) else {
        return;
    };
    let clipboard: JsValue = web_sys::window()
        .map(|w| w.navigator().clipboard().into())
        .unwrap_or(JsValue::UNDEFINED);
    let copied = if clipboard.is_undefined() {
        false
    } else {
        let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
        JsFuture::from(clipboard.write_text(&address)).await.is_ok()
    };
    let field: web_sys::HtmlInputElement = field.unchecked_into();
    field.set_value(&address);
    let _ = fallback.toggle_attribute_with_force("hidden", copied);
    // Emptied first, so saying the same words again is announced again.
    status.set_text_content(None);
    let message = locale.text(if copied {
        "link-copied"
    } else {
        "copy-link-fallback"
    });
    let message = message.to_string();
    set_timeout(
        move || status.set_text_content(Some(&message)),
        Duration::from_millis(50),
    );
    if !copied {
        let _ = field.focus();
        field.select();
    }
}
