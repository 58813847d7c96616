//! Offsets: byte offsets in the input to Unicode code-point offsets, the unit the record
//! reports (Python slicing of the input with them gives back the text).
//!
//! Method: a cursor that walks from its last position to the next offset asked for, forwards
//! or backwards (or from the start, when that is nearer), so converting offsets in increasing
//! order costs one pass over the text. Code points are counted with the standard library's
//! word-at-a-time `chars().count()` (code points are the bytes that are not UTF-8
//! continuation bytes).

/// Converts byte offsets of `text` to code-point offsets.
#[derive(Debug)]
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    cp: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            byte: 0,
            cp: 0,
        }
    }

    /// Code-point offset of byte offset `at` (a char boundary of the text; offsets past the
    /// end count as the end).
    pub fn at(&mut self, at: usize) -> usize {
        let at = at.min(self.text.len());
        if at >= self.byte {
            self.cp += code_points(self.text, self.byte..at);
        } else if at < self.byte - at {
            self.cp = code_points(self.text, 0..at);
        } else {
            self.cp -= code_points(self.text, at..self.byte);
        }
        self.byte = at;
        self.cp
    }
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
    fn any_order_and_inside_chars() {
        // every byte offset (char boundary or not) in a scrambled order, walking both ways
        let text = "Le «président» a dit: ‘non’. Über 3 €.";
        let want = |at: usize| {
            text.as_bytes()[..at]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count()
        };
        let n = text.len();
        let mut cps = CodePoints::new(text);
        for k in 0..3 * n {
            let at = (k * 7919) % (n + 3);
            assert_eq!(cps.at(at), want(at.min(n)), "byte {at}");
        }
    }
}
