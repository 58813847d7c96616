//! Speech cues: the verbs and phrases that attribute speech, kept as a data table.
//!
//! Method: every form of every verb is listed (said, says, say, saying), with whether it
//! can introduce reported speech without quotation marks (`X said that …`). Lookups are on
//! words of any case in a table sorted by first letter. Multi-word cues ("according
//! to", "pointed out") are matched by [`phrase_at`].
//!
//! Known limits: cues are words, not senses: "told" in "told to leave" is still a cue (the
//! callers require a speaker and content around it).

/// (word form, takes reported speech without quotation marks). Sorted by form.
const CUE_WORDS: &[(&str, bool)] = &[
    ("acknowledged", true),
    ("acknowledges", true),
    ("added", true),
    ("adding", true),
    ("adds", true),
    ("admits", true),
    ("admitted", true),
    ("advised", false),
    ("agreed", false),
    ("alleged", true),
    ("alleges", true),
    ("announced", true),
    ("announces", true),
    ("answered", false),
    ("argued", true),
    ("argues", true),
    ("arguing", true),
    ("asked", false),
    ("asks", false),
    ("asserted", true),
    ("asserts", true),
    ("assured", false),
    ("believes", false),
    ("boasted", true),
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
    ("complained", true),
    ("complains", true),
    ("conceded", true),
    ("concedes", true),
    ("concluded", true),
    ("concludes", true),
    ("confirmed", true),
    ("confirms", true),
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
    ("explained", true),
    ("explains", true),
    ("forecast", true),
    ("hinted", true),
    ("indicated", true),
    ("informed", false),
    ("insisted", true),
    ("insisting", true),
    ("insists", true),
    ("joked", false),
    ("jokes", false),
    ("labeled", false),
    ("labelled", false),
    ("maintained", true),
    ("maintains", true),
    ("mentioned", true),
    ("noted", true),
    ("notes", true),
    ("noting", true),
    ("observed", true),
    ("observes", true),
    ("posted", false),
    ("predicted", true),
    ("predicts", true),
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
pub fn word(word: &str) -> Option<bool> {
    let w = word.as_bytes();
    if !(3..=12).contains(&w.len()) {
        return None;
    }
    // the table's words starting with the same letter (a few, most words have none)
    let first = w[0].to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return None;
    }
    let (lo, hi) = by_first_letter()[usize::from(first - b'a')];
    CUE_WORDS[lo..hi]
        .iter()
        .find(|(c, _)| c.len() == w.len() && c.as_bytes().eq_ignore_ascii_case(w))
        .map(|&(_, indirect)| indirect)
}

/// For each letter a..z, the range of [`CUE_WORDS`] starting with it.
fn by_first_letter() -> &'static [(usize, usize); 26] {
    static RANGES: std::sync::OnceLock<[(usize, usize); 26]> = std::sync::OnceLock::new();
    RANGES.get_or_init(|| {
        let mut r = [(0, 0); 26];
        for (letter, range) in (b'a'..=b'z').zip(r.iter_mut()) {
            let lo = CUE_WORDS.partition_point(|(w, _)| w.as_bytes()[0] < letter);
            let hi = CUE_WORDS.partition_point(|(w, _)| w.as_bytes()[0] <= letter);
            *range = (lo, hi);
        }
        r
    })
}

/// Byte offsets of the words of `text` that are cues of reported speech (lower-case verbs
/// and "according"), in order.
pub fn positions(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let b = text.as_bytes();
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
        // cue words are lower case and 3 to 12 letters long: most words are not
        let maybe = (3..=12).contains(&w.len()) && b[s].is_ascii_lowercase();
        if (maybe && word(w) == Some(true)) || w == "according" || w == "According" {
            out.push(s);
        }
    }
    out
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
    CUE_PHRASES.iter().find_map(|(p, indirect)| {
        let head = text.get(..p.len())?;
        let boundary = !text[p.len()..].starts_with(|c: char| c.is_alphanumeric());
        (head.eq_ignore_ascii_case(p) && boundary).then_some((p.len(), *indirect))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        assert!(CUE_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
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
