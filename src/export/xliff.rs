//! XLIFF 2.1: one `<file>` per page (`original` is the page), one `<unit>` per segment
//! (`name` is the segment id). Markup becomes `<pc>` (paired) and `<ph>` (standalone) codes
//! whose native text is kept in the unit's `<originalData>`.

use std::io::{self, Write};

use super::codes::{Piece, Split};
use super::{Languages, Unit, Xml};

/// The XLIFF 2 namespace; version 2.1 keeps the 2.0 namespace.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// Writes the XML declaration and opens `<xliff>`.
pub fn header(out: &mut dyn Write, langs: &Languages) -> io::Result<()> {
    let mut bytes = Vec::new();
    let mut w = Xml(&mut bytes);
    w.raw(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let root = [
        ("xmlns", NAMESPACE),
        ("version", "2.1"),
        ("srcLang", langs.source.as_str()),
        ("trgLang", langs.target.as_str()),
    ];
    w.start("xliff", &root, false);
    w.raw(b"\n");
    out.write_all(&bytes)
}

/// Closes `<xliff>`.
pub fn footer(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"</xliff>\n")
}

/// Writes one page as a `<file>`; `index` makes its id unique in the document, and
/// `split` holds the pieces of the units' texts, as [`split_units`](super::split_units)
/// gives them.
pub fn page<'t>(
    out: &mut Vec<u8>,
    name: &str,
    index: usize,
    units: &[Unit<'t>],
    split: &Split<'t>,
) {
    let file_id = format!("f{index}");
    Xml(out).start("file", &[("id", &file_id), ("original", name)], false);
    out.push(b'\n');
    let mut data = Vec::new();
    for (k, unit) in units.iter().enumerate() {
        write_unit(out, unit, split.get(2 * k), split.get(2 * k + 1), &mut data);
    }
    Xml(out).end("file");
    out.push(b'\n');
}

/// Writes one unit; `data` is a buffer kept from unit to unit.
fn write_unit<'t>(
    out: &mut Vec<u8>,
    unit: &Unit<'t>,
    source: &[Piece<'t>],
    target: &[Piece<'t>],
    data: &mut Vec<&'t str>,
) {
    // <originalData> comes before the segment that refers to it: the codes are listed
    // first, in the order the segment's elements then refer to them.
    data.clear();
    collect_codes(source, data);
    collect_codes(target, data);
    let mut w = Xml(out);
    let start = [
        ("id", unit.id),
        ("name", unit.segment.id()),
        ("xml:space", "preserve"),
    ];
    w.start("unit", &start, false);
    if !data.is_empty() {
        w.raw(b"<originalData>");
        for (i, code) in data.iter().enumerate() {
            w.raw(b"<data id=\"d");
            w.number(i + 1);
            w.raw(b"\">");
            w.text(code);
            w.raw(b"</data>");
        }
        w.raw(b"</originalData>");
    }
    w.raw(b"<segment>");
    let (mut next_code, mut next_data) = (1, 1);
    for (element, content) in [("source", source), ("target", target)] {
        w.start(element, &[], false);
        write_pieces(&mut w, content, &mut next_data, &mut next_code);
        w.end(element);
    }
    w.raw(b"</segment></unit>\n");
}

/// The native text of the codes of `pieces`, in the order [`write_pieces`] numbers them:
/// a standalone code, or the start then the end of a pair.
fn collect_codes<'t>(pieces: &[Piece<'t>], data: &mut Vec<&'t str>) {
    // The close of each pair, found once: looking for it at each open would make a text of
    // many links quadratic.
    let mut closes: rustc_hash::FxHashMap<usize, &'t str> = rustc_hash::FxHashMap::default();
    for piece in pieces {
        if let Piece::Close { id, code } = piece {
            closes.entry(*id).or_insert(code);
        }
    }
    for piece in pieces {
        match piece {
            Piece::Standalone { code } => data.push(code),
            Piece::Open { id, code } => {
                data.push(code);
                // The close of the pair gets the same element.
                data.push(closes.get(id).copied().unwrap_or_default());
            }
            Piece::Text(_) | Piece::Close { .. } => {}
        }
    }
}

/// Writes `pieces` as text, `<ph>` and `<pc>`; `next_data` is the number of the next
/// `<data>` element, as [`collect_codes`] listed them.
fn write_pieces(
    w: &mut Xml<'_>,
    pieces: &[Piece<'_>],
    next_data: &mut usize,
    next_code: &mut usize,
) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => w.text(text),
            Piece::Standalone { .. } => {
                w.raw(b"<ph id=\"");
                w.number(*next_code);
                w.raw(b"\" dataRef=\"d");
                w.number(*next_data);
                w.raw(b"\"/>");
                *next_code += 1;
                *next_data += 1;
            }
            Piece::Open { .. } => {
                w.raw(b"<pc id=\"");
                w.number(*next_code);
                w.raw(b"\" dataRefStart=\"d");
                w.number(*next_data);
                w.raw(b"\" dataRefEnd=\"d");
                w.number(*next_data + 1);
                w.raw(b"\">");
                *next_code += 1;
                *next_data += 2;
            }
            Piece::Close { .. } => w.end("pc"),
        }
    }
}
