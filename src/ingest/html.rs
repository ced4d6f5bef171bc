//! HTML: the visible text of a page, one line per block element, mapped to its bytes.
//!
//! A tolerant scanner rather than a full HTML5 parser: articles need their paragraphs,
//! title and date, and a scanner never fails on broken markup. Nothing is executed:
//! script, style and similar elements are skipped unread.
//!
//! Whitespace collapses as a browser shows it. The tags and spaces between two blocks
//! become one `\n` mapped to all of them, so a paragraph's range maps exactly to its
//! bytes; inside a paragraph an inline tag with no space beside it (`a<b>c`) is a gap,
//! and a range starting right after it starts at the tag.

use super::date::parse_date;
use super::doc::{Block, BlockHint, Doc, Meta, non_empty, trimmed};
use super::offsets::TextBuilder;

/// Elements whose content is never article text: code, and the page's chrome
/// (navigation, related-article lists, forms, footers).
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select", "textarea", "nav", "aside", "form", "button", "footer",
];

/// Elements that start and end a block (a paragraph break).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "hr",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "article",
    "section",
    "main",
    "aside",
    "nav",
    "blockquote",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "address",
    "form",
    "fieldset",
    "details",
    "summary",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
    "html",
    "center",
    "hgroup",
    "menu",
    "legend",
    "option",
];

/// `<meta>` names that carry the publication date.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// Reads an HTML file already decoded to `input`. It raises no problems: bad markup is
/// read as a browser would, and a `<meta>` date that does not parse is ignored.
pub(crate) fn read(input: &str) -> Doc {
    let mut scanner = Scanner {
        input,
        out: TextBuilder::default(),
        block_starts: Vec::new(),
        gap_start: 0,
        pending: Gap::None,
        heading: None,
        caption_depth: 0,
        first_h1: None,
        title: None,
        meta: Meta::default(),
    };
    scanner.run();
    scanner.into_doc()
}

/// What the markup and spaces since the last text put between it and the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Break,
}

struct Scanner<'a> {
    input: &'a str,
    out: TextBuilder,
    /// Text offset and hint of each block.
    block_starts: Vec<(usize, BlockHint)>,
    /// Input offset just after the last text emitted.
    gap_start: usize,
    pending: Gap,
    heading: Option<u8>,
    caption_depth: usize,
    /// Index in `block_starts` of the first `<h1>` block.
    first_h1: Option<usize>,
    title: Option<String>,
    meta: Meta,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let bytes = self.input.as_bytes();
        let mut run_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'<' if starts_tag(bytes, i) => {
                    self.flush(run_start, i);
                    i = self.tag(i);
                    run_start = i;
                }
                b'&' => {
                    if let Some((c, len)) = entity(bytes, i) {
                        self.flush(run_start, i);
                        if c.is_whitespace() {
                            self.pending = self.pending.max(Gap::Space);
                        } else {
                            self.before_text(i);
                            self.out.push_decoded(c, i, len);
                            self.gap_start = i + len;
                        }
                        i += len;
                        run_start = i;
                    } else {
                        i += 1;
                    }
                }
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {
                    self.flush(run_start, i);
                    self.pending = self.pending.max(Gap::Space);
                    i += 1;
                    run_start = i;
                }
                _ => i += 1,
            }
        }
        self.flush(run_start, bytes.len());
    }

    /// Emits the verbatim text `input[start..end]`. Both ends are at ASCII bytes or
    /// the ends of the input, so they are char boundaries.
    fn flush(&mut self, start: usize, end: usize) {
        if start < end {
            self.before_text(start);
            self.out.push_verbatim(&self.input[start..end], start);
            self.gap_start = end;
        }
    }

    /// Puts the pending space or break before text that starts at input offset `at`.
    fn before_text(&mut self, at: usize) {
        let hint = if self.heading.is_some() {
            BlockHint::Heading
        } else if self.caption_depth > 0 {
            BlockHint::Caption
        } else {
            BlockHint::Text
        };
        let gap_len = at - self.gap_start;
        if self.out.text.is_empty() {
            self.start_block(hint);
        } else if self.pending == Gap::Break {
            self.out.push_decoded('\n', self.gap_start, gap_len);
            self.start_block(hint);
        } else if self.pending == Gap::Space {
            self.out.push_decoded(' ', self.gap_start, gap_len);
        }
        self.pending = Gap::None;
    }

    fn start_block(&mut self, hint: BlockHint) {
        if self.heading == Some(1) && self.first_h1.is_none() {
            self.first_h1 = Some(self.block_starts.len());
        }
        self.block_starts.push((self.out.text.len(), hint));
    }

    /// Handles the tag (or comment) at `i`; returns where scanning goes on.
    fn tag(&mut self, i: usize) -> usize {
        let bytes = self.input.as_bytes();
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            return find(bytes, b"-->", i + 4).map_or(bytes.len(), |e| e + 3);
        }
        let tag_end = tag_end(bytes, i);
        if matches!(rest.get(1), Some(b'!' | b'?')) {
            return tag_end;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = i + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
            .count();
        let name = self.input[name_start..name_start + name_len].to_ascii_lowercase();
        let attrs = &self.input[name_start + name_len..tag_end];
        let self_closing = attrs.trim_end_matches('>').trim_end().ends_with('/');
        if !closing && !self_closing && (HIDDEN.contains(&name.as_str()) || name == "title") {
            let (content_end, after) = find_close(bytes, &name, tag_end);
            if name == "title" && self.title.is_none() {
                self.title = non_empty(&collapse(&decode_entities(
                    &self.input[tag_end..content_end],
                )));
            }
            self.pending = self.pending.max(Gap::Space);
            return after;
        }
        match name.as_str() {
            "meta" => self.meta_tag(attrs),
            "link" => {
                let attrs = attributes(attrs);
                let canonical =
                    attr(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && self.meta.url.is_none() {
                    self.meta.url = attr(&attrs, "href").and_then(|h| non_empty(&h));
                }
            }
            "figcaption" => {
                self.caption_depth = if closing {
                    self.caption_depth.saturating_sub(1)
                } else {
                    self.caption_depth + 1
                };
            }
            _ => {}
        }
        if let Some(level) = heading_level(&name) {
            self.heading = (!closing).then_some(level);
        }
        if BLOCKS.contains(&name.as_str()) {
            self.pending = Gap::Break;
        }
        tag_end
    }

    fn meta_tag(&mut self, attrs: &str) {
        let attrs = attributes(attrs);
        let Some(key) = ["property", "name", "itemprop"]
            .iter()
            .find_map(|k| attr(&attrs, k))
        else {
            return;
        };
        let Some(content) = attr(&attrs, "content") else {
            return;
        };
        let key = key.to_ascii_lowercase();
        if DATE_META.contains(&key.as_str()) && self.meta.published.is_none() {
            self.meta.published = parse_date(&content).ok();
        } else if key == "og:site_name" && self.meta.outlet.is_none() {
            self.meta.outlet = non_empty(&content);
        } else if key == "og:url" && self.meta.url.is_none() {
            self.meta.url = non_empty(&content);
        }
    }

    fn into_doc(self) -> Doc {
        let text = self.out.text;
        let mut blocks = Vec::with_capacity(self.block_starts.len());
        for (k, &(start, hint)) in self.block_starts.iter().enumerate() {
            // Every block but the last ends at the '\n' before the next one.
            let end = self
                .block_starts
                .get(k + 1)
                .map_or(text.len(), |next| next.0.saturating_sub(1));
            let range = trimmed(&text, start..end.max(start));
            blocks.push(Block {
                outer: range.clone(),
                inner: range,
                hint,
            });
        }
        let h1_title = self
            .first_h1
            .and_then(|i| blocks.get(i))
            .and_then(|b| non_empty(&text[b.inner.clone()]));
        blocks.retain(|b| !b.inner.is_empty());
        Doc {
            text,
            map: self.out.map,
            blocks,
            meta: Meta {
                title: self.title.or(h1_title),
                ..self.meta
            },
            line: None,
        }
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether the `<` at `i` opens a tag, a comment or a declaration (not "a < b").
fn starts_tag(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(b) if b.is_ascii_alphabetic() || matches!(b, b'!' | b'?') => true,
        Some(b'/') => bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic),
        _ => false,
    }
}

/// Offset just past the `>` closing the tag at `i`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], i: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(i + 1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return k + 1,
            (None, _) => {}
        }
    }
    bytes.len()
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where the content of an element named `name` ends (the `<` of its `</name`) and
/// where scanning resumes after its closing tag; the end of input when it is not closed.
fn find_close(bytes: &[u8], name: &str, from: usize) -> (usize, usize) {
    let mut at = from;
    while let Some(lt) = find(bytes, b"</", at) {
        let name_end = lt + 2 + name.len();
        let matches_name = bytes
            .get(lt + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends_name = !bytes.get(name_end).is_some_and(u8::is_ascii_alphanumeric);
        if matches_name && ends_name {
            return (lt, tag_end(bytes, lt));
        }
        at = lt + 2;
    }
    (bytes.len(), bytes.len())
}

/// The character and length of the entity at `i` (`&amp;`, `&#8217;`, `&#x2019;`).
fn entity(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    const MAX_NAME: usize = 10;
    const MAX_DIGITS: usize = 8;
    let rest = bytes.get(i + 1..)?;
    if rest.first() == Some(&b'#') {
        let hex = matches!(rest.get(1), Some(b'x' | b'X'));
        let digits_start = 1 + usize::from(hex);
        let digits = rest[digits_start..]
            .iter()
            .take(MAX_DIGITS)
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = std::str::from_utf8(&rest[digits_start..digits_start + digits]).ok()?;
        let code = u32::from_str_radix(text, if hex { 16 } else { 10 }).ok()?;
        let c = match char::from_u32(code) {
            Some('\0') | None => char::REPLACEMENT_CHARACTER,
            Some(c) => c,
        };
        let semicolon = usize::from(rest.get(digits_start + digits) == Some(&b';'));
        return Some((c, 1 + digits_start + digits + semicolon));
    }
    let name_len = rest
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if rest.get(name_len) != Some(&b';') {
        return None;
    }
    let name = std::str::from_utf8(&rest[..name_len]).ok()?;
    Some((named_entity(name)?, name_len + 2))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "Eacute" => 'É',
        _ => return None,
    })
}

/// `s` with its entities decoded, for attribute values and the title.
fn decode_entities(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'&'
            && let Some((c, len)) = entity(bytes, i)
        {
            out.push_str(&s[run_start..i]);
            out.push(c);
            i += len;
            run_start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[run_start..]);
    out
}

/// Whitespace runs as one space, ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The attributes of a tag, names lowercased, values with entities decoded.
fn attributes(s: &str) -> Vec<(String, String)> {
    let bytes = s.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    let is_space = |b: u8| b.is_ascii_whitespace();
    while i < bytes.len() {
        while i < bytes.len() && (is_space(bytes[i]) || matches!(bytes[i], b'/' | b'>')) {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = s[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let (start, end, next) = match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = bytes[i + 1..]
                        .iter()
                        .position(|&b| b == q)
                        .map_or(bytes.len(), |p| i + 1 + p);
                    (i + 1, end, end + 1)
                }
                _ => {
                    let end = bytes[i..]
                        .iter()
                        .position(|&b| is_space(b) || b == b'>')
                        .map_or(bytes.len(), |p| i + p);
                    (i, end, end)
                }
            };
            value = decode_entities(&s[start..end]);
            i = next;
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
    attrs
}

fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// Whether the page has `<script>` elements, so the user can be told they were not run.
pub(super) fn has_scripts(text: &str) -> bool {
    text.as_bytes()
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"<script"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn doc(html: &str) -> Doc {
        read(html)
    }

    fn blocks(d: &Doc) -> Vec<&str> {
        d.blocks.iter().map(|b| &d.text[b.inner.clone()]).collect()
    }

    #[test]
    fn block_elements_become_lines_and_whitespace_collapses() {
        let d = doc(
            "<html><body><h1>Big  News</h1>\n<p>First\n   paragraph.</p><div>Second<br>line</div><ul><li>One</li><li>Two</li></ul></body></html>",
        );
        assert_eq!(d.text, "Big News\nFirst paragraph.\nSecond\nline\nOne\nTwo");
        assert_eq!(
            blocks(&d),
            [
                "Big News",
                "First paragraph.",
                "Second",
                "line",
                "One",
                "Two"
            ]
        );
        assert_eq!(d.blocks[0].hint, BlockHint::Heading);
        assert_eq!(d.meta.title.as_deref(), Some("Big News"));
    }

    #[test]
    fn scripts_styles_and_hidden_elements_are_dropped() {
        let d = doc(
            "<p>Before</p><script>document.write('<p>evil</p>'); if (a < b) {}</script><style>p{color:red}</style><noscript>Enable JS</noscript><template><p>tpl</p></template><p>After</p><SCRIPT type=x>alert(1)</SCRIPT >",
        );
        assert_eq!(blocks(&d), ["Before", "After"]);
    }

    #[test]
    fn pages_with_scripts_are_told_apart() {
        assert!(has_scripts("<p>a</p><SCRIPT src=x></SCRIPT>"));
        assert!(!has_scripts("<p>the script of the talks</p>"));
    }

    #[test]
    fn unclosed_script_drops_the_rest() {
        assert_eq!(blocks(&doc("<p>Kept</p><script>var x = '</p>';")), ["Kept"]);
    }

    #[test]
    fn entities_are_decoded_and_map_back_to_their_bytes() {
        let html = "<p>Tom &amp; Jerry&#8217;s &#x201C;deal&#x201D;&nbsp;now</p><p>&lt;b&gt; &bogus; &amp</p>";
        let d = doc(html);
        assert_eq!(blocks(&d), ["Tom & Jerry’s “deal” now", "<b> &bogus; &amp"]);
        for (b, source) in d.blocks.iter().zip([
            "Tom &amp; Jerry&#8217;s &#x201C;deal&#x201D;&nbsp;now",
            "&lt;b&gt; &bogus; &amp",
        ]) {
            let r = d.map.to_src(b.inner.start)..d.map.to_src(b.inner.end);
            assert_eq!(&html[r], source);
        }
        let deal = d.text.find("deal").expect("deal");
        assert_eq!(&html[d.map.to_src(deal)..d.map.to_src(deal + 4)], "deal");
    }

    #[test]
    fn numeric_entities_out_of_range_become_replacement_characters() {
        assert_eq!(
            blocks(&doc("<p>a&#0;b&#xD800;c&#99999999;d</p>")),
            ["a\u{FFFD}b\u{FFFD}c\u{FFFD}d"]
        );
    }

    #[test]
    fn title_element_wins_and_is_not_body_text() {
        let d = doc("<head><title>Page &amp; Title</title></head><h1>Heading</h1><p>Body.</p>");
        assert_eq!(d.meta.title.as_deref(), Some("Page & Title"));
        assert_eq!(blocks(&d), ["Heading", "Body."]);
    }

    #[test]
    fn meta_tags_give_date_outlet_and_url() {
        let d = doc(
            r#"<meta property="article:published_time" content="2025-03-14T09:00:00+03:00"><meta property='og:site_name' content="Example &amp; Co"><link rel="canonical" href="https://example.org/x"><p>Body.</p>"#,
        );
        assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(d.meta.outlet.as_deref(), Some("Example & Co"));
        assert_eq!(d.meta.url.as_deref(), Some("https://example.org/x"));
    }

    #[test]
    fn figcaptions_are_captions_and_comments_vanish() {
        let d = doc(
            "<figure><img src=x.jpg><figcaption>A photo</figcaption></figure><!-- <p>hidden</p> --><p>Body a<b>b</b> c</p>",
        );
        assert_eq!(blocks(&d), ["A photo", "Body ab c"]);
        assert_eq!(d.blocks[0].hint, BlockHint::Caption);
    }

    #[test]
    fn stray_angle_brackets_and_broken_tags_are_text_or_skipped() {
        assert_eq!(blocks(&doc("<p>a < b and c > d</p>")), ["a < b and c > d"]);
        assert_eq!(blocks(&doc("<p>text <a href=\"x>y")), ["text"]);
    }

    #[test]
    fn paragraph_ranges_map_exactly_to_their_bytes() {
        let html = "<div class=\"story\">\n  <p>\n    First para.\n  </p>\n  <p><em>Second</em> para.</p>\n</div>";
        let d = doc(html);
        let sources: Vec<&str> = d
            .blocks
            .iter()
            .map(|b| &html[d.map.to_src(b.inner.start)..d.map.to_src(b.inner.end)])
            .collect();
        assert_eq!(sources, ["First para.", "Second</em> para."]);
    }
}
