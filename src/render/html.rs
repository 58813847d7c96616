//! One self-contained HTML page of articles with their quotes highlighted (stub).

use crate::Article;

/// The page's head: everything before the first article.
pub fn page_start() -> String {
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>wirecopy</title></head>\n<body>\n".to_string()
}

/// One article; `input` is the text the record's offsets refer to.
pub fn article(a: &Article, input: &str) -> String {
    let _ = input;
    format!("<article><h2>{}</h2></article>\n", a.file)
}

/// The page's tail: everything after the last article.
pub fn page_end() -> String {
    "</body>\n</html>\n".to_string()
}
