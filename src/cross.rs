//! The cross-page pass of `check`: when the inputs hold more than one locale, the pages are
//! grouped across locales ([`crate::align`]) and each rule's
//! [`check_aligned`](crate::rules::Rule::check_aligned) runs over them.
//!
//! Rules that compare the pages of one group see that group; rules that compare across
//! groups (a sentence's translations across all pages of a locale) are fed the groups a
//! batch at a time and remember what they need of the batches before.

use crate::align::LoadedGroup;
use crate::check::{clamp, finding};
use crate::diag::Severity;
use crate::finding::Finding;
use crate::i18n::Localizer;
use crate::page::SegmentView;
use crate::rules::{AcrossGroups, AlignedContext, CrossFindings, PageRef, Raw, Rule};

/// Runs `rules`' cross-page checks over `groups` at their default severities, with English
/// messages: the findings of each page, pages in group order, findings in page order.
pub fn check(groups: &[LoadedGroup], rules: &[&dyn Rule]) -> Vec<Vec<Finding>> {
    let rules: Vec<(&dyn Rule, Severity)> = rules.iter().map(|r| (*r, r.severity())).collect();
    check_with(groups, &rules, Localizer::english())
}

/// [`check`] with each rule's severity and the messages' language given.
pub fn check_with(
    groups: &[LoadedGroup],
    rules: &[(&dyn Rule, Severity)],
    localizer: &Localizer,
) -> Vec<Vec<Finding>> {
    let context = AlignedContext { groups };
    let mut raw: Vec<(PageRef, Raw)> = Vec::new();
    for (rule, severity) in rules {
        let before = raw.len();
        rule.check_aligned(&context, &mut CrossFindings::new(*rule, &mut raw));
        configure(&mut raw[before..], *rule, *severity);
    }
    findings(groups, raw, localizer)
}

/// A rule that compares across groups, with its memory of the batches fed so far.
pub struct Across {
    rule: &'static dyn Rule,
    severity: Severity,
    memory: Box<dyn AcrossGroups>,
}

impl Across {
    /// The rule with a fresh memory; `None` for a rule that compares within groups only.
    pub fn new(rule: &'static dyn Rule, severity: Severity) -> Option<Across> {
        let memory = rule.across_groups()?;
        Some(Across {
            rule,
            severity,
            memory,
        })
    }
}

/// Feeds one batch of groups (the next in order) to each rule's memory: the findings of
/// each page of the batch against the pages met before, as [`check_with`] gives them.
pub fn check_batch(
    groups: &[LoadedGroup],
    rules: &mut [Across],
    localizer: &Localizer,
) -> Vec<Vec<Finding>> {
    let context = AlignedContext { groups };
    let mut raw: Vec<(PageRef, Raw)> = Vec::new();
    for across in rules {
        let before = raw.len();
        let mut out = CrossFindings::new(across.rule, &mut raw);
        across.memory.check_batch(&context, &mut out);
        configure(&mut raw[before..], across.rule, across.severity);
    }
    findings(groups, raw, localizer)
}

/// A configured severity replaces the rule's own.
fn configure(raw: &mut [(PageRef, Raw)], rule: &dyn Rule, severity: Severity) {
    if severity != rule.severity() {
        raw.iter_mut().for_each(|(_, r)| r.severity = severity);
    }
}

/// What rules reported on `groups`, as findings: the findings of each page, pages in group
/// order, findings in page order.
fn findings(
    groups: &[LoadedGroup],
    mut raw: Vec<(PageRef, Raw)>,
    localizer: &Localizer,
) -> Vec<Vec<Finding>> {
    raw.sort_by_key(|(at, r)| (*at, r.range.start));
    let mut out: Vec<Vec<Finding>> = Vec::new();
    let mut current: Option<PageRef> = None;
    // The segments of the page being reported on, listed once per page rather than walked
    // to each finding's segment.
    let mut segments: Vec<SegmentView<'_>> = Vec::new();
    for (at, r) in raw {
        let loaded = &groups[at.group].pages[at.page];
        let page = &loaded.page;
        if current != Some(at) {
            segments = page.segments().collect();
        }
        let (start, end) = clamp(&r.range, page.text());
        let position = page.position(start);
        let segment = r.segment.and_then(|i| segments.get(i).copied());
        let locale = Some(loaded.locale.as_str());
        let finding = finding(page, &r, start..end, position, segment, locale, localizer);
        match out.last_mut() {
            Some(list) if current == Some(at) => list.push(finding),
            _ => out.push(vec![finding]),
        }
        current = Some(at);
    }
    out
}
