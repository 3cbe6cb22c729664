//! Finds the hashed asset references Trunk wrote into `index.html`, so the build step can give
//! the embed page and the partner loader the very same files.

/// The app's built assets, as referenced from `index.html`.
#[derive(Debug, PartialEq, Eq)]
pub struct Assets {
    /// The stylesheet's file name, e.g. `./main-1a2b.css`.
    pub css: String,
    /// The wasm-bindgen JS module.
    pub js: String,
    /// The WebAssembly module.
    pub wasm: String,
    /// The stylesheet link and the boot script (which carries the code's integrity hashes), to
    /// copy into another page's `<head>`.
    pub head_tags: String,
}

impl Assets {
    /// Reads the assets from a built `index.html`.
    pub fn from_index_html(html: &str) -> Result<Assets, String> {
        let stylesheet = find_tag(html, "<link rel=\"stylesheet\"").ok_or("no stylesheet link")?;
        let boot = find_tag(html, "<script type=\"module\"").ok_or("no boot script")?;
        if attribute(boot, "data-wasm-integrity").is_none() {
            return Err(
                "boot script without the code's integrity hashes (scripts/defer-app.mjs)".into(),
            );
        }
        Ok(Assets {
            css: attribute(stylesheet, "href").ok_or("stylesheet without href")?,
            js: attribute(boot, "data-js").ok_or("boot script without data-js")?,
            wasm: attribute(boot, "data-wasm").ok_or("boot script without data-wasm")?,
            head_tags: format!("{stylesheet}\n  {boot}</script>"),
        })
    }
}

/// The tag starting with `prefix`, up to and including its closing `>`.
fn find_tag<'a>(html: &'a str, prefix: &str) -> Option<&'a str> {
    let start = html.find(prefix)?;
    let end = html[start..].find('>')?;
    Some(&html[start..=start + end])
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(tag[start..start + end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT: &str = r#"<head>
  <link rel="stylesheet" href="./main-e717.css" integrity="sha384-abc"/>
  <script type="module" src="./boot.js" data-js="./app-6cac.js" data-wasm="./app-6cac_bg.wasm" data-js-integrity="sha384-j" data-wasm-integrity="sha384-H"></script>
  <link rel="icon" href="data:,"></head>"#;

    #[test]
    fn finds_the_hashed_files_and_their_tags() {
        let assets = Assets::from_index_html(BUILT).unwrap();
        assert_eq!(assets.css, "./main-e717.css");
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
