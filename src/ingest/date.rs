//! Publication dates: parsing the formats articles and metadata use, and finding a
//! date in the lines at the top of an article.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?";

/// `YYYY-MM-DD`, `March 14, 2025` or `14 March 2025`, in groups 1-3, 4-6 and 7-9. An
/// ISO date has no closing word boundary so that a timestamp's `T` may follow it.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:(\d{{4}})-(\d{{2}})-(\d{{2}})|(?:{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(\d{{4}}))\b)"
    );
    Regex::new(&pattern).expect("date pattern is valid")
});

/// A whole string that is one date, with an optional weekday before it.
static WHOLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(r"(?i)^(?:{WEEKDAY}\s+)?(?:{})$", date_body());
    Regex::new(&pattern).expect("whole-date pattern is valid")
});

/// "Published: …", "Updated on …": group 1 is the label.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:first\s+|last\s+|originally\s+)?(published|posted|date|updated|modified)(?:\s+on)?\s*:?\s*")
        .expect("label pattern is valid")
});

/// What may stand before the date in a dateline: capitalised places ("MOSCOW, ",
/// "Kyiv, Ukraine, ") and a weekday.
static DATELINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"^(?:\p{{Lu}}[\p{{L}}\p{{M}}.'’-]*(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}.'’-]*){{0,3}},\s+){{0,3}}(?i:{WEEKDAY}\s+)?$"
    );
    Regex::new(&pattern).expect("dateline pattern is valid")
});

/// The alternatives of [`DATE`] without its flags and word boundaries.
fn date_body() -> String {
    format!(
        r"(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[t ].*)?|{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(\d{{4}})"
    )
}

/// Why a string is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateError {
    /// It has a date's shape but no such day exists ("2025-02-30").
    Impossible,
    /// It is not in a format we read.
    Unrecognized,
}

/// Parses a metadata date: `YYYY-MM-DD`, an RFC 3339 timestamp (its written date is
/// kept: the day the outlet dated it), "March 14, 2025" or "14 March 2025".
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let caps = WHOLE_DATE
        .captures(s.trim())
        .ok_or(DateError::Unrecognized)?;
    date_of(&caps).ok_or(DateError::Impossible)
}

/// The first real date written anywhere in `s`, with its byte range.
pub(crate) fn find_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    DATE.captures_iter(s).find_map(|caps| {
        let whole = caps.get(0)?;
        Some((date_of(&caps)?, whole.range()))
    })
}

fn date_of(caps: &Captures) -> Option<NaiveDate> {
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let Some(y) = num(1) {
        (y, num(2)?, num(3)?)
    } else if let Some(y) = num(6) {
        (y, month_number(caps.get(4)?.as_str())?, num(5)?)
    } else {
        (num(9)?, month_number(caps.get(8)?.as_str())?, num(7)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = name.get(..3)?.to_ascii_lowercase();
    let i = MONTHS.iter().position(|m| *m == prefix)?;
    u32::try_from(i + 1).ok()
}

/// Whether a "Published:" line states when the article first appeared or when it was
/// last changed: a first appearance wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Published,
    Updated,
}

/// The date of a "Published: …" or "Updated: …" line.
pub(crate) fn label_date(line: &str) -> Option<(Label, NaiveDate)> {
    let caps = LABEL.captures(line)?;
    let label = match caps.get(1)?.as_str().to_ascii_lowercase().as_str() {
        "updated" | "modified" => Label::Updated,
        _ => Label::Published,
    };
    let rest = line.get(caps.get(0)?.end()..)?;
    let (date, at) = find_date(rest)?;
    // Only a weekday may stand between the label and the date.
    let words_before = rest.get(..at.start)?.split_whitespace().count();
    (words_before <= 1).then_some((label, date))
}

/// The date of a dateline opening an article: "MOSCOW, March 14, 2025 (Reuters) -".
pub(crate) fn dateline_date(line: &str) -> Option<NaiveDate> {
    let (date, at) = find_date(line)?;
    if !DATELINE_PREFIX.is_match(line.get(..at.start)?) {
        return None;
    }
    let after = line.get(at.end..)?.trim_start();
    let ends_dateline = after.is_empty()
        || after.starts_with(['(', '-', '–', '—', ':', '/', '|'])
        || after.starts_with(|c: char| c.is_ascii_digit());
    ends_dateline.then_some(date)
}

/// Whether a short line says nothing but a date ("March 14, 2025", "MOSCOW, 14 March
/// 2025", "Friday, March 14, 2025 10:30 GMT"): metadata, not a body paragraph.
pub(crate) fn is_date_only(line: &str) -> bool {
    const MAX_LEN: usize = 80;
    if line.len() > MAX_LEN {
        return false;
    }
    let Some((_, at)) = find_date(line) else {
        return false;
    };
    let rest_words =
        line[..at.start].split_whitespace().count() + line[at.end..].split_whitespace().count();
    rest_words <= 3 && !line.trim_end().ends_with(['.', '!', '?'])
}

/// The publication date stated at the top of an article: a "Published:" line, else a
/// dateline, else an "Updated:" line. `lines` are the top lines, captions left out.
pub(crate) fn header_date<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<NaiveDate> {
    let mut dateline = None;
    let mut updated = None;
    for line in lines {
        match label_date(line) {
            Some((Label::Published, date)) => return Some(date),
            Some((Label::Updated, date)) => {
                updated.get_or_insert(date);
            }
            None => {
                if let Some(date) = dateline_date(line) {
                    dateline.get_or_insert(date);
                }
            }
        }
    }
    dateline.or(updated)
}

/// The words of a problem about a metadata date that cannot be used.
pub(crate) fn bad_date_message(value: &str, err: DateError) -> String {
    match err {
        DateError::Impossible => {
            format!("the published date \"{value}\" does not exist; it is ignored")
        }
        DateError::Unrecognized => format!(
            "the published date \"{value}\" is not in a known format \
             (YYYY-MM-DD, RFC 3339, \"March 14, 2025\", \"14 March 2025\"); it is ignored"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    #[test]
    fn parses_the_metadata_formats() {
        assert_eq!(parse_date("2025-03-14"), Ok(day(2025, 3, 14)));
        assert_eq!(
            parse_date("2025-03-14T23:30:00-05:00"),
            Ok(day(2025, 3, 14))
        );
        assert_eq!(parse_date("2025-03-14T10:00:00Z"), Ok(day(2025, 3, 14)));
        assert_eq!(parse_date("March 14, 2025"), Ok(day(2025, 3, 14)));
        assert_eq!(parse_date("Mar. 14 2025"), Ok(day(2025, 3, 14)));
        assert_eq!(parse_date("14 March 2025"), Ok(day(2025, 3, 14)));
        assert_eq!(parse_date("Friday, March 14, 2025"), Ok(day(2025, 3, 14)));
        assert_eq!(parse_date(" 1st September 2024 "), Ok(day(2024, 9, 1)));
    }

    #[test]
    fn impossible_dates_are_told_apart_from_non_dates() {
        assert_eq!(parse_date("2025-02-30"), Err(DateError::Impossible));
        assert_eq!(parse_date("February 30, 2025"), Err(DateError::Impossible));
        assert_eq!(parse_date("2025-13-01"), Err(DateError::Impossible));
        assert_eq!(parse_date("yesterday"), Err(DateError::Unrecognized));
        assert_eq!(parse_date("14/03/2025"), Err(DateError::Unrecognized));
        assert_eq!(parse_date(""), Err(DateError::Unrecognized));
    }

    #[test]
    fn finds_dates_inside_sentences() {
        let s = "He spoke in Vladivostok on September 6, 2024 (local time).";
        let (date, at) = find_date(s).expect("a date");
        assert_eq!(date, day(2024, 9, 6));
        assert_eq!(&s[at], "September 6, 2024");
        assert_eq!(find_date("may 5 people"), None);
        assert_eq!(
            find_date("on February 30, 2025 and 1 May 2025").map(|d| d.0),
            Some(day(2025, 5, 1))
        );
    }

    #[test]
    fn label_lines_give_dates() {
        assert_eq!(
            label_date("Published: March 14, 2025"),
            Some((Label::Published, day(2025, 3, 14)))
        );
        assert_eq!(
            label_date("Updated on Friday, 14 March 2025 10:31"),
            Some((Label::Updated, day(2025, 3, 14)))
        );
        assert_eq!(
            label_date("Published by the ministry on March 14, 2025"),
            None
        );
        assert_eq!(
            label_date("Posted 2025-03-12"),
            Some((Label::Published, day(2025, 3, 12)))
        );
    }

    #[test]
    fn datelines_give_dates() {
        assert_eq!(
            dateline_date("MOSCOW, March 14, 2025 (Reuters) - The Kremlin said"),
            Some(day(2025, 3, 14))
        );
        assert_eq!(
            dateline_date("Kyiv, Ukraine, 14 March 2025 — Officials said"),
            Some(day(2025, 3, 14))
        );
        assert_eq!(
            dateline_date("WASHINGTON, D.C., Friday, March 14, 2025:"),
            Some(day(2025, 3, 14))
        );
        assert_eq!(
            dateline_date("The talks held on March 14, 2025 (local time) ended."),
            None
        );
        assert_eq!(
            dateline_date("Speaking in Kyiv, March 14, 2025 - he said"),
            None
        );
    }

    #[test]
    fn header_prefers_published_then_dateline_then_updated() {
        let lines = [
            "Updated: March 20, 2025",
            "MOSCOW, March 15, 2025 (Reuters) - Text.",
            "Published: March 14, 2025",
        ];
        assert_eq!(header_date(lines), Some(day(2025, 3, 14)));
        assert_eq!(
            header_date(lines[..2].iter().copied()),
            Some(day(2025, 3, 15))
        );
        assert_eq!(
            header_date(["Updated: March 20, 2025"]),
            Some(day(2025, 3, 20))
        );
        assert_eq!(header_date(["Nothing to see here."]), None);
    }

    #[test]
    fn date_only_lines_are_recognised() {
        assert!(is_date_only("March 14, 2025"));
        assert!(is_date_only("MOSCOW, 14 March 2025"));
        assert!(is_date_only("Friday, March 14, 2025 10:30 GMT"));
        assert!(!is_date_only("The ceasefire was agreed on March 14, 2025."));
        assert!(!is_date_only("No date here"));
    }
}
