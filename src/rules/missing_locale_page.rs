//! `missing-locale-page`: a page of one locale has a version in every other locale.

use super::{AlignedContext, CrossFindings, PageRef, Rule};
use crate::diag::Severity;

/// A page present in one locale of the inputs and missing in another.
pub struct MissingLocalePage;

impl Rule for MissingLocalePage {
    fn id(&self) -> &'static str {
        "missing-locale-page"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a page is present in one locale of the inputs and missing in another"
    }
    fn doc(&self) -> &'static str {
        "## What it does
When the inputs hold several locales, reports each page that some locale lacks: pages pair
up by their path below the locale folder (`content/fr-FR/a/b.md` with `content/nl-NL/a/b.md`),
within one folder of locale folders (the sets of a corpus do not mix). The finding is at the
start of the first locale's version of the page.

## Why it matters
A page missing in one language is a broken link or an English fallback for its readers, and
usually a hand-off that was lost.

## Example
`content/fr-FR/setup.md` with no `content/nl-NL/setup.md`, when `content/nl-NL` holds other
pages: reported at `content/fr-FR/setup.md:1:1`."
    }
    fn check_aligned(&self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>) {
        for (g, group) in pages.groups.iter().enumerate() {
            if group.pages.is_empty() {
                continue;
            }
            let missing: Vec<&str> = group
                .expected
                .iter()
                .filter(|l| !group.pages.iter().any(|p| &p.locale == *l))
                .map(String::as_str)
                .collect();
            if missing.is_empty() {
                continue;
            }
            let present: Vec<&str> = group.pages.iter().map(|p| p.locale.as_str()).collect();
            out.at(
                PageRef { group: g, page: 0 },
                None,
                0..0,
                crate::msg!(
                    "finding-missing-locale-page",
                    page = group.key.name(),
                    present = present.join(", "),
                    missing = missing.join(", "),
                ),
            );
        }
    }
}
