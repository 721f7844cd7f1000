//! Alignment across locales: which pages are the same page in several locales, and which
//! segments of those pages are the same source segment.
//!
//! Pages pair up by their path below the locale folder (`content/fr-FR/a/b.md` with
//! `content/nl-NL/a/b.md`), or below a folder given for each locale with [`LocaleRoot`]
//! (`corpus/<set>/<locale>/sxs/`). Segments pair up by id number, the part after the last
//! `-` (the part before it is a hash that differs between locales), and source text.

use rustc_hash::FxHashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use thiserror::Error;

use crate::files::{self, FileError};
use crate::page::{looks_like_locale, Page, SegmentView};

/// A `--locale-root LOCALE=DIR` argument that does not read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RootError {
    /// The argument has no `=` or an empty side.
    #[error("`{0}` is not LOCALE=DIR; write for example `fr-FR=corpus/hololens/fr-FR/sxs`")]
    Syntax(String),
}

/// The folder that holds the pages of one locale, for layouts where the locale is not the
/// folder right above the shared paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleRoot {
    /// The locale tag (`fr-FR`).
    pub locale: String,
    /// The folder; paths below it pair up with the same paths below the other roots.
    pub dir: PathBuf,
}

impl std::str::FromStr for LocaleRoot {
    type Err = RootError;

    fn from_str(arg: &str) -> Result<Self, Self::Err> {
        match arg.split_once('=') {
            Some((locale, dir)) if !locale.is_empty() && !dir.is_empty() => Ok(LocaleRoot {
                locale: locale.to_owned(),
                dir: PathBuf::from(dir),
            }),
            _ => Err(RootError::Syntax(arg.to_owned())),
        }
    }
}

/// What pairs a page with its versions in other locales.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageKey {
    /// The folder that holds the locale folder (empty with locale roots): pages pair up only
    /// within one such folder, so two sets of a corpus do not mix.
    pub prefix: PathBuf,
    /// The path below the locale folder or root.
    pub rest: PathBuf,
}

impl PageKey {
    /// The path below the locale folder, with `/` separators, as outputs name the page.
    pub fn name(&self) -> String {
        files::slash_path(&self.rest)
    }
}

/// Where a page sits: its locale and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The locale, from the locale folder or root.
    pub locale: String,
    /// What it pairs by.
    pub key: PageKey,
}

/// The locale and key of the page at `path`: below the first root that holds it, or else
/// below the last folder named like a locale tag. `None` when neither applies.
pub fn place(path: &Path, roots: &[LocaleRoot]) -> Option<Placed> {
    place_with(path, roots, &looks_like_locale)
}

/// Like [`place`], with `is_locale` telling which folder names are locale folders (the
/// configuration's list, where it has one).
pub fn place_with(
    path: &Path,
    roots: &[LocaleRoot],
    is_locale: &dyn Fn(&str) -> bool,
) -> Option<Placed> {
    for root in roots {
        if let Ok(rest) = path.strip_prefix(&root.dir) {
            return Some(Placed {
                locale: root.locale.clone(),
                key: PageKey {
                    prefix: PathBuf::new(),
                    rest: rest.to_owned(),
                },
            });
        }
    }
    let parent = path.parent()?;
    let components: Vec<_> = parent.components().collect();
    let at = components
        .iter()
        .rposition(|c| c.as_os_str().to_str().is_some_and(is_locale))?;
    let locale = components[at].as_os_str().to_str()?.to_owned();
    let prefix: PathBuf = components[..at].iter().collect();
    let rest: PathBuf = path.components().skip(at + 1).collect();
    Some(Placed {
        locale,
        key: PageKey { prefix, rest },
    })
}

/// One page in one locale of a [`Group`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The locale.
    pub locale: String,
    /// The file.
    pub path: PathBuf,
}

/// The versions of one page in the locales of the inputs, in locale order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What they pair by.
    pub key: PageKey,
    /// One page per locale present.
    pub members: Vec<Member>,
}

/// The pages below the inputs, grouped across locales.
#[derive(Debug, Default)]
pub struct Layout {
    /// Every locale among the inputs, sorted.
    pub locales: Vec<String>,
    /// The groups, sorted by key.
    pub groups: Vec<Group>,
    /// Pages with no locale folder and below no locale root: they pair with nothing.
    pub unplaced: Vec<PathBuf>,
    /// Files and folders that could not be listed.
    pub errors: Vec<FileError>,
}

impl Layout {
    /// The locales present among the pages with this key's prefix (one set of a corpus).
    pub fn locales_of(&self, prefix: &Path) -> Vec<&str> {
        let mut locales: Vec<&str> = self
            .groups
            .iter()
            .filter(|g| g.key.prefix == prefix)
            .flat_map(|g| g.members.iter().map(|m| m.locale.as_str()))
            .collect();
        locales.sort_unstable();
        locales.dedup();
        locales
    }
}

/// Finds the pages below `inputs` and groups them by key. A page below no locale folder
/// and no root, as in a clone of one locale's repository (`docs.fr-fr/articles/a.md`),
/// takes the locale of its `ms.contentlocale` and pairs by its path below the input it was
/// found in, as if that input were given as a locale root.
pub fn layout(inputs: &[PathBuf], roots: &[LocaleRoot]) -> Layout {
    let (pages, errors) = files::collect(inputs);
    let pages = pages.into_iter().map(|p| p.path);
    let mut layout = group_by_front_matter(pages, roots, &looks_like_locale, inputs);
    layout.errors = errors;
    layout
}

/// Like [`group`], and places the pages below no locale folder or root by their front
/// matter, below the `inputs` they were found in, as [`layout`] does.
pub fn group_by_front_matter(
    pages: impl IntoIterator<Item = PathBuf>,
    roots: &[LocaleRoot],
    is_locale: &dyn Fn(&str) -> bool,
    inputs: &[PathBuf],
) -> Layout {
    let (mut placed, unplaced) = place_all(pages, roots, is_locale);
    let by_front_matter: Vec<(PathBuf, Option<Placed>)> = unplaced
        .into_par_iter()
        .map(|path| {
            let placed = place_by_front_matter(&path, inputs);
            (path, placed)
        })
        .collect();
    let mut unplaced = Vec::new();
    for (path, found) in by_front_matter {
        match found {
            Some(found) => placed.push((found, path)),
            None => unplaced.push(path),
        }
    }
    let mut layout = assemble(placed);
    layout.unplaced = unplaced;
    layout
}

/// The place of a page below no locale folder: its front matter's locale, and its path
/// below the input that holds it. `None` where the page has no `ms.contentlocale` or
/// cannot be read (reading it again reports why).
fn place_by_front_matter(path: &Path, inputs: &[PathBuf]) -> Option<Placed> {
    let locale = Page::read_metadata(path).ok()??.content_locale?;
    let rest = inputs
        .iter()
        .find_map(|input| match path.strip_prefix(input) {
            Ok(rest) if !rest.as_os_str().is_empty() => Some(rest.to_owned()),
            Ok(_) => path.file_name().map(PathBuf::from),
            Err(_) => None,
        })?;
    Some(Placed {
        locale,
        key: PageKey {
            prefix: PathBuf::new(),
            rest,
        },
    })
}

/// Groups pages by key; `is_locale` tells which folder names are locale folders.
pub fn group(
    pages: impl IntoIterator<Item = PathBuf>,
    roots: &[LocaleRoot],
    is_locale: &dyn Fn(&str) -> bool,
) -> Layout {
    let (placed, unplaced) = place_all(pages, roots, is_locale);
    let mut layout = assemble(placed);
    layout.unplaced = unplaced;
    layout
}

/// Each page with its place, and the pages no locale folder or root places.
fn place_all(
    pages: impl IntoIterator<Item = PathBuf>,
    roots: &[LocaleRoot],
    is_locale: &dyn Fn(&str) -> bool,
) -> (Vec<(Placed, PathBuf)>, Vec<PathBuf>) {
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for path in pages {
        match place_with(&path, roots, is_locale) {
            Some(found) => placed.push((found, path)),
            None => unplaced.push(path),
        }
    }
    (placed, unplaced)
}

/// The layout of placed pages: groups sorted by key, members by locale.
fn assemble(placed: Vec<(Placed, PathBuf)>) -> Layout {
    let mut layout = Layout::default();
    let mut groups: FxHashMap<PageKey, Vec<Member>> = FxHashMap::default();
    for (placed, path) in placed {
        let members = groups.entry(placed.key).or_default();
        // The same file given twice (overlapping inputs) is one member.
        if !members.iter().any(|m| m.path == path) {
            members.push(Member {
                locale: placed.locale,
                path,
            });
        }
    }
    for (key, mut members) in groups {
        members.sort_by(|a, b| (&a.locale, &a.path).cmp(&(&b.locale, &b.path)));
        layout
            .locales
            .extend(members.iter().map(|m| m.locale.clone()));
        layout.groups.push(Group { key, members });
    }
    layout.locales.sort_unstable();
    layout.locales.dedup();
    layout.groups.sort_by(|a, b| a.key.cmp(&b.key));
    layout
}

/// The segment number of an id: the part after the last `-` (`113` of `1f3b2-113`), the
/// whole id where it has no `-`.
pub fn segment_number(id: &str) -> &str {
    id.rsplit('-').next().unwrap_or(id)
}

/// One source segment and its translation in each locale of a group.
#[derive(Debug, Clone)]
pub struct Row<'p> {
    /// The segment number.
    pub number: &'p str,
    /// The English text.
    pub source: &'p str,
    /// The segment in each page given to [`align_segments`], in that order; `None` where
    /// that page has no segment with this number and source.
    pub cells: Vec<Option<SegmentView<'p>>>,
}

/// Pairs the segments of `pages` (one page per locale; `None` for a locale without the
/// page), those of the front matter first, by segment number and source text. Rows come in
/// segment number order (the localization tool numbers segments in page order), then in
/// page order.
pub fn align_segments<'p>(pages: &[Option<&'p Page>]) -> Vec<Row<'p>> {
    // Sort key of a row: its number, then the page that added it and its place there.
    type Order = (u64, usize, usize);
    let mut rows: Vec<(Order, Row<'p>)> = Vec::new();
    let mut index: FxHashMap<(&str, &str, usize), usize> = FxHashMap::default();
    for (p, page) in pages.iter().enumerate() {
        let Some(page) = page else { continue };
        let mut seen: FxHashMap<(&str, &str), usize> = FxHashMap::default();
        for (seq, segment) in page.all_segments().enumerate() {
            let number = segment_number(segment.id());
            let source = segment.source();
            let occurrence = seen.entry((number, source)).or_insert(0);
            let key = (number, source, *occurrence);
            *occurrence += 1;
            if let Some(&row) = index.get(&key) {
                rows[row].1.cells[p] = Some(segment);
                continue;
            }
            let mut cells = vec![None; pages.len()];
            cells[p] = Some(segment);
            let order = (number.parse().unwrap_or(u64::MAX), p, seq);
            index.insert(key, rows.len());
            rows.push((
                order,
                Row {
                    number,
                    source,
                    cells,
                },
            ));
        }
    }
    rows.sort_by_key(|(order, _)| *order);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// A page read for checking across locales.
#[derive(Debug)]
pub struct LoadedPage {
    /// The locale, from the locale folder or root.
    pub locale: String,
    /// The page.
    pub page: Page,
}

/// The versions of one page that could be read, in locale order.
#[derive(Debug)]
pub struct LoadedGroup {
    /// What they pair by.
    pub key: PageKey,
    /// The pages.
    pub pages: Vec<LoadedPage>,
    /// The locales present among the inputs with this key's prefix: where the page is
    /// expected.
    pub expected: Vec<String>,
}

/// Reads the pages of every group, in parallel. Pages that cannot be read are left out:
/// the per-page pass reports them.
pub fn load(layout: &Layout) -> Vec<LoadedGroup> {
    let mut expected: FxHashMap<&Path, Vec<String>> = FxHashMap::default();
    for group in &layout.groups {
        if !expected.contains_key(group.key.prefix.as_path()) {
            let locales = layout.locales_of(&group.key.prefix);
            let locales = locales.into_iter().map(str::to_owned).collect();
            expected.insert(&group.key.prefix, locales);
        }
    }
    layout
        .groups
        .par_iter()
        .map(|group| LoadedGroup {
            key: group.key.clone(),
            pages: group
                .members
                .iter()
                .filter_map(|m| {
                    Page::read(&m.path).ok().map(|page| LoadedPage {
                        locale: m.locale.clone(),
                        page,
                    })
                })
                .collect(),
            expected: expected
                .get(group.key.prefix.as_path())
                .cloned()
                .unwrap_or_default(),
        })
        .collect()
}

/// Skeleton between two segments of a page (or before the first, or after the last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The index of the segment before it, if any.
    pub before: Option<usize>,
    /// The index of the segment after it, if any.
    pub after: Option<usize>,
    /// Its bytes in the page; empty where two segments touch.
    pub range: std::ops::Range<usize>,
}

/// The skeleton of the body, cut at the segments: one gap more than there are segments.
pub fn gaps(page: &Page) -> Vec<Gap> {
    let mut out = Vec::new();
    let mut start = page.prelude().len();
    let mut index: usize = 0;
    for piece in page.pieces() {
        if let crate::sxs::Piece::Segment(segment) = piece {
            out.push(Gap {
                before: index.checked_sub(1),
                after: Some(index),
                range: start..segment.range.start,
            });
            start = segment.range.end;
            index += 1;
        }
    }
    out.push(Gap {
        before: index.checked_sub(1),
        after: None,
        range: start..page.text().len(),
    });
    out
}

/// The prose of a page outside code blocks, as Markdown text events: in the skeleton it is
/// text the localization tool translated in place rather than as segments (image alt text,
/// table-of-contents entries). Byte ranges, in order.
pub fn prose(page: &Page) -> Vec<std::ops::Range<usize>> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let body = page.prelude().len();
    let mut out = Vec::new();
    let mut in_code = false;
    for (event, range) in crate::markdown::parser(&page.text()[body..]).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(_) if !in_code => out.push(body + range.start..body + range.end),
            _ => {}
        }
    }
    out
}

/// The output formats of `align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tab-separated values with a header row; tabs, newlines and backslashes escaped.
    Tsv,
    /// Comma-separated values (RFC 4180) with a header row.
    Csv,
    /// One JSON array of objects, one object per line.
    Json,
}

/// One row as the JSON format writes it.
#[derive(Serialize)]
struct JsonRow<'a> {
    page: &'a str,
    segment: &'a str,
    source: &'a str,
    /// Locale to translation; `null` where the locale lacks the segment.
    translations: serde_json::Map<String, serde_json::Value>,
}

/// Appends the rows of one group to `out` in `format`: TSV or CSV lines, or JSON objects
/// each followed by `,\n`. `locales` are the output's columns.
pub fn write_rows(
    name: &str,
    locales: &[String],
    members: &[&str],
    rows: &[Row<'_>],
    format: Format,
    out: &mut Vec<u8>,
) {
    for row in rows {
        let translation = |locale: &String| {
            members
                .iter()
                .position(|m| m == locale)
                .and_then(|i| row.cells[i])
                .map(|s| s.translation())
        };
        match format {
            Format::Json => {
                let translations = locales
                    .iter()
                    .map(|l| {
                        let value = translation(l).map_or(serde_json::Value::Null, |t| t.into());
                        (l.clone(), value)
                    })
                    .collect();
                let record = JsonRow {
                    page: name,
                    segment: row.number,
                    source: row.source,
                    translations,
                };
                // Serializing strings into memory cannot fail.
                serde_json::to_writer(&mut *out, &record).expect("JSON of strings");
                out.extend_from_slice(b",\n");
            }
            Format::Tsv | Format::Csv => {
                let fields = [name, row.number, row.source]
                    .into_iter()
                    .chain(locales.iter().map(|l| translation(l).unwrap_or_default()));
                write_line(fields, format, out);
            }
        }
    }
}

fn write_line<'a>(fields: impl Iterator<Item = &'a str>, format: Format, out: &mut Vec<u8>) {
    for (i, field) in fields.enumerate() {
        match format {
            Format::Csv => {
                if i > 0 {
                    out.push(b',');
                }
                csv_field(field, out);
            }
            _ => {
                if i > 0 {
                    out.push(b'\t');
                }
                crate::extract::tsv_field(field, out);
            }
        }
    }
    out.extend_from_slice(if format == Format::Csv {
        b"\r\n"
    } else {
        b"\n"
    });
}

/// A CSV field, quoted where it holds a comma, quote or line break (RFC 4180).
fn csv_field(field: &str, out: &mut Vec<u8>) {
    if !field.contains([',', '"', '\n', '\r']) {
        out.extend_from_slice(field.as_bytes());
        return;
    }
    out.push(b'"');
    out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
    out.push(b'"');
}

/// What an `align` run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Groups (pages across locales) written.
    pub pages: usize,
    /// Rows written.
    pub rows: usize,
    /// Pages that pair with nothing, having no locale folder and no root.
    pub unplaced: Vec<PathBuf>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
}

/// How many groups one parallel batch holds before its rows are written in order.
const BATCH: usize = 128;

/// `align`: writes one row per source segment of the pages below `inputs`, with a column
/// per locale, to `writer`.
pub fn run(
    inputs: &[PathBuf],
    roots: &[LocaleRoot],
    format: Format,
    writer: &mut dyn Write,
) -> io::Result<Report> {
    let layout = layout(inputs, roots);
    let mut report = Report {
        unplaced: layout.unplaced,
        errors: layout.errors,
        ..Report::default()
    };
    let locales = &layout.locales;
    match format {
        Format::Json => writer.write_all(b"[\n")?,
        _ => {
            let header = ["page", "segment", "source"]
                .into_iter()
                .chain(locales.iter().map(String::as_str));
            let mut line = Vec::new();
            write_line(header, format, &mut line);
            writer.write_all(&line)?;
        }
    }
    let mut pending_comma = false;
    for batch in layout.groups.chunks(BATCH) {
        let results: Vec<(usize, Vec<u8>, Vec<FileError>)> = batch
            .par_iter()
            .map(|group| {
                let mut errors = Vec::new();
                let pages: Vec<Option<Page>> = group
                    .members
                    .iter()
                    .map(|m| match Page::read(&m.path) {
                        Ok(page) => Some(page),
                        Err(err) => {
                            errors.push(err.into());
                            None
                        }
                    })
                    .collect();
                let refs: Vec<Option<&Page>> = pages.iter().map(Option::as_ref).collect();
                let rows = align_segments(&refs);
                let members: Vec<&str> = group.members.iter().map(|m| m.locale.as_str()).collect();
                let mut bytes = Vec::new();
                write_rows(
                    &group.key.name(),
                    locales,
                    &members,
                    &rows,
                    format,
                    &mut bytes,
                );
                (rows.len(), bytes, errors)
            })
            .collect();
        for (rows, mut bytes, errors) in results {
            report.pages += 1;
            report.rows += rows;
            report.errors.extend(errors);
            if format == Format::Json && !bytes.is_empty() {
                // Objects end in `,\n`; the comma is written only once the next one comes.
                bytes.truncate(bytes.len() - 2);
                if pending_comma {
                    writer.write_all(b",\n")?;
                }
                pending_comma = true;
                writer.write_all(&bytes)?;
                continue;
            }
            writer.write_all(&bytes)?;
        }
    }
    if format == Format::Json {
        writer.write_all(if pending_comma { b"\n]\n" } else { b"]\n" })?;
    }
    writer.flush()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(id: &str, source: &str, translation: &str) -> String {
        format!("<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>\n")
    }

    #[test]
    fn pages_pair_by_path_below_the_locale_folder_or_root() {
        let fr = place(Path::new("c/fr-FR/a/b.md"), &[]).unwrap();
        let nl = place(Path::new("c/nl-NL/a/b.md"), &[]).unwrap();
        assert_eq!((fr.locale.as_str(), &fr.key), ("fr-FR", &nl.key));
        assert_eq!(fr.key.name(), "a/b.md");
        let other = place(Path::new("d/nl-NL/a/b.md"), &[]).unwrap();
        assert_ne!(other.key, fr.key);
        let roots: Vec<LocaleRoot> = ["fr=x/one/sxs", "nl=y/two/sxs"]
            .iter()
            .map(|r| r.parse().unwrap())
            .collect();
        let a = place(Path::new("x/one/sxs/p/q.md"), &roots).unwrap();
        let b = place(Path::new("y/two/sxs/p/q.md"), &roots).unwrap();
        assert_eq!((a.locale.as_str(), b.locale.as_str()), ("fr", "nl"));
        assert_eq!(a.key, b.key);
        assert!(place(Path::new("plain/p.md"), &[]).is_none());
        assert!("fr-FR".parse::<LocaleRoot>().is_err());
    }

    #[test]
    fn pages_below_no_locale_folder_pair_by_front_matter_locale() {
        let dir = tempfile::tempdir().unwrap();
        let page = |repo: &str, locale: Option<&str>| {
            let folder = dir.path().join(repo).join("articles");
            std::fs::create_dir_all(&folder).unwrap();
            let front = locale.map_or(String::new(), |l| {
                format!("---\nms.contentlocale: {l}\n---\n")
            });
            std::fs::write(folder.join("a.md"), front + &segment("aa-1", "One", "Un")).unwrap();
            dir.path().join(repo)
        };
        let inputs = [
            page("docs.fr-fr", Some("fr-FR")),
            page("docs.nl-nl", Some("nl-NL")),
            page("docs.unknown", None),
        ];
        let layout = layout(&inputs, &[]);
        assert_eq!(layout.locales, ["fr-FR", "nl-NL"]);
        assert_eq!(layout.groups.len(), 1);
        assert_eq!(layout.groups[0].key.name(), "articles/a.md");
        let members: Vec<&str> = layout.groups[0]
            .members
            .iter()
            .map(|m| m.locale.as_str())
            .collect();
        assert_eq!(members, ["fr-FR", "nl-NL"]);
        assert_eq!(layout.unplaced, [inputs[2].join("articles").join("a.md")]);
    }

    #[test]
    fn segments_pair_by_number_and_source() {
        // The 2017 pipeline's title segment in the front matter pairs like the others.
        let fr = Page::parse(
            "fr-FR/p.md",
            [
                format!("---\ntitle: {}---\n", segment("aa-0", "Title", "Titre")),
                segment("aa-1", "One", "Un"),
                segment("aa-2", "Two", "Deux"),
                segment("aa-4", "Four", "Quatre"),
            ]
            .concat(),
        );
        let nl = Page::parse(
            "nl-NL/p.md",
            [
                format!("---\ntitle: {}---\n", segment("bb-0", "Title", "Titel")),
                segment("bb-1", "One", "Een"),
                segment("bb-2", "Two, changed", "Twee"),
                segment("bb-3", "Three", "Drie"),
                segment("bb-4", "Four", "Vier"),
            ]
            .concat(),
        );
        let rows = align_segments(&[Some(&fr), Some(&nl)]);
        let got: Vec<(&str, &str, Option<&str>, Option<&str>)> = rows
            .iter()
            .map(|r| {
                (
                    r.number,
                    r.source,
                    r.cells[0].map(|s| s.translation()),
                    r.cells[1].map(|s| s.translation()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("0", "Title", Some("Titre"), Some("Titel")),
                ("1", "One", Some("Un"), Some("Een")),
                ("2", "Two", Some("Deux"), None),
                ("2", "Two, changed", None, Some("Twee")),
                ("3", "Three", None, Some("Drie")),
                ("4", "Four", Some("Quatre"), Some("Vier")),
            ]
        );
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut out = Vec::new();
        write_line(
            ["a", "b,c", "say \"x\"", "l1\nl2"].into_iter(),
            Format::Csv,
            &mut out,
        );
        assert_eq!(out, b"a,\"b,c\",\"say \"\"x\"\"\",\"l1\nl2\"\r\n");
    }
}
