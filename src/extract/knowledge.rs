//! What the extractor knows beforehand: the gazetteer of speakers and the taxonomy of
//! conflicts. Defaults are compiled in from `assets/`; a corpus can extend them with its
//! own `gazetteer.toml` and `conflicts.toml`.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use smallvec::SmallVec;

use super::phrases::{PhraseMatch, PhraseSet, leftmost_longest};
use crate::model::{Conflict, ConflictIdx, Gender, Role, Speaker, SpeakerIdx};

const DEFAULT_GAZETTEER: &str = include_str!("../../assets/gazetteer.toml");
const DEFAULT_CONFLICTS: &str = include_str!("../../assets/conflicts.toml");

/// Why a knowledge file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {message}")]
    Parse { path: String, message: String },
}

#[derive(Debug, Deserialize)]
struct GazetteerFile {
    #[serde(default)]
    person: Vec<PersonEntry>,
    #[serde(default)]
    institution: Vec<InstitutionEntry>,
}

#[derive(Debug, Deserialize)]
struct PersonEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    gender: Option<Gender>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    roles: Vec<Role>,
}

#[derive(Debug, Deserialize)]
struct InstitutionEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    country: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ConflictsFile {
    #[serde(default)]
    no_conflict_topics: Vec<String>,
    #[serde(default)]
    conflict: Vec<Conflict>,
}

/// Countries whose names put the family name first, so "Xi" and "Kim" find their people.
const FAMILY_NAME_FIRST: &[&str] = &[
    "China",
    "North Korea",
    "South Korea",
    "Taiwan",
    "Vietnam",
    "Cambodia",
];

/// Countries whose people are called by their given name on second mention ("Anwar",
/// "Abiy", "Prabowo", "Phumtham").
const GIVEN_NAME_USED: &[&str] = &[
    "Malaysia",
    "Indonesia",
    "Thailand",
    "Ethiopia",
    "Eritrea",
    "Iceland",
];

/// The people and institutions the extractor recognises by name.
#[derive(Debug)]
pub struct Gazetteer {
    pub speakers: Vec<Speaker>,
    names: PhraseSet,
    /// The names `names` was built from, for `Knowledge`'s one-pass search.
    name_phrases: Vec<String>,
    name_owner: Vec<SpeakerIdx>,
    /// Acronyms ("UN", "WHO") match in capitals only: "who" is no organisation.
    name_is_acronym: Vec<bool>,
    /// Lowercase family name → speakers who bear it.
    surnames: HashMap<String, Vec<SpeakerIdx>>,
}

/// A full name or institution found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub speaker: SpeakerIdx,
}

/// `text` without diacritics ("António" → "Antonio"), with a map from each byte offset
/// of the result (and its end) to the offset in `text`; `None` when there is nothing
/// to remove.
pub fn fold_accents(text: &str) -> Option<(String, Vec<usize>)> {
    use unicode_normalization::UnicodeNormalization;
    // Typographic quotes and dashes are not ASCII either: only letters can lose accents.
    if text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut changed = false;
    for (i, c) in text.char_indices() {
        let base = if c.is_ascii() {
            c
        } else {
            c.nfd()
                .next()
                .filter(char::is_ascii_alphabetic)
                .unwrap_or(c)
        };
        changed |= base != c;
        map.extend(std::iter::repeat_n(i, base.len_utf8()));
        folded.push(base);
    }
    map.push(text.len());
    changed.then_some((folded, map))
}

/// The family names a person is called by on second mention.
pub fn surnames_of(name: &str, country: Option<&str>) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = Vec::new();
    if let Some(last) = words.last() {
        out.push(last.to_lowercase());
        for prefix in ["al-", "el-", "Al-", "El-"] {
            if let Some(rest) = last.strip_prefix(prefix) {
                out.push(rest.to_lowercase());
            }
        }
    }
    if words.len() > 1
        && country.is_some_and(|c| FAMILY_NAME_FIRST.contains(&c) || GIVEN_NAME_USED.contains(&c))
    {
        out.push(words[0].to_lowercase());
    }
    out
}

impl Gazetteer {
    fn build(speakers: Vec<Speaker>) -> Self {
        let mut patterns = Vec::new();
        let mut name_owner = Vec::new();
        let mut surnames: HashMap<String, Vec<SpeakerIdx>> = HashMap::default();
        for (i, s) in speakers.iter().enumerate() {
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                // Names are matched without accents, on both sides.
                let n = &fold_accents(n).map_or_else(|| n.clone(), |(f, _)| f);
                patterns.push(n.clone());
                name_owner.push(i);
                if s.institutional {
                    patterns.push(format!("the {n}"));
                    name_owner.push(i);
                } else {
                    for surname in surnames_of(n, s.country.as_deref()) {
                        let owners = surnames.entry(surname).or_default();
                        if !owners.contains(&i) {
                            owners.push(i);
                        }
                    }
                }
            }
        }
        let names = PhraseSet::new(&patterns);
        let name_is_acronym = patterns
            .iter()
            .map(|p| {
                let p = p.strip_prefix("the ").unwrap_or(p);
                p.chars().any(char::is_alphabetic) && !p.chars().any(char::is_lowercase)
            })
            .collect();
        Self {
            speakers,
            names,
            name_phrases: patterns,
            name_owner,
            name_is_acronym,
            surnames,
        }
    }

    /// Full names and institutions in `text`, whole words only. A person's name must be
    /// capitalised as names are; institutions may be written in lower case.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        // "António Guterres" is the gazetteer's "Antonio Guterres": match on the text with
        // its accents removed, then map the matches back.
        if let Some((folded, map)) = fold_accents(text) {
            return self
                .find_names_exact(&folded)
                .into_iter()
                .map(|m| NameMatch {
                    start: map[m.start],
                    end: map[m.end],
                    ..m
                })
                .collect();
        }
        self.find_names_exact(text)
    }

    fn find_names_exact(&self, text: &str) -> Vec<NameMatch> {
        self.names
            .find_longest(text)
            .into_iter()
            .filter_map(|m| self.accept(text, m))
            .collect()
    }

    /// A name phrase found in `text`, if it is written as that name is: a person's name
    /// capitalised, an acronym in capitals.
    fn accept(&self, text: &str, m: PhraseMatch) -> Option<NameMatch> {
        let found = &text[m.start..m.end];
        let name = match found.get(..4) {
            Some(the) if the.eq_ignore_ascii_case("the ") => &found[4..],
            _ => found,
        };
        if self.name_is_acronym[m.phrase] && name.chars().any(char::is_lowercase) {
            return None;
        }
        let speaker = self.name_owner[m.phrase];
        let capitalised = found.chars().next().is_some_and(char::is_uppercase);
        (self.speakers[speaker].institutional || capitalised).then_some(NameMatch {
            start: m.start,
            end: m.end,
            speaker,
        })
    }

    /// What `find_names(&text[range])` finds (with offsets into `text`), picked from
    /// `found`, the phrases `Knowledge::phrases` found in the whole of `text`.
    pub fn names_in(&self, text: &str, found: &TextPhrases, range: Range<usize>) -> Vec<NameMatch> {
        let part = &text[range.clone()];
        if fold_accents(part).is_some() {
            return self
                .find_names(part)
                .into_iter()
                .map(|m| NameMatch {
                    start: m.start + range.start,
                    end: m.end + range.start,
                    ..m
                })
                .collect();
        }
        leftmost_longest(&found.names, range)
            .into_iter()
            .filter_map(|m| self.accept(text, m))
            .collect()
    }

    pub fn by_surname(&self, word: &str) -> &[SpeakerIdx] {
        let lookup = |lower: &str| self.surnames.get(lower).map_or(&[][..], Vec::as_slice);
        match fold_accents(word) {
            Some((folded, _)) => lookup(&folded.to_lowercase()),
            None => super::tokens::with_lowercase(word, lookup),
        }
    }
}

/// A term of the conflict taxonomy and what finding it says.
#[derive(Debug, Clone, Copy)]
enum Term {
    Conflict { conflict: ConflictIdx, weight: f32 },
    NoConflict,
}

/// The conflicts statements are tagged with, and the words that tell them apart.
#[derive(Debug)]
pub struct Taxonomy {
    pub conflicts: Vec<Conflict>,
    terms: PhraseSet,
    /// The terms `terms` was built from, for `Knowledge`'s one-pass search.
    term_phrases: Vec<String>,
    term_info: Vec<Term>,
}

/// The terms found in a text (a paragraph), to score any stretch of it.
#[derive(Debug)]
pub struct Terms {
    found: Vec<PhraseMatch>,
}

impl Terms {
    /// The evidence of the terms inside `range` of the text.
    pub fn evidence(&self, taxonomy: &Taxonomy, range: Range<usize>) -> ConflictEvidence {
        let mut ev = ConflictEvidence {
            scores: smallvec::smallvec![0.0; taxonomy.conflicts.len()],
            no_conflict_topic: false,
        };
        // Each term counts once: a name repeated is no more evidence than once.
        let mut seen: SmallVec<[usize; 16]> = SmallVec::new();
        let first = self.found.partition_point(|m| m.start < range.start);
        for m in &self.found[first..] {
            if m.start >= range.end {
                break;
            }
            if m.end > range.end || seen.contains(&m.phrase) {
                continue;
            }
            seen.push(m.phrase);
            match taxonomy.term_info[m.phrase] {
                Term::Conflict { conflict, weight } => ev.scores[conflict] += weight,
                Term::NoConflict => ev.no_conflict_topic = true,
            }
        }
        ev
    }
}

/// Conflicts whose scores `ConflictEvidence` holds without allocating (the default
/// taxonomy has 20).
const INLINE_CONFLICTS: usize = 32;

/// What a text says about conflicts: a score per conflict, and whether it is about one
/// of the subjects that are no conflict (trade, a visit, arms control).
///
/// On the stack for taxonomies of up to `INLINE_CONFLICTS` conflicts: every statement
/// is scored once or twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConflictEvidence {
    pub scores: SmallVec<[f32; INLINE_CONFLICTS]>,
    pub no_conflict_topic: bool,
}

impl ConflictEvidence {
    pub fn is_empty(&self) -> bool {
        self.scores.iter().all(|&s| s <= 0.0)
    }

    /// The conflicts with the highest score, when any scored.
    pub fn best(&self) -> SmallVec<[ConflictIdx; 4]> {
        let max = self.scores.iter().copied().fold(0.0_f32, f32::max);
        if max <= 0.0 {
            return SmallVec::new();
        }
        (0..self.scores.len())
            .filter(|&i| self.scores[i] >= max - f32::EPSILON)
            .collect()
    }
}

impl Taxonomy {
    fn build(file: ConflictsFile) -> Self {
        let mut patterns = Vec::new();
        let mut term_info = Vec::new();
        for (i, c) in file.conflict.iter().enumerate() {
            let weighted = [
                (&c.aliases, 4.0),
                (&c.keywords, 3.0),
                (&c.places, 2.0),
                (&c.actors, 1.0),
            ];
            for (words, weight) in weighted {
                for w in words {
                    patterns.push(w.clone());
                    term_info.push(Term::Conflict {
                        conflict: i,
                        weight,
                    });
                }
            }
            patterns.push(c.name.clone());
            term_info.push(Term::Conflict {
                conflict: i,
                weight: 4.0,
            });
        }
        for topic in &file.no_conflict_topics {
            patterns.push(topic.clone());
            term_info.push(Term::NoConflict);
        }
        // One term may stand for several conflicts ("Israel"), and one term may hold
        // another ("Gaza Strip"): the search reports every one of them.
        let terms = PhraseSet::new(&patterns);
        Self {
            conflicts: file.conflict,
            terms,
            term_phrases: patterns,
            term_info,
        }
    }

    /// The taxonomy's terms in `text`, whole words only, found once so that every
    /// statement of a paragraph is scored from them without searching again.
    pub fn terms(&self, text: &str) -> Terms {
        Terms {
            found: self.terms.find_all(text),
        }
    }

    /// Scores each conflict by the terms in `text`.
    pub fn evidence(&self, text: &str) -> ConflictEvidence {
        self.terms(text).evidence(self, 0..text.len())
    }

    /// Whether a conflict was active on a day (unknown activity counts as active).
    pub fn active_on(&self, conflict: ConflictIdx, day: NaiveDate) -> bool {
        let c = &self.conflicts[conflict];
        c.start.is_none_or(|s| s <= day) && c.end.is_none_or(|e| day <= e)
    }
}

/// Officials and conflicts an analyst added to a project: they join the defaults and
/// the corpus's own files for that project only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Additions {
    pub speakers: Vec<Speaker>,
    pub conflicts: Vec<Conflict>,
}

/// Gazetteer and taxonomy together.
#[derive(Debug)]
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub taxonomy: Taxonomy,
    /// The gazetteer's names, then the taxonomy's terms: an article's text is searched
    /// for both in one pass.
    phrases: PhraseSet,
}

/// The gazetteer's names and the taxonomy's terms in a text.
#[derive(Debug)]
pub struct TextPhrases {
    /// Every name phrase, overlapping ones included, by start: `Gazetteer::names_in`
    /// picks the names of any stretch from them.
    names: Vec<PhraseMatch>,
    pub terms: Terms,
}

impl KnowledgeError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            KnowledgeError::Read { path, .. } | KnowledgeError::Parse { path, .. } => path,
        }
    }
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str, path: &str) -> Result<T, KnowledgeError> {
    toml::from_str(text).map_err(|e| KnowledgeError::Parse {
        path: path.to_string(),
        message: e.to_string(),
    })
}

fn speakers_of(file: GazetteerFile) -> Vec<Speaker> {
    let people = file.person.into_iter().map(|p| Speaker {
        name: p.name,
        aliases: p.aliases,
        institutional: false,
        gender: p.gender,
        country: p.country,
        roles: p.roles,
    });
    let institutions = file.institution.into_iter().map(|i| Speaker {
        name: i.name,
        aliases: i.aliases,
        institutional: true,
        gender: None,
        country: i.country,
        roles: Vec::new(),
    });
    people.chain(institutions).collect()
}

impl Knowledge {
    fn new(gazetteer: Gazetteer, taxonomy: Taxonomy) -> Self {
        let all: Vec<&String> = gazetteer
            .name_phrases
            .iter()
            .chain(&taxonomy.term_phrases)
            .collect();
        let phrases = PhraseSet::new(&all);
        Self {
            gazetteer,
            taxonomy,
            phrases,
        }
    }

    /// The names and terms in `text`, in one pass over it (this runs over every
    /// article's whole text).
    pub fn phrases(&self, text: &str) -> TextPhrases {
        self.split_phrases(self.phrases.find_all(text))
    }

    /// What `phrases(text)` finds, from the word tokens of `text` (see
    /// `PhraseSet::find_all_in_tokens`).
    pub fn phrases_in_tokens(
        &self,
        text: &str,
        words: impl Iterator<Item = super::tokens::Tok>,
    ) -> TextPhrases {
        self.split_phrases(self.phrases.find_all_in_tokens(text, words))
    }

    fn split_phrases(&self, found: Vec<PhraseMatch>) -> TextPhrases {
        let names_count = self.gazetteer.name_phrases.len();
        let (names, mut terms): (Vec<PhraseMatch>, Vec<PhraseMatch>) =
            found.into_iter().partition(|m| m.phrase < names_count);
        for t in &mut terms {
            t.phrase -= names_count;
        }
        TextPhrases {
            names,
            terms: Terms { found: terms },
        }
    }

    /// Builds the knowledge from gazetteer and taxonomy texts (TOML).
    pub fn from_texts(gazetteer: &str, conflicts: &str) -> Result<Self, KnowledgeError> {
        let g: GazetteerFile = parse(gazetteer, "gazetteer")?;
        let c: ConflictsFile = parse(conflicts, "conflicts")?;
        Ok(Self::new(
            Gazetteer::build(speakers_of(g)),
            Taxonomy::build(c),
        ))
    }

    /// The defaults shipped in `assets/`, extended by `gazetteer.toml` and
    /// `conflicts.toml` in `dir` when it has them. Entries of the extensions with the
    /// name of a default entry replace it.
    pub fn load(dir: Option<&Path>) -> Result<Self, KnowledgeError> {
        Self::load_with(dir, &Additions::default())
    }

    /// Like [`Knowledge::load`], then with a project's own officials and conflicts,
    /// which replace entries of the same name.
    pub fn load_with(dir: Option<&Path>, additions: &Additions) -> Result<Self, KnowledgeError> {
        let mut g: GazetteerFile = parse(DEFAULT_GAZETTEER, "assets/gazetteer.toml")?;
        let mut c: ConflictsFile = parse(DEFAULT_CONFLICTS, "assets/conflicts.toml")?;
        if let Some(dir) = dir {
            if let Some(text) = read_optional(&dir.join("gazetteer.toml"))? {
                let extra: GazetteerFile = parse(&text, "gazetteer.toml")?;
                g.person
                    .retain(|p| !extra.person.iter().any(|e| e.name == p.name));
                g.institution
                    .retain(|p| !extra.institution.iter().any(|e| e.name == p.name));
                g.person.extend(extra.person);
                g.institution.extend(extra.institution);
            }
            if let Some(text) = read_optional(&dir.join("conflicts.toml"))? {
                let extra: ConflictsFile = parse(&text, "conflicts.toml")?;
                c.conflict
                    .retain(|x| !extra.conflict.iter().any(|e| e.name == x.name));
                c.conflict.extend(extra.conflict);
                c.no_conflict_topics.extend(extra.no_conflict_topics);
            }
        }
        let mut speakers = speakers_of(g);
        speakers.retain(|s| !additions.speakers.iter().any(|a| a.name == s.name));
        speakers.extend(additions.speakers.iter().cloned());
        c.conflict
            .retain(|x| !additions.conflicts.iter().any(|a| a.name == x.name));
        c.conflict.extend(additions.conflicts.iter().cloned());
        Ok(Self::new(Gazetteer::build(speakers), Taxonomy::build(c)))
    }

    /// The conflict with this canonical name or alias (case- and dash-insensitive).
    pub fn conflict_named(&self, name: &str) -> Option<ConflictIdx> {
        let key = fold_name(name);
        self.taxonomy.conflicts.iter().position(|c| {
            fold_name(&c.name) == key || c.aliases.iter().any(|a| fold_name(a) == key)
        })
    }
}

/// Lowercase with every dash as '-', for comparing names typed with other dashes.
pub fn fold_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}') {
                '-'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn read_optional(path: &Path) -> Result<Option<String>, KnowledgeError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(KnowledgeError::Read {
            path: path.display().to_string(),
            source,
        }),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const GAZETTEER: &str = r#"
[[person]]
name = "Anna Kowal"
aliases = ["Ana Koval"]
gender = "female"
country = "Ruritania"
roles = [{ title = "Foreign Minister", from = "2020-01-01" }]

[[person]]
name = "Boris Tamm"
gender = "male"
country = "Ruritania"
roles = [{ title = "Presidential spokesman" }]

[[person]]
name = "Li Wen"
gender = "male"
country = "China"
roles = [{ title = "Foreign Minister" }]

[[institution]]
name = "Ruritanian Foreign Ministry"
aliases = ["Ruritania's foreign ministry"]
country = "Ruritania"
"#;

    pub const CONFLICTS: &str = r#"
no_conflict_topics = ["trade", "tariffs", "state visit"]

[[conflict]]
name = "Ruritania–Osterlich war"
aliases = ["Ruritanian war"]
keywords = ["Strelsau offensive"]
places = ["Osterlich", "Zenda"]
actors = ["Ruritanian army"]

[[conflict]]
name = "Zenda dispute"
keywords = ["Zenda treaty"]
actors = ["Zenda"]
"#;

    pub fn knowledge() -> Knowledge {
        Knowledge::from_texts(GAZETTEER, CONFLICTS).expect("test knowledge parses")
    }

    #[test]
    fn finds_names_aliases_and_institutions() {
        let k = knowledge();
        let text = "Ana Koval met the Ruritanian Foreign Ministry; annakowal is no name.";
        let found = k.gazetteer.find_names(text);
        assert_eq!(found.len(), 2);
        assert_eq!(k.gazetteer.speakers[found[0].speaker].name, "Anna Kowal");
        assert_eq!(
            &text[found[1].start..found[1].end],
            "the Ruritanian Foreign Ministry"
        );
    }

    #[test]
    fn acronyms_match_in_capitals_only() {
        let k = Knowledge::from_texts(
            "[[institution]]\nname = \"World Health Organization\"\naliases = [\"WHO\"]\n",
            "",
        )
        .expect("parses");
        assert_eq!(k.gazetteer.find_names("The WHO said").len(), 1);
        assert!(k.gazetteer.find_names("those who said").is_empty());
        // Multi-byte letters right after a match start must not split a character.
        assert!(k.gazetteer.find_names("Thé WHO").len() <= 1);
    }

    #[test]
    fn names_match_without_their_accents() {
        let k = knowledge();
        let text = "Ána Kovál said";
        let found = k.gazetteer.find_names(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "Ána Kovál");
    }

    #[test]
    fn surnames_include_family_names_first() {
        let k = knowledge();
        assert_eq!(k.gazetteer.by_surname("Koval").len(), 1);
        assert_eq!(k.gazetteer.by_surname("li").len(), 1);
        assert!(k.gazetteer.by_surname("Nobody").is_empty());
    }

    #[test]
    fn evidence_weighs_terms_and_topics() {
        let k = knowledge();
        let ev = k
            .taxonomy
            .evidence("Fighting near Zenda and in Osterlich; trade too.");
        assert!(ev.no_conflict_topic);
        assert_eq!(ev.best().as_slice(), [0]);
        let ev = k.taxonomy.evidence("the Zendas");
        assert!(ev.is_empty());
    }

    #[test]
    fn additions_join_the_gazetteer_and_the_taxonomy() {
        let additions = Additions {
            speakers: vec![Speaker {
                name: "Mira Sand".into(),
                aliases: vec!["M. Sand".into()],
                ..Speaker::default()
            }],
            conflicts: vec![Conflict {
                name: "Sand river dispute".into(),
                keywords: vec!["Sand river".into()],
                ..Conflict::default()
            }],
        };
        let k = Knowledge::load_with(None, &additions).expect("parses");
        let found = k.gazetteer.find_names("M. Sand said");
        assert_eq!(k.gazetteer.speakers[found[0].speaker].name, "Mira Sand");
        assert!(k.conflict_named("sand river dispute").is_some());
        assert!(k.conflict_named("russia-ukraine war").is_some());
    }

    #[test]
    fn default_assets_parse() {
        let k = Knowledge::load(None).expect("default knowledge parses");
        assert!(k.gazetteer.speakers.len() > 10);
        assert!(k.conflict_named("russia-ukraine war").is_some());
    }
}
