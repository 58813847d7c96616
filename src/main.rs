//! The `wirecopy` command: arguments, reading inputs, writing records, exit status.
//! Everything about articles lives in the library; see `wirecopy::analyze`.

mod cli;
mod inputs;

use clap::{CommandFactory, Parser};
use cli::{Cli, Command, Format, InputArgs, InputFormat};
use inputs::{InputError, Source};
use serde::Serialize;
use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::ops::{ControlFlow, Range};
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use wirecopy::batch;
use wirecopy::render::{html, terminal_safe, text, tsv};
use wirecopy::stats::Summary;
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

/// Files handed to a thread at once: each hand-over costs thread wake-ups and context
/// switches (with 16, two cores ran Reuters-21578 about 4% slower). A job's records are
/// held until it is done, so larger jobs hold more; 64 ran no faster than 32 on two cores.
const FILES_PER_JOB: usize = 32;

/// Groups an iterator's items by `size`.
struct Chunks<I> {
    inner: I,
    size: usize,
}

impl<I: Iterator> Iterator for Chunks<I> {
    type Item = Vec<I::Item>;

    fn next(&mut self) -> Option<Vec<I::Item>> {
        // made at its size: collected from `take`, it would be grown step by step
        let mut chunk = Vec::with_capacity(self.size);
        chunk.extend(self.inner.by_ref().take(self.size));
        (!chunk.is_empty()).then_some(chunk)
    }
}

/// What one job gives the output: a record, or a failure to report (with, for a jsonl
/// line in a JSON format, the error record that keeps one line out per line in).
enum Outcome {
    Record {
        out: Payload,
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

/// A record as the output side takes it: rendered on the worker, or (for `stats`) the
/// article to count.
enum Payload {
    Bytes(Vec<u8>),
    Article(Box<Article>),
    /// A compact JSON record and its line end, rendered straight into the output buffer
    /// (with one thread: see [`Settings::inline`]).
    Written,
}

/// What is made of each article.
#[derive(Debug, Clone, Copy)]
enum Render {
    /// JSON records, compact or indented, one after the other or in one array.
    Json {
        pretty: bool,
        array: bool,
    },
    /// The text view, coloured or not.
    Text {
        color: bool,
    },
    Tsv,
    Html,
    /// Nothing printed per article: counted for `wirecopy stats`.
    Count,
}

impl Render {
    /// Renders one article; `input` is the text its offsets refer to. A panic (a bug)
    /// becomes an error, as in [`analyze_safely`]. With `inline`, a compact JSON record is
    /// written straight into this thread's [`OUTPUT`] (nothing of it is left there on a
    /// panic), which saves a buffer and a copy per record.
    fn article(self, article: Article, input: &str, inline: bool) -> Result<Payload, String> {
        if inline
            && let Render::Json {
                pretty: false,
                array: false,
            } = self
        {
            let start = OUTPUT.with_borrow(Vec::len);
            let done = safely("printing", || {
                OUTPUT.with_borrow_mut(|buf| {
                    buf.reserve(expected_json(input) + 1);
                    wirecopy::record::write_json(&article, buf);
                    buf.push(b'\n');
                })
            });
            if done.is_err() {
                OUTPUT.with_borrow_mut(|buf| buf.truncate(start));
            }
            return done.map(|()| Payload::Written);
        }
        safely("printing", || {
            Payload::Bytes(match self {
                // the same bytes as `to_json`, faster
                Render::Json { pretty: false, .. } if expected_json(input) <= BUFFER_KEPT => {
                    RENDER_BUFFER.with_borrow_mut(|buf| {
                        buf.clear();
                        buf.reserve(expected_json(input));
                        wirecopy::record::write_json(&article, buf);
                        let record = buf.as_slice().to_vec();
                        // one that outgrew its expected size is let go
                        if buf.capacity() > BUFFER_KEPT {
                            *buf = Vec::new();
                        }
                        record
                    })
                }
                // a large record is not copied: its buffer is the largest of the moment
                Render::Json { pretty: false, .. } => {
                    let mut buf = Vec::with_capacity(expected_json(input));
                    wirecopy::record::write_json(&article, &mut buf);
                    buf
                }
                Render::Json { pretty: true, .. } => {
                    to_json_sized(&article, true, expected_json(input))
                }
                Render::Text { color } => text::article(&article, color).into_bytes(),
                Render::Tsv => tsv::rows(&article).into_bytes(),
                Render::Html => html::article(&article, input).into_bytes(),
                Render::Count => return Payload::Article(Box::new(article)),
            })
        })
    }
}

/// Everything a worker needs besides the job.
struct Settings<'a> {
    input: &'a InputArgs,
    render: Render,
    opts: Options,
    /// Records are rendered on the thread that writes them (one thread: jobs run inline),
    /// so [`Render::article`] may write them straight into the output buffer.
    inline: bool,
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

/// mimalloc: the analysis makes many small allocations, which cost it a few instructions
/// each (6% less time than glibc's malloc on Reuters-21578); with no delay before freed
/// pages go back to the system, peak memory does not creep up over a long batch.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc through its plain entry points where the alignment asked for is one every
/// block has (a word): `mimalloc::MiMalloc` always takes the aligned ones, whose extra
/// checks cost about 2% of the instructions of a batch.
struct Mimalloc;

/// The alignment of every block mimalloc hands out (block sizes are whole words).
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each call goes to mimalloc, which meets the layout's alignment: a plain call is
// made only for an alignment of at most a word, which all its blocks have; `dealloc` and
// `realloc` get pointers that it returned.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: mimalloc's allocation functions take any size and power-of-two alignment
        unsafe {
            if layout.align() <= WORD {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as in `alloc`
        unsafe {
            if layout.align() <= WORD {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from mimalloc (the caller's contract)
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: `ptr` came from mimalloc with `layout` (the caller's contract)
        unsafe {
            if layout.align() <= WORD {
                mi::mi_realloc(ptr.cast(), size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), size, layout.align()).cast()
            }
        }
    }
}

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e` (mimalloc.h, the same in
/// mimalloc 2 and 3; libmimalloc-sys names the options around it but not this one).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // SAFETY: sets one of the allocator's options by number; it takes any value and may be
    // set at any time (here, before any other thread starts).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "wirecopy", &mut buf);
            return print_all(&buf);
        }
        Some(Command::Man) => {
            let mut buf = Vec::new();
            // rendering into memory cannot fail
            let _ = clap_mangen::Man::new(Cli::command()).render(&mut buf);
            return print_all(&buf);
        }
        Some(Command::Stats(args)) => {
            let mut summary = Summary::default();
            let code = convert(&args.input, Render::Count, Some(&mut summary), false);
            let report = summary.report(args.top);
            let text = if args.json {
                let mut json = to_json(&report, true);
                json.push(b'\n');
                json
            } else {
                report.table().into_bytes()
            };
            return match print_all(&text) {
                ExitCode::SUCCESS => code,
                failed => failed,
            };
        }
        None => {}
    }
    if cli.schema {
        return print_all(SCHEMA.as_bytes());
    }
    if cli.pretty && !matches!(cli.format, Format::Jsonl | Format::Json) {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--pretty applies to the JSON formats (jsonl, json) only",
            )
            .exit();
    }
    let render = match cli.format {
        Format::Jsonl => Render::Json {
            pretty: cli.pretty,
            array: false,
        },
        Format::Json => Render::Json {
            pretty: true,
            array: true,
        },
        Format::Text => Render::Text {
            color: cli.color.enabled(
                io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
            ),
        },
        Format::Tsv => Render::Tsv,
        Format::Html => Render::Html,
    };
    convert(&cli.input, render, None, cli.stats)
}

/// Writes all of `bytes` to stdout; a reader that went away is not an error.
fn print_all(bytes: &[u8]) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            report("stdout", &inputs::io_cause(&e));
            ExitCode::FAILURE
        }
    }
}

/// Output size at which what is buffered is written out.
const OUTPUT_CHUNK: usize = 1 << 16;

thread_local! {
    /// The output not yet written, on the thread that writes it (see [`Output`]).
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// A worker's buffer for rendering a record, which is then copied out at its size: a
    /// record waits in the batch window until it is written, and its buffer would be made
    /// for the longest record its input could give (about twice what it holds), so a
    /// reader that lags would let the window hold twice the memory its records need.
    /// Records expected to be larger than [`BUFFER_KEPT`] are rendered on their own.
    static RENDER_BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Writes the records in their format: what comes before the first, between two and
/// after the last (a TSV header, a JSON array's brackets, the HTML page's head and tail).
///
/// Output is buffered in this thread's [`OUTPUT`] and written out in chunks of about
/// [`OUTPUT_CHUNK`] bytes and at each [`Output::flush`]; with one thread, compact JSON
/// records are rendered straight into it ([`Payload::Written`]).
struct Output<W: Write> {
    out: W,
    render: Render,
    records: u64,
}

impl<W: Write> Output<W> {
    fn begin(out: W, render: Render) -> Result<Self, Stop> {
        OUTPUT.with_borrow_mut(Vec::clear);
        let mut o = Output {
            out,
            render,
            records: 0,
        };
        match render {
            Render::Json { array: true, .. } => o.put(b"[\n")?,
            Render::Tsv => o.put(tsv::HEADER.as_bytes())?,
            Render::Html => o.put(html::page_start().as_bytes())?,
            _ => {}
        }
        Ok(o)
    }

    /// Writes one record (see [`Output::flush`]).
    fn record(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        let first = self.records == 0;
        self.records += 1;
        match self.render {
            Render::Json { array: true, .. } if !first => self.put(b",\n")?,
            Render::Json { array: false, .. } => {}
            Render::Text { .. } if !first => self.put(b"\n")?,
            _ => {}
        }
        self.put(bytes)?;
        if let Render::Json { array: false, .. } = self.render {
            self.put(b"\n")?;
        }
        Ok(())
    }

    /// Counts a record already in the buffer, as [`Output::record`] would have put it
    /// (compact JSON lines only).
    fn written(&mut self) -> Result<(), Stop> {
        self.records += 1;
        self.write_full()
    }

    /// Passes on what was written, after each job's records (a few files, or one jsonl
    /// line), so a pipeline sees records as they come.
    fn flush(&mut self) -> Result<(), Stop> {
        self.write_out()?;
        self.out.flush().map_err(Stop::from)
    }

    fn end(mut self) -> Result<(), Stop> {
        match self.render {
            Render::Json { array: true, .. } if self.records > 0 => self.put(b"\n]\n")?,
            Render::Json { array: true, .. } => self.put(b"]\n")?,
            Render::Html => self.put(html::page_end().as_bytes())?,
            _ => {}
        }
        self.flush()
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        OUTPUT.with_borrow_mut(|buf| buf.extend_from_slice(bytes));
        self.write_full()
    }

    /// Writes the buffer out once it holds a chunk.
    fn write_full(&mut self) -> Result<(), Stop> {
        if OUTPUT.with_borrow(Vec::len) >= OUTPUT_CHUNK {
            self.write_out()?;
        }
        Ok(())
    }

    /// Writes out (and empties) the buffer.
    fn write_out(&mut self) -> Result<(), Stop> {
        OUTPUT.with_borrow_mut(|buf| {
            let res = self.out.write_all(buf);
            buf.clear();
            res.map_err(Stop::from)
        })
    }
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::BrokenPipe
        } else {
            Stop::Failed(e)
        }
    }
}

/// Reads, analyses and prints (or counts into `summary`) every input; returns the exit
/// status.
fn convert(
    args: &InputArgs,
    render: Render,
    mut summary: Option<&mut Summary>,
    stats_line: bool,
) -> ExitCode {
    // a panic in the library is reported as that input's failure (see `analyze_safely`),
    // not printed as a crash
    std::panic::set_hook(Box::new(|_| {}));
    let settings = Settings {
        input: args,
        render,
        opts: Options::default(),
        inline: args.thread_count() <= 1,
    };
    let exts = args.extensions();
    let sources = inputs::expand(&args.paths, &exts);
    // files are all there to be read: hand them to the threads a few at a time, which
    // saves synchronisation; jsonl lines may trickle in from a stream: one at a time
    let (jobs, chunk): (Box<dyn Iterator<Item = Job> + Send + '_>, usize) = match args.input_format
    {
        InputFormat::Text => (
            Box::new(sources.map(|item| match item {
                Ok(s) => Job::Text(s),
                Err((name, e)) => Job::Unreadable(name, e),
            })),
            FILES_PER_JOB,
        ),
        InputFormat::Jsonl => (Box::new(JsonlJobs::new(sources, args.max_size)), 1),
    };
    let jobs = Chunks {
        inner: jobs,
        size: chunk,
    };

    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let stop = match Output::begin(io::stdout().lock(), render) {
        Err(stop) => Some(stop),
        Ok(mut out) => {
            let stop = batch::run_ordered(
                jobs,
                args.thread_count(),
                |jobs: Vec<Job>| work_all(jobs, &settings),
                |outcomes| {
                    for outcome in outcomes {
                        let written = match outcome {
                            Outcome::Record {
                                out: payload,
                                input_bytes,
                            } => {
                                progress.article(input_bytes, false);
                                match payload {
                                    Payload::Bytes(bytes) => out.record(&bytes),
                                    Payload::Written => out.written(),
                                    Payload::Article(a) => {
                                        if let Some(s) = summary.as_deref_mut() {
                                            s.add(&a);
                                        }
                                        Ok(())
                                    }
                                }
                            }
                            Outcome::Failed {
                                name,
                                cause,
                                record,
                            } => {
                                progress.clear();
                                report(&name, &cause);
                                progress.article(0, true);
                                if let Some(s) = summary.as_deref_mut() {
                                    s.add_failure();
                                }
                                match record {
                                    Some(json) => out.record(&json),
                                    None => Ok(()),
                                }
                            }
                        };
                        if let Err(stop) = written {
                            return ControlFlow::Break(stop);
                        }
                    }
                    match out.flush() {
                        Ok(()) => ControlFlow::Continue(()),
                        Err(stop) => ControlFlow::Break(stop),
                    }
                },
            );
            match stop {
                Some(stop) => Some(stop),
                None => out.end().err(),
            }
        }
    };
    progress.finish(stats_line);
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

/// Serializes a record, compact or indented (an article in compact JSON goes through
/// [`wirecopy::record::write_json`] instead).
fn to_json<T: Serialize>(rec: &T, pretty: bool) -> Vec<u8> {
    to_json_sized(rec, pretty, 0)
}

/// At least the size of nearly every article's JSON record, so that its buffer is made once
/// and never grown (and copied). Records average 2.8 times their input on Reuters-21578
/// (paragraphs, quotes and escapes); three times plus 2 KB covers all of them, where twice
/// plus 1 KB left a fifth to grow.
fn expected_json(input: &str) -> usize {
    3 * input.len() + 2048
}

/// [`to_json`] into a buffer made for about `expected` bytes, which saves growing it step
/// by step.
fn to_json_sized<T: Serialize>(rec: &T, pretty: bool, expected: usize) -> Vec<u8> {
    let mut buf = Vec::with_capacity(expected);
    let res = if pretty {
        serde_json::to_writer_pretty(&mut buf, rec)
    } else {
        serde_json::to_writer(&mut buf, rec)
    };
    // records are plain data: serialization cannot fail
    match res {
        Ok(()) => buf,
        Err(_) => Vec::new(),
    }
}

/// Runs the library on one text, turning a panic (a bug) into that input's failure.
fn analyze_safely(text: &str, opts: &Options) -> Result<Article, String> {
    safely("analysing", || wirecopy::analyze(text, opts))
}

/// Runs `f`, turning a panic into an error message saying what was being `done`.
fn safely<T>(doing: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("internal error while {doing} this input (please report it): {what}")
    })
}

/// How many bytes of files a thread reads before it analyses them. Files are read a group
/// at a time, then analysed one after another: taking turns between the kernel's reading
/// and the analysis at every file costs each of them its warm caches and branch history.
/// A file that takes the group past this size is the group's last.
const READ_AHEAD: usize = 256 << 10;

/// A job whose input has been read: where its bytes are in the read buffer, or why it
/// could not be read (a job with nothing to read has an empty range).
type ReadJob = (Job, Result<Range<usize>, InputError>);

/// Does a batch of jobs (on a worker thread) and gives their outcomes in order. Files are
/// read into this thread's [`READ_BUFFER`] a group at a time (see [`READ_AHEAD`]), then
/// analysed.
fn work_all(jobs: Vec<Job>, settings: &Settings) -> Vec<Outcome> {
    READ_BUFFER.with_borrow_mut(|buf| {
        let mut outcomes = Vec::with_capacity(jobs.len());
        let mut group: Vec<ReadJob> = Vec::new();
        for job in jobs {
            match job {
                Job::Text(source) => {
                    let read = source.read_append(settings.input.max_size, buf);
                    group.push((Job::Text(source), read));
                    if buf.len() >= READ_AHEAD {
                        work_group(&mut group, buf, settings, &mut outcomes);
                    }
                }
                job => group.push((job, Ok(0..0))),
            }
        }
        work_group(&mut group, buf, settings, &mut outcomes);
        outcomes
    })
}

/// Analyses the jobs of `group`, read into `buf`, and empties both.
fn work_group(
    group: &mut Vec<ReadJob>,
    buf: &mut Vec<u8>,
    settings: &Settings,
    outcomes: &mut Vec<Outcome>,
) {
    for (job, read) in group.drain(..) {
        outcomes.push(match job {
            Job::Text(source) => text_input(&source, read, buf, settings),
            job => work(job, settings),
        });
    }
    buf.clear();
    // one grown for a large input is let go
    if buf.capacity() > BUFFER_KEPT {
        *buf = Vec::with_capacity(READ_AHEAD);
    }
}

/// The outcome of one job.
fn work(job: Job, settings: &Settings) -> Outcome {
    let args = settings.input;
    match job {
        Job::Unreadable(name, e) => Outcome::Failed {
            name,
            cause: e.to_string(),
            record: None,
        },
        // read on its own (`work_all` reads a group of them at once)
        Job::Text(source) => {
            let mut buf = Vec::new();
            let read = source.read_append(args.max_size, &mut buf);
            text_input(&source, read, &buf, settings)
        }
        Job::Line {
            name,
            lineno,
            bytes,
            len,
        } => {
            let line = trim_eol(&bytes);
            let too_large = len as u64 > args.max_size;
            let rendered = jsonl_article(line, too_large, args.max_size, &settings.opts).and_then(
                |(mut article, text)| {
                    if article.file.is_empty() {
                        article.file = name.to_string();
                    }
                    let id = article.id.clone();
                    settings
                        .render
                        .article(article, &text, settings.inline)
                        .map_err(|e| (id, e))
                },
            );
            match rendered {
                Ok(out) => Outcome::Record {
                    out,
                    input_bytes: len as u64,
                },
                Err((id, cause)) => {
                    let record = match settings.render {
                        Render::Json { pretty, .. } => Some(to_json(
                            &ErrorRecord {
                                schema_version: SCHEMA_VERSION,
                                file: &name,
                                line: lineno,
                                id,
                                error: cause.clone(),
                            },
                            pretty,
                        )),
                        _ => None,
                    };
                    Outcome::Failed {
                        name: format!("{name}:{lineno}"),
                        cause,
                        record,
                    }
                }
            }
        }
    }
}

/// Largest per-thread buffer (the read buffer, a worker's render buffer) kept for the next
/// input; one grown past it for a large input is let go.
const BUFFER_KEPT: usize = 1 << 20;

thread_local! {
    /// The buffer a group of inputs is read into, kept from one group to the next on each
    /// thread (see [`work_all`]).
    static READ_BUFFER: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(READ_AHEAD));
}

/// One article per input: the outcome of `source`, whose reading gave `read` (where its
/// bytes are in `buf`, or why it could not be read).
fn text_input(
    source: &Source,
    read: Result<Range<usize>, InputError>,
    buf: &[u8],
    settings: &Settings,
) -> Outcome {
    let (name, name_warning) = source.display_and_warning();
    let failed = |name: String, cause: String| Outcome::Failed {
        name,
        cause,
        record: None,
    };
    let bytes = match read {
        Ok(range) => &buf[range],
        Err(e) => return failed(name, e.to_string()),
    };
    let decoded = match wirecopy::decode(bytes) {
        Ok(d) => d,
        Err(e) => return failed(name, e.to_string()),
    };
    let mut article = match analyze_safely(&decoded.text, &settings.opts) {
        Ok(a) => a,
        Err(e) => return failed(name, e),
    };
    // the name goes into the record; a failure to print it (rare) makes it again
    article.file = name;
    article.warnings.extend(name_warning);
    article.warnings.extend(decoded.warnings);
    match settings
        .render
        .article(article, &decoded.text, settings.inline)
    {
        Ok(out) => Outcome::Record {
            out,
            input_bytes: bytes.len() as u64,
        },
        Err(e) => failed(source.display(), e),
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

/// Analyses one JSON line (giving the article and the text its offsets refer to), or says
/// why it cannot be (with the line's id, if it had one).
fn jsonl_article(
    line: &[u8],
    too_large: bool,
    limit: u64,
    opts: &Options,
) -> Result<(Article, String), (Option<serde_json::Value>, String)> {
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
    let mut article = analyze_safely(&decoded.text, opts).map_err(|e| (id.clone(), e))?;
    if let Some(serde_json::Value::String(f)) = obj.remove("file") {
        article.file = f;
    }
    article.id = id;
    article.warnings.extend(warnings);
    article.warnings.extend(decoded.warnings);
    // the text the offsets refer to: the line's own text unless decoding changed it
    let input = match decoded.text {
        Cow::Borrowed(b) if b.len() == text.len() => text,
        other => other.into_owned(),
    };
    Ok((article, input))
}

#[cfg(test)]
mod tests {
    use super::*;

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
