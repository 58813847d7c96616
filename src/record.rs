//! The output record: what `analyze` returns and what the CLI prints, one per article.
//!
//! These types only serialize: through serde, or (compact JSON, the same bytes, faster)
//! through [`write_json`]. Field meanings follow the corpus guidelines and are documented
//! in README.md and in `schema/record.schema.json`; a change to the shape bumps
//! [`SCHEMA_VERSION`].

use serde::Serialize;

mod json;
pub use json::write_json;

/// Version of the record's shape; consumers can check it before reading a record.
pub const SCHEMA_VERSION: u32 = 1;

/// One analysed article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Article {
    /// Version of this record's shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The input as the user named it (a path as given, "-" for stdin, or the jsonl line's
    /// "file"); filled in by the caller of `analyze`.
    pub file: String,
    /// The "id" of a `--input jsonl` line, copied as given; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// The story's title line, without agency slugs such as "UPDATE 1-".
    pub headline: Option<String>,
    /// A standfirst/dek between headline and body.
    pub subheadline: Option<String>,
    /// The writer credit without "By " and without affiliation.
    pub byline: Option<String>,
    /// The place/date/agency line that opens the body.
    pub dateline: Option<Dateline>,
    /// The first paragraph of the body, without dateline (first sentence only when the
    /// body lost its paragraph breaks).
    pub lede: Option<String>,
    /// The body's paragraphs: hard wraps joined, dateline, chrome and trailers removed.
    pub paragraphs: Vec<String>,
    /// Trailing credits ("Reporting by …; Editing by …"), several joined by a space.
    pub credits: Option<String>,
    /// Quoted and reported statements, in text order.
    pub quotes: Vec<Quote>,
    /// Who is quoted.
    pub speakers: Vec<Speaker>,
    /// Countries the story refers to, by first mention.
    pub countries: Vec<Country>,
    /// What was noticed on the way, e.g. "not valid UTF-8 …: decoded as Windows-1252".
    pub warnings: Vec<String>,
}

impl Default for Article {
    fn default() -> Self {
        Article {
            schema_version: SCHEMA_VERSION,
            file: String::new(),
            id: None,
            headline: None,
            subheadline: None,
            byline: None,
            dateline: None,
            lede: None,
            paragraphs: Vec::new(),
            credits: None,
            quotes: Vec::new(),
            speakers: Vec::new(),
            countries: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// The dateline that opens the body.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline as written, separator included ("MOSCOW, April 29. /TASS/.").
    pub text: String,
    /// The place in normal capitalisation, without state or country qualifier.
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 code of the place's country.
    pub country: Option<String>,
    /// The date as written; null when the dateline has none.
    pub date: Option<Date>,
    /// Canonical short name of the agency (Reuters, AP, AFP, TASS, Xinhua, dpa, …).
    pub agency: Option<String>,
}

/// A date as written in a dateline: each part null where not written.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Date {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Kind of a quoted statement.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The marks hold a whole sentence or more of speech.
    Direct,
    /// A quoted fragment embedded in the writer's sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

/// A quoted or reported statement.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    /// The words between the marks (for indirect speech, the reported content).
    pub text: String,
    pub kind: QuoteKind,
    /// Resolved speaker name, or null when the article does not say.
    pub speaker: Option<String>,
    /// The words naming the speaker at this quote ("he", "the spokesman").
    pub mention: Option<String>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<String>,
    /// Offsets of `text` in the input, in Unicode code points.
    pub start: usize,
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
}

/// A person or body quoted in the article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Speaker {
    pub name: String,
    pub title: Option<String>,
    pub aliases: Vec<String>,
    pub quotes: usize,
}

/// A country the article refers to.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (ISO 3166-3 for dissolved states).
    pub code: String,
    pub name: String,
    pub mentions: usize,
    pub forms: Vec<String>,
    pub spans: Vec<[usize; 2]>,
    pub dateline: bool,
}
