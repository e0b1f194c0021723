//! How wide text is on a plan: the advance widths of the bundled face (DejaVu Sans
//! Condensed, the face the PDFs embed and the first in the plans' font stack), so a label's
//! box on the page is the box the text really takes, not a guess.
//!
//! Widths are summed glyph advances without kerning (kerning only ever tightens these
//! pairs), read once per character and kept in a table for the characters plans use most.

use crate::cuesheet::format::pdf::text::{BOLD, REGULAR};
use rustybuzz::ttf_parser::Face;
use std::sync::OnceLock;

/// Ascender and descender of the face as fractions of the font size (1901 and 483 of 2048
/// units): a line of text takes this much height above and below its baseline.
pub const ASCENT: f64 = 0.928;
pub const DESCENT: f64 = 0.236;

/// Characters below this have their advance in a table; the rest are looked up.
const TABLE: usize = 0x250;

/// One weight of the face with its table of advances (fractions of the font size).
struct Weight {
    face: Option<Face<'static>>,
    advances: Vec<f64>,
    per_em: f64,
}

impl Weight {
    fn load(data: &'static [u8]) -> Weight {
        let face = Face::parse(data, 0).ok();
        let per_em = face
            .as_ref()
            .map_or(2048.0, |f| f64::from(f.units_per_em().max(1)));
        let mut weight = Weight {
            face,
            advances: Vec::new(),
            per_em,
        };
        weight.advances = (0..TABLE as u32)
            .map(|c| char::from_u32(c).map_or(0.6, |c| weight.lookup(c)))
            .collect();
        weight
    }

    /// The advance of `c` as a fraction of the font size; a character the face lacks takes
    /// a generous 0.7 (whatever face the viewer falls back to).
    fn lookup(&self, c: char) -> f64 {
        if c.is_control() {
            return 0.0;
        }
        self.face
            .as_ref()
            .and_then(|f| f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)))
            .map_or(0.7, |a| f64::from(a) / self.per_em)
    }

    fn advance(&self, c: char) -> f64 {
        self.advances
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| self.lookup(c))
    }
}

fn weight(bold: bool) -> &'static Weight {
    static REGULAR_WEIGHT: OnceLock<Weight> = OnceLock::new();
    static BOLD_WEIGHT: OnceLock<Weight> = OnceLock::new();
    if bold {
        BOLD_WEIGHT.get_or_init(|| Weight::load(BOLD))
    } else {
        REGULAR_WEIGHT.get_or_init(|| Weight::load(REGULAR))
    }
}

/// Width of `content` set at `size` (millimetres), millimetres.
pub fn width(content: &str, size: f64, bold: bool) -> f64 {
    let face = weight(bold);
    content.chars().map(|c| face.advance(c)).sum::<f64>() * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_face() {
        let narrow = width("iiii", 10.0, false);
        let wide = width("MMMM", 10.0, false);
        assert!(narrow > 0.0 && wide > narrow * 2.0);
        assert!(width("Kitchen", 3.0, true) > width("Kitchen", 3.0, false));
        // A character outside the table and outside the face still takes room.
        assert!(width("\u{1F600}", 3.0, false) > 1.0);
    }
}
