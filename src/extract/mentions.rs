//! Mentions of possible speakers in a paragraph: known names, titled names the gazetteer
//! does not know, family names, pronouns, descriptions ("the Russian diplomat"), and
//! subjects that are no official (sources, countries, news agencies).

use smallvec::SmallVec;
use std::ops::Range;

use super::classes::{
    Class, HONORIFIC, NEWS_OUTLET, OPENER, PLACE, STOP_OR_CALENDAR, TITLE_MODIFIER, TITLE_START,
    UNNAMED_SOURCE,
};
use super::knowledge::{Gazetteer, NameMatch, surnames_of};
use super::lexicon::{
    HONORIFICS, RoleClass, UNNAMED_SOURCE_NOUNS, country_of, descriptor_class,
    is_country_or_capital, is_news_outlet, is_stopword, is_title,
};
use super::tokens::{Lowered, Tok, TokKind, is_capitalized, strip_possessive, with_lowercase};
use crate::model::{Gender, SpeakerIdx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A person or institution of the gazetteer.
    Known(SpeakerIdx),
    /// A person the gazetteer does not know, named with a title of office.
    NewPerson {
        name: String,
    },
    /// A family name on its own or after a title ("Peskov", "Minister Lavrov").
    Surname(String),
    Pronoun(Gender),
    /// "the spokesman", "the Russian diplomat".
    Descriptor {
        class: RoleClass,
        country: Option<String>,
    },
    Latter,
    Former,
    /// A ministry the gazetteer does not know ("the Turkish Defence Ministry").
    NewInstitution {
        name: String,
        country: Option<String>,
    },
    /// Unnamed sources, groups, countries, news agencies: subjects that are no official.
    NotOfficial,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token indices of the whole mention, title included.
    pub toks: Range<usize>,
    pub kind: MentionKind,
    /// The title the text gives ("Kremlin spokesman", "Turkey's foreign minister").
    pub title: Option<String>,
    /// A person called by name (not a pronoun, a description or an institution).
    pub named_person: bool,
}

const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der", "abu", "la", "le", "di",
    "du", "ben",
];
/// Last words of the names of institutions ("Armed Forces", "National News Agency").
fn is_institution_word(lower: &str) -> bool {
    matches!(
        lower,
        "forces"
            | "force"
            | "council"
            | "ministry"
            | "army"
            | "government"
            | "office"
            | "agency"
            | "committee"
            | "party"
            | "court"
            | "assembly"
            | "parliament"
            | "command"
            | "administration"
            | "authority"
            | "authorities"
            | "service"
            | "services"
            | "department"
            | "guard"
            | "guards"
            | "front"
            | "movement"
            | "brigades"
            | "university"
            | "institute"
            | "news"
            | "times"
            | "post"
            | "group"
            | "union"
    )
}

/// Military ranks abbreviated before a name: "Col. Lee", "Gen. Smith".
fn is_rank_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "col"
            | "gen"
            | "lt"
            | "maj"
            | "capt"
            | "cpt"
            | "brig"
            | "adm"
            | "sgt"
            | "cmdr"
            | "cdr"
            | "lt.-gen"
    )
}

/// Words that may open a mention: pronouns and determiners ("the spokesman", "an
/// official").
const PRONOUNS_AND_DETERMINERS: &[&str] = &[
    "he", "she", "him", "her", "the", "a", "an", "one", "another", "two", "three", "several",
    "some", "many", "other",
];

/// Lowercase words that qualify a title ("top diplomat", "presidential spokesman").
pub(super) const TITLE_MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "former",
    "deputy",
    "chief",
    "military",
    "presidential",
    "foreign",
    "defence",
    "defense",
];

/// The lists of words that may open a mention besides names and titles.
pub(super) const OPENER_LISTS: [&[&str]; 5] = [
    PRONOUNS_AND_DETERMINERS,
    TITLE_MODIFIERS,
    HONORIFICS,
    MINISTRY_KINDS,
    UNNAMED_SOURCE_NOUNS,
];

const MINISTRY_KINDS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "interior",
    "justice",
    "finance",
    "health",
    "economy",
    "energy",
    "information",
    "foreign affairs",
];

struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Tok],
    in_quote: &'a [bool],
    lowered: &'a Lowered,
    /// Each token that is a word outside quotes, and whether it is capitalised.
    words: &'a [Option<&'a str>],
    capital: Vec<bool>,
    /// The length in tokens of the title of office starting at each token (0 for none),
    /// found once.
    titles: Vec<u8>,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn word(&self, i: usize) -> Option<&'a str> {
        self.words.get(i).copied().flatten()
    }

    /// What word `i` is to the rules, when it is a word outside quotes (else 0).
    #[inline]
    fn class(&self, i: usize) -> Class {
        self.word(i).map_or(0, |_| self.lowered.class(i))
    }

    #[inline]
    fn lower_str(&self, i: usize) -> Option<&'a str> {
        self.word(i)?;
        Some(self.lowered.get(i))
    }

    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    #[inline]
    fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct(c))
            && !self.in_quote[i]
    }

    #[inline]
    fn capitalized(&self, i: usize) -> bool {
        self.capital.get(i).copied().unwrap_or(false)
    }

    /// Whether word `i`, written `w`, is a modifier of titles ("former", "top"), in
    /// lower case as the list has them.
    #[inline]
    fn is_title_modifier(&self, i: usize, w: &str) -> bool {
        self.class(i) & TITLE_MODIFIER != 0 && self.lower_str(i) == Some(w)
    }

    /// The length in tokens of the longest title of office starting at `i`.
    #[inline]
    fn title_at(&self, i: usize) -> Option<usize> {
        self.titles
            .get(i)
            .copied()
            .filter(|&len| len > 0)
            .map(usize::from)
    }

    /// The text of the title of `len` tokens at `i`, as the title list has it.
    fn title_text(&self, i: usize, len: usize) -> String {
        (i..i + len)
            .filter_map(|k| self.lower_str(k))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn find_title(&self, i: usize) -> u8 {
        if self.class(i) & TITLE_START == 0 {
            return 0;
        }
        let mut best = 0;
        // On the stack: this runs for every word that may start a title. No title is
        // longer than the buffer, so a phrase that outgrows it ends the search.
        let mut phrase = arrayvec::ArrayString::<128>::new();
        for len in 1..=4 {
            let Some(w) = self.lower_str(i + len - 1) else {
                break;
            };
            if (len > 1 && phrase.try_push(' ').is_err()) || phrase.try_push_str(w).is_err() {
                break;
            }
            let singular = phrase.strip_suffix('s').unwrap_or(&phrase);
            if is_title(&phrase) || (len == 1 && is_title(singular)) {
                best = len as u8;
            }
        }
        best
    }

    fn span_text(&self, toks: Range<usize>) -> String {
        match (
            self.toks.get(toks.start),
            self.toks.get(toks.end.saturating_sub(1)),
        ) {
            (Some(a), Some(b)) if toks.start < toks.end => self.text[a.start..b.end].to_string(),
            _ => String::new(),
        }
    }

    /// A capitalised word that can be part of a person's name.
    fn name_word(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            // "al-Asbahi", "el-Sisi": a lowercase article joined to a capitalised name.
            let arabic_article = || {
                ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-"]
                    .iter()
                    .any(|p| {
                        w.starts_with(p)
                            && w[p.len()..].chars().next().is_some_and(char::is_uppercase)
                    })
            };
            // The articles are two or three letters and a hyphen.
            let hyphen_early = || w.as_bytes().get(2..4).is_some_and(|b| b.contains(&b'-'));
            if !(is_capitalized(w) || hyphen_early() && arabic_article())
                || self.title_at(i).is_some()
            {
                return false;
            }
            self.lowered.class(i) & (PLACE | STOP_OR_CALENDAR) == 0
        })
    }

    /// A title of office ending right before a comma at `comma`: "The foreign secretary,"
    /// before "David Lammy,". Returns the title's text.
    fn title_before_comma(&self, comma: usize) -> Option<String> {
        if !self.punct(comma, ',') {
            return None;
        }
        let start = comma.saturating_sub(10);
        let title_at = (start..comma).rev().find(|&k| self.title_at(k).is_some())?;
        // No clause in between: only words of the title phrase ("of the armed forces").
        let clean = (title_at..comma).all(|k| {
            self.word(k).is_some()
                || self.punct(k, '-')
                || self.punct(k, '’')
                || self.punct(k, '\'')
        });
        let first = (start..=title_at)
            .rev()
            .take_while(|&k| self.word(k).is_some())
            .last()
            .unwrap_or(title_at);
        let first = if self.is(first, "the") {
            first + 1
        } else {
            first
        };
        clean.then(|| self.span_text(first..comma))
    }

    /// Name tokens from `i`: capitalised words, with particles ("bin", "al") inside.
    fn name_run(&self, i: usize) -> usize {
        let mut len = 0;
        while len < 5 {
            let at = i + len;
            let initial = len > 0
                && self
                    .word(at)
                    .is_some_and(|w| w.len() == 1 && is_capitalized(w))
                && self.punct(at + 1, '.')
                && self.name_word(at + 2);
            if initial {
                // A middle initial: "Antony J. Blinken".
                len += 2;
            } else if self.name_word(at) {
                len += 1;
                // A possessive ends the name: "Trump's envoy".
                if self
                    .word(at)
                    .is_some_and(|w| strip_possessive(w).len() != w.len())
                {
                    break;
                }
            } else if len > 0
                && self
                    .lower_str(at)
                    .is_some_and(|w| NAME_PARTICLES.contains(&w))
                && self.name_word(at + 1)
            {
                len += 1;
            } else {
                break;
            }
        }
        len
    }

    /// Modifiers before a title: "Kremlin", "Russian", "Iran's", "U.S.", "Hamas".
    fn modifiers_before(&self, end: usize, sentence_start: usize) -> usize {
        let mut start = end;
        while start > sentence_start {
            let i = start - 1;
            let Some(w) = self.word(i) else { break };
            let modifier = is_capitalized(w) && self.title_at(i).is_none()
                || self.punct(i + 1, '.') && w.len() <= 3;
            if !modifier {
                break;
            }
            start -= 1;
        }
        start
    }

    /// A title right before token `end` ("Russian Foreign Minister" before a name):
    /// where it starts and its text.
    fn title_before(&self, end: usize) -> Option<(usize, String)> {
        // Try each possible start of a title phrase ending at `end`.
        for len in (1..=4).rev() {
            let Some(start) = end.checked_sub(len) else {
                continue;
            };
            if self.title_at(start) == Some(len) {
                let first = self.modifiers_before(start, 0);
                return Some((first, self.span_text(first..end)));
            }
        }
        None
    }

    /// An appositive title after a name: ", Kremlin spokesperson," or ", the spokesman,".
    fn apposition_after(&self, end: usize) -> Option<String> {
        if !self.punct(end, ',') {
            return None;
        }
        let close = (end + 1..(end + 20).min(self.toks.len()))
            .find(|&i| self.punct(i, ',') || self.punct(i, '.'))?;
        let title = (end + 1..close).find(|&i| self.title_at(i).is_some());
        let has_title = title.is_some();
        // ", Lieutenant General Abdel Fattah al-Burhan,": a title with a name of its own
        // describes that other person.
        let names_another = title.is_some_and(|t| {
            let after = t + self.title_at(t).unwrap_or(1);
            after + 1 < close && self.name_word(after) && self.name_word(after + 1)
        });
        let clause = names_another
            || self
                .lower_str(end + 1)
                .is_some_and(|w| w == "who" || w == "which");
        // "director of the Middle East programme at Chatham House", "a senior fellow at
        // the institute": a title outside government makes no official.
        let outside_government = (end + 1..close).any(|i| {
            self.lower_str(i)
                .is_some_and(|w| is_outside_government_word(strip_possessive(w)))
        });
        (has_title && !clause && !outside_government).then(|| {
            let start = if self.is(end + 1, "the") || self.is(end + 1, "a") {
                end + 2
            } else {
                end + 1
            };
            self.span_text(start..close)
        })
    }
}

/// Words of a description that place someone outside government: research, academia,
/// the press, business and everyday life.
fn is_outside_government_word(lower: &str) -> bool {
    matches!(
        lower,
        "analyst"
            | "analysts"
            | "professor"
            | "researcher"
            | "fellow"
            | "scholar"
            | "expert"
            | "lecturer"
            | "programme"
            | "program"
            | "university"
            | "institute"
            | "think-tank"
            | "consultancy"
            | "foundation"
            | "journalist"
            | "correspondent"
            | "editor"
            | "commentator"
            | "resident"
            | "teacher"
            | "student"
            | "witness"
            | "company"
            | "bank"
    )
}

/// Whether the tokens are a ministry: "the Russian Foreign Ministry", "Turkey's defence
/// ministry", "the Ministry of Foreign Affairs". Returns its length and normalised name.
fn ministry_at(c: &Cursor, i: usize) -> Option<(usize, String, Option<String>)> {
    let mut j = i;
    if c.is(j, "the") {
        j += 1;
    }
    let country = c.word(j).and_then(country_of);
    if country.is_some() {
        j += 1;
    }
    if c.is(j, "ministry") && c.is(j + 1, "of") {
        let kind = c.lower_str(j + 2)?;
        let len = if kind == "foreign" && c.is(j + 3, "affairs") {
            4
        } else {
            3
        };
        let kind = if kind == "foreign" {
            "Foreign".to_string()
        } else {
            capitalize(kind)
        };
        return Some((
            j + len - i,
            ministry_name(country, &kind),
            country.map(str::to_string),
        ));
    }
    let kind = c.lower_str(j)?;
    let (kind_len, kind) = if kind == "foreign" && c.is(j + 1, "affairs") {
        (2, "Foreign".to_string())
    } else if MINISTRY_KINDS.contains(&kind) {
        (1, capitalize(kind))
    } else {
        return None;
    };
    c.is(j + kind_len, "ministry").then(|| {
        (
            j + kind_len + 1 - i,
            ministry_name(country, &kind),
            country.map(str::to_string),
        )
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn ministry_name(country: Option<&str>, kind: &str) -> String {
    let adjective = country.and_then(|c| {
        super::lexicon::COUNTRIES
            .iter()
            .find(|&&(name, _, _)| name == c)
            .map(|&(_, adjective, _)| adjective)
    });
    match adjective {
        Some(a) => format!("{a} {kind} Ministry"),
        None => format!("{kind} Ministry"),
    }
}

/// Where mentions are looked up besides the paragraph.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    pub gazetteer: &'a Gazetteer,
    /// The gazetteer's names in a stretch of the paragraph.
    pub names_in: NamesIn<'a>,
    /// The names this article gave people the gazetteer does not know.
    pub local: LocalNames<'a>,
}

/// What `find_mentions` notes of each token of a paragraph, kept from one paragraph to
/// the next: an article has dozens, and three allocations for each cost more than the
/// notes.
#[derive(Debug, Default)]
pub struct TokenNotes {
    capital: Vec<bool>,
    titles: Vec<u8>,
    covered: Vec<bool>,
    /// The mentions found, which `find_mentions` returns.
    found: Vec<Mention>,
}

/// Finds the mentions of one paragraph, outside quotes, in order (in `notes`' memory).
/// `words` are the words outside quotes, as `attribution::outside_quotes` gives them.
pub fn find_mentions<'a, 'n>(
    text: &'a str,
    toks: &'a [Tok],
    lowered: &'a Lowered,
    in_quote: &'a [bool],
    words: &'a [Option<&'a str>],
    known: &Known,
    notes: &'n mut TokenNotes,
) -> &'n [Mention] {
    let Known {
        gazetteer,
        names_in,
        local: local_surnames,
    } = *known;
    let mut c = Cursor {
        text,
        toks,
        in_quote,
        lowered,
        words,
        capital: std::mem::take(&mut notes.capital),
        titles: Vec::new(),
    };
    c.capital.clear();
    c.capital
        .extend(c.words.iter().map(|w| w.is_some_and(is_capitalized)));
    let mut titles = std::mem::take(&mut notes.titles);
    titles.clear();
    titles.extend((0..toks.len()).map(|i| c.find_title(i)));
    c.titles = titles;
    let c = c;
    let mut covered = std::mem::take(&mut notes.covered);
    covered.clear();
    covered.resize(toks.len(), false);
    let mut mentions = std::mem::take(&mut notes.found);
    mentions.clear();
    let names = names_outside_quotes(toks, in_quote, names_in);
    let tok_at = |byte: usize| toks.partition_point(|t| t.start < byte);

    // Known people first: their titles may contain an institution ("Kremlin spokesman").
    for institutional_pass in [false, true] {
        for m in &names {
            let speaker = &gazetteer.speakers[m.speaker];
            if speaker.institutional != institutional_pass {
                continue;
            }
            let (a, b) = (tok_at(m.start), tok_at(m.end));
            if a >= b || (a..b).any(|i| covered[i] || in_quote[i]) {
                continue;
            }
            // "the Kremlin spokesman": the institution only qualifies a title.
            if speaker.institutional && c.title_at(b).is_some() {
                continue;
            }
            let (start, title) = match c.title_before(a) {
                Some((s, t)) if (s..a).all(|i| !covered[i]) => (s, Some(t)),
                _ => (a, None),
            };
            let title = title.or_else(|| c.apposition_after(b));
            covered[start..b].iter_mut().for_each(|x| *x = true);
            mentions.push(Mention {
                toks: start..b,
                kind: MentionKind::Known(m.speaker),
                title,
                named_person: false,
            });
        }
    }

    // The family names of people this paragraph has just introduced: the article learns
    // them only after the paragraph, but "Touray told reporters" may follow "President
    // Omar Touray urged …" in the same one.
    let mut introduced: SmallVec<[String; 2]> = SmallVec::new();
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || in_quote[i] || !toks[i].is_word() {
            i += 1;
            continue;
        }
        let local = |name: &str| local_surnames(name) || introduced.iter().any(|s| s == name);
        let Some(found) = mention_at(&c, i, gazetteer, &local) else {
            i += 1;
            continue;
        };
        let end = found.toks.end;
        if (found.toks.clone()).any(|k| covered[k]) {
            i += 1;
            continue;
        }
        covered[found.toks.clone()]
            .iter_mut()
            .for_each(|x| *x = true);
        if let MentionKind::NewPerson { name } = &found.kind {
            introduced.extend(surnames_of(name, None));
        }
        mentions.push(found);
        i = end;
    }
    mentions.sort_by_key(|m| m.toks.start);
    for m in mentions.iter_mut() {
        m.named_person = match &m.kind {
            MentionKind::Known(i) => !gazetteer.speakers[*i].institutional,
            MentionKind::NewPerson { .. } | MentionKind::Surname(_) => true,
            _ => false,
        };
    }
    *notes = TokenNotes {
        capital: c.capital,
        titles: c.titles,
        covered,
        found: mentions,
    };
    &notes.found
}

/// The gazetteer's names in the stretches of `text` outside quotes: a name inside a
/// quote is never a mention, and quotes are much of a news paragraph, so they are not
/// searched at all.
fn names_outside_quotes(toks: &[Tok], in_quote: &[bool], names_in: NamesIn) -> Vec<NameMatch> {
    let mut names = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if in_quote[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i < toks.len() && !in_quote[i] {
            i += 1;
        }
        names.extend(names_in(toks[first].start..toks[i - 1].end));
    }
    names
}

/// The gazetteer's names in a stretch of the paragraph, with offsets into it: what
/// `Gazetteer::find_names` finds there, or the same picked from a search of the whole
/// article.
pub type NamesIn<'a> = &'a dyn Fn(Range<usize>) -> Vec<NameMatch>;

/// Whether `local` knows a lowercase name the article gave (unknown people, given names).
pub type LocalNames<'a> = &'a dyn Fn(&str) -> bool;

fn is_surname(word: &str, gazetteer: &Gazetteer, local: LocalNames) -> bool {
    let w = strip_possessive(word);
    !gazetteer.by_surname(w).is_empty() || with_lowercase(w, local)
}

/// An age before a title: "the 37-year-old officer".
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The mention starting at token `i`, if one does.
fn mention_at(c: &Cursor, i: usize, gazetteer: &Gazetteer, local: LocalNames) -> Option<Mention> {
    let lower = c.lower_str(i)?;
    // Most words are lowercase words that start nothing: leave them at once.
    let can_start =
        c.class(i) & OPENER != 0 || c.capitalized(i) || c.title_at(i).is_some() || c.name_word(i);
    if !can_start {
        return None;
    }
    let mention = |len: usize, kind: MentionKind, title: Option<String>| {
        Some(Mention {
            toks: i..i + len,
            kind,
            title,
            named_person: false,
        })
    };
    match lower {
        "he" | "him" => return mention(1, MentionKind::Pronoun(Gender::Male), None),
        "she" | "her" => return mention(1, MentionKind::Pronoun(Gender::Female), None),
        "the" if c.is(i + 1, "latter") => return mention(2, MentionKind::Latter, None),
        "the" if c.is(i + 1, "former") && c.title_at(i + 2).is_none() => {
            return mention(2, MentionKind::Former, None);
        }
        _ => {}
    }
    if let Some((len, name, country)) = ministry_at(c, i) {
        return mention(len, MentionKind::NewInstitution { name, country }, None);
    }
    // Honorific and family name: "Mr. Trump", "Mr Trump".
    if c.class(i) & HONORIFIC != 0 {
        let at = if c.punct(i + 1, '.') { i + 2 } else { i + 1 };
        if let Some(w) = c.word(at).filter(|w| is_capitalized(w)) {
            // Someone the article introduces with an honorific and a title: "Dr Sasa, the
            // minister of cooperation"; else the family name of someone known.
            let run = c.name_run(at).max(1);
            let known = run == 1 && is_surname(w, gazetteer, local);
            if !known && let Some(title) = c.apposition_after(at + run) {
                let name = strip_possessive(&c.span_text(at..at + run)).to_string();
                return mention(at + run - i, MentionKind::NewPerson { name }, Some(title));
            }
            return mention(
                at + 1 - i,
                MentionKind::Surname(strip_possessive(w).to_string()),
                None,
            );
        }
    }

    // Determiner, modifiers, title, and then a name or nothing.
    let determiner = match lower {
        "the" => Some(true),
        "a" | "an" | "one" | "another" | "two" | "three" | "several" | "some" | "many"
        | "other" | "senior" => Some(false),
        _ => None,
    };
    let mut j = i + usize::from(determiner.is_some());
    let modifiers_start = j;
    while c.word(j).is_some_and(|w| {
        (is_capitalized(w) || country_of(w).is_some() || c.is_title_modifier(j, w) || is_age(w))
            && c.title_at(j).is_none()
    }) || c.punct(j, '.') && j > modifiers_start
    {
        j += 1;
        if j - modifiers_start > 4 {
            break;
        }
    }
    // "the junta spokesman", "the army spokeswoman": after "the", a lowercase word or two
    // may qualify the title.
    if determiner == Some(true) && c.title_at(j).is_none() {
        let qualified = (j + 1..j + 3).find(|&k| {
            c.title_at(k).is_some()
                && (j..k).all(|x| {
                    c.lower_str(x)
                        .is_some_and(|w| w.chars().all(char::is_alphabetic) && !is_stopword(w))
                })
        });
        if let Some(k) = qualified {
            j = k;
        }
    }
    let modifiers = modifiers_start..j;
    if let Some(title_len) = c.title_at(j) {
        let title = c.title_text(j, title_len);
        let mut name_start = j + title_len;
        let title_text = c.span_text(modifiers_start..name_start);
        // A rank between title and name: "spokesperson Col. Lee Sung-jun".
        if c.lower_str(name_start).is_some_and(is_rank_abbreviation) && c.punct(name_start + 1, '.')
        {
            name_start += 2;
        }
        let name_len = c.name_run(name_start);
        // "official National News Agency": an institution's name, not a person's.
        let name_len = if name_len > 0
            && c.lower_str(name_start + name_len - 1)
                .is_some_and(is_institution_word)
        {
            0
        } else {
            name_len
        };
        if name_len > 0 {
            let end = name_start + name_len;
            let name = c.span_text(name_start..end);
            let name = strip_possessive(&name).to_string();
            let kind = if name_len == 1 && is_surname(&name, gazetteer, local) {
                MentionKind::Surname(name)
            } else {
                MentionKind::NewPerson { name }
            };
            let kind = if determiner == Some(false) {
                MentionKind::NotOfficial
            } else {
                kind
            };
            return Some(Mention {
                toks: i..end,
                kind,
                title: Some(title_text),
                named_person: false,
            });
        }
        let end = name_start;
        return match determiner {
            Some(true) => {
                let class = descriptor_class(&title)
                    .or_else(|| descriptor_class(title.rsplit(' ').next().unwrap_or("")))?;
                let country = modifiers.clone().find_map(|k| {
                    let w = c.word(k)?;
                    country_of(w).map(str::to_string).or_else(|| {
                        gazetteer
                            .find_names(w)
                            .first()
                            .and_then(|m| gazetteer.speakers[m.speaker].country.clone())
                    })
                });
                Some(Mention {
                    toks: i..end,
                    kind: MentionKind::Descriptor { class, country },
                    title: Some(title_text),
                    named_person: false,
                })
            }
            _ => Some(Mention {
                toks: i..end,
                kind: MentionKind::NotOfficial,
                title: None,
                named_person: false,
            }),
        };
    }
    // Unnamed sources: "sources", "an official", "Russian officials", "diplomats".
    if c.lower_str(j).is_some()
        && c.class(j) & UNNAMED_SOURCE != 0
        && (determiner.is_some() || j > modifiers_start || j == i)
    {
        let capital_noun = c.capitalized(j) && j > 0 && !c.punct(j - 1, '.');
        if !capital_noun {
            return Some(Mention {
                toks: i..j + 1,
                kind: MentionKind::NotOfficial,
                title: None,
                named_person: false,
            });
        }
    }
    // Capitalised words: countries, capitals and outlets are no officials; a family name
    // we know is a mention; an unknown name with an appositive title is a new person.
    if !c.capitalized(i) && !c.name_word(i) {
        return None;
    }
    let run = c.name_run(i).max(1);
    let whole = if run > 1 {
        c.span_text(i..i + run)
    } else {
        String::new()
    };
    let first = c.word(i)?;
    // The word's class tells places from other words without a lookup by text.
    let place =
        c.class(i) & PLACE != 0 && is_country_or_capital(strip_possessive(c.lowered.get(i)));
    let outlet_run = run > 1 && is_news_outlet(&whole);
    if place || outlet_run || c.class(i) & NEWS_OUTLET != 0 {
        let len = if outlet_run { run } else { 1 };
        return mention(len, MentionKind::NotOfficial, None);
    }
    if run == 1 && is_surname(first, gazetteer, local) {
        return mention(
            1,
            MentionKind::Surname(strip_possessive(first).to_string()),
            None,
        );
    }
    // "Armed Forces", "Security Council": an institution's name, not a person's.
    let institution_word = c.lower_str(i + run - 1).is_some_and(is_institution_word);
    if run >= 2 && !institution_word {
        let title = c.apposition_after(i + run).or_else(|| {
            i.checked_sub(1)
                .and_then(|comma| c.title_before_comma(comma))
        });
        if let Some(title) = title {
            return mention(
                run,
                MentionKind::NewPerson {
                    name: strip_possessive(&whole).to_string(),
                },
                Some(title),
            );
        }
        let last = c.word(i + run - 1)?;
        if is_surname(last, gazetteer, local) {
            return mention(
                run,
                MentionKind::Surname(strip_possessive(last).to_string()),
                None,
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::knowledge::tests::knowledge;
    use super::super::tokens::tokenize;
    use super::*;

    fn mentions(text: &str) -> Vec<(String, MentionKind, Option<String>)> {
        let k = knowledge();
        let toks = tokenize(text);
        let in_quote = vec![false; toks.len()];
        let lowered = Lowered::new(text, &toks);
        let mut words = Vec::new();
        super::super::attribution::outside_quotes(text, &toks, &in_quote, &mut words);
        find_mentions(
            text,
            &toks,
            &lowered,
            &in_quote,
            &words,
            &Known {
                gazetteer: &k.gazetteer,
                names_in: &|r: Range<usize>| {
                    k.gazetteer
                        .find_names(&text[r.clone()])
                        .into_iter()
                        .map(|m| NameMatch {
                            start: m.start + r.start,
                            end: m.end + r.start,
                            ..m
                        })
                        .collect()
                },
                local: &|_| false,
            },
            &mut TokenNotes::default(),
        )
        .iter()
        .cloned()
        .map(|m| {
            (
                text[toks[m.toks.start].start..toks[m.toks.end - 1].end].to_string(),
                m.kind,
                m.title,
            )
        })
        .collect()
    }

    #[test]
    fn known_names_take_their_titles() {
        let found = mentions("Ruritanian Foreign Minister Anna Kowal said on Monday.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Ruritanian Foreign Minister Anna Kowal");
        assert_eq!(found[0].1, MentionKind::Known(0));
        assert_eq!(found[0].2.as_deref(), Some("Ruritanian Foreign Minister"));
    }

    #[test]
    fn appositive_titles() {
        let found = mentions("Boris Tamm, the presidential spokesman, said.");
        assert_eq!(found[0].2.as_deref(), Some("presidential spokesman"));
        let found = mentions("Hakan Fidan, Turkey's foreign minister, said.");
        assert_eq!(
            found[0].1,
            MentionKind::NewPerson {
                name: "Hakan Fidan".into()
            }
        );
    }

    #[test]
    fn names_after_a_title_and_a_comma() {
        let found = mentions("On Wednesday, the UN spokesperson, Karim Abdel-Nour, said.");
        assert!(found.iter().all(|f| !f.0.starts_with("On")), "{found:?}");
        assert!(
            found.iter().any(|f| f.1
                == MentionKind::NewPerson {
                    name: "Karim Abdel-Nour".into()
                }),
            "{found:?}"
        );
        let found = mentions(
            "The spokesman of the state government, Al-Tayeb Saad al-Din, told reporters.",
        );
        assert!(
            found.iter().any(|f| f.1
                == MentionKind::NewPerson {
                    name: "Al-Tayeb Saad al-Din".into()
                }),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_people_with_a_title_become_speakers() {
        let found = mentions("Secretary of State Antony J. Blinken said.");
        assert_eq!(
            found[0].1,
            MentionKind::NewPerson {
                name: "Antony J. Blinken".into()
            }
        );
        let found = mentions("Turkish Foreign Minister Hakan Fidan told reporters.");
        assert_eq!(
            found[0].1,
            MentionKind::NewPerson {
                name: "Hakan Fidan".into()
            }
        );
        assert_eq!(found[0].2.as_deref(), Some("Turkish Foreign Minister"));
    }

    #[test]
    fn family_names_pronouns_and_descriptors() {
        let found = mentions(
            "Minister Kowal spoke, then she left; the Ruritanian diplomat and the latter stayed.",
        );
        let kinds: Vec<_> = found.iter().map(|f| f.1.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                MentionKind::Surname("Kowal".into()),
                MentionKind::Pronoun(Gender::Female),
                MentionKind::Descriptor {
                    class: RoleClass::Diplomat,
                    country: None
                },
                MentionKind::Latter,
            ]
        );
    }

    #[test]
    fn unnamed_sources_countries_and_outlets_are_no_officials() {
        for text in [
            "Sources said it.",
            "An official said it.",
            "Russian officials said it.",
            "Reuters reported it.",
            "Moscow has called for calm.",
            "A spokesman said it.",
        ] {
            let found = mentions(text);
            assert_eq!(
                found.first().map(|f| f.1.clone()),
                Some(MentionKind::NotOfficial),
                "{text}"
            );
        }
    }

    #[test]
    fn ministries_are_institutions() {
        let found = mentions("The Turkish Defence Ministry said.");
        assert_eq!(
            found[0].1,
            MentionKind::NewInstitution {
                name: "Turkish Defence Ministry".into(),
                country: Some("Turkey".into())
            }
        );
        let found = mentions("Ruritania's foreign ministry said.");
        assert!(matches!(found[0].1, MentionKind::Known(_)));
    }
}
