//! Timeline events with every id resolved.

use super::{Department, DoorAction, DoorId, FurnitureId, MarkId, PersonId, PropId, WildWallId};
use crate::locate::SourcePath;
use crate::time::Time;

#[derive(Debug)]
pub struct Event {
    pub at: Time,
    pub action: Action,
    pub note: Option<String>,
    /// Its place in the file's timeline: the path is built when asked for, since 100,000
    /// events would otherwise hold 100,000 paths for the rare finding that needs one.
    pub file_index: usize,
}

impl Event {
    /// `timeline[i]` in the file.
    pub fn path(&self) -> SourcePath {
        SourcePath::root().field("timeline").index(self.file_index)
    }
}

/// How fast a move goes when no arrival time is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// 1.4 m/s.
    Walk,
    /// 4.0 m/s.
    Run,
    /// Metres per second.
    Speed(f64),
}

impl Pace {
    pub const WALK: f64 = 1.4;
    pub const RUN: f64 = 4.0;

    pub fn metres_per_second(self) -> f64 {
        match self {
            Pace::Walk => Self::WALK,
            Pace::Run => Self::RUN,
            Pace::Speed(v) => v,
        }
    }
}

/// A walk to a mark.
#[derive(Debug, Clone)]
pub struct Move {
    pub who: PersonId,
    pub to: MarkId,
    /// Doors to pass, in order; empty means "the shortest route".
    pub via: Vec<DoorId>,
    /// When the walker must be on the mark; else the pace decides.
    pub arrive: Option<Time>,
    pub pace: Pace,
}

#[derive(Debug, Clone)]
pub struct CameraMove {
    pub camera: PersonId,
    pub travel: Option<Move>,
    /// Whom to keep in frame from now on (the camera turns to their centre); empty keeps
    /// the framing as it was.
    pub frame: Vec<PersonId>,
    pub lens_mm: Option<f64>,
    /// A crane's new lens height, metres: reached at the move's arrival, or at once.
    pub height: Option<f64>,
}

/// Where a prop is put or thrown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRef {
    Mark(MarkId),
    Furniture(FurnitureId),
    Person(PersonId),
}

/// Where a prop starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropPlace {
    OnMark(MarkId),
    On(FurnitureId),
    HeldBy(PersonId),
}

#[derive(Debug, Clone)]
pub enum Action {
    Move(Move),
    Door {
        door: DoorId,
        action: DoorAction,
        by: PersonId,
    },
    Take {
        who: PersonId,
        prop: PropId,
    },
    Put {
        who: PersonId,
        prop: PropId,
        on: PlaceRef,
    },
    Give {
        from: PersonId,
        to: PersonId,
        prop: PropId,
    },
    Throw {
        who: PersonId,
        prop: PropId,
        to: PlaceRef,
    },
    Break {
        who: PersonId,
        prop: PropId,
    },
    Line {
        who: PersonId,
        says: String,
        /// Addressees, who must be within earshot.
        to: Vec<PersonId>,
        until: Option<Time>,
        on_camera: bool,
    },
    Camera(CameraMove),
    Cue {
        dept: Department,
        number: Option<String>,
        what: String,
        standby: Option<Time>,
        strikes: Option<WildWallId>,
        on_slam: Option<DoorId>,
        /// Whether the stage manager calls it; `None` leaves it to the department
        /// (`cuesheet::called_by_default`).
        called: Option<bool>,
        /// What a lighting desk or QLab needs beyond the above.
        /// Boxed: most cues give none of it, and every event is as large as its largest kind.
        handoff: Box<super::CueHandoff>,
    },
}

impl Action {
    /// The person who does it, if anyone.
    pub fn actor(&self) -> Option<PersonId> {
        match self {
            Action::Move(m) => Some(m.who),
            Action::Door { by, .. } => Some(*by),
            Action::Take { who, .. }
            | Action::Put { who, .. }
            | Action::Throw { who, .. }
            | Action::Break { who, .. }
            | Action::Line { who, .. } => Some(*who),
            Action::Give { from, .. } => Some(*from),
            Action::Camera(c) => Some(c.camera),
            Action::Cue { .. } => None,
        }
    }

    /// The move this event starts, if it is one (a camera move with a destination counts).
    pub fn travel(&self) -> Option<&Move> {
        match self {
            Action::Move(m) => Some(m),
            Action::Camera(c) => c.travel.as_ref(),
            _ => None,
        }
    }

    /// A short lower-case name of the kind of event, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Action::Move(_) => "move",
            Action::Door { .. } => "door",
            Action::Take { .. } => "take",
            Action::Put { .. } => "put",
            Action::Give { .. } => "give",
            Action::Throw { .. } => "throw",
            Action::Break { .. } => "break",
            Action::Line { .. } => "line",
            Action::Camera(_) => "camera",
            Action::Cue { .. } => "cue",
        }
    }
}
