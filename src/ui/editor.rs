//! Correcting the selected statement, under its source: who said it (a known official
//! or a new one, with a role), when, about which conflict, quoted or reported; notes
//! and tags; hiding it; taking it out of its event or merging it with another.
//! Every change is one [`Edit`] the app records, so each can be undone.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use eframe::egui;
use egui::{Role, Ui, WidgetInfo};

use crate::model::{Dataset, DateValue, Kind, StatementIdx};
use crate::project::{Edit, StatementId};

use super::{Command, View, first_words, theme};

#[derive(Debug, Default)]
pub struct StatementEditor {
    /// What the drafts were filled from: the statement and the data's generation.
    drafted_for: Option<(StatementIdx, u64)>,
    speaker: String,
    role: String,
    date: String,
    note: String,
    tags: String,
    /// A statement set aside to merge with the next one selected.
    merge_with: Option<(StatementId, String)>,
}

impl StatementEditor {
    /// The speaker, role and date typed, for a statement added from a text selection.
    pub fn drafts(&self) -> (&str, &str, Option<DateValue>) {
        (&self.speaker, &self.role, parse_date_value(&self.date))
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &View<'_>, s: StatementIdx) -> Vec<Command> {
        let mut commands = Vec::new();
        let ds = view.ds;
        let st = &ds.statements[s];
        let id = StatementId::of(ds, s);
        let annotation = ds.annotation(s).cloned().unwrap_or_default();
        if self.drafted_for != Some((s, view.generation)) {
            self.drafted_for = Some((s, view.generation));
            self.speaker = ds.speakers[st.speaker].name.clone();
            self.role = st.role.clone().unwrap_or_default();
            self.date = date_text(&st.date.value);
            self.note.clone_from(&annotation.note);
            self.tags = annotation
                .tags
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
        }
        let mut edit = |e: Edit| commands.push(Command::Edit(e));

        egui::Grid::new("statement_editor")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label("Speaker");
                ui.horizontal(|ui| {
                    let current = &ds.speakers[st.speaker].name;
                    if let Some(name) = speaker_combo_ui(ui, ds, current, &self.speaker) {
                        edit(Edit::SetSpeaker {
                            statement: id,
                            speaker: name,
                            role: None,
                        });
                    }
                });
                ui.end_row();

                ui.label("Name, role");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.speaker)
                            .hint_text("a new official")
                            .desired_width(150.0),
                    )
                    .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Speaker name"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.role)
                            .hint_text("role")
                            .desired_width(130.0),
                    )
                    .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Role"));
                    let changed = self.speaker.trim() != ds.speakers[st.speaker].name
                        || self.role.trim() != st.role.as_deref().unwrap_or("");
                    if ui
                        .add_enabled(
                            changed && !self.speaker.trim().is_empty(),
                            egui::Button::new("Set speaker"),
                        )
                        .clicked()
                    {
                        edit(Edit::SetSpeaker {
                            statement: id,
                            speaker: self.speaker.trim().to_owned(),
                            role: Some(self.role.trim().to_owned()).filter(|r| !r.is_empty()),
                        });
                    }
                });
                ui.end_row();

                ui.label("Date");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.date)
                            .hint_text("2025-06-24, 2025-06, 2025-06-01..2025-06-10")
                            .desired_width(190.0),
                    )
                    .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Date"));
                    match parse_date_value(&self.date) {
                        Some(value) => {
                            ui.weak(value.precision().as_str());
                            if ui
                                .add_enabled(value != st.date.value, egui::Button::new("Set date"))
                                .clicked()
                            {
                                edit(Edit::SetDate {
                                    statement: id,
                                    date: value,
                                });
                            }
                        }
                        None => {
                            ui.colored_label(theme::ERROR, "YYYY-MM-DD, YYYY-MM, A..B or blank");
                        }
                    }
                });
                ui.end_row();

                ui.label("Conflict");
                if let Some(choice) = conflict_combo_ui(ui, ds, st.conflict) {
                    edit(Edit::SetConflict {
                        statement: id,
                        conflict: choice.map(|c| ds.conflicts[c].name.clone()),
                    });
                }
                ui.end_row();

                ui.label("Kind");
                ui.horizontal(|ui| {
                    for (kind, text) in [(Kind::Direct, "Quoted"), (Kind::Reported, "Reported")] {
                        if ui.radio(st.kind == kind, text).clicked() && st.kind != kind {
                            edit(Edit::SetKind {
                                statement: id,
                                kind,
                            });
                        }
                    }
                });
                ui.end_row();

                ui.label("Tags");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.tags)
                            .hint_text("comma, separated")
                            .desired_width(190.0),
                    )
                    .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Tags"));
                    let tags = parse_tags(&self.tags);
                    if ui
                        .add_enabled(tags != annotation.tags, egui::Button::new("Set tags"))
                        .clicked()
                    {
                        edit(Edit::SetTags {
                            statement: id,
                            tags,
                        });
                    }
                });
                ui.end_row();

                ui.label("Note");
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut self.note)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Note"));
                    if ui
                        .add_enabled(self.note != annotation.note, egui::Button::new("Save note"))
                        .clicked()
                    {
                        edit(Edit::SetNote {
                            statement: id,
                            note: self.note.clone(),
                        });
                    }
                });
                ui.end_row();
            });

        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Hide statement")
                .on_hover_text("A false statement: off the timeline, listed under Hidden")
                .clicked()
            {
                commands.push(Command::Edit(Edit::SetHidden {
                    statement: id,
                    hidden: true,
                }));
            }
            let shared = view.index.same_event(ds, s).len() > 1;
            if ui
                .add_enabled(shared, egui::Button::new("Split from event"))
                .on_hover_text("This report is of another utterance")
                .clicked()
            {
                commands.push(Command::Edit(Edit::Split { statement: id }));
            }
            match &self.merge_with {
                Some((other, label)) if *other != id => {
                    if ui
                        .button(format!("Merge with “{label}”"))
                        .on_hover_text("The two report one utterance: one event")
                        .clicked()
                    {
                        commands.push(Command::Edit(Edit::Merge {
                            statements: vec![*other, id],
                        }));
                        self.merge_with = None;
                    }
                    if ui.button("Cancel merge").clicked() {
                        self.merge_with = None;
                    }
                }
                _ => {
                    if ui
                        .button("Merge with…")
                        .on_hover_text("Then select the statement to merge this one with")
                        .clicked()
                    {
                        let label = first_words(ds.statement_text(st), 5);
                        self.merge_with = Some((id, label));
                    }
                }
            }
        });
        commands
    }
}

/// A drop-down of officials; returns the one picked. Those matching the name typed come
/// first, then those with statements, then the rest of the gazetteer.
fn speaker_combo_ui(ui: &mut Ui, ds: &Dataset, current: &str, typed: &str) -> Option<String> {
    let mut picked = None;
    egui::ComboBox::from_id_salt("edit_speaker")
        .selected_text(current)
        .width(220.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            for i in speaker_order(ds, typed) {
                let name = &ds.speakers[i].name;
                if ui.selectable_label(name == current, name).clicked() && name != current {
                    picked = Some(name.clone());
                }
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Speaker"));
    picked
}

/// Speakers, those whose name contains `typed` first, then those who speak most.
fn speaker_order(ds: &Dataset, typed: &str) -> Vec<usize> {
    let mut counts = vec![0usize; ds.speakers.len()];
    for st in &ds.statements {
        if let Some(n) = counts.get_mut(st.speaker) {
            *n += 1;
        }
    }
    let typed = typed.trim().to_lowercase();
    let mut order: Vec<usize> = (0..ds.speakers.len()).collect();
    order.sort_by_key(|&i| {
        let matches = !typed.is_empty() && ds.speakers[i].name.to_lowercase().contains(&typed);
        (
            !matches,
            std::cmp::Reverse(counts[i]),
            ds.speakers[i].name.clone(),
        )
    });
    order
}

/// A drop-down of the conflicts and "none"; returns the choice when it changes.
fn conflict_combo_ui(ui: &mut Ui, ds: &Dataset, current: Option<usize>) -> Option<Option<usize>> {
    let name =
        |c: Option<usize>| c.map_or("No conflict identified", |c| ds.conflicts[c].name.as_str());
    let mut picked = None;
    egui::ComboBox::from_id_salt("edit_conflict")
        .selected_text(name(current))
        .width(220.0)
        .show_ui(ui, |ui| {
            for c in (0..ds.conflicts.len()).map(Some).chain([None]) {
                if ui.selectable_label(c == current, name(c)).clicked() && c != current {
                    picked = Some(c);
                }
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Conflict"));
    picked
}

/// How a date is typed back: the inverse of [`parse_date_value`].
pub fn date_text(value: &DateValue) -> String {
    match *value {
        DateValue::Day { date } => date.to_string(),
        DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
        DateValue::Range { first, last } => format!("{first}..{last}"),
        DateValue::Unknown => String::new(),
    }
}

/// A date as typed, its precision given by its form: `2025-06-24` a day, `2025-06` a
/// month, `2025-06-01..2025-06-10` a range, blank or "undated" unknown.
pub fn parse_date_value(text: &str) -> Option<DateValue> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("undated") {
        return Some(DateValue::Unknown);
    }
    let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    if let Some((a, b)) = text.split_once("..") {
        let (first, last) = (day(a)?, day(b)?);
        return (first <= last).then_some(DateValue::Range { first, last });
    }
    if let Some(date) = day(text) {
        return Some(DateValue::Day { date });
    }
    let (y, m) = text.split_once('-')?;
    let (year, month) = (y.parse().ok()?, m.parse().ok()?);
    NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(DateValue::month(year, month))
}

/// Tags as typed: comma-separated, trimmed, without a leading `#`.
pub fn parse_tags(text: &str) -> BTreeSet<String> {
    text.split(',')
        .map(|t| t.trim().trim_start_matches('#').trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::day;

    #[test]
    fn typed_dates_carry_their_precision_and_print_back() {
        let cases = [
            (
                "2025-06-24",
                DateValue::Day {
                    date: day("2025-06-24"),
                },
            ),
            ("2025-06", DateValue::month(2025, 6)),
            (
                "2025-06-01..2025-06-10",
                DateValue::Range {
                    first: day("2025-06-01"),
                    last: day("2025-06-10"),
                },
            ),
            ("", DateValue::Unknown),
        ];
        for (text, value) in cases {
            assert_eq!(parse_date_value(text), Some(value), "{text}");
            assert_eq!(date_text(&value), text);
        }
        assert_eq!(parse_date_value("2025-13"), None);
        assert_eq!(parse_date_value("2025-06-10..2025-06-01"), None);
        assert_eq!(parse_date_value("June"), None);
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags(" #check, wire ,,check"),
            ["check".to_owned(), "wire".to_owned()].into()
        );
    }

    #[test]
    fn speakers_matching_the_typed_name_come_first() {
        let ds = crate::timeline::fixture::small();
        assert_eq!(speaker_order(&ds, "lav")[0], 1);
        assert_eq!(speaker_order(&ds, "")[0], 0, "Peskov speaks most");
    }
}
