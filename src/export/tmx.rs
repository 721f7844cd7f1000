//! TMX 1.4b: one `<tu>` per segment with the page and segment id as `<prop>`s, the source
//! and the translation as `<tuv>`s. Markup becomes `<bpt>`/`<ept>` (paired, matched by `i`)
//! and `<ph>` (standalone) holding the native text.

use std::io::{self, Write};

use super::codes::Piece;
use super::{split_units, Languages, Unit, Xml};

/// Writes the XML declaration, `<tmx>`, the header and opens `<body>`.
pub fn header(out: &mut dyn Write, langs: &Languages) -> io::Result<()> {
    let mut bytes = Vec::new();
    let mut w = Xml(&mut bytes);
    w.raw(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.start("tmx", &[("version", "1.4")], false);
    w.raw(b"\n");
    let header = [
        ("creationtool", "locdoc"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "locdoc"),
        ("adminlang", "en-US"),
        ("srclang", langs.source.as_str()),
        ("datatype", "markdown"),
    ];
    w.start("header", &header, true);
    w.raw(b"\n<body>\n");
    out.write_all(&bytes)
}

/// Closes `<body>` and `<tmx>`.
pub fn footer(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"</body>\n</tmx>\n")
}

/// Writes the units of one page.
pub fn page(out: &mut Vec<u8>, name: &str, units: &[Unit<'_>], langs: &Languages) {
    // The page name is in every unit, twice: escaped once per page.
    let name_attribute = quick_xml::escape::escape(name);
    let mut name_text = Vec::new();
    Xml(&mut name_text).text(name);
    let mut w = Xml(out);
    let split = split_units(units);
    for (k, unit) in units.iter().enumerate() {
        w.raw(b"<tu tuid=\"");
        w.raw(name_attribute.as_bytes());
        w.raw(b"#");
        w.raw(quick_xml::escape::escape(unit.id).as_bytes());
        w.raw(b"\"><prop type=\"x-page\">");
        w.raw(&name_text);
        w.raw(b"</prop>");
        w.element("prop", &[("type", "x-segment")], unit.segment.id());
        for (lang, pieces) in [
            (langs.source.as_str(), split.get(2 * k)),
            (langs.target.as_str(), split.get(2 * k + 1)),
        ] {
            w.start("tuv", &[("xml:lang", lang)], false);
            w.raw(b"<seg>");
            for piece in pieces {
                write_piece(&mut w, piece);
            }
            w.raw(b"</seg>");
            w.end("tuv");
        }
        w.end("tu");
        w.raw(b"\n");
    }
}

fn write_piece(w: &mut Xml<'_>, piece: &Piece<'_>) {
    match piece {
        Piece::Text(text) => w.text(text),
        Piece::Open { id, code } => paired(w, "bpt", *id, code),
        Piece::Close { id, code } => paired(w, "ept", *id, code),
        Piece::Standalone { code } => w.element("ph", &[], code),
    }
}

/// `<bpt i="id">code</bpt>` or the same `<ept>`.
fn paired(w: &mut Xml<'_>, name: &str, id: usize, code: &str) {
    w.raw(b"<");
    w.raw(name.as_bytes());
    w.raw(b" i=\"");
    w.number(id);
    w.raw(b"\">");
    w.text(code);
    w.end(name);
}
