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
//! The slug and tag patterns run only on titles that could hold one (a title starting with a
//! slug's first word and holding a hyphen; a title ending in a bracketed version word), so
//! most titles are cleaned without them.
//!
//! Known limits: slugs outside the list, and region slugs with a colon ("ASIA:") which
//! cannot be told from a title's own colon, are kept.

use crate::chrome::{folds_on, is_one_of, leading_word};
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

/// First words of the slugs of [`SLUG_RE`] (upper case, as the pattern has them).
const SLUG_STARTS: &[&str] = &[
    "UPDATE",
    "CORRECTED",
    "CORRECTION",
    "REFILE",
    "RPT",
    "WRAPUP",
    "EXCLUSIVE",
    "INSIGHT",
    "ANALYSIS",
    "FACTBOX",
    "BRIEF",
    "URGENT",
    "FOCUS",
    "TIMELINE",
    "PREVIEW",
    "COLUMN",
    "BREAKINGVIEWS",
    "INTERVIEW",
    "SPECIAL",
    "GRAPHIC",
    "EXPLAINER",
    "FEATURE",
    "SNAPSHOT",
    "HIGHLIGHTS",
    "POLL",
    "TABLE",
    "CANADA",
    "US",
    "GLOBAL",
    "FOREX",
    "PRECIOUS",
    "RESEARCH",
    "BUZZ",
    "MOVES",
    "DIARY",
    "NEWSMAKER",
    "DEALTALK",
];

static VERSION_TAG_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:updated?|corrected|recasts?|adds|refile[sd]?|rpt|repeat)(?:\s*\d{1,2})?\)\s*$")
        .expect("valid regex")
});

/// The title without desk slugs and version tags.
pub fn clean(title: &str) -> String {
    let t = title.trim();
    let t = match may_have_slug(t).then(|| SLUG_RE.find(t)).flatten() {
        Some(m) if m.end() < t.len() => &t[m.end()..],
        _ => t,
    };
    if may_have_version_tag(t) {
        VERSION_TAG_RE.replace(t, "").trim().to_string()
    } else {
        t.trim().to_string()
    }
}

/// Prefilter of [`SLUG_RE`] (case-sensitive): the title starts with a run of capitals that
/// is one of [`SLUG_STARTS`], followed by the hyphen, or by what comes between a slug's
/// first word and its hyphen (a digit, "(OFFICIAL)", or one whitespace and a digit, a
/// bracket or a second word in capitals); and it holds a hyphen.
fn may_have_slug(t: &str) -> bool {
    let n = t
        .bytes()
        .position(|b| !b.is_ascii_uppercase())
        .unwrap_or(t.len());
    if !SLUG_STARTS.contains(&&t[..n]) || !t.contains('-') {
        return false;
    }
    // `\d` is any decimal digit, not only ASCII ones
    let mut after = t[n..].chars();
    match after.next() {
        Some(c) if c.is_whitespace() => after
            .next()
            .is_some_and(|d| d.is_numeric() || d == '(' || d.is_ascii_uppercase()),
        Some(c) => c == '-' || c == '(' || c.is_numeric(),
        None => false,
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

/// A standfirst without a trailing topic tag that scraped pages glue to it
/// ("… before fleeing with 43 children. Civil war" -> "… 43 children.").
pub fn clean_subheadline(text: &str) -> String {
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
            return t[..=i].to_string();
        }
    }
    t.to_string()
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
    fn slug_prefilter_passes_what_the_pattern_matches() {
        let slugged = [
            "UPDATE 1-Oil falls",
            "UPDATE12-Oil falls",
            "UPDATE\u{A0}\u{661}-Oil falls",
            "CORRECTED (OFFICIAL)-GM",
            "RPT-UPDATE 2-Oil falls",
            "SPECIAL REPORT-Inside",
            "US STOCKS-Wall St",
            "CANADA STOCKS-TSX",
            "GLOBAL MARKETS-Shares",
            "RESEARCH ALERT-x",
            "EXCLUSIVE-FACTBOX-x",
            "DEALTALK-x",
        ];
        for t in slugged {
            assert!(SLUG_RE.is_match(t), "{t:?} has a slug");
            assert!(may_have_slug(t), "{t:?}");
        }
        let plain = [
            "U.S.-JAPAN TRADE TALKS END",
            "UPDATES-x",
            "CORRECTED - GM SEES RISE",
            "Update 1-x",
            "CANADA'S TRADE",
            "BAHIA COCOA REVIEW",
        ];
        for t in plain {
            assert!(!SLUG_RE.is_match(t) || may_have_slug(t), "{t:?}");
        }
        assert!(!may_have_slug("BAHIA COCOA REVIEW"));
        assert!(!may_have_slug("UPDATES-x"));
        assert!(!may_have_slug(
            "RPT - ARGENTINE GRAIN/OILSEED EXPORT PRICES ADJUSTED"
        ));
        assert!(!may_have_slug("US STOCKS"));
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
        fn slug_prefilter_never_rules_out_a_match(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "UPDATE", "RPT", "CORRECTED", "(OFFICIAL)", "SPECIAL", "REPORT", "US",
                    "STOCKS", "WRAPUP", "FACTBOX", "X", "U.S.", " ", "\u{A0}", "1", "12",
                    "\u{661}", "-", "Oil", "falls",
                ]),
                1..8,
            )
        ) {
            let t = pieces.concat();
            proptest::prop_assert!(!SLUG_RE.is_match(&t) || may_have_slug(&t), "{:?}", t);
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
