//! The symbols of the key: each a small drawing, about 7 × 3 mm, that matches how the plan
//! draws the thing it stands for.

use super::floor::lamp;
use super::page::PathData;
use super::style::{self, n, text};
use crate::geometry::Point;
use svg::node::element::{Group, Path, Rectangle};

/// A symbol in the key.
#[derive(Debug, Clone, PartialEq)]
pub enum Icon {
    /// A route line: colour, dash pattern (page millimetres), width.
    Route(String, Option<&'static [f64]>, f64),
    Wall,
    WildWall,
    Door,
    Opening,
    Window,
    Furniture,
    TallFurniture,
    Lamp,
    Mark,
    Prop,
    /// A numbered stop badge in this colour.
    Stop(String),
    /// A disc with a letter, in this colour.
    Person(String),
    Camera(String),
    /// The camera's view (tint).
    Seen,
}

fn line(a: Point, b: Point) -> PathData {
    PathData::new().move_to(a).line_to(b)
}

fn stroke(d: PathData, colour: &str, width: f64) -> Path {
    Path::new()
        .set("d", d.into_string())
        .set("fill", "none")
        .set("stroke", colour.to_string())
        .set("stroke-width", n(width))
}

/// A key symbol centred on `m`, about 7 × 3 mm.
pub fn draw_icon(icon: &Icon, m: Point) -> Group {
    let (l, r) = (Point::new(m.x - 3.5, m.y), Point::new(m.x + 3.5, m.y));
    let g = Group::new();
    let rect = |fill: &str| {
        Rectangle::new()
            .set("x", n(m.x - 3.0))
            .set("y", n(m.y - 1.3))
            .set("width", "6")
            .set("height", "2.6")
            .set("fill", fill.to_string())
            .set("stroke", style::FURNITURE_EDGE)
            .set("stroke-width", "0.25")
    };
    match icon {
        Icon::Route(colour, dashes, width) => {
            let mut p = stroke(line(l, r), colour, *width).set("stroke-linecap", "round");
            if let Some(d) = dashes {
                p = p.set(
                    "stroke-dasharray",
                    d.iter().map(|v| n(*v)).collect::<Vec<_>>().join(" "),
                );
            }
            let head = PathData::new()
                .move_to(Point::new(r.x + 0.6, r.y))
                .line_to(Point::new(r.x - 0.8, r.y - 0.9))
                .line_to(Point::new(r.x - 0.8, r.y + 0.9))
                .close();
            g.add(p).add(
                Path::new()
                    .set("d", head.into_string())
                    .set("fill", colour.clone()),
            )
        }
        Icon::Wall => g.add(stroke(line(l, r), style::WALL, style::WALL_WIDTH)),
        Icon::WildWall => g.add(
            stroke(line(l, r), style::WALL, style::WALL_WIDTH).set("stroke-dasharray", "2.4 1.3"),
        ),
        Icon::Door => {
            let hinge = Point::new(m.x - 1.6, m.y + 1.1);
            let strike = Point::new(m.x + 1.0, m.y + 1.1);
            let tip = Point::new(m.x - 1.6, m.y - 1.5);
            g.add(stroke(
                line(Point::new(m.x - 3.5, hinge.y), hinge),
                style::WALL,
                style::WALL_WIDTH,
            ))
            .add(stroke(
                line(strike, Point::new(m.x + 3.5, strike.y)),
                style::WALL,
                style::WALL_WIDTH,
            ))
            .add(stroke(line(hinge, tip), style::INK, 0.45))
            .add(
                stroke(
                    PathData::new().move_to(tip).arc_to(2.6, true, strike),
                    style::MUTED,
                    0.22,
                )
                .set("stroke-dasharray", "0.8 0.6"),
            )
        }
        Icon::Opening => g
            .add(stroke(
                line(l, Point::new(m.x - 1.2, m.y)),
                style::WALL,
                style::WALL_WIDTH,
            ))
            .add(stroke(
                line(Point::new(m.x + 1.2, m.y), r),
                style::WALL,
                style::WALL_WIDTH,
            )),
        Icon::Window => g
            .add(stroke(
                line(l, Point::new(m.x - 1.6, m.y)),
                style::WALL,
                style::WALL_WIDTH,
            ))
            .add(stroke(
                line(Point::new(m.x + 1.6, m.y), r),
                style::WALL,
                style::WALL_WIDTH,
            ))
            .add(
                Rectangle::new()
                    .set("x", n(m.x - 1.6))
                    .set("y", n(m.y - 0.6))
                    .set("width", "3.2")
                    .set("height", "1.2")
                    .set("fill", style::PAPER)
                    .set("stroke", style::INK)
                    .set("stroke-width", "0.25"),
            )
            .add(stroke(
                line(Point::new(m.x - 1.6, m.y), Point::new(m.x + 1.6, m.y)),
                style::INK,
                0.2,
            )),
        Icon::Furniture => g.add(rect(style::FURNITURE)),
        Icon::TallFurniture => g.add(rect(style::FURNITURE_TALL)),
        Icon::Lamp => g.add(lamp(m, 1.3, 0.3)),
        Icon::Mark => {
            let k = 0.9;
            g.add(stroke(
                PathData::new()
                    .move_to(Point::new(m.x - k, m.y - k))
                    .line_to(Point::new(m.x + k, m.y + k))
                    .move_to(Point::new(m.x - k, m.y + k))
                    .line_to(Point::new(m.x + k, m.y - k)),
                style::MARK,
                0.35,
            ))
        }
        Icon::Prop => g.add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .polyline(
                            &[
                                Point::new(m.x, m.y - 1.1),
                                Point::new(m.x + 1.1, m.y),
                                Point::new(m.x, m.y + 1.1),
                                Point::new(m.x - 1.1, m.y),
                            ],
                            true,
                        )
                        .into_string(),
                )
                .set("fill", style::PROP),
        ),
        Icon::Stop(colour) => g
            .add(
                Rectangle::new()
                    .set("x", n(m.x - 1.6))
                    .set("y", n(m.y - 1.6))
                    .set("width", "3.2")
                    .set("height", "3.2")
                    .set("rx", "1.6")
                    .set("fill", style::PAPER)
                    .set("stroke", colour.clone())
                    .set("stroke-width", "0.35"),
            )
            .add(
                text("3", m.x, m.y + 0.75, style::SMALL_SIZE)
                    .set("class", "bold")
                    .set("text-anchor", "middle")
                    .set("fill", colour.clone()),
            ),
        Icon::Person(colour) => g.add(
            svg::node::element::Circle::new()
                .set("cx", n(m.x))
                .set("cy", n(m.y))
                .set("r", "1.6")
                .set("fill", colour.clone()),
        ),
        Icon::Camera(colour) => g.add(super::figures::camera(m, Point::new(1.0, 0.0), 3.4, colour)),
        Icon::Seen => g.add(
            Path::new()
                .set(
                    "d",
                    PathData::new()
                        .polyline(
                            &[
                                Point::new(m.x - 3.5, m.y),
                                Point::new(m.x + 3.5, m.y - 1.7),
                                Point::new(m.x + 3.5, m.y + 1.7),
                            ],
                            true,
                        )
                        .into_string(),
                )
                .set("fill", style::SEEN)
                .set("fill-opacity", "0.35"),
        ),
    }
}
