//! What must hold for every input, whatever its bytes: the invariants the fuzz targets
//! check, shared with the property tests (`tests/props.rs` includes this file).
//!
//! A broken invariant panics with a message that names it, so libFuzzer saves the input
//! as a crash and proptest shrinks it.

use wirecopy::{Article, DecodeError, Options};

/// Analyses `text` twice and checks the record; returns it for further checks.
///
/// - the record serializes to JSON, and the same text gives the same JSON (determinism);
/// - every country span and quote offset is a code-point range inside `text`;
/// - slicing `text` at a country span gives one of that country's `forms` (whose runs of
///   whitespace are one space);
/// - slicing `text` at a quote's offsets gives its `text` back exactly, unless the quote
///   runs over several paragraphs (its pieces are then joined by a space, so the text is
///   the slice without the marks and line breaks between them); its `paragraph` indexes
///   `paragraphs`.
pub fn check_analyze(text: &str) -> Article {
    let opts = Options::default();
    let article = wirecopy::analyze(text, &opts);
    let json = serde_json::to_string(&article).expect("the record serializes to JSON");
    let again = serde_json::to_string(&wirecopy::analyze(text, &opts)).expect("serializes");
    assert_eq!(json, again, "same text, different records");
    let back: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses back");
    assert!(back.is_object(), "the record is a JSON object");

    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let slice = |start: usize, end: usize| -> String { chars[start..end].iter().collect() };

    for c in &article.countries {
        assert_eq!(c.mentions, c.spans.len(), "{}: mentions vs spans", c.code);
        for &[start, end] in &c.spans {
            assert!(
                start <= end && end <= n,
                "{}: span [{start}, {end}] outside the input of {n} code points",
                c.code
            );
            // forms are as written, runs of whitespace (a joined line break) as one space
            let written = squeeze(&slice(start, end));
            assert!(
                c.forms.contains(&written),
                "{}: span [{start}, {end}] holds {written:?}, not one of the forms {:?}",
                c.code,
                c.forms
            );
        }
    }

    for q in &article.quotes {
        let (start, end) = (q.start, q.end);
        assert!(
            start <= end && end <= n,
            "quote [{start}, {end}] outside the input of {n} code points: {:?}",
            q.text
        );
        assert!(
            q.paragraph < article.paragraphs.len(),
            "quote paragraph {} of {}",
            q.paragraph,
            article.paragraphs.len()
        );
        // one paragraph: the quote is exactly the input's text there. Over several
        // paragraphs (so over a line break) its pieces are joined by a space: the text is
        // then the slice without the marks and breaks between the pieces.
        let written = slice(start, end);
        if written != q.text {
            assert!(
                written.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
                "quote [{start}, {end}] on one line does not slice back to its text: \
                 input {written:?}, text {:?}",
                q.text
            );
            let (text, written) = (squeeze(&q.text), squeeze(&written));
            assert!(
                text.chars().next() == written.chars().next()
                    && text.chars().last() == written.chars().last()
                    && is_subsequence(&text, &written),
                "quote [{start}, {end}] over several lines is not the input's pieces there: \
                 input {written:?}, text {text:?}"
            );
        }
    }
    article
}

/// Decodes `bytes` and, when they hold text, analyses it with [`check_analyze`]. Checks that
/// the decoder's verdicts and the offsets in its messages describe `bytes` as given.
pub fn check_decode_analyze(bytes: &[u8]) -> Option<Article> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    match wirecopy::decode(bytes) {
        Err(DecodeError::Empty) => {
            assert!(bytes.is_empty() || bytes == BOM, "Empty for {bytes:?}");
            None
        }
        Err(DecodeError::Binary { offset }) => {
            assert_eq!(
                bytes.get(offset),
                Some(&0),
                "Binary: no NUL at offset {offset}"
            );
            assert!(
                offset < 8 * 1024 + BOM.len(),
                "Binary: NUL looked for too far"
            );
            None
        }
        Err(DecodeError::Blank) => {
            if let Ok(s) = std::str::from_utf8(bytes.strip_prefix(BOM).unwrap_or(bytes)) {
                assert!(s.trim().is_empty(), "Blank for text {s:?}");
            }
            None
        }
        Ok(d) => {
            assert!(!d.text.trim().is_empty(), "decoded text is blank");
            let plain = !bytes.starts_with(BOM)
                && !bytes.starts_with(b"\xFF\xFE")
                && !bytes.starts_with(b"\xFE\xFF");
            if plain && let Ok(s) = std::str::from_utf8(bytes) {
                assert_eq!(&*d.text, s, "valid UTF-8 is taken as is");
                assert!(
                    d.warnings.is_empty(),
                    "warnings for UTF-8: {:?}",
                    d.warnings
                );
            }
            for w in &d.warnings {
                check_byte_warning(bytes, w);
            }
            if d.warnings.iter().any(|w| w.contains("Windows-1252")) {
                // one byte, one character (after a UTF-8 byte-order mark)
                let rest = bytes.strip_prefix(BOM).unwrap_or(bytes);
                assert_eq!(
                    d.text.chars().count(),
                    rest.len(),
                    "1252 is one byte a char"
                );
            }
            let mut article = check_analyze(&d.text);
            article.warnings.extend(d.warnings);
            serde_json::to_string(&article).expect("the record with warnings serializes");
            Some(article)
        }
    }
}

/// A warning "… (byte 0xAB at offset N) …" names a byte that is there in `bytes`.
fn check_byte_warning(bytes: &[u8], warning: &str) {
    let Some(rest) = warning.split_once("(byte 0x").map(|(_, r)| r) else {
        return;
    };
    let hex = &rest[..2];
    let byte = u8::from_str_radix(hex, 16).expect("two hex digits after 0x");
    let offset: usize = rest[2..]
        .strip_prefix(" at offset ")
        .and_then(|r| r.split(')').next())
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| panic!("no offset in warning {warning:?}"));
    assert_eq!(
        bytes.get(offset),
        Some(&byte),
        "warning {warning:?} names a byte that is not at that offset"
    );
}

/// Whether the characters of `small` appear in `big` in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut big = big.chars();
    small.chars().all(|c| big.any(|b| b == c))
}

/// Runs of whitespace as one space, ends trimmed: hard wraps are joined in the record.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
