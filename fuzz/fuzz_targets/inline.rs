//! Inline analysis of any text: every item's range is inside the text, on character
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use locdoc::inline::Inline;

fuzz_target!(|text: &str| {
    let inline = Inline::analyse(text);
    let all = [
        &inline.links, &inline.xrefs, &inline.code, &inline.html, &inline.strong,
        &inline.emphasis, &inline.numbers, &inline.docfx, &inline.escapes,
    ];
    for item in all.into_iter().flatten() {
        assert!(item.range.start <= item.range.end && item.range.end <= text.len(), "{item:?}");
        assert!(text.is_char_boundary(item.range.start) && text.is_char_boundary(item.range.end), "{item:?}");
    }
    for range in &inline.prose {
        assert!(range.end <= text.len() && text.is_char_boundary(range.start), "{range:?}");
    }
});
