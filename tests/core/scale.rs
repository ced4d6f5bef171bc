//! What must hold however large the corpus: the indexed filter gives exactly what a
//! plain reading of the filter's rules gives, the layout stacks and orders items as
//! its rules say, and the density view of a lane counts the same statements its
//! markers would show.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use statement_timeline::model::{
    Article, Conflict, Dataset, DateValue, Kind, OffsetMap, Speaker, Statement, StatementDate,
};
use statement_timeline::timeline::{
    DatasetIndex, DensityIndex, Filter, LaneMode, LayoutOptions, TimelineLayout,
};

const WORDS: &[&str] = &["truce", "convoy", "Border", "talks", "grain", "shelling"];
const OUTLETS: &[Option<&str>] = &[Some("Wire"), Some("Daily"), None];

/// A statement as the strategy draws it: article, speaker, conflict, date, kind, event.
type Row = (usize, usize, Option<usize>, DateValue, bool, u32);

fn date() -> impl Strategy<Value = DateValue> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    prop_oneof![
        6 => (0u64..400).prop_map(move |d| DateValue::Day { date: start + Days::new(d) }),
        1 => (1u32..=12).prop_map(|m| DateValue::month(2024, m)),
        1 => (0u64..300, 1u64..20).prop_map(move |(d, len)| DateValue::Range {
            first: start + Days::new(d),
            last: start + Days::new(d + len),
        }),
        1 => Just(DateValue::Unknown),
    ]
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let articles = prop::collection::vec(
        (
            prop::collection::vec(0..WORDS.len(), 3..8),
            0..OUTLETS.len(),
        ),
        1..6,
    );
    articles.prop_flat_map(|articles| {
        let n = articles.len();
        let rows = prop::collection::vec(
            (
                0..n,
                0usize..4,
                prop::option::of(0usize..3),
                date(),
                any::<bool>(),
                0u32..30,
            ),
            0..60,
        );
        (Just(articles), rows).prop_map(build)
    })
}

fn build((articles, rows): (Vec<(Vec<usize>, usize)>, Vec<Row>)) -> Dataset {
    let mut ds = Dataset {
        speakers: (0..4)
            .map(|i| Speaker {
                name: format!("Official {i}"),
                institutional: i == 3,
                ..Speaker::default()
            })
            .collect(),
        conflicts: (0..3)
            .map(|i| Conflict {
                name: format!("Conflict {i}"),
                ..Conflict::default()
            })
            .collect(),
        ..Dataset::default()
    };
    for (i, (words, outlet)) in articles.iter().enumerate() {
        let text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let text = text.join(" ");
        ds.articles.push(Article {
            file: format!("{i}.txt"),
            title: Some(format!("Report {i}")),
            outlet: OUTLETS[*outlet].map(str::to_owned),
            paragraphs: std::iter::once(0..text.len()).collect(),
            offsets: OffsetMap::verbatim(0, text.len()),
            content_hash: i as u64,
            text,
            ..Article::default()
        });
    }
    for (article, speaker, conflict, value, direct, event) in rows {
        let len = ds.articles[article].text.len();
        ds.statements.push(Statement {
            article,
            span: 0..len,
            speaker,
            role: None,
            conflict,
            date: StatementDate {
                value,
                basis: "drawn".into(),
            },
            kind: if direct { Kind::Direct } else { Kind::Reported },
            event,
        });
    }
    ds
}

fn filter() -> impl Strategy<Value = Filter> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    (
        prop::collection::vec(0..WORDS.len(), 0..3),
        prop::collection::btree_set(0usize..4, 0..3),
        prop::collection::btree_set(prop::option::of(0usize..3), 0..3),
        prop::option::of((0u64..400, 0u64..120)),
        prop::collection::btree_set(0..OUTLETS.len(), 0..3),
        prop::option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(
            move |(words, speakers, conflicts, dates, outlets, kind, hide)| Filter {
                query: words
                    .iter()
                    .map(|&w| WORDS[w].to_uppercase())
                    .collect::<Vec<_>>()
                    .join(" "),
                speakers,
                conflicts,
                dates: dates.map(|(d, len)| (start + Days::new(d), start + Days::new(d + len))),
                outlets: outlets
                    .into_iter()
                    .map(|o| OUTLETS[o].map(str::to_owned))
                    .collect(),
                kind: kind.map(|d| if d { Kind::Direct } else { Kind::Reported }),
                hide_institutional: hide,
                ..Filter::default()
            },
        )
}

/// The filter's rules read plainly, one statement at a time.
fn naive(ds: &Dataset, f: &Filter, i: usize) -> bool {
    let s = &ds.statements[i];
    let article = &ds.articles[s.article];
    let speaker = &ds.speakers[s.speaker];
    let words_ok = f.query.split_whitespace().all(|w| {
        let w = w.to_lowercase();
        ds.statement_text(s).to_lowercase().contains(&w)
            || speaker.name.to_lowercase().contains(&w)
            || article
                .title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(&w))
    });
    let dates_ok = f.dates.is_none_or(|(from, to)| {
        s.date
            .value
            .bounds()
            .is_some_and(|(first, last)| first <= to && from <= last)
    });
    words_ok
        && dates_ok
        && (f.speakers.is_empty() || f.speakers.contains(&s.speaker))
        && (f.conflicts.is_empty() || f.conflicts.contains(&s.conflict))
        && (f.outlets.is_empty() || f.outlets.contains(&article.outlet))
        && f.kind.is_none_or(|k| k == s.kind)
        && !(f.hide_institutional && speaker.institutional)
}

proptest! {
    #[test]
    fn the_indexed_filter_gives_what_a_naive_filter_gives(ds in dataset(), f in filter()) {
        let index = DatasetIndex::build(&ds);
        let shown = f.apply_indexed(&ds, &index);
        let expected: BTreeSet<usize> =
            (0..ds.statements.len()).filter(|&i| naive(&ds, &f, i)).collect();
        prop_assert_eq!(shown.iter().copied().collect::<BTreeSet<_>>(), expected.clone());
        prop_assert_eq!(shown.len(), expected.len(), "each statement once");
        prop_assert_eq!(f.facets(&ds, &index).shown, expected.len());
    }

    #[test]
    fn density_bins_count_the_statements_the_markers_show(
        ds in dataset(),
        f in filter(),
        view in (0.0f64..1.0, 0.0f64..1.0),
        bins in 1usize..300,
    ) {
        let shown = f.apply(&ds);
        let layout = TimelineLayout::build(
            &ds,
            &shown,
            &LayoutOptions { mode: LaneMode::ByConflict, max_stack: 4 },
        );
        let density = DensityIndex::build(&layout);
        prop_assert_eq!(layout.statement_count(), shown.len(), "every statement is in one item");
        let Some((lo, hi)) = layout.extent else {
            prop_assert!(layout.items.is_empty());
            return Ok(());
        };
        let a = lo + (hi - lo) * view.0.min(view.1);
        let b = lo + (hi - lo) * view.0.max(view.1) + 1.0;
        for lane in 0..layout.lanes.len() {
            let markers = layout.lanes[lane]
                .items
                .iter()
                .filter(|&&i| (a..b).contains(&layout.items[i].mid()))
                .count();
            let binned: usize = density.bins(lane, a, b, bins).iter().map(|b| b.count as usize).sum();
            prop_assert_eq!(binned, markers);
            prop_assert_eq!(density.count(lane, a, b), markers);
        }
        prop_assert_eq!(density.total(lo, hi + 1.0), layout.items.len());
    }

    #[test]
    fn items_come_in_time_order_and_stack_without_overlap_below_the_limit(
        ds in dataset(),
        mode in prop::sample::select(LaneMode::ALL.to_vec()),
        max_stack in 1u32..4,
    ) {
        let shown = Filter::default().apply(&ds);
        let layout = TimelineLayout::build(&ds, &shown, &LayoutOptions { mode, max_stack });
        let key = |i: usize| {
            let item = &layout.items[i];
            (item.start, item.lane, item.row)
        };
        for i in 1..layout.items.len() {
            prop_assert!(key(i - 1) <= key(i), "time order: {:?} then {:?}", key(i - 1), key(i));
        }
        let mut top = 0;
        for (l, lane) in layout.lanes.iter().enumerate() {
            prop_assert_eq!(lane.top, top);
            top += lane.rows;
            prop_assert!(lane.rows >= 1 && lane.rows <= max_stack);
            prop_assert!(lane.items.windows(2).all(|w| w[0] < w[1]));
            for &i in &lane.items {
                let item = &layout.items[i];
                prop_assert_eq!(item.lane, l);
                prop_assert!(item.row < lane.rows);
                prop_assert!(item.end - item.start <= lane.longest);
            }
            // Items share a row only where they do not overlap, but for the last row the
            // limit allows.
            for (n, &i) in lane.items.iter().enumerate() {
                let a = &layout.items[i];
                for &j in &lane.items[n + 1..] {
                    let b = &layout.items[j];
                    if a.row == b.row && a.row + 1 < max_stack {
                        prop_assert!(a.end <= b.start || b.end <= a.start, "{:?} overlaps {:?}", a, b);
                    }
                }
            }
        }
        prop_assert_eq!(layout.rows, top);
        let in_lanes: usize = layout.lanes.iter().map(|l| l.items.len()).sum();
        prop_assert_eq!(in_lanes, layout.items.len());
    }
}
