//! `extract`: every segment as a record (page, locale, id, line, column, source,
//! translation), written as a JSON array or as TSV.

use std::io::{self, Write};

use serde::Serialize;

use crate::page::Page;

/// The output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON array of objects, one object per line.
    Json,
    /// Tab-separated values with a header row; tabs, newlines and backslashes escaped.
    Tsv,
}

/// One segment as `extract` writes it.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// The page's path.
    pub page: &'a str,
    /// The page's locale, empty where unknown.
    pub locale: &'a str,
    /// The segment id.
    pub id: &'a str,
    /// 1-based line of the segment markup.
    pub line: usize,
    /// 1-based column of the segment markup.
    pub column: usize,
    /// The English text.
    pub source: &'a str,
    /// The translated text.
    pub translation: &'a str,
}

const TSV_HEADER: &str = "page\tlocale\tid\tline\tcolumn\tsource\ttranslation\n";

/// Appends the records of `page` to `out`: TSV lines, or JSON objects joined by `,\n`.
pub fn records(page: &Page, format: Format, out: &mut Vec<u8>) {
    let path = page.path().to_string_lossy();
    let locale = page.locale().unwrap_or_default();
    for (i, (segment, position)) in page.positioned_segments().enumerate() {
        let record = Record {
            page: &path,
            locale,
            id: segment.id(),
            line: position.line,
            column: position.column,
            source: segment.source(),
            translation: segment.translation(),
        };
        match format {
            Format::Json => {
                if i > 0 {
                    out.extend_from_slice(b",\n");
                }
                // Serializing plain strings and numbers into memory cannot fail.
                serde_json::to_writer(&mut *out, &record).expect("JSON of strings and numbers");
            }
            Format::Tsv => {
                for (i, field) in [
                    record.page,
                    record.locale,
                    record.id,
                    &record.line.to_string(),
                    &record.column.to_string(),
                    record.source,
                    record.translation,
                ]
                .into_iter()
                .enumerate()
                {
                    if i > 0 {
                        out.push(b'\t');
                    }
                    tsv_field(field, out);
                }
                out.push(b'\n');
            }
        }
    }
}

pub(crate) fn tsv_field(field: &str, out: &mut Vec<u8>) {
    for b in field.bytes() {
        match b {
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            _ => out.push(b),
        }
    }
}

/// Writes the records of many pages, in order, with the format's header and footer.
pub struct Writer<'w> {
    format: Format,
    out: &'w mut dyn Write,
    empty: bool,
}

impl<'w> Writer<'w> {
    /// Starts the output.
    pub fn new(format: Format, out: &'w mut dyn Write) -> io::Result<Self> {
        match format {
            Format::Json => out.write_all(b"[")?,
            Format::Tsv => out.write_all(TSV_HEADER.as_bytes())?,
        }
        Ok(Writer {
            format,
            out,
            empty: true,
        })
    }

    /// Writes the records of one page, as [`records`] made them.
    pub fn write_records(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json {
            self.out
                .write_all(if self.empty { b"\n" } else { b",\n" })?;
        }
        self.empty = false;
        self.out.write_all(bytes)
    }

    /// Ends the output.
    pub fn finish(self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.empty { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\nms.contentlocale: nl-NL\n---\nx <span data-ttu-id=\"a-1\">Een\ttab</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">A \\tab</span></span>\n<span data-ttu-id=\"a-2\">Twee</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">\"Two\"</span></span>\n";

    fn run(format: Format) -> String {
        let page = Page::parse("c/nl-NL/p.md", PAGE.into());
        let mut bytes = Vec::new();
        records(&page, format, &mut bytes);
        let mut out = Vec::new();
        let mut writer = Writer::new(format, &mut out).unwrap();
        writer.write_records(&bytes).unwrap();
        writer.write_records(&[]).unwrap();
        writer.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tsv_escapes_tabs_and_backslashes() {
        assert_eq!(
            run(Format::Tsv),
            "page\tlocale\tid\tline\tcolumn\tsource\ttranslation\n\
             c/nl-NL/p.md\tnl-NL\ta-1\t4\t3\tA \\\\tab\tEen\\ttab\n\
             c/nl-NL/p.md\tnl-NL\ta-2\t5\t1\t\"Two\"\tTwee\n"
        );
    }

    #[test]
    fn json_is_one_array() {
        let out = run(Format::Json);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows = value.as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1]["source"], "\"Two\"");
        assert_eq!(rows[0]["translation"], "Een\ttab");
        assert_eq!(rows[0]["line"], 4);
    }

    #[test]
    fn front_matter_segments_come_first_where_they_are() {
        let text = format!(
            "---\ntitle: <span data-ttu-id=\"a-0\">Titel</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-0\">Title</span></span>\n{}",
            &PAGE[4..]
        );
        let page = Page::parse("c/nl-NL/p.md", text);
        let mut bytes = Vec::new();
        records(&page, Format::Tsv, &mut bytes);
        let rows = String::from_utf8(bytes).unwrap();
        let rows: Vec<_> = rows
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .collect();
        let ids: Vec<_> = rows.iter().map(|r| (r[2], r[3], r[4], r[5])).collect();
        assert_eq!(
            ids,
            [
                ("a-0", "2", "8", "Title"),
                ("a-1", "5", "3", "A \\\\tab"),
                ("a-2", "6", "1", "\"Two\"")
            ]
        );
    }
}
