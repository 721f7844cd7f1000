//! Exports for translators: every segment of the pages of one locale as a translation unit
//! in TMX 1.4b ([`tmx`]), XLIFF 2.1 ([`xliff`]) or gettext PO ([`po`]).
//!
//! Each unit carries the page (its path below the inputs' common folder) and the segment
//! id, so `import` can bring it back. Markdown and HTML markup inside a segment becomes
//! protected inline codes in the XML formats ([`codes`]); PO keeps it verbatim.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::batch::Report;
use crate::files::{self, FileError};
use crate::page::{conventional_case, locale_in_path, looks_like_locale, Page, SegmentView};

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
    let segments: Box<dyn Iterator<Item = (SegmentView<'_>, usize)>> = if lines {
        Box::new(page.positioned_segments().map(|(s, p)| (s, p.line)))
    } else {
        Box::new(page.all_segments().map(|s| (s, 0)))
    };
    segments
        .map(|(segment, line)| {
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

/// Renders the units of one page (the `index`-th exported) in `format`; `splitter` is kept
/// from page to page for its buffers.
fn render(
    format: Format,
    page: &Page,
    name: &str,
    index: usize,
    langs: &Languages,
    splitter: &mut codes::Splitter,
) -> Vec<u8> {
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
        Format::Tmx => tmx::page(
            &mut out,
            name,
            &units,
            &split_units(&units, splitter),
            langs,
        ),
        Format::Xliff => xliff::page(
            &mut out,
            name,
            index,
            &units,
            &split_units(&units, splitter),
        ),
        Format::Po => po::page(&mut out, name, &units),
    }
    out
}

/// The pieces of the units' texts: source then translation of each unit, in order (one
/// Markdown parse per page for most of them).
fn split_units<'t>(units: &[Unit<'t>], splitter: &mut codes::Splitter) -> codes::Split<'t> {
    let texts: Vec<&str> = units
        .iter()
        .flat_map(|u| [u.segment.source(), u.segment.translation()])
        .collect();
    let mut split = codes::Split::default();
    splitter.split_all(&texts, &mut split);
    split
}

/// Writes XML elements into memory. Elements are written directly, since building a
/// quick-xml event per element costs allocations that dominate an export of many small
/// units.
pub(crate) struct Xml<'o>(pub &'o mut Vec<u8>);

impl Xml<'_> {
    /// `<name a="v"…>`, or `<name a="v"…/>` when `empty`.
    pub fn start(&mut self, name: &str, attributes: &[(&str, &str)], empty: bool) {
        self.0.push(b'<');
        self.0.extend_from_slice(name.as_bytes());
        for (key, value) in attributes {
            self.0.push(b' ');
            self.0.extend_from_slice(key.as_bytes());
            self.0.extend_from_slice(b"=\"");
            self.value(value);
            self.0.push(b'"');
        }
        self.0.extend_from_slice(if empty { b"/>" } else { b">" });
    }

    /// `</name>`.
    pub fn end(&mut self, name: &str) {
        self.0.extend_from_slice(b"</");
        self.0.extend_from_slice(name.as_bytes());
        self.0.push(b'>');
    }

    /// An attribute value, escaped: markup and quotes, and the white space a reader's
    /// attribute-value normalization would turn into spaces as character references.
    pub fn value(&mut self, value: &str) {
        // Values are short ids and paths: a plain pass over the bytes.
        let bytes = value.as_bytes();
        let mut start = 0;
        for (at, byte) in bytes.iter().enumerate() {
            let entity: &[u8] = match byte {
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'&' => b"&amp;",
                b'"' => b"&quot;",
                b'\'' => b"&apos;",
                b'\t' => b"&#9;",
                b'\n' => b"&#10;",
                b'\r' => b"&#13;",
                _ => continue,
            };
            self.0.extend_from_slice(&bytes[start..at]);
            self.0.extend_from_slice(entity);
            start = at + 1;
        }
        self.0.extend_from_slice(&bytes[start..]);
    }

    /// Character data: escaped, with carriage returns as `&#13;` so a reader's line-ending
    /// normalization cannot turn `\r\n` into `\n`.
    pub fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        // Carriage returns are rare: one memchr pass decides whether to split at them.
        if memchr::memchr(b'\r', bytes).is_none() {
            self.escape(bytes);
            return;
        }
        for (i, part) in bytes.split(|&b| b == b'\r').enumerate() {
            if i > 0 {
                self.0.extend_from_slice(b"&#13;");
            }
            self.escape(part);
        }
    }

    /// Character data without carriage returns. Most text has nothing to escape: the few
    /// bytes that need it are found with memchr and the runs between them copied whole.
    fn escape(&mut self, bytes: &[u8]) {
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
    /// Pages, segments and problems, over all locales exported.
    pub report: Report,
    /// Pages left out because their locale is not exported (or, with [`run_each`], because
    /// they have none).
    pub skipped: Vec<PathBuf>,
    /// Each locale exported, in the order first met.
    pub locales: Vec<Written>,
}

/// One locale's export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The locale, as the target language of its units.
    pub locale: String,
    /// The file written, when the export went to a folder.
    pub path: Option<PathBuf>,
    /// Pages exported.
    pub pages: usize,
    /// Segments exported.
    pub segments: usize,
}

impl Format {
    /// The file name extension of the format (`xliff`, `tmx`, `po`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::Xliff => "xliff",
            Format::Po => "po",
        }
    }

    fn header(self, out: &mut dyn Write, langs: &Languages) -> io::Result<()> {
        match self {
            Format::Tmx => tmx::header(out, langs),
            Format::Xliff => xliff::header(out, langs),
            Format::Po => po::header(out, langs),
        }
    }

    fn footer(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::Tmx => tmx::footer(out),
            Format::Xliff => xliff::footer(out),
            Format::Po => Ok(()),
        }
    }
}

/// Which locales an export takes.
#[derive(Debug, Clone, Copy)]
enum Selection<'a> {
    /// The locales named (compared without regard to case), under the names given.
    Named(&'a [String]),
    /// Every locale met, under the name its first page gives it.
    Every,
}

impl Selection<'_> {
    /// The name `locale`'s units are exported under, `None` when it is not exported.
    fn name(self, locale: &str) -> Option<String> {
        match self {
            Selection::Named(names) => names
                .iter()
                .find(|n| n.eq_ignore_ascii_case(locale))
                .cloned(),
            // The name becomes a file name: only what has the shape of a locale tag, in one
            // spelling for `fr-fr` and `fr-FR`.
            Selection::Every => looks_like_locale(locale).then(|| conventional_case(locale)),
        }
    }
}

/// A page rendered: its locale's export name, segment count and bytes; `None` when its
/// locale is not exported.
type Rendered = Result<Option<(String, usize, Vec<u8>)>, FileError>;

/// What rendering a page needs to know of the export.
#[derive(Clone, Copy)]
struct Job<'a> {
    format: Format,
    source: &'a str,
    selection: Selection<'a>,
}

/// Reads and renders one page (the `index`-th of the inputs) when its locale is exported.
fn render_input(
    input: &files::Input,
    index: usize,
    job: Job<'_>,
    splitter: &mut codes::Splitter,
) -> Rendered {
    let Job {
        format,
        source,
        selection,
    } = job;
    // The locale folder decides without reading the page; the front matter otherwise.
    let in_path = locale_in_path(&input.path);
    let from_path = in_path.map(|l| selection.name(l));
    if from_path == Some(None) {
        return Ok(None);
    }
    let page = Page::read(&input.path)?;
    let Some(target) = from_path
        .flatten()
        .or_else(|| page.locale().and_then(|l| selection.name(l)))
    else {
        return Ok(None);
    };
    // The page as units name it: its path below the inputs' common folder.
    let name = files::slash_path(&input.relative);
    let langs = Languages {
        source: source.to_owned(),
        target,
    };
    let bytes = render(format, &page, &name, index, &langs, splitter);
    Ok(Some((langs.target, page.all_segments().count(), bytes)))
}

/// Where one locale's export goes.
enum Sink<'w> {
    /// The caller's writer.
    Borrowed(&'w mut (dyn Write + Send)),
    /// A file of the output folder, renamed into place at the end.
    File(files::AtomicFile),
}

/// One locale's export being written.
struct Open<'w> {
    written: Written,
    sink: Sink<'w>,
}

impl Open<'_> {
    fn writer(&mut self) -> &mut (dyn Write + Send) {
        match &mut self.sink {
            Sink::Borrowed(w) => &mut **w,
            Sink::File(f) => f,
        }
    }
}

/// The exports of one run: the locales open so far, and the folder new ones go to.
struct Exports<'w> {
    format: Format,
    source: &'w str,
    dir: Option<&'w Path>,
    open: Vec<Open<'w>>,
    result: ExportReport,
}

impl<'w> Exports<'w> {
    /// Starts the export of `locale` into `sink` (the file at `path`, if a file): its
    /// header is written at once.
    fn start(&mut self, locale: &str, sink: Sink<'w>, path: Option<PathBuf>) -> io::Result<usize> {
        let mut open = Open {
            written: Written {
                locale: locale.to_owned(),
                path,
                pages: 0,
                segments: 0,
            },
            sink,
        };
        let langs = Languages {
            source: self.source.to_owned(),
            target: locale.to_owned(),
        };
        self.format.header(open.writer(), &langs)?;
        self.open.push(open);
        Ok(self.open.len() - 1)
    }

    /// Starts the export of `locale` as a file of the output folder.
    fn start_file(&mut self, locale: &str) -> io::Result<usize> {
        let dir = self
            .dir
            .ok_or_else(|| io::Error::other("no output folder"))?;
        let path = dir.join(file_name(locale, self.format));
        let file = files::AtomicFile::create(&path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        self.start(locale, Sink::File(file), Some(path))
    }

    /// Writes a rendered page into its locale's export and counts it.
    fn emit(&mut self, path: PathBuf, rendered: Rendered) -> io::Result<()> {
        match rendered {
            Ok(Some((locale, segments, bytes))) => {
                let at = match self.open.iter().position(|o| o.written.locale == locale) {
                    Some(at) => at,
                    None => self.start_file(&locale)?,
                };
                let open = &mut self.open[at];
                open.writer().write_all(&bytes)?;
                open.written.pages += 1;
                open.written.segments += segments;
            }
            Ok(None) => self.result.skipped.push(path),
            Err(err) => self.result.report.errors.push(err),
        }
        Ok(())
    }

    /// Writes every export's end, and puts the files in place.
    fn finish(mut self) -> io::Result<ExportReport> {
        for mut open in self.open {
            self.format.footer(open.writer())?;
            open.writer().flush()?;
            if let Sink::File(file) = open.sink {
                file.commit()?;
            }
            self.result.locales.push(open.written);
        }
        // The totals are the sums over the locales.
        let report = &mut self.result.report;
        report.pages = self.result.locales.iter().map(|w| w.pages).sum();
        report.segments = self.result.locales.iter().map(|w| w.segments).sum();
        Ok(self.result)
    }
}

/// The file of `locale`'s export in an output folder: `fr-FR.xliff`.
fn file_name(locale: &str, format: Format) -> String {
    format!("{locale}.{}", format.extension())
}

/// Reads the pages below `inputs` and writes each exported locale's units in page order.
fn export(
    inputs: &[PathBuf],
    selection: Selection<'_>,
    mut exports: Exports<'_>,
) -> io::Result<ExportReport> {
    let (pages, errors) = files::collect(inputs);
    exports.result.report.errors = errors;
    let job = Job {
        format: exports.format,
        source: exports.source,
        selection,
    };
    // Every thread of the pool takes the next page from one counter and renders it; the
    // pages finish nearly in order, so few wait for their turn. The thread that finds
    // pages due writes them while the others go on rendering.
    let next = AtomicUsize::new(0);
    let order = InOrder {
        queue: Mutex::new(Queue::default()),
        written: Condvar::new(),
        exports: Mutex::new((exports, None)),
    };
    rayon::broadcast(|_| {
        let _stop = StopOnPanic(&order);
        let mut splitter = codes::Splitter::default();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = pages.get(at) else { break };
            if !order.wait_turn(at) {
                break;
            }
            let rendered = render_input(input, at + 1, job, &mut splitter);
            if !order.put(at, input.path.clone(), rendered) {
                break;
            }
        }
    });
    // A thread that panicked while holding a lock panics the whole export.
    let (exports, failed) = order
        .exports
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    match failed {
        Some(err) => Err(err),
        None => exports.finish(),
    }
}

/// Rendered pages waiting to be written in page order.
#[derive(Default)]
struct Queue {
    /// Pages rendered before their turn, by place.
    early: FxHashMap<usize, (PathBuf, Rendered)>,
    /// The place of the next page to write.
    due: usize,
    /// Whether a thread is writing: it writes whatever becomes due meanwhile.
    writing: bool,
    /// Whether a write failed: nothing more is written.
    failed: bool,
}

impl Queue {
    /// Moves the pages now due, in order, to `ready`.
    fn take_due(&mut self, ready: &mut Vec<(PathBuf, Rendered)>) {
        while let Some(page) = self.early.remove(&self.due) {
            ready.push(page);
            self.due += 1;
        }
    }
}

/// Stops the export when its thread panics, so that no other thread waits for a page that
/// will not come (the panic then reaches the caller).
struct StopOnPanic<'a, 'w>(&'a InOrder<'w>);

impl Drop for StopOnPanic<'_, '_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let mut queue = self.0.queue.lock().unwrap_or_else(PoisonError::into_inner);
            queue.failed = true;
            self.0.written.notify_all();
        }
    }
}

/// How many pages a thread may render ahead of the next one to write: a page much larger
/// than the others holds back at most this many behind it in memory.
const AHEAD: usize = 256;

/// The exports being written in page order by the threads that render the pages.
struct InOrder<'w> {
    queue: Mutex<Queue>,
    /// Signalled when pages have been written (or a write failed).
    written: Condvar,
    /// The exports, and the first write that failed. Only the thread writing locks them.
    exports: Mutex<(Exports<'w>, Option<io::Error>)>,
}

impl InOrder<'_> {
    /// Waits until the page at place `at` is few enough places ahead of the next one to
    /// write; false once a write has failed.
    fn wait_turn(&self, at: usize) -> bool {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        // The page due is never waiting here, so the wait ends.
        while at >= queue.due + AHEAD && !queue.failed {
            queue = self
                .written
                .wait(queue)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !queue.failed
    }

    /// Takes the page at place `at`. When no other thread is writing, writes every page
    /// due until none is left. False once a write has failed, when rendering more is
    /// pointless.
    fn put(&self, at: usize, path: PathBuf, rendered: Rendered) -> bool {
        let mut ready = Vec::new();
        {
            let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
            if queue.failed {
                return false;
            }
            queue.early.insert(at, (path, rendered));
            if queue.writing {
                return true;
            }
            queue.take_due(&mut ready);
            if ready.is_empty() {
                return true;
            }
            queue.writing = true;
        }
        loop {
            let written = {
                let mut exports = self.exports.lock().unwrap_or_else(PoisonError::into_inner);
                let (exports, failed) = &mut *exports;
                let written = ready
                    .drain(..)
                    .try_for_each(|(path, rendered)| exports.emit(path, rendered));
                if let Err(err) = written {
                    *failed = Some(err);
                    false
                } else {
                    true
                }
            };
            let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
            self.written.notify_all();
            if !written {
                queue.failed = true;
                queue.early.clear();
                return false;
            }
            queue.take_due(&mut ready);
            if ready.is_empty() {
                queue.writing = false;
                return true;
            }
        }
    }
}

/// `export`: writes every segment of the pages of `langs.target` below `inputs` to
/// `writer` in `format`.
pub fn run(
    inputs: &[PathBuf],
    format: Format,
    langs: &Languages,
    writer: &mut (dyn Write + Send),
) -> io::Result<ExportReport> {
    let mut exports = Exports {
        format,
        source: &langs.source,
        dir: None,
        open: Vec::new(),
        result: ExportReport::default(),
    };
    exports.start(&langs.target, Sink::Borrowed(writer), None)?;
    let targets = std::slice::from_ref(&langs.target);
    export(inputs, Selection::Named(targets), exports)
}

/// `export --out-dir`: writes the pages of each locale of `targets` below `inputs`, or of
/// every locale met when `targets` is empty, to `<dir>/<locale>.<extension>` (one file per
/// locale, each as [`run`] writes it for that locale). Pages are read once for all
/// locales; a page's locale is its locale folder, or else its `ms.contentlocale`.
pub fn run_each(
    inputs: &[PathBuf],
    format: Format,
    source: &str,
    targets: &[String],
    dir: &Path,
) -> io::Result<ExportReport> {
    let mut exports = Exports {
        format,
        source,
        dir: Some(dir),
        open: Vec::new(),
        result: ExportReport::default(),
    };
    // Named locales get a file even when no page has them.
    for target in targets {
        exports.start_file(target)?;
    }
    let selection = if targets.is_empty() {
        Selection::Every
    } else {
        Selection::Named(targets)
    };
    export(inputs, selection, exports)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_and_attribute_values_are_escaped() {
        let raw = "a<b>&'c\"\r\nd\te";
        let mut out = Vec::new();
        Xml(&mut out).value(raw);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a&lt;b&gt;&amp;&apos;c&quot;&#13;&#10;d&#9;e"
        );
        let mut out = Vec::new();
        Xml(&mut out).text(raw);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a&lt;b&gt;&amp;'c\"&#13;\nd\te"
        );
    }

    #[test]
    fn locales_met_in_any_case_are_named_in_the_conventional_one() {
        assert_eq!(conventional_case("fr-fr"), "fr-FR");
        assert_eq!(conventional_case("NL-nl"), "nl-NL");
        assert_eq!(conventional_case("zh-hant-tw"), "zh-Hant-TW");
        assert_eq!(conventional_case("es-419"), "es-419");
        assert_eq!(
            Selection::Every.name("sr-latn-rs").as_deref(),
            Some("sr-Latn-RS")
        );
        // Not a locale tag, so never a file name.
        assert_eq!(Selection::Every.name("../x"), None);
        let named = ["fr-FR".to_owned()];
        assert_eq!(
            Selection::Named(&named).name("FR-fr").as_deref(),
            Some("fr-FR")
        );
        assert_eq!(Selection::Named(&named).name("nl-NL"), None);
    }
}
