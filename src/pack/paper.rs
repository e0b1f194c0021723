//! The sheets oner prints on, always used in landscape.

use clap::ValueEnum;

/// A sheet size. Drawings keep their scale on it: what does not fit is tiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Paper {
    #[default]
    #[value(name = "A4")]
    A4,
    #[value(name = "A3")]
    A3,
    #[value(name = "Letter")]
    Letter,
    #[value(name = "Tabloid")]
    Tabloid,
}

impl Paper {
    /// Width and height in landscape, millimetres.
    pub fn landscape_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (297.0, 210.0),
            Paper::A3 => (420.0, 297.0),
            Paper::Letter => (279.4, 215.9),
            Paper::Tabloid => (431.8, 279.4),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::Letter => "Letter",
            Paper::Tabloid => "Tabloid",
        }
    }
}

/// PostScript points per millimetre: PDF pages are measured in points.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_landscape_and_the_standard_ones() {
        for paper in Paper::value_variants() {
            let (w, h) = paper.landscape_mm();
            assert!(w > h, "{paper:?}");
        }
        // ISO 216: A3 is two A4s side by side.
        assert_eq!(Paper::A3.landscape_mm().1, Paper::A4.landscape_mm().0);
        // ANSI: Tabloid (ledger) is two Letters.
        assert!((Paper::Tabloid.landscape_mm().1 - Paper::Letter.landscape_mm().0).abs() < 1e-9);
    }
}
