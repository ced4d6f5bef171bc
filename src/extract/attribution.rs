//! Statements in a sentence: which quotes are someone's words, which sentences report
//! speech, and who the subject of the speech verb is. Speakers are returned as mentions;
//! resolving them to people is the caller's work.

use std::ops::Range;

use smallvec::SmallVec;

use super::classes::SPEECH_VERB;
use super::dates::TimeExpr;
use super::lexicon::{VerbForm, is_auxiliary, is_verb_adverb, phrasal_speech_verb, speech_verb};
use super::mentions::Mention;
use super::quotes::Quote;
use super::tokens::{Lowered, Tok, TokKind, strip_possessive, with_lowercase};
use crate::model::Kind;

/// Where a statement's speaker comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerSource {
    /// The mention with this index (in the paragraph's mention list).
    Mention(usize),
    /// No attribution in the sentence: a quote that goes on from the previous speaker.
    Continuation,
}

/// A statement found in a sentence, before its speaker, date and conflict are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range in the paragraph.
    pub span: Range<usize>,
    pub kind: Kind,
    pub speaker: SpeakerSource,
    /// The time expression (index in the paragraph's list) that dates the speech act.
    pub time: Option<usize>,
    /// Said at some earlier time ("has said", "had warned"): no date of its own.
    pub background: bool,
}

/// What one sentence yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceAnalysis {
    pub candidates: SmallVec<[Candidate; 4]>,
    /// The sentence attributes speech to a subject that is no official (sources, a
    /// country): quotes after it must not go on from an earlier speaker.
    pub unofficial_speech: bool,
    /// A time expression opening the sentence ("On the 24th (local time), …").
    pub leading_time: Option<usize>,
    /// The named person a sentence without speech is about, as its subject ("In
    /// Ouagadougou, Captain Traoré struck a similar note."): "he" after it is most likely
    /// that person, not the last speaker.
    pub subject: Option<usize>,
}

/// The paragraph as the analysis sees it.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub quotes: &'a [Quote],
    /// For each token, the quote it lies in.
    pub quote_of: &'a [Option<usize>],
    /// Each token that is a word outside quotes, as `outside_quotes` gives them.
    pub words: &'a [Option<&'a str>],
    /// The tokens lowercased, and what each word is to the rules.
    pub lowered: &'a Lowered,
    pub mentions: &'a [Mention],
    pub times: &'a [TimeExpr],
}

/// A speech verb and the mention that is its subject.
#[derive(Debug, Clone)]
struct Attribution {
    verb: Range<usize>,
    mention: usize,
    /// "…, said Peskov" or "…, Peskov said": the statement stands before it.
    trailing: bool,
    time: Option<usize>,
    background: bool,
}

/// Each token that is a word outside quotes, sliced once, into `words` (cleared first;
/// one vector serves every paragraph of an article): the rules ask for words by index
/// again and again.
pub fn outside_quotes<'a>(
    text: &'a str,
    toks: &[Tok],
    in_quote: &[bool],
    words: &mut Vec<Option<&'a str>>,
) {
    words.clear();
    words.extend(
        toks.iter()
            .zip(in_quote)
            .map(|(t, &quoted)| (t.is_word() && !quoted).then(|| &text[t.range()])),
    );
}

impl Paragraph<'_> {
    #[inline]
    fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).copied().flatten()
    }

    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct(c))
            && self.quote_of[i].is_none()
    }

    fn is_quote_mark(&self, i: usize) -> bool {
        self.quote_of[i].is_some() && matches!(self.toks[i].kind, TokKind::Punct(_))
    }

    /// A speech verb at `i` (lowercase, outside quotes): its token range and form.
    fn speech_verb_at(&self, i: usize) -> Option<(Range<usize>, VerbForm)> {
        let w = self.word(i)?;
        if w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // Phrasal verbs and "maintained" start with these letters: most words skip both.
        let maybe_phrasal = matches!(w.as_bytes()[0], b'r' | b'p' | b's' | b'm');
        if maybe_phrasal
            && matches!(
                w,
                "ruled" | "rules" | "ruling" | "pointed" | "points" | "pointing" | "spoke"
            )
            && let Some(next) = self.word(i + 1)
            && let Some(form) = with_lowercase(next, |next| phrasal_speech_verb(w, next))
        {
            return Some((i..i + 2, form));
        }
        // "has long maintained that …": a claim; "maintained contacts": not speech.
        if maybe_phrasal
            && matches!(w, "maintained" | "maintains")
            && self.lower_is(i + 1, &["that"])
        {
            return Some((i..i + 1, VerbForm::Finite));
        }
        // The table says at once whether a word is a speech verb at all.
        if self.lowered.class(i) & SPEECH_VERB == 0 {
            return None;
        }
        let form = speech_verb(w)?;
        // "called for", "called on", "called the attack “a horrific example”": a call;
        // "called Putin": a phone call.
        let names_a_quote =
            (i + 1..i + 7).any(|k| self.quote_of.get(k).is_some_and(Option::is_some));
        if matches!(w, "called" | "calls" | "calling")
            && !self.lower_is(i + 1, &["for", "on"])
            && !names_a_quote
        {
            return None;
        }
        Some((i..i + 1, form))
    }

    fn mention_ending_at(&self, end: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.toks.end == end)
    }

    fn mention_starting_at(&self, start: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.toks.start == start)
    }

    fn time_ending_at(&self, end: usize) -> Option<usize> {
        self.times.iter().position(|t| t.toks.end == end)
    }

    fn time_starting_at(&self, start: usize) -> Option<usize> {
        self.times.iter().position(|t| t.toks.start == start)
    }

    /// Walks back from a speech verb to its subject, over adverbs, auxiliaries, time
    /// expressions, appositions and parentheses. Returns the subject mention, a time
    /// expression passed on the way, and whether an auxiliary made it background.
    fn subject_before(
        &self,
        verb: usize,
        sentence: &Range<usize>,
    ) -> Option<(usize, Option<usize>, bool)> {
        let mut p = verb;
        let mut time = None;
        let mut background = false;
        // A person named in an apposition: "The foreign secretary, David Lammy, said".
        let mut named: Option<usize> = None;
        let named_or = |m: Option<usize>, named: Option<usize>| match (m, named) {
            (Some(m), Some(n)) if !self.is_named_person(m) => Some(n),
            (None, n) => n,
            (m, _) => m,
        };
        while p > sentence.start {
            let i = p - 1;
            if let Some(m) = self.mention_ending_at(p) {
                // A description in apposition after the name, with a clause after it:
                // "Muttaqi, the acting foreign minister, who was in Delhi, told …".
                // (Not for "who" itself: a relative clause's own verb is no attribution.)
                if named.is_none()
                    && !self.is_relative_pronoun(m)
                    && !self.is_named_person(m)
                    && let Some(n) = self.named_before_apposition(m, sentence)
                {
                    return Some((n, time, background));
                }
                return named_or(Some(m), named).map(|m| (m, time, background));
            }
            if let Some(w) = self.word(i) {
                let (has, skip) = with_lowercase(w, |l| {
                    (
                        matches!(l, "has" | "have" | "had" | "previously"),
                        is_verb_adverb(l) || is_auxiliary(l),
                    )
                });
                if has {
                    background = true;
                }
                if skip {
                    p = i;
                    continue;
                }
            }
            if let Some(t) = self.time_ending_at(p) {
                time = Some(t);
                p = self.times[t].toks.start;
                continue;
            }
            if self.punct(i, ')') {
                let Some(open) = (sentence.start..i).rev().find(|&k| self.punct(k, '(')) else {
                    break;
                };
                p = open;
                continue;
            }
            if self.punct(i, ',') {
                // An apposition, a relative clause or a participial phrase between commas:
                // ", the spokesman,", ", who …,", ", speaking in Luxembourg on Monday,".
                let Some(open) = (sentence.start.max(i.saturating_sub(16))..i)
                    .rev()
                    .find(|&k| self.punct(k, ','))
                else {
                    break;
                };
                let inner = open + 1..i;
                let first = self.word(open + 1).unwrap_or("");
                let participle = first.len() > 4
                    && first.ends_with("ing")
                    && first.chars().all(char::is_lowercase);
                // ", at his weekly briefing on Monday,": where and when the words were said.
                let venue = self.lower_is(open + 1, PREPOSITIONS);
                let clause = inner
                    .clone()
                    .any(|k| self.mentions.iter().any(|m| m.toks.contains(&k)))
                    || participle
                    || venue
                    || self.lower_is(
                        open + 1,
                        &[
                            "the",
                            "a",
                            "an",
                            "who",
                            "which",
                            "whose",
                            "however",
                            "meanwhile",
                        ],
                    )
                    || first.chars().next().is_some_and(char::is_uppercase);
                // A nickname in quotes may stand in a name; quoted speech may not.
                let quoted_words = inner
                    .clone()
                    .filter(|&k| self.quote_of[k].is_some() && self.toks[k].is_word())
                    .count();
                if !clause || quoted_words > 3 {
                    break;
                }
                if let Some(m) = self
                    .mentions
                    .iter()
                    .rposition(|m| inner.contains(&m.toks.start) && m.toks.end <= i)
                    && self.is_named_person(m)
                {
                    named = named.or(Some(m));
                }
                if (participle || venue) && time.is_none() {
                    time = self
                        .times
                        .iter()
                        .rposition(|t| inner.contains(&t.toks.start) && t.toks.end <= i);
                }
                p = open;
                continue;
            }
            break;
        }
        named_or(None, named).map(|m| (m, time, background))
    }

    /// The person named right before the apposition or relative clause that holds
    /// mention `m` ("Muttaqi, the Taliban's acting foreign minister"; "Nangaa, who leads
    /// the Congo River Alliance"): it opens with a comma and "the", "a", "who" or a
    /// capitalised word, a few words before `m`.
    fn named_before_apposition(&self, m: usize, sentence: &Range<usize>) -> Option<usize> {
        let start = self.mentions[m].toks.start;
        let open = (sentence.start.max(start.saturating_sub(8))..start)
            .rev()
            .find(|&k| self.punct(k, ','))?;
        let first = self.word(open + 1)?;
        let apposition = self.lower_is(open + 1, &["the", "a", "an", "who", "whose"])
            || first.chars().next().is_some_and(char::is_uppercase);
        let plain = (open + 1..start).all(|k| self.word(k).is_some() && self.quote_of[k].is_none());
        if !(apposition && plain) {
            return None;
        }
        self.mention_ending_at(open)
            .filter(|&n| self.is_named_person(n))
    }

    /// Whether mention `m` is a relative pronoun ("who", "which", "that"), whose verb is
    /// no attribution of its own. Case matters: "WHO said" is the World Health
    /// Organization.
    fn is_relative_pronoun(&self, m: usize) -> bool {
        self.word(self.mentions[m].toks.start)
            .is_some_and(|w| matches!(w, "who" | "which" | "that"))
    }

    /// Whether a mention names a person (rather than describing one, or an institution).
    fn is_named_person(&self, m: usize) -> bool {
        self.mentions[m].named_person
    }

    /// "Peskov addressed the deal, emphasizing that …": a participle after a comma speaks
    /// for the subject that opens the sentence, unless the nearest noun is a report or a
    /// source ("media reports, claiming that …").
    fn main_subject(
        &self,
        participle: usize,
        sentence: &Range<usize>,
    ) -> Option<(usize, Option<usize>, bool)> {
        let verb = self.word(participle)?;
        if matches!(
            verb,
            "claiming" | "reporting" | "suggesting" | "indicating" | "citing"
        ) {
            return None;
        }
        let comma = participle.checked_sub(1).filter(|&c| self.punct(c, ','))?;
        if self
            .word(comma.checked_sub(1)?)
            .is_some_and(|w| with_lowercase(w, super::lexicon::is_unnamed_source_noun))
        {
            return None;
        }
        // The sentence opens with the subject, perhaps after an adverb or a short place
        // or time phrase and a comma ("Finally,", "In Islamabad,").
        let mut start = sentence.start;
        let opener = (start + 1..(start + 5).min(comma)).find(|&k| self.punct(k, ','));
        if let Some(k) = opener {
            let plain = (start..k).all(|x| {
                self.word(x).is_some()
                    && with_lowercase(self.word(x).unwrap_or(""), speech_verb).is_none()
            });
            if plain && self.mention_starting_at(start).is_none() {
                start = k + 1;
            }
        }
        let m = self.mention_starting_at(start)?;
        let after = self.mentions[m].toks.end;
        let verb_follows = self
            .word(after)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        // The main clause's time dates the speech too: "struck a tone last week, telling …".
        let time = self
            .times
            .iter()
            .rposition(|t| t.toks.start >= after && t.toks.end <= comma);
        (verb_follows && after < comma).then_some((m, time, false))
    }

    /// After a speech verb: an object ("reporters", "state television"), then venue
    /// phrases ("during a briefing"), then perhaps the time of the speech act.
    fn time_after(&self, verb: &Range<usize>, sentence: &Range<usize>) -> Option<usize> {
        let mut i = verb.end;
        // Verbs of saying take a clause ("said the talks on Monday were useful": Monday is
        // content); the others take an object first ("told reporters", "announced the
        // ceasefire", "called the attack …"), and a time after it dates the speech.
        let takes_object = self.word(verb.start).is_some_and(|w| {
            !matches!(
                w,
                "said"
                    | "says"
                    | "saying"
                    | "added"
                    | "adds"
                    | "adding"
                    | "noted"
                    | "notes"
                    | "noting"
                    | "stressed"
                    | "stresses"
                    | "stated"
                    | "states"
                    | "explained"
                    | "explains"
                    | "insisted"
                    | "insists"
                    | "argued"
                    | "argues"
                    | "claimed"
                    | "claims"
                    | "emphasized"
                    | "emphasised"
                    | "remarked"
                    | "replied"
                    | "reported"
                    | "wrote"
                    | "writes"
            )
        });
        let stop = |i: usize| {
            self.word(i).is_none_or(|_| {
                let l = self.lowered.get(i);
                l == "that"
                    || is_auxiliary(l)
                    || speech_verb(l).is_some()
                    || self.time_starting_at(i).is_some()
            })
        };
        if takes_object {
            let mut n = 0;
            while i < sentence.end && n < 6 && !self.lower_is(i, PREPOSITIONS) {
                // A quoted phrase in the object: "called them a “stern warning” on Monday".
                if let Some(q) = self.quote_of[i] {
                    let end = self
                        .toks
                        .partition_point(|t| t.start < self.quotes[q].outer.end);
                    if end - i > 7 {
                        break;
                    }
                    n += 1;
                    i = end;
                    continue;
                }
                if stop(i) {
                    break;
                }
                i += 1;
                n += 1;
            }
        }
        let mut budget: usize = 8;
        while i < sentence.end && budget > 0 {
            if let Some(t) = self.time_starting_at(i) {
                return Some(t);
            }
            if !self.lower_is(i, PREPOSITIONS) {
                return None;
            }
            i += 1;
            while i < sentence.end && !stop(i) && !self.lower_is(i, PREPOSITIONS) && budget > 0 {
                i += 1;
                budget -= 1;
            }
            budget = budget.saturating_sub(1);
        }
        None
    }

    /// Finds the attributions of a sentence, in order.
    fn attributions(&self, sentence: &Range<usize>) -> SmallVec<[Attribution; 4]> {
        let mut found: SmallVec<[Attribution; 4]> = SmallVec::new();
        let mut i = sentence.start;
        while i < sentence.end {
            // "According to him, …"
            if self.lower_is(i, &["according"])
                && self.lower_is(i + 1, &["to"])
                && let Some(m) = self.mention_starting_at(i + 2)
            {
                found.push(Attribution {
                    verb: i..i + 2,
                    mention: m,
                    trailing: false,
                    time: None,
                    background: false,
                });
                i += 2;
                continue;
            }
            let Some((verb, form)) = self.speech_verb_at(i) else {
                i += 1;
                continue;
            };
            let next = verb.end;
            // "Peskov's remarks", "the claims", "his comments": a noun, not a verb.
            if verb.start > sentence.start
                && self.word(verb.start - 1).is_some_and(|w| {
                    strip_possessive(w) != w
                        || with_lowercase(w, |l| {
                            matches!(
                                l,
                                "the" | "his" | "her" | "their" | "its" | "these" | "those"
                            )
                        })
                })
            {
                i = next;
                continue;
            }
            let subject = match form {
                VerbForm::Finite => self.subject_before(verb.start, sentence),
                // "with the latter vowing …"; "was quoted as saying".
                VerbForm::Participle => {
                    let with = self
                        .subject_before(verb.start, sentence)
                        .filter(|&(m, _, _)| {
                            let start = self.mentions[m].toks.start;
                            start > 0 && self.lower_is(start - 1, &["with"])
                        });
                    with.or_else(|| self.main_subject(verb.start, sentence))
                        .or_else(|| {
                            (verb.start >= 3
                                && self.lower_is(verb.start - 1, &["as"])
                                && self.lower_is(verb.start - 2, &["quoted", "cited"]))
                            .then(|| self.subject_before(verb.start - 2, sentence))
                            .flatten()
                        })
                }
            };
            // "…, who has long said that …": the clause of a relative pronoun is no
            // attribution of its own.
            let relative = subject.is_some_and(|(m, _, _)| self.is_relative_pronoun(m));
            let subject = if relative { None } else { subject };
            if let Some((mention, time, background)) = subject {
                let m = &self.mentions[mention];
                let before = m.toks.start.checked_sub(1);
                let trailing = before.is_some_and(|b| self.punct(b, ',') || self.is_quote_mark(b));
                // "X and Y met on Monday, with the latter vowing …": the speech is part of
                // the main clause's event, and takes its time.
                let absolute = form == VerbForm::Participle
                    && before.is_some_and(|b| self.lower_is(b, &["with"]));
                let main_clause_time = || {
                    self.times
                        .iter()
                        .rposition(|t| t.toks.start >= sentence.start && t.toks.end <= m.toks.start)
                };
                let time = time
                    .or_else(|| self.time_after(&verb, sentence))
                    .or_else(|| if absolute { main_clause_time() } else { None });
                found.push(Attribution {
                    verb: verb.clone(),
                    mention,
                    trailing,
                    time,
                    background,
                });
            } else if form == VerbForm::Finite
                && verb.start > sentence.start
                && self.lower_is(verb.start - 1, &["and"])
                && let Some(previous) = found.last_mut()
            {
                // "Asif rejected the figures and said on Sunday night that …": the second
                // verb has the first one's subject, and its time dates the speech.
                previous.time = previous.time.or_else(|| self.time_after(&verb, sentence));
            } else if form == VerbForm::Finite {
                // "…, said Peskov." — the verb before its subject.
                let before_verb = verb.start.checked_sub(1);
                let after_comma =
                    before_verb.is_some_and(|b| self.punct(b, ',') || self.is_quote_mark(b));
                if after_comma && let Some(m) = self.mention_starting_at(next) {
                    let time = self.time_after(&(verb.start..self.mentions[m].toks.end), sentence);
                    found.push(Attribution {
                        verb: verb.clone(),
                        mention: m,
                        trailing: true,
                        time,
                        background: false,
                    });
                }
            }
            i = next;
        }
        found
    }
}

const PREPOSITIONS: &[&str] = &[
    "during",
    "at",
    "in",
    "after",
    "following",
    "before",
    "to",
    "with",
    "by",
    "from",
    "on",
    "while",
    "when",
    "via",
    "through",
    "over",
    "ahead",
    "amid",
];

/// Whether a quote is someone's words rather than a phrase or a name in quotes.
fn quote_is_speech(
    p: &Paragraph,
    q: usize,
    sentence: &Range<usize>,
    attributions: &[Attribution],
    prev_speech_quote: Option<usize>,
) -> bool {
    let quote = &p.quotes[q];
    let open = p.toks.partition_point(|t| t.start < quote.outer.start);
    let close = p.toks.partition_point(|t| t.start < quote.outer.end);
    let words = p.toks[open..close].iter().filter(|t| t.is_word()).count();
    let before = (sentence.start..open)
        .rev()
        .find(|&k| p.quote_of[k].is_none());
    // A report's words are not the speaker's: "a report that “…”".
    let reported_by_others = (open.saturating_sub(5)..open).any(|k| {
        p.lower_is(
            k,
            &[
                "report",
                "reports",
                "reported",
                "article",
                "claims",
                "headline",
                "reporting",
            ],
        )
    });
    if reported_by_others && !before.is_some_and(|b| p.punct(b, ':')) {
        let by_speaker = attributions
            .iter()
            .any(|a| a.verb.end == open || a.verb.end + 1 == open);
        if !by_speaker {
            return false;
        }
    }
    // Opening the sentence: speech when attributed after it or long enough to be said.
    if before.is_none() {
        return words >= 2;
    }
    let b = before.unwrap_or(open);
    // Right after a verb with no colon, comma or "that", a quote is the verb's object
    // ("urged “utmost restraint”") unless it reads as a sentence of its own.
    let bare_verb = p.speech_verb_at(b).is_some();
    let reads_as_sentence = words >= 3
        && p.text[quote.inner.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    let introducer = p.punct(b, ':')
        || p.punct(b, ',')
        || p.lower_is(b, &["that"])
        || (bare_verb && reads_as_sentence);
    if !introducer {
        // "…,” he said": a quote right before its attribution.
        return false;
    }
    // The introducer must follow a speech verb after the previous quote, or continue it
    // ("… and that “…”").
    let from = prev_speech_quote.map_or(sentence.start, |prev| {
        p.toks
            .partition_point(|t| t.start < p.quotes[prev].outer.end)
    });
    let verb_between = (from.max(sentence.start)..=b)
        .any(|k| p.speech_verb_at(k).is_some() || p.lower_is(k, &["according"]));
    let continues = prev_speech_quote.is_some()
        && p.lower_is(b, &["that"])
        && b > 0
        && p.lower_is(b - 1, &["and"]);
    let title_like = words <= 4
        && !p.punct(b, ':')
        && p.toks[open..close].iter().filter(|t| t.is_word()).all(|t| {
            p.text[t.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    (verb_between || continues) && !title_like
}

/// Finds the statements of one sentence (token range) of a paragraph.
pub fn analyze_sentence(p: &Paragraph, sentence: Range<usize>) -> SentenceAnalysis {
    let mut out = SentenceAnalysis {
        leading_time: p.time_starting_at(sentence.start).filter(|&t| {
            let end = p.times[t].toks.end;
            p.punct(end, ',') || p.punct(end, '(') || p.mention_starting_at(end).is_some()
        }),
        ..SentenceAnalysis::default()
    };
    let attributions = p.attributions(&sentence);
    let official = |a: &Attribution| {
        !matches!(
            p.mentions[a.mention].kind,
            super::mentions::MentionKind::NotOfficial
        )
    };
    // Speech by someone who is no official, or whom no rule names ("said Farah Qureshi,
    // a senior fellow"): quotes after it are not the previous speaker's.
    let unnamed_speech = attributions.is_empty()
        && (sentence.start..sentence.end).any(|k| {
            p.speech_verb_at(k)
                .is_some_and(|(_, form)| form == VerbForm::Finite)
        });
    out.unofficial_speech = unnamed_speech || attributions.first().is_some_and(|a| !official(a));
    // The sentence's attribution: a trailing one at its end wins over verbs inside the
    // reported content; otherwise the first.
    let chosen = attributions
        .iter()
        .rev()
        .find(|a| a.trailing && official(a))
        .filter(|a| attributions.last().is_some_and(|l| l.verb == a.verb))
        .or_else(|| attributions.iter().find(|a| official(a)))
        .or_else(|| attributions.first())
        .cloned();

    let sentence_bytes = p.toks[sentence.start].start..p.toks[sentence.end - 1].end;
    let quotes: SmallVec<[usize; 8]> = (0..p.quotes.len())
        .filter(|&q| {
            let o = &p.quotes[q].outer;
            o.start >= sentence_bytes.start && o.start < sentence_bytes.end
        })
        .collect();
    let mut prev_speech = None;
    let mut speech_quotes: SmallVec<[usize; 8]> = SmallVec::new();
    for &q in &quotes {
        if quote_is_speech(p, q, &sentence, &attributions, prev_speech) {
            speech_quotes.push(q);
            prev_speech = Some(q);
        }
    }

    let leading_time = out.leading_time.or_else(|| {
        chosen
            .as_ref()
            .and_then(|a| opening_phrase_time(p, &sentence, p.mentions[a.mention].toks.start))
    });
    let make = |span: Range<usize>, kind: Kind, a: Option<&Attribution>| Candidate {
        span,
        kind,
        speaker: a.map_or(SpeakerSource::Continuation, |a| {
            SpeakerSource::Mention(a.mention)
        }),
        time: a.and_then(|a| a.time).or(leading_time),
        background: a.is_some_and(|a| a.background),
    };
    match chosen {
        Some(a) if !official(&a) => {}
        Some(a) if !speech_quotes.is_empty() => {
            // "told Net that technical teams had begun …, pointing out that “…”": the
            // reported clause before the quote is a statement of its own.
            if let Some(end) = reported_before_quote(p, &a, speech_quotes[0]) {
                out.candidates
                    .push(make(sentence_bytes.start..end, Kind::Reported, Some(&a)));
            }
            for q in speech_quotes {
                for span in own_words(p, q) {
                    out.candidates.push(make(span, Kind::Direct, Some(&a)));
                }
            }
        }
        Some(a) => {
            // "X said …, while Y said …": each speaker gets the part after their name.
            let second = attributions.iter().find(|b| {
                b.verb.start > a.verb.end
                    && b.mention != a.mention
                    && !b.trailing
                    && clause_boundary_before(p, p.mentions[b.mention].toks.start)
            });
            match second {
                Some(b) => {
                    let cut = p.toks[p.mentions[b.mention].toks.start].start;
                    let first_end =
                        p.text[sentence_bytes.start..cut].trim_end_matches([' ', ',', ';']);
                    let first_end = first_end
                        .strip_suffix(" while")
                        .or_else(|| first_end.strip_suffix(" whereas"))
                        .or_else(|| first_end.strip_suffix(" but"))
                        .or_else(|| first_end.strip_suffix(" and"))
                        .or_else(|| first_end.strip_suffix(" with"))
                        .unwrap_or(first_end)
                        .trim_end_matches([' ', ',', ';']);
                    out.candidates.push(make(
                        sentence_bytes.start..sentence_bytes.start + first_end.len(),
                        Kind::Reported,
                        Some(&a),
                    ));
                    if official(b) {
                        out.candidates
                            .push(make(cut..sentence_bytes.end, Kind::Reported, Some(b)));
                    }
                }
                None => out
                    .candidates
                    .push(make(sentence_bytes, Kind::Reported, Some(&a))),
            }
        }

        None if attributions.is_empty() && speech_quotes.is_empty() && !unnamed_speech => {
            out.subject = subject_of(p, &sentence);
        }
        None => {
            // Quotes with no attribution go on from the previous speaker only when the
            // sentence is nothing but the quote.
            let only_quote = speech_quotes.len() == 1 && {
                let q = &p.quotes[speech_quotes[0]];
                q.outer.start == sentence_bytes.start && sentence_bytes.end <= q.outer.end + 2
            };
            if only_quote {
                for span in own_words(p, speech_quotes[0]) {
                    out.candidates.push(make(span, Kind::Direct, None));
                }
            }
        }
    }
    out
}

/// The named person who opens a sentence as its subject: after at most an opening phrase
/// ("In Ouagadougou,") and capitalised or possessive words ("Burkina Faso's leader,"),
/// and followed, past an apposition, by a lowercase word (the verb).
fn subject_of(p: &Paragraph, sentence: &Range<usize>) -> Option<usize> {
    let m = p.mentions.iter().position(|m| {
        m.named_person && m.toks.start >= sentence.start && m.toks.start < sentence.end
    })?;
    let mention = &p.mentions[m];
    let opener_end = (sentence.start..(sentence.start + 5).min(mention.toks.start))
        .find(|&k| p.punct(k, ','))
        .map_or(sentence.start, |k| k + 1);
    let leads_in = (opener_end..mention.toks.start).all(|k| match p.word(k) {
        Some(w) => {
            w.chars().next().is_some_and(char::is_uppercase)
                || k > opener_end && p.word(k - 1).is_some_and(|w| strip_possessive(w) != w)
        }
        None => p.punct(k, ','),
    });
    if !leads_in {
        return None;
    }
    let mut after = mention.toks.end;
    let in_apposition = mention.toks.start > sentence.start && p.punct(mention.toks.start - 1, ',');
    if p.punct(after, ',') {
        after = if in_apposition {
            after + 1
        } else {
            (after + 1..(after + 12).min(sentence.end)).find(|&k| p.punct(k, ','))? + 1
        };
    }
    p.word(after)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        .then_some(m)
}

/// Where a reported clause ends that stands between an attribution and its first quote:
/// the verb is followed by "that" and a clause of four words or more before the words
/// that introduce the quote ("…, pointing out that “…”"), or, with no "that", by six
/// words or more around a quoted phrase ("told reporters the United States “will not
/// tolerate attacks” and that “…”"). Quoted phrases inside are the clause's own.
fn reported_before_quote(p: &Paragraph, a: &Attribution, q: usize) -> Option<usize> {
    let open = p
        .toks
        .partition_point(|t| t.start < p.quotes[q].outer.start);
    if a.verb.end >= open {
        return None;
    }
    // Back over the introducer: ":", ",", "that", "and", "by", speech verbs and participles.
    let mut intro = open;
    while intro > a.verb.end {
        let k = intro - 1;
        let introducer = p.punct(k, ':')
            || p.punct(k, ',')
            || p.lower_is(k, &["that", "and", "by", "out", "saying", "adding"])
            || p.speech_verb_at(k).is_some();
        if !introducer {
            break;
        }
        intro = k;
    }
    let that = (a.verb.end..intro).find(|&k| p.lower_is(k, &["that"]));
    let start = that.map_or(a.verb.end, |t| t + 1);
    let clause_words = (start..intro).filter(|&k| p.toks[k].is_word()).count();
    let quoted_phrase = (a.verb.end..intro).any(|k| p.quote_of[k].is_some());
    // With no "that", the words after the verb (and its object, "told reporters") must
    // be a clause, not where it was said ("noted during a speech at the forum “…”").
    let venue = (a.verb.end..(a.verb.end + 2).min(intro)).any(|k| p.lower_is(k, PREPOSITIONS));
    let enough = match that {
        Some(_) => clause_words >= 4,
        None => quoted_phrase && clause_words >= 6 && !venue,
    };
    enough.then(|| p.toks[intro - 1].end)
}

/// Whether a new clause starts right before token `at`: "…, while", "; ", "…, but".
fn clause_boundary_before(p: &Paragraph, at: usize) -> bool {
    let Some(prev) = at.checked_sub(1) else {
        return false;
    };
    p.punct(prev, ';')
        || p.lower_is(prev, &["while", "whereas"])
        || (p.lower_is(prev, &["but", "and", "with"]) && prev > 0 && p.punct(prev - 1, ','))
}

/// A time expression in an opening phrase before the subject ("Speaking to reporters on
/// Monday, Zelensky said"), unless the phrase is a topic or a question, whose times are
/// about something else ("When asked whether they met the day before, …").
fn opening_phrase_time(p: &Paragraph, sentence: &Range<usize>, subject: usize) -> Option<usize> {
    // "…, Zelensky said" or "The tension rose on Tuesday, when Trump announced …".
    let comma = match subject.checked_sub(1) {
        Some(c) if p.punct(c, ',') => c,
        Some(w) if w > 0 && p.lower_is(w, &["when"]) && p.punct(w - 1, ',') => w - 1,
        _ => return None,
    };
    if comma <= sentence.start
        || p.lower_is(
            sentence.start,
            &[
                "regarding",
                "concerning",
                "as",
                "referring",
                "despite",
                "although",
                "though",
            ],
        )
    {
        return None;
    }
    let content_from = (sentence.start..comma)
        .find(|&k| {
            p.lower_is(
                k,
                &[
                    "whether", "if", "that", "about", "which", "who", "what", "how", "why",
                ],
            )
        })
        .unwrap_or(comma);
    p.times.iter().rposition(|t| {
        t.toks.start > sentence.start
            && t.toks.end <= content_from
            && p.quote_of[t.toks.start].is_none()
    })
}

/// The parts of a quote that are the speaker's own words: sentences in which the speaker
/// reports what someone else said ("He said that he supports …", "she noted that …")
/// are that other person's, so the quote is cut around them.
fn own_words(p: &Paragraph, q: usize) -> SmallVec<[Range<usize>; 4]> {
    let quote = &p.quotes[q];
    let first = p.toks.partition_point(|t| t.start < quote.inner.start);
    let last = p.toks.partition_point(|t| t.start < quote.inner.end);
    let word = |i: usize| {
        p.toks
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| &p.text[t.range()])
    };
    // Sentence starts inside the quote.
    let mut starts: SmallVec<[usize; 8]> = smallvec::smallvec![first];
    for i in first..last {
        let terminal = matches!(p.toks[i].kind, TokKind::Punct('.' | '!' | '?'));
        if terminal
            && word(i + 1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && i + 1 < last
        {
            starts.push(i + 1);
        }
    }
    starts.push(last);
    let nested = |from: usize, to: usize| {
        (from..to).any(|i| {
            let subject = word(i).is_some_and(|w| {
                matches!(w, "he" | "He" | "she" | "She")
                    || (w.chars().next().is_some_and(char::is_uppercase)
                        && !matches!(w, "I" | "We" | "You" | "It" | "This" | "That" | "There"))
            });
            if !subject {
                return false;
            }
            let mut v = i + 1;
            while word(v).is_some_and(is_verb_adverb) {
                v += 1;
            }
            // Past tense only: "reports", "claims" are as often nouns ("Credible reports
            // of …").
            let past = |w: &str| {
                speech_verb(w) == Some(VerbForm::Finite)
                    && (w.ends_with("ed") || matches!(w, "said" | "told" | "wrote"))
            };
            word(v).is_some_and(past)
        })
    };
    let mut spans: SmallVec<[Range<usize>; 4]> = SmallVec::new();
    let mut run: Option<Range<usize>> = None;
    for pair in starts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from >= to {
            continue;
        }
        let bytes = p.toks[from].start..p.toks[to - 1].end;
        if nested(from, to) {
            spans.extend(run.take());
        } else {
            run = Some(run.map_or(bytes.clone(), |r| r.start..bytes.end));
        }
    }
    spans.extend(run);
    spans
        .into_iter()
        .map(|r| {
            trim_quote(
                p.text,
                &(r.start.max(quote.inner.start)..r.end.min(quote.inner.end)),
            )
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The quoted words without surrounding spaces and a trailing comma.
fn trim_quote(text: &str, inner: &Range<usize>) -> Range<usize> {
    let s = &text[inner.clone()];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim().trim_end_matches(',').trim_end();
    inner.start + lead..inner.start + lead + body.len()
}
