//! The core knows nothing of the UI: model, ingest, extract, pipeline, project, timeline,
//! export and atomic writes never import egui or eframe, so they run headless and the
//! exporters draw exactly what the core computes.

use std::path::Path;

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("source folder").flatten() {
            rust_files(&entry.path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn the_core_imports_no_ui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in [
        "model.rs",
        "pipeline.rs",
        "atomic.rs",
        "project",
        "ingest",
        "extract",
        "timeline",
        "export",
    ] {
        rust_files(&src.join(part), &mut files);
    }
    assert!(files.len() > 20, "found the core's files: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for line in text.lines().map(str::trim_start) {
            let import = line.starts_with("use ") || line.starts_with("pub use ");
            assert!(
                !(import && (line.contains("egui") || line.contains("eframe"))),
                "{} imports the UI: {line}",
                file.display()
            );
        }
    }
}
