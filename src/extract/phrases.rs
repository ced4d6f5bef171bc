//! Whole-word phrase lookup: where the gazetteer's names and the taxonomy's terms occur
//! in a text, ASCII case ignored.
//!
//! Written by hand rather than with `aho-corasick`, which the extractor used before: a
//! phrase counts only when it begins and ends at a word boundary, so only word starts
//! need looking at. An automaton visits every byte, and its DFA over the gazetteer's
//! 1,600 names outgrows the CPU caches; here a word start costs a bitmap test, and a
//! hash lookup for the few words that pass it. On the bench corpus the two searches
//! took 14 % of extraction time with the DFAs and 10 % with this; loading the knowledge
//! went from 815 M instructions (building the DFAs) to 58 M.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::tokens::{Tok, TokKind, ascii_alnum_end, is_word_char, next_word_start};

/// A set of phrases, found in texts from word start to word end.
#[derive(Debug, Default)]
pub struct PhraseSet {
    /// Each phrase, ASCII-lowercased.
    phrases: Vec<Box<[u8]>>,
    /// Phrases by their first word (ASCII-lowercased).
    by_first: HashMap<Box<[u8]>, First>,
    /// Phrases of several words by their first two words, joined by a 0 byte: "the" or
    /// "Mohammed" starts too many phrases to try them all at every "the".
    by_pair: HashMap<Box<[u8]>, Vec<u32>>,
    /// `quick_hash` of every first word, as a bitmap of 2^16 bits.
    first_words: Vec<u64>,
    /// The same of every second word of a phrase: "the" starts many phrases, and is
    /// followed by many more words that start none.
    second_words: Vec<u64>,
    /// The longest key of `by_first` and of `by_pair`: longer words match nothing.
    longest_first: usize,
    longest_pair: usize,
}

#[derive(Debug, Default)]
struct First {
    /// Phrases of this one word, longest first.
    single: Vec<u32>,
    /// Whether longer phrases start with this word (then `by_pair` has them).
    longer: bool,
}

/// A phrase found in a text: its byte range and its index in the list the set was
/// built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

/// Words are runs of alphanumeric characters, as `char::is_alphanumeric` says: whether
/// there is one at `at`, and the length of the character there.
#[inline(always)]
fn is_word_char_at(text: &str, at: usize) -> Option<(bool, usize)> {
    let &b = text.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((b.is_ascii_alphanumeric(), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((is_word_char(c), c.len_utf8()))
}

/// What a byte says of words: ASCII that is no letter or digit, an ASCII letter or
/// digit, or part of a character beyond ASCII (which `is_word_char_at` decodes).
const NOT_WORD: u8 = 0;
const WORD: u8 = 1;
const WIDE: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            WORD
        } else {
            NOT_WORD
        };
        b += 1;
    }
    t
};

/// The end of the word that starts at `at`.
#[inline(always)]
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        at = ascii_alnum_end(bytes, at);
        match bytes.get(at) {
            Some(&b) if BYTE_CLASS[b as usize] == WIDE => match is_word_char_at(text, at) {
                Some((true, len)) => at += len,
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// A 16-bit hash of a word's first eight bytes and its length, ASCII case ignored, for
/// a bitmap that turns away most words before a map lookup: most words of a text start
/// no phrase. `rest` is the text from the word on.
#[inline]
fn quick_hash(rest: &[u8], len: usize) -> usize {
    let head = match rest.first_chunk::<8>() {
        Some(&head) => u64::from_le_bytes(head),
        None => {
            let mut head = [0u8; 8];
            head[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(head)
        }
    };
    let head = if len >= 8 {
        head
    } else {
        head & ((1u64 << (8 * len)) - 1)
    };
    // Setting bit 5 lowercases ASCII letters and leaves digits as they are; other bytes
    // change too, but the same on both sides.
    let folded = head | 0x2020_2020_2020_2020;
    let mixed = (folded ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 48) as usize
}

fn push_lower(key: &mut Vec<u8>, bytes: &[u8]) {
    key.extend(bytes.iter().map(u8::to_ascii_lowercase));
}

impl PhraseSet {
    /// A set of `phrases`; a match reports its phrase's index in this list. Phrases are
    /// matched from their first letter or digit: leading punctuation and spaces are not
    /// part of one, and a phrase with no letter or digit is never found.
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Self {
        let mut set = PhraseSet {
            first_words: vec![0; (1 << 16) / 64],
            second_words: vec![0; (1 << 16) / 64],
            ..PhraseSet::default()
        };
        for (i, phrase) in phrases.iter().enumerate() {
            let phrase = phrase.as_ref();
            let lower: Box<[u8]> = phrase.as_bytes().to_ascii_lowercase().into();
            let index = u32::try_from(i).expect("fewer than 4 billion phrases");
            if let Some(start) = next_word_start(phrase, 0) {
                let first_end = word_end(phrase, start);
                let first: Box<[u8]> = lower[start..first_end].into();
                set.longest_first = set.longest_first.max(first.len());
                let h = quick_hash(&first, first.len());
                set.first_words[h / 64] |= 1 << (h % 64);
                let entry = set.by_first.entry(first.clone()).or_default();
                match next_word_start(phrase, first_end) {
                    None => entry.single.push(index),
                    Some(second) => {
                        entry.longer = true;
                        let second = &lower[second..word_end(phrase, second)];
                        let h = quick_hash(second, second.len());
                        set.second_words[h / 64] |= 1 << (h % 64);
                        let mut key = first.into_vec();
                        key.push(0);
                        key.extend_from_slice(second);
                        set.longest_pair = set.longest_pair.max(key.len());
                        set.by_pair.entry(key.into()).or_default().push(index);
                    }
                }
                // Matching compares from the first letter on.
                set.phrases.push(lower[start..].into());
            } else {
                set.phrases.push(Box::default());
            }
        }
        for first in set.by_first.values_mut() {
            first
                .single
                .sort_by_key(|&p| std::cmp::Reverse(set.phrases[p as usize].len()));
        }
        for pair in set.by_pair.values_mut() {
            pair.sort_by_key(|&p| std::cmp::Reverse(set.phrases[p as usize].len()));
        }
        set
    }

    /// Calls `found` with every phrase that starts at the word starting at `start`
    /// (ending at `first_end`) and ends at a word end.
    #[inline]
    fn at_word(
        &self,
        text: &str,
        start: usize,
        first_end: usize,
        key: &mut Vec<u8>,
        mut found: impl FnMut(PhraseMatch),
    ) {
        let word = &text.as_bytes()[start..first_end];
        let h = quick_hash(&text.as_bytes()[start..], word.len());
        if word.len() > self.longest_first || self.first_words[h / 64] & (1 << (h % 64)) == 0 {
            return;
        }
        key.clear();
        push_lower(key, word);
        let Some(first) = self.by_first.get(key.as_slice()) else {
            return;
        };
        let mut matches = |candidates: &[u32]| {
            for &p in candidates {
                let phrase = &self.phrases[p as usize];
                let end = start + phrase.len();
                let fits = text
                    .as_bytes()
                    .get(start..end)
                    .is_some_and(|t| t.eq_ignore_ascii_case(phrase))
                    && !matches!(is_word_char_at(text, end), Some((true, _)));
                if fits {
                    found(PhraseMatch {
                        start,
                        end,
                        phrase: p as usize,
                    });
                }
            }
        };
        if first.longer
            && let Some(second) = next_word_start(text, first_end)
        {
            let second_end = word_end(text, second);
            let h = quick_hash(&text.as_bytes()[second..], second_end - second);
            if key.len() + 1 + second_end - second <= self.longest_pair
                && self.second_words[h / 64] & (1 << (h % 64)) != 0
            {
                key.push(0);
                push_lower(key, &text.as_bytes()[second..second_end]);
                if let Some(pair) = self.by_pair.get(key.as_slice()) {
                    matches(pair);
                }
            }
        }
        matches(&first.single);
    }

    /// Every whole-word occurrence of every phrase, overlapping ones included, in order
    /// of start.
    pub fn find_all(&self, text: &str) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut key = Vec::new();
        self.for_each_word(text, |start, first_end| {
            self.at_word(text, start, first_end, &mut key, |m| out.push(m));
        });
        out
    }

    /// What `find_all(text)` finds, reading the words from `words`: the word tokens of
    /// `text` (`tokens::Tokens`'s), in order. Extraction has tokenized the text already,
    /// and a second walk over its bytes cost as much as the lookups.
    pub fn find_all_in_tokens(
        &self,
        text: &str,
        words: impl Iterator<Item = Tok>,
    ) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        if self.phrases.is_empty() {
            return out;
        }
        let mut key = Vec::new();
        for token in words {
            if token.kind == TokKind::Word {
                self.at_word(text, token.start, token.end, &mut key, |m| out.push(m));
                continue;
            }
            // Joiners split a token into this set's words ("al-Sharaa": "al", "Sharaa").
            let mut start = token.start;
            loop {
                let end = word_end(text, start);
                self.at_word(text, start, end, &mut key, |m| out.push(m));
                match next_word_start(text, end) {
                    Some(next) if next < token.end => start = next,
                    _ => break,
                }
            }
        }
        out
    }

    /// Occurrences that do not overlap, the longest at the leftmost start first, as a
    /// reader takes "the Foreign Ministry" rather than "Foreign Ministry" in it.
    pub fn find_longest(&self, text: &str) -> Vec<PhraseMatch> {
        leftmost_longest(&self.find_all(text), 0..text.len())
    }

    /// Calls `at` with the start and end of each word of `text`.
    fn for_each_word(&self, text: &str, mut at: impl FnMut(usize, usize)) {
        if self.phrases.is_empty() {
            return;
        }
        // One pass over the bytes: this runs over every article's whole text.
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match BYTE_CLASS[b as usize] {
                NOT_WORD => {
                    i += 1;
                    continue;
                }
                WORD => {}
                _ => match is_word_char_at(text, i) {
                    Some((true, _)) => {}
                    Some((false, len)) => {
                        i += len;
                        continue;
                    }
                    None => return,
                },
            }
            let first_end = word_end(text, i);
            at(i, first_end);
            i = first_end;
        }
    }
}

/// What a reader takes from `all` (every match in a text, by start, as
/// [`PhraseSet::find_all`] gives them) inside `range`: the longest match at the leftmost
/// start, then the same after its end, so that no two overlap.
pub fn leftmost_longest(all: &[PhraseMatch], range: Range<usize>) -> Vec<PhraseMatch> {
    let mut out = Vec::new();
    let mut resume = range.start;
    let mut i = all.partition_point(|m| m.start < range.start);
    while let Some(&m) = all.get(i) {
        if m.start >= range.end {
            break;
        }
        let mut longest: Option<PhraseMatch> = None;
        while let Some(&n) = all.get(i).filter(|n| n.start == m.start) {
            if n.end <= range.end && longest.is_none_or(|l| n.end > l.end) {
                longest = Some(n);
            }
            i += 1;
        }
        if m.start >= resume
            && let Some(l) = longest
        {
            resume = l.end;
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn found<'a>(set: &PhraseSet, text: &'a str, all: bool) -> Vec<(&'a str, usize)> {
        let matches = if all {
            set.find_all(text)
        } else {
            set.find_longest(text)
        };
        matches
            .iter()
            .map(|m| (&text[m.start..m.end], m.phrase))
            .collect()
    }

    #[test]
    fn whole_words_only_in_any_ascii_case() {
        let set = PhraseSet::new(&["Gaza", "UN"]);
        assert_eq!(
            found(&set, "GAZA, gaza's Gazan; the un fund", true),
            vec![("GAZA", 0), ("gaza", 0), ("un", 1)]
        );
    }

    #[test]
    fn longest_wins_unless_all_are_asked_for() {
        let set = PhraseSet::new(&["Foreign Ministry", "the Foreign Ministry", "Ministry"]);
        let text = "said the foreign ministry on Monday";
        assert_eq!(found(&set, text, false), vec![("the foreign ministry", 1)]);
        assert_eq!(
            found(&set, text, true),
            vec![
                ("the foreign ministry", 1),
                ("foreign ministry", 0),
                ("ministry", 2)
            ]
        );
    }

    #[test]
    fn separators_inside_a_phrase_must_match() {
        let set = PhraseSet::new(&["Russia-Ukraine war", "Russia's invasion", "Oct. 7"]);
        assert_eq!(
            found(
                &set,
                "the Russia-Ukraine war, Russia's invasion, Oct. 7.",
                true
            ),
            vec![
                ("Russia-Ukraine war", 0),
                ("Russia's invasion", 1),
                ("Oct. 7", 2)
            ]
        );
        assert!(found(&set, "Russia Ukraine war; Oct 7", true).is_empty());
    }

    #[test]
    fn letters_beyond_ascii_are_words_and_match_exactly() {
        let set = PhraseSet::new(&["Zelensky", "Ankara"]);
        assert!(found(&set, "Zelenskyé Ankaraé", true).is_empty());
        assert_eq!(found(&set, "«Zelensky»", true), vec![("Zelensky", 0)]);
        let set = PhraseSet::new(&["Ölüdeniz"]);
        assert_eq!(found(&set, "ölüdeniz ÖLÜDENIZ Ölüdeniz", true).len(), 1);
    }

    #[test]
    fn leading_punctuation_is_not_part_of_a_phrase() {
        let set = PhraseSet::new(&["  -Hamas", "...", ""]);
        assert_eq!(found(&set, "Hamas said", true), vec![("Hamas", 0)]);
    }

    /// The definition: every occurrence, ASCII case ignored, with no letter or digit
    /// right before or after it.
    fn reference(phrases: &[String], text: &str) -> Vec<(usize, usize, usize)> {
        let word_before = |i: usize| {
            text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        let word_after = |i: usize| text[i..].chars().next().is_some_and(char::is_alphanumeric);
        let mut out = Vec::new();
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for (p, phrase) in phrases.iter().enumerate() {
                let end = start + phrase.len();
                let hit = !phrase.is_empty()
                    && text
                        .as_bytes()
                        .get(start..end)
                        .is_some_and(|t| t.eq_ignore_ascii_case(phrase.as_bytes()));
                if hit && text.is_char_boundary(end) && !word_before(start) && !word_after(end) {
                    out.push((start, end, p));
                }
            }
        }
        out.sort();
        out
    }

    proptest! {
        #[test]
        fn tokens_give_what_the_text_gives(text in "[a-cA-Cé '.’-]{0,60}") {
            let set = PhraseSet::new(&["a", "b-c", "ab", "c's", "é", "a b"]);
            let words = crate::extract::tokens::Tokens::new(&text).filter(Tok::is_word);
            prop_assert_eq!(set.find_all_in_tokens(&text, words), set.find_all(&text));
        }

        #[test]
        fn find_all_is_the_definition(
            phrases in prop::collection::vec("[a-cA-Cé]{1,3}([ '-][a-cé]{1,3}){0,2}", 1..8),
            text in "[a-cA-Cé '.-]{0,60}",
        ) {
            let set = PhraseSet::new(&phrases);
            let mut got: Vec<_> = set.find_all(&text).iter().map(|m| (m.start, m.end, m.phrase)).collect();
            got.sort();
            // Duplicate phrases are each reported.
            prop_assert_eq!(got, reference(&phrases, &text));
        }
    }
}
