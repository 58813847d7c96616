//! Trailers: what follows the story's last paragraph.
//!
//! Method: paragraphs are taken off the end of the body while they match a trailer shape:
//! - sign-offs (`Reuter`, `-- BERNAMA`, `(END)`, `ends`, `-0-`, `###`), which also name the
//!   agency when the dateline does not;
//! - desk codes (`hh/ph/ts`, `mb/rt (AFP, dpa, Reuters)`);
//! - currency notes (`($1 = 0.8794 euros)`);
//! - credits (`(Reporting by …; Editing by …)`, `… contributed to this report.`, `This
//!   report by The Canadian Press was first published …`, `X can be reached at …`), which
//!   are kept in `credits`;
//! - an AP-style rule (`___`) near the end: everything after it is credits.
//!
//! Sign-offs are read by hand ([`signoff`]); the other shapes are regular expressions, each
//! run only on paragraphs that pass a cheap necessary condition (a prefilter, as in
//! [`chrome`](crate::chrome)), so most story paragraphs are ruled out without one. Credits are
//! one pattern per shape, so a credit builds only the patterns of the shapes it could be.
//!
//! Known limits: furniture after the story that reads like prose (a related-story title) is
//! kept as a paragraph.

use crate::agency;
use crate::chrome::{Branches, WordSets, ascii_words, has_run, is_one_of, may_fold_to_ascii, trim};
use regex::Regex;
use std::sync::LazyLock;

/// Longest trailer paragraph, in bytes.
const MAX_TRAILER: usize = 600;

/// How close to the end a `___` rule must be for what follows to count as trailer.
const RULE_WINDOW: usize = 5;

static DESK_CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?[a-z]{1,4}(?:/[a-z]{1,4})+\)?(?:\s+\([A-Za-z ,./-]+\))?$")
        .expect("valid regex")
});

static CURRENCY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(\s*(?:[$£€¥]|[A-Z]{1,3}\$?|US\$)\s*1\s*=[^)]+\)(?:\s*\([^)]+\))*$")
        .expect("valid regex")
});

/// Credits, one pattern per shape (anchored, case-insensitive), each with the words it
/// needs, the rarest first: "(Reporting by …; Editing by …)", "… contributed to this report",
/// "… helped with this story", "This report by … was first published …", "… can be reached
/// at …", "Follow … on Twitter", "Contact … at x@y".
static CREDITS: Branches<7> = Branches::new(
    &[
        &["by"],
        &["contributed"],
        &["helped", "with", "this"],
        &["published", "first", "was", "this", "by"],
        &["reached", "can", "be", "at"],
        &["follow"],
        &["contact"],
    ],
    [
        r"(?xi)^(?:\(?\s*(?:additional\s+)?(?:reporting|reported|writing|written|editing|edited|compiled|research|graphics|produced|translated)\s+by\b.*)$",
        r"(?xi)^(?:.*\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b.*)$",
        r"(?xi)^(?:.*\bhelped\s+with\s+this\s+(?:report|story)\b.*)$",
        r"(?xi)^(?:this\s+(?:report|story|article)\s+by\s+.*\s+was\s+first\s+published\b.*)$",
        r"(?xi)^(?:.*\s+can\s+be\s+reached\s+at\s+.*)$",
        r"(?xi)^(?:follow\s+.*\s+(?:on\s+twitter|at\s+\S+@\S+).*)$",
        r"(?xi)^(?:contact\s+.*\s+(?:on\s+twitter|at\s+\S+@\S+).*)$",
    ],
);

/// First words of the credits that name a role before "by" ([`CREDITS`]' first shape:
/// "Reporting by …").
const CREDIT_ROLES: &[&str] = &[
    "additional",
    "reporting",
    "reported",
    "writing",
    "written",
    "editing",
    "edited",
    "compiled",
    "research",
    "graphics",
    "produced",
    "translated",
];

/// What follows "This" in the credit of [`CREDITS`]' fourth shape ("This report by …").
const CREDIT_THIS: &[&str] = &["report", "story", "article"];

/// First words of contact credits ([`CREDITS`]' last shapes).
const CREDIT_CONTACTS: &[&str] = &["follow", "contact"];

/// Words that the other shapes of [`CREDITS`] need anywhere in the paragraph, shape by
/// shape, the rarest first ("… contributed to this report", "… helped with this story",
/// "… can be reached at …").
pub(crate) static CREDIT_WORDS: WordSets = WordSets::new(&[
    &["contributed", "report"],
    &["contributed", "story"],
    &["contributed", "article"],
    &["helped", "with", "this", "report"],
    &["helped", "with", "this", "story"],
    &["reached", "can", "be", "at"],
]);

/// What the end of a body holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Trailer {
    /// How many leading paragraphs are story.
    pub keep: usize,
    /// Credit paragraphs, in order.
    pub credits: Vec<String>,
    /// Agency named by a sign-off ("Reuter" -> Reuters).
    pub agency: Option<&'static str>,
}

/// Splits the trailer off the end of `paras` (paragraph texts in order).
pub fn split<S: AsRef<str>>(paras: &[S]) -> Trailer {
    let mut t = Trailer {
        keep: paras.len(),
        ..Trailer::default()
    };
    // an AP rule near the end: all after it is credits
    let from = paras.len().saturating_sub(RULE_WINDOW);
    if let Some(i) = (from..paras.len()).find(|&i| is_rule(paras[i].as_ref())) {
        t.credits = paras[i + 1..]
            .iter()
            .map(|p| p.as_ref().to_string())
            .collect();
        t.keep = i;
    }
    let mut credits_back = Vec::new();
    while t.keep > 0 {
        let p = trim(paras[t.keep - 1].as_ref());
        // trailers are short; a long paragraph is story
        if p.len() > MAX_TRAILER {
            break;
        }
        if let Some(ag) = signoff(p) {
            t.agency = t.agency.or(ag);
        } else if is_credit(p) || is_desk_code(p) && p.contains('(') {
            credits_back.push(p.to_string());
        } else if !(is_desk_code(p) || is_currency_note(p) || is_rule(p)) {
            break;
        }
        t.keep -= 1;
    }
    credits_back.reverse();
    credits_back.append(&mut t.credits);
    t.credits = credits_back;
    t
}

/// Reads a sign-off line: None when `line` is not one, Some(agency it names) otherwise.
///
/// The trimmed line is the whole sign-off: `Reuter` or `Reuters` (any case) with up to three
/// dots, naming Reuters; dashes, a capitalised name of 2 to 16 ASCII letters and maybe more
/// dashes (`-- BERNAMA`), naming that agency when it is known; `end`, `ends`, `endit` or
/// `more` (any case), maybe bracketed, maybe with a dot (`(END)`); `-0-`; 1 to 5 `#`; 3 or
/// more `*`. "Any case" is that of the regex crate's case-insensitive matching, under which
/// ſ is an s.
pub fn signoff(line: &str) -> Option<Option<&'static str>> {
    let t = trim(line);
    // what a sign-off can start with (ſ and K fold to no first letter of its words)
    if !t.starts_with(['R', 'r', '-', '(', 'E', 'e', 'M', 'm', '#', '*']) {
        return None;
    }
    let stem = t.trim_end_matches('.');
    if t.len() - stem.len() <= 3 && (eq_fold(stem, "reuter") || eq_fold(stem, "reuters")) {
        return Some(Some("Reuters"));
    }
    if let Some(name) = dashed_name(t) {
        return Some(agency::canonical(name));
    }
    let word = t.strip_prefix('(').unwrap_or(t);
    let word = word.strip_suffix('.').unwrap_or(word);
    let word = word.strip_suffix(')').unwrap_or(word);
    let ends = ["end", "ends", "endit", "more"]
        .iter()
        .any(|w| eq_fold(word, w));
    let hashes = (1..=5).contains(&t.len()) && t.bytes().all(|b| b == b'#');
    let stars = t.len() >= 3 && t.bytes().all(|b| b == b'*');
    (ends || t == "-0-" || hashes || stars).then_some(None)
}

/// The name in a dashed sign-off (`-- BERNAMA`, `-Xinhua-`): dashes, maybe whitespace, a
/// capital and 1 to 15 more ASCII letters, maybe whitespace and dashes, nothing else.
fn dashed_name(t: &str) -> Option<&str> {
    let rest = t.trim_start_matches('-');
    if rest.len() == t.len() {
        return None;
    }
    let rest = rest.trim_start();
    let n = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let (name, tail) = rest.split_at(n);
    let shaped =
        (2..=16).contains(&name.len()) && name.starts_with(|c: char| c.is_ascii_uppercase());
    (shaped && tail.trim_start().bytes().all(|b| b == b'-')).then_some(name)
}

/// True when `text` is `word` (lower-case ASCII letters) in any case, as the regex crate's
/// case-insensitive matching has it: ASCII letters of either case, and also ſ (U+017F) for s
/// and K (U+212A) for k.
fn eq_fold(text: &str, word: &str) -> bool {
    let fold = |c: char| match c {
        '\u{17F}' => 's',
        '\u{212A}' => 'k',
        c => c.to_ascii_lowercase(),
    };
    let mut chars = text.chars().map(fold);
    word.chars().all(|w| chars.next() == Some(w)) && chars.next().is_none()
}

/// True for a credit ([`CREDITS`]).
fn is_credit(p: &str) -> bool {
    may_be_credit(p) && CREDITS.is_match(p)
}

/// Prefilter of [`CREDITS`], stricter than the words of its shapes: a first word of
/// [`CREDIT_CONTACTS`], a first word of [`CREDIT_ROLES`] with "by" later, "this" and a word
/// of [`CREDIT_THIS`] with "by" later, or the words of one of [`CREDIT_WORDS`].
fn may_be_credit(p: &str) -> bool {
    if may_fold_to_ascii(p) {
        return true;
    }
    let mut words = ascii_words(p);
    let first = words.next().unwrap_or_default();
    // "this" stands right before its word, with whitespace between: the next run of letters
    let role = is_one_of(first, CREDIT_ROLES)
        || (first.eq_ignore_ascii_case("this")
            && words.next().is_some_and(|w| is_one_of(w, CREDIT_THIS)));
    is_one_of(first, CREDIT_CONTACTS) || (role && has_run(p, "by")) || CREDIT_WORDS.in_line(p)
}

/// True for a desk code ([`DESK_CODE_RE`]): it starts with a bracket or a lower-case letter
/// and holds a slash.
fn is_desk_code(p: &str) -> bool {
    p.starts_with(|c: char| c == '(' || c.is_ascii_lowercase())
        && p.contains('/')
        && DESK_CODE_RE.is_match(p)
}

/// True for a currency note ([`CURRENCY_RE`]): it starts with a bracket and holds `=`.
fn is_currency_note(p: &str) -> bool {
    p.starts_with('(') && p.contains('=') && CURRENCY_RE.is_match(p)
}

/// Strips a sign-off glued to the end of the last paragraph ("… on Friday. Reuter").
pub fn strip_glued_signoff(text: &str) -> Option<(&str, &'static str)> {
    let t = text.trim_end();
    for word in ["Reuter", "REUTER"] {
        if let Some(head) = t.strip_suffix(word) {
            let head_t = head.trim_end();
            if head.len() > head_t.len() && head_t.ends_with(['.', '"', '”', '\'', ')']) {
                return Some((head_t, "Reuters"));
            }
        }
    }
    None
}

fn is_rule(p: &str) -> bool {
    let t = trim(p);
    // the shape first: it fails at the first letter of a story paragraph
    t.chars().all(|c| matches!(c, '_' | '-' | '—' | '=' | '*')) && t.chars().count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_come_off() {
        // (paragraphs, kept, credits, agency)
        // (paragraphs, kept, credits, agency)
        type Case<'a> = (&'a [&'a str], usize, &'a [&'a str], Option<&'a str>);
        let cases: &[Case<'_>] = &[
            (&["Story.", "Reuter"], 1, &[], Some("Reuters")),
            (&["Story.", "REUTER"], 1, &[], Some("Reuters")),
            (&["Story.", "REUTER..."], 1, &[], Some("Reuters")),
            (
                &["Story.", "(Reporting by Jane Smith; Editing by Ali Khan)"],
                1,
                &["(Reporting by Jane Smith; Editing by Ali Khan)"],
                None,
            ),
            (
                &["Story.", "($1 = 0.8794 euros)", "(Reporting by Jane Smith)"],
                1,
                &["(Reporting by Jane Smith)"],
                None,
            ),
            (
                &[
                    "Story.",
                    "___",
                    "APTN contributor Kacey Cherry helped with this story.",
                ],
                1,
                &["APTN contributor Kacey Cherry helped with this story."],
                None,
            ),
            (&["Story.", "hh/ph/ts/hd"], 1, &[], None),
            (
                &["Story.", "mb/rt (AFP, dpa, Reuters)"],
                1,
                &["mb/rt (AFP, dpa, Reuters)"],
                None,
            ),
            (&["Story.", "-- BERNAMA"], 1, &[], Some("Bernama")),
            (&["Story.", "ends"], 1, &[], None),
            (&["Story.", "(END)"], 1, &[], None),
            (
                &[
                    "Story.",
                    "This report by The Canadian Press was first published July 3, 2020.",
                ],
                1,
                &["This report by The Canadian Press was first published July 3, 2020."],
                None,
            ),
            (
                &[
                    "Story.",
                    "CNN's Jason Carroll and Greg Botelho contributed to this report.",
                ],
                1,
                &["CNN's Jason Carroll and Greg Botelho contributed to this report."],
                None,
            ),
            (&["Story.", "He said it would end."], 2, &[], None),
            (
                &["Story.", "Reuters reported the deal on Friday."],
                2,
                &[],
                None,
            ),
            (&[], 0, &[], None),
        ];
        for (paras, keep, credits, agency) in cases {
            let t = split(paras);
            assert_eq!(t.keep, *keep, "{paras:?}");
            assert_eq!(t.credits, *credits, "{paras:?}");
            assert_eq!(t.agency, *agency, "{paras:?}");
        }
    }

    #[test]
    fn glued_signoff() {
        assert_eq!(
            strip_glued_signoff("ends on February 27. Reuter"),
            Some(("ends on February 27.", "Reuters"))
        );
        assert_eq!(strip_glued_signoff("he told Reuter"), None);
        assert_eq!(strip_glued_signoff("said so."), None);
    }

    /// The pattern [`signoff`] was written from, as the reference it must agree with.
    static SIGNOFF_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^(?:
                (?P<reuter>(?i:reuter|reuters))\.{0,3}
              | -+\s*(?P<ag>[A-Z][A-Za-z]{1,15})\s*-*
              | \(?(?i:end|ends|endit|more)\)?\.?
              | -0-
              | \#{1,5}
              | \*{3,}
            )$",
        )
        .expect("valid regex")
    });

    fn signoff_by_regex(line: &str) -> Option<Option<&'static str>> {
        let c = SIGNOFF_RE.captures(line.trim())?;
        Some(if c.name("reuter").is_some() {
            Some("Reuters")
        } else {
            c.name("ag").and_then(|a| agency::canonical(a.as_str()))
        })
    }

    #[test]
    fn signoffs() {
        type Want<'a> = Option<Option<&'a str>>;
        let cases: &[(&str, Want<'_>)] = &[
            ("Reuter", Some(Some("Reuters"))),
            (" REUTERS... ", Some(Some("Reuters"))),
            ("reuter\u{17F}", Some(Some("Reuters"))),
            ("Reuter....", None),
            ("Reuter's", None),
            ("-- BERNAMA", Some(Some("Bernama"))),
            ("-Xinhua-", Some(Some("Xinhua"))),
            ("--\u{A0}Abcdefghijklmnop --", Some(None)),
            ("-- Abcdefghijklmnopq", None),
            ("-- A", None),
            ("-- bernama", None),
            ("-- BER NAMA", None),
            ("-0-", Some(None)),
            ("(END)", Some(None)),
            ("end.", Some(None)),
            ("(ends).", Some(None)),
            ("end.)", None),
            ("(endit", Some(None)),
            ("MORE)", Some(None)),
            ("end\u{17F}", Some(None)),
            ("ended", None),
            ("#", Some(None)),
            ("#####", Some(None)),
            ("######", None),
            ("**", None),
            ("*****", Some(None)),
            ("", None),
            ("He said it would end.", None),
        ];
        for (line, want) in cases {
            assert_eq!(signoff(line), *want, "{line:?}");
            assert_eq!(signoff_by_regex(line), *want, "{line:?} (regex)");
        }
    }

    /// The credits as one pattern, as they were written: the reference for [`CREDITS`].
    static CREDIT_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)^(?:
                \(?\s*(?:additional\s+)?(?:reporting|reported|writing|written|editing|edited|compiled|research|graphics|produced|translated)\s+by\b.*
              | .*\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b.*
              | .*\bhelped\s+with\s+this\s+(?:report|story)\b.*
              | this\s+(?:report|story|article)\s+by\s+.*\s+was\s+first\s+published\b.*
              | .*\s+can\s+be\s+reached\s+at\s+.*
              | (?:follow|contact)\s+.*\s+(?:on\s+twitter|at\s+\S+@\S+).*
            )$",
        )
        .expect("valid regex")
    });

    #[test]
    fn credit_prefilter_passes_what_the_pattern_matches() {
        let credits = [
            "(Reporting by Jane Smith; Editing by Ali Khan)",
            "( Additional reporting by Tom)",
            "Written by staff",
            "Translated by the desk",
            "CNN's Jason Carroll contributed to this report.",
            "Ana contributed to the story",
            "Ana contributed the article",
            "APTN contributor Kacey Cherry helped with this story.",
            "Jo helped with this report",
            "This report by The Canadian Press was first published July 3, 2020.",
            "Jane Smith can be reached at jane@example.com",
            "Follow Jane on Twitter",
            "Contact Jane at jane@example.com",
        ];
        for line in credits {
            assert!(CREDIT_RE.is_match(line), "{line:?} is a credit");
            for v in crate::chrome::tests::variants(line) {
                let t = v.trim();
                assert!(
                    !CREDIT_RE.is_match(t) || may_be_credit(t),
                    "{t:?} ruled out"
                );
                assert_eq!(is_credit(t), CREDIT_RE.is_match(t), "{t:?}");
            }
        }
        let story = [
            "Carter Hawley said sales were helped by shifting some promotions.",
            "It had contributed to the proposed settlement, it said.",
            "The loan was reported by the bank on Friday.",
            "He said it would end.",
            "This was a good year, pushed by demand, he said.",
        ];
        for t in story {
            assert!(!may_be_credit(t), "{t:?}");
        }
        for (t, desk, currency) in [
            ("hh/ph/ts/hd", true, false),
            ("(mb/rt) (AFP, dpa, Reuters)", true, false),
            ("($1 = 0.8794 euros)", false, true),
            ("( US$ 1 = 7.8 HK$) (x)", false, true),
            ("Shares/bonds rose", false, false),
            ("(In millions = dlrs)", false, false),
        ] {
            assert_eq!(is_desk_code(t), desk, "{t:?}");
            assert_eq!(is_currency_note(t), currency, "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn signoff_agrees_with_its_pattern(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Reuter", "REUTERS", "reuter\u{17F}", "s", ".", "..", "-", "--", " ", "\u{A0}",
                    "\t", "BERNAMA", "Xinhua", "A", "Bb", "ABCDEFGHIJKLMNO", "PQ", "end", "ENDS",
                    "endit", "More", "\u{17F}", "\u{212A}", "(", ")", "0", "#", "##", "***", "*",
                    "é", "x",
                ]),
                0..6,
            )
        ) {
            let line = pieces.concat();
            proptest::prop_assert_eq!(signoff(&line), signoff_by_regex(&line), "{:?}", line);
        }

        #[test]
        fn credit_prefilter_never_rules_out_a_match(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "(", ")", " ", "\u{A0}", ";", ".", "@", "x@y", "\u{17F}", "\u{212A}", "é",
                    "additional ", "Reporting ", "reported", "writing", "Written", "editing",
                    "EDITED", "compiled", "research", "graphics", "produced", "translated",
                    "by ", "By", "this ", "report", "story", "article", "contributed ", "to ",
                    "the ", "helped ", "with ", "can ", "be ", "reached ", "at ", "follow ",
                    "Contact ", "on twitter", "Jane", "first published", "was ",
                ]),
                1..10,
            )
        ) {
            let line = pieces.concat();
            let t = line.trim();
            proptest::prop_assert!(!CREDIT_RE.is_match(t) || may_be_credit(t), "{:?}", t);
            proptest::prop_assert_eq!(is_credit(t), CREDIT_RE.is_match(t), "{:?}", t);
        }
    }
}
