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
//! Known limits: furniture after the story that reads like prose (a related-story title) is
//! kept as a paragraph.

use crate::agency;
use regex::Regex;
use std::sync::LazyLock;

/// Longest trailer paragraph, in bytes.
const MAX_TRAILER: usize = 600;

/// How close to the end a `___` rule must be for what follows to count as trailer.
const RULE_WINDOW: usize = 5;

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

static DESK_CODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?[a-z]{1,4}(?:/[a-z]{1,4})+\)?(?:\s+\([A-Za-z ,./-]+\))?$")
        .expect("valid regex")
});

static CURRENCY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(\s*(?:[$£€¥]|[A-Z]{1,3}\$?|US\$)\s*1\s*=[^)]+\)(?:\s*\([^)]+\))*$")
        .expect("valid regex")
});

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
        let p = paras[t.keep - 1].as_ref().trim();
        // trailers are short; a long paragraph is story
        if p.len() > MAX_TRAILER {
            break;
        }
        if let Some(ag) = signoff(p) {
            t.agency = t.agency.or(ag);
        } else if CREDIT_RE.is_match(p) || DESK_CODE_RE.is_match(p) && p.contains('(') {
            credits_back.push(p.to_string());
        } else if !(DESK_CODE_RE.is_match(p) || CURRENCY_RE.is_match(p) || is_rule(p)) {
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
pub fn signoff(line: &str) -> Option<Option<&'static str>> {
    let c = SIGNOFF_RE.captures(line.trim())?;
    Some(if c.name("reuter").is_some() {
        Some("Reuters")
    } else {
        c.name("ag").and_then(|a| agency::canonical(a.as_str()))
    })
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
    let t = p.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '=' | '*'))
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
}
