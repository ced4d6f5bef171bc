//! Words and punctuation of a paragraph, with byte offsets, so every later stage can
//! look at words without copying text and report exact spans.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, digits, and the apostrophes, hyphens and dots inside a word
    /// ("Russia's", "al-Sharaa", "U.S.").
    Word,
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
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that stay inside a word when letters follow them.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '_')
}

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

/// Splits `text` into word and punctuation tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
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
        while let Some((d, len)) = char_at(text, i) {
            // A joiner stays only when a word character follows it ("U.S", "al-Assad");
            // the final dot of an abbreviation like "U.S." is left to sentences.
            let joins = || {
                is_joiner(d) && char_at(text, i + len).is_some_and(|(after, _)| is_word_char(after))
            };
            if !(is_word_char(d) || joins()) {
                break;
            }
            i += len;
        }
        toks.push(Tok {
            start,
            end: i,
            kind: TokKind::Word,
        });
    }
    toks
}

/// Every token lowercased, in one buffer: the rules ask for lowercase words again and
/// again, and one allocation per paragraph is cheaper than one per question.
#[derive(Debug, Clone, Default)]
pub struct Lowered {
    buf: String,
    bounds: Vec<(u32, u32)>,
}

impl Lowered {
    pub fn new(text: &str, toks: &[Tok]) -> Self {
        let mut buf = String::with_capacity(text.len());
        let mut bounds = Vec::with_capacity(toks.len());
        for t in toks {
            let start = buf.len();
            let word = &text[t.range()];
            if word.is_ascii() {
                buf.push_str(word);
                buf[start..].make_ascii_lowercase();
            } else {
                buf.extend(word.chars().flat_map(char::to_lowercase));
            }
            bounds.push((
                u32::try_from(start).unwrap_or(u32::MAX),
                u32::try_from(buf.len()).unwrap_or(u32::MAX),
            ));
        }
        Self { buf, bounds }
    }

    /// Token `i` in lowercase ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        self.bounds
            .get(i)
            .and_then(|&(a, b)| self.buf.get(a as usize..b as usize))
            .unwrap_or("")
    }
}

/// The word with a trailing possessive removed: "Russia's" → "Russia".
pub fn strip_possessive(word: &str) -> &str {
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

    #[test]
    fn strips_possessives() {
        assert_eq!(strip_possessive("Russia's"), "Russia");
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("Lavrov"), "Lavrov");
    }
}
