//! Exports for translators: every segment of the pages of one locale as a translation unit
//! in TMX 1.4b ([`tmx`]), XLIFF 2.1 ([`xliff`]) or gettext PO ([`po`]).
//!
//! Each unit carries the page (its path below the inputs' common folder) and the segment
//! id, so `import` can bring it back. Markdown and HTML markup inside a segment becomes
//! protected inline codes in the XML formats ([`codes`]); PO keeps it verbatim.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::batch::Report;
use crate::files::{self, FileError};
use crate::page::{locale_in_path, Page, SegmentView};
use crate::text::Cursor;

pub mod codes;
pub mod po;
pub mod tmx;
pub mod xliff;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// TMX 1.4b translation memory.
    Tmx,
    /// XLIFF 2.1.
    Xliff,
    /// gettext PO.
    Po,
}

/// What every unit of an export shares.
#[derive(Debug, Clone)]
pub struct Languages {
    /// The language of the segments' source text (`en-US`).
    pub source: String,
    /// The locale of the pages exported (`fr-FR`).
    pub target: String,
}

/// One segment as the formats write it.
#[derive(Debug, Clone, Copy)]
pub struct Unit<'p> {
    /// The unit id, unique in its page: the segment id, with `_2`, `_3`… on repeats.
    pub id: &'p str,
    /// The segment.
    pub segment: SegmentView<'p>,
    /// 1-based line of the segment (PO only; 0 in the XML formats, which do not name it).
    pub line: usize,
}

/// The unit id of each segment of a page, in page order: the segment id, with `_2`, `_3`…
/// on its repeats. `import` finds segments by these.
pub fn unit_ids(page: &Page) -> Vec<String> {
    units(page, false)
        .into_iter()
        .map(|(id, _, _)| id.into_owned())
        .collect()
}

/// A page's units with their unique ids (borrowed from the page but for repeats), and
/// their lines when `lines` (0 otherwise: finding them costs a pass over the page).
fn units(page: &Page, lines: bool) -> Vec<(Cow<'_, str>, SegmentView<'_>, usize)> {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut cursor = lines.then(|| Cursor::new(page.text()));
    page.segments()
        .map(|segment| {
            let line = cursor
                .as_mut()
                .map_or(0, |c| c.position(segment.segment.range.start).line);
            let n = seen.entry(segment.id()).or_insert(0);
            *n += 1;
            let id = if *n == 1 {
                Cow::Borrowed(segment.id())
            } else {
                Cow::Owned(format!("{}_{n}", segment.id()))
            };
            (id, segment, line)
        })
        .collect()
}

/// Renders the units of one page (the `index`-th exported) in `format`.
fn render(format: Format, page: &Page, name: &str, index: usize, langs: &Languages) -> Vec<u8> {
    let owned = units(page, format == Format::Po);
    let units: Vec<Unit<'_>> = owned
        .iter()
        .map(|(id, segment, line)| Unit {
            id,
            segment: *segment,
            line: *line,
        })
        .collect();
    // The markup around each unit roughly doubles the segments' text; one allocation
    // instead of a string of reallocations.
    let mut out = Vec::with_capacity(page.text().len() * 2 + 256);
    match format {
        Format::Tmx => tmx::page(&mut out, name, &units, langs),
        Format::Xliff => xliff::page(&mut out, name, index, &units),
        Format::Po => po::page(&mut out, name, &units),
    }
    out
}

/// Writes XML elements into memory. Escaping is quick-xml's; elements are written
/// directly, since building a quick-xml event per element costs allocations that dominate
/// an export of many small units.
pub(crate) struct Xml<'o>(pub &'o mut Vec<u8>);

impl Xml<'_> {
    /// `<name a="v"…>`, or `<name a="v"…/>` when `empty`.
    pub fn start(&mut self, name: &str, attributes: &[(&str, &str)], empty: bool) {
        let out = &mut *self.0;
        out.push(b'<');
        out.extend_from_slice(name.as_bytes());
        for (key, value) in attributes {
            out.push(b' ');
            out.extend_from_slice(key.as_bytes());
            out.extend_from_slice(b"=\"");
            out.extend_from_slice(quick_xml::escape::escape(*value).as_bytes());
            out.push(b'"');
        }
        out.extend_from_slice(if empty { b"/>" } else { b">" });
    }

    /// `</name>`.
    pub fn end(&mut self, name: &str) {
        self.0.extend_from_slice(b"</");
        self.0.extend_from_slice(name.as_bytes());
        self.0.push(b'>');
    }

    /// Character data: escaped, with carriage returns as `&#13;` so a reader's line-ending
    /// normalization cannot turn `\r\n` into `\n`.
    pub fn text(&mut self, text: &str) {
        for (i, part) in text.split('\r').enumerate() {
            if i > 0 {
                self.0.extend_from_slice(b"&#13;");
            }
            // Most text has nothing to escape: find the few bytes that need it and copy
            // the runs between them whole.
            let bytes = part.as_bytes();
            let mut start = 0;
            for at in memchr::memchr3_iter(b'<', b'>', b'&', bytes) {
                self.0.extend_from_slice(&bytes[start..at]);
                self.0.extend_from_slice(match bytes[at] {
                    b'<' => b"&lt;",
                    b'>' => b"&gt;",
                    _ => b"&amp;",
                });
                start = at + 1;
            }
            self.0.extend_from_slice(&bytes[start..]);
        }
    }

    /// `<name>text</name>`.
    pub fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.start(name, attributes, false);
        self.text(text);
        self.end(name);
    }

    /// A number in decimal, as in an id attribute (without the allocation of `to_string`).
    pub fn number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            // `n % 10` is a single digit.
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.0.extend_from_slice(&digits[at..]);
    }

    /// Raw bytes (a newline between elements).
    pub fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

/// What an export run did: pages and segments exported, pages of other locales skipped.
#[derive(Debug, Default)]
pub struct ExportReport {
    /// Pages, segments and problems.
    pub report: Report,
    /// Pages left out because their locale is not the target.
    pub skipped: Vec<PathBuf>,
}

/// How many pages one parallel batch holds before its output is written in order.
const BATCH: usize = 1024;

/// A page rendered: its segment count and bytes, `None` when it is of another locale.
type Rendered = Result<Option<(usize, Vec<u8>)>, FileError>;

/// Renders a batch of pages in parallel; `first` is the number of pages before it.
fn render_batch(
    batch: &[files::Input],
    first: usize,
    format: Format,
    langs: &Languages,
) -> Vec<(PathBuf, Rendered)> {
    let target = &langs.target;
    batch
        .par_iter()
        .enumerate()
        .map(|(i, input)| {
            let in_path = locale_in_path(&input.path);
            if in_path.is_some_and(|l| !l.eq_ignore_ascii_case(target)) {
                return (input.path.clone(), Ok(None));
            }
            let page = match Page::read(&input.path) {
                Ok(page) => page,
                Err(err) => return (input.path.clone(), Err(err.into())),
            };
            if in_path.is_none()
                && !page
                    .locale()
                    .is_some_and(|l| l.eq_ignore_ascii_case(target))
            {
                return (input.path.clone(), Ok(None));
            }
            // The page as units name it: its path below the inputs' common folder.
            let name = files::slash_path(&input.relative);
            let bytes = render(format, &page, &name, first + i + 1, langs);
            let segments = page.segments().count();
            (input.path.clone(), Ok(Some((segments, bytes))))
        })
        .collect()
}

/// Writes rendered pages in order and counts them.
fn emit(
    rendered: Vec<(PathBuf, Rendered)>,
    result: &mut ExportReport,
    writer: &mut (dyn Write + Send),
) -> std::io::Result<()> {
    for (path, rendered) in rendered {
        match rendered {
            Ok(Some((segments, bytes))) => {
                result.report.pages += 1;
                result.report.segments += segments;
                writer.write_all(&bytes)?;
            }
            Ok(None) => result.skipped.push(path),
            Err(err) => result.report.errors.push(err),
        }
    }
    Ok(())
}

/// `export`: writes every segment of the pages of `langs.target` below `inputs` to
/// `writer` in `format`.
pub fn run(
    inputs: &[PathBuf],
    format: Format,
    langs: &Languages,
    writer: &mut (dyn Write + Send),
) -> std::io::Result<ExportReport> {
    let (pages, errors) = files::collect(inputs);
    let mut result = ExportReport::default();
    result.report.errors = errors;
    match format {
        Format::Tmx => tmx::header(writer, langs)?,
        Format::Xliff => xliff::header(writer, langs)?,
        Format::Po => po::header(writer, langs)?,
    }
    // Each batch renders in parallel while the one before it is written, in page order;
    // the writing is a task of the same pool, so the cores are not oversubscribed.
    let mut pending = Vec::new();
    for (b, batch) in pages.chunks(BATCH).enumerate() {
        let (written, rendered) = rayon::join(
            || emit(std::mem::take(&mut pending), &mut result, writer),
            || render_batch(batch, b * BATCH, format, langs),
        );
        written?;
        pending = rendered;
    }
    emit(pending, &mut result, writer)?;
    match format {
        Format::Tmx => tmx::footer(writer)?,
        Format::Xliff => xliff::footer(writer)?,
        Format::Po => {}
    }
    writer.flush()?;
    Ok(result)
}
