//! Hostile input, end to end (issue 6): the real binary on inputs and surroundings meant to
//! break it. For every case: the exit status, the records on stdout and the message on
//! stderr. The rules under test (README, "Exit status and errors"):
//! - never a panic, never a hang: every child runs under a hang guard and is killed (and
//!   the test fails) if it has not finished in time;
//! - nothing lost silently: N inputs with k bad ones give N − k records, k messages on
//!   stderr and exit status 1;
//! - stderr never carries control characters or escape sequences from the input.
//!
//! Unix only (FIFOs, symlinks, non-UTF-8 file names, /dev/full). Temporary files live in a
//! uniquely named folder under the system temp dir, removed when the test ends.
#![cfg(unix)]

mod common;

use common::{TempDir, article, headline_of};
use serde_json::{Value, json};
use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_wirecopy");

/// A run taking longer than this has hung (the slowest case here takes a few seconds).
const HANG_GUARD: Duration = Duration::from_secs(120);

// ---------------------------------------------------------------------------------------
// helpers

/// What a run left behind.
struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }

    fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    fn stderr(&self) -> &str {
        std::str::from_utf8(&self.stderr).expect("stderr is UTF-8")
    }

    /// The JSON Lines records on stdout.
    #[track_caller]
    fn records(&self) -> Vec<Value> {
        common::json_lines(self.stdout())
    }

    /// Exit status `code`, and no panic or raw control character on stderr.
    #[track_caller]
    fn assert_exit(&self, code: i32) {
        let err = String::from_utf8_lossy(&self.stderr);
        assert_eq!(
            self.code(),
            Some(code),
            "status {:?}\nstderr:\n{err}\nstdout:\n{:.2000}",
            self.status,
            String::from_utf8_lossy(&self.stdout)
        );
        assert!(!err.contains("panicked"), "panic on stderr:\n{err}");
        let raw_control = err.chars().find(|&c| c.is_control() && c != '\n');
        assert_eq!(
            raw_control, None,
            "raw control character on stderr: {err:?}"
        );
    }

    /// Exit 0, nothing on stderr, exactly one record.
    #[track_caller]
    fn one_record(&self) -> Value {
        self.assert_exit(0);
        assert_eq!(self.stderr(), "", "stderr of a clean run");
        let mut recs = self.records();
        assert_eq!(recs.len(), 1, "records: {recs:#?}");
        recs.remove(0)
    }
}

/// Runs `cmd` (stdout and stderr as configured, piped by default) with `stdin` written to
/// it; kills it and fails if it runs past the hang guard.
fn run_cmd(mut cmd: Command, stdin: &[u8]) -> Run {
    cmd.stdin(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn wirecopy");
    let input = stdin.to_vec();
    let mut pipe = child.stdin.take().expect("stdin pipe");
    // a thread, so that a large input cannot deadlock against a full stdout; the binary
    // may legitimately not read all of it
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let status = wait_guarded(&mut child);
    writer.join().expect("stdin writer");
    Run {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

fn reader<R: Read + Send + 'static>(pipe: Option<R>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            p.read_to_end(&mut buf).expect("read child output");
        }
        buf
    })
}

#[track_caller]
fn wait_guarded(child: &mut Child) -> ExitStatus {
    let deadline = Instant::now() + HANG_GUARD;
    loop {
        if let Some(status) = child.try_wait().expect("wait for wirecopy") {
            return status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("wirecopy hung: killed after {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The binary with `args`, stdout and stderr piped.
fn wirecopy<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = Command::new(BIN);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd
}

/// Runs the binary on `args` with `stdin`.
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: &[u8]) -> Run {
    run_cmd(wirecopy(args), stdin)
}

/// Runs the binary on one article given on stdin.
fn run_stdin(text: impl AsRef<[u8]>) -> Run {
    run::<&str>(&[], text.as_ref())
}

fn s(p: &Path) -> String {
    p.to_str().expect("UTF-8 path").to_string()
}

fn files(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["file"].as_str().expect("file is a string").to_string())
        .collect()
}

fn headlines(recs: &[Value]) -> Vec<Value> {
    recs.iter().map(|r| r["headline"].clone()).collect()
}

/// Positions in a record index `input`: country spans give one of the country's forms
/// (whitespace squeezed), a quote on one line is exactly the input's text at its offsets
/// (code points).
#[track_caller]
fn assert_positions(rec: &Value, input: &str) {
    let chars: Vec<char> = input.chars().collect();
    let slice = |a: &Value, b: &Value| -> String {
        let (a, b) = (a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize);
        assert!(
            a <= b && b <= chars.len(),
            "[{a}, {b}] outside {}",
            chars.len()
        );
        chars[a..b].iter().collect()
    };
    for c in rec["countries"].as_array().expect("countries") {
        for span in c["spans"].as_array().expect("spans") {
            // forms show runs of whitespace (a joined line break) as one space
            let written = slice(&span[0], &span[1])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                c["forms"].as_array().unwrap().contains(&json!(written)),
                "{}: span {span} holds {written:?}",
                c["code"]
            );
        }
    }
    for q in rec["quotes"].as_array().expect("quotes") {
        let written = slice(&q["start"], &q["end"]);
        if !written.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
            assert_eq!(json!(written), q["text"], "quote {q}");
        }
    }
}

/// A FIFO at `path` (made with mkfifo(1)).
fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(st.success(), "mkfifo {path:?}");
}

// ---------------------------------------------------------------------------------------
// 1. inputs without an article

#[test]
fn empty_file() {
    let dir = TempDir::new("empty");
    let p = dir.write("empty.txt", "");
    let r = run(&[&p], b"");
    r.assert_exit(1);
    assert_eq!(r.stdout(), "");
    assert_eq!(
        r.stderr(),
        format!("wirecopy: {}: empty input: no article to analyse\n", s(&p))
    );
}

#[test]
fn whitespace_only() {
    // spaces, tabs, CRLF, CR, NBSP, ideographic space, U+2028/9, NEL: all whitespace
    let text = " \t\r\n\r \u{a0}\u{3000}\n\u{2028}\u{2029}\u{85}\n";
    let r = run_stdin(text);
    r.assert_exit(1);
    assert_eq!(r.stdout(), "");
    assert_eq!(
        r.stderr(),
        "wirecopy: -: input holds only whitespace: no article to analyse\n"
    );
}

#[test]
fn stdin_that_is_a_directory() {
    let dir = TempDir::new("stdin-dir");
    let mut cmd = wirecopy::<[&str; 0], &str>([]);
    cmd.stdin(fs::File::open(dir.join("")).expect("open the folder"));
    let mut child = cmd.spawn().expect("spawn");
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let status = wait_guarded(&mut child);
    let r = Run {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    r.assert_exit(1);
    assert_eq!(r.stdout(), "");
    assert_eq!(r.stderr(), "wirecopy: -: is a directory\n");
}

// ---------------------------------------------------------------------------------------
// 2. large and pathological text

#[test]
fn one_ten_megabyte_line() {
    let sentence = "The work on the old bridge will continue through the spring. ";
    let mut line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    line.truncate(10 * 1024 * 1024 - 1);
    let line = line.trim_end().to_string();
    let dir = TempDir::new("ten-mb");
    let p = dir.write("big.txt", format!("{line}\n"));
    let rec = run(&[&p], b"").one_record();
    assert_eq!(rec["file"], json!(s(&p)));
    // a body that lost its breaks: one paragraph, the lede is its first sentence
    assert_eq!(rec["headline"], Value::Null);
    assert_eq!(rec["lede"], json!(sentence.trim_end()));
    let paras = rec["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 1);
    assert_eq!(paras[0].as_str().unwrap().len(), line.len());
    assert_eq!(rec["quotes"], json!([]));
    assert_eq!(rec["warnings"], json!([]));
}

#[test]
fn one_hundred_thousand_quotation_marks() {
    let marks = "\"".repeat(100_000);
    let rec = run_stdin(format!("{marks}\n")).one_record();
    assert_eq!(rec["paragraphs"], json!([marks]));
    assert_eq!(rec["lede"], json!(marks));
    assert_positions(&rec, &marks);
    // marks of every kind, alternating, with words between
    let mixed = "\u{201C}a\u{201D} \u{AB}b\u{BB} 'c' \u{201E}d\" ".repeat(10_000);
    let rec = run_stdin(&mixed).one_record();
    assert_eq!(rec["paragraphs"], json!([mixed.trim_end()]));
    assert_positions(&rec, &mixed);
}

/// Many quoted words and many sentences of reported speech in one paragraph: once
/// quadratic in `quotes::extract` (minutes), linear since; the guard catches a return.
#[test]
fn many_quotes_in_one_paragraph() {
    let quoted = "\"a\" ".repeat(25_000);
    let rec = run_stdin(&quoted).one_record();
    assert_eq!(rec["paragraphs"].as_array().unwrap().len(), 1);
    assert_positions(&rec, &quoted);

    let reported = "The council said the work would continue. ".repeat(12_000);
    let rec = run_stdin(&reported).one_record();
    assert_eq!(
        rec["lede"],
        json!("The council said the work would continue.")
    );
    let quotes = rec["quotes"].as_array().unwrap();
    assert!(quotes.len() <= 12_000, "{} quotes", quotes.len());
    assert_positions(&rec, &reported);
}

#[test]
fn unbalanced_and_nested_quotation_marks() {
    let text = "Ferry talks stall\n\n\
        LONDON, May 4 (Reuters) - He said \"it is 'final\" and left.\n\n\
        \u{201C}Unclosed quote runs on.\n\n\
        She said \"a \"nested\" word\" here.\n\n\
        \u{201D}Closing first\u{201C} and \u{AB}\u{AB}double\u{BB} open.\n";
    let rec = run_stdin(text).one_record();
    assert_eq!(rec["headline"], json!("Ferry talks stall"));
    assert_eq!(rec["dateline"]["city"], json!("London"));
    assert_eq!(
        rec["paragraphs"],
        json!([
            "He said \"it is 'final\" and left.",
            "\u{201C}Unclosed quote runs on.",
            "She said \"a \"nested\" word\" here.",
            "\u{201D}Closing first\u{201C} and \u{AB}\u{AB}double\u{BB} open.",
        ])
    );
    assert_positions(&rec, text);
}

#[test]
fn only_a_headline() {
    // a lone line is the body: a headline needs something under it
    let rec = run_stdin("Ferry operator cuts winter routes\n").one_record();
    assert_eq!(rec["headline"], Value::Null);
    assert_eq!(rec["dateline"], Value::Null);
    assert_eq!(rec["lede"], json!("Ferry operator cuts winter routes"));
    assert_eq!(
        rec["paragraphs"],
        json!(["Ferry operator cuts winter routes"])
    );
}

#[test]
fn only_a_dateline() {
    let text = "LONDON, May 4 (Reuters) -\n";
    let rec = run_stdin(text).one_record();
    assert_eq!(
        rec["dateline"],
        json!({
            "text": "LONDON, May 4 (Reuters) -",
            "city": "London",
            "country": "GB",
            "date": {"year": null, "month": 5, "day": 4},
            "agency": "Reuters",
        })
    );
    assert_eq!(rec["headline"], Value::Null);
    assert_eq!(rec["lede"], Value::Null);
    assert_eq!(rec["paragraphs"], json!([]));
    assert_eq!(rec["countries"][0]["spans"], json!([[0, 6]]));
    assert_positions(&rec, text);
}

// ---------------------------------------------------------------------------------------
// 3. characters: control, escape sequences, separators, invisible, RTL, emoji, combining

#[test]
fn control_characters_and_escape_sequences_in_the_text() {
    let text = "Head \u{1b}[31mred\u{1b}[0m\n\n\
        LONDON, May 4 (Reuters) - Text \u{7} bell \u{1} and \u{1b}]0;title\u{7} osc.\n";
    let r = run_stdin(text);
    let rec = r.one_record();
    // the record holds them, JSON-escaped: no raw control byte on stdout
    assert!(
        !r.stdout[..r.stdout.len() - 1]
            .iter()
            .any(|&b| b < 0x20 || b == 0x7f),
        "raw control byte on stdout"
    );
    assert!(r.stdout().contains("\\u001b[31m"), "{}", r.stdout());
    assert_eq!(rec["headline"], json!("Head \u{1b}[31mred\u{1b}[0m"));
    assert_eq!(
        rec["lede"],
        json!("Text \u{7} bell \u{1} and \u{1b}]0;title\u{7} osc.")
    );
    assert_positions(&rec, text);
}

#[test]
fn file_names_with_escape_sequences_and_controls_are_escaped_on_stderr() {
    let dir = TempDir::new("esc-names");
    // (file name, written or missing, how stderr shows the name)
    let cases = [
        (
            "miss\u{1b}[2J.txt",
            None,
            "miss\\u{1b}[2J.txt: no such file or directory",
        ),
        (
            "empty\u{1b}]0;pwned\u{7}.txt",
            Some(""),
            "empty\\u{1b}]0;pwned\\u{7}.txt: empty input: no article to analyse",
        ),
        (
            "two\nlines.txt",
            None,
            "two\\u{a}lines.txt: no such file or directory",
        ),
        (
            "rtl\u{202E}txt.exe",
            None,
            "rtl\\u{202e}txt.exe: no such file or directory",
        ),
    ];
    for (name, content, shown) in cases {
        if let Some(c) = content {
            dir.write(name, c);
        }
        let r = run(&[dir.arg(name)], b"");
        r.assert_exit(1);
        assert_eq!(r.stdout(), "", "{name:?}");
        assert_eq!(
            r.stderr(),
            format!("wirecopy: {}/{shown}\n", s(dir.path())),
            "{name:?}"
        );
    }
    // a good file with such a name: the record names it, JSON-escaped
    let p = dir.write("good\u{1b}[31m.txt", article("esc"));
    let r = run(&[&p], b"");
    let rec = r.one_record();
    assert_eq!(rec["file"], json!(s(&p)));
    assert!(!r.stdout.contains(&0x1b), "raw ESC on stdout");
}

#[test]
fn line_and_paragraph_separators() {
    let text = "Ferry talks\u{2029}LONDON, May 4 (Reuters) - First para\u{2028}wrapped line.\
        \u{2029}Second para.\n";
    let rec = run_stdin(text).one_record();
    assert_eq!(rec["headline"], json!("Ferry talks"));
    assert_eq!(rec["dateline"]["city"], json!("London"));
    assert_eq!(
        rec["paragraphs"],
        json!(["First para wrapped line.", "Second para."])
    );
    assert_eq!(rec["countries"][0]["spans"], json!([[12, 18]]));
    assert_positions(&rec, text);
}

#[test]
fn zero_width_and_right_to_left_characters() {
    let text = "Talks\u{200B} resume \u{200F}\n\n\
        LONDON, May 4 (Reuters) - \u{202B}Text\u{202C} with \u{200D}marks \u{2067}\u{5e9}\u{2069}.\n";
    let rec = run_stdin(text).one_record();
    // kept as written: they are not whitespace
    assert_eq!(rec["headline"], json!("Talks\u{200B} resume \u{200F}"));
    assert_eq!(
        rec["lede"],
        json!("\u{202B}Text\u{202C} with \u{200D}marks \u{2067}\u{5e9}\u{2069}.")
    );
    assert_eq!(rec["countries"][0]["spans"], json!([[17, 23]]));
    assert_positions(&rec, text);
}

#[test]
fn emoji_and_combining_marks() {
    let text = "Storm \u{1F30A} hits Cafe\u{301} coast\n\n\
        LONDON, May 4 (Reuters) - The storm \u{1F44D}\u{1F3FD} hit Z\u{351}\u{351}algo town \
        \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}.\n";
    let rec = run_stdin(text).one_record();
    assert_eq!(
        rec["headline"],
        json!("Storm \u{1F30A} hits Cafe\u{301} coast")
    );
    assert_eq!(
        rec["lede"],
        json!(
            "The storm \u{1F44D}\u{1F3FD} hit Z\u{351}\u{351}algo town \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}."
        )
    );
    // offsets count code points: LONDON is the 27th (a byte offset would be 33)
    assert_eq!(rec["countries"][0]["spans"], json!([[26, 32]]));
    assert_positions(&rec, text);
}

#[test]
fn crlf_and_cr_only_line_ends() {
    let lf = article("line ends");
    let want = run_stdin(&lf).one_record();
    assert_eq!(want["headline"], json!(headline_of("line ends")));
    assert_eq!(want["paragraphs"].as_array().unwrap().len(), 2);
    for (name, text) in [
        ("CRLF", lf.replace('\n', "\r\n")),
        ("CR", lf.replace('\n', "\r")),
        (
            "mixed",
            lf.replacen('\n', "\r\n", 1).replacen('\n', "\r", 1),
        ),
    ] {
        let rec = run_stdin(&text).one_record();
        for k in ["headline", "dateline", "lede", "paragraphs", "credits"] {
            assert_eq!(rec[k], want[k], "{name}: {k}");
        }
        assert!(!rec.to_string().contains("\\r"), "{name}: CR in the record");
        assert_positions(&rec, &text);
    }
}

#[test]
fn malformed_utf16_and_stray_bytes() {
    // UTF-16LE with an odd trailing byte; a lone 0xFF in UTF-8 text
    let mut utf16 = vec![0xFF, 0xFE];
    for u in article("utf16").encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    utf16.push(b'A');
    let rec = run_stdin(&utf16).one_record();
    assert_eq!(rec["headline"], json!(headline_of("utf16")));
    assert_eq!(
        rec["warnings"],
        json!(["malformed UTF-16LE: undecodable units replaced with U+FFFD"])
    );

    let rec = run_stdin(b"A\xFF\xFE\n").one_record();
    assert_eq!(rec["lede"], json!("A\u{FF}\u{FE}"));
    assert_eq!(
        rec["warnings"],
        json!(["not valid UTF-8 (byte 0xFF at offset 1): decoded as Windows-1252"])
    );
}

#[test]
fn offsets_in_messages_count_the_byte_order_mark() {
    let rec = run_stdin(b"\xEF\xBB\xBFCaf\xE9 owners\n").one_record();
    assert_eq!(rec["lede"], json!("Caf\u{e9} owners"));
    assert_eq!(
        rec["warnings"],
        json!(["not valid UTF-8 (byte 0xE9 at offset 6): decoded as Windows-1252"])
    );
    // a UTF-8 mark, then bytes that look like a UTF-16 mark: Windows-1252, as the warning says
    let rec = run_stdin(b"\xEF\xBB\xBF\xFF\xFEAB caf\xE9\n").one_record();
    assert_eq!(rec["lede"], json!("\u{FF}\u{FE}AB caf\u{e9}"));

    let r = run_stdin(b"\xEF\xBB\xBFabc\x00def");
    r.assert_exit(1);
    assert_eq!(
        r.stderr(),
        "wirecopy: -: binary data, not text (NUL byte at offset 6)\n"
    );
}

// ---------------------------------------------------------------------------------------
// 4. the file system: permissions, symlinks, FIFOs, devices, odd names, missing files

#[test]
fn unreadable_file() {
    let dir = TempDir::new("unreadable");
    let locked = dir.write("locked.txt", article("locked"));
    let good = dir.write("good.txt", article("good"));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let r = run(&[&locked, &good], b"");
    // As root (CI runs tests as root) permissions do not block reads: then the file is
    // read like any other and only the rest is checked.
    let blocked = fs::read(&locked).is_err();
    let recs = r.records();
    if blocked {
        r.assert_exit(1);
        assert_eq!(files(&recs), [s(&good)]);
        assert_eq!(
            r.stderr(),
            format!("wirecopy: {}: permission denied\n", s(&locked))
        );
    } else {
        r.assert_exit(0);
        assert_eq!(files(&recs), [s(&locked), s(&good)]);
        assert_eq!(r.stderr(), "");
    }
    assert_eq!(recs.last().unwrap()["headline"], json!(headline_of("good")));
}

#[test]
fn symlink_loops_in_a_walked_folder_are_not_followed() {
    let dir = TempDir::new("loops");
    dir.write("a.txt", article("a"));
    dir.write("sub/b.txt", article("b"));
    dir.symlink("..", "sub/up");
    dir.symlink(".", "sub/here");
    dir.symlink(dir.join("sub"), "sub/abs");
    // a symlinked folder that looks like an article
    dir.symlink("sub", "folder.txt");
    let r = run(&[dir.arg("")], b"");
    r.assert_exit(0);
    assert_eq!(r.stderr(), "");
    let recs = r.records();
    assert_eq!(files(&recs), [dir.arg("a.txt"), dir.arg("sub/b.txt")]);
    assert_eq!(
        headlines(&recs),
        [json!(headline_of("a")), json!(headline_of("b"))]
    );
}

#[test]
fn fifo_in_a_walked_folder_is_skipped_not_waited_for() {
    let dir = TempDir::new("fifo");
    dir.write("a.txt", article("a"));
    mkfifo(&dir.join("pipe.txt"));
    dir.write("z.txt", article("z"));
    // nobody ever writes to the FIFO: opening it would block until the hang guard
    let r = run(&[dir.arg("")], b"");
    r.assert_exit(0);
    assert_eq!(r.stderr(), "");
    assert_eq!(files(&r.records()), [dir.arg("a.txt"), dir.arg("z.txt")]);
}

#[test]
fn devices_in_a_walked_folder_are_skipped() {
    let dir = TempDir::new("devices");
    dir.symlink("/dev/null", "null.txt");
    dir.symlink("/dev/zero", "zero.txt");
    dir.symlink("/dev/urandom", "random.txt");
    dir.write("real.txt", article("real"));
    // /dev/zero read to its end would never end; it is skipped, not read
    let r = run(&[dir.arg("")], b"");
    r.assert_exit(0);
    assert_eq!(r.stderr(), "");
    let recs = r.records();
    assert_eq!(files(&recs), [dir.arg("real.txt")]);
    assert_eq!(recs[0]["headline"], json!(headline_of("real")));
}

#[test]
fn device_named_explicitly_is_read_within_the_size_limit() {
    // named on the command line a device is read like a file: /dev/zero stops at the limit
    let r = run(&["--max-size", "1K", "/dev/zero", "/dev/null"], b"");
    r.assert_exit(1);
    assert_eq!(r.stdout(), "");
    assert_eq!(
        r.stderr(),
        "wirecopy: /dev/zero: larger than the size limit of 1 KiB (see --max-size)\n\
         wirecopy: /dev/null: empty input: no article to analyse\n"
    );
}

#[test]
fn file_name_that_is_not_utf8() {
    let dir = TempDir::new("non-utf8");
    let name = OsString::from_vec(b"caf\xE9-\xFF.txt".to_vec());
    dir.write(&name, article("latin-1 name"));
    let shown = dir.arg("caf\u{FFFD}-\u{FFFD}.txt");
    let warning = "file name is not valid UTF-8: \"file\" shows it with U+FFFD replacements";
    // walked and named explicitly: a record, its "file" valid JSON with U+FFFD
    for arg in [dir.join(""), dir.join(&name)] {
        let rec = run(&[&arg], b"").one_record();
        assert_eq!(rec["file"], json!(shown), "{arg:?}");
        assert_eq!(rec["headline"], json!(headline_of("latin-1 name")));
        assert_eq!(rec["warnings"], json!([warning]));
    }
    // missing: the message still names it
    let missing = dir.join(OsString::from_vec(b"gone-\xFE.txt".to_vec()));
    let r = run(&[&missing], b"");
    r.assert_exit(1);
    assert_eq!(
        r.stderr(),
        format!(
            "wirecopy: {}: no such file or directory\n",
            dir.arg("gone-\u{FFFD}.txt")
        )
    );
}

#[test]
fn missing_file_on_the_command_line() {
    let dir = TempDir::new("missing");
    let first = dir.write("first.txt", article("first"));
    let gone = dir.write("gone.txt", article("gone"));
    fs::remove_file(&gone).expect("remove");
    let r = run(&[&first, &gone], b"");
    r.assert_exit(1);
    let recs = r.records();
    assert_eq!(files(&recs), [s(&first)]);
    assert_eq!(recs[0]["headline"], json!(headline_of("first")));
    assert_eq!(
        r.stderr(),
        format!("wirecopy: {}: no such file or directory\n", s(&gone))
    );
}

#[test]
fn dangling_and_looping_symlinks_in_a_walked_folder_are_reported() {
    let dir = TempDir::new("dangling");
    dir.write("a.txt", article("a"));
    dir.symlink("nowhere.txt", "b-dangling.txt");
    dir.symlink("c-self.txt", "c-self.txt");
    dir.write("d.txt", article("d"));
    // a dangling link without a listed extension is not an input
    dir.symlink("nowhere", "e-dangling.md");
    let r = run(&[dir.arg("")], b"");
    r.assert_exit(1);
    let recs = r.records();
    assert_eq!(files(&recs), [dir.arg("a.txt"), dir.arg("d.txt")]);
    assert_eq!(
        r.stderr(),
        format!(
            "wirecopy: {}: dangling symbolic link: its target does not exist\n\
             wirecopy: {}: symbolic link cannot be followed: too many levels of symbolic \
             links (os error 40)\n",
            dir.arg("b-dangling.txt"),
            dir.arg("c-self.txt")
        )
    );
}

#[test]
fn a_batch_with_bad_inputs_loses_nothing() {
    let dir = TempDir::new("batch");
    let mut args: Vec<String> = Vec::new();
    let mut want_files = Vec::new();
    let mut want_errors = Vec::new();
    // (name, bytes or None for a dangling symlink / missing file, error if bad)
    let bad: [(&str, Option<&[u8]>, &str); 5] = [
        (
            "02-empty.txt",
            Some(b""),
            "empty input: no article to analyse",
        ),
        (
            "04-blank.txt",
            Some(b" \n\t\n"),
            "input holds only whitespace: no article to analyse",
        ),
        (
            "06-binary.txt",
            Some(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            "binary data, not text (NUL byte at offset 8)",
        ),
        ("08-missing.txt", None, "no such file or directory"),
        ("10-dangling.txt", None, "no such file or directory"),
    ];
    dir.symlink("nowhere", "10-dangling.txt");
    for i in 1..=12 {
        let name = format!("{i:02}");
        match bad.iter().find(|b| b.0.starts_with(&name)) {
            Some((file, bytes, error)) => {
                if let Some(b) = bytes {
                    dir.write(file, b);
                }
                args.push(dir.arg(file));
                want_errors.push(format!("wirecopy: {}: {error}", dir.arg(file)));
            }
            None => {
                let p = dir.write(format!("{name}-good.txt"), article(&name));
                args.push(s(&p));
                want_files.push(s(&p));
            }
        }
    }
    let r = run(&args, b"");
    r.assert_exit(1);
    let recs = r.records();
    assert_eq!(recs.len(), 12 - 5);
    assert_eq!(files(&recs), want_files);
    assert_eq!(r.stderr().lines().collect::<Vec<_>>(), want_errors);
}

/// Files are read a group at a time (about 256 KiB) before they are analysed: a batch of
/// large and small files, with bad ones among them, comes out whole and in order, each
/// record made of its own file's text, on one thread and on several.
#[test]
fn a_batch_read_in_groups_keeps_each_file_to_its_record() {
    let dir = TempDir::new("groups");
    // ~100 KB of body: three of these fill a group
    let filler = "The council said the work would continue through the spring. ".repeat(1600);
    let mut args = Vec::new();
    let mut want = Vec::new();
    let mut errors = 0;
    for i in 0..40 {
        let name = format!("{i:02}");
        let path = match i % 7 {
            // a file past the size limit, and one that is not there
            3 => {
                dir.write(format!("{name}-big.txt"), "x".repeat(300 << 10));
                errors += 1;
                dir.arg(&format!("{name}-big.txt"))
            }
            5 => {
                errors += 1;
                dir.arg(&format!("{name}-missing.txt"))
            }
            _ => {
                let mut text = article(&name);
                if i % 2 == 0 {
                    text.push_str(&format!("\n{filler}\n"));
                }
                let p = dir.write(format!("{name}-good.txt"), text);
                want.push((s(&p), headline_of(&name)));
                s(&p)
            }
        };
        args.push(path);
    }
    for threads in ["1", "2"] {
        let mut a = vec!["-j".to_string(), threads.to_string()];
        a.extend(["--max-size".to_string(), "200K".to_string()]);
        a.extend(args.iter().cloned());
        let r = run(&a, b"");
        r.assert_exit(1);
        let recs = r.records();
        let got: Vec<(String, String)> = recs
            .iter()
            .map(|r| {
                (
                    r["file"].as_str().unwrap().to_string(),
                    r["headline"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(got, want, "-j {threads}");
        assert_eq!(r.stderr().lines().count(), errors, "-j {threads}");
    }
}

// ---------------------------------------------------------------------------------------
// 5. output that goes away or fails

/// Inputs whose records are larger than a pipe buffer, so that writing blocks on a reader.
fn big_records(dir: &TempDir, n: usize) -> Vec<String> {
    let filler = "The council said the work would continue through the spring. ".repeat(2000);
    (0..n)
        .map(|i| {
            let p = dir.write(
                format!("art-{i:03}.txt"),
                format!(
                    "Headline number {i}\n\nLONDON, May 4 (Reuters) - Story {i}.\n\n{filler}\n"
                ),
            );
            s(&p)
        })
        .collect()
}

#[test]
fn stdout_closed_early_by_head() {
    let dir = TempDir::new("head");
    let mut args = vec![dir.arg("first.txt")];
    dir.write("first.txt", article("first"));
    args.extend(big_records(&dir, 3));
    let mut head = Command::new("head")
        .args(["-n", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn head");
    let into_head = head.stdin.take().expect("head stdin");
    let mut cmd = wirecopy(&args);
    cmd.stdout(into_head);
    let r = run_cmd(cmd, b"");
    let head_out = head.wait_with_output().expect("head");
    // head took the first record and left; the next write met a closed pipe: a quiet stop
    r.assert_exit(0);
    assert_eq!(r.stderr(), "");
    let line = String::from_utf8(head_out.stdout).expect("UTF-8");
    let rec: Value = serde_json::from_str(&line).expect("head's line is a record");
    assert_eq!(rec["headline"], json!(headline_of("first")));
}

#[test]
fn stdout_on_a_full_device() {
    let dir = TempDir::new("full");
    let p = dir.write("a.txt", article("a"));
    for pretty in [false, true] {
        let mut cmd = wirecopy([s(&p)]);
        if pretty {
            cmd.arg("--pretty");
        }
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("open /dev/full");
        cmd.stdout(full);
        let r = run_cmd(cmd, b"");
        r.assert_exit(1);
        assert_eq!(
            r.stderr(),
            "wirecopy: error writing output: no space left on device\n"
        );
    }
}

#[test]
fn stderr_on_a_full_device_or_a_closed_pipe() {
    let dir = TempDir::new("stderr");
    let good = dir.write("good.txt", article("good"));
    let missing = dir.arg("missing.txt");
    for sink in ["/dev/full", "closed pipe"] {
        let mut cmd = wirecopy([missing.as_str(), s(&good).as_str(), missing.as_str()]);
        if sink == "/dev/full" {
            cmd.stderr(
                fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            );
        } else {
            let (read_end, write_end) = std::io::pipe().expect("pipe");
            drop(read_end);
            cmd.stderr(write_end);
        }
        let r = run_cmd(cmd, b"");
        // the messages are lost, the run is not: exit 1 (a panic would be 101)
        assert_eq!(r.code(), Some(1), "{sink}: {:?}", r.status);
        assert_eq!(files(&r.records()), [s(&good)], "{sink}");
    }
}

// ---------------------------------------------------------------------------------------
// 6. --input jsonl

fn jsonl(v: Value) -> String {
    serde_json::to_string(&v).expect("serialise")
}

#[test]
fn jsonl_bad_lines_each_give_an_error_record_and_the_rest_goes_on() {
    let mut input: Vec<u8> = Vec::new();
    let mut line = |b: &[u8]| {
        input.extend_from_slice(b);
        input.push(b'\n');
    };
    line(jsonl(json!({"id": 1, "text": article("one")})).as_bytes()); // 1
    line(b"{\"id\": 2, \"text\": "); // 2: cut short
    line(b"not json at all"); // 3
    line(jsonl(json!({"id": 4, "body": "no text key"})).as_bytes()); // 4
    line(jsonl(json!({"id": 5, "text": null})).as_bytes()); // 5
    line(jsonl(json!({"id": 6, "text": true})).as_bytes()); // 6
    line(jsonl(json!({"id": 7, "text": 7.5})).as_bytes()); // 7
    line(jsonl(json!({"id": 8, "text": ["a", "b"]})).as_bytes()); // 8
    line(jsonl(json!({"id": 9, "text": {"t": "x"}})).as_bytes()); // 9
    line(jsonl(json!({"id": 10, "text": "nul\u{0} inside"})).as_bytes()); // 10
    line(&[b'['; 200]); // 11: nested deeper than the parser goes
    line(b"\"just a string\""); // 12
    line(b"{\"id\": 13, \"text\": \"a\\ud800b\"}"); // 13: lone surrogate
    line(jsonl(json!({"id": 14, "text": article("fourteen")})).as_bytes()); // 14
    let r = run(&["--input", "jsonl"], &input);
    r.assert_exit(1);
    let recs = r.records();
    assert_eq!(recs.len(), 14, "one record per line");
    assert_eq!(recs[0]["headline"], json!(headline_of("one")));
    assert_eq!(recs[13]["headline"], json!(headline_of("fourteen")));
    assert_eq!(recs[13]["id"], json!(14));
    // (line, id, error)
    let errors: [(u64, Value, &str); 12] = [
        (
            2,
            Value::Null,
            "not JSON (EOF while parsing a value at line 1 column 18)",
        ),
        (
            3,
            Value::Null,
            "not JSON (expected ident at line 1 column 2)",
        ),
        (4, json!(4), "no \"text\" field"),
        (5, json!(5), "\"text\" is null, expected a string"),
        (6, json!(6), "\"text\" is a boolean, expected a string"),
        (7, json!(7), "\"text\" is a number, expected a string"),
        (8, json!(8), "\"text\" is an array, expected a string"),
        (9, json!(9), "\"text\" is an object, expected a string"),
        (
            10,
            json!(10),
            "binary data, not text (NUL byte at offset 3)",
        ),
        (
            11,
            Value::Null,
            "not JSON (recursion limit exceeded at line 1 column 128)",
        ),
        (12, Value::Null, "not a JSON object: expected {\"text\": …}"),
        (
            13,
            Value::Null,
            "not JSON (unexpected end of hex escape at line 1 column 28)",
        ),
    ];
    let mut want_stderr = Vec::new();
    for (line, id, error) in errors {
        let rec = &recs[line as usize - 1];
        let mut want = json!({"schema_version": 1, "file": "-", "line": line, "error": error});
        if !id.is_null() {
            want["id"] = id;
        }
        assert_eq!(rec, &want, "line {line}");
        want_stderr.push(format!("wirecopy: -:{line}: {error}"));
    }
    assert_eq!(r.stderr().lines().collect::<Vec<_>>(), want_stderr);
}

#[test]
fn jsonl_line_with_invalid_utf8_is_read_as_windows_1252() {
    let mut input = b"{\"id\": \"latin\", \"text\": \"Caf\xE9 owners protest\\n\\nPARIS, June 3 (Reuters) - Owners of the caf\xE9 said they would \x93close\x94.\"}\n".to_vec();
    input.extend(jsonl(json!({"id": "next", "text": article("next")})).as_bytes());
    input.push(b'\n');
    let r = run(&["--input", "jsonl"], &input);
    r.assert_exit(0);
    assert_eq!(r.stderr(), "");
    let recs = r.records();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], json!("latin"));
    assert_eq!(recs[0]["headline"], json!("Caf\u{e9} owners protest"));
    assert_eq!(
        recs[0]["lede"],
        json!("Owners of the caf\u{e9} said they would \u{201c}close\u{201d}.")
    );
    assert_eq!(
        recs[0]["warnings"],
        json!([
            "line not valid UTF-8 (byte 0xE9 at offset 28 of the line): decoded as Windows-1252"
        ])
    );
    assert_eq!(recs[1]["headline"], json!(headline_of("next")));
    assert_eq!(recs[1]["warnings"], json!([]));
}

#[test]
fn jsonl_without_a_trailing_newline_and_with_a_byte_order_mark() {
    let dir = TempDir::new("jsonl-edges");
    // a UTF-8 mark before the first line (and before a later one, as `cat a b` leaves it);
    // no newline after the last line
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(jsonl(json!({"id": 1, "text": article("one")})).as_bytes());
    bytes.extend(b"\r\n\xEF\xBB\xBF");
    bytes.extend(jsonl(json!({"id": 2, "text": article("two")})).as_bytes());
    bytes.push(b'\n');
    bytes.extend(jsonl(json!({"id": 3, "text": article("three")})).as_bytes());
    let p = dir.write("feed.jsonl", &bytes);
    for (args, stdin) in [
        (vec!["--input", "jsonl"], bytes.as_slice()),
        (
            vec!["--input", "jsonl", p.to_str().unwrap()],
            b"".as_slice(),
        ),
    ] {
        let r = run(&args, stdin);
        r.assert_exit(0);
        assert_eq!(r.stderr(), "", "{args:?}");
        let recs = r.records();
        assert_eq!(
            headlines(&recs),
            [
                json!(headline_of("one")),
                json!(headline_of("two")),
                json!(headline_of("three"))
            ],
            "{args:?}"
        );
        let ids: Vec<&Value> = recs.iter().map(|r| &r["id"]).collect();
        assert_eq!(ids, [&json!(1), &json!(2), &json!(3)]);
    }
}

#[test]
fn jsonl_from_a_walked_folder_with_a_missing_and_a_bad_feed() {
    let dir = TempDir::new("jsonl-walk");
    dir.write(
        "a.jsonl",
        jsonl(json!({"id": "a1", "text": article("a1")})) + "\n{oops\n",
    );
    dir.symlink("gone.jsonl", "b.jsonl");
    dir.write("c.jsonl", jsonl(json!({"id": "c1", "text": article("c1")})));
    dir.write("d.txt", "not read: not a listed extension");
    let r = run(&["--input", "jsonl", &dir.arg("")], b"");
    r.assert_exit(1);
    let recs = r.records();
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], json!("a1"));
    assert_eq!(recs[1]["line"], json!(2));
    assert_eq!(recs[1]["file"], json!(dir.arg("a.jsonl")));
    assert_eq!(recs[2]["id"], json!("c1"));
    assert_eq!(recs[2]["file"], json!(dir.arg("c.jsonl")));
    assert_eq!(
        r.stderr(),
        format!(
            "wirecopy: {}:2: not JSON (key must be a string at line 1 column 2)\n\
             wirecopy: {}: dangling symbolic link: its target does not exist\n",
            dir.arg("a.jsonl"),
            dir.arg("b.jsonl")
        )
    );
}
