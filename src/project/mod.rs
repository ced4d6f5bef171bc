//! A project: the analyst's work on one corpus — its edits, the officials and conflicts
//! they added, the view — as one JSON file beside (never inside) the corpus.
//!
//! The file is written atomically with the previous version kept as `NAME.bak`; a
//! recovery file (`NAME.recovery`) holds unsaved work a few seconds old, so a crash loses
//! little. A file this version cannot read — newer, damaged, or no project at all — is
//! an error naming it, and is never written over by reading it.

pub mod edit;
pub mod history;
pub mod view;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic;
use crate::pipeline::Overrides;

pub use edit::{ArticleId, Edit, Review, ReviewReason, StatementId, apply};
pub use history::History;
pub use view::ViewState;

/// What the `format` field says, so a stray JSON file is not taken for a project.
pub const FORMAT: &str = "statement-timeline-project";
/// The newest project format this version reads and the one it writes.
pub const VERSION: u32 = 1;

/// The project file's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub format: String,
    pub version: u32,
    /// The corpus folder; `None` for a project not yet tied to one.
    pub corpus: Option<PathBuf>,
    /// Files opened one by one under `corpus`; empty when the whole folder is the corpus.
    #[serde(default)]
    pub files: Vec<PathBuf>,
    /// Every edit, in the order made; undoing takes the last off.
    #[serde(default)]
    pub edits: Vec<Edit>,
    #[serde(default)]
    pub view: ViewState,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            corpus: None,
            files: Vec::new(),
            edits: Vec::new(),
            view: ViewState::default(),
        }
    }
}

/// Why a project file could not be read or written. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read the project {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Not JSON, or JSON of the wrong shape: the file was left as it is.
    #[error("the project {} is damaged ({message}); it was left untouched", path.display())]
    Damaged { path: PathBuf, message: String },
    #[error("{} is not a Statement Timeline project; it was left untouched", path.display())]
    NotAProject { path: PathBuf },
    /// Written by a newer version of the app: reading it could lose what it holds.
    #[error(
        "the project {} is format version {found}, newer than this app reads ({VERSION}); \
         open it with a newer Statement Timeline. It was left untouched",
        path.display()
    )]
    Newer { path: PathBuf, found: u64 },
    #[error("cannot save the project {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Project {
    /// Reads a project file, checking what it is before what it holds.
    pub fn read(path: &Path) -> Result<Self, ProjectError> {
        let bytes = std::fs::read(path).map_err(|source| ProjectError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&bytes).map_err(|e| e.at(path))
    }

    /// Parses a project from bytes; errors name no file until [`ParseError::at`].
    pub fn parse(bytes: &[u8]) -> Result<Self, ParseError> {
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
            ParseError::Damaged(format!(
                "not valid JSON at line {}, column {}",
                e.line(),
                e.column()
            ))
        })?;
        if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
            return Err(ParseError::NotAProject);
        }
        let Some(version) = value.get("version").and_then(serde_json::Value::as_u64) else {
            return Err(ParseError::Damaged("it has no format version".to_owned()));
        };
        if version > u64::from(VERSION) {
            return Err(ParseError::Newer(version));
        }
        serde_json::from_value(value).map_err(|e| ParseError::Damaged(e.to_string()))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Saves atomically, keeping the file it replaces as `NAME.bak`, and removes the
    /// recovery file, which now holds nothing newer.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        atomic::save_with_backup(path, self.to_json().as_bytes()).map_err(|source| {
            ProjectError::Write {
                path: path.to_path_buf(),
                source,
            }
        })?;
        let _ = std::fs::remove_file(recovery_path(path));
        Ok(())
    }

    /// What the edits change in extraction itself: publication dates, and the added
    /// officials and conflicts (a later edit of the same name wins).
    pub fn overrides(edits: &[Edit]) -> Overrides {
        let mut o = Overrides::default();
        for edit in edits {
            match edit {
                Edit::SetPublished { article, date } => {
                    o.published.insert(article.0, *date);
                }
                Edit::AddOfficial { official } => {
                    o.knowledge.speakers.retain(|s| s.name != official.name);
                    o.knowledge.speakers.push(official.clone());
                }
                Edit::AddConflict { conflict } => {
                    o.knowledge.conflicts.retain(|c| c.name != conflict.name);
                    o.knowledge.conflicts.push(conflict.clone());
                }
                _ => {}
            }
        }
        o
    }
}

/// Why bytes are no project this version can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("damaged: {0}")]
    Damaged(String),
    #[error("not a Statement Timeline project")]
    NotAProject,
    #[error("format version {0}, newer than this app reads")]
    Newer(u64),
}

impl ParseError {
    /// The error, naming the file it came from.
    pub fn at(self, path: &Path) -> ProjectError {
        let path = path.to_path_buf();
        match self {
            ParseError::Damaged(message) => ProjectError::Damaged { path, message },
            ParseError::NotAProject => ProjectError::NotAProject { path },
            ParseError::Newer(found) => ProjectError::Newer { path, found },
        }
    }
}

/// Where unsaved work on the project at `path` is kept: `NAME.recovery` beside it.
pub fn recovery_path(path: &Path) -> PathBuf {
    atomic::with_suffix(path, ".recovery")
}

/// Writes unsaved work to a recovery file, atomically (no backup: it is a backup).
pub fn write_recovery(path: &Path, project: &Project) -> Result<(), ProjectError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    atomic::write_atomic(path, project.to_json().as_bytes()).map_err(|source| ProjectError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// The recovery file at `recovery`, when there is one newer than the saved project at
/// `saved` (or no saved project at all) and it can be read.
pub fn pending_recovery(recovery: &Path, saved: Option<&Path>) -> Option<Project> {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let recovered_at = modified(recovery)?;
    if let Some(saved_at) = saved.and_then(modified)
        && saved_at > recovered_at
    {
        return None;
    }
    Project::read(recovery).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateValue, Kind};

    fn id(s: &str) -> StatementId {
        s.parse().expect("statement id")
    }

    fn sample() -> Project {
        Project {
            corpus: Some(PathBuf::from("/data/corpus")),
            edits: vec![
                Edit::SetSpeaker {
                    statement: id("00000000000000ab:10-20"),
                    speaker: "Anna Kowal".into(),
                    role: Some("Foreign Minister".into()),
                },
                Edit::SetDate {
                    statement: id("00000000000000ab:10-20"),
                    date: DateValue::month(2025, 3),
                },
                Edit::SetKind {
                    statement: id("00000000000000ab:30-40"),
                    kind: Kind::Direct,
                },
            ],
            ..Project::default()
        }
    }

    #[test]
    fn a_project_round_trips_through_its_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("study.project.json");
        let project = sample();
        project.save(&path).expect("saved");
        assert_eq!(Project::read(&path).expect("read back"), project);
        let text = std::fs::read_to_string(&path).expect("text");
        assert!(
            text.contains("\"statement\": \"00000000000000ab:10-20\""),
            "{text}"
        );
        assert!(text.contains("\"edit\": \"set_speaker\""), "{text}");
    }

    #[test]
    fn damaged_newer_and_foreign_files_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let check = |name: &str, text: &str, expect: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).expect("write");
            let e = Project::read(&path).expect_err("not readable").to_string();
            assert!(e.contains(name) && e.contains(expect), "{e}");
            assert_eq!(std::fs::read_to_string(&path).expect("still there"), text);
        };
        check(
            "cut.json",
            "{\"format\": \"statement-timeline-project\", \"ver",
            "damaged",
        );
        check(
            "new.json",
            "{\"format\": \"statement-timeline-project\", \"version\": 7, \"edits\": \"x\"}",
            "version 7, newer",
        );
        check(
            "other.json",
            "{\"articles\": []}",
            "not a Statement Timeline project",
        );
        check(
            "shape.json",
            "{\"format\": \"statement-timeline-project\", \"version\": 1, \"edits\": [{\"edit\": \"fly\"}]}",
            "damaged",
        );
        let missing = Project::read(&dir.path().join("absent.json")).expect_err("absent");
        assert!(missing.to_string().contains("absent.json"));
    }

    #[test]
    fn edits_make_the_extraction_overrides_the_latest_winning() {
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let edits = [
            Edit::SetPublished {
                article: ArticleId(7),
                date: date("2025-01-01"),
            },
            Edit::SetPublished {
                article: ArticleId(7),
                date: date("2025-02-02"),
            },
            Edit::AddOfficial {
                official: crate::model::Speaker {
                    name: "Mira Sand".into(),
                    ..Default::default()
                },
            },
        ];
        let o = Project::overrides(&edits);
        assert_eq!(o.published.get(&7), Some(&date("2025-02-02")));
        assert_eq!(o.knowledge.speakers.len(), 1);
        assert!(o.knowledge.conflicts.is_empty());
    }

    #[test]
    fn recovery_is_offered_only_when_newer_than_the_saved_project() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.json");
        let recovery = recovery_path(&path);
        assert_eq!(pending_recovery(&recovery, Some(&path)), None);
        write_recovery(&recovery, &sample()).expect("written");
        assert_eq!(pending_recovery(&recovery, None), Some(sample()));
        // Saving supersedes the recovery file.
        Project::default().save(&path).expect("saved");
        assert!(!recovery.exists());
        assert_eq!(pending_recovery(&recovery, Some(&path)), None);
    }
}
