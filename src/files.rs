//! Finding the pages below the inputs, mapping them to output paths, and writing
//! outputs atomically (a temporary file in the target folder, then a rename).

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

/// A page found below one of the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path to read, as found (the input joined with the path below it).
    pub path: PathBuf,
    /// The path below the common root of all inputs; outputs go there.
    pub relative: PathBuf,
}

/// A problem with one file or folder; the run goes on with the others.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum FileError {
    /// An input given on the command line does not exist.
    #[error("{}: no such file or folder", path.display())]
    Missing {
        /// The input.
        path: PathBuf,
    },
    /// A folder could not be listed, or holds a link loop.
    #[error("{}: cannot list: {message}", path.display())]
    Walk {
        /// Where the walk failed.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A page could not be read.
    #[error(transparent)]
    Read(#[from] crate::page::ReadError),
    /// An output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The output.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// Two inputs map to the same output path.
    #[error("{} and {} would both be written to {}; give inputs that do not overlap", first.display(), second.display(), output.display())]
    Collision {
        /// The first input.
        first: PathBuf,
        /// The second input.
        second: PathBuf,
        /// The output both map to.
        output: PathBuf,
    },
    /// locdoc itself failed on a page (a bug): the page is left out, the others go on.
    #[error("{}: locdoc failed on this page ({message}); the other pages were processed. Please report this as a bug, with the page attached", path.display())]
    Internal {
        /// The page.
        path: PathBuf,
        /// What failed.
        message: String,
    },
}

impl FileError {
    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            FileError::Missing { path } | FileError::Walk { path, .. } => path,
            FileError::Write { path, .. } | FileError::Internal { path, .. } => path,
            FileError::Collision { second, .. } => second,
            FileError::Read(crate::page::ReadError::Io { path, .. })
            | FileError::Read(crate::page::ReadError::Decode { path, .. }) => path,
        }
    }
}

/// Runs `work` for the file at `path`, turning a panic inside it (a bug of locdoc) into
/// that file's error, so that one page that trips a bug does not stop a run over thousands.
pub fn guarded<T>(path: &Path, work: impl FnOnce() -> T) -> Result<T, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an internal error".to_owned());
        FileError::Internal {
            path: path.to_owned(),
            message,
        }
    })
}

/// A run that cannot start: the arguments do not make sense together.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum UsageError {
    /// The output folder is an input or lies inside one.
    #[error("output folder {} is inside input {}; choose an output folder outside the inputs", out.display(), input.display())]
    OutputInsideInput {
        /// The output folder.
        out: PathBuf,
        /// The input that contains it.
        input: PathBuf,
    },
    /// The output folder's location could not be resolved.
    #[error("cannot use output folder {}: {source}", out.display())]
    Output {
        /// The output folder.
        out: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// Whether a path names a Markdown page.
pub fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Every `.md` file below `inputs`, in a stable order, and the errors met on the way.
/// Relative paths are taken from the single input folder, or from the deepest folder
/// that holds all inputs.
pub fn collect(inputs: &[PathBuf]) -> (Vec<Input>, Vec<FileError>) {
    collect_matching(inputs, is_page)
}

/// Every file below the input folders that is not a page nor hidden (a name starting with
/// `.`): images and downloads the pages link to. Input files are pages, so none are kept.
pub fn collect_assets(inputs: &[PathBuf]) -> (Vec<Input>, Vec<FileError>) {
    let folders: Vec<PathBuf> = inputs.iter().filter(|i| i.is_dir()).cloned().collect();
    collect_matching(&folders, |path| {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        !is_page(path) && !hidden
    })
}

/// The files below `inputs` that `keep` accepts, as [`collect`] lists pages.
fn collect_matching(inputs: &[PathBuf], keep: fn(&Path) -> bool) -> (Vec<Input>, Vec<FileError>) {
    let root = common_root(inputs);
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if !input.exists() {
            errors.push(FileError::Missing {
                path: input.clone(),
            });
            continue;
        }
        if input.is_file() {
            pages.push(Input {
                path: input.clone(),
                relative: relative_to(input, &root),
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(input).follow_links(true) {
            match entry {
                Ok(entry) if entry.file_type().is_file() && keep(entry.path()) => {
                    found.push(entry.into_path());
                }
                Ok(_) => {}
                Err(err) => errors.push(FileError::Walk {
                    path: err.path().map_or_else(|| input.clone(), Path::to_path_buf),
                    message: walk_message(&err),
                }),
            }
        }
        // The order of a walk with each folder's entries sorted by name, from one sort:
        // walkdir's own sorting compares names it parses out of each path again, which
        // took longer than the walk.
        found.sort_by_cached_key(|path| tree_order(path));
        pages.extend(found.into_iter().map(|path| Input {
            relative: relative_to(&path, &root),
            path,
        }));
    }
    (pages, errors)
}

/// A key that orders the paths below one folder as a walk that visits each folder's entries
/// by name: the path's bytes with each separator made the lowest byte, so that a folder's
/// files (`a/b/c.md`) come before its siblings whose names extend its own (`a/b-x.md`),
/// just where the walk enters it.
fn tree_order(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(
            |&b| match b.is_ascii() && std::path::is_separator(b as char) {
                true => 0,
                false => b,
            },
        )
        .collect()
}

fn walk_message(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!(
            "link loop back to {}; the loop is not followed",
            ancestor.display()
        );
    }
    err.io_error()
        .map_or_else(|| err.to_string(), |e| e.to_string())
}

/// The folder relative paths are taken from.
fn common_root(inputs: &[PathBuf]) -> PathBuf {
    let dir_of = |p: &PathBuf| -> PathBuf {
        if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        }
    };
    let dirs: Vec<PathBuf> = inputs.iter().map(dir_of).collect();
    common_prefix(dirs.iter().map(PathBuf::as_path))
}

/// The longest folder all `paths` start with (empty when they share none).
pub fn common_prefix<'p>(mut paths: impl Iterator<Item = &'p Path>) -> PathBuf {
    let Some(first) = paths.next() else {
        return PathBuf::new();
    };
    paths.fold(first.to_path_buf(), |acc, path| {
        acc.components()
            .zip(path.components())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    })
}

fn relative_to(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.file_name().map(PathBuf::from).unwrap_or_default())
}

/// A path as outputs write it: `/` between components, `.` components left out, an
/// absolute path starting with one `/`. Reports, baselines, exports and the site name pages
/// this way whatever the platform.
pub fn slash_path(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::CurDir => continue,
            Component::RootDir => {
                out.push('/');
                continue;
            }
            _ => {}
        }
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        out.push_str(&component.as_os_str().to_string_lossy());
    }
    out
}

/// Refuses an output folder that is one of the inputs or lies inside one.
pub fn check_output(out: &Path, inputs: &[PathBuf]) -> Result<(), UsageError> {
    let out_abs = resolve(out).map_err(|source| UsageError::Output {
        out: out.to_owned(),
        source,
    })?;
    for input in inputs {
        let Ok(input_abs) = input.canonicalize() else {
            continue; // a missing input is reported when collecting
        };
        let folder = if input_abs.is_dir() {
            input_abs
        } else {
            // Writing into the folder of an input file could overwrite it.
            match input_abs.parent() {
                Some(parent) if parent == out_abs => parent.to_path_buf(),
                _ => continue,
            }
        };
        if out_abs.starts_with(&folder) {
            return Err(UsageError::OutputInsideInput {
                out: out.to_owned(),
                input: input.clone(),
            });
        }
    }
    Ok(())
}

/// The absolute, link-free form of a path that may not exist yet.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(found) => {
                let mut resolved = found;
                for part in rest.iter().rev() {
                    match part {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::CurDir => {}
                        other => resolved.push(other),
                    }
                }
                return Ok(resolved);
            }
            Err(err) => {
                let (Some(parent), Some(last)) =
                    (existing.parent(), existing.components().next_back())
                else {
                    return Err(err);
                };
                rest.push(last);
                existing = parent;
            }
        }
    }
}

/// Reads a whole file. For a regular file one `read` call usually does it: a read that
/// returns less than asked is the end of the file, so no second call is needed to see it.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len() as usize);
    let mut bytes = vec![0; size + 1];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize(bytes.len() * 2, 0); // the file grew while being read
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => {
                filled += n;
                if filled >= size && filled < bytes.len() {
                    break;
                }
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// A file written in place of `path` only when complete: writes go to a temporary file
/// in the same folder, [`AtomicFile::commit`] renames it over `path`; dropped without a
/// commit, the temporary file is removed and `path` is untouched.
pub struct AtomicFile {
    path: PathBuf,
    file: io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing a file that will replace `path`, creating its folder if needed.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".locdoc-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        // Create folders only when missing: one failed open is cheaper than a mkdir per file.
        let file = match builder.tempfile_in(parent) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(parent)?;
                builder.tempfile_in(parent)?
            }
            other => other?,
        };
        Ok(AtomicFile {
            path: path.to_owned(),
            file: io::BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Flushes and renames the file into place.
    pub fn commit(self) -> io::Result<()> {
        let file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Writes `bytes` to `path` atomically: readers see the old file or the whole new one,
/// never a part. Missing folders are created.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_in_the_order_of_a_walk_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let made = [
            "a/ba.md",
            "a/b.md",
            "a/b-x.md",
            "a/b/d/e.md",
            "a/b/c.md",
            "a/B.md",
        ];
        for rel in made {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let (pages, errors) = collect(&[dir.path().join("a")]);
        assert!(errors.is_empty());
        let found: Vec<String> = pages.iter().map(|p| slash_path(&p.relative)).collect();
        // Each folder's entries by name (bytes): `B.md` < `b` < `b-x.md` < `b.md` < `ba.md`,
        // a folder's pages where the walk enters it.
        assert_eq!(
            found,
            ["B.md", "b/c.md", "b/d/e.md", "b-x.md", "b.md", "ba.md"]
        );
    }

    #[test]
    fn a_panic_becomes_the_pages_error() {
        let page = Path::new("docs/fr-FR/a.md");
        assert_eq!(guarded(page, || 7).unwrap(), 7);
        let err = guarded(page, || -> u8 { panic!("index 3 out of range") }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "docs/fr-FR/a.md: locdoc failed on this page (index 3 out of range); the other \
             pages were processed. Please report this as a bug, with the page attached"
        );
        assert_eq!(err.path(), page);
    }

    #[test]
    fn paths_are_written_with_slashes_and_without_dot_components() {
        assert_eq!(
            slash_path(Path::new("./content/fr-FR/a.md")),
            "content/fr-FR/a.md"
        );
        assert_eq!(slash_path(Path::new("/tmp/docs/a.md")), "/tmp/docs/a.md");
        assert_eq!(slash_path(Path::new("../docs/a.md")), "../docs/a.md");
        assert_eq!(slash_path(Path::new("")), "");
    }

    #[test]
    fn relative_paths_come_from_the_common_root() {
        let dir = tempfile::tempdir().unwrap();
        let fr = dir.path().join("content/fr-FR/a");
        let nl = dir.path().join("content/nl-NL");
        std::fs::create_dir_all(&fr).unwrap();
        std::fs::create_dir_all(&nl).unwrap();
        std::fs::write(fr.join("p.md"), "x").unwrap();
        std::fs::write(fr.join("skip.txt"), "x").unwrap();
        std::fs::write(nl.join("p.MD"), "x").unwrap();
        let (pages, errors) = collect(&[dir.path().join("content/fr-FR"), nl.clone()]);
        assert!(errors.is_empty());
        let rel: Vec<_> = pages.iter().map(|p| p.relative.clone()).collect();
        assert_eq!(
            rel,
            [PathBuf::from("fr-FR/a/p.md"), PathBuf::from("nl-NL/p.MD")]
        );
        let (pages, _) = collect(&[dir.path().join("content/fr-FR")]);
        assert_eq!(pages[0].relative, PathBuf::from("a/p.md"));
    }

    #[test]
    fn output_inside_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let inputs = [content.clone()];
        assert!(check_output(&content, &inputs).is_err());
        assert!(check_output(&content.join("out/deeper"), &inputs).is_err());
        assert!(check_output(&content.join("../content/x"), &inputs).is_err());
        assert!(check_output(&dir.path().join("out"), &inputs).is_ok());
        assert!(check_output(&dir.path().join("contents"), &inputs).is_ok());
    }

    #[test]
    fn atomic_write_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b.md");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.md"]);
    }
}
