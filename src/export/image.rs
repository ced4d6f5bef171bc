//! PNG export: the timeline SVG rendered on the CPU by resvg, with the bundled fonts
//! only, so the same inputs give the same pixels on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

use super::fonts;

/// Why an image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the image size {0}×{1} is empty or too large (at most 16384 on a side)")]
    Size(u32, u32),
    /// The SVG did not parse: a bug in the SVG writer, reported rather than hidden.
    #[error("the exported SVG is invalid: {0}")]
    Svg(#[from] usvg::Error),
    #[error("cannot encode the PNG: {0}")]
    Png(String),
}

/// Largest side of an exported image.
pub const MAX_SIDE: u32 = 16_384;

/// The bundled fonts, and nothing from the system; Noto Sans stands for every generic
/// family.
pub fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    Arc::clone(DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for bytes in fonts::ALL {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family(fonts::FAMILY);
        db.set_serif_family(fonts::FAMILY);
        db.set_monospace_family(fonts::FAMILY);
        db.set_cursive_family(fonts::FAMILY);
        db.set_fantasy_family(fonts::FAMILY);
        Arc::new(db)
    }))
}

/// Options that parse SVG with the bundled fonts.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    }
}

/// Parses an exported SVG, as the PNG export does (tests use it to read SVGs back).
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, RenderError> {
    Ok(usvg::Tree::from_str(svg, &usvg_options())?)
}

/// Renders `svg` to an RGBA pixmap of `width`×`height`, scaling the document to fit.
pub fn render_pixmap(svg: &str, width: u32, height: u32) -> Result<tiny_skia::Pixmap, RenderError> {
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(RenderError::Size(width, height));
    }
    let tree = parse_svg(svg)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(RenderError::Size(width, height))?;
    let size = tree.size();
    #[expect(clippy::cast_precision_loss, reason = "image sizes are small")]
    let (sx, sy) = (width as f32 / size.width(), height as f32 / size.height());
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(sx, sy),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Renders `svg` to PNG bytes of `width`×`height`.
pub fn render_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, RenderError> {
    encode_png(render_pixmap(svg, width, height)?)
}

/// Encodes `pixmap` as PNG with fast compression (fdeflate, made for PNG): a 4K timeline
/// is mostly flat colour, which it packs almost as tightly as the default level, in a
/// fraction of the time.
pub fn encode_png(pixmap: tiny_skia::Pixmap) -> Result<Vec<u8>, RenderError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let rgba = pixmap.take_demultiplied();
    let failed = |e: png::EncodingError| RenderError::Png(e.to_string());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&rgba).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_renders_with_the_bundled_fonts() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#ffffff"/><text x="4" y="28" font-size="24" font-family="Noto Sans">Песков</text></svg>"##;
        let tree = parse_svg(svg).expect("parses");
        assert!(tree.has_text_nodes());
        let pixmap = render_pixmap(svg, 120, 40).expect("renders");
        let inked = pixmap.pixels().iter().filter(|p| p.red() < 128).count();
        assert!(inked > 50, "the text left {inked} dark pixels");
    }

    #[test]
    fn empty_sizes_are_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#;
        assert!(matches!(
            render_png(svg, 0, 10),
            Err(RenderError::Size(0, 10))
        ));
    }
}
