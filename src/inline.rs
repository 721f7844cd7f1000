//! Inline analysis: what a segment's text holds that a translation must keep.
//!
//! Markdown structure (links, images, code spans, emphasis, inline HTML) comes from
//! pulldown-cmark; tokens inside plain text (URLs, numbers, identifiers, `@"uid"`
//! cross-references, DocFX tokens, entities, escapes) come from small regexes run over the
//! text outside code. Every item keeps its byte range in the analysed text, so a finding
//! can point at it.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use regex::Regex;
use rustc_hash::FxHashMap;

use crate::markdown;

/// One thing found in a text: its normalized value and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The value compared between source and translation.
    pub value: String,
    /// Byte range in the analysed text.
    pub range: Range<usize>,
}

/// What a segment's text holds, by kind.
#[derive(Debug, Clone, Default)]
pub struct Inline {
    /// Destinations of links, images and autolinks (other than `xref:`), and bare URLs.
    pub links: Vec<Item>,
    /// Cross-reference uids: `xref:` destinations, `<xref:uid>`, `@"uid"`.
    pub xrefs: Vec<Item>,
    /// Contents of inline code spans.
    pub code: Vec<Item>,
    /// Inline HTML tags, normalized to `<name>` or `</name>`.
    pub html: Vec<Item>,
    /// Strong emphasis spans (`**x**`), at their start.
    pub strong: Vec<Item>,
    /// Emphasis spans (`*x*`), at their start.
    pub emphasis: Vec<Item>,
    /// Numbers in prose, as their digits without separators or leading zeros (`2.8k` as
    /// `2800`).
    pub numbers: Vec<Item>,
    /// Numbers glued to the word before them (`DC2`, `HoloLens2`), which
    /// [`numbers`](Self::numbers) leaves out, as their digits.
    pub glued: Vec<Item>,
    /// Ordinals (`1st`, `1er`, `第3`), which [`numbers`](Self::numbers) leaves out, as
    /// their digits.
    pub ordinals: Vec<Item>,
    /// DocFX tokens: `[!INCLUDE …]`, `[!NOTE]`, `[!div …]`.
    pub docfx: Vec<Item>,
    /// Entities (`&amp;`) and backslash escapes (`\*`) as written.
    pub escapes: Vec<Item>,
    /// Byte ranges of prose: text outside code, URLs and HTML (link text included).
    pub prose: Vec<Range<usize>>,
}

/// Bytes that can start Markdown inline structure; text without any is all prose.
const MARKDOWN_SPECIAL: [bool; 256] = byte_set(b"`[]*_<>&\\!~");

/// Byte classes that decide which token patterns can match in a text.
const HAS_DIGIT: u8 = 1;
const HAS_COLON: u8 = 2;
const HAS_AT: u8 = 4;
const HAS_BRACKET: u8 = 8;
const HAS_ESCAPE: u8 = 16;
const BYTE_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut digit = b'0';
    while digit <= b'9' {
        class[digit as usize] = HAS_DIGIT;
        digit += 1;
    }
    // The lead byte of U+F000..U+FFFF, where the full-width digits are (`０`..`９`), and
    // of U+7000..U+7FFF, where `第` is (before the numerals of `第一`).
    class[0xEF] = HAS_DIGIT;
    class[0xE7] = HAS_DIGIT;
    // The lead bytes of the other scripts' digits (see `NATIVE_ZEROS`): Arabic-Indic
    // (U+0640..U+067F, U+06C0..U+06FF), Indic, Thai and Lao (U+0800..U+0FFF), Myanmar and
    // Khmer (U+1000..U+1FFF).
    class[0xD9] = HAS_DIGIT;
    class[0xDB] = HAS_DIGIT;
    class[0xE0] = HAS_DIGIT;
    class[0xE1] = HAS_DIGIT;
    class[b':' as usize] = HAS_COLON;
    class[b'@' as usize] = HAS_AT;
    class[b'[' as usize] = HAS_BRACKET;
    class[b'&' as usize] = HAS_ESCAPE;
    class[b'\\' as usize] = HAS_ESCAPE;
    class
};

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// What every piece of analysis would be on a prefix-free text: a leading word keeps
/// `1. x` or `# x` in a segment from reading as a block.
const PREFIX: &str = "a ";

impl Inline {
    /// Analyses one side of a segment.
    pub fn analyse(text: &str) -> Inline {
        let mut inline = Inline::default();
        if !text.bytes().any(|b| MARKDOWN_SPECIAL[b as usize]) {
            inline.prose.push(0..text.len());
        } else {
            inline.structure(text);
        }
        inline.tokens(text);
        inline
    }

    fn structure(&mut self, text: &str) {
        let source = format!("{PREFIX}{text}");
        let shift = |r: Range<usize>| {
            r.start.saturating_sub(PREFIX.len())..r.end.saturating_sub(PREFIX.len())
        };
        let mut in_code_block = false;
        for (event, range) in markdown::parser(&source).into_offset_iter() {
            let range = shift(range);
            match event {
                Event::Text(_) if !in_code_block => self.prose.push(range),
                Event::Code(code) => self.code.push(Item {
                    value: code.into_string(),
                    range,
                }),
                Event::InlineHtml(html) | Event::Html(html) => {
                    if let Some(tag) = normalize_tag(&html) {
                        self.html.push(Item { value: tag, range });
                    }
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                })
                | Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    ..
                }) => {
                    let dest_range = destination_range(text, &range, &dest_url, link_type);
                    let item = Item {
                        value: dest_url.to_string(),
                        range: dest_range,
                    };
                    match dest_url.strip_prefix("xref:") {
                        Some(uid) => self.xrefs.push(Item {
                            value: uid.to_string(),
                            range: item.range,
                        }),
                        None => self.links.push(item),
                    }
                }
                Event::Start(Tag::Strong) => self.strong.push(Item {
                    value: "**".into(),
                    range,
                }),
                Event::Start(Tag::Emphasis) => self.emphasis.push(Item {
                    value: "*".into(),
                    range,
                }),
                Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
                Event::End(TagEnd::CodeBlock) => in_code_block = false,
                _ => {}
            }
        }
    }

    /// Tokens found by regex in prose (numbers, URLs, `@"uid"`) and in the text outside
    /// code spans (DocFX tokens, entities, escapes).
    fn tokens(&mut self, text: &str) {
        // Each pattern runs only where the characters it needs are there.
        // One branch-free pass: each byte's classes are or-ed together.
        let classes = text.bytes().fold(0, |all, b| all | BYTE_CLASS[b as usize]);
        let has_digit = classes & HAS_DIGIT != 0;
        let has_colon = classes & HAS_COLON != 0;
        let has_at = classes & HAS_AT != 0;
        let has_bracket = classes & HAS_BRACKET != 0;
        let has_escape = classes & HAS_ESCAPE != 0;
        let has_url = has_colon && text.contains("://");
        let has_at = has_at && text.contains("@\"");
        // Entities and escapes, found once: numbers skip the digits of numeric entities
        // (`&#39;`), and those outside code are kept below.
        let escapes: Vec<Range<usize>> = match has_escape {
            true => ESCAPE.find_iter(text).map(|m| m.range()).collect(),
            false => Vec::new(),
        };
        let entities: Vec<Range<usize>> = escapes
            .iter()
            .filter(|r| text[r.start..].starts_with("&#"))
            .cloned()
            .collect();
        let mut in_entities = RangeCursor::new(&entities);
        for prose in &self.prose {
            let slice = &text[prose.clone()];
            let mut urls = Vec::new();
            let url_matches = has_url
                .then(|| BARE_URL.find_iter(slice))
                .into_iter()
                .flatten();
            for m in url_matches {
                let url = m
                    .as_str()
                    .trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
                if url.ends_with("//") {
                    continue; // a scheme with no host: `go to http://, not https://`
                }
                let range = prose.start + m.start()..prose.start + m.start() + url.len();
                urls.push(range.clone());
                self.links.push(Item {
                    value: url.to_owned(),
                    range,
                });
            }
            for m in has_at
                .then(|| AT_XREF.captures_iter(slice))
                .into_iter()
                .flatten()
            {
                let whole = m.get(0).map_or(0..0, |g| g.range());
                self.xrefs.push(Item {
                    value: m[1].to_owned(),
                    range: prose.start + whole.start..prose.start + whole.end,
                });
            }
            if has_digit && slice.contains('第') {
                cjk_ordinals(slice, prose.start, &mut self.ordinals);
            }
            if !has_digit {
                continue;
            }
            let mut times = Vec::new();
            for (range, value) in clock_times(slice) {
                let range = prose.start + range.start..prose.start + range.end;
                times.push(range.clone());
                self.numbers.push(Item { value, range });
            }
            // URLs and times do not overlap, and numbers come in order: one cursor each
            // finds the one a number may be inside.
            times.sort_unstable_by_key(|r| r.start);
            let (mut in_urls, mut in_times) = (RangeCursor::new(&urls), RangeCursor::new(&times));
            let mut from = 0;
            while let Some(m) = NUMBER.find_at(slice, from) {
                let before = &slice[..m.start()];
                let after_letter = before.chars().next_back().is_some_and(glues);
                // After a letter, a number ends at its first space: in `2x2 802.11` the
                // second `2` and `802.11` are two numbers, not `2 802` and `.11`.
                let number = match m.as_str().find([' ', '\u{a0}', '\u{202f}']) {
                    Some(space) if after_letter => &m.as_str()[..space],
                    _ => m.as_str(),
                };
                let end = m.start() + number.len();
                from = end;
                let range = prose.start + m.start()..prose.start + end;
                if in_urls.covers(&range) || in_times.covers(&range) || in_entities.covers(&range) {
                    continue;
                }
                if let Some(parts) = dotted_date(number) {
                    for part in parts {
                        let range = range.start + part.start..range.start + part.end;
                        let value = number_value(&text[range.clone()], "");
                        self.numbers.push(Item { value, range });
                    }
                    continue;
                }
                let after = &slice[end..];
                let item = |after: &str| Item {
                    value: number_value(number, after),
                    range: range.clone(),
                };
                if is_ordinal(after) || before.ends_with('第') {
                    self.ordinals.push(item(""));
                } else if after_letter && !stands_alone(before) {
                    self.glued.push(item(""));
                } else {
                    self.numbers.push(item(after));
                }
            }
        }
        let mut code: Vec<Range<usize>> = self.code.iter().map(|c| c.range.clone()).collect();
        code.sort_unstable_by_key(|r| r.start);
        let may_have_docfx = (has_bracket && text.contains("[!")) || text.contains(":::no-loc");
        let docfx = may_have_docfx.then(|| DOCFX.find_iter(text));
        let mut in_code = RangeCursor::new(&code);
        for m in docfx.into_iter().flatten() {
            let range = m.range();
            if !in_code.covers(&range) {
                let value = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
                // Marker names ignore case; the words a no-loc mark keeps do not.
                let value = match value.starts_with(':') {
                    true => value,
                    false => value.to_ascii_uppercase(),
                };
                self.docfx.push(Item { value, range });
            }
        }
        let mut in_code = RangeCursor::new(&code);
        for range in escapes {
            if !in_code.covers(&range) {
                self.escapes.push(Item {
                    value: text[range.clone()].to_owned(),
                    range,
                });
            }
        }
    }
}

/// Ordinals written `第` and Chinese or Japanese numerals (`第一部分`, part 1), as their
/// digits, with their ranges shifted by `shift`; `第1` is read with the other numbers.
fn cjk_ordinals(slice: &str, shift: usize, ordinals: &mut Vec<Item>) {
    for (at, mark) in slice.match_indices('第') {
        let start = at + mark.len();
        let numeral = slice[start..]
            .char_indices()
            .find(|&(_, c)| cjk_digit(c).is_none() && c != '十')
            .map_or(&slice[start..], |(end, _)| &slice[start..start + end]);
        if let Some(value) = cjk_number(numeral) {
            ordinals.push(Item {
                value: value.to_string(),
                range: shift + at..shift + start + numeral.len(),
            });
        }
    }
}

/// The digit a Chinese or Japanese numeral writes.
fn cjk_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u32)
}

/// A number in Chinese or Japanese numerals: digits in a row (`二〇二一`), or tens with
/// `十` (`十`, `十二`, `二十一`).
fn cjk_number(numeral: &str) -> Option<u64> {
    if numeral.is_empty() || numeral.chars().count() > 8 {
        return None;
    }
    match numeral.split_once('十') {
        Some((tens, units)) => {
            let digit = |s: &str, none: u64| match s.chars().count() {
                0 => Some(none),
                1 => s.chars().next().and_then(cjk_digit).map(u64::from),
                _ => None,
            };
            Some(digit(tens, 1)? * 10 + digit(units, 0)?)
        }
        None => numeral
            .chars()
            .try_fold(0u64, |n, c| Some(n * 10 + u64::from(cjk_digit(c)?))),
    }
}

/// Walks sorted, disjoint ranges along with ranges that come in order.
struct RangeCursor<'r> {
    ranges: &'r [Range<usize>],
    at: usize,
}

impl<'r> RangeCursor<'r> {
    fn new(ranges: &'r [Range<usize>]) -> RangeCursor<'r> {
        RangeCursor { ranges, at: 0 }
    }

    /// Whether `range` lies inside one of the ranges; each call's `range` starts at or
    /// after the previous one's.
    fn covers(&mut self, range: &Range<usize>) -> bool {
        while self
            .ranges
            .get(self.at)
            .is_some_and(|r| r.end <= range.start)
        {
            self.at += 1;
        }
        self.ranges
            .get(self.at)
            .is_some_and(|r| r.start <= range.start && range.end <= r.end)
    }
}

/// Bare URLs in text.
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>()\[\]"'`]+"#).expect("valid regex"));
/// DocFX cross-references written `@"uid"`.
static AT_XREF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"@"([^"\s]+)""#).expect("valid regex"));
/// Numbers, with the group and decimal separators of English, French and Dutch: `7,320`,
/// `7 320` (also with no-break spaces), `7.320`, `1,5`; and the digits of other scripts:
/// full-width ones East Asian text may use (`１２`), Arabic-Indic (`١٢`, with `٫` and `٬`
/// as separators), Indic, Thai and the others of [`NATIVE_ZEROS`].
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let native: String = NATIVE_ZEROS
        .iter()
        .map(|&zero| format!("\\u{{{:x}}}-\\u{{{:x}}}", zero as u32, zero as u32 + 9))
        .collect();
    Regex::new(&format!(
        r"[0-9]{{1,3}}(?:[ \u{{a0}}\u{{202f}}][0-9]{{3}})+(?:[.,][0-9]+)?(?-u:\b)|[0-9]+(?:[.,][0-9]+)*|[{native}]+(?:[.,．，٫٬][{native}]+)*",
    ))
    .expect("valid regex")
});

/// The day, month and year of a date written with dots (`30.09.2022`, `2022.09.30`), which
/// the other side may write another way (`September 30, 2022`, `2022年9月30日`); `None` for
/// other numbers, such as versions (`10.0.2004`).
fn dotted_date(number: &str) -> Option<[Range<usize>; 3]> {
    let mut parts = number.split('.');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || ![a, b, c]
            .iter()
            .all(|p| p.bytes().all(|d| d.is_ascii_digit()))
    {
        return None;
    }
    let small = |p: &str| (1..=2).contains(&p.len()) && matches!(p.parse::<u32>(), Ok(1..=31));
    let month_or_day = |x: &str, y: &str| {
        small(x)
            && small(y)
            && [x, y]
                .iter()
                .any(|p| matches!(p.parse::<u32>(), Ok(1..=12)))
    };
    let date = (c.len() == 4 && month_or_day(a, b)) || (a.len() == 4 && month_or_day(b, c));
    let (b_start, c_start) = (a.len() + 1, a.len() + b.len() + 2);
    date.then(|| {
        [
            0..a.len(),
            b_start..b_start + b.len(),
            c_start..number.len(),
        ]
    })
}

/// The zero of each script's run of ten decimal digits that numbers may be written in,
/// besides ASCII: full-width, Arabic-Indic, Extended Arabic-Indic (Persian, Urdu),
/// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
/// Thai, Lao, Myanmar and Khmer.
const NATIVE_ZEROS: [char; 16] = [
    '０', '\u{660}', '\u{6f0}', '\u{966}', '\u{9e6}', '\u{a66}', '\u{ae6}', '\u{b66}', '\u{be6}',
    '\u{c66}', '\u{ce6}', '\u{d66}', '\u{e50}', '\u{ed0}', '\u{1040}', '\u{17e0}',
];
/// Clock times with AM or PM: `9 AM`, `5:30 p.m.`.
static TIME_12H: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)([0-9]{1,2})(?:[:.]([0-9]{2}))?\s?([ap])\.?m(?-u:\b)\.?")
        .expect("valid regex")
});
/// 24-hour clock times: `17:00`, `18h00`; with a dot only where it cannot be a decimal
/// number: in a range (`9.00-22.00`) or before `uur`.
static TIME_24H: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})(?::|\s?[hH]\s?)([0-9]{2})(?-u:\b)|(?-u:\b)([0-9]{1,2})\.([0-9]{2})\s?(?:[-–]\s?([0-9]{1,2})\.([0-9]{2})(?-u:\b)|uur(?-u:\b))")
        .expect("valid regex")
});

/// The clock times of a text, as `hh:mm` on a 24-hour clock, with their ranges.
fn clock_times(text: &str) -> Vec<(Range<usize>, String)> {
    let num =
        |c: &regex::Captures<'_>, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    // `24:00` ends the day that `00:00` starts: the same time.
    let time = |hour: u32, minute: u32| {
        (hour <= 24 && minute < 60).then(|| format!("{}:{minute:02}", hour % 24))
    };
    let mut times: Vec<(Range<usize>, String)> = Vec::new();
    for c in TIME_12H.captures_iter(text) {
        let (Some(hour), Some(whole)) = (num(&c, 1), c.get(0)) else {
            continue;
        };
        let pm = c
            .get(3)
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("p"));
        let hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        if let Some(t) = time(hour, num(&c, 2).unwrap_or(0)) {
            times.push((whole.range(), t));
        }
    }
    // The 12-hour times are in order and apart: the first that ends after a match starts
    // is the only one it may overlap.
    let twelve_hour = times.len();
    for c in TIME_24H.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let first = times[..twelve_hour].partition_point(|(r, _)| r.end <= whole.start());
        if times[..twelve_hour]
            .get(first)
            .is_some_and(|(r, _)| r.start < whole.end())
        {
            continue;
        }
        for (h, m) in [(1, 2), (3, 4), (5, 6)] {
            if let (Some(hour), Some(minute)) = (num(&c, h), num(&c, m)) {
                if let (Some(t), Some(g)) = (time(hour, minute), c.get(h)) {
                    let end = c.get(m).map_or(g.end(), |x| x.end());
                    times.push((g.start()..end, t));
                }
            }
        }
    }
    times
}

/// The value compared of a number as written, given the text after it: its digits without
/// separators or leading zeros, times a thousand with a `k` suffix (`2.8k+`, `100K`)
/// that the translation may have written out (`2 800`, `100 000`).
fn number_value(number: &str, after: &str) -> String {
    // Decimals that are all zeros say nothing (`575.00` is `575`); three digits after the
    // separator group thousands (`1.000`).
    let number = match number.rfind(['.', ',']) {
        Some(at) if matches!(&number[at + 1..], "0" | "00") => &number[..at],
        _ => number,
    };
    let mut digits: String = number.chars().filter_map(ascii_digit).collect();
    let thousands =
        after.starts_with(['k', 'K']) && !after[1..].starts_with(|c: char| c.is_alphanumeric());
    if thousands {
        // The decimals, where the number has any: `2.8` has one, `1,25` two; three
        // digits after the last separator group thousands (`1,250k`).
        let decimals = number
            .rfind(['.', ','])
            .map_or(0, |at| number[at + 1..].chars().count());
        let zeros = if decimals < 3 { 3 - decimals } else { 3 };
        digits.extend(std::iter::repeat_n('0', zeros));
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.into()
    }
}

/// The ASCII digit a digit character stands for: itself, or the ASCII form of a digit of
/// another script (`３` and `٣` are `3`).
pub fn ascii_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    NATIVE_ZEROS
        .iter()
        .find_map(|&zero| char::from_digit((c as u32).checked_sub(zero as u32)?, 10))
}

/// Whether a number right after `c` is glued to a word (`DC2`, `x64`) rather than standing
/// on its own. Languages written without spaces between words (Chinese, Japanese, Thai, …)
/// put numbers right after letters as a matter of course (`ポート443を`).
fn glues(c: char) -> bool {
    c.is_alphabetic()
        && !matches!(c,
            '\u{0E00}'..='\u{0EFF}' // Thai, Lao
            | '\u{1000}'..='\u{109F}' // Myanmar
            | '\u{1780}'..='\u{17FF}' // Khmer
            | '\u{3040}'..='\u{312F}' // Hiragana, Katakana, Bopomofo
            | '\u{31F0}'..='\u{31FF}' // Katakana extensions
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
            | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
            | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}' // halfwidth Katakana
            | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
        )
}

/// Whether the text before a number ends in a version's `v` (`v3.0`, `(V2`) or a
/// dimension's `x` (`1920x1080`): the number stands on its own.
fn stands_alone(before: &str) -> bool {
    let mut back = before.chars().rev();
    match back.next() {
        Some('v' | 'V') => !back.next().is_some_and(char::is_alphanumeric),
        Some('x' | 'X') => back.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether the text after a number makes it an ordinal (`1st`, `1er`, `3e`, `2de`), which
/// languages write in their own way.
fn is_ordinal(after: &str) -> bool {
    let suffix: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        suffix.to_lowercase().as_str(),
        "st" | "nd"
            | "rd"
            | "th"
            | "er"
            | "ère"
            | "re"
            | "e"
            | "ème"
            | "eme"
            | "de"
            | "ste"
            | "te"
            | "번째"
    )
}

/// DocFX tokens: `[!NOTE]`, `[!INCLUDE[…](…)]` up to the token name and its first argument;
/// the words the translation must keep, `:::no-loc(words):::` or `:::no-loc text="words":::`.
static DOCFX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\[!(?:INCLUDE|NOTE|TIP|IMPORTANT|CAUTION|WARNING|div|VIDEO|code)(?-u:\b)[^\]\[]*",
        r#"|:::no-loc(?:\([^)\n]*\)|[ \t]+text="[^"\n]*")[ \t]*:::"#,
    ))
    .expect("valid regex")
});
/// Character entities and Markdown backslash escapes.
static ESCAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});|\\[!-/:-@\[-`{-~]",
    )
    .expect("valid regex")
});

/// `<b>`, `</b>`, `<br/>` → `<b>`, `</b>`, `<br>`; comments and declarations are not tags.
fn normalize_tag(html: &str) -> Option<String> {
    let (closing, name) = crate::html::tag_name(html.trim())?;
    let name = name.to_ascii_lowercase();
    Some(if closing {
        format!("</{name}>")
    } else {
        format!("<{name}>")
    })
}

/// The range of a link's destination inside its whole `[text](dest)` range, or the whole
/// range where it cannot be found (reference links).
fn destination_range(
    text: &str,
    range: &Range<usize>,
    dest: &str,
    link_type: LinkType,
) -> Range<usize> {
    let Some(whole) = text.get(range.clone()) else {
        return range.clone();
    };
    let found = match link_type {
        LinkType::Autolink | LinkType::Email => whole.find(dest),
        _ => whole.rfind(dest),
    };
    found.map_or(range.clone(), |at| {
        range.start + at..range.start + at + dest.len()
    })
}

/// The key of items that compare by their value as written, for [`missing`].
pub fn same(value: &str) -> Cow<'_, str> {
    Cow::Borrowed(value)
}

/// Multiset difference: items of `a` with no item of the same key left in `b`, in order.
/// `key` gives the form items compare in (their value, or a normal form of it). The cost
/// is linear in the items, so a segment of thousands of numbers or links stays cheap.
pub fn missing<'a>(
    a: &'a [Item],
    b: &[Item],
    key: impl for<'s> Fn(&'s str) -> Cow<'s, str>,
) -> Vec<&'a Item> {
    if a.is_empty() || b.is_empty() {
        return a.iter().collect();
    }
    if a.len() * b.len() <= 64 {
        // A few items each, as nearly every segment has: a scan costs less than hashing.
        let mut left: Vec<Option<Cow<'_, str>>> = b.iter().map(|i| Some(key(&i.value))).collect();
        return a
            .iter()
            .filter(|item| {
                let k = key(&item.value);
                match left.iter_mut().find(|l| l.as_ref() == Some(&k)) {
                    Some(slot) => {
                        *slot = None;
                        false
                    }
                    None => true,
                }
            })
            .collect();
    }
    let mut left: FxHashMap<Cow<'_, str>, usize> = FxHashMap::default();
    for item in b {
        *left.entry(key(&item.value)).or_default() += 1;
    }
    a.iter()
        .filter(|item| match left.get_mut(key(&item.value).as_ref()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.value.as_str()).collect()
    }

    #[test]
    fn finds_links_code_xrefs_and_html() {
        let text = "Voir [la page](https://a.b/c \"t\") et ![img](m.png), `code` <br/>, <xref:A.B> puis @\"c.d\" et [x](xref:E.F).";
        let inline = Inline::analyse(text);
        assert_eq!(values(&inline.links), ["https://a.b/c", "m.png"]);
        assert_eq!(&text[inline.links[0].range.clone()], "https://a.b/c");
        assert_eq!(values(&inline.code), ["code"]);
        assert_eq!(values(&inline.html), ["<br>"]);
        assert_eq!(values(&inline.xrefs), ["A.B", "E.F", "c.d"]);
    }

    #[test]
    fn numbers_ignore_separators_of_each_language() {
        let en = Inline::analyse("7,320 items on 1/23/2021, 1.5 GB");
        let fr = Inline::analyse("7\u{202f}320 éléments le 23/01/2021, 1,5 Go");
        let nl = Inline::analyse("7.320 items op 23-01-2021, 1,5 GB");
        let mut e = values(&en.numbers);
        e.sort();
        for other in [&fr, &nl] {
            let mut o = values(&other.numbers);
            o.sort();
            assert_eq!(o, e);
        }
    }

    #[test]
    fn clock_times_compare_on_a_24_hour_clock() {
        let mut en = values(&Inline::analyse("Mon-Fri 9 AM-5 PM, 12:30 p.m.").numbers).join(" ");
        for translated in [
            "ma-vr 9:00-17:00, 12:30",
            "ma-vr 9.00-17.00 uur, 12.30 uur",
            "lun-ven 09h00-17 h 00, 12h30",
        ] {
            let got = values(&Inline::analyse(translated).numbers).join(" ");
            assert_eq!(got, en, "{translated}");
        }
        en = values(&Inline::analyse("the 1st and 2nd of 3").numbers).join(" ");
        assert_eq!(en, "3");
        let fr = values(&Inline::analyse("le 1er, la 1re, le 3e de 3").numbers).join(" ");
        assert_eq!(fr, "3");
        let day = values(&Inline::analyse("9:00 ~24:00, 12 AM").numbers).join(" ");
        assert_eq!(day, "9:00 0:00 0:00");
        let money = |t: &str| values(&Inline::analyse(t).numbers).join(" ");
        assert_eq!(money("10,000.00 USD"), money("10 000,00 USD"));
        assert_eq!(money("Microsoft 365-beheercentrum, 64-bit, DC2"), "365 64");
    }

    #[test]
    fn numbers_glued_to_words_of_languages_without_spaces_count() {
        let ja = Inline::analyse("SSL は、TCP ポート443を使用します。第3章、DC2");
        assert_eq!(values(&ja.numbers), ["443"]);
        let zh = Inline::analyse("使用端口443和第2个");
        assert_eq!(values(&zh.numbers), ["443"]);
        let ko = Inline::analyse("포트443을 사용하는 3번째 단계");
        assert_eq!(values(&ko.numbers), ["443"]);
        let th = Inline::analyse("ใช้พอร์ต443");
        assert_eq!(values(&th.numbers), ["443"]);
    }

    #[test]
    fn thousands_written_with_k_are_written_out() {
        let en = Inline::analyse("2.8k+ roles, 100K users, 1,250k rows, 64-KB pages, 4 kB");
        assert_eq!(
            values(&en.numbers),
            ["2800", "100000", "1250000", "64", "4"]
        );
        let glued = Inline::analyse("HoloLens2 and DC2 with a0");
        assert!(glued.numbers.is_empty());
        assert_eq!(values(&glued.glued), ["2", "2", "0"]);
        let versions = Inline::analyse("in v3.0 (V2) and dev2, the 1st and 1er, 1920x1080px");
        assert_eq!(values(&versions.numbers), ["3", "2", "1920", "1080"]);
        assert_eq!(values(&versions.glued), ["2"]);
        assert_eq!(values(&versions.ordinals), ["1", "1"]);
        let wifi = Inline::analyse("une radio Wi-Fi 2x2 802.11ac à 575.00 ou 3,0 ou 1.000");
        assert_eq!(
            values(&wifi.numbers),
            ["2", "2", "80211", "575", "3", "1000"]
        );
        assert!(wifi.glued.is_empty());
    }

    #[test]
    fn full_width_digits_are_numbers() {
        let ja = Inline::analyse("ポート４４３を使用する手順は ０２ 個、第３章");
        assert_eq!(values(&ja.numbers), ["443", "2"]);
        let mixed = Inline::analyse("１,５ GB と 7,320");
        assert_eq!(values(&mixed.numbers), ["15", "7320"]);
    }

    #[test]
    fn numbers_inside_urls_and_code_do_not_count() {
        let inline = Inline::analyse("See https://x.y/2021/page and `v2` on 3 days");
        assert_eq!(values(&inline.numbers), ["3"]);
        // Several URLs and times, 24-hour ones before 12-hour ones in the text.
        let mixed = Inline::analyse("17:30 https://a/1 8 PM https://b/2/3 4 9:15 am 5");
        assert_eq!(values(&mixed.numbers), ["20:00", "9:15", "17:30", "4", "5"]);
        assert_eq!(values(&inline.links), ["https://x.y/2021/page"]);
        // sql-docs zh-CN: parts numbered in Chinese numerals.
        let parts =
            Inline::analyse("AlwaysOn 系列，第一部分、第二十一章、第十二、第1部分、第、次第");
        assert_eq!(values(&parts.ordinals), ["1", "21", "12", "1"]);
        assert!(parts.numbers.is_empty());
        // hololens/fr-FR hololens2-industrial-edition-faq.md: an entity's digits.
        let entity = Inline::analyse("What&#39;s new in 2 &#x32; steps? &#8212;3");
        assert_eq!(values(&entity.numbers), ["2", "3"]);
    }

    #[test]
    fn emphasis_docfx_and_escapes() {
        let inline =
            Inline::analyse("**Bold** and *it* [!NOTE] [!INCLUDE [t](p.md)] \\* &amp; `\\*`");
        assert_eq!(inline.strong.len(), 1);
        assert_eq!(inline.emphasis.len(), 1);
        assert_eq!(values(&inline.docfx), ["[!NOTE", "[!INCLUDE"]);
        assert_eq!(values(&inline.escapes), ["\\*", "&amp;"]);
    }

    #[test]
    fn segment_text_is_read_inline_not_as_blocks() {
        let inline = Inline::analyse("1. Selecteer **OK**");
        assert_eq!(values(&inline.numbers), ["1"]);
        assert_eq!(inline.strong.len(), 1);
        assert_eq!(inline.strong[0].range.start, 13);
    }

    #[test]
    fn missing_is_a_multiset_difference() {
        let item = |v: &str| Item {
            value: v.into(),
            range: 0..0,
        };
        let a = [item("x"), item("x"), item("y")];
        let b = [item("x"), item("z")];
        let gone: Vec<_> = missing(&a, &b, same)
            .iter()
            .map(|i| i.value.clone())
            .collect();
        assert_eq!(gone, ["x", "y"]);
        // Many items (the hashed path): the first ones of each value are matched, the
        // surplus is left in order, and keys compare instead of values.
        let a: Vec<Item> = (0..40).map(|i| item(&format!("v{}", i % 7))).collect();
        let b: Vec<Item> = (0..25).map(|i| item(&format!("V{}", i % 5))).collect();
        fn upper(v: &str) -> Cow<'_, str> {
            Cow::Owned(v.to_uppercase())
        }
        let gone: Vec<usize> = missing(&a, &b, upper)
            .iter()
            .map(|g| a.iter().position(|i| std::ptr::eq(i, *g)).unwrap())
            .collect();
        // Values v0..v4 occur 5 times each in `b`: their sixth uses in `a` (35 to 39) are
        // left, as are all uses of v5 and v6.
        let expected: Vec<usize> = (0..40).filter(|i| i % 7 >= 5 || *i >= 35).collect();
        assert_eq!(gone, expected);
    }
}
