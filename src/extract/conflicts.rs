//! Which conflict a statement is about: its own words first, then its sentence, then the
//! statement before it and the article's subject; "none" when it is about something else
//! (trade, a visit, arms control).

use chrono::NaiveDate;

use std::ops::Range;

use super::knowledge::{ConflictEvidence, Taxonomy, Terms};
use crate::model::ConflictIdx;

/// Below this score evidence is a party or a place alone ("Iran", "Azerbaijan"): too weak
/// to outweigh a subject that is no conflict (trade with Azerbaijan is about trade).
const STRONG: f32 = 3.0;

/// What an article's body must say of one conflict for it to be the article's subject
/// when its lead names none: one place of it at least.
const BODY_MIN: f32 = 2.0;

/// What a statement's conflict is judged from besides its own words.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    pub previous: Option<ConflictIdx>,
    pub article: Option<ConflictIdx>,
    pub day: Option<NaiveDate>,
}

/// Chooses among conflicts with equal evidence: the one in context, then the one
/// active on the day.
fn pick(taxonomy: &Taxonomy, best: &[ConflictIdx], ctx: &Context) -> Option<ConflictIdx> {
    match best {
        [] => None,
        [one] => Some(*one),
        many => ctx
            .previous
            .filter(|c| many.contains(c))
            .or_else(|| ctx.article.filter(|c| many.contains(c)))
            .or_else(|| {
                let day = ctx.day?;
                let active = || {
                    many.iter()
                        .copied()
                        .filter(move |&c| taxonomy.active_on(c, day))
                };
                // A bounded conflict active that day (a war of weeks) beats an open-ended one.
                active()
                    .find(|&c| taxonomy.conflicts[c].end.is_some())
                    .or_else(|| active().next())
            })
            .or_else(|| many.first().copied()),
    }
}

/// Scores with conflicts active on the day counted double when they are bounded in time:
/// while a short war lasts, statements about its parties are about it.
fn weigh(
    taxonomy: &Taxonomy,
    mut ev: ConflictEvidence,
    day: Option<NaiveDate>,
) -> ConflictEvidence {
    if let Some(day) = day {
        for (c, score) in ev.scores.iter_mut().enumerate() {
            let conflict = &taxonomy.conflicts[c];
            if *score > 0.0
                && conflict.end.is_some()
                && conflict.start.is_some()
                && taxonomy.active_on(c, day)
            {
                *score *= 2.0;
            }
        }
    }
    ev
}

fn decide(
    taxonomy: &Taxonomy,
    ev: &ConflictEvidence,
    ctx: &Context,
) -> Option<Option<ConflictIdx>> {
    let max = ev.scores.iter().copied().fold(0.0_f32, f32::max);
    if ev.no_conflict_topic && max < STRONG {
        return Some(None);
    }
    if max > 0.0 {
        return Some(pick(taxonomy, &ev.best(), ctx));
    }
    None
}

/// The conflict of a statement from its own words, then its sentence, then context:
/// `own` and `sentence` are ranges of the text whose `terms` are given.
pub fn tag(
    taxonomy: &Taxonomy,
    terms: &Terms,
    own: Range<usize>,
    sentence: Range<usize>,
    ctx: &Context,
) -> Option<ConflictIdx> {
    let own_ev = weigh(taxonomy, terms.evidence(taxonomy, own.clone()), ctx.day);
    if let Some(decided) = decide(taxonomy, &own_ev, ctx) {
        return decided;
    }
    if sentence.len() > own.len() {
        let sentence_ev = weigh(taxonomy, terms.evidence(taxonomy, sentence), ctx.day);
        if let Some(decided) = decide(taxonomy, &sentence_ev, ctx) {
            return decided;
        }
    }
    ctx.previous.or(ctx.article)
}

/// The subject of an article: its headline and lead, or else what most of it is about.
pub fn article_conflict(
    taxonomy: &Taxonomy,
    lead: &str,
    body_terms: &Terms,
    body_len: usize,
    day: Option<NaiveDate>,
) -> Option<ConflictIdx> {
    let ctx = Context {
        day,
        ..Context::default()
    };
    let lead_ev = weigh(taxonomy, taxonomy.evidence(lead), day);
    if let Some(decided) = decide(taxonomy, &lead_ev, &ctx) {
        return decided;
    }
    let body_ev = weigh(taxonomy, body_terms.evidence(taxonomy, 0..body_len), day);
    let max = body_ev.scores.iter().copied().fold(0.0_f32, f32::max);
    (max >= BODY_MIN)
        .then(|| pick(taxonomy, &body_ev.best(), &ctx))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::super::knowledge::tests::knowledge;
    use super::*;

    /// Tags `own` as said in `sentence` (which holds it), or alone.
    fn tag(taxonomy: &Taxonomy, own: &str, sentence: &str, ctx: &Context) -> Option<ConflictIdx> {
        let text = if sentence.contains(own) {
            sentence
        } else {
            own
        };
        let at = text.find(own).unwrap_or(0);
        let terms = taxonomy.terms(text);
        super::tag(taxonomy, &terms, at..at + own.len(), 0..text.len(), ctx)
    }

    #[test]
    fn own_words_decide_first() {
        let k = knowledge();
        let ctx = Context {
            previous: Some(1),
            ..Context::default()
        };
        assert_eq!(
            tag(&k.taxonomy, "the Strelsau offensive goes on", "", &ctx),
            Some(0)
        );
    }

    #[test]
    fn context_fills_in_when_the_words_say_nothing() {
        let k = knowledge();
        let ctx = Context {
            previous: None,
            article: Some(1),
            day: None,
        };
        assert_eq!(
            tag(
                &k.taxonomy,
                "We hope for the best",
                "We hope for the best, he said",
                &ctx
            ),
            Some(1)
        );
    }

    #[test]
    fn no_conflict_topics_stop_the_fallback() {
        let k = knowledge();
        let ctx = Context {
            previous: Some(0),
            article: Some(0),
            day: None,
        };
        assert_eq!(
            tag(&k.taxonomy, "there is no trade between us", "", &ctx),
            None
        );
        // Strong evidence wins over the topic.
        assert_eq!(
            tag(
                &k.taxonomy,
                "trade stopped by the Strelsau offensive",
                "",
                &ctx
            ),
            Some(0)
        );
    }

    #[test]
    fn ties_go_to_the_context() {
        let k = knowledge();
        // "Zenda" is a place of conflict 0 (2) and an actor of conflict 1 (1): add 1 to 1.
        let ctx = Context {
            previous: Some(1),
            article: None,
            day: None,
        };
        assert_eq!(
            tag(&k.taxonomy, "the Zenda treaty and Osterlich", "", &ctx),
            Some(1)
        );
    }

    #[test]
    fn article_subject_from_lead_or_body() {
        let k = knowledge();
        let subject = |lead: &str, body: &str| {
            article_conflict(&k.taxonomy, lead, &k.taxonomy.terms(body), body.len(), None)
        };
        assert_eq!(
            subject("A state visit is planned", "Osterlich Osterlich"),
            None
        );
        assert_eq!(subject("News", "fighting in Osterlich"), Some(0));
        assert_eq!(subject("News", "nothing"), None);
    }
}
