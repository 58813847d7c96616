//! One row per quote, tab-separated, for `sort`, `cut`, spreadsheets and DuckDB.
//!
//! Columns: file, paragraph, kind, speaker, cue, text. The header row comes first
//! ([`HEADER`]). A missing speaker or cue is an empty field. Fields are escaped the way
//! PostgreSQL's and DuckDB's text format and Python's `csv` with `escapechar` read them:
//! backslash, tab, newline and carriage return become `\\`, `\t`, `\n`, `\r`, so a row is
//! always one line with exactly six fields. An article without quotes gives no row.

use crate::Article;
use std::fmt::Write;

/// The header row, with its newline.
pub const HEADER: &str = "file\tparagraph\tkind\tspeaker\tcue\ttext\n";

/// The rows of one article's quotes, each ending in a newline.
pub fn rows(a: &Article) -> String {
    let mut out = String::new();
    let file = escape(&a.file);
    for q in &a.quotes {
        let kind = match q.kind {
            crate::record::QuoteKind::Direct => "direct",
            crate::record::QuoteKind::Partial => "partial",
            crate::record::QuoteKind::Indirect => "indirect",
        };
        let _ = writeln!(
            out,
            "{file}\t{}\t{kind}\t{}\t{}\t{}",
            q.paragraph,
            escape(q.speaker.as_deref().unwrap_or("")),
            escape(q.cue.as_deref().unwrap_or("")),
            escape(&q.text),
        );
    }
    out
}

/// Escapes one field (see the module doc).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`] (for readers and tests).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Quote, QuoteKind};

    #[test]
    fn fields_are_escaped_and_come_back() {
        let cases = [
            ("plain", "plain"),
            ("a\tb", "a\\tb"),
            ("two\nlines\r\n", "two\\nlines\\r\\n"),
            ("back\\slash\\t", "back\\\\slash\\\\t"),
            ("“curly” – ünïcode", "“curly” – ünïcode"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(escape(raw), escaped);
            assert_eq!(unescape(escaped), raw);
        }
    }

    #[test]
    fn one_row_per_quote_with_six_fields() {
        let quote = |text: &str, speaker: Option<&str>, cue: Option<&str>| Quote {
            text: text.into(),
            kind: QuoteKind::Direct,
            speaker: speaker.map(Into::into),
            mention: None,
            cue: cue.map(Into::into),
            start: 0,
            end: 0,
            paragraph: 2,
        };
        let a = Article {
            file: "in\tbox/a.txt".into(),
            quotes: vec![
                quote("We will\tsee.", Some("Ann Lee"), Some("said")),
                quote("Later.", None, None),
            ],
            ..Article::default()
        };
        let out = rows(&a);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "in\\tbox/a.txt\t2\tdirect\tAnn Lee\tsaid\tWe will\\tsee.",
                "in\\tbox/a.txt\t2\tdirect\t\t\tLater.",
            ]
        );
        assert!(rows(&Article::default()).is_empty());
        assert_eq!(HEADER.trim_end().split('\t').count(), 6);
    }
}
