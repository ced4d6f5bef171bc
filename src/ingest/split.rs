//! Cutting a file that holds several articles into one block range per article.

use std::ops::Range;

use super::clean::{LineInfo, norm_key};

/// A repeated headline's second copy stands at most this many blocks after the first
/// (news dumps repeat the headline after a caption or two).
const HEADLINE_REPEAT_WINDOW: usize = 15;

/// One article's share of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// Indices of the article's blocks.
    pub(crate) blocks: Range<usize>,
    /// The block holding its headline, when one was found.
    pub(crate) headline: Option<usize>,
    /// Which of the given titles (its index in that list) starts this part.
    pub(crate) title: Option<usize>,
}

/// Splits at the first block equal to each title (case, spacing and curly quotes
/// ignored). Blocks before the first title found belong to the first article.
/// Returns `None` when no title is found at all; titles not found get no part.
pub(crate) fn by_titles(texts: &[&str], titles: &[&str]) -> Option<Vec<Part>> {
    let keys: Vec<String> = texts.iter().map(|t| norm_key(t)).collect();
    let mut starts: Vec<(usize, usize)> = titles
        .iter()
        .enumerate()
        .filter_map(|(t, title)| {
            let key = norm_key(title);
            keys.iter().position(|k| *k == key).map(|block| (block, t))
        })
        .collect();
    starts.sort_unstable();
    starts.dedup_by_key(|(block, _)| *block);
    let mut parts: Vec<Part> = starts
        .iter()
        .enumerate()
        .map(|(k, &(block, t))| {
            let start = if k == 0 { 0 } else { block };
            let end = starts.get(k + 1).map_or(texts.len(), |next| next.0);
            Part {
                blocks: start..end,
                headline: Some(block),
                title: Some(t),
            }
        })
        .collect();
    parts.retain(|p| !p.blocks.is_empty());
    (!parts.is_empty()).then_some(parts)
}

/// Splits where a headline-shaped block is repeated within the next few blocks after
/// body text has begun: how news dumps that concatenate articles start each one. The
/// first article's headline is its first repeated headline-shaped block, or else its
/// first block when that is headline-shaped and body text follows.
pub(crate) fn by_repeated_headlines(texts: &[&str], infos: &[LineInfo]) -> Vec<Part> {
    let mut parts = vec![Part {
        blocks: 0..texts.len(),
        headline: None,
        title: None,
    }];
    let mut body_started = false;
    for (i, info) in infos.iter().enumerate() {
        if info.title_like && repeated_soon(texts, i) {
            let current_headline = parts.last().and_then(|p| p.headline);
            let same_headline = current_headline.is_some_and(|h| texts[h] == texts[i]);
            if body_started && !same_headline {
                if let Some(last) = parts.last_mut() {
                    last.blocks.end = i;
                }
                parts.push(Part {
                    blocks: i..texts.len(),
                    headline: Some(i),
                    title: None,
                });
                body_started = false;
            } else if let Some(last) = parts.last_mut() {
                last.headline.get_or_insert(i);
            }
        } else if info.is_body_text() {
            body_started = true;
        }
    }
    if let Some(first) = parts.first_mut() {
        let first_is_headline = infos.first().is_some_and(|i| i.title_like)
            && infos[first.blocks.clone()]
                .iter()
                .any(LineInfo::is_body_text);
        if first.headline.is_none() && first_is_headline {
            first.headline = Some(0);
        }
    }
    parts
}

fn repeated_soon(texts: &[&str], i: usize) -> bool {
    let end = (i + 1 + HEADLINE_REPEAT_WINDOW).min(texts.len());
    texts
        .get(i + 1..end)
        .is_some_and(|next| next.contains(&texts[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(texts: &[&str]) -> Vec<LineInfo> {
        texts.iter().map(|t| LineInfo::of(t)).collect()
    }

    const TWO_ARTICLES: [&str; 13] = [
        "Envoy Says Talks Will Resume Soon",
        "An envoy walks in Doha, Qatar, May 1, 2024. REUTERS/Someone",
        "Envoy Says Talks Will Resume Soon",
        "Talks will resume next week, the envoy said on Monday.",
        "He gave no date.",
        "Minister Rejects Truce Offer From Rebels",
        "XX",
        "Minister Rejects Truce Offer From Rebels",
        "The minister rejected the offer on Tuesday.",
        "\"There is nothing to discuss,\" he said.",
        "Minister Rejects Truce Offer From Rebels",
        "Later he softened his tone.",
        "Minister Rejects Truce Offer From Rebels",
    ];

    #[test]
    fn repeated_headline_after_body_starts_a_new_article() {
        let parts = by_repeated_headlines(&TWO_ARTICLES, &infos(&TWO_ARTICLES));
        assert_eq!(
            parts,
            [
                Part {
                    blocks: 0..5,
                    headline: Some(0),
                    title: None
                },
                Part {
                    blocks: 5..13,
                    headline: Some(5),
                    title: None
                },
            ]
        );
    }

    #[test]
    fn a_single_article_is_one_part() {
        let texts = [
            "Kremlin Hopeful On Talks",
            "The Kremlin said it was hopeful.",
            "More text follows here.",
        ];
        let parts = by_repeated_headlines(&texts, &infos(&texts));
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].headline, Some(0));
        let plain = ["The Kremlin said it was hopeful.", "More text."];
        assert_eq!(
            by_repeated_headlines(&plain, &infos(&plain))[0].headline,
            None
        );
    }

    #[test]
    fn a_headline_repeated_far_away_does_not_split() {
        let mut texts = vec![
            "First Headline Of The Day",
            "Body text starts here, it said.",
        ];
        texts.extend(std::iter::repeat_n("More body text follows.", 20));
        texts.push("Some Subhead Repeated Later");
        texts.extend(std::iter::repeat_n("Even more body text, it said.", 16));
        texts.push("Some Subhead Repeated Later");
        assert_eq!(by_repeated_headlines(&texts, &infos(&texts)).len(), 1);
    }

    #[test]
    fn titles_split_at_their_first_occurrence() {
        let titles = [
            "minister rejects truce offer from rebels",
            "Envoy Says Talks Will Resume Soon",
        ];
        let parts = by_titles(&TWO_ARTICLES, &titles).expect("titles found");
        assert_eq!(
            parts,
            [
                Part {
                    blocks: 0..5,
                    headline: Some(0),
                    title: Some(1)
                },
                Part {
                    blocks: 5..13,
                    headline: Some(5),
                    title: Some(0)
                },
            ]
        );
    }

    #[test]
    fn leading_blocks_belong_to_the_first_titled_article_and_missing_titles_are_skipped() {
        let texts = [
            "Caption. REUTERS/X",
            "Title One Here",
            "Body.",
            "Title Two Here",
            "Body.",
        ];
        let parts = by_titles(&texts, &["Title One Here", "Not There", "Title Two Here"])
            .expect("titles found");
        assert_eq!(parts[0].blocks, 0..3);
        assert_eq!(parts[1].blocks, 3..5);
        assert_eq!(parts[1].title, Some(2));
        assert_eq!(by_titles(&texts, &["Absent Title"]), None);
    }
}
