//! Words and punctuation of a paragraph, with byte offsets, so every later stage can
//! look at words without copying text and report exact spans.

use std::cell::Cell;
use std::ops::Range;

use super::classes::{Class, PLACE, class_of_bytes, class_of_packed};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits.
    Word,
    /// Letters and digits with apostrophes, hyphens or dots inside ("Russia's",
    /// "al-Sharaa", "U.S"): a word too, told apart for searches that split words there.
    JoinedWord,
    /// Any other non-space character, one token each.
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Tok {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word | TokKind::JoinedWord)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// Letters and digits, as `char::is_alphanumeric` says. News text beyond ASCII is
/// mostly typographic quotes, apostrophes and dashes, all in the General Punctuation
/// block, where no character is a letter or digit: they are answered without the
/// Unicode tables, whose lookup costs hundreds of instructions.
#[inline]
pub fn is_word_char(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Characters that stay inside a word when letters follow them.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '_')
}

/// What an ASCII byte is to the tokenizer: the same answers as `char::is_whitespace`,
/// `is_word_char` and `is_joiner`, by one table lookup (news text is mostly ASCII and
/// every statement and paragraph is tokenized).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Space,
    Word,
    Joiner,
    Other,
}

static ASCII: [Ascii; 128] = {
    let mut table = [Ascii::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => Ascii::Space,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Ascii::Word,
            b'\'' | b'-' | b'.' | b'_' => Ascii::Joiner,
            _ => Ascii::Other,
        };
        b += 1;
    }
    table
};

/// The character at byte `i` and its length, without decoding when it is ASCII (most
/// of any news text).
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn word_char_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b.is_ascii() => ASCII[usize::from(b)] == Ascii::Word,
        Some(_) => char_at(text, i).is_some_and(|(c, _)| is_word_char(c)),
    }
}

/// ASCII letters and digits, as a table over all bytes (non-ASCII bytes are false).
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(ASCII[b], Ascii::Word);
        b += 1;
    }
    table
};

/// Bytes that mark each byte of a `u64`: its lowest bit, its highest bit.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (bytes below 0x80) that is at least `lo`, for `lo`
/// from 1 to 0x80: adding `0x80 - lo` carries into the high bit exactly then, and never
/// into the next byte.
#[inline(always)]
fn bytes_at_least(x: u64, lo: u8) -> u64 {
    (x + LOW_BITS * u64::from(0x80 - lo)) & HIGH_BITS
}

/// The end of the run of ASCII letters and digits at `at` in `bytes` (`at` itself when
/// there is none).
///
/// Eight bytes at a time, by bit arithmetic on a `u64`, where it can read them: a byte
/// loop ends with a mispredicted branch at nearly every word, and every paragraph and
/// statement is read word by word. No crate offers this small a piece.
#[inline(always)]
pub fn ascii_alnum_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let ascii = x & !HIGH_BITS;
        // Setting bit 5 lowercases letters and keeps digits as they are.
        let lower = ascii | (LOW_BITS * 0x20);
        let letter = bytes_at_least(lower, b'a') & !bytes_at_least(lower, b'z' + 1);
        let digit = bytes_at_least(ascii, b'0') & !bytes_at_least(ascii, b'9' + 1);
        let other = !(letter | digit) & HIGH_BITS | x & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at)
        && WORD_BYTE[usize::from(b)]
    {
        at += 1;
    }
    at
}

/// The end of the word that starts at `start` (a word character), and whether it has
/// joiners inside.
#[inline(always)]
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut joined = false;
    loop {
        // A run of ASCII letters and digits is most of any word.
        i = ascii_alnum_end(bytes, i);
        let Some(&b) = bytes.get(i) else {
            return (i, joined);
        };
        // A joiner stays only when a word character follows it ("U.S", "al-Assad");
        // the final dot of an abbreviation like "U.S." is left to sentences.
        if b.is_ascii() {
            if ASCII[usize::from(b)] == Ascii::Joiner && word_char_at(text, i + 1) {
                i += 1;
                joined = true;
                continue;
            }
            return (i, joined);
        }
        let Some((d, len)) = char_at(text, i) else {
            return (i, joined);
        };
        if is_word_char(d) {
            i += len;
        } else if is_joiner(d) && word_char_at(text, i + len) {
            i += len;
            joined = true;
        } else {
            return (i, joined);
        }
    }
}

/// The tokens of `text` one by one: what `tokenize` collects, for callers that look at
/// each token once.
pub struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        let (start, end, kind) = loop {
            let &b = bytes.get(at)?;
            // ASCII by table; anything else decoded.
            let (c, len, word) = if b.is_ascii() {
                match ASCII[usize::from(b)] {
                    Ascii::Space => {
                        at += 1;
                        continue;
                    }
                    class => (char::from(b), 1, class == Ascii::Word),
                }
            } else {
                let (c, len) = char_at(self.text, at)?;
                if c.is_whitespace() {
                    at += len;
                    continue;
                }
                (c, len, is_word_char(c))
            };
            break if word {
                match word_end(self.text, at + len) {
                    (end, false) => (at, end, TokKind::Word),
                    (end, true) => (at, end, TokKind::JoinedWord),
                }
            } else {
                (at, at + len, TokKind::Punct(c))
            };
        };
        self.at = end;
        Some(Tok { start, end, kind })
    }
}

/// The word tokens of `text` one by one, as byte ranges: what `Tokens` gives that are
/// words, without stopping at each space and punctuation mark (grouping reads every
/// statement's words and nothing else).
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { text, at: 0 }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = next_word_start(self.text, self.at)?;
        let (end, _) = word_end(self.text, start);
        self.at = end;
        Some(start..end)
    }
}

/// The start of the next word at or after `at`, if any: the first letter or digit
/// (words begin with one; joiners only continue them).
#[inline(always)]
pub fn next_word_start(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        let &b = bytes.get(at)?;
        if b.is_ascii() {
            if WORD_BYTE[usize::from(b)] {
                return Some(at);
            }
            at += 1;
        } else {
            let (c, len) = char_at(text, at)?;
            if is_word_char(c) {
                return Some(at);
            }
            at += len;
        }
    }
}

/// Splits `text` into word and punctuation tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    toks.extend(Tokens::new(text));
    toks
}

/// Writes `text` lowercased character by character into `buf` and returns true when
/// every character keeps its length in UTF-8 (ASCII, typographic quotes and dashes, most
/// letters), so that every offset into `text` is the same offset into the result; false
/// (with `buf` unfinished) otherwise.
fn lowercase_in_place(text: &str, buf: &mut String) -> bool {
    buf.clear();
    let mut rest = text;
    loop {
        // ASCII runs in one go, the other characters one by one.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = buf.len();
        buf.push_str(&rest[..ascii]);
        buf[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            return true;
        };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => buf.push(l),
            _ => return false,
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// An ASCII word of at most 16 bytes, packed into one integer: a key that hashes and
/// compares as one number, for tables of words looked up once per token. Bit 7, free in
/// ASCII, marks the bytes of the word, so no two words pack alike.
pub fn packed(word: &[u8]) -> Option<u128> {
    let len = word.len();
    if len > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..len].copy_from_slice(word);
    packed_prefix(u128::from_le_bytes(bytes), len)
}

/// [`packed`] of the word at `range` of `text`, read together with the bytes after it
/// as one integer when the text goes on 16 bytes past its start: no copy.
#[inline]
pub fn packed_at(text: &[u8], range: Range<usize>) -> Option<u128> {
    let len = range.len();
    match text[range.start..].first_chunk::<16>() {
        Some(chunk) if len <= 16 => packed_prefix(u128::from_le_bytes(*chunk), len),
        _ => packed(&text[range]),
    }
}

/// [`packed`] of the first `len` (at most 16) bytes of `bytes` (little-endian).
#[inline]
fn packed_prefix(bytes: u128, len: usize) -> Option<u128> {
    /// The low `len` bytes set, by `len`: a load instead of a 128-bit shift.
    static IN_WORD: [u128; 17] = {
        let mut masks = [0u128; 17];
        let mut len = 1;
        while len <= 16 {
            masks[len] = (masks[len - 1] << 8) | 0xff;
            len += 1;
        }
        masks
    };
    let in_word = IN_WORD[len.min(16)];
    let high_bits = u128::from_le_bytes([0x80; 16]);
    let word = bytes & in_word;
    (word & high_bits == 0).then_some(word | (in_word & high_bits))
}

/// A word's class not yet looked up.
const UNKNOWN: Class = Class::MAX;

/// Every token lowercased, in one buffer: the rules ask for lowercase words again and
/// again, and one allocation per paragraph is cheaper than one per question.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    buf: String,
    bounds: Vec<(u32, u32)>,
    /// What each word is to the rules (`classes::class_of_bytes`; 0 for punctuation), its
    /// bit for places taken from the word without a possessive ("Russia's"); `UNKNOWN`
    /// until asked.
    classes: Vec<Cell<Class>>,
}

impl Lowered {
    pub fn new(text: &str, toks: &[Tok]) -> Self {
        let mut lowered = Self::default();
        lowered.refill(text, toks);
        lowered
    }

    /// The tokens of another paragraph, in the same buffers: extraction lowers every
    /// paragraph of every article, and three allocations for each cost more than the
    /// lowering.
    pub fn refill(&mut self, text: &str, toks: &[Tok]) {
        let bound = |start: usize, end: usize| {
            (
                u32::try_from(start).unwrap_or(u32::MAX),
                u32::try_from(end).unwrap_or(u32::MAX),
            )
        };
        self.bounds.clear();
        if lowercase_in_place(text, &mut self.buf) {
            // Every character kept its length: one copy, tokens where they are.
            self.bounds
                .extend(toks.iter().map(|t| bound(t.start, t.end)));
        } else {
            self.buf.clear();
            for t in toks {
                let start = self.buf.len();
                let word = &text[t.range()];
                if word.is_ascii() {
                    self.buf.push_str(word);
                    self.buf[start..].make_ascii_lowercase();
                } else {
                    self.buf.extend(word.chars().flat_map(char::to_lowercase));
                }
                self.bounds.push(bound(start, self.buf.len()));
            }
        }
        self.classes.clear();
        self.classes.extend(
            toks.iter()
                .map(|t| Cell::new(if t.is_word() { UNKNOWN } else { 0 })),
        );
    }

    /// What token `i` is to the rules (0 past the end), looked up when first asked: the
    /// rules ask about most words outside quotes and few inside.
    #[inline]
    pub fn class(&self, i: usize) -> Class {
        match self.classes.get(i).map(Cell::get) {
            Some(UNKNOWN) => self.look_up_class(i),
            Some(class) => class,
            None => 0,
        }
    }

    #[inline(never)]
    fn look_up_class(&self, i: usize) -> Class {
        let (a, b) = self.bounds[i];
        let lower = &self.buf.as_bytes()[a as usize..b as usize];
        let class = packed_at(self.buf.as_bytes(), a as usize..b as usize)
            .map_or_else(|| class_of_bytes(lower), class_of_packed);
        let bare = strip_possessive(self.get(i));
        let class = if bare.len() == lower.len() {
            class
        } else {
            (class & !PLACE) | (class_of_bytes(bare.as_bytes()) & PLACE)
        };
        self.classes[i].set(class);
        class
    }

    /// Token `i` in lowercase ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        self.bounds
            .get(i)
            .and_then(|&(a, b)| self.buf.get(a as usize..b as usize))
            .unwrap_or("")
    }
}

/// Calls `f` with `word` lowercased, without allocating for a short ASCII word (nearly
/// every word the rules look up).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // A stack string: lowercasing ASCII in place needs no check that it is still UTF-8.
    match arrayvec::ArrayString::<40>::from(word) {
        Ok(mut lower) if word.is_ascii() => {
            lower.make_ascii_lowercase();
            f(&lower)
        }
        _ => f(&word.to_lowercase()),
    }
}

/// The word with a trailing possessive removed: "Russia's" → "Russia".
pub fn strip_possessive(word: &str) -> &str {
    // Both endings end in "s": most words are answered by their last byte.
    if !word.ends_with('s') {
        return word;
    }
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_word_characters() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_word_char('’') && !is_word_char('—') && !is_word_char('“'));
        assert!(is_word_char('é') && is_word_char('Ж') && is_word_char('٣'));
    }

    #[test]
    fn packed_spellings_tell_every_short_ascii_word_apart() {
        let words = [
            "a",
            "A",
            "ab",
            "ba",
            "abc",
            "ab0",
            "sixteen-letters!",
            "sixteen-letters?",
        ];
        let keys: std::collections::HashSet<u128> = words
            .iter()
            .map(|w| packed(w.as_bytes()).expect("short ASCII"))
            .collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(packed(b"seventeen-letters"), None);
        assert_eq!(packed("Zelenskyy’s".as_bytes()), None);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn keeps_inner_apostrophes_hyphens_and_dots() {
        assert_eq!(
            words("Russia’s al-Sharaa met U.S. envoys."),
            vec!["Russia’s", "al-Sharaa", "met", "U.S", ".", "envoys", "."]
        );
    }

    #[test]
    fn splits_quotes_and_punctuation() {
        assert_eq!(
            words("“Yes,” he said: 'no'"),
            vec!["“", "Yes", ",", "”", "he", "said", ":", "'", "no", "'"]
        );
    }

    /// The tokenizer as first written, one decoded character at a time: the table-driven
    /// one must split every text the same way.
    fn reference_tokenize(text: &str) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !is_word_char(c) {
                toks.push(Tok {
                    start: i,
                    end: i + len,
                    kind: TokKind::Punct(c),
                });
                i += len;
                continue;
            }
            let start = i;
            i += len;
            let mut joined = false;
            while let Some(d) = text[i..].chars().next() {
                let dl = d.len_utf8();
                let joins = is_joiner(d) && text[i + dl..].chars().next().is_some_and(is_word_char);
                if !(is_word_char(d) || joins) {
                    break;
                }
                joined |= joins && !is_word_char(d);
                i += dl;
            }
            toks.push(Tok {
                start,
                end: i,
                kind: if joined {
                    TokKind::JoinedWord
                } else {
                    TokKind::Word
                },
            });
        }
        toks
    }

    proptest::proptest! {
        #[test]
        fn splits_like_the_reference(text in "[a-zA-Z0-9 .,'’_‐\\-\t\n\u{a0}\u{2003}éЖ中“”!?]{0,40}") {
            proptest::prop_assert_eq!(tokenize(&text), reference_tokenize(&text));
        }

        #[test]
        fn splits_any_string_like_the_reference(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(tokenize(&text), reference_tokenize(&text));
        }

        #[test]
        fn alnum_runs_end_where_a_byte_loop_ends_them(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), at in 0usize..40) {
            let by_loop = (at..bytes.len()).find(|&i| !bytes[i].is_ascii_alphanumeric()).unwrap_or(bytes.len().max(at));
            proptest::prop_assert_eq!(ascii_alnum_end(&bytes, at), by_loop);
        }

        #[test]
        fn word_starts_are_where_a_char_loop_finds_them(text in "[a-zA-Z0-9 .,'’_‐\\-\t\n\u{a0}éЖ中“”!?]{0,40}|\\PC{0,40}", at in 0usize..48) {
            let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let by_loop = text[at..].char_indices().find(|&(_, c)| c.is_alphanumeric()).map(|(i, _)| at + i);
            proptest::prop_assert_eq!(next_word_start(&text, at), by_loop);
        }

        #[test]
        fn words_are_the_word_tokens(text in "[a-zA-Z0-9 .,'’_‐\\-\t\n\u{a0}éЖ中“”!?]{0,40}|\\PC{0,40}") {
            let words: Vec<Range<usize>> = Words::new(&text).collect();
            let tokens: Vec<Range<usize>> =
                tokenize(&text).iter().filter(|t| t.is_word()).map(Tok::range).collect();
            proptest::prop_assert_eq!(words, tokens);
        }

        #[test]
        fn lowers_every_token_as_it_would_alone(text in "[a-zA-Z .,'’“”\\-ÉéΣσİЖж]{0,40}") {
            let toks = tokenize(&text);
            let lowered = Lowered::new(&text, &toks);
            for (i, t) in toks.iter().enumerate() {
                let alone: String = text[t.range()].chars().flat_map(char::to_lowercase).collect();
                proptest::prop_assert_eq!(lowered.get(i), alone.as_str());
            }
        }
    }

    #[test]
    fn lowercases_short_long_and_non_ascii_words() {
        assert_eq!(with_lowercase("Peskov", str::to_string), "peskov");
        let long = "Supercalifragilisticexpialidocious-Extraordinarily";
        assert_eq!(with_lowercase(long, str::to_string), long.to_lowercase());
        assert_eq!(with_lowercase("ЛАВРОВ", str::to_string), "лавров");
    }

    #[test]
    fn strips_possessives() {
        assert_eq!(strip_possessive("Russia's"), "Russia");
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("Lavrov"), "Lavrov");
    }
}
