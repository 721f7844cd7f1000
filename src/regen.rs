//! Regenerating clean pages from the model: the translated page as the publisher makes
//! it, and the English page the translation was made from.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use crate::diag::{Diagnostic, DiagnosticKind};
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

/// Writes the clean page for `side` into `out`. Returns what the page could not be given
/// (for [`Side::Source`], front matter values left in the translation).
pub fn render(page: &Page, side: Side, out: &mut String) -> Vec<Diagnostic> {
    out.reserve(page.text().len());
    match side {
        Side::Translation => {
            out.push_str(&page.prelude_with(|s| &s.translation));
            render_translation_body(page, out, &mut NoMarks);
            Vec::new()
        }
        Side::Source => {
            let translated = write_source_prelude(page, out);
            let anchors = anchors(page, true).all();
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
            translated
        }
    }
}

/// Hooks around each segment's text in the clean translated page, for outputs that must
/// know where segments are once the page is Markdown again (the site's hover spans).
pub trait SegmentMarks {
    /// Called before the text of segment `index` (in page order) is written, once the
    /// publisher's white space rules have been applied, so a mark never changes them.
    fn open(&mut self, index: usize, out: &mut String);
    /// Called after the text of segment `index` is written.
    fn close(&mut self, index: usize, out: &mut String);
    /// Called where the page's bytes resume at `page_offset` after an edit of the
    /// publisher's (an anchor moved), `out` being the output's length there.
    fn resync(&mut self, _out: usize, _page_offset: usize) {}
}

/// No marks: the publisher's page.
struct NoMarks;

impl SegmentMarks for NoMarks {
    fn open(&mut self, _: usize, _: &mut String) {}
    fn close(&mut self, _: usize, _: &mut String) {}
}

/// Writes the body of the clean translated page (no front matter) into `out`, calling
/// `marks` around each segment's text. With marks that write nothing, this is the body
/// [`render`] writes for [`Side::Translation`].
pub fn render_translation_body(page: &Page, out: &mut String, marks: &mut dyn SegmentMarks) {
    let mut quirks = PublisherQuirks::default();
    let mut edits = anchors(page, false).heading_moves().peekable();
    let mut index = 0;
    for piece in page.pieces() {
        match piece {
            Piece::Skeleton(range) => {
                let mut at = range.start;
                while let Some(edit) = edits.next_if(|e| e.range.start < range.end) {
                    quirks.push_skeleton(&page.text()[at..edit.range.start.max(at)], out);
                    quirks.push_skeleton(&edit.with, out);
                    at = edit.range.end.clamp(at, range.end);
                    marks.resync(out.len(), at);
                }
                quirks.push_skeleton(&page.text()[at..range.end], out);
            }
            Piece::Segment(segment) => {
                // An anchor moved to where a heading's text starts, before its segment.
                while let Some(edit) = edits.next_if(|e| e.range.start <= segment.range.start) {
                    quirks.push_skeleton(&edit.with, out);
                }
                let source = &page.text()[segment.source.clone()];
                let translation = &page.text()[segment.translation.clone()];
                quirks.push_translation(
                    translation,
                    source,
                    segment.entity_escaped,
                    out,
                    &mut |out| marks.open(index, out),
                );
                marks.close(index, out);
                index += 1;
            }
        }
    }
}

/// What the publisher does to a translation when it writes the clean page, as measured
/// against its own output (`live/` pages of the corpus).
#[derive(Debug, Default)]
struct PublisherQuirks {
    /// An entity-escaped segment was seen and its quote quirk is still to be applied.
    entity_quote_pending: bool,
    /// The quote quirk was applied; it happens once a page.
    entity_quote_done: bool,
}

impl PublisherQuirks {
    fn push_skeleton(&mut self, text: &str, out: &mut String) {
        self.push_text(text, out);
    }

    fn push_translation(
        &mut self,
        translation: &str,
        source: &str,
        entity_escaped: bool,
        out: &mut String,
        open: &mut dyn FnMut(&mut String),
    ) {
        // A translation that starts a line or a table cell loses the white space the MT
        // added before it (the source has none); inside a list item or a sentence it stays.
        let source_starts_blank = source.starts_with(char::is_whitespace);
        let translation = if !source_starts_blank && at_block_start(out) {
            translation.trim_start_matches([' ', '\t'])
        } else {
            translation
        };
        let unescaped = unescape_asterisks(translation);
        let translation = if same_inline_markup(translation, &unescaped) {
            &unescaped
        } else {
            translation
        };
        open(out);
        self.push_text(translation, out);
        if entity_escaped && !self.entity_quote_done {
            self.entity_quote_pending = true;
        }
    }

    /// Where a page has entity-escaped span markup, the MT pipeline escaped the quotes of
    /// a whole stretch of the page; the publisher's page has the first of those quotes
    /// outside the markup back as `"`.
    fn push_text(&mut self, text: &str, out: &mut String) {
        if self.entity_quote_pending {
            if let Some(at) = text.find("&quot;") {
                out.push_str(&text[..at]);
                out.push('"');
                out.push_str(&text[at + "&quot;".len()..]);
                self.entity_quote_pending = false;
                self.entity_quote_done = true;
                return;
            }
        }
        out.push_str(text);
    }
}

/// Whether the output so far ends at the start of a line or of a table cell.
fn at_block_start(out: &str) -> bool {
    match out.trim_end_matches([' ', '\t']).chars().next_back() {
        None | Some('\n' | '\r' | '|') => true,
        Some(_) => false,
    }
}

/// The sxs writer escapes every literal `*` of a translation as `\*`; the publisher writes
/// each as the English author did, which the sxs page does not record. Authors escape a
/// lone `*` between spaces (`a \* b`) and leave the others bare, so those are unescaped.
/// Backslash escapes are read as pairs, so `\\*` (a backslash, then emphasis) is kept.
pub fn unescape_asterisks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\*") {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' || i + 1 >= bytes.len() {
            i += 1;
            continue;
        }
        if bytes[i + 1] != b'*' {
            // Some other escape pair (`\\`, `\<`): skip both characters.
            i += 2;
            continue;
        }
        let run_start = i;
        while i + 1 < bytes.len() && bytes[i] == b'\\' && bytes[i + 1] == b'*' {
            i += 2;
        }
        let before = text[..run_start].chars().next_back();
        let after = text[i..].chars().next();
        let lone_between_spaces = i - run_start == 2
            && before.is_some_and(char::is_whitespace)
            && after.is_some_and(char::is_whitespace);
        if !lone_between_spaces {
            out.push_str(&text[copied..run_start]);
            out.extend(std::iter::repeat_n('*', (i - run_start) / 2));
            copied = i;
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Whether two versions of a text read as the same Markdown: the same structure and the
/// same text once adjacent text events are joined. An author writes a bare `*` only where
/// it reads as a literal `*`, so an unescaping that makes emphasis is not what they wrote.
fn same_inline_markup(a: &str, b: &str) -> bool {
    if a.len() == b.len() {
        return a == b;
    }
    markup_shape(a) == markup_shape(b)
}

fn markup_shape(text: &str) -> Vec<Event<'static>> {
    // A segment is inline text inside a block: a leading word keeps `* x` from reading
    // as a list item.
    let inline = format!("a {text}");
    let mut shape: Vec<Event<'static>> = Vec::new();
    for event in markdown::parser(&inline).map(Event::into_static) {
        match (event, shape.last_mut()) {
            (Event::Text(more), Some(Event::Text(text))) => {
                *text = format!("{text}{more}").into();
            }
            (event, _) => shape.push(event),
        }
    }
    shape
}

/// The front matter without the keys localization added, and with a translated `title`
/// or `description` put back in English where a segment of the page has the same
/// translation (the title is usually the first heading).
fn write_source_prelude(page: &Page, out: &mut String) -> Vec<Diagnostic> {
    let prelude = page.prelude_with(|s| &s.source);
    let Some(fm) = page.front_matter() else {
        out.push_str(&prelude);
        return Vec::new();
    };
    // Front matter segments change the YAML's length by the same amount before and after
    // it: its end moves by the sum, its start not at all.
    let yaml_end = fm.yaml.end + prelude.len() - page.prelude().len();
    let yaml = &prelude[fm.yaml.start..yaml_end];
    let mut kept = String::with_capacity(yaml.len());
    let mut at = 0;
    for line in frontmatter::top_level_key_lines(yaml, LOCALIZATION_KEYS) {
        kept.push_str(&yaml[at..line.start]);
        at = line.end;
    }
    kept.push_str(&yaml[at..]);
    let meta = page.meta();
    let mut translated = Vec::new();
    for (key, value) in [("title", &meta.title), ("description", &meta.description)] {
        let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let original = &page.text()[fm.yaml.clone()];
        let line = frontmatter::top_level_key_lines(original, &[key])
            .first()
            .map(|l| fm.yaml.start + l.start..fm.yaml.start + l.end);
        // A value made of segments is English already.
        let segmented = line.as_ref().is_some_and(|line| {
            page.front_matter_segments()
                .any(|s| line.contains(&s.segment.range.start))
        });
        if segmented {
            continue;
        }
        let replaced = english_of(page, value.trim())
            .and_then(|english| replace_scalar(&kept, key, value, &english));
        match replaced {
            Some(yaml) => kept = yaml,
            None => {
                let offset = line.map_or(fm.yaml.start, |l| l.start);
                translated.push(Diagnostic {
                    kind: DiagnosticKind::TranslatedFrontMatter,
                    offset,
                    position: page.position(offset),
                    message: crate::msg!("diag-front-matter-translated", key = key),
                });
            }
        }
    }
    out.push_str(&prelude[..fm.yaml.start]);
    out.push_str(&kept);
    out.push_str(&prelude[yaml_end..]);
    translated
}

/// The English of a front matter value: the source of a segment whose translation it is,
/// also where the value adds a site name after `|` (`Titre | Microsoft Docs`).
fn english_of(page: &Page, value: &str) -> Option<String> {
    let source_of = |text: &str| {
        page.segments()
            .find(|s| s.translation().trim() == text)
            .map(|s| s.source().trim().to_owned())
    };
    source_of(value).or_else(|| {
        let head = value.rsplit_once('|')?.0.trim_end();
        Some(format!("{}{}", source_of(head)?, &value[head.len()..]))
    })
}

/// Replaces the value of a one-line `key: value` entry written as `value`, `"value"` or
/// `'value'`, keeping its quotes (and adding double quotes where `new` needs them); none
/// where the entry is written otherwise.
fn replace_scalar(yaml: &str, key: &str, value: &str, new: &str) -> Option<String> {
    for range in frontmatter::top_level_key_lines(yaml, &[key]) {
        let line = &yaml[range.clone()];
        let body = line.trim_end_matches(['\r', '\n']);
        let Some(rest) = body.strip_prefix(key) else {
            continue;
        };
        let rest = rest.trim_start_matches([' ', '\t']);
        let Some(raw) = rest.strip_prefix(':') else {
            continue;
        };
        let written = raw.trim();
        let double_quoted = || format!("\"{}\"", new.replace('\\', "\\\\").replace('"', "\\\""));
        let replacement = if written == value && is_plain_scalar(new) {
            new.to_owned()
        } else if written == value || written == format!("\"{value}\"") {
            double_quoted()
        } else if written == format!("'{}'", value.replace('\'', "''")) {
            format!("'{}'", new.replace('\'', "''"))
        } else {
            continue;
        };
        let value_at =
            range.start + (body.len() - raw.len()) + (raw.len() - raw.trim_start().len());
        return Some(format!(
            "{}{}{}",
            &yaml[..value_at],
            replacement,
            &yaml[value_at + written.len()..]
        ));
    }
    None
}

/// Whether text can stand as a YAML plain scalar on one line without quoting.
fn is_plain_scalar(text: &str) -> bool {
    !text.is_empty()
        && !text.contains(['\n', '\r', '#'])
        && !text.contains(": ")
        && !text.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
            '`',
        ])
}

/// The anchors localization added to a page's headings.
#[derive(Debug, Default)]
struct Anchors {
    /// `<a name="…"></a>` at the start of a heading, as byte ranges of the page.
    named: Vec<Range<usize>>,
    /// `<a id="…" class="xliff"></a>` lines of older pages under a heading.
    xliff: Vec<XliffAnchor>,
}

/// An `<a id="…" class="xliff"></a>` line under a heading.
#[derive(Debug)]
struct XliffAnchor {
    /// The anchor with its line ending, where it is alone on its line.
    range: Range<usize>,
    /// Its `id`.
    id: String,
    /// Where the text of the heading above it starts, where there is one right above.
    heading_text: Option<usize>,
}

/// A replacement of a page's bytes: `range` by `with`.
struct Edit {
    range: Range<usize>,
    with: String,
}

impl Anchors {
    /// Every anchor, in page order, for the English page, which has none of them.
    fn all(&self) -> Vec<Range<usize>> {
        let mut all = self.named.clone();
        all.extend(self.xliff.iter().map(|a| a.range.clone()));
        all.sort_by_key(|r| r.start);
        all
    }

    /// What the publisher does with the xliff anchors of older pages: each goes to the
    /// start of its heading's text as `<a name="…"></a>` (Intune pt-BR 2017), in page order.
    fn heading_moves(self) -> impl Iterator<Item = Edit> {
        self.xliff.into_iter().flat_map(|anchor| {
            let heading = anchor.heading_text.map(|at| Edit {
                range: at..at,
                with: format!("<a name=\"{}\"></a>", anchor.id),
            });
            let line = Edit {
                range: anchor.range,
                with: String::new(),
            };
            heading.into_iter().chain(Some(line))
        })
    }
}

/// The anchors localization added to the headings of `page`; without `named`, only the
/// xliff ones are wanted, and a page that has none is not parsed.
fn anchors(page: &Page, named: bool) -> Anchors {
    let start = page.prelude().len();
    let body = &page.text()[start..];
    let mut anchors = Anchors::default();
    if !named && memchr::memmem::find(body.as_bytes(), b"xliff").is_none() {
        return anchors;
    }
    let mut events = markdown::parser(body).into_offset_iter().peekable();
    // The last heading: where it ends and where its text starts.
    let mut heading: Option<(usize, Option<usize>)> = None;
    while let Some((event, range)) = events.next() {
        if let Event::InlineHtml(open) = &event {
            let close = match events.peek() {
                Some((Event::InlineHtml(close), close_range)) if is_xliff_anchor(open) => {
                    let closes = close.trim().eq_ignore_ascii_case("</a>");
                    (closes && close_range.start == range.end).then_some(close_range.end)
                }
                _ => None,
            };
            if let Some(mut end) = close {
                let line_start = body[..range.start].ends_with('\n');
                // Alone on its line: the line goes.
                if line_start {
                    let rest = &body[end..];
                    end += if rest.starts_with("\r\n") {
                        2
                    } else {
                        usize::from(rest.starts_with('\n'))
                    };
                }
                let id = crate::html::attributes(open)
                    .find(|(name, _)| name.eq_ignore_ascii_case("id"))
                    .map(|(_, value)| value.to_string());
                let under_heading = heading
                    .filter(|&(heading_end, _)| line_start && heading_end == range.start)
                    .and_then(|(_, text)| text);
                anchors.xliff.push(XliffAnchor {
                    range: start + range.start..start + end,
                    heading_text: under_heading.filter(|_| id.is_some()).map(|at| start + at),
                    id: id.unwrap_or_default(),
                });
            }
            continue;
        }
        if !matches!(event, Event::Start(Tag::Heading { .. })) {
            continue;
        }
        let first = events.peek().map(|(_, r)| r.start);
        heading = Some((range.end, first));
        let Some((Event::InlineHtml(open), open_range)) =
            events.next_if(|(e, _)| matches!(e, Event::InlineHtml(_)))
        else {
            continue;
        };
        if !is_named_anchor(&open) {
            continue;
        }
        if let Some((Event::InlineHtml(close), close_range)) = events.peek() {
            if close.trim().eq_ignore_ascii_case("</a>") && close_range.start == open_range.end {
                anchors
                    .named
                    .push(start + open_range.start..start + close_range.end);
            }
        }
    }
    anchors
}

/// Whether `html` opens the anchor the older pipeline wrote under headings:
/// `<a id="…" class="xliff">`.
fn is_xliff_anchor(html: &str) -> bool {
    is_named_anchor(html)
        && crate::html::attributes(html)
            .any(|(name, value)| name.eq_ignore_ascii_case("class") && value == "xliff")
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

    const PAGE: &str = "---\ntitle: Entrée\nms.contentlocale: fr-FR\nms.locfileid: \"1\"\n---\n# <a name=\"input\"></a><span data-ttu-id=\"a-1\">Entrée</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Input</span></span>\n\nVoir <a name=\"keep\"></a>[<span data-ttu-id=\"a-2\">lien</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">link</span></span>](x.md)\n";

    fn render_str(side: Side) -> String {
        let page = Page::parse("fr-FR/p.md", PAGE.into());
        let mut out = String::new();
        render(&page, side, &mut out);
        out
    }

    /// The shape of Intune pt-BR `deploy-apps-in-microsoft-intune.md` (2017), whose
    /// published clean page the expected texts follow: segments in the front matter, one
    /// inside a double-quoted scalar, and xliff anchors under the headings.
    const OLDER_PAGE: &str = "---\ntitle: <span data-ttu-id=\"c9-101\">Implantar</span><span class=\"sxs-lookup\"><span data-stu-id=\"c9-101\">Deploy</span></span>\ndescription: \"<span data-ttu-id=\\\"c9-102\\\">Use \\\"isto\\\".</span><span class=\\\"sxs-lookup\\\"><span data-stu-id=\\\"c9-102\\\">Use \\\"this\\\".</span></span>\"\nms.contentlocale: pt-BR\n---\n# <span data-ttu-id=\"c9-103\">Implantar</span><span class=\"sxs-lookup\"><span data-stu-id=\"c9-103\">Deploy</span></span>\n<a id=\"deploy\" class=\"xliff\"></a>\n\n## Plano\n<a id=\"plan\" class=\"xliff\"></a>\n<span data-ttu-id=\"c9-104\">Texto.</span><span class=\"sxs-lookup\"><span data-stu-id=\"c9-104\">Text.</span></span>\n";

    #[test]
    fn older_pages_get_their_front_matter_translated_and_anchors_moved_into_headings() {
        let page = Page::parse("pt-BR/p.md", OLDER_PAGE.into());
        assert_eq!(page.meta().title.as_deref(), Some("Implantar"));
        assert_eq!(page.meta().description.as_deref(), Some("Use \"isto\"."));
        let mut out = String::new();
        render(&page, Side::Translation, &mut out);
        assert_eq!(
            out,
            "---\ntitle: Implantar\ndescription: \"Use \\\"isto\\\".\"\nms.contentlocale: pt-BR\n---\n# <a name=\"deploy\"></a>Implantar\n\n## <a name=\"plan\"></a>Plano\nTexto.\n"
        );
        let mut out = String::new();
        let notes = render(&page, Side::Source, &mut out);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            out,
            "---\ntitle: Deploy\ndescription: \"Use \\\"this\\\".\"\n---\n# Deploy\n\n## Plano\nText.\n"
        );
    }

    #[test]
    fn english_page_drops_the_xliff_anchor_lines_of_older_pages() {
        // Intune de-DE app-protection-enabled-apps-ios.md (2017): the anchor goes on the line
        // under the heading.
        let text = "---\ntitle: t\n---\n##  <span data-ttu-id=\"a-1\">Apps</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Accessing apps</span></span>\n<a id=\"accessing-apps\" class=\"xliff\"></a>\n\nSee <a id=\"keep\"></a>here.\n";
        let page = Page::parse("de-DE/p.md", text.into());
        let mut out = String::new();
        render(&page, Side::Source, &mut out);
        assert_eq!(
            out,
            "---\ntitle: t\n---\n##  Accessing apps\n\nSee <a id=\"keep\"></a>here.\n"
        );
    }

    #[test]
    fn translated_page_keeps_skeleton_and_front_matter() {
        assert_eq!(
            render_str(Side::Translation),
            "---\ntitle: Entrée\nms.contentlocale: fr-FR\nms.locfileid: \"1\"\n---\n# <a name=\"input\"></a>Entrée\n\nVoir <a name=\"keep\"></a>[lien](x.md)\n"
        );
    }

    #[test]
    fn asterisk_escapes_follow_the_authors_habit() {
        assert_eq!(unescape_asterisks("Alles weergeven\\*"), "Alles weergeven*");
        assert_eq!(
            unescape_asterisks("Selecteer \\*\\*\\*\\* onder"),
            "Selecteer **** onder"
        );
        assert_eq!(unescape_asterisks("aantal \\* duur"), "aantal \\* duur");
        assert_eq!(unescape_asterisks("**DC1\\\\**<x>"), "**DC1\\\\**<x>");
        assert_eq!(
            unescape_asterisks("\\<tenant\\> \\*.com"),
            "\\<tenant\\> *.com"
        );
        // Unescaping that would make emphasis is not what the author wrote.
        assert!(!same_inline_markup("(**\\*\\*\\***)", "(*****)"));
        assert!(same_inline_markup("Alles weergeven\\*", "Alles weergeven*"));
        assert!(same_inline_markup("\\* displaycatalog", "* displaycatalog"));
    }

    #[test]
    fn leading_space_goes_at_line_or_cell_start_only() {
        let seg = |t: &str| {
            format!("<span data-ttu-id=\"a-1\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">S</span></span>")
        };
        for (before, want) in [("| ", "| x"), ("", "x"), ("- ", "-  x")] {
            let page = Page::parse("p.md", format!("{before}{}", seg(" x")));
            let mut out = String::new();
            render(&page, Side::Translation, &mut out);
            assert_eq!(out, want, "after {before:?}");
        }
    }

    #[test]
    fn english_page_drops_heading_anchors_and_localization_keys() {
        assert_eq!(
            render_str(Side::Source),
            "---\ntitle: Input\n---\n# Input\n\nVoir <a name=\"keep\"></a>[link](x.md)\n"
        );
    }

    #[test]
    fn english_front_matter_keeps_its_quotes_and_site_name_and_reports_what_stays() {
        let seg = |id: &str, t: &str, s: &str| {
            format!("<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>")
        };
        let text = format!(
            "---\ntitle: \"Entrée | Microsoft Docs\"\ndescription: 'L''entrée'\nms.topic: x\n---\n# {}\n\n{}\n",
            seg("a-1", "Entrée", "Input"),
            seg("a-2", "L'entrée", "The \"input\"")
        );
        let page = Page::parse("fr-FR/p.md", text);
        let mut out = String::new();
        assert!(render(&page, Side::Source, &mut out).is_empty());
        assert!(out.starts_with(
            "---\ntitle: \"Input | Microsoft Docs\"\ndescription: 'The \"input\"'\nms.topic: x\n---\n"
        ));

        // No segment gives the description's English: it stays, and the page says so.
        let text = format!(
            "---\ntitle: Entrée\ndescription: Une page\n---\n# {}\n",
            seg("a-1", "Entrée", "Input: a \"page\"")
        );
        let page = Page::parse("fr-FR/p.md", text);
        let mut out = String::new();
        let unrendered = render(&page, Side::Source, &mut out);
        // An English title that is no plain scalar gets quotes.
        assert_eq!(
            out,
            "---\ntitle: \"Input: a \\\"page\\\"\"\ndescription: Une page\n---\n# Input: a \"page\"\n"
        );
        let found: Vec<_> = unrendered
            .iter()
            .map(|d| (d.kind, d.position.line, d.position.column))
            .collect();
        assert_eq!(found, [(DiagnosticKind::TranslatedFrontMatter, 3, 1)]);
    }
}
