//! `check`: runs the rule registry over pages and turns what rules report into findings
//! with file, line, column and excerpts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

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
use crate::text::{ceil_boundary, floor_boundary, Cursor};

/// How many characters of a segment's source and translation a finding carries.
const EXCERPT_CHARS: usize = 240;

/// How many findings of one page are listed; past that they are only counted, so a page
/// of a million broken segments costs memory in proportion to its size.
pub const MAX_FINDINGS_PER_PAGE: usize = 10_000;

/// Runs `rules` on one page at their default severities, with English messages; rules
/// that are off by default run too when given. Findings come in page order.
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
    check_page_shared(page, rules, localizer, &mut Sources::default())
}

/// What the English texts of segments hold, analysed once per distinct text: the versions
/// of one page in several locales mostly share their sources (the corpus's 187,555
/// segments have 112,395 distinct sources per page and its versions), as do repeated
/// sentences within a page.
pub(crate) type Sources<'p> = FxHashMap<&'p str, Inline>;

/// How many analyses [`Sources`] keeps: past that, English texts are analysed each time, so
/// that a page of a million segments is not held analysed.
const MAX_SOURCES: usize = 4096;

/// Like [`check_page_counted`], taking the analyses of English texts from `sources` and
/// adding those it makes.
pub(crate) fn check_page_shared<'p>(
    page: &'p Page,
    rules: &[(&dyn Rule, Severity)],
    localizer: &Localizer,
    sources: &mut Sources<'p>,
) -> (Vec<Finding>, [usize; 3]) {
    let locale = page.locale();
    let mut raw: Vec<Raw> = Vec::new();
    let context = PageContext { page, locale };
    for (rule, severity) in rules {
        let before = raw.len();
        rule.check_page(&context, &mut Findings::new(*rule, &mut raw));
        configure(&mut raw[before..], *rule, *severity);
    }
    let segments: Vec<SegmentView<'_>> = page.all_segments().collect();
    for (index, segment) in segments.iter().enumerate() {
        // No English to compare with: the pipeline cut an anchor out as a segment of its
        // own (`<a name="Examples"> </a>` over an empty source, Skype for Business docs).
        if segment.source().trim().is_empty() {
            continue;
        }
        let source = segment.source();
        let analysed;
        let context = SegmentContext {
            segment: *segment,
            source: match sources.get(source) {
                Some(known) => known,
                None if sources.len() < MAX_SOURCES => sources
                    .entry(source)
                    .or_insert_with(|| Inline::analyse(source)),
                None => {
                    analysed = Inline::analyse(source);
                    &analysed
                }
            },
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
            let (start, end) = clamp(&r.range, text);
            let position = cursor.position(start);
            let segment = r.segment.map(|i| segments[i]);
            finding(page, &r, start..end, position, segment, locale, localizer)
        })
        .collect();
    (findings, unlisted)
}

/// A rule's byte range, kept inside the page text.
pub(crate) fn clamp(range: &std::ops::Range<usize>, text: &str) -> (usize, usize) {
    let start = range.start.min(text.len());
    (start, range.end.clamp(start, text.len()))
}

/// A finding from what a rule reported at `range` of `page` (already clamped), with its
/// position, the segment it is about and the message in the localizer's language.
pub(crate) fn finding(
    page: &Page,
    raw: &Raw,
    range: std::ops::Range<usize>,
    position: crate::text::Position,
    segment: Option<SegmentView<'_>>,
    locale: Option<&str>,
    localizer: &Localizer,
) -> Finding {
    // Rules mark "the next byte" at an offset (`at..at + 1`); on a multibyte character
    // that is inside it, so the range grows to whole characters.
    let text = page.text();
    let start = floor_boundary(text, range.start.min(text.len()));
    let range = start..ceil_boundary(text, range.end.clamp(start, text.len()));
    Finding {
        rule: raw.rule,
        severity: raw.severity,
        file: page.path().to_owned(),
        line: position.line,
        column: position.column,
        segment: segment.map(|s| s.id().to_owned()),
        locale: locale.map(str::to_owned),
        message: localizer.format(&raw.message),
        source: segment.map(|s| excerpt(s.source())),
        translation: segment.map(|s| excerpt(s.translation())),
        offset: range.start,
        len: range.end - range.start,
        context: line_context(text, range.start, range.end),
    }
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

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// How much of a long line a finding keeps around its span, in bytes each side.
const CONTEXT_WINDOW: usize = 2048;

/// The line of a finding, cut to a window around the span where the line is long, so a
/// page that is one 50 MB line does not copy it into each finding.
fn line_context(text: &str, start: usize, end: usize) -> Context {
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
/// page by page. With one locale among the inputs, pages stream through in input order,
/// one at a time per thread. With several, the cross-locale rules need the versions of
/// each page side by side: pages come in alignment order (each page's versions together),
/// a bounded batch of groups held at a time, and each carries its per-page and
/// cross-locale findings in one delivery.
pub fn run(
    inputs: &[PathBuf],
    options: Options<'_>,
    sink: &mut dyn Sink,
) -> std::io::Result<Summary> {
    let (pages, errors) = files::collect(inputs);
    let mut summary = Summary {
        file_errors: errors,
        ..Summary::default()
    };
    let config = options.config;
    let is_locale = |name: &str| config.is_locale_folder(name);
    let paths = pages.iter().map(|p| p.path.clone());
    // Pages below no locale folder pair by their front matter's locale below each input
    // (one clone per locale); one input cannot hold two versions of a page, so a single
    // input skips reading every front matter twice.
    let layout = match inputs.len() {
        0 | 1 => crate::align::group(paths, &[], &is_locale),
        _ => crate::align::group_by_front_matter(paths, &[], &is_locale, inputs),
    };
    if layout.locales.len() > 1 {
        run_aligned(layout, options, sink, &mut summary)?;
    } else {
        run_streaming(pages, options, sink, &mut summary)?;
    }
    let order = |id: &str| crate::rules::RULES.iter().position(|r| r.id() == id);
    summary.per_rule.sort_by_key(|(id, _)| order(id));
    Ok(summary)
}

/// Reads one page, telling the progress that one more is done, read or not.
fn read_page(path: &Path, options: &Options<'_>) -> Result<Page, FileError> {
    let page = Page::read(path);
    if let Some(progress) = options.progress {
        progress.advance();
    }
    Ok(page?)
}

/// Reads one page and checks it alone, a failing rule becoming the page's error.
fn read_and_check(path: &Path, options: &Options<'_>) -> Result<Checked, FileError> {
    let page = read_page(path, options)?;
    files::guarded(path, || check_read(&page, options, &mut Sources::default()))
}

/// Checks one page with the rules its locale has.
fn check_read<'p>(page: &'p Page, options: &Options<'_>, sources: &mut Sources<'p>) -> Checked {
    let rules = options.config.rules_for(page.locale());
    let (findings, unlisted) = check_page_shared(page, &rules, options.localizer, sources);
    Checked {
        path: page.path().to_owned(),
        segments: page.all_segments().count(),
        findings,
        unlisted,
    }
}

/// One page at a time per thread, in input order.
fn run_streaming(
    mut pages: Vec<files::Input>,
    mut options: Options<'_>,
    sink: &mut dyn Sink,
    summary: &mut Summary,
) -> std::io::Result<()> {
    let (config, selection) = (options.config, options.selection);
    pages.retain(|p| !config.ignored(&p.path) && selection.keeps(config, &p.path));
    if let Some(progress) = options.progress {
        progress.start(pages.len());
    }
    for batch in pages.chunks(BATCH) {
        let results: Vec<Result<Checked, FileError>> = batch
            .par_iter()
            .map(|input| read_and_check(&input.path, &options))
            .collect();
        for result in results {
            record(result, &mut options, summary, sink)?;
        }
    }
    Ok(())
}

/// How many groups (each page with its versions in the other locales) the aligned run
/// holds at a time.
const GROUP_BATCH: usize = 128;

/// The groups a batch at a time, in order: per-page and per-group rules in parallel over
/// the groups of a batch, then the rules that compare across groups over the batch, with
/// what they remember of the batches before. Every page is read (cross-locale rules compare
/// with pages outside the selection); only the selected ones are checked and reported.
fn run_aligned(
    layout: crate::align::Layout,
    mut options: Options<'_>,
    sink: &mut dyn Sink,
    summary: &mut Summary,
) -> std::io::Result<()> {
    let (config, selection) = (options.config, options.selection);
    let kept = |path: &Path| !config.ignored(path) && selection.keeps(config, path);
    if let Some(progress) = options.progress {
        let members: usize = layout.groups.iter().map(|g| g.members.len()).sum();
        progress.start(members + layout.unplaced.len());
    }
    // The locales of each set, once per set: asking per group would be quadratic.
    let mut expected: HashMap<&Path, Vec<String>> = HashMap::new();
    for group in &layout.groups {
        let prefix = group.key.prefix.as_path();
        if !expected.contains_key(prefix) {
            let locales = layout.locales_of(prefix).into_iter().map(str::to_owned);
            expected.insert(prefix, locales.collect());
        }
    }
    let mut per_group = Vec::new();
    let mut across = Vec::new();
    for (rule, severity) in config.rules_for(None) {
        match crate::cross::Across::new(rule, severity) {
            Some(memory) => across.push(memory),
            None => per_group.push((rule, severity)),
        }
    }
    for batch in layout.groups.chunks(GROUP_BATCH) {
        let loaded: Vec<Loaded> = batch
            .par_iter()
            .map(|group| {
                let expected = expected[group.key.prefix.as_path()].clone();
                load_group(group, expected, &per_group, &kept, &options)
            })
            .collect();
        let mut groups = Vec::with_capacity(loaded.len());
        let mut checked = Vec::with_capacity(loaded.len());
        let mut cross: HashMap<PathBuf, Vec<Finding>> = HashMap::new();
        for group in loaded {
            summary.file_errors.extend(group.errors);
            groups.push(group.group);
            checked.push(group.checked);
            add_by_page(&mut cross, group.cross);
        }
        add_by_page(
            &mut cross,
            crate::cross::check_batch(&groups, &mut across, options.localizer),
        );
        for (group, checked) in groups.iter().zip(checked) {
            for (loaded, checked) in group.pages.iter().zip(checked) {
                let Some(mut checked) = checked else {
                    continue;
                };
                if let Some(more) = cross.remove(loaded.page.path()) {
                    checked.findings.extend(more);
                    checked.findings.sort_by_key(|f| (f.line, f.column));
                }
                record(Ok(checked), &mut options, summary, sink)?;
            }
        }
    }
    // Pages outside any locale folder pair with nothing: per-page rules only.
    let unplaced: Vec<Result<Checked, FileError>> = layout
        .unplaced
        .par_iter()
        .filter(|path| kept(path))
        .map(|path| read_and_check(path, &options))
        .collect();
    for result in unplaced {
        record(result, &mut options, summary, sink)?;
    }
    Ok(())
}

/// One group of the aligned run, read and checked.
struct Loaded {
    /// The pages that could be read.
    group: crate::align::LoadedGroup,
    /// Per page of `group`, its per-page findings where it is selected.
    checked: Vec<Option<Checked>>,
    /// The group's findings of the rules that compare within a group, per page.
    cross: Vec<Vec<Finding>>,
    /// Pages that could not be read or checked.
    errors: Vec<FileError>,
}

/// Reads the pages of `group`, checks the selected ones and runs the per-group rules.
fn load_group(
    group: &crate::align::Group,
    expected: Vec<String>,
    per_group: &[(&dyn Rule, Severity)],
    kept: &(dyn Fn(&Path) -> bool + Sync),
    options: &Options<'_>,
) -> Loaded {
    let mut loaded = Loaded {
        group: crate::align::LoadedGroup {
            key: group.key.clone(),
            pages: Vec::with_capacity(group.members.len()),
            expected,
        },
        checked: Vec::with_capacity(group.members.len()),
        cross: Vec::new(),
        errors: Vec::new(),
    };
    let mut read = Vec::with_capacity(group.members.len());
    for member in &group.members {
        match read_page(&member.path, options) {
            Ok(page) => read.push((member, page)),
            Err(err) => loaded.errors.push(err),
        }
    }
    let mut sources = Sources::default();
    let mut checked = Vec::with_capacity(read.len());
    for (member, page) in &read {
        let result = kept(&member.path)
            .then(|| files::guarded(&member.path, || check_read(page, options, &mut sources)))
            .transpose();
        if result.is_err() {
            sources.clear(); // a rule failed halfway: start afresh
        }
        checked.push(result);
    }
    drop(sources);
    for ((member, page), result) in read.into_iter().zip(checked) {
        match result {
            Ok(checked) => {
                loaded.group.pages.push(crate::align::LoadedPage {
                    locale: member.locale.clone(),
                    page,
                });
                loaded.checked.push(checked);
            }
            Err(err) => loaded.errors.push(err),
        }
    }
    let groups = std::slice::from_ref(&loaded.group);
    loaded.cross = crate::cross::check_with(groups, per_group, options.localizer);
    loaded
}

/// Files lists of findings, each about one page, under that page's path.
fn add_by_page(by_page: &mut HashMap<PathBuf, Vec<Finding>>, lists: Vec<Vec<Finding>>) {
    for list in lists {
        if let Some(first) = list.first() {
            by_page.entry(first.file.clone()).or_default().extend(list);
        }
    }
}

/// Hands a checked page to the sink and counts it, or keeps why it could not be read.
fn record(
    result: Result<Checked, FileError>,
    options: &mut Options<'_>,
    summary: &mut Summary,
    sink: &mut dyn Sink,
) -> std::io::Result<()> {
    let checked = match result {
        Ok(checked) => checked,
        Err(err) => {
            summary.file_errors.push(err);
            return Ok(());
        }
    };
    let Checked {
        path,
        segments,
        mut findings,
        unlisted,
    } = checked;
    summary.pages += 1;
    summary.segments += segments;
    deliver(
        &path,
        &mut findings,
        options.baseline.as_deref_mut(),
        summary,
        sink,
    )?;
    summary.errors += unlisted[0];
    summary.warnings += unlisted[1];
    summary.infos += unlisted[2];
    let left_out: usize = unlisted.iter().sum();
    if left_out > 0 {
        summary.unlisted.push((path, left_out));
    }
    Ok(())
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
