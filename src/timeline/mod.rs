//! What the timeline shows, derived from a [`Dataset`](crate::model::Dataset) by pure
//! functions: which statements pass the filter, where each one sits, and how dense the
//! lanes are when zoomed out. The screen and the image exporter both draw from it, so
//! nothing here knows about egui: positions are days, colours are palette indices.

pub mod deck;
pub mod filter;
pub mod index;
pub mod layout;
pub mod lod;
mod words;

use chrono::{Datelike, NaiveDate};

pub use deck::{Card, Deck, Stage};
pub use filter::{Facets, Filter};
pub use index::DatasetIndex;
pub use layout::{Item, Lane, LaneKind, LaneMode, LayoutOptions, Swatch, TimelineLayout};
pub use lod::DensityIndex;

/// Day 0 of the time axis: x coordinates are days since 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The x coordinate of the start (midnight) of `date`.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - EPOCH_DAYS_FROM_CE)
}

/// The date whose day contains x coordinate `day`, if it is a representable date.
pub fn date_of_day(day: f64) -> Option<NaiveDate> {
    if !day.is_finite() || day.abs() > 3.0e6 {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "bounded to ±3e6 days just above"
    )]
    let days = day.floor() as i32;
    NaiveDate::from_num_days_from_ce_opt(days + EPOCH_DAYS_FROM_CE)
}

/// Days `[from, to)` that show every item of `extent` (first and last day) with a margin:
/// 3% each side, at least a day, and at least two weeks in all.
pub fn padded_extent(extent: Option<(f64, f64)>) -> (f64, f64) {
    let (a, b) = extent.unwrap_or((0.0, 1.0));
    let pad = ((b - a) * 0.03).max(1.0);
    let (mut a, mut b) = (a - pad, b + pad);
    if b - a < 14.0 {
        let mid = 0.5 * (a + b);
        (a, b) = (mid - 7.0, mid + 7.0);
    }
    (a, b)
}

/// Short month names in English, for labels that must not depend on the locale.
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "24 Jun 2025".
pub fn format_day(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "Jun 2025".
pub fn format_month(year: i32, month: u32) -> String {
    let name = MONTHS.get(month.saturating_sub(1) as usize).unwrap_or(&"?");
    format!("{name} {year}")
}

/// A statement date as a reader wants it: "24 Jun 2025", "Jun 2025", "21–31 Oct 2024",
/// or "undated".
pub fn format_date(value: &crate::model::DateValue) -> String {
    use crate::model::DateValue;
    match *value {
        DateValue::Day { date } => format_day(date),
        DateValue::Month { year, month } => format_month(year, month),
        DateValue::Range { first, last } => {
            if first.year() == last.year() && first.month() == last.month() {
                format!(
                    "{}–{} {}",
                    first.day(),
                    last.day(),
                    format_month(first.year(), first.month())
                )
            } else {
                format!("{} – {}", format_day(first), format_day(last))
            }
        }
        DateValue::Unknown => "undated".to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateValue;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(day("1970-01-01")), 0.0);
        assert_eq!(day_number(day("1970-01-02")), 1.0);
        let d = day("2025-06-24");
        assert_eq!(date_of_day(day_number(d)), Some(d));
        assert_eq!(date_of_day(day_number(d) + 0.99), Some(d));
        assert_eq!(date_of_day(f64::NAN), None);
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(
            format_date(&DateValue::Day {
                date: day("2025-06-24")
            }),
            "24 Jun 2025"
        );
        assert_eq!(format_date(&DateValue::month(2025, 1)), "Jan 2025");
        assert_eq!(
            format_date(&DateValue::Range {
                first: day("2024-10-21"),
                last: day("2024-10-31")
            }),
            "21–31 Oct 2024"
        );
        assert_eq!(format_date(&DateValue::Unknown), "undated");
    }
}
