//! Layout: physical lines, blank-line blocks, and paragraphs with hard wraps joined.
//!
//! Method: the text is cut into lines at `\n`, `\r\n`, `\r`, U+2028 and U+2029 (the last
//! also counts as a blank line). Runs of non-blank lines form blocks. Inside a block two
//! layouts are told apart:
//! - hard-wrapped copy (Reuters 1987, old AP): lines no wider than 100 characters, nearly
//!   all but a paragraph's last at least 30 wide, or any block with paragraph indents; a
//!   line indented 3 or more deeper than the block's shallowest line starts a paragraph (the
//!   4-space paragraph indent of Reuters-21578), the others are joined with single spaces;
//! - one paragraph per line (scraped pages, modern feeds): any line over the wrap width, or
//!   a short line followed by more text, means each line stands alone.
//!
//! A paragraph split by a stray blank line mid-sentence (previous part ends without
//! sentence punctuation, next part starts in lower case) is joined back.
//!
//! Every paragraph keeps a map from its joined text back to byte offsets in the input, so
//! later stages can report positions in the original text.
//!
//! Cost: the scan for line ends skips 16 bytes at a time over bytes that cannot start one,
//! widths are byte lengths for ASCII lines, a paragraph's text is allocated once, and its
//! map back to the input is held in place up to `INLINE_SEGS` (4) lines. A headline is cut to
//! what is kept in place ([`Para::keep`]).
//!
//! Known limits: a body that lost all its breaks stays one paragraph (the lede stage copes
//! with that); poetry-like short lines inside a wrapped block are joined.

/// Lines longer than this (in characters) are not hard-wrapped copy.
const WRAP_MAX: usize = 100;
/// In hard-wrapped copy every line but a paragraph's last is at least this long.
const WRAP_MIN: usize = 30;
/// A short indented last line of a block up to this long (characters) stands alone.
const SIGNOFF_MAX: usize = 20;
/// A line indented this much deeper than its block starts a paragraph.
const PARA_INDENT: usize = 3;

/// One physical line, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line without leading/trailing whitespace ("" for a blank line).
    pub text: &'a str,
    /// Byte offset of `text` in the input.
    pub start: usize,
    /// Leading whitespace, in characters (a tab counts as 4).
    pub indent: usize,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the line is wider than `n` characters. A line of `n` bytes or fewer is not
    /// (a character takes a byte at least), and an ASCII line is as wide as it is long (a
    /// word-at-a-time check); others are counted.
    fn wider_than(&self, n: usize) -> bool {
        self.text.len() > n && (self.text.is_ascii() || self.text.chars().count() > n)
    }
}

/// Splits `src` into trimmed lines (blank lines included, as empty lines).
///
/// Bytes are looked at one by one only at a possible separator: elsewhere the scan moves
/// 16 bytes at a time (see `plain_prefix`), from one line's end straight to the next's.
pub fn lines(src: &str) -> Vec<Line<'_>> {
    // about one line per 40 bytes of wire copy
    let mut out = Vec::with_capacity(src.len() / 40 + 4);
    let mut start = 0;
    let bytes = src.as_bytes();
    let mut i = 0;
    loop {
        i += plain_prefix(&bytes[i..]);
        let Some(&b) = bytes.get(i) else { break };
        // \n, \r, U+2028 (E2 80 A8), U+2029 (E2 80 A9)
        let (brk, blank_after) = match b {
            b'\n' => (1, false),
            b'\r' => (
                if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                },
                false,
            ),
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(&0xA8) | Some(&0xA9)) =>
            {
                (3, bytes[i + 2] == 0xA9)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(make_line(src, start, i));
        if blank_after {
            out.push(Line {
                text: "",
                start: i,
                indent: 0,
            });
        }
        i += brk;
        start = i;
    }
    if start < src.len() {
        out.push(make_line(src, start, src.len()));
    }
    out
}

/// How many bytes at the start of `bytes` cannot start a line separator: the bytes in
/// 0x0E..=0x7F (`\n`, `\r` and 0xE2, the first byte of U+2028 and U+2029, are not).
///
/// Looked at 16 at a time (the last ones padded with spaces): read as `i8`, the other bytes
/// are exactly those below 0x0E, a test the compiler makes one vector compare of the 16.
/// The 16 that hold one are then read as a word to find the first.
fn plain_prefix(bytes: &[u8]) -> usize {
    let has_stop = |chunk: &[u8; 16]| chunk.iter().fold(false, |any, &b| any | ((b as i8) < 0x0E));
    let mut n = 0;
    while let Some(chunk) = bytes[n..].first_chunk::<16>() {
        if has_stop(chunk) {
            return n + first_stop(chunk);
        }
        n += 16;
    }
    let rest = &bytes[n..];
    let mut padded = [b' '; 16];
    padded[..rest.len()].copy_from_slice(rest);
    n + first_stop(&padded).min(rest.len())
}

/// The first byte of `chunk` outside 0x0E..=0x7F (16 when none is; a space is in).
fn first_stop(chunk: &[u8; 16]) -> usize {
    const ONES: u128 = u128::from_ne_bytes([1; 16]);
    const HIGH: u128 = ONES * 0x80;
    let w = u128::from_le_bytes(*chunk);
    // adding 0x72 to a byte below 0x80 sets its high bit exactly when it is 0x0E or more,
    // and carries nothing into the next byte; a byte of 0x80 or more has its high bit set
    // already (its carry can only disturb later bytes, after the first flag)
    let flags = (w | !w.wrapping_add(0x72 * ONES)) & HIGH;
    // little-endian: the lowest flag is the first byte in the text
    (flags.trailing_zeros() / 8) as usize
}

/// The line of `src[start..end]`. Inlined into [`lines`]: returned through memory, a line
/// was read back before its stores had landed, a stall on every line. A line that starts
/// with a visible ASCII character (most do) has no leading whitespace to measure.
#[inline(always)]
fn make_line(src: &str, start: usize, end: usize) -> Line<'_> {
    let raw = &src[start..end];
    let (lead, indent) = match raw.as_bytes().first() {
        Some(&b) if (0x21..0x80).contains(&b) => (0, 0),
        _ => leading_whitespace(raw),
    };
    Line {
        text: trim_end(&raw[lead..]),
        start: start + lead,
        indent,
    }
}

/// `s.trim_end()`, at once when `s` ends in a visible ASCII character (as most lines do).
fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&b) if (0x21..0x80).contains(&b) => s,
        _ => s.trim_end(),
    }
}

/// Byte length and width (a tab counts as 4, other whitespace as 1) of the whitespace that
/// `raw` starts with.
fn leading_whitespace(raw: &str) -> (usize, usize) {
    // spaces and then a visible ASCII character in the first eight bytes (as in most lines),
    // at once
    if let Some(eight) = raw.as_bytes().first_chunk::<8>() {
        let spaces = crate::swar::eq(u64::from_le_bytes(*eight), b' ');
        let n = (!spaces & crate::swar::HIGH).trailing_zeros() as usize / 8;
        if n < 8 && (0x21..0x80).contains(&eight[n]) {
            return (n, n);
        }
    }
    let mut indent = 0;
    // ASCII bytes one by one (the ASCII whitespace is \t, \n, \x0B, \x0C, \r and the space)
    let mut at = 0;
    for &b in raw.as_bytes() {
        match b {
            b'\t' => indent += 4,
            b'\n' | 0x0B | 0x0C | b'\r' | b' ' => indent += 1,
            0..0x80 => return (at, indent),
            _ => break,
        }
        at += 1;
    }
    // from the first character outside ASCII on, characters
    for (i, c) in raw[at..].char_indices() {
        match c {
            '\t' => indent += 4,
            c if c.is_whitespace() => indent += 1,
            _ => return (at + i, indent),
        }
    }
    (raw.len(), indent)
}

/// Groups lines into blocks: maximal runs of non-blank lines.
pub fn blocks<'l, 'a>(lines: &'l [Line<'a>]) -> Vec<&'l [Line<'a>]> {
    // two blocks have a blank line between them: room for all at once
    let mut out = Vec::with_capacity(lines.len().div_ceil(2));
    out.extend(lines.split(|l| l.is_blank()).filter(|b| !b.is_empty()));
    out
}

/// A piece of a paragraph's text that is contiguous in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg {
    /// Byte offset in the paragraph text.
    pub at: usize,
    /// Byte offset in the input.
    pub src: usize,
}

/// How many segments a paragraph's map holds in place: nine paragraphs in ten of
/// Reuters-21578 have at most four lines, so their map needs no allocation of its own.
const INLINE_SEGS: usize = 4;

/// A paragraph's segments, in order: up to `INLINE_SEGS` (4) in place, more on the heap.
#[derive(Debug, Clone)]
pub enum Segs {
    Inline { len: u8, items: [Seg; INLINE_SEGS] },
    Heap(Vec<Seg>),
}

impl Segs {
    /// Room for `n` segments (in place when they fit).
    pub fn with_capacity(n: usize) -> Segs {
        if n <= INLINE_SEGS {
            Segs::Inline {
                len: 0,
                items: [Seg { at: 0, src: 0 }; INLINE_SEGS],
            }
        } else {
            Segs::Heap(Vec::with_capacity(n))
        }
    }

    pub fn as_slice(&self) -> &[Seg] {
        match self {
            Segs::Inline { len, items } => &items[..*len as usize],
            Segs::Heap(v) => v,
        }
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds `seg` at the end; a full inline map moves to the heap.
    pub fn push(&mut self, seg: Seg) {
        match self {
            Segs::Inline { len, items } if (*len as usize) < INLINE_SEGS => {
                items[*len as usize] = seg;
                *len += 1;
            }
            Segs::Inline { items, .. } => {
                let mut v = Vec::with_capacity(2 * INLINE_SEGS);
                v.extend_from_slice(items);
                v.push(seg);
                *self = Segs::Heap(v);
            }
            Segs::Heap(v) => v.push(seg),
        }
    }

    /// Removes the last segment.
    fn pop(&mut self) -> Option<Seg> {
        match self {
            Segs::Inline { len: 0, .. } => None,
            Segs::Inline { len, items } => {
                *len -= 1;
                Some(items[*len as usize])
            }
            Segs::Heap(v) => v.pop(),
        }
    }
}

impl Default for Segs {
    fn default() -> Segs {
        Segs::with_capacity(0)
    }
}

impl PartialEq for Segs {
    fn eq(&self, other: &Segs) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Segs {}

/// A paragraph: lines joined with single spaces, with its way back to the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    /// Segments in order; `segs[0].at == 0`.
    pub segs: Segs,
    /// How many physical lines it was made of.
    pub nlines: usize,
}

impl AsRef<str> for Para {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Para {
    /// A paragraph of the given lines, joined with spaces. Inlined: a paragraph returned
    /// through memory and pushed at once was read back before its stores had landed.
    #[inline(always)]
    pub fn from_lines(lines: &[Line<'_>]) -> Para {
        let mut text = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
        let mut segs = Segs::with_capacity(lines.len());
        // the first line apart: the test for a joining space is then the same (true, the
        // lines of a block not being blank) on every line of the loop, not false on its first
        if let Some((first, rest)) = lines.split_first() {
            segs.push(Seg {
                at: 0,
                src: first.start,
            });
            text.push_str(first.text);
            for l in rest {
                if !text.is_empty() {
                    text.push(' ');
                }
                segs.push(Seg {
                    at: text.len(),
                    src: l.start,
                });
                text.push_str(l.text);
            }
        }
        Para {
            text,
            segs,
            nlines: lines.len(),
        }
    }

    /// Byte offset in the input of byte `at` of the text. A joining space maps to the
    /// end of the line before it.
    pub fn src_offset(&self, at: usize) -> usize {
        let segs = self.segs.as_slice();
        let i = segs.partition_point(|s| s.at <= at).saturating_sub(1);
        let s = segs[i];
        s.src + (at - s.at)
    }

    /// Cuts the paragraph to bytes `range` of its text (char boundaries), in place; it
    /// then counts a line per segment left.
    pub fn keep(&mut self, range: std::ops::Range<usize>) {
        self.remap(range.start, range.end);
        self.text.truncate(range.end);
        self.text.drain(..range.start);
        self.nlines = self.segs.len();
    }

    /// A paragraph of one line.
    pub fn from_line(line: &Line<'_>) -> Para {
        Para::from_lines(std::slice::from_ref(line))
    }

    /// Drops the first `n` bytes (a char boundary) and any whitespace after them.
    pub fn strip_prefix(&mut self, n: usize) {
        let rest = self.text[n..].trim_start();
        let cut = self.text.len() - rest.len();
        self.remap(cut, usize::MAX);
        self.text.drain(..cut);
    }

    /// The map for the text from byte `start` on: it starts with where that byte was, and
    /// keeps the segments that start after it and before `below`, shifted (segments are in
    /// order, so those are a run).
    fn remap(&mut self, start: usize, below: usize) {
        let first_src = self.src_offset(start);
        let old = self.segs.as_slice();
        let from = old.partition_point(|s| s.at <= start);
        let to = from + old[from..].partition_point(|s| s.at < below);
        let mut segs = Segs::with_capacity(1 + to - from);
        segs.push(Seg {
            at: 0,
            src: first_src,
        });
        for s in &old[from..to] {
            segs.push(Seg {
                at: s.at - start,
                src: s.src,
            });
        }
        self.segs = segs;
    }

    /// Takes the paragraph's last physical line off when `is_trailer` says it is one
    /// (a sign-off hard-wrapped into the last paragraph); returns that line.
    pub fn pop_last_line(&mut self, is_trailer: impl Fn(&str) -> bool) -> Option<String> {
        let segs = self.segs.as_slice();
        if segs.len() < 2 {
            return None;
        }
        let last = *segs.last().expect("two segments");
        if !is_trailer(&self.text[last.at..]) {
            return None;
        }
        let line = self.text[last.at..].to_string();
        self.text.truncate(last.at.saturating_sub(1));
        self.segs.pop();
        self.nlines -= 1;
        Some(line)
    }

    /// Joins `next` onto this paragraph with a space.
    fn append(&mut self, next: Para) {
        self.text.push(' ');
        let base = self.text.len();
        self.text.push_str(&next.text);
        for s in next.segs.as_slice() {
            self.segs.push(Seg {
                at: s.at + base,
                src: s.src,
            });
        }
        self.nlines += next.nlines;
    }
}

/// Builds the paragraphs of a run of blocks.
pub fn paragraphs(blocks: &[&[Line<'_>]]) -> Vec<Para> {
    // a paragraph has a line at least
    let mut out: Vec<Para> = Vec::with_capacity(blocks.iter().map(|b| b.len()).sum());
    for block in blocks {
        let first = out.len();
        split_block(block, &mut out);
        // the block's first paragraph may go on with the one before it
        if first > 0 && broken_mid_sentence(&out[first - 1].text, &out[first].text) {
            let para = out.remove(first);
            out[first - 1].append(para);
        }
    }
    out
}

/// True when `prev` and `next` read as one sentence cut by a stray blank line.
fn broken_mid_sentence(prev: &str, next: &str) -> bool {
    // a quote's attribution pushed to a paragraph of its own (`…,"` / `said Li Xiang`)
    let open_quote_end = prev.ends_with(",\"") || prev.ends_with(",”") || prev.ends_with(",''");
    let ends_open = open_quote_end
        || prev
            .chars()
            .next_back()
            .is_some_and(|c| c == ',' || c.is_alphanumeric());
    let starts_low = next.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && starts_low
}

/// Splits one (non-empty) block into paragraphs (see the module doc), pushed onto `out`.
fn split_block(block: &[Line<'_>], out: &mut Vec<Para>) {
    if block.len() == 1 {
        out.push(Para::from_lines(block));
        return;
    }
    let min_indent = block.iter().map(|l| l.indent).min().unwrap_or(0);
    // a short, indented last line is a sign-off (" Reuter"), not part of the paragraph
    if let Some((last, rest)) = block.split_last()
        && last.indent > min_indent
        && !last.wider_than(SIGNOFF_MAX)
        && rest.iter().any(|l| l.indent == min_indent)
    {
        split_block(rest, out);
        out.push(Para::from_lines(std::slice::from_ref(last)));
        return;
    }
    let starts_para = |l: &Line<'_>| l.indent >= min_indent + PARA_INDENT;
    let indented = block[1..].iter().any(starts_para);
    // paragraph indents mean hard-wrapped copy, whatever the line widths
    let wrapped = indented && block.iter().all(|l| !l.wider_than(2 * WRAP_MAX));
    let mut start = 0;
    for i in 1..=block.len() {
        if i == block.len() || starts_para(&block[i]) {
            let seg = &block[start..i];
            if wrapped || looks_wrapped(seg) {
                out.push(Para::from_lines(seg));
            } else {
                out.extend(
                    seg.iter()
                        .map(|l| Para::from_lines(std::slice::from_ref(l))),
                );
            }
            start = i;
        }
    }
}

/// True when lines of one indent read as one hard-wrapped paragraph: none over the wrap
/// width, and (nearly) all but the last at least [`WRAP_MIN`] wide.
fn looks_wrapped(lines: &[Line<'_>]) -> bool {
    if lines.len() < 2 {
        return true;
    }
    if lines.iter().any(|l| l.wider_than(WRAP_MAX)) {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let full = body.iter().filter(|l| l.wider_than(WRAP_MIN - 1)).count();
    if body.len() < 4 {
        full == body.len()
    } else {
        full * 4 >= body.len() * 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para_texts(src: &str) -> Vec<String> {
        let ls = lines(src);
        paragraphs(&blocks(&ls))
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn lines_break_on_every_convention() {
        let cases: &[(&str, &[&str])] = &[
            ("a\nb", &["a", "b"]),
            ("a\r\nb\r\n", &["a", "b"]),
            ("a\rb", &["a", "b"]),
            ("a\u{2028}b", &["a", "b"]),
            ("a\u{2029}b", &["a", "", "b"]),
            ("  a  \n\n\tb", &["a", "", "b"]),
            ("a\r\n\r\nb", &["a", "", "b"]),
            ("a\r\rb\r", &["a", "", "b"]),
            ("a\n\r\nb\n\n", &["a", "", "b", ""]),
            ("\u{2029}\u{2029}", &["", "", "", ""]),
            ("a\u{2028}\nb\u{2029}\r\nc", &["a", "", "b", "", "", "c"]),
            ("\u{2027}a\u{202A}", &["\u{2027}a\u{202A}"]),
            ("", &[]),
            ("\n", &[""]),
        ];
        for (src, want) in cases {
            let got: Vec<&str> = lines(src).iter().map(|l| l.text).collect();
            assert_eq!(&got, want, "{src:?}");
        }
    }

    #[test]
    fn plain_prefixes_stop_at_possible_separators() {
        // each byte value in each position of words of otherwise plain letters, short and
        // whole
        for b in 0..=255u8 {
            let plain = (0x0E..=0x7F).contains(&b);
            for len in [8, 16, 24, 40] {
                for at in 0..len {
                    let mut text = b"abcdefghijklmnopqrstuvwxyz~ ABCDEFGHIJKLM".to_vec();
                    text.truncate(len);
                    text[at] = b;
                    let want = if plain { len } else { at };
                    assert_eq!(plain_prefix(&text), want, "{b:#04x} at {at} of {len}");
                }
            }
        }
        let cases: &[(&[u8], usize)] = &[
            (b"", 0),
            (b"\n", 0),
            (b"short", 5),
            (b"        ", 8),
            (b"                ", 16),
            (b"~~~~~~~~ ~~~~~~~\n", 16),
            (b"0123456789abcdef\xE2\x80\xA8", 16),
            (b"\x0E\x0E\x0E\x0E\x0E\x0E\x0E\x0E\x0D", 8),
            (b"ab\xFF\x0Acdefgh", 2),
            (b"abc\xFF\xFF\xFF\xFF\x0D", 3),
            (b"abcdefgh\t", 8),
            (b"abcdefghijklmnopabcdefghijklmno\t", 31),
        ];
        for (bytes, want) in cases {
            assert_eq!(plain_prefix(bytes), *want, "{bytes:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_prefix_as_by_bytes(bytes in proptest::collection::vec(
            proptest::sample::select(vec![b'a', b' ', 0x0D, 0x0E, 0x7F, 0x80, 0xE2, 0xFF]),
            0..70,
        )) {
            let want = bytes
                .iter()
                .position(|b| !(0x0E..=0x7F).contains(b))
                .unwrap_or(bytes.len());
            proptest::prop_assert_eq!(plain_prefix(&bytes), want);
        }
    }

    /// The byte-at-a-time splitter that [`lines`] replaced, as the reference it must match.
    fn lines_one_byte_at_a_time(src: &str) -> Vec<Line<'_>> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (brk, blank_after) = match bytes[i] {
                b'\n' => (1, false),
                b'\r' => (
                    if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    },
                    false,
                ),
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(&0xA8) | Some(&0xA9)) =>
                {
                    (3, bytes[i + 2] == 0xA9)
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push(make_line(src, start, i));
            if blank_after {
                out.push(Line {
                    text: "",
                    start: i,
                    indent: 0,
                });
            }
            i += brk;
            start = i;
        }
        if start < src.len() {
            out.push(make_line(src, start, src.len()));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn lines_match_the_reference(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "word ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u{2028}",
                    "\u{2029}", "\u{2027}", "\u{202F}", "\u{85}", "é", "—", "\u{3000}",
                ]),
                0..40,
            )
        ) {
            let src = pieces.concat();
            proptest::prop_assert_eq!(lines(&src), lines_one_byte_at_a_time(&src));
        }
    }

    #[test]
    fn widths() {
        // (text, n, wider than n characters)
        let cases: &[(&str, usize, bool)] = &[
            ("", 0, false),
            ("a", 0, true),
            ("abc", 3, false),
            ("abcd", 3, true),
            ("ééé", 3, false),
            ("éééé", 3, true),
            ("€€", 3, false),
            ("€€€€", 3, true),
            ("a\u{301}b", 2, true),
        ];
        for (text, n, want) in cases {
            let line = Line {
                text,
                start: 0,
                indent: 0,
            };
            assert_eq!(line.wider_than(*n), *want, "{text:?} {n}");
        }
    }

    /// `leading_whitespace` as it was written, over characters.
    fn leading_whitespace_by_chars(raw: &str) -> (usize, usize) {
        let mut indent = 0;
        for (i, c) in raw.char_indices() {
            match c {
                '\t' => indent += 4,
                c if c.is_whitespace() => indent += 1,
                _ => return (i, indent),
            }
        }
        (raw.len(), indent)
    }

    proptest::proptest! {
        #[test]
        fn leading_whitespace_as_by_chars(
            raw in "[ \t\n\r\x0B\x0C\u{85}\u{A0}\u{2003}\u{3000}\u{200B}a.é]{0,12}|[ \t\r\x0Ca\u{A0}]{0,20}"
        ) {
            proptest::prop_assert_eq!(leading_whitespace(&raw), leading_whitespace_by_chars(&raw));
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_end_as_std(s in "[ a.\t\n\r\x0B\x0C\x7F\u{85}\u{A0}\u{3000}é]{0,8}") {
            proptest::prop_assert_eq!(trim_end(&s), s.trim_end());
        }
    }

    #[test]
    fn line_offsets_index_the_input() {
        let src = "  one\r\n\ttwo  \nthree";
        for l in lines(src) {
            assert_eq!(&src[l.start..l.start + l.text.len()], l.text);
        }
        assert_eq!(lines(src)[1].indent, 4);
    }

    #[test]
    fn paragraphs_by_layout() {
        let wrapped = "SALVADOR, Feb 26 - Showers continued throughout the week in\n\
                       the Bahia cocoa zone, alleviating the drought since early\n\
                       January.\n    The dry period means the temporao will be late this year.\n \
                       Reuter\n";
        let long = "x".repeat(120);
        let cases: Vec<(String, Vec<String>)> = vec![
            ("One.\n\nTwo.".into(), vec!["One.".into(), "Two.".into()]),
            (
                wrapped.into(),
                vec![
                    "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia \
                     cocoa zone, alleviating the drought since early January."
                        .into(),
                    "The dry period means the temporao will be late this year.".into(),
                    "Reuter".into(),
                ],
            ),
            // a short line then text: a byline block, one paragraph per line
            (
                "By PAUL BYRNE\nAssociated Press".into(),
                vec!["By PAUL BYRNE".into(), "Associated Press".into()],
            ),
            // long lines are paragraphs of their own
            (format!("{long}\n{long}"), vec![long.clone(), long.clone()]),
            // a paragraph cut by a stray blank line
            (
                "the Olympic Flame,\n\nwere presented at a ceremony.".into(),
                vec!["the Olympic Flame, were presented at a ceremony.".into()],
            ),
            (
                "Ends here.\n\nnew start".into(),
                vec!["Ends here.".into(), "new start".into()],
            ),
            // a 2-space indent inside wrapped copy is not a paragraph start
            (
                "The chairman of the company, which survived a takeover bid,\n\
                 charged that raiders are undermining the industrial base.\n  \
                 \"Their interest is not in preserving jobs,\" he said at the\n\
                 meeting.\n Reuter"
                    .into(),
                vec![
                    "The chairman of the company, which survived a takeover bid, charged that \
                     raiders are undermining the industrial base. \"Their interest is not in \
                     preserving jobs,\" he said at the meeting."
                        .into(),
                    "Reuter".into(),
                ],
            ),
        ];
        for (src, want) in cases {
            assert_eq!(para_texts(&src), want, "{src:?}");
        }
    }

    #[test]
    fn segs_in_place_and_on_the_heap() {
        // (segments pushed, then popped) -> left, and whether on the heap
        let cases: &[(usize, usize, bool)] = &[
            (0, 0, false),
            (1, 0, false),
            (INLINE_SEGS, 1, false),
            (INLINE_SEGS + 1, 0, true),
            (INLINE_SEGS + 1, 2, true),
            (3 * INLINE_SEGS, 1, true),
        ];
        for &(n, popped, heap) in cases {
            let seg = |i: usize| Seg { at: i, src: 10 * i };
            let mut segs = Segs::default();
            for i in 0..n {
                segs.push(seg(i));
            }
            for _ in 0..popped {
                segs.pop();
            }
            let want: Vec<Seg> = (0..n - popped).map(seg).collect();
            assert_eq!(segs.as_slice(), want.as_slice(), "{n} {popped}");
            assert_eq!(matches!(segs, Segs::Heap(_)), heap, "{n} {popped}");
            // the same segments compare equal wherever they are held
            let mut other = Segs::with_capacity(2 * INLINE_SEGS);
            want.iter().for_each(|&s| other.push(s));
            assert_eq!(segs, other, "{n} {popped}");
        }
    }

    #[test]
    fn kept_ranges_map_back() {
        // four lines of one paragraph, each indented by two; (range kept, text, lines)
        let src = "  ab cd\n  efg\n  h\n  ij kl";
        let cases: &[(std::ops::Range<usize>, &str, usize)] = &[
            (0..17, "ab cd efg h ij kl", 4),
            (0..5, "ab cd", 1),
            (3..9, "cd efg", 2),
            (6..11, "efg h", 2),
            (5..12, " efg h ", 3),
            (12..17, "ij kl", 1),
            (9..9, "", 1),
        ];
        let ls = lines(src);
        for (range, text, nlines) in cases {
            let mut p = Para::from_lines(&ls);
            let whole = p.clone();
            p.keep(range.clone());
            assert_eq!((p.text.as_str(), p.nlines), (*text, *nlines), "{range:?}");
            for at in 0..p.text.len() {
                assert_eq!(
                    p.src_offset(at),
                    whole.src_offset(range.start + at),
                    "{range:?}"
                );
            }
        }
    }

    #[test]
    fn paragraph_offsets_map_back() {
        let src = "Headline\n\nFirst line of the paragraph that wraps here\nsecond line ends.";
        let ls = lines(src);
        let paras = paragraphs(&blocks(&ls));
        let p = &paras[1];
        let at = p.text.find("second").unwrap();
        assert_eq!(&src[p.src_offset(at)..p.src_offset(at) + 6], "second");
        let mut q = p.clone();
        q.strip_prefix(6);
        assert!(q.text.starts_with("line of"), "{q:?}");
        let at = q.text.find("ends").unwrap();
        assert_eq!(&src[q.src_offset(at)..q.src_offset(at) + 4], "ends");
        assert_eq!(&src[q.src_offset(0)..q.src_offset(0) + 4], "line");
    }
}
