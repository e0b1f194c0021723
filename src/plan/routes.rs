//! Who walks where: each person's route as a coloured path with arrowheads, and numbered
//! stops with their arrival times. Cast in their colours, the camera dashed, other crew grey.

use super::floor::{dashes, label, short};
use super::labels::Placer;
use super::page::{Frame, PathData, Rect};
use super::style::{self, n, safe_colour, text, text_width};
use crate::geometry::Point;
use crate::model::{Person, PersonId, Scene};
use crate::sim::{Leg, Simulation};
use crate::time::Time;
use svg::node::element::{Group, Path, Rectangle};

/// How a person's route is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Walker {
    /// Grey and dotted, under everything.
    Crew,
    /// Dashed, in the camera's colour.
    Camera,
    /// Solid, in the performer's colour, on top.
    Cast,
}

impl Walker {
    pub fn of(person: &Person) -> Walker {
        if person.camera().is_some() {
            Walker::Camera
        } else if person.is_crew() {
            Walker::Crew
        } else {
            Walker::Cast
        }
    }

    /// Page colour of the route.
    pub fn colour(self, person: &Person) -> String {
        match self {
            Walker::Crew => style::CREW.to_string(),
            _ => safe_colour(&person.colour),
        }
    }

    /// Dash pattern (page millimetres), none for solid.
    pub fn dashes(self) -> Option<&'static [f64]> {
        match self {
            Walker::Crew => Some(&[0.5, 0.9]),
            Walker::Camera => Some(&[2.2, 1.2]),
            Walker::Cast => None,
        }
    }

    pub fn width(self) -> f64 {
        match self {
            Walker::Crew => 0.45,
            Walker::Camera => 0.5,
            Walker::Cast => style::ROUTE_WIDTH,
        }
    }
}

/// The end of a leg: where and when a person arrives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stop {
    /// Metres.
    pub at: Point,
    pub time: Time,
}

/// What one person walks in a span of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Walk {
    pub who: PersonId,
    /// One polyline per leg (metres), cut to the span.
    pub pieces: Vec<Vec<Point>>,
    /// Legs that end inside the span, in order.
    pub stops: Vec<Stop>,
}

/// Everyone's walking from `from` to `to`, in the scene's order of people; people who do not
/// move are left out.
pub fn walks(sim: &Simulation, from: Time, to: Time) -> Vec<Walk> {
    let mut out = Vec::new();
    for (i, track) in sim.tracks.iter().enumerate() {
        let mut walk = Walk {
            who: PersonId::from_index(i),
            pieces: Vec::new(),
            stops: Vec::new(),
        };
        for leg in track.legs.iter().filter(|l| l.length() > 1e-6) {
            let finished_before = leg.arrive < from || (leg.arrive == from && leg.depart < from);
            if leg.depart >= to || finished_before {
                continue;
            }
            walk.pieces.push(cut(leg, from, to));
            if leg.arrive <= to {
                walk.stops.push(Stop {
                    at: leg.end(),
                    time: leg.arrive,
                });
            }
        }
        if !walk.pieces.is_empty() {
            out.push(walk);
        }
    }
    out
}

/// The part of a leg's route walked between `from` and `to`.
fn cut(leg: &Leg, from: Time, to: Time) -> Vec<Point> {
    if leg.duration() <= 0.0 {
        return leg.route.points.clone();
    }
    let (t0, t1) = (from.max(leg.depart), to.min(leg.arrive));
    let mut points = vec![leg.position(t0)];
    for i in 1..leg.route.points.len().saturating_sub(1) {
        let t = leg.time_at_point(i);
        if t > t0 && t < t1 {
            points.push(leg.route.points[i]);
        }
    }
    points.push(leg.position(t1));
    points.dedup_by(|a, b| a.distance(*b) < 1e-6);
    points
}

/// Lines with arrowheads for every walk, drawn crew first and cast last; each line is
/// registered with the placer so labels keep off it.
pub fn lines(scene: &Scene, frame: &Frame, walks: &[Walk], placer: &mut Placer) -> Group {
    let mut order: Vec<(usize, &Walk)> = walks.iter().enumerate().collect();
    order.sort_by_key(|(i, w)| (Walker::of(scene.person(w.who)), *i));
    let count = walks.len() as f64;
    let mut group = Group::new().set("class", "routes");
    for (i, walk) in order {
        let person = scene.person(walk.who);
        let kind = Walker::of(person);
        let colour = kind.colour(person);
        // Side by side where routes share a doorway: each walker a little off the centre line.
        let offset = frame.ink(0.9) * (i as f64 - (count - 1.0) / 2.0);
        let mut data = PathData::new();
        let mut heads = PathData::new();
        for piece in &walk.pieces {
            let page: Vec<Point> = piece.iter().map(|&p| frame.at(p)).collect();
            let page = offset_polyline(&page, offset);
            placer.block_polyline(&page);
            data = data.polyline(&page, false);
            for at in arrow_spots(&page) {
                heads = arrow(heads, at.0, at.1, frame.ink(2.0));
            }
        }
        let mut line = Path::new()
            .set("d", data.into_string())
            .set("fill", "none")
            .set("stroke", colour.clone())
            .set("stroke-width", n(frame.ink(kind.width())))
            .set("stroke-linejoin", "round")
            .set("stroke-linecap", "round");
        if let Some(pattern) = kind.dashes() {
            line = line.set("stroke-dasharray", dashes(frame, pattern));
        }
        group = group.add(line);
        if !heads.is_empty() {
            group = group.add(
                Path::new()
                    .set("d", heads.into_string())
                    .set("fill", colour),
            );
        }
    }
    group
}

/// Numbered stops with their arrival times (cast and camera), small dots for other crew.
/// Stops at the same spot share one badge (`3, 7`). Placed after the lines, before the set's
/// own labels, so they win the best spots.
pub fn stops(scene: &Scene, frame: &Frame, walks: &[Walk], placer: &mut Placer) -> Group {
    let mut group = Group::new().set("class", "stops");
    let size = frame.ink(style::SMALL_SIZE);
    for walk in walks {
        let person = scene.person(walk.who);
        let kind = Walker::of(person);
        let colour = kind.colour(person);
        if kind == Walker::Crew {
            for stop in &walk.stops {
                let p = frame.at(stop.at);
                group = group.add(
                    svg::node::element::Circle::new()
                        .set("cx", n(p.x))
                        .set("cy", n(p.y))
                        .set("r", n(frame.ink(0.7)))
                        .set("fill", colour.clone()),
                );
            }
            continue;
        }
        // Group stops at the same spot, keeping first-arrival order.
        let mut spots: Vec<(Point, Vec<(usize, Time)>)> = Vec::new();
        for (k, stop) in walk.stops.iter().enumerate() {
            match spots.iter_mut().find(|(p, _)| p.distance(stop.at) < 0.05) {
                Some((_, list)) => list.push((k + 1, stop.time)),
                None => spots.push((stop.at, vec![(k + 1, stop.time)])),
            }
        }
        for (at, list) in spots {
            let (numbers, times) = badge_text(&list);
            group = group.add(badge(
                frame.at(at),
                &numbers,
                &times,
                &colour,
                kind == Walker::Camera,
                size,
                frame,
                placer,
            ));
        }
    }
    group
}

/// Most stops a badge lists one by one; a spot reached more often (a crowd take's walker
/// pacing between two marks) shows the first two, the last and how many.
const LISTED_STOPS: usize = 4;

/// The badge's numbers (`3,7`) and times (`0:12 · 1:40`) for the stops at one spot.
fn badge_text(list: &[(usize, Time)]) -> (String, String) {
    let numbers = |items: &[(usize, Time)]| {
        items
            .iter()
            .map(|(k, _)| k.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let times = |items: &[(usize, Time)]| {
        items
            .iter()
            .map(|(_, t)| short(*t))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    match list {
        [first @ .., last] if list.len() > LISTED_STOPS => {
            let head = &first[..2];
            (
                format!("{},…,{}", numbers(head), last.0),
                format!("{} … {} ({} stops)", times(head), short(last.1), list.len()),
            )
        }
        _ => (numbers(list), times(list)),
    }
}

/// A stop badge and its time, placed on the spot if free, else nearby with a leader line.
#[allow(clippy::too_many_arguments)]
fn badge(
    anchor: Point,
    numbers: &str,
    times: &str,
    colour: &str,
    filled: bool,
    size: f64,
    frame: &Frame,
    placer: &mut Placer,
) -> Group {
    let h = size * 1.55;
    let w = (text_width(numbers, size, true) + size * 0.8).max(h);
    let tw = text_width(times, size, false);
    let gap = size * 0.35;
    let mut best: Option<(f64, Rect, Rect)> = None;
    let rings = [0.0, h * 1.1, h * 2.0, h * 3.0];
    for (r, radius) in rings.iter().enumerate() {
        let centres: Vec<Point> = if r == 0 {
            vec![anchor]
        } else {
            (0..8)
                .map(|k| {
                    let a = k as f64 * std::f64::consts::FRAC_PI_4;
                    anchor + Point::new(a.cos() * radius, a.sin() * radius)
                })
                .collect()
        };
        for c in centres {
            let b = Rect::new(c.x - w / 2.0, c.y - h / 2.0, w, h);
            for right in [true, false] {
                let t = if right {
                    Rect::new(b.right() + gap, c.y - size / 2.0, tw, size)
                } else {
                    Rect::new(b.x - gap - tw, c.y - size / 2.0, tw, size)
                };
                let mut cost = placer.box_cost(&b)
                    + placer.box_cost(&t)
                    + placer.line_cost(&t)
                    + placer.bounds_cost(&b)
                    + placer.bounds_cost(&t)
                    + r as f64 * 0.8
                    + if right { 0.0 } else { 0.1 };
                if r > 0 {
                    cost += placer.line_cost(&b) * 0.5;
                }
                if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
                    best = Some((cost, b, t));
                }
            }
        }
        if best
            .as_ref()
            .is_some_and(|(c, _, _)| *c < r as f64 * 0.8 + 0.2)
        {
            break;
        }
    }
    let Some((_, b, t)) = best else {
        return Group::new();
    };
    placer.take(b);
    placer.take(t);
    let centre = Point::new(b.x + b.w / 2.0, b.y + b.h / 2.0);
    let mut group = Group::new();
    if centre.distance(anchor) > 0.1 {
        group = group.add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .move_to(anchor)
                        .line_to(centre)
                        .into_string(),
                )
                .set("stroke", colour.to_string())
                .set("stroke-width", n(frame.ink(0.25))),
        );
    }
    let (fill, ink) = if filled {
        (colour.to_string(), style::PAPER.to_string())
    } else {
        (style::PAPER.to_string(), colour.to_string())
    };
    group
        .add(
            Rectangle::new()
                .set("x", n(b.x))
                .set("y", n(b.y))
                .set("width", n(b.w))
                .set("height", n(b.h))
                .set("rx", n(b.h / 2.0))
                .set("fill", fill)
                .set("stroke", colour.to_string())
                .set("stroke-width", n(frame.ink(0.35))),
        )
        .add(
            text(numbers, centre.x, centre.y + size * 0.36, size)
                .set("class", "bold")
                .set("text-anchor", "middle")
                .set("fill", ink),
        )
        .add(label(times, t, size, colour))
}

/// Points where arrowheads go along a page polyline: halfway, or at thirds on long pieces.
fn arrow_spots(points: &[Point]) -> Vec<(Point, Point)> {
    let total: f64 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    if total < 4.0 {
        return Vec::new();
    }
    let fractions: &[f64] = if total > 60.0 { &[0.33, 0.66] } else { &[0.5] };
    fractions
        .iter()
        .filter_map(|f| along(points, total * f))
        .collect()
}

/// The point `distance` along a polyline and the direction there.
fn along(points: &[Point], distance: f64) -> Option<(Point, Point)> {
    let mut left = distance;
    for w in points.windows(2) {
        let d = w[0].distance(w[1]);
        if d > 1e-9 && left <= d {
            return Some((w[0].lerp(w[1], left / d), (w[1] - w[0]).normalised()));
        }
        left -= d;
    }
    None
}

/// Adds a filled arrowhead at `at` pointing along `dir` to the path data.
fn arrow(data: PathData, at: Point, dir: Point, size: f64) -> PathData {
    let perp = Point::new(-dir.y, dir.x);
    let tip = at + dir * (size * 0.6);
    let back = at - dir * (size * 0.5);
    data.move_to(tip)
        .line_to(back + perp * (size * 0.45))
        .line_to(back - perp * (size * 0.45))
        .close()
}

/// The polyline moved `offset` millimetres to its left, corners mitred (limited so sharp
/// turns do not spike).
pub fn offset_polyline(points: &[Point], offset: f64) -> Vec<Point> {
    if offset.abs() < 1e-9 || points.len() < 2 {
        return points.to_vec();
    }
    let normal = |a: Point, b: Point| {
        let d = (b - a).normalised();
        Point::new(-d.y, d.x)
    };
    let last = points.len() - 1;
    (0..points.len())
        .map(|i| {
            let before = (i > 0).then(|| normal(points[i - 1], points[i]));
            let after = (i < last).then(|| normal(points[i], points[i + 1]));
            let shift = match (before, after) {
                (Some(a), Some(b)) => {
                    let m = (a + b).normalised();
                    let cos = m.dot(a).max(0.5);
                    m * (offset / cos)
                }
                (Some(a), None) | (None, Some(a)) => a * offset,
                (None, None) => Point::default(),
            };
            points[i] + shift
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_lines_stay_parallel() {
        let line = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
        let moved = offset_polyline(&line, 1.0);
        assert_eq!(moved, vec![Point::new(0.0, 1.0), Point::new(10.0, 1.0)]);
    }

    #[test]
    fn long_badges_show_the_first_the_last_and_how_many() {
        let t = |s| Time::from_seconds(s).unwrap_or_default();
        let few = [(1, t(1.0)), (3, t(5.0))];
        assert_eq!(badge_text(&few), ("1,3".into(), "0:01 · 0:05".into()));
        let many: Vec<(usize, Time)> = (0..9).map(|k| (2 * k + 1, t(k as f64 * 60.0))).collect();
        assert_eq!(
            badge_text(&many),
            ("1,3,…,17".into(), "0:00 · 1:00 … 8:00 (9 stops)".into())
        );
    }

    #[test]
    fn arrows_sit_halfway() {
        let spots = arrow_spots(&[Point::new(0.0, 0.0), Point::new(20.0, 0.0)]);
        assert_eq!(spots, vec![(Point::new(10.0, 0.0), Point::new(1.0, 0.0))]);
    }
}
