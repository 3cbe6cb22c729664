//! What the world map asset may bring into the page. The map is our own file, but once inserted
//! nothing in it may run, load anything or restyle the page: these are stripped first.

/// Elements that could run code, load a resource, link away or restyle the page.
pub const ACTIVE_ELEMENTS: &str = "script, style, foreignObject, a, image, use";

/// True for attributes that could run code (event handlers) or restyle (inline styles).
pub fn is_active_attribute(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("on") || name == "style"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_handlers_and_styles_are_active_in_any_case() {
        for name in [
            "onload",
            "onclick",
            "ONMOUSEOVER",
            "onBegin",
            "style",
            "STYLE",
        ] {
            assert!(is_active_attribute(name), "{name}");
        }
    }

    #[test]
    fn shape_attributes_are_kept() {
        for name in [
            "d",
            "cx",
            "r",
            "fill",
            "class",
            "data-code",
            "aria-hidden",
            "transform",
        ] {
            assert!(!is_active_attribute(name), "{name}");
        }
    }

    #[test]
    fn every_active_element_kind_is_stripped() {
        let stripped: Vec<&str> = ACTIVE_ELEMENTS.split(", ").collect();
        for tag in ["script", "style", "foreignObject", "a", "image", "use"] {
            assert!(stripped.contains(&tag), "{tag}");
        }
    }
}
