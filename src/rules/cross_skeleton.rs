//! `skeleton-mismatch`: the versions of a page in several locales have the same text outside
//! the translated segments.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::{shorten, AlignedContext, CrossFindings, PageRef, Rule};
use crate::align::{gaps, prose, segment_number, Gap};
use crate::diag::Severity;
use crate::page::Page;

/// The skeleton between the same two segments differs between locales of a page.
pub struct CrossSkeleton;

impl Rule for CrossSkeleton {
    fn id(&self) -> &'static str {
        "skeleton-mismatch"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the markup between two segments differs between locales of a page"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the versions of a page in several locales outside the translated text: the
skeleton between each pair of segments that both pages have (same number, same source),
and before the first and after the last. The skeleton is compared token by token (split at
white space, brackets, parentheses and quotes), with the page's own locale tag in it
(`/fr-fr/` in a URL) counted as equal and prose left out (Markdown text outside code blocks:
what the localization tool translated in place, such as image alt text). Each differing token is reported in the later locale
(in sorted order), naming the first locale's text and place.

## Why it matters
Skeleton is not translated: links, anchors, code blocks and list structure should be the
same in every language. A difference means one locale has a stale or edited copy, so its
readers land elsewhere or miss content.

## Example
The fr-FR page links a list item to `https://go.microsoft.com/fwlink/p/?linkid=2146631` and
the nl-NL page to `…?linkid=2154037`: reported at the nl-NL link."
    }
    fn check_aligned(&self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>) {
        for (g, group) in pages.groups.iter().enumerate() {
            let Some(reference) = group.pages.first() else {
                continue;
            };
            let ref_gaps = keyed_gaps(&reference.page);
            // Parsing a page for its prose costs more than the rest of this rule; most
            // versions of a page have identical skeletons, so it happens on first need.
            let mut ref_masked: Option<Vec<Range<usize>>> = None;
            for (p, other) in group.pages.iter().enumerate().skip(1) {
                let at = PageRef { group: g, page: p };
                let mut masked: Option<Vec<Range<usize>>> = None;
                for (key, gap) in keyed_gaps(&other.page) {
                    let Some(Some(theirs)) = ref_gaps.get(&key) else {
                        continue;
                    };
                    let Some(gap) = gap else { continue };
                    let ours_text = &other.page.text()[gap.range.clone()];
                    let theirs_text = &reference.page.text()[theirs.range.clone()];
                    if ours_text == theirs_text {
                        continue;
                    }
                    let ref_masked =
                        ref_masked.get_or_insert_with(|| masked_ranges(&reference.page));
                    let masked = masked.get_or_insert_with(|| masked_ranges(&other.page));
                    let diffs = compare(
                        Side {
                            text: theirs_text,
                            locale: &reference.locale,
                            masked: &shift(ref_masked, &theirs.range),
                        },
                        Side {
                            text: ours_text,
                            locale: &other.locale,
                            masked: &shift(masked, &gap.range),
                        },
                    );
                    for (ours, theirs_range) in diffs {
                        let start = theirs.range.start + theirs_range.start;
                        let place = reference.page.position(start);
                        let there = format!(
                            "{}:{}:{}",
                            reference.page.path().display(),
                            place.line,
                            place.column
                        );
                        let message = crate::msg!(
                            "finding-skeleton-mismatch",
                            locale = &reference.locale,
                            place = there,
                            here = one_line(&ours_text[ours.clone()]),
                            there = one_line(&theirs_text[theirs_range]),
                        );
                        let range = gap.range.start + ours.start..gap.range.start + ours.end;
                        out.at(at, None, range, message);
                    }
                }
            }
        }
    }
}

/// Skeleton text for a one-line message.
fn one_line(text: &str) -> String {
    shorten(text, 80).replace('\r', "\\r").replace('\n', "\\n")
}

/// What a gap is between: the number and source of the segments before and after.
type Key<'p> = (Option<(&'p str, &'p str)>, Option<(&'p str, &'p str)>);

/// The gaps of a page by the segments around them; `None` where two gaps share a key.
fn keyed_gaps(page: &Page) -> FxHashMap<Key<'_>, Option<Gap>> {
    let segments: Vec<_> = page.segments().collect();
    let id = |i: Option<usize>| {
        i.and_then(|i| segments.get(i))
            .map(|s| (segment_number(s.id()), s.source()))
    };
    // A gap before each segment and one after the last: sized once, not grown by rehashing.
    let mut map = FxHashMap::with_capacity_and_hasher(segments.len() + 1, Default::default());
    for gap in gaps(page) {
        let key = (id(gap.before), id(gap.after));
        map.entry(key)
            .and_modify(|g: &mut Option<Gap>| *g = None)
            .or_insert(Some(gap));
    }
    map
}

/// Bytes that end a skeleton token.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'' | '|')
}

/// The prose of a page, left out of comparisons, as sorted ranges that do not overlap
/// (overlapping ones merged), so the ranges in a gap are found by binary search.
fn masked_ranges(page: &Page) -> Vec<Range<usize>> {
    let mut ranges = prose(page);
    ranges.sort_unstable_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The masked ranges (sorted, not overlapping) that fall in `gap`, relative to it. Looking
/// only near the gap keeps a page of many gaps from costing gaps × ranges.
fn shift(masked: &[Range<usize>], gap: &Range<usize>) -> Vec<Range<usize>> {
    let first = masked.partition_point(|m| m.end <= gap.start);
    masked[first..]
        .iter()
        .take_while(|m| m.start < gap.end)
        .map(|m| m.start.max(gap.start) - gap.start..m.end.min(gap.end) - gap.start)
        .collect()
}

/// One side of a skeleton comparison.
#[derive(Clone, Copy)]
struct Side<'a> {
    /// The skeleton text.
    text: &'a str,
    /// The page's locale.
    locale: &'a str,
    /// Translatable ranges of `text`, left out of the comparison.
    masked: &'a [Range<usize>],
}

/// The tokens of a skeleton text outside its masked ranges.
fn tokens(side: Side<'_>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in side.text.char_indices() {
        match (is_delimiter(c), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..side.text.len());
    }
    out.retain(|t| {
        !side
            .masked
            .iter()
            .any(|m| m.start < t.end && t.start < m.end)
    });
    out
}

/// A token with the page's locale tag (any case) taken out.
fn normalized(token: &str, locale: &str) -> String {
    let lower = token.to_ascii_lowercase();
    let locale = locale.to_ascii_lowercase();
    if locale.is_empty() {
        return lower;
    }
    lower.replace(&locale, "\u{0}")
}

/// The differing parts of two skeleton texts, as (range in `ours`, range in `theirs`):
/// each differing token where both have as many tokens, else the one region between the
/// tokens they start and end with.
fn compare(theirs: Side<'_>, ours: Side<'_>) -> Vec<(Range<usize>, Range<usize>)> {
    if theirs.text == ours.text {
        return Vec::new();
    }
    let a = tokens(theirs);
    let b = tokens(ours);
    let same = |x: &Range<usize>, y: &Range<usize>| {
        let (x, y) = (&theirs.text[x.clone()], &ours.text[y.clone()]);
        x == y || normalized(x, theirs.locale) == normalized(y, ours.locale)
    };
    if a.len() == b.len() {
        return a
            .iter()
            .zip(&b)
            .filter(|(x, y)| !same(x, y))
            .map(|(x, y)| (y.clone(), x.clone()))
            .collect();
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    // The tokens between the common start and end; where there are none, the empty range
    // where they would be.
    let region = |t: &[Range<usize>], len: usize| {
        let middle = &t[prefix..t.len() - suffix];
        match (middle.first(), middle.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => {
                let at = t.get(prefix).map_or(len, |r| r.start);
                at..at
            }
        }
    };
    vec![(region(&b, ours.text.len()), region(&a, theirs.text.len()))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_tokens_are_found_and_locale_tags_are_equal() {
        let side = |text, locale| Side {
            text,
            locale,
            masked: &[],
        };
        let fr = side("](https://x.y/p/?linkid=2146631)\n- [", "fr-FR");
        let nl = side("](https://x.y/p/?linkid=2154037)\n- [", "nl-NL");
        assert_eq!(compare(fr, nl), [(2..31, 2..31)]);
        let fr = side("see (https://docs.microsoft.com/fr-FR/a) ", "fr-FR");
        let nl = side("see (https://docs.microsoft.com/nl-nl/a) ", "nl-NL");
        assert!(compare(fr, nl).is_empty());
        let extra = compare(side("a b c", "fr-FR"), side("a b x c", "nl-NL"));
        assert_eq!(extra, [(4..5, 4..4)]);
        let masked = [Range { start: 2, end: 9 }];
        let alt = Side {
            text: "![Image d’un](a.png)",
            locale: "fr-FR",
            masked: &masked,
        };
        let other = Side {
            text: "![Afbeelding](a.png)",
            locale: "nl-NL",
            masked: &[Range { start: 2, end: 12 }],
        };
        assert!(compare(alt, other).is_empty());
    }
}
