//! Presentation mode: the window full screen, one slide per event of the filter, in time
//! order — the quote large, who said it and when, the outlets, and a strip of all the
//! events with this one highlighted. The slide shown is the selected statement's, so
//! leaving the presentation leaves the last event shown selected on the timeline.

use std::sync::Arc;

use eframe::egui;
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align, Align2, Color32, FontId, Galley, Key, Layout, Modifiers, Pos2, Rect, RichText, Role,
    Sense, Stroke, Ui, UiBuilder, WidgetInfo, pos2, vec2,
};

use crate::export::svg::axis_ticks;
use crate::export::theme::Metrics;
use crate::model::Kind;
use crate::timeline::{Card, Deck, Stage};

use super::{Command, View, theme};

/// What the presentation says besides the slide.
pub struct PresentationInfo<'a> {
    /// What the last export wrote.
    pub notice: Option<&'a str>,
    /// Why the last export failed.
    pub error: Option<&'a str>,
}

/// The presentation holds no state of its own: the slide is the selected statement's.
#[derive(Debug, Default)]
pub struct PresentationPanel;

impl PresentationPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &View<'_>,
        deck: &Deck,
        info: &PresentationInfo<'_>,
    ) -> Vec<Command> {
        let current = view.selected.and_then(|s| deck.slide_of(s)).unwrap_or(0);
        let mut commands = keys(ui, deck, current);
        let area = ui.max_rect();
        let z = theme::present_scale(area.size());
        let inner = area.shrink2(theme::PRESENT_MARGIN * z);
        ui.painter()
            .rect_filled(area, 0.0, theme::PRESENT_BACKGROUND);

        let card = deck.card(view.ds, current);
        let header = Rect::from_min_size(
            inner.min,
            vec2(inner.width(), theme::PRESENT_HEADER * z * 1.6),
        );
        header_ui(
            ui,
            header,
            z,
            deck,
            current,
            card.as_ref(),
            info,
            &mut commands,
        );
        let Some(card) = card else {
            ui.painter().text(
                inner.center(),
                Align2::CENTER_CENTER,
                "No dated statement matches the filter: nothing to present",
                FontId::proportional(theme::PRESENT_DETAIL * z),
                ui.visuals().weak_text_color(),
            );
            return commands;
        };

        // Bottom up: the strip, who said it, then the quote in what is left.
        #[expect(clippy::cast_precision_loss, reason = "a few rows")]
        let strip_height = theme::PRESENT_STRIP_ROW * z * (theme::PRESENT_STRIP_ROWS as f32 + 0.5)
            + theme::PRESENT_AXIS * z * 3.2;
        let strip =
            Rect::from_min_max(pos2(inner.left(), inner.bottom() - strip_height), inner.max);
        if let Some(target) = strip_ui(ui, strip, z, deck, current) {
            commands.push(Command::Select(Some(
                deck.slides()[target].representative(),
            )));
        }
        let below_quote = attribution_ui(ui, &card, z, inner, strip.top());
        let quote_rect = Rect::from_min_max(
            pos2(inner.left(), header.bottom() + theme::PRESENT_HEADER * z),
            pos2(
                inner.right(),
                below_quote - theme::PRESENT_SPEAKER * z * 0.8,
            ),
        );
        quote_ui(ui, &card, z, quote_rect);
        commands
    }
}

/// →, Space and Page Down go on; ← and Page Up go back; Home and End go to the first and
/// last slide; Esc leaves.
fn keys(ui: &mut Ui, deck: &Deck, current: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    // Every key of a group is consumed, so none of them reaches another widget.
    let consume = |ui: &mut Ui, keys: &[Key]| {
        ui.input_mut(|i| {
            keys.iter()
                .filter(|&&k| i.consume_key(Modifiers::NONE, k))
                .count()
                > 0
        })
    };
    let last = deck.len().saturating_sub(1);
    let target = if consume(ui, &[Key::ArrowRight, Key::Space, Key::PageDown]) {
        Some((current + 1).min(last))
    } else if consume(ui, &[Key::ArrowLeft, Key::PageUp]) {
        Some(current.saturating_sub(1))
    } else if consume(ui, &[Key::Home]) {
        Some(0)
    } else if consume(ui, &[Key::End]) {
        Some(last)
    } else {
        None
    };
    if let Some(item) = target.and_then(|t| deck.slides().get(t)) {
        commands.push(Command::Select(Some(item.representative())));
    }
    if consume(ui, &[Key::Escape]) {
        commands.push(Command::LeavePresentation);
    }
    commands
}

/// The conflict on the left; the slide counter and the presentation's buttons on the
/// right.
#[expect(
    clippy::too_many_arguments,
    reason = "the header shows a bit of everything"
)]
fn header_ui(
    ui: &mut Ui,
    rect: Rect,
    z: f32,
    deck: &Deck,
    current: usize,
    card: Option<&Card>,
    info: &PresentationInfo<'_>,
    commands: &mut Vec<Command>,
) {
    let size = theme::PRESENT_HEADER * z;
    ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
        ui.horizontal_centered(|ui| {
            if let Some(card) = card {
                let (swatch, _) = ui.allocate_exact_size(vec2(size, size) * 0.75, Sense::hover());
                ui.painter()
                    .rect_filled(swatch, 0.0, theme::swatch(card.swatch));
                let conflict = card.conflict.as_deref().unwrap_or("No conflict identified");
                ui.label(RichText::new(conflict).size(size).strong());
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let button = |text: &str| egui::Button::new(RichText::new(text).size(size * 0.7));
                if ui.add(button("Leave (Esc)")).clicked() {
                    commands.push(Command::LeavePresentation);
                }
                if ui.add(button("Export slides…")).clicked() {
                    commands.push(Command::PickExportSlides);
                }
                if !deck.is_empty() {
                    ui.add_space(size * 0.5);
                    ui.label(
                        RichText::new(format!("{} / {}", current + 1, deck.len()))
                            .size(size)
                            .color(ui.visuals().weak_text_color()),
                    );
                }
                if let Some(error) = info.error {
                    ui.colored_label(theme::ERROR, error);
                } else if let Some(notice) = info.notice {
                    ui.weak(notice);
                }
            });
        });
    });
}

/// Speaker; role, date and kind; outlets: each a line above `bottom`. Returns the top
/// of the first.
fn attribution_ui(ui: &Ui, card: &Card, z: f32, inner: Rect, bottom: f32) -> f32 {
    let detail = card.detail_line();
    let sources = card.sources_line();
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let lines = [
        (card.speaker.as_str(), theme::PRESENT_SPEAKER, strong),
        (detail.as_str(), theme::PRESENT_DETAIL, weak),
        (sources.as_str(), theme::PRESENT_SOURCES, weak),
    ];
    let galleys: Vec<(&str, Arc<Galley>)> = lines
        .iter()
        .map(|&(text, size, colour)| {
            let font = FontId::proportional(size * z);
            (text, one_line(ui, text, font, colour, inner.width()))
        })
        .collect();
    let gap = theme::PRESENT_SOURCES * z * 0.4;
    let total: f32 = galleys.iter().map(|(_, g)| g.size().y + gap).sum();
    let top = bottom - gap * 2.0 - total;
    let mut y = top;
    for (text, galley) in galleys {
        let rect = Rect::from_min_size(pos2(inner.left(), y), galley.size());
        y += galley.size().y + gap;
        labelled(ui, rect, text);
        ui.painter().galley(rect.min, galley, strong);
    }
    top
}

/// The quote as large as fits `rect`, beside a bar in the conflict's colour.
fn quote_ui(ui: &Ui, card: &Card, z: f32, rect: Rect) {
    let text = match card.kind {
        Kind::Direct => format!("“{}”", card.quote),
        Kind::Reported => card.quote.clone(),
    };
    let indent = theme::PRESENT_ACCENT * z * 4.0;
    let width = (rect.width() - indent).max(10.0);
    let height = rect.height().max(1.0);
    let colour = ui.visuals().strong_text_color();
    let (smallest, largest) = (
        *theme::PRESENT_QUOTE.start() * z,
        *theme::PRESENT_QUOTE.end() * z,
    );
    let mut size = largest;
    let galley = loop {
        let font = FontId::proportional(size);
        let galley = ui
            .painter()
            .layout(text.clone(), font.clone(), colour, width);
        if galley.size().y <= height {
            break galley;
        }
        if size * theme::PRESENT_SHRINK < smallest {
            // Too long even at the smallest size: the lines that fit, then an ellipsis.
            let row = ui.fonts_mut(|f| f.row_height(&font));
            let mut job = LayoutJob::simple(text.clone(), font, colour, width);
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a small positive count"
            )]
            let rows = ((height / row).floor() as usize).max(1);
            job.wrap = TextWrapping {
                max_width: width,
                max_rows: rows,
                break_anywhere: false,
                overflow_character: Some('…'),
            };
            break ui.painter().layout_job(job);
        }
        size *= theme::PRESENT_SHRINK;
    };
    let top = rect.top() + ((height - galley.size().y) / 2.0).max(0.0);
    let bar = Rect::from_min_size(
        pos2(rect.left(), top),
        vec2(theme::PRESENT_ACCENT * z, galley.size().y),
    );
    ui.painter()
        .rect_filled(bar, 0.0, theme::swatch(card.swatch));
    let text_rect = Rect::from_min_size(pos2(rect.left() + indent, top), galley.size());
    labelled(ui, text_rect, &text);
    ui.painter().galley(text_rect.min, galley, colour);
}

/// Every event on a time axis: earlier ones drawn, this one large and ringed, later ones
/// faint. Returns the slide to jump to when the strip was clicked: the event nearest
/// the click.
fn strip_ui(ui: &Ui, rect: Rect, z: f32, deck: &Deck, current: usize) -> Option<usize> {
    let response = ui.interact(
        rect,
        ui.scope_id().with("presentation_strip"),
        Sense::click(),
    );
    response.widget_info(|| {
        WidgetInfo::labeled(Role::Canvas, true, "Events in time: click one to show it")
    });
    let painter = ui.painter_at(rect.expand(theme::PRESENT_CURRENT_MARKER * z * 2.0));
    let (from, to) = deck.span;
    #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
    let days = ((to - from) as f32).max(1.0);
    let px_per_day = rect.width() / days;
    #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
    let x = |day: f64| rect.left() + ((day - from) / (to - from)) as f32 * rect.width();
    let axis_size = theme::PRESENT_AXIS * z;
    let axis_y = rect.bottom() - axis_size * 3.2;
    let visuals = ui.visuals();

    let ticks = axis_ticks(
        from,
        to,
        px_per_day,
        Metrics {
            scale: axis_size / Metrics { scale: 1.0 }.axis_size(),
        },
    );
    for t in &ticks.grid {
        let colour = if t.strong {
            visuals.weak_text_color()
        } else {
            visuals.widgets.noninteractive.bg_stroke.color
        };
        painter.vline(
            x(t.day),
            rect.top()..=axis_y + axis_size * 0.4,
            Stroke::new(1.0, colour),
        );
    }
    painter.hline(
        rect.x_range(),
        axis_y,
        Stroke::new(1.0, visuals.weak_text_color()),
    );
    let label_font = FontId::proportional(axis_size);
    for t in &ticks.labels {
        painter.text(
            pos2(x(t.day) + 3.0 * z, axis_y + axis_size * 0.3),
            Align2::LEFT_TOP,
            &t.text,
            label_font.clone(),
            visuals.weak_text_color(),
        );
    }
    for t in &ticks.context {
        painter.text(
            pos2(
                x(t.day).max(rect.left()) + 3.0 * z,
                axis_y + axis_size * 1.6,
            ),
            Align2::LEFT_TOP,
            &t.text,
            label_font.clone(),
            visuals.strong_text_color(),
        );
    }

    let radius = theme::PRESENT_MARKER * z;
    let gap = f64::from((2.0 * radius + 2.0 * z) / px_per_day);
    let rows = deck.strip_rows(gap, theme::PRESENT_STRIP_ROWS);
    let centres: Vec<Pos2> = deck
        .slides()
        .iter()
        .zip(&rows)
        .map(|(item, &row)| {
            #[expect(clippy::cast_precision_loss, reason = "a few rows")]
            let y = axis_y - theme::PRESENT_STRIP_ROW * z * (row as f32 + 0.75);
            pos2(x(item.mid()), y)
        })
        .collect();
    let order = (0..deck.len())
        .filter(|&k| k != current)
        .chain(std::iter::once(current));
    for k in order {
        let item = &deck.slides()[k];
        let colour = theme::swatch(item.swatch);
        let centre = centres[k];
        let (r, colour) = match Deck::stage(current, k) {
            Stage::Past => (radius, colour),
            Stage::Current => (theme::PRESENT_CURRENT_MARKER * z, colour),
            Stage::Coming => (radius, theme::faint(colour, theme::PRESENT_COMING_ALPHA)),
        };
        if k == current {
            if !item.is_point() {
                let band = Rect::from_x_y_ranges(
                    x(item.start)..=x(item.end).max(x(item.start) + 2.0),
                    centre.y - theme::PRESENT_STRIP_ROW * z * 0.3
                        ..=centre.y + theme::PRESENT_STRIP_ROW * z * 0.3,
                );
                painter.rect_filled(band, 0.0, theme::faint(colour, theme::SPAN_ALPHA));
            }
            painter.circle_filled(centre, r + 4.0 * z, theme::PRESENT_BACKGROUND);
            painter.circle_stroke(centre, r + 4.0 * z, theme::SELECTED_STROKE);
        }
        match item.kind {
            Kind::Direct => {
                painter.circle_filled(centre, r, colour);
            }
            Kind::Reported => {
                let d = r * 1.25;
                painter.add(egui::Shape::convex_polygon(
                    vec![
                        centre + vec2(0.0, -d),
                        centre + vec2(d, 0.0),
                        centre + vec2(0.0, d),
                        centre + vec2(-d, 0.0),
                    ],
                    colour,
                    Stroke::NONE,
                ));
            }
        }
    }

    let click = response
        .clicked()
        .then(|| response.interact_pointer_pos())??;
    (0..centres.len()).min_by(|&a, &b| {
        centres[a]
            .distance_sq(click)
            .total_cmp(&centres[b].distance_sq(click))
    })
}

/// `text` on one line, cut with an ellipsis to `width`.
fn one_line(ui: &Ui, text: &str, font: FontId, colour: Color32, width: f32) -> Arc<Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font, colour);
    job.wrap = TextWrapping {
        max_width: width.max(10.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// Names painted text for screen readers and tests.
fn labelled(ui: &Ui, rect: Rect, text: &str) {
    let id = ui.scope_id().with(("presentation_text", text));
    ui.interact(rect, id, Sense::hover())
        .widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
}
