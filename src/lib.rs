//! Statement Timeline: who said what, when, about which conflict.
//!
//! The core (`model`, `ingest`, `extract`, `pipeline`) knows nothing of egui; the UI
//! only reads its data and sends commands.

pub mod export;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
