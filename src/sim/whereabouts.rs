//! Who is in which room, when: each person's stays and every portal passage, read off the
//! simulation's legs. The timeline chart, the set graph, the statistics and the cue sheet's
//! entrances all read this one account.
//!
//! Room changes happen where a route passes a portal (a door centre, or a struck wild wall),
//! at the time the walker reaches that point, so the chart, the set graph and the statistics
//! all count the same passages. A leg cut short by the next one (a new move before arrival)
//! only counts what was walked before the cut.

use super::{Leg, Portal, Simulation};
use crate::model::{EventId, PersonId, RoomId, Scene};
use crate::time::Time;

/// A span of time one person spends in one room (`None`: outside every room).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stay {
    pub room: Option<RoomId>,
    pub from: Time,
    pub to: Time,
}

impl Stay {
    pub fn seconds(&self) -> f64 {
        self.to.seconds() - self.from.seconds()
    }
}

/// One walk through a portal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Passage {
    pub who: PersonId,
    /// The move whose route passes the portal.
    pub event: EventId,
    pub portal: Portal,
    pub at: Time,
    pub from: Option<RoomId>,
    pub to: Option<RoomId>,
}

/// Everyone's rooms over the take, from 0 to the scene's length.
#[derive(Debug, Clone)]
pub struct Whereabouts {
    /// One list per person, in time order, covering the whole take without gaps.
    pub stays: Vec<Vec<Stay>>,
    /// Every passage, in time order (person order breaking ties).
    pub passages: Vec<Passage>,
    /// Metres walked by each person within the take.
    pub walked: Vec<f64>,
}

impl Whereabouts {
    pub fn of(sim: &Simulation) -> Whereabouts {
        let scene = sim.scene;
        let mut stays = Vec::with_capacity(scene.people.len());
        let mut passages = Vec::new();
        let mut walked = Vec::with_capacity(scene.people.len());
        for (i, track) in sim.tracks.iter().enumerate() {
            let who = PersonId::from_index(i);
            let mut log = ChangeLog::new(scene.room_at(track.start));
            let mut metres = 0.0;
            for (k, leg) in track.legs.iter().enumerate() {
                if leg.depart > scene.length {
                    break;
                }
                let next = track.legs.get(k + 1).map(|l| l.depart);
                let interrupted = next.is_some_and(|n| n < leg.arrive);
                let cutoff = next
                    .filter(|_| interrupted)
                    .unwrap_or(leg.arrive)
                    .min(scene.length);
                log.change(leg.depart, scene.room_at(leg.start()));
                for &(portal, index) in &leg.route.portals {
                    let at = leg.time_at_point(index);
                    let past = if interrupted {
                        at >= cutoff
                    } else {
                        at > cutoff
                    };
                    if past {
                        break;
                    }
                    let from = log.current;
                    let to = room_after(scene, leg, portal, index, from);
                    passages.push(Passage {
                        who,
                        event: leg.event,
                        portal,
                        at,
                        from,
                        to,
                    });
                    log.change(at, to);
                }
                metres += leg.length() * walked_fraction(leg, cutoff);
                if !interrupted && leg.arrive <= scene.length {
                    log.change(leg.arrive, scene.room_at(leg.end()));
                }
            }
            stays.push(log.into_stays(scene.length));
            walked.push(metres);
        }
        passages.sort_by(|a, b| a.at.cmp(&b.at).then(a.who.cmp(&b.who)));
        Whereabouts {
            stays,
            passages,
            walked,
        }
    }

    /// The room `who` is in at `t`, by this account.
    pub fn room_at(&self, who: PersonId, t: Time) -> Option<RoomId> {
        let stays = &self.stays[who.index()];
        let i = stays.partition_point(|s| s.from <= t);
        i.checked_sub(1).and_then(|i| stays[i].room)
    }

    /// Seconds `who` spends in each room, indexed by room.
    pub fn time_per_room(&self, scene: &Scene, who: PersonId) -> Vec<f64> {
        let mut seconds = vec![0.0; scene.rooms.len()];
        for stay in &self.stays[who.index()] {
            if let Some(room) = stay.room {
                seconds[room.index()] += stay.seconds();
            }
        }
        seconds
    }
}

/// The room on the far side of a portal: the portal's other room when the walker is in one of
/// its rooms, else whatever room the route is in just after it.
fn room_after(
    scene: &Scene,
    leg: &Leg,
    portal: Portal,
    index: usize,
    from: Option<RoomId>,
) -> Option<RoomId> {
    let rooms = portal.rooms(scene);
    if let (Some(from), [a, b]) = (from, rooms) {
        if from == *a {
            return Some(*b);
        }
        if from == *b {
            return Some(*a);
        }
    }
    let points = &leg.route.points;
    let here = points[index.min(points.len() - 1)];
    let next = points[(index + 1).min(points.len() - 1)];
    scene.room_at(here.lerp(next, 0.5))
}

/// The part of a leg's length walked by `cutoff` (legs move at a constant speed).
fn walked_fraction(leg: &Leg, cutoff: Time) -> f64 {
    if cutoff < leg.depart {
        return 0.0;
    }
    let duration = leg.duration();
    if duration <= 0.0 {
        return 1.0;
    }
    ((cutoff.seconds() - leg.depart.seconds()) / duration).clamp(0.0, 1.0)
}

/// Room changes in time order, collapsed into stays.
struct ChangeLog {
    current: Option<RoomId>,
    changes: Vec<(Time, Option<RoomId>)>,
}

impl ChangeLog {
    fn new(start: Option<RoomId>) -> ChangeLog {
        ChangeLog {
            current: start,
            changes: vec![(Time::ZERO, start)],
        }
    }

    fn change(&mut self, at: Time, room: Option<RoomId>) {
        if room == self.current {
            return;
        }
        self.current = room;
        // Two changes at one instant: the later one wins.
        if let Some(last) = self.changes.last_mut()
            && last.0 >= at
        {
            last.1 = room;
        } else {
            self.changes.push((at, room));
        }
    }

    fn into_stays(self, end: Time) -> Vec<Stay> {
        let mut stays: Vec<Stay> = Vec::new();
        for (k, &(from, room)) in self.changes.iter().enumerate() {
            let to = self.changes.get(k + 1).map_or(end, |c| c.0).min(end);
            if from >= end && !stays.is_empty() {
                break;
            }
            match stays.last_mut() {
                Some(last) if last.room == room => last.to = to,
                _ => stays.push(Stay { room, from, to }),
            }
        }
        stays
    }
}
