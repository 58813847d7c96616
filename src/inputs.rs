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
use std::ops::Range;
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

    /// [`Source::display`] and [`Source::name_warning`] at once: a path of UTF-8 (almost
    /// every one) is looked at once, and copied as it is.
    pub fn display_and_warning(&self) -> (String, Option<String>) {
        match self {
            Source::File(p) => match p.to_str() {
                Some(name) => (name.to_owned(), None),
                None => (self.display(), self.name_warning()),
            },
            Source::Stdin => (self.display(), self.name_warning()),
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
                let meta = f.metadata().map_err(InputError::Io)?;
                if meta.is_dir() {
                    return Err(InputError::IsDirectory);
                }
                Ok(Box::new(f))
            }
        }
    }

    /// Reads the whole source onto the end of `buf`, refusing more than `limit` bytes, and
    /// says where in `buf` its bytes are. On an error `buf` is as it was.
    ///
    /// The caller keeps the buffer from one input to the next, so it is rarely grown and no
    /// file's size is asked for: a file costs an open, a read of it and the read that finds
    /// its end, and a close. A directory (met only if one replaced a file since the walk)
    /// fails at its read, as "is a directory".
    pub fn read_append(&self, limit: u64, buf: &mut Vec<u8>) -> Result<Range<usize>, InputError> {
        let start = buf.len();
        // the reader taken by value, not boxed: a box is an allocation per file
        fn read_all(r: impl Read, limit: u64, buf: &mut Vec<u8>) -> io::Result<usize> {
            r.take(limit.saturating_add(1)).read_to_end(buf)
        }
        let read = match self {
            Source::Stdin => read_all(io::stdin(), limit, buf),
            Source::File(p) => match fs::File::open(p) {
                Ok(f) => read_all(f, limit, buf),
                Err(e) => Err(e),
            },
        };
        let outcome = match read {
            Err(e) => Err(InputError::Io(e)),
            Ok(n) if n as u64 > limit => Err(InputError::TooLarge { limit }),
            Ok(_) => return Ok(start..buf.len()),
        };
        buf.truncate(start);
        outcome
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
    let (stack, failed) = match Listing::read(root) {
        Ok(l) => (vec![l], None),
        Err(e) => (Vec::new(), Some(walk_error(root, &e))),
    };
    failed.into_iter().chain(Walk { stack, exts })
}

/// The depth-first walk below a directory, each directory's entries in name order.
struct Walk<'a> {
    /// The directories being listed, innermost last.
    stack: Vec<Listing>,
    exts: &'a [String],
}

impl Iterator for Walk<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let top = self.stack.last_mut()?;
            let Some(&i) = top.order.get(top.next) else {
                self.stack.pop();
                continue;
            };
            top.next += 1;
            let name = top.names.get(i);
            if is_hidden(name) {
                continue;
            }
            let wanted = |exts| has_ext(name, exts);
            match top.kinds[i as usize] {
                Kind::Dir => {
                    let path = top.dir.join(name);
                    match Listing::read(&path) {
                        Ok(l) => self.stack.push(l),
                        Err(e) => return Some(walk_error(&path, &e)),
                    }
                }
                Kind::File if wanted(self.exts) => {
                    return Some(Ok(Source::File(child(&top.dir, name))));
                }
                Kind::Symlink if wanted(self.exts) => {
                    // a symlink is read when it leads to a regular file, and reported when
                    // it leads nowhere (dangling, a loop): an input was meant to be there
                    let path = child(&top.dir, name);
                    match fs::metadata(&path) {
                        Ok(m) if m.is_file() => return Some(Ok(Source::File(path))),
                        Ok(_) => {}
                        Err(err) => {
                            let cause = if err.kind() == io::ErrorKind::NotFound {
                                "dangling symbolic link: its target does not exist".to_string()
                            } else {
                                format!("symbolic link cannot be followed: {}", io_cause(&err))
                            };
                            let name = path.to_string_lossy().into_owned();
                            return Some(Err((name, InputError::Walk(cause))));
                        }
                    }
                }
                Kind::Failed => {
                    let name = top.dir.to_string_lossy().into_owned();
                    let cause = top
                        .failures
                        .iter()
                        .find(|(at, _)| *at == i)
                        .map_or_else(String::new, |(_, e)| e.clone());
                    return Some(Err((name, InputError::Walk(cause))));
                }
                Kind::File | Kind::Symlink | Kind::Other => {}
            }
        }
    }
}

/// `dir.join(name)` for an entry `name` of `dir`, allocated once: `join` copies `dir` into
/// a buffer of its own size and then grows it (a second allocation and copy) for the name.
fn child(dir: &Path, name: &OsStr) -> PathBuf {
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
}

/// A directory that cannot be listed, as a failed input.
fn walk_error(dir: &Path, e: &io::Error) -> Item {
    let name = dir.to_string_lossy().into_owned();
    Err((name, InputError::Walk(io_cause(e))))
}

/// What a directory entry is (without following a symlink).
enum Kind {
    File,
    Dir,
    Symlink,
    /// FIFOs, sockets, devices: skipped.
    Other,
    /// The entry could not be read: reported (the cause is in `Listing::failures`).
    Failed,
}

/// One directory's entries, read whole and sorted by name so that its files come in order.
/// The names share one buffer, so a directory of many thousands of files costs a few
/// allocations rather than one per file (which, over a long walk, fragments the heap and
/// raises the peak memory with the number of inputs).
struct Listing {
    dir: PathBuf,
    names: Names,
    kinds: Vec<Kind>,
    /// Why entries could not be read, by entry index.
    failures: Vec<(u32, String)>,
    /// Entry indices in name order.
    order: Vec<u32>,
    /// Position in `order` of the next entry to visit.
    next: usize,
}

impl Listing {
    fn read(dir: &Path) -> io::Result<Listing> {
        // a listing is held while its files are read: a byte per kind and 32-bit indices
        // keep a directory of 20,000 entries within a few hundred KiB. The directory is
        // read twice, first to count its entries and their names' bytes, so that each
        // buffer is allocated once at its size: buffers grown by doubling would hold up
        // to twice that, plus the old and the new buffer at each growth, and a directory
        // listed when the batch's own buffers are at their largest (the second directory
        // of a walk) would raise the peak memory with the number of directories. Entries
        // that come between the two readings only make a buffer grow.
        let (mut count, mut bytes) = (0, 0);
        for entry in fs::read_dir(dir)? {
            count += 1;
            bytes += entry.map_or(0, |e| e.file_name().len());
        }
        let mut names = Names::with_capacity(count, bytes);
        let mut kinds = Vec::with_capacity(count);
        let mut failures = Vec::new();
        for entry in fs::read_dir(dir)? {
            let index = u32::try_from(kinds.len())
                .map_err(|_| io::Error::other("more than 2^32 entries"))?;
            let kind = match entry.as_ref().map(|e| e.file_type()) {
                Ok(Ok(t)) if t.is_dir() => Kind::Dir,
                Ok(Ok(t)) if t.is_file() => Kind::File,
                Ok(Ok(t)) if t.is_symlink() => Kind::Symlink,
                Ok(Ok(_)) => Kind::Other,
                Ok(Err(e)) => {
                    failures.push((index, io_cause(&e)));
                    Kind::Failed
                }
                Err(e) => {
                    failures.push((index, io_cause(e)));
                    Kind::Failed
                }
            };
            match &entry {
                Ok(e) => names.push(&e.file_name())?,
                Err(_) => names.push(OsStr::new(""))?,
            }
            kinds.push(kind);
        }
        let n = u32::try_from(kinds.len()).map_err(|_| io::Error::other("too many entries"))?;
        let order = name_order(&names, n);
        Ok(Listing {
            dir: dir.to_path_buf(),
            names,
            kinds,
            failures,
            order,
            next: 0,
        })
    }
}

/// The names of a directory's entries in one buffer.
#[cfg(unix)]
struct Names {
    bytes: Vec<u8>,
    /// Where each name starts in `bytes`, and after the last, where it ends.
    bounds: Vec<u32>,
}

#[cfg(unix)]
impl Names {
    fn with_capacity(count: usize, bytes: usize) -> Names {
        let mut bounds = Vec::with_capacity(count + 1);
        bounds.push(0);
        Names {
            bytes: Vec::with_capacity(bytes),
            bounds,
        }
    }

    fn push(&mut self, name: &OsStr) -> io::Result<()> {
        self.bytes.extend_from_slice(name.as_encoded_bytes());
        let end = u32::try_from(self.bytes.len())
            .map_err(|_| io::Error::other("more than 4 GiB of names"))?;
        self.bounds.push(end);
        Ok(())
    }

    fn span(&self, i: u32) -> (usize, usize) {
        let i = i as usize;
        (self.bounds[i] as usize, self.bounds[i + 1] as usize)
    }

    fn get(&self, i: u32) -> &OsStr {
        use std::os::unix::ffi::OsStrExt;
        let (start, end) = self.span(i);
        OsStr::from_bytes(&self.bytes[start..end])
    }

    /// The name's first eight bytes as a number, the first byte the highest, zeros past
    /// its end: read in one load from the shared buffer, not from the name's own slice.
    fn head(&self, i: u32) -> u64 {
        let (start, end) = self.span(i);
        let w = wirecopy::swar::load_padded(&self.bytes, start);
        let len = end - start;
        let w = if len < 8 {
            w & ((1 << (8 * len)) - 1)
        } else {
            w
        };
        w.swap_bytes()
    }
}

/// The names of a directory's entries (one allocation each where names are not bytes).
#[cfg(not(unix))]
struct Names(Vec<std::ffi::OsString>);

#[cfg(not(unix))]
impl Names {
    fn with_capacity(count: usize, _bytes: usize) -> Names {
        Names(Vec::with_capacity(count))
    }

    fn push(&mut self, name: &OsStr) -> io::Result<()> {
        self.0.push(name.to_os_string());
        Ok(())
    }

    fn get(&self, i: u32) -> &OsStr {
        &self.0[i as usize]
    }

    fn head(&self, i: u32) -> u64 {
        wirecopy::swar::load_padded(self.get(i).as_encoded_bytes(), 0).swap_bytes()
    }
}

/// The indices `0..n` of `names` in name order (ties, which only unreadable entries
/// without a name can make, in index order). Names are compared by their first eight bytes
/// as one number first (a name holds no NUL byte, so the zeros past its end order it
/// before longer names), read once per name into a vector dropped after the sort: with a
/// name looked up and compared whole at each comparison, sorting 19,000 names took 2% of
/// a batch's instructions, and with the head read at each comparison, 1%. The heads are
/// not paired with the indices (16 bytes an entry): a listing can be read when the batch's
/// buffers are at their largest (the second directory of a walk), and what it holds then
/// adds to the peak memory.
fn name_order(names: &Names, n: u32) -> Vec<u32> {
    let heads: Vec<u64> = (0..n).map(|i| names.head(i)).collect();
    let mut order: Vec<u32> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| {
        heads[a as usize]
            .cmp(&heads[b as usize])
            .then_with(|| names.get(a).cmp(names.get(b)))
            .then(a.cmp(&b))
    });
    order
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Whether a directory entry's name has one of the extensions (given with or without the
/// dot, in any case), as `Path::extension` reads it: what follows the last dot, unless the
/// name only starts with one. Read on the name's bytes: through `Path`, this took about 400
/// instructions a file.
fn has_ext(name: &OsStr, exts: &[String]) -> bool {
    let name = name.as_encoded_bytes();
    match memchr::memrchr(b'.', name) {
        // ".." is no file name (read_dir never lists it, but `Path` says so)
        Some(dot) if dot > 0 && name != b".." => {
            let ext = &name[dot + 1..];
            exts.iter().any(|x| {
                x.trim_start_matches('.')
                    .as_bytes()
                    .eq_ignore_ascii_case(ext)
            })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ordered_as_byte_strings() {
        let cases: &[&[&str]] = &[
            &[],
            &["b", "a"],
            &["r10.txt", "r1.txt", "r100.txt", "r2.txt"],
            // equal first eight bytes, and a name that is another's prefix
            &[
                "abcdefghZ",
                "abcdefghA",
                "abcdefgh",
                "abcdefg",
                "abcdefghA1",
            ],
            &["é.txt", "e.txt", "z", "Z", "", ""],
            &["x", "", "a", ""],
        ];
        for &case in cases {
            let mut names = Names::with_capacity(0, 0);
            for &name in case {
                names.push(OsStr::new(name)).expect("small");
            }
            let n = u32::try_from(case.len()).expect("small");
            let mut want: Vec<u32> = (0..n).collect();
            want.sort_by(|&a, &b| names.get(a).cmp(names.get(b)));
            assert_eq!(name_order(&names, n), want, "{case:?}");
        }
    }

    #[test]
    fn extensions_are_read_as_path_reads_them() {
        let exts = ["txt".to_string(), ".JSONL".to_string(), String::new()];
        let names = [
            "a.txt", "a.TXT", "a.tXt", "a.txt.gz", "a.gz.txt", "txt", ".txt", "..txt", ".a.txt",
            "a.", "a..", ".", "..", "", "a.jsonl", "b.Jsonl", "a.json", "é.txt", "a.té", "a.txt ",
            "a .txt",
        ];
        for name in names {
            let want = Path::new(name)
                .extension()
                .and_then(OsStr::to_str)
                .is_some_and(|e| {
                    exts.iter()
                        .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(e))
                });
            assert_eq!(has_ext(OsStr::new(name), &exts), want, "{name:?}");
        }
    }

    #[test]
    fn display_and_warning_are_display_and_name_warning() {
        use std::os::unix::ffi::OsStrExt;
        let sources = [
            Source::Stdin,
            Source::File(PathBuf::from("news/a.txt")),
            Source::File(PathBuf::from("é/€.txt")),
            Source::File(PathBuf::from("")),
            Source::File(PathBuf::from(OsStr::from_bytes(b"bad\xFCname.txt"))),
            Source::File(PathBuf::from(OsStr::from_bytes(b"\xFF"))),
        ];
        for source in sources {
            let want = (source.display(), source.name_warning());
            assert_eq!(source.display_and_warning(), want, "{source:?}");
        }
    }

    #[test]
    fn child_paths_are_joined_paths() {
        let cases = [
            ("dir", "a.txt"),
            ("dir/", "a.txt"),
            ("/", "a"),
            (".", "b.sgm"),
            ("a/b/c", ".hidden"),
            ("", "x"),
        ];
        for (dir, name) in cases {
            let (dir, name) = (Path::new(dir), OsStr::new(name));
            assert_eq!(child(dir, name), dir.join(name), "{dir:?} {name:?}");
            assert_eq!(child(dir, name).as_os_str(), dir.join(name).as_os_str());
        }
    }
}
