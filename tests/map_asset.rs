//! Checks the generated world map, `public/map.svg` (written by `scripts/gen-map.mjs`): every
//! member can be found on it, its geometry is sound, it fits its size budget, and it is safe to
//! insert inline under the page's strict Content Security Policy.

use std::collections::BTreeSet;
use std::io::Write;

use serde_json::Value;

const MAP: &str = include_str!("../public/map.svg");
const MEMBERS: &str = include_str!("../public/members.json");

const BROTLI_BUDGET: usize = 60_000;

fn member_codes() -> Vec<String> {
    let json: Value = serde_json::from_str(MEMBERS).expect("members.json is valid JSON");
    json["members"]
        .as_array()
        .expect("members is an array")
        .iter()
        .map(|m| m["code"].as_str().expect("member has a code").to_string())
        .collect()
}

/// Every start tag `<name ...>` in the map, as its full text from `<` to `>`.
fn tags(name: &str) -> Vec<&'static str> {
    let open = format!("<{name}");
    MAP.match_indices(open.as_str())
        .map(|(i, _)| &MAP[i..])
        // `<path` must not match `<pathology`: the name ends at whitespace, `/` or `>`.
        .filter(|rest| {
            rest[open.len()..].starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>')
        })
        .map(|rest| &rest[..=rest.find('>').expect("tag is closed")])
        .collect()
}

/// The value of `name="..."` in a tag, if present.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"').expect("attribute value is closed");
    Some(&tag[start..start + len])
}

fn codes_on(element: &str) -> BTreeSet<String> {
    tags(element)
        .into_iter()
        .filter_map(|t| attr(t, "data-code"))
        .map(str::to_string)
        .collect()
}

fn brotli_size(data: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        // buffer size, quality 11, lgwin 22
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(data).unwrap();
        writer.flush().unwrap();
    }
    out.len()
}

#[test]
fn every_member_has_a_shape_or_a_dot() {
    let shapes = codes_on("path");
    let dots = codes_on("circle");
    let missing: Vec<String> = member_codes()
        .into_iter()
        .filter(|c| !shapes.contains(c) && !dots.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "members missing from the map: {missing:?}"
    );
}

#[test]
fn no_path_is_empty_or_has_nan() {
    let mut paths = 0;
    for tag in tags("path") {
        paths += 1;
        let d = attr(tag, "d").unwrap_or_else(|| panic!("path without d: {tag}"));
        assert!(!d.trim().is_empty(), "empty d: {tag}");
        for bad in ["NaN", "Infinity", "undefined"] {
            assert!(!d.contains(bad), "{bad} in {}", &tag[..tag.len().min(60)]);
        }
    }
    assert!(paths > 150, "only {paths} paths");

    let mut circles = 0;
    for tag in tags("circle") {
        circles += 1;
        for name in ["cx", "cy", "r"] {
            let value = attr(tag, name).unwrap_or_else(|| panic!("circle without {name}: {tag}"));
            let number: f64 = value
                .parse()
                .unwrap_or_else(|_| panic!("bad {name}: {tag}"));
            assert!(number.is_finite(), "{name} not finite: {tag}");
        }
    }
    assert!(circles > 0, "no dots");
}

#[test]
fn map_fits_the_brotli_budget() {
    let size = brotli_size(MAP.as_bytes());
    println!(
        "map.svg: {} bytes raw, {size} bytes brotli (quality 11, lgwin 22)",
        MAP.len()
    );
    assert!(
        size <= BROTLI_BUDGET,
        "map.svg is {size} bytes brotli, budget {BROTLI_BUDGET}"
    );
}

#[test]
fn map_is_safe_to_insert_under_a_strict_csp() {
    let lower = MAP.to_ascii_lowercase();
    for bad in [
        "<script",
        "<style",
        "style=",
        "href",
        "<foreignobject",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "map.svg contains {bad:?}");
    }
    // Inline event handlers: any attribute named on… (onload=, onclick=, …).
    for (i, _) in lower.match_indices(" on") {
        let name: String = lower[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let after = &lower[i + 1 + name.len()..];
        assert!(
            !after.trim_start().starts_with('='),
            "event handler attribute {name:?} in map.svg"
        );
    }
}

#[test]
fn map_uses_an_equal_area_projection_viewbox() {
    let svg = *tags("svg").first().expect("an <svg> root");
    let view_box = attr(svg, "viewBox").expect("viewBox on the root");
    let rest = view_box
        .strip_prefix("0 0 1000 ")
        .unwrap_or_else(|| panic!("viewBox {view_box:?}"));
    let height: f64 = rest.parse().expect("numeric height");
    assert!(
        (400.0..=560.0).contains(&height),
        "height {height} is not an Equal Earth world"
    );
    assert!(
        attr(svg, "width").is_none() && attr(svg, "height").is_none(),
        "root has a fixed size"
    );
}

#[test]
fn kosovo_is_on_the_map() {
    assert!(MAP.contains("data-code=\"XK\""));
}
