//! Inlay hints: each move's computed arrival time and speed where the file does not state
//! them, from the same simulation every command reads.

use super::document::Document;
use crate::locate::SourcePath;
use crate::raw::{Action, Pace};
use crate::sim::Simulation;
use crate::source::Span;
use std::collections::HashMap;

/// One hint: the text to show right after the byte offset `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub at: usize,
    pub label: String,
}

/// Hints for the moves whose `to` lies in `range` (bytes). None while the scene has errors:
/// without a valid scene there is no simulation to read.
pub fn hints(doc: &Document, range: Span) -> Vec<Hint> {
    doc.hints
        .get_or_init(|| all_hints(doc))
        .iter()
        .filter(|h| range.start <= h.at && h.at <= range.end)
        .cloned()
        .collect()
}

/// Every hint of the document, in file order.
fn all_hints(doc: &Document) -> Vec<Hint> {
    let Some(parsed) = doc.parsed() else {
        return Vec::new();
    };
    let Some(scene) = doc.loaded().scene.as_ref() else {
        return Vec::new();
    };
    let sim = Simulation::new(scene);
    // Each leg by the timeline index of the event that made it.
    let mut legs = HashMap::new();
    for track in &sim.tracks {
        for leg in &track.legs {
            if let Some(event) = scene.events.get(leg.event.index()) {
                legs.insert(event.file_index, leg);
            }
        }
    }
    let timeline = SourcePath::root().field("timeline");
    let mut out = Vec::new();
    for (i, event) in parsed.raw.timeline.iter().enumerate() {
        let (arrive, pace) = match &event.action {
            Action::Move(m) => (&m.arrive, &m.pace),
            Action::Camera(c) if c.to.is_some() => (&c.arrive, &None),
            _ => continue,
        };
        let Some(leg) = legs.get(&i) else { continue };
        let to = parsed
            .spans
            .span(&timeline.index(i).field("do").field("to"));
        let mut parts = Vec::new();
        if arrive.is_none() {
            parts.push(format!("arrives {}", leg.arrive));
        }
        if !matches!(pace, Some(Pace::Speed(_))) {
            let speed = leg.speed();
            if speed.is_finite() {
                parts.push(format!("{} m/s", crate::escape::number(speed, 1)));
            }
        }
        if !parts.is_empty() {
            out.push(Hint {
                at: to.end,
                label: parts.join(", "),
            });
        }
    }
    out
}
