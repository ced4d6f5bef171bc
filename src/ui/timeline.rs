//! The timeline: lanes of statement markers over a time axis that follows the zoom.
//!
//! egui_plot draws the axis and grid; the view (days across, first row down) is ours, so
//! rows keep their height whatever the zoom and lane labels stay beside their lanes.
//! Markers are widgets of their own, with names, so they can be clicked by tests and
//! read by screen readers; when too many statements are in view, lanes turn into density
//! bins instead, so a frame costs what its pixels cost.

use chrono::Datelike;
use eframe::egui;
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align, Align2, Color32, CornerRadius, Id, Pos2, Rect, Response, Role, Sense, Shape, Stroke,
    StrokeKind, TextFormat, Ui, UiBuilder, Vec2, WidgetInfo, pos2, vec2,
};
use egui_plot::{AxisHints, GridInput, GridMark, Plot, PlotBounds, PlotTransform};

use crate::model::{Kind, StatementIdx};
use crate::timeline::layout::Place;
use crate::timeline::lod::clusters;
use crate::timeline::{
    Item, Lane, LaneKind, LaneMode, MONTHS, Swatch, date_of_day, day_number, format_date,
    format_day, format_month,
};

use super::{Command, View, first_words, statement_label, theme};

/// The timeline's own state: what part of it is in view.
#[derive(Debug, Default)]
pub struct TimelinePanel {
    /// Days `[from, to)` across the plot; `None` until the first fit.
    days: Option<(f64, f64)>,
    /// Row at the top edge of the plot (fractional while dragging).
    top_row: f32,
    fit_pending: bool,
    /// A statement to bring into view on the next frame.
    reveal: Option<StatementIdx>,
    /// The plot's data rect on the last frame.
    last_frame: Option<Rect>,
    /// Whether the last frame drew density bins rather than markers.
    density_mode: bool,
    /// Height of a row on the last frame: rows grow to fill the plot when lanes are few.
    row_height: f32,
}

/// Everything one frame needs to place things on screen.
struct Geometry {
    frame: Rect,
    row_height: f32,
    from: f64,
    to: f64,
    top_row: f32,
}

impl Geometry {
    fn x(&self, day: f64) -> f32 {
        #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
        let t = ((day - self.from) / (self.to - self.from)) as f32;
        self.frame.left() + t * self.frame.width()
    }

    fn day_at(&self, x: f32) -> f64 {
        let t = f64::from((x - self.frame.left()) / self.frame.width());
        self.from + t * (self.to - self.from)
    }

    #[expect(clippy::cast_precision_loss, reason = "row counts fit f32")]
    fn row_y(&self, row: u32) -> f32 {
        self.frame.top() + (row as f32 - self.top_row) * self.row_height
    }

    fn rows_in_view(&self) -> f32 {
        self.frame.height() / self.row_height
    }
}

impl TimelinePanel {
    /// Show everything on the next frame.
    pub fn fit(&mut self) {
        self.fit_pending = true;
    }

    /// Bring `statement` into view on the next frame.
    pub fn reveal(&mut self, statement: StatementIdx) {
        self.reveal = Some(statement);
    }

    /// Days in view, once the timeline has been drawn.
    pub fn visible_days(&self) -> Option<(f64, f64)> {
        self.days
    }

    /// Shows days `[from, to)` (a project's saved zoom) instead of fitting.
    pub fn show_days(&mut self, days: (f64, f64)) {
        if days.0.is_finite() && days.1.is_finite() && days.0 < days.1 {
            self.days = Some(days);
            self.fit_pending = false;
        }
    }

    /// Whether the last frame showed density bins instead of markers.
    pub fn is_density_mode(&self) -> bool {
        self.density_mode
    }

    /// Scroll the lanes back to the top (after the lanes change).
    pub fn scroll_to_top(&mut self) {
        self.top_row = 0.0;
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &View<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        self.toolbar_ui(ui, view, &mut commands);
        ui.add_space(2.0);

        let tray = !view.layout.undated.is_empty();
        let avail = ui.available_rect_before_wrap();
        let tray_height = if tray { theme::TRAY_HEIGHT } else { 0.0 };
        let main = Rect::from_min_max(avail.min, pos2(avail.max.x, avail.max.y - tray_height));
        let labels = Rect::from_min_max(
            main.min,
            pos2(main.min.x + theme::LANE_LABEL_WIDTH, main.max.y),
        );
        let plot_rect = Rect::from_min_max(pos2(labels.max.x + 4.0, main.min.y), main.max);

        if view.layout.items.is_empty() {
            ui.painter().text(
                main.center(),
                Align2::CENTER_CENTER,
                if view.busy {
                    "Filtering…"
                } else if view.shown.is_empty() {
                    "No statements match the filter"
                } else {
                    "No dated statements match the filter"
                },
                theme::body(),
                ui.visuals().weak_text_color(),
            );
        }

        self.settle_view(view, plot_rect);
        let (from, to) = self.days.unwrap_or((0.0, 1.0));

        let mut plot_ui = ui.new_child(UiBuilder::new().max_rect(plot_rect));
        let response = Plot::new("timeline_plot")
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .allow_axis_zoom_drag(false)
            .show_x(false)
            .show_y(false)
            .show_axes([true, false])
            .show_grid([true, false])
            .x_grid_spacer(time_grid)
            .custom_x_axes(vec![
                AxisHints::new_x()
                    .formatter(|mark, _range| time_label(mark))
                    .label_spacing(theme::AXIS_LABEL_SPACING),
            ])
            .sense(Sense::click_and_drag())
            .show(&mut plot_ui, |p| {
                p.set_plot_bounds(PlotBounds::from_min_max([from, 0.0], [to, 1.0]));
            });
        ui.advance_cursor_after_rect(main);
        response.response.widget_info(|| {
            WidgetInfo::labeled(Role::Canvas, true, "Timeline: drag to pan, wheel to zoom")
        });

        let geo = Geometry {
            frame: *response.transform.frame(),
            row_height: self.row_height,
            from,
            to,
            top_row: self.top_row,
        };
        self.last_frame = Some(geo.frame);

        self.lanes_ui(ui, view, &geo, labels);
        self.scrollbar_ui(ui, view, &geo);
        let clicked_item = self.items_ui(ui, view, &geo, &response.transform, &mut commands);
        self.navigate(
            ui,
            view,
            &geo,
            &response.response,
            labels,
            clicked_item,
            &mut commands,
        );

        if tray {
            let tray_rect = Rect::from_min_max(pos2(avail.min.x, main.max.y), avail.max);
            tray_ui(ui, view, tray_rect, &mut commands);
        }
        commands
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label("Lanes:");
            for mode in LaneMode::ALL {
                if ui
                    .add(egui::Button::selectable(
                        view.lane_mode == mode,
                        mode.label(),
                    ))
                    .clicked()
                    && view.lane_mode != mode
                {
                    commands.push(Command::SetLaneMode(mode));
                }
            }
            ui.separator();
            if ui
                .button("Fit")
                .on_hover_text("Show every statement (or double-click the timeline)")
                .clicked()
            {
                commands.push(Command::Fit);
            }
            if ui
                .button("Present")
                .on_hover_text("A slide per event, full screen, from the selected one (F5)")
                .clicked()
            {
                commands.push(Command::Present);
            }
            if let Some((from, to)) = self.days {
                let first = date_of_day(from);
                let last = date_of_day(to - 1e-6);
                if let (Some(first), Some(last)) = (first, last) {
                    ui.label(
                        egui::RichText::new(format!(
                            "{} – {}",
                            format_day(first),
                            format_day(last)
                        ))
                        .color(ui.visuals().weak_text_color()),
                    );
                }
            }
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                if self.density_mode {
                    // No markers to explain: say what the shading means instead.
                    ui.label(
                        egui::RichText::new("Shading counts statements; zoom in to see each")
                            .color(theme::WARNING),
                    );
                } else {
                    legend_ui(ui);
                }
            });
        });
    }

    /// Applies a pending fit or reveal, and keeps the view within sensible bounds.
    fn settle_view(&mut self, view: &View<'_>, plot_rect: Rect) {
        let extent = view.layout.extent;
        if self.fit_pending || self.days.is_none() {
            self.fit_pending = false;
            self.days = Some(fitted(extent));
            self.top_row = 0.0;
        }
        let frame = self.last_frame.unwrap_or(plot_rect);
        #[expect(clippy::cast_precision_loss, reason = "row counts fit f32")]
        let rows = view.layout.rows.max(1) as f32;
        self.row_height = (frame.height() / rows).clamp(theme::ROW_HEIGHT, theme::MAX_ROW_HEIGHT);
        let rows_in_view = frame.height() / self.row_height;
        if let Some(s) = self.reveal.take()
            && let Some(Place::Dated(i)) = view.layout.place_of(s)
            && let (Some(item), Some((from, to))) = (view.layout.items.get(i), self.days)
        {
            let width = to - from;
            let margin = width * 0.05;
            if item.end - item.start > width - 2.0 * margin {
                self.days = Some(fitted(Some((item.start, item.end))));
            } else if item.start < from + margin {
                let shift = item.start - (from + margin);
                self.days = Some((from + shift, to + shift));
            } else if item.end > to - margin {
                let shift = item.end - (to - margin);
                self.days = Some((from + shift, to + shift));
            }
            #[expect(clippy::cast_precision_loss, reason = "row counts fit f32")]
            let row = (view.layout.lanes[item.lane].top + item.row) as f32;
            if row < self.top_row || row + 1.0 > self.top_row + rows_in_view {
                self.top_row = (row - rows_in_view / 2.0).max(0.0);
            }
        }
        #[expect(clippy::cast_precision_loss, reason = "row counts fit f32")]
        let max_top = (view.layout.rows as f32 - rows_in_view + 0.5).max(0.0);
        self.top_row = self.top_row.clamp(0.0, max_top);
    }

    /// Lane backgrounds across the plot and lane names beside it.
    fn lanes_ui(&self, ui: &Ui, view: &View<'_>, geo: &Geometry, labels: Rect) {
        let plot_painter = ui.painter_at(geo.frame);
        let label_rect = Rect::from_x_y_ranges(labels.x_range(), geo.frame.y_range());
        let label_painter = ui.painter_at(label_rect);
        let text = ui.visuals().text_color();
        let stripe = ui.visuals().faint_bg_color;
        for (i, lane) in visible_lanes(view.layout.lanes.as_slice(), geo) {
            let top = geo.row_y(lane.top);
            let bottom = geo.row_y(lane.top + lane.rows);
            let band = Rect::from_x_y_ranges(geo.frame.x_range(), top..=bottom);
            let row_rect = Rect::from_x_y_ranges(label_rect.x_range(), top..=bottom);
            let header = matches!(lane.kind, LaneKind::Header(_));
            if header {
                let colour = lane.swatch.map_or(Color32::GRAY, theme::swatch);
                plot_painter.rect_filled(band, 0.0, theme::faint(colour, theme::HEADER_ALPHA));
                label_painter.rect_filled(row_rect, 0.0, theme::faint(colour, theme::HEADER_ALPHA));
                label_painter.rect_filled(
                    Rect::from_min_size(
                        row_rect.min + vec2(2.0, 5.0),
                        vec2(4.0, geo.row_height - 10.0),
                    ),
                    1.0,
                    colour,
                );
            } else if i % 2 == 1 {
                plot_painter.rect_filled(band, 0.0, stripe);
                label_painter.rect_filled(row_rect, 0.0, stripe);
            }
            let indent = if view.lane_mode == LaneMode::ByConflict && !header {
                theme::LANE_INDENT
            } else {
                0.0
            } + 10.0;
            let count = format!("{}", lane.statements);
            let count_galley =
                label_painter.layout_no_wrap(count, theme::small(), ui.visuals().weak_text_color());
            let name_width = label_rect.width() - indent - count_galley.size().x - 12.0;
            let font = if header {
                theme::header_label()
            } else {
                theme::lane_label()
            };
            let name = elided(ui, &lane.label, font, text, name_width);
            let y = top + geo.row_height / 2.0;
            label_painter.galley(
                pos2(label_rect.left() + indent, y - name.size().y / 2.0),
                name,
                text,
            );
            label_painter.galley(
                pos2(
                    label_rect.right() - count_galley.size().x - 6.0,
                    y - count_galley.size().y / 2.0,
                ),
                count_galley,
                text,
            );
            let hit = row_rect.intersect(label_rect);
            if hit.height() > 0.0 {
                let id = ui.scope_id().with(("timeline_lane", i, &lane.label));
                let response = ui.interact(hit, id, Sense::hover());
                let what = if header { "conflict" } else { "lane" };
                response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &lane.label));
                response.on_hover_text(format!(
                    "{} ({what}): {} statement{}",
                    lane.label,
                    lane.statements,
                    if lane.statements == 1 { "" } else { "s" }
                ));
            }
        }
        label_painter.line_segment(
            [label_rect.right_top(), label_rect.right_bottom()],
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
    }

    /// A vertical scroll bar at the plot's right edge, when the lanes do not all fit.
    fn scrollbar_ui(&mut self, ui: &Ui, view: &View<'_>, geo: &Geometry) {
        #[expect(clippy::cast_precision_loss, reason = "row counts fit f32")]
        let rows = view.layout.rows as f32;
        let in_view = geo.rows_in_view();
        if rows <= in_view {
            return;
        }
        let track = Rect::from_x_y_ranges(
            (geo.frame.right() - theme::SCROLLBAR_WIDTH)..=geo.frame.right(),
            geo.frame.y_range(),
        );
        let thumb_height = (track.height() * in_view / rows).max(20.0);
        let travel = track.height() - thumb_height;
        let max_top = (rows - in_view).max(1e-3);
        let thumb_top = track.top() + travel * (self.top_row / max_top).clamp(0.0, 1.0);
        let thumb = Rect::from_x_y_ranges(track.x_range(), thumb_top..=thumb_top + thumb_height);
        let id = ui.scope_id().with("timeline_scrollbar");
        let response = ui.interact(track, id, Sense::click_and_drag());
        response.widget_info(|| WidgetInfo::labeled(Role::ScrollBar, true, "Scroll the lanes"));
        if response.dragged() && travel > 0.0 {
            self.top_row += response.drag_delta().y * max_top / travel;
        } else if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            let page = if p.y < thumb.top() { -in_view } else { in_view };
            self.top_row += page;
        }
        self.top_row = self.top_row.clamp(0.0, max_top);
        let painter = ui.painter_at(geo.frame);
        let visuals = ui.visuals();
        painter.rect_filled(track, 3.0, visuals.extreme_bg_color);
        let fill = if response.hovered() || response.dragged() {
            visuals.widgets.hovered.bg_fill
        } else {
            visuals.widgets.inactive.bg_fill
        };
        painter.rect_filled(thumb.shrink2(vec2(1.0, 0.0)), 3.0, fill);
    }

    /// Draws markers (or density bins) and returns whether one was clicked.
    fn items_ui(
        &mut self,
        ui: &Ui,
        view: &View<'_>,
        geo: &Geometry,
        transform: &PlotTransform,
        commands: &mut Vec<Command>,
    ) -> bool {
        let lanes: Vec<(usize, &Lane)> = visible_lanes(&view.layout.lanes, geo).collect();
        let in_view: usize = lanes
            .iter()
            .map(|(i, _)| view.density.count(*i, geo.from, geo.to))
            .sum();
        self.density_mode = in_view > theme::MAX_MARKERS;
        if self.density_mode {
            density_ui(ui, view, geo, &lanes);
            return false;
        }
        debug_assert!((transform.frame().left() - geo.frame.left()).abs() < 1.0);
        let selected_item = view.selected.and_then(|s| match view.layout.place_of(s) {
            Some(Place::Dated(i)) => Some(i),
            _ => None,
        });
        let painter = ui.painter_at(geo.frame);
        let mut clicked = false;
        for &(_, lane) in &lanes {
            let items = items_in_view(view, lane, geo);
            // Spans first, so point markers stay on top of them.
            for &i in &items {
                let item = &view.layout.items[i];
                if item.is_point() {
                    continue;
                }
                let y = geo.row_y(lane.top + item.row);
                let rect = Rect::from_x_y_ranges(
                    geo.x(item.start)..=geo.x(item.end).max(geo.x(item.start) + 3.0),
                    (y + geo.row_height / 2.0 - 7.0)..=(y + geo.row_height / 2.0 + 7.0),
                );
                let colour = theme::swatch(item.swatch);
                painter.rect_filled(rect, 3.0, theme::faint(colour, theme::SPAN_ALPHA));
                if item.kind == Kind::Direct {
                    painter.rect_stroke(rect, 3.0, Stroke::new(1.0, colour), StrokeKind::Inside);
                }
                let visible = rect.intersect(geo.frame);
                let response = item_widget(ui, view, i, visible);
                if selected_item == Some(i) {
                    painter.rect_stroke(
                        rect.expand(2.0),
                        4.0,
                        theme::SELECTED_STROKE,
                        StrokeKind::Outside,
                    );
                } else if response.hovered() {
                    painter.rect_stroke(
                        rect.expand(1.0),
                        4.0,
                        theme::HOVER_STROKE,
                        StrokeKind::Outside,
                    );
                }
                if response.clicked() {
                    clicked = true;
                    commands.push(Command::Select(Some(item.representative())));
                }
            }
            // Point markers, row by row, merged where they would cover each other.
            for row in 0..lane.rows {
                let points: Vec<usize> = items
                    .iter()
                    .copied()
                    .filter(|&i| view.layout.items[i].is_point() && view.layout.items[i].row == row)
                    .collect();
                let xs: Vec<f64> = points
                    .iter()
                    .map(|&i| f64::from(geo.x(view.layout.items[i].mid())))
                    .collect();
                let y = geo.row_y(lane.top + row) + geo.row_height / 2.0;
                for cluster in clusters(&xs, f64::from(theme::CLUSTER_GAP)) {
                    let members = &points[cluster.clone()];
                    #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
                    let x = ((xs[cluster.start] + xs[cluster.end - 1]) / 2.0) as f32;
                    let centre = pos2(x, y);
                    let selected = selected_item.is_some_and(|s| members.contains(&s));
                    if members.len() == 1 {
                        clicked |=
                            marker_ui(ui, &painter, view, members[0], centre, selected, commands);
                    } else {
                        clicked |= self
                            .cluster_ui(ui, &painter, view, members, centre, selected, commands);
                    }
                }
            }
        }
        clicked
    }

    #[expect(clippy::too_many_arguments, reason = "drawing context for one cluster")]
    fn cluster_ui(
        &mut self,
        ui: &Ui,
        painter: &egui::Painter,
        view: &View<'_>,
        members: &[usize],
        centre: Pos2,
        selected: bool,
        commands: &mut Vec<Command>,
    ) -> bool {
        let items: Vec<&Item> = members.iter().map(|&i| &view.layout.items[i]).collect();
        let first = items.iter().map(|i| i.start).fold(f64::INFINITY, f64::min);
        let last = items
            .iter()
            .map(|i| i.end)
            .fold(f64::NEG_INFINITY, f64::max);
        let statements: usize = items.iter().map(|i| i.statement_count()).sum();
        let colour = theme::swatch(majority_swatch(&items));
        let r = theme::BADGE_RADIUS;
        let rect = Rect::from_center_size(centre, Vec2::splat(2.0 * r + 4.0));
        let dates = day_span_label(first, last);
        let same_day = last - first <= 1.0;
        let label = format!("{} events on {dates}", members.len());
        let id = ui
            .scope_id()
            .with(("timeline_cluster", members[0], members.len()));
        let response = ui.interact(rect, id, Sense::click());
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        painter.circle_filled(centre, r, colour);
        painter.circle_stroke(centre, r, Stroke::new(1.0, Color32::from_black_alpha(140)));
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            members.len().to_string(),
            theme::badge(),
            Color32::WHITE,
        );
        if selected {
            painter.circle_stroke(centre, r + 2.5, theme::SELECTED_STROKE);
        } else if response.hovered() {
            painter.circle_stroke(centre, r + 1.5, theme::HOVER_STROKE);
        }
        let clicked = response.clicked();
        response.on_hover_ui(|ui| {
            ui.set_max_width(380.0);
            ui.strong(format!(
                "{} events, {statements} statements · {dates}",
                members.len()
            ));
            for item in items.iter().take(8) {
                ui.label(statement_label(view.ds, item.representative()));
            }
            if items.len() > 8 {
                ui.weak(format!("… and {} more", items.len() - 8));
            }
            ui.weak(if same_day {
                "Click to select the first; the arrow keys step through them"
            } else {
                "Click to zoom in"
            });
        });
        if clicked {
            if same_day {
                commands.push(Command::Select(Some(items[0].representative())));
            } else {
                let pad = ((last - first) * 0.25).max(1.0);
                self.days = Some(clamp_width(first - pad, last + pad));
            }
        }
        clicked
    }

    /// Pan, zoom, fit and click-to-clear, from the plot's response.
    #[expect(clippy::too_many_arguments, reason = "one frame's interaction inputs")]
    fn navigate(
        &mut self,
        ui: &Ui,
        view: &View<'_>,
        geo: &Geometry,
        response: &Response,
        labels: Rect,
        clicked_item: bool,
        commands: &mut Vec<Command>,
    ) {
        let Some((from, to)) = self.days else {
            return;
        };
        let mut days = (from, to);
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if response.hovered() {
            let anchor = pointer.map_or((from + to) / 2.0, |p| geo.day_at(p.x));
            let factor = f64::from((scroll.y * theme::WHEEL_ZOOM_SPEED).exp() * zoom);
            if (factor - 1.0).abs() > 1e-6 {
                days = clamp_width(
                    anchor - (anchor - from) / factor,
                    anchor + (to - anchor) / factor,
                );
            }
            if scroll.x != 0.0 {
                let shift = -f64::from(scroll.x) * (to - from) / f64::from(geo.frame.width());
                days = (days.0 + shift, days.1 + shift);
            }
        } else if pointer.is_some_and(|p| labels.contains(p)) && scroll.y != 0.0 {
            self.top_row -= scroll.y / geo.row_height;
        }
        if response.dragged() {
            let delta = response.drag_delta();
            let shift = -f64::from(delta.x) * (to - from) / f64::from(geo.frame.width());
            days = (days.0 + shift, days.1 + shift);
            self.top_row -= delta.y / geo.row_height;
        }
        if response.double_clicked() {
            self.fit_pending = true;
        } else if response.clicked() && !clicked_item {
            if self.density_mode {
                if let Some(p) = response.interact_pointer_pos() {
                    let anchor = geo.day_at(p.x);
                    let width = (to - from) / 4.0;
                    days = clamp_width(anchor - width / 2.0, anchor + width / 2.0);
                }
            } else if view.selected.is_some() {
                commands.push(Command::Select(None));
            }
        }
        if days != (from, to) {
            self.days = Some(days);
            ui.ctx().request_repaint();
        }
    }
}

/// The view that shows `extent` with a margin, at least two weeks wide.
fn fitted(extent: Option<(f64, f64)>) -> (f64, f64) {
    let Some((a, b)) = extent else {
        let today = chrono::Utc::now().date_naive();
        let d = day_number(today);
        return (d - 30.0, d + 1.0);
    };
    let width = (b - a).max(14.0);
    let mid = (a + b) / 2.0;
    let half = width * 0.56;
    (mid - half, mid + half)
}

fn clamp_width(from: f64, to: f64) -> (f64, f64) {
    let width = to - from;
    let mid = (from + to) / 2.0;
    let clamped = width.clamp(theme::MIN_VIEW_DAYS, theme::MAX_VIEW_DAYS);
    if (clamped - width).abs() < f64::EPSILON {
        (from, to)
    } else {
        (mid - clamped / 2.0, mid + clamped / 2.0)
    }
}

fn visible_lanes<'a>(
    lanes: &'a [Lane],
    geo: &Geometry,
) -> impl Iterator<Item = (usize, &'a Lane)> + 'a {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "row numbers"
    )]
    let first = geo.top_row.floor().max(0.0) as u32;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "row numbers"
    )]
    let last = (geo.top_row + geo.rows_in_view()).ceil().max(0.0) as u32;
    let start = lanes.partition_point(|l| l.top + l.rows <= first);
    lanes[start..]
        .iter()
        .enumerate()
        .take_while(move |(_, l)| l.top <= last)
        .map(move |(i, l)| (start + i, l))
}

/// The lane's items that reach into the view, in time order.
fn items_in_view(view: &View<'_>, lane: &Lane, geo: &Geometry) -> Vec<usize> {
    let items = &view.layout.items;
    let end = lane.items.partition_point(|&i| items[i].start < geo.to);
    let start = lane.items[..end].partition_point(|&i| items[i].start < geo.from - lane.longest);
    lane.items[start..end]
        .iter()
        .copied()
        .filter(|&i| items[i].end > geo.from)
        .collect()
}

/// One statement's marker: shape by kind, colour by conflict, a named clickable widget.
fn marker_ui(
    ui: &Ui,
    painter: &egui::Painter,
    view: &View<'_>,
    item_idx: usize,
    centre: Pos2,
    selected: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let item = &view.layout.items[item_idx];
    let colour = theme::swatch(item.swatch);
    let r = theme::MARKER_RADIUS;
    match item.kind {
        Kind::Direct => {
            painter.circle_filled(centre, r, colour);
            painter.circle_stroke(centre, r, Stroke::new(1.0, Color32::from_black_alpha(150)));
        }
        Kind::Reported => {
            let d = r * 1.25;
            let points = vec![
                centre + vec2(0.0, -d),
                centre + vec2(d, 0.0),
                centre + vec2(0.0, d),
                centre + vec2(-d, 0.0),
            ];
            painter.add(Shape::convex_polygon(
                points,
                theme::faint(colour, 90),
                Stroke::new(2.0, colour),
            ));
        }
    }
    let rect = Rect::from_center_size(centre, Vec2::splat(2.0 * r + 6.0));
    let response = item_widget(ui, view, item_idx, rect);
    if selected {
        painter.circle_stroke(centre, r + 3.0, theme::SELECTED_STROKE);
    } else if response.hovered() {
        painter.circle_stroke(centre, r + 2.0, theme::HOVER_STROKE);
    }
    let clicked = response.clicked();
    if clicked {
        commands.push(Command::Select(Some(item.representative())));
    }
    clicked
}

/// The clickable, named, tooltipped widget behind an item's drawing.
fn item_widget(ui: &Ui, view: &View<'_>, item_idx: usize, rect: Rect) -> Response {
    let item = &view.layout.items[item_idx];
    let rep = item.representative();
    let id = ui
        .scope_id()
        .with(("timeline_item", item.event, item.lane, rep));
    let response = ui.interact(rect, id, Sense::click());
    let label = statement_label(view.ds, rep);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    response.on_hover_ui(|ui| statement_tooltip_ui(ui, view, rep))
}

/// Who, when (and why that date), what, and how many outlets.
pub fn statement_tooltip_ui(ui: &mut Ui, view: &View<'_>, s: StatementIdx) {
    let Some(st) = view.ds.statements.get(s) else {
        return;
    };
    ui.set_max_width(380.0);
    let speaker = view.ds.speakers.get(st.speaker);
    let name = speaker.map_or("?", |sp| sp.name.as_str());
    let date = st.date.value.bounds().map(|(first, _)| first);
    let role = st
        .role
        .as_deref()
        .or_else(|| speaker.and_then(|sp| sp.role_on(date)));
    ui.strong(name);
    if let Some(role) = role {
        ui.weak(role);
    }
    ui.label(format!(
        "{} ({}: {})",
        format_date(&st.date.value),
        st.date.value.precision().as_str(),
        st.date.basis
    ));
    if let Some(conflict) = view.ds.conflict_name(st) {
        ui.label(conflict);
    }
    let quote = first_words(view.ds.statement_text(st), 30);
    ui.label(
        egui::RichText::new(match st.kind {
            Kind::Direct => format!("“{quote}”"),
            Kind::Reported => quote,
        })
        .italics(),
    );
    let outlets = view.index.outlet_count(view.ds, s);
    ui.weak(format!(
        "{} · reported by {outlets} outlet{}",
        match st.kind {
            Kind::Direct => "direct quote",
            Kind::Reported => "reported speech",
        },
        if outlets == 1 { "" } else { "s" }
    ));
}

/// Density bins for each visible lane: shading by count, on a log scale.
fn density_ui(ui: &Ui, view: &View<'_>, geo: &Geometry, lanes: &[(usize, &Lane)]) {
    let painter = ui.painter_at(geo.frame);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel counts"
    )]
    let n = (geo.frame.width() / theme::BIN_WIDTH).max(1.0) as usize;
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let mut hovered: Option<(String, u32, f64, f64)> = None;
    let all: Vec<(usize, &Lane, Vec<crate::timeline::lod::Bin>)> = lanes
        .iter()
        .filter(|(_, l)| !matches!(l.kind, LaneKind::Header(_)))
        .map(|&(i, l)| (i, l, view.density.bins(i, geo.from, geo.to, n)))
        .collect();
    let max = all
        .iter()
        .flat_map(|(_, _, bins)| bins.iter().map(|b| b.count))
        .max()
        .unwrap_or(1)
        .max(1);
    let log_max = f64::from(max).ln_1p();
    for (_, lane, bins) in &all {
        let colour = lane
            .swatch
            .map_or(Color32::from_rgb(150, 170, 200), theme::swatch);
        let top = geo.row_y(lane.top) + 3.0;
        let bottom = geo.row_y(lane.top + lane.rows) - 3.0;
        for bin in bins {
            let rect = Rect::from_x_y_ranges(geo.x(bin.start)..=geo.x(bin.end), top..=bottom);
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "0..=255"
            )]
            let alpha = (60.0 + 195.0 * f64::from(bin.count).ln_1p() / log_max) as u8;
            painter.rect_filled(rect, CornerRadius::ZERO, theme::faint(colour, alpha));
            if pointer.is_some_and(|p| rect.contains(p)) {
                hovered = Some((lane.label.clone(), bin.count, bin.start, bin.end));
            }
        }
    }
    if let Some((lane, count, start, end)) = hovered {
        let layer = egui::LayerId::new(egui::Order::Tooltip, Id::unique("timeline_density_tip"));
        if let Some(p) = pointer {
            let text = format!("{lane}: {count} statements, {}", day_span_label(start, end));
            let galley = ui
                .painter()
                .layout_no_wrap(text, theme::small(), Color32::WHITE);
            let rect = Rect::from_min_size(p + vec2(12.0, 12.0), galley.size() + vec2(10.0, 6.0));
            let tip = ui.ctx().layer_painter(layer);
            tip.rect_filled(rect, 3.0, Color32::from_black_alpha(220));
            tip.galley(rect.min + vec2(5.0, 3.0), galley, Color32::WHITE);
        }
    }
}

/// Undated statements, as chips below the timeline.
fn tray_ui(ui: &mut Ui, view: &View<'_>, rect: Rect, commands: &mut Vec<Command>) {
    let mut tray = ui.new_child(UiBuilder::new().max_rect(rect.shrink2(vec2(0.0, 3.0))));
    tray.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!("Undated ({})", view.layout.undated.len()))
                .color(ui.visuals().weak_text_color()),
        )
        .on_hover_text("Statements whose date the text does not fix");
        egui::ScrollArea::horizontal()
            .id_salt("undated_tray")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    // The selected item first, so it is always reachable; then the rest,
                    // up to a number a row of chips can usefully hold.
                    let selected = view.selected.and_then(|s| match view.layout.place_of(s) {
                        Some(Place::Undated(i)) => Some(i),
                        _ => None,
                    });
                    let order = selected.into_iter().chain(
                        (0..view.layout.undated.len())
                            .filter(|&i| Some(i) != selected)
                            .take(theme::MAX_TRAY_CHIPS),
                    );
                    for item in order.map(|i| &view.layout.undated[i]) {
                        let rep = item.representative();
                        let selected = view
                            .layout
                            .statements(item)
                            .iter()
                            .any(|&s| Some(s) == view.selected);
                        let colour = theme::swatch(item.swatch);
                        let name = view
                            .ds
                            .statements
                            .get(rep)
                            .and_then(|s| view.ds.speakers.get(s.speaker))
                            .map_or("?", |s| s.name.as_str());
                        let text = format!(
                            "{name}: {}",
                            first_words(view.ds.statement_text(&view.ds.statements[rep]), 5)
                        );
                        let mut job = LayoutJob::default();
                        job.append("● ", 0.0, TextFormat::simple(theme::small(), colour));
                        job.append(
                            &text,
                            0.0,
                            TextFormat::simple(theme::small(), ui.visuals().text_color()),
                        );
                        let response = ui.add(egui::Button::selectable(selected, job));
                        let label = statement_label(view.ds, rep);
                        response.widget_info(|| {
                            WidgetInfo::selected(Role::Button, true, selected, &label)
                        });
                        let response =
                            response.on_hover_ui(|ui| statement_tooltip_ui(ui, view, rep));
                        if response.clicked() {
                            commands.push(Command::Select(Some(rep)));
                        }
                    }
                    let hidden = view
                        .layout
                        .undated
                        .len()
                        .saturating_sub(theme::MAX_TRAY_CHIPS);
                    if hidden > 0 {
                        ui.weak(format!(
                            "… and {hidden} more: the list sorted by date shows them last"
                        ));
                    }
                });
            });
    });
}

fn legend_ui(ui: &mut Ui) {
    let (rect, _) = ui.allocate_exact_size(vec2(250.0, 18.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let c = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let y = rect.center().y;
    let mut x = rect.left() + 6.0;
    painter.circle_filled(pos2(x, y), 4.5, c);
    x += 9.0;
    x += painter
        .text(
            pos2(x, y),
            Align2::LEFT_CENTER,
            "quoted",
            theme::small(),
            weak,
        )
        .width()
        + 12.0;
    let d = 5.0;
    painter.add(Shape::convex_polygon(
        vec![
            pos2(x, y - d),
            pos2(x + d, y),
            pos2(x, y + d),
            pos2(x - d, y),
        ],
        Color32::TRANSPARENT,
        Stroke::new(1.5, c),
    ));
    x += 9.0;
    x += painter
        .text(
            pos2(x, y),
            Align2::LEFT_CENTER,
            "reported",
            theme::small(),
            weak,
        )
        .width()
        + 12.0;
    painter.rect_filled(
        Rect::from_min_size(pos2(x, y - 4.0), vec2(22.0, 8.0)),
        2.0,
        theme::faint(c, theme::SPAN_ALPHA),
    );
    x += 26.0;
    painter.text(
        pos2(x, y),
        Align2::LEFT_CENTER,
        "month / range",
        theme::small(),
        weak,
    );
}

fn majority_swatch(items: &[&Item]) -> Swatch {
    let mut counts: Vec<(Swatch, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(s, _)| *s == item.swatch) {
            Some((_, n)) => *n += 1,
            None => counts.push((item.swatch, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(Swatch::NoConflict, |(s, _)| s)
}

/// "24 Jun 2025" or "3 Jun 2025 – 9 Jul 2025", for days `[start, end)`.
fn day_span_label(start: f64, end: f64) -> String {
    match (date_of_day(start), date_of_day(end - 1e-6)) {
        (Some(a), Some(b)) if a == b => format_day(a),
        (Some(a), Some(b)) => format!("{} – {}", format_day(a), format_day(b)),
        _ => String::new(),
    }
}

/// A label cut to `width` with an ellipsis.
fn elided(
    ui: &Ui,
    text: &str,
    font: egui::FontId,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font, colour);
    job.wrap = TextWrapping {
        max_width: width.max(10.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// A level of the time grid: its step in days, and which dates are on it.
type GridLevel = (f64, fn(chrono::NaiveDate) -> bool);

/// Grid marks for a time axis: decades, years, quarters, months, fifth days and days,
/// each date once at its coarsest level; finer levels only when they are far enough apart.
pub fn time_grid(input: GridInput) -> Vec<GridMark> {
    let (from, to) = input.bounds;
    let (Some(first), Some(last)) = (date_of_day(from), date_of_day(to)) else {
        return Vec::new();
    };
    let min_step = input.base_step_size;
    let mut marks = Vec::new();
    let levels: [GridLevel; 6] = [
        (3652.0, |d| d.ordinal() == 1 && d.year() % 10 == 0),
        (365.0, |d| d.ordinal() == 1),
        (91.0, |d| d.day() == 1 && (d.month() - 1) % 3 == 0),
        (30.0, |d| d.day() == 1),
        (5.0, |d| d.day() % 5 == 1 && d.day() < 30),
        (1.0, |_| true),
    ];
    let finest = levels
        .iter()
        .rposition(|(step, _)| *step >= min_step)
        .unwrap_or(0);
    let mut push = |date: chrono::NaiveDate| {
        if let Some((step, _)) = levels[..=finest].iter().find(|(_, at)| at(date)) {
            marks.push(GridMark {
                value: day_number(date),
                step_size: *step,
            });
        }
    };
    match levels[finest].0 {
        s if s >= 365.0 => {
            for year in first.year()..=last.year() + 1 {
                if let Some(d) = chrono::NaiveDate::from_ymd_opt(year, 1, 1) {
                    push(d);
                }
            }
        }
        s if s >= 30.0 => {
            let mut d = chrono::NaiveDate::from_ymd_opt(first.year(), first.month(), 1);
            while let Some(date) = d.filter(|d| *d <= last) {
                push(date);
                d = date.checked_add_months(chrono::Months::new(1));
            }
        }
        _ => {
            let mut d = Some(first);
            while let Some(date) = d.filter(|d| *d <= last) {
                push(date);
                d = date.succ_opt();
            }
        }
    }
    marks
}

/// Axis text for a grid mark, by its level: "2025", "Jun", "24".
pub fn time_label(mark: GridMark) -> String {
    let Some(date) = date_of_day(mark.value + 0.5) else {
        return String::new();
    };
    if mark.step_size >= 365.0 {
        date.year().to_string()
    } else if mark.step_size >= 30.0 {
        if date.month() == 1 {
            format_month(date.year(), 1)
        } else {
            MONTHS[date.month0() as usize].to_owned()
        }
    } else {
        date.day().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::day;

    fn grid(from: &str, to: &str, base: f64) -> Vec<GridMark> {
        time_grid(GridInput {
            bounds: (day_number(day(from)), day_number(day(to))),
            base_step_size: base,
        })
    }

    #[test]
    fn years_when_zoomed_out() {
        let marks = grid("2000-06-01", "2025-06-01", 100.0);
        let labels: Vec<String> = marks.iter().map(|m| time_label(*m)).collect();
        assert_eq!(labels.first().map(String::as_str), Some("2000"));
        assert!(labels.contains(&"2025".to_owned()));
        assert!(marks.iter().all(|m| m.step_size >= 365.0));
    }

    #[test]
    fn months_then_days_as_the_view_narrows() {
        let months = grid("2025-01-15", "2025-07-15", 10.0);
        let labels: Vec<String> = months.iter().map(|m| time_label(*m)).collect();
        assert_eq!(labels, ["2025", "Feb", "Mar", "Apr", "May", "Jun", "Jul"]);
        // Quarter starts are marked more strongly than other months.
        let april = months
            .iter()
            .find(|m| time_label(**m) == "Apr")
            .expect("April");
        assert_eq!(april.step_size, 91.0);
        let days = grid("2025-06-20", "2025-06-27", 0.5);
        let labels: Vec<String> = days.iter().map(|m| time_label(*m)).collect();
        assert_eq!(labels, ["20", "21", "22", "23", "24", "25", "26", "27"]);
        let jan = grid("2024-12-30", "2025-01-02", 0.5);
        let labels: Vec<String> = jan.iter().map(|m| time_label(*m)).collect();
        assert_eq!(labels, ["30", "31", "2025", "2"]);
    }

    #[test]
    fn fitting_adds_a_margin_and_a_minimum_width() {
        let (a, b) = fitted(Some((100.0, 101.0)));
        assert!(b - a >= 14.0);
        assert!(a < 100.0 && b > 101.0);
        let (a, b) = fitted(Some((0.0, 1000.0)));
        assert!(a < 0.0 && b > 1000.0 && b - a < 1150.0);
        assert_eq!(clamp_width(0.0, 1.0), (-1.0, 2.0));
    }
}
