//! The desktop app, driven as a user would: by clicking named widgets and pressing keys.

mod corpus;
mod curation;
mod fixture;
mod presentation;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{Key, Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use statement_timeline::app::{App, AppOptions, Loader, Source};
use statement_timeline::model::Dataset;
use statement_timeline::timeline::{Filter, LaneMode, layout::Place};
use statement_timeline::ui::Command;

const WINDOW: Vec2 = Vec2::new(1400.0, 860.0);
/// Frames a harness may run to settle: scrolling a selection into view is animated.
const MAX_STEPS: u64 = 40;

/// A loader for tests that open no corpus.
fn no_loader() -> Loader {
    Arc::new(|_, _, _, _| Err("this test loads no corpus".to_owned()))
}

fn harness_with(ds: Dataset) -> Harness<'static, App> {
    Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| App::with_dataset(&cc.egui_ctx, ds, no_loader()))
}

/// Steps the app until `done` holds, for work that runs on another thread.
pub fn step_until(harness: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for the app");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.step();
}

fn statement_text(app: &App, s: usize) -> String {
    let ds = app.dataset().expect("loaded");
    ds.statement_text(&ds.statements[s]).to_owned()
}

#[test]
fn clicking_a_marker_opens_its_article_with_the_statement_highlighted() {
    let mut harness = harness_with(fixture::small());
    harness
        .get_by_role_and_label(
            Role::Button,
            "Sergei Lavrov, 20 Jun 2025: Kyiv must negotiate",
        )
        .click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.selected(), Some(3));
    let (article, span) = app
        .source_highlight()
        .expect("the source panel shows the article");
    let ds = app.dataset().expect("loaded");
    assert_eq!(article, 0);
    assert_eq!(&ds.articles[article].text[span], "Kyiv must negotiate");
    harness.get_by_label("Kremlin welcomes ceasefire");
    harness.get_by_label("TASS");
}

#[test]
fn the_source_panel_lists_other_outlets_reporting_the_same_event() {
    let mut harness = harness_with(fixture::small());
    harness
        .get_by_role_and_label(
            Role::Button,
            "Dmitry Peskov, 24 Jun 2025: the ceasefire is welcome",
        )
        .hover();
    harness.run();
    // The tooltip: who, when and why that date, and how many outlets carry it.
    harness.get_by_label("24 Jun 2025 (day: on Tuesday)");
    harness.get_by_label("reported speech · reported by 2 outlets");
    harness
        .get_by_role_and_label(
            Role::Button,
            "Dmitry Peskov, 24 Jun 2025: the ceasefire is welcome",
        )
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(0));

    harness
        .get_by_label_contains("Reuters — Moscow reacts to truce")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected(), Some(1));
    let (article, span) = app.source_highlight().expect("source shown");
    assert_eq!(article, 1);
    assert_eq!(
        &app.dataset().expect("loaded").articles[1].text[span],
        "the ceasefire is welcome"
    );
}

#[test]
fn choosing_a_statement_in_the_list_selects_it_on_the_timeline() {
    let mut harness = harness_with(fixture::small());
    harness
        .get_by_role_and_label(
            Role::ListBoxOption,
            "Vladimir Putin, 11 Mar 2025: the grain corridor cannot reopen without guarantees",
        )
        .click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.selected(), Some(5));
    let layout = app.layout().expect("laid out");
    let Some(Place::Dated(item)) = layout.place_of(5) else {
        panic!("Putin's statement is on the timeline");
    };
    assert_eq!(layout.items[item].representative(), 5);
    let (_, span) = app.source_highlight().expect("source shown");
    assert_eq!(
        &app.dataset().expect("loaded").articles[2].text[span],
        statement_text(app, 5)
    );
    // The list row shows the selection too.
    let row = harness.get_by_role_and_label(
        Role::ListBoxOption,
        "Vladimir Putin, 11 Mar 2025: the grain corridor cannot reopen without guarantees",
    );
    assert_eq!(
        row.accesskit_node().toggled(),
        Some(eframe::egui::accesskit::Toggled::True)
    );
}

#[test]
fn filtering_to_one_official_leaves_only_their_statements() {
    let mut harness = harness_with(fixture::small());
    assert_eq!(harness.state().shown().len(), 6);
    harness.get_by_label("Officials ▾").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Dmitry Peskov (3)")
        .click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.shown().len(), 3);
    let ds = app.dataset().expect("loaded");
    assert!(app.shown().iter().all(|&s| ds.statements[s].speaker == 0));
    harness.get_by_label("3 of 6 statements · Dmitry Peskov");
    harness.get_by_label("Statements (3)");
}

#[test]
fn searching_narrows_the_statements_as_you_type() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_label("Search").focus();
    harness.run();
    harness.get_by_label("Search").type_text("grain");
    harness.run();
    assert_eq!(harness.state().shown(), [5]);
    harness.get_by_label("1 of 6 statements · “grain”");
}

#[test]
fn arrow_keys_step_through_events_in_time() {
    let mut harness = harness_with(fixture::small());
    let mut visited = Vec::new();
    for _ in 0..4 {
        harness.key_press(Key::ArrowRight);
        harness.run();
        visited.push(harness.state().selected().expect("an event is selected"));
    }
    // Putin (11 Mar), Lavrov (20 Jun), then Peskov's two statements of 24 Jun; the
    // Reuters report of the first is the same event and is not a step of its own.
    assert_eq!(visited, [5, 3, 0, 2]);

    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().selected(), Some(0));

    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
    assert_eq!(harness.state().source_highlight(), None);
}

#[test]
fn lanes_toggle_between_conflicts_officials_and_one_lane() {
    let mut harness = harness_with(fixture::small());
    assert_eq!(harness.state().lane_mode(), LaneMode::ByConflict);
    harness.get_by_role_and_label(Role::Label, "Israel–Iran war");
    harness.get_by_role_and_label(Role::Label, "Russia–Ukraine war");

    harness.get_by_label("By official").click();
    harness.run();
    assert_eq!(harness.state().lane_mode(), LaneMode::BySpeaker);
    assert!(
        harness
            .query_by_role_and_label(Role::Label, "Israel–Iran war")
            .is_none()
    );
    for name in ["Dmitry Peskov", "Sergei Lavrov", "Vladimir Putin"] {
        harness.get_by_role_and_label(Role::Label, name);
    }

    harness.get_by_label("Single lane").click();
    harness.run();
    assert_eq!(harness.state().lane_mode(), LaneMode::Flat);
    harness.get_by_role_and_label(Role::Label, "All statements");

    harness.get_by_label("By conflict").click();
    harness.run();
    assert_eq!(harness.state().lane_mode(), LaneMode::ByConflict);

    // The L key cycles through the same three.
    harness.key_press(Key::L);
    harness.run();
    assert_eq!(harness.state().lane_mode(), LaneMode::BySpeaker);
}

#[test]
fn the_problems_tab_lists_failed_files_and_undated_articles() {
    use statement_timeline::model::{Problem, Severity};

    let mut ds = fixture::small();
    ds.problems.push(Problem {
        file: "broken.html".to_owned(),
        line: None,
        severity: Severity::Error,
        message: "not valid UTF-8".to_owned(),
    });
    ds.articles[2].published = None;
    let mut harness = harness_with(ds);
    harness.get_by_label("Problems (2)").click();
    harness.run();
    harness.get_by_label("broken.html");
    harness.get_by_label("not valid UTF-8");
    harness.get_by_label("Articles without a publication date (1)");
    harness.get_by_label("Putin on the grain deal");
}

#[test]
fn undated_statements_wait_in_the_tray() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_label("Undated (1)");
    harness
        .get_by_role_and_label(Role::Button, "Sergei Lavrov, undated: the West is to blame")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(4));
}

#[test]
fn many_statements_zoomed_out_draw_as_density_then_markers_when_narrowed() {
    let mut harness = harness_with(fixture::dense(20_000));
    assert!(harness.state().timeline().is_density_mode());
    let markers = harness
        .query_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("A Minister,"))
        })
        .count();
    assert_eq!(markers, 0);

    let week = Filter {
        dates: Some((
            chrono::NaiveDate::from_ymd_opt(2016, 3, 1).expect("date"),
            chrono::NaiveDate::from_ymd_opt(2016, 3, 7).expect("date"),
        )),
        ..Filter::default()
    };
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::SetFilter(week));
    harness.run();
    assert!(!harness.state().timeline().is_density_mode());
    let markers = harness
        .query_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("A Minister,"))
        })
        .count();
    assert!(markers > 0, "markers once few statements are in view");
}

#[test]
fn a_load_started_before_the_window_is_taken_over_not_repeated() {
    let loads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = Arc::clone(&loads);
    let loader: Loader = Arc::new(move |_, _, _, _| {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(50));
        Ok(fixture::small())
    });
    let mut options = AppOptions {
        source: Some(Source::Folder(PathBuf::from("corpus"))),
        ..AppOptions::new(loader)
    };
    options.start_loading();
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| App::new(&cc.egui_ctx, options));
    step_until(&mut harness, |app| !app.is_loading());
    assert_eq!(harness.state().shown().len(), 6);
    assert_eq!(loads.load(std::sync::atomic::Ordering::SeqCst), 1);
}

#[test]
fn loading_runs_in_the_background_with_progress() {
    let loader: Loader = Arc::new(|_, _, progress, _| {
        for done in 0..=4 {
            if !progress(done, 4) {
                return Err("cancelled".to_owned());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(fixture::small())
    });
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                AppOptions {
                    source: Some(Source::Folder(PathBuf::from("corpus"))),
                    ..AppOptions::new(loader)
                },
            )
        });
    assert!(harness.state().is_loading());
    step_until(&mut harness, |app| !app.is_loading());
    assert_eq!(harness.state().shown().len(), 6);
    harness.get_by_label("corpus");
}

#[test]
fn the_timeline_fills_in_while_a_corpus_loads() {
    // The loader hands out part of the corpus, then waits until the test has seen it.
    let (go_on, wait) = std::sync::mpsc::channel::<()>();
    let wait = std::sync::Mutex::new(wait);
    let loader: Loader = Arc::new(move |_, _, progress, partial| {
        let mut part = fixture::small();
        part.statements.truncate(3);
        partial(part);
        progress(1, 2);
        let _ = wait.lock().map(|w| w.recv_timeout(Duration::from_secs(20)));
        Ok(fixture::small())
    });
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                AppOptions {
                    source: Some(Source::Folder(PathBuf::from("corpus"))),
                    ..AppOptions::new(loader)
                },
            )
        });
    step_until(&mut harness, |app| app.dataset().is_some());
    assert!(harness.state().is_loading());
    assert_eq!(harness.state().shown().len(), 3);
    go_on.send(()).expect("the loader waits");
    step_until(&mut harness, |app| !app.is_loading());
    assert_eq!(harness.state().shown().len(), 6);
}

#[test]
fn a_load_can_be_cancelled_and_the_window_keeps_answering() {
    let loader: Loader = Arc::new(|_, _, progress, _| {
        let deadline = Instant::now() + Duration::from_secs(20);
        while progress(1, 10) {
            if Instant::now() > deadline {
                return Err("never cancelled".to_owned());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Err("stopped".to_owned())
    });
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                AppOptions {
                    source: Some(Source::Folder(PathBuf::from("big-corpus"))),
                    ..AppOptions::new(loader)
                },
            )
        });
    step_until(&mut harness, |app| app.is_loading());
    harness
        .get_all_by_label("Cancel")
        .next()
        .expect("a Cancel button")
        .click();
    step_until(&mut harness, |app| !app.is_loading());
    let app = harness.state();
    assert!(app.dataset().is_none());
    assert!(
        app.error().is_some_and(|e| e.contains("cancelled")),
        "{:?}",
        app.error()
    );
}

#[test]
fn the_corpus_opened_last_is_remembered_for_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("config").join("settings.toml");
    let corpus = dir.path().join("my-corpus");
    let loader: Loader = Arc::new(|_, _, _, _| Ok(fixture::small()));
    let (settings_path, source) = (settings.clone(), Source::Folder(corpus.clone()));
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                AppOptions {
                    source: Some(source),
                    settings_path: Some(settings_path),
                    ..AppOptions::new(loader)
                },
            )
        });
    step_until(&mut harness, |app| !app.is_loading());
    let remembered = statement_timeline::ui::config::Settings::load(&settings);
    assert_eq!(remembered.last_corpus, Some(corpus));
    assert!(remembered.last_files.is_empty());
}

#[test]
fn a_large_corpus_is_filtered_on_another_thread() {
    let mut harness = harness_with(fixture::dense(120_000));
    // The first view is derived in the background; the window is drawn meanwhile.
    step_until(&mut harness, |app| !app.is_deriving());
    assert_eq!(harness.state().shown().len(), 120_000);
    assert!(harness.state().timeline().is_density_mode());

    let year = Filter {
        dates: Some((
            chrono::NaiveDate::from_ymd_opt(2016, 1, 1).expect("date"),
            chrono::NaiveDate::from_ymd_opt(2016, 12, 31).expect("date"),
        )),
        ..Filter::default()
    };
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::SetFilter(year));
    assert!(harness.state().is_deriving());
    harness.step();
    step_until(&mut harness, |app| !app.is_deriving());
    let shown = harness.state().shown().len();
    assert!(shown > 0 && shown < 120_000, "{shown}");
    harness.get_by_label(&format!("{shown} of 120000 statements · 2016"));
}

#[test]
fn the_wheel_zooms_a_drag_pans_and_fit_shows_everything_again() {
    use eframe::egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, vec2};

    let mut harness = harness_with(fixture::small());
    let plot = harness
        .get_by_label("Timeline: drag to pan, wheel to zoom")
        .rect();
    let fitted = harness.state().timeline().visible_days().expect("drawn");
    let centre = plot.center();

    harness.hover_at(centre);
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, 120.0),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    // The wheel scrolls smoothly, over a few frames.
    harness.run_steps(12);
    let zoomed = harness.state().timeline().visible_days().expect("drawn");
    assert!(
        zoomed.1 - zoomed.0 < 0.8 * (fitted.1 - fitted.0),
        "{fitted:?} → {zoomed:?}"
    );

    harness.drag_at(centre);
    harness.run();
    harness.hover_at(centre + vec2(-200.0, 0.0));
    harness.run();
    harness.drop_at(centre + vec2(-200.0, 0.0));
    harness.run();
    let panned = harness.state().timeline().visible_days().expect("drawn");
    // Dragging the content left shows later days, at the same zoom.
    assert!(panned.0 > zoomed.0, "{zoomed:?} → {panned:?}");
    assert!(((panned.1 - panned.0) - (zoomed.1 - zoomed.0)).abs() < 1e-6);

    harness.get_by_label("Fit").click();
    harness.run();
    assert_eq!(harness.state().timeline().visible_days(), Some(fitted));
}

#[test]
fn every_kind_of_bad_file_is_listed_in_the_problems_tab_while_the_rest_loads() {
    let corpus = crate::cli::bad_corpus();
    let dir = corpus.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                AppOptions {
                    source: Some(Source::Folder(dir)),
                    ..AppOptions::new(statement_timeline::app::pipeline_loader(None))
                },
            )
        });
    step_until(&mut harness, |app| !app.is_loading());
    let files: Vec<String> = {
        let ds = harness.state().dataset().expect("loaded");
        ds.statements
            .iter()
            .map(|s| ds.articles[s.article].file.clone())
            .collect()
    };
    for good in ["good.txt", "latin1.txt", "page.html", "feed.jsonl"] {
        assert!(files.iter().any(|f| f == good), "{good} gives statements");
    }
    harness.get_by_label_contains("Problems (").click();
    harness.run();
    for (place, what) in [
        ("unreadable.txt", "cannot be read"),
        ("binary.txt", "looks like a binary file"),
        ("empty.txt", "is empty"),
        ("latin1.txt", "not valid UTF-8"),
        ("page.html", "never run"),
        ("feed.jsonl:2", "not valid JSON"),
        ("manifest.json:1", "names missing.txt"),
        ("manifest.json:2", "does not exist"),
    ] {
        assert!(
            harness.query_all_by_label(place).next().is_some(),
            "{place}"
        );
        harness.get_by_label_contains(what);
    }
}
