//! `markup`: sxs markup the parser could not read.

use super::{Findings, PageContext, Rule};
use crate::diag::Severity;

/// The parser's diagnostics about segment markup, as findings.
pub struct Markup;

impl Rule for Markup {
    fn id(&self) -> &'static str {
        "markup"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "segment markup is broken: a span without its twin, unclosed, nested, escaped or with mismatched ids"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports what the sxs parser could not read as a segment, and what it read despite a fault:
a translation span without its `sxs-lookup` twin, a source span without a translation, a
span never closed, a segment span inside another, a `data-ttu-id` or `data-stu-id`
attribute in a tag that is not a segment span (another element, a self-closed span), span
markup with its quotes written as `&quot;` (warning), a ttu id that differs from its stu id
(warning). The bytes stay in the page as they are. Segments that run over several lines or
have white space between their tags are read as usual and not reported.

## Why it matters
Broken markup reaches the clean page as raw `<span data-ttu-id=…>` text, or loses the
segment's translation.

## Example
`<span data-ttu-id=\"a-1\">Alleen</span> tekst` is reported: the source span is missing."
    }
    fn check_page(&self, page: &PageContext<'_>, out: &mut Findings<'_>) {
        for d in page.page.diagnostics() {
            let severity = d.kind.severity();
            if severity == Severity::Info {
                continue;
            }
            out.with_severity(
                severity,
                d.offset..d.offset + 1,
                crate::msg!(
                    "finding-markup",
                    detail = d.message.clone(),
                    code = d.kind.code()
                ),
            );
        }
    }
}
