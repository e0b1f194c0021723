//! M003 through-wall: a straight stretch of a route that crosses a solid wall.

use super::{legs, move_span};
use crate::diagnostic::Diagnostic;
use crate::geometry::Segment;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::segment_grid::SegmentGrid;

pub struct ThroughWall;

static DOC: RuleDoc = RuleDoc {
    code: "M003",
    name: "through-wall",
    family: "movement",
    level: Level::Deny,
    summary: "a straight stretch of a walk crosses a wall",
    explanation: "### What it checks\nRoutes run in straight lines from the start to each door centre and on to the mark. \
This rule checks that no such line crosses a wall, as it can in an L-shaped room or when `via` names doors in an \
order that cuts a corner.\n\n### Why it matters\nThe plan would show a path nobody can walk; the real walk is longer \
and takes more time than the timeline allows.\n\n### Example\n```ron\n// L-shaped hall: the mark is round the corner\n\
(at: \"0:10\", do: Move(who: \"her\", to: \"H2\"))\n```\n\n### Fix\nAdd a mark at the corner and walk to it first, \
or move the mark so the line is clear.",
};

impl Rule for ThroughWall {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let walls = &cx.scene.walls;
        let segments: Vec<Segment> = walls.iter().map(|w| w.segment).collect();
        let grid = SegmentGrid::new(&segments);
        let mut near = Vec::new();
        for (who, leg) in legs(cx) {
            if !leg.route.found {
                continue; // a teleport is M001's finding
            }
            // The first wall in the scene's order that the step crosses, as a full scan finds.
            let crossing = leg.route.points.windows(2).find_map(|w| {
                let step = Segment::new(w[0], w[1]);
                grid.near(step, &mut near);
                near.iter()
                    .map(|&i| &walls[i])
                    .find(|wall| wall.wild.is_none() && step.crosses(wall.segment))
                    .map(|wall| (step, wall))
            });
            let Some((step, wall)) = crossing else {
                continue;
            };
            let (a, b) = (wall.segment.a, wall.segment.b);
            let fmt = |v: f64| crate::escape::number(v, 2);
            out.push(
                DOC.diagnostic(format!("{} walks through a wall on the way to `{}`", cx.who(who), cx.scene.mark(leg.to).id))
                    .at(move_span(cx, leg.event), "this walk crosses a wall")
                    .note(format!(
                        "the straight line from ({}, {}) to ({}, {}) crosses the wall from ({}, {}) to ({}, {})",
                        fmt(step.a.x), fmt(step.a.y), fmt(step.b.x), fmt(step.b.y), fmt(a.x), fmt(a.y), fmt(b.x), fmt(b.y)
                    ))
                    .help("walk to a mark at the corner first, or name the doors to pass with `via`"),
            );
        }
    }
}
