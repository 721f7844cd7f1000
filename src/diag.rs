//! Diagnostics: what the parser noticed about a page's markup and kept as it was.
//!
//! Parsing never fails on content. Markup the parser does not understand stays
//! in the page as skeleton bytes, and a [`Diagnostic`] says what it was and where.

use serde::Serialize;

use crate::text::Position;

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong with the output.
    Info,
    /// Probably wrong; output is still produced.
    Warning,
    /// Wrong; the output for this place is not what the publisher would make.
    Error,
}

impl Severity {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of markup trouble the parser reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// Span markup whose attribute quotes are written as `&quot;`.
    EntityEscapedMarkup,
    /// A `data-ttu-id` span not followed by its `sxs-lookup` twin.
    MissingSourceSpan,
    /// An `sxs-lookup` span with no translation span before it.
    OrphanSourceSpan,
    /// The ttu id and the stu id of one segment differ.
    MismatchedIds,
    /// A segment span that is never closed.
    UnterminatedSpan,
    /// A segment span opened inside another segment.
    NestedSegment,
    /// A segment that runs over more than one line.
    MultilineSegment,
    /// A segment with white space between its span tags.
    SpacedMarkup,
    /// A segment attribute (`data-ttu-id`, `data-stu-id`) outside any markup the parser
    /// reads as a segment or reports otherwise.
    UnreadMarkup,
    /// Front matter that does not parse as a YAML mapping.
    InvalidFrontMatter,
    /// Front matter opened with `---` and never closed.
    UnterminatedFrontMatter,
    /// A front matter value (`title`, `description`) the English page keeps in the
    /// translation, because no segment holds its English.
    TranslatedFrontMatter,
}

impl DiagnosticKind {
    /// The stable kebab-case code of this kind.
    pub fn code(self) -> &'static str {
        match self {
            DiagnosticKind::EntityEscapedMarkup => "entity-escaped-markup",
            DiagnosticKind::MissingSourceSpan => "missing-source-span",
            DiagnosticKind::OrphanSourceSpan => "orphan-source-span",
            DiagnosticKind::MismatchedIds => "mismatched-ids",
            DiagnosticKind::UnterminatedSpan => "unterminated-span",
            DiagnosticKind::NestedSegment => "nested-segment",
            DiagnosticKind::MultilineSegment => "multiline-segment",
            DiagnosticKind::SpacedMarkup => "spaced-markup",
            DiagnosticKind::UnreadMarkup => "unread-markup",
            DiagnosticKind::InvalidFrontMatter => "invalid-front-matter",
            DiagnosticKind::UnterminatedFrontMatter => "unterminated-front-matter",
            DiagnosticKind::TranslatedFrontMatter => "translated-front-matter",
        }
    }

    /// Every kind, in declaration order.
    pub const ALL: [DiagnosticKind; 12] = [
        DiagnosticKind::EntityEscapedMarkup,
        DiagnosticKind::MissingSourceSpan,
        DiagnosticKind::OrphanSourceSpan,
        DiagnosticKind::MismatchedIds,
        DiagnosticKind::UnterminatedSpan,
        DiagnosticKind::NestedSegment,
        DiagnosticKind::MultilineSegment,
        DiagnosticKind::SpacedMarkup,
        DiagnosticKind::UnreadMarkup,
        DiagnosticKind::InvalidFrontMatter,
        DiagnosticKind::UnterminatedFrontMatter,
        DiagnosticKind::TranslatedFrontMatter,
    ];

    /// The kind with this code (`entity-escaped-markup`).
    pub fn from_code(code: &str) -> Option<DiagnosticKind> {
        DiagnosticKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What this kind means, in one sentence for `locdoc explain`.
    pub fn summary(self) -> &'static str {
        match self {
            DiagnosticKind::EntityEscapedMarkup => {
                "segment span markup has its quotes written as `&quot;`; it is read as a segment anyway"
            }
            DiagnosticKind::MissingSourceSpan => {
                "a `data-ttu-id` span is not followed by its `sxs-lookup` twin; its bytes stay in the page"
            }
            DiagnosticKind::OrphanSourceSpan => {
                "an `sxs-lookup` span has no translation span before it; its bytes stay in the page"
            }
            DiagnosticKind::MismatchedIds => {
                "the ttu id and the stu id of one segment differ; it is read as a segment anyway"
            }
            DiagnosticKind::UnterminatedSpan => "a segment span is never closed",
            DiagnosticKind::NestedSegment => "a segment span is opened inside another segment",
            DiagnosticKind::MultilineSegment => {
                "a segment runs over more than one line; it is read as usual"
            }
            DiagnosticKind::SpacedMarkup => {
                "a segment has white space between its span tags; it is read as usual"
            }
            DiagnosticKind::UnreadMarkup => {
                "a `data-ttu-id` or `data-stu-id` attribute sits in a tag that is not a segment span"
            }
            DiagnosticKind::InvalidFrontMatter => "the front matter is not a valid YAML mapping",
            DiagnosticKind::UnterminatedFrontMatter => {
                "the front matter is opened with `---` and never closed"
            }
            DiagnosticKind::TranslatedFrontMatter => {
                "`regen --source` keeps a translated front matter value (`title`, `description`), as no segment holds its English"
            }
        }
    }

    /// The `check` rule that reports this kind; `None` for the notes only `-v` shows.
    pub fn rule(self) -> Option<&'static str> {
        match self {
            DiagnosticKind::InvalidFrontMatter => Some("front-matter"),
            kind if kind.severity() == Severity::Info => None,
            _ => Some("markup"),
        }
    }

    /// How much this kind matters.
    pub fn severity(self) -> Severity {
        match self {
            DiagnosticKind::MultilineSegment
            | DiagnosticKind::SpacedMarkup
            | DiagnosticKind::TranslatedFrontMatter => Severity::Info,
            DiagnosticKind::EntityEscapedMarkup | DiagnosticKind::MismatchedIds => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

/// One thing the parser noticed, at a byte offset of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// What kind of trouble.
    pub kind: DiagnosticKind,
    /// Byte offset in the page where it starts.
    pub offset: usize,
    /// Line and column of `offset`.
    pub position: Position,
    /// A sentence for the user: what is wrong and what was done with it.
    pub message: crate::i18n::Message,
}

#[cfg(test)]
mod tests {
    use super::DiagnosticKind;

    /// `ALL` is written by hand. This match has no wildcard, so a new kind does not compile
    /// until it is given its place here, next to the reminder to list it in `ALL` as well;
    /// the assertion keeps the two lists in the same order.
    #[test]
    fn all_lists_every_kind_once() {
        let position = |kind: DiagnosticKind| match kind {
            DiagnosticKind::EntityEscapedMarkup => 0,
            DiagnosticKind::MissingSourceSpan => 1,
            DiagnosticKind::OrphanSourceSpan => 2,
            DiagnosticKind::MismatchedIds => 3,
            DiagnosticKind::UnterminatedSpan => 4,
            DiagnosticKind::NestedSegment => 5,
            DiagnosticKind::MultilineSegment => 6,
            DiagnosticKind::SpacedMarkup => 7,
            DiagnosticKind::UnreadMarkup => 8,
            DiagnosticKind::InvalidFrontMatter => 9,
            DiagnosticKind::UnterminatedFrontMatter => 10,
            DiagnosticKind::TranslatedFrontMatter => 11,
        };
        for (i, kind) in DiagnosticKind::ALL.into_iter().enumerate() {
            assert_eq!(position(kind), i, "{kind:?} is out of place in ALL");
        }
    }
}
