//! Curation that is never lost: edits made on one extraction apply to the next, a
//! project survives a save cut short at any step, and a project file that cannot be
//! read is reported and left as it is.

use std::path::Path;

use chrono::NaiveDate;

use statement_timeline::atomic::{self, backup_path};
use statement_timeline::model::{Conflict, Dataset, DateValue, Kind, Speaker};
use statement_timeline::pipeline::{PipelineOptions, load_dataset};
use statement_timeline::project::{self, Edit, Project, ReviewReason, StatementId};

const BRIEFING: &str = "Foreign Minister Jane Okafor said on Tuesday that the ceasefire in Gaza must hold.\n\n\
\"We will not accept another offensive,\" Okafor told reporters.\n";

const TALKS: &str =
    "Kremlin spokesman Dmitry Peskov said on Monday that talks with Kyiv would resume.\n";

const UNDATED: &str = "Defence Minister Piet Marais said that troops would stay in Kinshasa.\n\n\
Mira Sand said the Tessel river crossing would stay closed.\n";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("manifest.json"),
        r#"{"articles": [
            {"file": "briefing.txt", "published": "2025-05-07"},
            {"file": "talks.txt", "published": "2025-05-06"}
        ]}"#,
    )
    .expect("manifest");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("article");
    }
    dir
}

/// Extracts `dir` as the project says (its overrides), then applies its edits.
fn curated(dir: &Path, edits: &[Edit]) -> (Dataset, Vec<project::Review>) {
    let opts = PipelineOptions {
        overrides: Project::overrides(edits),
        ..PipelineOptions::default()
    };
    let mut ds = load_dataset(dir, &opts, &mut |_, _| true).expect("corpus loads");
    let review = project::apply(&mut ds, edits);
    (ds, review)
}

fn find(ds: &Dataset, words: &str) -> usize {
    ds.statements
        .iter()
        .position(|s| ds.statement_text(s).contains(words))
        .unwrap_or_else(|| panic!("no statement with {words:?}"))
}

fn speaker_of(ds: &Dataset, s: usize) -> &str {
    &ds.speakers[ds.statements[s].speaker].name
}

#[test]
fn edits_survive_re_extraction_and_new_articles() {
    let dir = corpus(&[("briefing.txt", BRIEFING), ("talks.txt", TALKS)]);
    let (ds, _) = curated(dir.path(), &[]);
    let ceasefire = find(&ds, "ceasefire in Gaza must hold");
    let offensive = find(&ds, "another offensive");
    let talks = find(&ds, "talks with Kyiv");
    let id = |s| StatementId::of(&ds, s);
    let edits = vec![
        Edit::SetSpeaker {
            statement: id(talks),
            speaker: "Sergei Lavrov".into(),
            role: None,
        },
        Edit::SetHidden {
            statement: id(offensive),
            hidden: true,
        },
        Edit::SetTags {
            statement: id(ceasefire),
            tags: ["check".to_owned()].into(),
        },
        Edit::SetDate {
            statement: id(ceasefire),
            date: DateValue::month(2025, 5),
        },
        Edit::Merge {
            statements: vec![id(ceasefire), id(talks)],
        },
    ];
    let saved = tempfile::tempdir().expect("temp dir");
    let path = saved.path().join("study.project.json");
    Project {
        corpus: Some(dir.path().to_path_buf()),
        edits,
        ..Project::default()
    }
    .save(&path)
    .expect("saved");

    // The corpus grows by an article; the project is read back and applied again.
    std::fs::write(dir.path().join("later.txt"), UNDATED).expect("new article");
    let project = Project::read(&path).expect("read back");
    let (ds, review) = curated(dir.path(), &project.edits);
    assert_eq!(review, [], "every edit still applies");
    let (ceasefire, talks) = (find(&ds, "ceasefire in Gaza"), find(&ds, "talks with Kyiv"));
    assert_eq!(speaker_of(&ds, talks), "Sergei Lavrov");
    assert!(ds.is_hidden(find(&ds, "another offensive")));
    assert_eq!(
        ds.statements[ceasefire].date.value,
        DateValue::month(2025, 5)
    );
    assert!(
        ds.annotation(ceasefire)
            .is_some_and(|a| a.tags.contains("check"))
    );
    assert_eq!(ds.statements[ceasefire].event, ds.statements[talks].event);
    assert!(
        ds.statements
            .iter()
            .any(|s| ds.articles[s.article].file == "later.txt")
    );
}

#[test]
fn edits_of_a_changed_or_vanished_article_are_kept_for_review() {
    let dir = corpus(&[("briefing.txt", BRIEFING), ("talks.txt", TALKS)]);
    let (ds, _) = curated(dir.path(), &[]);
    let edits = vec![
        Edit::SetKind {
            statement: StatementId::of(&ds, find(&ds, "talks with Kyiv")),
            kind: Kind::Direct,
        },
        Edit::SetKind {
            statement: StatementId::of(&ds, find(&ds, "ceasefire in Gaza")),
            kind: Kind::Direct,
        },
    ];
    std::fs::remove_file(dir.path().join("talks.txt")).expect("removed");
    std::fs::write(
        dir.path().join("briefing.txt"),
        BRIEFING.replace("Tuesday", "Wednesday"),
    )
    .expect("changed");
    let (_, review) = curated(dir.path(), &edits);
    assert_eq!(review.len(), 2, "{review:?}");
    assert!(
        review
            .iter()
            .all(|r| matches!(r.reason, ReviewReason::ArticleGone(_)))
    );
    assert_eq!(edits.len(), 2, "the edits themselves stay");
}

#[test]
fn a_publication_date_and_added_knowledge_change_extraction() {
    let dir = corpus(&[("undated.txt", UNDATED)]);
    let (ds, _) = curated(dir.path(), &[]);
    let troops = find(&ds, "troops would stay");
    assert_eq!(ds.statements[troops].date.value, DateValue::Unknown);
    assert!(
        !ds.statements
            .iter()
            .any(|s| ds.statement_text(s).contains("river crossing")),
        "an unknown name without a title is no official yet"
    );
    let article = project::ArticleId(ds.articles[0].content_hash);
    let edits = vec![
        Edit::SetPublished {
            article,
            date: day("2025-03-02"),
        },
        Edit::AddOfficial {
            official: Speaker {
                name: "Mira Sand".into(),
                aliases: vec!["M. Sand".into()],
                ..Speaker::default()
            },
        },
        Edit::AddConflict {
            conflict: Conflict {
                name: "Tessel river dispute".into(),
                keywords: vec!["Tessel river".into()],
                ..Conflict::default()
            },
        },
    ];
    let (ds, review) = curated(dir.path(), &edits);
    assert_eq!(review, []);
    assert_eq!(ds.articles[0].published, Some(day("2025-03-02")));
    let troops = find(&ds, "troops would stay");
    assert_eq!(
        ds.statements[troops].date.value,
        DateValue::Day {
            date: day("2025-03-02")
        }
    );
    let crossing = find(&ds, "river crossing");
    assert_eq!(speaker_of(&ds, crossing), "Mira Sand");
    assert_eq!(
        ds.conflict_name(&ds.statements[crossing]),
        Some("Tessel river dispute")
    );
    // The corpus folder is never written to.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// A save cut short after each of its steps — the new version written to a temporary
/// file, the old one copied to the backup, the rename — leaves a project file that
/// reads as the old version or the new one.
#[test]
fn a_save_interrupted_at_any_step_leaves_the_old_or_the_new_project() {
    let old = Project {
        edits: vec![Edit::Split {
            statement: "0000000000000001:0-4".parse().expect("id"),
        }],
        ..Project::default()
    };
    let new = Project::default();
    for stop_after in 0..3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.project.json");
        old.save(&path).expect("first save");
        let staged =
            atomic::stage(&path, |w| w.write_all(new.to_json().as_bytes())).expect("staged");
        if stop_after >= 1 {
            staged.keep_backup().expect("backup");
        }
        if stop_after >= 2 {
            staged.commit().expect("renamed");
            assert_eq!(Project::read(&path).expect("loads"), new);
            assert_eq!(Project::read(&backup_path(&path)).expect("backup"), old);
        } else {
            // Killed here: no destructor runs, the temporary file stays behind.
            std::mem::forget(staged);
            assert_eq!(
                Project::read(&path).expect("loads"),
                old,
                "step {stop_after}"
            );
        }
        // Saving again after the crash works and cleans nothing it should keep.
        new.save(&path).expect("saved after the crash");
        assert_eq!(Project::read(&path).expect("loads"), new);
    }
}

#[test]
fn a_failed_write_keeps_the_old_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.project.json");
    Project::default().save(&path).expect("saved");
    let before = std::fs::read(&path).expect("read");
    let failed = atomic::stage(&path, |w| {
        w.write_all(b"{\"format\": \"statement-")?;
        Err(std::io::Error::other("no space left on device"))
    });
    assert!(failed.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), before);
    Project::read(&path).expect("still loads");
}
