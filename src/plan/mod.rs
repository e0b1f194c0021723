//! Floor plans as SVG: the overview of the whole take, one plan per beat, a contact sheet
//! of all beats, and the state at one moment.
//!
//! Pure functions from a [`Scene`] and its [`Simulation`] to file contents; nothing here reads
//! or writes files. Pages are A4 landscape in millimetres; the set's metres are mapped onto
//! them by a [`page::Frame`]. The floor itself ([`floor::floor`]) is reusable by any page
//! that wants the set drawn.
//!
//! Scene text only ever reaches element content (the svg crate escapes `&`, `<`, `>`; control
//! characters are stripped first), never attributes, ids, comments or links.

pub mod camera;
pub mod camera_side;
pub mod contact;
pub mod crowd;
pub mod doors;
pub mod extras;
pub mod figures;
pub mod floor;
pub mod key;
pub mod labels;
pub mod lanes;
pub mod metrics;
pub mod page;
pub mod routes;
pub mod sheets;
pub mod story;
pub mod style;
pub mod title;
pub mod visibility;

pub use floor::{Detail, FloorState, floor};

use crate::model::Scene;
use crate::output::{OutputFile, sanitise_name};
use crate::sim::Simulation;
use crate::time::Time;

/// A stretch of the take drawn as one beat plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// 1-based as printed; 0 for the stretch before the first beat.
    pub number: usize,
    pub title: String,
    pub notes: Option<String>,
    pub from: Time,
    pub to: Time,
}

/// The scene's beats as spans, each running to the next beat (the last to the end of the
/// take). A take without beats is one span; time before the first beat gets its own.
pub fn spans(scene: &Scene) -> Vec<Span> {
    let mut out = Vec::new();
    let first = scene.beats.first().map_or(scene.length, |b| b.at);
    if scene.beats.is_empty() {
        out.push(Span {
            number: 1,
            title: "The whole take".into(),
            notes: None,
            from: Time::ZERO,
            to: scene.length,
        });
        return out;
    }
    if first > Time::ZERO {
        out.push(Span {
            number: 0,
            title: "Before the first beat".into(),
            notes: None,
            from: Time::ZERO,
            to: first,
        });
    }
    for (i, beat) in scene.beats.iter().enumerate() {
        let to = scene
            .beats
            .get(i + 1)
            .map_or(scene.length, |next| next.at)
            .max(beat.at);
        out.push(Span {
            number: i + 1,
            title: beat.title.clone(),
            notes: beat.notes.clone(),
            from: beat.at,
            to,
        });
    }
    out
}

/// File name of a beat plan, relative to the scene's output folder.
pub fn beat_file_name(span: &Span) -> String {
    format!(
        "beats/{:02}-{}.svg",
        span.number,
        sanitise_name(&span.title)
    )
}

/// File name of the plan at `t`: `at-2m13s.svg`, `at-2m13-5s.svg` for 2:13.5.
pub fn at_file_name(t: Time) -> String {
    let tenths = (t.seconds() * 10.0).round() as u64;
    let (minutes, seconds, tenth) = (tenths / 600, tenths % 600 / 10, tenths % 10);
    if tenth == 0 {
        format!("at-{minutes}m{seconds:02}s.svg")
    } else {
        format!("at-{minutes}m{seconds:02}-{tenth}s.svg")
    }
}

/// The overview plan (`plan.svg`), its first sheet.
pub fn overview(scene: &Scene, sim: &Simulation) -> Vec<u8> {
    first(sheets::overview(scene, sim, &spans(scene), None))
}

/// The plan of one span, its first sheet.
pub fn beat(scene: &Scene, sim: &Simulation, span: &Span) -> Vec<u8> {
    let count = scene.beats.len().max(1);
    first(sheets::beat(
        scene,
        sim,
        span,
        count,
        &beat_file_name(span),
        None,
    ))
}

/// The contact sheet of every span.
pub fn contact_sheet(scene: &Scene, sim: &Simulation) -> Vec<u8> {
    contact::contact_sheet(scene, sim, &spans(scene))
}

/// The plan at one moment, its first sheet.
pub fn at(scene: &Scene, sim: &Simulation, t: Time) -> Vec<u8> {
    first(sheets::at(scene, sim, t, &at_file_name(t), None))
}

/// The plan at one moment with the sheets its title block continues on, as files; `scale`
/// a denominator (50 for 1:50), else the largest standard scale that fits.
pub fn at_files(scene: &Scene, sim: &Simulation, t: Time, scale: Option<u32>) -> Vec<OutputFile> {
    named(
        &at_file_name(t),
        sheets::at(scene, sim, t, &at_file_name(t), scale),
    )
}

fn first(sheets: Vec<Vec<u8>>) -> Vec<u8> {
    sheets.into_iter().next().unwrap_or_default()
}

/// Sheets as files: the first under `name`, the rest `name-2.svg`, `name-3.svg` ….
fn named(name: &str, sheets: Vec<Vec<u8>>) -> Vec<OutputFile> {
    sheets
        .into_iter()
        .enumerate()
        .map(|(k, bytes)| OutputFile {
            name: if k == 0 {
                name.to_string()
            } else {
                sheets::sheet_name(name, k + 1)
            },
            bytes,
        })
        .collect()
}

/// Everything `oner plan` (and `oner build`) writes: the overview, one plan per beat (each
/// with any sheets its title block continues on) and the contact sheet.
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    build_files_at(scene, sim, None)
}

/// [`build_files`] at a drawing scale (a denominator: 50 for 1:50; see
/// [`sheets::scale_problem`] for whether it fits), else at the largest standard one that
/// fits.
pub fn build_files_at(scene: &Scene, sim: &Simulation, scale: Option<u32>) -> Vec<OutputFile> {
    let spans = spans(scene);
    let count = scene.beats.len().max(1);
    let mut files = named("plan.svg", sheets::overview(scene, sim, &spans, scale));
    for span in &spans {
        let name = beat_file_name(span);
        files.extend(named(
            &name,
            sheets::beat(scene, sim, span, count, &name, scale),
        ));
    }
    files.push(OutputFile {
        name: "contact-sheet.svg".into(),
        bytes: contact::contact_sheet(scene, sim, &spans),
    });
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_names_are_safe_and_readable() {
        let t = |s| Time::from_seconds(s).unwrap_or_default();
        assert_eq!(at_file_name(t(133.0)), "at-2m13s.svg");
        assert_eq!(at_file_name(t(133.5)), "at-2m13-5s.svg");
        assert_eq!(at_file_name(t(0.0)), "at-0m00s.svg");
    }
}
