//! The rule registry and what rules see.
//!
//! Each rule is a small module with a stable kebab-case id, a default severity and its
//! documentation next to its code. [`RULES`] lists them all; ids are never reused. Rules
//! push findings through [`Findings`] and never format output.

use std::borrow::Cow;
use std::ops::Range;

use crate::align::LoadedGroup;
use crate::diag::Severity;
use crate::i18n::Message;
use crate::inline::{self, Inline, Item};
use crate::msg;
use crate::page::{Page, SegmentView};

mod code_span;
mod conflict_marker;
mod cross_skeleton;
mod cross_source;
mod docfx_token;
mod duplicate_segment_id;
mod emphasis;
mod empty_translation;
mod escape_entity;
mod fragment_link;
mod french_spacing;
mod front_matter;
mod identifier;
mod inconsistent_translation;
mod inline_html;
mod link_destination;
mod markup;
mod missing_locale_page;
mod number;
mod tool_markup;
mod untranslated;
mod whitespace;
mod xref;

/// A translation QA rule.
pub trait Rule: Sync {
    /// The stable kebab-case id.
    fn id(&self) -> &'static str;
    /// The default severity of its findings.
    fn severity(&self) -> Severity;
    /// Whether it runs when the configuration does not mention it. Rules for the style of
    /// one language are off until a team turns them on.
    fn enabled_by_default(&self) -> bool {
        true
    }
    /// What it checks, in one line.
    fn summary(&self) -> &'static str;
    /// Its documentation: what it does, why it matters, an example (Markdown).
    fn doc(&self) -> &'static str;
    /// Checks one segment.
    fn check_segment(&self, _segment: &SegmentContext<'_>, _out: &mut Findings<'_>) {}
    /// Checks a whole page.
    fn check_page(&self, _page: &PageContext<'_>, _out: &mut Findings<'_>) {}
    /// Checks pages together: the versions of each page in several locales, and all
    /// pages of a locale. `check` runs it after the per-page pass when the inputs hold
    /// more than one locale.
    fn check_aligned(&self, _pages: &AlignedContext<'_>, _out: &mut CrossFindings<'_>) {}
    /// For a rule that compares across groups (all pages of a locale) rather than within
    /// each group: a fresh memory of the groups seen, which `check` feeds the groups of a
    /// run a batch at a time, so that a run holds one batch of pages rather than all.
    /// Rules without one run [`check_aligned`](Rule::check_aligned) on each group apart.
    fn across_groups(&self) -> Option<Box<dyn AcrossGroups>> {
        None
    }
}

/// What a rule that compares across groups remembers of the groups it has seen.
pub trait AcrossGroups: Send {
    /// Checks the groups of one batch against the groups of the batches before (and
    /// against each other, in order), then remembers them.
    fn check_batch(&mut self, pages: &AlignedContext<'_>, out: &mut CrossFindings<'_>);
}

/// Every rule, in the order `locdoc rules` lists them.
pub const RULES: &[&dyn Rule] = &[
    &markup::Markup,
    &front_matter::FrontMatterRule,
    &conflict_marker::ConflictMarker,
    &tool_markup::ToolMarkup,
    &duplicate_segment_id::DuplicateSegmentId,
    &fragment_link::FragmentLink,
    &empty_translation::EmptyTranslation,
    &untranslated::Untranslated,
    &link_destination::LinkDestination,
    &xref::Xref,
    &code_span::CodeSpan,
    &docfx_token::DocfxToken,
    &inline_html::InlineHtml,
    &emphasis::Emphasis,
    &identifier::Identifier,
    &number::Number,
    &escape_entity::EscapeEntity,
    &whitespace::Whitespace,
    &french_spacing::FrenchSpacing,
    &missing_locale_page::MissingLocalePage,
    &cross_source::CrossSource,
    &cross_skeleton::CrossSkeleton,
    &inconsistent_translation::InconsistentTranslation,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.id() == id)
}

/// A page as page rules see it.
pub struct PageContext<'p> {
    /// The page.
    pub page: &'p Page,
    /// Its locale, where known.
    pub locale: Option<&'p str>,
}

/// A segment as segment rules see it, with both sides analysed once for all rules.
pub struct SegmentContext<'p> {
    /// The segment.
    pub segment: SegmentView<'p>,
    /// What the English text holds.
    pub source: &'p Inline,
    /// What the translation holds.
    pub translation: Inline,
    /// The page's locale, where known.
    pub locale: Option<&'p str>,
}

/// The pages of a run grouped across locales, as cross-page rules see them.
pub struct AlignedContext<'p> {
    /// Each page with its versions in the other locales, sorted by key.
    pub groups: &'p [LoadedGroup],
}

impl AlignedContext<'_> {
    /// The page a [`PageRef`] names.
    pub fn page(&self, at: PageRef) -> &Page {
        &self.groups[at.group].pages[at.page].page
    }
}

/// A page of an [`AlignedContext`]: the index of its group, and its index in the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageRef {
    /// Index in [`AlignedContext::groups`].
    pub group: usize,
    /// Index in that group's pages.
    pub page: usize,
}

/// Collects the findings of one cross-page rule, each on one page.
pub struct CrossFindings<'a> {
    rule: &'static str,
    severity: Severity,
    out: &'a mut Vec<(PageRef, Raw)>,
}

impl<'a> CrossFindings<'a> {
    /// A collector for `rule`'s findings.
    pub fn new(rule: &dyn Rule, out: &'a mut Vec<(PageRef, Raw)>) -> Self {
        CrossFindings {
            rule: rule.id(),
            severity: rule.severity(),
            out,
        }
    }

    /// Adds findings collected apart (by a rule that works in parallel) with
    /// [`CrossFindings::new`] on a vector of its own.
    pub fn append(&mut self, raws: Vec<(PageRef, Raw)>) {
        self.out.extend(raws);
    }

    /// A finding at a byte range of a page; `segment` is the index (in page order) of the
    /// segment it is about, if any.
    pub fn at(
        &mut self,
        page: PageRef,
        segment: Option<usize>,
        range: Range<usize>,
        message: Message,
    ) {
        self.out.push((
            page,
            Raw {
                rule: self.rule,
                severity: self.severity,
                range,
                segment,
                message,
            },
        ));
    }
}

/// A text cut to `chars` characters for a message, with `…` where it was cut.
pub fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Which text of a segment an offset is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The English text.
    Source,
    /// The translation.
    Translation,
}

/// A finding before it has a line and column.
#[derive(Debug, Clone)]
pub struct Raw {
    /// Rule id.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// Byte range in the page.
    pub range: Range<usize>,
    /// Segment id, for segment findings.
    pub segment: Option<usize>,
    /// What is wrong.
    pub message: Message,
}

/// Collects the findings of one rule on one page.
pub struct Findings<'a> {
    rule: &'static str,
    severity: Severity,
    segment: Option<(usize, &'a SegmentView<'a>)>,
    out: &'a mut Vec<Raw>,
}

impl<'a> Findings<'a> {
    /// A collector for `rule`'s findings.
    pub fn new(rule: &dyn Rule, out: &'a mut Vec<Raw>) -> Self {
        Findings {
            rule: rule.id(),
            severity: rule.severity(),
            segment: None,
            out,
        }
    }

    /// A collector for findings about segment number `index` (in page order).
    pub fn for_segment(
        rule: &dyn Rule,
        index: usize,
        segment: &'a SegmentView<'a>,
        out: &'a mut Vec<Raw>,
    ) -> Self {
        Findings {
            rule: rule.id(),
            severity: rule.severity(),
            segment: Some((index, segment)),
            out,
        }
    }

    /// A finding at a byte range of the page, with the rule's severity.
    pub fn at(&mut self, range: Range<usize>, message: Message) {
        self.with_severity(self.severity, range, message);
    }

    /// A finding at a byte range of the page, with its own severity.
    pub fn with_severity(&mut self, severity: Severity, range: Range<usize>, message: Message) {
        self.out.push(Raw {
            rule: self.rule,
            severity,
            range,
            segment: self.segment.map(|(i, _)| i),
            message,
        });
    }

    /// A finding at a range of one side of the current segment.
    pub fn in_segment(&mut self, side: Side, range: Range<usize>, message: Message) {
        let Some((_, segment)) = self.segment else {
            return;
        };
        let base = match side {
            Side::Source => segment.segment.source.start,
            Side::Translation => segment.segment.translation.start,
        };
        self.at(base + range.start..base + range.end, message);
    }
}

/// The kinds of inline item rules compare, named in their messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// An inline code span.
    CodeSpan,
    /// A DocFX marker such as `[!NOTE]`.
    DocfxMarker,
    /// A bold span.
    Bold,
    /// An italic span.
    Italic,
    /// An inline HTML tag.
    HtmlTag,
    /// A link or image destination.
    LinkDestination,
    /// A cross-reference.
    CrossReference,
    /// A number.
    Number,
}

impl ItemKind {
    /// Every kind, for tests that check each has its message.
    pub const ALL: [ItemKind; 8] = [
        ItemKind::CodeSpan,
        ItemKind::DocfxMarker,
        ItemKind::Bold,
        ItemKind::Italic,
        ItemKind::HtmlTag,
        ItemKind::LinkDestination,
        ItemKind::CrossReference,
        ItemKind::Number,
    ];

    /// The noun that names the kind in messages.
    pub fn noun(self) -> Message {
        match self {
            ItemKind::CodeSpan => msg!("item-code-span"),
            ItemKind::DocfxMarker => msg!("item-docfx-marker"),
            ItemKind::Bold => msg!("item-bold"),
            ItemKind::Italic => msg!("item-italic"),
            ItemKind::HtmlTag => msg!("item-html-tag"),
            ItemKind::LinkDestination => msg!("item-link-destination"),
            ItemKind::CrossReference => msg!("item-cross-reference"),
            ItemKind::Number => msg!("item-number"),
        }
    }
}

/// Reports a source item the translation lacks, at the source item.
pub fn report_missing(out: &mut Findings<'_>, item: &Item, what: ItemKind) {
    report_unmatched(out, Side::Source, item.range.clone(), what, &item.value);
}

/// Reports a translation item the source lacks, at the translation item.
pub fn report_extra(out: &mut Findings<'_>, item: &Item, what: ItemKind) {
    report_unmatched(
        out,
        Side::Translation,
        item.range.clone(),
        what,
        &item.value,
    );
}

/// Reports an item of one side (at `range` of it) the other side lacks, named `value`:
/// missing from the translation where it is the source's, added where the translation's.
pub fn report_unmatched(
    out: &mut Findings<'_>,
    side: Side,
    range: Range<usize>,
    what: ItemKind,
    value: &str,
) {
    let message = match side {
        Side::Source => msg!("item-missing", what = what.noun(), value = value),
        Side::Translation => msg!("item-extra", what = what.noun(), value = value),
    };
    out.in_segment(side, range, message);
}

/// Reports items of the source missing from the translation (at the source item) and
/// items of the translation the source does not have (at the translation item).
/// `what` names the kind of item for the message.
pub fn compare_items(
    out: &mut Findings<'_>,
    source: &[Item],
    translation: &[Item],
    what: ItemKind,
    key: impl for<'s> Fn(&'s str) -> Cow<'s, str>,
) {
    for item in inline::missing(source, translation, &key) {
        report_missing(out, item, what);
    }
    for item in inline::missing(translation, source, &key) {
        report_extra(out, item, what);
    }
}

/// Like [`compare_items`], but a source item missing and a translation item added at the
/// same turn are one finding, "written as", at the translation item: a changed URL or code
/// span is one problem, not two.
pub fn compare_changed(
    out: &mut Findings<'_>,
    source: &[Item],
    translation: &[Item],
    what: ItemKind,
    key: impl for<'s> Fn(&'s str) -> Cow<'s, str>,
) {
    let missing = inline::missing(source, translation, &key);
    let extra = inline::missing(translation, source, &key);
    for (gone, added) in missing.iter().zip(extra.iter()) {
        let message = msg!(
            "item-changed",
            what = what.noun(),
            value = &gone.value,
            written = &added.value
        );
        out.in_segment(Side::Translation, added.range.clone(), message);
    }
    for item in missing.iter().skip(extra.len()) {
        report_missing(out, item, what);
    }
    for item in extra.iter().skip(missing.len()) {
        report_extra(out, item, what);
    }
}

pub use crate::inline::same;
