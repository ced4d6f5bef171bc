//! Curation in the window: correcting a statement moves it on the timeline, every edit
//! undoes and redoes, hidden statements come back, projects save and reopen, unsaved
//! work is asked about and recovered.

use std::path::{Path, PathBuf};

use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use statement_timeline::app::{App, AppOptions, Source, pipeline_loader};
use statement_timeline::project::{Edit, Project, StatementId};
use statement_timeline::timeline::layout::Place;
use statement_timeline::ui::{Command, Confirm};

use super::{MAX_STEPS, WINDOW, fixture, harness_with, no_loader, step_until};

const LAVROV: &str = "Sergei Lavrov, 20 Jun 2025: Kyiv must negotiate";

/// The label of the lane statement `s` sits in.
fn lane_of(app: &App, s: usize) -> String {
    let layout = app.layout().expect("laid out");
    let Some(Place::Dated(item)) = layout.place_of(s) else {
        panic!("statement {s} is not on the timeline");
    };
    layout.lanes[layout.items[item].lane].label.clone()
}

fn speaker_of(app: &App, s: usize) -> String {
    let ds = app.dataset().expect("loaded");
    ds.speakers[ds.statements[s].speaker].name.clone()
}

fn apply(harness: &mut Harness<'_, App>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    harness.run();
}

/// Opens the Edit menu and returns the labels of its entries that start with `word`,
/// without their shortcut keys.
fn edit_menu_entries(harness: &mut Harness<'_, App>, word: &str) -> Vec<String> {
    harness.get_by_label("Edit").click();
    harness.run();
    let entries = harness
        .get_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with(word))
        .map(|l| l.split(" Ctrl").next().unwrap_or_default().to_owned())
        .collect();
    harness.key_press(Key::Escape);
    harness.run();
    entries
}

#[test]
fn changing_the_speaker_moves_the_statement_to_their_lane_and_undo_puts_it_back() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(3));
    assert_eq!(lane_of(harness.state(), 3), "Sergei Lavrov");

    harness
        .get_by_role_and_label(Role::ComboBox, "Speaker")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Dmitry Peskov")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(speaker_of(app, 3), "Dmitry Peskov");
    assert_eq!(lane_of(app, 3), "Dmitry Peskov", "the marker moved lanes");
    assert_eq!(
        app.selected(),
        Some(3),
        "the corrected statement stays selected"
    );
    assert!(app.window_title().contains('•'), "{}", app.window_title());
    assert_eq!(
        edit_menu_entries(&mut harness, "Undo"),
        ["Undo Change speaker"]
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(lane_of(harness.state(), 3), "Sergei Lavrov");
    assert!(!harness.state().is_dirty(), "back to what was saved");
    assert_eq!(
        edit_menu_entries(&mut harness, "Redo"),
        ["Redo Change speaker"]
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(lane_of(harness.state(), 3), "Dmitry Peskov");
}

#[test]
fn a_new_official_can_be_typed_with_a_role() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness
        .get_by_label("Speaker name")
        .set_text_value_accesskit("Maria Zakharova");
    harness.run();
    harness.get_by_label("Role").focus();
    harness.run();
    harness
        .get_by_label("Role")
        .type_text("Foreign Ministry spokeswoman");
    harness.run();
    harness.get_by_label("Set speaker").click();
    harness.run();
    let app = harness.state();
    assert_eq!(speaker_of(app, 3), "Maria Zakharova");
    assert_eq!(lane_of(app, 3), "Maria Zakharova");
    let ds = app.dataset().expect("loaded");
    assert_eq!(
        ds.statements[3].role.as_deref(),
        Some("Foreign Ministry spokeswoman")
    );
}

#[test]
fn a_hidden_statement_leaves_the_timeline_and_comes_back_from_the_hidden_tab() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness.get_by_label("Hide statement").click();
    harness.run();
    let app = harness.state();
    assert!(!app.shown().contains(&3));
    assert_eq!(app.selected(), None);
    harness.get_by_label("Hidden (1)").click();
    harness.run();
    harness.get_by_label_contains("Kyiv must negotiate");
    harness.get_by_label("Unhide").click();
    harness.run();
    assert!(harness.state().shown().contains(&3));
    harness.get_by_label("Hidden (0)");
}

#[test]
fn tags_set_in_the_editor_filter_the_timeline() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("check, #key");
    harness.run();
    harness.get_by_label("Set tags").click();
    harness.run();
    harness.get_by_label("Tags ▾").click();
    harness.run();
    harness.get_by_label("#key").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.shown(), [3]);
    assert!(app.filter().tags.contains("key"));
}

#[test]
fn conflict_kind_and_date_are_corrected_in_the_editor() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Conflict")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Israel–Iran war")
        .click();
    harness.run();
    harness.get_by_label("Quoted").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Date")
        .set_text_value_accesskit("2025-05");
    harness.run();
    harness.get_by_label("Set date").click();
    harness.run();
    let app = harness.state();
    let ds = app.dataset().expect("loaded");
    let st = &ds.statements[3];
    assert_eq!(ds.conflict_name(st), Some("Israel–Iran war"));
    assert_eq!(st.kind, statement_timeline::model::Kind::Direct);
    assert_eq!(
        st.date.value,
        statement_timeline::model::DateValue::month(2025, 5)
    );
    let names: Vec<&str> = app.edits().iter().map(Edit::name).collect();
    assert_eq!(names, ["Change conflict", "Change kind", "Change date"]);
}

#[test]
fn split_takes_a_report_out_of_its_event_and_merge_joins_two() {
    let mut harness = harness_with(fixture::small());
    let peskov = "Dmitry Peskov, 24 Jun 2025: the ceasefire is welcome";
    harness.get_by_role_and_label(Role::Button, peskov).click();
    harness.run();
    let s = harness.state().selected().expect("selected");
    harness.get_by_label("Split from event").click();
    harness.run();
    let events = |app: &App| {
        let ds = app.dataset().expect("loaded");
        (ds.statements[0].event, ds.statements[1].event)
    };
    let (a, b) = events(harness.state());
    assert_ne!(a, b, "statement {s} split off");

    harness.get_by_label("Merge with…").click();
    harness.run();
    let other = if s == 0 { 1 } else { 0 };
    apply(&mut harness, Command::Select(Some(other)));
    harness.get_by_label_contains("Merge with “").click();
    harness.run();
    let (a, b) = events(harness.state());
    assert_eq!(a, b);
    assert_eq!(harness.state().edits().len(), 2);
}

fn temp_project(dir: &Path) -> PathBuf {
    dir.join("study.project.json")
}

#[test]
fn a_saved_project_reopens_with_its_edits_and_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = temp_project(dir.path());
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness.get_by_label("Hide statement").click();
    harness.run();
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("Untitled project •")
    );
    apply(&mut harness, Command::SaveProjectAs(path.clone()));
    let app = harness.state();
    assert_eq!(app.window_title(), "study — Statement Timeline");
    assert!(!app.is_dirty());
    let saved = Project::read(&path).expect("a readable project");
    assert_eq!(saved.edits.len(), 1);

    // Reopened (on the same data: the fixture stands in for its corpus).
    let reopen = path.clone();
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            let mut app = App::with_dataset(&cc.egui_ctx, fixture::small(), no_loader());
            app.apply(&cc.egui_ctx, Command::OpenProject(reopen));
            app
        });
    harness.run();
    let app = harness.state();
    assert_eq!(app.error(), None);
    assert_eq!(app.project_path(), Some(path.as_path()));
    assert!(
        !app.shown().contains(&3),
        "the hidden statement stays hidden"
    );
    assert!(!app.is_dirty());
}

#[test]
fn a_damaged_project_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = temp_project(dir.path());
    let damaged = "{\"format\": \"statement-timeline-project\", \"version\": 1, \"edits\": [";
    std::fs::write(&path, damaged).expect("written");
    let mut harness = harness_with(fixture::small());
    apply(&mut harness, Command::OpenProject(path.clone()));
    let app = harness.state();
    let error = app.error().expect("an error");
    assert!(
        error.contains("study.project.json") && error.contains("damaged"),
        "{error}"
    );
    assert_eq!(
        app.project_path(),
        None,
        "the damaged file is not the project"
    );
    harness.get_by_label_contains("is damaged");

    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness.get_by_label("Hide statement").click();
    harness.run();
    let elsewhere = dir.path().join("other.project.json");
    apply(&mut harness, Command::SaveProjectAs(elsewhere));
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        damaged
    );
}

#[test]
fn closing_with_unsaved_edits_asks_first() {
    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    harness.get_by_label("Hide statement").click();
    harness.run();
    apply(&mut harness, Command::Quit);
    assert!(harness.state().is_confirming());
    harness.get_by_label("Unsaved edits");
    harness.get_by_label("Cancel").click();
    harness.run();
    let app = harness.state();
    assert!(!app.is_confirming());
    assert!(app.is_dirty(), "nothing was lost");

    apply(&mut harness, Command::NewProject);
    apply(&mut harness, Command::ConfirmUnsaved(Confirm::Discard));
    let app = harness.state();
    assert!(app.edits().is_empty());
    assert!(app.shown().contains(&3));
}

/// An app remembering its settings in `dir`, so an untitled project's unsaved work has
/// a recovery file there; it autosaves at once.
fn harness_remembering(dir: &Path) -> Harness<'static, App> {
    let settings = dir.join("settings.toml");
    Harness::builder()
        .with_size(WINDOW)
        .with_max_steps(MAX_STEPS)
        .build_eframe(move |cc| {
            let mut options = AppOptions::new(no_loader());
            options.settings_path = Some(settings);
            options.autosave_delay = std::time::Duration::ZERO;
            App::new(&cc.egui_ctx, options)
        })
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_remembering(dir.path());
    harness.run();
    assert!(!harness.state().offers_recovery());
    let hide = Edit::SetHidden {
        statement: StatementId::of(&fixture::small(), 3),
        hidden: true,
    };
    apply(&mut harness, Command::Edit(hide));
    harness.run();
    let recovery = dir.path().join("untitled.project.json.recovery");
    assert!(recovery.exists(), "autosaved");
    // The process dies here: nothing saved.
    drop(harness);

    let mut harness = harness_remembering(dir.path());
    harness.run();
    assert!(harness.state().offers_recovery());
    harness.get_by_label("Unsaved work found");
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.edits().len(), 1);
    assert!(app.is_dirty(), "restored work is unsaved until saved");
}

#[test]
fn an_added_official_and_a_publication_date_re_extract_the_corpus() {
    let corpus = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        corpus.path().join("undated.txt"),
        "Defence Minister Piet Marais said that troops would stay in Kinshasa.\n\n\
         Mira Sand said the Tessel river crossing would stay closed.\n",
    )
    .expect("article");
    let dir = corpus.path().to_path_buf();
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
    let count = |app: &App| app.dataset().expect("loaded").statements.len();
    assert_eq!(count(harness.state()), 1);

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Add official…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Mira Sand");
    harness.run();
    harness.get_by_label("Add").click();
    harness.run();
    step_until(&mut harness, |app| !app.is_loading());
    assert_eq!(count(harness.state()), 2, "Mira Sand's statement is found");
    assert_eq!(
        edit_menu_entries(&mut harness, "Undo"),
        ["Undo Add official"]
    );

    // The article's publication date dates its statements.
    apply(&mut harness, Command::Select(Some(0)));
    harness
        .get_by_label("Publication date")
        .set_text_value_accesskit("2025-03-02");
    harness.run();
    harness.get_by_label("Set publication date").click();
    harness.run();
    step_until(&mut harness, |app| !app.is_loading());
    let app = harness.state();
    let ds = app.dataset().expect("loaded");
    assert!(
        ds.statements
            .iter()
            .all(|s| s.date.value.export().as_deref() == Some("2025-03-02")),
        "{:?}",
        ds.statements
    );
    assert_eq!(
        app.selected(),
        Some(0),
        "the selection survives re-extraction"
    );

    apply(&mut harness, Command::Undo);
    step_until(&mut harness, |app| !app.is_loading());
    let ds = harness.state().dataset().expect("loaded");
    assert_eq!(ds.articles[0].published, None);
}

#[test]
fn text_selected_in_the_article_becomes_a_statement() {
    use eframe::egui::text::{CCursor, CCursorRange};
    use statement_timeline::ui::source::article_text_id;

    let mut harness = harness_with(fixture::small());
    harness.get_by_role_and_label(Role::Button, LAVROV).click();
    harness.run();
    let (text, before) = {
        let ds = harness.state().dataset().expect("loaded");
        (ds.articles[0].text.clone(), ds.statements.len())
    };
    let missed = "Lavrov has said before that the West is to blame";
    let start = text[..text.find(missed).expect("in the article")]
        .chars()
        .count();
    // What a drag over those words leaves in the text's state.
    let ctx = harness.ctx.clone();
    let mut state = eframe::egui::TextEdit::load_state(&ctx, article_text_id()).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(start),
        CCursor::new(start + missed.chars().count()),
    )));
    state.store(&ctx, article_text_id());
    harness.get_by_label("Article text").focus();
    harness.run();

    harness
        .get_by_label("Add “Lavrov has said before that the…” as a statement by Sergei Lavrov")
        .click();
    harness.run();
    let app = harness.state();
    let ds = app.dataset().expect("loaded");
    assert_eq!(ds.statements.len(), before + 1);
    let added = app.selected().expect("the new statement is selected");
    assert_eq!(ds.statement_text(&ds.statements[added]), missed);
    assert_eq!(speaker_of(app, added), "Sergei Lavrov");
    assert_eq!(
        app.edits().iter().map(Edit::name).collect::<Vec<_>>(),
        ["Add statement"]
    );
}
