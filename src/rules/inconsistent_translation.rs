//! `inconsistent-translation`: one source sentence has one translation within a locale.

use std::collections::HashMap;

use super::{shorten, AlignedContext, CrossFindings, PageRef, Rule};
use crate::diag::Severity;

/// The same source sentence translated differently in two places of one locale.
pub struct InconsistentTranslation;

/// Sources with fewer words are left alone: a short label (`Yes`, `Name`) may well need a
/// different word in a different place.
const MIN_WORDS: usize = 4;

impl Rule for InconsistentTranslation {
    fn id(&self) -> &'static str {
        "inconsistent-translation"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn summary(&self) -> &'static str {
        "one source sentence is translated differently in another place of the same locale"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Across all pages of one locale among the inputs, finds source texts of at least four words
that occur more than once, and reports each place whose translation (ignoring white space at
either end) differs from the first one met (pages in path order), naming that first place.

## Why it matters
Readers meet the same sentence in several pages; two translations of it look like two
different things, and translation memories learn both.

## Example
`Select **Save**.` translated `Sélectionnez **Enregistrer**.` in one page and
`Cliquez sur **Enregistrer**.` in another: reported at the second translation."
    }
    fn aligned_across_groups(&self) -> bool {
        true
    }
    fn check_aligned(&self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>) {
        // Per locale, per source: the first translation and where it is.
        let mut first: HashMap<(&str, &str), (&str, PageRef, usize)> = HashMap::new();
        for (g, group) in pages.groups.iter().enumerate() {
            for (p, loaded) in group.pages.iter().enumerate() {
                let at = PageRef { group: g, page: p };
                for (index, segment) in loaded.page.segments().enumerate() {
                    let source = segment.source().trim();
                    if source.split_whitespace().nth(MIN_WORDS - 1).is_none() {
                        continue;
                    }
                    let translation = segment.translation().trim();
                    let seen = *first.entry((loaded.locale.as_str(), source)).or_insert((
                        translation,
                        at,
                        segment.segment.translation.start,
                    ));
                    if seen.0 == translation {
                        continue;
                    }
                    let there = pages.page(seen.1);
                    let place = there.position(seen.2);
                    out.at(
                        at,
                        Some(index),
                        segment.segment.translation.clone(),
                        crate::msg!(
                            "finding-inconsistent-translation",
                            source = shorten(source, 60),
                            other = shorten(seen.0, 60),
                            place = format!(
                                "{}:{}:{}",
                                there.path().display(),
                                place.line,
                                place.column
                            ),
                        ),
                    );
                }
            }
        }
    }
}
