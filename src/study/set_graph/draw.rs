//! `graph.svg`: the set graph drawn over a faint plan, so the rooms sit where they are built.
//! Each edge runs from one room's centre through its doorway to the other's, which keeps two
//! doors between the same rooms apart and shows where each door really is.

use super::page::{MARGIN, Page, Rect, WIDTH};
use super::{Edge, EdgeKind, crossers};
use crate::drawing::{PathData, Tree, n};
use crate::geometry::Point;
use crate::model::{RoomId, Scene};
use crate::study::MUTED;
use crate::study::chart;
use crate::study::chart::{fit, text_width};

const LEGEND_H: f64 = 56.0;

/// Stroke colour, width and dash pattern for an edge kind.
fn stroke(kind: EdgeKind) -> (&'static str, f64, Option<&'static str>) {
    match kind {
        EdgeKind::Door => ("#333333", 2.5, None),
        EdgeKind::Opening => ("#8a99a8", 9.0, None),
        EdgeKind::Window => ("#4a90c8", 2.0, Some("7 5")),
        EdgeKind::WildWall => ("#2e7d32", 2.5, Some("1 5")),
    }
}

pub fn render(scene: &Scene, edges: &[Edge]) -> String {
    let page = Page::new(scene);
    let plan_bottom = page.bottom();
    let height = plan_bottom + 24.0 + LEGEND_H + MARGIN;
    let mut svg = chart::page(WIDTH, height);

    heading(scene, edges, &mut svg);
    plan(scene, &page, &mut svg);
    svg.open(
        "g",
        &[("fill", "none".into()), ("stroke-linejoin", "round".into())],
    );
    for edge in edges {
        let (colour, width, dash) = stroke(edge.kind);
        let [a, b] = edge.rooms;
        let point = |(x, y): (f64, f64)| Point::new(x, y);
        let d = PathData::new()
            .move_to(point(page.node(scene, a)))
            .line_to(point(page.at(edge.at)))
            .line_to(point(page.node(scene, b)));
        let mut attrs = vec![
            ("d", d.into_string()),
            ("stroke", colour.into()),
            ("stroke-width", n(width)),
            ("stroke-linecap", "round".into()),
        ];
        if edge.kind == EdgeKind::Opening {
            attrs.push(("stroke-opacity", "0.6".into()));
        }
        if let Some(dash) = dash {
            attrs.push(("stroke-dasharray", dash.into()));
        }
        svg.leaf_titled("path", &attrs, &tooltip(scene, edge));
    }
    svg.close();
    nodes(scene, &page, &mut svg);
    labels(scene, edges, &page, &mut svg);
    legend(edges, &mut svg, plan_bottom + 24.0);
    svg.finish()
}

fn tooltip(scene: &Scene, edge: &Edge) -> String {
    let mut text = format!(
        "{} ({}): crossed {}",
        edge.name,
        edge.kind.word(),
        super::times(edge.crossings)
    );
    if !edge.by.is_empty() {
        text.push_str(&format!(" ({})", crossers(scene, edge)));
    }
    text
}

fn heading(scene: &Scene, edges: &[Edge], svg: &mut Tree) {
    svg.text(
        "text",
        &[
            ("x", n(MARGIN)),
            ("y", n(MARGIN + 18.0)),
            ("font-size", "22".into()),
            ("font-weight", "700".into()),
            ("fill", "#1c1c1c".into()),
        ],
        &fit(&scene.title, 22.0, WIDTH - 2.0 * MARGIN),
    );
    let total: usize = edges.iter().map(|e| e.crossings).sum();
    svg.text(
        "text",
        &[
            ("x", n(MARGIN)),
            ("y", n(MARGIN + 40.0)),
            ("font-size", "12".into()),
            ("fill", MUTED.into()),
        ],
        &format!(
            "Set graph: rooms at their centres on the plan, each way through labelled with how many times it is crossed ({total} crossings in all)"
        ),
    );
}

/// The rooms as faint outlines, offstage floor greyed.
fn plan(scene: &Scene, page: &Page, svg: &mut Tree) {
    let (x0, y0) = page.at(page.lo);
    let (x1, y1) = page.at(page.hi);
    svg.open("clipPath", &[("id", "visible-floor".into())]);
    svg.leaf(
        "rect",
        &[
            ("x", n(x0)),
            ("y", n(y0)),
            ("width", n(x1 - x0)),
            ("height", n(y1 - y0)),
        ],
    );
    svg.close();
    svg.open(
        "g",
        &[
            ("stroke-width", "1".into()),
            ("clip-path", "url(#visible-floor)".into()),
        ],
    );
    for room in &scene.rooms {
        let corners: Vec<Point> = room
            .outline
            .corners
            .iter()
            .map(|&p| {
                let (x, y) = page.at(p);
                Point::new(x, y)
            })
            .collect();
        let d = PathData::new().polyline(&corners, false).close();
        let mut attrs = vec![
            ("d", d.into_string()),
            (
                "fill",
                if room.offstage { "#eef0f2" } else { "#f7f5ef" }.into(),
            ),
            ("stroke", "#c8c4ba".into()),
        ];
        if room.offstage {
            attrs.push(("stroke-dasharray", "6 4".into()));
        }
        svg.leaf("path", &attrs);
    }
    svg.close();
}

fn nodes(scene: &Scene, page: &Page, svg: &mut Tree) {
    svg.open(
        "g",
        &[("font-size", "13".into()), ("font-weight", "700".into())],
    );
    for (i, room) in scene.rooms.iter().enumerate() {
        let (x, y) = page.node(scene, RoomId::from_index(i));
        let name = fit(&room.name, 13.0, 180.0);
        let w = text_width(&name, 13.0) + 24.0;
        let mut attrs = vec![
            ("x", n(x - w / 2.0)),
            ("y", n(y - 14.0)),
            ("width", n(w)),
            ("height", "28".into()),
            ("rx", "14".into()),
            (
                "fill",
                if room.offstage { "#e4e7ea" } else { "#ffffff" }.into(),
            ),
            (
                "stroke",
                if room.offstage { "#888888" } else { "#333333" }.into(),
            ),
            ("stroke-width", "1.5".into()),
        ];
        if room.offstage {
            attrs.push(("stroke-dasharray", "4 3".into()));
        }
        svg.open("g", &[]);
        svg.text(
            "title",
            &[],
            &if room.offstage {
                format!("{} (offstage)", room.name)
            } else {
                room.name.clone()
            },
        );
        svg.leaf("rect", &attrs);
        svg.text(
            "text",
            &[
                ("x", n(x)),
                ("y", n(y + 4.5)),
                ("text-anchor", "middle".into()),
                (
                    "fill",
                    if room.offstage { "#555555" } else { "#1c1c1c" }.into(),
                ),
            ],
            &name,
        );
        svg.close();
    }
    svg.close();
}

/// A pill with the crossing count at each doorway, and the door's name beside it wherever it
/// covers the fewest nodes, pills and names already placed.
fn labels(scene: &Scene, edges: &[Edge], page: &Page, svg: &mut Tree) {
    let pill = |edge: &Edge| {
        let (x, y) = page.at(edge.at);
        let count = format!("{}×", edge.crossings);
        let w = text_width(&count, 12.0) + 12.0;
        (count, Rect::centred(x, y, w, 20.0))
    };
    let mut taken: Vec<Rect> = (0..scene.rooms.len())
        .map(|r| page.node_rect(scene, RoomId::from_index(r)))
        .collect();
    taken.extend(
        edges
            .iter()
            .filter(|e| e.kind != EdgeKind::Window)
            .map(|e| pill(e).1),
    );
    // Edges too, as a trail of small boxes, so a name does not sit on a line.
    for edge in edges {
        let [a, b] = edge.rooms;
        let corners = [page.node(scene, a), page.at(edge.at), page.node(scene, b)];
        for w in corners.windows(2) {
            let length = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
            let steps = (length / 6.0).ceil().max(1.0) as usize;
            for k in 0..=steps {
                let f = k as f64 / steps as f64;
                let (x, y) = (
                    w[0].0 + (w[1].0 - w[0].0) * f,
                    w[0].1 + (w[1].1 - w[0].1) * f,
                );
                taken.push(Rect::centred(x, y, 6.0, 6.0));
            }
        }
    }
    for edge in edges {
        let (x, y) = page.at(edge.at);
        let (colour, _, _) = stroke(edge.kind);
        let (count, rect) = pill(edge);
        let name = fit(&edge.name, 10.0, 160.0);
        let (w, h) = (text_width(&name, 10.0) + 4.0, 13.0);
        let reach = if edge.kind == EdgeKind::Window {
            0.0
        } else {
            10.0
        };
        let candidates = [
            Rect::centred(x, y + reach + 3.0 + h / 2.0, w, h),
            Rect::centred(x, y - reach - 3.0 - h / 2.0, w, h),
            Rect::centred(x + rect.w / 2.0 + 4.0 + w / 2.0, y, w, h),
            Rect::centred(x - rect.w / 2.0 - 4.0 - w / 2.0, y, w, h),
        ];
        let cost = |c: &Rect| taken.iter().map(|t| t.overlap(c)).sum::<f64>();
        let best = candidates
            .iter()
            .copied()
            .enumerate()
            .min_by(|a, b| cost(&a.1).total_cmp(&cost(&b.1)).then(a.0.cmp(&b.0)))
            .map_or(candidates[0], |(_, r)| r);
        taken.push(best);
        svg.open("g", &[]);
        svg.text("title", &[], &tooltip(scene, edge));
        if edge.kind != EdgeKind::Window {
            svg.leaf(
                "rect",
                &[
                    ("x", n(rect.x)),
                    ("y", n(rect.y)),
                    ("width", n(rect.w)),
                    ("height", n(rect.h)),
                    ("rx", "10".into()),
                    ("fill", "#ffffff".into()),
                    ("stroke", colour.into()),
                    ("stroke-width", "1.5".into()),
                ],
            );
            svg.text(
                "text",
                &[
                    ("x", n(x)),
                    ("y", n(y + 4.5)),
                    ("font-size", "12".into()),
                    ("font-weight", "700".into()),
                    ("text-anchor", "middle".into()),
                    ("fill", "#1c1c1c".into()),
                ],
                &count,
            );
        }
        svg.text(
            "text",
            &[
                ("x", n(best.x + best.w / 2.0)),
                ("y", n(best.y + h - 3.5)),
                ("font-size", "10".into()),
                ("text-anchor", "middle".into()),
                ("fill", MUTED.into()),
                ("stroke", "#ffffff".into()),
                ("stroke-width", "3".into()),
                ("paint-order", "stroke".into()),
            ],
            &name,
        );
        svg.close();
    }
}

fn legend(edges: &[Edge], svg: &mut Tree, top: f64) {
    let items = [
        (EdgeKind::Door, "door"),
        (EdgeKind::Opening, "opening or arch"),
        (EdgeKind::Window, "window (see-through, never crossed)"),
        (EdgeKind::WildWall, "wild wall (crossed once struck)"),
    ];
    let mut x = MARGIN;
    let y = top + 16.0;
    svg.open(
        "g",
        &[("font-size", "12".into()), ("fill", "#333333".into())],
    );
    for (kind, text) in items {
        if !edges.iter().any(|e| e.kind == kind) {
            continue;
        }
        let (colour, width, dash) = stroke(kind);
        let mut attrs = vec![
            ("x1", n(x)),
            ("x2", n(x + 36.0)),
            ("y1", n(y)),
            ("y2", n(y)),
            ("stroke", colour.into()),
            ("stroke-width", n(width)),
            ("stroke-linecap", "round".into()),
        ];
        if kind == EdgeKind::Opening {
            attrs.push(("stroke-opacity", "0.6".into()));
        }
        if let Some(dash) = dash {
            attrs.push(("stroke-dasharray", dash.into()));
        }
        svg.leaf("line", &attrs);
        svg.text("text", &[("x", n(x + 44.0)), ("y", n(y + 4.0))], text);
        x += 44.0 + text_width(text, 12.0) + 28.0;
    }
    svg.text(
        "text",
        &[("x", n(MARGIN)), ("y", n(y + 28.0)), ("fill", MUTED.into())],
        "N× on a doorway: walks through it during the take, cast and crew counted (hover for who).",
    );
    svg.close();
}
