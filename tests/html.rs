//! End-to-end tests of `wirecopy -f html`: the real binary on the fixtures, its page read
//! back by a small strict tokenizer (written here, so the test does not trust the renderer's
//! own escaping) and compared with the JSON Lines records of the same inputs.
//!
//! The tokenizer accepts the XHTML-style subset the renderer promises: a doctype, tags with
//! lowercase names, attributes always written `name="value"`, void elements only as void,
//! every other element closed in order, `<style>`/`<script>` as raw text, and in text and
//! attribute values no raw `<` or `>` and no `&` but the entities `&amp; &lt; &gt; &quot;
//! &#39;` and numeric references.

mod common;

use common::{TempDir, json_lines};
use serde_json::Value;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wirecopy");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const FIXTURES: [&str; 4] = [
    "fixtures/ap-style.txt",
    "fixtures/reuters-1987.txt",
    "fixtures/reuters-style.txt",
    "fixtures/tass-peskov.txt",
];

// ---------------------------------------------------------------------------------------
// running the binary

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run wirecopy")
}

/// Stdout of a successful run.
#[track_caller]
fn ok_stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "wirecopy {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// The page for `paths` and the JSON records of the same inputs.
fn page_and_records(paths: &[&str]) -> (String, Vec<Value>) {
    let mut html_args = vec!["-f", "html"];
    html_args.extend_from_slice(paths);
    let page = ok_stdout(&html_args);
    let records = json_lines(&ok_stdout(paths));
    (page, records)
}

// ---------------------------------------------------------------------------------------
// a strict tokenizer for the page

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A start tag (a void element is followed by its own `End`).
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End(String),
    /// Text with its references resolved.
    Text(String),
    /// The raw contents of `<style>` or `<script>`.
    Raw(String),
}

impl Token {
    fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Token::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    fn is_start(&self, tag: &str) -> bool {
        matches!(self, Token::Start { name, .. } if name == tag)
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split(' ').any(|c| c == class))
    }
}

const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Reads the page into tokens, or says where it is not well-formed.
fn tokenize(page: &str) -> Result<Vec<Token>, String> {
    let mut rest = page
        .strip_prefix("<!DOCTYPE html>")
        .ok_or("the page does not start with <!DOCTYPE html>")?;
    let mut tokens = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let at = |rest: &str| format!("at byte {}: {:.60?}", page.len() - rest.len(), rest);
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let close = after.find('>').ok_or_else(|| at(rest))?;
            let name = &after[..close];
            match open.pop() {
                Some(top) if top == name => {}
                top => return Err(format!("</{name}> closes {top:?} {}", at(rest))),
            }
            tokens.push(Token::End(name.to_string()));
            rest = &after[close + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let (token, self_closed, after) =
                start_tag(after).map_err(|e| format!("{e} {}", at(rest)))?;
            let Token::Start { name, .. } = &token else {
                unreachable!()
            };
            let name = name.clone();
            let void = VOID.contains(&name.as_str());
            if self_closed && !void {
                return Err(format!("<{name} /> is not a void element {}", at(rest)));
            }
            tokens.push(token);
            rest = after;
            if void {
                tokens.push(Token::End(name));
                continue;
            }
            if name == "script" || name == "style" {
                let end = format!("</{name}>");
                let stop = rest
                    .find(&end)
                    .ok_or_else(|| format!("<{name}> never closed"))?;
                tokens.push(Token::Raw(rest[..stop].to_string()));
                rest = &rest[stop..];
            }
            open.push(name);
        } else {
            let stop = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..stop];
            if text.contains('>') {
                return Err(format!("raw > in text {}", at(rest)));
            }
            tokens.push(Token::Text(
                resolve(text).map_err(|e| format!("{e} {}", at(rest)))?,
            ));
            rest = &rest[stop..];
        }
    }
    match open.last() {
        None => Ok(tokens),
        Some(name) => Err(format!("<{name}> is never closed")),
    }
}

/// A start tag after its `<`: the token, whether it ends in `/>`, and what follows it.
fn start_tag(s: &str) -> Result<(Token, bool, &str), String> {
    let name_len = s
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .unwrap_or(s.len());
    let name = &s[..name_len];
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err("raw < in text (not a tag)".into());
    }
    let mut rest = &s[name_len..];
    let mut attrs: Vec<(String, String)> = Vec::new();
    loop {
        let trimmed = rest.trim_start_matches([' ', '\n']);
        let spaced = trimmed.len() < rest.len();
        rest = trimmed;
        if let Some(after) = rest.strip_prefix("/>") {
            let token = Token::Start {
                name: name.into(),
                attrs,
            };
            return Ok((token, true, after));
        }
        if let Some(after) = rest.strip_prefix('>') {
            let token = Token::Start {
                name: name.into(),
                attrs,
            };
            return Ok((token, false, after));
        }
        if !spaced {
            return Err(format!("<{name}>: no space before an attribute"));
        }
        let key_len = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(rest.len());
        let key = &rest[..key_len];
        if key.is_empty() {
            return Err(format!("<{name}>: bad attribute"));
        }
        let value = rest[key_len..]
            .strip_prefix("=\"")
            .ok_or_else(|| format!("<{name}>: attribute {key} is not written {key}=\"…\""))?;
        let end = value
            .find('"')
            .ok_or_else(|| format!("<{name}>: {key} unclosed"))?;
        let raw = &value[..end];
        if raw.contains(['<', '>']) {
            return Err(format!("<{name}>: raw < or > in {key}"));
        }
        if attrs.iter().any(|(k, _)| k == key) {
            return Err(format!("<{name}>: {key} twice"));
        }
        attrs.push((key.to_string(), resolve(raw)?));
        rest = &value[end + 1..];
    }
}

/// Resolves the character references of text or an attribute value.
fn resolve(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after
            .find(';')
            .filter(|&n| n <= 8)
            .ok_or_else(|| format!("bare & in {:.40?}", &rest[amp..]))?;
        let name = &after[..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "#39" => '\'',
            _ => name
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32)
                .ok_or_else(|| format!("unknown reference &{name};"))?,
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[track_caller]
fn tokens_of(page: &str) -> Vec<Token> {
    tokenize(page).unwrap_or_else(|e| panic!("page not well-formed: {e}"))
}

/// The text inside the element that starts at `tokens[i]`.
fn text_of(tokens: &[Token], i: usize) -> String {
    let mut depth = 0usize;
    let mut text = String::new();
    for t in &tokens[i..] {
        match t {
            Token::Start { .. } => depth += 1,
            Token::End(_) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Token::Text(s) => text.push_str(s),
            Token::Raw(_) => {}
        }
    }
    text
}

/// The tokens of each `<article>`, in page order.
fn articles(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].is_start("article") {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match &tokens[j] {
                    Token::Start { .. } => depth += 1,
                    Token::End(_) => depth -= 1,
                    _ => {}
                }
                j += 1;
                if depth == 0 {
                    break;
                }
            }
            out.push(&tokens[i..j]);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The input between two code-point offsets.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v[key].as_str()
}

// ---------------------------------------------------------------------------------------
// the tests

#[test]
fn the_checker_catches_what_it_should() {
    let ok = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /></head></html>",
        "<!DOCTYPE html><p>a &amp; b &lt; c &#39;d&#39; &#8212;<br /></p>",
        "<!DOCTYPE html><style>a > b { }</style><script>if (a < b) {}</script>",
    ];
    for page in ok {
        assert!(tokenize(page).is_ok(), "{page}: {:?}", tokenize(page));
    }
    let bad = [
        ("<html></html>", "DOCTYPE"),
        ("<!DOCTYPE html><p><b></p></b>", "closes"),
        ("<!DOCTYPE html><p>", "never closed"),
        ("<!DOCTYPE html><p class=x></p>", "not written"),
        ("<!DOCTYPE html><p class='x'></p>", "not written"),
        ("<!DOCTYPE html><p class=\"a\"id=\"b\"></p>", "no space"),
        ("<!DOCTYPE html><p>a < b</p>", "raw <"),
        ("<!DOCTYPE html><p>a > b</p>", "raw >"),
        ("<!DOCTYPE html><p>AT&T</p>", "bare &"),
        ("<!DOCTYPE html><p>&nbsp;</p>", "unknown reference"),
        ("<!DOCTYPE html><div /><p></p>", "not a void"),
        ("<!DOCTYPE html><br></br>", "closes"),
        ("<!DOCTYPE html><p title=\"a<b\"></p>", "raw <"),
        ("<!DOCTYPE html><script>x", "never closed"),
    ];
    for (page, why) in bad {
        let err = tokenize(page).expect_err(page);
        assert!(err.contains(why), "{page}: {err}");
    }
}

#[test]
fn pages_are_well_formed_with_landmarks() {
    let mut pages: Vec<Vec<&str>> = FIXTURES.iter().map(|f| vec![*f]).collect();
    pages.push(FIXTURES.to_vec());
    for paths in pages {
        let mut args = vec!["-f", "html"];
        args.extend_from_slice(&paths);
        let page = ok_stdout(&args);
        let tokens = tokens_of(&page);
        let count = |tag: &str| tokens.iter().filter(|t| t.is_start(tag)).count();
        let html = tokens.iter().find(|t| t.is_start("html")).expect("<html>");
        assert_eq!(html.attr("lang"), Some("en"), "{paths:?}");
        assert!(
            tokens
                .iter()
                .any(|t| t.is_start("meta") && t.attr("charset") == Some("utf-8"))
        );
        assert!(
            tokens
                .iter()
                .any(|t| t.is_start("meta") && t.attr("name") == Some("viewport"))
        );
        for (tag, n) in [
            ("head", 1),
            ("body", 1),
            ("title", 1),
            ("main", 1),
            ("style", 1),
            ("article", paths.len()),
        ] {
            assert_eq!(count(tag), n, "<{tag}> in the page of {paths:?}");
        }
        assert!(
            count("header") > paths.len(),
            "a page header and one per article"
        );
        let title = tokens.iter().position(|t| t.is_start("title")).unwrap();
        assert!(!text_of(&tokens, title).trim().is_empty());

        // articles in input order, each with a distinct id and its file shown
        let arts = articles(&tokens);
        let mut ids = Vec::new();
        for (art, path) in arts.iter().zip(&paths) {
            ids.push(art[0].attr("id").expect("article id").to_string());
            let file = art
                .iter()
                .position(|t| t.has_class("file"))
                .expect("file line");
            assert_eq!(text_of(art, file), *path);
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), paths.len(), "article ids are distinct");

        // a page without the input's control characters
        assert!(
            !page
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in the page"
        );
    }
}

#[test]
fn every_quote_is_listed_and_highlighted_with_its_speaker() {
    let (page, records) = page_and_records(&FIXTURES);
    let tokens = tokens_of(&page);
    let arts = articles(&tokens);
    assert_eq!(arts.len(), records.len());
    let mut checked = 0;
    for (art, rec) in arts.iter().zip(&records) {
        let file = str_field(rec, "file").unwrap();
        let input = std::fs::read_to_string(format!("{ROOT}/{file}")).unwrap();
        let quotes = rec["quotes"].as_array().unwrap();
        assert!(!quotes.is_empty(), "{file}: the fixtures all have quotes");
        let marks: Vec<usize> = (0..art.len())
            .filter(|&i| art[i].is_start("mark") && art[i].attr("data-quote").is_some())
            .collect();
        let rows: Vec<usize> = (0..art.len())
            .filter(|&i| art[i].is_start("tr") && art[i].attr("data-quote").is_some())
            .collect();
        assert_eq!(marks.len(), quotes.len(), "{file}: one highlight per quote");
        assert_eq!(rows.len(), quotes.len(), "{file}: one row per quote");

        for (n, q) in quotes.iter().enumerate() {
            let want = n.to_string();
            let speaker = str_field(q, "speaker");
            let kind = str_field(q, "kind").unwrap();
            let text = str_field(q, "text").unwrap();

            // the highlight: the quote's range of the input, with its speaker
            let &m = marks
                .iter()
                .find(|&&i| art[i].attr("data-quote") == Some(want.as_str()))
                .unwrap_or_else(|| panic!("{file}: no highlight for quote {n}"));
            let mark = &art[m];
            assert_eq!(mark.attr("data-speaker"), speaker, "{file} quote {n}");
            assert_eq!(
                mark.has_class("unattributed"),
                speaker.is_none(),
                "{file} quote {n}"
            );
            assert_eq!(mark.attr("data-kind"), Some(kind), "{file} quote {n}");
            assert_eq!(
                mark.attr("data-cue"),
                str_field(q, "cue"),
                "{file} quote {n}"
            );
            assert_eq!(mark.attr("tabindex"), Some("0"), "{file} quote {n}");
            assert!(mark.has_class("quote") && mark.has_class(kind));
            let title = mark.attr("title").unwrap();
            assert!(
                title.starts_with(speaker.unwrap_or("unattributed")),
                "{file} quote {n}: {title}"
            );
            let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
            assert_eq!(
                text_of(art, m),
                slice(&input, start as usize, end as usize),
                "{file} quote {n}: highlighted text"
            );

            // the row: the quote's text, kind and speaker
            let &r = rows
                .iter()
                .find(|&&i| art[i].attr("data-quote") == Some(want.as_str()))
                .unwrap_or_else(|| panic!("{file}: no row for quote {n}"));
            let row_end = r + art[r..]
                .iter()
                .position(|t| *t == Token::End("tr".into()))
                .unwrap();
            let row = &art[r..=row_end];
            let qtext = row
                .iter()
                .position(|t| t.has_class("qtext"))
                .expect("quote text cell");
            assert_eq!(text_of(row, qtext), text, "{file} quote {n}: listed text");
            let row_text = text_of(row, 0);
            assert!(row_text.contains(kind), "{file} quote {n}: {row_text}");
            assert!(
                row_text.contains(speaker.unwrap_or("unattributed")),
                "{file} quote {n}: {row_text}"
            );
            // and in the page's source, the text escaped by the rules above
            let escaped = text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&#39;");
            assert!(page.contains(&escaped), "{file} quote {n} escaped");
            checked += 1;
        }

        // the speakers and countries lists
        let art_text = text_of(art, 0);
        for s in rec["speakers"].as_array().unwrap() {
            let name = str_field(s, "name").unwrap();
            let quotes = s["quotes"].as_u64().unwrap();
            assert!(art_text.contains(name), "{file}: speaker {name}");
            let unit = if quotes == 1 { "quote" } else { "quotes" };
            assert!(art_text.contains(&format!("{name} {quotes} {unit}")));
        }
        for c in rec["countries"].as_array().unwrap() {
            for key in ["name", "code"] {
                assert!(art_text.contains(str_field(c, key).unwrap()), "{file}: {c}");
            }
        }
    }
    assert_eq!(checked, 24, "quotes in the four fixtures");
}

#[test]
fn no_network_resources() {
    // the fixtures hold no URL, so none may appear anywhere in the page
    for f in FIXTURES {
        let text = std::fs::read_to_string(format!("{ROOT}/{f}")).unwrap();
        assert!(!text.contains("http"), "{f} holds a URL: adjust this test");
    }
    let (page, _) = page_and_records(&FIXTURES);
    for needle in ["http://", "https://", "@import", "url(", "//cdn", "src="] {
        assert!(!page.contains(needle), "{needle} in the page");
    }
    let tokens = tokens_of(&page);
    for t in &tokens {
        if let Token::Start { name, attrs } = t {
            assert!(
                ![
                    "img", "iframe", "link", "object", "embed", "audio", "video", "source", "base",
                    "form",
                ]
                .contains(&name.as_str()),
                "<{name}> in the page"
            );
            for (k, v) in attrs {
                assert!(
                    k != "src" && k != "srcset" && k != "action",
                    "{k} on <{name}>"
                );
                if k == "href" {
                    assert!(v.starts_with('#'), "href=\"{v}\" on <{name}>");
                }
            }
        }
    }
    let csp = tokens
        .iter()
        .find(|t| t.attr("http-equiv") == Some("Content-Security-Policy"))
        .and_then(|t| t.attr("content"))
        .expect("a Content-Security-Policy");
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
}

#[test]
fn markup_in_the_input_stays_text() {
    let tmp = TempDir::new("html-script");
    let name = "<img src=x onerror=alert(0)>.txt";
    let body = "Minister <script>alert(1)</script> bans scripts\n\n\
                LONDON, May 4 (Reuters) - \"We will not run <script>alert(2)</script> \
                on our servers,\" Interior Minister Jane <b>Doe</b> said on Monday.\n\n\
                \"Nothing like <img src=x onerror=alert(3)> & co will pass,\" she told \
                reporters.\n";
    tmp.write(name, body);
    let path = tmp.arg(name);
    let (page, records) = page_and_records(&[&path]);
    let rec = &records[0];
    assert_eq!(
        str_field(rec, "headline"),
        Some("Minister <script>alert(1)</script> bans scripts")
    );
    let quotes = rec["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 2, "the sample has two quotes: {quotes:?}");
    assert!(quotes.iter().any(|q| {
        str_field(q, "text")
            .unwrap()
            .contains("<script>alert(2)</script>")
    }));

    let tokens = tokens_of(&page);
    // one script, the page's own, and nothing of the input in it
    let scripts: Vec<&Token> = tokens.iter().filter(|t| t.is_start("script")).collect();
    assert_eq!(scripts.len(), 1, "live <script> elements");
    let own = tokens
        .iter()
        .find_map(|t| match t {
            Token::Raw(s) if s.contains("toc") => Some(s),
            _ => None,
        })
        .expect("the page's script");
    assert!(!own.contains("alert"));
    for t in &tokens {
        if let Token::Start { name, attrs } = t {
            assert!(
                !["img", "b"].contains(&name.as_str()),
                "<{name}> from the input"
            );
            assert!(
                attrs.iter().all(|(k, _)| !k.starts_with("on")),
                "event handler on <{name}>"
            );
        }
    }
    for needle in ["<script>alert", "<img", "<b>"] {
        assert!(!page.contains(needle), "{needle} in the page");
    }
    // all of it shown as text: headline, file name, quotes
    let text: String = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Text(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    for shown in [
        "Minister <script>alert(1)</script> bans scripts",
        name,
        "<script>alert(2)</script>",
        "<img src=x onerror=alert(3)> & co",
    ] {
        assert!(text.contains(shown), "{shown} not shown as text");
    }
}

#[test]
fn hostile_text_gives_a_well_formed_page() {
    // control characters, CR line ends, noncharacters, a bare & and quote marks of all kinds
    let tmp = TempDir::new("html-hostile");
    let body = "Bell\u{7}s & \"whistles\" \u{FFFF}\r\rPARIS, Jan 2 (AFP) - \u{1b}[31mThe \
                minister said \u{85}'it is <over>' & done.\r\r\"Really,\" he said.\r";
    let path = tmp.write("hostile.txt", body);
    let path = path.to_str().unwrap();
    let page = ok_stdout(&["-f", "html", path]);
    let tokens = tokens_of(&page);
    assert_eq!(articles(&tokens).len(), 1);
    assert!(
        !page
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFF}'),
        "a control character or noncharacter reached the page"
    );
    let records = json_lines(&ok_stdout(&[path]));
    let quotes = records[0]["quotes"].as_array().unwrap();
    let rows = tokens
        .iter()
        .filter(|t| t.is_start("tr") && t.attr("data-quote").is_some())
        .count();
    assert_eq!(rows, quotes.len());
    // offsets still land right after CR line ends and replaced characters
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let mark = tokens
        .iter()
        .position(|t| t.is_start("mark") && t.attr("data-quote") == Some("0"))
        .expect("the quote is highlighted");
    assert_eq!(text_of(&tokens, mark), "Really,");
    assert!(tokens[mark].has_class("unattributed") && tokens[mark].attr("data-speaker").is_none());
}
