//! Extras on a crowd take's plan (see [`super::crowd`]): the floor they walk as one faint
//! trace, a small grey dot where each one is, and how many are in each room. No names, no
//! stops, no arrows: a crowd reads as where it is and how dense, not as 2,000 stories.

use super::crowd::Crowd;
use super::labels::{Placer, text_box};
use super::page::{Frame, PathData, Rect};
use super::routes::Walk;
use super::style::{self, n, text, text_width};
use crate::geometry::{Point, Polygon};
use crate::model::{PersonId, RoomId, Scene};
use crate::sim::Simulation;
use crate::time::Time;
use std::collections::BTreeSet;
use svg::node::element::{Group, Path};

/// Colour of extras' traces and dots: the crew's grey, a touch darker so dots read on floor.
pub const EXTRA: &str = "#9aa0a8";

/// Page positions rounded to a hundredth of a millimetre, as integers, so the same piece of
/// floor walked a hundred times is drawn once.
fn key(p: Point) -> (i64, i64) {
    ((p.x * 100.0).round() as i64, (p.y * 100.0).round() as i64)
}

/// Every stretch of floor the extras walk in `walks`, each drawn once, as one thin path.
pub fn traces(scene: &Scene, frame: &Frame, walks: &[Walk], crowd: &Crowd) -> Group {
    let mut pieces: BTreeSet<((i64, i64), (i64, i64))> = BTreeSet::new();
    for walk in walks.iter().filter(|w| !crowd.is_principal(w.who)) {
        if scene.person(walk.who).is_crew() {
            continue;
        }
        for piece in &walk.pieces {
            for w in piece.windows(2) {
                let (a, b) = (key(frame.at(w[0])), key(frame.at(w[1])));
                if a != b {
                    pieces.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    if pieces.is_empty() {
        return Group::new();
    }
    let at = |k: (i64, i64)| Point::new(k.0 as f64 / 100.0, k.1 as f64 / 100.0);
    let mut data = PathData::new();
    for (a, b) in pieces {
        data = data.move_to(at(a)).line_to(at(b));
    }
    Group::new().set("class", "extras-walk").add(
        Path::new()
            .set("d", data.into_string())
            .set("fill", "none")
            .set("stroke", EXTRA)
            .set("stroke-opacity", "0.55")
            .set("stroke-width", n(frame.ink(0.3)))
            .set("stroke-linecap", "round"),
    )
}

/// A small dot for each extra where they are at `t`, all in one path.
pub fn dots(scene: &Scene, sim: &Simulation, frame: &Frame, t: Time, crowd: &Crowd) -> Group {
    let r = frame.ink(0.6);
    let mut data = PathData::new();
    let mut seen = BTreeSet::new();
    for i in 0..scene.people.len() {
        let who = PersonId::from_index(i);
        if crowd.is_principal(who) {
            continue;
        }
        let p = frame.at(sim.position(who, t));
        if !seen.insert(key(p)) {
            continue;
        }
        data = data
            .move_to(Point::new(p.x - r, p.y))
            .arc_to(r, false, Point::new(p.x + r, p.y))
            .arc_to(r, false, Point::new(p.x - r, p.y))
            .close();
    }
    if data.is_empty() {
        return Group::new();
    }
    Group::new()
        .set("class", "extras")
        .add(Path::new().set("d", data.into_string()).set("fill", EXTRA))
}

/// How many extras are in each room at `t`, in room order.
pub fn per_room(scene: &Scene, sim: &Simulation, t: Time, crowd: &Crowd) -> Vec<usize> {
    let mut counts = vec![0; scene.rooms.len()];
    for i in 0..scene.people.len() {
        let who = PersonId::from_index(i);
        if crowd.is_principal(who) {
            continue;
        }
        if let Some(room) = sim.room_of(who, t) {
            counts[room.index()] += 1;
        }
    }
    counts
}

/// "212 extras" under each room's name, placed where it is free (after the set's labels).
pub fn counts(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    t: Time,
    crowd: &Crowd,
    placer: &mut Placer,
) -> Group {
    let mut group = Group::new().set("class", "extras-count");
    let size = frame.ink(style::SMALL_SIZE);
    for (i, count) in per_room(scene, sim, t, crowd).into_iter().enumerate() {
        if count == 0 {
            continue;
        }
        let room = scene.room(RoomId::from_index(i));
        let outline = Polygon::new(super::floor::clip_to(
            &room.outline.corners,
            frame.min,
            frame.max,
        ));
        if outline.corners.len() < 3 {
            continue;
        }
        let (min, max) = outline.bounds();
        let (a, b) = (frame.at(min), frame.at(max));
        let within = Rect::new(a.x, a.y, b.x - a.x, b.y - a.y);
        let words = format!("{count} extra{}", if count == 1 { "" } else { "s" });
        let (w, h) = text_box(text_width(&words, size, false), size);
        let centre = frame.at(outline.centroid()) + Point::new(0.0, frame.ink(style::ROOM_SIZE));
        let Some(label) = placer.try_within(centre, w, h, within) else {
            placer.drop_label(format!("{words} in {}", style::clean(&room.name)));
            continue;
        };
        let origin = label.text_origin(size);
        group = group.add(
            text(&words, origin.x, origin.y, size)
                .set("class", "halo")
                .set("fill", style::MUTED),
        );
    }
    group
}
