//! Lookups built once per dataset, so filtering and drawing never rescan it.

use crate::model::{Dataset, EventId, Statement, StatementIdx};

use std::sync::OnceLock;

use chrono::Datelike;
use rayon::prelude::*;

use super::words::WordIndex;

/// Per-dataset lookups: statements in time order, statements per event, outlet names.
/// `ds` arguments must be the dataset the index was built from.
#[derive(Debug, Clone, Default)]
pub struct DatasetIndex {
    /// Every statement, dated ones by their first possible day, undated ones last.
    pub time_order: Vec<StatementIdx>,
    /// The statements of each event, built on first use (or ahead of it, by
    /// [`DatasetIndex::prepare_events`]): filtering and exporting never read them.
    events: OnceLock<Events>,
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
    /// The words of the statements' texts, built on the first text query (or ahead of
    /// it, by [`DatasetIndex::prepare_words`]): a view without a query never pays for it.
    words: OnceLock<WordIndex>,
}

/// Statements grouped by the utterance they report.
#[derive(Debug, Clone, Default)]
struct Events {
    /// Events ascending, each group in time order: one array rather than a list per
    /// event.
    by_event: Vec<StatementIdx>,
    /// Each event with where its group starts in `by_event`, ascending.
    starts: Vec<(EventId, u32)>,
}

impl Events {
    fn build(ds: &Dataset, time_order: &[StatementIdx]) -> Self {
        // Sorting by (event, place in time) makes each event's group a run.
        let mut by_time_in_event: Vec<(EventId, u32)> = time_order
            .iter()
            .enumerate()
            .map(|(rank, &i)| (ds.statements[i].event, narrow(rank)))
            .collect();
        by_time_in_event.par_sort_unstable();
        let by_event = by_time_in_event
            .iter()
            .map(|&(_, rank)| time_order[rank as usize])
            .collect();
        let mut starts: Vec<(EventId, u32)> = Vec::new();
        for (at, &(event, _)) in by_time_in_event.iter().enumerate() {
            if starts.last().is_none_or(|&(e, _)| e != event) {
                starts.push((event, narrow(at)));
            }
        }
        Self { by_event, starts }
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

    /// Sort key in time: first possible day, last possible day, then where in which
    /// article; undated statements last. One number, so the sort compares one.
    fn time_key(&self) -> u128 {
        // Days as unsigned numbers in the same order.
        let day = |d: i32| u128::from(d.cast_unsigned() ^ 1 << 31);
        let (first, last) = if self.first <= self.last {
            (self.first, self.last)
        } else {
            (i32::MAX, i32::MAX)
        };
        day(first) << 96 | day(last) << 64 | u128::from(self.article) << 32 | u128::from(self.start)
    }

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
        let rows: Vec<Row> = ds.statements.par_iter().map(Row::of).collect();
        // Time order from the packed rows (32 bytes a statement, not the statements).
        let mut keyed: Vec<(u128, u32)> = rows
            .par_iter()
            .enumerate()
            .map(|(i, r)| (r.time_key(), narrow(i)))
            .collect();
        keyed.par_sort_unstable();
        let time_order: Vec<StatementIdx> = keyed.into_iter().map(|(_, i)| i as usize).collect();
        let mut outlets: Vec<&str> = ds
            .articles
            .iter()
            .filter_map(|a| a.outlet.as_deref())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        let article_outlet = ds
            .articles
            .iter()
            .map(|a| {
                a.outlet
                    .as_deref()
                    .and_then(|o| outlets.binary_search(&o).ok())
            })
            .collect();
        let day = chrono::NaiveDate::from_num_days_from_ce_opt;
        let span = rows
            .par_iter()
            .filter(|r| r.first <= r.last)
            .map(|r| (r.first, r.last))
            .reduce_with(|(a, b), (c, d)| (a.min(c), b.max(d)))
            .and_then(|(first, last)| Some((day(first)?, day(last)?)));
        Self {
            time_order,
            events: OnceLock::new(),
            outlets: outlets.into_iter().map(str::to_owned).collect(),
            article_outlet,
            swatches: super::layout::conflict_swatches(ds),
            span,
            rows,
            words: OnceLock::new(),
        }
    }

    /// The word index of `ds`, which must be the dataset this index was built from.
    pub(crate) fn words(&self, ds: &Dataset) -> &WordIndex {
        self.words.get_or_init(|| WordIndex::build(ds))
    }

    /// Builds the word index now (on a background thread, say) so that the first text
    /// query does not wait for it.
    pub fn prepare_words(&self, ds: &Dataset) {
        self.words(ds);
    }

    fn events(&self, ds: &Dataset) -> &Events {
        self.events
            .get_or_init(|| Events::build(ds, &self.time_order))
    }

    /// Groups the statements by event now (on a background thread, say) so that the
    /// first look at a statement's other reports does not wait for it.
    pub fn prepare_events(&self, ds: &Dataset) {
        self.events(ds);
    }

    /// Other statements reporting the same utterance as `statement`, in time order.
    pub fn same_event(&self, ds: &Dataset, statement: StatementIdx) -> &[StatementIdx] {
        let Some(event) = ds.statements.get(statement).map(|s| s.event) else {
            return &[];
        };
        let events = self.events(ds);
        let Ok(k) = events.starts.binary_search_by_key(&event, |&(e, _)| e) else {
            return &[];
        };
        let start = events.starts[k].1 as usize;
        let end = events
            .starts
            .get(k + 1)
            .map_or(events.by_event.len(), |&(_, s)| s as usize);
        events.by_event.get(start..end).unwrap_or_default()
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

fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
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
