//! Turning a file's bytes into page text, and byte offsets into line and column.
//!
//! Pages must be UTF-8. A UTF-8 byte order mark is accepted and kept; everything
//! else that is not UTF-8 text (UTF-16, NUL bytes, invalid sequences) is refused
//! with a [`DecodeError`] that says where and what to do, so the caller can report
//! it and go on with the other files.

use thiserror::Error;

/// The UTF-8 byte order mark.
pub const UTF8_BOM: &str = "\u{feff}";

/// Why a file's bytes are not page text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The file starts with a UTF-16 byte order mark.
    #[error("file is UTF-16 ({0}); convert it to UTF-8")]
    Utf16(&'static str),
    /// The file holds a NUL byte, which no text page has.
    #[error(
        "file looks binary (NUL byte at line {line}, column {column}); pages must be UTF-8 text"
    )]
    Binary {
        /// 1-based line of the first NUL byte.
        line: usize,
        /// 1-based column (in characters) of the first NUL byte.
        column: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error("invalid UTF-8 at line {line}, column {column} (byte offset {offset}); re-save the file as UTF-8")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
    },
}

/// Checks that `bytes` are UTF-8 page text and returns them as a string.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(DecodeError::Utf16("little-endian byte order mark"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16("big-endian byte order mark"));
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = memchr::memchr(0, text.as_bytes()) {
                let pos = LineIndex::new(&text).position(&text, nul);
                return Err(DecodeError::Binary {
                    line: pos.line,
                    column: pos.column,
                });
            }
            Ok(text)
        }
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // The prefix up to `offset` is valid UTF-8 by construction.
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let pos = LineIndex::new(valid).position(valid, offset);
            Err(DecodeError::NotUtf8 {
                offset,
                line: pos.line,
                column: pos.column,
            })
        }
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// Start offsets of the lines of a text, for turning byte offsets into positions.
///
/// A line ends at `\n`, at `\r\n` or at a lone `\r`, as CommonMark defines line endings.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// How many characters come before every [`STRIDE`]th byte, made on the first lookup
    /// far into a long line: counting from the line's start each time would make a page
    /// that is one long line with many findings quadratic.
    chars: std::sync::OnceLock<Vec<usize>>,
}

/// The bytes between two entries of [`LineIndex`]'s character counts.
const STRIDE: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let is_crlf_cr = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            if !is_crlf_cr {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            chars: std::sync::OnceLock::new(),
        }
    }

    /// The position of byte `offset` of `text`, the text this index was built from.
    /// An offset inside a character counts as that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let bytes = text.as_bytes();
        let column = if offset - start <= STRIDE {
            char_count(&bytes[start..offset])
        } else {
            self.chars_before(bytes, offset) - self.chars_before(bytes, start)
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The number of characters in `bytes[..offset]`.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let table = self.chars.get_or_init(|| {
            let mut total = 0;
            let mut table = vec![0];
            for chunk in bytes.chunks_exact(STRIDE) {
                total += char_count(chunk);
                table.push(total);
            }
            table
        });
        let stride = offset / STRIDE;
        table[stride] + char_count(&bytes[stride * STRIDE..offset])
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// The start of the character `at` (at most `text.len()`) falls in: `at` itself on a
/// character boundary.
pub fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of the character `at` (at most `text.len()`) falls in: `at` itself on a
/// character boundary.
pub fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// An offset of a text made of runs copied from another text, as an offset of that other
/// text: `runs` holds, in order, where each run starts here and there. An offset before
/// the first run is its own.
pub fn map_offset(runs: &[(usize, usize)], offset: usize) -> usize {
    match runs.partition_point(|&(here, _)| here <= offset) {
        0 => offset,
        at => {
            let (here, there) = runs[at - 1];
            there + (offset - here)
        }
    }
}

/// Turns byte offsets into positions in one pass, for offsets that mostly come in
/// increasing order (as a scanner produces them). Going backwards restarts from the top.
///
/// A lookup costs only the bytes since the last one, so a page that is one 50 MB line with
/// a million segments stays linear; [`LineIndex::position`] counts up to 4 KiB of the line
/// at each lookup and needs no order.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    position: Position,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Cursor {
            text,
            offset: 0,
            position: Position { line: 1, column: 1 },
        }
    }

    /// The position of byte `offset`.
    pub fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Cursor::new(self.text);
        }
        let bytes = self.text.as_bytes();
        let slice = &bytes[self.offset..offset];
        let mut last_break = None;
        for i in memchr::memchr2_iter(b'\n', b'\r', slice) {
            let at = self.offset + i;
            // A CR followed by LF ends its line at the LF.
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                continue;
            }
            self.position.line += 1;
            last_break = Some(i);
        }
        let counted = match last_break {
            Some(i) => {
                self.position.column = 1;
                &slice[i + 1..]
            }
            None => slice,
        };
        self.position.column += char_count(counted);
        self.offset = offset;
        self.position
    }
}

/// Counts the characters of UTF-8 bytes (cut anywhere) by counting lead bytes.
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_through_the_run_they_are_in() {
        // "ab" copied from 10, "xyz" from 40.
        let runs = [(0, 10), (2, 40)];
        let mapped: Vec<_> = (0..5).map(|o| map_offset(&runs, o)).collect();
        assert_eq!(mapped, [10, 11, 40, 41, 42]);
        assert_eq!(map_offset(&[(3, 7)], 1), 1);
    }

    #[test]
    fn cursor_agrees_with_line_index() {
        let text = "a\r\nbé\rc\n\nxyz\r\n";
        let index = LineIndex::new(text);
        let mut cursor = Cursor::new(text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(
                cursor.position(offset),
                index.position(text, offset),
                "offset {offset}"
            );
        }
        // Backwards works too.
        assert_eq!(cursor.position(1), index.position(text, 1));
    }

    #[test]
    fn columns_far_into_a_long_line_count_every_character() {
        // Two-byte characters fall across the index's strides.
        let text = format!("x\n{}", "aé".repeat(5 * STRIDE));
        let index = LineIndex::new(&text);
        let mut cursor = Cursor::new(&text);
        for offset in (0..=text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            assert_eq!(
                index.position(&text, offset),
                cursor.position(offset),
                "{offset}"
            );
        }
        let end = index.position(&text, text.len());
        assert_eq!(
            end,
            Position {
                line: 2,
                column: 10 * STRIDE + 1
            }
        );
    }

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let text = "ab\r\né x\rz\ny";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        // 'x' comes after a two-byte 'é' and a space.
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), Position { line: 2, column: 3 });
        let z = text.find('z').unwrap();
        assert_eq!(index.position(text, z), Position { line: 3, column: 1 });
        assert_eq!(
            index.position(text, text.len()),
            Position { line: 4, column: 2 }
        );
    }

    #[test]
    fn decode_refuses_what_is_not_utf8_text() {
        assert_eq!(
            decode(vec![0xFF, 0xFE, b'a', 0]),
            Err(DecodeError::Utf16("little-endian byte order mark"))
        );
        assert_eq!(
            decode(b"ok\nab\0".to_vec()),
            Err(DecodeError::Binary { line: 2, column: 3 })
        );
        assert_eq!(
            decode(b"a\n\xc3\xa9\xff".to_vec()),
            Err(DecodeError::NotUtf8 {
                offset: 4,
                line: 2,
                column: 2
            })
        );
        assert_eq!(
            decode("\u{feff}é".as_bytes().to_vec()).unwrap(),
            "\u{feff}é"
        );
    }
}
