//! Renders the page text and the full member list to HTML at build time, so the page reads
//! completely before (or without) WebAssembly. The markup matches what the app renders, so the
//! app can take over without anything moving.

use crate::directory::{Directory, Member};
use crate::i18n::Locale;
use crate::page_text::PageText;

/// Markers in `index.html` that the build replaces.
pub const TITLE_MARKER: &str = "<!-- prerender:title -->";
pub const DESCRIPTION_MARKER: &str = "prerender:description";
pub const PAGE_MARKER: &str = "<!-- prerender:page -->";
pub const DIRECTORY_MARKER: &str = "<!-- prerender:directory -->";

/// Fills every marker of `template` that it contains; fails if a marker it needs is missing.
pub fn render(
    template: &str,
    page: &PageText,
    locale: &Locale,
    directory: &Directory,
) -> Result<String, String> {
    let mut html = template.to_string();
    let mut replaced_any = false;
    let parts = [
        (TITLE_MARKER, escape(page.title)),
        (DESCRIPTION_MARKER, escape(page.description)),
        (PAGE_MARKER, page_text(page)),
        (
            DIRECTORY_MARKER,
            member_list(directory, locale, template.contains("data-map")),
        ),
    ];
    for (marker, content) in parts {
        if html.contains(marker) {
            html = html.replace(marker, &content);
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
    let mut html = String::new();
    html.push_str("<div class=\"hero\"><div class=\"wrap\">");
    html.push_str(&format!("<h1>{}</h1>", escape(page.heading)));
    html.push_str(&format!("<p class=\"lede\">{}</p>", escape(page.lede)));
    html.push_str("</div></div><div class=\"wrap prose\">");
    for paragraph in page.paragraphs {
        html.push_str(&format!("<p>{}</p>", escape(paragraph)));
    }
    html.push_str(&format!(
        "<figure class=\"pull-quote\"><blockquote><p>{}</p></blockquote>\
         <figcaption><span class=\"pull-quote__speaker\">{}</span>, \
         <span class=\"pull-quote__role\">{}</span></figcaption></figure></div>",
        escape(page.quote.text),
        escape(page.quote.speaker),
        escape(page.quote.role),
    ));
    html
}

/// The whole directory as the app first shows it: the same markup the app renders, so it can
/// take over without anything moving. Controls are inert (`disabled`) until the app starts;
/// without WebAssembly they stay inert and the full list stays readable.
/// With `with_map`, also the map's frame, sized as the map will be, for the app to fill in.
pub fn member_list(directory: &Directory, locale: &Locale, with_map: bool) -> String {
    let prefix = "md0";
    let mut html = String::from(if with_map {
        "<div class=\"directory directory--map\"><div class=\"directory__controls\">"
    } else {
        "<div class=\"directory\"><div class=\"directory__controls\">"
    });
    html.push_str(&format!(
        "<fieldset class=\"region-filter\" disabled><legend class=\"region-filter__legend\">{}</legend>\
         <div class=\"region-filter__options\">",
        escape(locale.text("region-legend"))
    ));
    let choices = std::iter::once((
        "all",
        locale.text("all-regions").to_string(),
        directory.len(),
    ))
    .chain(
        directory
            .regions()
            .into_iter()
            .map(|(r, n)| (r.slug(), locale.region(r), n)),
    );
    for (slug, label, count) in choices {
        let (checked, swatch) = if slug == "all" {
            (" checked", String::new())
        } else {
            (
                "",
                format!(
                    "<span class=\"swatch\" data-region=\"{slug}\" aria-hidden=\"true\"></span>"
                ),
            )
        };
        html.push_str(&format!(
            "<label class=\"chip\"><input class=\"chip__input\" type=\"radio\" name=\"{prefix}-region\" \
             value=\"{slug}\"{checked}><span class=\"chip__face\">{swatch}<span class=\"chip__name\">{}</span> \
             <span class=\"chip__count\">{count}</span></span></label>",
            escape(&label)
        ));
    }
    html.push_str(&format!(
        "</div></fieldset><div class=\"search\"><label class=\"search__label\" for=\"{prefix}-search\">{}</label>\
         <p class=\"search__hint\" id=\"{prefix}-search-hint\">{}</p><input class=\"search__input\" \
         type=\"search\" id=\"{prefix}-search\" aria-describedby=\"{prefix}-search-hint\" disabled></div></div>",
        escape(locale.text("search-label")),
        escape(locale.text("search-hint"))
    ));
    if with_map {
        html.push_str(&map_frame(locale));
    }
    html.push_str(&format!(
        "<p class=\"directory__status\" role=\"status\">{}</p><div class=\"directory__body\">\
         <ul class=\"member-list\" aria-label=\"{}\">",
        escape(&locale.shown(directory.len(), directory.len())),
        escape(locale.text("list-label")),
    ));
    for member in directory.members() {
        html.push_str(&member_item(member));
    }
    html.push_str("</ul></div></div>");
    html
}

/// The map's figure before the map arrives: the app's `WorldMap` renders the same markup.
fn map_frame(locale: &Locale) -> String {
    format!(
        "<figure class=\"world-map\" data-state=\"loading\"><div class=\"world-map__canvas\"></div>\
         <p class=\"world-map__name\" aria-hidden=\"true\" hidden></p>\
         <figcaption class=\"world-map__caption\"><span class=\"world-map__title\">{}</span> \
         <span class=\"world-map__hint\">{}</span> <span class=\"world-map__credit\">{}</span>\
         </figcaption></figure>",
        escape(locale.text("map-title")),
        escape(locale.text("map-hint")),
        escape(locale.text("map-credit")),
    )
}

fn member_item(member: &Member) -> String {
    let area = member
        .area
        .as_deref()
        .map(|area| format!("<span class=\"member__area\">{}</span>", escape(area)))
        .unwrap_or_default();
    format!(
        "<li class=\"member\" data-code=\"{}\" data-region=\"{}\"><span class=\"member__name\" dir=\"auto\">{}</span>{area}</li>",
        escape(&member.code),
        member.region.slug(),
        escape(&member.name),
    )
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

    fn directory() -> Directory {
        Directory::parse(
            r#"{"version":1,"members":[
                {"name":"<b>Bold</b> & \"quoted\"","code":"BB","region":"Europe"},
                {"name":"Kenya","code":"KE","region":"Africa","subRegion":"Sub-Saharan Africa","intermediateRegion":"Eastern Africa"}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn escapes_markup_in_member_names() {
        let html = member_list(&directory(), Locale::english(), false);
        assert!(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn lists_every_member_with_its_code_and_area() {
        let html = member_list(&directory(), Locale::english(), false);
        assert!(html.contains("data-code=\"KE\""));
        assert!(html.contains("Eastern Africa"));
        assert!(html.contains("2 of 2 members"));
    }

    #[test]
    fn renders_inert_controls_with_counts_for_the_regions_present() {
        let html = member_list(&directory(), Locale::english(), false);
        assert!(html.contains("<fieldset class=\"region-filter\" disabled>"));
        assert!(html.contains("value=\"africa\"><span class=\"chip__face\"><span class=\"swatch\" data-region=\"africa\" aria-hidden=\"true\"></span><span class=\"chip__name\">Africa</span> <span class=\"chip__count\">1</span>"));
        assert!(
            !html.contains("value=\"asia\""),
            "no control for a region without members"
        );
        assert!(html.contains(
            "type=\"search\" id=\"md0-search\" aria-describedby=\"md0-search-hint\" disabled"
        ));
    }

    #[test]
    fn reserves_the_maps_frame_when_the_page_shows_a_map() {
        let with_map = member_list(&directory(), Locale::english(), true);
        assert!(with_map.starts_with("<div class=\"directory directory--map\">"));
        assert!(with_map.contains("<figure class=\"world-map\" data-state=\"loading\">"));
        assert!(with_map.contains("Natural Earth"));
        let without = member_list(&directory(), Locale::english(), false);
        assert!(!without.contains("world-map"));
    }

    #[test]
    fn fills_the_template_markers() {
        let template = "<title><!-- prerender:title --></title><meta name=\"description\" content=\"prerender:description\">\
            <!-- prerender:page --><div data-member-directory><!-- prerender:directory --></div>";
        let html = render(
            template,
            &page_text::ENGLISH,
            Locale::english(),
            &directory(),
        )
        .unwrap();
        assert!(!html.contains("prerender:"));
        assert!(html.contains("<h1>Governments taking a global stand</h1>"));
        assert!(html.contains("<blockquote>"));
    }

    #[test]
    fn refuses_a_template_without_markers() {
        assert!(render(
            "<p>hi</p>",
            &page_text::ENGLISH,
            Locale::english(),
            &directory()
        )
        .is_err());
    }
}
