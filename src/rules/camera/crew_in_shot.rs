//! K003 crew-in-shot: a crew member the camera can see.

use super::latest_cause;
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct CrewInShot;

static DOC: RuleDoc = RuleDoc {
    code: "K003",
    name: "crew-in-shot",
    family: "camera",
    level: Level::Deny,
    summary: "a crew member is in the camera's view",
    explanation: "### What it checks\nOn every frame of the take, that no crew member (boom operator, focus puller, \
another camera…) not marked `in_costume: true` has any part of their body inside a camera's angle of view with a \
clear line of sight. A backing, like a wall, hides whoever waits behind it.\n\n### Why it matters\nA boom or an \
operator in frame ruins a oner at any second of it; there is no cutting around them.\n\n### Example\n```ron\n\
\"boom\": (role: Boom, starts_at: \"L3\"),  // L3 is in front of the lens\n```\n\n\
### Fix\nKeep the crew behind the camera (move them when it moves), behind walls or closed doors, or dress them \
into the scene with `in_costume: true`. The diagnostic points at the latest move or framing that brings them into \
view: the crew member's own move, or the camera's.",
};

impl Rule for CrewInShot {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for seen in &cx.camera_sweep().crew_seen {
            let (camera, crew, start, end) = (seen.camera, seen.crew, seen.start, seen.end);
            let person = cx.scene.person(crew);
            out.push(
                DOC.diagnostic(format!(
                    "{} ({}) is in {}'s shot from {start} to {end}",
                    cx.who(crew),
                    person.role.describe(),
                    cx.who(camera)
                ))
                .at(latest_cause(cx, &[crew, camera], start), "this brings them into view")
                .note("the audience would see the crew: in a oner there is no cutting around it")
                .help(format!(
                    "keep {} behind the camera or out of its line of sight (move them with it), or set `in_costume: true`",
                    cx.who(crew)
                ))
                .when(start, cx.sim.position(crew, start)),
            );
        }
    }
}
