//! XLIFF 2.1: one `<file>` per page (`original` is the page), one `<unit>` per segment
//! (`name` is the segment id). Markup becomes `<pc>` (paired) and `<ph>` (standalone) codes
//! whose native text is kept in the unit's `<originalData>`.

use std::io::{self, Write};

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Writer;

use super::codes::{pieces, Piece};
use super::{write, xml_text, Languages, Unit};

/// The XLIFF 2 namespace; version 2.1 keeps the 2.0 namespace.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// Writes the XML declaration and opens `<xliff>`.
pub fn header(out: &mut dyn Write, langs: &Languages) -> io::Result<()> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut w = Writer::new(&mut bytes);
    let root = BytesStart::new("xliff").with_attributes([
        ("xmlns", NAMESPACE),
        ("version", "2.1"),
        ("srcLang", langs.source.as_str()),
        ("trgLang", langs.target.as_str()),
    ]);
    write(&mut w, Event::Start(root));
    bytes.push(b'\n');
    out.write_all(&bytes)
}

/// Closes `<xliff>`.
pub fn footer(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"</xliff>\n")
}

/// Writes one page as a `<file>`; `index` makes its id unique in the document.
pub fn page(out: &mut Vec<u8>, name: &str, index: usize, units: &[Unit<'_>]) {
    let mut w = Writer::new(out);
    let file_id = format!("f{index}");
    let file =
        BytesStart::new("file").with_attributes([("id", file_id.as_str()), ("original", name)]);
    write(&mut w, Event::Start(file));
    w.get_mut().push(b'\n');
    for unit in units {
        write_unit(&mut w, unit);
    }
    write(&mut w, Event::End(BytesEnd::new("file")));
    w.get_mut().push(b'\n');
}

/// A code's native text and the id it is stored under in `<originalData>`.
struct Data<'t> {
    id: String,
    code: &'t str,
}

fn write_unit(w: &mut Writer<&mut Vec<u8>>, unit: &Unit<'_>) {
    let source = pieces(unit.segment.source());
    let target = pieces(unit.segment.translation());
    let mut data: Vec<Data<'_>> = Vec::new();
    let mut next_code = 1;
    let start = BytesStart::new("unit").with_attributes([
        ("id", unit.id),
        ("name", unit.segment.id()),
        ("xml:space", "preserve"),
    ]);
    write(w, Event::Start(start));
    // Codes first into a buffer, since <originalData> comes before the segment.
    let mut body = Vec::new();
    {
        let mut inner = Writer::new(&mut body);
        write(&mut inner, Event::Start(BytesStart::new("segment")));
        for (element, content) in [("source", &source), ("target", &target)] {
            write(&mut inner, Event::Start(BytesStart::new(element)));
            write_pieces(&mut inner, content, &mut data, &mut next_code);
            write(&mut inner, Event::End(BytesEnd::new(element)));
        }
        write(&mut inner, Event::End(BytesEnd::new("segment")));
    }
    if !data.is_empty() {
        write(w, Event::Start(BytesStart::new("originalData")));
        for d in &data {
            let start = BytesStart::new("data").with_attributes([("id", d.id.as_str())]);
            write(w, Event::Start(start));
            xml_text(w, d.code);
            write(w, Event::End(BytesEnd::new("data")));
        }
        write(w, Event::End(BytesEnd::new("originalData")));
    }
    w.get_mut().extend_from_slice(&body);
    write(w, Event::End(BytesEnd::new("unit")));
    w.get_mut().push(b'\n');
}

fn write_pieces<'t>(
    w: &mut Writer<&mut Vec<u8>>,
    pieces: &[Piece<'t>],
    data: &mut Vec<Data<'t>>,
    next_code: &mut usize,
) {
    // The open code of each pending pair, to give its close the same element.
    for piece in pieces {
        match piece {
            Piece::Text(text) => xml_text(w, text),
            Piece::Standalone { code } => {
                let data_id = store(data, code);
                let id = next_code.to_string();
                *next_code += 1;
                let ph = BytesStart::new("ph")
                    .with_attributes([("id", id.as_str()), ("dataRef", data_id.as_str())]);
                write(w, Event::Empty(ph));
            }
            Piece::Open { id: pair, code } => {
                let start_ref = store(data, code);
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
                let pc = BytesStart::new("pc").with_attributes([
                    ("id", id.as_str()),
                    ("dataRefStart", start_ref.as_str()),
                    ("dataRefEnd", end_ref.as_str()),
                ]);
                write(w, Event::Start(pc));
            }
            Piece::Close { .. } => write(w, Event::End(BytesEnd::new("pc"))),
        }
    }
}

fn store<'t>(data: &mut Vec<Data<'t>>, code: &'t str) -> String {
    let id = format!("d{}", data.len() + 1);
    data.push(Data {
        id: id.clone(),
        code,
    });
    id
}
