//! `tool-markup`: no markup of the translation tools is left in a page.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Findings, PageContext, Rule};
use crate::diag::Severity;
use crate::markdown;

/// XLIFF inline tags and machine-translation placeholders left in the text of a page.
pub struct ToolMarkup;

impl Rule for ToolMarkup {
    fn id(&self) -> &'static str {
        "tool-markup"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "markup of the translation tools left in the page: XLIFF inline tags (`<bpt id=…>`), placeholders (`{1>…<1}`)"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports what the translation tools use to carry Markdown through translation and should have
turned back into it: XLIFF inline tags (`<bpt id=\"p1\">`, `<ept id=\"p1\">`, `<ph>`, `<it>`,
`<bx>`, `<ex>`) and the numbered placeholders of machine translation (`{1>…<1}`, also with
`&gt;` and `&lt;`). Each tag or placeholder mark is reported where it is, in segments and
in the skeleton alike; code blocks and code spans are not looked at (pages about XLIFF
show such tags).

## Why it matters
The reader sees the tags as text, or nothing where a browser drops an unknown tag, and the
link, bold or image they stood for is gone: `<bpt id=\"p1\">[</bpt>Partner Center<ept
id=\"p1\">](https://…)</ept>` is no link.

## Example
`Zie {1&gt;{2&gt;Requisitos&lt;2}&lt;1}` is reported at `{1&gt;`, `{2&gt;`, `&lt;2}` and
`&lt;1}`."
    }
    fn check_page(&self, page: &PageContext<'_>, out: &mut Findings<'_>) {
        let text = page.page.text();
        let body = page.page.prelude().len();
        let marks: Vec<Range<usize>> = TOOL_MARKUP
            .find_iter(&text[body..])
            .map(|m| body + m.start()..body + m.end())
            .collect();
        if marks.is_empty() {
            return;
        }
        let code = markdown::code_ranges(text, body);
        let mut in_code = code.iter().peekable();
        for mark in marks {
            while in_code.next_if(|c| c.end <= mark.start).is_some() {}
            if in_code.peek().is_some_and(|c| c.start <= mark.start) {
                continue;
            }
            let written = text[mark.clone()].to_owned();
            out.at(mark, crate::msg!("finding-tool-markup", mark = written));
        }
    }
}

/// An XLIFF inline tag, open (with its `id`) or closing, or one end of a numbered
/// placeholder, its angle bracket written as is or as an entity.
static TOOL_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"<(?:bpt|ept|ph|it|bx|ex)\s[^<>]*?id=(?:&quot;|[^<>])*?/?>",
        r"|</(?:bpt|ept|ph|it)>",
        r"|\{[0-9]{1,2}(?:>|&gt;)|(?:<|&lt;)[0-9]{1,2}\}",
    ))
    .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<&str> {
        TOOL_MARKUP.find_iter(text).map(|m| m.as_str()).collect()
    }

    #[test]
    fn finds_xliff_tags_and_placeholders_only() {
        // ja-JP partner center page: a link carried by bpt/ept and never restored.
        assert_eq!(
            marks("<bpt id=\"p1\">[</bpt>パートナー センター<ept id=\"p1\">](https://x.y)</ept>"),
            ["<bpt id=\"p1\">", "</bpt>", "<ept id=\"p1\">", "</ept>"]
        );
        assert_eq!(
            marks("<ept id=&quot;p1&quot;>"),
            ["<ept id=&quot;p1&quot;>"]
        );
        // pt-BR metadata page: placeholders with entity-written brackets.
        assert_eq!(
            marks("{1&gt;{2&gt;Requisitos&lt;2}&lt;1}"),
            ["{1&gt;", "{2&gt;", "&lt;2}", "&lt;1}"]
        );
        assert_eq!(marks("{1>bold<1}"), ["{1>", "<1}"]);
        // HTML, format strings, math and comparisons are not tool markup.
        for text in [
            "<p id=\"x\">a</p> <img id=\"i\" src=\"a.png\"> <span id=\"s\">",
            "String.Format(\"{0}\", x) and {1}",
            "$\\{x<1\\}$ when a <10 and b > 2",
            "<it>",
        ] {
            assert_eq!(marks(text), Vec::<&str>::new(), "{text}");
        }
    }
}
