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
    memchr::memchr3(b'`', b'[', b'*', bytes).is_some()
        || memchr::memchr3(b'_', b'<', b'~', bytes).is_some()
        || memchr::memchr3(b'\\', b'&', b'\n', bytes).is_some()
        || memchr::memchr(b'\r', bytes).is_some()
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
}

impl Splitter {
    /// Replaces the contents of `out` with the pieces of `text`, as [`pieces`] does.
    pub fn split<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) {
        out.clear();
        if text.is_empty() {
            return;
        }
        if !has_markup(text) || !self.try_split(text, out) {
            out.clear();
            out.push(Piece::Text(text));
        }
    }

    /// The pieces of a text with markup; false when they do not spell the text exactly.
    fn try_split<'t>(&mut self, text: &'t str, out: &mut Vec<Piece<'t>>) -> bool {
        self.source.clear();
        self.source.push_str(PREFIX);
        self.source.push_str(text);
        let shift = |r: Range<usize>| {
            r.start.saturating_sub(PREFIX.len())..r.end.saturating_sub(PREFIX.len())
        };
        let marks = &mut self.marks;
        let frames = &mut self.frames;
        marks.clear();
        frames.clear();
        let mut next_id = 1;
        for (event, range) in markdown::parser(&self.source).into_offset_iter() {
            let range = shift(range);
            if matches!(
                event,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            ) {
                continue;
            }
            if let Some(frame) = frames.last_mut() {
                if frame.open_end.is_none() {
                    frame.open_end = Some(range.start);
                }
            }
            match event {
                Event::Start(_) => {
                    frames.push(Frame {
                        id: next_id,
                        start: range.start,
                        end: range.end,
                        open_end: None,
                        last_end: range.start,
                    });
                    next_id += 1;
                    continue;
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
                    continue;
                }
                Event::Text(_) | Event::SoftBreak => marks.push((range.clone(), Kind::Text)),
                _ => marks.push((range.clone(), Kind::Standalone)),
            }
            if let Some(parent) = frames.last_mut() {
                parent.last_end = range.end;
            }
        }
        if !frames.is_empty() {
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
            if range.start < pos || range.end > text.len() {
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
        for piece in out.iter() {
            let piece = piece.as_str();
            if !text[at..].starts_with(piece) {
                return false;
            }
            at += piece.len();
        }
        at == text.len()
    }
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
