//! The filtered statements as CSV: one row per statement, in time order, for
//! spreadsheets.

use crate::model::{Dataset, StatementIdx};

/// The header row; each statement's fields in this order.
pub const COLUMNS: [&str; 12] = [
    "date",
    "precision",
    "speaker",
    "role",
    "conflict",
    "kind",
    "text",
    "outlet",
    "title",
    "url",
    "file",
    "event",
];

/// `statements` (as [`Filter::apply`](crate::timeline::Filter::apply) returns them) as
/// CSV with a header row. Dates are `YYYY-MM-DD` or `YYYY-MM` as in the JSON export;
/// unknown fields are empty.
pub fn to_csv(ds: &Dataset, statements: &[StatementIdx]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for s in statements.iter().filter_map(|&i| ds.statements.get(i)) {
        let article = &ds.articles[s.article];
        let event = s.event.to_string();
        w.write_record([
            s.date.value.export().as_deref().unwrap_or(""),
            s.date.value.precision().as_str(),
            ds.speakers.get(s.speaker).map_or("", |sp| sp.name.as_str()),
            s.role.as_deref().unwrap_or(""),
            ds.conflict_name(s).unwrap_or(""),
            s.kind.as_str(),
            ds.statement_text(s),
            article.outlet.as_deref().unwrap_or(""),
            article.title.as_deref().unwrap_or(""),
            article.url.as_deref().unwrap_or(""),
            article.file.as_str(),
            event.as_str(),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Filter, fixture};

    #[test]
    fn one_row_per_statement_with_quotes_escaped() {
        let ds = fixture::small();
        let shown = Filter::default().apply(&ds);
        let bytes = to_csv(&ds, &shown).expect("csv");
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(
            r.headers().expect("header").iter().collect::<Vec<_>>(),
            COLUMNS
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(&rows[0][0], "2025-04-04");
        assert_eq!(&rows[0][2], "Sergei Lavrov");
        assert_eq!(&rows[0][4], "Russia–Ukraine war");
        assert_eq!(&rows[0][6], "Kyiv must negotiate");
        assert_eq!(&rows[1][1], "month");
        assert_eq!(&rows[5][0], "");
        assert_eq!(&rows[5][1], "unknown");
    }
}
