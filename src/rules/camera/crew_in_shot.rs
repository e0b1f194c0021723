//! K003 crew-in-shot: a crew member the camera can see.

use super::{latest_cause, runs};
use crate::diagnostic::Diagnostic;
use crate::model::PersonId;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::time::Time;

pub struct CrewInShot;

static DOC: RuleDoc = RuleDoc {
    code: "K003",
    name: "crew-in-shot",
    family: "camera",
    level: Level::Deny,
    summary: "a crew member is in the camera's view",
    explanation: "### What it checks\nOn every frame of the take, that no crew member (boom operator, focus puller, \
another camera…) not marked `in_costume: true` has any part of their body inside a camera's angle of view with a \
clear line of sight.\n\n### Why it matters\nA boom or an operator in frame ruins a oner at any second of it; there is \
no cutting around them.\n\n### Example\n```ron\n\"boom\": (role: Boom, starts_at: \"L3\"),  // L3 is in front of the lens\n```\n\n\
### Fix\nKeep the crew behind the camera (move them when it moves), behind walls or closed doors, or dress them \
into the scene with `in_costume: true`.",
};

impl Rule for CrewInShot {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let frames: Vec<Time> = cx.sim.frames(Time::ZERO, cx.scene.length).collect();
        for camera in cx.scene.cameras() {
            for (i, person) in cx.scene.people.iter().enumerate() {
                let crew = PersonId::from_index(i);
                if crew == camera || !person.is_crew() || person.in_costume {
                    continue;
                }
                for (start, end) in runs(&frames, |t| cx.sim.sees(camera, crew, t, false).is_ok()) {
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
                        )),
                    );
                }
            }
        }
    }
}
