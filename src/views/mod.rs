//! The markup, written once. Every element of the page text and the directory comes from these
//! components: the build step renders them to HTML natively (`ssr`), and the browser takes that
//! HTML over (`hydrate`) or, where there is none (inline embeds), renders them itself.
//!
//! Views only render from a [`DirectoryModel`] and write the visitor's choices back into it;
//! what the browser does with those choices (fetching, the URL, the map) lives in `app`.

mod directory;
mod load_error;
mod member_list;
mod page_text;
mod region_filter;
mod search_box;
mod take_away;
mod world_map;

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

pub use directory::DirectoryView;
pub use page_text::PageTextView;
pub use world_map::MapState;

use crate::directory::{Directory, LoadError, Query};
use crate::embed::Controls;
use crate::i18n::Locale;

/// The attribute of the `<script type="application/json">` block in which the build leaves its
/// member list beside the markup, so the browser can take the markup over without a request.
pub const DATA_ATTR: &str = "data-directory-data";

/// What a directory shows, fixed for an instance's lifetime: which controls, whether the map
/// has a place, and the prefix that keeps its element ids unique on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub controls: Controls,
    /// The partner's fixed region, when the visitor cannot choose one.
    pub region: Option<crate::directory::Region>,
    pub map: bool,
    /// Visitors may download the list (unless a partner turned it off).
    pub download: bool,
    /// The directory has an address of its own to share (it keeps its view in the page URL).
    pub share: bool,
    pub id_prefix: String,
}

/// The reactive state one directory renders from. The browser side writes data, language and
/// load state into it; the views write the visitor's region and search text.
#[derive(Clone, Copy)]
pub struct DirectoryModel {
    /// The members, already in the interface language; `None` while the first load runs.
    pub directory: RwSignal<Option<Arc<Directory>>>,
    pub locale: RwSignal<&'static Locale>,
    pub region: RwSignal<Option<crate::directory::Region>>,
    pub text: RwSignal<String>,
    /// The query as applied: a region the data does not have means every region.
    pub query: Memo<Query>,
    /// Why the list could not be loaded, when it could not.
    pub failure: RwSignal<Option<LoadError>>,
    /// How many members the query lets through (kept by whoever filters the list).
    pub shown: RwSignal<usize>,
    /// False until the browser runs the directory: build-time controls are inert.
    pub live: RwSignal<bool>,
    pub map_state: RwSignal<MapState>,
    /// The name of the member pointed at or focused on the map.
    pub pointed: RwSignal<Option<String>>,
    /// Bumped by the "Try again" button.
    pub retries: RwSignal<u32>,
    pub list_ref: NodeRef<html::Ul>,
    pub search_ref: NodeRef<html::Input>,
    pub body_ref: NodeRef<html::Div>,
    pub canvas_ref: NodeRef<html::Div>,
}

impl DirectoryModel {
    /// A model showing `directory` (or loading, for `None`) in `locale`, unfiltered.
    pub fn new(directory: Option<Arc<Directory>>, locale: &'static Locale) -> Self {
        let shown = directory.as_ref().map_or(0, |d| d.len());
        let directory = RwSignal::new(directory);
        let region = RwSignal::new(None);
        let text = RwSignal::new(String::new());
        let query = Memo::new(move |_| Query {
            region: directory.with(|d| match d {
                Some(d) => d.applicable(region.get()),
                None => region.get(),
            }),
            text: text.get(),
        });
        DirectoryModel {
            directory,
            locale: RwSignal::new(locale),
            region,
            text,
            query,
            failure: RwSignal::new(None),
            shown: RwSignal::new(shown),
            live: RwSignal::new(false),
            map_state: RwSignal::new(MapState::Loading),
            pointed: RwSignal::new(None),
            retries: RwSignal::new(0),
            list_ref: NodeRef::new(),
            search_ref: NodeRef::new(),
            body_ref: NodeRef::new(),
            canvas_ref: NodeRef::new(),
        }
    }

    /// Back to every member the visitor can reach: no search text and, where the visitor chooses
    /// the region (`regions`), no region; focus in the search box.
    pub fn clear(&self, regions: bool) {
        if regions {
            self.region.set(None);
        }
        self.text.set(String::new());
        if let Some(input) = self.search_ref.get_untracked() {
            let _ = input.focus();
        }
    }
}
