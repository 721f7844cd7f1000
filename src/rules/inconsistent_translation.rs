//! `inconsistent-translation`: one source sentence has one translation within a locale.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use super::{shorten, AcrossGroups, AlignedContext, CrossFindings, PageRef, Raw, Rule};
use crate::diag::Severity;
use crate::page::SegmentView;
use crate::text::Position;

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
    fn check_aligned(&self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>) {
        Memory::default().check_batch(pages, out);
    }
    fn across_groups(&self) -> Option<Box<dyn AcrossGroups>> {
        Some(Box::new(Memory::default()))
    }
}

/// Per locale, per source sentence: the first translation met and where. Each source
/// sentence is compared only with the same sentence, so the sentences split into shards
/// by hash and the shards are checked in parallel; within a shard the pages keep their
/// order, so "first met" stays the first in path order.
#[derive(Default)]
struct Memory {
    /// The pages of the batches seen, in order; places name them by index.
    paths: Vec<PathBuf>,
    /// Per shard, per locale, per source.
    shards: [FxHashMap<String, FxHashMap<Box<str>, First>>; SHARDS],
}

/// The first translation of a source sentence met in a locale.
struct First {
    translation: Box<str>,
    /// Index in [`Memory::paths`].
    page: usize,
    position: Position,
}

impl AcrossGroups for Memory {
    fn check_batch(&mut self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>) {
        let places: Vec<PageRef> = pages
            .groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                (0..group.pages.len()).map(move |p| PageRef { group: g, page: p })
            })
            .collect();
        let first_page = self.paths.len();
        self.paths
            .extend(places.iter().map(|&at| pages.page(at).path().to_owned()));
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
        let batch = Batch {
            pages,
            places: &places,
            candidates: &candidates,
            paths: &self.paths,
            first_page,
        };
        let raws: Vec<Vec<(PageRef, Raw)>> = self
            .shards
            .par_iter_mut()
            .enumerate()
            .map(|(shard, memory)| {
                let mut raw = Vec::new();
                let mut found = CrossFindings::new(&InconsistentTranslation, &mut raw);
                batch.check_shard(shard, memory, &mut found);
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
    shard: usize,
    /// Its index in its page.
    index: usize,
    segment: SegmentView<'p>,
}

/// How many parts the sentences are split into: enough for the cores to share the work
/// evenly, few enough that each part's walk over all candidates stays cheap.
const SHARDS: usize = 8;

fn hash(locale: &str, source: &str) -> usize {
    let mut hasher = FxHasher::default();
    (locale, source).hash(&mut hasher);
    hasher.finish() as usize
}

/// One batch of groups as the shards see it.
struct Batch<'a, 'p> {
    pages: &'a AlignedContext<'p>,
    places: &'a [PageRef],
    candidates: &'a [Vec<Candidate<'a>>],
    paths: &'a [PathBuf],
    /// The index in `paths` of the batch's first page.
    first_page: usize,
}

impl Batch<'_, '_> {
    /// The findings among the sentences of one shard, remembering the first translations.
    fn check_shard(
        &self,
        shard: usize,
        memory: &mut FxHashMap<String, FxHashMap<Box<str>, First>>,
        out: &mut CrossFindings<'_>,
    ) {
        for (ordinal, (&at, list)) in self.places.iter().zip(self.candidates).enumerate() {
            let loaded = &self.pages.groups[at.group].pages[at.page];
            let locale = match memory.get_mut(loaded.locale.as_str()) {
                Some(locale) => locale,
                None => memory.entry(loaded.locale.clone()).or_default(),
            };
            for candidate in list.iter().filter(|c| c.shard == shard) {
                let segment = candidate.segment;
                let source = segment.source().trim();
                let translation = segment.translation().trim();
                let Some(first) = locale.get(source) else {
                    let first = First {
                        translation: translation.into(),
                        page: self.first_page + ordinal,
                        position: loaded.page.position(segment.segment.translation.start),
                    };
                    locale.insert(source.into(), first);
                    continue;
                };
                if *first.translation == *translation {
                    continue;
                }
                let Position { line, column } = first.position;
                let path = self.paths[first.page].display();
                out.at(
                    at,
                    Some(candidate.index),
                    segment.segment.translation.clone(),
                    crate::msg!(
                        "finding-inconsistent-translation",
                        source = shorten(source, 60),
                        other = shorten(&first.translation, 60),
                        place = format!("{path}:{line}:{column}"),
                    ),
                );
            }
        }
    }
}
