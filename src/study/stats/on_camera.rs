//! Time on camera: how long each person is seen by some other camera, counted on every frame.
//!
//! One sweep over the frames: each camera's view is built once per frame ([`Sightlines`]), and
//! only the people in the rooms its field of view reaches (or next to the camera's own room)
//! are tested, from a running account of who is in which room. On a take the size of Russian
//! Ark that is a few dozen people per frame instead of two thousand.

use crate::model::{PersonId, RoomId, Scene};
use crate::sim::{Sightlines, Simulation, Whereabouts};
use crate::time::Time;

/// Seconds each person is seen by some other camera, sampled on every frame of the take.
pub fn time_on_camera(scene: &Scene, sim: &Simulation, whereabouts: &Whereabouts) -> Vec<f64> {
    let cameras: Vec<PersonId> = scene.cameras().collect();
    let mut frames = vec![0usize; scene.people.len()];
    if !cameras.is_empty() {
        count_frames(scene, sim, whereabouts, &cameras, &mut frames);
    }
    let step = scene.frame_rate.frame_seconds();
    frames
        .iter()
        .map(|&f| (f as f64 * step).min(scene.length.seconds()))
        .collect()
}

/// Who is in which room, kept up to date as time moves forward.
struct Occupancy {
    /// Every room change, in time order: (when, who, the room from then on).
    changes: Vec<(Time, PersonId, Option<RoomId>)>,
    next: usize,
    /// Per room (the last slot: outside every room), who is in it.
    members: Vec<Vec<PersonId>>,
    /// Per person: (slot in `members`, index in that list).
    place: Vec<Option<(usize, usize)>>,
}

impl Occupancy {
    fn new(scene: &Scene, whereabouts: &Whereabouts) -> Occupancy {
        let mut changes: Vec<(Time, PersonId, Option<RoomId>)> = whereabouts
            .stays
            .iter()
            .enumerate()
            .flat_map(|(p, stays)| {
                stays
                    .iter()
                    .map(move |s| (s.from, PersonId::from_index(p), s.room))
            })
            .collect();
        changes.sort_by_key(|&(t, p, _)| (t, p));
        Occupancy {
            changes,
            next: 0,
            members: vec![Vec::new(); scene.rooms.len() + 1],
            place: vec![None; scene.people.len()],
        }
    }

    /// Applies every room change at or before `t`.
    fn advance(&mut self, t: Time) {
        while let Some(&(at, who, room)) = self.changes.get(self.next) {
            if at > t {
                break;
            }
            self.next += 1;
            if let Some((slot, i)) = self.place[who.index()].take() {
                self.members[slot].swap_remove(i);
                if let Some(&moved) = self.members[slot].get(i) {
                    self.place[moved.index()] = Some((slot, i));
                }
            }
            let slot = room.map_or(self.members.len() - 1, RoomId::index);
            self.place[who.index()] = Some((slot, self.members[slot].len()));
            self.members[slot].push(who);
        }
    }
}

fn count_frames(
    scene: &Scene,
    sim: &Simulation,
    whereabouts: &Whereabouts,
    cameras: &[PersonId],
    frames: &mut [usize],
) {
    // Rooms next to each room (through any door, window or wild wall): someone standing in a
    // doorway beside the lens can be in frame though their room is outside the walked angle.
    let mut next_to: Vec<Vec<usize>> = vec![Vec::new(); scene.rooms.len()];
    let mut join = |a: RoomId, b: RoomId| {
        next_to[a.index()].push(b.index());
        next_to[b.index()].push(a.index());
    };
    for door in &scene.doors {
        join(door.rooms[0], door.rooms[1]);
    }
    for wall in &scene.wild_walls {
        if let [a, b] = wall.rooms[..] {
            join(a, b);
        }
    }
    let outside = scene.rooms.len();
    let mut occupancy = Occupancy::new(scene, whereabouts);
    let mut sightlines = Sightlines::new(sim);
    // The frame at which each person was last counted, and each room last looked in.
    let mut counted = vec![usize::MAX; scene.people.len()];
    let mut looked = vec![usize::MAX; scene.rooms.len() + 1];
    let mut rooms: Vec<usize> = Vec::new();
    // A frame where no one changed rooms, the set's state and every view are unchanged, and
    // everyone looked at stands still counts the same people as the last one.
    let mut last_views: Vec<Option<crate::sim::View>> = vec![None; cameras.len()];
    let mut last_epoch = usize::MAX;
    let mut last_counted: Vec<PersonId> = Vec::new();
    let mut still_until = f64::NEG_INFINITY;
    for (k, t) in sim.frames(Time::ZERO, scene.length).enumerate() {
        let before = occupancy.next;
        occupancy.advance(t);
        sightlines.advance(t);
        let views: Vec<Option<crate::sim::View>> =
            cameras.iter().map(|&c| Some(sim.view(c, t))).collect();
        let unchanged = views == last_views && sightlines.epoch() == last_epoch;
        if unchanged && occupancy.next == before && t.seconds() < still_until {
            for p in &last_counted {
                frames[p.index()] += 1;
            }
            continue;
        }
        last_views = views;
        last_epoch = sightlines.epoch();
        last_counted.clear();
        // Worth knowing only while the cameras stand still.
        still_until = if unchanged {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        for (c, &camera) in cameras.iter().enumerate() {
            let glance = sightlines.glance(camera);
            rooms.clear();
            let stamp = k * cameras.len() + c;
            let mut look = |r: usize, rooms: &mut Vec<usize>| {
                if looked[r] != stamp {
                    looked[r] = stamp;
                    rooms.push(r);
                }
            };
            for r in glance.rooms() {
                look(r.index(), &mut rooms);
            }
            if let Some(own) = glance.room {
                for &r in &next_to[own.index()] {
                    look(r, &mut rooms);
                }
            }
            look(outside, &mut rooms);
            for &r in &rooms {
                for &who in &occupancy.members[r] {
                    if who == camera || counted[who.index()] == k {
                        continue;
                    }
                    if still_until > t.seconds() {
                        still_until = still_until.min(sim.keeps_still_until(who, t));
                    }
                    if glance.has_in_view(who, false) {
                        counted[who.index()] = k;
                        frames[who.index()] += 1;
                        last_counted.push(who);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The one-question-at-a-time answer the sweep must equal.
    fn brute_force(scene: &Scene, sim: &Simulation) -> Vec<usize> {
        let cameras: Vec<PersonId> = scene.cameras().collect();
        let mut frames = vec![0usize; scene.people.len()];
        for t in sim.frames(Time::ZERO, scene.length) {
            for (p, count) in frames.iter_mut().enumerate() {
                let who = PersonId::from_index(p);
                if cameras
                    .iter()
                    .any(|&c| c != who && sim.sees(c, who, t, false).is_ok())
                {
                    *count += 1;
                }
            }
        }
        frames
    }

    fn same_as_brute_force(name: &str, text: &str) {
        let loaded = crate::load::load(&SourceFile::new(name, text));
        let scene = loaded.scene.expect("scene loads");
        let sim = Simulation::new(&scene);
        let whereabouts = Whereabouts::of(&sim);
        let cameras: Vec<PersonId> = scene.cameras().collect();
        let mut swept = vec![0usize; scene.people.len()];
        count_frames(&scene, &sim, &whereabouts, &cameras, &mut swept);
        assert_eq!(swept, brute_force(&scene, &sim), "{name}");
        assert!(swept.iter().any(|&f| f > 0), "{name}: nobody is ever seen");
    }

    #[test]
    fn the_sweep_counts_the_same_frames_as_asking_each_one() {
        same_as_brute_force(
            "we-cry-together.ron",
            include_str!("../../../scenes/we-cry-together.ron"),
        );
        same_as_brute_force("tutorial.ron", include_str!("../../../scenes/tutorial.ron"));
    }
}
