//! JSON (one record, a list of records, or `{"articles": [...]}`) and JSON Lines (one
//! record per line). A record has `text` and optional `title`, `outlet`, `url` and
//! `published`; other fields are ignored.
//!
//! `text` is taken as a raw literal borrowed from the input and decoded here rather
//! than by serde, so that every character keeps the position of its bytes in the file.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{Problem, Severity};

use super::date::{bad_date_message, parse_date};
use super::doc::{Doc, Meta, line_blocks, non_empty};
use super::offsets::TextBuilder;

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    outlet: Option<&'a RawValue>,
    #[serde(borrow, default)]
    url: Option<&'a RawValue>,
    #[serde(borrow, default)]
    published: Option<&'a RawValue>,
    /// Only read on a top-level object: `{"articles": [...]}`.
    #[serde(borrow, default)]
    articles: Option<&'a RawValue>,
}

/// Where one record's problems are reported.
struct Place<'a> {
    file: &'a str,
    line: usize,
    /// "record 3" in a JSON list, "record" on a JSONL line (its line is given).
    label: String,
}

impl Place<'_> {
    fn problem(&self, severity: Severity, what: &str) -> Problem {
        Problem {
            file: self.file.to_string(),
            line: Some(self.line),
            severity,
            message: format!("{} {what}", self.label),
        }
    }
}

/// Reads a `.json` file already decoded to `input`.
pub(crate) fn read_json(input: &str, file: &str, problems: &mut Vec<Problem>) -> Vec<Doc> {
    let whole_file_error = |problems: &mut Vec<Problem>, line: Option<usize>, message: String| {
        problems.push(Problem {
            file: file.to_string(),
            line,
            severity: Severity::Error,
            message,
        });
    };
    let top: &RawValue = match serde_json::from_str(input) {
        Ok(top) => top,
        Err(e) => {
            let message = format!(
                "not valid JSON at line {}, column {}: {}; nothing in it was loaded",
                e.line(),
                e.column(),
                error_words(&e)
            );
            whole_file_error(problems, Some(e.line()), message);
            return Vec::new();
        }
    };
    let raw = top.get();
    let records: Vec<&RawValue> = if raw.starts_with('[') {
        serde_json::from_str(raw).unwrap_or_default()
    } else if raw.starts_with('{') {
        match serde_json::from_str::<Record>(raw).map(|r| r.articles) {
            Ok(Some(list)) => match serde_json::from_str(list.get()) {
                Ok(records) => records,
                Err(_) => {
                    let line = LineCounter::new(input).line_at(offset_in(input, list.get()));
                    let message = "\"articles\" is not a list of records; nothing in it was loaded";
                    whole_file_error(problems, Some(line), message.into());
                    return Vec::new();
                }
            },
            _ => vec![top],
        }
    } else {
        let message = "holds neither a record nor a list of records; nothing in it was loaded";
        whole_file_error(problems, Some(1), message.into());
        return Vec::new();
    };
    let mut lines = LineCounter::new(input);
    records
        .iter()
        .enumerate()
        .filter_map(|(i, raw)| {
            let place = Place {
                file,
                line: lines.line_at(offset_in(input, raw.get())),
                label: format!("record {}", i + 1),
            };
            parse_record(input, raw.get(), &place, problems)
        })
        .collect()
}

/// Reads a `.jsonl` file already decoded to `input`: a bad line loses that record only.
pub(crate) fn read_jsonl(input: &str, file: &str, problems: &mut Vec<Problem>) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut start = 0;
    for (i, line) in input.split_inclusive('\n').enumerate() {
        let offset = start;
        start += line.len();
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let source = &input[offset + lead..offset + lead + content.len()];
        let place = Place {
            file,
            line: i + 1,
            label: "record".into(),
        };
        docs.extend(parse_record(input, source, &place, problems));
    }
    docs
}

/// Reads the record whose JSON is `source`, a slice of `input`.
fn parse_record(
    input: &str,
    source: &str,
    place: &Place,
    problems: &mut Vec<Problem>,
) -> Option<Doc> {
    if !source.starts_with('{') {
        let what = "is not a JSON object; it was skipped";
        problems.push(place.problem(Severity::Error, what));
        return None;
    }
    match serde_json::from_str::<Record>(source) {
        Ok(record) => record_doc(input, &record, place, problems),
        Err(e) => {
            let what = format!(
                "is not valid JSON (column {}: {}); it was skipped",
                e.column(),
                error_words(&e)
            );
            problems.push(place.problem(Severity::Error, &what));
            None
        }
    }
}

/// serde's message without its "at line … column …", which we report our own way.
fn error_words(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

/// Byte offset of `part` in `whole`: `part` is always a slice borrowed from `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr()
        .addr()
        .saturating_sub(whole.as_ptr().addr())
        .min(whole.len())
}

/// 1-based lines of increasing byte offsets, counted once through the input so that a
/// file of many records stays linear.
struct LineCounter<'a> {
    input: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(input: &'a str) -> Self {
        Self {
            input: input.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.input.len());
        if offset < self.pos {
            (self.pos, self.line) = (0, 1);
        }
        self.line += self.input[self.pos..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = offset;
        self.line
    }
}

fn record_doc(
    input: &str,
    record: &Record,
    place: &Place,
    problems: &mut Vec<Problem>,
) -> Option<Doc> {
    let Some(raw_text) = record.text else {
        problems.push(place.problem(Severity::Error, "has no \"text\"; it was skipped"));
        return None;
    };
    let literal = raw_text.get();
    if !literal.starts_with('"') {
        problems.push(place.problem(
            Severity::Error,
            "has a \"text\" that is not a string; it was skipped",
        ));
        return None;
    }
    let decoded = decode_string(literal, offset_in(input, literal));
    if decoded.text.trim().is_empty() {
        problems.push(place.problem(Severity::Error, "has an empty \"text\"; it was skipped"));
        return None;
    }
    let mut field = |name: &str, raw: Option<&RawValue>| -> Option<String> {
        let raw = raw?;
        match serde_json::from_str::<Option<String>>(raw.get()) {
            Ok(value) => value.as_deref().and_then(non_empty),
            Err(_) => {
                let what = format!("has a \"{name}\" that is not text; it is ignored");
                problems.push(place.problem(Severity::Warning, &what));
                None
            }
        }
    };
    let title = field("title", record.title);
    let outlet = field("outlet", record.outlet);
    let url = field("url", record.url);
    let published = field("published", record.published).and_then(|value| {
        parse_date(&value)
            .map_err(|err| {
                let what = format!("has a bad date: {}", bad_date_message(&value, err));
                problems.push(place.problem(Severity::Warning, &what));
            })
            .ok()
    });
    Some(Doc {
        blocks: line_blocks(&decoded.text, 0),
        text: decoded.text,
        map: decoded.map,
        meta: Meta {
            title,
            outlet,
            url,
            published,
        },
        line: Some(place.line),
    })
}

/// Decodes the JSON string literal `literal` (quotes included), found at `base` in the
/// input, recording where each character came from.
fn decode_string(literal: &str, base: usize) -> TextBuilder {
    let bytes = literal.as_bytes();
    let mut out = TextBuilder::default();
    let mut run = 1.min(bytes.len());
    let mut i = run;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => break,
            b'\\' => {
                out.push_verbatim(&literal[run..i], base + run);
                let (c, len) = escape(bytes, i);
                out.push_decoded(c, base + i, len);
                i += len;
                run = i;
            }
            _ => i += 1,
        }
    }
    out.push_verbatim(&literal[run..i], base + run);
    out
}

/// The character of the escape at `i` and the number of bytes it spans.
fn escape(bytes: &[u8], i: usize) -> (char, usize) {
    let simple = match bytes.get(i + 1) {
        Some(b'"') => Some('"'),
        Some(b'\\') => Some('\\'),
        Some(b'/') => Some('/'),
        Some(b'b') => Some('\u{8}'),
        Some(b'f') => Some('\u{c}'),
        Some(b'n') => Some('\n'),
        Some(b'r') => Some('\r'),
        Some(b't') => Some('\t'),
        _ => None,
    };
    if let Some(c) = simple {
        return (c, 2);
    }
    let Some(high) = (bytes.get(i + 1) == Some(&b'u'))
        .then(|| hex4(bytes, i + 2))
        .flatten()
    else {
        return (char::REPLACEMENT_CHARACTER, (bytes.len() - i).min(2));
    };
    if (0xD800..0xDC00).contains(&high)
        && bytes.get(i + 6..i + 8) == Some(b"\\u")
        && let Some(low) = hex4(bytes, i + 8).filter(|l| (0xDC00..0xE000).contains(l))
    {
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        return (
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
            12,
        );
    }
    (
        char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER),
        6,
    )
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read(ext: &str, input: &str) -> (Vec<Doc>, Vec<Problem>) {
        let mut problems = Vec::new();
        let docs = if ext == "json" {
            read_json(input, "a.json", &mut problems)
        } else {
            read_jsonl(input, "a.jsonl", &mut problems)
        };
        (docs, problems)
    }

    fn source_of<'a>(input: &'a str, doc: &Doc, r: std::ops::Range<usize>) -> &'a str {
        &input[doc.map.to_src(r.start)..doc.map.to_src(r.end)]
    }

    #[test]
    fn one_object_a_list_and_an_articles_wrapper_all_load() {
        for input in [
            r#"{"text": "One."}"#,
            r#"[{"text": "One."}, {"text": "Two."}]"#,
            r#"{"source": "x", "articles": [{"text": "One."}, {"text": "Two."}]}"#,
        ] {
            let (docs, problems) = read("json", input);
            assert!(problems.is_empty(), "{input}: {problems:?}");
            assert_eq!(docs[0].text, "One.");
            assert_eq!(docs.len(), if input.starts_with("{\"text") { 1 } else { 2 });
        }
    }

    #[test]
    fn metadata_fields_are_read() {
        let (docs, _) = read(
            "json",
            r#"{"text": "Body.", "title": "T", "outlet": "O", "url": "https://x", "published": "2025-03-14T08:00:00Z", "extra": [1]}"#,
        );
        let meta = &docs[0].meta;
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.outlet.as_deref(), Some("O"));
        assert_eq!(meta.url.as_deref(), Some("https://x"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 3, 14));
    }

    #[test]
    fn escapes_decode_and_map_back_to_their_bytes() {
        let input = r#"{"text": "He said \"no\".\nCaf\u00e9 \ud83d\ude00 \\ end"}"#;
        let (docs, problems) = read("json", input);
        assert!(problems.is_empty());
        let doc = &docs[0];
        assert_eq!(doc.text, "He said \"no\".\nCafé 😀 \\ end");
        let quote = doc.text.find("\"no\"").expect("quote");
        assert_eq!(source_of(input, doc, quote..quote + 4), r#"\"no\""#);
        let cafe = doc.text.find("Café").expect("cafe");
        assert_eq!(
            source_of(input, doc, cafe..cafe + "Café".len()),
            r"Caf\u00e9"
        );
        let smile = doc.text.find('😀').expect("smile");
        assert_eq!(source_of(input, doc, smile..smile + 4), r"\ud83d\ude00");
        let lines: Vec<&str> = doc
            .blocks
            .iter()
            .map(|b| &doc.text[b.inner.clone()])
            .collect();
        assert_eq!(lines, ["He said \"no\".", "Café 😀 \\ end"]);
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let (docs, _) = read("json", r#"{"text": "a\ud800b"}"#);
        assert_eq!(docs[0].text, "a\u{FFFD}b");
    }

    #[test]
    fn invalid_json_is_one_error_with_its_position() {
        let (docs, problems) = read("json", "{\n\"text\": \"a\",,\n}");
        assert!(docs.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(problems[0].severity, Severity::Error);
        assert!(
            problems[0].message.contains("not valid JSON at line 2"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn bad_records_in_a_list_are_skipped_with_their_line() {
        let input = "[\n{\"text\": \"Good.\"},\n{\"title\": \"no text\"},\n{\"text\": 5},\n7,\n{\"text\": \"  \"},\n{\"text\": \"Also good.\", \"title\": 3, \"published\": \"2025-02-30\"}\n]";
        let (docs, problems) = read("json", input);
        assert_eq!(docs.len(), 2);
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(
            lines,
            [Some(3), Some(4), Some(5), Some(6), Some(7), Some(7)]
        );
        assert!(problems[0].message.starts_with("record 2 has no \"text\""));
        assert!(problems[4].message.contains("\"title\" that is not text"));
        assert!(
            problems[5].message.contains("does not exist"),
            "{}",
            problems[5].message
        );
        assert_eq!(problems[5].severity, Severity::Warning);
    }

    #[test]
    fn jsonl_bad_lines_are_errors_and_the_rest_loads() {
        let input = "{\"text\": \"One.\"}\n\n{\"text\": \"Two.\"\n[1]\n  {\"text\": \"Three.\", \"title\": \"T\"}  \n";
        let (docs, problems) = read("jsonl", input);
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["One.", "Three."]);
        assert_eq!(docs[1].line, Some(5));
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(3), Some(4)]);
        assert!(problems.iter().all(|p| p.severity == Severity::Error));
        let three = docs[1].map.to_src(0);
        assert_eq!(&input[three..three + 6], "Three.");
    }
}
