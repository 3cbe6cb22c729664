/// A UN M49 region. Members whose region the app does not know are kept, under `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Africa,
    Americas,
    Asia,
    Europe,
    Oceania,
    Other,
}

impl Region {
    /// Every region, in the order the filter shows them.
    pub const ALL: [Region; 6] = [
        Region::Africa,
        Region::Americas,
        Region::Asia,
        Region::Europe,
        Region::Oceania,
        Region::Other,
    ];

    /// Reads the region name an editor writes in `members.json` ("Africa"); anything else is `Other`.
    pub fn from_name(name: &str) -> Region {
        Region::ALL
            .into_iter()
            .find(|r| *r != Region::Other && r.english_name().eq_ignore_ascii_case(name.trim()))
            .unwrap_or(Region::Other)
    }

    /// The lowercase slug used in URLs (`?region=africa`).
    pub fn slug(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::Americas => "americas",
            Region::Asia => "asia",
            Region::Europe => "europe",
            Region::Oceania => "oceania",
            Region::Other => "other",
        }
    }

    /// Reads a URL slug, case-insensitively.
    pub fn from_slug(slug: &str) -> Option<Region> {
        Region::ALL
            .into_iter()
            .find(|r| r.slug().eq_ignore_ascii_case(slug.trim()))
    }

    /// The name used in the data file, which is also the English display name.
    pub fn english_name(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::Americas => "Americas",
            Region::Asia => "Asia",
            Region::Europe => "Europe",
            Region::Oceania => "Oceania",
            Region::Other => "Other",
        }
    }

    /// The UN M49 area code, the key for localised region names.
    pub fn m49(self) -> Option<&'static str> {
        match self {
            Region::Africa => Some("002"),
            Region::Americas => Some("019"),
            Region::Asia => Some("142"),
            Region::Europe => Some("150"),
            Region::Oceania => Some("009"),
            Region::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_for_every_region() {
        for region in Region::ALL {
            assert_eq!(Region::from_slug(region.slug()), Some(region));
        }
        assert_eq!(Region::from_slug("AFRICA"), Some(Region::Africa));
        assert_eq!(Region::from_slug("antarctica"), None);
    }

    #[test]
    fn unknown_region_names_fall_under_other() {
        assert_eq!(Region::from_name("Europe"), Region::Europe);
        assert_eq!(Region::from_name(" americas "), Region::Americas);
        assert_eq!(Region::from_name("Atlantis"), Region::Other);
        assert_eq!(Region::from_name("Other"), Region::Other);
        assert_eq!(Region::from_name(""), Region::Other);
    }
}
