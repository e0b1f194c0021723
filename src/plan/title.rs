//! The title block: rows of text, legend entries and a scale bar, flowed into one column
//! beside the plan or three under it. Rows that do not fit are never cut: the caller grows
//! the block or continues it on a following sheet ([`flow`] says where it stops).

use super::key::{Icon, draw_icon};
use super::page::{Frame, PathData, Rect};
use super::style::{self, n, text, wrap, wrap_weight};
use crate::geometry::Point;
use svg::node::element::{Group, Path, Rectangle, Title};

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Title(String),
    Subtitle(String),
    Heading(String),
    Text(String),
    Small(String),
    /// A time and what happens then, the time in its own column.
    Event(String, String),
    Key(Icon, String),
    /// A scale bar for the plan's frame, the north arrow, and the camera side arrow when the
    /// camera has one (the direction it looks into the set, radians on the plan).
    Scale(Option<f64>),
    Gap(f64),
}

const LINE: f64 = 1.38;
/// Lead between the lines of a title that wraps: the bold face's boxes are about 1.2 em tall,
/// so anything tighter sets the second line's ascenders into the first line's descenders.
const TITLE_LEAD: f64 = 1.3;

impl Row {
    /// The lines of text this row takes in a column `width` wide, and its height.
    fn layout(&self, width: f64) -> (Vec<String>, f64) {
        let lines = |t: &str, size: f64, w: f64| wrap(t, size, w);
        let bold = |t: &str, size: f64, w: f64| wrap_weight(t, size, w, true);
        match self {
            Row::Title(t) => {
                let l = bold(t, style::TITLE_SIZE, width);
                let more = l.len().saturating_sub(1) as f64;
                let h = style::TITLE_SIZE * (1.15 + more * TITLE_LEAD) + 1.0;
                (l, h)
            }
            Row::Subtitle(t) => {
                let l = bold(t, style::HEADING_SIZE + 0.4, width);
                let h = l.len() as f64 * (style::HEADING_SIZE + 0.4) * LINE + 0.6;
                (l, h)
            }
            Row::Heading(t) => (vec![t.clone()], style::HEADING_SIZE * 1.9),
            Row::Text(t) => {
                let l = lines(t, style::BODY_SIZE, width);
                let h = l.len() as f64 * style::BODY_SIZE * LINE;
                (l, h)
            }
            Row::Small(t) => {
                let l = lines(t, style::SMALL_SIZE, width);
                let h = l.len() as f64 * style::SMALL_SIZE * LINE;
                (l, h)
            }
            Row::Event(_, t) => {
                let l = lines(t, style::SMALL_SIZE, width - EVENT_TIME_W);
                let h = l.len() as f64 * style::SMALL_SIZE * LINE;
                (l, h)
            }
            Row::Key(icon, t) => {
                let l = lines(t, style::SMALL_SIZE, width - KEY_ICON_W);
                let least = if *icon == Icon::Door { 4.2 } else { 3.6 };
                let h = (l.len() as f64 * style::SMALL_SIZE * LINE).max(least);
                (l, h)
            }
            Row::Scale(_) => (Vec::new(), 9.0),
            Row::Gap(h) => (Vec::new(), *h),
        }
    }
}

const EVENT_TIME_W: f64 = 10.0;
const KEY_ICON_W: f64 = 10.0;

/// Most lines one text row takes before it is split into several rows, so a long note can
/// run on into the next column or sheet instead of being cut.
const MAX_LINES: usize = 10;

/// `rows` with every text row of more than [`MAX_LINES`] lines (at `width`) split into rows
/// of at most that many, nothing left out.
pub fn split_long(rows: Vec<Row>, width: f64) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let lines = match &row {
            Row::Small(t) => wrap(t, style::SMALL_SIZE, width),
            Row::Text(t) => wrap(t, style::BODY_SIZE, width),
            _ => {
                out.push(row);
                continue;
            }
        };
        if lines.len() <= MAX_LINES {
            out.push(row);
            continue;
        }
        for chunk in lines.chunks(MAX_LINES) {
            let text = chunk.join(" ");
            out.push(match row {
                Row::Text(_) => Row::Text(text),
                _ => Row::Small(text),
            });
        }
    }
    out
}

/// Where each row goes (its index, its column and its top), and the index of the first row
/// that did not fit: `rows.len()` when all did. The last column keeps a line free for the
/// "continued" note.
pub fn flow(rows: &[Row], columns: &[Rect]) -> (Vec<(usize, usize, f64)>, usize) {
    let mut placed = Vec::new();
    let mut column = 0;
    let Some(first) = columns.first() else {
        return (placed, 0);
    };
    let mut y = first.y;
    let more = style::SMALL_SIZE * LINE;
    let mut i = 0;
    while i < rows.len() {
        let Some(col) = columns.get(column) else {
            return (placed, i);
        };
        let (_, h) = rows[i].layout(col.w);
        // A heading keeps to the row after it.
        let need = match (&rows[i], rows.get(i + 1)) {
            (Row::Heading(_), Some(next)) => h + next.layout(col.w).1,
            _ => h,
        };
        let last_column = column + 1 == columns.len();
        let room = col.bottom() - y - if last_column { more } else { 0.0 };
        let at_top = y <= col.y + 0.1;
        if need > room && !(matches!(rows[i], Row::Gap(_)) && need <= col.bottom() - y) {
            // A row taller than a whole column goes in anyway, at the top of one.
            if !(at_top && need > col.h - more) {
                column += 1;
                if let Some(next) = columns.get(column) {
                    y = next.y;
                }
                continue;
            }
        }
        if matches!(rows[i], Row::Gap(_)) && at_top {
            i += 1;
            continue;
        }
        placed.push((i, column, y));
        y += h;
        i += 1;
    }
    (placed, rows.len())
}

/// Draws the rows [`flow`] fits into `columns`; `frame` gives the scale bar its scale. When
/// some do not fit, `continued` (say, "Continued on plan-2.svg") ends the last column.
pub fn block(rows: &[Row], columns: &[Rect], frame: &Frame, continued: Option<&str>) -> Group {
    let mut group = Group::new().set("class", "title-block");
    let (placed, cut) = flow(rows, columns);
    for &(i, column, y) in &placed {
        let col = columns[column];
        let (lines, _) = rows[i].layout(col.w);
        group = group.add(draw(&rows[i], &lines, col, y, frame));
    }
    if let (true, Some(note), Some(col)) = (cut < rows.len(), continued, columns.last()) {
        let y = col.bottom() - style::SMALL_SIZE * 0.4;
        group = group.add(
            text(note, col.x, y, style::SMALL_SIZE)
                .set("class", "bold")
                .set("fill", style::MUTED),
        );
    }
    group
}

fn draw(row: &Row, lines: &[String], col: Rect, y: f64, frame: &Frame) -> Group {
    let mut g = Group::new();
    let set = |g: Group, size: f64, x: f64, y0: f64, lead: f64, fill: &str, class: &str| {
        lines.iter().enumerate().fold(g, |g, (k, l)| {
            let mut t = text(l, x, y0 + size * 0.85 + k as f64 * size * lead, size)
                .set("fill", fill.to_string());
            if !class.is_empty() {
                t = t.set("class", class.to_string());
            }
            g.add(t)
        })
    };
    match row {
        Row::Title(_) => set(
            g,
            style::TITLE_SIZE,
            col.x,
            y,
            TITLE_LEAD,
            style::WALL,
            "bold",
        ),
        Row::Subtitle(_) => set(
            g,
            style::HEADING_SIZE + 0.4,
            col.x,
            y,
            LINE,
            style::INK,
            "bold",
        ),
        Row::Heading(t) => {
            let size = style::HEADING_SIZE * 0.8;
            g = g.add(
                Path::new()
                    .set(
                        "d",
                        PathData::new()
                            .move_to(Point::new(col.x, y + 1.0))
                            .line_to(Point::new(col.right(), y + 1.0))
                            .into_string(),
                    )
                    .set("stroke", style::FAINT)
                    .set("stroke-width", "0.25"),
            );
            g.add(
                text(&t.to_uppercase(), col.x, y + 1.6 + size, size)
                    .set("class", "bold")
                    .set("letter-spacing", "0.35")
                    .set("fill", style::MUTED),
            )
        }
        Row::Text(_) => set(g, style::BODY_SIZE, col.x, y, LINE, style::INK, ""),
        Row::Small(_) => set(g, style::SMALL_SIZE, col.x, y, LINE, style::MUTED, ""),
        Row::Event(time, _) => {
            g = g.add(
                text(time, col.x, y + style::SMALL_SIZE * 0.85, style::SMALL_SIZE)
                    .set("class", "bold")
                    .set("fill", style::INK),
            );
            set(
                g,
                style::SMALL_SIZE,
                col.x + EVENT_TIME_W,
                y,
                LINE,
                style::INK,
                "",
            )
        }
        Row::Key(icon, _) => {
            let mid = Point::new(col.x + 3.8, y + 1.5);
            g = g.add(draw_icon(icon, mid));
            set(
                g,
                style::SMALL_SIZE,
                col.x + KEY_ICON_W,
                y,
                LINE,
                style::INK,
                "",
            )
        }
        Row::Scale(side) => g.add(scale_bar(frame, col, y, *side)),
        Row::Gap(_) => g,
    }
}

/// A bar of whole metres (1, 2, 5, 10 … whichever fits), alternately filled.
fn scale_bar(frame: &Frame, col: Rect, y: f64, camera_side: Option<f64>) -> Group {
    // Room at the right for the scale's ratio and the arrows.
    let arrows = if camera_side.is_some() { 24.0 } else { 14.0 };
    let max_w = (col.w - arrows).min(60.0);
    let metres = [20.0, 10.0, 5.0, 4.0, 2.0, 1.0, 0.5]
        .into_iter()
        .find(|m| m * frame.scale <= max_w)
        .unwrap_or(0.5);
    let parts = if metres >= 10.0 {
        5
    } else if metres > 2.0 {
        metres as usize
    } else {
        (metres * 2.0) as usize
    };
    let part = metres / parts as f64 * frame.scale;
    let (x, top, h) = (col.x, y + 1.5, 1.6);
    let mut g = Group::new();
    for k in 0..parts {
        g = g.add(
            Rectangle::new()
                .set("x", n(x + k as f64 * part))
                .set("y", n(top))
                .set("width", n(part))
                .set("height", n(h))
                .set(
                    "fill",
                    if k % 2 == 0 {
                        style::WALL
                    } else {
                        style::PAPER
                    },
                )
                .set("stroke", style::WALL)
                .set("stroke-width", "0.25"),
        );
    }
    let size = style::SMALL_SIZE;
    let end = x + part * parts as f64;
    g.add(text("0", x, top + h + size * 1.2, size).set("fill", style::INK))
        .add(
            text(
                &format!("{} m", crate::escape::number(metres, 1)),
                end,
                top + h + size * 1.2,
                size,
            )
            .set("text-anchor", "middle")
            .set("fill", style::INK),
        )
        .add(
            text(
                &format!(
                    "1:{}",
                    crate::escape::number((1000.0 / frame.scale).round(), 0)
                ),
                end + 4.0,
                top + h,
                size,
            )
            .set("fill", style::MUTED),
        )
        .add(north_arrow(Point::new(col.right() - 3.0, y)))
        .add(camera_side.map_or_else(Group::new, |angle| {
            camera_arrow(Point::new(col.right() - 10.0, y), angle)
        }))
}

/// The camera side: an arrow pointing the way the camera looks into the set, from the side it
/// works from, under the word CAM (beside the north arrow, the same size).
fn camera_arrow(at: Point, angle: f64) -> Group {
    let c = Point::new(at.x, at.y + 5.8);
    let (dx, dy) = (angle.cos(), angle.sin());
    let along = |k: f64, side: f64| Point::new(c.x + dx * k - dy * side, c.y + dy * k + dx * side);
    let head = PathData::new()
        .move_to(along(1.8, 0.0))
        .line_to(along(0.4, 1.1))
        .line_to(along(0.7, 0.0))
        .line_to(along(0.4, -1.1))
        .close();
    Group::new()
        .set("class", "camera-side")
        .add(Title::new(format!(
            "Camera side: the camera looks {} into the set",
            super::camera_side::compass(angle)
        )))
        .add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .move_to(along(-1.8, 0.0))
                        .line_to(along(0.7, 0.0))
                        .into_string(),
                )
                .set("stroke", style::WALL)
                .set("stroke-width", "0.3"),
        )
        .add(
            Path::new()
                .set("d", head.into_string())
                .set("fill", style::SEEN),
        )
        .add(
            text("CAM", at.x, at.y + 2.6, style::SMALL_SIZE)
                .set("class", "bold")
                .set("text-anchor", "middle")
                .set("fill", style::WALL),
        )
}

/// Plan north: up the page, smaller y in the scene (docs/format.md), as an arrow with an N.
fn north_arrow(at: Point) -> Group {
    let (x, y) = (at.x, at.y);
    let head = PathData::new()
        .move_to(Point::new(x, y + 3.0))
        .line_to(Point::new(x + 1.3, y + 5.6))
        .line_to(Point::new(x, y + 5.0))
        .line_to(Point::new(x - 1.3, y + 5.6))
        .close();
    Group::new()
        .set("class", "north")
        .add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .move_to(Point::new(x, y + 5.0))
                        .line_to(Point::new(x, y + 8.6))
                        .into_string(),
                )
                .set("stroke", style::WALL)
                .set("stroke-width", "0.3"),
        )
        .add(
            Path::new()
                .set("d", head.into_string())
                .set("fill", style::WALL),
        )
        .add(
            text("N", x, y + 2.6, style::SMALL_SIZE)
                .set("class", "bold")
                .set("text-anchor", "middle")
                .set("fill", style::WALL),
        )
}
