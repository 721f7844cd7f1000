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
