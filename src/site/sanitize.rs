//! The allowlist every page body passes through before it is written: the pages' raw HTML
//! is kept where it is document markup (tables, anchors, images, line breaks) and dropped
//! where it could run code (`<script>`, `on*` handlers, `javascript:` links, styles).

use std::collections::HashSet;
use std::sync::OnceLock;

/// The elements a page body may hold besides ammonia's defaults: embedded videos
/// (`[!VIDEO]`; ammonia keeps a `src` only with a scheme that cannot run code) and the
/// rows of DocFX's column layout.
const TAGS: &[&str] = &["iframe", "section"];

/// The attributes on top of ammonia's defaults that rendering writes.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("iframe", &["src", "title", "allowfullscreen", "loading"]),
    ("a", &["href", "name", "title", "id"]),
    ("span", &["tabindex", "data-source", "role"]),
    ("div", &["role", "data-moniker", "data-pivot"]),
    ("code", &["class"]),
    ("img", &["src", "alt", "title", "width", "height"]),
    ("th", &["align", "colspan", "rowspan", "style"]),
    ("td", &["align", "colspan", "rowspan", "style"]),
    ("ol", &["start"]),
];

/// Attributes allowed on every element.
const GENERIC_ATTRIBUTES: &[&str] = &["class", "id", "lang", "dir", "title"];

/// The one CSS property kept (pulldown-cmark writes table column alignment with it).
const STYLE_PROPERTIES: &[&str] = &["text-align"];

fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder.add_tags(TAGS.iter().copied());
        for (tag, attributes) in TAG_ATTRIBUTES {
            builder.add_tag_attributes(tag, attributes.iter().copied());
        }
        builder
            .add_generic_attributes(GENERIC_ATTRIBUTES.iter().copied())
            .filter_style_properties(STYLE_PROPERTIES.iter().copied().collect::<HashSet<_>>())
            // Links inside the site need no `rel`; ammonia would add `noopener noreferrer`.
            .link_rel(None);
        builder
    })
}

/// `html` with everything outside the allowlist removed; text stays escaped.
pub fn clean(html: &str) -> String {
    builder().clean(html).to_string()
}

/// How much looking through open elements [`clean`] may do on one page, counted as the
/// depth at each start tag: at most about a tenth of a second of its parser's time. Pages
/// nest a few dozen elements deep; this allows a page of 3,000 nested ones.
const MAX_NESTING_WORK: u64 = 5_000_000;

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements that a start tag of the same name closes when one is open (`<li>` after `<li>`).
const CLOSED_BY_NEXT: &[&str] = &["dd", "dt", "li", "option", "p", "td", "th", "tr"];

/// Whether `html` nests elements so deep that [`clean`] would take too long over it: for
/// each start tag, the HTML parser looks through the elements left open (whether a `<p>`
/// is open, to close it), so HTML that opens many and closes none (`<div>` on every line
/// of a large page) takes time that grows with the square of its length. The depth is
/// estimated from the tags outside comments, ignoring the parser's repairs other than a
/// `<li>` closing the one before.
pub fn nests_too_deep(html: &str) -> bool {
    let mut open: rustc_hash::FxHashMap<String, u64> = rustc_hash::FxHashMap::default();
    let mut lowercase = String::new();
    let (mut depth, mut work) = (0u64, 0u64);
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'<', &html.as_bytes()[from..]) {
        let at = from + found;
        from = at + 1;
        if html[at..].starts_with("<!--") {
            from = html[at..]
                .find("-->")
                .map_or(html.len(), |end| at + end + 3);
            continue;
        }
        let tag = crate::html::tag_name(&html[at..]);
        let Some((closing, name)) =
            tag.filter(|(_, n)| n.starts_with(|c: char| c.is_ascii_alphabetic()))
        else {
            continue;
        };
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            lowercase.clear();
            lowercase.extend(name.chars().map(|c| c.to_ascii_lowercase()));
            lowercase.as_str()
        } else {
            name
        };
        if !closing && VOID.contains(&name) {
            continue;
        }
        let count = match open.get_mut(name) {
            Some(count) => count,
            None if closing => continue, // closes nothing: the parser ignores it
            None => open.entry(name.to_owned()).or_default(),
        };
        match (closing, *count) {
            (true, 0) => {}
            (true, _) => {
                *count -= 1;
                depth -= 1;
            }
            (false, n) if n > 0 && CLOSED_BY_NEXT.contains(&name) => {}
            (false, _) => {
                *count += 1;
                depth += 1;
                work += depth;
                if work > MAX_NESTING_WORK {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether `html` is one tag (`<domain>`, `</domain>`) that the allowlist does not keep and
/// whose content it would keep, or should: ammonia removes an element named like an SVG or
/// MathML one (`<domain>`, `<path>`, `<image>`) with everything inside it, where a browser
/// shows the text of an unknown element. Placeholders written that way in prose are common.
pub fn is_unlisted_tag(html: &str) -> bool {
    static TAGS: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    let (allowed, emptied) =
        TAGS.get_or_init(|| (builder().clone_tags(), builder().clone_clean_content_tags()));
    let html = html.trim_end();
    let Some((_, name)) = crate::html::tag_name(html) else {
        return false;
    };
    // One whole tag, its name starting with a letter.
    let one_tag = html.ends_with('>') && !html[1..html.len() - 1].contains(['<', '>']);
    if !one_tag || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let name = name.to_ascii_lowercase();
    !allowed.contains(name.as_str()) && !emptied.contains(name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_too_deep_is_counted_from_the_tags_left_open() {
        // 3,000 open `<div>`s: depth 1 + 2 + … + 3,000 = 4.5 million, within the bound.
        assert!(!nests_too_deep(&"<div>\n".repeat(3_000)));
        assert!(nests_too_deep(&"<div>\n".repeat(3_200)));
        assert!(nests_too_deep(&"<UL><li>x\n".repeat(3_200)));
        // An end tag that closes nothing is ignored, as the parser ignores it.
        assert!(nests_too_deep(&"<div></span>".repeat(3_200)));
        // Closed elements, empty ones and those the next one closes add no depth.
        assert!(!nests_too_deep(&"<div><p>x</p></DIV>".repeat(100_000)));
        assert!(!nests_too_deep(&"<br><img src=x><hr/>".repeat(100_000)));
        assert!(!nests_too_deep(&format!(
            "<ul>{}</ul>",
            "<li>x".repeat(100_000)
        )));
        // Text and comments are not tags.
        assert!(!nests_too_deep(
            &"a < b <!-- <div> --> 3<4 ".repeat(100_000)
        ));
    }

    #[test]
    fn placeholders_named_like_svg_or_mathml_elements_are_unlisted_tags() {
        assert!(is_unlisted_tag("<domain>"));
        assert!(is_unlisted_tag("</path>"));
        assert!(is_unlisted_tag("<tenant-name>"));
        assert!(!is_unlisted_tag("<br/>"));
        assert!(!is_unlisted_tag("<b>"));
        assert!(!is_unlisted_tag("<script>"));
        assert!(!is_unlisted_tag("<!-- x -->"));
        assert!(!is_unlisted_tag("<a href=\"x\">"));
        // The element's text stays: ammonia would drop it.
        assert_eq!(clean("<p>a <domain> b.</p>"), "<p>a </p>");
    }
}
