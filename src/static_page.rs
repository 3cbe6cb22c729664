//! The build step's side of the page: asks the components in `views` for their HTML and fills
//! the page templates with it, together with the member list as data, so the page reads
//! completely before (or without) WebAssembly and the browser can take it over as it is.
//! Nothing here writes markup of its own.

use std::sync::Arc;

use leptos::prelude::*;

use crate::directory::Directory;
use crate::embed::Controls;
use crate::i18n::Locale;
use crate::page_text::PageText;
use crate::views::{DirectoryModel, DirectoryView, Layout, PageTextView, DATA_ATTR};

/// Markers in `index.html` that the build replaces.
pub const TITLE_MARKER: &str = "<!-- prerender:title -->";
pub const DESCRIPTION_MARKER: &str = "prerender:description";
pub const PAGE_MARKER: &str = "<!-- prerender:page -->";
pub const DIRECTORY_MARKER: &str = "<!-- prerender:directory -->";

/// Fills every marker of `template` that it contains; fails if a marker it needs is missing.
/// `source` is the member list's JSON as read, and `directory` what it decodes to.
pub fn render(
    template: &str,
    page: &PageText,
    locale: &'static Locale,
    source: &str,
    directory: &Directory,
) -> Result<String, String> {
    let mut html = template.to_string();
    let mut replaced_any = false;
    let layout = Layout {
        controls: Controls::All,
        region: None,
        map: template.contains("data-map"),
        download: true,
        // Only a directory that keeps its view in the page URL has an address to share.
        share: !template.contains("data-url-state="),
        id_prefix: "md0".to_string(),
    };
    let parts = [
        (TITLE_MARKER, escape(page.title)),
        (DESCRIPTION_MARKER, escape(page.description)),
        (PAGE_MARKER, page_text(page)),
        (
            DIRECTORY_MARKER,
            format!(
                "{}{}",
                directory_html(directory, locale, layout),
                data_block(source)?
            ),
        ),
    ];
    for (marker, content) in parts {
        if let Some(at) = html.find(marker) {
            // Hydration walks the placeholder's children: no whitespace may surround the markup.
            let (mut start, mut end) = (at, at + marker.len());
            if marker == DIRECTORY_MARKER {
                start = html[..start].trim_end().len();
                end += html[end..].len() - html[end..].trim_start().len();
            }
            html.replace_range(start..end, &content);
            replaced_any = true;
        }
    }
    if !html.contains("data-member-directory") || !replaced_any {
        return Err("template has no prerender markers or no data-member-directory element".into());
    }
    Ok(html)
}

/// The introduction and the pull quote.
pub fn page_text(page: &PageText) -> String {
    let heading = page.heading.to_string();
    let lede = page.lede.to_string();
    let paragraphs: Vec<String> = page.paragraphs.iter().map(|p| p.to_string()).collect();
    let (quote, speaker, role) = (
        page.quote.text.to_string(),
        page.quote.speaker.to_string(),
        page.quote.role.to_string(),
    );
    to_html(move || view! { <PageTextView heading lede paragraphs quote speaker role /> })
}

/// The whole directory as the browser first shows it, unfiltered, with inert controls.
pub fn directory_html(directory: &Directory, locale: &'static Locale, layout: Layout) -> String {
    let directory = Arc::new(directory.clone());
    to_html(move || {
        let model = DirectoryModel::new(Some(directory), locale);
        view! { <DirectoryView model layout /> }
    })
}

/// The member list as a JSON data block (which no browser runs, so a strict CSP allows it).
fn data_block(source: &str) -> Result<String, String> {
    let value: serde_json::Value =
        serde_json::from_str(source).map_err(|e| format!("member list: {e}"))?;
    // `<` only occurs inside JSON strings, where `\u003c` means the same: no `</script>` ends
    // the block early.
    let json = value.to_string().replace('<', "\\u003c");
    Ok(format!(
        "<script type=\"application/json\" {DATA_ATTR}>{json}</script>"
    ))
}

fn to_html<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> String {
    Owner::new().with(|| view().to_html())
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::page_text;

    const SOURCE: &str = r#"{"version":1,"members":[
        {"name":"<b>Bold</b> & \"quoted\"","code":"BB","region":"Europe"},
        {"name":"Kenya","code":"KE","region":"Africa","subRegion":"Sub-Saharan Africa","intermediateRegion":"Eastern Africa"}
    ]}"#;

    fn directory() -> Directory {
        Directory::parse(SOURCE).unwrap()
    }

    fn layout(map: bool) -> Layout {
        Layout {
            controls: Controls::All,
            region: None,
            map,
            download: true,
            share: true,
            id_prefix: "md0".into(),
        }
    }

    fn list(map: bool) -> String {
        directory_html(&directory(), Locale::english(), layout(map))
    }

    #[test]
    fn escapes_markup_in_member_names() {
        let html = list(false);
        assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp;"), "{html}");
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn lists_every_member_with_its_code_and_area() {
        let html = list(false);
        assert!(html.contains("data-code=\"KE\""));
        assert!(html.contains("Eastern Africa"));
        assert!(html.contains("2 of 2 members"));
    }

    #[test]
    fn renders_inert_controls_with_counts_for_the_regions_present() {
        let html = list(false);
        assert!(
            html.contains("<fieldset disabled class=\"region-filter\">"),
            "{html}"
        );
        assert!(html.contains("value=\"africa\""));
        assert!(html.contains("<span class=\"chip__name\">Africa</span>"));
        assert!(
            !html.contains("value=\"asia\""),
            "no control for a region without members"
        );
        assert!(html.contains("id=\"md0-search\""));
        assert!(html.contains("autocomplete=\"off\""));
        assert!(html.contains("maxlength=\"100\""));
    }

    #[test]
    fn reserves_the_maps_frame_when_the_page_shows_a_map() {
        let with_map = list(true);
        assert!(
            with_map
                .starts_with("<div lang=\"en\" dir=\"ltr\" class=\"directory directory--map\">"),
            "{with_map}"
        );
        assert!(with_map.contains("<figure data-state=\"loading\" class=\"world-map\">"));
        assert!(with_map.contains("Natural Earth"));
        assert!(!list(false).contains("world-map"));
    }

    #[test]
    fn fills_the_template_markers_without_whitespace_around_the_directory() {
        let template = "<title><!-- prerender:title --></title><meta name=\"description\" content=\"prerender:description\">\
            <!-- prerender:page --><div data-member-directory>\n  <!-- prerender:directory -->\n</div>";
        let html = render(
            template,
            &page_text::ENGLISH,
            Locale::english(),
            SOURCE,
            &directory(),
        )
        .unwrap();
        assert!(!html.contains("prerender:"));
        assert!(html.contains("<h1>Governments taking a global stand</h1>"));
        assert!(html.contains("<blockquote>"));
        assert!(html.contains("<div data-member-directory><div lang=\"en\""));
        assert!(html.ends_with("</script></div>"));
    }

    #[test]
    fn carries_the_list_as_data_that_cannot_end_its_script_block() {
        let block = data_block(r#"{"members":[{"name":"</script><x>"}]}"#).unwrap();
        assert_eq!(block.matches("</script>").count(), 1);
        let json = &block[block.find('>').unwrap() + 1..block.rfind('<').unwrap()];
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["members"][0]["name"], "</script><x>");
    }

    #[test]
    fn refuses_a_template_without_markers() {
        assert!(render(
            "<p>hi</p>",
            &page_text::ENGLISH,
            Locale::english(),
            SOURCE,
            &directory()
        )
        .is_err());
    }
}
