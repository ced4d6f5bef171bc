//! The dialog that adds an official (with aliases and a role) or a conflict (with
//! aliases and keywords) to the project's gazetteer or taxonomy.

use eframe::egui;
use egui::{Role, WidgetInfo};

use crate::model::{Conflict, Speaker};
use crate::project::Edit;

use super::Command;

/// What the dialog adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addition {
    Official,
    Conflict,
}

#[derive(Debug, Default)]
pub struct KnowledgeDialog {
    open: Option<Addition>,
    name: String,
    aliases: String,
    role: String,
    country: String,
    keywords: String,
}

impl KnowledgeDialog {
    pub fn open(&mut self, what: Addition) {
        *self = Self {
            open: Some(what),
            ..Self::default()
        };
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(what) = self.open else {
            return commands;
        };
        let title = match what {
            Addition::Official => "Add an official",
            Addition::Conflict => "Add a conflict",
        };
        let mut keep_open = true;
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .open(&mut keep_open)
            .show(ctx, |ui| {
                let field = |ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str| {
                    ui.label(label);
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .hint_text(hint)
                            .desired_width(260.0),
                    )
                    .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, label));
                    ui.end_row();
                };
                egui::Grid::new("knowledge_fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        field(ui, "Name", &mut self.name, "canonical name");
                        field(
                            ui,
                            "Aliases",
                            &mut self.aliases,
                            "other spellings, comma-separated",
                        );
                        match what {
                            Addition::Official => {
                                field(ui, "Role", &mut self.role, "Foreign Minister");
                                field(ui, "Country", &mut self.country, "who they speak for");
                            }
                            Addition::Conflict => {
                                field(
                                    ui,
                                    "Keywords",
                                    &mut self.keywords,
                                    "places, words that tell it",
                                );
                            }
                        }
                    });
                ui.weak("Added to this project only; the corpus is extracted again with it.");
                let name = self.name.trim();
                if ui
                    .add_enabled(!name.is_empty(), egui::Button::new("Add"))
                    .clicked()
                {
                    commands.push(Command::Edit(self.edit(what)));
                    self.open = None;
                }
            });
        if !keep_open {
            self.open = None;
        }
        commands
    }

    fn edit(&self, what: Addition) -> Edit {
        let list = |text: &str| -> Vec<String> {
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let name = self.name.trim().to_owned();
        match what {
            Addition::Official => Edit::AddOfficial {
                official: Speaker {
                    name,
                    aliases: list(&self.aliases),
                    country: Some(self.country.trim().to_owned()).filter(|c| !c.is_empty()),
                    roles: Some(self.role.trim())
                        .filter(|r| !r.is_empty())
                        .map(|title| crate::model::Role {
                            title: title.to_owned(),
                            from: None,
                            to: None,
                        })
                        .into_iter()
                        .collect(),
                    ..Speaker::default()
                },
            },
            Addition::Conflict => Edit::AddConflict {
                conflict: Conflict {
                    name,
                    aliases: list(&self.aliases),
                    keywords: list(&self.keywords),
                    ..Conflict::default()
                },
            },
        }
    }
}
