//! wirecopy: plain-text wire-service articles in, structured records out.
//!
//! [`analyze`] is a pure function from an article's text to an [`Article`]: headline,
//! subheadline, byline, dateline, lede, body paragraphs, credits (and, as the later stages
//! land, quotes, speakers and countries). Bytes become text with [`decode::decode`].
//!
//! Stages, one module each, in the order they run:
//! [`decode`](mod@decode) (bytes to text), [`layout`] (lines, blocks, paragraphs), [`chrome`] (page
//! furniture), [`byline`], [`dateline`] (with [`agency`] and [`gazetteer`]), [`headline`],
//! [`trailer`], [`lede`], tied together by [`structure`]. [`record`] is the output shape.

pub mod agency;
pub mod byline;
pub mod chrome;
pub mod dateline;
pub mod decode;
pub mod gazetteer;
pub mod headline;
pub mod layout;
pub mod lede;
pub mod record;
pub mod structure;
pub mod trailer;

pub use decode::{DecodeError, decode};
pub use record::{Article, SCHEMA_VERSION};

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
    Article {
        headline: s.headline,
        subheadline: s.subheadline,
        byline: s.byline,
        dateline: s.dateline,
        lede: s.lede,
        paragraphs: s.paragraphs.into_iter().map(|p| p.text).collect(),
        credits: s.credits,
        ..Article::default()
    }
}
