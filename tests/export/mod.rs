//! Exports, as a user gets them: images of the bundled corpus that show what the layout
//! says, data files that read back, the same bytes on every run, and the command line
//! and the app's File menu going through the same exporter.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use egui_kittest::Harness;
use resvg::tiny_skia::Pixmap;
use resvg::usvg;
use serde_json::Value;

use statement_timeline::app::{App, Loader};
use statement_timeline::export::{self, ExportRequest, Format, ImageOptions, Theme, image, svg};
use statement_timeline::model::Dataset;
use statement_timeline::pipeline::{PipelineOptions, load_dataset};
use statement_timeline::timeline::{Deck, Filter, LaneMode, LayoutOptions, TimelineLayout};
use statement_timeline::ui::Command as AppCommand;

const GOLDEN: &str = "tests/data/golden/corpus-960x540.png";
/// Largest mean difference per channel from the golden image, as a fraction of 255:
/// room for a different resvg patch release, not for a changed picture.
const GOLDEN_TOLERANCE: f64 = 0.03;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        load_dataset(
            &root().join("assets/corpus"),
            &PipelineOptions::default(),
            &mut |_, _| true,
        )
        .expect("the bundled corpus loads")
    })
}

fn export_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

fn options(width: u32, height: u32) -> ImageOptions {
    ImageOptions::new(width, height, export_day())
}

/// The binary, with its cache of extraction results in a folder of the tests' own.
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_statement-timeline"));
    command.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("statement-timeline-tests"),
    );
    command
}

fn pixel(p: &Pixmap, x: u32, y: u32) -> [u8; 3] {
    let c = p.pixel(x, y).expect("in the image");
    [c.red(), c.green(), c.blue()]
}

fn differs(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).any(|(x, y)| x.abs_diff(y) > 40)
}

/// Pixels in the box that differ from the background.
fn inked(p: &Pixmap, b: &svg::TextBox, bg: [u8; 3]) -> usize {
    let (x0, y0) = (b.x.floor().max(0.0) as u32, b.y.floor().max(0.0) as u32);
    let x1 = ((b.x + b.width).ceil() as u32).min(p.width());
    let y1 = ((b.y + b.height).ceil() as u32).min(p.height());
    (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| differs(pixel(p, x, y), bg))
        .count()
}

#[test]
fn the_png_has_the_asked_size_and_lane_labels_where_the_layout_puts_them() {
    let ds = corpus();
    for theme in Theme::ALL {
        let opts = ImageOptions {
            theme,
            ..options(1280, 720)
        };
        let drawing = svg::draw(ds, &Filter::default(), LaneMode::ByConflict, &opts);
        let pixmap = image::render_pixmap(&drawing.svg, 1280, 720).expect("renders");
        assert_eq!((pixmap.width(), pixmap.height()), (1280, 720));
        let bg = pixel(&pixmap, 1, 1);
        let all = (0..720u32)
            .flat_map(|y| (0..1280u32).map(move |x| (x, y)))
            .filter(|&(x, y)| differs(pixel(&pixmap, x, y), bg))
            .count();
        assert!(all > 5_000, "{theme}: only {all} pixels drawn");
        assert!(drawing.markers > 20, "{theme}: {} markers", drawing.markers);
        assert!(!drawing.lane_labels.is_empty());
        for (lane, label) in &drawing.lane_labels {
            let ink = inked(&pixmap, label, bg);
            assert!(
                ink as f32 > label.width * 0.8,
                "{theme}: lane {lane} label {:?} has {ink} pixels in its box",
                label.text
            );
        }
        // And the title.
        assert!(inked(&pixmap, &drawing.title, bg) > 200);
    }
}

#[test]
fn the_svg_parses_and_holds_every_lane_label_and_the_title_as_text() {
    let ds = corpus();
    let opts = ImageOptions {
        title: Some("Officials on the wars, 2024–2025".to_owned()),
        ..options(1920, 1080)
    };
    for mode in [LaneMode::ByConflict, LaneMode::BySpeaker] {
        let drawing = svg::draw(ds, &Filter::default(), mode, &opts);
        let tree = image::parse_svg(&drawing.svg).expect("usvg parses the export");
        let mut texts = Vec::new();
        collect_text(tree.root(), &mut texts);
        assert!(
            texts
                .iter()
                .any(|t| t == "Officials on the wars, 2024–2025")
        );
        let shown = Filter::default().apply(ds);
        let layout = TimelineLayout::build(ds, &shown, &LayoutOptions { mode, max_stack: 4 });
        for lane in &layout.lanes {
            assert!(
                texts.contains(&lane.label),
                "{mode:?}: lane {:?} is not in the SVG",
                lane.label
            );
        }
        assert!(texts.iter().any(|t| t.starts_with("Sources: ")));
    }
}

fn collect_text(group: &usvg::Group, out: &mut Vec<String>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_text(g, out),
            usvg::Node::Text(t) => out.push(t.chunks().iter().map(|c| c.text()).collect()),
            _ => {}
        }
    }
}

#[test]
fn the_bundled_corpus_looks_as_it_did() {
    let ds = corpus();
    let drawing = svg::draw(
        ds,
        &Filter::default(),
        LaneMode::ByConflict,
        &options(960, 540),
    );
    let png = image::render_png(&drawing.svg, 960, 540).expect("renders");
    let golden_path = root().join(GOLDEN);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        export::write_atomic(&golden_path, &png).expect("writes the golden image");
    }
    let golden = Pixmap::decode_png(&std::fs::read(&golden_path).expect("golden image"))
        .expect("golden decodes");
    let now = Pixmap::decode_png(&png).expect("decodes");
    assert_eq!((golden.width(), golden.height()), (960, 540));
    let total: u64 = golden
        .data()
        .iter()
        .zip(now.data())
        .map(|(a, b)| u64::from(a.abs_diff(*b)))
        .sum();
    let mean = total as f64 / golden.data().len() as f64 / 255.0;
    assert!(
        mean < GOLDEN_TOLERANCE,
        "the image differs from {GOLDEN} by {:.2}% on average (UPDATE_GOLDEN=1 to accept)",
        mean * 100.0
    );
}

#[test]
fn exports_are_the_same_bytes_every_time() {
    let ds = corpus();
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["t.png", "t.svg", "t.csv", "t.timeline.json", "t.json"] {
        let req = ExportRequest {
            path: dir.path().join(name),
            filter: Filter::default(),
            mode: LaneMode::BySpeaker,
            image: options(800, 450),
        };
        let (_, a, _) = export::export_bytes(ds, &req).expect("exports");
        let (_, b, _) = export::export_bytes(ds, &req).expect("exports");
        assert!(a == b, "{name} differs between two runs");
    }
}

#[test]
fn a_large_dataset_draws_density_bins_with_labels_that_never_overprint() {
    let ds = export::synthetic(10_000, 60, 5);
    let drawing = svg::draw(
        &ds,
        &Filter::default(),
        LaneMode::ByConflict,
        &options(1280, 720),
    );
    assert!(drawing.density);
    let mut boxes: Vec<&svg::TextBox> = drawing.lane_labels.iter().map(|(_, b)| b).collect();
    boxes.sort_by(|a, b| a.y.total_cmp(&b.y));
    for pair in boxes.windows(2) {
        assert!(pair[0].y + pair[0].height <= pair[1].y + 0.01, "{pair:?}");
    }
    image::render_png(&drawing.svg, 1280, 720).expect("renders");
}

fn export_cli(args: &[&str], out: &Path) -> (bool, String) {
    let result = bin()
        .arg("export")
        .arg(root().join("assets/corpus"))
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .expect("runs");
    (
        result.status.success(),
        String::from_utf8_lossy(&result.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_writes_a_png_of_the_preset_size_for_a_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("peskov.png");
    let (ok, stderr) = export_cli(
        &[
            "--preset",
            "a4",
            "--theme",
            "print",
            "--speaker",
            "Peskov",
            "--from",
            "2025",
            "--group-by",
            "official",
            "--title",
            "Peskov in 2025",
        ],
        &out,
    );
    assert!(ok, "{stderr}");
    let pixmap = Pixmap::decode_png(&std::fs::read(&out).expect("written")).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (1754, 1240));

    let (ok, stderr) = export_cli(&["--speaker", "Nobody Atall"], &dir.path().join("x.png"));
    assert!(!ok);
    assert!(stderr.contains("no official named"), "{stderr}");
    let (ok, stderr) = export_cli(&[], &dir.path().join("x.bmp"));
    assert!(!ok);
    assert!(stderr.contains("cannot tell the format"), "{stderr}");
}

#[test]
fn the_csv_reads_back_one_row_per_statement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("all.csv");
    let (ok, stderr) = export_cli(&[], &out);
    assert!(ok, "{stderr}");
    let mut reader = csv::Reader::from_path(&out).expect("reads");
    let headers = reader.headers().expect("header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        export::csv::COLUMNS.to_vec()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), corpus().statements.len());
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    assert!(
        rows.iter()
            .any(|r| r[6].contains('"') || r[6].contains(','))
    );

    // A conflict filter leaves only its rows.
    let ukraine = dir.path().join("ukraine.csv");
    let (ok, stderr) = export_cli(&["--conflict", "Russia-Ukraine war"], &ukraine);
    assert!(ok, "{stderr}");
    let mut reader = csv::Reader::from_path(&ukraine).expect("reads");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(!rows.is_empty() && rows.len() < corpus().statements.len());
    assert!(rows.iter().all(|r| &r[4] == "Russia–Ukraine war"));
}

/// Checks a TimelineJS 3 document against the format as its documentation gives it:
/// `events` (required) is a list of slides; a slide has a `start_date` (required) whose
/// `year` is required and whose `month`, `day` are optional, all numbers; `text` has
/// optional `headline` and `text` strings; `media` needs a `url`; `group`,
/// `display_date` and `unique_id` are strings.
fn check_timelinejs(doc: &Value) -> usize {
    let events = doc["events"].as_array().expect("events is a list");
    let is_int = |v: &Value| v.as_i64().is_some();
    let mut ids = std::collections::HashSet::new();
    for e in events {
        let start = &e["start_date"];
        assert!(is_int(&start["year"]), "year is a number: {e}");
        for date in [start, &e["end_date"]] {
            if date.is_null() {
                continue;
            }
            assert!(is_int(&date["year"]), "{e}");
            if let Some(m) = date.get("month") {
                assert!((1..=12).contains(&m.as_i64().expect("month is a number")));
            }
            if let Some(d) = date.get("day") {
                assert!(date.get("month").is_some(), "a day needs its month: {e}");
                assert!((1..=31).contains(&d.as_i64().expect("day is a number")));
            }
        }
        let text = &e["text"];
        assert!(
            text["headline"].is_string() && text["text"].is_string(),
            "{e}"
        );
        if let Some(media) = e.get("media") {
            assert!(media["url"].is_string(), "media needs a url: {e}");
        }
        for key in ["group", "display_date", "unique_id"] {
            assert!(e.get(key).is_none_or(Value::is_string), "{key}: {e}");
        }
        let allowed = [
            "start_date",
            "end_date",
            "text",
            "media",
            "group",
            "display_date",
            "background",
            "autolink",
            "unique_id",
        ];
        let obj = e.as_object().expect("a slide is an object");
        assert!(obj.keys().all(|k| allowed.contains(&k.as_str())), "{e}");
        assert!(ids.insert(e["unique_id"].to_string()), "unique ids");
    }
    events.len()
}

#[test]
fn the_timelinejs_export_follows_the_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("corpus.timeline.json");
    let (ok, stderr) = export_cli(&["--title", "Statements"], &out);
    assert!(ok, "{stderr}");
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    let slides = check_timelinejs(&doc);
    let ds = corpus();
    let dated_events: std::collections::HashSet<u32> = ds
        .statements
        .iter()
        .filter(|s| s.date.value.bounds().is_some())
        .map(|s| s.event)
        .collect();
    assert_eq!(slides, dated_events.len());
    assert_eq!(doc["title"]["text"]["headline"], "Statements");
    let events = doc["events"].as_array().expect("events");
    assert!(events.iter().any(|e| e["group"].is_string()));

    // A plain .json is the extract JSON, filtered.
    let plain = dir.path().join("corpus.json");
    let (ok, stderr) = export_cli(&["--query", "ceasefire"], &plain);
    assert!(ok, "{stderr}");
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&plain).expect("written")).expect("JSON");
    let statements = v["statements"].as_array().expect("statements");
    assert!(!statements.is_empty() && statements.len() < ds.statements.len());
    assert_eq!(Format::from_path(&plain), Some(Format::Json));
}

fn no_loader() -> Loader {
    Arc::new(|_, _, _, _| Err("this test loads no corpus".to_owned()))
}

#[test]
fn the_app_exports_what_it_shows() {
    let ds = corpus().clone();
    let mut harness = Harness::builder()
        .with_size(eframe::egui::Vec2::new(1200.0, 800.0))
        .with_max_steps(40)
        .build_eframe(move |cc| App::with_dataset(&cc.egui_ctx, ds, no_loader()));
    harness.run();
    let ctx = harness.ctx.clone();
    let peskov = corpus()
        .speakers
        .iter()
        .position(|s| s.name.contains("Peskov"))
        .expect("Peskov speaks in the corpus");
    let filter = Filter {
        speakers: [peskov].into(),
        ..Filter::default()
    };
    harness
        .state_mut()
        .apply(&ctx, AppCommand::SetFilter(filter.clone()));
    harness
        .state_mut()
        .apply(&ctx, AppCommand::SetLaneMode(LaneMode::BySpeaker));
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    let csv_path = dir.path().join("shown.csv");
    harness
        .state_mut()
        .apply(&ctx, AppCommand::Export(csv_path.clone()));
    assert_eq!(harness.state().notice(), Some("Exported shown.csv"));
    let rows = csv::Reader::from_path(&csv_path)
        .expect("reads")
        .records()
        .count();
    assert_eq!(rows, filter.apply(corpus()).len());

    let png_path = dir.path().join("shown.png");
    harness
        .state_mut()
        .apply(&ctx, AppCommand::Export(png_path.clone()));
    let pixmap = Pixmap::decode_png(&std::fs::read(&png_path).expect("written")).expect("PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));

    harness
        .state_mut()
        .apply(&ctx, AppCommand::Export(dir.path().join("shown.doc")));
    assert!(
        harness
            .state()
            .error()
            .is_some_and(|e| e.contains("Export failed"))
    );
}

/// Pages of a PDF: its page objects, checked against the page tree's count.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert!(text.starts_with("%PDF-"), "a PDF");
    assert!(
        text.contains(&format!("/Count {pages}")),
        "the page tree counts them"
    );
    pages
}

#[test]
fn the_slides_command_writes_a_png_a_slide_and_a_pdf_of_them_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("deck");
    let pdf = dir.path().join("deck.pdf");
    // Left over from a longer deck: removed, so the folder holds one deck.
    std::fs::create_dir_all(&out).expect("folder");
    std::fs::write(out.join("slide-999.png"), b"old").expect("written");
    std::fs::write(out.join("notes.txt"), b"mine").expect("written");
    let result = bin()
        .arg("slides")
        .arg(root().join("assets/corpus"))
        .args(["--width", "960", "--height", "540", "--theme", "dark"])
        .arg("--out")
        .arg(&out)
        .arg("--pdf")
        .arg(&pdf)
        .output()
        .expect("runs");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );

    let ds = corpus();
    let deck = Deck::build(ds, &Filter::default().apply(ds));
    assert!(deck.len() > 20);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = std::iter::once("notes.txt".to_owned())
        .chain((1..=deck.len()).map(|i| format!("slide-{i:03}.png")))
        .collect();
    assert_eq!(names, expected);
    for name in ["slide-001.png", "slide-014.png"] {
        let pixmap =
            Pixmap::decode_png(&std::fs::read(out.join(name)).expect("read")).expect("a PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (960, 540));
        let bg = pixel(&pixmap, 1, 1);
        let inked = (0..540u32)
            .flat_map(|y| (0..960u32).map(move |x| (x, y)))
            .filter(|&(x, y)| differs(pixel(&pixmap, x, y), bg))
            .count();
        assert!(inked > 3_000, "{name}: only {inked} pixels drawn");
    }
    assert_eq!(
        pdf_pages(&std::fs::read(&pdf).expect("PDF written")),
        deck.len()
    );

    // The filter flags are the export command's.
    let peskov = dir.path().join("peskov");
    let result = bin()
        .arg("slides")
        .arg(root().join("assets/corpus"))
        .args(["--speaker", "Peskov", "--width", "480", "--height", "270"])
        .arg("--out")
        .arg(&peskov)
        .output()
        .expect("runs");
    assert!(result.status.success());
    let n = std::fs::read_dir(&peskov).expect("listed").count();
    assert!(n > 0 && n < deck.len(), "{n} of {}", deck.len());

    // A filter that leaves no dated event writes nothing, and says why.
    let none = dir.path().join("none");
    let result = bin()
        .arg("slides")
        .arg(root().join("assets/corpus"))
        .args(["--from", "1990", "--to", "1990"])
        .arg("--out")
        .arg(&none)
        .output()
        .expect("runs");
    assert!(!result.status.success());
    assert!(String::from_utf8_lossy(&result.stderr).contains("no slides to write"));
    assert!(!none.exists());
}

#[test]
fn the_app_exports_the_slides_it_presents() {
    let ds = corpus().clone();
    let mut harness = Harness::builder()
        .with_size(eframe::egui::Vec2::new(1200.0, 800.0))
        .with_max_steps(40)
        .build_eframe(move |cc| App::with_dataset(&cc.egui_ctx, ds, no_loader()));
    harness.run();
    let ctx = harness.ctx.clone();
    let filter = Filter {
        query: "ceasefire".to_owned(),
        ..Filter::default()
    };
    harness
        .state_mut()
        .apply(&ctx, AppCommand::SetFilter(filter.clone()));
    harness.state_mut().apply(&ctx, AppCommand::Present);
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    harness
        .state_mut()
        .apply(&ctx, AppCommand::ExportSlides(dir.path().to_path_buf()));
    let app = harness.state();
    let slides = app.deck().expect("presenting").len();
    assert_eq!(slides, Deck::build(corpus(), &filter.apply(corpus())).len());
    let pngs = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".png"))
        })
        .count();
    assert_eq!(pngs, slides);
    let pdf = std::fs::read(dir.path().join("slides.pdf")).expect("the PDF beside them");
    assert_eq!(pdf_pages(&pdf), slides);
    assert!(
        app.notice()
            .is_some_and(|n| n.starts_with(&format!("Exported {slides} slides"))),
        "{:?}",
        app.notice()
    );
}
