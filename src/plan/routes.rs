//! Who walks where: each person's route as a coloured path with arrowheads, and numbered
//! stops with their arrival times. Cast in their colours, the camera dashed, other crew grey.

use super::floor::{dashes, short};
use super::labels::Placer;
use super::labels::{self, Furniture, Kind};
use super::page::{Frame, PathData, Rect};
use super::style::{self, clean, n, safe_colour, text, text_width};
use crate::geometry::Point;
use crate::model::{Person, PersonId, Scene};
use crate::sim::{Leg, Simulation};
use crate::time::Time;
use std::collections::BTreeMap;
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
    /// The mark walked to.
    pub mark: crate::model::MarkId,
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
                    mark: leg.to,
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
    let laned = super::lanes::spread(scene, walks);
    let mut order: Vec<(usize, &Walk)> = laned.iter().enumerate().collect();
    order.sort_by_key(|(i, w)| (Walker::of(scene.person(w.who)), *i));
    let mut group = Group::new().set("class", "routes");
    let mut heads_at = ArrowSpots::new(frame.ink(3.0));
    for (_, walk) in order {
        let person = scene.person(walk.who);
        let kind = Walker::of(person);
        let colour = kind.colour(person);
        let mut data = PathData::new();
        let mut heads = PathData::new();
        for piece in &walk.pieces {
            let page: Vec<Point> = piece.iter().map(|&p| frame.at(p)).collect();
            placer.block_polyline(&page);
            data = data.polyline(&page, false);
            for at in heads_at.choose(&page) {
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
/// With `cameras` false the cameras' stops are left to [`super::camera::setups`].
pub fn stops(
    scene: &Scene,
    frame: &Frame,
    walks: &[Walk],
    cameras: bool,
    placer: &mut Placer,
) -> Group {
    let mut group = Group::new().set("class", "stops");
    let size = frame.ink(style::SMALL_SIZE);
    for walk in walks {
        let person = scene.person(walk.who);
        let kind = Walker::of(person);
        let colour = kind.colour(person);
        if kind == Walker::Crew || (kind == Walker::Camera && !cameras) {
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
            let what = format!("{}'s stop {numbers} ({times})", clean(&person.name));
            group = group.add(
                badge(
                    frame.at(at),
                    &numbers,
                    &times,
                    what,
                    &colour,
                    kind == Walker::Camera,
                    size,
                    frame,
                    placer,
                )
                .0,
            );
        }
    }
    group
}

/// A small grey dot at each stop of crew other than the camera, registered as symbols.
pub fn crew_dots(scene: &Scene, frame: &Frame, walks: &[Walk], placer: &mut Placer) -> Group {
    let mut group = Group::new().set("class", "crew-stops");
    let r = frame.ink(0.7);
    for walk in walks {
        let person = scene.person(walk.who);
        if Walker::of(person) != Walker::Crew {
            continue;
        }
        for stop in &walk.stops {
            let p = frame.at(stop.at);
            placer.block_point(p, r);
            group = group.add(
                svg::node::element::Circle::new()
                    .set("class", "sym")
                    .set("cx", n(p.x))
                    .set("cy", n(p.y))
                    .set("r", n(r))
                    .set("fill", style::CREW),
            );
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

/// A stop badge and its time: on the spot if that is free, else the nearest free spot
/// (up to [`labels::LEADER_REACH`] off) with a leader line back to the stop. Badges never
/// sit on each other, on a label, a symbol or a wall; one with no free spot is left off and
/// listed as `what`.
#[allow(clippy::too_many_arguments)]
pub fn badge(
    anchor: Point,
    numbers: &str,
    times: &str,
    what: String,
    colour: &str,
    filled: bool,
    size: f64,
    frame: &Frame,
    placer: &mut Placer,
) -> (Group, Option<Rect>) {
    let h = size * 1.55;
    let w = (text_width(numbers, size, true) + size * 0.8).max(h);
    let (tw, th) = labels::text_box(text_width(times, size, false), size);
    let gap = 0.2;
    let mut best: Option<(f64, Rect, Rect)> = None;
    let mut radius = 0.0;
    let mut ring = 0;
    while radius <= labels::LEADER_REACH {
        let count = if ring == 0 { 1 } else { 16 };
        for k in 0..count {
            let a = k as f64 * std::f64::consts::PI / 8.0;
            let c = anchor + Point::new(a.cos() * radius, a.sin() * radius);
            let b = Rect::new(c.x - w / 2.0, c.y - h / 2.0, w, h);
            if !placer.is_free(&b, Furniture::Avoid) {
                continue;
            }
            if ring > 0 && !placer.leader_is_clear(anchor, b.nearest(anchor)) {
                continue;
            }
            for right in [true, false] {
                let t = if right {
                    Rect::new(b.right() + gap, c.y - th / 2.0, tw, th)
                } else {
                    Rect::new(b.x - gap - tw, c.y - th / 2.0, tw, th)
                };
                if !placer.is_free(&t, Furniture::Avoid) {
                    continue;
                }
                let cost = placer.soft_cost(&t)
                    + placer.soft_cost(&b) * 0.3
                    + if right { 0.0 } else { 0.1 };
                if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
                    best = Some((cost, b, t));
                }
            }
        }
        if best.is_some() {
            break;
        }
        ring += 1;
        radius = if ring == 1 { h * 1.1 } else { radius + h * 0.8 };
    }
    let Some((_, b, t)) = best else {
        placer.drop_label(what);
        return (Group::new(), None);
    };
    placer.block(b, Kind::Symbol);
    placer.block(t, Kind::Label);
    let centre = b.centre();
    let mut group = Group::new();
    if centre.distance(anchor) > 0.1 {
        group = group.add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .move_to(anchor)
                        .line_to(b.nearest(anchor))
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
    let time = labels::Pending::new(times.to_string(), b, size, colour);
    let group = group
        .add(
            Rectangle::new()
                .set("class", "sym badge")
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
                .set("class", "bold in-sym")
                .set("text-anchor", "middle")
                .set("fill", ink),
        )
        .add(time.draw(&labels::Label {
            rect: t,
            anchor: b,
            leader: None,
        }));
    (group, Some(b.union(&t)))
}

/// Where arrowheads go: halfway along each piece (at thirds on long ones), each slid along
/// its line away from arrowheads already drawn, so heads do not pile up where routes meet.
struct ArrowSpots {
    /// Least distance between two heads, page millimetres.
    apart: f64,
    taken: BTreeMap<(i64, i64), Vec<Point>>,
}

impl ArrowSpots {
    fn new(apart: f64) -> ArrowSpots {
        ArrowSpots {
            apart,
            taken: BTreeMap::new(),
        }
    }

    fn cell(&self, p: Point) -> (i64, i64) {
        (
            (p.x / self.apart).floor() as i64,
            (p.y / self.apart).floor() as i64,
        )
    }

    fn is_free(&self, p: Point) -> bool {
        let (cx, cy) = self.cell(p);
        (cx - 1..=cx + 1).all(|x| {
            (cy - 1..=cy + 1).all(|y| {
                self.taken
                    .get(&(x, y))
                    .is_none_or(|list| list.iter().all(|q| q.distance(p) >= self.apart))
            })
        })
    }

    /// Arrowhead spots along a page polyline, each registered.
    fn choose(&mut self, points: &[Point]) -> Vec<(Point, Point)> {
        let total: f64 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
        if total < 4.0 {
            return Vec::new();
        }
        let fractions: &[f64] = if total > 60.0 { &[0.33, 0.66] } else { &[0.5] };
        let mut out = Vec::new();
        for f in fractions {
            let nudges = [0.0, -0.08, 0.08, -0.16, 0.16, -0.24, 0.24];
            let spot = nudges
                .iter()
                .filter_map(|d| along(points, total * (f + d).clamp(0.1, 0.9)))
                .find(|(p, _)| self.is_free(*p))
                .or_else(|| along(points, total * f));
            if let Some((p, dir)) = spot {
                let cell = self.cell(p);
                self.taken.entry(cell).or_default().push(p);
                out.push((p, dir));
            }
        }
        out
    }
}

/// Points where arrowheads go along a page polyline: halfway, or at thirds on long pieces.
#[cfg(test)]
fn arrow_spots(points: &[Point]) -> Vec<(Point, Point)> {
    ArrowSpots::new(3.0).choose(points)
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn arrowheads_on_one_line_slide_apart() {
        let line = [Point::new(0.0, 0.0), Point::new(40.0, 0.0)];
        let mut spots = ArrowSpots::new(3.0);
        let first = spots.choose(&line);
        let second = spots.choose(&line);
        assert_eq!(first[0].0, Point::new(20.0, 0.0));
        assert!(second[0].0.distance(first[0].0) >= 3.0, "{second:?}");
    }

    #[test]
    fn arrows_sit_halfway() {
        let spots = arrow_spots(&[Point::new(0.0, 0.0), Point::new(20.0, 0.0)]);
        assert_eq!(spots, vec![(Point::new(10.0, 0.0), Point::new(1.0, 0.0))]);
    }
}
