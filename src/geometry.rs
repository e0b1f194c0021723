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

    /// The closest approach of two segments: the parameter along `self` (0 at `a`, 1 at `b`),
    /// the nearest point of `other`, and the distance (0 when they cross). Exact, no sampling.
    pub fn closest_approach(self, other: Segment) -> (f64, Point, f64) {
        if let Some((t, u)) = self.intersection(other) {
            return (
                t.clamp(0.0, 1.0),
                other.a.lerp(other.b, u.clamp(0.0, 1.0)),
                0.0,
            );
        }
        // Not crossing: the closest pair has an end of one of the two segments in it.
        let mut best = (0.0, other.a, f64::INFINITY);
        for (t, p) in [(0.0, self.a), (1.0, self.b)] {
            let q = other.a.lerp(other.b, other.project(p));
            let d = p.distance(q);
            if d < best.2 {
                best = (t, q, d);
            }
        }
        for q in [other.a, other.b] {
            let t = self.project(q);
            let d = self.a.lerp(self.b, t).distance(q);
            if d < best.2 {
                best = (t, q, d);
            }
        }
        best
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

    /// Where the interiors of the two polygons share floor, if they do: the area shared (m²)
    /// and a point inside both. Exact for any simple polygons, convex or not: both are cut
    /// into triangles and every pair of triangles is clipped. Touching walls share no area,
    /// and neither does a sliver thinner than [`EPSILON`] on average (rounding in a plan).
    pub fn overlap(&self, other: &Polygon) -> Option<Overlap> {
        let (mine, theirs) = (self.triangles(), other.triangles());
        let mut area = 0.0;
        let mut largest: Option<(f64, Polygon)> = None;
        let (mut min, mut max) = (
            Point::new(f64::INFINITY, f64::INFINITY),
            Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
        );
        for a in &mine {
            let (amin, amax) = a.bounds();
            for b in &theirs {
                let (bmin, bmax) = b.bounds();
                if amax.x <= bmin.x || bmax.x <= amin.x || amax.y <= bmin.y || bmax.y <= amin.y {
                    continue;
                }
                let piece = a.clip_convex(b);
                let piece_area = piece.area();
                if piece_area <= 1e-12 {
                    continue;
                }
                area += piece_area;
                let (pmin, pmax) = piece.bounds();
                min = Point::new(min.x.min(pmin.x), min.y.min(pmin.y));
                max = Point::new(max.x.max(pmax.x), max.y.max(pmax.y));
                if largest.as_ref().is_none_or(|(l, _)| piece_area > *l) {
                    largest = Some((piece_area, piece));
                }
            }
        }
        let (_, piece) = largest?;
        // Mean thickness of the shared floor: area over its extent.
        (area > EPSILON * max.distance(min)).then(|| Overlap {
            area,
            inside: piece.centroid(),
        })
    }

    /// True when the interiors of the two polygons share some area (touching walls do not).
    pub fn overlaps(&self, other: &Polygon) -> bool {
        self.overlap(other).is_some()
    }

    /// The same outline with its corners running the way [`Polygon::signed_area`] counts as
    /// positive, and corners that add nothing (repeated, or on a straight run) dropped.
    fn normalised(&self) -> Vec<Point> {
        let mut corners: Vec<Point> = self.corners.clone();
        if self.signed_area() < 0.0 {
            corners.reverse();
        }
        corners.dedup_by(|a, b| a.distance(*b) < 1e-9);
        while corners.len() > 1 && corners[0].distance(corners[corners.len() - 1]) < 1e-9 {
            corners.pop();
        }
        let mut i = 0;
        while corners.len() > 3 && i < corners.len() {
            let n = corners.len();
            let (a, b, c) = (corners[(i + n - 1) % n], corners[i], corners[(i + 1) % n]);
            if (b - a).cross(c - b).abs() <= 1e-12 {
                corners.remove(i);
            } else {
                i += 1;
            }
        }
        corners
    }

    /// Triangles that tile the polygon (ear clipping; the polygon must not cross itself).
    /// Quadratic to cubic in the corner count: fine for rooms and furniture.
    pub fn triangles(&self) -> Vec<Polygon> {
        let mut ring = self.normalised();
        let mut out = Vec::with_capacity(ring.len().saturating_sub(2));
        while ring.len() > 3 {
            let n = ring.len();
            let ear = (0..n).find(|&i| {
                let (a, b, c) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
                let turn = (b - a).cross(c - b);
                if turn.abs() <= 1e-12 {
                    return true; // a corner on a straight run: drop it, no triangle
                }
                turn > 0.0
                    && ring.iter().enumerate().all(|(k, &p)| {
                        k == i
                            || k == (i + n - 1) % n
                            || k == (i + 1) % n
                            || !in_triangle(p, a, b, c)
                    })
            });
            // A simple polygon always has an ear; rounding can hide it, so fall back to a fan.
            let Some(i) = ear else {
                for k in 1..ring.len() - 1 {
                    out.push(Polygon::new(vec![ring[0], ring[k], ring[k + 1]]));
                }
                return out;
            };
            let (a, b, c) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
            if (b - a).cross(c - b).abs() > 1e-12 {
                out.push(Polygon::new(vec![a, b, c]));
            }
            ring.remove(i);
        }
        if ring.len() == 3 {
            out.push(Polygon::new(ring));
        }
        out
    }

    /// The part of `self` inside the convex polygon `clip` (Sutherland–Hodgman). Both must run
    /// the positive way round; the result is convex when `self` is.
    fn clip_convex(&self, clip: &Polygon) -> Polygon {
        let mut subject = self.corners.clone();
        for edge in clip.edges() {
            if subject.is_empty() {
                break;
            }
            let side = |p: Point| (edge.b - edge.a).cross(p - edge.a);
            let mut kept = Vec::with_capacity(subject.len() + 1);
            for k in 0..subject.len() {
                let (p, q) = (subject[k], subject[(k + 1) % subject.len()]);
                let (sp, sq) = (side(p), side(q));
                if sp >= 0.0 {
                    kept.push(p);
                }
                if (sp >= 0.0) != (sq >= 0.0) {
                    kept.push(p.lerp(q, sp / (sp - sq)));
                }
            }
            subject = kept;
        }
        Polygon::new(subject)
    }
}

/// Floor shared by two polygons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Square metres.
    pub area: f64,
    /// A point inside both polygons (the middle of the largest shared piece).
    pub inside: Point,
}

/// True when `p` lies inside or on the triangle `a b c` (running the positive way).
fn in_triangle(p: Point, a: Point, b: Point, c: Point) -> bool {
    (b - a).cross(p - a) >= 0.0 && (c - b).cross(p - b) >= 0.0 && (a - c).cross(p - c) >= 0.0
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

    /// An L of arm `size` with its notch at the top right: (0,0)-(size,0) down to y 3,
    /// in to x 3, down to y `size`.
    fn l_shape(size: f64) -> Polygon {
        Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(size, 0.0),
            Point::new(size, 3.0),
            Point::new(3.0, 3.0),
            Point::new(3.0, size),
            Point::new(0.0, size),
        ])
    }

    #[test]
    fn a_room_in_the_notch_of_an_l_overlaps_only_when_it_crosses_in() {
        for size in [5.0, 6.0, 8.0, 12.0, 40.0] {
            // The notch is x 3..size, y 3..size; a room there, `gap` away from both inner walls.
            let notch =
                |gap: f64| Polygon::rect(3.0 + gap, 3.0 + gap, size - 3.0 - gap, size - 3.0 - gap);
            let l = l_shape(size);
            assert!(!l.overlaps(&notch(0.1)), "gap 0.1, size {size}");
            assert!(
                !notch(0.1).overlaps(&l),
                "gap 0.1, size {size}, other order"
            );
            assert!(!l.overlaps(&notch(0.0)), "touching, size {size}");
            let subtle = l.overlap(&notch(-0.02)).expect("2 cm overlap");
            assert!(
                (subtle.area - (0.02 * (size - 3.0) * 2.0 + 0.0004)).abs() < 1e-6,
                "{subtle:?}"
            );
            assert!(
                l.strictly_contains(subtle.inside) && notch(-0.02).strictly_contains(subtle.inside)
            );
            let blatant = l.overlap(&notch(-1.0)).expect("1 m overlap");
            assert!(
                l.strictly_contains(blatant.inside)
                    && notch(-1.0).strictly_contains(blatant.inside)
            );
        }
    }

    #[test]
    fn a_room_inside_a_u_overlaps_only_when_it_reaches_an_arm() {
        // A U open at the top: arms x 0..2 and x 5..7, base y 4..6.
        let u = Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(2.0, 4.0),
            Point::new(5.0, 4.0),
            Point::new(5.0, 0.0),
            Point::new(7.0, 0.0),
            Point::new(7.0, 6.0),
            Point::new(0.0, 6.0),
        ]);
        assert!(!u.overlaps(&Polygon::rect(2.1, 0.0, 2.8, 3.9)));
        assert!(
            !u.overlaps(&Polygon::rect(2.0, -1.0, 3.0, 5.0)),
            "fills the notch, touching"
        );
        assert!(
            u.overlaps(&Polygon::rect(1.98, 0.0, 3.0, 4.0)),
            "2 cm into the left arm"
        );
        assert!(
            u.overlaps(&Polygon::rect(-1.0, 1.0, 9.0, 1.0)),
            "across both arms"
        );
        let o = u
            .overlap(&Polygon::rect(-1.0, 1.0, 9.0, 1.0))
            .expect("overlap");
        assert!((o.area - 4.0).abs() < 1e-9, "{o:?}");
    }

    #[test]
    fn a_sliver_thinner_than_a_millimetre_is_rounding() {
        let a = Polygon::rect(0.0, 0.0, 4.0, 3.0);
        assert!(!a.overlaps(&Polygon::rect(3.9995, 0.0, 2.0, 3.0)));
        assert!(a.overlaps(&Polygon::rect(3.99, 0.0, 2.0, 3.0)));
    }

    #[test]
    fn triangles_tile_concave_outlines_and_skip_straight_runs() {
        let l = l_shape(6.0);
        let sum: f64 = l.triangles().iter().map(Polygon::area).sum();
        assert!((sum - l.area()).abs() < 1e-9);
        let mut reversed = l.clone();
        reversed.corners.reverse();
        let sum: f64 = reversed.triangles().iter().map(Polygon::area).sum();
        assert!((sum - l.area()).abs() < 1e-9);
        let with_run = Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(1.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(2.0, 2.0),
            Point::new(0.0, 2.0),
        ]);
        assert_eq!(with_run.triangles().len(), 2);
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
    fn closest_approach_of_segments() {
        let s = Segment::new(Point::new(0.0, 0.0), Point::new(4.0, 0.0));
        let (t, q, d) =
            s.closest_approach(Segment::new(Point::new(2.0, 0.5), Point::new(3.0, 2.0)));
        assert_eq!((t, q, d), (0.5, Point::new(2.0, 0.5), 0.5));
        let (t, _, d) =
            s.closest_approach(Segment::new(Point::new(5.0, -1.0), Point::new(5.0, 1.0)));
        assert_eq!((t, d), (1.0, 1.0));
        let (t, _, d) =
            s.closest_approach(Segment::new(Point::new(1.0, -1.0), Point::new(1.0, 1.0)));
        assert_eq!((t, d), (0.25, 0.0));
    }

    #[test]
    fn segments_cross_only_in_their_interiors() {
        let s = Segment::new(Point::new(0.0, 0.0), Point::new(2.0, 0.0));
        assert!(s.crosses(Segment::new(Point::new(1.0, -1.0), Point::new(1.0, 1.0))));
        assert!(!s.crosses(Segment::new(Point::new(2.0, -1.0), Point::new(2.0, 1.0))));
        assert!(!s.crosses(Segment::new(Point::new(0.0, 1.0), Point::new(2.0, 1.0))));
    }
}
