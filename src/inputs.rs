//! Inputs: turning PATH arguments into a sorted stream of sources, and reading them within
//! the size limit.
//!
//! Directories are walked recursively with entries sorted by name; hidden entries (a name
//! starting with ".") are skipped; only regular files (or symlinks to them) whose extension
//! is listed are read; symlinked directories are not followed, so a symlink loop cannot
//! trap the walk. FIFOs, sockets and devices met in a walk (also through a symlink) are
//! skipped; named explicitly they are read like files. A symlink with a listed extension
//! that leads nowhere (its target is gone, or it loops) is reported, not skipped.

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input to analyse.
#[derive(Debug, Clone)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name shown in records and messages: "-" for stdin, the path as given.
    pub fn display(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.to_string_lossy().into_owned(),
        }
    }

    /// A warning when the path is not valid UTF-8 (the shown name is then lossy).
    pub fn name_warning(&self) -> Option<String> {
        match self {
            Source::File(p) if p.to_str().is_none() => Some(
                "file name is not valid UTF-8: \"file\" shows it with U+FFFD replacements"
                    .to_string(),
            ),
            _ => None,
        }
    }

    /// Opens the source for reading.
    pub fn open(&self) -> Result<Box<dyn Read + Send>, InputError> {
        match self {
            // not locked: the handle is moved to the thread that reads the inputs
            Source::Stdin => Ok(Box::new(io::stdin())),
            Source::File(p) => {
                let f = fs::File::open(p).map_err(InputError::Io)?;
                if f.metadata().map_err(InputError::Io)?.is_dir() {
                    return Err(InputError::IsDirectory);
                }
                Ok(Box::new(f))
            }
        }
    }

    /// Reads the whole source, refusing more than `limit` bytes.
    pub fn read_all(&self, limit: u64) -> Result<Vec<u8>, InputError> {
        let r = self.open()?;
        // a file's size, when known, sizes the buffer: one read instead of a dozen
        let size_hint = match self {
            Source::File(p) => fs::metadata(p).map_or(0, |m| m.len()),
            Source::Stdin => 0,
        };
        let mut buf = Vec::with_capacity(usize::try_from(size_hint.min(limit) + 1).unwrap_or(0));
        r.take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(InputError::Io)?;
        if buf.len() as u64 > limit {
            return Err(InputError::TooLarge { limit });
        }
        Ok(buf)
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    Io(io::Error),
    IsDirectory,
    TooLarge { limit: u64 },
    Walk(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => f.write_str(&io_cause(e)),
            InputError::IsDirectory => f.write_str("is a directory"),
            InputError::TooLarge { limit } => write!(
                f,
                "larger than the size limit of {} (see --max-size)",
                human_size(*limit)
            ),
            InputError::Walk(m) => f.write_str(m),
        }
    }
}

/// An I/O error in plain words.
pub fn io_cause(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::StorageFull => "no space left on device".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        io::ErrorKind::InvalidData => "invalid data".to_string(),
        _ => {
            let s = e.to_string();
            // "Is a directory (os error 21)" -> "is a directory (os error 21)"
            let mut c = s.chars();
            match c.next() {
                Some(first) => first.to_lowercase().chain(c).collect(),
                None => s,
            }
        }
    }
}

fn human_size(n: u64) -> String {
    match n {
        n if n >= 1 << 30 && n % (1 << 30) == 0 => format!("{} GiB", n >> 30),
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A source, or a walk failure (the name it concerns and why).
pub type Item = Result<Source, (String, InputError)>;

/// Expands PATH arguments into sources, lazily and in order; walk failures come in place.
pub fn expand<'a>(
    paths: &'a [PathBuf],
    exts: &'a [String],
) -> Box<dyn Iterator<Item = Item> + Send + 'a> {
    if paths.is_empty() {
        return Box::new(std::iter::once(Ok(Source::Stdin)));
    }
    Box::new(
        paths
            .iter()
            .flat_map(move |p| -> Box<dyn Iterator<Item = Item> + Send + 'a> {
                if p.as_os_str() == "-" {
                    Box::new(std::iter::once(Ok(Source::Stdin)))
                } else if p.is_dir() {
                    Box::new(walk(p, exts))
                } else {
                    // missing files too: the error shows when it is opened
                    Box::new(std::iter::once(Ok(Source::File(p.clone()))))
                }
            }),
    )
}

fn walk<'a>(root: &'a Path, exts: &'a [String]) -> impl Iterator<Item = Item> + 'a {
    walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .filter_map(move |entry| match entry {
            Ok(e) => {
                if e.depth() == 0 || !has_ext(e.path(), exts) {
                    return None;
                }
                let ft = e.file_type();
                if ft.is_file() {
                    return Some(Ok(Source::File(e.into_path())));
                }
                if !ft.is_symlink() {
                    return None;
                }
                // a symlink is read when it leads to a regular file, and reported when it
                // leads nowhere (dangling, a loop): an input was meant to be there
                match fs::metadata(e.path()) {
                    Ok(m) => m.is_file().then(|| Ok(Source::File(e.into_path()))),
                    Err(err) => {
                        let cause = if err.kind() == io::ErrorKind::NotFound {
                            "dangling symbolic link: its target does not exist".to_string()
                        } else {
                            format!("symbolic link cannot be followed: {}", io_cause(&err))
                        };
                        let name = e.path().to_string_lossy().into_owned();
                        Some(Err((name, InputError::Walk(cause))))
                    }
                }
            }
            Err(err) => {
                let name = err.path().unwrap_or(root).to_string_lossy().into_owned();
                let cause = match err.io_error() {
                    Some(io) => io_cause(io),
                    None => err.to_string(),
                };
                Some(Err((name, InputError::Walk(cause))))
            }
        })
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn has_ext(p: &Path, exts: &[String]) -> bool {
    p.extension().and_then(OsStr::to_str).is_some_and(|e| {
        exts.iter()
            .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(e))
    })
}
