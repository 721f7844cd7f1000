//! The one place that builds the Markdown parser, with the options locdoc reads pages with.

use pulldown_cmark::{Options, Parser};

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
