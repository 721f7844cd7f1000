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
