//! M004 through-furniture: a straight stretch of a route that crosses a piece of furniture.

use super::{legs_on_the_floor, move_span};
use crate::diagnostic::Diagnostic;
use crate::geometry::Segment;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct ThroughFurniture;

static DOC: RuleDoc = RuleDoc {
    code: "M004",
    name: "through-furniture",
    family: "movement",
    level: Level::Deny,
    summary: "a straight stretch of a walk crosses furniture",
    explanation: "### What it checks\nThat no straight stretch of a route (start, door centres, mark) passes through a \
piece of furniture. This is the centre line only; the room the body needs each side of it (its radius, or half a \
camera rig's width) is M008's and M009's.\n\n### Why it matters\nThe performer would have to walk round it: the real path is longer, takes \
longer, and may cross the camera's line.\n\n### Example\n```ron\n// the sofa stands between L1 and L2\n\
(at: \"0:20\", do: Move(who: \"him\", to: \"L2\"))\n```\n\n### Fix\nAdd a mark beside the furniture and walk to it \
first, or move the furniture or the mark.",
};

impl Rule for ThroughFurniture {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (who, leg) in legs_on_the_floor(cx) {
            let hit = leg.route.points.windows(2).find_map(|w| {
                let step = Segment::new(w[0], w[1]);
                cx.scene.furniture.iter().find(|f| {
                    f.outline.edges().any(|e| step.crosses(e))
                        || f.outline.strictly_contains(step.midpoint())
                })
            });
            let Some(furniture) = hit else { continue };
            out.push(
                DOC.diagnostic(format!(
                    "{} walks through `{}` on the way to `{}`",
                    cx.who(who),
                    furniture.id,
                    cx.scene.mark(leg.to).id
                ))
                .at(move_span(cx, leg.event), format!("the straight path crosses `{}`", furniture.id))
                .also(cx.span(&furniture.path.field("shape")), format!("`{}` stands here", furniture.id))
                .note("the walk round it is longer than the plan shows and may cross the camera's line")
                .help(format!("add a mark beside `{}` and walk to it first, or move the mark", furniture.id)),
            );
        }
    }
}
