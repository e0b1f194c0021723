//! A uniform grid over line segments (walls), answering "which of them could meet this
//! segment?" without testing every one: at Russian-Ark size a route has 100,000 steps and
//! the set hundreds of walls.
//!
//! Each segment is listed in every cell its bounding box covers; a query collects the
//! segments listed in the cells its own box covers. Two segments that meet share a point,
//! and that point lies in both boxes, hence in a cell both cover: no meeting is missed.

use crate::geometry::{Point, Segment};

/// Most cells along one side of the grid: enough for thousands of walls, small enough that
/// one long diagonal wall is listed in a bounded number of cells.
const MAX_SIDE: usize = 256;

#[derive(Debug, Clone)]
pub struct SegmentGrid {
    origin: Point,
    /// Side of a square cell, metres (positive).
    cell: f64,
    columns: usize,
    rows: usize,
    /// For each cell (row-major), the indices of the segments listed there, ascending.
    cells: Vec<Vec<usize>>,
}

impl SegmentGrid {
    /// A grid over `segments`, which keep their order: query results are their indices.
    pub fn new(segments: &[Segment]) -> SegmentGrid {
        let (mut low, mut high) = (
            Point::new(f64::INFINITY, f64::INFINITY),
            Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
        );
        for s in segments {
            for p in [s.a, s.b] {
                low = Point::new(low.x.min(p.x), low.y.min(p.y));
                high = Point::new(high.x.max(p.x), high.y.max(p.y));
            }
        }
        if !(low.x.is_finite() && low.y.is_finite() && high.x.is_finite() && high.y.is_finite()) {
            low = Point::default();
            high = Point::default();
        }
        // About one segment per cell, square cells over the set's extent.
        let side = ((segments.len() as f64).sqrt().ceil() as usize).clamp(1, MAX_SIDE);
        let extent = (high.x - low.x).max(high.y - low.y).max(1e-6);
        let cell = extent / side as f64;
        let columns = (((high.x - low.x) / cell).floor() as usize + 1).min(MAX_SIDE);
        let rows = (((high.y - low.y) / cell).floor() as usize + 1).min(MAX_SIDE);
        let mut grid = SegmentGrid {
            origin: low,
            cell,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
        };
        for (i, s) in segments.iter().enumerate() {
            let (c0, c1, r0, r1) = grid.cover(*s);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    grid.cells[r * columns + c].push(i);
                }
            }
        }
        grid
    }

    /// Column and row ranges (inclusive) of the cells a segment's bounding box covers,
    /// clamped to the grid.
    fn cover(&self, s: Segment) -> (usize, usize, usize, usize) {
        let column = |x: f64| self.index((x - self.origin.x) / self.cell, self.columns);
        let row = |y: f64| self.index((y - self.origin.y) / self.cell, self.rows);
        (
            column(s.a.x.min(s.b.x)),
            column(s.a.x.max(s.b.x)),
            row(s.a.y.min(s.b.y)),
            row(s.a.y.max(s.b.y)),
        )
    }

    fn index(&self, position: f64, count: usize) -> usize {
        if position.is_nan() || position <= 0.0 {
            0
        } else {
            (position.floor() as usize).min(count - 1)
        }
    }

    /// Indices of every segment that could meet `segment`, ascending and each once, into
    /// `found` (cleared first, so one buffer serves many queries).
    pub fn near(&self, segment: Segment, found: &mut Vec<usize>) {
        found.clear();
        let (c0, c1, r0, r1) = self.cover(segment);
        for r in r0..=r1 {
            for c in c0..=c1 {
                found.extend_from_slice(&self.cells[r * self.columns + c]);
            }
        }
        found.sort_unstable();
        found.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(ax: f64, ay: f64, bx: f64, by: f64) -> Segment {
        Segment::new(Point::new(ax, ay), Point::new(bx, by))
    }

    /// Pseudo-random segments over a 100 m square (xorshift, so the test is the same each run).
    fn scatter(n: usize, seed: u64) -> Vec<Segment> {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f64 / 100.0
        };
        (0..n)
            .map(|i| {
                let (x, y) = (next(), next());
                // Mostly short axis-aligned walls, as in a set; every fifth a long diagonal.
                match i % 5 {
                    0 => segment(x, y, next(), next()),
                    1 | 2 => segment(x, y, x + next() / 10.0, y),
                    _ => segment(x, y, x, y + next() / 10.0),
                }
            })
            .collect()
    }

    #[test]
    fn finds_every_crossing_a_full_scan_finds() {
        let walls = scatter(300, 0x2545f4914f6cdd1d);
        let steps = scatter(2_000, 0x9e3779b97f4a7c15);
        let grid = SegmentGrid::new(&walls);
        let mut near = Vec::new();
        let mut crossings = 0;
        for step in steps {
            grid.near(step, &mut near);
            let scanned: Vec<usize> = (0..walls.len())
                .filter(|&i| step.crosses(walls[i]))
                .collect();
            let indexed: Vec<usize> = near
                .iter()
                .copied()
                .filter(|&i| step.crosses(walls[i]))
                .collect();
            assert_eq!(indexed, scanned);
            crossings += scanned.len();
        }
        assert!(crossings > 100, "the test needs crossings to mean anything");
    }

    #[test]
    fn queries_outside_the_set_and_empty_grids_are_safe() {
        let grid = SegmentGrid::new(&[]);
        let mut near = vec![7];
        grid.near(segment(-1e4, -1e4, 1e4, 1e4), &mut near);
        assert!(near.is_empty());
        let walls = [segment(0.0, 0.0, 10.0, 0.0)];
        let grid = SegmentGrid::new(&walls);
        grid.near(segment(5.0, -50.0, 5.0, 50.0), &mut near);
        assert_eq!(near, vec![0]);
        grid.near(segment(f64::NAN, 0.0, 1.0, 1.0), &mut near);
        assert!(near.len() <= 1);
    }
}
