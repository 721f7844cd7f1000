//! gettext PO: one entry per segment, `msgctxt` the page and segment id (`page#id`), `msgid`
//! the source, `msgstr` the translation, a `#:` reference to the page and line. Markup stays
//! as written: in PO it is plain text.

use std::io::{self, Write};

use super::{Languages, Unit};

/// Writes the PO header entry.
pub fn header(out: &mut dyn Write, langs: &Languages) -> io::Result<()> {
    let header = format!(
        "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: locdoc {}\\n\"\n\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n\"Language: {}\\n\"\n\"X-Source-Language: {}\\n\"\n",
        env!("CARGO_PKG_VERSION"),
        langs.target.replace('-', "_"),
        langs.source,
    );
    out.write_all(header.as_bytes())
}

/// Writes the entries of one page.
pub fn page(out: &mut Vec<u8>, name: &str, units: &[Unit<'_>]) {
    let mut context = String::new();
    for unit in units {
        // `write!` into a Vec cannot fail.
        let _ = write!(out, "\n#: {name}:{}\nmsgctxt ", unit.line);
        context.clear();
        context.push_str(name);
        context.push('#');
        context.push_str(unit.id);
        quoted(&context, out);
        out.extend_from_slice(b"msgid ");
        quoted(unit.segment.source(), out);
        out.extend_from_slice(b"msgstr ");
        quoted(unit.segment.translation(), out);
    }
}

/// A PO string on one line, with C escapes.
fn quoted(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    out.push(b'"');
    // memchr finds the few bytes to escape (most segments have none) and the runs between
    // them are copied whole; carriage returns and tabs are rare enough to look for once.
    if memchr::memchr2(b'\r', b'\t', bytes).is_some() {
        let special = |&(_, b): &(usize, &u8)| matches!(b, b'\\' | b'"' | b'\n' | b'\r' | b'\t');
        escape_at(
            bytes,
            bytes.iter().enumerate().filter(special).map(|(at, _)| at),
            out,
        );
    } else {
        escape_at(bytes, memchr::memchr3_iter(b'\\', b'"', b'\n', bytes), out);
    }
    out.extend_from_slice(b"\"\n");
}

/// Copies `bytes` with a C escape for the byte at each of `positions` (in order).
fn escape_at(bytes: &[u8], positions: impl Iterator<Item = usize>, out: &mut Vec<u8>) {
    let mut start = 0;
    for at in positions {
        out.extend_from_slice(&bytes[start..at]);
        out.extend_from_slice(match bytes[at] {
            b'\\' => b"\\\\",
            b'"' => b"\\\"",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            _ => b"\\t",
        });
        start = at + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Reads a PO string written by [`quoted`] (or by another tool: one or more quoted parts),
/// undoing the escapes. `None` where it is not a quoted string.
pub fn unquote(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            _ => return None,
        }
    }
    Some(out)
}
