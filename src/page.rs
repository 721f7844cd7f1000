//! The page model: a localized page as front matter, skeleton and segments, keeping every byte.
//!
//! [`Page::write_sxs`] writes the model back and gives the input bytes exactly; every other
//! output (the clean translated page, the English page, exports) is made from the model.

use std::borrow::Cow;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use thiserror::Error;

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::frontmatter::{self, FrontMatter, Metadata};
use crate::sxs::{self, Piece, Segment};
use crate::text::{self, Cursor, DecodeError, LineIndex, Position, UTF8_BOM};

/// Why a page could not be read at all.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("cannot read {}: {source}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// What is wrong with its bytes.
        source: DecodeError,
    },
}

/// A parsed localized page.
#[derive(Debug, Clone)]
pub struct Page {
    path: PathBuf,
    text: String,
    body_start: usize,
    front_matter: Option<FrontMatter>,
    /// Segments inside the front matter's YAML, in order.
    head: Vec<Segment>,
    pieces: Vec<Piece>,
    diagnostics: Vec<Diagnostic>,
    /// The front matter's keys, read on first use: regenerating a page does not need them.
    meta: OnceLock<(Metadata, Option<Diagnostic>)>,
    /// Line starts, built on first use.
    lines: OnceLock<LineIndex>,
}

impl Page {
    /// Reads and parses the page at `path`.
    pub fn read(path: &Path) -> Result<Page, ReadError> {
        Ok(Page::parse(path, read_text(path)?))
    }

    /// The keys of the front matter of the page at `path`, read without scanning the body
    /// for segments; `None` where the YAML does not parse (reading the whole page reports
    /// why).
    pub fn read_metadata(path: &Path) -> Result<Option<Metadata>, ReadError> {
        let text = read_text(path)?;
        let mut cursor = Cursor::new(&text);
        let front_matter = frontmatter::locate(&text, bom_len(&text), &mut cursor, &mut Vec::new());
        Ok(match front_matter {
            Some(fm) => {
                let head =
                    sxs::scan_front_matter(&text, fm.yaml.clone(), &mut cursor, &mut Vec::new());
                let (yaml, _) = substitute(&text, fm.yaml, &head, |s| &s.translation);
                frontmatter::read_metadata(&yaml).ok()
            }
            None => Some(Metadata::default()),
        })
    }

    /// Parses page text. Never fails: what it cannot read becomes a diagnostic.
    pub fn parse(path: impl Into<PathBuf>, text: String) -> Page {
        let mut diagnostics = Vec::new();
        let bom = bom_len(&text);
        let mut cursor = Cursor::new(&text);
        let front_matter = frontmatter::locate(&text, bom, &mut cursor, &mut diagnostics);
        let body_start = front_matter.as_ref().map_or(bom, |fm| fm.range.end);
        let head = match &front_matter {
            Some(fm) => {
                sxs::scan_front_matter(&text, fm.yaml.clone(), &mut cursor, &mut diagnostics)
            }
            None => Vec::new(),
        };
        let pieces = sxs::scan(&text, body_start..text.len(), &mut cursor, &mut diagnostics);
        Page {
            path: path.into(),
            text,
            body_start,
            front_matter,
            head,
            pieces,
            diagnostics,
            meta: OnceLock::new(),
            lines: OnceLock::new(),
        }
    }

    /// The file the page was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole page text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte order mark and front matter block, as they are in the file.
    pub fn prelude(&self) -> &str {
        &self.text[..self.body_start]
    }

    /// Whether the file starts with a UTF-8 byte order mark.
    pub fn has_bom(&self) -> bool {
        self.text.starts_with(UTF8_BOM)
    }

    /// The front matter block, if the page has one.
    pub fn front_matter(&self) -> Option<&FrontMatter> {
        self.front_matter.as_ref()
    }

    /// The typed front matter keys (all `None` without front matter, or where its YAML
    /// does not parse: see [`Page::front_matter_diagnostic`]). Values that hold segments
    /// are read with their translations.
    pub fn meta(&self) -> &Metadata {
        &self.read_meta().0
    }

    /// Hands the page the keys of its front matter, read from the same text before (the
    /// site reads them for its index first), so that they are not parsed twice. Keys
    /// already read stay.
    pub fn preset_meta(&self, meta: Metadata) {
        let _ = self.meta.set((meta, None));
    }

    /// Why the front matter's YAML could not be read, if it could not.
    pub fn front_matter_diagnostic(&self) -> Option<&Diagnostic> {
        self.read_meta().1.as_ref()
    }

    fn read_meta(&self) -> &(Metadata, Option<Diagnostic>) {
        self.meta.get_or_init(|| {
            let Some(fm) = &self.front_matter else {
                return (Metadata::default(), None);
            };
            let (yaml, runs) =
                substitute(&self.text, fm.yaml.clone(), &self.head, |s| &s.translation);
            match frontmatter::read_metadata(&yaml) {
                Ok(meta) => (meta, None),
                Err(err) => {
                    // Each run of the YAML read is a run of the page, at the same length.
                    let offset = text::map_offset(&runs, err.offset);
                    let diagnostic = Diagnostic {
                        kind: DiagnosticKind::InvalidFrontMatter,
                        offset,
                        position: self.position(offset),
                        message: err.message,
                    };
                    (Metadata::default(), Some(diagnostic))
                }
            }
        })
    }

    /// The line and column of a byte offset of the page.
    pub fn position(&self, offset: usize) -> Position {
        self.lines
            .get_or_init(|| LineIndex::new(&self.text))
            .position(&self.text, offset)
    }

    /// The body, in order: skeleton pieces and segments.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The segments of the front matter (older pipelines translated `title` and
    /// `description` in place), in order.
    pub fn front_matter_segments(&self) -> impl Iterator<Item = SegmentView<'_>> {
        self.head.iter().map(|segment| SegmentView {
            segment,
            page: self,
        })
    }

    /// The segments of the front matter and then of the body: every segment of the page,
    /// in page order.
    pub fn all_segments(&self) -> impl Iterator<Item = SegmentView<'_>> {
        self.front_matter_segments().chain(self.segments())
    }

    /// The byte order mark and front matter block with each front matter segment replaced
    /// by the text `pick` chooses of it (its translation or its source).
    pub fn prelude_with(&self, pick: impl Fn(&Segment) -> &Range<usize>) -> Cow<'_, str> {
        substitute(&self.text, 0..self.body_start, &self.head, pick).0
    }

    /// The segments of the body, in order.
    pub fn segments(&self) -> impl Iterator<Item = SegmentView<'_>> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Segment(segment) => Some(SegmentView {
                segment,
                page: self,
            }),
            Piece::Skeleton(_) => None,
        })
    }

    /// Every segment of the page ([`Page::all_segments`]) with the line and column where
    /// each starts, computed in one pass (cheaper than [`SegmentView::position`] on pages
    /// with very long lines).
    pub fn positioned_segments(&self) -> impl Iterator<Item = (SegmentView<'_>, Position)> {
        let mut cursor = Cursor::new(&self.text);
        self.all_segments().map(move |s| {
            let position = cursor.position(s.segment.range.start);
            (s, position)
        })
    }

    /// What the parser noticed in the markup and kept as it was. Front matter YAML is
    /// checked apart, by [`Page::front_matter_diagnostic`].
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The page's locale: `ms.contentlocale`, or else the nearest path component
    /// that looks like a locale (`fr-FR`).
    pub fn locale(&self) -> Option<&str> {
        self.meta()
            .content_locale
            .as_deref()
            .or_else(|| locale_in_path(&self.path))
    }

    /// Writes the page back from the model: the exact input text.
    pub fn write_sxs(&self, out: &mut String) {
        out.push_str(self.prelude());
        for piece in &self.pieces {
            match piece {
                Piece::Skeleton(range) => out.push_str(&self.text[range.clone()]),
                Piece::Segment(segment) => {
                    for part in segment.parts() {
                        out.push_str(&self.text[part]);
                    }
                }
            }
        }
    }
}

/// A segment together with the page it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct SegmentView<'p> {
    /// Where the segment's parts are.
    pub segment: &'p Segment,
    page: &'p Page,
}

impl<'p> SegmentView<'p> {
    fn text(&self, range: &std::ops::Range<usize>) -> &'p str {
        &self.page.text[range.clone()]
    }

    /// The translation span's id.
    pub fn id(&self) -> &'p str {
        self.text(&self.segment.ttu_id)
    }

    /// The source span's id.
    pub fn source_id(&self) -> &'p str {
        self.text(&self.segment.stu_id)
    }

    /// The translated text, as written in the page.
    pub fn translation(&self) -> &'p str {
        self.text(&self.segment.translation)
    }

    /// The English text, as written in the page.
    pub fn source(&self) -> &'p str {
        self.text(&self.segment.source)
    }

    /// The text of the segment's line before its markup: `| Name | ` in a table row.
    pub fn line_before(&self) -> &'p str {
        let start = self.segment.range.start;
        let before = &self.page.text[..start];
        let line = before.rfind(['\n', '\r']).map_or(0, |at| at + 1);
        &before[line..]
    }

    /// Where the segment markup starts.
    pub fn position(&self) -> Position {
        self.page.position(self.segment.range.start)
    }

    /// Where the translated text starts.
    pub fn translation_position(&self) -> Position {
        self.page.position(self.segment.translation.start)
    }

    /// Where the English text starts.
    pub fn source_position(&self) -> Position {
        self.page.position(self.segment.source.start)
    }
}

/// `text[range]` with each of `segments` (which lie inside it, in order) replaced by the
/// text `pick` chooses of it, and where each run of the result starts: its offset in the
/// result and in `text`.
fn substitute<'t>(
    text: &'t str,
    range: Range<usize>,
    segments: &[Segment],
    pick: impl Fn(&Segment) -> &Range<usize>,
) -> (Cow<'t, str>, Vec<(usize, usize)>) {
    if segments.is_empty() {
        return (Cow::Borrowed(&text[range.clone()]), vec![(0, range.start)]);
    }
    let mut out = String::with_capacity(range.len());
    let mut runs = Vec::with_capacity(2 * segments.len() + 1);
    let mut push = |from: Range<usize>, out: &mut String| {
        runs.push((out.len(), from.start));
        out.push_str(&text[from]);
    };
    let mut at = range.start;
    for segment in segments {
        push(at..segment.range.start, &mut out);
        push(pick(segment).clone(), &mut out);
        at = segment.range.end;
    }
    push(at..range.end, &mut out);
    (Cow::Owned(out), runs)
}

/// The text of the file at `path`, decoded.
fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = crate::files::read(path).map_err(|source| ReadError::Io {
        path: path.to_owned(),
        source,
    })?;
    text::decode(bytes).map_err(|source| ReadError::Decode {
        path: path.to_owned(),
        source,
    })
}

/// The length of the UTF-8 byte order mark `text` starts with: 3 or 0.
fn bom_len(text: &str) -> usize {
    if text.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    }
}

/// The last path component that looks like a BCP 47 locale tag (`fr-FR`, `nl-NL`, `zh-Hant-TW`).
pub fn locale_in_path(path: &Path) -> Option<&str> {
    path.parent()?
        .components()
        .rev()
        .filter_map(|c| c.as_os_str().to_str())
        .find(|c| looks_like_locale(c))
}

/// Whether `tag` has the shape of a BCP 47 language tag with a script or region:
/// a language, then a 4-letter script and/or a 2-letter or 3-digit region (`fr-FR`,
/// `zh-Hant-TW`, `es-419`, `sr-latn-rs`, `fil-PH`). The language is an ISO 639-1 code or
/// one of the three-letter ones of [`THREE_LETTER_LANGUAGES`], so that folder names such
/// as `how-to`, `set-up` or `add-users` are not taken for locales.
pub fn looks_like_locale(tag: &str) -> bool {
    // Every folder name of every page is asked: no allocation, and the list is searched
    // only for a name of a language's length.
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    let known = match *language.as_bytes() {
        [a, b] => {
            let code = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
            ISO_639_1.binary_search(&code).is_ok()
        }
        [_, _, _] => THREE_LETTER_LANGUAGES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(language)),
        _ => false,
    };
    if !known {
        return false;
    }
    let script = |p: &str| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic());
    let region = |p: &str| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
            || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    match (parts.next(), parts.next(), parts.next()) {
        (Some(one), None, _) => script(one) || region(one),
        (Some(s), Some(r), None) => script(s) && region(r),
        _ => false,
    }
}

/// A locale tag in the case BCP 47 recommends: `fr-FR`, `zh-Hant-TW`, `es-419`.
pub fn conventional_case(tag: &str) -> String {
    tag.split('-')
        .enumerate()
        .map(|(i, part)| match (i, part.len()) {
            (0, _) => part.to_ascii_lowercase(),
            (_, 2) => part.to_ascii_uppercase(),
            (_, 4) => {
                let mut script = part.to_ascii_lowercase();
                if let Some(first) = script.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                script
            }
            _ => part.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The two-letter language codes of ISO 639-1, sorted for binary search.
const ISO_639_1: &[[u8; 2]] = &[
    *b"aa", *b"ab", *b"ae", *b"af", *b"ak", *b"am", *b"an", *b"ar", *b"as", *b"av", *b"ay", *b"az",
    *b"ba", *b"be", *b"bg", *b"bh", *b"bi", *b"bm", *b"bn", *b"bo", *b"br", *b"bs", *b"ca", *b"ce",
    *b"ch", *b"co", *b"cr", *b"cs", *b"cu", *b"cv", *b"cy", *b"da", *b"de", *b"dv", *b"dz", *b"ee",
    *b"el", *b"en", *b"eo", *b"es", *b"et", *b"eu", *b"fa", *b"ff", *b"fi", *b"fj", *b"fo", *b"fr",
    *b"fy", *b"ga", *b"gd", *b"gl", *b"gn", *b"gu", *b"gv", *b"ha", *b"he", *b"hi", *b"ho", *b"hr",
    *b"ht", *b"hu", *b"hy", *b"hz", *b"ia", *b"id", *b"ie", *b"ig", *b"ii", *b"ik", *b"in", *b"io",
    *b"is", *b"it", *b"iu", *b"iw", *b"ja", *b"ji", *b"jv", *b"ka", *b"kg", *b"ki", *b"kj", *b"kk",
    *b"kl", *b"km", *b"kn", *b"ko", *b"kr", *b"ks", *b"ku", *b"kv", *b"kw", *b"ky", *b"la", *b"lb",
    *b"lg", *b"li", *b"ln", *b"lo", *b"lt", *b"lu", *b"lv", *b"mg", *b"mh", *b"mi", *b"mk", *b"ml",
    *b"mn", *b"mo", *b"mr", *b"ms", *b"mt", *b"my", *b"na", *b"nb", *b"nd", *b"ne", *b"ng", *b"nl",
    *b"nn", *b"no", *b"nr", *b"nv", *b"ny", *b"oc", *b"oj", *b"om", *b"or", *b"os", *b"pa", *b"pi",
    *b"pl", *b"ps", *b"pt", *b"qu", *b"rm", *b"rn", *b"ro", *b"ru", *b"rw", *b"sa", *b"sc", *b"sd",
    *b"se", *b"sg", *b"si", *b"sk", *b"sl", *b"sm", *b"sn", *b"so", *b"sq", *b"sr", *b"ss", *b"st",
    *b"su", *b"sv", *b"sw", *b"ta", *b"te", *b"tg", *b"th", *b"ti", *b"tk", *b"tl", *b"tn", *b"to",
    *b"tr", *b"ts", *b"tt", *b"tw", *b"ty", *b"ug", *b"uk", *b"ur", *b"uz", *b"ve", *b"vi", *b"vo",
    *b"wa", *b"wo", *b"xh", *b"yi", *b"yo", *b"za", *b"zh", *b"zu",
];

/// Three-letter language codes that documentation is localized into (Filipino, Dari,
/// Konkani, Cherokee, Sesotho sa Leboa, K'iche', Quechua, Hawaiian, Sakha, Tamazight,
/// Mapudungun, Mohawk, Swiss German, four Sami and two Sorbian languages, Cantonese,
/// Central Kurdish, Asturian, Cebuano and languages of India), and the codes some
/// pipelines use for Mandarin and Standard Arabic. ISO 639-3 has thousands more, so a
/// three-letter folder name (`how-to`, `add-on`) is a locale only when listed here.
const THREE_LETTER_LANGUAGES: &[&str] = &[
    "fil", "prs", "kok", "chr", "nso", "quc", "quz", "haw", "sah", "tzm", "arn", "moh", "gsw",
    "smn", "sms", "sma", "smj", "dsb", "hsb", "yue", "ckb", "cmn", "arb", "ast", "ceb", "mni",
    "sat", "brx", "doi", "mai",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_sorted_for_binary_search() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(looks_like_locale("zu-ZA") && looks_like_locale("AA-dj"));
        assert!(!looks_like_locale("zz-ZZ") && !looks_like_locale("sxs"));
    }

    #[test]
    fn locale_from_path_and_front_matter() {
        assert!(looks_like_locale("fr-FR"));
        assert!(looks_like_locale("zh-Hant-TW"));
        assert!(!looks_like_locale("sxs"));
        assert!(!looks_like_locale("a-b"));
        assert!(!looks_like_locale("add-users"));
        assert!(!looks_like_locale("get-started"));
        assert!(looks_like_locale("sr-latn-rs"));
        assert!(looks_like_locale("es-419"));
        assert!(looks_like_locale("pt-br"));
        assert!(looks_like_locale("fil-PH"));
        assert_eq!(conventional_case("sr-latn-rs"), "sr-Latn-RS");
        assert_eq!(conventional_case("x-éab"), "x-éab");
        // Folder names shaped like tags whose language is none.
        for folder in [
            "how-to", "set-up", "add-on", "opt-in", "log-in", "web-ui", "xx-YY",
        ] {
            assert!(!looks_like_locale(folder), "{folder}");
        }
        assert_eq!(
            locale_in_path(Path::new("docs/fr-FR/how-to/a.md")),
            Some("fr-FR")
        );
        assert_eq!(
            locale_in_path(Path::new("corpus/m365/nl-NL/sxs/a.md")),
            Some("nl-NL")
        );
        let page = Page::parse("x/de-DE/p.md", "---\nms.contentlocale: fr-FR\n---\n".into());
        assert_eq!(page.locale(), Some("fr-FR"));
        let page = Page::parse("x/de-DE/p.md", "no front matter".into());
        assert_eq!(page.locale(), Some("de-DE"));
    }

    #[test]
    fn writes_back_exactly() {
        let text = "\u{feff}---\r\ntitle: t\r\n---\r\n# <a name=\"x\"></a><span data-ttu-id=\"a-1\">Titre</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Title</span></span>\r\n<span data-ttu-id=\"a-2\">broken";
        let page = Page::parse("p.md", text.into());
        let mut out = String::new();
        page.write_sxs(&mut out);
        assert_eq!(out, text);
        assert_eq!(page.segments().count(), 1);
        let seg = page.segments().next().unwrap();
        assert_eq!(
            (seg.id(), seg.translation(), seg.source()),
            ("a-1", "Titre", "Title")
        );
        assert_eq!(
            seg.position(),
            Position {
                line: 4,
                column: 19
            }
        );
        assert_eq!(page.diagnostics().len(), 1);
    }
}
