//! Tests of the core library (ingest and extraction) through its public API.

mod fuzz;
mod layers;
mod project;
mod scale;
