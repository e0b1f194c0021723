//! Greedy label placement: each label tries a ring of spots around its anchor and takes the
//! first that hits no earlier label, symbol or path; if none is free, the least bad one.
//!
//! Order matters (earlier labels win), so callers place the most important labels first.

use super::page::Rect;
use crate::geometry::{Point, Segment};

/// Where a label ended up: its box on the page, millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    /// True when it had to sit on something (the caller may drop or dim it).
    pub crowded: bool,
}

/// Boxes and lines already on the page.
#[derive(Debug, Clone)]
pub struct Placer {
    bounds: Rect,
    boxes: Vec<Rect>,
    lines: Vec<Segment>,
}

impl Placer {
    /// Labels must stay inside `bounds`.
    pub fn new(bounds: Rect) -> Placer {
        Placer {
            bounds,
            boxes: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// Something drawn that labels should not cover.
    pub fn block(&mut self, rect: Rect) {
        self.boxes.push(rect);
    }

    /// A line drawn that labels should not sit on.
    pub fn block_line(&mut self, a: Point, b: Point) {
        self.lines.push(Segment::new(a, b));
    }

    pub fn block_polyline(&mut self, points: &[Point]) {
        for w in points.windows(2) {
            self.block_line(w[0], w[1]);
        }
    }

    /// A symbol of `radius` around `p`.
    pub fn block_point(&mut self, p: Point, radius: f64) {
        self.block(Rect::new(
            p.x - radius,
            p.y - radius,
            2.0 * radius,
            2.0 * radius,
        ));
    }

    /// How badly `rect` collides with what is already placed (0 = free).
    pub fn cost(&self, rect: &Rect) -> f64 {
        self.bounds_cost(rect) + self.box_cost(rect) + self.line_cost(rect)
    }

    /// A large cost when `rect` leaves the bounds.
    pub fn bounds_cost(&self, rect: &Rect) -> f64 {
        if self.bounds.contains_rect(rect) {
            0.0
        } else {
            1000.0
        }
    }

    /// Overlap with labels and symbols already placed.
    pub fn box_cost(&self, rect: &Rect) -> f64 {
        self.boxes.iter().map(|b| b.overlap(rect) * 10.0).sum()
    }

    /// Lines running through `rect`.
    pub fn line_cost(&self, rect: &Rect) -> f64 {
        let shrunk = rect.grow(-0.15);
        self.lines
            .iter()
            .filter(|line| crosses_rect(**line, &shrunk))
            .count() as f64
            * 4.0
    }

    /// Registers a box the caller placed itself.
    pub fn take(&mut self, rect: Rect) {
        self.boxes.push(rect);
    }

    /// Places a `w` × `h` label near `anchor`, `gap` away from it, trying right, left, above,
    /// below and the diagonals, then the same further out. The box is registered.
    pub fn place(&mut self, anchor: Point, w: f64, h: f64, gap: f64) -> Placed {
        let mut best: Option<(f64, Rect)> = None;
        for ring in [1.0, 2.2, 3.6] {
            let g = gap * ring;
            let candidates = [
                Rect::new(anchor.x + g, anchor.y - h / 2.0, w, h),
                Rect::new(anchor.x - g - w, anchor.y - h / 2.0, w, h),
                Rect::new(anchor.x - w / 2.0, anchor.y - g - h, w, h),
                Rect::new(anchor.x - w / 2.0, anchor.y + g, w, h),
                Rect::new(anchor.x + g * 0.7, anchor.y - g * 0.7 - h, w, h),
                Rect::new(anchor.x + g * 0.7, anchor.y + g * 0.7, w, h),
                Rect::new(anchor.x - g * 0.7 - w, anchor.y - g * 0.7 - h, w, h),
                Rect::new(anchor.x - g * 0.7 - w, anchor.y + g * 0.7, w, h),
            ];
            for rect in candidates {
                let cost = self.cost(&rect) + (ring - 1.0) * 0.5;
                if cost < 1e-9 {
                    self.boxes.push(rect);
                    return Placed {
                        rect,
                        crowded: false,
                    };
                }
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, rect));
                }
            }
        }
        let (cost, rect) = best.unwrap_or((0.0, Rect::new(anchor.x + gap, anchor.y, w, h)));
        self.boxes.push(rect);
        Placed {
            rect,
            crowded: cost >= 1.0,
        }
    }

    /// Places a label centred on `anchor` if that spot is free, else the nearest free spot
    /// inside `within` on a grid of nudges (room names sit mid-room where they can).
    pub fn place_centred(&mut self, anchor: Point, w: f64, h: f64, within: Rect) -> Placed {
        let mut best: Option<(f64, Rect)> = None;
        let xs = [0.0, -0.18, 0.18, -0.32, 0.32];
        let ys = [0.0, -1.3, 1.3, -2.6, 2.6, -3.9, 3.9, -5.2, 5.2];
        for (i, fx) in xs.iter().enumerate() {
            for (j, fy) in ys.iter().enumerate() {
                let centre = Point::new(anchor.x + fx * within.w, anchor.y + fy * h);
                let rect = Rect::new(centre.x - w / 2.0, centre.y - h / 2.0, w, h);
                let mut cost = self.cost(&rect);
                if !within.contains_rect(&rect) {
                    cost += 100.0;
                }
                cost += (i + j) as f64 * 0.3;
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, rect));
                }
            }
        }
        let (cost, rect) = best.unwrap_or((0.0, Rect::new(anchor.x, anchor.y, w, h)));
        self.boxes.push(rect);
        Placed {
            rect,
            crowded: cost >= 1.0,
        }
    }
}

/// True if the segment passes through the box.
fn crosses_rect(s: Segment, r: &Rect) -> bool {
    let inside = |p: Point| p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom();
    if inside(s.a) || inside(s.b) {
        return true;
    }
    let corners = [
        Point::new(r.x, r.y),
        Point::new(r.right(), r.y),
        Point::new(r.right(), r.bottom()),
        Point::new(r.x, r.bottom()),
    ];
    (0..4).any(|i| {
        s.intersection(Segment::new(corners[i], corners[(i + 1) % 4]))
            .is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_do_not_overlap_when_there_is_room() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 100.0, 100.0));
        let a = placer.place(Point::new(50.0, 50.0), 10.0, 3.0, 1.0);
        let b = placer.place(Point::new(50.0, 50.0), 10.0, 3.0, 1.0);
        assert!(!a.crowded && !b.crowded);
        assert_eq!(a.rect.overlap(&b.rect), 0.0);
    }

    #[test]
    fn labels_avoid_lines() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 100.0, 100.0));
        placer.block_line(Point::new(50.0, 40.0), Point::new(70.0, 60.0));
        let a = placer.place(Point::new(50.0, 50.0), 10.0, 3.0, 1.0);
        assert!(!crosses_rect(
            Segment::new(Point::new(50.0, 40.0), Point::new(70.0, 60.0)),
            &a.rect
        ));
    }
}
