//! Every rule on any page: no panic, and every finding points inside the page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use locdoc::check::check_page;
use locdoc::rules::RULES;
use locdoc::Page;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = locdoc::text::decode(data.to_vec()) else { return };
    let page = Page::parse("fuzz/fr-FR/page.md", text);
    for finding in check_page(&page, RULES) {
        assert!(finding.offset + finding.len <= page.text().len());
        assert!(page.text().is_char_boundary(finding.offset));
        assert_eq!(finding.line, page.position(finding.offset).line);
    }
});
