//! WebVTT captions: each cue shown at its time, to watch beside the film in a `<track>`.
//!
//! Follows the spec's grammar: the `WEBVTT` line, a blank line, then blocks of an optional
//! identifier, a timing line `00:00:05.000 --> 00:00:08.000` and text lines, separated by
//! blank lines. Cue text never holds a blank line or `-->` and escapes `&`, `<` and `>`.
//! Times are always real time (`hh:mm:ss.ttt`): that is what a player counts.

use super::one_line;
use crate::cuesheet::sheet::Sheet;
use crate::time::Time;

/// How long a caption stays up when the next cue is not sooner, seconds.
const SHOW_FOR: f64 = 4.0;
/// The shortest a caption is shown, seconds (also past the end of the take).
const SHOW_AT_LEAST: f64 = 1.0;

pub fn render(sheet: &Sheet) -> String {
    let mut out = String::from("WEBVTT\n\n");
    out.push_str(&format!(
        "NOTE\n{}\n\n",
        escape(&format!("{} — {}", sheet.title, sheet.heading()))
    ));
    for (i, row) in sheet.rows.iter().enumerate() {
        let start = row.at.seconds();
        let next = sheet.rows[i + 1..]
            .iter()
            .map(|r| r.at.seconds())
            .find(|&t| t > start);
        let end = next
            .unwrap_or(f64::INFINITY)
            .min(start + SHOW_FOR)
            .min(sheet.length.seconds())
            .max(start + SHOW_AT_LEAST);
        let mut line = row.label();
        if let Some(call) = row.call {
            line = format!("{} {line}", call.name());
        }
        let mut text = format!("{}: {}", line, one_line(&row.what));
        let place: Vec<String> = [&row.room, &row.who]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| one_line(s))
            .collect();
        out.push_str(&format!("{}\n", i + 1));
        out.push_str(&format!("{} --> {}\n", stamp(start), stamp(end)));
        out.push_str(&escape(&text));
        if !place.is_empty() {
            text = place.join(" · ");
            out.push('\n');
            out.push_str(&escape(&text));
        }
        out.push_str("\n\n");
    }
    out
}

/// `00:01:05.500`.
pub fn stamp(seconds: f64) -> String {
    let millis = (Time::from_seconds(seconds).map_or(0.0, |t| t.seconds()) * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000
    )
}

/// Caption text: one line, `&`, `<`, `>` as entities (which also keeps `-->` out).
pub(crate) fn escape(text: &str) -> String {
    one_line(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
