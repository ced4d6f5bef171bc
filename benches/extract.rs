//! Throughput of extraction over a synthetic corpus of news articles.
//!
//! The corpus is generated in memory by a small seeded generator (no files, the same
//! bytes on every run): plain-text articles with a headline, a publication line, photo
//! captions, a dateline lead ("X said on Tuesday that …"), direct quotes ("…," he
//! said.), reported speech ("according to him"), background paragraphs and the
//! boilerplate of wire copy, naming officials of several countries and the places of
//! several conflicts. The articles are read with `ingest::read_article_file`, so one
//! benchmark can include that cost and the others leave it out.
//!
//! Benchmarks (throughput in bytes of article text, so criterion reports MB/s):
//! - `extract/all_cores`: `extract::extract` in rayon's default pool;
//! - `extract/one_core`: the same inside a one-thread pool;
//! - `extract/ingest_and_extract`: `read_article_file` on every file, then extraction.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use statement_timeline::extract::{self, knowledge::Knowledge};
use statement_timeline::ingest::read_article_file;
use statement_timeline::model::Article;

/// Articles in the corpus.
const ARTICLES: usize = 1200;
const SEED: u64 = 0x5eed_2025_0624;

/// SplitMix64: small, fast and deterministic; good enough to pick words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // n is tiny; the modulo bias does not matter here.
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// An official as articles name them.
struct Official {
    name: &'static str,
    surname: &'static str,
    /// The title newspapers put before the name.
    title: &'static str,
    /// "the Russian diplomat": a descriptor used for a later mention.
    descriptor: &'static str,
    /// "he" or "she".
    pronoun: &'static str,
    /// Where they usually speak.
    city: &'static str,
}

const fn official(
    name: &'static str,
    surname: &'static str,
    title: &'static str,
    descriptor: &'static str,
    pronoun: &'static str,
    city: &'static str,
) -> Official {
    Official {
        name,
        surname,
        title,
        descriptor,
        pronoun,
        city,
    }
}

/// Mostly officials of the default gazetteer, and a few it does not know, so both kinds
/// of speaker are resolved.
#[rustfmt::skip]
const OFFICIALS: &[Official] = &[
    official("Sergei Lavrov", "Lavrov", "Russian Foreign Minister", "the Russian diplomat", "he", "MOSCOW"),
    official("Dmitry Peskov", "Peskov", "Kremlin spokesman", "the Kremlin spokesman", "he", "MOSCOW"),
    official("Maria Zakharova", "Zakharova", "Foreign Ministry spokeswoman", "the spokeswoman", "she", "MOSCOW"),
    official("Volodymyr Zelensky", "Zelensky", "Ukrainian President", "the Ukrainian leader", "he", "KYIV"),
    official("Andrii Sybiha", "Sybiha", "Ukrainian Foreign Minister", "the Ukrainian minister", "he", "KYIV"),
    official("Donald Trump", "Trump", "U.S. President", "the U.S. president", "he", "WASHINGTON"),
    official("Karoline Leavitt", "Leavitt", "White House press secretary", "the press secretary", "she", "WASHINGTON"),
    official("Mark Rutte", "Rutte", "NATO Secretary General", "the NATO chief", "he", "BRUSSELS"),
    official("Kaja Kallas", "Kallas", "EU foreign policy chief", "the EU's top diplomat", "she", "BRUSSELS"),
official("António Guterres", "Guterres", "UN Secretary-General", "the UN chief", "he", "NEW YORK"),
    official("Stéphane Dujarric", "Dujarric", "UN spokesman", "the spokesman", "he", "NEW YORK"),
    official("Wang Yi", "Wang", "Chinese Foreign Minister", "the Chinese minister", "he", "BEIJING"),
    official("Lin Jian", "Lin", "Chinese foreign ministry spokesperson", "the spokesperson", "he", "BEIJING"),
    official("Lai Ching-te", "Lai", "Taiwanese President", "the Taiwanese leader", "he", "TAIPEI"),
    official("Ishaq Dar", "Dar", "Pakistani Foreign Minister", "the Pakistani minister", "he", "ISLAMABAD"),
    official("Randhir Jaiswal", "Jaiswal", "Indian foreign ministry spokesperson", "the Indian spokesperson", "he", "NEW DELHI"),
    official("Rafael Grossi", "Grossi", "IAEA Director General", "the IAEA chief", "he", "VIENNA"),
    official("Zabihullah Mujahid", "Mujahid", "Taliban spokesman", "the Taliban spokesman", "he", "KABUL"),
    // Not in the gazetteer.
    official("Marta Okonkwo", "Okonkwo", "Deputy Foreign Minister", "the deputy minister", "she", "GENEVA"),
    official("Pieter van Dalen", "van Dalen", "Defence Minister", "the minister", "he", "THE HAGUE"),
    official("Hamid Rezaei", "Rezaei", "Interior Minister", "the minister", "he", "DOHA"),
];

/// A conflict as articles write about it: its places and its subjects.
struct Theatre {
    places: &'static [&'static str],
    subjects: &'static [&'static str],
}

const THEATRES: &[Theatre] = &[
    Theatre {
        places: &[
            "Kyiv",
            "Kharkiv",
            "Zaporizhzhia",
            "Donetsk",
            "Odesa",
            "the Donbas",
            "Kursk",
        ],
        subjects: &[
            "the ceasefire proposal",
            "the prisoner exchange",
            "the peace plan",
            "the drone attacks",
            "the front line",
        ],
    },
    Theatre {
        places: &[
            "Gaza",
            "Rafah",
            "Khan Younis",
            "the Gaza Strip",
            "Deir al-Balah",
        ],
        subjects: &[
            "the hostage deal",
            "the humanitarian corridor",
            "aid deliveries",
            "the truce talks in Cairo",
        ],
    },
    Theatre {
        places: &["Beirut", "southern Lebanon", "Tyre", "Nabatieh"],
        subjects: &[
            "the border strikes",
            "the withdrawal deadline",
            "the UNIFIL mandate",
        ],
    },
    Theatre {
        places: &["Khartoum", "El Fasher", "Darfur", "Omdurman"],
        subjects: &["the siege", "the famine warnings", "the talks in Jeddah"],
    },
    Theatre {
        places: &["Kashmir", "Srinagar", "Muzaffarabad", "Poonch"],
        subjects: &[
            "the Line of Control",
            "the shelling",
            "the Indus Waters Treaty",
        ],
    },
    Theatre {
        places: &["Taipei", "Kinmen", "Taiwan", "Penghu"],
        subjects: &["the military drills", "the Strait patrols", "arms sales"],
    },
    Theatre {
        places: &["Goma", "Bukavu", "North Kivu", "eastern Congo"],
        subjects: &["the M23 advance", "the Doha framework", "the mineral deal"],
    },
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const TIMES: &[&str] = &[
    "on Tuesday",
    "on Monday",
    "on Friday",
    "earlier this week",
    "the day before",
    "last month",
    "in late October",
    "on March 13",
    "yesterday",
    "on Sunday evening",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "told reporters",
    "stressed",
    "warned",
    "added",
    "noted",
    "insisted",
    "wrote on Telegram",
];
const VENUES: &[&str] = &[
    "at a press conference",
    "at a briefing",
    "in an interview with state television",
    "during a visit to the region",
    "in a statement",
    "after talks with his counterpart",
];
const CLAIMS: &[&str] = &[
    "there can be no lasting settlement without security guarantees",
    "the talks had made little progress",
    "the sides had agreed to continue contacts at expert level",
    "the attacks were a gross violation of international law",
    "the proposal deserved careful study",
    "any agreement must be verified on the ground",
    "the door to negotiations remained open",
    "civilians were paying the highest price",
];
const QUOTES: &[&str] = &[
    "We are ready to talk, but not at any price",
    "This is a dangerous escalation and it must stop immediately",
    "Nobody wants this war to drag on for years",
    "We will not accept ultimatums from anyone",
    "The situation on the ground remains extremely difficult",
    "There is no military solution to this conflict",
    "Our position has not changed and it will not change",
    "We expect concrete steps, not just words",
];
const BACKGROUND: &[&str] = &[
    "The fighting has displaced hundreds of thousands of people since it began.",
    "Previous rounds of talks ended without a breakthrough.",
    "Diplomats say the gap between the two sides remains wide.",
    "The United Nations has repeatedly called for an immediate cessation of hostilities.",
    "Analysts say the latest proposal is unlikely to be accepted in its current form.",
];
const BOILERPLATE: &[&str] = &[
    "Reporting by Anna Smith; Editing by John Doe",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Subscribe to our newsletter for the latest updates.",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "Follow us on Twitter and Facebook.",
    "Advertisement",
];
const AGENCIES: &[&str] = &[
    "REUTERS/Maxim Shemetov",
    "AP Photo/Efrem Lukatsky",
    "AFP via Getty Images",
    "Courtesy of the press service",
];

/// One synthetic article file, as plain text.
fn article_text(rng: &mut Rng, n: usize) -> String {
    let theatre = rng.pick(THEATRES);
    let a = rng.pick(OFFICIALS);
    let mut b = rng.pick(OFFICIALS);
    if std::ptr::eq(a, b) {
        b = &OFFICIALS[(n + 1) % OFFICIALS.len()];
    }
    let place = *rng.pick(theatre.places);
    let subject = *rng.pick(theatre.subjects);
    let month = rng.below(12);
    let day = 1 + rng.below(28);
    let year = 2023 + rng.below(3);
    let weekday = *rng.pick(WEEKDAYS);

    let mut out = String::with_capacity(4096);
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    // Headline, publication line, captions.
    line(&format!(
        "{} Says {} Over {} No. {n}",
        a.surname,
        rng.pick(&[
            "Talks Stall",
            "Strikes Must Stop",
            "Deal Still Possible",
            "Pressure Grows"
        ]),
        place
    ));
    line(&format!("Published: {} {day}, {year}", MONTHS[month]));
    if rng.chance(70) {
        line(&format!(
            "{} speaks during a news conference in {}, {} {}, {year}. {}",
            a.name,
            a.city,
            MONTHS[(month + 11) % 12],
            1 + rng.below(28),
            rng.pick(AGENCIES)
        ));
    }
    // The lead.
    line(&format!(
        "{}, {} {day} (Reuters) - {} {} said on {weekday} that {} in {place}, and that {subject} {}.",
        a.city,
        &MONTHS[month][..3],
        a.title,
        a.name,
        rng.pick(CLAIMS),
        rng.pick(&[
            "would be discussed next week",
            "was still on the table",
            "had been postponed"
        ]),
    ));
    let paragraphs = 8 + rng.below(8);
    for p in 0..paragraphs {
        let current = if p % 3 == 2 { b } else { a };
        match rng.below(9) {
            0 => line(&format!(
                "\u{201c}{}. {},\u{201d} {} {} {}.",
                rng.pick(QUOTES),
                rng.pick(QUOTES),
                current.surname,
                rng.pick(SPEECH_VERBS),
                rng.pick(VENUES)
            )),
            1 => line(&format!(
                "\"{} in {place},\" {} said. \"{}.\"",
                rng.pick(QUOTES),
                current.pronoun,
                rng.pick(QUOTES)
            )),
            2 => line(&format!(
                "According to {}, {} and {subject} {}.",
                if current.pronoun == "she" {
                    "her"
                } else {
                    "him"
                },
                rng.pick(CLAIMS),
                rng.pick(&[
                    "should be revisited",
                    "was a matter for the negotiators",
                    "had not been agreed"
                ])
            )),
            3 => line(&format!(
                "{} {} {} {} {} that {} in {place}.",
                b.title,
                b.name,
                rng.pick(SPEECH_VERBS),
                rng.pick(TIMES),
                rng.pick(VENUES),
                rng.pick(CLAIMS)
            )),
            4 => line(&format!(
                "{} {}, however, that {}. \u{ab}{}\u{bb}, {} added.",
                current.descriptor.replacen('t', "T", 1),
                rng.pick(&["said", "stressed", "noted"]),
                rng.pick(CLAIMS),
                rng.pick(QUOTES),
                current.surname
            )),
            5 => line(rng.pick::<&str>(BACKGROUND)),
            6 => line(&format!(
                "Earlier, {} had said {} that {} in {place} \"{}.\"",
                current.surname,
                rng.pick(TIMES),
                subject,
                rng.pick(&["was not negotiable", "was a red line", "could wait"])
            )),
            7 => line(&format!(
                "Asked about {subject}, {} replied: \u{201c}{}. We have said it many times.\u{201d}",
                current.surname,
                rng.pick(QUOTES)
            )),
            _ => line(&format!(
                "The {} {} on {} {} that {} people were killed in {place}, a claim that could not be independently verified.",
                rng.pick(&["ministry", "army", "local governor", "health authority"]),
                rng.pick(&["said", "reported"]),
                rng.pick(WEEKDAYS),
                rng.pick(&["evening", "morning"]),
                2 + rng.below(40)
            )),
        }
        if rng.chance(8) {
            line(&format!(
                "Residents walk past a damaged building in {place}, {} {}, {year}. {}",
                MONTHS[month],
                day,
                rng.pick(AGENCIES)
            ));
        }
    }
    for _ in 0..1 + rng.below(3) {
        line(rng.pick::<&str>(BOILERPLATE));
    }
    out
}

/// The synthetic corpus: one `.txt` file per article, named as a corpus folder would.
fn corpus_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut rng = Rng(SEED);
    (0..ARTICLES)
        .map(|n| {
            let path = PathBuf::from(format!("corpus/{n:05}.txt"));
            (path, article_text(&mut rng, n).into_bytes())
        })
        .collect()
}

fn ingest(files: &[(PathBuf, Vec<u8>)]) -> Vec<Article> {
    let root = Path::new("corpus");
    let per_file: Vec<Vec<Article>> = files
        .par_iter()
        .map(|(path, bytes)| read_article_file(root, path, bytes, None).0)
        .collect();
    per_file.into_iter().flatten().collect()
}

fn bench_extract(c: &mut Criterion) {
    let knowledge = Knowledge::load(None).expect("bundled knowledge loads");
    let files = corpus_files();
    let file_bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let articles = ingest(&files);
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let statements = extract::extract(&articles, &knowledge).statements.len();
    eprintln!(
        "synthetic corpus: {} files, {file_bytes} bytes; {} articles, {text_bytes} bytes of text; {statements} statements",
        files.len(),
        articles.len(),
    );
    assert!(
        articles.len() >= 1000,
        "the corpus has {} articles",
        articles.len()
    );
    assert!(statements > articles.len(), "only {statements} statements");

    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("all_cores", |b| {
        b.iter(|| extract::extract(black_box(&articles), &knowledge));
    });
    group.bench_function("one_core", |b| {
        b.iter(|| one_thread.install(|| extract::extract(black_box(&articles), &knowledge)));
    });
    group.throughput(Throughput::Bytes(file_bytes as u64));
    group.bench_function("ingest_and_extract", |b| {
        b.iter(|| {
            let articles = ingest(black_box(&files));
            extract::extract(&articles, &knowledge)
        });
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
