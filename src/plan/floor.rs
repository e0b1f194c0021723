//! The set itself: floors, furniture, walls, doors, windows, practicals and marks, with their
//! labels. Reused by every plan and by the study pages, so it draws only what the scene and
//! the state of the doors and wild walls at one moment say.

use super::doors;
use super::labels::{Furniture, Kind, Pending, Placer, text_box};
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
    block_symbols(scene, frame, state.detail, &mut placer);
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
        } else if room.exterior {
            // Open air: the outline is where the plan stops, not a wall, drawn faint.
            path.set("fill", style::EXTERIOR)
                .set("stroke", style::HATCH)
                .set("stroke-width", n(frame.ink(0.3)))
                .set("stroke-dasharray", dashes(frame, &[4.0, 1.5, 0.6, 1.5]))
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
                    .set("class", "sym")
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
            .set("class", "wild-wall")
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
        .set("class", "sym")
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

/// Registers the set's walls, furniture and symbols (lamps, and marks on a full page) with
/// the placer: labels never touch walls or symbols, and room names keep off furniture.
pub fn block_symbols(scene: &Scene, frame: &Frame, detail: Detail, placer: &mut Placer) {
    for wall in &scene.walls {
        placer.block_wall(
            frame.at(wall.segment.a),
            frame.at(wall.segment.b),
            frame.ink(style::WALL_WIDTH),
        );
    }
    for furniture in &scene.furniture {
        placer.block(page_box(frame, &furniture.outline.corners), Kind::Furniture);
    }
    for practical in &scene.practicals {
        placer.block_point(frame.at(practical.at), frame.ink(1.5));
    }
    for backing in &scene.backings {
        let (a, b) = doors::backing_line(scene, backing, frame);
        placer.block(
            Rect::new(
                a.x.min(b.x),
                a.y.min(b.y),
                (a.x - b.x).abs(),
                (a.y - b.y).abs(),
            )
            .grow(frame.ink(0.5)),
            Kind::Symbol,
        );
    }
    for door in scene.doors.iter().filter(|d| d.has_leaf()) {
        let s = doors::swing(scene, door);
        placer.block_line(frame.at(s.hinge), frame.at(s.open_tip));
        placer.block_line(frame.at(s.open_tip), frame.at(s.strike));
    }
    if detail == Detail::Thumbnail {
        return;
    }
    let crowd = super::crowd::Crowd::of(scene);
    for (i, mark) in scene.marks.iter().enumerate() {
        if crowd.names_mark(crate::model::MarkId::from_index(i)) {
            placer.block_point(frame.at(mark.at), frame.ink(1.1));
        }
    }
}

/// The page box round floor points.
pub fn page_box(frame: &Frame, points: &[Point]) -> Rect {
    let (mut min, mut max) = (
        Point::new(f64::MAX, f64::MAX),
        Point::new(f64::MIN, f64::MIN),
    );
    for &p in points {
        let q = frame.at(p);
        min = Point::new(min.x.min(q.x), min.y.min(q.y));
        max = Point::new(max.x.max(q.x), max.y.max(q.y));
    }
    if min.x > max.x {
        return Rect::new(0.0, 0.0, 0.0, 0.0);
    }
    Rect::new(min.x, min.y, max.x - min.x, max.y - min.y)
}

/// Room names, then (on a full page) the set's own labels.
pub fn labels(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    state: FloorState,
    placer: &mut Placer,
) -> Group {
    let group = Group::new()
        .set("class", "floor-labels")
        .add(room_names(scene, frame, placer));
    if state.detail == Detail::Thumbnail {
        return group;
    }
    group.add(set_labels(scene, sim, frame, (state.at, state.at), placer))
}

/// Each room's name in capitals, as near its middle as is free, never on furniture, a lamp
/// or a wall; smaller sizes are tried before the name is left out.
pub fn room_names(scene: &Scene, frame: &Frame, placer: &mut Placer) -> Group {
    let mut group = Group::new().set("class", "room-names");
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
        let centre = if room.offstage {
            // Offstage floor: name near the top edge of what is shown, out of the action.
            Point::new((a.x + b.x) / 2.0, a.y + room_size * 1.6)
        } else {
            frame.at(outline.centroid())
        };
        let first = room_size.min(within.h * 0.35);
        let mut placed = None;
        for size in [first, first * 0.75, first * 0.6] {
            let spacing = 0.3 * size / style::ROOM_SIZE;
            let w = text_width(&name, size, true) + spacing * name.chars().count() as f64;
            let (w, h) = text_box(w, size);
            if let Some(label) = placer.try_within(centre, w, h, within) {
                placed = Some((label, size, spacing));
                break;
            }
        }
        let Some((label, size, spacing)) = placed else {
            placer.drop_label(format!("room {}", clean(&room.name)));
            continue;
        };
        let origin = label.text_origin(size);
        group = group.add(
            text(&name, label.rect.centre().x, origin.y, size)
                .set("class", "room")
                .set("letter-spacing", n(spacing)),
        );
    }
    group
}

/// Doors, furniture, wild walls, backings, lamps and marks, in that order of priority. A door
/// is labelled with its state at the start of `span` and every change during it.
pub fn set_labels(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    span: (Time, Time),
    placer: &mut Placer,
) -> Group {
    let at = span.0;
    let mut group = Group::new().set("class", "set-labels");
    let small = frame.ink(style::SMALL_SIZE);
    let add = |group: Group, pending: Pending, placer: &mut Placer| match pending.place(placer) {
        Some(g) => group.add(g),
        None => group,
    };
    for (i, door) in scene.doors.iter().enumerate() {
        let id = crate::model::DoorId::from_index(i);
        let name = clean(&door.name);
        let name = match (door.has_leaf(), span.0 == span.1) {
            (true, true) => format!("{name} · {}", doors::state_word(sim.door_state(id, at))),
            (true, false) => format!("{name}: {}", doors::history(scene, sim, id, span.0, span.1)),
            (false, _) => name,
        };
        let anchor = page_box(frame, &[door.gap.a, door.gap.b]);
        group = add(group, Pending::new(name, anchor, small, style::INK), placer);
    }
    for furniture in &scene.furniture {
        let name = clean(&furniture.name);
        let inside = page_box(frame, &furniture.outline.corners);
        let (w, h) = text_box(text_width(&name, small, false), small);
        let c = inside.centre();
        let centred = Rect::new(c.x - w / 2.0, c.y - h / 2.0, w, h);
        let pending = Pending::new(name, inside, small, style::FURNITURE_EDGE);
        let fits = inside.contains_rect(&centred);
        match fits
            .then(|| placer.take(centred, inside, Furniture::Avoid))
            .flatten()
        {
            Some(label) => group = group.add(pending.draw(&label)),
            None => group = add(group, pending, placer),
        }
    }
    for (i, wall) in scene.wild_walls.iter().enumerate() {
        let note = match sim.struck.get(i).copied().flatten() {
            Some(t) => format!("wild wall, struck at {}", short(t)),
            None => "wild wall".to_string(),
        };
        let name = format!("{} ({note})", clean(&wall.name));
        let anchor = page_box(frame, &[wall.segment.a, wall.segment.b]);
        group = add(group, Pending::new(name, anchor, small, style::INK), placer);
    }
    for backing in scene.backings.iter().filter(|b| b.hangs_at(at)) {
        let (a, b) = doors::backing_line(scene, backing, frame);
        let anchor = Rect::new(
            a.x.min(b.x),
            a.y.min(b.y),
            (a.x - b.x).abs(),
            (a.y - b.y).abs(),
        );
        let pending = Pending::new(clean(&backing.name), anchor, small, style::INK);
        group = add(group, pending, placer);
    }
    for practical in &scene.practicals {
        let anchor = Rect::at(frame.at(practical.at)).grow(frame.ink(1.5));
        let pending = Pending::new(clean(&practical.name), anchor, small, "#8a6d00");
        group = add(group, pending, placer);
    }
    let crowd = super::crowd::Crowd::of(scene);
    for (i, mark) in scene.marks.iter().enumerate() {
        if !crowd.names_mark(crate::model::MarkId::from_index(i)) {
            continue;
        }
        let anchor = Rect::at(frame.at(mark.at)).grow(frame.ink(1.1));
        let pending = Pending::new(clean(&mark.id), anchor, small, style::MARK);
        group = add(group, pending, placer);
    }
    group
}

pub use crate::time::short;

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
