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

#[cfg(test)]
mod tests {
    use super::{Earshot, earshot};
    use crate::model::{DoorId, RoomId};
    use crate::rules::testing::{scene, with_context};
    use crate::time::Time;

    /// The standard scene with offstage floor north of the kitchen.
    fn with_stage(timeline: &str) -> String {
        scene(timeline).replace(
            r#""hall": (name: "Hall", shape: Rect(x: 9.0, y: 0.0, w: 2.0, h: 4.0)),"#,
            r#""hall": (name: "Hall", shape: Rect(x: 9.0, y: 0.0, w: 2.0, h: 4.0)),
            "stage": (name: "Stage floor", shape: Rect(x: 0.0, y: 4.0, w: 4.0, h: 2.0), offstage: true),"#,
        )
    }

    fn heard(timeline: &str, speaker: &str, listener: &str, at: f64) -> Earshot {
        heard_in(&with_stage(timeline), speaker, listener, at)
    }

    fn heard_in(text: &str, speaker: &str, listener: &str, at: f64) -> Earshot {
        with_context(text, |cx| {
            let room = |id: &str| {
                RoomId::from_index(cx.scene.rooms.iter().position(|r| r.id == id).unwrap())
            };
            earshot(
                cx,
                room(speaker),
                room(listener),
                Time::from_seconds(at).unwrap(),
            )
        })
    }

    #[test]
    fn rooms_hear_each_other_through_openings_and_open_doors_only() {
        let none = "";
        assert_eq!(heard(none, "kitchen", "kitchen", 1.0), Earshot::Heard);
        assert_eq!(heard(none, "kitchen", "living", 1.0), Earshot::Heard);
        let hall_door = Earshot::DoorShut(DoorId::from_index(1));
        assert_eq!(heard(none, "living", "hall", 1.0), hall_door);
        assert_eq!(heard(none, "hall", "living", 1.0), hall_door);
        assert_eq!(heard(none, "kitchen", "hall", 1.0), Earshot::Apart);
        let opened =
            r#"timeline: [(at: "0:05", do: Door(door: "hall-door", action: Open, by: "ben"))]"#;
        assert_eq!(heard(opened, "living", "hall", 4.9), hall_door);
        assert_eq!(heard(opened, "living", "hall", 5.1), Earshot::Heard);
        // A line spoken on the set is not heard offstage, and the other way round is Apart.
        assert_eq!(heard(none, "kitchen", "stage", 1.0), Earshot::Offstage);
        assert_eq!(heard(none, "stage", "kitchen", 1.0), Earshot::Apart);
    }

    #[test]
    fn a_struck_wild_wall_joins_only_its_own_two_rooms() {
        // A flat in the kitchen's north wall, onto the stage floor, struck at 0:05.
        let text = with_stage(
            r#"timeline: [(at: "0:05", do: Cue(dept: StageManagement, what: "Fly the kitchen flat", strikes: "kitchen-flat"))]"#,
        )
        .replace(
            "furniture: [",
            r#"wild_walls: [(id: "kitchen-flat", from: (0.5, 4.0), to: (3.5, 4.0))],
        furniture: ["#,
        );
        assert_eq!(heard_in(&text, "stage", "kitchen", 4.9), Earshot::Apart);
        assert_eq!(heard_in(&text, "stage", "kitchen", 5.1), Earshot::Heard);
        // The living room and the hall are still apart behind their shut door.
        let hall_door = Earshot::DoorShut(DoorId::from_index(1));
        assert_eq!(heard_in(&text, "living", "hall", 5.1), hall_door);
        assert_eq!(heard_in(&text, "kitchen", "hall", 5.1), Earshot::Apart);
    }
}
