//! Label placement with guarantees: a label never covers another label, a wall, a symbol
//! (lamp, tape mark, performer, camera, prop, stop badge) or the page outside the plan; it
//! sits within [`REACH`] of what it names, or further off tied to it by a leader line; a
//! label with no such spot is not drawn at all and is listed instead (see
//! [`Placer::dropped`]), so the sheet can say what it left out.
//!
//! Routes, door swings and furniture are soft: a label may cross them (its white halo keeps
//! it legible) but a spot that does not is preferred. Room names treat furniture as hard, so
//! "KITCHEN" never sits on the table.
//!
//! Order matters (earlier labels win), so callers place the most important labels first.
//! Everything placed is kept in uniform grids of page cells, so a candidate spot is tested
//! only against what is near it: placing n labels costs about n, not n².

use super::metrics::{ASCENT, DESCENT};
use super::page::{PathData, Rect};
use super::style::{self, n, text_width};
use crate::geometry::{Point, Segment};
use svg::node::element::{Group, Path};

/// Farthest a label's box may be from the box of what it names without a leader line, page
/// millimetres.
pub const REACH: f64 = 4.0;
/// Farthest a label may be moved off with a leader line, page millimetres.
pub const LEADER_REACH: f64 = 40.0;
/// White space kept round a label's text, millimetres: its box is the text's box grown by it.
pub const PAD: f64 = 0.25;

/// A label's box for text `width` wide at `size`: the text's line box (ascender to
/// descender) and [`PAD`] all round.
pub fn text_box(width: f64, size: f64) -> (f64, f64) {
    (width + 2.0 * PAD, (ASCENT + DESCENT) * size + 2.0 * PAD)
}

/// What a box on the page is, for what may cover it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text: nothing may cover it.
    Label,
    /// A lamp, mark, performer, camera, prop or badge: nothing may cover it.
    Symbol,
    /// A piece of furniture: only room names must keep off it.
    Furniture,
}

/// How strictly a label keeps off furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// May cross furniture, at a cost.
    Avoid,
    /// Never on furniture (room names).
    Never,
}

/// A label placed on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    /// The label's box, [`PAD`] included, millimetres.
    pub rect: Rect,
    /// The box of what it names.
    pub anchor: Rect,
    /// A leader line from the anchor to the label, when it is further than [`REACH`].
    pub leader: Option<(Point, Point)>,
}

impl Label {
    /// Where the text starts and its baseline, for text at `size`.
    pub fn text_origin(&self, size: f64) -> Point {
        Point::new(self.rect.x + PAD, self.rect.y + PAD + ASCENT * size)
    }
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

    /// True if `hit` holds for an item whose cells the box touches. Items spanning several
    /// cells may be asked more than once: no list is built, so a crowded page (a thousand
    /// grips on one plan) costs a scan of the touched cells, not a sort of them per query.
    fn any_near(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        mut hit: impl FnMut(u32) -> bool,
    ) -> bool {
        let (c0, c1, r0, r1) = self.span(x0, y0, x1, y1);
        (r0..=r1)
            .any(|r| (c0..=c1).any(|c| self.cells[r * self.columns + c].iter().any(|&i| hit(i))))
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

/// Boxes and lines already on the page, and the labels that found no room.
#[derive(Debug, Clone)]
pub struct Placer {
    bounds: Rect,
    boxes: Vec<(Rect, Kind)>,
    box_grid: Grid,
    /// Walls: the segment and half its drawn width.
    walls: Vec<(Segment, f64)>,
    wall_grid: Grid,
    /// Routes and door swings: soft.
    lines: Vec<Segment>,
    line_grid: Grid,
    dropped: Vec<String>,
}

impl Placer {
    /// Labels must stay inside `bounds`.
    pub fn new(bounds: Rect) -> Placer {
        Placer {
            bounds,
            boxes: Vec::new(),
            box_grid: Grid::new(bounds),
            walls: Vec::new(),
            wall_grid: Grid::new(bounds),
            lines: Vec::new(),
            line_grid: Grid::new(bounds),
            dropped: Vec::new(),
        }
    }

    /// Something drawn that labels must not cover (or, for furniture, should not).
    pub fn block(&mut self, rect: Rect, kind: Kind) {
        self.box_grid.insert(
            self.boxes.len(),
            rect.x,
            rect.y,
            rect.right(),
            rect.bottom(),
        );
        self.boxes.push((rect, kind));
    }

    /// A symbol of `radius` around `p`.
    pub fn block_point(&mut self, p: Point, radius: f64) {
        self.block(
            Rect::new(p.x - radius, p.y - radius, 2.0 * radius, 2.0 * radius),
            Kind::Symbol,
        );
    }

    /// A wall drawn `width` wide: no label may touch it.
    pub fn block_wall(&mut self, a: Point, b: Point, width: f64) {
        let half = width / 2.0;
        self.wall_grid.insert(
            self.walls.len(),
            a.x.min(b.x) - half,
            a.y.min(b.y) - half,
            a.x.max(b.x) + half,
            a.y.max(b.y) + half,
        );
        self.walls.push((Segment::new(a, b), half));
    }

    /// A line drawn that labels should rather not sit on (routes, door swings).
    pub fn block_line(&mut self, a: Point, b: Point) {
        self.line_grid.insert(self.lines.len(), a.x, a.y, b.x, b.y);
        self.lines.push(Segment::new(a, b));
    }

    pub fn block_polyline(&mut self, points: &[Point]) {
        for w in points.windows(2) {
            self.block_line(w[0], w[1]);
        }
    }

    /// The labels that found no room, in the order they were asked for.
    pub fn dropped(&self) -> &[String] {
        &self.dropped
    }

    /// Records a label (or badge) left off the plan.
    pub fn drop_label(&mut self, text: String) {
        self.dropped.push(text);
    }

    /// True if `rect` may be drawn: inside the bounds, on no label, symbol or wall (nor
    /// furniture when `furniture` says never).
    pub fn is_free(&self, rect: &Rect, furniture: Furniture) -> bool {
        if !self.bounds.contains_rect(rect) {
            return false;
        }
        let hits_box = self
            .box_grid
            .any_near(rect.x, rect.y, rect.right(), rect.bottom(), |i| {
                let (other, kind) = self.boxes[i as usize];
                let hard = kind != Kind::Furniture || furniture == Furniture::Never;
                hard && other.overlap(rect) > 0.0
            });
        if hits_box {
            return false;
        }
        !self.hits_wall(rect)
    }

    fn hits_wall(&self, rect: &Rect) -> bool {
        self.wall_grid
            .any_near(rect.x, rect.y, rect.right(), rect.bottom(), |i| {
                let (wall, half) = self.walls[i as usize];
                crosses_rect(wall, &rect.grow(half))
            })
    }

    /// How much `rect` sits on soft things: lines through it, furniture under it.
    pub fn soft_cost(&self, rect: &Rect) -> f64 {
        let lines = self
            .line_grid
            .near(rect.x, rect.y, rect.right(), rect.bottom())
            .into_iter()
            .filter(|&i| crosses_rect(self.lines[i as usize], rect))
            .count() as f64;
        let furniture: f64 = self
            .box_grid
            .near(rect.x, rect.y, rect.right(), rect.bottom())
            .into_iter()
            .map(|i| self.boxes[i as usize])
            .filter(|(_, kind)| *kind == Kind::Furniture)
            .map(|(other, _)| other.overlap(rect))
            .sum();
        lines * 2.0 + furniture / rect.w.max(0.1) / rect.h.max(0.1) * 6.0
    }

    /// True if the straight line from `a` to `b` crosses a wall: a label there would read
    /// as naming something in the next room.
    fn wall_between(&self, a: Point, b: Point) -> bool {
        let line = Segment::new(a, b);
        self.wall_grid.any_near(a.x, a.y, b.x, b.y, |i| {
            self.walls[i as usize].0.intersection(line).is_some()
        })
    }

    /// A cost for a label on the far side of a wall from its anchor.
    fn across_wall(&self, anchor: Point, rect: &Rect) -> f64 {
        if self.wall_between(anchor, rect.centre()) {
            4.0
        } else {
            0.0
        }
    }

    /// True if a leader from `a` to `b` crosses no label.
    pub fn leader_is_clear(&self, a: Point, b: Point) -> bool {
        let line = Segment::new(a, b);
        !self.box_grid.any_near(a.x, a.y, b.x, b.y, |i| {
            let (other, kind) = self.boxes[i as usize];
            kind == Kind::Label && crosses_rect(line, &other)
        })
    }

    /// Places a `w` × `h` box (from [`text_box`]) naming the thing whose box is `anchor`:
    /// around it within [`REACH`], the spot with least on it winning; failing that, up to
    /// [`LEADER_REACH`] off with a leader line; failing that nowhere: `None`, and `text` is
    /// listed as dropped. A placed box is registered.
    pub fn place(
        &mut self,
        text: &str,
        anchor: Rect,
        w: f64,
        h: f64,
        furniture: Furniture,
    ) -> Option<Label> {
        let centre = anchor.centre();
        let mut best: Option<(f64, Rect)> = None;
        let near = [0.3, 1.2, 2.2, REACH - 0.5];
        for (ring, d) in near.iter().enumerate() {
            for rect in ring_spots(anchor, w, h, *d) {
                if rect.distance_to(&anchor) > REACH || !self.is_free(&rect, furniture) {
                    continue;
                }
                let cost = self.soft_cost(&rect)
                    + ring as f64 * 0.6
                    + side_preference(&rect, centre)
                    + self.across_wall(centre, &rect);
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, rect));
                }
            }
            if best.is_some_and(|(c, _)| c < ring as f64 * 0.6 + 0.5) {
                break;
            }
        }
        if let Some((_, rect)) = best {
            self.block(rect, Kind::Label);
            return Some(Label {
                rect,
                anchor,
                leader: None,
            });
        }
        let mut d = REACH + 1.0;
        while d <= LEADER_REACH {
            let mut best: Option<(f64, Rect, Point, Point)> = None;
            for rect in ring_spots(anchor, w, h, d) {
                if !self.is_free(&rect, furniture) {
                    continue;
                }
                let (from, to) = leader_ends(anchor, &rect);
                if !self.leader_is_clear(from, to) {
                    continue;
                }
                let cost = self.soft_cost(&rect)
                    + side_preference(&rect, centre)
                    + self.across_wall(centre, &rect);
                if best.as_ref().is_none_or(|(c, ..)| cost < *c) {
                    best = Some((cost, rect, from, to));
                }
            }
            if let Some((_, rect, from, to)) = best {
                self.block(rect, Kind::Label);
                return Some(Label {
                    rect,
                    anchor,
                    leader: Some((from, to)),
                });
            }
            d += 2.5;
        }
        self.dropped.push(text.to_string());
        None
    }

    /// Places a `w` × `h` box inside `within`, as near its `centre` as it is free, never on
    /// furniture (room names); `None` when nothing inside is free (nothing is recorded, so
    /// the caller can try a smaller size).
    pub fn try_within(&mut self, centre: Point, w: f64, h: f64, within: Rect) -> Option<Label> {
        let mut best: Option<(f64, Rect)> = None;
        let step_x = (w * 0.25).max(1.0);
        let step_y = (h * 0.5).max(0.5);
        let steps_x = ((within.w / 2.0) / step_x).ceil().min(12.0) as i32;
        let steps_y = ((within.h / 2.0) / step_y).ceil().min(16.0) as i32;
        for j in -steps_y..=steps_y {
            for i in -steps_x..=steps_x {
                let c = Point::new(
                    centre.x + f64::from(i) * step_x,
                    centre.y + f64::from(j) * step_y,
                );
                let rect = Rect::new(c.x - w / 2.0, c.y - h / 2.0, w, h);
                if !within.contains_rect(&rect) || !self.is_free(&rect, Furniture::Never) {
                    continue;
                }
                let cost = self.soft_cost(&rect) * 0.5 + c.distance(centre) * 0.2;
                if best.is_none_or(|(b, _)| cost < b) {
                    best = Some((cost, rect));
                }
            }
        }
        let (_, rect) = best?;
        self.block(rect, Kind::Label);
        Some(Label {
            rect,
            anchor: within,
            leader: None,
        })
    }

    /// Takes `rect` for a label the caller chose itself, if it is free.
    pub fn take(&mut self, rect: Rect, anchor: Rect, furniture: Furniture) -> Option<Label> {
        if !self.is_free(&rect, furniture) {
            return None;
        }
        self.block(rect, Kind::Label);
        Some(Label {
            rect,
            anchor,
            leader: None,
        })
    }
}

/// A label waiting for its spot: what it says, what it names, how it is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub text: String,
    /// The box of what it names, page millimetres.
    pub anchor: Rect,
    pub size: f64,
    pub bold: bool,
    pub colour: String,
    /// Extra CSS classes (`italic`).
    pub class: &'static str,
}

impl Pending {
    pub fn new(text: String, anchor: Rect, size: f64, colour: &str) -> Pending {
        Pending {
            text,
            anchor,
            size,
            bold: false,
            colour: colour.to_string(),
            class: "",
        }
    }

    pub fn bold(mut self) -> Pending {
        self.bold = true;
        self
    }

    pub fn class(mut self, class: &'static str) -> Pending {
        self.class = class;
        self
    }

    /// Places the label and draws it, or drops it (listed by the placer).
    pub fn place(&self, placer: &mut Placer) -> Option<Group> {
        let (w, h) = text_box(text_width(&self.text, self.size, self.bold), self.size);
        let label = placer.place(&self.text, self.anchor, w, h, Furniture::Avoid)?;
        Some(self.draw(&label))
    }

    /// The label set in its box with a white halo, and its leader line if it has one.
    pub fn draw(&self, label: &Label) -> Group {
        let origin = label.text_origin(self.size);
        let mut class = String::from("halo");
        if self.bold {
            class.push_str(" bold");
        }
        if !self.class.is_empty() {
            class.push(' ');
            class.push_str(self.class);
        }
        let a = label.anchor;
        let mut text = style::text(&self.text, origin.x, origin.y, self.size)
            .set("class", class)
            .set("fill", self.colour.clone())
            .set(
                "data-anchor",
                format!("{} {} {} {}", n(a.x), n(a.y), n(a.w), n(a.h)),
            );
        let mut group = Group::new();
        if let Some((from, to)) = label.leader {
            text = text.set(
                "data-leader",
                format!("{} {} {} {}", n(from.x), n(from.y), n(to.x), n(to.y)),
            );
            group = group.add(
                Path::new()
                    .set("class", "leader")
                    .set("d", PathData::new().move_to(from).line_to(to).into_string())
                    .set("stroke", self.colour.clone()),
            );
        }
        group.add(text)
    }
}

/// Right of the anchor reads first, then left, then above and below.
fn side_preference(rect: &Rect, anchor: Point) -> f64 {
    let c = rect.centre();
    if c.x > anchor.x + 0.1 {
        0.0
    } else if c.x < anchor.x - 0.1 {
        0.1
    } else {
        0.2
    }
}

/// Sixteen boxes of `w` × `h` round `anchor`, about `d` clear of it.
fn ring_spots(anchor: Rect, w: f64, h: f64, d: f64) -> impl Iterator<Item = Rect> {
    let c = anchor.centre();
    (0..16).map(move |k| {
        let a = k as f64 * std::f64::consts::PI / 8.0;
        let (cos, sin) = (a.cos(), a.sin());
        // Push the box out along the direction until it clears the anchor box by `d`.
        let x = c.x + cos * (anchor.w / 2.0 + d + w / 2.0);
        let y = c.y + sin * (anchor.h / 2.0 + d + h / 2.0);
        Rect::new(x - w / 2.0, y - h / 2.0, w, h)
    })
}

/// A leader's ends: the nearest points of the anchor's box and of the label's box.
fn leader_ends(anchor: Rect, label: &Rect) -> (Point, Point) {
    let to = label.nearest(anchor.centre());
    let from = anchor.nearest(to);
    (from, to)
}

/// True if the segment passes through the box (touching its edge counts).
pub fn crosses_rect(s: Segment, r: &Rect) -> bool {
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

    fn point(x: f64, y: f64) -> Rect {
        Rect::new(x, y, 0.0, 0.0)
    }

    #[test]
    fn labels_never_overlap_and_stay_near() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 100.0, 100.0));
        let mut placed = Vec::new();
        for _ in 0..12 {
            if let Some(l) = placer.place("x", point(50.0, 50.0), 10.0, 3.0, Furniture::Avoid) {
                placed.push(l);
            }
        }
        assert!(placed.len() >= 4, "{} placed", placed.len());
        assert_eq!(placed.len() + placer.dropped().len(), 12);
        for (i, a) in placed.iter().enumerate() {
            assert!(a.leader.is_some() || a.rect.distance_to(&a.anchor) <= REACH);
            for b in &placed[i + 1..] {
                assert_eq!(a.rect.overlap(&b.rect), 0.0);
            }
        }
    }

    #[test]
    fn a_label_with_no_room_is_dropped_and_listed() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 12.0, 12.0));
        placer.block(Rect::new(0.0, 0.0, 12.0, 12.0), Kind::Symbol);
        assert!(
            placer
                .place("Lamp", point(6.0, 6.0), 4.0, 2.0, Furniture::Avoid)
                .is_none()
        );
        assert_eq!(placer.dropped(), ["Lamp"]);
    }

    #[test]
    fn labels_keep_off_walls_and_far_ones_get_a_leader() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 100.0, 100.0));
        // A box of walls 8 mm round the anchor: the label must leave it, with a leader.
        let (a, b, c, d) = (
            Point::new(42.0, 42.0),
            Point::new(58.0, 42.0),
            Point::new(58.0, 58.0),
            Point::new(42.0, 58.0),
        );
        for (p, q) in [(a, b), (b, c), (c, d), (d, a)] {
            placer.block_wall(p, q, 1.0);
        }
        placer.block(Rect::new(44.0, 44.0, 12.0, 12.0), Kind::Symbol);
        let label = placer.place("x", point(50.0, 50.0), 6.0, 3.0, Furniture::Avoid);
        assert!(label.is_some_and(|l| l.leader.is_some()));
        // The leader may cross the wall, the label may not.
        let l = label.unwrap_or_else(|| unreachable!());
        assert!(!placer.hits_wall(&l.rect));
    }

    #[test]
    fn room_names_keep_off_furniture() {
        let mut placer = Placer::new(Rect::new(0.0, 0.0, 100.0, 100.0));
        placer.block(Rect::new(40.0, 45.0, 20.0, 10.0), Kind::Furniture);
        let within = Rect::new(20.0, 20.0, 60.0, 60.0);
        let name = placer.try_within(Point::new(50.0, 50.0), 16.0, 4.0, within);
        let name = name.unwrap_or_else(|| unreachable!());
        assert_eq!(name.rect.overlap(&Rect::new(40.0, 45.0, 20.0, 10.0)), 0.0);
        // Other labels may cross furniture when nothing better is near.
        assert!(placer.is_free(&Rect::new(41.0, 46.0, 5.0, 2.0), Furniture::Avoid));
    }

    #[test]
    fn the_grid_finds_what_a_scan_of_everything_finds() {
        let mut seed = 0x9e3779b97f4a7c15u64;
        let mut next = move |scale: f64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 100_000) as f64 / 100_000.0 * scale
        };
        let bounds = Rect::new(10.0, 10.0, 200.0, 120.0);
        let mut placer = Placer::new(bounds);
        for _ in 0..400 {
            let rect = Rect::new(
                next(240.0) - 10.0,
                next(160.0) - 10.0,
                next(12.0),
                next(4.0),
            );
            placer.block(rect, Kind::Symbol);
            let a = Point::new(next(240.0) - 10.0, next(160.0) - 10.0);
            let b = a + Point::new(next(60.0) - 30.0, next(20.0) - 10.0);
            placer.block_wall(a, b, 0.8);
        }
        for _ in 0..400 {
            let rect = Rect::new(
                next(240.0) - 10.0,
                next(160.0) - 10.0,
                next(20.0),
                next(5.0),
            );
            let scan = bounds.contains_rect(&rect)
                && !placer.boxes.iter().any(|(b, _)| b.overlap(&rect) > 0.0)
                && !placer
                    .walls
                    .iter()
                    .any(|(w, half)| crosses_rect(*w, &rect.grow(*half)));
            assert_eq!(placer.is_free(&rect, Furniture::Avoid), scan);
        }
    }
}
