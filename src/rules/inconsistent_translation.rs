//! `inconsistent-translation`: one source sentence has one translation within a locale.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use super::{shorten, AlignedContext, CrossFindings, PageRef, Raw, Rule};
use crate::diag::Severity;
use crate::page::SegmentView;

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
        // Each source sentence is compared only with the same sentence, so the sentences
        // split into shards by hash and the shards are checked in parallel; within a shard
        // the pages keep their order, so "first met" stays the first in path order.
        let places: Vec<PageRef> = pages
            .groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                (0..group.pages.len()).map(move |p| PageRef { group: g, page: p })
            })
            .collect();
        let candidates: Vec<Vec<Candidate<'_>>> = places
            .par_iter()
            .map(|&at| {
                let loaded = &pages.groups[at.group].pages[at.page];
                loaded
                    .page
                    .segments()
                    .enumerate()
                    .filter_map(|(index, segment)| {
                        let source = segment.source().trim();
                        let long = source.split_whitespace().nth(MIN_WORDS - 1).is_some();
                        long.then(|| Candidate {
                            shard: hash(&loaded.locale, source) % SHARDS,
                            index,
                            segment,
                        })
                    })
                    .collect()
            })
            .collect();
        let raws: Vec<Vec<(PageRef, Raw)>> = (0..SHARDS)
            .into_par_iter()
            .map(|shard| {
                let mut raw = Vec::new();
                let mut found = CrossFindings::new(self, &mut raw);
                check_shard(pages, &places, &candidates, shard, &mut found);
                raw
            })
            .collect();
        for raw in raws {
            out.append(raw);
        }
    }
}

/// A segment whose source is long enough to compare.
struct Candidate<'p> {
    shard: u64,
    /// Its index in its page.
    index: usize,
    segment: SegmentView<'p>,
}

/// How many parts the sentences are split into: enough for the cores to share the work
/// evenly, few enough that each part's walk over all candidates stays cheap.
const SHARDS: u64 = 8;

fn hash(locale: &str, source: &str) -> u64 {
    let mut hasher = FxHasher::default();
    (locale, source).hash(&mut hasher);
    hasher.finish()
}

/// The findings among the sentences of one shard.
fn check_shard(
    pages: &AlignedContext<'_>,
    places: &[PageRef],
    candidates: &[Vec<Candidate<'_>>],
    shard: u64,
    out: &mut CrossFindings<'_>,
) {
    // Per locale, per source: the first translation and where it is.
    let mut first: FxHashMap<(&str, &str), (&str, PageRef, usize)> = FxHashMap::default();
    for (&at, list) in places.iter().zip(candidates) {
        let locale = pages.groups[at.group].pages[at.page].locale.as_str();
        for &Candidate {
            shard: s,
            index,
            segment,
        } in list
        {
            if s != shard {
                continue;
            }
            let source = segment.source().trim();
            let translation = segment.translation().trim();
            let seen = *first.entry((locale, source)).or_insert((
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
                    place = format!("{}:{}:{}", there.path().display(), place.line, place.column),
                ),
            );
        }
    }
}
