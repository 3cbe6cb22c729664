//! Getting a language onto the screen: loading its file once per page, collating names the
//! way readers of that language expect, and marking the document with `lang` and `dir`.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::dom::elements;
use super::fetch::fetch_text;
use crate::directory::Directory;
use crate::i18n::{Language, Locale, MAX_LOCALE_BYTES};
use crate::views::PageTextView;

thread_local! {
    /// The page's English text block as built, to put back after a translated one.
    static ENGLISH_PAGE_TEXT: RefCell<Option<web_sys::Node>> = const { RefCell::new(None) };

    /// Loaded languages by file URL. Locales are immutable and at most a few exist, so they are
    /// kept for the page's lifetime, shared by every directory on it, and found by a scan.
    static LOADED: RefCell<Vec<(String, &'static Locale)>> = const { RefCell::new(Vec::new()) };
}

/// The locale for `language`, loading `<base><tag>.json` the first time. English is compiled
/// in; a language whose file cannot be loaded falls back to English (and says so in the console).
pub async fn load_locale(base: &str, language: Language) -> &'static Locale {
    if language == Language::English {
        return Locale::english();
    }
    let url = format!("{base}{}.json", language.tag());
    let known = LOADED.with(|l| l.borrow().iter().find(|(u, _)| *u == url).map(|(_, l)| *l));
    if let Some(locale) = known {
        return locale;
    }
    let parsed = match fetch_text(&url, MAX_LOCALE_BYTES).await {
        Some(body) => Locale::parse(language, &body).map_err(|e| e.to_string()),
        None => Err("could not be fetched".to_string()),
    };
    match parsed {
        Ok(locale) => {
            let locale: &'static Locale = Box::leak(Box::new(locale));
            LOADED.with(|l| l.borrow_mut().push((url, locale)));
            locale
        }
        Err(why) => {
            web_sys::console::warn_1(
                &format!("member directory: {url}: {why}; showing English").into(),
            );
            Locale::english()
        }
    }
}

/// The directory as readers of `locale`'s language see it: local names in local order.
pub fn localise(directory: &Arc<Directory>, locale: &'static Locale) -> Arc<Directory> {
    if locale.language() == Language::English {
        return directory.clone();
    }
    let compare = collator(locale.language());
    Arc::new(directory.localised(
        |member| locale.country(&member.code).map(str::to_string),
        |area| locale.area(area).map(str::to_string),
        |a, b| compare(a, b),
    ))
}

/// The browser's collator for `language` (no collation tables in the wasm).
fn collator(language: Language) -> impl Fn(&str, &str) -> Ordering {
    let locales = js_sys::Array::of1(&JsValue::from_str(language.html_tag()));
    let collator = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new());
    let compare = collator.compare();
    move |a: &str, b: &str| {
        let order = compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        order.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
    }
}

/// Marks `element` (the directory, or the whole document) as being in `language`.
pub fn mark(element: &web_sys::Element, language: Language) {
    let _ = element.set_attribute("lang", language.html_tag());
    let _ = element.set_attribute("dir", language.dir());
}

/// Puts the page's own words marked `data-i18n="key"` (the section heading, the skip link) and
/// labels marked `data-i18n-label="key"` into `locale`'s language, and shows which language
/// link is current.
pub fn translate_page(document: &web_sys::Document, locale: &'static Locale) {
    let language = locale.language();
    if let Some(root) = document.document_element() {
        mark(&root, language);
    }
    let translation = locale.page_text();
    show_page_text(document, locale);
    // Until the alliance supplies a translation, the introduction stays in English: say so in
    // the visitor's language, and name the page in it.
    let untranslated = language != Language::English && translation.is_none();
    if let Ok(Some(notice)) = document.query_selector("[data-language-notice]") {
        let _ = notice.toggle_attribute_with_force("hidden", !untranslated);
    }
    match translation.and_then(|page| page.title.as_deref()) {
        Some(title) => document.set_title(title),
        None if untranslated => document.set_title(locale.text("page-title")),
        None => document.set_title(crate::page_text::ENGLISH.title),
    }
    for element in elements(document.query_selector_all("[data-i18n]")) {
        if let Some(key) = element.get_attribute("data-i18n") {
            element.set_text_content(Some(locale.text(&key)));
        }
    }
    for element in elements(document.query_selector_all("[data-i18n-label]")) {
        if let Some(key) = element.get_attribute("data-i18n-label") {
            let _ = element.set_attribute("aria-label", locale.text(&key));
        }
    }
    for link in elements(document.query_selector_all("a[data-lang]")) {
        if link.get_attribute("data-lang").as_deref() == Some(language.tag()) {
            let _ = link.set_attribute("aria-current", "true");
        } else {
            let _ = link.remove_attribute("aria-current");
        }
    }
}

/// Shows the alliance's official translation of the page text for `locale`'s language if there
/// is one, else the English text (marked as English, so screen readers pronounce it right).
fn show_page_text(document: &web_sys::Document, locale: &'static Locale) {
    let Ok(Some(block)) = document.query_selector(".page-text") else {
        return;
    };
    let saved = ENGLISH_PAGE_TEXT.with(|saved| saved.borrow().clone());
    let translation = locale.page_text();
    match (&saved, translation) {
        (None, None) => return,
        (None, Some(_)) => {
            if let Ok(original) = block.clone_node_with_deep(true) {
                ENGLISH_PAGE_TEXT.with(|saved| *saved.borrow_mut() = Some(original));
            }
        }
        (Some(original), _) => {
            // Start from the English text each time; a translation then rewrites it.
            if let Ok(copy) = original.clone_node_with_deep(true) {
                let children = copy.child_nodes();
                let nodes = js_sys::Array::new();
                for index in 0..children.length() {
                    if let Some(child) = children.item(index) {
                        nodes.push(&child);
                    }
                }
                block.replace_children_with_node(&nodes);
            }
        }
    }
    let Some(page) = translation else {
        mark(&block, crate::i18n::Language::English);
        return;
    };
    let Ok(block) = block.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    block.set_text_content(None);
    let page = page.clone();
    leptos::mount::mount_to(block.clone(), move || {
        view! {
            <PageTextView
                heading=page.heading
                lede=page.lede
                paragraphs=page.paragraphs
                quote=page.quote.text
                speaker=page.quote.speaker
                role=page.quote.role
            />
        }
    })
    .forget();
    mark(&block, locale.language());
}
