//! Speakers: reading the words that name a speaker, splitting titles from names, and
//! resolving pronouns, role nouns and surnames to the person they refer to.
//!
//! Method:
//! - [`subject_before`] reads the noun phrase that ends a stretch of text (the subject of a
//!   following cue: "Kremlin Spokesman Dmitry Peskov", "he", "a senior official", "Hugh
//!   Hill, a doctor,"), skipping adverbs and auxiliaries ("also", "has") and appositives or
//!   relative clauses set off by commas;
//! - [`object_after`] reads the noun phrase that starts a stretch (after an inverted cue:
//!   "said Maria Cardona, a spokeswoman …", "according to the press secretary");
//! - [`split_title`] cuts "Kremlin Spokesman Dmitry Peskov" into title and name at the last
//!   title word (a table);
//! - [`Registry`] resolves mentions in text order: "he" or "she" to the last person quoted
//!   (or, when no person is named yet, to the last speaker described as one person: "a
//!   spokesman for the ministry"), "it" to the last body quoted (or to a one-word name
//!   quoted last, which then counts as a body's), a role noun ("the spokesman", "the press
//!   secretary") to the person whose title has that role (or a synonym), a surname to the
//!   full name, a description ("the ministry") to itself; at the end surnames are upgraded
//!   to the fullest form written in the article.
//!
//! Known limits: no syntax beyond these patterns; "he" goes to the last person quoted, not
//! the last person named; gender is not checked.

/// One word of a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// A word (letters, digits, inner '.', '-', apostrophes) or one punctuation char.
    pub word: bool,
}

/// Cuts `s` into words and punctuation.
pub fn tokens(s: &str) -> Vec<Tok> {
    tokens_upto(s, usize::MAX)
}

/// The first `max` tokens of `s` (the phrase readers look no further, so long texts are
/// not cut up in full).
///
/// ASCII text is cut 64 bytes at a time (`ascii_tokens`); from the last white space
/// before a non-ASCII char, the char-by-char tokenizer of [`token_iter`] takes over until it
/// is some way past that char. No token crosses white space and the tokenizer looks only
/// ahead, so both start at token boundaries and cut the same tokens as [`token_iter`] alone.
pub fn tokens_upto(s: &str, max: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity(max.min(s.len() / 4 + 2));
    let mut at = 0;
    while at < s.len() && out.len() < max {
        let Some(hand) = ascii_tokens(s, at, max, &mut out) else {
            break;
        };
        let mut slow = Tokens {
            s,
            at: hand.restart,
        };
        // a little past the char: where there is one non-ASCII char, others are often
        // near, and each handover costs a few tokens' worth
        while slow.at <= hand.non_ascii + 32 && out.len() < max {
            match slow.next() {
                Some(t) => out.push(t),
                None => break,
            }
        }
        at = slow.at;
    }
    out.truncate(max);
    out
}

/// Where [`ascii_tokens`] hands over to [`Tokens`]: at the white space `restart` (or the
/// start), the last before the non-ASCII byte `non_ascii`.
struct Handover {
    restart: usize,
    non_ascii: usize,
}

/// Appends to `out` the tokens of `s` from `from` (a token boundary), as long as the text
/// is ASCII, stopping once `max` tokens are complete. At a non-ASCII char it stops at the
/// white space before it and says where.
///
/// Each block of 64 bytes is read into bit masks (bit `i` for byte `i`): letters and
/// digits, spaces, joiners. A joiner between two alphanumerics is part of a word, and a
/// dot after an abbreviation ends one, so the words are the runs of those bytes; every
/// other byte that is not a space is a token of its own. The tokens of a block are then
/// read off the masks of their first and last bytes, without a branch per byte or per
/// word end. A word that runs into the next block is closed there.
fn ascii_tokens(s: &str, from: usize, max: usize, out: &mut Vec<Tok>) -> Option<Handover> {
    let bytes = s.as_bytes();
    let mut to = bytes.len();
    let mut hand = None;
    // the alphanumeric mark of the byte before the block, and whether a word runs into it
    let mut alnum_before = 0u64;
    let mut open = false;
    let mut base = from;
    while base < to {
        let Some(block) = Block::read(&bytes[..to], base) else {
            // the text up to the last white space before the char is cut here: its
            // tokens are those already out, the word running into this block excepted
            // when the white space is further back, or those of this block before it
            let non_ascii = base
                + bytes[base..]
                    .iter()
                    .position(|b| !b.is_ascii())
                    .unwrap_or(0);
            let mut restart = bytes[from..non_ascii]
                .iter()
                .rposition(|&b| crate::words::is_ascii_space(b))
                .map_or(from, |k| from + k);
            // no word runs into the block, so it starts at a token boundary: for a few
            // bytes (text thick with non-ASCII chars) the char-by-char tokenizer costs
            // less than reading the block again
            if !open && (base..base + 24).contains(&restart) {
                restart = base;
            }
            hand = Some(Handover { restart, non_ascii });
            to = restart;
            if restart < base {
                while out.last().is_some_and(|t| t.start >= restart) {
                    out.pop();
                }
                open = false;
            }
            continue;
        };
        let alnum_after = u64::from(
            bytes[..to]
                .get(base + 64)
                .is_some_and(u8::is_ascii_alphanumeric),
        );
        let prev = block.alnum << 1 | alnum_before;
        let next = block.alnum >> 1 | alnum_after << 63;
        let mut word = block.alnum | (block.joiner & prev & next);
        // a dot after a word and before no alphanumeric ends an abbreviation ("Gov.")
        let mut dots = block.joiner & prev & !next;
        while dots != 0 {
            let d = dots.trailing_zeros();
            dots &= dots - 1;
            if bytes[base + d as usize] != b'.' {
                continue;
            }
            // the word before the dot starts after the last byte below it that is not in
            // a word, or where the word that ran into this block started
            let outside = !word & ((1u64 << d) - 1);
            let start = if outside != 0 {
                base + (64 - outside.leading_zeros()) as usize
            } else if open {
                out.last().map_or(base, |t| t.start)
            } else {
                base
            };
            if is_abbrev(&s[start..base + d as usize]) {
                word |= 1 << d;
            }
        }
        let single = !word & !block.space & block.valid;
        let mut firsts = (word & !(word << 1 | u64::from(open))) | single;
        // the last byte of a word in bit 63 is known only with the next block
        let mut lasts = (word & !(word >> 1) & !(1 << 63)) | single;
        if open {
            if word & 1 == 0 {
                // the word ended with the last block
                if let Some(t) = out.last_mut() {
                    t.end = base;
                }
            } else if lasts != 0 {
                // it ends at the first last byte of this block
                if let Some(t) = out.last_mut() {
                    t.end = base + lasts.trailing_zeros() as usize + 1;
                }
                lasts &= lasts - 1;
            }
        }
        // one token per first byte, in order, with the last byte of the same rank (the
        // end of a word that runs on is set with the next block)
        out.extend((0..firsts.count_ones()).map(|_| {
            let i = firsts.trailing_zeros();
            let end = base + lasts.trailing_zeros() as usize + 1;
            firsts &= firsts - 1;
            lasts &= lasts.wrapping_sub(1);
            Tok {
                start: base + i as usize,
                end,
                word: word >> i & 1 != 0,
            }
        }));
        open = word >> 63 != 0;
        alnum_before = block.alnum >> 63;
        base += 64;
        // a non-ASCII char right after the block may be a letter that a joiner in its last
        // byte joins to the word before: the block's last tokens are known only with it
        let sure = bytes[..to].get(base).is_none_or(u8::is_ascii);
        if sure && (out.len() > max || (out.len() == max && !open)) {
            return hand;
        }
    }
    if open && let Some(t) = out.last_mut() {
        t.end = to;
    }
    hand
}

/// The bytes of 64 ASCII bytes that matter to the tokenizer, bit `i` for byte `i`.
struct Block {
    alnum: u64,
    space: u64,
    /// '.', '-', '\'', '&'.
    joiner: u64,
    /// The bytes that are in the text.
    valid: u64,
}

impl Block {
    /// The (up to) 64 bytes of `bytes` from `at`, if they are ASCII.
    #[inline]
    fn read(bytes: &[u8], at: usize) -> Option<Block> {
        match bytes.get(at..at + 64) {
            Some(full) => Block::of(full.try_into().expect("64 bytes"), u64::MAX),
            None => {
                // zero bytes past the end: no letter, digit, space or joiner
                let rest = &bytes[at..];
                let mut padded = [0u8; 64];
                padded[..rest.len()].copy_from_slice(rest);
                Block::of(&padded, (1 << rest.len()) - 1)
            }
        }
    }

    /// The block of 64 bytes, if they are ASCII (a block with a non-ASCII byte is not read
    /// further).
    #[inline(always)]
    fn of(block: &[u8; 64], valid: u64) -> Option<Block> {
        let b = crate::swar::Bytes64::load(block);
        if b.high().any() {
            return None;
        }
        Some(Block {
            alnum: (b.ascii_letters() | b.ascii_digits()).bits(),
            space: b.ascii_spaces().bits(),
            joiner: (b.ascii_range(b'&', b'\'') | b.ascii_range(b'-', b'.')).bits(),
            valid,
        })
    }
}

/// The ASCII letters and digits of `w` (bit 7 of each byte), exact up to its first byte
/// from 0x80 (see [`crate::swar::ascii_range`]).
#[inline(always)]
fn ascii_alnum(w: u64) -> u64 {
    use crate::swar::{ascii_range, splat};
    ascii_range(w | splat(0x20), b'a', b'z') | ascii_range(w, b'0', b'9')
}

/// The tokens of `s` one at a time, for readers that usually stop after a few.
pub fn token_iter(s: &str) -> impl Iterator<Item = Tok> + '_ {
    Tokens { s, at: 0 }
}

/// The tokenizer behind [`tokens`]: the next token from byte `at`.
struct Tokens<'a> {
    s: &'a str,
    at: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    /// ASCII spaces, then a punctuation mark, or a run of ASCII letters and digits that
    /// ends at a byte that joins nothing to it: the common tokens, without the registers
    /// and branches of the general case ([`Tokens::next_from`]).
    #[inline(always)]
    fn next(&mut self) -> Option<Tok> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        let b = loop {
            let Some(&b) = bytes.get(i) else {
                self.at = bytes.len();
                return None;
            };
            if !crate::words::is_ascii_space(b) {
                break b;
            }
            i += 1;
        };
        if b.is_ascii_alphanumeric() {
            let end = alnum_run_end(bytes, i + 1);
            if bytes
                .get(end)
                .is_none_or(|&c| c.is_ascii() && ASCII_CLASS[usize::from(c)] != Class::Joiner)
            {
                self.at = end;
                return Some(Tok {
                    start: i,
                    end,
                    word: true,
                });
            }
        } else if b.is_ascii() {
            self.at = i + 1;
            return Some(Tok {
                start: i,
                end: i + 1,
                word: false,
            });
        }
        self.next_from(i)
    }
}

impl Tokens<'_> {
    /// The next token from byte `i`, in all cases.
    #[inline(never)]
    fn next_from(&mut self, mut i: usize) -> Option<Tok> {
        let s = self.s;
        let bytes = s.as_bytes();
        // skip spaces; a character that is neither space nor alphanumeric is a token
        let start = loop {
            let Some(&b) = bytes.get(i) else {
                self.at = s.len();
                return None;
            };
            let (class, n) = if b.is_ascii() {
                (ASCII_CLASS[usize::from(b)], 1)
            } else {
                let (c, n) = char_at(s, i);
                (class_of(c), n)
            };
            match class {
                Class::Space => i += n,
                Class::Alnum => break i,
                Class::Joiner | Class::Other => {
                    self.at = i + n;
                    return Some(Tok {
                        start: i,
                        end: i + n,
                        word: false,
                    });
                }
            }
        };
        // a word: alphanumerics, and '.', '-', apostrophes or '&' between two of them
        // ("U.S", "Jean-Paul", "O'Neill"), or a dot after an abbreviation ("Jr.", "Gov.")
        let mut end = start;
        loop {
            // the run of ASCII letters and digits, then the byte after it
            end = alnum_run_end(bytes, end);
            let Some(&b) = bytes.get(end) else {
                break;
            };
            let (class, n) = if b.is_ascii() {
                (ASCII_CLASS[usize::from(b)], 1)
            } else {
                let (c, n) = char_at(s, end);
                (
                    if c == '’' {
                        Class::Joiner
                    } else {
                        class_of(c)
                    },
                    n,
                )
            };
            match class {
                Class::Alnum => end += n,
                Class::Space | Class::Other => break,
                Class::Joiner => {
                    let next_alnum = bytes.get(end + n).is_some_and(|&nb| {
                        if nb.is_ascii() {
                            nb.is_ascii_alphanumeric()
                        } else {
                            char_at(s, end + n).0.is_alphanumeric()
                        }
                    });
                    if next_alnum {
                        end += n;
                        continue;
                    }
                    if b == b'.' && is_abbrev(&s[start..end]) {
                        end += n;
                    }
                    break;
                }
            }
        }
        self.at = end;
        Some(Tok {
            start,
            end,
            word: true,
        })
    }
}

/// The end of the run of ASCII letters and digits that starts at `at` in `bytes`, eight
/// bytes at a time: without a branch per letter, the end of each word is not a
/// mispredicted branch (a third less time for the tokenizer than a loop per byte, though it
/// takes more instructions).
#[inline]
fn alnum_run_end(bytes: &[u8], mut at: usize) -> usize {
    use crate::swar;
    loop {
        let w = swar::load_padded(bytes, at);
        // zero bytes past the end are not alphanumeric: a run stops by the end; the
        // marks are exact up to the first non-ASCII byte, which stops the run
        let stop = (!ascii_alnum(w) | w) & swar::HIGH;
        if stop != 0 {
            return at + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Alnum,
    /// Joins two runs of alphanumerics into one word: '.', '-', '\'', '’', '&'.
    Joiner,
    Other,
}

/// The class of a non-ASCII char (outside words: '’' inside a word is a joiner).
fn class_of(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Alnum
    } else {
        Class::Other
    }
}

/// The class of each ASCII byte.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            Class::Alnum
        } else if crate::words::is_ascii_space(c) {
            Class::Space
        } else if matches!(c, b'.' | b'-' | b'\'' | b'&') {
            Class::Joiner
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

/// The char at byte `i` of `s` (a char boundary) and its length, ASCII without decoding.
#[inline(always)]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Cmdr"
            | "Adm"
            | "Prof"
            | "Jr"
            | "Sr"
            | "St"
            | "Maj"
            | "Rev"
            | "Hon"
            | "Supt"
            | "Insp"
            | "Det"
            | "Cpl"
    ) || (w.len() <= 5 && w.contains('.'))
        || (w.len() == 1 && w.chars().all(char::is_uppercase))
}

/// Words skipped between a subject and its cue ("he also said", "Smith has said").
const AUX: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "would",
    "will",
    "previously",
    "further",
    "again",
    "earlier",
    "recently",
    "repeatedly",
    "publicly",
    "once",
    "often",
    "reportedly",
    "separately",
    "since",
    "subsequently",
    "still",
    "simply",
    "flatly",
    "firmly",
    "only",
    "already",
    "yet",
    "had",
    "was",
    "is",
    "quickly",
    "bluntly",
    "candidly",
    "privately",
    "jokingly",
    "angrily",
    "calmly",
    "just",
    "last",
    "even",
    "may",
    "might",
    "could",
    "should",
    "did",
    "does",
    "do",
    "not",
    "never",
    "always",
    "first",
    "finally",
];

/// Is `l` (lower case) one of the [`AUX`] words? A set: this is asked of most words
/// before a cue.
fn is_aux(l: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(AUX));
    // the set compares ASCII case-insensitively: the same as equality for a folded word
    SET.contains(l)
}

/// Is `w` (any case) a determiner that opens a description ("the spokesman", "a senior
/// official")?
fn is_determiner(w: &str) -> bool {
    // most words are turned away by their first letter; the others are folded to ASCII
    // lower case on the stack, then matched by length and bytes
    if !first_letter_in(w, b"tahiosmb") {
        return false;
    }
    let Some(f) = ascii_folded::<7>(w) else {
        return false;
    };
    matches!(
        f.as_slice(),
        b"the"
            | b"a"
            | b"an"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"this"
            | b"another"
            | b"one"
            | b"two"
            | b"three"
            | b"several"
            | b"many"
            | b"some"
            | b"other"
            | b"both"
    )
}

/// Is the first byte of `w` an ASCII letter that is one of `letters` (lower case) in either
/// case? A test made before a word is matched against a list whose words open with these.
#[inline(always)]
fn first_letter_in(w: &str, letters: &[u8]) -> bool {
    let mut mask = 0u32;
    for &c in letters {
        mask |= 1 << (c - b'a');
    }
    // bit 5 lower-cases a letter, and makes a letter of no other byte
    w.as_bytes()
        .first()
        .is_some_and(|&c| (c | 0x20).is_ascii_lowercase() && mask >> ((c | 0x20) - b'a') & 1 != 0)
}

/// `w` with its ASCII letters in lower case (other bytes kept, as `eq_ignore_ascii_case`
/// compares them), when it has at most `N` bytes.
#[inline(always)]
fn ascii_folded<const N: usize>(w: &str) -> Option<Folded<N>> {
    let b = w.as_bytes();
    if b.len() > N {
        return None;
    }
    let mut buf = [0u8; N];
    for (o, c) in buf.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    Some(Folded { buf, len: b.len() })
}

/// A short word folded by [`ascii_folded`].
struct Folded<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Folded<N> {
    fn as_slice(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Is `l` a pronoun that can stand for a speaker (compared as written)?
fn is_pronoun(l: &str) -> bool {
    is_pronoun_bytes(l.as_bytes())
}

/// [`is_pronoun`] of the bytes of a word: the one list of the pronouns.
fn is_pronoun_bytes(l: &[u8]) -> bool {
    matches!(l, b"he" | b"she" | b"they" | b"it" | b"we" | b"i" | b"you")
}

/// `w` (any case) folded to lower case when it is a pronoun (`is_pronoun(&lower(w))`): no
/// character outside ASCII folds to a letter of a pronoun, so ASCII folding is enough.
fn pronoun_folded(w: &str) -> Option<Folded<4>> {
    ascii_folded::<4>(w).filter(|f| is_pronoun_bytes(f.as_slice()))
}

/// Title words: a name follows the last of them ("Kremlin Spokesman Dmitry Peskov").
const TITLES: &[&str] = &[
    "adm",
    "adm.",
    "admiral",
    "advisor",
    "adviser",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "author",
    "bishop",
    "boss",
    "brig",
    "candidate",
    "capt",
    "capt.",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairwoman",
    "champion",
    "chancellor",
    "chef",
    "chief",
    "coach",
    "col",
    "col.",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "consultant",
    "coordinator",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "counsel",
    "count",
    "dean",
    "delegate",
    "democrat",
    "deputy",
    "det",
    "det.",
    "detective",
    "director",
    "diplomat",
    "doctor",
    "dr",
    "dr.",
    "economist",
    "editor",
    "emir",
    "envoy",
    "executive",
    "expert",
    "founder",
    "gen",
    "gen.",
    "general",
    "gov",
    "gov.",
    "governor",
    "head",
    "inspector",
    "insp.",
    "journalist",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "lt",
    "lt.",
    "maj",
    "maj.",
    "major",
    "manager",
    "marshal",
    "mayor",
    "member",
    "minister",
    "mp",
    "negotiator",
    "nominee",
    "officer",
    "official",
    "owner",
    "partner",
    "pastor",
    "player",
    "pm",
    "police",
    "pope",
    "premier",
    "president",
    "president-elect",
    "press",
    "priest",
    "prince",
    "princess",
    "professor",
    "prof",
    "prof.",
    "prosecutor",
    "queen",
    "rabbi",
    "rep",
    "rep.",
    "representative",
    "republican",
    "researcher",
    "secretary",
    "sen",
    "sen.",
    "senator",
    "sergeant",
    "sgt",
    "sgt.",
    "sheikh",
    "sheriff",
    "speaker",
    "specialist",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "superintendent",
    "supt",
    "supt.",
    "treasurer",
    "trustee",
    "vice",
    "writer",
];

/// Is `w` (any case) an honorific, dropped from both title and name?
fn is_honorific(w: &str) -> bool {
    // most words are turned away by their first letter
    if !first_letter_in(w, b"msd") {
        return false;
    }
    let Some(f) = ascii_folded::<6>(w) else {
        return false;
    };
    matches!(
        f.as_slice(),
        b"mr" | b"mr." | b"mrs" | b"mrs." | b"ms" | b"ms." | b"miss" | b"sir" | b"dame" | b"madame"
    )
}

/// Role synonyms: a role noun refers to a person whose title has any word of its group.
const ROLE_GROUPS: &[&[&str]] = &[
    &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "representative",
        "aide",
    ],
    &["minister", "secretary"],
    &["president", "leader", "head"],
    &["chairman", "chairwoman", "chair", "head"],
    &["governor", "gov."],
    &["senator", "sen."],
    &["mayor"],
    &["chancellor"],
    &["ambassador", "envoy", "diplomat"],
    &["director", "head", "chief"],
    &["prosecutor", "attorney"],
    &["coach", "manager"],
];

use crate::words::{Lower, WordMap, WordSet};
use std::borrow::Cow;
use std::sync::LazyLock;

fn lower(s: &str) -> Lower<'_> {
    crate::words::lower(s)
}

static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLES));

fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Does `after`, the text after a name, open an appositive that calls it a body (", a
/// fictional coastal ferry operator,", ", the country's largest lender")?
pub fn appositive_is_body(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", an "))
        .or_else(|| after.strip_prefix(", the "))
    else {
        return false;
    };
    let phrase = rest.split([',', '.', ';', '(']).next().unwrap_or("");
    phrase
        .split_whitespace()
        .take(7)
        .any(|w| is_body_noun(&lower(w)))
}

/// Head nouns of companies and other bodies.
fn is_body_noun(l: &str) -> bool {
    matches!(
        l,
        "company"
            | "firm"
            | "operator"
            | "carrier"
            | "airline"
            | "maker"
            | "manufacturer"
            | "producer"
            | "retailer"
            | "bank"
            | "lender"
            | "insurer"
            | "group"
            | "agency"
            | "organization"
            | "organisation"
            | "ministry"
            | "network"
            | "newspaper"
            | "broadcaster"
            | "union"
            | "association"
            | "federation"
            | "council"
            | "party"
            | "utility"
            | "exchange"
            | "charity"
            | "institute"
            | "foundation"
            | "publisher"
            | "developer"
            | "chain"
            | "conglomerate"
            | "startup"
            | "club"
            | "court"
            | "committee"
            | "commission"
            | "cooperative"
            | "co-operative"
            | "pool"
            | "board"
    )
}

/// A proper name of a body, not a person ("Pathway Communications", "Acme Corp").
fn is_org_name(name: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_WORDS));
    // the set's words are ASCII lower case: it answers for the folded word as the list did
    crate::words::last_word(name).is_some_and(|w| {
        if w.is_ascii() {
            SET.contains(w)
        } else {
            SET.contains(&lower(w))
        }
    })
}

/// Last words of the names of bodies ("Inc", "Ministry", "Times").
const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "ag",
    "sa",
    "group",
    "communications",
    "association",
    "department",
    "ministry",
    "agency",
    "service",
    "services",
    "bank",
    "airlines",
    "airways",
    "university",
    "council",
    "committee",
    "party",
    "police",
    "forces",
    "news",
    "times",
    "post",
    "press",
    "office",
    "commission",
    "institute",
    "foundation",
    "federation",
    "union",
    "court",
    "club",
    "company",
    "corporation",
    "holdings",
    "partners",
    "systems",
    "technologies",
    "industries",
    "international",
    "network",
    "center",
    "centre",
    "organization",
    "organisation",
    "board",
    "bureau",
    "administration",
    "government",
    "army",
    "navy",
    "authority",
    "exchange",
    "fund",
    "trust",
    "reserve",
    "house",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
    "daily",
    "agency",
    "television",
    "radio",
];

/// The name (with its titles) that opens `s`: capitalised words, titles and name
/// particles, up to the first word that is none of these ("Clinton ordered …" -> "Clinton").
pub fn leading_name(s: &str) -> Option<Span> {
    // the words of the name so far, read one at a time (most sentences stop at the first)
    const MAX: usize = 8;
    let mut toks = [Tok {
        start: 0,
        end: 0,
        word: false,
    }; MAX];
    let mut n = 0;
    let mut it = token_iter(s).peekable();
    while let Some(tok) = it.next() {
        if !tok.word {
            break;
        }
        let x = &s[tok.start..tok.end];
        let ok = (is_cap(x) && !is_function_cap(x) && !x.ends_with("'s") && !x.ends_with("’s"))
            || is_title_word(x)
            || (is_name_particle(x)
                && it
                    .peek()
                    .is_some_and(|t| t.word && is_cap(&s[t.start..t.end])));
        if !ok || n >= MAX {
            break;
        }
        toks[n] = tok;
        n += 1;
    }
    let mut k = n;
    while k > 0 && !is_cap(&s[toks[k - 1].start..toks[k - 1].end]) {
        k -= 1;
    }
    (k > 0).then(|| toks[0].start..toks[k - 1].end)
}

/// Capitalised words that open sentences and clauses but are never part of a name.
fn is_function_cap(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "when",
        "of",
        "but",
        "in",
        "at",
        "and",
        "so",
        "yet",
        "if",
        "as",
        "after",
        "before",
        "while",
        "since",
        "although",
        "though",
        "because",
        "then",
        "now",
        "also",
        "still",
        "however",
        "meanwhile",
        "on",
        "for",
        "with",
        "from",
        "to",
        "by",
        "during",
        "under",
        "over",
        "asked",
        "speaking",
        "according",
        "despite",
        "instead",
        "last",
        "next",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "its",
        "my",
        "your",
        "earlier",
        "later",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "what",
        "why",
        "how",
        "where",
        "who",
        "which",
        "even",
        "just",
        "only",
        "indeed",
        "instead",
        "like",
        "unlike",
        "until",
        "about",
        "among",
        "against",
        "without",
        "within",
        "through",
        "once",
        "whether",
        "both",
        "either",
        "neither",
        "not",
        "no",
        "yes",
        "well",
        "oh",
        "perhaps",
        "maybe",
        "already",
        "again",
        "further",
        "furthermore",
        "moreover",
        "besides",
        "otherwise",
        "thus",
        "hence",
        "therefore",
        "likewise",
        "nevertheless",
        "nonetheless",
        "similarly",
        "additionally",
        "interestingly",
        "ironically",
        "notably",
        "separately",
        "ultimately",
        "finally",
        "initially",
        "currently",
        "recently",
        "overall",
        "following",
        "regardless",
        "elsewhere",
        "all",
        "many",
        "most",
        "some",
        "several",
        "few",
        "more",
        "other",
        "such",
        "every",
        "each",
        "any",
        "one",
        "is",
        "was",
        "are",
        "were",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "said",
        "says",
        "told",
        "added",
        "stated",
        "wrote",
        "noted",
        "explained",
        "continued",
        "replied",
        "responded",
        "writing",
        "reporting",
    ];
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WORDS));
    is_cap(w) && SET.contains(w)
}

fn is_title_word(w: &str) -> bool {
    TITLE_SET.contains(w)
}

/// Words that may stand inside a name without a capital ("Ludwig van Beethoven").
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "da"
            | "dos"
            | "del"
            | "bin"
            | "bint"
            | "al"
            | "el"
            | "la"
            | "le"
            | "of"
            | "and"
            | "for"
            | "ibn"
            | "y"
    )
}

/// A lower-case word for a trade ("oncologist", "historian", "researcher").
fn is_profession(w: &str) -> bool {
    !is_cap(w) && is_profession_folded(&lower(w))
}

/// [`is_profession`] of a word that is not capitalised, given in lower case.
fn is_profession_folded(l: &str) -> bool {
    l.len() > 5
        && ["ist", "ian", "er", "or"]
            .iter()
            .any(|suf| l.ends_with(suf))
        && !matches!(
            l,
            "after"
                | "under"
                | "over"
                | "other"
                | "either"
                | "neither"
                | "whether"
                | "rather"
                | "another"
                | "former"
                | "latter"
                | "current"
                | "recent"
                | "different"
                | "ancient"
                | "urgent"
                | "silent"
                | "brilliant"
                | "major"
                | "minor"
                | "senior"
                | "junior"
                | "interior"
                | "exterior"
        )
}

/// Lower-case words that are the head of a speaker description as they are (besides the
/// titles, plural people and trades that [`is_role_noun`] also takes).
const ROLE_NOUNS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "company",
    "firm",
    "group",
    "government",
    "officials",
    "spokesmen",
    "sources",
    "source",
    "police",
    "statement",
    "report",
    "survey",
    "study",
    "analysts",
    "experts",
    "residents",
    "witnesses",
    "witness",
    "investigators",
    "authorities",
    "prosecutors",
    "lawmakers",
    "observers",
    "diplomats",
    "ministers",
    "leaders",
    "critics",
    "supporters",
    "organizers",
    "organisers",
    "officers",
    "doctors",
    "scientists",
    "researchers",
    "economists",
    "traders",
    "dealers",
    "bank",
    "office",
    "commission",
    "committee",
    "council",
    "court",
    "union",
    "association",
    "federation",
    "board",
    "service",
    "newspaper",
    "daily",
    "agencies",
    "channel",
    "broadcaster",
    "network",
    "website",
    "military",
    "army",
    "navy",
    "embassy",
    "mission",
    "campaign",
    "party",
    "administration",
    "cabinet",
    "parliament",
    "legislature",
    "team",
    "club",
    "club's",
    "family",
    "relatives",
    "parents",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "neighbor",
    "neighbour",
    "people",
    "citizens",
    "students",
    "workers",
    "employees",
    "staff",
    "man",
    "woman",
    "person",
    "resident",
    "owner",
    "farmer",
    "teacher",
    "student",
    "worker",
    "mourner",
    "protester",
    "protesters",
    "voter",
    "voters",
    "fan",
    "fans",
    "victim",
    "victims",
    "survivor",
    "survivors",
    "pilot",
    "driver",
    "soldier",
    "soldiers",
    "statistics",
    "data",
    "figures",
    "estimates",
    "regulator",
    "regulators",
    "institute",
    "center",
    "centre",
    "foundation",
    "organization",
    "organisation",
    "corporation",
    "bureau",
    "exchange",
    "unit",
    "division",
    "producer",
    "producers",
    "maker",
    "makers",
    "operator",
    "carrier",
    "airline",
    "insurer",
    "lender",
    "brokerage",
    "dealer",
    "trader",
    "executives",
    "managers",
    "members",
    "aides",
    "advisers",
    "advisors",
    "negotiators",
    "delegates",
    "rebels",
    "militants",
    "troops",
    "forces",
    "guards",
    "militia",
    "crowd",
    "crowds",
    "user",
    "users",
    "lawsuit",
    "suit",
    "complaint",
    "indictment",
    "filing",
    "letter",
    "memo",
    "editorial",
    "column",
    "demonstrators",
    "marchers",
    "force",
];

/// The titles and the role nouns: one set for [`is_role_noun`].
static ROLE_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let words: Vec<&'static str> = TITLES.iter().chain(ROLE_NOUNS).copied().collect();
    WordSet::new(&words)
});

/// Lower-case words that can be the head of a speaker description: a title or role noun
/// (one lookup), else by its ending, only the tests of that last letter made.
fn is_role_noun(w: &str) -> bool {
    // an ASCII word is looked up as written (the set folds ASCII capitals), and one that
    // ends in none of the letters tested below is not folded at all
    let ascii = w.is_ascii();
    if ascii {
        if ROLE_SET.contains(w) {
            return true;
        }
        if !w.as_bytes().last().is_some_and(|b| {
            matches!(
                b.to_ascii_lowercase(),
                b's' | b'n' | b'd' | b't' | b'r' | b'e'
            )
        }) {
            return false;
        }
    }
    let l_folded = lower(w);
    let l = l_folded.as_str();
    // the set's words are lower case: for the folded word, it is equality
    if !ascii && ROLE_SET.contains(l) {
        return true;
    }
    let long = l.len() > 5;
    // a trade ("oncologist", "historian", "researcher"), written in lower case
    let profession = || !is_cap(w) && is_profession_folded(l);
    match l.as_bytes().last() {
        // "campaigners", "backers", "economists", "historians", "the 46-year-olds",
        // "media outlets"
        Some(b's') => {
            (long
                && ["ers", "ists", "ians", "ors"]
                    .iter()
                    .any(|x| l.ends_with(x)))
                || l.ends_with("-year-olds")
                || matches!(l, "outlets" | "insiders")
        }
        // "businessman", "businessmen"
        Some(b'n') => {
            (long
                && (l.ends_with("man") || l.ends_with("men"))
                && !matches!(l, "german" | "human" | "roman"))
                || profession()
        }
        Some(b'd') => l.ends_with("-year-old"),
        Some(b't') => l == "outlet" || profession(),
        Some(b'r') => l == "insider" || profession(),
        Some(b'e') => l == "aide",
        _ => false,
    }
}

/// [`is_role_noun`] as it was, each test made in turn: its oracle.
#[cfg(test)]
fn is_role_noun_in_turn(w: &str) -> bool {
    let l_folded = lower(w);
    let l = l_folded.as_str();
    let people_plural = l.len() > 5
        && ["ers", "ists", "ians", "ors"]
            .iter()
            .any(|x| l.ends_with(x));
    let person_word = (l.len() > 5
        && (l.ends_with("man") || l.ends_with("men"))
        && !matches!(
            l,
            "german" | "germans" | "oman" | "human" | "humans" | "roman" | "romans"
        ))
        || l.ends_with("-year-old")
        || l.ends_with("-year-olds")
        || matches!(l, "outlets" | "outlet" | "insiders" | "insider" | "aide");
    let people_plural = people_plural || person_word;
    people_plural || (!is_cap(w) && is_profession_folded(l)) || ROLE_SET.contains(l)
}

/// True when `np` is a description that can name a speaker ("the ministry", "a senior
/// official", "his daughter"): its head is a role noun.
pub fn is_speaker_description(np: &str) -> bool {
    // "the ministry", "a senior official", a named body ("the Smithsonian"), or a short
    // phrase with a role in it ("one Republican involved")
    let words = crate::words::words(np);
    let head_ok = crate::words::last_word(np)
        .is_some_and(|w| is_role_noun(w.trim_end_matches(['.', ','])) || is_cap(w));
    head_ok
        || (words.clone().nth(6).is_none() && { words }
            .any(|w| is_role_noun(w) || is_title_word(w) || (is_cap(w) && !is_function_cap(w))))
}

/// True when `np` can name a speaker: a pronoun, a name, or a speaker description.
pub fn can_name_speaker(np: &str) -> bool {
    is_pronoun_mention(np) || names_someone(np) || is_speaker_description(np)
}

/// Is the mention `np` a pronoun that can stand for a speaker ("he", "She")?
pub fn is_pronoun_mention(np: &str) -> bool {
    pronoun_folded(np.trim()).is_some()
}

/// Is `np` a description whose head is a role ("the senator", "a Clinton aide") or a
/// proper-named body ("The Daily News")? Narrower than [`is_speaker_description`].
pub fn is_role_or_body(np: &str) -> bool {
    let role = np
        .split_whitespace()
        .rfind(|w| !is_determiner(w))
        .is_some_and(|w| is_role_noun(w.trim_end_matches(['.', ','])));
    role || proper_words(np.split_whitespace().map(mark)).is_some_and(|n| n >= 1)
}

/// Is `description` ("spokesman for the association", "one dealer") about one person?
fn names_one_person(description: &str) -> bool {
    // the head is the last word before "for", "of", "at" ("spokesman for the ministry")
    let head = description
        .split_whitespace()
        .take_while(|w| !matches!(*w, "for" | "of" | "at" | "with" | "in"))
        .last()
        .unwrap_or_default();
    matches!(
        lower(head).as_str(),
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "officer"
            | "analyst"
            | "economist"
            | "dealer"
            | "trader"
            | "banker"
            | "broker"
            | "diplomat"
            | "executive"
            | "source"
            | "aide"
            | "director"
            | "manager"
            | "chairman"
            | "chairwoman"
            | "president"
            | "minister"
            | "secretary"
            | "lawyer"
            | "attorney"
            | "expert"
            | "delegate"
            | "negotiator"
            | "adviser"
            | "advisor"
            | "strategist"
            | "man"
            | "woman"
    )
}

/// A noun phrase found in a stretch of text: its byte range there.
pub type Span = std::ops::Range<usize>;

/// The noun phrase that ends `s` (before a cue), if any.
pub fn subject_before(s: &str) -> Option<Span> {
    let cut = subject_window(s);
    // the window's tokens, cut in bulk, with offsets in `s`
    let mut toks = tokens(&s[cut..]);
    for t in &mut toks {
        t.start += cut;
        t.end += cut;
    }
    subject_in_window(s, &toks, cut)
}

/// [`subject_before`] of `s` given its tokens (as [`tokens`] cuts it), which it then does
/// not cut up again.
pub fn subject_before_tokens(s: &str, toks: &[Tok]) -> Option<Span> {
    let cut = subject_window(s);
    // the window starts at a space or at 0: its tokens are those of `s` from there on
    let first = toks.partition_point(|t| t.start < cut);
    subject_in_window(s, &toks[first..], cut)
}

/// Where the text the subject is looked for in starts: the phrase reader looks back a few
/// dozen words at most, from a word boundary so the first word is not a fragment.
fn subject_window(s: &str) -> usize {
    let mut cut = s.len().saturating_sub(SUBJECT_WINDOW);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    if cut > 0 {
        cut = s[cut..]
            .find(char::is_whitespace)
            .map_or(s.len(), |i| cut + i);
    }
    cut
}

/// The subject in `s[cut..]`, whose tokens are `toks` (offsets in `s`).
fn subject_in_window(s: &str, toks: &[Tok], cut: usize) -> Option<Span> {
    let r = subject_before_all(s, toks, cut)?;
    // the phrase starts and ends where tokens do: its tokens are these
    let a = toks.partition_point(|t| t.start < r.start);
    let b = toks.partition_point(|t| t.end <= r.end);
    Some(match kept_after_name(s, &toks[a..b]) {
        0 => r,
        kept => r.start..toks[a + kept - 1].end,
    })
}

/// A phrase read past a name into a verb or an adverb ends at the name: "Clinton pitched"
/// -> "Clinton", "Gorka similarly" -> "Gorka", "Rubio pushed back" -> "Rubio", "Kasich
/// bemoaned America's role" -> "Kasich". Lower-case words that belong to a phrase stay: role
/// nouns and titles ("Republican voter"), name particles ("Ludwig van", "Bank of America"),
/// nouns of a compound ("New Zealand clearing house"). A name of capitalised words only
/// is cut at the lower-case word after it when that word reads as a verb: a past tense
/// ("-ed", but not "state-owned"), or a word before "back", "out" and the like ("shot
/// back"); a possessive ("Elian's paternal uncle") is not a name that ends there.
/// Returns how many of the phrase's tokens (offsets in `s`) it keeps.
fn kept_after_name(s: &str, toks: &[Tok]) -> usize {
    let w = |k: usize| &s[toks[k].start..toks[k].end];
    // the first word after the run of capitalised words that opens the phrase (not
    // "The email goes")
    let name_end = toks
        .iter()
        .position(|t| !t.word || !is_cap(&s[t.start..t.end]))
        .unwrap_or(toks.len());
    if name_end > 0 && name_end < toks.len() && toks[name_end].word {
        let (prev, x) = (w(name_end - 1), w(name_end));
        let past = x.len() > 4 && x.ends_with("ed") && !x.contains('-');
        let phrasal = toks.get(name_end + 1).is_some_and(|t| {
            t.word && matches!(&s[t.start..t.end], "back" | "out" | "up" | "off" | "down")
        });
        let possessive = prev.ends_with("'s") || prev.ends_with("\u{2019}s");
        if (past || phrasal)
            && !possessive
            && !is_determiner(w(0))
            && !is_name_particle(x)
            && !is_role_noun(x)
            && !is_title_word(x)
        {
            return name_end;
        }
    }
    let mut end = toks.len();
    while end >= 2
        && toks[end - 1].word
        && toks[end - 2].word
        && !is_cap(w(end - 1))
        && !is_name_particle(w(end - 1))
        && !is_role_noun(w(end - 1))
        && !is_title_word(w(end - 1))
        && is_cap(w(end - 2))
        && !is_title_word(w(end - 2))
        && !is_determiner(w(end - 2))
    {
        end -= 1;
    }
    end
}

/// Bytes before a cue in which its subject is looked for.
const SUBJECT_WINDOW: usize = 240;

/// The noun phrase that ends `s[lo..]`, whose tokens are `toks` (offsets in `s`).
fn subject_before_all(s: &str, toks: &[Tok], lo: usize) -> Option<Span> {
    // "Sen. Ted Cruz (R-Tex.) said": a parenthesis after the name is not part of it
    let trimmed = s[lo..].trim_end();
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind('(')
        && trimmed.len() - open <= 40
        && open > 0
    {
        // '(' is a token of its own: the tokens before it are those of the text before it
        let open = lo + open;
        let before = toks.partition_point(|t| t.end <= open);
        return subject_before_all(&s[..open], &toks[..before], lo);
    }
    let mut i = toks.len();
    let word = |k: usize| &s[toks[k].start..toks[k].end];
    // adverbs, auxiliaries and times right before the cue ("Smith this morning said"), each
    // word folded once
    while i > 0 && toks[i - 1].word {
        let l_folded = lower(word(i - 1));
        let l = l_folded.as_str();
        if is_aux(l) || crate::words::is_ly_adverb(l) {
            i -= 1;
        } else if crate::words::is_time_word(l) || l == "weekend" {
            i -= 1;
            if i > 0
                && toks[i - 1].word
                && matches!(
                    lower(word(i - 1)).as_str(),
                    "on" | "this" | "last" | "that" | "next" | "late" | "early"
                )
            {
                i -= 1;
            }
        } else {
            break;
        }
    }
    if i == 0 {
        return None;
    }
    // an appositive or relative clause: "Hugh Hill, a doctor," / "X, who …,"
    if !toks[i - 1].word && &s[toks[i - 1].start..toks[i - 1].end] == "," {
        let close = i - 1;
        let open = (close.saturating_sub(25)..close)
            .rev()
            .find(|&k| !toks[k].word && matches!(&s[toks[k].start..toks[k].end], ","))?;
        let inside_first = toks.get(open + 1).map(|t| lower(&s[t.start..t.end]))?;
        let appositive = is_determiner(&inside_first)
            || matches!(inside_first.as_str(), "who" | "whose" | "which" | "the")
            || toks
                .get(open + 1)
                .is_some_and(|t| t.word && !is_cap(&s[t.start..t.end]))
            || is_title_word(&inside_first);
        if !appositive {
            // "her senior policy adviser, Jake Sullivan,": the name set off after a role
            // (", ," sets off nothing)
            if open + 1 == close {
                return None;
            }
            let name = toks[open + 1].start..toks[close - 1].end;
            let named = toks[open + 1..close].iter().all(|t| t.word)
                && matches!(cut_title(&s[name.clone()]), (None, Some(n)) if n.text == s[name.clone()]);
            let role_before = open > 0 && toks[open - 1].word && is_role_noun(word(open - 1));
            return (named && role_before).then_some(name);
        }
        let np = noun_phrase_ending(s, toks, open)?;
        return Some(np);
    }
    noun_phrase_ending(s, toks, i)
}

/// The noun phrase made of tokens ending just before token index `end`.
fn noun_phrase_ending(s: &str, toks: &[Tok], end: usize) -> Option<Span> {
    if end == 0 || !toks[end - 1].word {
        // a possessive organisation is fine ("Reuters'"), other punctuation is not
        return None;
    }
    let w = |k: usize| &s[toks[k].start..toks[k].end];
    let last = w(end - 1);
    if is_pronoun(&lower(last)) {
        return Some(toks[end - 1].start..toks[end - 1].end);
    }
    let mut k = end;
    if is_cap(last) {
        // a name, with titles and lower-case role words inside ("Ducey spokesman Patrick
        // Ptak", "senior SPD member Ralf Stegner")
        while k > 0 && toks[k - 1].word {
            let x = w(k - 1);
            // most words of a name pass the first test: the word is folded only for the last
            let ok = (is_cap(x) && !is_function_cap(x))
                || (is_name_particle(x)
                    && k > 1
                    && k < end
                    && toks[k - 2].word
                    && is_cap(w(k - 2)))
                || is_title_word(x)
                || is_profession(x)
                || matches!(
                    lower(x).as_str(),
                    "senior"
                        | "former"
                        | "deputy"
                        | "acting"
                        | "chief"
                        | "top"
                        | "vice"
                        | "foreign"
                        | "finance"
                        | "defense"
                        | "defence"
                        | "interior"
                        | "press"
                        | "state"
                        | "assistant"
                        | "associate"
                        | "executive"
                        | "general"
                        | "managing"
                        | "regional"
                        | "local"
                        | "federal"
                        | "national"
                );
            if !ok || k + 12 < end {
                break;
            }
            k -= 1;
        }
        // "The grandmother of Elian Gonzalez": a relation of the person, not the person
        if k >= 2
            && toks[k - 1].word
            && matches!(w(k - 1), "of" | "for")
            && toks[k - 2].word
            && !is_cap(w(k - 2))
            && is_role_noun(w(k - 2))
        {
            let mut j = k - 2;
            while j > 0
                && toks[j - 1].word
                && !is_cap(w(j - 1))
                && !is_determiner(w(j - 1))
                && j + 4 > k
            {
                j -= 1;
            }
            if j > 0 && toks[j - 1].word && is_determiner(w(j - 1)) {
                j -= 1;
            }
            return Some(toks[j].start..toks[end - 1].end);
        }
        // "Professor Pavel Troshin of the Center for …": the person before "of"
        let det = usize::from(k > 0 && toks[k - 1].word && is_determiner(w(k - 1)));
        if k > det + 1
            && toks[k - det - 1].word
            && matches!(w(k - det - 1), "of" | "at")
            && toks[k - det - 2].word
            && is_cap(w(k - det - 2))
            && !is_function_cap(w(k - det - 2))
        {
            let mut j = k - det - 2;
            while j > 0
                && toks[j - 1].word
                && (is_cap(w(j - 1)) && !is_function_cap(w(j - 1)) || is_title_word(w(j - 1)))
            {
                j -= 1;
            }
            if names_someone(&s[toks[j].start..toks[k - det - 2].end]) {
                k = j;
            }
        }
        // a determiner in front makes it a description ("the Vermont Democrat")
        if k > 0 && toks[k - 1].word && is_determiner(w(k - 1)) {
            k -= 1;
        }
    } else {
        // a description: "a senior official", "the ministry", "officials",
        // "a spokesman for the ministry"
        if !is_role_noun(last) {
            return None;
        }
        let mut n = 0;
        while k > 0 && toks[k - 1].word && n < 8 {
            let x = w(k - 1);
            let lx_folded = lower(x);
            let lx = lx_folded.as_str();
            if is_determiner(lx) {
                k -= 1;
                // "a spokesman for the ministry": carry on past "for"/"of"
                if k >= 2
                    && toks[k - 1].word
                    && matches!(lower(w(k - 1)).as_str(), "for" | "of" | "at" | "with")
                    && toks[k - 2].word
                    && is_role_noun(w(k - 2))
                {
                    k -= 1;
                    n += 1;
                    continue;
                }
                break;
            }
            let starts_clause = matches!(
                lx,
                "and"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "when"
                    | "while"
                    | "as"
                    | "if"
                    | "because"
                    | "said"
                    | "says"
                    | "told"
            );
            if starts_clause || is_pronoun(lx) {
                break;
            }
            k -= 1;
            n += 1;
        }
    }
    (k < end).then(|| toks[k].start..toks[end - 1].end)
}

/// The noun phrase that starts `s` (after an inverted cue or "according to"), if any.
pub fn object_after(s: &str) -> Option<Span> {
    // the phrase ends at the first punctuation: no token after it is looked at
    // its words are read as the loop comes to them (most phrases end after a few)
    let mut lz = LazyWords::new(s);
    let mut k = 0;
    let mut last_word = None;
    // whether a lower-case role noun came before token k ("the documents")
    let mut role_seen = false;
    while k < 14 && lz.fill(k + 1) > k {
        let t = lz.buf[k];
        if !t.word {
            break;
        }
        let w = |k: usize| lz.word(k);
        let x = w(k);
        let l_folded = lower(x);
        let l = l_folded.as_str();
        // after the first word, the phrase ends at a stop word, a cue, an auxiliary, a
        // capitalised function word, a second determiner (another phrase: "told the
        // newspaper the figures …", but not after a preposition: "a spokesman for the
        // ministry") or the word after a lower-case head noun ("the documents showed");
        // each test is made only when those before it fail
        if k > 0 {
            let stop = matches!(
                l,
                "at" | "in"
                    | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "who"
                    | "that"
                    | "as"
                    | "outside"
                    | "from"
                    | "to"
                    | "told"
                    | "said"
                    | "says"
                    | "adding"
                    | "saying"
                    | "last"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "earlier"
                    | "late"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "and"
                    | "but"
                    | "which"
                    | "because"
                    | "about"
                    | "by"
                    | "into"
                    | "via"
                    | "through"
            ) || (crate::cues::in_text(x).is_some()
                && !matches!(
                    l,
                    "reports" | "claims" | "notes" | "estimates" | "states" | "forecast"
                ))
                || (is_aux(l) && !is_cap(x));
            let new_phrase = || {
                is_determiner(l)
                    && !matches!(
                        lower(w(k - 1)).as_str(),
                        "of" | "for" | "at" | "with" | "in"
                    )
            };
            let after_head = || !is_cap(x) && !is_name_particle(x) && role_seen && !is_role_noun(x);
            if stop || is_function_cap(x) || new_phrase() || after_head() {
                break;
            }
        }
        if k == 0 && is_function_cap(x) && !is_determiner(l) && !is_pronoun(l) {
            return None;
        }
        if k == 0
            && !(is_cap(x)
                || is_determiner(l)
                || is_pronoun(l)
                || is_role_noun(x)
                || is_title_word(x)
                || matches!(
                    l,
                    "former"
                        | "senior"
                        | "top"
                        | "deputy"
                        | "acting"
                        | "chief"
                        | "longtime"
                        | "veteran"
                        | "retired"
                        | "then"
                        | "outgoing"
                        | "incoming"
                ))
        {
            // the modifier test reads up to the fifth word
            lz.fill(5);
            if !modifies_role(lz.toks(), |k| lz.word(k)) {
                return None;
            }
        }
        if k == 0 && is_pronoun(l) {
            return Some(t.start..t.end);
        }
        role_seen = role_seen || (!is_cap(x) && is_role_noun(x));
        last_word = Some(k);
        k += 1;
    }
    let last = last_word?;
    let toks = lz.toks();
    let w = |k: usize| lz.word(k);
    // do not end on a determiner or a particle
    let mut last = last;
    while last > 0 && (is_determiner(w(last)) || matches!(lower(w(last)).as_str(), "of" | "for")) {
        last -= 1;
    }
    // the phrase's tokens are its own: it starts and ends where tokens do
    let kept = kept_after_name(s, &toks[..=last]).max(1);
    Some(toks[0].start..toks[kept - 1].end)
}

/// The first words of a text up to its first punctuation (at most [`LAZY_MAX`]),
/// tokenized only as far as they are asked for.
struct LazyWords<'s> {
    s: &'s str,
    it: Tokens<'s>,
    /// The words have ended (punctuation, the end of the text or [`LAZY_MAX`] words).
    done: bool,
    buf: [Tok; LAZY_MAX],
    n: usize,
}

/// The most words a [`LazyWords`] reads.
const LAZY_MAX: usize = 16;

impl<'s> LazyWords<'s> {
    fn new(s: &'s str) -> LazyWords<'s> {
        LazyWords {
            s,
            it: Tokens { s, at: 0 },
            done: false,
            buf: [Tok {
                start: 0,
                end: 0,
                word: false,
            }; LAZY_MAX],
            n: 0,
        }
    }

    /// Reads words until `upto` are read or the words end; how many are read.
    fn fill(&mut self, upto: usize) -> usize {
        while self.n < upto && !self.done {
            match self.it.next() {
                Some(t) if t.word && self.n < LAZY_MAX => {
                    self.buf[self.n] = t;
                    self.n += 1;
                }
                _ => self.done = true,
            }
        }
        self.n
    }

    /// The words read so far.
    fn toks(&self) -> &[Tok] {
        &self.buf[..self.n]
    }

    /// The text of word `k` (read already).
    fn word(&self, k: usize) -> &'s str {
        let t = self.buf[k];
        &self.s[t.start..t.end]
    }
}

/// Does the lower-case word opening `toks` modify a role noun or title that comes within
/// the next three words and is followed by a name ("conservative activist Bob Klaus",
/// "undecided Republican voter Ann Hooton")?
fn modifies_role<'a>(toks: &[Tok], w: impl Fn(usize) -> &'a str) -> bool {
    let first_folded = lower(w(0));
    let first = first_folded.as_str();
    if !first.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        || is_determiner(first)
        || is_function_word(first)
    {
        return false;
    }
    (1..toks.len().min(4))
        .take_while(|&k| toks[k].word)
        .any(|k| {
            (is_role_noun(w(k)) || is_title_word(w(k)))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.word && is_cap(w(k + 1)) && !is_function_cap(w(k + 1)))
        })
}

/// Prepositions, conjunctions and relative words: never the first word of a speaker phrase.
fn is_function_word(l: &str) -> bool {
    matches!(
        l,
        "at" | "in"
            | "on"
            | "of"
            | "for"
            | "with"
            | "by"
            | "to"
            | "from"
            | "into"
            | "about"
            | "that"
            | "which"
            | "who"
            | "as"
            | "and"
            | "but"
            | "or"
            | "so"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "because"
            | "than"
            | "then"
            | "there"
            | "here"
            | "it"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "not"
            | "no"
            | "every"
            | "each"
            | "all"
            | "other"
            | "such"
    )
}

/// A speaker phrase cut into title and name: ("Kremlin Spokesman", "Dmitry Peskov"). The
/// name is None for a description ("the spokesman", "a senior official").
pub fn split_title(np: &str) -> (Option<String>, Option<String>) {
    let (title, name) = cut_title(np);
    (
        title.map(Cow::into_owned),
        name.map(|n| n.text.into_owned()),
    )
}

/// [`split_title`] without copies: title and name borrow `np` where they are its words
/// one space apart (most are), and the name comes with what is read of its words.
fn cut_title(np: &str) -> (Option<Cow<'_, str>>, Option<Name<'_>>) {
    with_phrase(np, |words, marks| match title_cut(marks) {
        None => (None, None),
        Some((len, cut)) => (
            join_unhonoured(np, &words[..cut], &marks[..cut]),
            Name::of(np, &words[cut..len], &marks[cut..len]),
        ),
    })
}

/// Does the phrase hold a name (`split_title(np).1.is_some()`, without building it)?
pub fn names_someone(np: &str) -> bool {
    with_phrase(np, |_, marks| {
        title_cut(marks)
            .is_some_and(|(len, cut)| marks[cut..len].iter().any(|&m| m & HONORIFIC == 0))
    })
}

/// What a word of a speaker phrase is, as [`title_cut`] and the readers of its cut ask:
/// bits found once for each word by [`mark`].
type Marks = u16;
/// Capitalised ([`is_cap`]).
const CAP: Marks = 1;
/// A title word ([`is_title_word`]).
const TITLE: Marks = 1 << 1;
/// An honorific ([`is_honorific`]).
const HONORIFIC: Marks = 1 << 2;
/// A name particle ([`is_name_particle`]).
const PARTICLE: Marks = 1 << 3;
/// A possessive ([`crate::words::is_possessive`]).
const POSSESSIVE: Marks = 1 << 4;
/// A determiner ([`is_determiner`]).
const DETERMINER: Marks = 1 << 5;
/// "of", "at", "from" or "with" as written: what may follow a name ("Professor Pavel
/// Troshin of the Center …").
const AFTER_NAME: Marks = 1 << 6;
/// "of" as written.
const OF: Marks = 1 << 7;
/// "for" or "and" as written.
const FOR_AND: Marks = 1 << 8;
/// "of" or "for" in any case.
const OF_FOR: Marks = 1 << 9;
/// "and" or "&": a name with one is more than one person.
const GROUP: Marks = 1 << 10;

/// The [`Marks`] of the word `w`: its case and whether it is a possessive read from it,
/// the rest by one lookup in [`MARK_MAP`].
fn mark(w: &str) -> Marks {
    let mut m = 0;
    if let Some(v) = MARK_MAP.get(w) {
        m = v as Marks;
        // the high half for a word as written: the table's words are lower case
        if v >> 16 != 0 && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            m |= (v >> 16) as Marks;
        }
    }
    if is_cap(w) {
        m |= CAP;
    }
    if crate::words::is_possessive(w) {
        m |= POSSESSIVE;
    }
    // most words are turned away by their first letter
    if is_honorific(w) {
        m |= HONORIFIC;
    }
    m
}

/// Words of the tables and their [`Marks`] (what [`is_title_word`], [`is_determiner`] and
/// [`is_name_particle`] say of them): the low half in any case, the
/// high half only as written.
static MARK_MAP: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let as_written = |m: Marks| u32::from(m) << 16;
    let any_case = u32::from;
    let mut entries: Vec<(&'static str, u32)> = Vec::new();
    entries.extend(TITLES.iter().map(|&w| (w, any_case(TITLE))));
    entries.extend(DETERMINER_WORDS.iter().map(|&w| (w, any_case(DETERMINER))));
    entries.extend(NAME_PARTICLES.iter().map(|&w| (w, as_written(PARTICLE))));
    entries.extend([
        ("of", as_written(OF | AFTER_NAME) | any_case(OF_FOR)),
        ("for", as_written(FOR_AND) | any_case(OF_FOR)),
        ("and", as_written(FOR_AND | GROUP)),
        ("&", as_written(GROUP)),
        ("at", as_written(AFTER_NAME)),
        ("from", as_written(AFTER_NAME)),
        ("with", as_written(AFTER_NAME)),
    ]);
    WordMap::new(&entries)
});

/// The determiners of [`is_determiner`], for [`MARK_MAP`].
const DETERMINER_WORDS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "another", "one", "two",
    "three", "several", "many", "some", "other", "both",
];

/// The name particles of [`is_name_particle`], for [`MARK_MAP`].
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "dos", "del", "bin", "bint", "al", "el", "la", "le",
    "of", "and", "for", "ibn", "y",
];

/// [`mark`] by asking each predicate: its oracle.
#[cfg(test)]
fn mark_by_predicates(w: &str) -> Marks {
    let mut m = match w {
        "of" => OF | AFTER_NAME | OF_FOR,
        "for" => FOR_AND | OF_FOR,
        "and" => FOR_AND | GROUP,
        "at" | "from" | "with" => AFTER_NAME,
        "&" => GROUP,
        _ if w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for") => OF_FOR,
        _ => 0,
    };
    for (test, bit) in [
        (is_cap(w), CAP),
        (is_name_particle(w), PARTICLE),
        (is_title_word(w), TITLE),
        (is_honorific(w), HONORIFIC),
        (is_determiner(w), DETERMINER),
        (crate::words::is_possessive(w), POSSESSIVE),
    ] {
        if test {
            m |= bit;
        }
    }
    m
}

/// `f` of the words of `np` and their [`Marks`], each word cut and marked once: speaker
/// phrases are short, so they go on the stack (longer ones to the heap).
fn with_phrase<'s, R>(np: &'s str, f: impl FnOnce(&[&'s str], &[Marks]) -> R) -> R {
    const SHORT: usize = 16;
    let mut words = [""; SHORT];
    let mut marks = [0; SHORT];
    let mut n = 0;
    for w in crate::words::words(np) {
        if n == SHORT {
            let words: Vec<&str> = crate::words::words(np).collect();
            let marks: Vec<Marks> = words.iter().map(|w| mark(w)).collect();
            return f(&words, &marks);
        }
        words[n] = w;
        marks[n] = mark(w);
        n += 1;
    }
    f(&words[..n], &marks[..n])
}

/// For the words of a speaker phrase, marked `marks`: how many of them are title and name
/// (the rest name an organisation after the name), and where the name starts; None for a
/// description.
fn title_cut(marks: &[Marks]) -> Option<(usize, usize)> {
    let mut len = marks.len();
    // "Professor Pavel Troshin of the Center for …": the organisation after the name goes
    if let Some(p) = marks.iter().position(|&m| m & AFTER_NAME != 0) {
        let named = marks[..p]
            .iter()
            .any(|&m| m & (CAP | TITLE | HONORIFIC) == CAP);
        if named {
            len = p;
        }
    }
    let marks = &marks[..len];
    if marks.first().is_some_and(|&m| m & DETERMINER != 0) || marks.iter().all(|&m| m & CAP == 0) {
        return None;
    }
    let mut cut = 0;
    // the marks of the words before word i, together
    let mut before = 0;
    for (i, &m) in marks.iter().enumerate() {
        // "Al Jazeera's Catherine Soi": a possessive belongs to the title
        let title_like = m & (TITLE | POSSESSIVE) != 0 || m & (CAP | PARTICLE) == 0;
        if title_like || m & HONORIFIC != 0 {
            cut = cut.max(i + 1);
        }
        // "Secretary of State John Kerry": "of" and the word after belong to the title,
        // as do "for" or "and" and the word after where a title goes on ("Minister of
        // State for Finance", "Secretary of State for Trade and Industry")
        let goes_on = i > 0
            && cut == i
            && m & FOR_AND != 0
            && marks[i - 1] & CAP != 0
            && before & TITLE != 0
            && before & OF != 0;
        if (m & OF_FOR != 0 && i > 0 && marks[i - 1] & TITLE != 0) || goes_on {
            cut = cut.max(i + 2);
        }
        before |= m;
    }
    // "Thiel's support for Trump": a name does not open with a particle of a phrase
    while cut < len && marks[cut] & (OF | FOR_AND) != 0 {
        cut += 1;
    }
    Some((len, cut.min(len)))
}

/// Are the words marked `marks`, determiners aside, two or more capitalised words and
/// name particles ("The White House", "Bank of America")?
fn is_proper_body(marks: &[Marks]) -> bool {
    proper_words(marks.iter().copied()).is_some_and(|n| n >= 2)
}

/// How many words there are, of those marked `marks`, determiners aside, when all of those
/// are capitalised words and name particles (the words of a proper name: "The White
/// House", "Bank of America").
fn proper_words(marks: impl Iterator<Item = Marks>) -> Option<usize> {
    let mut n = 0;
    let proper = marks.filter(|&m| m & DETERMINER == 0).all(|m| {
        n += 1;
        m & (CAP | PARTICLE) != 0
    });
    proper.then_some(n)
}

/// The words of `np` (a run of them, marked `marks`) without honorifics ("Mr", "Dr"),
/// joined by spaces; None when none is left. Borrowed from `np` when they stand there one
/// space apart.
fn join_unhonoured<'s>(np: &'s str, words: &[&'s str], marks: &[Marks]) -> Option<Cow<'s, str>> {
    let mut kept = words
        .iter()
        .zip(marks)
        .filter(|&(_, &m)| m & HONORIFIC == 0)
        .map(|(w, _)| *w);
    let first = kept.next()?;
    // the words are slices of `np`: their offsets there
    let at = |w: &str| w.as_ptr() as usize - np.as_ptr() as usize;
    let (start, mut end) = (at(first), at(first) + first.len());
    let mut rest = kept.clone();
    let spaced = rest.all(|w| {
        let ok = at(w) == end + 1 && np.as_bytes()[end] == b' ';
        end = at(w) + w.len();
        ok
    });
    if spaced {
        return Some(Cow::Borrowed(&np[start..end]));
    }
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    out.push_str(first);
    for w in kept {
        out.push(' ');
        out.push_str(w);
    }
    Some(Cow::Owned(out))
}

/// A person's name as a speaker phrase gives it (honorifics dropped), with what
/// [`Registry::person`] reads of its words.
struct Name<'s> {
    text: Cow<'s, str>,
    /// The first word.
    first: &'s str,
    /// The last word, when there are two or more.
    last: Option<&'s str>,
    /// How many words.
    words: usize,
    /// "Tillerson and Kishida": more than one person.
    group: bool,
}

impl<'s> Name<'s> {
    /// The name in `words` of `np`, marked `marks`; None when all are honorifics.
    fn of(np: &'s str, words: &[&'s str], marks: &[Marks]) -> Option<Name<'s>> {
        let text = join_unhonoured(np, words, marks)?;
        let mut kept = words
            .iter()
            .zip(marks)
            .filter(|&(_, &m)| m & HONORIFIC == 0);
        let (first, first_marks) = kept.next()?;
        let (mut last, mut words, mut group) = (None, 1, first_marks & GROUP != 0);
        for (w, &m) in kept {
            last = Some(*w);
            words += 1;
            group |= m & GROUP != 0;
        }
        Some(Name {
            text,
            first,
            last,
            words,
            group,
        })
    }

    /// The surname: the last word, or the only one.
    fn surname(&self) -> &'s str {
        self.last.unwrap_or(self.first)
    }
}

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pronoun,
    Person,
    Description,
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub title: Option<String>,
    pub aliases: Vec<String>,
    pub quotes: usize,
    person: bool,
}

/// Speakers of one article, resolved in text order.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    last_person: Option<usize>,
    last_any: Option<usize>,
    last_org: Option<usize>,
    /// When the last change was a [`Registry::resolve`] of a person's name (as written,
    /// with nothing trimmed): the person, and whether [`Registry::note_subject`] would
    /// note that phrase without an appositive (a title, two names, or a known surname).
    just_named: Option<(usize, bool)>,
}

impl Registry {
    /// Resolves the mention `np` (as written) to an entity; None for a pronoun with nobody
    /// to refer to.
    pub fn resolve(&mut self, np: &str) -> Option<usize> {
        self.just_named = None;
        let written = np.len();
        let np = np.trim().trim_end_matches(',');
        // the pronoun in lower case: no other mention is folded
        let pronoun = pronoun_folded(np);
        let (title, name) = if pronoun.is_some() {
            (None, None)
        } else {
            cut_title(np)
        };
        let kind = if pronoun.is_some() {
            Kind::Pronoun
        } else if name.is_some() {
            Kind::Person
        } else {
            Kind::Description
        };
        let idx = match kind {
            Kind::Pronoun => match pronoun.as_ref().map_or(&b""[..], Folded::as_slice) {
                // nobody named yet: the last speaker when one person was described ("a
                // spokesman for the association told Reuters. He said …")
                b"he" | b"she" | b"i" => self.last_person.or_else(|| {
                    self.last_any
                        .filter(|&i| names_one_person(&self.entities[i].name))
                }),
                b"it" => self
                    .last_any
                    .filter(|&i| !self.entities[i].person)
                    .or(self.last_org)
                    .or_else(|| {
                        // "Westpac said … But it said …": the one-word name of the last
                        // speaker, taken for a surname, is a body's
                        let i = self.last_any?;
                        let e = &mut self.entities[i];
                        if e.person && e.title.is_none() && !e.name.contains(' ') {
                            e.person = false;
                            self.last_person = self.last_person.filter(|&p| p != i);
                            Some(i)
                        } else {
                            None
                        }
                    }),
                _ => self.last_any,
            },
            Kind::Person => name.map(|n| {
                let sure = title.is_some() || n.words > 1;
                // one name alone is noted when a person of that surname is known
                let one = (!sure && np.len() == written).then_some(n.first);
                let i = self.person(title, n);
                if np.len() == written {
                    let known = one.is_some_and(|w| {
                        let last = Some(w);
                        let e = &self.entities;
                        e.iter()
                            .any(|e| e.person && crate::words::last_word(&e.name) == last)
                    });
                    self.just_named = Some((i, sure || known));
                }
                i
            }),
            Kind::Description => Some(self.description(np)),
        };
        if let Some(i) = idx {
            let e = &mut self.entities[i];
            if kind != Kind::Pronoun && np != e.name && !e.aliases.iter().any(|a| a == np) {
                e.aliases.push(np.to_string());
            }
            if e.person {
                self.last_person = Some(i);
            } else if kind == Kind::Description
                && is_cap(np.trim_start_matches(|c: char| !c.is_alphabetic()))
            {
                self.last_org = Some(i);
            }
            self.last_any = Some(i);
        }
        idx
    }

    /// Resolves a mention followed by the appositive `after` ("Nordhaven, a ferry
    /// operator, said"): a name the appositive calls a company or another body is that
    /// body (for a later "the company" or "it"), not a person.
    pub fn resolve_with_appositive(&mut self, np: &str, after: &str) -> Option<usize> {
        let last_person = self.last_person;
        let i = self.resolve(np)?;
        let e = &mut self.entities[i];
        if e.person && e.quotes == 0 && appositive_is_body(after) {
            e.person = false;
            self.last_org = Some(i);
            self.last_person = last_person.filter(|&p| p != i);
        }
        Some(i)
    }

    /// Notes a person named as the subject of a sentence, so that a later "he" or "she"
    /// can refer to them; descriptions and lone capitalised words that are not known
    /// names are not noted.
    pub fn note_subject(&mut self, np: &str, appositive: bool) -> Option<usize> {
        self.just_named = None;
        // the phrase is read without building strings: most subjects are not noted
        let entities = &self.entities;
        let plan = with_phrase(np, |words, marks| {
            // no name (as `split_title` has it): whether the phrase names a body, from the
            // words already marked
            let Some((len, cut)) = title_cut(marks) else {
                return Err(is_proper_body(marks));
            };
            let count = marks[cut..len]
                .iter()
                .filter(|&&m| m & HONORIFIC == 0)
                .count();
            if count == 0 {
                return Err(is_proper_body(marks));
            }
            let titled = marks[..cut].iter().any(|&m| m & HONORIFIC == 0);
            // the cheap tests first: the search of known people only when they fail
            let known = || {
                let last = words[cut..len]
                    .iter()
                    .zip(&marks[cut..len])
                    .rfind(|&(_, &m)| m & HONORIFIC == 0)
                    .map(|(w, _)| *w);
                entities
                    .iter()
                    .any(|e| e.person && crate::words::last_word(&e.name) == last)
            };
            let noted = count >= 2 || titled || appositive || known();
            Ok(noted.then(|| {
                (
                    join_unhonoured(np, &words[..cut], &marks[..cut]),
                    Name::of(np, &words[cut..len], &marks[cut..len]),
                )
            }))
        });
        match plan {
            // "The White House has confirmed …": a proper-named body, for a later "it" or
            // "the statement"
            Err(true) => {
                let i = self.description(np);
                self.last_org = Some(i);
                None
            }
            Ok(Some((title, Some(name)))) => {
                let i = self.person(title, name);
                self.last_person = Some(i);
                Some(i)
            }
            _ => None,
        }
    }

    /// [`Registry::note_subject`] of the phrase that the last change to the registry
    /// resolved, without reading the phrase again: None when that change was something
    /// else, or when the person resolved is no longer one (the phrase is then read in full).
    ///
    /// Why the answer is the same: `resolve` cut the phrase into title and name as
    /// `note_subject` does, and `person` gave the entity; the phrase is noted when it has a
    /// title, two names, an appositive, or a surname known in the registry, which only that
    /// entity's flag may have changed since (it is still a person). Given the same title
    /// and name, `person` finds that entity again: entities after it did not match then
    /// and have not changed, and it matches (its name is the one given, or one that
    /// matched and was kept as it has as many words); its name and title stay as they
    /// are. `resolve` made it the last person already, so nothing changes. Only the
    /// number of quotes may have changed in between, which `note_subject` does not read.
    pub fn note_resolved_subject(&mut self, appositive: bool) -> Option<Option<usize>> {
        let (i, noted) = self.just_named.take()?;
        if !self.entities[i].person {
            return None;
        }
        debug_assert_eq!(self.last_person, Some(i));
        Some((noted || appositive).then_some(i))
    }

    /// The person with this name (and title, from [`split_title`]): one seen before with
    /// the same surname, or a new one.
    fn person(&mut self, title: Option<Cow<'_, str>>, name: Name<'_>) -> usize {
        let (first, surname) = (name.first, name.surname());
        let several = name.last.is_some();
        // case aside: transcripts write "SESSIONS:" for Jeff Sessions
        let found = self.entities.iter().rposition(|e| {
            if !e.person {
                return false;
            }
            // the surname first: it turns most entities away
            let Some(e_surname) = crate::words::last_word(&e.name) else {
                return false;
            };
            if !e_surname.eq_ignore_ascii_case(surname) {
                return false;
            }
            let (e_first, e_last) = crate::words::first_and_last(&e.name);
            // "Ellie Hall" is not "James Hall"
            !(several && e_last.is_some() && !e_first.eq_ignore_ascii_case(first))
        });
        match found {
            Some(i) => {
                let e = &mut self.entities[i];
                if name.words > crate::words::words(&e.name).count() {
                    let old = std::mem::replace(&mut e.name, name.text.into_owned());
                    if !e.aliases.contains(&old) {
                        e.aliases.push(old);
                    }
                }
                if e.title.is_none() {
                    e.title = title.map(Cow::into_owned);
                }
                i
            }
            None => {
                // "Tillerson and Kishida" speak together: not one person for "he"; "Pathway
                // Communications" is a body
                let group = name.group;
                let (name, title) = (name.text.into_owned(), title.map(Cow::into_owned));
                let org = is_org_name(&name);
                if org {
                    self.entities.push(Entity {
                        name,
                        title,
                        aliases: Vec::new(),
                        quotes: 0,
                        person: false,
                    });
                    self.last_org = Some(self.entities.len() - 1);
                    return self.entities.len() - 1;
                }
                self.entities.push(Entity {
                    name,
                    title,
                    aliases: Vec::new(),
                    quotes: 0,
                    person: !group,
                });
                self.entities.len() - 1
            }
        }
    }

    fn description(&mut self, np: &str) -> usize {
        let l_folded = lower(np);
        let l = l_folded.as_str();
        let head = crate::words::last_word(l).unwrap_or_default();
        // a role noun refers to the person who holds that role
        let definite = l.starts_with("the ") || l.starts_with("this ");
        // "the statement said", "the company said": the body named before
        let issued = matches!(
            head,
            "statement"
                | "force"
                | "document"
                | "documents"
                | "communique"
                | "letter"
                | "release"
                | "report"
                | "company"
                | "firm"
                | "group"
                | "organization"
                | "organisation"
                | "agency"
                | "carrier"
                | "airline"
                | "bank"
                | "lender"
                | "insurer"
                | "operator"
                | "maker"
                | "manufacturer"
                | "producer"
                | "retailer"
                | "utility"
                | "pool"
        );
        if issued && let Some(org) = self.last_org {
            return org;
        }
        if definite {
            // the head or a word of a role group it is in
            let in_group = |w: &str| {
                w == head
                    || ROLE_GROUPS
                        .iter()
                        .any(|g| g.contains(&head) && g.contains(&w))
            };
            let holder = self.entities.iter().rposition(|e| {
                e.person
                    && e.title.as_deref().is_some_and(|t| {
                        let t = lower(t);
                        t.split_whitespace().any(in_group)
                    })
            });
            if let Some(i) = holder {
                return i;
            }
        }
        let name = np
            .strip_prefix("a ")
            .or_else(|| np.strip_prefix("A "))
            .or_else(|| np.strip_prefix("an "))
            .or_else(|| np.strip_prefix("An "))
            .unwrap_or(np)
            .to_string();
        let same = |e: &Entity| crate::words::same_folded(&e.name, &name);
        if let Some(i) = self.entities.iter().position(same) {
            return i;
        }
        self.entities.push(Entity {
            name,
            title: None,
            aliases: Vec::new(),
            quotes: 0,
            person: false,
        });
        self.entities.len() - 1
    }

    /// Upgrades one-word names to the fullest form written in `texts` ("Peskov" ->
    /// "Dmitry Peskov" when the article names him so somewhere).
    pub fn complete_names<'a>(&mut self, texts: impl Iterator<Item = &'a str> + Clone) {
        self.just_named = None;
        for e in self.entities.iter_mut().filter(|e| e.person) {
            if crate::words::words(&e.name).count() != 1 {
                continue;
            }
            let surname = e.name.clone();
            let finder = memchr::memmem::Finder::new(surname.as_bytes());
            let mut best: Option<String> = None;
            for t in texts.clone() {
                let mut from = 0;
                while let Some(found) = finder.find(&t.as_bytes()[from..]) {
                    let pos = from + found;
                    from = pos + t[pos..].chars().next().map_or(1, char::len_utf8);
                    // the tokens up to this one, read from a few words back: no token
                    // crosses a space, so they are the tokens of the whole text
                    let ws = after_spaces_back(t, pos, NAME_WINDOW_WORDS);
                    let toks: Vec<Tok> = token_iter(&t[ws..])
                        .take_while(|tk| ws + tk.start <= pos)
                        .map(|tk| Tok {
                            start: ws + tk.start,
                            end: ws + tk.end,
                            word: tk.word,
                        })
                        .collect();
                    let Some(k) = toks.len().checked_sub(1) else {
                        continue;
                    };
                    let tok = toks[k];
                    // a word of its own, not the text's first
                    if tok.start != pos || t[tok.start..tok.end] != surname || (k == 0 && ws == 0) {
                        continue;
                    }
                    let mut j = k;
                    while j > 0
                        && toks[j - 1].word
                        && (is_cap(&t[toks[j - 1].start..toks[j - 1].end])
                            || matches!(&t[toks[j - 1].start..toks[j - 1].end], "of" | "for"))
                        && !is_function_cap(&t[toks[j - 1].start..toks[j - 1].end])
                        && k - j < 6
                    {
                        j -= 1;
                    }
                    // "on behalf of Harcourt": a particle does not open a name
                    while j < k && matches!(&t[toks[j].start..toks[j].end], "of" | "for") {
                        j += 1;
                    }
                    // "Secretary of State Madeleine Albright" -> "Madeleine Albright"
                    let window = &t[toks[j].start..tok.end];
                    let full = match cut_title(window).1 {
                        Some(n) if n.words > 1 && n.text.ends_with(&surname) => n.text.into_owned(),
                        _ => continue,
                    };
                    if !full.is_empty() && best.as_ref().is_none_or(|b| full.len() > b.len()) {
                        best = Some(full);
                    }
                }
            }
            if let Some(full) = best {
                let old = std::mem::replace(&mut e.name, full);
                if !e.aliases.contains(&old) {
                    e.aliases.push(old);
                }
            }
        }
        for e in &mut self.entities {
            let Entity { name, aliases, .. } = e;
            aliases.retain(|a| a != name);
        }
    }
}

/// Words read before a surname when looking for the full name (six at most are taken).
const NAME_WINDOW_WORDS: usize = 8;

/// The byte offset after the `n`-th run of spaces before `pos` in `t` (0 when there are
/// fewer): from there on `t[..pos]` has at least `n` words.
fn after_spaces_back(t: &str, pos: usize, n: usize) -> usize {
    let mut runs = 0;
    let mut in_space = false;
    for (i, c) in t[..pos].char_indices().rev() {
        if !c.is_whitespace() {
            in_space = false;
        } else if !in_space {
            in_space = true;
            runs += 1;
            if runs > n {
                return i + c.len_utf8();
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    /// The word lists as they were searched before `is_determiner`, `is_honorific` and
    /// `is_pronoun` matched them directly: the oracle of their test.
    const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "another", "one", "two",
        "three", "several", "many", "some", "other", "both",
    ];
    const HONORIFICS: &[&str] = &[
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "madame",
    ];

    #[test]
    fn lazy_words_are_the_words_before_the_first_punctuation() {
        let long = "one two three four five six seven eight nine ten eleven twelve \
                    thirteen fourteen fifteen sixteen seventeen eighteen";
        for s in [
            "",
            "Reuters",
            "the ministry said, adding",
            ", a",
            long,
            "Mr. Smith's aide told",
        ] {
            let want: Vec<Tok> = token_iter(s).take(16).take_while(|t| t.word).collect();
            for upto in [0, 1, 5, 14, 16, 20] {
                let mut lz = LazyWords::new(s);
                let n = lz.fill(upto);
                assert_eq!(n, upto.min(want.len()), "{s:?} {upto}");
                assert_eq!(lz.toks(), &want[..n], "{s:?} {upto}");
                // reading on gives the rest
                assert_eq!(lz.fill(20), want.len(), "{s:?}");
                assert_eq!(lz.toks(), &want[..], "{s:?}");
            }
        }
    }

    #[test]
    fn word_lists_answer_as_the_linear_searches_did() {
        let old_determiner =
            |w: &str| w.len() <= 7 && DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w));
        let old_honorific =
            |w: &str| w.len() <= 6 && HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(w));
        let old_cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut probes: Vec<String> = Vec::new();
        for w in DETERMINERS
            .iter()
            .chain(HONORIFICS)
            .chain(PRONOUNS)
            .chain(TITLES)
        {
            for v in [
                w.to_string(),
                w.to_ascii_uppercase(),
                crate::words::lower(w).to_string(),
                format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]),
                format!("{w}s"),
                format!("{w}."),
                format!("x{w}"),
                w[..w.len() - 1].to_string(),
                w.replace('a', "\u{e0}"),
                w.replace('i', "\u{130}"),
                w.replace('s', "\u{17f}"),
            ] {
                probes.push(v);
            }
        }
        for w in [
            "",
            "\u{c9}",
            "\u{e9}tat",
            "\u{212a}",
            "Another1",
            "severall",
            "madamee",
            "M",
        ] {
            probes.push(w.to_string());
        }
        for w in &probes {
            assert_eq!(is_determiner(w), old_determiner(w), "{w:?}");
            assert_eq!(is_honorific(w), old_honorific(w), "{w:?}");
            assert_eq!(is_cap(w), old_cap(w), "{w:?}");
            assert_eq!(is_pronoun(w), PRONOUNS.contains(&w.as_str()), "{w:?}");
            assert_eq!(pronoun_folded(w).is_some(), is_pronoun(&lower(w)), "{w:?}");
        }
    }

    #[test]
    fn word_sets_answer_as_the_lists_did() {
        // the lists searched in turn, as `is_role_noun` and `is_org_name` did before their sets
        let old_role_noun = |w: &str| {
            let l = lower(w);
            let l = l.as_str();
            let people = l.len() > 5
                && (["ers", "ists", "ians", "ors"]
                    .iter()
                    .any(|x| l.ends_with(x))
                    || (l.ends_with("man") || l.ends_with("men"))
                        && !matches!(
                            l,
                            "german" | "germans" | "oman" | "human" | "humans" | "roman" | "romans"
                        ))
                || l.ends_with("-year-old")
                || l.ends_with("-year-olds")
                || matches!(l, "outlets" | "outlet" | "insiders" | "insider" | "aide");
            people || is_profession(w) || is_title_word(l) || ROLE_NOUNS.contains(&l)
        };
        let old_org = |name: &str| {
            name.split_whitespace()
                .last()
                .is_some_and(|w| ORG_WORDS.contains(&lower(w).as_str()))
        };
        let mut probes: Vec<String> = Vec::new();
        for w in ROLE_NOUNS.iter().chain(TITLES).chain(ORG_WORDS) {
            probes.extend([
                w.to_string(),
                w.to_ascii_uppercase(),
                format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]),
                format!("{w}s"),
                format!("x{w}"),
                w[..w.len() - 1].to_string(),
                w.replace('i', "\u{130}"),
                w.replace('k', "\u{212a}"),
                format!("Acme {w}"),
                format!("Acme {w} "),
            ]);
        }
        probes.extend(["", " ", "\u{c9}", "politician", "Politician", "clubs's"].map(String::from));
        for w in &probes {
            assert_eq!(is_role_noun(w), old_role_noun(w), "{w:?}");
            assert_eq!(is_org_name(w), old_org(w), "{w:?}");
        }
    }
    use super::*;

    /// The tokenizer as first written, char by char: the reference for the byte-class one.
    fn reference_tokens(s: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let c = s[i..].chars().next().expect("in bounds");
            let n = c.len_utf8();
            if c.is_whitespace() {
                i += n;
                continue;
            }
            if !c.is_alphanumeric() {
                out.push(Tok {
                    start: i,
                    end: i + n,
                    word: false,
                });
                i += n;
                continue;
            }
            let start = i;
            let mut end = i + n;
            while let Some(d) = s[end..].chars().next() {
                let dn = d.len_utf8();
                if d.is_alphanumeric() {
                    end += dn;
                    continue;
                }
                if !matches!(d, '.' | '-' | '\'' | '’' | '&') {
                    break;
                }
                let next_alnum = s[end + dn..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let abbrev_dot = d == '.' && is_abbrev(&s[start..end]);
                if !(next_alnum || abbrev_dot) {
                    break;
                }
                end += dn;
                if abbrev_dot && !next_alnum {
                    break;
                }
            }
            out.push(Tok {
                start,
                end,
                word: true,
            });
            i = end;
        }
        out
    }

    #[test]
    fn aux_set_is_the_aux_list() {
        for w in AUX
            .iter()
            .chain(&["", "al", "alsoo", "hass", "saidd", "the", "\u{e9}t\u{e9}"])
        {
            assert_eq!(is_aux(w), AUX.contains(w), "{w:?}");
        }
    }

    #[test]
    fn tokens_of_hard_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Gov. Jerry Brown, Jr. said",
                &["Gov.", "Jerry", "Brown", ",", "Jr.", "said"],
            ),
            ("the U.S. and E.U.", &["the", "U.S.", "and", "E.U."]),
            (
                "Russia’s ’90s rock ’n’ roll",
                &["Russia’s", "’", "90s", "rock", "’", "n", "’", "roll"],
            ),
            (
                "AT&T, Jean-Paul O'Neill.",
                &["AT&T", ",", "Jean-Paul", "O'Neill", "."],
            ),
            ("ends - here -", &["ends", "-", "here", "-"]),
            ("Über\u{a0}café\u{2028}x", &["Über", "café", "x"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = tokens(text).iter().map(|t| &text[t.start..t.end]).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_equals_the_reference(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "9", " ", "\t", "\n", ".", "-", "'", "’", "&", ",", "\"", "é",
                    "É", "\u{a0}", "\u{2028}", "\u{1b}", "Jr", "Gov", "U", "S", "Mr", "x.y",
                    "\u{0301}", "٣", "漢",
                ]),
                0..24,
            )
        ) {
            let t: String = pieces.concat();
            proptest::prop_assert_eq!(tokens(&t), reference_tokens(&t), "{:?}", t);
            proptest::prop_assert_eq!(token_iter(&t).collect::<Vec<_>>(), reference_tokens(&t));
        }

        /// Long texts, mostly ASCII: words and joiners across the 64-byte blocks of
        /// [`ascii_tokens`], a non-ASCII char now and then, and the first `max` tokens.
        #[test]
        fn block_tokenizer_equals_the_reference(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "9", " ", "  ", "\n", "\t", "\r\n", "\u{b}", "\u{c}", ".", "-", "'",
                    "&", ",", "(", "\"", "\u{7f}", "\u{1}", "\u{1f}", "/", "Jr", "Gov", "U",
                    "Mr.", "U.S.", "x.y", "1,000", "3.5", "Jean-Paul", "O'Neill", "AT&T",
                    "abcdefghijklmnopqrstuvwxyz", "0123456789", " the ", " said ", "é", "É",
                    "’", "\u{a0}", "漢", "\u{2028}",
                ]),
                0..160,
            ),
            max in 0usize..80,
        ) {
            let t: String = pieces.concat();
            let want = reference_tokens(&t);
            proptest::prop_assert_eq!(&tokens(&t), &want, "{:?}", t);
            proptest::prop_assert_eq!(&token_iter(&t).collect::<Vec<_>>(), &want, "{:?}", t);
            let first: Vec<Tok> = want.iter().copied().take(max).collect();
            proptest::prop_assert_eq!(tokens_upto(&t, max), first, "{:?} {}", t, max);
        }
    }

    #[test]
    fn tokens_across_blocks() {
        // words, joiners and abbreviations at each place around the end of a block of 64
        let words = [
            "Gov.",
            "U.S.",
            "Jean-Paul",
            "O'Neill",
            "AT&T",
            "x.",
            "a-",
            "1,000.5",
            "é",
            "’s",
        ];
        for pad in 0..80 {
            for w in words {
                for tail in ["", " ", ".", "b", "-c", "é", "\n"] {
                    let t = format!("{}{w}{tail} end", "a".repeat(pad));
                    assert_eq!(tokens(&t), reference_tokens(&t), "{t:?}");
                    assert_eq!(token_iter(&t).collect::<Vec<_>>(), reference_tokens(&t));
                    let t = format!("{}{w}{tail}", "ab ".repeat(pad / 3) + &" ".repeat(pad % 3));
                    assert_eq!(tokens(&t), reference_tokens(&t), "{t:?}");
                    for max in [0, 1, 2, 3, pad / 2, pad] {
                        let want: Vec<Tok> = reference_tokens(&t).into_iter().take(max).collect();
                        assert_eq!(tokens_upto(&t, max), want, "{t:?} {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_joiner_that_ends_a_block_joins_a_letter_after_it() {
        // "Mr.é" with its '.' in the last byte of a block: a word, however few tokens are
        // asked for
        for pad in 55..70 {
            for w in ["Mr.é", "x-é", "O'É", "a.’s", "x.漢"] {
                let t = format!("{}{w} end", "ab ".repeat(pad / 3) + &" ".repeat(pad % 3));
                let want = reference_tokens(&t);
                for max in 0..=want.len() {
                    assert_eq!(tokens_upto(&t, max), want[..max], "{t:?} {max}");
                }
            }
        }
    }

    fn sub(s: &str, span: Option<Span>) -> Option<&str> {
        span.map(|r| &s[r])
    }

    #[test]
    fn empty_appositive_before_a_cue() {
        // two commas with nothing between them set off no name (a fuzzer found the panic)
        for s in [
            "the union said, , ",
            "fear the union, , ",
            "As the adviser, , ",
        ] {
            assert_eq!(subject_before(s), None, "{s}");
        }
        let s = "her senior policy adviser, Jake Hale, ";
        assert_eq!(sub(s, subject_before(s)), Some("Jake Hale"));
    }

    #[test]
    fn appositives_that_make_a_name_a_body() {
        let cases = [
            (", a fictional coastal ferry operator, said", true),
            (", the country's largest lender, said", true),
            (", an Oslo-based maker of fishing gear", true),
            (", a spokeswoman for the company, said", true),
            (", a retired engineer, said", false),
            (" said on Monday", false),
            (", who runs the company, said", false),
        ];
        for (after, want) in cases {
            assert_eq!(appositive_is_body(after), want, "{after}");
        }
        // the body named with its appositive is "the company" later; a person is not
        let mut r = Registry::default();
        let body = r.resolve_with_appositive("Nordhaven Sjofart", ", a ferry operator, said");
        let person = r.resolve_with_appositive("Lars Eikeland", ", a retired engineer, said");
        assert_ne!(body, person);
        assert_eq!(r.resolve("the company"), body);
        assert_eq!(r.resolve("he"), person);
    }

    #[test]
    fn subjects() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Kremlin Spokesman Dmitry Peskov",
                Some("Kremlin Spokesman Dmitry Peskov"),
            ),
            (
                "the East, Kremlin Spokesman Dmitry Peskov",
                Some("Kremlin Spokesman Dmitry Peskov"),
            ),
            (", he", Some("he")),
            ("Peskov also", Some("Peskov")),
            ("Hugh Hill, a doctor,", Some("Hugh Hill")),
            ("Smith, who replaced Jones last year,", Some("Smith")),
            ("the spokesman", Some("the spokesman")),
            ("A Government spokesman", Some("A Government spokesman")),
            ("a senior official", Some("a senior official")),
            (
                "a spokesman for the ministry",
                Some("a spokesman for the ministry"),
            ),
            (
                "senior SPD member Ralf Stegner",
                Some("senior SPD member Ralf Stegner"),
            ),
            (
                "Ducey spokesman Patrick Ptak",
                Some("Ducey spokesman Patrick Ptak"),
            ),
            ("the Vermont Democrat", Some("the Vermont Democrat")),
            (
                "outraged monarchist delegate David Mitchell",
                Some("monarchist delegate David Mitchell"),
            ),
            (
                "CNN meteorologist Chad Myers",
                Some("CNN meteorologist Chad Myers"),
            ),
            (
                "one of the coauthors, Professor Pavel Troshin of the Center for Energy Storage",
                Some("Professor Pavel Troshin of the Center for Energy Storage"),
            ),
            ("officials", Some("officials")),
            (
                "Sheriff Bob Johnson this morning",
                Some("Sheriff Bob Johnson"),
            ),
            ("Smith on Friday", Some("Smith")),
            ("Sen. Ted Cruz (R-Tex.)", Some("Sen. Ted Cruz")),
            (
                "The grandmother of Elian Gonzalez",
                Some("The grandmother of Elian Gonzalez"),
            ),
            ("When Trump", Some("Trump")),
            ("But Mr. Obama", Some("Mr. Obama")),
            ("Interestingly Ann Cole", Some("Ann Cole")),
            ("Following Ann Cole", Some("Ann Cole")),
            ("In a statement Thursday, he", Some("he")),
            ("the house was empty and", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(sub(s, subject_before(s)), *want, "{s:?}");
        }
    }

    #[test]
    fn objects() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Maria Cardona, a spokeswoman", Some("Maria Cardona")),
            ("the press secretary, Putin", Some("the press secretary")),
            ("Freeh at a press conference", Some("Freeh")),
            ("Henry Mok, a Canadian-Chinese", Some("Henry Mok")),
            ("he.", Some("he")),
            (
                "several Swedish media reports",
                Some("several Swedish media reports"),
            ),
            // a name read into a verb ends at the name; a compound or an adjective stays
            ("Ann Cole pushed back", Some("Ann Cole")),
            ("Kerr bemoaned Canada's record", Some("Kerr")),
            ("Bob Lane shot back", Some("Bob Lane")),
            (
                "Swedish state-owned carrier Nordflyg",
                Some("Swedish state-owned carrier Nordflyg"),
            ),
            (
                "New Zealand clearing house",
                Some("New Zealand clearing house"),
            ),
            (
                "Elian's paternal great-uncle",
                Some("Elian's paternal great-uncle"),
            ),
            ("on Friday", None),
            ("In October, he", None),
            ("that he thinks", None),
        ];
        for (s, want) in cases {
            assert_eq!(sub(s, object_after(s)), *want, "{s:?}");
        }
    }

    /// `split_title` as it was before the words of a phrase were marked once: each word
    /// asked of each predicate where the cut needs it, the oracle of the tests below.
    fn split_title_by_words(np: &str) -> (Option<String>, Option<String>) {
        fn title_cut<'a, 'w>(words: &'a [&'w str]) -> Option<(&'a [&'w str], usize)> {
            let mut words = words;
            if let Some(p) = words
                .iter()
                .position(|w| matches!(*w, "of" | "at" | "from" | "with"))
            {
                let named = words[..p]
                    .iter()
                    .any(|w| is_cap(w) && !is_title_word(w) && !is_honorific(w));
                if named {
                    words = &words[..p];
                }
            }
            if words.first().is_some_and(|w| is_determiner(w)) || words.iter().all(|w| !is_cap(w)) {
                return None;
            }
            let mut cut = 0;
            for (i, w) in words.iter().enumerate() {
                let possessive = crate::words::is_possessive(w);
                let title_like =
                    is_title_word(w) || possessive || !is_cap(w) && !is_name_particle(w);
                if title_like || is_honorific(w) {
                    cut = cut.max(i + 1);
                }
                let goes_on = i > 0
                    && cut == i
                    && matches!(*w, "for" | "and")
                    && is_cap(words[i - 1])
                    && words[..i].iter().any(|w| is_title_word(w))
                    && words[..i].contains(&"of");
                if ((w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("for"))
                    && i > 0
                    && is_title_word(words[i - 1]))
                    || goes_on
                {
                    cut = cut.max(i + 2);
                }
            }
            while cut < words.len() && matches!(words[cut], "of" | "for" | "and") {
                cut += 1;
            }
            Some((words, cut.min(words.len())))
        }
        fn join_unhonoured(words: &[&str]) -> Option<String> {
            let kept: Vec<&str> = words.iter().copied().filter(|w| !is_honorific(w)).collect();
            (!kept.is_empty()).then(|| kept.join(" "))
        }
        let words: Vec<&str> = np.split_whitespace().collect();
        match title_cut(&words) {
            None => (None, None),
            Some((words, cut)) => (
                join_unhonoured(&words[..cut]),
                join_unhonoured(&words[cut..]),
            ),
        }
    }

    /// Words that the cut of a phrase reads differently, for the tests below.
    const PHRASE_WORDS: &[&str] = &[
        "Secretary",
        "of",
        "Of",
        "OF",
        "State",
        "for",
        "For",
        "and",
        "And",
        "&",
        "Trade",
        "John",
        "Kerry",
        "Mr.",
        "MR",
        "Mrs",
        "Dr.",
        "dr",
        "Dame",
        "the",
        "The",
        "a",
        "An",
        "at",
        "At",
        "from",
        "with",
        "With",
        "Center",
        "van",
        "Van",
        "de",
        "bin",
        "al",
        "y",
        "Jazeera's",
        "Jazeera’s",
        "Jones'",
        "spokesman",
        "Spokesman",
        "SPOKESMAN",
        "senior",
        "Minister",
        "president-elect",
        "Gov.",
        "gov",
        "Élise",
        "Ōtake",
        "énergie",
        "Peskov",
        "Inc",
        "Communications",
        "his",
        "Their",
        "one",
        "Two",
        "x",
        "X",
        "'s",
        "Sen.",
    ];

    #[test]
    fn marks_are_what_the_predicates_say() {
        let words = PHRASE_WORDS
            .iter()
            .chain(TITLES)
            .chain(DETERMINER_WORDS)
            .chain(NAME_PARTICLES)
            .copied();
        for w in words {
            let mut upper_first = w.to_string();
            if let Some(c) = upper_first.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            for v in [w.to_string(), upper_first, w.to_uppercase()] {
                assert_eq!(mark(&v), mark_by_predicates(&v), "{v:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn phrases_are_cut_as_word_by_word(
            picks in proptest::collection::vec((0..PHRASE_WORDS.len(), 0..4usize), 0..20),
            appositive in proptest::bool::ANY,
        ) {
            let mut np = String::new();
            for (i, &(k, gap)) in picks.iter().enumerate() {
                if i > 0 {
                    np.push_str([" ", " ", "  ", "\n"][gap]);
                }
                np.push_str(PHRASE_WORDS[k]);
            }
            let want = split_title_by_words(&np);
            proptest::prop_assert_eq!(split_title(&np), want.clone(), "{:?}", np);
            proptest::prop_assert_eq!(names_someone(&np), want.1.is_some(), "{:?}", np);
            // noted as a person exactly when the cut has a name with a title, two words,
            // or an appositive (the registry is empty: no surname is known)
            let mut reg = Registry::default();
            let noted = reg.note_subject(&np, appositive);
            let count = want.1.as_deref().map_or(0, |n| n.split(' ').count());
            let expect = want.1.is_some() && (want.0.is_some() || count >= 2 || appositive);
            proptest::prop_assert_eq!(noted.is_some(), expect, "{:?}", np);
            if let Some(i) = noted {
                let e = &reg.entities[i];
                proptest::prop_assert_eq!(Some(&e.name), want.1.as_ref());
                proptest::prop_assert_eq!(&e.title, &want.0);
            }
        }
    }

    #[test]
    fn role_nouns_are_found_as_in_turn() {
        let words = TITLES.iter().chain(ROLE_NOUNS).copied().chain([
            "campaigners",
            "backers",
            "economists",
            "historians",
            "oncologist",
            "historian",
            "researcher",
            "businessman",
            "businessmen",
            "German",
            "german",
            "germans",
            "human",
            "humans",
            "Roman",
            "oman",
            "Oman",
            "the",
            "46-year-old",
            "46-year-olds",
            "outlet",
            "outlets",
            "insider",
            "insiders",
            "aide",
            "aides",
            "after",
            "either",
            "former",
            "interior",
            "senior",
            "brilliant",
            "Historian",
            "Senior",
            "man",
            "men",
            "layman",
            "PROTESTERS",
            "said",
            "Élise",
            "médecin",
            "ingénieur",
            "Bürgermeister",
            "",
            "s",
            "n",
            "ors",
            "tutors",
            "Tutors",
            "mentor",
            "Mentor",
            "dentist",
            "Dentist",
        ]);
        for w in words {
            for v in [w.to_string(), w.to_uppercase(), {
                let mut c = w.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
            }] {
                assert_eq!(is_role_noun(&v), is_role_noun_in_turn(&v), "{v:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_word_is_a_role_noun_as_in_turn(
            stem in "[a-zA-Zé-]{0,9}",
            end in proptest::sample::select(&[
                "", "s", "ers", "ists", "ians", "ors", "man", "men", "ist", "ian", "er", "or",
                "-year-old", "-year-olds", "let", "lets", "e", "d", "t", "r", "n",
            ][..]),
        ) {
            let w = format!("{stem}{end}");
            proptest::prop_assert_eq!(is_role_noun(&w), is_role_noun_in_turn(&w), "{:?}", w);
        }
    }

    #[test]
    fn titles_and_names() {
        // (phrase, (title, name))
        type Split<'a> = (Option<&'a str>, Option<&'a str>);
        let cases: &[(&str, Split<'_>)] = &[
            // a particle is not where a name starts
            (
                "Cole's support for Ann Vale",
                (Some("Cole's support for"), Some("Ann Vale")),
            ),
            (
                "Minister of State for Finance Ann Vale",
                (Some("Minister of State for Finance"), Some("Ann Vale")),
            ),
            (
                "Secretary of State for Trade and Industry Ann Vale",
                (
                    Some("Secretary of State for Trade and Industry"),
                    Some("Ann Vale"),
                ),
            ),
            (
                "Kremlin Spokesman Dmitry Peskov",
                (Some("Kremlin Spokesman"), Some("Dmitry Peskov")),
            ),
            (
                "New York Governor Andrew Cuomo",
                (Some("New York Governor"), Some("Andrew Cuomo")),
            ),
            (
                "Ducey spokesman Patrick Ptak",
                (Some("Ducey spokesman"), Some("Patrick Ptak")),
            ),
            ("Peskov", (None, Some("Peskov"))),
            ("Mr. Smith", (None, Some("Smith"))),
            ("President Putin", (Some("President"), Some("Putin"))),
            ("the spokesman", (None, None)),
            ("Kremlin Spokesman", (Some("Kremlin Spokesman"), None)),
            (
                "Al Jazeera's Catherine Soi",
                (Some("Al Jazeera's"), Some("Catherine Soi")),
            ),
            ("Ludwig van Beethoven", (None, Some("Ludwig van Beethoven"))),
            (
                "Professor Pavel Troshin of the Center for Energy Storage",
                (Some("Professor"), Some("Pavel Troshin")),
            ),
            (
                "Secretary of State John Kerry",
                (Some("Secretary of State"), Some("John Kerry")),
            ),
            (
                "psychiatric oncologist Gabriela Ozco",
                (Some("psychiatric oncologist"), Some("Gabriela Ozco")),
            ),
        ];
        for (s, (title, name)) in cases {
            let (t, n) = split_title(s);
            assert_eq!((t.as_deref(), n.as_deref()), (*title, *name), "{s:?}");
        }
    }

    #[test]
    fn a_resolved_subject_is_noted_as_if_read_again() {
        // (mentions resolved before, the phrase resolved, then noted, the appositive
        // that follows it, and whether the statement was quoted in between)
        let cases: &[(&[&str], &str, &str, bool)] = &[
            (&[], "Dmitry Peskov", "", false),
            (&[], "Kremlin Spokesman Dmitry Peskov", "", true),
            (&["Dmitry Peskov"], "Peskov", "", false),
            (&["Dmitry Peskov"], "PESKOV", "", false),
            (&["Ann Peskov", "Dmitry Peskov"], "Peskov", "", true),
            (&[], "Peskov", "", false),
            (&[], "Peskov", ", a spokesman,", false),
            (&["the ministry"], "Mr Smith", "", false),
            (&["Smith"], "John Smith", "", false),
            (&["John Smith"], "Jane Smith", "", false),
            (&[], "Nordhaven Sjofart", ", a ferry operator, said", false),
            (&[], "Tillerson and Kishida", "", false),
            (&[], "Pathway Communications", "", false),
            (&[], "Smith,", "", false),
            (&[], " Smith", "", false),
            (&["Westpac"], "it", "", false),
            (&[], "the ministry", "", false),
            (&["Jeff Sessions"], "SESSIONS", "", false),
        ];
        for &(before, np, after, quoted) in cases {
            for appositive in [false, true] {
                let run = |again: bool| {
                    let mut r = Registry::default();
                    for m in before {
                        r.resolve(m);
                    }
                    let e = r.resolve_with_appositive(np, after);
                    if quoted && let Some(e) = e {
                        r.entities[e].quotes += 1;
                    }
                    let noted = again
                        .then(|| r.note_resolved_subject(appositive))
                        .flatten()
                        .unwrap_or_else(|| r.note_subject(np, appositive));
                    let state = (r.last_person, r.last_any, r.last_org);
                    (noted, state, r.entities)
                };
                assert_eq!(
                    run(true),
                    run(false),
                    "{np:?} after {before:?}, {appositive}"
                );
            }
        }
        // answered without reading: noted or not
        let mut r = Registry::default();
        let peskov = r.resolve("Dmitry Peskov");
        assert_eq!(r.note_resolved_subject(false), Some(peskov));
        let smith = r.resolve("Smith");
        assert_eq!(r.note_resolved_subject(false), Some(smith));
        r.resolve("Jeff Sessions");
        r.resolve("SESSIONS");
        assert_eq!(r.note_resolved_subject(false), Some(None));
        // anything else changed in between: the phrase is read again
        let mut r = Registry::default();
        r.resolve("Dmitry Peskov");
        r.note_subject("Dmitry Peskov", false);
        assert_eq!(r.note_resolved_subject(false), None);
    }

    #[test]
    fn resolution_in_text_order() {
        let mut r = Registry::default();
        let peskov = r.resolve("Kremlin Spokesman Dmitry Peskov");
        assert_eq!(r.resolve("he"), peskov);
        assert_eq!(r.resolve("Peskov"), peskov);
        assert_eq!(r.resolve("the spokesman"), peskov);
        assert_eq!(r.resolve("the press secretary"), peskov);
        let ministry = r.resolve("the ministry");
        assert_ne!(ministry, peskov);
        assert_eq!(r.resolve("it"), ministry);
        assert_eq!(r.resolve("she"), peskov);
        let e = &r.entities[peskov.unwrap()];
        assert_eq!(e.name, "Dmitry Peskov");
        assert_eq!(e.title.as_deref(), Some("Kremlin Spokesman"));
        assert!(e.aliases.contains(&"Peskov".to_string()));
        assert!(e.aliases.contains(&"the press secretary".to_string()));
        let mut r = Registry::default();
        assert_eq!(r.resolve("he"), None);
        let anon = r.resolve("a senior official").unwrap();
        assert_eq!(r.entities[anon].name, "senior official");
        // with nobody named, "he" is the one person described
        assert_eq!(r.resolve("he"), Some(anon));
        let spokesman = r.resolve("a spokesman for the association").unwrap();
        assert_eq!(r.resolve("she"), Some(spokesman));
        let mut r = Registry::default();
        r.resolve("the ministry");
        assert_eq!(r.resolve("he"), None);
        // "Westpac said … But it said …": a one-word name "it" refers to is a body's
        let mut r = Registry::default();
        let westpac = r.resolve("Westpac").unwrap();
        assert!(r.entities[westpac].person);
        assert_eq!(r.resolve("it"), Some(westpac));
        assert!(!r.entities[westpac].person);
        assert_eq!(r.resolve("he"), None);
        // not a name with a first name
        let mut r = Registry::default();
        r.resolve("Ann Vale");
        assert_eq!(r.resolve("it"), None);
    }

    #[test]
    fn surnames_get_full_names() {
        let mut r = Registry::default();
        r.resolve("Horsley");
        r.complete_names(["Neal Horsley said Friday he would seek a new host."].into_iter());
        assert_eq!(r.entities[0].name, "Neal Horsley");
        assert_eq!(r.entities[0].aliases, ["Horsley"]);
        // a particle before the name does not make it fuller
        let mut r = Registry::default();
        r.resolve("Harcourt");
        r.complete_names(["A suit filed on behalf of Harcourt and for Harcourt."].into_iter());
        assert_eq!(r.entities[0].name, "Harcourt");
        assert!(r.entities[0].aliases.is_empty());
    }
}
