//! Words: case folding without allocation, and sorted word sets for the tables of the
//! quote and speaker stages.
//!
//! Method: a word without capitals is its own lower case; one with capitals and up to 32
//! bytes is lower-cased into a stack buffer (longer words, rare, go to the heap); sets are sorted slices searched by binary search after a one-bit test
//! on the first letter and length, which turns most words away.

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

/// `w` in lower case.
pub fn lower(w: &str) -> Lower<'_> {
    if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
        Lower::Borrowed(w)
    } else if w.len() <= INLINE && w.is_ascii() {
        let mut buf = [0u8; INLINE];
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        Lower::Inline(buf, w.len() as u8)
    } else {
        Lower::Heap(w.to_lowercase())
    }
}

/// Orders a lower-case `probe` against `w` folded to lower case, without building the
/// folded word (ASCII folding; other letters compare as they are).
pub fn cmp_folded(probe: &str, w: &str) -> std::cmp::Ordering {
    probe.bytes().cmp(w.bytes().map(|b| b.to_ascii_lowercase()))
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

/// A set of lower-case words, sorted once, with a bit for each (first letter, length)
/// that some word of the set has, so that most words are turned away without a search.
pub struct WordSet {
    words: Vec<&'static str>,
    /// For each first byte (ASCII lower-cased), a bit for each length below 64.
    shapes: Box<[u64; 256]>,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut v = words.to_vec();
        v.sort_unstable();
        v.dedup();
        let mut shapes = Box::new([0u64; 256]);
        for w in &v {
            if let Some(&first) = w.as_bytes().first() {
                // longer words share the last bit: they are always searched
                shapes[usize::from(first.to_ascii_lowercase())] |= 1 << w.len().min(63);
            }
        }
        WordSet { words: v, shapes }
    }

    /// Could a word of this first byte and length be in the set?
    fn may_contain(&self, w: &str) -> bool {
        w.as_bytes().first().is_some_and(|&first| {
            self.shapes[usize::from(first.to_ascii_lowercase())] & (1 << w.len().min(63)) != 0
        })
    }

    /// Is `w` (any case) in the set?
    pub fn contains(&self, w: &str) -> bool {
        self.may_contain(w)
            && self
                .words
                .binary_search_by(|probe| cmp_folded(probe, w))
                .is_ok()
    }

    /// Is `w`, already lower case, in the set?
    pub fn contains_lower(&self, w: &str) -> bool {
        self.may_contain(w) && self.words.binary_search(&w).is_ok()
    }
}

#[cfg(test)]
mod tests {
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
        assert!(set.contains_lower("an"));
        assert!(!set.contains("then"));
        assert!(!set.contains("Tha"));
        assert!(!set.contains(""));
        assert!(set.contains("élysée"));
        assert!(set.contains(long_word));
        assert!(!set.contains(&long_word[1..]));
    }
}
