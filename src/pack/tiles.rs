//! Tiling a drawing that does not fit the sheet at its scale: a grid of overlapping windows,
//! each printed on its own page, with what joins what so the pages can be taped together.

/// The strip two neighbouring tiles share, millimetres: enough to trim one sheet and tape it
/// over the next along the registration marks.
pub const OVERLAP_MM: f64 = 12.0;

/// One page of a tiled drawing: the window of the drawing it shows, millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tile {
    pub row: usize,
    pub column: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Where a neighbouring tile lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    Above,
    Below,
}

impl Side {
    pub fn words(self) -> &'static str {
        match self {
            Side::Left => "on the left",
            Side::Right => "on the right",
            Side::Above => "above",
            Side::Below => "below",
        }
    }
}

/// A drawing of `drawing` (w, h) mm cut into windows of at most `window` (w, h) mm that
/// overlap by [`OVERLAP_MM`], row by row from the top left. One tile when it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct Tiling {
    pub rows: usize,
    pub columns: usize,
    pub tiles: Vec<Tile>,
}

fn count(length: f64, window: f64) -> usize {
    if length <= window + 1e-6 {
        return 1;
    }
    let step = (window - OVERLAP_MM).max(1.0);
    (((length - window) / step).ceil() as usize + 1).min(1_000)
}

impl Tiling {
    pub fn new(drawing: (f64, f64), window: (f64, f64)) -> Tiling {
        let (columns, rows) = (count(drawing.0, window.0), count(drawing.1, window.1));
        // Spread the windows evenly, so the last one is not a sliver.
        let step = |length: f64, n: usize, window: f64| {
            if n <= 1 {
                0.0
            } else {
                (length - window) / (n - 1) as f64
            }
        };
        let (sx, sy) = (
            step(drawing.0, columns, window.0),
            step(drawing.1, rows, window.1),
        );
        let mut tiles = Vec::with_capacity(rows * columns);
        for row in 0..rows {
            for column in 0..columns {
                tiles.push(Tile {
                    row,
                    column,
                    x: column as f64 * sx,
                    y: row as f64 * sy,
                    w: window.0.min(drawing.0),
                    h: window.1.min(drawing.1),
                });
            }
        }
        Tiling {
            rows,
            columns,
            tiles,
        }
    }

    pub fn len(&self) -> usize {
        self.tiles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tiles.is_empty()
    }

    /// The neighbours of tile `index` (an index into `tiles`), with the side they lie on.
    pub fn neighbours(&self, index: usize) -> Vec<(Side, usize)> {
        let Some(tile) = self.tiles.get(index) else {
            return Vec::new();
        };
        let at = |row: usize, column: usize| row * self.columns + column;
        let mut out = Vec::new();
        if tile.column > 0 {
            out.push((Side::Left, at(tile.row, tile.column - 1)));
        }
        if tile.column + 1 < self.columns {
            out.push((Side::Right, at(tile.row, tile.column + 1)));
        }
        if tile.row > 0 {
            out.push((Side::Above, at(tile.row - 1, tile.column)));
        }
        if tile.row + 1 < self.rows {
            out.push((Side::Below, at(tile.row + 1, tile.column)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_that_fits_is_one_tile() {
        let t = Tiling::new((297.0, 210.0), (297.0, 210.0));
        assert_eq!((t.rows, t.columns), (1, 1));
        assert_eq!(t.tiles[0].x, 0.0);
        assert!(t.neighbours(0).is_empty());
    }

    #[test]
    fn a_drawing_a_little_too_wide_is_two_overlapping_tiles() {
        let t = Tiling::new((300.0, 150.0), (270.0, 180.0));
        assert_eq!((t.rows, t.columns), (1, 2));
        let (a, b) = (t.tiles[0], t.tiles[1]);
        assert_eq!(a.x, 0.0);
        assert!(
            (b.x + b.w - 300.0).abs() < 1e-9,
            "the last tile reaches the edge"
        );
        assert!(a.x + a.w - b.x >= OVERLAP_MM, "they overlap");
        assert_eq!(t.neighbours(1), vec![(Side::Left, 0)]);
    }

    #[test]
    fn every_point_of_a_big_drawing_is_on_some_tile() {
        let drawing = (1130.0, 777.0);
        let t = Tiling::new(drawing, (250.0, 170.0));
        assert_eq!(t.len(), t.rows * t.columns);
        for i in 0..=113 {
            for j in 0..=77 {
                let (x, y) = (i as f64 * 10.0, j as f64 * 10.0);
                assert!(
                    t.tiles.iter().any(|k| x >= k.x - 1e-9
                        && x <= k.x + k.w + 1e-9
                        && y >= k.y - 1e-9
                        && y <= k.y + k.h + 1e-9),
                    "({x}, {y}) on no tile"
                );
            }
        }
        // Neighbours overlap by at least the overlap strip.
        for (i, tile) in t.tiles.iter().enumerate() {
            for (side, j) in t.neighbours(i) {
                let other = t.tiles[j];
                let shared = match side {
                    Side::Left => other.x + other.w - tile.x,
                    Side::Right => tile.x + tile.w - other.x,
                    Side::Above => other.y + other.h - tile.y,
                    Side::Below => tile.y + tile.h - other.y,
                };
                assert!(shared >= OVERLAP_MM - 1e-9, "{i} and {j} share {shared} mm");
            }
        }
    }

    #[test]
    fn a_degenerate_window_never_loops_forever() {
        let t = Tiling::new((1e9, 10.0), (5.0, 20.0));
        assert!(t.columns <= 1_000);
    }
}
