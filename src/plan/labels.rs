//! Greedy label placement: each label tries a ring of spots around its anchor and takes the
//! first that hits no earlier label, symbol or path; if none is free, the least bad one.
//!
//! Order matters (earlier labels win), so callers place the most important labels first.
//!
//! What is placed is kept in a uniform grid of page cells, so a candidate spot is tested only
//! against the boxes and lines near it: placing n labels costs about n, not n², which is what
//! lets a plan of a 2,000-person take with thousands of marks finish in well under a second.

use super::page::Rect;
use crate::geometry::{Point, Segment};

/// Where a label ended up: its box on the page, millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    /// True when it had to sit on something (the caller may drop or dim it).
    pub crowded: bool,
}

/// Side of a grid cell, page millimetres: about a short label's width, so a query touches a
/// handful of cells.
const CELL: f64 = 6.0;
/// Most cells along a side, so a huge or absurd bounds cannot make a huge grid.
const MAX_CELLS: usize = 256;

/// A uniform grid over the bounds: each cell lists the items (by index, in the order they
/// were added) whose bounding box touches it. Anything outside the bounds is filed under the
/// nearest edge cell, so every pair of touching boxes shares a cell.
#[derive(Debug, Clone)]
struct Grid {
    x: f64,
    y: f64,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl Grid {
    fn new(bounds: Rect) -> Grid {
        let count = |side: f64| ((side / CELL).ceil() as usize).clamp(1, MAX_CELLS);
        let (columns, rows) = (count(bounds.w), count(bounds.h));
        Grid {
            x: bounds.x,
            y: bounds.y,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        }
    }

    /// Column and row ranges of the cells the box from `(x0, y0)` to `(x1, y1)` touches.
    fn span(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (usize, usize, usize, usize) {
        // `as usize` saturates (NaN and negatives to 0), then the edge cell takes the rest.
        let column = |x: f64| (((x - self.x) / CELL).floor() as usize).min(self.columns - 1);
        let row = |y: f64| (((y - self.y) / CELL).floor() as usize).min(self.rows - 1);
        (
            column(x0.min(x1)),
            column(x0.max(x1)),
            row(y0.min(y1)),
            row(y0.max(y1)),
        )
    }

    fn insert(&mut self, item: usize, x0: f64, y0: f64, x1: f64, y1: f64) {
        let (c0, c1, r0, r1) = self.span(x0, y0, x1, y1);
        for r in r0..=r1 {
            for c in c0..=c1 {
                self.cells[r * self.columns + c].push(item as u32);
            }
        }
    }

    /// The items whose cells the box touches, each once, in the order they were added.
    fn near(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<u32> {
        let (c0, c1, r0, r1) = self.span(x0, y0, x1, y1);
        let mut out = Vec::new();
        for r in r0..=r1 {
            for c in c0..=c1 {
                out.extend_from_slice(&self.cells[r * self.columns + c]);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Boxes and lines already on the page.
#[derive(Debug, Clone)]
pub struct Placer {
    bounds: Rect,
    boxes: Vec<Rect>,
    lines: Vec<Segment>,
    box_grid: Grid,
    line_grid: Grid,
}

impl Placer {
    /// Labels must stay inside `bounds`.
    pub fn new(bounds: Rect) -> Placer {
        Placer {
            bounds,
            boxes: Vec::new(),
            lines: Vec::new(),
            box_grid: Grid::new(bounds),
            line_grid: Grid::new(bounds),
        }
    }

    /// Something drawn that labels should not cover.
    pub fn block(&mut self, rect: Rect) {
        self.box_grid.insert(
            self.boxes.len(),
            rect.x,
            rect.y,
            rect.right(),
            rect.bottom(),
        );
        self.boxes.push(rect);
    }

    /// A line drawn that labels should not sit on.
    pub fn block_line(&mut self, a: Point, b: Point) {
        self.line_grid.insert(self.lines.len(), a.x, a.y, b.x, b.y);
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

    /// Overlap with labels and symbols already placed. Summed in the order they were placed,
    /// as a scan of all would (boxes in other cells add exactly nothing).
    pub fn box_cost(&self, rect: &Rect) -> f64 {
        self.box_grid
            .near(rect.x, rect.y, rect.right(), rect.bottom())
            .into_iter()
            .map(|i| self.boxes[i as usize].overlap(rect) * 10.0)
            .sum()
    }

    /// Lines running through `rect`.
    pub fn line_cost(&self, rect: &Rect) -> f64 {
        let shrunk = rect.grow(-0.15);
        // The shrunk box of a tiny label turns inside out; ask for the whole label's cells.
        let reach = rect.grow(0.15);
        self.line_grid
            .near(reach.x, reach.y, reach.right(), reach.bottom())
            .into_iter()
            .filter(|&i| crosses_rect(self.lines[i as usize], &shrunk))
            .count() as f64
            * 4.0
    }

    /// Registers a box the caller placed itself.
    pub fn take(&mut self, rect: Rect) {
        self.block(rect);
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
                    self.block(rect);
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
        self.block(rect);
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
        self.block(rect);
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
    fn the_grid_finds_what_a_scan_of_everything_finds() {
        // Boxes and lines scattered over and past the bounds, some long, some tiny.
        let mut seed = 0x9e3779b97f4a7c15u64;
        let mut next = move |scale: f64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 100_000) as f64 / 100_000.0 * scale
        };
        let mut placer = Placer::new(Rect::new(10.0, 10.0, 200.0, 120.0));
        for _ in 0..400 {
            let rect = Rect::new(
                next(240.0) - 10.0,
                next(160.0) - 10.0,
                next(12.0),
                next(4.0),
            );
            placer.block(rect);
            let a = Point::new(next(240.0) - 10.0, next(160.0) - 10.0);
            let b = a + Point::new(next(60.0) - 30.0, next(20.0) - 10.0);
            placer.block_line(a, b);
        }
        for _ in 0..400 {
            let rect = Rect::new(
                next(240.0) - 10.0,
                next(160.0) - 10.0,
                next(20.0),
                next(5.0),
            );
            let boxes: f64 = placer.boxes.iter().map(|b| b.overlap(&rect) * 10.0).sum();
            let shrunk = rect.grow(-0.15);
            let lines = placer
                .lines
                .iter()
                .filter(|l| crosses_rect(**l, &shrunk))
                .count() as f64
                * 4.0;
            assert_eq!(placer.box_cost(&rect), boxes);
            assert_eq!(placer.line_cost(&rect), lines);
        }
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
