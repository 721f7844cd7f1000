//! `whitespace`: white space the translation added or lost.

use std::sync::LazyLock;

use memchr::memmem;

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;

/// Leading or trailing white space added or lost, and doubled spaces added.
pub struct Whitespace;

impl Rule for Whitespace {
    fn id(&self) -> &'static str {
        "whitespace"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn summary(&self) -> &'static str {
        "the translation added or lost leading, trailing or doubled white space"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports a translation that starts or ends with white space where the source does not (or
the other way round), and runs of two or more spaces inside the translation where the
source has none. A line break the translation adds inside a table row or a heading is a
warning: the row or heading ends there, and the rest of it becomes a paragraph.

## Why it matters
Segments sit inside table cells, list items and sentences. Added white space changes the
page's bytes and can break Markdown (four leading spaces make a code block); lost white
space glues words to the markup around them.

## Example
Source: `Select **Save**.` Translation: ` Selecteer  **Opslaan**.` is reported twice: a
leading space and a doubled space."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let source = s.segment.source();
        let translation = s.segment.translation();
        if translation.trim().is_empty() {
            return;
        }
        let lead = |t: &str| t.len() - t.trim_start().len();
        let trail = |t: &str| t.len() - t.trim_end().len();
        // A line break inside a table row or a heading ends it there: the rest of the row
        // becomes a paragraph of its own. Reported instead of the white space it is.
        let mut broken = false;
        if let Some(at) = translation
            .trim_start()
            .find('\n')
            .filter(|_| !source.contains('\n'))
        {
            let block = s.segment.line_before().trim_start();
            let message = match block.chars().next() {
                Some('|') => Some(crate::msg!("finding-whitespace-break-in-row")),
                Some('#') => Some(crate::msg!("finding-whitespace-break-in-heading")),
                _ => None,
            };
            if let Some(message) = message {
                let at = s.segment.segment.translation.start + lead(translation) + at;
                out.with_severity(Severity::Warning, at..at + 1, message);
                broken = true;
            }
        }
        match (lead(source) > 0, lead(translation) > 0) {
            (false, true) => out.in_segment(
                Side::Translation,
                0..lead(translation),
                crate::msg!("finding-whitespace-leading-added"),
            ),
            (true, false) => out.in_segment(
                Side::Translation,
                0..0,
                crate::msg!("finding-whitespace-leading-lost"),
            ),
            _ => {}
        }
        let trailing_break = broken && translation[translation.trim_end().len()..].contains('\n');
        match (trail(source) > 0, trail(translation) > 0) {
            (false, true) if trailing_break => {}
            (false, true) => out.in_segment(
                Side::Translation,
                translation.len() - trail(translation)..translation.len(),
                crate::msg!("finding-whitespace-trailing-added"),
            ),
            (true, false) => out.in_segment(
                Side::Translation,
                translation.len()..translation.len(),
                crate::msg!("finding-whitespace-trailing-lost"),
            ),
            _ => {}
        }
        if double_space(source.trim()).is_none() {
            let inner = translation.trim();
            let offset = translation.len() - translation.trim_start().len();
            if let Some(at) = double_space(inner) {
                let run = inner[at..].len() - inner[at..].trim_start_matches(' ').len();
                out.in_segment(
                    Side::Translation,
                    offset + at..offset + at + run,
                    crate::msg!("finding-whitespace-doubled"),
                );
            }
        }
    }
}

/// Where the first run of two spaces in `text` starts. A searcher built once: `str::find`
/// builds one per call, which costs more than the search in short segments.
fn double_space(text: &str) -> Option<usize> {
    static FINDER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("  "));
    FINDER.find(text.as_bytes())
}
