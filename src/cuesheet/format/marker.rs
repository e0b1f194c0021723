//! Timeline markers for an editor's timeline: one per cue of the sheet and one per line of
//! dialogue, each on a frame of the take with a colour, a short name and a note. The
//! OpenTimelineIO file ([`super::otio`]) and the marker EDL ([`super::edl`]) both write this
//! list, so the two agree with each other and with the cue sheet to the frame.

use super::one_line;
use crate::cuesheet::filter::{Filter, beat_span};
use crate::cuesheet::sheet::Sheet;
use crate::model::{Action, Department, Scene};
use crate::time::Time;

/// The longest marker name, characters: what an editor's marker list shows in a column.
/// The note keeps the whole text.
pub const NAME_CHARS: usize = 100;

/// A marker colour both OpenTimelineIO and DaVinci Resolve have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Red,
    Yellow,
    Green,
    Cyan,
    Blue,
    Purple,
    Magenta,
}

impl Colour {
    /// OpenTimelineIO's `MarkerColor` name.
    pub fn otio(self) -> &'static str {
        match self {
            Colour::Red => "RED",
            Colour::Yellow => "YELLOW",
            Colour::Green => "GREEN",
            Colour::Cyan => "CYAN",
            Colour::Blue => "BLUE",
            Colour::Purple => "PURPLE",
            Colour::Magenta => "MAGENTA",
        }
    }

    /// DaVinci Resolve's marker colour in an EDL (`|C:ResolveColorBlue`).
    pub fn resolve(self) -> &'static str {
        match self {
            Colour::Red => "ResolveColorRed",
            Colour::Yellow => "ResolveColorYellow",
            Colour::Green => "ResolveColorGreen",
            Colour::Cyan => "ResolveColorCyan",
            Colour::Blue => "ResolveColorBlue",
            Colour::Purple => "ResolveColorPurple",
            Colour::Magenta => "ResolveColorFuchsia",
        }
    }

    /// Each department's colour; lines of dialogue are [`Colour::Cyan`].
    pub fn of(dept: Department) -> Colour {
        match dept {
            Department::Lighting => Colour::Yellow,
            Department::Sound => Colour::Blue,
            Department::Camera => Colour::Red,
            Department::StageManagement => Colour::Purple,
            Department::Props => Colour::Green,
            Department::Effects => Colour::Magenta,
        }
    }
}

/// What a marker marks.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A cue of the sheet: its department and number.
    Cue { dept: Department, number: String },
    /// A line of dialogue: the speaker's name.
    Line { who: String, on_camera: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub kind: Kind,
    /// When, as the sheet has it.
    pub at: Time,
    /// The frame of the take it sits on, from 0 at the start of the take.
    pub frame: u64,
    /// How many frames it marks: 1 for a cue, the line's length for a line that gives its end.
    pub frames: u64,
    /// One line, at most [`NAME_CHARS`]: `LX 1 Morning state up`, `Ana: She hums…`.
    pub name: String,
    /// One line: the whole text, where, who, notes.
    pub note: String,
    pub colour: Colour,
}

impl Marker {
    /// `LX 1` for a cue, `Line` for a line.
    pub fn label(&self) -> String {
        match &self.kind {
            Kind::Cue { dept, number } => format!("{} {}", dept.abbreviation(), number),
            Kind::Line { .. } => "Line".to_string(),
        }
    }
}

/// The markers of `sheet` (which must not be a calling sheet: one marker per cue) and the
/// lines of `scene` that `filter` keeps, in time order (cues before lines at the same
/// time, each in sheet or file order). A filter on departments keeps no lines.
pub fn markers(scene: &Scene, sheet: &Sheet, filter: &Filter) -> Vec<Marker> {
    let rate = sheet.frame_rate;
    let mut markers: Vec<Marker> = sheet
        .rows
        .iter()
        .filter(|row| row.call.is_none() || row.call == Some(crate::cuesheet::sheet::Call::Go))
        .map(|row| {
            let label = row.label();
            let note: Vec<String> = [&row.what, &row.room, &row.who, &row.notes]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| one_line(s))
                .collect();
            Marker {
                kind: Kind::Cue {
                    dept: row.dept,
                    number: one_line(&row.number),
                },
                at: row.at,
                frame: row.at.frame(rate),
                frames: 1,
                name: shorten(&format!("{label} {}", one_line(&row.what))),
                note: note.join(" · "),
                colour: Colour::of(row.dept),
            }
        })
        .collect();
    if filter.depts.is_empty() {
        markers.extend(lines(scene, sheet, filter));
    }
    markers.sort_by(|a, b| a.frame.cmp(&b.frame).then(a.at.cmp(&b.at)));
    markers
}

/// The lines of dialogue the filter keeps, as markers.
fn lines<'a>(
    scene: &'a Scene,
    sheet: &'a Sheet,
    filter: &'a Filter,
) -> impl Iterator<Item = Marker> + 'a {
    let rate = sheet.frame_rate;
    scene.events.iter().filter_map(move |event| {
        let Action::Line {
            who,
            says,
            to,
            until,
            on_camera,
        } = &event.action
        else {
            return None;
        };
        let at = event.at;
        let kept = filter.who.is_none_or(|w| w == *who)
            && filter.from.is_none_or(|from| at >= from)
            && filter.to.is_none_or(|to| at <= to)
            && filter.beat.is_none_or(|beat| {
                let (start, end) = beat_span(scene, beat);
                at >= start && (at < end || end >= scene.length)
            });
        if !kept {
            return None;
        }
        let name = one_line(&scene.person(*who).name);
        let says = one_line(says);
        let frame = at.frame(rate);
        let frames = until
            .map(|u| u.frame(rate).saturating_sub(frame))
            .unwrap_or(1)
            .max(1);
        let mut note = format!("{name}: {says}");
        if !to.is_empty() {
            let names: Vec<String> = to
                .iter()
                .map(|&p| one_line(&scene.person(p).name))
                .collect();
            note.push_str(&format!(" · to {}", names.join(", ")));
        }
        if !on_camera {
            note.push_str(" · off camera");
        }
        if let Some(n) = &event.note {
            note.push_str(&format!(" · {}", one_line(n)));
        }
        Some(Marker {
            kind: Kind::Line {
                who: name.clone(),
                on_camera: *on_camera,
            },
            at,
            frame,
            frames,
            name: shorten(&format!("{name}: {says}")),
            note,
            colour: Colour::Cyan,
        })
    })
}

/// Where the take starts on the editor's timeline: `01:00:00:00`, as a new timeline in
/// DaVinci Resolve, Avid and Premiere starts by default, so markers land on a fresh timeline
/// without moving it.
pub const RECORD_START: &str = "01:00:00:00";

/// The frame number of [`RECORD_START`] at `rate` (drop-frame counted where the rate uses
/// it: 01:00:00;00 at 29.97 is frame 107,892).
pub fn record_start_frame(rate: crate::time::FrameRate) -> u64 {
    let text = if rate.drop_frame() {
        RECORD_START.replacen(':', ";", 3).replacen(';', ":", 2)
    } else {
        RECORD_START.to_string()
    };
    crate::time::parse(&text, rate).map_or(0, |t| t.frame(rate))
}

/// `text` cut to [`NAME_CHARS`] characters, an ellipsis marking the cut.
pub fn shorten(text: &str) -> String {
    if text.chars().count() <= NAME_CHARS {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(NAME_CHARS - 1).collect();
    cut.truncate(
        cut.trim_end_matches(|c: char| c.is_whitespace() || c == '…')
            .len(),
    );
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        let long = "a".repeat(500);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), NAME_CHARS);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("LX 1 up"), "LX 1 up");
    }

    #[test]
    fn the_record_start_is_one_hour_of_timecode() {
        use crate::time::FrameRate;
        let rate = |r| FrameRate::new(r).unwrap();
        assert_eq!(record_start_frame(rate(24.0)), 86_400);
        assert_eq!(record_start_frame(rate(25.0)), 90_000);
        // Drop-frame skips two frame numbers a minute except every tenth: 108 an hour.
        assert_eq!(record_start_frame(rate(29.97)), 107_892);
        assert_eq!(record_start_frame(rate(59.94)), 215_784);
        assert_eq!(record_start_frame(rate(23.976)), 86_400);
    }
}
