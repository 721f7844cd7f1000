//! `import`: translations from an XLIFF 2 or PO file, as `export` writes them, back into the
//! segments they came from.
//!
//! A unit names its page (the path below the exported inputs' common folder) and its
//! segment (the unit id). It applies where that page is found below the import's inputs,
//! has that segment, and the segment's source is still the unit's source. Only the
//! translation text of the segments changes; every other byte of each page stays as it is,
//! and each changed page is written atomically. Units that do not apply are reported with
//! the reason.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::Reader;
use rayon::prelude::*;
use thiserror::Error;

use crate::export::{po, unit_ids};
use crate::files::{self, FileError};
use crate::page::Page;
use crate::sxs::{Piece, Segment};

/// Why an import file could not be read at all.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file's name does not say XLIFF or PO.
    #[error("{}: unknown format; give a .xlf, .xliff or .po file", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The XLIFF file is not well-formed XML.
    #[error("{}: not well-formed XML at byte {offset}: {message}", path.display())]
    Xml {
        /// The file.
        path: PathBuf,
        /// Where the reader stopped.
        offset: u64,
        /// What is wrong.
        message: String,
    },
    /// A PO string does not read.
    #[error("{}:{line}: {message}", path.display())]
    Po {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// One translation unit read from an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The page it names.
    pub page: String,
    /// The unit id: the segment id, with `_2`… on repeats in a page.
    pub id: String,
    /// The source text, markup restored.
    pub source: String,
    /// The translation, markup restored; `None` where the unit has none.
    pub target: Option<String>,
}

/// Why a unit was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// No page below the inputs has the unit's page path.
    NoPage,
    /// Several pages below the inputs end with the unit's page path.
    AmbiguousPage(Vec<PathBuf>),
    /// The page could not be read (the error is reported apart).
    Unreadable,
    /// The page has no segment with the unit's id.
    NoSegment,
    /// The segment's source is no longer the unit's source.
    SourceChanged {
        /// The source now in the page.
        now: String,
    },
    /// The unit has no translation.
    NoTarget,
    /// The translation holds segment markup that would not read back as this translation.
    BreaksMarkup,
    /// An earlier unit of the file already applied to this segment.
    Duplicate,
}

/// A unit that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The unit's page.
    pub page: String,
    /// The unit's id.
    pub id: String,
    /// Why.
    pub reason: Reason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}: ", self.page, self.id)?;
        match &self.reason {
            Reason::NoPage => write!(f, "no page below the inputs ends with this path; give the inputs given to export"),
            Reason::AmbiguousPage(paths) => {
                let list: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
                write!(f, "several pages match ({}); give narrower inputs", list.join(", "))
            }
            Reason::Unreadable => write!(f, "the page could not be read"),
            Reason::NoSegment => write!(f, "the page has no segment with this id"),
            Reason::SourceChanged { now } => write!(
                f,
                "the segment's source changed since the export (now `{}`); export again",
                crate::rules::shorten(now, 80)
            ),
            Reason::NoTarget => write!(f, "the unit has no translation"),
            Reason::BreaksMarkup => write!(
                f,
                "the translation holds segment markup (a `data-ttu-id` or `sxs-lookup` span) that would break the page; fix the translation"
            ),
            Reason::Duplicate => write!(f, "an earlier unit already applied to this segment"),
        }
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Units read from the file.
    pub units: usize,
    /// Units written into their segment.
    pub applied: usize,
    /// Applied units whose translation differs from the page's.
    pub changed: usize,
    /// Pages written (those with a changed translation).
    pub pages_written: usize,
    /// Units not applied, in file order within each page.
    pub skipped: Vec<Skipped>,
    /// Pages that could not be read or written.
    pub errors: Vec<FileError>,
}

/// Reads the units of an XLIFF (`.xlf`, `.xliff`) or PO (`.po`) file.
pub fn read_units(path: &Path) -> Result<Vec<Unit>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 ({e})"),
        ))
    })?;
    match ext.as_deref() {
        Some("xlf" | "xliff") => read_xliff(path, &text),
        Some("po") => read_po(path, &text),
        _ => Err(ImportError::UnknownFormat {
            path: path.to_owned(),
        }),
    }
}

/// Reads XLIFF 2 units: `<file original>`, `<unit id>`, source and target with `<ph>`,
/// `<pc>`, `<sc>`/`<ec>` codes replaced by their `<originalData>`.
pub fn read_xliff(path: &Path, text: &str) -> Result<Vec<Unit>, ImportError> {
    let mut reader = Reader::from_str(text);
    let error = |reader: &Reader<&[u8]>, message: String| ImportError::Xml {
        path: path.to_owned(),
        offset: reader.buffer_position(),
        message,
    };
    let mut units = Vec::new();
    let mut page = String::new();
    let mut unit: Option<Unit> = None;
    let mut data: HashMap<String, String> = HashMap::new();
    let mut data_id: Option<String> = None;
    // Which text is being read: 1 source, 2 target, 3 a data element.
    let mut into: u8 = 0;
    let mut pc_ends: Vec<Option<String>> = Vec::new();
    let mut buffer = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| error(&reader, e.to_string()))?;
        let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> Option<String> {
            e.attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == name)
                .and_then(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned())
                })
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if into == 0 || into == 3 => {
                match e.local_name().as_ref() {
                    "file" => page = attr(&e, "original").unwrap_or_default(),
                    "unit" => {
                        data.clear();
                        unit = Some(Unit {
                            page: page.clone(),
                            id: attr(&e, "id").unwrap_or_default(),
                            source: String::new(),
                            target: None,
                        });
                    }
                    "data" => {
                        data_id = attr(&e, "id");
                        buffer.clear();
                        into = 3;
                    }
                    "source" if empty => {}
                    "target" if empty => {
                        if let Some(u) = unit.as_mut() {
                            u.target.get_or_insert_with(String::new);
                        }
                    }
                    "source" => {
                        buffer.clear();
                        into = 1;
                    }
                    "target" => {
                        buffer.clear();
                        into = 2;
                    }
                    _ => {}
                }
            }
            Event::Start(e) => match e.local_name().as_ref() {
                "pc" => {
                    let start = attr(&e, "dataRefStart");
                    buffer.push_str(lookup(&data, start.as_deref()));
                    pc_ends.push(attr(&e, "dataRefEnd"));
                }
                "mrk" | "sm" | "em" => {}
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "ph" | "sc" | "ec" => {
                    buffer.push_str(lookup(&data, attr(&e, "dataRef").as_deref()));
                }
                "cp" => {
                    let ch = attr(&e, "hex")
                        .and_then(|h| u32::from_str_radix(&h, 16).ok())
                        .and_then(char::from_u32);
                    buffer.extend(ch);
                }
                _ => {}
            },
            Event::Text(t) if into != 0 => buffer.push_str(&t.xml10_content()),
            Event::CData(t) if into != 0 => buffer.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if into != 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => buffer.push(c),
                _ => match r.as_ref() {
                    "amp" => buffer.push('&'),
                    "lt" => buffer.push('<'),
                    "gt" => buffer.push('>'),
                    "quot" => buffer.push('"'),
                    "apos" => buffer.push('\''),
                    other => return Err(error(&reader, format!("unknown entity `&{other};`"))),
                },
            },
            Event::End(e) => match e.local_name().as_ref() {
                "pc" if into == 1 || into == 2 => {
                    let end = pc_ends.pop().flatten();
                    buffer.push_str(lookup(&data, end.as_deref()));
                }
                "data" if into == 3 => {
                    if let Some(id) = data_id.take() {
                        data.insert(id, std::mem::take(&mut buffer));
                    }
                    into = 0;
                }
                "source" if into == 1 => {
                    if let Some(u) = unit.as_mut() {
                        u.source.push_str(&buffer);
                    }
                    into = 0;
                }
                "target" if into == 2 => {
                    if let Some(u) = unit.as_mut() {
                        u.target.get_or_insert_with(String::new).push_str(&buffer);
                    }
                    into = 0;
                }
                "unit" => units.extend(unit.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(units)
}

fn lookup<'d>(data: &'d HashMap<String, String>, id: Option<&str>) -> &'d str {
    id.and_then(|id| data.get(id)).map_or("", String::as_str)
}

/// Reads PO entries: `msgctxt` is `page#unit-id`; the header entry and obsolete (`#~`)
/// entries are left out.
pub fn read_po(path: &Path, text: &str) -> Result<Vec<Unit>, ImportError> {
    #[derive(Default)]
    struct Entry {
        ctxt: Option<String>,
        id: Option<String>,
        str: Option<String>,
    }
    let mut units = Vec::new();
    let mut entry = Entry::default();
    // Which field continuation lines add to: 0 none, 1 msgctxt, 2 msgid, 3 msgstr.
    let mut field = 0;
    let finish = |entry: &mut Entry, units: &mut Vec<Unit>| {
        let done = std::mem::take(entry);
        if let (Some(ctxt), Some(id)) = (done.ctxt, done.id) {
            let (page, unit) = ctxt.rsplit_once('#').unwrap_or(("", &ctxt));
            units.push(Unit {
                page: page.to_owned(),
                id: unit.to_owned(),
                source: id,
                target: done.str,
            });
        }
    };
    for (n, line) in text.lines().enumerate() {
        let bad = |message: &str| ImportError::Po {
            path: path.to_owned(),
            line: n + 1,
            message: message.to_owned(),
        };
        let line = line.trim_end_matches('\r');
        let (keyword, rest) = match line.split_once(' ') {
            Some((k, r)) if k.starts_with("msg") => (k, r),
            _ => ("", line),
        };
        let value = |rest: &str| po::unquote(rest).ok_or_else(|| bad("not a quoted PO string"));
        match keyword {
            "msgctxt" => {
                finish(&mut entry, &mut units);
                entry.ctxt = Some(value(rest)?);
                field = 1;
            }
            "msgid" => {
                if entry.id.is_some() {
                    finish(&mut entry, &mut units);
                }
                entry.id = Some(value(rest)?);
                field = 2;
            }
            "msgstr" => {
                entry.str = Some(value(rest)?);
                field = 3;
            }
            "" if line.trim_start().starts_with('"') => {
                let more = value(line)?;
                let target = match field {
                    1 => &mut entry.ctxt,
                    2 => &mut entry.id,
                    3 => &mut entry.str,
                    _ => return Err(bad("a string continues no field")),
                };
                target.get_or_insert_with(String::new).push_str(&more);
            }
            "" => field = 0,
            other => {
                return Err(bad(&format!(
                    "`{other}` is not supported; locdoc exports have one msgstr per entry"
                )))
            }
        }
    }
    finish(&mut entry, &mut units);
    Ok(units)
}

/// `import`: applies the units of `file` to the pages below `into`.
pub fn run(file: &Path, into: &[PathBuf]) -> Result<Report, ImportError> {
    let units = read_units(file)?;
    Ok(apply(&units, into))
}

/// Applies `units` to the pages below `into`.
pub fn apply(units: &[Unit], into: &[PathBuf]) -> Report {
    let (pages, errors) = files::collect(into);
    let mut report = Report {
        units: units.len(),
        errors,
        ..Report::default()
    };
    // Each unit's page: the one page whose path ends with the unit's page path.
    let mut by_page: HashMap<&Path, Vec<&Unit>> = HashMap::new();
    let mut resolved: HashMap<&str, Result<&Path, Reason>> = HashMap::new();
    for unit in units {
        let found = resolved.entry(unit.page.as_str()).or_insert_with(|| {
            let wanted = Path::new(&unit.page);
            let matches: Vec<&Path> = pages
                .iter()
                .map(|p| p.path.as_path())
                .filter(|p| !unit.page.is_empty() && p.ends_with(wanted))
                .collect();
            match matches.as_slice() {
                [one] => Ok(*one),
                [] => Err(Reason::NoPage),
                many => Err(Reason::AmbiguousPage(
                    many.iter().map(|p| p.to_path_buf()).collect(),
                )),
            }
        });
        match found {
            Ok(path) => by_page.entry(*path).or_default().push(unit),
            Err(reason) => report.skipped.push(Skipped {
                page: unit.page.clone(),
                id: unit.id.clone(),
                reason: reason.clone(),
            }),
        }
    }
    let mut work: Vec<(&Path, Vec<&Unit>)> = by_page.into_iter().collect();
    work.sort_by(|a, b| a.0.cmp(b.0));
    let results: Vec<PageResult> = work
        .par_iter()
        .map(|(path, units)| apply_page(path, units))
        .collect();
    for result in results {
        report.applied += result.applied;
        report.changed += result.changed;
        report.pages_written += usize::from(result.written);
        report.skipped.extend(result.skipped);
        report.errors.extend(result.error);
    }
    report
}

#[derive(Default)]
struct PageResult {
    applied: usize,
    changed: usize,
    written: bool,
    skipped: Vec<Skipped>,
    error: Option<FileError>,
}

fn apply_page(path: &Path, units: &[&Unit]) -> PageResult {
    let mut result = PageResult::default();
    let skip = |unit: &Unit, reason| Skipped {
        page: unit.page.clone(),
        id: unit.id.clone(),
        reason,
    };
    let page = match Page::read(path) {
        Ok(page) => page,
        Err(err) => {
            result.skipped = units.iter().map(|u| skip(u, Reason::Unreadable)).collect();
            result.error = Some(err.into());
            return result;
        }
    };
    let ids = unit_ids(&page);
    let index: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let segments: Vec<_> = page.all_segments().collect();
    let mut replacement: Vec<Option<&str>> = vec![None; segments.len()];
    for unit in units {
        let Some(&i) = index.get(unit.id.as_str()) else {
            result.skipped.push(skip(unit, Reason::NoSegment));
            continue;
        };
        let segment = segments[i];
        if segment.source() != unit.source {
            let now = segment.source().to_owned();
            result
                .skipped
                .push(skip(unit, Reason::SourceChanged { now }));
            continue;
        }
        let Some(target) = unit.target.as_deref() else {
            result.skipped.push(skip(unit, Reason::NoTarget));
            continue;
        };
        if replacement[i].is_some() {
            result.skipped.push(skip(unit, Reason::Duplicate));
            continue;
        }
        if target != segment.translation() && !keeps_markup(target) {
            result.skipped.push(skip(unit, Reason::BreaksMarkup));
            continue;
        }
        replacement[i] = Some(target);
        result.applied += 1;
        if target != segment.translation() {
            result.changed += 1;
        }
    }
    if result.changed == 0 {
        return result;
    }
    let text = with_translations(&page, &replacement);
    match files::write_atomic(path, text.as_bytes()) {
        Ok(()) => result.written = true,
        Err(source) => {
            result.error = Some(FileError::Write {
                path: path.to_owned(),
                source,
            })
        }
    }
    result
}

/// Whether `translation` reads back as the whole translation of a segment.
fn keeps_markup(translation: &str) -> bool {
    let probe = format!("<span data-ttu-id=\"x-1\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">s</span></span>");
    let page = Page::parse("probe.md", probe);
    let mut segments = page.segments();
    matches!(
        (segments.next(), segments.next()),
        (Some(s), None) if s.translation() == translation && page.diagnostics().is_empty()
    )
}

/// The page's text with the translation of segment `i` (in [`Page::all_segments`] order)
/// replaced by `replacement[i]` where it is given; every other byte as it is.
pub fn with_translations(page: &Page, replacement: &[Option<&str>]) -> String {
    let text = page.text();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    let mut push_segment = |segment: &Segment, out: &mut String| {
        let new = replacement.get(index).copied().flatten();
        for (k, part) in segment.parts().into_iter().enumerate() {
            match (k, new) {
                (1, Some(new)) => out.push_str(new),
                _ => out.push_str(&text[part]),
            }
        }
        index += 1;
    };
    let mut at = 0;
    for segment in page.front_matter_segments() {
        out.push_str(&text[at..segment.segment.range.start]);
        push_segment(segment.segment, &mut out);
        at = segment.segment.range.end;
    }
    out.push_str(&text[at..page.prelude().len()]);
    for piece in page.pieces() {
        match piece {
            Piece::Skeleton(range) => out.push_str(&text[range.clone()]),
            Piece::Segment(segment) => push_segment(segment, &mut out),
        }
    }
    out
}
