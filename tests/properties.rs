//! Properties over generated pages: parsing then writing back is the identity, regen
//! never loses translated text, and every finding's line, column and span point inside the
//! file, at whole characters.

use locdoc::check::check_page;
use locdoc::regen::{render, Side};
use locdoc::rules::RULES;
use locdoc::Page;
use proptest::prelude::*;

/// Skeleton and broken markup: Markdown, stray span tags, entities, line endings.
fn skeleton() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,:*_`#>|\\[\\]()-]{0,20}",
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("<span>".to_owned()),
        Just("</span>".to_owned()),
        Just("<span data-ttu-id=\"x-1\">".to_owned()),
        Just("<span class=\"sxs-lookup\">".to_owned()),
        Just("<span data-stu-id=\"x-1\">".to_owned()),
        Just("&quot;".to_owned()),
        Just("é’«\u{a0}»".to_owned()),
        Just("標題：量子".to_owned()),
        Just("---\n".to_owned()),
    ]
}

/// A well-formed segment whose translation is letters, digits and spaces; its tags
/// sometimes have white space between them, as reformatted markup does.
fn segment() -> impl Strategy<Value = (String, String, String)> {
    let gap = || prop_oneof![4 => Just(""), 1 => Just(" "), 1 => Just("\n"), 1 => Just("\r\n\t")];
    (
        ("[a-f0-9]{5}-[0-9]{3}", "[a-zA-Z0-9 ]{0,30}", "[a-zA-Z0-9 *.\\[\\]()]{0,30}"),
        (gap(), gap(), gap()),
    )
        .prop_map(|((id, translation, source), (g1, g2, g3))| {
            let markup = format!(
                "<span data-ttu-id=\"{id}\">{translation}</span>{g1}<span class=\"sxs-lookup\">{g2}<span data-stu-id=\"{id}\">{source}</span>{g3}</span>"
            );
            (markup, translation, source)
        })
}

/// A page: optional front matter, then skeleton and segments mixed.
fn page() -> impl Strategy<Value = (String, Vec<String>)> {
    let piece = prop_oneof![
        3 => skeleton().prop_map(|s| (s, None)),
        2 => segment().prop_map(|(markup, translation, _)| (markup, Some(translation))),
    ];
    // Front matter: none, valid, or translated by the MT into something not YAML keys.
    let front_matter = prop_oneof![
        Just(""),
        Just("---\nms.contentlocale: fr-FR\n---\n"),
        Just("---\n標題：量子\n- a\n---\n"),
    ];
    (front_matter, proptest::collection::vec(piece, 0..40)).prop_map(|(front_matter, pieces)| {
        let mut text = front_matter.to_owned();
        let mut translations = Vec::new();
        for (piece, translation) in pieces {
            text.push_str(&piece);
            translations.extend(translation);
        }
        (text, translations)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_then_write_is_the_identity((text, _) in page()) {
        let page = Page::parse("p/fr-FR/page.md", text.clone());
        let mut out = String::new();
        page.write_sxs(&mut out);
        prop_assert_eq!(out, text);
    }

    #[test]
    fn regen_never_loses_translated_text((text, translations) in page()) {
        let page = Page::parse("p/fr-FR/page.md", text);
        let mut out = String::new();
        render(&page, Side::Translation, &mut out);
        // Every segment the parser read keeps its translation, in order.
        let mut at = 0;
        for segment in page.segments() {
            let t = segment.translation().trim_start();
            let found = out[at..].find(t);
            prop_assert!(found.is_some(), "{:?} lost from {:?}", t, out);
            at += found.unwrap_or(0) + t.len();
        }
        // Generated segments are all read, unless a stray tag before them broke them.
        prop_assert!(page.segments().count() <= translations.len() + text_tags(page.text()));
    }

    #[test]
    fn every_finding_points_inside_the_file((text, _) in page()) {
        let page = Page::parse("p/nl-NL/page.md", text);
        let lines = line_lengths(page.text());
        for f in check_page(&page, RULES) {
            prop_assert!(f.line >= 1 && f.line <= lines.len(), "{:?} of {} lines", f, lines.len());
            prop_assert!(f.column >= 1 && f.column <= lines[f.line - 1] + 1, "{:?}: line has {} characters", f, lines[f.line - 1]);
            prop_assert!(f.offset + f.len <= page.text().len(), "{:?}", f);
            // Whole characters, in the page and in the line the report shows.
            let text = page.text();
            prop_assert!(text.is_char_boundary(f.offset) && text.is_char_boundary(f.offset + f.len), "{:?}", f);
            let (line, span) = (&f.context.line, &f.context.span);
            prop_assert!(span.end <= line.len() && line.is_char_boundary(span.start) && line.is_char_boundary(span.end), "{:?}", f);
        }
    }
}

/// The length in characters of each line, lines ending at `\n`, `\r\n` or `\r`.
fn line_lengths(text: &str) -> Vec<usize> {
    let mut lengths = vec![0];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => lengths.push(0),
            _ => *lengths.last_mut().unwrap() += 1,
        }
    }
    lengths
}

fn text_tags(text: &str) -> usize {
    text.matches("<span data-ttu-id=").count()
}
