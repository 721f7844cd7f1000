//! `--format human`: findings as a compiler prints them, then a count per rule.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::Emitter;
use crate::check::{Sink, Summary};
use crate::diag::Severity;
use crate::finding::Finding;

/// Writes findings with the offending text marked under its line.
pub struct Human<'w> {
    out: &'w mut dyn Write,
    renderer: Renderer,
}

impl<'w> Human<'w> {
    /// A human report into `out`, with colour or without.
    pub fn new(out: &'w mut dyn Write, color: bool) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        Human { out, renderer }
    }

    fn render(&self, f: &Finding) -> String {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let path = f.file.display().to_string();
        let line = &f.context.line;
        let mut span = f.context.span.clone();
        if span.is_empty() {
            // Mark one character so the place shows: the next one, or the previous at the end.
            span = match line[span.start..].chars().next() {
                Some(c) => span.start..span.start + c.len_utf8(),
                None => line[..span.start]
                    .chars()
                    .next_back()
                    .map_or(span.clone(), |c| span.start - c.len_utf8()..span.start),
            };
        }
        let mut note = match (&f.segment, &f.locale) {
            (Some(id), Some(locale)) => format!("segment {id} ({locale})"),
            (Some(id), None) => format!("segment {id}"),
            (None, Some(locale)) => format!("page ({locale})"),
            (None, None) => "page".to_owned(),
        };
        if f.context.cut > 0 {
            // The snippet would number columns from the cut; say where the text really is.
            note = format!(
                "at {}:{}:{} (a long line, shown in part)\n{note}",
                path, f.line, f.column
            );
        }
        if let Some(source) = &f.source {
            note.push_str(&format!("\nsource:      {source}"));
        }
        if let Some(translation) = &f.translation {
            note.push_str(&format!("\ntranslation: {translation}"));
        }
        let report = [level
            .primary_title(&f.message)
            .id(f.rule)
            .element({
                let snippet = Snippet::source(line.as_str())
                    .line_start(f.line)
                    .annotation(AnnotationKind::Primary.span(span));
                if f.context.cut > 0 {
                    snippet
                } else {
                    snippet.path(path.as_str())
                }
            })
            .element(Level::NOTE.message(note))];
        self.renderer.render(&report).to_string()
    }
}

impl Sink for Human<'_> {
    fn findings(&mut self, findings: &[Finding]) -> io::Result<()> {
        for finding in findings {
            let text = self.render(finding);
            writeln!(self.out, "{text}\n")?;
        }
        Ok(())
    }
}

impl Emitter for Human<'_> {
    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let total = summary.errors + summary.warnings + summary.infos;
        writeln!(
            self.out,
            "{total} findings ({} errors, {} warnings, {} info) in {} pages, {} segments",
            summary.errors, summary.warnings, summary.infos, summary.pages, summary.segments
        )?;
        let width = summary
            .per_rule
            .iter()
            .map(|(id, _)| id.len())
            .max()
            .unwrap_or(0);
        for (rule, count) in &summary.per_rule {
            writeln!(self.out, "  {rule:<width$}  {count}")?;
        }
        self.out.flush()
    }
}
