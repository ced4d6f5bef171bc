//! The filter bar: search words, officials, conflicts, outlets, analysts' tags, kind,
//! dates and whether institutions count, each choice showing how many statements it
//! would leave.

use chrono::NaiveDate;
use eframe::egui;
use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{PopupCloseBehavior, RichText, Ui};

use crate::model::{Kind, last_day_of_month};
use crate::timeline::Filter;

use super::{Command, View, theme};

/// Drafts of the text fields; the filter itself lives in the app.
#[derive(Debug, Default)]
pub struct FilterBar {
    query: String,
    from: String,
    to: String,
    speaker_search: String,
    /// When the search text last changed, while its filtering waits for a pause in
    /// typing (large corpora only).
    typed_at: Option<f64>,
    /// The filter the drafts were last synced from.
    synced: Option<Filter>,
}

impl FilterBar {
    pub fn ui(&mut self, ui: &mut Ui, view: &View<'_>) -> Vec<Command> {
        if self.synced.as_ref() != Some(view.filter) && self.typed_at.is_none() {
            self.query.clone_from(&view.filter.query);
            let (from, to) = view
                .filter
                .dates
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .unwrap_or_default();
            self.from = from;
            self.to = to;
            self.synced = Some(view.filter.clone());
        }
        let mut next = view.filter.clone();
        let ds = view.ds;
        let facets = view.facets;

        ui.horizontal_wrapped(|ui| {
            let search = ui.label("Search");
            let query = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("words in statements, officials, titles")
                        .desired_width(230.0),
                )
                .labelled_by(search.id);
            let now = ui.input(|i| i.time);
            if query.changed() {
                if view.ds.statements.len() >= theme::DEBOUNCE_FROM {
                    self.typed_at = Some(now);
                } else {
                    next.query.clone_from(&self.query);
                }
            }
            if let Some(at) = self.typed_at {
                let wait = at + theme::DEBOUNCE_SECONDS - now;
                if wait <= 0.0 || query.lost_focus() {
                    self.typed_at = None;
                    next.query.clone_from(&self.query);
                } else {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs_f64(wait));
                }
            }

            let label = count_label("Officials", next.speakers.len());
            menu(ui, &label, |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut self.speaker_search)
                        .hint_text("Find an official")
                        .desired_width(200.0),
                );
                let needle = self.speaker_search.to_lowercase();
                let mut order: Vec<usize> = (0..ds.speakers.len())
                    .filter(|&i| facets.speakers[i] > 0 || next.speakers.contains(&i))
                    .filter(|&i| {
                        needle.is_empty() || ds.speakers[i].name.to_lowercase().contains(&needle)
                    })
                    .collect();
                order.sort_by(|&a, &b| {
                    facets.speakers[b]
                        .cmp(&facets.speakers[a])
                        .then_with(|| ds.speakers[a].name.cmp(&ds.speakers[b].name))
                });
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for i in order {
                            let mut on = next.speakers.contains(&i);
                            let sp = &ds.speakers[i];
                            let text = format!(
                                "{}{} ({})",
                                sp.name,
                                if sp.institutional {
                                    " (institution)"
                                } else {
                                    ""
                                },
                                facets.speakers[i]
                            );
                            if ui.checkbox(&mut on, text).changed() {
                                toggle(&mut next.speakers, i, on);
                            }
                        }
                    });
                if !next.speakers.is_empty() && ui.button("Any official").clicked() {
                    next.speakers.clear();
                }
            });

            let label = count_label("Conflicts", next.conflicts.len());
            menu(ui, &label, |ui| {
                let choices = (0..ds.conflicts.len()).map(Some).chain([None]);
                for c in choices {
                    let n = facets.conflicts[c.unwrap_or(ds.conflicts.len())];
                    let mut on = next.conflicts.contains(&c);
                    if n == 0 && !on {
                        continue;
                    }
                    let name =
                        c.map_or("No conflict identified", |c| ds.conflicts[c].name.as_str());
                    let mut text = egui::text::LayoutJob::default();
                    let swatch =
                        theme::swatch(crate::timeline::Swatch::of(c, &view.index.swatches));
                    text.append("■ ", 0.0, egui::TextFormat::simple(theme::body(), swatch));
                    text.append(
                        &format!("{name} ({n})"),
                        0.0,
                        egui::TextFormat::simple(theme::body(), ui.visuals().text_color()),
                    );
                    let response = ui.checkbox(&mut on, text);
                    let accessible = format!("{name} ({n})");
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &accessible)
                    });
                    if response.changed() {
                        toggle(&mut next.conflicts, c, on);
                    }
                }
                if !next.conflicts.is_empty() && ui.button("Any conflict").clicked() {
                    next.conflicts.clear();
                }
            });

            if !view.index.outlets.is_empty() {
                let label = count_label("Outlets", next.outlets.len());
                menu(ui, &label, |ui| {
                    let names = view
                        .index
                        .outlets
                        .iter()
                        .map(|o| Some(o.clone()))
                        .chain([None]);
                    for (slot, name) in names.enumerate() {
                        let n = facets.outlets[slot];
                        let mut on = next.outlets.contains(&name);
                        if n == 0 && !on {
                            continue;
                        }
                        let text = format!("{} ({n})", name.as_deref().unwrap_or("Unknown outlet"));
                        if ui.checkbox(&mut on, text).changed() {
                            toggle(&mut next.outlets, name, on);
                        }
                    }
                    if !next.outlets.is_empty() && ui.button("Any outlet").clicked() {
                        next.outlets.clear();
                    }
                });
            }

            let tags = ds.tags();
            if !tags.is_empty() || !next.tags.is_empty() {
                let label = count_label("Tags", next.tags.len());
                menu(ui, &label, |ui| {
                    let chosen: Vec<String> = next.tags.iter().cloned().collect();
                    let all: std::collections::BTreeSet<&str> = tags
                        .iter()
                        .copied()
                        .chain(chosen.iter().map(String::as_str))
                        .collect();
                    for tag in all {
                        let mut on = next.tags.contains(tag);
                        if ui.checkbox(&mut on, format!("#{tag}")).changed() {
                            toggle(&mut next.tags, tag.to_owned(), on);
                        }
                    }
                    if !next.tags.is_empty() && ui.button("Any tag").clicked() {
                        next.tags.clear();
                    }
                });
            }

            let kind_text = |k: Option<Kind>| match k {
                None => format!(
                    "Quoted and reported ({})",
                    facets.kinds[0] + facets.kinds[1]
                ),
                Some(Kind::Direct) => format!("Quoted ({})", facets.kinds[0]),
                Some(Kind::Reported) => format!("Reported ({})", facets.kinds[1]),
            };
            egui::ComboBox::from_id_salt("kind_filter")
                .selected_text(kind_text(next.kind))
                .show_ui(ui, |ui| {
                    for k in [None, Some(Kind::Direct), Some(Kind::Reported)] {
                        ui.selectable_value(&mut next.kind, k, kind_text(k));
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Kind of statement")
                });

            ui.label("From");
            let from = ui.add(
                egui::TextEdit::singleline(&mut self.from)
                    .hint_text("YYYY-MM")
                    .desired_width(92.0),
            );
            ui.label("to");
            let to = ui.add(
                egui::TextEdit::singleline(&mut self.to)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(92.0),
            );
            let from_date = parse_date(&self.from, false);
            let to_date = parse_date(&self.to, true);
            let bad =
                |text: &str, parsed: Option<NaiveDate>| !text.trim().is_empty() && parsed.is_none();
            if bad(&self.from, from_date) || bad(&self.to, to_date) {
                ui.colored_label(theme::ERROR, "dates: YYYY, YYYY-MM or YYYY-MM-DD");
            }
            if from.changed() || to.changed() {
                let both_blank = self.from.trim().is_empty() && self.to.trim().is_empty();
                if both_blank {
                    next.dates = None;
                } else if !bad(&self.from, from_date) && !bad(&self.to, to_date) {
                    let first = from_date.unwrap_or(NaiveDate::MIN);
                    let last = to_date.unwrap_or(NaiveDate::MAX);
                    if first <= last {
                        next.dates = Some((first, last));
                    }
                }
            }

            let mut institutions = !next.hide_institutional;
            if ui
                .checkbox(&mut institutions, "Institutions")
                .on_hover_text(
                    "Include statements by institutions (“the Kremlin”, “the Foreign Ministry”)",
                )
                .changed()
            {
                next.hide_institutional = !institutions;
            }

            if !view.filter.is_empty() && ui.button("Clear filter").clicked() {
                next = Filter::default();
            }
        });
        ui.label(RichText::new(view.filter.describe(ds, view.shown.len())).strong());

        if next == *view.filter {
            Vec::new()
        } else {
            self.synced = Some(next.clone());
            vec![Command::SetFilter(next)]
        }
    }
}

/// A drop-down that stays open while boxes in it are ticked.
fn menu(ui: &mut Ui, label: &str, content: impl FnOnce(&mut Ui)) {
    MenuButton::new(label)
        .config(MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside))
        .ui(ui, content);
}

fn count_label(what: &str, chosen: usize) -> String {
    if chosen == 0 {
        format!("{what} ▾")
    } else {
        format!("{what} ({chosen}) ▾")
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// "2025" → 1 Jan (or 31 Dec when `end`), "2025-06" → 1 (or 30) Jun, "2025-06-24" → that
/// day; `None` for anything else, blank included.
pub fn parse_date(text: &str, end: bool) -> Option<NaiveDate> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str| s.parse::<i32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let year = num(y)?;
            if end {
                NaiveDate::from_ymd_opt(year, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(year, 1, 1)
            }
        }
        [y, m] if y.len() == 4 => {
            let first = NaiveDate::from_ymd_opt(num(y)?, u32::try_from(num(m)?).ok()?, 1)?;
            Some(if end { last_day_of_month(first) } else { first })
        }
        [_, _, _] => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::day;

    #[test]
    fn dates_parse_at_three_precisions() {
        assert_eq!(parse_date("2025", false), Some(day("2025-01-01")));
        assert_eq!(parse_date("2025", true), Some(day("2025-12-31")));
        assert_eq!(parse_date("2024-02", true), Some(day("2024-02-29")));
        assert_eq!(parse_date(" 2025-06-24 ", false), Some(day("2025-06-24")));
        assert_eq!(parse_date("", false), None);
        assert_eq!(parse_date("June", false), None);
        assert_eq!(parse_date("2025-13", false), None);
    }
}
