//! The `extract` command, as a user runs it: on a folder, writing JSON, telling about
//! bad files on stderr while the good ones still give their statements.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The binary, with its cache of extraction results in a folder of the tests' own.
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_statement-timeline"));
    command.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("statement-timeline-tests"),
    );
    command
}

fn phenomena() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/phenomena")
}

fn extract(dir: &Path) -> (Value, String, bool) {
    let out = tempfile::tempdir().expect("temp dir");
    let json = out.path().join("out.json");
    let result = bin()
        .arg("extract")
        .arg(dir)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    let value = std::fs::read_to_string(&json)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    (value, stderr, result.status.success())
}

fn statements_of<'a>(v: &'a Value, file: &str) -> Vec<&'a Value> {
    v["statements"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["file"] == file)
        .collect()
}

#[test]
fn a_caption_date_is_never_the_statement_date() {
    let (v, _, ok) = extract(&phenomena());
    assert!(ok);
    let s = statements_of(&v, "caption_date_is_not_the_article_date.txt");
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s.iter()
            .all(|s| s["date"] == "2025-05-05" && s["speaker"] == "Jane Okafor"),
        "{s:?}"
    );
    assert_eq!(s[0]["kind"], "reported");
    assert_eq!(s[1]["kind"], "direct");
    assert_eq!(s[0]["conflict"], "Gaza war");
}

#[test]
fn unnamed_sources_give_no_statements() {
    let (v, _, _) = extract(&phenomena());
    assert!(statements_of(&v, "unnamed_sources_are_not_officials.txt").is_empty());
}

#[test]
fn month_ranges_and_background_dates() {
    let (v, _, _) = extract(&phenomena());
    let s = statements_of(&v, "background_and_month_dates.txt");
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0]["date_precision"], "range");
    assert_eq!(
        s[0]["date_range"],
        serde_json::json!(["2025-03-01", "2025-03-10"])
    );
    assert_eq!(s[0]["conflict"], "Sahel insurgency");
    assert_eq!(s[1]["date"], Value::Null);
}

#[test]
fn offsets_point_at_the_statement_in_the_file_on_disk() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let (v, _, ok) = extract(&dir);
    assert!(ok);
    let statements = v["statements"].as_array().expect("statements");
    assert!(statements.len() > 40);
    for s in statements {
        let bytes =
            std::fs::read(dir.join(s["file"].as_str().expect("file"))).expect("file exists");
        let (start, end) = (
            s["start"].as_u64().expect("start") as usize,
            s["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            String::from_utf8_lossy(&bytes[start..end]),
            s["text"].as_str().expect("text")
        );
    }
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        phenomena().join("caption_date_is_not_the_article_date.txt"),
        dir.path().join("good.txt"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Foreign Minister Jane Okafor said the caf\xe9 was closed.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).expect("write");
    std::fs::write(dir.path().join("manifest.json"), "{ not json").expect("write");
    let (v, stderr, ok) = extract(dir.path());
    assert!(ok, "exit status 0 when some articles loaded");
    for name in ["empty.txt", "latin1.txt", "binary.txt", "manifest.json"] {
        assert!(stderr.contains(name), "stderr names {name}: {stderr}");
    }
    assert!(!statements_of(&v, "good.txt").is_empty());
    assert!(
        !statements_of(&v, "latin1.txt").is_empty(),
        "lossily decoded file still gives statements"
    );
}

#[test]
fn a_missing_folder_fails_with_a_message() {
    let (_, stderr, ok) = extract(Path::new("/nonexistent/corpus"));
    assert!(!ok);
    assert!(stderr.contains("/nonexistent/corpus"), "{stderr}");
}

/// A corpus with one file of every bad kind beside good ones: an unreadable file (a
/// link to nothing), a binary, an empty file, one over the size limit (2,000 bytes
/// here), invalid UTF-8, HTML with a script, JSON Lines with a bad line, and manifest
/// entries naming a missing file and an impossible date.
pub fn bad_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let write =
        |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).expect("write");
    std::fs::copy(
        phenomena().join("caption_date_is_not_the_article_date.txt"),
        dir.path().join("good.txt"),
    )
    .expect("copy");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent/gone.txt", dir.path().join("unreadable.txt"))
        .expect("link");
    write("binary.txt", b"\0\x01\x02\x03 not text");
    write("empty.txt", b"");
    write("huge.txt", &[b'a'; 3000]);
    write(
        "latin1.txt",
        b"Foreign Minister Jane Okafor said on Monday the caf\xe9 in Gaza was closed.\n",
    );
    write(
        "page.html",
        b"<html><head><title>Briefing</title><script>document.write('Foreign Minister \
          Jane Okafor said the war is over')</script></head><body><p>Foreign Minister Jane \
          Okafor said on Monday that the Gaza ceasefire must hold.</p></body></html>",
    );
    write(
        "feed.jsonl",
        b"{\"text\": \"Foreign Minister Jane Okafor said on Monday that talks on Gaza would resume.\"}\n\
          {\"text\": \"cut off\n",
    );
    write(
        "manifest.json",
        br#"{"articles": [
            {"file": "missing.txt", "published": "2025-01-01"},
            {"file": "good.txt", "published": "2025-02-30"}
        ]}"#,
    );
    dir
}

#[test]
fn every_kind_of_bad_file_is_named_on_stderr_and_the_good_ones_give_statements() {
    let dir = bad_corpus();
    let out = tempfile::tempdir().expect("temp dir");
    let json = out.path().join("out.json");
    let result = bin()
        .arg("extract")
        .arg(dir.path())
        .arg("--json")
        .arg(&json)
        .args(["--max-file-bytes", "2000"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    let said = |file: &str, what: &str| {
        assert!(
            stderr.lines().any(|l| l.contains(file) && l.contains(what)),
            "stderr tells {file}: {what}\n{stderr}"
        );
    };
    #[cfg(unix)]
    said("unreadable.txt", "cannot be read");
    said("binary.txt", "binary");
    said("empty.txt", "empty");
    said("huge.txt", "over the limit of 2000 bytes");
    said("latin1.txt", "not valid UTF-8");
    said("page.html", "scripts; they were dropped unread, never run");
    said("feed.jsonl:2", "not valid JSON");
    said("manifest.json", "missing.txt, which is not in the folder");
    said("manifest.json", "\"2025-02-30\" does not exist");

    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("written")).expect("JSON");
    for good in ["good.txt", "latin1.txt", "page.html", "feed.jsonl"] {
        assert!(
            !statements_of(&v, good).is_empty(),
            "{good} gives statements"
        );
    }
    let page = statements_of(&v, "page.html");
    assert!(
        page.iter()
            .all(|s| !s["text"].as_str().unwrap_or("").contains("war is over")),
        "a script is never read as text: {page:?}"
    );
}

#[test]
fn a_project_applies_its_edits_to_extract_and_reports_what_no_longer_fits() {
    let (v, _, ok) = extract(&phenomena());
    assert!(ok);
    let s = &statements_of(&v, "caption_date_is_not_the_article_date.txt")[0];
    let id = s["id"].as_str().expect("id");
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("p.project.json");
    std::fs::write(
        &project,
        serde_json::json!({
            "format": "statement-timeline-project",
            "version": 1,
            "corpus": phenomena(),
            "edits": [
                {"edit": "set_speaker", "statement": id, "speaker": "Antonio Guterres"},
                {"edit": "set_hidden", "statement": "00000000000000ff:1-2", "hidden": true},
            ],
        })
        .to_string(),
    )
    .expect("project");
    let json = dir.path().join("out.json");
    let result = bin()
        .args(["extract", "--project"])
        .arg(&project)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(stderr.contains("edit 2 (Hide statement)"), "{stderr}");
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("written")).expect("JSON");
    let edited = v["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .find(|s| s["id"] == id)
        .expect("the statement");
    assert_eq!(
        edited["speaker"], "António Guterres",
        "an alias names the official"
    );

    std::fs::write(
        &project,
        "{\"format\": \"statement-timeline-project\", \"version\": 9}",
    )
    .expect("project");
    let result = bin()
        .args(["extract", "--project"])
        .arg(&project)
        .args(["--json", "-"])
        .output()
        .expect("runs");
    assert!(!result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("p.project.json") && stderr.contains("newer"),
        "{stderr}"
    );
}

fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).expect("folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("file");
                out.push((path.strip_prefix(dir).expect("inside").to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn gen_corpus_writes_the_same_corpus_for_a_seed_and_it_extracts() {
    let out = tempfile::tempdir().expect("temp dir");
    let gen_corpus = |name: &str, seed: &str| {
        let dir = out.path().join(name);
        let status = bin()
            .args(["gen-corpus", "--articles", "40", "--seed", seed, "--out"])
            .arg(&dir)
            .status()
            .expect("runs");
        assert!(status.success());
        tree(&dir)
    };
    let a = gen_corpus("a", "9");
    assert_eq!(a.len(), 41, "40 articles and the manifest");
    assert_eq!(a, gen_corpus("b", "9"));
    assert_ne!(a, gen_corpus("c", "10"));

    let (v, stderr, ok) = extract(&out.path().join("a"));
    assert!(ok, "{stderr}");
    // Its web pages carry scripts, as real ones do: a warning each, nothing worse.
    assert!(
        stderr
            .lines()
            .filter(|l| l.starts_with("warning") || l.starts_with("error"))
            .all(|l| l.contains("has scripts; they were dropped unread")),
        "{stderr}"
    );
    let articles = v["articles"].as_array().map_or(0, Vec::len);
    assert_eq!(articles, 40);
    let statements = v["statements"].as_array().map_or(0, Vec::len);
    // Wire copy is dense with statements: about a dozen an article.
    assert!(statements > articles * 6, "{statements} statements");
    // Articles carry the manifest's outlets, and stories are told by several outlets.
    let outlets: std::collections::BTreeSet<&str> = v["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["outlet"].as_str())
        .collect();
    assert!(outlets.len() > 3, "{outlets:?}");
}
