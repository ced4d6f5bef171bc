//! Statement Timeline: who said what, when, about which conflict.
//!
//! The core (`model`, `ingest`, `extract`, `pipeline`, `cache`, `timeline`, `export`,
//! `corpus_gen`) knows
//! nothing of egui; the UI (`ui`, `app`) only reads its data and sends commands.

pub mod app;
pub mod cache;
pub mod corpus_gen;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod timeline;
pub mod ui;
