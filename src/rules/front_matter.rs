//! `front-matter`: localization metadata is present, readable and names the right locale.

use super::{Findings, PageContext, Rule};
use crate::diag::Severity;
use crate::page::locale_in_path;

/// Front matter present and parseable, with `ms.contentlocale` equal to the page's locale folder.
pub struct FrontMatterRule;

impl Rule for FrontMatterRule {
    fn id(&self) -> &'static str {
        "front-matter"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "front matter is missing, not valid YAML, or its ms.contentlocale is not the page's locale folder"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Checks that a page with segments has front matter (warning; DocFX include files, in an
`includes` folder, have none by convention), that it parses as a YAML
mapping (error), that it has `ms.contentlocale` (warning), and that `ms.contentlocale` names
the locale folder the page is in (a path component such as `fr-FR`; case does not matter)
(error).

## Why it matters
The publisher reads the page's locale and translation metadata from the front matter. A
page filed under `nl-NL` that says `ms.contentlocale: fr-FR` is published in the wrong
language, or not at all.

## Example
`content/nl-NL/page.md` with `ms.contentlocale: fr-FR` is reported at that line."
    }
    fn check_page(&self, page: &PageContext<'_>, out: &mut Findings<'_>) {
        let p = page.page;
        let Some(fm) = p.front_matter() else {
            // DocFX include files (in an `includes` folder) have none by convention.
            let include = p.path().components().any(|c| c.as_os_str() == "includes");
            if !include && p.segments().next().is_some() {
                out.with_severity(
                    Severity::Warning,
                    0..0,
                    crate::msg!("finding-no-front-matter"),
                );
            }
            return;
        };
        if let Some(d) = p.front_matter_diagnostic() {
            out.at(d.offset..d.offset + 1, d.message.clone());
            return;
        }
        let Some(locale) = p.meta().content_locale.as_deref() else {
            out.with_severity(
                Severity::Warning,
                fm.range.start..fm.range.start + 3,
                crate::msg!("finding-no-content-locale"),
            );
            return;
        };
        let Some(folder) = locale_in_path(p.path()) else {
            return;
        };
        if !folder.eq_ignore_ascii_case(locale) {
            let yaml = &p.text()[fm.yaml.clone()];
            let at = yaml
                .find("ms.contentlocale")
                .map_or(fm.range.start, |i| fm.yaml.start + i);
            out.at(
                at..at + "ms.contentlocale".len(),
                crate::msg!("finding-locale-mismatch", locale = locale, folder = folder),
            );
        }
    }
}
