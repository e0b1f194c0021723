//! K005 sees-past-the-set: the camera's field of view reaches offstage floor or the outside of
//! the set before the reveal.

use super::latest_cause;
use crate::diagnostic::Diagnostic;
use crate::model::{DoorKind, RoomId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::{Gap, PastTheSet};
use crate::time::Time;

pub struct PastTheSetRule;

static DOC: RuleDoc = RuleDoc {
    code: "K005",
    name: "sees-past-the-set",
    family: "camera",
    level: Level::Deny,
    summary: "the camera sees offstage floor or the outside of the set before the reveal",
    explanation: "### What it checks\nOn every frame of the take, whether a camera's horizontal angle of view reaches \
past the set: onto offstage floor (a room marked `offstage: true`) or outside every room, through a window, an \
opening, an arch, an open door or a struck wild wall, with a clear line of sight through part of it (walls, closed \
doors, unstruck wild walls and tall furniture in between hide it; a sliver under a quarter of a degree may be missed). \
A camera standing on offstage floor sees it too. Frames in a row are reported as one time range.\n\n\
A gap with a **backing** hung behind it (`set.backings`, see docs/format.md) shows the backing, not the studio, for as \
long as the backing hangs. From the **reveal** on, seeing the studio is the point and nothing is reported. The reveal \
is the scene's `reveal` time if it gives one; otherwise the first strike of a wild wall that opens onto offstage \
floor or the outside, or the first backing flown out (`until`), whichever comes first.\n\n\
### Why it matters\nA oner has no cut to hide a glimpse of lighting stands and bare studio floor through the kitchen \
window; the shot is unusable, and nobody notices until the dailies.\n\n### Example\n```ron\n\
(id: \"kitchen-window\", kind: Window, rooms: (\"kitchen\", \"stage\"), at: (9.2, 10.0), width: 1.2),  // and no backing\n```\n\n\
### Fix\nHang a backing behind the window or opening (`backings: [(id: \"night-street\", covers: \"kitchen-window\")]` \
in `set`), keep the camera from looking through it, close the door, or, if the studio is meant to be seen from \
here, set `reveal` to the time the reveal begins.",
};

/// How the place is written in messages.
fn gap_name(cx: &Context, gap: Gap) -> String {
    match gap {
        Gap::Door(d) => {
            let door = cx.scene.door(d);
            let kind = match door.kind {
                DoorKind::Door => "open door",
                DoorKind::Opening => "opening",
                DoorKind::Arch => "arch",
                DoorKind::Window => "window",
            };
            format!("{kind} `{}`", door.id)
        }
        Gap::WildWall(w) => format!("struck wild wall `{}`", cx.scene.wild_walls[w.index()].id),
    }
}

fn room_name(cx: &Context, room: RoomId) -> String {
    format!("offstage floor `{}`", cx.scene.room(room).id)
}

fn reveal_hint(start: Time) -> String {
    format!("or, if the studio is meant to be seen from here, set `reveal: \"{start}\"`")
}

impl Rule for PastTheSetRule {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let scene = cx.scene;
        for run in &cx.camera_sweep().past_set {
            let (camera, start, end) = (run.camera, run.start, run.end);
            let cam = cx.who(camera);
            let when = format!("from {start} to {end}");
            // The camera's own move or framing, or a move of whoever it follows, turns it there.
            let mut movers = vec![camera];
            let framing = &cx.sim.framing[camera.index()];
            if let Some(f) = framing[..framing.partition_point(|f| f.at <= start)].last()
                && let crate::sim::Target::People(people) = &f.target
            {
                movers.extend(people);
            }
            let moved = latest_cause(cx, &movers, start);
            let through_gap = match run.place {
                PastTheSet::Offstage { room, through } => Some((room_name(cx, room), through)),
                PastTheSet::Outside { through } => {
                    Some(("the outside of the set".to_string(), through))
                }
                _ => None,
            };
            let d = match (run.place, through_gap) {
                (_, Some((beyond, through))) => {
                    let (span, help) = match through {
                        Gap::Door(d) => {
                            let door = scene.door(d);
                            let flown = scene
                                .backings
                                .iter()
                                .find(|b| b.covers == d)
                                .map(|b| match b.until {
                                    Some(u) if u <= start => format!(
                                        "backing `{}` is flown out at {u}: keep it in until the reveal, ",
                                        b.id
                                    ),
                                    _ => format!(
                                        "backing `{}` is flown in only at {}: fly it in by {start}, ",
                                        b.id, b.from
                                    ),
                                });
                            let close = if door.has_leaf() {
                                format!("close `{}`, ", door.id)
                            } else {
                                String::new()
                            };
                            let hang = flown.unwrap_or_else(|| {
                                format!(
                                    "hang a backing behind it (`backings: [(id: \"{}-backing\", covers: \"{}\")]` in `set`), ",
                                    door.id, door.id
                                )
                            });
                            (
                                cx.span(&door.path),
                                format!(
                                    "{hang}{close}turn or move the camera so it does not look through `{}`, {}",
                                    door.id,
                                    reveal_hint(start)
                                ),
                            )
                        }
                        Gap::WildWall(w) => {
                            let wall = &scene.wild_walls[w.index()];
                            (
                                cx.span(&wall.path),
                                format!(
                                    "strike `{}` later, keep the camera from looking through the gap, {}",
                                    wall.id,
                                    reveal_hint(start)
                                ),
                            )
                        }
                    };
                    DOC.diagnostic(format!(
                        "{cam} sees {beyond} through {} {when}, before the reveal",
                        gap_name(cx, through)
                    ))
                    .at(span, format!("the camera looks through this onto {beyond}"))
                    .also(moved, "the move or framing that turns the camera there")
                    .help(help)
                }
                (PastTheSet::StandsOffstage(room), None) => DOC
                    .diagnostic(format!(
                        "{cam} stands on {} {when}, before the reveal",
                        room_name(cx, room)
                    ))
                    .at(moved, "this takes the camera off the set")
                    .also(cx.span(&scene.room(room).path), "offstage floor")
                    .help(format!(
                        "keep the camera on the set until the reveal, {}",
                        reveal_hint(start)
                    )),
                _ => DOC
                    .diagnostic(format!(
                        "{cam} stands outside every room of the set {when}, before the reveal"
                    ))
                    .at(moved, "this takes the camera off the set")
                    .help(format!(
                        "keep the camera inside the set's rooms until the reveal, {}",
                        reveal_hint(start)
                    )),
            };
            out.push(d.note(
                "a oner cannot cut away from a glimpse of the studio: lights, flats and bare floor are in the shot",
            ));
        }
    }
}
