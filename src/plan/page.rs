//! The page: A4 landscape in millimetres, the part of it the plan fills, and the mapping from
//! the set's metres to page millimetres.

use super::style::Ink;
use crate::geometry::Point;
use crate::model::Scene;
use crate::sim::Simulation;

/// A4 landscape, millimetres.
pub const PAGE_W: f64 = 297.0;
pub const PAGE_H: f64 = 210.0;
/// White border around everything, millimetres.
pub const MARGIN: f64 = 10.0;
/// Width of the title block when it stands beside the plan, millimetres.
pub const SIDE_W: f64 = 74.0;
/// Height of the title block when it runs under the plan, millimetres.
pub const BAND_H: f64 = 64.0;
/// Height of the key plan on a continuation sheet, millimetres.
pub const KEY_PLAN_H: f64 = 64.0;
/// Gap between the plan and the title block, millimetres.
pub const GUTTER: f64 = 6.0;

/// The drawing scales a plan is drawn at by default, as denominators (1:20, 1:25 …), largest
/// first: architects' and set designers' scales, so a scale rule reads the print.
pub const STANDARD_SCALES: [u32; 11] = [20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];

/// An axis-aligned box on the page, millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn overlap(&self, other: &Rect) -> f64 {
        let w = self.right().min(other.right()) - self.x.max(other.x);
        let h = self.bottom().min(other.bottom()) - self.y.max(other.y);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }

    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    pub fn centre(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// The point of the box nearest `p` (`p` itself when inside).
    pub fn nearest(&self, p: Point) -> Point {
        Point::new(
            p.x.clamp(self.x, self.right()),
            p.y.clamp(self.y, self.bottom()),
        )
    }

    /// The gap between two boxes, 0 when they touch or overlap.
    pub fn distance_to(&self, other: &Rect) -> f64 {
        let dx = (other.x - self.right())
            .max(self.x - other.right())
            .max(0.0);
        let dy = (other.y - self.bottom())
            .max(self.y - other.bottom())
            .max(0.0);
        dx.hypot(dy)
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }

    /// A box of zero size at `p`.
    pub fn at(p: Point) -> Rect {
        Rect::new(p.x, p.y, 0.0, 0.0)
    }

    pub fn grow(&self, by: f64) -> Rect {
        Rect::new(
            self.x - by,
            self.y - by,
            self.w + 2.0 * by,
            self.h + 2.0 * by,
        )
    }
}

/// The floor's bounds in metres: every set room, and anything that happens offstage (marks,
/// routes), with a margin. Offstage floor beyond what is used is left out so the set stays big.
pub fn extent(scene: &Scene, sim: &Simulation) -> (Point, Point) {
    let mut points: Vec<Point> = Vec::new();
    for room in scene.rooms.iter().filter(|r| !r.offstage) {
        points.extend(&room.outline.corners);
    }
    points.extend(scene.marks.iter().map(|m| m.at));
    points.extend(scene.practicals.iter().map(|p| p.at));
    for track in &sim.tracks {
        points.push(track.start);
        for leg in &track.legs {
            points.extend(&leg.route.points);
        }
    }
    if points.is_empty() {
        for room in &scene.rooms {
            points.extend(&room.outline.corners);
        }
    }
    let mut min = Point::new(f64::INFINITY, f64::INFINITY);
    let mut max = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in points.iter().filter(|p| p.is_finite()) {
        min = Point::new(min.x.min(p.x), min.y.min(p.y));
        max = Point::new(max.x.max(p.x), max.y.max(p.y));
    }
    if !min.is_finite() || !max.is_finite() {
        return (Point::new(0.0, 0.0), Point::new(1.0, 1.0));
    }
    let pad = 0.35;
    (
        Point::new(min.x - pad, min.y - pad),
        Point::new(max.x + pad, max.y + pad),
    )
}

/// Maps the set's metres onto a box of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The corner of the floor shown at `area`'s top-left (after centring), metres.
    pub min: Point,
    pub max: Point,
    /// Page millimetres per metre.
    pub scale: f64,
    /// Page position of `min`.
    pub origin: Point,
    /// The box on the page the plan may use.
    pub area: Rect,
    /// How big ink is drawn (1 on a full page, less in thumbnails).
    pub ink: Ink,
}

impl Frame {
    /// The largest scale that fits the floor `(min, max)` into `area`, centred.
    pub fn fit(bounds: (Point, Point), area: Rect, ink: Ink) -> Frame {
        let (min, max) = bounds;
        let (w, h) = ((max.x - min.x).max(0.1), (max.y - min.y).max(0.1));
        let scale = (area.w / w).min(area.h / h);
        let origin = Point::new(
            area.x + (area.w - w * scale) / 2.0,
            area.y + (area.h - h * scale) / 2.0,
        );
        Frame {
            min,
            max,
            scale,
            origin,
            area,
            ink,
        }
    }

    /// The floor `(min, max)` at `scale` page millimetres per metre, centred in `area`.
    pub fn at_scale(bounds: (Point, Point), area: Rect, ink: Ink, scale: f64) -> Frame {
        let (min, max) = bounds;
        let (w, h) = ((max.x - min.x).max(0.1), (max.y - min.y).max(0.1));
        let origin = Point::new(
            area.x + (area.w - w * scale) / 2.0,
            area.y + (area.h - h * scale) / 2.0,
        );
        Frame {
            min,
            max,
            scale,
            origin,
            area,
            ink,
        }
    }

    /// The largest standard drawing scale (1:20, 1:25, 1:50, 1:100 …) at which the floor fits
    /// `area`, or `forced` (a denominator: 50 for 1:50) if given; a floor too big for the
    /// largest standard scale is fitted exactly.
    pub fn standard(bounds: (Point, Point), area: Rect, ink: Ink, forced: Option<u32>) -> Frame {
        let fit = Frame::fit(bounds, area, ink);
        let denominator = forced.map(f64::from).or_else(|| {
            STANDARD_SCALES
                .iter()
                .map(|&d| f64::from(d))
                .find(|d| 1000.0 / d <= fit.scale * (1.0 + 1e-9))
        });
        match denominator {
            Some(d) => Frame::at_scale(bounds, area, ink, 1000.0 / d),
            None => fit,
        }
    }

    /// The scale as a denominator (100 for 1:100), rounded.
    pub fn denominator(&self) -> f64 {
        (1000.0 / self.scale).round()
    }

    /// Page position of a floor point.
    pub fn at(&self, p: Point) -> Point {
        Point::new(
            self.origin.x + (p.x - self.min.x) * self.scale,
            self.origin.y + (p.y - self.min.y) * self.scale,
        )
    }

    /// Page length of a floor distance.
    pub fn len(&self, metres: f64) -> f64 {
        metres * self.scale
    }

    /// The floor's box on the page.
    pub fn floor_rect(&self) -> Rect {
        let a = self.at(self.min);
        let b = self.at(self.max);
        Rect::new(a.x, a.y, b.x - a.x, b.y - a.y)
    }

    /// Diagonal of the floor shown, metres: a camera's view is never drawn further.
    pub fn diagonal(&self) -> f64 {
        self.min.distance(self.max)
    }

    pub fn ink(&self, size: f64) -> f64 {
        self.ink.of(size)
    }
}

/// Where the plan and the title block go on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub plan: Rect,
    /// The title block's columns, in reading order.
    pub columns: Vec<Rect>,
    /// True when the block runs under the plan, false when it stands beside it.
    pub band: bool,
}

impl Layout {
    /// The block beside the plan for square or tall sets, under it for wide ones: whichever
    /// lets the plan be drawn bigger. `grow` widens the block (beside: one more column each)
    /// or deepens it (under: half as deep again each) for a title block with more to say.
    pub fn choose(bounds: (Point, Point), grow: usize) -> Layout {
        let (min, max) = bounds;
        let (w, h) = ((max.x - min.x).max(0.1), (max.y - min.y).max(0.1));
        let inner = Rect::new(MARGIN, MARGIN, PAGE_W - 2.0 * MARGIN, PAGE_H - 2.0 * MARGIN);
        let side_w = SIDE_W * (1 + grow) as f64 + GUTTER * grow as f64;
        let band_h = BAND_H * (1.0 + 0.5 * grow as f64);
        let side_plan = Rect::new(inner.x, inner.y, inner.w - side_w - GUTTER, inner.h);
        let band_plan = Rect::new(inner.x, inner.y, inner.w, inner.h - band_h - GUTTER);
        let scale = |r: Rect| (r.w / w).min(r.h / h);
        if scale(band_plan) > scale(side_plan) * 1.08 {
            let y = band_plan.bottom() + GUTTER;
            let col = (inner.w - 2.0 * GUTTER) / 3.0;
            Layout {
                plan: band_plan,
                columns: (0..3)
                    .map(|i| Rect::new(inner.x + i as f64 * (col + GUTTER), y, col, band_h))
                    .collect(),
                band: true,
            }
        } else {
            Layout {
                plan: side_plan,
                columns: (0..=grow)
                    .map(|i| {
                        let x = side_plan.right() + GUTTER + i as f64 * (SIDE_W + GUTTER);
                        Rect::new(x, inner.y, SIDE_W, inner.h)
                    })
                    .collect(),
                band: false,
            }
        }
    }

    /// The frame for `bounds` at a standard scale (or `scale`, a denominator). Under a band
    /// the plan moves to the top of its area and the band grows into the room left below it,
    /// so a wide set leaves no empty strip.
    pub fn frame(&mut self, bounds: (Point, Point), ink: Ink, scale: Option<u32>) -> Frame {
        let frame = Frame::standard(bounds, self.plan, ink, scale);
        if !self.band {
            return frame;
        }
        let used = frame.floor_rect();
        self.plan = Rect::new(self.plan.x, self.plan.y, self.plan.w, used.h);
        let top = self.plan.bottom() + GUTTER;
        let bottom = PAGE_H - MARGIN;
        for column in &mut self.columns {
            *column = Rect::new(column.x, top, column.w, bottom - top);
        }
        Frame::at_scale(bounds, self.plan, ink, frame.scale)
    }

    /// A page given over to the title block's continuation: three columns, the last under
    /// a small key plan (returned second) so the sheet still shows the set it belongs to.
    pub fn continuation() -> (Vec<Rect>, Rect) {
        let inner = Rect::new(MARGIN, MARGIN, PAGE_W - 2.0 * MARGIN, PAGE_H - 2.0 * MARGIN);
        let col = (inner.w - 2.0 * GUTTER) / 3.0;
        let mut columns: Vec<Rect> = (0..3)
            .map(|i| Rect::new(inner.x + i as f64 * (col + GUTTER), inner.y, col, inner.h))
            .collect();
        let key = Rect::new(columns[2].x, inner.y, col, KEY_PLAN_H);
        columns[2] = Rect::new(
            columns[2].x,
            inner.y + KEY_PLAN_H + GUTTER,
            col,
            inner.h - KEY_PLAN_H - GUTTER,
        );
        (columns, key)
    }
}

/// The one path builder of every picture.
pub use crate::drawing::PathData;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_maps_metres_to_the_page() {
        let frame = Frame::fit(
            (Point::new(0.0, 0.0), Point::new(10.0, 5.0)),
            Rect::new(10.0, 10.0, 100.0, 100.0),
            Ink::FULL,
        );
        assert_eq!(frame.scale, 10.0);
        assert_eq!(frame.at(Point::new(0.0, 0.0)), Point::new(10.0, 35.0));
        assert_eq!(frame.at(Point::new(10.0, 5.0)), Point::new(110.0, 85.0));
    }

    #[test]
    fn wide_sets_put_the_title_block_underneath() {
        let wide = Layout::choose((Point::new(0.0, 0.0), Point::new(12.0, 3.0)), 0);
        assert!(wide.band && wide.columns.len() == 3);
        let square = Layout::choose((Point::new(0.0, 0.0), Point::new(10.0, 10.0)), 0);
        assert!(!square.band && square.columns.len() == 1);
        let grown = Layout::choose((Point::new(0.0, 0.0), Point::new(10.0, 10.0)), 1);
        assert_eq!(grown.columns.len(), 2);
        assert!(grown.plan.w < square.plan.w);
    }
}
