//! A segment's text as translatable text and protected inline codes.
//!
//! Markdown structure comes from pulldown-cmark: text events are text; the delimiters of
//! emphasis, strong, strikethrough, links and images become paired codes (open and close);
//! code spans, inline HTML and everything else between text events become standalone
//! codes. The pieces cover the text exactly, so writing them back in order gives the text.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::markdown;

/// One piece of a segment's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text a translator translates.
    Text(&'t str),
    /// Markup that opens a span (`**`, `[`), paired with the [`Piece::Close`] of the same id.
    Open {
        /// Pairing id, from 1 in the text.
        id: usize,
        /// The markup as written.
        code: &'t str,
    },
    /// Markup that closes a span (`**`, `](url)`).
    Close {
        /// Pairing id of the matching [`Piece::Open`].
        id: usize,
        /// The markup as written.
        code: &'t str,
    },
    /// Markup that stands alone (a code span, an HTML tag).
    Standalone {
        /// The markup as written.
        code: &'t str,
    },
}

impl Piece<'_> {
    /// The bytes of the text this piece covers.
    pub fn as_str(&self) -> &str {
        match self {
            Piece::Text(t) => t,
            Piece::Open { code, .. } | Piece::Close { code, .. } | Piece::Standalone { code } => {
                code
            }
        }
    }
}

/// Whether `text` can hold Markdown inline structure; a text without any of these bytes
/// is one text piece. `]`, `!` and `>` mean something only after a `[`, before a `[`, and
/// after a `<` or at the start of a line (after a line ending). A few memchr passes cost
/// much less than a test of every byte.
fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2(b'\n', b'\r', bytes).is_some() || has_inline_markup(bytes)
}

/// [`has_markup`] but for line endings.
fn has_inline_markup(bytes: &[u8]) -> bool {
    memchr::memchr3(b'`', b'[', b'*', bytes).is_some()
        || memchr::memchr3(b'_', b'<', b'~', bytes).is_some()
        || memchr::memchr2(b'\\', b'&', bytes).is_some()
}

/// A leading word keeps `1. x` or `# x` in a segment from reading as a block.
const PREFIX: &str = "a ";

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Open(usize),
    Close(usize),
    Standalone,
}

struct Frame {
    id: usize,
    start: usize,
    end: usize,
    open_end: Option<usize>,
    last_end: usize,
}

/// Splits a segment's text into pieces. Where the markup cannot be told apart cleanly the
/// whole text is one text piece (never wrong, only less protected).
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    Splitter::default().split(text, &mut out);
    out
}

/// Splits many texts into pieces, reusing its buffers from one text to the next (an export
/// splits hundreds of thousands of short texts).
#[derive(Default)]
pub struct Splitter {
    source: String,
    marks: Vec<(Range<usize>, Kind)>,
    frames: Vec<Frame>,
    parts: Vec<(Range<usize>, Kind)>,
    /// The document of [`Splitter::split_all`], and where each of its texts starts in it.
    doc: String,
    starts: Vec<(usize, usize)>,
    /// Whether each text of [`Splitter::split_all`] has markup.
    markup: Vec<bool>,
}

/// The pieces of several texts, as [`Splitter::split_all`] gives them.
#[derive(Debug, Default)]
pub struct Split<'t> {
    pieces: Vec<Piece<'t>>,
    ends: Vec<usize>,
}

impl<'t> Split<'t> {
    /// The pieces of the `i`-th text.
    pub fn get(&self, i: usize) -> &[Piece<'t>] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.pieces[start..self.ends[i]]
    }
}

/// How one paragraph of a document of several texts came apart.
enum Paragraph {
    /// Its pieces were added.
    Split,
    /// It was read, but its pieces do not spell its text: the text is to be split alone.
    Failed,
    /// The document does not hold the paragraph where expected.
    Lost,
}

impl Splitter {
    /// Replaces the contents of `out` with the pieces of `text`, as [`pieces`] does.
    pub fn split<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) {
        out.clear();
        self.split_into(text, out);
    }

    /// Adds the pieces of `text` to `out`.
    fn split_into<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) {
        if has_markup(text) {
            self.split_markup(text, out);
        } else if !text.is_empty() {
            out.push(Piece::Text(text));
        }
    }

    /// Adds the pieces of `text`, known to have markup, to `out`.
    fn split_markup<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) {
        let base = out.len();
        if !self.try_split(text, out) {
            out.truncate(base);
            out.push(Piece::Text(text));
        }
    }

    /// Splits each of `texts` as [`Splitter::split`] does, into `out`. The one-line texts
    /// with markup are parsed together, each as a paragraph of one document: a paragraph
    /// that starts with a word starts no block and no definition, and inline structure
    /// ends with its paragraph, so each text gets the events it would get alone. A text
    /// whose paragraph is not where expected, or whose pieces do not spell it, is parsed
    /// alone.
    pub fn split_all<'t>(&mut self, texts: &[&'t str], out: &mut Split<'t>) {
        out.pieces.clear();
        out.ends.clear();
        // Taken out while the parser borrows it, so the texts parsed alone reuse `source`.
        let mut doc = std::mem::take(&mut self.doc);
        doc.clear();
        let mut starts = std::mem::take(&mut self.starts);
        starts.clear();
        // Whether each text has markup, looked at once; one with a line ending is parsed
        // alone.
        let mut markup = std::mem::take(&mut self.markup);
        markup.clear();
        for (i, text) in texts.iter().enumerate() {
            let bytes = text.as_bytes();
            let multiline = memchr::memchr2(b'\n', b'\r', bytes).is_some();
            let has = multiline || has_inline_markup(bytes);
            markup.push(has);
            if has && !multiline {
                doc.push_str(PREFIX);
                starts.push((i, doc.len()));
                doc.push_str(text);
                doc.push_str("\n\n");
            }
        }
        let mut events = markdown::parser(&doc).into_offset_iter();
        let mut batched = starts.iter().peekable();
        let mut together = true;
        for (i, text) in texts.iter().enumerate() {
            let base = out.pieces.len();
            let mut split = !markup[i];
            if split && !text.is_empty() {
                out.pieces.push(Piece::Text(text));
            }
            if let Some(&(_, start)) = batched.next_if(|(j, _)| *j == i) {
                if together {
                    match self.paragraph(&mut events, start, text, &mut out.pieces) {
                        Paragraph::Split => split = true,
                        Paragraph::Failed => {}
                        Paragraph::Lost => together = false,
                    }
                }
            }
            if !split {
                out.pieces.truncate(base);
                self.split_markup(text, &mut out.pieces);
            }
            out.ends.push(out.pieces.len());
        }
        self.markup = markup;
        self.doc = doc;
        self.starts = starts;
    }

    /// Reads the next paragraph of `events` as the text that starts at `start` of the
    /// document, adding its pieces to `out`.
    fn paragraph<'t, 'd>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'d>, Range<usize>)>,
        start: usize,
        text: &'t str,
        out: &mut Vec<Piece<'t>>,
    ) -> Paragraph {
        if !matches!(events.next(), Some((Event::Start(Tag::Paragraph), _))) {
            return Paragraph::Lost;
        }
        self.marks.clear();
        self.frames.clear();
        let mut next_id = 1;
        let mut marked = true;
        loop {
            match events.next() {
                Some((Event::End(TagEnd::Paragraph), _)) => break,
                Some((event, range)) => {
                    marked = marked
                        && mark(
                            event,
                            range,
                            start,
                            &mut self.marks,
                            &mut self.frames,
                            &mut next_id,
                        );
                }
                None => return Paragraph::Lost,
            }
        }
        if marked && self.pieces_from_marks(text, out) {
            Paragraph::Split
        } else {
            Paragraph::Failed
        }
    }

    /// The pieces of a text with markup; false when they do not spell the text exactly.
    fn try_split<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) -> bool {
        let mut source = std::mem::take(&mut self.source);
        source.clear();
        source.push_str(PREFIX);
        source.push_str(text);
        self.marks.clear();
        self.frames.clear();
        let mut next_id = 1;
        let mut marked = true;
        for (event, range) in markdown::parser(&source).into_offset_iter() {
            if matches!(
                event,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            ) {
                continue;
            }
            marked = mark(
                event,
                range,
                PREFIX.len(),
                &mut self.marks,
                &mut self.frames,
                &mut next_id,
            );
            if !marked {
                break;
            }
        }
        self.source = source;
        marked && self.pieces_from_marks(text, out)
    }

    /// Adds the pieces the marks make of `text` to `out`; false when they do not spell it.
    fn pieces_from_marks<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) -> bool {
        let marks = &mut self.marks;
        if !self.frames.is_empty() {
            return false;
        }
        marks.retain(|(r, kind)| !r.is_empty() || matches!(kind, Kind::Open(_) | Kind::Close(_)));
        // At one offset an (empty) close comes before an open, and an open before what it holds.
        marks.sort_by_key(|(r, kind)| {
            let rank = match kind {
                Kind::Close(_) => 0,
                Kind::Open(_) => 1,
                _ => 2,
            };
            (r.start, rank)
        });
        // The marks and the gaps between them, as one partition of the text.
        let parts = &mut self.parts;
        parts.clear();
        let mut pos = 0;
        for (range, kind) in marks.drain(..) {
            if range.start < pos || range.start > range.end || range.end > text.len() {
                return false;
            }
            if range.start > pos {
                parts.push(gap(text, pos..range.start));
            }
            pos = range.end;
            parts.push((range, kind));
        }
        if pos < text.len() {
            parts.push(gap(text, pos..text.len()));
        }
        let base = out.len();
        let mut text_start: Option<usize> = None;
        for (range, kind) in parts.drain(..) {
            if let Kind::Text = kind {
                // Neighbouring text pieces (pulldown-cmark splits at entities and escapes) join.
                text_start.get_or_insert(range.start);
                continue;
            }
            if let Some(start) = text_start.take() {
                out.push(Piece::Text(&text[start..range.start]));
            }
            let code = &text[range];
            out.push(match kind {
                Kind::Open(id) => Piece::Open { id, code },
                Kind::Close(id) => Piece::Close { id, code },
                _ => Piece::Standalone { code },
            });
        }
        if let Some(start) = text_start {
            out.push(Piece::Text(&text[start..]));
        }
        // The pieces must spell the text exactly; compared without building a copy.
        let mut at = 0;
        for piece in &out[base..] {
            let piece = piece.as_str();
            if !text[at..].starts_with(piece) {
                return false;
            }
            at += piece.len();
        }
        at == text.len()
    }
}

/// Adds the marks of one event of a text's paragraph (its range in a document where the
/// text starts at `start`); false when the events do not nest.
fn mark(
    event: Event<'_>,
    range: Range<usize>,
    start: usize,
    marks: &mut Vec<(Range<usize>, Kind)>,
    frames: &mut Vec<Frame>,
    next_id: &mut usize,
) -> bool {
    // The prefix before the text belongs to its first text event.
    let range = range.start.saturating_sub(start)..range.end.saturating_sub(start);
    if let Some(frame) = frames.last_mut() {
        if frame.open_end.is_none() {
            frame.open_end = Some(range.start);
        }
    }
    match event {
        Event::Start(_) => {
            frames.push(Frame {
                id: *next_id,
                start: range.start,
                end: range.end,
                open_end: None,
                last_end: range.start,
            });
            *next_id += 1;
            return true;
        }
        Event::End(_) => {
            let Some(frame) = frames.pop() else {
                return false;
            };
            match frame.open_end {
                Some(open_end) => {
                    marks.push((frame.start..open_end, Kind::Open(frame.id)));
                    marks.push((frame.last_end..frame.end, Kind::Close(frame.id)));
                }
                None => marks.push((frame.start..frame.end, Kind::Standalone)),
            }
            if let Some(parent) = frames.last_mut() {
                parent.last_end = frame.end;
            }
            return true;
        }
        Event::Text(_) | Event::SoftBreak => marks.push((range.clone(), Kind::Text)),
        _ => marks.push((range.clone(), Kind::Standalone)),
    }
    if let Some(parent) = frames.last_mut() {
        parent.last_end = range.end;
    }
    true
}

/// Bytes between events: white space is text, anything else markup.
fn gap(text: &str, range: Range<usize>) -> (Range<usize>, Kind) {
    if text[range.clone()].trim().is_empty() {
        (range, Kind::Text)
    } else {
        (range, Kind::Standalone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        pieces(text)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => format!("T({t})"),
                Piece::Open { id, code } => format!("O{id}({code})"),
                Piece::Close { id, code } => format!("C{id}({code})"),
                Piece::Standalone { code } => format!("S({code})"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn markup_becomes_codes_and_text_stays_text() {
        assert_eq!(show("Plain text."), "T(Plain text.)");
        assert_eq!(
            show("Select **Save** and [the page](https://a.b) `code` <br/>."),
            "T(Select ) O1(**) T(Save) C1(**) T( and ) O2([) T(the page) C2(](https://a.b)) T( ) S(`code`) T( ) S(<br/>) T(.)"
        );
        assert_eq!(show("**[x](u)**"), "O1(**) O2([) T(x) C2(](u)) C1(**)");
    }

    proptest::proptest! {
        /// A text the Markdown parser splits into more than one piece always has one of the
        /// bytes `has_markup` looks for.
        #[test]
        fn text_without_markup_bytes_is_one_piece(text in "[a-z !>\\]#|=.1;&\\\\\r-]{1,24}") {
            let mut out = Vec::new();
            let split = Splitter::default().try_split(&text, &mut out);
            let one_piece = !split || out == [Piece::Text(text.as_str())];
            proptest::prop_assert!(one_piece || has_markup(&text), "{:?}", out);
        }

        /// Texts split together in one document get the pieces each gets alone.
        #[test]
        fn texts_split_together_as_alone(
            texts in proptest::collection::vec("[a-z *_`<>\\[\\]()!&;~#|:^\\\\\n-]{0,16}", 0..8)
        ) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let mut split = Split::default();
            Splitter::default().split_all(&texts, &mut split);
            for (i, text) in texts.iter().enumerate() {
                let alone = pieces(text);
                proptest::prop_assert_eq!(split.get(i), alone.as_slice(), "{:?}", texts);
            }
        }

        /// Whatever the text, the pieces spell it.
        #[test]
        fn pieces_spell_any_text(text in "[a-z *_`<>\\[\\]()!&;~\\\\\n]{0,24}") {
            let joined: String = pieces(&text).iter().map(Piece::as_str).collect();
            proptest::prop_assert_eq!(joined, text);
        }
    }

    #[test]
    fn pieces_cover_the_text_exactly() {
        for text in [
            "1. Selecteer **OK**  ",
            "a \\* b &amp; c ![alt](i.png) *e*",
            "[!INCLUDE [t](p.md)] x",
            "# heading-like <span class=\"x\">y</span>",
            "unclosed **bold and [link",
        ] {
            let joined: String = pieces(text).iter().map(Piece::as_str).collect();
            assert_eq!(joined, text);
        }
    }
}
