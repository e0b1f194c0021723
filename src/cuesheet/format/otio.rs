//! OpenTimelineIO (`.otio`): a timeline as long as the take whose markers are the cues and
//! the lines, for an editor to lay over the picture.
//!
//! The file is OTIO's JSON: a `Timeline.1` starting at [`super::marker::RECORD_START`] whose `Stack.1`
//! holds one video `Track.1` with a `Gap.1` the length of the take, and the markers
//! (`Marker.2`) on the stack, so they are timeline markers. Times are `RationalTime.1`
//! values in frames at the take's frame rate (29.97 as 30000/1001, so OTIO prints
//! drop-frame timecode for it), each marker a `TimeRange.1` from the start of the take.
//! Colours are OTIO's `MarkerColor` names, one per department ([`super::marker::Colour::of`]). Scene text
//! goes through serde_json and [`crate::escape::json_safe`], never by hand.

use super::marker::{Kind, Marker, record_start_frame};
use crate::cuesheet::sheet::Sheet;
use crate::time::FrameRate;
use serde_json::{Value, json};

pub fn render(sheet: &Sheet, markers: &[Marker]) -> String {
    let rate = sheet.frame_rate;
    let length = sheet.length.frame(rate);
    let timeline = json!({
        "OTIO_SCHEMA": "Timeline.1",
        "name": super::one_line(&sheet.title),
        "global_start_time": rational(record_start_frame(rate), rate),
        "metadata": {
            "oner": {
                "heading": super::one_line(&sheet.heading()),
                "source": sheet.source_name.as_deref().map(super::one_line),
                "frame_rate": sheet.frame_rate.value(),
                "drop_frame": rate.drop_frame(),
                "record_start": start_timecode(rate),
                "length_frames": length,
                "cue_count": sheet.cue_count,
            }
        },
        "tracks": {
            "OTIO_SCHEMA": "Stack.1",
            "name": "tracks",
            "metadata": {},
            "source_range": null,
            "effects": [],
            "enabled": true,
            "markers": markers.iter().map(|m| marker(m, rate)).collect::<Vec<_>>(),
            "children": [{
                "OTIO_SCHEMA": "Track.1",
                "name": "Take",
                "kind": "Video",
                "metadata": {},
                "source_range": null,
                "effects": [],
                "markers": [],
                "enabled": true,
                "children": [{
                    "OTIO_SCHEMA": "Gap.1",
                    "name": "Take",
                    "metadata": {},
                    "source_range": range(0, length.max(1), rate),
                    "effects": [],
                    "markers": [],
                    "enabled": true,
                }],
            }],
        },
    });
    let mut text =
        crate::escape::json_safe(serde_json::to_string_pretty(&timeline).unwrap_or_default());
    text.push('\n');
    text
}

/// `01:00:00:00`, or `01:00:00;00` at a drop-frame rate.
fn start_timecode(rate: FrameRate) -> String {
    crate::time::timecode_of_frame(record_start_frame(rate), rate)
}

fn marker(m: &Marker, rate: FrameRate) -> Value {
    let (kind, dept, number, who) = match &m.kind {
        Kind::Cue { dept, number } => ("cue", Some(dept.abbreviation()), Some(number), None),
        Kind::Line { who, .. } => ("line", None, None, Some(who)),
    };
    let on_camera = match &m.kind {
        Kind::Line { on_camera, .. } => Some(*on_camera),
        Kind::Cue { .. } => None,
    };
    json!({
        "OTIO_SCHEMA": "Marker.2",
        "name": m.name,
        "color": m.colour.otio(),
        "comment": m.note,
        "marked_range": range(m.frame, m.frames, rate),
        "metadata": {
            "oner": {
                "kind": kind,
                "label": m.label(),
                "dept": dept,
                "number": number,
                "who": who,
                "on_camera": on_camera,
                "time": m.at.clock(),
                "timecode": crate::time::timecode_of_frame(m.frame, rate),
                "record_timecode":
                    crate::time::timecode_of_frame(record_start_frame(rate) + m.frame, rate),
            }
        },
    })
}

fn rational(frames: u64, rate: FrameRate) -> Value {
    json!({
        "OTIO_SCHEMA": "RationalTime.1",
        "rate": rate.fps(),
        "value": frames as f64,
    })
}

fn range(start: u64, frames: u64, rate: FrameRate) -> Value {
    json!({
        "OTIO_SCHEMA": "TimeRange.1",
        "start_time": rational(start, rate),
        "duration": rational(frames, rate),
    })
}
