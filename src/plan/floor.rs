//! The set itself: floors, furniture, walls, doors, windows, practicals and marks, with their
//! labels. Reused by every plan and by the study pages, so it draws only what the scene and
//! the state of the doors and wild walls at one moment say.

use super::doors;
use super::labels::Placer;
use super::page::{Frame, PathData, Rect};
use super::style::{self, clean, n, text, text_width};
use crate::geometry::{Point, Polygon};
use crate::model::{Scene, WildWallId};
use crate::sim::Simulation;
use crate::time::Time;
use svg::node::element::{Circle, Group, Path};

/// How much a plan shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// A full page: every label.
    Full,
    /// A thumbnail (contact sheet): linework and room names only.
    Thumbnail,
}

/// What state to draw the set in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FloorState {
    /// Doors and wild walls are drawn as they are at this moment.
    pub at: Time,
    pub detail: Detail,
}

/// The floor with its labels, ready to drop into any SVG page. Labels avoid each other only;
/// callers with routes to avoid use [`base`] and [`labels`] with a shared [`Placer`].
pub fn floor(scene: &Scene, sim: &Simulation, frame: &Frame, state: FloorState) -> Group {
    let mut placer = Placer::new(frame.area);
    block_symbols(scene, frame, &mut placer);
    Group::new().add(base(scene, sim, frame, state)).add(labels(
        scene,
        sim,
        frame,
        state,
        &mut placer,
    ))
}

/// Floors, furniture, walls, doors, windows, lamps and tape marks: no text.
pub fn base(scene: &Scene, sim: &Simulation, frame: &Frame, state: FloorState) -> Group {
    let mut group = Group::new().set("class", "floor");
    for room in &scene.rooms {
        let outline = clip_to(&room.outline.corners, frame.min, frame.max);
        let page: Vec<Point> = outline.iter().map(|&p| frame.at(p)).collect();
        let path = Path::new().set("d", PathData::new().polyline(&page, true).into_string());
        group = group.add(if room.offstage {
            path.set("fill", style::OFFSTAGE)
                .set("stroke", style::HATCH)
                .set("stroke-width", n(frame.ink(0.3)))
                .set("stroke-dasharray", dashes(frame, &[1.5, 1.0]))
        } else {
            path.set("fill", style::FLOOR)
        });
    }
    for furniture in &scene.furniture {
        let page: Vec<Point> = furniture
            .outline
            .corners
            .iter()
            .map(|&p| frame.at(p))
            .collect();
        group = group.add(
            Path::new()
                .set("d", PathData::new().polyline(&page, true).into_string())
                .set(
                    "fill",
                    if furniture.blocks_view {
                        style::FURNITURE_TALL
                    } else {
                        style::FURNITURE
                    },
                )
                .set("stroke", style::FURNITURE_EDGE)
                .set("stroke-width", n(frame.ink(0.25))),
        );
    }
    group = group.add(walls(scene, sim, frame, state.at));
    group = group.add(doors::draw(scene, sim, frame, state.at));
    for practical in &scene.practicals {
        group = group.add(lamp(frame.at(practical.at), frame.ink(1.3), frame.ink(0.3)));
    }
    if state.detail == Detail::Full {
        let mut marks = PathData::new();
        let r = frame.ink(0.9);
        let crowd = super::crowd::Crowd::of(scene);
        for (i, mark) in scene.marks.iter().enumerate() {
            if !crowd.names_mark(crate::model::MarkId::from_index(i)) {
                continue;
            }
            let p = frame.at(mark.at);
            marks = marks
                .move_to(Point::new(p.x - r, p.y - r))
                .line_to(Point::new(p.x + r, p.y + r))
                .move_to(Point::new(p.x - r, p.y + r))
                .line_to(Point::new(p.x + r, p.y - r));
        }
        if !marks.is_empty() {
            group = group.add(
                Path::new()
                    .set("d", marks.into_string())
                    .set("stroke", style::MARK)
                    .set("stroke-width", n(frame.ink(0.35)))
                    .set("fill", "none"),
            );
        }
    }
    group
}

/// Wall pieces of the set rooms (the offstage floor has no walls to draw, though its edge
/// still blocks the camera), each drawn once; wild walls dashed, struck ones faint.
fn walls(scene: &Scene, sim: &Simulation, frame: &Frame, at: Time) -> Group {
    let set_edges: Vec<_> = scene
        .rooms
        .iter()
        .filter(|r| !r.offstage)
        .flat_map(|r| r.outline.edges())
        .collect();
    let on_set = |a: Point, b: Point| {
        set_edges
            .iter()
            .any(|e| e.distance_to(a) < 1e-3 && e.distance_to(b) < 1e-3)
    };
    let mut solid = PathData::new();
    let mut wild: Vec<(Point, Point, WildWallId)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for wall in &scene.walls {
        let (a, b) = (wall.segment.a, wall.segment.b);
        if !on_set(a, b) {
            continue;
        }
        let key = key(a, b);
        if !seen.insert(key) {
            continue;
        }
        match wall.wild {
            None => solid = solid.move_to(frame.at(a)).line_to(frame.at(b)),
            Some(id) => wild.push((a, b, id)),
        }
    }
    let mut group = Group::new();
    if !solid.is_empty() {
        group = group.add(
            Path::new()
                .set("class", "wall")
                .set("d", solid.into_string())
                .set("stroke-width", n(frame.ink(style::WALL_WIDTH))),
        );
    }
    for (a, b, id) in wild {
        let struck = sim.is_struck(id, at);
        let path = Path::new()
            .set(
                "d",
                PathData::new()
                    .move_to(frame.at(a))
                    .line_to(frame.at(b))
                    .into_string(),
            )
            .set("fill", "none")
            .set("stroke", if struck { style::FAINT } else { style::WALL })
            .set(
                "stroke-width",
                n(frame.ink(if struck { 0.4 } else { style::WALL_WIDTH })),
            );
        group = group.add(if struck {
            path.set("stroke-dasharray", dashes(frame, &[0.6, 1.2]))
        } else {
            path.set("stroke-dasharray", dashes(frame, &[2.4, 1.3]))
        });
    }
    group
}

/// A wall's key for drawing each piece once: ends rounded to millimetres, in order.
fn key(a: Point, b: Point) -> [i64; 4] {
    let mm = |v: f64| (v * 1000.0).round() as i64;
    let (a, b) = ((mm(a.x), mm(a.y)), (mm(b.x), mm(b.y)));
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    [a.0, a.1, b.0, b.1]
}

/// A dash pattern scaled to the frame's ink.
pub fn dashes(frame: &Frame, pattern: &[f64]) -> String {
    pattern
        .iter()
        .map(|&d| n(frame.ink(d)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lighting-plan symbol for a lamp: a circle with a cross.
pub fn lamp(p: Point, r: f64, width: f64) -> Group {
    let k = r * std::f64::consts::FRAC_1_SQRT_2;
    Group::new()
        .add(
            Circle::new()
                .set("cx", n(p.x))
                .set("cy", n(p.y))
                .set("r", n(r))
                .set("fill", style::LAMP)
                .set("stroke", style::INK)
                .set("stroke-width", n(width)),
        )
        .add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .move_to(Point::new(p.x - k, p.y - k))
                        .line_to(Point::new(p.x + k, p.y + k))
                        .move_to(Point::new(p.x - k, p.y + k))
                        .line_to(Point::new(p.x + k, p.y - k))
                        .into_string(),
                )
                .set("stroke", style::INK)
                .set("stroke-width", n(width)),
        )
}

/// Registers the set's walls and symbols (lamps, marks) with the placer so labels keep off
/// them.
pub fn block_symbols(scene: &Scene, frame: &Frame, placer: &mut Placer) {
    for wall in &scene.walls {
        placer.block_line(frame.at(wall.segment.a), frame.at(wall.segment.b));
    }
    for practical in &scene.practicals {
        placer.block_point(frame.at(practical.at), frame.ink(1.4));
    }
    let crowd = super::crowd::Crowd::of(scene);
    for (i, mark) in scene.marks.iter().enumerate() {
        if crowd.names_mark(crate::model::MarkId::from_index(i)) {
            placer.block_point(frame.at(mark.at), frame.ink(0.8));
        }
    }
}

/// Room names, then furniture, doors, lamps and marks: each label placed where it is free.
pub fn labels(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    state: FloorState,
    placer: &mut Placer,
) -> Group {
    let mut group = Group::new().set("class", "floor-labels");
    let room_size = frame.ink(style::ROOM_SIZE);
    for room in &scene.rooms {
        let outline = Polygon::new(clip_to(&room.outline.corners, frame.min, frame.max));
        if outline.corners.len() < 3 {
            continue;
        }
        let name = clean(&room.name).to_uppercase();
        let (min, max) = outline.bounds();
        let (a, b) = (frame.at(min), frame.at(max));
        let within = Rect::new(a.x, a.y, b.x - a.x, b.y - a.y);
        let size = room_size.min(within.h * 0.35);
        let w = text_width(&name, size, true) + 0.3 * name.chars().count() as f64 * frame.ink.0;
        let centre = if room.offstage {
            // Offstage floor: name near the top edge of what is shown, out of the action.
            Point::new((a.x + b.x) / 2.0, a.y + size * 1.6)
        } else {
            frame.at(outline.centroid())
        };
        let placed = placer.place_centred(centre, w, size, within);
        group = group.add(
            text(
                &name,
                placed.rect.x + placed.rect.w / 2.0,
                placed.rect.y + size * 0.82,
                size,
            )
            .set("class", "room"),
        );
    }
    if state.detail == Detail::Thumbnail {
        return group;
    }
    let small = frame.ink(style::SMALL_SIZE);
    for furniture in &scene.furniture {
        let name = clean(&furniture.name);
        let (min, max) = furniture.outline.bounds();
        let (a, b) = (frame.at(min), frame.at(max));
        let w = text_width(&name, small, false);
        let inside = Rect::new(a.x, a.y, b.x - a.x, b.y - a.y);
        let centre = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
        let centred = Rect::new(centre.x - w / 2.0, centre.y - small / 2.0, w, small);
        let fits = inside.w > w + 1.0 && inside.h > small * 1.4;
        let placed = if fits && placer.cost(&centred) < 1e-9 {
            placer.take(centred);
            centred
        } else {
            placer
                .place(centre, w, small, (inside.w.max(inside.h) / 2.0).max(1.0))
                .rect
        };
        group = group.add(label(&name, placed, small, style::FURNITURE_EDGE));
    }
    for (i, door) in scene.doors.iter().enumerate() {
        let id = crate::model::DoorId::from_index(i);
        let name = clean(&door.name);
        let name = match door.has_leaf() {
            true => format!(
                "{name} · {}",
                doors::state_word(sim.door_state(id, state.at))
            ),
            false => name,
        };
        let w = text_width(&name, small, false);
        let placed = placer.place(frame.at(door.at), w, small, frame.len(door.width * 0.6));
        group = group.add(label(&name, placed.rect, small, style::INK));
    }
    for (i, wall) in scene.wild_walls.iter().enumerate() {
        let note = match sim.struck.get(i).copied().flatten() {
            Some(t) => format!("wild wall, struck at {}", short(t)),
            None => "wild wall".to_string(),
        };
        let name = format!("{} ({note})", clean(&wall.name));
        let w = text_width(&name, small, false);
        let placed = placer.place(frame.at(wall.segment.midpoint()), w, small, frame.ink(1.6));
        group = group.add(label(&name, placed.rect, small, style::INK));
    }
    for practical in &scene.practicals {
        let name = clean(&practical.name);
        let w = text_width(&name, small, false);
        let placed = placer.place(frame.at(practical.at), w, small, frame.ink(2.0));
        if !placed.crowded {
            group = group.add(label(&name, placed.rect, small, "#8a6d00"));
        }
    }
    let crowd = super::crowd::Crowd::of(scene);
    for (i, mark) in scene.marks.iter().enumerate() {
        if !crowd.names_mark(crate::model::MarkId::from_index(i)) {
            continue;
        }
        let id = clean(&mark.id);
        let w = text_width(&id, small, false);
        let placed = placer.place(frame.at(mark.at), w, small, frame.ink(1.4));
        if !placed.crowded {
            group = group.add(label(&id, placed.rect, small, style::MARK));
        }
    }
    group
}

/// A label set in its box, with a white halo so it reads over lines.
pub fn label(content: &str, rect: Rect, size: f64, colour: &str) -> svg::node::element::Text {
    text(content, rect.x, rect.y + size * 0.8, size)
        .set("class", "halo")
        .set("fill", colour.to_string())
}

/// A time as `m:ss`, or `m:ss.s` when it is not on a whole second.
pub fn short(t: Time) -> String {
    let clock = t.clock();
    clock
        .strip_suffix(".0")
        .map(str::to_string)
        .unwrap_or(clock)
}

/// The part of a polygon inside the box `min`..`max` (Sutherland–Hodgman against each side).
pub fn clip_to(polygon: &[Point], min: Point, max: Point) -> Vec<Point> {
    let mut out = polygon.to_vec();
    let sides: [(Point, Point); 4] = [
        (Point::new(1.0, 0.0), min),
        (Point::new(-1.0, 0.0), max),
        (Point::new(0.0, 1.0), min),
        (Point::new(0.0, -1.0), max),
    ];
    for (normal, on) in sides {
        let inside = |p: Point| (p - on).dot(normal) >= 0.0;
        let input = std::mem::take(&mut out);
        for (i, &p) in input.iter().enumerate() {
            let q = input[(i + 1) % input.len()];
            let (pi, qi) = (inside(p), inside(q));
            if pi {
                out.push(p);
            }
            if pi != qi {
                let (dp, dq) = ((p - on).dot(normal), (q - on).dot(normal));
                let k = dp / (dp - dq);
                out.push(p.lerp(q, k));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_keeps_the_inside() {
        let square = Polygon::rect(-1.0, -1.0, 4.0, 4.0).corners;
        let clipped = clip_to(&square, Point::new(0.0, 0.0), Point::new(2.0, 2.0));
        assert!((Polygon::new(clipped).area() - 4.0).abs() < 1e-9);
    }

    #[test]
    fn times_are_short() {
        assert_eq!(short(Time::from_seconds(69.0).unwrap_or_default()), "1:09");
        assert_eq!(
            short(Time::from_seconds(69.5).unwrap_or_default()),
            "1:09.5"
        );
    }
}
