//! H001 unused-room: a room nobody is ever in.

use super::{entered, reachable};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnusedRoom;

static DOC: RuleDoc = RuleDoc {
    code: "H001",
    name: "unused-room",
    family: "hygiene",
    level: Level::Warn,
    summary: "a room nobody is ever in",
    explanation: "### What it checks\nThat every room has someone in it at some point of the \
take: a person (cast or crew) starts on a mark in it, or walks through it on some move. Rooms \
nobody can reach at all are reported by H004 unreachable-room instead.\n\n\
### Why it matters\nEvery room on the plan is a room to build and dress. One that nobody enters \
is often a leftover from an earlier plan, or a sign that a mark meant for it was given another \
room. A room that is only *seen* (through an arch or a window) is fine: allow the rule for that \
scene.\n\n\
### Example\n```ron\nrooms: {\n    \"kitchen\": (name: \"Kitchen\", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 3.5)),\n\
\x20   \"pantry\": (name: \"Pantry\", shape: Rect(x: 0.0, y: 3.5, w: 2.0, h: 1.5)),   // no one goes in\n},\n```\n\n\
### Fix\nRemove the room, stage something in it, or, if it is only seen through a doorway, add \
`allow: [\"unused-room\"]` at the top of the scene.",
};

impl Rule for UnusedRoom {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let (inside, reach) = (entered(cx), reachable(cx.scene));
        for (i, room) in cx.scene.rooms.iter().enumerate() {
            if inside[i] || !reach[i] {
                continue;
            }
            out.push(
                DOC.diagnostic(format!("no one is ever in room `{}`", room.id))
                    .at(cx.spans.key_span(&room.path), "no one starts here or walks through it")
                    .note("every room on the plan must be built and dressed; one nobody enters is often a leftover or a mark given the wrong room")
                    .help(format!(
                        "remove `{}`, stage something in it, or if it is only seen through a doorway add `allow: [\"unused-room\"]` to the scene",
                        room.id
                    )),
            );
        }
    }
}
