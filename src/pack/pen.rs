//! Drawing on a pack page in millimetres: rules, text in the bundled font, crop and
//! registration marks. krilla measures in points; the conversion lives here only.

use super::paper::PT_PER_MM;
use crate::cuesheet::format::pdf::text::{Fonts, Typeface};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;

pub type Colour = (u8, u8, u8);
pub const INK: Colour = (0x1c, 0x1c, 0x1c);
pub const MUTED: Colour = (0x5f, 0x63, 0x68);
pub const RULE: Colour = (0xb8, 0xbc, 0xc2);

pub fn pt(mm: f64) -> f32 {
    (mm * PT_PER_MM) as f32
}

pub struct Pen<'a, 'b, 'c> {
    pub surface: &'a mut Surface<'b>,
    pub fonts: &'c Fonts,
}

impl Pen<'_, '_, '_> {
    /// A straight line `width` mm wide; `dash` mm on and off, if given.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), width: f64, colour: Colour) {
        let mut p = PathBuilder::new();
        p.move_to(pt(from.0), pt(from.1));
        p.line_to(pt(to.0), pt(to.1));
        self.stroke(p, width, colour);
    }

    pub fn circle(&mut self, centre: (f64, f64), r: f64, width: f64, colour: Colour) {
        let (cx, cy, r) = (pt(centre.0), pt(centre.1), pt(r));
        let k = 0.5523 * r;
        let mut p = PathBuilder::new();
        p.move_to(cx + r, cy);
        p.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        p.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        p.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        p.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        p.close();
        self.stroke(p, width, colour);
    }

    fn stroke(&mut self, p: PathBuilder, width: f64, colour: Colour) {
        if let Some(path) = p.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                width: pt(width),
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    /// Text with its baseline at `baseline` mm, `size` in points.
    pub fn text(&mut self, bold: bool, size: f32, x: f64, baseline: f64, text: &str, c: Colour) {
        if text.is_empty() {
            return;
        }
        let face = self.face(bold);
        let font = face.font.clone();
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(c.0, c.1, c.2).into(),
            ..Fill::default()
        }));
        self.surface.draw_text(
            Point::from_xy(pt(x), pt(baseline)),
            font,
            size,
            text,
            false,
            TextDirection::LeftToRight,
        );
    }

    /// Text ending at `right` mm.
    pub fn text_right(
        &mut self,
        bold: bool,
        size: f32,
        right: f64,
        baseline: f64,
        text: &str,
        c: Colour,
    ) {
        let w = self.width(bold, text, size);
        self.text(bold, size, right - w, baseline, text, c);
    }

    /// Width of `text` at `size` points, millimetres.
    pub fn width(&self, bold: bool, text: &str, size: f32) -> f64 {
        f64::from(self.face(bold).width(text, size)) / PT_PER_MM
    }

    /// `text` cut with an ellipsis to fit `width` mm.
    pub fn fit(&self, bold: bool, text: &str, size: f32, width: f64) -> String {
        self.face(bold).fit(text, size, pt(width))
    }

    fn face(&self, bold: bool) -> &Typeface {
        if bold {
            &self.fonts.bold
        } else {
            &self.fonts.regular
        }
    }

    /// Crop marks just outside the corners of the box `(x, y, w, h)` mm: where to trim.
    pub fn crop_marks(&mut self, (x, y, w, h): (f64, f64, f64, f64)) {
        const GAP: f64 = 1.5;
        const LEN: f64 = 4.0;
        for (cx, sx) in [(x, -1.0), (x + w, 1.0)] {
            for (cy, sy) in [(y, -1.0), (y + h, 1.0)] {
                self.line((cx + sx * GAP, cy), (cx + sx * (GAP + LEN), cy), 0.2, INK);
                self.line((cx, cy + sy * GAP), (cx, cy + sy * (GAP + LEN)), 0.2, INK);
            }
        }
    }

    /// A registration mark (a circle and a cross) centred on `at` mm: line up the same mark on
    /// the neighbouring page.
    pub fn registration_mark(&mut self, at: (f64, f64)) {
        const R: f64 = 2.2;
        self.circle(at, R, 0.2, INK);
        self.line((at.0 - R * 1.6, at.1), (at.0 + R * 1.6, at.1), 0.2, INK);
        self.line((at.0, at.1 - R * 1.6), (at.0, at.1 + R * 1.6), 0.2, INK);
    }
}
