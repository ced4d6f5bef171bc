//! Sentence boundaries in a paragraph. A quote is never cut: a quoted passage of several
//! sentences stays with the attribution around it ("“A. B,” he said.").

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::quotes::Quote;
use super::tokens::{Tok, TokKind, with_lowercase};

/// Words that end with a dot without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "brig",
    "sgt", "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon", "no", "vs", "etc", "approx", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.u", "a.m", "p.m", "inc", "ltd", "co", "corp", "dept", "est", "fig",
];

fn is_abbreviation(word: &str) -> bool {
    // A single capital letter is an initial ("John F. Kennedy").
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || with_lowercase(word, |lower| {
            static SET: LazyLock<FxHashSet<&'static str>> =
                LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());
            SET.contains(lower)
        })
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '“' | ')' | '’' | '\'')
}

fn starts_sentence(text: &str, tok: &Tok) -> bool {
    text[tok.start..].chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '«' | '„' | '(')
    })
}

/// Splits a paragraph into sentences: ranges that together cover all its tokens, into
/// `sentences` (cleared first; one vector serves every paragraph of an article).
pub fn split_sentences(
    text: &str,
    toks: &[Tok],
    quotes: &[Quote],
    sentences: &mut Vec<Range<usize>>,
) {
    sentences.clear();
    let Some(first) = toks.first() else {
        return;
    };
    let mut start = first.start;
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        let terminal = matches!(tok.kind, TokKind::Punct('.' | '!' | '?' | '…'));
        if !terminal {
            i += 1;
            continue;
        }
        // Swallow closing marks after the terminal punctuation.
        let mut j = i + 1;
        while j < toks.len()
            && matches!(toks[j].kind, TokKind::Punct(c) if is_closing(c))
            && toks[j].start == toks[j - 1].end
        {
            j += 1;
        }
        let end = toks[j - 1].end;
        let inside_quote = quotes
            .iter()
            .any(|q| q.outer.start < tok.start && end < q.outer.end);
        let after_abbreviation = tok.is_punct('.')
            && i > 0
            && toks[i - 1].is_word()
            && toks[i - 1].end == tok.start
            && is_abbreviation(&text[toks[i - 1].range()]);
        let next_starts = toks.get(j).is_some_and(|n| starts_sentence(text, n));
        if !inside_quote && !after_abbreviation && next_starts {
            sentences.push(start..end);
            start = toks[j].start;
        }
        i = j;
    }
    if let Some(last) = toks.last()
        && start < last.end
    {
        sentences.push(start..last.end);
    }
}

#[cfg(test)]
mod tests {
    use super::super::quotes::find_quotes;
    use super::super::tokens::tokenize;
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let quotes = find_quotes(text);
        let mut sentences = Vec::new();
        split_sentences(text, &toks, &quotes, &mut sentences);
        sentences.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("He came. She left! Why?"),
            vec!["He came.", "She left!", "Why?"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Smith met U.S. officials and John F. Kennedy's heirs. Then he left."),
            vec![
                "Mr. Smith met U.S. officials and John F. Kennedy's heirs.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn never_cuts_a_quote() {
        assert_eq!(
            split("“It is hard. We wait,” he said. “We hope.” Then silence."),
            vec![
                "“It is hard. We wait,” he said.",
                "“We hope.”",
                "Then silence."
            ]
        );
    }

    #[test]
    fn a_lowercase_word_after_a_closing_quote_continues_the_sentence() {
        assert_eq!(
            split("\"We will see.\" he said, smiling."),
            vec!["\"We will see.\" he said, smiling."]
        );
    }
}
