//! YAML front matter: where it is in the page, and a typed view of its localization keys.
//!
//! The block is kept byte for byte; the typed view is read from it and never written back.
//! YAML is parsed with serde_norway, the maintained fork of the archived serde_yaml,
//! which also bounds alias expansion ("billion laughs").

use std::ops::Range;

use serde::Serialize;

use crate::diag::{Diagnostic, DiagnosticKind};
use crate::text::Cursor;

/// The front matter keys the localization pipeline adds to a page. They describe the
/// translation, not the content, so the recovered English page leaves them out.
pub const LOCALIZATION_KEYS: &[&str] = &[
    "ms.openlocfilehash",
    "ms.sourcegitcommit",
    "ms.translationtype",
    "ms.contentlocale",
    "ms.lasthandoff",
    "ms.locfileid",
];

/// Where the front matter block of a page is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The whole block, from the opening `---` through the line ending of the closing one.
    pub range: Range<usize>,
    /// The YAML text between the delimiter lines.
    pub yaml: Range<usize>,
}

/// Why the front matter's YAML could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Byte offset in the YAML text where the problem was found.
    pub offset: usize,
    /// What is wrong.
    pub message: crate::i18n::Message,
}

/// The typed view of the front matter keys locdoc uses. Missing or non-scalar keys are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// `title`.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `uid`, the cross-reference id of the page.
    pub uid: Option<String>,
    /// `ms.contentlocale`, the locale of the translation (`fr-FR`).
    pub content_locale: Option<String>,
    /// `ms.sourcegitcommit`, the English commit the page was translated from.
    pub source_git_commit: Option<String>,
    /// `ms.openlocfilehash`, the hash of the English file.
    pub open_loc_file_hash: Option<String>,
    /// `ms.locfileid`, the translation's file id.
    pub loc_file_id: Option<String>,
    /// `ms.lasthandoff`, the date of the last hand-off to translation.
    pub last_handoff: Option<String>,
    /// `ms.translationtype`: `MT` (machine) or `HT` (human).
    pub translation_type: Option<String>,
}

impl Metadata {
    /// Whether `ms.translationtype` says machine translation: `MT` in any case, or a
    /// spelled-out value such as `Machine Translation`. `HT`, `MTPE` (post-edited by a
    /// human) and other values are not.
    pub fn machine_translated(&self) -> bool {
        self.translation_type.as_deref().is_some_and(|t| {
            let t = t.trim();
            t.eq_ignore_ascii_case("MT")
                || t.get(..7)
                    .is_some_and(|w| w.eq_ignore_ascii_case("machine"))
        })
    }
}

/// Finds the front matter at the start of `text` (after `body_start`, which skips a BOM).
/// Returns `None` when the page has none. The YAML is read later, by [`read_metadata`],
/// by the stages that need it.
pub fn locate(
    text: &str,
    body_start: usize,
    cursor: &mut Cursor<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let rest = &text[body_start..];
    let first_end = line_end(rest, 0);
    if rest[..first_end.content].trim_end_matches([' ', '\t']) != "---" {
        return None;
    }
    let yaml_start = body_start + first_end.next;
    let mut at = first_end.next;
    while at < rest.len() {
        let end = line_end(rest, at);
        let line = rest[at..end.content].trim_end_matches([' ', '\t']);
        if line == "---" || line == "..." {
            return Some(FrontMatter {
                range: body_start..body_start + end.next,
                yaml: yaml_start..body_start + at,
            });
        }
        at = end.next;
    }
    diagnostics.push(Diagnostic {
        kind: DiagnosticKind::UnterminatedFrontMatter,
        offset: body_start,
        position: cursor.position(body_start),
        message: crate::msg!("diag-front-matter-unclosed"),
    });
    None
}

struct LineEnd {
    /// Offset of the line-ending characters (or the end of text).
    content: usize,
    /// Offset of the next line.
    next: usize,
}

fn line_end(text: &str, from: usize) -> LineEnd {
    let bytes = text.as_bytes();
    match memchr::memchr2(b'\n', b'\r', &bytes[from..]) {
        None => LineEnd {
            content: text.len(),
            next: text.len(),
        },
        Some(i) => {
            let at = from + i;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            LineEnd { content: at, next }
        }
    }
}

/// The keys locdoc reads; serde skips all others without building them.
#[derive(serde::Deserialize)]
struct RawKeys {
    title: Option<serde_norway::Value>,
    description: Option<serde_norway::Value>,
    uid: Option<serde_norway::Value>,
    #[serde(rename = "ms.contentlocale")]
    content_locale: Option<serde_norway::Value>,
    #[serde(rename = "ms.sourcegitcommit")]
    source_git_commit: Option<serde_norway::Value>,
    #[serde(rename = "ms.openlocfilehash")]
    open_loc_file_hash: Option<serde_norway::Value>,
    #[serde(rename = "ms.locfileid")]
    loc_file_id: Option<serde_norway::Value>,
    #[serde(rename = "ms.lasthandoff")]
    last_handoff: Option<serde_norway::Value>,
    #[serde(rename = "ms.translationtype")]
    translation_type: Option<serde_norway::Value>,
}

/// The most `[` and `{` a front matter may hold. The YAML scanner's work grows faster than
/// the square of how deep flow collections nest (100,000 `[` take it 25 seconds); front
/// matter has a few.
const MAX_FLOW_OPENERS: usize = 4096;

/// Reads the typed keys from a front matter block's YAML text.
pub fn read_metadata(source: &str) -> Result<Metadata, YamlError> {
    if source.trim().is_empty() {
        return Ok(Metadata::default());
    }
    if let Some(offset) = memchr::memchr2_iter(b'[', b'{', source.as_bytes()).nth(MAX_FLOW_OPENERS)
    {
        return Err(YamlError {
            offset,
            message: crate::msg!("diag-front-matter-too-nested", limit = MAX_FLOW_OPENERS),
        });
    }
    let raw: RawKeys = serde_norway::from_str(source).map_err(|err| {
        let message = err.to_string();
        YamlError {
            offset: err.location().map_or(0, |l| l.index().min(source.len())),
            message: if message.starts_with("invalid type") {
                crate::msg!("diag-front-matter-not-mapping")
            } else {
                crate::msg!("diag-front-matter-invalid", detail = message)
            },
        }
    })?;
    let scalar = |value: Option<serde_norway::Value>| -> Option<String> {
        match value? {
            serde_norway::Value::String(s) => Some(s),
            serde_norway::Value::Number(n) => Some(n.to_string()),
            serde_norway::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    Ok(Metadata {
        title: scalar(raw.title),
        description: scalar(raw.description),
        uid: scalar(raw.uid),
        content_locale: scalar(raw.content_locale),
        source_git_commit: scalar(raw.source_git_commit),
        open_loc_file_hash: scalar(raw.open_loc_file_hash),
        loc_file_id: scalar(raw.loc_file_id),
        last_handoff: scalar(raw.last_handoff),
        translation_type: scalar(raw.translation_type),
    })
}

/// The lines of a YAML block that set one of `keys` at the top level, as byte ranges
/// of `yaml` including their line endings. A key's value may continue on indented lines.
pub fn top_level_key_lines(yaml: &str, keys: &[&str]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    let mut in_removed = false;
    while at < yaml.len() {
        let end = line_end(yaml, at);
        let line = &yaml[at..end.content];
        let continues = line.starts_with([' ', '\t']) || line.is_empty();
        if continues && in_removed {
            if let Some(last) = ranges.last_mut() {
                last.end = end.next;
            }
        } else {
            in_removed = keys.iter().any(|k| {
                line.strip_prefix(k)
                    .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
            });
            if in_removed {
                ranges.push(at..end.next);
            }
        }
        at = end.next;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> (Option<FrontMatter>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut cursor = Cursor::new(text);
        let bom = if text.starts_with(crate::text::UTF8_BOM) {
            3
        } else {
            0
        };
        (locate(text, bom, &mut cursor, &mut diags), diags)
    }

    fn meta_of(text: &str) -> Result<Metadata, YamlError> {
        let fm = parse_str(text).0.expect("front matter");
        read_metadata(&text[fm.yaml])
    }

    #[test]
    fn machine_translation_is_read_whatever_the_spelling() {
        let meta = |t: &str| Metadata {
            translation_type: Some(t.to_owned()),
            ..Metadata::default()
        };
        for t in ["MT", "mt", "Machine Translation", "machine-translated"] {
            assert!(meta(t).machine_translated(), "{t}");
        }
        for t in ["HT", "MTPE", "Human Translation", "", "Mach"] {
            assert!(!meta(t).machine_translated(), "{t}");
        }
        assert!(!Metadata::default().machine_translated());
    }

    #[test]
    fn reads_keys_with_crlf_and_bom() {
        let text = "\u{feff}---\r\ntitle: Titre\r\nms.contentlocale: fr-FR\r\nms.locfileid: \"51064854\"\r\n---\r\nbody";
        let (fm, diags) = parse_str(text);
        assert!(diags.is_empty());
        assert_eq!(&text[fm.unwrap().range.end..], "body");
        let meta = meta_of(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Titre"));
        assert_eq!(meta.content_locale.as_deref(), Some("fr-FR"));
        assert_eq!(meta.loc_file_id.as_deref(), Some("51064854"));
    }

    #[test]
    fn broken_yaml_is_an_error_at_its_offset() {
        let err = meta_of("---\ntitle: ok\nbad: [unclosed\n---\nbody\n").unwrap_err();
        assert!(err.offset >= "title: ok\n".len(), "{err:?}");
        assert!(err
            .message
            .to_string()
            .starts_with("front matter is not valid YAML"));
    }

    #[test]
    fn unterminated_and_non_mapping_front_matter() {
        let (fm, diags) = parse_str("---\ntitle: x\nbody\n");
        assert!(fm.is_none());
        assert_eq!(diags[0].kind, DiagnosticKind::UnterminatedFrontMatter);
        let err = meta_of("---\n- a\n- b\n---\n").unwrap_err();
        assert_eq!(
            err.message.to_string(),
            "front matter is YAML but not a mapping of keys to values"
        );
    }

    #[test]
    fn flow_collections_by_the_thousand_are_refused_before_parsing() {
        let deep = format!(
            "---\nms.contentlocale: fr-FR\nx: {}\n---\n",
            "[".repeat(100_000)
        );
        let err = meta_of(&deep).unwrap_err();
        // At the first `[` past the limit.
        assert_eq!(err.offset, "ms.contentlocale: fr-FR\nx: ".len() + 4096);
        assert_eq!(
            err.message.to_string(),
            "front matter opens more than 4096 `[` or `{` collections, too many to read in \
             reasonable time; its keys are not read"
        );
        // As many as the limit go to the parser, which finds them unclosed.
        let at_limit = format!("---\nx: {}\n---\n", "[{".repeat(2048));
        let err = meta_of(&at_limit).unwrap_err();
        assert!(
            err.message
                .to_string()
                .starts_with("front matter is not valid YAML"),
            "{err:?}"
        );
    }

    #[test]
    fn alias_bombs_are_neither_expanded_nor_fatal() {
        let mut yaml = String::from("---\na: &a [x,x,x,x,x,x,x,x,x]\n");
        for (i, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            yaml.push_str(&format!("{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        // Under a key locdoc does not read, the bomb is skipped, not expanded.
        let started = std::time::Instant::now();
        assert_eq!(
            meta_of(&format!("{yaml}ms.contentlocale: fr-FR\n---\n"))
                .unwrap()
                .content_locale
                .as_deref(),
            Some("fr-FR")
        );
        // Under a key it reads, the parser's repetition limit refuses it.
        assert!(meta_of(&format!("{yaml}title: *i\n---\n")).is_err());
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn key_lines_include_continuations() {
        let yaml = "title: t\nms.locfileid: \"1\"\nkeywords:\n- a\nms.topic: x\nms.lasthandoff: 03/23/2021\n";
        let ranges = top_level_key_lines(yaml, LOCALIZATION_KEYS);
        let kept: String = {
            let mut out = String::new();
            let mut at = 0;
            for r in &ranges {
                out.push_str(&yaml[at..r.start]);
                at = r.end;
            }
            out.push_str(&yaml[at..]);
            out
        };
        assert_eq!(kept, "title: t\nkeywords:\n- a\nms.topic: x\n");
    }
}
