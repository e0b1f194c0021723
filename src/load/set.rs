//! Resolving the set: rooms, doors, wild walls, furniture, practicals and marks.

use super::codes;
use super::resolver::{Namespace, Resolver};
use crate::diagnostic::Diagnostic;
use crate::geometry::{EPSILON, Point, Polygon, Segment};
use crate::locate::SourcePath;
use crate::model::{
    Door, DoorId, DoorKind, DoorState, Furniture, FurnitureId, Hinge, Mark, MarkId, Practical,
    Room, RoomId, Wall, WildWall, WildWallId,
};
use crate::raw;

/// How far a door centre or wall end may be from the wall line and still count as on it (m).
const ON_WALL: f64 = 0.01;

pub struct ResolvedSet {
    pub rooms: Vec<Room>,
    pub doors: Vec<Door>,
    pub wild_walls: Vec<WildWall>,
    pub furniture: Vec<Furniture>,
    pub practicals: Vec<Practical>,
    pub marks: Vec<Mark>,
    pub door_ids: Namespace<DoorId>,
    pub wild_wall_ids: Namespace<WildWallId>,
    /// Marks and furniture together: both are places a prop can be.
    pub place_ids: Namespace<crate::model::PlaceRef>,
    pub mark_ids: Namespace<MarkId>,
}

pub fn resolve_set(set: &raw::Set, r: &mut Resolver, path: &SourcePath) -> ResolvedSet {
    let mut room_ids = Namespace::new("room");
    let rooms_path = path.field("rooms");
    let declared = r.declare_map(&mut room_ids, &set.rooms, &rooms_path, RoomId::from_index);
    let rooms: Vec<Room> = set
        .rooms
        .0
        .iter()
        .map(|(id, room)| {
            let p = rooms_path.key(id);
            let outline = shape(
                &room.shape,
                r,
                &p.field("shape"),
                &format!("room `{id}`"),
                0.25,
            )
            .unwrap_or_else(|| Polygon::new(Vec::new()));
            if room.offstage && room.exterior {
                let d = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!("room `{id}` is both offstage and exterior"),
                )
                .at(r.spans.span(&p.field("exterior")), "one or the other")
                .note("offstage floor is the studio past the set; an exterior is the open-air location")
                .help("keep `offstage: true` for studio floor, `exterior: true` for a street on location");
                r.push(d);
            }
            Room {
                id: id.clone(),
                name: room.name.clone(),
                outline,
                offstage: room.offstage,
                exterior: room.exterior,
                wall_height: room.wall_height.and_then(|h| {
                    r.number(h, &p.field("wall_height"), 2.2..=30.0, "wall height", "m")
                }),
                path: p,
            }
        })
        .collect();
    if set.rooms.0.is_empty() {
        let d = Diagnostic::error(codes::BAD_VALUE, "the set has no rooms")
            .at(r.spans.span(&rooms_path), "empty")
            .help("add at least one room, e.g. `\"living\": (name: \"Living room\", shape: Rect(x: 0.0, y: 0.0, w: 6.0, h: 4.5))`");
        r.push(d);
    }
    check_overlaps(&rooms, &declared, r);

    let mut door_ids = Namespace::new("door");
    let doors = set
        .doors
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = path.field("doors").index(i);
            let first = set.doors[..i]
                .iter()
                .position(|o| o.id == d.id)
                .map(|j| path.field("doors").index(j).field("id"));
            r.declare(
                &mut door_ids,
                &d.id,
                DoorId::from_index(i),
                &p.field("id"),
                first.as_ref(),
            );
            door(d, &rooms, &room_ids, r, &p)
        })
        .collect();

    let mut wild_wall_ids = Namespace::new("wild wall");
    let wild_walls = set
        .wild_walls
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let p = path.field("wild_walls").index(i);
            r.declare(
                &mut wild_wall_ids,
                &w.id,
                WildWallId::from_index(i),
                &p.field("id"),
                None,
            );
            wild_wall(w, &rooms, r, &p)
        })
        .collect();

    let mut place_ids = Namespace::new("mark or furniture");
    let mut furniture_ids = Namespace::new("furniture");
    let furniture: Vec<Furniture> = set
        .furniture
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let p = path.field("furniture").index(i);
            let handle = FurnitureId::from_index(i);
            if r.declare(&mut furniture_ids, &f.id, handle, &p.field("id"), None) {
                r.declare(
                    &mut place_ids,
                    &f.id,
                    crate::model::PlaceRef::Furniture(handle),
                    &p.field("id"),
                    None,
                );
            }
            let room = r
                .lookup(&room_ids, &f.room, &p.field("room"))
                .unwrap_or(RoomId(0));
            let outline = shape(
                &f.shape,
                r,
                &p.field("shape"),
                &format!("furniture `{}`", f.id),
                0.01,
            )
            .unwrap_or_else(|| Polygon::new(Vec::new()));
            if let Some(room_outline) = rooms.get(room.index()).map(|r| &r.outline)
                && !room_outline.corners.is_empty()
                && let Some(corner) = outline.corners.iter().find(|&&c| !room_outline.contains(c))
            {
                let d = Diagnostic::error(
                    codes::OUTSIDE_ROOM,
                    format!("furniture `{}` does not fit inside room `{}`", f.id, f.room),
                )
                .at(
                    r.spans.span(&p.field("shape")),
                    format!("corner ({}, {}) is outside the room", corner.x, corner.y),
                )
                .help("move or resize it, or name the room it stands in");
                r.push(d);
            }
            Furniture {
                id: f.id.clone(),
                name: f.name.clone(),
                room,
                outline,
                blocks_view: f.blocks_view,
                path: p,
            }
        })
        .collect();

    let mut practical_ids = Namespace::new("practical");
    let practicals = set
        .practicals
        .iter()
        .enumerate()
        .map(|(i, pr)| {
            let p = path.field("practicals").index(i);
            r.declare(
                &mut practical_ids,
                &pr.id,
                crate::model::PracticalId::from_index(i),
                &p.field("id"),
                None,
            );
            let room = r
                .lookup(&room_ids, &pr.room, &p.field("room"))
                .unwrap_or(RoomId(0));
            let at = placed_point(
                pr.at,
                room,
                &rooms,
                r,
                &p.field("at"),
                &format!("practical `{}`", pr.id),
                &pr.room,
            );
            Practical {
                id: pr.id.clone(),
                name: pr.name.clone(),
                room,
                at,
                path: p,
            }
        })
        .collect();

    let mut mark_ids = Namespace::new("mark");
    let marks_path = path.field("marks");
    let accepted = r.declare_map(&mut mark_ids, &set.marks, &marks_path, MarkId::from_index);
    let marks = set
        .marks
        .0
        .iter()
        .enumerate()
        .map(|(i, (id, m))| {
            let p = marks_path.key(id);
            if accepted[i] {
                r.declare(
                    &mut place_ids,
                    id,
                    crate::model::PlaceRef::Mark(MarkId::from_index(i)),
                    &p,
                    None,
                );
            }
            let room = r
                .lookup(&room_ids, &m.room, &p.field("room"))
                .unwrap_or(RoomId(0));
            let at = placed_point(
                m.at,
                room,
                &rooms,
                r,
                &p.field("at"),
                &format!("mark `{id}`"),
                &m.room,
            );
            mark_not_in_furniture(id, at, room, furniture.as_slice(), r, &p.field("at"));
            Mark {
                id: id.clone(),
                room,
                at,
                note: m.note.clone(),
                // A blank name says nothing: the mark is shown by its id, as with no name.
                name: m.name.clone().filter(|n| !n.trim().is_empty()),
                path: p,
            }
        })
        .collect();

    ResolvedSet {
        rooms,
        doors,
        wild_walls,
        furniture,
        practicals,
        marks,
        door_ids,
        wild_wall_ids,
        place_ids,
        mark_ids,
    }
}

/// A mark inside a piece of furniture in its room (S010): a body cannot stand in a table, and
/// every move to the mark would walk through it. On its edge is fine (a seat at the table).
fn mark_not_in_furniture(
    id: &str,
    at: Point,
    room: RoomId,
    furniture: &[Furniture],
    r: &mut Resolver,
    path: &SourcePath,
) {
    let Some(piece) = furniture.iter().find(|f| {
        f.room == room
            && f.outline.strictly_contains(at)
            && f.outline.distance_to_boundary(at) > 0.01
    }) else {
        return;
    };
    let d = Diagnostic::error(
        codes::OUTSIDE_ROOM,
        format!("mark `{id}` is inside furniture `{}`", piece.id),
    )
    .at(
        r.spans.span(path),
        format!("({}, {}) is inside `{}`", at.x, at.y, piece.id),
    )
    .also(r.spans.span(&piece.path.field("shape")), format!("`{}` stands here", piece.id))
    .note("a mark is where a body stands: inside furniture it stands in the table, and every move to it walks through it")
    .help(format!(
        "put the mark beside `{}`, where the body stands or sits at it",
        piece.id
    ));
    r.push(d);
}

/// A point that must lie inside `room` (S010 if not).
fn placed_point(
    at: raw::RawPoint,
    room: RoomId,
    rooms: &[Room],
    r: &mut Resolver,
    path: &SourcePath,
    what: &str,
    room_name: &str,
) -> Point {
    let Some(point) = r.point(at, path, what) else {
        return Point::default();
    };
    if let Some(outline) = rooms.get(room.index()).map(|r| &r.outline)
        && !outline.corners.is_empty()
        && !outline.contains(point)
    {
        let (min, max) = outline.bounds();
        let d = Diagnostic::error(
            codes::OUTSIDE_ROOM,
            format!("{what} is outside room `{room_name}`"),
        )
        .at(
            r.spans.span(path),
            format!("({}, {}) is not inside the room", point.x, point.y),
        )
        .note(format!(
            "room `{room_name}` spans x {}–{} m, y {}–{} m",
            min.x, max.x, min.y, max.y
        ))
        .help("correct the coordinates, or name the room it is in");
        r.push(d);
    }
    point
}

/// A room or furniture outline, validated; `None` (with S006/S007 reported) if unusable.
fn shape(
    shape: &raw::Shape,
    r: &mut Resolver,
    path: &SourcePath,
    what: &str,
    min_area: f64,
) -> Option<Polygon> {
    let polygon = match shape {
        raw::Shape::Rect { x, y, w, h } => {
            let limit = -super::resolver::COORDINATE_LIMIT..=super::resolver::COORDINATE_LIMIT;
            let x = r.number(
                *x,
                &path.field("x"),
                limit.clone(),
                &format!("x of {what}"),
                "m",
            );
            let y = r.number(*y, &path.field("y"), limit, &format!("y of {what}"), "m");
            let w = r.number(
                *w,
                &path.field("w"),
                0.05..=1000.0,
                &format!("width of {what}"),
                "m",
            );
            let h = r.number(
                *h,
                &path.field("h"),
                0.05..=1000.0,
                &format!("depth of {what}"),
                "m",
            );
            Polygon::rect(x?, y?, w?, h?)
        }
        raw::Shape::Polygon(corners) => {
            if corners.len() > 10_000 {
                let d = Diagnostic::error(
                    codes::BAD_ROOM,
                    format!("{what} has {} corners", corners.len()),
                )
                .at(r.spans.span(path), "too many corners")
                .help("a room needs at most a few dozen corners");
                r.push(d);
                return None;
            }
            let points: Vec<Option<Point>> = corners
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    r.point(
                        c,
                        &path.index(0).index(i),
                        &format!("corner {} of {what}", i + 1),
                    )
                })
                .collect();
            Polygon::new(points.into_iter().collect::<Option<Vec<_>>>()?)
        }
    };
    let problem = if polygon.corners.len() < 3 {
        Some((
            "it has fewer than three corners".to_string(),
            "list at least three corners in order around the outline",
        ))
    } else if let Some(edge) = polygon.edges().position(|e| e.length() < EPSILON) {
        Some((
            format!(
                "corner {} repeats the corner before it",
                (edge + 1) % polygon.corners.len() + 1
            ),
            "remove the repeated corner",
        ))
    } else if let Some((a, b)) = polygon.self_crossing() {
        Some((
            format!("its outline crosses itself (edges {} and {})", a + 1, b + 1),
            "list the corners in order around the outline",
        ))
    } else if polygon.area() < min_area {
        Some((
            format!("its area is {:.3} m²", polygon.area()),
            "check the coordinates: the outline is flat or tiny",
        ))
    } else {
        None
    };
    if let Some((message, help)) = problem {
        let d = Diagnostic::error(
            codes::BAD_ROOM,
            format!("{what} has an unusable shape: {message}"),
        )
        .at(r.spans.span(path), "degenerate outline")
        .note("inside and outside must be well defined for marks, routes and sight lines")
        .help(help);
        r.push(d);
        return None;
    }
    Some(polygon)
}

/// S008 for each pair of rooms sharing floor; `declared` skips duplicates already reported.
fn check_overlaps(rooms: &[Room], declared: &[bool], r: &mut Resolver) {
    for j in (0..rooms.len()).filter(|&j| declared[j]) {
        for i in (0..j).filter(|&i| declared[i]) {
            let (a, b) = (&rooms[i], &rooms[j]);
            if a.outline.corners.is_empty() || b.outline.corners.is_empty() {
                continue;
            }
            let ((amin, amax), (bmin, bmax)) = (a.outline.bounds(), b.outline.bounds());
            let apart = amax.x <= bmin.x + EPSILON
                || bmax.x <= amin.x + EPSILON
                || amax.y <= bmin.y + EPSILON
                || bmax.y <= amin.y + EPSILON;
            if apart {
                continue;
            }
            let Some(overlap) = a.outline.overlap(&b.outline) else {
                continue;
            };
            let fmt = |v: f64| crate::escape::number(v, 2);
            let d = Diagnostic::error(
                codes::ROOMS_OVERLAP,
                format!(
                    "rooms `{}` and `{}` overlap: both cover ({}, {}), {} m² shared",
                    b.id,
                    a.id,
                    fmt(overlap.inside.x),
                    fmt(overlap.inside.y),
                    fmt(overlap.area)
                ),
            )
            .at(
                r.spans.span(&b.path.field("shape")),
                format!("`{}` covers floor that is also in `{}`", b.id, a.id),
            )
            .also(
                r.spans.span(&a.path.field("shape")),
                format!("`{}` is here", a.id),
            )
            .note("every point of the floor must belong to one room")
            .help("make the rooms meet along a shared wall");
            r.push(d);
        }
    }
}

/// Pairs of collinear, overlapping edges of two outlines: the walls the rooms share.
fn shared_walls(a: &Polygon, b: &Polygon) -> Vec<Segment> {
    let mut shared = Vec::new();
    for ea in a.edges() {
        for eb in b.edges() {
            let dir = ea.direction();
            if dir.cross(eb.direction()).abs() > 1e-6 || line_distance(ea, eb.a) > ON_WALL {
                continue;
            }
            let t = |p: Point| (p - ea.a).dot(dir);
            let (a0, a1) = (0.0_f64, ea.length());
            let (b0, b1) = (t(eb.a).min(t(eb.b)), t(eb.a).max(t(eb.b)));
            let (lo, hi) = (a0.max(b0), a1.min(b1));
            if hi - lo > EPSILON {
                shared.push(Segment::new(ea.a + dir * lo, ea.a + dir * hi));
            }
        }
    }
    shared
}

/// Distance from `p` to the infinite line through `edge`.
fn line_distance(edge: Segment, p: Point) -> f64 {
    edge.direction().cross(p - edge.a).abs()
}

fn door(
    d: &raw::Door,
    rooms: &[Room],
    room_ids: &Namespace<RoomId>,
    r: &mut Resolver,
    p: &SourcePath,
) -> Door {
    let a = r.lookup(room_ids, &d.rooms.0, &p.field("rooms").index(0));
    let b = r.lookup(room_ids, &d.rooms.1, &p.field("rooms").index(1));
    let at = r.point(d.at, &p.field("at"), &format!("door `{}`", d.id));
    let width = r.number(
        d.width,
        &p.field("width"),
        0.3..=20.0,
        &format!("width of door `{}`", d.id),
        "m",
    );
    let mut gap = None;
    if let (Some(a), Some(b)) = (a, b) {
        if a == b {
            let diag = Diagnostic::error(
                codes::BAD_VALUE,
                format!("door `{}` joins room `{}` to itself", d.id, d.rooms.0),
            )
            .at(r.spans.span(&p.field("rooms")), "the same room twice")
            .help("name the two rooms on either side of the door");
            r.push(diag);
        } else if let (Some(at), Some(width)) = (at, width) {
            gap = place_door(d, &rooms[a.index()], &rooms[b.index()], at, width, r, p);
        }
    }
    let rooms_pair = [a.unwrap_or(RoomId(0)), b.unwrap_or(RoomId(0))];
    let swings_into = match &d.swings_into {
        None => rooms_pair[0],
        Some(name) => match room_ids.get(name) {
            Some(room) if rooms_pair.contains(&room) => room,
            _ => {
                let diag = Diagnostic::error(
                    codes::BAD_VALUE,
                    format!("door `{}` cannot swing into `{name}`", d.id),
                )
                .at(
                    r.spans.span(&p.field("swings_into")),
                    "not one of the door's two rooms",
                )
                .help(format!("use `{}` or `{}`", d.rooms.0, d.rooms.1));
                r.push(diag);
                rooms_pair[0]
            }
        },
    };
    let initial = match (d.kind, d.state) {
        (DoorKind::Door, state) => state.unwrap_or(DoorState::Closed),
        (_, None | Some(DoorState::Open)) => DoorState::Open,
        (kind, Some(state)) => {
            let diag = Diagnostic::error(
                codes::BAD_VALUE,
                format!("{kind:?} `{}` cannot be {state:?}", d.id)
                    .to_lowercase()
                    .replacen(&d.id.to_lowercase(), &d.id, 1),
            )
            .at(
                r.spans.span(&p.field("state")),
                "only a `Door` has a leaf to close",
            )
            .help("remove `state`, or make it `kind: Door`");
            r.push(diag);
            DoorState::Open
        }
    };
    let at = at.unwrap_or_default();
    Door {
        id: d.id.clone(),
        name: d.name.clone().unwrap_or_else(|| d.id.clone()),
        kind: d.kind,
        rooms: rooms_pair,
        at,
        width: width.unwrap_or(0.9),
        gap: gap.unwrap_or(Segment::new(at, at)),
        hinge: d.hinge.unwrap_or(Hinge::Left),
        swings_into,
        initial,
        path: p.clone(),
    }
}

/// The door's gap on the wall its rooms share, or S009.
fn place_door(
    d: &raw::Door,
    a: &Room,
    b: &Room,
    at: Point,
    width: f64,
    r: &mut Resolver,
    p: &SourcePath,
) -> Option<Segment> {
    if a.outline.corners.is_empty() || b.outline.corners.is_empty() {
        return None;
    }
    let shared = shared_walls(&a.outline, &b.outline);
    let what = format!("{:?}", d.kind).to_lowercase();
    let Some(wall) = shared
        .iter()
        .copied()
        .min_by(|x, y| x.distance_to(at).total_cmp(&y.distance_to(at)))
    else {
        let diag = Diagnostic::error(
            codes::DOOR_OFF_WALL,
            format!(
                "rooms `{}` and `{}` share no wall for {what} `{}`",
                a.id, b.id, d.id
            ),
        )
        .at(r.spans.span(&p.field("rooms")), "these rooms do not touch")
        .note("a door must sit in a wall that both of its rooms share")
        .help("join rooms that meet along a wall, or move a room so they do");
        r.push(diag);
        return None;
    };
    let distance = wall.distance_to(at);
    if distance > ON_WALL {
        let nearest = wall.a.lerp(wall.b, wall.project(at));
        let diag = Diagnostic::error(
            codes::DOOR_OFF_WALL,
            format!(
                "{what} `{}` is not on the wall between `{}` and `{}`",
                d.id, a.id, b.id
            ),
        )
        .at(
            r.spans.span(&p.field("at")),
            format!("{distance:.2} m from the shared wall"),
        )
        .note("people would walk through solid wall to reach it")
        .help(format!(
            "the nearest point on the shared wall is ({}, {})",
            round_mm(nearest.x),
            round_mm(nearest.y)
        ));
        r.push(diag);
        return None;
    }
    let dir = wall.direction();
    let centre = wall.a.lerp(wall.b, wall.project(at));
    let half = width / 2.0;
    let t = (centre - wall.a).dot(dir);
    if t - half < -EPSILON || t + half > wall.length() + EPSILON {
        let diag = Diagnostic::error(
            codes::DOOR_OFF_WALL,
            format!(
                "{what} `{}` runs past the end of the wall its rooms share",
                d.id
            ),
        )
        .at(r.spans.span(&p.field("width")), format!("{width} m wide"))
        .note(format!(
            "the shared wall runs from ({}, {}) to ({}, {}); the doorway must fit inside it",
            round_mm(wall.a.x),
            round_mm(wall.a.y),
            round_mm(wall.b.x),
            round_mm(wall.b.y)
        ))
        .help("narrow the door or move its centre along the wall");
        r.push(diag);
        return None;
    }
    Some(Segment::new(centre - dir * half, centre + dir * half))
}

fn round_mm(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn wild_wall(w: &raw::WildWall, rooms: &[Room], r: &mut Resolver, p: &SourcePath) -> WildWall {
    let from = r.point(w.from, &p.field("from"), &format!("wild wall `{}`", w.id));
    let to = r.point(w.to, &p.field("to"), &format!("wild wall `{}`", w.id));
    let mut on = Vec::new();
    if let (Some(from), Some(to)) = (from, to) {
        for (i, room) in rooms.iter().enumerate() {
            if room
                .outline
                .edges()
                .any(|e| e.distance_to(from) <= ON_WALL && e.distance_to(to) <= ON_WALL)
            {
                on.push(RoomId::from_index(i));
            }
        }
        if from.distance(to) < 0.1 || on.is_empty() {
            let d = Diagnostic::error(
                codes::WILD_WALL_OFF_WALL,
                format!("wild wall `{}` is not on any room's wall", w.id),
            )
            .at(r.spans.span(p), "not along a wall")
            .note("a wild wall is a stretch of an existing wall that can be struck")
            .help("give `from` and `to` on one straight wall of a room");
            r.push(d);
        }
    }
    WildWall {
        id: w.id.clone(),
        name: w.name.clone().unwrap_or_else(|| w.id.clone()),
        segment: Segment::new(from.unwrap_or_default(), to.unwrap_or_default()),
        rooms: on,
        path: p.clone(),
    }
}

/// Room outlines cut at door gaps, marked where wild walls run, each piece once.
pub fn walls(rooms: &[Room], doors: &[Door], wild_walls: &[WildWall]) -> Vec<Wall> {
    let mut pieces: Vec<Wall> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    // An exterior's outline is open air: only the walls of the rooms it touches stand.
    for room in rooms.iter().filter(|r| !r.exterior) {
        for edge in room.outline.edges() {
            let length = edge.length();
            if length < EPSILON {
                continue;
            }
            let dir = edge.direction();
            let along = |p: Point| (p - edge.a).dot(dir);
            let on_edge = |s: Segment| {
                line_distance(edge, s.a) <= ON_WALL && line_distance(edge, s.b) <= ON_WALL
            };
            // Cut points: edge ends, door jambs, wild wall ends.
            let mut cuts = vec![0.0, length];
            let mut gaps = Vec::new();
            for door in doors
                .iter()
                .filter(|d| d.gap.length() > 0.0 && on_edge(d.gap))
            {
                let (t0, t1) = (
                    along(door.gap.a).min(along(door.gap.b)),
                    along(door.gap.a).max(along(door.gap.b)),
                );
                gaps.push((t0, t1));
                cuts.extend([t0, t1]);
            }
            let mut wild = Vec::new();
            for (i, w) in wild_walls
                .iter()
                .enumerate()
                .filter(|(_, w)| w.segment.length() > 0.0 && on_edge(w.segment))
            {
                let (t0, t1) = (
                    along(w.segment.a).min(along(w.segment.b)),
                    along(w.segment.a).max(along(w.segment.b)),
                );
                wild.push((t0, t1, WildWallId::from_index(i)));
                cuts.extend([t0, t1]);
            }
            let mut cuts: Vec<f64> = cuts
                .into_iter()
                .filter(|t| (0.0..=length).contains(t))
                .collect();
            cuts.sort_by(f64::total_cmp);
            cuts.dedup_by(|a, b| (*a - *b).abs() < EPSILON);
            for pair in cuts.windows(2) {
                let (t0, t1) = (pair[0], pair[1]);
                let mid = (t0 + t1) / 2.0;
                if gaps.iter().any(|&(g0, g1)| g0 < mid && mid < g1) {
                    continue;
                }
                let wild = wild
                    .iter()
                    .find(|&&(w0, w1, _)| w0 < mid && mid < w1)
                    .map(|&(_, _, id)| id);
                let segment = Segment::new(edge.a + dir * t0, edge.a + dir * t1);
                let key = wall_key(segment);
                if seen.insert(key) {
                    pieces.push(Wall { segment, wild });
                }
            }
        }
    }
    pieces
}

/// Endpoints rounded to millimetres and ordered, so a wall shared by two rooms is kept once.
fn wall_key(s: Segment) -> [i64; 4] {
    let mm = |v: f64| (v * 1000.0).round() as i64;
    let (a, b) = ((mm(s.a.x), mm(s.a.y)), (mm(s.b.x), mm(s.b.y)));
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    [a.0, a.1, b.0, b.1]
}
