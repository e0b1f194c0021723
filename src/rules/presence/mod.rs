//! Presence rules: whoever a line or an action involves must be there for it.

pub mod one_voice;
pub mod out_of_earshot;

use crate::model::{DoorId, DoorKind, DoorState, RoomId};
use crate::rules::Context;
use crate::time::Time;

/// Why two rooms are, or are not, within earshot of each other at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Earshot {
    /// The same room, or rooms joined by an opening, an arch, an open door or a struck wild wall.
    Heard,
    /// Joined only by doors that are shut (the first is named).
    DoorShut(DoorId),
    /// No way between the rooms at all (or only windows, or unstruck wild walls).
    Apart,
    /// One is on the set, the other offstage.
    Offstage,
}

/// Whether someone in `listener` hears someone in `speaker` at `t`. One hop only: sound that
/// must cross a third room is not counted as heard.
pub fn earshot(cx: &Context, speaker: RoomId, listener: RoomId, t: Time) -> Earshot {
    if speaker == listener {
        return Earshot::Heard;
    }
    if cx.scene.room(listener).offstage && !cx.scene.room(speaker).offstage {
        return Earshot::Offstage;
    }
    let mut shut = None;
    for door in cx.scene.graph.doors_of(speaker) {
        let d = cx.scene.door(door);
        if d.other_room(speaker) != listener {
            continue;
        }
        match d.kind {
            DoorKind::Opening | DoorKind::Arch => return Earshot::Heard,
            DoorKind::Door if cx.sim.door_state(door, t) == DoorState::Open => {
                return Earshot::Heard;
            }
            DoorKind::Door => shut = shut.or(Some(door)),
            DoorKind::Window => {}
        }
    }
    let struck = cx.scene.wild_walls.iter().enumerate().any(|(i, w)| {
        w.rooms.contains(&speaker)
            && w.rooms.contains(&listener)
            && cx.sim.is_struck(crate::model::WildWallId::from_index(i), t)
    });
    match (struck, shut) {
        (true, _) => Earshot::Heard,
        (false, Some(door)) => Earshot::DoorShut(door),
        (false, None) => Earshot::Apart,
    }
}
