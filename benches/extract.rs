//! Throughput of extraction over a synthetic corpus of news articles.
//!
//! The corpus is `gen-corpus`'s (`statement_timeline::corpus_gen`), made in memory from a
//! fixed seed, so every run reads the same bytes: wire copy with headlines, photo
//! captions, datelines, direct quotes and reported speech, background and boilerplate,
//! as `.txt`, `.md` and `.html` files. The articles are read with
//! `ingest::read_article_file`, so one benchmark can include that cost and the others
//! leave it out. `benches/scale.rs` measures the same on 10,000 articles.
//!
//! Benchmarks (throughput in bytes of article text, so criterion reports MB/s):
//! - `extract/all_cores`: `extract::extract` in rayon's default pool;
//! - `extract/one_core`: the same inside a one-thread pool;
//! - `extract/one_core_ungrouped`: `extract::extract_ungrouped` in that pool: the
//!   per-article stages the app runs on each batch of files, without grouping events
//!   (which it does once over the whole corpus);
//! - `extract/ingest_and_extract`: `read_article_file` on every file, then extraction
//!   (throughput in bytes of files).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use statement_timeline::corpus_gen::{self, GenOptions, GeneratedFile};
use statement_timeline::extract::{self, knowledge::Knowledge};
use statement_timeline::ingest::read_article_file;
use statement_timeline::model::Article;

/// Articles in the corpus.
const ARTICLES: usize = 1200;
const SEED: u64 = 0x5eed_2025_0624;

fn ingest(files: &[GeneratedFile]) -> Vec<Article> {
    let root = Path::new("corpus");
    let per_file: Vec<Vec<Article>> = files
        .par_iter()
        .map(|f| read_article_file(root, &root.join(&f.path), &f.bytes, None).0)
        .collect();
    per_file.into_iter().flatten().collect()
}

fn bench_extract(c: &mut Criterion) {
    let knowledge = Knowledge::load(None).expect("bundled knowledge loads");
    let files = corpus_gen::corpus_files(GenOptions {
        articles: ARTICLES,
        seed: SEED,
    });
    let file_bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let articles = ingest(&files);
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let statements = extract::extract(&articles, &knowledge).statements.len();
    eprintln!(
        "synthetic corpus: {} files, {file_bytes} bytes; {} articles, {text_bytes} bytes of text; {statements} statements",
        files.len(),
        articles.len(),
    );
    assert!(
        articles.len() >= 1000,
        "the corpus has {} articles",
        articles.len()
    );
    assert!(statements > articles.len(), "only {statements} statements");

    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("all_cores", |b| {
        b.iter(|| extract::extract(black_box(&articles), &knowledge));
    });
    group.bench_function("one_core", |b| {
        b.iter(|| one_thread.install(|| extract::extract(black_box(&articles), &knowledge)));
    });
    group.bench_function("one_core_ungrouped", |b| {
        b.iter(|| {
            one_thread.install(|| extract::extract_ungrouped(black_box(&articles), &knowledge))
        });
    });
    group.throughput(Throughput::Bytes(file_bytes as u64));
    group.bench_function("ingest_and_extract", |b| {
        b.iter(|| {
            let articles = ingest(black_box(&files));
            extract::extract(&articles, &knowledge)
        });
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
