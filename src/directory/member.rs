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
    /// Every name search finds the member by, the shown one first, as written and folded.
    search_names: Vec<(String, String)>,
}

/// How a member answers a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match<'a> {
    Missed,
    /// By the name the list shows (or by nothing, for an empty search).
    ShownName,
    /// By another of its names, or its code, which the card should then show.
    Other(&'a str),
}

impl Match<'_> {
    pub fn found(self) -> bool {
        self != Match::Missed
    }
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
        let search_names = std::iter::once(&name)
            .chain(aliases)
            .map(|n| (n.clone(), fold(n)))
            .collect();
        Self {
            name,
            code,
            region,
            area,
            aliases: aliases.to_vec(),
            sort_key,
            search_names,
        }
    }

    /// The member under its name (and area name) in another language; search still finds it by
    /// its English name and aliases.
    pub fn renamed(&self, name: &str, area: Option<&str>) -> Member {
        let mut search_names = vec![(name.to_string(), fold(name))];
        search_names.extend(self.search_names.iter().cloned());
        Member {
            name: name.to_string(),
            area: area.map(str::to_string).or_else(|| self.area.clone()),
            sort_key: fold(name),
            search_names,
            ..self.clone()
        }
    }

    /// The folded sort name that orders the list.
    pub fn sort_key(&self) -> &str {
        &self.sort_key
    }

    /// True when `needle`, already folded, occurs in a name or alias, or is the member's code.
    pub fn matches_folded(&self, needle: &str) -> bool {
        self.search_folded(needle).found()
    }

    /// Whether `needle`, already folded, occurs in a name or alias, or is the member's code, and
    /// which: a visitor who typed "tanzania" and sees "Tanzanie" should be told why.
    pub fn search_folded(&self, needle: &str) -> Match<'_> {
        let mut names = self.search_names.iter();
        if needle.is_empty() || names.next().is_some_and(|(_, key)| key.contains(needle)) {
            return Match::ShownName;
        }
        if let Some((name, _)) = names.find(|(_, key)| key.contains(needle)) {
            // The English name under its translation, or an alias.
            return Match::Other(name);
        }
        if self.code.eq_ignore_ascii_case(needle) {
            return Match::Other(&self.code);
        }
        Match::Missed
    }
}
