//! The list taken away: the members a view shows as CSV (for spreadsheets) or JSON, with a file
//! name that says what is in the file. Made in the browser from the list on screen.

use super::fold::fold;
use super::{Member, Region};
use crate::json::push_string;

/// The columns of an export, in order, as the header row names them (in the interface language).
pub struct Columns<'a> {
    pub name: &'a str,
    pub code: &'a str,
    pub region: &'a str,
    pub area: &'a str,
}

/// One member as exported: its name and region in the interface language.
pub struct Row<'a> {
    pub member: &'a Member,
    pub region: String,
}

/// Longest piece of search text kept in a file name.
const MAX_NAME_TEXT: usize = 24;

/// CSV (RFC 4180: comma separated, CRLF line ends, fields quoted where needed) in UTF-8 with a
/// byte order mark, which spreadsheet programs need to read accents and Arabic correctly. A field
/// that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) is prefixed
/// with an apostrophe.
pub fn csv(columns: &Columns, rows: &[Row]) -> String {
    let mut out = String::from("\u{FEFF}");
    let header = [columns.name, columns.code, columns.region, columns.area];
    push_csv_line(&mut out, &header);
    for row in rows {
        let area = row.member.area.as_deref().unwrap_or("");
        push_csv_line(
            &mut out,
            &[&row.member.name, &row.member.code, &row.region, area],
        );
    }
    out
}

fn push_csv_line(out: &mut String, fields: &[&str]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let inert = if field.starts_with(['=', '+', '-', '@']) {
            "'"
        } else {
            ""
        };
        if field.contains([',', '"', '\r', '\n']) || !inert.is_empty() {
            out.push('"');
            out.push_str(inert);
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// A JSON array of objects keyed like the source file (`name`, `code`, `region`, `subRegion`),
/// in the interface language.
pub fn json(rows: &[Row]) -> String {
    let mut out = String::from("[");
    for (index, row) in rows.iter().enumerate() {
        out.push_str(if index == 0 { "\n  {" } else { ",\n  {" });
        push_json_field(&mut out, "name", &row.member.name, false);
        push_json_field(&mut out, "code", &row.member.code, true);
        push_json_field(&mut out, "region", &row.region, true);
        if let Some(area) = &row.member.area {
            push_json_field(&mut out, "subRegion", area, true);
        }
        out.push('}');
    }
    out.push_str(if rows.is_empty() { "]\n" } else { "\n]\n" });
    out
}

fn push_json_field(out: &mut String, key: &str, value: &str, comma: bool) {
    if comma {
        out.push_str(", ");
    }
    push_string(out, key);
    out.push_str(": ");
    push_string(out, value);
}

/// `weprotect-members[-region][-search]-<date>.<extension>`: what the file holds, the search
/// text reduced to ASCII letters, digits and hyphens (dropped when nothing is left of it).
pub fn file_name(region: Option<Region>, text: &str, date: &str, extension: &str) -> String {
    let mut name = String::from("weprotect-members");
    if let Some(region) = region {
        name.push('-');
        name.push_str(region.slug());
    }
    let mut search = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            search.push(c);
        } else if !search.is_empty() && !search.ends_with('-') {
            search.push('-');
        }
    }
    let search: String = search
        .trim_end_matches('-')
        .chars()
        .take(MAX_NAME_TEXT)
        .collect();
    let search = search.trim_end_matches('-');
    if !search.is_empty() {
        name.push('-');
        name.push_str(search);
    }
    if !date.is_empty() {
        name.push('-');
        name.push_str(date);
    }
    name.push('.');
    name.push_str(extension);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, code: &str, area: Option<&str>) -> Member {
        Member::new(
            name.to_string(),
            None,
            code.to_string(),
            Region::Africa,
            area.map(str::to_string),
            &[],
        )
    }

    const COLUMNS: Columns = Columns {
        name: "Name",
        code: "ISO 3166-1 code",
        region: "Region",
        area: "Sub-region",
    };

    #[test]
    fn csv_has_a_bom_a_header_and_quotes_what_needs_it() {
        let kenya = member("Kenya", "KE", Some("Eastern Africa"));
        let odd = member("Korea, \"South\"", "KR", None);
        let rows = [
            Row {
                member: &kenya,
                region: "Africa".into(),
            },
            Row {
                member: &odd,
                region: "Asia".into(),
            },
        ];
        assert_eq!(
            csv(&COLUMNS, &rows),
            "\u{FEFF}Name,ISO 3166-1 code,Region,Sub-region\r\n\
             Kenya,KE,Africa,Eastern Africa\r\n\
             \"Korea, \"\"South\"\"\",KR,Asia,\r\n"
        );
    }

    #[test]
    fn csv_never_hands_a_spreadsheet_a_formula() {
        let hostile = member("=HYPERLINK(\"http://x\")", "XX", Some("@here"));
        let text = csv(
            &COLUMNS,
            &[Row {
                member: &hostile,
                region: "-1".into(),
            }],
        );
        let line = text.lines().nth(1).unwrap();
        assert_eq!(
            line,
            "\"'=HYPERLINK(\"\"http://x\"\")\",XX,\"'-1\",\"'@here\""
        );
    }

    #[test]
    fn json_is_valid_and_escaped() {
        let quoted = member("A \"B\"\\C\u{1}", "AB", Some("Middle Africa"));
        let plain = member("Kenya", "KE", None);
        let text = json(&[
            Row {
                member: &quoted,
                region: "Africa".into(),
            },
            Row {
                member: &plain,
                region: "Africa".into(),
            },
        ]);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[0]["name"], "A \"B\"\\C\u{1}");
        assert_eq!(parsed[0]["subRegion"], "Middle Africa");
        assert_eq!(parsed[1]["code"], "KE");
        assert!(parsed[1].get("subRegion").is_none());
        assert_eq!(json(&[]), "[]\n");
    }

    #[test]
    fn file_names_say_region_search_and_date() {
        assert_eq!(
            file_name(Some(Region::Africa), "", "2026-11-28", "csv"),
            "weprotect-members-africa-2026-11-28.csv"
        );
        assert_eq!(
            file_name(None, "  Côte d’Ivoire ", "2026-11-28", "json"),
            "weprotect-members-cote-d-ivoire-2026-11-28.json"
        );
        assert_eq!(file_name(None, "中国", "", "csv"), "weprotect-members.csv");
        assert_eq!(
            file_name(
                Some(Region::Europe),
                "a very long search text that goes on",
                "2026-11-28",
                "csv"
            ),
            "weprotect-members-europe-a-very-long-search-text-2026-11-28.csv"
        );
    }
}
