//! Output formats besides JSON: a readable terminal view ([`text`]), one row per quote
//! ([`tsv`]) and an annotated page ([`html`]). Each renders one [`Article`] at a time, so
//! the CLI renders on its worker threads and writes pieces in input order; what a format
//! needs once per run (a header row, the page's head and tail) is a separate function.
//!
//! [`Article`]: crate::Article

pub mod html;
pub mod text;
pub mod tsv;

/// Text for a terminal: control characters and bidirectional overrides from the input are
/// shown escaped (`\u{1b}`), never passed through, so input cannot move the cursor,
/// change colours or reorder what is shown.
pub fn terminal_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe_on_terminal(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Control characters (C0, DEL, C1) and the bidirectional embedding, override and
/// isolate marks.
pub fn is_unsafe_on_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_is_escaped() {
        let cases = [
            ("plain name.txt", "plain name.txt"),
            ("bad\u{1b}[31mred", "bad\\u{1b}[31mred"),
            ("rtl\u{202E}txt", "rtl\\u{202e}txt"),
            ("tab\there", "tab\\u{9}here"),
            ("c1\u{9b}31m", "c1\\u{9b}31m"),
        ];
        for (input, want) in cases {
            assert_eq!(terminal_safe(input), want);
        }
    }
}
