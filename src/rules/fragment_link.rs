//! `fragment-link`: in-page links point at an anchor the page defines.

use rustc_hash::FxHashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Findings, PageContext, Rule};
use crate::diag::Severity;
use crate::markdown;
use crate::page::Page;

/// Links `(#fragment)` whose anchor no heading or `<a name>` of the page defines.
pub struct FragmentLink;

impl Rule for FragmentLink {
    fn id(&self) -> &'static str {
        "fragment-link"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "an in-page link (#fragment) points at an anchor the page does not define"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Collects the anchors a page defines: `name` and `id` attributes of its HTML (the
`<a name=\"…\">` localization puts in every heading among them) and the ids the publisher
derives from each heading's English and translated text (lowercase, punctuation removed,
spaces to hyphens). Then reports every link whose destination is `#fragment` alone and
matches none of them, ignoring case. DocFX tab links (`#tab/name`) are not anchors and are
not checked.

## Why it matters
An in-page link to a missing anchor does nothing when clicked. Translations break them when
the link target was the slug of a heading whose text changed.

## Example
`See [the steps](#configure-the-portal).` in a page with no heading or anchor
`configure-the-portal` is reported at `#configure-the-portal`."
    }
    fn check_page(&self, page: &PageContext<'_>, out: &mut Findings<'_>) {
        let p = page.page;
        if !p.text().contains("(#") {
            return; // no in-page link: no need to read the page's anchors
        }
        let (links, anchors) = links_and_anchors(p);
        for (fragment, range) in links {
            if !anchors.contains(&fragment.to_lowercase()) {
                out.at(
                    range,
                    crate::msg!("finding-fragment-link", fragment = &fragment),
                );
            }
        }
    }
}

/// The in-page links of a page (fragment, range of `#fragment`) and its anchors (lowercase).
fn links_and_anchors(page: &Page) -> (Vec<(String, Range<usize>)>, FxHashSet<String>) {
    let base = page.prelude().len();
    let body = &page.text()[base..];
    let segments: Vec<(Range<usize>, Range<usize>)> = page
        .segments()
        .map(|s| (s.segment.translation.clone(), s.segment.source.clone()))
        .collect();
    let mut links = Vec::new();
    let mut anchors = FxHashSet::default();
    let mut heading: Option<(String, String)> = None;
    for (event, range) in markdown::parser(body).into_offset_iter() {
        let range = base + range.start..base + range.end;
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                // `#tab/name` selects a DocFX tab; it is not an anchor.
                let fragment = dest_url
                    .strip_prefix('#')
                    .filter(|f| !f.is_empty() && !f.starts_with("tab/"));
                if let Some(fragment) = fragment {
                    let text = &page.text()[range.clone()];
                    let at = text.rfind(dest_url.as_ref()).map_or(range.clone(), |i| {
                        range.start + i..range.start + i + dest_url.len()
                    });
                    links.push((fragment.to_owned(), at));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                anchors.extend(crate::html::anchors(&html).map(str::to_lowercase));
            }
            Event::Start(Tag::Heading { id, .. }) => {
                if let Some(id) = id {
                    anchors.insert(id.to_lowercase());
                }
                heading = Some((String::new(), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((english, translated)) = heading.take() {
                    anchors.insert(markdown::slug(&english));
                    anchors.insert(markdown::slug(&translated));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((english, translated)) = heading.as_mut() {
                    // Heading text is skeleton, or inside a segment's translation or source.
                    let at = range.start;
                    let next = segments.partition_point(|(t, _)| t.start <= at);
                    match next.checked_sub(1).map(|i| &segments[i]) {
                        Some((t, _)) if t.contains(&at) => translated.push_str(&text),
                        Some((_, s)) if s.contains(&at) => english.push_str(&text),
                        _ => {
                            english.push_str(&text);
                            translated.push_str(&text);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    (links, anchors)
}
