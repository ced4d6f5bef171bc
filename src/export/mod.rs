//! Writing what was extracted: the statement JSON that `extract` writes (and the
//! referee scores), the timeline as an image (SVG, PNG), the filtered statements as CSV
//! or TimelineJS JSON, and the presentation's slides (PNG, PDF). The command line and the
//! app both go through [`export_file`] and [`export_slides`], with the same [`Filter`]
//! the screen uses.

pub mod csv;
pub mod fonts;
pub mod image;
pub mod json;
pub mod slides;
pub mod spec;
pub mod svg;
pub mod synthetic;
pub mod theme;
pub mod timelinejs;

use std::path::{Path, PathBuf};

use crate::model::Dataset;
use crate::timeline::{Filter, LaneMode};

pub use crate::atomic::write_atomic;
pub use slides::{SlideOptions, SlidesRequest, SlidesSummary, export_slides};
pub use spec::{FilterSpec, SpecError};
pub use svg::{Drawing, ImageOptions, TextBox};
pub use synthetic::synthetic;
pub use theme::{Preset, Theme};

/// What a file is written as, told by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Csv,
    /// The extract JSON (`.json`).
    Json,
    /// TimelineJS 3 (`.timeline.json`).
    TimelineJs,
}

impl Format {
    /// The format a file name asks for: `.png`, `.svg`, `.csv`, `.timeline.json`, `.json`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".timeline.json") {
            return Some(Format::TimelineJs);
        }
        match path
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase()
            .as_str()
        {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, Format::Png | Format::Svg)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file name does not say which format to write.
    #[error("cannot tell the format of {0}: name it .png, .svg, .csv, .json or .timeline.json")]
    UnknownFormat(PathBuf),
    #[error(transparent)]
    Render(#[from] image::RenderError),
    /// Slides are asked for, but no dated statement passes the filter.
    #[error("no dated statement matches the filter: there are no slides to write")]
    NoSlides,
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What to export and how.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub path: PathBuf,
    pub filter: Filter,
    pub mode: LaneMode,
    /// Size, theme, title and date of an image; ignored by the data formats.
    pub image: ImageOptions,
}

/// What was written, for a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub format: Format,
    /// Statements (CSV), slides (TimelineJS), markers or density bins drawn (images).
    pub written: usize,
    pub bytes: usize,
}

/// The bytes of an export of the statements `req.filter` lets through.
pub fn export_bytes(
    ds: &Dataset,
    req: &ExportRequest,
) -> Result<(Format, Vec<u8>, usize), ExportError> {
    let format =
        Format::from_path(&req.path).ok_or_else(|| ExportError::UnknownFormat(req.path.clone()))?;
    let shown = || req.filter.apply(ds);
    Ok(match format {
        Format::Svg => {
            let d = svg::draw(ds, &req.filter, req.mode, &req.image);
            (format, d.svg.into_bytes(), d.shown - d.undated)
        }
        Format::Png => {
            let d = svg::draw(ds, &req.filter, req.mode, &req.image);
            let png = image::render_png(&d.svg, req.image.width, req.image.height)?;
            (format, png, d.shown - d.undated)
        }
        Format::Csv => {
            let shown = shown();
            (format, csv::to_csv(ds, &shown)?, shown.len())
        }
        Format::TimelineJs => {
            let shown = shown();
            let title = req.image.title.as_deref();
            let doc = timelinejs::timeline(ds, &shown, title);
            let n = doc.events.len();
            let text = serde_json::to_string_pretty(&doc)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            (format, text.into_bytes(), n)
        }
        Format::Json => {
            let shown = shown();
            let text = json::to_json_filtered(ds, &shown);
            (format, text.into_bytes(), shown.len())
        }
    })
}

/// Exports to `req.path`, atomically: the format follows the file name.
pub fn export_file(ds: &Dataset, req: &ExportRequest) -> Result<ExportSummary, ExportError> {
    let (format, bytes, written) = export_bytes(ds, req)?;
    write_atomic(&req.path, &bytes).map_err(|source| ExportError::Write {
        path: req.path.clone(),
        source,
    })?;
    Ok(ExportSummary {
        format,
        written,
        bytes: bytes.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_picks_the_format() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("out/t.PNG"), Some(Format::Png));
        assert_eq!(f("t.svg"), Some(Format::Svg));
        assert_eq!(f("t.csv"), Some(Format::Csv));
        assert_eq!(f("t.json"), Some(Format::Json));
        assert_eq!(f("t.timeline.json"), Some(Format::TimelineJs));
        assert_eq!(f("t.txt"), None);
        assert_eq!(f("t"), None);
    }
}
