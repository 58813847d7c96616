//! Countries: every reference to a country in a piece of text, by name, adjective,
//! capital or seat of government.
//!
//! (Placeholder: the matcher is being built. It returns no mentions yet.)

/// One reference to a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// ISO 3166-1 alpha-2 (ISO 3166-3 for dissolved states).
    pub code: &'static str,
    /// Byte range of the words that refer to it, in the text given.
    pub start: usize,
    pub end: usize,
}

/// The country references in `text`, in text order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let _ = text;
    Vec::new()
}
