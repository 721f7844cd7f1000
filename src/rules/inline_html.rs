//! `inline-html`: inline HTML tags survive translation.

use super::{compare_items, same, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;

/// Inline HTML tags (`<br/>`, `<b>`, `<ul><li>`): the same tags on both sides.
pub struct InlineHtml;

impl Rule for InlineHtml {
    fn id(&self) -> &'static str {
        "inline-html"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "an inline HTML tag of the source is missing or extra in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the inline HTML tags of the source and the translation by name and kind (open or
close), as multisets. Attributes and the self-closing slash do not matter: `<br/>` and
`<br>` are the same tag.

## Why it matters
Tables of these docs put lists and line breaks in cells with HTML. A lost `</li>` or `<br/>`
breaks the table's layout; a tag the translation added may break more.

## Example
Source: `Sign in.<br/>Select **Save**.`
Translation: `Connectez-vous.<br/>Sélectionnez **Enregistrer**.` is fine;
`Connectez-vous. Sélectionnez **Enregistrer**.` is reported."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_items(
            out,
            &s.source.html,
            &s.translation.html,
            ItemKind::HtmlTag,
            same,
        );
    }
}
