//! Time on camera: how many frames each person is seen by some other camera, without asking
//! every frame.
//!
//! Whether a camera sees someone at a frame is [`Simulation::sees`]: some part of the body
//! inside the angle of view, and nothing opaque on the line of sight. Asked for every frame ×
//! person × camera of a 96-minute take with 2,000 people, that is hundreds of millions of
//! questions (98 s). Here each answer comes with how many frames it surely holds, and only
//! then is the question asked again:
//!
//! - out of frame by an angle: until the camera could have turned, and the person and the
//!   camera walked, far enough to close it (the camera's turn is summed frame by frame, the
//!   walks are bounded by the distance walked along the legs);
//! - blocked: until the ends of the line of sight could have moved far enough for the wall
//!   (door, furniture, backing) that blocks it to stop crossing it;
//! - seen: until either could change, or something opaque within reach could come to cross
//!   the line of sight.
//!
//! Someone standing still in front of a still camera is asked once; a walker or a moving
//! camera is asked again after a fraction of a second to some seconds. The bounds are
//! conservative, so the count is the count of every frame, exactly: the tests compare it
//! frame for frame with asking [`Simulation::sees`] on every frame (tolerance: none). Nothing
//! is kept per frame of the whole take: the frames are taken in stretches of at most
//! [`STRETCH`], each with one state of the set.

use crate::geometry::Segment;
use crate::model::{PersonId, Scene};
use crate::sim::{OpaqueSet, Simulation, Track, View, set_changes};
use crate::time::Time;

/// Most frames solved together: bounds the memory on a day-long take.
const STRETCH: usize = 1 << 12;
/// How far around a clear line of sight to look for what could come to block it, metres.
const CLEARANCE_REACH: f64 = 4.0;
/// Angles closer than this (radians) are not trusted to stay on one side.
const ANGLE_SLACK: f64 = 1e-7;

/// Seconds each person is seen by some other camera, counted frame by frame over the take.
pub fn time_on_camera(scene: &Scene, sim: &Simulation) -> Vec<f64> {
    let cameras: Vec<PersonId> = scene.cameras().collect();
    let mut frames = vec![0usize; scene.people.len()];
    if !cameras.is_empty() {
        count_frames(scene, sim, &cameras, &mut frames);
    }
    let step = scene.frame_rate.frame_seconds();
    frames
        .iter()
        .map(|&f| (f as f64 * step).min(scene.length.seconds()))
        .collect()
}

/// How far someone has walked by a given time, along their legs: between two times they
/// move at most the difference.
struct Walked {
    departs: Vec<f64>,
    /// Distance walked when each leg departs.
    before: Vec<f64>,
    lengths: Vec<f64>,
    durations: Vec<f64>,
}

impl Walked {
    fn of(track: &Track) -> Walked {
        let departs: Vec<f64> = track.legs.iter().map(|l| l.depart.seconds()).collect();
        let lengths: Vec<f64> = track.legs.iter().map(|l| l.length()).collect();
        let durations: Vec<f64> = track.legs.iter().map(|l| l.duration()).collect();
        let mut walked = Walked {
            before: Vec::with_capacity(departs.len()),
            departs,
            lengths,
            durations,
        };
        let mut total = 0.0;
        for i in 0..walked.departs.len() {
            walked.before.push(total);
            if let Some(&next) = walked.departs.get(i + 1) {
                total += walked.along(i, next);
            }
        }
        walked
    }

    /// Distance walked on leg `i` by `t` (a leg in no time is walked at once).
    fn along(&self, i: usize, t: f64) -> f64 {
        let duration = self.durations[i];
        let fraction = if duration <= 0.0 {
            1.0
        } else {
            ((t - self.departs[i]) / duration).clamp(0.0, 1.0)
        };
        self.lengths[i] * fraction
    }

    /// The leg under way or last started at `t` (`None` before the first).
    fn leg_at(&self, t: f64) -> Option<usize> {
        self.departs.partition_point(|&d| d <= t).checked_sub(1)
    }

    /// Distance walked by `t`.
    fn at(&self, t: f64) -> f64 {
        self.leg_at(t)
            .map_or(0.0, |i| self.before[i] + self.along(i, t))
    }

    /// Distance walked by `t`, knowing the leg under way at some earlier time (`leg`): most
    /// questions fall before the next leg departs and need no search.
    fn at_after(&self, leg: Option<usize>, t: f64) -> f64 {
        let next = leg.map_or(0, |i| i + 1);
        if self.departs.get(next).is_none_or(|&d| d > t) {
            leg.map_or(0.0, |i| self.before[i] + self.along(i, t))
        } else {
            self.at(t)
        }
    }
}

/// One camera over a stretch of frames.
struct CameraFrames {
    views: Vec<View>,
    /// How far the view has turned (the lens axis, and the angle of view widening or
    /// narrowing) since the stretch began, summed frame by frame, radians.
    turned: Vec<f64>,
    /// How far the camera has walked at each frame, metres.
    walked: Vec<f64>,
}

impl CameraFrames {
    fn new(sim: &Simulation, camera: PersonId, walked: &Walked, times: &[Time]) -> CameraFrames {
        let views: Vec<View> = times.iter().map(|&t| sim.view(camera, t)).collect();
        let mut turned = Vec::with_capacity(views.len());
        let mut total = 0.0;
        for (i, view) in views.iter().enumerate() {
            if let Some(before) = i.checked_sub(1).map(|i| views[i]) {
                let d = view.direction.angle() - before.direction.angle();
                let turn = (d + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                    - std::f64::consts::PI;
                total += turn.abs() + (view.half_angle - before.half_angle).abs();
            }
            turned.push(total);
        }
        CameraFrames {
            views,
            turned,
            walked: times.iter().map(|t| walked.at(t.seconds())).collect(),
        }
    }
}

/// The number of frames from `k` on (at least 1, at most to `n`) that share frame `k`'s
/// answer, given `surely(j)`: frame `j` surely has it. `surely` must hold for every frame
/// before one for which it holds (the bounds only grow with time), so a galloping search
/// finds the last.
fn reach(k: usize, n: usize, surely: impl Fn(usize) -> bool) -> usize {
    let (mut good, mut step) = (k, 1);
    while k + step < n && surely(k + step) {
        good = k + step;
        step *= 2;
    }
    let mut bad = (k + step).min(n);
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if surely(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    good - k + 1
}

fn count_frames(scene: &Scene, sim: &Simulation, cameras: &[PersonId], frames: &mut [usize]) {
    let changes = set_changes(sim);
    let walked: Vec<Walked> = sim.tracks.iter().map(Walked::of).collect();
    let state = |t: Time| changes.partition_point(|&c| c <= t);
    let mut all = sim.frames(Time::ZERO, scene.length).peekable();
    let mut times: Vec<Time> = Vec::new();
    let mut near = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    while let Some(&first) = all.peek() {
        // A stretch of frames with one state of the set.
        times.clear();
        let now = state(first);
        while let Some(&t) = all.peek() {
            if times.len() == STRETCH || state(t) != now {
                break;
            }
            times.push(t);
            all.next();
        }
        let n = times.len();
        let opaque = OpaqueSet::at(sim, first);
        let views: Vec<CameraFrames> = cameras
            .iter()
            .map(|&c| CameraFrames::new(sim, c, &walked[c.index()], &times))
            .collect();
        for (p, count) in frames.iter_mut().enumerate() {
            let who = PersonId::from_index(p);
            let radius = scene.person(who).radius;
            let walks = &walked[p];
            seen.clear();
            for (camera, cam) in cameras.iter().zip(&views) {
                if *camera == who {
                    continue;
                }
                let mut blocker: Option<usize> = None;
                let mut k = 0;
                while k < n {
                    let t = times[k];
                    let view = cam.views[k];
                    let at = sim.position(who, t);
                    let leg = walks.leg_at(t.seconds());
                    let walked_k =
                        leg.map_or(0.0, |i| walks.before[i] + walks.along(i, t.seconds()));
                    let (cam_k, turned_k) = (cam.walked[k], cam.turned[k]);
                    // How far the camera and the person may have moved, together, by frame j.
                    let moved = |j: usize| {
                        (cam.walked[j] - cam_k)
                            + (walks.at_after(leg, times[j].seconds()) - walked_k)
                    };
                    // Nothing has moved or turned by frame j: the same question, the same answer.
                    let unmoved = |j: usize| moved(j) <= 0.0 && cam.turned[j] == turned_k;
                    let d = at.distance(view.origin);
                    let in_frame = view.covers_body(at, radius);
                    // How far off the edge of frame (either way) the body is, radians.
                    let edge = if d <= radius {
                        0.0
                    } else {
                        (view.off_axis(at) - view.half_angle - (radius / d).asin()).abs()
                    };
                    // Frame j surely keeps the same side of the edge.
                    let same_side = |j: usize| {
                        let m = moved(j);
                        if m <= 0.0 && cam.turned[j] == turned_k {
                            return true;
                        }
                        if m >= d - radius {
                            return false;
                        }
                        let bearing = (m / d).asin();
                        let body = (radius / (d - m)).min(1.0).asin() - (radius / (d + m)).asin();
                        (cam.turned[j] - turned_k) + bearing + body < edge - ANGLE_SLACK
                    };
                    let sight = Segment::new(view.origin, at);
                    let blocked = |near: &mut Vec<usize>, cached: Option<usize>| {
                        cached
                            .and_then(|i| opaque.still_blocks(i, sight).map(|m| (i, m)))
                            .filter(|&(_, m)| m > 0.5)
                            .or_else(|| opaque.blocker(sight, near))
                    };
                    let (visible, span) = if !in_frame {
                        let mut span = reach(k, n, same_side);
                        if span < 16
                            && let Some((i, margin)) = blocked(&mut near, blocker)
                        {
                            blocker = Some(i);
                            span = span.max(reach(k, n, |j| unmoved(j) || moved(j) < margin));
                        }
                        (false, span)
                    } else if let Some((i, margin)) = blocked(&mut near, blocker) {
                        blocker = Some(i);
                        (false, reach(k, n, |j| unmoved(j) || moved(j) < margin))
                    } else {
                        let margin = opaque.clearance(sight, CLEARANCE_REACH, &mut near);
                        (
                            true,
                            reach(k, n, |j| unmoved(j) || (moved(j) < margin && same_side(j))),
                        )
                    };
                    if visible {
                        seen.push((k, k + span));
                    }
                    k += span;
                }
            }
            // Frames seen by any camera, each once.
            seen.sort_unstable();
            let mut end = 0;
            for &(from, to) in &seen {
                let from = from.max(end);
                if to > from {
                    *count += to - from;
                    end = to;
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
        let cameras: Vec<PersonId> = scene.cameras().collect();
        let mut swept = vec![0usize; scene.people.len()];
        count_frames(&scene, &sim, &cameras, &mut swept);
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

    /// Scenes no bound was tuned to: two cameras (one panning between framings and walking,
    /// one changing lens and dollying), a door opening and closing, a tall cabinet, walkers
    /// crossing doorways and passing close to a lens; the rule fixtures' cameras; the
    /// fixture scenes' rooms of other shapes.
    #[test]
    fn solving_stretches_counts_what_every_frame_counts_on_scenes_of_other_shapes() {
        let scenes = [
            (
                "two-cameras.ron",
                include_str!("../../../tests/fixtures/on-camera/two-cameras.ron"),
            ),
            (
                "K001.ron",
                include_str!("../../../tests/fixtures/rules/K001.ron"),
            ),
            (
                "K002.ron",
                include_str!("../../../tests/fixtures/rules/K002.ron"),
            ),
            (
                "K003.ron",
                include_str!("../../../tests/fixtures/rules/K003.ron"),
            ),
            (
                "K005.ron",
                include_str!("../../../tests/fixtures/rules/K005.ron"),
            ),
            (
                "corridor-chase.ron",
                include_str!("../../../tests/fixtures/scenes/corridor-chase.ron"),
            ),
            (
                "kitchen-crowd.ron",
                include_str!("../../../tests/fixtures/scenes/kitchen-crowd.ron"),
            ),
            (
                "l-and-u.ron",
                include_str!("../../../tests/fixtures/scenes/l-and-u.ron"),
            ),
        ];
        for (name, text) in scenes {
            same_as_brute_force(name, text);
        }
    }
}
