//! The JSON export of a dataset: articles, statements with byte offsets into the files
//! as stored on disk, and problems.

use serde::Serialize;

use crate::model::{Dataset, DateValue, Problem, StatementIdx};

#[derive(Debug, Serialize)]
pub struct ExportArticle<'a> {
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportStatement<'a> {
    /// Stable across re-extraction of an unchanged article: content hash and span.
    pub id: String,
    pub file: &'a str,
    /// Byte offsets into the file on disk.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub speaker: &'a str,
    pub speaker_role: Option<&'a str>,
    pub institutional: bool,
    pub conflict: Option<&'a str>,
    /// `YYYY-MM-DD`, `YYYY-MM`, or null.
    pub date: Option<String>,
    pub date_precision: &'static str,
    /// First and last day, for a range.
    pub date_range: Option<[String; 2]>,
    pub date_basis: &'a str,
    pub kind: &'static str,
    pub event: u32,
}

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub articles: Vec<ExportArticle<'a>>,
    pub statements: Vec<ExportStatement<'a>>,
    pub problems: &'a [Problem],
}

/// The export of a dataset, borrowing its text.
pub fn export(data: &Dataset) -> Export<'_> {
    let all: Vec<StatementIdx> = (0..data.statements.len()).collect();
    export_some(data, &all)
}

/// The export of some statements of a dataset (with all its articles and problems), in
/// the dataset's order whatever the order of `statements`.
pub fn export_some<'a>(data: &'a Dataset, statements: &[StatementIdx]) -> Export<'a> {
    let mut order = statements.to_vec();
    order.sort_unstable();
    order.dedup();
    let articles = data
        .articles
        .iter()
        .map(|a| ExportArticle {
            file: &a.file,
            title: a.title.as_deref(),
            outlet: a.outlet.as_deref(),
            url: a.url.as_deref(),
            published: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
        })
        .collect();
    let statements = order
        .iter()
        .filter_map(|&i| data.statements.get(i))
        .map(|s| {
            let article = &data.articles[s.article];
            let file_span = article.offsets.range_to_file(&s.span);
            let speaker = &data.speakers[s.speaker];
            let date_range = match s.date.value {
                DateValue::Range { first, last } => Some([first.to_string(), last.to_string()]),
                _ => None,
            };
            ExportStatement {
                id: s.stable_id(article),
                file: &article.file,
                start: file_span.start,
                end: file_span.end,
                text: data.statement_text(s),
                speaker: &speaker.name,
                speaker_role: s.role.as_deref(),
                institutional: speaker.institutional,
                conflict: data.conflict_name(s),
                date: s.date.value.export(),
                date_precision: s.date.value.precision().as_str(),
                date_range,
                date_basis: &s.date.basis,
                kind: s.kind.as_str(),
                event: s.event,
            }
        })
        .collect();
    Export {
        articles,
        statements,
        problems: &data.problems,
    }
}

/// The export as pretty-printed JSON.
pub fn to_json(data: &Dataset) -> String {
    serde_json::to_string_pretty(&export(data))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The export of the statements `shown`, as pretty-printed JSON.
pub fn to_json_filtered(data: &Dataset, shown: &[StatementIdx]) -> String {
    serde_json::to_string_pretty(&export_some(data, shown))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
