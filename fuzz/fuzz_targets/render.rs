//! The HTML renderer of `locdoc build` never fails, and what it writes, after the
//! sanitizer where the page has raw HTML, holds no script a browser would run.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use locdoc::i18n::Localizer;
use locdoc::site::render::{render_page, Context};
use locdoc::Page;

/// Attributes whose value a browser loads or navigates to.
const URL_ATTRIBUTES: &[&str] =
    &["href", "src", "action", "formaction", "poster", "background", "cite", "data", "xlink:href"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = locdoc::text::decode(data.to_vec()) else { return };
    // A root that does not exist: includes are reported, never read from the machine.
    let root = Path::new("/nonexistent-locdoc-fuzz");
    let page = Page::parse(root.join("fr-FR/page.md"), text);
    let xrefs = |uid: &str| {
        (uid.len() < 8).then(|| locdoc::site::render::XrefTarget {
            href: format!("{uid}.html"),
            title: uid.to_owned(),
        })
    };
    let context = Context { root, xrefs: &xrefs, localizer: Localizer::english() };
    let rendered = render_page(&page, &context);
    let html = if rendered.raw_html {
        locdoc::site::sanitize::clean(&rendered.html)
    } else {
        rendered.html
    };
    // Parsed as a browser would: no script element, no event handler, no script URL.
    let document = scraper::Html::parse_fragment(&html);
    for node in document.tree.nodes() {
        let Some(element) = node.value().as_element() else { continue };
        assert_ne!(element.name(), "script", "script element in {html}");
        for (name, value) in element.attrs() {
            assert!(!name.to_ascii_lowercase().starts_with("on"), "handler {name} in {html}");
            // Only attributes a browser follows as URLs; an `id` may read `javascript:x`.
            if !URL_ATTRIBUTES.contains(&name.to_ascii_lowercase().as_str()) {
                continue;
            }
            let value: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            assert!(
                !value.to_ascii_lowercase().starts_with("javascript:"),
                "script URL in {html}"
            );
        }
    }
});
