//! Speech cues: the verbs and phrases that attribute speech, kept as a data table.
//!
//! Method: every form of every verb is listed (said, says, say, saying), with whether it
//! can introduce reported speech without quotation marks (`X said that …`). Lookups are on
//! lower-cased words with a sorted table and binary search. Multi-word cues ("according
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
    if !(3..=12).contains(&word.len()) || !word.is_ascii() {
        return None;
    }
    CUE_WORDS
        .binary_search_by(|(w, _)| crate::words::cmp_folded(w, word))
        .ok()
        .map(|i| CUE_WORDS[i].1)
}

/// Byte offsets of the words of `text` that are cues of reported speech (lower-case verbs
/// and "according"), in order.
pub fn positions(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_ascii_alphabetic();
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = &text[s..i];
                // cue words are lower case and 3 to 12 letters long: most words are not
                let maybe = (3..=12).contains(&w.len()) && w.as_bytes()[0].is_ascii_lowercase();
                if (maybe && in_text(w) == Some(true)) || w == "according" || w == "According" {
                    out.push(s);
                }
                start = None;
            }
            _ => {}
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
