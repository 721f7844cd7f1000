//! `identifier`: names that must stay verbatim.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Findings, Rule, SegmentContext, Side};
use crate::diag::Severity;

/// Dotted and underscored names, cmdlets, file names and e-mail addresses of the source,
/// verbatim in the translation.
pub struct Identifier;

impl Rule for Identifier {
    fn id(&self) -> &'static str {
        "identifier"
    }
    fn severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a name that must stay verbatim (dotted or underscored name, cmdlet, file, e-mail) is changed in the translation"
    }
    fn doc(&self) -> &'static str {
        "## What it does
Finds in the prose of the source the names that are never translated: dotted names
(`Microsoft.Quantum.Standard`, `contoso.com`, `setup.exe`, `Pwm.h`), names joined by
underscores (`PWM_PIN_GET_POLARITY_OUTPUT`, `msdyn_plannedwork`; not subscripts such as
`V_j`, nor keys such as `ALT_SHIFT`), PowerShell cmdlets (`Get-AzContext`) and e-mail
addresses. Each must appear verbatim somewhere in the translation (an underscore escaped
or not; cmdlets and host names in any case: PowerShell and DNS ignore it). Where the
translation's prose has it with spaces added around its dots or underscores, or its case
changed, the finding points there.

## Why it matters
Namespaces, domains, files and cmdlets are typed or searched for as written. Machine
translation splits them at dots and changes their case.

## Example
Source: `Package: [Microsoft.Quantum.Standard](https://nuget.org/packages/Microsoft.Quantum.Standard)`
Translation: `Package : [Microsoft. Quantum. standard](https://nuget.org/packages/Microsoft.Quantum.Standard)`
is reported at `Microsoft. Quantum. standard`.

## Limits
Each name is looked for in the whole translation, so a segment's first 256 names are
checked and any after them are not: a sentence has a few, and a segment of thousands (a
table or a list run together) would take time growing with the square of its length."
    }
    fn check_segment(&self, s: &SegmentContext<'_>, out: &mut Findings<'_>) {
        let source = s.segment.source();
        let translation = s.segment.translation();
        if !may_hold_a_name(source.as_bytes()) {
            return;
        }
        // Only needed for a name the translation lacks as written, which is rare.
        let translated_prose = std::cell::OnceCell::new();
        let lowercase = std::cell::OnceCell::new();
        let unescaped_translation = std::cell::OnceCell::new();
        let prose = joined_at_escapes(&s.source.prose, source);
        let names = prose
            .iter()
            .flat_map(|prose| {
                let matches = NAME.find_iter(&source[prose.clone()]);
                matches.map(move |m| (prose.start, m))
            })
            .filter(|(_, m)| looks_like_identifier(m.as_str()))
            .take(MAX_NAMES);
        for (prose_start, m) in names {
            let name = m.as_str();
            if translation.contains(name) {
                continue;
            }
            // An underscore escaped on one side and not on the other reads the same.
            if name.contains('_')
                && unescaped_translation
                    .get_or_init(|| unescaped(translation))
                    .contains(unescaped(name).as_ref())
            {
                continue;
            }
            let before = &source[..prose_start + m.start()];
            let after = &source[prose_start + m.end()..];
            if in_title_case(before, name, after) || phrasal_noun(name) {
                continue;
            }
            // PowerShell does not care about case (`get-MsolUser` still runs), nor does
            // DNS (`Nuget.org` is nuget.org).
            let cmdlet = !name.contains(['.', '@', '_']);
            if (cmdlet || is_host_name(name))
                && lowercase
                    .get_or_init(|| translation.to_lowercase())
                    .contains(&name.to_lowercase())
            {
                continue;
            }
            let at = prose_start + m.start()..prose_start + m.end();
            // Looked for in prose only: a URL holds names lowercased (`ne-pwm-pwm_polarity`).
            let translated_prose = translated_prose
                .get_or_init(|| joined_at_escapes(&s.translation.prose, translation));
            let found = translated_prose.iter().find_map(|prose| {
                let (range, written) = mangled(name, &translation[prose.clone()])?;
                Some((prose.start + range.start..prose.start + range.end, written))
            });
            match found {
                Some((range, written)) => out.in_segment(
                    Side::Translation,
                    range,
                    crate::msg!("finding-identifier-changed", name = name, written = written),
                ),
                None => out.in_segment(
                    Side::Source,
                    at,
                    crate::msg!("finding-identifier-missing", name = name),
                ),
            }
        }
    }
}

/// How many names of a segment are checked: each is looked for in the whole translation.
const MAX_NAMES: usize = 256;

/// The prose ranges with those that only a Markdown escape separates joined, so that
/// `PWM\_PIN\_OUTPUT`, which Markdown reads as three texts, is one name.
fn joined_at_escapes<'r>(prose: &'r [Range<usize>], text: &str) -> Cow<'r, [Range<usize>]> {
    if !text.contains('\\') {
        return Cow::Borrowed(prose);
    }
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(prose.len());
    for range in prose {
        match joined.last_mut() {
            Some(last) if range.start == last.end + 1 && text.as_bytes()[last.end] == b'\\' => {
                last.end = range.end;
            }
            _ => joined.push(range.clone()),
        }
    }
    Cow::Owned(joined)
}

/// Candidate names: e-mail addresses, dotted words, and cmdlets: a PowerShell verb, a
/// hyphen and a capitalized noun (`Get-AzContext`), not any hyphenated word (`Mon-Fri`).
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[A-Za-z0-9_.+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+",
        r"|(?-u:\b)[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_][A-Za-z0-9_-]*)+",
        // Words joined by underscores, which Markdown may escape (`PWM\_PIN\_OUTPUT`).
        r"|(?-u:\b)[A-Za-z][A-Za-z0-9]*(?:\\?_[A-Za-z0-9]+)+(?-u:\b)",
        r"|(?-u:\b)(?:Add|Clear|Close|Connect|ConvertFrom|ConvertTo|Copy|Disable|Disconnect|Enable|Export|Find|Get|Grant|Import",
        r"|Install|Invoke|New|Publish|Register|Remove|Rename|Restart|Resume|Revoke|Search|Set|Start|Stop|Suspend|Test",
        r"|Uninstall|Unregister|Update|Write)-[A-Z][A-Za-z]+(?-u:\b)",
    ))
    .expect("valid regex")
});

/// Whether a text can hold a name at all: a dot followed by a word character, an `@`, or
/// a hyphen followed by a capital. Most sentences have none.
fn may_hold_a_name(bytes: &[u8]) -> bool {
    let next = |i: usize| bytes.get(i + 1).copied().unwrap_or(b' ');
    memchr::memchr(b'@', bytes).is_some()
        || memchr::memchr3_iter(b'.', b'-', b'_', bytes).any(|i| match bytes[i] {
            b'-' => next(i).is_ascii_uppercase(),
            _ => next(i).is_ascii_alphanumeric() || next(i) == b'_',
        })
}

/// Whether a dotted name is a host name: its last part is a top-level domain. File
/// extensions are kept apart: on a case-sensitive file system `a.CS` is another file.
fn is_host_name(name: &str) -> bool {
    const DOMAINS: &[&str] = &[
        "com", "net", "org", "edu", "gov", "mil", "int", "io", "ms", "info", "biz", "dev", "app",
        "cloud", "us", "uk", "de", "fr", "nl", "cn", "jp",
    ];
    !name.contains('@')
        && name
            .rsplit_once('.')
            .is_some_and(|(_, last)| DOMAINS.iter().any(|d| last.eq_ignore_ascii_case(d)))
}

/// Whether words joined by underscores are a name of code (`PWM_PIN_GET_POLARITY_OUTPUT`,
/// `msdyn_CopyProjectV2`): not a subscript of mathematics (`V_j`, `log_2`), whose parts
/// are a character long, nor keys pressed together (`ALT_SHIFT`), which a translation names
/// as its keyboard does.
fn underscored_name(name: &str) -> bool {
    const KEYS: &[&str] = &[
        "alt", "ctrl", "shift", "cmd", "win", "tab", "enter", "esc", "del",
    ];
    let unescaped = unescaped(name);
    let parts = || unescaped.split('_');
    parts().all(|p| p.chars().count() >= 2)
        && !parts().any(|p| KEYS.iter().any(|k| p.eq_ignore_ascii_case(k)))
}

/// `text` with Markdown's escapes of underscores removed.
fn unescaped(text: &str) -> Cow<'_, str> {
    if text.contains("\\_") {
        Cow::Owned(text.replace("\\_", "_"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Keeps names whose parts all have two characters or more, which drops abbreviations
/// (`e.g`, `U.S`), except a C header or source file (`Pwm.h`), and drops two sentences run
/// together (`settings.Select`).
fn looks_like_identifier(name: &str) -> bool {
    if name.contains('@') {
        return true;
    }
    if !name.contains('.') {
        return !name.contains('_') || underscored_name(name);
    }
    let parts: Vec<&str> = name.split('.').collect();
    let c_file = |i: usize, part: &str| i == parts.len() - 1 && matches!(part, "h" | "c");
    if parts
        .iter()
        .enumerate()
        .any(|(i, p)| p.chars().count() < 2 && !c_file(i, p))
    {
        return false;
    }
    let lowercase = |w: &str| w.chars().all(char::is_lowercase);
    let capitalized = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    !(parts.len() == 2 && lowercase(parts[0]) && capitalized(parts[1]))
}

/// Whether a cmdlet-shaped name is an English noun made of a verb and a particle
/// (`Add-Ins`, `Set-Up`, `Add-On`): no cmdlet's noun is `In` or `Up`, and a translation
/// names such a UI label in its own language.
fn phrasal_noun(name: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "in", "ins", "on", "ons", "up", "ups", "out", "outs", "off", "offs", "over", "down",
        "back", "away",
    ];
    name.split_once('-')
        .is_some_and(|(_, noun)| PARTICLES.iter().any(|p| noun.eq_ignore_ascii_case(p)))
}

/// Whether a cmdlet-shaped name with a one-word noun is a pair of words in a title
/// (`Troubleshoot a Failed Add-File Operation`): the words on both sides are capitalized
/// words too. A cmdlet in a sentence has lowercase words around it or an argument after
/// it (`Run the Install-Module MSOnline command`).
fn in_title_case(before: &str, name: &str, after: &str) -> bool {
    let Some((_, noun)) = name.split_once('-') else {
        return false;
    };
    if name.contains(['.', '@']) || noun.chars().skip(1).any(|c| !c.is_ascii_lowercase()) {
        return false;
    }
    let title_word = |word: Option<&str>| {
        let word = word
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let previous = before
        .strip_suffix(' ')
        .and_then(|b| b.split(' ').next_back());
    let next = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
    title_word(previous) && title_word(next)
}

/// Where the translation has `name` with white space added around its dots or underscores
/// (`Microsoft. Quantum`, `LOCKBOX \_ DE`) or with its case changed: the first place where
/// its parts follow one another, ignoring case, with only white space (and an underscore's
/// escape) around the separators between them.
fn mangled(name: &str, translation: &str) -> Option<(Range<usize>, String)> {
    let name = unescaped(name).to_lowercase();
    let mut parts = name.split_inclusive(['.', '_']).map(|part| {
        let separator = part.chars().next_back().filter(|c| matches!(c, '.' | '_'));
        (part.strip_suffix(['.', '_']).unwrap_or(part), separator)
    });
    let (first, separator) = parts.next().filter(|(first, _)| !first.is_empty())?;
    let rest: Vec<(&str, Option<char>)> = parts.collect();
    let lower = translation.to_lowercase();
    if lower.len() != translation.len() {
        return None; // case folding moved bytes; offsets would not map back
    }
    let mut from = 0;
    while let Some(found) = lower[from..].find(first) {
        let start = from + found;
        let mut at = start + first.len();
        let mut after = separator;
        let matched = rest.iter().all(|&(part, next)| {
            let Some(sep) = after else {
                return false;
            };
            let trimmed = lower[at..].trim_start();
            let trimmed = if sep == '_' {
                trimmed.strip_prefix('\\').unwrap_or(trimmed)
            } else {
                trimmed
            };
            let Some(after_separator) = trimmed.strip_prefix(sep) else {
                return false;
            };
            let after_space = after_separator.trim_start();
            if !after_space.starts_with(part) {
                return false;
            }
            at = lower.len() - after_space.len() + part.len();
            after = next;
            true
        });
        if matched {
            return Some((start..at, translation[start..at].to_owned()));
        }
        from = start + first.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_split_at_dots_or_recased() {
        let t = "Zie [System. math. TANH](x) en Microsoft. Quantum. Canon. BoundC";
        let (range, written) = mangled("System.Math.Tanh", t).unwrap();
        assert_eq!(
            (&t[range], written.as_str()),
            ("System. math. TANH", "System. math. TANH")
        );
        assert_eq!(
            mangled("Microsoft.Quantum.Canon.BoundC", t).unwrap().1,
            "Microsoft. Quantum. Canon. BoundC"
        );
        assert_eq!(
            mangled("Microsoft.Quantum.Arrays", "Micro soft. Quantum. arrays"),
            None
        );
        assert!(looks_like_identifier("Microsoft.Quantum.Standard"));
        assert!(!looks_like_identifier("e.g"));
        assert!(!looks_like_identifier("settings.Select"));
    }

    #[test]
    fn verbs_with_particles_are_words() {
        // Office VBA ru-RU showtoolbar-macro-action.md: the Add-Ins tab, translated.
        assert!(phrasal_noun("Add-Ins"));
        assert!(phrasal_noun("Set-Up"));
        assert!(!phrasal_noun("Get-Item"));
        assert!(!phrasal_noun("Install-Module"));
    }

    #[test]
    fn one_word_cmdlet_nouns_in_titles_are_words() {
        // sql-docs zh-CN create-an-availability-group-sql-server-powershell.md.
        assert!(in_title_case(
            "Troubleshoot a Failed ",
            "Add-File",
            " Operation (AlwaysOn)"
        ));
        assert!(!in_title_case("a Failed ", "Add-File", " operation"));
        assert!(!in_title_case("Use the ", "Get-Item", " Cmdlet"));
        assert!(!in_title_case("Run ", "Get-AzContext", " Command"));
        assert!(!in_title_case(
            "Run the **",
            "Install-Module",
            " MSOnline** command"
        ));
        assert!(!in_title_case("", "Import-Module", " Azure"));
        assert!(!in_title_case("Using ", "Get-Item", ""));
    }
}
