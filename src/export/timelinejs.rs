//! The filtered statements as a TimelineJS 3 document: one slide per event (the
//! statements that report one utterance), grouped by conflict, with the source article
//! as the slide's media. See the format at timeline.knightlab.com/docs/json-format.html.

use chrono::Datelike;
use serde::Serialize;

use crate::model::{Dataset, DateValue, StatementIdx};
use crate::timeline::format_date;

/// The document: `events` is required, `title` optional.
#[derive(Debug, Serialize)]
pub struct Timeline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TitleSlide>,
    pub events: Vec<Slide>,
}

#[derive(Debug, Serialize)]
pub struct TitleSlide {
    pub text: Text,
}

/// One slide; `start_date` is required for events.
#[derive(Debug, Serialize)]
pub struct Slide {
    pub start_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    /// Slides of a group share a row of the navigation; the conflict's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The date as the statement gives it ("Jun 2025", "21–31 Oct 2024").
    pub display_date: String,
    pub unique_id: String,
}

/// A date: `year` is required, `month` and `day` are optional, all numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Date {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

#[derive(Debug, Serialize)]
pub struct Text {
    pub headline: String,
    /// HTML.
    pub text: String,
}

/// `url` is required: the article's link.
#[derive(Debug, Serialize)]
pub struct Media {
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// The TimelineJS document of `statements`; undated events are left out, as TimelineJS
/// needs a start date.
pub fn timeline(ds: &Dataset, statements: &[StatementIdx], title: Option<&str>) -> Timeline {
    // Events in the order their first statement comes (time order, as filtered).
    let mut events: Vec<(u32, Vec<StatementIdx>)> = Vec::new();
    let mut slot: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for &i in statements {
        let Some(s) = ds.statements.get(i) else {
            continue;
        };
        match slot.get(&s.event) {
            Some(&k) => events[k].1.push(i),
            None => {
                slot.insert(s.event, events.len());
                events.push((s.event, vec![i]));
            }
        }
    }
    let slides = events
        .into_iter()
        .filter_map(|(event, members)| slide(ds, event, &members))
        .collect();
    Timeline {
        title: title.map(|t| TitleSlide {
            text: Text {
                headline: t.to_owned(),
                text: String::new(),
            },
        }),
        events: slides,
    }
}

fn slide(ds: &Dataset, event: u32, members: &[StatementIdx]) -> Option<Slide> {
    // The most precisely dated statement stands for the event.
    let rank = |i: &StatementIdx| match ds.statements[*i].date.value {
        DateValue::Day { .. } => 0,
        DateValue::Range { .. } => 1,
        DateValue::Month { .. } => 2,
        DateValue::Unknown => 3,
    };
    let rep = *members.iter().min_by_key(|i| rank(i))?;
    let s = &ds.statements[rep];
    let (start_date, end_date) = match s.date.value {
        DateValue::Day { date } => (day(date), None),
        DateValue::Month { year, month } => (
            Date {
                year,
                month: Some(month),
                day: None,
            },
            None,
        ),
        DateValue::Range { first, last } => (day(first), Some(day(last))),
        DateValue::Unknown => return None,
    };
    let speaker = ds
        .speakers
        .get(s.speaker)
        .map_or("?", |sp| sp.name.as_str());
    let headline = match &s.role {
        Some(role) => format!("{speaker}, {role}"),
        None => speaker.to_owned(),
    };
    let mut text = format!("<p>{}</p>", html(ds.statement_text(s)));
    let mut outlets: Vec<&str> = Vec::new();
    for &i in members {
        let a = &ds.articles[ds.statements[i].article];
        let outlet = a.outlet.as_deref().unwrap_or("unknown outlet");
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
            let title = a.title.as_deref().unwrap_or(&a.file);
            let source = match &a.url {
                Some(url) => format!("<a href=\"{}\">{}</a>", html(url), html(title)),
                None => html(title),
            };
            text.push_str(&format!("<p>{} — {source}</p>", html(outlet)));
        }
    }
    let article = &ds.articles[s.article];
    Some(Slide {
        start_date,
        end_date,
        text: Text { headline, text },
        media: article.url.as_ref().map(|url| Media {
            url: url.clone(),
            credit: article.outlet.clone(),
        }),
        group: ds.conflict_name(s).map(str::to_owned),
        display_date: format_date(&s.date.value),
        unique_id: format!("event-{event}"),
    })
}

fn day(d: chrono::NaiveDate) -> Date {
    Date {
        year: d.year(),
        month: Some(d.month()),
        day: Some(d.day()),
    }
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Filter, fixture};

    #[test]
    fn one_slide_per_dated_event() {
        let ds = fixture::small();
        let shown = Filter::default().apply(&ds);
        let doc = timeline(&ds, &shown, Some("Kremlin"));
        // Six statements, five events, one of them undated.
        assert_eq!(doc.events.len(), 4);
        let ceasefire = doc
            .events
            .iter()
            .find(|e| e.text.text.starts_with("<p>the ceasefire is welcome"))
            .expect("the shared event");
        assert!(ceasefire.text.text.contains("TASS") && ceasefire.text.text.contains("Reuters"));
        assert_eq!(ceasefire.group.as_deref(), Some("Israel–Iran war"));
        let may = doc
            .events
            .iter()
            .find(|e| e.display_date == "May 2025")
            .expect("the month-dated event");
        assert_eq!(may.start_date.day, None);
        assert_eq!(may.start_date.month, Some(5));
    }
}
