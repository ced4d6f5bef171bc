//! The filtered events as a deck of slides, one per event in time order: what the
//! presentation shows on screen and what the slide export renders, so both show the
//! same slides in the same order.

use crate::model::{Dataset, Kind, Precision, StatementIdx};

use super::layout::Place;
use super::{Item, LaneMode, LayoutOptions, Swatch, TimelineLayout, format_date, padded_extent};

/// One slide per dated event of a filtered set of statements. Undated events are left
/// out: a slide stands at its place in time.
#[derive(Debug, Clone, Default)]
pub struct Deck {
    /// One lane, one item per event: the items are the slides.
    layout: TimelineLayout,
    /// Days the strip of events spans: all of them, with a margin.
    pub span: (f64, f64),
}

/// How a slide's event shows on the strip of another slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Shown already: an earlier slide.
    Past,
    Current,
    /// Still to come: a later slide.
    Coming,
}

/// What one slide says, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub speaker: String,
    /// The office held when the statement was made, as the article or the gazetteer
    /// gives it.
    pub role: Option<String>,
    /// The statement's words, with runs of white space made single spaces.
    pub quote: String,
    pub kind: Kind,
    /// As precise as it is known: "24 Jun 2025", "Jun 2025", "21–31 Oct 2024".
    pub date: String,
    pub precision: Precision,
    pub conflict: Option<String>,
    pub swatch: Swatch,
    /// Outlets reporting the event, in the order their reports come; an article without
    /// an outlet is named by its title, in quotes, else by its file.
    pub outlets: Vec<String>,
}

impl Card {
    /// "Russian Foreign Minister · 24 Jun 2025 · direct quote": the line under the name.
    pub fn detail_line(&self) -> String {
        let kind = match self.kind {
            Kind::Direct => "direct quote",
            Kind::Reported => "reported speech",
        };
        [self.role.as_deref(), Some(&self.date), Some(kind)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// "Sources: TASS, Reuters".
    pub fn sources_line(&self) -> String {
        let noun = if self.outlets.len() == 1 {
            "Source"
        } else {
            "Sources"
        };
        format!("{noun}: {}", self.outlets.join(", "))
    }
}

impl Deck {
    /// The deck of `shown` (statements as [`Filter::apply`](super::Filter::apply)
    /// returns them).
    pub fn build(ds: &Dataset, shown: &[StatementIdx]) -> Self {
        let layout = TimelineLayout::build(
            ds,
            shown,
            &LayoutOptions {
                mode: LaneMode::Flat,
                max_stack: 1,
            },
        );
        let span = padded_extent(layout.extent);
        Self { layout, span }
    }

    /// The slides' events, in time order.
    pub fn slides(&self) -> &[Item] {
        &self.layout.items
    }

    pub fn len(&self) -> usize {
        self.layout.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.layout.items.is_empty()
    }

    /// Statements that passed the filter but have no slide, being undated.
    pub fn undated(&self) -> usize {
        self.layout.undated.iter().map(Item::statement_count).sum()
    }

    /// The slide showing `statement`'s event.
    pub fn slide_of(&self, statement: StatementIdx) -> Option<usize> {
        match self.layout.place_of(statement)? {
            Place::Dated(i) => Some(i),
            Place::Undated(_) => None,
        }
    }

    /// How slide `i`'s event shows while slide `current` is on.
    pub fn stage(current: usize, i: usize) -> Stage {
        match i.cmp(&current) {
            std::cmp::Ordering::Less => Stage::Past,
            std::cmp::Ordering::Equal => Stage::Current,
            std::cmp::Ordering::Greater => Stage::Coming,
        }
    }

    /// What slide `i` says.
    pub fn card(&self, ds: &Dataset, i: usize) -> Option<Card> {
        let item = self.layout.items.get(i)?;
        let st = ds.statements.get(item.representative())?;
        let speaker = ds.speakers.get(st.speaker);
        let first_day = st.date.value.bounds().map(|(first, _)| first);
        let role = st.role.clone().or_else(|| {
            speaker
                .and_then(|sp| sp.role_on(first_day))
                .map(str::to_owned)
        });
        let mut outlets: Vec<String> = Vec::new();
        for &s in self.layout.statements(item) {
            let Some(article) = ds
                .statements
                .get(s)
                .and_then(|s| ds.articles.get(s.article))
            else {
                continue;
            };
            let name = match (&article.outlet, &article.title) {
                (Some(outlet), _) => outlet.clone(),
                (None, Some(title)) => format!("“{title}”"),
                (None, None) => article.file.clone(),
            };
            if !outlets.contains(&name) {
                outlets.push(name);
            }
        }
        Some(Card {
            speaker: speaker.map_or_else(|| "?".to_owned(), |sp| sp.name.clone()),
            role,
            quote: ds
                .statement_text(st)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            kind: item.kind,
            date: format_date(&st.date.value),
            precision: item.precision,
            conflict: ds.conflict_name(st).map(str::to_owned),
            swatch: item.swatch,
            outlets,
        })
    }

    /// The row of each slide's marker on the strip, so that markers closer than
    /// `min_gap` days stack rather than overprint: each goes to the lowest row whose
    /// last marker is far enough before it; past `max_rows` they share the last row.
    pub fn strip_rows(&self, min_gap: f64, max_rows: u32) -> Vec<u32> {
        let max_rows = max_rows.max(1) as usize;
        let mut row_last: Vec<f64> = Vec::new();
        self.layout
            .items
            .iter()
            .map(|item| {
                let day = item.mid();
                let row = row_last
                    .iter()
                    .position(|&last| day - last >= min_gap)
                    .or_else(|| (row_last.len() < max_rows).then_some(row_last.len()))
                    .unwrap_or(max_rows - 1);
                if row == row_last.len() {
                    row_last.push(day);
                } else {
                    row_last[row] = row_last[row].max(day);
                }
                u32::try_from(row).unwrap_or(u32::MAX)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{self, day};
    use crate::timeline::{Filter, day_number};

    #[test]
    fn one_slide_per_dated_event_in_time_order() {
        let ds = fixture::small();
        let shown = Filter::default().apply(&ds);
        let deck = Deck::build(&ds, &shown);
        // Six statements: five events, one of them undated; the ceasefire is reported
        // twice.
        assert_eq!(deck.len(), 4);
        assert_eq!(deck.undated(), 1);
        let starts: Vec<f64> = deck.slides().iter().map(|s| s.start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        assert_eq!(deck.slides()[0].start, day_number(day("2025-04-04")));
        // Both reports of the ceasefire are on one slide; the undated one on none.
        assert_eq!(deck.slide_of(0), deck.slide_of(1));
        assert!(deck.slide_of(0).is_some());
        assert_eq!(deck.slide_of(5), None);
        let (a, b) = deck.span;
        assert!(a < starts[0] && b > deck.slides()[3].end);
    }

    #[test]
    fn the_deck_follows_the_filter() {
        let ds = fixture::small();
        let peskov = Filter {
            speakers: [0].into(),
            ..Filter::default()
        };
        let deck = Deck::build(&ds, &peskov.apply(&ds));
        assert_eq!(deck.len(), 2);
        assert!(
            deck.slides()
                .iter()
                .flat_map(|s| deck.layout.statements(s))
                .all(|&s| ds.statements[s].speaker == 0)
        );
        let nothing = Filter {
            query: "no such words".into(),
            ..Filter::default()
        };
        assert!(Deck::build(&ds, &nothing.apply(&ds)).is_empty());
    }

    #[test]
    fn earlier_slides_are_past_and_later_ones_to_come() {
        let stages: Vec<Stage> = (0..4).map(|i| Deck::stage(2, i)).collect();
        assert_eq!(
            stages,
            [Stage::Past, Stage::Past, Stage::Current, Stage::Coming]
        );
    }

    #[test]
    fn a_card_names_speaker_date_conflict_and_every_outlet() {
        let ds = fixture::small();
        let deck = Deck::build(&ds, &Filter::default().apply(&ds));
        let ceasefire = deck.slide_of(0).expect("on a slide");
        let card = deck.card(&ds, ceasefire).expect("a card");
        assert_eq!(card.speaker, "Dmitry Peskov");
        assert_eq!(card.quote, "the ceasefire is welcome");
        assert_eq!(card.date, "24 Jun 2025");
        assert_eq!(card.conflict.as_deref(), Some("Israel–Iran war"));
        assert_eq!(card.outlets, ["TASS", "Reuters"]);
        let may = deck.slide_of(4).expect("the month-dated statement");
        let card = deck.card(&ds, may).expect("a card");
        assert_eq!(
            (card.date.as_str(), card.precision),
            ("May 2025", Precision::Month)
        );
        assert_eq!(deck.card(&ds, 9), None);
    }

    #[test]
    fn close_markers_stack_on_the_strip() {
        let ds = fixture::small();
        let deck = Deck::build(&ds, &Filter::default().apply(&ds));
        // 4 Apr, May (mid-month), 24 Jun, 24 Jun: only the two of 24 Jun are close.
        assert_eq!(deck.strip_rows(3.0, 4), [0, 0, 0, 1]);
        assert_eq!(deck.strip_rows(3.0, 1), [0, 0, 0, 0]);
        assert_eq!(deck.strip_rows(400.0, 2), [0, 1, 1, 1]);
    }
}
