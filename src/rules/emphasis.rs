//! `emphasis`: bold and italic spans survive translation.

use super::{compare_items, same, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;

/// Strong and emphasis spans: as many in the translation as in the source.
pub struct Emphasis;

impl Rule for Emphasis {
    fn id(&self) -> &'static str {
        "emphasis"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the translation has fewer or more bold or italic spans than the source"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Counts strong (`**bold**`) and emphasis (`*italic*`) spans on both sides, as Markdown
reads them, and reports each one lost or added.

## Why it matters
In these docs bold marks the UI strings a reader has to find on screen. Machine translation
often drops the markers, or breaks them into literal asterisks (`\\*\\*\\*\\*`).

## Example
Source: `you get a **No subscriptions found** message`
Translation: `krijgt u een bericht dat er geen abonnementen zijn gevonden` is reported:
the bold is lost."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_items(
            out,
            &s.source.strong,
            &s.translation.strong,
            ItemKind::Bold,
            same,
        );
        compare_items(
            out,
            &s.source.emphasis,
            &s.translation.emphasis,
            ItemKind::Italic,
            same,
        );
    }
}
