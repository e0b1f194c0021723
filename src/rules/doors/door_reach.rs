//! D002 door-reach: a door opened, closed or slammed by someone who is not at it.

use super::door_events;
use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::rules::{ARM_REACH, Context, Level, Rule, RuleDoc};

pub struct DoorReach;

static DOC: RuleDoc = RuleDoc {
    code: "D002",
    name: "door-reach",
    family: "doors",
    level: Level::Deny,
    summary: "a door is worked by someone who is not at the door",
    explanation: "### What it checks\nThat whoever opens, closes, slams, locks or unlocks a door is within arm's reach \
(1.5 m) of the door's centre at that moment.\n\n### Why it matters\nA slam from the other end of the flat is a \
continuity error the audience hears: the sound comes from where nobody is.\n\n### Example\n```ron\n\
(at: \"3:10\", do: Door(door: \"bedroom-door\", action: Slam, by: \"him\")),  // he is in the kitchen\n```\n\n\
### Fix\nMove the person to a mark beside the door first, or give the action to whoever is there.",
};

impl Rule for DoorReach {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (event, door_id, action, by) in door_events(cx) {
            let at = cx.scene.events[event.index()].at;
            let door = cx.scene.door(door_id);
            let distance = cx.sim.position(by, at).distance(door.at);
            if distance <= ARM_REACH {
                continue;
            }
            let room = cx
                .sim
                .room_of(by, at)
                .map_or(String::new(), |r| format!(" in `{}`", cx.scene.room(r).id));
            out.push(
                DOC.diagnostic(format!(
                    "{} cannot {} door `{}` at {at}: they are {} m away{room}",
                    cx.who(by),
                    format!("{action:?}").to_lowercase(),
                    door.id,
                    number(distance, 1)
                ))
                .at(cx.event_span(event, "by"), "not at the door")
                .note(format!("a door can be worked from within {ARM_REACH} m of its centre; the sound and the picture would come from where nobody is"))
                .help(format!("move {} to a mark beside `{}` before {at}", cx.who(by), door.id)),
            );
        }
    }
}
