//! Command-line options (clap) and their translation into plain settings for the run.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  wirecopy story.txt                       one article, one JSON line
  cat story.txt | wirecopy                 the same from stdin
  wirecopy --pretty fixtures/tass-peskov.txt
  wirecopy news/ > records.jsonl           every *.txt under news/, sorted
  wirecopy --ext txt,story archive/        other extensions
  wirecopy news/ | jq -r '.headline'       headlines only
  jq -c '{id, text}' feed.jsonl | wirecopy --input jsonl
                                           one record per JSON line (id copied)
  wirecopy --schema                        the JSON Schema of a record

Exit status: 0 all inputs analysed; 1 some input failed (each failure is reported on
stderr, the others are still printed); 2 usage error.";

/// Turn plain-text wire-service news articles into JSON records: headline, subheadline,
/// byline, dateline (city, country, date, agency), lede and paragraphs.
#[derive(Debug, Parser)]
#[command(name = "wirecopy", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Articles to read: files, directories (walked recursively), or "-" for stdin
    /// [default: stdin]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// What each input holds: one article of plain text, or JSON Lines with a "text"
    /// (and optional "id") per line, one record out per line in
    #[arg(long, value_enum, default_value_t = InputFormat::Text, value_name = "FORMAT")]
    pub input: InputFormat,

    /// File extensions read when walking a directory (comma-separated; files named on
    /// the command line are always read) [default: txt, or jsonl with --input jsonl]
    #[arg(long, value_delimiter = ',', value_name = "EXT[,EXT...]")]
    pub ext: Option<Vec<String>>,

    /// Print indented JSON instead of one compact record per line
    #[arg(long)]
    pub pretty: bool,

    /// Largest article (or JSON line) accepted, in bytes; K, M and G suffixes allowed
    #[arg(long, default_value = "16M", value_name = "SIZE", value_parser = parse_size)]
    pub max_size: u64,

    /// Threads analysing articles [default: all cores]; output order is input order
    /// whatever the number
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,

    /// No progress line on stderr (it is only shown when stderr is a terminal)
    #[arg(short, long)]
    pub quiet: bool,

    /// Print a summary line on stderr at the end: articles, failures, MB/s
    #[arg(long)]
    pub stats: bool,

    /// Print the JSON Schema of the output record and exit
    #[arg(long)]
    pub schema: bool,
}

impl Cli {
    /// Threads to use: as asked, else one per core.
    pub fn thread_count(&self) -> usize {
        match self.threads {
            Some(n) if n > 0 => n,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// The extensions to read in a directory walk.
    pub fn extensions(&self) -> Vec<String> {
        match (&self.ext, self.input) {
            (Some(e), _) => e.clone(),
            (None, InputFormat::Text) => vec!["txt".to_string()],
            (None, InputFormat::Jsonl) => vec!["jsonl".to_string()],
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each input is one article of plain text
    Text,
    /// Each line of each input is a JSON object with "text" and optional "id"
    Jsonl,
}

/// Parses "16M", "512K", "1G", "1000" into bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 1u64 << 10),
        Some((i, 'M' | 'm')) => (&t[..i], 1 << 20),
        Some((i, 'G' | 'g')) => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    let n: u64 = num
        .trim()
        .parse()
        .map_err(|_| format!("not a size: {s:?} (use e.g. 1048576, 512K, 16M)"))?;
    n.checked_mul(mult)
        .filter(|&v| v > 0)
        .ok_or_else(|| format!("size out of range: {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
