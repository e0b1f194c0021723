//! The bundled typeface, measuring and wrapping text with it.
//!
//! The PDF must show its text on a machine with no fonts installed, so the font files ship
//! inside the binary (DejaVu Sans Condensed, Bitstream Vera licence: see
//! `assets/fonts/LICENSE-DejaVu.txt`) and krilla embeds the glyphs used. Widths come from
//! shaping with rustybuzz, the shaper krilla itself uses, so wrapped lines fit exactly.

use rustybuzz::{Face, UnicodeBuffer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

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
    /// Each word shaped so far: a long sheet repeats the same few thousand words (names,
    /// rooms, verbs), and shaping (building a plan for every run) was the PDF's main cost.
    /// Both measuring and drawing use these glyphs.
    words: RefCell<HashMap<String, Rc<Shaped>>>,
    /// A space, shaped.
    space: Rc<Shaped>,
}

/// A word's glyphs as the shaper placed them, font units.
#[derive(Debug)]
struct Shaped {
    /// (glyph id, cluster start in the word, x advance, x offset, y offset, y advance).
    glyphs: Vec<(u32, usize, i32, i32, i32, i32)>,
    units: i64,
}

/// Most words kept in a typeface's width cache (a few MB at most).
const CACHED_WORDS: usize = 200_000;

impl Typeface {
    fn load(data: &'static [u8]) -> Result<Typeface, String> {
        let face = Face::from_slice(data, 0).ok_or("the bundled font cannot be read")?;
        let font =
            krilla::text::Font::new(data.into(), 0).ok_or("the bundled font cannot be embedded")?;
        let space = Rc::new(shape(&face, " "));
        Ok(Typeface {
            face,
            font,
            words: RefCell::new(HashMap::new()),
            space,
        })
    }

    /// A word's glyphs, shaped once.
    fn word(&self, word: &str) -> Rc<Shaped> {
        if let Some(shaped) = self.words.borrow().get(word) {
            return Rc::clone(shaped);
        }
        let shaped = Rc::new(shape(&self.face, word));
        let mut words = self.words.borrow_mut();
        if words.len() < CACHED_WORDS {
            words.insert(word.to_string(), Rc::clone(&shaped));
        }
        shaped
    }

    /// The glyphs to draw `text` with, placed word by word from the cache; `None` when the
    /// text holds right-to-left script, which must be shaped as a whole line.
    pub fn glyphs(&self, text: &str) -> Option<Vec<krilla::text::KrillaGlyph>> {
        if text.chars().any(right_to_left) {
            return None;
        }
        let em = self.face.units_per_em().max(1) as f32;
        let mut out = Vec::new();
        let mut start = 0;
        for (k, word) in text.split(' ').enumerate() {
            if k > 0 {
                push_glyphs(&mut out, &self.space, start - 1, 1, em);
            }
            if !word.is_empty() {
                push_glyphs(&mut out, &self.word(word), start, word.len(), em);
            }
            start += word.len() + 1;
        }
        Some(out)
    }

    /// Width of `text` set at `size` points, in points: the shaped width of each word (the
    /// bundled face has no kerning across a space), words measured once per typeface.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let mut units = 0;
        for (k, word) in text.split(' ').enumerate() {
            if k > 0 {
                units += self.space.units;
            }
            if !word.is_empty() {
                units += self.word(word).units;
            }
        }
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

/// `text` shaped left to right.
fn shape(face: &Face<'static>, text: &str) -> Shaped {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape(face, &[], buffer);
    let glyphs: Vec<(u32, usize, i32, i32, i32, i32)> = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, p)| {
            (
                info.glyph_id,
                info.cluster as usize,
                p.x_advance,
                p.x_offset,
                p.y_offset,
                p.y_advance,
            )
        })
        .collect();
    let units = glyphs.iter().map(|g| i64::from(g.2)).sum();
    Shaped { glyphs, units }
}

/// The shaped advance of `text`, font units (for tests against the cache).
#[cfg(test)]
fn shaped_units(face: &Face<'static>, text: &str) -> i64 {
    shape(face, text).units
}

/// Appends a word's glyphs, its text at `start..start + len` of the line: each glyph maps
/// to its cluster, up to the next cluster (as krilla's own shaping does).
fn push_glyphs(
    out: &mut Vec<krilla::text::KrillaGlyph>,
    shaped: &Shaped,
    start: usize,
    len: usize,
    em: f32,
) {
    for (i, &(id, cluster, x_advance, x_offset, y_offset, y_advance)) in
        shaped.glyphs.iter().enumerate()
    {
        let end = shaped.glyphs[i + 1..]
            .iter()
            .map(|g| g.1)
            .find(|&c| c != cluster)
            .unwrap_or(len);
        out.push(krilla::text::KrillaGlyph::new(
            krilla::text::GlyphId::new(id),
            x_advance as f32 / em,
            x_offset as f32 / em,
            y_offset as f32 / em,
            y_advance as f32 / em,
            start + cluster..start + end.max(cluster),
            None,
        ));
    }
}

/// Whether a character belongs to a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
fn right_to_left(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measuring_word_by_word_matches_shaping_the_whole_line() {
        let Ok(fonts) = Fonts::load() else {
            panic!("the bundled fonts load")
        };
        for face in [&fonts.regular, &fonts.bold] {
            for text in [
                "Her enters Living room from Kitchen",
                "LX 4, SQ 4 GO",
                "Standby  LX 1A, SM 2",
                "Zoë <x> & \"y\", z — W. AVA Tokyo 1:05.0",
                "as Her slams the Front door · at 1:54.0",
            ] {
                let whole =
                    shaped_units(&face.face, text) as f32 * 10.0 / face.face.units_per_em() as f32;
                let cached = face.width(text, 10.0);
                assert!((whole - cached).abs() < 0.01, "{text}: {whole} vs {cached}");
                // And again from the cache.
                assert_eq!(face.width(text, 10.0), cached);
            }
        }
    }
}
