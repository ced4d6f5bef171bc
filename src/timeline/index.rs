//! Lookups built once per dataset, so filtering and drawing never rescan it.

use std::collections::HashMap;

use crate::model::{Dataset, EventId, Statement, StatementIdx};

use super::day_number;

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
}

impl DatasetIndex {
    pub fn build(ds: &Dataset) -> Self {
        let mut time_order: Vec<StatementIdx> = (0..ds.statements.len()).collect();
        time_order.sort_by(|&a, &b| {
            time_key(&ds.statements[a])
                .partial_cmp(&time_key(&ds.statements[b]))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
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

/// Sort key in time: first possible day, last possible day; undated statements last.
fn time_key(s: &Statement) -> (f64, f64, usize, usize) {
    match s.date.value.bounds() {
        Some((first, last)) => (day_number(first), day_number(last), s.article, s.span.start),
        None => (f64::INFINITY, f64::INFINITY, s.article, s.span.start),
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
    fn an_event_reported_by_two_outlets_counts_two() {
        let ds = fixture::small();
        let index = DatasetIndex::build(&ds);
        assert_eq!(index.same_event(&ds, 0), &[0, 1]);
        assert_eq!(index.outlet_count(&ds, 0), 2);
        assert_eq!(index.outlet_count(&ds, 2), 1);
        assert_eq!(index.outlets, ["Reuters", "TASS"]);
    }
}
