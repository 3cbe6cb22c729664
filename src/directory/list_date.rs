/// The day the editors last updated the list (`updated` in `members.json`, `YYYY-MM-DD`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl ListDate {
    /// Reads `YYYY-MM-DD`; anything else, or a day the calendar does not have, is `None`.
    pub fn parse(text: &str) -> Option<ListDate> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(ListDate {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::ListDate;

    #[test]
    fn reads_calendar_days_only() {
        assert_eq!(
            ListDate::parse("2026-11-28"),
            Some(ListDate {
                year: 2026,
                month: 11,
                day: 28
            })
        );
        assert!(ListDate::parse("2024-02-29").is_some());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "26-11-28",
            "2026-1-28",
            "2026-11-2x",
            "",
            "2026-11-28T00:00",
        ] {
            assert_eq!(ListDate::parse(bad), None, "{bad}");
        }
    }
}
