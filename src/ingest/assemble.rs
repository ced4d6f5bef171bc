//! From one file's bytes to its articles: decode, read the format, split, pick the
//! paragraphs, date, and apply the manifest. Pure: no I/O, so tests and fuzzing can
//! drive it with any bytes.

use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

use crate::model::{Article, Problem, Severity};

use super::clean::{self, LineInfo, LineKind, norm_key};
use super::date::header_date;
use super::decode::{Decoded, binary_marker, decode_utf8};
use super::doc::{BlockHint, Doc, line_blocks};
use super::manifest::{MANIFEST_FILE, Manifest, ManifestEntry};
use super::offsets::SourceMap;
use super::split::{self, Part};
use super::{html, json, markdown};

/// The article formats, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format of an article file; `None` for other files, which are ignored.
    pub(crate) fn of(path: &Path) -> Option<Format> {
        if path.file_name().is_some_and(|n| n == MANIFEST_FILE) {
            return None;
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// Whether a file of this format may hold several articles told apart by their
    /// headlines (a JSON record is always one article).
    fn splits_by_title(self) -> bool {
        matches!(self, Format::Text | Format::Markdown | Format::Html)
    }

    /// Whether repeated headlines split it: plain-text dumps concatenate articles; a
    /// web page is one article, and its repeated lines are navigation.
    fn splits_by_repeats(self) -> bool {
        matches!(self, Format::Text | Format::Markdown)
    }
}

/// How problems and articles name a file: relative to the corpus folder, with `/`.
pub(crate) fn relative_name(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => path.to_string_lossy().replace('\\', "/"),
    }
}

/// Reads the articles of one file from its bytes; see [`super::read_article_file`].
pub(crate) fn read_article_file(
    root: &Path,
    path: &Path,
    bytes: &[u8],
    manifest: Option<&Manifest>,
) -> (Vec<Article>, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some(format) = Format::of(path) else {
        return (Vec::new(), problems);
    };
    let file = relative_name(root, path);
    let mut report = |severity, line, message: String| {
        problems.push(Problem {
            file: file.clone(),
            line,
            severity,
            message,
        });
    };
    if let Some(at) = binary_marker(bytes) {
        let message =
            format!("looks like a binary file, not text (NUL byte at offset {at}); it was skipped");
        report(Severity::Error, None, message);
        return (Vec::new(), problems);
    }
    let Decoded {
        text,
        map: file_map,
        first_bad_byte,
    } = decode_utf8(bytes);
    if let Some(at) = first_bad_byte {
        let message = format!(
            "is not valid UTF-8 (first bad byte at offset {at}); bad bytes were replaced with \u{FFFD}"
        );
        report(Severity::Warning, None, message);
    }
    if text.trim().is_empty() {
        let message = if bytes.is_empty() {
            "is empty; it was skipped"
        } else {
            "holds only whitespace; it was skipped"
        };
        report(Severity::Error, None, message.into());
        return (Vec::new(), problems);
    }
    if format == Format::Html && html::has_scripts(&text) {
        let message = "has scripts; they were dropped unread, never run".to_owned();
        report(Severity::Warning, None, message);
    }
    let docs = match format {
        Format::Text => vec![plain_doc(text)],
        Format::Markdown => vec![markdown::read(&text, &file, &mut problems)],
        Format::Html => vec![html::read(&text)],
        Format::Json => json::read_json(&text, &file, &mut problems),
        Format::JsonLines => json::read_jsonl(&text, &file, &mut problems),
    };
    let entries = manifest.map(|m| m.entries_for(&file)).unwrap_or_default();
    let mut reader = FileArticles {
        file: &file,
        bytes,
        format,
        entries: &entries,
        entry_used: vec![false; entries.len()],
        problems,
    };
    let articles = reader.articles(docs, &file_map);
    (articles, reader.problems)
}

/// A `.txt` file: every non-blank line is a block, the text is the file.
fn plain_doc(text: String) -> Doc {
    Doc {
        blocks: line_blocks(&text, 0),
        map: SourceMap::verbatim(0, text.len()),
        text,
        ..Doc::default()
    }
}

/// One article's share of a document, before the manifest is applied.
struct Draft<'d> {
    doc: &'d Doc,
    part: Part,
    texts: Vec<&'d str>,
    infos: Vec<LineInfo>,
    /// How many articles its document yields: the document's own title is only this
    /// article's when it is the only one.
    siblings: usize,
}

impl Draft<'_> {
    fn headline(&self) -> Option<&str> {
        self.part
            .headline
            .and_then(|h| h.checked_sub(self.part.blocks.start))
            .and_then(|h| self.texts.get(h).copied())
    }

    fn own_title(&self) -> Option<&str> {
        let doc_title = self
            .doc
            .meta
            .title
            .as_deref()
            .filter(|_| self.siblings == 1);
        doc_title.or_else(|| self.headline())
    }
}

/// The state of reading one file's articles.
struct FileArticles<'a> {
    file: &'a str,
    bytes: &'a [u8],
    format: Format,
    entries: &'a [&'a ManifestEntry],
    entry_used: Vec<bool>,
    problems: Vec<Problem>,
}

impl<'a> FileArticles<'a> {
    fn articles(&mut self, mut docs: Vec<Doc>, file_map: &SourceMap) -> Vec<Article> {
        for doc in &mut docs {
            doc.map = doc.map.compose(file_map);
        }
        let mut drafts = Vec::new();
        for doc in &docs {
            if doc.blocks.is_empty() {
                let message = "has no readable text; it was skipped".to_string();
                self.report(Severity::Error, doc.line, message);
                continue;
            }
            drafts.extend(self.drafts(doc));
        }
        let count = drafts.len();
        let mut articles = Vec::with_capacity(count);
        for (k, draft) in drafts.iter().enumerate() {
            let entry = self.entry_for(draft, count);
            let label = (count > 1).then(|| article_label(k + 1, entry, draft));
            articles.push(self.article(draft, entry, label));
        }
        self.report_unused_entries();
        articles
    }

    fn report(&mut self, severity: Severity, line: Option<usize>, message: String) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            severity,
            message,
        });
    }

    /// The articles a document holds, cut by the manifest's titles or by repeated
    /// headlines.
    fn drafts<'d>(&self, doc: &'d Doc) -> Vec<Draft<'d>> {
        let texts: Vec<&str> = doc
            .blocks
            .iter()
            .map(|b| doc.text.get(b.inner.clone()).unwrap_or(""))
            .collect();
        let infos: Vec<LineInfo> = texts.iter().map(|t| LineInfo::of(t)).collect();
        let titles: Vec<&str> = self.titled_entries().map(|(_, t)| t).collect();
        let single = || {
            vec![Part {
                blocks: 0..texts.len(),
                headline: None,
                title: None,
            }]
        };
        let by_titles = (self.format.splits_by_title() && titles.len() >= 2)
            .then(|| split::by_titles(&texts, &titles))
            .flatten();
        let by_repeats = || {
            self.format
                .splits_by_repeats()
                .then(|| split::by_repeated_headlines(&texts, &infos))
        };
        // Titles win when all are found; when some are missing, repeated headlines may
        // still find the other articles (they then match entries by title).
        let parts = match by_titles {
            Some(parts) if parts.len() == titles.len() => parts,
            Some(parts) => match by_repeats() {
                Some(repeats) if repeats.len() > parts.len() => repeats,
                _ => parts,
            },
            None => by_repeats().unwrap_or_else(single),
        };
        let siblings = parts.len();
        parts
            .into_iter()
            .map(|part| Draft {
                doc,
                texts: texts[part.blocks.clone()].to_vec(),
                infos: infos[part.blocks.clone()].to_vec(),
                part,
                siblings,
            })
            .collect()
    }

    /// Entries with a title, as (index in `entries`, title).
    fn titled_entries(&self) -> impl Iterator<Item = (usize, &str)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.title.as_deref().map(|t| (i, t)))
    }

    /// The manifest entry for an article: the one whose title split it off, else the
    /// one whose title it has, else the file's only entry when that cannot be another
    /// article's (it has no title, or the file holds one article).
    fn entry_for(&mut self, draft: &Draft, count: usize) -> Option<&'a ManifestEntry> {
        let by_split = draft
            .part
            .title
            .and_then(|k| self.titled_entries().nth(k))
            .map(|(i, _)| i);
        let by_title = || {
            let key = norm_key(draft.own_title()?);
            self.entries
                .iter()
                .position(|e| e.title.as_deref().is_some_and(|t| norm_key(t) == key))
        };
        let only = || {
            let only = self.entries.len() == 1;
            (only && (self.entries[0].title.is_none() || count == 1)).then_some(0)
        };
        let i = by_split.or_else(by_title).or_else(only)?;
        self.entry_used[i] = true;
        self.entries.get(i).copied()
    }

    fn report_unused_entries(&mut self) {
        for (entry, used) in self.entries.iter().zip(&self.entry_used) {
            if *used {
                continue;
            }
            let why = match &entry.title {
                Some(title) => format!("no article in {} has the title \"{title}\"", self.file),
                None => format!(
                    "{} holds several articles and this entry has no title to tell which",
                    self.file
                ),
            };
            self.problems.push(Problem {
                file: MANIFEST_FILE.into(),
                line: Some(entry.number),
                severity: Severity::Warning,
                message: format!("entry {}: {why}; its metadata was not used", entry.number),
            });
        }
    }

    fn article(
        &mut self,
        draft: &Draft,
        entry: Option<&ManifestEntry>,
        label: Option<String>,
    ) -> Article {
        let doc = draft.doc;
        let blocks = &doc.blocks[draft.part.blocks.clone()];
        let start = blocks.first().map_or(0, |b| b.outer.start);
        let end = blocks.last().map_or(start, |b| b.outer.end);
        let text = doc.text.get(start..end).unwrap_or("").to_string();

        let entry_title = entry.and_then(|e| e.title.as_deref());
        let title = entry_title
            .or_else(|| draft.own_title())
            .map(str::to_string);
        let mut headlines: Vec<String> = [entry_title, doc.meta.title.as_deref(), draft.headline()]
            .into_iter()
            .flatten()
            .map(norm_key)
            .collect();
        headlines.dedup();
        let hints: Vec<BlockHint> = blocks.iter().map(|b| b.hint).collect();
        let paragraphs = clean::select_paragraphs(&draft.texts, &hints, &draft.infos, &headlines)
            .into_iter()
            .map(|i| blocks[i].inner.start - start..blocks[i].inner.end - start)
            .collect::<Vec<_>>();

        let published = entry
            .and_then(|e| e.published)
            .or(doc.meta.published)
            .or_else(|| header_date(top_lines(draft, &hints)));
        let line = doc
            .line
            .or_else(|| label.as_ref().map(|_| self.line_of(doc.map.to_src(start))));
        let what = label.map_or_else(String::new, |l| format!("{l}: "));
        if published.is_none() {
            self.report(Severity::Warning, line, format!("{what}{}", NO_DATE));
        }
        if paragraphs.is_empty() {
            let message = format!(
                "{what}no body text is left once headlines, captions and boilerplate are set aside"
            );
            self.report(Severity::Warning, line, message);
        }
        Article {
            file: self.file.to_string(),
            title,
            outlet: entry
                .and_then(|e| e.outlet.clone())
                .or_else(|| doc.meta.outlet.clone()),
            url: entry
                .and_then(|e| e.url.clone())
                .or_else(|| doc.meta.url.clone()),
            published,
            paragraphs,
            offsets: doc.map.slice(start..end),
            content_hash: xxh3_64(text.as_bytes()),
            text,
        }
    }

    /// 1-based line of a file offset.
    fn line_of(&self, offset: usize) -> usize {
        let head = &self.bytes[..offset.min(self.bytes.len())];
        1 + head.iter().filter(|&&b| b == b'\n').count()
    }
}

const NO_DATE: &str = "no publication date (none in manifest.json, in the file's metadata, or in a \
     \"Published:\" line or dateline at the top); the article is loaded undated";

/// "article 2 (\"Title\")", to tell apart the articles of one file in problems.
fn article_label(number: usize, entry: Option<&ManifestEntry>, draft: &Draft) -> String {
    match entry
        .and_then(|e| e.title.as_deref())
        .or_else(|| draft.own_title())
    {
        Some(title) => format!("article {number} (\"{title}\")"),
        None => format!("article {number}"),
    }
}

/// The lines at the top of an article where its date may be written: up to and
/// including its first paragraph of running text, captions left out (a caption's date
/// is the photo's, not the article's).
fn top_lines<'d>(draft: &Draft<'d>, hints: &[BlockHint]) -> Vec<&'d str> {
    const MAX_TOP_LINES: usize = 8;
    let mut lines = Vec::new();
    for ((&text, info), hint) in draft.texts.iter().zip(&draft.infos).zip(hints) {
        let readable =
            *hint != BlockHint::Caption && matches!(info.kind, LineKind::Body | LineKind::Meta);
        if !readable {
            continue;
        }
        lines.push(text);
        if info.is_body_text() || lines.len() == MAX_TOP_LINES {
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read(
        name: &str,
        content: &str,
        manifest: Option<&Manifest>,
    ) -> (Vec<Article>, Vec<Problem>) {
        read_article_file(
            Path::new("/corpus"),
            &Path::new("/corpus").join(name),
            content.as_bytes(),
            manifest,
        )
    }

    fn paragraphs(a: &Article) -> Vec<&str> {
        (0..a.paragraphs.len())
            .map(|i| a.paragraph_text(i))
            .collect()
    }

    fn published_of(articles: &[Article]) -> Vec<Option<NaiveDate>> {
        articles.iter().map(|a| a.published).collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn other_extensions_and_the_manifest_are_ignored_silently() {
        for name in [
            "notes.pdf",
            "image.png",
            "README",
            "manifest.json",
            "sub/manifest.json",
        ] {
            let (articles, problems) = read(name, "{\"text\": \"x\"}", None);
            assert!(articles.is_empty() && problems.is_empty(), "{name}");
        }
    }

    #[test]
    fn relative_names_use_slashes() {
        let root = Path::new("/corpus");
        assert_eq!(
            relative_name(root, &root.join("a").join("b.txt")),
            "a/b.txt"
        );
        assert_eq!(
            relative_name(root, Path::new("elsewhere/c.txt")),
            "elsewhere/c.txt"
        );
    }

    #[test]
    fn plain_text_is_a_verbatim_slice_with_line_paragraphs() {
        let content = "Envoy Hopeful On Talks\n\nMOSCOW, March 14, 2025 (Reuters) - The envoy said talks would go on.\nHe gave no date.\n";
        let (articles, problems) = read("a.txt", content, None);
        assert!(problems.is_empty(), "{problems:?}");
        let a = &articles[0];
        assert_eq!(a.file, "a.txt");
        assert_eq!(a.title.as_deref(), Some("Envoy Hopeful On Talks"));
        assert_eq!(a.published, day(2025, 3, 14));
        assert_eq!(a.text, content.trim_end());
        assert_eq!(
            a.offsets,
            crate::model::OffsetMap::verbatim(0, a.text.len())
        );
        assert_eq!(
            paragraphs(a),
            [
                "MOSCOW, March 14, 2025 (Reuters) - The envoy said talks would go on.",
                "He gave no date."
            ]
        );
        for r in &a.paragraphs {
            assert_eq!(
                &content.as_bytes()[a.offsets.range_to_file(r)],
                a.text[r.clone()].as_bytes()
            );
        }
        assert_eq!(a.content_hash, xxh3_64(a.text.as_bytes()));
    }

    #[test]
    fn captions_never_give_the_date() {
        let content = "A man walks in Kyiv, Ukraine, March 1, 2022. REUTERS/X\nThe mayor said the city was calm.\n";
        let (articles, problems) = read("a.txt", content, None);
        assert_eq!(published_of(&articles), [None]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(problems[0].message.starts_with("no publication date"));
    }

    #[test]
    fn bad_input_is_reported_not_loaded() {
        let (a, p) = read("a.txt", "", None);
        assert!(a.is_empty());
        assert!(p[0].message.contains("empty"));
        let (a, p) = read("a.txt", " \n\t\n", None);
        assert!(a.is_empty());
        assert!(p[0].message.contains("only whitespace"));
        let (a, p) = read("a.html", "\u{0}\u{1}binary", None);
        assert!(a.is_empty());
        assert!(p[0].message.contains("binary"));
        let (a, p) = read("a.html", "<script>alert(1)</script>", None);
        assert!(a.is_empty());
        assert!(p[0].message.contains("never run"));
        assert!(p[1].message.contains("no readable text"));
    }

    #[test]
    fn invalid_utf8_is_a_warning_with_the_offset_and_still_loads() {
        let bytes = b"First line of text.\nCaf\xE9 closed, he said.\n";
        let (articles, problems) =
            read_article_file(Path::new("/c"), Path::new("/c/x.txt"), bytes, None);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(
            problems[0].message.contains("offset 23"),
            "{}",
            problems[0].message
        );
        let a = &articles[0];
        assert!(a.text.contains("Caf\u{FFFD} closed"));
        let r = a.paragraphs[1].clone();
        assert_eq!(
            &bytes[a.offsets.range_to_file(&r)],
            b"Caf\xE9 closed, he said."
        );
    }

    #[test]
    fn html_paragraphs_map_back_to_their_source_bytes() {
        let html = "<html><head><title>Envoy &amp; Talks</title><meta name=\"date\" content=\"2025-03-14\"></head><body><h1>Envoy &amp; Talks</h1><p>The envoy said &ldquo;yes&rdquo;.</p><figure><figcaption>A photo</figcaption></figure><p>More &mdash; later.</p></body></html>";
        let (articles, problems) = read("a.html", html, None);
        assert!(problems.is_empty(), "{problems:?}");
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Envoy & Talks"));
        assert_eq!(a.published, day(2025, 3, 14));
        assert_eq!(paragraphs(a), ["The envoy said “yes”.", "More — later."]);
        let sources: Vec<&str> = a
            .paragraphs
            .iter()
            .map(|r| &html[a.offsets.range_to_file(r)])
            .collect();
        assert_eq!(
            sources,
            ["The envoy said &ldquo;yes&rdquo;.", "More &mdash; later."]
        );
    }

    #[test]
    fn json_records_map_back_to_the_file() {
        let content = "{\"articles\": [{\"title\": \"T\", \"published\": \"14 March 2025\", \"text\": \"Line \\\"one\\\".\\nLine two.\"}]}";
        let (articles, problems) = read("a.json", content, None);
        assert!(problems.is_empty(), "{problems:?}");
        let a = &articles[0];
        assert_eq!(paragraphs(a), ["Line \"one\".", "Line two."]);
        assert_eq!(
            &content[a.offsets.range_to_file(&a.paragraphs[0])],
            "Line \\\"one\\\"."
        );
        assert_eq!(a.published, day(2025, 3, 14));
    }

    const TWO: &str = "First Headline About Talks\nPhoto: someone\nFirst Headline About Talks\nThe first envoy said talks went well.\n\nSecond Headline About Truce\nSecond Headline About Truce\nThe second envoy said the truce held.\n";

    #[test]
    fn manifest_titles_split_and_metadata_overrides() {
        let (m, _) = Manifest::parse(
            r#"{"articles": [
                {"file": "two.txt", "title": "Second Headline About Truce", "published": "2025-01-02", "outlet": "B"},
                {"file": "two.txt", "title": "First Headline About Talks", "published": "2025-01-01"}
            ]}"#,
        );
        let (articles, problems) = read("two.txt", TWO, Some(&m));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles.len(), 2);
        assert_eq!(
            articles[0].title.as_deref(),
            Some("First Headline About Talks")
        );
        assert_eq!(published_of(&articles), [day(2025, 1, 1), day(2025, 1, 2)]);
        assert_eq!(articles[1].outlet.as_deref(), Some("B"));
        assert_eq!(
            paragraphs(&articles[0]),
            ["The first envoy said talks went well."]
        );
        assert_eq!(
            paragraphs(&articles[1]),
            ["The second envoy said the truce held."]
        );
        assert!(articles[1].text.starts_with("Second Headline"));
        let start = articles[1].offsets.to_file(0);
        assert_eq!(&TWO[start..start + 6], "Second");
    }

    #[test]
    fn repeated_headlines_split_without_a_manifest_and_undated_articles_are_named() {
        let (articles, problems) = read("two.txt", TWO, None);
        assert_eq!(articles.len(), 2);
        assert_eq!(
            articles[1].title.as_deref(),
            Some("Second Headline About Truce")
        );
        assert_eq!(problems.len(), 2);
        assert!(
            problems[1]
                .message
                .starts_with("article 2 (\"Second Headline About Truce\"): no publication date")
        );
        assert_eq!(problems[1].line, Some(6));
    }

    #[test]
    fn unmatched_manifest_entries_are_reported() {
        let (m, _) = Manifest::parse(
            r#"{"articles": [
                {"file": "two.txt", "title": "First Headline About Talks", "published": "2025-01-01"},
                {"file": "two.txt", "title": "Headline Nowhere In The File", "published": "2025-01-02"}
            ]}"#,
        );
        let (articles, problems) = read("two.txt", TWO, Some(&m));
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].published, day(2025, 1, 1));
        let unused: Vec<&Problem> = problems
            .iter()
            .filter(|p| p.file == "manifest.json")
            .collect();
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].line, Some(2));
        assert!(
            unused[0]
                .message
                .contains("entry 2: no article in two.txt has the title")
        );
    }

    #[test]
    fn a_single_untitled_entry_applies_to_the_file() {
        let (m, _) = Manifest::parse(
            r#"{"articles": [{"file": "a.md", "outlet": "Manifest Outlet", "published": "2025-05-05"}]}"#,
        );
        let content = "---\noutlet: File Outlet\npublished: 2020-01-01\ntitle: From Front Matter\n---\n# From Front Matter\n\nBody text, he said.\n";
        let (articles, problems) = read("a.md", content, Some(&m));
        assert!(problems.is_empty(), "{problems:?}");
        let a = &articles[0];
        assert_eq!(a.outlet.as_deref(), Some("Manifest Outlet"));
        assert_eq!(a.published, day(2025, 5, 5));
        assert_eq!(a.title.as_deref(), Some("From Front Matter"));
        assert_eq!(paragraphs(a), ["Body text, he said."]);
        let start = content.find("# From").expect("heading");
        assert_eq!(
            a.offsets,
            crate::model::OffsetMap::verbatim(start, a.text.len())
        );
    }

    #[test]
    fn jsonl_records_are_articles_dated_by_their_field() {
        let content = concat!(
            r#"{"text": "A said \u201cyes\u201d.", "published": "2025-01-01"}"#,
            "\n",
            r#"{"text": "B said no."}"#,
            "\n"
        );
        let (articles, problems) = read("a.jsonl", content, None);
        assert_eq!(published_of(&articles), [day(2025, 1, 1), None]);
        let first = &articles[0];
        let source = &content[first.offsets.range_to_file(&first.paragraphs[0])];
        assert_eq!(source, r"A said \u201cyes\u201d.");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(
            problems[0]
                .message
                .starts_with("article 2: no publication date")
        );
    }
}
