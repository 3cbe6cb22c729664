//! What the world map asset may bring into the page. The map is our own file, but once inserted
//! nothing in it may run, load anything or restyle the page: these are stripped first.

/// Elements that could run code, load a resource, link away or restyle the page.
pub const ACTIVE_ELEMENTS: &str = "script, style, foreignObject, a, image, use";

/// True for attributes that could run code (event handlers) or restyle (inline styles).
pub fn is_active_attribute(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("on") || name == "style"
}

/// The grid the name of the country pointed at is placed on (`world-map.css` has one rule per
/// column and row): near the country without positioning it by inline style, which a strict
/// Content-Security-Policy forbids.
pub const LABEL_COLUMNS: u8 = 10;
pub const LABEL_ROWS: u8 = 12;

/// The label cell for a shape whose horizontal centre and top edge lie at `centre_x` and `top`,
/// as fractions of the map's width and height (outside 0..1 for shapes partly off the map).
pub fn label_cell(centre_x: f64, top: f64) -> (u8, u8) {
    let cell = |fraction: f64, cells: u8| {
        let max = f64::from(cells - 1);
        // `as` saturates NaN to 0; the clamp keeps shapes off the edge on the grid.
        ((fraction * f64::from(cells)).floor().clamp(0.0, max)) as u8
    };
    (cell(centre_x, LABEL_COLUMNS), cell(top, LABEL_ROWS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_goes_in_the_cell_of_its_country_and_never_off_the_grid() {
        assert_eq!(label_cell(0.0, 0.0), (0, 0));
        assert_eq!(label_cell(0.52, 0.05), (5, 0));
        assert_eq!(label_cell(0.55, 0.5), (5, 6));
        assert_eq!(
            label_cell(0.999, 0.999),
            (LABEL_COLUMNS - 1, LABEL_ROWS - 1)
        );
        assert_eq!(label_cell(1.4, -0.3), (LABEL_COLUMNS - 1, 0));
        assert_eq!(label_cell(f64::NAN, f64::INFINITY), (0, LABEL_ROWS - 1));
    }

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
