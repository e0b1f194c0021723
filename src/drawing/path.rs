//! SVG path data built from points with fixed precision: the one path builder of every
//! picture.

use super::n;
use crate::geometry::Point;

/// Path data (`d`), written as it is built: `M1 2 L3 4.5 Z`.
#[derive(Debug, Default, Clone)]
pub struct PathData(String);

impl PathData {
    pub fn new() -> PathData {
        PathData(String::new())
    }

    fn push(&mut self, command: char, p: Point) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push(command);
        self.0.push_str(&n(p.x));
        self.0.push(' ');
        self.0.push_str(&n(p.y));
    }

    pub fn move_to(mut self, p: Point) -> PathData {
        self.push('M', p);
        self
    }

    pub fn line_to(mut self, p: Point) -> PathData {
        self.push('L', p);
        self
    }

    /// A circular arc of `radius` to `p`, sweeping clockwise on the page when `clockwise`.
    pub fn arc_to(mut self, radius: f64, clockwise: bool, p: Point) -> PathData {
        self.0.push_str(&format!(
            " A{} {} 0 0 {} {} {}",
            n(radius),
            n(radius),
            u8::from(clockwise),
            n(p.x),
            n(p.y)
        ));
        self
    }

    /// An S-bend from `from` (the current point) to `p` that leaves and arrives level: the
    /// timeline chart's line changing bands.
    pub fn bend_to(mut self, from: Point, p: Point) -> PathData {
        let mid = (from.x + p.x) / 2.0;
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(&format!(
            "C{} {} {} {} {} {}",
            n(mid),
            n(from.y),
            n(mid),
            n(p.y),
            n(p.x),
            n(p.y)
        ));
        self
    }

    pub fn close(mut self) -> PathData {
        self.0.push_str(" Z");
        self
    }

    /// A polyline (or polygon when `closed`) through `points`.
    pub fn polyline(mut self, points: &[Point], closed: bool) -> PathData {
        for (i, &p) in points.iter().enumerate() {
            self = if i == 0 {
                self.move_to(p)
            } else {
                self.line_to(p)
            };
        }
        if closed && points.len() > 2 {
            self = self.close();
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_data_is_fixed_precision() {
        let d = PathData::new()
            .move_to(Point::new(1.0 / 3.0, 2.0))
            .line_to(Point::new(-0.0001, 5.5))
            .close();
        assert_eq!(d.into_string(), "M0.33 2 L0 5.5 Z");
    }

    #[test]
    fn bends_leave_and_arrive_level() {
        let d = PathData::new()
            .move_to(Point::new(0.0, 10.0))
            .bend_to(Point::new(0.0, 10.0), Point::new(8.0, 20.0));
        assert_eq!(d.into_string(), "M0 10 C4 10 4 20 8 20");
    }
}
