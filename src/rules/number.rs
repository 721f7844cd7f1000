//! `number`: numbers survive translation.

use super::{report_extra, report_missing, Findings, ItemKind, Rule, SegmentContext};
use crate::diag::Severity;
use crate::inline::{self, Item};

/// Numbers outside code and URLs: the same numbers on both sides, whatever the separators.
pub struct Number;

impl Rule for Number {
    fn id(&self) -> &'static str {
        "number"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a number of the source is missing or changed in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Compares the numbers in the prose of the source and the translation (not in code, URLs or
HTML), as multisets of their digits (a full-width digit such as `３` is the digit it
stands for): group and decimal separators of each language compare
equal (`7,320`, `7 320`, `7.320`; `1.5` and `1,5`), leading zeros do not count, and dates
match whatever their order (`1/23/2021` and `23/01/2021`), clock times compare on a 24-hour
clock (`5 PM` and `17:00`), ordinals (`1st`, `1er`, `2de`, `第3`) and numbers glued to a word
(`DC2`) do not count (in languages written without spaces, such as Japanese, a number
right after a letter does: `ポート443を`), and a number up to ten may be written as a word
(`4` and `vier`).
Where the numbers differ only in how they are grouped (`(1,0,0,0)` and `(1, 0, 0, 0)`), the
digits decide.

## Why it matters
Versions, limits, prices and step numbers must not change. Machine translation drops them
from sentences it rewrites, and sometimes changes them.

## Example
Source: `The limit is 1,800,000 minutes (1,250 days).`
Translation: `La limite est de 1 800 000 minutes (1 250 jours).` is fine;
`La limite est de 180 000 minutes.` is reported twice."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let (source, translation) = (&s.source.numbers, &s.translation.numbers);
        if digits(source, s.segment.source()) == digits(translation, s.segment.translation()) {
            return;
        }
        let source_text = s.segment.source().to_lowercase();
        let translation_text = s.segment.translation().to_lowercase();
        for item in inline::missing(source, translation, inline::same) {
            if !spelled_out(&item.value, &translation_text) {
                report_missing(out, item, ItemKind::Number);
            }
        }
        for item in inline::missing(translation, source, inline::same) {
            if !spelled_out(&item.value, &source_text) {
                report_extra(out, item, ItemKind::Number);
            }
        }
    }
}

/// All digits of a text's numbers as written, sorted: equal when numbers differ only in
/// grouping.
fn digits(numbers: &[Item], text: &str) -> Vec<char> {
    let mut digits: Vec<char> = numbers
        .iter()
        .flat_map(|n| text[n.range.clone()].chars())
        .filter_map(inline::ascii_digit)
        .collect();
    digits.sort_unstable();
    digits
}

/// Number words from one to ten in English, French, Dutch, German and Spanish; a
/// translation may write a small number as a word, and a source may too.
const WORDS: [&[&str]; 10] = [
    &[
        "one", "un", "une", "een", "één", "eins", "ein", "eine", "uno", "una",
    ],
    &["two", "deux", "twee", "zwei", "dos"],
    &["three", "trois", "drie", "drei", "tres"],
    &["four", "quatre", "vier", "cuatro"],
    &["five", "cinq", "vijf", "fünf", "cinco"],
    &["six", "zes", "sechs", "seis"],
    &["seven", "sept", "zeven", "sieben", "siete"],
    &["eight", "huit", "acht", "ocho"],
    &["nine", "neuf", "negen", "neun", "nueve"],
    &["ten", "dix", "tien", "zehn", "diez"],
];

/// Whether `text` (lowercase) has number `value` written as a word.
fn spelled_out(value: &str, text: &str) -> bool {
    let Some(words) = value
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=10).contains(n))
        .map(|n| WORDS[n - 1])
    else {
        return false;
    };
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| words.contains(&w))
}
