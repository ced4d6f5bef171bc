//! From articles to statements: sentences, quotes and reported speech, speakers, dates,
//! conflicts, and the events that group one utterance across outlets.
//!
//! Each stage is a plain function from data to data; this module runs them over an
//! article, keeping the little state that crosses sentences (who spoke last, who was
//! mentioned, the date in focus), and over a corpus in parallel.

pub mod attribution;
pub mod classes;
pub mod conflicts;
pub mod dates;
pub mod events;
pub mod knowledge;
pub mod lexicon;
pub mod mentions;
pub mod phrases;
pub mod quotes;
pub mod sentences;
pub mod tokens;
pub mod transcript;

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use self::attribution::{Paragraph, SpeakerSource, analyze_sentence};
use self::knowledge::{Knowledge, surnames_of};
use self::lexicon::{RoleClass, is_background_marker, role_in_class};
use self::mentions::{Mention, MentionKind, find_mentions};
use crate::model::{
    Article, ConflictIdx, DateValue, Gender, Kind, Speaker, SpeakerIdx, Statement, StatementDate,
};

/// A speaker as an article names it: one of the gazetteer, or one it does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SpeakerKey {
    Known(SpeakerIdx),
    NewPerson(String),
    NewInstitution(String),
}

/// A statement of one article, its speaker not yet given a place in the dataset.
#[derive(Debug, Clone)]
struct Found {
    span: Range<usize>,
    speaker: SpeakerKey,
    role: Option<String>,
    country: Option<String>,
    kind: Kind,
    date: StatementDate,
    conflict: Option<ConflictIdx>,
}

/// The statements of a corpus and the speakers they point to: the gazetteer's, then
/// those found in the text.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub speakers: Vec<Speaker>,
    pub statements: Vec<Statement>,
}

/// Extracts the statements of all articles, in parallel, and groups them into events.
pub fn extract(articles: &[Article], knowledge: &Knowledge) -> Extraction {
    let mut extraction = extract_ungrouped(articles, knowledge);
    let (speakers, statements) = (&extraction.speakers, &extraction.statements);
    let ids = events::group_events(statements.len(), |i| {
        let s = &statements[i];
        events::EventInput::of(s, speakers, &articles[s.article])
    });
    for (s, e) in extraction.statements.iter_mut().zip(ids) {
        s.event = e;
    }
    extraction
}

/// Articles each thread extracts before the statements found so far are given their
/// speakers: enough to keep every thread busy, few enough that their statements fit in
/// memory already in use.
const ARTICLES_PER_THREAD_AND_ROUND: usize = 64;

/// Fewer bytes of article text than any corpus has per statement (generated corpora
/// have one statement per 165 bytes, the bundled and held-out news one per 300 to
/// 350): what the statements' vector reserves.
const BYTES_PER_STATEMENT_AT_LEAST: usize = 64;

/// Like [`extract`], with every statement in event 0: for callers that group the
/// statements of several extractions together afterwards.
pub fn extract_ungrouped(articles: &[Article], knowledge: &Knowledge) -> Extraction {
    let mut speakers = knowledge.gazetteer.speakers.clone();
    let mut new_index: HashMap<SpeakerKey, SpeakerIdx> = HashMap::default();
    // Sized once, generously: growing a vector of a corpus's statements copies it into
    // fresh pages, while capacity never written to costs no memory.
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut statements = Vec::with_capacity(text_bytes / BYTES_PER_STATEMENT_AT_LEAST);
    // A round of articles at a time, so that the statements found wait for their
    // speakers' places in memory that the next round reuses, instead of a corpus's
    // worth of fresh pages (the first touch of a page costs more than filling it).
    let round = ARTICLES_PER_THREAD_AND_ROUND * rayon::current_num_threads();
    let found_in_rounds = articles.chunks(round).flat_map(|chunk| {
        let found: Vec<Vec<Found>> = chunk
            .par_iter()
            .map(|a| extract_article(a, knowledge))
            .collect();
        found
    });
    for (article, list) in found_in_rounds.enumerate() {
        for f in list {
            let speaker = match &f.speaker {
                SpeakerKey::Known(i) => *i,
                key @ (SpeakerKey::NewPerson(name) | SpeakerKey::NewInstitution(name)) => {
                    *new_index.entry(key.clone()).or_insert_with(|| {
                        speakers.push(Speaker {
                            name: name.clone(),
                            institutional: matches!(key, SpeakerKey::NewInstitution(_)),
                            country: f.country.clone(),
                            roles: f
                                .role
                                .iter()
                                .map(|t| crate::model::Role {
                                    title: t.clone(),
                                    from: None,
                                    to: None,
                                })
                                .collect(),
                            ..Speaker::default()
                        });
                        speakers.len() - 1
                    })
                }
            };
            statements.push(Statement {
                article,
                span: f.span,
                speaker,
                role: f.role,
                conflict: f.conflict,
                date: f.date,
                kind: f.kind,
                event: 0,
            });
        }
    }
    Extraction {
        speakers,
        statements,
    }
}

/// What carries from sentence to sentence in one article.
struct ArticleState<'k> {
    knowledge: &'k Knowledge,
    published: Option<NaiveDate>,
    /// The date an opening time phrase of the lead puts in focus ("On the 24th (local
    /// time), …"), and its words: it dates the statements that have none of their own.
    focus: Option<(NaiveDate, String)>,
    last_speaker: Option<SpeakerKey>,
    /// People mentioned so far, the latest last.
    people: Vec<SpeakerKey>,
    /// Family names of people the gazetteer does not know, as this article names them.
    local_surnames: HashMap<String, SpeakerKey>,
    titles: HashMap<SpeakerKey, String>,
    countries: HashMap<SpeakerKey, String>,
    /// The day of the last statement dated to a day.
    last_day: Option<NaiveDate>,
    /// The last date each speaker's statements were given by a time expression.
    dated: HashMap<SpeakerKey, StatementDate>,
    previous_conflict: Option<ConflictIdx>,
    /// The paragraph and speaker of the statement that set `previous_conflict`.
    previous_statement: Option<(usize, SpeakerKey)>,
    article_conflict: Option<ConflictIdx>,
    /// In a transcript, who answers the questions, and who has the floor.
    transcript: Option<Transcript>,
}

/// What a transcript's turns carry from paragraph to paragraph.
struct Transcript {
    respondent: Option<SpeakerKey>,
    /// The speaker of the turn that an unlabelled paragraph continues.
    floor: Option<SpeakerKey>,
    /// Where the last question starts in the body: its words say what an answer is about.
    question_start: Option<usize>,
}

impl ArticleState<'_> {
    fn speaker(&self, key: &SpeakerKey) -> Option<&Speaker> {
        match key {
            SpeakerKey::Known(i) => self.knowledge.gazetteer.speakers.get(*i),
            _ => None,
        }
    }

    fn gender(&self, key: &SpeakerKey) -> Option<Gender> {
        self.speaker(key).and_then(|s| s.gender)
    }

    fn is_person(&self, key: &SpeakerKey) -> bool {
        match key {
            SpeakerKey::Known(i) => !self.knowledge.gazetteer.speakers[*i].institutional,
            SpeakerKey::NewPerson(_) => true,
            SpeakerKey::NewInstitution(_) => false,
        }
    }

    fn mentioned(&mut self, key: &SpeakerKey) {
        if self.is_person(key) {
            let first_time = !self.people.contains(key);
            self.people.retain(|k| k != key);
            self.people.push(key.clone());
            // Many people are called by their given name on second mention ("Anwar",
            // "Phumtham", "Abiy"): once named in full, any part of the name finds them.
            if first_time && let SpeakerKey::Known(i) = key {
                let name = &self.knowledge.gazetteer.speakers[*i].name;
                let parts = name
                    .split_whitespace()
                    .filter(|w| w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase));
                for part in parts {
                    self.local_surnames
                        .entry(part.to_lowercase())
                        .or_insert_with(|| key.clone());
                }
            }
        }
    }

    fn fits(&self, key: &SpeakerKey, class: RoleClass, country: Option<&str>) -> bool {
        let in_class = self
            .titles
            .get(key)
            .is_some_and(|t| role_in_class(t, class))
            || self
                .speaker(key)
                .is_some_and(|s| s.roles.iter().any(|r| role_in_class(&r.title, class)));
        let country_ok = country.is_none_or(|c| {
            let theirs = self
                .speaker(key)
                .and_then(|s| s.country.as_deref())
                .or(self.countries.get(key).map(String::as_str));
            theirs.is_none_or(|t| t.eq_ignore_ascii_case(c))
        });
        in_class && country_ok
    }

    /// The speaker a mention refers to, when it is an official or an institution.
    fn resolve(&mut self, m: &Mention) -> Option<SpeakerKey> {
        let key = match &m.kind {
            MentionKind::Known(i) => Some(SpeakerKey::Known(*i)),
            MentionKind::NewPerson { name } => {
                let key = SpeakerKey::NewPerson(name.clone());
                for s in surnames_of(name, None) {
                    self.local_surnames.insert(s, key.clone());
                }
                Some(key)
            }
            MentionKind::NewInstitution { name, country } => {
                let key = SpeakerKey::NewInstitution(name.clone());
                if let Some(c) = country {
                    self.countries.insert(key.clone(), c.clone());
                }
                Some(key)
            }
            MentionKind::Surname(s) => self.by_surname(s),
            MentionKind::Pronoun(g) => self
                .last_speaker
                .clone()
                .filter(|k| self.is_person(k) && self.gender(k).is_none_or(|x| x == *g))
                .or_else(|| {
                    self.people
                        .iter()
                        .rev()
                        .find(|k| self.gender(k) == Some(*g))
                        .cloned()
                }),
            MentionKind::Descriptor { class, country } => {
                let country = country.as_deref();
                self.last_speaker
                    .clone()
                    .filter(|k| self.fits(k, *class, country))
                    .or_else(|| {
                        self.people
                            .iter()
                            .rev()
                            .find(|k| self.fits(k, *class, country))
                            .cloned()
                    })
            }
            MentionKind::Latter => self.people.last().cloned(),
            MentionKind::Former => self.people.iter().rev().nth(1).cloned(),
            MentionKind::NotOfficial => None,
        };
        if let Some(k) = &key {
            if let Some(t) = &m.title {
                self.titles.insert(k.clone(), t.clone());
            }
            self.mentioned(k);
        }
        key
    }

    /// The speaker of a paragraph that is a transcript's turn ("A: …", "Lavrov: …", or
    /// an unlabelled paragraph that goes on with an answer), and where the words begin.
    /// Resolves the paragraph's mentions into `resolved` when it is a turn.
    fn turn(
        &mut self,
        article: &Article,
        para: &Paragraph,
        resolved: &mut [Option<SpeakerKey>],
        body_offset: usize,
    ) -> Option<(SpeakerKey, usize)> {
        use transcript::Turn;
        let label = transcript::turn_label(para.text, para.toks);
        if let Some((Turn::Question, _)) = label {
            // The first question makes the article a transcript; its respondent is the
            // person its title names, else the last one named before the questions.
            let respondent = match self.transcript.take() {
                Some(t) => t.respondent,
                None => self
                    .title_person(article)
                    .or_else(|| self.people.last().cloned()),
            };
            self.transcript = Some(Transcript {
                respondent,
                floor: None,
                question_start: Some(body_offset),
            });
            return None;
        }
        let speaker = match &label {
            Some((Turn::Answer, at)) => self
                .transcript
                .as_ref()
                .and_then(|t| t.respondent.clone())
                .map(|k| (k, *at)),
            Some((Turn::Speaker(words), at)) => self.label_speaker(para, words).map(|k| (k, *at)),
            Some((Turn::Question, _)) => None,
            None => {
                // An answer goes on in a paragraph of its own words, with no quote or
                // speech verb that would make it a report.
                let own_words = || {
                    para.quotes.is_empty()
                        && !para.words.iter().flatten().any(|w| {
                            tokens::with_lowercase(w, |l| lexicon::speech_verb(l).is_some())
                        })
                };
                self.transcript
                    .as_ref()
                    .and_then(|t| t.floor.clone())
                    .filter(|_| own_words())
                    .map(|k| (k, 0))
            }
        };
        let Some((key, at)) = speaker else {
            if let Some(t) = &mut self.transcript {
                t.floor = None;
            }
            return None;
        };
        self.resolve_all(para, resolved);
        self.mentioned(&key);
        if let Some(t) = &mut self.transcript {
            t.floor = Some(key.clone());
        } else if !matches!(label, Some((Turn::Speaker(_), _))) {
            return None;
        }
        Some((key, at))
    }

    /// Resolves every mention of a paragraph not resolved yet, in order.
    fn resolve_all(&mut self, para: &Paragraph, resolved: &mut [Option<SpeakerKey>]) {
        for (m, slot) in para.mentions.iter().zip(resolved.iter_mut()) {
            if slot.is_none() {
                *slot = self.resolve(m);
            }
        }
    }

    /// The person a turn's label names: a name within it, else its last word as a
    /// family name ("SECRETARY RUBIO"). Asks without changing what the article knows:
    /// a label that names nobody leaves the paragraph to the sentence rules.
    fn label_speaker(&self, para: &Paragraph, words: &Range<usize>) -> Option<SpeakerKey> {
        let within = para
            .mentions
            .iter()
            .find(|m| m.toks.start >= words.start && m.toks.end <= words.end)
            .and_then(|m| match &m.kind {
                MentionKind::Known(i) => Some(SpeakerKey::Known(*i)),
                MentionKind::NewPerson { name } => Some(SpeakerKey::NewPerson(name.clone())),
                MentionKind::Surname(s) => self.by_surname(s),
                _ => None,
            });
        within
            .or_else(|| {
                let last = para.toks.get(words.end.checked_sub(1)?)?;
                self.by_surname(&para.text[last.range()])
            })
            .filter(|k| self.is_person(k))
    }

    /// The first person of the gazetteer that an article's title names.
    fn title_person(&self, article: &Article) -> Option<SpeakerKey> {
        let title = article.title.as_deref()?;
        let gazetteer = &self.knowledge.gazetteer;
        gazetteer
            .find_names(title)
            .into_iter()
            .find(|m| !gazetteer.speakers[m.speaker].institutional)
            .map(|m| SpeakerKey::Known(m.speaker))
    }

    fn by_surname(&self, surname: &str) -> Option<SpeakerKey> {
        let candidates = self.knowledge.gazetteer.by_surname(surname);
        // A bearer of the name already named in this article wins, the latest first; then
        // the names this article gave (unknown people, given names); then the gazetteer,
        // when the name is unambiguous there.
        self.people
            .iter()
            .rev()
            .find(|k| matches!(k, SpeakerKey::Known(i) if candidates.contains(i)))
            .cloned()
            .or_else(|| self.local_surnames.get(&surname.to_lowercase()).cloned())
            .or(match candidates {
                [one] => Some(SpeakerKey::Known(*one)),
                _ => None,
            })
    }

    fn role(&self, key: &SpeakerKey, date: &DateValue) -> Option<String> {
        self.titles.get(key).cloned().or_else(|| {
            let day = date.bounds().map(|(first, _)| first);
            self.speaker(key)
                .and_then(|s| s.role_on(day))
                .map(str::to_string)
        })
    }

    fn date(&self, time: Option<(DateValue, String)>, background: bool) -> StatementDate {
        if let Some((value, basis)) = time {
            return StatementDate { value, basis };
        }
        if background {
            return StatementDate::unknown("background: said at an earlier, unstated time");
        }
        if let Some((date, basis)) = &self.focus {
            return StatementDate {
                value: DateValue::Day { date: *date },
                basis: format!("date in focus: {basis}"),
            };
        }
        match self.published {
            Some(date) => StatementDate {
                value: DateValue::Day { date },
                basis: "publication date".into(),
            },
            None => StatementDate::unknown("undated article, no time expression"),
        }
    }
}

/// The quote each token lies in, for the sentence stages: quotes and tokens are both in
/// order, so one pass over each.
fn quote_of_tokens<'a>(
    toks: &'a [tokens::Tok],
    quotes: &'a [quotes::Quote],
) -> impl Iterator<Item = Option<usize>> + 'a {
    let mut q = 0;
    toks.iter().map(move |t| {
        while q < quotes.len() && quotes[q].outer.end <= t.start {
            q += 1;
        }
        quotes
            .get(q)
            .filter(|quote| quote.outer.contains(&t.start))
            .map(|_| q)
    })
}

/// The buffers of an article's extraction, which each thread keeps from article to
/// article: a corpus has thousands of articles of dozens of paragraphs each, and a
/// dozen buffers allocated and grown for every article cost more than filling them.
#[derive(Default)]
struct Scratch {
    body: String,
    body_starts: Vec<usize>,
    /// The tokens of every paragraph of the article, one after the other.
    toks: Vec<tokens::Tok>,
    /// Where each paragraph's tokens start in `toks`, and where the last ends.
    toks_starts: Vec<usize>,
    quotes: Vec<quotes::Quote>,
    quote_of: Vec<Option<usize>>,
    in_quote: Vec<bool>,
    lowered: tokens::Lowered,
    /// The words outside quotes, empty between articles: they borrow an article's text.
    words: Vec<Option<&'static str>>,
    notes: mentions::TokenNotes,
    resolved: Vec<Option<SpeakerKey>>,
    times: Vec<dates::TimeExpr>,
    sentences: Vec<Range<usize>>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// An empty vector with the memory of `v`, for words of another text: collecting in
/// place keeps the allocation (no unsafe lifetime change needed).
fn recycle<'b>(mut v: Vec<Option<&str>>) -> Vec<Option<&'b str>> {
    v.clear();
    v.into_iter().map(|_| None).collect()
}

/// Article text beyond which a thread lets its buffers go after the article, rather
/// than keep many times a usual article's memory for the rest of the process.
const SCRATCH_KEPT_BYTES: usize = 1 << 20;

/// Extracts the statements of one article.
fn extract_article(article: &Article, knowledge: &Knowledge) -> Vec<Found> {
    SCRATCH.with_borrow_mut(|scratch| {
        let mut words = recycle(std::mem::take(&mut scratch.words));
        let found = extract_article_with(article, knowledge, scratch, &mut words);
        if scratch.body.capacity() > SCRATCH_KEPT_BYTES {
            *scratch = Scratch::default();
        } else {
            scratch.words = recycle(words);
        }
        found
    })
}

fn extract_article_with<'t>(
    article: &'t Article,
    knowledge: &Knowledge,
    scratch: &mut Scratch,
    words: &mut Vec<Option<&'t str>>,
) -> Vec<Found> {
    let Scratch {
        body,
        body_starts,
        toks,
        toks_starts,
        quotes,
        quote_of,
        in_quote,
        lowered,
        words: _,
        notes,
        resolved,
        times,
        sentences,
    } = scratch;
    let taxonomy = &knowledge.taxonomy;
    let lead = article
        .title
        .iter()
        .map(String::as_str)
        .chain(article.paragraphs.first().map(|r| &article.text[r.clone()]))
        .collect::<Vec<_>>()
        .join("\n");
    // The paragraphs joined by newlines, and where each one starts in that text.
    body.clear();
    body_starts.clear();
    for (i, r) in article.paragraphs.iter().enumerate() {
        if i > 0 {
            body.push('\n');
        }
        body_starts.push(body.len());
        body.push_str(&article.text[r.clone()]);
    }
    // Every paragraph's tokens, first: the search of the body below reads its words
    // from them.
    toks.clear();
    toks_starts.clear();
    for range in &article.paragraphs {
        toks_starts.push(toks.len());
        toks.extend(tokens::Tokens::new(&article.text[range.clone()]));
    }
    toks_starts.push(toks.len());
    // The conflict terms of the whole body, found once: the article's subject and each
    // statement's conflict are judged from them. Paragraphs, sentences and statements
    // begin and end at word boundaries, so a term whole within one of them is the term
    // a search of that stretch alone would find.
    let body_words = (0..article.paragraphs.len()).flat_map(|p| {
        let offset = body_starts[p];
        toks[toks_starts[p]..toks_starts[p + 1]]
            .iter()
            .filter(|t| t.is_word())
            .map(move |&t| tokens::Tok {
                start: offset + t.start,
                end: offset + t.end,
                ..t
            })
    });
    let body_phrases = knowledge.phrases_in_tokens(body, body_words);
    let body_terms = &body_phrases.terms;
    let mut state = ArticleState {
        knowledge,
        published: article.published,
        focus: None,
        last_speaker: None,
        people: Vec::new(),
        local_surnames: HashMap::default(),
        titles: HashMap::default(),
        countries: HashMap::default(),
        dated: HashMap::default(),
        last_day: None,
        previous_conflict: None,
        previous_statement: None,
        article_conflict: conflicts::article_conflict(
            taxonomy,
            &lead,
            body_terms,
            body.len(),
            article.published,
        ),
        transcript: None,
    };
    // About one statement per paragraph: sized once rather than grown and copied.
    let mut found = Vec::with_capacity(article.paragraphs.len());
    for (p_index, range) in article.paragraphs.iter().enumerate() {
        let base = range.start;
        let text = &article.text[range.clone()];
        let toks = &toks[toks_starts[p_index]..toks_starts[p_index + 1]];
        if toks.is_empty() {
            continue;
        }
        quotes::find_quotes_into(text, quotes);
        quote_of.clear();
        quote_of.extend(quote_of_tokens(toks, quotes));
        in_quote.clear();
        in_quote.extend(quote_of.iter().map(Option::is_some));
        let known_locally = |name: &str| state.local_surnames.contains_key(name);
        lowered.refill(text, toks);
        attribution::outside_quotes(text, toks, in_quote, words);
        let body_offset = body_starts[p_index];
        let names_in = |r: Range<usize>| {
            let found = knowledge.gazetteer.names_in(
                body,
                &body_phrases,
                body_offset + r.start..body_offset + r.end,
            );
            found
                .into_iter()
                .map(|m| knowledge::NameMatch {
                    start: m.start - body_offset,
                    end: m.end - body_offset,
                    ..m
                })
                .collect()
        };
        let mentions = find_mentions(
            text,
            toks,
            lowered,
            in_quote,
            words,
            &mentions::Known {
                gazetteer: &knowledge.gazetteer,
                names_in: &names_in,
                local: &known_locally,
            },
            notes,
        );
        dates::find_time_exprs_into(text, toks, lowered, times);
        let para = Paragraph {
            text,
            toks,
            quotes,
            quote_of,
            words,
            lowered,
            mentions,
            times,
        };
        let background_paragraph = toks
            .first()
            .is_some_and(|t| tokens::with_lowercase(&text[t.range()], is_background_marker));
        let time_text = |t: usize| {
            let e = &times[t];
            text[toks[e.toks.start].start..toks[e.toks.end - 1].end].to_string()
        };

        resolved.clear();
        resolved.resize(mentions.len(), None);
        if let Some((key, at)) = state.turn(article, &para, resolved, body_starts[p_index]) {
            let span = at..text.trim_end().len();
            let in_body = |r: &Range<usize>| body_offset + r.start..body_offset + r.end;
            let context = state
                .transcript
                .as_ref()
                .and_then(|t| t.question_start)
                .map_or(in_body(&span), |q| q..in_body(&span).end);
            let date = state.date(None, false);
            let ctx = conflicts::Context {
                previous: state.previous_conflict,
                article: state.article_conflict,
                day: date.value.bounds().map(|(d, _)| d),
            };
            let conflict = conflicts::tag(taxonomy, body_terms, in_body(&span), context, &ctx);
            state.previous_conflict = conflict.or(state.previous_conflict);
            found.push(Found {
                span: base + span.start..base + span.end,
                role: state.role(&key, &date.value),
                country: state.countries.get(&key).cloned(),
                speaker: key.clone(),
                kind: Kind::Direct,
                date,
                conflict,
            });
            state.last_speaker = Some(key);
            continue;
        }
        let mut next_mention = 0;
        sentences::split_sentences(text, toks, quotes, sentences);
        for sentence in sentences.iter().cloned() {
            let first = toks.partition_point(|t| t.start < sentence.start);
            let last = toks.partition_point(|t| t.start < sentence.end);
            if first >= last {
                continue;
            }
            let analysis = analyze_sentence(&para, first..last);
            // Pronouns and descriptors look back from before this sentence's statements.
            let speaker_before = state.last_speaker.clone();
            while next_mention < mentions.len() && mentions[next_mention].toks.start < last {
                resolved[next_mention] = state.resolve(&mentions[next_mention]);
                next_mention += 1;
            }
            if p_index == 0
                && state.focus.is_none()
                && let Some(t) = analysis.leading_time
                && let DateValue::Day { date } =
                    dates::resolve(times[t].kind, state.published, None)
            {
                state.focus = Some((date, time_text(t)));
            }
            if analysis.unofficial_speech {
                state.last_speaker = None;
            }
            if let Some(m) = analysis.subject
                && let Some(key) = resolved[m].clone().filter(|k| state.is_person(k))
            {
                state.last_speaker = Some(key);
            }
            for cand in &analysis.candidates {
                let key = match cand.speaker {
                    SpeakerSource::Mention(m) => resolved[m].clone(),
                    SpeakerSource::Continuation => speaker_before.clone(),
                };
                let Some(key) = key else { continue };
                // "the same day", "the day before" count from the statement before, else
                // from the date in focus.
                let focus_day = state.last_day.or(state.focus.as_ref().map(|(d, _)| *d));
                let time = cand.time.map(|t| {
                    (
                        dates::resolve(times[t].kind, state.published, focus_day),
                        time_text(t),
                    )
                });
                let background = cand.background || background_paragraph && cand.time.is_none();
                let date = match (&time, state.dated.get(&key)) {
                    // The same speaker again, with no time of their own: the same occasion.
                    (None, Some(earlier)) if !background => StatementDate {
                        value: earlier.value,
                        basis: format!("same occasion as the earlier statement: {}", earlier.basis),
                    },
                    _ => state.date(time, background),
                };
                if let DateValue::Day { date } = date.value {
                    state.last_day = Some(date);
                }
                if cand.time.is_some() && date.value != DateValue::Unknown {
                    state.dated.insert(key.clone(), date.clone());
                }
                let day = date.value.bounds().map(|(d, _)| d);
                // The topic of the statement before goes on in its paragraph or with its
                // speaker; someone else in a new paragraph speaks to the article's subject
                // (a liveblog's next entry is not about the Gaza a quote above named).
                let goes_on = state
                    .previous_statement
                    .as_ref()
                    .is_some_and(|(p, k)| *p == p_index || *k == key);
                let ctx = conflicts::Context {
                    previous: state
                        .previous_conflict
                        .filter(|_| goes_on || state.article_conflict.is_none()),
                    article: state.article_conflict,
                    day,
                };
                let in_body =
                    |r: &Range<usize>| body_starts[p_index] + r.start..body_starts[p_index] + r.end;
                let conflict = conflicts::tag(
                    taxonomy,
                    body_terms,
                    in_body(&cand.span),
                    in_body(&sentence),
                    &ctx,
                );
                state.previous_conflict = conflict.or(state.previous_conflict);
                state.previous_statement = Some((p_index, key.clone()));
                let role = state.role(&key, &date.value);
                let country = state.countries.get(&key).cloned();
                found.push(Found {
                    span: base + cand.span.start..base + cand.span.end,
                    speaker: key.clone(),
                    role,
                    country,
                    kind: cand.kind,
                    date,
                    conflict,
                });
                state.last_speaker = Some(key);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
