//! Findings: what a rule says about a place in a page. Plain data; the report formats
//! in [`crate::report`] render them.

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::Severity;

/// One problem at one place of one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The page.
    pub file: PathBuf,
    /// 1-based line of the offending text.
    pub line: usize,
    /// 1-based column (in characters) of the offending text.
    pub column: usize,
    /// The segment id, for findings about a segment.
    pub segment: Option<String>,
    /// The page's locale.
    pub locale: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The segment's English text.
    pub source: Option<String>,
    /// The segment's translation.
    pub translation: Option<String>,
    /// Byte offset of the offending text in the page.
    #[serde(skip)]
    pub offset: usize,
    /// Byte length of the offending text.
    #[serde(skip)]
    pub len: usize,
    /// The page line the finding is on, for rendering it with its context.
    #[serde(skip)]
    pub context: Context,
}

/// The line of a finding, and where in it the offending text is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The line without its line ending; on a very long line, a window around the span.
    pub line: String,
    /// Byte range of the offending text in `line` (cut at the line's end).
    pub span: std::ops::Range<usize>,
    /// Non-zero when part of the line before `line` was left out.
    pub cut: usize,
}
