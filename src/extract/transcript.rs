//! Turns of a transcript: press briefings and interviews print each turn as a paragraph
//! that opens with a label ("Q:", "A:", "Mao Ning:", "SECRETARY RUBIO:"), and the words
//! after an answer's label are the respondent's, with no speech verb anywhere.

use std::ops::Range;

use super::tokens::{Tok, TokKind, with_lowercase};

/// What a paragraph's opening label says about who speaks in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Turn {
    /// A journalist's question ("Q:", "Question:", "Moderator:"): nobody's statement.
    Question,
    /// The answer of the briefing's respondent ("A:", "Answer:").
    Answer,
    /// A turn labelled with a speaker's name or title: the label's tokens.
    Speaker(Range<usize>),
}

/// A paragraph's turn label and the byte where the turn's words begin, if it opens with
/// one: at most five capitalised words (or "Q"/"A") and a colon, then words.
pub fn turn_label(text: &str, toks: &[Tok]) -> Option<(Turn, usize)> {
    let colon = toks
        .iter()
        .take(6)
        .position(|t| t.kind == TokKind::Punct(':'))?;
    if colon == 0 {
        return None;
    }
    let words = &toks[..colon];
    let capitalised = |t: &Tok| {
        t.is_word()
            && text[t.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    // "Mr. Lavrov:": a dot may follow an abbreviation inside the label.
    if !words.iter().all(|t| capitalised(t) || t.is_punct('.')) {
        return None;
    }
    let rest = toks.get(colon + 1)?;
    let label = &text[words[0].start..words[words.len() - 1].end];
    let turn = with_lowercase(label, |l| match l {
        "q" | "question" | "questions" | "moderator" | "journalist" | "reporter" => {
            Some(Turn::Question)
        }
        "a" | "answer" => Some(Turn::Answer),
        // A headline word or a section, not a speaker: "Photo:", "Related:", "Editor's note:".
        _ if words.len() == 1 && is_section_word(l) => None,
        _ => Some(Turn::Speaker(0..colon)),
    })?;
    Some((turn, rest.start))
}

/// Labels that open captions, links and notes rather than someone's words.
fn is_section_word(lower: &str) -> bool {
    matches!(
        lower,
        "photo"
            | "photos"
            | "image"
            | "video"
            | "related"
            | "read"
            | "source"
            | "sources"
            | "note"
            | "update"
            | "updated"
            | "background"
            | "context"
            | "analysis"
            | "opinion"
            | "live"
            | "breaking"
            | "exclusive"
            | "watch"
            | "listen"
            | "see"
            | "also"
            | "correction"
            | "disclaimer"
            | "tags"
            | "topics"
            | "credit"
            | "caption"
            | "file"
    )
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn label(text: &str) -> Option<(Turn, &str)> {
        let toks = tokenize(text);
        turn_label(text, &toks).map(|(turn, at)| (turn, &text[at..]))
    }

    #[test]
    fn questions_and_answers() {
        assert_eq!(
            label("Q: What is your response?"),
            Some((Turn::Question, "What is your response?"))
        );
        assert_eq!(
            label("A: The remarks are dangerous."),
            Some((Turn::Answer, "The remarks are dangerous."))
        );
    }

    #[test]
    fn a_speaker_label_names_the_speaker() {
        assert_eq!(
            label("SECRETARY RUBIO: Thank you."),
            Some((Turn::Speaker(0..2), "Thank you."))
        );
        assert_eq!(
            label("Mr. Lavrov: We are ready."),
            Some((Turn::Speaker(0..3), "We are ready."))
        );
    }

    #[test]
    fn sections_sentences_and_times_are_no_labels() {
        assert_eq!(label("Photo: A checkpoint near Kati."), None);
        assert_eq!(label("The minister said: we are ready."), None);
        assert_eq!(label("At 10:30 the talks began."), None);
        assert_eq!(label("Related:"), None);
        assert_eq!(label("No colon here at all"), None);
    }
}
