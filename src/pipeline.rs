//! From a folder to a [`Dataset`]: load the corpus, load what we know (the defaults and
//! the corpus's own `gazetteer.toml` and `conflicts.toml`), extract.

use std::path::{Path, PathBuf};

use crate::extract::{self, knowledge::Knowledge};
use crate::ingest::{self, IngestError, LoadOptions, Progress};
use crate::model::{Dataset, Problem, Severity};

#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    pub load: LoadOptions,
}

/// Why a corpus could not be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Ingest(#[from] IngestError),
}

/// Loads and extracts the corpus in `dir`.
pub fn load_dataset(
    dir: &Path,
    opts: &PipelineOptions,
    progress: Progress,
) -> Result<Dataset, PipelineError> {
    let corpus = ingest::load_dir(dir, &opts.load, progress)?;
    Ok(build_dataset(corpus, dir))
}

/// Loads and extracts chosen files; `root` names them in the dataset and may hold
/// knowledge extensions.
pub fn load_dataset_files(
    root: &Path,
    files: &[PathBuf],
    opts: &PipelineOptions,
    progress: Progress,
) -> Dataset {
    build_dataset(ingest::load_files(root, files, &opts.load, progress), root)
}

/// Extracts a loaded corpus. A broken knowledge extension in the folder is reported as a
/// problem and the defaults are used.
fn build_dataset(corpus: ingest::Corpus, dir: &Path) -> Dataset {
    let mut problems = corpus.problems;
    let knowledge = match Knowledge::load(Some(dir)) {
        Ok(k) => k,
        Err(e) => {
            problems.push(Problem {
                file: e.path().to_string(),
                line: None,
                severity: Severity::Warning,
                message: format!("{e}; using the default gazetteer and conflicts"),
            });
            Knowledge::load(None)
                .unwrap_or_else(|e| panic!("the bundled knowledge files are broken: {e}"))
        }
    };
    let extraction = extract::extract(&corpus.articles, &knowledge);
    Dataset {
        articles: corpus.articles,
        speakers: extraction.speakers,
        conflicts: knowledge.taxonomy.conflicts,
        statements: extraction.statements,
        problems,
    }
}
