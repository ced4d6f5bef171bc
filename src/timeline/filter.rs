//! Which statements the user wants to see, and how many each choice would leave.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use crate::model::{ConflictIdx, Dataset, Kind, SpeakerIdx, StatementIdx};

use super::index::Row;
use super::words::Candidates;
use super::{DatasetIndex, format_day, format_month};

/// The user's filter. Empty sets mean "all"; every criterion must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Words that must each occur (case-insensitively) in the statement's text, its
    /// speaker's name or its article's title.
    pub query: String,
    pub speakers: BTreeSet<SpeakerIdx>,
    /// `None` stands for statements about no identified conflict.
    pub conflicts: BTreeSet<Option<ConflictIdx>>,
    /// Inclusive; a statement passes when the days it may have been made on meet the
    /// range. Undated statements never pass a date range.
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// Outlet names; `None` stands for articles whose outlet is unknown.
    pub outlets: BTreeSet<Option<String>>,
    pub kind: Option<Kind>,
    /// Leave out statements by institutions ("the Kremlin", "the Foreign Ministry").
    pub hide_institutional: bool,
    /// Analysts' tags; a statement passes with any of them.
    #[serde(default)]
    pub tags: BTreeSet<String>,
}

/// How many statements each choice of one facet would show, the other facets held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per speaker index.
    pub speakers: Vec<usize>,
    /// Per conflict index, then one more entry for "no conflict".
    pub conflicts: Vec<usize>,
    /// Per entry of [`DatasetIndex::outlets`], then one more for "unknown outlet".
    pub outlets: Vec<usize>,
    /// Direct, reported.
    pub kinds: [usize; 2],
    /// Statements that pass the whole filter.
    pub shown: usize,
}

/// The filter compiled against one dataset: every per-statement test is a table lookup
/// or one text search in the statement's span, and no text is copied.
struct Compiled {
    terms: Vec<Term>,
    /// First and last day of the range, as days of the common era.
    dates: Option<(i32, i32)>,
    /// Per speaker, per conflict slot (the last for no conflict), per article; empty
    /// when the criterion lets everything through.
    speaker_ok: Vec<bool>,
    conflict_ok: Vec<bool>,
    outlet_ok: Vec<bool>,
    /// Per speaker: left out as an institution.
    hidden: Vec<bool>,
}

struct Term {
    matcher: Matcher,
    /// The statements whose text may hold the word, from the word index; `None` (a word
    /// the index cannot narrow down) reads every text.
    candidates: Option<Candidates>,
    speaker_hit: Vec<bool>,
    title_hit: Vec<bool>,
}

/// One query word, found in any case.
enum Matcher {
    /// ASCII words, the usual case, are searched for by their rarest letter in either
    /// case (a vectorised byte search that seldom stops), then compared ignoring ASCII
    /// case: no regex engine set-up on each of a million statements.
    Ascii {
        word: Vec<u8>,
        /// Position of the rarest letter in `word`.
        anchor: usize,
    },
    Regex(Regex),
}

/// Lowercase letters from the most to the least frequent in English text.
const LETTERS_BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";

/// How common `b` is in English text: higher is more common.
fn commonness(b: u8) -> usize {
    LETTERS_BY_FREQUENCY
        .iter()
        .position(|&l| l == b.to_ascii_lowercase())
        .map_or(0, |p| LETTERS_BY_FREQUENCY.len() - p)
}

impl Matcher {
    fn new(word: &str) -> Option<Self> {
        if word.is_ascii() {
            let word = word.to_ascii_lowercase().into_bytes();
            let anchor = (0..word.len())
                .min_by_key(|&i| commonness(word[i]))
                .unwrap_or(0);
            return Some(Matcher::Ascii { word, anchor });
        }
        RegexBuilder::new(&regex::escape(word))
            .case_insensitive(true)
            .build()
            .ok()
            .map(Matcher::Regex)
    }

    fn is_match(&self, text: &str) -> bool {
        match self {
            Matcher::Regex(regex) => regex.is_match(text),
            Matcher::Ascii { word, anchor } => {
                let hay = text.as_bytes();
                let Some(&rare) = word.get(*anchor) else {
                    return true;
                };
                let Some(last_start) = hay.len().checked_sub(word.len()) else {
                    return false;
                };
                // Candidates for the anchor letter, where the word would fit around it.
                let window = &hay[*anchor..=last_start + anchor];
                memchr::memchr2_iter(rare, rare.to_ascii_uppercase(), window)
                    .any(|p| hay[p..p + word.len()].eq_ignore_ascii_case(word))
            }
        }
    }
}

/// Results of each criterion for one statement, in facet order.
#[derive(Clone, Copy)]
struct Verdict {
    speaker: bool,
    conflict: bool,
    outlet: bool,
    kind: bool,
    rest: bool,
}

impl Verdict {
    fn all(self) -> bool {
        self.speaker && self.conflict && self.outlet && self.kind && self.rest
    }
}

impl Filter {
    /// True when the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Statements that pass, in time order (undated last).
    pub fn apply(&self, ds: &Dataset) -> Vec<StatementIdx> {
        self.apply_indexed(ds, &DatasetIndex::build(ds))
    }

    /// Like [`Filter::apply`], with the dataset's index already built.
    pub fn apply_indexed(&self, ds: &Dataset, index: &DatasetIndex) -> Vec<StatementIdx> {
        self.apply_with_facets(ds, index).0
    }

    /// Counts for each facet value, each computed with the other facets applied.
    pub fn facets(&self, ds: &Dataset, index: &DatasetIndex) -> Facets {
        self.apply_with_facets(ds, index).1
    }

    /// The statements that pass, in time order, and the facet counts: one pass over the
    /// statements in storage order (articles' texts are read in sequence), on all cores.
    pub fn apply_with_facets(
        &self,
        ds: &Dataset,
        index: &DatasetIndex,
    ) -> (Vec<StatementIdx>, Facets) {
        /// Statements per task: large enough to amortise a task, small enough to balance.
        const CHUNK: usize = 32_768;
        let compiled = self.compile(ds, index);
        let empty = || Facets {
            speakers: vec![0; ds.speakers.len()],
            conflicts: vec![0; ds.conflicts.len() + 1],
            outlets: vec![0; index.outlets.len() + 1],
            kinds: [0; 2],
            shown: 0,
        };
        let parts: Vec<(Vec<bool>, Facets)> = index
            .rows
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut facets = empty();
                let passes = chunk
                    .iter()
                    .enumerate()
                    .map(|(j, r)| {
                        let i = c * CHUNK + j;
                        let v = self.verdict(ds, &compiled, i, r);
                        facets.count(ds, index, r, v);
                        v.all()
                    })
                    .collect();
                (passes, facets)
            })
            .collect();
        let mut facets = empty();
        let mut passes = Vec::with_capacity(ds.statements.len());
        for (p, f) in parts {
            passes.extend(p);
            facets.add(&f);
        }
        let shown = index
            .time_order
            .iter()
            .copied()
            .filter(|&i| passes.get(i).copied().unwrap_or(false))
            .collect();
        (shown, facets)
    }

    /// One line saying what is shown: "18 of 61 statements · Dmitry Peskov ·
    /// Israel–Iran war · Jun 2025".
    pub fn describe(&self, ds: &Dataset, shown: usize) -> String {
        let total = ds.statements.len();
        let noun = if total == 1 {
            "statement"
        } else {
            "statements"
        };
        let mut parts = vec![if shown == total {
            format!("{total} {noun}")
        } else {
            format!("{shown} of {total} {noun}")
        }];
        let query = self.query.trim();
        if !query.is_empty() {
            parts.push(format!("“{query}”"));
        }
        let speakers: Vec<&str> = self
            .speakers
            .iter()
            .filter_map(|&i| ds.speakers.get(i).map(|s| s.name.as_str()))
            .collect();
        parts.extend(list_or_count(&speakers, "officials"));
        let conflicts: Vec<&str> = self
            .conflicts
            .iter()
            .map(|c| match c {
                Some(i) => ds.conflicts.get(*i).map_or("?", |c| c.name.as_str()),
                None => "no conflict",
            })
            .collect();
        parts.extend(list_or_count(&conflicts, "conflicts"));
        if let Some((first, last)) = self.dates {
            parts.push(describe_range(first, last));
        }
        let outlets: Vec<&str> = self
            .outlets
            .iter()
            .map(|o| o.as_deref().unwrap_or("unknown outlet"))
            .collect();
        parts.extend(list_or_count(&outlets, "outlets"));
        match self.kind {
            Some(Kind::Direct) => parts.push("direct quotes".to_owned()),
            Some(Kind::Reported) => parts.push("reported speech".to_owned()),
            None => {}
        }
        if self.hide_institutional {
            parts.push("no institutions".to_owned());
        }
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|t| format!("#{t}")).collect();
            parts.push(tags.join(" "));
        }
        parts.join(" · ")
    }

    fn compile(&self, ds: &Dataset, index: &DatasetIndex) -> Compiled {
        let terms = self
            .query
            .split_whitespace()
            .filter_map(|word| {
                let matcher = Matcher::new(word)?;
                let speaker_hit = ds
                    .speakers
                    .iter()
                    .map(|s| matcher.is_match(&s.name))
                    .collect();
                let title_hit = ds
                    .articles
                    .iter()
                    .map(|a| a.title.as_deref().is_some_and(|t| matcher.is_match(t)))
                    .collect();
                Some(Term {
                    candidates: index.words(ds).candidates(word),
                    matcher,
                    speaker_hit,
                    title_hit,
                })
            })
            .collect();
        let outlet_ok = if self.outlets.is_empty() {
            Vec::new()
        } else {
            (0..ds.articles.len())
                .map(|a| {
                    let name = index
                        .article_outlet
                        .get(a)
                        .copied()
                        .flatten()
                        .map(|o| index.outlets[o].clone());
                    self.outlets.contains(&name)
                })
                .collect()
        };
        let speaker_ok = if self.speakers.is_empty() {
            Vec::new()
        } else {
            (0..ds.speakers.len())
                .map(|i| self.speakers.contains(&i))
                .collect()
        };
        let conflict_ok = if self.conflicts.is_empty() {
            Vec::new()
        } else {
            (0..=ds.conflicts.len())
                .map(|i| {
                    self.conflicts
                        .contains(&(i < ds.conflicts.len()).then_some(i))
                })
                .collect()
        };
        let hidden = if self.hide_institutional {
            ds.speakers.iter().map(|s| s.institutional).collect()
        } else {
            Vec::new()
        };
        Compiled {
            terms,
            dates: self
                .dates
                .map(|(first, last)| (first.num_days_from_ce(), last.num_days_from_ce())),
            speaker_ok,
            conflict_ok,
            outlet_ok,
            hidden,
        }
    }

    fn verdict(&self, ds: &Dataset, c: &Compiled, i: StatementIdx, r: &Row) -> Verdict {
        let allowed = |table: &[bool], i: u32| {
            table.is_empty() || table.get(i as usize).copied().unwrap_or(false)
        };
        let conflict_slot = if r.conflict == Row::NO_CONFLICT {
            ds.conflicts.len()
        } else {
            r.conflict as usize
        };
        let dated_ok = c
            .dates
            .is_none_or(|(from, to)| r.first <= to && from <= r.last);
        let hidden = c.hidden.get(r.speaker as usize).copied().unwrap_or(false);
        // Annotations are few: most corpora have none, and a lookup per statement is
        // then skipped.
        let curated_ok = (ds.annotations.is_empty() && self.tags.is_empty()) || {
            let annotation = ds.annotation(i);
            !annotation.is_some_and(|a| a.hidden)
                && (self.tags.is_empty()
                    || annotation.is_some_and(|a| !a.tags.is_disjoint(&self.tags)))
        };
        let rest = dated_ok
            && !hidden
            && curated_ok
            && c.terms.iter().all(|t| {
                let in_text = || {
                    let (may, sure) = t
                        .candidates
                        .as_ref()
                        .map_or((true, false), |c| (c.bits.contains(i), c.exact));
                    may && (sure
                        || ds
                            .articles
                            .get(r.article as usize)
                            .and_then(|a| a.text.get(r.start as usize..r.end as usize))
                            .is_some_and(|text| t.matcher.is_match(text)))
                };
                t.speaker_hit
                    .get(r.speaker as usize)
                    .copied()
                    .unwrap_or(false)
                    || t.title_hit
                        .get(r.article as usize)
                        .copied()
                        .unwrap_or(false)
                    || in_text()
            });
        Verdict {
            speaker: allowed(&c.speaker_ok, r.speaker),
            conflict: c.conflict_ok.is_empty()
                || c.conflict_ok.get(conflict_slot).copied().unwrap_or(false),
            outlet: allowed(&c.outlet_ok, r.article),
            kind: self.kind.is_none_or(|k| (k == Kind::Direct) == r.direct),
            rest,
        }
    }
}

impl Facets {
    /// Counts the statement of `r` in each facet whose other criteria it meets.
    fn count(&mut self, ds: &Dataset, index: &DatasetIndex, r: &Row, v: Verdict) {
        if !v.rest {
            return;
        }
        if v.conflict
            && v.outlet
            && v.kind
            && let Some(n) = self.speakers.get_mut(r.speaker as usize)
        {
            *n += 1;
        }
        if v.speaker && v.outlet && v.kind {
            let slot = if r.conflict == Row::NO_CONFLICT {
                ds.conflicts.len()
            } else {
                r.conflict as usize
            };
            if let Some(n) = self.conflicts.get_mut(slot) {
                *n += 1;
            }
        }
        if v.speaker && v.conflict && v.kind {
            let slot = index
                .article_outlet
                .get(r.article as usize)
                .copied()
                .flatten()
                .unwrap_or(index.outlets.len());
            if let Some(n) = self.outlets.get_mut(slot) {
                *n += 1;
            }
        }
        if v.speaker && v.conflict && v.outlet {
            self.kinds[usize::from(!r.direct)] += 1;
        }
        if v.all() {
            self.shown += 1;
        }
    }

    fn add(&mut self, other: &Facets) {
        for (a, b) in [
            (&mut self.speakers, &other.speakers),
            (&mut self.conflicts, &other.conflicts),
            (&mut self.outlets, &other.outlets),
        ] {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.kinds[0] += other.kinds[0];
        self.kinds[1] += other.kinds[1];
        self.shown += other.shown;
    }
}

/// "A", "A, B", or "3 officials".
fn list_or_count(names: &[&str], plural: &str) -> Option<String> {
    match names.len() {
        0 => None,
        1 | 2 => Some(names.join(", ")),
        n => Some(format!("{n} {plural}")),
    }
}

/// "Jun 2025" for a whole month, "2025" for a whole year, else "3 Jun 2025 – 9 Jul 2025".
fn describe_range(first: NaiveDate, last: NaiveDate) -> String {
    let whole_month = first.day() == 1
        && last == crate::model::last_day_of_month(first)
        && first.month() == last.month();
    let whole_year = first.ordinal() == 1
        && first.year() == last.year()
        && last.month() == 12
        && last.day() == 31;
    if whole_year {
        first.year().to_string()
    } else if whole_month {
        format_month(first.year(), first.month())
    } else if first == last {
        format_day(first)
    } else {
        format!("{} – {}", format_day(first), format_day(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{self, day};

    #[test]
    fn an_empty_filter_shows_everything_in_time_order() {
        let ds = fixture::small();
        let f = Filter::default();
        assert!(f.is_empty());
        assert_eq!(f.apply(&ds), [3, 4, 0, 2, 1, 5]);
        assert_eq!(f.describe(&ds, 6), "6 statements");
    }

    #[test]
    fn one_official_leaves_only_their_statements() {
        let ds = fixture::small();
        let f = Filter {
            speakers: [0].into(),
            ..Filter::default()
        };
        assert_eq!(f.apply(&ds), [0, 2, 1]);
        assert_eq!(f.describe(&ds, 3), "3 of 6 statements · Dmitry Peskov");
    }

    #[test]
    fn query_matches_text_speaker_and_title_case_insensitively() {
        let ds = fixture::small();
        let by_text = Filter {
            query: "WELCOME".into(),
            ..Filter::default()
        };
        assert_eq!(by_text.apply(&ds), [0, 1]);
        let by_speaker_and_text = Filter {
            query: "lavrov kyiv".into(),
            ..Filter::default()
        };
        assert_eq!(by_speaker_and_text.apply(&ds), [3]);
        let by_title = Filter {
            query: "reacts".into(),
            ..Filter::default()
        };
        assert_eq!(by_title.apply(&ds), [1, 5]);
    }

    #[test]
    fn date_range_keeps_overlapping_dates_and_drops_undated() {
        let ds = fixture::small();
        let f = Filter {
            dates: Some((day("2025-05-20"), day("2025-06-30"))),
            ..Filter::default()
        };
        // The May statement overlaps the range; the undated one never passes.
        assert_eq!(f.apply(&ds), [4, 0, 2, 1]);
        let june = Filter {
            dates: Some((day("2025-06-01"), day("2025-06-30"))),
            conflicts: [Some(0)].into(),
            speakers: [0].into(),
            ..Filter::default()
        };
        assert_eq!(
            june.describe(&ds, 3),
            "3 of 6 statements · Dmitry Peskov · Israel–Iran war · Jun 2025"
        );
    }

    #[test]
    fn outlet_kind_conflict_and_institution_filters() {
        let ds = fixture::small();
        let reuters = Filter {
            outlets: [Some("Reuters".to_owned())].into(),
            ..Filter::default()
        };
        assert_eq!(reuters.apply(&ds), [1, 5]);
        let direct = Filter {
            kind: Some(Kind::Direct),
            ..Filter::default()
        };
        assert_eq!(direct.apply(&ds), [3, 2]);
        let no_conflict = Filter {
            conflicts: [None].into(),
            ..Filter::default()
        };
        assert_eq!(no_conflict.apply(&ds), [5]);
        let people = Filter {
            hide_institutional: true,
            ..Filter::default()
        };
        assert!(!people.apply(&ds).contains(&4));
    }

    #[test]
    fn hidden_statements_never_pass_and_tags_select_any_of_them() {
        let mut ds = fixture::small();
        let mark = |hidden: bool, tags: &[&str]| crate::model::Annotation {
            hidden,
            tags: tags.iter().map(|&t| t.to_owned()).collect(),
            ..crate::model::Annotation::default()
        };
        ds.annotations.insert(0, mark(true, &["key"]));
        ds.annotations.insert(2, mark(false, &["key", "check"]));
        ds.annotations.insert(5, mark(false, &["check"]));
        assert_eq!(Filter::default().apply(&ds), [3, 4, 2, 1, 5]);
        let tagged = Filter {
            tags: ["key".to_owned()].into(),
            ..Filter::default()
        };
        assert_eq!(tagged.apply(&ds), [2]);
        assert_eq!(tagged.describe(&ds, 1), "1 of 6 statements · #key");
        let either = Filter {
            tags: ["key".to_owned(), "check".to_owned()].into(),
            ..Filter::default()
        };
        assert_eq!(either.apply(&ds), [2, 5]);
    }

    #[test]
    fn facet_counts_hold_the_other_facets() {
        let ds = fixture::small();
        let index = DatasetIndex::build(&ds);
        let f = Filter {
            speakers: [0].into(),
            ..Filter::default()
        };
        let facets = f.facets(&ds, &index);
        // Speaker counts ignore the speaker choice itself...
        assert_eq!(facets.speakers, [3, 2, 1]);
        // ...while conflict counts are Peskov's only.
        assert_eq!(facets.conflicts, [3, 0, 0]);
        assert_eq!(facets.kinds, [1, 2]);
        assert_eq!(facets.outlets, [1, 2, 0]);
        assert_eq!(facets.shown, 3);
    }

    #[test]
    fn query_words_match_in_any_case_anywhere_in_the_text() {
        let ascii = Matcher::new("KyIv").expect("a word");
        assert!(ascii.is_match("talks in kyiv"));
        assert!(ascii.is_match("KYIV"));
        assert!(ascii.is_match("Kyivan"));
        assert!(!ascii.is_match("Kyi"));
        assert!(!ascii.is_match("Ky iv"));
        let accented = Matcher::new("zürich").expect("a word");
        assert!(accented.is_match("in ZÜRICH"));
        assert!(!accented.is_match("Zurich"));
    }

    #[test]
    fn ranges_describe_themselves_compactly() {
        assert_eq!(
            describe_range(day("2025-06-01"), day("2025-06-30")),
            "Jun 2025"
        );
        assert_eq!(describe_range(day("2025-01-01"), day("2025-12-31")), "2025");
        assert_eq!(
            describe_range(day("2025-06-03"), day("2025-07-09")),
            "3 Jun 2025 – 9 Jul 2025"
        );
    }
}
