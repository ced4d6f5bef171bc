//! Text built piece by piece together with where each piece came from.
//!
//! [`OffsetMap`] keeps its segments private, so a reader cannot cut one map into the
//! maps of several articles or chain two maps; [`SourceMap`] is the same idea with
//! those two operations, turned into an `OffsetMap` once per article.

use std::ops::Range;

use crate::model::OffsetMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    text_start: usize,
    text_len: usize,
    src_start: usize,
    src_len: usize,
}

impl Seg {
    fn is_verbatim(&self) -> bool {
        self.text_len == self.src_len
    }

    fn text_end(&self) -> usize {
        self.text_start + self.text_len
    }

    fn src_end(&self) -> usize {
        self.src_start + self.src_len
    }
}

/// Maps offsets in a text to offsets in its source (the file, or an intermediate string).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SourceMap {
    segs: Vec<Seg>,
}

impl SourceMap {
    /// Text copied unchanged from `src_start..src_start + len`.
    pub(crate) fn verbatim(src_start: usize, len: usize) -> Self {
        let mut map = Self::default();
        map.push(len, src_start, len);
        map
    }

    /// The next `text_len` bytes of text came from `src_start..src_start + src_len`.
    pub(crate) fn push(&mut self, text_len: usize, src_start: usize, src_len: usize) {
        if text_len == 0 {
            return;
        }
        let text_start = self.text_len();
        if let Some(last) = self.segs.last_mut() {
            let contiguous =
                last.is_verbatim() && text_len == src_len && last.src_end() == src_start;
            if contiguous {
                last.text_len += text_len;
                last.src_len += src_len;
                return;
            }
        }
        self.segs.push(Seg {
            text_start,
            text_len,
            src_start,
            src_len,
        });
    }

    pub(crate) fn text_len(&self) -> usize {
        self.segs.last().map_or(0, Seg::text_end)
    }

    /// Source offset of a text offset, with the same rule as [`OffsetMap::to_file`].
    pub(crate) fn to_src(&self, text_offset: usize) -> usize {
        let i = self.segs.partition_point(|s| s.text_end() < text_offset);
        let Some(seg) = self.segs.get(i) else {
            return self.segs.last().map_or(text_offset, Seg::src_end);
        };
        let delta = text_offset.saturating_sub(seg.text_start);
        if seg.is_verbatim() {
            seg.src_start + delta
        } else if delta >= seg.text_len {
            seg.src_end()
        } else {
            seg.src_start
        }
    }

    /// The segments that overlap `range`, clipped to it, as `(text, src_start, src_len)`.
    /// A decoded segment cut by the range keeps its whole source: it cannot be divided.
    fn pieces(&self, range: Range<usize>) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let first = self.segs.partition_point(|s| s.text_end() <= range.start);
        self.segs[first..]
            .iter()
            .take_while(move |s| s.text_start < range.end)
            .map(move |s| {
                let start = s.text_start.max(range.start);
                let end = s.text_end().min(range.end);
                if s.is_verbatim() {
                    (
                        end - start,
                        s.src_start + (start - s.text_start),
                        end - start,
                    )
                } else {
                    (end - start, s.src_start, s.src_len)
                }
            })
    }

    /// The map of `text[range]`, as the model stores it for one article.
    pub(crate) fn slice(&self, range: Range<usize>) -> OffsetMap {
        let mut map = OffsetMap::default();
        for (text_len, src_start, src_len) in self.pieces(range) {
            map.push(text_len, src_start, src_len);
        }
        map
    }

    /// Chains `self` (text to a middle string) with `inner` (middle string to file).
    pub(crate) fn compose(&self, inner: &SourceMap) -> SourceMap {
        let mut out = SourceMap::default();
        for seg in &self.segs {
            if seg.is_verbatim() {
                for (text_len, src_start, src_len) in inner.pieces(seg.src_start..seg.src_end()) {
                    out.push(text_len, src_start, src_len);
                }
            } else {
                let start = inner.to_src(seg.src_start);
                let end = inner.to_src(seg.src_end()).max(start);
                out.push(seg.text_len, start, end - start);
            }
        }
        out
    }
}

/// A text under construction and its [`SourceMap`].
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    pub(crate) text: String,
    pub(crate) map: SourceMap,
}

impl TextBuilder {
    /// Appends `s`, found unchanged at `src_start` in the source.
    pub(crate) fn push_verbatim(&mut self, s: &str, src_start: usize) {
        self.text.push_str(s);
        self.map.push(s.len(), src_start, s.len());
    }

    /// Appends `c`, decoded from the `src_len` source bytes at `src_start`.
    pub(crate) fn push_decoded(&mut self, c: char, src_start: usize, src_len: usize) {
        self.text.push(c);
        self.map.push(c.len_utf8(), src_start, src_len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_of_verbatim_text_is_a_shifted_verbatim_map() {
        let map = SourceMap::verbatim(10, 100);
        assert_eq!(map.slice(20..30), OffsetMap::verbatim(30, 10));
    }

    #[test]
    fn slice_keeps_decoded_segments_whole() {
        // "a&amp;b" decoded to "a&b".
        let mut b = TextBuilder::default();
        b.push_verbatim("a", 0);
        b.push_decoded('&', 1, 5);
        b.push_verbatim("b", 6);
        assert_eq!(b.text, "a&b");
        let sliced = b.map.slice(1..3);
        assert_eq!(sliced.range_to_file(&(0..2)), 1..7);
        assert_eq!(sliced.range_to_file(&(1..2)), 6..7);
    }

    #[test]
    fn compose_maps_through_both_layers() {
        // File "\u{FEFF}x\"y" read as a string without the BOM, then a JSON-like decoder
        // that turned the two bytes `\"` into one quote.
        let outer_to_file = SourceMap::verbatim(3, 4); // string "x\\\"y" at file 3..7
        let mut text_to_string = SourceMap::default();
        text_to_string.push(1, 0, 1); // x
        text_to_string.push(1, 1, 2); // "
        text_to_string.push(1, 3, 1); // y
        let map = text_to_string.compose(&outer_to_file);
        assert_eq!(map.to_src(0), 3);
        assert_eq!(map.to_src(1), 4);
        assert_eq!(map.to_src(2), 6);
        assert_eq!(map.to_src(3), 7);
    }

    #[test]
    fn compose_splits_verbatim_text_around_replaced_bytes() {
        // File "ab\xFFcd": the string is "ab\u{FFFD}cd", the text is all of it.
        let mut decode = SourceMap::default();
        decode.push(2, 0, 2);
        decode.push(3, 2, 1);
        decode.push(2, 3, 2);
        let map = SourceMap::verbatim(0, 7).compose(&decode);
        assert_eq!(map, decode);
        assert_eq!(map.slice(5..7).range_to_file(&(0..2)), 3..5);
    }

    #[test]
    fn empty_pushes_are_ignored() {
        let mut map = SourceMap::default();
        map.push(0, 5, 3);
        assert_eq!(map.text_len(), 0);
        assert_eq!(map.to_src(0), 0);
    }
}
