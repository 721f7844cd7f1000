//! `conflict-marker`: no merge conflict is left in a page.

use std::ops::Range;

use super::{Findings, PageContext, Rule};
use crate::diag::Severity;
use crate::markdown;

/// Lines git writes around a merge conflict, left in the page.
pub struct ConflictMarker;

impl Rule for ConflictMarker {
    fn id(&self) -> &'static str {
        "conflict-marker"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a merge conflict left in the page (`<<<<<<<`, `=======`, `>>>>>>>` lines)"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports each merge conflict git left in a page, front matter included: a `<<<<<<<` line,
then a `=======` line, then a `>>>>>>>` line, once at its first line. A `<<<<<<<` or
`>>>>>>>` line outside such a block is reported on its own. Lines inside fenced or indented
code blocks are not markers (pages about git show them).

## Why it matters
Both sides of the conflict are published, with the marker lines as text, and the page's
segments may appear twice. Localization repositories merge hand-offs into edited pages, and
such pages have been committed (Intune pt-BR, 2017).

## Example
```
<<<<<<< HEAD
<span data-ttu-id=\"a-1\">Verifique…</span><span class=\"sxs-lookup\">…</span></span>
=======
Verifique…
>>>>>>> live
```
is reported at the `<<<<<<< HEAD` line."
    }
    fn check_page(&self, page: &PageContext<'_>, out: &mut Findings<'_>) {
        let text = page.page.text();
        // Nearly every page has no marker: only those that may are read line by line.
        let bytes = text.as_bytes();
        if memchr::memmem::find(bytes, b"<<<<<<<").is_none()
            && memchr::memmem::find(bytes, b">>>>>>>").is_none()
        {
            return;
        }
        let code = markdown::code_ranges(text, page.page.prelude().len());
        let mut in_code = code.iter().peekable();
        let mut open: Option<(Range<usize>, bool)> = None;
        for (line, marker) in marker_lines(text) {
            while in_code.next_if(|c| c.end <= line.start).is_some() {}
            if in_code.peek().is_some_and(|c| c.start <= line.start) {
                continue;
            }
            match marker {
                Marker::Ours => {
                    if let Some((stray, _)) = open.replace((line, false)) {
                        out.at(stray, crate::msg!("finding-conflict-marker-stray"));
                    }
                }
                Marker::Separator => {
                    if let Some((_, separated)) = open.as_mut() {
                        *separated = true;
                    }
                }
                Marker::Theirs => match open.take() {
                    Some((start, true)) => {
                        let last = page.page.position(line.start).line;
                        out.at(start, crate::msg!("finding-conflict-marker", last = last));
                    }
                    Some((start, false)) => {
                        out.at(start, crate::msg!("finding-conflict-marker-stray"));
                        out.at(line, crate::msg!("finding-conflict-marker-stray"));
                    }
                    None => out.at(line, crate::msg!("finding-conflict-marker-stray")),
                },
            }
        }
        if let Some((stray, _)) = open {
            out.at(stray, crate::msg!("finding-conflict-marker-stray"));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `<<<<<<< label`
    Ours,
    /// `=======`
    Separator,
    /// `>>>>>>> label`
    Theirs,
}

/// The lines of `text` that are conflict markers: each marker's range (without its line
/// ending) and kind, in order.
fn marker_lines(text: &str) -> impl Iterator<Item = (Range<usize>, Marker)> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let range = start..start + line.trim_end_matches(['\n', '\r']).len();
        start += line.len();
        let line = &text[range.clone()];
        let labelled = |mark: &str| {
            line.strip_prefix(mark)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        };
        let marker = if labelled("<<<<<<<") {
            Marker::Ours
        } else if labelled(">>>>>>>") {
            Marker::Theirs
        } else if line.trim_end() == "=======" {
            Marker::Separator
        } else {
            return None;
        };
        Some((range, marker))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_whole_lines_with_an_optional_label() {
        let text = "<<<<<<< HEAD\r\na\n=======  \n>>>>>>> live\n<<<<<<<<\n>>>>>>>x\n";
        let found: Vec<_> = marker_lines(text).map(|(r, m)| (&text[r], m)).collect();
        assert_eq!(
            found,
            [
                ("<<<<<<< HEAD", Marker::Ours),
                ("=======  ", Marker::Separator),
                (">>>>>>> live", Marker::Theirs),
            ]
        );
    }
}
