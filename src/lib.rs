//! wirecopy: plain-text wire-service articles in, structured records out.
//!
//! [`analyze`] is a pure function from an article's text to an [`Article`]: headline,
//! subheadline, byline, dateline, lede, body paragraphs, credits, quotes with their
//! speakers, and the countries referred to. Bytes become text with [`decode::decode`].
//!
//! Stages, one module each, in the order they run:
//! [`decode`](mod@decode) (bytes to text), [`layout`] (lines, blocks, paragraphs), [`chrome`]
//! (page furniture), [`byline`], [`dateline`] (with [`agency`] and [`gazetteer`]),
//! [`headline`], [`trailer`], [`lede`], tied together by [`structure`]; then [`quotes`] (with
//! [`cues`] and [`speakers`]) and [`countries`]. [`record`] is the output shape; [`offsets`]
//! and [`words`] are small helpers; [`batch`] runs many articles on several threads;
//! [`render`] prints records as text, TSV or HTML and [`stats`] summarises a corpus.

pub mod agency;
pub mod batch;
pub mod byline;
pub mod chrome;
pub mod countries;
pub mod cues;
pub mod dateline;
pub mod decode;
pub mod gazetteer;
pub mod headline;
pub mod layout;
pub mod lede;
pub mod offsets;
pub mod quotes;
pub mod record;
pub mod render;
pub mod speakers;
pub mod stats;
pub mod structure;
pub mod swar;
pub mod trailer;
pub mod words;

pub use decode::{DecodeError, decode};
pub use record::{Article, SCHEMA_VERSION};

use offsets::CodePoints;
use record::{Country, Quote, Speaker};
use std::cell::RefCell;

/// What to analyse. Empty today; stages that can be switched off will be listed here.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {}

/// Analyses one article. `file` and `id` of the result are left for the caller to fill.
///
/// ```
/// let text = "Talks to resume\n\nBERLIN, March 3 (dpa) - Talks will resume on Monday, \
///             officials said.\n";
/// let a = wirecopy::analyze(text, &wirecopy::Options::default());
/// assert_eq!(a.headline.as_deref(), Some("Talks to resume"));
/// let d = a.dateline.unwrap();
/// assert_eq!((d.city.as_deref(), d.country.as_deref()), (Some("Berlin"), Some("DE")));
/// assert_eq!(d.agency.as_deref(), Some("dpa"));
/// assert_eq!(a.lede.as_deref(), Some("Talks will resume on Monday, officials said."));
/// ```
pub fn analyze(text: &str, _opts: &Options) -> Article {
    let s = structure::read(text);
    let mut cps = CodePoints::new(text);
    let countries = countries_of(text, &s, &mut cps);
    let (quotes, speakers) = quotes_of(text, &s, &mut cps);
    // a fresh vector of the exact size: collected in place, the paragraphs' buffer would be
    // shrunk to fit the (smaller) texts by a reallocation that copies them
    let mut paragraphs = Vec::with_capacity(s.paragraphs.len());
    paragraphs.extend(s.paragraphs.into_iter().map(|p| p.text));
    Article {
        headline: s.headline_para.map(|p| p.text),
        subheadline: s.subheadline_para.map(|p| p.text),
        byline: s.byline,
        dateline: s.dateline,
        lede: s.lede,
        paragraphs,
        credits: s.credits,
        quotes,
        speakers,
        countries,
        ..Article::default()
    }
}

/// Quotes of the body with offsets in the input, and the speakers quoted.
fn quotes_of(
    text: &str,
    s: &structure::Structure,
    cps: &mut CodePoints,
) -> (Vec<Quote>, Vec<Speaker>) {
    let (found, registry) = quotes::extract(&s.paragraphs);
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let Some(first) = f.parts.first() else {
            continue;
        };
        let last = f.parts.last().expect("non-empty");
        let range = |p: &quotes::Part| {
            let para = &s.paragraphs[p.para];
            let start = para.src_offset(p.start);
            (start, para.src_offset(p.end))
        };
        // the quote's ends only: each offset is a search in the paragraph's map
        let start = s.paragraphs[first.para].src_offset(first.start);
        let end = s.paragraphs[last.para].src_offset(last.end);
        // a single piece is exactly the input's text; pieces over several paragraphs are
        // joined by a space
        let quote_text = if f.parts.len() == 1 {
            text.get(start..end).map(str::to_string)
        } else {
            f.parts
                .iter()
                .map(|p| {
                    let (a, b) = range(p);
                    text.get(a..b).map(str::to_string)
                })
                .collect::<Option<Vec<_>>>()
                .map(|v| v.join(" "))
        };
        let Some(quote_text) = quote_text else {
            continue;
        };
        out.push(Quote {
            text: quote_text,
            kind: f.kind,
            speaker: f.entity.map(|e| registry.entities[e].name.clone()),
            mention: f.mention,
            cue: f.cue,
            start: cps.at(start),
            end: cps.at(end),
            paragraph: first.para,
        });
    }
    // a fresh vector of the exact size: collected in place, the entities' (larger) buffer
    // would be shrunk by a reallocation that copies it
    let quoted = registry.entities.iter().filter(|e| e.quotes > 0).count();
    let mut speakers = Vec::with_capacity(quoted);
    speakers.extend(
        registry
            .entities
            .into_iter()
            .filter(|e| e.quotes > 0)
            .map(|e| Speaker {
                name: e.name,
                title: e.title,
                aliases: e.aliases,
                quotes: e.quotes,
            }),
    );
    (out, speakers)
}

/// A found country mention: code, input byte range, from the dateline.
type Found = (&'static str, usize, usize, bool);

thread_local! {
    /// The buffers of [`countries_of`] (the mentions of one text, those of the article),
    /// kept from one article to the next: made anew, each would grow step by step, a
    /// reallocation a step, in every article.
    static COUNTRY_SCRATCH: RefCell<(Vec<countries::Mention>, Vec<Found>)> =
        const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Countries of the headline, subheadline, dateline and body, by first mention.
fn countries_of(text: &str, s: &structure::Structure, cps: &mut CodePoints) -> Vec<Country> {
    COUNTRY_SCRATCH.with_borrow_mut(|(mentions, found)| {
        mentions.clear();
        found.clear();
        countries_found(text, s, cps, mentions, found)
    })
}

/// [`countries_of`], with its buffers (empty) given.
fn countries_found(
    text: &str,
    s: &structure::Structure,
    cps: &mut CodePoints,
    mentions: &mut Vec<countries::Mention>,
    found: &mut Vec<Found>,
) -> Vec<Country> {
    let parts = s
        .headline_para
        .iter()
        .chain(&s.subheadline_para)
        .chain(&s.paragraphs);
    for p in parts {
        mentions.clear();
        countries::mentions_into(&p.text, mentions);
        for m in mentions.iter() {
            // the end maps through its last byte: a form may span a joined line break
            let start = p.src_offset(m.start);
            let end = p.src_offset(m.end.saturating_sub(1).max(m.start)) + 1;
            found.push((m.code, start, end, false));
        }
    }
    if let (Some(d), Some(at)) = (&s.dateline, &s.dateline_city_at)
        && let Some(code) = d.country.as_deref().and_then(gazetteer::known_code)
    {
        found.push((code, at.start, at.end, true));
    }
    found.sort_by_key(|f| f.1);

    let mut out: Vec<Country> = Vec::new();
    for &(code, start, end, in_dateline) in found.iter() {
        // forms as written, with a line break inside shown as a space
        let form = words::one_spaced_cow(text.get(start..end).unwrap_or_default());
        let span = [cps.at(start), cps.at(end)];
        let c = match out.iter_mut().position(|c| c.code == code) {
            Some(i) => &mut out[i],
            None => {
                out.push(Country {
                    code: code.to_string(),
                    name: gazetteer::country_name(code).unwrap_or(code).to_string(),
                    mentions: 0,
                    forms: Vec::new(),
                    spans: Vec::new(),
                    dateline: false,
                });
                out.last_mut().expect("just pushed")
            }
        };
        c.mentions += 1;
        c.spans.push(span);
        c.dateline |= in_dateline;
        if !c.forms.iter().any(|f| *f == form) {
            c.forms.push(form.into_owned());
        }
    }
    out
}
