//! Cost of an image export at scale: a 3840×2160 PNG of 10,000 synthetic statements
//! (60 officials, 6 conflicts, five years), from the filter to the encoded PNG, and the
//! SVG alone; and one 1920×1080 slide of the presentation of the same statements.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

use statement_timeline::export::{self, ExportRequest, ImageOptions, SlideOptions, Theme, svg};
use statement_timeline::timeline::{Deck, Filter, LaneMode};

fn bench(c: &mut Criterion) {
    let ds = export::synthetic(10_000, 60, 6);
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let request = ExportRequest {
        path: "bench.png".into(),
        filter: Filter::default(),
        mode: LaneMode::ByConflict,
        image: ImageOptions::new(3840, 2160, date),
    };
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("png_4k_10k_statements", |b| {
        b.iter(|| export::export_bytes(black_box(&ds), black_box(&request)))
    });
    group.bench_function("svg_4k_10k_statements", |b| {
        b.iter(|| {
            svg::draw(
                black_box(&ds),
                &request.filter,
                request.mode,
                &request.image,
            )
        })
    });
    let deck = Deck::build(&ds, &Filter::default().apply(&ds));
    let slide = SlideOptions {
        width: 1920,
        height: 1080,
        theme: Theme::Dark,
    };
    group.bench_function("slide_png_1080p_of_10k_statements", |b| {
        b.iter(|| {
            let drawing = export::slides::draw_slide(&ds, &deck, deck.len() / 2, &slide)
                .map(|d| d.svg)
                .unwrap_or_default();
            export::image::render_png(black_box(&drawing), slide.width, slide.height)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
