//! What every format reader produces: readable text cut into blocks, plus the metadata
//! the file itself carries. Splitting, cleaning and dating work on this alone, so they
//! treat plain text, Markdown, HTML and JSON alike.

use std::ops::Range;

use chrono::NaiveDate;

use super::offsets::SourceMap;

/// The readable text of a file (or of one JSON record) before it is cut into articles.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) text: String,
    /// From `text` to the string the reader was given (later: to the file).
    pub(crate) map: SourceMap,
    /// Non-empty blocks in text order: lines of plain text, paragraphs of Markdown,
    /// block elements of HTML.
    pub(crate) blocks: Vec<Block>,
    pub(crate) meta: Meta,
    /// 1-based line of the record in its file, for JSON records.
    pub(crate) line: Option<usize>,
}

/// One block of a [`Doc`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The whole block, markup included (a Markdown `# ` or `- `): what an article's
    /// text starts or ends with.
    pub(crate) outer: Range<usize>,
    /// The block's words without leading markup: what a paragraph covers.
    pub(crate) inner: Range<usize>,
    pub(crate) hint: BlockHint,
}

/// What the markup says a block is; plain text says nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockHint {
    Text,
    /// A heading (`<h2>`, `## `): never a body paragraph.
    Heading,
    /// A `<figcaption>` or a Markdown image.
    Caption,
}

/// Metadata a file carries about itself (front matter, JSON fields, HTML `<meta>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<NaiveDate>,
}

/// Each non-blank line of `text[from..]` as a block, trimmed.
pub(crate) fn line_blocks(text: &str, from: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start = from;
    for line in text.get(from..).unwrap_or("").split_inclusive('\n') {
        let range = trimmed(text, start..start + line.len());
        if !range.is_empty() {
            blocks.push(Block {
                outer: range.clone(),
                inner: range,
                hint: BlockHint::Text,
            });
        }
        start += line.len();
    }
    blocks
}

/// `range` without leading and trailing whitespace of `text`.
pub(crate) fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = text.get(range.clone()).unwrap_or("");
    let start = range.start + (s.len() - s.trim_start().len());
    let end = (range.end - (s.len() - s.trim_end().len())).max(start);
    start..end
}

/// Trims a metadata value; empty means absent.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_blank_lines_become_trimmed_blocks() {
        let text = "Title\r\n\n  Body line.  \n\t\nLast";
        let blocks: Vec<&str> = line_blocks(text, 0)
            .iter()
            .map(|b| &text[b.inner.clone()])
            .collect();
        assert_eq!(blocks, ["Title", "Body line.", "Last"]);
    }

    #[test]
    fn line_blocks_start_where_told() {
        let text = "---\ntitle: x\n---\nBody";
        let blocks = line_blocks(text, 17);
        assert_eq!(blocks.len(), 1);
        assert_eq!(&text[blocks[0].outer.clone()], "Body");
    }

    #[test]
    fn trimming_an_all_blank_range_gives_an_empty_range() {
        assert!(trimmed("a   b", 1..4).is_empty());
        assert_eq!(non_empty("  "), None);
        assert_eq!(non_empty(" Reuters "), Some("Reuters".into()));
    }
}
