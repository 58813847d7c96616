//! Bytes to text: the first stage every input goes through.
//!
//! Method: a UTF-8 byte-order mark is dropped; a UTF-16 (LE or BE) byte-order mark selects
//! UTF-16 decoding; valid UTF-8 is borrowed as is; anything else is decoded as Windows-1252
//! (a superset of Latin-1 for printable text, which is what old wire archives such as
//! Reuters-21578 hold) with a warning that names the first offending byte.
//!
//! Inputs that are not text are refused rather than guessed at: NUL bytes in the first
//! 8 KiB (without a UTF-16 mark) mean binary data, and an empty or whitespace-only input has
//! no article in it.
//!
//! Known limits: other legacy encodings (Latin-2, KOI8-R, Shift-JIS, ...) are not detected;
//! they come out as Windows-1252 mojibake, with the warning saying so.

use std::borrow::Cow;
use std::fmt;

/// How far into the input NUL bytes are looked for (as git and ripgrep do).
const BINARY_SNIFF: usize = 8 * 1024;

/// Text decoded from an input, with what was noticed on the way.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warnings: Vec<String>,
}

/// Why an input holds no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Zero bytes.
    Empty,
    /// Only whitespace (after decoding).
    Blank,
    /// A NUL byte early on: binary data, not text.
    Binary { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty input: no article to analyse"),
            DecodeError::Blank => write!(f, "input holds only whitespace: no article to analyse"),
            DecodeError::Binary { offset } => {
                write!(f, "binary data, not text (NUL byte at offset {offset})")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `bytes` into text; see the module doc for the rules.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut warnings = Vec::new();
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest, 3, &mut warnings)?
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (enc, name) = if bytes[0] == 0xFF {
            (encoding_rs::UTF_16LE, "UTF-16LE")
        } else {
            (encoding_rs::UTF_16BE, "UTF-16BE")
        };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            warnings.push(format!(
                "malformed {name}: undecodable units replaced with U+FFFD"
            ));
        }
        Cow::Owned(text.into_owned())
    } else {
        utf8_or_1252(bytes, 0, &mut warnings)?
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded { text, warnings })
}

/// `bytes` start at offset `base` of the input (after a byte-order mark): offsets in
/// messages count from the start of the input, as a hex dump shows them.
fn utf8_or_1252<'a>(
    bytes: &'a [u8],
    base: usize,
    warnings: &mut Vec<String>,
) -> Result<Cow<'a, str>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
    // memchr's SIMD search (32 bytes a step where the CPU has AVX2): about a quarter of the
    // instructions of the slice's `contains`, which goes two words at a time
    if let Some(offset) = memchr::memchr(0, sniff) {
        return Err(DecodeError::Binary {
            offset: base + offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let at = e.valid_up_to();
            warnings.push(format!(
                "not valid UTF-8 (byte 0x{:02X} at offset {}): decoded as Windows-1252",
                bytes[at],
                base + at
            ));
            // without BOM sniffing: after a UTF-8 mark, "\xFF\xFE" is two 1252 characters
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Cow::Owned(text.into_owned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_by_rule() {
        // (input, expected text, number of warnings)
        let cases: &[(&[u8], &str, usize)] = &[
            (b"plain text", "plain text", 0),
            (b"\xEF\xBB\xBFwith bom", "with bom", 0),
            (
                "caf\u{e9} \u{201c}q\u{201d}".as_bytes(),
                "caf\u{e9} \u{201c}q\u{201d}",
                0,
            ),
            (b"caf\xE9 \x93q\x94", "caf\u{e9} \u{201c}q\u{201d}", 1),
            (b"\xFF\xFEh\x00i\x00", "hi", 0),
            (b"\xFE\xFF\x00h\x00i", "hi", 0),
            (b"\xFF\xFEh\x00\x00\xD8", "h\u{FFFD}", 1),
            // a UTF-8 mark, then bytes that only look like a UTF-16 mark
            (b"\xEF\xBB\xBF\xFF\xFEAB", "\u{FF}\u{FE}AB", 1),
        ];
        for (input, want, nwarn) in cases {
            let d = decode(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(d.text, *want, "{input:?}");
            assert_eq!(d.warnings.len(), *nwarn, "{input:?}: {:?}", d.warnings);
        }
    }

    #[test]
    fn warning_names_the_byte() {
        let d = decode(b"abc\xFCdef").unwrap();
        assert_eq!(
            d.warnings,
            ["not valid UTF-8 (byte 0xFC at offset 3): decoded as Windows-1252"]
        );
    }

    #[test]
    fn offsets_count_the_byte_order_mark() {
        let d = decode(b"\xEF\xBB\xBFabc\xFCdef").unwrap();
        assert_eq!(
            d.warnings,
            ["not valid UTF-8 (byte 0xFC at offset 6): decoded as Windows-1252"]
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc\x00").unwrap_err(),
            DecodeError::Binary { offset: 6 }
        );
    }

    #[test]
    fn refuses_what_is_not_an_article() {
        let cases: &[(&[u8], DecodeError)] = &[
            (b"", DecodeError::Empty),
            (b"\xEF\xBB\xBF", DecodeError::Empty),
            (b" \n\t\r\n ", DecodeError::Blank),
            (b"\xFF\xFE \x00\n\x00", DecodeError::Blank),
            (
                b"\x7FELF\x02\x01\x01\x00\x00",
                DecodeError::Binary { offset: 7 },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input).unwrap_err(), *want, "{input:?}");
        }
    }
}
