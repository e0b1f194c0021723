//! D001 door-state: a door action that the door's state at that moment does not allow.

use super::door_events;
use crate::diagnostic::Diagnostic;
use crate::model::{DoorAction, DoorState};
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct DoorStateRule;

static DOC: RuleDoc = RuleDoc {
    code: "D001",
    name: "door-state",
    family: "doors",
    level: Level::Deny,
    summary: "a door is opened, closed, slammed, locked or unlocked from a state that does not allow it",
    explanation: "### What it checks\nThat every `Door` event finds the door in a state it can act on: open a closed \
(unlocked) door; close or slam an open one; lock a closed one; unlock a locked one. Openings, arches and windows \
have no leaf and take no door actions.\n\n### Why it matters\nA slam on a door that is already shut makes no sound and \
no picture; opening a locked door fails on camera. It usually means an earlier door event is missing.\n\n\
### Example\n```ron\n(at: \"2:00\", do: Door(door: \"front\", action: Slam, by: \"her\")),  // front starts Closed\n```\n\n\
### Fix\nAdd the missing earlier event (open it before slamming it), or correct the door's starting `state`.",
};

fn problem(action: DoorAction, before: DoorState) -> Option<(&'static str, &'static str)> {
    use DoorAction as A;
    use DoorState as S;
    match (action, before) {
        (A::Open, S::Closed)
        | (A::Close | A::Slam, S::Open)
        | (A::Lock, S::Closed)
        | (A::Unlock, S::Locked) => None,
        (A::Open, S::Open) => Some((
            "is already open",
            "remove this event, or close the door earlier",
        )),
        (A::Open, S::Locked) => Some(("is locked", "unlock it first with `action: Unlock`")),
        (A::Close | A::Slam, _) => Some((
            "is already closed",
            "open the door earlier, or remove this event",
        )),
        (A::Lock, S::Open) => Some(("is open and must be closed to lock", "close it first")),
        (A::Lock, S::Locked) => Some(("is already locked", "remove this event")),
        (A::Unlock, _) => Some((
            "is not locked",
            "remove this event, or lock the door earlier",
        )),
    }
}

impl Rule for DoorStateRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (event, door_id, action, _) in door_events(cx) {
            let door = cx.scene.door(door_id);
            let verb = format!("{action:?}").to_lowercase();
            if !door.has_leaf() {
                let kind = format!("{:?}", door.kind).to_lowercase();
                out.push(
                    DOC.diagnostic(
                        format!("`{}` is an {kind} with no door to {verb}", door.id)
                            .replace("an window", "a window"),
                    )
                    .at(cx.event_span(event, "action"), format!("cannot {verb}"))
                    .also(
                        cx.span(&door.path.field("kind")),
                        format!("`{}` is declared here", door.id),
                    )
                    .note("only a `Door` has a leaf that opens, closes, slams and locks")
                    .help(format!(
                        "make `{}` a `kind: Door`, or remove this event",
                        door.id
                    )),
                );
                continue;
            }
            let before = cx.sim.door_state_before(door_id, event);
            let Some((state, help)) = problem(action, before) else {
                continue;
            };
            let at = cx.scene.events[event.index()].at;
            let changes = &cx.sim.doors[door_id.index()];
            let index = changes
                .iter()
                .position(|c| c.event == event)
                .unwrap_or(changes.len());
            let mut d = DOC
                .diagnostic(format!(
                    "cannot {verb} door `{}` at {at}: it {state}",
                    door.id
                ))
                .at(
                    cx.event_span(event, "action"),
                    format!("{verb} a door that {state}"),
                );
            d = match changes[..index].last() {
                Some(previous) => {
                    d.also(cx.event_span(previous.event, ""), "its state was set here")
                }
                None => d.also(cx.span(&door.path), "its starting state"),
            };
            out.push(
                d.note("the action would do nothing on set, or fail on camera")
                    .help(help),
            );
        }
    }
}
