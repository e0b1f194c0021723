//! The set in 3D: a floor per room, walls raised to their room's height with door gaps,
//! lintels, window sills and heads, door leaves hinged where the plan draws them and swung
//! at their times, wild walls that vanish at their strike, furniture boxes at heights that
//! agree with `blocks_view`, and backings.

use super::animation::{at, visibility};
use super::glb::{Channel, Document, Interpolation, Material, Node, Path};
use super::mesh::{Mesh, to_gltf};
use super::{Palette, extras, srgb};
use crate::geometry::{Point, Segment};
use crate::model::{DoorAction, DoorId, DoorKind, DoorState, Furniture, RoomId, Scene};
use crate::sim::Simulation;

/// Wall height when the room does not give one, metres.
pub const DEFAULT_WALL_HEIGHT: f64 = 2.5;
/// Wall thickness, metres (centred on the plan's wall line).
pub const WALL_THICKNESS: f64 = 0.1;
/// Top of a door or opening's gap, metres.
pub const DOOR_HEAD: f64 = 2.1;
/// Top of an arch's gap, metres.
pub const ARCH_HEAD: f64 = 2.25;
/// A window's sill and head, metres.
pub const WINDOW_SILL: f64 = 0.9;
pub const WINDOW_HEAD: f64 = 2.1;
/// How long a door takes to swing open or shut, and to slam, seconds.
pub const SWING: f64 = 0.8;
pub const SLAM: f64 = 0.25;
const LEAF_THICKNESS: f64 = 0.04;

/// The room's wall height, metres.
pub fn wall_height(scene: &Scene, room: RoomId) -> f64 {
    scene.room(room).wall_height.unwrap_or(DEFAULT_WALL_HEIGHT)
}

/// The height of a wall along `segment`: the tallest of the built rooms it bounds, `None`
/// when it only bounds offstage floor (the studio has no walls to show).
fn height_along(scene: &Scene, segment: Segment) -> Option<f64> {
    let mid = segment.midpoint();
    scene
        .rooms
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.offstage && r.outline.on_boundary(mid))
        .map(|(i, _)| wall_height(scene, RoomId::from_index(i)))
        .reduce(f64::max)
}

/// The height of the wall a door sits in.
fn door_wall_height(scene: &Scene, door: DoorId) -> f64 {
    built_wall_height(scene, door).unwrap_or(DEFAULT_WALL_HEIGHT)
}

/// The height of the built wall a door sits in; `None` for a gap between open-air exteriors
/// (or an exterior and offstage floor): no wall stands there, so no lintel or sill either.
fn built_wall_height(scene: &Scene, door: DoorId) -> Option<f64> {
    let d = scene.door(door);
    d.rooms
        .iter()
        .filter(|&&r| !scene.room(r).offstage && !scene.room(r).exterior)
        .map(|&r| wall_height(scene, r))
        .reduce(f64::max)
}

/// Top of the door's gap (and its sill, for a window), below the wall's top.
fn gap_heights(kind: DoorKind, wall: f64) -> (f64, f64) {
    let (sill, head) = match kind {
        DoorKind::Window => (WINDOW_SILL, WINDOW_HEAD),
        DoorKind::Arch => (0.0, ARCH_HEAD),
        DoorKind::Door | DoorKind::Opening => (0.0, DOOR_HEAD),
    };
    let head = head.min(wall - 0.05).max(sill + 0.1);
    (sill, head)
}

/// How tall a piece of furniture stands, from its name: tall pieces that block the view are
/// taller than the lens, low ones lower than it, so the 3D view agrees with the rules.
pub fn furniture_height(f: &Furniture) -> f64 {
    let words = format!("{} {}", f.name, f.id).to_lowercase();
    let has = |w: &str| words.contains(w);
    let guess: f64 = if has("rug") || has("carpet") || has("mat ") {
        0.02
    } else if has("coffee table") || has("ottoman") || has("footstool") {
        0.45
    } else if has("fridge") || has("refrigerator") {
        1.8
    } else if has("wardrobe") || has("closet") || has("armoire") || has("cupboard") {
        2.0
    } else if has("shel") || has("bookcase") || has("dresser") || has("cabinet") {
        1.9
    } else if has("counter") || has("sink") || has("island") || has("bar") || has("stove") {
        0.9
    } else if has("nightstand") || has("bedside") || has("bath") || has("tub") || has("bed") {
        0.55
    } else if has("sofa") || has("couch") || has("armchair") || has("chair") || has("bench") {
        0.85
    } else if has("table") || has("desk") || has("toilet") {
        0.75
    } else if has("piano") {
        1.3
    } else {
        0.75
    };
    if f.blocks_view {
        guess.max(1.9)
    } else {
        guess.min(1.2)
    }
}

/// Whether `p` is a jamb of any door (a wall run ending there stops at the gap).
fn is_jamb(scene: &Scene, p: Point) -> bool {
    scene
        .doors
        .iter()
        .any(|d| d.gap.a.distance(p) < 2e-3 || d.gap.b.distance(p) < 2e-3)
}

/// A straight run of solid wall at one height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run {
    pub segment: Segment,
    pub height: f64,
}

/// The set's solid walls as runs that never overlap: the loader's pieces come per room, so
/// two rooms that share a stretch cut it at different places and pieces overlap (coplanar
/// faces render as noise or black in a path tracer). Each piece is cut at every piece end
/// on it, the bits kept once, those bounding only offstage floor dropped, and collinear
/// neighbours of one height joined again.
pub fn wall_runs(scene: &Scene) -> Vec<Run> {
    let solid: Vec<Segment> = scene
        .walls
        .iter()
        .filter(|w| w.wild.is_none() && w.segment.length() > 1e-3)
        .map(|w| w.segment)
        .collect();
    let ends: Vec<Point> = scene
        .walls
        .iter()
        .flat_map(|w| [w.segment.a, w.segment.b])
        .chain(scene.rooms.iter().flat_map(|r| r.outline.corners.clone()))
        .collect();
    let mm = |v: f64| (v * 1000.0).round() as i64;
    // Bits keyed by their line (direction, offset) and kept once.
    type Line = (i64, i64);
    let mut lines: std::collections::BTreeMap<Line, Vec<(f64, f64, f64)>> = Default::default();
    let mut seen = std::collections::BTreeSet::new();
    for piece in solid {
        let mut d = piece.direction();
        if d.x < -1e-9 || (d.x.abs() <= 1e-9 && d.y < 0.0) {
            d = d * -1.0;
        }
        let normal = Point::new(-d.y, d.x);
        let offset = normal.dot(piece.a);
        let along = |p: Point| d.dot(p);
        let (t0, t1) = {
            let (x, y) = (along(piece.a), along(piece.b));
            (x.min(y), x.max(y))
        };
        let mut cuts: Vec<f64> = ends
            .iter()
            .filter(|&&p| piece.distance_to(p) < 1e-3)
            .map(|&p| along(p).clamp(t0, t1))
            .chain([t0, t1])
            .collect();
        cuts.sort_by(f64::total_cmp);
        cuts.dedup_by(|a, b| (*a - *b).abs() < 1e-3);
        let line = ((d.y.atan2(d.x) * 1e6).round() as i64, mm(offset));
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let point = |t: f64| d * t + normal * offset;
            let bit = Segment::new(point(a), point(b));
            let mid = bit.midpoint();
            let wild = scene
                .wild_walls
                .iter()
                .any(|w| w.segment.distance_to(mid) < 1e-3);
            let gap = scene.doors.iter().any(|g| g.gap.distance_to(mid) < 1e-3);
            if wild || gap || !seen.insert((line, mm(a), mm(b))) {
                continue;
            }
            if let Some(height) = height_along(scene, bit) {
                lines.entry(line).or_default().push((a, b, height));
            }
        }
    }
    let mut runs = Vec::new();
    for ((angle, offset), mut bits) in lines {
        let direction = Point::from_angle(angle as f64 / 1e6);
        let normal = Point::new(-direction.y, direction.x);
        let offset = offset as f64 / 1000.0;
        let point = |t: f64| direction * t + normal * offset;
        bits.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut current: Option<(f64, f64, f64)> = None;
        for (a, b, h) in bits {
            current = match current {
                Some((a0, b0, h0)) if (a - b0).abs() < 1e-3 && (h - h0).abs() < 1e-9 => {
                    Some((a0, b, h0))
                }
                Some((a0, b0, h0)) => {
                    runs.push(Run {
                        segment: Segment::new(point(a0), point(b0)),
                        height: h0,
                    });
                    Some((a, b, h))
                }
                None => Some((a, b, h)),
            };
        }
        if let Some((a0, b0, h0)) = current {
            runs.push(Run {
                segment: Segment::new(point(a0), point(b0)),
                height: h0,
            });
        }
    }
    runs
}

/// Square posts where runs end other than at a door (corners, tees, the ends of wild
/// walls), a few millimetres proud of the walls so no face lies on another.
fn posts(scene: &Scene, runs: &[Run]) -> Vec<(Point, f64)> {
    let mm = |v: f64| (v * 1000.0).round() as i64;
    let mut posts: std::collections::BTreeMap<(i64, i64), (Point, f64)> = Default::default();
    for run in runs {
        for p in [run.segment.a, run.segment.b] {
            if is_jamb(scene, p) {
                continue;
            }
            let slot = posts.entry((mm(p.x), mm(p.y))).or_insert((p, 0.0));
            slot.1 = slot.1.max(run.height);
        }
    }
    posts.into_values().collect()
}

/// Where a hinged door's leaf turns, closes against and stands open to (metres on the plan).
fn leaf_yaw(from: Point, to: Point) -> f64 {
    let d = (to - from).normalised();
    (-d.y).atan2(d.x)
}

fn yaw_q(yaw: f64) -> [f32; 4] {
    let q = super::animation::yaw_quaternion(yaw);
    q.map(|v| v as f32)
}

/// The door leaf's swing: keys from its initial state through every change that opens or
/// shuts it, each swing starting at its event.
fn door_channel(
    scene: &Scene,
    sim: &Simulation,
    door: DoorId,
    node: usize,
    closed: f64,
    open: f64,
    end: f64,
) -> Option<Channel> {
    let is_open = |s: DoorState| s == DoorState::Open;
    let changes = &sim.doors[door.index()];
    let mut state = is_open(scene.door(door).initial);
    let mut keys: Vec<(f64, bool)> = vec![(0.0, state)];
    for (i, change) in changes.iter().enumerate() {
        let t = change.at.seconds();
        let now = is_open(sim.door_state(door, change.at));
        if now == state || t >= end {
            continue;
        }
        let slam = matches!(
            scene.events[change.event.index()].action,
            crate::model::Action::Door {
                action: DoorAction::Slam,
                ..
            }
        );
        let next = changes[i + 1..]
            .iter()
            .map(|c| c.at.seconds())
            .find(|&n| n > t)
            .unwrap_or(f64::INFINITY);
        let swing = (if slam { SLAM } else { SWING })
            .min((next - t) / 2.0)
            .min(end - t);
        if swing <= 0.0 {
            continue;
        }
        if t > keys[keys.len() - 1].0 {
            keys.push((t, state));
        }
        keys.push((t + swing, now));
        state = now;
    }
    if keys.len() < 2 {
        return None;
    }
    let mut values = Vec::new();
    let mut previous: Option<[f32; 4]> = None;
    for &(_, open_now) in &keys {
        let mut q = yaw_q(if open_now { open } else { closed });
        if let Some(p) = previous
            && p.iter().zip(&q).map(|(a, b)| a * b).sum::<f32>() < 0.0
        {
            q = q.map(|v| -v);
        }
        previous = Some(q);
        values.extend(q);
    }
    Some(Channel {
        node,
        path: Path::Rotation,
        interpolation: Interpolation::Linear,
        times: keys.iter().map(|k| k.0 as f32).collect(),
        values,
    })
}

/// The set's nodes under one "Set" node; returns it.
pub fn build(
    doc: &mut Document,
    scene: &Scene,
    sim: &Simulation,
    palette: &Palette,
    end: f64,
) -> usize {
    let mut children = Vec::new();
    // Floors: a thin slab per room, its top at 0.
    for (i, room) in scene.rooms.iter().enumerate() {
        let mut mesh = Mesh::default();
        mesh.add_prism(&room.outline, -0.02, 0.0);
        let material = if room.offstage {
            palette.offstage
        } else {
            palette.floor
        };
        let m = doc.add_mesh(format!("{} floor", room.name), mesh, material);
        children.push(doc.add_node(Node {
            name: room.name.clone(),
            mesh: Some(m),
            extras: Some(extras(
                if room.offstage { "offstage" } else { "room" },
                &room.id,
            )),
            ..Node::default()
        }));
        let _ = i;
    }
    // Solid walls, lintels and sills in one mesh.
    let mut walls = Mesh::default();
    let runs = wall_runs(scene);
    for run in &runs {
        walls.add_slab(
            run.segment.a,
            run.segment.b,
            WALL_THICKNESS,
            0.0,
            run.height,
        );
    }
    let post = WALL_THICKNESS / 2.0 + 0.005;
    for (p, height) in posts(scene, &runs) {
        walls.add_box(
            [p.x - post, 0.0, p.y - post],
            [p.x + post, height + 0.005, p.y + post],
        );
    }
    for (i, door) in scene.doors.iter().enumerate() {
        let Some(wall) = built_wall_height(scene, DoorId::from_index(i)) else {
            continue;
        };
        let (sill, head) = gap_heights(door.kind, wall);
        walls.add_slab(door.gap.a, door.gap.b, WALL_THICKNESS, head, wall);
        if sill > 0.0 {
            walls.add_slab(door.gap.a, door.gap.b, WALL_THICKNESS, 0.0, sill);
        }
    }
    if !walls.is_empty() {
        let m = doc.add_mesh("Walls".into(), walls, palette.wall);
        children.push(doc.add_node(Node {
            name: "Walls".into(),
            mesh: Some(m),
            ..Node::default()
        }));
    }
    // Door leaves, each turning about its hinge.
    for (i, door) in scene.doors.iter().enumerate() {
        if !door.has_leaf() {
            continue;
        }
        let id = DoorId::from_index(i);
        let swing = crate::plan::doors::swing(scene, door);
        let width = swing.hinge.distance(swing.strike);
        let (_, head) = gap_heights(door.kind, door_wall_height(scene, id));
        let mut leaf = Mesh::default();
        leaf.add_box(
            [0.01, 0.0, -LEAF_THICKNESS / 2.0],
            [(width - 0.01).max(0.02), head - 0.01, LEAF_THICKNESS / 2.0],
        );
        let m = doc.add_mesh(format!("{} leaf", door.name), leaf, palette.door);
        let closed = leaf_yaw(swing.hinge, swing.strike);
        let open = leaf_yaw(swing.hinge, swing.open_tip);
        let initial = if door.initial == DoorState::Open {
            open
        } else {
            closed
        };
        let node = doc.add_node(Node {
            name: door.name.clone(),
            mesh: Some(m),
            translation: Some(to_gltf(swing.hinge, 0.0)),
            rotation: Some(yaw_q(initial)),
            extras: Some(extras("door", &door.id)),
            ..Node::default()
        });
        if let Some(channel) = door_channel(scene, sim, id, node, closed, open, end) {
            doc.channels.push(channel);
        }
        children.push(node);
    }
    // Wild walls: shown until their strike.
    for (i, wild) in scene.wild_walls.iter().enumerate() {
        let height = height_along(scene, wild.segment).unwrap_or(DEFAULT_WALL_HEIGHT);
        let mut mesh = Mesh::default();
        let mid = wild.segment.midpoint();
        let local = |p: Point| p - mid;
        mesh.add_slab(
            local(wild.segment.a),
            local(wild.segment.b),
            WALL_THICKNESS,
            0.0,
            height,
        );
        let m = doc.add_mesh(wild.name.clone(), mesh, palette.wild_wall);
        let node = doc.add_node(Node {
            name: wild.name.clone(),
            mesh: Some(m),
            translation: Some(to_gltf(mid, 0.0)),
            extras: Some(extras("wild_wall", &wild.id)),
            ..Node::default()
        });
        if let Some(strike) = sim.struck[i] {
            let strike = strike.seconds();
            doc.channels.push(visibility(node, &[strike], end, &|t| {
                !sim.is_struck(crate::model::WildWallId::from_index(i), at(t))
            }));
            if strike <= 0.0 {
                doc.nodes[node].scale = Some([0.0, 0.0, 0.0]);
            }
        }
        children.push(node);
    }
    // Furniture.
    for f in &scene.furniture {
        let mut mesh = Mesh::default();
        mesh.add_prism(&f.outline, 0.0, furniture_height(f));
        let material = if f.blocks_view {
            palette.tall_furniture
        } else {
            palette.furniture
        };
        let m = doc.add_mesh(f.name.clone(), mesh, material);
        children.push(doc.add_node(Node {
            name: f.name.clone(),
            mesh: Some(m),
            extras: Some(extras("furniture", &f.id)),
            ..Node::default()
        }));
    }
    // Backings: a drop 0.3 m outside the gap, 0.15 m past each jamb (as plans draw them).
    for backing in &scene.backings {
        let door = scene.door(backing.covers);
        let gap = door.gap;
        let along = gap.direction();
        let mut out = Point::new(-along.y, along.x);
        if !scene
            .room(backing.outside)
            .outline
            .contains(gap.midpoint() + out * 0.05)
        {
            out = out * -1.0;
        }
        let (a, b) = (
            gap.a - along * 0.15 + out * 0.3,
            gap.b + along * 0.15 + out * 0.3,
        );
        let mid = a.lerp(b, 0.5);
        let height = door_wall_height(scene, backing.covers);
        let mut mesh = Mesh::default();
        mesh.add_slab(a - mid, b - mid, 0.03, 0.0, height);
        let m = doc.add_mesh(backing.name.clone(), mesh, palette.backing);
        let node = doc.add_node(Node {
            name: backing.name.clone(),
            mesh: Some(m),
            translation: Some(to_gltf(mid, 0.0)),
            extras: Some(extras("backing", &backing.id)),
            ..Node::default()
        });
        let mut changes = vec![backing.from.seconds()];
        changes.extend(backing.until.map(|u| u.seconds()));
        if backing.from.seconds() > 0.0 || backing.until.is_some() {
            doc.channels.push(visibility(node, &changes, end, &|t| {
                backing.hangs_at(at(t))
            }));
            if !backing.hangs_at(at(0.0)) {
                doc.nodes[node].scale = Some([0.0, 0.0, 0.0]);
            }
        }
        children.push(node);
    }
    doc.add_node(Node {
        name: "Set".into(),
        children,
        ..Node::default()
    })
}

/// The set's materials.
pub fn materials(doc: &mut Document) -> Palette {
    let mut add = |name: &str, hex: &str, roughness: f32| {
        doc.add_material(Material {
            name: name.into(),
            colour: srgb(hex),
            roughness,
        })
    };
    Palette {
        floor: add("Floor", "#a08060", 0.8),
        offstage: add("Offstage floor", "#808080", 0.95),
        wall: add("Wall", "#ddd6c8", 0.9),
        wild_wall: add("Wild wall", "#d2c8b2", 0.9),
        door: add("Door leaf", "#7a4e2a", 0.7),
        furniture: add("Furniture", "#7d6b58", 0.8),
        tall_furniture: add("Tall furniture", "#5a4636", 0.8),
        backing: add("Backing", "#2b3a55", 1.0),
        prop: add("Prop", "#e0b000", 0.5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(name: &str, blocks_view: bool) -> Furniture {
        Furniture {
            id: "x".into(),
            name: name.into(),
            room: RoomId(0),
            outline: crate::geometry::Polygon::rect(0.0, 0.0, 1.0, 1.0),
            blocks_view,
            path: crate::locate::SourcePath::root(),
        }
    }

    #[test]
    fn tall_furniture_stands_above_the_lens_and_low_furniture_below() {
        assert!(furniture_height(&piece("Wardrobe", true)) > 1.8);
        assert!(furniture_height(&piece("Fridge", true)) >= 1.8);
        assert!(furniture_height(&piece("Kitchen table", false)) < 1.0);
        // A name that sounds tall on a piece the scene says is low stays below the lens.
        assert!(furniture_height(&piece("Bookshelf", false)) < super::super::LENS_HEIGHT);
        // And one that sounds low but blocks the view stands tall.
        assert!(furniture_height(&piece("Screen", true)) > super::super::LENS_HEIGHT);
        assert!(furniture_height(&piece("Coffee table", false)) < 0.5);
    }

    #[test]
    fn windows_keep_a_sill_and_a_head_below_a_low_wall() {
        assert_eq!(gap_heights(DoorKind::Window, 2.5), (0.9, 2.1));
        let (sill, head) = gap_heights(DoorKind::Door, 2.0);
        assert_eq!(sill, 0.0);
        assert!(head < 2.0);
    }
}
