//! The integration tests, as one binary so that linking happens once.

pub mod cli;
mod core;
mod export;
mod quality;
mod ui;
