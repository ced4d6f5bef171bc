//! Time expressions ("on Tuesday", "in late October", "the day before", "March 13,
//! 2025") and their resolution against the publication date and the date in focus.

use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::classes::DATE_START;
use super::lexicon::MONTHS;
use super::tokens::{Lowered, Tok, TokKind};
use crate::model::{DateValue, last_day_of_month};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthPart {
    Whole,
    Early,
    Mid,
    Late,
}

/// What a time expression says, before it is resolved to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    Weekday(Weekday),
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// "on the 24th": a day of the month of reference.
    DayOfMonth(u32),
    Month {
        month: u32,
        year: Option<i32>,
        part: MonthPart,
    },
    Year(i32),
    Exact(NaiveDate),
    Today,
    Yesterday,
    /// "the day before", "the previous day": the day before the date in focus.
    DayBefore,
    /// "the same day", "that day": the date in focus.
    SameDay,
    LastWeek,
    ThisWeek,
    /// "over the weekend", "last weekend": the Saturday and Sunday last on or before
    /// publication.
    Weekend,
    /// "two days ago": so many days before publication.
    DaysAgo(u32),
    LastMonth,
    ThisMonth,
    LastYear,
}

/// A time expression in a paragraph: the tokens it spans (with its preposition) and what
/// it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub toks: Range<usize>,
    pub kind: TimeKind,
}

pub(super) const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A month's number from its name or abbreviation, in any case, without allocating:
/// this runs on every word.
fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    let full = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w));
    let short = || {
        MONTH_ABBREVIATIONS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(w))
            .or_else(|| w.eq_ignore_ascii_case("sept").then_some(8))
    };
    full.or_else(short).and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday(word: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if !(6..=9).contains(&word.len()) {
        return None;
    }
    DAYS.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, d)| d)
}

/// "24", "24th", "1st" → 24, 1.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Lowercase words of the tokens (punctuation as itself), for matching patterns.
struct Words<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lowered: &'a Lowered,
}

impl Words<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|t| &self.text[t.range()])
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(i, w))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct(c))
    }
}

/// Finds the time expressions of a paragraph, left to right, never overlapping.
pub fn find_time_exprs(text: &str, toks: &[Tok]) -> Vec<TimeExpr> {
    let mut found = Vec::new();
    find_time_exprs_into(text, toks, &Lowered::new(text, toks), &mut found);
    found
}

/// [`find_time_exprs`] with the paragraph's tokens already lowercased, into `found`
/// (cleared first), whose memory extraction reuses from paragraph to paragraph.
pub fn find_time_exprs_into(
    text: &str,
    toks: &[Tok],
    lowered: &Lowered,
    found: &mut Vec<TimeExpr>,
) {
    let w = Words {
        text,
        toks,
        lowered,
    };
    found.clear();
    let mut i = 0;
    while i < toks.len() {
        if let Some((len, kind)) = time_at(&w, i) {
            // Include a leading preposition or modifier in the span.
            let mut start = i;
            while start > 0
                && w.is_any(
                    start - 1,
                    &[
                        "on", "in", "during", "late", "early", "earlier", "later", "since", "by",
                        "over", "at",
                    ],
                )
                && found.last().is_none_or(|e: &TimeExpr| e.toks.end < start)
            {
                start -= 1;
            }
            found.push(TimeExpr {
                toks: start..i + len,
                kind,
            });
            i += len;
        } else {
            i += 1;
        }
    }
}

fn month_part(w: &Words, i: usize) -> (MonthPart, usize) {
    // "late October", "mid-October", "the end of October".
    if w.is_any(i, &["late", "end"]) {
        (MonthPart::Late, 1)
    } else if w.is(i, "early") || w.is(i, "beginning") {
        (MonthPart::Early, 1)
    } else if w.is(i, "mid") || w.is(i, "middle") {
        let skip = if w.punct(i + 1, '-') { 2 } else { 1 };
        (MonthPart::Mid, skip)
    } else if w
        .word(i)
        .is_some_and(|x| x.to_lowercase().starts_with("mid-"))
    {
        (MonthPart::Mid, 0)
    } else {
        (MonthPart::Whole, 0)
    }
}

/// The time expression starting at token `i`, if one does: its length in tokens and
/// kind.
#[inline(always)]
fn time_at(w: &Words, i: usize) -> Option<(usize, TimeKind)> {
    if may_start(w, i) {
        match_at(w, i)
    } else {
        None
    }
}

/// Whether a time expression may start at token `i`: a few cheap tests that turn away
/// nearly every token before [`match_at`] (a large function, called for what passes),
/// run for every token of every paragraph.
#[inline(always)]
fn may_start(w: &Words, i: usize) -> bool {
    // Punctuation starts nothing.
    let Some(t) = w.toks.get(i).filter(|t| t.is_word()) else {
        return false;
    };
    let first = w.text.as_bytes()[t.start];
    if first.is_ascii_digit() {
        return true;
    }
    let lower = w.lowered.get(i);
    if first.is_ascii_lowercase() {
        // One of a few lowercase words, whose first letters are checked first.
        let listed = matches!(first, b'l' | b't' | b'e' | b'y' | b'o' | b'a' | b'm')
            && (matches!(
                lower,
                "last"
                    | "this"
                    | "earlier"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "overnight"
                    | "the"
                    | "that"
                    | "a"
            ) || lower.starts_with("mid-"));
        // "two days ago": asked of the next word first, as "days" is rare.
        return listed
            || matches!(first, b't' | b'f' | b's' | b'e' | b'n')
                && w.is_any(i + 1, &["days", "day"])
                && number_word(lower).is_some();
    }
    // A capital: what the table marks (weekdays, months), or "Mid-".
    w.lowered.class(i) & DATE_START != 0 || lower.starts_with("mid-")
}

/// [`time_at`] for a token that [`may_start`] one.
#[allow(clippy::too_many_lines)]
fn match_at(w: &Words, i: usize) -> Option<(usize, TimeKind)> {
    let word = w.word(i)?;
    let lower = w.lowered.get(i);

    if matches!(lower, "the" | "that" | "a") {
        return after_article(w, i, lower);
    }

    // ISO dates: the tokenizer keeps "2025-03-13" as one word.
    if word.len() == 10
        && word.as_bytes().get(4) == Some(&b'-')
        && let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d")
    {
        return Some((1, TimeKind::Exact(date)));
    }

    // Weekdays, possibly followed by a month and day ("Thursday, March 13, 2025").
    if let Some(day) = weekday(word).filter(|_| w.capitalized(i)) {
        let mut len = 1;
        let after = if w.punct(i + 1, ',') { i + 2 } else { i + 1 };
        if let Some((l, kind @ TimeKind::MonthDay { .. })) = time_at(w, after) {
            return Some((after - i + l, kind));
        }
        if w.is_any(i + 1, &["morning", "afternoon", "evening", "night"]) {
            len += 1;
        }
        return Some((len, TimeKind::Weekday(day)));
    }

    // "last Tuesday", "last week", "last month", "last year", "last night".
    if lower == "last" {
        if let Some(day) = w.word(i + 1).and_then(weekday) {
            return Some((2, TimeKind::Weekday(day)));
        }
        return match w.word(i + 1).map(str::to_lowercase).as_deref() {
            Some("week") => Some((2, TimeKind::LastWeek)),
            Some("weekend") => Some((2, TimeKind::Weekend)),
            Some("month") => Some((2, TimeKind::LastMonth)),
            Some("year") => Some((2, TimeKind::LastYear)),
            Some("night") => Some((2, TimeKind::Yesterday)),
            _ => None,
        };
    }
    if lower == "this" || lower == "earlier" && w.is(i + 1, "this") {
        let at = if lower == "earlier" { i + 2 } else { i + 1 };
        return match w.word(at).map(str::to_lowercase).as_deref() {
            Some("week") => Some((at - i + 1, TimeKind::ThisWeek)),
            Some("weekend") => Some((at - i + 1, TimeKind::Weekend)),
            Some("month") => Some((at - i + 1, TimeKind::ThisMonth)),
            Some("morning" | "afternoon" | "evening") => Some((at - i + 1, TimeKind::Today)),
            _ => None,
        };
    }
    // "two days ago", "3 days ago".
    if let Some(n) = number_word(lower).or_else(|| word.parse().ok().filter(|n| *n <= 31))
        && w.is_any(i + 1, &["days", "day"])
        && w.is(i + 2, "ago")
    {
        return Some((3, TimeKind::DaysAgo(n)));
    }
    match lower {
        "yesterday" => return Some((1, TimeKind::Yesterday)),
        "today" | "tonight" => return Some((1, TimeKind::Today)),
        "overnight" => return Some((1, TimeKind::Yesterday)),
        _ => {}
    }
    // "March 13", "March 13, 2025", "Oct. 5".
    if let Some(month) = month_number(word).filter(|_| w.capitalized(i)) {
        let mut at = i + 1;
        if w.punct(at, '.') {
            at += 1;
        }
        if let Some(day) = w.word(at).and_then(day_number) {
            let comma = usize::from(w.punct(at + 1, ','));
            if let Some(year) = w.word(at + 1 + comma).and_then(year_number) {
                return Some((
                    at - i + 2 + comma,
                    TimeKind::MonthDay {
                        month,
                        day,
                        year: Some(year),
                    },
                ));
            }
            return Some((
                at - i + 1,
                TimeKind::MonthDay {
                    month,
                    day,
                    year: None,
                },
            ));
        }
        // A bare month needs a preposition or modifier before it: "May" is also a verb.
        let prev = i.checked_sub(1);
        let (part, year) = (
            prev.map_or(MonthPart::Whole, |p| month_part(w, p).0),
            w.word(i + 1).and_then(year_number),
        );
        let introduced = prev.is_some_and(|p| {
            w.is_any(
                p,
                &[
                    "in", "during", "since", "late", "early", "mid", "of", "until", "by", "last",
                    "this", "-",
                ],
            ) || w
                .word(p)
                .is_some_and(|x| x.to_lowercase().starts_with("mid"))
        });
        if introduced || year.is_some() {
            return Some((
                1 + usize::from(year.is_some()),
                TimeKind::Month { month, year, part },
            ));
        }
        return None;
    }
    // "mid-October" is one token.
    if let Some(rest) = lower.strip_prefix("mid-")
        && let Some(month) = month_number(rest)
    {
        let year = w.word(i + 1).and_then(year_number);
        return Some((
            1 + usize::from(year.is_some()),
            TimeKind::Month {
                month,
                year,
                part: MonthPart::Mid,
            },
        ));
    }
    // "13 March 2025"
    if let Some(day) = day_number(word)
        && let Some(month) = w
            .word(i + 1)
            .and_then(month_number)
            .filter(|_| w.capitalized(i + 1))
    {
        let year = w.word(i + 2).and_then(year_number);
        return Some((
            2 + usize::from(year.is_some()),
            TimeKind::MonthDay { month, day, year },
        ));
    }
    // "in 2024"
    if let Some(year) = year_number(word)
        && i > 0
        && w.is_any(i - 1, &["in", "during", "since"])
    {
        return Some((1, TimeKind::Year(year)));
    }
    None
}

/// The time expression that "the", "that" or "a" (`lower`, token `i`) starts: "the day
/// before", "the previous day", "the same day", "that day", "a day earlier", "the 24th".
fn after_article(w: &Words, i: usize, lower: &str) -> Option<(usize, TimeKind)> {
    // Common words: most are turned away by the length or first byte of the next
    // word ("day", "same", "previous", "preceding", a day's number).
    let next = w.word(i + 1)?;
    if next.len() == 7 {
        // "over the weekend", not "the weekend crowd".
        let when = i > 0 && w.is_any(i - 1, &["over", "at", "during"]);
        return (lower == "the" && when && w.is(i + 1, "weekend"))
            .then_some((2, TimeKind::Weekend));
    }
    if !(matches!(next.len(), 3 | 4 | 8 | 9) || matches!(next.as_bytes()[0], b'0'..=b'9' | b'+')) {
        return None;
    }
    if lower == "the" && w.is(i + 1, "day") && w.is(i + 2, "before") && w.is(i + 3, "yesterday") {
        return Some((4, TimeKind::DaysAgo(2)));
    }
    if lower == "that" && w.is(i + 1, "day") {
        return Some((2, TimeKind::SameDay));
    }
    if lower == "the" && w.is(i + 1, "same") && w.is(i + 2, "day") {
        return Some((3, TimeKind::SameDay));
    }
    if lower == "the" && w.is(i + 1, "day") && w.is(i + 2, "before") {
        return Some((3, TimeKind::DayBefore));
    }
    if lower == "the" && w.is_any(i + 1, &["previous", "preceding"]) && w.is(i + 2, "day") {
        return Some((3, TimeKind::DayBefore));
    }
    if lower == "a" && w.is(i + 1, "day") && w.is_any(i + 2, &["earlier", "before"]) {
        return Some((3, TimeKind::DayBefore));
    }
    // "the 24th", "the 13th of March"
    if lower == "the"
        && let Some(day) = w
            .word(i + 1)
            .filter(|x| !x.chars().all(|c| c.is_ascii_digit()))
            .and_then(day_number)
    {
        let of = if w.is(i + 2, "of") { i + 3 } else { i + 2 };
        if let Some(month) = w
            .word(of)
            .and_then(month_number)
            .filter(|_| w.capitalized(of))
        {
            let year = w.word(of + 1).and_then(year_number);
            let len = of - i + 1 + usize::from(year.is_some());
            return Some((len, TimeKind::MonthDay { month, day, year }));
        }
        return Some((2, TimeKind::DayOfMonth(day)));
    }
    None
}

/// A small number written as a word ("two days ago").
fn number_word(lower: &str) -> Option<u32> {
    Some(match lower {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return None,
    })
}

/// The latest `weekday` on or before `reference`.
fn weekday_on_or_before(reference: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back =
        (7 + reference.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    // At the edge of the calendar there is no earlier day: keep the reference.
    reference
        .checked_sub_signed(Duration::days(i64::from(back)))
        .unwrap_or(reference)
}

/// The latest (year, month) not after `reference`.
fn month_not_after(reference: NaiveDate, month: u32) -> (i32, u32) {
    if month <= reference.month() {
        (reference.year(), month)
    } else {
        (reference.year() - 1, month)
    }
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Resolves a time expression. Weekdays, months and days of the month are the latest
/// such on or before publication, "yesterday" the day before it; "the day before" and
/// "the same day" count from the date in focus (the publication date when none is).
pub fn resolve(
    kind: TimeKind,
    published: Option<NaiveDate>,
    focus: Option<NaiveDate>,
) -> DateValue {
    let focus = focus.or(published);
    let value = match kind {
        TimeKind::Exact(date) => Some(DateValue::Day { date }),
        TimeKind::Weekday(wd) => published.map(|p| DateValue::Day {
            date: weekday_on_or_before(p, wd),
        }),
        TimeKind::MonthDay {
            month,
            day: d,
            year,
        } => {
            let y = year.or_else(|| {
                published.map(|p| {
                    let (y, _) = month_not_after(p, month);
                    // Same month but a later day than publication: the previous year.
                    if month == p.month() && d > p.day() {
                        y - 1
                    } else {
                        y
                    }
                })
            });
            y.and_then(|y| day(y, month, d))
                .map(|date| DateValue::Day { date })
        }
        TimeKind::DayOfMonth(d) => published.and_then(|p| {
            if d <= p.day() {
                day(p.year(), p.month(), d)
            } else {
                let prev = p.with_day(1)?.pred_opt()?;
                day(prev.year(), prev.month(), d)
            }
            .map(|date| DateValue::Day { date })
        }),
        TimeKind::Month { month, year, part } => {
            let ym = match year {
                Some(y) => Some((y, month)),
                None => published.map(|p| month_not_after(p, month)),
            };
            ym.and_then(|(y, m)| {
                let first = day(y, m, 1)?;
                let last = last_day_of_month(first);
                Some(match part {
                    MonthPart::Whole => DateValue::month(y, m),
                    MonthPart::Early => DateValue::Range {
                        first,
                        last: day(y, m, 10)?,
                    },
                    MonthPart::Mid => DateValue::Range {
                        first: day(y, m, 11)?,
                        last: day(y, m, 20)?,
                    },
                    MonthPart::Late => DateValue::Range {
                        first: day(y, m, 21)?,
                        last,
                    },
                })
            })
        }
        TimeKind::Year(y) => day(y, 1, 1)
            .zip(day(y, 12, 31))
            .map(|(first, last)| DateValue::Range { first, last }),
        TimeKind::Today => published.map(|date| DateValue::Day { date }),
        TimeKind::Yesterday => published
            .and_then(|f| f.pred_opt())
            .map(|date| DateValue::Day { date }),
        TimeKind::DayBefore => focus
            .and_then(|f| f.pred_opt())
            .map(|date| DateValue::Day { date }),
        TimeKind::SameDay => focus.map(|date| DateValue::Day { date }),
        TimeKind::LastWeek => published.map(|p| {
            let monday = weekday_on_or_before(p, Weekday::Mon)
                .checked_sub_signed(Duration::days(7))
                .unwrap_or(p);
            DateValue::Range {
                first: monday,
                last: monday
                    .checked_add_signed(Duration::days(6))
                    .unwrap_or(monday),
            }
        }),
        TimeKind::Weekend => published.map(|p| {
            let saturday = weekday_on_or_before(p, Weekday::Sat);
            DateValue::Range {
                first: saturday,
                last: saturday.succ_opt().filter(|s| *s <= p).unwrap_or(saturday),
            }
        }),
        TimeKind::DaysAgo(n) => published
            .and_then(|p| p.checked_sub_signed(Duration::days(i64::from(n))))
            .map(|date| DateValue::Day { date }),
        TimeKind::ThisWeek => published.map(|p| DateValue::Range {
            first: weekday_on_or_before(p, Weekday::Mon),
            last: p,
        }),
        TimeKind::LastMonth => published
            .and_then(|p| p.with_day(1)?.pred_opt())
            .map(|d| DateValue::month(d.year(), d.month())),
        TimeKind::ThisMonth => published.and_then(|p| {
            Some(DateValue::Range {
                first: p.with_day(1)?,
                last: p,
            })
        }),
        TimeKind::LastYear => published.and_then(|p| {
            Some(DateValue::Range {
                first: day(p.year() - 1, 1, 1)?,
                last: day(p.year() - 1, 12, 31)?,
            })
        }),
    };
    value.unwrap_or(DateValue::Unknown)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn first(text: &str) -> (String, TimeKind) {
        let toks = tokenize(text);
        let found = find_time_exprs(text, &toks);
        let e = found.first().expect("a time expression");
        let span = &text[toks[e.toks.start].start..toks[e.toks.end - 1].end];
        (span.to_string(), e.kind)
    }

    fn resolved(text: &str, published: &str) -> DateValue {
        resolve(first(text).1, Some(d(published)), None)
    }

    #[test]
    fn weekdays_are_the_latest_on_or_before_publication() {
        assert_eq!(first("Lavrov said on Tuesday that").0, "on Tuesday");
        // 2025-06-24 is a Tuesday.
        assert_eq!(
            resolved("said on Tuesday", "2025-06-24"),
            DateValue::Day {
                date: d("2025-06-24")
            }
        );
        assert_eq!(
            resolved("by phone on Monday", "2024-12-03"),
            DateValue::Day {
                date: d("2024-12-02")
            }
        );
        assert_eq!(
            resolved("said Friday", "2025-04-06"),
            DateValue::Day {
                date: d("2025-04-04")
            }
        );
    }

    #[test]
    fn days_of_the_month() {
        assert_eq!(first("On the 24th (local time), Russia").0, "On the 24th");
        assert_eq!(
            resolved("On the 24th", "2025-06-25"),
            DateValue::Day {
                date: d("2025-06-24")
            }
        );
        assert_eq!(
            resolved("on the 30th", "2025-07-02"),
            DateValue::Day {
                date: d("2025-06-30")
            }
        );
    }

    #[test]
    fn months_and_parts_of_months() {
        assert_eq!(
            resolved("In January, he said", "2025-03-12"),
            DateValue::month(2025, 1)
        );
        assert_eq!(
            resolved("in October", "2025-03-12"),
            DateValue::month(2024, 10)
        );
        assert_eq!(
            first("told state television in late October the").0,
            "in late October"
        );
        assert_eq!(
            resolved("in late October", "2024-12-03"),
            DateValue::Range {
                first: d("2024-10-21"),
                last: d("2024-10-31")
            }
        );
        assert_eq!(
            resolved("in mid-March", "2024-12-03"),
            DateValue::Range {
                first: d("2024-03-11"),
                last: d("2024-03-20")
            }
        );
        // "May" alone is a verb.
        let toks = tokenize("Peace May come");
        assert!(find_time_exprs("Peace May come", &toks).is_empty());
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            first("Moscow, Russia, Thursday, March 13, 2025. (AP)").0,
            "Thursday, March 13, 2025"
        );
        assert_eq!(
            resolved("on March 13, 2025", "2025-06-01"),
            DateValue::Day {
                date: d("2025-03-13")
            }
        );
        assert_eq!(
            resolved("on 13 March", "2025-06-01"),
            DateValue::Day {
                date: d("2025-03-13")
            }
        );
        assert_eq!(
            resolved("on March 20", "2025-03-14"),
            DateValue::Day {
                date: d("2024-03-20")
            }
        );
        assert_eq!(
            resolved("on 2024-09-16", "2025-03-14"),
            DateValue::Day {
                date: d("2024-09-16")
            }
        );
    }

    #[test]
    fn relative_days_follow_the_focus() {
        let kind = first("at the meeting the day before").1;
        assert_eq!(kind, TimeKind::DayBefore);
        assert_eq!(
            resolve(kind, Some(d("2025-06-25")), Some(d("2025-06-24"))),
            DateValue::Day {
                date: d("2025-06-23")
            }
        );
        let kind = first("held on the same day").1;
        assert_eq!(
            resolve(kind, Some(d("2025-06-25")), Some(d("2025-06-24"))),
            DateValue::Day {
                date: d("2025-06-24")
            }
        );
        assert_eq!(
            resolved("he said yesterday", "2025-03-14"),
            DateValue::Day {
                date: d("2025-03-13")
            }
        );
    }

    #[test]
    fn weeks_and_years() {
        // 2025-03-12 is a Wednesday: last week is Mon 3 – Sun 9 March.
        assert_eq!(
            resolved("said last week", "2025-03-12"),
            DateValue::Range {
                first: d("2025-03-03"),
                last: d("2025-03-09")
            }
        );
        assert_eq!(
            resolved("in 2023", "2025-03-12"),
            DateValue::Range {
                first: d("2023-01-01"),
                last: d("2023-12-31")
            }
        );
    }

    #[test]
    fn weekends_and_days_ago() {
        let weekend = |first: &str, last: &str| DateValue::Range {
            first: d(first),
            last: d(last),
        };
        // Published on Wednesday 2025-11-19.
        assert_eq!(first("said over the weekend that").0, "over the weekend");
        assert_eq!(
            resolved("said over the weekend that", "2025-11-19"),
            weekend("2025-11-15", "2025-11-16")
        );
        assert_eq!(
            resolved("said last weekend", "2025-11-19"),
            weekend("2025-11-15", "2025-11-16")
        );
        // On a Sunday, the weekend is yesterday and today.
        assert_eq!(
            resolved("told reporters at the weekend", "2025-11-16"),
            weekend("2025-11-15", "2025-11-16")
        );
        let day = |s: &str| DateValue::Day { date: d(s) };
        assert_eq!(
            resolved("said two days ago", "2025-11-19"),
            day("2025-11-17")
        );
        assert_eq!(resolved("said 3 days ago", "2025-11-19"), day("2025-11-16"));
        assert_eq!(
            resolved("said the day before yesterday", "2025-11-19"),
            day("2025-11-17")
        );
        // A number of things is no time, nor a crowd at the weekend.
        for text in ["two soldiers died", "told the weekend crowd"] {
            assert!(find_time_exprs(text, &tokenize(text)).is_empty(), "{text}");
        }
    }

    #[test]
    fn undated_articles_keep_only_absolute_dates() {
        assert_eq!(
            resolve(TimeKind::Weekday(Weekday::Mon), None, None),
            DateValue::Unknown
        );
        assert_eq!(
            resolve(
                TimeKind::MonthDay {
                    month: 3,
                    day: 13,
                    year: Some(2025)
                },
                None,
                None
            ),
            DateValue::Day {
                date: d("2025-03-13")
            }
        );
    }
}
