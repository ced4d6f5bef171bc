//! Which blocks are body paragraphs: headlines, photo captions, credits, repeated lines,
//! junk and boilerplate are left out, so extraction never reads them.
//!
//! The rules look at one line's shape and words, never at a particular outlet, so they
//! hold for files they were not written from.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::date;
use super::doc::BlockHint;

/// What a line is, from its own text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Body,
    /// A photo caption or credit line.
    Caption,
    /// A line with no words worth keeping ("TT", "20", "Advertisement", "***").
    Junk,
    /// Newsletter, social, cookie and copyright lines.
    Boilerplate,
    /// A "Published: …" line or a bare date.
    Meta,
    /// "By Jane Doe and John Roe".
    Byline,
}

/// What the splitter and the paragraph filter need to know about a block, computed
/// once per block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineInfo {
    pub(crate) kind: LineKind,
    /// Short, capitalised, without a closing period: it may be a headline.
    pub(crate) title_like: bool,
}

impl LineInfo {
    pub(crate) fn of(line: &str) -> Self {
        let kind = classify(line);
        Self {
            kind,
            title_like: kind == LineKind::Body && is_title_shaped(line),
        }
    }

    /// A paragraph of running text, the sign that an article's body has begun.
    pub(crate) fn is_body_text(&self) -> bool {
        self.kind == LineKind::Body && !self.title_like
    }
}

/// Credits that only captions carry, matched case-sensitively ("AP Photo", "REUTERS/").
const CAPTION_CREDITS: &[&str] = &[
    "via Reuters",
    "via REUTERS",
    "via AP",
    "via AFP",
    "via Getty",
    "AP Photo",
    "Getty Images",
    "REUTERS/",
    "Reuters/",
    "/Reuters",
    "/REUTERS",
    "AFP/",
    "/AFP",
    "AFP via",
    "/AP)",
    "/AP ",
    "EPA/",
    "/EPA",
    "EPA-EFE",
    "/Courtesy",
    "Courtesy of",
    "Xinhua/",
    "/Xinhua",
    "TASS/",
    "/TASS",
    "Sputnik/",
    "/Sputnik",
    "/Anadolu",
    "Anadolu Agency via",
    "/Yonhap",
    "Yonhap/",
    "Bloomberg via",
    "Shutterstock",
    "Pool Photo",
    "/Pool",
];

/// Caption markers in any case ("Photo:", "FILE PHOTO").
const CAPTION_MARKERS: &[&str] = &[
    "photo:",
    "photo by ",
    "photos:",
    "photograph:",
    "file photo",
    "(photo",
    "image:",
    "picture:",
    "pictured:",
    "credit:",
    "photo credit",
];

/// Agencies whose name alone closes a caption ("… in Kyiv, March 3. AFP").
const CLOSING_CREDITS: &[&str] = &[
    "AFP", "AP", "Reuters", "REUTERS", "EPA", "Getty", "Xinhua", "Yonhap", "TASS", "Sputnik",
];

/// Lines that start like site furniture.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "subscribe to",
    "subscribe for",
    "subscribe now",
    "follow us",
    "sign up for",
    "sign up to",
    "read more",
    "read also",
    "also read",
    "see also:",
    "related:",
    "click here",
    "share this",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "by continuing to use",
    "download our app",
    "join our",
];

/// Phrases that mark boilerplate wherever they stand in a line, in any case.
const BOILERPLATE_PHRASES: &[&str] = &[
    "all rights reserved",
    "click here",
    "share this article",
    "follow us on",
    "cookie policy",
    "use cookies",
    "uses cookies",
    "accept cookies",
    "accept all cookies",
    "subscribe to our",
    "sign up for our",
    "privacy policy",
];

/// Present-tense verbs of photo captions ("Putin attends …", "Leaders pose …").
const CAPTION_VERBS: &str = r"\b(?:attends?|speaks?|walks?|arrives?|gestures?|looks? on|listens?|poses?|meets?|waves?|delivers?|holds?|talks?|sits?|stands?|leaves?|visits?|greets?|addresses|address|reacts?|chairs?|shakes? hands|takes? part|participates?|is seen|are seen|inspects?|lays? a wreath|applauds?|smiles?)\b";

static CREDITS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(CAPTION_CREDITS).expect("caption credits are valid patterns")
});

static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CAPTION_MARKERS)
        .expect("caption markers are valid patterns")
});

static BOILERPLATE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(BOILERPLATE_PHRASES)
        .expect("boilerplate phrases are valid patterns")
});

static CAPTION_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CAPTION_VERBS).expect("caption verbs are a valid pattern"));

/// Words of reported speech: a line with them is a sentence of the story, not a caption.
static REPORTING: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new([" said", " says", " told", " stated", "\"", "“", "”"])
        .expect("reporting words are valid patterns")
});

/// What `line` is, from its text alone.
pub(crate) fn classify(line: &str) -> LineKind {
    let line = line.trim();
    if is_boilerplate(line) {
        LineKind::Boilerplate
    } else if is_caption(line) {
        LineKind::Caption
    } else if date::label_date(line).is_some() || date::is_date_only(line) {
        LineKind::Meta
    } else if is_byline(line) {
        LineKind::Byline
    } else if is_junk(line) {
        LineKind::Junk
    } else {
        LineKind::Body
    }
}

fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn is_boilerplate(line: &str) -> bool {
    BOILERPLATE_PREFIXES
        .iter()
        .any(|p| starts_with_ignore_case(line, p))
        || BOILERPLATE.is_match(line)
}

fn is_caption(line: &str) -> bool {
    if CREDITS.is_match(line) || MARKERS.is_match(line) {
        return true;
    }
    let last_word = line
        .trim_end_matches([')', ']'])
        .rsplit([' ', '/', '('])
        .next()
        .unwrap_or("");
    if CLOSING_CREDITS.contains(&last_word) && line.split_whitespace().count() > 3 {
        return true;
    }
    is_scene_caption(line)
}

/// "X attends a meeting in Moscow, Russia, March 13, 2025": a present-tense scene that
/// ends on "place, date" (a comma right before the date, where a sentence says "on"),
/// with no reported speech in it.
fn is_scene_caption(line: &str) -> bool {
    const MAX_AFTER_DATE: usize = 100;
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let Some(verb) = CAPTION_VERB.find(line) else {
        return false;
    };
    let Some((_, at)) = date::find_date(&line[verb.end()..]) else {
        return false;
    };
    let date_start = verb.end() + at.start;
    let date_end = verb.end() + at.end;
    let mut before = line[..date_start].trim_end();
    if let Some((head, last)) = before.trim_end_matches(',').rsplit_once(' ')
        && WEEKDAYS.contains(&last.to_lowercase().as_str())
    {
        before = head.trim_end();
    }
    before.ends_with(',') && line.len() - date_end <= MAX_AFTER_DATE && !REPORTING.is_match(line)
}

fn is_byline(line: &str) -> bool {
    const MAX_WORDS: usize = 8;
    starts_with_ignore_case(line, "by ")
        && line.split_whitespace().count() <= MAX_WORDS
        && !line.ends_with(['.', '!', '?'])
        && line
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Marks that make a few words a sentence or a quote.
fn has_sentence_punctuation(line: &str) -> bool {
    line.contains(['.', '!', '?', '"', '“', '”', '…'])
}

fn is_junk(line: &str) -> bool {
    const MAX_JUNK_WORDS: usize = 3;
    !line.chars().any(char::is_alphabetic)
        || (line.split_whitespace().count() <= MAX_JUNK_WORDS && !has_sentence_punctuation(line))
}

/// Headline shape: a few capitalised words without a closing period or comma.
fn is_title_shaped(line: &str) -> bool {
    const MAX_WORDS: usize = 25;
    const MAX_BYTES: usize = 250;
    let words = line.split_whitespace().count();
    let core = line.trim_end_matches(['\'', '"', '’', '”', ')', ']', ' ']);
    let starts_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "'\"‘“".contains(c));
    (2..=MAX_WORDS).contains(&words)
        && line.len() <= MAX_BYTES
        && starts_well
        && !core.ends_with(['.', ',', ';', ':'])
}

/// A line as compared with a title: case, spacing and curly quotes ignored.
pub(crate) fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '‘' | '’' => out.push('\''),
                '“' | '”' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The blocks (indices into `texts`) that are body paragraphs of one article.
///
/// `headlines` are normalised ([`norm_key`]) titles of the article: lines equal to one
/// are left out wherever they stand. A line that occurs more than once is left out in
/// every copy when it looks like a caption or headline, and kept once otherwise.
pub(crate) fn select_paragraphs(
    texts: &[&str],
    hints: &[BlockHint],
    infos: &[LineInfo],
    headlines: &[String],
) -> Vec<usize> {
    let mut copies: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        *copies.entry(t).or_default() += 1;
    }
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for (i, ((&text, hint), info)) in texts.iter().zip(hints).zip(infos).enumerate() {
        if *hint != BlockHint::Text || info.kind != LineKind::Body {
            continue;
        }
        if !headlines.is_empty() && headlines.contains(&norm_key(text)) {
            continue;
        }
        let repeated = copies.get(text).is_some_and(|&n| n > 1);
        if repeated && (info.title_like || !seen.insert(text)) {
            continue;
        }
        kept.push(i);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> LineKind {
        classify(line)
    }

    #[test]
    fn credits_mark_captions() {
        for line in [
            "Troops patrol a street in Goma. Photo by Jane Doe/Reuters",
            "A destroyed tank near Kharkiv. REUTERS/Ivan Ivanov",
            "The minister at the summit. (AP Photo/John Roe)",
            "Smoke rises over the city./Courtesy of Some Agency",
            "Delegates in Doha, via Reuters",
            "Firefighters at the scene. Getty Images",
            "Photo: Ministry of Defence",
            "FILE PHOTO: Soldiers march in Red Square",
            "A convoy on the highway. AFP",
            "President X greets troops. Anadolu Agency via Getty",
        ] {
            assert_eq!(kind(line), LineKind::Caption, "{line}");
        }
    }

    #[test]
    fn present_tense_scene_with_a_full_date_is_a_caption() {
        assert_eq!(
            kind("The prime minister speaks to the press in Ankara, Turkey, May 2, 2024"),
            LineKind::Caption
        );
        assert_eq!(
            kind("Two envoys shake hands in Geneva, Switzerland, Tuesday, 4 June 2024."),
            LineKind::Caption
        );
    }

    #[test]
    fn reporting_sentences_with_dates_stay_body() {
        for line in [
            "The minister meets his counterpart in Ankara, Turkey, on May 2, 2024, the ministry said.",
            "\"We will talk,\" the envoy says, speaking in Geneva, Switzerland, June 4, 2024.",
            "The Kremlin said on Friday that talks were going well.",
            "Reuters reported that the plan was rejected, citing two sources.",
            "Lavrov told AFP that no deal was close.",
            "MOSCOW, March 14, 2025 (Reuters) - The Kremlin said on Friday it saw reasons for hope.",
            "Zelensky meets Trump at the White House in Washington, D.C., on February 28, 2025.",
        ] {
            assert_eq!(kind(line), LineKind::Body, "{line}");
        }
    }

    #[test]
    fn short_wordless_lines_are_junk() {
        for line in [
            "TT",
            "20",
            "Advertisement",
            "ADVERTISEMENT",
            "* * *",
            "12:45",
            "Top stories now",
        ] {
            assert_eq!(kind(line), LineKind::Junk, "{line}");
        }
        assert_eq!(kind("\"No.\""), LineKind::Body);
        assert_eq!(kind("He refused."), LineKind::Body);
    }

    #[test]
    fn site_furniture_is_boilerplate() {
        for line in [
            "Subscribe to our Telegram channel!",
            "Follow us on X and Facebook",
            "Sign up for the morning briefing.",
            "Read more: Kremlin rejects plan",
            "© 2025 Some Outlet. All rights reserved.",
            "Copyright 2025 Example News",
            "Click here to read the full report.",
            "Share this article",
            "We use cookies to improve your experience.",
            "This website stores data; see our cookie policy.",
        ] {
            assert_eq!(kind(line), LineKind::Boilerplate, "{line}");
        }
    }

    #[test]
    fn dates_and_bylines_are_not_body() {
        assert_eq!(kind("Published: 14 March 2025"), LineKind::Meta);
        assert_eq!(kind("March 14, 2025"), LineKind::Meta);
        assert_eq!(kind("By Jane Doe and John Roe"), LineKind::Byline);
        assert_eq!(
            kind("By the time talks began, the shelling had stopped."),
            LineKind::Body
        );
    }

    #[test]
    fn headline_shape() {
        assert!(LineInfo::of("Kremlin Says No Date Yet for the Visit").title_like);
        assert!(LineInfo::of("Will the Ceasefire Hold?").title_like);
        assert!(LineInfo::of("Talks of 'Cautious Optimism'").title_like);
        assert!(!LineInfo::of("The Kremlin said it was hopeful.").title_like);
        assert!(!LineInfo::of("TT").title_like);
        assert!(!LineInfo::of("a lowercase fragment of some sentence").title_like);
    }

    #[test]
    fn norm_key_ignores_case_spacing_and_curly_quotes() {
        assert_eq!(
            norm_key("  Iran’s  President\tVisits "),
            "iran's president visits"
        );
        assert_eq!(norm_key("“Hope”"), norm_key("\"hope\""));
    }

    fn select(lines: &[&str], headlines: &[&str]) -> Vec<String> {
        let infos: Vec<LineInfo> = lines.iter().map(|l| LineInfo::of(l)).collect();
        let hints = vec![BlockHint::Text; lines.len()];
        let heads: Vec<String> = headlines.iter().map(|h| norm_key(h)).collect();
        select_paragraphs(lines, &hints, &infos, &heads)
            .into_iter()
            .map(|i| lines[i].to_string())
            .collect()
    }

    #[test]
    fn headlines_and_their_repetitions_are_left_out() {
        let lines = [
            "Envoy Says Talks Will Resume Soon",
            "The envoy said talks would resume.",
            "envoy says talks will resume soon",
        ];
        assert_eq!(
            select(&lines, &["Envoy Says Talks Will Resume Soon"]),
            ["The envoy said talks would resume."]
        );
    }

    #[test]
    fn repeated_headline_like_lines_go_entirely_repeated_body_is_kept_once() {
        let lines = [
            "Breaking Developments In The Region",
            "The minister said the border was calm.",
            "Breaking Developments In The Region",
            "The minister said the border was calm.",
            "He gave no details.",
        ];
        assert_eq!(
            select(&lines, &[]),
            [
                "The minister said the border was calm.",
                "He gave no details."
            ]
        );
    }

    #[test]
    fn markup_hints_override_the_text() {
        let lines = ["A Subhead", "Body text here."];
        let infos: Vec<LineInfo> = lines.iter().map(|l| LineInfo::of(l)).collect();
        let hints = [BlockHint::Heading, BlockHint::Text];
        assert_eq!(select_paragraphs(&lines, &hints, &infos, &[]), [1]);
    }
}
