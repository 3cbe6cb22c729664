use super::fold::fold;
use super::region::Region;

/// One member government as the directory shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Display name, as the alliance writes it ("The Netherlands").
    pub name: String,
    /// ISO 3166-1 alpha-2 code, or another unique 2-8 character code.
    pub code: String,
    pub region: Region,
    /// The most specific M49 area known: intermediate region, else sub-region.
    pub area: Option<String>,
    /// Other names the editors gave it ("UK"), as they wrote them.
    pub aliases: Vec<String>,
    sort_key: String,
    search_keys: Vec<String>,
}

impl Member {
    /// Creates a member; `sort_name` orders it and `aliases` are extra names search finds it by.
    pub fn new(
        name: String,
        sort_name: Option<String>,
        code: String,
        region: Region,
        area: Option<String>,
        aliases: &[String],
    ) -> Self {
        let sort_key = fold(sort_name.as_deref().unwrap_or(&name));
        let mut search_keys = vec![fold(&name)];
        search_keys.extend(aliases.iter().map(|a| fold(a)));
        Self {
            name,
            code,
            region,
            area,
            aliases: aliases.to_vec(),
            sort_key,
            search_keys,
        }
    }

    /// The member under its name (and area name) in another language; search still finds it by
    /// its English name and aliases.
    pub fn renamed(&self, name: &str, area: Option<&str>) -> Member {
        let mut search_keys = vec![fold(name)];
        search_keys.extend(self.search_keys.iter().cloned());
        Member {
            name: name.to_string(),
            area: area.map(str::to_string).or_else(|| self.area.clone()),
            sort_key: fold(name),
            search_keys,
            ..self.clone()
        }
    }

    /// The folded sort name that orders the list.
    pub fn sort_key(&self) -> &str {
        &self.sort_key
    }

    /// True when `needle`, already folded, occurs in a name or alias, or is the member's code.
    pub fn matches_folded(&self, needle: &str) -> bool {
        needle.is_empty()
            || self.search_keys.iter().any(|key| key.contains(needle))
            || self.code.eq_ignore_ascii_case(needle)
    }
}
