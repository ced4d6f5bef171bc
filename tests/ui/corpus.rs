//! The app on the bundled corpus, loaded through the real pipeline on its background
//! thread, as `statement-timeline` opens it.

use std::path::PathBuf;

use eframe::egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use statement_timeline::app::{App, AppOptions, Source, pipeline_loader};
use statement_timeline::timeline::LaneMode;
use statement_timeline::timeline::layout::Place;
use statement_timeline::ui::statement_label;

use super::{MAX_STEPS, WINDOW, step_until};

fn bundled() -> Harness<'static, App> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                AppOptions {
                    source: Some(Source::Folder(dir)),
                    ..AppOptions::new(pipeline_loader(None))
                },
            )
        });
    step_until(&mut harness, |app| !app.is_loading());
    harness.run();
    let app = harness.state();
    assert!(app.error().is_none(), "{:?}", app.error());
    assert!(
        app.shown().len() > 20,
        "the bundled corpus yields statements"
    );
    harness
}

#[test]
fn a_marker_of_the_bundled_corpus_opens_its_article_highlighted() {
    let mut harness = bundled();
    // The first event whose marker stands alone on screen (others may share a badge).
    let (statement, label) = {
        let app = harness.state();
        let ds = app.dataset().expect("loaded");
        let layout = app.layout().expect("laid out");
        layout
            .items
            .iter()
            .map(|item| {
                let s = item.representative();
                (s, statement_label(ds, s))
            })
            .find(|(_, label)| {
                harness
                    .query_all_by_role_and_label(Role::Button, label)
                    .count()
                    == 1
            })
            .expect("some marker stands alone")
    };
    harness.get_by_role_and_label(Role::Button, &label).click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.selected(), Some(statement));
    let ds = app.dataset().expect("loaded");
    let st = &ds.statements[statement];
    let (article, span) = app.source_highlight().expect("the source is shown");
    assert_eq!(article, st.article);
    assert_eq!(&ds.articles[article].text[span], ds.statement_text(st));
    let title = ds.articles[article]
        .title
        .clone()
        .unwrap_or_else(|| ds.articles[article].file.clone());
    harness.get_by_label(&title);
}

#[test]
fn filtering_the_bundled_corpus_to_peskov() {
    let mut harness = bundled();
    let (peskov, expected, total) = {
        let app = harness.state();
        let ds = app.dataset().expect("loaded");
        let peskov = ds
            .speakers
            .iter()
            .position(|s| s.name == "Dmitry Peskov")
            .expect("Peskov is in the gazetteer");
        let n = ds.statements.iter().filter(|s| s.speaker == peskov).count();
        (peskov, n, ds.statements.len())
    };
    assert!(expected > 0 && expected < total);
    harness.get_by_label("Officials ▾").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, &format!("Dmitry Peskov ({expected})"))
        .click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.shown().len(), expected);
    let ds = app.dataset().expect("loaded");
    assert!(
        app.shown()
            .iter()
            .all(|&s| ds.statements[s].speaker == peskov)
    );
    harness.get_by_label(&format!("{expected} of {total} statements · Dmitry Peskov"));
}

#[test]
fn the_right_arrow_walks_the_bundled_corpus_in_time() {
    let mut harness = bundled();
    let mut starts = Vec::new();
    for _ in 0..5 {
        harness.key_press(Key::ArrowRight);
        harness.run();
        let app = harness.state();
        let s = app.selected().expect("an event is selected");
        let layout = app.layout().expect("laid out");
        let Some(Place::Dated(i)) = layout.place_of(s) else {
            panic!("stepping selects dated events");
        };
        starts.push((i, layout.items[i].start));
        assert!(app.source_highlight().is_some());
    }
    assert!(
        starts
            .windows(2)
            .all(|w| w[0].0 + 1 == w[1].0 && w[0].1 <= w[1].1)
    );
}

#[test]
fn the_bundled_corpus_in_lanes_per_official() {
    let mut harness = bundled();
    harness.get_by_role_and_label(Role::Label, "Israel–Iran war");
    harness.get_by_label("By official").click();
    harness.run();
    assert_eq!(harness.state().lane_mode(), LaneMode::BySpeaker);
    assert!(
        harness
            .query_by_role_and_label(Role::Label, "Israel–Iran war")
            .is_none()
    );
    harness.get_by_role_and_label(Role::Label, "Dmitry Peskov");
    harness.get_by_role_and_label(Role::Label, "Sergei Lavrov");
}
