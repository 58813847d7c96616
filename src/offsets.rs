//! Offsets: byte offsets in the input to Unicode code-point offsets, the unit the record
//! reports (Python slicing of the input with them gives back the text).
//!
//! Method: a cursor that walks from its last position to the next offset asked for, forwards
//! or backwards (or from the start, when that is nearer), so converting offsets in increasing
//! order costs one pass over the text. Code points are counted with the standard library's
//! word-at-a-time `chars().count()` (code points are the bytes that are not UTF-8
//! continuation bytes). In the text's leading ASCII (often all of it) a byte offset is its
//! own code-point offset: that stretch is measured once, on the first offset asked for, and
//! nothing is counted in it.

/// Converts byte offsets of `text` to code-point offsets.
#[derive(Debug)]
pub struct CodePoints<'a> {
    text: &'a str,
    /// The length of the text's leading ASCII, once measured.
    ascii: Option<usize>,
    /// The cursor: a byte offset at or after the leading ASCII, and its code-point offset.
    byte: usize,
    cp: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            ascii: None,
            byte: 0,
            cp: 0,
        }
    }

    /// Code-point offset of byte offset `at` (a char boundary of the text; offsets past the
    /// end count as the end).
    pub fn at(&mut self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let ascii = match self.ascii {
            Some(n) => n,
            None => {
                let n = ascii_prefix(self.text.as_bytes());
                (self.byte, self.cp) = (n, n);
                *self.ascii.insert(n)
            }
        };
        if at <= ascii {
            return at;
        }
        if at >= self.byte {
            self.cp += code_points(self.text, self.byte..at);
        } else if at - ascii < self.byte - at {
            self.cp = ascii + code_points(self.text, ascii..at);
        } else {
            self.cp -= code_points(self.text, at..self.byte);
        }
        self.byte = at;
        self.cp
    }
}

/// The length of the ASCII that `bytes` begin with.
fn ascii_prefix(bytes: &[u8]) -> usize {
    // whole pieces at a time (the standard library tests a word at a time), then the bytes
    // of the first piece that is not all ASCII
    const PIECE: usize = 64;
    let whole = bytes
        .chunks(PIECE)
        .position(|piece| !piece.is_ascii())
        .map_or(bytes.len(), |i| i * PIECE);
    whole
        + bytes[whole..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - whole)
}

/// Code points that start in bytes `range` of `text`: bytes that are not UTF-8 continuation
/// bytes.
fn code_points(text: &str, range: std::ops::Range<usize>) -> usize {
    match text.get(range.clone()) {
        Some(piece) => piece.chars().count(),
        // an end inside a char (the callers' offsets should not be): count bytes one by one
        None => text.as_bytes()[range]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_to_code_points() {
        let text = "a’b «c» d";
        let mut cps = CodePoints::new(text);
        let cases = [
            (0, 0),
            (1, 1),
            (4, 2),
            (5, 3),
            (8, 5),
            (text.len(), 9),
            (1, 1),
        ];
        for (byte, want) in cases {
            assert_eq!(cps.at(byte), want, "byte {byte}");
            assert_eq!(text[..byte].chars().count(), want);
        }
    }

    #[test]
    fn ascii_prefixes() {
        let long = "a".repeat(130);
        let cases: &[(&str, usize)] = &[("", 0), ("abc", 3), ("ab’c", 2), ("’", 0), (&long, 130)];
        for &(text, want) in cases {
            assert_eq!(ascii_prefix(text.as_bytes()), want, "{text:?}");
        }
        for at in [0, 1, 63, 64, 65, 127, 128, 129] {
            let text = format!("{}é{}", &long[..at], &long[at..]);
            assert_eq!(ascii_prefix(text.as_bytes()), at, "é at {at}");
        }
    }

    #[test]
    fn any_order_and_inside_chars() {
        // every byte offset (char boundary or not) in a scrambled order, walking both ways,
        // in and after the leading ASCII
        let texts = [
            "Le «président» a dit: ‘non’. Über 3 €.",
            "Talks will resume on Monday, officials said.",
            "Talks will resume, officials said: ‘on Monday’, «soon».",
            "",
        ];
        for text in texts {
            let want = |at: usize| {
                text.as_bytes()[..at]
                    .iter()
                    .filter(|&&b| (b as i8) >= -0x40)
                    .count()
            };
            let n = text.len();
            let mut cps = CodePoints::new(text);
            for k in 0..3 * n + 3 {
                let at = (k * 7919) % (n + 3);
                assert_eq!(cps.at(at), want(at.min(n)), "byte {at} of {text:?}");
            }
        }
    }
}
