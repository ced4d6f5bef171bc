//! Lookups built once per dataset, so filtering and drawing never rescan it.

use std::collections::HashMap;

use crate::model::{Dataset, EventId, Statement, StatementIdx};

use chrono::Datelike;
use rayon::prelude::*;

/// Per-dataset lookups: statements in time order, statements per event, outlet names.
#[derive(Debug, Clone, Default)]
pub struct DatasetIndex {
    /// Every statement, dated ones by their first possible day, undated ones last.
    pub time_order: Vec<StatementIdx>,
    /// Statements that report one utterance, in time order.
    pub by_event: HashMap<EventId, Vec<StatementIdx>>,
    /// Distinct outlet names, sorted.
    pub outlets: Vec<String>,
    /// Each article's position in `outlets`, `None` when the outlet is unknown.
    pub article_outlet: Vec<Option<usize>>,
    /// Each conflict's colour.
    pub swatches: Vec<super::Swatch>,
    /// The first and last day any statement may have been made on.
    pub span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// What the filter reads of each statement, packed, by statement index.
    pub(crate) rows: Vec<Row>,
    /// Each statement's [`Bigrams`]: a text query skips the statements that lack a
    /// word's letter pairs without reading their text.
    pub(crate) bigrams: Vec<Bigrams>,
}

/// The set of (ASCII-lowercased) byte pairs of a text, hashed into 256 bits: a text
/// that contains a word contains its pairs, so a missing pair rules the text out. About
/// one in three bits is set for a statement-length text, so a word of seven letters
/// passes for a text without it about once in a thousand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Bigrams([u64; 4]);

impl Bigrams {
    pub fn of(text: &[u8]) -> Self {
        let mut bits = [0u64; 4];
        for pair in text.windows(2) {
            let (a, b) = (pair[0].to_ascii_lowercase(), pair[1].to_ascii_lowercase());
            let h = (u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9e37_79b1) >> 24;
            bits[(h >> 6) as usize] |= 1 << (h & 63);
        }
        Self(bits)
    }

    /// Whether every pair of `other` is in `self`.
    pub fn covers(&self, other: &Bigrams) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }
}

/// What the filter reads of a statement, packed: a pass over a million statements reads
/// 32 MB instead of the statements themselves.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub speaker: u32,
    pub article: u32,
    /// `u32::MAX` for no conflict.
    pub conflict: u32,
    /// First and last possible day (days of the common era); first > last when undated.
    pub first: i32,
    pub last: i32,
    /// The statement's span in its article's text.
    pub start: u32,
    pub end: u32,
    pub direct: bool,
}

impl Row {
    pub const NO_CONFLICT: u32 = u32::MAX;

    fn of(s: &Statement) -> Self {
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        let (first, last) = s
            .date
            .value
            .bounds()
            .map_or((i32::MAX, i32::MIN), |(a, b)| {
                (a.num_days_from_ce(), b.num_days_from_ce())
            });
        Self {
            speaker: narrow(s.speaker),
            article: narrow(s.article),
            conflict: s.conflict.map_or(Self::NO_CONFLICT, narrow),
            first,
            last,
            start: narrow(s.span.start),
            end: narrow(s.span.end),
            direct: s.kind == crate::model::Kind::Direct,
        }
    }
}

impl DatasetIndex {
    pub fn build(ds: &Dataset) -> Self {
        let mut keyed: Vec<(TimeKey, StatementIdx)> = ds
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| (time_key(s), i))
            .collect();
        keyed.sort_unstable();
        let time_order: Vec<StatementIdx> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut by_event: HashMap<EventId, Vec<StatementIdx>> = HashMap::new();
        for &i in &time_order {
            by_event.entry(ds.statements[i].event).or_default().push(i);
        }
        let mut outlets: Vec<String> = ds
            .articles
            .iter()
            .filter_map(|a| a.outlet.clone())
            .collect();
        outlets.sort();
        outlets.dedup();
        let article_outlet = ds
            .articles
            .iter()
            .map(|a| {
                a.outlet
                    .as_ref()
                    .and_then(|o| outlets.binary_search(o).ok())
            })
            .collect();
        Self {
            time_order,
            by_event,
            outlets,
            article_outlet,
            swatches: super::layout::conflict_swatches(ds),
            span: ds
                .statements
                .iter()
                .filter_map(|s| s.date.value.bounds())
                .reduce(|(a, b), (c, d)| (a.min(c), b.max(d))),
            rows: ds.statements.iter().map(Row::of).collect(),
            bigrams: ds
                .statements
                .par_iter()
                .map(|s| Bigrams::of(ds.statement_text(s).as_bytes()))
                .collect(),
        }
    }

    /// Other statements reporting the same utterance as `statement`, in time order.
    pub fn same_event(&self, ds: &Dataset, statement: StatementIdx) -> &[StatementIdx] {
        ds.statements
            .get(statement)
            .and_then(|s| self.by_event.get(&s.event))
            .map_or(&[], Vec::as_slice)
    }

    /// How many distinct outlets (or articles, where the outlet is unknown) report the
    /// utterance `statement` belongs to.
    pub fn outlet_count(&self, ds: &Dataset, statement: StatementIdx) -> usize {
        let mut seen: Vec<(Option<usize>, usize)> = self
            .same_event(ds, statement)
            .iter()
            .map(|&i| {
                let article = ds.statements[i].article;
                match self.article_outlet.get(article).copied().flatten() {
                    Some(outlet) => (Some(outlet), 0),
                    None => (None, article),
                }
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

/// Sort key in time: first possible day, last possible day (days since the common era),
/// then where in which article; undated statements last.
type TimeKey = (i32, i32, usize, usize);

fn time_key(s: &Statement) -> TimeKey {
    match s.date.value.bounds() {
        Some((first, last)) => (
            first.num_days_from_ce(),
            last.num_days_from_ce(),
            s.article,
            s.span.start,
        ),
        None => (i32::MAX, i32::MAX, s.article, s.span.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture;

    #[test]
    fn statements_come_in_time_order_with_undated_last() {
        let ds = fixture::small();
        let index = DatasetIndex::build(&ds);
        let days: Vec<String> = index
            .time_order
            .iter()
            .map(|&i| crate::timeline::format_date(&ds.statements[i].date.value))
            .collect();
        assert_eq!(
            days,
            [
                "4 Apr 2025",
                "May 2025",
                "24 Jun 2025",
                "24 Jun 2025",
                "24 Jun 2025",
                "undated"
            ]
        );
    }

    #[test]
    fn bigrams_never_rule_out_a_text_that_holds_the_word() {
        let text = Bigrams::of(b"The CONVOYS reached Kharkiv on Tuesday.");
        assert!(text.covers(&Bigrams::of(b"convoys")));
        assert!(text.covers(&Bigrams::of(b"kharKIV")));
        assert!(!text.covers(&Bigrams::of(b"ceasefire")));
    }

    #[test]
    fn an_event_reported_by_two_outlets_counts_two() {
        let ds = fixture::small();
        let index = DatasetIndex::build(&ds);
        assert_eq!(index.same_event(&ds, 0), &[0, 1]);
        assert_eq!(index.outlet_count(&ds, 0), 2);
        assert_eq!(index.outlet_count(&ds, 2), 1);
        assert_eq!(index.outlets, ["Reuters", "TASS"]);
        assert_eq!(
            index.span,
            Some((fixture::day("2025-04-04"), fixture::day("2025-06-24")))
        );
    }
}
