//! The set graph as Graphviz DOT, for people who lay out or restyle graphs themselves.
//!
//! Every id and label is a quoted DOT string built by [`quote`]: scene text can hold quotes,
//! backslashes and anything else, and must never end a string early or turn into a Graphviz
//! escape such as `\N`. Nodes carry `pos` (points, y up) so `neato -n2` keeps the plan layout.

use super::{Edge, EdgeKind, crossers, node_point};
use crate::escape::{number, strip_control};
use crate::model::{RoomId, Scene};

/// Points per metre in `pos` (one inch per metre).
const POINTS_PER_METRE: f64 = 72.0;

/// Scene text as the inside of a DOT string: `"` and `\` escaped, line breaks and control
/// characters turned into spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in strip_control(text).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Scene text as a complete quoted DOT string.
pub fn quote(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

pub fn render(scene: &Scene, edges: &[Edge]) -> String {
    let points: Vec<_> = (0..scene.rooms.len())
        .map(|r| node_point(scene, RoomId::from_index(r)))
        .collect();
    let (min_x, max_y) = scene.rooms.iter().fold(
        (f64::INFINITY, f64::NEG_INFINITY),
        |(min_x, max_y), room| {
            let (lo, hi) = room.outline.bounds();
            (min_x.min(lo.x), max_y.max(hi.y))
        },
    );
    let pos = |p: crate::geometry::Point| {
        format!(
            "{},{}!",
            number((p.x - min_x) * POINTS_PER_METRE + 36.0, 1),
            number((max_y - p.y) * POINTS_PER_METRE + 36.0, 1)
        )
    };
    let mut out = String::new();
    out.push_str(
        "// The set as a graph: rooms are nodes, doors and openings are edges labelled with\n",
    );
    out.push_str(
        "// how many times each is crossed. `neato -n2 -Tsvg` keeps the plan positions;\n",
    );
    out.push_str("// `dot -Tsvg` lays the graph out afresh.\n");
    out.push_str("graph \"set\" {\n");
    out.push_str(&format!(
        "  graph [label={}, labelloc=\"t\", fontname=\"Helvetica\", overlap=\"false\", splines=\"true\"];\n",
        quote(&format!("{}: the set (edge labels: times crossed)", scene.title))
    ));
    out.push_str(
        "  node [shape=\"box\", style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=\"10\"];\n");
    for (i, room) in scene.rooms.iter().enumerate() {
        let mut attrs = vec![
            format!("label={}", quote(&room.name)),
            format!("pos=\"{}\"", pos(points[i])),
        ];
        if room.offstage {
            attrs.push("style=\"rounded,dashed,filled\"".into());
            attrs.push("fillcolor=\"#eef0f2\"".into());
            attrs.push("fontcolor=\"#555555\"".into());
        }
        out.push_str(&format!("  {} [{}];\n", quote(&room.id), attrs.join(", ")));
    }
    for edge in edges {
        let [a, b] = edge.rooms;
        let (style, colour, width) = match edge.kind {
            EdgeKind::Door => ("solid", "#333333", 2.0),
            EdgeKind::Opening => ("solid", "#8a99a8", 6.0),
            EdgeKind::Window => ("dashed", "#4a90c8", 1.5),
            EdgeKind::WildWall => ("dotted", "#2e7d32", 2.0),
        };
        let label = format!("{}\\n{}×", escape(&edge.name), edge.crossings);
        let mut tooltip = format!(
            "{} ({}): crossed {}",
            edge.name,
            edge.kind.word(),
            super::times(edge.crossings)
        );
        if !edge.by.is_empty() {
            tooltip.push_str(&format!(" ({})", crossers(scene, edge)));
        }
        out.push_str(&format!(
            "  {} -- {} [label=\"{}\", tooltip={}, style=\"{}\", color=\"{}\", penwidth=\"{}\"];\n",
            quote(&scene.room(a).id),
            quote(&scene.room(b).id),
            label,
            quote(&tooltip),
            style,
            colour,
            number(width, 1)
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scene_text_cannot_end_a_string() {
        assert_eq!(
            quote("\"quoted\" & ampersand"),
            "\"\\\"quoted\\\" & ampersand\""
        );
        assert_eq!(quote("a\\N\nb\u{0}"), "\"a\\\\N b\"");
        assert_eq!(quote("ends in \\"), "\"ends in \\\\\"");
    }
}
