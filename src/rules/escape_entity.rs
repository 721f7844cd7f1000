//! `escape-entity`: character entities and Markdown escapes survive translation.

use super::{compare_items, same, Findings, Rule, SegmentContext};
use crate::diag::Severity;

/// Entities (`&amp;`, `&nbsp;`) and backslash escapes (`\*`, `\<`): the same on both sides.
pub struct EscapeEntity;

impl Rule for EscapeEntity {
    fn id(&self) -> &'static str {
        "escape-entity"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the translation added or lost a character entity or a Markdown escape"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the character entities (`&amp;`, `&nbsp;`, `&#39;`) and Markdown backslash escapes
(`\\*`, `\\<`, `\\_`) outside code spans of the source and the translation, as written.

## Why it matters
A lost escape turns a literal `*` or `<tenant>` into markup: text disappears or turns
italic. An added entity shows up as `&amp;` on the page.

## Example
Source: `https://\\<tenant\\>.sharepoint.com`
Translation: `https://<tenant>.sharepoint.com` is reported twice: `<tenant>` now reads as
an HTML tag and disappears."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_items(
            out,
            &s.source.escapes,
            &s.translation.escapes,
            "escape",
            same,
        );
    }
}
