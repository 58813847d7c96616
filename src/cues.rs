//! Speech cues: the verbs and phrases that attribute speech, kept as a data table.
//!
//! Method: every form of every verb is listed (said, says, say, saying), with whether it
//! can introduce reported speech without quotation marks (`X said that …`). Lookups are on
//! words of any case in a table indexed by first letter and length; [`positions`] finds the
//! cue words of a whole paragraph with one automaton (a DFA, one table step per byte) built
//! on first use. Multi-word cues ("according to", "pointed out") are matched by
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

/// Is `word` (any case) a speech cue? Some(true) when it can also introduce reported
/// speech without quotation marks.
#[inline]
pub fn word(word: &str) -> Option<bool> {
    let w = word.as_bytes();
    let slot = slot(w)?;
    if USED_SLOTS[slot / 64] & (1 << (slot % 64)) == 0 {
        return None;
    }
    found_in(slot, w)
}

/// The entry for `w` among the cue words of its slot (the slot is known to be used).
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
/// same length are equal ignoring ASCII case when their keys are equal.
#[inline]
fn folded_key(w: &[u8]) -> u128 {
    let mut k = [0u8; 16];
    for (d, s) in k.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    u128::from_le_bytes(k)
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

/// A bit for each slot that holds a cue word: most words are turned away by one test.
const USED_SLOTS: [u64; SLOTS.div_ceil(64)] = {
    let mut bits = [0u64; SLOTS.div_ceil(64)];
    let mut i = 0;
    while i < CUE_WORDS.len() {
        let w = CUE_WORDS[i].0.as_bytes();
        // the table is lower-case ASCII, 3 to 12 letters (a test checks)
        let slot = (w[0] - b'a') as usize * (MAX_LEN + 1) + w.len();
        bits[slot / 64] |= 1 << (slot % 64);
        i += 1;
    }
    bits
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
    let b = text.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let mut out = Vec::new();
    // a cue is a whole run of letters: a match inside a longer word is not one, and no
    // match runs over a non-letter into the next word, so none is hidden by another
    for m in cue_finder().find_iter(b) {
        let (s, e) = (m.start(), m.end());
        if (s > 0 && letter(s - 1)) || letter(e) {
            continue;
        }
        let w = &b[s..e];
        // cue words are lower case (in any case after the first letter, as `word` has
        // it); "according" is itself or "According"
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

/// Is `word`, as written in running text, a speech cue? Capitalised words are not
/// ("States" in "United States", "Notes" as a name).
pub fn in_text(word_as_written: &str) -> Option<bool> {
    if word_as_written.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    word(word_as_written)
}

/// A multi-word cue starting at the beginning of `text`: (its length in bytes, takes
/// reported speech).
pub fn phrase_at(text: &str) -> Option<(usize, bool)> {
    let first = text.as_bytes().first()?.to_ascii_lowercase();
    CUE_PHRASES.iter().find_map(|(p, indirect)| {
        let head = text.as_bytes().get(..p.len())?;
        // the phrase, then no letter or digit
        let found = p.as_bytes()[0] == first
            && head.eq_ignore_ascii_case(p.as_bytes())
            && !text[p.len()..].starts_with(|c: char| c.is_alphanumeric());
        found.then_some((p.len(), *indirect))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    proptest::proptest! {
        #[test]
        fn cue_scan_equals_the_reference(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "said", "Said", "sAID", "unsaid", "saidx", "says", "told", "asked",
                    "according", "According", "ACCORDING", "aCCORDING", "accordingly",
                    "added", "adding", "ad", "d", " ", ", ", ".", "-", "'", "é", "9", "\n",
                    "noted", "notes", "Notes", "warned", "the", "x",
                ]),
                0..30,
            )
        ) {
            let t: String = pieces.concat();
            proptest::prop_assert_eq!(positions(&t), reference_positions(&t), "{:?}", t);
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
        ];
        for (text, want) in cases {
            assert_eq!(positions(text), *want, "{text}");
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
    }
}
