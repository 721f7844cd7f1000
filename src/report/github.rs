//! `--format github`: GitHub Actions workflow commands, so findings show on the lines of a
//! pull request's diff.

use std::io::{self, Write};
use std::path::Path;

use super::Emitter;
use crate::check::{Sink, Summary};
use crate::diag::Severity;
use crate::files::slash_path;
use crate::finding::Finding;

/// Writes one `::error file=…,line=…,col=…::message` line per finding.
pub struct Github<'w> {
    out: &'w mut dyn Write,
}

impl<'w> Github<'w> {
    /// A workflow-command report into `out`.
    pub fn new(out: &'w mut dyn Write) -> Self {
        Github { out }
    }
}

/// Escapes a command's message as the runner decodes it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value, which also ends at `,` and `:`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Sink for Github<'_> {
    fn page(&mut self, _path: &Path, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let marked = f
                .context
                .line
                .get(f.context.span.clone())
                .map_or(0, |t| t.chars().count());
            let mut message = f.message.clone();
            if let Some(segment) = &f.segment {
                message.push_str(&format!(" [{segment}]"));
            }
            writeln!(
                self.out,
                "::{command} file={},line={},col={},endColumn={},title={}::{}",
                property(&slash_path(&f.file)),
                f.line,
                f.column,
                f.column + marked.max(1),
                property(&format!("locdoc {}", f.rule)),
                data(&message)
            )?;
        }
        Ok(())
    }
}

impl Emitter for Github<'_> {
    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_escape_what_would_end_them() {
        assert_eq!(data("50% off\r\nnext"), "50%25 off%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
