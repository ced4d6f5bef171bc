//! What a lowercase word is to the rules, as bits of one table looked up once per token:
//! the mention, speech and date rules ask about every word of every paragraph, most
//! words are none of what they ask about, and one lookup per word costs less than a
//! hash lookup per question.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use super::lexicon;
use super::tokens::packed;

/// Bits of what a word is.
pub type Class = u32;

/// May open a mention besides names and titles: pronouns, determiners, modifiers of
/// titles, honorifics, kinds of ministry, unnamed sources.
pub const OPENER: Class = 1;
/// The first word of a title of office (or its plural).
pub const TITLE_START: Class = 1 << 1;
/// "mr", "dr", "madam".
pub const HONORIFIC: Class = 1 << 2;
/// "senior", "former", "presidential".
pub const TITLE_MODIFIER: Class = 1 << 3;
/// "sources", "officials", "diplomats".
pub const UNNAMED_SOURCE: Class = 1 << 4;
/// A one-word speech verb ("said", "warns", "adding").
pub const SPEECH_VERB: Class = 1 << 5;
/// A word a time expression may start with, besides digits and "mid-": weekdays,
/// months and their abbreviations, "last", "this", "yesterday", "the"...
pub const DATE_START: Class = 1 << 6;
/// A country, a capital or a country's adjective: never part of a person's name.
pub const PLACE: Class = 1 << 7;
/// A function word or a weekday or month: never part of a person's name either.
pub const STOP_OR_CALENDAR: Class = 1 << 8;
/// A news outlet or agency ("reuters", "tass"): it reports statements, it makes none.
pub const NEWS_OUTLET: Class = 1 << 9;

/// The lowercase words each bit is set for.
fn word_lists() -> Vec<(Class, Vec<String>)> {
    let owned = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let mut openers = Vec::new();
    for list in super::mentions::OPENER_LISTS {
        openers.extend(owned(list));
    }
    let date_starts = lexicon::WEEKDAYS
        .iter()
        .chain(&lexicon::MONTHS)
        .chain(&super::dates::MONTH_ABBREVIATIONS)
        .chain(&[
            "sept",
            "last",
            "this",
            "earlier",
            "yesterday",
            "today",
            "tonight",
            "overnight",
            "the",
            "that",
            "a",
        ])
        .map(|w| w.to_lowercase())
        .collect();
    let places = lexicon::place_words().map(str::to_string).collect();
    let stop_or_calendar = lexicon::stopwords()
        .chain(lexicon::WEEKDAYS)
        .chain(lexicon::MONTHS)
        .map(str::to_string)
        .collect();
    vec![
        (OPENER, openers),
        (TITLE_START, lexicon::title_start_words().collect()),
        (HONORIFIC, owned(lexicon::HONORIFICS)),
        (TITLE_MODIFIER, owned(super::mentions::TITLE_MODIFIERS)),
        (UNNAMED_SOURCE, owned(lexicon::UNNAMED_SOURCE_NOUNS)),
        (
            SPEECH_VERB,
            lexicon::speech_verbs().map(str::to_string).collect(),
        ),
        (DATE_START, date_starts),
        (PLACE, places),
        (STOP_OR_CALENDAR, stop_or_calendar),
        (NEWS_OUTLET, owned(lexicon::OUTLETS)),
    ]
}

/// The table: words that pack into 128 bits (nearly all) by their packed spelling, in
/// an open-addressing table written here rather than a `HashMap` because one probe of
/// an integer array is most of the cost of a lookup, and this runs for every word; the
/// other words by their text.
struct Table {
    /// Packed spellings, 0 where a slot is empty (no word packs to 0).
    keys: Box<[u128]>,
    classes: Box<[Class]>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
    long: HashMap<String, Class>,
}

impl Table {
    fn slot(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn insert(&mut self, key: u128, bit: Class) {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        self.keys[i] = key;
        self.classes[i] |= bit;
    }

    #[inline]
    fn get(&self, key: u128) -> Class {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                k if k == key => return self.classes[i],
                0 => return 0,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let lists = word_lists();
    let words: usize = lists.iter().map(|(_, w)| w.len()).sum();
    // At most a quarter full: probes stay short.
    let bits = (words * 4).next_power_of_two().trailing_zeros().max(4);
    let mut table = Table {
        keys: vec![0; 1 << bits].into(),
        classes: vec![0; 1 << bits].into(),
        shift: 64 - bits,
        long: HashMap::default(),
    };
    for (bit, words) in lists {
        for w in words {
            match packed(w.as_bytes()) {
                Some(key) => table.insert(key, bit),
                None => *table.long.entry(w).or_default() |= bit,
            }
        }
    }
    table
});

/// What a lowercase word (its UTF-8 bytes) is.
#[inline]
pub fn class_of_bytes(lower: &[u8]) -> Class {
    match packed(lower) {
        Some(key) => class_of_packed(key),
        None => std::str::from_utf8(lower)
            .ok()
            .and_then(|w| TABLE.long.get(w).copied())
            .unwrap_or(0),
    }
}

/// [`class_of_bytes`] of a word [`packed`].
#[inline]
pub fn class_of_packed(key: u128) -> Class {
    TABLE.get(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_of(word: &str) -> Class {
        class_of_bytes(word.as_bytes())
    }

    #[test]
    fn each_bit_answers_its_question() {
        let examples = [
            ("he", OPENER),
            ("spokesman", TITLE_START),
            ("mr", HONORIFIC),
            ("former", TITLE_MODIFIER),
            ("officials", UNNAMED_SOURCE),
            ("said", SPEECH_VERB),
            ("tuesday", DATE_START),
            ("oct", DATE_START),
            ("russian", PLACE),
            ("kyiv", PLACE),
            ("the", STOP_OR_CALENDAR),
            ("march", STOP_OR_CALENDAR),
            ("reuters", NEWS_OUTLET),
        ];
        for (word, bit) in examples {
            assert_ne!(class_of(word) & bit, 0, "{word}");
        }
        assert_eq!(class_of("ceasefire"), 0);
        assert_eq!(class_of("Said"), 0, "keys are lowercase");
    }

    #[test]
    fn speech_verbs_are_the_lexicons() {
        for w in ["said", "says", "saying", "stressed", "told", "warned"] {
            assert_eq!(
                class_of(w) & SPEECH_VERB != 0,
                lexicon::speech_verb(w).is_some(),
                "{w}"
            );
        }
    }
}
