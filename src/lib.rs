//! locdoc reads side-by-side (sxs) localized documentation pages, in which every translated
//! segment carries its English source, and turns them into clean pages, exports and reports.
//!
//! Data flows one way through the stages:
//! [`text`] (bytes to page text) → [`frontmatter`] and [`sxs`] (markup) → [`page`] (the
//! lossless model) → [`regen`] and [`extract`] (outputs), run over many files by [`batch`];
//! [`site`] renders the pages as a static HTML site.

pub mod align;
pub mod baseline;
pub mod batch;
pub mod check;
pub mod config;
pub mod cross;
pub mod diag;
pub mod export;
pub mod extract;
pub mod files;
pub mod finding;
pub mod frontmatter;
pub mod html;
pub mod i18n;
pub mod import;
pub mod inline;
pub mod markdown;
pub mod page;
pub mod regen;
pub mod report;
pub mod rules;
pub mod select;
pub mod site;
pub mod sxs;
pub mod text;

pub use diag::{Diagnostic, DiagnosticKind, Severity};
pub use page::{Page, SegmentView};
