//! `emphasis`: bold and italic spans survive translation.

use super::{compare_items, report_extra, same, Findings, ItemKind, Rule, SegmentContext, Side};
use crate::diag::Severity;
use crate::inline::{self, Inline};

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
reads them, and reports each one lost or added. Where the translation writes the `**` but
Markdown does not read them as bold (next to punctuation on the wrong side, as CJK text
often puts them: `**平台：**看到`), the finding says so.

## Why it matters
In these docs bold marks the UI strings a reader has to find on screen. Machine translation
often drops the markers, or breaks them into literal asterisks (`\\*\\*\\*\\*`).

## Example
Source: `you get a **No subscriptions found** message`
Translation: `krijgt u een bericht dat er geen abonnementen zijn gevonden` is reported:
the bold is lost."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        if unread_bold(s.segment.translation(), &s.translation) {
            // The translation wrote the `**` but Markdown does not read them as bold: say
            // so, rather than that the bold is gone.
            for item in inline::missing(&s.source.strong, &s.translation.strong, same) {
                let message = crate::msg!("finding-emphasis-unread", value = &item.value);
                out.in_segment(Side::Source, item.range.clone(), message);
            }
            for item in inline::missing(&s.translation.strong, &s.source.strong, same) {
                report_extra(out, item, ItemKind::Bold);
            }
        } else {
            compare_items(
                out,
                &s.source.strong,
                &s.translation.strong,
                ItemKind::Bold,
                same,
            );
        }
        compare_items(
            out,
            &s.source.emphasis,
            &s.translation.emphasis,
            ItemKind::Italic,
            same,
        );
    }
}

/// Whether the prose of a translation holds more `**` than its bold spans use: delimiters
/// Markdown did not read, as next to punctuation on the wrong side (`**平台：**看到`, where
/// the closing `**` follows `：` and precedes a letter).
fn unread_bold(text: &str, analysis: &Inline) -> bool {
    if !text.contains("**") {
        return false;
    }
    // The parser splits prose at each delimiter: adjacent ranges are one run of text.
    let mut written = 0;
    let mut run: Option<std::ops::Range<usize>> = None;
    for range in &analysis.prose {
        run = match run {
            Some(open) if open.end == range.start => Some(open.start..range.end),
            Some(done) => {
                written += text[done].matches("**").count();
                Some(range.clone())
            }
            None => Some(range.clone()),
        };
    }
    written += run.map_or(0, |r| text[r].matches("**").count());
    written > 2 * analysis.strong.len()
}
