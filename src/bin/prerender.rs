//! Build step (a Trunk post-build hook): writes the page text and the member list into the
//! built `index.html`, builds `embed.html` and `embed-builder.html` around the same assets,
//! and writes the partner loader `embed.js` with the hashed asset names, so every page is
//! complete before WebAssembly arrives.
//!
//! Usage: prerender <source dir> <staging dir>
//! Environment: MEMBER_DIRECTORY_ALLOWED_SOURCES, space-separated data URLs (or folders ending
//! in `/`) that the embed's `data` parameter may name. Empty by default: only the built-in list.

use std::path::Path;
use std::{env, fs, process::ExitCode};

use member_directory::assets::Assets;
use member_directory::directory::Directory;
use member_directory::embed::{THEME_PROPERTIES, URL_PARAMS};
use member_directory::i18n::Locale;
use member_directory::page_text;
use member_directory::static_page::{self, escape};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let [source, staging] = args.as_slice() else {
        eprintln!("usage: prerender <source dir> <staging dir>");
        return ExitCode::FAILURE;
    };
    match run(Path::new(source), Path::new(staging)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, content: &str) -> Result<(), String> {
    fs::write(path, content).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(source: &Path, staging: &Path) -> Result<(), String> {
    let data_path = source.join("public/members.json");
    let data = read(&data_path)?;
    let directory = Directory::parse(&data).map_err(|e| format!("{}: {e}", data_path.display()))?;
    if directory.skipped() > 0 {
        return Err(format!(
            "{}: {} invalid entries",
            data_path.display(),
            directory.skipped()
        ));
    }
    let (page, strings) = (&page_text::ENGLISH, Locale::english());

    let index_path = staging.join("index.html");
    let built = read(&index_path)?;
    let assets = Assets::from_index_html(&built)?;
    let index = assets.without_inline_stylesheet(&built);
    let index = static_page::render(&index, page, strings, &data, &directory)?;
    write(&index_path, &index)?;

    let theme_properties = THEME_PROPERTIES.join(" ");
    let allowed = env::var("MEMBER_DIRECTORY_ALLOWED_SOURCES").unwrap_or_default();
    let embed = fill(
        &read(&source.join("embed.html"))?,
        &[
            ("<!-- prerender:assets -->", assets.head_tags.as_str()),
            ("prerender:allowed-sources", escape(allowed.trim()).as_str()),
            ("prerender:theme-properties", theme_properties.as_str()),
            ("prerender:view-options", URL_PARAMS.join(" ").as_str()),
        ],
    )
    .map_err(|marker| format!("embed.html: no {marker}"))?;
    let embed = static_page::render(&embed, page, strings, &data, &directory)?;
    write(&staging.join("embed.html"), &embed)?;

    let builder = fill(
        &read(&source.join("embed-builder.html"))?,
        &[(
            "<!-- prerender:stylesheet -->",
            assets.stylesheet_tag.as_str(),
        )],
    )
    .map_err(|marker| format!("embed-builder.html: no {marker}"))?;
    write(&staging.join("embed-builder.html"), &builder)?;

    let loader = fill(
        &read(&source.join("public/embed.js"))?,
        &[
            ("__MD_CSS__", assets.inline_css.as_str()),
            ("__MD_JS__", assets.js.as_str()),
            ("__MD_WASM__", assets.wasm.as_str()),
            ("__MD_THEME_PROPERTIES__", theme_properties.as_str()),
        ],
    )
    .map_err(|marker| format!("public/embed.js: no {marker}"))?;
    write(&staging.join("embed.js"), &loader)
}

/// `template` with each marker replaced, or the first marker it lacks.
fn fill<'a>(template: &str, parts: &[(&'a str, &str)]) -> Result<String, &'a str> {
    parts
        .iter()
        .try_fold(template.to_string(), |text, &(marker, value)| {
            text.contains(marker)
                .then(|| text.replace(marker, value))
                .ok_or(marker)
        })
}
