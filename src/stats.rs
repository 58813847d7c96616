//! Corpus summaries for `wirecopy stats` (stub).

use crate::Article;
use serde::Serialize;

/// Running totals over a corpus; add records in any order.
#[derive(Debug, Default)]
pub struct Summary {
    articles: u64,
    failed: u64,
}

/// What `wirecopy stats --json` prints.
#[derive(Debug, Serialize)]
pub struct Report {
    pub articles: u64,
    pub failed: u64,
}

impl Summary {
    /// Counts one analysed article.
    pub fn add(&mut self, a: &Article) {
        let _ = a;
        self.articles += 1;
    }

    /// Counts one input that could not be analysed.
    pub fn add_failure(&mut self) {
        self.failed += 1;
    }

    /// The summary with the `top` most frequent speakers, countries and agencies.
    pub fn report(&self, top: usize) -> Report {
        let _ = top;
        Report {
            articles: self.articles,
            failed: self.failed,
        }
    }
}

impl Report {
    /// The summary as an aligned table for the terminal (input text made terminal-safe).
    pub fn table(&self) -> String {
        format!("articles {}\nfailed {}\n", self.articles, self.failed)
    }
}
