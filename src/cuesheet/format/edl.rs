//! A marker EDL: the CMX 3600 form DaVinci Resolve writes and reads for timeline markers
//! (File > Import > Timeline Markers from EDL).
//!
//! ```text
//! TITLE: Tutorial: Coffee
//! FCM: NON-DROP FRAME
//!
//! 001  001      V     C        01:00:00:00 01:00:00:01 01:00:00:00 01:00:00:01
//!  |C:ResolveColorYellow |M:LX 1 Morning state up |D:1
//! ```
//!
//! One event a marker, one frame long, at [`super::marker::RECORD_START`] plus the marker's frame; the line
//! under it gives the colour (`|C:`), the name (`|M:`) and the length in frames (`|D:`).
//! Drop-frame rates say `FCM: DROP FRAME` and write timecode with `;` before the frames.
//! Resolve keeps one marker per frame, so markers on the same frame become one: every label,
//! then the first one's text, in the first one's colour. A name is one line without `|` (it would
//! start a field), so no scene text can end the event or add one.

use super::marker::{Kind, Marker, record_start_frame, shorten};
use crate::cuesheet::sheet::Sheet;
use crate::time::timecode_of_frame;

/// The longest title CMX 3600 readers take, characters.
const TITLE_CHARS: usize = 70;

pub fn render(sheet: &Sheet, markers: &[Marker]) -> String {
    let rate = sheet.frame_rate;
    let start = record_start_frame(rate);
    let mut title: String = super::one_line(&sheet.title)
        .chars()
        .take(TITLE_CHARS)
        .collect();
    title.truncate(title.trim_end().len());
    let mut out = format!("TITLE: {title}\n");
    out.push_str(if rate.drop_frame() {
        "FCM: DROP FRAME\n"
    } else {
        "FCM: NON-DROP FRAME\n"
    });
    for (i, merged) in merge_same_frame(markers).iter().enumerate() {
        let record_in = timecode_of_frame(start + merged.frame, rate);
        let record_out = timecode_of_frame(start + merged.frame + 1, rate);
        out.push_str(&format!(
            "\n{:03}  001      V     C        {record_in} {record_out} {record_in} {record_out}\n",
            i + 1
        ));
        out.push_str(&format!(
            " |C:{} |M:{} |D:{}\n",
            merged.colour,
            field(&merged.name),
            merged.frames
        ));
    }
    out
}

/// One event's marker: markers on one frame merged.
struct Merged {
    frame: u64,
    frames: u64,
    name: String,
    colour: &'static str,
}

/// Markers on one frame as one: the first one's colour, the longest length, and a name
/// that gives every label first (`SM 1 / LX 1 / CAM 1: Roll camera…`), then the first
/// marker's text, so each cue can be found by its label in Resolve's marker list.
fn merge_same_frame(markers: &[Marker]) -> Vec<Merged> {
    let mut groups: Vec<Vec<&Marker>> = Vec::new();
    for m in markers {
        match groups.last_mut() {
            Some(group) if group[0].frame == m.frame => group.push(m),
            _ => groups.push(vec![m]),
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let first = group[0];
            let name = if group.len() == 1 {
                first.name.clone()
            } else {
                let labels: Vec<String> = group.iter().map(|m| short_label(m)).collect();
                let text = first
                    .name
                    .strip_prefix(&short_label(first))
                    .unwrap_or(&first.name)
                    .trim_start_matches(':')
                    .trim();
                shorten(&format!("{}: {text}", labels.join(" / ")))
            };
            Merged {
                frame: first.frame,
                frames: group.iter().map(|m| m.frames).max().unwrap_or(1),
                name,
                colour: first.colour.resolve(),
            }
        })
        .collect()
}

/// `LX 1` for a cue, the speaker's name for a line.
fn short_label(m: &Marker) -> String {
    match &m.kind {
        Kind::Cue { .. } => m.label(),
        Kind::Line { who, .. } => who.clone(),
    }
}

/// A marker name as an EDL field: one line (it is already), `|` as `/`, at most
/// [`super::marker::NAME_CHARS`] characters, never empty.
fn field(name: &str) -> String {
    let text = super::one_line(&name.replace('|', "/"));
    let text = shorten(&text);
    if text.is_empty() {
        "marker".to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::super::marker::{NAME_CHARS, RECORD_START};
    use super::*;

    #[test]
    fn a_name_cannot_start_a_field_or_a_line() {
        let name = field("a |M:b\n002  001  V  C  00:00:00:00\r\n|D:9");
        assert!(!name.contains('|') && !name.contains('\n') && !name.contains('\r'));
        assert!(name.chars().count() <= NAME_CHARS);
        assert_eq!(field(""), "marker");
        assert_eq!(RECORD_START, "01:00:00:00");
    }
}
