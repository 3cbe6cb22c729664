//! Roving focus over a group of items (the members on the map): one item is in the tab
//! order, the arrow keys, Home and End move it among the items the query lets through.

/// A move asked for with the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
}

impl Step {
    /// The move a key asks for (`KeyboardEvent.key`), if any. Arrows move in list order
    /// whatever the writing direction: the map's shapes are not laid out in that order.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowRight" | "ArrowDown" => Some(Step::Next),
            "ArrowLeft" | "ArrowUp" => Some(Step::Previous),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }

    /// The index focus moves to among `len` items from `current` (None when the focused item
    /// is not among them); None when there is nothing to focus. Stops at both ends.
    pub fn apply(self, current: Option<usize>, len: usize) -> Option<usize> {
        let last = len.checked_sub(1)?;
        Some(match (self, current.filter(|&i| i <= last)) {
            (Step::First, _) | (Step::Next | Step::Previous, None) => 0,
            (Step::Last, _) => last,
            (Step::Next, Some(i)) => (i + 1).min(last),
            (Step::Previous, Some(i)) => i.saturating_sub(1),
        })
    }
}

/// The item that keeps the tab stop after the items on offer changed: the current one if it
/// is still on offer, else the first on offer.
pub fn tab_stop<'a, T: PartialEq + ?Sized>(
    current: Option<&T>,
    on_offer: impl IntoIterator<Item = &'a T>,
) -> Option<&'a T> {
    let mut first = None;
    for item in on_offer {
        if current == Some(item) {
            return Some(item);
        }
        first = first.or(Some(item));
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_moves() {
        assert_eq!(Step::from_key("ArrowDown"), Some(Step::Next));
        assert_eq!(Step::from_key("ArrowRight"), Some(Step::Next));
        assert_eq!(Step::from_key("ArrowUp"), Some(Step::Previous));
        assert_eq!(Step::from_key("ArrowLeft"), Some(Step::Previous));
        assert_eq!(Step::from_key("Home"), Some(Step::First));
        assert_eq!(Step::from_key("End"), Some(Step::Last));
        assert_eq!(Step::from_key("Tab"), None);
        assert_eq!(Step::from_key("Enter"), None);
    }

    #[test]
    fn moves_stop_at_both_ends() {
        assert_eq!(Step::Next.apply(Some(0), 3), Some(1));
        assert_eq!(Step::Next.apply(Some(2), 3), Some(2));
        assert_eq!(Step::Previous.apply(Some(2), 3), Some(1));
        assert_eq!(Step::Previous.apply(Some(0), 3), Some(0));
        assert_eq!(Step::First.apply(Some(2), 3), Some(0));
        assert_eq!(Step::Last.apply(Some(0), 3), Some(2));
    }

    #[test]
    fn focus_outside_the_items_starts_at_the_first() {
        for step in [Step::Next, Step::Previous, Step::First] {
            assert_eq!(step.apply(None, 4), Some(0));
            assert_eq!(step.apply(Some(9), 4), Some(0));
        }
        assert_eq!(Step::Last.apply(None, 4), Some(3));
    }

    #[test]
    fn nothing_to_focus_in_an_empty_group() {
        for step in [Step::Next, Step::Previous, Step::First, Step::Last] {
            assert_eq!(step.apply(None, 0), None);
            assert_eq!(step.apply(Some(0), 0), None);
        }
    }

    #[test]
    fn the_tab_stop_stays_while_its_item_is_on_offer() {
        let codes = ["FR", "DE", "KE"];
        assert_eq!(tab_stop(Some("DE"), codes), Some("DE"));
        assert_eq!(tab_stop(Some("US"), codes), Some("FR"));
        assert_eq!(tab_stop(None, codes), Some("FR"));
        assert_eq!(tab_stop::<str>(Some("DE"), []), None);
    }
}
