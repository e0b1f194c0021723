//! Lanes through doorways: routes found by the simulation all pass through the centre of
//! each doorway, so on a plan ten walks through one arch knot into one point. Here each
//! walker through a doorway gets a lane of its own across the gap, ordered by where they
//! come from and go to so that lanes do not cross each other in the doorway, as a
//! choreographer draws traffic through a door.
//!
//! Only the drawing moves: the simulation, and every check, still walk the centre line.

use super::routes::Walk;
use crate::geometry::Point;
use crate::model::{DoorId, PersonId, Scene};
use std::collections::BTreeMap;

/// Share of a doorway's width the lanes spread over (the rest is jamb clearance).
const SPREAD: f64 = 0.7;

/// A floor point as whole millimetres, for finding door centres among route points.
fn key(p: Point) -> (i64, i64) {
    ((p.x * 1000.0).round() as i64, (p.y * 1000.0).round() as i64)
}

/// A doorway's direction along its gap, the same whichever way its ends are given.
fn axis(along: Point) -> Point {
    if along.x < -1e-9 || (along.x.abs() <= 1e-9 && along.y < 0.0) {
        along * -1.0
    } else {
        along
    }
}

/// `walks` with every point at a doorway's centre moved to the walker's lane in it.
pub fn spread(scene: &Scene, walks: &[Walk]) -> Vec<Walk> {
    let doors: BTreeMap<(i64, i64), DoorId> = scene
        .doors
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_passage())
        .map(|(i, d)| (key(d.at), DoorId::from_index(i)))
        .collect();
    // For each doorway, each walker through it and where along the gap their neighbouring
    // points lie (summed, with a count): that orders the lanes.
    let mut through: BTreeMap<DoorId, BTreeMap<PersonId, (f64, usize)>> = BTreeMap::new();
    for walk in walks {
        for piece in &walk.pieces {
            for (k, &p) in piece.iter().enumerate() {
                let Some(&door) = doors.get(&key(p)) else {
                    continue;
                };
                let d = scene.door(door);
                let along = axis(d.gap.direction());
                let entry = through
                    .entry(door)
                    .or_default()
                    .entry(walk.who)
                    .or_insert((0.0, 0));
                for q in [k.checked_sub(1), Some(k + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|i| piece.get(i))
                {
                    // Where the line comes from and goes to, measured along the gap: lanes
                    // in that order do not cross in the doorway.
                    entry.0 += (*q - d.at).dot(along);
                    entry.1 += 1;
                }
            }
        }
    }
    // Each walker's lane offset (metres along the gap) at each doorway.
    let mut lanes: BTreeMap<(DoorId, PersonId), f64> = BTreeMap::new();
    for (door, walkers) in &through {
        let d = scene.door(*door);
        let mut order: Vec<(f64, PersonId)> = walkers
            .iter()
            .map(|(who, (sum, count))| (sum / (*count).max(1) as f64, *who))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let count = order.len();
        if count < 2 {
            continue;
        }
        let width = d.width * SPREAD;
        for (i, (_, who)) in order.iter().enumerate() {
            let offset = width * (i as f64 / (count - 1) as f64 - 0.5);
            lanes.insert((*door, *who), offset);
        }
    }
    walks
        .iter()
        .map(|walk| {
            let mut walk = walk.clone();
            for piece in &mut walk.pieces {
                for p in piece.iter_mut() {
                    let Some(&door) = doors.get(&key(*p)) else {
                        continue;
                    };
                    if let Some(offset) = lanes.get(&(door, walk.who)) {
                        let d = scene.door(door);
                        *p = d.at + axis(d.gap.direction()) * *offset;
                    }
                }
            }
            walk
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walkers_through_one_doorway_get_lanes_inside_the_gap() {
        let text = include_str!("../../scenes/tutorial.ron");
        let file = crate::source::SourceFile::new("t.ron", text);
        let Some(scene) = crate::load::load(&file).scene else {
            panic!("tutorial loads");
        };
        let (index, door) = scene
            .doors
            .iter()
            .enumerate()
            .find(|(_, d)| d.is_passage())
            .unwrap_or_else(|| panic!("a passage"));
        let across = Point::new(-door.gap.direction().y, door.gap.direction().x);
        let walk = |who: usize, shift: f64| Walk {
            who: PersonId::from_index(who),
            pieces: vec![vec![
                door.at - across + door.gap.direction() * shift,
                door.at,
                door.at + across + door.gap.direction() * shift,
            ]],
            stops: Vec::new(),
        };
        let walks = [walk(0, 0.5), walk(1, -0.5)];
        let spread = spread(&scene, &walks);
        let (a, b) = (spread[0].pieces[0][1], spread[1].pieces[0][1]);
        assert!(a.distance(b) > door.width * 0.5, "{a:?} {b:?}");
        for p in [a, b] {
            assert!(door.gap.distance_to(p) < 1e-9, "{p:?} off the gap {index}");
        }
        // Lanes follow where the walkers come from, so they do not cross in the doorway.
        assert!((a - door.at).dot(door.gap.direction()) * 0.5 > 0.0);
        // One walker alone keeps the centre.
        assert_eq!(super::spread(&scene, &walks[..1])[0].pieces[0][1], door.at);
    }
}
