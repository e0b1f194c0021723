//! H004 unreachable-room: a room no way leads into from where anyone starts.

use super::{reachable, shared_wall};
use crate::diagnostic::Diagnostic;
use crate::model::DoorKind;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct UnreachableRoom;

static DOC: RuleDoc = RuleDoc {
    code: "H004",
    name: "unreachable-room",
    family: "hygiene",
    level: Level::Warn,
    summary: "a room nobody can walk into from where the take starts",
    explanation: "### What it checks\nThat every room can be reached from a room someone starts \
in, through doors, openings, arches or wild walls (in any state: a closed door can be opened, a \
wild wall struck). Windows do not count as a way in, but a room seen through a window from a \
room people can reach is not reported: it is a view out (a street behind a backing, a yard) \
that nobody needs to walk into.\n\n\
### Why it matters\nA room with no way in is a closed box on the plan: nobody can use it in the \
take. Usually a door or opening is missing, or sits on a wall the two rooms do not share.\n\n\
### Example\n```ron\nrooms: {\n    \"kitchen\": (…, shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 3.5)),\n\
\x20   \"pantry\": (…, shape: Rect(x: 4.0, y: 0.0, w: 2.0, h: 3.5)),\n},\n\
doors: [],   // nothing joins them\n```\n\n\
### Fix\nAdd the door or opening that leads in (on a wall the rooms share), or remove the room.",
};

impl Rule for UnreachableRoom {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.scene.people.is_empty() {
            return;
        }
        let reach = reachable(cx.scene);
        // Rooms only looked into: through a window from where people can go.
        let mut view_out = vec![false; cx.scene.rooms.len()];
        for door in cx.scene.doors.iter().filter(|d| d.kind == DoorKind::Window) {
            let [a, b] = door.rooms.map(|r| r.index());
            view_out[a] |= reach[b];
            view_out[b] |= reach[a];
        }
        for (i, room) in cx.scene.rooms.iter().enumerate() {
            if reach[i] || view_out[i] {
                continue;
            }
            // A reachable room it shares the longest wall with: where a door could go.
            let neighbour = cx
                .scene
                .rooms
                .iter()
                .enumerate()
                .filter(|&(k, _)| reach[k])
                .map(|(_, other)| (other, shared_wall(&room.outline, &other.outline)))
                .filter(|&(_, wall)| wall >= 0.6)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let help = match neighbour {
                Some((other, _)) => format!(
                    "add a door or opening between `{}` and `{}` (they share a wall), or remove `{}`",
                    other.id, room.id, room.id
                ),
                None => format!(
                    "add a door or opening from a room people can reach into `{}`, or remove it",
                    room.id
                ),
            };
            out.push(
                DOC.diagnostic(format!(
                    "room `{}` cannot be reached from where anyone starts",
                    room.id
                ))
                .at(
                    cx.spans.key_span(&room.path),
                    "no door, opening, arch or wild wall leads here from where people are",
                )
                .note("nobody can enter a room with no way in: on the plan it is a closed box")
                .help(help),
            );
        }
    }
}
