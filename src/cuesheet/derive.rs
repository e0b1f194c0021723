//! Building the cue list: the scene's `Cue` events plus the cues its staging implies.
//!
//! Derived cues never double a given one: a given sound cue `on_slam` a door covers that
//! slam's sound cue, and a given camera cue at the moment of a camera event covers the
//! event's camera cue. The covering cue takes over who and where, and the derived
//! description goes into its notes, so nothing is lost.

use super::{Cue, SAME_MOMENT, Source};
use crate::model::{
    Action, CameraMove, Department, DoorAction, DoorId, EventId, PersonId, PlaceRef, RoomId, Scene,
};
use crate::prose::{Narrator, common, nouns};
use crate::sim::{Portal, Simulation, Whereabouts};
use crate::time::Time;

/// How far from a slam a given cue `on_slam` that door may be and still cover it, seconds.
/// The continuity rules insist on the same frame; the sheet is forgiving so that a scene
/// with that error still prints one sound cue, not two.
const SLAM_REACH: f64 = 2.0;

/// Every cue, in time order (file order, then derivation order, breaking ties), unnumbered
/// where the scene gives no number.
pub fn cues(scene: &Scene, sim: &Simulation, whereabouts: &Whereabouts) -> Vec<Cue> {
    let mut builder = Builder {
        scene,
        sim,
        cues: Vec::new(),
    };
    builder.given();
    builder.staging();
    builder.entrances(whereabouts);
    let mut cues = builder.cues;
    cues.sort_by_key(|c| c.at);
    cues
}

struct Builder<'a, 's> {
    scene: &'s Scene,
    sim: &'a Simulation<'s>,
    cues: Vec<Cue>,
}

impl Builder<'_, '_> {
    fn cue(&self, dept: Department, event: EventId, at: Time, what: String) -> Cue {
        Cue {
            dept,
            number: String::new(),
            at,
            standby: None,
            what,
            room: None,
            who: Vec::new(),
            beat: self.scene.beat_at(at),
            notes: self.scene.events[event.index()]
                .note
                .iter()
                .cloned()
                .collect(),
            until: None,
            source: Source::Derived,
            called: false,
            event,
        }
    }

    fn name(&self, who: PersonId) -> &str {
        &self.scene.person(who).name
    }

    fn room_of(&self, who: PersonId, at: Time) -> Option<RoomId> {
        self.sim.room_of(who, at)
    }

    /// The scene's own `Cue` events.
    fn given(&mut self) {
        let scene = self.scene;
        for &id in &self.sim.order {
            let event = &scene.events[id.index()];
            let Action::Cue {
                dept,
                number,
                what,
                standby,
                strikes,
                on_slam,
                called,
                handoff,
            } = &event.action
            else {
                continue;
            };
            let mut cue = self.cue(*dept, id, event.at, what.clone());
            cue.source = Source::Given;
            // A cue the desk runs itself (`follows`, or a later part of a multipart cue, which
            // runs on its cue's GO) is not called unless the scene says so.
            let desk_runs = handoff.follows || handoff.part.is_some_and(|p| p > 1);
            cue.called = called.unwrap_or_else(|| !desk_runs && super::called_by_default(*dept));
            cue.number = number.as_deref().map(str::trim).unwrap_or("").to_string();
            cue.standby = *standby;
            if let Some(wall) = strikes {
                let wall = &scene.wild_walls[wall.index()];
                cue.notes.push(format!("strikes {}", common(&wall.name)));
                cue.room = wall
                    .rooms
                    .iter()
                    .copied()
                    .find(|r| !scene.room(*r).offstage)
                    .or(wall.rooms.first().copied());
            }
            if let Some(door) = on_slam {
                cue.notes
                    .push(format!("on the slam of {}", nouns::door(scene, *door)));
                if let Some((_, by, at)) = self.nearest_slam(*door, event.at) {
                    cue.who = vec![by];
                    cue.room = self.room_of(by, at);
                }
            }
            self.cues.push(cue);
        }
    }

    /// The slam of `door` nearest `at` within [`SLAM_REACH`]: event, slammer, time.
    fn nearest_slam(&self, door: DoorId, at: Time) -> Option<(EventId, PersonId, Time)> {
        let scene = self.scene;
        self.sim
            .order
            .iter()
            .filter_map(|&id| {
                let event = &scene.events[id.index()];
                match event.action {
                    Action::Door {
                        door: d,
                        action: DoorAction::Slam,
                        by,
                    } if d == door => Some((id, by, event.at)),
                    _ => None,
                }
            })
            .filter(|(_, _, t)| (t.seconds() - at.seconds()).abs() <= SLAM_REACH)
            .min_by(|a, b| {
                let da = (a.2.seconds() - at.seconds()).abs();
                let db = (b.2.seconds() - at.seconds()).abs();
                da.total_cmp(&db)
            })
    }

    /// Whether a given sound cue `on_slam` this door covers the slam `event`.
    fn slam_covered(&self, door: DoorId, event: EventId) -> bool {
        self.cues.iter().any(|c| {
            c.source == Source::Given
                && c.dept == Department::Sound
                && matches!(
                    self.scene.events[c.event.index()].action,
                    Action::Cue { on_slam: Some(d), .. } if d == door
                )
                && self
                    .nearest_slam(door, c.at)
                    .is_some_and(|(slam, _, _)| slam == event)
        })
    }

    /// Cues implied by slams, camera events and props changing hands.
    fn staging(&mut self) {
        let scene = self.scene;
        let mut lenses: Vec<Option<f64>> = scene
            .people
            .iter()
            .map(|p| p.camera().map(|c| c.lens_mm))
            .collect();
        for &id in &self.sim.order {
            let event = &scene.events[id.index()];
            let at = event.at;
            match &event.action {
                Action::Door {
                    door,
                    action: DoorAction::Slam,
                    by,
                } => self.slam(id, *door, *by, at),
                Action::Camera(camera) => {
                    let before = lenses[camera.camera.index()];
                    if let Some(lens) = camera.lens_mm {
                        lenses[camera.camera.index()] = Some(lens);
                    }
                    self.camera(id, camera, before, at);
                }
                Action::Take { who, .. } | Action::Put { who, .. } | Action::Break { who, .. } => {
                    let what = self.sentence(id);
                    let note = match &event.action {
                        Action::Take { prop, .. } => {
                            let before = self.sim.prop_state_before(*prop, id).place;
                            let from = Narrator::new(scene).prop_place(before);
                            Some(format!("from {from}"))
                        }
                        Action::Break { .. } => {
                            Some("breakaway: reset a fresh one for the next take".to_string())
                        }
                        _ => None,
                    };
                    self.props(id, at, what, vec![*who], note);
                }
                Action::Give { from, to, .. } => {
                    let what = self.sentence(id);
                    self.props(id, at, what, vec![*from, *to], None);
                }
                Action::Throw { who, to, .. } => {
                    let what = self.sentence(id);
                    let mut who = vec![*who];
                    if let PlaceRef::Person(catcher) = to {
                        who.push(*catcher);
                    }
                    self.props(id, at, what, who, None);
                }
                _ => {}
            }
        }
    }

    /// The event in prose's words, read on its own (people named).
    fn sentence(&self, id: EventId) -> String {
        Narrator::new(self.scene)
            .sentence(self.sim, id)
            .unwrap_or_default()
    }

    fn props(
        &mut self,
        id: EventId,
        at: Time,
        what: String,
        who: Vec<PersonId>,
        note: Option<String>,
    ) {
        let mut cue = self.cue(Department::Props, id, at, what);
        cue.room = who.first().and_then(|&p| self.room_of(p, at));
        cue.who = who;
        cue.notes.extend(note);
        self.cues.push(cue);
    }

    /// A slam is a sound cue (unless a given one covers it) and a stage-management cue.
    fn slam(&mut self, id: EventId, door: DoorId, by: PersonId, at: Time) {
        let door_name = self.scene.door(door).name.clone();
        let room = self.room_of(by, at);
        if !self.slam_covered(door, id) {
            let mut cue = self.cue(Department::Sound, id, at, format!("{door_name} slam"));
            cue.room = room;
            cue.who = vec![by];
            cue.notes
                .push("no sound cue lands on this slam: the door is the effect".into());
            self.cues.push(cue);
        }
        let what = self.sentence(id);
        let mut cue = self.cue(Department::StageManagement, id, at, what);
        cue.room = room;
        cue.who = vec![by];
        self.cues.push(cue);
    }

    /// A camera event is a camera cue, merged into a given camera cue at the same moment.
    fn camera(&mut self, id: EventId, camera: &CameraMove, lens_before: Option<f64>, at: Time) {
        let scene = self.scene;
        let mut parts = Vec::new();
        let mut until = None;
        if let Some(travel) = &camera.travel {
            let mut part = format!("travel to {}", nouns::mark(scene, travel.to));
            if !travel.via.is_empty() {
                let doors: Vec<String> =
                    travel.via.iter().map(|d| nouns::door(scene, *d)).collect();
                part.push_str(&format!(" via {}", doors.join(", ")));
            }
            parts.push(part);
            until = self.sim.tracks[camera.camera.index()]
                .legs
                .iter()
                .find(|l| l.event == id)
                .map(|l| l.arrive);
        }
        if !camera.frame.is_empty() {
            let names: Vec<&str> = camera.frame.iter().map(|&p| self.name(p)).collect();
            parts.push(format!("frame {}", join_names(&names)));
        }
        if let Some(lens) = camera.lens_mm {
            let lens = crate::escape::number(lens, 1);
            parts.push(match lens_before {
                Some(before) => format!(
                    "lens change {} → {lens} mm",
                    crate::escape::number(before, 1)
                ),
                None => format!("lens change to {lens} mm"),
            });
        }
        if parts.is_empty() {
            return;
        }
        let description = capitalise(&parts.join("; "));
        let room = self.room_of(camera.camera, at);
        let covering = self.cues.iter_mut().find(|c| {
            c.source == Source::Given
                && c.dept == Department::Camera
                && (c.at.seconds() - at.seconds()).abs() <= SAME_MOMENT
        });
        if let Some(given) = covering {
            given.notes.push(description);
            given.until = given.until.or(until);
            if given.who.is_empty() {
                given.who = vec![camera.camera];
            }
            given.room = given.room.or(room);
            return;
        }
        let mut cue = self.cue(Department::Camera, id, at, description);
        cue.room = room;
        cue.who = vec![camera.camera];
        cue.until = until;
        self.cues.push(cue);
    }

    /// A performer passing into another room is an entrance (or an exit from the set).
    fn entrances(&mut self, whereabouts: &Whereabouts) {
        let scene = self.scene;
        for passage in whereabouts.passages.iter().copied() {
            let person = scene.person(passage.who);
            let (Some(from), Some(to)) = (passage.from, passage.to) else {
                continue;
            };
            if person.is_crew() || from == to {
                continue;
            }
            let through = match passage.portal {
                Portal::Door(d) => nouns::door(scene, d),
                Portal::Wild(w) => nouns::common_with(&scene.wild_walls[w.index()].name, "open"),
            };
            let what = Narrator::new(scene).passage(passage.who, from, to);
            let mut cue = self.cue(Department::StageManagement, passage.event, passage.at, what);
            cue.notes.push(format!("through {through}"));
            cue.room = Some(to);
            cue.who = vec![passage.who];
            self.cues.push(cue);
        }
    }
}

/// `Ana`, `Ana and Ben`, `Ana, Ben and Cy`.
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
