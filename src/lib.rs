//! Statement Timeline: who said what, when, about which conflict.
//!
//! The core (`model`, `ingest`, `extract`, `pipeline`, `cache`, `project`, `timeline`,
//! `export`, `atomic`, `corpus_gen`) knows nothing of egui; the UI (`ui`, `app`) only
//! reads its data and sends commands.

pub mod app;
pub mod atomic;
pub mod cache;
pub mod corpus_gen;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod project;
pub mod timeline;
pub mod ui;

/// Extraction makes many small, short-lived allocations (tokens, mentions, names) on all
/// cores at once; mimalloc serves them faster than the system allocator. Set here, in the
/// core, so the app, the tests and the benchmarks measure the same thing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
