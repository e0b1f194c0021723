//! Keyframes from the simulation: where motion is piecewise linear (walking along a route)
//! the keys are its breakpoints, so linear interpolation gives the simulation back exactly;
//! where it is not (a camera panning to follow someone, a prop in a turning hand, a jump)
//! intervals are halved until the interpolation is within a tolerance. Runs of equal keys
//! are dropped, which keeps a 6-minute take small.

use super::glb::{Channel, Interpolation, Path};
use crate::geometry::Point;
use crate::model::PersonId;
use crate::sim::Simulation;
use crate::time::Time;

/// Seconds between keys on curves before refining.
pub const CURVE_STEP: f64 = 0.5;
/// The shortest interval refinement makes, seconds (a jump becomes a 2 ms move).
const MIN_INTERVAL: f64 = 0.002;
/// How far linear interpolation may stray from the simulation, metres.
const POSITION_TOLERANCE: f64 = 0.002;
/// How far a yaw may stray, radians (a quarter of a degree).
const ANGLE_TOLERANCE: f64 = 0.25 * std::f64::consts::PI / 180.0;

pub fn at(seconds: f64) -> Time {
    Time::from_seconds(seconds.max(0.0)).unwrap_or(Time::ZERO)
}

/// Times at which a person's position may bend: departures, route corners, arrivals, and
/// the take's ends, within `[0, end]`, sorted.
pub fn track_breakpoints(sim: &Simulation, who: PersonId, end: f64) -> Vec<f64> {
    let mut times = vec![0.0, end];
    for leg in &sim.tracks[who.index()].legs {
        times.push(leg.depart.seconds());
        times.push(leg.arrive.seconds());
        for i in 1..leg.route.points.len().saturating_sub(1) {
            times.push(leg.time_at_point(i).seconds());
        }
    }
    clean_times(times, end)
}

/// Sorted, within `[0, end]`, no two closer than f32 can tell apart.
pub fn clean_times(mut times: Vec<f64>, end: f64) -> Vec<f64> {
    times.retain(|t| t.is_finite());
    for t in &mut times {
        *t = t.clamp(0.0, end);
    }
    times.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::with_capacity(times.len());
    for t in times {
        if out
            .last()
            .is_none_or(|&last| (t as f32) > (last as f32) && t - last > MIN_INTERVAL / 2.0)
        {
            out.push(t);
        }
    }
    out
}

/// `base` plus every [`CURVE_STEP`] seconds.
pub fn with_curve_steps(mut base: Vec<f64>, end: f64) -> Vec<f64> {
    let steps = (end / CURVE_STEP).floor() as usize;
    base.extend((0..=steps).map(|k| k as f64 * CURVE_STEP));
    clean_times(base, end)
}

/// How far the interpolation from the first key to the second at fraction `u` is from the
/// truth (the third).
type Stray<'a, const N: usize> = &'a dyn Fn(&[f64; N], &[f64; N], &[f64; N], f64) -> f64;

/// Keys of a vector function: at `base`, refined where the interpolation strays.
fn refine<const N: usize>(
    base: &[f64],
    f: &dyn Fn(f64) -> [f64; N],
    error: Stray<N>,
    tolerance: f64,
) -> Vec<(f64, [f64; N])> {
    let mut keys: Vec<(f64, [f64; N])> = Vec::with_capacity(base.len());
    for (i, &t) in base.iter().enumerate() {
        let v = f(t);
        if i > 0 {
            let (t0, v0) = keys[keys.len() - 1];
            let mut stack = vec![(t0, v0, t, v)];
            let mut inner = Vec::new();
            while let Some((a, va, b, vb)) = stack.pop() {
                if b - a <= MIN_INTERVAL {
                    continue;
                }
                let m = (a + b) / 2.0;
                let vm = f(m);
                // Checked at the quarter points too: a jump near one end hides from the middle.
                let worst = [0.25, 0.5, 0.75]
                    .iter()
                    .map(|&u| {
                        let t = a + (b - a) * u;
                        let truth = if u == 0.5 { vm } else { f(t) };
                        error(&va, &vb, &truth, u)
                    })
                    .fold(0.0, f64::max);
                if worst > tolerance {
                    inner.push((m, vm));
                    stack.push((a, va, m, vm));
                    stack.push((m, vm, b, vb));
                }
            }
            inner.sort_by(|x, y| x.0.total_cmp(&y.0));
            for key in inner {
                if (key.0 as f32) > (keys[keys.len() - 1].0 as f32) && (key.0 as f32) < (t as f32) {
                    keys.push(key);
                }
            }
        }
        keys.push((t, v));
    }
    drop_constant_runs(keys)
}

/// Drops keys inside runs of equal values (the first and last of each run stay).
fn drop_constant_runs<const N: usize>(keys: Vec<(f64, [f64; N])>) -> Vec<(f64, [f64; N])> {
    let same = |a: &[f64; N], b: &[f64; N]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-7);
    let mut out: Vec<(f64, [f64; N])> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let inside = i > 0
            && i + 1 < keys.len()
            && same(&keys[i - 1].1, &key.1)
            && same(&key.1, &keys[i + 1].1);
        if !inside {
            out.push(*key);
        }
    }
    out
}

/// A translation channel following `f`, keyed at `base` and refined.
pub fn translation(node: usize, base: &[f64], f: &dyn Fn(f64) -> [f64; 3]) -> Channel {
    let error = |a: &[f64; 3], b: &[f64; 3], truth: &[f64; 3], u: f64| {
        (0..3)
            .map(|k| (a[k] + (b[k] - a[k]) * u - truth[k]).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let keys = refine(base, f, &error, POSITION_TOLERANCE);
    Channel {
        node,
        path: Path::Translation,
        interpolation: Interpolation::Linear,
        times: keys.iter().map(|k| k.0 as f32).collect(),
        values: keys.iter().flat_map(|k| k.1.map(|v| v as f32)).collect(),
    }
}

/// The shortest signed turn from `a` to `b`, radians.
pub fn turn(a: f64, b: f64) -> f64 {
    (b - a + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI
}

/// The yaw (about +Y) that turns local −Z to face the plan direction `d`.
pub fn yaw(d: Point) -> f64 {
    (-d.x).atan2(-d.y)
}

/// A unit quaternion `[x, y, z, w]` turning by `yaw` about +Y.
pub fn yaw_quaternion(yaw: f64) -> [f64; 4] {
    [0.0, (yaw / 2.0).sin(), 0.0, (yaw / 2.0).cos()]
}

/// A rotation channel turning about +Y to the yaw `f` gives, keyed at `base` and refined.
pub fn rotation(node: usize, base: &[f64], f: &dyn Fn(f64) -> f64) -> Channel {
    let error = |a: &[f64; 1], b: &[f64; 1], truth: &[f64; 1], u: f64| {
        turn(a[0] + turn(a[0], b[0]) * u, truth[0]).abs()
    };
    let keys = refine(base, &|t| [f(t)], &error, ANGLE_TOLERANCE);
    let mut values: Vec<f32> = Vec::with_capacity(keys.len() * 4);
    let mut previous: Option<[f64; 4]> = None;
    for key in &keys {
        let mut q = yaw_quaternion(key.1[0]);
        // Neighbouring keys in the same hemisphere, so interpolation takes the short way.
        if let Some(p) = previous
            && p.iter().zip(&q).map(|(a, b)| a * b).sum::<f64>() < 0.0
        {
            q = q.map(|v| -v);
        }
        previous = Some(q);
        values.extend(q.map(|v| v as f32));
    }
    Channel {
        node,
        path: Path::Rotation,
        interpolation: Interpolation::Linear,
        times: keys.iter().map(|k| k.0 as f32).collect(),
        values,
    }
}

/// A scale channel that shows a node (scale 1) while `shown` says so and hides it (scale
/// 0) otherwise, switching at `changes` (STEP).
pub fn visibility(node: usize, changes: &[f64], end: f64, shown: &dyn Fn(f64) -> bool) -> Channel {
    let mut times = vec![0.0];
    times.extend(changes.iter().copied());
    let mut times = clean_times(times, end);
    if times.len() < 2 {
        times.push(end.max(MIN_INTERVAL));
    }
    let mut values = Vec::with_capacity(times.len() * 3);
    for &t in &times {
        let s = if shown(t) { 1.0 } else { 0.0 };
        values.extend([s, s, s]);
    }
    Channel {
        node,
        path: Path::Scale,
        interpolation: Interpolation::Step,
        times: times.iter().map(|&t| t as f32).collect(),
        values,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_walk_needs_only_its_ends() {
        let f = |t: f64| [t.min(2.0), 0.0, 0.0];
        let c = translation(0, &[0.0, 2.0, 5.0], &f);
        assert_eq!(c.times, vec![0.0, 2.0, 5.0]);
    }

    #[test]
    fn a_jump_is_refined_to_a_few_milliseconds() {
        let f = |t: f64| [if t < 1.3 { 0.0 } else { 5.0 }, 0.0, 0.0];
        let c = translation(0, &[0.0, 3.0], &f);
        let before = c.times.iter().rposition(|&t| t < 1.3).unwrap();
        assert!(c.times[before + 1] - c.times[before] <= 0.0025);
        assert!(c.times.len() < 40, "{} keys", c.times.len());
    }

    #[test]
    fn a_pan_is_followed_to_a_quarter_degree() {
        // A turn that speeds up: not linear in time.
        let f = |t: f64| (t * t * 0.1).min(3.0);
        let base = with_curve_steps(vec![0.0], 10.0);
        let c = rotation(0, &base, &f);
        for k in 0..200 {
            let t = k as f64 * 0.05;
            let i = c
                .times
                .partition_point(|&x| (x as f64) <= t)
                .clamp(1, c.times.len() - 1);
            let (t0, t1) = (c.times[i - 1] as f64, c.times[i] as f64);
            let angle =
                |j: usize| 2.0 * (c.values[j * 4 + 1] as f64).atan2(c.values[j * 4 + 3] as f64);
            let u = ((t - t0) / (t1 - t0)).clamp(0.0, 1.0);
            let a = angle(i - 1) + turn(angle(i - 1), angle(i)) * u;
            assert!(turn(a, f(t)).abs() < 0.3f64.to_radians(), "at {t}");
        }
    }

    #[test]
    fn yaw_turns_minus_z_to_the_plan_direction() {
        // Facing down the page (+y on the plan, +z in glTF).
        let q = yaw_quaternion(yaw(Point::new(0.0, 1.0)));
        // Rotate (0, 0, -1) by q about Y: (−sin φ, 0, −cos φ).
        let phi = 2.0 * q[1].atan2(q[3]);
        assert!((-phi.sin()).abs() < 1e-9 && (-phi.cos() - 1.0).abs() < 1e-9);
        let east = yaw(Point::new(1.0, 0.0));
        assert!((-east.sin() - 1.0).abs() < 1e-9 && east.cos().abs() < 1e-9);
    }
}
