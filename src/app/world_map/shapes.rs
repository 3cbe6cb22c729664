//! The inserted map's shapes: who is a member, what the query lets through, and the one shape
//! in the tab order.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

use crate::app::dom::elements;
use crate::directory::{Directory, Query};
use crate::i18n::Locale;
use crate::lookup::Lookup;

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";
use crate::roving_focus::{tab_stop, Step};

/// One member on the map: its shapes, the one that takes focus, and whether the query lets it
/// through (as last shown, so a filter change touches only the members that change).
struct MemberShapes {
    code: String,
    /// Its place in the directory's list.
    index: usize,
    shapes: Vec<web_sys::Element>,
    target: web_sys::Element,
    name: String,
    fits: Cell<Option<bool>>,
}

/// The inserted map's shapes by country code, and the members among them in list order.
pub(super) struct MapShapes {
    svg: web_sys::Element,
    by_code: Lookup<Vec<web_sys::Element>>,
    /// Where the member pointed at or focused is drawn again, on top, ringed.
    ring: Option<web_sys::Element>,
    members: RefCell<Vec<MemberShapes>>,
    /// The one member shape in the tab order.
    tab_stop: RefCell<Option<String>>,
}

impl MapShapes {
    pub(super) fn index(svg: web_sys::Element) -> MapShapes {
        let mut by_code: Vec<(String, Vec<web_sys::Element>)> = Vec::new();
        for element in elements(svg.query_selector_all("[data-code]")) {
            if let Some(code) = element.get_attribute("data-code") {
                match by_code.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, shapes)) => shapes.push(element),
                    None => by_code.push((code, vec![element])),
                }
            }
        }
        let ring = svg
            .owner_document()
            .and_then(|d| d.create_element_ns(Some(SVG_NAMESPACE), "g").ok());
        if let Some(ring) = &ring {
            let _ = ring.set_attribute("class", "world-map__ring");
            let _ = ring.set_attribute("aria-hidden", "true");
            let _ = svg.append_child(ring);
        }
        MapShapes {
            svg,
            ring,
            by_code: by_code.into_iter().collect(),
            members: RefCell::new(Vec::new()),
            tab_stop: RefCell::new(None),
        }
    }

    /// Marks who is a member, with its region and name, in list order.
    pub(super) fn mark_members(&self, directory: &Directory, locale: &Locale, summary_id: &str) {
        for old in self.members.borrow().iter() {
            for shape in &old.shapes {
                for name in [
                    "data-member",
                    "data-region",
                    "data-target",
                    "data-match",
                    "role",
                    "aria-label",
                    "tabindex",
                ] {
                    let _ = shape.remove_attribute(name);
                }
            }
        }
        let mut members = Vec::new();
        for (index, member) in directory.members().iter().enumerate() {
            let Some(shapes) = self.by_code.get(&member.code) else {
                continue;
            };
            // The dot, if any, takes focus: it is easier to see than a tiny outline.
            let Some(target) = shapes
                .iter()
                .find(|s| s.tag_name() == "circle")
                .or(shapes.first())
                .cloned()
            else {
                continue;
            };
            for shape in shapes {
                let _ = shape.set_attribute("data-member", "");
                let _ = shape.set_attribute("data-region", member.region.slug());
            }
            let _ = target.set_attribute("data-target", "");
            members.push(MemberShapes {
                code: member.code.clone(),
                index,
                shapes: shapes.clone(),
                target,
                name: member.name.clone(),
                fits: Cell::new(None),
            });
        }
        *self.members.borrow_mut() = members;
        *self.tab_stop.borrow_mut() = None;
        let _ = self.svg.set_attribute("role", "group");
        let _ = self.svg.set_attribute("id", summary_id);
        let _ = self.svg.set_attribute(
            "aria-label",
            &locale.map_summary(directory.len(), &directory.regions()),
        );
    }

    /// Draws `code`'s shapes again over every other shape, with a ring of a dark and a light
    /// line (one of the two stands out from any colour beneath), or takes the ring away.
    pub(super) fn ring(&self, code: Option<&str>) {
        let Some(ring) = &self.ring else {
            return;
        };
        ring.set_text_content(None);
        let Some(shapes) = code.and_then(|code| self.by_code.get(code)) else {
            return;
        };
        for layer in ["world-map__ring-outer", "world-map__ring-inner"] {
            for shape in shapes {
                let Some(copy) = shape
                    .clone_node()
                    .ok()
                    .and_then(|c| c.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                for name in copy
                    .get_attribute_names()
                    .iter()
                    .filter_map(|n| n.as_string())
                {
                    if !matches!(
                        name.as_str(),
                        "d" | "cx" | "cy" | "r" | "data-region" | "data-match"
                    ) {
                        let _ = copy.remove_attribute(&name);
                    }
                }
                let _ = copy.set_attribute("class", layer);
                let _ = ring.append_child(&copy);
            }
        }
    }

    /// Highlights the members the query lets through and dims the rest; only those let through
    /// are buttons, reachable with the arrow keys.
    pub(super) fn follow_query(&self, directory: &Directory, query: &Query) {
        // The map zooms to a chosen region (world-map.css).
        match query.region {
            Some(region) => {
                let _ = self.svg.set_attribute("data-zoom", region.slug());
            }
            None => {
                let _ = self.svg.remove_attribute("data-zoom");
            }
        }
        let visible = directory.visibility(query);
        let members = self.members.borrow();
        for member in members.iter() {
            let fits = visible.get(member.index).copied().unwrap_or(false);
            if member.fits.get() == Some(fits) {
                continue;
            }
            member.fits.set(Some(fits));
            for shape in &member.shapes {
                let _ = shape.set_attribute("data-match", if fits { "true" } else { "false" });
            }
            if fits {
                let _ = member.target.set_attribute("role", "button");
                let _ = member.target.set_attribute("aria-label", &member.name);
                let _ = member.target.set_attribute("tabindex", "-1");
            } else {
                for name in ["role", "aria-label", "tabindex"] {
                    let _ = member.target.remove_attribute(name);
                }
            }
        }
        let current = self.tab_stop.borrow().clone();
        let on_offer = members
            .iter()
            .filter(|m| m.fits.get() == Some(true))
            .map(|m| m.code.as_str());
        match tab_stop(current.as_deref(), on_offer) {
            Some(code) if current.as_deref() != Some(code) => self.set_tab_stop(&members, code),
            Some(_) => {}
            None => *self.tab_stop.borrow_mut() = None,
        }
    }

    fn set_tab_stop(&self, members: &[MemberShapes], code: &str) {
        let previous = self.tab_stop.replace(Some(code.to_string()));
        for member in members {
            if previous.as_deref() == Some(member.code.as_str()) && member.fits.get() == Some(true)
            {
                let _ = member.target.set_attribute("tabindex", "-1");
            }
            if member.code == code {
                let _ = member.target.set_attribute("tabindex", "0");
            }
        }
    }

    /// Moves the roving focus from `code` to the next, previous, first or last member the query
    /// lets through, in list order.
    pub(super) fn move_focus(&self, code: &str, step: Step) {
        let members = self.members.borrow();
        let shown: Vec<&MemberShapes> = members
            .iter()
            .filter(|m| m.fits.get() == Some(true))
            .collect();
        let current = shown.iter().position(|m| m.code == code);
        let Some(next) = step.apply(current, shown.len()) else {
            return;
        };
        let target = shown[next];
        self.set_tab_stop(&members, &target.code);
        if let Ok(element) = target.target.clone().dyn_into::<web_sys::SvgElement>() {
            let _ = element.focus();
        }
    }
}
