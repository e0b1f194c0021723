//! The resolved scene: every id is a typed handle into a `Vec`, every number finite and in
//! range, every place inside its room. Built only by [`crate::load`]; everything after the
//! loader (simulation, rules, renderers) can rely on it without checking again.

mod event;
pub mod handoff;
mod set_graph;

pub use crate::raw::{Department, DoorAction, DoorKind, DoorState, Hinge, Pronouns, Rig, Vehicle};
pub use event::{Action, CameraMove, Event, Move, Pace, PlaceRef, PropPlace};
pub use handoff::CueHandoff;
pub use set_graph::SetGraph;

use crate::geometry::{Point, Polygon, Segment};
use crate::locate::SourcePath;
use crate::time::{FrameRate, Time};

macro_rules! handle {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }

            pub fn from_index(index: usize) -> $name {
                $name(index as u32)
            }
        }
    )*};
}

handle!(
    /// A room of the set (a node of the set graph).
    RoomId,
    /// A door, opening, arch or window (an edge of the set graph).
    DoorId,
    WildWallId,
    FurnitureId,
    PracticalId,
    MarkId,
    /// A member of the cast or the crew.
    PersonId,
    /// A backing hung behind a window or opening.
    BackingId,
    PropId,
    BeatId,
    /// An event of the timeline, in file order.
    EventId,
);

#[derive(Debug)]
pub struct Scene {
    pub title: String,
    pub notes: String,
    /// The revision date as written, if the scene gives one.
    pub date: Option<String>,
    /// A short hash of the scene file's text (`SourceFile::content_hash`), to tell two
    /// revisions apart on paper.
    pub revision: String,
    pub frame_rate: FrameRate,
    pub length: Time,
    /// Per-scene rule levels as written (`allow`, `warn`, `deny`), checked by the rules layer.
    pub rule_levels: Vec<RuleLevel>,
    pub rooms: Vec<Room>,
    pub doors: Vec<Door>,
    pub wild_walls: Vec<WildWall>,
    pub furniture: Vec<Furniture>,
    pub practicals: Vec<Practical>,
    pub marks: Vec<Mark>,
    /// Cast first, then crew, each in file order.
    pub people: Vec<Person>,
    pub props: Vec<Prop>,
    /// In time order.
    pub beats: Vec<Beat>,
    /// In file order (which a rule checks is time order).
    pub events: Vec<Event>,
    /// Solid wall pieces and wild walls: room outlines less the door gaps, each piece once.
    pub walls: Vec<Wall>,
    pub graph: SetGraph,
    /// Drops hung behind windows and openings that face offstage, in file order.
    pub backings: Vec<Backing>,
    /// The moment the set is meant to be seen as a set, if the scene gives one (`reveal`).
    pub reveal: Option<Time>,
    /// One line of context for the gallery page, if the scene gives one.
    pub summary: Option<String>,
}

/// A painted or photographic drop hung outside a window or opening that faces offstage, so
/// the camera sees a view instead of the studio floor.
#[derive(Debug)]
pub struct Backing {
    pub id: String,
    pub name: String,
    /// The window, opening, arch or door it hangs behind.
    pub covers: DoorId,
    /// The offstage room it hangs in, just outside `covers`.
    pub outside: RoomId,
    /// Flown in at (the start of the take unless given).
    pub from: Time,
    /// Flown out at, if it is (for a reveal).
    pub until: Option<Time>,
    pub path: SourcePath,
}

impl Backing {
    /// Whether the drop hangs in place at `t`.
    pub fn hangs_at(&self, t: Time) -> bool {
        self.from <= t && self.until.is_none_or(|u| t < u)
    }
}

/// A rule level set in the scene file.
#[derive(Debug, Clone)]
pub struct RuleLevel {
    pub rule: String,
    pub level: crate::rules::Level,
    pub path: SourcePath,
}

#[derive(Debug)]
pub struct Room {
    pub id: String,
    pub name: String,
    pub outline: Polygon,
    /// The studio floor beyond the set (seen only in a reveal).
    pub offstage: bool,
    /// Open air on location: no walls of its own, nothing past it is the studio.
    pub exterior: bool,
    /// Height of the walls, metres, if the scene gives one (the 3D previz raises them).
    pub wall_height: Option<f64>,
    pub path: SourcePath,
}

#[derive(Debug)]
pub struct Door {
    pub id: String,
    pub name: String,
    pub kind: DoorKind,
    pub rooms: [RoomId; 2],
    /// Centre of the doorway, metres.
    pub at: Point,
    /// Clear width, metres.
    pub width: f64,
    /// The gap in the wall, from jamb to jamb.
    pub gap: Segment,
    pub hinge: Hinge,
    pub swings_into: RoomId,
    pub initial: DoorState,
    pub path: SourcePath,
}

impl Door {
    /// Doors, openings and arches can be walked through; windows cannot.
    pub fn is_passage(&self) -> bool {
        self.kind != DoorKind::Window
    }

    /// Only hinged doors open, close, slam and lock.
    pub fn has_leaf(&self) -> bool {
        self.kind == DoorKind::Door
    }

    pub fn other_room(&self, room: RoomId) -> RoomId {
        if self.rooms[0] == room {
            self.rooms[1]
        } else {
            self.rooms[0]
        }
    }
}

#[derive(Debug)]
pub struct WildWall {
    pub id: String,
    pub name: String,
    pub segment: Segment,
    /// The rooms on either side (one for an outer wall).
    pub rooms: Vec<RoomId>,
    pub path: SourcePath,
}

#[derive(Debug)]
pub struct Furniture {
    pub id: String,
    pub name: String,
    pub room: RoomId,
    pub outline: Polygon,
    pub blocks_view: bool,
    pub path: SourcePath,
}

#[derive(Debug)]
pub struct Practical {
    pub id: String,
    pub name: String,
    pub room: RoomId,
    pub at: Point,
    pub path: SourcePath,
}

#[derive(Debug)]
pub struct Mark {
    pub id: String,
    pub room: RoomId,
    pub at: Point,
    pub note: Option<String>,
    /// The display name (a noun phrase), if the scene gives one; sentences go through
    /// [`crate::prose`].
    pub name: Option<String>,
    pub path: SourcePath,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraSpec {
    pub rig: Rig,
    /// Focal length at the start of the take, millimetres.
    pub lens_mm: f64,
    /// Sensor width, millimetres.
    pub sensor_mm: f64,
    /// The arm of a `Crane` rig (always `Some` for one, `None` otherwise).
    pub crane: Option<CraneArm>,
}

/// Super 35 sensor width, millimetres: the default.
pub const SUPER35_MM: f64 = 24.89;

impl CameraSpec {
    /// Horizontal angle of view in radians: 2·atan(sensor / (2 × focal length)).
    pub fn field_of_view(sensor_mm: f64, lens_mm: f64) -> f64 {
        2.0 * (sensor_mm / (2.0 * lens_mm)).atan()
    }
}

impl Rig {
    /// Width of the rig with its operator, metres: what must fit through a doorway.
    pub fn width(self) -> f64 {
        match self {
            Rig::Handheld => 0.6,
            Rig::Steadicam => 0.9,
            Rig::Gimbal => 0.7,
            Rig::Dolly => 1.0,
            Rig::Crane => CRANE_HEAD_WIDTH,
        }
    }

    /// Top speed, metres per second.
    pub fn top_speed(self) -> f64 {
        match self {
            Rig::Handheld => 2.5,
            Rig::Steadicam => 1.6,
            Rig::Gimbal => 2.0,
            Rig::Dolly => 1.0,
            Rig::Crane => CRANE_HEAD_SPEED,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Cast { played_by: Option<String> },
    Camera(CameraSpec),
    Boom,
    FocusPuller,
    Other(String),
}

impl Role {
    pub fn is_crew(&self) -> bool {
        !matches!(self, Role::Cast { .. })
    }

    pub fn describe(&self) -> String {
        match self {
            Role::Cast { .. } => "cast".into(),
            Role::Camera(spec) => format!("camera ({:?})", spec.rig).to_lowercase(),
            Role::Boom => "boom operator".into(),
            Role::FocusPuller => "focus puller".into(),
            Role::Other(what) => what.clone(),
        }
    }
}

/// What a person faces when they are not moving: a mark or another person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacingTarget {
    Mark(MarkId),
    Person(PersonId),
}

#[derive(Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// `None`: sentences repeat the name.
    pub pronouns: Option<Pronouns>,
    pub role: Role,
    /// `#rrggbb`, lower case.
    pub colour: String,
    pub starts_at: MarkId,
    pub facing: Option<FacingTarget>,
    /// Dressed as part of the scene: may be seen by the camera.
    pub in_costume: bool,
    /// Body radius, metres.
    pub radius: f64,
    /// Metres per second.
    pub top_speed: f64,
    /// The body of a vehicle in the cast (a car), metres.
    pub vehicle: Option<Vehicle>,
    pub path: SourcePath,
}

impl Person {
    pub fn camera(&self) -> Option<CameraSpec> {
        match self.role {
            Role::Camera(spec) => Some(spec),
            _ => None,
        }
    }

    pub fn is_crew(&self) -> bool {
        self.role.is_crew()
    }

    /// A crane's camera head: it passes over people and furniture instead of around them.
    pub fn flies(&self) -> bool {
        self.camera().is_some_and(|c| c.crane.is_some())
    }
}

#[derive(Debug)]
pub struct Prop {
    pub id: String,
    pub name: String,
    pub starts: PropPlace,
    pub path: SourcePath,
}

#[derive(Debug)]
pub struct Beat {
    pub title: String,
    pub at: Time,
    pub notes: Option<String>,
    pub path: SourcePath,
}

/// A straight piece of wall. Door gaps are not walls; they live on [`Door::gap`].
#[derive(Debug, Clone, PartialEq)]
pub struct Wall {
    pub segment: Segment,
    /// Set for a wild wall, which a cue can strike.
    pub wild: Option<WildWallId>,
}

impl Department {
    pub const ALL: [Department; 6] = [
        Department::Lighting,
        Department::Sound,
        Department::Camera,
        Department::StageManagement,
        Department::Props,
        Department::Effects,
    ];

    /// The abbreviation crews call: LX, SQ, CAM, SM, PROPS, FX.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Department::Lighting => "LX",
            Department::Sound => "SQ",
            Department::Camera => "CAM",
            Department::StageManagement => "SM",
            Department::Props => "PROPS",
            Department::Effects => "FX",
        }
    }
}

impl Scene {
    pub fn person_by_id(&self, id: &str) -> Option<PersonId> {
        self.people
            .iter()
            .position(|p| p.id == id)
            .map(PersonId::from_index)
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.people[id.index()]
    }

    pub fn mark(&self, id: MarkId) -> &Mark {
        &self.marks[id.index()]
    }

    pub fn room(&self, id: RoomId) -> &Room {
        &self.rooms[id.index()]
    }

    pub fn door(&self, id: DoorId) -> &Door {
        &self.doors[id.index()]
    }

    pub fn prop(&self, id: PropId) -> &Prop {
        &self.props[id.index()]
    }

    /// Cameras, in file order.
    pub fn cameras(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.camera().is_some())
            .map(|(i, _)| PersonId::from_index(i))
    }

    /// The room that contains `p`, preferring set rooms over offstage floor.
    pub fn room_at(&self, p: Point) -> Option<RoomId> {
        let mut found = None;
        for (i, room) in self.rooms.iter().enumerate() {
            let (min, max) = room.outline.bounds();
            let margin = crate::geometry::EPSILON;
            if p.x < min.x - margin
                || p.x > max.x + margin
                || p.y < min.y - margin
                || p.y > max.y + margin
            {
                continue;
            }
            if room.outline.contains(p) {
                if room.outline.strictly_contains(p) {
                    return Some(RoomId::from_index(i));
                }
                found = found.or(Some(RoomId::from_index(i)));
            }
        }
        found
    }

    /// The beat running at `t`, if the take has beats and `t` is not before the first.
    pub fn beat_at(&self, t: Time) -> Option<BeatId> {
        self.beats
            .iter()
            .rposition(|b| b.at <= t)
            .map(BeatId::from_index)
    }
}

// ---- Exteriors, vehicles and cranes ----------------------------------------------------

/// Width of a crane's camera head, metres (what a doorway must pass; a crane seldom does).
pub const CRANE_HEAD_WIDTH: f64 = 1.0;
/// Fastest a crane's head is swung, metres per second.
pub const CRANE_HEAD_SPEED: f64 = 4.0;
/// Default height of a crane arm's pivot above the floor, metres.
pub const CRANE_PIVOT_HEIGHT: f64 = 1.5;

/// A crane's arm: the camera head swings on it from a pivot on the base.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CraneArm {
    /// Pivot to camera head, metres.
    pub arm: f64,
    /// The crew member standing for the base (the dolly and its grips).
    pub base: PersonId,
    /// Height of the pivot above the floor, metres.
    pub pivot_height: f64,
    /// Lens height at the start of the take, metres.
    pub lens_height: f64,
}

impl CraneArm {
    /// How far across the floor the head reaches from the base with the lens at `height`:
    /// the arm is the hypotenuse, so raising or lowering the lens shortens the reach.
    pub fn reach_at(&self, height: f64) -> f64 {
        let rise = height - self.pivot_height;
        (self.arm * self.arm - rise * rise).max(0.0).sqrt()
    }

    /// The lens heights the arm can reach at all (pivot ± arm, not below the floor).
    pub fn heights(&self) -> std::ops::RangeInclusive<f64> {
        (self.pivot_height - self.arm).max(0.0)..=self.pivot_height + self.arm
    }
}
