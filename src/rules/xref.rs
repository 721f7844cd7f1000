//! `xref`: cross-references must keep their uids.

use super::{compare_changed, same, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;

/// `xref:` link destinations, `<xref:uid>` and `@"uid"`: the same uids on both sides.
pub struct Xref;

impl Rule for Xref {
    fn id(&self) -> &'static str {
        "xref"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a cross-reference uid of the source is missing or changed in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the cross-reference uids of the source and the translation: link destinations
`xref:uid`, autolinks `<xref:uid>` and `@\"uid\"`. Uids compare exactly, query included
(`?displayProperty=nameWithType`).

## Why it matters
A uid is resolved by the publisher to a page; a changed or dropped uid renders as plain text
or as a broken link.

## Example
Source: `Use <xref:Microsoft.Quantum.Canon.ApplyToEach> instead.`
Translation: `Utilisez plutôt <xref:Microsoft.Quantum.Canon.ApplyToEach>.` is fine;
`Utilisez plutôt ApplyToEach.` is reported."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_changed(
            out,
            &s.source.xrefs,
            &s.translation.xrefs,
            ItemKind::CrossReference,
            same,
        );
    }
}
