//! `escape-entity`: character entities and Markdown escapes survive translation.

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;
use crate::inline::{self, Item};

/// Backslash escapes (`\*`, `\<`) and entities of markup characters (`&lt;`): the same on
/// both sides.
pub struct EscapeEntity;

impl Rule for EscapeEntity {
    fn id(&self) -> &'static str {
        "escape-entity"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the translation added or lost a Markdown escape or an entity of a markup character"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the Markdown backslash escapes (`\\*`, `\\<`, `\\_`) and the character entities
of markup characters (`&lt;`, `&#42;`) outside code spans of the source and the translation,
as written. Repeats of one escape are one finding with a count. An escape the translation
lost is reported where its character now stands bare (as markup) in the translation; one
that went with its character is most often junk of the source the translation dropped.
Entities of other characters (`&mdash;`, `&#39;`, `&nbsp;`, `&amp;`) are text the
translation may write as the character itself or phrase away, and are not compared.

## Why it matters
A lost escape turns a literal `*` or `<tenant>` into markup: text disappears or turns
italic. An added entity shows up as `&amp;` on the page.

## Example
Source: `https://\\<tenant\\>.sharepoint.com`
Translation: `https://<tenant>.sharepoint.com` is reported twice: `<tenant>` now reads as
an HTML tag and disappears."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let compared = |items: &[Item]| -> Vec<Item> {
            items
                .iter()
                .filter(|item| escaped_char(&item.value).is_some())
                .cloned()
                .collect()
        };
        let (source, translation) = (
            compared(&s.source.escapes),
            compared(&s.translation.escapes),
        );
        // A lost escape matters where its character now stands bare in the translation and
        // reads as markup. One that went with its character is usually junk of the source
        // (`\*\*\*\*Title\*\*\*\*`, a stray `` \` ``) that the translation dropped.
        let mut missing = inline::missing(&source, &translation, inline::same);
        missing.retain(|item| {
            escaped_char(&item.value).is_some_and(|c| {
                bare(s.segment.translation(), &s.translation.code, c)
                    > bare(s.segment.source(), &s.source.code, c)
            })
        });
        let added = inline::missing(&translation, &source, inline::same);
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

/// The markup character an escape (`\\*`) or entity (`&lt;`, `&#42;`) writes as text;
/// none for an entity of another character (`&mdash;`, `&#39;`, `&nbsp;`, `&amp;`): the
/// translation may write that character itself or phrase it away.
fn escaped_char(escape: &str) -> Option<char> {
    let Some(entity) = escape.strip_prefix('&') else {
        return escape.strip_prefix('\\')?.chars().next();
    };
    let name = entity.trim_end_matches(';');
    let code = match name.strip_prefix('#') {
        Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
        Some(decimal) => decimal.parse().ok(),
        None => MARKUP_ENTITIES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| u32::from(*c)),
    };
    code.and_then(char::from_u32)
        .filter(|c| "<>*_`[]\\|#".contains(*c))
}

/// How many times `c` stands bare in `text`: not escaped, not in a code span (`code` is
/// in text order).
fn bare(text: &str, code: &[Item], c: char) -> usize {
    text.match_indices(c)
        .filter(|(at, _)| {
            let backslashes = text[..*at]
                .bytes()
                .rev()
                .take_while(|&b| b == b'\\')
                .count();
            let span = code.partition_point(|span| span.range.end <= *at);
            let in_code = code.get(span).is_some_and(|span| span.range.contains(at));
            backslashes % 2 == 0 && !in_code
        })
        .count()
}

/// Named entities of the characters [`escaped_char`] looks for.
const MARKUP_ENTITIES: &[(&str, u8)] = &[
    ("lt", b'<'),
    ("LT", b'<'),
    ("gt", b'>'),
    ("GT", b'>'),
    ("ast", b'*'),
    ("midast", b'*'),
    ("lowbar", b'_'),
    ("UnderBar", b'_'),
    ("grave", b'`'),
    ("DiacriticalGrave", b'`'),
    ("lsqb", b'['),
    ("lbrack", b'['),
    ("rsqb", b']'),
    ("rbrack", b']'),
    ("bsol", b'\\'),
    ("vert", b'|'),
    ("verbar", b'|'),
    ("VerticalLine", b'|'),
    ("num", b'#'),
];
