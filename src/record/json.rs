//! Compact JSON for an [`Article`]: byte for byte what `serde_json::to_writer` makes of the
//! derived `Serialize` impls (which stay the reference, and this module's test oracle), but
//! written field by field without serde's per-field machinery, and with a string escaper
//! that passes over plain text sixteen bytes at a time.

use super::{Article, Country, Date, Dateline, Quote, QuoteKind, Speaker};

/// Appends `article` to `out` as one compact JSON object (no newline), exactly as
/// `serde_json::to_writer` would.
pub fn write_json(article: &Article, out: &mut Vec<u8>) {
    // destructured without `..`: a new field does not compile until it is written here
    let Article {
        schema_version,
        file,
        id,
        headline,
        subheadline,
        byline,
        dateline,
        lede,
        paragraphs,
        credits,
        quotes,
        speakers,
        countries,
        warnings,
    } = article;
    out.extend_from_slice(b"{\"schema_version\":");
    write_uint(out, u64::from(*schema_version));
    out.extend_from_slice(b",\"file\":");
    write_str(out, file);
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        // a Value has string keys only: writing it into memory cannot fail
        let _ = serde_json::to_writer(&mut *out, id);
    }
    out.extend_from_slice(b",\"headline\":");
    write_opt_str(out, headline.as_deref());
    out.extend_from_slice(b",\"subheadline\":");
    write_opt_str(out, subheadline.as_deref());
    out.extend_from_slice(b",\"byline\":");
    write_opt_str(out, byline.as_deref());
    out.extend_from_slice(b",\"dateline\":");
    match dateline {
        Some(d) => write_dateline(out, d),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"lede\":");
    let lede_at = out.len();
    write_opt_str(out, lede.as_deref());
    let lede_written = lede_at..out.len();
    out.extend_from_slice(b",\"paragraphs\":");
    // the lede is most often the first paragraph: its string, already escaped, is copied
    out.push(b'[');
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        } else if lede.as_deref() == Some(p.as_str()) {
            out.extend_from_within(lede_written.clone());
            continue;
        }
        write_str(out, p);
    }
    out.push(b']');
    out.extend_from_slice(b",\"credits\":");
    write_opt_str(out, credits.as_deref());
    out.extend_from_slice(b",\"quotes\":");
    write_list(out, quotes, write_quote);
    out.extend_from_slice(b",\"speakers\":");
    write_list(out, speakers, write_speaker);
    out.extend_from_slice(b",\"countries\":");
    write_list(out, countries, write_country);
    out.extend_from_slice(b",\"warnings\":");
    write_strs(out, warnings);
    out.push(b'}');
}

fn write_dateline(out: &mut Vec<u8>, d: &Dateline) {
    let Dateline {
        text,
        city,
        country,
        date,
        agency,
    } = d;
    out.extend_from_slice(b"{\"text\":");
    write_str(out, text);
    out.extend_from_slice(b",\"city\":");
    write_opt_str(out, city.as_deref());
    out.extend_from_slice(b",\"country\":");
    write_opt_str(out, country.as_deref());
    out.extend_from_slice(b",\"date\":");
    match date {
        Some(Date { year, month, day }) => {
            out.extend_from_slice(b"{\"year\":");
            write_opt_uint(out, year.map(u64::from));
            out.extend_from_slice(b",\"month\":");
            write_opt_uint(out, month.map(u64::from));
            out.extend_from_slice(b",\"day\":");
            write_opt_uint(out, day.map(u64::from));
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"agency\":");
    write_opt_str(out, agency.as_deref());
    out.push(b'}');
}

fn write_quote(out: &mut Vec<u8>, q: &Quote) {
    let Quote {
        text,
        kind,
        speaker,
        mention,
        cue,
        start,
        end,
        paragraph,
    } = q;
    out.extend_from_slice(b"{\"text\":");
    write_str(out, text);
    out.extend_from_slice(match kind {
        QuoteKind::Direct => b",\"kind\":\"direct\",\"speaker\":".as_slice(),
        QuoteKind::Partial => b",\"kind\":\"partial\",\"speaker\":",
        QuoteKind::Indirect => b",\"kind\":\"indirect\",\"speaker\":",
    });
    write_opt_str(out, speaker.as_deref());
    out.extend_from_slice(b",\"mention\":");
    write_opt_str(out, mention.as_deref());
    out.extend_from_slice(b",\"cue\":");
    write_opt_str(out, cue.as_deref());
    out.extend_from_slice(b",\"start\":");
    write_uint(out, *start as u64);
    out.extend_from_slice(b",\"end\":");
    write_uint(out, *end as u64);
    out.extend_from_slice(b",\"paragraph\":");
    write_uint(out, *paragraph as u64);
    out.push(b'}');
}

fn write_speaker(out: &mut Vec<u8>, s: &Speaker) {
    let Speaker {
        name,
        title,
        aliases,
        quotes,
    } = s;
    out.extend_from_slice(b"{\"name\":");
    write_str(out, name);
    out.extend_from_slice(b",\"title\":");
    write_opt_str(out, title.as_deref());
    out.extend_from_slice(b",\"aliases\":");
    write_strs(out, aliases);
    out.extend_from_slice(b",\"quotes\":");
    write_uint(out, *quotes as u64);
    out.push(b'}');
}

fn write_country(out: &mut Vec<u8>, c: &Country) {
    let Country {
        code,
        name,
        mentions,
        forms,
        spans,
        dateline,
    } = c;
    out.extend_from_slice(b"{\"code\":");
    write_str(out, code);
    out.extend_from_slice(b",\"name\":");
    write_str(out, name);
    out.extend_from_slice(b",\"mentions\":");
    write_uint(out, *mentions as u64);
    out.extend_from_slice(b",\"forms\":");
    write_strs(out, forms);
    out.extend_from_slice(b",\"spans\":");
    write_list(out, spans, |out, [start, end]| {
        out.push(b'[');
        write_uint(out, *start as u64);
        out.push(b',');
        write_uint(out, *end as u64);
        out.push(b']');
    });
    out.extend_from_slice(if *dateline {
        b",\"dateline\":true}".as_slice()
    } else {
        b",\"dateline\":false}"
    });
}

/// A JSON array of `items`, each written by `write`.
fn write_list<T>(out: &mut Vec<u8>, items: &[T], write: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn write_strs(out: &mut Vec<u8>, items: &[String]) {
    write_list(out, items, |out, s| write_str(out, s));
}

fn write_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn write_opt_uint(out: &mut Vec<u8>, n: Option<u64>) {
    match n {
        Some(n) => write_uint(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// `n` in decimal, as serde_json (itoa) writes it.
#[inline]
fn write_uint(out: &mut Vec<u8>, n: u64) {
    // offsets, counts and dates: almost always four digits or fewer, written as four
    // (two at a time from a table, leading zeros shifted out) and cut to their number, so
    // that no branch depends on that number
    if n >= 10_000 {
        return write_long_uint(out, n);
    }
    let n = n as usize;
    let (high, low) = (two_digits(n / 100), two_digits(n % 100));
    let len = 1 + usize::from(n >= 10) + usize::from(n >= 100) + usize::from(n >= 1000);
    let digits = u32::from_le_bytes([high[0], high[1], low[0], low[1]]) >> (8 * (4 - len));
    let start = out.len();
    out.extend_from_slice(&digits.to_le_bytes());
    out.truncate(start + len);
}

/// The two decimal digits of `n` (below 100), from a table.
fn two_digits(n: usize) -> [u8; 2] {
    const DIGITS: &[u8; 200] = b"\
        0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
        5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    [DIGITS[2 * n], DIGITS[2 * n + 1]]
}

/// [`write_uint`] of five digits or more.
#[cold]
fn write_long_uint(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    while n > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends `s` as a JSON string, escaped as serde_json escapes: `\"`, `\\`, the short forms
/// `\b \t \n \f \r`, other bytes below 0x20 as `\u00xx` (lowercase hex); everything else
/// (DEL and non-ASCII included) as it is.
///
/// A string of fewer than sixteen bytes (most are: names, cues, codes), and the short last
/// run of a longer one, is written with its closing quote as one store of a fixed size and
/// cut to its length ([`finish_short`]): a copy of a variable length (`memcpy`) branches on
/// the size, which varies from one string to the next and was mispredicted about every
/// other call. Longer runs of plain bytes are copied whole.
#[inline]
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    if bytes.len() < 16 {
        finish_short(out, bytes);
    } else {
        finish_long(out, bytes);
    }
}

/// Writes `bytes` (sixteen or more) and the closing quote: the runs of plain bytes, found
/// by [`next_special`], copied whole (a long copy's size matters little to its cost), the
/// last one, when short, as [`finish_short`] writes it.
#[inline(never)]
fn finish_long(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 1);
    let mut rest = bytes;
    while let Some(at) = next_special(rest) {
        out.extend_from_slice(&rest[..at]);
        escape(out, rest[at]);
        rest = &rest[at + 1..];
    }
    if rest.len() < 16 {
        return finish_short(out, rest);
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Where the first byte of `bytes` that needs escaping is.
///
/// Most strings are short (names, cues, codes) and have nothing to escape: up to sixteen
/// bytes are looked at as two overlapping words (or halves of one), without a loop. Longer
/// ones are passed over sixteen bytes at a time first.
#[inline]
fn next_special(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    if len < 8 {
        return next_special_short(bytes);
    }
    let mut at = 0;
    // thirty-two, then sixteen bytes at a time while nothing is found, in a form the
    // compiler makes SIMD compares of (no early exit inside a block)
    for block in bytes.chunks_exact(32) {
        if any_special(block) {
            break;
        }
        at += 32;
    }
    if at + 16 <= len && !any_special(&bytes[at..at + 16]) {
        at += 16;
    }
    if at == len {
        return None;
    }
    // the block found, or the fewer than sixteen bytes left (of eight or more in all): the
    // eight from `at` (or the last eight, without the marks of the bytes before `at`), then
    // the eight that end the block or the text, without the marks of those looked at
    let end = (at + 16).min(len);
    let base = at.min(len - 8);
    let marks = specials(load(&bytes[base..])) & (!0u64 << (8 * (at - base)));
    if marks != 0 {
        return Some(base + (marks.trailing_zeros() / 8) as usize);
    }
    if base + 8 >= end {
        return None;
    }
    let last = end - 8;
    let marks = specials(load(&bytes[last..])) & (!0u64 << (8 * (base + 8 - last)));
    (marks != 0).then(|| last + (marks.trailing_zeros() / 8) as usize)
}

/// [`next_special`] of fewer than eight bytes: four or more as two overlapping halves of a
/// word, fewer one by one.
fn next_special_short(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    if len < 4 {
        return bytes.iter().position(|&b| is_special(b));
    }
    let half = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    // bytes 0..4 in the low half, bytes len-4..len in the high half
    let marks = specials(half(0) | half(len - 4) << 32);
    if marks == 0 {
        return None;
    }
    let i = (marks.trailing_zeros() / 8) as usize;
    Some(if i < 4 { i } else { len + i - 8 })
}

/// Writes `bytes` (fewer than sixteen) and the closing quote as one store of a fixed size,
/// put together in a buffer: four or more bytes as four overlapping 4-byte pieces (from 0,
/// 4, 8 and the end, those past the end moved back), fewer as the first, middle and last
/// byte. Strings with something to escape go byte by byte.
fn finish_short(out: &mut Vec<u8>, bytes: &[u8]) {
    let len = bytes.len();
    let mut buf = [0u8; 17];
    let plain = if len >= 4 {
        let piece = |at: usize| -> [u8; 4] { bytes[at..at + 4].try_into().expect("four bytes") };
        let [a, b, c, d] = [0, 4.min(len - 4), 8.min(len - 4), len - 4];
        let (pa, pb, pc, pd) = (piece(a), piece(b), piece(c), piece(d));
        buf[a..a + 4].copy_from_slice(&pa);
        buf[b..b + 4].copy_from_slice(&pb);
        buf[c..c + 4].copy_from_slice(&pc);
        buf[d..d + 4].copy_from_slice(&pd);
        let word = |x: [u8; 4], y: [u8; 4]| {
            u64::from(u32::from_le_bytes(x)) | u64::from(u32::from_le_bytes(y)) << 32
        };
        specials(word(pa, pb)) | specials(word(pc, pd)) == 0
    } else if len > 0 {
        let (first, middle, last) = (bytes[0], bytes[len / 2], bytes[len - 1]);
        buf[0] = first;
        buf[len / 2] = middle;
        buf[len - 1] = last;
        !(is_special(first) | is_special(middle) | is_special(last))
    } else {
        true
    };
    if !plain {
        return finish_escaped(out, bytes);
    }
    buf[len] = b'"';
    let start = out.len();
    out.extend_from_slice(&buf);
    out.truncate(start + len + 1);
}

/// [`finish_short`] of a string with something to escape: byte by byte.
#[cold]
fn finish_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        if is_special(b) {
            escape(out, b);
        } else {
            out.push(b);
        }
    }
    out.push(b'"');
}

use crate::swar::{HIGH, LOW7, load, splat};

/// Bit 7 of each byte of the result is set where that byte of `w` needs escaping (below
/// 0x20, '"' or '\\'), all other bits clear. Exact for every byte: no sum carries into the
/// next byte, so every mark is a byte to escape, not only the lowest.
const fn specials(w: u64) -> u64 {
    !plain(w) & HIGH
}

/// Bit 7 of each byte of the result is set where that byte of `w` is written as it is;
/// the other bits mean nothing.
const fn plain(w: u64) -> u64 {
    let low = w & LOW7;
    // bit 7 of each byte of these sums is set where the byte's low seven bits are at least
    // 0x20, differ from '"', differ from '\\'
    let not_control = low + splat(0x80 - 0x20);
    let not_quote = (low ^ splat(b'"')) + LOW7;
    let not_backslash = (low ^ splat(b'\\')) + LOW7;
    // a byte with bit 7 set (non-ASCII) is never special
    (not_control & not_quote & not_backslash) | w
}

/// True when some byte of `block` [`is_special`].
#[inline(always)]
fn any_special(block: &[u8]) -> bool {
    block.iter().fold(false, |any, &b| any | is_special(b))
}

/// True when `b` needs escaping: below 0x20, '"' or '\\'.
fn is_special(b: u8) -> bool {
    // flipping bit 1 maps 0x00..=0x1F onto themselves (in another order) and '"' (0x22) onto
    // 0x20, and nothing else to 0x20 or below: one compare for two of the three tests, which
    // the block scan does as SIMD compares. No short-circuit: a branch per byte would keep
    // that scan from being vectorized.
    ((b ^ 0x02) <= 0x20) | (b == b'\\')
}

/// The escape of one byte that [`is_special`].
fn escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0C => out.extend_from_slice(b"\\f"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    fn serde_escaped(s: &str) -> String {
        serde_json::to_string(s).unwrap()
    }

    #[test]
    fn every_ascii_byte_is_escaped_as_serde_json_does() {
        let table: &[(u8, &str)] = &[
            (0x00, "\\u0000"),
            (0x01, "\\u0001"),
            (0x07, "\\u0007"),
            (0x08, "\\b"),
            (0x09, "\\t"),
            (0x0A, "\\n"),
            (0x0B, "\\u000b"),
            (0x0C, "\\f"),
            (0x0D, "\\r"),
            (0x0E, "\\u000e"),
            (0x1A, "\\u001a"),
            (0x1F, "\\u001f"),
            (b' ', " "),
            (b'"', "\\\""),
            (b'\\', "\\\\"),
            (b'/', "/"),
            (b'a', "a"),
            (0x7F, "\u{7F}"),
        ];
        for &(b, want) in table {
            let s = char::from(b).to_string();
            assert_eq!(escaped(&s), format!("\"{want}\""), "byte {b:#04x}");
        }
        for b in 0..=0x7Fu8 {
            let s = char::from(b).to_string();
            assert_eq!(escaped(&s), serde_escaped(&s), "byte {b:#04x}");
            // alone, and in each place of a word and of the tail
            for len in [8, 9, 15, 16, 17, 23, 31, 32, 33, 40] {
                for at in 0..len {
                    let mut t: Vec<char> = "abcdefghijklmnopqrstuvwxyz"
                        .chars()
                        .cycle()
                        .take(len)
                        .collect();
                    t[at] = char::from(b);
                    let t: String = t.into_iter().collect();
                    assert_eq!(
                        escaped(&t),
                        serde_escaped(&t),
                        "byte {b:#04x} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let cases = [
            "",
            "a",
            "\"",
            "\\",
            "plain text of some length, no escapes at all",
            "\"quoted\"",
            "back\\slash",
            "line\nbreak\r\n",
            "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{9}",
            "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
            "\\\\\\\\\\\\\\\\\\",
            "café € 😀 ü",
            "ééééééé\"ééé",
            "😀😀\n😀😀\u{1f}",
            "\u{7F}\u{80}\u{FF}\u{2028}\u{2029}\u{FEFF}",
            "seven\"7",
            "exactly8",
            "exactly\"",
            "\"xactly8",
            "nine bytes\n",
            "control\u{1B}[31mcolour\u{1B}[0m",
        ];
        for s in cases {
            assert_eq!(escaped(s), serde_escaped(s), "{s:?}");
        }
    }

    #[test]
    fn a_special_byte_in_every_place_of_a_word() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}"] {
            for len in 1..=40 {
                for at in 0..len {
                    let mut s = "x".repeat(at);
                    s.push_str(special);
                    s.push_str(&"é".repeat(len - at));
                    assert_eq!(escaped(&s), serde_escaped(&s), "{s:?}");
                    // two in one word
                    let t = format!("{s}{special}");
                    assert_eq!(escaped(&t), serde_escaped(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn the_special_bytes_are_the_controls_the_quote_and_the_backslash() {
        for b in 0..=0xFFu8 {
            assert_eq!(
                is_special(b),
                b < 0x20 || b == b'"' || b == b'\\',
                "{b:#04x}"
            );
        }
    }

    #[test]
    fn the_mask_marks_exactly_the_special_bytes() {
        for b in 0..=0xFFu8 {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = b;
                let marks = specials(u64::from_le_bytes(w));
                let want = if is_special(b) {
                    0x80u64 << (8 * at)
                } else {
                    0
                };
                assert_eq!(marks, want, "byte {b:#04x} at {at}");
                // neighbours that are special too do not hide or invent marks
                let mut w = [0u8; 8];
                w[at] = b;
                let marks = specials(u64::from_le_bytes(w));
                let want = HIGH
                    & !(if is_special(b) {
                        0
                    } else {
                        0x80u64 << (8 * at)
                    });
                assert_eq!(marks, want, "byte {b:#04x} at {at} among NULs");
            }
        }
    }

    #[test]
    fn every_length_is_written_whole() {
        // plain, and with a byte to escape first, in the middle or last: the short strings'
        // pieces and the long strings' short last runs, at each length around them
        let plain: String = "abcdefghijklmnopqrstuvwxyzé€😀"
            .chars()
            .cycle()
            .take(60)
            .collect();
        for len in 0..=40 {
            let s: String = plain.chars().take(len).collect();
            assert_eq!(escaped(&s), serde_escaped(&s), "{s:?}");
            for at in [0, len / 2, len.saturating_sub(1)] {
                let mut t: Vec<char> = s.chars().collect();
                if at < t.len() {
                    t[at] = '"';
                }
                let t: String = t.into_iter().collect();
                assert_eq!(escaped(&t), serde_escaped(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn numbers_are_written_as_itoa_does() {
        let every_short = 0..=10_000u64;
        let long = [12345, 99_999, 100_000, u64::from(u32::MAX), u64::MAX];
        for n in every_short.chain(long) {
            let mut out = Vec::new();
            write_uint(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn a_lede_that_is_the_first_paragraph_is_written_as_serde_json_writes_it() {
        let cases: &[(Option<&str>, &[&str])] = &[
            (Some("Short."), &["Short.", "Short."]),
            (
                Some("A \"quoted\" lede\nof some length, longer than sixty-four bytes in all."),
                &[
                    "A \"quoted\" lede\nof some length, longer than sixty-four bytes in all.",
                    "Then more.",
                ],
            ),
            (Some("Not the first."), &["First.", "Not the first."]),
            (Some(""), &["", ""]),
            (None, &["null"]),
            (Some("Alone."), &[]),
        ];
        for &(lede, paragraphs) in cases {
            let a = Article {
                lede: lede.map(str::to_string),
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..Article::default()
            };
            let mut out = Vec::new();
            write_json(&a, &mut out);
            assert_eq!(
                out,
                serde_json::to_vec(&a).unwrap(),
                "{lede:?} {paragraphs:?}"
            );
        }
    }

    #[test]
    fn the_default_article_is_written_as_serde_json_writes_it() {
        let a = Article::default();
        let mut out = Vec::new();
        write_json(&a, &mut out);
        assert_eq!(out, serde_json::to_vec(&a).unwrap());
    }

    fn text() -> impl Strategy<Value = String> {
        let chars = prop_oneof![
            4 => prop::char::range('a', 'z'),
            2 => prop::char::range('\u{0}', '\u{7F}'),
            1 => prop::sample::select(vec!['"', '\\', '\n', '\r', '\t', '\u{8}', '\u{C}', '/']),
            1 => any::<char>(),
        ];
        prop::collection::vec(chars, 0..40).prop_map(String::from_iter)
    }

    fn texts() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(text(), 0..4)
    }

    fn id() -> impl Strategy<Value = Option<Value>> {
        let value = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e12f64..1e12).prop_map(Value::from),
            text().prop_map(Value::from),
            texts().prop_map(Value::from),
            prop::collection::btree_map(text(), text(), 0..3)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k, v.into())).collect())),
        ];
        prop::option::of(value)
    }

    fn date() -> impl Strategy<Value = Option<Date>> {
        prop::option::of(
            (
                prop::option::of(any::<u16>()),
                prop::option::of(any::<u8>()),
                prop::option::of(any::<u8>()),
            )
                .prop_map(|(year, month, day)| Date { year, month, day }),
        )
    }

    fn dateline() -> impl Strategy<Value = Option<Dateline>> {
        let opt = || prop::option::of(text());
        prop::option::of((text(), opt(), opt(), date(), opt()).prop_map(
            |(text, city, country, date, agency)| Dateline {
                text,
                city,
                country,
                date,
                agency,
            },
        ))
    }

    fn quote() -> impl Strategy<Value = Quote> {
        let opt = || prop::option::of(text());
        (
            text(),
            prop::sample::select(vec![
                QuoteKind::Direct,
                QuoteKind::Partial,
                QuoteKind::Indirect,
            ]),
            (opt(), opt(), opt()),
            (any::<usize>(), any::<usize>(), any::<usize>()),
        )
            .prop_map(
                |(text, kind, (speaker, mention, cue), (start, end, paragraph))| Quote {
                    text,
                    kind,
                    speaker,
                    mention,
                    cue,
                    start,
                    end,
                    paragraph,
                },
            )
    }

    fn speaker() -> impl Strategy<Value = Speaker> {
        (text(), prop::option::of(text()), texts(), any::<usize>()).prop_map(
            |(name, title, aliases, quotes)| Speaker {
                name,
                title,
                aliases,
                quotes,
            },
        )
    }

    fn country() -> impl Strategy<Value = Country> {
        (
            text(),
            text(),
            any::<usize>(),
            texts(),
            prop::collection::vec(any::<[usize; 2]>(), 0..3),
            any::<bool>(),
        )
            .prop_map(|(code, name, mentions, forms, spans, dateline)| Country {
                code,
                name,
                mentions,
                forms,
                spans,
                dateline,
            })
    }

    fn article() -> impl Strategy<Value = Article> {
        let opt = || prop::option::of(text());
        (
            (any::<u32>(), text(), id()),
            (opt(), opt(), opt(), dateline(), opt()),
            (texts(), opt(), prop::collection::vec(quote(), 0..4)),
            (
                prop::collection::vec(speaker(), 0..3),
                prop::collection::vec(country(), 0..3),
                texts(),
            ),
        )
            .prop_map(
                |(
                    (schema_version, file, id),
                    (headline, subheadline, byline, dateline, lede),
                    (paragraphs, credits, quotes),
                    (speakers, countries, warnings),
                )| Article {
                    schema_version,
                    file,
                    id,
                    headline,
                    subheadline,
                    byline,
                    dateline,
                    lede,
                    paragraphs,
                    credits,
                    quotes,
                    speakers,
                    countries,
                    warnings,
                },
            )
    }

    proptest! {
        #[test]
        fn articles_are_written_as_serde_json_writes_them(a in article()) {
            let mut out = b"already there".to_vec();
            write_json(&a, &mut out);
            let mut want = b"already there".to_vec();
            want.extend(serde_json::to_vec(&a).unwrap());
            prop_assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(want).unwrap());
        }

        #[test]
        fn next_special_is_the_first_special_byte(
            bytes in prop::collection::vec(
                prop_oneof![
                    8 => prop::sample::select(vec![b'a', b' ', 0x7F, 0x80, 0xE2, 0xFF, 0x20, 0x21]),
                    1 => prop::sample::select(vec![b'"', b'\\', b'\n', 0x00, 0x1F]),
                ],
                0..70,
            )
        ) {
            prop_assert_eq!(next_special(&bytes), bytes.iter().position(|&b| is_special(b)));
        }

        #[test]
        fn byte_strings_are_escaped_as_serde_json_escapes_them(
            chars in prop::collection::vec(
                prop_oneof![
                    8 => prop::sample::select(vec!['a', ' ', '\u{7F}', 'é', '€', '😀']),
                    1 => prop::sample::select(vec!['"', '\\', '\n', '\u{0}', '\u{1F}']),
                ],
                0..70,
            )
        ) {
            let s = String::from_iter(chars);
            prop_assert_eq!(escaped(&s), serde_escaped(&s));
        }

        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in text()) {
            prop_assert_eq!(escaped(&s), serde_escaped(&s));
        }
    }
}
