//! Corpus summaries for `wirecopy stats`: how many articles, quotes of each kind, quotes
//! per article, articles without a dateline, quotes or agency, and the agencies, speakers
//! and countries that come up most.
//!
//! How: a [`Summary`] keeps running totals; [`Summary::add`] counts one record and drops
//! it, so memory grows only with the number of distinct agencies, speakers and countries
//! (and distinct quote counts: quotes per article are kept as a histogram, from which the
//! median is read). [`Summary::report`] sorts the tallies into a [`Report`], which
//! serializes to JSON (`--json`) or prints as a table ([`Report::table`]). Rankings break
//! ties by a second count and then by name (in code-point order, so "Zoe" before "ann"),
//! so the report does not depend on the order in which articles were added.
//!
//! Speakers are counted by the resolved `speaker` of each quote (quotes without one are
//! not a speaker's); a country counts once per article that refers to it, plus all its
//! mentions; agencies are the dateline's.

use crate::Article;
use crate::record::QuoteKind;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// Running totals over a corpus; add records in any order.
#[derive(Debug, Default)]
pub struct Summary {
    articles: u64,
    failed: u64,
    quotes: QuoteCounts,
    /// Number of articles by number of quotes.
    quotes_histogram: BTreeMap<u64, u64>,
    without_dateline: u64,
    without_quotes: u64,
    without_agency: u64,
    /// Articles by agency.
    agencies: HashMap<String, u64>,
    speakers: HashMap<String, SpeakerTally>,
    /// By country code.
    countries: HashMap<String, CountryTally>,
}

#[derive(Debug, Default)]
struct SpeakerTally {
    quotes: u64,
    articles: u64,
}

#[derive(Debug, Default)]
struct CountryTally {
    /// The smallest name met for the code (they agree; the choice keeps the report
    /// independent of the order of articles if they ever do not).
    name: String,
    articles: u64,
    mentions: u64,
}

/// What `wirecopy stats --json` prints.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Articles analysed.
    pub articles: u64,
    /// Inputs that could not be analysed (unreadable, empty, binary, too large, …).
    pub failed: u64,
    /// Analysed articles without a dateline.
    pub without_dateline: u64,
    /// Analysed articles without any quote.
    pub without_quotes: u64,
    /// Analysed articles whose dateline names no agency (or that have no dateline); they
    /// are not in `agencies`.
    pub without_agency: u64,
    /// Quotes in all analysed articles, by kind.
    pub quotes: QuoteCounts,
    /// Quotes per analysed article; all zero when no article was analysed.
    pub quotes_per_article: PerArticle,
    /// Number of different agencies (`agencies` lists the top ones).
    pub distinct_agencies: u64,
    /// The agencies with most articles, most first; ties by name.
    pub agencies: Vec<AgencyCount>,
    /// Number of different speakers (`speakers` lists the top ones).
    pub distinct_speakers: u64,
    /// The speakers with most quotes, most first; ties by the number of articles (more
    /// first), then by name.
    pub speakers: Vec<SpeakerCount>,
    /// Number of different countries (`countries` lists the top ones).
    pub distinct_countries: u64,
    /// The countries referred to by most articles, most first; ties by mentions (more
    /// first), then by name, then by code.
    pub countries: Vec<CountryCount>,
}

/// Quotes by kind.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct QuoteCounts {
    /// All quotes: `direct + partial + indirect`.
    pub total: u64,
    /// Quotes of kind `direct`.
    pub direct: u64,
    /// Quotes of kind `partial`.
    pub partial: u64,
    /// Quotes of kind `indirect`.
    pub indirect: u64,
}

/// Quotes per article.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct PerArticle {
    /// Arithmetic mean; 0 when there is no article.
    pub mean: f64,
    /// Median; the mean of the two middle counts when the number of articles is even; 0
    /// when there is no article.
    pub median: f64,
    /// Most quotes in one article; 0 when there is no article.
    pub max: u64,
}

/// An agency and the articles whose dateline names it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyCount {
    /// Canonical agency name, as in `dateline.agency`.
    pub name: String,
    /// Articles with this agency.
    pub articles: u64,
}

/// A speaker and how much they are quoted.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerCount {
    /// The speaker as resolved in `quotes[].speaker`.
    pub name: String,
    /// Quotes attributed to the speaker, in all articles.
    pub quotes: u64,
    /// Articles in which the speaker is quoted at least once.
    pub articles: u64,
}

/// A country and how often it comes up.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CountryCount {
    /// ISO 3166 code, as in `countries[].code`.
    pub code: String,
    /// The country's name, as in `countries[].name`.
    pub name: String,
    /// Articles that refer to the country.
    pub articles: u64,
    /// Mentions of the country in all articles (sum of `countries[].mentions`).
    pub mentions: u64,
}

impl Summary {
    /// Counts one analysed article.
    pub fn add(&mut self, a: &Article) {
        self.articles += 1;

        let n = a.quotes.len() as u64;
        *self.quotes_histogram.entry(n).or_default() += 1;
        self.quotes.total += n;
        for q in &a.quotes {
            match q.kind {
                QuoteKind::Direct => self.quotes.direct += 1,
                QuoteKind::Partial => self.quotes.partial += 1,
                QuoteKind::Indirect => self.quotes.indirect += 1,
            }
        }
        if n == 0 {
            self.without_quotes += 1;
        }

        if a.dateline.is_none() {
            self.without_dateline += 1;
        }
        match a.dateline.as_ref().and_then(|d| d.agency.as_deref()) {
            Some(agency) => *self.agencies.entry(agency.to_string()).or_default() += 1,
            None => self.without_agency += 1,
        }

        let mut quoted: HashSet<&str> = HashSet::new();
        for name in a.quotes.iter().filter_map(|q| q.speaker.as_deref()) {
            let first_here = u64::from(quoted.insert(name));
            match self.speakers.get_mut(name) {
                Some(t) => {
                    t.quotes += 1;
                    t.articles += first_here;
                }
                None => {
                    let t = SpeakerTally {
                        quotes: 1,
                        articles: first_here,
                    };
                    self.speakers.insert(name.to_string(), t);
                }
            }
        }

        let mut referred: HashSet<&str> = HashSet::new();
        for c in &a.countries {
            let tally = self.countries.entry(c.code.clone()).or_default();
            if tally.name.is_empty() || c.name < tally.name {
                tally.name.clone_from(&c.name);
            }
            tally.mentions += c.mentions as u64;
            if referred.insert(&c.code) {
                tally.articles += 1;
            }
        }
    }

    /// Counts one input that could not be analysed.
    pub fn add_failure(&mut self) {
        self.failed += 1;
    }

    /// The summary with the `top` most frequent speakers, countries and agencies.
    pub fn report(&self, top: usize) -> Report {
        let mut agencies: Vec<AgencyCount> = self
            .agencies
            .iter()
            .map(|(name, &articles)| AgencyCount {
                name: name.clone(),
                articles,
            })
            .collect();
        agencies.sort_by(|x, y| y.articles.cmp(&x.articles).then(x.name.cmp(&y.name)));
        agencies.truncate(top);

        let mut speakers: Vec<SpeakerCount> = self
            .speakers
            .iter()
            .map(|(name, t)| SpeakerCount {
                name: name.clone(),
                quotes: t.quotes,
                articles: t.articles,
            })
            .collect();
        speakers.sort_by(|x, y| {
            (y.quotes.cmp(&x.quotes))
                .then(y.articles.cmp(&x.articles))
                .then(x.name.cmp(&y.name))
        });
        speakers.truncate(top);

        let mut countries: Vec<CountryCount> = self
            .countries
            .iter()
            .map(|(code, t)| CountryCount {
                code: code.clone(),
                name: t.name.clone(),
                articles: t.articles,
                mentions: t.mentions,
            })
            .collect();
        countries.sort_by(|x, y| {
            (y.articles.cmp(&x.articles))
                .then(y.mentions.cmp(&x.mentions))
                .then(x.name.cmp(&y.name))
                .then(x.code.cmp(&y.code))
        });
        countries.truncate(top);

        Report {
            articles: self.articles,
            failed: self.failed,
            without_dateline: self.without_dateline,
            without_quotes: self.without_quotes,
            without_agency: self.without_agency,
            quotes: self.quotes,
            quotes_per_article: per_article(&self.quotes_histogram, self.quotes.total),
            distinct_agencies: self.agencies.len() as u64,
            agencies,
            distinct_speakers: self.speakers.len() as u64,
            speakers,
            distinct_countries: self.countries.len() as u64,
            countries,
        }
    }
}

/// Mean, median and maximum of the counts in `histogram` (count → how many times it
/// occurs), whose counts add up to `total`.
fn per_article(histogram: &BTreeMap<u64, u64>, total: u64) -> PerArticle {
    let n: u64 = histogram.values().sum();
    if n == 0 {
        return PerArticle::default();
    }
    // the values at 0-based positions (n - 1) / 2 and n / 2 of the sorted counts: the same
    // one when n is odd, the two middle ones when it is even
    let nth = |k: u64| {
        let mut seen = 0;
        for (&count, &times) in histogram {
            seen += times;
            if k < seen {
                return count;
            }
        }
        0
    };
    let (lo, hi) = (nth((n - 1) / 2), nth(n / 2));
    PerArticle {
        mean: total as f64 / n as f64,
        median: (lo as f64 + hi as f64) / 2.0,
        max: histogram.keys().next_back().copied().unwrap_or(0),
    }
}

/// Longest name shown in the table, in characters; a longer one is cut with "…".
const NAME_CAP: usize = 40;

impl Report {
    /// The summary as an aligned table for the terminal (input text made terminal-safe):
    /// sections with a heading, names on the left, numbers right-aligned under their
    /// column names.
    pub fn table(&self) -> String {
        let num = |n: u64| n.to_string();
        let dec = |x: f64| format!("{x:.2}");
        let mut out = String::new();
        section(
            &mut out,
            "Articles",
            &[],
            &[
                ("analysed".into(), vec![num(self.articles)]),
                ("failed".into(), vec![num(self.failed)]),
                ("without dateline".into(), vec![num(self.without_dateline)]),
                ("without quotes".into(), vec![num(self.without_quotes)]),
                ("without agency".into(), vec![num(self.without_agency)]),
            ],
        );
        let per = &self.quotes_per_article;
        section(
            &mut out,
            "Quotes",
            &[],
            &[
                ("total".into(), vec![num(self.quotes.total)]),
                ("direct".into(), vec![num(self.quotes.direct)]),
                ("partial".into(), vec![num(self.quotes.partial)]),
                ("indirect".into(), vec![num(self.quotes.indirect)]),
                ("per article: mean".into(), vec![dec(per.mean)]),
                ("per article: median".into(), vec![dec(per.median)]),
                ("per article: max".into(), vec![num(per.max)]),
            ],
        );
        let rows: Vec<_> = (self.agencies.iter())
            .map(|a| (cell(&a.name), vec![num(a.articles)]))
            .collect();
        let title = ranked("Agencies", rows.len(), self.distinct_agencies);
        section(&mut out, &title, &["articles"], &rows);
        let rows: Vec<_> = (self.speakers.iter())
            .map(|s| (cell(&s.name), vec![num(s.quotes), num(s.articles)]))
            .collect();
        let title = ranked("Speakers", rows.len(), self.distinct_speakers);
        section(&mut out, &title, &["quotes", "articles"], &rows);
        let rows: Vec<_> = (self.countries.iter())
            .map(|c| {
                let label = format!("{} ({})", cell(&c.name), cell(&c.code));
                (label, vec![num(c.articles), num(c.mentions)])
            })
            .collect();
        let title = ranked("Countries", rows.len(), self.distinct_countries);
        section(&mut out, &title, &["articles", "mentions"], &rows);
        out
    }
}

/// "Speakers (top 10 of 52)", or "Speakers (3)" when all are listed.
fn ranked(what: &str, shown: usize, distinct: u64) -> String {
    if (shown as u64) < distinct {
        format!("{what} (top {shown} of {distinct})")
    } else {
        format!("{what} ({distinct})")
    }
}

/// Appends one section: its heading (the title, then the column names right-aligned over
/// their numbers) and its rows, labels indented by two; the title and "(none)" when there
/// is no row. A
/// blank line separates it from the section before.
fn section(out: &mut String, title: &str, columns: &[&str], rows: &[(String, Vec<String>)]) {
    if !out.is_empty() {
        out.push('\n');
    }
    let width = |s: &str| s.chars().count();
    let label_width = rows
        .iter()
        .map(|(label, _)| 2 + width(label))
        .chain([width(title)])
        .max()
        .unwrap_or(0);
    let ncols = rows
        .iter()
        .map(|(_, v)| v.len())
        .chain([columns.len()])
        .max();
    let col_widths: Vec<usize> = (0..ncols.unwrap_or(0))
        .map(|i| {
            rows.iter()
                .filter_map(|(_, v)| v.get(i))
                .map(|s| width(s))
                .chain(columns.get(i).map(|c| width(c)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String, label: &str, cells: &[&str]| {
        let mut s = format!("{label:<label_width$}");
        for (cell, w) in cells.iter().zip(&col_widths) {
            let _ = write!(s, "  {cell:>w$}");
        }
        let _ = writeln!(out, "{}", s.trim_end());
    };
    if rows.is_empty() {
        let _ = writeln!(out, "{title}\n  (none)");
        return;
    }
    line(out, title, columns);
    for (label, cells) in rows {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        line(out, &format!("  {label}"), &cells);
    }
}

/// A name for a table cell: whitespace runs folded to one space, cut to [`NAME_CAP`]
/// characters with "…", made terminal-safe.
fn cell(s: &str) -> String {
    let mut flat = crate::words::one_spaced(s);
    if let Some((cut, _)) = flat.char_indices().nth(NAME_CAP) {
        let keep = flat
            .char_indices()
            .nth(NAME_CAP - 1)
            .map_or(cut, |(i, _)| i);
        flat.truncate(keep);
        flat.push('…');
    }
    crate::render::terminal_safe(&flat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Country, Dateline, Quote};

    fn quote(kind: QuoteKind, speaker: Option<&str>) -> Quote {
        Quote {
            text: "The talks went well.".into(),
            kind,
            speaker: speaker.map(Into::into),
            mention: None,
            cue: Some("said".into()),
            start: 0,
            end: 0,
            paragraph: 0,
        }
    }

    fn country(code: &str, name: &str, mentions: usize) -> Country {
        Country {
            code: code.into(),
            name: name.into(),
            mentions,
            forms: vec![],
            spans: vec![],
            dateline: false,
        }
    }

    /// An article with a dateline of `agency` (no dateline when `None`, a dateline without
    /// agency when `Some("")`), quotes as (kind, speaker) and countries.
    fn art(
        agency: Option<&str>,
        quotes: &[(QuoteKind, Option<&str>)],
        countries: &[(&str, &str, usize)],
    ) -> Article {
        Article {
            dateline: agency.map(|ag| Dateline {
                text: "PARIS (X) -".into(),
                city: Some("Paris".into()),
                country: Some("FR".into()),
                date: None,
                agency: (!ag.is_empty()).then(|| ag.to_string()),
            }),
            quotes: quotes.iter().map(|&(k, s)| quote(k, s)).collect(),
            countries: countries
                .iter()
                .map(|&(c, n, m)| country(c, n, m))
                .collect(),
            ..Article::default()
        }
    }

    fn summary(articles: &[Article], failures: u64) -> Summary {
        let mut s = Summary::default();
        for a in articles {
            s.add(a);
        }
        for _ in 0..failures {
            s.add_failure();
        }
        s
    }

    use QuoteKind::{Direct as D, Indirect as I, Partial as P};

    #[test]
    fn empty_corpus_gives_zeros() {
        let r = Summary::default().report(10);
        assert_eq!(r.articles, 0);
        assert_eq!(r.quotes, QuoteCounts::default());
        assert_eq!(r.quotes_per_article, PerArticle::default());
        assert!(r.agencies.is_empty() && r.speakers.is_empty() && r.countries.is_empty());
        let json = serde_json::to_value(&r).expect("report serializes");
        assert_eq!(json["quotes_per_article"]["mean"], 0.0);
        assert_eq!(json["quotes_per_article"]["median"], 0.0);
        let table = r.table();
        assert!(!table.contains("NaN"), "{table}");
        assert!(table.contains("Speakers (0)\n  (none)\n"), "{table}");

        // failures only: still no NaN
        let r = summary(&[], 2).report(10);
        assert_eq!((r.articles, r.failed), (0, 2));
        assert_eq!(r.quotes_per_article.mean, 0.0);
    }

    #[test]
    fn quotes_per_article_median_and_mean() {
        let cases: [(&[usize], f64, f64, u64); 7] = [
            (&[0], 0.0, 0.0, 0),
            (&[3], 3.0, 3.0, 3),
            (&[1, 4], 2.5, 2.5, 4),
            (&[5, 0, 1], 1.0, 2.0, 5),
            (&[2, 2, 9, 0], 2.0, 3.25, 9),
            (&[7, 1, 1, 1, 100], 1.0, 22.0, 100),
            (&[0, 0, 3, 3], 1.5, 1.5, 3),
        ];
        for (counts, median, mean, max) in cases {
            let articles: Vec<Article> = counts
                .iter()
                .map(|&n| art(None, &vec![(D, None); n], &[]))
                .collect();
            let r = summary(&articles, 0).report(10);
            assert_eq!(r.quotes_per_article.median, median, "{counts:?}");
            assert_eq!(r.quotes_per_article.mean, mean, "{counts:?}");
            assert_eq!(r.quotes_per_article.max, max, "{counts:?}");
            let zero = counts.iter().filter(|&&n| n == 0).count() as u64;
            assert_eq!(r.without_quotes, zero, "{counts:?}");
        }
    }

    #[test]
    fn counts_by_kind_dateline_and_agency() {
        let articles = [
            art(Some("Reuters"), &[(D, Some("Ann")), (P, None)], &[]),
            art(Some(""), &[(I, Some("Ann")), (I, Some("Bo"))], &[]),
            art(None, &[], &[]),
            art(Some("AP"), &[(D, Some("Bo"))], &[]),
            art(Some("Reuters"), &[], &[]),
        ];
        let r = summary(&articles, 1).report(10);
        assert_eq!((r.articles, r.failed), (5, 1));
        assert_eq!(
            r.quotes,
            QuoteCounts {
                total: 5,
                direct: 2,
                partial: 1,
                indirect: 2
            }
        );
        assert_eq!((r.without_dateline, r.without_agency), (1, 2));
        assert_eq!(r.without_quotes, 2);
        let agencies: Vec<(&str, u64)> = r
            .agencies
            .iter()
            .map(|a| (a.name.as_str(), a.articles))
            .collect();
        assert_eq!(agencies, [("Reuters", 2), ("AP", 1)]);
        assert_eq!(r.distinct_agencies, 2);
    }

    #[test]
    fn rankings_break_ties_and_keep_the_top() {
        let articles = [
            art(
                Some("dpa"),
                &[(D, Some("Zoe")), (D, Some("Zoe")), (D, Some("Max"))],
                &[("DE", "Germany", 3), ("AT", "Austria", 1)],
            ),
            art(
                Some("AFP"),
                &[(D, Some("Max")), (D, Some("Ada")), (I, Some("Ada"))],
                &[
                    ("AT", "Austria", 1),
                    ("FR", "France", 2),
                    ("CH", "Switzerland", 2),
                ],
            ),
            art(Some("AFP"), &[(P, Some("Eve"))], &[("FR", "France", 1)]),
            art(Some("dpa"), &[], &[("CH", "Switzerland", 1)]),
        ];
        let r = summary(&articles, 0).report(10);
        let speakers: Vec<(&str, u64, u64)> = (r.speakers.iter())
            .map(|s| (s.name.as_str(), s.quotes, s.articles))
            .collect();
        // Max: 2 quotes in 2 articles beats Ada and Zoe (2 quotes in 1); those two by name
        assert_eq!(
            speakers,
            [("Max", 2, 2), ("Ada", 2, 1), ("Zoe", 2, 1), ("Eve", 1, 1)]
        );
        let countries: Vec<(&str, u64, u64)> = (r.countries.iter())
            .map(|c| (c.code.as_str(), c.articles, c.mentions))
            .collect();
        // AT, FR, CH: 2 articles each; FR and CH have 3 mentions, AT 2; FR < CH by name
        assert_eq!(
            countries,
            [("FR", 2, 3), ("CH", 2, 3), ("AT", 2, 2), ("DE", 1, 3)]
        );
        let agencies: Vec<&str> = r.agencies.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(agencies, ["AFP", "dpa"]);

        let top = summary(&articles, 0).report(2);
        assert_eq!(top.speakers.len(), 2);
        assert_eq!(top.speakers[1].name, "Ada");
        assert_eq!(top.countries.len(), 2);
        assert_eq!((top.distinct_speakers, top.distinct_countries), (4, 4));
        assert!(top.table().contains("Speakers (top 2 of 4)"));

        // the same articles in reverse order give the same report
        let mut reversed = articles.to_vec();
        reversed.reverse();
        assert_eq!(summary(&reversed, 0).report(10), r);
    }

    #[test]
    fn table_is_aligned_and_terminal_safe() {
        let articles = [
            art(
                Some("Reuters"),
                &[(D, Some("Ann Lee")); 12],
                &[("NO", "Norway", 1)],
            ),
            art(
                Some("Reuters"),
                &[(D, Some("Evil\x1b[2J\u{202E}Name")), (D, Some("Ann Lee"))],
                &[],
            ),
        ];
        let table = summary(&articles, 0).report(10).table();
        assert!(
            !table.contains('\x1b') && !table.contains('\u{202E}'),
            "{table}"
        );
        let want = "\
Speakers (2)                 quotes  articles
  Ann Lee                        13         2
  Evil\\u{1b}[2J\\u{202e}Name       1         1
";
        assert!(table.contains(want), "{table}");
        assert!(
            table
                .contains("Countries (1)  articles  mentions\n  Norway (NO)         1         1\n"),
            "{table}"
        );
        assert!(table.contains("  per article: median  7.00\n"), "{table}");
        assert!(table.starts_with("Articles\n  analysed"), "{table}");
        assert!(table.ends_with('\n'));
    }

    #[test]
    fn long_names_are_cut_in_cells() {
        let cases = [
            ("Ann Lee", "Ann Lee".to_string()),
            ("Ann\n  Lee", "Ann Lee".to_string()),
            (&"x".repeat(NAME_CAP), "x".repeat(NAME_CAP)),
            (
                &"y".repeat(NAME_CAP + 1),
                format!("{}…", "y".repeat(NAME_CAP - 1)),
            ),
            ("bell\u{7}", "bell\\u{7}".to_string()),
        ];
        for (name, want) in cases {
            assert_eq!(cell(name), want);
        }
    }
}
