//! `duplicate-segment-id`: segment ids are unique in a page.

use rustc_hash::FxHashMap;

use super::{Findings, PageContext, Rule};
use crate::diag::Severity;

/// Two segments of one page with the same id.
pub struct DuplicateSegmentId;

impl Rule for DuplicateSegmentId {
    fn id(&self) -> &'static str {
        "duplicate-segment-id"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "two segments of one page have the same id"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports each segment whose ttu id an earlier segment of the same page already has.

## Why it matters
Segments are matched across locales, exports and imports by page and id. A duplicate id
makes those matches ambiguous: a fixed translation may land in the wrong place.

## Example
Two `<span data-ttu-id=\"1f3b2-104\">` segments in one page: the second is reported."
    }
    fn check_page(&self, page: &PageContext<'_>, out: &mut Findings<'_>) {
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for segment in page.page.all_segments() {
            let id = segment.id();
            let range = segment.segment.ttu_id.clone();
            if let Some(first) = seen.get(id) {
                let line = page.page.position(*first).line;
                out.at(
                    range,
                    crate::msg!("finding-duplicate-segment-id", id = id, line = line),
                );
            } else {
                seen.insert(id, range.start);
            }
        }
    }
}
