//! The timeline as an SVG document: the same [`TimelineLayout`] the screen draws, set
//! out on a fixed page with a title, a legend, a date axis and a footer naming the
//! sources. Text stays text, so the SVG can be searched and edited; the PNG export
//! renders this document.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::model::{Dataset, Kind};
use crate::timeline::{
    DensityIndex, Filter, Item, LaneKind, LaneMode, LayoutOptions, MONTHS, Swatch, TimelineLayout,
    date_of_day, day_number, format_day, format_month, padded_extent,
};

use super::fonts::{self, text_width};
use super::theme::{Colours, Metrics, Rgb, Theme};

/// Most rows a lane stacks same-day events into, as on screen.
const MAX_STACK: u32 = 4;
/// Outlets the footer names before it says how many more there are.
const MAX_FOOTER_OUTLETS: usize = 12;

/// What the image shows besides the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageOptions {
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    /// The heading; by default "Statement Timeline".
    pub title: Option<String>,
    /// The export date the footer names: a parameter, so that an export is a pure
    /// function of its inputs.
    pub date: NaiveDate,
}

impl ImageOptions {
    pub fn new(width: u32, height: u32, date: NaiveDate) -> Self {
        Self {
            width,
            height,
            theme: Theme::default(),
            title: None,
            date,
        }
    }
}

/// A piece of text as placed: its box's top-left corner and size, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// The SVG and where its main parts went, so tests can check the pixels.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub svg: String,
    pub title: TextBox,
    /// Each lane label drawn, with the lane's index in the layout. Labels that would
    /// overprint another are left out.
    pub lane_labels: Vec<(usize, TextBox)>,
    /// Markers drawn, one per dated item; 0 when density bins were drawn instead.
    pub markers: usize,
    pub density: bool,
    /// Statements passing the filter, and those of them without a date (not drawn).
    pub shown: usize,
    pub undated: usize,
}

/// Draws the statements `filter` lets through, in lanes by `mode`.
pub fn draw(ds: &Dataset, filter: &Filter, mode: LaneMode, opts: &ImageOptions) -> Drawing {
    let shown = filter.apply(ds);
    let m = Metrics::for_size(opts.width, opts.height);
    let c = opts.theme.colours();
    #[expect(clippy::cast_precision_loss, reason = "image sizes are small")]
    let (w, h) = (opts.width.max(1) as f32, opts.height.max(1) as f32);
    // A row per lane first: whether stacked rows fit is known only once the page is
    // set out (see below), and a large corpus has too many lanes for them.
    let mut layout = TimelineLayout::build(ds, &shown, &LayoutOptions { mode, max_stack: 1 });
    let undated: usize = layout.undated.iter().map(Item::statement_count).sum();

    let mut svg = Svg::new(opts.width, opts.height, c.background);

    // Title, subtitle.
    let title_text = opts
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Statement Timeline".to_owned());
    let left = m.margin();
    let right = w - m.margin();
    let title_base = m.margin() + m.title_size() * 0.8;
    let title_shown =
        fonts::elide(&title_text, m.title_size(), true, right - left).unwrap_or_default();
    let title = svg.text(&Text {
        text: &title_shown,
        x: left,
        baseline: title_base,
        size: m.title_size(),
        fill: c.text,
        bold: true,
        anchor: Anchor::Start,
    });
    let mut subtitle = filter.describe(ds, shown.len());
    if let Some((a, b)) = layout.extent {
        subtitle.push_str(" · ");
        subtitle.push_str(&span_label(a, b));
    }
    let sub_base = title_base + m.subtitle_size() * 1.6;
    if let Some(sub) = fonts::elide(&subtitle, m.subtitle_size(), false, right - left) {
        svg.text(&Text {
            text: &sub,
            x: left,
            baseline: sub_base,
            size: m.subtitle_size(),
            fill: c.weak,
            bold: false,
            anchor: Anchor::Start,
        });
    }

    // Footer, bottom up: sources, then the axis above it.
    let footer_base = h - m.margin() * 0.7;
    let footer = footer_text(ds, &layout, undated, opts.date, m, right - left);
    svg.text(&Text {
        text: &footer,
        x: left,
        baseline: footer_base,
        size: m.footer_size(),
        fill: c.weak,
        bold: false,
        anchor: Anchor::Start,
    });
    let axis_bottom = footer_base - m.footer_size() * 1.8;
    let axis_height = m.axis_size() * 3.2;
    let plot_bottom = axis_bottom - axis_height;

    // The label column: as wide as the longest label, within reason.
    let label_col = layout
        .lanes
        .iter()
        .map(|l| text_width(&l.label, m.label_size(), is_header(l.kind)) + m.indent())
        .fold(90.0 * m.scale, f32::max)
        .min(w * 0.26)
        + m.label_size();
    let plot_left = left + label_col;
    let plot_w = (right - plot_left).max(1.0);

    let legend_top = sub_base + m.subtitle_size() * 1.0;
    // Draw the legend later, once we know whether bins replace markers; measure now.
    let legend_rows = legend_entries(ds, &layout, false, 1.0, c, opts.theme);
    let legend_h = legend_height(&legend_rows, m, right - left);
    let plot_top = legend_top + legend_h + m.label_size() * 0.8;
    let plot_h = (plot_bottom - plot_top).max(1.0);

    // Rows: as tall as fit, up to a maximum. Same-day items stack into up to
    // `MAX_STACK` rows a lane, unless that makes rows too thin: then one row per lane.
    // Stacking only adds rows, so when a row per lane is already too thin stacking is
    // not tried.
    #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
    let row_height =
        |layout: &TimelineLayout| (plot_h / layout.rows.max(1) as f32).min(m.max_row());
    let mut row_h = row_height(&layout);
    if row_h >= m.min_stacked_row() {
        layout.restack(MAX_STACK);
        row_h = row_height(&layout);
        if row_h < m.min_stacked_row() {
            layout.restack(1);
            row_h = row_height(&layout);
        }
    }
    let (from, to) = padded_extent(layout.extent);
    let xmap = XMap {
        from,
        to,
        left: plot_left,
        width: plot_w,
    };
    #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
    let lanes_h = row_h * layout.rows as f32;
    let radius = (row_h * 0.34).min(m.max_marker_radius());
    #[expect(clippy::cast_precision_loss, reason = "item counts are small enough")]
    let covered = layout.items.len() as f32 * (2.0 * radius + 2.0).powi(2);
    let density = !layout.items.is_empty()
        && (radius < m.min_marker_radius() || covered > 0.25 * plot_w * lanes_h.max(row_h));

    // Lane backgrounds: header tints and alternate stripes.
    for (i, lane) in layout.lanes.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
        let (y, lh) = (plot_top + lane.top as f32 * row_h, lane.rows as f32 * row_h);
        match (lane.kind, lane.swatch) {
            (LaneKind::Header(_), Some(s)) if c.header_opacity > 0.0 => {
                svg.rect(
                    left,
                    y,
                    right - left,
                    lh,
                    opts.theme.swatch(s),
                    c.header_opacity,
                );
            }
            (LaneKind::Header(_), _) => svg.rect(left, y, right - left, lh, c.stripe, 1.0),
            _ if i % 2 == 1 => svg.rect(left, y, right - left, lh, c.stripe, 1.0),
            _ => {}
        }
    }

    // Grid and axis.
    let ticks = axis_ticks(from, to, xmap.px_per_day(), m);
    let grid_bottom = plot_top + lanes_h.max(row_h);
    for t in &ticks.grid {
        let x = xmap.x(t.day);
        let colour = if t.strong { c.grid_strong } else { c.grid };
        svg.line(
            x,
            plot_top,
            x,
            grid_bottom + m.axis_size() * 0.4,
            colour,
            m.scale,
        );
    }
    svg.line(
        plot_left,
        grid_bottom,
        right,
        grid_bottom,
        c.grid_strong,
        m.scale,
    );
    let axis_base = grid_bottom + m.axis_size() * 1.4;
    for t in &ticks.labels {
        svg.text(&Text {
            text: &t.text,
            x: xmap.x(t.day) + 3.0 * m.scale,
            baseline: axis_base,
            size: m.axis_size(),
            fill: c.weak,
            bold: false,
            anchor: Anchor::Start,
        });
    }
    for t in &ticks.context {
        svg.text(&Text {
            text: &t.text,
            x: xmap.x(t.day).max(plot_left) + 3.0 * m.scale,
            baseline: axis_base + m.axis_size() * 1.3,
            size: m.axis_size(),
            fill: c.text,
            bold: true,
            anchor: Anchor::Start,
        });
    }

    // Lane labels: headers first, then officials where they fit without overprinting.
    let mut taken: Vec<(f32, f32)> = Vec::new();
    let mut lane_labels = Vec::new();
    for headers in [true, false] {
        for (i, lane) in layout.lanes.iter().enumerate() {
            if is_header(lane.kind) != headers {
                continue;
            }
            let size = m.label_size();
            #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
            let centre = plot_top + (lane.top as f32 + 0.5) * row_h;
            let (top, bottom) = (centre - size * 0.65, centre + size * 0.65);
            if taken.iter().any(|&(a, b)| top < b && a < bottom) {
                continue;
            }
            let indent = if mode == LaneMode::ByConflict && !headers {
                m.indent()
            } else {
                0.0
            };
            let mut x = left + indent;
            if headers && let Some(s) = lane.swatch {
                let side = size * 0.7;
                svg.rect(
                    x,
                    centre - side / 2.0,
                    side,
                    side,
                    opts.theme.swatch(s),
                    1.0,
                );
                x += side + size * 0.4;
            }
            let max_w = plot_left - x - size * 0.5;
            let Some(label) = fonts::elide(&lane.label, size, headers, max_w) else {
                continue;
            };
            taken.push((top, bottom));
            let placed = svg.text(&Text {
                text: &label,
                x,
                baseline: centre + size * 0.36,
                size,
                fill: c.text,
                bold: headers,
                anchor: Anchor::Start,
            });
            lane_labels.push((i, placed));
        }
    }
    lane_labels.sort_by_key(|(i, _)| *i);

    // The statements.
    let mut markers = 0;
    let bin_days;
    if density {
        let index = DensityIndex::build(&layout);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a positive pixel count"
        )]
        let n = (plot_w / m.bin_width()).max(1.0) as usize;
        let bins: Vec<_> = (0..layout.lanes.len())
            .map(|i| index.bins(i, from, to, n))
            .collect();
        let max = bins
            .iter()
            .flatten()
            .map(|b| b.count)
            .max()
            .unwrap_or(1)
            .max(1);
        for (lane, lane_bins) in layout.lanes.iter().zip(&bins) {
            #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
            let (y, lh) = (plot_top + lane.top as f32 * row_h, lane.rows as f32 * row_h);
            let colour = lane.swatch.map_or(c.ink, |s| opts.theme.swatch(s));
            let bars = lane_bins.iter().map(|b| {
                let frac = (f64::from(b.count) / f64::from(max)).sqrt();
                #[expect(clippy::cast_possible_truncation, reason = "a fraction")]
                let bh = lh * (0.2 + 0.7 * frac as f32);
                let x0 = xmap.x(b.start);
                let x1 = xmap.x(b.end);
                (x0, y + (lh - bh) / 2.0, (x1 - x0).max(1.0), bh)
            });
            svg.bars(bars, colour, 0.9);
        }
        #[expect(clippy::cast_precision_loss, reason = "a bin count")]
        {
            bin_days = (to - from) / n as f64;
        }
    } else {
        bin_days = 0.0;
        for item in &layout.items {
            let lane = &layout.lanes[item.lane];
            #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
            let cy = plot_top + ((lane.top + item.row) as f32 + 0.5) * row_h;
            marker(&mut svg, item, &xmap, cy, radius, row_h, opts.theme, c);
            markers += 1;
        }
    }
    if layout.items.is_empty() {
        let message = if shown.is_empty() {
            "No statement matches the filter"
        } else {
            "No dated statement matches the filter"
        };
        svg.text(&Text {
            text: message,
            x: plot_left + plot_w / 2.0,
            baseline: plot_top + plot_h / 2.0,
            size: m.subtitle_size(),
            fill: c.weak,
            bold: false,
            anchor: Anchor::Middle,
        });
    }

    // The legend, now that we know what the marks mean.
    let legend_rows = legend_entries(ds, &layout, density, bin_days, c, opts.theme);
    draw_legend(&mut svg, &legend_rows, left, legend_top, right - left, m, c);

    Drawing {
        svg: svg.finish(),
        title,
        lane_labels,
        markers,
        density,
        shown: shown.len(),
        undated,
    }
}

fn is_header(kind: LaneKind) -> bool {
    matches!(kind, LaneKind::Header(_))
}

/// Days to pixels.
struct XMap {
    from: f64,
    to: f64,
    left: f32,
    width: f32,
}

impl XMap {
    fn x(&self, day: f64) -> f32 {
        #[expect(clippy::cast_possible_truncation, reason = "pixel coordinates")]
        let frac = ((day - self.from) / (self.to - self.from)) as f32;
        self.left + frac * self.width
    }

    fn px_per_day(&self) -> f32 {
        #[expect(clippy::cast_possible_truncation, reason = "pixel coordinates")]
        let days = (self.to - self.from) as f32;
        self.width / days.max(1.0)
    }
}

/// "Apr 2025 – Jun 2025", "Jun 2025" or "2024 – 2025", for days `[a, b)`.
fn span_label(a: f64, b: f64) -> String {
    match (date_of_day(a), date_of_day(b - 0.5)) {
        (Some(x), Some(y)) if (x.year(), x.month()) == (y.year(), y.month()) => {
            if x == y {
                format_day(x)
            } else {
                format_month(x.year(), x.month())
            }
        }
        (Some(x), Some(y)) => format!(
            "{} – {}",
            format_month(x.year(), x.month()),
            format_month(y.year(), y.month())
        ),
        _ => String::new(),
    }
}

#[expect(clippy::too_many_arguments, reason = "one mark, every knob of it")]
fn marker(
    svg: &mut Svg,
    item: &Item,
    xmap: &XMap,
    cy: f32,
    r: f32,
    row_h: f32,
    theme: Theme,
    c: Colours,
) {
    let fill = theme.swatch(item.swatch);
    if !item.is_point() {
        let x0 = xmap.x(item.start);
        let x1 = xmap.x(item.end);
        let sh = row_h * 0.5;
        svg.outlined_rect(
            x0,
            cy - sh / 2.0,
            (x1 - x0).max(2.0),
            sh,
            fill,
            c.span_opacity,
            c.outline.map(|o| (o, (r * 0.15).max(0.6))),
        );
    }
    let cx = xmap.x(item.mid());
    let stroke = c.outline.unwrap_or(c.background);
    let width = (r * 0.22).max(0.8);
    match item.kind {
        Kind::Direct => svg.circle((cx, cy), r, fill, 1.0, (stroke, width)),
        Kind::Reported => svg.diamond((cx, cy), r, fill, 1.0, (stroke, width)),
    }
}

/// One legend entry: a mark and its words.
enum Mark {
    Swatch(Rgb),
    Circle(Rgb),
    Diamond(Rgb),
    Span(Rgb, f32),
    Bar(Rgb),
}

struct Entry {
    mark: Mark,
    text: String,
}

fn legend_entries(
    ds: &Dataset,
    layout: &TimelineLayout,
    density: bool,
    bin_days: f64,
    c: Colours,
    theme: Theme,
) -> Vec<Entry> {
    let mut swatches: Vec<(Swatch, Option<usize>)> = Vec::new();
    for item in &layout.items {
        if !swatches.iter().any(|(s, _)| *s == item.swatch) {
            swatches.push((item.swatch, ds.statements[item.representative()].conflict));
        }
    }
    swatches.sort_by_key(|(s, _)| match s {
        Swatch::Conflict(i) => *i,
        Swatch::NoConflict => usize::MAX,
    });
    let mut entries: Vec<Entry> = swatches
        .into_iter()
        .map(|(s, conflict)| Entry {
            mark: Mark::Swatch(theme.swatch(s)),
            text: conflict
                .and_then(|i| ds.conflicts.get(i))
                .map_or_else(|| "No conflict identified".to_owned(), |c| c.name.clone()),
        })
        .collect();
    if density {
        let days = bin_days.round().max(1.0);
        entries.push(Entry {
            mark: Mark::Bar(c.ink),
            text: format!("taller bar: more statements per {days} days"),
        });
    } else {
        entries.push(Entry {
            mark: Mark::Circle(c.ink),
            text: "direct quote".to_owned(),
        });
        entries.push(Entry {
            mark: Mark::Diamond(c.ink),
            text: "reported speech".to_owned(),
        });
        entries.push(Entry {
            mark: Mark::Span(c.ink, c.span_opacity),
            text: "dated to a month or a range".to_owned(),
        });
    }
    entries
}

fn entry_width(e: &Entry, m: Metrics) -> f32 {
    let size = m.label_size();
    let mark = if matches!(e.mark, Mark::Span(..)) {
        size * 1.8
    } else {
        size
    };
    mark + size * 0.4 + text_width(&e.text, size, false) + size * 1.4
}

fn legend_height(entries: &[Entry], m: Metrics, width: f32) -> f32 {
    let mut rows = 1.0;
    let mut x = 0.0;
    for e in entries {
        let ew = entry_width(e, m);
        if x > 0.0 && x + ew > width {
            rows += 1.0;
            x = 0.0;
        }
        x += ew;
    }
    rows * m.label_size() * 1.6
}

fn draw_legend(
    svg: &mut Svg,
    entries: &[Entry],
    left: f32,
    top: f32,
    width: f32,
    m: Metrics,
    c: Colours,
) {
    let size = m.label_size();
    let line = size * 1.6;
    let (mut x, mut y) = (0.0, top + line / 2.0);
    let stroke = c.outline.unwrap_or(c.background);
    for e in entries {
        let ew = entry_width(e, m);
        if x > 0.0 && x + ew > width {
            x = 0.0;
            y += line;
        }
        let mx = left + x;
        let r = size * 0.4;
        let mark_w = match e.mark {
            Mark::Swatch(rgb) => {
                svg.outlined_rect(
                    mx,
                    y - size * 0.35,
                    size * 0.7,
                    size * 0.7,
                    rgb,
                    1.0,
                    c.outline.map(|o| (o, m.scale)),
                );
                size
            }
            Mark::Circle(rgb) => {
                let _ = write!(
                    svg.out,
                    r#"<circle cx="{:.1}" cy="{y:.1}" r="{r:.2}" fill="{rgb}" stroke="{stroke}"/>"#,
                    mx + r
                );
                size
            }
            Mark::Diamond(rgb) => {
                let d = r * 1.25;
                let cx = mx + r;
                let _ = write!(
                    svg.out,
                    r#"<path d="M{cx:.1},{:.1}L{:.1},{y:.1}L{cx:.1},{:.1}L{:.1},{y:.1}Z" fill="{rgb}" stroke="{stroke}"/>"#,
                    y - d,
                    cx + d,
                    y + d,
                    cx - d
                );
                size
            }
            Mark::Span(rgb, opacity) => {
                svg.rect(mx, y - size * 0.3, size * 1.6, size * 0.6, rgb, opacity);
                size * 1.8
            }
            Mark::Bar(rgb) => {
                svg.rect(mx, y - size * 0.15, size * 0.25, size * 0.3, rgb, 0.9);
                svg.rect(
                    mx + size * 0.35,
                    y - size * 0.45,
                    size * 0.25,
                    size * 0.9,
                    rgb,
                    0.9,
                );
                size
            }
        };
        svg.out.push('\n');
        svg.text(&Text {
            text: &e.text,
            x: mx + mark_w + size * 0.4,
            baseline: y + size * 0.36,
            size,
            fill: c.text,
            bold: false,
            anchor: Anchor::Start,
        });
        x += ew;
    }
}

/// "Sources: AP, Reuters, TASS · 1 undated statement not shown · Exported 21 Nov 2026
/// with Statement Timeline", shortened to fit.
fn footer_text(
    ds: &Dataset,
    layout: &TimelineLayout,
    undated: usize,
    date: NaiveDate,
    m: Metrics,
    width: f32,
) -> String {
    // A flag per article, not a set: a million statements name some 80,000 articles.
    let mut drawn = vec![false; ds.articles.len()];
    for item in &layout.items {
        for &s in layout.statements(item) {
            drawn[ds.statements[s].article] = true;
        }
    }
    let articles = || (0..ds.articles.len()).filter(|&a| drawn[a]);
    let outlets: BTreeSet<&str> = articles()
        .filter_map(|a| ds.articles[a].outlet.as_deref())
        .collect();
    let outlets: Vec<&str> = outlets.into_iter().collect();
    let unnamed = articles()
        .filter(|&a| ds.articles[a].outlet.is_none())
        .count();
    let tail = {
        let mut t = String::new();
        if unnamed > 0 {
            let noun = if unnamed == 1 {
                "article that names no outlet"
            } else {
                "articles that name no outlet"
            };
            let and = if outlets.is_empty() { "" } else { " and " };
            let _ = write!(t, "{and}{unnamed} {noun}");
        }
        if undated > 0 {
            let noun = if undated == 1 {
                "statement"
            } else {
                "statements"
            };
            let _ = write!(t, " · {undated} undated {noun} not shown");
        }
        let _ = write!(
            t,
            " · Exported {} with Statement Timeline",
            format_day(date)
        );
        t
    };
    let size = m.footer_size();
    let mut named = outlets.len().min(MAX_FOOTER_OUTLETS);
    loop {
        let mut text = if outlets.is_empty() {
            if unnamed == 0 {
                "Sources: none shown".to_owned()
            } else {
                "Sources: ".to_owned()
            }
        } else {
            format!("Sources: {}", outlets[..named].join(", "))
        };
        if named < outlets.len() {
            let _ = write!(text, " and {} more", outlets.len() - named);
        }
        text.push_str(&tail);
        if named <= 1 || text_width(&text, size, false) <= width {
            return fonts::elide(&text, size, false, width).unwrap_or(text);
        }
        named -= 1;
    }
}

/// A label on the time axis at the start of its period.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLabel {
    pub day: f64,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridLine {
    pub day: f64,
    /// At the coarser (context) level: a year among months, a month among days.
    pub strong: bool,
}

/// A time axis: also the presentation's strip on screen, so slides and screen agree.
#[derive(Debug, Default)]
pub struct Ticks {
    pub grid: Vec<GridLine>,
    /// The fine level: days, months or years.
    pub labels: Vec<AxisLabel>,
    /// The coarser level under it: the month of the days, the year of the months.
    pub context: Vec<AxisLabel>,
}

/// Levels of the time axis, finest first: their period in days (roughly), which dates
/// start a period, and how a period is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Day,
    FiveDays,
    Month,
    Quarter,
    Year,
    FiveYears,
    Decade,
}

impl Level {
    const ALL: [Level; 7] = [
        Level::Day,
        Level::FiveDays,
        Level::Month,
        Level::Quarter,
        Level::Year,
        Level::FiveYears,
        Level::Decade,
    ];

    fn days(self) -> f32 {
        match self {
            Level::Day => 1.0,
            Level::FiveDays => 5.0,
            Level::Month => 30.4,
            Level::Quarter => 91.3,
            Level::Year => 365.25,
            Level::FiveYears => 1826.0,
            Level::Decade => 3652.5,
        }
    }

    fn starts(self, d: NaiveDate) -> bool {
        match self {
            Level::Day => true,
            Level::FiveDays => d.day() % 5 == 1 && d.day() < 30,
            Level::Month => d.day() == 1,
            Level::Quarter => d.day() == 1 && d.month0().is_multiple_of(3),
            Level::Year => d.ordinal() == 1,
            Level::FiveYears => d.ordinal() == 1 && d.year() % 5 == 0,
            Level::Decade => d.ordinal() == 1 && d.year() % 10 == 0,
        }
    }

    fn label(self, d: NaiveDate) -> String {
        match self {
            Level::Day | Level::FiveDays => d.day().to_string(),
            Level::Month | Level::Quarter => MONTHS[d.month0() as usize].to_owned(),
            Level::Year | Level::FiveYears | Level::Decade => d.year().to_string(),
        }
    }

    /// The coarser level that names what a label of this level belongs to.
    fn context(self) -> Option<Level> {
        match self {
            Level::Day | Level::FiveDays => Some(Level::Month),
            Level::Month | Level::Quarter => Some(Level::Year),
            _ => None,
        }
    }

    fn context_label(self, d: NaiveDate) -> String {
        match self {
            Level::Month => format_month(d.year(), d.month()),
            _ => d.year().to_string(),
        }
    }

    /// The widest label of this level, to know whether labels fit.
    fn widest(self) -> &'static str {
        match self {
            Level::Day | Level::FiveDays => "30",
            Level::Month | Level::Quarter => "May",
            _ => "2030",
        }
    }
}

/// The time axis for days `[from, to)` at `px_per_day`: the finest level whose labels
/// fit side by side, and under it the coarser level they belong to. Labels that would
/// still touch (short months) are left out.
pub fn axis_ticks(from: f64, to: f64, px_per_day: f32, m: Metrics) -> Ticks {
    let size = m.axis_size();
    let gap = m.label_gap();
    let level = Level::ALL
        .into_iter()
        .find(|l| l.days() * px_per_day >= text_width(l.widest(), size, false) + gap)
        .unwrap_or(Level::Decade);
    let (Some(first), Some(last)) = (date_of_day(from), date_of_day(to)) else {
        return Ticks::default();
    };
    let mut ticks = Ticks::default();
    let context = level.context();
    let mut last_right = f32::NEG_INFINITY;
    let mut last_context_right = f32::NEG_INFINITY;
    let px = |day: f64| {
        #[expect(clippy::cast_possible_truncation, reason = "pixel offsets")]
        let p = ((day - from) as f32) * px_per_day;
        p
    };
    // The first context label names the period the axis starts in.
    if let Some(ctx) = context {
        let name = ctx.context_label(first);
        last_context_right = text_width(&name, size, true) + gap;
        ticks.context.push(AxisLabel {
            day: from,
            text: name,
        });
    }
    for date in walk(first, last, level) {
        let day = day_number(date);
        if day < from {
            continue;
        }
        let strong = context.is_some_and(|ctx| ctx.starts(date));
        ticks.grid.push(GridLine { day, strong });
        let x = px(day);
        if strong && let Some(ctx) = context {
            let name = ctx.context_label(date);
            let w = text_width(&name, size, true);
            if x >= last_context_right {
                // A new period replaces the edge label when they would touch.
                ticks.context.push(AxisLabel { day, text: name });
                last_context_right = x + w + gap;
            } else if ticks.context.len() == 1 && ticks.context[0].day == from {
                ticks.context[0] = AxisLabel { day, text: name };
                last_context_right = x + w + gap;
            }
        }
        let text = level.label(date);
        let w = text_width(&text, size, false);
        if x >= last_right {
            ticks.labels.push(AxisLabel { day, text });
            last_right = x + w + gap;
        }
    }
    ticks
}

/// The dates from `first` to `last` that start a period of `level`, stepping at most a
/// day at a time only for day levels.
fn walk(first: NaiveDate, last: NaiveDate, level: Level) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    match level {
        Level::Day | Level::FiveDays => {
            let mut d = Some(first);
            while let Some(date) = d.filter(|d| *d <= last) {
                if level.starts(date) {
                    out.push(date);
                }
                d = date.succ_opt();
            }
        }
        Level::Month | Level::Quarter => {
            let mut d = NaiveDate::from_ymd_opt(first.year(), first.month(), 1);
            while let Some(date) = d.filter(|d| *d <= last) {
                if level.starts(date) {
                    out.push(date);
                }
                d = date.checked_add_months(chrono::Months::new(1));
            }
        }
        Level::Year | Level::FiveYears | Level::Decade => {
            for year in first.year()..=last.year() {
                if let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1)
                    && level.starts(date)
                {
                    out.push(date);
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

pub(crate) struct Text<'a> {
    pub text: &'a str,
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub fill: Rgb,
    pub bold: bool,
    pub anchor: Anchor,
}

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    pub(crate) fn new(width: u32, height: u32, background: Rgb) -> Self {
        let mut out = String::with_capacity(64 * 1024);
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{}">"#,
            fonts::FAMILY
        );
        let _ = writeln!(
            out,
            r#"<rect x="0" y="0" width="{width}" height="{height}" fill="{background}"/>"#
        );
        Self { out }
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb, opacity: f32) {
        self.outlined_rect(x, y, w, h, fill, opacity, None);
    }

    /// A rectangle with an outline, where the theme wants marks outlined (print).
    #[expect(clippy::too_many_arguments, reason = "a rectangle and its paint")]
    pub(crate) fn outlined_rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
        opacity: f32,
        outline: Option<(Rgb, f32)>,
    ) {
        let _ = write!(
            self.out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}""#
        );
        if opacity < 1.0 {
            let _ = write!(self.out, r#" fill-opacity="{opacity:.2}""#);
        }
        if let Some((stroke, width)) = outline {
            let _ = write!(self.out, r#" stroke="{stroke}" stroke-width="{width:.2}""#);
        }
        self.out.push_str("/>\n");
    }

    /// Rectangles `(x, y, width, height)` of one paint as one path: a lane of density
    /// bins is one element to parse and fill, not hundreds.
    pub(crate) fn bars(
        &mut self,
        bars: impl IntoIterator<Item = (f32, f32, f32, f32)>,
        fill: Rgb,
        opacity: f32,
    ) {
        let mut d = String::new();
        for (x, y, w, h) in bars {
            for (command, v) in [('M', x), (' ', y), ('h', w), ('v', h), ('h', -w)] {
                d.push(command);
                push_tenths(&mut d, v);
            }
            d.push('z');
        }
        if !d.is_empty() {
            let _ = writeln!(
                self.out,
                r#"<path d="{d}" fill="{fill}" fill-opacity="{opacity:.2}"/>"#
            );
        }
    }

    pub(crate) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, stroke: Rgb, width: f32) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width:.2}"/>"#
        );
    }

    /// Writes a text element and returns the box it takes.
    pub(crate) fn text(&mut self, t: &Text<'_>) -> TextBox {
        let width = text_width(t.text, t.size, t.bold);
        let x = match t.anchor {
            Anchor::Start => t.x,
            Anchor::Middle => t.x - width / 2.0,
            Anchor::End => t.x - width,
        };
        let anchor = match t.anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        };
        let weight = if t.bold { r#" font-weight="bold""# } else { "" };
        let _ = writeln!(
            self.out,
            r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" fill="{}"{weight}{anchor}>{}</text>"#,
            t.x,
            t.baseline,
            t.size,
            t.fill,
            escape(t.text)
        );
        TextBox {
            text: t.text.to_owned(),
            x,
            y: t.baseline - t.size * 0.76,
            width,
            height: t.size * 0.98,
        }
    }

    /// A circle; `opacity` below 1 makes fill and stroke translucent.
    pub(crate) fn circle(
        &mut self,
        (cx, cy): (f32, f32),
        r: f32,
        fill: Rgb,
        opacity: f32,
        (stroke, width): (Rgb, f32),
    ) {
        let _ = write!(
            self.out,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.2}" fill="{fill}" stroke="{stroke}" stroke-width="{width:.2}""#
        );
        self.opacity(opacity);
    }

    /// A diamond `r * 1.25` from centre to corner: the mark of reported speech.
    pub(crate) fn diamond(
        &mut self,
        (cx, cy): (f32, f32),
        r: f32,
        fill: Rgb,
        opacity: f32,
        (stroke, width): (Rgb, f32),
    ) {
        let d = r * 1.25;
        let _ = write!(
            self.out,
            r#"<path d="M{cx:.1},{:.1}L{:.1},{cy:.1}L{cx:.1},{:.1}L{:.1},{cy:.1}Z" fill="{fill}" stroke="{stroke}" stroke-width="{width:.2}""#,
            cy - d,
            cx + d,
            cy + d,
            cx - d
        );
        self.opacity(opacity);
    }

    fn opacity(&mut self, opacity: f32) {
        if opacity < 1.0 {
            let _ = write!(self.out, r#" opacity="{opacity:.2}""#);
        }
        self.out.push_str("/>\n");
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// Writes `v` as `{v:.1}` does, without the formatting machinery: a 4K export of a
/// million statements writes some 800,000 numbers into its density paths.
fn push_tenths(out: &mut String, v: f32) {
    // Ten times an f32 is exact in an f64, so rounding it rounds the exact value, ties
    // to even, as the formatter does.
    let tenths = (f64::from(v) * 10.0).round_ties_even();
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        let _ = write!(out, "{v:.1}");
        return;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a whole number below 1e15"
    )]
    let tenths = tenths.abs() as u64;
    let _ = write!(out, "{}.", tenths / 10);
    out.push(char::from(b'0' + (tenths % 10) as u8));
}

/// Text as XML character data.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{self, day};

    fn today() -> NaiveDate {
        day("2026-11-21")
    }

    fn labels(ticks: &[AxisLabel]) -> Vec<&str> {
        ticks.iter().map(|t| t.text.as_str()).collect()
    }

    fn ticks(from: &str, to: &str, width: f32) -> Ticks {
        let (a, b) = (day_number(day(from)), day_number(day(to)));
        #[expect(clippy::cast_possible_truncation, reason = "test sizes")]
        let ppd = width / (b - a) as f32;
        axis_ticks(a, b, ppd, Metrics { scale: 1.0 })
    }

    #[test]
    fn the_axis_follows_the_span() {
        let years = ticks("2001-03-01", "2025-06-01", 1500.0);
        assert!(labels(&years.labels).contains(&"2010"));
        assert!(years.context.is_empty());
        let months = ticks("2025-01-15", "2025-07-15", 400.0);
        assert_eq!(
            labels(&months.labels),
            ["Feb", "Mar", "Apr", "May", "Jun", "Jul"]
        );
        assert_eq!(labels(&months.context), ["2025"]);
        let days = ticks("2025-06-20", "2025-07-03", 1500.0);
        assert_eq!(days.labels.first().map(|l| l.text.as_str()), Some("20"));
        assert_eq!(labels(&days.context), ["Jun 2025", "Jul 2025"]);
        assert!(days.grid.iter().any(|g| g.strong));
    }

    #[test]
    fn axis_labels_never_touch() {
        let m = Metrics { scale: 1.0 };
        for width in [200.0, 700.0, 3000.0] {
            let t = ticks("2023-02-10", "2025-06-01", width);
            let (a, b) = (day_number(day("2023-02-10")), day_number(day("2025-06-01")));
            #[expect(clippy::cast_possible_truncation, reason = "test sizes")]
            let ppd = width / (b - a) as f32;
            for pair in t.labels.windows(2) {
                #[expect(clippy::cast_possible_truncation, reason = "test sizes")]
                let gap = (pair[1].day - pair[0].day) as f32 * ppd;
                assert!(
                    gap >= text_width(&pair[0].text, m.axis_size(), false),
                    "{pair:?}"
                );
            }
        }
    }

    #[test]
    fn tenths_are_written_as_the_formatter_writes_them() {
        let mut values = vec![
            0.0_f32, -0.0, 0.05, 0.15, 0.25, -0.04, -0.05, 1.95, 2.45, 3839.95,
        ];
        values.extend((0..20_000).map(|i| (i as f32 - 10_000.0) * 0.173_1));
        values.extend((0..2_000).map(|i| i as f32 * 0.05));
        for v in values {
            let mut ours = String::new();
            push_tenths(&mut ours, v);
            assert_eq!(ours, format!("{v:.1}"), "{v:?}");
        }
    }

    #[test]
    fn the_drawing_names_lanes_title_and_sources() {
        let ds = fixture::small();
        let opts = ImageOptions {
            title: Some("Kremlin & Co <2025>".to_owned()),
            ..ImageOptions::new(1200, 700, today())
        };
        let d = draw(&ds, &Filter::default(), LaneMode::ByConflict, &opts);
        assert!(d.svg.contains("Kremlin &amp; Co &lt;2025&gt;"));
        for lane in [
            "Israel–Iran war",
            "Dmitry Peskov",
            "Sergei Lavrov",
            "Kremlin",
        ] {
            assert!(d.svg.contains(&format!(">{lane}</text>")), "{lane}");
        }
        assert_eq!(d.lane_labels.len(), 5);
        assert!(d.svg.contains("Sources: Reuters, TASS"));
        assert!(d.svg.contains("1 undated statement not shown"));
        assert!(d.svg.contains("Exported 21 Nov 2026"));
        assert_eq!((d.markers, d.density), (4, false));
        assert_eq!(d.svg.matches("<circle").count(), 2 + 1);
        assert_eq!((d.shown, d.undated), (6, 1));
    }

    #[test]
    fn too_many_markers_for_the_pixels_become_density_bins() {
        let ds = crate::export::synthetic(3000, 4, 3);
        let opts = ImageOptions::new(640, 360, today());
        let d = draw(&ds, &Filter::default(), LaneMode::BySpeaker, &opts);
        assert!(d.density);
        assert_eq!(d.markers, 0);
        assert!(!d.svg.contains("<circle cx"));
        // Labels never overprint.
        for pair in d.lane_labels.windows(2) {
            assert!(pair[0].1.y + pair[0].1.height <= pair[1].1.y + 0.01);
        }
    }

    #[test]
    fn an_empty_filter_result_says_so() {
        let ds = fixture::small();
        let f = Filter {
            query: "nothing matches this".into(),
            ..Filter::default()
        };
        let d = draw(
            &ds,
            &f,
            LaneMode::Flat,
            &ImageOptions::new(800, 450, today()),
        );
        assert!(d.svg.contains("No statement matches the filter"));
        assert!(d.lane_labels.is_empty());
    }
}
