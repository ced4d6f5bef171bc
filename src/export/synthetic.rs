//! A made-up dataset of any size, for benchmarks and for tests of exports at scale:
//! deterministic, so two runs draw the same image.

use chrono::NaiveDate;

use crate::model::{
    Article, Conflict, Dataset, DateValue, Kind, OffsetMap, Speaker, Statement, StatementDate,
};

/// `statements` statements by `speakers` officials about `conflicts` conflicts, spread
/// over five years from 2020, from twelve outlets; one in ten month-dated, one in fifty
/// undated, one in eight reported by a second outlet too.
pub fn synthetic(statements: usize, speakers: usize, conflicts: usize) -> Dataset {
    let speakers = speakers.max(1);
    let conflicts = conflicts.max(1);
    let mut ds = Dataset {
        speakers: (0..speakers)
            .map(|i| Speaker {
                name: format!("Official {:03}", i + 1),
                ..Speaker::default()
            })
            .collect(),
        conflicts: (0..conflicts)
            .map(|i| Conflict {
                name: format!("Conflict {}", i + 1),
                ..Conflict::default()
            })
            .collect(),
        ..Dataset::default()
    };
    let text = "The minister said the talks would continue next week.";
    let outlets = 12;
    for i in 0..outlets {
        ds.articles.push(Article {
            file: format!("outlet-{i:02}.txt"),
            title: Some(format!("Report {i}")),
            outlet: Some(format!("Outlet {:02}", i + 1)),
            url: Some(format!("https://example.org/{i}")),
            published: None,
            text: text.to_owned(),
            paragraphs: std::iter::once(0..text.len()).collect(),
            offsets: OffsetMap::verbatim(0, text.len()),
            content_hash: i as u64,
        });
    }
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        // xorshift64*: cheap, deterministic, good enough to spread dates.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut event = 0u32;
    while ds.statements.len() < statements {
        let r = next();
        let speaker = (r % speakers as u64) as usize;
        // Officials speak mostly about one conflict.
        let conflict = if (r >> 8) % 5 == 0 {
            ((r >> 16) % conflicts as u64) as usize
        } else {
            speaker % conflicts
        };
        let day = start + chrono::Days::new((r >> 24) % 1826);
        let value = match (r >> 40) % 50 {
            0 => DateValue::Unknown,
            1..=5 => DateValue::month(chrono::Datelike::year(&day), chrono::Datelike::month(&day)),
            _ => DateValue::Day { date: day },
        };
        let kind = if (r >> 48) % 3 == 0 {
            Kind::Direct
        } else {
            Kind::Reported
        };
        let copies = if (r >> 52) % 8 == 0 { 2 } else { 1 };
        event += 1;
        for copy in 0..copies {
            if ds.statements.len() == statements {
                break;
            }
            ds.statements.push(Statement {
                article: ((r >> 56) as usize + copy) % outlets,
                span: 4..12,
                speaker,
                role: None,
                conflict: Some(conflict),
                date: StatementDate {
                    value,
                    basis: "synthetic".to_owned(),
                },
                kind,
                event,
            });
        }
    }
    ds
}
