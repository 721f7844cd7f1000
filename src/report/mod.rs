//! Report formats for `check`: each renders findings, never decides them.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

pub use github::Github;
pub use human::Human;
pub use json::Json;
pub use junit::Junit;
pub use sarif::Sarif;

use std::io::{self, Write};

use crate::check::{Sink, Summary};
use crate::i18n::Localizer;

/// The formats `check --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style messages with the offending text marked, and a count per rule.
    Human,
    /// One JSON array of finding objects.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: findings on the pull request's diff.
    Github,
    /// JUnit XML, one test case per page.
    Junit,
}

/// A report format: a [`Sink`] for findings that also writes a closing part.
pub trait Emitter: Sink {
    /// Writes what comes after the last finding.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The emitter for `format`, writing to `out`; `color` styles human output, whose
/// labels and summary come in the localizer's language.
pub fn emitter<'w>(
    format: Format,
    out: &'w mut dyn Write,
    color: bool,
    localizer: &'w Localizer,
) -> Box<dyn Emitter + 'w> {
    match format {
        Format::Human => Box::new(Human::new(out, color, localizer)),
        Format::Json => Box::new(Json::new(out)),
        Format::Sarif => Box::new(Sarif::new(out)),
        Format::Github => Box::new(Github::new(out)),
        Format::Junit => Box::new(Junit::new(out)),
    }
}
