//! `link-destination`: link, image and bare URL destinations must survive translation.

use std::sync::LazyLock;

use regex::Regex;

use super::{compare_changed, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;

/// Link, image and autolink destinations and bare URLs: the same multiset on both sides.
pub struct LinkDestination;

impl Rule for LinkDestination {
    fn id(&self) -> &'static str {
        "link-destination"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a link, image or URL of the source is missing or changed in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the destinations of links (`[text](url)`), images (`![alt](src)`), autolinks
(`<https://…>`) and bare URLs of the source with those of the translation, as multisets.
Link text and alt text may change; destinations may not. A locale folder in a URL path
(`/en-us/`) may be kept or changed to any other locale (`/fr-fr/`): both are correct, so
locale path segments compare equal. `xref:` destinations are checked by `xref`.

## Why it matters
Machine translation breaks URLs: it adds spaces (`https:// contoso .com`), translates path
words, or drops a link whose text it rewrote. The reader then lands nowhere.

## Example
Source: `Read [the guide](https://learn.microsoft.com/en-us/guide).`
Translation: `Lisez [le guide](https://learn.microsoft.com/fr-fr/guide).` is fine;
`Lisez le guide.` is reported: the destination is missing."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        compare_changed(
            out,
            &s.source.links,
            &s.translation.links,
            ItemKind::LinkDestination,
            |url| LOCALE_SEGMENT.replace_all(url, "/{locale}/"),
        );
    }
}

/// A locale folder in a URL path: `/en-us/`, `/fr-FR/`, `/zh-hant-tw/`.
static LOCALE_SEGMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)/[a-z]{2,3}(?:-[a-z0-9]{2,8}){1,2}/").expect("valid regex"));
