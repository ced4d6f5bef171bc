//! Small datasets built by hand, for the UI tests that need exact control.

use chrono::NaiveDate;
use statement_timeline::model::{
    Article, Conflict, Dataset, DateValue, Kind, OffsetMap, Speaker, Statement, StatementDate,
};

fn day(s: &str) -> DateValue {
    DateValue::Day {
        date: NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("fixture date"),
    }
}

fn article(title: &str, outlet: &str, published: &str, text: &str) -> Article {
    Article {
        file: format!("{}.txt", title.to_lowercase().replace(' ', "-")),
        title: Some(title.to_owned()),
        outlet: Some(outlet.to_owned()),
        url: Some(format!("https://example.org/{}", title.len())),
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        text: text.to_owned(),
        paragraphs: std::iter::once(0..text.len()).collect(),
        offsets: OffsetMap::verbatim(0, text.len()),
        content_hash: text.len() as u64,
    }
}

/// Builds statements from (article, quote, speaker, conflict, date, kind, event).
type Row<'a> = (usize, &'a str, usize, Option<usize>, DateValue, Kind, u32);

fn statements(articles: &[Article], rows: &[Row<'_>]) -> Vec<Statement> {
    rows.iter()
        .map(|(a, quote, speaker, conflict, date, kind, event)| {
            let start = articles[*a].text.find(quote).expect("quote in article");
            Statement {
                article: *a,
                span: start..start + quote.len(),
                speaker: *speaker,
                role: None,
                conflict: *conflict,
                date: StatementDate {
                    value: *date,
                    basis: "on Tuesday".to_owned(),
                },
                kind: *kind,
                event: *event,
            }
        })
        .collect()
}

/// Three officials over two conflicts; one utterance reported by two outlets; two
/// Peskov statements on one day; one undated statement.
pub fn small() -> Dataset {
    let articles = vec![
        article(
            "Kremlin welcomes ceasefire",
            "TASS",
            "2025-06-25",
            "Kremlin spokesman Dmitry Peskov said on Tuesday that the ceasefire is welcome. \
             \"Talks must go on,\" Peskov added. Foreign Minister Sergei Lavrov said on \
             Friday that Kyiv must negotiate. Lavrov has said before that the West is to blame.",
        ),
        article(
            "Moscow reacts to truce",
            "Reuters",
            "2025-06-25",
            "Moscow said on Tuesday, through spokesman Dmitry Peskov, that the ceasefire is \
             welcome. Analysts were unconvinced.",
        ),
        article(
            "Putin on the grain deal",
            "Interfax",
            "2025-03-12",
            "President Vladimir Putin said the grain corridor cannot reopen without guarantees.",
        ),
    ];
    let rows: Vec<Row<'_>> = vec![
        (
            0,
            "the ceasefire is welcome",
            0,
            Some(0),
            day("2025-06-24"),
            Kind::Reported,
            1,
        ),
        (
            1,
            "the ceasefire is welcome",
            0,
            Some(0),
            day("2025-06-24"),
            Kind::Reported,
            1,
        ),
        (
            0,
            "Talks must go on",
            0,
            Some(0),
            day("2025-06-24"),
            Kind::Direct,
            2,
        ),
        (
            0,
            "Kyiv must negotiate",
            1,
            Some(1),
            day("2025-06-20"),
            Kind::Reported,
            3,
        ),
        (
            0,
            "the West is to blame",
            1,
            None,
            DateValue::Unknown,
            Kind::Reported,
            4,
        ),
        (
            2,
            "the grain corridor cannot reopen without guarantees",
            2,
            Some(1),
            day("2025-03-11"),
            Kind::Reported,
            5,
        ),
    ];
    let statements = statements(&articles, &rows);
    Dataset {
        articles,
        speakers: ["Dmitry Peskov", "Sergei Lavrov", "Vladimir Putin"]
            .iter()
            .map(|name| Speaker {
                name: (*name).to_owned(),
                ..Speaker::default()
            })
            .collect(),
        conflicts: ["Israel–Iran war", "Russia–Ukraine war"]
            .iter()
            .map(|name| Conflict {
                name: (*name).to_owned(),
                ..Conflict::default()
            })
            .collect(),
        statements,
        ..Dataset::default()
    }
}

/// `n` statements by one official, a few a day over years: enough to need density bins.
pub fn dense(n: usize) -> Dataset {
    let text = "The minister said the front is stable.";
    let articles = vec![article("Daily briefing", "Agency", "2020-01-01", text)];
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
    let statements = (0..n)
        .map(|i| Statement {
            article: 0,
            span: 17..text.len() - 1,
            speaker: 0,
            role: None,
            conflict: Some(0),
            date: StatementDate {
                value: DateValue::Day {
                    date: start + chrono::Days::new((i % 3000) as u64),
                },
                basis: "publication date".to_owned(),
            },
            kind: Kind::Reported,
            event: u32::try_from(i).expect("few"),
        })
        .collect();
    Dataset {
        articles,
        speakers: vec![Speaker {
            name: "A Minister".to_owned(),
            ..Speaker::default()
        }],
        conflicts: vec![Conflict {
            name: "Some war".to_owned(),
            ..Conflict::default()
        }],
        statements,
        ..Dataset::default()
    }
}
