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
    /// The locales met, in order; sentences name them by index.
    locales: Vec<String>,
    shards: [Shard; SHARDS],
}

/// The sentences of one shard. Their texts share a few large buffers, and the map goes
/// from a sentence's hash (of locale and source, computed once) to its first entry: a page
/// set holds hundreds of thousands of sentences, and one allocation and one string hash
/// each showed in profiles.
#[derive(Default)]
struct Shard {
    /// The latest entry with each hash; the earlier ones with it follow [`First::next`].
    by_hash: FxHashMap<u64, usize>,
    firsts: Vec<First>,
    /// The sources and translations of `firsts`, each source followed by its translation,
    /// in buffers of at least [`CHUNK`] bytes that never grow past their capacity (one
    /// growing buffer would copy itself and hold up to twice its text).
    chunks: Vec<String>,
}

/// The size of a text buffer of [`Shard::chunks`].
const CHUNK: usize = 1 << 20;

/// The first translation of a source sentence met in a locale.
struct First {
    /// Index in [`Memory::locales`].
    locale: usize,
    /// Where the source starts in [`Shard::chunks`]: buffer, offset.
    chunk: usize,
    start: usize,
    /// The source's length and the translation's, which follows it.
    source_len: usize,
    translation_len: usize,
    /// Index in [`Memory::paths`].
    page: usize,
    position: Position,
    /// The next entry whose hash is the same, `NONE` at the end.
    next: usize,
}

const NONE: usize = usize::MAX;

impl Shard {
    fn source(&self, first: &First) -> &str {
        &self.chunks[first.chunk][first.start..first.start + first.source_len]
    }

    fn translation(&self, first: &First) -> &str {
        let start = first.start + first.source_len;
        &self.chunks[first.chunk][start..start + first.translation_len]
    }

    /// The first translation of `source` in `locale`.
    fn get(&self, hash: u64, locale: usize, source: &str) -> Option<&First> {
        let mut at = *self.by_hash.get(&hash)?;
        while at != NONE {
            let first = &self.firsts[at];
            if first.locale == locale && self.source(first) == source {
                return Some(first);
            }
            at = first.next;
        }
        None
    }

    /// Remembers the first translation of a source sentence that [`Shard::get`] does not know.
    fn insert(
        &mut self,
        hash: u64,
        locale: usize,
        source: &str,
        translation: &str,
        page: usize,
        position: Position,
    ) {
        let len = source.len() + translation.len();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= len);
        if !fits {
            self.chunks.push(String::with_capacity(len.max(CHUNK)));
        }
        let chunk = self.chunks.len() - 1;
        let text = &mut self.chunks[chunk];
        let start = text.len();
        text.push_str(source);
        text.push_str(translation);
        let index = self.firsts.len();
        let next = self.by_hash.insert(hash, index).unwrap_or(NONE);
        self.firsts.push(First {
            locale,
            chunk,
            start,
            source_len: source.len(),
            translation_len: translation.len(),
            page,
            position,
            next,
        });
    }
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
        let locales: Vec<usize> = places
            .iter()
            .map(|&at| {
                let locale = &pages.groups[at.group].pages[at.page].locale;
                let known = self.locales.iter().position(|l| l == locale);
                known.unwrap_or_else(|| {
                    self.locales.push(locale.clone());
                    self.locales.len() - 1
                })
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
                            hash: hash(&loaded.locale, source),
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
            locales: &locales,
            candidates: &candidates,
            paths: &self.paths,
            first_page,
        };
        let raws: Vec<Vec<(PageRef, Raw)>> = self
            .shards
            .par_iter_mut()
            .enumerate()
            .map(|(index, shard)| {
                let mut raw = Vec::new();
                let mut found = CrossFindings::new(&InconsistentTranslation, &mut raw);
                batch.check_shard(index, shard, &mut found);
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
    /// Of its locale and source: picks the shard and the entry in it.
    hash: u64,
    /// Its index in its page.
    index: usize,
    segment: SegmentView<'p>,
}

/// How many parts the sentences are split into: enough for the cores to share the work
/// evenly, few enough that each part's walk over all candidates stays cheap.
const SHARDS: usize = 8;

fn hash(locale: &str, source: &str) -> u64 {
    let mut hasher = FxHasher::default();
    (locale, source).hash(&mut hasher);
    hasher.finish()
}

/// The shard of a sentence: from the hash's high half, which FxHash mixes best (all of
/// it, so the choice holds for any number of shards).
fn shard_of(hash: u64) -> usize {
    (hash >> 32) as usize % SHARDS
}

/// One batch of groups as the shards see it.
struct Batch<'a, 'p> {
    pages: &'a AlignedContext<'p>,
    places: &'a [PageRef],
    /// Per place, its locale's index in [`Memory::locales`].
    locales: &'a [usize],
    candidates: &'a [Vec<Candidate<'a>>],
    paths: &'a [PathBuf],
    /// The index in `paths` of the batch's first page.
    first_page: usize,
}

impl Batch<'_, '_> {
    /// The findings among the sentences of one shard, remembering the first translations.
    fn check_shard(&self, index: usize, shard: &mut Shard, out: &mut CrossFindings<'_>) {
        let places = self.places.iter().zip(self.locales).zip(self.candidates);
        for (ordinal, ((&at, &locale), list)) in places.enumerate() {
            let page = &self.pages.groups[at.group].pages[at.page].page;
            for candidate in list.iter().filter(|c| shard_of(c.hash) == index) {
                let segment = candidate.segment;
                let source = segment.source().trim();
                let translation = segment.translation().trim();
                let Some(first) = shard.get(candidate.hash, locale, source) else {
                    let position = page.position(segment.segment.translation.start);
                    let number = self.first_page + ordinal;
                    shard.insert(
                        candidate.hash,
                        locale,
                        source,
                        translation,
                        number,
                        position,
                    );
                    continue;
                };
                let other = shard.translation(first);
                if other == translation {
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
                        other = shorten(other, 60),
                        place = format!("{path}:{line}:{column}"),
                    ),
                );
            }
        }
    }
}
