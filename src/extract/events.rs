//! Grouping statements that report one utterance in different articles: same speaker,
//! dates a day apart at most, and the same content, even in another translation.

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use smallvec::SmallVec;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::tokens::{Words, packed_at};
use crate::model::{Article, DateValue, EventId, Speaker, SpeakerIdx, Statement};

/// What grouping needs to know of a statement.
#[derive(Debug, Clone)]
pub struct EventInput<'a> {
    pub article: usize,
    /// The article's paragraphs and where the statement starts: pieces of one quote
    /// share a paragraph, and statements of other paragraphs are other utterances.
    pub paragraphs: &'a [Range<usize>],
    pub start: usize,
    pub speaker: SpeakerIdx,
    /// The speaker's name, whose words in a reported statement are frame, not content.
    pub speaker_name: &'a str,
    pub date: DateValue,
    pub text: &'a str,
}

impl<'a> EventInput<'a> {
    /// A statement of `speakers`' in `article`.
    pub fn of(s: &Statement, speakers: &'a [Speaker], article: &'a Article) -> Self {
        Self {
            article: s.article,
            paragraphs: &article.paragraphs,
            start: s.span.start,
            speaker: s.speaker,
            speaker_name: &speakers[s.speaker].name,
            date: s.date.value,
            text: article.text.get(s.span.clone()).unwrap_or(""),
        }
    }
}

/// The similarity above which two statements are one utterance (measured on pairs of
/// outlets reporting the same briefing: the same utterance scores 0.29 and more, other
/// statements of the same speaker that day 0.26 and less).
const SIMILARITY: f32 = 0.275;

/// How alike two statements of different paragraphs of one article must be to stand in
/// one event (measured: one remark given twice, paraphrased then quoted, scores 0.51;
/// two remarks of one briefing 0.09).
const SAME_ARTICLE_SIMILARITY: f32 = 0.2;

/// Words that translations render differently, folded onto one stem: (stem, shared stem).
const SYNONYMS: &[(&str, &str)] = &[
    ("truce", "ceasefir"),
    ("armistic", "ceasefir"),
    ("ceasefir", "ceasefir"),
    ("cease-fir", "ceasefir"),
    ("agreement", "ceasefir"),
    ("deal", "ceasefir"),
    ("welcom", "welcom"),
    ("support", "welcom"),
    ("back", "welcom"),
    ("endors", "welcom"),
    ("hail", "welcom"),
    ("hope", "hope"),
    ("wish", "hope"),
    ("start", "start"),
    ("begin", "start"),
    ("beginn", "start"),
    ("outset", "start"),
    ("difficult", "difficult"),
    ("hard", "difficult"),
    ("conclus", "conclus"),
    ("conclud", "conclus"),
    ("judg", "conclus"),
    ("assess", "conclus"),
    ("assessment", "conclus"),
    ("clash", "strik"),
    ("strik", "strik"),
    ("strike", "strik"),
    ("attack", "strik"),
    ("document", "document"),
    ("letter", "document"),
    ("paper", "document"),
    ("messag", "messag"),
    ("signal", "messag"),
    ("fragment", "fragment"),
    ("fragmentari", "fragment"),
    ("contradictori", "fragment"),
    ("sustain", "sustain"),
    ("sustainabl", "sustain"),
    ("durabl", "sustain"),
    ("last", "sustain"),
    ("lasting", "sustain"),
    ("rebuild", "rebuild"),
    ("reconstruct", "rebuild"),
    ("reconstruction", "rebuild"),
    ("abandon", "abandon"),
    ("desert", "abandon"),
];

fn synonym(stem: &str) -> &str {
    static BY_STEM: LazyLock<HashMap<&'static str, &'static str>> =
        LazyLock::new(|| SYNONYMS.iter().copied().collect());
    BY_STEM.get(stem).copied().unwrap_or(stem)
}

/// A crude stem: enough to meet "welcomed" and "welcome", "conclusions" and "conclusion".
fn stem(lowercase_word: &str) -> &str {
    // `strip_suffix` with a `&str` is a byte comparison; `trim_end_matches` with one
    // builds a substring searcher on every call, and this runs for every word.
    let mut w = lowercase_word.trim_end_matches(['\'', '’']);
    while let Some(rest) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
        w = rest;
    }
    let mut s = w;
    for suffix in [
        "ations", "ation", "ingly", "ing", "edly", "ed", "ly", "es", "s", "e", "y",
    ] {
        if s.len() > suffix.len() + 3 && s.ends_with(suffix) {
            s = &s[..s.len() - suffix.len()];
            break;
        }
    }
    synonym(s)
}

/// A stem as its 64-bit hash with bit 0 telling whether it names a country (topical,
/// weighs less): one word, so a corpus's stems sort and dedup as plain integers.
type StemKey = u64;

/// Bit 0 of a [`StemKey`]: the stem names a country.
const TOPICAL: u64 = 1;

fn stem_key(stem: &str, country: bool) -> StemKey {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(stem);
    (hash & !TOPICAL) | u64::from(country)
}

/// A word's stem key, and the length of the word without a possessive (to tell the
/// speaker's own name apart); `None` for function and frame words and for words with
/// no letter.
type WordStem = Option<(StemKey, u32)>;

/// The `WordStem` of a lowercase word.
fn stem_of(lowercase_word: &str, has_letter: bool) -> WordStem {
    let info = word_info(lowercase_word);
    if !has_letter || info & SKIPPED != 0 {
        return None;
    }
    let bare = super::tokens::strip_possessive(lowercase_word).len();
    Some((
        stem_key(stem(lowercase_word), info & COUNTRY != 0),
        u32::try_from(bare).unwrap_or(u32::MAX),
    ))
}

thread_local! {
    /// `stem_of` of the short ASCII words seen before, by their spelling: words recur,
    /// and one lookup costs less than lowercasing, two table lookups and stemming (most
    /// of the time of grouping a corpus's statements).
    static SEEN: RefCell<HashMap<u128, WordStem>> = RefCell::new(HashMap::default());
}

/// Statements whose content stems one thread gathers in one vector.
const STEM_CHUNK: usize = 4096;

/// Spellings `SEEN` keeps at most before it starts again.
const SEEN_MAX: usize = 1 << 20;

/// Appends to `keys` the content stems of a text, sorted and without repeats, leaving
/// out function words, the words of the reporting frame (titles, weekdays, "reporters")
/// and the words of the speaker's name. No allocation per word or per text: this runs over every
/// statement of a corpus.
fn content_stems(text: &str, name_words: &[&str], keys: &mut Vec<StemKey>, lower: &mut String) {
    let start = keys.len();
    SEEN.with_borrow_mut(|seen| {
        if seen.len() > SEEN_MAX {
            seen.clear();
        }
        for range in Words::new(text) {
            let word = &text[range.clone()];
            let (key, bare) = if let Some(spelling) = packed_at(text.as_bytes(), range) {
                let stem = *seen.entry(spelling).or_insert_with(|| {
                    lower.clear();
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                    let has_letter = word.bytes().any(|b| b.is_ascii_alphabetic());
                    stem_of(lower, has_letter)
                });
                let Some((key, bare)) = stem else { continue };
                // Lowercasing ASCII keeps lengths.
                (key, &word[..bare as usize])
            } else {
                lower.clear();
                if word.is_ascii() {
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(word.chars().flat_map(char::to_lowercase));
                }
                let has_letter = lower.chars().any(char::is_alphabetic);
                let Some((key, bare)) = stem_of(lower, has_letter) else {
                    continue;
                };
                let bare = bare as usize;
                (
                    key,
                    if word.is_ascii() {
                        &word[..bare]
                    } else {
                        &lower[..bare]
                    },
                )
            };
            let in_name = name_words
                .iter()
                .any(|n| n.len() == bare.len() && n.eq_ignore_ascii_case(bare));
            if !in_name {
                keys.push(key);
            }
        }
    });
    sort_dedup_from(keys, start);
}

/// Sorts `v[start..]` and drops its repeats, leaving `v[..start]` as it is: each
/// statement's stems are a stretch at the end of one vector.
fn sort_dedup_from<T: Ord + Copy>(v: &mut Vec<T>, start: usize) {
    v[start..].sort_unstable();
    let mut kept = start;
    for r in start..v.len() {
        if kept == start || v[r] != v[kept - 1] {
            v[kept] = v[r];
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// Where a chunk's content stems of a statement end in its vector, and the earlier
/// statement of the same chunk with the same text and speaker, whose stems it shares
/// (then it has none in the vector).
#[derive(Clone, Copy)]
struct ChunkEnd {
    end: usize,
    repeat: Option<usize>,
}

/// The statements of a chunk seen so far by their text, to reuse the stems of a text
/// met before: outlets that run the same wire copy repeat a statement word for word,
/// and hashing a text costs far less than stemming its words.
#[derive(Default)]
struct Repeats {
    /// The statement first seen with a text and speaker's name, by their hash.
    first: HashMap<u64, usize>,
    /// The hash of the statement last asked about, which `note` files it under.
    last_hash: u64,
}

impl Repeats {
    /// The earlier statement with the text and speaker of `s`, if any.
    fn of<'a>(
        &mut self,
        s: &EventInput<'a>,
        input: impl Fn(usize) -> EventInput<'a>,
    ) -> Option<usize> {
        use std::hash::{BuildHasher, BuildHasherDefault};
        self.last_hash = BuildHasherDefault::<rustc_hash::FxHasher>::default()
            .hash_one((s.text, s.speaker_name));
        let j = *self.first.get(&self.last_hash)?;
        // Equal hashes are checked: a collision must not borrow another text's stems.
        let t = input(j);
        (t.text == s.text && t.speaker_name == s.speaker_name).then_some(j)
    }

    /// Files statement `i`, asked about last.
    fn note(&mut self, i: usize) {
        self.first.entry(self.last_hash).or_insert(i);
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut x = x;
        while self.0[x] != root {
            let next = self.0[x];
            self.0[x] = root;
            x = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Content similarity of statements: shared content stems weighted by rarity (rare
/// words weigh more: "ceasefire" in every statement of a corpus says little), as a share
/// of each statement's own content, the smaller share counting.
pub struct Similarity {
    /// All statements' content stems as ids, each statement's sorted, one after the
    /// other: a corpus has hundreds of thousands of statements, and one vector keeps
    /// them together in memory.
    stems: Vec<u32>,
    /// Where each statement's stems start in `stems`, and where the last ends.
    starts: Vec<usize>,
    /// Weight of each stem id.
    weights: Vec<f32>,
    /// Each statement's summed weight.
    totals: Vec<f32>,
}

impl Similarity {
    /// The similarity of `count` statements, statement `i` being `input(i)`.
    pub fn new<'a>(count: usize, input: impl Fn(usize) -> EventInput<'a> + Sync) -> Self {
        let mut ids: HashMap<u64, u32> = HashMap::default();
        let mut df: Vec<usize> = Vec::new();
        let mut topical: Vec<bool> = Vec::new();
        // Never more stems than words, nor words than half the bytes rounded up: sized
        // once, as growing it would copy it into fresh pages.
        let mut stems: Vec<u32> =
            Vec::with_capacity((0..count).map(|i| input(i).text.len().div_ceil(2)).sum());
        let mut starts = Vec::with_capacity(count + 1);
        // Content stems by chunks of statements, each chunk's in one vector (one per
        // statement would be hundreds of thousands of allocations), a round of chunks
        // at a time: the next round's vectors reuse the memory of this one's.
        let round = STEM_CHUNK * rayon::current_num_threads();
        for round_start in (0..count).step_by(round) {
            let round_end = (round_start + round).min(count);
            let chunks: Vec<(Vec<StemKey>, Vec<ChunkEnd>)> = (round_start..round_end)
                .step_by(STEM_CHUNK)
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|chunk_start| {
                    let chunk = chunk_start..(chunk_start + STEM_CHUNK).min(round_end);
                    let mut keys =
                        Vec::with_capacity(chunk.clone().map(|i| input(i).text.len() / 8).sum());
                    let mut ends = Vec::with_capacity(chunk.len());
                    let mut lower = String::new();
                    let mut name_words = Vec::new();
                    let mut earlier = Repeats::default();
                    for i in chunk {
                        let s = input(i);
                        let repeat = earlier.of(&s, &input);
                        if repeat.is_none() {
                            name_words.clear();
                            name_words.extend(s.speaker_name.split_whitespace());
                            content_stems(s.text, &name_words, &mut keys, &mut lower);
                            earlier.note(i);
                        }
                        ends.push(ChunkEnd {
                            end: keys.len(),
                            repeat,
                        });
                    }
                    (keys, ends)
                })
                .collect();
            for (keys, ends) in &chunks {
                let mut from = 0;
                for &ChunkEnd { end: to, repeat } in ends {
                    let start = stems.len();
                    starts.push(start);
                    if let Some(j) = repeat {
                        // The stems of the earlier statement, already ids.
                        stems.extend_from_within(starts[j]..starts[j + 1]);
                        for &id in &stems[start..] {
                            df[id as usize] += 1;
                        }
                        continue;
                    }
                    for &key in &keys[from..to] {
                        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                        let id = *ids.entry(key & !TOPICAL).or_insert(next);
                        if id as usize == df.len() {
                            df.push(0);
                            topical.push(key & TOPICAL != 0);
                        }
                        df[id as usize] += 1;
                        stems.push(id);
                    }
                    from = to;
                    // The same stem may come as a country and not: one id.
                    sort_dedup_from(&mut stems, start);
                }
            }
        }
        starts.push(stems.len());
        let n = count.max(1) as f32;
        // Countries and their adjectives say what a statement is about, not what it says:
        // two statements on the same war share them without being one utterance.
        let weights: Vec<f32> = df
            .iter()
            .zip(&topical)
            .map(|(&d, &t)| {
                let idf = (1.0 + n / d as f32).ln();
                if t { idf * 0.5 } else { idf }
            })
            .collect();
        let totals = starts
            .windows(2)
            .map(|w| {
                stems[w[0]..w[1]]
                    .iter()
                    .map(|&id| weights[id as usize])
                    .sum()
            })
            .collect();
        Self {
            stems,
            starts,
            weights,
            totals,
        }
    }

    fn stems_of(&self, i: usize) -> &[u32] {
        &self.stems[self.starts[i]..self.starts[i + 1]]
    }

    /// From 0 (nothing shared) to 1 (the same content).
    pub fn score(&self, i: usize, j: usize) -> f32 {
        let (a, b) = (self.stems_of(i), self.stems_of(j));
        let (mut x, mut y, mut shared) = (0, 0, 0.0);
        // Each step moves past the smaller of the two (or both), by arithmetic rather
        // than a three-way branch that mispredicts at every other step.
        while let (Some(&p), Some(&q)) = (a.get(x), b.get(y)) {
            if p == q {
                shared += self.weights[p as usize];
            }
            x += usize::from(p <= q);
            y += usize::from(q <= p);
        }
        let (ta, tb) = (self.totals[i], self.totals[j]);
        if ta <= 0.0 || tb <= 0.0 {
            return 0.0;
        }
        2.0 * shared / (ta + tb)
    }
}

/// Words of the reporting frame rather than the content: titles, speech verbs (and
/// weekdays and months, which `word_info` adds).
const FRAME_WORDS: &[&str] = &[
    "minister",
    "foreign",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "president",
    "kremlin",
    "stressed",
    "warned",
    "explained",
    "stated",
    "reported",
    "reporters",
    "briefing",
    "according",
    "press",
    "conference",
    "secretary",
    "spokespeople",
    "official",
];

/// What a lowercase word is to content: `SKIPPED` for function words, calendar words and
/// words of the reporting frame (never content), `COUNTRY` for names of countries and
/// their adjectives (topical). One table, so each word of every statement costs one
/// lookup.
const SKIPPED: u8 = 1;
const COUNTRY: u8 = 2;

fn word_info(lowercase_word: &str) -> u8 {
    static INFO: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
        let mut map: HashMap<&'static str, u8> = HashMap::default();
        let skipped = super::lexicon::stopwords()
            .chain(super::lexicon::WEEKDAYS)
            .chain(super::lexicon::MONTHS)
            .chain(FRAME_WORDS.iter().copied());
        for w in skipped {
            *map.entry(w).or_default() |= SKIPPED;
        }
        for w in super::lexicon::country_words() {
            *map.entry(w).or_default() |= COUNTRY;
        }
        map
    });
    INFO.get(lowercase_word).copied().unwrap_or(0)
}

/// Assigns each statement an event: statements in different articles by the same speaker,
/// at most a day apart, that say the same thing share one. Ids count from 0 in order of
/// first statement.
pub fn group_events<'a>(
    count: usize,
    input: impl Fn(usize) -> EventInput<'a> + Sync,
) -> Vec<EventId> {
    let similarity = Similarity::new(count, &input);
    let mut by_speaker: HashMap<SpeakerIdx, Vec<usize>> = HashMap::default();
    // Each statement's days, article and paragraph, read once: pairs are compared by them.
    let mut bounds = Vec::with_capacity(count);
    let mut article = Vec::with_capacity(count);
    let mut paragraph = Vec::with_capacity(count);
    for i in 0..count {
        let s = input(i);
        let days = s.date.bounds();
        if days.is_some() {
            by_speaker.entry(s.speaker).or_default().push(i);
        }
        bounds.push(days);
        article.push(s.article);
        paragraph.push(s.paragraphs.partition_point(|p| p.end <= s.start));
    }
    // Within a speaker, statements sorted by first day: only those that start at most a
    // day after another ends can be one utterance with it, so each looks ahead in a
    // short window instead of at every other statement.
    let groups: Vec<Vec<usize>> = by_speaker.into_values().collect();
    let mut pairs: Vec<(f32, usize, usize)> = groups
        .into_par_iter()
        .flat_map_iter(|mut group| {
            group.sort_by_key(|&i| bounds[i].map(|(first, _)| first));
            let mut pairs = Vec::new();
            for (x, &i) in group.iter().enumerate() {
                let Some((_, last)) = bounds[i] else { continue };
                for &j in &group[x + 1..] {
                    let Some((first, _)) = bounds[j] else {
                        continue;
                    };
                    if (first - last).num_days() > 1 {
                        break;
                    }
                    if article[i] != article[j] {
                        let score = similarity.score(i, j);
                        if score >= SIMILARITY {
                            pairs.push((score, i, j));
                        }
                    }
                }
            }
            pairs
        })
        .collect();
    // The most similar pairs join first, and an event takes two statements of one
    // article only when they are alike themselves (an article may give a remark twice,
    // paraphrased and quoted): a report that sums up a briefing in one sentence must not
    // chain two events of another outlet's report, each a quote of its own, into one.
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut uf = UnionFind((0..count).collect());
    // The members of each event of several statements, keyed by its root.
    let mut members: HashMap<usize, SmallVec<[usize; 4]>> = HashMap::default();
    for (_, i, j) in pairs {
        let (ri, rj) = (uf.find(i), uf.find(j));
        if ri == rj {
            continue;
        }
        let mut of = |root: usize, member: usize| {
            members
                .remove(&root)
                .unwrap_or_else(|| smallvec::smallvec![member])
        };
        let (mi, mj) = (of(ri, i), of(rj, j));
        let apart = mi.iter().any(|&x| {
            mj.iter().any(|&y| {
                article[x] == article[y]
                    && paragraph[x] != paragraph[y]
                    && similarity.score(x, y) < SAME_ARTICLE_SIMILARITY
            })
        });
        if apart {
            members.insert(ri, mi);
            members.insert(rj, mj);
            continue;
        }
        uf.union(i, j);
        members.insert(uf.find(i), mi.into_iter().chain(mj).collect());
    }
    let mut ids: HashMap<usize, EventId> = HashMap::default();
    (0..count)
        .map(|i| {
            let root = uf.find(i);
            let next = EventId::try_from(ids.len()).unwrap_or(EventId::MAX);
            *ids.entry(root).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn on(day: u32) -> DateValue {
        DateValue::Day {
            date: NaiveDate::from_ymd_opt(2025, 5, day).expect("valid"),
        }
    }

    fn input(article: usize, speaker: usize, date: DateValue, text: &str) -> EventInput<'_> {
        EventInput {
            article,
            paragraphs: &[],
            start: 0,
            speaker,
            speaker_name: "Anna Kowal",
            date,
            text,
        }
    }

    #[test]
    fn the_same_words_in_two_outlets_are_one_event() {
        let s = [
            input(
                0,
                1,
                on(3),
                "We will never accept the occupation of our harbour towns.",
            ),
            input(
                1,
                1,
                on(3),
                "we will never accept that our harbour towns are occupied",
            ),
            input(1, 1, on(3), "The grain corridor must reopen next week."),
        ];
        let ev = group_events(s.len(), |i| s[i].clone());
        assert_eq!(ev[0], ev[1]);
        assert_ne!(ev[0], ev[2]);
    }

    #[test]
    fn a_summary_does_not_chain_two_remarks_of_another_article_into_one_event() {
        const PARAGRAPHS: [Range<usize>; 4] = [0..10, 10..20, 20..30, 30..40];
        let in_paragraph = |article, paragraph: usize, text| EventInput {
            paragraphs: &PARAGRAPHS,
            start: PARAGRAPHS[paragraph].start,
            ..input(article, 1, on(3), text)
        };
        let s = [
            // One outlet quotes two remarks, a paragraph each.
            in_paragraph(
                0,
                1,
                "The harbour drills are a stern warning to the separatists.",
            ),
            in_paragraph(0, 2, "The harbour question is our internal affair alone."),
            // Another sums both up in one sentence, and quotes the first.
            in_paragraph(
                1,
                1,
                "He said the harbour question was an internal affair and the drills a stern warning to separatists.",
            ),
            in_paragraph(
                1,
                2,
                "The harbour drills are a stern warning to separatists.",
            ),
        ];
        let ev = group_events(s.len(), |i| s[i].clone());
        assert_ne!(ev[0], ev[1], "{ev:?}");
        assert_eq!(ev[0], ev[3], "{ev:?}");
        // A remark an article gives twice, paraphrased and quoted, stays one event.
        let twice = [
            in_paragraph(
                0,
                1,
                "We welcome the harbour ceasefire if it has really been reached.",
            ),
            in_paragraph(
                0,
                3,
                "If the harbour ceasefire has really been reached, we welcome it.",
            ),
            in_paragraph(
                1,
                1,
                "we welcome the harbour ceasefire, if it has really been reached",
            ),
        ];
        let ev = group_events(twice.len(), |i| twice[i].clone());
        assert!(ev[0] == ev[2] && ev[1] == ev[2], "{ev:?}");
    }

    #[test]
    fn other_speakers_dates_or_the_same_article_stay_apart() {
        let text = "We will never accept the occupation of our harbour towns.";
        let s = [
            input(0, 1, on(3), text),
            input(1, 2, on(3), text),
            input(2, 1, on(9), text),
            input(0, 1, on(3), text),
            input(3, 1, DateValue::Unknown, text),
        ];
        let ev = group_events(s.len(), |i| s[i].clone());
        assert_eq!(ev.iter().collect::<std::collections::HashSet<_>>().len(), 5);
    }

    #[test]
    fn a_repeated_text_reuses_its_stems_only_for_the_same_speaker() {
        let text = "Kowal wants the harbour towns back.";
        let by = |speaker_name| EventInput {
            speaker_name,
            ..input(0, 1, on(3), text)
        };
        let s = [by("Anna Kowal"), by("Anna Kowal"), by("Piotr Nowak")];
        let similarity = Similarity::new(s.len(), |i| s[i].clone());
        assert_eq!(similarity.stems_of(0), similarity.stems_of(1));
        // Another speaker's statement has the name "Kowal" as content.
        assert_eq!(
            similarity.stems_of(2).len(),
            similarity.stems_of(0).len() + 1
        );
    }

    #[test]
    fn translations_meet_through_synonyms() {
        let s = [
            input(0, 1, on(3), "We hope this truce will be lasting."),
            input(1, 1, on(4), "I hope this ceasefire is sustainable."),
        ];
        let ev = group_events(s.len(), |i| s[i].clone());
        assert_eq!(ev[0], ev[1]);
    }
}
