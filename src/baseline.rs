//! Baselines: the findings a team has accepted, so that a run reports only new ones.
//!
//! A finding is known by its page, rule, segment id and offending text, never by its line:
//! editing another part of the page leaves it matched. Equal keys are counted, so a second
//! identical finding in the same segment is still new.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::check::Sink;
use crate::finding::Finding;

/// The baseline file format version this build reads and writes.
const VERSION: u32 = 1;

/// Why a baseline could not be read or written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum BaselineError {
    /// The file could not be read or written.
    #[error("cannot {action} baseline {}: {source}", path.display())]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a baseline this build understands.
    #[error("{} is not a locdoc baseline: {message}; write a new one with --write-baseline", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// What identifies a finding across edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    /// The page, with `/` separators and no leading `./`.
    pub file: String,
    /// The rule id.
    pub rule: String,
    /// The segment id, for segment findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    /// The offending text.
    pub text: String,
}

impl Key {
    /// The key of `finding`.
    pub fn of(finding: &Finding) -> Key {
        let span = finding.context.span.clone();
        Key {
            file: crate::files::slash_path(&finding.file),
            rule: finding.rule.to_owned(),
            segment: finding.segment.clone(),
            text: finding
                .context
                .line
                .get(span)
                .unwrap_or_default()
                .to_owned(),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(flatten)]
    key: Key,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

/// Accepted findings, each key with how many times it may still match.
#[derive(Debug, Default)]
pub struct Baseline {
    remaining: HashMap<Key, usize>,
}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            action: "read",
            path: path.to_owned(),
            source,
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| BaselineError::Invalid {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        if file.version != VERSION {
            return Err(BaselineError::Invalid {
                path: path.to_owned(),
                message: format!("version {} (this build reads {VERSION})", file.version),
            });
        }
        let mut remaining = HashMap::new();
        for entry in file.findings {
            *remaining.entry(entry.key).or_insert(0) += entry.count;
        }
        Ok(Baseline { remaining })
    }

    /// Whether `finding` is accepted; each accepted key matches as many findings as it
    /// was recorded for.
    pub fn accepts(&mut self, finding: &Finding) -> bool {
        match self.remaining.get_mut(&Key::of(finding)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// How many findings the baseline holds.
    pub fn len(&self) -> usize {
        self.remaining.values().sum()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Records the findings of a run, for `--write-baseline`.
#[derive(Debug, Default)]
pub struct Recorder {
    counts: HashMap<Key, usize>,
}

impl Sink for Recorder {
    fn page(&mut self, _path: &Path, findings: &[Finding]) -> std::io::Result<()> {
        for finding in findings {
            *self.counts.entry(Key::of(finding)).or_insert(0) += 1;
        }
        Ok(())
    }
}

impl Recorder {
    /// The baseline file's text: sorted, one finding per entry, so that it diffs well.
    pub fn to_json(&self) -> String {
        let mut findings: Vec<Entry> = self
            .counts
            .iter()
            .map(|(key, count)| Entry {
                key: key.clone(),
                count: *count,
            })
            .collect();
        findings.sort_by(|a, b| a.key.cmp(&b.key));
        let file = File {
            version: VERSION,
            findings,
        };
        // Plain data of strings and numbers: serializing cannot fail.
        let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Writes the baseline file atomically.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        crate::files::write_atomic(path, self.to_json().as_bytes()).map_err(|source| {
            BaselineError::Io {
                action: "write",
                path: path.to_owned(),
                source,
            }
        })
    }
}
