//! The statements passing the filter, as a table sortable by date, speaker or conflict.
//! Only the rows in view are laid out, so a million statements scroll like ten.

use eframe::egui;
use egui::{Align2, Rect, Role, Sense, Ui, WidgetInfo, pos2, vec2};

use crate::model::{Dataset, StatementIdx};
use crate::timeline::format_date;

use super::{Command, View, first_words, statement_label, theme};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Date,
    Speaker,
    Conflict,
}

impl SortKey {
    fn title(self) -> &'static str {
        match self {
            SortKey::Date => "Date",
            SortKey::Speaker => "Official",
            SortKey::Conflict => "Conflict",
        }
    }
}

#[derive(Debug, Default)]
pub struct StatementList {
    sort: SortKey,
    descending: bool,
    /// `view.shown` in the current order, and what it was sorted from.
    rows: Vec<StatementIdx>,
    sorted_for: Option<(u64, SortKey, bool)>,
    /// The selection the list last scrolled to, to scroll only when it changes.
    scrolled_to: Option<StatementIdx>,
}

impl StatementList {
    pub fn sort(&self) -> (SortKey, bool) {
        (self.sort, self.descending)
    }

    /// Rows in display order (after the last frame).
    pub fn rows(&self) -> &[StatementIdx] {
        &self.rows
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &View<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let key = (view.generation, self.sort, self.descending);
        if self.sorted_for != Some(key) {
            self.rows = sorted(view.ds, view.shown, self.sort, self.descending);
            self.sorted_for = Some(key);
        }

        let [w_date, w_speaker, w_conflict] = theme::LIST_COLUMNS;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (key, width) in [
                (SortKey::Date, w_date),
                (SortKey::Speaker, w_speaker),
                (SortKey::Conflict, w_conflict),
            ] {
                let arrow = match (self.sort == key, self.descending) {
                    (true, false) => " ▲",
                    (true, true) => " ▼",
                    (false, _) => "",
                };
                let title = format!("{}{arrow}", key.title());
                let (rect, response) = ui.allocate_exact_size(
                    vec2(width, ui.spacing().interact_size.y),
                    egui::Sense::click(),
                );
                let selected = self.sort == key;
                response.widget_info(|| {
                    egui::WidgetInfo::selected(Role::Button, true, selected, &title)
                });
                let visuals = ui.style().interact_selectable(&response, selected);
                let text_rect = Rect::from_min_size(rect.min, vec2(width - 8.0, rect.height()));
                if selected || response.hovered() {
                    let galley_width = ui
                        .painter()
                        .layout_no_wrap(title.clone(), theme::body(), visuals.text_color())
                        .size()
                        .x;
                    let bg =
                        Rect::from_min_size(rect.min, vec2(galley_width + 12.0, rect.height()));
                    ui.painter().rect_filled(bg, 3.0, visuals.weak_bg_fill);
                }
                ui.painter_at(text_rect).text(
                    pos2(rect.left() + 6.0, rect.center().y),
                    Align2::LEFT_CENTER,
                    &title,
                    theme::body(),
                    visuals.text_color(),
                );
                let response =
                    response.on_hover_text(format!("Sort by {}", key.title().to_lowercase()));
                if response.clicked() {
                    if self.sort == key {
                        self.descending = !self.descending;
                    } else {
                        self.sort = key;
                        self.descending = false;
                    }
                }
            }
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Statement").font(theme::body()));
        });
        ui.separator();

        let row_height = theme::LIST_ROW_HEIGHT;
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("statement_list")
            .auto_shrink([false, false]);
        if view.selected != self.scrolled_to {
            self.scrolled_to = view.selected;
            if let Some(pos) = view
                .selected
                .and_then(|s| self.rows.iter().position(|&r| r == s))
            {
                let viewport = ui.available_height();
                #[expect(clippy::cast_precision_loss, reason = "row offsets fit f32")]
                let target = pos as f32 * (row_height + ui.spacing().item_spacing.y);
                scroll = scroll.vertical_scroll_offset((target - viewport / 2.0).max(0.0));
            }
        }
        let rows = &self.rows;
        scroll.show_rows(ui, row_height, rows.len(), |ui, range| {
            for &s in &rows[range] {
                if row_ui(ui, view, s, row_height) {
                    commands.push(Command::Select(Some(s)));
                }
            }
        });
        if rows.is_empty() {
            ui.weak("No statements match the filter.");
        }
        commands
    }
}

/// One row; returns whether it was clicked.
fn row_ui(ui: &mut Ui, view: &View<'_>, s: StatementIdx, height: f32) -> bool {
    let ds = view.ds;
    let st = &ds.statements[s];
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let selected = view.selected == Some(s);
    let label = statement_label(ds, s);
    response.widget_info(|| WidgetInfo::selected(Role::ListBoxOption, true, selected, &label));
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let text_colour = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let [w_date, w_speaker, w_conflict] = theme::LIST_COLUMNS;
    let conflict = ds.conflict_name(st).unwrap_or("—");
    let speaker = ds
        .speakers
        .get(st.speaker)
        .map_or("?", |sp| sp.name.as_str());
    let mut x = rect.left() + 4.0;
    let columns = [
        (format_date(&st.date.value), w_date),
        (speaker.to_owned(), w_speaker),
        (conflict.to_owned(), w_conflict),
        (
            first_words(ds.statement_text(st), 40),
            (rect.right() - x - w_date - w_speaker - w_conflict).max(40.0),
        ),
    ];
    for (text, w) in columns {
        let cell = Rect::from_min_size(pos2(x, rect.top()), vec2(w - 8.0, height));
        ui.painter_at(cell).text(
            pos2(cell.left(), cell.center().y),
            Align2::LEFT_CENTER,
            text,
            theme::small(),
            text_colour,
        );
        x += w;
    }
    let clicked = response.clicked();
    response.on_hover_ui(|ui| super::timeline::statement_tooltip_ui(ui, view, s));
    clicked
}

/// `shown` (in time order) re-sorted by `key`, ties kept in time order.
pub fn sorted(
    ds: &Dataset,
    shown: &[StatementIdx],
    key: SortKey,
    descending: bool,
) -> Vec<StatementIdx> {
    let mut rows = shown.to_vec();
    match key {
        SortKey::Date => {}
        SortKey::Speaker => rows.sort_by(|&a, &b| {
            let name = |s: StatementIdx| {
                ds.speakers
                    .get(ds.statements[s].speaker)
                    .map_or("", |sp| sp.name.as_str())
            };
            name(a).cmp(name(b))
        }),
        SortKey::Conflict => rows.sort_by(|&a, &b| {
            let name =
                |s: StatementIdx| ds.conflict_name(&ds.statements[s]).unwrap_or("\u{10FFFF}");
            name(a).cmp(name(b))
        }),
    }
    if descending {
        rows.reverse();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Filter, fixture};

    #[test]
    fn sorting_by_speaker_and_conflict_keeps_time_order_within() {
        let ds = fixture::small();
        let shown = Filter::default().apply(&ds);
        assert_eq!(sorted(&ds, &shown, SortKey::Date, false), shown);
        assert_eq!(
            sorted(&ds, &shown, SortKey::Speaker, false),
            [0, 2, 1, 4, 3, 5]
        );
        assert_eq!(
            sorted(&ds, &shown, SortKey::Conflict, false),
            [0, 2, 1, 3, 4, 5]
        );
        assert_eq!(sorted(&ds, &shown, SortKey::Date, true), [5, 1, 2, 0, 4, 3]);
    }
}
