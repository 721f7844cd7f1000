//! `locdoc.toml`: which rules run and how severe they are, which paths are ignored, and
//! per-locale settings. Found upward from the working directory or named by `--config`.
//!
//! ```toml
//! # locale folders of the docs; pages pair up across them for the cross-locale rules,
//! # --changed-since and --shard (default: any folder named like a BCP 47 tag with a
//! # region or script, such as fr-FR)
//! locales = ["fr-FR", "nl-NL"]
//! ignore = ["**/includes/**"]
//!
//! [rules]
//! untranslated = "off"        # off, on (default severity), error, warning or info
//! number = "info"
//!
//! [locale.fr-FR.rules]
//! whitespace = "off"          # French puts spaces where English does not
//! ```

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use thiserror::Error;

use crate::diag::Severity;
use crate::rules::Rule;

/// The file name looked for.
pub const FILE_NAME: &str = "locdoc.toml";

/// Why a configuration could not be used.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid TOML, or has a key or value locdoc does not know.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column where TOML knows them.
        message: String,
    },
}

/// What the configuration says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    /// The rule does not run.
    Off,
    /// The rule runs with its default severity.
    On,
    /// The rule runs; its findings are errors.
    Error,
    /// The rule runs; its findings are warnings.
    Warning,
    /// The rule runs; its findings are infos.
    Info,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    locales: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    locale: BTreeMap<String, RawLocale>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLocale {
    #[serde(default)]
    rules: BTreeMap<String, RuleSetting>,
}

/// A loaded configuration. [`Config::default`] runs every rule at its default severity.
#[derive(Debug, Default)]
pub struct Config {
    /// Where it was read from, if from a file.
    pub path: Option<PathBuf>,
    locales: Option<Vec<String>>,
    ignore: Option<GlobSet>,
    rules: BTreeMap<String, RuleSetting>,
    /// Rule settings by locale tag, lowercased.
    per_locale: BTreeMap<String, BTreeMap<String, RuleSetting>>,
}

impl Config {
    /// Reads `locdoc.toml` at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_owned(),
            source,
        })?;
        Config::parse(path, &text)
    }

    /// The `locdoc.toml` in `dir` or the nearest folder above it, if any.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Parses configuration text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| invalid(toml_message(text, &e)))?;
        let known = |id: &str| crate::rules::find(id).is_some();
        for id in raw.rules.keys() {
            if !known(id) {
                return Err(invalid(format!(
                    "unknown rule `{id}` in [rules]; `locdoc rules` lists them"
                )));
            }
        }
        let mut per_locale = BTreeMap::new();
        for (locale, settings) in raw.locale {
            if let Some(id) = settings.rules.keys().find(|id| !known(id)) {
                return Err(invalid(format!(
                    "unknown rule `{id}` in [locale.{locale}.rules]; `locdoc rules` lists them"
                )));
            }
            // Locale tags are case-insensitive: `[locale.fr-FR]` also covers a `fr-fr` folder.
            per_locale.insert(locale.to_ascii_lowercase(), settings.rules);
        }
        let ignore = if raw.ignore.is_empty() {
            None
        } else {
            let mut builder = GlobSetBuilder::new();
            for pattern in &raw.ignore {
                let glob = Glob::new(pattern)
                    .map_err(|e| invalid(format!("bad glob `{pattern}` in `ignore`: {e}")))?;
                builder.add(glob);
            }
            Some(
                builder
                    .build()
                    .map_err(|e| invalid(format!("bad `ignore` patterns: {e}")))?,
            )
        };
        Ok(Config {
            path: Some(path.to_owned()),
            locales: raw.locales,
            ignore,
            rules: raw.rules,
            per_locale,
        })
    }

    /// Whether `path` matches an `ignore` pattern (matched against the path as given and
    /// each of its tails, so `includes/**` matches `content/fr-FR/includes/a.md`).
    pub fn ignored(&self, path: &Path) -> bool {
        let Some(set) = &self.ignore else {
            return false;
        };
        let normal: PathBuf = path
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect();
        let mut tail = normal.as_path();
        loop {
            if set.is_match(tail) {
                return true;
            }
            let mut components = tail.components();
            if components.next().is_none() {
                return false;
            }
            tail = components.as_path();
            if tail.as_os_str().is_empty() {
                return false;
            }
        }
    }

    /// The rules that run for pages of `locale`, each with its severity.
    pub fn rules_for(&self, locale: Option<&str>) -> Vec<(&'static dyn Rule, Severity)> {
        let local = locale.and_then(|l| self.per_locale.get(&l.to_ascii_lowercase()));
        crate::rules::RULES
            .iter()
            .filter_map(|rule| {
                let default = if rule.enabled_by_default() {
                    RuleSetting::On
                } else {
                    RuleSetting::Off
                };
                let setting = local
                    .and_then(|r| r.get(rule.id()))
                    .or_else(|| self.rules.get(rule.id()))
                    .copied()
                    .unwrap_or(default);
                let severity = match setting {
                    RuleSetting::Off => return None,
                    RuleSetting::On => rule.severity(),
                    RuleSetting::Error => Severity::Error,
                    RuleSetting::Warning => Severity::Warning,
                    RuleSetting::Info => Severity::Info,
                };
                Some((*rule, severity))
            })
            .collect()
    }

    /// The severity rule `id` has for pages of `locale`, `None` when it is off.
    pub fn severity(&self, id: &str, locale: Option<&str>) -> Option<Severity> {
        self.rules_for(locale)
            .into_iter()
            .find(|(r, _)| r.id() == id)
            .map(|(_, s)| s)
    }

    /// Whether a folder of this name holds one locale's pages: one of `locales` or,
    /// without that list, a name shaped like a locale tag (`fr-FR`, `zh-Hant-TW`).
    pub fn is_locale_folder(&self, name: &str) -> bool {
        match &self.locales {
            Some(list) => list.iter().any(|l| l.eq_ignore_ascii_case(name)),
            None => crate::page::looks_like_locale(name),
        }
    }

    /// The key pages of one document share across locales: the path with its locale
    /// folder (as [`crate::align`] finds it, with these locale folders) replaced by `*`.
    /// Pages outside any locale folder are their own key.
    pub fn alignment_key(&self, path: &Path) -> String {
        let is_locale = |name: &str| self.is_locale_folder(name);
        match crate::align::place_with(path, &[], &is_locale) {
            Some(placed) => {
                let key = placed.key.prefix.join("*").join(&placed.key.rest);
                crate::files::slash_path(&key)
            }
            None => crate::files::slash_path(path),
        }
    }
}

/// A TOML error as one line with its place: "line 3, column 1: unknown field `x`…".
fn toml_message(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim_end_matches('\n').replace('\n', " ");
    match error.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("docs/locdoc.toml"), text)
    }

    #[test]
    fn unknown_keys_and_values_name_the_key_and_the_file() {
        let err = parse("[rules]\nnumber = \"loud\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("docs/locdoc.toml: line 2, column 10:"),
            "{err}"
        );
        assert!(err.contains("loud"), "{err}");
        let err = parse("ignor = []\n").unwrap_err().to_string();
        assert!(
            err.contains("line 1, column 1") && err.contains("`ignor`"),
            "{err}"
        );
        let err = parse("[rules]\nnumbers = \"off\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown rule `numbers` in [rules]"), "{err}");
        let err = parse("[locale.fr-FR]\ntypo = 1\n").unwrap_err().to_string();
        assert!(err.contains("`typo`"), "{err}");
        let err = parse("ignore = [\"a/[\"]\n").unwrap_err().to_string();
        assert!(err.contains("bad glob `a/[`"), "{err}");
    }

    #[test]
    fn rule_settings_apply_per_locale_over_global() {
        let config = parse(
            "[rules]\nnumber = \"error\"\nuntranslated = \"off\"\n\
             [locale.fr-FR.rules]\nnumber = \"off\"\nwhitespace = \"warning\"\n",
        )
        .unwrap();
        assert_eq!(
            config.severity("number", Some("nl-NL")),
            Some(Severity::Error)
        );
        assert_eq!(config.severity("number", Some("fr-FR")), None);
        assert_eq!(config.severity("number", Some("fr-fr")), None);
        assert_eq!(config.severity("untranslated", Some("fr-FR")), None);
        assert_eq!(
            config.severity("whitespace", Some("fr-FR")),
            Some(Severity::Warning)
        );
        assert_eq!(config.severity("whitespace", None), Some(Severity::Info));
        let on_by_default = crate::rules::RULES
            .iter()
            .filter(|r| r.enabled_by_default())
            .count();
        assert_eq!(Config::default().rules_for(None).len(), on_by_default);
        assert!(on_by_default < crate::rules::RULES.len());
    }

    #[test]
    fn ignore_globs_match_any_tail_of_the_path() {
        let config = parse("ignore = [\"includes/**\", \"**/draft-*.md\"]\n").unwrap();
        assert!(config.ignored(Path::new("content/fr-FR/includes/a.md")));
        assert!(config.ignored(Path::new("./content/nl-NL/x/draft-1.md")));
        assert!(!config.ignored(Path::new("content/fr-FR/a.md")));
    }

    #[test]
    fn pages_align_by_their_path_below_the_locale_folder() {
        let config = Config::default();
        let fr = config.alignment_key(Path::new("content/fr-FR/a/b.md"));
        assert_eq!(fr, "content/*/a/b.md");
        assert_eq!(
            fr,
            config.alignment_key(Path::new("./content/nl-NL/a/b.md"))
        );
        let corpus = config.alignment_key(Path::new("corpus/m365/nl-NL/sxs/x.md"));
        assert_eq!(corpus, "corpus/m365/*/sxs/x.md");
        let listed = parse("locales = [\"fr\"]\n").unwrap();
        assert_eq!(listed.alignment_key(Path::new("d/fr/x.md")), "d/*/x.md");
        assert_eq!(
            listed.alignment_key(Path::new("d/fr-FR/x.md")),
            "d/fr-FR/x.md"
        );
    }
}
