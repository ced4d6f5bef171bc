//! Small hand-built datasets for the timeline's unit tests.

use chrono::NaiveDate;

use crate::model::{
    Article, ArticleIdx, Conflict, ConflictIdx, Dataset, DateValue, EventId, Kind, OffsetMap,
    Speaker, SpeakerIdx, Statement, StatementDate, StatementIdx,
};

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("fixture date")
}

pub fn on(s: &str) -> DateValue {
    DateValue::Day { date: day(s) }
}

#[derive(Default)]
pub struct Fixture {
    ds: Dataset,
    next_event: EventId,
}

impl Fixture {
    pub fn speaker(&mut self, name: &str, institutional: bool) -> SpeakerIdx {
        self.ds.speakers.push(Speaker {
            name: name.to_owned(),
            institutional,
            ..Speaker::default()
        });
        self.ds.speakers.len() - 1
    }

    pub fn conflict(&mut self, name: &str) -> ConflictIdx {
        self.ds.conflicts.push(Conflict {
            name: name.to_owned(),
            ..Conflict::default()
        });
        self.ds.conflicts.len() - 1
    }

    pub fn article(&mut self, title: &str, outlet: Option<&str>, text: &str) -> ArticleIdx {
        self.ds.articles.push(Article {
            file: format!("{:03}.txt", self.ds.articles.len()),
            title: Some(title.to_owned()),
            outlet: outlet.map(str::to_owned),
            url: None,
            published: None,
            text: text.to_owned(),
            paragraphs: std::iter::once(0..text.len()).collect(),
            offsets: OffsetMap::verbatim(0, text.len()),
            content_hash: self.ds.articles.len() as u64,
        });
        self.ds.articles.len() - 1
    }

    /// A statement quoting `quote` (which must occur in the article's text), as a new
    /// event unless `event` is given.
    #[expect(
        clippy::too_many_arguments,
        reason = "a test builder: every field is a knob"
    )]
    pub fn statement(
        &mut self,
        article: ArticleIdx,
        quote: &str,
        speaker: SpeakerIdx,
        conflict: Option<ConflictIdx>,
        date: DateValue,
        kind: Kind,
        event: Option<EventId>,
    ) -> StatementIdx {
        let start = self.ds.articles[article]
            .text
            .find(quote)
            .expect("quote in article");
        let event = event.unwrap_or_else(|| {
            self.next_event += 1;
            self.next_event + 1000
        });
        self.ds.statements.push(Statement {
            article,
            span: start..start + quote.len(),
            speaker,
            role: None,
            conflict,
            date: StatementDate {
                value: date,
                basis: "fixture".to_owned(),
            },
            kind,
            event,
        });
        self.ds.statements.len() - 1
    }

    pub fn build(self) -> Dataset {
        self.ds
    }
}

/// Two officials, two conflicts, one institution, spread over three months, with one
/// event reported by two outlets, two statements on one day in one lane, one month-dated
/// and one undated statement.
pub fn small() -> Dataset {
    let mut f = Fixture::default();
    let peskov = f.speaker("Dmitry Peskov", false);
    let lavrov = f.speaker("Sergei Lavrov", false);
    let kremlin = f.speaker("Kremlin", true);
    let iran = f.conflict("Israel–Iran war");
    let ukraine = f.conflict("Russia–Ukraine war");
    let a = f.article(
        "Kremlin on the ceasefire",
        Some("TASS"),
        "Peskov said the ceasefire is welcome. Peskov said talks go on. \
         Lavrov said Kyiv must negotiate. The Kremlin said nothing new.",
    );
    let b = f.article(
        "Moscow reacts",
        Some("Reuters"),
        "Peskov said the ceasefire is welcome, according to the Kremlin. \
         Lavrov earlier said the West is to blame.",
    );
    f.statement(
        a,
        "the ceasefire is welcome",
        peskov,
        Some(iran),
        on("2025-06-24"),
        Kind::Reported,
        Some(1),
    );
    f.statement(
        b,
        "the ceasefire is welcome",
        peskov,
        Some(iran),
        on("2025-06-24"),
        Kind::Reported,
        Some(1),
    );
    f.statement(
        a,
        "talks go on",
        peskov,
        Some(iran),
        on("2025-06-24"),
        Kind::Direct,
        Some(2),
    );
    f.statement(
        a,
        "Kyiv must negotiate",
        lavrov,
        Some(ukraine),
        on("2025-04-04"),
        Kind::Direct,
        Some(3),
    );
    f.statement(
        a,
        "nothing new",
        kremlin,
        Some(ukraine),
        DateValue::month(2025, 5),
        Kind::Reported,
        Some(4),
    );
    f.statement(
        b,
        "the West is to blame",
        lavrov,
        None,
        DateValue::Unknown,
        Kind::Reported,
        Some(5),
    );
    f.build()
}
