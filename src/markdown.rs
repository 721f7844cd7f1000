//! The one place that builds the Markdown parser, with the options locdoc reads pages with.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// The CommonMark extensions these docs use: tables, strikethrough, footnotes,
/// heading attributes off (DocFX writes `{#id}` rarely and anchors as `<a name>`).
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// A parser over `text` with locdoc's options; use `into_offset_iter` for positions.
pub fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}

/// A parser for rendering pages as the publisher shows them: locdoc's options plus the
/// alert blockquotes (`> [!NOTE]`), which the checks do not need.
pub fn site_parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options() | Options::ENABLE_GFM)
}

/// The byte ranges of the code blocks and code spans of a page whose body starts at
/// `body`, in order, a code span inside a block left out: text page rules do not look at.
pub fn code_ranges(text: &str, body: usize) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = parser(&text[body..])
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)))
        .map(|(_, range)| body + range.start..body + range.end)
        .collect();
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    ranges.dedup_by(|inner, outer| inner.end <= outer.end);
    ranges
}

/// The id the publisher derives from a heading's text.
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_publisher() {
        assert_eq!(slug("nIterations : Int"), "niterations--int");
        assert_eq!(
            slug("Step 1: Add the new UPN suffix"),
            "step-1-add-the-new-upn-suffix"
        );
    }
}
