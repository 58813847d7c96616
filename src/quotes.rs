//! Quotes: every quoted statement in the body, with its kind, cue and speaker, and
//! reported speech without quotation marks.
//!
//! Method, per paragraph, in text order:
//! 1. Marks are paired: “curly” and «guillemets» and „German“ and ``old AP'' by their
//!    direction, "straight" marks by the characters around them, ‘single’ marks only when no
//!    double quote is open and the closing ’ is not inside a word (so "Russia’s" and "the
//!    ’90s" are apostrophes). Single marks inside a double quote are nested quotes and stay
//!    in it. A mark left open runs to the end of its paragraph, never further, unless the
//!    next paragraph opens with a mark: then the quote continues there (the wire convention
//!    for a quote over several paragraphs).
//! 2. Sentence ends are found outside quotes. A quote's attribution is read in its sentence:
//!    after the closing mark (`"…," he said.`, `"…," said X.`) or before the opening mark
//!    (`X said: "…"`, `X stressed that Russia "…"`, `according to X, "…"`), with the cue
//!    from the table in `cues` and the speaker phrase read by `speakers`. A quote with no
//!    attribution continues the speaker of the quote before it in the paragraph
//!    (`"A," he said. "B."`), or, when it opens its paragraph, of the paragraph before when
//!    that one leads into it with a colon (`Cruz continued:`), or of the last quote before
//!    (floating quote paragraphs). A sentence right after a quote that ends its own
//!    sentence attributes it when it is short, or opens with a speaker and a cue however
//!    long it is (`"…?" Trump told a TV station in an interview aired on Monday when …`).
//! 3. Kind: `direct` when the quote opens its sentence or follows `said:`/`said,`, else
//!    `partial`. Quotes of a few words with no cue close by (scare quotes, "so-called"
//!    terms), and capitalised titles of works, are not quotes.
//! 4. Reported speech in sentences that do not open with a quotation mark: `X said (that)
//!    …`, `But X said …`, `…, X said.`, `…, said X.`, `According to X, …` and `…,
//!    according to X.`, with cues that take a clause (a table column): "vowed to" or
//!    "accused X of" are not speech, a cue in its plain form ("maintain", also the
//!    infinitive) needs "that" after it, a passive ("were estimated") or a possessive's
//!    noun ("Lyng's remarks") is no cue. The reported clause may hold a quoted phrase
//!    (`X said he acted on "convincing evidence" that …`); a quote that completes the
//!    sentence and gives it its predicate or half its words (`X noted that ties "have been
//!    and will remain a constant."`) makes it a partial quote instead.
//!
//! Known limits: attribution is looked for in the quote's sentence only (not "…" followed
//! by "That is what X said." in the next one); a quote whose marks were lost or garbled in
//! scraping may be cut short or missed; nested quotes are reported as part of their outer
//! quote, not on their own.

use std::ops::ControlFlow;

use crate::cues;
use crate::layout::Para;
use crate::lede;
use crate::record::QuoteKind;
use crate::speakers::{self, Registry};

/// Words between a cue and a short quote above which the quote is a scare quote.
const NEAR_CUE_SHORT: usize = 3;
const NEAR_CUE_MEDIUM: usize = 8;
/// An unattributed quote of fewer words than this is not reported.
const MIN_UNATTRIBUTED_WORDS: usize = 5;
/// Fewest words in reported speech.
const MIN_INDIRECT_WORDS: usize = 4;

/// A piece of a quote: bytes `start..end` of paragraph `para`'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

/// A statement found, with its speaker resolved in the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub parts: Vec<Part>,
    pub kind: QuoteKind,
    pub entity: Option<usize>,
    pub mention: Option<String>,
    pub cue: Option<String>,
}

/// A span of quoted text in one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    /// Byte offset of the opening mark.
    open: usize,
    /// Content, without marks.
    start: usize,
    end: usize,
    /// Byte offset after the closing mark (the paragraph end when unclosed).
    close_end: usize,
    closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open(usize),
    Close(usize),
    Straight,
    SingleOpen,
    SingleClose,
}

fn mark_at(t: &str, i: usize) -> Option<Mark> {
    let rest = &t[i..];
    let c = rest.chars().next()?;
    Some(match c {
        '“' | '„' | '«' | '‟' => Mark::Open(c.len_utf8()),
        '”' | '»' => Mark::Close(c.len_utf8()),
        '"' => Mark::Straight,
        '`' if rest.starts_with("``") => Mark::Open(2),
        // two apostrophes: closes ``old AP'' quotes, and opens and closes in the NYT style
        '\'' if rest.starts_with("''") => Mark::Straight,
        '‘' => Mark::SingleOpen,
        '’' => Mark::SingleClose,
        _ => return None,
    })
}

fn prev_char(t: &str, i: usize) -> Option<char> {
    t[..i].chars().next_back()
}

fn next_char(t: &str, i: usize) -> Option<char> {
    t[i..].chars().next()
}

/// May a quote open after this character?
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | ',' | '/')
    })
}

/// The bytes of `bytes` from `at` that can start a quotation mark, a bit each (bit `i` for
/// byte `at + i`, up to 64 bytes): '"', '\'', '`' and the non-ASCII bytes (curly quotes
/// and guillemets), each byte of such a char. A few SIMD compares for the 64 bytes
/// ([`swar::load_at`](crate::swar::load_at); no zero byte is marked, so there are no bits
/// past the end).
#[inline(always)]
fn mark_starts(bytes: &[u8], at: usize) -> u64 {
    let (b, before) = crate::swar::load_at(bytes, at);
    let marks = b.eq(b'"') | b.eq(b'\'') | b.eq(b'`') | b.high();
    marks.bits() >> before
}

/// The first byte of `b` that can start a quotation mark (the reference of [`mark_starts`]): '"', '\'', '`' or a non-ASCII
/// byte (curly quotes and guillemets), looked for sixteen bytes at a time.
#[cfg(test)]
fn may_start_mark(b: &[u8]) -> Option<usize> {
    use crate::swar::{high_or_any3, load, load_padded};
    let hits = |w| high_or_any3(w, b'"', b'\'', b'`');
    let mut at = 0;
    while let Some(chunk) = b.get(at..at + 16) {
        let both = u128::from(hits(load(chunk))) | u128::from(hits(load(&chunk[8..]))) << 64;
        if both != 0 {
            return Some(at + (both.trailing_zeros() / 8) as usize);
        }
        at += 16;
    }
    // the rest, in words padded with zero bytes (no mark)
    while at < b.len() {
        let one = hits(load_padded(b, at));
        if one != 0 {
            return Some(at + (one.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    None
}

/// Pairs the quotation marks of one paragraph (see the module doc).
fn spans(t: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // (open mark offset, content start, is single)
    let mut open: Option<(usize, usize, bool)> = None;
    // where the bytes read end: the next mark may start there
    let mut i = 0;
    let bytes = t.as_bytes();
    // the bytes that can start a mark, 64 at a time, from the first; those inside a mark or
    // char read are passed over (so a non-ASCII byte looked at starts a char: the bytes
    // between it and the char or mark before are ASCII)
    for block in (0..t.len()).step_by(64) {
        let mut starts = mark_starts(bytes, block);
        while starts != 0 {
            let at = block + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if at < i {
                continue;
            }
            i = at;
            let Some(m) = mark_at(t, i) else {
                i += t[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let len = match m {
                Mark::Open(n) | Mark::Close(n) => n,
                Mark::Straight if t[i..].starts_with("''") => 2,
                _ => t[i..].chars().next().map_or(1, char::len_utf8),
            };
            // the quote opened at `o`, its text from `s`, closed by this mark
            let closed_here = move |o, s| Span {
                open: o,
                start: s,
                end: i,
                close_end: i + len,
                closed: true,
            };
            match (open, m) {
                (None, Mark::Open(_)) => open = Some((i, i + len, false)),
                (None, Mark::Straight) if opens_after(prev_char(t, i)) => {
                    open = Some((i, i + len, false));
                }
                (None, Mark::SingleOpen) if opens_after(prev_char(t, i)) => {
                    open = Some((i, i + len, true));
                }
                (Some((o, s, false)), Mark::Close(_) | Mark::Straight) => {
                    out.push(closed_here(o, s));
                    open = None;
                }
                (Some((o, s, false)), Mark::Open(_))
                    if t[o..].starts_with('„') && t[i..].starts_with('“') =>
                {
                    // German style: „…“
                    out.push(closed_here(o, s));
                    open = None;
                }
                (Some((o, s, false)), Mark::Open(_)) => {
                    // a new opening mark: the one before was never closed
                    out.push(Span {
                        open: o,
                        start: s,
                        end: i,
                        close_end: i,
                        closed: false,
                    });
                    open = Some((i, i + len, false));
                }
                (Some((o, s, true)), Mark::SingleClose)
                    if !next_char(t, i + len).is_some_and(char::is_alphanumeric) =>
                {
                    out.push(closed_here(o, s));
                    open = None;
                }
                (Some((_, _, true)), Mark::Open(_) | Mark::Straight) => {
                    // a double quote inside a single one: the single mark was an apostrophe
                    open = Some((i, i + len, false));
                }
                _ => {}
            }
            i += len;
        }
    }
    if let Some((o, s, false)) = open {
        out.push(Span {
            open: o,
            start: s,
            end: t.len(),
            close_end: t.len(),
            closed: false,
        });
    }
    // a quote left open that runs into its own attribution ("…growth, said Sun Xianhong")
    for sp in &mut out {
        if sp.closed {
            continue;
        }
        let inner = &t[sp.start..sp.end];
        let cut = inner.match_indices(", ").find_map(|(i, _)| {
            let rest = &inner[i + 2..];
            let words: Vec<&str> = rest.split_whitespace().take(6).collect();
            let first = *words.first()?;
            let second = words.get(1).copied().unwrap_or("");
            let inverted = cues::in_text(first).is_some() && second.starts_with(char::is_uppercase);
            // ", he said" / ", Ali Khan said"
            let subject_first = words
                .iter()
                .position(|w| cues::in_text(w).is_some())
                .is_some_and(|p| {
                    p >= 1
                        && (matches!(words[..p], ["he"] | ["she"] | ["they"])
                            || words[..p].iter().all(|w| w.starts_with(char::is_uppercase)))
                });
            (inverted || subject_first).then_some(i + 1)
        });
        if let Some(c) = cut {
            sp.end = sp.start + c;
            sp.close_end = sp.end;
            sp.closed = true;
        }
    }
    for sp in &mut out {
        let inner = &t[sp.start..sp.end];
        let lead = inner.len() - inner.trim_start().len();
        sp.start += lead;
        sp.end = sp.start + inner.trim().len();
    }
    out.retain(|sp| t[sp.start..sp.end].chars().any(char::is_alphabetic));
    out
}

/// Appends to `starts` the sentence starts of `t`, with quoted stretches masked (they never
/// end a sentence).
fn sentence_starts(t: &str, quoted: &[Span], starts: &mut Vec<usize>) {
    let masked = mask_quotes(t, quoted);
    starts.push(0);
    lede::sentence_breaks(&masked, |_, next| {
        starts.push(next);
        ControlFlow::Continue(())
    });
}

/// Items of every paragraph in one vector (one allocation, not one per paragraph):
/// `per[i]` are those of paragraph `i`.
struct PerPara<T> {
    items: Vec<T>,
    /// Where the items of each paragraph end.
    ends: Vec<usize>,
}

impl<T> std::ops::Index<usize> for PerPara<T> {
    type Output = [T];
    fn index(&self, i: usize) -> &[T] {
        let from = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.items[from..self.ends[i]]
    }
}

/// `t` with each quote, marks included, replaced by as many 'X' as it has bytes (so
/// offsets stay), ending in '.' when the quote ends its sentence: then the writer's
/// sentence ends too (`… yet." According`).
fn mask_quotes<'a>(t: &'a str, quoted: &[Span]) -> std::borrow::Cow<'a, str> {
    let ends_sentence = |sp: &Span| {
        sp.closed
            && t[sp.start..sp.end].trim_end().ends_with(['.', '!', '?'])
            && sp.close_end > sp.open
    };
    if quoted.is_empty() {
        return t.into();
    }
    // a copy with each quote filled at once, in any order (pushed a char at a time, the
    // 'X's cost more than the splitting)
    let mut bytes = t.as_bytes().to_vec();
    for sp in quoted {
        bytes[sp.open..sp.close_end].fill(b'X');
        if ends_sentence(sp) {
            bytes[sp.close_end - 1] = b'.';
        }
    }
    // all-ASCII replacements of whole chars keep UTF-8 valid; the raw text if not
    String::from_utf8(bytes).map_or_else(|_| t.into(), Into::into)
}

/// The sentence `[start, end)` holding byte `pos`.
fn sentence_around(starts: &[usize], len: usize, pos: usize) -> (usize, usize) {
    let i = starts.partition_point(|&s| s <= pos).saturating_sub(1);
    (starts[i], starts.get(i + 1).copied().unwrap_or(len))
}

/// An attribution read next to a quote: the speaker phrase (range in the paragraph) and cue.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Attribution<'a> {
    mention: Option<std::ops::Range<usize>>,
    /// As written in the paragraph, or a fixed phrase.
    cue: &'a str,
    /// Words between the cue and the quote.
    gap: usize,
}

/// The cue phrase as written from word `toks[k]` on: the verb, with the person told
/// ("told reporters") or the channel ("said in a statement", "wrote on Twitter").
fn cue_phrase<'a>(s: &'a str, toks: &[speakers::Tok], k: usize) -> &'a str {
    let verb = &s[toks[k].start..toks[k].end];
    let lower_folded = crate::words::lower(verb);
    let lower = lower_folded.as_str();
    let mut end = toks[k].end;
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| &s[t.start..t.end]);
    // "in a prepared statement", "told the annual meeting": the noun a few words on
    let noun_from = |j: usize| {
        (j..j + 3)
            .take_while(|&i| word(i).is_some())
            .find(|&i| word(i).is_some_and(|w| CHANNEL_NOUNS.contains(&w)))
    };
    if lower == "told" || lower == "tells" || lower == "tell" {
        // told Reuters / told reporters / told the Associated Press
        let mut j = k + 1;
        if word(j).is_some_and(|w| matches!(w, "the" | "a" | "an")) {
            j += 1;
            if let Some(i) = noun_from(j) {
                return &s[toks[k].start..toks[i].end];
            }
        }
        let mut n = 0;
        while let Some(w) = word(j) {
            if n > 0 && !w.starts_with(char::is_uppercase) || n >= 4 {
                break;
            }
            end = toks[j].end;
            j += 1;
            n += 1;
            if !w.starts_with(char::is_uppercase) {
                break;
            }
        }
    } else if let (Some(p), Some(d)) = (word(k + 1), word(k + 2)) {
        let channel = matches!(p, "in" | "on")
            && (matches!(
                d,
                "a" | "an" | "Twitter" | "Facebook" | "X" | "Instagram" | "television" | "TV"
            ));
        if channel {
            end = toks[k + 2].end;
            if matches!(d, "a" | "an") {
                if let Some(i) = noun_from(k + 3) {
                    end = toks[i].end;
                } else if word(k + 3).is_some() {
                    end = toks[k + 3].end;
                }
            }
        }
    }
    &s[toks[k].start..end]
}

/// Nouns that end a cue phrase a few words after its verb: where or to whom it was said.
const CHANNEL_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "report",
    "communique",
    "release",
    "conference",
    "briefing",
    "address",
    "message",
    "post",
    "tweet",
    "video",
    "note",
    "memo",
    "filing",
    "broadcast",
    "hearing",
    "meeting",
    "audience",
    "crowd",
    "rally",
    "seminar",
    "forum",
    "session",
    "gathering",
    "newspaper",
    "magazine",
    "station",
];

/// Reads an attribution after a closing mark: `, he said`, `said X`, `X told Reuters`.
fn attribution_after(t: &str, from: usize, to: usize) -> Option<Attribution<'_>> {
    let s = &t[from..to];
    let toks = speakers::tokens_upto(s, 48);
    // the first cue among the first words, before any other punctuation than commas
    let mut k = 0;
    let mut cue_at = None;
    let mut in_brackets = false;
    while k < toks.len() && k < 30 {
        let tk = toks[k];
        let w = &s[tk.start..tk.end];
        // "?" or U+FFFD: a line break lost in scraping, right after the closing mark;
        // brackets around a party and state: "Jason Chaffetz (R-Utah) said", "Jim
        // McDermott (D-Wash.) said"
        let garbled = k == 0 && matches!(w, "?" | "\u{FFFD}");
        match w {
            "(" => in_brackets = true,
            ")" => in_brackets = false,
            _ => {}
        }
        let bracketed_dot = in_brackets && w == ".";
        if !tk.word && !matches!(w, "," | "—" | "–" | "-" | "(" | ")") && !garbled && !bracketed_dot
        {
            break;
        }
        if tk.word {
            if cues::in_text(w).is_some() {
                cue_at = Some(k);
                break;
            }
            if cues::phrase_at(&s[tk.start..]).is_some() {
                cue_at = Some(k);
                break;
            }
        }
        k += 1;
    }
    let Some(k) = cue_at else {
        // `“…” ― Azucena Gonzalez`: a dash and a name, nothing else
        let first = toks.first()?;
        if matches!(&s[first.start..first.end], "―" | "—" | "–" | "-") {
            let rest = first.end;
            let r = speakers::leading_name(s[rest..].trim_start())?;
            let lead = s[rest..].len() - s[rest..].trim_start().len();
            let tail = s[rest + lead + r.end..].trim();
            if tail.is_empty() || tail == "." {
                return Some(Attribution {
                    mention: Some(from + rest + lead + r.start..from + rest + lead + r.end),
                    cue: "―",
                    gap: 0,
                });
            }
        }
        return None;
    };
    let cue_start = toks[k].start;
    if let Some((len, _)) = cues::phrase_at(&s[cue_start..]) {
        let rest = cue_start + len;
        let obj = speakers::object_after(&s[rest..])?;
        return Some(Attribution {
            mention: Some(from + rest + obj.start..from + rest + obj.end),
            cue: &s[cue_start..rest],
            gap: 0,
        });
    }
    let cue = cue_phrase(s, &toks, k);
    let words_before = toks[..k].iter().filter(|t| t.word).count();
    // "… the agency quoted him": the person quoted is the object
    if s[toks[k].start..toks[k].end].eq_ignore_ascii_case("quoted")
        && let Some(obj) = toks.get(k + 1).filter(|t| t.word)
        && matches!(&s[obj.start..obj.end], "him" | "her" | "them")
    {
        let cue = match &s[obj.start..obj.end] {
            "him" => "quoted he",
            "her" => "quoted she",
            _ => "quoted they",
        };
        return Some(Attribution {
            mention: Some(from + obj.start..from + obj.end),
            cue,
            gap: 0,
        });
    }
    if words_before == 0 {
        // inverted: "said Maria Cardona"
        let rest = toks[k].end;
        let obj = speakers::object_after(&s[rest..]);
        return Some(Attribution {
            mention: obj.map(|r| from + rest + r.start..from + rest + r.end),
            cue,
            gap: 0,
        });
    }
    // the speaker phrase right after the quote ("John Delury, a professor at … told"),
    // else the phrase that ends at the cue ("outraged monarchist delegate David Mitchell")
    // `"…" for Clinton, said Kunin.`: the inverted attribution after a comma
    let to_listener = matches!(
        crate::words::lower(&s[toks[k].start..toks[k].end]).as_str(),
        "told"
            | "tells"
            | "tell"
            | "asked"
            | "asks"
            | "informed"
            | "quoted"
            | "urged"
            | "advised"
            | "assured"
    );
    if k > 0 && &s[toks[k - 1].start..toks[k - 1].end] == "," && !to_listener {
        let rest = toks[k].end;
        if let Some(r) = speakers::object_after(&s[rest..])
            .filter(|r| speakers::names_someone(&s[rest + r.start..rest + r.end]))
        {
            return Some(Attribution {
                mention: Some(from + rest + r.start..from + rest + r.end),
                cue,
                gap: 0,
            });
        }
    }
    let first_word = toks.iter().find(|t| t.word).map_or(0, |t| t.start);
    let head = speakers::object_after(&s[first_word..])
        .map(|r| first_word + r.start..first_word + r.end)
        .filter(|r| {
            let Some(between) = s.get(r.end..cue_start).map(str::trim) else {
                return false;
            };
            // (three tokens tell)
            between.is_empty()
                || between.starts_with(',')
                || speakers::tokens_upto(between, 3).len() <= 2
        });
    let subj = head.or_else(|| speakers::subject_before(&s[..cue_start]))?;
    Some(Attribution {
        mention: Some(from + subj.start..from + subj.end),
        cue,
        gap: 0,
    })
}

/// Reads an attribution before an opening mark: `X said:`, `X stressed that Russia`,
/// `according to X,`.
fn attribution_before(t: &str, from: usize, to: usize) -> Option<Attribution<'_>> {
    let s = &t[from..to];
    let toks = speakers::tokens(s);
    // the last cue that has a speaker ("states" in "other states" is a noun: try earlier);
    // failing that, the last cue alone ("chanting ``Bring back our son!''")
    // (read again for the first when none has a speaker, rather than kept)
    let cue_ks = || {
        (0..toks.len()).rev().filter(|&k| {
            let tk = toks[k];
            let prev = k
                .checked_sub(1)
                .map_or("", |p| &s[toks[p].start..toks[p].end]);
            tk.word
                && (cues::in_text(&s[tk.start..tk.end]).is_some()
                    || cues::phrase_at(&s[tk.start..]).is_some())
                && !is_passive(prev, &s[tk.start..tk.end])
        })
    };
    let with_speaker = cue_ks().find_map(|k| {
        attribution_before_at(s, &toks, k).filter(|a| {
            a.mention
                .as_ref()
                .is_some_and(|r| speakers::can_name_speaker(&s[r.clone()]))
        })
    });
    let a = with_speaker.or_else(|| {
        let k = cue_ks().next()?;
        // a noun that looks like a cue ("other states") is not one without a speaker
        if cues::in_text(&s[toks[k].start..toks[k].end]).is_some()
            && matches!(
                &s[toks[k].start..toks[k].end],
                "states" | "reports" | "claims" | "notes" | "estimates"
            )
        {
            return None;
        }
        Some(Attribution {
            mention: None,
            cue: cue_phrase(s, &toks, k),
            gap: toks[k + 1..].iter().filter(|t| t.word).count(),
        })
    })?;
    Some(Attribution {
        mention: a.mention.map(|r| from + r.start..from + r.end),
        ..a
    })
}

/// The attribution around the cue at token `k` of `s` (ranges relative to `s`).
fn attribution_before_at<'a>(
    s: &'a str,
    toks: &[speakers::Tok],
    k: usize,
) -> Option<Attribution<'a>> {
    let cue_start = toks[k].start;
    if let Some((len, _)) = cues::phrase_at(&s[cue_start..]) {
        let rest = cue_start + len;
        let obj = speakers::object_after(&s[rest..])?;
        // "according to one document posted online by U.S. Customs and Border Protection":
        // the body that issued the document
        let obj = by_issuer(&s[rest..], obj);
        let gap = speakers::tokens(&s[rest + obj.end..])
            .iter()
            .filter(|t| t.word)
            .count();
        return Some(Attribution {
            mention: Some(rest + obj.start..rest + obj.end),
            cue: &s[cue_start..rest],
            gap,
        });
    }
    let gap = toks[k + 1..].iter().filter(|t| t.word).count();
    let cue = cue_phrase(s, toks, k);
    let mention = speakers::subject_before(&s[..cue_start]).or_else(|| {
        // "said Cardona: …"
        let rest = toks[k].end;
        speakers::object_after(&s[rest..]).map(|r| rest + r.start..rest + r.end)
    })?;
    Some(Attribution {
        mention: Some(mention),
        cue,
        gap,
    })
}

/// "his daughter, Rosa, …": the name set off after a description names the speaker.
/// `named`: does the mention name someone ([`speakers::names_someone`]); `described`: else,
/// is it a description of a speaker ([`speakers::is_speaker_description`])?
fn appositive_name(
    t: &str,
    mention: std::ops::Range<usize>,
    named: bool,
    described: bool,
) -> std::ops::Range<usize> {
    if named || !described {
        return mention;
    }
    let rest = &t[mention.end..];
    let Some(after) = rest.strip_prefix(", ") else {
        return mention;
    };
    let base = mention.end + 2;
    match speakers::object_after(after) {
        Some(r) if speakers::names_someone(&after[r.clone()]) => {
            let tail = after[r.end..].trim_start();
            if tail.is_empty() || tail.starts_with([',', '.', ';']) {
                base + r.start..base + r.end
            } else {
                mention
            }
        }
        _ => mention,
    }
}

/// For a document ("one document posted online by X"), the issuer named after "by";
/// otherwise `np` as it is.
fn by_issuer(s: &str, np: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let head = crate::words::lower(crate::words::last_word(&s[np.clone()]).unwrap_or(""));
    if !matches!(
        head.as_str(),
        "document" | "report" | "statement" | "letter" | "study" | "filing"
    ) {
        return np;
    }
    let after = &s[np.end..];
    let Some(by) = after.find(" by ") else {
        return np;
    };
    if words_up_to(&after[..by], 5) > 4 || after[..by].contains([',', '.']) {
        return np;
    }
    let from = np.end + by + 4;
    match speakers::leading_name(&s[from..]) {
        Some(r) => from + r.start..from + r.end,
        None => np,
    }
}

/// The words of `s` (runs without spaces that hold a letter or digit), counted no further
/// than `max`.
fn words_up_to(s: &str, max: usize) -> usize {
    use crate::swar;
    // ASCII text 64 bytes at a time, without a branch per byte; other text (rare) char by
    // char. A word is counted at its first letter or digit: one with no space between it
    // and the last letter or digit before it. Words counted before a non-ASCII byte are
    // words however the rest is read, so reaching `max` there is the answer.
    let bytes = s.as_bytes();
    let mut words = 0;
    // whether the last letter or digit is further back than the last space (or none yet)
    let mut after_space = true;
    let mut at = 0;
    while at < bytes.len() {
        let (b, before) = swar::load_at(bytes, at);
        let mut valid = swar::first_bits(bytes.len() - at);
        let non_ascii = b.high().bits() >> before & valid;
        if non_ascii != 0 {
            // only the bytes before the first non-ASCII one
            valid = (1 << non_ascii.trailing_zeros()) - 1;
        }
        let alnum = (b.ascii_letters() | b.ascii_digits()).bits() >> before & valid;
        let space = b.ascii_spaces().bits() >> before & valid;
        // "other" bytes carry the state of the byte before them: the carries of
        // (alnum | other) + alnum, with the state before the block as the carry in, are
        // at each byte whether the last letter, digit or space before it was a letter
        // or digit (bit 64: after the block)
        let other = !(alnum | space);
        let (x, y) = (u128::from(alnum | other), u128::from(alnum));
        let carries = (x + y + u128::from(!after_space)) ^ x ^ y;
        words += (alnum & !(carries as u64)).count_ones() as usize;
        if words >= max {
            return max;
        }
        if non_ascii != 0 {
            return s
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(max)
                .count();
        }
        after_space = carries >> 64 == 0;
        at += 64;
    }
    words
}

/// A capitalised title of a work or a name in quotation marks ("Look Good Feel Better").
fn is_title_of_work(s: &str) -> bool {
    if s.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    // up to six words, each capitalised, a number or a small joining word
    let mut words = 0;
    for w in crate::words::words(s) {
        words += 1;
        let titled = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "the" | "and" | "a" | "an" | "in" | "on" | "to" | "for" | "at"
            );
        if words > 6 || !titled {
            return false;
        }
    }
    words > 0
}

/// A statement before its speaker is resolved (or, with `note_only`, a person named as a
/// sentence subject, who a later pronoun may refer to).
struct Pending<'a> {
    note_only: bool,
    parts: Vec<Part>,
    kind: QuoteKind,
    /// Paragraph and byte range of the speaker phrase.
    mention: Option<(usize, std::ops::Range<usize>)>,
    /// As written in the paragraph, or a fixed phrase.
    cue: Option<&'a str>,
    /// Take the speaker of the statement before (no attribution of its own).
    inherit: bool,
    /// Opens its paragraph (may continue the previous paragraph's speaker).
    opens_paragraph: bool,
    words: usize,
}

/// Finds the quotes and reported speech of the body paragraphs and resolves speakers. The
/// registry holds the people and bodies read on the way (those with `quotes > 0` are the
/// speakers); it is empty when there is no statement.
pub fn extract(paras: &[Para]) -> (Vec<Found>, Registry) {
    let mut registry = Registry::default();
    let mut out: Vec<Found> = Vec::new();
    let all_spans: Vec<Vec<Span>> = paras.iter().map(|p| spans(&p.text)).collect();
    let mut all_starts = PerPara {
        // most paragraphs are a sentence or two
        items: Vec::with_capacity(2 * paras.len()),
        ends: Vec::with_capacity(paras.len()),
    };
    for (p, sp) in paras.iter().zip(&all_spans) {
        sentence_starts(&p.text, sp, &mut all_starts.items);
        all_starts.ends.push(all_starts.items.len());
    }

    // quotes that run on into following paragraphs
    let mut i = 0;
    let mut carried: Option<(Vec<Part>, usize, usize)> = None; // parts, first para, open
    // (paragraph, byte offset, statement), sorted once all are read: one entry per
    // sentence, and a few statements. `None` is a sentence whose subject is read when
    // statements are resolved: notes change nothing without statements, so an article
    // without any (a fifth of Reuters stories) reads none.
    let mut pending: Vec<(usize, usize, Option<Pending>)> =
        Vec::with_capacity(all_starts.items.len() + 8);
    // the cue positions of the paragraph read (one buffer for all)
    let mut cue_at = Vec::new();
    while i < paras.len() {
        let t = &paras[i].text;
        let sps = &all_spans[i];
        let starts = &all_starts[i];
        for (n, sp) in sps.iter().enumerate() {
            let continues = carried.is_some() && n == 0 && sp.open == 0;
            if continues {
                let (parts, _, _) = carried.as_mut().expect("checked");
                parts.push(Part {
                    para: i,
                    start: sp.start,
                    end: sp.end,
                });
            }
            let at_end = !sp.closed && sp.close_end == t.len() && n + 1 == sps.len();
            let runs_on = at_end
                && paras.get(i + 1).is_some_and(|p| {
                    all_spans[i + 1].first().is_some_and(|s| s.open == 0) && !p.text.is_empty()
                });
            if runs_on {
                if !continues {
                    carried = Some((
                        vec![Part {
                            para: i,
                            start: sp.start,
                            end: sp.end,
                        }],
                        i,
                        sp.open,
                    ));
                }
                continue;
            }
            let (parts, first_para, open) = match carried.take() {
                Some(c) if continues => c,
                other => {
                    if let Some((parts, fp, op)) = other {
                        // a run-on quote whose continuation never came: close it where it is
                        let p = attribute(paras, &all_spans, &all_starts, parts, fp, op, i, None);
                        pending.push((fp, op, Some(p)));
                    }
                    (
                        vec![Part {
                            para: i,
                            start: sp.start,
                            end: sp.end,
                        }],
                        i,
                        sp.open,
                    )
                }
            };
            let p = attribute(
                paras,
                &all_spans,
                &all_starts,
                parts,
                first_para,
                open,
                i,
                Some((*sp, starts)),
            );
            pending.push((first_para, open, Some(p)));
        }
        // reported speech in sentences without quotes
        indirect(t, i, sps, starts, &mut cue_at, &mut pending);
        // sentence subjects that name a person, read later
        pending.extend(starts.iter().map(|&st| (i, st, None)));
        i += 1;
    }
    if let Some((parts, fp, op)) = carried.take() {
        let last = parts.last().map_or(fp, |p| p.para);
        let p = attribute(paras, &all_spans, &all_starts, parts, fp, op, last, None);
        pending.push((fp, op, Some(p)));
    }
    if pending.iter().all(|(_, _, p)| p.is_none()) {
        return (out, registry);
    }

    // resolve in text order
    // a stable sort: what is read at the same place stays in the order it was read
    pending.sort_by_key(|&(para, at, _)| (para, at));
    // the speaker and the cue of the last quote, of this paragraph and of any
    let mut last_quote: Option<(Option<usize>, Option<&str>)> = None;
    let mut last_quote_para: Option<usize> = None;
    let mut prev_in_para: Option<(Option<usize>, Option<&str>)> = None;
    // a person who is the subject of a sentence of this paragraph
    let mut subject_in_para: Option<usize> = None;
    // the person who is the subject of a paragraph's last sentence when that sentence
    // leads into the next paragraph with a colon ("Cruz continued:")
    let mut lead_in: Option<(usize, usize)> = None;
    // the paragraph and range of the mention resolved last: a sentence's subject note is
    // often the phrase its statement resolved just before
    let mut resolved: Option<(usize, std::ops::Range<usize>)> = None;
    let mut para = None;
    for (pi, at, p) in pending {
        let Some(p) = p.or_else(|| subject_note(&paras[pi].text, pi, at)) else {
            continue;
        };
        if para != Some(pi) {
            para = Some(pi);
            prev_in_para = None;
            subject_in_para = None;
        }
        if p.parts.is_empty() && !p.note_only {
            continue;
        }
        if p.note_only {
            if let Some((mp, r)) = &p.mention {
                let again = resolved.take().is_some_and(|m| m.0 == *mp && m.1 == *r);
                let noted = again
                    .then(|| registry.note_resolved_subject(p.opens_paragraph))
                    .flatten()
                    .unwrap_or_else(|| {
                        registry.note_subject(&paras[*mp].text[r.clone()], p.opens_paragraph)
                    });
                subject_in_para = noted.or(subject_in_para);
                let last_sentence = all_starts[pi].last() == Some(&at);
                if let Some(e) =
                    noted.filter(|_| last_sentence && paras[pi].text.trim_end().ends_with(':'))
                {
                    lead_in = Some((pi, e));
                }
            }
            continue;
        }
        let mut entity = None;
        let mut mention = None;
        let mut cue = p.cue;
        if let Some((mp, r)) = &p.mention {
            let m = paras[*mp].text[r.clone()].to_string();
            entity = registry.resolve_with_appositive(&m, &paras[*mp].text[r.end..]);
            resolved = Some((*mp, r.clone()));
            mention = Some(m);
        } else if p.inherit {
            let from = prev_in_para
                .or_else(|| subject_in_para.map(|e| (Some(e), None)))
                .or_else(|| {
                    lead_in
                        .filter(|&(lp, _)| p.opens_paragraph && lp + 1 == pi)
                        .map(|(_, e)| (Some(e), None))
                })
                .or_else(|| {
                    let adjacent = last_quote_para.is_some_and(|lp| lp + 1 == pi || lp == pi);
                    (p.opens_paragraph && adjacent)
                        .then_some(last_quote)
                        .flatten()
                });
            match from {
                Some((e, c)) => {
                    entity = e;
                    if cue.is_none() {
                        cue = c;
                    }
                }
                // no speaker and no cue: a scare quote or a stray mark
                None if cue.is_none()
                    && (p.words < MIN_UNATTRIBUTED_WORDS || p.kind == QuoteKind::Partial) =>
                {
                    continue;
                }
                None => {}
            }
        }
        if p.kind != QuoteKind::Indirect {
            prev_in_para = Some((entity, cue));
            last_quote = prev_in_para;
            last_quote_para = Some(p.parts.last().map_or(pi, |x| x.para));
        }
        if let Some(e) = entity {
            registry.entities[e].quotes += 1;
        }
        out.push(Found {
            parts: p.parts,
            kind: p.kind,
            entity,
            mention,
            cue: cue.map(str::to_string),
        });
    }
    let texts = paras.iter().map(|p| p.text.as_str());
    registry.complete_names(texts);
    (out, registry)
}

/// Kind and attribution of a quote. `last_para` is where it closes; `close` gives the
/// closing span and the sentence starts of that paragraph when it closed normally.
#[allow(clippy::too_many_arguments)]
fn attribute<'a>(
    paras: &'a [Para],
    all_spans: &[Vec<Span>],
    all_starts: &PerPara<usize>,
    parts: Vec<Part>,
    first_para: usize,
    open: usize,
    last_para: usize,
    close: Option<(Span, &[usize])>,
) -> Pending<'a> {
    let t0 = &paras[first_para].text;
    let (s0, _) = sentence_around(&all_starts[first_para], t0.len(), open);
    // text before the opening mark in its sentence, after any earlier quote (spans are in
    // text order, so their ends are too)
    let sps0 = &all_spans[first_para];
    let before = sps0.partition_point(|s| s.close_end <= open);
    let prev_close = if before > 0 {
        sps0[before - 1].close_end
    } else {
        0
    };
    let before_from = s0.max(prev_close);
    let intro = t0[before_from..open].trim();
    // a quote is most often one piece: its text as it is
    let piece = |p: &Part| &paras[p.para].text[p.start..p.end];
    let content: std::borrow::Cow<str> = match parts.as_slice() {
        [one] => piece(one).into(),
        _ => parts.iter().map(piece).collect::<Vec<_>>().join(" ").into(),
    };
    // the count is only compared with small numbers (at most MIN_UNATTRIBUTED_WORDS)
    let words = words_up_to(&content, MIN_UNATTRIBUTED_WORDS);
    let starts_upper = content
        .chars()
        .find(|c| c.is_alphanumeric() || matches!(c, '['))
        .is_some_and(|c| !c.is_lowercase());
    let introduced = intro.is_empty() || intro.ends_with([':', ',']) || {
        let last = crate::words::last_word(intro).unwrap_or("");
        cues::in_text(last.trim_end_matches([',', ':'])).is_some()
    };
    let kind = if parts.len() > 1 || (introduced && starts_upper) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };

    // after the closing mark, up to the sentence end or the next quote
    let after = close.and_then(|(sp, starts)| {
        let t = &paras[last_para].text;
        let (_, mut s_end) = sentence_around(starts, t.len(), sp.close_end.saturating_sub(1));
        let sps = &all_spans[last_para];
        let next = sps.partition_point(|s| s.open < sp.close_end);
        let next_open = sps.get(next).map_or(t.len(), |s| s.open);
        // `"… Really?" Bush said.`: a quote that ends with ? ! or . ends its sentence, yet a
        // short sentence right after it that is only an attribution still belongs to it
        let ended = t[sp.close_end..s_end.max(sp.close_end)].trim().is_empty();
        if ended {
            let (_, following_end) = sentence_around(starts, t.len(), s_end.max(sp.close_end));
            let following = &t[sp.close_end..following_end.min(next_open)];
            // counted once, as far as the larger limit
            let n = words_up_to(following, 25);
            let short = n <= 12 || (n <= 24 && is_bare_attribution(following));
            // (no other letter folds to ASCII "according")
            let opens_with_according = following
                .trim_start()
                .as_bytes()
                .get(..9)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"according"));
            // `"…?" Trump told a television station in an interview aired on Monday …`:
            // however long, a sentence that opens with its speaker and a cue attributes
            let opens_with_speaker = || {
                let f = following.trim_start();
                speakers::object_after(f).is_some_and(|r| {
                    let next = f[r.end..].split_whitespace().next().unwrap_or("");
                    r.start == 0
                        && speakers::can_name_speaker(&f[r.clone()])
                        && cues::in_text(next.trim_end_matches([',', '.'])).is_some()
                })
            };
            // the speaker is looked for only when the length does not decide
            if !opens_with_according && (short || opens_with_speaker()) {
                s_end = following_end;
            }
        }
        let to = s_end.max(sp.close_end).min(next_open);
        attribution_after(t, sp.close_end, to).map(|a| (last_para, a))
    });
    let before = (!intro.is_empty())
        .then(|| attribution_before(t0, before_from, open))
        .flatten()
        .map(|mut a| {
            // a cue with nobody before it: the sentence's subject ("The angry crowd
            // rushed at him …, shouting ``communista''")
            if a.mention.is_none() {
                a.mention = speakers::object_after(&t0[s0..open])
                    .map(|r| s0 + r.start..s0 + r.end)
                    .filter(|r| {
                        let np = &t0[r.clone()];
                        crate::words::words(np).count() <= 6
                            && speakers::can_name_speaker(np)
                            && !np.eq_ignore_ascii_case("it")
                    });
            }
            (first_para, a)
        });
    let chosen = if intro.is_empty() {
        after.or(before)
    } else {
        before.or(after)
    };
    // no cue, but a sentence that opens with its subject and leads into the quote with a
    // colon ("Clinton has since apologized: …", "Wallnau continues: …")
    let chosen = chosen.or_else(|| {
        if !(intro.ends_with(':') && kind == QuoteKind::Direct) {
            return None;
        }
        let sentence = &t0[s0..open];
        // a name followed by its verb ("Trump gestured: …"), else a description ("The
        // senator continued: …")
        let named = speakers::leading_name(sentence).filter(|r| {
            let np = &sentence[r.clone()];
            let next = sentence[r.end..].trim_start();
            // "SESSIONS: …", a transcript's label, or the name and its verb
            speakers::names_someone(np)
                && (next.trim_end() == ":" || next.starts_with(|c: char| c.is_lowercase()))
                // one word: a name, not an adverb opening the sentence ("Ever since")
                && (np.contains(' ')
                    || !matches!(np, "Ever" | "Later" | "Today" | "Here" | "Again" | "Earlier"))
        });
        let r = named.or_else(|| {
            speakers::object_after(sentence).filter(|r| {
                let np = &sentence[r.clone()];
                crate::words::words(np).count() <= 6
                    && !speakers::names_someone(np)
                    && speakers::is_role_or_body(np)
            })
        })?;
        Some((
            first_para,
            Attribution {
                mention: Some(s0 + r.start..s0 + r.end),
                cue: "",
                gap: 0,
            },
        ))
    });

    let mut pending = Pending {
        note_only: false,
        parts,
        kind,
        mention: None,
        cue: None,
        inherit: false,
        opens_paragraph: open == 0,
        words,
    };
    match chosen {
        Some((pi, a)) => {
            // a cue of reported speech with its speaker makes the quote part of what was
            // said, however far ("Bush said history has shown the need for a "stable
            // government""); other cues ("posted a photo of a "closed" sign") must be close
            let speech = cues::in_text(a.cue.split_whitespace().next().unwrap_or("")) == Some(true)
                || a.cue.eq_ignore_ascii_case("according to");
            let near_enough = (speech && a.mention.is_some())
                || if words <= 2 {
                    a.gap <= NEAR_CUE_SHORT
                } else if words <= 4 {
                    a.gap <= NEAR_CUE_MEDIUM
                } else {
                    true
                };
            if !near_enough || (is_title_of_work(&content) && a.gap > 0) {
                return Pending {
                    inherit: false,
                    mention: None,
                    ..scare(pending)
                };
            }
            // a speaker phrase is a pronoun, a name or a description of a speaker; other
            // phrases ("a decision") name nobody
            let t = &paras[pi].text;
            pending.mention = a.mention.and_then(|r| {
                // `can_name_speaker`, with what it reads kept for `appositive_name`
                let np = &t[r.clone()];
                let named = speakers::names_someone(np);
                let described = !named && speakers::is_speaker_description(np);
                (named || described || speakers::is_pronoun_mention(np))
                    .then(|| (pi, appositive_name(t, r, named, described)))
            });
            pending.cue = Some(a.cue).filter(|c| !c.is_empty());
            if pending.mention.is_none() {
                pending.inherit = true;
            }
        }
        None => {
            // `shouting ``communista'' and ``traitor''`: a second quote joined to the one
            // before it in the sentence shares its speaker
            let joined = prev_close > s0 && words_up_to(intro, 3) <= 2;
            if !joined && (kind == QuoteKind::Partial || is_title_of_work(&content)) {
                return scare(pending);
            }
            pending.inherit = true;
        }
    }
    pending
}

/// Marks a candidate as not a quote: it is dropped at resolution.
fn scare(mut p: Pending<'_>) -> Pending<'_> {
    p.parts.clear();
    p.inherit = true;
    p.kind = QuoteKind::Partial;
    p.words = 0;
    p.opens_paragraph = false;
    p.mention = None;
    p.cue = None;
    p
}

/// A person named at the start of the sentence at `st` (after "And", "But" or an opening
/// phrase is not looked past). `opens_paragraph` carries whether an appositive follows.
fn subject_note(t: &str, para: usize, st: usize) -> Option<Pending<'static>> {
    let rest = &t[st..];
    let first = rest.split_whitespace().next()?;
    let skip = if matches!(first, "And" | "But" | "Meanwhile," | "Still," | "However,") {
        rest.find(first).map_or(0, |i| i + first.len())
    } else if matches!(first, "For" | "To" | "Like" | "Unlike") {
        // "For Mariela Steinberg, 38, it has made all the difference."
        let after = rest.find(first).map_or(0, |i| i + first.len());
        let r = speakers::leading_name(rest[after..].trim_start())?;
        let lead = rest[after..].len() - rest[after..].trim_start().len();
        let name_end = after + lead + r.end;
        if !rest[name_end..].starts_with(',') {
            return None;
        }
        after + lead
    } else {
        0
    };
    let r = speakers::leading_name(&rest[skip..]).or_else(|| {
        // what the name reader turns away: a pronoun ("He added …") or a phrase in lower
        // case ("the company said …"); "The White House has confirmed …" is a leading name
        speakers::object_after(&rest[skip..])
            .filter(|r| crate::words::words(&rest[skip..][r.clone()]).count() <= 6)
    })?;
    let np = &rest[skip..][r.clone()];
    // "President Trump's income …" is not about Trump speaking
    let possessive = crate::words::is_possessive(np);
    let np_after = rest[skip + r.end..].trim_start();
    if possessive || np_after.starts_with("'s ") || np_after.starts_with("’s ") {
        return None;
    }
    let after = rest[skip + r.end..].trim_start();
    let appositive = after.starts_with(", a ")
        || after.starts_with(", an ")
        || after.starts_with(", the ")
        || after.starts_with(", who ");
    // a name followed by a verb-like word or an appositive; not "Polls have shown"
    Some(Pending {
        note_only: true,
        parts: Vec::new(),
        kind: QuoteKind::Indirect,
        mention: Some((para, st + skip + r.start..st + skip + r.end)),
        cue: None,
        inherit: false,
        opens_paragraph: appositive,
        words: 0,
    })
}

/// Is `s` a sentence that only attributes: a speaker phrase (perhaps with an appositive),
/// a cue and adverbials ("Miller, a retired worker from a plant, said pleasantly into the
/// phone.")?
fn is_bare_attribution(s: &str) -> bool {
    let body = s.trim().trim_end_matches(['.', '!', '?']);
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(k) = words.iter().position(|w| cues::in_text(w).is_some()) else {
        return false;
    };
    k > 0
        && words[0].starts_with(char::is_uppercase)
        && body.matches(',').count() <= 2
        && words[k + 1..].iter().all(|w| is_adverbial_word(w))
}

/// Adverbials allowed between a reported-speech cue and its end or its clause.
fn is_adverbial_word(w: &str) -> bool {
    let l_folded = crate::words::lower(w);
    let l = l_folded.as_str();
    matches!(
        l,
        "on" | "in"
            | "at"
            | "a"
            | "an"
            | "the"
            | "late"
            | "early"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "here"
            | "there"
            | "statement"
            | "interview"
            | "tv"
            | "television"
            | "radio"
            | "conference"
            | "news"
            | "press"
            | "briefing"
            | "also"
            | "again"
            | "separately"
            | "previously"
            | "recently"
            | "twitter"
            | "written"
            | "his"
            | "her"
            | "their"
            | "its"
            | "e-mail"
            | "email"
            | "emailed"
            | "letter"
            | "speech"
            | "on-air"
            | "website"
            | "told"
            | "reporters"
            | "by"
            | "phone"
            | "telephone"
            | "telephoned"
            | "into"
            | "report"
            | "annual"
            | "prepared"
            | "remarks"
            | "testimony"
            | "address"
            | "communique"
            | "newsletter"
            | "filing"
            | "memo"
            | "editorial"
            | "column"
            | "broadcast"
    ) || crate::words::is_time_word(l)
        || crate::words::is_ly_adverb(l)
        || month_word(l)
        || l.chars().all(|c| c.is_ascii_digit())
}

fn month_word(l: &str) -> bool {
    crate::dateline::month(l).is_some()
}

/// The byte offset in `s` after a conjunction or adverb that opens a sentence ("But",
/// "However,", "Meanwhile"), with the comma and spaces after it; 0 when there is none.
fn after_connective(s: &str) -> usize {
    let t = s.trim_start();
    let word_end = t.find([' ', ',']).unwrap_or(t.len());
    let connective = matches!(
        &t[..word_end],
        "But" | "And" | "Yet" | "So" | "Still" | "However" | "Meanwhile" | "Instead" | "Now"
    );
    if !connective {
        return 0;
    }
    let rest = t[word_end..].trim_start_matches([' ', ',']);
    s.len() - rest.len()
}

/// Is cue word `cue`, after the word `prev`, a verb of speech? Not after a form of "be"
/// ("his role was disclosed"), nor a noun or an adjective after a possessive ("Lyng's
/// remarks came in a speech", "the company's reported loss"; "Moody's said" is a verb).
fn is_cue_verb_here(prev: &str, cue: &str) -> bool {
    let passive = is_passive(prev, cue);
    let possessive = crate::words::is_possessive(prev);
    let nominal = matches!(
        cue,
        "remarks" | "notes" | "claims" | "comments" | "reports" | "reported" | "estimates"
    );
    !(passive || possessive && nominal)
}

/// Is cue word `cue` after `prev` a passive ("was said to be", "were estimated"), not a
/// progressive ("is stressing")?
fn is_passive(prev: &str, cue: &str) -> bool {
    matches!(
        prev,
        "was" | "were" | "is" | "are" | "be" | "been" | "being"
    ) && !cue.ends_with("ing")
}

/// Does quoted text open with an auxiliary or modal verb ("have been", "would not"), so
/// that it gives the writer's sentence its predicate?
fn opens_with_auxiliary(q: &str) -> bool {
    let first = q.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "have"
            | "has"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "cannot"
            | "could"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
    )
}

/// Words counted when comparing a quote that ends a sentence of reported speech with the
/// writer's words before it.
const MIXED_QUOTE_WORDS: usize = 64;

/// Reported speech in the sentences of one paragraph that do not open with a quote,
/// pushed onto `out` as (paragraph, sentence start, statement). `cue_at` is a buffer for
/// the paragraph's cue positions.
fn indirect<'a>(
    t: &'a str,
    para: usize,
    sps: &[Span],
    starts: &[usize],
    cue_at: &mut Vec<usize>,
    out: &mut Vec<(usize, usize, Option<Pending<'a>>)>,
) {
    cues::positions_into(t, cue_at);
    if cue_at.is_empty() {
        return;
    }
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(t.len());
        // a quote overlapping [s, e): the first span ending after s starts before e. A
        // sentence that opens with a quote is direct speech; one that quotes words inside
        // what someone said ("Clinton said he had acted on "convincing evidence" that …")
        // is reported speech that holds a partial quote, unless the quote completes the
        // sentence and gives it its predicate or at least half its words (`Peskov noted
        // that ties with China "have been and will remain a constant in Russia's
        // policy."`): that sentence is the writer's, finished in the speaker's words
        let k = sps.partition_point(|sp| sp.close_end <= s);
        let quote = sps.get(k).filter(|sp| sp.open < e);
        let first_quote = quote.map(|sp| sp.open);
        if first_quote.is_some_and(|open| t[s.min(open)..open].trim().is_empty()) {
            continue;
        }
        let completing = quote.filter(|sp| t[sp.close_end.min(e)..e].trim().is_empty());
        // the paragraph's cue positions, relative to this sentence
        let lo = cue_at.partition_point(|&c| c < s);
        let hi = cue_at.partition_point(|&c| c < e);
        if lo == hi {
            continue;
        }
        for p in reported(t, s, e, para, &cue_at[lo..hi])
            .into_iter()
            .flatten()
        {
            // the writer's own words come first: a clause that opens with the quote is
            // the quote itself (`said: "…"`)
            let clause_start = p.parts.first().map_or(e, |part| part.start);
            if first_quote.is_some_and(|open| {
                clause_start >= open || words_up_to(&t[clause_start..open], 2) < 2
            }) {
                continue;
            }
            if let Some(sp) = completing {
                let q = &t[sp.start..sp.end];
                let quoted = words_up_to(q, MIXED_QUOTE_WORDS);
                let own = words_up_to(&t[clause_start..sp.open], MIXED_QUOTE_WORDS);
                if quoted >= own || opens_with_auxiliary(q) {
                    continue;
                }
            }
            out.push((para, s, Some(p)));
        }
    }
}

/// Reads one sentence `t[s..e]` as reported speech.
/// `cue_at`: byte offsets in `t` of the cue words of the sentence.
/// At most two statements: the main clause's and a participle's (", adding …").
fn reported<'a>(
    t: &'a str,
    s: usize,
    e: usize,
    para: usize,
    cue_at: &[usize],
) -> [Option<Pending<'a>>; 2] {
    reported_in(t, s, e, para, cue_at).unwrap_or_default()
}

fn reported_in<'a>(
    t: &'a str,
    s: usize,
    e: usize,
    para: usize,
    cue_at: &[usize],
) -> Option<[Option<Pending<'a>>; 2]> {
    let sent = &t[s..e];
    let body = sent.trim_end();
    let body = body.strip_suffix('.').unwrap_or(body);
    let toks = speakers::tokens(body);
    if toks.len() < 5 {
        return None;
    }
    let w = |k: usize| &body[toks[k].start..toks[k].end];
    let make = |clause: std::ops::Range<usize>, mention: std::ops::Range<usize>, cue: &'a str| {
        // "underscored that, in particular, …": no punctuation before the clause
        let raw = &body[clause.clone()];
        let opened = raw.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '—')
        });
        let text = opened.trim_end();
        // reported speech is only kept with a few words (the count goes no further)
        let words = words_up_to(text, MIN_INDIRECT_WORDS);
        if words < MIN_INDIRECT_WORDS {
            return None;
        }
        let lead = raw.len() - opened.len();
        let start = s + clause.start + lead;
        // keep a full stop that ends the sentence with the clause
        let mut end = start + text.len();
        if clause.end == body.len() && t[end..e].trim_start().starts_with('.') {
            end = end + (t[end..e].len() - t[end..e].trim_start().len()) + 1;
        }
        Some(Pending {
            note_only: false,
            parts: vec![Part { para, start, end }],
            kind: QuoteKind::Indirect,
            mention: Some((para, s + mention.start..s + mention.end)),
            cue: Some(cue),
            inherit: false,
            opens_paragraph: false,
            words,
        })
    };

    let make_one = |clause, mention, cue| Some([make(clause, mention, cue), None]);

    // According to X, …
    if let Some((len, _)) = cues::phrase_at(body) {
        let obj = speakers::object_after(&body[len..])?;
        let after = len + obj.end;
        let comma = body[after..].find(',')? + after;
        if !body[after..comma].trim().is_empty() && words_up_to(&body[after..comma], 4) > 3 {
            return None;
        }
        return make_one(
            comma + 1..body.len(),
            len + obj.start..len + obj.end,
            &body[..len],
        );
    }

    // …, according to X / …, X said [adverbials] / …, said X
    for ci in memchr::memrchr_iter(b',', body.as_bytes()) {
        // an attribution after this comma has its cue within a few words
        let k = cue_at.partition_point(|&c| c <= s + ci);
        if cue_at.get(k).is_none_or(|&c| c >= s + ci + 160) {
            continue;
        }
        let tail = &body[ci + 1..];
        let tail_lead = tail.len() - tail.trim_start().len();
        let tail_t = tail.trim_start();
        let base = ci + 1 + tail_lead;
        if let Some((len, indirect_ok)) = cues::phrase_at(tail_t) {
            if !indirect_ok {
                return None;
            }
            let obj = speakers::object_after(&tail_t[len..])?;
            let rest = &tail_t[len + obj.end..];
            if words_up_to(rest, 7) > 6 {
                continue;
            }
            return make_one(
                0..ci,
                base + len + obj.start..base + len + obj.end,
                &tail_t[..len],
            );
        }
        // the tail's first 40 tokens: the sentence's from `base` on (a comma ends a token
        // and spaces are skipped, so they are the same), with offsets in the tail
        let first = toks.partition_point(|t| t.start < base);
        let cue_k = toks[first..]
            .iter()
            .take(12)
            .position(|tk| tk.word && cues::in_text(&body[tk.start..tk.end]) == Some(true));
        let Some(ck) = cue_k else { continue };
        // (on the stack: most sentences have no attribution after a comma)
        let mut tail_toks = [speakers::Tok {
            start: 0,
            end: 0,
            word: false,
        }; 40];
        let n = toks.len().saturating_sub(first).min(tail_toks.len());
        for (tt, t) in tail_toks.iter_mut().zip(&toks[first..first + n]) {
            *tt = speakers::Tok {
                start: t.start - base,
                end: t.end - base,
                word: t.word,
            };
        }
        let ttoks = &tail_toks[..n];
        // after the cue: adverbials ("on Sunday"), up to a comma that may open a
        // participle ("…, Cuomo said on Sunday, adding that …")
        let comma_k = (ck + 1..ttoks.len())
            .find(|&k| !ttoks[k].word && &tail_t[ttoks[k].start..ttoks[k].end] == ",");
        let mut after_cue = ttoks[ck + 1..comma_k.unwrap_or(ttoks.len())]
            .iter()
            .filter(|t| t.word)
            .map(|t| &tail_t[t.start..t.end]);
        let adverbial = ck == 0
            || (after_cue.clone().count() <= 8
                && after_cue.all(|w| is_adverbial_word(w) || w.starts_with(char::is_uppercase)));
        if !adverbial {
            continue;
        }
        let cue = cue_phrase(tail_t, ttoks, ck);
        let mention = if ck == 0 {
            // inverted: "…, said Patti Thompson, spokeswoman for …": a speaker phrase, then
            // an appositive or a few adverbials
            let rest = ttoks[0].end;
            let Some(r) = speakers::object_after(&tail_t[rest..]) else {
                continue;
            };
            let np = &tail_t[rest + r.start..rest + r.end];
            let after_np = tail_t[rest + r.end..].trim_start();
            let then_ok = after_np.is_empty()
                || after_np.starts_with(',')
                || crate::words::words(after_np).all(is_adverbial_word);
            // the phrase is read only when what follows it fits
            let speakerish = || speakers::names_someone(np) || speakers::is_speaker_description(np);
            if !(then_ok && speakerish()) {
                continue;
            }
            Some(rest + r.start..rest + r.end)
        } else {
            let subj = speakers::subject_before_tokens(&tail_t[..ttoks[ck].start], &ttoks[..ck])?;
            // nothing before the speaker phrase but a few words in front of a name
            // ("the plant's Director General Oleg Mokryi said")
            let lead = &tail_t[..subj.start];
            // whether it names someone only when there are words before it
            let n = words_up_to(lead, 4);
            if n > 0
                && !(n <= 3
                    && !lead.contains(',')
                    && speakers::names_someone(&tail_t[subj.clone()]))
            {
                continue;
            }
            Some(subj)
        }?;
        let abs_mention = base + mention.start..base + mention.end;
        let mut out = [make(0..ci, abs_mention.clone(), cue), None];
        // "…, adding that …" after the attribution
        if ck > 0
            && let Some(k) = comma_k
            && let Some(pk) = ttoks.get(k + 1)
        {
            let part = &tail_t[pk.start..pk.end];
            let next_is_to = ttoks
                .get(k + 2)
                .is_some_and(|t| &tail_t[t.start..t.end] == "to");
            if pk.word && part.ends_with("ing") && cues::in_text(part) == Some(true) && !next_is_to
            {
                let mut start = pk.end;
                if let Some(th) = ttoks
                    .get(k + 2)
                    .filter(|t| &tail_t[t.start..t.end] == "that")
                {
                    start = th.end;
                }
                out[1] = make(base + start..body.len(), abs_mention, part);
            }
        }
        return Some(out);
    }

    // X said (that) …, with perhaps ", adding …" after it
    let mut out = [None, None];
    let participle = participle(body, &toks, cue_at, s);
    let main_end = participle.map_or(body.len(), |k| toks[k - 1].start);
    let main = reported_subject_first(body, &toks, main_end, cue_at, s);
    // the speaker of a participle: read only when there is one
    let speaker_np = participle.and_then(|_| {
        main.as_ref().map(|(_, np, _)| np.clone()).or_else(|| {
            // the sentence's subject for "…, saying …" on its own
            // ("But officials have shied away from commitments, saying …")
            let from = after_connective(body);
            speakers::object_after(&body[from..])
                .map(|r| from + r.start..from + r.end)
                .filter(|r| crate::words::words(&body[r.clone()]).count() <= 8)
        })
    });
    if let Some((clause, np, cue)) = main {
        out[0] = make(clause, np, cue);
    }
    if let (Some(k), Some(np)) = (participle, speaker_np) {
        let mut start = toks[k].end;
        if toks
            .get(k + 1)
            .is_some_and(|t| t.word && w(k + 1) == "that")
        {
            start = toks[k + 1].end;
        }
        out[1] = make(start..body.len(), np, w(k));
    }
    Some(out)
}

/// The token of `toks` that starts at byte `at`, if one does.
fn token_at(toks: &[speakers::Tok], at: usize) -> Option<usize> {
    let k = toks.partition_point(|t| t.start < at);
    toks.get(k).is_some_and(|t| t.start == at).then_some(k)
}

/// The indices of the tokens of `body` (`toks`) that start at a cue position, in order.
/// `cue_at`: byte offsets of the cue words (see [`cues::positions`]) in the paragraph,
/// where `body` starts at byte `s`.
fn cue_tokens<'a>(
    toks: &'a [speakers::Tok],
    cue_at: &'a [usize],
    s: usize,
) -> impl Iterator<Item = usize> + 'a {
    cue_at
        .iter()
        .filter_map(move |&c| token_at(toks, c.checked_sub(s)?))
}

/// The first participle of speech after a comma (", adding …", not ", going to …") in
/// `body`, as a token index. `cue_at`: byte offsets of the cue words (see
/// [`cues::positions`]) in the paragraph, where `body` starts at byte `s`; such a
/// participle, a whole run of letters and a cue, is always one of them, so only the
/// tokens there are looked at.
fn participle(body: &str, toks: &[speakers::Tok], cue_at: &[usize], s: usize) -> Option<usize> {
    let w = |k: usize| &body[toks[k].start..toks[k].end];
    cue_tokens(toks, cue_at, s).find(|&k| {
        k >= 1
            && toks[k].word
            && w(k).ends_with("ing")
            && cues::in_text(w(k)) == Some(true)
            && !toks[k - 1].word
            && w(k - 1) == ","
            && toks
                .get(k + 1)
                .is_none_or(|t| &body[t.start..t.end] != "to")
    })
}

/// `X said (that) CLAUSE` in `body[..end]`: the clause, the speaker phrase and the cue.
/// `cue_at`: byte offsets of its cue words (see [`cues::positions`]) in the paragraph,
/// where `body` starts at byte `s`.
fn reported_subject_first<'a>(
    body: &'a str,
    toks: &[speakers::Tok],
    end: usize,
    cue_at: &[usize],
    s: usize,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>, &'a str)> {
    let w = |k: usize| &body[toks[k].start..toks[k].end];
    // only tokens where the sentence's cue scan found a cue word can be one: the token
    // (after the first) that starts at each cue position, in order
    let cue_ks = cue_tokens(toks, cue_at, s)
        .filter(|&k| k >= 1 && toks[k].end <= end)
        .filter(|&k| toks[k].word && !w(k).ends_with("ing") && cues::in_text(w(k)) == Some(true))
        .filter(|&k| is_cue_verb_here(w(k - 1), w(k)));
    for ck in cue_ks {
        let before = &body[..toks[ck].start];
        let subj = speakers::subject_before_tokens(before, &toks[..ck]).filter(|subj| {
            // the subject opens the sentence, follows an opening phrase and a comma, or
            // is a name with words in front ("Psychiatric oncologist Gabriela Ozco",
            // "Director of the FBI Louis Freeh")
            let lead = &body[..subj.start];
            // whether it names someone only when the rest does not decide
            lead.trim().is_empty()
                || after_connective(lead) == lead.len()
                || lead.trim_end().ends_with(',')
                || (!lead.contains(',') && speakers::names_someone(&body[subj.clone()]))
        });
        // else the sentence's first noun phrase, with what qualifies it before the cue
        // ("A Chinese-owned company set up to take over its assets said …")
        let subj = subj.or_else(|| {
            speakers::object_after(body)
                .filter(|r| {
                    r.end <= toks[ck].start && words_up_to(&body[r.end..toks[ck].start], 15) <= 14
                })
                .filter(|r| !body[r.end..toks[ck].start].contains(','))
        });
        let Some(subj) = subj else { continue };
        let cue_word = crate::words::lower(w(ck));
        let mut j = ck + 1;
        if matches!(cue_word.as_str(), "told" | "tells") {
            // the person told
            while j < toks.len()
                && toks[j].word
                && (w(j).starts_with(char::is_uppercase)
                    || matches!(w(j), "the" | "a" | "reporters" | "journalists"))
            {
                j += 1;
            }
        }
        // adverbials up to "that" (after "told", whoever was told: "told an Iowa
        // audience that …")
        let that = (j..toks.len().min(j + 8)).find(|&k| toks[k].word && w(k) == "that");
        let told = matches!(cue_word.as_str(), "told" | "tells");
        let clause_start = match that {
            Some(k)
                if (j..k).all(|m| {
                    told || !toks[m].word
                        || is_adverbial_word(w(m))
                        || w(m).starts_with(char::is_uppercase)
                }) =>
            {
                toks[k].end
            }
            _ => {
                while j < toks.len()
                    && toks[j].word
                    && is_adverbial_word(w(j))
                    && !matches!(w(j), "the" | "a" | "an" | "his" | "her" | "its" | "their")
                {
                    j += 1;
                }
                let Some(next) = toks.get(j) else { continue };
                // "said on Friday" then a clause; not "said to", "said it would", which stay
                if !next.word
                    || matches!(
                        w(j),
                        "to" | "of"
                            | "about"
                            | "for"
                            | "with"
                            | "goodbye"
                            | "nothing"
                            | "and"
                            | "or"
                            | "but"
                            | "so"
                    )
                {
                    continue;
                }
                next.start
            }
        };
        // a bare verb ("critics argue", "to maintain", "would explain") reports speech
        // only with "that" right after it
        let bare = cues::is_plain_form(cue_word.as_str());
        if clause_start >= end || (bare && that != Some(ck + 1)) {
            continue;
        }
        let cue = cue_phrase(body, toks, ck);
        return Some((clause_start..end, subj, cue));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn participles_are_found_among_the_cues_as_among_all_tokens(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "adding", "Adding", "saying", "according", "going", "said", "to", "that",
                    "re-adding", "addingé", "x", "3", ",", ", ", " ", "  ", ".", "-", "'", "é",
                    "Jr.", "U.S.", "noting", "warning", "being",
                ]),
                0..24,
            ),
        ) {
            let body = pieces.concat();
            let toks = speakers::tokens(&body);
            let w = |k: usize| &body[toks[k].start..toks[k].end];
            // every token after a comma, as before the cue positions were used
            let by_tokens = (1..toks.len()).find(|&k| {
                toks[k].word
                    && w(k).ends_with("ing")
                    && cues::in_text(w(k)) == Some(true)
                    && !toks[k - 1].word
                    && w(k - 1) == ","
                    && toks.get(k + 1).is_none_or(|t| &body[t.start..t.end] != "to")
            });
            // the body at byte 3 of its paragraph
            let cue_at: Vec<usize> = cues::positions(&body).iter().map(|c| c + 3).collect();
            proptest::prop_assert_eq!(participle(&body, &toks, &cue_at, 3), by_tokens, "{:?}", body);
        }

        #[test]
        fn word_counts_equal_the_char_by_char_count(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "9", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "-", ",", "é", "\u{a0}",
                    "\u{2028}", "—", "x1", "abcdefghijk", "\"", ".", "\u{7f}", "\u{1f}",
                ]),
                0..120,
            ),
            max in 0usize..40,
        ) {
            let t: String = pieces.concat();
            let want = t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(max)
                .count();
            proptest::prop_assert_eq!(words_up_to(&t, max), want, "{:?}", t);
        }
    }

    #[test]
    fn mark_starts_are_found_at_every_position() {
        for special in [b'"', b'\'', b'`', 0xE2, 0xC2] {
            for at in 0..20 {
                let mut text = vec![b'a'; 24];
                text[at] = special;
                assert_eq!(may_start_mark(&text), Some(at), "{special} at {at}");
            }
        }
        for c in 0..=127u8 {
            let text = [b'x', b'x', c, b'x', b'x', b'x', b'x', b'x', b'x', c];
            let want = matches!(c, b'"' | b'\'' | b'`').then_some(2);
            assert_eq!(may_start_mark(&text), want, "{c}");
        }
        assert_eq!(may_start_mark(b""), None);
        // every length, in the blocks of sixteen, of eight and in the padded rest
        for len in 0..40 {
            let plain = vec![b'a'; len];
            assert_eq!(may_start_mark(&plain), None, "{len}");
            for at in 0..len {
                for special in [b'"', 0xC3] {
                    let mut text = plain.clone();
                    text[at] = special;
                    text[len - 1] = b'`';
                    assert_eq!(may_start_mark(&text), Some(at), "{len} {at}");
                }
            }
        }
    }

    /// The bytes that can start a mark, found by [`mark_starts`] block by block.
    fn all_mark_starts(b: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        for block in (0..b.len()).step_by(64) {
            let mut starts = mark_starts(b, block);
            while starts != 0 {
                out.push(block + starts.trailing_zeros() as usize);
                starts &= starts - 1;
            }
        }
        out
    }

    /// The same, by [`may_start_mark`] from each byte after the one found.
    fn all_may_start_mark(b: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(skip) = may_start_mark(&b[at..]) {
            out.push(at + skip);
            at += skip + 1;
        }
        out
    }

    #[test]
    fn mark_starts_are_the_bytes_that_may_start_a_mark() {
        let cases: &[(&[u8], &[usize])] = &[
            (b"", &[]),
            (b"a", &[]),
            (b"\"", &[0]),
            (b"a'b`c\"", &[1, 3, 5]),
            ("\u{201c}A\u{201d}".as_bytes(), &[0, 1, 2, 4, 5, 6]),
            ("\u{e9}t\u{e9}".as_bytes(), &[0, 1, 3, 4]),
        ];
        for (text, want) in cases {
            assert_eq!(all_mark_starts(text), *want, "{text:?}");
        }
        // every length around the blocks' ends, with a mark at each place
        for len in 0..200 {
            let plain = vec![b'a'; len];
            assert_eq!(all_mark_starts(&plain), [0usize; 0], "{len}");
            for at in 0..len {
                for special in [b'"', b'\'', b'`', 0xC3] {
                    let mut text = plain.clone();
                    text[at] = special;
                    assert_eq!(all_mark_starts(&text), [at], "{len} {at}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The block scan finds the bytes the word scan (the one before it) finds.
        #[test]
        fn mark_starts_agree_with_the_word_scan(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u8::ANY,
                    proptest::sample::select(b"\"'`a ".to_vec()),
                ],
                0..300,
            )
        ) {
            proptest::prop_assert_eq!(all_mark_starts(&bytes), all_may_start_mark(&bytes));
        }
    }

    fn quoted(t: &str) -> Vec<&str> {
        spans(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn marks_pair_up() {
        let cases: &[(&str, &[&str])] = &[
            ("\"A,\" he said. \"B.\"", &["A,", "B."]),
            ("“Curly,” she said.", &["Curly,"]),
            ("``Old AP,'' he said.", &["Old AP,"]),
            ("«Guillemets» here", &["Guillemets"]),
            ("„German“ style", &["German"]),
            (
                "''NYT style,'' he said. ''Again.''",
                &["NYT style,", "Again."],
            ),
            (
                "‘We look in both directions’: Kremlin says",
                &["We look in both directions"],
            ),
            ("Russia’s policy and the ’90s, rock ’n’ roll", &[]),
            ("\"Outer 'inner' text,\" he said.", &["Outer 'inner' text,"]),
            ("\"Unclosed at the end", &["Unclosed at the end"]),
            ("He said \"one\" and “two", &["one", "two"]),
            (
                "\"Charges have been rising, said Sun Xianhong, a bidder",
                &["Charges have been rising,"],
            ),
            ("\"\"", &[]),
        ];
        for (t, want) in cases {
            assert_eq!(quoted(t), *want, "{t:?}");
        }
    }

    fn run(paras: &[&str]) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
        let ps: Vec<Para> = paras
            .iter()
            .map(|t| {
                let lines = crate::layout::lines(t);
                crate::layout::paragraphs(&crate::layout::blocks(&lines)).remove(0)
            })
            .collect();
        let (found, reg) = extract(&ps);
        found
            .into_iter()
            .map(|f| {
                let text = f
                    .parts
                    .iter()
                    .map(|p| &ps[p.para].text[p.start..p.end])
                    .collect::<Vec<_>>()
                    .join(" ");
                (
                    text,
                    f.kind,
                    f.entity.map(|e| reg.entities[e].name.clone()),
                    f.cue,
                )
            })
            .collect()
    }

    #[test]
    fn quotes_are_masked_for_sentence_splitting() {
        let span = |open, close_end, closed| Span {
            open,
            start: open + 1,
            end: close_end - 1,
            close_end,
            closed,
        };
        let cases: &[(&str, Vec<Span>, &str)] = &[
            ("No quotes here.", vec![], "No quotes here."),
            (
                "He said \"Go.\" Then",
                vec![span(8, 13, true)],
                "He said XXXX. Then",
            ),
            (
                "A \"b\" c \"d\"",
                vec![span(2, 5, true), span(8, 11, true)],
                "A XXX c XXX",
            ),
            ("É \"ü.\" x", vec![span(3, 8, true)], "É XXXX. x"),
            ("open \"end", vec![span(5, 9, false)], "open XXXX"),
        ];
        for (t, spans, want) in cases {
            assert_eq!(mask_quotes(t, spans), *want, "{t}");
        }
    }

    #[test]
    fn attribution_forms() {
        use QuoteKind::*;
        let s = |x: &str| Some(x.to_string());
        // (paragraphs, [(text, kind, speaker, cue)])
        type Want<'a> = (&'a str, QuoteKind, Option<String>, Option<String>);
        let cases: Vec<(Vec<&str>, Vec<Want<'_>>)> = vec![
            (
                vec!["\"We will win,\" Jane Smith said. \"They will lose.\""],
                vec![
                    ("We will win,", Direct, s("Jane Smith"), s("said")),
                    ("They will lose.", Direct, s("Jane Smith"), s("said")),
                ],
            ),
            (
                vec!["\"It is over,\" said Maria Cardona, a spokeswoman for the agency."],
                vec![("It is over,", Direct, s("Maria Cardona"), s("said"))],
            ),
            (
                vec!["Ali Khan said: \"We are ready to talk.\""],
                vec![("We are ready to talk.", Direct, s("Ali Khan"), s("said"))],
            ),
            (
                vec![
                    "Prime Minister Ali Khan spoke on Monday.",
                    "Khan stressed that Russia \"cannot knock its head against a wall.\"",
                ],
                vec![(
                    "cannot knock its head against a wall.",
                    Partial,
                    s("Ali Khan"),
                    s("stressed"),
                )],
            ),
            (
                vec![
                    "\"First part of a long quote that goes on",
                    "\"and ends in the next paragraph,\" Hugh Hill, a doctor, said.",
                ],
                vec![(
                    "First part of a long quote that goes on and ends in the next paragraph,",
                    Direct,
                    s("Hugh Hill"),
                    s("said"),
                )],
            ),
            (
                vec![
                    "\"We are ready,\" the spokesman said.",
                    "\"Floating paragraph with no cue at all here.\"",
                ],
                vec![
                    ("We are ready,", Direct, s("the spokesman"), s("said")),
                    (
                        "Floating paragraph with no cue at all here.",
                        Direct,
                        s("the spokesman"),
                        s("said"),
                    ),
                ],
            ),
            (vec!["The so-called \"reset\" failed."], vec![]),
            (
                vec!["The program ``Look Good Feel Better'' offers free lessons."],
                vec![],
            ),
            (
                vec!["Prices will rise next year, the ministry said in a statement."],
                vec![(
                    "Prices will rise next year",
                    Indirect,
                    s("the ministry"),
                    s("said in a statement"),
                )],
            ),
            (
                vec!["According to the minister, the talks will resume on Monday."],
                vec![(
                    "the talks will resume on Monday.",
                    Indirect,
                    s("the minister"),
                    s("According to"),
                )],
            ),
            (
                vec!["Khan said on Friday that the talks would resume next week."],
                vec![(
                    "the talks would resume next week.",
                    Indirect,
                    s("Khan"),
                    s("said"),
                )],
            ),
            (
                vec!["Khan vowed to fight the charges in court next year."],
                vec![],
            ),
            (
                vec!["Police accused him of stealing a car last week."],
                vec![],
            ),
            // marks of every kind
            (
                vec!["«We will not give in,» Foreign Minister Ana Lopez said."],
                vec![("We will not give in,", Direct, s("Ana Lopez"), s("said"))],
            ),
            (
                vec!["„Das ist gut“, sagte er nicht; Klaus Weber said it."],
                vec![],
            ),
            (
                vec!["``It was a long night,'' Mayor Tom Reed said."],
                vec![("It was a long night,", Direct, s("Tom Reed"), s("said"))],
            ),
            (
                vec!["“They called it ‘the reset’ back then,” said Ali Khan."],
                vec![(
                    "They called it ‘the reset’ back then,",
                    Direct,
                    s("Ali Khan"),
                    s("said"),
                )],
            ),
            // apostrophes are not quotes
            (
                vec!["Russia’s economy grew in the ’90s, and rock ’n’ roll was back."],
                vec![],
            ),
            // attribution in the middle, the same speaker for both parts
            (
                vec!["\"The talks are over,\" Jane Doe said. \"We go home now.\""],
                vec![
                    ("The talks are over,", Direct, s("Jane Doe"), s("said")),
                    ("We go home now.", Direct, s("Jane Doe"), s("said")),
                ],
            ),
            // speaker with a relative clause, then a pronoun, a role noun and a surname
            (
                vec![
                    "\"Prices will fall,\" Finance Minister Omar Haddad, who took office in May, said on Monday.",
                    "\"Not this year, though,\" he added.",
                    "\"We are patient,\" the minister said.",
                    "\"Very patient,\" Haddad said.",
                ],
                vec![
                    ("Prices will fall,", Direct, s("Omar Haddad"), s("said")),
                    (
                        "Not this year, though,",
                        Direct,
                        s("Omar Haddad"),
                        s("added"),
                    ),
                    ("We are patient,", Direct, s("Omar Haddad"), s("said")),
                    ("Very patient,", Direct, s("Omar Haddad"), s("said")),
                ],
            ),
            // organisations, anonymous sources, told Reuters, wrote on Twitter
            (
                vec!["\"The plant is safe,\" the ministry said in a statement."],
                vec![(
                    "The plant is safe,",
                    Direct,
                    s("the ministry"),
                    s("said in a statement"),
                )],
            ),
            (
                vec!["\"Nobody knows yet,\" a senior official said."],
                vec![("Nobody knows yet,", Direct, s("senior official"), s("said"))],
            ),
            (
                vec!["\"We will appeal,\" Maria Silva told Reuters."],
                vec![(
                    "We will appeal,",
                    Direct,
                    s("Maria Silva"),
                    s("told Reuters"),
                )],
            ),
            (
                vec!["\"See you in court,\" Governor Sam Hill wrote on Twitter."],
                vec![(
                    "See you in court,",
                    Direct,
                    s("Sam Hill"),
                    s("wrote on Twitter"),
                )],
            ),
            // a partial quote inside the writer's sentence, which reports what was said
            (
                vec!["Ali Khan said the plan was \"dead on arrival\" in parliament."],
                vec![
                    (
                        "the plan was \"dead on arrival\" in parliament.",
                        Indirect,
                        s("Ali Khan"),
                        s("said"),
                    ),
                    ("dead on arrival", Partial, s("Ali Khan"), s("said")),
                ],
            ),
            // unbalanced marks stay in their paragraph
            (
                vec![
                    "\"This never closes, Ali Khan said on Monday.",
                    "The next paragraph is the writer's own, with no marks at all.",
                ],
                vec![("This never closes,", Direct, s("Ali Khan"), s("said"))],
            ),
            // a question ends the quote's sentence; the attribution after it still counts
            (
                vec!["\"Is this success? Really?\" Bush said. \"We will see.\""],
                vec![
                    ("Is this success? Really?", Direct, s("Bush"), s("said")),
                    ("We will see.", Direct, s("Bush"), s("said")),
                ],
            ),
            // a party and state in brackets after the name
            (
                vec!["\"Subpoenas are not optional,\" Rep. Jason Chaffetz (R-Utah) said."],
                vec![(
                    "Subpoenas are not optional,",
                    Direct,
                    s("Jason Chaffetz"),
                    s("said"),
                )],
            ),
            // reported speech after the speaker, inverted
            (
                vec!["The storm will reach the coast by Friday, said Ana Lopez, a forecaster."],
                vec![(
                    "The storm will reach the coast by Friday",
                    Indirect,
                    s("Ana Lopez"),
                    s("said"),
                )],
            ),
            // a colon after a sentence that names its subject, no speech verb
            (
                vec!["Mayor Tom Reyes has since apologized: \"That was a mistake and I own it.\""],
                vec![(
                    "That was a mistake and I own it.",
                    Direct,
                    s("Tom Reyes"),
                    None,
                )],
            ),
            // ... but a subject that is no speaker leaves the quote unattributed
            (
                vec!["The message was plain: \"Stay home and keep the doors shut tonight.\""],
                vec![(
                    "Stay home and keep the doors shut tonight.",
                    Direct,
                    None,
                    None,
                )],
            ),
            // a lower-case modifier before the role noun, then the name
            (
                vec!["\"We keep going,\" said conservative activist Bob Lane, who runs a shop."],
                vec![("We keep going,", Direct, s("Bob Lane"), s("said"))],
            ),
            // an attribution sentence of its own, long because of its appositive and adverbs
            (
                vec![
                    "\"Who is calling? Is that you?\" Eva Moll, a retired worker from the \
                     plant, said pleasantly into the phone.",
                ],
                vec![(
                    "Who is calling? Is that you?",
                    Direct,
                    s("Eva Moll"),
                    s("said"),
                )],
            ),
            // an adverb between the name and the cue is not part of the name
            (
                vec!["Ivo Berg similarly warned that the plan \"would not survive the winter.\""],
                vec![(
                    "would not survive the winter.",
                    Partial,
                    s("Ivo Berg"),
                    s("warned"),
                )],
            ),
            // a party and state in brackets, with a dot, between the name and the cue
            (
                vec!["\"We can win the House,\" Rep. Jim Reed (D-Wash.) said."],
                vec![("We can win the House,", Direct, s("Jim Reed"), s("said"))],
            ),
            // the name set off by commas after the role
            (
                vec![
                    "In a statement, her senior policy adviser, Jake Hale, said: \"We stand \
                     with our allies.\"",
                ],
                vec![(
                    "We stand with our allies.",
                    Direct,
                    s("Jake Hale"),
                    s("said"),
                )],
            ),
            // an adverb of manner between the subject and the cue
            (
                vec!["In spring, Ann Cole emphatically proclaimed, \"I sent nothing secret.\""],
                vec![(
                    "I sent nothing secret.",
                    Direct,
                    s("Ann Cole"),
                    s("proclaimed"),
                )],
            ),
            // no speech: a passive, and a cue word that is a noun after a possessive
            (
                vec!["Sales were estimated at 2.5 billion yen, down from a year earlier."],
                vec![],
            ),
            (
                vec!["Lang's remarks came in a speech at the state university today."],
                vec![],
            ),
            // where it was said, between the cue and the end of the sentence
            (
                vec![
                    "The exchange needs better marketing, chairman Pat Elmer said in his \
                     annual report.",
                    "Trading in live cattle contracts rose by a third last year, he said.",
                ],
                vec![
                    (
                        "The exchange needs better marketing",
                        Indirect,
                        s("Pat Elmer"),
                        s("said"),
                    ),
                    (
                        "Trading in live cattle contracts rose by a third last year",
                        Indirect,
                        s("Pat Elmer"),
                        s("said"),
                    ),
                ],
            ),
            // the cue runs to the noun for where it was said
            (
                vec![
                    "Ann Cole told a news conference on Friday that the port would reopen \
                     next week.",
                ],
                vec![(
                    "the port would reopen next week.",
                    Indirect,
                    s("Ann Cole"),
                    s("told a news conference"),
                )],
            ),
            // a conjunction before the speaker
            (
                vec!["But some bankers said the rate cut would come before the summer."],
                vec![(
                    "the rate cut would come before the summer.",
                    Indirect,
                    s("some bankers"),
                    s("said"),
                )],
            ),
            (
                vec![
                    "But officials have shied away from any promise, saying the talks will go \
                     on for months.",
                ],
                vec![(
                    "the talks will go on for months.",
                    Indirect,
                    s("officials"),
                    s("saying"),
                )],
            ),
            // a cue verb in its plain form reports speech with "that" after it ...
            (
                vec!["Some bankers maintain that the rate cut will come before the summer."],
                vec![(
                    "the rate cut will come before the summer.",
                    Indirect,
                    s("Some bankers"),
                    s("maintain"),
                )],
            ),
            // ... and not as an infinitive
            (
                vec!["The company said it would maintain its dividend this year."],
                vec![(
                    "it would maintain its dividend this year.",
                    Indirect,
                    s("The company"),
                    s("said"),
                )],
            ),
            (
                vec!["The board decided to maintain its dividend at the same level."],
                vec![],
            ),
            // reported speech may borrow a phrase in quotation marks ...
            (
                vec![
                    "Ann Cole said on Friday that she had acted on \"convincing evidence\" \
                     from the agency.",
                ],
                vec![
                    (
                        "she had acted on \"convincing evidence\" from the agency.",
                        Indirect,
                        s("Ann Cole"),
                        s("said"),
                    ),
                    ("convincing evidence", Partial, s("Ann Cole"), s("said")),
                ],
            ),
            // ... but a sentence the speaker's words complete is a partial quote only
            (
                vec![
                    "Ann Cole noted that the ties \"have been and will remain a constant in \
                     our policy.\"",
                ],
                vec![(
                    "have been and will remain a constant in our policy.",
                    Partial,
                    s("Ann Cole"),
                    s("noted"),
                )],
            ),
            // a paragraph that leads into the next with a colon gives its quote a speaker
            (
                vec![
                    "Senator Ann Cole then turned to the budget:",
                    "\"We will not stop until the job is done.\"",
                ],
                vec![(
                    "We will not stop until the job is done.",
                    Direct,
                    s("Ann Cole"),
                    None,
                )],
            ),
            // a document or an unnamed user is the speaker as written
            (
                vec!["\"The county failed its voters,\" the lawsuit says."],
                vec![(
                    "The county failed its voters,",
                    Direct,
                    s("the lawsuit"),
                    s("says"),
                )],
            ),
            (
                vec!["\"He is very cute with a big mouth,\" one user wrote."],
                vec![(
                    "He is very cute with a big mouth,",
                    Direct,
                    s("one user"),
                    s("wrote"),
                )],
            ),
            // a transcript's capitals name the same person
            (
                vec![
                    "Senator Jeff Sessions spoke first.",
                    "SESSIONS: \"I am not aware of any of those activities.\"",
                ],
                vec![(
                    "I am not aware of any of those activities.",
                    Direct,
                    s("Jeff Sessions"),
                    None,
                )],
            ),
        ];
        for (paras, want) in cases {
            let got = run(&paras);
            let want: Vec<(String, QuoteKind, Option<String>, Option<String>)> = want
                .into_iter()
                .map(|(a, b, c, d)| (a.to_string(), b, c, d))
                .collect();
            assert_eq!(got, want, "{paras:?}");
        }
    }
}
