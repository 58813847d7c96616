//! Datelines: the place/date/agency prefix that opens a story's body.
//!
//! Method: the paragraph's first ~200 bytes are cut into tokens (words, numbers,
//! punctuation) and read left to right against the shapes wire services use:
//!
//! ```text
//! [(AGENCY) -] [PLACE [, QUALIFIER]* [[QUALIFIER]] [/PLACE]] [,] [DATE [, YEAR]] [.]
//!     [(AGENCY) | /AGENCY/ | AGENCY] [SEPARATOR]
//! ```
//!
//! e.g. `MOSCOW, April 29. /TASS/.`, `NEW YORK, Jan 21 (Reuters) -`, `PORTLAND, Ore.,
//! March 3 -`, `AMSTERDAM, 2 March -`, `BUENOS AIRES, Argentina (AP) _`, `(CNN)`,
//! `(ANSA) - Rome, October 11 -`, `New Delhi [India], Sept 20 (ANI):`,
//! `Tegucigalpa, Jan 2 (EFE).-`, `MIAMI _`, `OTTAWA -`.
//!
//! A candidate is accepted when it has an agency tag, or a place followed by a dash
//! separator where the place is a known place (gazetteer) or is written with a date. The
//! place resolves to a country through the gazetteer; a state, province or country
//! qualifier decides ("PORTLAND, Ore." -> US).
//!
//! Cost: a paragraph with no bracket, slash or dash-like mark near its start is turned down
//! before it is tokenized. The gazetteer is asked last, only when the cheaper tests have not
//! decided, and the place looked up then is kept for its country. [`is_dateline`] answers
//! whether a paragraph opens with a dateline without resolving and copying its parts as
//! [`parse`] does.
//!
//! Known limits: weekday datelines ("WASHINGTON, Thursday -") and datelines split over two
//! lines are not read; an unknown agency in parentheses is kept as written.

use crate::agency;
use crate::gazetteer;
use crate::record::{Date, Dateline};

/// How much of a paragraph is looked at.
const SCAN: usize = 240;
/// Most words a place name may have.
const MAX_PLACE_WORDS: usize = 5;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub dateline: Dateline,
    /// Bytes of the paragraph taken by the dateline and the whitespace after it.
    pub len: usize,
    /// Byte range of the place as written ("MOSCOW") in the paragraph.
    pub city_span: Option<std::ops::Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word,
    Num,
    P(char),
}

#[derive(Debug, Clone, Copy)]
struct T {
    kind: Tok,
    start: usize,
    end: usize,
}

fn tokenize(s: &str) -> Vec<T> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if i > SCAN {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            let mut letters = 1;
            while let Some(&(j, d)) = it.peek() {
                let next_is_letter = s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
                let take = if d.is_alphabetic() {
                    letters += 1;
                    true
                } else {
                    match d {
                        '\'' | '’' | '-' => next_is_letter,
                        '.' => next_is_letter || letters <= 5,
                        _ => false,
                    }
                };
                if !take {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
                if d == '.' && !next_is_letter {
                    break;
                }
            }
            out.push(T {
                kind: Tok::Word,
                start: i,
                end,
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_alphanumeric() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            out.push(T {
                kind: Tok::Num,
                start: i,
                end,
            });
        } else {
            out.push(T {
                kind: Tok::P(c),
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    out
}

/// Month number of a month name or abbreviation ("Jan", "Sept.", "MARCH").
pub fn month(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u8 + 1)
}

/// Month number of a month name with one typing slip ("Narch", "Marc", "Mach" -> 3), for
/// the date slot of a dateline only.
fn month_lenient(word: &str) -> Option<u8> {
    month(word).or_else(|| {
        let w = word.trim_end_matches('.').to_lowercase();
        if w.len() < 4 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        const FULL: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        // short names (May, June, July) are too close to other words to guess at
        let near: Vec<usize> = (0..12)
            .filter(|&i| FULL[i].len() >= 5 && edit_distance_le1(&w, FULL[i]))
            .collect();
        match near[..] {
            [i] => Some(i as u8 + 1),
            _ => None,
        }
    })
}

/// True when `a` and `b` differ by at most one insertion, deletion or substitution.
fn edit_distance_le1(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1.min(short.len() - prefix)..] == long[prefix + 1.min(long.len() - prefix)..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

fn day(num: &str) -> Option<u8> {
    let digits = num.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &num[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(num: &str) -> Option<u16> {
    if num.len() != 4 {
        return None;
    }
    num.parse().ok().filter(|y| (1800..=2200).contains(y))
}

/// Words that may stand in lower case inside a place name ("Rio de Janeiro").
const PLACE_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "la", "le", "les", "el", "al", "upon", "on", "sur",
    "am", "an", "im", "aan", "of",
];

struct Cursor<'s> {
    s: &'s str,
    toks: Vec<T>,
    i: usize,
}

impl<'s> Cursor<'s> {
    fn peek(&self, k: usize) -> Option<T> {
        self.toks.get(self.i + k).copied()
    }

    fn text(&self, t: T) -> &'s str {
        &self.s[t.start..t.end]
    }

    fn is_p(&self, k: usize, c: char) -> bool {
        self.peek(k).is_some_and(|t| t.kind == Tok::P(c))
    }

    /// A month word followed by a day number at `k`?
    fn month_day_at(&self, k: usize) -> bool {
        matches!(self.peek(k), Some(t) if t.kind == Tok::Word && month(self.text(t)).is_some())
            && matches!(self.peek(k + 1), Some(t) if t.kind == Tok::Num && day(self.text(t)).is_some())
    }

    /// Capitalised words (with lower-case particles inside) starting at the cursor.
    fn place_words(&self, max: usize) -> usize {
        let mut n = 0;
        while n < max {
            let Some(t) = self.peek(n) else { break };
            if t.kind != Tok::Word || self.month_day_at(n) {
                break;
            }
            let w = self.text(t);
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital && (n == 0 || !PLACE_PARTICLES.contains(&w)) {
                break;
            }
            n += 1;
        }
        // a place does not end on a particle
        while n > 0
            && !self
                .text(self.toks[self.i + n - 1])
                .starts_with(char::is_uppercase)
        {
            n -= 1;
        }
        n
    }

    /// Words of any case up to a comma and a date ("La paz, march 4 -" in copy that lost
    /// its capitals); 0 when the shape is not there.
    fn words_before_comma_date(&self, max: usize) -> usize {
        let n = (0..=max)
            .find(|&k| !self.peek(k).is_some_and(|t| t.kind == Tok::Word))
            .unwrap_or(max + 1);
        if (1..=max).contains(&n) && self.is_p(n, ',') && self.month_day_at(n + 1) {
            n
        } else {
            0
        }
    }

    /// Text from token `a` to token `b` (inclusive), as written.
    fn span(&self, a: usize, b: usize) -> &'s str {
        &self.s[self.toks[a].start..self.toks[b].end]
    }

    /// Reads `(…)` at the cursor; returns the inside text and advances past `)`.
    fn paren(&mut self) -> Option<&'s str> {
        if !self.is_p(0, '(') {
            return None;
        }
        let close = (1..10).find(|&k| self.is_p(k, ')'))?;
        if close == 1 {
            return None;
        }
        let inside = &self.s[self.toks[self.i].end..self.toks[self.i + close].start];
        self.i += close + 1;
        Some(inside)
    }

    /// Reads a separator; returns whether one was there.
    fn separator(&mut self) -> Option<Sep> {
        let start = self.i;
        if self.is_p(0, '.') && self.is_p(1, '-') {
            self.i += 2;
            return Some(Sep::Dash);
        }
        let mut dashes = 0;
        while self
            .peek(0)
            .is_some_and(|t| matches!(t.kind, Tok::P('-' | '—' | '–' | '_')))
        {
            self.i += 1;
            dashes += 1;
        }
        if dashes > 0 {
            return Some(Sep::Dash);
        }
        if self.is_p(0, ':') {
            self.i += 1;
            return Some(Sep::Colon);
        }
        if self.is_p(0, '.') {
            self.i += 1;
            return Some(Sep::Dot);
        }
        self.i = start;
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Dash,
    Colon,
    Dot,
}

/// Reads `/TASS/` at the cursor.
fn slash_agency<'s>(c: &mut Cursor<'s>) -> Option<&'s str> {
    if c.is_p(0, '/') && c.is_p(2, '/') && c.peek(1).is_some_and(|t| t.kind == Tok::Word) {
        let w = c.text(c.peek(1)?);
        c.i += 3;
        return Some(w);
    }
    None
}

/// Reads a dateline at the start of `para`.
pub fn parse(para: &str) -> Option<Parsed> {
    read(para).map(|r| r.finish(para))
}

/// True when `para` opens with a dateline (`parse(para).is_some()`), without resolving the
/// place to its country or copying the parts out.
pub fn is_dateline(para: &str) -> bool {
    read(para).is_some()
}

/// The parts of a dateline as written, before `finish` resolves and copies them.
struct Reading<'s> {
    /// Byte offset of the first token.
    first: usize,
    city: Option<&'s str>,
    qualifiers: Vec<&'s str>,
    date: Option<Date>,
    agency_written: Option<&'s str>,
    /// Byte offset where the dateline ends.
    end: usize,
    /// The city as looked up in the gazetteer while deciding, if it was.
    place: Option<gazetteer::Place<'s>>,
}

/// Reads the parts of a dateline at the start of `para`.
fn read(para: &str) -> Option<Reading<'_>> {
    // every dateline has a bracket, a slash or a dash-like separator near the start
    let head = &para.as_bytes()[..para.len().min(SCAN)];
    let marked = head
        .iter()
        .any(|&b| matches!(b, b'(' | b'/' | b'-' | b'_' | b':' | 0xE2));
    if !marked {
        return None;
    }
    let toks = tokenize(para);
    let mut c = Cursor {
        s: para,
        toks,
        i: 0,
    };
    let first = c.peek(0)?.start;
    // "****SANTO DOMINGO, March 4 -": stars from the wire's priority marks
    while c.is_p(0, '*') {
        c.i += 1;
    }
    let mut agency_written: Option<&str> = None;

    // (ANSA) - Rome, October 11 -
    let save = c.i;
    if let Some(inside) = c.paren() {
        if agency::canonical(inside).is_some() && c.separator() == Some(Sep::Dash) {
            let after_tag = c.i;
            c.i = save;
            let ansa = parse_after_agency(&mut c, after_tag);
            let reading = |city, date, end| Reading {
                first,
                city,
                qualifiers: Vec::new(),
                date,
                agency_written: Some(inside),
                end,
                place: None,
            };
            if let Some((city, date, end)) = ansa {
                return Some(reading(Some(city), Some(date), end));
            }
            return Some(reading(None, None, c.toks[after_tag - 1].end));
        }
        c.i = save;
    }

    // place
    let mut city: Option<&str> = None;
    let mut qualifiers: Vec<&str> = Vec::new();
    if !c.month_day_at(0) {
        let n = c.place_words(MAX_PLACE_WORDS + 1);
        let n = match c.words_before_comma_date(4) {
            m if m > n => m,
            _ => n,
        };
        if n > MAX_PLACE_WORDS {
            return None;
        }
        if n > 0 {
            city = Some(c.span(c.i, c.i + n - 1));
            c.i += n;
            loop {
                if c.is_p(0, ',') && !c.month_day_at(1) {
                    c.i += 1;
                    let n = c.place_words(3);
                    let q = (n > 0).then(|| c.span(c.i, c.i + n - 1));
                    match q {
                        Some(q) if is_qualifier(q) => {
                            qualifiers.push(q);
                            c.i += n;
                            // "PORTLAND, Ore., March 3" / "Aug 29, 2014"
                        }
                        _ => {
                            c.i -= 1;
                            break;
                        }
                    }
                } else if c.is_p(0, '[') {
                    let close = (1..6).find(|&k| c.is_p(k, ']'))?;
                    let inside = &c.s[c.toks[c.i].end..c.toks[c.i + close].start];
                    qualifiers.push(inside.trim());
                    c.i += close + 1;
                } else if c.is_p(0, '/') && !c.is_p(2, '/') {
                    c.i += 1;
                    let n = c.place_words(MAX_PLACE_WORDS);
                    if n == 0 {
                        return None;
                    }
                    c.i += n;
                } else {
                    break;
                }
            }
        }
    }

    // date
    let mut date: Option<Date> = None;
    let k = usize::from(c.is_p(0, ','));
    let (m, d) = match (c.peek(k), c.peek(k + 1)) {
        (Some(a), Some(b)) if a.kind == Tok::Word && b.kind == Tok::Num => {
            // a slip in the month name only counts after a place
            let m = if city.is_some() {
                month_lenient(c.text(a))
            } else {
                month(c.text(a))
            };
            (m, day(c.text(b)))
        }
        (Some(a), Some(b)) if a.kind == Tok::Num && b.kind == Tok::Word => {
            (month(c.text(b)), day(c.text(a)))
        }
        _ => (None, None),
    };
    if let (Some(m), Some(d)) = (m, d) {
        c.i += k + 2;
        let mut y = None;
        let k = usize::from(c.is_p(0, ','));
        if let Some(t) = c.peek(k).filter(|t| t.kind == Tok::Num)
            && let Some(v) = year(c.text(t))
        {
            y = Some(v);
            c.i += k + 1;
        }
        date = Some(Date {
            year: y,
            month: Some(m),
            day: Some(d),
        });
        // TASS: "April 29. /TASS/."
        if c.is_p(0, '.') && c.is_p(1, '/') {
            c.i += 1;
        }
    }

    // agency tag
    let before_tag = c.i;
    if agency_written.is_none() {
        if let Some(inside) = c.paren() {
            if looks_like_agency(inside) {
                agency_written = Some(inside);
            } else {
                c.i = before_tag;
            }
        } else if let Some(w) = slash_agency(&mut c) {
            agency_written = Some(w);
        } else if let Some(t) = c.peek(0).filter(|t| t.kind == Tok::Word) {
            // "SEOUL, Nov 26 AFP -": a bare agency name needs a separator after it
            let w = c.text(t);
            if is_upper(w) && agency::canonical(w).is_some() {
                let save = c.i;
                c.i += 1;
                if c.separator().is_some() {
                    c.i = save + 1;
                    agency_written = Some(w);
                } else {
                    c.i = save;
                }
            }
        }
    }
    // "CHICAGO, March 4, - South Korea's": a stray comma before the separator
    if c.is_p(0, ',') && c.i > 0 {
        let save = c.i;
        c.i += 1;
        if c.separator() != Some(Sep::Dash) {
            c.i = save;
        } else {
            c.i = save + 1;
        }
    }
    let sep = c.separator();

    // acceptance
    let end = if c.i > 0 {
        c.toks[c.i - 1].end
    } else {
        return None;
    };
    let mut place = None;
    let accept = match agency_written {
        // a known agency tag is enough ("(CNN)The …" has no separator)
        Some(w) if agency::canonical(w).is_some() => true,
        // an agency we do not know needs a separator after it and a place or date before
        // it: "(CORRECTED) - BANPONCE …" is a headline
        Some(_) => sep.is_some() && (city.is_some() || date.is_some()),
        // a place that is written with a date or is known; copy that lost its capitals still
        // has its dateline if it has a date (the gazetteer is asked last)
        None => {
            sep == Some(Sep::Dash)
                && (date.is_some() || !starts_lower(para[end..].trim_start()))
                && city.is_some_and(|p| {
                    (date.is_some() && (is_upper(p) || !qualifiers.is_empty())) || {
                        let looked_up = gazetteer::Place::lookup(p);
                        place = Some(looked_up);
                        looked_up.is_known()
                    }
                })
        }
    };
    if !accept || (city.is_none() && date.is_none() && agency_written.is_none()) {
        return None;
    }
    Some(Reading {
        first,
        city,
        qualifiers,
        date,
        agency_written,
        end,
        place,
    })
}

/// Reads the ANSA form after its agency tag: `Rome, October 11 -`. Returns the place, the
/// date and the end of the separator.
fn parse_after_agency<'s>(c: &mut Cursor<'s>, after_tag: usize) -> Option<(&'s str, Date, usize)> {
    c.i = after_tag;
    let n = c.place_words(MAX_PLACE_WORDS);
    if n == 0 {
        return None;
    }
    let city = c.span(c.i, c.i + n - 1);
    c.i += n;
    let k = usize::from(c.is_p(0, ','));
    let (a, b) = (c.peek(k)?, c.peek(k + 1)?);
    if a.kind != Tok::Word || b.kind != Tok::Num {
        return None;
    }
    let date = Date {
        year: None,
        month: Some(month(c.text(a))?),
        day: Some(day(c.text(b))?),
    };
    c.i += k + 2;
    (c.separator()? == Sep::Dash).then(|| (city, date, c.toks[c.i - 1].end))
}

impl Reading<'_> {
    /// Builds the result: the text, the place in normal case with its country, the agency's
    /// canonical name.
    fn finish(self, para: &str) -> Parsed {
        let rest_trimmed = para[self.end..].trim_start();
        let text = para[self.first..self.end].trim().to_string();
        let agency = self.agency_written.map(|w| {
            agency::canonical(w)
                .map(str::to_string)
                .unwrap_or_else(|| w.trim().to_string())
        });
        let country = self.city.and_then(|p| {
            let q = self
                .qualifiers
                .iter()
                .rev()
                .find(|q| is_qualifier(q))
                .copied();
            let place = self.place.unwrap_or_else(|| gazetteer::Place::lookup(p));
            place.country(q)
        });
        Parsed {
            dateline: Dateline {
                text,
                city: self.city.map(normal_case),
                country: country.map(str::to_string),
                date: self.date,
                agency,
            },
            len: para.len() - rest_trimmed.len(),
            city_span: self.city.map(|c| {
                // `city` is a slice of `para`
                let at = c.as_ptr() as usize - para.as_ptr() as usize;
                at..at + c.len()
            }),
        }
    }
}

fn is_qualifier(q: &str) -> bool {
    gazetteer::is_region(q) || gazetteer::country_code(q).is_some()
}

/// An agency tag: a known agency, or a short capitalised name with no digits.
fn looks_like_agency(inside: &str) -> bool {
    let t = inside.trim();
    agency::canonical(t).is_some()
        || (t.len() <= 30
            && t.split_whitespace().count() <= 3
            && t.starts_with(|c: char| c.is_uppercase())
            && t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '.' | '&')))
}

fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Normal capitalisation of a place: words written in capitals become title case
/// ("SAO PAULO" -> "Sao Paulo", "St PETERSBURG" -> "St Petersburg"); others are kept.
pub fn normal_case(place: &str) -> String {
    let mut out = String::with_capacity(place.len());
    for (i, word) in place.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().filter(|c| c.is_alphabetic()).count() > 1 && is_upper(word) {
            let mut start = true;
            for ch in word.chars() {
                if start {
                    out.extend(ch.to_uppercase());
                } else {
                    out.extend(ch.to_lowercase());
                }
                start = matches!(ch, '-' | ' ' | '.' | '/');
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Want<'a> = (
        &'a str,         // text
        Option<&'a str>, // city
        Option<&'a str>, // country
        Option<(Option<u16>, u8, u8)>,
        Option<&'a str>, // agency
        &'a str,         // rest of the paragraph
    );

    #[test]
    fn datelines_seen_in_real_copy() {
        let cases: &[(&str, Want<'_>)] = &[
            (
                "MOSCOW, April 29. /TASS/. Russia's foreign policy",
                (
                    "MOSCOW, April 29. /TASS/.",
                    Some("Moscow"),
                    Some("RU"),
                    Some((None, 4, 29)),
                    Some("TASS"),
                    "Russia's foreign policy",
                ),
            ),
            (
                "February 9./TASS/. The talks",
                (
                    "February 9./TASS/.",
                    None,
                    None,
                    Some((None, 2, 9)),
                    Some("TASS"),
                    "The talks",
                ),
            ),
            (
                "/TASS/ The talks",
                ("/TASS/", None, None, None, Some("TASS"), "The talks"),
            ),
            (
                "MOSCOW, February 6. /TASS/ Scientists from",
                (
                    "MOSCOW, February 6. /TASS/",
                    Some("Moscow"),
                    Some("RU"),
                    Some((None, 2, 6)),
                    Some("TASS"),
                    "Scientists from",
                ),
            ),
            (
                "St PETERSBURG, March 28. /TASS/. Tour operators",
                (
                    "St PETERSBURG, March 28. /TASS/.",
                    Some("St Petersburg"),
                    Some("RU"),
                    Some((None, 3, 28)),
                    Some("TASS"),
                    "Tour operators",
                ),
            ),
            (
                "NEW YORK, Jan 21 (Reuters) - The Statue",
                (
                    "NEW YORK, Jan 21 (Reuters) -",
                    Some("New York"),
                    Some("US"),
                    Some((None, 1, 21)),
                    Some("Reuters"),
                    "The Statue",
                ),
            ),
            (
                "Jan 30 (Reuters) - Shares rose",
                (
                    "Jan 30 (Reuters) -",
                    None,
                    None,
                    Some((None, 1, 30)),
                    Some("Reuters"),
                    "Shares rose",
                ),
            ),
            (
                "SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers",
                (
                    "SURABAYA, Indonesia/JAKARTA (Reuters) -",
                    Some("Surabaya"),
                    Some("ID"),
                    None,
                    Some("Reuters"),
                    "Rescuers",
                ),
            ),
            (
                "SALVADOR, Feb 26 - Showers continued",
                (
                    "SALVADOR, Feb 26 -",
                    Some("Salvador"),
                    Some("BR"),
                    Some((None, 2, 26)),
                    None,
                    "Showers continued",
                ),
            ),
            (
                "PORTLAND, Ore., March 3 - Shares",
                (
                    "PORTLAND, Ore., March 3 -",
                    Some("Portland"),
                    Some("US"),
                    Some((None, 3, 3)),
                    None,
                    "Shares",
                ),
            ),
            (
                "MONTREAL, Feb 26- Dome Petroleum",
                (
                    "MONTREAL, Feb 26-",
                    Some("Montreal"),
                    Some("CA"),
                    Some((None, 2, 26)),
                    None,
                    "Dome Petroleum",
                ),
            ),
            (
                "AMSTERDAM, 2 March - The Dutch",
                (
                    "AMSTERDAM, 2 March -",
                    Some("Amsterdam"),
                    Some("NL"),
                    Some((None, 3, 2)),
                    None,
                    "The Dutch",
                ),
            ),
            (
                "LONDON, MARCH 3 - Sterling",
                (
                    "LONDON, MARCH 3 -",
                    Some("London"),
                    Some("GB"),
                    Some((None, 3, 3)),
                    None,
                    "Sterling",
                ),
            ),
            (
                "LAKE SUCCESS, N.Y. March 3 - Acme",
                (
                    "LAKE SUCCESS, N.Y. March 3 -",
                    Some("Lake Success"),
                    Some("US"),
                    Some((None, 3, 3)),
                    None,
                    "Acme",
                ),
            ),
            (
                "WASHINGTON (AP) — The Senate",
                (
                    "WASHINGTON (AP) —",
                    Some("Washington"),
                    Some("US"),
                    None,
                    Some("AP"),
                    "The Senate",
                ),
            ),
            (
                "(AP) -- The storm",
                ("(AP) --", None, None, None, Some("AP"), "The storm"),
            ),
            (
                "(AP) _ The storm",
                ("(AP) _", None, None, None, Some("AP"), "The storm"),
            ),
            (
                "(AP)_ The storm",
                ("(AP)_", None, None, None, Some("AP"), "The storm"),
            ),
            (
                "CANBERRA, Australia (AP)_ Turning its back",
                (
                    "CANBERRA, Australia (AP)_",
                    Some("Canberra"),
                    Some("AU"),
                    None,
                    Some("AP"),
                    "Turning its back",
                ),
            ),
            (
                "BUENOS AIRES, Argentina (AP) _ For cancer patients",
                (
                    "BUENOS AIRES, Argentina (AP) _",
                    Some("Buenos Aires"),
                    Some("AR"),
                    None,
                    Some("AP"),
                    "For cancer patients",
                ),
            ),
            (
                "WASHINGTON _ The Senate",
                (
                    "WASHINGTON _",
                    Some("Washington"),
                    Some("US"),
                    None,
                    None,
                    "The Senate",
                ),
            ),
            (
                "MIAMI _",
                ("MIAMI _", Some("Miami"), Some("US"), None, None, ""),
            ),
            (
                "ATLANTA (AP) --",
                (
                    "ATLANTA (AP) --",
                    Some("Atlanta"),
                    Some("US"),
                    None,
                    Some("AP"),
                    "",
                ),
            ),
            (
                "JOHANNESBURG, August 7 (Xinhua) -- South Africa",
                (
                    "JOHANNESBURG, August 7 (Xinhua) --",
                    Some("Johannesburg"),
                    Some("ZA"),
                    Some((None, 8, 7)),
                    Some("Xinhua"),
                    "South Africa",
                ),
            ),
            (
                "Nov. 14(Xinhua)-- The",
                (
                    "Nov. 14(Xinhua)--",
                    None,
                    None,
                    Some((None, 11, 14)),
                    Some("Xinhua"),
                    "The",
                ),
            ),
            (
                "(Xinhua)--- The",
                ("(Xinhua)---", None, None, None, Some("Xinhua"), "The"),
            ),
            (
                "STOCKHOLM, Aug 29, 2014 (AFP) -",
                (
                    "STOCKHOLM, Aug 29, 2014 (AFP) -",
                    Some("Stockholm"),
                    Some("SE"),
                    Some((Some(2014), 8, 29)),
                    Some("AFP"),
                    "",
                ),
            ),
            (
                "SEOUL, Nov 26 AFP - North Korea",
                (
                    "SEOUL, Nov 26 AFP -",
                    Some("Seoul"),
                    Some("KR"),
                    Some((None, 11, 26)),
                    Some("AFP"),
                    "North Korea",
                ),
            ),
            (
                "Berlin (dpa) - Negotiations",
                (
                    "Berlin (dpa) -",
                    Some("Berlin"),
                    Some("DE"),
                    None,
                    Some("dpa"),
                    "Negotiations",
                ),
            ),
            (
                "San Diego (tca/dpa) - History says",
                (
                    "San Diego (tca/dpa) -",
                    Some("San Diego"),
                    Some("US"),
                    None,
                    Some("dpa"),
                    "History says",
                ),
            ),
            (
                "(ANSA) - Rome, October 11 - Italy's",
                (
                    "(ANSA) - Rome, October 11 -",
                    Some("Rome"),
                    Some("IT"),
                    Some((None, 10, 11)),
                    Some("ANSA"),
                    "Italy's",
                ),
            ),
            (
                "OTTAWA - A Manitoba man",
                (
                    "OTTAWA -",
                    Some("Ottawa"),
                    Some("CA"),
                    None,
                    None,
                    "A Manitoba man",
                ),
            ),
            (
                "Jan. 12 (BusinessDesk) - The",
                (
                    "Jan. 12 (BusinessDesk) -",
                    None,
                    None,
                    Some((None, 1, 12)),
                    Some("BusinessDesk"),
                    "The",
                ),
            ),
            (
                "Oga, Japan (CNN)The town",
                (
                    "Oga, Japan (CNN)",
                    Some("Oga"),
                    Some("JP"),
                    None,
                    Some("CNN"),
                    "The town",
                ),
            ),
            (
                "(CNN) -- The official",
                ("(CNN) --", None, None, None, Some("CNN"), "The official"),
            ),
            (
                "(CNN)Yet another",
                ("(CNN)", None, None, None, Some("CNN"), "Yet another"),
            ),
            (
                "SEOUL, Nov. 24 (Yonhap) -- South Korea",
                (
                    "SEOUL, Nov. 24 (Yonhap) --",
                    Some("Seoul"),
                    Some("KR"),
                    Some((None, 11, 24)),
                    Some("Yonhap"),
                    "South Korea",
                ),
            ),
            (
                "KUALA LUMPUR, Aug 6 (Bernama) -- The",
                (
                    "KUALA LUMPUR, Aug 6 (Bernama) --",
                    Some("Kuala Lumpur"),
                    Some("MY"),
                    Some((None, 8, 6)),
                    Some("Bernama"),
                    "The",
                ),
            ),
            (
                "June 3 (UPI) -- The",
                (
                    "June 3 (UPI) --",
                    None,
                    None,
                    Some((None, 6, 3)),
                    Some("UPI"),
                    "The",
                ),
            ),
            (
                "New Delhi, July 26 (IANS) The",
                (
                    "New Delhi, July 26 (IANS)",
                    Some("New Delhi"),
                    Some("IN"),
                    Some((None, 7, 26)),
                    Some("IANS"),
                    "The",
                ),
            ),
            (
                "New Delhi [India], Sept 20 (ANI): The",
                (
                    "New Delhi [India], Sept 20 (ANI):",
                    Some("New Delhi"),
                    Some("IN"),
                    Some((None, 9, 20)),
                    Some("ANI"),
                    "The",
                ),
            ),
            (
                "Tegucigalpa, Jan 2 (EFE).- The",
                (
                    "Tegucigalpa, Jan 2 (EFE).-",
                    Some("Tegucigalpa"),
                    Some("HN"),
                    Some((None, 1, 2)),
                    Some("EFE"),
                    "The",
                ),
            ),
            (
                "****SANTO DOMINGO, March 4 - The",
                (
                    "****SANTO DOMINGO, March 4 -",
                    Some("Santo Domingo"),
                    Some("DO"),
                    Some((None, 3, 4)),
                    None,
                    "The",
                ),
            ),
            (
                "La paz, march 4 - about 1,000 bolivian",
                (
                    "La paz, march 4 -",
                    Some("La paz"),
                    Some("BO"),
                    Some((None, 3, 4)),
                    None,
                    "about 1,000 bolivian",
                ),
            ),
            (
                "WASHINGTON, March 3 - the U.S. Agriculture",
                (
                    "WASHINGTON, March 3 -",
                    Some("Washington"),
                    Some("US"),
                    Some((None, 3, 3)),
                    None,
                    "the U.S. Agriculture",
                ),
            ),
            (
                "CHICAGO, March 4, - South Korea's",
                (
                    "CHICAGO, March 4, -",
                    Some("Chicago"),
                    Some("US"),
                    Some((None, 3, 4)),
                    None,
                    "South Korea's",
                ),
            ),
            (
                "UNITED NATIONS (AP) - The",
                (
                    "UNITED NATIONS (AP) -",
                    Some("United Nations"),
                    None,
                    None,
                    Some("AP"),
                    "The",
                ),
            ),
        ];
        for (input, (text, city, country, date, agency, rest)) in cases {
            let p = parse(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
            assert!(is_dateline(input), "{input:?}");
            let d = &p.dateline;
            assert_eq!(d.text, *text, "{input:?}");
            assert_eq!(d.city.as_deref(), *city, "{input:?}");
            assert_eq!(d.country.as_deref(), *country, "{input:?}");
            let got_date = d.date.map(|x| (x.year, x.month.unwrap(), x.day.unwrap()));
            assert_eq!(got_date, *date, "{input:?}");
            assert_eq!(d.agency.as_deref(), *agency, "{input:?}");
            assert_eq!(&input[p.len..], *rest, "{input:?}");
            if let Some(span) = &p.city_span {
                assert_eq!(normal_case(&input[span.clone()]), d.city.clone().unwrap());
            }
        }
    }

    #[test]
    fn not_datelines() {
        let cases = [
            "Russia's foreign policy is equally oriented both towards the West and the East.",
            "BAHIA COCOA REVIEW",
            "Ethiopia reports deadly raid by gunmen from South Sudan",
            "The White House has confirmed President Donald Trump paid $38 million in tax.",
            "Rams 54, Chiefs 51.",
            "HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY",
            "Germany Social Democrats: Coalition talks with Merkel could fail",
            "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it",
            "By Joseph Ax",
            "All news",
            "March 3 was a cold day.",
            "(Adds comment from ministry)",
            "(CORRECTED) - BANPONCE <BDEP> PLACES NOTES",
            "WASHINGTON - the talks",
            "Mr Smith - who is 64 - said",
            "",
        ];
        for input in cases {
            assert_eq!(parse(input), None, "{input:?}");
            assert!(!is_dateline(input), "{input:?}");
        }
    }

    #[test]
    fn month_slips() {
        let cases = [
            ("Narch", Some(3)),
            ("Marc", Some(3)),
            ("Mach", Some(3)),
            ("Febuary", Some(2)),
            ("Junee", None),
            ("Mayor", None),
            ("Jane", None),
            ("Said", None),
        ];
        for (w, want) in cases {
            assert_eq!(month_lenient(w), want, "{w}");
        }
    }

    #[test]
    fn months_and_case() {
        let months = [
            ("Jan", Some(1)),
            ("Sept.", Some(9)),
            ("SEPT", Some(9)),
            ("MARCH", Some(3)),
            ("Ma", None),
            ("Mayor", None),
            ("June", Some(6)),
            ("Jun.", Some(6)),
        ];
        for (w, want) in months {
            assert_eq!(month(w), want, "{w}");
        }
        let cases = [
            ("SAO PAULO", "Sao Paulo"),
            ("St PETERSBURG", "St Petersburg"),
            ("ST. LOUIS", "St. Louis"),
            ("PORT-AU-PRINCE", "Port-Au-Prince"),
            ("New Delhi", "New Delhi"),
        ];
        for (w, want) in cases {
            assert_eq!(normal_case(w), want, "{w}");
        }
    }
}
