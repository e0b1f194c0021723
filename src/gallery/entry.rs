//! One card of the gallery page: what a reader needs to choose a take to study, taken from
//! the scene and its simulation (never from the built files, which the page only links).

use super::StudyLabel;
use crate::escape::number;
use crate::model::{Rig, Scene};
use crate::sim::Simulation;
use crate::study::stats::Stats;

/// A built scene as the gallery lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The scene's output folder name (`goodfellas-copacabana`), sanitised: safe in a link.
    pub id: String,
    pub title: String,
    /// One line of context: the scene's `summary`, else the first sentence of its notes.
    pub context: String,
    /// Take length, `m:ss`.
    pub length: String,
    /// How the take is shot: each camera's rig and lens ("Steadicam, 21 mm").
    pub rig: String,
    /// Set, people and staging in numbers ("8 rooms · 21 cast · 64 events").
    pub size: String,
    /// The camera's travel and the cue sheet's rate ("camera travels 49 m · 11.7 cues a minute").
    pub figures: String,
    /// Labelled a study reconstruction with dated sources.
    pub study: StudyLabel,
}

impl Entry {
    pub fn of(id: &str, scene: &Scene, sim: &Simulation) -> Entry {
        let stats = Stats::of(scene, sim);
        let context = match scene.summary.as_deref().map(str::trim) {
            Some(summary) if !summary.is_empty() => summary.to_string(),
            _ => first_sentence(&scene.notes),
        };
        let rig = scene
            .people
            .iter()
            .filter_map(|p| p.camera())
            .map(|c| {
                let rig = match (c.rig, c.crane) {
                    (_, Some(arm)) => format!("crane ({} m arm)", number(arm.arm, 1)),
                    (Rig::Handheld, _) => "handheld".to_string(),
                    (Rig::Steadicam, _) => "Steadicam".to_string(),
                    (Rig::Gimbal, _) => "gimbal".to_string(),
                    (Rig::Dolly, _) => "dolly".to_string(),
                    (Rig::Crane, None) => "crane".to_string(),
                };
                format!("{rig}, {} mm", number(c.lens_mm, 0))
            })
            .collect::<Vec<_>>()
            .join("; ");
        let cast = scene.people.iter().filter(|p| !p.is_crew()).count();
        let size = format!(
            "{} rooms · {} cast · {} events",
            scene.rooms.len(),
            cast,
            scene.events.len()
        );
        let minutes = scene.length.seconds() / 60.0;
        let travel: f64 = stats.cameras.iter().map(|c| c.path_m).sum();
        // The cue sheet's count (the scene's cues and those its staging implies), as every
        // output counts them.
        let cues = stats.cues.count;
        let figures = format!(
            "camera travels {} m · {} cues a minute",
            number(travel, 0),
            number(
                if minutes > 0.0 {
                    cues as f64 / minutes
                } else {
                    0.0
                },
                1
            )
        );
        Entry {
            id: crate::output::sanitise_name(id),
            title: scene.title.clone(),
            context,
            length: crate::time::short(scene.length),
            rig: if rig.is_empty() {
                "no camera".into()
            } else {
                rig
            },
            size,
            figures,
            study: StudyLabel::of(&scene.notes),
        }
    }
}

/// The notes' first sentence (to the first ". " or the end), on one line, at most 300
/// characters.
pub fn first_sentence(notes: &str) -> String {
    let line = crate::cuesheet::format::one_line(notes);
    let end = line.find(". ").map_or(line.len(), |i| i + 1);
    let sentence = &line[..end];
    if sentence.chars().count() > 300 {
        let cut: String = sentence.chars().take(299).collect();
        format!("{cut}…")
    } else {
        sentence.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence("One take. Then more."), "One take.");
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
        assert_eq!(first_sentence("Dr.Who\nlives. Here."), "Dr.Who lives.");
        assert_eq!(first_sentence(&"x".repeat(400)).chars().count(), 300);
    }
}
