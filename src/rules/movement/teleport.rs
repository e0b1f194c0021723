//! M001 teleport: a move between rooms with no passable way.

use super::{legs, move_span};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct Teleport;

static DOC: RuleDoc = RuleDoc {
    code: "M001",
    name: "teleport",
    family: "movement",
    level: Level::Deny,
    summary: "a move between rooms that no door or opening joins",
    explanation: "### What it checks\nThat every move can be walked: the set graph must join the room the walker is in \
to the room of the mark through doors, openings or arches (windows do not count), and a `via` list must name \
doors that chain from one room to the next.\n\n### Why it matters\nIn a oner nobody can be cut out and cut back \
in: a performer who appears in a room with no way in has teleported, and the take is ruined.\n\n\
### Example\n```ron\n// bedroom and kitchen share no door\n(at: \"1:00\", do: Move(who: \"her\", to: \"B1\"))  // from K1\n```\n\n\
### Fix\nAdd the door or opening the walk needs, name a `via` route that exists, or stage an exit and a later entrance \
through real doors.",
};

impl Rule for Teleport {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (who, leg) in legs(cx) {
            if leg.route.found {
                continue;
            }
            let from = cx
                .scene
                .room_at(leg.start())
                .map_or("?".into(), |r| cx.scene.room(r).id.clone());
            let mark = cx.scene.mark(leg.to);
            let to = &cx.scene.room(mark.room).id;
            let event = &cx.scene.events[leg.event.index()];
            let has_via = event.action.travel().is_some_and(|m| !m.via.is_empty());
            let (label, help) = if has_via {
                (
                    "the `via` doors do not lead there".to_string(),
                    format!(
                        "list doors that chain from `{from}` to `{to}` in order, or drop `via` to take the shortest way"
                    ),
                )
            } else {
                (
                    format!("no way from `{from}` to `{to}`"),
                    format!(
                        "add a door or opening between the rooms on the way from `{from}` to `{to}` (windows are not passable)"
                    ),
                )
            };
            out.push(
                DOC.diagnostic(format!("{} cannot walk from `{from}` to mark `{}` in `{to}`", cx.who(who), mark.id))
                    .at(move_span(cx, leg.event), label)
                    .note("a performer who crosses rooms with no way through has teleported: the audience sees the jump")
                    .help(help),
            );
        }
    }
}
