//! Doors, openings, arches and windows as architects draw them: a hinged door is its leaf and
//! a quarter-circle swing arc from the hinge, drawn open or across the gap as it stands;
//! an opening is a plain gap; an arch has its head dashed; a window is a thin double line.

use super::page::{Frame, PathData};
use super::style::{self, n};
use crate::geometry::Point;
use crate::model::{Door, DoorAction, DoorId, DoorKind, DoorState, Hinge, Scene};
use crate::sim::Simulation;
use crate::time::Time;
use svg::node::element::{Group, Path};

/// The word for a door's state in labels and the key.
pub fn state_word(state: DoorState) -> &'static str {
    match state {
        DoorState::Open => "open",
        DoorState::Closed => "closed",
        DoorState::Locked => "locked",
    }
}

/// A door's story over a span, for its label: its state at `from`, then every change up to
/// `to` with its time and who made it ("closed; opened 0:04 by Dante; slammed 1:37 by Her").
pub fn history(scene: &Scene, sim: &Simulation, door: DoorId, from: Time, to: Time) -> String {
    let mut words = vec![state_word(sim.door_state(door, from)).to_string()];
    for change in sim.doors[door.index()]
        .iter()
        .filter(|c| c.at > from && c.at <= to)
    {
        let (verb, by) = match &scene.events[change.event.index()].action {
            crate::model::Action::Door { action, by, .. } => (
                match action {
                    DoorAction::Open => "opened",
                    DoorAction::Close => "closed",
                    DoorAction::Slam => "slammed",
                    DoorAction::Lock => "locked",
                    DoorAction::Unlock => "unlocked",
                },
                Some(*by),
            ),
            _ => (state_word(change.state), None),
        };
        let who = by
            .map(|p| format!(" by {}", super::style::clean(&scene.person(p).name)))
            .unwrap_or_default();
        words.push(format!("{verb} {}{who}", super::floor::short(change.at)));
    }
    words.join("; ")
}

/// Where a hinged door's parts are, in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    pub hinge: Point,
    /// The jamb the leaf closes against.
    pub strike: Point,
    /// The leaf's free end when it stands open at 90°.
    pub open_tip: Point,
}

/// The door's swing: the hinge is on the left or right as seen from the room it swings into,
/// looking at the door; the open leaf stands square into that room.
pub fn swing(scene: &Scene, door: &Door) -> Swing {
    let (a, b) = (door.gap.a, door.gap.b);
    let along = (b - a).normalised();
    let mut normal = Point::new(-along.y, along.x);
    let into = &scene.room(door.swings_into).outline;
    let probe = door.width.max(0.1) * 0.25;
    if !into.contains(door.at + normal * probe) && into.contains(door.at - normal * probe) {
        normal = normal * -1.0;
    }
    // Facing the door from the swing room means looking along -normal; on a page with y
    // down, the left hand is (d.y, -d.x) for a facing direction d.
    let facing = normal * -1.0;
    let left = Point::new(facing.y, -facing.x);
    let left_jamb = if (a - door.at).dot(left) >= (b - door.at).dot(left) {
        a
    } else {
        b
    };
    let (hinge, strike) = match (door.hinge, left_jamb == a) {
        (Hinge::Left, true) | (Hinge::Right, false) => (a, b),
        _ => (b, a),
    };
    let width = hinge.distance(strike);
    Swing {
        hinge,
        strike,
        open_tip: hinge + normal * width,
    }
}

/// Every door, opening, arch and window, doors in their state at `at`.
pub fn draw(scene: &Scene, sim: &Simulation, frame: &Frame, at: Time) -> Group {
    let mut group = Group::new().set("class", "doors");
    for (i, door) in scene.doors.iter().enumerate() {
        let (a, b) = (frame.at(door.gap.a), frame.at(door.gap.b));
        group = group.add(match door.kind {
            DoorKind::Door => leaf(
                scene,
                door,
                frame,
                sim.door_state(DoorId::from_index(i), at),
            ),
            DoorKind::Opening => jambs(a, b, frame),
            DoorKind::Arch => jambs(a, b, frame).add(
                Path::new()
                    .set("d", PathData::new().move_to(a).line_to(b).into_string())
                    .set("stroke", style::INK)
                    .set("stroke-width", n(frame.ink(0.25)))
                    .set("stroke-dasharray", super::floor::dashes(frame, &[1.0, 0.7])),
            ),
            DoorKind::Window => window(a, b, frame),
        });
    }
    for backing in scene.backings.iter().filter(|b| b.hangs_at(at)) {
        group = group.add(backing_drop(scene, backing, frame));
    }
    group
}

/// Where a backing's heavy line is drawn on the page: 0.3 m out from the wall line on the
/// offstage side, a little wider than the gap it covers.
pub fn backing_line(
    scene: &Scene,
    backing: &crate::model::Backing,
    frame: &Frame,
) -> (Point, Point) {
    let gap = scene.door(backing.covers).gap;
    let along = gap.direction();
    let mut out = Point::new(-along.y, along.x);
    if !scene
        .room(backing.outside)
        .outline
        .contains(gap.midpoint() + out * 0.05)
    {
        out = out * -1.0;
    }
    (
        frame.at(gap.a - along * 0.15 + out * 0.3),
        frame.at(gap.b + along * 0.15 + out * 0.3),
    )
}

/// A backing: a heavy line just outside the gap it covers (its name is one of the set's
/// labels).
fn backing_drop(scene: &Scene, backing: &crate::model::Backing, frame: &Frame) -> Group {
    let (a, b) = backing_line(scene, backing, frame);
    Group::new().set("class", "backing sym").add(
        Path::new()
            .set("d", PathData::new().move_to(a).line_to(b).into_string())
            .set("stroke", style::INK)
            .set("stroke-width", n(frame.ink(0.9))),
    )
}

/// Short ticks across the wall line at each side of a gap, so the gap reads as built.
fn jambs(a: Point, b: Point, frame: &Frame) -> Group {
    let along = (b - a).normalised();
    let across = Point::new(-along.y, along.x) * frame.ink(style::WALL_WIDTH * 0.9);
    let d = PathData::new()
        .move_to(a - across)
        .line_to(a + across)
        .move_to(b - across)
        .line_to(b + across);
    Group::new().add(
        Path::new()
            .set("d", d.into_string())
            .set("stroke", style::WALL)
            .set("stroke-width", n(frame.ink(0.35))),
    )
}

fn window(a: Point, b: Point, frame: &Frame) -> Group {
    let along = (b - a).normalised();
    let across = Point::new(-along.y, along.x) * frame.ink(style::WALL_WIDTH * 0.55);
    let outline = [a - across, b - across, b + across, a + across];
    Group::new()
        .add(
            Path::new()
                .set("d", PathData::new().polyline(&outline, true).into_string())
                .set("fill", style::PAPER)
                .set("stroke", style::INK)
                .set("stroke-width", n(frame.ink(0.25))),
        )
        .add(
            Path::new()
                .set("d", PathData::new().move_to(a).line_to(b).into_string())
                .set("stroke", style::INK)
                .set("stroke-width", n(frame.ink(0.2))),
        )
}

fn leaf(scene: &Scene, door: &Door, frame: &Frame, state: DoorState) -> Group {
    let s = swing(scene, door);
    let (hinge, strike, tip) = (frame.at(s.hinge), frame.at(s.strike), frame.at(s.open_tip));
    let radius = hinge.distance(strike);
    let clockwise = (tip - hinge).cross(strike - hinge) > 0.0;
    let arc = Path::new()
        .set(
            "d",
            PathData::new()
                .move_to(tip)
                .arc_to(radius, clockwise, strike)
                .into_string(),
        )
        .set("fill", "none")
        .set("stroke", style::MUTED)
        .set("stroke-width", n(frame.ink(0.22)))
        .set("stroke-dasharray", super::floor::dashes(frame, &[0.8, 0.6]));
    let end = if state == DoorState::Open {
        tip
    } else {
        strike
    };
    let colour = if state == DoorState::Locked {
        "#8b1e1e"
    } else {
        style::INK
    };
    let mut group = jambs(hinge, strike, frame).add(arc).add(
        Path::new()
            .set(
                "d",
                PathData::new().move_to(hinge).line_to(end).into_string(),
            )
            .set("stroke", colour)
            .set(
                "stroke-width",
                n(frame.ink(if state == DoorState::Open { 0.45 } else { 0.7 })),
            )
            .set("stroke-linecap", "round"),
    );
    if state == DoorState::Locked {
        let mid = hinge.lerp(strike, 0.5);
        let r = frame.ink(0.7);
        group = group.add(
            svg::node::element::Rectangle::new()
                .set("x", n(mid.x - r))
                .set("y", n(mid.y - r))
                .set("width", n(2.0 * r))
                .set("height", n(2.0 * r))
                .set("fill", colour),
        );
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Segment;

    #[test]
    fn hinge_side_is_seen_from_the_swing_room() {
        // Two rooms side by side, the door in the shared wall x = 4, gap y 2..3; it swings
        // into the left room (x < 4). Standing there looking at the door (+x), left is -y.
        let text = include_str!("../../scenes/tutorial.ron");
        let file = crate::source::SourceFile::new("t.ron", text);
        let loaded = crate::load::load(&file);
        let Some(scene) = loaded.scene else {
            panic!("tutorial loads");
        };
        let mut door = Door {
            id: "d".into(),
            name: "d".into(),
            kind: DoorKind::Door,
            rooms: scene.doors[1].rooms,
            at: Point::new(4.0, 2.5),
            width: 1.0,
            gap: Segment::new(Point::new(4.0, 2.0), Point::new(4.0, 3.0)),
            hinge: Hinge::Left,
            swings_into: scene.doors[1].swings_into,
            initial: DoorState::Closed,
            path: scene.doors[1].path.clone(),
        };
        let s = swing(&scene, &door);
        assert_eq!(s.hinge, Point::new(4.0, 2.0));
        assert!(s.open_tip.x < 4.0);
        door.hinge = Hinge::Right;
        assert_eq!(swing(&scene, &door).hinge, Point::new(4.0, 3.0));
    }

    #[test]
    fn a_door_label_tells_every_change_in_the_span() {
        let text = include_str!("../../scenes/we-cry-together.ron");
        let file = crate::source::SourceFile::new("w.ron", text);
        let Some(scene) = crate::load::load(&file).scene else {
            panic!("bundled scene loads");
        };
        let sim = Simulation::new(&scene);
        let (i, _) = scene
            .doors
            .iter()
            .enumerate()
            .find(|(i, _)| sim.doors[*i].len() >= 2)
            .unwrap_or_else(|| panic!("a door that changes twice"));
        let door = DoorId::from_index(i);
        let t = |s| Time::from_seconds(s).unwrap_or_default();
        let whole = history(&scene, &sim, door, Time::ZERO, scene.length);
        assert_eq!(whole.matches("; ").count(), sim.doors[i].len(), "{whole}");
        assert!(whole.contains(" by "), "{whole}");
        // Before the first change only the state; after the last, the state it was left in.
        let first = sim.doors[i][0].at;
        let before = history(&scene, &sim, door, Time::ZERO, t(first.seconds() - 0.1));
        assert!(!before.contains(';'), "{before}");
    }
}
