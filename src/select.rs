//! Which pages a run checks: the pages git reports changed since a revision (with their
//! twins in other locales), and a stable shard of the pages for CI matrices.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use thiserror::Error;

use crate::config::Config;

/// Why the pages to check could not be chosen.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SelectError {
    /// git could not be run.
    #[error("cannot run git to find changed pages: {0}; is git installed?")]
    Git(std::io::Error),
    /// git ran and refused.
    #[error("git could not list the changes since `{rev}`: {message}")]
    GitFailed {
        /// The revision asked for.
        rev: String,
        /// What git said.
        message: String,
    },
    /// `--shard` is not `K/N` with 1 ≤ K ≤ N.
    #[error("bad shard `{0}`: write K/N with 1 ≤ K ≤ N, for example 2/4")]
    Shard(String),
}

/// One of N stable parts of the pages: `--shard K/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based index of this part.
    pub index: u32,
    /// How many parts.
    pub count: u32,
}

impl FromStr for Shard {
    type Err = SelectError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || SelectError::Shard(s.to_owned());
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the page with this alignment key is in this shard. Every locale of one page
    /// shares the key, so cross-locale rules see all of them in the same shard.
    pub fn holds(&self, key: &str) -> bool {
        fnv1a(key.as_bytes()) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// FNV-1a: a fixed hash, the same on every machine and Rust version (unlike the standard
/// library's hasher), so shards and fingerprints are stable.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The pages a run keeps, besides what the inputs and `ignore` say.
#[derive(Debug, Default)]
pub struct Selection {
    /// The folder relative paths are taken against, and the alignment keys (of absolute
    /// paths) of the pages changed since a revision.
    changed: Option<(PathBuf, HashSet<String>)>,
    /// The shard to check.
    pub shard: Option<Shard>,
}

impl Selection {
    /// Every page, or only those of `shard`.
    pub fn new(shard: Option<Shard>) -> Self {
        Selection {
            changed: None,
            shard,
        }
    }

    /// Keeps only pages that git reports changed (committed, staged, unstaged or
    /// untracked) since `rev` in the repository around `dir`, and their twins in other
    /// locales.
    pub fn changed_since(
        mut self,
        rev: &str,
        dir: &Path,
        config: &Config,
    ) -> Result<Self, SelectError> {
        let git = |args: &[&str]| -> Result<Vec<PathBuf>, SelectError> {
            let output = Command::new("git")
                .args(args)
                .current_dir(dir)
                .output()
                .map_err(SelectError::Git)?;
            if !output.status.success() {
                return Err(SelectError::GitFailed {
                    rev: rev.to_owned(),
                    message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
                });
            }
            Ok(output
                .stdout
                .split(|b| *b == 0)
                .filter(|p| !p.is_empty())
                .map(|p| dir.join(String::from_utf8_lossy(p).as_ref()))
                .collect())
        };
        let mut paths = git(&["diff", "--name-only", "--relative", "-z", rev, "--"])?;
        paths.extend(git(&["ls-files", "--others", "--exclude-standard", "-z"])?);
        let keys = paths
            .iter()
            .map(|p| config.alignment_key(&absolute(p, dir)))
            .collect();
        self.changed = Some((absolute(dir, Path::new("")), keys));
        Ok(self)
    }

    /// Whether a run keeps the page at `path`.
    pub fn keeps(&self, config: &Config, path: &Path) -> bool {
        if let Some((base, changed)) = &self.changed {
            if !changed.contains(&config.alignment_key(&absolute(path, base))) {
                return false;
            }
        }
        match &self.shard {
            Some(shard) => shard.holds(&config.alignment_key(path)),
            None => true,
        }
    }
}

/// `path` made absolute against `base` (the working directory where `base` is relative),
/// with `.` and `..` resolved as written (not through links), so git's paths and the walked
/// ones compare equal. The working directory is asked for once per selection, not per page.
fn absolute(path: &Path, base: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else if base.is_absolute() {
        base.join(path)
    } else {
        std::env::current_dir()
            .map(|d| d.join(base).join(path))
            .unwrap_or_else(|_| base.join(path))
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Paths, one per line, as `--files-from` reads them; blank lines are skipped.
pub fn read_paths(reader: impl std::io::BufRead) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for line in reader.lines() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        if !line.trim().is_empty() {
            paths.push(PathBuf::from(line));
        }
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_pages_stably_and_keep_locales_together() {
        assert_eq!(
            "2/4".parse::<Shard>().unwrap(),
            Shard { index: 2, count: 4 }
        );
        for bad in ["0/4", "5/4", "1", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let config = Config::default();
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        let mut sizes = [0; 3];
        for i in 0..300 {
            let fr = config.alignment_key(Path::new(&format!("c/fr-FR/p{i}.md")));
            let nl = config.alignment_key(Path::new(&format!("c/nl-NL/p{i}.md")));
            let holding: Vec<usize> = (0..3).filter(|s| shards[*s].holds(&fr)).collect();
            assert_eq!(holding.len(), 1, "each page is in exactly one shard");
            assert!(shards[holding[0]].holds(&nl));
            sizes[holding[0]] += 1;
        }
        assert!(sizes.iter().all(|n| *n > 70), "{sizes:?}");
        // The published FNV-1a test vectors: a change would move pages between machines.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn files_from_skips_blank_lines_and_carriage_returns() {
        let paths = read_paths("a.md\r\n\n  \nb/c.md\n".as_bytes()).unwrap();
        assert_eq!(paths, [PathBuf::from("a.md"), PathBuf::from("b/c.md")]);
    }
}
