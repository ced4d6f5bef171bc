//! The exported image's colours and proportions. The conflict palette is the app's
//! (`ui/theme.rs` builds its colours from [`CONFLICT_RGB`]), so a conflict has the same
//! colour on screen and on paper.

use std::fmt;
use std::str::FromStr;

use crate::timeline::Swatch;

/// Conflict colours: Okabe–Ito, told apart by colour-blind readers too.
pub const CONFLICT_RGB: [[u8; 3]; 8] = [
    [0, 114, 178],
    [213, 94, 0],
    [0, 158, 115],
    [204, 121, 167],
    [230, 159, 0],
    [86, 180, 233],
    [150, 110, 40],
    [120, 90, 200],
];
/// Statements about no identified conflict.
pub const NO_CONFLICT_RGB: [u8; 3] = [120, 120, 120];

/// Conflict colours for print: spread over lightness, so they stay apart in greyscale,
/// and every marker gets a black outline.
const PRINT_RGB: [[u8; 3]; 6] = [
    [0, 0, 0],
    [230, 159, 0],
    [0, 90, 160],
    [190, 190, 190],
    [213, 94, 0],
    [240, 228, 66],
];
const PRINT_NO_CONFLICT_RGB: [u8; 3] = [255, 255, 255];

/// The look of an exported image.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// High contrast, readable when printed in greyscale.
    Print,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Print];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Print => "print",
        }
    }

    pub fn colours(self) -> Colours {
        match self {
            Theme::Light => Colours {
                background: Rgb([255, 255, 255]),
                text: Rgb([30, 30, 34]),
                weak: Rgb([100, 100, 108]),
                grid: Rgb([226, 226, 230]),
                grid_strong: Rgb([190, 190, 198]),
                stripe: Rgb([246, 246, 249]),
                ink: Rgb([60, 60, 70]),
                outline: None,
                span_opacity: 0.30,
                header_opacity: 0.12,
            },
            Theme::Dark => Colours {
                background: Rgb([27, 27, 31]),
                text: Rgb([230, 230, 235]),
                weak: Rgb([160, 160, 170]),
                grid: Rgb([52, 52, 58]),
                grid_strong: Rgb([85, 85, 95]),
                stripe: Rgb([34, 34, 39]),
                ink: Rgb([200, 200, 210]),
                outline: None,
                span_opacity: 0.35,
                header_opacity: 0.22,
            },
            Theme::Print => Colours {
                background: Rgb([255, 255, 255]),
                text: Rgb([0, 0, 0]),
                weak: Rgb([40, 40, 40]),
                grid: Rgb([200, 200, 200]),
                grid_strong: Rgb([90, 90, 90]),
                stripe: Rgb([242, 242, 242]),
                ink: Rgb([0, 0, 0]),
                outline: Some(Rgb([0, 0, 0])),
                span_opacity: 0.45,
                header_opacity: 0.0,
            },
        }
    }

    /// The colour of a conflict swatch in this theme.
    pub fn swatch(self, s: Swatch) -> Rgb {
        match (self, s) {
            (Theme::Print, Swatch::Conflict(i)) => Rgb(PRINT_RGB[i % PRINT_RGB.len()]),
            (Theme::Print, Swatch::NoConflict) => Rgb(PRINT_NO_CONFLICT_RGB),
            (_, Swatch::Conflict(i)) => Rgb(CONFLICT_RGB[i % CONFLICT_RGB.len()]),
            (_, Swatch::NoConflict) => Rgb(NO_CONFLICT_RGB),
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Theme {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Theme::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown theme {s:?} (light, dark or print)"))
    }
}

/// An opaque colour, written as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colours {
    pub background: Rgb,
    pub text: Rgb,
    /// Secondary text: axis labels, the footer.
    pub weak: Rgb,
    pub grid: Rgb,
    /// Grid lines at the coarser level (years when months are shown).
    pub grid_strong: Rgb,
    /// Every other lane's background.
    pub stripe: Rgb,
    /// Density bins of lanes without a conflict colour.
    pub ink: Rgb,
    /// Outline around markers, where fills alone are not enough.
    pub outline: Option<Rgb>,
    /// Opacity of month- and range-dated spans.
    pub span_opacity: f32,
    /// Opacity of a conflict header's tint.
    pub header_opacity: f32,
}

/// Image sizes people ask for by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// 1920×1080.
    Hd,
    /// 3840×2160.
    Uhd,
    /// A4 landscape at 150 dpi: 1754×1240.
    A4,
}

impl Preset {
    pub fn size(self) -> (u32, u32) {
        match self {
            Preset::Hd => (1920, 1080),
            Preset::Uhd => (3840, 2160),
            Preset::A4 => (1754, 1240),
        }
    }
}

impl FromStr for Preset {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "1080p" | "hd" => Ok(Preset::Hd),
            "4k" | "2160p" | "uhd" => Ok(Preset::Uhd),
            "a4" => Ok(Preset::A4),
            _ => Err(format!("unknown preset {s:?} (1080p, 4k or a4)")),
        }
    }
}

/// Sizes in pixels for an image `width`×`height`: everything scales with the image, so
/// a 4K export looks like a 1080p one, only sharper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    pub scale: f32,
}

impl Metrics {
    pub fn for_size(width: u32, height: u32) -> Self {
        #[expect(clippy::cast_precision_loss, reason = "image sizes are small")]
        let scale = (width as f32 / 1600.0)
            .min(height as f32 / 900.0)
            .clamp(0.55, 4.0);
        Self { scale }
    }

    pub fn margin(self) -> f32 {
        28.0 * self.scale
    }
    pub fn title_size(self) -> f32 {
        26.0 * self.scale
    }
    pub fn subtitle_size(self) -> f32 {
        14.0 * self.scale
    }
    pub fn label_size(self) -> f32 {
        13.0 * self.scale
    }
    pub fn axis_size(self) -> f32 {
        12.0 * self.scale
    }
    pub fn footer_size(self) -> f32 {
        11.0 * self.scale
    }
    /// Indent of official lanes under a conflict header.
    pub fn indent(self) -> f32 {
        12.0 * self.scale
    }
    /// Tallest a row gets when there are few.
    pub fn max_row(self) -> f32 {
        34.0 * self.scale
    }
    /// Below this row height stacked rows are merged into one per lane.
    pub fn min_stacked_row(self) -> f32 {
        14.0 * self.scale
    }
    pub fn max_marker_radius(self) -> f32 {
        6.5 * self.scale
    }
    /// Markers smaller than this are unreadable: density bins are drawn instead.
    pub fn min_marker_radius(self) -> f32 {
        2.5 * self.scale
    }
    /// Width of one density bin.
    pub fn bin_width(self) -> f32 {
        4.0 * self.scale
    }
    /// Least gap between two axis labels.
    pub fn label_gap(self) -> f32 {
        14.0 * self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_write_as_hex_and_names_parse() {
        assert_eq!(Rgb([0, 114, 178]).to_string(), "#0072b2");
        assert_eq!("Dark".parse::<Theme>(), Ok(Theme::Dark));
        assert!("sepia".parse::<Theme>().is_err());
        assert_eq!("4k".parse::<Preset>().map(Preset::size), Ok((3840, 2160)));
        assert_eq!(
            Theme::Light.swatch(Swatch::Conflict(9)),
            Rgb(CONFLICT_RGB[1])
        );
    }

    #[test]
    fn print_colours_differ_in_lightness() {
        let lum = |Rgb([r, g, b]): Rgb| {
            0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b)
        };
        let mut l: Vec<f32> = (0..PRINT_RGB.len())
            .map(|i| lum(Theme::Print.swatch(Swatch::Conflict(i))))
            .collect();
        l.sort_by(f32::total_cmp);
        assert!(l.windows(2).all(|w| w[1] - w[0] > 12.0), "{l:?}");
    }
}
