//! How long an answer to "does this camera see that person?" surely holds.
//!
//! [`Simulation::sees`](super::Simulation::sees) answers for one frame. Asked for every frame
//! of a long take, most answers repeat. An [`Answer`] is one of them with what it would take
//! to change it:
//!
//! - out of frame by an angle: the camera turning, and the person and the camera walking, far
//!   enough to close it (a walk of `m` metres at distance `d` moves the bearing by at most
//!   asin(m / d), and the body's own width in frame by the change of asin(radius / d));
//! - blocked: the ends of the line of sight moving far enough for the wall (door, furniture,
//!   backing) that blocks it to stop crossing it;
//! - seen: either of those, or something opaque near the line of sight coming to cross it.
//!
//! The bounds are conservative: while [`Answer::holds`] says so, asking again would give the
//! same answer. Callers sum the camera's turn frame by frame and bound the walks with
//! [`Walked`], so the frames skipped are exactly the frames whose answer is known.

use super::sight::View;
use super::sightlines::{Margins, OpaqueSet};
use super::track::Track;
use crate::geometry::{Point, Segment};

/// Angles closer than this (radians) are not trusted to stay on one side.
const ANGLE_SLACK: f64 = 1e-7;
/// How far around a clear line of sight to look for what could come to block it, metres.
const CLEARANCE_REACH: f64 = 4.0;
/// A remembered blocker is asked first; below this margin (metres) a better one is sought.
const GOOD_BLOCKER: f64 = 0.5;

/// How far someone has walked by a given time, along their legs: between two times they
/// move at most the difference.
#[derive(Debug)]
pub struct Walked {
    departs: Vec<f64>,
    /// Distance walked when each leg departs.
    before: Vec<f64>,
    lengths: Vec<f64>,
    durations: Vec<f64>,
}

impl Walked {
    pub fn of(track: &Track) -> Walked {
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
    pub fn leg_at(&self, t: f64) -> Option<usize> {
        self.departs.partition_point(|&d| d <= t).checked_sub(1)
    }

    /// Distance walked by `t`.
    pub fn at(&self, t: f64) -> f64 {
        self.leg_at(t)
            .map_or(0.0, |i| self.before[i] + self.along(i, t))
    }

    /// Distance walked by `t`, knowing the leg under way at some earlier time (`leg`): most
    /// questions fall before the next leg departs and need no search.
    pub fn at_after(&self, leg: Option<usize>, t: f64) -> f64 {
        let next = leg.map_or(0, |i| i + 1);
        if self.departs.get(next).is_none_or(|&d| d > t) {
            leg.map_or(0.0, |i| self.before[i] + self.along(i, t))
        } else {
            self.at(t)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Out of frame; with a blocker's margins when one was also looked for.
    OutOfFrame {
        blocked: Option<Margins>,
    },
    Blocked {
        margins: Margins,
    },
    Seen {
        clearance: Margins,
    },
}

/// One answer of [`Simulation::sees`](super::Simulation::sees) (any part of the body), and
/// what it would take to change it.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub seen: bool,
    kind: Kind,
    /// Camera to person, metres.
    distance: f64,
    radius: f64,
    /// How far off the edge of frame the body is, either way, radians.
    edge: f64,
    /// The occluder that blocks the line of sight (in `OpaqueSet`'s order), if one does.
    pub blocker: Option<usize>,
}

impl Answer {
    /// Whether the camera with `view` sees a body of `radius` at `at`, exactly as
    /// `Simulation::sees(.., false)` with the set as `opaque` holds it. `remembered` is a
    /// blocker found before, tried first.
    pub fn ask(
        view: &View,
        at: Point,
        radius: f64,
        opaque: &OpaqueSet,
        near: &mut Vec<usize>,
        remembered: Option<usize>,
    ) -> Answer {
        let distance = at.distance(view.origin);
        let edge = if distance <= radius {
            0.0
        } else {
            (view.off_axis(at) - view.half_angle - (radius / distance).asin()).abs()
        };
        let mut answer = Answer {
            seen: false,
            kind: Kind::OutOfFrame { blocked: None },
            distance,
            radius,
            edge,
            blocker: remembered,
        };
        if !view.covers_body(at, radius) {
            return answer;
        }
        let sight = Segment::new(view.origin, at);
        if let Some((i, margins)) = blocker(opaque, sight, near, remembered) {
            answer.kind = Kind::Blocked { margins };
            answer.blocker = Some(i);
        } else {
            answer.seen = true;
            answer.kind = Kind::Seen {
                clearance: opaque.clearance(sight, CLEARANCE_REACH, near),
            };
        }
        answer
    }

    /// For an answer out of frame: also how long the line of sight stays blocked, so the
    /// answer holds while either does (worth it for someone near the edge of frame).
    pub fn also_blocked(
        &mut self,
        view: &View,
        at: Point,
        opaque: &OpaqueSet,
        near: &mut Vec<usize>,
    ) {
        if let Kind::OutOfFrame { blocked } = &mut self.kind
            && let Some((i, margins)) =
                blocker(opaque, Segment::new(view.origin, at), near, self.blocker)
        {
            *blocked = Some(margins);
            self.blocker = Some(i);
        }
    }

    /// Whether the answer surely still holds after the camera's view turned (or widened) by
    /// `turned` radians, the camera walked `camera` metres and the person `person` metres.
    pub fn holds(&self, camera: f64, person: f64, turned: f64) -> bool {
        let moved = camera + person;
        if moved <= 0.0 && turned == 0.0 {
            return true;
        }
        match self.kind {
            Kind::OutOfFrame { blocked } => {
                self.same_side(moved, turned) || blocked.is_some_and(|m| m.keep(camera, person))
            }
            Kind::Blocked { margins } => margins.keep(camera, person),
            Kind::Seen { clearance } => {
                clearance.keep(camera, person) && self.same_side(moved, turned)
            }
        }
    }

    /// Whether the body surely stays on the same side of the edge of frame.
    fn same_side(&self, moved: f64, turned: f64) -> bool {
        let (d, r) = (self.distance, self.radius);
        if moved >= d - r {
            return false;
        }
        let bearing = (moved / d).asin();
        let body = (r / (d - moved)).min(1.0).asin() - (r / (d + moved)).asin();
        turned + bearing + body < self.edge - ANGLE_SLACK
    }
}

/// An answer with where things stood when it was asked: how far the camera and the person
/// had walked ([`Walked`]) and how far the view had turned, summed frame by frame.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    pub answer: Answer,
    pub camera_walked: f64,
    pub walked: f64,
    /// The person's leg under way when it was asked (a hint for [`Walked::at_after`]).
    pub leg: Option<usize>,
    pub turned: f64,
}

impl Held {
    /// Whether the answer surely still holds now that the camera has walked `camera_walked`,
    /// the person (whose walks are `walks`) is at time `t`, and the view has turned `turned`.
    pub fn holds(&self, camera_walked: f64, walks: &Walked, t: f64, turned: f64) -> bool {
        self.answer.holds(
            camera_walked - self.camera_walked,
            walks.at_after(self.leg, t) - self.walked,
            turned - self.turned,
        )
    }
}

/// The blocker of `sight`: the remembered one if it still blocks it well, else the best.
fn blocker(
    opaque: &OpaqueSet,
    sight: Segment,
    near: &mut Vec<usize>,
    remembered: Option<usize>,
) -> Option<(usize, Margins)> {
    remembered
        .and_then(|i| opaque.still_blocks(i, sight).map(|m| (i, m)))
        .filter(|&(_, m)| m.least() > GOOD_BLOCKER)
        .or_else(|| opaque.blocker(sight, near))
}
