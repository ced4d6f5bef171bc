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
    assert_eq!(v["problems"].as_array().map(Vec::len), Some(0), "{stderr}");
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
