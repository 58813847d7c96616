//! Property tests of the library on hostile text: arbitrary bytes, and the fixture articles
//! with random insertions, deletions and replacements of quote marks, line breaks, control
//! characters, emoji, combining marks, bidirectional marks and line separators.
//!
//! The invariants are those of the fuzz targets (`fuzz/src/lib.rs`, included below): no
//! panic, a record that serializes to JSON, country spans and quote offsets inside the input
//! (code points, so always on a character boundary) and slicing back to what they name, the
//! same record twice. The number of cases is kept small for CI (2 cores); set
//! `PROPTEST_CASES` for a longer run.

#[path = "../fuzz/src/lib.rs"]
mod invariants;

use invariants::{check_analyze, check_decode_analyze};
use proptest::prelude::*;
use serde_json::{Value, json};

const FIXTURES: [&str; 4] = [
    include_str!("../fixtures/tass-peskov.txt"),
    include_str!("../fixtures/reuters-style.txt"),
    include_str!("../fixtures/ap-style.txt"),
    include_str!("../fixtures/reuters-1987.txt"),
];

/// Pieces of hostile text that mutations insert.
const PIECES: &[&str] = &[
    // quotation marks, straight, curly, guillemets, low-9, TeX-style
    "\"",
    "'",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "\u{AB}",
    "\u{BB}",
    "\u{201E}",
    "\u{2039}",
    "\u{203A}",
    "``",
    "''",
    "\u{300C}",
    "\u{300D}",
    // line ends and separators
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\r\r",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    // control characters and an ANSI escape sequence
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\t",
    "\u{B}",
    "\u{C}",
    "\u{1B}",
    "\u{1B}[31m",
    "\u{7F}",
    "\u{9B}",
    // emoji (with modifiers and joiners) and symbols outside the BMP
    "\u{1F30A}",
    "\u{1F44D}\u{1F3FD}",
    "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    "\u{1D400}",
    // combining marks, also on their own
    "\u{301}",
    "e\u{301}",
    "\u{20DD}",
    "\u{334}\u{334}\u{334}",
    // bidirectional marks and overrides, zero-width characters, BOM, replacement char
    "\u{200E}",
    "\u{200F}",
    "\u{202E}",
    "\u{202C}",
    "\u{2067}",
    "\u{2069}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{FFFD}",
    // wire furniture that steers the parser
    " (Reuters) - ",
    "By ",
    "LONDON, May 4 (Reuters) - ",
    "    ",
    ".",
    "said",
    "-",
    "___",
];

/// One edit at a relative position in the text (a fraction of its length in chars).
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, &'static str),
    Delete(f64, usize),
    Replace(f64, usize, &'static str),
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(PIECES)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..=1.0f64, piece()).prop_map(|(at, p)| Edit::Insert(at, p)),
        (0.0..=1.0f64, 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..=1.0f64, 1..8usize, piece()).prop_map(|(at, n, p)| Edit::Replace(at, n, p)),
    ]
}

/// Applies `edits` to `text`, on character positions.
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let pos = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    for e in edits {
        match *e {
            Edit::Insert(at, p) => {
                let i = pos(at, chars.len());
                chars.splice(i..i, p.chars());
            }
            Edit::Delete(at, n) => {
                let i = pos(at, chars.len());
                let j = (i + n).min(chars.len());
                chars.drain(i..j);
            }
            Edit::Replace(at, n, p) => {
                let i = pos(at, chars.len());
                let j = (i + n).min(chars.len());
                chars.splice(i..j, p.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// A fixture with 1 to 24 edits.
fn mutated_fixture() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&FIXTURES[..]),
        prop::collection::vec(edit(), 1..24),
    )
        .prop_map(|(text, edits)| mutate(text, &edits))
}

/// Bytes biased towards what steers the decoder and the layout: a byte-order mark (UTF-8,
/// UTF-16, or two of them) half the time, then BOM and UTF-16 mark bytes, NUL, line ends,
/// quote marks and UTF-8 lead/continuation bytes.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let mark: &[&[u8]] = &[
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xEF\xBB\xBF\xFF\xFE",
        b"\xEF\xBB\xBF\xEF\xBB\xBF",
    ];
    let prefix = prop_oneof![
        Just(Vec::new()),
        prop::sample::select(mark).prop_map(<[u8]>::to_vec),
    ];
    let byte = prop_oneof![
        4 => prop::sample::select(&b"\0\r\n \t\"'.,-()ABCabc\xEF\xBB\xBF\xFF\xFE\xE2\x80\x9C\x9D\xA8\xA9\xC3\xA9\x93\x94"[..]),
        1 => any::<u8>(),
    ];
    (prefix, prop::collection::vec(byte, 0..600)).prop_map(|(mut p, body)| {
        p.extend(body);
        p
    })
}

/// The case count: `PROPTEST_CASES` when set, else `default`.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// The fields of a record that do not depend on how lines end (positions do).
fn line_end_free(a: &wirecopy::Article) -> Value {
    json!({
        "headline": a.headline,
        "subheadline": a.subheadline,
        "byline": a.byline,
        "dateline": a.dateline,
        "lede": a.lede,
        "paragraphs": a.paragraphs,
        "credits": a.credits,
        "countries": a.countries.iter().map(|c| (&c.code, c.mentions)).collect::<Vec<_>>(),
        "quotes": a.quotes.iter().map(|q| (q.kind, &q.speaker, q.paragraph)).collect::<Vec<_>>(),
        "speakers": a.speakers,
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        check_decode_analyze(&bytes);
    }

    #[test]
    fn hostile_bytes_never_panic(bytes in hostile_bytes()) {
        check_decode_analyze(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_analyze(&text);
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn mutated_fixtures_never_panic(text in mutated_fixture()) {
        check_analyze(&text);
    }

    #[test]
    fn mutated_fixtures_as_bytes_never_panic(text in mutated_fixture()) {
        // the way the binary reads them: bytes, decoded first
        check_decode_analyze(text.as_bytes());
    }

    /// The README's promise: line ends may be LF, CRLF or CR.
    #[test]
    fn line_ends_do_not_change_the_record(
        text in mutated_fixture().prop_filter("LF line ends only", |t| {
            !t.contains(['\r', '\u{2028}', '\u{2029}', '\u{85}'])
        })
    ) {
        let lf = check_analyze(&text);
        for (name, other) in [
            ("CRLF", text.replace('\n', "\r\n")),
            ("CR", text.replace('\n', "\r")),
        ] {
            let rec = check_analyze(&other);
            prop_assert_eq!(line_end_free(&rec), line_end_free(&lf), "{} line ends", name);
        }
    }
}

/// The generators make what they claim: edits land, and the pieces reach the text.
#[test]
fn mutations_apply_on_characters() {
    let text = "ab\u{e9}d";
    let cases: [(Vec<Edit>, &str); 5] = [
        (vec![Edit::Insert(0.0, "\u{201C}")], "\u{201C}ab\u{e9}d"),
        (vec![Edit::Insert(1.0, "\r\n")], "ab\u{e9}d\r\n"),
        (vec![Edit::Delete(0.5, 1)], "abd"),
        (vec![Edit::Replace(0.25, 2, "\u{2029}")], "a\u{2029}d"),
        (
            vec![Edit::Delete(0.0, 99), Edit::Insert(0.5, "\u{1B}")],
            "\u{1B}",
        ),
    ];
    for (edits, want) in cases {
        assert_eq!(mutate(text, &edits), want, "{edits:?}");
    }
}

/// The invariants are not vacuous on the fixtures: they hold records with countries and
/// quotes to check.
#[test]
fn fixtures_satisfy_the_invariants() {
    for text in FIXTURES {
        let a = check_analyze(text);
        assert!(
            a.headline.is_some() && !a.paragraphs.is_empty(),
            "{text:.60}"
        );
        let again = check_decode_analyze(text.as_bytes()).expect("a fixture is text");
        assert_eq!(again, a);
    }
    let spans: usize = FIXTURES
        .iter()
        .map(|t| {
            check_analyze(t)
                .countries
                .iter()
                .map(|c| c.spans.len())
                .sum::<usize>()
        })
        .sum();
    assert!(
        spans > 0,
        "no country span in any fixture: nothing was checked"
    );
}
