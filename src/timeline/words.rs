//! Which statements' texts hold a word: an inverted index, so a text query reads posting
//! lists instead of a million texts.
//!
//! A query word is found anywhere in a text, inside longer words too ("kyiv" in
//! "Kyivan"). For a query word of ASCII letters and digits every occurrence lies inside
//! one run of ASCII letters and digits of the text, so the statements holding it are
//! exactly those with an indexed word that contains it: the index answers such words
//! without reading any text. Other ASCII query words ("al-Assad", "U.S.") are narrowed
//! to the statements holding each of their letter-and-digit runs, which are then read.

use memchr::memmem;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::Dataset;

/// Statements per segment: segments are built on all cores, and a statement's position
/// in its segment fits in 16 bits.
const SEGMENT: usize = 1 << 16;

/// Byte between two words of a segment's vocabulary: never part of a word, so a search
/// for a word piece never matches across two words.
const SEPARATOR: u8 = b'\n';

/// The words of all statement texts, lower-cased ASCII, in segments of [`SEGMENT`]
/// statements.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIndex {
    segments: Vec<Segment>,
    statements: usize,
}

/// One segment's distinct words and, per word, the statements holding it.
#[derive(Debug, Clone, Default)]
struct Segment {
    /// Distinct words, each followed by [`SEPARATOR`].
    vocabulary: Vec<u8>,
    /// Where each word starts in `vocabulary`, ascending.
    starts: Vec<u32>,
    /// Per word, the positions of its statements in the segment, ascending, as gaps
    /// from the previous one in LEB128: about a byte a posting, no allocation per list.
    postings: Vec<u8>,
    /// Where each word's postings end in `postings`.
    ends: Vec<u32>,
}

/// A set of statements, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    fn full(n: usize) -> Self {
        let mut bits = Self(vec![u64::MAX; n.div_ceil(64)]);
        if !n.is_multiple_of(64)
            && let Some(last) = bits.0.last_mut()
        {
            *last = (1 << (n % 64)) - 1;
        }
        bits
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    fn intersect(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// The statements a query word may be in, and whether they surely are.
pub(crate) struct Candidates {
    pub bits: Bits,
    /// The word is one run of letters and digits: every candidate holds it.
    pub exact: bool,
}

impl WordIndex {
    pub fn build(ds: &Dataset) -> Self {
        let segments = (0..ds.statements.len().div_ceil(SEGMENT))
            .into_par_iter()
            .map(|k| {
                let first = k * SEGMENT;
                let last = ds.statements.len().min(first + SEGMENT);
                Segment::build(
                    ds.statements[first..last]
                        .iter()
                        .map(|s| ds.statement_text(s).as_bytes()),
                )
            })
            .collect();
        Self {
            segments,
            statements: ds.statements.len(),
        }
    }

    /// The statements whose text may hold `word` (ASCII, any case); `None` when the
    /// index cannot narrow it down (no letters or digits, or not ASCII).
    pub fn candidates(&self, word: &str) -> Option<Candidates> {
        if !word.is_ascii() {
            return None;
        }
        let lower = word.to_ascii_lowercase();
        let pieces: Vec<&[u8]> = lower
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|p| !p.is_empty())
            .collect();
        let exact = pieces.len() == 1 && pieces[0].len() == lower.len();
        let mut bits: Option<Bits> = None;
        for piece in pieces {
            let hits = self.holding(piece);
            match &mut bits {
                Some(b) => b.intersect(&hits),
                None => bits = Some(hits),
            }
        }
        bits.map(|bits| Candidates { bits, exact })
    }

    /// Statements with a word that contains `piece` (lower-case letters and digits).
    fn holding(&self, piece: &[u8]) -> Bits {
        if piece.is_empty() {
            return Bits::full(self.statements);
        }
        let finder = memmem::Finder::new(piece);
        let words: Vec<u64> = self
            .segments
            .par_iter()
            .flat_map_iter(|segment| segment.holding(&finder))
            .collect();
        Bits(words)
    }
}

impl Segment {
    fn build<'a>(texts: impl Iterator<Item = &'a [u8]>) -> Self {
        let mut ids: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        let mut lists: Vec<(Vec<u8>, u32)> = Vec::new();
        let mut word = Vec::new();
        for (position, text) in texts.enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            for run in text
                .split(|b| !b.is_ascii_alphanumeric())
                .filter(|r| !r.is_empty())
            {
                word.clear();
                word.extend(run.iter().map(u8::to_ascii_lowercase));
                let id = match ids.get(word.as_slice()) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(lists.len()).unwrap_or(u32::MAX);
                        ids.insert(word.as_slice().into(), id);
                        lists.push((Vec::new(), u32::MAX));
                        id
                    }
                };
                let (list, last) = &mut lists[id as usize];
                if *last != position {
                    let gap = if *last == u32::MAX {
                        position
                    } else {
                        position - *last
                    };
                    push_leb128(list, gap);
                    *last = position;
                }
            }
        }
        let mut by_id: Vec<(Box<[u8]>, u32)> = ids.into_iter().collect();
        by_id.sort_unstable_by_key(|(_, id)| *id);
        let mut segment = Segment {
            vocabulary: Vec::with_capacity(by_id.iter().map(|(w, _)| w.len() + 1).sum()),
            starts: Vec::with_capacity(by_id.len()),
            postings: Vec::with_capacity(lists.iter().map(|(l, _)| l.len()).sum()),
            ends: Vec::with_capacity(by_id.len()),
        };
        for ((w, _), (list, _)) in by_id.iter().zip(&lists) {
            segment.starts.push(narrow(segment.vocabulary.len()));
            segment.vocabulary.extend_from_slice(w);
            segment.vocabulary.push(SEPARATOR);
            segment.postings.extend_from_slice(list);
            segment.ends.push(narrow(segment.postings.len()));
        }
        segment
    }

    /// This segment's statements that have a word holding the finder's piece, as
    /// [`SEGMENT`] bits.
    fn holding(&self, finder: &memmem::Finder<'_>) -> Vec<u64> {
        let mut bits = vec![0u64; SEGMENT / 64];
        let mut previous = usize::MAX;
        for at in finder.find_iter(&self.vocabulary) {
            let word = self.starts.partition_point(|&s| s as usize <= at) - 1;
            if word == previous {
                continue;
            }
            previous = word;
            let from = if word == 0 {
                0
            } else {
                self.ends[word - 1] as usize
            };
            let mut list = &self.postings[from..self.ends[word] as usize];
            let mut position = 0usize;
            let mut first = true;
            while let Some((gap, rest)) = read_leb128(list) {
                position = if first { gap } else { position + gap };
                first = false;
                bits[position / 64] |= 1 << (position % 64);
                list = rest;
            }
        }
        bits
    }
}

fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

fn push_leb128(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        #[expect(clippy::cast_possible_truncation, reason = "the low seven bits")]
        out.push((x as u8 & 0x7f) | 0x80);
        x >>= 7;
    }
    #[expect(clippy::cast_possible_truncation, reason = "x < 0x80")]
    out.push(x as u8);
}

fn read_leb128(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut x = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        x |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((x, &bytes[i + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{Fixture, on};

    fn index(texts: &[&str]) -> WordIndex {
        let mut f = Fixture::default();
        let speaker = f.speaker("A", false);
        for text in texts {
            let article = f.article("t", None, text);
            f.statement(
                article,
                text,
                speaker,
                None,
                on("2025-01-01"),
                crate::model::Kind::Direct,
                None,
            );
        }
        WordIndex::build(&f.build())
    }

    fn members(c: &Candidates, n: usize) -> Vec<usize> {
        (0..n).filter(|&i| c.bits.contains(i)).collect()
    }

    #[test]
    fn a_plain_word_finds_exactly_the_texts_that_hold_it_in_any_word() {
        let ix = index(&["Talks in KYIV", "the Kyivan side", "Ky iv", "nothing"]);
        let c = ix.candidates("kyIV").expect("an ASCII word");
        assert!(c.exact);
        assert_eq!(members(&c, 4), [0, 1]);
        assert_eq!(members(&ix.candidates("iv").expect("a word"), 4), [0, 1, 2]);
    }

    #[test]
    fn a_word_with_punctuation_narrows_to_texts_holding_each_of_its_runs() {
        let ix = index(&["the U.S. said", "us and s", "al-Assad", "Assad al"]);
        let us = ix.candidates("U.S.").expect("an ASCII word");
        assert!(!us.exact);
        assert_eq!(members(&us, 4), [0, 1]);
        assert_eq!(
            members(&ix.candidates("al-assad").expect("a word"), 4),
            [2, 3]
        );
        assert!(ix.candidates("zürich").is_none());
        assert!(ix.candidates("--").is_none());
    }

    #[test]
    fn postings_survive_long_gaps_and_segment_ends() {
        let mut texts = vec!["filler"; SEGMENT + 300];
        texts[3] = "rare word";
        texts[200] = "rare again";
        texts[SEGMENT + 250] = "RARE at last";
        let ix = index(&texts);
        let c = ix.candidates("rare").expect("a word");
        assert_eq!(members(&c, texts.len()), [3, 200, SEGMENT + 250]);
    }
}
