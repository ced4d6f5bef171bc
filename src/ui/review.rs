//! What curation set aside: hidden statements, to bring back, and edits that no longer
//! fit the corpus (their article changed or vanished), kept in the project for review.

use eframe::egui;
use egui::Ui;

use crate::model::Dataset;
use crate::project::{Edit, Review};

use super::{Command, statement_label, theme};

#[derive(Debug, Default)]
pub struct ReviewPanel;

impl ReviewPanel {
    /// Hidden statements, each with a button to bring it back.
    pub fn hidden_ui(&mut self, ui: &mut Ui, ds: &Dataset) -> Vec<Command> {
        let mut commands = Vec::new();
        let hidden: Vec<usize> = ds
            .annotations
            .iter()
            .filter(|(_, a)| a.hidden)
            .map(|(&s, _)| s)
            .collect();
        if hidden.is_empty() {
            ui.weak("No hidden statements. Hide a false one from its source panel.");
            return commands;
        }
        egui::ScrollArea::vertical()
            .id_salt("hidden")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for s in hidden {
                    ui.horizontal(|ui| {
                        if ui.button("Unhide").clicked() {
                            commands.push(Command::Edit(Edit::SetHidden {
                                statement: crate::project::StatementId::of(ds, s),
                                hidden: false,
                            }));
                        }
                        ui.label(statement_label(ds, s));
                    });
                }
            });
        commands
    }

    /// Edits that could not be applied, and why.
    pub fn review_ui(&mut self, ui: &mut Ui, edits: &[Edit], review: &[Review]) {
        if review.is_empty() {
            ui.weak("Every edit of the project applies to this corpus.");
            return;
        }
        ui.weak(
            "These edits no longer fit the corpus. They stay in the project and apply \
             again if their article comes back as it was.",
        );
        egui::ScrollArea::vertical()
            .id_salt("review")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for r in review {
                    let Some(edit) = edits.get(r.edit) else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            egui::RichText::new(edit.name())
                                .color(theme::WARNING)
                                .strong(),
                        );
                        for id in edit.statements() {
                            ui.monospace(id.to_string());
                        }
                        ui.label(r.reason.to_string());
                    });
                }
            });
    }
}
