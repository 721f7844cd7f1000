//! The side-by-side (sxs) segment markup of a page body.
//!
//! A segment is written as
//!
//! ```text
//! <span data-ttu-id="ID">TRANSLATION</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>
//! ```
//!
//! and everything between segments is skeleton. The scanner reads span tags with a small
//! tag tokenizer and tracks the nesting of the other spans a segment may hold
//! (`<span class="anchor">…</span>`), so a translation ends at its own closing tag.
//! Malformed markup never fails the scan: its bytes stay in the skeleton and a
//! [`Diagnostic`] says what and where. The scan is linear in the size of the body,
//! whatever the nesting.

use std::ops::Range;

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::text::{Cursor, Position};

/// One translated segment and where each of its parts is in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The whole markup, from `<span data-ttu-id` through the last `</span>`.
    pub range: Range<usize>,
    /// The id of the translation span (`1f3b2-113`).
    pub ttu_id: Range<usize>,
    /// The id of the source span; the same as `ttu_id` in well-formed markup.
    pub stu_id: Range<usize>,
    /// The translated text between the translation span's tags.
    pub translation: Range<usize>,
    /// The English text between the source span's tags.
    pub source: Range<usize>,
    /// The markup's quotes are written as `&quot;`.
    pub entity_escaped: bool,
}

impl Segment {
    /// The markup pieces of the segment in page order, alternating with its two texts:
    /// open tags, translation, middle tags, source, close tags.
    pub fn parts(&self) -> [Range<usize>; 5] {
        [
            self.range.start..self.translation.start,
            self.translation.clone(),
            self.translation.end..self.source.start,
            self.source.clone(),
            self.source.end..self.range.end,
        ]
    }
}

/// A piece of a page body: skeleton bytes kept as they are, or a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bytes outside any segment.
    Skeleton(Range<usize>),
    /// A translated segment.
    Segment(Segment),
}

/// Splits `text[body]` into skeleton and segments, pushing diagnostics for markup it keeps
/// as skeleton. The pieces cover `body` exactly, in order.
pub fn scan<'t>(
    text: &'t str,
    body: Range<usize>,
    cursor: &mut Cursor<'t>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Piece> {
    scan_range(text, body, false, cursor, diagnostics)
}

/// The segments in the front matter's YAML `text[yaml]`, where older pipelines translated
/// `title` and `description` in place: `title: <span data-ttu-id="…">…`, or inside a
/// double-quoted scalar with the markup's quotes escaped, `"<span data-ttu-id=\"…\">…"`.
/// Markup it cannot read is reported as in the body.
pub fn scan_front_matter<'t>(
    text: &'t str,
    yaml: Range<usize>,
    cursor: &mut Cursor<'t>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Segment> {
    // Nearly every front matter has no markup at all.
    if memchr::memchr(b'<', &text.as_bytes()[yaml.clone()]).is_none() {
        return Vec::new();
    }
    scan_range(text, yaml, true, cursor, diagnostics)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Segment(segment) => Some(segment),
            Piece::Skeleton(_) => None,
        })
        .collect()
}

fn scan_range<'t>(
    text: &'t str,
    range: Range<usize>,
    yaml_quoted: bool,
    cursor: &mut Cursor<'t>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Piece> {
    let mut scanner = Scanner {
        text,
        end: range.end,
        yaml_quoted,
        cursor,
        diagnostics,
    };
    scanner.run(range.start)
}

struct Scanner<'t, 'c, 'd> {
    text: &'t str,
    end: usize,
    /// Attribute values may be quoted with `\"`, as in a YAML double-quoted scalar.
    yaml_quoted: bool,
    cursor: &'c mut Cursor<'t>,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// What role a `<span>` open tag plays in sxs markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// `<span data-ttu-id="…">`: opens a segment's translation.
    Translation,
    /// `<span class="sxs-lookup">`: wraps a segment's source.
    Lookup,
    /// `<span data-stu-id="…">`: holds a segment's source.
    Source,
    /// Any other span.
    Other,
}

#[derive(Debug, Clone)]
struct OpenTag {
    end: usize,
    role: Role,
    /// The id attribute's value, for translation and source spans.
    id: Range<usize>,
    entity_escaped: bool,
}

/// Why a segment could not be read at some offset.
struct Malformed {
    kind: DiagnosticKind,
    at: usize,
    message: crate::i18n::Message,
    /// Where scanning resumes; the bytes before it stay skeleton.
    resume: usize,
    /// The position of `at`, where it was already computed.
    position: Option<Position>,
}

const SPAN_OPEN: &[u8] = b"<span";
const CLOSE_TAGS: &str = "</span></span>";
/// How far a tag the scanner does not read is looked into for segment attributes.
const MAX_TAG: usize = 512;

impl<'t> Scanner<'t, '_, '_> {
    fn run(&mut self, start: usize) -> Vec<Piece> {
        let bytes = self.text.as_bytes();
        // Sized once from a count of the segment attribute (a segment and the skeleton
        // before it each), rather than grown by doubling, which leaves up to half unused in
        // every page a check holds.
        let expected = memchr::memmem::find_iter(&bytes[start..self.end], b"data-ttu-id").count();
        let mut pieces = Vec::with_capacity(2 * expected + 1);
        let mut skeleton_start = start;
        let mut at = start;
        while let Some(i) = memchr::memchr(b'<', &bytes[at..self.end]).map(|i| at + i) {
            // Tag names are case-insensitive: `<SPAN data-ttu-id=…>` opens a segment too.
            let Some(tag) = self.open_tag(i) else {
                self.report_unread(i, None);
                at = i + 1;
                continue;
            };
            match tag.role {
                Role::Translation => match self.segment(i, &tag) {
                    Ok(segment) => {
                        if skeleton_start < i {
                            self.report_escaped(skeleton_start..i);
                            pieces.push(Piece::Skeleton(skeleton_start..i));
                        }
                        at = segment.range.end;
                        skeleton_start = at;
                        pieces.push(Piece::Segment(segment));
                    }
                    Err(bad) => {
                        let position = bad.position.unwrap_or_else(|| self.cursor.position(bad.at));
                        self.diagnostics.push(Diagnostic {
                            kind: bad.kind,
                            offset: bad.at,
                            position,
                            message: bad.message,
                        });
                        at = bad.resume.max(tag.end);
                    }
                },
                Role::Lookup | Role::Source => {
                    self.report(
                        DiagnosticKind::OrphanSourceSpan,
                        i,
                        crate::msg!("diag-orphan-source"),
                    );
                    // Skip its content so the spans inside are not reported again.
                    let inner = (tag.role == Role::Lookup)
                        .then(|| self.open_tag(self.gap(tag.end)))
                        .flatten()
                        .filter(|t| t.role == Role::Source);
                    let content = inner.map_or(tag.end, |t| t.end);
                    at = self.source_end(content).map_or(tag.end, |(_, end)| end);
                }
                Role::Other => {
                    self.report_unread(i, Some(tag.end));
                    at = tag.end;
                }
            }
        }
        if skeleton_start < self.end {
            self.report_escaped(skeleton_start..self.end);
            pieces.push(Piece::Skeleton(skeleton_start..self.end));
        }
        pieces
    }

    fn report(&mut self, kind: DiagnosticKind, at: usize, message: crate::i18n::Message) {
        let position = self.cursor.position(at);
        self.diagnostics.push(Diagnostic {
            kind,
            offset: at,
            position,
            message,
        });
    }

    /// Reads a whole segment whose translation span opens at `start`.
    fn segment(&mut self, start: usize, ttu: &OpenTag) -> Result<Segment, Malformed> {
        let (translation_close, lookup, mut spaced) = self.translation_end(start, ttu)?;
        let translation = ttu.end..translation_close;
        let stu_at = self.gap(lookup.end);
        spaced |= stu_at != lookup.end;
        let stu = self
            .open_tag(stu_at)
            .filter(|t| t.role == Role::Source)
            .ok_or_else(|| Malformed {
                kind: DiagnosticKind::MissingSourceSpan,
                at: start,
                message: crate::msg!(
                    "diag-lookup-without-source",
                    id = &self.text[ttu.id.clone()]
                ),
                resume: lookup.end,
                position: None,
            })?;
        let (source_close, end) = self.source_end(stu.end).ok_or_else(|| Malformed {
            kind: DiagnosticKind::UnterminatedSpan,
            at: stu.end,
            message: crate::msg!("diag-source-unclosed", id = &self.text[ttu.id.clone()]),
            resume: stu.end,
            position: None,
        })?;

        let segment = Segment {
            range: start..end,
            ttu_id: ttu.id.clone(),
            stu_id: stu.id.clone(),
            translation,
            source: stu.end..source_close,
            entity_escaped: ttu.entity_escaped || lookup.entity_escaped || stu.entity_escaped,
        };
        self.check(&segment, spaced);
        Ok(segment)
    }

    /// Finds the end of a translation: the first `</span>` directly followed by the
    /// `sxs-lookup` span. Translations may hold other spans, balanced or not (MT output
    /// has `contoso.<span>com`), so nesting is not what ends them. Another segment's
    /// span first means this one is broken.
    fn translation_end(
        &mut self,
        start: usize,
        ttu: &OpenTag,
    ) -> Result<(usize, OpenTag, bool), Malformed> {
        let bytes = self.text.as_bytes();
        let id = &self.text[ttu.id.clone()];
        let mut at = ttu.end;
        let mut closed_at = None;
        while let Some(i) = memchr::memchr(b'<', &bytes[at..self.end]).map(|i| at + i) {
            if let Some(end) = self.close_tag(i) {
                let next = self.gap(end);
                if let Some(lookup) = self.open_tag(next).filter(|t| t.role == Role::Lookup) {
                    return Ok((i, lookup, next != end));
                }
                closed_at.get_or_insert(end);
                at = end;
            } else if let Some(tag) = self.open_tag(i).filter(|t| t.role != Role::Other) {
                if closed_at.is_none() && tag.role == Role::Translation {
                    // Positions come in page order, so the cursor never goes back.
                    let outer = self.cursor.position(start);
                    let inner = self.cursor.position(i);
                    let at = if inner.line == outer.line {
                        crate::msg!("diag-at-column", column = inner.column)
                    } else {
                        crate::msg!(
                            "diag-at-line-column",
                            line = inner.line,
                            column = inner.column
                        )
                    };
                    return Err(Malformed {
                        kind: DiagnosticKind::NestedSegment,
                        at: start,
                        message: crate::msg!("diag-nested-segment", id = id, at = at),
                        resume: ttu.end,
                        position: Some(outer),
                    });
                }
                break;
            } else {
                at = i + 1;
            }
        }
        Err(match closed_at {
            Some(resume) => Malformed {
                kind: DiagnosticKind::MissingSourceSpan,
                at: start,
                message: crate::msg!("diag-missing-lookup", id = id),
                resume,
                position: None,
            },
            None => Malformed {
                kind: DiagnosticKind::UnterminatedSpan,
                at: start,
                message: crate::msg!("diag-translation-unclosed", id = id),
                resume: ttu.end,
                position: None,
            },
        })
    }

    /// Finds the end of a source whose text starts at `from`: the offset of the source
    /// span's `</span>` and the offset after the lookup span's `</span>`. Balanced inner
    /// spans are skipped; where inner spans do not balance, the first `</span></span>`
    /// ends it. Stops at the next segment.
    fn source_end(&self, from: usize) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let limit = self.end;
        let mut depth = 0usize;
        let mut first_double = None;
        let mut at = from;
        while let Some(i) = memchr::memchr(b'<', &bytes[at..limit]).map(|i| at + i) {
            if let Some(end) = self.close_tag(i) {
                let double = self.close_tag(self.gap(end));
                if depth == 0 {
                    if let Some(after) = double {
                        return Some((i, after));
                    }
                    // Unbalanced inner spans: fall back to the first double close.
                    return first_double.or_else(|| self.first_double_close(end));
                }
                if first_double.is_none() {
                    first_double = double.map(|after| (i, after));
                }
                depth -= 1;
                at = end;
            } else if let Some(tag) = self.open_tag(i) {
                if tag.role != Role::Other {
                    return first_double;
                }
                depth += 1;
                at = tag.end;
            } else {
                at = i + 1;
            }
        }
        first_double
    }

    /// The first `</span></span>` at or after `from`, before the next segment.
    fn first_double_close(&self, from: usize) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        while let Some(i) = memchr::memchr(b'<', &bytes[at..self.end]).map(|i| at + i) {
            if let Some(end) = self.close_tag(i) {
                if let Some(after) = self.close_tag(self.gap(end)) {
                    return Some((i, after));
                }
                at = end;
            } else if self
                .open_tag(i)
                .is_some_and(|t| t.role == Role::Translation)
            {
                return None;
            } else {
                at = i + 1;
            }
        }
        None
    }

    /// Reports what is odd about a segment that was still read.
    /// `spaced`: white space was found between the translation's close tag and the source
    /// span's open tag.
    fn check(&mut self, segment: &Segment, spaced: bool) {
        let ttu = &self.text[segment.ttu_id.clone()];
        let stu = &self.text[segment.stu_id.clone()];
        if segment.entity_escaped {
            self.report(
                DiagnosticKind::EntityEscapedMarkup,
                segment.range.start,
                crate::msg!("diag-entity-escaped", id = ttu),
            );
        }
        if ttu != stu {
            self.report(
                DiagnosticKind::MismatchedIds,
                segment.range.start,
                crate::msg!("diag-mismatched-ids", ttu = ttu, stu = stu),
            );
        }
        // The close tags are nearly always exactly `</span></span>`; where not, the same
        // gap the scanner skipped between them says whether they are spaced.
        let spaced_close = segment.range.end - segment.source.end != CLOSE_TAGS.len()
            && self
                .close_tag(segment.source.end)
                .is_some_and(|end| self.gap(end) != end);
        if spaced || spaced_close {
            self.report(
                DiagnosticKind::SpacedMarkup,
                segment.range.start,
                crate::msg!("diag-spaced-markup", id = ttu),
            );
        }
        let bytes = &self.text.as_bytes()[segment.range.clone()];
        if memchr::memchr2(b'\n', b'\r', bytes).is_some() {
            self.report(
                DiagnosticKind::MultilineSegment,
                segment.range.start,
                crate::msg!("diag-multiline-segment", id = ttu),
            );
        }
    }

    /// The offset after the white space between two tags of a segment's markup at `at`:
    /// spaces and tabs around at most one line break, as a reformatting tool leaves them.
    /// Without any, `at`.
    #[inline]
    fn gap(&self, at: usize) -> usize {
        match self.text.as_bytes()[..self.end].get(at) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => self.gap_slow(at),
            _ => at,
        }
    }

    fn gap_slow(&self, at: usize) -> usize {
        let bytes = &self.text.as_bytes()[..self.end];
        let blank = |mut i: usize| {
            while matches!(bytes.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            i
        };
        let i = blank(at);
        let line_break = if bytes[i..].starts_with(b"\r\n") {
            2
        } else {
            usize::from(matches!(bytes.get(i), Some(b'\n' | b'\r')))
        };
        if line_break == 0 {
            i
        } else {
            blank(i + line_break)
        }
    }

    /// Reports a segment attribute (`data-ttu-id`, `data-stu-id`) in the tag at `at`, which
    /// is not a segment span: markup in a form the scanner does not read (another element,
    /// a self-closed span, an attribute without a value) would otherwise pass silently.
    /// `end` is where the tag ends, where it was read.
    fn report_unread(&mut self, at: usize, end: Option<usize>) {
        let bytes = &self.text.as_bytes()[..self.end];
        if matches!(bytes.get(at + 1), Some(b'/' | b'!')) {
            return; // close tags and comments have no attributes
        }
        let mut limit = end.unwrap_or(bytes.len().min(at + MAX_TAG));
        // A `<` inside the tag starts a tag of its own, which the scan reaches and reads:
        // codepen iframes carry a whole segment in their title, `title='<span data-ttu-id=…'`.
        if let Some(nested) = memchr::memchr(b'<', &bytes[at + 1..limit]) {
            limit = at + 1 + nested;
        }
        let whole = |b: Option<&u8>| {
            !b.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        };
        let mut from = at;
        // Each `-` up to the tag's end (`>`, or the line's where the tag was not read) may
        // be the one of `-id` in `data-ttu-id` or `data-stu-id`.
        while let Some(i) = memchr::memchr3(b'-', b'>', b'\n', &bytes[from..limit]) {
            let dash = from + i;
            if bytes[dash] != b'-' {
                break;
            }
            from = dash + 1;
            let Some(start) = dash.checked_sub(8).filter(|&s| s > at) else {
                continue;
            };
            let name = &bytes[start..bytes.len().min(dash + 3)];
            if (name.eq_ignore_ascii_case(b"data-ttu-id")
                || name.eq_ignore_ascii_case(b"data-stu-id"))
                && whole(bytes.get(start - 1))
                && whole(bytes.get(dash + 3))
            {
                self.report(
                    DiagnosticKind::UnreadMarkup,
                    start,
                    crate::msg!(
                        "diag-unread-markup",
                        attribute = &self.text[start..start + "data-ttu-id".len()]
                    ),
                );
                return;
            }
        }
    }

    /// Reports segment markup written wholly with entities in the skeleton `range`
    /// (`&lt;span data-ttu-id=&quot;…&quot;&gt;`): no `<` starts a tag there for the scan to
    /// read, and a reader would see the markup as text.
    fn report_escaped(&mut self, range: Range<usize>) {
        const OPEN: &[u8] = b"&lt;span";
        let bytes = &self.text.as_bytes()[range.clone()];
        let mut from = 0;
        while let Some(found) = memchr::memmem::find(&bytes[from..], b"&lt;") {
            let at = from + found;
            from = at + 4;
            let Some(name) = bytes.get(at..at + OPEN.len()) else {
                break;
            };
            if !name.eq_ignore_ascii_case(OPEN) {
                continue;
            }
            // The attributes up to the tag's end, its line's, or a tag's length.
            let rest = &bytes[at + OPEN.len()..bytes.len().min(at + MAX_TAG)];
            let tag = memchr::memmem::find(rest, b"&gt;")
                .or_else(|| memchr::memchr(b'\n', rest))
                .map_or(rest, |end| &rest[..end]);
            let attribute = ["data-ttu-id", "data-stu-id", "sxs-lookup"]
                .into_iter()
                .find(|a| memchr::memmem::find(tag, a.as_bytes()).is_some());
            if let Some(attribute) = attribute {
                self.report(
                    DiagnosticKind::UnreadMarkup,
                    range.start + at,
                    crate::msg!("diag-unread-markup", attribute = attribute),
                );
            }
        }
    }

    /// If a `</span>` tag starts at `at`, the offset after it.
    fn close_tag(&self, at: usize) -> Option<usize> {
        let bytes = &self.text.as_bytes()[..self.end];
        let rest = bytes.get(at..)?;
        if rest.len() < 7 || !rest[..6].eq_ignore_ascii_case(b"</span") {
            return None;
        }
        let mut i = 6;
        while rest.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        (rest.get(i) == Some(&b'>')).then_some(at + i + 1)
    }

    /// If a `<span …>` open tag starts at `at`, what it is.
    fn open_tag(&self, at: usize) -> Option<OpenTag> {
        let bytes = &self.text.as_bytes()[..self.end];
        let rest = bytes.get(at..)?;
        // Most `<` start other tags: the name is looked at before anything else.
        if rest.len() < 6 || !rest[..5].eq_ignore_ascii_case(SPAN_OPEN) {
            return None;
        }
        if let Some(tag) = canonical_tag(rest, at) {
            return Some(tag);
        }
        let mut i = 5;
        if !(rest[i].is_ascii_whitespace() || rest[i] == b'>') {
            return None;
        }
        let mut tag = OpenTag {
            end: 0,
            role: Role::Other,
            id: 0..0,
            entity_escaped: false,
        };
        loop {
            while rest.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            match rest.get(i)? {
                b'>' => {
                    tag.end = at + i + 1;
                    return Some(tag);
                }
                b'/' if rest.get(i + 1) == Some(&b'>') => {
                    // A self-closed span is not a container.
                    return None;
                }
                _ => {}
            }
            let name_start = i;
            while rest
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
            {
                i += 1;
            }
            if i == name_start {
                return None;
            }
            let name = &rest[name_start..i];
            while rest.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            if rest.get(i) != Some(&b'=') {
                continue; // an attribute without a value
            }
            i += 1;
            while rest.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            let (value, entity, next) = attribute_value(rest, i, self.yaml_quoted)?;
            tag.entity_escaped |= entity;
            i = next;
            let value_range = at + value.start..at + value.end;
            if name.eq_ignore_ascii_case(b"data-ttu-id") {
                tag.role = Role::Translation;
                tag.id = value_range;
            } else if name.eq_ignore_ascii_case(b"data-stu-id") {
                tag.role = Role::Source;
                tag.id = value_range;
            } else if name.eq_ignore_ascii_case(b"class")
                && tag.role == Role::Other
                && rest[value.clone()]
                    .split(|b| b.is_ascii_whitespace())
                    .any(|c| c == b"sxs-lookup")
            {
                tag.role = Role::Lookup;
            }
        }
    }
}

const QUOT: &[u8] = b"&quot;";

/// The three span tags as the localization pipeline writes them, read without the
/// general tokenizer: nearly every tag of a page is one of these.
fn canonical_tag(rest: &[u8], at: usize) -> Option<OpenTag> {
    const LOOKUP: &[u8] = b"<span class=\"sxs-lookup\">";
    if rest.starts_with(LOOKUP) {
        return Some(OpenTag {
            end: at + LOOKUP.len(),
            role: Role::Lookup,
            id: 0..0,
            entity_escaped: false,
        });
    }
    let (prefix, role): (&[u8], Role) = if rest.starts_with(b"<span data-ttu-id=\"") {
        (b"<span data-ttu-id=\"", Role::Translation)
    } else if rest.starts_with(b"<span data-stu-id=\"") {
        (b"<span data-stu-id=\"", Role::Source)
    } else {
        return None;
    };
    let value = &rest[prefix.len()..];
    let len = memchr::memchr(b'"', &value[..value.len().min(128)])?;
    let plain = value[..len]
        .iter()
        .all(|b| !matches!(b, b'&' | b'<' | b'>' | b'\n' | b'\r'));
    (plain && value.get(len + 1) == Some(&b'>')).then(|| OpenTag {
        end: at + prefix.len() + len + 2,
        role,
        id: at + prefix.len()..at + prefix.len() + len,
        entity_escaped: false,
    })
}

/// Reads an attribute value starting at `i`: quoted with `"`, `'` or, in entity-escaped
/// markup, `&quot;` (and with `\"` where `yaml_quoted`). Returns the value's range, whether
/// `&quot;` was used, and the offset after the closing quote. Values never span lines or
/// hold `<` or `>`.
fn attribute_value(
    rest: &[u8],
    i: usize,
    yaml_quoted: bool,
) -> Option<(Range<usize>, bool, usize)> {
    if yaml_quoted && rest[i..].starts_with(b"\\\"") {
        let start = i + 2;
        let len = memchr::memmem::find(&rest[start..rest.len().min(start + MAX_TAG)], b"\\\"")?;
        let value = &rest[start..start + len];
        return (!value
            .iter()
            .any(|b| matches!(b, b'<' | b'>' | b'\n' | b'\r')))
        .then_some((start..start + len, false, start + len + 2));
    }
    let (start, open_entity, quote) = if rest[i..].starts_with(QUOT) {
        (i + QUOT.len(), true, b'"')
    } else {
        match rest.get(i)? {
            q @ (b'"' | b'\'') => (i + 1, false, *q),
            _ => {
                // Unquoted value: up to white space or `>`.
                let len = rest[i..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == b'>')?;
                return (len > 0).then_some((i..i + len, false, i + len));
            }
        }
    };
    let mut j = start;
    loop {
        let b = *rest.get(j)?;
        if b == quote {
            return Some((start..j, open_entity, j + 1));
        }
        if quote == b'"' && rest[j..].starts_with(QUOT) {
            return Some((start..j, true, j + QUOT.len()));
        }
        if matches!(b, b'<' | b'>' | b'\n' | b'\r') {
            return None;
        }
        j += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(text: &str) -> (Vec<Piece>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut cursor = Cursor::new(text);
        let pieces = scan(text, 0..text.len(), &mut cursor, &mut diags);
        // Lossless: the pieces cover the text in order.
        let mut at = 0;
        for piece in &pieces {
            let range = match piece {
                Piece::Skeleton(r) => r.clone(),
                Piece::Segment(s) => s.range.clone(),
            };
            assert_eq!(range.start, at);
            at = range.end;
        }
        assert_eq!(at, text.len());
        (pieces, diags)
    }

    fn segments(pieces: &[Piece]) -> Vec<&Segment> {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Segment(s) => Some(s),
                Piece::Skeleton(_) => None,
            })
            .collect()
    }

    #[test]
    fn front_matter_segments_are_read_plain_and_in_double_quoted_yaml() {
        // Intune pt-BR (2017): the title as plain markup, the description inside a
        // double-quoted scalar with the markup's quotes escaped.
        let text = "title: <span data-ttu-id=\"c9-101\">Implantar</span><span class=\"sxs-lookup\"><span data-stu-id=\"c9-101\">Deploy</span></span>\ndescription: \"<span data-ttu-id=\\\"c9-102\\\">Use \\\"isto\\\".</span><span class=\\\"sxs-lookup\\\"><span data-stu-id=\\\"c9-102\\\">Use \\\"this\\\".</span></span>\"\nauthor: <b>x</b>\n";
        let mut diags = Vec::new();
        let mut cursor = Cursor::new(text);
        let segs = scan_front_matter(text, 0..text.len(), &mut cursor, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        let read: Vec<_> = segs
            .iter()
            .map(|s| {
                (
                    &text[s.ttu_id.clone()],
                    &text[s.translation.clone()],
                    &text[s.source.clone()],
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("c9-101", "Implantar", "Deploy"),
                ("c9-102", "Use \\\"isto\\\".", "Use \\\"this\\\"."),
            ]
        );
        // In the body a backslash before a quote is not a quote.
        let (pieces, _) = scan_str(&text[text.find("\"<").unwrap()..]);
        assert!(segments(&pieces).is_empty());
    }

    #[test]
    fn reads_a_segment_and_its_parts() {
        let text = "- <span data-ttu-id=\"a1-2\">Bonjour</span><span class=\"sxs-lookup\"><span data-stu-id=\"a1-2\">Hello</span></span>!";
        let (pieces, diags) = scan_str(text);
        assert!(diags.is_empty());
        let segs = segments(&pieces);
        assert_eq!(segs.len(), 1);
        let s = segs[0];
        assert_eq!(&text[s.ttu_id.clone()], "a1-2");
        assert_eq!(&text[s.translation.clone()], "Bonjour");
        assert_eq!(&text[s.source.clone()], "Hello");
        assert_eq!(s.range.start, 2);
        let joined: String = s.parts().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, &text[s.range.clone()]);
    }

    #[test]
    fn markup_variants_of_html_are_read_as_segments() {
        // Tag and attribute names in any case, single or no quotes, extra attributes and
        // classes, white space inside the tags.
        for text in [
            "<SPAN data-ttu-id=\"a-1\">Un</SPAN><Span CLASS=\"sxs-lookup\"><span DATA-STU-ID=\"a-1\">One</span></SPAN>",
            "<span data-ttu-id='a-1'>Un</span><span class='sxs-lookup'><span data-stu-id='a-1'>One</span></span>",
            "<span data-ttu-id=a-1 class=\"x\">Un</span><span class=\"y sxs-lookup\"><span data-stu-id=a-1>One</span></span>",
            "<span  data-ttu-id = \"a-1\" >Un</span ><span class=\"sxs-lookup\"\t><span data-stu-id=\"a-1\">One</span></span>",
        ] {
            let (pieces, diags) = scan_str(text);
            assert!(diags.is_empty(), "{text}: {diags:?}");
            let segs = segments(&pieces);
            assert_eq!(segs.len(), 1, "{text}");
            assert_eq!(&text[segs[0].ttu_id.clone()], "a-1");
            assert_eq!(&text[segs[0].translation.clone()], "Un");
            assert_eq!(&text[segs[0].source.clone()], "One");
            assert_eq!(segs[0].range, 0..text.len());
        }
    }

    #[test]
    fn white_space_between_the_spans_is_read_and_reported() {
        for text in [
            "<span data-ttu-id=\"a-1\">Un</span> <span class=\"sxs-lookup\">\t<span data-stu-id=\"a-1\">One</span> </span>",
            "<span data-ttu-id=\"a-1\">Un</span>\n<span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">One</span></span>",
            "<span data-ttu-id=\"a-1\">Un</span>\r\n  <span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">One</span>\r</span>",
        ] {
            let (pieces, diags) = scan_str(text);
            let segs = segments(&pieces);
            assert_eq!(segs.len(), 1, "{text:?}");
            assert_eq!(&text[segs[0].translation.clone()], "Un");
            assert_eq!(&text[segs[0].source.clone()], "One");
            assert_eq!(segs[0].range, 0..text.len());
            assert_eq!(diags[0].kind, DiagnosticKind::SpacedMarkup, "{text:?}");
        }
        // A blank line ends a paragraph: the spans are not one segment across it.
        let text = "<span data-ttu-id=\"a-1\">Un</span>\n\n<span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">One</span></span>";
        let (pieces, diags) = scan_str(text);
        assert!(segments(&pieces).is_empty());
        let kinds: Vec<_> = diags.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                DiagnosticKind::MissingSourceSpan,
                DiagnosticKind::OrphanSourceSpan
            ]
        );
    }

    #[test]
    fn segment_attributes_the_scanner_cannot_read_are_reported_once() {
        let cases: &[(&str, &[usize])] = &[
            ("x <div data-ttu-id=\"a-1\">Un</div>", &[8]),
            ("<span data-ttu-id=\"a-1\"/>", &[7]),
            ("<span data-ttu-id>Un</span>", &[7]),
            ("- <span data-ttu-id=\"a\nb\">Un", &[9]),
            ("<p DATA-TTU-ID='a'>", &[4]),
            // Not segment attributes.
            ("data-ttu-idea, my-data-ttu-id, data-tu-id", &[]),
        ];
        for (text, columns) in cases {
            let (_, diags) = scan_str(text);
            let found: Vec<_> = diags.iter().map(|d| (d.kind, d.position.column)).collect();
            let expected: Vec<_> = columns
                .iter()
                .map(|&c| (DiagnosticKind::UnreadMarkup, c))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
        // Markup already reported is not reported again.
        for text in [
            "<span data-ttu-id=\"a-1\">Alleen</span> tekst",
            "<span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">B</span></span>",
            "<span data-ttu-id=\"a-1\">a</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">A</span>",
        ] {
            let (_, diags) = scan_str(text);
            assert_eq!(diags.len(), 1, "{text}: {diags:?}");
        }
    }

    #[test]
    fn segments_in_an_attribute_value_are_read_and_not_reported() {
        // Codepen iframes of the Edge and Azure Maps docs carry a segment in their title.
        let text = "<iframe height='300' title='<span data-ttu-id=\"84f1f-121\">Obter localidade</span><span class=\"sxs-lookup\"><span data-stu-id=\"84f1f-121\">Get locale</span></span>' src='//codepen.io/x'></iframe>";
        let (pieces, diags) = scan_str(text);
        assert!(diags.is_empty(), "{diags:?}");
        let s = segments(&pieces)[0];
        assert_eq!(&text[s.translation.clone()], "Obter localidade");
        assert_eq!(&text[s.source.clone()], "Get locale");
    }

    #[test]
    fn markup_written_wholly_with_entities_is_reported() {
        let text = "| &lt;span data-ttu-id=&quot;a-1&quot;&gt;Un&lt;/span&gt;&lt;span class=&quot;sxs-lookup&quot;&gt;&lt;span data-stu-id=&quot;a-1&quot;&gt;One&lt;/span&gt;&lt;/span&gt; | &lt;span&gt; |";
        let (pieces, diags) = scan_str(text);
        assert!(segments(&pieces).is_empty());
        let found: Vec<_> = diags.iter().map(|d| (d.kind, d.position.column)).collect();
        assert_eq!(
            found,
            [
                (DiagnosticKind::UnreadMarkup, 3),
                (DiagnosticKind::UnreadMarkup, 58),
                (DiagnosticKind::UnreadMarkup, 99)
            ]
        );
    }

    #[test]
    fn inner_spans_do_not_end_the_translation() {
        let text = "<span data-ttu-id=\"x-1\"><span id=\"a\" class=\"anchor\"><span id=\"b\"></span></span>Tekst</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">Text</span></span>";
        let (pieces, diags) = scan_str(text);
        assert!(diags.is_empty());
        let s = segments(&pieces)[0];
        assert!(text[s.translation.clone()].ends_with("</span></span>Tekst"));
        assert_eq!(&text[s.source.clone()], "Text");
    }

    #[test]
    fn entity_escaped_markup_is_read_and_reported() {
        let text = "|<span data-ttu-id=\"a5-262&quot;>Infra</span><span class=&quot;sxs-lookup&quot;><span data-stu-id=&quot;a5-262&quot;>Infrastructure</span></span> |";
        let (pieces, diags) = scan_str(text);
        let s = segments(&pieces)[0];
        assert_eq!(&text[s.ttu_id.clone()], "a5-262");
        assert_eq!(&text[s.translation.clone()], "Infra");
        assert!(s.entity_escaped);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].kind, DiagnosticKind::EntityEscapedMarkup);
        assert_eq!(diags[0].position.column, 2);
    }

    #[test]
    fn malformed_markup_stays_skeleton_with_a_diagnostic() {
        let cases: &[(&str, DiagnosticKind)] = &[
            ("<span data-ttu-id=\"a-1\">Alleen</span> tekst", DiagnosticKind::MissingSourceSpan),
            ("x <span data-ttu-id=\"a-1\">nooit gesloten", DiagnosticKind::UnterminatedSpan),
            ("<span data-ttu-id=\"a-1\">a <span data-ttu-id=\"a-2\">b</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">B</span></span>", DiagnosticKind::NestedSegment),
            ("<span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">B</span></span>", DiagnosticKind::OrphanSourceSpan),
            ("<span data-ttu-id=\"a-1\">a</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">A</span>", DiagnosticKind::UnterminatedSpan),
        ];
        for (text, kind) in cases {
            let (_, diags) = scan_str(text);
            assert_eq!(diags.first().map(|d| d.kind), Some(*kind), "{text}");
        }
    }

    #[test]
    fn mismatched_ids_and_multiline_segments_are_read_and_reported() {
        let text = "<span data-ttu-id=\"a-1\">a\nb</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">A\nB</span></span>";
        let (pieces, diags) = scan_str(text);
        assert_eq!(segments(&pieces).len(), 1);
        let kinds: Vec<_> = diags.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                DiagnosticKind::MismatchedIds,
                DiagnosticKind::MultilineSegment
            ]
        );
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let depth = 10_000;
        let mut text = String::from("<span data-ttu-id=\"d-1\">");
        text.push_str(&"<span>".repeat(depth));
        text.push_str(&"</span>".repeat(depth));
        text.push_str(
            "</span><span class=\"sxs-lookup\"><span data-stu-id=\"d-1\">x</span></span>",
        );
        let (pieces, diags) = scan_str(&text);
        assert!(diags.is_empty());
        assert_eq!(segments(&pieces).len(), 1);
        let nested_segments = "<span data-ttu-id=\"n-1\">".repeat(depth);
        let (pieces, diags) = scan_str(&nested_segments);
        assert_eq!(segments(&pieces).len(), 0);
        assert_eq!(diags.len(), depth);
    }
}
