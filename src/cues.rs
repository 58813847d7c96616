//! Speech cues: the verbs and phrases that attribute speech, kept as a data table.
//!
//! Method: every form of every verb is listed (said, says, say, saying), with whether it
//! can introduce reported speech without quotation marks (`X said that …`). Lookups are on
//! words of any case: most are turned away by their first two letters and length, the rest
//! compared with the forms of a table indexed by first letter and length. [`positions`]
//! finds the cue words of a whole paragraph in one pass over its runs of letters, 64 bytes
//! at a time. Multi-word cues ("according to", "pointed out") are matched by
//! [`phrase_at`].
//!
//! Known limits: cues are words, not senses: "told" in "told to leave" is still a cue (the
//! callers require a speaker and content around it).

/// (word form, takes reported speech without quotation marks). Sorted by form.
const CUE_WORDS: &[(&str, bool)] = &[
    ("acknowledge", true),
    ("acknowledged", true),
    ("acknowledges", true),
    ("added", true),
    ("adding", true),
    ("adds", true),
    ("admit", true),
    ("admits", true),
    ("admitted", true),
    ("advised", false),
    ("agreed", false),
    ("allege", true),
    ("alleged", true),
    ("alleges", true),
    ("announced", true),
    ("announces", true),
    ("answered", false),
    ("argue", true),
    ("argued", true),
    ("argues", true),
    ("arguing", true),
    ("asked", false),
    ("asks", false),
    ("assert", true),
    ("asserted", true),
    ("asserts", true),
    ("assured", false),
    ("believes", false),
    ("boasted", true),
    ("bragged", true),
    ("branded", false),
    ("called", false),
    ("cautioned", true),
    ("cautions", true),
    ("chanted", false),
    ("chanting", false),
    ("charged", false),
    ("claimed", true),
    ("claiming", true),
    ("claims", true),
    ("commented", true),
    ("complain", true),
    ("complained", true),
    ("complains", true),
    ("concede", true),
    ("conceded", true),
    ("concedes", true),
    ("concluded", true),
    ("concludes", true),
    ("confirmed", true),
    ("confirms", true),
    ("contend", true),
    ("contended", true),
    ("contends", true),
    ("continued", false),
    ("countered", true),
    ("cried", false),
    ("declared", true),
    ("declares", true),
    ("denied", false),
    ("described", false),
    ("disclosed", true),
    ("dismissed", false),
    ("dubbed", false),
    ("emphasised", true),
    ("emphasises", true),
    ("emphasized", true),
    ("emphasizes", true),
    ("estimated", true),
    ("estimates", true),
    ("exclaimed", false),
    ("explain", true),
    ("explained", true),
    ("explains", true),
    ("forecast", true),
    ("gloated", true),
    ("hinted", true),
    ("indicated", true),
    ("informed", false),
    ("insist", true),
    ("insisted", true),
    ("insisting", true),
    ("insists", true),
    ("interjected", false),
    ("joked", false),
    ("jokes", false),
    ("labeled", false),
    ("labelled", false),
    ("lamented", true),
    ("laments", true),
    ("maintain", true),
    ("maintained", true),
    ("maintains", true),
    ("mentioned", true),
    ("mused", true),
    ("muses", true),
    ("noted", true),
    ("notes", true),
    ("noting", true),
    ("observed", true),
    ("observes", true),
    ("pleaded", false),
    ("posted", false),
    ("predict", true),
    ("predicted", true),
    ("predicts", true),
    ("pressed", false),
    ("proclaimed", true),
    ("promised", false),
    ("quipped", false),
    ("quips", false),
    ("quoted", false),
    ("reaffirmed", true),
    ("recalled", true),
    ("recalls", true),
    ("reckoned", true),
    ("reiterated", true),
    ("reiterates", true),
    ("remarked", true),
    ("remarks", true),
    ("replied", false),
    ("replies", false),
    ("reported", true),
    ("reports", true),
    ("responded", false),
    ("responds", false),
    ("retorted", false),
    ("revealed", true),
    ("said", true),
    ("say", true),
    ("saying", true),
    ("says", true),
    ("scoffed", false),
    ("shouted", false),
    ("shouting", false),
    ("shouts", false),
    ("specified", true),
    ("specifies", true),
    ("stated", true),
    ("states", true),
    ("stressed", true),
    ("stresses", true),
    ("stressing", true),
    ("suggest", true),
    ("suggested", true),
    ("suggests", true),
    ("tell", false),
    ("tells", true),
    ("termed", false),
    ("testified", true),
    ("told", true),
    ("tweeted", false),
    ("tweets", false),
    ("underlined", true),
    ("underscored", true),
    ("underscores", true),
    ("urged", false),
    ("urges", false),
    ("warn", true),
    ("warned", true),
    ("warning", true),
    ("warns", true),
    ("whispered", false),
    ("writes", true),
    ("wrote", true),
    ("yelled", false),
];

/// Multi-word cues, lower case, with whether they take reported speech.
const CUE_PHRASES: &[(&str, bool)] = &[
    ("according to", true),
    ("pointed out", true),
    ("points out", true),
    ("went on", false),
    ("made clear", true),
    ("made it clear", true),
];

/// A bit for each first letter of [`CUE_PHRASES`], from bit 0 for 'a'.
const PHRASE_FIRSTS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < CUE_PHRASES.len() {
        bits |= 1 << (CUE_PHRASES[i].0.as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// Is `word` (any case) a speech cue? Some(true) when it can also introduce reported
/// speech without quotation marks.
#[inline]
pub fn word(word: &str) -> Option<bool> {
    let w = word.as_bytes();
    let slot = slot(w)?;
    // the first letter and the length are known good; the second is any byte
    let pair = usize::from(w[0] & 0x1F) << 5 | usize::from(w[1] & 0x1F);
    if WORD_PAIRS[pair] & (1 << w.len()) == 0 {
        return None;
    }
    found_in(slot, w)
}

/// The entry for `w` among the cue words of its slot (the slot is known to be used).
#[inline]
fn found_in(slot: usize, w: &[u8]) -> Option<bool> {
    let index = index();
    let (lo, hi) = index.slots[slot];
    let key = folded_key(w);
    index.words[usize::from(lo)..usize::from(hi)]
        .iter()
        .find(|(c, _)| *c == key)
        .map(|&(_, indirect)| indirect)
}

/// A word of up to 16 bytes folded to ASCII lower case, as one number: two words of the
/// same length are equal ignoring ASCII case when their keys are equal. Made of the folded
/// heads of its first and last eight bytes ([`words::folded_head`]), which overlap on equal
/// bytes: a few steps for any length, where a loop a byte costs one step a byte.
#[inline]
fn folded_key(w: &[u8]) -> u128 {
    let n = w.len();
    assert!(n <= 16, "a key holds up to 16 bytes");
    let head = u128::from(words::folded_head(w));
    if n <= 8 {
        head
    } else {
        head | u128::from(words::folded_head(&w[n - 8..])) << (8 * (n - 8))
    }
}

/// Cue words are 3 to 12 ASCII letters long.
const MAX_LEN: usize = 12;

/// The index slot of a word: its first letter and its length.
#[inline]
fn slot(w: &[u8]) -> Option<usize> {
    let first = w.first()?.to_ascii_lowercase();
    (first.is_ascii_lowercase() && (3..=MAX_LEN).contains(&w.len()))
        .then(|| usize::from(first - b'a') * (MAX_LEN + 1) + w.len())
}

/// Number of slots (26 first letters times the lengths 0 to [`MAX_LEN`]).
const SLOTS: usize = 26 * (MAX_LEN + 1);

/// For each pair of first two letters, by their low five bits (1 to 26 from 'a' or 'A'
/// on, in either case), a bit for each length of the cue words that begin with them: most
/// words are turned away by one test. Two bytes that are not both letters may share an
/// entry with two letters, which only lets them on to the exact test.
const WORD_PAIRS: [u16; 32 * 32] = {
    let mut pairs = [0u16; 32 * 32];
    let mut i = 0;
    while i < CUE_WORDS.len() {
        // the table is lower-case ASCII, 3 to 12 letters (a test checks)
        let w = CUE_WORDS[i].0.as_bytes();
        pairs[((w[0] & 0x1F) as usize) << 5 | (w[1] & 0x1F) as usize] |= 1 << w.len();
        i += 1;
    }
    pairs
};

/// [`CUE_WORDS`] grouped by first letter and length: a word is compared with the one or
/// two forms of its slot, most words with none.
struct Index {
    /// Each cue word's [`folded_key`] and whether it takes reported speech.
    words: Vec<(u128, bool)>,
    /// For each slot, the range of `words` in it.
    slots: Vec<(u16, u16)>,
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let key = |w: &str| slot(w.as_bytes()).unwrap_or(0);
        let mut words = CUE_WORDS.to_vec();
        words.sort_by_key(|(w, _)| key(w));
        let mut slots = vec![(0, 0); SLOTS];
        let at = |n: usize| u16::try_from(n).expect("the cue table is small");
        for (k, range) in slots.iter_mut().enumerate() {
            *range = (
                at(words.partition_point(|(w, _)| key(w) < k)),
                at(words.partition_point(|(w, _)| key(w) <= k)),
            );
        }
        let words = words
            .iter()
            .map(|(w, indirect)| (folded_key(w.as_bytes()), *indirect))
            .collect();
        Index { words, slots }
    })
}

/// Byte offsets of the words of `text` that are cues of reported speech (lower-case verbs
/// and "according"), in order.
pub fn positions(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    positions_into(text, &mut out);
    out
}

/// [`positions`] into `out` (cleared first), so that one buffer serves many texts.
pub fn positions_into(text: &str, out: &mut Vec<usize>) {
    out.clear();
    let b = text.as_bytes();
    // a cue is a whole run of 3 to 12 ASCII letters. The runs are found 64 bytes at a time
    // from a mask of the letters of the block and of the next one: a run starts at a
    // letter after a non-letter, and is 3 to 12 letters long when 3 letters but not 13
    // start there. The bytes past the end count as no letters, so a run that ends the text
    // ends there
    let (blocks, rest) = b.as_chunks::<64>();
    let last = if rest.is_empty() {
        Letters::default()
    } else {
        match b.last_chunk::<64>() {
            // the last 64 bytes, moved down to the bits of the rest
            Some(block) => letter_bits(block).down(64 - rest.len()),
            None => {
                let mut padded = [0u8; 64];
                padded[..rest.len()].copy_from_slice(rest);
                letter_bits(&padded)
            }
        }
    };
    let letters_of = |k: usize| match blocks.get(k) {
        Some(block) => letter_bits(block),
        None if k == blocks.len() => last,
        None => Letters::default(),
    };
    let mut next = letters_of(0);
    let mut before = 0; // 1 when the byte before the block is a letter
    for k in 0..=blocks.len() {
        let Letters { letters, upper } = next;
        next = letters_of(k + 1);
        let m = u128::from(letters) | u128::from(next.letters) << 64; // the letters from the block on
        let starts = letters & !(letters << 1 | before);
        before = letters >> 63;
        let two = m & m >> 1;
        let four = two & two >> 2;
        let eight = four & four >> 4;
        let three = two & m >> 2;
        let thirteen = eight & four >> 8 & m >> 12;
        // a capital starts a cue only in "According": a run of exactly 9 letters
        let nine = eight & m >> 8 & !(m >> 9);
        let mut runs = starts & three as u64 & !(thirteen as u64) & !(upper & !nine as u64);
        while runs != 0 {
            let at = runs.trailing_zeros();
            runs &= runs - 1;
            // the run's length: the letters from `at` (fewer than 13)
            let len = (!(letters >> at | next.letters << 1 << (63 - at))).trailing_zeros() as usize;
            let start = k * 64 + at as usize;
            if is_cue_run(&b[start..start + len]) {
                out.push(start);
            }
        }
    }
}

/// The ASCII letters of a 64-byte block, and the capitals among them: bit `k` for byte `k`.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct Letters {
    letters: u64,
    upper: u64,
}

impl Letters {
    /// The bits from `n` on, moved down to bit 0 (`n` below 64).
    fn down(self, n: usize) -> Letters {
        Letters {
            letters: self.letters >> n,
            upper: self.upper >> n,
        }
    }
}

/// The ASCII letters of `block`, and the capitals among them.
#[inline]
fn letter_bits(block: &[u8; 64]) -> Letters {
    let b = swar::Bytes64::load(block);
    Letters {
        letters: b.ascii_letters().bits(),
        upper: b.ascii_upper().bits(),
    }
}

/// Is `w`, a whole run of ASCII letters, a cue of reported speech? A cue word that takes
/// reported speech, lower case at least in its first letter, or "according" or
/// "According".
#[inline]
fn is_cue_run(w: &[u8]) -> bool {
    if !(3..=MAX_LEN).contains(&w.len()) {
        return false;
    }
    if RUN_PAIRS.0[pair(w[0], w[1])] & (1 << w.len()) == 0 {
        return false;
    }
    // a capital passes only where its lower-case form would
    if w[0] < b'a' {
        return w == b"According";
    }
    let slot = usize::from(w[0] - b'a') * (MAX_LEN + 1) + w.len();
    w == b"according" || found_in(slot, w) == Some(true)
}

/// The index in [`RUN_PAIRS`] of a run's first two letters: the low five bits of each (1
/// to 26 from 'a' or 'A' on), so that a letter's two cases share a row.
#[inline]
const fn pair(first: u8, second: u8) -> usize {
    ((first & 0x1F) as usize) << 5 | (second & 0x1F) as usize
}

/// Rows of 32 length masks, one cache line each.
#[repr(align(64))]
struct Pairs([u16; 32 * 32]);

/// For each pair of first two letters ([`pair`]), a bit for each length of the runs of
/// letters that [`is_cue_run`] accepts and that begin with them in lower case: most runs
/// of letters are turned away by one test. A row is one cache line, and the two cases of a
/// letter share it (a row for each would touch twice as many lines in every paragraph);
/// a capitalised run that passes is compared with "According", the one capitalised cue.
static RUN_PAIRS: Pairs = Pairs({
    let mut pairs = [0u16; 32 * 32];
    let mut i = 0;
    while i <= CUE_WORDS.len() + 1 {
        // the cue words that take reported speech, "according" and "According"
        let (w, indirect) = if i == CUE_WORDS.len() {
            ("according", true)
        } else if i == CUE_WORDS.len() + 1 {
            ("According", true)
        } else {
            CUE_WORDS[i]
        };
        let w = w.as_bytes();
        if indirect {
            pairs[pair(w[0], w[1])] |= 1 << w.len();
        }
        i += 1;
    }
    pairs
});

/// Is `word` (lower case) a cue verb in its plain form, which is also the infinitive
/// ("critics argue that …", "decided to maintain its dividend")? Such a cue reports speech
/// only with "that" after it.
pub fn is_plain_form(word: &str) -> bool {
    matches!(
        word,
        "insist"
            | "maintain"
            | "argue"
            | "warn"
            | "complain"
            | "contend"
            | "explain"
            | "admit"
            | "concede"
            | "predict"
            | "acknowledge"
            | "allege"
            | "assert"
            | "suggest"
    )
}

/// Is `word`, as written in running text, a speech cue? Capitalised words are not
/// ("States" in "United States", "Notes" as a name).
pub fn in_text(word_as_written: &str) -> Option<bool> {
    // a word that starts with any other upper-case letter is not an ASCII word, no cue
    if word_as_written.as_bytes().first()?.is_ascii_uppercase() {
        return None;
    }
    word(word_as_written)
}

/// A multi-word cue starting at the beginning of `text`: (its length in bytes, takes
/// reported speech).
pub fn phrase_at(text: &str) -> Option<(usize, bool)> {
    let first = text.as_bytes().first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() || PHRASE_FIRSTS & 1 << (first - b'a') == 0 {
        return None;
    }
    CUE_PHRASES.iter().find_map(|(p, indirect)| {
        let head = text.as_bytes().get(..p.len())?;
        // the phrase, then no letter or digit
        let found = p.as_bytes()[0] == first
            && head.eq_ignore_ascii_case(p.as_bytes())
            && !text[p.len()..].starts_with(|c: char| c.is_alphanumeric());
        found.then_some((p.len(), *indirect))
    })
}

use crate::{swar, words};

#[cfg(test)]
mod tests {
    use super::*;

    /// [`folded_key`] a byte at a time: the reference.
    fn folded_key_bytewise(w: &[u8]) -> u128 {
        let mut k = [0u8; 16];
        for (d, s) in k.iter_mut().zip(w) {
            *d = s.to_ascii_lowercase();
        }
        u128::from_le_bytes(k)
    }

    #[test]
    fn folded_key_is_the_bytewise_fold() {
        let cases: &[&[u8]] = &[
            b"",
            b"a",
            b"Z",
            b"@[",
            b"`{",
            b"SaId",
            b"according",
            b"ACCORDING",
            b"underscored",
            b"Acknowledges",
            b"\xc3\xa9T\xc3\x89s",
            b"\x00\x7f\x80\xff AZaz@[`{",
            b"0123456789ABCDEF",
        ];
        for w in cases {
            assert_eq!(folded_key(w), folded_key_bytewise(w), "{w:?}");
        }
        // every byte value at every place of every length
        for n in 1..=16 {
            for at in 0..n {
                for v in 0..=255u8 {
                    let mut w = [b'Q'; 16];
                    w[at] = v;
                    assert_eq!(
                        folded_key(&w[..n]),
                        folded_key_bytewise(&w[..n]),
                        "{n} {at} {v}"
                    );
                }
            }
        }
    }

    #[test]
    fn letter_bits_marks_each_ascii_letter() {
        let cases: [&[u8]; 4] = [
            b"",
            b"He said, \"It's 12 o'clock\" - and left.",
            "Caf\u{e9} na\u{ef}ve Zz@[`{".as_bytes(),
            &[b'a', 0xC3, b'Z', 0x80, b'@', b'[', b'`', b'{', 0xFF, b'm'],
        ];
        for case in cases {
            for shift in 0..64 {
                let mut block = [b' '; 64];
                for (i, &c) in case.iter().enumerate() {
                    block[(shift + i) % 64] = c;
                }
                let bits = |pass: fn(&u8) -> bool| {
                    block
                        .iter()
                        .enumerate()
                        .fold(0u64, |m, (i, c)| m | u64::from(pass(c)) << i)
                };
                let want = Letters {
                    letters: bits(u8::is_ascii_alphabetic),
                    upper: bits(u8::is_ascii_uppercase),
                };
                assert_eq!(letter_bits(&block), want, "{block:?}");
            }
        }
    }

    #[test]
    fn table_is_sorted_and_every_form_is_found() {
        assert!(CUE_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        // the plain forms are cues of reported speech; the -s forms are not plain
        for &(w, _) in CUE_WORDS {
            if is_plain_form(w) {
                assert_eq!(word(w), Some(true), "{w}");
            }
        }
        assert!(is_plain_form("maintain") && !is_plain_form("maintains"));
        for &(w, indirect) in CUE_WORDS {
            assert!((3..=MAX_LEN).contains(&w.len()), "{w}");
            assert_eq!(word(w), Some(indirect), "{w}");
            assert_eq!(word(&w.to_uppercase()), Some(indirect), "{w}");
        }
    }

    /// The cue scan as it was before the scan over runs of letters: an automaton, whose
    /// matches are then checked to be whole runs of letters. The oracle for [`positions`].
    fn automaton_positions(text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
        let mut out = Vec::new();
        for m in cue_finder().find_iter(b) {
            let (s, e) = (m.start(), m.end());
            if (s > 0 && letter(s - 1)) || letter(e) {
                continue;
            }
            let w = &b[s..e];
            let cue = if m.pattern().as_usize() == 0 {
                w == b"according" || w == b"According"
            } else {
                b[s].is_ascii_lowercase()
            };
            if cue {
                out.push(s);
            }
        }
        out
    }

    /// Finds "according" (pattern 0) and the cue words that take reported speech, in any
    /// ASCII case, leftmost-longest, with a DFA (one table step per byte).
    fn cue_finder() -> &'static aho_corasick::AhoCorasick {
        static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
        FINDER.get_or_init(|| {
            let words = std::iter::once("according").chain(
                CUE_WORDS
                    .iter()
                    .filter(|(_, indirect)| *indirect)
                    .map(|(w, _)| *w),
            );
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(words)
                .expect("the cue words make a small automaton")
        })
    }

    /// The cue scan as first written, word by word: the reference for the automaton.
    fn reference_positions(text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &text[s..i];
            let cue = if b[s].is_ascii_lowercase() {
                word(w) == Some(true) || w == "according"
            } else {
                w == "According"
            };
            if cue {
                out.push(s);
            }
        }
        out
    }

    /// Pieces of text for the property tests: every cue word in three cases, the same
    /// words glued to letters, short words, letters, digits, punctuation, white space and
    /// non-ASCII letters and marks.
    fn pieces() -> Vec<String> {
        let mut p: Vec<String> = [
            "Said",
            "sAID",
            "unsaid",
            "saidx",
            "xsaid",
            "according",
            "According",
            "ACCORDING",
            "aCCORDING",
            "accordingly",
            "ad",
            "d",
            "x",
            "the",
            "that",
            "told",
            "Told",
            " ",
            ", ",
            ".",
            "-",
            "'",
            "\"",
            "é",
            "É",
            "ß",
            "’",
            "\u{a0}",
            "9",
            "\n",
            "\t",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for &(w, _) in CUE_WORDS {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            p.extend([w.to_string(), w.to_uppercase(), cap, format!("{w}s")]);
        }
        p
    }

    proptest::proptest! {
        #[test]
        fn cue_scan_equals_the_automaton_and_the_reference(
            pieces in proptest::collection::vec(proptest::sample::select(pieces()), 0..60)
        ) {
            let t: String = pieces.concat();
            let got = positions(&t);
            proptest::prop_assert_eq!(&got, &automaton_positions(&t), "{:?}", t);
            proptest::prop_assert_eq!(&got, &reference_positions(&t), "{:?}", t);
        }

        #[test]
        fn cue_scan_equals_the_automaton_on_any_text(t in "\\PC{0,200}") {
            proptest::prop_assert_eq!(positions(&t), automaton_positions(&t), "{:?}", t);
        }
    }

    /// [`word`], [`in_text`] and [`phrase_at`] by their definitions, without the tables.
    fn reference_word(w: &str) -> Option<bool> {
        CUE_WORDS
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(w))
            .map(|&(_, indirect)| indirect)
    }

    fn reference_in_text(w: &str) -> Option<bool> {
        if w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        reference_word(w)
    }

    fn reference_phrase_at(text: &str) -> Option<(usize, bool)> {
        CUE_PHRASES.iter().find_map(|(p, indirect)| {
            let head = text.as_bytes().get(..p.len())?;
            let found = head.eq_ignore_ascii_case(p.as_bytes())
                && !text[p.len()..].starts_with(|c: char| c.is_alphanumeric());
            found.then_some((p.len(), *indirect))
        })
    }

    proptest::proptest! {
        #[test]
        fn lookups_equal_their_definitions(
            pieces in proptest::collection::vec(proptest::sample::select(pieces()), 1..4),
            any in "\\PC{0,14}",
        ) {
            let t: String = pieces.concat();
            for w in [t.as_str(), pieces[0].as_str(), any.as_str()] {
                proptest::prop_assert_eq!(word(w), reference_word(w), "{:?}", w);
                proptest::prop_assert_eq!(in_text(w), reference_in_text(w), "{:?}", w);
                proptest::prop_assert_eq!(phrase_at(w), reference_phrase_at(w), "{:?}", w);
            }
            for &(p, _) in CUE_PHRASES {
                let w = format!("{p}{t}");
                proptest::prop_assert_eq!(phrase_at(&w), reference_phrase_at(&w), "{:?}", w);
            }
        }
    }

    #[test]
    fn cue_scan_across_block_edges() {
        // a cue and a longer word at every offset across the 64-byte blocks, and runs of
        // letters that cross a block edge or end the text there
        for n in 0..140 {
            for filler in ["a", " ", "é", "1"] {
                let pad = filler.repeat(n);
                for t in [
                    format!("{pad} said"),
                    format!("{pad}said"),
                    format!("{pad}said{pad}"),
                    format!("said {pad}"),
                    format!("{pad} according to"),
                    format!("{pad}-said, says"),
                    format!("{pad} acknowledges it"),
                    format!("{pad} xacknowledges it"),
                    format!("{pad} acknowledges"),
                ] {
                    assert_eq!(positions(&t), automaton_positions(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn cue_positions() {
        let cases: &[(&str, &[usize])] = &[
            ("He said it, she says.", &[3, 16]),
            ("According to him, they were told", &[0, 28]),
            ("the company, according to its chief", &[13]),
            ("Notes Said STATES", &[]),
            ("über said", &[6]),
            ("", &[]),
            ("said", &[0]),
            ("said ", &[0]),
            (" said", &[1]),
            ("ACCORDING to", &[]),
            ("aCCORDING to", &[]),
            ("Said", &[]),
            ("sAID", &[0]),
            ("saidx xsaid", &[]),
            ("he said's", &[3]),
            ("said-", &[0]),
            ("-said", &[1]),
            ("ésaid", &[2]),
            ("saidé", &[0]),
            ("said9 9said", &[0, 7]),
            ("it was said_", &[7]),
            ("the chief told", &[10]),
            ("that tell asked", &[]),
            ("emphasised underscored", &[0, 11]),
        ];
        for (text, want) in cases {
            assert_eq!(positions(text), *want, "{text}");
            assert_eq!(automaton_positions(text), *want, "{text}");
        }
    }

    #[test]
    fn cue_words() {
        let cases = [
            ("said", Some(true)),
            ("Said", Some(true)),
            ("emphasised", Some(true)),
            ("emphasized", Some(true)),
            ("underscored", Some(true)),
            ("asked", Some(false)),
            ("vowed", None),
            ("accused", None),
            ("house", None),
        ];
        for (w, want) in cases {
            assert_eq!(word(w), want, "{w}");
        }
    }

    #[test]
    fn capitalised_words_are_not_cues_in_text() {
        assert_eq!(in_text("says"), Some(true));
        assert_eq!(in_text("States"), None);
        assert_eq!(in_text("Told"), None);
        assert_eq!(in_text("tOLD"), Some(true));
        assert_eq!(in_text("Éclair"), None);
        assert_eq!(in_text("s\u{e9}id"), None);
        assert_eq!(in_text(""), None);
        assert_eq!(word("s'id"), None);
        assert_eq!(word("sa"), None);
    }

    #[test]
    fn cue_phrases() {
        assert_eq!(
            phrase_at("According to the press secretary"),
            Some((12, true))
        );
        assert_eq!(phrase_at("pointed out that"), Some((11, true)));
        assert_eq!(phrase_at("according tothe"), None);
        assert_eq!(phrase_at("accordingly"), None);
        assert_eq!(phrase_at("Made it clear."), Some((13, true)));
        assert_eq!(phrase_at("went on"), Some((7, false)));
        assert_eq!(phrase_at("went onto"), None);
        assert_eq!(phrase_at("went on\u{e9}"), None);
        assert_eq!(phrase_at("said"), None);
        assert_eq!(phrase_at("\u{e9}"), None);
        assert_eq!(phrase_at(""), None);
    }
}
