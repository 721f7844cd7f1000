//! `code-span`: inline code is never translated.

use super::{compare_changed, same, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;

/// Inline code spans: the same contents on both sides.
pub struct CodeSpan;

impl Rule for CodeSpan {
    fn id(&self) -> &'static str {
        "code-span"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "an inline code span of the source is missing or changed in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the contents of the inline code spans (`` `code` ``) of the source and the
translation, exactly and as multisets.

## Why it matters
Code spans hold commands, parameters and values that readers copy. A translated or
re-spaced code span is a command that does not work.

## Example
Source: ``Run `Get-AzContext` first.``
Translation: ``Exécutez d'abord `Get-AzContext`.`` is fine;
``Exécutez d'abord `Get-AzContexte`.`` is reported."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_changed(
            out,
            &s.source.code,
            &s.translation.code,
            ItemKind::CodeSpan,
            same,
        );
    }
}
