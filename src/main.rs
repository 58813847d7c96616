//! The `wirecopy` command: arguments, reading inputs, writing records, exit status.
//! Everything about articles lives in the library; see `wirecopy::analyze`.

mod cli;
mod inputs;

use clap::Parser;
use cli::{Cli, InputFormat};
use inputs::{InputError, Source};
use serde::Serialize;
use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;
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

/// Where records go: stdout, locked once, flushed after every record.
struct Out<W: Write> {
    w: W,
    pretty: bool,
}

/// Writing stopped: the reader went away (quiet) or the write failed (reported).
enum Stop {
    BrokenPipe,
    Failed(io::Error),
}

impl<W: Write> Out<W> {
    fn record<T: Serialize>(&mut self, rec: &T) -> Result<(), Stop> {
        let res = if self.pretty {
            serde_json::to_writer_pretty(&mut self.w, rec)
        } else {
            serde_json::to_writer(&mut self.w, rec)
        };
        res.map_err(io::Error::from)
            .and_then(|()| self.w.write_all(b"\n"))
            .and_then(|()| self.w.flush())
            .map_err(|e| {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    Stop::BrokenPipe
                } else {
                    Stop::Failed(e)
                }
            })
    }
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
    let mut out = Out {
        w: io::BufWriter::new(io::stdout().lock()),
        pretty: cli.pretty,
    };
    let opts = Options::default();
    let mut failed = false;
    let exts = cli.extensions();
    let result = (|| -> Result<(), Stop> {
        for item in inputs::expand(&cli.paths, &exts) {
            let source = match item {
                Ok(s) => s,
                Err((name, e)) => {
                    report(&name, &e);
                    failed = true;
                    continue;
                }
            };
            let ok = match cli.input {
                InputFormat::Text => text_input(&source, &cli, &opts, &mut out)?,
                InputFormat::Jsonl => jsonl_input(&source, &cli, &opts, &mut out)?,
            };
            failed |= !ok;
        }
        Ok(())
    })();
    match result {
        Ok(()) | Err(Stop::BrokenPipe) => {}
        Err(Stop::Failed(e)) => {
            report("error writing output", &inputs::io_cause(&e));
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// One article per input. Returns whether the input was analysed.
fn text_input<W: Write>(
    source: &Source,
    cli: &Cli,
    opts: &Options,
    out: &mut Out<W>,
) -> Result<bool, Stop> {
    let name = source.display();
    let bytes = match source.read_all(cli.max_size) {
        Ok(b) => b,
        Err(e) => {
            report(&name, &e);
            return Ok(false);
        }
    };
    let decoded = match wirecopy::decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            report(&name, &e);
            return Ok(false);
        }
    };
    let mut article = wirecopy::analyze(&decoded.text, opts);
    article.file = name;
    article.warnings.extend(source.name_warning());
    article.warnings.extend(decoded.warnings);
    out.record(&article)?;
    Ok(true)
}

/// One article per JSON line; a bad line gives an error record in its place.
fn jsonl_input<W: Write>(
    source: &Source,
    cli: &Cli,
    opts: &Options,
    out: &mut Out<W>,
) -> Result<bool, Stop> {
    let name = source.display();
    let reader = match source.open() {
        Ok(r) => r,
        Err(e) => {
            report(&name, &e);
            return Ok(false);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut all_ok = true;
    let mut buf = Vec::new();
    let mut lineno = 0u64;
    loop {
        buf.clear();
        let len = match read_line_limited(&mut reader, &mut buf, cli.max_size) {
            Ok(Some(len)) => len,
            Ok(None) => break,
            Err(e) => {
                report(&name, &InputError::Io(e));
                return Ok(false);
            }
        };
        lineno += 1;
        let line = trim_eol(&buf);
        match jsonl_article(line, len as u64 > cli.max_size, cli.max_size, opts) {
            Ok(mut article) => {
                if article.file.is_empty() {
                    article.file.clone_from(&name);
                }
                out.record(&article)?;
            }
            Err((id, cause)) => {
                all_ok = false;
                report(&format!("{name}:{lineno}"), &cause);
                out.record(&ErrorRecord {
                    schema_version: SCHEMA_VERSION,
                    file: &name,
                    line: lineno,
                    id,
                    error: cause,
                })?;
            }
        }
    }
    Ok(all_ok)
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
