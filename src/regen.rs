//! Regenerating clean pages from the model: the translated page as the publisher makes
//! it, and the English page the translation was made from.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::frontmatter::{self, LOCALIZATION_KEYS};
use crate::markdown;
use crate::page::Page;
use crate::sxs::Piece;

/// Which text of each segment a regenerated page carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The translation: the clean localized page.
    #[default]
    Translation,
    /// The English source, with the localization's own additions removed.
    Source,
}

/// Writes the clean page for `side` into `out`.
pub fn render(page: &Page, side: Side, out: &mut String) {
    out.reserve(page.text().len());
    match side {
        Side::Translation => {
            out.push_str(page.prelude());
            for piece in page.pieces() {
                match piece {
                    Piece::Skeleton(range) => out.push_str(&page.text()[range.clone()]),
                    Piece::Segment(segment) => {
                        out.push_str(&page.text()[segment.translation.clone()]);
                    }
                }
            }
        }
        Side::Source => {
            write_source_prelude(page, out);
            let anchors = localization_anchors(page);
            let mut anchors = anchors.iter().peekable();
            for piece in page.pieces() {
                match piece {
                    Piece::Skeleton(range) => {
                        let mut at = range.start;
                        while let Some(anchor) = anchors.next_if(|a| a.start < range.end) {
                            out.push_str(&page.text()[at..anchor.start.max(at)]);
                            at = anchor.end.min(range.end);
                        }
                        out.push_str(&page.text()[at..range.end]);
                    }
                    Piece::Segment(segment) => out.push_str(&page.text()[segment.source.clone()]),
                }
            }
        }
    }
}

/// The front matter without the keys localization added.
fn write_source_prelude(page: &Page, out: &mut String) {
    let prelude = page.prelude();
    let Some(fm) = page.front_matter() else {
        out.push_str(prelude);
        return;
    };
    let yaml = &page.text()[fm.yaml.clone()];
    let mut at = 0;
    out.push_str(&prelude[..fm.yaml.start]);
    for line in frontmatter::top_level_key_lines(yaml, LOCALIZATION_KEYS) {
        out.push_str(&yaml[at..line.start]);
        at = line.end;
    }
    out.push_str(&yaml[at..]);
    out.push_str(&prelude[fm.yaml.end..]);
}

/// The `<a name="…"></a>` anchors localization puts at the start of each heading,
/// as byte ranges of the page, in order.
fn localization_anchors(page: &Page) -> Vec<Range<usize>> {
    let start = page.prelude().len();
    let body = &page.text()[start..];
    let mut anchors = Vec::new();
    let mut events = markdown::parser(body).into_offset_iter().peekable();
    while let Some((event, _)) = events.next() {
        if !matches!(event, Event::Start(Tag::Heading { .. })) {
            continue;
        }
        let Some((Event::InlineHtml(open), open_range)) = events.next() else {
            continue;
        };
        if !is_named_anchor(&open) {
            continue;
        }
        if let Some((Event::InlineHtml(close), close_range)) = events.peek() {
            if close.trim().eq_ignore_ascii_case("</a>") && close_range.start == open_range.end {
                anchors.push(start + open_range.start..start + close_range.end);
            }
        }
    }
    anchors
}

fn is_named_anchor(html: &str) -> bool {
    let Some(rest) = html.strip_prefix("<a") else {
        return false;
    };
    let rest = rest.trim_start();
    (rest.starts_with("name=") || rest.starts_with("id=")) && html.ends_with('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\ntitle: Titre\nms.contentlocale: fr-FR\nms.locfileid: \"1\"\n---\n# <a name=\"input\"></a><span data-ttu-id=\"a-1\">Entrée</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Input</span></span>\n\nVoir <a name=\"keep\"></a>[<span data-ttu-id=\"a-2\">lien</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">link</span></span>](x.md)\n";

    fn render_str(side: Side) -> String {
        let page = Page::parse("fr-FR/p.md", PAGE.into());
        let mut out = String::new();
        render(&page, side, &mut out);
        out
    }

    #[test]
    fn translated_page_keeps_skeleton_and_front_matter() {
        assert_eq!(
            render_str(Side::Translation),
            "---\ntitle: Titre\nms.contentlocale: fr-FR\nms.locfileid: \"1\"\n---\n# <a name=\"input\"></a>Entrée\n\nVoir <a name=\"keep\"></a>[lien](x.md)\n"
        );
    }

    #[test]
    fn english_page_drops_heading_anchors_and_localization_keys() {
        assert_eq!(
            render_str(Side::Source),
            "---\ntitle: Titre\n---\n# Input\n\nVoir <a name=\"keep\"></a>[link](x.md)\n"
        );
    }
}
