//! Time on camera: how many frames each person is seen by some other camera, without asking
//! every frame.
//!
//! Whether a camera sees someone at a frame is [`Simulation::sees`]: some part of the body
//! inside the angle of view, and nothing opaque on the line of sight. Asked for every frame ×
//! person × camera of a 96-minute take with 2,000 people, that is hundreds of millions of
//! questions (98 s). Here each answer comes with how many frames it surely holds
//! ([`Answer::holds`]: out of frame until the camera could have turned and the two walked far
//! enough to close the angle; blocked until the blocking wall could stop crossing the line of
//! sight; seen until either could change), found by a galloping search over the frames, and
//! only then is the question asked again. Someone standing still in front of a still camera
//! is asked once; a walker or a moving camera again after a fraction of a second to some
//! seconds.
//!
//! The bounds are conservative, so the count is the count of every frame, exactly: the tests
//! compare it frame for frame with asking [`Simulation::sees`] on every frame (tolerance:
//! none). Nothing is kept per frame of the whole take: the frames are taken in stretches of
//! at most [`STRETCH`] (small enough for the camera's frames to stay in cache), each with one
//! state of the set.

use crate::model::{PersonId, Scene};
use crate::sim::in_view::{Answer, Held, Walked};
use crate::sim::{OpaqueSet, Simulation, View, set_changes};
use crate::time::Time;

/// Most frames solved together: bounds the memory on a day-long take and keeps a stretch's
/// camera frames in cache.
const STRETCH: usize = 1 << 12;
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
    /// The camera over `times`, its turn summed on from `carried` (the sum and the view at
    /// the last frame before), which is brought up to the stretch's last frame.
    fn new(
        sim: &Simulation,
        camera: PersonId,
        walked: &Walked,
        times: &[Time],
        carried: &mut (f64, Option<View>),
    ) -> CameraFrames {
        let views: Vec<View> = times.iter().map(|&t| sim.view(camera, t)).collect();
        let mut turned = Vec::with_capacity(views.len());
        let (total, last) = carried;
        for view in &views {
            if let Some(before) = last {
                let d = view.direction.angle() - before.direction.angle();
                let turn = (d + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                    - std::f64::consts::PI;
                *total += turn.abs() + (view.half_angle - before.half_angle).abs();
            }
            *last = Some(*view);
            turned.push(*total);
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

/// What every person's answers in one stretch are worked out from: the same for everyone.
struct Stretch<'a> {
    scene: &'a Scene,
    sim: &'a Simulation<'a>,
    cameras: &'a [PersonId],
    walked: &'a [Walked],
    times: &'a [Time],
    views: &'a [CameraFrames],
    opaque: &'a OpaqueSet,
}

/// People fewer than this are solved on one thread: a second would cost more than it saves.
const PEOPLE_PER_THREAD: usize = 64;

fn count_frames(scene: &Scene, sim: &Simulation, cameras: &[PersonId], frames: &mut [usize]) {
    let changes = set_changes(sim);
    let walked: Vec<Walked> = sim.tracks.iter().map(Walked::of).collect();
    let state = |t: Time| changes.partition_point(|&c| c <= t);
    let mut all = sim.frames(Time::ZERO, scene.length).peekable();
    let mut times: Vec<Time> = Vec::new();
    // Each camera's summed turn and last view, and each person's last answer from each camera
    // with where things stood: carried from stretch to stretch while the set stays as it is.
    let mut carried: Vec<(f64, Option<View>)> = vec![(0.0, None); cameras.len()];
    let mut held: Vec<Option<Held>> = vec![None; frames.len() * cameras.len()];
    let mut last_state = None;
    // People are independent of one another: the cores take a share each (the counts land in
    // each person's own slot, so the result does not depend on how they are shared).
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(frames.len() / PEOPLE_PER_THREAD)
        .max(1);
    let share = frames.len().div_ceil(threads).max(1);
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
        if last_state != Some(now) {
            held.iter_mut().for_each(|h| *h = None);
            last_state = Some(now);
        }
        let opaque = OpaqueSet::at(sim, first);
        let views: Vec<CameraFrames> = cameras
            .iter()
            .zip(&mut carried)
            .map(|(&c, carried)| CameraFrames::new(sim, c, &walked[c.index()], &times, carried))
            .collect();
        let stretch = Stretch {
            scene,
            sim,
            cameras,
            walked: &walked,
            times: &times,
            views: &views,
            opaque: &opaque,
        };
        if threads == 1 {
            solve_people(&stretch, 0, frames, &mut held);
            continue;
        }
        std::thread::scope(|scope| {
            let shares = frames
                .chunks_mut(share)
                .zip(held.chunks_mut(share * cameras.len()))
                .enumerate();
            let mut mine = None;
            for (i, (frames, held)) in shares {
                if i == 0 {
                    mine = Some((frames, held));
                } else {
                    let stretch = &stretch;
                    scope.spawn(move || solve_people(stretch, i * share, frames, held));
                }
            }
            if let Some((frames, held)) = mine {
                solve_people(&stretch, 0, frames, held);
            }
        });
    }
}

/// Adds the frames of `stretch` in which some camera sees each person to `frames`: the
/// people from `first` on, with their answers carried in `held` (one per camera each).
fn solve_people(stretch: &Stretch, first: usize, frames: &mut [usize], held: &mut [Option<Held>]) {
    let Stretch {
        scene,
        sim,
        cameras,
        walked,
        times,
        views,
        opaque,
    } = *stretch;
    let n = times.len();
    let mut near = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (i, count) in frames.iter_mut().enumerate() {
        let p = first + i;
        let who = PersonId::from_index(p);
        let radius = scene.person(who).radius;
        let walks = &walked[p];
        seen.clear();
        for (ci, (camera, cam)) in cameras.iter().zip(views).enumerate() {
            if *camera == who {
                continue;
            }
            let slot = &mut held[i * cameras.len() + ci];
            let surely = |h: &Held, j: usize| {
                h.holds(cam.walked[j], walks, times[j].seconds(), cam.turned[j])
            };
            let mut k = 0;
            while k < n {
                let kept = slot.filter(|h| surely(h, k));
                let mut h = match kept {
                    Some(h) => h,
                    None => {
                        let t = times[k];
                        let view = cam.views[k];
                        let at = sim.position(who, t);
                        let remembered = slot.and_then(|h| h.answer.blocker);
                        let leg = walks.leg_at(t.seconds());
                        Held {
                            answer: Answer::ask(&view, at, radius, opaque, &mut near, remembered),
                            camera_walked: cam.walked[k],
                            walked: walks.at_after(leg, t.seconds()),
                            leg,
                            turned: cam.turned[k],
                        }
                    }
                };
                let mut span = reach(k, n, |j| surely(&h, j));
                if kept.is_none() && !h.answer.seen && span < 16 {
                    // Near the edge of frame: blocked too, perhaps for longer.
                    let at = sim.position(who, times[k]);
                    h.answer.also_blocked(&cam.views[k], at, opaque, &mut near);
                    span = reach(k, n, |j| surely(&h, j));
                }
                if h.answer.seen {
                    seen.push((k, k + span));
                }
                *slot = Some(h);
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
