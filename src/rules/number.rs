//! `number`: numbers survive translation.

use super::{report_unmatched, Findings, ItemKind, Rule, SegmentContext, Side};
use crate::diag::Severity;
use rustc_hash::{FxHashMap, FxHashSet};

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
Reports a number of the source that the translation does not have in any form, and a
number of the translation that the source does not have. Numbers are read in prose only
(not in code, URLs or HTML), as their value:

- group and decimal separators of each language compare equal (`7,320`, `7 320`, `7.320`;
  `1.5` and `1,5`), leading zeros do not count, a digit of another script (full-width
  `３`, Arabic-Indic `٣`, Devanagari `३`) is the digit it stands for, and `2.8k` is
  `2 800`;
- dates match whatever their order (`1/23/2021` and `23/01/2021`), a month the source
  names is its number (`May 3, 2021` and `2021年5月3日`), and a two-digit year
  matches the year with its century (`09-July-21` and `9 juillet 2021`); clock times
  compare on a 24-hour clock (`5 PM` and `17:00`), a time on the hour matches the
  hour alone (`9:00 PM` and `21h`), and an hour without AM or PM may be an afternoon one
  (`9-5` and `9.00-17.00`);
- ordinals (`1st`, `1er`, `2de`, `第3`, `第一`) do not count, but they keep the same number on
  the other side from being reported (`November 1` and `1er novembre`);
- a number glued to a word (`DC2`) does not count either (a version's `v` does not glue:
  `v3.0` is `3.0`); where the translation glues a number of the source to its word, the
  number is there (`HoloLens 2` and `HoloLens2`), while a number the translation splits
  off a name is reported (`$package1` and `$package 1`); in languages written without
  spaces, such as Japanese, a number right after a letter counts (`ポート443を`);
- a number may be written as a word (`4` and `vier`, `30` and `dertig`, `0` and `zero`),
  a time too (`12:00` and `noon`), and a number with a scale word of the source as its
  digits (`100 thousand` and `100 000`, `1.5 million` and `1 500 000`);
- a number of the source followed by an imperial unit (`500 miles`, `12 inches`) is not
  reported: the translation may give it in metric units;
- a number both sides have is not reported however many times each writes it.

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
        // A source number the translation glued to its word (`HoloLens 2`, `HoloLens2`) is
        // there; a glued source number the translation split off (`$package1`,
        // `$package 1`) is not: the name it was part of is broken.
        // An ordinal is there for a number too (`November 1`, `1er novembre`).
        let missing = lost(
            source,
            translation,
            [&s.translation.glued, &s.translation.ordinals],
            s.segment.translation(),
        );
        let extra = lost(
            translation,
            source,
            [&[], &s.source.ordinals],
            s.segment.source(),
        );
        let (missing, extra) = without_other_forms(missing, extra, s.segment.source());
        let source_text = s.segment.source();
        let extra = extra
            .into_iter()
            .filter(|item| !named_month(&item.value, source_text));
        let converted = |item: &Item| imperial(source_text.get(item.range.end..).unwrap_or(""));
        for item in missing.into_iter().filter(|item| !converted(item)) {
            report_number(out, Side::Source, item, source_text);
        }
        let translation_text = s.segment.translation();
        for item in extra {
            match split_name(&item.value, &s.source.glued, source_text) {
                // `Windows8.1` is a product and its version that lost their space; the
                // translation writing `Windows 8.1` breaks nothing.
                Some(name) if versioned_word(name) => {}
                Some(name) => out.in_segment(
                    Side::Translation,
                    item.range.clone(),
                    crate::msg!(
                        "finding-number-split",
                        value = as_written(item, translation_text),
                        name = name
                    ),
                ),
                None => report_number(out, Side::Translation, item, translation_text),
            }
        }
    }
}

/// Reports a number of one side the other lacks, named as that side writes it
/// (`14.0.23816.0`, `５`), not as the value it compares by (`14023816`, `5`).
fn report_number(out: &mut Findings<'_>, side: Side, item: &Item, text: &str) {
    let written = as_written(item, text);
    report_unmatched(out, side, item.range.clone(), ItemKind::Number, written);
}

/// A number as `text`, the side it was found in, writes it (`14.0.23816.0`), not the value
/// it compares by (`14023816`).
fn as_written<'a>(item: &'a Item, text: &'a str) -> &'a str {
    text.get(item.range.clone()).unwrap_or(&item.value)
}

/// The name a source number glued to a word is part of (`$package1`, `'T1`), where the
/// source has number `value` glued.
fn split_name<'s>(value: &str, glued: &[Item], source: &'s str) -> Option<&'s str> {
    let number = glued.iter().find(|g| g.value == value)?;
    let part = |c: char| c.is_alphanumeric() || matches!(c, '$' | '_' | '\'' | '.' | '-');
    let start = source[..number.range.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(number.range.start, |(at, _)| at);
    Some(&source[start..number.range.end])
}

/// Whether a glued name is a word of letters and a version number (`Windows8.1`,
/// `AGPM4.0`) rather than a name of code (`$package1`, `'T1`, `x64`).
fn versioned_word(name: &str) -> bool {
    let Some(digit) = name.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let (word, version) = name.split_at(digit);
    word.chars().count() > 1
        && word.chars().all(char::is_alphabetic)
        && version.contains('.')
        && version.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The numbers of `from` that the other side has in no form: not as a number (however many
/// times), not among `also` (glued to a word, `HoloLens2`; ordinals), not as a word
/// (`dertig`).
fn lost<'a>(from: &'a [Item], numbers: &[Item], also: [&[Item]; 2], text: &str) -> Vec<&'a Item> {
    let there: FxHashSet<&str> = numbers
        .iter()
        .chain(also.into_iter().flatten())
        .map(|n| n.value.as_str())
        .collect();
    let text = text.to_lowercase();
    // One look through the text per value, however many numbers have it.
    let mut written: FxHashMap<&str, bool> = FxHashMap::default();
    from.iter()
        .filter(|item| {
            let value = item.value.as_str();
            !there.contains(value)
                && !*written
                    .entry(value)
                    .or_insert_with(|| spelled_out(value, &text))
        })
        .collect()
}

/// Drops each pair of a number on one side and the same number in another form on the
/// other: a two-digit year and the year with its century (`09-July-21` and
/// `9 juillet 2021`), a time on the hour and the hour alone (`9:00 PM` and `21h`), an hour
/// without AM or PM and the afternoon hour (`9-5` and `9.00-17.00`), a number with a scale
/// word of the source and its digits (`100 thousand` and `100 000`).
fn without_other_forms<'a>(
    missing: Vec<&'a Item>,
    extra: Vec<&'a Item>,
    source: &str,
) -> (Vec<&'a Item>, Vec<&'a Item>) {
    let mut by_value: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, item) in extra.iter().enumerate().rev() {
        by_value.entry(item.value.as_str()).or_default().push(i);
    }
    let mut paired = vec![false; extra.len()];
    let missing = missing
        .into_iter()
        .filter(|item| {
            // `3 AM` is no afternoon hour.
            let written = source.get(item.range.clone()).unwrap_or("");
            let meridiem = written.trim_end_matches('.').ends_with(['m', 'M']);
            let after = source.get(item.range.end..).unwrap_or("");
            let other = other_forms(&item.value, !meridiem)
                .into_iter()
                .chain(scaled(written, after))
                .find_map(|form| by_value.get_mut(form.as_str())?.pop());
            other.inspect(|&k| paired[k] = true).is_none()
        })
        .collect();
    let extra = extra
        .into_iter()
        .zip(paired)
        .filter_map(|(item, paired)| (!paired).then_some(item))
        .collect();
    (missing, extra)
}

/// The other forms a number's value may take on the other side (see
/// [`without_other_forms`]).
fn other_forms(value: &str, may_be_afternoon: bool) -> Vec<String> {
    let small = |v: &str| v.parse::<u32>().ok();
    if let Some((hour, minute)) = value.split_once(':') {
        let Some(hour) = small(hour) else {
            return Vec::new();
        };
        let mut forms = Vec::new();
        if minute == "00" {
            forms.push(hour.to_string());
        }
        // A time without AM or PM (`from 1 to 2:30`) may be an afternoon one (`14:30`).
        if may_be_afternoon && (1..=11).contains(&hour) {
            forms.push(format!("{}:{minute}", hour + 12));
        }
        return forms;
    }
    match (value.len(), small(value)) {
        (1 | 2, Some(n)) => {
            let mut forms = vec![format!("20{n:02}"), format!("19{n:02}")];
            if n <= 24 {
                forms.push(format!("{n}:00"));
            }
            // An afternoon hour written without AM or PM (`9-5`) is on the 24-hour clock
            // on the other side (`9.00-17.00`).
            if may_be_afternoon && (1..=11).contains(&n) {
                forms.push(format!("{}:00", n + 12));
            }
            forms
        }
        (4, Some(n)) if (1900..2100).contains(&n) => vec![(n % 100).to_string()],
        _ => Vec::new(),
    }
}

/// A number followed by a scale word of the English source, as the one number the other
/// side may write (`100 thousand` and `100 000`, `1.5 million` and `1 500 000`). `written`
/// is the number as the source writes it, in English: `,` groups digits, `.` starts the
/// fraction.
fn scaled(written: &str, after: &str) -> Option<String> {
    let word = after.trim_start_matches([' ', '\u{a0}']);
    let scale: u32 = [("thousand", 3), ("million", 6), ("billion", 9)]
        .into_iter()
        .find(|(name, _)| {
            word.get(..name.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(name))
                && !word[name.len()..].starts_with(|c: char| c.is_alphanumeric())
        })?
        .1;
    let written = written.replace(',', "");
    let (whole, fraction) = written.split_once('.').unwrap_or((&written, ""));
    if fraction.len() > scale as usize || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{whole}{fraction:0<width$}", width = scale as usize);
    let number = digits.trim_start_matches('0');
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then(|| number.to_owned())
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

/// Number words in English, French, Dutch, German and Spanish, by the value they compare
/// as: a translation may write a number as a word (`30` as `dertig`, `12:00` as `noon`),
/// and a source may too. Words of two numbers from 21 to 99 are in [`compound_words`];
/// other compounds (`dix-sept`) read as their parts.
const WORDS: &[(&str, &[&str])] = &[
    ("0", &["zero", "zéro", "nul", "null", "cero"]),
    (
        "1",
        &[
            "one", "un", "une", "een", "één", "eins", "ein", "eine", "uno", "una",
        ],
    ),
    ("2", &["two", "deux", "twee", "zwei", "dos"]),
    ("3", &["three", "trois", "drie", "drei", "tres"]),
    ("4", &["four", "quatre", "vier", "cuatro"]),
    ("5", &["five", "cinq", "vijf", "fünf", "cinco"]),
    ("6", &["six", "zes", "sechs", "seis"]),
    ("7", &["seven", "sept", "zeven", "sieben", "siete"]),
    ("8", &["eight", "huit", "acht", "ocho"]),
    ("9", &["nine", "neuf", "negen", "neun", "nueve"]),
    ("10", &["ten", "dix", "tien", "zehn", "diez"]),
    ("11", &["eleven", "onze", "elf", "once"]),
    ("12", &["twelve", "douze", "twaalf", "zwölf", "doce"]),
    (
        "13",
        &["thirteen", "treize", "dertien", "dreizehn", "trece"],
    ),
    (
        "14",
        &["fourteen", "quatorze", "veertien", "vierzehn", "catorce"],
    ),
    (
        "15",
        &["fifteen", "quinze", "vijftien", "fünfzehn", "quince"],
    ),
    (
        "16",
        &["sixteen", "seize", "zestien", "sechzehn", "dieciséis"],
    ),
    ("17", &["seventeen", "zeventien", "siebzehn", "diecisiete"]),
    ("18", &["eighteen", "achttien", "achtzehn", "dieciocho"]),
    ("19", &["nineteen", "negentien", "neunzehn", "diecinueve"]),
    ("20", &["twenty", "vingt", "twintig", "zwanzig", "veinte"]),
    ("30", &["thirty", "trente", "dertig", "dreißig", "treinta"]),
    (
        "40",
        &["forty", "quarante", "veertig", "vierzig", "cuarenta"],
    ),
    (
        "50",
        &["fifty", "cinquante", "vijftig", "fünfzig", "cincuenta"],
    ),
    ("60", &["sixty", "soixante", "zestig", "sechzig", "sesenta"]),
    ("70", &["seventy", "zeventig", "siebzig", "setenta"]),
    ("80", &["eighty", "tachtig", "achtzig", "ochenta"]),
    ("90", &["ninety", "negentig", "neunzig", "noventa"]),
    (
        "100",
        &["hundred", "cent", "honderd", "hundert", "cien", "ciento"],
    ),
    ("1000", &["thousand", "mille", "duizend", "tausend", "mil"]),
    // Times of day.
    (
        "12:00",
        &["noon", "midday", "midi", "middag", "mittag", "mediodía"],
    ),
    (
        "0:00",
        &[
            "midnight",
            "minuit",
            "middernacht",
            "mitternacht",
            "medianoche",
        ],
    ),
];

/// A number from 21 to 99 as the words of its tens and units: `twenty-four`,
/// `vingt-quatre`, `vierentwintig`, `vierundzwanzig`.
fn compound_words(n: u32) -> Vec<String> {
    const UNITS: [[&str; 4]; 9] = [
        ["one", "un", "een", "ein"],
        ["two", "deux", "twee", "zwei"],
        ["three", "trois", "drie", "drei"],
        ["four", "quatre", "vier", "vier"],
        ["five", "cinq", "vijf", "fünf"],
        ["six", "six", "zes", "sechs"],
        ["seven", "sept", "zeven", "sieben"],
        ["eight", "huit", "acht", "acht"],
        ["nine", "neuf", "negen", "neun"],
    ];
    const TENS: [[&str; 4]; 5] = [
        ["twenty", "vingt", "twintig", "zwanzig"],
        ["thirty", "trente", "dertig", "dreißig"],
        ["forty", "quarante", "veertig", "vierzig"],
        ["fifty", "cinquante", "vijftig", "fünfzig"],
        ["sixty", "soixante", "zestig", "sechzig"],
    ];
    let (tens, units) = (n / 10, n % 10);
    if !(2..=6).contains(&tens) || units == 0 {
        return Vec::new();
    }
    let (t, u) = (TENS[tens as usize - 2], UNITS[units as usize - 1]);
    // Dutch writes `ën` after a vowel: `tweeëntwintig`, `drieëntwintig`.
    let dutch_and = if u[2].ends_with('e') { "ën" } else { "en" };
    vec![
        format!("{}-{}", t[0], u[0]),
        format!("{}-{}", t[1], u[1]),
        format!("{}{dutch_and}{}", u[2], t[2]),
        format!("{}und{}", u[3], t[3]),
    ]
}

/// Whether `text` (lowercase) has number `value` written as a word.
fn spelled_out(value: &str, text: &str) -> bool {
    let compound = value.parse().map_or_else(|_| Vec::new(), compound_words);
    if compound.iter().any(|w| text.contains(w.as_str())) {
        return true;
    }
    let Some((_, words)) = WORDS.iter().find(|(v, _)| *v == value) else {
        return false;
    };
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| words.contains(&w))
}

/// English month names and their abbreviations, by month.
const MONTHS: [&[&str]; 12] = [
    &["January", "Jan"],
    &["February", "Feb"],
    &["March", "Mar"],
    &["April", "Apr"],
    &["May"],
    &["June", "Jun"],
    &["July", "Jul"],
    &["August", "Aug"],
    &["September", "Sep", "Sept"],
    &["October", "Oct"],
    &["November", "Nov"],
    &["December", "Dec"],
];

/// Whether `value` is the number of a month the English `source` names: a date the source
/// writes with the month's name (`May 3, 2021`) has the month's number on the other side
/// (`2021年5月3日`, `03.05.2021`). Names count capitalized only, as the modal `may` is not.
fn named_month(value: &str, source: &str) -> bool {
    let Some(names) = value
        .parse::<usize>()
        .ok()
        .and_then(|month| MONTHS.get(month.checked_sub(1)?))
    else {
        return false;
    };
    source
        .split(|c: char| !c.is_alphabetic())
        .any(|word| names.contains(&word))
}

/// Whether a number is followed by an imperial unit, which a translation may convert
/// (`500 miles` to `800 kilometer`).
fn imperial(after: &str) -> bool {
    const UNITS: &[&str] = &[
        "mile",
        "miles",
        "mi",
        "mph",
        "foot",
        "feet",
        "ft",
        "inch",
        "inches",
        "in",
        "yard",
        "yards",
        "yd",
        "pound",
        "pounds",
        "lb",
        "lbs",
        "ounce",
        "ounces",
        "oz",
        "gallon",
        "gallons",
        "gal",
        "°f",
        "degrees fahrenheit",
    ];
    // The longest unit is 18 characters: lowercase no more of the text than that.
    let after: String = after
        .trim_start_matches([' ', '\u{a0}', '-'])
        .chars()
        .take(20)
        .collect::<String>()
        .to_lowercase();
    UNITS.iter().any(|unit| {
        after
            .strip_prefix(unit)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}
