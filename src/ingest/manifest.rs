//! `manifest.json`: metadata for the corpus's files, which wins over what the files
//! say about themselves. A file holding several articles has one entry per article,
//! told apart by title.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;

use crate::model::{Problem, Severity};

use super::date::{bad_date_message, parse_date};
use super::doc::non_empty;

/// The manifest's file name, in the corpus folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// One entry of the manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestEntry {
    /// 1-based position in the manifest's list, as problems cite it.
    pub number: usize,
    /// The article file, relative to the corpus folder, with `/` separators.
    pub file: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// `None` when absent or unusable (a problem says which).
    pub published: Option<NaiveDate>,
}

/// The usable entries of a manifest, found by file.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    entries: Vec<ManifestEntry>,
    by_file: HashMap<String, Vec<usize>>,
}

impl Manifest {
    /// Parses the manifest's text. Whatever cannot be used is left out and reported;
    /// the rest is kept, so one bad entry never loses the others.
    pub fn parse(text: &str) -> (Manifest, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut manifest = Manifest::default();
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => {
                problems.push(problem(
                    Some(e.line()),
                    Severity::Error,
                    format!(
                        "not valid JSON at line {}, column {}; no metadata was taken from it",
                        e.line(),
                        e.column()
                    ),
                ));
                return (manifest, problems);
            }
        };
        let Some(list) = value.get("articles").and_then(Value::as_array) else {
            problems.push(problem(
                None,
                Severity::Error,
                "has no \"articles\" list; no metadata was taken from it".into(),
            ));
            return (manifest, problems);
        };
        for (i, item) in list.iter().enumerate() {
            if let Some(entry) = parse_entry(i + 1, item, &mut problems) {
                manifest.add(entry);
            }
        }
        (manifest, problems)
    }

    fn add(&mut self, entry: ManifestEntry) {
        self.by_file
            .entry(entry.file.clone())
            .or_default()
            .push(self.entries.len());
        self.entries.push(entry);
    }

    /// The entries for `file` (relative, `/`-separated), in manifest order.
    pub fn entries_for(&self, file: &str) -> Vec<&ManifestEntry> {
        self.by_file
            .get(file)
            .map(|ids| ids.iter().filter_map(|&i| self.entries.get(i)).collect())
            .unwrap_or_default()
    }

    /// All usable entries, in manifest order.
    pub fn entries(&self) -> &[ManifestEntry] {
        &self.entries
    }
}

fn problem(line: Option<usize>, severity: Severity, message: String) -> Problem {
    Problem {
        file: MANIFEST_FILE.into(),
        line,
        severity,
        message,
    }
}

/// A manifest path as the corpus names files: `/` separators, no leading `./`.
pub(crate) fn normalize_path(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

fn parse_entry(number: usize, item: &Value, problems: &mut Vec<Problem>) -> Option<ManifestEntry> {
    let mut report = |severity, what: String| {
        problems.push(problem(
            Some(number),
            severity,
            format!("entry {number}: {what}"),
        ));
    };
    let Some(fields) = item.as_object() else {
        report(Severity::Error, "is not an object; it is ignored".into());
        return None;
    };
    let Some(file) = fields
        .get("file")
        .and_then(Value::as_str)
        .map(normalize_path)
    else {
        report(Severity::Error, "has no \"file\"; it is ignored".into());
        return None;
    };
    if file.is_empty() {
        report(
            Severity::Error,
            "has an empty \"file\"; it is ignored".into(),
        );
        return None;
    }
    let mut text = |name: &str| match fields.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => non_empty(s),
        Some(_) => {
            report(
                Severity::Warning,
                format!("\"{name}\" is not text; it is ignored"),
            );
            None
        }
    };
    let title = text("title");
    let outlet = text("outlet");
    let url = text("url");
    let published = text("published").and_then(|value| match parse_date(&value) {
        Ok(date) => Some(date),
        Err(err) => {
            report(Severity::Warning, bad_date_message(&value, err));
            None
        }
    });
    Some(ManifestEntry {
        number,
        file,
        title,
        outlet,
        url,
        published,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_by_file_and_extra_fields_ignored() {
        let (m, problems) = Manifest::parse(
            r#"{"articles": [
                {"file": "a.txt", "title": null, "outlet": "O", "published": "2025-06-24", "published_note": "x"},
                {"file": "./b.txt", "title": "One", "published": "2024-12-03"},
                {"file": "b.txt", "title": "Two", "url": "https://x"}
            ]}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let a = m.entries_for("a.txt");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].outlet.as_deref(), Some("O"));
        assert_eq!(a[0].published, NaiveDate::from_ymd_opt(2025, 6, 24));
        let b: Vec<_> = m
            .entries_for("b.txt")
            .iter()
            .map(|e| (e.number, e.title.clone()))
            .collect();
        assert_eq!(b, [(2, Some("One".into())), (3, Some("Two".into()))]);
        assert!(m.entries_for("c.txt").is_empty());
    }

    #[test]
    fn invalid_json_is_an_error_with_its_position() {
        let (m, problems) = Manifest::parse("{\"articles\": [\n{\"file\": \"a.txt\",}\n]}");
        assert!(m.entries().is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, "manifest.json");
        assert_eq!(problems[0].line, Some(2));
        assert!(
            problems[0].message.contains("line 2, column"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn impossible_date_drops_only_the_date() {
        let (m, problems) = Manifest::parse(
            r#"{"articles": [{"file": "a.txt", "outlet": "O"}, {"file": "b.txt", "outlet": "P", "published": "2025-02-30"}]}"#,
        );
        assert_eq!(m.entries().len(), 2);
        assert_eq!(m.entries()[1].outlet.as_deref(), Some("P"));
        assert_eq!(m.entries()[1].published, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].message.starts_with("entry 2: "));
        assert!(problems[0].message.contains("2025-02-30"));
    }

    #[test]
    fn unusable_entries_are_skipped_and_reported() {
        let (m, problems) = Manifest::parse(
            r#"{"articles": [7, {"title": "no file"}, {"file": "a.txt", "title": 5}, {"file": ""}]}"#,
        );
        assert_eq!(m.entries().len(), 1);
        assert_eq!(m.entries()[0].title, None);
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(1), Some(2), Some(3), Some(4)]);
        assert!(problems.iter().all(|p| {
            p.message
                .starts_with(&format!("entry {}", p.line.unwrap_or(0)))
        }));
    }

    #[test]
    fn a_manifest_without_a_list_is_an_error() {
        let (_, problems) = Manifest::parse(r#"{"files": []}"#);
        assert_eq!(problems[0].severity, Severity::Error);
    }
}
