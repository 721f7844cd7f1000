//! `escape-entity`: character entities and Markdown escapes survive translation.

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;
use crate::inline::{self, Item};

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
Repeats of one escape are one finding with a count.

## Why it matters
A lost escape turns a literal `*` or `<tenant>` into markup: text disappears or turns
italic. An added entity shows up as `&amp;` on the page.

## Example
Source: `https://\\<tenant\\>.sharepoint.com`
Translation: `https://<tenant>.sharepoint.com` is reported twice: `<tenant>` now reads as
an HTML tag and disappears."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let (source, translation) = (&s.source.escapes, &s.translation.escapes);
        let missing = inline::missing(source, translation, inline::same);
        let added = inline::missing(translation, source, inline::same);
        report_grouped(out, Side::Source, &missing, |count, value| {
            crate::msg!("finding-escape-missing", count = count, value = value)
        });
        report_grouped(out, Side::Translation, &added, |count, value| {
            crate::msg!("finding-escape-added", count = count, value = value)
        });
    }
}

/// One finding per escape or entity, at its first place, with how many there are: a run
/// such as `\*\*\*\*` is one problem.
fn report_grouped(
    out: &mut Findings<'_>,
    side: Side,
    items: &[&Item],
    message: impl Fn(usize, &str) -> crate::i18n::Message,
) {
    let mut seen: Vec<(&str, usize, &Item)> = Vec::new();
    for item in items {
        match seen.iter_mut().find(|(value, _, _)| *value == item.value) {
            Some((_, count, _)) => *count += 1,
            None => seen.push((&item.value, 1, item)),
        }
    }
    for (value, count, first) in seen {
        out.in_segment(side, first.range.clone(), message(count, value));
    }
}
