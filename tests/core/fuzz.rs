//! Properties over any input: text and bytes read as a `.txt` file and extracted with
//! the bundled knowledge never panic, and every statement's span is a char-boundary
//! range of its article's text that maps back inside the file's bytes; time
//! expressions are found and resolved without panicking for any text and any dates; the
//! project-file reader turns any bytes into a project or an error, never a panic.
//!
//! Inputs mix arbitrary characters and bytes with the fragments the extractor reacts
//! to (quote marks, speech verbs, dates, gazetteer names, titles, newlines), so the
//! interesting paths are reached, not only the tokenizer. 256 cases each by default
//! (`PROPTEST_CASES` overrides).

use std::path::Path;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use statement_timeline::extract::{self, dates, knowledge::Knowledge, tokens};
use statement_timeline::ingest::read_article_file;
use statement_timeline::project::{ParseError, Project};

static KNOWLEDGE: LazyLock<Knowledge> =
    LazyLock::new(|| Knowledge::load(None).expect("the bundled knowledge loads"));

/// Pieces of news text the extractor reacts to.
const FRAGMENTS: &[&str] = &[
    // Quote marks and apostrophes, paired and not.
    "\u{201c}",
    "\u{201d}",
    "\"",
    "\u{ab}",
    "\u{bb}",
    "'",
    "\u{2019}",
    "\u{2018}",
    "\u{201e}",
    "\u{201c}We will not give up,\u{201d} he said.",
    "\"It is over,\" she told reporters. \"",
    "\u{ab}Nous verrons\u{bb}, a-t-il dit.",
    "Russia's",
    "Ukraine\u{2019}s",
    // Speech.
    "said",
    "said on Tuesday that",
    "told reporters",
    "according to him,",
    "according to her",
    "he said.",
    "she added.",
    "warned",
    "replied:",
    "the spokesman said",
    "the Russian diplomat specified.",
    "officials said",
    "Earlier,",
    "However,",
    // Dates and times.
    "on Tuesday",
    "on Sunday evening",
    "yesterday",
    "the day before",
    "the same day",
    "last week",
    "last month",
    "in late October",
    "in mid-March",
    "the end of May",
    "on March 13",
    "March 13, 2025",
    "13 March 2025",
    "on the 24th",
    "2025-06-24",
    "2025-02-30",
    "in 2024",
    "Published: June 24, 2025",
    "Updated on 31 Dec 1999",
    "MOSCOW, March 14 (Reuters) -",
    "Feb. 29",
    "Sept",
    "0th",
    "99th",
    // People, titles, institutions, places.
    "Sergei Lavrov",
    "Lavrov",
    "Kremlin spokesman Dmitry Peskov",
    "Peskov",
    "Maria Zakharova",
    "President Volodymyr Zelensky",
    "Donald Trump",
    "Xi Jinping",
    "Kim Jong Un",
    "Kim",
    "Ant\u{f3}nio Guterres",
    "St\u{e9}phane Dujarric",
    "Ursula von der Leyen",
    "Foreign Minister",
    "Defence Minister",
    "the Kremlin",
    "the Foreign Ministry",
    "NATO",
    "Hamas",
    "the former",
    "the latter",
    "Moscow",
    "Kyiv",
    "Gaza",
    "Khan Younis",
    "Donbas",
    "Kashmir",
    "Beirut",
    "El Fasher",
    "Taiwan",
    "ceasefire",
    "trade",
    "Reuters",
    // Layout, boilerplate, odd characters.
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    ".",
    ",",
    ":",
    ";",
    "-",
    "\u{2014}",
    "\u{2013}",
    "(",
    ")",
    "Photo: AP Photo/Someone",
    "REUTERS/Maxim Shemetov",
    "Reporting by Anna Smith; Editing by John Doe",
    "Subscribe to our newsletter",
    "Headline Says Talks Stall\n",
    "TT\n",
    "U.S.",
    "al-Sharaa",
    "\u{fffd}",
    "\u{feff}",
    "\u{200b}",
    "\u{301}",
    "\u{130}",
    "\u{df}",
    "\u{1f600}",
    "\u{5d0}\u{5d1}",
    "\u{41f}\u{443}\u{442}\u{438}\u{43d}",
];

/// A string of fragments and arbitrary characters, spaced or not.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{1,8}",
        1 => "[0-9]{1,4}(st|nd|rd|th)?",
    ];
    let sep = prop_oneof![
        6 => Just(" "),
        1 => Just(""),
        1 => Just("\n"),
        1 => Just(", "),
        1 => Just(". "),
    ];
    proptest::collection::vec((piece, sep), 0..120).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, s)| [p, s.to_string()])
            .collect()
    })
}

/// Any text: fully arbitrary, or news-like.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => "\\PC{0,400}",
        1 => any::<String>(),
        4 => newsy_text(),
    ]
}

/// Any bytes: fully arbitrary, or news-like text with arbitrary bytes spliced in.
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..1000),
        2 => (
            newsy_text(),
            proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        )
            .prop_map(|(text, inserts)| {
                let mut bytes = text.into_bytes();
                for (at, b) in inserts {
                    let at = at.index(bytes.len() + 1);
                    bytes.insert(at, b);
                }
                bytes
            }),
    ]
}

/// Reads `bytes` as a `.txt` file, extracts, and checks every statement's span.
/// Returns the speakers of the statements, in order.
fn check_extraction(bytes: &[u8]) -> Vec<String> {
    let root = Path::new("corpus");
    let path = root.join("fuzz.txt");
    let (articles, _problems) = read_article_file(root, &path, bytes, None);
    for a in &articles {
        for r in &a.paragraphs {
            assert!(
                r.start <= r.end && r.end <= a.text.len(),
                "paragraph {r:?} outside a text of {} bytes",
                a.text.len()
            );
            assert!(a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end));
        }
    }
    let extraction = extract::extract(&articles, &KNOWLEDGE);
    for s in &extraction.statements {
        let a = articles
            .get(s.article)
            .unwrap_or_else(|| panic!("statement of article {} of {}", s.article, articles.len()));
        let span = &s.span;
        assert!(span.start <= span.end, "span {span:?} is reversed");
        assert!(
            span.end <= a.text.len(),
            "span {span:?} outside a text of {} bytes",
            a.text.len()
        );
        assert!(
            a.text.is_char_boundary(span.start) && a.text.is_char_boundary(span.end),
            "span {span:?} cuts a character of {:?}",
            a.text
        );
        let file = a.offsets.range_to_file(span);
        assert!(
            file.start <= file.end && file.end <= bytes.len(),
            "span {span:?} maps to {file:?}, outside a file of {} bytes",
            bytes.len()
        );
        assert!(
            s.speaker < extraction.speakers.len(),
            "speaker {} of {}",
            s.speaker,
            extraction.speakers.len()
        );
    }
    extraction
        .statements
        .iter()
        .map(|s| extraction.speakers[s.speaker].name.clone())
        .collect()
}

/// Publication dates: mostly recent ones, any four-digit year (what ingest reads), and
/// the very edges of chrono's calendar.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let day_of = |days: i32| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default();
    let written_years = NaiveDate::from_ymd_opt(0, 1, 1)
        .unwrap_or_default()
        .num_days_from_ce()
        ..=NaiveDate::from_ymd_opt(9999, 12, 31)
            .unwrap_or_default()
            .num_days_from_ce();
    let news_years = NaiveDate::from_ymd_opt(1990, 1, 1)
        .unwrap_or_default()
        .num_days_from_ce()
        ..=NaiveDate::from_ymd_opt(2030, 12, 31)
            .unwrap_or_default()
            .num_days_from_ce();
    prop_oneof![
        3 => news_years.prop_map(day_of),
        1 => written_years.prop_map(day_of),
        1 => prop_oneof![Just(NaiveDate::MIN), Just(NaiveDate::MAX)],
    ]
}

/// Every name and alias of the bundled gazetteer, in a lead sentence and a quote's
/// attribution, extracts without panicking, both statements attributed to its speaker.
#[test]
fn every_gazetteer_name_extracts_and_is_attributed() {
    let mut panics = Vec::new();
    let mut misattributed = Vec::new();
    for speaker in &KNOWLEDGE.gazetteer.speakers {
        for name in std::iter::once(&speaker.name).chain(&speaker.aliases) {
            let text = format!(
                "Published: June 24, 2025\n\
                 {name} said on Tuesday that the talks in Kyiv would go on.\n\
                 \u{201c}We are ready,\u{201d} {name} told reporters.\n"
            );
            match std::panic::catch_unwind(|| check_extraction(text.as_bytes())) {
                Err(_) => panics.push(name.clone()),
                Ok(speakers) if speakers != [speaker.name.as_str(); 2] => {
                    misattributed.push(format!("{name}: {speakers:?}"));
                }
                Ok(_) => {}
            }
        }
    }
    assert!(panics.is_empty(), "extraction panics on {panics:?}");
    assert!(misattributed.is_empty(), "misattributed: {misattributed:?}");
}

proptest! {
    #[test]
    fn any_text_read_and_extracted_keeps_spans_inside(text in any_text()) {
        check_extraction(text.as_bytes());
    }

    #[test]
    fn any_bytes_read_and_extracted_keep_spans_inside(bytes in any_bytes()) {
        check_extraction(&bytes);
    }

    #[test]
    fn time_expressions_resolve_for_any_text_and_dates(
        text in any_text(),
        published in proptest::option::of(any_date()),
        focus in proptest::option::of(any_date()),
    ) {
        let toks = tokens::tokenize(&text);
        let found = dates::find_time_exprs(&text, &toks);
        let mut end = 0;
        for e in &found {
            prop_assert!(e.toks.start < e.toks.end && e.toks.end <= toks.len(), "{e:?}");
            prop_assert!(e.toks.start >= end, "overlapping time expressions: {found:?}");
            end = e.toks.end;
            let value = dates::resolve(e.kind, published, focus);
            if let Some((first, last)) = value.bounds() {
                prop_assert!(first <= last, "{value:?}");
            }
            let _ = value.export();
        }
    }

    #[test]
    fn any_bytes_read_as_a_project_give_a_project_or_an_error(bytes in project_bytes()) {
        match Project::parse(&bytes) {
            Ok(project) => {
                // What was read writes back to the same project.
                let again = Project::parse(project.to_json().as_bytes());
                prop_assert_eq!(again, Ok(project));
            }
            Err(ParseError::Damaged(message)) => prop_assert!(!message.is_empty()),
            Err(ParseError::NotAProject | ParseError::Newer(_)) => {}
        }
    }
}

/// Bytes around a project file: valid ones cut, spliced and garbled, and JSON values
/// in the places a project has them.
fn project_bytes() -> impl Strategy<Value = Vec<u8>> {
    let valid = r#"{"format": "statement-timeline-project", "version": 1, "corpus": "/c",
"edits": [{"edit": "set_speaker", "statement": "00000000000000ab:1-9", "speaker": "A B"},
{"edit": "set_date", "statement": "00000000000000ab:1-9", "date": {"precision": "month", "year": 2025, "month": 3}},
{"edit": "merge", "statements": ["00000000000000ab:1-9", "00000000000000cd:0-2"]},
{"edit": "set_published", "article": "00000000000000ab", "date": "2025-01-31"}],
"view": {"query": "x", "lanes": "Flat", "zoom": [1.0, 2.0]}}"#;
    let fragments = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "1",
        "-1",
        "1e999",
        "\"version\"",
        "\"format\"",
        "\"statement-timeline-project\"",
        "\"edits\"",
        "\"edit\"",
        "\"set_kind\"",
        "\"kind\"",
        "\"direct\"",
        "\"statement\"",
        "\"ff:1-2\"",
        "\"00000000000000ab:9-1\"",
        "\"date\"",
        "\"2025-02-30\"",
        "\u{fffd}",
        "\\u0000",
    ]);
    prop_oneof![
        (0..valid.len()).prop_map(move |cut| valid.as_bytes()[..cut].to_vec()),
        (0..valid.len(), prop::collection::vec(any::<u8>(), 0..8)).prop_map(move |(at, junk)| {
            let mut b = valid.as_bytes().to_vec();
            let at = at.min(b.len());
            b.splice(at..at, junk);
            b
        }),
        prop::collection::vec(fragments, 0..40).prop_map(|parts| parts.concat().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..64),
    ]
}
