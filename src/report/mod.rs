//! Report formats for `check`: each renders findings, never decides them.

mod human;
mod json;

pub use human::Human;
pub use json::Json;

use std::io::{self, Write};

use crate::check::{Sink, Summary};

/// The formats `check --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages with the offending text marked, and a count per rule.
    Human,
    /// One JSON array of finding objects.
    Json,
}

/// A report format: a [`Sink`] for findings that also writes a closing part.
pub trait Emitter: Sink {
    /// Writes what comes after the last finding.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The emitter for `format`, writing to `out`; `color` styles human output.
pub fn emitter<'w>(format: Format, out: &'w mut dyn Write, color: bool) -> Box<dyn Emitter + 'w> {
    match format {
        Format::Human => Box::new(Human::new(out, color)),
        Format::Json => Box::new(Json::new(out)),
    }
}
