//! From a folder to a [`Dataset`]: load the corpus, load what we know (the defaults and
//! the corpus's own `gazetteer.toml` and `conflicts.toml`, and a project's additions),
//! extract.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::extract::{
    self,
    knowledge::{Additions, Knowledge},
};
use crate::ingest::{self, IngestError, LoadOptions, Progress};
use crate::model::{Dataset, Problem, Severity};

#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    pub load: LoadOptions,
    pub overrides: Overrides,
}

/// What a project changes in extraction itself, so its statements follow: corrected
/// publication dates, and officials and conflicts the analyst added. The corpus
/// folder is never written to; these live in the project.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// Publication dates by the article's content hash.
    pub published: BTreeMap<u64, NaiveDate>,
    pub knowledge: Additions,
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
    Ok(build_dataset(corpus, dir, &opts.overrides))
}

/// Loads and extracts chosen files; `root` names them in the dataset and may hold
/// knowledge extensions.
pub fn load_dataset_files(
    root: &Path,
    files: &[PathBuf],
    opts: &PipelineOptions,
    progress: Progress,
) -> Dataset {
    build_dataset(
        ingest::load_files(root, files, &opts.load, progress),
        root,
        &opts.overrides,
    )
}

/// Extracts a loaded corpus. A broken knowledge extension in the folder is reported as a
/// problem and the defaults are used.
fn build_dataset(corpus: ingest::Corpus, dir: &Path, overrides: &Overrides) -> Dataset {
    let mut problems = corpus.problems;
    let mut articles = corpus.articles;
    for article in &mut articles {
        if let Some(&date) = overrides.published.get(&article.content_hash) {
            article.published = Some(date);
        }
    }
    let knowledge = match Knowledge::load_with(Some(dir), &overrides.knowledge) {
        Ok(k) => k,
        Err(e) => {
            problems.push(Problem {
                file: e.path().to_string(),
                line: None,
                severity: Severity::Warning,
                message: format!("{e}; using the default gazetteer and conflicts"),
            });
            Knowledge::load_with(None, &overrides.knowledge)
                .unwrap_or_else(|e| panic!("the bundled knowledge files are broken: {e}"))
        }
    };
    let extraction = extract::extract(&articles, &knowledge);
    Dataset {
        articles,
        speakers: extraction.speakers,
        conflicts: knowledge.taxonomy.conflicts,
        statements: extraction.statements,
        problems,
        annotations: BTreeMap::new(),
    }
}
