//! `docfx-token`: DocFX markers stay as they are.

use super::{compare_changed, same, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;

/// `[!INCLUDE …]`, `[!NOTE]`, `[!div …]` and the other DocFX markers: the same on both sides.
pub struct DocfxToken;

impl Rule for DocfxToken {
    fn id(&self) -> &'static str {
        "docfx-token"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a DocFX marker ([!INCLUDE], [!NOTE], [!div]) is missing or changed in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the DocFX markers of the source and the translation: `[!INCLUDE`, `[!NOTE]`,
`[!TIP]`, `[!IMPORTANT]`, `[!CAUTION]`, `[!WARNING]`, `[!div`, `[!VIDEO`, `[!code`, by
name, ignoring case and spacing; and the marks of words not to translate,
`:::no-loc(words):::` and `:::no-loc text=\"words\":::`, words and all.

## Why it matters
The publisher expands these markers into included content and styled boxes. A translated
marker (`[!REMARQUE]`) shows up as raw text and the include is lost. Words marked no-loc
are names the translation must keep as they are.

## Example
Source: `[!INCLUDE [banner](../includes/banner.md)] Applies to all plans.`
Translation: `[!INCLUDE [bannière](../includes/banner.md)] S'applique à tous les plans.`
is fine; a translation without `[!INCLUDE` is reported."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_changed(
            out,
            &s.source.docfx,
            &s.translation.docfx,
            ItemKind::DocfxMarker,
            same,
        );
    }
}
