//! The top bar: File, Edit and View menus, what project and corpus are open, and
//! loading progress.

use eframe::egui;
use egui::containers::menu::MenuBar;
use egui::{Align, Layout, RichText, Ui};

use crate::timeline::LaneMode;

use super::knowledge::Addition;
use super::{Command, theme};

/// What the top bar shows; it needs no dataset, so it works before the first load.
pub struct MenuInfo<'a> {
    /// Name of the open corpus.
    pub corpus: Option<&'a str>,
    /// The project's name, with a mark when it has unsaved edits.
    pub project: &'a str,
    /// Articles read, articles in all, what is being loaded.
    pub loading: Option<(usize, usize, &'a str)>,
    /// Why the last load failed.
    pub error: Option<&'a str>,
    pub lane_mode: LaneMode,
    /// Items in the problems panel.
    pub problems: usize,
    /// A new view of the data is being derived.
    pub busy: bool,
    /// What the last action did ("Exported timeline.png").
    pub notice: Option<&'a str>,
    /// Whether there is data to export.
    pub can_export: bool,
    /// "Undo Change speaker", when there is an edit to undo.
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Undo the last edit.
pub const UNDO: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
/// Redo what was undone.
pub const REDO: egui::KeyboardShortcut = egui::KeyboardShortcut::new(
    egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
    egui::Key::Z,
);
/// Save the project.
pub const SAVE: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);

#[derive(Debug, Default)]
pub struct MenuPanel;

impl MenuPanel {
    pub fn ui(&mut self, ui: &mut Ui, info: &MenuInfo<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("New project").clicked() {
                    commands.push(Command::NewProject);
                }
                if ui.button("Open project…").clicked() {
                    commands.push(Command::PickOpenProject);
                }
                let save = egui::Button::new("Save project")
                    .shortcut_text(ui.ctx().format_shortcut(&SAVE));
                if ui.add(save).clicked() {
                    commands.push(Command::SaveProject);
                }
                if ui.button("Save project as…").clicked() {
                    commands.push(Command::PickSaveProjectAs);
                }
                ui.separator();
                if ui.button("Open folder…").clicked() {
                    commands.push(Command::PickFolder);
                }
                if ui.button("Open files…").clicked() {
                    commands.push(Command::PickFiles);
                }
                ui.separator();
                if ui
                    .add_enabled(info.can_export, egui::Button::new("Export image…"))
                    .clicked()
                {
                    commands.push(Command::PickExportImage);
                }
                if ui
                    .add_enabled(info.can_export, egui::Button::new("Export data…"))
                    .clicked()
                {
                    commands.push(Command::PickExportData);
                }
                if ui
                    .add_enabled(info.can_export, egui::Button::new("Export slides…"))
                    .clicked()
                {
                    commands.push(Command::PickExportSlides);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = egui::Button::new(info.undo.as_deref().unwrap_or("Undo"))
                    .shortcut_text(ui.ctx().format_shortcut(&UNDO));
                if ui.add_enabled(info.undo.is_some(), undo).clicked() {
                    commands.push(Command::Undo);
                }
                let redo = egui::Button::new(info.redo.as_deref().unwrap_or("Redo"))
                    .shortcut_text(ui.ctx().format_shortcut(&REDO));
                if ui.add_enabled(info.redo.is_some(), redo).clicked() {
                    commands.push(Command::Redo);
                }
                ui.separator();
                if ui
                    .add_enabled(info.can_export, egui::Button::new("Add official…"))
                    .clicked()
                {
                    commands.push(Command::ShowAddKnowledge(Addition::Official));
                }
                if ui
                    .add_enabled(info.can_export, egui::Button::new("Add conflict…"))
                    .clicked()
                {
                    commands.push(Command::ShowAddKnowledge(Addition::Conflict));
                }
            });
            ui.menu_button("View", |ui| {
                for mode in LaneMode::ALL {
                    if ui
                        .radio(info.lane_mode == mode, format!("Lanes: {}", mode.label()))
                        .clicked()
                    {
                        commands.push(Command::SetLaneMode(mode));
                    }
                }
                ui.separator();
                if ui.button("Fit timeline").clicked() {
                    commands.push(Command::Fit);
                }
                if ui
                    .add_enabled(info.can_export, egui::Button::new("Present (F5)"))
                    .clicked()
                {
                    commands.push(Command::Present);
                }
                if ui.button(format!("Problems ({})", info.problems)).clicked() {
                    commands.push(Command::ShowProblems);
                }
            });
            ui.separator();
            ui.label(RichText::new(info.project).strong());
            if let Some(name) = info.corpus {
                ui.weak("on");
                ui.label(RichText::new(name).strong());
            }
            if let Some((done, total, what)) = info.loading {
                let text = format!("Reading {what}: {done} / {total} articles");
                if super::load_progress_ui(ui, done, total, 220.0, &text) {
                    commands.push(Command::CancelLoad);
                }
            }
            if info.busy {
                ui.spinner();
                ui.weak("Filtering…");
            }
            if let Some(notice) = info.notice {
                ui.weak(notice);
            }
            if let Some(error) = info.error {
                ui.colored_label(theme::ERROR, error);
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.weak("Drop a folder or files here to open them");
            });
        });
        commands
    }
}
