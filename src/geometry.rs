//! Plane geometry on the floor plan, in metres: points, segments, polygons.
//!
//! Hand-written and small on purpose: the set needs point-in-polygon, segment crossing and
//! distances, all in f64 with one tolerance, and nothing a general geometry crate would add.

use std::ops::{Add, Mul, Sub};

/// Distances below this (1 mm) count as zero.
pub const EPSILON: f64 = 1e-3;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn distance(self, other: Point) -> f64 {
        (self - other).length()
    }

    pub fn length(self) -> f64 {
        self.x.hypot(self.y)
    }

    pub fn dot(self, other: Point) -> f64 {
        self.x * other.x + self.y * other.y
    }

    pub fn cross(self, other: Point) -> f64 {
        self.x * other.y - self.y * other.x
    }

    pub fn lerp(self, other: Point, t: f64) -> Point {
        self + (other - self) * t
    }

    /// Unit vector in the same direction; zero stays zero.
    pub fn normalised(self) -> Point {
        let length = self.length();
        if length < 1e-12 {
            Point::default()
        } else {
            self * (1.0 / length)
        }
    }

    /// Direction angle in radians, from +x towards +y.
    pub fn angle(self) -> f64 {
        self.y.atan2(self.x)
    }

    pub fn from_angle(radians: f64) -> Point {
        Point::new(radians.cos(), radians.sin())
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }
}

impl Mul<f64> for Point {
    type Output = Point;
    fn mul(self, k: f64) -> Point {
        Point::new(self.x * k, self.y * k)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub a: Point,
    pub b: Point,
}

impl Segment {
    pub const fn new(a: Point, b: Point) -> Segment {
        Segment { a, b }
    }

    pub fn length(self) -> f64 {
        self.a.distance(self.b)
    }

    pub fn direction(self) -> Point {
        (self.b - self.a).normalised()
    }

    pub fn midpoint(self) -> Point {
        self.a.lerp(self.b, 0.5)
    }

    /// Parameter along the segment (0 at `a`, 1 at `b`) of the closest point to `p`.
    pub fn project(self, p: Point) -> f64 {
        let d = self.b - self.a;
        let len2 = d.dot(d);
        if len2 < 1e-18 {
            0.0
        } else {
            ((p - self.a).dot(d) / len2).clamp(0.0, 1.0)
        }
    }

    pub fn distance_to(self, p: Point) -> f64 {
        self.a.lerp(self.b, self.project(p)).distance(p)
    }

    /// Where the two segments cross, as parameters `(t, u)` along `self` and `other`,
    /// including touching at ends; `None` for parallel segments.
    pub fn intersection(self, other: Segment) -> Option<(f64, f64)> {
        let r = self.b - self.a;
        let s = other.b - other.a;
        let denom = r.cross(s);
        if denom.abs() < 1e-12 {
            return None;
        }
        let qp = other.a - self.a;
        let t = qp.cross(s) / denom;
        let u = qp.cross(r) / denom;
        let slack = 1e-9;
        ((-slack..=1.0 + slack).contains(&t) && (-slack..=1.0 + slack).contains(&u))
            .then_some((t, u))
    }

    /// True when the segments cross at a point strictly inside both (by more than
    /// [`EPSILON`] from every end): touching or sharing an end does not count.
    pub fn crosses(self, other: Segment) -> bool {
        let Some((t, u)) = self.intersection(other) else {
            return false;
        };
        let (lr, ls) = (self.length(), other.length());
        t * lr > EPSILON && (1.0 - t) * lr > EPSILON && u * ls > EPSILON && (1.0 - u) * ls > EPSILON
    }
}

/// A closed polygon: the last corner joins the first. Corners as given (either winding).
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub corners: Vec<Point>,
}

impl Polygon {
    pub fn new(corners: Vec<Point>) -> Polygon {
        Polygon { corners }
    }

    pub fn rect(x: f64, y: f64, w: f64, h: f64) -> Polygon {
        Polygon::new(vec![
            Point::new(x, y),
            Point::new(x + w, y),
            Point::new(x + w, y + h),
            Point::new(x, y + h),
        ])
    }

    pub fn edges(&self) -> impl Iterator<Item = Segment> + '_ {
        let n = self.corners.len();
        (0..n).map(move |i| Segment::new(self.corners[i], self.corners[(i + 1) % n]))
    }

    /// Area with sign: positive when corners run clockwise on screen (y down).
    pub fn signed_area(&self) -> f64 {
        self.edges().map(|e| e.a.cross(e.b)).sum::<f64>() / 2.0
    }

    pub fn area(&self) -> f64 {
        self.signed_area().abs()
    }

    pub fn centroid(&self) -> Point {
        let a = self.signed_area();
        if a.abs() < 1e-12 {
            let n = self.corners.len().max(1) as f64;
            let sum = self.corners.iter().fold(Point::default(), |s, &p| s + p);
            return sum * (1.0 / n);
        }
        let (mut cx, mut cy) = (0.0, 0.0);
        for e in self.edges() {
            let k = e.a.cross(e.b);
            cx += (e.a.x + e.b.x) * k;
            cy += (e.a.y + e.b.y) * k;
        }
        Point::new(cx / (6.0 * a), cy / (6.0 * a))
    }

    /// Axis-aligned bounds: (min, max).
    pub fn bounds(&self) -> (Point, Point) {
        let mut min = Point::new(f64::INFINITY, f64::INFINITY);
        let mut max = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
        for p in &self.corners {
            min = Point::new(min.x.min(p.x), min.y.min(p.y));
            max = Point::new(max.x.max(p.x), max.y.max(p.y));
        }
        (min, max)
    }

    pub fn on_boundary(&self, p: Point) -> bool {
        self.edges().any(|e| e.distance_to(p) <= EPSILON)
    }

    /// Even-odd point-in-polygon; points on the boundary count as inside.
    pub fn contains(&self, p: Point) -> bool {
        self.on_boundary(p) || self.strictly_contains(p)
    }

    /// Inside and more than [`EPSILON`] from every edge.
    pub fn strictly_contains(&self, p: Point) -> bool {
        if self.on_boundary(p) {
            return false;
        }
        let mut inside = false;
        for e in self.edges() {
            if (e.a.y > p.y) != (e.b.y > p.y) {
                let x = e.a.x + (p.y - e.a.y) / (e.b.y - e.a.y) * (e.b.x - e.a.x);
                if p.x < x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// Distance from `p` to the nearest edge.
    pub fn distance_to_boundary(&self, p: Point) -> f64 {
        self.edges()
            .map(|e| e.distance_to(p))
            .fold(f64::INFINITY, f64::min)
    }

    /// Two edges that cross, if the outline crosses itself. Quadratic, fine for rooms.
    pub fn self_crossing(&self) -> Option<(usize, usize)> {
        let edges: Vec<Segment> = self.edges().collect();
        let n = edges.len();
        for i in 0..n {
            for j in i + 2..n {
                if i == 0 && j == n - 1 {
                    continue;
                }
                if edges[i].crosses(edges[j]) {
                    return Some((i, j));
                }
            }
        }
        None
    }

    /// True when the interiors of the two polygons share some area (touching walls do not).
    pub fn overlaps(&self, other: &Polygon) -> bool {
        let crossing = self.edges().any(|a| other.edges().any(|b| a.crosses(b)));
        crossing
            || self.corners.iter().any(|&p| other.strictly_contains(p))
            || other.corners.iter().any(|&p| self.strictly_contains(p))
            || other.strictly_contains(self.centroid())
            || self.strictly_contains(other.centroid())
            || self.shares_a_cell_with(other)
    }

    /// Overlaps the checks above miss, such as two rectangles lying along the same lines:
    /// the centres of the grid cells cut by every corner's x and y. Exact for rooms with
    /// square corners, and a fine net for the rest.
    fn shares_a_cell_with(&self, other: &Polygon) -> bool {
        let mut xs: Vec<f64> = self
            .corners
            .iter()
            .chain(&other.corners)
            .map(|p| p.x)
            .collect();
        let mut ys: Vec<f64> = self
            .corners
            .iter()
            .chain(&other.corners)
            .map(|p| p.y)
            .collect();
        for v in [&mut xs, &mut ys] {
            v.sort_by(f64::total_cmp);
            v.dedup_by(|a, b| (*a - *b).abs() < EPSILON);
        }
        xs.windows(2).any(|wx| {
            ys.windows(2).any(|wy| {
                let p = Point::new((wx[0] + wx[1]) / 2.0, (wy[0] + wy[1]) / 2.0);
                self.strictly_contains(p) && other.strictly_contains(p)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_rooms_do_not_overlap() {
        let a = Polygon::rect(0.0, 0.0, 4.0, 3.0);
        let b = Polygon::rect(4.0, 0.0, 2.0, 3.0);
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&Polygon::rect(3.0, 1.0, 2.0, 1.0)));
        assert!(a.overlaps(&a.clone()));
        assert!(a.overlaps(&Polygon::rect(1.0, 1.0, 1.0, 1.0)));
        assert!(
            a.overlaps(&Polygon::rect(3.0, 0.0, 3.0, 3.0)),
            "same lines, partial overlap"
        );
    }

    #[test]
    fn bow_tie_crosses_itself() {
        let bow = Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(2.0, 2.0),
            Point::new(2.0, 0.0),
            Point::new(0.0, 2.0),
        ]);
        assert!(bow.self_crossing().is_some());
        assert!(Polygon::rect(0.0, 0.0, 1.0, 1.0).self_crossing().is_none());
    }

    #[test]
    fn containment_and_area() {
        let r = Polygon::rect(0.0, 0.0, 4.0, 3.0);
        assert_eq!(r.area(), 12.0);
        assert_eq!(r.centroid(), Point::new(2.0, 1.5));
        assert!(r.contains(Point::new(4.0, 1.0)));
        assert!(!r.strictly_contains(Point::new(4.0, 1.0)));
        assert!(!r.contains(Point::new(4.1, 1.0)));
    }

    #[test]
    fn segments_cross_only_in_their_interiors() {
        let s = Segment::new(Point::new(0.0, 0.0), Point::new(2.0, 0.0));
        assert!(s.crosses(Segment::new(Point::new(1.0, -1.0), Point::new(1.0, 1.0))));
        assert!(!s.crosses(Segment::new(Point::new(2.0, -1.0), Point::new(2.0, 1.0))));
        assert!(!s.crosses(Segment::new(Point::new(0.0, 1.0), Point::new(2.0, 1.0))));
    }
}
