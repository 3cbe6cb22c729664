//! A small read-only map from text keys: message keys, country codes, region and area names.
//! A list searched from the end, so the last entry for a key wins as in a map built by inserting.
//! The app looks up at most a few hundred keys per language switch; std's `HashMap` would carry a
//! hasher and a table per value type into the wasm for no noticeable gain.

#[derive(Debug, Clone, PartialEq)]
pub struct Lookup<V> {
    entries: Vec<(String, V)>,
}

impl<V> Lookup<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every key once, in first-entry order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(i, (k, _))| !self.entries[..*i].iter().any(|(earlier, _)| earlier == k))
            .map(|(_, (k, _))| k.as_str())
    }
}

impl<V> Default for Lookup<V> {
    fn default() -> Self {
        Lookup {
            entries: Vec::new(),
        }
    }
}

impl<V> FromIterator<(String, V)> for Lookup<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        Lookup {
            entries: entries.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lookup;

    fn lookup(pairs: &[(&str, u8)]) -> Lookup<u8> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn finds_each_key_and_nothing_else() {
        let table = lookup(&[("KE", 1), ("FR", 2)]);
        assert_eq!(table.get("KE"), Some(&1));
        assert_eq!(table.get("FR"), Some(&2));
        assert_eq!(table.get("ke"), None);
        assert!(!table.contains_key("DE"));
        assert_eq!(Lookup::<u8>::default().get(""), None);
    }

    #[test]
    fn the_last_entry_for_a_key_wins_and_keys_are_listed_once() {
        let table = lookup(&[("a", 1), ("b", 2), ("a", 3)]);
        assert_eq!(table.get("a"), Some(&3));
        assert_eq!(table.keys().collect::<Vec<_>>(), ["a", "b"]);
    }
}
