//! Slides: one image per event of the [`Deck`], as the presentation shows them — the
//! quote large, who said it and when, the outlets, and a strip of all the events with
//! this one highlighted. Drawn as SVG and rendered by resvg with the bundled fonts, like
//! the timeline image; written as numbered PNGs and, if asked, one PDF of all of them.

use std::path::{Path, PathBuf};

use miniz_oxide::deflate::{CompressionLevel, compress_to_vec_zlib};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use rayon::prelude::*;

use crate::model::{Dataset, Kind};
use crate::timeline::{Card, Deck, Filter, Stage};

use super::fonts;
use super::svg::{Anchor, Svg, Text, TextBox, axis_ticks};
use super::theme::{Colours, Metrics, Theme};
use super::{ExportError, image, write_atomic};

/// Lines of a quote, as a multiple of its font size.
const LINE_HEIGHT: f32 = 1.3;
/// Each try at fitting a quote shrinks its type by this factor.
const SHRINK: f32 = 0.92;
/// Rows the strip stacks close events into.
const STRIP_ROWS: u32 = 4;
/// Opacity of the events still to come on the strip.
const COMING_OPACITY: f32 = 0.22;
/// PDF points per pixel: pages are the slides' pixels at 96 dpi.
const POINTS_PER_PIXEL: f32 = 0.75;

/// The size and look of the slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlideOptions {
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
}

/// Proportions of a slide, for a slide `scale` times 1600×900.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    scale: f32,
}

impl Sizes {
    fn new(width: u32, height: u32) -> Self {
        #[expect(clippy::cast_precision_loss, reason = "image sizes are small")]
        let scale = (width as f32 / 1600.0)
            .min(height as f32 / 900.0)
            .clamp(0.3, 8.0);
        Self { scale }
    }
    fn margin_x(self) -> f32 {
        64.0 * self.scale
    }
    fn margin_y(self) -> f32 {
        44.0 * self.scale
    }
    fn header(self) -> f32 {
        22.0 * self.scale
    }
    fn largest_quote(self) -> f32 {
        54.0 * self.scale
    }
    /// Quotes that do not fit at this size are cut with an ellipsis.
    fn smallest_quote(self) -> f32 {
        24.0 * self.scale
    }
    fn speaker(self) -> f32 {
        32.0 * self.scale
    }
    fn detail(self) -> f32 {
        22.0 * self.scale
    }
    fn sources(self) -> f32 {
        18.0 * self.scale
    }
    fn accent(self) -> f32 {
        6.0 * self.scale
    }
    fn strip_row(self) -> f32 {
        16.0 * self.scale
    }
    fn marker(self) -> f32 {
        5.0 * self.scale
    }
    fn current_marker(self) -> f32 {
        9.0 * self.scale
    }
    /// The time axis under the strip, in the timeline image's proportions.
    fn axis(self) -> Metrics {
        Metrics {
            scale: 1.2 * self.scale,
        }
    }
}

/// A slide as drawn, with where its text went, so tests can check it stays on the slide.
#[derive(Debug, Clone)]
pub struct SlideDrawing {
    pub svg: String,
    /// The quote's lines.
    pub quote: Vec<TextBox>,
    /// The size the quote is set in: smaller for longer quotes.
    pub quote_size: f32,
    /// Whether the quote was too long even at the smallest size, and was cut.
    pub cut: bool,
    /// "12 / 59".
    pub counter: TextBox,
}

/// Draws slide `i` of `deck`; `None` when there is no such slide.
pub fn draw_slide(
    ds: &Dataset,
    deck: &Deck,
    i: usize,
    opts: &SlideOptions,
) -> Option<SlideDrawing> {
    let card = deck.card(ds, i)?;
    let z = Sizes::new(opts.width, opts.height);
    let c = opts.theme.colours();
    #[expect(clippy::cast_precision_loss, reason = "image sizes are small")]
    let (w, h) = (opts.width as f32, opts.height as f32);
    let (left, right) = (z.margin_x(), w - z.margin_x());
    let colour = opts.theme.swatch(card.swatch);
    let mut svg = Svg::new(opts.width, opts.height, c.background);

    // Header: the conflict on the left, where we are on the right.
    let header_base = z.margin_y() + z.header() * 0.8;
    let side = z.header() * 0.75;
    svg.outlined_rect(
        left,
        header_base - side,
        side,
        side,
        colour,
        1.0,
        c.outline.map(|o| (o, z.scale)),
    );
    let counter_text = format!("{} / {}", i + 1, deck.len());
    let counter = svg.text(&Text {
        text: &counter_text,
        x: right,
        baseline: header_base,
        size: z.header(),
        fill: c.weak,
        bold: false,
        anchor: Anchor::End,
    });
    let conflict = card.conflict.as_deref().unwrap_or("No conflict identified");
    let conflict_x = left + side + z.header() * 0.5;
    let conflict_room = counter.x - conflict_x - z.header();
    if let Some(text) = fonts::elide(conflict, z.header(), true, conflict_room) {
        svg.text(&Text {
            text: &text,
            x: conflict_x,
            baseline: header_base,
            size: z.header(),
            fill: c.text,
            bold: true,
            anchor: Anchor::Start,
        });
    }

    // The strip, bottom up: the axis, then rows of markers above it.
    let axis = z.axis();
    let context_base = h - z.margin_y();
    let label_base = context_base - axis.axis_size() * 1.3;
    let axis_y = label_base - axis.axis_size() * 1.4;
    #[expect(clippy::cast_precision_loss, reason = "a few rows")]
    let strip_top = axis_y - z.strip_row() * (STRIP_ROWS as f32 + 0.5);
    strip(&mut svg, deck, i, opts.theme, z, (left, right), axis_y);

    // Who said it, when, and who reported it, above the strip.
    let sources_base = strip_top - z.sources() * 1.6;
    let detail_base = sources_base - z.sources() * 1.7;
    let speaker_base = detail_base - z.detail() * 1.6;
    attribution(
        &mut svg,
        &card,
        c,
        z,
        (left, right),
        (speaker_base, detail_base, sources_base),
    );

    // The quote takes what is left between the header and the speaker.
    let top = header_base + z.header() * 1.8;
    let bottom = speaker_base - z.speaker() * 1.6;
    let text_left = left + z.accent() * 4.0;
    let quote_text = match card.kind {
        Kind::Direct => format!("“{}”", card.quote),
        Kind::Reported => card.quote.clone(),
    };
    let fitted = fit(&quote_text, right - text_left, (bottom - top).max(1.0), z);
    let line = fitted.size * LINE_HEIGHT;
    #[expect(clippy::cast_precision_loss, reason = "a few lines")]
    let block = fitted.lines.len() as f32 * line;
    let first_top = top + ((bottom - top) - block).max(0.0) / 2.0;
    svg.rect(left, first_top, z.accent(), block, colour, 1.0);
    let quote = fitted
        .lines
        .iter()
        .enumerate()
        .map(|(k, text)| {
            #[expect(clippy::cast_precision_loss, reason = "a few lines")]
            let baseline = first_top + (k as f32 + 0.78) * line;
            svg.text(&Text {
                text,
                x: text_left,
                baseline,
                size: fitted.size,
                fill: c.text,
                bold: false,
                anchor: Anchor::Start,
            })
        })
        .collect();

    Some(SlideDrawing {
        svg: svg.finish(),
        quote,
        quote_size: fitted.size,
        cut: fitted.cut,
        counter,
    })
}

/// Speaker; role, date and kind; outlets: each on a line, cut to the width.
fn attribution(
    svg: &mut Svg,
    card: &Card,
    c: Colours,
    z: Sizes,
    (left, right): (f32, f32),
    (speaker_base, detail_base, sources_base): (f32, f32, f32),
) {
    let width = right - left;
    let detail = card.detail_line();
    let sources = card.sources_line();
    let lines = [
        (&card.speaker, speaker_base, z.speaker(), true, c.text),
        (&detail, detail_base, z.detail(), false, c.weak),
        (&sources, sources_base, z.sources(), false, c.weak),
    ];
    for (text, baseline, size, bold, fill) in lines {
        if let Some(text) = fonts::elide(text, size, bold, width) {
            svg.text(&Text {
                text: &text,
                x: left,
                baseline,
                size,
                fill,
                bold,
                anchor: Anchor::Start,
            });
        }
    }
}

/// Every event of the deck on a time axis: earlier ones drawn, this one large and
/// ringed, later ones faint.
fn strip(
    svg: &mut Svg,
    deck: &Deck,
    current: usize,
    theme: Theme,
    z: Sizes,
    (left, right): (f32, f32),
    axis_y: f32,
) {
    let c = theme.colours();
    let (from, to) = deck.span;
    let width = (right - left).max(1.0);
    #[expect(clippy::cast_possible_truncation, reason = "pixel coordinates")]
    let px_per_day = width / ((to - from) as f32).max(1.0);
    #[expect(clippy::cast_possible_truncation, reason = "pixel coordinates")]
    let x = |day: f64| left + ((day - from) / (to - from)) as f32 * width;
    let axis = z.axis();

    let ticks = axis_ticks(from, to, px_per_day, axis);
    #[expect(clippy::cast_precision_loss, reason = "a few rows")]
    let strip_top = axis_y - z.strip_row() * (STRIP_ROWS as f32 + 0.5);
    for t in &ticks.grid {
        let colour = if t.strong { c.grid_strong } else { c.grid };
        svg.line(
            x(t.day),
            strip_top,
            x(t.day),
            axis_y + axis.axis_size() * 0.4,
            colour,
            z.scale,
        );
    }
    svg.line(left, axis_y, right, axis_y, c.grid_strong, z.scale);
    let label_base = axis_y + axis.axis_size() * 1.4;
    for t in &ticks.labels {
        svg.text(&Text {
            text: &t.text,
            x: x(t.day) + 3.0 * axis.scale,
            baseline: label_base,
            size: axis.axis_size(),
            fill: c.weak,
            bold: false,
            anchor: Anchor::Start,
        });
    }
    for t in &ticks.context {
        svg.text(&Text {
            text: &t.text,
            x: x(t.day).max(left) + 3.0 * axis.scale,
            baseline: label_base + axis.axis_size() * 1.3,
            size: axis.axis_size(),
            fill: c.text,
            bold: true,
            anchor: Anchor::Start,
        });
    }

    let gap = f64::from(2.0 * z.marker() + 2.0 * z.scale) / f64::from(px_per_day);
    let rows = deck.strip_rows(gap, STRIP_ROWS);
    let stroke = (c.outline.unwrap_or(c.background), (0.8 * z.scale).max(0.5));
    let row_y = |row: u32| {
        #[expect(clippy::cast_precision_loss, reason = "a few rows")]
        let row = row as f32;
        axis_y - z.strip_row() * (row + 0.75)
    };
    // The current event last, so it is drawn over its neighbours.
    let order = (0..deck.len())
        .filter(|&k| k != current)
        .chain(std::iter::once(current));
    for k in order {
        let item = &deck.slides()[k];
        let stage = Deck::stage(current, k);
        let fill = theme.swatch(item.swatch);
        let centre = (x(item.mid()), row_y(rows[k]));
        let (r, opacity) = match stage {
            Stage::Past => (z.marker(), 1.0),
            Stage::Current => (z.current_marker(), 1.0),
            Stage::Coming => (z.marker(), COMING_OPACITY),
        };
        if stage == Stage::Current {
            if !item.is_point() {
                let (x0, x1) = (x(item.start), x(item.end));
                let band = z.strip_row() * 0.6;
                svg.rect(
                    x0,
                    centre.1 - band / 2.0,
                    (x1 - x0).max(2.0),
                    band,
                    fill,
                    c.span_opacity,
                );
            }
            svg.circle(
                centre,
                r + 4.0 * z.scale,
                c.background,
                1.0,
                (c.text, 2.0 * z.scale),
            );
        }
        match item.kind {
            Kind::Direct => svg.circle(centre, r, fill, opacity, stroke),
            Kind::Reported => svg.diamond(centre, r, fill, opacity, stroke),
        }
    }
}

/// A quote set as large as fits.
struct Fitted {
    size: f32,
    lines: Vec<String>,
    cut: bool,
}

/// `text` wrapped to `width` at the largest size whose lines fit `height`; at the
/// smallest size, the lines that fit, the last one ending in an ellipsis.
fn fit(text: &str, width: f32, height: f32, z: Sizes) -> Fitted {
    let mut size = z.largest_quote();
    loop {
        let lines = fonts::wrap(text, size, false, width);
        #[expect(clippy::cast_precision_loss, reason = "a few lines")]
        let needed = lines.len() as f32 * size * LINE_HEIGHT;
        if needed <= height {
            return Fitted {
                size,
                lines,
                cut: false,
            };
        }
        if size * SHRINK < z.smallest_quote() {
            break;
        }
        size *= SHRINK;
    }
    let mut lines = fonts::wrap(text, size, false, width);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive count"
    )]
    let room = ((height / (size * LINE_HEIGHT)).floor() as usize).max(1);
    if lines.len() > room {
        let rest = lines[room - 1..].join(" ");
        lines.truncate(room - 1);
        lines.push(fonts::elide(&rest, size, false, width).unwrap_or_else(|| "…".to_owned()));
    }
    Fitted {
        size,
        lines,
        cut: true,
    }
}

/// What to write and where.
#[derive(Debug, Clone)]
pub struct SlidesRequest {
    /// The folder the numbered PNGs go to (made if missing).
    pub dir: PathBuf,
    /// One PDF of every slide, a page each.
    pub pdf: Option<PathBuf>,
    pub filter: Filter,
    pub options: SlideOptions,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlidesSummary {
    /// The PNGs, in slide order.
    pub files: Vec<PathBuf>,
    /// Size of the PDF, when one was written.
    pub pdf_bytes: Option<usize>,
}

/// One rendered slide.
struct Page {
    png: Vec<u8>,
    /// Its pixels as RGB, deflated: a PDF image.
    pdf_image: Option<Vec<u8>>,
}

/// Writes one PNG per slide of the statements `req.filter` lets through, named
/// `slide-001.png` on, and the PDF if asked. PNGs of an earlier, longer deck in the
/// folder are removed, so that the folder holds one deck.
pub fn export_slides(ds: &Dataset, req: &SlidesRequest) -> Result<SlidesSummary, ExportError> {
    let deck = Deck::build(ds, &req.filter.apply(ds));
    if deck.is_empty() {
        return Err(ExportError::NoSlides);
    }
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Write { path, source }
    };
    std::fs::create_dir_all(&req.dir).map_err(write_error(&req.dir))?;
    let opts = req.options;
    let want_pdf = req.pdf.is_some();
    let pages = (0..deck.len())
        .into_par_iter()
        .map(|i| render(ds, &deck, i, &opts, want_pdf))
        .collect::<Result<Vec<Page>, ExportError>>()?;

    let digits = deck.len().to_string().len().max(3);
    let mut files = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let path = req.dir.join(slide_name(i + 1, digits));
        write_atomic(&path, &page.png).map_err(write_error(&path))?;
        files.push(path);
    }
    remove_stale_slides(&req.dir, &files);
    let pdf_bytes = match &req.pdf {
        Some(path) => {
            let images: Vec<&[u8]> = pages
                .iter()
                .filter_map(|p| p.pdf_image.as_deref())
                .collect();
            let bytes = pdf(&images, opts.width, opts.height);
            write_atomic(path, &bytes).map_err(write_error(path))?;
            Some(bytes.len())
        }
        None => None,
    };
    Ok(SlidesSummary { files, pdf_bytes })
}

fn render(
    ds: &Dataset,
    deck: &Deck,
    i: usize,
    opts: &SlideOptions,
    want_pdf: bool,
) -> Result<Page, ExportError> {
    let drawing = draw_slide(ds, deck, i, opts).ok_or(ExportError::NoSlides)?;
    let pixmap = image::render_pixmap(&drawing.svg, opts.width, opts.height)?;
    let pdf_image = want_pdf.then(|| {
        let rgb: Vec<u8> = pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue()]
            })
            .collect();
        compress_to_vec_zlib(&rgb, CompressionLevel::DefaultLevel as u8)
    });
    let png = image::encode_png(pixmap)?;
    Ok(Page { png, pdf_image })
}

/// `slide-007.png`: numbered from 1, zero-padded so names sort in slide order.
fn slide_name(number: usize, digits: usize) -> String {
    format!("slide-{number:0digits$}.png")
}

/// Removes `slide-<number>.png` files in `dir` that this export did not write.
fn remove_stale_slides(dir: &Path, written: &[PathBuf]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let numbered = name
            .strip_prefix("slide-")
            .and_then(|n| n.strip_suffix(".png"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if numbered && !written.contains(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// A PDF with one page per image, each `width`×`height` pixels at 96 dpi. `images`
/// hold deflated RGB.
fn pdf(images: &[&[u8]], width: u32, height: u32) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let refs = |k: usize| {
        let base = i32::try_from(3 + 3 * k).unwrap_or(i32::MAX - 3);
        (Ref::new(base), Ref::new(base + 1), Ref::new(base + 2))
    };
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..images.len()).map(|k| refs(k).0))
        .count(i32::try_from(images.len()).unwrap_or(i32::MAX));
    #[expect(clippy::cast_precision_loss, reason = "image sizes are small")]
    let (w, h) = (
        width as f32 * POINTS_PER_PIXEL,
        height as f32 * POINTS_PER_PIXEL,
    );
    let name = Name(b"Slide");
    for (k, data) in images.iter().enumerate() {
        let (page_id, image_id, content_id) = refs(k);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(tree);
        page.contents(content_id);
        page.resources().x_objects().pair(name, image_id);
        page.finish();

        let mut image = pdf.image_xobject(image_id, data);
        image.filter(pdf_writer::Filter::FlateDecode);
        image.width(i32::try_from(width).unwrap_or(i32::MAX));
        image.height(i32::try_from(height).unwrap_or(i32::MAX));
        image.color_space().device_rgb();
        image.bits_per_component(8);
        image.finish();

        let mut content = Content::new();
        content.save_state();
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
        content.x_object(name);
        content.restore_state();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::fixture::{self, Fixture, day, on};

    fn options(width: u32, height: u32) -> SlideOptions {
        SlideOptions {
            width,
            height,
            theme: Theme::Light,
        }
    }

    fn inside(b: &TextBox, width: f32, height: f32) -> bool {
        b.x >= 0.0 && b.y >= 0.0 && b.x + b.width <= width && b.y + b.height <= height
    }

    #[test]
    fn a_slide_shows_the_quote_who_when_where_and_its_place_in_the_deck() {
        let ds = fixture::small();
        let deck = Deck::build(&ds, &Filter::default().apply(&ds));
        let ceasefire = deck.slide_of(0).expect("on a slide");
        let d = draw_slide(&ds, &deck, ceasefire, &options(1600, 900)).expect("drawn");
        assert_eq!(d.counter.text, format!("{} / 4", ceasefire + 1));
        for text in [
            ">the ceasefire is welcome</text>",
            ">Dmitry Peskov</text>",
            ">24 Jun 2025 · reported speech</text>",
            ">Sources: TASS, Reuters</text>",
            ">Israel–Iran war</text>",
        ] {
            assert!(d.svg.contains(text), "{text} missing");
        }
        assert!(!d.cut);
        // The strip: the current event ringed, three others, the later ones faint.
        assert_eq!(d.svg.matches(r#"opacity="0.22""#).count(), 3 - ceasefire);
        image::parse_svg(&d.svg).expect("the slide parses");
    }

    #[test]
    fn long_quotes_shrink_then_are_cut_but_never_leave_the_slide() {
        let words = "the front line will hold as long as the partners keep their word ";
        let mut sizes = Vec::new();
        for repeat in [1, 12, 60] {
            let text = words.repeat(repeat);
            let mut f = Fixture::default();
            let speaker = f.speaker("A Minister", false);
            let a = f.article("Briefing", Some("Agency"), &text);
            f.statement(
                a,
                text.trim(),
                speaker,
                None,
                on("2025-01-02"),
                Kind::Direct,
                None,
            );
            let ds = f.build();
            let deck = Deck::build(&ds, &Filter::default().apply(&ds));
            for (w, h) in [(1920, 1080), (800, 600), (1080, 1350)] {
                #[expect(clippy::cast_precision_loss, reason = "test sizes")]
                let (fw, fh) = (w as f32, h as f32);
                let d = draw_slide(&ds, &deck, 0, &options(w, h)).expect("drawn");
                assert!(!d.quote.is_empty());
                assert!(
                    d.quote.iter().all(|b| inside(b, fw, fh)),
                    "{w}×{h}, {repeat}"
                );
                if (w, h) == (1920, 1080) {
                    sizes.push((d.quote_size, d.cut));
                }
            }
        }
        assert!(sizes[0].0 > sizes[1].0, "{sizes:?}");
        assert_eq!((sizes[0].1, sizes[1].1, sizes[2].1), (false, false, true));
    }

    #[test]
    fn slide_names_sort_in_slide_order() {
        assert_eq!(slide_name(7, 3), "slide-007.png");
        assert_eq!(slide_name(1234, 4), "slide-1234.png");
    }

    #[test]
    fn an_empty_deck_writes_nothing() {
        let ds = fixture::small();
        let dir = std::env::temp_dir().join(format!("no-slides-{}", std::process::id()));
        let req = SlidesRequest {
            dir: dir.clone(),
            pdf: None,
            filter: Filter {
                dates: Some((day("1990-01-01"), day("1990-12-31"))),
                ..Filter::default()
            },
            options: options(320, 180),
        };
        assert!(matches!(
            export_slides(&ds, &req),
            Err(ExportError::NoSlides)
        ));
        assert!(!dir.exists());
    }
}
