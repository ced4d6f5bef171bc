//! Quoted passages in a paragraph: straight and typographic double quotes, guillemets,
//! and German-style „…“. Single quotes are left alone: in English news they are
//! apostrophes or quotes inside quotes.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to after the closing mark (or to the paragraph's end).
    pub outer: Range<usize>,
    /// The quoted words, without the marks.
    pub inner: Range<usize>,
    /// False when the paragraph ends inside the quote: news style for a quote that
    /// goes on in the next paragraph.
    pub closed: bool,
}

impl Quote {
    pub fn contains(&self, offset: usize) -> bool {
        self.outer.contains(&offset)
    }
}

/// Which marks close a quote opened by `open`.
fn closes(open: char, c: char) -> bool {
    match open {
        '"' => c == '"',
        '“' => c == '”' || c == '"',
        // German low-high quotes, and English editions that close them with a straight one.
        '„' => c == '“' || c == '”' || c == '"',
        '«' => c == '»',
        '»' => c == '«',
        _ => false,
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«')
}

/// Finds the quotes of one paragraph, in order; they never nest.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut quotes = Vec::new();
    find_quotes_into(text, &mut quotes);
    quotes
}

/// [`find_quotes`] into `quotes` (cleared first), whose memory extraction reuses from
/// paragraph to paragraph.
pub fn find_quotes_into(text: &str, quotes: &mut Vec<Quote>) {
    quotes.clear();
    let mut open: Option<(usize, char)> = None;
    // Every mark starts with one of these bytes ('"', or the lead byte of “ ” „ or of
    // « »), and lead bytes are never inside another character: look only there.
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes()) {
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        match open {
            Some((start, mark)) if closes(mark, c) => {
                quotes.push(Quote {
                    outer: start..i + c.len_utf8(),
                    inner: start + mark.len_utf8()..i,
                    closed: true,
                });
                open = None;
            }
            None if is_opening(c) => open = Some((i, c)),
            _ => {}
        }
    }
    if let Some((start, mark)) = open {
        quotes.push(Quote {
            outer: start..text.len(),
            inner: start + mark.len_utf8()..text.trim_end().len().max(start + mark.len_utf8()),
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner<'a>(text: &'a str, q: &Quote) -> &'a str {
        &text[q.inner.clone()]
    }

    #[test]
    fn finds_straight_and_curly_quotes() {
        let text = r#""We agree," he said, adding “not yet” and «peut-être»."#;
        let q = find_quotes(text);
        assert_eq!(q.len(), 3);
        assert_eq!(inner(text, &q[0]), "We agree,");
        assert_eq!(inner(text, &q[1]), "not yet");
        assert_eq!(inner(text, &q[2]), "peut-être");
        assert!(q.iter().all(|q| q.closed));
    }

    #[test]
    fn apostrophes_do_not_open_quotes() {
        let text = "Russia’s view, he said, is 'clear'.";
        assert!(find_quotes(text).is_empty());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_paragraph_end() {
        let text = "“We will go on. There is no other way.";
        let q = find_quotes(text);
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(inner(text, &q[0]), "We will go on. There is no other way.");
    }

    #[test]
    fn other_characters_with_the_same_lead_bytes_are_no_marks() {
        // "–" and "°" start with the lead bytes of curly quotes and of guillemets.
        let text = "“Talks – at 40° – failed,” he said, «non».";
        let q = find_quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(inner(text, &q[0]), "Talks – at 40° – failed,");
        assert_eq!(inner(text, &q[1]), "non");
    }

    #[test]
    fn german_low_high_quotes() {
        let text = "Er sagte: „Wir verhandeln.“ Dann ging er.";
        let q = find_quotes(text);
        assert_eq!(inner(text, &q[0]), "Wir verhandeln.");
        let text = "„Wir verhandeln\", he said.";
        let q = find_quotes(text);
        assert_eq!(inner(text, &q[0]), "Wir verhandeln");
    }
}
