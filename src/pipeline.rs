//! From a folder to a [`Dataset`]: list the corpus, load what we know (the defaults, the
//! corpus's own `gazetteer.toml` and `conflicts.toml`, and a project's additions), then
//! read and extract the
//! files in rounds, taking unchanged files from the [`Cache`] when there is one, and
//! group the statements of all files into events.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::cache::{Cache, FileExtraction, Key};
use crate::extract::{
    self, events,
    knowledge::{Additions, Knowledge},
};
use crate::ingest::{self, IngestError, Listing, LoadOptions, Manifest, Progress};
use crate::model::{Article, Dataset, EventId, Problem, Severity, Speaker, SpeakerIdx};

#[derive(Debug, Clone)]
pub struct PipelineOptions {
    pub load: LoadOptions,
    /// Where extraction results are kept between loads; `None` extracts every file.
    pub cache: Option<Cache>,
    /// When the first partial dataset is handed out; each later one waits twice as long
    /// since the start as the one before, so copying partial datasets costs at most
    /// about as much as building the last one.
    pub first_partial_after: Duration,
    pub overrides: Overrides,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        Self {
            load: LoadOptions::default(),
            cache: None,
            first_partial_after: Duration::from_millis(250),
            overrides: Overrides::default(),
        }
    }
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

/// Receives the statements loaded so far while a load goes on. Events are grouped
/// only once all files are in, so each statement of a partial dataset is its own event.
pub type Partial<'a> = &'a mut dyn FnMut(Dataset);

/// Files read and extracted together: enough to keep every core busy and to spread the
/// fixed cost of an extraction call, few enough that progress and cancelling are prompt.
const FILES_PER_ROUND: usize = 128;

/// Loads and extracts the corpus in `dir`.
pub fn load_dataset(
    dir: &Path,
    opts: &PipelineOptions,
    progress: Progress,
) -> Result<Dataset, PipelineError> {
    load_dataset_with(dir, opts, progress, &mut |_| {})
}

/// Like [`load_dataset`], handing partial datasets to `partial` as the load goes on.
pub fn load_dataset_with(
    dir: &Path,
    opts: &PipelineOptions,
    progress: Progress,
    partial: Partial,
) -> Result<Dataset, PipelineError> {
    let listing = ingest::list_dir(dir, &opts.load)?;
    Ok(load_listing(listing, opts, progress, partial))
}

/// Loads and extracts chosen files; `root` names them in the dataset and may hold
/// knowledge extensions.
pub fn load_dataset_files(
    root: &Path,
    files: &[PathBuf],
    opts: &PipelineOptions,
    progress: Progress,
) -> Dataset {
    load_dataset_files_with(root, files, opts, progress, &mut |_| {})
}

/// Like [`load_dataset_files`], handing partial datasets to `partial`.
pub fn load_dataset_files_with(
    root: &Path,
    files: &[PathBuf],
    opts: &PipelineOptions,
    progress: Progress,
    partial: Partial,
) -> Dataset {
    let listing = ingest::list_given(root, files, &opts.load);
    load_listing(listing, opts, progress, partial)
}

/// The knowledge of a corpus folder with a project's additions, and a hash of all that
/// changes extraction besides a file's own bytes (part of every cache key): the folder's
/// extensions and the project's overrides. A broken extension is reported as a problem
/// and the defaults are used.
fn knowledge_of(dir: &Path, overrides: &Overrides) -> (Knowledge, u64, Option<Problem>) {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for name in ["gazetteer.toml", "conflicts.toml"] {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    if *overrides != Overrides::default() {
        h.update(format!("{overrides:?}").as_bytes());
    }
    let context = h.digest();
    match Knowledge::load_with(Some(dir), &overrides.knowledge) {
        Ok(k) => (k, context, None),
        Err(e) => {
            let problem = Problem {
                file: e.path().to_string(),
                line: None,
                severity: Severity::Warning,
                message: format!("{e}; using the default gazetteer and conflicts"),
            };
            let defaults = Knowledge::load_with(None, &overrides.knowledge)
                .unwrap_or_else(|e| panic!("the bundled knowledge files are broken: {e}"));
            (defaults, context, Some(problem))
        }
    }
}

/// What became of one file of a round, with its cache key when it has one.
enum Outcome {
    Done(FileExtraction, Option<Key>),
    /// Read but not in the cache: its articles await extraction.
    Miss {
        key: Option<Key>,
        articles: Vec<Article>,
        problems: Vec<Problem>,
    },
}

fn load_listing(
    listing: Listing,
    opts: &PipelineOptions,
    progress: Progress,
    partial: Partial,
) -> Dataset {
    let Listing {
        root,
        files,
        manifest,
        problems: listing_problems,
    } = listing;
    let (knowledge, context, knowledge_problem) = knowledge_of(&root, &opts.overrides);
    let cache = opts.cache.as_ref();
    let total = files.len();
    let stamped = cache.and_then(|_| stamps_key(&root, &files, context, opts));
    let stamps = stamped.map(|(key, _)| key);
    if let Some(mut ds) = cache
        .zip(stamps)
        .and_then(|(c, key)| c.get_pack(&root, key))
    {
        progress(total, total);
        let mut problems = listing_problems;
        problems.append(&mut ds.problems);
        problems.extend(knowledge_problem);
        ds.problems = problems;
        return ds;
    }
    let mut done: Vec<FileExtraction> = Vec::with_capacity(files.len());
    let mut keys: Vec<Option<Key>> = Vec::with_capacity(files.len());
    let mut cache_error: Option<String> = None;
    let mut cancelled = None;
    let started = Instant::now();
    let mut next_partial = opts.first_partial_after;
    for round in files.chunks(FILES_PER_ROUND) {
        let outcomes: Vec<Outcome> = round
            .par_iter()
            .map(|(name, path)| read_one(&root, name, path, opts, manifest.as_ref(), context))
            .collect();
        let (extracted, errors) = extract_misses(outcomes, &knowledge, cache);
        if cache_error.is_none() {
            cache_error = errors;
        }
        for (x, key) in extracted {
            done.push(x);
            keys.push(key);
        }
        if !progress(done.len(), total) {
            if done.len() < total {
                cancelled = Some(ingest::cancelled(done.len(), total));
            }
            break;
        }
        if done.len() < total && started.elapsed() >= next_partial {
            partial(partial_dataset(&done, &knowledge));
            next_partial = started.elapsed() * 2;
        }
    }
    // The events of a corpus read whole, every file with a key, may be in the cache.
    let corpus_key = keys
        .into_iter()
        .collect::<Option<Vec<Key>>>()
        .filter(|_| cancelled.is_none())
        .map(|keys| Cache::corpus_key(&keys));
    let events_cache = cache.zip(corpus_key);
    let mut ds = full_dataset(done, &knowledge, events_cache);
    if let (Some(cache), Some((key, newest)), Some(_), None) =
        (cache, stamped, corpus_key, &cache_error)
        && settled(newest)
    {
        // Losing the pack only costs the next load the reading of every entry.
        let _ = cache.put_pack(&root, key, &ds);
    }
    let mut problems = listing_problems;
    problems.append(&mut ds.problems);
    problems.extend(cancelled);
    if let (Some(cache), Some(e)) = (cache, cache_error) {
        problems.push(Problem {
            file: cache.dir().display().to_string(),
            line: None,
            severity: Severity::Warning,
            message: format!(
                "the cache cannot be written ({e}); unchanged files will be extracted again next time"
            ),
        });
    }
    problems.extend(knowledge_problem);
    ds.problems = problems;
    ds
}

/// The [`Cache::stamps_key`] of the listed files and the manifest, with what else
/// decides which files load (the size limit), and the newest modification time;
/// `None` when a file cannot be stamped.
fn stamps_key(
    root: &Path,
    files: &[(String, PathBuf)],
    context: u64,
    opts: &PipelineOptions,
) -> Option<(Key, u128)> {
    let stamps: Vec<(u64, u128)> = files
        .par_iter()
        .map(|(_, path)| Cache::stamp(path))
        .collect::<Option<_>>()?;
    let manifest = Cache::stamp(&root.join(ingest::MANIFEST_FILE)).unwrap_or_default();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&context.to_le_bytes());
    h.update(&opts.load.max_file_bytes.to_le_bytes());
    let newest = stamps.iter().map(|&(_, modified)| modified).max();
    let named = files.iter().map(|(name, _)| name.as_str()).zip(stamps);
    let key = Cache::stamps_key(
        h.digest(),
        std::iter::once((ingest::MANIFEST_FILE, manifest)).chain(named),
    );
    Some((key, newest.unwrap_or_default().max(manifest.1)))
}

/// Whether files last modified at `newest` (nanoseconds since 1970) are old enough for
/// a pack to stand for them: the clock that stamps files ticks in milliseconds, so a
/// file written again within the same tick, at the same size, would look unchanged.
/// A corpus written in the last two seconds gets its pack on a later load.
fn settled(newest: u128) -> bool {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .is_ok_and(|now| now.as_nanos() > newest + Duration::from_secs(2).as_nanos())
}

/// Reads one file, and takes its extraction from the cache when it is there.
fn read_one(
    root: &Path,
    name: &str,
    path: &Path,
    opts: &PipelineOptions,
    manifest: Option<&Manifest>,
    context: u64,
) -> Outcome {
    let cache = opts.cache.as_ref();
    let bytes = match ingest::read_file(root, path, &opts.load) {
        Ok(bytes) => bytes,
        Err(problem) => {
            let unread = FileExtraction {
                problems: vec![problem],
                ..FileExtraction::default()
            };
            return Outcome::Done(unread, None);
        }
    };
    let key = cache.map(|_| {
        let metadata = manifest.map_or_else(String::new, |m| format!("{:?}", m.entries_for(name)));
        Cache::key(context, name, &metadata, &bytes)
    });
    if let Some(hit) = cache.zip(key).and_then(|(c, k)| c.get(k)) {
        return Outcome::Done(hit, key);
    }
    let (mut articles, problems) = ingest::read_article_file(root, path, &bytes, manifest);
    for article in &mut articles {
        if let Some(&date) = opts.overrides.published.get(&article.content_hash) {
            article.published = Some(date);
        }
    }
    Outcome::Miss {
        key,
        articles,
        problems,
    }
}

/// Extracts the articles of a round's misses together, splits the statements back into
/// their files, and stores those in the cache. Returns the round's files in order, and
/// the first error writing the cache.
fn extract_misses(
    outcomes: Vec<Outcome>,
    knowledge: &Knowledge,
    cache: Option<&Cache>,
) -> (Vec<(FileExtraction, Option<Key>)>, Option<String>) {
    let mut articles = Vec::new();
    for outcome in &outcomes {
        if let Outcome::Miss { articles: a, .. } = outcome {
            articles.extend(a.iter().cloned());
        }
    }
    if articles.is_empty() {
        let files = outcomes
            .into_iter()
            .filter_map(|o| match o {
                Outcome::Done(x, key) => Some((x, key)),
                Outcome::Miss { .. } => None,
            })
            .collect();
        return (files, None);
    }
    // Events are grouped over the whole corpus once all files are in.
    let extraction = extract::extract_ungrouped(&articles, knowledge);
    let known = knowledge.gazetteer.speakers.len();
    let mut statements = extraction.statements.into_iter().peekable();
    let mut first_article = 0;
    let mut files = Vec::with_capacity(outcomes.len());
    let mut to_store = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Done(x, key) => files.push((x, key)),
            Outcome::Miss {
                key,
                articles,
                problems,
            } => {
                let end = first_article + articles.len();
                let mut x = FileExtraction {
                    articles,
                    problems,
                    ..FileExtraction::default()
                };
                let mut local: HashMap<SpeakerIdx, SpeakerIdx> = HashMap::new();
                while let Some(mut s) = statements.next_if(|s| s.article < end) {
                    s.article -= first_article;
                    if s.speaker >= known {
                        s.speaker = *local.entry(s.speaker).or_insert_with(|| {
                            x.new_speakers.push(extraction.speakers[s.speaker].clone());
                            known + x.new_speakers.len() - 1
                        });
                    }
                    x.statements.push(s);
                }
                first_article = end;
                if let Some(key) = key {
                    to_store.push((key, files.len()));
                }
                files.push((x, key));
            }
        }
    }
    let error = cache.and_then(|cache| {
        to_store
            .par_iter()
            .filter_map(|&(key, i)| cache.put(key, &files[i].0).err())
            .map(|e| e.to_string())
            .find_any(|_| true)
    });
    (files, error)
}

/// A dataset of the files loaded so far, for partial results: each statement its own
/// event.
fn partial_dataset(files: &[FileExtraction], knowledge: &Knowledge) -> Dataset {
    let mut ds = gather(files.iter().cloned(), sizes(files), knowledge);
    for (i, s) in ds.statements.iter_mut().enumerate() {
        s.event = u32::try_from(i).unwrap_or(u32::MAX);
    }
    ds
}

/// The dataset of all files, statements grouped into events across files (or as they
/// were grouped when the same corpus was loaded before).
fn full_dataset(
    files: Vec<FileExtraction>,
    knowledge: &Knowledge,
    events_cache: Option<(&Cache, Key)>,
) -> Dataset {
    let sized = sizes(&files);
    let mut ds = gather(files, sized, knowledge);
    let n = ds.statements.len();
    let ids = match events_cache.and_then(|(cache, key)| cache.get_events(key, n)) {
        Some(ids) => ids,
        None => {
            let ids = group_events(&ds);
            if let Some((cache, key)) = events_cache {
                // Losing these only costs the next load the grouping.
                let _ = cache.put_events(key, &ids);
            }
            ids
        }
    };
    for (s, e) in ds.statements.iter_mut().zip(ids) {
        s.event = e;
    }
    ds
}

fn group_events(ds: &Dataset) -> Vec<EventId> {
    events::group_events(ds.statements.len(), |i| {
        let s = &ds.statements[i];
        events::EventInput::of(s, &ds.speakers, &ds.articles[s.article])
    })
}

/// Articles and statements of some files: what the dataset is sized for up front, as
/// growing vectors of a million statements copies them again and again.
fn sizes(files: &[FileExtraction]) -> (usize, usize) {
    files.iter().fold((0, 0), |(a, s), x| {
        (a + x.articles.len(), s + x.statements.len())
    })
}

fn gather(
    files: impl IntoIterator<Item = FileExtraction>,
    (articles, statements): (usize, usize),
    knowledge: &Knowledge,
) -> Dataset {
    let mut ds = Dataset {
        speakers: knowledge.gazetteer.speakers.clone(),
        conflicts: knowledge.taxonomy.conflicts.clone(),
        articles: Vec::with_capacity(articles),
        statements: Vec::with_capacity(statements),
        ..Dataset::default()
    };
    let mut new_index = HashMap::new();
    for x in files {
        append(&mut ds, &mut new_index, x);
    }
    ds
}

/// Adds one file's extraction to `ds`: an unknown speaker named in several files is one
/// speaker, described as the first file that names them describes them (as extraction
/// over all articles at once would).
fn append(
    ds: &mut Dataset,
    new_index: &mut HashMap<(String, bool), SpeakerIdx>,
    x: FileExtraction,
) {
    let known = ds.speakers.len() - new_index.len();
    let local: Vec<SpeakerIdx> = x
        .new_speakers
        .into_iter()
        .map(|sp: Speaker| {
            *new_index
                .entry((sp.name.clone(), sp.institutional))
                .or_insert_with(|| {
                    ds.speakers.push(sp);
                    ds.speakers.len() - 1
                })
        })
        .collect();
    let first_article = ds.articles.len();
    ds.statements.extend(x.statements.into_iter().map(|mut s| {
        s.article += first_article;
        if s.speaker >= known {
            s.speaker = local.get(s.speaker - known).copied().unwrap_or(s.speaker);
        }
        s
    }));
    ds.articles.extend(x.articles);
    ds.problems.extend(x.problems);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::CacheStats;
    use crate::corpus_gen::{GenOptions, write_corpus};

    fn corpus(articles: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        write_corpus(GenOptions { articles, seed: 5 }, dir.path()).expect("corpus written");
        dir
    }

    fn load(dir: &Path, cache: Option<&Cache>) -> Dataset {
        let opts = PipelineOptions {
            cache: cache.cloned(),
            ..PipelineOptions::default()
        };
        load_dataset(dir, &opts, &mut |_, _| true).expect("corpus loads")
    }

    /// Files the load reads: the articles and the manifest.
    fn files_in(dir: &Path) -> usize {
        ingest::list_dir(dir, &LoadOptions::default())
            .expect("listed")
            .files
            .len()
    }

    #[test]
    fn a_second_load_takes_every_file_from_the_cache_and_gives_the_same_dataset() {
        let corpus = corpus(12);
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let files = files_in(corpus.path());
        let uncached = load(corpus.path(), None);
        assert!(
            uncached.statements.len() > 12 * 5,
            "{}",
            uncached.statements.len()
        );

        let cold = Cache::new(cache_dir.path());
        assert_eq!(load(corpus.path(), Some(&cold)), uncached);
        assert_eq!(
            cold.stats(),
            CacheStats {
                hits: 0,
                misses: files
            }
        );

        let warm = Cache::new(cache_dir.path());
        assert_eq!(load(corpus.path(), Some(&warm)), uncached);
        assert_eq!(
            warm.stats(),
            CacheStats {
                hits: files,
                misses: 0
            }
        );
    }

    #[test]
    fn a_changed_file_is_extracted_again() {
        let corpus = corpus(6);
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let files = files_in(corpus.path());
        let before = load(corpus.path(), Some(&Cache::new(cache_dir.path())));
        let changed = &before.articles[0].file;
        let path = corpus.path().join(changed);
        let text = std::fs::read_to_string(&path).expect("article");
        let added = "Foreign Minister Ana Novak said on Monday that the border would stay closed.";
        std::fs::write(&path, format!("{text}{added}\n")).expect("changed");

        let cache = Cache::new(cache_dir.path());
        let after = load(corpus.path(), Some(&cache));
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: files - 1,
                misses: 1
            }
        );
        assert_eq!(after, load(corpus.path(), None));
        assert!(after.statements.iter().any(|s| {
            after
                .statement_text(s)
                .contains("the border would stay closed")
        }));
    }

    /// Dates every file of `dir` an hour back, as a corpus that has sat for a while.
    fn settle(dir: &Path) {
        let past = std::time::SystemTime::now() - Duration::from_secs(3600);
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).expect("folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let file = std::fs::File::options()
                        .write(true)
                        .open(&path)
                        .expect("file");
                    file.set_modified(past).expect("dated");
                }
            }
        }
    }

    #[test]
    fn a_settled_corpus_comes_back_whole_from_its_pack_until_a_file_changes() {
        let corpus = corpus(8);
        settle(corpus.path());
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let files = files_in(corpus.path());
        let first = load(corpus.path(), Some(&Cache::new(cache_dir.path())));
        assert_eq!(first, load(corpus.path(), None));

        // No entry read: the pack holds the whole dataset.
        let packed = Cache::new(cache_dir.path());
        assert_eq!(load(corpus.path(), Some(&packed)), first);
        assert_eq!(packed.stats(), CacheStats::default());

        let path = corpus.path().join(&first.articles[0].file);
        let text = std::fs::read_to_string(&path).expect("article");
        let added = "Foreign Minister Ana Novak said on Monday that the border would stay closed.";
        std::fs::write(&path, format!("{text}{added}\n")).expect("changed");
        let cache = Cache::new(cache_dir.path());
        let after = load(corpus.path(), Some(&cache));
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: files - 1,
                misses: 1
            }
        );
        assert_eq!(after, load(corpus.path(), None));
    }

    #[test]
    fn a_damaged_pack_is_read_past_entry_by_entry() {
        let corpus = corpus(6);
        settle(corpus.path());
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let files = files_in(corpus.path());
        let first = load(corpus.path(), Some(&Cache::new(cache_dir.path())));
        let packs = cache_dir.path().join("packs");
        let pack = std::fs::read_dir(&packs)
            .expect("packs")
            .flatten()
            .flat_map(|d| std::fs::read_dir(d.path()).expect("pack folder").flatten())
            .map(|e| e.path())
            .next()
            .expect("a pack");
        let mut bytes = std::fs::read(&pack).expect("pack");
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(&pack, &bytes).expect("damaged");
        let cache = Cache::new(cache_dir.path());
        assert_eq!(load(corpus.path(), Some(&cache)), first);
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: files,
                misses: 0
            }
        );
    }

    #[test]
    fn damaged_entries_are_extracted_again() {
        let corpus = corpus(6);
        let cache_dir = tempfile::tempdir().expect("temp dir");
        let files = files_in(corpus.path());
        let first = load(corpus.path(), Some(&Cache::new(cache_dir.path())));
        let mut damaged = 0;
        let mut folders = vec![cache_dir.path().to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).expect("cache folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let bytes = std::fs::read(&path).expect("entry");
                    std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("damaged");
                    damaged += 1;
                }
            }
        }
        // One entry per file, and the corpus's events.
        assert_eq!(damaged, files + 1);
        let cache = Cache::new(cache_dir.path());
        assert_eq!(load(corpus.path(), Some(&cache)), first);
        assert_eq!(
            cache.stats(),
            CacheStats {
                hits: 0,
                misses: files
            }
        );
    }

    #[test]
    fn partial_datasets_grow_towards_the_whole() {
        let corpus = corpus(300);
        let opts = PipelineOptions {
            first_partial_after: Duration::ZERO,
            ..PipelineOptions::default()
        };
        let mut partials = Vec::new();
        let whole = load_dataset_with(corpus.path(), &opts, &mut |_, _| true, &mut |ds| {
            partials.push(ds);
        })
        .expect("corpus loads");
        assert!(!partials.is_empty());
        let mut last = 0;
        for partial in &partials {
            let n = partial.statements.len();
            assert!(last < n && n < whole.statements.len(), "{last} {n}");
            last = n;
            // What is shown early stays: the same statements, only their events change.
            for (a, b) in partial.statements.iter().zip(&whole.statements) {
                assert_eq!(
                    (a.article, &a.span, a.speaker),
                    (b.article, &b.span, b.speaker)
                );
            }
        }
    }
}
