//! End-to-end tests of the `wirecopy` binary: real processes, real files, JSON checked by
//! structure.
//!
//! Every run happens in the crate root, so fixture paths (and the "file" of their records)
//! are relative: "fixtures/tass-peskov.txt". Temporary files live under the system temp
//! directory in a uniquely named folder that is removed when the test ends.

mod common;

use common::{TempDir, article, headline_of};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wirecopy");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const TASS: &str = "fixtures/tass-peskov.txt";
const TASS_HEADLINE: &str =
    "‘We look in both directions’: Kremlin says Moscow focuses on West just as much as the East";
const TASS_SUBHEADLINE: &str = "Russia's orientation towards the East does not mean a weaker orientation towards the West, the spokesman commented";
const TASS_LEDE: &str = "Russia’s foreign policy is equally oriented both towards the West and the East, Kremlin Spokesman Dmitry Peskov said on TV Thursday.";

/// Keys of an article record (schema_version 1), without the jsonl-only "id".
const ARTICLE_KEYS: [&str; 13] = [
    "schema_version",
    "file",
    "headline",
    "subheadline",
    "byline",
    "dateline",
    "lede",
    "paragraphs",
    "credits",
    "quotes",
    "speakers",
    "countries",
    "warnings",
];

// ---------------------------------------------------------------------------------------
// helpers

/// Command-line arguments in a table of cases.
type Args = &'static [&'static str];

/// Runs the binary in the crate root with `args`, feeding `stdin` (or nothing: stdin is
/// then empty, never inherited).
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn wirecopy");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.unwrap_or_default().to_vec();
    // written from a thread so that a large input cannot deadlock against a full stdout
    let writer = std::thread::spawn(move || {
        // the binary may legitimately stop reading (e.g. it never reads stdin)
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for wirecopy");
    writer.join().expect("stdin writer thread");
    out
}

fn stdout(out: &Output) -> &str {
    std::str::from_utf8(&out.stdout).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit code, with stderr in the message when it is not what was expected.
#[track_caller]
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        stderr(out)
    );
}

/// No panic message, whatever else happened.
#[track_caller]
fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "panic on stderr:\n{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "panic on stderr:\n{err}");
}

/// JSON Lines output: one compact JSON object per line, nothing else.
#[track_caller]
fn records(out: &Output) -> Vec<Value> {
    common::json_lines(stdout(out))
}

/// The single record of a run that must have succeeded.
#[track_caller]
fn one_record(out: &Output) -> Value {
    assert_exit(out, 0);
    assert_eq!(stderr(out), "", "stderr of a clean run");
    let mut recs = records(out);
    assert_eq!(recs.len(), 1, "expected one record, got {recs:#?}");
    recs.remove(0)
}

/// Asserts that each quote's offsets, in code points of fixture `file`, give back its text.
fn assert_texts_at_offsets(quotes: &[Value], file: &str) {
    let input: Vec<char> = fs::read_to_string(Path::new(ROOT).join(file))
        .expect("fixture")
        .chars()
        .collect();
    for q in quotes {
        let (start, end) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        let slice: String = input[start..end].iter().collect();
        assert_eq!(json!(slice), q["text"], "{file}: {q:#}");
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

fn article_keys() -> BTreeSet<String> {
    ARTICLE_KEYS.iter().map(|k| k.to_string()).collect()
}

fn files(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["file"].as_str().expect("file is a string").to_string())
        .collect()
}

/// A record with its "file" removed, to compare records of the same text read differently.
fn without_file(v: &Value) -> Value {
    let mut v = v.clone();
    v.as_object_mut().expect("object").remove("file");
    v
}

/// A record without "file" and without input positions (country spans, quote offsets),
/// which legitimately move when line ends are CRLF.
fn without_file_and_positions(v: &Value) -> Value {
    let mut v = without_file(v);
    for c in v["countries"].as_array_mut().expect("countries") {
        c.as_object_mut().expect("country").remove("spans");
    }
    for q in v["quotes"].as_array_mut().expect("quotes") {
        let q = q.as_object_mut().expect("quote");
        q.remove("start");
        q.remove("end");
    }
    v
}

// ---------------------------------------------------------------------------------------
// 1. the bundled fixture: as a file, from stdin, via "-"

#[track_caller]
fn assert_tass(rec: &Value, file: &str) {
    assert_eq!(keys(rec), article_keys(), "record keys: {rec:#}");
    assert_eq!(rec["schema_version"], json!(1));
    assert_eq!(rec["file"], json!(file));
    assert_eq!(rec["headline"], json!(TASS_HEADLINE));
    assert_ne!(rec["headline"], json!("All news"));
    assert_eq!(rec["subheadline"], json!(TASS_SUBHEADLINE));
    assert_eq!(rec["byline"], Value::Null);
    let d = &rec["dateline"];
    assert_eq!(d["text"], json!("MOSCOW, April 29. /TASS/."));
    assert_eq!(d["city"], json!("Moscow"));
    assert_eq!(d["country"], json!("RU"));
    assert_eq!(d["agency"], json!("TASS"));
    assert_eq!(d["date"], json!({"year": null, "month": 4, "day": 29}));
    assert_eq!(rec["lede"], json!(TASS_LEDE));
    let paras = rec["paragraphs"].as_array().expect("paragraphs array");
    assert_eq!(paras.len(), 10, "paragraphs: {paras:#?}");
    assert_eq!(paras[0], json!(TASS_LEDE));
    assert!(paras.iter().all(|p| p.is_string()));
    assert!(
        paras
            .iter()
            .all(|p| !p.as_str().unwrap().contains("All news")),
        "chrome left in the body"
    );
    assert!(
        paras[9]
            .as_str()
            .unwrap()
            .ends_with("in international affairs,\" Peskov concluded."),
        "last paragraph: {}",
        paras[9]
    );
    assert_eq!(rec["credits"], Value::Null);
    for k in ["quotes", "speakers", "countries", "warnings"] {
        assert!(rec[k].is_array(), "{k} is not an array: {rec:#}");
    }
    assert_eq!(rec["warnings"], json!([]));
}

/// The fixture's quotes, speakers and countries (issues 3 and 4).
#[test]
fn tass_fixture_quotes_speakers_and_countries() {
    let out = run(&[TASS], None);
    assert_exit(&out, 0);
    let rec = one_record(&out);
    let quotes = rec["quotes"].as_array().expect("quotes");
    assert_texts_at_offsets(quotes, TASS);
    let kind = |k: &str| quotes.iter().filter(|q| q["kind"] == json!(k)).count();
    assert_eq!(kind("direct") + kind("partial"), 8, "{quotes:#?}");
    assert_eq!(kind("partial"), 2, "{quotes:#?}");
    assert_eq!(kind("indirect"), 3, "{quotes:#?}");
    for q in quotes {
        assert_eq!(q["speaker"], json!("Dmitry Peskov"), "{q:#}");
        assert!(q["paragraph"].as_u64().unwrap() < 10);
    }
    // the headline quote is not a body quote
    assert!(quotes.iter().all(|q| {
        !q["text"]
            .as_str()
            .unwrap()
            .contains("We look in both directions")
    }));
    let cues: Vec<&str> = quotes.iter().map(|q| q["cue"].as_str().unwrap()).collect();
    for cue in [
        "specified",
        "emphasized",
        "noted",
        "stressed",
        "added",
        "concluded",
        "underscored",
        "According to",
    ] {
        assert!(cues.contains(&cue), "cue {cue} missing from {cues:?}");
    }
    let speakers = rec["speakers"].as_array().expect("speakers");
    assert_eq!(speakers.len(), 1, "{speakers:#?}");
    assert_eq!(speakers[0]["name"], json!("Dmitry Peskov"));
    assert_eq!(speakers[0]["title"], json!("Kremlin Spokesman"));
    assert_eq!(speakers[0]["quotes"], json!(11));
    let aliases = speakers[0]["aliases"].as_array().unwrap();
    for a in ["Peskov", "the spokesman", "the press secretary"] {
        assert!(
            aliases.contains(&json!(a)),
            "alias {a} missing: {aliases:?}"
        );
    }
    let countries = rec["countries"].as_array().expect("countries");
    let codes: Vec<&str> = countries
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["RU", "IN", "CN", "FR", "DE"]);
    let ru = &countries[0];
    assert_eq!(ru["dateline"], json!(true));
    for form in ["Moscow", "Kremlin"] {
        assert!(
            ru["forms"].as_array().unwrap().contains(&json!(form)),
            "{ru:#}"
        );
    }
    assert!(countries[1..].iter().all(|c| c["dateline"] == json!(false)));
    for c in countries {
        assert_eq!(
            c["mentions"].as_u64().unwrap() as usize,
            c["spans"].as_array().unwrap().len()
        );
    }
}

#[test]
fn tass_fixture_as_file_stdin_and_dash() {
    let bytes = fs::read(Path::new(ROOT).join(TASS)).expect("read fixture");
    // (args, stdin, expected "file")
    let cases: [(Args, Option<&[u8]>, &str); 3] = [
        (&[TASS], None, TASS),
        (&[], Some(&bytes), "-"),
        (&["-"], Some(&bytes), "-"),
    ];
    for (args, input, file) in cases {
        let out = run(args, input);
        let rec = one_record(&out);
        assert_tass(&rec, file);
    }
}

#[test]
fn same_text_same_record_whatever_the_source() {
    let bytes = fs::read(Path::new(ROOT).join(TASS)).expect("read fixture");
    let from_file = one_record(&run(&[TASS], None));
    let from_stdin = one_record(&run(&["-"], Some(&bytes)));
    assert_eq!(without_file(&from_file), without_file(&from_stdin));
}

// ---------------------------------------------------------------------------------------
// 2. folders

/// A folder with nested, hidden and wrong-extension entries.
fn story_folder() -> TempDir {
    let dir = TempDir::new("folder");
    // written out of order on purpose
    dir.write("e.txt", article("e"));
    dir.write("b.txt", article("b"));
    dir.write("a.txt", article("a"));
    dir.write("c/d.txt", article("c-d"));
    dir.write("c/.hidden.txt", article("nested hidden"));
    dir.write(".hidden.txt", article("hidden file"));
    dir.write(".secret/f.txt", article("hidden dir"));
    dir.write("notes.md", article("markdown"));
    dir.write("z.story", article("story"));
    dir.write("noext", article("no extension"));
    dir
}

#[test]
fn folder_is_walked_sorted_skipping_hidden_and_other_extensions() {
    let dir = story_folder();
    let root = dir.arg("");
    let root = root.trim_end_matches('/');
    // files expected in order: (path relative to the folder, tag of its article)
    type Want = &'static [(&'static str, &'static str)];
    // (extra args before the folder, files expected)
    let cases: &[(Args, Want)] = &[
        (
            &[],
            &[
                ("a.txt", "a"),
                ("b.txt", "b"),
                ("c/d.txt", "c-d"),
                ("e.txt", "e"),
            ],
        ),
        (
            &["--ext", "txt,story"],
            &[
                ("a.txt", "a"),
                ("b.txt", "b"),
                ("c/d.txt", "c-d"),
                ("e.txt", "e"),
                ("z.story", "story"),
            ],
        ),
        (&["--ext", "story"], &[("z.story", "story")]),
        (&["--ext", "md"], &[("notes.md", "markdown")]),
    ];
    for (extra, want) in cases {
        let mut args: Vec<&str> = extra.to_vec();
        args.push(root);
        let out = run(&args, None);
        assert_exit(&out, 0);
        assert_eq!(stderr(&out), "", "args {args:?}");
        let recs = records(&out);
        let want_files: Vec<String> = want.iter().map(|(rel, _)| dir.arg(rel)).collect();
        assert_eq!(files(&recs), want_files, "args {args:?}");
        for (rec, (_, tag)) in recs.iter().zip(want.iter()) {
            assert_eq!(rec["headline"], json!(headline_of(tag)), "args {args:?}");
        }
    }
}

#[test]
fn files_named_explicitly_are_always_read() {
    let dir = story_folder();
    // (path argument, tag of its article)
    let cases = [
        ("notes.md", "markdown"),
        (".hidden.txt", "hidden file"),
        ("noext", "no extension"),
        ("z.story", "story"),
    ];
    for (rel, tag) in cases {
        let arg = dir.arg(rel);
        let rec = one_record(&run(&[&arg], None));
        assert_eq!(rec["file"], json!(arg));
        assert_eq!(rec["headline"], json!(headline_of(tag)), "{rel}");
    }
}

#[test]
fn hidden_folder_named_explicitly_is_walked() {
    let dir = story_folder();
    let out = run(&[&dir.arg(".secret")], None);
    assert_exit(&out, 0);
    let recs = records(&out);
    assert_eq!(files(&recs), [dir.arg(".secret/f.txt")]);
    assert_eq!(recs[0]["headline"], json!(headline_of("hidden dir")));
}

#[test]
fn several_paths_keep_argument_order() {
    let dir = story_folder();
    let (b, a, c) = (dir.arg("b.txt"), dir.arg("a.txt"), dir.arg("c"));
    let out = run(&[&b, TASS, &c, &a], None);
    assert_exit(&out, 0);
    let recs = records(&out);
    assert_eq!(
        files(&recs),
        [b.clone(), TASS.to_string(), dir.arg("c/d.txt"), a.clone()]
    );
}

#[test]
fn empty_folder_gives_no_records_and_succeeds() {
    let dir = TempDir::new("empty-folder");
    dir.write("only.md", "not read");
    let out = run(&[&dir.arg("")], None);
    assert_exit(&out, 0);
    assert_eq!(stdout(&out), "");
}

// ---------------------------------------------------------------------------------------
// 3. --input jsonl

fn jsonl_line(v: Value) -> String {
    serde_json::to_string(&v).expect("serialise")
}

#[test]
fn jsonl_copies_ids_and_keeps_order() {
    let input = [
        jsonl_line(json!({"id": "first", "text": article("one")})),
        jsonl_line(json!({"id": 2, "text": article("two")})),
        jsonl_line(json!({"text": article("three")})),
        jsonl_line(json!({"id": {"k": [1, 2]}, "text": article("four"), "file": "feed/4.txt"})),
    ]
    .join("\n")
        + "\n";
    let out = run(&["--input", "jsonl"], Some(input.as_bytes()));
    assert_exit(&out, 0);
    assert_eq!(stderr(&out), "");
    let recs = records(&out);
    assert_eq!(recs.len(), 4);
    // (id or None when absent, tag, file)
    let want: [(Option<Value>, &str, &str); 4] = [
        (Some(json!("first")), "one", "-"),
        (Some(json!(2)), "two", "-"),
        (None, "three", "-"),
        (Some(json!({"k": [1, 2]})), "four", "feed/4.txt"),
    ];
    for (i, (rec, (id, tag, file))) in recs.iter().zip(want).enumerate() {
        let mut want_keys = article_keys();
        if id.is_some() {
            want_keys.insert("id".to_string());
        }
        assert_eq!(keys(rec), want_keys, "record {i}");
        assert_eq!(rec.get("id").cloned(), id, "record {i}");
        assert_eq!(rec["file"], json!(file), "record {i}");
        assert_eq!(rec["headline"], json!(headline_of(tag)), "record {i}");
        assert_eq!(rec["dateline"]["city"], json!("London"), "record {i}");
    }
}

#[test]
fn jsonl_bad_lines_give_error_records_in_place() {
    let lines = [
        /* 1 */ jsonl_line(json!({"id": "a", "text": article("good one")})),
        /* 2 */ "this is not json".to_string(),
        /* 3 */ jsonl_line(json!({"id": 3, "headline": "no text here"})),
        /* 4 */ jsonl_line(json!({"id": "n", "text": 5})),
        /* 5 */ String::new(),
        /* 6 */ jsonl_line(json!(["text", "in an array"])),
        /* 7 */ jsonl_line(json!({"id": "ws", "text": "   \n  "})),
        /* 8 */ jsonl_line(json!({"id": "z", "text": article("good two")})),
    ];
    // CRLF line ends are accepted too
    let input = lines.join("\r\n") + "\r\n";
    let out = run(&["--input", "jsonl"], Some(input.as_bytes()));
    assert_exit(&out, 1);
    assert_no_panic(&out);
    let recs = records(&out);
    assert_eq!(recs.len(), 8, "one record per input line: {recs:#?}");

    // good lines around the bad ones are analysed
    for (i, tag) in [(0, "good one"), (7, "good two")] {
        assert_eq!(keys(&recs[i]).len(), ARTICLE_KEYS.len() + 1, "record {i}");
        assert_eq!(recs[i]["headline"], json!(headline_of(tag)));
    }
    assert_eq!(recs[0]["id"], json!("a"));
    assert_eq!(recs[7]["id"], json!("z"));

    // (index, line, id if known, words in the error)
    let errors: [(usize, u64, Option<Value>, &str); 6] = [
        (1, 2, None, "not JSON"),
        (2, 3, Some(json!(3)), "no \"text\""),
        (3, 4, Some(json!("n")), "\"text\" is a number"),
        (4, 5, None, "empty line"),
        (5, 6, None, "not a JSON object"),
        (6, 7, Some(json!("ws")), "only whitespace"),
    ];
    let err = stderr(&out);
    for (i, line, id, words) in errors {
        let rec = &recs[i];
        let mut want_keys: BTreeSet<String> = ["schema_version", "file", "line", "error"]
            .iter()
            .map(|k| k.to_string())
            .collect();
        if id.is_some() {
            want_keys.insert("id".to_string());
        }
        assert_eq!(keys(rec), want_keys, "error record {rec}");
        assert_eq!(rec["schema_version"], json!(1));
        assert_eq!(rec["file"], json!("-"));
        assert_eq!(rec["line"], json!(line), "{rec}");
        assert_eq!(rec.get("id").cloned(), id, "{rec}");
        let msg = rec["error"].as_str().expect("error is a string");
        assert!(
            msg.contains(words),
            "line {line}: error {msg:?} lacks {words:?}"
        );
        // and the same failure on stderr, named by input and line
        let prefix = format!("wirecopy: -:{line}: ");
        let on_stderr = err
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} on stderr:\n{err}"));
        assert!(on_stderr.contains(words), "{on_stderr:?} lacks {words:?}");
    }
    assert_eq!(err.lines().count(), 6, "stderr:\n{err}");
}

#[test]
fn jsonl_line_over_the_size_limit_is_an_error_record() {
    let big = "x".repeat(3000);
    let input = [
        jsonl_line(json!({"id": 1, "text": article("small")})),
        jsonl_line(json!({"id": 2, "text": big})),
        jsonl_line(json!({"id": 3, "text": article("after")})),
    ]
    .join("\n")
        + "\n";
    let out = run(
        &["--input", "jsonl", "--max-size", "1K"],
        Some(input.as_bytes()),
    );
    assert_exit(&out, 1);
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["headline"], json!(headline_of("small")));
    assert_eq!(recs[1]["line"], json!(2));
    assert!(
        recs[1]["error"].as_str().unwrap().contains("size limit"),
        "{}",
        recs[1]
    );
    assert_eq!(recs[2]["headline"], json!(headline_of("after")));
    assert!(stderr(&out).contains("wirecopy: -:2: "), "{}", stderr(&out));
}

#[test]
fn jsonl_from_a_file_names_the_file() {
    let dir = TempDir::new("jsonl-file");
    let path = dir.write(
        "feed.jsonl",
        jsonl_line(json!({"id": "ok", "text": article("file")})) + "\n{broken\n",
    );
    let arg = path.to_str().unwrap();
    let out = run(&["--input", "jsonl", arg], None);
    assert_exit(&out, 1);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["file"], json!(arg));
    assert_eq!(recs[0]["id"], json!("ok"));
    assert_eq!(recs[1]["file"], json!(arg));
    assert_eq!(recs[1]["line"], json!(2));
    assert!(
        stderr(&out).contains(&format!("wirecopy: {arg}:2: not JSON")),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------
// 4. a missing file among good ones

#[test]
fn missing_file_is_reported_and_the_others_printed() {
    let dir = TempDir::new("missing");
    let first = dir.write("first.txt", article("first"));
    let last = dir.write("last.txt", article("last"));
    let missing = dir.arg("does-not-exist.txt");
    let (first, last) = (first.to_str().unwrap(), last.to_str().unwrap());
    let out = run(&[first, &missing, last], None);
    assert_exit(&out, 1);
    assert_no_panic(&out);
    let recs = records(&out);
    assert_eq!(files(&recs), [first, last]);
    assert_eq!(recs[0]["headline"], json!(headline_of("first")));
    assert_eq!(recs[1]["headline"], json!(headline_of("last")));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        format!("wirecopy: {missing}: no such file or directory"),
        "stderr"
    );
}

// ---------------------------------------------------------------------------------------
// 5. usage errors

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    let cases: &[&[&str]] = &[
        &["--bogus"],
        &["--input", "xml", TASS],
        &["--max-size", "lots", TASS],
        &["--max-size", "0", TASS],
        &["--ext"],
        &["-x", TASS],
        &["--format", "yaml", TASS],
        &["--pretty", "-f", "tsv", TASS],
        &["--color", "sometimes", "-f", "text", TASS],
        &["stats", "--top", "many", TASS],
        &["completions", "tcsh"],
    ];
    for args in cases {
        let out = run(args, Some(b"Some text on stdin.\n"));
        assert_exit(&out, 2);
        assert_eq!(stdout(&out), "", "args {args:?}");
        assert!(!out.stderr.is_empty(), "args {args:?}: no message");
        assert_no_panic(&out);
    }
}

// ---------------------------------------------------------------------------------------
// 6. encodings and inputs that are not articles

const CAFE_LF: &str = "Cafe owners protest rent rise\n\n\
PARIS, June 3 (Reuters) - Owners of the corner cafe said on Monday they would close.\n\n\
The landlord did not respond to a request for comment.\n";

#[test]
fn windows_1252_bytes_are_decoded_with_a_warning() {
    // "caf\xe9" in Latin-1 / Windows-1252, plus 1252 curly quotes
    let bytes: &[u8] = b"Caf\xe9 owners protest rent rise\n\n\
PARIS, June 3 (Reuters) - Owners of the caf\xe9 said on Monday they would \x93close\x94.\n";
    let dir = TempDir::new("latin1");
    let path = dir.write("latin1.txt", bytes);
    for (args, input) in [(vec![path.to_str().unwrap()], None), (vec![], Some(bytes))] {
        let rec = one_record(&run(&args, input));
        assert_eq!(rec["headline"], json!("Café owners protest rent rise"));
        assert_eq!(
            rec["lede"],
            json!("Owners of the café said on Monday they would \u{201c}close\u{201d}.")
        );
        assert_eq!(rec["dateline"]["city"], json!("Paris"));
        let warnings = rec["warnings"].as_array().expect("warnings");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let w = warnings[0].as_str().unwrap();
        assert!(w.contains("Windows-1252"), "{w}");
        assert!(w.contains("0xE9"), "{w}");
    }
}

#[test]
fn inputs_without_an_article_are_errors() {
    let mut elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec();
    elf.extend(std::iter::repeat_n(b'A', 100));
    // (name, bytes, words in the message)
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("binary.txt", elf, "binary"),
        (
            "nul-late.txt",
            [&b"Headline\n\nSome text"[..], b"\0"].concat(),
            "binary",
        ),
        ("empty.txt", Vec::new(), "empty"),
        ("blank.txt", b" \n\t\r\n   \n".to_vec(), "only whitespace"),
        ("bom-only.txt", b"\xEF\xBB\xBF".to_vec(), "empty"),
    ];
    let dir = TempDir::new("not-articles");
    for (name, bytes, words) in &cases {
        let path = dir.write(name, bytes);
        let arg = path.to_str().unwrap();
        // as a file, between two good inputs: the good ones are still printed
        let out = run(&[TASS, arg, TASS], None);
        assert_exit(&out, 1);
        assert_no_panic(&out);
        assert_eq!(files(&records(&out)), [TASS, TASS], "{name}");
        let err = stderr(&out);
        let prefix = format!("wirecopy: {arg}: ");
        assert!(
            err.starts_with(&prefix) && err.contains(words),
            "{name}: stderr {err:?} lacks {prefix:?} / {words:?}"
        );
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        // and from stdin
        let out = run(&[], Some(bytes));
        assert_exit(&out, 1);
        assert_eq!(stdout(&out), "", "{name} on stdin");
        let err = stderr(&out);
        assert!(
            err.starts_with("wirecopy: -: ") && err.contains(words),
            "{name} on stdin: {err:?}"
        );
    }
}

#[test]
fn nul_after_the_first_8_kib_is_not_binary() {
    let mut bytes = CAFE_LF.as_bytes().to_vec();
    bytes.extend(std::iter::repeat_n(b' ', 9000));
    bytes.extend_from_slice(b"\0\n");
    let rec = one_record(&run(&[], Some(&bytes)));
    assert_eq!(rec["headline"], json!("Cafe owners protest rent rise"));
}

#[test]
fn boms_and_crlf_give_the_same_record_as_plain_utf8() {
    let plain = one_record(&run(&[], Some(CAFE_LF.as_bytes())));
    assert_eq!(plain["headline"], json!("Cafe owners protest rent rise"));
    assert_eq!(plain["paragraphs"].as_array().unwrap().len(), 2);

    let crlf = CAFE_LF.replace('\n', "\r\n");
    let utf16 = |big: bool| -> Vec<u8> {
        let mut b = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in CAFE_LF.encode_utf16() {
            b.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        b
    };
    let cases: [(&str, Vec<u8>); 5] = [
        (
            "utf8-bom",
            [&b"\xEF\xBB\xBF"[..], CAFE_LF.as_bytes()].concat(),
        ),
        ("utf16le-bom", utf16(false)),
        ("utf16be-bom", utf16(true)),
        ("crlf", crlf.clone().into_bytes()),
        ("bom-crlf", [&b"\xEF\xBB\xBF"[..], crlf.as_bytes()].concat()),
    ];
    let dir = TempDir::new("encodings");
    for (name, bytes) in cases {
        let path = dir.write(format!("{name}.txt"), &bytes);
        let rec = one_record(&run(&[path.to_str().unwrap()], None));
        let same_positions = !name.contains("crlf");
        if same_positions {
            // offsets count from after the byte-order mark
            assert_eq!(without_file(&rec), without_file(&plain), "{name}");
        } else {
            assert_eq!(
                without_file_and_positions(&rec),
                without_file_and_positions(&plain),
                "{name}"
            );
        }
        let text = serde_json::to_string(&rec).unwrap();
        assert!(!text.contains('\u{feff}'), "{name}: BOM in the record");
        assert!(!text.contains("\\r"), "{name}: CR in the record");
    }
}

// ---------------------------------------------------------------------------------------
// 7. 8. output that goes away or fails

#[test]
fn closed_pipe_ends_quietly() {
    let dir = TempDir::new("pipe");
    // ~200 articles of a few KiB each: far more output than a pipe buffer holds
    let filler = "The council said the work would continue through the spring. ".repeat(12);
    for i in 0..200 {
        dir.write(
            format!("art-{i:03}.txt"),
            format!(
                "Headline number {i}\n\nLONDON, May 4 (Reuters) - Story {i} opens here.\n\n\
                 {filler}\n\n{filler}\n\n{filler}\n"
            ),
        );
    }
    let mut child = Command::new(BIN)
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn wirecopy");
    {
        let mut reader = BufReader::new(child.stdout.take().expect("stdout pipe"));
        let mut line = String::new();
        reader.read_line(&mut line).expect("read first record");
        let rec: Value = serde_json::from_str(&line).expect("first record is JSON");
        assert_eq!(rec["headline"], json!("Headline number 0"));
        // reader dropped here: the pipe's read end closes
    }
    let out = child.wait_with_output().expect("wait for wirecopy");
    assert_no_panic(&out);
    assert_eq!(stderr(&out), "", "a closed pipe is not an error");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        // exit 0, or killed by SIGPIPE (13): both are a quiet stop
        assert!(
            out.status.success() || out.status.signal() == Some(13),
            "status {:?}",
            out.status
        );
    }
    #[cfg(not(unix))]
    assert!(out.status.success(), "status {:?}", out.status);
}

#[test]
fn writing_into_dev_full_fails_cleanly() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    for args in [&[TASS][..], &["--pretty", TASS], &["--schema"]] {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(ROOT)
            .stdin(Stdio::null())
            .stdout(
                fs::OpenOptions::new()
                    .write(true)
                    .open(full)
                    .expect("open /dev/full"),
            )
            .stderr(Stdio::piped())
            .output()
            .expect("run wirecopy");
        assert_exit(&out, 1);
        assert_no_panic(&out);
        let err = stderr(&out);
        assert!(err.starts_with("wirecopy: "), "args {args:?}: {err:?}");
        assert!(
            err.contains("no space left on device"),
            "args {args:?}: {err:?}"
        );
        assert_eq!(err.lines().count(), 1, "args {args:?}: {err}");
    }
}

// ---------------------------------------------------------------------------------------
// 9. --pretty, --schema, --help, --version

#[test]
fn pretty_output_is_the_same_records_indented() {
    let compact = records(&run(&[TASS, "fixtures/reuters-style.txt"], None));
    assert_eq!(compact.len(), 2);
    let out = run(&["--pretty", TASS, "fixtures/reuters-style.txt"], None);
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(text.lines().count() > 20, "not indented:\n{text}");
    assert!(text.contains("\n  \"headline\": "), "not indented:\n{text}");
    let pretty: Vec<Value> = serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .expect("pretty output is a sequence of JSON values");
    assert_eq!(pretty, compact);
}

#[test]
fn schema_is_json_schema_and_matches_the_records() {
    let out = run(&["--schema"], None);
    assert_exit(&out, 0);
    let schema: Value = serde_json::from_str(stdout(&out)).expect("schema is JSON");
    assert!(
        schema["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("json-schema.org")),
        "{schema:#}"
    );
    // the record's keys are exactly the article's properties; the required ones all present
    let article = &schema["$defs"]["article"];
    let props: BTreeSet<String> = keys(&article["properties"]);
    let required: BTreeSet<String> = article["required"]
        .as_array()
        .expect("required")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let rec = one_record(&run(&[TASS], None));
    assert_eq!(keys(&rec), required);
    let mut with_id = keys(&rec);
    with_id.insert("id".to_string());
    assert_eq!(with_id, props);
    let dateline_required: BTreeSet<String> = schema["$defs"]["dateline"]["required"]
        .as_array()
        .expect("dateline required")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys(&rec["dateline"]), dateline_required);
}

#[test]
fn help_and_version() {
    let out = run(&["--help"], None);
    assert_exit(&out, 0);
    let help = stdout(&out);
    for words in [
        "Examples",
        "--input",
        "--ext",
        "--max-size",
        "--pretty",
        "--schema",
        "Exit status",
    ] {
        assert!(help.contains(words), "--help lacks {words:?}:\n{help}");
    }
    let out = run(&["--version"], None);
    assert_exit(&out, 0);
    let version = stdout(&out);
    assert!(
        version.contains(env!("CARGO_PKG_VERSION")) && version.contains("wirecopy"),
        "{version:?}"
    );
}

// ---------------------------------------------------------------------------------------
// 10. --max-size

#[test]
fn max_size_refuses_larger_inputs_and_names_them() {
    let size = fs::metadata(Path::new(ROOT).join(TASS)).unwrap().len();
    assert!(size > 1024 && size < 4096, "fixture is {size} bytes");
    let small = "fixtures/reuters-1987.txt";
    let out = run(&["--max-size", "1K", TASS, small], None);
    assert_exit(&out, 1);
    assert_no_panic(&out);
    assert_eq!(
        files(&records(&out)),
        [small],
        "the small one is still read"
    );
    let err = stderr(&out);
    assert!(err.starts_with(&format!("wirecopy: {TASS}: ")), "{err:?}");
    assert!(
        err.contains("1 KiB") && err.contains("--max-size"),
        "{err:?}"
    );

    // the same from stdin
    let bytes = fs::read(Path::new(ROOT).join(TASS)).unwrap();
    let out = run(&["--max-size", "1K"], Some(&bytes));
    assert_exit(&out, 1);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).starts_with("wirecopy: -: "),
        "{}",
        stderr(&out)
    );

    // a limit the article fits exactly, and the default
    let exact = size.to_string();
    for args in [
        vec!["--max-size", &exact, TASS],
        vec!["--max-size", "4k", TASS],
        vec![TASS],
    ] {
        assert_tass(&one_record(&run(&args, None)), TASS);
    }
    let one_less = (size - 1).to_string();
    assert_exit(&run(&["--max-size", &one_less, TASS], None), 1);
}

// ---------------------------------------------------------------------------------------
// 11. wire-style fixtures of our own

struct Expect {
    file: &'static str,
    headline: &'static str,
    subheadline: Option<&'static str>,
    byline: Option<&'static str>,
    dateline: Value,
    lede: &'static str,
    paragraphs: usize,
    last_paragraph: &'static str,
    credits: Option<&'static str>,
}

const REUTERS_LEDE: &str = "Nordhaven Sjøfart, a fictional coastal ferry operator, said on Tuesday it would suspend three of its eleven winter routes from next month, blaming a sharp rise in marine fuel costs.";
const AP_LEDE: &str = "Residents of a small mountain town voted Tuesday night to keep their one-room schoolhouse open for at least five more years, rejecting a plan to bus the village's 14 pupils to a larger school in the valley.";
const REUTERS_1987_LEDE: &str = "The Prairie Grain Pool said it raised delivery quotas for spring wheat at all of its country elevators by two bushels per permitted acre, effective immediately.";

fn reuters_style() -> Expect {
    Expect {
        file: "fixtures/reuters-style.txt",
        headline: "Nordhaven ferry operator cuts winter routes as fuel costs bite",
        subheadline: None,
        byline: Some("Ingrid Solberg"),
        dateline: json!({
            "text": "OSLO, Mar 3 (Reuters) -",
            "city": "Oslo",
            "country": "NO",
            "date": {"year": null, "month": 3, "day": 3},
            "agency": "Reuters",
        }),
        lede: REUTERS_LEDE,
        paragraphs: 6,
        last_paragraph: "The operator said it would review the routes again before the summer season.",
        credits: Some("(Reporting by Ingrid Solberg; Editing by Mark Tellor)"),
    }
}

fn ap_style() -> Expect {
    Expect {
        file: "fixtures/ap-style.txt",
        headline: "Small mountain town votes to keep its one-room schoolhouse open",
        subheadline: None,
        byline: Some("MARTHA KELLING"),
        dateline: json!({
            "text": "GREENFIELD, Vt. (AP) —",
            "city": "Greenfield",
            "country": "US",
            "date": null,
            "agency": "AP",
        }),
        lede: AP_LEDE,
        paragraphs: 5,
        last_paragraph: "The school board said it would draw up a new budget by the end of the month.",
        credits: Some(
            "Associated Press writer Tom Reyes in Montpelier contributed to this report.",
        ),
    }
}

fn reuters_1987() -> Expect {
    Expect {
        file: "fixtures/reuters-1987.txt",
        headline: "PRAIRIE GRAIN POOL RAISES SPRING WHEAT DELIVERY QUOTAS",
        subheadline: None,
        byline: None,
        dateline: json!({
            "text": "WINNIPEG, Feb 26 -",
            "city": "Winnipeg",
            "country": "CA",
            "date": {"year": null, "month": 2, "day": 26},
            "agency": "Reuters",
        }),
        lede: REUTERS_1987_LEDE,
        paragraphs: 4,
        last_paragraph: "Farmers in the region have held unusually large stocks on their farms since the autumn harvest, trade sources said.",
        credits: None,
    }
}

/// Runs a fixture and checks every field of `want`.
fn check_fixture(want: &Expect) -> Value {
    let rec = one_record(&run(&[want.file], None));
    let f = want.file;
    assert_eq!(keys(&rec), article_keys(), "{f}");
    assert_eq!(rec["file"], json!(f));
    assert_eq!(rec["headline"], json!(want.headline), "{f}");
    assert_eq!(rec["subheadline"], json!(want.subheadline), "{f}");
    assert_eq!(rec["byline"], json!(want.byline), "{f}");
    assert_eq!(rec["dateline"], want.dateline, "{f}");
    assert_eq!(rec["lede"], json!(want.lede), "{f}");
    let paras = rec["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paras.len(), want.paragraphs, "{f}: {paras:#?}");
    assert_eq!(paras[0], json!(want.lede), "{f}");
    assert_eq!(paras.last().unwrap(), &json!(want.last_paragraph), "{f}");
    for p in paras {
        let p = p.as_str().unwrap();
        assert!(!p.contains('\n'), "{f}: hard wrap left in {p:?}");
        assert!(
            !p.starts_with(' ') && !p.ends_with(' '),
            "{f}: untrimmed {p:?}"
        );
    }
    assert_eq!(rec["credits"], json!(want.credits), "{f}");
    assert_eq!(rec["warnings"], json!([]), "{f}");
    rec
}

#[test]
fn fixture_reuters_style() {
    let rec = check_fixture(&reuters_style());
    let body = rec["paragraphs"].to_string();
    // slug, editor note, byline, dateline and trailer are not body text
    for words in [
        "UPDATE 1",
        "(Adds",
        "By Ingrid",
        "(Reuters)",
        "Reporting by",
    ] {
        assert!(!body.contains(words), "{words:?} left in the body: {body}");
    }
}

#[test]
fn fixture_ap_style() {
    let rec = check_fixture(&ap_style());
    let body = rec["paragraphs"].to_string();
    for words in [
        "___",
        "contributed to this report",
        "Associated Press",
        "(AP)",
    ] {
        assert!(!body.contains(words), "{words:?} left in the body: {body}");
    }
}

/// Byline blocks of several shapes above the same dateline: the name comes out without
/// "By" and without the affiliation line, which also names the agency.
#[test]
fn bylines_with_affiliation_lines() {
    // (lines between headline and dateline, byline, agency)
    let cases = [
        (
            "By MARTHA KELLING\nAssociated Press",
            "MARTHA KELLING",
            "AP",
        ),
        (
            "By Martha Kelling\nAP Education Writer",
            "Martha Kelling",
            "AP",
        ),
        (
            "Martha Kelling and Tom Reyes\nThe Canadian Press",
            "Martha Kelling and Tom Reyes",
            "CP",
        ),
        ("By Martha Kelling, dpa", "Martha Kelling", "dpa"),
        ("By Jane Smith\nReuters", "Jane Smith", "Reuters"),
    ];
    for (by, name, agency) in cases {
        let text = format!(
            "Town votes to keep its schoolhouse\n\n{by}\n\n\
             GREENFIELD, Vt. - Residents voted on Tuesday to keep the school open.\n"
        );
        let rec = one_record(&run(&[], Some(text.as_bytes())));
        assert_eq!(
            rec["headline"],
            json!("Town votes to keep its schoolhouse"),
            "{by:?}"
        );
        assert_eq!(rec["byline"], json!(name), "{by:?}");
        assert_eq!(rec["dateline"]["agency"], json!(agency), "{by:?}");
        assert_eq!(rec["subheadline"], Value::Null, "{by:?}");
        assert_eq!(
            rec["paragraphs"],
            json!(["Residents voted on Tuesday to keep the school open."]),
            "{by:?}"
        );
    }
}

#[test]
fn fixture_reuters_1987() {
    let rec = check_fixture(&reuters_1987());
    let paras = rec["paragraphs"].as_array().unwrap();
    // hard wraps joined with single spaces; indents and the sign-off are gone
    assert_eq!(
        paras[1],
        json!(
            "The pool said the increase reflected strong export demand and improved rail car supplies over the past three weeks."
        )
    );
    let body = rec["paragraphs"].to_string();
    assert!(
        !body.contains("Reuter"),
        "sign-off left in the body: {body}"
    );
    assert!(!body.contains("  "), "double spaces in the body: {body}");
}

/// Attribution forms of our own AFP-style story: a long title, reported speech holding a
/// quoted phrase, "But she said …", a document as speaker, a verb after a name, a paragraph
/// that leads into a quote paragraph with a colon, a sentence adverb before a name.
#[test]
fn fixture_afp_attribution() {
    let file = "fixtures/afp-attribution.txt";
    let out = run(&[file], None);
    assert_exit(&out, 0);
    let rec = one_record(&out);
    let quotes = rec["quotes"].as_array().expect("quotes");
    let got: Vec<(&str, &str, &str, u64)> = quotes
        .iter()
        .map(|q| {
            (
                q["kind"].as_str().unwrap(),
                q["speaker"].as_str().unwrap_or("-"),
                q["cue"].as_str().unwrap_or("-"),
                q["paragraph"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("indirect", "Eira Lund", "said", 0),
        ("partial", "Eira Lund", "said", 0),
        ("indirect", "Eira Lund", "said", 1),
        ("direct", "Eira Lund", "told reporters", 2),
        ("direct", "Eira Lund", "told reporters", 2),
        ("direct", "the lawsuit", "says", 3),
        ("indirect", "Tor Brekke", "saying", 4),
        ("direct", "Tor Brekke", "-", 6),
        ("indirect", "Eira Lund", "insisted", 7),
    ];
    assert_eq!(got, want, "{quotes:#?}");
    assert_texts_at_offsets(quotes, file);
    // the quoted phrase stays inside the reported clause
    assert_eq!(
        quotes[0]["text"],
        json!(
            "the government had acted on \"clear legal advice\" when it closed the old ferry terminal at Valderby last month."
        )
    );
    let speakers: Vec<(&str, Option<&str>)> = rec["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["title"].as_str()))
        .collect();
    assert_eq!(
        speakers,
        [
            ("Eira Lund", Some("Minister of State for Transport")),
            ("the lawsuit", None),
            ("Tor Brekke", Some("Association chairman")),
        ]
    );
}
