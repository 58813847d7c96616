//! Lede: the first paragraph of the story body, and sentence ends.
//!
//! Method: the lede is the body's first paragraph after the dateline. When the body lost
//! its paragraph breaks (the first paragraph is one physical line of more than
//! [`LOST_BREAKS`] characters) the lede is that paragraph's first sentence, since a wire
//! lede is one sentence. Sentence ends are `.`, `!` or `?` (with closing quotes or brackets)
//! before a space and a capital, a digit or an opening quote, except after abbreviations
//! ("Mr.", "Gen.", "Jan.", "U.S.") and single initials. Candidate stops are found by
//! memchr's vector search.
//!
//! Known limits: a sentence that ends in an abbreviation ("… in the U.S. The next day")
//! runs on into the next one.

use std::ops::ControlFlow;

use crate::words::is_ascii_space;

/// A one-line first paragraph longer than this (characters) is a body without breaks.
pub const LOST_BREAKS: usize = 600;

/// Words after which a full stop does not end a sentence (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr",
    "feb", "fig", "fr", "ft", "gen", "gov", "hon", "inc", "jan", "jr", "jul", "jun", "lt", "ltd",
    "maj", "mar", "messrs", "mme", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pfc", "ph",
    "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt",
    "vs",
];

/// The lede taken from the body's first paragraph.
pub fn from_first_paragraph(text: &str, nlines: usize) -> &str {
    let t = text.trim();
    if nlines == 1
        && t.chars().count() > LOST_BREAKS
        && let Some(end) = first_sentence_end(t)
    {
        return t[..end].trim_end();
    }
    t
}

/// Byte offset just past the first sentence of `text` (its closing punctuation and quotes
/// included), or None when the text is one sentence.
pub fn first_sentence_end(text: &str) -> Option<usize> {
    let mut first = None;
    sentence_breaks(text, |end, _| {
        first = Some(end);
        ControlFlow::Break(())
    });
    first
}

/// Calls `each` with the breaks between the sentences of `text`, in order, until it breaks:
/// for each sentence but the last, the byte offset just past it (its closing punctuation
/// and quotes included) and the offset where the next one starts (past the white space
/// between, so before the text's end). One pass over the stops, for all sentences.
///
/// A sentence's end is the one [`first_sentence_end`] gives for the text from its start:
/// the word before a full stop is read back to the sentence's start at most. A stop
/// followed by an ASCII character is read by bytes; others by characters.
pub fn sentence_breaks(text: &str, mut each: impl FnMut(usize, usize) -> ControlFlow<()>) {
    let b = text.as_bytes();
    // where the sentence read starts, and where the search for its end goes on
    let mut start = 0;
    let mut at = 0;
    while let Some(i) = next_stop(b, at) {
        let end = i + 1 + closing_marks(&b[i + 1..]);
        let boundary = match b.get(end) {
            None => false,
            Some(&n) if n.is_ascii() && n != b'?' => {
                is_ascii_space(n) && starts_sentence(&b[end + 1..], &text[end..])
            }
            // a line break lost in scraping, left as "?" or U+FFFD: `color."?A wall`
            Some(_) => {
                let rest = &text[end..];
                let mut after = rest.chars();
                match after.next() {
                    Some(ch) if ch.is_whitespace() => starts_sentence_by_chars(rest),
                    Some('?' | '\u{FFFD}') if end > i + 1 => {
                        after.next().is_some_and(char::is_uppercase)
                    }
                    _ => false,
                }
            }
        };
        if boundary && (b[i] != b'.' || !is_abbreviation_before(&text[start..], i - start)) {
            let next = end + white_space_len(&text[end..]);
            if each(end, next).is_break() {
                return;
            }
            start = next;
            at = next;
        } else {
            at = end.max(i + 1);
        }
    }
}

/// Bytes of the white space (Unicode's) that `s` starts with: ASCII white space by bytes.
fn white_space_len(s: &str) -> usize {
    let n = s.bytes().take_while(|&b| is_ascii_space(b)).count();
    match s.as_bytes().get(n) {
        Some(b) if !b.is_ascii() => n + s[n..].len() - s[n..].trim_start().len(),
        _ => n,
    }
}

/// Bytes of the closing quotes and brackets (`"`, `'`, `”`, `’`, `)`, `]`, `»`) that `b`
/// starts with.
fn closing_marks(b: &[u8]) -> usize {
    let mut n = 0;
    loop {
        n += match b[n..] {
            [b'"' | b'\'' | b')' | b']', ..] => 1,
            // » (U+00BB)
            [0xC2, 0xBB, ..] => 2,
            // ” (U+201D), ’ (U+2019)
            [0xE2, 0x80, 0x9D | 0x99, ..] => 3,
            _ => return n,
        };
    }
}

/// True when `rest` (after a stop and whitespace) goes on with a sentence start: after
/// whitespace, a capital, a digit or an opening quote or bracket. `after_space` is `rest`
/// past its first (ASCII whitespace) byte: ASCII whitespace is skipped by bytes, and an
/// ASCII character decides at once.
fn starts_sentence(after_space: &[u8], rest: &str) -> bool {
    match after_space.iter().find(|&&b| !is_ascii_space(b)) {
        None => false,
        Some(&f) if f.is_ascii() => {
            f.is_ascii_uppercase() || f.is_ascii_digit() || matches!(f, b'"' | b'\'' | b'(')
        }
        Some(_) => starts_sentence_by_chars(rest),
    }
}

/// [`starts_sentence`] over characters.
fn starts_sentence_by_chars(rest: &str) -> bool {
    rest.trim_start().chars().next().is_some_and(|f| {
        f.is_uppercase() || f.is_ascii_digit() || matches!(f, '"' | '“' | '‘' | '\'' | '(' | '«')
    })
}

/// Byte offset of the first `.`, `!` or `?` in `b` at or after `from`.
fn next_stop(b: &[u8], from: usize) -> Option<usize> {
    let hay = b.get(from..)?;
    #[cfg(target_arch = "x86_64")]
    if let Some(stops) = &*AVX2_STOPS {
        return stops.find(hay).map(|n| from + n);
    }
    memchr::memchr3(b'.', b'!', b'?', hay).map(|n| from + n)
}

/// The AVX2 searcher for the stops, built once when the processor has AVX2: `memchr3`
/// builds one at each call (its vectors of the three bytes), which was a third of a call's
/// cost on a sentence's stops.
#[cfg(target_arch = "x86_64")]
static AVX2_STOPS: std::sync::LazyLock<Option<memchr::arch::x86_64::avx2::memchr::Three>> =
    std::sync::LazyLock::new(|| memchr::arch::x86_64::avx2::memchr::Three::new(b'.', b'!', b'?'));

/// True when the word ending at byte `dot` (a '.') is an abbreviation or an initial.
fn is_abbreviation_before(text: &str, dot: usize) -> bool {
    // look back a word's length at most, so a text without spaces stays linear
    let mut from = dot.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let head = &text[from..dot];
    if head.is_ascii() {
        let word = head
            .as_bytes()
            .rsplit(|&b| is_ascii_space(b) || matches!(b, b'(' | b'"' | b'['))
            .next()
            .unwrap_or_default();
        // as below: dots inside, an initial (a capital alone), an abbreviation
        return match word {
            [] => false,
            [c] => *c == b'.' || c.is_ascii_uppercase(),
            _ => word.contains(&b'.') || is_ascii_abbreviation(word),
        };
    }
    let word_start = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '['))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    if word.is_empty() {
        return false;
    }
    // "U.S", "N.Y": dots inside
    if word.contains('.') {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().all(char::is_alphabetic) && word.starts_with(char::is_uppercase)
    {
        return true;
    }
    if word.is_ascii() {
        is_ascii_abbreviation(word.as_bytes())
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }
}

/// True when the ASCII `word` is one of [`ABBREVIATIONS`] in any case, by one match. Setting
/// bit 5 lower-cases a letter and gives a lower-case letter only for a letter of that
/// letter's two cases: the abbreviations are letters, so the word is one exactly when this
/// lower case is.
fn is_ascii_abbreviation(word: &[u8]) -> bool {
    let mut lower = [0u8; 6];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    for (l, &b) in lower.iter_mut().zip(word) {
        *l = b | 0x20;
    }
    matches!(
        &*lower,
        b"adm"
            | b"apr"
            | b"aug"
            | b"brig"
            | b"capt"
            | b"cmdr"
            | b"co"
            | b"col"
            | b"corp"
            | b"cpl"
            | b"dec"
            | b"dept"
            | b"dr"
            | b"feb"
            | b"fig"
            | b"fr"
            | b"ft"
            | b"gen"
            | b"gov"
            | b"hon"
            | b"inc"
            | b"jan"
            | b"jr"
            | b"jul"
            | b"jun"
            | b"lt"
            | b"ltd"
            | b"maj"
            | b"mar"
            | b"messrs"
            | b"mme"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"mt"
            | b"no"
            | b"nov"
            | b"oct"
            | b"pfc"
            | b"ph"
            | b"prof"
            | b"pvt"
            | b"rep"
            | b"reps"
            | b"rev"
            | b"sen"
            | b"sens"
            | b"sep"
            | b"sept"
            | b"sgt"
            | b"sr"
            | b"st"
            | b"supt"
            | b"vs"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `first_sentence_end` and `is_abbreviation_before` as they were written, over
    /// characters, with a byte-by-byte search for stops.
    fn first_sentence_end_by_chars(text: &str) -> Option<usize> {
        let b = text.as_bytes();
        let mut i = 0;
        while let Some(stop) = b[i..]
            .iter()
            .position(|c| matches!(c, b'.' | b'!' | b'?'))
            .map(|n| i + n)
        {
            i = stop;
            let c = b[i];
            let mut end = i + 1;
            loop {
                let rest = &text[end..];
                let Some(ch) = rest.chars().next() else { break };
                if matches!(ch, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                    end += ch.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &text[end..];
            let mut after = rest.chars();
            let next = after.next();
            let boundary = match next {
                Some(ch) if ch.is_whitespace() => {
                    let follow = rest.trim_start().chars().next();
                    follow.is_some_and(|f| {
                        f.is_uppercase()
                            || f.is_ascii_digit()
                            || matches!(f, '"' | '“' | '‘' | '\'' | '(' | '«')
                    })
                }
                Some('?' | '\u{FFFD}') if end > i + 1 => {
                    after.next().is_some_and(char::is_uppercase)
                }
                _ => false,
            };
            if boundary && (c != b'.' || !is_abbreviation_before_by_chars(text, i)) {
                return Some(end);
            }
            i = end.max(i + 1);
        }
        None
    }

    fn is_abbreviation_before_by_chars(text: &str, dot: usize) -> bool {
        let mut from = dot.saturating_sub(24);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let head = &text[from..dot];
        let word_start = head
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '['))
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[word_start..];
        if word.is_empty() {
            return false;
        }
        if word.contains('.') {
            return true;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 1
            && word.chars().all(char::is_alphabetic)
            && word.starts_with(char::is_uppercase)
        {
            return true;
        }
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }

    /// The sentence breaks as they were found before [`sentence_breaks`]: `first_end` of
    /// the text from each sentence's start, then the white space after it skipped.
    fn breaks_sentence_by_sentence(
        text: &str,
        first_end: fn(&str) -> Option<usize>,
    ) -> Vec<(usize, usize)> {
        let mut breaks = Vec::new();
        let mut at = 0;
        while let Some(e) = first_end(&text[at..]) {
            let end = at + e;
            at = end + text[end..].len() - text[end..].trim_start().len();
            breaks.push((end, at));
        }
        breaks
    }

    fn breaks_in_one_pass(text: &str) -> Vec<(usize, usize)> {
        let mut breaks = Vec::new();
        sentence_breaks(text, |end, next| {
            breaks.push((end, next));
            ControlFlow::Continue(())
        });
        breaks
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn breaks_as_sentence_by_sentence(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "He", "said", "the", "Mr.", "MRS.", "Jan.", "Sept.", "U.S.", "N.Y.", "J.",
                    "É.", "Inc.", "no.", "3.5", "2.", "1987.", "x", "Ünder", "é", ".", "!", "?",
                    "...", " ", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{2003}", "\"", "'", "”",
                    "’", "“", "‘", "«", "»", "(", ")", "[", "]", "\u{FFFD}", "XXXX",
                    // a break with no space, then an initial: the word before its dot is
                    // read back to the break only
                    ".’?J. ", "!\"\u{FFFD}F. ",
                ]),
                0..30,
            )
        ) {
            let text = pieces.concat();
            let one_pass = breaks_in_one_pass(&text);
            proptest::prop_assert!(one_pass.iter().all(|&(_, next)| next < text.len()));
            proptest::prop_assert_eq!(
                &one_pass,
                &breaks_sentence_by_sentence(&text, first_sentence_end_by_chars),
                "{:?}",
                text
            );
            proptest::prop_assert_eq!(
                &one_pass,
                &breaks_sentence_by_sentence(&text, first_sentence_end),
                "{:?}",
                text
            );
        }

        #[test]
        fn sentence_ends_as_by_chars(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "He", "said", "Mr", "MR", "mrs", "Sept", "U.S", "F", "É", "é", "x", "2", "5",
                    ".", "!", "?", "...", " ", "  ", "\t", "\n", "\x0B", "\u{A0}", "\u{2003}",
                    "\"", "'", "”", "’", "»", "«", "“", "‘", ")", "]", "(", "[", "\u{FFFD}",
                    "Ünder", "\u{212A}", "ǅ", "messrs", "Messrsx", "no", "St",
                ]),
                0..14,
            )
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                first_sentence_end(&text),
                first_sentence_end_by_chars(&text),
                "{:?}",
                text
            );
        }

        #[test]
        fn ascii_abbreviations_as_in_the_list(w in "[a-zA-Z.@`\\[{]{0,7}") {
            proptest::prop_assert_eq!(
                is_ascii_abbreviation(w.as_bytes()),
                ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
            );
        }
    }

    #[test]
    fn every_abbreviation_in_any_case() {
        for a in ABBREVIATIONS {
            assert!(is_ascii_abbreviation(a.as_bytes()), "{a}");
            assert!(is_ascii_abbreviation(a.to_uppercase().as_bytes()), "{a}");
        }
    }

    #[test]
    fn breaks_of_paragraphs() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[""]),
            ("One thing.", &["One thing."]),
            ("One. Two. Three.", &["One.", "Two.", "Three."]),
            ("One.  \n Two!  ", &["One.", "Two!  "]),
            (
                "Mr. Smith left. He came back.",
                &["Mr. Smith left.", "He came back."],
            ),
            (
                "In the U.S. It rained. Then not.",
                &["In the U.S. It rained.", "Then not."],
            ),
            (
                "Rates fell 3.5 pct. 2.5 pct next.",
                &["Rates fell 3.5 pct.", "2.5 pct next."],
            ),
            (
                "He said \"stop.\" She left.",
                &["He said \"stop.\"", "She left."],
            ),
            ("Stop.\u{A0} \u{2003}Go on.", &["Stop.", "Go on."]),
            ("in color.\"?A wall", &["in color.\"", "?A wall"]),
            // the word before a stop is read back to its sentence's start only
            ("yes.’?J. Smith", &["yes.’", "?J.", "Smith"]),
            ("Where? Here! There.", &["Where?", "Here!", "There."]),
        ];
        for (text, want) in cases {
            let mut got = Vec::new();
            let mut start = 0;
            for (end, next) in breaks_in_one_pass(text) {
                got.push(&text[start..end]);
                start = next;
            }
            got.push(&text[start..]);
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn white_space_lengths() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("x ", 0),
            (" x", 1),
            (" \t\n\r\x0B\x0Cx", 6),
            ("\u{A0}x", 2),
            (" \u{2003} x", 5),
            ("\u{FFFD} ", 0),
            ("  ", 2),
        ];
        for (s, want) in cases {
            assert_eq!(white_space_len(s), *want, "{s:?}");
        }
    }

    #[test]
    fn first_sentences() {
        let cases: &[(&str, Option<&str>)] = &[
            ("One thing. Another.", Some("One thing.")),
            ("He came. \"Yes,\" he said.", Some("He came.")),
            (
                "Mr. Smith met Gen. Jones in Jan. 2020. Then left.",
                Some("Mr. Smith met Gen. Jones in Jan. 2020."),
            ),
            (
                "The U.S. Senate voted. Then left.",
                Some("The U.S. Senate voted."),
            ),
            (
                "John F. Kennedy spoke. Then left.",
                Some("John F. Kennedy spoke."),
            ),
            ("It said \"stop.\" Then left.", Some("It said \"stop.\"")),
            (
                "It should be \"pleasing in color.\"?A wall to stem",
                Some("It should be \"pleasing in color.\""),
            ),
            (
                "Prices rose 2.5 percent. Then fell.",
                Some("Prices rose 2.5 percent."),
            ),
            ("Where now? Nobody knows.", Some("Where now?")),
            ("Only one sentence here.", None),
            ("a.b.c", None),
        ];
        for (input, want) in cases {
            let got = first_sentence_end(input).map(|e| &input[..e]);
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn stops_are_found_in_words_and_tails() {
        let cases: &[(&str, usize, Option<usize>)] = &[
            ("", 0, None),
            ("no stop here at all, none", 0, None),
            ("a.", 0, Some(1)),
            ("abcdefgh!", 0, Some(8)),
            ("abcdefg?", 0, Some(7)),
            ("abc.def.ghi.jkl", 4, Some(7)),
            ("abc.def.ghi.jkl", 12, None),
            ("abc.", 9, None),
            ("«Qué?» ¿Sí! ok", 0, Some(6)),
            ("\u{2E2E}\u{FF0E} then. ", 0, Some(11)),
            ("........", 3, Some(3)),
            ("0123456789abcdef0123456.", 0, Some(23)),
        ];
        for (text, from, want) in cases {
            assert_eq!(
                next_stop(text.as_bytes(), *from),
                *want,
                "{text:?} from {from}"
            );
        }
        // every byte value in every position of a word
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = v;
                let want = matches!(v, b'.' | b'!' | b'?').then_some(at);
                assert_eq!(next_stop(&word, 0), want, "{v:#04x} at {at}");
            }
        }
    }

    #[test]
    fn abbreviations_in_any_case_and_script() {
        let cases: &[(&str, bool)] = &[
            ("Mr.", true),
            ("MR.", true),
            ("Sept.", true),
            ("U.S.", true),
            ("F.", true),
            ("É.", true),
            ("said.", false),
            ("Mrs\u{301}.", false),
            ("\u{212A}.", true),
            ("ab.", false),
        ];
        for (text, want) in cases {
            let dot = text.len() - 1;
            assert_eq!(is_abbreviation_before(text, dot), *want, "{text:?}");
        }
    }

    #[test]
    fn lede_of_a_body_without_breaks() {
        let long = format!(
            "First sentence of the lede. {}",
            "More text follows here. ".repeat(40)
        );
        assert_eq!(
            from_first_paragraph(&long, 1),
            "First sentence of the lede."
        );
        // hard-wrapped copy (several lines) keeps the whole paragraph
        assert_eq!(from_first_paragraph(&long, 12), long.trim());
        assert_eq!(
            from_first_paragraph("Short lede. Two sentences.", 1),
            "Short lede. Two sentences."
        );
    }
}
