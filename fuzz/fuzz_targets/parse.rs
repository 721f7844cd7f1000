//! The page parser: any bytes decode or are refused; a page always writes back exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use locdoc::Page;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = locdoc::text::decode(data.to_vec()) else { return };
    let page = Page::parse("fuzz/fr-FR/page.md", text.clone());
    let mut out = String::new();
    page.write_sxs(&mut out);
    assert_eq!(out, text);
    for segment in page.segments() {
        assert!(segment.segment.range.end <= text.len());
        let _ = (segment.id(), segment.translation(), segment.source(), segment.position());
    }
    let _ = page.meta();
});
