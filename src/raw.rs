//! The raw serde mirror of a scene file: exactly what the RON says, nothing resolved.
//!
//! Every id is still a `String` that may name nothing; every number may be NaN. The
//! [`crate::load`] pass turns this into a [`crate::model::Scene`] or diagnostics.
//! Field names here *are* the file format: change them only together with `docs/format.md`.

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

pub mod action;

/// A point on the floor plan, in metres: x to the right, y down the page.
pub type RawPoint = (f64, f64);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    pub title: String,
    #[serde(default)]
    pub notes: String,
    /// The scene file's revision date as the writer gives it (`"2026-11-30"`), printed on
    /// the calling script's revision stamp.
    #[serde(default)]
    pub date: Option<String>,
    /// Frames per second: 23.976, 24, 25, 29.97, 30, 48, 50 or 59.94.
    pub frame_rate: f64,
    /// Length of the take, as a time string.
    pub length: String,
    /// Rule codes or names silenced for this scene.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Rule codes or names that are errors for this scene.
    #[serde(default)]
    pub deny: Vec<String>,
    /// Rule codes or names that are warnings for this scene.
    #[serde(default)]
    pub warn: Vec<String>,
    /// When the take means the audience to see the set as a set (the reveal); default: the
    /// first strike of a wild wall onto offstage floor or the outside, or a backing flown out.
    #[serde(default)]
    pub reveal: Option<String>,
    pub set: Set,
    #[serde(default)]
    pub cast: IdMap<CastMember>,
    #[serde(default)]
    pub crew: IdMap<CrewMember>,
    #[serde(default)]
    pub props: IdMap<Prop>,
    #[serde(default)]
    pub beats: Vec<Beat>,
    #[serde(default)]
    pub timeline: Vec<Event>,
    /// One line saying what the take is, for the gallery page (a study reconstruction's
    /// context); default: the first sentence of `notes`.
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Set {
    pub rooms: IdMap<Room>,
    #[serde(default)]
    pub doors: Vec<Door>,
    #[serde(default)]
    pub wild_walls: Vec<WildWall>,
    #[serde(default)]
    pub furniture: Vec<Furniture>,
    #[serde(default)]
    pub practicals: Vec<Practical>,
    #[serde(default)]
    pub marks: IdMap<Mark>,
    /// Painted or photographic drops hung outside windows and openings that face offstage.
    #[serde(default)]
    pub backings: Vec<Backing>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backing {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// The window, opening, arch or door (between a set room and offstage floor) it hangs behind.
    pub covers: String,
    /// When it is flown in; default: the start of the take.
    #[serde(default)]
    pub from: Option<String>,
    /// When it is flown out (for a reveal); default: it stays for the whole take.
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    pub name: String,
    pub shape: Shape,
    /// True for the floor outside the built set (the soundstage, a corridor of the studio).
    #[serde(default)]
    pub offstage: bool,
    /// Open air on location (a street, a yard): the outline bounds the room but is no wall,
    /// and what the camera sees past it is more of the location, not the studio.
    #[serde(default)]
    pub exterior: bool,
    /// Height of the room's walls, metres (previz; default 2.5).
    #[serde(default)]
    pub wall_height: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Shape {
    /// Axis-aligned rectangle: top-left corner and size, metres.
    Rect { x: f64, y: f64, w: f64, h: f64 },
    /// Corners in order (either winding), metres; the last joins the first.
    Polygon(Vec<RawPoint>),
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum DoorKind {
    /// A hinged door: has a leaf, can be closed, locked and slammed.
    Door,
    /// A doorway with no leaf: always passable, always see-through.
    Opening,
    /// An arch: like an opening, drawn with its head.
    Arch,
    /// Glass in a wall: see-through, never passable.
    Window,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum DoorState {
    Open,
    Closed,
    Locked,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Hinge {
    Left,
    Right,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Door {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub kind: DoorKind,
    /// The two rooms the door joins; it must sit on a wall they share.
    pub rooms: (String, String),
    /// Centre of the doorway on the shared wall, metres.
    pub at: RawPoint,
    /// Clear width of the doorway, metres.
    pub width: f64,
    /// Hinge side seen from the room the door swings into.
    #[serde(default)]
    pub hinge: Option<Hinge>,
    /// Room the leaf swings into; defaults to the first room.
    #[serde(default)]
    pub swings_into: Option<String>,
    /// State when the take begins; doors default to closed, the rest are always open.
    #[serde(default)]
    pub state: Option<DoorState>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WildWall {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// The flat that can be struck: a straight stretch of wall, metres.
    pub from: RawPoint,
    pub to: RawPoint,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Furniture {
    pub id: String,
    pub name: String,
    pub room: String,
    pub shape: Shape,
    /// Low pieces (a rug, a coffee table) do not block the lens; default: they do not.
    #[serde(default)]
    pub blocks_view: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practical {
    pub id: String,
    pub name: String,
    pub room: String,
    pub at: RawPoint,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub room: String,
    pub at: RawPoint,
    #[serde(default)]
    pub note: Option<String>,
    /// What the mark is called in sentences and on plans, a noun phrase ("Fridge", "Foot of
    /// the stairs"); default: the id, in quotes.
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CastMember {
    pub name: String,
    #[serde(default)]
    pub played_by: Option<String>,
    /// How sentences refer to them after naming them; default: by name every time.
    #[serde(default)]
    pub pronouns: Option<Pronouns>,
    /// `#rrggbb`.
    pub colour: String,
    pub starts_at: String,
    /// Body radius, metres; default 0.25.
    #[serde(default)]
    pub radius: Option<f64>,
    /// Top speed, metres per second; default 4.0 (a run).
    #[serde(default)]
    pub top_speed: Option<f64>,
    /// A car, a cart or a cab in the cast: a moving body with a length and width that
    /// moves at vehicle speeds and carries props given to it (a trunk, a back seat).
    #[serde(default)]
    pub vehicle: Option<Vehicle>,
}

/// The pronouns a sentence uses for someone it has already named. Never guessed from a name.
#[derive(Debug, Deserialize, Clone, PartialEq, Eq)]
pub enum Pronouns {
    /// she, her, her.
    She,
    /// he, him, his.
    He,
    /// they, them, their (with plural verbs: "they walk").
    They,
    /// Any other set: `Custom(subject: "xe", object: "xem", possessive: "xyr")`.
    Custom {
        subject: String,
        object: String,
        /// The possessive determiner ("her keys", "xyr keys").
        possessive: String,
        /// Verbs agree as with "they" ("xe walk"); default: as with "she" ("xe walks").
        #[serde(default)]
        plural: bool,
    },
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Rig {
    Handheld,
    Steadicam,
    Gimbal,
    Dolly,
    /// A camera on a crane's arm: its head flies over people and furniture, within the
    /// arm's reach of the crane's base (a crew member), at a lens height.
    Crane,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum CrewRole {
    Camera {
        rig: Rig,
        /// Focal length, millimetres.
        lens_mm: f64,
        /// Sensor width, millimetres; default 24.89 (Super 35).
        #[serde(default)]
        sensor_mm: Option<f64>,
        /// The arm a `Crane` rig flies on; required for a crane, refused for other rigs.
        #[serde(default)]
        crane: Option<Crane>,
    },
    Boom,
    FocusPuller,
    Other(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrewMember {
    #[serde(default)]
    pub name: Option<String>,
    pub role: CrewRole,
    pub starts_at: String,
    /// Mark or person the crew member faces at the start (the camera's first framing).
    #[serde(default)]
    pub facing: Option<String>,
    /// Dressed as part of the scene, so being seen is not an error.
    #[serde(default)]
    pub in_costume: bool,
    /// How sentences refer to them after naming them; default: by name every time.
    #[serde(default)]
    pub pronouns: Option<Pronouns>,
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub radius: Option<f64>,
    #[serde(default)]
    pub top_speed: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum PropPlace {
    /// On the floor at a mark.
    OnMark(String),
    /// On a piece of furniture.
    On(String),
    /// In someone's hand.
    HeldBy(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prop {
    pub name: String,
    pub starts: PropPlace,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beat {
    pub at: String,
    pub title: String,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: String,
    #[serde(rename = "do")]
    pub action: Action,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq)]
pub enum Pace {
    Walk,
    Run,
    /// Metres per second.
    Speed(f64),
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum DoorAction {
    Open,
    Close,
    Slam,
    Lock,
    Unlock,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub enum Department {
    Lighting,
    Sound,
    Camera,
    StageManagement,
    Props,
    Effects,
}

/// What an event does. Each kind's fields are a struct of its own (`action::Move`, …), read
/// as the struct variant `Move(who: …, …)` of the file format by a hand-written
/// `Deserialize` (`action.rs`). A cue's and a camera event's many fields are boxed, so every
/// event of a timeline is not as large as the largest kind (a cue's desk hand-off fields made
/// each of 100,000 raw events 304 bytes).
#[derive(Debug)]
pub enum Action {
    /// Walk to a mark, through the named doors if given, arriving at `arrive` or at `pace`.
    Move(action::Move),
    Door(action::Door),
    /// Pick a prop up from where it is.
    Take(action::Take),
    /// Put a held prop down on a mark or furniture.
    Put(action::Put),
    /// Hand a held prop to someone within reach.
    Give(action::Give),
    /// Throw a held prop to a mark, furniture or person.
    Throw(action::Throw),
    /// The prop is broken and cannot be used again.
    Break(action::Break),
    /// A line or exchange, described in our own words (never a quotation).
    Line(action::Line),
    /// The camera moves to a mark and/or reframes and/or changes lens.
    Camera(Box<action::Camera>),
    /// A department cue.
    Cue(Box<action::Cue>),
}

/// A RON map of id → value that keeps file order and *every* entry. A plain map would let
/// ron keep only the last of two equal keys, and a duplicated room would vanish unseen.
#[derive(Debug)]
pub struct IdMap<T>(pub Vec<(String, T)>);

impl<T> Default for IdMap<T> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdMapVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for IdMapVisitor<T> {
            type Value = IdMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from ids to values, `{ \"id\": (...), ... }`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, T>()? {
                    entries.push(entry);
                }
                Ok(IdMap(entries))
            }
        }
        deserializer.deserialize_map(IdMapVisitor(PhantomData))
    }
}

// ---- Exteriors, vehicles and cranes (the gallery's study reconstructions) ----------------

/// A vehicle's body, metres: drawn as its footprint, judged as its width.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct Vehicle {
    /// Bumper to bumper, 1 to 30.
    pub length: f64,
    /// Side to side, 0.5 to 5.
    pub width: f64,
}

/// A camera crane: an arm on a base that a crew member (the grips with the dolly) moves.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crane {
    /// The arm's length from the pivot to the camera head, 1 to 30.
    pub arm: f64,
    /// The crew member standing for the crane's base.
    pub base: String,
    /// Height of the arm's pivot above the floor; default 1.5.
    #[serde(default)]
    pub pivot_height: Option<f64>,
    /// Lens height at the start of the take; default the pivot height (arm level).
    #[serde(default)]
    pub lens_height: Option<f64>,
}
