//! What went wrong while loading: files that failed or loaded with a caveat, and
//! articles without a publication date (their statements are dated from the text only).

use eframe::egui;
use egui::{RichText, Ui};

use crate::model::{Dataset, Severity};

use super::theme;

#[derive(Debug, Default)]
pub struct ProblemsPanel;

impl ProblemsPanel {
    pub fn ui(&mut self, ui: &mut Ui, ds: &Dataset) {
        let undated: Vec<&str> = ds
            .articles
            .iter()
            .filter(|a| a.published.is_none())
            .map(|a| a.title.as_deref().unwrap_or(a.file.as_str()))
            .collect();
        if ds.problems.is_empty() && undated.is_empty() {
            ui.weak("Every file loaded, and every article has a publication date.");
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("problems")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !ds.problems.is_empty() {
                    ui.strong(format!("Files ({})", ds.problems.len()));
                    for p in &ds.problems {
                        let (word, colour) = match p.severity {
                            Severity::Error => ("error", theme::ERROR),
                            Severity::Warning => ("warning", theme::WARNING),
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new(word).color(colour).strong());
                            let place = match p.line {
                                Some(line) => format!("{}:{line}", p.file),
                                None => p.file.clone(),
                            };
                            ui.monospace(place);
                            ui.label(&p.message);
                        });
                    }
                    ui.add_space(6.0);
                }
                if !undated.is_empty() {
                    ui.strong(format!(
                        "Articles without a publication date ({})",
                        undated.len()
                    ));
                    ui.weak("Their statements carry a date only where the text itself fixes one.");
                    for title in undated {
                        ui.label(title);
                    }
                }
            });
    }

    /// How many things the panel lists, for its tab title.
    pub fn count(ds: &Dataset) -> usize {
        ds.problems.len() + ds.articles.iter().filter(|a| a.published.is_none()).count()
    }
}
