//! The simulation: the state of the world at any moment of the take.
//!
//! Built once from a [`Scene`]; rules, `oner at`, plans and cue sheets all read it. Positions
//! move along routes at the speed the times imply; doors, props, wild walls, framing and
//! lenses change at their events.

mod crane;
pub mod in_view;
pub mod route;
pub mod sight;
pub mod sightlines;
pub mod snapshot;
mod track;
pub mod whereabouts;

pub use route::{Portal, Route};
pub use sight::{Obstacle, View};
pub use sightlines::{Gap, Glance, Margins, OpaqueSet, PastTheSet, Sightlines, set_changes};
pub use track::{Leg, Track};
pub use whereabouts::{Passage, Stay, Whereabouts};

use crate::geometry::Point;
use crate::model::{
    Action, DoorAction, DoorId, DoorState, EventId, FacingTarget, FurnitureId, MarkId, PersonId,
    PlaceRef, PropPlace, RoomId, Scene,
};
use crate::time::Time;

/// How fast a camera operator turns to a new framing, radians per second (90°/s).
pub const PAN_RATE: f64 = std::f64::consts::FRAC_PI_2;

/// Where a prop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropWhere {
    Mark(MarkId),
    Furniture(FurnitureId),
    Held(PersonId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropState {
    pub place: PropWhere,
    pub broken: bool,
}

/// A change of state at an event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change<S> {
    pub at: Time,
    pub state: S,
    pub event: EventId,
}

/// What a camera is turned towards.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Mark(MarkId),
    People(Vec<PersonId>),
    /// Nothing framed: the camera looks where it goes.
    Travel,
}

/// A change of framing, with the pan that gets there.
#[derive(Debug, Clone, PartialEq)]
pub struct Framing {
    pub at: Time,
    pub target: Target,
    /// Seconds the pan from the previous framing takes.
    pub pan: f64,
    pub event: Option<EventId>,
}

#[derive(Debug)]
pub struct Simulation<'s> {
    pub scene: &'s Scene,
    /// Events sorted by time, file order breaking ties.
    pub order: Vec<EventId>,
    /// One per person.
    pub tracks: Vec<Track>,
    /// One per door: changes after the initial state, in time order.
    pub doors: Vec<Vec<Change<DoorState>>>,
    /// One per wild wall: when it is struck.
    pub struck: Vec<Option<Time>>,
    /// One per prop: changes after the starting place.
    pub props: Vec<Vec<Change<PropState>>>,
    /// One per person (empty for all but cameras).
    pub framing: Vec<Vec<Framing>>,
    /// One per person: lens changes, millimetres.
    pub lenses: Vec<Vec<Change<f64>>>,
    /// The ways between rooms, for routing.
    pub portals: route::PortalMap,
}

fn latest<S: Copy>(changes: &[Change<S>], t: Time) -> Option<&Change<S>> {
    let i = changes.partition_point(|c| c.at <= t);
    i.checked_sub(1).map(|i| &changes[i])
}

/// The last change before `event`'s own (or the last of all, if `event` made none).
fn before<S: Copy>(changes: &[Change<S>], event: EventId) -> Option<&Change<S>> {
    let index = changes
        .iter()
        .position(|c| c.event == event)
        .unwrap_or(changes.len());
    changes[..index].last()
}

impl<'s> Simulation<'s> {
    pub fn new(scene: &'s Scene) -> Simulation<'s> {
        let mut order: Vec<EventId> = (0..scene.events.len()).map(EventId::from_index).collect();
        order.sort_by_key(|&e| scene.events[e.index()].at);
        let mut sim = Simulation {
            scene,
            order,
            tracks: scene
                .people
                .iter()
                .map(|p| Track {
                    start: scene.mark(p.starts_at).at,
                    start_mark: p.starts_at,
                    legs: Vec::new(),
                })
                .collect(),
            doors: vec![Vec::new(); scene.doors.len()],
            struck: vec![None; scene.wild_walls.len()],
            props: vec![Vec::new(); scene.props.len()],
            framing: vec![Vec::new(); scene.people.len()],
            lenses: vec![Vec::new(); scene.people.len()],
            portals: route::PortalMap::new(scene),
        };
        sim.record_states();
        sim.walk();
        sim.record_framing();
        sim
    }

    /// Door, prop, wild wall and lens changes: these depend on no one's position.
    fn record_states(&mut self) {
        let scene = self.scene;
        let mut props: Vec<PropState> = (0..scene.props.len())
            .map(|i| self.initial_prop(crate::model::PropId::from_index(i)))
            .collect();
        for &id in &self.order {
            let event = &scene.events[id.index()];
            let at = event.at;
            let mut set_prop =
                |prop: crate::model::PropId,
                 change: &dyn Fn(&mut PropState),
                 props_log: &mut Vec<Vec<Change<PropState>>>| {
                    change(&mut props[prop.index()]);
                    props_log[prop.index()].push(Change {
                        at,
                        state: props[prop.index()],
                        event: id,
                    });
                };
            match &event.action {
                Action::Door { door, action, .. } => {
                    let state = match action {
                        DoorAction::Open => DoorState::Open,
                        DoorAction::Close | DoorAction::Slam | DoorAction::Unlock => {
                            DoorState::Closed
                        }
                        DoorAction::Lock => DoorState::Locked,
                    };
                    self.doors[door.index()].push(Change {
                        at,
                        state,
                        event: id,
                    });
                }
                Action::Cue {
                    strikes: Some(wall),
                    ..
                } => {
                    let slot = &mut self.struck[wall.index()];
                    *slot = Some(slot.map_or(at, |s| s.min(at)));
                }
                Action::Take { who, prop } => {
                    set_prop(*prop, &|s| s.place = PropWhere::Held(*who), &mut self.props)
                }
                Action::Give { to, prop, .. } => {
                    set_prop(*prop, &|s| s.place = PropWhere::Held(*to), &mut self.props)
                }
                Action::Put { prop, on, .. } | Action::Throw { prop, to: on, .. } => {
                    let place = match *on {
                        PlaceRef::Mark(m) => PropWhere::Mark(m),
                        PlaceRef::Furniture(f) => PropWhere::Furniture(f),
                        PlaceRef::Person(p) => PropWhere::Held(p),
                    };
                    set_prop(*prop, &|s| s.place = place, &mut self.props)
                }
                Action::Break { prop, .. } => {
                    set_prop(*prop, &|s| s.broken = true, &mut self.props)
                }
                Action::Camera(c) => {
                    if let Some(lens) = c.lens_mm {
                        self.lenses[c.camera.index()].push(Change {
                            at,
                            state: lens,
                            event: id,
                        });
                    }
                }
                _ => {}
            }
        }
    }

    /// Every move, in time order, from wherever its walker is when it starts.
    fn walk(&mut self) {
        let scene = self.scene;
        // Where each walker's latest leg ends, and when: most moves start after the last one
        // has arrived, and then need not read the leg at all.
        let mut rest: Vec<Option<(Time, Point)>> = vec![None; self.tracks.len()];
        for &id in &self.order.clone() {
            let event = &scene.events[id.index()];
            let Some(m) = event.action.travel() else {
                continue;
            };
            let depart = event.at;
            // Moves come in time order, so the walker's latest leg is the one under way (or
            // done) at `depart`: no search through the track.
            let track = &self.tracks[m.who.index()];
            let from = match rest[m.who.index()] {
                Some((arrive, end)) if depart >= arrive => end,
                _ => track
                    .legs
                    .last()
                    .map_or(track.start, |leg| leg.position(depart)),
            };
            let to = scene.mark(m.to);
            let route = self.route(from, to.at, to.room, &m.via, depart);
            let length = route.length();
            let arrive = match m.arrive {
                Some(arrive) => arrive,
                None => Time::from_seconds(depart.seconds() + length / m.pace.metres_per_second())
                    .unwrap_or(depart),
            };
            let leg = Leg::new(id, depart, arrive, m.to, route);
            rest[m.who.index()] = Some((leg.arrive, leg.end()));
            self.tracks[m.who.index()].legs.push(leg);
        }
    }

    /// The route a walker takes: through the named doors, else the shortest way, preferring
    /// doors that are open when the walk starts.
    fn route(
        &self,
        from: Point,
        to: Point,
        to_room: RoomId,
        via: &[DoorId],
        depart: Time,
    ) -> Route {
        let scene = self.scene;
        let from_room = scene.room_at(from).unwrap_or(to_room);
        if !via.is_empty() {
            // The named doors must chain from the start room to the mark's room.
            let mut points = vec![from];
            let mut portals = Vec::new();
            let mut room = from_room;
            let mut found = true;
            for &door in via {
                let d = scene.door(door);
                found &= d.is_passage() && d.rooms.contains(&room);
                room = d.other_room(room);
                portals.push((Portal::Door(door), points.len()));
                points.push(d.at);
            }
            points.push(to);
            found &= room == to_room;
            return Route {
                points,
                portals,
                found,
            };
        }
        let open = |p: Portal| match p {
            Portal::Door(d) => self.door_state(d, depart) == DoorState::Open,
            Portal::Wild(w) => self.is_struck(w, depart),
        };
        route::shortest(&self.portals, from, from_room, to, to_room, open)
            .or_else(|| route::shortest(&self.portals, from, from_room, to, to_room, |_| true))
            .unwrap_or(Route {
                points: vec![from, to],
                portals: Vec::new(),
                found: false,
            })
    }

    /// Cameras' framings, with pan times from the angle each reframe turns through.
    fn record_framing(&mut self) {
        let scene = self.scene;
        for camera in scene.cameras() {
            let person = scene.person(camera);
            let initial = match person.facing {
                Some(FacingTarget::Mark(m)) => Target::Mark(m),
                Some(FacingTarget::Person(p)) => Target::People(vec![p]),
                None => Target::Travel,
            };
            self.framing[camera.index()].push(Framing {
                at: Time::ZERO,
                target: initial,
                pan: 0.0,
                event: None,
            });
        }
        for &id in &self.order.clone() {
            let event = &scene.events[id.index()];
            let Action::Camera(c) = &event.action else {
                continue;
            };
            if c.frame.is_empty() {
                continue;
            }
            let before = self.facing(c.camera, event.at);
            let target = Target::People(c.frame.clone());
            let after = self
                .direction_to(c.camera, &target, event.at)
                .unwrap_or(before);
            let angle = (after.angle() - before.angle() + std::f64::consts::PI)
                .rem_euclid(std::f64::consts::TAU)
                - std::f64::consts::PI;
            self.framing[c.camera.index()].push(Framing {
                at: event.at,
                target,
                pan: angle.abs() / PAN_RATE,
                event: Some(id),
            });
        }
    }

    pub fn position(&self, who: PersonId, t: Time) -> Point {
        self.tracks[who.index()].position(t)
    }

    pub fn room_of(&self, who: PersonId, t: Time) -> Option<RoomId> {
        self.scene.room_at(self.position(who, t))
    }

    pub fn door_state(&self, door: DoorId, t: Time) -> DoorState {
        latest(&self.doors[door.index()], t).map_or(self.scene.door(door).initial, |c| c.state)
    }

    /// The door's state just before `event` (one of its own events) changed it.
    pub fn door_state_before(&self, door: DoorId, event: EventId) -> DoorState {
        before(&self.doors[door.index()], event).map_or(self.scene.door(door).initial, |c| c.state)
    }

    pub fn is_struck(&self, wall: crate::model::WildWallId, t: Time) -> bool {
        self.struck[wall.index()].is_some_and(|s| s <= t)
    }

    pub fn prop_state(&self, prop: crate::model::PropId, t: Time) -> PropState {
        latest(&self.props[prop.index()], t).map_or_else(|| self.initial_prop(prop), |c| c.state)
    }

    /// The prop's state just before `event` (one of its own events) changed it.
    pub fn prop_state_before(&self, prop: crate::model::PropId, event: EventId) -> PropState {
        before(&self.props[prop.index()], event)
            .map_or_else(|| self.initial_prop(prop), |c| c.state)
    }

    /// Where a prop is when the take begins.
    fn initial_prop(&self, prop: crate::model::PropId) -> PropState {
        PropState {
            place: match self.scene.prop(prop).starts {
                PropPlace::OnMark(m) => PropWhere::Mark(m),
                PropPlace::On(f) => PropWhere::Furniture(f),
                PropPlace::HeldBy(p) => PropWhere::Held(p),
            },
            broken: false,
        }
    }

    /// Where a prop's place is on the floor at `t`.
    pub fn place_point(&self, place: PropWhere, t: Time) -> Point {
        match place {
            PropWhere::Mark(m) => self.scene.mark(m).at,
            PropWhere::Furniture(f) => self.scene.furniture[f.index()].outline.centroid(),
            PropWhere::Held(p) => self.position(p, t),
        }
    }

    pub fn lens(&self, camera: PersonId, t: Time) -> f64 {
        latest(&self.lenses[camera.index()], t)
            .map(|c| c.state)
            .or_else(|| self.scene.person(camera).camera().map(|s| s.lens_mm))
            .unwrap_or(24.0)
    }

    fn target_point(&self, target: &Target, t: Time) -> Option<Point> {
        match target {
            Target::Mark(m) => Some(self.scene.mark(*m).at),
            Target::People(people) if !people.is_empty() => {
                let sum = people
                    .iter()
                    .fold(Point::default(), |s, &p| s + self.position(p, t));
                Some(sum * (1.0 / people.len() as f64))
            }
            _ => None,
        }
    }

    /// Unit vector from `who` towards `target` at `t`, if it is not on top of them.
    fn direction_to(&self, who: PersonId, target: &Target, t: Time) -> Option<Point> {
        let here = self.position(who, t);
        let there = self.target_point(target, t)?;
        (there.distance(here) > 1e-3).then(|| (there - here).normalised())
    }

    /// Which way a person (usually a camera) faces at `t`: towards the framing target,
    /// panning at [`PAN_RATE`] after a reframe; else along their walk; else +x.
    pub fn facing(&self, who: PersonId, t: Time) -> Point {
        let framings = &self.framing[who.index()];
        let i = framings.partition_point(|f| f.at <= t);
        let track = &self.tracks[who.index()];
        let fallback = || {
            track
                .moving_leg(t)
                .map(|l| l.heading(t))
                .unwrap_or(Point::new(1.0, 0.0))
        };
        let Some(current) = i.checked_sub(1).map(|i| &framings[i]) else {
            return fallback();
        };
        let towards = self.direction_to(who, &current.target, t);
        let elapsed = t.seconds() - current.at.seconds();
        if current.pan > 0.0 && elapsed < current.pan && i >= 2 {
            let from = self
                .direction_to(who, &framings[i - 2].target, t)
                .unwrap_or_else(fallback);
            let to = towards.unwrap_or(from);
            let delta = (to.angle() - from.angle() + std::f64::consts::PI)
                .rem_euclid(std::f64::consts::TAU)
                - std::f64::consts::PI;
            return Point::from_angle(from.angle() + delta * (elapsed / current.pan));
        }
        towards.unwrap_or_else(fallback)
    }

    /// Frame times from `from` to `to` inclusive, at the take's frame rate.
    pub fn frames(&self, from: Time, to: Time) -> impl Iterator<Item = Time> + use<> {
        let step = self.scene.frame_rate.frame_seconds();
        let (a, b) = (from.seconds(), to.seconds());
        let count = ((b - a) / step).floor().max(0.0) as usize;
        (0..=count)
            .map(move |k| Time::from_seconds(a + k as f64 * step).unwrap_or(Time::ZERO))
            .chain(std::iter::once(to).filter(move |_| (b - a) / step - count as f64 > 1e-9))
    }
}
