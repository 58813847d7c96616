//! Offsets: byte offsets in the input to Unicode code-point offsets, the unit the record
//! reports (Python slicing of the input with them gives back the text).
//!
//! Method: a cursor that walks forward from its last position, so converting offsets in
//! increasing order costs one pass over the text; going backwards restarts from the start.

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
        if at < self.byte {
            self.byte = 0;
            self.cp = 0;
        }
        let piece = &self.text.as_bytes()[self.byte..at];
        // count bytes that start a char (not UTF-8 continuation bytes)
        self.cp += piece.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = at;
        self.cp
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
}
