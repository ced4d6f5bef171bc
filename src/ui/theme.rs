//! Every colour, size and font the UI uses, so the look changes in one place.

use eframe::egui;
use egui::{Color32, FontFamily, FontId, Stroke, Vec2};

use crate::timeline::Swatch;

/// Conflict colours: the export's palette (Okabe–Ito), so screen and image agree.
const PALETTE: [Color32; 8] = {
    let rgb = crate::export::theme::CONFLICT_RGB;
    let mut out = [Color32::BLACK; 8];
    let mut i = 0;
    while i < out.len() {
        out[i] = Color32::from_rgb(rgb[i][0], rgb[i][1], rgb[i][2]);
        i += 1;
    }
    out
};
const NO_CONFLICT: Color32 = {
    let [r, g, b] = crate::export::theme::NO_CONFLICT_RGB;
    Color32::from_rgb(r, g, b)
};

pub fn swatch(s: Swatch) -> Color32 {
    match s {
        Swatch::Conflict(i) => PALETTE[i % PALETTE.len()],
        Swatch::NoConflict => NO_CONFLICT,
    }
}

/// A faint version of a swatch, for month- and range-dated spans and lane tints.
pub fn faint(c: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

pub const SPAN_ALPHA: u8 = 70;
pub const HEADER_ALPHA: u8 = 40;

/// Height of one timeline row, in points; rows grow up to the maximum to fill the plot
/// when there are few.
pub const ROW_HEIGHT: f32 = 20.0;
pub const MAX_ROW_HEIGHT: f32 = 34.0;
/// Most rows a lane stacks same-day events into; more share the last row as a counted
/// badge.
pub const MAX_STACK: u32 = 4;
/// Width of the timeline's vertical scroll bar.
pub const SCROLLBAR_WIDTH: f32 = 8.0;
/// Radius of a statement marker.
pub const MARKER_RADIUS: f32 = 5.5;
/// Markers closer than this (centre to centre) merge into a counted cluster.
pub const CLUSTER_GAP: f32 = 13.0;
/// Radius of a cluster's count badge.
pub const BADGE_RADIUS: f32 = 8.5;
/// Time-axis labels show once marks are this far apart (they are at most four
/// characters: "2025", "Jun", "24"), and are fully opaque from the upper bound.
pub const AXIS_LABEL_SPACING: std::ops::RangeInclusive<f32> = 34.0..=56.0;
/// Width of the lane-label column left of the plot.
pub const LANE_LABEL_WIDTH: f32 = 190.0;
/// Indent of official lanes under a conflict header.
pub const LANE_INDENT: f32 = 12.0;
/// Height of the undated tray.
pub const TRAY_HEIGHT: f32 = 30.0;
/// Most chips the undated tray lays out; it says how many more there are.
pub const MAX_TRAY_CHIPS: usize = 200;
/// From this many statements on, typing in the search box filters after a pause rather
/// than on every key.
pub const DEBOUNCE_FROM: usize = 50_000;
pub const DEBOUNCE_SECONDS: f64 = 0.3;
/// From this many statements on, the view is derived on another thread.
pub const DERIVE_IN_BACKGROUND_FROM: usize = 100_000;
/// Above this many statements in view the timeline draws density bins, not markers.
pub const MAX_MARKERS: usize = 1500;
/// Width of one density bin, in points.
pub const BIN_WIDTH: f32 = 4.0;
/// Narrowest and widest spans of days the view can show.
pub const MIN_VIEW_DAYS: f64 = 3.0;
pub const MAX_VIEW_DAYS: f64 = 365.25 * 200.0;
/// How fast the mouse wheel zooms: factor per point of scroll.
pub const WHEEL_ZOOM_SPEED: f32 = 0.004;

pub const SELECTED_STROKE: Stroke = Stroke {
    width: 2.5,
    color: Color32::from_rgb(255, 210, 0),
};
pub const HOVER_STROKE: Stroke = Stroke {
    width: 1.5,
    color: Color32::WHITE,
};

/// Background of the statement span in the source text.
pub const HIGHLIGHT_BG: Color32 = Color32::from_rgb(255, 226, 120);
pub const HIGHLIGHT_FG: Color32 = Color32::from_rgb(20, 20, 20);
pub const ERROR: Color32 = Color32::from_rgb(220, 80, 70);
pub const WARNING: Color32 = Color32::from_rgb(220, 170, 40);

/// Default sizes of the side and bottom panels.
pub const SOURCE_PANEL_WIDTH: f32 = 400.0;
pub const BOTTOM_PANEL_HEIGHT: f32 = 190.0;
pub const LIST_ROW_HEIGHT: f32 = 20.0;
/// Column widths of the statement list: date, speaker, conflict; the text takes the rest.
pub const LIST_COLUMNS: [f32; 3] = [110.0, 170.0, 170.0];
/// Size of an image exported from the app (File → Export image…).
pub const EXPORT_SIZE: (u32, u32) = (1920, 1080);
pub const DEFAULT_WINDOW: Vec2 = Vec2::new(1400.0, 860.0);

/// The presentation, sized for a window of 1600×900 points; everything scales with the
/// window (see [`present_scale`]), so a projector shows what a laptop shows, larger.
pub const PRESENT_REFERENCE: Vec2 = Vec2::new(1600.0, 900.0);
pub const PRESENT_MARGIN: Vec2 = Vec2::new(64.0, 36.0);
pub const PRESENT_BACKGROUND: Color32 = Color32::from_rgb(22, 22, 26);
pub const PRESENT_HEADER: f32 = 22.0;
/// The quote starts at the largest size and shrinks by [`PRESENT_SHRINK`] until it fits;
/// at the smallest it is cut with an ellipsis.
pub const PRESENT_QUOTE: std::ops::RangeInclusive<f32> = 24.0..=54.0;
pub const PRESENT_SHRINK: f32 = 0.92;
pub const PRESENT_SPEAKER: f32 = 32.0;
pub const PRESENT_DETAIL: f32 = 22.0;
pub const PRESENT_SOURCES: f32 = 18.0;
/// Width of the bar in the conflict's colour beside the quote.
pub const PRESENT_ACCENT: f32 = 6.0;
pub const PRESENT_AXIS: f32 = 14.0;
/// Rows the strip stacks close events into, and their height.
pub const PRESENT_STRIP_ROWS: u32 = 4;
pub const PRESENT_STRIP_ROW: f32 = 16.0;
pub const PRESENT_MARKER: f32 = 5.0;
pub const PRESENT_CURRENT_MARKER: f32 = 9.0;
/// Events still to come show this faint on the strip.
pub const PRESENT_COMING_ALPHA: u8 = 55;

/// How much larger than at [`PRESENT_REFERENCE`] the presentation is drawn in `size`.
pub fn present_scale(size: Vec2) -> f32 {
    (size.x / PRESENT_REFERENCE.x)
        .min(size.y / PRESENT_REFERENCE.y)
        .clamp(0.5, 4.0)
}

pub fn small() -> FontId {
    FontId::new(11.5, FontFamily::Proportional)
}

pub fn body() -> FontId {
    FontId::new(13.5, FontFamily::Proportional)
}

pub fn badge() -> FontId {
    FontId::new(10.5, FontFamily::Proportional)
}

pub fn lane_label() -> FontId {
    FontId::new(12.5, FontFamily::Proportional)
}

pub fn header_label() -> FontId {
    FontId::new(13.0, FontFamily::Proportional)
}

/// Article text in the source panel.
pub fn article() -> FontId {
    FontId::new(14.0, FontFamily::Proportional)
}

/// Fallback fonts for what egui's own font lacks: the shapes the UI draws with,
/// Arabic and Hebrew article text, and the replacement character (�) that stands for
/// undecodable bytes (see `assets/fonts/README.md`).
const FALLBACK_FONTS: [(&str, &[u8]); 4] = [
    (
        "NotoSansSymbols2",
        include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
    ),
    (
        "NotoSansArabic",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansHebrew",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
    ),
    ("NotoSans", crate::export::fonts::REGULAR),
];

/// The app's look: egui's dark theme, a little more generous with spacing, and the
/// fallback fonts.
pub fn apply(ctx: &egui::Context) {
    for (name, bytes) in FALLBACK_FONTS {
        ctx.add_font(egui::epaint::text::FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            [FontFamily::Proportional, FontFamily::Monospace]
                .into_iter()
                .map(|family| egui::epaint::text::InsertFontFamily {
                    family,
                    priority: egui::epaint::text::FontPriority::Lowest,
                })
                .collect(),
        ));
    }
    ctx.set_visuals(egui::Visuals::dark());
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = Vec2::new(8.0, 5.0);
        style.spacing.button_padding = Vec2::new(6.0, 3.0);
    });
}

/// How long after the last edit unsaved work is written to the recovery file.
pub const AUTOSAVE_DELAY: std::time::Duration = std::time::Duration::from_secs(3);
