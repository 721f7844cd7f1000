//! `--format human`: findings as a compiler prints them, then a count per rule.

use std::io::{self, Write};
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::Emitter;
use crate::check::{Sink, Summary};
use crate::diag::Severity;
use crate::finding::Finding;
use crate::i18n::Localizer;
use crate::msg;

/// Writes findings with the offending text marked under its line.
pub struct Human<'w> {
    out: &'w mut dyn Write,
    renderer: Renderer,
    localizer: &'w Localizer,
    /// The "source:" and "translation:" labels, padded to one width.
    labels: [String; 2],
}

impl<'w> Human<'w> {
    /// A human report into `out`, with colour or without, in the localizer's language.
    pub fn new(out: &'w mut dyn Write, color: bool, localizer: &'w Localizer) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let source = localizer.format(&msg!("report-source"));
        let translation = localizer.format(&msg!("report-translation"));
        let width = source.chars().count().max(translation.chars().count()) + 1;
        let pad = |label: String| format!("{label:<width$}");
        Human {
            out,
            renderer,
            localizer,
            labels: [pad(source), pad(translation)],
        }
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
        let l = self.localizer;
        let mut note = match (&f.segment, &f.locale) {
            (Some(id), Some(locale)) => {
                l.format(&msg!("report-segment-in", id = id, locale = locale))
            }
            (Some(id), None) => l.format(&msg!("report-segment", id = id)),
            (None, Some(locale)) => l.format(&msg!("report-page-in", locale = locale)),
            (None, None) => l.format(&msg!("report-page")),
        };
        if f.context.cut > 0 {
            // The snippet would number columns from the cut; say where the text really is.
            let place = format!("{}:{}:{}", path, f.line, f.column);
            note = format!(
                "{}\n{note}",
                l.format(&msg!("report-long-line", place = place))
            );
        }
        if let Some(source) = &f.source {
            note.push_str(&format!("\n{}{source}", self.labels[0]));
        }
        if let Some(translation) = &f.translation {
            note.push_str(&format!("\n{}{translation}", self.labels[1]));
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
    fn page(&mut self, _path: &Path, findings: &[Finding]) -> io::Result<()> {
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
        let line = msg!(
            "summary-findings",
            total = total,
            errors = summary.errors,
            warnings = summary.warnings,
            infos = summary.infos,
            pages = summary.pages,
            segments = summary.segments
        );
        writeln!(self.out, "{}", self.localizer.format(&line))?;
        if summary.baselined > 0 {
            let line = msg!("summary-baselined", count = summary.baselined);
            writeln!(self.out, "{}", self.localizer.format(&line))?;
        }
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
