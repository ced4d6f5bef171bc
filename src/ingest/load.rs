//! The file-system side of a load: listing the folder, reading the manifest and each
//! file within the size limit, in parallel, reporting progress.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::{Article, Problem, Severity};

use super::assemble::{Format, relative_name};
use super::manifest::{MANIFEST_FILE, Manifest};
use super::{Corpus, IngestError, LoadOptions, Progress, read_article_file};

/// Files read in parallel between two rounds of progress calls: enough to keep both
/// cores busy, few enough that cancelling is quick.
const FILES_PER_ROUND: usize = 32;

/// Loads every article file under `dir`, recursively. Hidden entries (names starting
/// with `.`) are skipped, and so are folders behind symbolic links, which could loop.
/// Fails only when `dir` itself cannot be read.
pub fn load_dir(
    dir: &Path,
    opts: &LoadOptions,
    progress: Progress<'_>,
) -> Result<Corpus, IngestError> {
    Ok(load_listing(list_dir(dir, opts)?, opts, progress))
}

/// A corpus listed but not yet read: what a caller that reads the files its own way
/// (the pipeline, which caches their extraction) needs.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub root: PathBuf,
    /// The article files, by name relative to `root`, in load order.
    pub files: Vec<(String, PathBuf)>,
    pub manifest: Option<Manifest>,
    /// Folders that could not be listed, a bad manifest, entries naming missing files.
    pub problems: Vec<Problem>,
}

/// Lists the article files under `dir`, as [`load_dir`] reads them.
pub fn list_dir(dir: &Path, opts: &LoadOptions) -> Result<Listing, IngestError> {
    let read_dir_error = |source| IngestError::ReadDir {
        path: dir.to_path_buf(),
        source,
    };
    if !fs::metadata(dir).map_err(read_dir_error)?.is_dir() {
        return Err(IngestError::NotADirectory(dir.to_path_buf()));
    }
    let top = fs::read_dir(dir).map_err(read_dir_error)?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    list_files(dir, top, &mut files, &mut problems);
    let mut listing = list_given(dir, &files, opts);
    problems.append(&mut listing.problems);
    listing.problems = problems;
    Ok(listing)
}

/// Lists the given files of the corpus at `root`, as [`load_files`] reads them: files
/// that are not article files are left out.
pub fn list_given(root: &Path, files: &[PathBuf], opts: &LoadOptions) -> Listing {
    let (manifest, mut problems) = read_manifest(root, opts);
    if let Some(manifest) = &manifest {
        problems.extend(missing_files(root, manifest));
    }
    let mut named: Vec<(String, PathBuf)> = files
        .iter()
        .filter(|f| Format::of(f).is_some())
        .map(|f| (relative_name(root, f), f.clone()))
        .collect();
    named.sort();
    named.dedup_by(|a, b| a.0 == b.0);
    Listing {
        root: root.to_path_buf(),
        files: named,
        manifest,
        problems,
    }
}

/// The bytes of one listed file, or the problem that names it when it is too large or
/// cannot be read.
pub fn read_file(root: &Path, path: &Path, opts: &LoadOptions) -> Result<Vec<u8>, Problem> {
    read_limited(path, opts.max_file_bytes).map_err(|e| Problem {
        file: relative_name(root, path),
        line: None,
        severity: Severity::Error,
        message: format!("{e}; it was skipped"),
    })
}

/// The problem that says a load stopped early.
pub fn cancelled(done: usize, total: usize) -> Problem {
    Problem {
        file: ".".into(),
        line: None,
        severity: Severity::Warning,
        message: format!("loading was cancelled after {done} of {total} files"),
    }
}

/// Collects the article files under the folder listed by `top`.
fn list_files(
    root: &Path,
    top: fs::ReadDir,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    let mut folders = vec![(root.to_path_buf(), Ok(top))];
    while let Some((folder, listing)) = folders.pop() {
        let cannot_read = |e: io::Error| Problem {
            file: relative_name(root, &folder),
            line: None,
            severity: Severity::Error,
            message: format!("this folder cannot be read ({e}); its files were skipped"),
        };
        let listing = match listing {
            Ok(listing) => listing,
            Err(e) => {
                problems.push(cannot_read(e));
                continue;
            }
        };
        for entry in listing {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    problems.push(cannot_read(e));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let listing = fs::read_dir(&path);
                folders.push((path, listing));
            } else if Format::of(&path).is_some()
                && (kind.is_file() || kind.is_symlink() && !path.is_dir())
            {
                // A link to nothing is read too, so it is reported as unreadable.
                files.push(path);
            }
        }
    }
}

/// Loads the given files of the corpus at `root`, with `root`'s manifest if it has one.
/// Files that are not article files are ignored; cancelling keeps what was loaded.
pub fn load_files(
    root: &Path,
    files: &[PathBuf],
    opts: &LoadOptions,
    progress: Progress<'_>,
) -> Corpus {
    load_listing(list_given(root, files, opts), opts, progress)
}

fn load_listing(listing: Listing, opts: &LoadOptions, progress: Progress<'_>) -> Corpus {
    let Listing {
        root,
        files,
        manifest,
        mut problems,
    } = listing;
    let total = files.len();
    let mut articles: Vec<Article> = Vec::new();
    let mut done = 0;
    'rounds: for round in files.chunks(FILES_PER_ROUND) {
        let results: Vec<_> = round
            .par_iter()
            .map(|(_, path)| match read_file(&root, path, opts) {
                Ok(bytes) => read_article_file(&root, path, &bytes, manifest.as_ref()),
                Err(problem) => (Vec::new(), vec![problem]),
            })
            .collect();
        for (file_articles, file_problems) in results {
            articles.extend(file_articles);
            problems.extend(file_problems);
            done += 1;
            if !progress(done, total) {
                if done < total {
                    problems.push(cancelled(done, total));
                }
                break 'rounds;
            }
        }
    }
    Corpus {
        root,
        articles,
        problems,
    }
}

/// The manifest of the corpus at `root`, if there is one, and its problems.
fn read_manifest(root: &Path, opts: &LoadOptions) -> (Option<Manifest>, Vec<Problem>) {
    let path = root.join(MANIFEST_FILE);
    if !path.is_file() {
        return (None, Vec::new());
    }
    match read_limited(&path, opts.max_file_bytes) {
        Ok(bytes) => {
            let (manifest, problems) = Manifest::parse(&String::from_utf8_lossy(&bytes));
            (Some(manifest), problems)
        }
        Err(e) => {
            let problem = Problem {
                file: MANIFEST_FILE.into(),
                line: None,
                severity: Severity::Error,
                message: format!("{e}; no metadata was taken from it"),
            };
            (None, vec![problem])
        }
    }
}

/// Manifest entries naming files that are not there.
fn missing_files(root: &Path, manifest: &Manifest) -> Vec<Problem> {
    manifest
        .entries()
        .iter()
        .filter(|e| !root.join(&e.file).is_file())
        .map(|e| Problem {
            file: MANIFEST_FILE.into(),
            line: Some(e.number),
            severity: Severity::Error,
            message: format!(
                "entry {}: names {}, which is not in the folder; the entry is ignored",
                e.number, e.file
            ),
        })
        .collect()
}

/// Why a file's bytes could not be had, in words that follow the file's name.
#[derive(Debug)]
enum ReadError {
    TooLarge { size: u64, limit: u64 },
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { size, limit } => write!(
                f,
                "is too large: {size} bytes, over the limit of {limit} bytes ({})",
                megabytes(*limit)
            ),
            ReadError::Io(e) => write!(f, "cannot be read ({e})"),
        }
    }
}

fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1_000_000;
    format!("{}.{} MB", bytes / MB, bytes % MB / (MB / 10))
}

/// Reads a whole file, refusing one over `limit` bytes without reading it (and one
/// that grew past it while being read).
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, content: &[u8]) {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(path, content).expect("write file");
    }

    fn load(dir: &Path, opts: &LoadOptions) -> Corpus {
        load_dir(dir, opts, &mut |_, _| true).expect("folder loads")
    }

    fn messages(corpus: &Corpus) -> Vec<String> {
        corpus.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn folders_are_read_recursively_in_path_order_skipping_other_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            dir.path(),
            "b.txt",
            b"Published: 2025-01-01\nB body, he said.",
        );
        write(
            dir.path(),
            "a/z.md",
            b"---\ndate: 2025-01-02\n---\nZ body, he said.",
        );
        write(
            dir.path(),
            "a/y.HTML",
            b"<meta name=date content=2025-01-03><p>Y body, he said.</p>",
        );
        write(dir.path(), "notes.pdf", b"%PDF");
        write(dir.path(), ".hidden/x.txt", b"Hidden, he said.");
        let corpus = load(dir.path(), &LoadOptions::default());
        let files: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(files, ["a/y.HTML", "a/z.md", "b.txt"]);
        assert!(corpus.problems.is_empty(), "{:?}", messages(&corpus));
        assert_eq!(corpus.root, dir.path());
    }

    #[test]
    fn a_missing_or_non_folder_path_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("nope");
        assert!(matches!(
            load_dir(&missing, &LoadOptions::default(), &mut |_, _| true),
            Err(IngestError::ReadDir { .. })
        ));
        write(dir.path(), "f.txt", b"x");
        let err = load_dir(
            &dir.path().join("f.txt"),
            &LoadOptions::default(),
            &mut |_, _| true,
        )
        .expect_err("a file is not a folder");
        assert!(err.to_string().contains("is not a folder"));
    }

    #[test]
    fn oversized_files_are_skipped_with_size_and_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "big.txt", &[b'a'; 2000]);
        write(dir.path(), "small.txt", b"Small, he said on 2025-01-01.");
        let corpus = load(
            dir.path(),
            &LoadOptions {
                max_file_bytes: 1000,
            },
        );
        assert_eq!(corpus.articles.len(), 1);
        let big: Vec<&Problem> = corpus
            .problems
            .iter()
            .filter(|p| p.file == "big.txt")
            .collect();
        assert_eq!(big.len(), 1);
        assert_eq!(big[0].severity, Severity::Error);
        assert!(big[0].message.contains("2000 bytes") && big[0].message.contains("1000 bytes"));
    }

    #[test]
    fn manifest_problems_name_entries_and_loading_goes_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a.txt", b"A body, he said.");
        write(
            dir.path(),
            "manifest.json",
            br#"{"articles": [{"file": "a.txt", "published": "2025-02-30", "outlet": "O"}, {"file": "gone.txt"}]}"#,
        );
        let corpus = load(dir.path(), &LoadOptions::default());
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].outlet.as_deref(), Some("O"));
        let from_manifest: Vec<(Option<usize>, Severity)> = corpus
            .problems
            .iter()
            .filter(|p| p.file == "manifest.json")
            .map(|p| (p.line, p.severity))
            .collect();
        assert_eq!(
            from_manifest,
            [(Some(1), Severity::Warning), (Some(2), Severity::Error)]
        );
        assert!(
            messages(&corpus)
                .iter()
                .any(|m| m.contains("entry 2: names gone.txt"))
        );
    }

    #[test]
    fn an_invalid_manifest_is_reported_and_files_still_load() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a.txt", b"A body, he said.");
        write(dir.path(), "manifest.json", b"{\"articles\": [");
        let corpus = load(dir.path(), &LoadOptions::default());
        assert_eq!(corpus.articles.len(), 1);
        assert!(
            corpus
                .problems
                .iter()
                .any(|p| p.file == "manifest.json" && p.severity == Severity::Error)
        );
    }

    #[test]
    fn progress_is_called_per_file_and_can_cancel() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..5 {
            write(dir.path(), &format!("{i}.txt"), b"Body text, he said.");
        }
        let mut calls = Vec::new();
        let corpus = load_dir(dir.path(), &LoadOptions::default(), &mut |done, total| {
            calls.push((done, total));
            done < 2
        })
        .expect("folder loads");
        assert_eq!(calls, [(1, 5), (2, 5)]);
        assert_eq!(corpus.articles.len(), 2);
        assert!(
            messages(&corpus)
                .iter()
                .any(|m| m.contains("cancelled after 2 of 5"))
        );
    }

    #[test]
    fn load_files_sorts_and_ignores_duplicates() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "b.txt", b"B text, he said.");
        write(dir.path(), "a.txt", b"A text, he said.");
        let files = [
            dir.path().join("b.txt"),
            dir.path().join("a.txt"),
            dir.path().join("b.txt"),
        ];
        let corpus = load_files(dir.path(), &files, &LoadOptions::default(), &mut |_, _| {
            true
        });
        let names: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
    }

    #[test]
    fn unreadable_files_are_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = load_files(
            dir.path(),
            &[dir.path().join("absent.txt")],
            &LoadOptions::default(),
            &mut |_, _| true,
        );
        assert_eq!(corpus.problems.len(), 1);
        assert!(corpus.problems[0].message.contains("cannot be read"));
        assert_eq!(corpus.problems[0].file, "absent.txt");
    }
}
