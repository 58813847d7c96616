//! Bylines: the writer credit above a story.
//!
//! Method: line tests. A byline is "By NAME" (any case of "by"), optionally with a role
//! before the name ("by Xinhua writer Wang Wei", "by Sportswriter Gao Peng") and an
//! affiliation after a comma ("By Manuel Schwarz, dpa", "By Sam Lister, Press Association
//! Political Correspondent"), which is dropped. A bare name line ("Mia Rabson and Jordan
//! Press") counts only when the next line is an affiliation line ("The Canadian Press",
//! "Associated Press", "AP Sports Writer"); the affiliation also names an agency.
//!
//! The patterns run only on lines that could match: a line starting with "by" and a colon or
//! a space; an affiliation starting with an agency's name or "The".
//!
//! Known limits: names are checked by shape (capitalised words, "and", particles), not
//! against a list of names; a byline run into the headline line is not found.

use crate::agency;
use regex::Regex;
use std::sync::LazyLock;

static BY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^by[:\s]\s*
          (?:(?:xinhua|ap|afp|reuters|dpa|tass|upi|cnn|staff|senior|chief|special|foreign|sports?)\s+)*
          (?:sports\s*writer|writers?|correspondents?|reporters?|editors?|columnists?|analysts?)?\s*
          (?P<name>.+)$",
    )
    .expect("valid regex")
});

static AFFILIATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            (?:The\s+)?(?P<ag>Associated\s+Press|Canadian\s+Press|Press\s+Association|Reuters|AFP|Agence\s+France-Presse|Xinhua|dpa|Bloomberg(?:\s+News)?|Kyodo(?:\s+News)?)
            (?:\s+(?:[A-Z][a-z]+\s+)*(?:Writer|Correspondent|Editor|Reporter|Columnist|Analyst|Photographer)s?)?
          | (?P<ag2>AP|CP|AFP|UPI)\s+(?:[A-Z][a-z]+\s+)*(?:Writer|Correspondent|Editor|Reporter|Columnist|Analyst)s?
        )\.?$",
    )
    .expect("valid regex")
});

/// First words of [`AFFILIATION_RE`] after an optional "The" (case-sensitive, as the
/// pattern has them).
const AFFILIATION_STARTS: &[&str] = &[
    "Associated",
    "Canadian",
    "Press",
    "Reuters",
    "AFP",
    "Agence",
    "Xinhua",
    "dpa",
    "Bloomberg",
    "Kyodo",
    "AP",
    "CP",
    "UPI",
];

/// What [`AFFILIATION_RE`] ends with, before an optional dot: an agency's last word or a
/// title (maybe plural).
const AFFILIATION_ENDS: &[&str] = &[
    "Press",
    "Association",
    "Reuters",
    "AFP",
    "France-Presse",
    "Xinhua",
    "dpa",
    "Bloomberg",
    "News",
    "Kyodo",
    "Writer",
    "Correspondent",
    "Editor",
    "Reporter",
    "Columnist",
    "Analyst",
    "Photographer",
    "Writers",
    "Correspondents",
    "Editors",
    "Reporters",
    "Columnists",
    "Analysts",
    "Photographers",
];

/// Words allowed in lower case inside a name.
const PARTICLES: &[&str] = &[
    "and", "&", "de", "da", "das", "do", "dos", "del", "della", "der", "den", "van", "von", "bin",
    "binti", "al", "el", "la", "le", "du", "y", "e", "ibn", "ter", "ten", "st",
];

/// A byline read off a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The writer(s), without "By", role or affiliation.
    pub name: String,
    /// Agency named in the affiliation, if any.
    pub agency: Option<&'static str>,
}

/// Reads a "By …" line.
pub fn parse(line: &str) -> Option<Byline> {
    let t = line.trim();
    if !may_be_by_line(t) {
        return None;
    }
    let caps = BY_RE.captures(t)?;
    let rest = caps.name("name")?.as_str();
    let (name, affiliation) = match rest.find([',', '|']) {
        Some(i) => (&rest[..i], Some(rest[i + 1..].trim())),
        None => match rest.find(" - ") {
            Some(i) => (&rest[..i], Some(rest[i + 3..].trim())),
            None => (rest, None),
        },
    };
    let name = name.trim();
    if !is_name(name) {
        return None;
    }
    let agency = affiliation.and_then(|a| affiliation_agency(a).or_else(|| agency::canonical(a)));
    Some(Byline {
        name: name.to_string(),
        agency,
    })
}

/// Reads a bare name line followed by an affiliation line ("Mia Rabson and Jordan Press" /
/// "The Canadian Press").
pub fn parse_with_affiliation(line: &str, next: &str) -> Option<Byline> {
    let agency = affiliation_agency(next)?;
    let name = line.trim();
    is_name(name).then(|| Byline {
        name: name.to_string(),
        agency: Some(agency),
    })
}

/// The agency named by an affiliation line ("Associated Press", "AP Business Writer",
/// "The Canadian Press").
pub fn affiliation_agency(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if !may_be_affiliation(t) {
        return None;
    }
    let caps = AFFILIATION_RE.captures(t)?;
    let ag = caps.name("ag").or_else(|| caps.name("ag2"))?.as_str();
    let ag = ag.strip_suffix(" News").unwrap_or(ag);
    agency::canonical(&crate::words::one_spaced(ag))
}

/// Prefilter of [`BY_RE`] (`t` trimmed): "by" in any case (neither letter has a case
/// variant outside ASCII), then a colon or whitespace.
fn may_be_by_line(t: &str) -> bool {
    t.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && t[2..].starts_with(|c: char| c == ':' || c.is_whitespace())
}

/// Prefilter of [`AFFILIATION_RE`] (`t` trimmed): after an optional "The" and whitespace, one
/// of [`AFFILIATION_STARTS`] as a word (the pattern has whitespace, a dot or the end of the
/// line after each: "APPLE" is turned down), and at the end, maybe before a dot, one of
/// [`AFFILIATION_ENDS`] ("Reuters Holdings PLC said" is turned down).
fn may_be_affiliation(t: &str) -> bool {
    let after_the = match t.strip_prefix("The") {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => t,
    };
    let starts = AFFILIATION_STARTS.iter().any(|w| {
        after_the.strip_prefix(w).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| c == '.' || c.is_whitespace())
        })
    });
    let head = t.strip_suffix('.').unwrap_or(t);
    starts && AFFILIATION_ENDS.iter().any(|w| head.ends_with(w))
}

/// True when `s` has the shape of one or more person names.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 || s.chars().count() > 80 {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let first = w.chars().next().expect("non-empty word");
        if first.is_uppercase() {
            capitalised += 1;
            let ok = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
            if !ok {
                return false;
            }
        } else if !PARTICLES.contains(&w.to_lowercase().as_str()) {
            return false;
        }
    }
    capitalised >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_lines() {
        type Want<'a> = Option<(&'a str, Option<&'a str>)>;
        let cases: &[(&str, Want<'_>)] = &[
            ("By Jane Smith", Some(("Jane Smith", None))),
            (
                "By Jane Smith and Ali Khan",
                Some(("Jane Smith and Ali Khan", None)),
            ),
            (
                "By PAUL BYRNE and ALMUDENA CALATRAVA",
                Some(("PAUL BYRNE and ALMUDENA CALATRAVA", None)),
            ),
            ("by Xinhua writer Wang Wei", Some(("Wang Wei", None))),
            ("by Sportswriter Gao Peng", Some(("Gao Peng", None))),
            (
                "By Manuel Schwarz, dpa",
                Some(("Manuel Schwarz", Some("dpa"))),
            ),
            (
                "By Tom Krasovic, The San Diego Union-Tribune",
                Some(("Tom Krasovic", None)),
            ),
            (
                "By Sam Lister, Press Association Political Correspondent",
                Some(("Sam Lister", Some("PA"))),
            ),
            ("by Bojan Kavcic", Some(("Bojan Kavcic", None))),
            ("BY JOSEPH AX", Some(("JOSEPH AX", None))),
            ("By Joseph Ax", Some(("Joseph Ax", None))),
            ("By the time police arrived, the house was empty.", None),
            ("By 2030 the plant will close", None),
            ("Byron Smith", None),
            ("By far the largest", None),
        ];
        for (line, want) in cases {
            let got = parse(line);
            let got = got.as_ref().map(|b| (b.name.as_str(), b.agency));
            assert_eq!(got, *want, "{line:?}");
        }
    }

    #[test]
    fn affiliations() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Associated Press", Some("AP")),
            ("AP Business Writer", Some("AP")),
            ("AP Sports Writer", Some("AP")),
            ("The Canadian Press", Some("CP")),
            ("Reuters", Some("Reuters")),
            ("Associated Press Writer", Some("AP")),
            ("Bloomberg News", Some("Bloomberg")),
            ("The President", None),
            ("Shares fell", None),
        ];
        for (line, want) in cases {
            assert_eq!(affiliation_agency(line), *want, "{line:?}");
        }
    }

    #[test]
    fn bare_names_need_an_affiliation() {
        let b = parse_with_affiliation("Mia Rabson and Jordan Press", "The Canadian Press");
        assert_eq!(
            b.map(|b| (b.name, b.agency)),
            Some(("Mia Rabson and Jordan Press".to_string(), Some("CP")))
        );
        assert_eq!(parse_with_affiliation("Mia Rabson", "Ottawa bureau"), None);
        assert_eq!(
            parse_with_affiliation("The storm hit the coast.", "Associated Press"),
            None
        );
    }

    proptest::proptest! {
        #[test]
        fn affiliation_prefilter_passes_what_the_pattern_matches(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The", "Associated", "Press", "Canadian", "Association", "Reuters", "AFP",
                    "Agence", "France-Presse", "Xinhua", "dpa", "Bloomberg", "News", "Kyodo",
                    "AP", "CP", "UPI", "Business", "Writer", "Writers", "Correspondent", "Editors",
                    "Photographer", "APPLE", "Reutersville", "Holdings", " ", "\u{A0}", ".",
                    "x", "",
                ]),
                1..6,
            ),
            sep in proptest::sample::select(vec![" ", "", "\t", "\u{A0}"]),
        ) {
            let t = words.join(sep);
            let t = t.trim();
            if AFFILIATION_RE.is_match(t) {
                proptest::prop_assert!(may_be_affiliation(t), "{:?}", t);
            }
        }
    }

    #[test]
    fn prefilters_pass_what_the_patterns_match() {
        let by_lines = [
            "By Jane Smith",
            "BY: JANE SMITH",
            "by\u{A0}Wang Wei",
            "by\tGao Peng",
            "bY x",
        ];
        for t in by_lines {
            assert!(BY_RE.is_match(t), "{t:?}");
            assert!(may_be_by_line(t), "{t:?}");
        }
        for t in ["Byron Smith", "B", "", "Bý x", "Standing by"] {
            assert!(!BY_RE.is_match(t) && !may_be_by_line(t), "{t:?}");
        }
        let affiliations = [
            "Associated Press",
            "The Associated Press",
            "The\u{A0}\tCanadian Press",
            "Press Association Political Correspondent",
            "Reuters",
            "AFP",
            "Agence France-Presse",
            "Xinhua",
            "dpa",
            "Bloomberg News",
            "Kyodo News",
            "AP Business Writer",
            "CP Reporter",
            "UPI Correspondents.",
            "Reuters.",
            "AFP.",
            "Reuters Correspondent",
            "The Associated Press Chief Photographers.",
        ];
        for t in affiliations {
            assert!(AFFILIATION_RE.is_match(t), "{t:?}");
            assert!(may_be_affiliation(t), "{t:?}");
        }
        for t in [
            "The President",
            "Shares fell",
            "Theodore",
            "the Associated Press",
            "APPLE COMPUTER",
            "AFPX",
            "Reutersville",
            "CPC Writer",
            "Reuters Holdings PLC said it completed the sale",
            "Reuters..",
        ] {
            assert!(
                !AFFILIATION_RE.is_match(t) && !may_be_affiliation(t),
                "{t:?}"
            );
        }
    }
}
