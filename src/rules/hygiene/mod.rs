//! Hygiene rules (warnings): things declared but never used, and rooms nobody can get to.
//! None of them breaks the take; each is usually a leftover or a typo elsewhere.

pub mod unreachable_room;
pub mod unused_mark;
pub mod unused_prop;
pub mod unused_room;

use crate::geometry::Polygon;
use crate::model::{RoomId, Scene};
use crate::rules::Context;

/// Rooms joined by doors, openings, arches (windows do not count) or wild walls, whatever
/// their state: a closed door can be opened, a wild wall struck.
fn neighbours(scene: &Scene) -> Vec<Vec<RoomId>> {
    let mut next = vec![Vec::new(); scene.rooms.len()];
    let mut join = |a: RoomId, b: RoomId| {
        next[a.index()].push(b);
        next[b.index()].push(a);
    };
    for door in scene.doors.iter().filter(|d| d.is_passage()) {
        join(door.rooms[0], door.rooms[1]);
    }
    for wall in &scene.wild_walls {
        if let [a, b] = wall.rooms[..] {
            join(a, b);
        }
    }
    next
}

/// Which rooms someone can walk to from a room anyone starts in (all false with no people).
pub fn reachable(scene: &Scene) -> Vec<bool> {
    let next = neighbours(scene);
    let mut seen = vec![false; scene.rooms.len()];
    let mut stack: Vec<RoomId> = scene
        .people
        .iter()
        .map(|p| scene.mark(p.starts_at).room)
        .collect();
    while let Some(room) = stack.pop() {
        if std::mem::replace(&mut seen[room.index()], true) {
            continue;
        }
        stack.extend(
            next[room.index()]
                .iter()
                .copied()
                .filter(|r| !seen[r.index()]),
        );
    }
    seen
}

/// Which rooms anyone is ever in: a start mark, a mark walked to, or a room on either side
/// of a door, opening or struck wild wall a route passes. A teleporting walk (no route) is
/// placed by the midpoint of its straight line.
pub fn entered(cx: &Context) -> Vec<bool> {
    let scene = cx.scene;
    let mut inside = vec![false; scene.rooms.len()];
    for person in &scene.people {
        inside[scene.mark(person.starts_at).room.index()] = true;
    }
    for track in &cx.sim.tracks {
        for leg in &track.legs {
            inside[scene.mark(leg.to).room.index()] = true;
            for &(portal, _) in &leg.route.portals {
                for room in portal.rooms(scene) {
                    inside[room.index()] = true;
                }
            }
            if !leg.route.found
                && let Some(room) = scene.room_at(leg.start().lerp(leg.end(), 0.5))
            {
                inside[room.index()] = true;
            }
        }
    }
    inside
}

/// Length of wall two outlines share, metres: the overlap of their collinear edges. A door
/// can go wherever this is long enough.
pub fn shared_wall(a: &Polygon, b: &Polygon) -> f64 {
    let mut total = 0.0;
    for e in a.edges() {
        let (d, length) = (e.direction(), e.length());
        for f in b.edges() {
            let parallel = d.cross(f.direction()).abs() < 1e-9;
            if !parallel || (f.a - e.a).cross(d).abs() > 1e-6 {
                continue;
            }
            let (s0, s1) = ((f.a - e.a).dot(d), (f.b - e.a).dot(d));
            total += (s0.max(s1).min(length) - s0.min(s1).max(0.0)).max(0.0);
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::shared_wall;
    use crate::geometry::{Point, Polygon};

    #[test]
    fn shared_wall_is_the_overlap_of_collinear_edges() {
        let kitchen = Polygon::rect(0.0, 0.0, 4.0, 3.5);
        assert!((shared_wall(&kitchen, &Polygon::rect(4.0, 1.0, 2.0, 5.0)) - 2.5).abs() < 1e-9);
        assert_eq!(
            shared_wall(&kitchen, &Polygon::rect(4.0, 3.5, 2.0, 2.0)),
            0.0
        );
        assert_eq!(
            shared_wall(&kitchen, &Polygon::rect(5.0, 0.0, 2.0, 2.0)),
            0.0
        );
    }

    #[test]
    fn shared_wall_is_the_same_wherever_the_set_stands() {
        // The same kitchen and living room as above, moved 10 m east and 20 m north.
        let kitchen = Polygon::rect(10.0, 20.0, 4.0, 3.5);
        let living = Polygon::rect(14.0, 21.0, 2.0, 5.0);
        assert!((shared_wall(&kitchen, &living) - 2.5).abs() < 1e-9);
        assert!((shared_wall(&living, &kitchen) - 2.5).abs() < 1e-9);
        assert_eq!(
            shared_wall(&kitchen, &Polygon::rect(15.0, 20.0, 2.0, 2.0)),
            0.0
        );
    }

    #[test]
    fn shared_wall_is_the_same_whichever_way_round_the_rooms_are_written() {
        let kitchen = Polygon::rect(10.0, 20.0, 4.0, 3.5);
        let corners =
            |c: &[(f64, f64)]| Polygon::new(c.iter().map(|&(x, y)| Point::new(x, y)).collect());
        // The living room (14..16, 21..26) corner by corner, one way and then the other.
        let one_way = corners(&[(14.0, 21.0), (16.0, 21.0), (16.0, 26.0), (14.0, 26.0)]);
        let other_way = corners(&[(14.0, 21.0), (14.0, 26.0), (16.0, 26.0), (16.0, 21.0)]);
        for living in [&one_way, &other_way] {
            assert!((shared_wall(&kitchen, living) - 2.5).abs() < 1e-9);
            assert!((shared_wall(living, &kitchen) - 2.5).abs() < 1e-9);
        }
    }
}
