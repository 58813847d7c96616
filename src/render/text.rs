//! A compact human view of one article for the terminal (`wirecopy -f text`).
//!
//! What is shown, top to bottom; a part the record does not have is left out, line and
//! all:
//!
//! ```text
//! == fixtures/oslo.txt · id "a7"                   file as named, jsonl id as JSON (dim)
//! Ferry operator cuts winter routes                headline (bold)
//!   Fuel costs bite on the coast                   subheadline (dim)
//! Oslo, NO · March 3, 2024 · Reuters               dateline: place, country, date, agency
//! By Ingrid Solberg                                byline
//!
//! The lede, as one paragraph (not wrapped: the terminal wraps it).
//!
//! Quotes (3, 1 speaker, 1 unattributed)
//!   Lars Eikeland — chief executive (1 direct, 1 indirect)
//!     direct    told reporters  “We cannot keep boats sailing half empty,”
//!     indirect  said            it would review the routes.
//!   (unattributed)
//!     partial   –               “larger than expected”
//!
//! Countries: Norway (NO) 2× [dateline], Sweden (SE) 1×
//!
//! Warnings:
//!   ! not valid UTF-8 …: decoded as Windows-1252
//! ```
//!
//! How: speakers are grouped in the order of their first quote, quotes without a speaker
//! come last under "(unattributed)"; a speaker's title is taken from the record's
//! `speakers`. Dates print the parts that were written ("April 29", "April 2019", "2019",
//! "day 29"). Every piece of input text has its runs of whitespace (hard wraps included)
//! folded to one space and then goes through [`super::terminal_safe`], so input can never
//! emit an escape sequence, with or without colour; a quote longer than [`QUOTE_CAP`]
//! characters is cut with "…" (between words when it can). Colour is ANSI SGR (bold headline, dim meta, cyan
//! speakers, yellow kinds, red warnings) and only when asked: without it the output holds
//! no escape byte at all.

use crate::Article;
use crate::record::{Date, Dateline, Quote, QuoteKind};
use std::collections::HashMap;
use std::fmt::Write;

/// Longest quote shown in full, in characters; a longer one is cut with "…".
pub const QUOTE_CAP: usize = 300;

/// Most characters given up to cut a long quote between words rather than inside one.
const WORD_BACKOFF: usize = 30;

/// Widest cue the cue column is padded to, in characters; longer cues overflow it.
const CUE_COLUMN_CAP: usize = 24;

/// SGR parameters of each part.
const BOLD: &str = "1";
const DIM: &str = "2";
const SPEAKER: &str = "1;36";
const KIND: &str = "33";
const WARNING: &str = "31";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Renders one article; `color` adds ANSI colours. Input text never reaches the terminal
/// unescaped (see [`super::terminal_safe`]). The result ends with a newline.
pub fn article(a: &Article, color: bool) -> String {
    let mut sections = vec![header(a, color)];
    if let Some(lede) = a.lede.as_deref().map(|l| clean(l, None))
        && !lede.is_empty()
    {
        sections.push(format!("{lede}\n"));
    }
    if !a.quotes.is_empty() {
        sections.push(quotes(a, color));
    }
    if !a.countries.is_empty() {
        sections.push(countries(a));
    }
    if !a.warnings.is_empty() {
        let mut s = "Warnings:\n".to_string();
        for w in &a.warnings {
            let _ = writeln!(
                s,
                "  {}",
                paint(color, WARNING, &format!("! {}", clean(w, None)))
            );
        }
        sections.push(s);
    }
    sections.join("\n")
}

/// File and id, headline, subheadline, dateline and byline: one line each.
fn header(a: &Article, color: bool) -> String {
    let mut out = String::new();
    let mut top = format!("== {}", clean(&a.file, None));
    if let Some(id) = &a.id {
        let _ = write!(top, " · id {}", clean(&id.to_string(), None));
    }
    let _ = writeln!(out, "{}", paint(color, DIM, &top));
    if let Some(h) = nonempty(a.headline.as_deref()) {
        let _ = writeln!(out, "{}", paint(color, BOLD, &h));
    }
    if let Some(s) = nonempty(a.subheadline.as_deref()) {
        let _ = writeln!(out, "  {}", paint(color, DIM, &s));
    }
    if let Some(d) = a.dateline.as_ref().and_then(dateline) {
        let _ = writeln!(out, "{}", paint(color, DIM, &d));
    }
    if let Some(b) = nonempty(a.byline.as_deref()) {
        let _ = writeln!(out, "By {b}");
    }
    out
}

/// The dateline line: "Moscow, RU · April 29 · TASS", parts that are missing left out;
/// the dateline as written when none of its parts was read; `None` when it is empty.
fn dateline(d: &Dateline) -> Option<String> {
    let place = [d.city.as_deref(), d.country.as_deref()]
        .into_iter()
        .filter_map(nonempty)
        .collect::<Vec<_>>()
        .join(", ");
    let parts: Vec<String> = [
        Some(place).filter(|p| !p.is_empty()),
        d.date.as_ref().and_then(date),
        nonempty(d.agency.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        nonempty(Some(&d.text))
    } else {
        Some(parts.join(" · "))
    }
}

/// A date as far as it was written: "April 29, 2019", "April 29", "April 2019", "April",
/// "2019", "day 29", "2019, day 29"; `None` when no part was written.
pub fn date(d: &Date) -> Option<String> {
    let month = d
        .month
        .map(|m| match MONTHS.get(usize::from(m).wrapping_sub(1)) {
            Some(name) => (*name).to_string(),
            None => format!("month {m}"),
        });
    Some(match (month, d.day, d.year) {
        (Some(m), Some(day), Some(y)) => format!("{m} {day}, {y}"),
        (Some(m), Some(day), None) => format!("{m} {day}"),
        (Some(m), None, Some(y)) => format!("{m} {y}"),
        (Some(m), None, None) => m,
        (None, Some(day), Some(y)) => format!("{y}, day {day}"),
        (None, Some(day), None) => format!("day {day}"),
        (None, None, Some(y)) => y.to_string(),
        (None, None, None) => return None,
    })
}

/// One speaker's quotes (or the unattributed ones: `name` is `None`), as indices into
/// the article's quotes.
struct Group<'a> {
    name: Option<&'a str>,
    quotes: Vec<usize>,
}

/// Groups quotes by speaker in the order of each speaker's first quote; the quotes without
/// a speaker form the last group.
fn groups(quotes: &[Quote]) -> Vec<Group<'_>> {
    let mut named: Vec<Group> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut anonymous = Group {
        name: None,
        quotes: Vec::new(),
    };
    for (i, q) in quotes.iter().enumerate() {
        match q.speaker.as_deref() {
            None => anonymous.quotes.push(i),
            Some(name) => match index.get(name) {
                Some(&g) => named[g].quotes.push(i),
                None => {
                    index.insert(name, named.len());
                    named.push(Group {
                        name: Some(name),
                        quotes: vec![i],
                    });
                }
            },
        }
    }
    if !anonymous.quotes.is_empty() {
        named.push(anonymous);
    }
    named
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// "6 direct, 2 partial, 3 indirect", kinds without quotes left out.
fn kind_counts<'a>(quotes: impl Iterator<Item = &'a Quote> + Clone) -> String {
    [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect]
        .into_iter()
        .filter_map(|k| {
            let n = quotes.clone().filter(|q| q.kind == k).count();
            (n > 0).then(|| format!("{n} {}", kind_name(k)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The quotes section: a heading, then each group with its quotes.
fn quotes(a: &Article, color: bool) -> String {
    let groups = groups(&a.quotes);
    let speakers = groups.iter().filter(|g| g.name.is_some()).count();
    let unattributed = a.quotes.iter().filter(|q| q.speaker.is_none()).count();
    let mut heading = format!(
        "Quotes ({}, {}",
        a.quotes.len(),
        plural(speakers, "speaker", "speakers")
    );
    if unattributed > 0 {
        let _ = write!(heading, ", {unattributed} unattributed");
    }
    heading.push(')');

    let cues: Vec<String> = a
        .quotes
        .iter()
        .map(|q| nonempty(q.cue.as_deref()).unwrap_or_else(|| "–".to_string()))
        .collect();
    let cue_width = cues
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0)
        .min(CUE_COLUMN_CAP);

    let mut out = format!("{heading}\n");
    for g in &groups {
        let label = match g.name {
            Some(name) => {
                let mut label = paint(color, SPEAKER, &clean(name, None));
                let title = a
                    .speakers
                    .iter()
                    .find(|s| s.name == name)
                    .and_then(|s| nonempty(s.title.as_deref()));
                if let Some(t) = title {
                    let _ = write!(label, " — {t}");
                }
                label
            }
            None => paint(color, DIM, "(unattributed)"),
        };
        let members = g.quotes.iter().filter_map(|&i| a.quotes.get(i));
        let _ = writeln!(out, "  {label} ({})", kind_counts(members.clone()));
        for (&i, q) in g.quotes.iter().zip(members) {
            let cue = cues.get(i).map_or("–", String::as_str);
            let text = clean(&q.text, Some(QUOTE_CAP));
            let text = match q.kind {
                QuoteKind::Indirect => text,
                QuoteKind::Direct | QuoteKind::Partial => format!("“{text}”"),
            };
            let _ = writeln!(
                out,
                "    {}  {cue:<cue_width$}  {text}",
                paint(color, KIND, &format!("{:<8}", kind_name(q.kind))),
            );
        }
    }
    out
}

/// "Countries: Russia (RU) 11× [dateline], India (IN) 1×".
fn countries(a: &Article) -> String {
    let list: Vec<String> = a
        .countries
        .iter()
        .map(|c| {
            let mut s = format!(
                "{} ({}) {}×",
                clean(&c.name, None),
                clean(&c.code, None),
                c.mentions
            );
            if c.dateline {
                s.push_str(" [dateline]");
            }
            s
        })
        .collect();
    format!("Countries: {}\n", list.join(", "))
}

/// The text cleaned for a line of output, or `None` when there is nothing to show.
fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(|s| clean(s, None)).filter(|s| !s.is_empty())
}

/// Input text made fit for one line of the terminal: runs of whitespace (line breaks and
/// tabs included) folded to one space, cut to `cap` characters with "…", then made
/// [`terminal_safe`](super::terminal_safe).
fn clean(s: &str, cap: Option<usize>) -> String {
    let mut flat = crate::words::one_spaced(s);
    if let Some(cap) = cap
        && flat.chars().count() > cap
    {
        let keep = cap.saturating_sub(1);
        let mut cut = flat.char_indices().nth(keep).map_or(flat.len(), |(i, _)| i);
        // in the middle of a word: cut before it, unless the word is very long
        if !flat[cut..].starts_with(' ')
            && let Some(space) = flat[..cut].rfind(' ')
            && flat[space..cut].chars().count() <= WORD_BACKOFF
        {
            cut = space;
        }
        flat.truncate(cut);
        flat.truncate(flat.trim_end().len());
        flat.push('…');
    }
    super::terminal_safe(&flat)
}

/// `s` in the SGR style `sgr` when colour is on; as it is otherwise.
fn paint(color: bool, sgr: &str, s: &str) -> String {
    if color && !s.is_empty() {
        format!("\x1b[{sgr}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Country, Speaker};

    fn quote(text: &str, kind: QuoteKind, speaker: Option<&str>, cue: Option<&str>) -> Quote {
        Quote {
            text: text.into(),
            kind,
            speaker: speaker.map(Into::into),
            mention: None,
            cue: cue.map(Into::into),
            start: 0,
            end: 0,
            paragraph: 0,
        }
    }

    /// An invented article with every part filled in.
    fn full() -> Article {
        Article {
            file: "desk/harbour.txt".into(),
            id: Some(serde_json::json!("a7")),
            headline: Some("Harbour pilots end strike after pay deal".into()),
            subheadline: Some("Ships queue outside the port for a third day".into()),
            byline: Some("Jane Doe".into()),
            dateline: Some(Dateline {
                text: "OSLO, March 3 (Reuters) -".into(),
                city: Some("Oslo".into()),
                country: Some("NO".into()),
                date: Some(Date {
                    year: None,
                    month: Some(3),
                    day: Some(3),
                }),
                agency: Some("Reuters".into()),
            }),
            lede: Some("Harbour pilots ended a\nweek-long strike on Tuesday.".into()),
            quotes: vec![
                quote(
                    "We are back at work tomorrow,",
                    QuoteKind::Direct,
                    Some("Kari Berg"),
                    Some("told reporters"),
                ),
                quote(
                    "the deal was fair",
                    QuoteKind::Indirect,
                    Some("Ola Lunde"),
                    Some("said"),
                ),
                quote("too little, too late", QuoteKind::Partial, None, None),
                quote(
                    "the ships would sail by noon.",
                    QuoteKind::Indirect,
                    Some("Kari Berg"),
                    Some("said"),
                ),
            ],
            speakers: vec![
                Speaker {
                    name: "Kari Berg".into(),
                    title: Some("union leader".into()),
                    aliases: vec![],
                    quotes: 2,
                },
                Speaker {
                    name: "Ola Lunde".into(),
                    title: None,
                    aliases: vec![],
                    quotes: 1,
                },
            ],
            countries: vec![
                Country {
                    code: "NO".into(),
                    name: "Norway".into(),
                    mentions: 3,
                    forms: vec![],
                    spans: vec![],
                    dateline: true,
                },
                Country {
                    code: "SE".into(),
                    name: "Sweden".into(),
                    mentions: 1,
                    forms: vec![],
                    spans: vec![],
                    dateline: false,
                },
            ],
            warnings: vec!["decoded as Windows-1252".into()],
            ..Article::default()
        }
    }

    /// Every ESC in `out` opens one of the renderer's own SGR sequences.
    fn only_own_sgr(out: &str) -> bool {
        let own = [
            "\x1b[0m",
            "\x1b[1m",
            "\x1b[2m",
            "\x1b[1;36m",
            "\x1b[33m",
            "\x1b[31m",
        ];
        out.match_indices('\x1b')
            .all(|(i, _)| own.iter().any(|s| out[i..].starts_with(s)))
    }

    #[test]
    fn full_article_layout() {
        let want = "\
== desk/harbour.txt · id \"a7\"
Harbour pilots end strike after pay deal
  Ships queue outside the port for a third day
Oslo, NO · March 3 · Reuters
By Jane Doe

Harbour pilots ended a week-long strike on Tuesday.

Quotes (4, 2 speakers, 1 unattributed)
  Kari Berg — union leader (1 direct, 1 indirect)
    direct    told reporters  “We are back at work tomorrow,”
    indirect  said            the ships would sail by noon.
  Ola Lunde (1 indirect)
    indirect  said            the deal was fair
  (unattributed) (1 partial)
    partial   –               “too little, too late”

Countries: Norway (NO) 3× [dateline], Sweden (SE) 1×

Warnings:
  ! decoded as Windows-1252
";
        assert_eq!(article(&full(), false), want);
    }

    #[test]
    fn escape_bytes_only_with_colour() {
        let cases = [(full(), false), (full(), true), (Article::default(), false)];
        for (a, color) in cases {
            let out = article(&a, color);
            assert_eq!(out.contains('\x1b'), color, "color {color}: {out:?}");
            assert!(only_own_sgr(&out), "{out:?}");
            assert!(out.ends_with('\n'));
        }
        let colored = article(&full(), true);
        assert!(colored.contains("\x1b[1mHarbour pilots end strike after pay deal\x1b[0m"));
        assert!(colored.contains("\x1b[1;36mKari Berg\x1b[0m"));
        assert!(colored.contains("\x1b[33mdirect  \x1b[0m"));
    }

    #[test]
    fn input_escapes_are_shown_escaped_even_with_colour() {
        let hostile = "Boom\x1b[2J\x1b]2;owned\x07 \u{202E}gnp.exe\u{9b}31m";
        let mut a = full();
        a.file = hostile.into();
        a.headline = Some(hostile.into());
        a.subheadline = Some(hostile.into());
        a.byline = Some(hostile.into());
        a.lede = Some(hostile.into());
        a.quotes[0].text = hostile.into();
        a.quotes[0].cue = Some(hostile.into());
        a.quotes[2].speaker = Some(hostile.into());
        a.speakers[0].title = Some(hostile.into());
        a.countries[0].name = hostile.into();
        a.warnings = vec![hostile.into()];
        if let Some(d) = a.dateline.as_mut() {
            d.city = Some(hostile.into());
            d.agency = Some(hostile.into());
        }
        a.id = Some(serde_json::json!(hostile));
        for color in [false, true] {
            let out = article(&a, color);
            assert!(only_own_sgr(&out), "color {color}: {out:?}");
            for raw in ['\u{7}', '\u{202E}', '\u{9b}'] {
                assert!(!out.contains(raw), "color {color}: raw {raw:?} in {out:?}");
            }
            // headline, subheadline, byline, lede, quote, cue, speaker, title, country,
            // warning, city and agency all show it escaped (file and id: escaped by JSON
            // or by us)
            assert!(out.matches("\\u{202e}gnp.exe").count() >= 12, "{out}");
            assert!(out.contains("Boom\\u{1b}[2J"), "{out}");
        }
    }

    #[test]
    fn quotes_are_grouped_by_speaker_in_order_of_first_quote() {
        let a = full();
        let got: Vec<(Option<&str>, Vec<&str>)> = groups(&a.quotes)
            .iter()
            .map(|g| {
                let texts = g.quotes.iter().map(|&i| a.quotes[i].text.as_str());
                (g.name, texts.collect())
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Kari Berg"),
                    vec![
                        "We are back at work tomorrow,",
                        "the ships would sail by noon."
                    ]
                ),
                (Some("Ola Lunde"), vec!["the deal was fair"]),
                (None, vec!["too little, too late"]),
            ]
        );
        // unattributed quotes come last even when they come first in the text
        let q = vec![
            quote("first", QuoteKind::Direct, None, None),
            quote("second", QuoteKind::Direct, Some("B"), None),
        ];
        let names: Vec<Option<&str>> = groups(&q).iter().map(|g| g.name).collect();
        assert_eq!(names, [Some("B"), None]);
    }

    #[test]
    fn missing_parts_are_left_out() {
        let bare = Article {
            file: "x.txt".into(),
            ..Article::default()
        };
        assert_eq!(article(&bare, false), "== x.txt\n");
        assert_eq!(article(&bare, true), "\x1b[2m== x.txt\x1b[0m\n");

        let mut a = full();
        a.id = None;
        a.subheadline = None;
        a.byline = Some("  ".into());
        a.dateline = None;
        a.quotes.clear();
        a.countries.clear();
        a.warnings.clear();
        assert_eq!(
            article(&a, false),
            "== desk/harbour.txt\nHarbour pilots end strike after pay deal\n\n\
             Harbour pilots ended a week-long strike on Tuesday.\n"
        );
    }

    #[test]
    fn dateline_line() {
        let d = |city: Option<&str>, country: Option<&str>, date: Option<Date>, agency| Dateline {
            text: "UNITED NATIONS (AP) —".into(),
            city: city.map(Into::into),
            country: country.map(Into::into),
            date,
            agency,
        };
        let day = Some(Date {
            year: Some(2019),
            month: Some(4),
            day: Some(29),
        });
        let cases = [
            (
                d(Some("Moscow"), Some("RU"), day, Some("TASS".into())),
                Some("Moscow, RU · April 29, 2019 · TASS"),
            ),
            (d(Some("Moscow"), None, None, None), Some("Moscow")),
            (d(None, Some("US"), None, None), Some("US")),
            (
                d(Some("United Nations"), None, None, Some("AP".into())),
                Some("United Nations · AP"),
            ),
            (d(None, None, day, None), Some("April 29, 2019")),
            (d(None, None, None, None), Some("UNITED NATIONS (AP) —")),
        ];
        for (dl, want) in cases {
            assert_eq!(dateline(&dl).as_deref(), want, "{dl:?}");
        }
        let mut empty = d(None, None, None, None);
        empty.text = String::new();
        assert_eq!(dateline(&empty), None);
    }

    #[test]
    fn partial_dates() {
        let cases = [
            ((Some(2019), Some(4), Some(29)), Some("April 29, 2019")),
            ((None, Some(4), Some(29)), Some("April 29")),
            ((Some(1987), Some(2), None), Some("February 1987")),
            ((None, Some(12), None), Some("December")),
            ((Some(2019), None, None), Some("2019")),
            ((None, None, Some(3)), Some("day 3")),
            ((Some(2019), None, Some(3)), Some("2019, day 3")),
            ((None, Some(13), Some(1)), Some("month 13 1")),
            ((None, Some(0), None), Some("month 0")),
            ((None, None, None), None),
        ];
        for ((year, month, day), want) in cases {
            let d = Date { year, month, day };
            assert_eq!(date(&d).as_deref(), want, "{d:?}");
        }
    }

    #[test]
    fn text_is_folded_and_long_quotes_are_cut() {
        let long = "word ".repeat(100);
        let cases: [(&str, Option<usize>, String); 8] = [
            ("plain", None, "plain".into()),
            (
                "  hard\nwrapped\r\n\ttext ",
                None,
                "hard wrapped text".into(),
            ),
            ("abcdef", Some(6), "abcdef".into()),
            ("abcdefg", Some(6), "abcde…".into()),
            ("ünïcödé!", Some(4), "ünï…".into()),
            ("alpha betagamma", Some(12), "alpha…".into()),
            ("alpha beta gamma", Some(12), "alpha beta…".into()),
            (
                &long,
                Some(QUOTE_CAP),
                format!("{}…", "word ".repeat(60).trim_end()),
            ),
        ];
        for (input, cap, want) in cases {
            assert_eq!(clean(input, cap), want, "{input:?}");
        }
        assert!(clean(&long, Some(QUOTE_CAP)).chars().count() <= QUOTE_CAP);
    }
}
