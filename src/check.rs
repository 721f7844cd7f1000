//! `check`: runs the rule registry over pages and turns what rules report into findings
//! with file, line, column and excerpts.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::config::Config;
use crate::diag::Severity;
use crate::files::{self, FileError};
use crate::finding::{Context, Finding};
use crate::i18n::Localizer;
use crate::inline::Inline;
use crate::page::{Page, SegmentView};
use crate::rules::{Findings, PageContext, Raw, Rule, SegmentContext};
use crate::select::Selection;
use crate::text::Cursor;

/// How many characters of a segment's source and translation a finding carries.
const EXCERPT_CHARS: usize = 240;

/// How many findings of one page are listed; past that they are only counted, so a page
/// of a million broken segments costs memory in proportion to its size.
pub const MAX_FINDINGS_PER_PAGE: usize = 10_000;

/// Runs `rules` on one page at their default severities, with English messages.
/// Findings come in page order.
pub fn check_page(page: &Page, rules: &[&dyn Rule]) -> Vec<Finding> {
    let rules: Vec<(&dyn Rule, Severity)> = rules.iter().map(|r| (*r, r.severity())).collect();
    check_page_counted(page, &rules, Localizer::english()).0
}

/// Like [`check_page`] with each rule's severity given, listing at most
/// [`MAX_FINDINGS_PER_PAGE`] findings (the first in page order) and counting the others by
/// severity (errors, warnings, infos).
pub fn check_page_counted(
    page: &Page,
    rules: &[(&dyn Rule, Severity)],
    localizer: &Localizer,
) -> (Vec<Finding>, [usize; 3]) {
    let locale = page.locale();
    let mut raw: Vec<Raw> = Vec::new();
    let context = PageContext { page, locale };
    for (rule, severity) in rules {
        let before = raw.len();
        rule.check_page(&context, &mut Findings::new(*rule, &mut raw));
        configure(&mut raw[before..], *rule, *severity);
    }
    let segments: Vec<SegmentView<'_>> = page.segments().collect();
    for (index, segment) in segments.iter().enumerate() {
        let context = SegmentContext {
            segment: *segment,
            source: Inline::analyse(segment.source()),
            translation: Inline::analyse(segment.translation()),
            locale,
        };
        for (rule, severity) in rules {
            let before = raw.len();
            rule.check_segment(
                &context,
                &mut Findings::for_segment(*rule, index, segment, &mut raw),
            );
            configure(&mut raw[before..], *rule, *severity);
        }
    }
    raw.sort_by_key(|r| r.range.start);
    let mut unlisted = [0; 3];
    for r in raw.iter().skip(MAX_FINDINGS_PER_PAGE) {
        unlisted[severity_index(r.severity)] += 1;
    }
    raw.truncate(MAX_FINDINGS_PER_PAGE);
    let text = page.text();
    let mut cursor = Cursor::new(text);
    let findings = raw
        .into_iter()
        .map(|r| {
            let start = r.range.start.min(text.len());
            let end = r.range.end.clamp(start, text.len());
            let position = cursor.position(start);
            let segment = r.segment.map(|i| segments[i]);
            Finding {
                rule: r.rule,
                severity: r.severity,
                file: page.path().to_owned(),
                line: position.line,
                column: position.column,
                segment: segment.map(|s| s.id().to_owned()),
                locale: locale.map(str::to_owned),
                message: localizer.format(&r.message),
                source: segment.map(|s| excerpt(s.source())),
                translation: segment.map(|s| excerpt(s.translation())),
                offset: start,
                len: end - start,
                context: line_context(text, start, end),
            }
        })
        .collect();
    (findings, unlisted)
}

/// A configured severity replaces the rule's own, also where the rule chose one per finding.
fn configure(raw: &mut [Raw], rule: &dyn Rule, severity: Severity) {
    if severity != rule.severity() {
        raw.iter_mut().for_each(|r| r.severity = severity);
    }
}

fn severity_index(severity: crate::Severity) -> usize {
    match severity {
        crate::Severity::Error => 0,
        crate::Severity::Warning => 1,
        crate::Severity::Info => 2,
    }
}

pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// How much of a long line a finding keeps around its span, in bytes each side.
const CONTEXT_WINDOW: usize = 2048;

/// The line of a finding, cut to a window around the span where the line is long, so a
/// page that is one 50 MB line does not copy it into each finding.
pub(crate) fn line_context(text: &str, start: usize, end: usize) -> Context {
    let bytes = text.as_bytes();
    // Look for the line's ends only within the window: the cost per finding stays bounded
    // however long the line is.
    let back = floor_boundary(text, start.saturating_sub(CONTEXT_WINDOW));
    let (from, cut) = match memchr::memrchr2(b'\n', b'\r', &bytes[back..start]) {
        Some(i) => (back + i + 1, 0),
        None if back == 0 => (0, 0),
        None => (back, back),
    };
    let ahead = ceil_boundary(text, (end.max(start) + CONTEXT_WINDOW).min(text.len()));
    let to = memchr::memchr2(b'\n', b'\r', &bytes[start..ahead]).map_or(ahead, |i| start + i);
    let end = end.clamp(start, to);
    Context {
        line: text[from..to].to_owned(),
        span: start - from..end - from,
        cut,
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Receives a check run's results as they come, in input order.
pub trait Sink {
    /// The findings of one page (none for a clean page).
    fn page(&mut self, path: &Path, findings: &[Finding]) -> std::io::Result<()>;
}

/// Hands every page to several sinks: a report and a baseline recorder.
pub struct Tee<'a>(pub Vec<&'a mut dyn Sink>);

impl Sink for Tee<'_> {
    fn page(&mut self, path: &Path, findings: &[Finding]) -> std::io::Result<()> {
        self.0.iter_mut().try_for_each(|s| s.page(path, findings))
    }
}

/// Told how far a run is, from the worker threads.
pub trait Progress: Sync {
    /// The number of pages the run will check.
    fn start(&self, pages: usize);
    /// One more page checked.
    fn advance(&self);
}

/// How a run checks: configuration, selection, baseline, language, progress.
pub struct Options<'a> {
    /// Rules, severities, ignored paths, locale folders.
    pub config: &'a Config,
    /// Which of the collected pages to check.
    pub selection: &'a Selection,
    /// Findings to leave out of the report.
    pub baseline: Option<&'a mut Baseline>,
    /// The language of finding messages.
    pub localizer: &'a Localizer,
    /// Told about each page checked.
    pub progress: Option<&'a dyn Progress>,
}

impl<'a> Options<'a> {
    /// Every rule at its default severity, every page, English, no baseline.
    pub fn new(config: &'a Config, selection: &'a Selection) -> Self {
        Options {
            config,
            selection,
            baseline: None,
            localizer: Localizer::english(),
            progress: None,
        }
    }
}

/// What a check run did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Pages checked.
    pub pages: usize,
    /// Segments checked.
    pub segments: usize,
    /// Findings per rule id, in registry order of first appearance.
    pub per_rule: Vec<(&'static str, usize)>,
    /// Findings of error severity.
    pub errors: usize,
    /// Findings of warning severity.
    pub warnings: usize,
    /// Findings of info severity.
    pub infos: usize,
    /// Files that could not be read.
    pub file_errors: Vec<FileError>,
    /// Pages with more findings than are listed, and how many were left out.
    pub unlisted: Vec<(PathBuf, usize)>,
    /// Findings left out because the baseline has them.
    pub baselined: usize,
}

impl Summary {
    pub(crate) fn count(&mut self, finding: &Finding) {
        match finding.severity {
            crate::Severity::Error => self.errors += 1,
            crate::Severity::Warning => self.warnings += 1,
            crate::Severity::Info => self.infos += 1,
        }
        match self.per_rule.iter_mut().find(|(id, _)| *id == finding.rule) {
            Some((_, n)) => *n += 1,
            None => self.per_rule.push((finding.rule, 1)),
        }
    }
}

/// What checking one page gave.
struct Checked {
    path: PathBuf,
    segments: usize,
    findings: Vec<Finding>,
    /// Findings left out of `findings`, by severity.
    unlisted: [usize; 3],
}

/// How many pages one parallel batch holds before its findings go to the sink in order.
const BATCH: usize = 256;

/// Checks every page below `inputs` that `options` select, handing findings to `sink`
/// page by page in input order.
pub fn run(
    inputs: &[PathBuf],
    options: Options<'_>,
    sink: &mut dyn Sink,
) -> std::io::Result<Summary> {
    let Options {
        config,
        selection,
        mut baseline,
        localizer,
        progress,
    } = options;
    let (mut pages, errors) = files::collect(inputs);
    pages.retain(|p| !config.ignored(&p.path) && selection.keeps(config, &p.path));
    let mut summary = Summary {
        file_errors: errors,
        ..Summary::default()
    };
    if let Some(progress) = progress {
        progress.start(pages.len());
    }
    for batch in pages.chunks(BATCH) {
        let results: Vec<Result<Checked, FileError>> = batch
            .par_iter()
            .map(|input| {
                let page = Page::read(&input.path);
                if let Some(progress) = progress {
                    progress.advance();
                }
                let page = page?;
                let rules = config.rules_for(page.locale());
                let (findings, unlisted) = check_page_counted(&page, &rules, localizer);
                Ok(Checked {
                    path: input.path.clone(),
                    segments: page.segments().count(),
                    findings,
                    unlisted,
                })
            })
            .collect();
        for result in results {
            match result {
                Ok(Checked {
                    path,
                    segments,
                    mut findings,
                    unlisted,
                }) => {
                    summary.pages += 1;
                    summary.segments += segments;
                    deliver(
                        &path,
                        &mut findings,
                        baseline.as_deref_mut(),
                        &mut summary,
                        sink,
                    )?;
                    summary.errors += unlisted[0];
                    summary.warnings += unlisted[1];
                    summary.infos += unlisted[2];
                    let left_out: usize = unlisted.iter().sum();
                    if left_out > 0 {
                        summary.unlisted.push((path, left_out));
                    }
                }
                Err(err) => summary.file_errors.push(err),
            }
        }
    }
    // Cross-locale rules see every page of the inputs, and report on the selected ones.
    let rules = config.rules_for(None);
    for mut findings in crate::cross::run(inputs, &rules, localizer) {
        let Some(path) = findings.first().map(|f| f.file.clone()) else {
            continue;
        };
        if config.ignored(&path) || !selection.keeps(config, &path) {
            continue;
        }
        deliver(
            &path,
            &mut findings,
            baseline.as_deref_mut(),
            &mut summary,
            sink,
        )?;
    }
    let order = |id: &str| crate::rules::RULES.iter().position(|r| r.id() == id);
    summary.per_rule.sort_by_key(|(id, _)| order(id));
    Ok(summary)
}

/// Leaves out what the baseline accepts, counts the rest and hands it to the sink.
fn deliver(
    path: &Path,
    findings: &mut Vec<Finding>,
    baseline: Option<&mut Baseline>,
    summary: &mut Summary,
    sink: &mut dyn Sink,
) -> std::io::Result<()> {
    if let Some(baseline) = baseline {
        let before = findings.len();
        findings.retain(|f| !baseline.accepts(f));
        summary.baselined += before - findings.len();
    }
    findings.iter().for_each(|f| summary.count(f));
    sink.page(path, findings)
}
