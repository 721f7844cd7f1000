//! DocFX's block extensions besides alerts and includes, as the publisher renders them:
//!
//! - `> [!div class="nextstepaction"]` opens a `<div>` of those classes in place of the
//!   block quote;
//! - `[!VIDEO https://…]`, alone in a paragraph (or in a block quote of its own), embeds
//!   the video;
//! - `:::image type="content" source="…" alt-text="…":::` is an image (`lightbox` links
//!   it to its full-size file); a complex image's long description, up to
//!   `:::image-end:::`, follows it hidden from view and named by `aria-describedby`;
//! - `:::code language="xml" source="…" range="3-9":::` alone in a paragraph shows that
//!   file (or those lines of it) as a code block; the renderer reads it, confined to the
//!   content folder like an include; so does the older `[!code-xml[name](path#L3-L9)]`,
//!   which may also name a region of the file (`#name`). Several such lines one after
//!   another (one paragraph) show one code block each.
//!
//! Inline, `:::no-loc text="Blazor":::` (and the older `:::no-loc(Blazor):::`), which
//! marks words the translation keeps, is those words.
//!
//! Anything that does not have exactly these shapes stays as the parser read it, so the
//! reader sees the text.

use std::borrow::Cow;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;

use super::render::{
    escape_html, safe_url, strip_prefix_ignore_case, without_marks, CodeFile, Item,
};
use crate::i18n::Localizer;

/// Text with each `:::no-loc text="words":::` or `:::no-loc(words):::` replaced by its words.
pub fn unwrap_no_loc(text: &str) -> Cow<'_, str> {
    const OPEN: &str = ":::no-loc";
    if !text.contains(OPEN) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Once no `):::` follows, none will for a later mark either: not looking again keeps
    // a text of many unclosed marks linear.
    let mut closes = true;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let paren = after.strip_prefix('(').filter(|_| closes).and_then(|a| {
            let found = a.split_once("):::");
            closes = found.is_some();
            found
        });
        let words = paren
            .or_else(|| {
                let quoted = after.trim_start().strip_prefix("text=\"")?;
                let (words, tail) = quoted.split_once('"')?;
                Some((words, tail.trim_start().strip_prefix(":::")?))
            })
            .filter(|(words, _)| !words.contains('\n'));
        match words {
            Some((words, tail)) => {
                out.push_str(words);
                rest = tail;
            }
            None => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a page's Markdown may hold one of these blocks: pages without any skip the
/// pass over their events.
pub(super) fn may_have_blocks(text: &str) -> bool {
    text.contains(":::")
        || text.match_indices("[!").any(|(at, _)| {
            let name = &text.as_bytes()[at + 2..];
            [&b"div"[..], b"video", b"code-"].iter().any(|n| {
                name.get(..n.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(n))
            })
        })
}

/// Rewrites the DocFX blocks of `items` (the page's events once includes are found).
pub(super) fn blocks<'a>(items: Vec<Item<'a>>, localizer: &Localizer) -> Vec<Item<'a>> {
    let mut items: Vec<Option<Item<'a>>> = items.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(items.len());
    // For each open plain block quote: whether it became a `<div>`.
    let mut quotes: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let at = |k: usize| event_at(&items, k);
        match at(i) {
            Some(Event::Start(Tag::BlockQuote(None))) => {
                if let (Some(html), Some(Event::End(TagEnd::BlockQuote(None)))) =
                    (video_paragraph(&items, i + 1, localizer), at(i + 4))
                {
                    // A block quote holding only a video is the video.
                    out.push(Item::Html(html));
                    i += 5;
                    continue;
                }
                if let (Some(Event::Start(Tag::Paragraph)), Some(Event::Text(text))) =
                    (at(i + 1), at(i + 2))
                {
                    // `[!div …]` on its own line with the paragraph going on below it, or
                    // as a paragraph of its own.
                    let paragraph_goes_on = match at(i + 3) {
                        Some(Event::SoftBreak) => Some(true),
                        Some(Event::End(TagEnd::Paragraph)) => Some(false),
                        _ => None,
                    };
                    if let (Some(classes), Some(goes_on)) = (div_classes(text), paragraph_goes_on) {
                        out.push(Item::Html(format!("<div class=\"{classes}\">\n")));
                        if goes_on {
                            out.extend(items[i + 1].take());
                        }
                        quotes.push(true);
                        i += 4;
                        continue;
                    }
                }
                quotes.push(false);
            }
            Some(Event::End(TagEnd::BlockQuote(None))) => {
                let was_div = quotes.pop() == Some(true);
                if was_div {
                    out.push(Item::Html("</div>\n".to_owned()));
                    i += 1;
                    continue;
                }
            }
            Some(Event::Start(Tag::Paragraph)) => {
                if let Some(html) = video_paragraph(&items, i, localizer) {
                    out.push(Item::Html(html));
                    i += 3;
                    continue;
                }
                if let Some((files, len)) = code_paragraph(&items, i) {
                    out.extend(files.into_iter().map(|(code, at)| Item::Code(code, at)));
                    i += len;
                    continue;
                }
                if let Some(complex) = complex_image(&items, i) {
                    // The long description, hidden but read out, after the image.
                    let id = format!("longdesc-{}", offset_at(&items, i + 1));
                    let img = complex.html.replacen(
                        "<img ",
                        &format!("<img aria-describedby=\"{id}\" "),
                        1,
                    );
                    out.push(Item::Html(format!(
                        "<p>{img}</p>\n<div class=\"visually-hidden\" id=\"{id}\"><p>"
                    )));
                    for item in &mut items[complex.description.clone()] {
                        out.extend(item.take());
                    }
                    out.push(Item::Html("</p></div>\n".to_owned()));
                    i = complex.end + 1;
                    continue;
                }
                if let Some((html, len)) = image_paragraph(&items, i) {
                    out.push(Item::Html(html));
                    i += len;
                    continue;
                }
            }
            Some(Event::SoftBreak) if quotes.last() == Some(&true) => {
                // Another `[!div …]` line in the same quote: the next div starts there.
                if let Some(classes) = match at(i + 1) {
                    Some(Event::Text(text)) => div_classes(text),
                    _ => None,
                } {
                    let offset = offset_at(&items, i);
                    out.push(Item::Event(Event::End(TagEnd::Paragraph), offset));
                    out.push(Item::Html(format!("</div>\n<div class=\"{classes}\">\n")));
                    out.push(Item::Event(Event::Start(Tag::Paragraph), offset));
                    i += if matches!(at(i + 2), Some(Event::SoftBreak)) {
                        3
                    } else {
                        2
                    };
                    continue;
                }
            }
            Some(Event::Text(text)) => {
                if let Some(split) = inline_images(text, offset_at(&items, i)) {
                    out.extend(split);
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        out.extend(items[i].take());
        i += 1;
    }
    out
}

/// Whether a page's Markdown may hold DocFX tabs (`# [Title](#tab/id)`).
pub(super) fn may_have_tabs(text: &str) -> bool {
    text.contains("(#tab/")
}

/// DocFX tabs: a heading that is only a link to `#tab/id` starts a tab, whose content runs
/// to the next tab heading; the group ends at a `---` line (which is not drawn), at a
/// heading of the tabs' level or above, or at the end of the page. Each tab is a section
/// with its title; the site's script shows one at a time.
pub(super) fn tabs(items: Vec<Item<'_>>) -> Vec<Item<'_>> {
    let mut items: Vec<Option<Item<'_>>> = items.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(items.len() + 8);
    // The heading level of the open group, and how deep in block quotes and lists we are.
    let mut group: Option<pulldown_cmark::HeadingLevel> = None;
    let mut depth = 0usize;
    let close = "</section>\n</div>\n";
    let mut i = 0;
    while i < items.len() {
        match event_at(&items, i) {
            Some(Event::Start(Tag::Heading { level, .. })) if depth == 0 => {
                let level = *level;
                if let Some(tab) = tab_heading(&items, i) {
                    match group {
                        Some(_) => out.push(Item::Html("</section>\n".to_owned())),
                        None => {
                            out.push(Item::Html("<div class=\"tabs\">\n".to_owned()));
                            group = Some(level);
                        }
                    }
                    let mut open = String::from("<section class=\"tab\" data-tab=\"");
                    escape_html(&tab.id, &mut open);
                    open.push_str("\">\n<p class=\"tab-title\">");
                    out.push(Item::Html(open));
                    // The title: what the heading holds, without the link around it.
                    let title = items[i + 1..tab.end].iter_mut().enumerate();
                    for (k, item) in title.map(|(k, item)| (i + 1 + k, item)) {
                        if k != tab.link.start && k != tab.link.end {
                            out.extend(item.take());
                        }
                    }
                    out.push(Item::Html("</p>\n".to_owned()));
                    i = tab.end + 1;
                    continue;
                }
                if group.is_some_and(|open| level <= open) {
                    out.push(Item::Html(close.to_owned()));
                    group = None;
                }
            }
            Some(Event::Rule) if depth == 0 && group.is_some() => {
                out.push(Item::Html(close.to_owned()));
                group = None;
                i += 1;
                continue;
            }
            Some(Event::Start(Tag::BlockQuote(_) | Tag::List(_))) => depth += 1,
            Some(Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_))) => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
        out.extend(items[i].take());
        i += 1;
    }
    if group.is_some() {
        out.push(Item::Html(close.to_owned()));
    }
    out
}

/// A tab heading: its tab id, the items of its link's start and end, and its end.
struct TabHeading {
    id: String,
    link: std::ops::Range<usize>,
    end: usize,
}

/// The tab heading starting at `i` (a heading start), where the heading holds only a link
/// to `#tab/id`, with anchors (`<a name>`) or white space around it.
fn tab_heading(items: &[Option<Item<'_>>], i: usize) -> Option<TabHeading> {
    let mut k = i + 1;
    let mut link: Option<(usize, String)> = None;
    let mut link_end = None;
    loop {
        let event = event_at(items, k)?;
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Start(Tag::Link { dest_url, .. }) if link.is_none() => {
                let id = strip_prefix_ignore_case(dest_url, "#tab/")?;
                link = Some((k, id.to_owned()));
            }
            Event::End(TagEnd::Link) if link.is_some() && link_end.is_none() => {
                link_end = Some(k);
            }
            // Inside the link: its text, however marked.
            _ if link.is_some() && link_end.is_none() => {}
            Event::InlineHtml(_) | Event::Html(_) => {}
            Event::Text(text) if text.trim().is_empty() => {}
            _ => return None,
        }
        k += 1;
    }
    let (start, id) = link?;
    Some(TabHeading {
        id,
        link: start..link_end?,
        end: k,
    })
}

/// The event at `k`, if the item there is an event.
fn event_at<'i, 'a>(items: &'i [Option<Item<'a>>], k: usize) -> Option<&'i Event<'a>> {
    match items.get(k)? {
        Some(Item::Event(event, _)) => Some(event),
        _ => None,
    }
}

/// The page offset of the item at `k`, where it is an event.
fn offset_at(items: &[Option<Item<'_>>], k: usize) -> usize {
    match items.get(k) {
        Some(Some(Item::Event(_, offset))) => *offset,
        _ => 0,
    }
}

/// The text of a paragraph at `i` made of one text and nothing else.
fn lone_text<'i>(items: &'i [Option<Item<'_>>], i: usize) -> Option<&'i str> {
    match (
        event_at(items, i),
        event_at(items, i + 1),
        event_at(items, i + 2),
    ) {
        (
            Some(Event::Start(Tag::Paragraph)),
            Some(Event::Text(text)),
            Some(Event::End(TagEnd::Paragraph)),
        ) => Some(text),
        _ => None,
    }
}

/// The attributes of a `:::name …:::` line (any case for the name), if it is one.
fn directive<'t>(line: &'t str, name: &str) -> Option<&'t str> {
    let body = line.trim().strip_prefix(":::")?.strip_suffix(":::")?;
    let head = body.get(..name.len())?;
    let rest = &body[name.len()..];
    (head.eq_ignore_ascii_case(name) && rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// The alt text of a `:::image …:::` line, as written (Markdown).
pub(super) fn image_alt(line: &str) -> Option<String> {
    let body = directive(line, "image")?;
    let alt = attributes(body).find(|(key, _)| key == "alt-text")?.1;
    Some(without_marks(alt))
}

/// The classes of a `[!div class="…"]` line, as safe class names.
fn div_classes(text: &str) -> Option<String> {
    static DIV: OnceLock<Regex> = OnceLock::new();
    let div = DIV.get_or_init(|| {
        Regex::new(r#"(?i)^\s*\[!div\s+class\s*=\s*"([^"]*)"\s*\]\s*$"#).expect("valid regex")
    });
    let value = div.captures(text)?.get(1)?.as_str();
    let classes: Vec<&str> = value
        .split_whitespace()
        .filter(|c| {
            c.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        })
        .collect();
    (!classes.is_empty()).then(|| classes.join(" "))
}

/// The embedded video of a paragraph at `i` that is only `[!VIDEO url]` with an http(s)
/// URL.
fn video_paragraph(items: &[Option<Item<'_>>], i: usize, localizer: &Localizer) -> Option<String> {
    static VIDEO: OnceLock<Regex> = OnceLock::new();
    let video = VIDEO.get_or_init(|| {
        Regex::new(r"(?i)^\s*\[!VIDEO\s+(https?://[^\s\]]+)\s*\]\s*$").expect("valid regex")
    });
    let text = lone_text(items, i)?;
    let url = video.captures(text)?.get(1)?.as_str();
    let mut html = String::from("<div class=\"embeddedvideo\"><iframe src=\"");
    escape_html(url, &mut html);
    html.push_str("\" title=\"");
    escape_html(&localizer.text("site-video", &[]), &mut html);
    html.push_str("\" allowfullscreen loading=\"lazy\"></iframe></div>\n");
    Some(html)
}

/// The images of a paragraph at `i` made only of `:::image …:::` lines (and
/// `:::image-end:::`), and how many items it spans.
fn image_paragraph(items: &[Option<Item<'_>>], i: usize) -> Option<(String, usize)> {
    let at = |k: usize| event_at(items, k);
    let mut html = String::new();
    let mut k = i + 1;
    loop {
        match at(k)? {
            Event::Text(line) => {
                image(line, &mut html)?;
                html.push('\n');
            }
            Event::SoftBreak => {}
            Event::End(TagEnd::Paragraph) if k > i + 1 => return Some((html, k + 1 - i)),
            _ => return None,
        }
        k += 1;
    }
}

/// A complex image: a paragraph that opens with a `:::image type="complex" …:::` line and
/// ends with a `:::image-end:::` line, its long description in between.
struct ComplexImage {
    /// The image.
    html: String,
    /// The items of the long description.
    description: std::ops::Range<usize>,
    /// The paragraph's end.
    end: usize,
}

fn complex_image(items: &[Option<Item<'_>>], i: usize) -> Option<ComplexImage> {
    let at = |k: usize| event_at(items, k);
    let (Some(Event::Start(Tag::Paragraph)), Some(Event::Text(first)), Some(Event::SoftBreak)) =
        (at(i), at(i + 1), at(i + 2))
    else {
        return None;
    };
    // The line may be a segment of its own: its marks go with it.
    let first = without_marks(first);
    let body = directive(&first, "image")?;
    if !attributes(body).any(|(key, value)| key == "type" && value.eq_ignore_ascii_case("complex"))
    {
        return None;
    }
    let mut html = String::new();
    image(&first, &mut html)?;
    // The paragraph's end, right after the `:::image-end:::` line.
    let mut k = i + 3;
    while !matches!(at(k), Some(Event::End(TagEnd::Paragraph))) {
        items.get(k)?;
        k += 1;
    }
    match (at(k - 1), at(k - 2)) {
        (Some(Event::Text(last)), Some(Event::SoftBreak))
            if without_marks(last)
                .trim()
                .eq_ignore_ascii_case(":::image-end:::") =>
        {
            Some(ComplexImage {
                html,
                description: i + 3..k - 2,
                end: k,
            })
        }
        _ => None,
    }
}

/// The `key="value"` attributes of a directive.
fn attributes(body: &str) -> impl Iterator<Item = (String, &str)> {
    static ATTRIBUTE: OnceLock<Regex> = OnceLock::new();
    let attribute = ATTRIBUTE.get_or_init(|| {
        Regex::new(r#"([A-Za-z][A-Za-z0-9-]*)\s*=\s*"([^"]*)""#).expect("valid regex")
    });
    attribute.captures_iter(body).filter_map(|found| {
        let (Some(key), Some(value)) = (found.get(1), found.get(2)) else {
            return None;
        };
        Some((key.as_str().to_ascii_lowercase(), value.as_str()))
    })
}

/// The code files of a paragraph at `i` made only of code lines, `:::code …:::` or
/// `[!code-…]`, one or more (a file's parts shown one after the other), each with its page
/// offset; and how many items the paragraph spans.
fn code_paragraph(items: &[Option<Item<'_>>], i: usize) -> Option<(Vec<(CodeFile, usize)>, usize)> {
    if !matches!(event_at(items, i), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    let mut files = Vec::new();
    let mut k = i + 1;
    loop {
        let (code, len) = match event_at(items, k)? {
            Event::Text(text) => match code_line(text) {
                Some(code) => (code, 1),
                None => snippet_line(items, k)?,
            },
            _ => return None,
        };
        files.push((code, offset_at(items, k)));
        k += len;
        match event_at(items, k)? {
            Event::SoftBreak => k += 1,
            Event::End(TagEnd::Paragraph) => return Some((files, k + 1 - i)),
            _ => return None,
        }
    }
}

/// The code file of a `:::code …:::` line with a source.
fn code_line(line: &str) -> Option<CodeFile> {
    let body = directive(line, "code")?;
    let mut code = CodeFile::default();
    for (key, value) in attributes(body) {
        match key.as_str() {
            "source" => code.source = value.to_owned(),
            // A class name: letters, digits and `-+#` only.
            "language" => {
                code.language = value
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#'))
                    .collect()
            }
            "range" => code.range = Some(value.to_owned()),
            _ => {}
        }
    }
    (!code.source.is_empty()).then_some(code)
}

/// The code file of an older code snippet starting at item `i` of a paragraph,
/// `[!code-csharp[name](path#L3-L9 "title")]`, and how many items it spans. The path may
/// select lines (`#L3-L9`, `?range=1-3,7`, `?start=3&end=9`) or a region (`#name`,
/// `?name=name`).
fn snippet_line(items: &[Option<Item<'_>>], i: usize) -> Option<(CodeFile, usize)> {
    let at = |k: usize| event_at(items, k);
    let Some(Event::Text(open)) = at(i) else {
        return None;
    };
    let language = strip_prefix_ignore_case(open.trim_start(), "[!code-")?;
    if !language
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'#'))
    {
        return None;
    }
    let Some(Event::Start(Tag::Link { dest_url, .. })) = at(i + 1) else {
        return None;
    };
    // The link's text (the snippet's name) up to its end, then the closing bracket at the
    // end of the line.
    let mut k = i + 2;
    while !matches!(at(k)?, Event::End(TagEnd::Link)) {
        k += 1;
    }
    match at(k + 1) {
        Some(Event::Text(close)) if close.trim() == "]" => {}
        _ => return None,
    }
    let (path, selector) = match dest_url.find(['?', '#']) {
        Some(at) => (&dest_url[..at], &dest_url[at..]),
        None => (&dest_url[..], ""),
    };
    let mut code = CodeFile {
        source: path.to_owned(),
        language: language.to_owned(),
        ..CodeFile::default()
    };
    if let Some(fragment) = selector.strip_prefix('#') {
        // `#L3-L9` or `#L3`: lines; anything else names a region.
        let lines = fragment
            .strip_prefix('L')
            .map(|l| l.replace("-L", "-"))
            .filter(|l| l.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        match lines {
            Some(lines) if !lines.is_empty() => code.range = Some(lines),
            _ => code.region = Some(fragment.to_owned()),
        }
    } else if let Some(query) = selector.strip_prefix('?') {
        let (mut start, mut end) = (None, None);
        for (key, value) in query.split('&').filter_map(|p| p.split_once('=')) {
            match key.to_ascii_lowercase().as_str() {
                "range" => code.range = Some(value.to_owned()),
                "name" => code.region = Some(value.to_owned()),
                "start" => start = Some(value),
                "end" => end = Some(value),
                _ => {}
            }
        }
        if let Some(start) = start {
            code.range = Some(format!("{start}-{}", end.unwrap_or("")));
        }
    }
    (!code.source.is_empty()).then_some((code, k + 2 - i))
}

/// Writes the image of one `:::image …:::` line; `None` if the line is not one.
fn image(line: &str, html: &mut String) -> Option<()> {
    let line = line.trim();
    if line.eq_ignore_ascii_case(":::image-end:::") {
        return Some(());
    }
    let body = directive(line, "image")?;
    let mut source = None;
    let mut alt = String::new();
    let mut lightbox = None;
    let mut icon = false;
    for (key, value) in attributes(body) {
        match key.as_str() {
            "source" => source = Some(value.to_owned()),
            "alt-text" => alt = without_marks(value),
            "lightbox" => lightbox = Some(value.to_owned()),
            "type" => icon = value.eq_ignore_ascii_case("icon"),
            _ => {}
        }
    }
    let source = source.filter(|s| safe_url(s))?;
    let lightbox = lightbox.filter(|l| safe_url(l));
    if let Some(link) = &lightbox {
        html.push_str("<a href=\"");
        escape_html(link, html);
        html.push_str("\">");
    }
    html.push_str("<img src=\"");
    escape_html(&source, html);
    html.push_str("\" alt=\"");
    if !icon {
        escape_html(&alt, html);
    }
    html.push_str("\">");
    if lightbox.is_some() {
        html.push_str("</a>");
    }
    Some(())
}

/// Splits a text holding `:::image …:::` directives (icons in a sentence, an image on a
/// list item's continuation line) into text and images. `None` when it holds none.
fn inline_images<'a>(text: &str, offset: usize) -> Option<Vec<Item<'a>>> {
    const OPEN: &str = ":::image";
    let mut at = text.find(OPEN)?;
    let mut items = Vec::new();
    let mut rest_start = 0;
    loop {
        let body = at + OPEN.len();
        let Some(end) = text[body..].find(":::").map(|e| body + e + 3) else {
            break;
        };
        let mut html = String::new();
        if image(&text[at..end], &mut html).is_some() {
            if rest_start < at {
                items.push(Item::Event(
                    Event::Text(text[rest_start..at].to_owned().into()),
                    offset,
                ));
            }
            items.push(Item::Html(html));
            rest_start = end;
        }
        match text[end..].find(OPEN) {
            Some(next) => at = end + next,
            None => break,
        }
    }
    if items.is_empty() {
        return None;
    }
    if rest_start < text.len() {
        items.push(Item::Event(
            Event::Text(text[rest_start..].to_owned().into()),
            offset,
        ));
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_lines_become_images_and_other_lines_do_not() {
        let mut html = String::new();
        image(
            r#":::image type="content" source="../media/a b.png" alt-text="Un &quot;écran&quot; <b>" lightbox="../media/big.png":::"#,
            &mut html,
        )
        .unwrap();
        assert_eq!(
            html,
            "<a href=\"../media/big.png\"><img src=\"../media/a b.png\" alt=\"Un &amp;quot;écran&amp;quot; &lt;b&gt;\"></a>"
        );
        let mut html = String::new();
        image(
            r#":::image type="icon" source="i.svg" border="false":::"#,
            &mut html,
        )
        .unwrap();
        assert_eq!(html, "<img src=\"i.svg\" alt=\"\">");
        for line in [
            ":::image source=\"javascript:alert(1)\":::",
            ":::image alt-text=\"no source\":::",
            ":::imagery source=\"a.png\"",
            "text :::image source=\"a.png\":::",
        ] {
            assert!(image(line, &mut String::new()).is_none(), "{line}");
        }
    }

    #[test]
    fn icons_in_a_sentence_split_the_text() {
        let items = inline_images(
            r#"Kies :::image type="icon" source="a.png"::: of :::image source="javascript:x"::: hier."#,
            7,
        )
        .unwrap();
        let parts: Vec<String> = items
            .iter()
            .map(|item| match item {
                Item::Event(Event::Text(t), 7) => format!("text {t}"),
                Item::Html(html) => format!("html {html}"),
                _ => "other".to_owned(),
            })
            .collect();
        assert_eq!(
            parts,
            [
                "text Kies ",
                "html <img src=\"a.png\" alt=\"\">",
                r#"text  of :::image source="javascript:x"::: hier."#,
            ]
        );
        assert!(inline_images("no images :::", 0).is_none());
    }

    #[test]
    fn div_classes_are_kept_only_when_safe() {
        assert_eq!(
            div_classes(r#"[!div class="nextstepaction"]"#).as_deref(),
            Some("nextstepaction")
        );
        assert_eq!(
            div_classes(r#" [!DIV class="a b" ] "#).as_deref(),
            Some("a b")
        );
        assert_eq!(
            div_classes(r#"[!div class="x&quot; onclick=y"]"#).as_deref(),
            None
        );
        assert_eq!(div_classes(r#"[!div class="a"] and text"#), None);
    }

    #[test]
    fn no_loc_marks_are_their_words() {
        assert_eq!(
            unwrap_no_loc(":::no-loc(Let's Encrypt)::: est une autorité"),
            "Let's Encrypt est une autorité"
        );
        assert_eq!(
            unwrap_no_loc("Use :::no-loc text=\"Azure Cosmos DB\"::: and :::no-loc(Blazor):::."),
            "Use Azure Cosmos DB and Blazor."
        );
        // Not a mark: kept as written.
        assert_eq!(unwrap_no_loc(":::no-loc( x"), ":::no-loc( x");
        assert_eq!(unwrap_no_loc("a :::no-loc:::"), "a :::no-loc:::");
    }
}
