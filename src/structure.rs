//! Structure: where the header ends and the body begins, and what each part holds.
//!
//! Method: blocks are read from the top, line by line, until the body is found.
//! - Each line is first tried as a dateline: the first one found opens the body.
//! - Otherwise it is chrome (dropped), a byline (with an affiliation line under it), or a
//!   header line; the header lines of one block form a unit.
//! - With a dateline, the units above it are headline (the first title-like one) and
//!   subheadline (the unit after the headline).
//! - Without one, the first unit is the headline if it is title-like and more follows; a
//!   short unit after it is a subheadline when the body after it lost its paragraph breaks
//!   (the layout of scraped pages); the body starts at the next unit.
//!
//! The body's paragraphs then lose chrome, the dateline (kept in `dateline.text`) and the
//! trailer (sign-offs, desk codes and credits); the lede is the first paragraph left.
//!
//! Known limits: a subheadline glued to the lede on one line is not separated; with no
//! dateline and ordinary paragraphs a standfirst is taken for the lede.

use crate::byline::{self, Byline};
use crate::layout::{self, Line, Para};
use crate::record::Dateline;
use crate::{chrome, dateline, headline, lede, trailer};

/// Units looked at before giving up on finding a dateline.
const MAX_UNITS: usize = 6;
/// Header text looked at before giving up on finding a dateline (characters).
const MAX_HEADER_CHARS: usize = 2500;
/// Longest subheadline without a dateline (characters).
const MAX_SUBHEADLINE: usize = 400;

/// The article's parts, before the later stages look into the body.
#[derive(Debug, Default)]
pub struct Structure {
    pub byline: Option<String>,
    pub dateline: Option<Dateline>,
    pub lede: Option<String>,
    pub paragraphs: Vec<Para>,
    pub credits: Option<String>,
    /// The headline and subheadline, with where they lie in the input (their text is the
    /// output's).
    pub headline_para: Option<Para>,
    pub subheadline_para: Option<Para>,
    /// Byte offset in the input of the dateline's place as written ("MOSCOW").
    pub dateline_city_at: Option<std::ops::Range<usize>>,
}

/// Header lines of one block.
struct Unit {
    para: Para,
    chars: usize,
    /// Block index and the line where the unit starts.
    block: usize,
    line: usize,
}

/// Reads the structure of an article.
pub fn read(text: &str) -> Structure {
    let lines = layout::lines(text);
    let blocks = layout::blocks(&lines);
    // the units looked at, and one more for a dateline's block (room for all, most often)
    let mut units: Vec<Unit> = Vec::with_capacity(MAX_UNITS + 2);
    let mut byline: Option<Byline> = None;
    let mut affiliation_agency: Option<&'static str> = None;
    let mut found: Option<(usize, usize)> = None; // (block, line) of the dateline
    // the dateline as read on its line, finished on the paragraph it opens
    let mut on_line: Option<dateline::OnLine<'_>> = None;
    let mut header_chars = 0;
    // the header lines of the block being read (lines are small copies), one buffer for all
    let mut kept: Vec<Line<'_>> = Vec::with_capacity(8);

    'blocks: for (bi, block) in blocks.iter().enumerate() {
        if units.len() >= MAX_UNITS || header_chars > MAX_HEADER_CHARS {
            break;
        }
        kept.clear();
        let mut li = 0;
        while li < block.len() {
            let line = block[li].text;
            if let Some(d) = dateline::read_line(line) {
                // lines above it in the same block are header units of their own
                for (k, l) in kept.iter().enumerate() {
                    units.push(unit(Para::from_line(l), bi, k));
                }
                found = Some((bi, li));
                on_line = Some(d);
                break 'blocks;
            }
            let next = block.get(li + 1).map(|l| l.text);
            if chrome::is_header_chrome(line) {
                li += 1;
                continue;
            }
            if byline.is_none() {
                if let Some(b) = byline::parse(line) {
                    affiliation_agency = b.agency;
                    if let Some(ag) = next.and_then(byline::affiliation_agency) {
                        affiliation_agency = Some(ag);
                        li += 1;
                    }
                    byline = Some(b);
                    li += 1;
                    continue;
                }
                let with_affiliation = next.and_then(|n| byline::parse_with_affiliation(line, n));
                if let Some(b) = with_affiliation {
                    affiliation_agency = b.agency;
                    byline = Some(b);
                    li += 2;
                    continue;
                }
            }
            kept.push(block[li]);
            li += 1;
        }
        if kept.is_empty() {
            continue;
        }
        let u = unit(Para::from_lines(&kept), bi, 0);
        header_chars += u.chars;
        let long = u.chars > lede::LOST_BREAKS;
        units.push(u);
        if long {
            break;
        }
    }

    let mut s = Structure {
        byline: byline.map(|b| b.name),
        ..Structure::default()
    };
    let body_from: (usize, usize);
    if let Some(at) = found {
        let first_title = units
            .iter()
            .position(|u| headline::is_title_like(&u.para.text));
        if let Some(h) = first_title {
            s.headline_para = Some(cut(take_para(&mut units[h]), headline::clean));
            s.subheadline_para = units
                .get_mut(h + 1)
                .map(|u| cut(take_para(u), headline::clean_subheadline));
        }
        body_from = at;
    } else {
        let mut next = 0;
        if units.len() > 1 && headline::is_title_like(&units[0].para.text) {
            s.headline_para = Some(cut(take_para(&mut units[0]), headline::clean));
            next = 1;
        }
        let lost_breaks_after = |i: usize| {
            units
                .get(i)
                .is_some_and(|u| u.chars > lede::LOST_BREAKS && blocks[u.block].len() == 1)
        };
        if next == 1
            && units.get(1).is_some_and(|u| u.chars <= MAX_SUBHEADLINE)
            && lost_breaks_after(2)
        {
            s.subheadline_para = Some(cut(take_para(&mut units[1]), headline::clean_subheadline));
            next = 2;
        }
        body_from = match units.get(next) {
            Some(u) => (u.block, u.line),
            // everything was header: the body starts after the last block looked at
            None => match units.last() {
                Some(u) => (u.block + 1, 0),
                None => (blocks.len(), 0),
            },
        };
    }

    // body: the blocks from `body_from` on, the first cut to its line (in place, as the
    // blocks are not looked at again)
    let mut blocks = blocks;
    if let Some(first) = blocks.get_mut(body_from.0) {
        *first = &first[body_from.1..];
    }
    let body_blocks = blocks.get(body_from.0..).unwrap_or_default();
    let mut paras = layout::paragraphs(body_blocks);
    // the body opens with the dateline's line
    if let Some(d) = on_line
        && let Some(first) = paras.first_mut()
        && let Some(p) = d.parse_paragraph(&first.text)
    {
        s.dateline_city_at = p
            .city_span
            .map(|r| first.src_offset(r.start)..first.src_offset(r.start) + r.len());
        first.strip_prefix(p.len);
        s.dateline = Some(p.dateline);
    }
    paras.retain(|p| !p.text.is_empty() && !chrome::is_chrome(&p.text));
    // desk notes right under the dateline
    while paras
        .first()
        .is_some_and(|p| chrome::is_editor_note(&p.text))
    {
        paras.remove(0);
    }

    let t = trailer::split(&paras);
    paras.truncate(t.keep);
    let mut signoff_agency = t.agency;
    if let Some(last) = paras.last_mut() {
        if let Some(line) = last.pop_last_line(|l| trailer::signoff(l).is_some()) {
            signoff_agency = signoff_agency.or(trailer::signoff(&line).flatten());
        } else if let Some((head, ag)) = trailer::strip_glued_signoff(&last.text) {
            let n = head.len();
            last.text.truncate(n);
            signoff_agency = signoff_agency.or(Some(ag));
        }
    }
    if !t.credits.is_empty() {
        s.credits = Some(t.credits.join(" "));
    }
    if let Some(d) = s.dateline.as_mut()
        && d.agency.is_none()
    {
        d.agency = affiliation_agency.or(signoff_agency).map(str::to_string);
    }
    s.lede = paras
        .first()
        .map(|p| lede::from_first_paragraph(&p.text, p.nlines).to_string());
    s.paragraphs = paras;
    s
}

/// The unit's paragraph, taken out (only its place and size are looked at later).
fn take_para(u: &mut Unit) -> Para {
    std::mem::take(&mut u.para)
}

fn unit(para: Para, block: usize, line: usize) -> Unit {
    Unit {
        // an ASCII text (most) has as many characters as bytes, checked a word at a time
        chars: if para.text.is_ascii() {
            para.text.len()
        } else {
            para.text.chars().count()
        },
        para,
        block,
        line,
    }
}

/// The part of `para` that `clean` keeps (cleaning only trims, so it is a substring): its
/// first occurrence in the text. The paragraph is cut in place.
fn cut(mut para: Para, clean: impl Fn(&str) -> &str) -> Para {
    let kept = clean(&para.text);
    // most titles are kept whole or lose a tail; only a lost head needs the search
    let at = if para.text.starts_with(kept) {
        Some(0)
    } else {
        para.text.find(kept)
    };
    if let Some(at) = at {
        let range = at..at + kept.len();
        para.keep(range);
    }
    para
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_body() {
        let src = "All news\n\n\
                   Kremlin says talks will go on\n\n\
                   The spokesman commented on the talks\n\n\
                   MOSCOW, April 29. /TASS/. The talks will go on, the spokesman said.\n\n\
                   \"We are ready,\" he said.\n";
        let s = read(src);
        assert_eq!(
            s.headline_para.as_ref().map(|p| p.text.as_str()),
            Some("Kremlin says talks will go on")
        );
        assert_eq!(
            s.subheadline_para.as_ref().map(|p| p.text.as_str()),
            Some("The spokesman commented on the talks")
        );
        let d = s.dateline.expect("dateline");
        assert_eq!(d.city.as_deref(), Some("Moscow"));
        assert_eq!(d.agency.as_deref(), Some("TASS"));
        assert_eq!(
            s.lede.as_deref(),
            Some("The talks will go on, the spokesman said.")
        );
        assert_eq!(s.paragraphs.len(), 2);
        // offsets of the stripped first paragraph still point into the input
        let p = &s.paragraphs[0];
        assert_eq!(&src[p.src_offset(0)..p.src_offset(0) + 9], "The talks");
    }

    #[test]
    fn bylines_affiliations_and_trailers() {
        let src = "Man faces charges\n\n\
                   Mia Rabson and Jordan Press\nThe Canadian Press\n\n\
                   OTTAWA - A Manitoba man is facing 22 criminal charges.\n\n\
                   More text.\n\n\
                   This report by The Canadian Press was first published July 3, 2020.\n";
        let s = read(src);
        assert_eq!(s.byline.as_deref(), Some("Mia Rabson and Jordan Press"));
        let d = s.dateline.expect("dateline");
        assert_eq!(d.agency.as_deref(), Some("CP"));
        assert_eq!(d.country.as_deref(), Some("CA"));
        assert_eq!(s.paragraphs.len(), 2);
        assert!(s.credits.unwrap().starts_with("This report by"));
    }

    #[test]
    fn reuters_1987() {
        let src = "BAHIA COCOA REVIEW\n\n\
                   SALVADOR, Feb 26 - Showers continued throughout the week in\n\
                   the Bahia cocoa zone, alleviating the drought since early\n\
                   January.\n    The dry period means the temporao will be late this year.\n \
                   Reuter\n";
        let s = read(src);
        assert_eq!(
            s.headline_para.as_ref().map(|p| p.text.as_str()),
            Some("BAHIA COCOA REVIEW")
        );
        let d = s.dateline.expect("dateline");
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(
            s.lede.as_deref(),
            Some(
                "Showers continued throughout the week in the Bahia cocoa zone, alleviating \
                 the drought since early January."
            )
        );
        assert_eq!(s.paragraphs.len(), 2);
    }

    #[test]
    fn no_dateline_scraped_page() {
        let body = "A long body sentence that goes on. ".repeat(30);
        let src = format!(
            "Ethiopia reports deadly raid\n\nBandits crossed into the region. Civil war\n\n{body}\n"
        );
        let s = read(&src);
        assert_eq!(
            s.headline_para.as_ref().map(|p| p.text.as_str()),
            Some("Ethiopia reports deadly raid")
        );
        assert_eq!(
            s.subheadline_para.as_ref().map(|p| p.text.as_str()),
            Some("Bandits crossed into the region.")
        );
        assert_eq!(s.dateline, None);
        assert_eq!(
            s.lede.as_deref(),
            Some("A long body sentence that goes on.")
        );
    }

    #[test]
    fn cut_keeps_the_first_occurrence() {
        // (title, what cleaning keeps, where that starts in the title)
        let cases: &[(&str, &str, usize)] = &[
            ("Oil falls", "Oil falls", 0),
            ("UPDATE 1-Oil falls", "Oil falls", 9),
            ("Oil falls (updated 3)", "Oil falls", 0),
            ("RPT-UPDATE 2-Oil falls (Adds)", "Oil falls", 13),
            // the kept text also opens the title: its first occurrence is taken
            ("EXCLUSIVE-EXCLUSIVE", "EXCLUSIVE", 0),
        ];
        for (title, kept, at) in cases {
            let line = Line {
                text: title,
                start: 100,
                indent: 0,
            };
            let p = cut(Para::from_line(&line), headline::clean);
            assert_eq!(p.text, *kept, "{title:?}");
            assert_eq!(p.src_offset(0), 100 + at, "{title:?}");
        }
    }

    #[test]
    fn byline_first_no_headline() {
        let src = "by Bojan Kavcic\n\nAll is ready for Slovenia to adopt the euro, officials here said on Friday in the capital.\n\nMore.\n";
        let s = read(src);
        assert_eq!(s.headline_para, None);
        assert_eq!(s.byline.as_deref(), Some("Bojan Kavcic"));
        assert!(s.lede.unwrap().starts_with("All is ready"));
    }
}
