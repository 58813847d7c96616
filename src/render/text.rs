//! A compact human view of one article for the terminal (stub; see the issue).

use crate::Article;

/// Renders one article; `color` adds ANSI colours. Input text never reaches the terminal
/// unescaped (see [`super::terminal_safe`]).
pub fn article(a: &Article, color: bool) -> String {
    let _ = color;
    let mut out = String::new();
    out.push_str(&super::terminal_safe(a.headline.as_deref().unwrap_or("")));
    out.push('\n');
    out
}
