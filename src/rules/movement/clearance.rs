//! Room for a body: how close each walk's swept body comes to furniture, walls and door jambs.
//!
//! Shared by M008 (no room to pass, an error) and M009 (a tight squeeze, a warning). Each leg
//! is a polyline of straight pieces; each piece is measured against the obstacles near it
//! (found through a coarse grid) by exact segment-to-segment distance, so the cost grows with
//! the number of pieces, not with frames. The first and last body radius of a walk are not
//! judged: that is the person stepping off or onto their mark, whose place is the plan's call.

use crate::escape::number;
use crate::geometry::{Point, Segment};
use crate::model::{DoorId, EventId, FurnitureId, PersonId, RoomId, WildWallId};
use crate::rules::Context;
use crate::sim::{Leg, Portal};
use crate::time::Time;
use std::collections::HashMap;

/// How much narrower than its radius a body gets turned sideways, metres: a performer's
/// shoulders are about 0.5 m across but their chest is about 0.3 m deep, and an operator can
/// tuck a rig's arm in by about as much. A gap between the radius and the radius less this is a
/// squeeze (M009); tighter than that, the body does not fit (M008).
pub const SIDEWAYS: f64 = 0.10;

/// Side of a grid cell for finding obstacles near a piece of path, metres.
const CELL: f64 = 2.0;

/// What a body passes too close to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Obstacle {
    Furniture(FurnitureId),
    /// A solid wall piece (its ends are corners or jambs), by index into `scene.walls`.
    Wall(usize),
    /// The end of a door gap.
    Jamb(DoorId),
    WildWall(WildWallId),
}

/// The tightest moment of one walk past one obstacle.
#[derive(Debug, Clone, Copy)]
pub struct Pinch {
    pub who: PersonId,
    pub event: EventId,
    pub to: crate::model::MarkId,
    pub obstacle: Obstacle,
    /// Where the centre of the body is, and when.
    pub at: Point,
    pub when: Time,
    /// Distance from the centre of the body to the obstacle, metres.
    pub clearance: f64,
    /// The body's half-width: its radius, or half a camera rig's width if that is more.
    pub needed: f64,
}

impl Pinch {
    /// How far the body cuts into the obstacle, metres (negative when it clears it).
    pub fn short_by(&self) -> f64 {
        self.needed - self.clearance
    }
}

/// A clearance diagnostic of `doc` with `message`: the move's target marked where the body
/// passes, and the obstacle's own place when it has one. M008 and M009 add their note and help.
pub fn pinch_diagnostic(
    cx: &Context,
    doc: &'static crate::rules::RuleDoc,
    pinch: &Pinch,
    message: String,
) -> crate::diagnostic::Diagnostic {
    let (what, span) = describe(cx, pinch.obstacle);
    let d = doc.diagnostic(message).at(
        super::move_span(cx, pinch.event),
        format!(
            "at {} the centre of the body is {} from {what}",
            point(pinch.at),
            metres(pinch.clearance)
        ),
    );
    match span {
        Some(span) => d.also(span, format!("{what} is here")),
        None => d,
    }
}

/// The half-width a moving person needs: their radius, or half their rig's width (D003's
/// width: Steadicam 0.9 m, so 0.45 m) for a camera.
pub fn half_width(cx: &Context, who: PersonId) -> f64 {
    let person = cx.scene.person(who);
    let rig = person.camera().map_or(0.0, |spec| spec.rig.width() / 2.0);
    person.radius.max(rig)
}

/// A coarse grid of obstacle outlines: each cell lists the obstacle segments that reach it.
struct Grid {
    cells: HashMap<(i64, i64), Vec<usize>>,
    /// Each obstacle edge with what it belongs to and the room it stands in (furniture only).
    edges: Vec<(Segment, Obstacle, Option<RoomId>)>,
}

fn cell_of(v: f64) -> i64 {
    (v / CELL).floor().clamp(-1e9, 1e9) as i64
}

impl Grid {
    fn new(cx: &Context) -> Grid {
        let mut edges = Vec::new();
        for (i, f) in cx.scene.furniture.iter().enumerate() {
            for e in f.outline.edges() {
                edges.push((
                    e,
                    Obstacle::Furniture(FurnitureId::from_index(i)),
                    Some(f.room),
                ));
            }
        }
        for (i, wall) in cx.scene.walls.iter().enumerate() {
            let kind = match wall.wild {
                Some(w) => Obstacle::WildWall(w),
                None => Obstacle::Wall(i),
            };
            edges.push((wall.segment, kind, None));
        }
        let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (k, (e, _, _)) in edges.iter().enumerate() {
            for cell in cells_near(*e, 0.0) {
                cells.entry(cell).or_default().push(k);
            }
        }
        Grid { cells, edges }
    }

    /// Indices of edges that may come within `margin` of `piece`, each once, in order, into
    /// `found` (reused between calls so a long take does not allocate per piece).
    fn near(&self, piece: Segment, margin: f64, found: &mut Vec<usize>) {
        found.clear();
        for cell in cells_near(piece, margin) {
            if let Some(edges) = self.cells.get(&cell) {
                found.extend_from_slice(edges);
            }
        }
        found.sort_unstable();
        found.dedup();
    }
}

/// The grid cells a segment's bounding box, grown by `margin`, touches.
fn cells_near(s: Segment, margin: f64) -> impl Iterator<Item = (i64, i64)> {
    let (x0, x1) = (
        cell_of(s.a.x.min(s.b.x) - margin),
        cell_of(s.a.x.max(s.b.x) + margin),
    );
    let (y0, y1) = (
        cell_of(s.a.y.min(s.b.y) - margin),
        cell_of(s.a.y.max(s.b.y) + margin),
    );
    // A segment longer than the whole set would list millions of cells; the set is far smaller.
    let (x1, y1) = (x1.min(x0 + 10_000), y1.min(y0 + 10_000));
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

/// For every walk, the tightest moment past each obstacle closer than the body's half-width.
/// Obstacles the centre line itself goes through are left to M003 and M004.
pub fn pinches(cx: &Context) -> Vec<Pinch> {
    let grid = Grid::new(cx);
    let mut out = Vec::new();
    let mut scratch = Vec::new();
    for (who, leg) in super::legs_on_the_floor(cx) {
        let needed = half_width(cx, who);
        if leg.route.found {
            leg_pinches(cx, &grid, who, leg, needed, &mut scratch, &mut out);
        }
    }
    out
}

fn leg_pinches(
    cx: &Context,
    grid: &Grid,
    who: PersonId,
    leg: &Leg,
    needed: f64,
    near: &mut Vec<usize>,
    out: &mut Vec<Pinch>,
) {
    let length = leg.length();
    if length <= 2.0 * needed {
        return;
    }
    // Which rooms a piece runs through, worked out only when furniture is close to it.
    let in_rooms = |k: usize, piece: Segment, room: RoomId| {
        [
            leg.route.points[k],
            leg.route.points[k + 1],
            piece.midpoint(),
        ]
        .into_iter()
        .any(|p| cx.scene.room_at(p) == Some(room))
    };
    let mut tightest: Vec<Pinch> = Vec::new();
    let mut crossed: Vec<Obstacle> = Vec::new();
    let mut walked = 0.0;
    for (k, w) in leg.route.points.windows(2).enumerate() {
        let piece = Segment::new(w[0], w[1]);
        let piece_length = piece.length();
        let start = walked;
        walked += piece_length;
        if piece_length < 1e-9 {
            continue;
        }
        // The part of this piece more than one half-width from both ends of the walk.
        let t0 = ((needed - start) / piece_length).max(0.0);
        let t1 = ((length - needed - start) / piece_length).min(1.0);
        if t0 >= t1 {
            continue;
        }
        let judged = Segment::new(piece.a.lerp(piece.b, t0), piece.a.lerp(piece.b, t1));
        let depart = leg.depart.seconds();
        grid.near(judged, needed, near);
        for &index in near.iter() {
            let (edge, obstacle, room) = grid.edges[index];
            if let Obstacle::WildWall(w) = obstacle
                && cx.sim.is_struck(w, leg.depart)
            {
                continue;
            }
            let (t, nearest, clearance) = judged.closest_approach(edge);
            if clearance >= needed - 1e-9 {
                continue;
            }
            // Furniture counts only in the rooms this piece runs through, not through a wall.
            if let Some(room) = room
                && !in_rooms(k, piece, room)
            {
                continue;
            }
            if clearance <= crate::geometry::EPSILON {
                crossed.push(obstacle); // the centre line goes through it: M003 / M004
                continue;
            }
            let mut at = judged.a.lerp(judged.b, t);
            let arc = start + piece_length * (t0 + t * (t1 - t0));
            let mut when = Time::from_seconds(depart + arc / length * leg.duration().max(0.0))
                .unwrap_or(leg.depart);
            let obstacle = name_jamb(cx, obstacle, nearest);
            let mut clearance = clearance;
            // Through a doorway on its route a walker squares up to the gap, whatever angle
            // the plan's straight line comes in at: the jambs are half the width away.
            if let Obstacle::Jamb(door) = obstacle
                && let Some(&(_, index)) = leg
                    .route
                    .portals
                    .iter()
                    .find(|(p, _)| *p == Portal::Door(door))
            {
                clearance = cx.scene.door(door).width / 2.0;
                // A rig through a doorway narrower than itself is D003's finding.
                if clearance >= needed - 1e-9 || cx.scene.person(who).camera().is_some() {
                    continue;
                }
                at = cx.scene.door(door).at;
                when = leg.time_at_point(index);
            }
            let pinch = Pinch {
                who,
                event: leg.event,
                to: leg.to,
                obstacle,
                at,
                when,
                clearance,
                needed,
            };
            match tightest
                .iter_mut()
                .find(|p| same_obstacle(p.obstacle, obstacle))
            {
                Some(p) if p.clearance <= clearance => {}
                Some(p) => *p = pinch,
                None => tightest.push(pinch),
            }
        }
    }
    // A piece of furniture the centre line crosses is M004's; a wall it crosses is M003's.
    tightest.retain(|p| !crossed.iter().any(|&c| same_obstacle(c, p.obstacle)));
    out.extend(tightest);
}

/// Walls count as one obstacle per walk (the tightest piece is the one to fix).
fn same_obstacle(a: Obstacle, b: Obstacle) -> bool {
    let wall = |o: Obstacle| matches!(o, Obstacle::Wall(_) | Obstacle::Jamb(_));
    a == b || (wall(a) && wall(b))
}

/// A wall whose nearest point is the end of a door gap is that door's jamb.
fn name_jamb(cx: &Context, obstacle: Obstacle, nearest: Point) -> Obstacle {
    if !matches!(obstacle, Obstacle::Wall(_)) {
        return obstacle;
    }
    cx.scene
        .doors
        .iter()
        .position(|d| {
            d.gap.a.distance(nearest) <= crate::geometry::EPSILON
                || d.gap.b.distance(nearest) <= crate::geometry::EPSILON
        })
        .map_or(obstacle, |i| Obstacle::Jamb(DoorId::from_index(i)))
}

/// The obstacle in words, and the place in the file to point at (none for a plain wall).
pub fn describe(cx: &Context, obstacle: Obstacle) -> (String, Option<crate::source::Span>) {
    let fmt = |v: f64| number(v, 2);
    match obstacle {
        Obstacle::Furniture(f) => {
            let f = &cx.scene.furniture[f.index()];
            (format!("`{}`", f.id), Some(cx.span(&f.path.field("shape"))))
        }
        Obstacle::Jamb(d) => {
            let d = cx.scene.door(d);
            (
                format!("the jamb of `{}`", d.id),
                Some(cx.span(&d.path.field("at"))),
            )
        }
        Obstacle::WildWall(w) => {
            let w = &cx.scene.wild_walls[w.index()];
            (format!("wild wall `{}`", w.id), Some(cx.span(&w.path)))
        }
        Obstacle::Wall(i) => {
            let s = cx.scene.walls[i].segment;
            (
                format!(
                    "the wall from ({}, {}) to ({}, {})",
                    fmt(s.a.x),
                    fmt(s.a.y),
                    fmt(s.b.x),
                    fmt(s.b.y)
                ),
                None,
            )
        }
    }
}

/// What to change, for the help line: widen a doorway, else move the line or the obstacle.
pub fn fix(cx: &Context, pinch: &Pinch) -> String {
    match pinch.obstacle {
        Obstacle::Jamb(d) => format!(
            "widen `{}` to at least {} (the set can), or route the move through a wider way",
            cx.scene.door(d).id,
            metres(2.0 * pinch.needed)
        ),
        _ => format!(
            "keep the straight line {} clear: move the mark or the obstacle {} further apart, or add a mark to walk round it",
            metres(pinch.needed),
            metres(pinch.short_by())
        ),
    }
}

/// Metres with two decimals.
pub fn metres(v: f64) -> String {
    format!("{} m", number(v, 2))
}

/// The point in words: `(3.1, 2.05)`.
pub fn point(p: Point) -> String {
    format!("({}, {})", number(p.x, 2), number(p.y, 2))
}

/// What the mover is, for messages: "`ana`", "`cam` (Steadicam, 0.9 m wide)", or, when the
/// camera's `radius` (rig and operator) is wider than the rig itself, "`cam` (Handheld with
/// its operator, 0.9 m across)": always the width the clearance is measured for.
pub fn mover(cx: &Context, who: PersonId) -> String {
    let person = cx.scene.person(who);
    match person.camera() {
        Some(spec) if spec.rig.width() / 2.0 >= person.radius => format!(
            "{} ({:?}, {} wide)",
            cx.who(who),
            spec.rig,
            metres(spec.rig.width())
        ),
        Some(spec) => format!(
            "{} ({:?} with its operator, {} across)",
            cx.who(who),
            spec.rig,
            metres(2.0 * person.radius)
        ),
        None => cx.who(who),
    }
}
