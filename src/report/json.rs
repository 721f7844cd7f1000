//! `--format json`: one JSON array of finding objects, written as findings come.

use std::io::{self, Write};
use std::path::Path;

use super::Emitter;
use crate::check::{Sink, Summary};
use crate::finding::Finding;

/// Writes findings as a JSON array, one object per line.
pub struct Json<'w> {
    out: &'w mut dyn Write,
    first: bool,
}

impl<'w> Json<'w> {
    /// A JSON report into `out`.
    pub fn new(out: &'w mut dyn Write) -> Self {
        Json { out, first: true }
    }
}

impl Sink for Json<'_> {
    fn page(&mut self, _path: &Path, findings: &[Finding]) -> io::Result<()> {
        for finding in findings {
            self.out
                .write_all(if self.first { b"[\n" } else { b",\n" })?;
            self.first = false;
            serde_json::to_writer(&mut *self.out, finding)?;
        }
        Ok(())
    }
}

impl Emitter for Json<'_> {
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
