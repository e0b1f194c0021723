//! What the camera can see on the floor: a visibility polygon inside the lens's angle of view,
//! cut off by walls, closed doors, unstruck wild walls and tall furniture.
//!
//! Rays are cast inside the wedge at a fine regular step plus just either side of every
//! blocker's end, so corners come out sharp. The sight rules are the simulation's
//! ([`Simulation::obstacle`]): windows and open doorways are clear.

use crate::geometry::{Point, Segment};
use crate::model::{DoorId, DoorState};
use crate::sim::{Simulation, View};
use crate::time::Time;

/// Angular step of the regular rays, radians (1°).
const STEP: f64 = std::f64::consts::PI / 180.0;
/// Rays either side of a blocker's end, radians.
const NUDGE: f64 = 1e-4;
/// Hits nearer than this to the lens are ignored (a camera standing in a doorway), metres.
const NEAR: f64 = 1e-4;

/// Everything that blocks the lens at `t`, as segments in metres.
pub fn blockers(sim: &Simulation, t: Time) -> Vec<Segment> {
    let scene = sim.scene;
    let mut out = Vec::new();
    for wall in &scene.walls {
        if wall.wild.is_none_or(|w| !sim.is_struck(w, t)) {
            out.push(wall.segment);
        }
    }
    for (i, door) in scene.doors.iter().enumerate() {
        if door.has_leaf() && sim.door_state(DoorId::from_index(i), t) != DoorState::Open {
            out.push(door.gap);
        }
    }
    for furniture in scene.furniture.iter().filter(|f| f.blocks_view) {
        out.extend(furniture.outline.edges());
    }
    out
}

/// Distance along the ray from `origin` in unit direction `dir` to the nearest blocker,
/// capped at `range`.
fn cast(origin: Point, dir: Point, range: f64, blockers: &[Segment]) -> f64 {
    let mut nearest = range;
    for s in blockers {
        let e = s.b - s.a;
        let denom = dir.cross(e);
        if denom.abs() < 1e-12 {
            continue;
        }
        let q = s.a - origin;
        let t = q.cross(e) / denom;
        let u = q.cross(dir) / denom;
        if t > NEAR && t < nearest && (-1e-9..=1.0 + 1e-9).contains(&u) {
            nearest = t;
        }
    }
    nearest
}

/// The floor the camera sees: the lens position first, then the far edge of sight from one
/// side of the angle of view to the other (always the same winding, so a union of many can
/// be filled as one path with the non-zero rule).
pub fn polygon(view: &View, range: f64, blockers: &[Segment]) -> Vec<Point> {
    let half = view.half_angle.clamp(0.01, 1.55);
    let axis = view.direction.angle();
    let start = axis - half;
    let mut offsets: Vec<f64> = Vec::new();
    let steps = ((2.0 * half) / STEP).ceil().max(1.0) as usize;
    for k in 0..=steps {
        offsets.push((2.0 * half) * k as f64 / steps as f64);
    }
    for s in blockers {
        for p in [s.a, s.b] {
            let to = p - view.origin;
            if to.length() > range || to.length() < NEAR {
                continue;
            }
            let offset = (to.angle() - start).rem_euclid(std::f64::consts::TAU);
            for o in [offset - NUDGE, offset, offset + NUDGE] {
                if (0.0..=2.0 * half).contains(&o) {
                    offsets.push(o);
                }
            }
        }
    }
    offsets.sort_by(f64::total_cmp);
    offsets.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    let mut points = Vec::with_capacity(offsets.len() + 1);
    points.push(view.origin);
    for o in offsets {
        let dir = Point::from_angle(start + o);
        let d = cast(view.origin, dir, range, blockers);
        points.push(view.origin + dir * d);
    }
    simplify(points)
}

/// Drops corners that lie on the straight line between their neighbours (within 1 mm):
/// regular rays along a wall add nothing to the shape.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    if points.len() < 4 {
        return points;
    }
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        if i == 0 || i == points.len() - 1 {
            out.push(p);
            continue;
        }
        let prev = *out.last().unwrap_or(&p);
        let next = points[i + 1];
        if Segment::new(prev, next).distance_to(p) > 1e-3 || i == 1 {
            out.push(p);
        }
    }
    out
}

/// Which doors are open and which wild walls are struck: all that changes the blockers.
type SightState = (Vec<bool>, Vec<bool>);

/// The views of `camera` from `from` to `to` every `step` seconds (and at `to`), each as a
/// visibility polygon; identical consecutive polygons are kept once.
pub fn sweep(
    sim: &Simulation,
    camera: crate::model::PersonId,
    from: Time,
    to: Time,
    step: f64,
    range: f64,
) -> Vec<Vec<Point>> {
    let mut out: Vec<Vec<Point>> = Vec::new();
    let (a, b) = (from.seconds(), to.seconds().max(from.seconds()));
    let count = ((b - a) / step).ceil().max(0.0) as usize;
    let mut cache: Option<(Vec<Segment>, SightState)> = None;
    for k in 0..=count {
        let t = Time::from_seconds((a + k as f64 * step).min(b)).unwrap_or(from);
        let key = state_key(sim, t);
        let walls = match &cache {
            Some((walls, cached)) if *cached == key => walls.clone(),
            _ => {
                let walls = blockers(sim, t);
                cache = Some((walls.clone(), key));
                walls
            }
        };
        let polygon = polygon(&sim.view(camera, t), range, &walls);
        if out.last() != Some(&polygon) {
            out.push(polygon);
        }
    }
    out
}

/// What decides the blockers at `t`: which doors are open and which wild walls are struck.
fn state_key(sim: &Simulation, t: Time) -> SightState {
    let doors = (0..sim.scene.doors.len())
        .map(|i| sim.door_state(DoorId::from_index(i), t) == DoorState::Open)
        .collect();
    let walls = (0..sim.scene.wild_walls.len())
        .map(|i| sim.is_struck(crate::model::WildWallId::from_index(i), t))
        .collect();
    (doors, walls)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(direction: Point) -> View {
        View {
            origin: Point::new(0.0, 0.0),
            direction,
            half_angle: 0.5,
        }
    }

    #[test]
    fn a_wall_cuts_the_view_short() {
        let wall = Segment::new(Point::new(2.0, -5.0), Point::new(2.0, 5.0));
        let poly = polygon(&view(Point::new(1.0, 0.0)), 10.0, &[wall]);
        assert_eq!(poly[0], Point::new(0.0, 0.0));
        assert!(poly.iter().all(|p| p.x <= 2.0 + 1e-9));
        assert!(poly.iter().skip(1).all(|p| (p.x - 2.0).abs() < 1e-9));
    }

    #[test]
    fn open_space_reaches_the_range() {
        let poly = polygon(&view(Point::new(0.0, 1.0)), 3.0, &[]);
        assert!(poly.iter().skip(1).all(|p| (p.length() - 3.0).abs() < 1e-6));
        assert!(poly.len() > 10);
    }

    #[test]
    fn a_gap_between_walls_lets_the_view_through() {
        let walls = [
            Segment::new(Point::new(2.0, -5.0), Point::new(2.0, -0.2)),
            Segment::new(Point::new(2.0, 0.2), Point::new(2.0, 5.0)),
        ];
        let poly = polygon(&view(Point::new(1.0, 0.0)), 10.0, &walls);
        assert!(poly.iter().any(|p| p.x > 9.0));
    }
}
