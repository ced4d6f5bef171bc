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

/// Whether the abbreviation before the dot at `dot` also ends its sentence: a time or
/// a company's suffix ("before 4 a.m. She said …", "… Ltd. They …") followed, at `next`,
/// by a word that opens sentences, not names.
fn ends_with_abbreviation(text: &str, toks: &[Tok], dot: usize, next: usize) -> bool {
    let closes = with_lowercase(&text[toks[dot - 1].range()], |l| {
        matches!(l, "a.m" | "p.m" | "etc" | "inc" | "ltd" | "corp")
    });
    closes
        && toks.get(next).is_some_and(|t| {
            let w = &text[t.range()];
            w.chars().next().is_some_and(char::is_uppercase)
                && with_lowercase(w, |l| {
                    matches!(
                        l,
                        "he" | "she"
                            | "it"
                            | "they"
                            | "we"
                            | "i"
                            | "the"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "a"
                            | "an"
                            | "in"
                            | "on"
                            | "at"
                            | "after"
                            | "but"
                            | "and"
                            | "meanwhile"
                    )
                })
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
    // A liveblog entry's clock time ("18:40 GMT —") or a wire story's dateline ("BEIRUT,
    // Dec. 6 (AFP) —") stands apart from the words after it.
    if let Some(dash) = leading_clock_time(text, toks).or_else(|| leading_dateline(text, toks)) {
        sentences.push(start..toks[dash].end);
        i = dash + 1;
        let Some(next) = toks.get(i) else {
            return;
        };
        start = next.start;
    }
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
            && is_abbreviation(&text[toks[i - 1].range()])
            && !ends_with_abbreviation(text, toks, i, j);
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

/// The dash after a paragraph's opening clock time ("18:40 GMT —", "9:05 a.m. -"), if it
/// opens with one.
fn leading_clock_time(text: &str, toks: &[Tok]) -> Option<usize> {
    let digits = |t: &Tok| t.is_word() && text[t.range()].bytes().all(|b| b.is_ascii_digit());
    let [h, colon, m, ..] = toks else {
        return None;
    };
    if !(digits(h) && colon.is_punct(':') && digits(m) && m.end - m.start == 2) {
        return None;
    }
    // A time zone or "a.m." may follow, in up to four tokens ("a", ".", "m", ".").
    (3..toks.len().min(8)).find(|&k| {
        matches!(toks[k].kind, TokKind::Punct('—' | '–' | '-' | '|'))
            && toks[3..k]
                .iter()
                .all(|t| t.is_punct('.') || t.is_word() && text[t.range()].len() <= 5)
    })
}

/// The dash after a paragraph's opening dateline, if it opens with one: a place in
/// capitals ("SHARM EL-SHEIKH, Egypt"), perhaps a date ("July 25") and an outlet in
/// parentheses, within a dozen tokens.
fn leading_dateline(text: &str, toks: &[Tok]) -> Option<usize> {
    let capitals = |t: &Tok| {
        let w = &text[t.range()];
        t.is_word()
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    };
    if !toks.first().is_some_and(capitals) {
        return None;
    }
    let dash = (1..toks.len().min(14))
        .find(|&k| matches!(toks[k].kind, TokKind::Punct('—' | '–' | '-')))?;
    // Before the dash: the place's words, then only commas, capitalised words, numbers,
    // dots and an outlet in parentheses: no sentence.
    let plain = toks[1..dash].iter().all(|t| {
        matches!(t.kind, TokKind::Punct(',' | '.' | '(' | ')' | '/'))
            || t.is_word()
                && text[t.range()]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    plain.then_some(dash)
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
    fn a_time_or_a_company_suffix_may_end_a_sentence() {
        assert_eq!(
            split("The summit broke up before 4 a.m. She left at once."),
            vec!["The summit broke up before 4 a.m.", "She left at once."]
        );
        assert_eq!(
            split("It ended at 4 a.m. Moscow time."),
            vec!["It ended at 4 a.m. Moscow time."]
        );
    }

    #[test]
    fn a_liveblog_clock_time_stands_apart() {
        assert_eq!(
            split("18:40 GMT — Saree said the tanker was hit. Then silence."),
            vec![
                "18:40 GMT —",
                "Saree said the tanker was hit.",
                "Then silence."
            ]
        );
        assert_eq!(
            split("9:05 a.m. - He spoke."),
            vec!["9:05 a.m. -", "He spoke."]
        );
        assert_eq!(
            split("At 10:30 the talks began."),
            vec!["At 10:30 the talks began."]
        );
    }

    #[test]
    fn a_dateline_stands_apart() {
        assert_eq!(
            split("BANGKOK, July 25 (Siam Wire) - Phumtham said so."),
            vec!["BANGKOK, July 25 (Siam Wire) -", "Phumtham said so."]
        );
        assert_eq!(
            split("SHARM EL-SHEIKH, Egypt — Erdogan said so."),
            vec!["SHARM EL-SHEIKH, Egypt —", "Erdogan said so."]
        );
        // Capitals that open a sentence are no dateline.
        assert_eq!(
            split("NATO said on Monday - in a statement - that it was ready."),
            vec!["NATO said on Monday - in a statement - that it was ready."]
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
