//! Where one person is over time: a start point and timed legs along routes.

use super::route::Route;
use crate::geometry::Point;
use crate::model::{EventId, MarkId};
use crate::time::Time;

/// One walk: from where the person was at `depart` to a mark, along a route.
#[derive(Debug, Clone)]
pub struct Leg {
    pub event: EventId,
    pub depart: Time,
    pub arrive: Time,
    pub to: MarkId,
    pub route: Route,
    /// Route length, metres.
    length: f64,
    /// Distance walked at each route point, metres (first 0, last the route length); empty
    /// for a straight two-point route, where it is `[0, length]` (most legs at scale, so
    /// they need no second allocation).
    cumulative: Vec<f64>,
}

impl Leg {
    pub fn new(event: EventId, depart: Time, arrive: Time, to: MarkId, route: Route) -> Leg {
        let mut cumulative = Vec::with_capacity(route.points.len());
        let mut total = 0.0;
        for (i, p) in route.points.iter().enumerate() {
            if i > 0 {
                total += route.points[i - 1].distance(*p);
            }
            cumulative.push(total);
        }
        let length = cumulative.last().copied().unwrap_or(0.0);
        if cumulative.len() == 2 {
            cumulative = Vec::new();
        }
        Leg {
            event,
            depart,
            arrive,
            to,
            route,
            length,
            cumulative,
        }
    }

    /// Distance walked at each route point (see `cumulative`).
    fn distances<R>(&self, read: impl FnOnce(&[f64]) -> R) -> R {
        if self.cumulative.is_empty() {
            read(&[0.0, self.length])
        } else {
            read(&self.cumulative)
        }
    }

    pub fn length(&self) -> f64 {
        self.length
    }

    pub fn duration(&self) -> f64 {
        self.arrive.seconds() - self.depart.seconds()
    }

    /// Metres per second; infinite for a non-zero distance in no time.
    pub fn speed(&self) -> f64 {
        let (length, duration) = (self.length(), self.duration());
        if length < 1e-9 {
            0.0
        } else if duration <= 0.0 {
            f64::INFINITY
        } else {
            length / duration
        }
    }

    pub fn start(&self) -> Point {
        self.route.points[0]
    }

    pub fn end(&self) -> Point {
        *self.route.points.last().unwrap_or(&self.route.points[0])
    }

    /// When the walker reaches route point `index`.
    pub fn time_at_point(&self, index: usize) -> Time {
        let length = self.length();
        if length < 1e-9 {
            return self.depart;
        }
        let fraction = self.distances(|d| d.get(index).copied()).unwrap_or(length) / length;
        Time::from_seconds(self.depart.seconds() + fraction * self.duration().max(0.0))
            .unwrap_or(self.depart)
    }

    /// Position at `t` (clamped to the leg's time span).
    pub fn position(&self, t: Time) -> Point {
        let duration = self.duration();
        if t >= self.arrive || duration <= 0.0 {
            return self.end();
        }
        if t <= self.depart {
            return self.start();
        }
        let walked = (t.seconds() - self.depart.seconds()) / duration * self.length();
        let (i, c0, c1) = self.distances(|d| {
            let i = d.partition_point(|&c| c <= walked).clamp(1, d.len() - 1);
            (i, d[i - 1], d[i])
        });
        let k = if c1 - c0 < 1e-12 {
            1.0
        } else {
            (walked - c0) / (c1 - c0)
        };
        self.route.points[i - 1].lerp(self.route.points[i], k)
    }

    /// Unit direction of travel at `t`.
    pub fn heading(&self, t: Time) -> Point {
        let duration = self.duration().max(1e-9);
        let walked =
            ((t.seconds() - self.depart.seconds()) / duration).clamp(0.0, 1.0) * self.length();
        let i = self.distances(|d| d.partition_point(|&c| c <= walked).clamp(1, d.len() - 1));
        (self.route.points[i] - self.route.points[i - 1]).normalised()
    }
}

/// A person's whole path through the take.
#[derive(Debug, Clone)]
pub struct Track {
    pub start: Point,
    pub start_mark: MarkId,
    /// In order of departure.
    pub legs: Vec<Leg>,
}

impl Track {
    /// The leg under way or most recently started at `t`.
    pub fn leg_at(&self, t: Time) -> Option<&Leg> {
        let i = self.legs.partition_point(|l| l.depart <= t);
        i.checked_sub(1).map(|i| &self.legs[i])
    }

    pub fn position(&self, t: Time) -> Point {
        match self.leg_at(t) {
            Some(leg) => leg.position(t),
            None => self.start,
        }
    }

    /// The leg under way at `t`, if the person is walking then.
    pub fn moving_leg(&self, t: Time) -> Option<&Leg> {
        self.leg_at(t).filter(|l| t < l.arrive && l.length() > 1e-9)
    }

    /// The mark the person stands on (or last reached) at `t`.
    pub fn mark_at(&self, t: Time) -> Option<MarkId> {
        match self.leg_at(t) {
            None => Some(self.start_mark),
            Some(leg) if t >= leg.arrive => Some(leg.to),
            Some(_) => None,
        }
    }
}
