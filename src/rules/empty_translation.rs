//! `empty-translation`: a segment with a source has a translation.

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;

/// A translation that is empty or only white space while the source is not.
pub struct EmptyTranslation;

impl Rule for EmptyTranslation {
    fn id(&self) -> &'static str {
        "empty-translation"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the translation is empty while the source is not"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports segments whose translation is empty or only white space while their source has
text.

## Why it matters
The clean page loses the sentence entirely.

## Example
`<span data-ttu-id=\"a-1\"></span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Sign in.</span></span>`
is reported."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let translation = s.segment.translation();
        if translation.trim().is_empty() && !s.segment.source().trim().is_empty() {
            out.in_segment(
                Side::Translation,
                0..translation.len(),
                crate::msg!("finding-empty-translation"),
            );
        }
    }
}
