//! K004 wild-wall: a walk through a wild wall before a cue has struck it.

use crate::diagnostic::Diagnostic;
use crate::model::PersonId;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::Portal;

pub struct WildWall;

static DOC: RuleDoc = RuleDoc {
    code: "K004",
    name: "wild-wall",
    family: "camera",
    level: Level::Deny,
    summary: "someone passes through a wild wall before a cue strikes it",
    explanation: "### What it checks\nA wild wall is a flat that can be struck (removed) during the take so the camera \
can pass or see through. This rule checks that every route through a wild wall reaches it after a `Cue` with \
`strikes: \"<wall>\"`. (Seeing through a wild wall before it is struck is checked by the camera rules: it blocks the \
view like any wall.)\n\n### Why it matters\nThe reveal at the end of a oner depends on the flat being gone when the \
camera gets there; walking into a standing flat stops the take.\n\n### Example\n```ron\n\
(at: \"5:50\", do: Camera(to: \"STAGE1\")),\n(at: \"5:55\", do: Cue(dept: Effects, what: \"Strike the flat\", strikes: \"living-wall\")),\n```\n\n\
### Fix\nStrike the wall with a cue before the camera reaches it.",
};

impl Rule for WildWall {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (i, track) in cx.sim.tracks.iter().enumerate() {
            let who = PersonId::from_index(i);
            for leg in &track.legs {
                for &(portal, index) in &leg.route.portals {
                    let Portal::Wild(wall_id) = portal else {
                        continue;
                    };
                    let passing = leg.time_at_point(index);
                    if cx.sim.is_struck(wall_id, passing) {
                        continue;
                    }
                    let wall = &cx.scene.wild_walls[wall_id.index()];
                    let (state, help) = match cx.sim.struck[wall_id.index()] {
                        Some(at) => (
                            format!("it is struck only at {at}"),
                            format!(
                                "strike `{}` before {passing}, or start the move after {at}",
                                wall.id
                            ),
                        ),
                        None => (
                            "no cue ever strikes it".to_string(),
                            format!(
                                "add `Cue(dept: Effects, what: \"Strike the flat\", strikes: \"{}\")` before {passing}",
                                wall.id
                            ),
                        ),
                    };
                    out.push(
                        DOC.diagnostic(format!(
                            "{} reaches wild wall `{}` at {passing}, but {state}",
                            cx.who(who),
                            wall.id
                        ))
                        .at(
                            cx.event_span(leg.event, "to"),
                            format!("the route goes through `{}`", wall.id),
                        )
                        .also(cx.span(&wall.path), "the wild wall")
                        .note("until it is struck, a wild wall is as solid as any other")
                        .help(help),
                    );
                }
            }
        }
    }
}
