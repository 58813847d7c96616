//! Headlines and subheadlines: what a title line looks like, and the agency slugs and
//! version tags around it.
//!
//! Method: a title is short (at most 250 characters), does not run on as a long sentence
//! ending in a full stop, and is not a byline, dateline or chrome (those are ruled out by
//! the caller). Slugs that are not words of the title are removed: a leading desk slug
//! from a fixed list glued to the title by a hyphen ("UPDATE 1-", "CORRECTED-",
//! "RPT-UPDATE 2-", "EXCLUSIVE-") and a trailing version tag ("(updated 3)"). A slug set
//! off with spaces ("CORRECTED - GM SEES RISE", Reuters 1987) is part of the title line as
//! the desk wrote it and is kept.
//!
//! Slugs are read by hand from a table of the desk's words, as the slug pattern would find
//! them (the pattern is kept for the odd title with digits outside ASCII after a slug word);
//! the version-tag pattern runs only on titles ending in a bracketed version word, so most
//! titles are cleaned without a regex.
//!
//! Known limits: slugs outside the list, and region slugs with a colon ("ASIA:") which
//! cannot be told from a title's own colon, are kept.

use crate::chrome::{folds_on, is_one_of, leading_word, trim};
use regex::Regex;
use std::sync::LazyLock;

/// Longest title, in characters.
const MAX_TITLE: usize = 250;
/// A title that ends with a full stop (not an abbreviation's) is at most this long.
const MAX_TITLE_WITH_STOP: usize = 50;

static SLUG_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:(?:
            UPDATE(?:\s?\d{1,2})? | CORRECTED(?:\s?\(OFFICIAL\))? | CORRECTION | REFILE | RPT
          | WRAPUP(?:\s?\d{1,2})? | EXCLUSIVE | INSIGHT | ANALYSIS | FACTBOX | BRIEF | URGENT
          | FOCUS | TIMELINE | PREVIEW | COLUMN | BREAKINGVIEWS | INTERVIEW | SPECIAL\sREPORT
          | RPT-UPDATE(?:\s?\d{1,2})? | GRAPHIC | EXPLAINER | FEATURE | SNAPSHOT | HIGHLIGHTS
          | POLL | TABLE | CANADA\sSTOCKS | US\sSTOCKS | GLOBAL\sMARKETS | FOREX | PRECIOUS
          | RESEARCH\sALERT | BUZZ | MOVES | DIARY | NEWSMAKER | DEALTALK
        )-)+",
    )
    .expect("valid regex")
});

/// What stands between a slug's first word and its hyphen.
#[derive(Debug, Clone, Copy)]
enum Tail {
    /// Nothing: "EXCLUSIVE-".
    Bare,
    /// Maybe a number of one or two digits, maybe after one whitespace: "UPDATE 1-".
    Number,
    /// Maybe "(OFFICIAL)", maybe after one whitespace: "CORRECTED (OFFICIAL)-".
    Official,
    /// One whitespace and this second word: "SPECIAL REPORT-".
    Word(&'static str),
}

/// The slugs of [`SLUG_RE`] by first word. Its "RPT-UPDATE 2-" reads here as the slugs
/// "RPT-" and "UPDATE 2-", which end at the same place.
const SLUGS: &[(&str, Tail)] = &[
    ("UPDATE", Tail::Number),
    ("CORRECTED", Tail::Official),
    ("CORRECTION", Tail::Bare),
    ("REFILE", Tail::Bare),
    ("RPT", Tail::Bare),
    ("WRAPUP", Tail::Number),
    ("EXCLUSIVE", Tail::Bare),
    ("INSIGHT", Tail::Bare),
    ("ANALYSIS", Tail::Bare),
    ("FACTBOX", Tail::Bare),
    ("BRIEF", Tail::Bare),
    ("URGENT", Tail::Bare),
    ("FOCUS", Tail::Bare),
    ("TIMELINE", Tail::Bare),
    ("PREVIEW", Tail::Bare),
    ("COLUMN", Tail::Bare),
    ("BREAKINGVIEWS", Tail::Bare),
    ("INTERVIEW", Tail::Bare),
    ("SPECIAL", Tail::Word("REPORT")),
    ("GRAPHIC", Tail::Bare),
    ("EXPLAINER", Tail::Bare),
    ("FEATURE", Tail::Bare),
    ("SNAPSHOT", Tail::Bare),
    ("HIGHLIGHTS", Tail::Bare),
    ("POLL", Tail::Bare),
    ("TABLE", Tail::Bare),
    ("CANADA", Tail::Word("STOCKS")),
    ("US", Tail::Word("STOCKS")),
    ("GLOBAL", Tail::Word("MARKETS")),
    ("FOREX", Tail::Bare),
    ("PRECIOUS", Tail::Bare),
    ("RESEARCH", Tail::Word("ALERT")),
    ("BUZZ", Tail::Bare),
    ("MOVES", Tail::Bare),
    ("DIARY", Tail::Bare),
    ("NEWSMAKER", Tail::Bare),
    ("DEALTALK", Tail::Bare),
];

static VERSION_TAG_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:updated?|corrected|recasts?|adds|refile[sd]?|rpt|repeat)(?:\s*\d{1,2})?\)\s*$")
        .expect("valid regex")
});

/// The title without desk slugs and version tags (a part of `title`).
pub fn clean(title: &str) -> &str {
    let t = trim(title);
    let t = match slugs_end(t) {
        Some(end) if end < t.len() => &t[end..],
        _ => t,
    };
    if may_have_version_tag(t) {
        // the tag ends the title (`$`): taking it off leaves the text before it
        trim(VERSION_TAG_RE.find(t).map_or(t, |m| &t[..m.start()]))
    } else {
        trim(t)
    }
}

/// Where the desk slugs that open `t` end (just past the last one's hyphen), as [`SLUG_RE`]
/// finds them: slugs are read one after the other while they last, each the first that
/// fits in the pattern's order (at most one can: what may stand before a hyphen holds no
/// hyphen). A digit outside ASCII where a slug's number may stand is left to the pattern
/// (`\d` takes any decimal digit, which the standard library cannot tell).
fn slugs_end(t: &str) -> Option<usize> {
    let mut end = 0;
    loop {
        match slug_at(&t[end..]) {
            Slug::Is(n) => end += n,
            Slug::Not => return (end > 0).then_some(end),
            Slug::Unsure => return SLUG_RE.find(t).map(|m| m.end()),
        }
    }
}

/// What [`slug_at`] read.
enum Slug {
    /// A slug, of this many bytes with its hyphen.
    Is(usize),
    Not,
    /// Maybe a slug with a number in digits outside ASCII.
    Unsure,
}

/// The slug that `s` starts with, if any.
fn slug_at(s: &str) -> Slug {
    let n = s
        .bytes()
        .position(|b| !b.is_ascii_uppercase())
        .unwrap_or(s.len());
    // the length and first letter compared first: most titles open with a word that is no
    // slug
    let word = &s.as_bytes()[..n];
    let Some(&(_, tail)) = SLUGS
        .iter()
        .find(|(w, _)| w.len() == n && w.as_bytes()[0] == word[0] && w.as_bytes() == word)
    else {
        return Slug::Not;
    };
    let rest = &s[n..];
    let space = rest
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map_or(0, char::len_utf8);
    // what may stand before the hyphen (lengths), in the order the pattern tries them
    let fits: [Option<usize>; 3] = match tail {
        Tail::Bare => [Some(0), None, None],
        Tail::Number => {
            // `\s?\d{1,2}`: the whitespace if there is one, then one or two digits
            let mut digits = 0;
            for d in rest[space..].chars().take(2) {
                if d.is_ascii_digit() {
                    digits += 1;
                } else if d.is_numeric() {
                    return Slug::Unsure;
                } else {
                    break;
                }
            }
            let with = |n: usize| (digits >= n).then_some(space + n);
            [with(2), with(1), Some(0)]
        }
        Tail::Official => {
            let official = rest[space..].starts_with("(OFFICIAL)");
            [
                official.then_some(space + "(OFFICIAL)".len()),
                Some(0),
                None,
            ]
        }
        Tail::Word(second) => {
            let word = space > 0 && rest[space..].starts_with(second);
            [word.then_some(space + second.len()), None, None]
        }
    };
    match fits
        .into_iter()
        .flatten()
        .find(|&len| rest[len..].starts_with('-'))
    {
        Some(len) => Slug::Is(n + len + 1),
        None => Slug::Not,
    }
}

/// Words of [`VERSION_TAG_RE`] (lower case; it ignores case).
const VERSION_WORDS: &[&str] = &[
    "update",
    "updated",
    "corrected",
    "recast",
    "recasts",
    "adds",
    "refile",
    "refiles",
    "refiled",
    "rpt",
    "repeat",
];

/// Prefilter of [`VERSION_TAG_RE`]: the title ends with a bracket whose text starts with a
/// word of [`VERSION_WORDS`] (or one that may go on with ſ or K, see `chrome::folds_on`).
fn may_have_version_tag(t: &str) -> bool {
    let Some(inner) = t.trim_end().strip_suffix(')') else {
        return false;
    };
    // no bracket inside the tag: it opens at the last '('
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let (word, after) = leading_word(&inner[open + 1..]);
    folds_on(after) || is_one_of(word, VERSION_WORDS)
}

/// True when `text` has the shape of a title (see the module doc).
pub fn is_title_like(text: &str) -> bool {
    let t = trim(text);
    let n = t.chars().count();
    // an ASCII letter is a letter, and in ASCII text the only ones
    let letter = if n == t.len() {
        t.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        t.chars().any(char::is_alphabetic)
    };
    if n == 0 || n > MAX_TITLE || !letter {
        return false;
    }
    // a stop that ends the last word: not an abbreviation's ("U.S.")
    let ends_with_stop = t.ends_with('.') && !t.ends_with("...") && {
        let last_word = t.rsplit(char::is_whitespace).next().unwrap_or(t);
        !last_word.trim_end_matches('.').contains('.')
    };
    !(ends_with_stop && n > MAX_TITLE_WITH_STOP)
}

/// A standfirst without a trailing topic tag that scraped pages glue to it
/// ("… before fleeing with 43 children. Civil war" -> "… 43 children."), a part of `text`.
pub fn clean_subheadline(text: &str) -> &str {
    let t = text.trim();
    if let Some(i) = t.rfind(['.', '!', '?']) {
        let tail = t[i + 1..].trim();
        let words = tail.split_whitespace().count();
        let bare = tail
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
        if (1..=3).contains(&words)
            && bare
            && tail.starts_with(char::is_uppercase)
            && t[..i].split_whitespace().count() >= 4
        {
            return &t[..=i];
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_tags_come_off() {
        let cases = [
            (
                "UPDATE 1-Statue of Liberty to reopen; shutdown keeps other parks, monuments closed",
                "Statue of Liberty to reopen; shutdown keeps other parks, monuments closed",
            ),
            (
                "CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream",
                "S. Illinois battles flooding as Mississippi River builds downstream",
            ),
            ("RPT-UPDATE 2-Oil falls", "Oil falls"),
            ("EXCLUSIVE-Bank weighs sale", "Bank weighs sale"),
            (
                "Beijing unveils 2008 Olympic mascots (updated 3)",
                "Beijing unveils 2008 Olympic mascots",
            ),
            ("U.S.-JAPAN TRADE TALKS END", "U.S.-JAPAN TRADE TALKS END"),
            ("UPDATE-", "UPDATE-"),
            (
                "CORRECTED - GM SEES RISE IN EUROPEAN SALES",
                "CORRECTED - GM SEES RISE IN EUROPEAN SALES",
            ),
            (
                "Germany Social Democrats: Coalition talks with Merkel could fail",
                "Germany Social Democrats: Coalition talks with Merkel could fail",
            ),
            ("BAHIA COCOA REVIEW", "BAHIA COCOA REVIEW"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "{input:?}");
        }
    }

    #[test]
    fn title_shapes() {
        let long_sentence = "Israel's beleaguered right-wing Likud suffered a new blow Wednesday when its acting chairman announced his defection.";
        let cases = [
            ("Sweden court accepts receivership for Saab carmaker", true),
            (
                "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it",
                true,
            ),
            ("Cuban Mothers Seek Elian's Return", true),
            ("S. Illinois battles flooding.", true),
            (
                "Homeland Security seeks proposals for a wall, says the U.S.",
                true,
            ),
            (
                "Officials said on Friday that the talks would resume next week.",
                false,
            ),
            (long_sentence, false),
            ("", false),
            ("1,000", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_title_like(input), want, "{input:?}");
        }
    }

    /// `is_title_like` as it was written, over characters.
    fn is_title_like_by_chars(text: &str) -> bool {
        let t = text.trim();
        let n = t.chars().count();
        if n == 0 || n > MAX_TITLE || !t.chars().any(char::is_alphabetic) {
            return false;
        }
        let last_word = t.rsplit(char::is_whitespace).next().unwrap_or(t);
        let abbreviation = last_word.trim_end_matches('.').contains('.');
        let ends_with_stop = t.ends_with('.') && !t.ends_with("...") && !abbreviation;
        !(ends_with_stop && n > MAX_TITLE_WITH_STOP)
    }

    /// `clean` as it was written, replacing the version tag.
    fn clean_by_replacing(title: &str) -> String {
        let t = title.trim();
        let t = match slugs_end(t) {
            Some(end) if end < t.len() => &t[end..],
            _ => t,
        };
        if may_have_version_tag(t) {
            VERSION_TAG_RE.replace(t, "").trim().to_string()
        } else {
            t.trim().to_string()
        }
    }

    proptest::proptest! {
        #[test]
        fn title_shapes_as_by_chars(
            t in "[a-zA-Z0-9 .\t\x0B\u{85}\u{A0}é1]{0,60}|[A-Z .]{45,60}[.]|.{0,255}",
        ) {
            proptest::prop_assert_eq!(is_title_like(&t), is_title_like_by_chars(&t));
        }

        #[test]
        fn cleaned_as_by_replacing(
            t in "(UPDATE 1-|RPT-|EXCLUSIVE-|US STOCKS-)?[A-Za-z .]{0,20}( ?\\((updated|Adds|rpt|refiled) ?[0-9]{0,2}\\) ?)?[ \t]?",
        ) {
            proptest::prop_assert_eq!(clean(&t), clean_by_replacing(&t));
        }
    }

    #[test]
    fn subheadline_tags() {
        let cases = [
            (
                "Murle bandits allegedly crossed into Ethiopia's Gambella region and killed 28 people before fleeing with 43 children. Civil war",
                "Murle bandits allegedly crossed into Ethiopia's Gambella region and killed 28 people before fleeing with 43 children.",
            ),
            (
                "The White House has confirmed the numbers. The statement also lambasted the media.",
                "The White House has confirmed the numbers. The statement also lambasted the media.",
            ),
            (
                "Batteries made from perovskites are cheaper than those based on silica",
                "Batteries made from perovskites are cheaper than those based on silica",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(clean_subheadline(input), want, "{input:?}");
        }
    }

    #[test]
    fn slugs_end_where_the_pattern_ends() {
        // (title, where its slugs end)
        let cases: &[(&str, Option<usize>)] = &[
            ("UPDATE 1-Oil falls", Some(9)),
            ("UPDATE12-Oil falls", Some(9)),
            ("UPDATE-Oil", Some(7)),
            ("UPDATE 123-Oil", None),
            ("UPDATE\u{A0}2-Oil", Some(10)),
            ("CORRECTED (OFFICIAL)-GM", Some(21)),
            ("CORRECTED(OFFICIAL)-GM", Some(20)),
            ("CORRECTED (OFFICIAL) -GM", None),
            ("RPT-UPDATE 2-Oil falls", Some(13)),
            ("RPT-UPDATEX-Oil", Some(4)),
            ("SPECIAL REPORT-Inside", Some(15)),
            ("SPECIAL  REPORT-Inside", None),
            ("SPECIAL-x", None),
            ("US STOCKS-Wall St", Some(10)),
            ("US-x", None),
            ("EXCLUSIVE-FACTBOX-x", Some(18)),
            ("DEALTALK-", Some(9)),
            ("U.S.-JAPAN TRADE TALKS END", None),
            ("UPDATES-x", None),
            ("CORRECTED - GM SEES RISE", None),
            ("Update 1-x", None),
            ("RPT - ARGENTINE GRAIN/OILSEED EXPORT PRICES ADJUSTED", None),
            ("", None),
            // digits outside ASCII are left to the pattern
            ("UPDATE\u{661}-Oil", Some(9)),
            ("UPDATE 1\u{662}-Oil", Some(11)),
            ("UPDATE \u{B2}-Oil", None),
        ];
        for (t, want) in cases {
            assert_eq!(slugs_end(t), *want, "{t:?}");
            assert_eq!(SLUG_RE.find(t).map(|m| m.end()), *want, "{t:?} (pattern)");
        }
    }

    #[test]
    fn version_tag_prefilter_passes_what_the_pattern_matches() {
        let tagged = [
            "Mascots (updated 3)",
            "Mascots (UPDATE)",
            "Mascots(corrected) ",
            "Mascots (Recasts\u{A0}12)",
            "Mascots (refiled)",
            "Mascots (RPT)",
            "Mascots (repeat 1)",
            "Mascots (adds)",
        ];
        for line in tagged {
            assert!(VERSION_TAG_RE.is_match(line), "{line:?} has a tag");
            for v in crate::chrome::tests::variants(line) {
                assert!(
                    !VERSION_TAG_RE.is_match(&v) || may_have_version_tag(&v),
                    "{v:?}"
                );
            }
        }
        for t in [
            "CHRYSLER <C> SEES HIGHER NET (REUTER)",
            "Talks (in Geneva)",
            "Talks",
            "Talks (updated (x))",
        ] {
            assert!(!may_have_version_tag(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn slugs_end_where_the_pattern_ends_on_soups(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "UPDATE", "RPT", "CORRECTED", "CORRECTION", "(OFFICIAL)", "SPECIAL",
                    "REPORT", "US", "STOCKS", "CANADA", "WRAPUP", "FACTBOX", "X", "U.S.", " ",
                    "  ", "\u{A0}", "\t", "1", "12", "\u{661}", "\u{B2}", "-", "--", "Oil",
                    "falls",
                ]),
                1..8,
            )
        ) {
            let t = pieces.concat();
            proptest::prop_assert_eq!(slugs_end(&t), SLUG_RE.find(&t).map(|m| m.end()), "{:?}", t);
        }

        #[test]
        fn version_tag_prefilter_never_rules_out_a_match(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Talks", " ", "\u{A0}", "(", ")", "update", "Updated", "CORRECTED",
                    "recast", "s", "\u{17F}", "adds", "refile", "d", "rpt", "repeat", "1",
                    "12", "\u{661}", "x",
                ]),
                1..8,
            )
        ) {
            let t = pieces.concat();
            proptest::prop_assert!(
                !VERSION_TAG_RE.is_match(&t) || may_have_version_tag(&t),
                "{:?}",
                t
            );
        }
    }
}
