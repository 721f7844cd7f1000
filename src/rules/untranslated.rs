//! `untranslated`: a segment left in English.

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;

/// A translation equal to its source, where the source is prose that should be translated.
pub struct Untranslated;

impl Rule for Untranslated {
    fn id(&self) -> &'static str {
        "untranslated"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the translation is the English source, unchanged"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Reports segments whose translation equals the source (ignoring surrounding white space)
when the source is prose: at least three lowercase words of three letters or more in its
text outside code, URLs and HTML (a token with dots, digits or slashes inside, such as
`outlook.office365.com`, is a name, not a word). Segments made only of code, names, product names or
numbers (`Microsoft 365 Defender`, `Windows 10`, `Get-AzContext`) are not reported.

## Why it matters
An untranslated sentence in a localized page is usually a segment the pipeline skipped.

## Example
Source and translation both `Select the check box next to the domain name.` in a `fr-FR`
page is reported; `Microsoft Defender for Endpoint` in both is not."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let source = s.segment.source();
        let translation = s.segment.translation();
        if source.trim() != translation.trim() || source.trim().is_empty() {
            return;
        }
        let words: usize = s
            .source
            .prose
            .iter()
            .map(|r| {
                source[r.clone()]
                    .split_whitespace()
                    .filter(|w| is_prose_word(w))
                    .count()
            })
            .sum();
        if words >= 3 {
            out.in_segment(
                Side::Translation,
                0..translation.len(),
                crate::msg!("finding-untranslated"),
            );
        }
    }
}

/// A lowercase word of three letters or more, punctuation around it aside; tokens with
/// dots, digits or slashes inside (`outlook.office365.com`) are names, not words.
fn is_prose_word(token: &str) -> bool {
    let word = token.trim_matches(|c: char| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '\''
        )
    });
    word.chars().count() >= 3 && word.chars().all(char::is_lowercase)
}
