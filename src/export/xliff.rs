//! XLIFF 2.1: one `<file>` per page (`original` is the page), one `<unit>` per segment
//! (`name` is the segment id). Markup becomes `<pc>` (paired) and `<ph>` (standalone) codes
//! whose native text is kept in the unit's `<originalData>`.

use std::io::{self, Write};

use super::codes::{Piece, Splitter};
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

/// Writes one page as a `<file>`; `index` makes its id unique in the document.
pub fn page(out: &mut Vec<u8>, name: &str, index: usize, units: &[Unit<'_>]) {
    let file_id = format!("f{index}");
    Xml(out).start("file", &[("id", &file_id), ("original", name)], false);
    out.push(b'\n');
    // Buffers shared by the units: a unit's <segment> is written after its codes.
    let mut scratch = Scratch::default();
    for unit in units {
        write_unit(out, unit, &mut scratch);
    }
    Xml(out).end("file");
    out.push(b'\n');
}

/// What writing one unit needs besides its output, kept from unit to unit.
#[derive(Default)]
struct Scratch<'t> {
    splitter: Splitter,
    source: Vec<Piece<'t>>,
    target: Vec<Piece<'t>>,
    body: Vec<u8>,
    data: Vec<&'t str>,
}

fn write_unit<'t>(out: &mut Vec<u8>, unit: &Unit<'t>, scratch: &mut Scratch<'t>) {
    let Scratch {
        splitter,
        source,
        target,
        body,
        data,
    } = scratch;
    splitter.split(unit.segment.source(), source);
    splitter.split(unit.segment.translation(), target);
    data.clear();
    body.clear();
    let mut next_code = 1;
    let mut w = Xml(body);
    w.raw(b"<segment>");
    for (element, content) in [("source", &*source), ("target", &*target)] {
        w.start(element, &[], false);
        write_pieces(&mut w, content, data, &mut next_code);
        w.end(element);
    }
    w.raw(b"</segment>");
    let mut w = Xml(out);
    let start = [
        ("id", unit.id),
        ("name", unit.segment.id()),
        ("xml:space", "preserve"),
    ];
    w.start("unit", &start, false);
    // <originalData> comes before the segment that refers to it.
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
    w.raw(body);
    w.raw(b"</unit>\n");
}

fn write_pieces<'t>(
    w: &mut Xml<'_>,
    pieces: &[Piece<'t>],
    data: &mut Vec<&'t str>,
    next_code: &mut usize,
) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => w.text(text),
            Piece::Standalone { code } => {
                data.push(code);
                w.raw(b"<ph id=\"");
                w.number(*next_code);
                w.raw(b"\" dataRef=\"d");
                w.number(data.len());
                w.raw(b"\"/>");
                *next_code += 1;
            }
            Piece::Open { id: pair, code } => {
                data.push(code);
                let start_ref = data.len();
                // The close of the pair gets the same element.
                let end_code = pieces
                    .iter()
                    .find_map(|p| match p {
                        Piece::Close { id, code } if id == pair => Some(*code),
                        _ => None,
                    })
                    .unwrap_or_default();
                data.push(end_code);
                w.raw(b"<pc id=\"");
                w.number(*next_code);
                w.raw(b"\" dataRefStart=\"d");
                w.number(start_ref);
                w.raw(b"\" dataRefEnd=\"d");
                w.number(data.len());
                w.raw(b"\">");
                *next_code += 1;
            }
            Piece::Close { .. } => w.end("pc"),
        }
    }
}
