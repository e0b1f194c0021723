//! M002 closed-door: a route through a door that is closed or locked when it is reached.

use super::{legs, move_span};
use crate::diagnostic::Diagnostic;
use crate::model::DoorState;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::Portal;

pub struct ClosedDoor;

static DOC: RuleDoc = RuleDoc {
    code: "M002",
    name: "closed-door",
    family: "movement",
    level: Level::Deny,
    summary: "a walk passes through a door that is closed or locked at that moment",
    explanation: "### What it checks\nFor every move, the moment the walker reaches each door on the route, that the door \
is open then (doors start in their `state` and change with `Door` events).\n\n### Why it matters\nWalking into a \
closed door is a blown take; a locked one stops the scene.\n\n### Example\n```ron\n(id: \"bedroom-door\", kind: Door, …, state: Closed)\n\
(at: \"1:00\", do: Move(who: \"him\", to: \"B1\", via: [\"bedroom-door\"]))\n```\n\n### Fix\nOpen the door first: \
`(at: \"0:58\", do: Door(door: \"bedroom-door\", action: Open, by: \"him\"))`, or route through another door.",
};

impl Rule for ClosedDoor {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (who, leg) in legs(cx) {
            for &(portal, index) in &leg.route.portals {
                let Portal::Door(door) = portal else { continue };
                let passing = leg.time_at_point(index);
                let state = cx.sim.door_state(door, passing);
                if state == DoorState::Open {
                    continue;
                }
                let d = cx.scene.door(door);
                let word = if state == DoorState::Locked {
                    "locked"
                } else {
                    "closed"
                };
                let mut diagnostic = DOC
                    .diagnostic(format!(
                        "{} walks through door `{}` at {passing} while it is {word}",
                        cx.who(who),
                        d.id
                    ))
                    .at(
                        move_span(cx, leg.event),
                        format!("reaches `{}` at {passing}", d.id),
                    )
                    .note("nobody can walk through a closed door; the take would stop at the door")
                    .when(passing, d.at);
                let last_change = cx.sim.doors[door.index()]
                    .iter()
                    .rev()
                    .find(|c| c.at <= passing);
                diagnostic = match last_change {
                    Some(change) => diagnostic.also(
                        cx.event_span(change.event, ""),
                        format!("`{}` is {word} here", d.id),
                    ),
                    None => diagnostic.also(
                        cx.span(&d.path.field("state")),
                        format!("`{}` starts {word}", d.id),
                    ),
                };
                let by = &cx.scene.person(who).id;
                let verb = if state == DoorState::Locked {
                    "Unlock, then Open"
                } else {
                    "Open"
                };
                out.push(diagnostic.help(format!(
                    "before {passing}, add `Door(door: \"{}\", action: {verb}, by: \"{by}\")`, or route another way",
                    d.id
                )));
                break;
            }
        }
    }
}
