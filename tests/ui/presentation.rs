//! Presentation mode: F5 shows the filtered events full screen, a slide each in time
//! order; the keys and the strip of events move between them; Esc goes back.

use eframe::egui::{Key, Role, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use statement_timeline::app::App;
use statement_timeline::timeline::Filter;
use statement_timeline::ui::Command;

use super::{fixture, harness_with};

const STRIP: &str = "Events in time: click one to show it";

fn press(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The counter shows `n / of`, and the slide is the selected statement's.
fn on_slide(harness: &Harness<'_, App>, n: usize, of: usize) {
    harness.get_by_label(&format!("{n} / {of}"));
    let app = harness.state();
    let deck = app.deck().expect("presenting");
    assert_eq!(deck.len(), of);
    assert_eq!(app.selected().and_then(|s| deck.slide_of(s)), Some(n - 1));
}

#[test]
fn f5_presents_the_events_and_the_keys_walk_them() {
    let mut harness = harness_with(fixture::small());
    press(&mut harness, Key::F5);
    assert!(harness.state().is_presenting());
    // Four dated events: Putin in March, Lavrov, then Peskov's two of 24 June.
    on_slide(&harness, 1, 4);
    harness.get_by_label("the grain corridor cannot reopen without guarantees");
    harness.get_by_label("Vladimir Putin");
    harness.get_by_label("11 Mar 2025 · reported speech");
    harness.get_by_label("Source: Interfax");
    // The panels of the main window are gone.
    assert!(harness.query_by_label("Search").is_none());

    press(&mut harness, Key::ArrowRight);
    on_slide(&harness, 2, 4);
    press(&mut harness, Key::Space);
    on_slide(&harness, 3, 4);
    harness.get_by_label("Sources: TASS, Reuters");
    press(&mut harness, Key::PageDown);
    on_slide(&harness, 4, 4);
    harness.get_by_label("“Talks must go on”");
    // The last slide stays the last.
    press(&mut harness, Key::ArrowRight);
    on_slide(&harness, 4, 4);

    press(&mut harness, Key::ArrowLeft);
    on_slide(&harness, 3, 4);
    press(&mut harness, Key::PageUp);
    on_slide(&harness, 2, 4);
    press(&mut harness, Key::Home);
    on_slide(&harness, 1, 4);
    press(&mut harness, Key::End);
    on_slide(&harness, 4, 4);

    press(&mut harness, Key::Escape);
    let app = harness.state();
    assert!(!app.is_presenting());
    // The last event shown stays selected on the timeline.
    assert_eq!(app.selected(), Some(2));
    harness.get_by_label("Timeline: drag to pan, wheel to zoom");
}

#[test]
fn presenting_starts_at_the_selected_event() {
    let mut harness = harness_with(fixture::small());
    harness
        .get_by_role_and_label(
            Role::Button,
            "Sergei Lavrov, 20 Jun 2025: Kyiv must negotiate",
        )
        .click();
    harness.run();
    harness.get_by_label("Present").click();
    harness.run();
    on_slide(&harness, 2, 4);
    harness.get_by_label("Kyiv must negotiate");
}

#[test]
fn clicking_the_strip_shows_the_nearest_event() {
    let mut harness = harness_with(fixture::small());
    press(&mut harness, Key::F5);
    let strip = harness.get_by_label(STRIP).rect();
    let (from, to, lavrov) = {
        let deck = harness.state().deck().expect("presenting");
        (deck.span.0, deck.span.1, deck.slides()[1].mid())
    };
    // Just left of Lavrov's day: nearer to it than to Putin's in March or to 24 June.
    let x = strip.left() + ((lavrov - 1.0 - from) / (to - from)) as f32 * strip.width();
    let at = pos2(x, strip.center().y);
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run();
    on_slide(&harness, 2, 4);
    assert_eq!(harness.state().selected(), Some(3));

    let left = pos2(strip.left() + 2.0, strip.center().y);
    harness.drag_at(left);
    harness.drop_at(left);
    harness.run();
    on_slide(&harness, 1, 4);
}

#[test]
fn the_slides_follow_the_filter_and_leave_out_undated_events() {
    let mut harness = harness_with(fixture::small());
    let peskov = Filter {
        speakers: [0].into(),
        ..Filter::default()
    };
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::SetFilter(peskov));
    harness.run();
    press(&mut harness, Key::F5);
    on_slide(&harness, 1, 2);

    // Lavrov's undated statement is on no slide: presenting from it starts at the first.
    let mut harness = harness_with(fixture::small());
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Command::Select(Some(4)));
    harness.run();
    press(&mut harness, Key::F5);
    on_slide(&harness, 1, 4);
    harness.get_by_label("Leave (Esc)").click();
    harness.run();
    assert!(!harness.state().is_presenting());
}
