//! Running a stage over many pages: in parallel across files, one file at a time each,
//! so memory follows the largest page, not the corpus. A file that fails is reported
//! and the others go on.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::extract::{self, Format};
use crate::files::{self, FileError, Input, UsageError};
use crate::page::Page;
use crate::regen::{self, Side};

/// What a run over many pages did.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages read and handled.
    pub pages: usize,
    /// Segments in those pages.
    pub segments: usize,
    /// Markup diagnostics, per page path, in input order.
    pub diagnostics: Vec<(PathBuf, Diagnostic)>,
    /// Files that could not be handled, in input order.
    pub errors: Vec<FileError>,
}

impl Report {
    fn absorb(&mut self, other: Report) {
        self.pages += other.pages;
        self.segments += other.segments;
        self.diagnostics.extend(other.diagnostics);
        self.errors.extend(other.errors);
    }

    /// What one page contributes; `front_matter` adds the YAML check, for stages that
    /// read the front matter's keys.
    fn from_page(page: &Page, front_matter: bool) -> Report {
        let yaml = front_matter
            .then(|| page.front_matter_diagnostic())
            .flatten();
        let mut diagnostics: Vec<_> = yaml
            .into_iter()
            .chain(page.diagnostics())
            .map(|d| (page.path().to_owned(), d.clone()))
            .collect();
        diagnostics.sort_by_key(|(_, d)| d.offset);
        Report {
            pages: 1,
            segments: page.all_segments().count(),
            diagnostics,
            errors: Vec::new(),
        }
    }

    fn from_error(error: FileError) -> Report {
        Report {
            errors: vec![error],
            ..Report::default()
        }
    }
}

/// How many pages one parallel batch holds before its output is written in order.
const BATCH: usize = 256;

/// `regen`: writes the clean page for `side` of every page below `inputs` under `out`,
/// at the same relative path.
pub fn regen(inputs: &[PathBuf], out: &Path, side: Side) -> Result<Report, UsageError> {
    files::check_output(out, inputs)?;
    let (pages, errors) = files::collect(inputs);
    let mut report = Report {
        errors,
        ..Report::default()
    };
    let (pages, collisions) = drop_collisions(pages, out);
    report.errors.extend(collisions);
    let results: Vec<Report> = pages
        .par_iter()
        .map(|input| {
            files::guarded(&input.path, || regen_one(input, out, side))
                .unwrap_or_else(Report::from_error)
        })
        .collect();
    for result in results {
        report.absorb(result);
    }
    Ok(report)
}

fn regen_one(input: &Input, out: &Path, side: Side) -> Report {
    let page = match Page::read(&input.path) {
        Ok(page) => page,
        Err(err) => return Report::from_error(err.into()),
    };
    let mut text = String::new();
    let unrendered = regen::render(&page, side, &mut text);
    let target = out.join(&input.relative);
    let mut report = Report::from_page(&page, false);
    if !unrendered.is_empty() {
        let path = page.path();
        report
            .diagnostics
            .extend(unrendered.into_iter().map(|d| (path.to_owned(), d)));
        report.diagnostics.sort_by_key(|(_, d)| d.offset);
    }
    if let Err(source) = files::write_atomic(&target, text.as_bytes()) {
        report.errors.push(FileError::Write {
            path: target,
            source,
        });
    }
    report
}

/// Keeps the first input for each output path and reports the others.
fn drop_collisions(pages: Vec<Input>, out: &Path) -> (Vec<Input>, Vec<FileError>) {
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    let mut kept = Vec::with_capacity(pages.len());
    let mut errors = Vec::new();
    for input in pages {
        if let Some(first) = seen.get(&input.relative) {
            errors.push(FileError::Collision {
                first: first.clone(),
                second: input.path,
                output: out.join(&input.relative),
            });
        } else {
            seen.insert(input.relative.clone(), input.path.clone());
            kept.push(input);
        }
    }
    (kept, errors)
}

/// `extract`: writes every segment below `inputs` to `writer` in `format`, in input order.
pub fn extract(
    inputs: &[PathBuf],
    format: Format,
    writer: &mut dyn Write,
) -> std::io::Result<Report> {
    let (pages, errors) = files::collect(inputs);
    let mut report = Report {
        errors,
        ..Report::default()
    };
    let mut sink = extract::Writer::new(format, writer)?;
    for batch in pages.chunks(BATCH) {
        let results: Vec<(Report, Vec<u8>)> = batch
            .par_iter()
            .map(|input| {
                let one = || match Page::read(&input.path) {
                    Ok(page) => {
                        let mut bytes = Vec::new();
                        extract::records(&page, format, &mut bytes);
                        (Report::from_page(&page, true), bytes)
                    }
                    Err(err) => (Report::from_error(err.into()), Vec::new()),
                };
                files::guarded(&input.path, one)
                    .unwrap_or_else(|err| (Report::from_error(err), Vec::new()))
            })
            .collect();
        for (result, bytes) in results {
            report.absorb(result);
            sink.write_records(&bytes)?;
        }
    }
    sink.finish()?;
    Ok(report)
}
