//! One self-contained HTML page of articles, each shown as its input text with every quote
//! highlighted and its speaker on hover and on keyboard focus.
//!
//! Method: [`page_start`] writes the head (an inline style sheet, a Content-Security-Policy
//! that allows no network request at all) and opens `<main>`; [`article`] writes one
//! `<article>`, built from the record alone plus the input text the record's offsets refer
//! to; [`page_end`] closes the page and adds a small inline script that only builds the
//! table of contents (everything is readable without it). The page is written XHTML-style:
//! every element closed, void elements self-closed, every attribute quoted, so a plain tag
//! balance checker (and an XML parser, given the entities `&amp; &lt; &gt; &quot; &#39;` only)
//! reads it.
//!
//! The text is the whole input shown with `white-space: pre-wrap`, so hard-wrapped copy reads
//! as it was sent. Quote offsets are in code points (see `Quote::start`). Highlights are the
//! quotes sorted by start (the longer first at the same start, then record order); a range
//! that is empty, reversed, past the end of the text or crossing a range already kept is not
//! highlighted, one inside another (a partial quote in reported speech) is a mark inside its
//! mark, so marks nest but never cross. Every quote, highlighted or not, has a row
//! in the quote table; the `data-quote` attribute of a highlight and of a row is the quote's
//! index in the record's `quotes`. A highlight has `data-speaker` with the speaker's name; a
//! quote without speaker has no `data-speaker` and the class `unattributed` instead (its
//! tooltip and title say "unattributed").
//!
//! Input text is escaped everywhere (`& < > " '`). Characters that HTML and XML do not allow
//! (C0 and C1 controls but tab and line feed, DEL, noncharacters) become U+FFFD; CR LF and CR
//! become LF, and U+2028/U+2029 become LF too, as the layout stage reads them as line ends.
//!
//! Limits: element ids come from the file name and a hash of the file name, the jsonl id
//! and the input, so the same input given twice gives the same ids twice. Bidirectional
//! control characters are kept (they are legitimate in right-to-left text) and can reorder
//! the display of the element they appear in. Text outside the body (headline, chrome,
//! credits) is shown as it is in the input, unstyled.

use crate::Article;
use crate::record::{Quote, QuoteKind};
use std::fmt::Write;

/// The page's head: everything before the first article.
pub fn page_start() -> String {
    let mut out = String::with_capacity(STYLE.len() + 2048);
    out.push_str(
        "<!DOCTYPE html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; \
         form-action 'none'\" />\n",
    );
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"wirecopy {}\" />",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("<title>wirecopy: articles and their quotes</title>\n<style>");
    out.push_str(STYLE);
    out.push_str(
        "</style>\n\
         </head>\n\
         <body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the articles</a>\n\
         <header class=\"page-head\">\n\
         <h1>Articles and their quotes</h1>\n\
         <p class=\"legend\">Highlights: \
         <mark class=\"quote direct\">direct quote</mark> \
         <mark class=\"quote partial\">partial quote</mark> \
         <mark class=\"quote indirect\">reported speech</mark>. \
         Hover over a highlight or move to it with the Tab key to see who is speaking.</p>\n\
         <nav id=\"toc\" aria-label=\"Articles\" hidden=\"hidden\"></nav>\n\
         </header>\n\
         <main id=\"main\">\n",
    );
    out
}

/// One article; `input` is the text the record's offsets refer to.
pub fn article(a: &Article, input: &str) -> String {
    let id = article_id(a, input);
    let marks = highlights(&a.quotes, input.chars().count());
    let mut out = String::with_capacity(input.len() * 2 + a.quotes.len() * 400 + 2048);

    let _ = writeln!(
        out,
        "<article id=\"{id}\" class=\"article\" aria-labelledby=\"{id}-title\">"
    );
    head(&mut out, a, &id);
    out.push_str("<div class=\"columns\">\n");

    // the text, quotes highlighted
    let _ = writeln!(
        out,
        "<section class=\"text\" aria-labelledby=\"{id}-text\">\n\
         <h3 id=\"{id}-text\">Text</h3>"
    );
    if input.trim().is_empty() {
        out.push_str("<p class=\"none\">No text.</p>\n");
    } else {
        out.push_str("<div class=\"body\">");
        text_with_marks(&mut out, input, &a.quotes, &marks.kept, &id);
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");

    // who and where
    let _ = writeln!(
        out,
        "<aside class=\"facts\" aria-label=\"Speakers and countries\">"
    );
    speakers(&mut out, a, &id);
    countries(&mut out, a, &id);
    out.push_str("</aside>\n");

    quote_table(&mut out, a, &marks.state, &id);
    out.push_str("</div>\n</article>\n");
    out
}

/// The page's tail: everything after the last article.
pub fn page_end() -> String {
    let mut out = String::with_capacity(SCRIPT.len() + 512);
    let _ = write!(
        out,
        "</main>\n\
         <footer class=\"page-foot\"><p>Made by wirecopy {} from plain-text articles. \
         Quote offsets are code points into each input.</p></footer>\n\
         <script>",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------------------
// article parts

/// The article's header: file, headline, subheadline, meta, warnings.
fn head(out: &mut String, a: &Article, id: &str) {
    out.push_str("<header class=\"article-head\">\n");
    let _ = writeln!(
        out,
        "<p class=\"file\"><code>{}</code></p>",
        escape(&a.file)
    );
    let title = match a.headline.as_deref() {
        Some(h) if !h.trim().is_empty() => escape(h),
        _ => format!(
            "<span class=\"none\">No headline</span> ({})",
            escape(&a.file)
        ),
    };
    let _ = writeln!(out, "<h2 id=\"{id}-title\">{title}</h2>");
    if let Some(sub) = a.subheadline.as_deref() {
        let _ = writeln!(out, "<p class=\"subheadline\">{}</p>", escape(sub));
    }

    let mut meta = String::new();
    let mut item = |term: &str, value: String| {
        let _ = write!(meta, "<div><dt>{term}</dt><dd>{value}</dd></div>");
    };
    if let Some(d) = &a.dateline {
        let mut parts = Vec::new();
        parts.extend(d.city.as_deref().map(escape));
        parts.extend(d.country.as_deref().map(escape));
        parts.extend(d.date.as_ref().and_then(super::text::date));
        parts.extend(d.agency.as_deref().map(escape));
        let read = if parts.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"read\">({})</span>", parts.join(" · "))
        };
        item("Dateline", format!("{}{read}", escape(&d.text)));
    }
    if let Some(b) = a.byline.as_deref() {
        item("Byline", escape(b));
    }
    if let Some(c) = a.credits.as_deref() {
        item("Credits", escape(c));
    }
    if let Some(v) = &a.id {
        item("Id", format!("<code>{}</code>", escape(&v.to_string())));
    }
    item(
        "Found",
        format!(
            "{}, {}, {}",
            count(a.quotes.len(), "quote", "quotes"),
            count(a.speakers.len(), "speaker", "speakers"),
            count(a.countries.len(), "country", "countries")
        ),
    );
    let _ = writeln!(out, "<dl class=\"meta\">{meta}</dl>");

    if !a.warnings.is_empty() {
        out.push_str("<ul class=\"warnings\" aria-label=\"Warnings\">");
        for w in &a.warnings {
            let _ = write!(out, "<li>{}</li>", escape(w));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
}

/// The input text with the kept quote ranges wrapped in `<mark>` (nested ones inside).
fn text_with_marks(out: &mut String, input: &str, quotes: &[Quote], kept: &[usize], id: &str) {
    let mut next = kept.iter().peekable();
    // end offsets of the open marks, the innermost last
    let mut open: Vec<usize> = Vec::new();
    let mut prev_cr = false;
    for (pos, c) in input.chars().enumerate() {
        while open.last() == Some(&pos) {
            out.push_str("</mark>");
            open.pop();
        }
        while let Some(&&i) = next.peek()
            && quotes[i].start == pos
        {
            next.next();
            mark_open(out, &quotes[i], i, id);
            open.push(quotes[i].end);
        }
        // CR LF is one line end: the LF was already written for the CR
        if !(prev_cr && c == '\n') {
            push_text(out, c);
        }
        prev_cr = c == '\r';
    }
    for _ in open {
        out.push_str("</mark>");
    }
}

/// The opening tag of a highlight.
fn mark_open(out: &mut String, q: &Quote, index: usize, id: &str) {
    let kind = kind_name(q.kind);
    let speaker_class = if q.speaker.is_some() {
        ""
    } else {
        " unattributed"
    };
    let _ = write!(
        out,
        "<mark id=\"{id}-q{index}\" class=\"quote {kind}{speaker_class}\" tabindex=\"0\" \
         data-quote=\"{index}\" data-kind=\"{kind}\""
    );
    if let Some(s) = q.speaker.as_deref() {
        let _ = write!(out, " data-speaker=\"{}\"", escape(s));
    }
    if let Some(cue) = q.cue.as_deref() {
        let _ = write!(out, " data-cue=\"{}\"", escape(cue));
    }
    let _ = write!(out, " title=\"{}\">", escape(&quote_title(q)));
}

/// The tooltip text of a quote: "Dmitry Peskov — said (direct)".
fn quote_title(q: &Quote) -> String {
    let who = q.speaker.as_deref().unwrap_or("unattributed");
    let kind = kind_name(q.kind);
    match q.cue.as_deref() {
        Some(cue) => format!("{who} — {cue} ({kind})"),
        None => format!("{who} ({kind})"),
    }
}

/// The speakers: name, title, number of quotes, other names used.
fn speakers(out: &mut String, a: &Article, id: &str) {
    let _ = writeln!(
        out,
        "<section class=\"speakers\" aria-labelledby=\"{id}-speakers\">\n\
         <h3 id=\"{id}-speakers\">Speakers</h3>"
    );
    if a.speakers.is_empty() {
        out.push_str("<p class=\"none\">No speakers.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul class=\"speaker-list\">\n");
    for s in &a.speakers {
        let _ = write!(
            out,
            "<li><span class=\"name\">{}</span> <span class=\"count\">{}</span>",
            escape(&s.name),
            count(s.quotes, "quote", "quotes"),
        );
        if let Some(title) = s.title.as_deref() {
            let _ = write!(out, "<span class=\"title\">{}</span>", escape(title));
        }
        if !s.aliases.is_empty() {
            let aliases: Vec<String> = s.aliases.iter().map(|al| escape(al)).collect();
            let _ = write!(
                out,
                "<span class=\"aliases\">Also called: {}</span>",
                aliases.join(", ")
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// The countries table.
fn countries(out: &mut String, a: &Article, id: &str) {
    let _ = writeln!(
        out,
        "<section class=\"countries\" aria-labelledby=\"{id}-countries\">\n\
         <h3 id=\"{id}-countries\">Countries</h3>"
    );
    if a.countries.is_empty() {
        out.push_str("<p class=\"none\">No countries.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th scope=\"col\">Country</th><th scope=\"col\">Code</th>\
         <th scope=\"col\" class=\"num\">Mentions</th></tr></thead>\n<tbody>\n",
    );
    for c in &a.countries {
        let dateline = if c.dateline {
            " <span class=\"tag\">dateline</span>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}{dateline}</th><td><code>{}</code></td>\
             <td class=\"num\" title=\"{}\">{}</td></tr>",
            escape(&c.name),
            escape(&c.code),
            escape(&c.forms.join(", ")),
            c.mentions,
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The table of all quotes, highlighted or not.
fn quote_table(out: &mut String, a: &Article, state: &[Highlight], id: &str) {
    let _ = writeln!(
        out,
        "<section class=\"quotes\" aria-labelledby=\"{id}-quotes\">\n\
         <h3 id=\"{id}-quotes\">Quotes</h3>"
    );
    if a.quotes.is_empty() {
        out.push_str("<p class=\"none\">No quotes.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\" class=\"num\">#</th>\
         <th scope=\"col\">Kind</th><th scope=\"col\">Speaker</th><th scope=\"col\">Cue</th>\
         <th scope=\"col\">Text</th></tr></thead>\n<tbody>\n",
    );
    for (i, q) in a.quotes.iter().enumerate() {
        let kind = kind_name(q.kind);
        let number = match state.get(i).copied().unwrap_or(Highlight::OutOfRange) {
            Highlight::Shown => format!(
                "<a href=\"#{id}-q{i}\" title=\"Show in the text\">{}</a>",
                i + 1
            ),
            skipped => format!(
                "{} <span class=\"skipped\" title=\"not highlighted: {}\">(not shown)</span>",
                i + 1,
                skipped.reason()
            ),
        };
        let speaker = match q.speaker.as_deref() {
            Some(s) => escape(s),
            None => "<span class=\"none\">unattributed</span>".to_string(),
        };
        let mention = match q.mention.as_deref() {
            Some(m) if Some(m) != q.speaker.as_deref() => {
                format!(" <span class=\"mention\">as “{}”</span>", escape(m))
            }
            _ => String::new(),
        };
        let cue = q.cue.as_deref().map(escape).unwrap_or_default();
        let tag = if q.kind == QuoteKind::Indirect {
            "span"
        } else {
            "q"
        };
        let _ = writeln!(
            out,
            "<tr id=\"{id}-row{i}\" class=\"{kind}\" data-quote=\"{i}\">\
             <td class=\"num\">{number}</td><td><span class=\"kind {kind}\">{kind}</span></td>\
             <td>{speaker}{mention}</td><td>{cue}</td>\
             <td><{tag} class=\"qtext\">{}</{tag}></td></tr>",
            escape(&q.text),
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

// ---------------------------------------------------------------------------------------
// pure helpers

/// Whether a quote is highlighted in the text, and if not why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Highlight {
    Shown,
    /// Empty, reversed or past the end of the text.
    OutOfRange,
    /// Crosses a quote highlighted before it.
    Crosses,
}

impl Highlight {
    fn reason(self) -> &'static str {
        match self {
            Highlight::Shown => "shown",
            Highlight::OutOfRange => "its offsets are outside the text",
            Highlight::Crosses => "it crosses another quote",
        }
    }
}

/// Which quotes are highlighted: `kept` holds their indices in text order (ranges that
/// neither cross nor leave the text), `state` says for every quote why or why not.
#[derive(Debug, PartialEq, Eq)]
struct Marks {
    kept: Vec<usize>,
    state: Vec<Highlight>,
}

/// Chooses the highlights among `quotes` for a text of `len` code points (see the module
/// doc for the rule).
fn highlights(quotes: &[Quote], len: usize) -> Marks {
    let mut state = vec![Highlight::OutOfRange; quotes.len()];
    let mut order: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].start < quotes[i].end && quotes[i].end <= len)
        .collect();
    order.sort_by_key(|&i| (quotes[i].start, std::cmp::Reverse(quotes[i].end), i));
    let mut kept = Vec::with_capacity(order.len());
    // the ends of the kept ranges that enclose the current start, the innermost last
    let mut enclosing: Vec<usize> = Vec::new();
    for i in order {
        let q = &quotes[i];
        while enclosing.last().is_some_and(|&end| end <= q.start) {
            enclosing.pop();
        }
        if enclosing.last().is_some_and(|&end| q.end > end) {
            state[i] = Highlight::Crosses;
        } else {
            state[i] = Highlight::Shown;
            enclosing.push(q.end);
            kept.push(i);
        }
    }
    Marks { kept, state }
}

/// Escapes text for HTML content and quoted attribute values (see the module doc).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut prev_cr = false;
    for c in s.chars() {
        if !(prev_cr && c == '\n') {
            push_text(&mut out, c);
        }
        prev_cr = c == '\r';
    }
    out
}

/// Pushes one character of input, escaped (a CR as LF: the caller drops the LF of CR LF).
fn push_text(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '\r' | '\u{2028}' | '\u{2029}' => out.push('\n'),
        '\n' | '\t' => out.push(c),
        c if c.is_control() || is_noncharacter(c) => out.push('\u{FFFD}'),
        c => out.push(c),
    }
}

/// Unicode noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
fn is_noncharacter(c: char) -> bool {
    let u = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A page-unique id for an article: a slug of its file name and a hash of the file name,
/// the jsonl id and the input ("a-tass-peskov-1f3e5a7c9b0d").
fn article_id(a: &Article, input: &str) -> String {
    let base = a.file.rsplit(['/', '\\']).next().unwrap_or_default();
    let base = base.strip_suffix(".txt").unwrap_or(base);
    let mut slug = String::new();
    for c in base.chars() {
        if slug.len() >= 32 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let jsonl_id = a.id.as_ref().map(|v| v.to_string()).unwrap_or_default();
    let hash = fnv1a(&[a.file.as_bytes(), jsonl_id.as_bytes(), input.as_bytes()]);
    let hash = hash & 0xFFFF_FFFF_FFFF;
    if slug.is_empty() {
        format!("a-{hash:012x}")
    } else {
        format!("a-{slug}-{hash:012x}")
    }
}

/// FNV-1a (64 bits) over the parts, each followed by a 0xFF byte (never in UTF-8).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(&[0xFF]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

// ---------------------------------------------------------------------------------------
// the style sheet and the script

/// The style sheet: light and dark colours, two columns on wide screens, highlights that
/// differ by underline as well as colour, tooltips on :hover and :focus.
const STYLE: &str = r#"
:root {
  color-scheme: light dark;
  --bg: #fdfdfb; --fg: #1c1d1f; --muted: #55595f; --panel: #f1f2ef; --line: #d3d5d0;
  --accent: #0b57b0; --focus: #c2185b;
  --direct: #ffe76b; --direct-line: #8a6d00;
  --partial: #ffd2a6; --partial-line: #a34a00;
  --indirect: #cfe3ff; --indirect-line: #1f5fb4;
  --tip-bg: #1c1d1f; --tip-fg: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b; --fg: #e9eaec; --muted: #aab0b8; --panel: #1f2226; --line: #3a3f46;
    --accent: #8ab8ff; --focus: #ff7eb3;
    --direct: #5a4a00; --direct-line: #ffd84d;
    --partial: #5e3214; --partial-line: #ffad66;
    --indirect: #17365e; --indirect-line: #8ab8ff;
    --tip-bg: #f3f4f6; --tip-fg: #111214;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; padding: 0 1.25rem 2rem; max-width: 82rem;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif;
}
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -100vw; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .25rem .5rem; }
.page-head { border-bottom: 2px solid var(--line); padding: 1rem 0 .75rem; }
.page-head h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.legend { margin: 0; color: var(--muted); }
.legend mark { cursor: default; white-space: nowrap; }
.toc-title { font-size: 1.1rem; margin: .75rem 0 0; }
#toc ol { margin: .5rem 0 0; padding-left: 1.5rem; columns: 2 20rem; }
.article { border-bottom: 2px solid var(--line); padding: 1.5rem 0; }
.article-head .file { margin: 0; color: var(--muted); font-size: .875rem; overflow-wrap: anywhere; }
.article-head h2 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .5rem; overflow-wrap: anywhere; }
.subheadline { font-size: 1.1rem; color: var(--muted); margin: 0 0 .75rem; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; font-size: .9rem; }
.meta div { display: flex; gap: .4rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.read, .mention, .none { color: var(--muted); }
.warnings { color: var(--partial-line); font-size: .9rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2rem; }
@media (min-width: 60rem) {
  .columns { grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem); }
  .quotes { grid-column: 1 / -1; }
}
.body {
  white-space: pre-wrap; overflow-wrap: anywhere; max-width: 46rem;
  font: 1.0625rem/1.7 Charter, "Bitstream Charter", Georgia, "DejaVu Serif", "Liberation Serif", serif;
  tab-size: 4;
}
mark.quote {
  position: relative; color: inherit; border-radius: 2px; padding: 0 1px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
mark.direct { background: var(--direct); box-shadow: inset 0 -2px var(--direct-line); }
mark.partial { background: var(--partial); box-shadow: inset 0 -2px var(--partial-line); }
mark.indirect {
  background: var(--indirect); text-decoration: underline dashed var(--indirect-line);
  text-underline-offset: 3px;
}
.body mark.quote { cursor: help; }
.body mark.quote:target { outline: 3px solid var(--accent); outline-offset: 1px; }
.body mark.quote::after {
  content: attr(data-speaker); display: none; position: absolute; left: 0; bottom: calc(100% + 6px);
  z-index: 10; width: max-content; max-width: min(28rem, 80vw); white-space: normal;
  pointer-events: none;
  font: 600 .85rem/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif;
  background: var(--tip-bg); color: var(--tip-fg); padding: .2rem .5rem; border-radius: 4px;
  box-shadow: 0 2px 6px rgba(0, 0, 0, .35);
}
.body mark.quote[data-cue]::after { content: attr(data-speaker) " — " attr(data-cue); }
.body mark.quote.unattributed::after { content: "unattributed"; }
.body mark.quote.unattributed[data-cue]::after { content: "unattributed — " attr(data-cue); }
.body mark.quote:hover::after, .body mark.quote:focus::after { display: block; }
.body mark.quote:hover:has(mark.quote:hover)::after { display: none; }
.body mark.quote:hover, .body mark.quote:focus { z-index: 5; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
.quotes td:last-child { min-width: 18rem; }
.quotes tr:target { background: var(--panel); }
.kind { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .8rem; font-weight: 600; }
.kind.direct { background: var(--direct); }
.kind.partial { background: var(--partial); }
.kind.indirect { background: var(--indirect); }
.skipped { color: var(--muted); font-size: .8rem; }
.speaker-list { list-style: none; margin: 0; padding: 0; font-size: .9rem; }
.speaker-list li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.speaker-list .name { font-weight: 600; }
.speaker-list .count { color: var(--muted); white-space: nowrap; }
.speaker-list .title, .speaker-list .aliases { display: block; }
.speaker-list .aliases { color: var(--muted); }
.tag { font-size: .75rem; font-weight: 400; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 .25rem; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: .9em; }
.page-foot { color: var(--muted); font-size: .85rem; padding: 1rem 0; }
@media (forced-colors: active) {
  mark.quote { forced-color-adjust: none; background: Mark; color: MarkText; }
  .body mark.quote::after { border: 1px solid CanvasText; }
}
@media print {
  .body mark.quote::after, .skip, #toc { display: none !important; }
}
"#;

/// The optional script: a table of contents of the page's articles (when there are two or
/// more), built from their headings. The page reads the same without it.
const SCRIPT: &str = r##"
(function () {
  "use strict";
  var nav = document.getElementById("toc");
  var articles = document.querySelectorAll("main > article[id]");
  if (!nav || 2 > articles.length) { return; }
  var h = document.createElement("h2");
  h.className = "toc-title";
  h.textContent = articles.length + " articles";
  var ol = document.createElement("ol");
  articles.forEach(function (art) {
    var heading = art.querySelector("h2");
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = "#" + art.id;
    a.textContent = heading ? heading.textContent : art.id;
    li.appendChild(a);
    ol.appendChild(li);
  });
  nav.appendChild(h);
  nav.appendChild(ol);
  nav.hidden = false;
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Country, Speaker};

    fn quote(start: usize, end: usize, speaker: Option<&str>) -> Quote {
        Quote {
            text: String::new(),
            kind: QuoteKind::Direct,
            speaker: speaker.map(Into::into),
            mention: None,
            cue: Some("said".into()),
            start,
            end,
            paragraph: 0,
        }
    }

    /// The quote's text as the analysis would give it: the input between its offsets.
    fn quote_in(input: &str, start: usize, end: usize, speaker: Option<&str>) -> Quote {
        Quote {
            text: input.chars().skip(start).take(end - start).collect(),
            ..quote(start, end, speaker)
        }
    }

    /// The contents of every `<mark …>…</mark>` in `html`, in order.
    fn marked(html: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find("<mark id=") {
            let from = at + rest[at..].find('>').expect("tag end") + 1;
            let to = from + rest[from..].find("</mark>").expect("mark closed");
            out.push(&rest[from..to]);
            rest = &rest[to..];
        }
        out
    }

    #[test]
    fn text_is_escaped() {
        let cases = [
            ("plain words", "plain words"),
            ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
            (
                "\"double\" and 'single'",
                "&quot;double&quot; and &#39;single&#39;",
            ),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("&amp; stays text", "&amp;amp; stays text"),
            ("“curly” – Кремль", "“curly” – Кремль"),
            ("tab\tand\nline", "tab\tand\nline"),
            ("crlf\r\nand cr\rend", "crlf\nand cr\nend"),
            ("ls\u{2028}ps\u{2029}", "ls\nps\n"),
            (
                "esc\u{1b}[31m nul\0 del\u{7f}",
                "esc\u{FFFD}[31m nul\u{FFFD} del\u{FFFD}",
            ),
            ("c1\u{85}\u{9b}", "c1\u{FFFD}\u{FFFD}"),
            (
                "non\u{FFFE}\u{FDD0}\u{10FFFF}",
                "non\u{FFFD}\u{FFFD}\u{FFFD}",
            ),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(escape(raw), want, "escape({raw:?})");
        }
    }

    #[test]
    fn script_in_file_name_headline_and_quote_stays_text() {
        let input = "Headline <script>alert(1)</script>\n\n\
                     LONDON (Reuters) - \"<script>alert(2)</script>\", she said.";
        let start = input.find("<script>alert(2)").unwrap();
        let end = start + "<script>alert(2)</script>".len();
        let mut q = quote_in(input, start, end, Some("<b>Eve</b>"));
        q.cue = Some("said\" onmouseover=\"x".into());
        let a = Article {
            file: "<script>alert(0)</script>.txt".into(),
            headline: Some("Headline <script>alert(1)</script>".into()),
            quotes: vec![q],
            speakers: vec![Speaker {
                name: "<b>Eve</b>".into(),
                title: Some("<i>boss</i>".into()),
                aliases: vec!["'Eve'".into()],
                quotes: 1,
            }],
            ..Article::default()
        };
        let html = article(&a, input);
        for bad in ["<script", "</script", "<b>", "<i>", "\" onmouseover"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        for good in [
            "&lt;script&gt;alert(0)&lt;/script&gt;.txt",
            "Headline &lt;script&gt;alert(1)&lt;/script&gt;",
            "data-speaker=\"&lt;b&gt;Eve&lt;/b&gt;\"",
            "data-cue=\"said&quot; onmouseover=&quot;x\"",
            "<q class=\"qtext\">&lt;script&gt;alert(2)&lt;/script&gt;</q>",
            "Also called: &#39;Eve&#39;",
            "<span class=\"title\">&lt;i&gt;boss&lt;/i&gt;</span>",
            "<span class=\"count\">1 quote</span>",
        ] {
            assert!(html.contains(good), "{good} not in {html}");
        }
        assert_eq!(marked(&html), ["&lt;script&gt;alert(2)&lt;/script&gt;"]);
    }

    #[test]
    fn offsets_are_code_points() {
        // curly quotes, Cyrillic and an emoji before the quote: byte offsets would differ
        let input = "Кремль “говорит” 🙂: «Мы смотрим в обе стороны», said Peskov. \
                     “We look both ways,” he said.";
        let cases = [
            ("Мы смотрим в обе стороны", "Dmitry Peskov"),
            ("We look both ways,", "Dmitry Peskov"),
        ];
        let quotes: Vec<Quote> = cases
            .iter()
            .map(|(text, who)| {
                let byte = input.find(text).unwrap();
                let start = input[..byte].chars().count();
                quote_in(input, start, start + text.chars().count(), Some(who))
            })
            .collect();
        let a = Article {
            quotes,
            ..Article::default()
        };
        let html = article(&a, input);
        let want: Vec<&str> = cases.iter().map(|(text, _)| *text).collect();
        assert_eq!(marked(&html), want);
        assert!(
            html.contains("data-quote=\"1\" data-kind=\"direct\" data-speaker=\"Dmitry Peskov\"")
        );
    }

    #[test]
    fn highlights_skip_overlaps_and_ranges_outside_the_text() {
        use Highlight::*;
        // (quotes as (start, end), text length, kept in text order, state per quote)
        type Case = (
            &'static [(usize, usize)],
            usize,
            &'static [usize],
            &'static [Highlight],
        );
        let cases: &[Case] = &[
            (&[], 10, &[], &[]),
            (&[(0, 3), (5, 9)], 10, &[0, 1], &[Shown, Shown]),
            // out of order in the record: sorted for the text
            (&[(5, 9), (0, 3)], 10, &[1, 0], &[Shown, Shown]),
            // touching ranges do not overlap
            (&[(0, 5), (5, 10)], 10, &[0, 1], &[Shown, Shown]),
            // crossing: the earlier start wins
            (&[(4, 8), (2, 6)], 10, &[1], &[Crosses, Shown]),
            // nested: both, the outer (longer) range first, whatever the record order
            (&[(3, 5), (2, 8)], 10, &[1, 0], &[Shown, Shown]),
            (&[(2, 8), (2, 4)], 10, &[0, 1], &[Shown, Shown]),
            // nested twice, then one that crosses the middle one
            (
                &[(0, 9), (1, 6), (2, 4), (5, 8)],
                10,
                &[0, 1, 2],
                &[Shown, Shown, Shown, Crosses],
            ),
            // same range twice: nested too
            (&[(1, 4), (1, 4)], 10, &[0, 1], &[Shown, Shown]),
            // past the end, reversed, empty, huge
            (
                &[
                    (8, 11),
                    (6, 2),
                    (3, 3),
                    (usize::MAX - 1, usize::MAX),
                    (0, 10),
                ],
                10,
                &[4],
                &[OutOfRange, OutOfRange, OutOfRange, OutOfRange, Shown],
            ),
            (&[(0, 1)], 0, &[], &[OutOfRange]),
        ];
        for (ranges, len, kept, state) in cases {
            let quotes: Vec<Quote> = ranges.iter().map(|&(s, e)| quote(s, e, None)).collect();
            let got = highlights(&quotes, *len);
            assert_eq!(got.kept, *kept, "kept for {ranges:?}");
            assert_eq!(got.state, *state, "state for {ranges:?}");
        }
    }

    #[test]
    fn skipped_quotes_are_still_listed() {
        let input = "One two three four five six.";
        let mut quotes = vec![
            quote_in(input, 4, 13, Some("Ann")), // "two three"
            quote_in(input, 8, 18, Some("Bob")), // overlaps the first
            quote(20, 99, None),                 // past the end
        ];
        quotes[2].text = "lost words".into();
        let a = Article {
            quotes,
            ..Article::default()
        };
        let html = article(&a, input);
        assert_eq!(marked(&html), ["two three"]);
        assert_eq!(html.matches("<mark id=").count(), 1);
        for i in 0..3 {
            assert!(html.contains(&format!("data-quote=\"{i}\"><td")), "row {i}");
        }
        assert_eq!(html.matches("(not shown)").count(), 2);
        assert!(html.contains("lost words"));
        assert!(html.contains("it crosses another quote"));
        assert!(html.contains("its offsets are outside the text"));
    }

    #[test]
    fn a_quote_inside_another_is_a_mark_inside_its_mark() {
        let input = "She said the plan was \"dead on arrival\" in May.";
        let a = Article {
            quotes: vec![
                quote_in(input, 9, 47, Some("Ann")),
                quote_in(input, 23, 38, Some("Ann")),
            ],
            ..Article::default()
        };
        let html = article(&a, input);
        let inner = html.find("data-quote=\"1\"").expect("inner mark");
        let outer = html.find("data-quote=\"0\"").expect("outer mark");
        assert!(outer < inner);
        // the inner mark closes, then the outer one, each once
        let body = &html[outer..];
        let text = body.find("dead on arrival</mark>&quot; in May.</mark>");
        assert!(text.is_some(), "{html}");
        assert_eq!(html.matches("<mark id=").count(), 2);
        assert_eq!(html.matches("</mark>").count(), 2);
    }

    #[test]
    fn quote_at_the_very_end_is_closed() {
        let input = "He said: stop";
        let a = Article {
            quotes: vec![quote_in(input, 9, 13, None)],
            ..Article::default()
        };
        let html = article(&a, input);
        assert_eq!(marked(&html), ["stop"]);
        assert!(html.contains("stop</mark></div>"));
        // no speaker: no data-speaker, the class and the title say so
        assert!(html.contains("class=\"quote direct unattributed\""));
        assert!(!html.contains("data-speaker"));
        assert!(html.contains("title=\"unattributed — said (direct)\""));
    }

    #[test]
    fn multi_paragraph_quote_is_one_highlight() {
        let input = "X\n\n\"First part.\n\n\"Second part,\" she said.";
        let start = input.find("First").unwrap();
        let end = input.find(",\"").unwrap();
        let mut q = quote(start, end, Some("Ann Lee"));
        q.text = "First part. Second part".into();
        let a = Article {
            quotes: vec![q],
            ..Article::default()
        };
        let html = article(&a, input);
        assert_eq!(marked(&html), ["First part.\n\n&quot;Second part"]);
    }

    #[test]
    fn crlf_input_keeps_offsets() {
        let input = "Head\r\n\r\n\"Yes,\" he said.\r\n";
        let a = Article {
            quotes: vec![quote_in(input, 9, 13, Some("Al"))],
            ..Article::default()
        };
        let html = article(&a, input);
        assert_eq!(marked(&html), ["Yes,"]);
        assert!(!html.contains('\r'));
        assert!(html.contains("Head\n\n&quot;<mark"));
    }

    #[test]
    fn article_without_quotes() {
        let a = Article {
            file: "empty.txt".into(),
            headline: Some("Quiet day".into()),
            countries: vec![Country {
                code: "NO".into(),
                name: "Norway".into(),
                mentions: 2,
                forms: vec!["Oslo".into()],
                spans: vec![[0, 4]],
                dateline: true,
            }],
            ..Article::default()
        };
        let html = article(&a, "OSLO - Nothing was said today.");
        assert!(!html.contains("<mark"));
        assert!(!html.contains("data-quote"));
        assert!(html.contains("No quotes."));
        assert!(html.contains("No speakers."));
        assert!(html.contains("<th scope=\"row\">Norway <span class=\"tag\">dateline</span></th>"));
        assert!(html.contains("OSLO - Nothing was said today.</div>"));
        // and no text at all
        let html = article(&Article::default(), "");
        assert!(html.contains("No text.") && html.contains("No headline"));
    }

    #[test]
    fn page_parts_open_and_close() {
        let page = format!("{}{}", page_start(), page_end());
        for needle in [
            "<html lang=\"en\">",
            "<meta charset=\"utf-8\" />",
            "<meta name=\"viewport\"",
            "<title>",
            "<main id=\"main\">",
            "</main>",
            "<header class=\"page-head\">",
            "prefers-color-scheme: dark",
            ":focus-visible",
            "default-src 'none'",
        ] {
            assert!(page.contains(needle), "{needle}");
        }
        for absent in ["http://", "https://", "@import", "url("] {
            assert!(!page.contains(absent), "{absent}");
        }
        assert!(page.ends_with("</html>\n"));
        // the raw text of <style> and <script> can neither end its element nor trouble
        // an XML parser
        for raw in [STYLE, SCRIPT] {
            assert!(!raw.contains(['<', '&']));
        }
    }

    #[test]
    fn article_ids() {
        let named = |file: &str| Article {
            file: file.into(),
            ..Article::default()
        };
        let id = article_id(&named("fixtures/tass-peskov.txt"), "text");
        assert!(id.starts_with("a-tass-peskov-"), "{id}");
        assert_eq!(id, article_id(&named("fixtures/tass-peskov.txt"), "text"));
        assert_ne!(id, article_id(&named("fixtures/tass-peskov.txt"), "other"));
        for file in ["-", "", "<script>", "Кремль.txt", "a b/ c\"d.txt"] {
            let id = article_id(&named(file), "");
            assert!(
                id.starts_with("a-")
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && !id.contains("--"),
                "{file:?} -> {id}"
            );
        }
    }
}
