//! Fingerprints the code and the knowledge that decide what extraction gives, so the
//! cache of extracted statements (`src/cache.rs`) is never read by a build that would
//! extract differently.

use std::fs;
use std::path::Path;

/// Inputs of extraction: a change to any file under these invalidates the cache.
const INPUTS: &[&str] = &[
    "src/extract",
    "src/ingest",
    "src/model.rs",
    "src/cache.rs",
    "assets/gazetteer.toml",
    "assets/conflicts.toml",
];

fn main() {
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.sort();
    // FNV-1a over names and contents: stable across toolchains, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = fs::read(file).unwrap_or_default();
        for byte in file.to_string_lossy().bytes().chain([0]).chain(bytes) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo::rustc-env=EXTRACTION_FINGERPRINT={hash:016x}");
}

fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        if let Ok(entries) = fs::read_dir(path) {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
