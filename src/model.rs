//! The data model every other part reads: articles as loaded, statements as extracted,
//! the speakers and conflicts they point to, and the events that group them.
//!
//! Nothing here knows about egui; the UI and the exporters only read these types.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Index of an article in [`Dataset::articles`].
pub type ArticleIdx = usize;
/// Index of a speaker in [`Dataset::speakers`].
pub type SpeakerIdx = usize;
/// Index of a conflict in [`Dataset::conflicts`].
pub type ConflictIdx = usize;
/// Index of a statement in [`Dataset::statements`].
pub type StatementIdx = usize;
/// Identifier of a group of statements that report one utterance.
pub type EventId = u32;

/// Maps byte offsets in an article's decoded text back to byte offsets in the file on disk.
///
/// Plain text maps one to one (shifted by where the article starts in its file); HTML
/// entities, JSON escapes and replaced invalid bytes do not, so the map is a list of
/// segments, each either copied verbatim or decoded from a differently sized source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Segment {
    text_start: usize,
    text_len: usize,
    file_start: usize,
    file_len: usize,
}

impl OffsetMap {
    /// A map for text copied verbatim from `file_start..file_start + len`.
    pub fn verbatim(file_start: usize, len: usize) -> Self {
        let mut map = Self::default();
        map.push(len, file_start, len);
        map
    }

    /// Appends a segment: the next `text_len` bytes of text came from
    /// `file_start..file_start + file_len`. Verbatim segments have equal lengths.
    pub fn push(&mut self, text_len: usize, file_start: usize, file_len: usize) {
        let text_start = self.text_len();
        if let Some(last) = self.segments.last_mut() {
            let contiguous = last.text_len == last.file_len
                && text_len == file_len
                && last.file_start + last.file_len == file_start;
            if contiguous {
                last.text_len += text_len;
                last.file_len += file_len;
                return;
            }
        }
        self.segments.push(Segment {
            text_start,
            text_len,
            file_start,
            file_len,
        });
    }

    /// Length of the text this map covers.
    pub fn text_len(&self) -> usize {
        self.segments
            .last()
            .map_or(0, |s| s.text_start + s.text_len)
    }

    /// File offset of a text offset. An offset inside a decoded segment (an entity, an
    /// escape) maps to the segment's start, or to its end when it is the segment's end.
    pub fn to_file(&self, text_offset: usize) -> usize {
        let i = self
            .segments
            .partition_point(|s| s.text_start + s.text_len < text_offset);
        let Some(seg) = self.segments.get(i) else {
            return self
                .segments
                .last()
                .map_or(text_offset, |s| s.file_start + s.file_len);
        };
        let delta = text_offset.saturating_sub(seg.text_start);
        if seg.text_len == seg.file_len {
            seg.file_start + delta
        } else if delta >= seg.text_len {
            seg.file_start + seg.file_len
        } else {
            seg.file_start
        }
    }

    /// File byte range of a text byte range.
    pub fn range_to_file(&self, range: &Range<usize>) -> Range<usize> {
        self.to_file(range.start)..self.to_file(range.end)
    }
}

/// One news article, as read from the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Path of the file, relative to the corpus folder, with `/` separators.
    pub file: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// `None` for an undated article: it is kept, its statements get relative dates only
    /// where the text itself fixes them.
    pub published: Option<NaiveDate>,
    /// The article's readable text: for plain text the file's bytes for this article, for
    /// HTML and JSON the decoded visible text. Statement spans index into it.
    pub text: String,
    /// The body paragraphs, as ranges of `text`: headlines, photo captions, credits,
    /// repeated lines and boilerplate are left out, so extraction never sees them.
    pub paragraphs: Vec<Range<usize>>,
    /// From `text` offsets to offsets in the file on disk.
    pub offsets: OffsetMap,
    /// Hash of the article's text: the stable part of statement ids, and the cache key.
    pub content_hash: u64,
}

impl Article {
    pub fn paragraph_text(&self, i: usize) -> &str {
        &self.text[self.paragraphs[i].clone()]
    }
}

/// Whether a statement quotes the speaker's words or reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Direct,
    Reported,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Reported => "reported",
        }
    }
}

/// When a statement was made, as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "precision", rename_all = "lowercase")]
pub enum DateValue {
    Day { date: NaiveDate },
    Month { year: i32, month: u32 },
    Range { first: NaiveDate, last: NaiveDate },
    Unknown,
}

/// How precisely a [`DateValue`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Range,
    Unknown,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Range => "range",
            Precision::Unknown => "unknown",
        }
    }
}

impl DateValue {
    pub fn month(year: i32, month: u32) -> Self {
        DateValue::Month { year, month }
    }

    pub fn precision(&self) -> Precision {
        match self {
            DateValue::Day { .. } => Precision::Day,
            DateValue::Month { .. } => Precision::Month,
            DateValue::Range { .. } => Precision::Range,
            DateValue::Unknown => Precision::Unknown,
        }
    }

    /// First and last day the statement may have been made on.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            DateValue::Day { date } => Some((date, date)),
            DateValue::Month { year, month } => {
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                Some((first, last_day_of_month(first)))
            }
            DateValue::Range { first, last } => Some((first, last)),
            DateValue::Unknown => None,
        }
    }

    /// The date as exported: `YYYY-MM-DD` for a day, `YYYY-MM` for a month or for a range
    /// inside one month, the first day of a longer range; `None` when unknown.
    pub fn export(&self) -> Option<String> {
        match *self {
            DateValue::Day { date } => Some(date.format("%Y-%m-%d").to_string()),
            DateValue::Month { year, month } => Some(format!("{year:04}-{month:02}")),
            DateValue::Range { first, last } => {
                if (first.year(), first.month()) == (last.year(), last.month()) {
                    Some(first.format("%Y-%m").to_string())
                } else {
                    Some(first.format("%Y-%m-%d").to_string())
                }
            }
            DateValue::Unknown => None,
        }
    }
}

/// The last day of `date`'s month.
pub fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    let (y, m) = (date.year(), date.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(date)
}

/// A statement's date together with the words that fixed it, so a reader can check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementDate {
    pub value: DateValue,
    /// The time expression ("on Tuesday", "in late October"), or how the date was
    /// inferred ("publication date", "background: no date").
    pub basis: String,
}

impl StatementDate {
    pub fn unknown(basis: impl Into<String>) -> Self {
        Self {
            value: DateValue::Unknown,
            basis: basis.into(),
        }
    }
}

/// A person or an institution that makes statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical name, as shown and exported.
    pub name: String,
    /// Other spellings and transliterations ("Sergey Lavrov", "Zelenskyy").
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub institutional: bool,
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Country the speaker acts for, used to resolve "the Russian diplomat".
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    #[serde(alias = "m")]
    Male,
    #[serde(alias = "f")]
    Female,
}

/// An office held over a period; roles change, so a statement's role depends on its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

impl Speaker {
    /// The role held on `date` (the latest role when the date is unknown).
    pub fn role_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        let held = |r: &&Role| match date {
            Some(d) => r.from.is_none_or(|f| f <= d) && r.to.is_none_or(|t| d <= t),
            None => r.to.is_none(),
        };
        self.roles
            .iter()
            .rfind(held)
            .or(self.roles.last())
            .map(|r| r.title.as_str())
    }
}

/// A conflict of the taxonomy, with the words that tag statements as about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// Canonical name, as exported ("Russia–Ukraine war").
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Words specific to this conflict ("Donbas", "Hamas"): strong evidence.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Places where it is fought: good evidence.
    #[serde(default)]
    pub places: Vec<String>,
    /// Parties to it, often parties to others too: weak evidence.
    #[serde(default)]
    pub actors: Vec<String>,
    /// When it was active, to break ties between conflicts that share actors.
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub end: Option<NaiveDate>,
}

/// One statement an official (or an institution) made, as one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub article: ArticleIdx,
    /// Byte range in the article's `text`.
    pub span: Range<usize>,
    pub speaker: SpeakerIdx,
    /// The speaker's role as the article or the gazetteer gives it at the statement's date.
    pub role: Option<String>,
    pub conflict: Option<ConflictIdx>,
    pub date: StatementDate,
    pub kind: Kind,
    /// Statements reporting the same utterance, across outlets, share an event.
    pub event: EventId,
}

impl Statement {
    /// A stable id: the article's content hash and the span, so edits keyed by it survive
    /// re-extraction of an unchanged article.
    pub fn stable_id(&self, article: &Article) -> String {
        format!(
            "{:016x}:{}-{}",
            article.content_hash, self.span.start, self.span.end
        )
    }
}

/// Something wrong with one input file; loading goes on with the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path relative to the corpus folder (or as given, for a file outside it).
    pub file: String,
    /// 1-based line, where the problem is on one line (a JSONL record, a manifest entry).
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file (or record) was loaded, with a caveat.
    Warning,
    /// The file (or record) could not be loaded.
    Error,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{level}: {}:{line}: {}", self.file, self.message),
            None => write!(f, "{level}: {}: {}", self.file, self.message),
        }
    }
}

/// What an analyst added to a statement. Extraction never produces it: it comes from a
/// project's edits, kept beside the statements rather than in them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Left off the timeline and the exports; listed as hidden, to bring back.
    #[serde(default)]
    pub hidden: bool,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: BTreeSet<String>,
    /// Some field of the statement was corrected by hand, or the analyst added it.
    #[serde(default)]
    pub edited: bool,
}

/// Everything extracted from one corpus: what the timeline, the filters and the
/// exporters work from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub articles: Vec<Article>,
    pub speakers: Vec<Speaker>,
    pub conflicts: Vec<Conflict>,
    pub statements: Vec<Statement>,
    pub problems: Vec<Problem>,
    /// Analysts' marks, by statement; most statements have none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<StatementIdx, Annotation>,
}

impl Dataset {
    pub fn statement_text(&self, s: &Statement) -> &str {
        self.articles[s.article]
            .text
            .get(s.span.clone())
            .unwrap_or("")
    }

    pub fn conflict_name(&self, s: &Statement) -> Option<&str> {
        s.conflict.map(|c| self.conflicts[c].name.as_str())
    }

    pub fn annotation(&self, s: StatementIdx) -> Option<&Annotation> {
        self.annotations.get(&s)
    }

    pub fn is_hidden(&self, s: StatementIdx) -> bool {
        self.annotation(s).is_some_and(|a| a.hidden)
    }

    /// Every tag in use, in order.
    pub fn tags(&self) -> BTreeSet<&str> {
        self.annotations
            .values()
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn offset_map_shifts_verbatim_text() {
        let map = OffsetMap::verbatim(100, 50);
        assert_eq!(map.range_to_file(&(3..10)), 103..110);
        assert_eq!(map.to_file(50), 150);
    }

    #[test]
    fn offset_map_maps_decoded_entities_to_their_source() {
        // "a&amp;b" decoded to "a&b": text 0..1 verbatim, 1..2 from 5 bytes, 2..3 verbatim.
        let mut map = OffsetMap::default();
        map.push(1, 0, 1);
        map.push(1, 1, 5);
        map.push(1, 6, 1);
        assert_eq!(map.to_file(0), 0);
        assert_eq!(map.to_file(1), 1);
        assert_eq!(map.to_file(2), 6);
        assert_eq!(map.to_file(3), 7);
        assert_eq!(map.text_len(), 3);
    }

    #[test]
    fn dates_export_at_their_precision() {
        let d = DateValue::Day {
            date: day("2025-06-24"),
        };
        assert_eq!(d.export().as_deref(), Some("2025-06-24"));
        assert_eq!(
            DateValue::month(2025, 1).export().as_deref(),
            Some("2025-01")
        );
        let late_october = DateValue::Range {
            first: day("2024-10-21"),
            last: day("2024-10-31"),
        };
        assert_eq!(late_october.export().as_deref(), Some("2024-10"));
        assert_eq!(DateValue::Unknown.export(), None);
        assert_eq!(
            DateValue::month(2024, 2).bounds(),
            Some((day("2024-02-01"), day("2024-02-29")))
        );
    }

    #[test]
    fn roles_follow_the_date() {
        let speaker = Speaker {
            name: "A B".into(),
            roles: vec![
                Role {
                    title: "Defence Minister".into(),
                    from: None,
                    to: Some(day("2020-01-01")),
                },
                Role {
                    title: "Prime Minister".into(),
                    from: Some(day("2020-01-02")),
                    to: None,
                },
            ],
            ..Speaker::default()
        };
        assert_eq!(
            speaker.role_on(Some(day("2019-05-01"))),
            Some("Defence Minister")
        );
        assert_eq!(
            speaker.role_on(Some(day("2024-05-01"))),
            Some("Prime Minister")
        );
        assert_eq!(speaker.role_on(None), Some("Prime Minister"));
    }
}
