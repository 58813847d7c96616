//! Words: case folding without allocation, and hashed word sets for the tables of the
//! quote and speaker stages.
//!
//! Method: a word without capitals is its own lower case; one with capitals and up to 32
//! bytes is lower-cased into a stack buffer (longer words, rare, go to the heap); sets are
//! hash tables probed with the word folded to ASCII lower case, after two one-bit tests
//! (first letter and length, last letter and length), which turn most words away.

use std::fmt;
use std::ops::Deref;

const INLINE: usize = 32;

/// A lower-cased word: the word itself when it has no capitals (most words of running
/// text), else a copy.
pub enum Lower<'a> {
    Borrowed(&'a str),
    Inline([u8; INLINE], u8),
    Heap(String),
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // only ASCII bytes are written inline, so this is valid UTF-8
            Lower::Inline(buf, len) => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Lower::Heap(s) => s,
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower::Borrowed("")
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt(f)
    }
}

/// `s` with its runs of whitespace (line breaks and tabs included) folded to one space,
/// and none at either end.
pub fn one_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`one_spaced`], borrowing `s` when it is one-spaced already (most text is).
pub fn one_spaced_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let plain = b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && !s.chars().any(|c| c.is_whitespace() && c != ' ');
    if plain {
        s.into()
    } else {
        one_spaced(s).into()
    }
}

/// The words of `s`, as `split_whitespace` gives them; ASCII text is split on its bytes,
/// without decoding characters.
pub fn words(s: &str) -> Words<'_> {
    if s.is_ascii() {
        Words::Ascii { s, at: 0 }
    } else {
        Words::Any(s.split_whitespace())
    }
}

/// The iterator of [`words`].
#[derive(Clone)]
pub enum Words<'a> {
    /// ASCII text and the byte offset read up to.
    Ascii {
        s: &'a str,
        at: usize,
    },
    Any(std::str::SplitWhitespace<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Ascii { s, at } => {
                // (ASCII text: the word is always read)
                let (start, end) = ascii_word_from(s.as_bytes(), *at)?;
                *at = end;
                (start < end).then(|| &s[start..end])
            }
            Words::Any(w) => w.next(),
        }
    }
}

/// `w` in lower case.
pub fn lower(w: &str) -> Lower<'_> {
    // one pass, without early exits (words are short)
    let (mut upper, mut other) = (false, false);
    for &b in w.as_bytes() {
        upper |= b.is_ascii_uppercase();
        other |= !b.is_ascii();
    }
    if !upper && !other {
        Lower::Borrowed(w)
    } else if w.len() <= INLINE && !other {
        let mut buf = [0u8; INLINE];
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        Lower::Inline(buf, w.len() as u8)
    } else {
        Lower::Heap(w.to_lowercase())
    }
}

/// Do `a` and `b` read the same in lower case (`lower(a) == lower(b)`)? ASCII text is
/// compared in place, without folding a copy.
pub fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        lower(a) == lower(b)
    }
}

/// The first word of `s` and, when it has two or more, the last (as `split_whitespace`
/// gives them). Only the bytes of those two words (and the spaces around them) are read:
/// when they are ASCII, white space elsewhere changes neither.
pub fn first_and_last(s: &str) -> (&str, Option<&str>) {
    let b = s.as_bytes();
    let by_chars = || {
        let mut words = s.split_whitespace();
        let first = words.next().unwrap_or_default();
        (first, words.next_back())
    };
    let Some((start, end)) = ascii_word_from(b, 0) else {
        return by_chars();
    };
    if end == b.len() {
        return (&s[start..end], None);
    }
    match ascii_word_back(b) {
        // the first word ends at a space before the last
        Some((from, to)) if from > end => (&s[start..end], Some(&s[from..to])),
        Some(_) => (&s[start..end], None),
        None => by_chars(),
    }
}

/// The last word of `s` (`split_whitespace().last()`), read from the end.
pub fn last_word(s: &str) -> Option<&str> {
    match ascii_word_back(s.as_bytes()) {
        Some((from, to)) => (from < to).then(|| &s[from..to]),
        None => s.split_whitespace().last(),
    }
}

/// The first word of `b` from `at` on, after ASCII spaces, as a byte range (empty at the
/// end), when its bytes and those of the spaces before it are ASCII; the word ends at an
/// ASCII space or at the end.
fn ascii_word_from(b: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut i = at;
    while i < b.len() && is_ascii_space(b[i]) {
        i += 1;
    }
    let start = i;
    while i < b.len() && !is_ascii_space(b[i]) {
        if !b[i].is_ascii() {
            return None;
        }
        i += 1;
    }
    Some((start, i))
}

/// The last word of `b`, before ASCII spaces, as a byte range (empty when `b` is all
/// spaces), when its bytes and those of the spaces after it are ASCII; the word starts
/// after an ASCII space or at 0.
fn ascii_word_back(b: &[u8]) -> Option<(usize, usize)> {
    let mut i = b.len();
    while i > 0 && is_ascii_space(b[i - 1]) {
        i -= 1;
    }
    let end = i;
    while i > 0 && !is_ascii_space(b[i - 1]) {
        if !b[i - 1].is_ascii() {
            return None;
        }
        i -= 1;
    }
    Some((i, end))
}

/// The white space of `char::is_whitespace` in ASCII (the vertical tab included, which
/// `u8::is_ascii_whitespace` leaves out).
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Is `l` (lower case) a word for a day or a time of day, week or year ("monday",
/// "tonight", "morning", "week")? These stand between a speaker and the cue ("Smith on
/// Friday said") or after the cue ("said on Friday that").
pub fn is_time_word(l: &str) -> bool {
    matches!(
        l,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "month"
            | "year"
    )
}

/// Is `w` a possessive: "Russia's", "Russia’s", "Jones'"?
pub fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with("s'")
}

/// An adverb of manner ("pleasantly", "firmly"): `l`, a lower-case word, in -ly that is not one
/// of the common nouns and adjectives so spelt.
pub fn is_ly_adverb(l: &str) -> bool {
    l.len() > 5
        && l.ends_with("ly")
        && !matches!(
            l,
            "family"
                | "supply"
                | "assembly"
                | "monopoly"
                | "anomaly"
                | "friendly"
                | "weekly"
                | "monthly"
                | "daily"
                | "yearly"
                | "likely"
                | "early"
                | "elderly"
                | "lonely"
                | "costly"
                | "deadly"
                | "lively"
                | "orderly"
                | "timely"
                | "ugly"
                | "holy"
        )
}

/// A set of lower-case words, hashed once, with a bit for each (first letter, length) and
/// each (last letter, length) that some word of the set has, so that most words are turned
/// away without hashing.
pub struct WordSet {
    /// For each first byte (ASCII lower-cased), a bit for each length below 64.
    shapes: Box<[u64; 256]>,
    /// The same for each last byte.
    ends: Box<[u64; 256]>,
    /// Open addressing by [`folded_hash`] of the words' heads.
    slots: Vec<Slot>,
}

/// A word of a [`WordSet`]: its first eight bytes (zero past its end) compared at once,
/// the bytes after them one by one; `len` 0 is an empty slot.
#[derive(Clone, Copy)]
struct Slot {
    head: u64,
    len: usize,
    rest: &'static [u8],
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut v = words.to_vec();
        v.sort_unstable();
        v.dedup();
        // the empty word is never looked up
        v.retain(|w| !w.is_empty());
        let mut shapes = Box::new([0u64; 256]);
        let mut ends = Box::new([0u64; 256]);
        for w in &v {
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                // longer words share the last bit: they are always looked up
                let len = 1 << w.len().min(63);
                shapes[usize::from(first.to_ascii_lowercase())] |= len;
                ends[usize::from(last.to_ascii_lowercase())] |= len;
            }
        }
        // at most half full, so that probes are short
        let size = (v.len() * 2).next_power_of_two().max(8);
        let empty = Slot {
            head: 0,
            len: 0,
            rest: &[],
        };
        let mut slots = vec![empty; size];
        for w in &v {
            let b = w.as_bytes();
            let head = folded_head(b);
            let mut at = folded_hash(head, b.len()) & (size - 1);
            while slots[at].len != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = Slot {
                head,
                len: b.len(),
                rest: b.get(8..).unwrap_or_default(),
            };
        }
        WordSet {
            shapes,
            ends,
            slots,
        }
    }

    /// Could a word of this first byte, last byte and length be in the set?
    #[inline(always)]
    fn may_contain(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return false;
        };
        let len = 1 << b.len().min(63);
        self.shapes[usize::from(first.to_ascii_lowercase())]
            & self.ends[usize::from(last.to_ascii_lowercase())]
            & len
            != 0
    }

    /// Is `w` (any case) in the set? The test on its shape is made where it is asked.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.may_contain(w) && self.holds(w.as_bytes())
    }

    /// Is `w` (any case) in the set, by its hash?
    fn holds(&self, w: &[u8]) -> bool {
        self.slot_of(w).is_some()
    }

    /// The slot of `w` (any case) in the set, when it is there.
    #[inline]
    fn slot_of(&self, w: &[u8]) -> Option<usize> {
        let head = folded_head(w);
        let mask = self.slots.len() - 1;
        let mut at = folded_hash(head, w.len()) & mask;
        loop {
            let slot = &self.slots[at];
            if slot.len == 0 {
                return None;
            }
            // the set's words are lower case: this is the folded comparison; the bytes
            // after the head, of long words only, are compared out of line (a tail call:
            // the probe keeps few registers)
            if slot.len == w.len() && slot.head == head {
                if w.len() <= 8 {
                    return Some(at);
                }
                return self.long_slot_of(w, head, at);
            }
            at = (at + 1) & mask;
        }
    }

    /// [`WordSet::slot_of`] of a word over eight bytes, probing from `at`.
    #[inline(never)]
    fn long_slot_of(&self, w: &[u8], head: u64, mut at: usize) -> Option<usize> {
        let mask = self.slots.len() - 1;
        loop {
            let slot = &self.slots[at];
            if slot.len == 0 {
                return None;
            }
            if slot.len == w.len() && slot.head == head && slot.rest.eq_ignore_ascii_case(&w[8..]) {
                return Some(at);
            }
            at = (at + 1) & mask;
        }
    }
}

/// A [`WordSet`] with a value for each of its words: what a word is, found by one lookup
/// where several sets would each be asked.
pub struct WordMap<T> {
    set: WordSet,
    /// The value of the word in each slot of the set.
    values: Vec<T>,
}

impl<T: Copy + Default + std::ops::BitOr<Output = T>> WordMap<T> {
    /// The map of the lower-case words of `entries` to their values; a word given twice
    /// has the bitwise or of its values.
    pub fn new(entries: &[(&'static str, T)]) -> WordMap<T> {
        let words: Vec<&'static str> = entries.iter().map(|&(w, _)| w).collect();
        let set = WordSet::new(&words);
        let mut values = vec![T::default(); set.slots.len()];
        for &(w, v) in entries {
            if let Some(at) = set.slot_of(w.as_bytes()) {
                values[at] = values[at] | v;
            }
        }
        WordMap { set, values }
    }

    /// The value of `w` (any case), when it is in the map.
    #[inline]
    pub fn get(&self, w: &str) -> Option<T> {
        if !self.set.may_contain(w) {
            return None;
        }
        self.set.slot_of(w.as_bytes()).map(|at| self.values[at])
    }
}

/// The first eight bytes of `w` (zero past its end) with ASCII capitals in lower case, as
/// a little-endian word; shorter words are read in two overlapping loads, or three bytes.
#[inline]
pub(crate) fn folded_head(w: &[u8]) -> u64 {
    let n = w.len();
    let x = if let Some(h) = w.first_chunk::<8>() {
        u64::from_le_bytes(*h)
    } else if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
        let hi = u64::from(u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]));
        // the loads overlap on equal bytes
        lo | hi << (8 * (n - 4))
    } else if n > 0 {
        u64::from(w[0])
            | u64::from(w[n / 2]) << (8 * (n / 2))
            | u64::from(w[n - 1]) << (8 * (n - 1))
    } else {
        0
    };
    // bit 7 of each capital moved down to bit 5
    x | crate::swar::ascii_upper(x) >> 2
}

/// A hash of a word's folded head and its length.
fn folded_hash(head: u64, len: usize) -> usize {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    // the top bits of the product depend on every bit of the head
    ((head ^ (len as u64) << 58).wrapping_mul(K) >> 40) as usize
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_sets_find_their_words_in_any_case_and_no_others() {
        // long words that share their first eight bytes and length, short ones that share a
        // first letter or a last letter and length with a word of the set
        let set = super::WordSet::new(&["spokesman", "spokesmen", "spokeswoman", "aide", "ad"]);
        for (w, want) in [
            ("spokesman", true),
            ("SPOKESMEN", true),
            ("Spokeswoman", true),
            ("spokesmin", false),
            ("spokesmanx", false),
            ("aide", true),
            ("Aide", true),
            ("aids", false),
            ("bide", false),
            ("ad", true),
            ("aD", true),
            ("a", false),
            ("", false),
            ("ai\u{e9}", false),
        ] {
            assert_eq!(set.contains(w), want, "{w:?}");
        }
    }

    #[test]
    fn ascii_space_is_the_white_space_of_chars_in_ascii() {
        for b in 0..=127u8 {
            assert_eq!(
                super::is_ascii_space(b),
                char::from(b).is_whitespace(),
                "{b}"
            );
        }
    }

    #[test]
    fn first_and_last_words_are_those_of_split_whitespace() {
        for s in [
            "",
            " ",
            "Peskov",
            "Dmitry Peskov",
            " Dmitry  Sergeyevich\tPeskov ",
            "a\x0bb",
            "a\x0cb\rc",
            "Jos\u{e9} Mar\u{ed}a Aznar",
            "Ana\u{a0}Botella",
            "\u{2003}x y\u{2003}",
            // long words, and non-ASCII bytes at their ends (where the ASCII reading gives up)
            "Constantinopolitan",
            "the Constantinopolitan  ",
            "said Konstantinopolitanische",
            "said Konstantinopolitanisch\u{e9}",
            "Straße Konstantinopolitanische",
            "x Konstantinopolitanische\u{a0}Strasse",
            "abcdefgh\u{2003}ijklmnop",
            "abcdefghijklmnop qrstuvwxyzabcdefg",
        ] {
            let mut words = s.split_whitespace();
            let want = (words.next().unwrap_or_default(), words.next_back());
            assert_eq!(first_and_last(s), want, "{s:?}");
            assert_eq!(last_word(s), s.split_whitespace().last(), "{s:?}");
        }
    }

    #[test]
    fn words_are_those_of_split_whitespace() {
        for s in [
            "",
            " ",
            "Peskov",
            " Dmitry  Sergeyevich\tPeskov ",
            "a\x0bb\x0cc\rd\ne",
            "a\x1fb",
            "Jos\u{e9} Mar\u{ed}a Aznar",
            "Ana\u{a0}Botella",
            "\u{2003}x y\u{2003}",
        ] {
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(super::words(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn first_and_last_of_any_text_are_those_of_split_whitespace(
            s in "[ abAB.\t\n\x0b\x0c\x1c\u{a0}\u{85}\u{2003}é]{0,16}|[a-zé]{0,12}[ \t\u{a0}]?[a-zA-Z.é]{0,20}"
        ) {
            let mut words = s.split_whitespace();
            let want = (words.next().unwrap_or_default(), words.next_back());
            proptest::prop_assert_eq!(super::first_and_last(&s), want);
            proptest::prop_assert_eq!(super::last_word(&s), s.split_whitespace().last());
        }

        #[test]
        fn words_of_any_text_are_those_of_split_whitespace(
            s in "[ a-zA-Z.'\t\n\r\x0b\x0c\x1c\u{a0}\u{85}\u{2003}é-]{0,40}"
        ) {
            let want: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(super::words(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn same_folded_is_equality_in_lower_case() {
        for (a, b) in [
            ("The Ministry", "the ministry"),
            ("the ministry", "the ministry "),
            ("", ""),
            ("ABC", "abd"),
            ("\u{c9}tat", "\u{e9}tat"),
            ("\u{c9}tat", "etat"),
            ("Stra\u{df}e", "STRASSE"),
            ("K", "\u{212a}"),
        ] {
            assert_eq!(same_folded(a, b), lower(a) == lower(b), "{a:?} {b:?}");
        }
    }

    use super::*;

    #[test]
    fn spaces_fold_to_one() {
        let cases = [
            ("Saudi\nArabia", "Saudi Arabia"),
            ("  two \t\r\n words  ", "two words"),
            ("one", "one"),
            ("", ""),
            (" \u{2028} ", ""),
        ];
        for (input, want) in cases {
            assert_eq!(one_spaced(input), want, "{input:?}");
            assert_eq!(one_spaced_cow(input), want, "{input:?}");
        }
        assert!(matches!(
            one_spaced_cow("Saudi Arabia"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn possessives() {
        for (w, want) in [
            ("Russia's", true),
            ("Russia\u{2019}s", true),
            ("Jones'", true),
            ("Russia", false),
            ("'s", true),
            ("rock'n", false),
        ] {
            assert_eq!(is_possessive(w), want, "{w}");
        }
    }

    #[test]
    fn heads_are_the_first_eight_bytes_folded() {
        for w in [
            "",
            "a",
            "Ab",
            "ABC",
            "abcD",
            "AbCdE",
            "abcdefG",
            "ABCDEFGH",
            "ABCDEFGHIJ",
            "\u{e9}T@[`{",
        ] {
            let b = w.as_bytes();
            let mut want = [0u8; 8];
            for (o, c) in want.iter_mut().zip(b) {
                *o = c.to_ascii_lowercase();
            }
            assert_eq!(folded_head(b), u64::from_le_bytes(want), "{w:?}");
        }
    }

    #[test]
    fn folding_and_sets() {
        assert_eq!(lower("Spokesman").as_str(), "spokesman");
        assert_eq!(lower("ÉLYSÉE").as_str(), "élysée");
        let long = "A".repeat(40);
        assert_eq!(lower(&long).as_str(), "a".repeat(40));
        let long_word = "internationalisationalisationalisationalisationalisationalisations";
        let set = WordSet::new(&["the", "a", "an", "élysée", long_word]);
        assert!(set.contains("The"));
        assert!(set.contains("THE"));
        assert!(set.contains("an"));
        assert!(!set.contains("then"));
        assert!(!set.contains("Tha"));
        assert!(!set.contains(""));
        assert!(set.contains("élysée"));
        assert!(set.contains(long_word));
        assert!(!set.contains(&long_word[1..]));
    }

    proptest::proptest! {
        #[test]
        fn set_lookup_equals_a_folded_search(
            words in proptest::collection::vec("[a-zé]{1,8}", 0..40),
            probe in "[a-zA-ZéÉ]{0,8}",
        ) {
            let words: Vec<&'static str> =
                words.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
            let set = WordSet::new(&words);
            let want = words.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(probe.as_bytes()));
            proptest::prop_assert_eq!(set.contains(&probe), want);
            for w in &words {
                proptest::prop_assert!(set.contains(&w.to_ascii_uppercase()));
            }
        }

        #[test]
        fn map_lookup_is_the_or_of_the_values_of_a_folded_search(
            entries in proptest::collection::vec(("[a-zé]{1,8}", 1u16..), 0..40),
            probe in "[a-zA-ZéÉ]{0,8}",
        ) {
            let entries: Vec<(&'static str, u16)> = entries
                .into_iter()
                .map(|(w, v)| (&*Box::leak(w.into_boxed_str()), v))
                .collect();
            let map = WordMap::new(&entries);
            let want = entries
                .iter()
                .filter(|(w, _)| w.as_bytes().eq_ignore_ascii_case(probe.as_bytes()))
                .map(|&(_, v)| v)
                .reduce(|a, b| a | b);
            proptest::prop_assert_eq!(map.get(&probe), want);
        }
    }
}
