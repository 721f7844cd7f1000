//! `build`: a static site of the pages below the inputs, one HTML page per page and locale,
//! with each translated segment showing its English source, a language switcher between
//! the versions of a page ([`align`](crate::align)'s pairing), an index per locale, a root
//! page listing the locales, and a translation dashboard.
//!
//! The build runs in two passes over the files, both parallel: the first reads only front
//! matter (titles, `uid:` keys, commits) for links and the dashboard; the second renders and
//! writes each page as it goes, keeping only counts.

mod docfx;
mod layout;
pub mod render;
pub mod sanitize;
pub mod templates;

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use minijinja::{context, Value};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use thiserror::Error;

use crate::align;
use crate::files::{self, FileError, UsageError};
use crate::frontmatter::Metadata;
use crate::i18n::{Arg, Localizer};
use crate::page::Page;

pub use render::{Problem, ProblemKind};
pub use templates::Templates;

/// What to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The content folders (or pages); pages pair across locales by their path below the
    /// locale folder.
    pub inputs: Vec<PathBuf>,
    /// The site folder; must not be, or lie inside, an input.
    pub out: PathBuf,
    /// A folder of templates replacing the built-in ones of the same file name.
    pub templates: Option<PathBuf>,
}

/// Why a build, or one of its files, failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The arguments do not work together (the site folder is inside the content).
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// A page could not be read or written.
    #[error(transparent)]
    File(#[from] FileError),
    /// A template file of `--templates` could not be read.
    #[error("cannot read template {}: {source}; fix its permissions or remove it to use the built-in one", path.display())]
    TemplateFile {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A template does not parse or failed to render.
    #[error("template {name}: {message}; fix the template or remove it to use the built-in one")]
    Template {
        /// The template's file name (with its folder when it came from `--templates`).
        name: String,
        /// What minijinja said, with the line.
        message: String,
    },
}

/// What one locale holds, for the dashboard and the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocaleStats {
    /// The locale.
    pub locale: String,
    /// Pages rendered.
    pub pages: usize,
    /// Segments in them.
    pub segments: usize,
    /// Findings of the check rules (at their default severities), by rule id.
    pub findings: BTreeMap<&'static str, usize>,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages rendered and written.
    pub pages: usize,
    /// Per locale, in locale order.
    pub locales: Vec<LocaleStats>,
    /// What could not be rendered as written (includes, xrefs), by file and line.
    pub problems: Vec<Problem>,
    /// Files that could not be read, rendered or written.
    pub errors: Vec<BuildError>,
    /// Pages below no locale folder and without `ms.contentlocale`, left out.
    pub unplaced: Vec<PathBuf>,
    /// Pages whose `ms.sourcegitcommit` differs between locales.
    pub stale: usize,
    /// Other files below locale folders (images, downloads) copied into the site.
    pub assets: usize,
}

/// What the first pass learns of a page.
#[derive(Debug)]
struct PageInfo {
    locale: String,
    group: usize,
    path: PathBuf,
    /// The input folder the page is below: includes stay inside it.
    root: PathBuf,
    /// The page's path below the locale folder, with the set folder (`/` separators).
    rel: String,
    /// Where the page goes in the site: `<locale>/<rel>.html`.
    site_path: String,
    title: String,
    uid: Option<String>,
    commit: Option<String>,
    machine_translated: bool,
    /// The front matter keys as read for the index, when they parsed: the page's own
    /// reading then skips the YAML.
    meta: Option<Metadata>,
}

/// The file names of the generated pages (the content's pages have `.html` names below
/// `<locale>/`; these start with `_` to stay out of their way).
const LOCALE_INDEX: &str = "_index.html";
const DASHBOARD: &str = "_dashboard.html";
const STATIC: &str = "_static";

/// Builds the site.
pub fn build(options: &Options) -> Result<Report, BuildError> {
    files::check_output(&options.out, &options.inputs)?;
    let templates = Templates::load(options.templates.as_deref())?;
    let layout = align::layout(&options.inputs, &[]);
    let mut report = Report {
        errors: layout.errors.into_iter().map(BuildError::from).collect(),
        unplaced: layout.unplaced.clone(),
        ..Report::default()
    };
    let common = files::common_prefix(layout.groups.iter().map(|g| g.key.prefix.as_path()));
    let members: Vec<(usize, &align::Member)> = layout
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| group.members.iter().map(move |m| (g, m)))
        .collect();
    let first: Vec<Result<PageInfo, FileError>> = members
        .par_iter()
        .map(|(g, member)| {
            let key = &layout.groups[*g].key;
            files::guarded(&member.path, || {
                page_info(*g, member, key, &common, &options.inputs)
            })?
        })
        .collect();
    let mut infos = Vec::with_capacity(first.len());
    for info in first {
        match info {
            Ok(info) => infos.push(info),
            Err(err) => report.errors.push(err.into()),
        }
    }
    let site = Site::new(&infos, &layout.locales, &templates, &options.out);
    let outcomes: Vec<Outcome> = (0..infos.len())
        .into_par_iter()
        .map(|i| {
            files::guarded(&infos[i].path, || site.page(i)).unwrap_or_else(|err| Outcome {
                result: Err(err.into()),
                segments: 0,
                findings: Vec::new(),
                problems: Vec::new(),
            })
        })
        .collect();
    let mut stats: BTreeMap<&str, LocaleStats> = BTreeMap::new();
    for (info, outcome) in infos.iter().zip(outcomes) {
        report.problems.extend(outcome.problems);
        match outcome.result {
            Ok(()) => {
                let entry = stats.entry(&info.locale).or_insert_with(|| LocaleStats {
                    locale: info.locale.clone(),
                    ..LocaleStats::default()
                });
                entry.pages += 1;
                entry.segments += outcome.segments;
                for (rule, count) in outcome.findings {
                    *entry.findings.entry(rule).or_default() += count;
                }
                report.pages += 1;
            }
            Err(err) => report.errors.push(err),
        }
    }
    report.locales = stats.into_values().collect();
    let (assets, errors) = copy_assets(&options.inputs, &common, &options.out);
    report.assets = assets;
    report.errors.extend(errors);
    let stale = site.stale_pages(&layout.groups);
    report.stale = stale.len();
    report
        .errors
        .extend(site.write_indexes(&report.locales, &stale));
    Ok(report)
}

/// Copies the files below locale folders that are not pages (images, downloads) to where
/// the pages' relative links expect them: `<locale>/<set>/<path below the locale folder>`,
/// as the pages themselves are placed. Returns how many were copied and what failed.
fn copy_assets(inputs: &[PathBuf], common: &Path, out: &Path) -> (usize, Vec<BuildError>) {
    // The walk is the pages' walk again: a folder it cannot list was reported then.
    let (assets, _) = files::collect_assets(inputs);
    let results: Vec<Option<Result<(), BuildError>>> = assets
        .par_iter()
        .map(|asset| {
            let placed = align::place(&asset.path, &[])?;
            // A set with no pages has nothing linking to its files (and no place in the site).
            let set = placed.key.prefix.strip_prefix(common).ok()?;
            let target = out.join(&placed.locale).join(set).join(&placed.key.rest);
            let copied = std::fs::read(&asset.path)
                .map_err(|source| {
                    FileError::Read(crate::page::ReadError::Io {
                        path: asset.path.clone(),
                        source,
                    })
                })
                .and_then(|bytes| {
                    files::write_atomic(&target, &bytes).map_err(|source| FileError::Write {
                        path: target.clone(),
                        source,
                    })
                });
            Some(copied.map_err(BuildError::from))
        })
        .collect();
    let mut errors = Vec::new();
    let mut copied = 0;
    for result in results.into_iter().flatten() {
        match result {
            Ok(()) => copied += 1,
            Err(err) => errors.push(err),
        }
    }
    (copied, errors)
}

/// What the second pass did with one page.
struct Outcome {
    result: Result<(), BuildError>,
    segments: usize,
    findings: Vec<(&'static str, usize)>,
    problems: Vec<Problem>,
}

fn page_info(
    group: usize,
    member: &align::Member,
    key: &align::PageKey,
    common: &Path,
    inputs: &[PathBuf],
) -> Result<PageInfo, FileError> {
    // `None` where the YAML does not parse (`check` reports it).
    let parsed = Page::read_metadata(&member.path)?;
    let meta = parsed.clone().unwrap_or_default();
    let set = key.prefix.strip_prefix(common).unwrap_or(&key.prefix);
    let rel = files::slash_path(&set.join(&key.rest));
    let stem = rel.strip_suffix(".md").unwrap_or(&rel);
    let site_path = format!("{}/{stem}.html", member.locale);
    let root = inputs
        .iter()
        .filter(|input| member.path.starts_with(input))
        .max_by_key(|input| input.components().count())
        .map(|input| {
            if input.is_file() {
                input.parent().map(Path::to_path_buf).unwrap_or_default()
            } else {
                input.clone()
            }
        })
        .unwrap_or_default();
    let title = meta.title.clone().unwrap_or_else(|| {
        member
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    Ok(PageInfo {
        locale: member.locale.clone(),
        group,
        path: member.path.clone(),
        root,
        rel,
        site_path,
        title,
        machine_translated: meta.machine_translated(),
        uid: meta.uid,
        commit: meta.source_git_commit,
        meta: parsed,
    })
}

/// The link from the site page at `from` to the one at `to` (both relative to the site).
fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    let mut href = "../".repeat(depth);
    href.push_str(to);
    href
}

/// The texts of the site's chrome in one locale.
struct Chrome {
    localizer: Localizer,
    /// Message texts by template key.
    texts: BTreeMap<&'static str, String>,
    /// The locale's name in its own language, as switchers and the root index show it.
    language_name: String,
}

/// Template keys of the chrome and their Fluent ids.
const CHROME: &[(&str, &str)] = &[
    ("nav", "site-nav"),
    ("home", "site-home"),
    ("index", "site-index-link"),
    ("dashboard", "site-dashboard-link"),
    ("switcher", "site-switcher"),
    ("show_source", "site-show-source"),
    ("show_translation", "site-show-translation"),
    ("hint", "site-hint"),
    ("mt_notice", "site-mt-notice"),
    ("locale", "site-dashboard-locale"),
    ("pages", "site-dashboard-pages"),
    ("segments", "site-dashboard-segments"),
    ("findings", "site-dashboard-findings"),
    ("by_rule", "site-dashboard-by-rule"),
    ("rule", "site-dashboard-rule"),
    ("commits", "site-dashboard-commits"),
    ("no_stale", "site-dashboard-no-commits"),
    ("page", "site-dashboard-page"),
];

impl Chrome {
    /// The chrome of `locale`, one of the site's `locales`.
    fn new(locale: &str, locales: &[String]) -> Chrome {
        let localizer = Localizer::negotiate(&[locale]);
        let texts = chrome_texts(&localizer);
        let language_name = language_name(locale, &localizer, locales);
        Chrome {
            localizer,
            texts,
            language_name,
        }
    }
}

/// The chrome's texts by template key, and its language as `lang`: where the site has no
/// catalogue for a page's locale, the chrome is in another language (English on an Arabic
/// page), and the elements holding it say so, with their own direction.
fn chrome_texts(localizer: &Localizer) -> BTreeMap<&'static str, String> {
    CHROME
        .iter()
        .map(|(key, id)| (*key, localizer.text(id, &[])))
        .chain([("lang", localizer.lang().to_owned())])
        .collect()
}

/// The language's own name for `locale` (`Français`, `日本語`), from locdoc's catalogue
/// for it (`localizer`, negotiated for `locale`) or else the language's autonym, or the tag
/// where neither has one. Where another of the site's `locales` has the same language, the
/// rest of the tag tells them apart (`Português (BR)`, `Português (PT)`); a script subtag
/// names the language in that script (`Srpski` for `sr-Latn-RS`).
fn language_name(locale: &str, localizer: &Localizer, locales: &[String]) -> String {
    // Tags are case-insensitive: a `fr-fr` folder has the French name too.
    let name = if localizer.lang().eq_ignore_ascii_case(locale) {
        localizer.text("site-language-name", &[])
    } else {
        match crate::i18n::autonym(locale) {
            Some(name) => name,
            None => return locale.to_owned(),
        }
    };
    // Languages and scripts: `sr-Latn-RS` and `sr-Cyrl-RS` already have different names.
    let writing = |tag: &'_ str| {
        let mut subtags = tag.split('-');
        let language = subtags.next().unwrap_or(tag).to_ascii_lowercase();
        let script = subtags
            .next()
            .filter(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_ascii_lowercase);
        (language, script)
    };
    let tag = crate::page::conventional_case(locale);
    let rest = tag.split_once('-').map_or("", |(_, rest)| rest);
    let shared = locales
        .iter()
        .any(|other| !other.eq_ignore_ascii_case(locale) && writing(other) == writing(locale));
    if shared && !rest.is_empty() {
        format!("{name} ({rest})")
    } else {
        name
    }
}

/// Everything the second pass shares between pages.
struct Site<'b> {
    infos: &'b [PageInfo],
    locales: &'b [String],
    templates: &'b Templates,
    out: &'b Path,
    chrome: FxHashMap<&'b str, Chrome>,
    /// The pages of each group, by index in `infos`.
    groups: FxHashMap<usize, Vec<usize>>,
    /// uid → pages with it; and the same by lower-case uid, for xrefs written in another case.
    uids: FxHashMap<&'b str, Vec<usize>>,
    uids_folded: FxHashMap<String, Vec<usize>>,
}

impl<'b> Site<'b> {
    fn new(
        infos: &'b [PageInfo],
        locales: &'b [String],
        templates: &'b Templates,
        out: &'b Path,
    ) -> Site<'b> {
        let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        let mut uids: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut uids_folded: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, info) in infos.iter().enumerate() {
            groups.entry(info.group).or_default().push(i);
            if let Some(uid) = &info.uid {
                uids.entry(uid).or_default().push(i);
                uids_folded.entry(uid.to_lowercase()).or_default().push(i);
            }
        }
        let chrome = locales
            .iter()
            .map(|l| (l.as_str(), Chrome::new(l, locales)))
            .collect();
        Site {
            infos,
            locales,
            templates,
            out,
            chrome,
            groups,
            uids,
            uids_folded,
        }
    }

    fn chrome(&self, locale: &str) -> &Chrome {
        match self.chrome.get(locale) {
            Some(chrome) => chrome,
            // Every page's locale is among the layout's locales.
            None => &self.chrome[self.locales[0].as_str()],
        }
    }

    /// The page a uid names, seen from page `from`: the one in the same locale and set if
    /// there is one, else in the same locale, else any.
    fn resolve(&self, uid: &str, from: &PageInfo) -> Option<render::XrefTarget> {
        let candidates = match self.uids.get(uid) {
            Some(found) => found,
            None => self.uids_folded.get(&uid.to_lowercase())?,
        };
        let set = |i: &PageInfo| i.rel.split('/').next().map(str::to_owned);
        let target = candidates
            .iter()
            .map(|&i| &self.infos[i])
            .max_by_key(|i| (i.locale == from.locale, set(i) == set(from)))?;
        Some(render::XrefTarget {
            href: relative(&from.site_path, &target.site_path),
            title: target.title.clone(),
        })
    }

    /// The name `locale` has in its own language, worked out once per locale.
    fn language_name(&self, locale: &str) -> &str {
        &self.chrome(locale).language_name
    }

    /// Renders and writes page `index`.
    fn page(&self, index: usize) -> Outcome {
        let info = &self.infos[index];
        let mut outcome = Outcome {
            result: Ok(()),
            segments: 0,
            findings: Vec::new(),
            problems: Vec::new(),
        };
        let page = match Page::read(&info.path) {
            Ok(page) => page,
            Err(err) => {
                outcome.result = Err(FileError::from(err).into());
                return outcome;
            }
        };
        if let Some(meta) = &info.meta {
            page.preset_meta(meta.clone());
        }
        outcome.segments = page.all_segments().count();
        let mut findings: BTreeMap<&'static str, usize> = BTreeMap::new();
        // The rules `check` runs without configuration, at their default severities.
        let rules = crate::config::Config::default().rules_for(page.locale());
        let localizer = crate::i18n::Localizer::english();
        let (listed, _) = crate::check::check_page_counted(&page, &rules, localizer);
        for finding in listed {
            *findings.entry(finding.rule).or_default() += 1;
        }
        outcome.findings = findings.into_iter().collect();
        let chrome = self.chrome(&info.locale);
        let xrefs = |uid: &str| self.resolve(uid, info);
        let mut context = render::Context {
            root: &info.root,
            xrefs: &xrefs,
            localizer: &chrome.localizer,
            html_as_text: false,
        };
        let mut rendered = render::render_page(&page, &context);
        if let Some(line) = rendered.raw_html {
            if sanitize::nests_too_deep(&rendered.html) {
                context.html_as_text = true;
                rendered = render::render_page(&page, &context);
                rendered.problems.push(render::Problem {
                    file: info.path.clone(),
                    line,
                    kind: render::ProblemKind::HtmlTooDeep,
                });
            }
        }
        drop(page);
        outcome.problems = rendered.problems;
        let body = match rendered.raw_html {
            Some(_) => sanitize::clean(&rendered.html),
            None => rendered.html,
        };
        let others: Vec<Value> = self.groups[&info.group]
            .iter()
            .map(|&i| &self.infos[i])
            .filter(|other| other.locale != info.locale)
            .map(|other| {
                context! {
                    lang => other.locale,
                    name => self.language_name(&other.locale),
                    href => relative(&info.site_path, &other.site_path),
                }
            })
            .collect();
        let base = "../".repeat(info.site_path.matches('/').count());
        let html = self.templates.render(
            "page.html",
            context! {
                lang => info.locale,
                title => info.title,
                base => base,
                t => chrome.texts,
                mt => info.machine_translated,
                content => Value::from_safe_string(body),
                others => others,
                source_path => info.rel,
                index_href => relative(&info.site_path, &format!("{}/{LOCALE_INDEX}", info.locale)),
                dashboard_href => relative(&info.site_path, &format!("{}/{DASHBOARD}", info.locale)),
            },
        );
        outcome.result = html.and_then(|html| self.write(&info.site_path, &html));
        outcome
    }

    fn write(&self, site_path: &str, text: &str) -> Result<(), BuildError> {
        let path = self.out.join(site_path);
        files::write_atomic(&path, text.as_bytes())
            .map_err(|source| BuildError::File(FileError::Write { path, source }))
    }

    /// The groups whose pages name different `ms.sourcegitcommit`s: the group and each
    /// locale's commit (in `locales` order).
    fn stale_pages(&self, groups: &[align::Group]) -> Vec<(usize, Vec<Option<String>>)> {
        let mut stale = Vec::new();
        for g in 0..groups.len() {
            let Some(members) = self.groups.get(&g) else {
                continue;
            };
            let commits: BTreeSet<&str> = members
                .iter()
                .filter_map(|&i| self.infos[i].commit.as_deref())
                .collect();
            if commits.len() < 2 {
                continue;
            }
            let by_locale = self
                .locales
                .iter()
                .map(|l| {
                    members
                        .iter()
                        .map(|&i| &self.infos[i])
                        .find(|i| &i.locale == l)
                        .and_then(|i| i.commit.clone())
                })
                .collect();
            stale.push((g, by_locale));
        }
        stale
    }

    /// Writes the root page, each locale's index and dashboard, and the assets.
    fn write_indexes(
        &self,
        stats: &[LocaleStats],
        stale: &[(usize, Vec<Option<String>>)],
    ) -> Vec<BuildError> {
        let mut errors = Vec::new();
        let mut done = |result: Result<(), BuildError>| {
            if let Err(err) = result {
                errors.push(err);
            }
        };
        for (name, text) in self.templates.assets() {
            done(self.write(&format!("{STATIC}/{name}"), text));
        }
        let count = |locale: &str| stats.iter().find(|s| s.locale == locale);
        let english = Localizer::english();
        let root_locales: Vec<Value> = self
            .locales
            .iter()
            .map(|l| {
                let pages = count(l).map_or(0, |s| s.pages);
                let chrome = self.chrome(l);
                context! {
                    lang => l,
                    name => self.language_name(l),
                    href => format!("{l}/{LOCALE_INDEX}"),
                    dashboard_href => format!("{l}/{DASHBOARD}"),
                    dashboard => chrome.texts["dashboard"],
                    count_text => chrome.localizer.text("site-page-count", &[("count", Arg::from(pages))]),
                }
            })
            .collect();
        let root_chrome = chrome_texts(english);
        done(
            self.templates
                .render(
                    "root.html",
                    context! {
                        lang => "en-US",
                        title => english.text("site-root-title", &[]),
                        base => "",
                        t => root_chrome,
                        locales => root_locales,
                    },
                )
                .and_then(|html| self.write("index.html", &html)),
        );
        for locale in self.locales {
            done(self.write_locale_index(locale, stats));
            done(self.write_dashboard(locale, stats, stale));
        }
        errors
    }

    fn write_locale_index(&self, locale: &str, stats: &[LocaleStats]) -> Result<(), BuildError> {
        let chrome = self.chrome(locale);
        let mut pages: Vec<&PageInfo> = self.infos.iter().filter(|i| i.locale == locale).collect();
        pages.sort_by(|a, b| a.rel.cmp(&b.rel));
        let listed: Vec<Value> = pages
            .iter()
            .map(|p| {
                context! {
                    title => p.title,
                    path => p.rel,
                    href => p.site_path.strip_prefix(&format!("{locale}/")).unwrap_or(&p.site_path),
                }
            })
            .collect();
        let written = stats
            .iter()
            .find(|s| s.locale == locale)
            .map_or(0, |s| s.pages);
        let html = self.templates.render(
            "locale_index.html",
            context! {
                lang => locale,
                title => chrome.localizer.text("site-index-title", &[("language", Arg::from(self.language_name(locale)))]),
                base => "../",
                t => chrome.texts,
                count_text => chrome.localizer.text("site-page-count", &[("count", Arg::from(written))]),
                pages => listed,
                dashboard_href => DASHBOARD,
            },
        )?;
        self.write(&format!("{locale}/{LOCALE_INDEX}"), &html)
    }

    fn write_dashboard(
        &self,
        locale: &str,
        stats: &[LocaleStats],
        stale: &[(usize, Vec<Option<String>>)],
    ) -> Result<(), BuildError> {
        let chrome = self.chrome(locale);
        let rows: Vec<Value> = self
            .locales
            .iter()
            .map(|l| {
                let s = stats.iter().find(|s| &s.locale == l);
                context! {
                    lang => l,
                    href => format!("../{l}/{LOCALE_INDEX}"),
                    pages => s.map_or(0, |s| s.pages),
                    segments => s.map_or(0, |s| s.segments),
                    findings => s.map_or(0, |s| s.findings.values().sum::<usize>()),
                }
            })
            .collect();
        let rule_ids: BTreeSet<&str> = stats
            .iter()
            .flat_map(|s| s.findings.keys().copied())
            .collect();
        let rules: Vec<Value> = rule_ids
            .iter()
            .map(|id| {
                let counts: Vec<usize> = self
                    .locales
                    .iter()
                    .map(|l| {
                        stats
                            .iter()
                            .find(|s| &s.locale == l)
                            .and_then(|s| s.findings.get(id).copied())
                            .unwrap_or(0)
                    })
                    .collect();
                context! { id => id, counts => counts }
            })
            .collect();
        let from = format!("{locale}/{DASHBOARD}");
        let stale_rows: Vec<Value> = stale
            .iter()
            .map(|(g, commits)| {
                let members = &self.groups[g];
                let here = members
                    .iter()
                    .map(|&i| &self.infos[i])
                    .find(|i| i.locale == locale)
                    .or_else(|| members.first().map(|&i| &self.infos[i]));
                let short: Vec<String> = commits
                    .iter()
                    .map(|c| {
                        c.as_deref()
                            .map_or("—".to_owned(), |c| c.chars().take(7).collect())
                    })
                    .collect();
                context! {
                    path => here.map(|i| i.rel.clone()),
                    href => here.map(|i| relative(&from, &i.site_path)),
                    commits => short,
                }
            })
            .collect();
        let html = self.templates.render(
            "dashboard.html",
            context! {
                // All of the dashboard is chrome, in the chrome's language.
                lang => chrome.texts["lang"],
                title => chrome.texts["dashboard"],
                base => "../",
                t => chrome.texts,
                locales => rows,
                rules => rules,
                stale => stale_rows,
                index_href => LOCALE_INDEX,
            },
        )?;
        self.write(&from, &html)
    }
}
