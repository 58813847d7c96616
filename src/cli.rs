//! Command-line options (clap) and their translation into plain settings for the run.

use clap::{Args, Parser, Subcommand, ValueEnum};
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
  wirecopy -f text story.txt               a readable view in the terminal
  wirecopy -f tsv news/ > quotes.tsv       one row per quote, for spreadsheets
  wirecopy -f html news/ > quotes.html     one page, quotes highlighted
  wirecopy stats news/                     who is quoted most, which countries
  wirecopy completions bash > ~/.local/share/bash-completion/completions/wirecopy
  wirecopy man > wirecopy.1

A file named like a command (stats, completions, man) is read as ./stats.

Exit status: 0 all inputs analysed; 1 some input failed (each failure is reported on
stderr, the others are still printed); 2 usage error.";

/// Turn plain-text wire-service news articles into JSON records: headline, subheadline,
/// byline, dateline (city, country, date, agency), lede, paragraphs, quotes with their
/// speakers, and countries.
#[derive(Debug, Parser)]
#[command(
    name = "wirecopy",
    version,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub input: InputArgs,

    /// How records are printed: JSON Lines (one record per line), one JSON array, a
    /// readable text view, tab-separated quote rows, or one self-contained HTML page
    #[arg(short, long, value_enum, default_value_t = Format::Jsonl, value_name = "FORMAT")]
    pub format: Format,

    /// Colour in the text view: auto (when stdout is a terminal and NO_COLOR is not set),
    /// always or never
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,

    /// Print indented JSON instead of one compact record per line
    #[arg(long)]
    pub pretty: bool,

    /// Print a summary line on stderr at the end: articles, failures, MB/s
    #[arg(long)]
    pub stats: bool,

    /// Print the JSON Schema of the output record and exit
    #[arg(long)]
    pub schema: bool,
}

/// Commands other than converting articles.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarise a corpus: articles, agencies, top speakers and countries, quotes per
    /// article, articles without a dateline
    Stats(StatsArgs),
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `wirecopy man | man -l -`
    Man,
}

/// Options of `wirecopy stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Print the summary as one JSON object instead of a table
    #[arg(long)]
    pub json: bool,

    /// How many speakers, countries and agencies to list
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
}

/// Where articles come from and how they are read; shared by the conversion and `stats`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Articles to read: files, directories (walked recursively), or "-" for stdin
    /// [default: stdin]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// What each input holds: one article of plain text, or JSON Lines with a "text"
    /// (and optional "id") per line, one record out per line in
    #[arg(long = "input", value_enum, default_value_t = InputFormat::Text, value_name = "FORMAT")]
    pub input_format: InputFormat,

    /// File extensions read when walking a directory (comma-separated; files named on
    /// the command line are always read) [default: txt, or jsonl with --input jsonl]
    #[arg(long, value_delimiter = ',', value_name = "EXT[,EXT...]")]
    pub ext: Option<Vec<String>>,

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
}

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One compact JSON record per line (with --pretty: indented records)
    Jsonl,
    /// One JSON array of all records, indented
    Json,
    /// A readable view: headline, dateline, byline, lede, quotes by speaker, countries
    Text,
    /// One row per quote: file, paragraph, kind, speaker, cue, text (header row first)
    Tsv,
    /// One self-contained HTML page, quotes highlighted with their speakers
    Html,
}

/// When to colour the text view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour, given whether stdout is a terminal and the NO_COLOR variable
    /// (https://no-color.org: set and not empty means no colour).
    pub fn enabled(self, stdout_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => stdout_is_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

impl InputArgs {
    /// Threads to use: as asked, else one per core.
    pub fn thread_count(&self) -> usize {
        match self.threads {
            Some(n) if n > 0 => n,
            _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// The extensions to read in a directory walk.
    pub fn extensions(&self) -> Vec<String> {
        match (&self.ext, self.input_format) {
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
    fn colour_follows_the_terminal_and_no_color() {
        use std::ffi::OsStr;
        let cases = [
            (Color::Auto, true, None, true),
            (Color::Auto, false, None, false),
            (Color::Auto, true, Some(""), true),
            (Color::Auto, true, Some("1"), false),
            (Color::Always, false, Some("1"), true),
            (Color::Never, true, None, false),
        ];
        for (when, tty, env, want) in cases {
            assert_eq!(
                when.enabled(tty, env.map(OsStr::new)),
                want,
                "{when:?} {tty} {env:?}"
            );
        }
    }

    #[test]
    fn commands_and_paths_are_told_apart() {
        let cli = Cli::try_parse_from(["wirecopy", "stats", "dir", "--json"]).unwrap();
        match cli.command {
            Some(Command::Stats(s)) => {
                assert_eq!(s.input.paths, [PathBuf::from("dir")]);
                assert!(s.json);
            }
            other => panic!("{other:?}"),
        }
        let cli = Cli::try_parse_from(["wirecopy", "./stats", "-f", "tsv"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.input.paths, [PathBuf::from("./stats")]);
        assert_eq!(cli.format, Format::Tsv);
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
