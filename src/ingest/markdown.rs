//! Markdown: optional front matter, then paragraphs, headings, list items and quotes as
//! blocks. The text stays a verbatim slice of the file; markup at the start of a block
//! is left out of its paragraph range, inline markup is kept.
//!
//! Front matter is read by a small `key: value` parser rather than a YAML crate: only
//! four flat scalars are wanted, and a full YAML parser would add a dependency (the
//! common serde one is unmaintained) and more ways for odd input to fail.

use std::ops::Range;

use crate::model::{Problem, Severity};

use super::date::{bad_date_message, parse_date};
use super::doc::{Block, BlockHint, Doc, Meta, non_empty, trimmed};

/// Reads a Markdown file already decoded to `input`; `file` names it in problems.
pub(crate) fn read(input: &str, file: &str, problems: &mut Vec<Problem>) -> Doc {
    let (meta, body_start) = front_matter(input, file, problems);
    let (blocks, first_h1) = blocks(input, body_start);
    let title = meta
        .title
        .clone()
        .or_else(|| first_h1.and_then(|i| non_empty(&input[blocks[i].inner.clone()])));
    let text = input.to_string();
    Doc {
        map: super::offsets::SourceMap::verbatim(0, text.len()),
        text,
        blocks,
        meta: Meta { title, ..meta },
        line: None,
    }
}

/// Lines of `input` from `from`, each as (start offset, line without its newline).
fn lines_from(input: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut start = from;
    input
        .get(from..)
        .unwrap_or("")
        .split_inclusive('\n')
        .map(move |line| {
            let at = start;
            start += line.len();
            (at, line.trim_end_matches(['\n', '\r']))
        })
}

/// Parses front matter between `---` lines at the very top; returns the metadata and
/// where the body starts.
fn front_matter(input: &str, file: &str, problems: &mut Vec<Problem>) -> (Meta, usize) {
    let mut meta = Meta::default();
    let mut lines = lines_from(input, 0).enumerate();
    match lines.next() {
        Some((_, (_, first))) if first.trim_end() == "---" => {}
        _ => return (meta, 0),
    }
    for (index, (start, line)) in lines {
        let line_no = index + 1;
        let trimmed_line = line.trim();
        if trimmed_line == "---" || trimmed_line == "..." {
            let body_start = input[start..]
                .find('\n')
                .map_or(input.len(), |nl| start + nl + 1);
            return (meta, body_start);
        }
        let Some((key, value)) = trimmed_line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = non_empty(value),
            "outlet" | "source" | "publisher" | "site" => meta.outlet = non_empty(value),
            "url" | "link" | "canonical_url" => meta.url = non_empty(value),
            "published" | "date" | "pubdate" | "published_at" | "publish_date" => {
                meta.published = match parse_date(value) {
                    Ok(date) => Some(date),
                    Err(err) => {
                        problems.push(Problem {
                            file: file.to_string(),
                            line: Some(line_no),
                            severity: Severity::Warning,
                            message: format!("front matter: {}", bad_date_message(value, err)),
                        });
                        None
                    }
                }
            }
            _ => {}
        }
    }
    problems.push(Problem {
        file: file.to_string(),
        line: Some(1),
        severity: Severity::Warning,
        message: "front matter opened with `---` is never closed; the whole file is read as text"
            .into(),
    });
    (Meta::default(), 0)
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// Heading level of an ATX heading line (`## Title`).
fn atx_level(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let after = &line[hashes..];
    ((1..=6).contains(&hashes) && (after.is_empty() || after.starts_with([' ', '\t'])))
        .then_some(hashes)
}

/// Length of a list or quote marker opening `line` (`- `, `1. `, `> `), or 0.
fn marker_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    match bytes.first() {
        Some(b'-' | b'*' | b'+') if bytes.get(1) == Some(&b' ') => 2,
        Some(b'>') => 1 + usize::from(bytes.get(1) == Some(&b' ')),
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let closes = matches!(bytes.get(digits), Some(b'.' | b')'));
            if closes && bytes.get(digits + 1) == Some(&b' ') {
                digits + 2
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// A line of only `=` or only `-`: a setext underline, or a thematic break.
fn underline(line: &str) -> Option<u8> {
    let first = *line.as_bytes().first()?;
    let only = matches!(first, b'=' | b'-') && line.len() >= 2 && line.bytes().all(|b| b == first);
    only.then_some(first)
}

/// The blocks of the body from `from`, and which one is the first level-1 heading.
fn blocks(input: &str, from: usize) -> (Vec<Block>, Option<usize>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    let mut first_h1 = None;
    for (start, line) in lines_from(input, from) {
        let range = trimmed(input, start..start + line.len());
        let s = &input[range.clone()];
        let (skip, hint) = if s.is_empty() {
            open = false;
            continue;
        } else if let Some(level) = atx_level(s) {
            let text = s[level..].trim_end_matches(['#', ' ', '\t']);
            if level == 1 && !text.trim().is_empty() {
                first_h1.get_or_insert(blocks.len());
            }
            open = false;
            let inner = trimmed(input, range.start + level..range.start + level + text.len());
            push(&mut blocks, range, inner, BlockHint::Heading);
            continue;
        } else if let Some(kind) = underline(s) {
            if let (true, Some(last)) = (open, blocks.last_mut()) {
                last.hint = BlockHint::Heading;
                if kind == b'=' {
                    first_h1.get_or_insert(blocks.len() - 1);
                }
            }
            open = false;
            continue;
        } else if s.starts_with("![") && s.ends_with(')') {
            (0, BlockHint::Caption)
        } else {
            let skip = marker_len(s);
            if let (true, 0, Some(last)) = (open, skip, blocks.last_mut()) {
                last.outer.end = range.end;
                last.inner.end = range.end;
                continue;
            }
            (skip, BlockHint::Text)
        };
        let inner = trimmed(input, range.start + skip..range.end);
        let pushed = push(&mut blocks, range, inner, hint);
        open = pushed && hint == BlockHint::Text;
    }
    (blocks, first_h1)
}

/// Adds a block unless it has no words; says whether it did.
fn push(
    blocks: &mut Vec<Block>,
    outer: Range<usize>,
    inner: Range<usize>,
    hint: BlockHint,
) -> bool {
    if inner.is_empty() {
        return false;
    }
    blocks.push(Block { outer, inner, hint });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn paragraphs(doc: &Doc) -> Vec<(&str, BlockHint)> {
        doc.blocks
            .iter()
            .map(|b| (&doc.text[b.inner.clone()], b.hint))
            .collect()
    }

    #[test]
    fn front_matter_gives_metadata_and_is_not_text() {
        let input = "---\ntitle: \"Envoy: talks resume\"\noutlet: Example News\nurl: https://example.org/a\npublished: 2025-03-14\nextra: ignored\n---\nBody line one.\n";
        let mut problems = Vec::new();
        let doc = read(input, "a.md", &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("Envoy: talks resume"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(paragraphs(&doc), [("Body line one.", BlockHint::Text)]);
    }

    #[test]
    fn unclosed_front_matter_is_read_as_text_with_a_warning() {
        let mut problems = Vec::new();
        let doc = read("---\ntitle: x\nBody.", "a.md", &mut problems);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("never closed"));
        assert_eq!(doc.meta, Meta::default());
    }

    #[test]
    fn bad_front_matter_date_is_a_warning_with_its_line() {
        let mut problems = Vec::new();
        let doc = read("---\ndate: 2025-02-30\n---\nText.", "a.md", &mut problems);
        assert_eq!(doc.meta.published, None);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].message.contains("does not exist"));
    }

    #[test]
    fn paragraphs_headings_lists_and_quotes_are_blocks() {
        let input = "# Main Title\n\nFirst paragraph\ncontinues here.\n\n## Subhead\n- item one\n- item two\n> quoted line\n\nSetext Title\n===\n\n![A photo](x.jpg)\n";
        let doc = read(input, "a.md", &mut Vec::new());
        assert_eq!(
            paragraphs(&doc),
            [
                ("Main Title", BlockHint::Heading),
                ("First paragraph\ncontinues here.", BlockHint::Text),
                ("Subhead", BlockHint::Heading),
                ("item one", BlockHint::Text),
                ("item two", BlockHint::Text),
                ("quoted line", BlockHint::Text),
                ("Setext Title", BlockHint::Heading),
                ("![A photo](x.jpg)", BlockHint::Caption),
            ]
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Main Title"));
        assert_eq!(&doc.text[doc.blocks[3].outer.clone()], "- item one");
    }
}
