//! TMX 1.4b: one `<tu>` per segment with the page and segment id as `<prop>`s, the source
//! and the translation as `<tuv>`s. Markup becomes `<bpt>`/`<ept>` (paired, matched by `i`)
//! and `<ph>` (standalone) holding the native text.

use std::io::{self, Write};

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Writer;

use super::codes::{pieces, Piece};
use super::{write, xml_text, Languages, Unit};

/// Writes the XML declaration, `<tmx>`, the header and opens `<body>`.
pub fn header(out: &mut dyn Write, langs: &Languages) -> io::Result<()> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut w = Writer::new(&mut bytes);
    write(
        &mut w,
        Event::Start(BytesStart::new("tmx").with_attributes([("version", "1.4")])),
    );
    w.get_mut().push(b'\n');
    let header = BytesStart::new("header").with_attributes([
        ("creationtool", "locdoc"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "locdoc"),
        ("adminlang", "en-US"),
        ("srclang", langs.source.as_str()),
        ("datatype", "markdown"),
    ]);
    write(&mut w, Event::Empty(header));
    w.get_mut().extend_from_slice(b"\n<body>\n");
    out.write_all(&bytes)
}

/// Closes `<body>` and `<tmx>`.
pub fn footer(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"</body>\n</tmx>\n")
}

/// Writes the units of one page.
pub fn page(out: &mut Vec<u8>, name: &str, units: &[Unit<'_>], langs: &Languages) {
    let mut w = Writer::new(out);
    for unit in units {
        let tuid = format!("{name}#{}", unit.id);
        let tu = BytesStart::new("tu").with_attributes([("tuid", tuid.as_str())]);
        write(&mut w, Event::Start(tu));
        for (kind, value) in [("x-page", name), ("x-segment", unit.segment.id())] {
            let prop = BytesStart::new("prop").with_attributes([("type", kind)]);
            write(&mut w, Event::Start(prop));
            xml_text(&mut w, value);
            write(&mut w, Event::End(BytesEnd::new("prop")));
        }
        for (lang, text) in [
            (langs.source.as_str(), unit.segment.source()),
            (langs.target.as_str(), unit.segment.translation()),
        ] {
            let tuv = BytesStart::new("tuv").with_attributes([("xml:lang", lang)]);
            write(&mut w, Event::Start(tuv));
            write(&mut w, Event::Start(BytesStart::new("seg")));
            for piece in pieces(text) {
                write_piece(&mut w, &piece);
            }
            write(&mut w, Event::End(BytesEnd::new("seg")));
            write(&mut w, Event::End(BytesEnd::new("tuv")));
        }
        write(&mut w, Event::End(BytesEnd::new("tu")));
        w.get_mut().push(b'\n');
    }
}

fn write_piece(w: &mut Writer<&mut Vec<u8>>, piece: &Piece<'_>) {
    let (element, pair, code) = match piece {
        Piece::Text(text) => return xml_text(w, text),
        Piece::Open { id, code } => ("bpt", Some(id), code),
        Piece::Close { id, code } => ("ept", Some(id), code),
        Piece::Standalone { code } => ("ph", None, code),
    };
    let mut start = BytesStart::new(element);
    let i = pair.map(ToString::to_string);
    if let Some(i) = &i {
        start.push_attribute(("i", i.as_str()));
    }
    write(w, Event::Start(start));
    xml_text(w, code);
    write(w, Event::End(BytesEnd::new(element)));
}
