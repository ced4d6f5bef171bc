//! A synthetic corpus of any size, for scale tests and benchmarks: wire copy about the
//! default conflicts, spoken by the default gazetteer's officials (and some it does not
//! know), over seven years, in plain text, Markdown and HTML, with a manifest.
//!
//! Each story (an official's statements on one day) is told by one to three outlets in
//! their own words around the same quotes, so events group across outlets as they do in
//! real copy. Articles have headlines, photo captions, background and boilerplate that
//! extraction must skip. The same seed gives the same bytes on every machine: the
//! random numbers come from a SplitMix64 written here, not a crate whose stream could
//! change with a version bump. Not a substitute for real text in quality tests.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};
use serde_json::json;

use crate::extract::knowledge::{Knowledge, surnames_of};
use crate::ingest::MANIFEST_FILE;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenOptions {
    pub articles: usize,
    pub seed: u64,
}

/// One file of the corpus: its path relative to the corpus folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What a generation wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenSummary {
    /// Article files, the manifest not counted.
    pub files: usize,
    pub bytes: u64,
}

/// Why a corpus could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Generates the corpus into `out` (created if needed): the article files in folders
/// per year and month, then `manifest.json`.
pub fn write_corpus(opts: GenOptions, out: &Path) -> Result<GenSummary, GenError> {
    let mut summary = GenSummary::default();
    let write = |file: &GeneratedFile| -> Result<(), GenError> {
        let path = out.join(&file.path);
        let fail = |source| GenError::Write {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        std::fs::write(&path, &file.bytes).map_err(fail)?;
        Ok(())
    };
    let manifest = generate(opts, |file| {
        summary.files += 1;
        summary.bytes += file.bytes.len() as u64;
        write(&file)
    })?;
    write(&manifest)?;
    Ok(summary)
}

/// Generates the corpus in memory: the article files, then `manifest.json`.
pub fn corpus_files(opts: GenOptions) -> Vec<GeneratedFile> {
    let mut files = Vec::with_capacity(opts.articles + 1);
    let manifest = generate(opts, |file| {
        files.push(file);
        Ok::<(), std::convert::Infallible>(())
    });
    match manifest {
        Ok(manifest) => files.push(manifest),
        Err(never) => match never {},
    }
    files
}

/// Hands each article file to `sink` as it is made, and returns the manifest.
fn generate<E>(
    opts: GenOptions,
    mut sink: impl FnMut(GeneratedFile) -> Result<(), E>,
) -> Result<GeneratedFile, E> {
    let cast = Cast::new();
    let mut rng = Rng(opts.seed);
    let mut entries = Vec::with_capacity(opts.articles);
    let mut story_id = 0u64;
    let mut made = 0;
    while made < opts.articles {
        let story = Story::new(&cast, &mut rng, story_id);
        let copies = match rng.below(10) {
            0..=4 => 1,
            5..=8 => 2,
            _ => 3,
        };
        let first_outlet = rng.below(OUTLETS.len());
        for copy in 0..copies {
            if made == opts.articles {
                break;
            }
            let outlet = &OUTLETS[(first_outlet + copy * 5) % OUTLETS.len()];
            let mut article_rng = Rng(opts.seed ^ (made as u64).wrapping_mul(0x9e37_79b9));
            let article = render(&story, outlet, &mut article_rng, made);
            entries.push(json!({
                "file": article.file.path,
                "title": article.title,
                "outlet": outlet.name,
                "url": format!("https://{}/{}/{:06}", outlet.domain, story.date.format("%Y/%m/%d"), made),
                "published": article.published.format("%Y-%m-%d").to_string(),
            }));
            sink(article.file)?;
            made += 1;
        }
        story_id += 1;
    }
    let manifest = serde_json::to_vec_pretty(&json!({ "articles": entries })).unwrap_or_default();
    Ok(GeneratedFile {
        path: MANIFEST_FILE.to_owned(),
        bytes: manifest,
    })
}

/// SplitMix64: tiny, fast, and its stream is fixed by this code alone.
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
        // n is small: the modulo bias does not matter for picking words.
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// An official as copy names them.
#[derive(Debug, Clone)]
struct Official {
    name: String,
    /// What a second mention calls them.
    surname: String,
    /// The office put before the name; the gazetteer's latest, or a made-up one.
    title: String,
    /// "he", "she", or `None` when the gazetteer does not say.
    pronoun: Option<&'static str>,
}

/// A conflict as copy writes about it: the words that tell it apart.
#[derive(Debug, Clone)]
struct Theatre {
    /// Places and keywords of the taxonomy, as written in text.
    places: Vec<String>,
    /// Places fit for a dateline ("KHARKIV"): capitalised single names.
    datelines: Vec<String>,
}

/// Everyone and everything the corpus talks about.
struct Cast {
    officials: Vec<Official>,
    theatres: Vec<Theatre>,
}

impl Cast {
    fn new() -> Self {
        let knowledge = Knowledge::load(None)
            .unwrap_or_else(|e| panic!("the bundled knowledge files are broken: {e}"));
        let mut officials: Vec<Official> = knowledge
            .gazetteer
            .speakers
            .iter()
            .filter(|s| !s.institutional)
            .filter_map(|s| {
                let title = s.roles.last()?.title.clone();
                let surname = surnames_of(&s.name, s.country.as_deref())
                    .into_iter()
                    .next()?;
                let surname = s
                    .name
                    .split_whitespace()
                    .find(|w| w.to_lowercase() == surname)?
                    .to_owned();
                Some(Official {
                    name: s.name.clone(),
                    surname,
                    title,
                    pronoun: s.gender.map(|g| match g {
                        crate::model::Gender::Male => "he",
                        crate::model::Gender::Female => "she",
                    }),
                })
            })
            .collect();
        // People the gazetteer does not know, found from their titles.
        for (i, given) in UNKNOWN_GIVEN.iter().enumerate() {
            for (j, family) in UNKNOWN_FAMILY.iter().enumerate() {
                if (i + j) % 3 != 0 {
                    continue;
                }
                officials.push(Official {
                    name: format!("{given} {family}"),
                    surname: (*family).to_owned(),
                    title: UNKNOWN_TITLES[(i * 7 + j) % UNKNOWN_TITLES.len()].to_owned(),
                    pronoun: None,
                });
            }
        }
        let theatres = knowledge
            .taxonomy
            .conflicts
            .iter()
            .map(|c| {
                let named = if c.places.is_empty() {
                    &c.keywords
                } else {
                    &c.places
                };
                let places: Vec<String> = named
                    .iter()
                    .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
                    .cloned()
                    .collect();
                let datelines = c
                    .places
                    .iter()
                    .filter(|p| {
                        !p.contains(' ') && p.chars().next().is_some_and(char::is_uppercase)
                    })
                    .map(|p| p.to_uppercase())
                    .collect();
                Theatre { places, datelines }
            })
            .filter(|t| !t.places.is_empty())
            .collect();
        Self {
            officials,
            theatres,
        }
    }
}

/// What one official said on one day, and who else spoke: the same in every outlet's
/// article about it.
struct Story<'c> {
    date: NaiveDate,
    theatre: &'c Theatre,
    place: &'c str,
    speaker: &'c Official,
    other: &'c Official,
    /// Reported claims, then direct quotes; the same words in every copy.
    claims: Vec<String>,
    quotes: Vec<String>,
}

impl<'c> Story<'c> {
    fn new(cast: &'c Cast, rng: &mut Rng, number: u64) -> Self {
        let start = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
        let date = start + Days::new(rng.below(7 * 365) as u64);
        let theatre = rng.pick(&cast.theatres);
        let place = rng.pick(&theatre.places).as_str();
        let speaker = rng.pick(&cast.officials);
        let mut other = rng.pick(&cast.officials);
        if other.surname == speaker.surname {
            other = &cast.officials[(number as usize + 1) % cast.officials.len()];
        }
        let claims = (0..6).map(|_| claim(rng, place)).collect();
        let quotes = (0..7).map(|_| quote(rng, place)).collect();
        Self {
            date,
            theatre,
            place,
            speaker,
            other,
            claims,
            quotes,
        }
    }
}

/// A reported claim: "the corridor to Kharkiv must stay open for convoys".
fn claim(rng: &mut Rng, place: &str) -> String {
    format!(
        "{} {} {} {}",
        rng.pick(CLAIM_SUBJECTS).replace("{place}", place),
        rng.pick(CLAIM_VERBS),
        rng.pick(CLAIM_OBJECTS),
        rng.pick(CLAIM_TAILS)
    )
}

/// A direct quote: "We will not hand over the convoys under pressure".
fn quote(rng: &mut Rng, place: &str) -> String {
    format!(
        "{} {} {}",
        rng.pick(QUOTE_OPENERS),
        rng.pick(QUOTE_OBJECTS).replace("{place}", place),
        rng.pick(QUOTE_TAILS)
    )
}

struct Rendered {
    file: GeneratedFile,
    title: String,
    published: NaiveDate,
}

/// One outlet's article about `story`, as a file of the outlet's format.
fn render(story: &Story<'_>, outlet: &Outlet, rng: &mut Rng, n: usize) -> Rendered {
    let a = story.speaker;
    let b = story.other;
    let published = story.date + Days::new(u64::from(rng.chance(30)));
    let weekday = WEEKDAYS[story.date.weekday().num_days_from_monday() as usize];
    let title = format!(
        "{} {} {} {}",
        a.surname,
        rng.pick(HEADLINE_VERBS),
        rng.pick(HEADLINE_OBJECTS),
        story.place
    );
    let month = MONTHS[story.date.month0() as usize];
    let datelines = &story.theatre.datelines;
    let dateline = datelines.get(rng.below(datelines.len()));
    let mut paragraphs: Vec<String> = Vec::new();
    let mut captions: Vec<String> = Vec::new();
    if rng.chance(60) {
        captions.push(format!(
            "{} speaks during a news conference in {}, {} {}, {}. {}",
            a.name,
            story.place,
            MONTHS[(story.date.month0() as usize + 11) % 12],
            1 + rng.below(28),
            story.date.year(),
            rng.pick(PHOTO_CREDITS)
        ));
    }
    let lead_place = dateline.map_or_else(String::new, |place| {
        format!(
            "{place}, {} {} ({}) - ",
            &month[..3],
            story.date.day(),
            outlet.short
        )
    });
    paragraphs.push(format!(
        "{lead_place}{} {} said on {weekday} that {}.",
        a.title, a.name, story.claims[0]
    ));
    let he = |o: &Official| o.pronoun.unwrap_or("the official");
    let him = |o: &Official| match o.pronoun {
        Some("she") => "her".to_owned(),
        Some(_) => "him".to_owned(),
        None => o.surname.clone(),
    };
    // The story's statements in an order and wording of this outlet's own.
    let mut slots: Vec<usize> = (0..11).collect();
    for i in (1..slots.len()).rev() {
        slots.swap(i, rng.below(i + 1));
    }
    for slot in slots {
        let paragraph = match slot {
            0 => format!(
                "\u{201c}{}. {},\u{201d} {} {} {}.",
                story.quotes[0],
                story.quotes[1],
                a.surname,
                rng.pick(SPEECH_VERBS),
                rng.pick(VENUES)
            ),
            1 => format!(
                "\"{},\" {} said. \"{}.\"",
                story.quotes[2],
                he(a),
                story.quotes[3]
            ),
            2 => format!("According to {}, {}.", him(a), story.claims[1]),
            3 => format!(
                "{} {} {} on {weekday} {} that {}.",
                b.title,
                b.name,
                rng.pick(SPEECH_VERBS),
                rng.pick(VENUES),
                story.claims[2]
            ),
            4 => format!(
                "{} also said that {}. \u{201c}{}.\u{201d}",
                a.surname, story.claims[3], story.quotes[4]
            ),
            5 => rng.pick(BACKGROUND).replace("{place}", story.place),
            8 => format!("{} later added that {}.", b.surname, story.claims[4]),
            9 => format!(
                "\"{},\" {} {}. \"{}.\"",
                story.quotes[5],
                a.surname,
                rng.pick(SPEECH_VERBS),
                story.quotes[6]
            ),
            10 => format!(
                "In a statement on {weekday}, {} {} said {}.",
                a.title, a.name, story.claims[5]
            ),
            6 => format!(
                "Asked about {}, {} replied: \u{201c}{}. We have said it many times.\u{201d}",
                story.place,
                b.surname,
                quote(rng, story.place)
            ),
            _ => format!(
                "The {} {} on {} that {} people were killed in {}, a claim that could not be independently verified.",
                rng.pick(CASUALTY_SOURCES),
                rng.pick(&["said", "reported"]),
                rng.pick(WEEKDAYS),
                2 + rng.below(40),
                story.place
            ),
        };
        paragraphs.push(paragraph);
        if rng.chance(8) {
            captions.push(format!(
                "Residents walk past a damaged building in {}, {month} {}, {}. {}",
                story.place,
                story.date.day(),
                story.date.year(),
                rng.pick(PHOTO_CREDITS)
            ));
        }
    }
    let first = rng.below(BOILERPLATE.len());
    let boilerplate: Vec<&str> = (0..1 + rng.below(2))
        .map(|k| BOILERPLATE[(first + k) % BOILERPLATE.len()])
        .collect();
    let stem = format!(
        "{}/{:02}/{:06}-{}",
        story.date.year(),
        story.date.month(),
        n,
        outlet.slug
    );
    let (path, text) = match rng.below(10) {
        0 | 1 => (
            format!("{stem}.md"),
            markdown(&title, outlet, published, &captions, &paragraphs),
        ),
        2 => (
            format!("{stem}.html"),
            html(&title, outlet, &captions, &paragraphs, &boilerplate),
        ),
        _ => (
            format!("{stem}.txt"),
            plain(&title, published, &captions, &paragraphs, &boilerplate),
        ),
    };
    Rendered {
        file: GeneratedFile {
            path,
            bytes: text.into_bytes(),
        },
        title,
        published,
    }
}

fn plain(
    title: &str,
    published: NaiveDate,
    captions: &[String],
    paragraphs: &[String],
    boilerplate: &[&str],
) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "Published: {} {}, {}",
        MONTHS[published.month0() as usize],
        published.day(),
        published.year()
    );
    for caption in captions.iter().take(1) {
        let _ = writeln!(out, "{caption}");
    }
    for (i, p) in paragraphs.iter().enumerate() {
        let _ = writeln!(out, "{p}");
        if i == paragraphs.len() / 2 {
            for caption in captions.iter().skip(1) {
                let _ = writeln!(out, "{caption}");
            }
        }
    }
    for line in boilerplate {
        let _ = writeln!(out, "{line}");
    }
    out
}

fn markdown(
    title: &str,
    outlet: &Outlet,
    published: NaiveDate,
    captions: &[String],
    paragraphs: &[String],
) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(
        out,
        "---\ntitle: \"{title}\"\noutlet: {}\npublished: {}\n---\n\n# {title}\n",
        outlet.name,
        published.format("%Y-%m-%d")
    );
    for caption in captions {
        let _ = writeln!(out, "*{caption}*\n");
    }
    for p in paragraphs {
        let _ = writeln!(out, "{p}\n");
    }
    out
}

fn html(
    title: &str,
    outlet: &Outlet,
    captions: &[String],
    paragraphs: &[String],
    boilerplate: &[&str],
) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::with_capacity(3072);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html><head><title>{} | {}</title>\n<script>window.dataLayer = [];</script>\n</head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>{}</h1>",
        escape(title),
        outlet.name,
        escape(title)
    );
    for caption in captions {
        let _ = writeln!(
            out,
            "<figure><figcaption>{}</figcaption></figure>",
            escape(caption)
        );
    }
    for p in paragraphs {
        let _ = writeln!(out, "<p>{}</p>", escape(p));
    }
    let _ = writeln!(out, "</article>\n<footer>");
    for line in boilerplate {
        let _ = writeln!(out, "<p>{}</p>", escape(line));
    }
    let _ = writeln!(out, "</footer></body></html>");
    out
}

/// A news outlet: how it is named, where its links point, how it signs a dateline.
struct Outlet {
    name: &'static str,
    short: &'static str,
    slug: &'static str,
    domain: &'static str,
}

const fn outlet(
    name: &'static str,
    short: &'static str,
    slug: &'static str,
    domain: &'static str,
) -> Outlet {
    Outlet {
        name,
        short,
        slug,
        domain,
    }
}

#[rustfmt::skip]
const OUTLETS: &[Outlet] = &[
    outlet("Reuters", "Reuters", "reuters", "wire.example.com"),
    outlet("Associated Press", "AP", "ap", "ap.example.com"),
    outlet("Agence France-Presse", "AFP", "afp", "afp.example.com"),
    outlet("TASS", "TASS", "tass", "tass.example.com"),
    outlet("Al Jazeera", "Al Jazeera", "aljazeera", "aj.example.com"),
    outlet("BBC News", "BBC", "bbc", "bbc.example.com"),
    outlet("The Guardian", "Guardian", "guardian", "guardian.example.com"),
    outlet("Kyiv Independent", "Kyiv Independent", "kyivindependent", "kyiv.example.com"),
    outlet("Xinhua", "Xinhua", "xinhua", "xinhua.example.com"),
    outlet("Deutsche Welle", "DW", "dw", "dw.example.com"),
    outlet("Dawn", "Dawn", "dawn", "dawn.example.com"),
    outlet("Anadolu Agency", "Anadolu", "anadolu", "aa.example.com"),
];

const UNKNOWN_GIVEN: &[&str] = &[
    "Marta", "Pieter", "Hamid", "Ines", "Tomasz", "Leila", "Kofi", "Ana", "Dario", "Yusuf",
    "Greta", "Omar", "Sanna", "Viktor", "Amara", "Jonas",
];
const UNKNOWN_FAMILY: &[&str] = &[
    "Okonkwo",
    "Dalenberg",
    "Rezaei",
    "Marquez",
    "Wierzbicki",
    "Haddad",
    "Mensah",
    "Petrescu",
    "Lindqvist",
    "Aydemir",
    "Castellano",
    "Novak",
    "Brennan",
    "Tadesse",
    "Varga",
    "Ilunga",
];
const UNKNOWN_TITLES: &[&str] = &[
    "Deputy Foreign Minister",
    "Defence Minister",
    "Interior Minister",
    "Foreign Minister",
    "Deputy Prime Minister",
    "Presidential envoy",
    "National Security Adviser",
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
const HEADLINE_VERBS: &[&str] = &["Says", "Warns", "Urges", "Rejects", "Backs", "Questions"];
const HEADLINE_OBJECTS: &[&str] = &[
    "Talks Stall Over",
    "Strikes Must Stop In",
    "Deal Still Possible On",
    "Pressure Grows Over",
    "No Retreat From",
    "Monitors Needed In",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "told reporters",
    "stressed",
    "warned",
    "added",
    "noted",
    "insisted",
];
const VENUES: &[&str] = &[
    "at a press conference",
    "at a briefing",
    "in an interview with state television",
    "during a visit to the region",
    "in a statement",
    "after talks with a counterpart",
];
const CLAIM_SUBJECTS: &[&str] = &[
    "the corridor to {place}",
    "the talks on {place}",
    "the monitoring mission in {place}",
    "the shelling around {place}",
    "the prisoner exchange",
    "the humanitarian convoy",
    "the withdrawal of heavy weapons",
    "the proposed buffer zone",
    "the reconstruction fund",
    "the mediation effort",
    "the truce in {place}",
    "the blockade of {place}",
];
const CLAIM_VERBS: &[&str] = &[
    "must remain open for",
    "had stalled because of",
    "could not succeed without",
    "was being undermined by",
    "would be extended to cover",
    "depended on",
    "had been delayed by",
    "should be linked to",
];
const CLAIM_OBJECTS: &[&str] = &[
    "independent observers",
    "fuel deliveries",
    "the return of displaced families",
    "guarantees from neighbouring states",
    "a verified exchange of lists",
    "demining teams",
    "medical evacuations",
    "the reopening of border crossings",
    "a timetable for elections",
    "an inquiry into the killings",
];
const CLAIM_TAILS: &[&str] = &[
    "before the winter",
    "within weeks",
    "under international supervision",
    "in the coming days",
    "as soon as possible",
    "without further conditions",
    "by the end of the month",
    "at the next round of talks",
];
const QUOTE_OPENERS: &[&str] = &[
    "We are ready to discuss",
    "We will never accept",
    "Nobody should underestimate",
    "It is time to revisit",
    "We call on all sides to respect",
    "There is no reason to delay",
    "Our partners must guarantee",
    "The world cannot ignore",
    "We will not hand over",
    "History will judge",
];
const QUOTE_OBJECTS: &[&str] = &[
    "the situation in {place}",
    "the fate of the hostages",
    "the convoys",
    "the ceasefire lines",
    "the evacuation routes from {place}",
    "the detained journalists",
    "the grain shipments",
    "the peace framework",
    "the border checkpoints",
    "the reconstruction of {place}",
];
const QUOTE_TAILS: &[&str] = &[
    "under pressure",
    "at any price",
    "for the sake of civilians",
    "without conditions",
    "in the coming days",
    "while the shelling continues",
    "as long as we are threatened",
    "after what happened this week",
];
const BACKGROUND: &[&str] = &[
    "The fighting has displaced hundreds of thousands of people since it began.",
    "Previous rounds of talks ended without a breakthrough.",
    "Diplomats say the gap between the two sides remains wide.",
    "Aid groups have warned for months that supplies to {place} are running out.",
    "Analysts say the latest proposal is unlikely to be accepted in its current form.",
];
const CASUALTY_SOURCES: &[&str] = &["ministry", "army", "local governor", "health authority"];
const BOILERPLATE: &[&str] = &[
    "Reporting by newsroom staff; Editing by the world desk",
    "Our Standards: The Trust Principles.",
    "Subscribe to our newsletter for the latest updates.",
    "Copyright 2025 The news agency. All rights reserved.",
    "Follow us on Twitter and Facebook.",
    "Advertisement",
];
const PHOTO_CREDITS: &[&str] = &[
    "REUTERS/Staff Photographer",
    "AP Photo/Pool",
    "AFP via Getty Images",
    "Courtesy of the press service",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let opts = GenOptions {
            articles: 40,
            seed: 7,
        };
        assert_eq!(corpus_files(opts), corpus_files(opts));
        let other = corpus_files(GenOptions { seed: 8, ..opts });
        assert_ne!(corpus_files(opts), other);
    }

    #[test]
    fn every_article_has_a_file_and_a_manifest_entry() {
        let files = corpus_files(GenOptions {
            articles: 25,
            seed: 1,
        });
        assert_eq!(files.len(), 26);
        let manifest = files.last().expect("manifest");
        assert_eq!(manifest.path, MANIFEST_FILE);
        let (parsed, problems) =
            crate::ingest::Manifest::parse(&String::from_utf8_lossy(&manifest.bytes));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(parsed.entries().len(), 25);
        for (file, entry) in files.iter().zip(parsed.entries()) {
            assert_eq!(file.path, entry.file);
            assert!(entry.published.is_some() && entry.outlet.is_some());
        }
    }
}
