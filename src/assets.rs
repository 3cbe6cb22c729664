//! Finds the hashed asset references Trunk wrote into `index.html`, so the build step can give
//! the embed page and the partner loader the very same files.

/// Marks, in `index.html`, the stylesheet for inline embeds' shadow roots: the directory without
/// the page chrome. Trunk hashes it and writes its link like the page's own; the build step hands
/// its name to `embed.js` and takes the link out of the page, whose stylesheet has those rules.
pub const INLINE_STYLESHEET_ATTR: &str = "data-inline-embed";

/// The app's built assets, as referenced from `index.html`.
#[derive(Debug, PartialEq, Eq)]
pub struct Assets {
    /// The inline embeds' stylesheet file name, e.g. `./directory-1a2b.css`.
    pub inline_css: String,
    /// The wasm-bindgen JS module.
    pub js: String,
    /// The WebAssembly module.
    pub wasm: String,
    /// The page's stylesheet link and the boot script (which carries the code's integrity
    /// hashes), to copy into another page's `<head>`.
    pub head_tags: String,
    /// The page's stylesheet link alone, for pages without the app (the embed builder).
    pub stylesheet_tag: String,
    /// The inline embeds' stylesheet link, as Trunk wrote it into the page.
    inline_css_tag: String,
}

impl Assets {
    /// Reads the assets from a built `index.html`.
    pub fn from_index_html(html: &str) -> Result<Assets, String> {
        let (inline, page): (Vec<&str>, Vec<&str>) = find_tags(html, "<link rel=\"stylesheet\"")
            .partition(|tag| has_attribute(tag, INLINE_STYLESHEET_ATTR));
        let [stylesheet] = page[..] else {
            return Err(format!("{} page stylesheet links, not one", page.len()));
        };
        let [inline] = inline[..] else {
            return Err(format!(
                "{} stylesheet links with {INLINE_STYLESHEET_ATTR}, not one",
                inline.len()
            ));
        };
        let boot = find_tags(html, "<script type=\"module\"")
            .next()
            .ok_or("no boot script")?;
        if attribute(boot, "data-wasm-integrity").is_none() {
            return Err(
                "boot script without the code's integrity hashes (scripts/defer-app.mjs)".into(),
            );
        }
        Ok(Assets {
            inline_css: attribute(inline, "href").ok_or("inline stylesheet without href")?,
            js: attribute(boot, "data-js").ok_or("boot script without data-js")?,
            wasm: attribute(boot, "data-wasm").ok_or("boot script without data-wasm")?,
            head_tags: format!("{stylesheet}\n  {boot}</script>"),
            stylesheet_tag: stylesheet.to_string(),
            inline_css_tag: inline.to_string(),
        })
    }

    /// `html` without the inline embeds' stylesheet link and the line it stood on.
    pub fn without_inline_stylesheet(&self, html: &str) -> String {
        let Some(at) = html.find(&self.inline_css_tag) else {
            return html.to_string();
        };
        let start = html[..at].trim_end_matches([' ', '\t']).len();
        let start = start - usize::from(html[..start].ends_with('\n'));
        format!(
            "{}{}",
            &html[..start],
            &html[at + self.inline_css_tag.len()..]
        )
    }
}

/// Each tag starting with `prefix`, up to and including its closing `>`.
fn find_tags<'a>(html: &'a str, prefix: &'a str) -> impl Iterator<Item = &'a str> {
    html.match_indices(prefix).filter_map(|(start, _)| {
        let end = html[start..].find('>')?;
        Some(&html[start..=start + end])
    })
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(tag[start..start + end].to_string())
}

fn has_attribute(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .any(|part| part.split('=').next() == Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT: &str = r#"<head>
  <link rel="stylesheet" href="./main-e717.css" integrity="sha384-abc"/>
  <link rel="stylesheet" href="./directory-4f0c.css" data-inline-embed integrity="sha384-def"/>
  <script type="module" src="./boot.js" data-js="./app-6cac.js" data-wasm="./app-6cac_bg.wasm" data-js-integrity="sha384-j" data-wasm-integrity="sha384-H"></script>
  <link rel="icon" href="data:,"></head>"#;

    #[test]
    fn finds_the_hashed_files_and_their_tags() {
        let assets = Assets::from_index_html(BUILT).unwrap();
        assert_eq!(assets.inline_css, "./directory-4f0c.css");
        assert_eq!(assets.js, "./app-6cac.js");
        assert_eq!(assets.wasm, "./app-6cac_bg.wasm");
        assert!(assets.head_tags.contains("integrity=\"sha384-abc\""));
        assert!(assets
            .head_tags
            .contains("data-wasm-integrity=\"sha384-H\"></script>"));
        assert!(
            !assets.head_tags.contains("icon"),
            "the page's own tags stay behind"
        );
        assert!(
            !assets.head_tags.contains("directory-4f0c.css"),
            "pages load the page stylesheet only"
        );
    }

    #[test]
    fn the_page_keeps_its_own_stylesheet_and_loses_the_inline_embeds_one() {
        let assets = Assets::from_index_html(BUILT).unwrap();
        let page = assets.without_inline_stylesheet(BUILT);
        assert_eq!(
            page,
            BUILT.replace(
                "\n  <link rel=\"stylesheet\" href=\"./directory-4f0c.css\" data-inline-embed integrity=\"sha384-def\"/>",
                ""
            )
        );
        assert!(page.contains("main-e717.css"));
    }

    #[test]
    fn refuses_a_page_without_the_inline_embeds_stylesheet() {
        let without = BUILT.replace(" data-inline-embed", "");
        assert!(Assets::from_index_html(&without).is_err());
    }

    #[test]
    fn refuses_a_boot_script_without_integrity_hashes() {
        let unchecked = BUILT.replace(
            " data-js-integrity=\"sha384-j\" data-wasm-integrity=\"sha384-H\"",
            "",
        );
        assert!(Assets::from_index_html(&unchecked).is_err());
    }

    #[test]
    fn refuses_a_page_without_the_app() {
        assert!(Assets::from_index_html("<head></head>").is_err());
    }
}
