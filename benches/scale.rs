//! The app at scale, on corpora from `corpus_gen` (what `statement-timeline gen-corpus`
//! writes) run through the real ingest and extraction:
//!
//! - `extract_10k/{one_core,all_cores}`: extraction of a 10,000-article corpus, in a
//!   one-thread rayon pool and in the default pool (throughput in bytes of article text);
//! - `filter_1m/*`: a filter change on about a million statements: the statements that
//!   pass and the facet counts (`derive` adds the lane layout and density index, all
//!   the app derives on a filter change);
//! - `frame_1m/{zoomed_out,day_zoom}`: one frame of the app (egui_kittest, headless),
//!   its shapes tessellated, with the whole million fitted and zoomed to three days;
//! - `open_1m/warm_cache`: opening the million from disk with every file in the cache,
//!   until the timeline can be drawn (load, index, filter, layout, density);
//! - `export_1m/png_4k`: a 3840×2160 PNG of the million.
//!
//! The million-statement corpus is written once to `$TMPDIR/statement-timeline-bench/`
//! with its cache beside it; later runs reuse both.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eframe::egui::{self, Event, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rayon::prelude::*;

use statement_timeline::app::{App, Loader};
use statement_timeline::cache::Cache;
use statement_timeline::corpus_gen::{self, GenOptions};
use statement_timeline::export::{self, ExportRequest, ImageOptions};
use statement_timeline::extract::{self, knowledge::Knowledge};
use statement_timeline::ingest::read_article_file;
use statement_timeline::model::{Article, Dataset};
use statement_timeline::pipeline::{PipelineOptions, load_dataset};
use statement_timeline::timeline::{
    DatasetIndex, DensityIndex, Filter, LaneMode, LayoutOptions, TimelineLayout,
};

/// Articles that make about a million statements (about 12.5 each).
const MILLION_ARTICLES: usize = 81_000;
const SEED: u64 = 1;

fn ingest(files: &[corpus_gen::GeneratedFile]) -> Vec<Article> {
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
        articles: 10_000,
        seed: SEED,
    });
    let articles = ingest(&files);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let statements = extract::extract(&articles, &knowledge).statements.len();
    eprintln!(
        "extract_10k: {} articles, {bytes} bytes of text, {statements} statements",
        articles.len()
    );
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let mut group = c.benchmark_group("extract_10k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("one_core", |b| {
        b.iter(|| one_thread.install(|| extract::extract(black_box(&articles), &knowledge)));
    });
    group.bench_function("all_cores", |b| {
        b.iter(|| extract::extract(black_box(&articles), &knowledge));
    });
    group.finish();
}

fn bench_dir() -> PathBuf {
    std::env::temp_dir().join("statement-timeline-bench")
}

/// The million-statement corpus on disk, generated on first use.
fn million_corpus() -> PathBuf {
    let dir = bench_dir().join(format!("corpus-{MILLION_ARTICLES}-{SEED}"));
    if !dir.join("manifest.json").is_file() {
        let started = Instant::now();
        corpus_gen::write_corpus(
            GenOptions {
                articles: MILLION_ARTICLES,
                seed: SEED,
            },
            &dir,
        )
        .expect("corpus written");
        eprintln!("generated {} in {:?}", dir.display(), started.elapsed());
    }
    dir
}

fn million_options() -> PipelineOptions {
    PipelineOptions {
        cache: Some(Cache::new(bench_dir().join("cache"))),
        ..PipelineOptions::default()
    }
}

/// The million statements, loaded through the pipeline (filling the cache on the first
/// run).
fn million() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let dir = million_corpus();
        let started = Instant::now();
        let ds = load_dataset(&dir, &million_options(), &mut |_, _| true).expect("loads");
        eprintln!(
            "million: {} articles, {} statements, {} speakers, loaded in {:?}",
            ds.articles.len(),
            ds.statements.len(),
            ds.speakers.len(),
            started.elapsed()
        );
        ds
    })
}

/// What the app derives from a dataset on a filter change (`Derived::build`).
fn derive(ds: &Dataset, index: &DatasetIndex, filter: &Filter) -> (usize, DensityIndex) {
    let (shown, facets) = filter.apply_with_facets(ds, index);
    let layout = TimelineLayout::build(ds, &shown, &LayoutOptions::default());
    (facets.shown, DensityIndex::build(&layout))
}

fn bench_filter(c: &mut Criterion) {
    let ds = million();
    let index = DatasetIndex::build(ds);
    let started = Instant::now();
    index.prepare_words(ds);
    eprintln!("filter_1m: word index built in {:?}", started.elapsed());
    let speaker = ds.statements[ds.statements.len() / 2].speaker;
    let conflict = ds.statements[ds.statements.len() / 2].conflict;
    let filters = [
        ("everything", Filter::default()),
        (
            "official_and_conflict",
            Filter {
                speakers: [speaker].into(),
                conflicts: [conflict].into(),
                ..Filter::default()
            },
        ),
        (
            "query_word",
            Filter {
                query: "convoys".into(),
                ..Filter::default()
            },
        ),
        (
            "query_two_words_and_conflict",
            Filter {
                query: "border checkpoints".into(),
                conflicts: [conflict].into(),
                ..Filter::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("filter_1m");
    group.sample_size(10);
    for (name, filter) in &filters {
        eprintln!(
            "filter_1m/{name}: {} statements pass",
            filter.apply_indexed(ds, &index).len()
        );
        group.bench_function(*name, |b| {
            b.iter(|| filter.apply_with_facets(black_box(ds), &index));
        });
    }
    group.bench_function("derive_everything", |b| {
        b.iter(|| derive(black_box(ds), &index, &Filter::default()));
    });
    group.bench_function("dataset_index", |b| {
        b.iter(|| DatasetIndex::build(black_box(ds)));
    });
    group.bench_function("word_index", |b| {
        b.iter(|| {
            let index = DatasetIndex::default();
            index.prepare_words(black_box(ds));
            index
        });
    });
    group.finish();
}

fn no_loader() -> Loader {
    Arc::new(|_, _, _, _| Err("the benchmark loads no corpus".to_owned()))
}

/// A frame as the window makes it: the app's UI, then its shapes tessellated.
fn frame(harness: &mut Harness<'_, App>) {
    harness.step();
    let shapes = harness.output().shapes.clone();
    black_box(harness.ctx.tessellate(shapes, 1.0));
}

fn bench_frame(c: &mut Criterion) {
    const WINDOW: Vec2 = Vec2::new(1600.0, 1000.0);
    let ds = million().clone();
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .build_eframe(move |cc| App::with_dataset(&cc.egui_ctx, ds, no_loader()));
    let deadline = Instant::now() + Duration::from_secs(120);
    while harness.state().is_deriving() || harness.state().layout().is_none() {
        assert!(Instant::now() < deadline, "the view was never derived");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    // Panels keep the sizes they took while the view was being derived; forget them so
    // the timeline gets its share of the window, as on screen.
    harness.ctx.memory_mut(|m| *m = egui::Memory::default());
    harness.run_steps(3);
    let mut group = c.benchmark_group("frame_1m");
    group.sample_size(30);
    eprintln!(
        "frame_1m/zoomed_out: {:?} days in view, density: {}",
        harness.state().timeline().visible_days(),
        harness.state().timeline().is_density_mode()
    );
    group.bench_function("zoomed_out", |b| b.iter(|| frame(&mut harness)));

    // Pinch-zoom into the middle of the plot until the view is as narrow as it goes.
    let middle = harness
        .get_by_label("Timeline: drag to pan, wheel to zoom")
        .rect()
        .center();
    for _ in 0..200 {
        let width = harness
            .state()
            .timeline()
            .visible_days()
            .map_or(0.0, |(a, b)| b - a);
        if width <= 3.5 {
            break;
        }
        harness.hover_at(middle);
        harness.event(Event::Zoom(1.5));
        harness.step();
        harness.step();
    }
    harness.run_steps(3);
    eprintln!(
        "frame_1m/day_zoom: {:?} days in view, density: {}",
        harness.state().timeline().visible_days(),
        harness.state().timeline().is_density_mode()
    );
    group.bench_function("day_zoom", |b| b.iter(|| frame(&mut harness)));
    group.finish();
}

fn bench_open(c: &mut Criterion) {
    million();
    let dir = million_corpus();
    let opts = million_options();
    let mut group = c.benchmark_group("open_1m");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("warm_cache", |b| {
        b.iter(|| {
            let ds = load_dataset(&dir, &opts, &mut |_, _| true).expect("loads");
            let index = DatasetIndex::build(&ds);
            derive(&ds, &index, &Filter::default())
        });
    });
    group.finish();
}

fn bench_export(c: &mut Criterion) {
    let ds = million();
    let request = ExportRequest {
        path: "bench.png".into(),
        filter: Filter::default(),
        mode: LaneMode::ByConflict,
        image: ImageOptions::new(
            3840,
            2160,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
        ),
    };
    let mut group = c.benchmark_group("export_1m");
    group.sample_size(10);
    group.bench_function("png_4k", |b| {
        b.iter(|| export::export_bytes(black_box(ds), &request));
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_extract,
    bench_filter,
    bench_frame,
    bench_open,
    bench_export
);
criterion_main!(benches);
