//! The look of every plan: palette, font stack, sizes (page millimetres) and the small
//! text helpers that keep scene text safe.
//!
//! One place for these so the overview, the beat plans, the contact sheet and the study pages
//! that reuse the floor all read as one family.

/// Fonts in order of preference; the last resorts exist on almost every system.
/// Text is measured with the bundled DejaVu Sans Condensed ([`super::metrics`]), so it comes
/// first: as "DejaVu Sans Condensed" for fontconfig and browsers, and as "DejaVu Sans" with
/// `font-stretch: condensed` (set on every plan) for renderers that match typographic
/// families, such as usvg. Arial and Helvetica set narrower, so boxes still hold.
pub const FONT_STACK: &str =
    "'DejaVu Sans Condensed', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

/// Page background.
pub const PAPER: &str = "#ffffff";
/// Room floors inside the set.
pub const FLOOR: &str = "#faf8f3";
/// Offstage floor (the studio beyond the set).
pub const OFFSTAGE: &str = "#eef0f2";
/// An exterior on location (a street): open air, paved, no walls.
pub const EXTERIOR: &str = "#ecebe4";
/// Wall lines.
pub const WALL: &str = "#1c1c1c";
/// Secondary ink: door leaves, window glass, jambs.
pub const INK: &str = "#3a3a3a";
/// Quiet ink: labels of the set, arcs, room names.
pub const MUTED: &str = "#6e6e6e";
/// Faint ink: grid lines of the title block, scale bar ticks.
pub const FAINT: &str = "#b8b8b8";
/// Furniture fill and outline; tall furniture (blocks the lens) is darker.
pub const FURNITURE: &str = "#e6e0d4";
pub const FURNITURE_TALL: &str = "#c9bfae";
pub const FURNITURE_EDGE: &str = "#9a9080";
/// Tape marks on the floor.
pub const MARK: &str = "#a0702a";
/// Practical lights.
pub const LAMP: &str = "#f2c230";
/// Props.
pub const PROP: &str = "#7b3fa0";
/// Crew other than the camera.
pub const CREW: &str = "#8b8f98";
/// What the camera sees.
pub const SEEN: &str = "#f0a500";
/// Offstage hatch.
pub const HATCH: &str = "#c9ced4";

/// Font sizes, millimetres on the page.
pub const TITLE_SIZE: f64 = 6.0;
pub const HEADING_SIZE: f64 = 3.0;
pub const BODY_SIZE: f64 = 2.5;
pub const SMALL_SIZE: f64 = 2.1;
pub const ROOM_SIZE: f64 = 3.0;

/// Line widths, millimetres on the page.
pub const WALL_WIDTH: f64 = 1.1;
pub const ROUTE_WIDTH: f64 = 0.6;

/// A scale for ink (line widths, font sizes, symbols) so thumbnails stay in proportion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink(pub f64);

impl Ink {
    pub const FULL: Ink = Ink(1.0);

    pub fn of(self, size: f64) -> f64 {
        size * self.0
    }
}

/// Numbers, scene text and text elements are written the one way every picture writes them.
pub use crate::drawing::{clean, n, text};

/// A `#rrggbb` colour from the scene, or grey when it is anything else. The loader already
/// checks colours; this keeps scene text out of attributes even if that ever changes.
pub fn safe_colour(colour: &str) -> String {
    let ok = colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        colour.to_ascii_lowercase()
    } else {
        CREW.to_string()
    }
}

/// Width of `content` set at `size` in the plans' face, millimetres ([`super::metrics`]).
pub fn text_width(content: &str, size: f64, bold: bool) -> f64 {
    super::metrics::width(content, size, bold)
}

/// Splits `content` into lines no wider than `width` (millimetres) at `size`.
pub fn wrap(content: &str, size: f64, width: f64) -> Vec<String> {
    wrap_weight(content, size, width, false)
}

/// [`wrap`] for regular or bold text.
pub fn wrap_weight(content: &str, size: f64, width: f64, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in clean(content).split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, bold) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `content` cut to fit `width` with an ellipsis.
pub fn fit(content: &str, size: f64, width: f64, bold: bool) -> String {
    let content = clean(content);
    if text_width(&content, size, bold) <= width {
        return content;
    }
    let mut out = String::new();
    for c in content.chars() {
        let next = format!("{out}{c}…");
        if text_width(&next, size, bold) > width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// The CSS shared by every plan: classes keep the files small and the look consistent.
pub fn css() -> String {
    format!(
        ".halo{{paint-order:stroke;stroke:{PAPER};stroke-width:0.55;stroke-linejoin:round}}\
         .wall{{stroke:{WALL};stroke-linecap:square;fill:none}}\
         .room{{fill:{MUTED};font-weight:600;text-anchor:middle}}\
         .label{{fill:{MUTED}}}\
         .bold{{font-weight:700}}\
         .italic{{font-style:italic}}\
         .leader{{fill:none;stroke-width:0.2}}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_from_the_scene_are_checked() {
        assert_eq!(safe_colour("#C0392B"), "#c0392b");
        assert_eq!(safe_colour("\" onload=\"x"), CREW);
        assert_eq!(safe_colour("#12345"), CREW);
    }

    #[test]
    fn wrapping_keeps_lines_short() {
        let lines = wrap("one two three four five six seven", 2.5, 12.0);
        assert!(lines.len() > 2);
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, 2.5, false) <= 12.0 || !l.contains(' '))
        );
        assert!(fit("a long title that does not fit", 3.0, 20.0, false).ends_with('…'));
    }
}
