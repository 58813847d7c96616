//! The `wirecopy` command: arguments, reading inputs, writing records, exit status.
//! Everything about articles lives in the library; see `wirecopy::analyze`.

mod cli;
mod inputs;

use clap::Parser;
use cli::{Cli, InputFormat};
use inputs::{InputError, Source};
use serde::Serialize;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wirecopy::batch;
use wirecopy::{Article, Options, SCHEMA_VERSION};

const SCHEMA: &str = include_str!("../schema/record.schema.json");

/// The record printed for a `--input jsonl` line that could not be analysed, so that one
/// line in is always one line out.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    schema_version: u32,
    file: &'a str,
    /// 1-based line number in that input.
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
    error: String,
}

/// Files handed to a thread at once.
const FILES_PER_JOB: usize = 8;

/// Groups an iterator's items by `size`.
struct Chunks<I> {
    inner: I,
    size: usize,
}

impl<I: Iterator> Iterator for Chunks<I> {
    type Item = Vec<I::Item>;

    fn next(&mut self) -> Option<Vec<I::Item>> {
        let chunk: Vec<I::Item> = self.inner.by_ref().take(self.size).collect();
        (!chunk.is_empty()).then_some(chunk)
    }
}

/// What one job gives the output: a record, or a failure to report (with, for a jsonl
/// line, the error record that keeps one line out per line in).
enum Outcome {
    Record {
        json: Vec<u8>,
        input_bytes: u64,
    },
    Failed {
        name: String,
        cause: String,
        record: Option<Vec<u8>>,
    },
}

/// A unit of work: an input to analyse, a jsonl line, or a failure met while listing.
enum Job {
    Text(Source),
    Line {
        name: Arc<str>,
        lineno: u64,
        bytes: Vec<u8>,
        len: usize,
    },
    Unreadable(String, InputError),
}

/// Writing stopped: the reader went away (quiet) or the write failed (reported).
enum Stop {
    BrokenPipe,
    Failed(io::Error),
}

/// Reports a failed input on stderr. A stderr that cannot be written (a closed pipe, a
/// full disk) loses the message but never stops the run: the exit status still says it.
fn report(name: &str, cause: &dyn std::fmt::Display) {
    let _ = writeln!(
        io::stderr().lock(),
        "wirecopy: {}: {}",
        terminal_safe(name),
        terminal_safe(&cause.to_string())
    );
}

/// Text for a terminal: control characters and bidirectional overrides from the input are
/// shown escaped, never passed through.
fn terminal_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.schema {
        let mut out = io::stdout().lock();
        return match out.write_all(SCHEMA.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                report("stdout", &inputs::io_cause(&e));
                ExitCode::FAILURE
            }
        };
    }
    // a panic in the library is reported as that input's failure (see `analyze_safely`),
    // not printed as a crash
    std::panic::set_hook(Box::new(|_| {}));

    let opts = Options::default();
    let exts = cli.extensions();
    let sources = inputs::expand(&cli.paths, &exts);
    // files are all there to be read: hand them to the threads a few at a time, which
    // saves synchronisation; jsonl lines may trickle in from a stream: one at a time
    let (jobs, chunk): (Box<dyn Iterator<Item = Job> + Send + '_>, usize) = match cli.input {
        InputFormat::Text => (
            Box::new(sources.map(|item| match item {
                Ok(s) => Job::Text(s),
                Err((name, e)) => Job::Unreadable(name, e),
            })),
            FILES_PER_JOB,
        ),
        InputFormat::Jsonl => (Box::new(JsonlJobs::new(sources, cli.max_size)), 1),
    };
    let jobs = Chunks {
        inner: jobs,
        size: chunk,
    };

    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut progress = Progress::new(!cli.quiet && io::stderr().is_terminal());
    let stop = batch::run_ordered(
        jobs,
        cli.thread_count(),
        |jobs: Vec<Job>| {
            jobs.into_iter()
                .map(|job| work(job, &cli, &opts))
                .collect::<Vec<_>>()
        },
        |outcomes| {
            for outcome in outcomes {
                let written = match outcome {
                    Outcome::Record { json, input_bytes } => {
                        progress.article(input_bytes, false);
                        write_record(&mut out, &json)
                    }
                    Outcome::Failed {
                        name,
                        cause,
                        record,
                    } => {
                        progress.clear();
                        report(&name, &cause);
                        progress.article(0, true);
                        match record {
                            Some(json) => write_record(&mut out, &json),
                            None => Ok(()),
                        }
                    }
                };
                if let Err(stop) = written {
                    return ControlFlow::Break(stop);
                }
            }
            ControlFlow::Continue(())
        },
    );
    progress.finish(cli.stats);
    match stop {
        None | Some(Stop::BrokenPipe) => {}
        Some(Stop::Failed(e)) => {
            report("error writing output", &inputs::io_cause(&e));
            return ExitCode::FAILURE;
        }
    }
    if progress.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes one record and flushes it, so a pipeline sees records as they come.
fn write_record<W: Write>(out: &mut W, json: &[u8]) -> Result<(), Stop> {
    out.write_all(json)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == io::ErrorKind::BrokenPipe {
                Stop::BrokenPipe
            } else {
                Stop::Failed(e)
            }
        })
}

/// Serializes a record, compact or indented.
fn to_json<T: Serialize>(rec: &T, pretty: bool) -> Vec<u8> {
    let res = if pretty {
        serde_json::to_vec_pretty(rec)
    } else {
        serde_json::to_vec(rec)
    };
    // records are plain data: serialization cannot fail
    res.unwrap_or_default()
}

/// Runs the library on one text, turning a panic (a bug) into that input's failure.
fn analyze_safely(text: &str, opts: &Options) -> Result<Article, String> {
    std::panic::catch_unwind(AssertUnwindSafe(|| wirecopy::analyze(text, opts))).map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("internal error while analysing this input (please report it): {what}")
    })
}

/// Does one job (on a worker thread).
fn work(job: Job, cli: &Cli, opts: &Options) -> Outcome {
    match job {
        Job::Unreadable(name, e) => Outcome::Failed {
            name,
            cause: e.to_string(),
            record: None,
        },
        Job::Text(source) => text_input(&source, cli, opts),
        Job::Line {
            name,
            lineno,
            bytes,
            len,
        } => {
            let line = trim_eol(&bytes);
            match jsonl_article(line, len as u64 > cli.max_size, cli.max_size, opts) {
                Ok(mut article) => {
                    if article.file.is_empty() {
                        article.file = name.to_string();
                    }
                    Outcome::Record {
                        json: to_json(&article, cli.pretty),
                        input_bytes: len as u64,
                    }
                }
                Err((id, cause)) => {
                    let record = to_json(
                        &ErrorRecord {
                            schema_version: SCHEMA_VERSION,
                            file: &name,
                            line: lineno,
                            id,
                            error: cause.clone(),
                        },
                        cli.pretty,
                    );
                    Outcome::Failed {
                        name: format!("{name}:{lineno}"),
                        cause,
                        record: Some(record),
                    }
                }
            }
        }
    }
}

/// One article per input.
fn text_input(source: &Source, cli: &Cli, opts: &Options) -> Outcome {
    let name = source.display();
    let failed = |name: String, cause: String| Outcome::Failed {
        name,
        cause,
        record: None,
    };
    let bytes = match source.read_all(cli.max_size) {
        Ok(b) => b,
        Err(e) => return failed(name, e.to_string()),
    };
    let decoded = match wirecopy::decode(&bytes) {
        Ok(d) => d,
        Err(e) => return failed(name, e.to_string()),
    };
    let mut article = match analyze_safely(&decoded.text, opts) {
        Ok(a) => a,
        Err(e) => return failed(name, e),
    };
    article.file = name;
    article.warnings.extend(source.name_warning());
    article.warnings.extend(decoded.warnings);
    Outcome::Record {
        json: to_json(&article, cli.pretty),
        input_bytes: bytes.len() as u64,
    }
}

type LineReader = BufReader<Box<dyn io::Read + Send>>;

/// The lines of jsonl inputs as jobs, read lazily (on the thread that lists the inputs).
struct JsonlJobs<'a> {
    sources: Box<dyn Iterator<Item = inputs::Item> + Send + 'a>,
    /// The input being read: its name, reader and lines read so far.
    current: Option<(Arc<str>, LineReader, u64)>,
    limit: u64,
}

impl<'a> JsonlJobs<'a> {
    fn new(sources: Box<dyn Iterator<Item = inputs::Item> + Send + 'a>, limit: u64) -> Self {
        JsonlJobs {
            sources,
            current: None,
            limit,
        }
    }
}

impl Iterator for JsonlJobs<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((name, reader, lineno)) = &mut self.current {
                let mut buf = Vec::new();
                match read_line_limited(reader, &mut buf, self.limit) {
                    Ok(Some(len)) => {
                        *lineno += 1;
                        return Some(Job::Line {
                            name: Arc::clone(name),
                            lineno: *lineno,
                            bytes: buf,
                            len,
                        });
                    }
                    Ok(None) => self.current = None,
                    Err(e) => {
                        let name = name.to_string();
                        self.current = None;
                        return Some(Job::Unreadable(name, InputError::Io(e)));
                    }
                }
            }
            match self.sources.next()? {
                Ok(source) => match source.open() {
                    Ok(r) => {
                        let name: Arc<str> = source.display().into();
                        self.current = Some((name, BufReader::with_capacity(1 << 16, r), 0));
                    }
                    Err(e) => return Some(Job::Unreadable(source.display(), e)),
                },
                Err((name, e)) => return Some(Job::Unreadable(name, e)),
            }
        }
    }
}

/// Counts, and the progress line on a terminal.
struct Progress {
    shown: bool,
    articles: u64,
    failed: u64,
    bytes: u64,
    started: Instant,
    last_drawn: Instant,
}

impl Progress {
    fn new(shown: bool) -> Self {
        let now = Instant::now();
        Progress {
            shown,
            articles: 0,
            failed: 0,
            bytes: 0,
            started: now,
            last_drawn: now,
        }
    }

    fn article(&mut self, bytes: u64, failed: bool) {
        self.articles += 1;
        self.failed += u64::from(failed);
        self.bytes += bytes;
        if self.shown && self.last_drawn.elapsed() >= Duration::from_millis(200) {
            self.last_drawn = Instant::now();
            let _ = write!(io::stderr().lock(), "\r\x1b[K{}", self.line());
        }
    }

    fn line(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        format!(
            "wirecopy: {} inputs, {} failed, {:.1} MB in {:.2} s ({:.1} MB/s)",
            self.articles,
            self.failed,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        )
    }

    fn clear(&self) {
        if self.shown {
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
        }
    }

    fn finish(&self, stats: bool) {
        self.clear();
        if stats {
            let _ = writeln!(io::stderr().lock(), "{}", self.line());
        }
    }
}

/// Reads one line (through '\n') into `buf`, keeping at most `limit + 1` bytes of it but
/// consuming all of it. Returns the line's length without its '\n', None at end of input.
fn read_line_limited<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Option<usize>> {
    let mut total = 0usize;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok((total > 0).then_some(total));
        }
        let (take, done) = match memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = usize::try_from(limit)
            .unwrap_or(usize::MAX)
            .saturating_add(2);
        let room = room.saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        total += take;
        r.consume(take);
        if done {
            return Ok(Some(total - 1));
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Analyses one JSON line, or says why it cannot be (with the line's id, if it had one).
fn jsonl_article(
    line: &[u8],
    too_large: bool,
    limit: u64,
    opts: &Options,
) -> Result<Article, (Option<serde_json::Value>, String)> {
    if too_large {
        return Err((None, InputError::TooLarge { limit }.to_string()));
    }
    // a byte-order mark, as some Windows tools write (also where files were concatenated)
    let (bom, line) = match line.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, line),
    };
    // JSON is UTF-8; a line that is not is read as Windows-1252, as text inputs are
    let mut warnings = Vec::new();
    let recoded;
    let line = match std::str::from_utf8(line) {
        Ok(_) => line,
        Err(e) => {
            let at = e.valid_up_to();
            warnings.push(format!(
                "line not valid UTF-8 (byte 0x{:02X} at offset {} of the line): \
                 decoded as Windows-1252",
                line[at],
                bom + at
            ));
            recoded = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(line)
                .0;
            recoded.as_bytes()
        }
    };
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| {
        let what = if line.iter().all(u8::is_ascii_whitespace) {
            "empty line: expected a JSON object with \"text\"".to_string()
        } else {
            format!("not JSON ({e})")
        };
        (None, what)
    })?;
    let serde_json::Value::Object(mut obj) = value else {
        return Err((
            None,
            "not a JSON object: expected {\"text\": …}".to_string(),
        ));
    };
    let id = obj.remove("id");
    let text = match obj.remove("text") {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => {
            let kind = match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Array(_) => "an array",
                _ => "an object",
            };
            return Err((id, format!("\"text\" is {kind}, expected a string")));
        }
        None => return Err((id, "no \"text\" field".to_string())),
    };
    let decoded = wirecopy::decode(text.as_bytes()).map_err(|e| (id.clone(), e.to_string()))?;
    let mut article = wirecopy::analyze(&decoded.text, opts);
    if let Some(serde_json::Value::String(f)) = obj.remove("file") {
        article.file = f;
    }
    article.id = id;
    article.warnings.extend(warnings);
    article.warnings.extend(decoded.warnings);
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_is_escaped() {
        let cases = [
            ("plain name.txt", "plain name.txt"),
            ("bad\u{1b}[31mred", "bad\\u{1b}[31mred"),
            ("rtl\u{202E}txt", "rtl\\u{202e}txt"),
            ("tab\there", "tab\\u{9}here"),
        ];
        for (input, want) in cases {
            assert_eq!(terminal_safe(input), want);
        }
    }

    #[test]
    fn long_lines_are_consumed_whole() {
        let data = b"0123456789\nab\n".to_vec();
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 3).unwrap(), Some(10));
        assert_eq!(buf, b"01234");
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 3).unwrap(), Some(2));
        assert_eq!(buf, b"ab\n");
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 3).unwrap(), None);
    }
}
