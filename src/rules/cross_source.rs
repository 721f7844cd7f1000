//! `source-mismatch`: the same segment number has the same English text in every locale.

use rustc_hash::FxHashMap;

use super::{shorten, AlignedContext, CrossFindings, PageRef, Rule};
use crate::align::segment_number;
use crate::diag::Severity;
use crate::page::Page;

/// The versions of a page in two locales give one segment number two different sources.
pub struct CrossSource;

impl Rule for CrossSource {
    fn id(&self) -> &'static str {
        "source-mismatch"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "one segment number has a different source text in another locale of the page"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the versions of a page in several locales segment by segment, by segment number
(the part of the id after the last `-`). Where a number has a source text in one locale that
the first locale (in sorted order) does not have for it, reports the first such segment of
the page at its source text, naming the `ms.sourcegitcommit` of both pages and how many
other segments of the page differ.

## Why it matters
The locales were translated from different versions of the English page: one of them is out
of date, and its readers see different content.

## Example
`fr-FR` segment `1f3b2-113` has source `Sign in.` and `nl-NL` segment `e4a55-113` has
`Sign in to the portal.`: reported at the nl-NL source, with both commits."
    }
    fn check_aligned(&self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>) {
        for (g, group) in pages.groups.iter().enumerate() {
            let Some(reference) = group.pages.first() else {
                continue;
            };
            let mut sources: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
            for segment in reference.page.segments() {
                sources
                    .entry(segment_number(segment.id()))
                    .or_default()
                    .push(segment.source());
            }
            for (p, other) in group.pages.iter().enumerate().skip(1) {
                // Once the sources part, every later number tends to differ: one finding
                // per page, at the first, counting the others.
                let mut differing = other.page.segments().enumerate().filter_map(|(i, s)| {
                    let theirs = sources.get(segment_number(s.id()))?;
                    (!theirs.contains(&s.source())).then(|| (i, s, theirs[0]))
                });
                let Some((index, segment, theirs)) = differing.next() else {
                    continue;
                };
                let others = differing.count();
                let message = crate::msg!(
                    "finding-source-mismatch",
                    number = segment_number(segment.id()),
                    here = around_difference(segment.source(), theirs),
                    there = around_difference(theirs, segment.source()),
                    locale = &reference.locale,
                    page = reference.page.path(),
                    commit = commit(&reference.page),
                    own_locale = &other.locale,
                    own_commit = commit(&other.page),
                    others = others,
                );
                out.at(
                    PageRef { group: g, page: p },
                    Some(index),
                    segment.segment.source.clone(),
                    message,
                );
            }
        }
    }
}

/// `text` from a little before where it first differs from `other`, cut short.
fn around_difference(text: &str, other: &str) -> String {
    let common = text
        .char_indices()
        .zip(other.chars())
        .find(|((_, a), b)| a != b)
        .map_or(text.len().min(other.len()), |((i, _), _)| i);
    let start = text[..common]
        .char_indices()
        .rev()
        .nth(20)
        .map_or(0, |(i, _)| i);
    let lead = if start > 0 { "…" } else { "" };
    format!("{lead}{}", shorten(&text[start..], 60))
}

fn commit(page: &Page) -> &str {
    page.meta().source_git_commit.as_deref().unwrap_or("(none)")
}
