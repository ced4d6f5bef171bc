//! The integration tests, as one binary so that linking happens once.

mod cli;
mod core;
mod export;
mod quality;
mod ui;
