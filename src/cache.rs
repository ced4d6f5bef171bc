//! What extraction made of each corpus file, kept in the user's cache folder so that
//! reopening a corpus reads and extracts only the files that changed.
//!
//! An entry is keyed by everything that decides its content: the file's bytes, its name
//! and manifest entries, the knowledge extensions of its folder, and a fingerprint of
//! the extraction code and bundled knowledge taken at build time (`build.rs`). It holds
//! the file's articles, problems and statements before events are grouped. Grouping
//! looks across files, so it runs over the whole corpus, unless every file of the
//! corpus is as it was at a load that kept its events (keyed by all the files' keys).
//! The corpus
//! folder is never written to. A missing, damaged or foreign entry is a miss, never an
//! error.

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use crate::model::{
    Article, Dataset, DateValue, EventId, Kind, Problem, Speaker, SpeakerIdx, Statement,
    StatementDate,
};

/// Changes whenever the stored layout does.
const FORMAT: &[u8; 8] = b"STLCACH1";

/// The same, for corpus packs.
const PACK_FORMAT: &[u8; 8] = b"STLPACK1";

/// Articles, then statements, per record of a pack: records are decoded on all cores.
const PACK_ARTICLES: usize = 512;
const PACK_STATEMENTS: usize = 8192;

/// Records read before they are decoded together: a few megabytes, never the whole pack.
const PACK_BATCH: usize = 64;

/// The extraction code and bundled knowledge this build extracts with.
const FINGERPRINT: &str = env!("EXTRACTION_FINGERPRINT");

/// What extraction made of one file: its articles, its problems and its statements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileExtraction {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    /// Speakers the gazetteer does not know, in the order the statements first name them.
    pub new_speakers: Vec<Speaker>,
    /// `article` counts within the file; `speaker` indexes the gazetteer's speakers, then
    /// `new_speakers` after them; `event` is not set.
    pub statements: Vec<Statement>,
}

/// The identity of an entry: a 128-bit hash of all it depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u128);

/// A cache folder. Clones share their counts of hits and misses.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    hits: Arc<AtomicUsize>,
    misses: Arc<AtomicUsize>,
}

/// How often a cache had what was asked of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub hits: usize,
    pub misses: usize,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            hits: Arc::default(),
            misses: Arc::default(),
        }
    }

    /// Hits and misses since this cache (or the one it was cloned from) was made.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    /// `statement-timeline` in the user's cache folder: `$XDG_CACHE_HOME` or
    /// `~/.cache` (`%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS).
    pub fn default_dir() -> Option<PathBuf> {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let base = if cfg!(windows) {
            var("LOCALAPPDATA")
        } else if cfg!(target_os = "macos") {
            var("HOME").map(|h| h.join("Library").join("Caches"))
        } else {
            var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))
        }?;
        Some(base.join("statement-timeline"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of a file: `context` stands for the corpus's knowledge extensions,
    /// `name` for its path in the corpus, `metadata` for its manifest entries.
    pub fn key(context: u64, name: &str, metadata: &str, bytes: &[u8]) -> Key {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(FORMAT);
        h.update(FINGERPRINT.as_bytes());
        h.update(&context.to_le_bytes());
        for part in [name.as_bytes(), metadata.as_bytes()] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.update(bytes);
        Key(h.digest128())
    }

    /// The key of a whole corpus whose files have these keys, in load order: what
    /// grouping statements into events depends on.
    pub fn corpus_key(files: &[Key]) -> Key {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(b"corpus");
        for key in files {
            h.update(&key.0.to_le_bytes());
        }
        Key(h.digest128())
    }

    fn path(&self, key: Key) -> PathBuf {
        self.path_in("files", key)
    }

    fn path_in(&self, kind: &str, key: Key) -> PathBuf {
        let hex = format!("{:032x}", key.0);
        self.dir.join(kind).join(&hex[..2]).join(&hex[2..])
    }

    /// The event of each statement of the corpus with key `key`, as grouped when it was
    /// last loaded; `None` unless there are exactly `statements` sound ones.
    pub fn get_events(&self, key: Key, statements: usize) -> Option<Vec<EventId>> {
        let bytes = fs::read(self.path_in("events", key)).ok()?;
        let payload = checked(key, &bytes)?;
        let events: Vec<EventId> = payload
            .chunks_exact(4)
            .map(|c| EventId::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        (payload.len() == statements * 4).then_some(events)
    }

    /// Stores the events of the corpus with key `key`.
    pub fn put_events(&self, key: Key, events: &[EventId]) -> io::Result<()> {
        let payload: Vec<u8> = events.iter().flat_map(|e| e.to_le_bytes()).collect();
        write_atomic(&self.path_in("events", key), &framed(key, &payload))
    }

    /// The stamp of a corpus file: its size and modification time, read without opening
    /// it; `None` when it cannot be read.
    pub fn stamp(path: &Path) -> Option<(u64, u128)> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some((meta.len(), modified.as_nanos()))
    }

    /// The key of a corpus as a pack knows it: the extraction fingerprint, `context`
    /// (its knowledge extensions), and each file's name and [`Cache::stamp`], in load
    /// order. A file rewritten with other bytes gets another modification time, so
    /// this stands for the files' keys without reading a byte of them.
    pub fn stamps_key<'a>(
        context: u64,
        files: impl IntoIterator<Item = (&'a str, (u64, u128))>,
    ) -> Key {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(PACK_FORMAT);
        h.update(FINGERPRINT.as_bytes());
        h.update(&context.to_le_bytes());
        for (name, (size, modified)) in files {
            h.update(&(name.len() as u64).to_le_bytes());
            h.update(name.as_bytes());
            h.update(&size.to_le_bytes());
            h.update(&modified.to_le_bytes());
        }
        Key(h.digest128())
    }

    /// Where the pack of the corpus in `root` is kept: one per folder, replaced when
    /// the corpus changes.
    fn pack_path(&self, root: &Path) -> PathBuf {
        let slot = xxhash_rust::xxh3::xxh3_128(root.as_os_str().as_encoded_bytes());
        self.path_in("packs", Key(slot))
    }

    /// The whole dataset of the corpus in `root`, events grouped, as it was loaded when
    /// its files had the stamps of `key`: one file read in sequence instead of an entry
    /// per corpus file. `None` unless the pack is for `key` and sound.
    pub fn get_pack(&self, root: &Path, key: Key) -> Option<Dataset> {
        let file = fs::File::open(self.pack_path(root)).ok()?;
        read_pack(io::BufReader::with_capacity(1 << 20, file), key)
    }

    /// Stores the dataset of the corpus in `root` whose files have the stamps of `key`,
    /// atomically.
    pub fn put_pack(&self, root: &Path, key: Key, ds: &Dataset) -> io::Result<()> {
        let path = self.pack_path(root);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let written = fs::File::create(&tmp).and_then(|file| {
            let mut out = io::BufWriter::with_capacity(1 << 20, file);
            write_pack(&mut out, key, ds)?;
            out.into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .sync_all()
        });
        written
            .and_then(|()| fs::rename(&tmp, &path))
            .inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            })
    }

    /// The entry for `key`, if there is a sound one.
    pub fn get(&self, key: Key) -> Option<FileExtraction> {
        let found = fs::read(self.path(key))
            .ok()
            .and_then(|bytes| decode(key, &bytes));
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Stores an entry, atomically: a reader sees the old entry, the new one, or none.
    pub fn put(&self, key: Key, value: &FileExtraction) -> io::Result<()> {
        write_atomic(&self.path(key), &encode(key, value))
    }
}

fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// An entry as stored: the format tag, the key it answers, a checksum of the payload,
/// then the payload.
fn framed(key: Key, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(FORMAT.len() + 24 + payload.len());
    out.extend_from_slice(FORMAT);
    out.extend_from_slice(&key.0.to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a sound entry for `key`.
fn checked(key: Key, bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(FORMAT)?;
    let (stored_key, rest) = rest.split_first_chunk::<16>()?;
    let (checksum, payload) = rest.split_first_chunk::<8>()?;
    (u128::from_le_bytes(*stored_key) == key.0
        && u64::from_le_bytes(*checksum) == xxhash_rust::xxh3::xxh3_64(payload))
    .then_some(payload)
}

/// A pack: the format tag and key, then records (each a length and postcard bytes):
/// the speakers, conflicts and problems, the articles a few hundred at a time, the
/// statements with their events some thousands at a time; then a checksum of the
/// records.
fn write_pack(out: &mut impl io::Write, key: Key, ds: &Dataset) -> io::Result<()> {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut record = |out: &mut dyn io::Write, payload: postcard::Result<Vec<u8>>| {
        let payload = payload.map_err(io::Error::other)?;
        let len = (payload.len() as u64).to_le_bytes();
        h.update(&len);
        h.update(&payload);
        out.write_all(&len)?;
        out.write_all(&payload)
    };
    out.write_all(PACK_FORMAT)?;
    out.write_all(&key.0.to_le_bytes())?;
    let counts = [ds.articles.len() as u64, ds.statements.len() as u64];
    record(out, postcard::to_stdvec(&counts))?;
    record(out, postcard::to_stdvec(&ds.speakers))?;
    record(out, postcard::to_stdvec(&ds.conflicts))?;
    record(out, postcard::to_stdvec(&ds.problems))?;
    for chunk in ds.articles.chunks(PACK_ARTICLES) {
        record(out, postcard::to_stdvec(chunk))?;
    }
    for chunk in ds.statements.chunks(PACK_STATEMENTS) {
        let stored: Vec<(StoredStatement, EventId)> = chunk
            .iter()
            .map(|s| (StoredStatement::from(s), s.event))
            .collect();
        record(out, postcard::to_stdvec(&stored))?;
    }
    out.write_all(&h.digest().to_le_bytes())
}

fn read_pack(mut input: impl io::Read, key: Key) -> Option<Dataset> {
    let mut head = [0u8; 24];
    input.read_exact(&mut head).ok()?;
    if head[..8] != *PACK_FORMAT || u128::from_le_bytes(head[8..].try_into().ok()?) != key.0 {
        return None;
    }
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut record = |input: &mut dyn io::Read| -> Option<Vec<u8>> {
        let mut len = [0u8; 8];
        input.read_exact(&mut len).ok()?;
        let n = usize::try_from(u64::from_le_bytes(len)).ok()?;
        // Read in steps, so a damaged length fails at the end of the file rather than
        // asking for more memory than the pack holds.
        let mut payload = Vec::new();
        io::Read::take(&mut *input, n as u64)
            .read_to_end(&mut payload)
            .ok()?;
        (payload.len() == n).then_some(())?;
        h.update(&len);
        h.update(&payload);
        Some(payload)
    };
    let [articles, statements]: [u64; 2] = postcard::from_bytes(&record(&mut input)?).ok()?;
    let (articles, statements) = (
        usize::try_from(articles).ok()?,
        usize::try_from(statements).ok()?,
    );
    let mut ds = Dataset {
        speakers: postcard::from_bytes(&record(&mut input)?).ok()?,
        conflicts: postcard::from_bytes(&record(&mut input)?).ok()?,
        problems: postcard::from_bytes(&record(&mut input)?).ok()?,
        ..Dataset::default()
    };
    // Sized from the counts only once the records bear them out, in steps.
    ds.articles.reserve(articles.min(1 << 20));
    ds.statements.reserve(statements.min(1 << 24));
    let mut batch = Vec::with_capacity(PACK_BATCH);
    for k in 0..articles.div_ceil(PACK_ARTICLES) {
        batch.push(record(&mut input)?);
        if batch.len() == PACK_BATCH || k + 1 == articles.div_ceil(PACK_ARTICLES) {
            let decoded: Vec<Vec<Article>> = batch
                .par_drain(..)
                .map(|r| postcard::from_bytes(&r).ok())
                .collect::<Option<_>>()?;
            ds.articles.extend(decoded.into_iter().flatten());
        }
    }
    for k in 0..statements.div_ceil(PACK_STATEMENTS) {
        batch.push(record(&mut input)?);
        if batch.len() == PACK_BATCH || k + 1 == statements.div_ceil(PACK_STATEMENTS) {
            let decoded: Vec<Vec<Statement>> = batch
                .par_drain(..)
                .map(|r| {
                    let stored: Vec<(StoredStatement, EventId)> = postcard::from_bytes(&r).ok()?;
                    stored
                        .into_iter()
                        .map(|(s, event)| {
                            let mut s = s.into_statement()?;
                            s.event = event;
                            Some(s)
                        })
                        .collect()
                })
                .collect::<Option<_>>()?;
            ds.statements.extend(decoded.into_iter().flatten());
        }
    }
    let mut checksum = [0u8; 8];
    input.read_exact(&mut checksum).ok()?;
    let sound = u64::from_le_bytes(checksum) == h.digest()
        && ds.articles.len() == articles
        && ds.statements.len() == statements
        && ds.statements.iter().all(|s| {
            ds.articles
                .get(s.article)
                .is_some_and(|a| a.text.get(s.span.clone()).is_some())
                && s.speaker < ds.speakers.len()
                && s.conflict.is_none_or(|c| c < ds.conflicts.len())
        });
    sound.then_some(ds)
}

fn encode(key: Key, value: &FileExtraction) -> Vec<u8> {
    let payload = postcard::to_stdvec(&Stored::from(value)).unwrap_or_default();
    framed(key, &payload)
}

fn decode(key: Key, bytes: &[u8]) -> Option<FileExtraction> {
    let stored: Stored = postcard::from_bytes(checked(key, bytes)?).ok()?;
    stored.into_extraction()
}

/// [`FileExtraction`] in a form a compact, not self-describing encoding can hold.
#[derive(Serialize, Deserialize)]
struct Stored {
    articles: Vec<Article>,
    problems: Vec<Problem>,
    new_speakers: Vec<Speaker>,
    statements: Vec<StoredStatement>,
}

#[derive(Serialize, Deserialize)]
struct StoredStatement {
    article: usize,
    start: usize,
    end: usize,
    speaker: SpeakerIdx,
    role: Option<String>,
    conflict: Option<usize>,
    date: StoredDate,
    basis: String,
    kind: Kind,
}

/// Dates as days of the common era.
#[derive(Serialize, Deserialize)]
enum StoredDate {
    Day(i32),
    Month(i32, u32),
    Range(i32, i32),
    Unknown,
}

impl From<&FileExtraction> for Stored {
    fn from(x: &FileExtraction) -> Self {
        Self {
            articles: x.articles.clone(),
            problems: x.problems.clone(),
            new_speakers: x.new_speakers.clone(),
            statements: x.statements.iter().map(StoredStatement::from).collect(),
        }
    }
}

impl Stored {
    /// `None` when a date is out of range: a damaged entry.
    fn into_extraction(self) -> Option<FileExtraction> {
        let statements = self
            .statements
            .into_iter()
            .map(StoredStatement::into_statement)
            .collect::<Option<Vec<_>>>()?;
        Some(FileExtraction {
            articles: self.articles,
            problems: self.problems,
            new_speakers: self.new_speakers,
            statements,
        })
    }
}

impl From<&Statement> for StoredStatement {
    fn from(s: &Statement) -> Self {
        Self {
            article: s.article,
            start: s.span.start,
            end: s.span.end,
            speaker: s.speaker,
            role: s.role.clone(),
            conflict: s.conflict,
            date: match s.date.value {
                DateValue::Day { date } => StoredDate::Day(date.num_days_from_ce()),
                DateValue::Month { year, month } => StoredDate::Month(year, month),
                DateValue::Range { first, last } => {
                    StoredDate::Range(first.num_days_from_ce(), last.num_days_from_ce())
                }
                DateValue::Unknown => StoredDate::Unknown,
            },
            basis: s.date.basis.clone(),
            kind: s.kind,
        }
    }
}

impl StoredStatement {
    /// `None` when the date is out of range. The event is not set.
    fn into_statement(self) -> Option<Statement> {
        let day = NaiveDate::from_num_days_from_ce_opt;
        let value = match self.date {
            StoredDate::Day(d) => DateValue::Day { date: day(d)? },
            StoredDate::Month(year, month) => DateValue::Month { year, month },
            StoredDate::Range(a, b) => DateValue::Range {
                first: day(a)?,
                last: day(b)?,
            },
            StoredDate::Unknown => DateValue::Unknown,
        };
        Some(Statement {
            article: self.article,
            span: self.start..self.end,
            speaker: self.speaker,
            role: self.role,
            conflict: self.conflict,
            date: StatementDate {
                value,
                basis: self.basis,
            },
            kind: self.kind,
            event: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OffsetMap, Severity};

    fn sample() -> FileExtraction {
        let text = "Minister Ana Novak said on Tuesday that talks go on.";
        FileExtraction {
            articles: vec![Article {
                file: "a.txt".into(),
                title: Some("Talks".into()),
                outlet: Some("Wire".into()),
                url: None,
                published: NaiveDate::from_ymd_opt(2025, 6, 25),
                text: text.into(),
                paragraphs: std::iter::once(0..text.len()).collect(),
                offsets: OffsetMap::verbatim(0, text.len()),
                content_hash: 42,
            }],
            problems: vec![Problem {
                file: "a.txt".into(),
                line: Some(3),
                severity: Severity::Warning,
                message: "a caveat".into(),
            }],
            new_speakers: vec![Speaker {
                name: "Ana Novak".into(),
                ..Speaker::default()
            }],
            statements: vec![Statement {
                article: 0,
                span: 40..52,
                speaker: 7,
                role: Some("Minister".into()),
                conflict: Some(2),
                date: StatementDate {
                    value: DateValue::Range {
                        first: NaiveDate::from_ymd_opt(2025, 6, 21).unwrap_or_default(),
                        last: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default(),
                    },
                    basis: "in late June".into(),
                },
                kind: Kind::Reported,
                event: 0,
            }],
        }
    }

    #[test]
    fn an_entry_reads_back_as_it_was_stored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::new(dir.path());
        let key = Cache::key(1, "a.txt", "", b"bytes");
        assert_eq!(cache.get(key), None);
        cache.put(key, &sample()).expect("stored");
        assert_eq!(cache.get(key), Some(sample()));
        assert_eq!(cache.stats(), CacheStats { hits: 1, misses: 1 });
    }

    #[test]
    fn keys_change_with_bytes_name_metadata_and_context() {
        let key = Cache::key(1, "a.txt", "", b"bytes");
        assert_ne!(key, Cache::key(1, "a.txt", "", b"bytes!"));
        assert_ne!(key, Cache::key(1, "b.txt", "", b"bytes"));
        assert_ne!(key, Cache::key(1, "a.txt", "outlet", b"bytes"));
        assert_ne!(key, Cache::key(2, "a.txt", "", b"bytes"));
        // Parts are length-prefixed: moving bytes between them is another key.
        assert_ne!(Cache::key(1, "ab", "c", b""), Cache::key(1, "a", "bc", b""));
    }

    #[test]
    fn events_read_back_only_for_their_corpus_and_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::new(dir.path());
        let a = Cache::key(1, "a.txt", "", b"a");
        let b = Cache::key(1, "b.txt", "", b"b");
        let corpus = Cache::corpus_key(&[a, b]);
        assert_ne!(corpus, Cache::corpus_key(&[b, a]));
        cache.put_events(corpus, &[0, 1, 0]).expect("stored");
        assert_eq!(cache.get_events(corpus, 3), Some(vec![0, 1, 0]));
        assert_eq!(cache.get_events(corpus, 4), None);
        assert_eq!(cache.get_events(Cache::corpus_key(&[a]), 3), None);
    }

    #[test]
    fn a_damaged_or_foreign_entry_is_a_miss() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::new(dir.path());
        let key = Cache::key(1, "a.txt", "", b"bytes");
        cache.put(key, &sample()).expect("stored");
        let path = cache.path(key);
        let mut bytes = fs::read(&path).expect("entry");
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&path, &bytes).expect("damaged");
        assert_eq!(cache.get(key), None);
        fs::write(&path, &bytes[..10]).expect("truncated");
        assert_eq!(cache.get(key), None);
        // An entry answering another key (a hash collision, a copied file) is not used.
        let other = Cache::key(1, "b.txt", "", b"bytes");
        let other_path = cache.path(other);
        fs::create_dir_all(other_path.parent().expect("in a folder")).expect("folder");
        fs::write(other_path, encode(key, &sample())).expect("foreign");
        assert_eq!(cache.get(other), None);
    }
}
