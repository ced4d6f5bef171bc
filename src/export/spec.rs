//! A filter as people type it on the command line — names, not indices; dates as
//! `2025`, `2025-06` or `2025-06-24` — resolved against one dataset.

use chrono::NaiveDate;

use crate::model::{Dataset, last_day_of_month};
use crate::timeline::Filter;

/// The words of a filter before they are looked up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterSpec {
    /// Conflict names or aliases, or `none` for statements about no conflict.
    pub conflicts: Vec<String>,
    /// Officials' names or aliases.
    pub speakers: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub query: Option<String>,
}

/// Why a filter could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("no conflict named {0:?} in this corpus")]
    UnknownConflict(String),
    #[error("no official named {0:?} in this corpus")]
    UnknownSpeaker(String),
    #[error("{0:?} names several: {1}; be more precise")]
    Ambiguous(String, String),
    #[error("cannot read the date {0:?}: use 2025, 2025-06 or 2025-06-24")]
    BadDate(String),
}

impl FilterSpec {
    /// The filter these words make for `ds`. A name matches a canonical name or an alias,
    /// ignoring case and the kind of dash; else it matches the one name containing it.
    pub fn resolve(&self, ds: &Dataset) -> Result<Filter, SpecError> {
        let mut filter = Filter {
            query: self.query.clone().unwrap_or_default(),
            ..Filter::default()
        };
        for name in &self.conflicts {
            if ["none", "no conflict"].contains(&normalise(name).as_str()) {
                filter.conflicts.insert(None);
                continue;
            }
            let names = ds
                .conflicts
                .iter()
                .map(|c| (c.name.as_str(), c.aliases.as_slice()));
            let i = find(name, names)
                .map_err(|e| e.unwrap_or_else(|| SpecError::UnknownConflict(name.clone())))?;
            filter.conflicts.insert(Some(i));
        }
        for name in &self.speakers {
            let names = ds
                .speakers
                .iter()
                .map(|s| (s.name.as_str(), s.aliases.as_slice()));
            let i = find(name, names)
                .map_err(|e| e.unwrap_or_else(|| SpecError::UnknownSpeaker(name.clone())))?;
            filter.speakers.insert(i);
        }
        let from = self
            .from
            .as_deref()
            .map(|s| parse_bound(s, false))
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .map(|s| parse_bound(s, true))
            .transpose()?;
        filter.dates = match (from, to) {
            (None, None) => None,
            (a, b) => Some((a.unwrap_or(NaiveDate::MIN), b.unwrap_or(NaiveDate::MAX))),
        };
        Ok(filter)
    }
}

fn normalise(s: &str) -> String {
    s.trim().to_lowercase().replace(['–', '—', '‐'], "-")
}

/// The index of the entry `wanted` names: `Err(None)` when none does, `Err(Some(..))`
/// when it is ambiguous.
fn find<'a>(
    wanted: &str,
    entries: impl Iterator<Item = (&'a str, &'a [String])> + Clone,
) -> Result<usize, Option<SpecError>> {
    let w = normalise(wanted);
    let exact = entries.clone().position(|(name, aliases)| {
        normalise(name) == w || aliases.iter().any(|a| normalise(a) == w)
    });
    if let Some(i) = exact {
        return Ok(i);
    }
    let partial: Vec<(usize, &str)> = entries
        .enumerate()
        .filter(|(_, (name, aliases))| {
            normalise(name).contains(&w) || aliases.iter().any(|a| normalise(a).contains(&w))
        })
        .map(|(i, (name, _))| (i, name))
        .collect();
    match partial.as_slice() {
        [] => Err(None),
        [(i, _)] => Ok(*i),
        many => Err(Some(SpecError::Ambiguous(
            wanted.to_owned(),
            many.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", "),
        ))),
    }
}

/// `2025`, `2025-06` or `2025-06-24` as the first (or, for `end`, the last) day it covers.
pub fn parse_bound(s: &str, end: bool) -> Result<NaiveDate, SpecError> {
    let bad = || SpecError::BadDate(s.to_owned());
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y] => {
            let year = y.parse::<i32>().map_err(|_| bad())?;
            let (m, d) = if end { (12, 31) } else { (1, 1) };
            NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad)
        }
        [y, m] => {
            let year = y.parse::<i32>().map_err(|_| bad())?;
            let first = NaiveDate::from_ymd_opt(year, num(m)?, 1).ok_or_else(bad)?;
            Ok(if end { last_day_of_month(first) } else { first })
        }
        [y, m, d] => {
            let year = y.parse::<i32>().map_err(|_| bad())?;
            NaiveDate::from_ymd_opt(year, num(m)?, num(d)?).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{self, day};

    #[test]
    fn names_resolve_loosely_but_not_ambiguously() {
        let ds = fixture::small();
        let spec = FilterSpec {
            conflicts: vec!["israel-iran WAR".into(), "none".into()],
            speakers: vec!["peskov".into()],
            from: Some("2025-06".into()),
            to: Some("2025".into()),
            ..FilterSpec::default()
        };
        let f = spec.resolve(&ds).expect("resolves");
        assert_eq!(f.conflicts, [Some(0), None].into());
        assert_eq!(f.speakers, [0].into());
        assert_eq!(f.dates, Some((day("2025-06-01"), day("2025-12-31"))));
        let vague = FilterSpec {
            conflicts: vec!["war".into()],
            ..FilterSpec::default()
        };
        assert!(matches!(vague.resolve(&ds), Err(SpecError::Ambiguous(..))));
        let unknown = FilterSpec {
            speakers: vec!["Nobody".into()],
            ..FilterSpec::default()
        };
        assert_eq!(
            unknown.resolve(&ds),
            Err(SpecError::UnknownSpeaker("Nobody".into()))
        );
    }

    #[test]
    fn date_bounds_cover_their_period() {
        assert_eq!(parse_bound("2024-02", true), Ok(day("2024-02-29")));
        assert_eq!(parse_bound("2024", false), Ok(day("2024-01-01")));
        assert_eq!(parse_bound("2024-02-03", true), Ok(day("2024-02-03")));
        assert!(parse_bound("June", false).is_err());
        assert!(parse_bound("2024-13", false).is_err());
    }
}
