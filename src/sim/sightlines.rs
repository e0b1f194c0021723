//! The camera's view frame by frame, built once per frame and shared by every per-frame camera
//! check and by the statistics' time on camera.
//!
//! [`Simulation::sees`] answers one question from scratch: it rebuilds the view and tests the
//! line of sight against every wall, door and piece of furniture of the set. Asked for every
//! frame × person × camera of a long take, that is most of the work. [`Sightlines`] keeps what
//! does not change between frames (which walls, doors and furniture bound each room, and what
//! is see-through now: rebuilt only when a door, a wild wall or a backing changes), and a
//! [`Glance`] is one camera's view at one frame: the rooms its field of view reaches, walked
//! room to room through the see-through gaps (doorways, openings, arches, windows, struck wild
//! walls) that fall inside the angle of view. A line of sight inside that angle can only be
//! stopped by something bounding or standing in those rooms, so only those are tested; the
//! answer is the same as [`Simulation::sees`] gives (a body seen only at the very edge of frame,
//! outside the walked angle, is tested against the whole set).
//!
//! The same walk finds where the field of view reaches past the set: offstage floor or the
//! outside of the set seen through a gap no backing covers (rule K005).

use super::Simulation;
use super::sight::{Obstacle, Unseen, View};
use crate::geometry::{EPSILON, Point, Segment};
use crate::model::{BackingId, DoorId, DoorState, FurnitureId, PersonId, RoomId, WildWallId};
use crate::segment_grid::SegmentGrid;
use crate::time::Time;
use std::f64::consts::{PI, TAU};

/// How far beyond the lens's angle the walk goes, radians (10°): a body whose centre is just
/// outside the frame can still show an arm.
const MARGIN: f64 = 10.0 * PI / 180.0;
/// Gaps walked through in one glance before giving up and testing against the whole set.
const MAX_GAPS: usize = 512;
/// Directions tested across a gap to the offstage, at most this far apart (radians, 0.25°).
const RAY_STEP: f64 = 0.25 * PI / 180.0;

/// A see-through gap in the set's walls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gap {
    /// A window, opening, arch or open door.
    Door(DoorId),
    /// A wild wall that has been struck.
    WildWall(WildWallId),
    /// The open side of an exterior room (no wall): the rest of the location lies beyond.
    OpenAir(RoomId),
}

/// Where a camera's field of view goes past the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PastTheSet {
    /// Offstage floor (a room marked `offstage`), seen through a gap in the set.
    Offstage { room: RoomId, through: Gap },
    /// Outside every room, through a struck wild wall on the set's outer wall.
    Outside { through: Gap },
    /// The camera itself stands on offstage floor.
    StandsOffstage(RoomId),
    /// The camera stands outside every room.
    StandsOutside,
}

/// Something opaque, with the order [`Simulation::obstacle`] breaks ties in.
#[derive(Debug, Clone, Copy)]
struct Occluder {
    segment: Segment,
    what: Obstacle,
    rank: (u8, usize, usize),
}

#[derive(Debug, Clone, Copy)]
struct GapSight {
    segment: Segment,
    /// The room on the far side; `None` outside the set.
    to: Option<RoomId>,
    through: Gap,
}

/// What bounds and fills one room, as it is now.
#[derive(Debug, Clone, Default)]
struct RoomSight {
    opaque: Vec<Occluder>,
    gaps: Vec<GapSight>,
}

/// Every opaque thing of the set at `t`, nearest-first ties broken as [`Simulation::obstacle`]
/// does: walls (with wild walls) by index, then doors, furniture, backings.
fn opaque_now(sim: &Simulation, t: Time) -> Vec<Occluder> {
    let scene = sim.scene;
    let mut all = Vec::new();
    for (i, wall) in scene.walls.iter().enumerate() {
        let what = match wall.wild {
            Some(w) if sim.is_struck(w, t) => continue,
            Some(w) => Obstacle::WildWall(w),
            None => Obstacle::Wall(i),
        };
        all.push(Occluder {
            segment: wall.segment,
            what,
            rank: (0, i, 0),
        });
    }
    for (i, door) in scene.doors.iter().enumerate() {
        let id = DoorId::from_index(i);
        if door.has_leaf() && sim.door_state(id, t) != DoorState::Open {
            all.push(Occluder {
                segment: door.gap,
                what: Obstacle::Door(id),
                rank: (1, i, 0),
            });
        }
    }
    for (i, furniture) in scene.furniture.iter().enumerate() {
        if !furniture.blocks_view {
            continue;
        }
        for (k, edge) in furniture.outline.edges().enumerate() {
            all.push(Occluder {
                segment: edge,
                what: Obstacle::Furniture(FurnitureId::from_index(i)),
                rank: (2, i, k),
            });
        }
    }
    for (i, backing) in scene.backings.iter().enumerate() {
        if backing.hangs_at(t) {
            all.push(Occluder {
                segment: scene.door(backing.covers).gap,
                what: Obstacle::Backing(BackingId::from_index(i)),
                rank: (3, i, 0),
            });
        }
    }
    all
}

/// The nearest occluder crossed by the straight line `sight`, as [`Simulation::obstacle`].
fn nearest<'o>(sight: Segment, occluders: impl Iterator<Item = &'o Occluder>) -> Option<Obstacle> {
    let mut best: Option<(f64, (u8, usize, usize), Obstacle)> = None;
    // Boxes first: two segments whose boxes are apart cannot cross (the exact test follows).
    let (lo_x, hi_x) = (sight.a.x.min(sight.b.x), sight.a.x.max(sight.b.x));
    let (lo_y, hi_y) = (sight.a.y.min(sight.b.y), sight.a.y.max(sight.b.y));
    for o in occluders {
        let s = o.segment;
        if s.a.x.max(s.b.x) < lo_x
            || s.a.x.min(s.b.x) > hi_x
            || s.a.y.max(s.b.y) < lo_y
            || s.a.y.min(s.b.y) > hi_y
        {
            continue;
        }
        if sight.crosses(o.segment)
            && let Some((k, _)) = sight.intersection(o.segment)
            && best.is_none_or(|(b, rank, _)| k < b || (k == b && o.rank < rank))
        {
            best = Some((k, o.rank, o.what));
        }
    }
    best.map(|(_, _, what)| what)
}

/// Times at which something that blocks or passes sight changes (a door, a wild wall, a
/// backing), sorted, each once: between two of them the set looks the same to every camera.
pub fn set_changes(sim: &Simulation) -> Vec<Time> {
    let mut changes: Vec<Time> = sim.doors.iter().flatten().map(|c| c.at).collect();
    changes.extend(sim.struck.iter().flatten());
    for backing in &sim.scene.backings {
        changes.push(backing.from);
        changes.extend(backing.until);
    }
    changes.sort();
    changes.dedup();
    changes
}

/// Everything opaque at one moment, with a grid over it: which things a line of sight
/// crosses, and how far its ends can move before that could change. Used to count time on
/// camera by solving each stretch of frames at once instead of asking every frame.
#[derive(Debug)]
pub struct OpaqueSet {
    occluders: Vec<Occluder>,
    grid: SegmentGrid,
}

/// How far (metres) a line of sight's ends may move before its crossing of an opaque segment
/// could change: until an end of one comes within [`EPSILON`] (the margin
/// [`Segment::crosses`] keeps at the ends) of the other. The camera's end keeps clear while it
/// moves less than `camera`, the far end less than `far`, and the segment's own ends stay off
/// the line of sight while neither end moves more than `middle` (every point of the line moves
/// at most as far as its farther-moving end). Negative: it may change at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub camera: f64,
    pub far: f64,
    pub middle: f64,
}

impl Margins {
    const SLACK: f64 = EPSILON + 1e-9;

    fn of(sight: Segment, o: Segment) -> Margins {
        Margins {
            camera: o.distance_to(sight.a) - Margins::SLACK,
            far: o.distance_to(sight.b) - Margins::SLACK,
            middle: sight.distance_to(o.a).min(sight.distance_to(o.b)) - Margins::SLACK,
        }
    }

    /// No limit: nothing near enough to matter.
    pub fn up_to(cap: f64) -> Margins {
        Margins {
            camera: cap,
            far: cap,
            middle: cap,
        }
    }

    /// Both limits at once.
    pub fn min(self, other: Margins) -> Margins {
        Margins {
            camera: self.camera.min(other.camera),
            far: self.far.min(other.far),
            middle: self.middle.min(other.middle),
        }
    }

    /// The smallest of the three: how good a margin it is.
    pub fn least(self) -> f64 {
        self.camera.min(self.far).min(self.middle)
    }

    /// Whether the crossing surely stays as it was after the camera's end moved `camera` and
    /// the far end `far` metres.
    pub fn keep(self, camera: f64, far: f64) -> bool {
        camera < self.camera && far < self.far && camera.max(far) < self.middle
    }
}

impl OpaqueSet {
    /// The set as sight sees it at `t` (as [`Simulation::obstacle`] reads it).
    pub fn at(sim: &Simulation, t: Time) -> OpaqueSet {
        let occluders = opaque_now(sim, t);
        let segments: Vec<Segment> = occluders.iter().map(|o| o.segment).collect();
        OpaqueSet {
            grid: SegmentGrid::new(&segments),
            occluders,
        }
    }

    /// Whether occluder `i` blocks `sight`, and if so how far the ends may move while it
    /// surely still does.
    pub fn still_blocks(&self, i: usize, sight: Segment) -> Option<Margins> {
        let o = self.occluders.get(i)?.segment;
        sight.crosses(o).then(|| Margins::of(sight, o))
    }

    /// The occluder that blocks `sight` most surely (the one whose crossing survives the
    /// longest movement of the ends) and its margins; `None` if the line of sight is clear,
    /// exactly when [`Simulation::obstacle`] finds nothing.
    pub fn blocker(&self, sight: Segment, near: &mut Vec<usize>) -> Option<(usize, Margins)> {
        self.grid.near(sight, near);
        let mut best: Option<(usize, Margins)> = None;
        for &i in near.iter() {
            if let Some(margins) = self.still_blocks(i, sight)
                && best.is_none_or(|(_, b)| margins.least() > b.least())
            {
                best = Some((i, margins));
            }
        }
        best
    }

    /// For a clear `sight`: how far (at most `cap` metres) its ends may move while surely
    /// nothing comes to block it.
    pub fn clearance(&self, sight: Segment, cap: f64, near: &mut Vec<usize>) -> Margins {
        let low = Point::new(
            sight.a.x.min(sight.b.x) - cap,
            sight.a.y.min(sight.b.y) - cap,
        );
        let high = Point::new(
            sight.a.x.max(sight.b.x) + cap,
            sight.a.y.max(sight.b.y) + cap,
        );
        // Anything not listed around the widened box is further than `cap` from the sight.
        self.grid.near(Segment::new(low, high), near);
        near.iter()
            .map(|&i| Margins::of(sight, self.occluders[i].segment))
            .fold(Margins::up_to(cap), Margins::min)
    }
}

impl Simulation<'_> {
    /// The first obstacle (nearest `from`) on the straight line from `from` to `to` at `t`:
    /// walls, unstruck wild walls, closed doors, tall furniture and hanging backings.
    pub fn obstacle(&self, from: Point, to: Point, t: Time) -> Option<Obstacle> {
        nearest(Segment::new(from, to), opaque_now(self, t).iter())
    }
}

/// The set as sight sees it, kept up to date as time moves on.
#[derive(Debug)]
pub struct Sightlines<'a> {
    sim: &'a Simulation<'a>,
    /// Per wall piece: the rooms whose outline it lies on (one for an outer wall).
    wall_rooms: Vec<Vec<RoomId>>,
    /// Times at which something that blocks or passes sight changes, sorted.
    changes: Vec<Time>,
    /// The open sides of exterior rooms, which never change.
    open_air: Vec<(RoomId, GapSight)>,
    /// The time the current state was built for, and the first change after it.
    built_for: Option<(Time, usize)>,
    rooms: Vec<RoomSight>,
    /// Everything opaque now, for lines of sight outside the walked angle.
    everything: Vec<Occluder>,
    now: Time,
    /// How many times the state has been rebuilt: equal counts, equal state.
    rebuilds: usize,
}

impl<'a> Sightlines<'a> {
    pub fn new(sim: &'a Simulation<'a>) -> Sightlines<'a> {
        let scene = sim.scene;
        let wall_rooms = scene
            .walls
            .iter()
            .map(|wall| {
                let mid = wall.segment.midpoint();
                scene
                    .rooms
                    .iter()
                    .enumerate()
                    .filter(|(_, room)| {
                        let (min, max) = room.outline.bounds();
                        mid.x >= min.x - EPSILON
                            && mid.x <= max.x + EPSILON
                            && mid.y >= min.y - EPSILON
                            && mid.y <= max.y + EPSILON
                            && room.outline.distance_to_boundary(mid) <= EPSILON
                    })
                    .map(|(i, _)| RoomId::from_index(i))
                    .collect()
            })
            .collect();
        let changes = set_changes(sim);
        let mut sightlines = Sightlines {
            sim,
            wall_rooms,
            changes,
            open_air: open_air(scene),
            built_for: None,
            rooms: Vec::new(),
            everything: Vec::new(),
            now: Time::ZERO,
            rebuilds: 0,
        };
        sightlines.advance(Time::ZERO);
        sightlines
    }

    /// Moves to time `t`: the set's state is rebuilt only when a door, a wild wall or a
    /// backing changed since the last call (times may come in any order; in increasing order
    /// the rebuilds are as few as the changes).
    pub fn advance(&mut self, t: Time) {
        let next = self.changes.partition_point(|&c| c <= t);
        self.now = t;
        if let Some((at, n)) = self.built_for
            && n == next
            && at <= t
        {
            return;
        }
        self.rebuild(t);
        self.built_for = Some((t, next));
    }

    /// Changes whenever the set's state is rebuilt: two equal epochs, the same state.
    pub fn epoch(&self) -> usize {
        self.rebuilds
    }

    fn rebuild(&mut self, t: Time) {
        self.rebuilds += 1;
        let sim = self.sim;
        let scene = sim.scene;
        self.everything = opaque_now(sim, t);
        let mut rooms = vec![RoomSight::default(); scene.rooms.len()];
        for o in &self.everything {
            match o.what {
                Obstacle::Wall(_) | Obstacle::WildWall(_) => {
                    for r in &self.wall_rooms[o.rank.1] {
                        rooms[r.index()].opaque.push(*o);
                    }
                }
                Obstacle::Door(d) => {
                    for r in scene.door(d).rooms {
                        rooms[r.index()].opaque.push(*o);
                    }
                }
                Obstacle::Furniture(f) => rooms[scene.furniture[f.index()].room.index()]
                    .opaque
                    .push(*o),
                Obstacle::Backing(b) => {
                    for r in scene.door(scene.backings[b.index()].covers).rooms {
                        rooms[r.index()].opaque.push(*o);
                    }
                }
            }
        }
        let backed = |door: DoorId| {
            scene
                .backings
                .iter()
                .any(|b| b.covers == door && b.hangs_at(t))
        };
        for (i, door) in scene.doors.iter().enumerate() {
            let id = DoorId::from_index(i);
            let open = !door.has_leaf() || sim.door_state(id, t) == DoorState::Open;
            if !open || backed(id) {
                continue;
            }
            for (here, there) in [
                (door.rooms[0], door.rooms[1]),
                (door.rooms[1], door.rooms[0]),
            ] {
                rooms[here.index()].gaps.push(GapSight {
                    segment: door.gap,
                    to: Some(there),
                    through: Gap::Door(id),
                });
            }
        }
        for (i, wall) in scene.walls.iter().enumerate() {
            let Some(w) = wall.wild.filter(|&w| sim.is_struck(w, t)) else {
                continue;
            };
            let sides = &self.wall_rooms[i];
            for &here in sides {
                let there = sides.iter().copied().find(|&r| r != here);
                rooms[here.index()].gaps.push(GapSight {
                    segment: wall.segment,
                    to: there,
                    through: Gap::WildWall(w),
                });
            }
        }
        for &(here, gap) in &self.open_air {
            rooms[here.index()].gaps.push(gap);
        }
        self.rooms = rooms;
    }

    /// Camera `camera`'s view at the time last given to [`Sightlines::advance`].
    pub fn glance(&self, camera: PersonId) -> Glance<'_> {
        let t = self.now;
        let view = self.sim.view(camera, t);
        let room = self.sim.scene.room_at(view.origin);
        let mut glance = Glance {
            sightlines: self,
            t,
            view,
            room,
            visited: Vec::new(),
            occluders: Vec::new(),
            complete: false,
            wedge: (
                (-view.half_angle - MARGIN).max(-PI),
                (view.half_angle + MARGIN).min(PI),
            ),
            offstage: Vec::new(),
        };
        glance.walk();
        glance
    }
}

/// One camera's view at one moment, with what its field of view reaches.
#[derive(Debug)]
pub struct Glance<'s> {
    sightlines: &'s Sightlines<'s>,
    pub t: Time,
    pub view: View,
    /// The room the camera stands in.
    pub room: Option<RoomId>,
    /// Rooms the field of view reaches (first the camera's own), each once.
    visited: Vec<RoomId>,
    occluders: Vec<Occluder>,
    /// False when the walk gave up (too many gaps): lines of sight then test the whole set.
    complete: bool,
    /// The walked angle, radians relative to the lens axis.
    wedge: (f64, f64),
    /// Gaps to offstage or the outside inside the walked angle: (where, the gap, the angles).
    offstage: Vec<(PastTheSet, Segment, Angles)>,
}

/// Intervals of angle, radians relative to the lens axis.
type Angles = Vec<(f64, f64)>;

/// `a` wrapped into (-π, π].
fn wrap(a: f64) -> f64 {
    let w = (a + PI).rem_euclid(TAU) - PI;
    if w <= -PI { w + TAU } else { w }
}

/// The angles (relative to the lens axis) a segment covers from the camera, widened a little
/// so a line of sight through a jamb is never lost: one or two intervals.
fn span(view: &View, s: Segment) -> Vec<(f64, f64)> {
    if s.distance_to(view.origin) < 1e-6 {
        return vec![(-PI, PI)];
    }
    let axis = view.direction.angle();
    let rel = |p: Point| wrap((p - view.origin).angle() - axis);
    let (a, b) = (rel(s.a), rel(s.b));
    let near =
        s.a.distance(view.origin)
            .min(s.b.distance(view.origin))
            .max(1e-6);
    let slack = 1e-6 + (4.0 * EPSILON / near).min(0.5);
    let (lo, hi) = (a.min(b), a.max(b));
    if hi - lo <= PI {
        vec![(lo - slack, hi + slack)]
    } else {
        vec![(hi - slack, PI), (-PI, lo + slack)]
    }
}

fn intersect(a: &[(f64, f64)], b: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for &(a0, a1) in a {
        for &(b0, b1) in b {
            let (lo, hi) = (a0.max(b0), a1.min(b1));
            if lo < hi {
                out.push((lo, hi));
            }
        }
    }
    out
}

impl Glance<'_> {
    fn walk(&mut self) {
        let sl = self.sightlines;
        let scene = sl.sim.scene;
        let Some(room) = self.room else {
            self.offstage.push((
                PastTheSet::StandsOutside,
                Segment::new(self.view.origin, self.view.origin),
                Vec::new(),
            ));
            return;
        };
        if scene.room(room).offstage {
            self.offstage.push((
                PastTheSet::StandsOffstage(room),
                Segment::new(self.view.origin, self.view.origin),
                Vec::new(),
            ));
        }
        let mut budget = MAX_GAPS;
        let mut stack = vec![(room, vec![self.wedge], None::<Gap>)];
        self.visited.push(room);
        while let Some((here, angles, came)) = stack.pop() {
            for gap in &sl.rooms[here.index()].gaps {
                if Some(gap.through) == came {
                    continue;
                }
                let through = intersect(&angles, &span(&self.view, gap.segment));
                if through.is_empty() {
                    continue;
                }
                if budget == 0 {
                    return;
                }
                budget -= 1;
                match gap.to {
                    // Past an exterior's open side lies more of the location.
                    None if matches!(gap.through, Gap::OpenAir(_)) => {}
                    None => {
                        self.offstage.push((
                            PastTheSet::Outside {
                                through: gap.through,
                            },
                            gap.segment,
                            through,
                        ));
                    }
                    Some(there) => {
                        if scene.room(there).offstage && !scene.room(here).offstage {
                            self.offstage.push((
                                PastTheSet::Offstage {
                                    room: there,
                                    through: gap.through,
                                },
                                gap.segment,
                                through.clone(),
                            ));
                        }
                        if !self.visited.contains(&there) {
                            self.visited.push(there);
                        }
                        stack.push((there, through, Some(gap.through)));
                    }
                }
            }
        }
        self.complete = true;
        for r in &self.visited {
            self.occluders
                .extend_from_slice(&sl.rooms[r.index()].opaque);
        }
    }

    /// The rooms the field of view reaches, the camera's own first (all rooms if the walk
    /// gave up).
    pub fn rooms(&self) -> impl Iterator<Item = RoomId> + '_ {
        let all =
            (!self.complete).then(|| (0..self.sightlines.rooms.len()).map(RoomId::from_index));
        let walked = self.complete.then(|| self.visited.iter().copied());
        all.into_iter()
            .flatten()
            .chain(walked.into_iter().flatten())
    }

    /// The first obstacle on the line of sight from the camera to `to`.
    pub fn obstacle(&self, to: Point) -> Option<Obstacle> {
        let sight = Segment::new(self.view.origin, to);
        let inside = {
            let rel = wrap((to - self.view.origin).angle() - self.view.direction.angle());
            rel >= self.wedge.0 && rel <= self.wedge.1
        };
        if self.complete && (inside || to.distance(self.view.origin) < 1e-9) {
            nearest(sight, self.occluders.iter())
        } else {
            nearest(sight, self.sightlines.everything.iter())
        }
    }

    /// Whether the camera sees a body of `radius` at `at`, exactly as [`Simulation::sees`].
    pub fn sees_body(&self, at: Point, radius: f64, whole_body: bool) -> Result<(), Unseen> {
        let in_angle = if whole_body {
            self.view.covers(at)
        } else {
            self.view.covers_body(at, radius)
        };
        if !in_angle {
            return Err(Unseen::OutOfFrame {
                off_axis: self.view.off_axis(at),
                half_angle: self.view.half_angle,
            });
        }
        match self.obstacle(at) {
            Some(obstacle) => Err(Unseen::Blocked(obstacle)),
            None => Ok(()),
        }
    }

    /// Whether the camera sees person `who` (any part of the body, or the centre with
    /// `whole_body`): `sees(who, whole_body).is_ok()`, with no angle worked out for the many
    /// who are plainly behind the camera.
    pub fn has_in_view(&self, who: PersonId, whole_body: bool) -> bool {
        let sim = self.sightlines.sim;
        let at = sim.position(who, self.t);
        let radius = sim.scene.person(who).radius;
        let to = at - self.view.origin;
        let d = to.length();
        let reach = if whole_body { 0.0 } else { radius };
        if d > reach
            && self.view.direction.dot(to) < 0.0
            && self.view.half_angle + (reach / d).asin() < std::f64::consts::FRAC_PI_2 - 1e-6
        {
            return false;
        }
        self.sees_body(at, radius, whole_body).is_ok()
    }

    /// Whether the camera sees person `who` (see [`Simulation::sees`]).
    pub fn sees(&self, who: PersonId, whole_body: bool) -> Result<(), Unseen> {
        let sim = self.sightlines.sim;
        let at = sim.position(who, self.t);
        self.sees_body(at, sim.scene.person(who).radius, whole_body)
    }

    /// Where the lens's angle of view reaches past the set, each place once, in a fixed order:
    /// through a gap that no backing covers, with a clear line of sight through part of it.
    pub fn past_the_set(&self) -> Vec<PastTheSet> {
        let half = self.view.half_angle;
        let mut found: Vec<PastTheSet> = Vec::new();
        for (place, gap, angles) in &self.offstage {
            if found.contains(place) {
                continue;
            }
            let seen = match place {
                PastTheSet::StandsOffstage(_) | PastTheSet::StandsOutside => true,
                _ => {
                    let lens = intersect(angles, &[(-half, half)]);
                    lens.iter()
                        .any(|&(lo, hi)| self.clear_between(*gap, lo, hi))
                }
            };
            if seen {
                found.push(*place);
            }
        }
        found.sort();
        found
    }

    /// Whether some direction between `lo` and `hi` (relative to the lens axis) reaches the
    /// gap `gap` with nothing opaque before it.
    fn clear_between(&self, gap: Segment, lo: f64, hi: f64) -> bool {
        let steps = ((hi - lo) / RAY_STEP).ceil().max(1.0) as usize;
        let axis = self.view.direction.angle();
        (0..=steps).any(|k| {
            let rel = lo + (hi - lo) * (k as f64 / steps as f64);
            let direction = Point::from_angle(axis + rel);
            let Some(far) = ray_hit(self.view.origin, direction, gap) else {
                return false;
            };
            let sight = Segment::new(self.view.origin, far);
            let occluders: &[Occluder] = if self.complete {
                &self.occluders
            } else {
                &self.sightlines.everything
            };
            nearest(sight, occluders.iter()).is_none()
        })
    }
}

/// The point where a ray from `origin` along `direction` meets `gap` (strictly inside it), if
/// it does.
fn ray_hit(origin: Point, direction: Point, gap: Segment) -> Option<Point> {
    let reach = gap.a.distance(origin).max(gap.b.distance(origin)) * 2.0 + 1.0;
    let ray = Segment::new(origin, origin + direction * reach);
    let (k, u) = ray.intersection(gap)?;
    let inside = u * gap.length() > EPSILON && (1.0 - u) * gap.length() > EPSILON;
    inside.then(|| origin.lerp(ray.b, k))
}

impl Simulation<'_> {
    /// Seconds until which `who`, standing still at `t`, stays where they are (`t` itself if
    /// they are moving): a frame before then sees them where this one does.
    pub fn keeps_still_until(&self, who: PersonId, t: Time) -> f64 {
        let track = &self.tracks[who.index()];
        if track.moving_leg(t).is_some() {
            return t.seconds();
        }
        let next = track.legs.partition_point(|l| l.depart <= t);
        track
            .legs
            .get(next)
            .map_or(f64::INFINITY, |l| l.depart.seconds())
    }

    /// When the set is meant to be seen as a set (the reveal): the scene's `reveal` if given,
    /// else the first strike of a wild wall that opens onto offstage floor or the outside, or
    /// the first backing flown out, whichever is earlier. `None`: the take never reveals it.
    pub fn reveal(&self) -> Option<Time> {
        let scene = self.scene;
        if scene.reveal.is_some() {
            return scene.reveal;
        }
        let strikes = scene.wild_walls.iter().enumerate().filter_map(|(i, wall)| {
            let opens_out =
                wall.rooms.len() < 2 || wall.rooms.iter().any(|r| scene.room(*r).offstage);
            self.struck[i].filter(|_| opens_out)
        });
        let flown = scene.backings.iter().filter_map(|b| b.until);
        strikes.chain(flown).min()
    }
}

// ---- Exteriors ---------------------------------------------------------------------------

/// The stretches of each exterior room's outline that no wall covers, each with the room
/// across it (another exterior) or none (the location goes on).
fn open_air(scene: &crate::model::Scene) -> Vec<(RoomId, GapSight)> {
    let mut out = Vec::new();
    for (i, room) in scene.rooms.iter().enumerate().filter(|(_, r)| r.exterior) {
        let here = RoomId::from_index(i);
        for edge in room.outline.edges() {
            let length = edge.length();
            if length < EPSILON {
                continue;
            }
            let dir = edge.direction();
            let on_line = |p: Point| {
                let along = (p - edge.a).dot(dir);
                let off = edge.a + dir * along;
                (off.distance(p) <= EPSILON && (0.0..=length).contains(&along)).then_some(along)
            };
            let mut cuts = vec![0.0, length];
            for other in &scene.rooms {
                cuts.extend(other.outline.corners.iter().filter_map(|&c| on_line(c)));
            }
            for wall in &scene.walls {
                cuts.extend(
                    [wall.segment.a, wall.segment.b]
                        .into_iter()
                        .filter_map(on_line),
                );
            }
            for door in &scene.doors {
                cuts.extend([door.gap.a, door.gap.b].into_iter().filter_map(on_line));
            }
            cuts.sort_by(f64::total_cmp);
            cuts.dedup_by(|a, b| (*a - *b).abs() < EPSILON);
            for pair in cuts.windows(2) {
                let segment = Segment::new(edge.a + dir * pair[0], edge.a + dir * pair[1]);
                let mid = segment.midpoint();
                // A wall stands there, or a doorway that is a gap of its own (open or not).
                let walled = scene
                    .walls
                    .iter()
                    .map(|w| w.segment)
                    .chain(scene.doors.iter().map(|d| d.gap))
                    .any(|g| g.distance_to(mid) <= EPSILON);
                if walled {
                    continue;
                }
                let there = scene
                    .rooms
                    .iter()
                    .enumerate()
                    .find(|&(j, r)| j != i && r.outline.distance_to_boundary(mid) <= EPSILON)
                    .map(|(j, _)| RoomId::from_index(j));
                out.push((
                    here,
                    GapSight {
                        segment,
                        to: there,
                        through: Gap::OpenAir(here),
                    },
                ));
            }
        }
    }
    out
}
