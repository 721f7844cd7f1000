//! TMX 1.4b: one `<tu>` per segment with the page and segment id as `<prop>`s, the source
//! and the translation as `<tuv>`s. Markup becomes `<bpt>`/`<ept>` (paired, matched by `i`)
//! and `<ph>` (standalone) holding the native text.

use std::io::{self, Write};

use super::codes::{Piece, Split};
use super::{Languages, Unit, Xml};

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

/// Writes the units of one page; `split` holds the pieces of their texts, as
/// [`split_units`](super::split_units) gives them.
pub fn page<'t>(
    out: &mut Vec<u8>,
    name: &str,
    units: &[Unit<'t>],
    split: &Split<'t>,
    langs: &Languages,
) {
    // What every unit of the page repeats is escaped once: the page name (twice in each
    // unit) and the two `<tuv>` starts.
    let mut name_attribute = Vec::new();
    Xml(&mut name_attribute).value(name);
    let mut name_text = Vec::new();
    Xml(&mut name_text).text(name);
    let tuv_starts = [&langs.source, &langs.target].map(|lang| {
        let mut start = Vec::new();
        Xml(&mut start).start("tuv", &[("xml:lang", lang)], false);
        start
    });
    let mut w = Xml(out);
    for (k, unit) in units.iter().enumerate() {
        w.raw(b"<tu tuid=\"");
        w.raw(&name_attribute);
        w.raw(b"#");
        w.value(unit.id);
        w.raw(b"\"><prop type=\"x-page\">");
        w.raw(&name_text);
        w.raw(b"</prop><prop type=\"x-segment\">");
        w.text(unit.segment.id());
        w.raw(b"</prop>");
        for (tuv_start, pieces) in tuv_starts
            .iter()
            .zip([split.get(2 * k), split.get(2 * k + 1)])
        {
            w.raw(tuv_start);
            w.raw(b"<seg>");
            for piece in pieces {
                write_piece(&mut w, piece);
            }
            w.raw(b"</seg></tuv>");
        }
        w.raw(b"</tu>\n");
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
