//! Markdown to HTML for one page of the site, as the publisher shows it: the clean
//! translation (the text [`regen`](crate::regen) writes) with each segment kept as a
//! focusable span carrying its English source, DocFX alerts and includes, `xref:` links,
//! heading ids, and links to other pages pointing at their `.html`.
//!
//! Segment boundaries survive the Markdown parser as marker characters put around each
//! segment's text before parsing; after parsing they become spans, so the Markdown
//! structure (emphasis, links, tables) is what the clean page has.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Tag, TagEnd};
use regex::Regex;
use thiserror::Error;

use crate::i18n::{Arg, Localizer};
use crate::markdown;
use crate::page::Page;
use crate::regen::{self, SegmentMarks};

/// Starts the mark of a segment's beginning: `OPEN index END`. Marks are symbols
/// (Unicode category So), which CommonMark's emphasis rules treat as punctuation, so a
/// mark next to `**` reads as the segment's edge would, not as a letter.
const OPEN: char = '\u{1F700}';
/// Starts the mark of a segment's end: `CLOSE index END`.
const CLOSE: char = '\u{1F701}';
/// Ends a mark.
const END: char = '\u{1F702}';

/// How deep includes may nest; deeper is reported as a cycle.
const MAX_INCLUDE_DEPTH: usize = 8;

/// Where a resolved `xref:` leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XrefTarget {
    /// The link from the page being rendered.
    pub href: String,
    /// The target page's title, shown for `<xref:uid>`.
    pub title: String,
}

/// What rendering needs besides the page.
pub struct Context<'a> {
    /// The content folder the page is below: includes must stay inside it.
    pub root: &'a Path,
    /// Resolves a uid to a link from the page being rendered.
    pub xrefs: &'a (dyn Fn(&str) -> Option<XrefTarget> + Sync),
    /// The page's language, for alert titles and error boxes.
    pub localizer: &'a Localizer,
    /// Show the page's raw HTML as text rather than as markup: for a page whose HTML nests
    /// too deep for the sanitizer ([`super::sanitize::nests_too_deep`]).
    pub html_as_text: bool,
}

/// Something in a page that could not be rendered as written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}:{line}: {kind}", file.display())]
pub struct Problem {
    /// The page (or included file) it is in.
    pub file: PathBuf,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// Whether the page lost content: an include that could not be shown. An unresolved
    /// xref keeps its text, and HTML too deep to sanitize is shown as text: warnings.
    pub fn is_error(&self) -> bool {
        !matches!(
            self.kind,
            ProblemKind::UnresolvedXref { .. } | ProblemKind::HtmlTooDeep
        )
    }
}

/// The kinds of [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// An include names a file outside the content folder.
    #[error("include `{target}` leaves the content folder {}; include only files below it (shown as an error box)", root.display())]
    IncludeOutsideRoot {
        /// The path as written.
        target: String,
        /// The content folder.
        root: PathBuf,
    },
    /// An included file could not be read.
    #[error("include `{target}` cannot be read: {message}; fix the path (shown as an error box)")]
    IncludeUnreadable {
        /// The path as written.
        target: String,
        /// What the system said.
        message: String,
    },
    /// Includes nest into a cycle or too deep.
    #[error("include `{target}` includes itself or nests more than {MAX_INCLUDE_DEPTH} deep; break the cycle (shown as an error box)")]
    IncludeCycle {
        /// The path as written.
        target: String,
    },
    /// The page's raw HTML nests elements too deep to be sanitized in reasonable time.
    #[error("raw HTML nests elements thousands deep (tags opened and never closed); close them (the page's HTML is shown as text)")]
    HtmlTooDeep,
    /// An `xref:` names a uid no page has.
    #[error("xref `{uid}` matches no page's `uid:`; fix the uid or build with the page that has it (shown as plain text)")]
    UnresolvedXref {
        /// The uid as written.
        uid: String,
    },
}

/// A page rendered to HTML (not yet sanitized) and what could not be rendered.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The body HTML.
    pub html: String,
    /// The problems, in page order (included files' problems where the include is).
    pub problems: Vec<Problem>,
    /// The line of the page's first raw HTML other than the tokens [`is_plain_html`]
    /// accepts (for a file it includes, the include's line), where it has any: then the
    /// HTML must go through the sanitizer. Without it, every byte of `html` was written by
    /// the renderer, escaped.
    pub raw_html: Option<usize>,
}

/// Renders the body of `page`.
pub fn render_page(page: &Page, context: &Context<'_>) -> Rendered {
    let mut rendered = Rendered::default();
    let mut stack = vec![identity(page.path())];
    rendered.raw_html = render_into(
        page,
        context,
        &mut stack,
        false,
        &mut rendered.html,
        &mut rendered.problems,
    );
    rendered
}

/// The clean translation with segment marks, and where its offsets are in the page.
struct Marked {
    text: String,
    /// (offset in `text`, offset in the page) at the start and after each segment: text
    /// between two checkpoints is skeleton, copied as it is (up to a quote quirk).
    checkpoints: Vec<(usize, usize)>,
    /// The end offset of each segment in the page.
    segment_ends: Vec<usize>,
    /// Where the open mark of the segment being written starts and ends in `text`.
    open_mark: Range<usize>,
}

impl SegmentMarks for Marked {
    fn open(&mut self, index: usize, out: &mut String) {
        let start = out.len();
        push_mark(out, OPEN, index);
        self.open_mark = start..out.len();
    }

    fn close(&mut self, index: usize, out: &mut String) {
        self.keep_block_syntax_before_open_mark(out);
        // Spaces that end the segment's text stay after its mark: before a line end they
        // are a hard line break, which a mark between them and the line end would undo,
        // and at a paragraph's end Markdown drops them.
        let spaces = out.len() - out.trim_end_matches([' ', '\t']).len();
        let trailing = out.split_off(out.len() - spaces);
        push_mark(out, CLOSE, index);
        out.push_str(&trailing);
        if let Some(&end) = self.segment_ends.get(index) {
            self.checkpoints.push((out.len(), end));
        }
    }

    fn resync(&mut self, out: usize, page_offset: usize) {
        self.checkpoints.push((out, page_offset));
    }
}

/// The length of the block syntax `text` starts with: list markers (`- `, `1. `), block
/// quote markers and an ATX heading's `#`s, each with the spaces after it.
fn block_syntax_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        let from = at
            + bytes[at..]
                .iter()
                .take_while(|&&b| b == b' ')
                .count()
                .min(3);
        let rest = &bytes[from..];
        let (marker, heading) = match rest.first() {
            Some(b'-' | b'*' | b'+' | b'>') => (1, false),
            Some(b'#') => (rest.iter().take_while(|&&b| b == b'#').count(), true),
            Some(b'0'..=b'9') => {
                let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                match rest.get(digits) {
                    Some(b'.' | b')') if digits <= 9 => (digits + 1, false),
                    _ => return at,
                }
            }
            _ => return at,
        };
        // A marker needs white space after it, except a block quote's; a heading has at
        // most six `#`s.
        let spaced = matches!(rest.get(marker), Some(b' ' | b'\t'));
        if !(spaced || rest[0] == b'>') || (heading && marker > 6) {
            return at;
        }
        at = from
            + marker
            + rest[marker..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        if heading {
            return at; // a heading holds no more block syntax
        }
    }
}

/// Whether `text` opens an HTML block of the kind CommonMark starts with a block-level tag
/// (`<p>`, `<div>`, `</table>`), which a mark before it would turn into inline HTML.
fn starts_html_block(text: &str) -> bool {
    const BLOCK_TAGS: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "iframe",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ];
    let Some(tag) = text.strip_prefix('<') else {
        return false;
    };
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let end = tag
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len());
    let after = tag[end..].chars().next();
    BLOCK_TAGS
        .iter()
        .any(|b| tag[..end].eq_ignore_ascii_case(b))
        && matches!(after, None | Some(' ' | '\t' | '\n' | '>' | '/'))
}

/// Whether a line's text up to here is only container syntax (indentation, block quote
/// and list markers), so that what follows starts a block.
fn only_containers(prefix: &str) -> bool {
    let rest = &prefix[block_syntax_len(prefix)..];
    rest.bytes().all(|b| b == b' ' || b == b'\t') && !prefix.contains('#')
}

fn push_mark(out: &mut String, kind: char, index: usize) {
    use std::fmt::Write;
    out.push(kind);
    let _ = write!(out, "{index}");
    out.push(END);
}

impl Marked {
    /// A translation that starts a line with block syntax (`- Rol` as a list item's text)
    /// or spaces: its open mark goes after them, as Markdown reads them only at a line's
    /// start, behind container markers. One that opens a raw HTML block (`<p> </p>`),
    /// which starts only with its tag: the mark goes to the segment's end, where it marks
    /// nothing inside the block.
    fn keep_block_syntax_before_open_mark(&self, out: &mut String) {
        let Range { start, end } = self.open_mark.clone();
        // `out` only grew since the mark was written; the check keeps a slip from panicking.
        if end > out.len() || !out.is_char_boundary(start) || !out.is_char_boundary(end) {
            return;
        }
        // Looking back only over what container syntax may hold: on a page that is one
        // long line, looking back to the line's start at each segment would be quadratic.
        let may_contain = |b: &u8| {
            matches!(
                b,
                b' ' | b'\t' | b'-' | b'*' | b'+' | b'>' | b'.' | b')' | b'0'..=b'9'
            )
        };
        let line_start = match out.as_bytes()[..start]
            .iter()
            .rposition(|b| !may_contain(b))
        {
            Some(i) if out.as_bytes()[i] == b'\n' => i + 1,
            Some(_) => return,
            None => 0,
        };
        if !only_containers(&out[line_start..start]) {
            return;
        }
        let mark = out[start..end].to_owned();
        if starts_html_block(&out[end..]) {
            out.replace_range(start..end, "");
            out.push_str(&mark);
            return;
        }
        let mut syntax = block_syntax_len(&out[end..]);
        // White space that starts a block is not its text (up to three spaces; four
        // would start code).
        let spaces = out[end + syntax..]
            .bytes()
            .take_while(|&b| b == b' ')
            .count();
        if spaces < 4 {
            syntax += spaces;
        }
        if syntax > 0 {
            let moved = format!("{}{mark}", &out[end..end + syntax]);
            out.replace_range(start..end + syntax, &moved);
        }
    }

    fn new(page: &Page) -> Marked {
        let mut marked = Marked {
            text: String::new(),
            checkpoints: vec![(0, page.prelude().len())],
            segment_ends: page.segments().map(|s| s.segment.range.end).collect(),
            open_mark: 0..0,
        };
        let mut text = String::with_capacity(page.text().len());
        regen::render_translation_body(page, &mut text, &mut marked);
        // Mark characters already in the page would forge segment edges.
        if has_mark_characters(page.text()) {
            text = strip_foreign_marks(&text, page);
        }
        marked.text = text;
        marked.relayout(page);
        marked
    }

    /// Lays out the page's `:::row:::` blocks and version and pivot blocks, keeping each
    /// line's page line.
    fn relayout(&mut self, page: &Page) {
        let Some(relaid) = super::layout::relayout(&self.text) else {
            return;
        };
        let moved = |old: usize| crate::text::map_offset(&relaid.moves, old);
        let mut checkpoints: Vec<(usize, usize)> = self
            .checkpoints
            .iter()
            .map(|&(marked, original)| (moved(marked), original))
            .chain(
                relaid
                    .moves
                    .iter()
                    .map(|&(from, to)| (to, self.page_offset(page, from))),
            )
            .collect();
        checkpoints.sort_by_key(|&(marked, _)| marked);
        self.checkpoints = checkpoints;
        self.text = relaid.text;
    }

    /// The page offset of an offset of the marked text.
    fn page_offset(&self, page: &Page, offset: usize) -> usize {
        let offset = crate::text::map_offset(&self.checkpoints, offset).min(page.text().len());
        crate::text::floor_boundary(page.text(), offset)
    }

    /// The page line of an offset of the marked text.
    fn line(&self, page: &Page, offset: usize) -> usize {
        page.position(self.page_offset(page, offset)).line
    }
}

/// Replaces mark characters that came from the page rather than from marking with U+FFFD,
/// keeping the marks locdoc wrote (each `OPEN|CLOSE digits END`).
fn strip_foreign_marks(text: &str, page: &Page) -> String {
    let count = page.segments().count();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find([OPEN, CLOSE, END]) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match parse_mark(rest) {
            Some((_, index, len)) if index < count => {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
            }
            _ => {
                out.push('\u{FFFD}');
                let width = rest.chars().next().map_or(1, char::len_utf8);
                rest = &rest[width..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A mark at the start of `text`: its kind, segment index and length in bytes.
fn parse_mark(text: &str) -> Option<(char, usize, usize)> {
    let kind = text.chars().next().filter(|c| *c == OPEN || *c == CLOSE)?;
    let digits = &text[kind.len_utf8()..];
    let digits_len = digits.bytes().take_while(u8::is_ascii_digit).count();
    if digits_len == 0 || !digits[digits_len..].starts_with(END) {
        return None;
    }
    let index = digits[..digits_len].parse().ok()?;
    Some((kind, index, kind.len_utf8() + digits_len + END.len_utf8()))
}

/// One item of the event stream once includes are found.
pub(super) enum Item<'a> {
    Event(Event<'a>, usize),
    /// `[!INCLUDE [title](path)]`: the path, the offset, and whether it stands alone as a
    /// paragraph (rendered as blocks) or sits in text (rendered inline).
    Include(CowStr<'a>, usize, bool),
    /// HTML the renderer wrote for a DocFX block (every value in it escaped).
    Html(String),
    /// `:::code source="…":::`, at an offset.
    Code(CodeFile, usize),
}

/// The file a `:::code:::` directive shows.
#[derive(Debug, Default)]
pub(super) struct CodeFile {
    /// The path as written, relative to the page.
    pub source: String,
    /// The `language-…` class, made of safe characters only.
    pub language: String,
    /// The lines shown (`3-9`, `1-3,7`, `12-`), all where `None`.
    pub range: Option<String>,
    /// The region shown: the lines between `<name>` and `</name>` (in a comment of the
    /// file's language) or between `#region name` and `#endregion`.
    pub region: Option<String>,
}

fn render_into(
    page: &Page,
    context: &Context<'_>,
    stack: &mut Vec<PathBuf>,
    inline: bool,
    out: &mut String,
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let marked = Marked::new(page);
    let mut items = find_includes(coalesce(&marked.text));
    if super::docfx::may_have_blocks(&marked.text) {
        items = super::docfx::blocks(items, context.localizer);
    }
    if super::docfx::may_have_tabs(&marked.text) {
        items = super::docfx::tabs(items);
    }
    let sources = Sources::new(page);
    let mut writer = Writer {
        page,
        marked: &marked,
        context,
        sources: &sources,
        events: Vec::new(),
        open_segments: Vec::new(),
        suspended: Vec::new(),
        continued: Vec::new(),
        image_depth: 0,
        image: None,
        html_tag: InTag::No,
        xref: None,
        heading: None,
        heading_marks: Vec::new(),
        ids: FxHashSet::default(),
        next_suffix: FxHashMap::default(),
        problems,
        raw_html: None,
    };
    for item in items {
        match item {
            Item::Event(event, offset) => {
                if inline
                    && matches!(
                        event,
                        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                    )
                {
                    continue;
                }
                writer.event(event, offset);
            }
            Item::Include(target, offset, block) => {
                let html = writer.include(&target, offset, block, stack);
                writer.events.push(Event::Html(html.into()));
            }
            Item::Html(html) => writer.events.push(Event::Html(html.into())),
            Item::Code(code, offset) => {
                let html = writer.code(&code, offset);
                writer.events.push(Event::Html(html.into()));
            }
        }
    }
    for _ in writer
        .open_segments
        .drain(..)
        .chain(writer.continued.drain(..))
    {
        writer.events.push(Event::InlineHtml("</span>".into()));
    }
    let raw_html = writer.raw_html;
    pulldown_cmark::html::push_html(out, writer.events.into_iter());
    raw_html
}

/// The parser's events with their start offsets, adjacent texts joined (the parser splits
/// text at every character that might have opened markup).
fn coalesce(text: &str) -> Vec<(Event<'_>, usize)> {
    let mut events: Vec<(Event<'_>, usize)> = Vec::new();
    // The end of the last text event, where its text is the page's text as it is.
    let mut verbatim_end = None;
    // The last text event's text once a join made it a copy, until its run ends: appending
    // to the event's own text would copy the run at each join (a page of entities would
    // take quadratic time).
    let mut joined: Option<String> = None;
    for (event, range) in markdown::site_parser(text).into_offset_iter() {
        let verbatim = matches!(&event, Event::Text(t) if **t == text[range.clone()]);
        if let (Event::Text(more), Some((Event::Text(before), start))) = (&event, events.last_mut())
        {
            if joined.is_none() && verbatim && verbatim_end == Some(range.start) {
                // Both are the page's text, one after the other: borrow the whole run.
                *before = CowStr::Borrowed(&text[*start..range.end]);
                verbatim_end = Some(range.end);
            } else {
                joined
                    .get_or_insert_with(|| before.to_string())
                    .push_str(more);
                verbatim_end = None;
            }
            continue;
        }
        end_join(&mut events, &mut joined);
        events.push((event, range.start));
        verbatim_end = verbatim.then_some(range.end);
    }
    end_join(&mut events, &mut joined);
    events
}

/// Gives the last event the text its run of texts was joined into, if it was.
fn end_join(events: &mut [(Event<'_>, usize)], joined: &mut Option<String>) {
    if let (Some(joined), Some((Event::Text(text), _))) = (joined.take(), events.last_mut()) {
        *text = joined.into();
    }
}

/// Replaces each `[!INCLUDE [title](path)]` (text, link, text) with an [`Item::Include`].
fn find_includes(events: Vec<(Event<'_>, usize)>) -> Vec<Item<'_>> {
    let mut items: Vec<Item<'_>> = Vec::with_capacity(events.len());
    let mut events = events.into_iter().peekable();
    // The text after an include, which may open the next one (`[!INCLUDE[a](a.md)] or
    // [!INCLUDE[b](b.md)]`).
    let mut rest: Option<(Event<'_>, usize)> = None;
    while let Some((event, offset)) = rest.take().or_else(|| events.next()) {
        let Event::Text(text) = &event else {
            items.push(Item::Event(event, offset));
            continue;
        };
        let Some(before) = strip_include_opener(text) else {
            items.push(Item::Event(event, offset));
            continue;
        };
        let Some((Event::Start(Tag::Link { dest_url, .. }), _)) = events.peek() else {
            items.push(Item::Event(event, offset));
            continue;
        };
        let target = dest_url.clone();
        let before = before.to_owned();
        // Skip the link and its text, then expect the closing `]`.
        let mut link = Vec::new();
        for (e, o) in events.by_ref() {
            let end = matches!(e, Event::End(TagEnd::Link));
            link.push((e, o));
            if end {
                break;
            }
        }
        let after = match events.peek() {
            Some((Event::Text(t), _)) if t.starts_with(']') => Some(t[1..].to_owned()),
            _ => None,
        };
        let Some(after) = after else {
            // Not an include after all: keep what was read.
            items.push(Item::Event(event, offset));
            items.extend(link.into_iter().map(|(e, o)| Item::Event(e, o)));
            continue;
        };
        events.next();
        let alone = before.trim().is_empty()
            && after.trim().is_empty()
            && matches!(
                items.last(),
                Some(Item::Event(Event::Start(Tag::Paragraph), _))
            )
            && matches!(events.peek(), Some((Event::End(TagEnd::Paragraph), _)));
        if alone {
            items.pop();
            events.next();
            items.push(Item::Include(target, offset, true));
        } else if let Some(link) = LinkAround::find(&before, &after) {
            // An include in a link's text (`[Set up [!INCLUDE[p](p.md)]](setup.md)`): the
            // publisher reads includes first, so the link is there around it.
            if !link.before.is_empty() {
                items.push(Item::Event(Event::Text(link.before.into()), offset));
            }
            items.push(Item::Event(
                Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url: link.dest.into(),
                    title: CowStr::Borrowed(""),
                    id: CowStr::Borrowed(""),
                }),
                offset,
            ));
            if !link.text.is_empty() {
                items.push(Item::Event(Event::Text(link.text.into()), offset));
            }
            items.push(Item::Include(target, offset, false));
            items.push(Item::Event(Event::End(TagEnd::Link), offset));
            if !link.after.is_empty() {
                rest = Some((Event::Text(link.after.into()), offset));
            }
        } else {
            if !before.is_empty() {
                items.push(Item::Event(Event::Text(before.into()), offset));
            }
            items.push(Item::Include(target, offset, false));
            if !after.is_empty() {
                rest = Some((Event::Text(after.into()), offset));
            }
        }
    }
    items
}

/// A link whose text holds an include: `[` in the text before the include with no `]`
/// after it, and `](dest)` right after the include.
struct LinkAround {
    /// The text before the link's `[`.
    before: String,
    /// The link's text before the include.
    text: String,
    /// The destination.
    dest: String,
    /// The text after the link's `)`.
    after: String,
}

impl LinkAround {
    fn find(before: &str, after: &str) -> Option<LinkAround> {
        let open = before.rfind('[')?;
        if before[open..].contains(']') {
            return None;
        }
        let rest = after.strip_prefix("](")?;
        let close = rest.find(')')?;
        let dest = rest[..close].split_whitespace().next()?;
        Some(LinkAround {
            before: before[..open].to_owned(),
            text: before[open + 1..].to_owned(),
            dest: dest.to_owned(),
            after: rest[close + 1..].to_owned(),
        })
    }
}

/// The text before a trailing `[!INCLUDE ` (any case), if `text` ends with one.
fn strip_include_opener(text: &str) -> Option<&str> {
    const OPENER: &str = "[!include";
    let trimmed = text.trim_end();
    let at = trimmed.len().checked_sub(OPENER.len())?;
    let tail = trimmed.get(at..)?;
    tail.eq_ignore_ascii_case(OPENER).then(|| &text[..at])
}

/// The English text of each segment as plain text for the `data-source` attribute, made
/// on first use.
struct Sources<'p> {
    texts: Vec<&'p str>,
    plain: Vec<OnceLock<String>>,
}

impl<'p> Sources<'p> {
    fn new(page: &'p Page) -> Sources<'p> {
        let texts: Vec<&str> = page.segments().map(|s| s.source()).collect();
        let plain = texts.iter().map(|_| OnceLock::new()).collect();
        Sources { texts, plain }
    }

    fn get(&self, index: usize) -> Option<&str> {
        let text = self.texts.get(index)?;
        Some(self.plain[index].get_or_init(|| plain_text(text)))
    }
}

/// Inline Markdown as the text a reader sees: markup and HTML tags dropped, entities read,
/// an include (`[!INCLUDE [title](path)]`) as its title, `:::no-loc(words):::` as its
/// words.
pub fn plain_text(markdown: &str) -> String {
    // A segment that is a whole `:::image` line reads as its alt text.
    if let Some(alt) = super::docfx::image_alt(markdown) {
        return plain_text(&alt);
    }
    if !markdown.contains(['*', '_', '`', '[', ']', '<', '&', '\\', '!']) {
        return markdown.to_owned();
    }
    // A segment is inline text: a leading word keeps `1) In the grid` or `# x` from
    // reading as a list or a heading, whose marker would be lost.
    const LEAD: &str = "a ";
    let inline = format!("{LEAD}{markdown}");
    let mut out = String::with_capacity(inline.len());
    // Where an include is: its `[!INCLUDE` written and its link to come or open, or its
    // link closed and its `]` next.
    let (mut in_include, mut include_closed) = (false, false);
    // `<xref:uid>` reads as its uid, as an unresolved one is shown.
    let mut in_xref_autolink = false;
    let mut events = pulldown_cmark::TextMergeStream::new(markdown::parser(&inline)).peekable();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) => {
                if let Some(reference) = strip_prefix_ignore_case(&dest_url, "xref:") {
                    let uid = reference.split(['#', '?']).next().unwrap_or(reference);
                    out.push_str(&percent_decode(uid));
                    in_xref_autolink = true;
                }
            }
            Event::Text(_) if in_xref_autolink => {}
            Event::End(TagEnd::Link) if in_xref_autolink => in_xref_autolink = false,
            Event::Text(t) => {
                let mut t = match t.strip_prefix(']') {
                    Some(after) if include_closed => after,
                    _ => &t,
                };
                // An include in a link's text: the link reads as its text.
                if include_closed {
                    if let Some(link) = LinkAround::find(&out, t) {
                        out = format!("{}{}", link.before, link.text);
                        t = &t[t.len() - link.after.len()..];
                    }
                }
                include_closed = false;
                let unwrapped = super::docfx::unwrap_no_loc(t);
                let t = unwrapped.as_ref();
                if in_include {
                    out.push_str(t); // the include's title
                    continue;
                }
                let link_next = matches!(events.peek(), Some(Event::Start(Tag::Link { .. })));
                match strip_include_opener(t).filter(|_| link_next) {
                    Some(before) => {
                        out.push_str(before);
                        in_include = true;
                    }
                    None => out.push_str(t),
                }
            }
            Event::End(TagEnd::Link) if in_include => {
                in_include = false;
                include_closed = true;
            }
            Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    match out.strip_prefix(LEAD) {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape_html(text: &str, out: &mut String) {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// An `xref:` link being written.
struct Xref {
    resolved: bool,
    /// The text shown for `<xref:uid>` instead of the uid.
    autolink_text: Option<String>,
}

/// Turns the parser's events into the events of the page's HTML.
struct Writer<'w, 'a> {
    page: &'w Page,
    marked: &'w Marked,
    context: &'w Context<'w>,
    sources: &'w Sources<'w>,
    events: Vec<Event<'a>>,
    /// Segments whose span is open, innermost last.
    open_segments: Vec<usize>,
    /// Segments closed at the end of a block with text of theirs still to come.
    suspended: Vec<usize>,
    /// Segments going on from an earlier block, in continuation spans.
    continued: Vec<usize>,
    image_depth: usize,
    /// The outermost open image: where its placeholder event is, and the segments that
    /// start in its alt text. An `<img>` cannot hold spans, so those segments' hover goes
    /// on a span around the whole image, written in place of the placeholder.
    image: Option<(usize, Vec<usize>)>,
    /// Where raw HTML stands at the end of the last HTML block line: a tag may go on to
    /// the next line.
    html_tag: InTag,
    xref: Option<Xref>,
    /// Where the open heading's start event is in `events`.
    heading: Option<usize>,
    /// The segment spans opened and closed in the open heading: the index in `events` of
    /// the span's event, the segment opened (none for a close) and how many segment spans
    /// are open after it.
    heading_marks: Vec<(usize, Option<usize>, usize)>,
    /// Heading ids given so far.
    ids: FxHashSet<String>,
    /// Per id taken, the number to try first for the next heading that would have it:
    /// the ones below are taken, and trying them again for each such heading would make a
    /// page of many same-named headings quadratic.
    next_suffix: FxHashMap<String, usize>,
    problems: &'w mut Vec<Problem>,
    /// The line of the first raw HTML that needs the sanitizer.
    raw_html: Option<usize>,
}

impl<'a> Writer<'_, 'a> {
    fn problem(&mut self, offset: usize, kind: ProblemKind) {
        let line = self.marked.line(self.page, offset);
        self.problems.push(Problem {
            file: self.page.path().to_owned(),
            line,
            kind,
        });
    }

    fn event(&mut self, event: Event<'a>, offset: usize) {
        // A segment whose text runs over a block boundary (a blank line in its
        // translation, or a start in a raw HTML block) is closed where its block ends or
        // the next begins, so no span holds blocks; the rest of its text, in the next block
        // with text, is a continuation span without a source of its own.
        let ends_block = matches!(
            event,
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item)
                | Event::Start(
                    Tag::Paragraph
                        | Tag::Heading { .. }
                        | Tag::List(_)
                        | Tag::Item
                        | Tag::Table(_)
                        | Tag::BlockQuote(_)
                        | Tag::CodeBlock(_)
                )
        );
        if ends_block && !(self.open_segments.is_empty() && self.continued.is_empty()) {
            for _ in 0..self.open_segments.len() + self.continued.len() {
                self.events
                    .push(Event::InlineHtml(CowStr::Borrowed("</span>")));
            }
            // Continuations were opened first, at the block's start.
            self.suspended.append(&mut self.continued);
            self.suspended.append(&mut self.open_segments);
        }
        let starts_block = matches!(
            event,
            Event::Start(Tag::Paragraph | Tag::TableCell | Tag::Item)
        );
        if starts_block && !self.suspended.is_empty() {
            self.events.push(event);
            for _ in 0..self.suspended.len() {
                self.events.push(Event::InlineHtml(CowStr::Borrowed(
                    "<span class=\"seg-cont\">",
                )));
            }
            self.continued.append(&mut self.suspended);
            return;
        }
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(uid) = strip_prefix_ignore_case(&dest_url, "xref:") {
                    self.start_xref(uid, link_type, title, offset);
                } else if !safe_url(&dest_url) {
                    // Shown as its text, like an unresolved xref.
                    self.xref = Some(Xref {
                        resolved: false,
                        autolink_text: None,
                    });
                } else {
                    let dest_url = page_link(dest_url);
                    self.events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => match self.xref.take() {
                Some(Xref {
                    resolved: false, ..
                }) => {}
                _ => self.events.push(Event::End(TagEnd::Link)),
            },
            Event::Text(text)
                if self
                    .xref
                    .as_ref()
                    .is_some_and(|x| x.autolink_text.is_some()) =>
            {
                let shown = self
                    .xref
                    .as_mut()
                    .and_then(|x| x.autolink_text.take())
                    .unwrap_or_else(|| text.to_string());
                self.events.push(Event::Text(shown.into()));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.image_depth += 1;
                if self.image.is_none() {
                    self.image = Some((self.events.len(), Vec::new()));
                    self.events.push(Event::InlineHtml(CowStr::Borrowed("")));
                }
                let dest_url = if safe_url(&dest_url) {
                    dest_url
                } else {
                    CowStr::Borrowed("")
                };
                self.events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                self.image_depth = self.image_depth.saturating_sub(1);
                self.events.push(Event::End(TagEnd::Image));
                if self.image_depth == 0 {
                    self.close_image();
                }
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, id) = alert_names(kind);
                let mut html = format!(
                    "<div class=\"alert alert-{class}\" role=\"note\"><p class=\"alert-title\">"
                );
                escape_html(&self.context.localizer.text(id, &[]), &mut html);
                html.push_str("</p>\n");
                self.events.push(Event::Html(html.into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                self.events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Heading { .. }) => {
                self.heading = Some(self.events.len());
                self.events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                self.name_heading();
                self.events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Text(text) => self.text(text),
            Event::Code(code) if has_marks(&code) => {
                self.events.push(Event::Code(without_marks(&code).into()));
            }
            Event::Html(html) if self.context.html_as_text => {
                let text = self.html_as_text(&html);
                self.events.push(Event::Html(text.into()));
                return;
            }
            Event::InlineHtml(html) if self.context.html_as_text => {
                let text = self.html_as_text(&html);
                self.events.push(Event::InlineHtml(text.into()));
            }
            Event::Html(html) => {
                self.raw_html_at(offset);
                let html = if has_marks(&html) {
                    self.marks_to_spans(&html).into()
                } else {
                    self.html_tag = self.html_tag.after(&html);
                    html
                };
                self.events.push(Event::Html(html));
                return;
            }
            // An unknown tag is left out here, as a browser would hide it, rather than by
            // the sanitizer, which drops some (`<domain>`) with the text after them.
            Event::InlineHtml(html)
                if !has_marks(&html) && super::sanitize::is_unlisted_tag(&html) =>
            {
                self.html_tag = InTag::No;
            }
            Event::InlineHtml(html) => {
                if !is_plain_html(&html) {
                    self.raw_html_at(offset);
                }
                self.html_tag = InTag::No;
                let html = if has_marks(&html) {
                    self.marks_to_spans(&html).into()
                } else {
                    html
                };
                self.events.push(Event::InlineHtml(html));
            }
            other => self.events.push(other),
        }
        self.html_tag = InTag::No;
    }

    fn start_xref(
        &mut self,
        reference: &str,
        link_type: LinkType,
        title: CowStr<'a>,
        offset: usize,
    ) {
        let (uid, fragment) = match reference.find(['#', '?']) {
            Some(at) if reference[at..].starts_with('#') => reference.split_at(at),
            Some(at) => {
                let fragment = reference[at..]
                    .find('#')
                    .map_or("", |f| &reference[at + f..]);
                (&reference[..at], fragment)
            }
            None => (reference, ""),
        };
        let uid = percent_decode(uid);
        let autolink = matches!(link_type, LinkType::Autolink);
        match (self.context.xrefs)(&uid) {
            Some(target) => {
                self.events.push(Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url: format!("{}{fragment}", target.href).into(),
                    title,
                    id: CowStr::Borrowed(""),
                }));
                self.xref = Some(Xref {
                    resolved: true,
                    autolink_text: autolink.then_some(target.title),
                });
            }
            None => {
                self.problem(offset, ProblemKind::UnresolvedXref { uid: uid.clone() });
                self.xref = Some(Xref {
                    resolved: false,
                    autolink_text: autolink.then_some(uid),
                });
            }
        }
    }

    /// Gives the heading that just ended an id: the name of its `<a name>` anchor, else
    /// the id the publisher derives from its English text (segments read as their
    /// source), made unique on the page. The English id is the one links in the page
    /// point at: the authors wrote them, and localization leaves them as they are.
    fn name_heading(&mut self) {
        let Some(start) = self.heading.take() else {
            return;
        };
        let mut anchor = None;
        let mut english = String::new();
        let mut marks = std::mem::take(&mut self.heading_marks)
            .into_iter()
            .peekable();
        let mut depth = 0;
        for (i, event) in self.events.iter().enumerate().skip(start + 1) {
            while let Some((_, opened, after)) = marks.next_if(|(at, _, _)| *at <= i) {
                if let Some(text) = opened.and_then(|index| self.sources.get(index)) {
                    english.push_str(text);
                }
                depth = after;
            }
            match event {
                Event::Text(t) | Event::Code(t) if depth == 0 => english.push_str(t),
                Event::InlineHtml(html) | Event::Html(html) if anchor.is_none() => {
                    anchor = crate::html::a_name(html).map(str::to_owned);
                }
                _ => {}
            }
        }
        let base = anchor.unwrap_or_else(|| match markdown::slug(&english) {
            id if id.is_empty() => "section".to_owned(),
            id => id,
        });
        let mut id = base.clone();
        if !self.ids.insert(id.clone()) {
            let mut n = self.next_suffix.get(&base).copied().unwrap_or(1);
            loop {
                id = format!("{base}-{n}");
                n += 1;
                if self.ids.insert(id.clone()) {
                    break;
                }
            }
            self.next_suffix.insert(base, n);
        }
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut self.events[start] {
            *slot = Some(id.into());
        }
    }

    fn text(&mut self, text: CowStr<'a>) {
        let text = match super::docfx::unwrap_no_loc(&text) {
            Cow::Owned(words) => CowStr::from(words),
            Cow::Borrowed(_) => text,
        };
        if !has_marks(&text) {
            self.events.push(Event::Text(text));
            return;
        }
        if self.image_depth > 0 {
            if let Some((_, segments)) = &mut self.image {
                let mut rest: &str = &text;
                while let Some(at) = find_mark(rest) {
                    rest = &rest[at..];
                    let len = match parse_mark(rest) {
                        Some((kind, index, len)) => {
                            if kind == OPEN {
                                segments.push(index);
                            }
                            len
                        }
                        None => rest.chars().next().map_or(1, char::len_utf8),
                    };
                    rest = &rest[len..];
                }
            }
            self.events.push(Event::Text(without_marks(&text).into()));
            return;
        }
        let mut rest: &str = &text;
        while let Some(at) = find_mark(rest) {
            if at > 0 {
                self.events.push(Event::Text(rest[..at].to_owned().into()));
            }
            rest = &rest[at..];
            match parse_mark(rest) {
                Some((kind, index, len)) => {
                    let mut html = String::new();
                    self.span(kind, index, &mut html);
                    if !html.is_empty() {
                        self.events.push(Event::InlineHtml(html.into()));
                    }
                    rest = &rest[len..];
                }
                None => {
                    let width = rest.chars().next().map_or(1, char::len_utf8);
                    self.events
                        .push(Event::Text(rest[..width].to_owned().into()));
                    rest = &rest[width..];
                }
            }
        }
        if !rest.is_empty() {
            self.events.push(Event::Text(rest.to_owned().into()));
        }
    }

    /// Ends the outermost image: when segments start in its alt text, the image goes in a
    /// segment span whose English text is theirs.
    fn close_image(&mut self) {
        let Some((placeholder, segments)) = self.image.take() else {
            return;
        };
        // A segment that starts in alt text and ends after it holds the image's
        // destination too (`text](media/a.png)`): only the text before it is English.
        let sources: Vec<String> = segments
            .iter()
            .filter_map(|&index| self.sources.texts.get(index))
            .map(|source| plain_text(source.split("](").next().unwrap_or(source)))
            .collect();
        if sources.is_empty() {
            return;
        }
        let mut html = String::new();
        open_segment_span("seg seg-image", &sources.join(" "), &mut html);
        self.events[placeholder] = Event::InlineHtml(html.into());
        self.events
            .push(Event::InlineHtml(CowStr::Borrowed("</span>")));
    }

    /// Notes raw HTML that needs the sanitizer at `offset`, unless some came before.
    fn raw_html_at(&mut self, offset: usize) {
        if self.raw_html.is_none() {
            self.raw_html = Some(self.marked.line(self.page, offset));
        }
    }

    /// Raw HTML as the text a reader sees written, escaped, with its segments' spans.
    fn html_as_text(&mut self, html: &str) -> String {
        let mut escaped = String::with_capacity(html.len() + 16);
        escape_html(html, &mut escaped);
        self.marks_to_spans(&escaped)
    }

    /// Raw HTML with its marks turned into spans (the sanitizer reads it after).
    fn marks_to_spans(&mut self, html: &str) -> String {
        let mut out = String::with_capacity(html.len() + 64);
        let mut rest = html;
        while let Some(at) = find_mark(rest) {
            out.push_str(&rest[..at]);
            self.html_tag = self.html_tag.after(&rest[..at]);
            rest = &rest[at..];
            match parse_mark(rest) {
                Some((kind, index, len)) => {
                    // A segment in an attribute value (an iframe's title) keeps its
                    // translation; a span there would be text of the attribute.
                    if self.html_tag == InTag::No {
                        self.span(kind, index, &mut out);
                    }
                    rest = &rest[len..];
                }
                None => {
                    let width = rest.chars().next().map_or(1, char::len_utf8);
                    out.push_str(&rest[..width]);
                    rest = &rest[width..];
                }
            }
        }
        out.push_str(rest);
        self.html_tag = self.html_tag.after(rest);
        out
    }

    /// Writes the opening or closing tag of segment `index`'s span. A close whose open was
    /// not written (it fell in code or an image) writes nothing.
    /// In a heading, the span's event is the next one pushed: where it is, is noted for
    /// [`Writer::name_heading`].
    fn span(&mut self, kind: char, index: usize, out: &mut String) {
        if kind == OPEN {
            let Some(source) = self.sources.get(index) else {
                return;
            };
            open_segment_span("seg", source, out);
            self.open_segments.push(index);
        } else if let Some(at) = self.open_segments.iter().rposition(|i| *i == index) {
            for _ in at..self.open_segments.len() {
                out.push_str("</span>");
            }
            self.open_segments.truncate(at);
        } else if let Some(at) = self.continued.iter().rposition(|i| *i == index) {
            // The end of a segment that went on from an earlier block; the segments opened
            // in this block are inside its span.
            for _ in 0..self.open_segments.len() + self.continued.len() - at {
                out.push_str("</span>");
            }
            self.open_segments.clear();
            self.continued.truncate(at);
            return;
        } else {
            self.suspended.retain(|i| *i != index);
            return;
        }
        if self.heading.is_some() {
            let opened = (kind == OPEN).then_some(index);
            let mark = (self.events.len(), opened, self.open_segments.len());
            self.heading_marks.push(mark);
        }
    }

    fn include(
        &mut self,
        target: &str,
        offset: usize,
        block: bool,
        stack: &mut Vec<PathBuf>,
    ) -> String {
        let result =
            resolve_include(self.page.path(), target, self.context.root).and_then(|path| {
                let identity = identity(&path);
                if stack.contains(&identity) || stack.len() > MAX_INCLUDE_DEPTH {
                    return Err(ProblemKind::IncludeCycle {
                        target: target.to_owned(),
                    });
                }
                let page = Page::read(&path).map_err(|err| ProblemKind::IncludeUnreadable {
                    target: target.to_owned(),
                    message: match err {
                        crate::page::ReadError::Io { source, .. } => source.to_string(),
                        crate::page::ReadError::Decode { source, .. } => source.to_string(),
                    },
                })?;
                Ok((page, identity))
            });
        match result {
            Ok((page, identity)) => {
                stack.push(identity);
                let mut html = String::new();
                let raw = render_into(&page, self.context, stack, !block, &mut html, self.problems);
                if raw.is_some() {
                    self.raw_html_at(offset);
                }
                stack.pop();
                if !block {
                    // Inline: no trailing line break inside the sentence.
                    let len = html.trim_end().len();
                    html.truncate(len);
                }
                html
            }
            Err(kind) => self.include_error(offset, kind, target, block),
        }
    }

    /// Reports an include (or code file) that cannot be shown, and the box shown instead.
    fn include_error(
        &mut self,
        offset: usize,
        kind: ProblemKind,
        target: &str,
        block: bool,
    ) -> String {
        self.problem(offset, kind);
        let tag = if block { "div" } else { "span" };
        let message = self
            .context
            .localizer
            .text("site-include-error", &[("path", Arg::from(target))]);
        let mut html = format!("<{tag} class=\"include-error\" role=\"alert\">");
        escape_html(&message, &mut html);
        html.push_str(&format!("</{tag}>"));
        if block {
            html.push('\n');
        }
        html
    }

    /// The code block of a `:::code:::` directive: its file, read from below the content
    /// folder, or the lines its range names.
    fn code(&mut self, code: &CodeFile, offset: usize) -> String {
        let text =
            resolve_include(self.page.path(), &code.source, self.context.root).and_then(|path| {
                std::fs::read_to_string(&path).map_err(|err| ProblemKind::IncludeUnreadable {
                    target: code.source.clone(),
                    message: err.to_string(),
                })
            });
        let text = match text {
            Ok(text) => text,
            Err(kind) => return self.include_error(offset, kind, &code.source, true),
        };
        let mut html = String::from("<pre><code");
        if !code.language.is_empty() {
            html.push_str(&format!(" class=\"language-{}\"", code.language));
        }
        html.push('>');
        // The lines the region or range selects; the whole file where it selects nothing
        // the file has.
        let shown: Option<Vec<&str>> = match (&code.region, code.range.as_deref()) {
            (Some(name), _) => region(&text, name),
            (None, Some(range)) => {
                let ranges = line_ranges(range);
                (!ranges.is_empty()).then(|| {
                    text.lines()
                        .enumerate()
                        .filter(|(number, _)| ranges.iter().any(|r| r.contains(&(number + 1))))
                        .map(|(_, line)| line)
                        .collect()
                })
            }
            (None, None) => None,
        };
        match shown {
            Some(lines) => {
                for line in lines {
                    escape_html(line, &mut html);
                    html.push('\n');
                }
            }
            None => escape_html(&text, &mut html),
        }
        html.push_str("</code></pre>\n");
        html
    }
}

/// The lines of region `name` of a code file: between a line holding `<name>` and one
/// holding `</name>`, or between `#region name` and its `#endregion`. The `#region` and
/// `#endregion` lines of regions inside it are left out.
fn region<'t>(text: &'t str, name: &str) -> Option<Vec<&'t str>> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let region_start = |line: &str| {
        line.trim_start()
            .strip_prefix("#region")
            .is_some_and(|rest| rest.trim() == name)
    };
    let mut lines = text.lines();
    let mut tagged = false;
    for line in lines.by_ref() {
        if line.contains(&open) {
            tagged = true;
            break;
        }
        if region_start(line) {
            break;
        }
    }
    let mut depth = 0usize;
    let mut shown = Vec::new();
    for line in lines {
        let trimmed = line.trim_start();
        if tagged && line.contains(&close) {
            return Some(shown);
        }
        if trimmed.starts_with("#region") {
            depth += 1;
            continue;
        }
        if trimmed.starts_with("#endregion") {
            if depth == 0 {
                return (!tagged).then_some(shown);
            }
            depth -= 1;
            continue;
        }
        shown.push(line);
    }
    None
}

/// The 1-based line ranges `range` names (`3-9`, `1-3,7`, `12-`); parts that do not parse
/// are left out, so a range that does not parse at all shows every line.
fn line_ranges(range: &str) -> Vec<std::ops::RangeInclusive<usize>> {
    range
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            let (start, end) = match part.split_once('-') {
                Some((a, b)) => {
                    let b = b.trim();
                    let end = if b.is_empty() {
                        Some(usize::MAX)
                    } else {
                        b.parse().ok()
                    };
                    (a.trim().parse().ok(), end)
                }
                None => (part.parse().ok(), part.parse().ok()),
            };
            Some(start?..=end?)
        })
        .collect()
}

/// Whether a raw inline HTML token is one the sanitizer would keep exactly as it is: an
/// `<a name="…">` anchor (name of letters, digits, `-_.:`), `</a>`, or a tag without
/// attributes from a short list of text markup. Pages holding only these (most: the
/// headings' anchors) skip the sanitizer pass.
pub fn is_plain_html(token: &str) -> bool {
    static PLAIN: OnceLock<Regex> = OnceLock::new();
    let plain = PLAIN.get_or_init(|| {
        Regex::new(
            r#"(?i-u)^(?:<a\s+name\s*=\s*"[A-Za-z0-9_.:-]*"\s*>|</a\s*>|</?(?:b|i|em|strong|sup|sub|kbd|code|u|s|del|ins|small|br|p)\s*/?>)$"#,
        )
        .expect("valid regex")
    });
    plain.is_match(token)
}

/// Whether a link or image URL may be written: relative, or with a scheme that cannot
/// run code (`javascript:` and `data:` cannot pass).
pub(super) fn safe_url(url: &str) -> bool {
    let url = url.trim_start();
    let Some(colon) = url.find(':') else {
        return true;
    };
    let scheme = &url[..colon];
    if scheme.contains(['/', '?', '#']) {
        return true; // the colon is in the path or after it
    }
    ["http", "https", "mailto", "ftp", "tel"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s))
}

/// The opening tag of a segment's span, with class `class`: focusable, its English
/// `source` in the attribute the site's script shows.
fn open_segment_span(class: &str, source: &str, out: &mut String) {
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\" tabindex=\"0\" data-source=\"");
    escape_html(source, out);
    out.push_str("\">");
}

/// Where raw HTML stands: outside tags, in a tag, or in a quoted attribute value of one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum InTag {
    No,
    Yes,
    Quoted(u8),
}

impl InTag {
    /// The state after `html`, read from this one.
    fn after(self, html: &str) -> InTag {
        let bytes = html.as_bytes();
        let mut state = self;
        for (at, &byte) in bytes.iter().enumerate() {
            state = match (state, byte) {
                (InTag::No, b'<')
                    if bytes
                        .get(at + 1)
                        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/') =>
                {
                    InTag::Yes
                }
                (InTag::Yes, b'>') => InTag::No,
                (InTag::Yes, quote @ (b'"' | b'\'')) => InTag::Quoted(quote),
                (InTag::Quoted(open), quote) if quote == open => InTag::Yes,
                (state, _) => state,
            };
        }
        state
    }
}

fn has_marks(text: &str) -> bool {
    find_mark(text).is_some()
}

/// Whether `text` holds any of the mark characters (OPEN, CLOSE, END: U+1F700 to U+1F702).
fn has_mark_characters(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), &[0xF0, 0x9F, 0x9C])
        .any(|at| matches!(text.as_bytes().get(at + 3), Some(0x80..=0x82)))
}

/// Where the first OPEN or CLOSE character is. They share their first three UTF-8 bytes,
/// which a byte search finds much faster than a search by characters.
fn find_mark(text: &str) -> Option<usize> {
    const PREFIX: &[u8] = &[0xF0, 0x9F, 0x9C];
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&bytes[from..], PREFIX) {
        let at = from + at;
        if matches!(bytes.get(at + 3), Some(0x80 | 0x81)) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

pub(super) fn without_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_mark(rest) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let len =
            parse_mark(rest).map_or_else(|| rest.chars().next().map_or(1, char::len_utf8), |m| m.2);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

pub(super) fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `%2A` → `*`: xrefs write overload markers and special characters percent-encoded.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// A relative link to another page (`a/b.md#x`) pointed at its HTML (`a/b.html#x`).
fn page_link(dest: CowStr<'_>) -> CowStr<'_> {
    let split = dest.find(['#', '?']).unwrap_or(dest.len());
    let (path, rest) = dest.split_at(split);
    let has_scheme = path
        .find(':')
        .is_some_and(|colon| !path[..colon].contains('/'));
    if has_scheme || path.starts_with('/') || !path.to_ascii_lowercase().ends_with(".md") {
        return dest;
    }
    format!("{}.html{rest}", &path[..path.len() - 3]).into()
}

/// The CSS class and the Fluent id of an alert's title.
fn alert_names(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "site-alert-note"),
        BlockQuoteKind::Tip => ("tip", "site-alert-tip"),
        BlockQuoteKind::Important => ("important", "site-alert-important"),
        BlockQuoteKind::Warning => ("warning", "site-alert-warning"),
        BlockQuoteKind::Caution => ("caution", "site-alert-caution"),
    }
}

/// The include's file, if it stays below `root` (`~/path` from the nearest folder above
/// the page that has it). Paths are compared as written (lexically)
/// and, where the file exists, once links are resolved, so neither `..` nor a link leads out.
fn resolve_include(from: &Path, target: &str, root: &Path) -> Result<PathBuf, ProblemKind> {
    let outside = || ProblemKind::IncludeOutsideRoot {
        target: target.to_owned(),
        root: root.to_owned(),
    };
    let target_path = Path::new(target);
    if target_path.is_absolute() || target.contains(':') {
        return Err(outside());
    }
    let dir = from.parent().unwrap_or(Path::new(""));
    let joined = match target.strip_prefix("~/") {
        // `~/` is the root of the doc set, which the content folder does not mark: the
        // nearest folder above the page, within the content folder, that has the file.
        Some(rest) => dir
            .ancestors()
            .take_while(|a| a.starts_with(root))
            .map(|a| a.join(rest))
            .find(|candidate| candidate.is_file())
            .unwrap_or_else(|| root.join(rest)),
        None => dir.join(target_path),
    };
    let joined = normalize(&joined).ok_or_else(outside)?;
    let root_norm = normalize(root).ok_or_else(outside)?;
    if !joined.starts_with(&root_norm) {
        return Err(outside());
    }
    if let (Ok(real), Ok(real_root)) = (joined.canonicalize(), root.canonicalize()) {
        if !real.starts_with(real_root) {
            return Err(outside());
        }
    }
    Ok(joined)
}

/// `a/./b/../c` → `a/c`; `None` where `..` climbs above the start of a relative path.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    let mut depth = 0usize;
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if depth == 0 {
                    return None;
                }
                out.pop();
                depth -= 1;
            }
            Component::Normal(part) => {
                out.push(part);
                depth += 1;
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// What identifies a file in the include stack.
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// Which page offsets a range of the marked text covers is not needed outside; kept for
/// tests of the line mapping.
#[cfg(test)]
fn marked_text(page: &Page) -> (String, Vec<(usize, usize)>) {
    let marked = Marked::new(page);
    (marked.text, marked.checkpoints)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> Rendered {
        let page = Page::parse("root/fr-FR/p.md", text.to_owned());
        let context = Context {
            root: Path::new("root"),
            xrefs: &|uid: &str| {
                (uid == "a.b").then(|| XrefTarget {
                    href: "../fr-FR/ab.html".into(),
                    title: "AB".into(),
                })
            },
            localizer: Localizer::english(),
            html_as_text: false,
        };
        render_page(&page, &context)
    }

    fn seg(id: &str, translation: &str, source: &str) -> String {
        format!("<span data-ttu-id=\"{id}\">{translation}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>")
    }

    #[test]
    fn same_named_headings_get_the_first_free_numbered_id() {
        let r = render("# A\n\n# A\n\n# A-1\n\n# A\n\n# A-2\n\n# A\n");
        let ids: Vec<&str> = r
            .html
            .split("id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(ids, ["a", "a-1", "a-1-1", "a-2", "a-2-1", "a-3"]);
    }

    #[test]
    fn text_split_at_entities_is_joined_into_one_text() {
        let r = render(&format!("x{}y &lt;b&gt;\n", "&amp;".repeat(3)));
        assert_eq!(r.html, "<p>x&amp;&amp;&amp;y &lt;b&gt;</p>\n");
        let events = coalesce("a &amp; b *c* d &lt; e\n");
        let texts: Vec<String> = events
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["a & b ", "c", " d < e"]);
    }

    #[test]
    fn emphasis_survives_the_marks() {
        let r = render(&format!(
            "{}\n",
            seg("a-1", "**S’applique à :**", "**Applies to:**")
        ));
        assert_eq!(
            r.html,
            "<p><span class=\"seg\" tabindex=\"0\" data-source=\"Applies to:\"><strong>S’applique à :</strong></span></p>\n"
        );
    }

    #[test]
    fn a_hard_break_at_a_segments_end_stays_a_break() {
        // Two spaces ending a segment's text before the line end: the segment's mark goes
        // before them, so Markdown still reads a hard line break.
        let r = render(&format!(
            "{}\n{}\n",
            seg("a-1", "Ligne un  ", "Line one  "),
            seg("a-2", "Ligne deux.", "Line two.")
        ));
        assert_eq!(
            r.html,
            "<p><span class=\"seg\" tabindex=\"0\" data-source=\"Line one  \">Ligne un</span><br />\n\
             <span class=\"seg\" tabindex=\"0\" data-source=\"Line two.\">Ligne deux.</span></p>\n"
        );
    }

    #[test]
    fn block_syntax_starting_a_translation_stays_block_syntax() {
        // projops/nl-NL ui-behavior-time.md, 7659d-132: a list item whose translation
        // starts with another list marker is a nested list; m365/nl-NL admin-support.md,
        // 9ed09-175: spaces that start a list item's text are not text.
        let r = render(&format!(
            "- {}\n- {}\n",
            seg("a-1", "- Rol", "Role"),
            seg("a-2", " Toepassing", "Application")
        ));
        assert_eq!(
            r.html,
            "<ul>\n<li>\n<ul>\n<li><span class=\"seg\" tabindex=\"0\" data-source=\"Role\">Rol</span></li>\n</ul>\n</li>\n\
             <li><span class=\"seg\" tabindex=\"0\" data-source=\"Application\">Toepassing</span></li>\n</ul>\n"
        );
    }

    #[test]
    fn an_unknown_tag_is_hidden_and_its_text_kept() {
        // m365/nl-NL add-a-domain-to-a-client-tenancy….md, bd6e7-122: `<domain>` is also
        // a MathML element's name, which the sanitizer removes with its content.
        let r = render(&format!(
            "{}\n",
            seg(
                "a-1",
                "de wereld <domain> vertegenwoordigt.",
                "represent <domain> to the world."
            )
        ));
        assert!(
            r.html.contains("de wereld  vertegenwoordigt."),
            "{}",
            r.html
        );
    }

    #[test]
    fn marks_map_back_to_page_lines() {
        let text = format!(
            "---\ntitle: t\n---\n{}\n\nx [!INCLUDE [t](../../out.md)]\n",
            seg("a-1", "A", "B\nC")
        );
        let page = Page::parse("root/fr-FR/p.md", text.clone());
        let (marked, checkpoints) = marked_text(&page);
        assert_eq!(checkpoints.len(), 2);
        let at = marked.find("[!INCLUDE").unwrap();
        let r = render(&text);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, 7);
        assert!(at > 0);
    }

    #[test]
    fn lines_of_a_laid_out_row_map_back_to_their_page_lines() {
        let body = format!(
            "{}\n:::row:::\n    :::column:::\n        one\n\n            two\n    :::column-end:::\n    :::column span=\"3\":::\n        {}\n        three\n    :::column-end:::\n:::row-end:::\nfour\n",
            seg("a-1", "A", "B"),
            seg("a-2", "C", "D"),
        );
        let text = format!("---\ntitle: t\n---\n{body}");
        let page = Page::parse("root/fr-FR/p.md", text.clone());
        let marked = Marked::new(&page);
        assert!(marked.text.contains("<section class=\"row\">"));
        for word in ["one", "two", "three", "four"] {
            let expected = text.lines().position(|l| l.contains(word)).unwrap() + 1;
            let at = marked.text.find(word).unwrap();
            for offset in [at, at + word.len() - 1] {
                assert_eq!(marked.line(&page, offset), expected, "{word}");
            }
        }
    }

    #[test]
    fn code_ranges_select_lines() {
        let shown = |range: &str| -> Vec<usize> {
            let ranges = line_ranges(range);
            (1..=8)
                .filter(|n| ranges.is_empty() || ranges.iter().any(|r| r.contains(n)))
                .collect()
        };
        assert_eq!(shown("2-3"), [2, 3]);
        assert_eq!(shown("1-2, 5"), [1, 2, 5]);
        assert_eq!(shown("7-"), [7, 8]);
        assert_eq!(shown("x"), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn links_and_paths() {
        assert_eq!(page_link("a/b.md#x".into()).as_ref(), "a/b.html#x");
        assert_eq!(
            page_link("https://x/b.md".into()).as_ref(),
            "https://x/b.md"
        );
        assert_eq!(percent_decode("A.B%2A"), "A.B*");
        assert_eq!(normalize(Path::new("a/../../b")), None);
    }
}
