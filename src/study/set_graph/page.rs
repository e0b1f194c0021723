//! Where the set graph goes on the page: the set's rooms fill the drawing, offstage floor is
//! cut off at a margin, and room nodes and labels are boxes that label placement keeps apart.

use super::node_point;
use crate::geometry::Point;
use crate::model::{RoomId, Scene};
use crate::study::chart::{fit, text_width};

pub const WIDTH: f64 = 1100.0;
pub const MARGIN: f64 = 30.0;
const PLAN_TOP: f64 = 96.0;
const MAX_PLAN_H: f64 = 760.0;

/// Metres on the floor to pixels on the page.
struct Scale {
    origin: Point,
    k: f64,
    offset: Point,
}

impl Scale {
    pub fn at(&self, p: Point) -> (f64, f64) {
        (
            self.offset.x + (p.x - self.origin.x) * self.k,
            self.offset.y + (p.y - self.origin.y) * self.k,
        )
    }
}

/// Space around the set's rooms for offstage nodes, metres.
const SURROUND: f64 = 1.6;

/// A rectangle on the page, pixels.
#[derive(Debug, Clone, Copy)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn centred(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x: x - w / 2.0,
            y: y - h / 2.0,
            w,
            h,
        }
    }

    pub fn overlap(&self, o: &Rect) -> f64 {
        let w = (self.x + self.w).min(o.x + o.w) - self.x.max(o.x);
        let h = (self.y + self.h).min(o.y + o.h) - self.y.max(o.y);
        w.max(0.0) * h.max(0.0)
    }
}

/// The page: the set's rooms fill the plan area; offstage floor beyond them is cut off at a
/// margin, and its node is pulled into that margin, so a huge studio floor never shrinks the
/// set to a thumbnail.
pub struct Page {
    scale: Scale,
    /// The visible floor, metres.
    pub lo: Point,
    pub hi: Point,
}

impl Page {
    pub fn new(scene: &Scene) -> Page {
        let bounds = |onstage_only: bool| {
            let mut lo = Point::new(f64::INFINITY, f64::INFINITY);
            let mut hi = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
            for room in scene.rooms.iter().filter(|r| !onstage_only || !r.offstage) {
                let (a, b) = room.outline.bounds();
                lo = Point::new(lo.x.min(a.x), lo.y.min(a.y));
                hi = Point::new(hi.x.max(b.x), hi.y.max(b.y));
            }
            (lo, hi)
        };
        let (mut lo, mut hi) = bounds(true);
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = bounds(false);
        }
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = (Point::new(0.0, 0.0), Point::new(1.0, 1.0));
        }
        let (all_lo, all_hi) = bounds(false);
        if scene.rooms.iter().any(|r| r.offstage) {
            // Room for offstage nodes only on the sides where offstage floor is.
            lo = Point::new(
                if all_lo.x < lo.x {
                    lo.x - SURROUND
                } else {
                    lo.x
                },
                if all_lo.y < lo.y {
                    lo.y - SURROUND
                } else {
                    lo.y
                },
            );
            hi = Point::new(
                if all_hi.x > hi.x {
                    hi.x + SURROUND
                } else {
                    hi.x
                },
                if all_hi.y > hi.y {
                    hi.y + SURROUND
                } else {
                    hi.y
                },
            );
        }
        let (bw, bh) = ((hi.x - lo.x).max(0.1), (hi.y - lo.y).max(0.1));
        let k = ((WIDTH - 2.0 * MARGIN) / bw).min(MAX_PLAN_H / bh);
        Page {
            scale: Scale {
                origin: lo,
                k,
                offset: Point::new(MARGIN + (WIDTH - 2.0 * MARGIN - bw * k) / 2.0, PLAN_TOP),
            },
            lo,
            hi,
        }
    }

    pub fn at(&self, p: Point) -> (f64, f64) {
        self.scale.at(p)
    }

    pub fn bottom(&self) -> f64 {
        self.at(self.hi).1
    }

    /// Where a room's node is drawn: its centre, pulled inside the visible floor.
    pub fn node(&self, scene: &Scene, room: RoomId) -> (f64, f64) {
        let p = node_point(scene, room);
        let inset = (SURROUND / 2.0).min((self.hi.x - self.lo.x) / 2.0);
        let clamped = Point::new(
            p.x.clamp(self.lo.x + inset, self.hi.x - inset),
            p.y.clamp(
                self.lo.y + inset.min((self.hi.y - self.lo.y) / 2.0),
                self.hi.y - inset.min((self.hi.y - self.lo.y) / 2.0),
            ),
        );
        self.at(clamped)
    }

    pub fn node_rect(&self, scene: &Scene, room: RoomId) -> Rect {
        let (x, y) = self.node(scene, room);
        let name = fit(&scene.room(room).name, 13.0, 180.0);
        Rect::centred(x, y, text_width(&name, 13.0) + 24.0, 28.0)
    }
}
