//! Chrome: page furniture and desk notes that are not part of the story.
//!
//! Method: whole-line tests, no context. Two strengths:
//! - [`is_chrome`]: lines that are furniture wherever they stand ("Advertisement",
//!   "All news", "Read more", photo counters "1 of 4", share buttons);
//! - [`is_editor_note`]: desk notes above a story ("(Adds comment from ministry)",
//!   "(In Jan. 3 story, corrects …)", "ATTENTION - ADDS … ///");
//! - [`is_header_chrome`]: promotional lines that are only chrome above the story
//!   (share prompts, cookie and newsletter notices); in the body the same words can be news.
//!
//! Known limits: furniture phrased like a sentence of the story ("Storm prompts airlines to
//! relax travel policies" as a related-link title) is not recognised.

use regex::Regex;
use std::sync::LazyLock;

/// Whole lines that are page furniture, compared case-insensitively after trimming
/// trailing punctuation.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertising",
    "all news",
    "read more",
    "read more:",
    "more",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "email",
    "print",
    "comments",
    "close",
    "skip to main content",
    "skip to content",
    "related",
    "related articles",
    "related stories",
    "related content",
    "recommended",
    "most read",
    "most popular",
    "top stories",
    "latest news",
    "follow us",
    "image",
    "video",
    "photo",
    "listen",
    "listen to this article",
    "story continues below",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "scroll to continue with content",
    "sponsored",
    "sponsored content",
];

static FURNITURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            \d{1,3}\s+of\s+\d{1,3}                        # photo counter: 1 of 4
          | (?:image|photo|picture)\s+(?:copyright|credit|source)\b.*
          | (?:read\s+more|see\s+also|related|watch|more)\s*:\s*.*
          | (?:click|tap)\s+here\b.*
          | \d{1,2}:\d{2}\s*(?:min|mins)?                 # video durations
        )$",
    )
    .expect("valid regex")
});

static EDITOR_NOTE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            \(\s*(?:adds|updates|corrects|correcting|recasts|changes|rewrites|removes|fixes
                  |repeats|refiles|inserts|edits|clarifies|writethru|new\s+throughout|outlines
                  |releads|re-leads|tops|moves|with|for\s+(?:related|an?\s)|in\s+[^)]*\bstory
                  |this\s+(?:story|article|version))\b[^)]*\)
          | (?:attention|editors?(?:'|’)?s?\s+note|eds\s*:|editors\s*:|note\s+to\s+editors).*
          | .*/{3}\s*
        )$",
    )
    .expect("valid regex")
});

static HEADER_PROMO_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
            \bshare\s+your\s+(?:videos|photos|pictures|stories|story|views|thoughts)\b
          | \bireport\b
          | \bsign\s+up\s+(?:for|to)\s+(?:our|the)\b.*\b(?:newsletter|alerts|updates)\b
          | \bsubscribe\s+(?:to\s+our|now|today|for\s+full\s+access)\b
          | \b(?:we\s+use|accept(?:ing)?|our)\s+cookies\b
          | \bcookie\s+(?:policy|settings)\b
          | \bmore\s+info\s*$
          | \bfrom\s+us\s+and\s+our\s+partners\b
          | \bfollow\s+us\s+on\b
          | \bdownload\s+(?:the|our)\s+app\b
        ",
    )
    .expect("valid regex")
});

/// True for page furniture wherever it stands.
pub fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    // furniture is short; a long line is text
    if t.is_empty() || t.len() > 300 {
        return false;
    }
    let bare = t
        .trim_end_matches(['.', '!', '|', '>', '»', '›', '→'])
        .trim();
    FURNITURE.iter().any(|f| bare.eq_ignore_ascii_case(f)) || FURNITURE_RE.is_match(t)
}

/// True for a desk note to editors.
pub fn is_editor_note(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 400 && EDITOR_NOTE_RE.is_match(t)
}

/// True for promotional lines that are chrome above a story (not in its body).
pub fn is_header_chrome(line: &str) -> bool {
    let t = line.trim();
    is_chrome(t) || is_editor_note(t) || (t.len() <= 400 && HEADER_PROMO_RE.is_match(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        let cases: &[(&str, bool)] = &[
            ("All news", true),
            ("Advertisement", true),
            ("ADVERTISEMENT", true),
            ("Read more", true),
            ("Read more: Kremlin denies report", true),
            ("1 of 4", true),
            ("Share this article", true),
            ("Image copyright Getty Images", true),
            ("More", true),
            ("More than 1,000 gunmen crossed the border.", false),
            ("Russia's foreign policy is equally oriented.", false),
            ("Share prices fell 3 percent on Monday.", false),
            ("All news agencies reported the blast.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_chrome(line), *want, "{line:?}");
        }
    }

    #[test]
    fn editor_notes() {
        let cases: &[(&str, bool)] = &[
            ("(Adds comment from ministry)", true),
            (
                "(Adds Gov. Cuomo's announcement that the Statue of Liberty will reopen)",
                true,
            ),
            (
                "(In Jan. 3 story, corrects last paragraph to reflect that figure refers to capacity)",
                true,
            ),
            ("ATTENTION - ADDS Likud meeting ///", true),
            ("Editor's note: this story contains graphic details", true),
            ("(Updates with closing prices)", true),
            ("(AP) -- The storm hit the coast.", false),
            ("(Reuters) - Shares rose.", false),
            ("Adds were placed in the newspapers.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_editor_note(line), *want, "{line:?}");
        }
    }

    #[test]
    fn header_promotions() {
        let cases: &[(&str, bool)] = &[
            (
                "Are you in the grips of the wintry storm? Please share your videos, pictures and stories at iReport.",
                true,
            ),
            (
                "Our community members are treated to special offers, promotions and adverts from us and our partners. You can check out at any time. More info",
                true,
            ),
            ("Sign up for our daily newsletter", true),
            (
                "More people sign up for insurance, the ministry said.",
                false,
            ),
            (
                "Ethiopia reports deadly raid by gunmen from South Sudan",
                false,
            ),
            (
                "Man found dead in house starred in Channel 4 documentary",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(is_header_chrome(line), *want, "{line:?}");
        }
    }
}
