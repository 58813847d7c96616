//! End-to-end tests of the output formats other than JSON Lines (`-f tsv`, `-f text`,
//! `-f json`) and of the `stats`, `completions` and `man` commands: the real binary, run in
//! the crate root on the fixtures and on articles written to a temporary folder.
//!
//! How: every format is checked against the default JSON Lines output of the same inputs,
//! which is the reference: TSV rows are parsed back and compared with the records' quotes,
//! the JSON array with the list of records, and every number of the `stats` report is
//! recomputed here from the records (by the rules documented in `src/stats.rs`).

mod common;

use common::{TempDir, json_lines};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wirecopy");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const TASS: &str = "fixtures/tass-peskov.txt";
const TASS_HEADLINE: &str =
    "‘We look in both directions’: Kremlin says Moscow focuses on West just as much as the East";

// ---------------------------------------------------------------------------------------
// helpers

/// Runs the binary in the crate root with `args` and the environment variables `env`
/// added (NO_COLOR is removed unless `env` sets it); stdin is empty.
fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(ROOT)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run wirecopy")
}

fn run(args: &[&str]) -> Output {
    run_env(args, &[])
}

fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).expect("stdout is UTF-8")
}

/// Asserts the exit status and returns stdout.
#[track_caller]
fn ok(out: &Output) -> &str {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(out)
}

/// The default (JSON Lines) records of `paths`.
#[track_caller]
fn records(paths: &[&str]) -> Vec<Value> {
    json_lines(ok(&run(paths)))
}

/// `args` followed by `paths`.
fn with(args: &[&str], paths: &[&str]) -> Vec<String> {
    args.iter().chain(paths).map(|s| s.to_string()).collect()
}

fn run_with(args: &[&str], paths: &[&str]) -> Output {
    let all = with(args, paths);
    run(&all.iter().map(String::as_str).collect::<Vec<_>>())
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// Whitespace runs folded to one space, as the text view shows input text.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every ESC in `out` opens an SGR sequence (`ESC [ digits/semicolons m`): colour, never
/// a cursor move, a screen clear or an OSC title.
fn only_sgr_escapes(out: &[u8]) -> bool {
    out.iter()
        .enumerate()
        .filter(|&(_, &b)| b == 0x1b)
        .all(|(i, _)| {
            let rest = &out[i + 1..];
            rest.first() == Some(&b'[')
                && rest[1..]
                    .iter()
                    .find(|b| !(b.is_ascii_digit() || **b == b';'))
                    .is_some_and(|&b| b == b'm')
        })
}

/// A temporary folder of invented articles: shared speakers, an article without
/// dateline, one without quotes, one whose dateline names no agency.
fn invented_corpus() -> TempDir {
    let dir = TempDir::new("formats-corpus");
    dir.write(
        "a-port.txt",
        "Harbour pilots end strike after pay deal\n\n\
         OSLO, March 3 (Reuters) - Harbour pilots ended a week-long strike on Tuesday, \
         their union said.\n\n\
         \"We are back at work tomorrow,\" union leader Kari Berg told reporters.\n\n\
         \"The deal is fair to both sides,\" Berg said.\n\n\
         Port director Ola Lunde said the first ships would sail by noon.\n",
    );
    dir.write(
        "b-ferry.txt",
        "Ferry line adds winter crossings\n\n\
         BERGEN, Norway, Nov 12 (Reuters) - A ferry line will add two winter crossings \
         to Denmark, its chief executive said on Monday.\n\n\
         \"Demand from Denmark and Germany has never been higher,\" Kari Berg said.\n",
    );
    dir.write(
        "c-no-dateline.txt",
        "Fishing quotas to rise next year\n\n\
         Fishing quotas in the North Sea will rise next year, Sweden's fisheries minister \
         Anna Lind said on Friday.\n\n\
         \"The stocks have recovered,\" Lind said.\n",
    );
    dir.write(
        "d-no-quotes.txt",
        "Bridge closed for repairs\n\n\
         STOCKHOLM, June 2 (AP) - The old bridge into the city centre will close for \
         three weeks of repairs from Monday.\n\n\
         Buses will replace the trams on the route.\n",
    );
    dir.write(
        "e-no-agency.txt",
        "Copper price climbs\n\n\
         HELSINKI, June 5 - Copper prices climbed for a third day, traders said, as \
         stocks in Finland and Sweden fell.\n",
    );
    dir
}

// ---------------------------------------------------------------------------------------
// -f tsv

/// Reverses the TSV field escaping (`\\`, `\t`, `\n`, `\r`); written here, not taken
/// from the library, so that the test checks the documented format.
fn tsv_unescape(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            other => panic!("bad escape \\{other:?} in TSV field {field:?}"),
        }
    }
    out
}

/// The quotes of JSON records as TSV rows would hold them.
fn quote_rows(recs: &[Value]) -> Vec<[String; 6]> {
    let mut rows = Vec::new();
    for r in recs {
        for q in r["quotes"].as_array().expect("quotes array") {
            rows.push([
                str_of(&r["file"]).to_string(),
                q["paragraph"].as_u64().expect("paragraph").to_string(),
                str_of(&q["kind"]).to_string(),
                str_of(&q["speaker"]).to_string(),
                str_of(&q["cue"]).to_string(),
                str_of(&q["text"]).to_string(),
            ]);
        }
    }
    rows
}

#[test]
fn tsv_rows_parse_back_to_the_jsonl_quotes() {
    // a CRLF article with a hard-wrapped quote holding a tab and backslashes, in a file
    // whose name holds a tab
    let tricky = TempDir::new("formats-tsv");
    tricky.write(
        "tab\tname.txt",
        "Port strike ends\r\n\r\nOSLO, May 4 (Reuters) - \"We kept the notes in \
         C:\\strike\\notes and\tthe rest\r\nwent home,\" union leader Kari Berg said.\r\n",
    );
    let tricky_dir = tricky.arg("");
    let cases: [&[&str]; 3] = [&[TASS], &["fixtures"], &[&tricky_dir]];
    for paths in cases {
        let recs = records(paths);
        let want = quote_rows(&recs);
        assert!(!want.is_empty(), "{paths:?}: no quotes to compare");

        let out = run_with(&["-f", "tsv"], paths);
        let text = ok(&out);
        let mut lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(lines.pop(), Some(""), "{paths:?}: no final newline");
        assert_eq!(
            lines.first(),
            Some(&"file\tparagraph\tkind\tspeaker\tcue\ttext")
        );
        let got: Vec<[String; 6]> = lines[1..]
            .iter()
            .map(|line| {
                assert!(!line.contains('\r'), "raw CR in row {line:?}");
                let fields: Vec<String> = line.split('\t').map(tsv_unescape).collect();
                fields
                    .try_into()
                    .unwrap_or_else(|f: Vec<String>| panic!("{} fields: {line:?}", f.len()))
            })
            .collect();
        assert_eq!(got, want, "{paths:?}");
    }
    // the tricky article did exercise every escape
    let rows = quote_rows(&records(&[&tricky_dir]));
    let all: String = rows.iter().flatten().map(String::as_str).collect();
    for c in ['\t', '\r', '\n', '\\'] {
        assert!(all.contains(c), "no {c:?} in the tricky quotes: {rows:?}");
    }
}

// ---------------------------------------------------------------------------------------
// -f text

#[test]
fn text_has_escape_bytes_only_when_colour_is_on() {
    type Case = (
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
        bool,
    );
    let cases: [Case; 6] = [
        (&["-f", "text", TASS], &[], false),
        (&["-f", "text", "--color", "auto", TASS], &[], false),
        (&["-f", "text", "--color", "never", TASS], &[], false),
        (
            &["-f", "text", "--color", "auto", TASS],
            &[("NO_COLOR", "1")],
            false,
        ),
        (&["-f", "text", "--color", "always", TASS], &[], true),
        (
            &["-f", "text", "--color", "always", TASS],
            &[("NO_COLOR", "1")],
            true,
        ),
    ];
    for (args, env, want) in cases {
        let out = run_env(args, env);
        let text = ok(&out);
        assert_eq!(text.contains('\x1b'), want, "{args:?} {env:?}");
        assert!(only_sgr_escapes(text.as_bytes()), "{args:?}");
        assert!(text.contains(TASS_HEADLINE), "{args:?}");
    }
}

/// `--color auto` on a real terminal: colour, unless NO_COLOR is set. Needs util-linux
/// `script` (Debian's essential bsdutils package) for the pseudo-terminal.
#[test]
fn text_colour_auto_on_a_terminal_follows_no_color() {
    let probe = Command::new("script").arg("--version").output();
    assert!(
        probe.is_ok_and(|o| o.status.success()),
        "this test needs util-linux `script` (apt-get install bsdutils)"
    );
    // -q: no progress line, which the pseudo-terminal (stderr too) would otherwise show
    let command = format!("'{BIN}' -q -f text --color auto {TASS}");
    for (no_color, want) in [(None, true), (Some("1"), false), (Some(""), true)] {
        let mut cmd = Command::new("script");
        cmd.args(["-qec", &command, "/dev/null"])
            .current_dir(ROOT)
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().expect("run script");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Dmitry Peskov"), "{no_color:?}: {text}");
        assert_eq!(text.contains('\x1b'), want, "NO_COLOR={no_color:?}: {text}");
    }
}

#[test]
fn text_never_passes_escapes_from_the_input() {
    let dir = TempDir::new("formats-hostile");
    let payload = "\x1b[2J\x1b]0;pwned\x07\u{202E}txt.exe";
    dir.write(
        "evil\x1b[31m.txt",
        format!(
            "Breaking {payload} news\n\nLONDON, May 4 (Reuters) - \"We will {payload} \
             fight on,\" union leader Kari Berg said.\n"
        ),
    );
    let path = dir.arg("");
    // the analyser keeps the payload in the headline and in the quote
    let recs = records(&[&path]);
    assert_eq!(recs.len(), 1);
    assert!(
        str_of(&recs[0]["headline"]).contains(payload),
        "{:?}",
        recs[0]
    );
    let quotes = recs[0]["quotes"].as_array().expect("quotes");
    assert!(quotes.iter().any(|q| str_of(&q["text"]).contains(payload)));

    for color in ["always", "never"] {
        let out = run(&["-f", "text", "--color", color, &path]);
        let text = ok(&out);
        assert!(
            only_sgr_escapes(text.as_bytes()),
            "--color {color}: {text:?}"
        );
        for raw in ["\x1b[2J", "\x1b]", "\x1b[31m.txt", "\x07", "\u{202E}"] {
            assert!(
                !text.contains(raw),
                "--color {color}: raw {raw:?} in {text:?}"
            );
        }
        // shown escaped: in the file name, the headline and the quote
        assert!(text.contains("evil\\u{1b}[31m.txt"), "{text}");
        let shown = "\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}txt.exe";
        assert!(text.contains(&format!("Breaking {shown} news")), "{text}");
        assert!(
            text.contains(&format!("We will {shown} fight on,")),
            "{text}"
        );
    }
}

#[test]
fn text_view_of_the_tass_fixture() {
    let rec = &records(&[TASS])[0];
    let text = ok(&run(&["-f", "text", TASS])).to_string();
    assert!(text.starts_with("== fixtures/tass-peskov.txt\n"), "{text}");
    assert!(text.ends_with('\n'));
    assert!(text.contains(&format!("\n{TASS_HEADLINE}\n")), "{text}");
    assert!(text.contains("\nMoscow, RU · April 29 · TASS\n"), "{text}");
    assert!(text.contains("\nQuotes (11, 1 speaker)\n"), "{text}");
    assert!(
        text.contains("\n  Dmitry Peskov — Kremlin Spokesman ("),
        "{text}"
    );
    assert!(
        text.contains("Countries: Russia (RU) 11× [dateline]"),
        "{text}"
    );
    let quotes = rec["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 11);
    for q in quotes {
        let full = folded(str_of(&q["text"]));
        // quotes over 300 characters are cut: their beginning is shown
        let shown: String = full.chars().take(200).collect();
        assert!(text.contains(&shown), "quote not shown: {shown}\n{text}");
    }
    // several inputs: one view each, in input order, a blank line between them
    let both = ok(&run(&["-f", "text", TASS, "fixtures/ap-style.txt"])).to_string();
    assert!(both.starts_with(&text), "{both}");
    assert!(
        both[text.len()..].starts_with("\n== fixtures/ap-style.txt\n"),
        "{both}"
    );
}

// ---------------------------------------------------------------------------------------
// -f json

#[test]
fn json_is_one_array_of_the_jsonl_records() {
    let empty = TempDir::new("formats-empty");
    let empty_dir = empty.arg("");
    let cases: [&[&str]; 3] = [&[TASS], &["fixtures"], &[&empty_dir]];
    for paths in cases {
        let want = records(paths);
        let out = run_with(&["-f", "json"], paths);
        let got: Value = serde_json::from_str(ok(&out)).expect("one JSON value");
        assert_eq!(got, Value::Array(want), "{paths:?}");
    }
}

// ---------------------------------------------------------------------------------------
// stats

/// Adds `n` to `map[key]`.
fn bump(map: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    *map.entry(key.to_string()).or_default() += n;
}

/// The report of `wirecopy stats --json --top top`, computed from the records.
fn expected_report(recs: &[Value], failed: u64, top: usize) -> Value {
    let n = recs.len() as u64;
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    let mut per_article: Vec<u64> = Vec::new();
    let (mut without_dateline, mut without_agency) = (0, 0);
    let mut agencies: BTreeMap<String, u64> = BTreeMap::new();
    let mut speaker_quotes: BTreeMap<String, u64> = BTreeMap::new();
    let mut speaker_articles: BTreeMap<String, u64> = BTreeMap::new();
    let mut country_articles: BTreeMap<String, u64> = BTreeMap::new();
    let mut country_mentions: BTreeMap<String, u64> = BTreeMap::new();
    let mut country_name: BTreeMap<String, String> = BTreeMap::new();
    for r in recs {
        let quotes = r["quotes"].as_array().expect("quotes");
        per_article.push(quotes.len() as u64);
        let mut speakers_here = BTreeSet::new();
        for q in quotes {
            bump(&mut kinds, str_of(&q["kind"]), 1);
            if let Some(s) = q["speaker"].as_str() {
                bump(&mut speaker_quotes, s, 1);
                speakers_here.insert(s);
            }
        }
        for s in speakers_here {
            bump(&mut speaker_articles, s, 1);
        }
        if r["dateline"].is_null() {
            without_dateline += 1;
        }
        match r["dateline"]["agency"].as_str() {
            Some(a) => bump(&mut agencies, a, 1),
            None => without_agency += 1,
        }
        for c in r["countries"].as_array().expect("countries") {
            let code = str_of(&c["code"]);
            let name = str_of(&c["name"]).to_string();
            bump(&mut country_articles, code, 1);
            bump(
                &mut country_mentions,
                code,
                c["mentions"].as_u64().expect("mentions"),
            );
            let known = country_name.entry(code.to_string()).or_insert(name.clone());
            if name < *known {
                *known = name;
            }
        }
    }
    per_article.sort_unstable();
    let total: u64 = per_article.iter().sum();
    let (mean, median) = match per_article.len() {
        0 => (0.0, 0.0),
        len => (
            total as f64 / len as f64,
            (per_article[(len - 1) / 2] + per_article[len / 2]) as f64 / 2.0,
        ),
    };

    let mut agency_rows: Vec<(&String, &u64)> = agencies.iter().collect();
    agency_rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut speaker_rows: Vec<(&String, u64, u64)> = speaker_quotes
        .iter()
        .map(|(s, &q)| (s, q, speaker_articles[s]))
        .collect();
    speaker_rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
    let mut country_rows: Vec<(&String, &String, u64, u64)> = country_articles
        .iter()
        .map(|(c, &a)| (c, &country_name[c], a, country_mentions[c]))
        .collect();
    country_rows.sort_by(|a, b| {
        (b.2.cmp(&a.2))
            .then(b.3.cmp(&a.3))
            .then(a.1.cmp(b.1))
            .then(a.0.cmp(b.0))
    });
    let kind = |k: &str| kinds.get(k).copied().unwrap_or(0);
    json!({
        "articles": n,
        "failed": failed,
        "without_dateline": without_dateline,
        "without_quotes": per_article.iter().filter(|&&q| q == 0).count(),
        "without_agency": without_agency,
        "quotes": {
            "total": total,
            "direct": kind("direct"),
            "partial": kind("partial"),
            "indirect": kind("indirect"),
        },
        "quotes_per_article": {
            "mean": mean,
            "median": median,
            "max": per_article.last().copied().unwrap_or(0),
        },
        "distinct_agencies": agencies.len(),
        "agencies": agency_rows.iter().take(top)
            .map(|(name, a)| json!({"name": name, "articles": a}))
            .collect::<Vec<_>>(),
        "distinct_speakers": speaker_quotes.len(),
        "speakers": speaker_rows.iter().take(top)
            .map(|(name, q, a)| json!({"name": name, "quotes": q, "articles": a}))
            .collect::<Vec<_>>(),
        "distinct_countries": country_articles.len(),
        "countries": country_rows.iter().take(top)
            .map(|(code, name, a, m)| {
                json!({"code": code, "name": name, "articles": a, "mentions": m})
            })
            .collect::<Vec<_>>(),
    })
}

/// Compares two reports; the floats of `quotes_per_article` within 1e-9 (JSON parsing
/// may round the last bit).
#[track_caller]
fn assert_same_report(mut got: Value, mut want: Value, what: &str) {
    for key in ["mean", "median"] {
        let g = got["quotes_per_article"][key].take().as_f64();
        let w = want["quotes_per_article"][key].take().as_f64();
        match (g, w) {
            (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{what}: {key} {g} != {w}"),
            _ => panic!("{what}: {key} missing: {g:?} {w:?}"),
        }
    }
    assert_eq!(got, want, "{what}");
}

#[test]
fn stats_json_matches_the_records() {
    let corpus = invented_corpus();
    let corpus_dir = corpus.arg("");
    // the invented corpus has what it is meant to have
    let recs = records(&[&corpus_dir]);
    assert_eq!(recs.len(), 5);
    let report = expected_report(&recs, 0, 10);
    assert_eq!(report["without_dateline"], 1, "{report}");
    assert_eq!(report["without_quotes"], 1, "{report}");
    assert!(report["without_agency"].as_u64() >= Some(2), "{report}");
    assert_eq!(report["speakers"][0]["name"], "Kari Berg", "{report}");
    assert_eq!(report["speakers"][0]["articles"], 2, "{report}");

    let cases: [(&[&str], usize); 4] = [
        (&["fixtures"], 10),
        (&["fixtures"], 2),
        (&[&corpus_dir], 10),
        (&[&corpus_dir, TASS], 1),
    ];
    for (paths, top) in cases {
        let recs = records(paths);
        let top_arg = top.to_string();
        let out = run_with(&["stats", "--json", "--top", &top_arg], paths);
        let got: Value = serde_json::from_str(ok(&out)).expect("stats --json is JSON");
        let want = expected_report(&recs, 0, top);
        assert_same_report(got, want, &format!("{paths:?} --top {top}"));
    }
}

#[test]
fn stats_table_names_the_top_speaker() {
    let recs = records(&["fixtures"]);
    let want = expected_report(&recs, 0, 10);
    let top = str_of(&want["speakers"][0]["name"]).to_string();
    assert_eq!(top, "Dmitry Peskov");
    let table = ok(&run(&["stats", "fixtures"])).to_string();
    assert!(!table.contains('\x1b'), "{table}");
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with(&top))
        .unwrap_or_else(|| panic!("no line for {top}: {table}"));
    let numbers: Vec<&str> = line[line.find(&top).unwrap_or(0) + top.len()..]
        .split_whitespace()
        .collect();
    let quotes = want["speakers"][0]["quotes"].to_string();
    let articles = want["speakers"][0]["articles"].to_string();
    assert_eq!(numbers, [quotes.as_str(), articles.as_str()], "{line}");
    let analysed = format!("analysed {}", recs.len());
    assert!(
        table.lines().any(|l| folded(l) == analysed),
        "no {analysed:?}: {table}"
    );
}

#[test]
fn a_failed_input_fails_stats() {
    let dir = invented_corpus();
    dir.write("empty.txt", "");
    let path = dir.arg("");

    let out = run(&["stats", "--json", &path]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_str(stdout(&out)).expect("report still printed");
    assert_eq!(report["failed"], 1);
    assert_eq!(report["articles"], 5);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt"), "{err}");

    let out = run(&["stats", &path]);
    assert_eq!(out.status.code(), Some(1));
    let table = stdout(&out);
    assert!(table.lines().any(|l| folded(l) == "failed 1"), "{table}");
    assert!(table.lines().any(|l| folded(l) == "analysed 5"), "{table}");
}

// ---------------------------------------------------------------------------------------
// completions and man

#[test]
fn completions_know_the_command_and_its_options() {
    // fish spells options "-l format"; bash and zsh "--format"
    let cases = [
        ("bash", "--format"),
        ("zsh", "--format"),
        ("fish", "-l format"),
    ];
    for (shell, option) in cases {
        let script = ok(&run(&["completions", shell])).to_string();
        assert!(script.contains("wirecopy"), "{shell}: {script:.300}");
        assert!(script.contains(option), "{shell}: no {option:?}");
        assert!(script.contains("stats"), "{shell}: no stats command");
    }
    let out = run(&["completions", "no-such-shell"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_is_roff() {
    let page = ok(&run(&["man"])).to_string();
    assert!(
        page.starts_with(".ie") || page.contains(".TH wirecopy"),
        "{page:.300}"
    );
    assert!(page.contains(".TH wirecopy 1"), "{page:.300}");
    assert!(page.contains("\\-\\-format"), "no --format in the page");
}
