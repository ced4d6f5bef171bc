//! Statement Timeline: who said what, when, about which conflict.
//!
//! The core (`model`, `ingest`, `extract`, `timeline`, `export`) knows nothing of egui;
//! the UI (`ui`, `app`) only reads its data and sends commands.

pub mod ingest;
pub mod model;
