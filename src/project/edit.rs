//! Analysts' edits and how they apply to an extracted [`Dataset`].
//!
//! An edit names the statement it changes by a [`StatementId`] (the article's content
//! hash and the byte span), never by its index, so the same edits apply again after
//! the corpus is re-extracted, or grows. An edit whose statement cannot be found (its
//! article changed or vanished) is kept and reported for review, never dropped.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::knowledge::fold_name;
use crate::model::{
    Annotation, ArticleIdx, Conflict, Dataset, DateValue, EventId, Kind, Role, Speaker, SpeakerIdx,
    Statement, StatementDate, StatementIdx,
};

/// An article as edits name it: the hash of its text, which no re-extraction changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArticleId(pub u64);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl FromStr for ArticleId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        u64::from_str_radix(s, 16)
            .map(ArticleId)
            .map_err(|_| format!("{s:?} is not an article id (16 hex digits)"))
    }
}

impl TryFrom<String> for ArticleId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<ArticleId> for String {
    fn from(id: ArticleId) -> String {
        id.to_string()
    }
}

/// A statement as edits name it: `HASH:START-END`, the same id `extract` writes
/// ([`Statement::stable_id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StatementId {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
}

impl StatementId {
    pub fn of(ds: &Dataset, s: StatementIdx) -> Self {
        let st = &ds.statements[s];
        Self {
            article: ArticleId(ds.articles[st.article].content_hash),
            start: st.span.start,
            end: st.span.end,
        }
    }
}

impl fmt::Display for StatementId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}-{}", self.article, self.start, self.end)
    }
}

impl FromStr for StatementId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a statement id (HASH:START-END)");
        let (article, span) = s.split_once(':').ok_or_else(bad)?;
        let (start, end) = span.split_once('-').ok_or_else(bad)?;
        let (start, end) = (
            start.parse().map_err(|_| bad())?,
            end.parse().map_err(|_| bad())?,
        );
        if end < start {
            return Err(bad());
        }
        Ok(Self {
            article: article.parse()?,
            start,
            end,
        })
    }
}

impl TryFrom<String> for StatementId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<StatementId> for String {
    fn from(id: StatementId) -> String {
        id.to_string()
    }
}

/// One correction or addition an analyst made. Speakers and conflicts are named, not
/// indexed, since indices change when the corpus does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Who said it: a known official (by name or alias) or a new one.
    SetSpeaker {
        statement: StatementId,
        speaker: String,
        #[serde(default)]
        role: Option<String>,
    },
    SetDate {
        statement: StatementId,
        date: DateValue,
    },
    /// `None`: about no identified conflict.
    SetConflict {
        statement: StatementId,
        conflict: Option<String>,
    },
    SetKind {
        statement: StatementId,
        kind: Kind,
    },
    /// Hides a false statement (or brings it back).
    SetHidden {
        statement: StatementId,
        hidden: bool,
    },
    SetNote {
        statement: StatementId,
        note: String,
    },
    SetTags {
        statement: StatementId,
        tags: BTreeSet<String>,
    },
    /// A statement the extractor missed, from a span of an article's text.
    AddStatement {
        statement: StatementId,
        speaker: String,
        #[serde(default)]
        role: Option<String>,
        date: DateValue,
        #[serde(default)]
        conflict: Option<String>,
        kind: Kind,
    },
    /// These statements, and all that share an event with them, report one utterance.
    Merge {
        statements: Vec<StatementId>,
    },
    /// This statement reports an utterance of its own: out of its event.
    Split {
        statement: StatementId,
    },
    /// The article's publication date; its statements' relative dates follow, since the
    /// corpus is extracted again with it.
    SetPublished {
        article: ArticleId,
        date: NaiveDate,
    },
    /// An official the gazetteer lacks, with aliases: extraction finds them from then on.
    AddOfficial {
        official: Speaker,
    },
    /// A conflict the taxonomy lacks: statements are tagged with it from then on.
    AddConflict {
        conflict: Conflict,
    },
}

impl Edit {
    /// What the edit does, as the Edit menu names it ("Undo Change speaker").
    pub fn name(&self) -> &'static str {
        match self {
            Edit::SetSpeaker { .. } => "Change speaker",
            Edit::SetDate { .. } => "Change date",
            Edit::SetConflict { .. } => "Change conflict",
            Edit::SetKind { .. } => "Change kind",
            Edit::SetHidden { hidden: true, .. } => "Hide statement",
            Edit::SetHidden { hidden: false, .. } => "Unhide statement",
            Edit::SetNote { .. } => "Edit note",
            Edit::SetTags { .. } => "Edit tags",
            Edit::AddStatement { .. } => "Add statement",
            Edit::Merge { .. } => "Merge events",
            Edit::Split { .. } => "Split event",
            Edit::SetPublished { .. } => "Set publication date",
            Edit::AddOfficial { .. } => "Add official",
            Edit::AddConflict { .. } => "Add conflict",
        }
    }

    /// Whether the corpus must be extracted again for the edit to show: it changes
    /// what extraction knows rather than one statement.
    pub fn changes_extraction(&self) -> bool {
        matches!(
            self,
            Edit::SetPublished { .. } | Edit::AddOfficial { .. } | Edit::AddConflict { .. }
        )
    }

    /// The statements the edit names.
    pub fn statements(&self) -> Vec<StatementId> {
        match self {
            Edit::SetSpeaker { statement, .. }
            | Edit::SetDate { statement, .. }
            | Edit::SetConflict { statement, .. }
            | Edit::SetKind { statement, .. }
            | Edit::SetHidden { statement, .. }
            | Edit::SetNote { statement, .. }
            | Edit::SetTags { statement, .. }
            | Edit::AddStatement { statement, .. }
            | Edit::Split { statement } => vec![*statement],
            Edit::Merge { statements } => statements.clone(),
            Edit::SetPublished { .. } | Edit::AddOfficial { .. } | Edit::AddConflict { .. } => {
                Vec::new()
            }
        }
    }
}

/// An edit that could not be applied, and why; the edit itself stays in the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Position of the edit in the project's list.
    pub edit: usize,
    pub reason: ReviewReason,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewReason {
    /// No article of the corpus has the text the edit was made on: it changed or is gone.
    #[error("its article ({0}) changed or is no longer in the corpus")]
    ArticleGone(ArticleId),
    /// The article is there, but extraction no longer finds a statement at that span.
    #[error("no statement at {0} any more")]
    StatementGone(StatementId),
    /// A span that does not fit the article's text.
    #[error("the span {0} is outside its article's text")]
    BadSpan(StatementId),
    #[error("no conflict named {0:?} in this project")]
    UnknownConflict(String),
}

/// Applies `edits`, in order, to a freshly extracted dataset; what could not be applied
/// is returned for review.
pub fn apply(ds: &mut Dataset, edits: &[Edit]) -> Vec<Review> {
    let mut cx = Applier::new(ds);
    let mut review = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        for reason in cx.apply(edit) {
            review.push(Review { edit: i, reason });
        }
    }
    review
}

/// The lookups edits need, built once per application.
struct Applier<'a> {
    ds: &'a mut Dataset,
    articles: HashMap<ArticleId, Vec<ArticleIdx>>,
    statements: HashMap<StatementId, Vec<StatementIdx>>,
    next_event: EventId,
}

impl<'a> Applier<'a> {
    fn new(ds: &'a mut Dataset) -> Self {
        let mut articles: HashMap<ArticleId, Vec<ArticleIdx>> = HashMap::new();
        for (i, a) in ds.articles.iter().enumerate() {
            articles
                .entry(ArticleId(a.content_hash))
                .or_default()
                .push(i);
        }
        let mut statements: HashMap<StatementId, Vec<StatementIdx>> = HashMap::new();
        for s in 0..ds.statements.len() {
            statements
                .entry(StatementId::of(ds, s))
                .or_default()
                .push(s);
        }
        let next_event = ds
            .statements
            .iter()
            .map(|s| s.event)
            .max()
            .map_or(0, |e| e + 1);
        Self {
            ds,
            articles,
            statements,
            next_event,
        }
    }

    fn fresh_event(&mut self) -> EventId {
        self.next_event += 1;
        self.next_event - 1
    }

    /// The statements with `id` (the same text in two files gives two), or why none.
    fn find(&self, id: StatementId) -> Result<Vec<StatementIdx>, ReviewReason> {
        match self.statements.get(&id) {
            Some(found) => Ok(found.clone()),
            None if self.articles.contains_key(&id.article) => Err(ReviewReason::StatementGone(id)),
            None => Err(ReviewReason::ArticleGone(id.article)),
        }
    }

    fn apply(&mut self, edit: &Edit) -> Vec<ReviewReason> {
        match edit {
            Edit::AddStatement {
                statement,
                speaker,
                role,
                date,
                conflict,
                kind,
            } => self
                .add_statement(*statement, speaker, role.as_deref(), *date, conflict, *kind)
                .err()
                .into_iter()
                .collect(),
            Edit::Merge { statements } => self.merge(statements),
            Edit::SetPublished { article, .. } => {
                if self.articles.contains_key(article) {
                    Vec::new()
                } else {
                    vec![ReviewReason::ArticleGone(*article)]
                }
            }
            Edit::AddOfficial { .. } | Edit::AddConflict { .. } => Vec::new(),
            _ => {
                let Some(&id) = edit.statements().first() else {
                    return Vec::new();
                };
                match self.find(id) {
                    Ok(found) => found
                        .into_iter()
                        .filter_map(|s| self.change(s, edit).err())
                        .take(1)
                        .collect(),
                    Err(reason) => vec![reason],
                }
            }
        }
    }

    /// Applies an edit of one statement to statement `s`.
    fn change(&mut self, s: StatementIdx, edit: &Edit) -> Result<(), ReviewReason> {
        let mut edited = true;
        match edit {
            Edit::SetSpeaker { speaker, role, .. } => {
                let speaker = self.speaker_named(speaker, role.as_deref());
                self.set_speaker(s, speaker, role.as_deref());
            }
            Edit::SetDate { date, .. } => {
                self.ds.statements[s].date = StatementDate {
                    value: *date,
                    basis: "set by hand".to_owned(),
                };
            }
            Edit::SetConflict { conflict, .. } => {
                self.ds.statements[s].conflict = self.conflict_named(conflict.as_deref())?;
            }
            Edit::SetKind { kind, .. } => self.ds.statements[s].kind = *kind,
            Edit::SetHidden { hidden, .. } => {
                self.annotation(s).hidden = *hidden;
                edited = false;
            }
            Edit::SetNote { note, .. } => {
                self.annotation(s).note.clone_from(note);
                edited = false;
            }
            Edit::SetTags { tags, .. } => {
                self.annotation(s).tags.clone_from(tags);
                edited = false;
            }
            Edit::Split { .. } => self.ds.statements[s].event = self.fresh_event(),
            _ => edited = false,
        }
        if edited {
            self.annotation(s).edited = true;
        }
        self.drop_empty_annotation(s);
        Ok(())
    }

    fn add_statement(
        &mut self,
        id: StatementId,
        speaker: &str,
        role: Option<&str>,
        date: DateValue,
        conflict: &Option<String>,
        kind: Kind,
    ) -> Result<(), ReviewReason> {
        let &article = self
            .articles
            .get(&id.article)
            .and_then(|a| a.first())
            .ok_or(ReviewReason::ArticleGone(id.article))?;
        let text = &self.ds.articles[article].text;
        if id.start >= id.end || text.get(id.start..id.end).is_none() {
            return Err(ReviewReason::BadSpan(id));
        }
        let conflict = self.conflict_named(conflict.as_deref())?;
        // Extraction found it too, since: the edit corrects that statement instead.
        let s = if let Some(&[s, ..]) = self.statements.get(&id).map(Vec::as_slice) {
            s
        } else {
            let event = self.fresh_event();
            self.ds.statements.push(Statement {
                article,
                span: id.start..id.end,
                speaker: 0,
                role: None,
                conflict: None,
                date: StatementDate::unknown(""),
                kind,
                event,
            });
            let s = self.ds.statements.len() - 1;
            self.statements.insert(id, vec![s]);
            s
        };
        let speaker_idx = self.speaker_named(speaker, role);
        let st = &mut self.ds.statements[s];
        st.conflict = conflict;
        st.kind = kind;
        st.date = StatementDate {
            value: date,
            basis: "set by hand".to_owned(),
        };
        self.set_speaker(s, speaker_idx, role);
        self.annotation(s).edited = true;
        Ok(())
    }

    fn merge(&mut self, ids: &[StatementId]) -> Vec<ReviewReason> {
        let mut review = Vec::new();
        let mut members = Vec::new();
        for &id in ids {
            match self.find(id) {
                Ok(found) => members.extend(found),
                Err(reason) => review.push(reason),
            }
        }
        let Some(&first) = members.first() else {
            return review;
        };
        let target = self.ds.statements[first].event;
        let events: BTreeSet<EventId> = members
            .iter()
            .map(|&s| self.ds.statements[s].event)
            .collect();
        for st in &mut self.ds.statements {
            if events.contains(&st.event) {
                st.event = target;
            }
        }
        review
    }

    fn set_speaker(&mut self, s: StatementIdx, speaker: SpeakerIdx, role: Option<&str>) {
        let st = &self.ds.statements[s];
        let day = st.date.value.bounds().map(|(first, _)| first);
        let role = role
            .filter(|r| !r.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| self.ds.speakers[speaker].role_on(day).map(str::to_owned));
        let st = &mut self.ds.statements[s];
        st.speaker = speaker;
        st.role = role;
    }

    /// The speaker with this name or alias; a new person when there is none.
    fn speaker_named(&mut self, name: &str, role: Option<&str>) -> SpeakerIdx {
        let name = name.trim();
        let key = fold_name(name);
        let found = self.ds.speakers.iter().position(|sp| {
            fold_name(&sp.name) == key || sp.aliases.iter().any(|a| fold_name(a) == key)
        });
        found.unwrap_or_else(|| {
            self.ds.speakers.push(Speaker {
                name: name.to_owned(),
                roles: role
                    .filter(|r| !r.trim().is_empty())
                    .map(|title| Role {
                        title: title.trim().to_owned(),
                        from: None,
                        to: None,
                    })
                    .into_iter()
                    .collect(),
                ..Speaker::default()
            });
            self.ds.speakers.len() - 1
        })
    }

    fn conflict_named(&self, name: Option<&str>) -> Result<Option<usize>, ReviewReason> {
        let Some(name) = name else {
            return Ok(None);
        };
        let key = fold_name(name.trim());
        self.ds
            .conflicts
            .iter()
            .position(|c| {
                fold_name(&c.name) == key || c.aliases.iter().any(|a| fold_name(a) == key)
            })
            .map(Some)
            .ok_or_else(|| ReviewReason::UnknownConflict(name.to_owned()))
    }

    fn annotation(&mut self, s: StatementIdx) -> &mut Annotation {
        self.ds.annotations.entry(s).or_default()
    }

    fn drop_empty_annotation(&mut self, s: StatementIdx) {
        if self.ds.annotations.get(&s) == Some(&Annotation::default()) {
            self.ds.annotations.remove(&s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{self, day};

    fn id(ds: &Dataset, s: StatementIdx) -> StatementId {
        StatementId::of(ds, s)
    }

    #[test]
    fn ids_print_and_parse_as_extract_writes_them() {
        let ds = fixture::small();
        let st = &ds.statements[3];
        let printed = id(&ds, 3).to_string();
        assert_eq!(printed, st.stable_id(&ds.articles[st.article]));
        assert_eq!(printed.parse::<StatementId>(), Ok(id(&ds, 3)));
        assert!("12:3".parse::<StatementId>().is_err());
        assert!("zz:1-2".parse::<StatementId>().is_err());
        assert!("0000000000000001:9-2".parse::<StatementId>().is_err());
    }

    #[test]
    fn speaker_date_conflict_and_kind_change_and_mark_the_statement() {
        let mut ds = fixture::small();
        let s = id(&ds, 0);
        let edits = [
            Edit::SetSpeaker {
                statement: s,
                speaker: "sergei lavrov".into(),
                role: None,
            },
            Edit::SetDate {
                statement: s,
                date: DateValue::month(2025, 7),
            },
            Edit::SetConflict {
                statement: s,
                conflict: Some("Russia-Ukraine war".into()),
            },
            Edit::SetKind {
                statement: s,
                kind: Kind::Direct,
            },
        ];
        assert_eq!(apply(&mut ds, &edits), []);
        let st = &ds.statements[0];
        assert_eq!(ds.speakers[st.speaker].name, "Sergei Lavrov");
        assert_eq!(st.date.value, DateValue::month(2025, 7));
        assert_eq!(st.date.basis, "set by hand");
        assert_eq!(ds.conflict_name(st), Some("Russia–Ukraine war"));
        assert_eq!(st.kind, Kind::Direct);
        assert!(ds.annotation(0).is_some_and(|a| a.edited));
    }

    #[test]
    fn a_new_speaker_joins_with_their_role() {
        let mut ds = fixture::small();
        let before = ds.speakers.len();
        let edit = Edit::SetSpeaker {
            statement: id(&ds, 2),
            speaker: "Maria Zakharova".into(),
            role: Some("Foreign Ministry spokeswoman".into()),
        };
        apply(&mut ds, &[edit]);
        assert_eq!(ds.speakers.len(), before + 1);
        let st = &ds.statements[2];
        assert_eq!(ds.speakers[st.speaker].name, "Maria Zakharova");
        assert_eq!(st.role.as_deref(), Some("Foreign Ministry spokeswoman"));
    }

    #[test]
    fn hiding_notes_and_tags_are_annotations_not_corrections() {
        let mut ds = fixture::small();
        let s = id(&ds, 1);
        apply(
            &mut ds,
            &[
                Edit::SetHidden {
                    statement: s,
                    hidden: true,
                },
                Edit::SetNote {
                    statement: s,
                    note: "duplicate wire copy".into(),
                },
                Edit::SetTags {
                    statement: s,
                    tags: ["wire".to_owned()].into(),
                },
            ],
        );
        let a = ds.annotation(1).expect("annotated");
        assert!(a.hidden && !a.edited);
        assert_eq!(a.note, "duplicate wire copy");
        assert_eq!(ds.tags(), ["wire"].into());

        // Unhidden and cleared, nothing is left.
        let mut ds = fixture::small();
        apply(
            &mut ds,
            &[
                Edit::SetHidden {
                    statement: s,
                    hidden: true,
                },
                Edit::SetHidden {
                    statement: s,
                    hidden: false,
                },
            ],
        );
        assert!(ds.annotations.is_empty());
    }

    #[test]
    fn merge_joins_whole_events_and_split_takes_one_out() {
        let mut ds = fixture::small();
        // Statements 0 and 1 are one event; merge it with statement 2's.
        let merge = Edit::Merge {
            statements: vec![id(&ds, 2), id(&ds, 1)],
        };
        apply(&mut ds, std::slice::from_ref(&merge));
        let events: Vec<EventId> = (0..3).map(|s| ds.statements[s].event).collect();
        assert!(events.iter().all(|&e| e == events[0]), "{events:?}");

        let mut ds = fixture::small();
        let split = Edit::Split {
            statement: id(&ds, 1),
        };
        apply(&mut ds, &[split]);
        assert_ne!(ds.statements[0].event, ds.statements[1].event);
        let others: Vec<EventId> = ds.statements.iter().map(|s| s.event).collect();
        assert_eq!(
            others
                .iter()
                .filter(|&&e| e == ds.statements[1].event)
                .count(),
            1,
            "a fresh event: {others:?}"
        );
    }

    #[test]
    fn an_added_statement_takes_its_span_and_later_edits_find_it() {
        let mut ds = fixture::small();
        let text = &ds.articles[0].text;
        let start = text.find("talks go on").expect("in text");
        let new = StatementId {
            article: ArticleId(ds.articles[0].content_hash),
            start: 0,
            end: start - 1,
        };
        let edits = [
            Edit::AddStatement {
                statement: new,
                speaker: "Dmitry Peskov".into(),
                role: None,
                date: DateValue::Day {
                    date: day("2025-06-23"),
                },
                conflict: None,
                kind: Kind::Reported,
            },
            Edit::SetKind {
                statement: new,
                kind: Kind::Direct,
            },
        ];
        assert_eq!(apply(&mut ds, &edits), []);
        let s = ds.statements.len() - 1;
        assert_eq!(ds.statements[s].span, 0..start - 1);
        assert_eq!(ds.statements[s].kind, Kind::Direct);
        assert!(
            ds.statements[..s]
                .iter()
                .all(|o| o.event != ds.statements[s].event)
        );
    }

    #[test]
    fn edits_that_no_longer_fit_are_returned_for_review() {
        let mut ds = fixture::small();
        let gone = "00000000000000ff:1-5".parse::<StatementId>().expect("id");
        let moved = StatementId {
            start: 1,
            ..id(&ds, 0)
        };
        let edits = [
            Edit::SetKind {
                statement: gone,
                kind: Kind::Direct,
            },
            Edit::SetKind {
                statement: moved,
                kind: Kind::Direct,
            },
            Edit::SetConflict {
                statement: id(&ds, 0),
                conflict: Some("Atlantis war".into()),
            },
            Edit::AddStatement {
                statement: StatementId {
                    start: 5,
                    end: 100_000,
                    ..id(&ds, 0)
                },
                speaker: "X".into(),
                role: None,
                date: DateValue::Unknown,
                conflict: None,
                kind: Kind::Direct,
            },
        ];
        let review = apply(&mut ds, &edits);
        let reasons: Vec<(usize, String)> = review
            .iter()
            .map(|r| (r.edit, r.reason.to_string()))
            .collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert!(
            reasons[0]
                .1
                .contains("changed or is no longer in the corpus")
        );
        assert!(reasons[1].1.starts_with("no statement at"));
        assert!(reasons[2].1.contains("Atlantis war"));
        assert!(reasons[3].1.contains("outside its article"));
        assert_eq!(ds.statements.len(), fixture::small().statements.len());
    }
}
