//! From a file's bytes to a string: binary detection, BOM, lossy UTF-8 that still maps
//! every character back to its bytes.

use super::offsets::{SourceMap, TextBuilder};

/// How far into a file to look for NUL bytes: text files have none, binaries have
/// them early (headers, padding).
const BINARY_SNIFF_BYTES: usize = 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Offset of the first NUL byte in the first KB, which marks a binary file.
pub(crate) fn binary_marker(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    head.iter().position(|&b| b == 0)
}

/// A file's bytes as a string, with its map back to the bytes.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) map: SourceMap,
    /// File offset of the first byte that was not valid UTF-8.
    pub(crate) first_bad_byte: Option<usize>,
}

/// Decodes UTF-8, skipping a byte-order mark and replacing each invalid sequence with
/// U+FFFD (as `String::from_utf8_lossy` does) so that a few bad bytes lose no article.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Decoded {
    let start = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let mut out = TextBuilder::default();
    out.text.reserve(bytes.len() - start);
    let mut first_bad_byte = None;
    let mut pos = start;
    for chunk in bytes[start..].utf8_chunks() {
        out.push_verbatim(chunk.valid(), pos);
        pos += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad > 0 {
            first_bad_byte.get_or_insert(pos);
            out.push_decoded(char::REPLACEMENT_CHARACTER, pos, bad);
            pos += bad;
        }
    }
    Decoded {
        text: out.text,
        map: out.map,
        first_bad_byte,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_in_the_first_kilobyte_marks_a_binary() {
        assert_eq!(binary_marker(b"PK\x03\x04\x00\x00"), Some(4));
        assert_eq!(binary_marker(b"plain text"), None);
        let mut late = vec![b'a'; 2000];
        late[1500] = 0;
        assert_eq!(binary_marker(&late), None);
    }

    #[test]
    fn valid_utf8_maps_one_to_one() {
        let d = decode_utf8("Kyiv – Київ".as_bytes());
        assert_eq!(d.text, "Kyiv – Київ");
        assert_eq!(d.first_bad_byte, None);
        assert_eq!(d.map, SourceMap::verbatim(0, d.text.len()));
    }

    #[test]
    fn bom_is_skipped_but_offsets_count_it() {
        let d = decode_utf8(b"\xEF\xBB\xBFHello");
        assert_eq!(d.text, "Hello");
        assert_eq!(d.map.to_src(0), 3);
    }

    #[test]
    fn invalid_bytes_become_replacement_characters_mapped_to_their_bytes() {
        let bytes = b"ab\xFF\xFEcd\xC3";
        let d = decode_utf8(bytes);
        assert_eq!(d.text, "ab\u{FFFD}\u{FFFD}cd\u{FFFD}");
        assert_eq!(d.first_bad_byte, Some(2));
        let cd = d.text.find("cd").expect("cd");
        assert_eq!(&bytes[d.map.to_src(cd)..d.map.to_src(cd + 2)], b"cd");
        let last = d.text.len() - 3;
        assert_eq!(
            &bytes[d.map.to_src(last)..d.map.to_src(d.text.len())],
            b"\xC3"
        );
    }
}
