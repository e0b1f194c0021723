//! The take in numbers: what a student or an AD asks for. Distance walked and time per room
//! for everyone, each camera's path and top speed, time on camera per person, door uses and
//! slams, the longest stretch with no cue and the busiest ten seconds for cues.
//!
//! [`Stats`] and its parts are the JSON output types (`--format json`), separate from the
//! model and the simulation; [`table`] prints the same numbers as aligned text.

mod cues;
mod on_camera;
pub mod table;

pub use cues::{busiest, longest_gap};
pub use on_camera::time_on_camera;

use crate::model::{Action, DoorAction, DoorKind, PersonId, Scene};
use crate::output::OutputFile;
use crate::sim::Whereabouts;
use crate::sim::{Portal, Simulation};
use crate::time::Time;
use serde::Serialize;

/// Length of the sliding window for the busiest stretch of cues, seconds.
pub const WINDOW: f64 = 10.0;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub title: String,
    /// `m:ss.s`
    pub length: String,
    pub length_seconds: f64,
    pub frame_rate: f64,
    /// The set's rooms in file order, with how long anyone at all is in each.
    pub rooms: Vec<RoomStats>,
    pub people: Vec<PersonStats>,
    pub cameras: Vec<CameraStats>,
    pub doors: Vec<DoorStats>,
    pub slams: Vec<SlamStats>,
    pub cues: CueStats,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PersonStats {
    pub id: String,
    pub name: String,
    pub role: String,
    pub crew: bool,
    /// Metres walked within the take.
    pub distance_m: f64,
    /// Fastest leg, metres per second (0 if they never move).
    pub top_speed_mps: f64,
    /// Seconds in each room they enter, in the set's room order.
    pub rooms: Vec<RoomTime>,
    /// Seconds any camera (other than themselves) has them in frame with a clear line of
    /// sight, counted frame by frame.
    pub on_camera_seconds: f64,
    /// `on_camera_seconds` as a percentage of the take.
    pub on_camera_percent: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoomStats {
    pub id: String,
    pub name: String,
    pub offstage: bool,
    /// Seconds with at least one person (cast or crew) in the room.
    pub occupied_seconds: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoomTime {
    pub room: String,
    pub name: String,
    pub seconds: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CameraStats {
    pub id: String,
    pub name: String,
    pub rig: String,
    pub path_m: f64,
    /// Fastest leg, metres per second; `null` if the camera never moves.
    pub top_speed_mps: Option<f64>,
    /// When the fastest leg starts, `m:ss.s`.
    pub top_speed_at: Option<String>,
    /// The rig's top speed, metres per second, for comparison.
    pub rig_top_speed_mps: f64,
    /// Legs with a distance but no time to walk it (teleports), which have no speed.
    pub jumps: usize,
}

/// Uses of one door, opening, arch, window or wild wall.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DoorStats {
    pub id: String,
    pub name: String,
    /// `door`, `opening`, `arch`, `window` or `wild wall`.
    pub kind: String,
    /// Walks through it.
    pub passages: usize,
    pub opens: usize,
    pub closes: usize,
    pub slams: usize,
    pub locks: usize,
    pub unlocks: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SlamStats {
    pub at: String,
    pub seconds: f64,
    pub door: String,
    pub by: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CueStats {
    /// Cues on the cue sheet: the scene's own and those its staging implies.
    pub count: usize,
    /// Of those, the cues the stage manager calls (warning, standby, GO).
    pub called: usize,
    /// Cues per department, in the sheets' department order, departments with none left out.
    pub by_department: Vec<DeptCount>,
    pub longest_without_cue: Span,
    pub busiest_ten_seconds: Window,
}

/// One department's cues.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeptCount {
    /// `LX`, `SQ`, …
    pub dept: String,
    pub count: usize,
    pub called: usize,
}

/// A stretch of the take.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Span {
    pub from: String,
    pub to: String,
    pub from_seconds: f64,
    pub to_seconds: f64,
    pub seconds: f64,
}

/// The ten seconds holding the most cues: from `from` (a cue's time) for [`WINDOW`] seconds.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Window {
    pub from: String,
    pub to: String,
    pub from_seconds: f64,
    pub count: usize,
    /// The cues in it, as called: `LX 3`, `SQ 2`.
    pub cues: Vec<String>,
}

/// Rounds for output: stable text, no `-0`.
pub(crate) fn round(value: f64, decimals: i32) -> f64 {
    let k = 10f64.powi(decimals);
    let r = (value * k).round() / k;
    if r == 0.0 || !r.is_finite() { 0.0 } else { r }
}

pub(crate) fn clock(seconds: f64) -> String {
    Time::from_seconds(seconds).unwrap_or(Time::ZERO).clock()
}

impl Stats {
    pub fn of(scene: &Scene, sim: &Simulation) -> Stats {
        // Time on camera is most of the work and needs none of the rest: it runs beside it.
        let (mut stats, on_camera) = std::thread::scope(|threads| {
            let on_camera = threads.spawn(|| time_on_camera(scene, sim));
            let stats = Stats::from_parts(scene, sim, &Whereabouts::of(sim), &[]);
            (stats, on_camera.join())
        });
        let on_camera = on_camera.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        stats.set_on_camera(scene, &on_camera);
        stats
    }

    /// Every number but time on camera, which is given (seconds per person, as
    /// [`time_on_camera`] measures it): the benches time the two apart.
    pub fn with_time_on_camera(scene: &Scene, sim: &Simulation, on_camera: &[f64]) -> Stats {
        Stats::from_parts(scene, sim, &Whereabouts::of(sim), on_camera)
    }

    fn from_parts(
        scene: &Scene,
        sim: &Simulation,
        whereabouts: &Whereabouts,
        on_camera: &[f64],
    ) -> Stats {
        let people = (0..scene.people.len())
            .map(PersonId::from_index)
            .map(|p| {
                let person = scene.person(p);
                let per_room = whereabouts.time_per_room(scene, p);
                PersonStats {
                    id: person.id.clone(),
                    name: person.name.clone(),
                    role: person.role.describe(),
                    crew: person.is_crew(),
                    distance_m: round(whereabouts.walked[p.index()], 2),
                    top_speed_mps: round(top_speed(sim, scene, p).map_or(0.0, |s| s.0), 2),
                    rooms: per_room
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| **s > 1e-9)
                        .map(|(r, s)| RoomTime {
                            room: scene.rooms[r].id.clone(),
                            name: scene.rooms[r].name.clone(),
                            seconds: round(*s, 2),
                        })
                        .collect(),
                    on_camera_seconds: 0.0,
                    on_camera_percent: 0.0,
                }
            })
            .collect();
        let cameras = scene
            .cameras()
            .map(|c| {
                let person = scene.person(c);
                let top = top_speed(sim, scene, c);
                let rig = person.camera().map(|s| s.rig);
                CameraStats {
                    id: person.id.clone(),
                    name: person.name.clone(),
                    rig: rig.map_or_else(String::new, |r| format!("{r:?}").to_lowercase()),
                    path_m: round(whereabouts.walked[c.index()], 2),
                    top_speed_mps: top.map(|t| round(t.0, 2)),
                    top_speed_at: top.map(|t| t.1.clock()),
                    rig_top_speed_mps: rig.map_or(0.0, |r| r.top_speed()),
                    jumps: legs_within(sim, scene, c)
                        .filter(|l| l.speed().is_infinite())
                        .count(),
                }
            })
            .collect();
        let mut stats = Stats {
            title: scene.title.clone(),
            length: scene.length.clock(),
            length_seconds: round(scene.length.seconds(), 3),
            frame_rate: scene.frame_rate.value(),
            rooms: room_stats(scene, whereabouts),
            people,
            cameras,
            doors: door_stats(scene, whereabouts),
            slams: slams(scene, sim),
            cues: cues::stats(
                scene,
                &crate::cuesheet::cue_list_with(scene, sim, whereabouts),
            ),
        };
        stats.set_on_camera(scene, on_camera);
        stats
    }

    /// Fills in each person's time on camera (seconds per person; none: 0).
    fn set_on_camera(&mut self, scene: &Scene, on_camera: &[f64]) {
        for (p, person) in self.people.iter_mut().enumerate() {
            let seen = on_camera.get(p).copied().unwrap_or(0.0);
            person.on_camera_seconds = round(seen, 2);
            person.on_camera_percent = round(100.0 * seen / scene.length.seconds().max(1e-9), 1);
        }
    }

    pub fn to_json(&self) -> String {
        let mut text =
            crate::escape::json_safe(serde_json::to_string_pretty(self).unwrap_or_default());
        text.push('\n');
        text
    }
}

/// The legs a person starts within the take.
fn legs_within<'a>(
    sim: &'a Simulation,
    scene: &'a Scene,
    who: PersonId,
) -> impl Iterator<Item = &'a crate::sim::Leg> + 'a {
    sim.tracks[who.index()]
        .legs
        .iter()
        .filter(move |l| l.depart <= scene.length)
}

/// The fastest leg with a finite speed: (metres per second, when it starts).
fn top_speed(sim: &Simulation, scene: &Scene, who: PersonId) -> Option<(f64, Time)> {
    legs_within(sim, scene, who)
        .map(|l| (l.speed(), l.depart))
        .filter(|(s, _)| s.is_finite() && *s > 0.0)
        .fold(None, |best: Option<(f64, Time)>, (s, t)| match best {
            Some(b) if b.0 >= s => Some(b),
            _ => Some((s, t)),
        })
}

fn room_stats(scene: &Scene, whereabouts: &Whereabouts) -> Vec<RoomStats> {
    scene
        .rooms
        .iter()
        .enumerate()
        .map(|(r, room)| {
            // Merge everyone's stays in this room into one set of spans, then measure it.
            let mut spans: Vec<(f64, f64)> = whereabouts
                .stays
                .iter()
                .flatten()
                .filter(|s| s.room.is_some_and(|id| id.index() == r))
                .map(|s| (s.from.seconds(), s.to.seconds()))
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let (mut total, mut end) = (0.0, f64::NEG_INFINITY);
            for (from, to) in spans {
                let from = from.max(end);
                if to > from {
                    total += to - from;
                    end = to;
                }
            }
            RoomStats {
                id: room.id.clone(),
                name: room.name.clone(),
                offstage: room.offstage,
                occupied_seconds: round(total, 2),
            }
        })
        .collect()
}

fn door_stats(scene: &Scene, whereabouts: &Whereabouts) -> Vec<DoorStats> {
    let mut doors: Vec<DoorStats> = scene
        .doors
        .iter()
        .map(|d| DoorStats {
            id: d.id.clone(),
            name: d.name.clone(),
            kind: match d.kind {
                DoorKind::Door => "door",
                DoorKind::Opening => "opening",
                DoorKind::Arch => "arch",
                DoorKind::Window => "window",
            }
            .into(),
            passages: 0,
            opens: 0,
            closes: 0,
            slams: 0,
            locks: 0,
            unlocks: 0,
        })
        .collect();
    let wild_first = doors.len();
    doors.extend(scene.wild_walls.iter().map(|w| DoorStats {
        id: w.id.clone(),
        name: w.name.clone(),
        kind: "wild wall".into(),
        passages: 0,
        opens: 0,
        closes: 0,
        slams: 0,
        locks: 0,
        unlocks: 0,
    }));
    for passage in &whereabouts.passages {
        let i = match passage.portal {
            Portal::Door(d) => d.index(),
            Portal::Wild(w) => wild_first + w.index(),
        };
        doors[i].passages += 1;
    }
    for event in scene.events.iter().filter(|e| e.at <= scene.length) {
        if let Action::Door { door, action, .. } = &event.action {
            let d = &mut doors[door.index()];
            match action {
                DoorAction::Open => d.opens += 1,
                DoorAction::Close => d.closes += 1,
                DoorAction::Slam => d.slams += 1,
                DoorAction::Lock => d.locks += 1,
                DoorAction::Unlock => d.unlocks += 1,
            }
        }
    }
    // Wild walls nobody walks through are set dressing, not doors: leave them out.
    let mut index = 0;
    doors.retain(|d| {
        let keep = index < wild_first || d.passages > 0;
        index += 1;
        keep
    });
    doors
}

fn slams(scene: &Scene, sim: &Simulation) -> Vec<SlamStats> {
    sim.order
        .iter()
        .map(|&id| &scene.events[id.index()])
        .filter(|e| e.at <= scene.length)
        .filter_map(|e| match &e.action {
            Action::Door {
                door,
                action: DoorAction::Slam,
                by,
            } => Some(SlamStats {
                at: e.at.clock(),
                seconds: round(e.at.seconds(), 3),
                door: scene.door(*door).name.clone(),
                by: scene.person(*by).name.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// `stats.json` and `stats.txt` for `oner build`.
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    let stats = Stats::of(scene, sim);
    vec![
        OutputFile {
            name: "stats.json".into(),
            bytes: stats.to_json().into_bytes(),
        },
        OutputFile {
            name: "stats.txt".into(),
            bytes: table::render(&stats).into_bytes(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_tidy() {
        assert_eq!(round(-0.0001, 2), 0.0);
        assert_eq!(round(1.23456, 2), 1.23);
    }
}
