//! One file per output format, each a pure function from a [`Sheet`](super::sheet::Sheet)
//! to the file's contents. Scene text is untrusted: every format escapes it its own way.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod table;
pub mod vtt;
// Hand-offs to the desks (issue 14).
pub mod qlab;
pub mod usitt;
// Editors' and writers' hand-off (issue 14): timeline markers and the screenplay.
pub mod edl;
pub mod fountain;
pub mod marker;
pub mod otio;

/// Paper for the PDF, used in landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PostScript points, landscape.
    pub fn landscape(self) -> (f32, f32) {
        match self {
            Paper::A4 => (841.89, 595.28),
            Paper::Letter => (792.0, 612.0),
        }
    }

    /// The CSS `@page` size name.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// Scene text on one line: control characters dropped, line breaks and tabs as spaces,
/// runs of spaces collapsed.
pub fn one_line(text: &str) -> String {
    let text = crate::escape::strip_control(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each department's colour on printed sheets (chips, legend): dark enough for white text.
pub fn dept_colour(dept: crate::model::Department) -> (u8, u8, u8) {
    use crate::model::Department;
    match dept {
        Department::Lighting => (0xb7, 0x79, 0x1f),
        Department::Sound => (0x2b, 0x6c, 0xb0),
        Department::Camera => (0xc5, 0x30, 0x30),
        Department::StageManagement => (0x4a, 0x55, 0x68),
        Department::Props => (0x2f, 0x85, 0x5a),
        Department::Effects => (0x6b, 0x46, 0xc1),
    }
}

/// The band printed above `row` when its beat differs from the row before's: the beat's
/// title and start (`The news · 0:20.0`), so printed sheets read beat by beat.
pub fn beat_band(sheet: &crate::cuesheet::sheet::Sheet, row: usize) -> Option<String> {
    let this = sheet.rows.get(row)?;
    let before = row.checked_sub(1).and_then(|i| sheet.rows.get(i));
    if this.beat.is_empty()
        || before.is_some_and(|b| b.beat == this.beat && b.beat_at == this.beat_at)
    {
        return None;
    }
    Some(match this.beat_at {
        Some(at) => format!("{} · {}", one_line(&this.beat), sheet.time(at)),
        None => one_line(&this.beat),
    })
}
