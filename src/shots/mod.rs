//! Camera setups: each place a camera holds during the take, numbered as a shot list numbers
//! them (1, 2, 3 …; with several cameras A1, A2, B1 …), with when the camera is there, its
//! rig and lens, who it frames and how it moves on. The plans draw them (a numbered wedge
//! and a key) and `oner shots` lists them (CSV, Markdown, PDF): one derivation for both.
//!
//! A setup starts where the camera starts or arrives and lasts until it leaves for the next
//! (the last until the end of the take). Legs that go nowhere are not setups.

pub mod csv;
pub mod markdown;
pub mod pdf;

use crate::geometry::Point;
use crate::model::{MarkId, PersonId, Scene};
use crate::sim::{Simulation, Target};
use crate::time::Time;

/// One camera setup.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    /// As printed: `3`, or `B2` when the take has several cameras.
    pub label: String,
    pub camera: PersonId,
    /// Where the camera stands, metres.
    pub at: Point,
    pub mark: MarkId,
    pub time_in: Time,
    pub time_out: Time,
    /// Which way the camera faces as the setup starts.
    pub facing: Point,
    /// The rig, in words (`steadicam`).
    pub rig: String,
    /// The lens as the setup starts and each change during it, millimetres.
    pub lenses: Vec<(Time, f64)>,
    /// Who or what it frames as the setup starts and each reframe during it, in words.
    pub framing: Vec<(Time, String)>,
    /// How it leaves for the next setup, if it does.
    pub move_on: Option<Move>,
    /// Beats (0-based) the setup runs through.
    pub beats: Vec<usize>,
}

/// The camera's move from one setup to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The next setup's label.
    pub to: String,
    pub depart: Time,
    pub arrive: Time,
    /// Metres walked.
    pub metres: f64,
}

/// The end of the take as drawn: its length or the last arrival if later.
fn end_of_take(scene: &Scene, sim: &Simulation) -> Time {
    sim.tracks
        .iter()
        .flat_map(|t| t.legs.iter().map(|l| l.arrive))
        .fold(scene.length, Time::max)
}

/// Who or what a framing target is, in words.
fn framed(scene: &Scene, target: &Target) -> String {
    match target {
        Target::Mark(m) => format!("mark {}", crate::escape::strip_control(&scene.mark(*m).id)),
        Target::People(people) if !people.is_empty() => {
            let names: Vec<String> = people
                .iter()
                .map(|p| crate::escape::strip_control(&scene.person(*p).name))
                .collect();
            match names.as_slice() {
                [one] => one.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                [] => String::new(),
            }
        }
        _ => "where it goes".to_string(),
    }
}

/// Every camera's setups, cameras in the scene's order, each camera's in time order.
pub fn setups(scene: &Scene, sim: &Simulation) -> Vec<Setup> {
    let cameras: Vec<PersonId> = scene.cameras().collect();
    let lettered = cameras.len() > 1;
    let end = end_of_take(scene, sim);
    let mut out = Vec::new();
    for (c, &camera) in cameras.iter().enumerate() {
        let letter = if lettered {
            // A … Z, then AA, AB … for an absurd number of cameras.
            let mut k = c;
            let mut s = String::new();
            loop {
                s.insert(0, (b'A' + (k % 26) as u8) as char);
                if k < 26 {
                    break;
                }
                k = k / 26 - 1;
            }
            s
        } else {
            String::new()
        };
        let spec = scene.person(camera).camera();
        let rig = spec.map_or("camera".to_string(), |s| {
            format!("{:?}", s.rig).to_lowercase()
        });
        let track = &sim.tracks[camera.index()];
        let legs: Vec<_> = track.legs.iter().filter(|l| l.length() > 1e-6).collect();
        // (where, mark, time in) of each setup.
        let mut stands = vec![(track.start, track.start_mark, Time::ZERO)];
        stands.extend(legs.iter().map(|l| (l.end(), l.to, l.arrive)));
        let first = out.len();
        for (k, &(at, mark, time_in)) in stands.iter().enumerate() {
            let next = legs.get(k);
            let time_out = next.map_or(end, |l| l.depart.max(time_in));
            let mut lenses = vec![(time_in, sim.lens(camera, time_in))];
            lenses.extend(
                sim.lenses[camera.index()]
                    .iter()
                    .filter(|c| c.at > time_in && c.at < time_out)
                    .map(|c| (c.at, c.state)),
            );
            let framings = &sim.framing[camera.index()];
            let current = framings.partition_point(|f| f.at <= time_in);
            let mut framing: Vec<(Time, String)> = current
                .checked_sub(1)
                .map(|i| (time_in, framed(scene, &framings[i].target)))
                .into_iter()
                .collect();
            if framing.is_empty() {
                framing.push((time_in, "where it goes".to_string()));
            }
            framing.extend(
                framings[current..]
                    .iter()
                    .filter(|f| f.at < time_out)
                    .map(|f| (f.at, framed(scene, &f.target))),
            );
            let beats = (0..scene.beats.len())
                .filter(|&b| {
                    let from = scene.beats[b].at;
                    let to = scene.beats.get(b + 1).map_or(end, |n| n.at);
                    from <= time_out && to > time_in
                })
                .collect();
            out.push(Setup {
                label: format!("{letter}{}", k + 1),
                camera,
                at,
                mark,
                time_in,
                time_out,
                facing: sim.facing(camera, time_in),
                rig: rig.clone(),
                lenses,
                framing,
                move_on: next.map(|l| Move {
                    to: format!("{letter}{}", k + 2),
                    depart: l.depart,
                    arrive: l.arrive,
                    metres: l.length(),
                }),
                beats,
            });
        }
        debug_assert!(out.len() > first);
    }
    out
}

/// The shot list as `oner build` writes it: `shots.md`, `shots.csv` and `shots.pdf` (the
/// PDF left out, never the build failed, if the bundled font cannot be read).
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<crate::output::OutputFile> {
    let setups = setups(scene, sim);
    let mut files = vec![
        crate::output::OutputFile {
            name: "shots.md".into(),
            bytes: markdown::render(scene, &setups).into_bytes(),
        },
        crate::output::OutputFile {
            name: "shots.csv".into(),
            bytes: csv::render(scene, &setups).into_bytes(),
        },
    ];
    if let Ok(bytes) = pdf::render(scene, &setups, crate::cuesheet::format::Paper::A4) {
        files.push(crate::output::OutputFile {
            name: "shots.pdf".into(),
            bytes,
        });
    }
    files
}

pub use crate::time::short;

/// The columns of a shot list, in order.
pub const HEADERS: [&str; 8] = [
    "Setup", "In", "Out", "Rig", "Lens", "Framing", "Move", "Notes",
];

impl Setup {
    /// The lens in words: `24 mm`, or `24 mm; 35 mm at 1:20`.
    pub fn lens_words(&self) -> String {
        self.lenses
            .iter()
            .enumerate()
            .map(|(i, (t, mm))| {
                let mm = crate::escape::number(*mm, 1);
                if i == 0 {
                    format!("{mm} mm")
                } else {
                    format!("{mm} mm at {}", short(*t))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Who it frames in words: `Dante and Her; Her from 1:40`.
    pub fn framing_words(&self) -> String {
        self.framing
            .iter()
            .enumerate()
            .map(|(i, (t, who))| {
                if i == 0 {
                    who.clone()
                } else {
                    format!("{who} from {}", short(*t))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The move on in words: `to 3: 3.2 m, 0:54–0:58`, or `holds to the end`.
    pub fn move_words(&self) -> String {
        match &self.move_on {
            Some(m) => format!(
                "to {}: {} m, {}–{}",
                m.to,
                crate::escape::number(m.metres, 1),
                short(m.depart),
                short(m.arrive)
            ),
            None => "holds to the end".to_string(),
        }
    }

    /// Notes: where it stands, which camera (when there are several) and the beats.
    pub fn notes(&self, scene: &Scene) -> String {
        let mut notes = vec![format!(
            "on {}",
            crate::escape::strip_control(&scene.mark(self.mark).id)
        )];
        if scene.cameras().nth(1).is_some() {
            notes.push(crate::escape::strip_control(
                &scene.person(self.camera).name,
            ));
        }
        for &b in &self.beats {
            notes.push(format!(
                "beat {}: {}",
                b + 1,
                crate::escape::strip_control(&scene.beats[b].title)
            ));
        }
        notes.join("; ")
    }

    /// The row of a shot list, one cell per [`HEADERS`] column (scene text unescaped).
    pub fn cells(&self, scene: &Scene) -> [String; 8] {
        [
            self.label.clone(),
            short(self.time_in),
            short(self.time_out),
            self.rig.clone(),
            self.lens_words(),
            self.framing_words(),
            self.move_words(),
            self.notes(scene),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Scene {
        let file = crate::source::SourceFile::new("s.ron", text);
        match crate::load::load(&file).scene {
            Some(scene) => scene,
            None => panic!("scene loads"),
        }
    }

    #[test]
    fn every_stop_of_the_camera_is_a_numbered_setup_in_time_order() {
        let scene = load(include_str!("../../scenes/we-cry-together.ron"));
        let sim = Simulation::new(&scene);
        let setups = setups(&scene, &sim);
        let camera = scene.cameras().next().unwrap_or_else(|| unreachable!());
        let moves = sim.tracks[camera.index()]
            .legs
            .iter()
            .filter(|l| l.length() > 1e-6)
            .count();
        assert_eq!(setups.len(), moves + 1);
        for (i, s) in setups.iter().enumerate() {
            assert_eq!(s.label, (i + 1).to_string());
            assert!(s.time_in <= s.time_out);
            if let Some(next) = setups.get(i + 1) {
                let m = s.move_on.as_ref().unwrap_or_else(|| unreachable!());
                assert_eq!(m.to, next.label);
                assert_eq!(m.arrive, next.time_in);
                assert!(s.time_out <= next.time_in);
            }
        }
        assert!(setups.last().is_some_and(|s| s.move_on.is_none()));
        assert!(setups.iter().all(|s| !s.lens_words().is_empty()));
    }
}
