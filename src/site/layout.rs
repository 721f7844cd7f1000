//! DocFX's row and column layout:
//!
//! ```text
//! :::row:::
//!     :::column span="2":::
//!         #### Heading
//!         - item
//!     :::column-end:::
//! :::row-end:::
//! ```
//!
//! Authors indent the lines of a layout, which CommonMark would read as one paragraph or
//! as indented code. Before the page is parsed, each well-formed row is rewritten: its
//! directive lines become the publisher's HTML (`<section class="row">`,
//! `<div class="column span2">`) standing alone between blank lines, and the lines of
//! each column lose the indentation they share, so they parse as the blocks they are.
//! A row that is not closed, or whose columns are not, stays as written. Rows inside
//! fenced code are left alone.
//!
//! Version and pivot blocks, whose content the publisher shows for the version or choice
//! the reader picks, are shown all at once, each in a labelled `<div>`:
//!
//! ```text
//! ::: moniker range=">= aspnetcore-5.0"
//! Text for 5.0 and later.
//! ::: moniker-end
//! ::: zone pivot="webassembly"
//! ::: zone-end
//! ```
//!
//! A block that is not closed, or opens in a block of its kind, stays as written.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag};

use crate::markdown;

/// A text with its rows laid out.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Relaid {
    /// The rewritten text.
    pub text: String,
    /// Where lines moved, in order: (offset in the old text, offset in the new text) of
    /// the first byte kept of each rewritten line and of the line after each row. Between
    /// two moves, text is copied as it was.
    pub moves: Vec<(usize, usize)>,
}

/// One line of a layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    Row,
    RowEnd,
    /// A column and its span, 1 unless the line says otherwise.
    Column(u8),
    ColumnEnd,
}

impl Directive {
    /// Reads a line that is only a layout directive, whatever its indentation.
    fn parse(line: &str) -> Option<Directive> {
        let body = line.trim().strip_prefix(":::")?.strip_suffix(":::")?.trim();
        let lower = body.to_ascii_lowercase();
        match lower.as_str() {
            "row" => return Some(Directive::Row),
            "row-end" => return Some(Directive::RowEnd),
            "column" => return Some(Directive::Column(1)),
            "column-end" => return Some(Directive::ColumnEnd),
            _ => {}
        }
        // `column span="2"`; an empty span (`span=""`) is the default.
        let span = lower
            .strip_prefix("column")?
            .trim_start()
            .strip_prefix("span")?
            .trim_start()
            .strip_prefix('=')?
            .trim()
            .strip_prefix('"')?
            .strip_suffix('"')?;
        if span.is_empty() {
            return Some(Directive::Column(1));
        }
        span.parse().ok().filter(|n| *n > 0).map(Directive::Column)
    }

    /// The HTML the publisher writes for it.
    fn html(self) -> String {
        match self {
            Directive::Row => "<section class=\"row\">".to_owned(),
            Directive::RowEnd => "</section>".to_owned(),
            Directive::Column(1) => "<div class=\"column\">".to_owned(),
            Directive::Column(span) => format!("<div class=\"column span{span}\">"),
            Directive::ColumnEnd => "</div>".to_owned(),
        }
    }
}

/// A line that opens or closes a version (`moniker`) or pivot (`zone`) block.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fence {
    /// `::: moniker range="…"` or `::: zone pivot="…"` (or `target="…"`): the kind and
    /// the condition.
    Open(FenceKind, String),
    /// `::: moniker-end` or `::: zone-end`.
    Close(FenceKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FenceKind {
    Moniker,
    Zone,
}

impl Fence {
    /// Reads a line that is only such a fence.
    fn parse(line: &str) -> Option<Fence> {
        let body = line.trim().strip_prefix(":::")?;
        let body = body.strip_suffix(":::").unwrap_or(body).trim();
        let (word, rest) = body.split_once([' ', '\t']).unwrap_or((body, ""));
        let kind = match word.to_ascii_lowercase().as_str() {
            "moniker-end" if rest.is_empty() => return Some(Fence::Close(FenceKind::Moniker)),
            "zone-end" if rest.is_empty() => return Some(Fence::Close(FenceKind::Zone)),
            "moniker" => FenceKind::Moniker,
            "zone" => FenceKind::Zone,
            _ => return None,
        };
        let (name, value) = rest.trim().split_once('=')?;
        let name = name.trim().to_ascii_lowercase();
        let known = match kind {
            FenceKind::Moniker => name == "range",
            FenceKind::Zone => name == "pivot" || name == "target",
        };
        let value = value.trim().strip_prefix('"')?.strip_suffix('"')?;
        (known && !value.contains('"')).then(|| Fence::Open(kind, value.trim().to_owned()))
    }

    /// The HTML it becomes: the condition as a data attribute the style sheet shows.
    fn html(&self) -> String {
        match self {
            Fence::Open(kind, condition) => {
                let (class, attribute) = match kind {
                    FenceKind::Moniker => ("moniker", "data-moniker"),
                    FenceKind::Zone => ("zone", "data-pivot"),
                };
                let mut html = format!("<div class=\"{class}\" {attribute}=\"");
                super::render::escape_html(condition, &mut html);
                html.push_str("\">");
                html
            }
            Fence::Close(_) => "</div>".to_owned(),
        }
    }
}

/// The well-formed blocks as the line indexes of their open and close fences: each open
/// fence closed by the next fence of its kind, outside fenced code.
fn fenced_blocks(fences: &[Option<Fence>], in_code: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut kept = Vec::new();
    for kind in [FenceKind::Moniker, FenceKind::Zone] {
        let mut open: Option<usize> = None;
        for (i, fence) in fences.iter().enumerate() {
            let Some(fence) = fence.as_ref().filter(|_| !in_code(i)) else {
                continue;
            };
            match (fence, open) {
                (Fence::Open(k, _), _) if *k == kind => open = Some(i),
                (Fence::Close(k), Some(at)) if *k == kind => {
                    kept.push((at, i));
                    open = None;
                }
                _ => {}
            }
        }
    }
    kept
}

/// A line of the text: its range without the line ending, and the ending's length.
struct Line {
    start: usize,
    end: usize,
    ending: usize,
}

/// One rewrite of [`relayout`]: a row (its lines), or a fence line.
enum Edit {
    Row(Range<usize>),
    Fence(usize),
}

/// Lays out the rows and fenced blocks of `text`; `None` when it has none to lay out.
pub(super) fn relayout(text: &str) -> Option<Relaid> {
    if !text.contains(":::") {
        return None;
    }
    let lines = lines(text);
    let directives: Vec<Option<Directive>> = lines
        .iter()
        .map(|l| Directive::parse(&text[l.start..l.end]))
        .collect();
    let fences: Vec<Option<Fence>> = lines
        .iter()
        .map(|l| Fence::parse(&text[l.start..l.end]))
        .collect();
    let has_rows = directives.contains(&Some(Directive::Row));
    if !has_rows && fences.iter().all(Option::is_none) {
        return None;
    }
    let fenced = fenced_code(text);
    let in_code = |i: usize| {
        let start = lines[i].start;
        let at = fenced.partition_point(|r| r.end <= start);
        fenced.get(at).is_some_and(|r| r.start <= start)
    };
    let rows = match has_rows {
        true => rows(&directives, in_code),
        false => Vec::new(),
    };
    // A block with a fence inside a row stays as written: rows rewrite their own lines.
    // Rows are sorted and apart: the first that ends after a line is the only one it may
    // be in.
    let in_row = |i: usize| {
        let at = rows.partition_point(|r| r.end <= i);
        rows.get(at).is_some_and(|r| r.contains(&i))
    };
    let mut edits: Vec<(usize, Edit)> = fenced_blocks(&fences, in_code)
        .into_iter()
        .filter(|&(open, close)| !in_row(open) && !in_row(close))
        .flat_map(|(open, close)| [(open, Edit::Fence(open)), (close, Edit::Fence(close))])
        .chain(rows.iter().map(|r| (r.start, Edit::Row(r.clone()))))
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|&(line, _)| line);
    let mut out = String::with_capacity(text.len() + 64 * edits.len());
    let mut moves = Vec::new();
    let mut copied = 0;
    // Alone between blank lines: an HTML block of its own.
    let push_block = |out: &mut String, moves: &mut Vec<_>, line: &Line, html: &str| {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        let content = &text[line.start..line.end];
        let kept = line.start + (content.len() - content.trim_start().len());
        moves.push((kept, out.len()));
        out.push_str(html);
        out.push_str("\n\n");
    };
    for (_, edit) in edits {
        let row = match edit {
            Edit::Fence(i) => {
                let line = &lines[i];
                out.push_str(&text[copied..line.start]);
                let html = fences[i].as_ref().map(Fence::html).unwrap_or_default();
                push_block(&mut out, &mut moves, line, &html);
                copied = line.end + line.ending;
                moves.push((copied, out.len()));
                continue;
            }
            Edit::Row(row) => row,
        };
        let first = &lines[row.start];
        out.push_str(&text[copied..first.start]);
        for group in groups(&directives, row.clone()) {
            let indent = group
                .clone()
                .filter(|&i| directives[i].is_none())
                .map(|i| indentation(&text[lines[i].start..lines[i].end]))
                .filter(|&(_, blank)| !blank)
                .map(|(width, _)| width)
                .min()
                .unwrap_or(0);
            for i in group {
                let line = &lines[i];
                match directives[i] {
                    Some(directive) => push_block(&mut out, &mut moves, line, &directive.html()),
                    None => {
                        let content = &text[line.start..line.end];
                        let cut = indent.min(indentation(content).0);
                        moves.push((line.start + cut, out.len()));
                        out.push_str(&text[line.start + cut..line.end + line.ending]);
                    }
                }
            }
        }
        copied = lines[row.end - 1].end + lines[row.end - 1].ending;
        moves.push((copied, out.len()));
    }
    out.push_str(&text[copied..]);
    Some(Relaid { text: out, moves })
}

/// The lines of `text` with their endings (`\n` or `\r\n`).
fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let content = piece.trim_end_matches('\n').trim_end_matches('\r');
        lines.push(Line {
            start,
            end: start + content.len(),
            ending: piece.len() - content.len(),
        });
        start += piece.len();
    }
    lines
}

/// The ranges of the fenced code blocks of `text`, in order.
fn fenced_code(text: &str) -> Vec<Range<usize>> {
    markdown::site_parser(text)
        .into_offset_iter()
        .filter_map(|(event, range)| {
            matches!(
                event,
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_)))
            )
            .then_some(range)
        })
        .collect()
}

/// The well-formed rows among the lines, as line ranges (the row line through its end
/// line): columns opened in a row only, each closed before the row is; no row in a row.
fn rows(directives: &[Option<Directive>], in_code: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut i = 0;
    while i < directives.len() {
        if directives[i] != Some(Directive::Row) || in_code(i) {
            i += 1;
            continue;
        }
        let mut in_column = false;
        let mut end = None;
        for (k, directive) in directives.iter().enumerate().skip(i + 1) {
            let Some(directive) = directive.filter(|_| !in_code(k)) else {
                continue;
            };
            match (directive, in_column) {
                (Directive::Column(_), false) => in_column = true,
                (Directive::ColumnEnd, true) => in_column = false,
                (Directive::RowEnd, false) => {
                    end = Some(k + 1);
                    break;
                }
                _ => break,
            }
        }
        match end {
            Some(end) => {
                rows.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    rows
}

/// The lines of a row in groups that share an indentation: each directive on its own,
/// and the runs of lines between them.
fn groups(
    directives: &[Option<Directive>],
    row: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut next = row.start;
    std::iter::from_fn(move || {
        if next >= row.end {
            return None;
        }
        let start = next;
        next += 1;
        if directives[start].is_none() {
            while next < row.end && directives[next].is_none() {
                next += 1;
            }
        }
        Some(start..next)
    })
}

/// The width in bytes of a line's leading spaces and tabs, and whether that is all it has.
fn indentation(line: &str) -> (usize, bool) {
    let rest = line.trim_start_matches([' ', '\t']);
    (line.len() - rest.len(), rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each move maps the kept text of a line to where it is now; a directive or fence
    /// line to its HTML.
    fn assert_moves_map_lines(text: &str, relaid: &Relaid) {
        for &(old, new) in &relaid.moves {
            let kept = text[old..].split('\n').next().unwrap();
            let now = relaid.text[new..].split('\n').next().unwrap();
            let rewritten = Directive::parse(kept).is_some() || Fence::parse(kept).is_some();
            assert!(kept == now || rewritten, "{kept:?} {now:?}");
        }
    }

    #[test]
    fn directives_are_read_in_their_spellings() {
        assert_eq!(Directive::parse("  :::row:::"), Some(Directive::Row));
        assert_eq!(Directive::parse(":::ROW-END:::  "), Some(Directive::RowEnd));
        assert_eq!(
            Directive::parse("\t:::column span=\"2\":::"),
            Some(Directive::Column(2))
        );
        assert_eq!(
            Directive::parse(":::column span=\"\":::"),
            Some(Directive::Column(1))
        );
        assert_eq!(
            Directive::parse(":::column-end:::"),
            Some(Directive::ColumnEnd)
        );
        for not in [
            ":::column span=\"x\":::",
            ":::column span=\"0\":::",
            ":::rows:::",
            "text :::row:::",
            ":::row",
            ":::image source=\"a.png\":::",
        ] {
            assert_eq!(Directive::parse(not), None, "{not}");
        }
    }

    #[test]
    fn a_row_becomes_html_blocks_around_dedented_columns() {
        let text = "Intro\n:::row:::\n    :::column:::\n        #### A\n        - one\n          - nested\n    :::column-end:::\n    :::column span=\"2\":::\n        Text\n    :::column-end:::\n:::row-end:::\nAfter\n";
        let relaid = relayout(text).unwrap();
        assert_eq!(
            relaid.text,
            "Intro\n\n<section class=\"row\">\n\n<div class=\"column\">\n\n#### A\n- one\n  - nested\n\n</div>\n\n<div class=\"column span2\">\n\nText\n\n</div>\n\n</section>\n\nAfter\n"
        );
        assert_moves_map_lines(text, &relaid);
        assert_eq!(
            relaid.moves.last(),
            Some(&(text.len() - 6, relaid.text.len() - 6))
        );
    }

    #[test]
    fn rows_not_closed_or_in_code_stay_as_written() {
        for text in [
            ":::row:::\n    :::column:::\n    text\n:::row-end:::\n",
            ":::row:::\n    :::column:::\n    text\n    :::column-end:::\n",
            "```md\n:::row:::\n    :::column:::\n    :::column-end:::\n:::row-end:::\n```\n",
            "no layout ::: here\n",
        ] {
            assert_eq!(relayout(text), None, "{text}");
        }
        // A row in a row: the inner one is well-formed, the outer one is not.
        let nested = relayout(":::row:::\n:::row:::\n:::row-end:::\n:::row-end:::\n").unwrap();
        assert_eq!(
            nested.text,
            ":::row:::\n\n<section class=\"row\">\n\n</section>\n\n:::row-end:::\n"
        );
    }

    #[test]
    fn crlf_endings_and_blank_lines_in_columns_are_kept() {
        let text = ":::row:::\r\n  :::column:::\r\n    a\r\n\r\n      b\r\n  :::column-end:::\r\n:::row-end:::\r\n";
        assert_eq!(
            relayout(text).unwrap().text,
            "<section class=\"row\">\n\n<div class=\"column\">\n\na\r\n\r\n  b\r\n\n</div>\n\n</section>\n\n"
        );
    }

    #[test]
    fn version_and_pivot_blocks_become_labelled_divs() {
        // AspNetCore.Docs and sql-docs: a zone around version blocks, a fence right
        // before a heading, two fences on consecutive lines.
        let text = "::: zone pivot=\"webassembly\"\n\n::: moniker range=\">= aspnetcore-5.0\"\n## New\nText\n::: moniker-end\n::: moniker range=\"< aspnetcore-5.0\"\n\nOld\n\n::: moniker-end\n\n::: zone-end\n";
        let relaid = relayout(text).unwrap();
        assert_eq!(
            relaid.text,
            "<div class=\"zone\" data-pivot=\"webassembly\">\n\n\n<div class=\"moniker\" data-moniker=\"&gt;= aspnetcore-5.0\">\n\n## New\nText\n\n</div>\n\n<div class=\"moniker\" data-moniker=\"&lt; aspnetcore-5.0\">\n\n\nOld\n\n</div>\n\n\n</div>\n\n"
        );
        assert_moves_map_lines(text, &relaid);
        // Not closed, opened twice, in code, or not a fence: as written.
        for text in [
            "::: moniker range=\">= a\"\ntext\n",
            "```md\n::: moniker range=\"a\"\n::: moniker-end\n```\n",
            "::: moniker range=a\n::: moniker-end\n",
            "::: moniker-end\n",
        ] {
            assert_eq!(relayout(text), None, "{text}");
        }
        let twice =
            relayout("::: moniker range=\"a\"\n::: moniker range=\"b\"\nx\n::: moniker-end\n")
                .unwrap();
        assert_eq!(
            twice.text,
            "::: moniker range=\"a\"\n\n<div class=\"moniker\" data-moniker=\"b\">\n\nx\n\n</div>\n\n"
        );
    }
}
