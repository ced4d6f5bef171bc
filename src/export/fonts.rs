//! The fonts exported images are set in, bundled so text renders the same on every
//! machine, and the text measurement the SVG layout uses to keep labels from overlapping.

use std::sync::OnceLock;

use ttf_parser::Face;

/// The family every text element of an exported SVG names.
pub const FAMILY: &str = "Noto Sans";

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Every bundled font: Noto Sans first, then fallbacks for symbols, Arabic and Hebrew.
pub const ALL: [&[u8]; 5] = [
    REGULAR,
    BOLD,
    include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
];

/// Parsed once: measuring runs for every label of every export.
fn face(bold: bool) -> Option<&'static Face<'static>> {
    static REGULAR_FACE: OnceLock<Option<Face<'static>>> = OnceLock::new();
    static BOLD_FACE: OnceLock<Option<Face<'static>>> = OnceLock::new();
    let (cell, bytes) = if bold {
        (&BOLD_FACE, BOLD)
    } else {
        (&REGULAR_FACE, REGULAR)
    };
    cell.get_or_init(|| Face::parse(bytes, 0).ok()).as_ref()
}

/// Width in pixels of `text` set at `size` pixels, from the glyphs' advances (kerning
/// left out: it only ever narrows Latin text, so labels err on the safe side). Characters
/// Noto Sans lacks count as wide as an "M".
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let Some(face) = face(bold) else {
        #[expect(clippy::cast_precision_loss, reason = "label lengths are small")]
        return text.chars().count() as f32 * size * 0.6;
    };
    let units = f32::from(face.units_per_em());
    let fallback = face
        .glyph_index('M')
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(face.units_per_em());
    let advance: u32 = text
        .chars()
        .map(|c| {
            let adv = face
                .glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .unwrap_or(fallback);
            u32::from(adv)
        })
        .sum();
    #[expect(clippy::cast_precision_loss, reason = "advances are small integers")]
    let advance = advance as f32;
    advance * size / units
}

/// `text`, cut with an ellipsis to fit `max_width`; `None` when not even one character
/// and the ellipsis fit.
pub fn elide(text: &str, size: f32, bold: bool, max_width: f32) -> Option<String> {
    if text_width(text, size, bold) <= max_width {
        return Some(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search for the longest prefix that fits with the ellipsis.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if text_width(&candidate, size, bold) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return None;
    }
    let prefix: String = chars[..lo].iter().collect();
    Some(prefix.trim_end().to_owned() + "…")
}

/// `text` broken at spaces into lines no wider than `max_width`; a word wider than a
/// line on its own is broken between characters.
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, bold) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: as many characters a line as fit, at least one.
        for ch in word.chars() {
            let mut longer = line.clone();
            longer.push(ch);
            if !line.is_empty() && text_width(&longer, size, bold) > max_width {
                lines.push(std::mem::replace(&mut line, ch.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        let short = text_width("Peskov", 13.0, false);
        let long = text_width("Dmitry Peskov", 13.0, false);
        assert!(short > 20.0 && long > short);
        assert!(text_width("Peskov", 26.0, false) > 1.9 * short);
        assert!(text_width("Peskov", 13.0, true) > short);
        // Cyrillic is in the font too.
        assert!(text_width("Песков", 13.0, false) > 20.0);
    }

    #[test]
    fn elision_fits_the_width() {
        let full = "Russia–Ukraine war";
        assert_eq!(elide(full, 13.0, false, 1000.0).as_deref(), Some(full));
        let cut = elide(full, 13.0, false, 60.0).expect("something fits");
        assert!(cut.ends_with('…') && cut.len() < full.len());
        assert!(text_width(&cut, 13.0, false) <= 60.0);
        assert_eq!(elide(full, 13.0, false, 3.0), None);
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "We will not accept any ceasefire that freezes the front line where it is";
        let lines = wrap(text, 20.0, false, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 20.0, false) <= 200.0));
        assert_eq!(lines.join(" "), text);
        let long = wrap("Antidisestablishmentarianism", 20.0, false, 80.0);
        assert!(long.len() > 2 && long.iter().all(|l| text_width(l, 20.0, false) <= 80.0));
        assert_eq!(long.concat(), "Antidisestablishmentarianism");
        assert!(wrap("  ", 20.0, false, 80.0).is_empty());
    }
}
