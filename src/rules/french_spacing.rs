//! `french-spacing`: French typography's spaces around `: ; ! ?` and guillemets.

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;

/// A translation into French that puts an ordinary space, or none, where French typography
/// wants a no-break space. Off unless the configuration turns it on for a locale.
pub struct FrenchSpacing;

impl Rule for FrenchSpacing {
    fn id(&self) -> &'static str {
        "french-spacing"
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn enabled_by_default(&self) -> bool {
        false
    }
    fn summary(&self) -> &'static str {
        "a French translation has an ordinary space, or none, where French typography wants a no-break space"
    }
    fn doc(&self) -> &'static str {
        "## What it does
In the prose of translations into French (locales `fr-*`), reports `:`, `;`, `!` and `?`
preceded by an ordinary space instead of a no-break space (U+00A0 or the narrow U+202F), or
by no space at all after a word, and `«` or `»` with an ordinary space inside. Code spans,
URLs and HTML are not prose. For `fr-CA`, only `:` and the guillemets are checked, as
Canadian usage puts no space before `;`, `!` and `?`.

It is off by default; turn it on for the locales whose style guide wants it:

```toml
[locale.fr-FR.rules]
french-spacing = \"on\"
```

## Why it matters
An ordinary space lets the line break before the colon, leaving it alone at the start of a
line; a missing space breaks the house style the rest of the pages follow.

## Example
`Remarque : le portail` (ordinary space) and `Remarque: le portail` are reported at the
colon; `Remarque\u{a0}: le portail` is not."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let Some(locale) = s.locale else { return };
        let language = locale.split(['-', '_']).next().unwrap_or(locale);
        if !language.eq_ignore_ascii_case("fr") {
            return;
        }
        let canadian = locale.len() > 3 && locale[3..].eq_ignore_ascii_case("CA");
        let text = s.segment.translation();
        for prose in &s.translation.prose {
            for (i, c) in text[prose.clone()].char_indices() {
                let at = prose.start + i;
                let double = match c {
                    ':' => true,
                    ';' | '!' | '?' => !canadian,
                    _ => false,
                };
                if c == ';' && ends_entity(&text[..at]) {
                    continue;
                }
                let before = text[..at].chars().next_back();
                let after = text[at + c.len_utf8()..].chars().next();
                if double {
                    match before {
                        Some(' ') => out.in_segment(
                            Side::Translation,
                            at - 1..at + 1,
                            crate::msg!("finding-french-space-plain", mark = c.to_string()),
                        ),
                        // Only after a word and before a space or the end: `10:30`,
                        // `?!` and `a:b` are not punctuation of a sentence.
                        Some(b) if b.is_alphanumeric() && after.is_none_or(char::is_whitespace) => {
                            out.in_segment(
                                Side::Translation,
                                at..at + 1,
                                crate::msg!("finding-french-space-missing", mark = c.to_string()),
                            )
                        }
                        _ => {}
                    }
                } else if (c == '«' && after == Some(' ')) || (c == '»' && before == Some(' ')) {
                    let range = if c == '«' {
                        at..at + c.len_utf8() + 1
                    } else {
                        at - 1..at + c.len_utf8()
                    };
                    out.in_segment(
                        Side::Translation,
                        range,
                        crate::msg!("finding-french-guillemet", mark = c.to_string()),
                    );
                }
            }
        }
    }
}

/// Whether `text` ends with the name of a character reference (`&nbsp`, `&#160`), so that
/// the `;` after it is the reference's end, not punctuation.
fn ends_entity(text: &str) -> bool {
    let name = text.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
    name.ends_with('&') && name.len() < text.len()
}
