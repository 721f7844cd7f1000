//! XLIFF 2.1: one `<file>` per page (`original` is the page), one `<unit>` per segment
//! (`name` is the segment id). Markup becomes `<pc>` (paired) and `<ph>` (standalone) codes
//! whose native text is kept in the unit's `<originalData>`.

use std::io::{self, Write};

use super::codes::{pieces, Piece};
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
    Xml(out).start(
        "file",
        &[("id", file_id.as_str()), ("original", name)],
        false,
    );
    out.push(b'\n');
    // Scratch buffers for every unit: its <segment> is written after its codes.
    let mut body = Vec::new();
    let mut data = Vec::new();
    for unit in units {
        write_unit(out, unit, &mut body, &mut data);
    }
    Xml(out).end("file");
    out.push(b'\n');
}

fn write_unit<'t>(out: &mut Vec<u8>, unit: &Unit<'t>, body: &mut Vec<u8>, data: &mut Vec<&'t str>) {
    let source = pieces(unit.segment.source());
    let target = pieces(unit.segment.translation());
    data.clear();
    body.clear();
    let mut next_code = 1;
    let mut w = Xml(body);
    w.start("segment", &[], false);
    for (element, content) in [("source", &source), ("target", &target)] {
        w.start(element, &[], false);
        write_pieces(&mut w, content, data, &mut next_code);
        w.end(element);
    }
    w.end("segment");
    let mut w = Xml(out);
    let start = [
        ("id", unit.id),
        ("name", unit.segment.id()),
        ("xml:space", "preserve"),
    ];
    w.start("unit", &start, false);
    // <originalData> comes before the segment that refers to it.
    if !data.is_empty() {
        w.start("originalData", &[], false);
        for (i, code) in data.iter().enumerate() {
            w.element("data", &[("id", &format!("d{}", i + 1))], code);
        }
        w.end("originalData");
    }
    w.raw(body);
    w.end("unit");
    w.raw(b"\n");
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
                let data_id = store(data, code);
                let id = next_code.to_string();
                *next_code += 1;
                w.start("ph", &[("id", &id), ("dataRef", &data_id)], true);
            }
            Piece::Open { id: pair, code } => {
                let start_ref = store(data, code);
                // The close of the pair gets the same element.
                let end_code = pieces
                    .iter()
                    .find_map(|p| match p {
                        Piece::Close { id, code } if id == pair => Some(*code),
                        _ => None,
                    })
                    .unwrap_or_default();
                let end_ref = store(data, end_code);
                let id = next_code.to_string();
                *next_code += 1;
                let attributes = [
                    ("id", id.as_str()),
                    ("dataRefStart", start_ref.as_str()),
                    ("dataRefEnd", end_ref.as_str()),
                ];
                w.start("pc", &attributes, false);
            }
            Piece::Close { .. } => w.end("pc"),
        }
    }
}

/// Keeps a code's native text for `<originalData>`; its data id.
fn store<'t>(data: &mut Vec<&'t str>, code: &'t str) -> String {
    data.push(code);
    format!("d{}", data.len())
}
