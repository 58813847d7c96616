//! Chrome: page furniture and desk notes that are not part of the story.
//!
//! Method: whole-line tests, no context. Two strengths:
//! - [`is_chrome`]: lines that are furniture wherever they stand ("Advertisement",
//!   "All news", "Read more", photo counters "1 of 4", share buttons);
//! - [`is_editor_note`]: desk notes above a story ("(Adds comment from ministry)",
//!   "(In Jan. 3 story, corrects …)", "ATTENTION - ADDS … ///");
//! - [`is_header_chrome`]: promotional lines that are only chrome above the story
//!   (share prompts, cookie and newsletter notices); in the body the same words can be news.
//!
//! The regular expressions below are the rules. Each runs only on lines that pass a
//! prefilter, a cheap necessary condition (the words a line must hold for the pattern to
//! match), so most lines are decided without one and a process that never meets a candidate
//! never builds them; the promotions are split into one pattern per shape (`Branches`),
//! so a candidate builds only the shapes it could be. The prefilter helpers at the end are
//! shared with the trailer and headline stages.
//!
//! Known limits: furniture phrased like a sentence of the story ("Storm prompts airlines to
//! relax travel policies" as a related-link title) is not recognised.

use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// Whole lines that are page furniture, compared case-insensitively after trimming
/// trailing punctuation.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertising",
    "all news",
    "read more",
    "read more:",
    "more",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "email",
    "print",
    "comments",
    "close",
    "skip to main content",
    "skip to content",
    "related",
    "related articles",
    "related stories",
    "related content",
    "recommended",
    "most read",
    "most popular",
    "top stories",
    "latest news",
    "follow us",
    "image",
    "video",
    "photo",
    "listen",
    "listen to this article",
    "story continues below",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "scroll to continue with content",
    "sponsored",
    "sponsored content",
];

/// For each length below 64, the lines of [`FURNITURE`] of that length (bit k: line k); a
/// line is compared only with those of its length.
const FURNITURE_BY_LENGTH: [u64; 64] = {
    assert!(FURNITURE.len() <= 64);
    let mut by_length = [0u64; 64];
    let mut i = 0;
    while i < FURNITURE.len() {
        assert!(FURNITURE[i].len() < 64);
        by_length[FURNITURE[i].len()] |= 1 << i;
        i += 1;
    }
    by_length
};

static FURNITURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            \d{1,3}\s+of\s+\d{1,3}                        # photo counter: 1 of 4
          | (?:image|photo|picture)\s+(?:copyright|credit|source)\b.*
          | (?:read\s+more|see\s+also|related|watch|more)\s*:\s*.*
          | (?:click|tap)\s+here\b.*
          | \d{1,2}:\d{2}\s*(?:min|mins)?                 # video durations
        )$",
    )
    .expect("valid regex")
});

static EDITOR_NOTE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            \(\s*(?:adds|updates|corrects|correcting|recasts|changes|rewrites|removes|fixes
                  |repeats|refiles|inserts|edits|clarifies|writethru|new\s+throughout|outlines
                  |releads|re-leads|tops|moves|with|for\s+(?:related|an?\s)|in\s+[^)]*\bstory
                  |this\s+(?:story|article|version))\b[^)]*\)
          | (?:attention|editors?(?:'|’)?s?\s+note|eds\s*:|editors\s*:|note\s+to\s+editors).*
          | .*/{3}\s*
        )$",
    )
    .expect("valid regex")
});

/// Promotions, one pattern per shape (case-insensitive, anywhere in the line), each with the
/// words it needs, the rarest first: "share your videos", "sign up for our newsletter",
/// cookie notices, "follow us on", "download the app".
static PROMOTIONS: Branches<10> = Branches::new(
    &[
        &["your", "share"],
        &["ireport"],
        &["sign", "up"],
        &["subscribe"],
        &["cookies"],
        &["cookie"],
        &["info", "more"],
        &["partners", "from", "us", "and", "our"],
        &["follow", "us", "on"],
        &["download", "app"],
    ],
    [
        r"(?xi)\bshare\s+your\s+(?:videos|photos|pictures|stories|story|views|thoughts)\b",
        r"(?xi)\bireport\b",
        r"(?xi)\bsign\s+up\s+(?:for|to)\s+(?:our|the)\b.*\b(?:newsletter|alerts|updates)\b",
        r"(?xi)\bsubscribe\s+(?:to\s+our|now|today|for\s+full\s+access)\b",
        r"(?xi)\b(?:we\s+use|accept(?:ing)?|our)\s+cookies\b",
        r"(?xi)\bcookie\s+(?:policy|settings)\b",
        r"(?xi)\bmore\s+info\s*$",
        r"(?xi)\bfrom\s+us\s+and\s+our\s+partners\b",
        r"(?xi)\bfollow\s+us\s+on\b",
        r"(?xi)\bdownload\s+(?:the|our)\s+app\b",
    ],
);

/// Words that [`FURNITURE_RE`]'s branches start with: of a link line, which has a colon
/// ("Read more: …"), and of a credit or a button ("Image copyright …", "Click here …").
const LINK_STARTS: &[&str] = &["read", "see", "related", "watch", "more"];
const OTHER_STARTS: &[&str] = &["image", "photo", "picture", "click", "tap"];

/// Words that [`EDITOR_NOTE_RE`]'s bracketed branch starts with, after the bracket.
const NOTE_WORDS: &[&str] = &[
    "adds",
    "updates",
    "corrects",
    "correcting",
    "recasts",
    "changes",
    "rewrites",
    "removes",
    "fixes",
    "repeats",
    "refiles",
    "inserts",
    "edits",
    "clarifies",
    "writethru",
    "new",
    "outlines",
    "releads",
    "re",
    "tops",
    "moves",
    "with",
    "for",
    "in",
    "this",
];

/// True for page furniture wherever it stands.
pub fn is_chrome(line: &str) -> bool {
    let t = trim(line);
    // furniture is short; a long line is text
    if t.is_empty() || t.len() > 300 {
        return false;
    }
    let bare = trim(without_closing_marks(t));
    is_furniture(bare) || (may_be_furniture(t) && FURNITURE_RE.is_match(t))
}

/// True when `bare` is a line of [`FURNITURE`], ignoring ASCII case.
fn is_furniture(bare: &str) -> bool {
    let mut lines = FURNITURE_BY_LENGTH.get(bare.len()).copied().unwrap_or(0);
    while lines != 0 {
        if bare.eq_ignore_ascii_case(FURNITURE[lines.trailing_zeros() as usize]) {
            return true;
        }
        lines &= lines - 1;
    }
    false
}

/// `t` without the marks that may close a furniture line ('.', '!', '|', '>', '»', '›',
/// '→') at its end, as `trim_end_matches` takes them off, by bytes from the end.
fn without_closing_marks(t: &str) -> &str {
    let mut b = t.as_bytes();
    loop {
        b = match b {
            [head @ .., b'.' | b'!' | b'|' | b'>'] => head,
            // » (U+00BB), › (U+203A), → (U+2192) in UTF-8
            [head @ .., 0xC2, 0xBB]
            | [head @ .., 0xE2, 0x80, 0xBA]
            | [head @ .., 0xE2, 0x86, 0x92] => head,
            _ => break,
        };
    }
    // a whole character was taken off each time: `b` ends on a character boundary
    &t[..b.len()]
}

/// True for a desk note to editors.
pub fn is_editor_note(line: &str) -> bool {
    let t = trim(line);
    t.len() <= 400 && may_be_editor_note(t) && EDITOR_NOTE_RE.is_match(t)
}

/// True for promotional lines that are chrome above a story (not in its body).
pub fn is_header_chrome(line: &str) -> bool {
    let t = trim(line);
    is_chrome(t) || is_editor_note(t) || (t.len() <= 400 && PROMOTIONS.is_match(t))
}

/// Prefilter of [`FURNITURE_RE`] (`t` trimmed): a photo counter ("1 of 4") or a duration
/// ("2:30 min", with a colon) starts with a digit; a link line starts with a word of
/// [`LINK_STARTS`] and has a colon; the other branches start with a word of [`OTHER_STARTS`].
fn may_be_furniture(t: &str) -> bool {
    let Some(first) = t.chars().next() else {
        return false;
    };
    // `\d` is any decimal digit, not only ASCII ones
    if first.is_numeric() {
        let counter_or_duration = match ascii_words(t).next() {
            None => t.contains(':'),
            Some(w) => {
                w.eq_ignore_ascii_case("of") || (t.contains(':') && is_one_of(w, &["min", "mins"]))
            }
        };
        return counter_or_duration || may_fold_to_ascii(t);
    }
    let (word, after) = leading_word(t);
    folds_on(after)
        || is_one_of(word, OTHER_STARTS)
        || (is_one_of(word, LINK_STARTS) && t.contains(':'))
}

/// Prefilter of [`EDITOR_NOTE_RE`] (`t` trimmed): a bracket and a word of [`NOTE_WORDS`]; a
/// first word starting "attention" or "editor", "eds", or "note" and a space; or a `///` at
/// the end.
fn may_be_editor_note(t: &str) -> bool {
    if t.ends_with("///") {
        return true;
    }
    if let Some(rest) = t.strip_prefix('(') {
        let (word, after) = leading_word(rest.trim_start());
        return folds_on(after) || is_one_of(word, NOTE_WORDS);
    }
    let (word, after) = leading_word(t);
    let starts = |p: &str| word.len() >= p.len() && word[..p.len()].eq_ignore_ascii_case(p);
    folds_on(after)
        || starts("attention")
        || starts("editor")
        || word.eq_ignore_ascii_case("eds")
        || (word.eq_ignore_ascii_case("note") && after.is_some_and(char::is_whitespace))
}

// Prefilter helpers.
//
// They read runs of ASCII letters, which is exact for the patterns they stand in front of:
// - outside ASCII, a case-insensitive pattern letter matches just two characters, ſ (U+017F,
//   as s) and K (U+212A, as k) (a test checks this against the regex crate); a line holding
//   either is left to the regex ([`may_fold_to_ascii`]), or, where only its first word
//   matters, a first word that runs into one ([`folds_on`]); in the other lines a word that
//   a pattern spells is made of ASCII letters;
// - the words looked for stand in the patterns between `\b`, `\s`, brackets or the ends of
//   the line, never next to a letter (ASCII or not), so a match is a whole run (or, for the
//   few words a pattern takes as a prefix, "attention" and "editor", the start of one).

/// `t.trim()`, at once when both ends are ASCII characters other than whitespace (as in
/// most lines and paragraphs, which are trimmed already).
pub(crate) fn trim(t: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|&b| (0x21..0x80).contains(&b));
    if plain(t.as_bytes().first()) && plain(t.as_bytes().last()) {
        t
    } else {
        t.trim()
    }
}

/// True when `t` holds ſ or K, which case-insensitive patterns match as s and k.
pub(crate) fn may_fold_to_ascii(t: &str) -> bool {
    // one char at a time, each search is a memchr for its last byte
    !t.is_ascii() && (t.contains('\u{17F}') || t.contains('\u{212A}'))
}

/// True when a run of ASCII letters stopped at ſ or K (`after` it), which case-insensitive
/// patterns read as s and k: the word may go on.
pub(crate) fn folds_on(after: Option<char>) -> bool {
    matches!(after, Some('\u{17F}' | '\u{212A}'))
}

/// The maximal runs of ASCII letters in `t`.
pub(crate) fn ascii_words(t: &str) -> impl Iterator<Item = &str> {
    let b = t.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        (start < i).then(|| &t[start..i])
    })
}

/// Sets of words, for the prefilters of patterns whose branches need words anywhere in a
/// line: [`WordSets::in_line`] is true when all the words of one set are in it.
pub(crate) struct WordSets {
    /// Lower case; the first word of each set is its rarest.
    sets: &'static [&'static [&'static str]],
    /// The lengths of the first words (bit n: length n).
    lengths: u64,
    /// For each length up to 7, and at 8 for all longer ones, the first letters (bit 0: a)
    /// of the first words of that length.
    letters: [u32; 9],
    /// The first letters of all the first words (bit 0: a).
    firsts: u32,
    /// Those first letters when they are at most four (repeated to fill the four places), to
    /// be looked for eight bytes at a time.
    few_firsts: Option<[u8; 4]>,
    /// The last letter of all the first words, when they share one (lower case).
    last: Option<u8>,
}

impl WordSets {
    pub(crate) const fn new(sets: &'static [&'static [&'static str]]) -> Self {
        let mut lengths = 0u64;
        let mut letters = [0u32; 9];
        let mut i = 0;
        while i < sets.len() {
            let first = sets[i][0].as_bytes();
            assert!(!first.is_empty() && first.len() < 64 && first[0].is_ascii_lowercase());
            lengths |= 1 << first.len();
            let l = if first.len() < 8 { first.len() } else { 8 };
            letters[l] |= 1 << (first[0] - b'a');
            i += 1;
        }
        let mut firsts = 0;
        let mut l = 0;
        while l < letters.len() {
            firsts |= letters[l];
            l += 1;
        }
        let few_firsts = if firsts.count_ones() <= 4 {
            // the lowest letter in the places no other fills
            let mut few = [b'a' + firsts.trailing_zeros() as u8; 4];
            let mut n = 0;
            let mut bit = 0;
            while bit < 26 {
                if firsts >> bit & 1 == 1 {
                    few[n] = b'a' + bit as u8;
                    n += 1;
                }
                bit += 1;
            }
            Some(few)
        } else {
            None
        };
        // the last letter of the first words, if it is the same in all
        let mut last = Some(*sets[0][0].as_bytes().last().expect("a letter"));
        let mut i = 0;
        while i < sets.len() {
            let first = sets[i][0].as_bytes();
            if let Some(l) = last
                && (first[first.len() - 1] != l || !l.is_ascii_lowercase())
            {
                last = None;
            }
            i += 1;
        }
        WordSets {
            sets,
            lengths,
            letters,
            firsts,
            few_firsts,
            last,
        }
    }

    /// True when every word of one of the sets is a run of ASCII letters in `t`, ignoring
    /// ASCII case. A run is compared with the first words only when its length and first
    /// letter are those of one, and the other words are looked for only when a first word is
    /// there.
    pub(crate) fn in_line(&self, t: &str) -> bool {
        self.any_first_word(t) && (0..self.sets.len()).any(|k| self.has_set(t, k))
    }

    /// True when the first word of one of the sets is a run of ASCII letters in `t`.
    ///
    /// When the first words all end in the same letter, only the runs that end in it are
    /// looked at ([`WordSets::any_first_word_ending`]). Otherwise the starts of runs are
    /// found eight bytes at a time
    /// ([`swar::ascii_letters`](crate::swar::ascii_letters)); a run whose first letter is
    /// that of no first word is passed over at once (when the first words start with at most
    /// four letters, all the starts of eight bytes at once, so most eights hold no start to
    /// look at and no branch depends on each word); otherwise the eight bytes from its start
    /// give the run's length up to 8, and the run is compared with the first words only when
    /// a first word has its first letter and that length (8 standing for 8 or more).
    fn any_first_word(&self, t: &str) -> bool {
        use crate::swar::{eq, splat};
        let b = t.as_bytes();
        if let Some(last) = self.last {
            return self.any_first_word_ending(b, last);
        }
        // bit 7 of the top byte: the byte before the current eight is a letter
        let mut carry = 0u64;
        let mut i = 0;
        while i < b.len() {
            let w = crate::swar::load_padded(b, i);
            let letters = crate::swar::ascii_letters(w);
            let mut starts = letters & !((letters << 8) | (carry >> 56));
            carry = letters;
            if let Some([l0, l1, l2, l3]) = self.few_firsts {
                // setting bit 5 lower-cases the letters (the starts are letters)
                let lower = w | splat(0x20);
                starts &= eq(lower, l0) | eq(lower, l1) | eq(lower, l2) | eq(lower, l3);
            }
            while starts != 0 {
                let k = starts.trailing_zeros() / 8;
                starts &= starts - 1;
                // a letter: setting bit 5 lower-cases it
                let first = (w >> (8 * k)) as u8 | 0x20;
                if self.firsts >> (first - b'a') & 1 == 0 {
                    continue;
                }
                let at = i + k as usize;
                // letters from `at` on: the run's length, 8 when it is 8 or longer
                let run = crate::swar::ascii_letters(crate::swar::load_padded(b, at));
                let len = (!run & crate::swar::HIGH).trailing_zeros() as usize / 8;
                // a run shorter than 8 is known whole: only a longer one is measured again
                if self.letters[len] >> ((b[at] | 0x20) - b'a') & 1 == 1
                    && if len < 8 {
                        self.is_first_word(&b[at..at + len])
                    } else {
                        self.first_word_at(b, at)
                    }
                {
                    return true;
                }
            }
            i += 8;
        }
        false
    }

    /// [`WordSets::any_first_word`] for first words that all end in `last` (lower case):
    /// its two cases are found eight bytes at a time (setting bit 5 lower-cases a letter, and
    /// gives `last` only from its two cases), and the run of ASCII letters that ends at each
    /// (when no letter follows) is compared with the first words.
    fn any_first_word_ending(&self, b: &[u8], last: u8) -> bool {
        use crate::swar::{eq, load, load_padded, splat};
        let hits_in = |w: u64| eq(w | splat(0x20), last);
        let found = |mut hits: u64, from: usize| {
            while hits != 0 {
                let end = from + hits.trailing_zeros() as usize / 8;
                hits &= hits - 1;
                if self.first_word_ends_at(b, end) {
                    return true;
                }
            }
            false
        };
        let Some(last_eight) = b.len().checked_sub(8) else {
            // the padding is zero bytes, which are not `last`
            return found(hits_in(load_padded(b, 0)), 0);
        };
        let mut i = 0;
        while i < last_eight {
            if found(hits_in(load(&b[i..])), i) {
                return true;
            }
            i += 8;
        }
        // the last eight bytes, without those looked at already
        found(
            hits_in(load(&b[last_eight..])) & (!0 << (8 * (i - last_eight))),
            last_eight,
        )
    }

    /// True when a run of ASCII letters ends at `end` (a letter) and is the first word of a
    /// set.
    fn first_word_ends_at(&self, b: &[u8], end: usize) -> bool {
        if b.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
            return false;
        }
        let start = b[..end]
            .iter()
            .rposition(|c| !c.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        self.is_first_word(&b[start..=end])
    }

    /// True when the run of ASCII letters that starts at `at` is the first word of a set.
    fn first_word_at(&self, b: &[u8], at: usize) -> bool {
        let run = &b[at..];
        let len = run
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .unwrap_or(run.len());
        self.is_first_word(&run[..len])
    }

    /// True when `run` (ASCII letters) is the first word of a set, in any case.
    fn is_first_word(&self, run: &[u8]) -> bool {
        run.len() < 64
            && self.lengths >> run.len() & 1 == 1
            && self
                .sets
                .iter()
                .any(|set| run.eq_ignore_ascii_case(set[0].as_bytes()))
    }

    /// True when every word of set `k` is a run of ASCII letters in `t`.
    fn has_set(&self, t: &str, k: usize) -> bool {
        self.sets[k].iter().all(|w| has_run(t, w))
    }
}

/// A rule made of alternative patterns (its branches), each with the words it needs: the
/// rule matches a line when one branch does. A branch's pattern is built at first use and
/// runs only on lines that hold its words (or ſ or K), so a process builds only the branches
/// its input comes near, each much cheaper to build than the whole alternation.
pub(crate) struct Branches<const N: usize> {
    /// Set k: the words of branch k (lower case, the rarest first).
    words: WordSets,
    patterns: [&'static str; N],
    built: [OnceLock<Regex>; N],
}

impl<const N: usize> Branches<N> {
    pub(crate) const fn new(
        words: &'static [&'static [&'static str]; N],
        patterns: [&'static str; N],
    ) -> Self {
        Branches {
            words: WordSets::new(words),
            patterns,
            built: [const { OnceLock::new() }; N],
        }
    }

    /// True when one of the branches matches `t`.
    pub(crate) fn is_match(&self, t: &str) -> bool {
        let fold = may_fold_to_ascii(t);
        if !fold && !self.words.any_first_word(t) {
            return false;
        }
        (0..N).any(|k| (fold || self.words.has_set(t, k)) && self.branch(k).is_match(t))
    }

    fn branch(&self, k: usize) -> &Regex {
        self.built[k].get_or_init(|| Regex::new(self.patterns[k]).expect("valid regex"))
    }
}

/// True when `word` (lower case) is a run of ASCII letters in `t`, ignoring ASCII case.
pub(crate) fn has_run(t: &str, word: &str) -> bool {
    ascii_words(t).any(|run| run.eq_ignore_ascii_case(word))
}

/// The run of ASCII letters that `t` starts with, and the character after it.
pub(crate) fn leading_word(t: &str) -> (&str, Option<char>) {
    let b = t.as_bytes();
    // the first eight bytes at once (a word of up to seven letters and the byte after it)
    let n = match b.first_chunk::<8>() {
        Some(eight) => {
            let letters = crate::swar::ascii_letters(u64::from_le_bytes(*eight));
            match (!letters & crate::swar::HIGH).trailing_zeros() as usize / 8 {
                8 => 8 + run_of_letters(&b[8..]),
                n => n,
            }
        }
        None => run_of_letters(b),
    };
    (&t[..n], t[n..].chars().next())
}

/// How many ASCII letters `b` starts with.
fn run_of_letters(b: &[u8]) -> usize {
    b.iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(b.len())
}

/// True when `word` is one of `words` (lower case), ignoring ASCII case.
pub(crate) fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn furniture() {
        let cases: &[(&str, bool)] = &[
            ("All news", true),
            ("Advertisement", true),
            ("ADVERTISEMENT", true),
            ("Read more", true),
            ("Read more: Kremlin denies report", true),
            ("1 of 4", true),
            ("Share this article", true),
            ("Image copyright Getty Images", true),
            ("More", true),
            ("More than 1,000 gunmen crossed the border.", false),
            ("Russia's foreign policy is equally oriented.", false),
            ("Share prices fell 3 percent on Monday.", false),
            ("All news agencies reported the blast.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_chrome(line), *want, "{line:?}");
        }
    }

    /// First words longer than eight letters, and of eight.
    static LONG_FIRST_WORDS: WordSets = WordSets::new(&[
        &["contributed"],
        &["subscribed"],
        &["download"],
        &["i"],
        &["reached"],
    ]);

    /// First words that start with four letters, looked for eight bytes at a time.
    static FEW_FIRST_LETTERS: WordSets = WordSets::new(&[
        &["contributed"],
        &["helped"],
        &["reached"],
        &["cookie"],
        &["i"],
    ]);

    #[test]
    fn furniture_as_in_the_list() {
        let mut lines: Vec<String> = FURNITURE.iter().map(|f| f.to_uppercase()).collect();
        lines.extend(["", "mor", "moree", "share this!", "related storie", "x"].map(String::from));
        lines.push("a".repeat(70));
        for line in &lines {
            let want = FURNITURE.iter().any(|f| line.eq_ignore_ascii_case(f));
            assert_eq!(is_furniture(line), want, "{line:?}");
        }
    }

    /// First words that all end in one letter, looked for by it.
    static SAME_LAST_LETTER: WordSets = WordSets::new(&[
        &["contributed", "report"],
        &["helped"],
        &["reached", "can"],
        &["d"],
    ]);

    #[test]
    fn last_letters_shared_by_all_first_words() {
        assert_eq!(SAME_LAST_LETTER.last, Some(b'd'));
        assert_eq!(crate::trailer::CREDIT_WORDS.last, Some(b'd'));
        assert_eq!(FEW_FIRST_LETTERS.last, None);
        assert_eq!(LONG_FIRST_WORDS.last, None);
        assert_eq!(PROMOTIONS.words.last, None);
        // (text, a first word of SAME_LAST_LETTER is a run in it)
        let cases: &[(&str, bool)] = &[
            ("", false),
            ("d", true),
            ("D.", true),
            ("xd", false),
            ("dd d", true),
            ("He helped.", true),
            ("HELPED", true),
            ("helpeds", false),
            ("unhelped", false),
            ("helped7", true),
            ("Smith contributed to this report", true),
            ("contribute", false),
            ("reachedd", false),
            ("he said", false),
            ("é-reached-é", true),
        ];
        for (t, want) in cases {
            assert_eq!(SAME_LAST_LETTER.any_first_word(t), *want, "{t:?}");
        }
    }

    #[test]
    fn few_first_letters_fill_four_places() {
        static ONE: WordSets = WordSets::new(&[&["ireport"], &["info", "more"]]);
        assert_eq!(FEW_FIRST_LETTERS.few_firsts, Some(*b"chir"));
        assert_eq!(ONE.few_firsts, Some(*b"iiii"));
        assert_eq!(LONG_FIRST_WORDS.few_firsts, None);
        assert_eq!(PROMOTIONS.words.few_firsts, None);
    }

    /// `WordSets::any_first_word` by its definition, over [`ascii_words`].
    fn any_first_word_by_runs(sets: &WordSets, t: &str) -> bool {
        ascii_words(t).any(|run| sets.sets.iter().any(|set| run.eq_ignore_ascii_case(set[0])))
    }

    proptest::proptest! {
        #[test]
        fn first_words_found_as_by_runs(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "your", "YOUR", "yours", "ayour", "share", "cookie", "Cookies", "up", "x",
                    " ", ".", "-", "é", "\u{17F}", "@", "[", "`", "{", "7", "\n", "i", "info",
                    "ireport", "subscribe", "Subscribed", "partners", "partner", "download",
                    "downloads", "contributed", "helped", "reached", "c", "Sign", "d", "D",
                    "ED", "contribute", "Helped", "reachedd",
                ]),
                0..24,
            )
        ) {
            let t = pieces.concat();
            for sets in [
                &PROMOTIONS.words,
                &LONG_FIRST_WORDS,
                &FEW_FIRST_LETTERS,
                &SAME_LAST_LETTER,
                &crate::trailer::CREDIT_WORDS,
            ] {
                proptest::prop_assert_eq!(
                    sets.any_first_word(&t),
                    any_first_word_by_runs(sets, &t)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn trims_as_str_trim(t in "[a .\t\n\x0B\x0C\r\x7F\u{85}\u{A0}\u{2003}\u{3000}é!]{0,8}") {
            proptest::prop_assert_eq!(trim(&t), t.trim());
        }

        #[test]
        fn closing_marks_go_as_trim_end_matches_takes_them(
            t in "[a .!|>»›→\u{2039}\u{203B}\u{2193}\u{BA}é]{0,10}"
        ) {
            proptest::prop_assert_eq!(
                without_closing_marks(&t),
                t.trim_end_matches(['.', '!', '|', '>', '»', '›', '→'])
            );
        }
    }

    #[test]
    fn editor_notes() {
        let cases: &[(&str, bool)] = &[
            ("(Adds comment from ministry)", true),
            (
                "(Adds Gov. Cuomo's announcement that the Statue of Liberty will reopen)",
                true,
            ),
            (
                "(In Jan. 3 story, corrects last paragraph to reflect that figure refers to capacity)",
                true,
            ),
            ("ATTENTION - ADDS Likud meeting ///", true),
            ("Editor's note: this story contains graphic details", true),
            ("(Updates with closing prices)", true),
            ("(AP) -- The storm hit the coast.", false),
            ("(Reuters) - Shares rose.", false),
            ("Adds were placed in the newspapers.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_editor_note(line), *want, "{line:?}");
        }
    }

    #[test]
    fn header_promotions() {
        let cases: &[(&str, bool)] = &[
            (
                "Are you in the grips of the wintry storm? Please share your videos, pictures and stories at iReport.",
                true,
            ),
            (
                "Our community members are treated to special offers, promotions and adverts from us and our partners. You can check out at any time. More info",
                true,
            ),
            ("Sign up for our daily newsletter", true),
            (
                "More people sign up for insurance, the ministry said.",
                false,
            ),
            (
                "Ethiopia reports deadly raid by gunmen from South Sudan",
                false,
            ),
            (
                "Man found dead in house starred in Channel 4 documentary",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(is_header_chrome(line), *want, "{line:?}");
        }
    }

    #[test]
    fn regex_case_folding_and_whitespace() {
        // what the prefilters rely on: outside ASCII, case-insensitive ASCII letters match
        // only ſ and K, and `\s` is `char::is_whitespace` (as `trim` uses)
        let letter = Regex::new("(?i)^[a-z]$").expect("valid regex");
        let space = Regex::new(r"^\s$").expect("valid regex");
        let mut folded = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if !c.is_ascii() && letter.is_match(&s) {
                folded.push(c);
            }
            assert_eq!(space.is_match(&s), c.is_whitespace(), "{c:?}");
        }
        assert_eq!(folded, ['\u{17F}', '\u{212A}']);
    }

    proptest::proptest! {
        #[test]
        fn leading_words_as_by_bytes(t in "[a-zA-Z]{0,10}[ .@\\[`{é\u{17F}]?[a-z]{0,3}") {
            let n = t.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(t.len());
            proptest::prop_assert_eq!(leading_word(&t), (&t[..n], t[n..].chars().next()));
        }
    }

    #[test]
    fn word_helpers() {
        let words: Vec<&str> = ascii_words("«Read» more: x1y—Zé’s").collect();
        assert_eq!(words, ["Read", "more", "x", "y", "Z", "s"]);
        assert_eq!(ascii_words("").count(), 0);
        assert_eq!(ascii_words(" 1 2 ").count(), 0);
        assert_eq!(leading_word("Tap here"), ("Tap", Some(' ')));
        assert_eq!(leading_word("Taṗ"), ("Ta", Some('ṗ')));
        assert_eq!(leading_word("Tap"), ("Tap", None));
        assert_eq!(leading_word("(x"), ("", Some('(')));
        static SETS: WordSets = WordSets::new(&[&["your", "share"], &["ireport"]]);
        let cases: &[(&str, bool)] = &[
            ("Share your photos", true),
            ("SHARE YOUR", true),
            ("your shares", false),
            ("share, your", true),
            ("iReport", true),
            ("ireports", false),
            ("", false),
        ];
        for (t, want) in cases {
            assert_eq!(SETS.in_line(t), *want, "{t:?}");
        }
        assert!(folds_on(Some('\u{17F}')) && folds_on(Some('\u{212A}')));
        assert!(!folds_on(None) && !folds_on(Some('k')) && !folds_on(Some('’')));
        assert!(may_fold_to_ascii("co\u{212A}ies"));
        assert!(may_fold_to_ascii("\u{17F}hare"));
        assert!(!may_fold_to_ascii("café “share”"));
    }

    /// The line, and copies in other cases, with ſ and K for s and k, and with other
    /// whitespace: shapes a pattern may match that a prefilter must not rule out.
    pub(crate) fn variants(line: &str) -> Vec<String> {
        vec![
            line.to_string(),
            line.to_uppercase(),
            line.to_lowercase(),
            line.replace('s', "\u{17F}").replace('k', "\u{212A}"),
            line.replace('S', "\u{17F}").replace('K', "\u{212A}"),
            line.replace(' ', "\u{A0}"),
            line.replace(' ', "\u{2003}\t"),
        ]
    }

    /// Lines each pattern matches.
    const FURNITURE_LINES: &[&str] = &[
        "1 of 4",
        "12 of 120",
        "\u{661} of \u{664}",
        "2:30",
        "12:05 mins",
        "1:30 min",
        "Image copyright Getty Images",
        "Photo credit: AFP",
        "Picture source Reuters",
        "Read more: Kremlin denies report",
        "See also: the talks",
        "Related: story",
        "Watch : video",
        "More: other news",
        "Click here to subscribe",
        "Tap here",
    ];
    const NOTE_LINES: &[&str] = &[
        "(Adds comment from ministry)",
        "( updates with closing prices)",
        "(Re-leads with talks)",
        "(New throughout)",
        "(For related story, see)",
        "(In Jan. 3 story, corrects last paragraph)",
        "(This story has been refiled)",
        "(With reporting from Paris)",
        "ATTENTION - ADDS Likud meeting ///",
        "Attentional",
        "Editor's note: graphic details",
        "Editors’ note: graphic details",
        "Eds: note",
        "EDITORS: please note",
        "Note to editors: embargoed",
        "Anything at all ///",
    ];
    const PROMO_LINES: &[&str] = &[
        "Please share your videos at iReport.",
        "Sign up for our daily newsletter",
        "Subscribe now",
        "We use cookies to improve the site",
        "Read our cookie policy",
        "Accepting cookies helps",
        "You can check out at any time. More info",
        "offers from us and our partners",
        "Follow us on Twitter",
        "Download the app",
        "Download our app today",
    ];

    #[test]
    fn prefilters_pass_what_the_patterns_match() {
        // (pattern, its prefilter, lines it matches)
        type Case<'a> = (&'a Regex, fn(&str) -> bool, &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            (&FURNITURE_RE, may_be_furniture, FURNITURE_LINES),
            (&EDITOR_NOTE_RE, may_be_editor_note, NOTE_LINES),
        ];
        for (re, may, lines) in cases {
            for line in *lines {
                assert!(re.is_match(line), "{line:?} is an example of {re:?}");
                for v in variants(line) {
                    let t = v.trim();
                    assert!(!re.is_match(t) || may(t), "{t:?} ruled out for {re:?}");
                }
            }
        }
    }

    /// The promotions as one pattern, as they were written: the reference for [`PROMOTIONS`].
    static PROMOTION_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)
                \bshare\s+your\s+(?:videos|photos|pictures|stories|story|views|thoughts)\b
              | \bireport\b
              | \bsign\s+up\s+(?:for|to)\s+(?:our|the)\b.*\b(?:newsletter|alerts|updates)\b
              | \bsubscribe\s+(?:to\s+our|now|today|for\s+full\s+access)\b
              | \b(?:we\s+use|accept(?:ing)?|our)\s+cookies\b
              | \bcookie\s+(?:policy|settings)\b
              | \bmore\s+info\s*$
              | \bfrom\s+us\s+and\s+our\s+partners\b
              | \bfollow\s+us\s+on\b
              | \bdownload\s+(?:the|our)\s+app\b
            ",
        )
        .expect("valid regex")
    });

    #[test]
    fn promotion_branches_match_as_the_whole_pattern() {
        for line in PROMO_LINES {
            assert!(PROMOTION_RE.is_match(line), "{line:?} is a promotion");
            for v in variants(line) {
                assert_eq!(PROMOTIONS.is_match(&v), PROMOTION_RE.is_match(&v), "{v:?}");
            }
        }
        for line in [
            "Share prices fell",
            "More info\nhere",
            "Sign up for the march to the parliament",
        ] {
            assert_eq!(
                PROMOTIONS.is_match(line),
                PROMOTION_RE.is_match(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn prefilters_rule_out_story_lines() {
        let lines = [
            "More than 1,000 gunmen crossed the border.",
            "10 people were killed on Monday.",
            "1986/87            1985/86",
            "NOTE: net for both qtrs reflects gains",
            "(Reuters) - Shares rose.",
            "U.S. OFFICIAL SAYS EAGLE GOLD COIN HAS MAJOR SHARE",
            "GENERAL PARTNERS CUTS STAKE IN GENCORP <GY>",
            "Kremlin says talks will go on",
            "‘We look in both directions’: Kremlin says Moscow focuses on West",
            "«Read more» on page 2",
            "“Note to self”",
        ];
        for t in lines {
            assert!(
                !may_be_furniture(t) && !may_be_editor_note(t) && !PROMOTIONS.words.in_line(t),
                "{t:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn prefilters_never_rule_out_a_match(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "1", "12", "\u{663}", " ", "  ", "\u{A0}", "\t", ":", "(", ")", "///", "/",
                    "-", "’", "'", ".", "é", "\u{17F}", "\u{212A}", "of ", "min", "mins",
                    "Read more", "see also", "related", "Watch", "MORE", "image ", "Photo ",
                    "copyright", "credit", "source", "click ", "Tap ", "here", "adds ",
                    "Updates", "re-leads", "new throughout", "for an ", "in ", "story",
                    "this ", "version", "with", "attention", "Editor", "editors", "s ", "note",
                    "eds", "to ", "share ", "your ", "videos", "ireport", "sign up ",
                    "for our ", "newsletter", "subscribe ", "now", "we use ", "our ",
                    "cookies", "cookie ", "policy", "info", "from us and our partners",
                    "follow us on", "download ", "the app", "app", "word", "x",
                ]),
                1..10,
            )
        ) {
            let line = pieces.concat();
            let t = line.trim();
            proptest::prop_assert!(!FURNITURE_RE.is_match(t) || may_be_furniture(t), "{:?}", t);
            proptest::prop_assert!(!EDITOR_NOTE_RE.is_match(t) || may_be_editor_note(t), "{:?}", t);
            proptest::prop_assert_eq!(PROMOTIONS.is_match(t), PROMOTION_RE.is_match(t), "{:?}", t);
        }
    }
}
