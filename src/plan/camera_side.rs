//! The "camera side" arrow beside the north arrow: which way the camera looks into the set
//! over the span a plan draws, so a crew reading the print knows which side of the set the
//! camera works from (the arrow points from that side into the set).
//!
//! Derived from the simulation: each camera's facing (a unit vector) is sampled every quarter
//! second over the span and averaged. When the average is short (the camera looks every way,
//! as in a oner that turns round the room) there is no camera side, and no arrow is drawn.

use crate::geometry::Point;
use crate::model::Scene;
use crate::sim::Simulation;
use crate::time::Time;

/// Seconds between samples of the facing.
const SAMPLE: f64 = 0.25;
/// The shortest mean facing that counts as a side: the camera looks within about ±70° of one
/// direction on the whole.
const LEAST: f64 = 0.35;

/// The direction the camera looks into the set over `from..=to`, on the plan (radians, x
/// right, y down, as the scene), rounded to the nearest eighth of a turn; `None` if there is no
/// camera or it has no prevailing direction.
pub fn camera_side(scene: &Scene, sim: &Simulation, from: Time, to: Time) -> Option<f64> {
    let (a, b) = (from.seconds(), to.seconds().max(from.seconds()));
    let steps = ((b - a) / SAMPLE).ceil().max(0.0) as usize;
    let mut sum = Point::new(0.0, 0.0);
    let mut count = 0usize;
    for camera in scene.cameras() {
        for k in 0..=steps {
            let t = Time::from_seconds((a + k as f64 * SAMPLE).min(b))?;
            let f = sim.facing(camera, t);
            let len = f.x.hypot(f.y);
            if len > 1e-9 {
                sum = Point::new(sum.x + f.x / len, sum.y + f.y / len);
                count += 1;
            }
        }
    }
    if count == 0 || sum.x.hypot(sum.y) / (count as f64) < LEAST {
        return None;
    }
    let eighth = std::f64::consts::FRAC_PI_4;
    Some((sum.y.atan2(sum.x) / eighth).round() * eighth)
}

/// The compass word for a direction on the plan given in radians (north up the page): the
/// same words `oner at` gives for degrees.
pub fn compass(angle: f64) -> &'static str {
    crate::sim::snapshot::compass(angle.to_degrees())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compass_words_follow_the_plan() {
        assert_eq!(compass(0.0), "east");
        assert_eq!(compass(-std::f64::consts::FRAC_PI_2), "north");
        assert_eq!(compass(std::f64::consts::FRAC_PI_2), "south");
        assert_eq!(compass(std::f64::consts::PI), "west");
    }
}
