//! The bundled typeface, measuring and wrapping text with it.
//!
//! The PDF must show its text on a machine with no fonts installed, so the font files ship
//! inside the binary (DejaVu Sans Condensed, Bitstream Vera licence: see
//! `assets/fonts/LICENSE-DejaVu.txt`) and krilla embeds the glyphs used. Widths come from
//! shaping with rustybuzz, the shaper krilla itself uses, so wrapped lines fit exactly.

use rustybuzz::{Face, UnicodeBuffer};

pub static REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSansCondensed.ttf"
));
pub static BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSansCondensed-Bold.ttf"
));

/// Ascender and descender of DejaVu Sans as fractions of the font size (1901 and 483 of
/// 2048 units), for placing baselines in a line box.
pub const ASCENT: f32 = 0.928;
pub const DESCENT: f32 = 0.236;

/// One weight of the typeface: the shaping face for measuring and the font krilla embeds.
pub struct Typeface {
    face: Face<'static>,
    pub font: krilla::text::Font,
}

impl Typeface {
    fn load(data: &'static [u8]) -> Result<Typeface, String> {
        let face = Face::from_slice(data, 0).ok_or("the bundled font cannot be read")?;
        let font =
            krilla::text::Font::new(data.into(), 0).ok_or("the bundled font cannot be embedded")?;
        Ok(Typeface { face, font })
    }

    /// Width of `text` set at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.face, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f32 * size / self.face.units_per_em().max(1) as f32
    }

    /// `text` broken into lines no wider than `width` points: its own line breaks kept,
    /// words wrapped, a word longer than a line split between characters.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for paragraph in text.split('\n') {
            let paragraph = super::super::one_line(paragraph);
            let space = self.width(" ", size);
            let mut line = String::new();
            let mut used = 0.0;
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let w = self.width(word, size);
                if !line.is_empty() && used + space + w <= width {
                    line.push(' ');
                    line.push_str(word);
                    used += space + w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if w <= width {
                    line = word.to_string();
                    used = w;
                    continue;
                }
                // Too long for any line: split between characters (measured one by one, so
                // a huge word costs linear time).
                used = 0.0;
                for c in word.chars() {
                    let w = self.width(c.encode_utf8(&mut [0; 4]), size);
                    if !line.is_empty() && used + w > width {
                        lines.push(std::mem::take(&mut line));
                        used = 0.0;
                    }
                    line.push(c);
                    used += w;
                }
            }
            if !line.is_empty() || lines.is_empty() {
                lines.push(line);
            }
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }

    /// `text` cut with an ellipsis to fit `width` points.
    pub fn fit(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_string();
        }
        let budget = width - self.width("…", size);
        let mut out = String::new();
        let mut used = 0.0;
        for c in text.chars() {
            used += self.width(c.encode_utf8(&mut [0; 4]), size);
            if used > budget {
                break;
            }
            out.push(c);
        }
        out.push('…');
        out
    }
}

/// The regular and bold weights.
pub struct Fonts {
    pub regular: Typeface,
    pub bold: Typeface,
}

impl Fonts {
    pub fn load() -> Result<Fonts, String> {
        Ok(Fonts {
            regular: Typeface::load(REGULAR)?,
            bold: Typeface::load(BOLD)?,
        })
    }
}
