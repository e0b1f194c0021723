//! JSON: the sheet as its own output types (not the internal model), one object with the
//! title block and an array of rows. Times appear as the sheet writes them and as seconds.

use crate::cuesheet::sheet::Sheet;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Document<'a> {
    title: &'a str,
    source: Option<&'a str>,
    heading: String,
    scope: &'a str,
    length: String,
    length_seconds: f64,
    frame_rate: f64,
    timecode: &'static str,
    calls: bool,
    cue_count: usize,
    cues: Vec<Entry<'a>>,
}

#[derive(Debug, Serialize)]
struct Entry<'a> {
    /// `warning`, `standby` or `go` on a calling sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    call: Option<&'static str>,
    label: String,
    dept: &'static str,
    department: &'static str,
    number: &'a str,
    time: String,
    seconds: f64,
    cue_time: String,
    standby: Option<String>,
    what: &'a str,
    #[serde(rename = "where")]
    room: &'a str,
    who: &'a str,
    beat: &'a str,
    notes: &'a str,
    source: &'static str,
}

pub fn render(sheet: &Sheet) -> String {
    let seconds = |t: crate::time::Time| (t.seconds() * 1000.0).round() / 1000.0;
    let document = Document {
        title: &sheet.title,
        source: sheet.source_name.as_deref(),
        heading: sheet.heading(),
        scope: &sheet.scope,
        length: sheet.time(sheet.length),
        length_seconds: seconds(sheet.length),
        frame_rate: sheet.frame_rate.value(),
        timecode: match sheet.timecode {
            crate::cuesheet::sheet::Timecode::Clock => "clock",
            crate::cuesheet::sheet::Timecode::Smpte => "smpte",
        },
        calls: sheet.calls,
        cue_count: sheet.cue_count,
        cues: sheet
            .rows
            .iter()
            .map(|row| Entry {
                call: row.call.map(|c| match c {
                    crate::cuesheet::sheet::Call::Warning => "warning",
                    crate::cuesheet::sheet::Call::Standby => "standby",
                    crate::cuesheet::sheet::Call::Go => "go",
                }),
                label: row.label(),
                dept: row.dept.abbreviation(),
                department: crate::cuesheet::filter::full_name(row.dept),
                number: &row.number,
                time: sheet.time(row.at),
                seconds: seconds(row.at),
                cue_time: sheet.time(row.cue_at),
                standby: row.standby.map(|t| sheet.time(t)),
                what: &row.what,
                room: &row.room,
                who: &row.who,
                beat: &row.beat,
                notes: &row.notes,
                source: row.source.name(),
            })
            .collect(),
    };
    let mut text =
        crate::escape::json_safe(serde_json::to_string_pretty(&document).unwrap_or_default());
    text.push('\n');
    text
}
