//! Helpers shared by the integration tests.
#![allow(clippy::print_stderr)] // tests report measured figures and skips
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The corpus of real pages: `$LOCDOC_CORPUS`, or `../shared/corpus` beside the crate.
/// Where it is missing, CI fails; elsewhere the caller skips its test.
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("LOCDOC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.join("README.md").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "corpus not found at {} (set LOCDOC_CORPUS); CI needs it",
        dir.display()
    );
    eprintln!("skipped: corpus not found at {}", dir.display());
    None
}

/// Every `.md` file below `dir`, sorted.
pub fn pages_below(dir: &Path) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && locdoc::files::is_page(e.path()))
        .map(|e| e.into_path())
        .collect();
    pages.sort();
    pages
}

/// The `<set>/<locale>` folders of the corpus that hold an `sxs/` tree.
pub fn sxs_trees(corpus: &Path) -> Vec<(String, PathBuf)> {
    let mut trees = Vec::new();
    for set in std::fs::read_dir(corpus).unwrap().filter_map(Result::ok) {
        let Ok(locales) = std::fs::read_dir(set.path()) else {
            continue;
        };
        for locale in locales.filter_map(Result::ok) {
            if locale.path().join("sxs").is_dir() {
                let name = format!(
                    "{}/{}",
                    set.file_name().to_string_lossy(),
                    locale.file_name().to_string_lossy()
                );
                trees.push((name, locale.path()));
            }
        }
    }
    trees.sort();
    trees
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// The seed page of `locale` in `content/`.
pub fn seed(locale: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .join(locale)
        .join("troubleshoot-onboarding-error-messages.md");
    std::fs::read_to_string(path).expect("seed page")
}

/// Prints a measured figure for the test log.
pub fn eprintln_figure(figure: &str) {
    eprintln!("{figure}");
}
