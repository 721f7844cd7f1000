//! Regeneration of both sides never fails, and the translated page keeps every
//! translation's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use locdoc::regen::{render, Side};
use locdoc::Page;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = locdoc::text::decode(data.to_vec()) else { return };
    let page = Page::parse("fuzz/nl-NL/page.md", text);
    let mut translated = String::new();
    render(&page, Side::Translation, &mut translated);
    // Letters and digits survive; the publisher's quirks only touch white space, `\\`
    // before `*`, and one `&quot;`.
    let letters = |t: &str| -> String { t.replace("&quot;", "").chars().filter(|c| c.is_alphanumeric()).collect() };
    let out = letters(&translated);
    for segment in page.segments() {
        assert!(out.contains(&letters(segment.translation())), "translation of {} lost", segment.id());
    }
    let mut english = String::new();
    render(&page, Side::Source, &mut english);
});
