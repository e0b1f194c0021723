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
        Gap::OpenAir(r) => format!("the open side of exterior `{}`", cx.scene.room(r).id),
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
                        // An exterior's open side leads only to the location or to another
                        // exterior; offstage floor beyond it still has its own wall.
                        Gap::OpenAir(r) => (
                            cx.span(&scene.room(r).path),
                            format!(
                                "keep the camera from looking that way, {}",
                                reveal_hint(start)
                            ),
                        ),
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

#[cfg(test)]
mod tests {
    use super::PastTheSetRule;
    use crate::rules::testing::check;

    /// An L-shaped flat (the long arm along the top, the short arm down the left side) with a
    /// window in the short arm's south wall onto the studio floor. `extra` goes in `set`,
    /// `top` at the top level, `timeline` is the timeline.
    fn l_set(extra: &str, top: &str, timeline: &str) -> String {
        format!(
            r##"Scene(
    title: "L", frame_rate: 24, length: "0:20", allow: ["unreachable-room"], {top}
    set: (
        rooms: {{
            "flat": (name: "Flat", shape: Polygon([(0.0, 0.0), (10.0, 0.0), (10.0, 3.0), (3.0, 3.0), (3.0, 8.0), (0.0, 8.0)])),
            "stage": (name: "Studio floor", shape: Rect(x: 0.0, y: 8.0, w: 10.0, h: 4.0), offstage: true),
        }},
        doors: [(id: "window", kind: Window, rooms: ("flat", "stage"), at: (1.5, 8.0), width: 1.0)],
        marks: {{
            "E": (room: "flat", at: (9.0, 1.5)),
            "W": (room: "flat", at: (1.0, 1.5)),
            "S": (room: "flat", at: (1.5, 6.5)),
            "C": (room: "flat", at: (5.0, 1.0)),
            "CS": (room: "flat", at: (1.5, 1.0)),
        }},
        {extra}
    ),
    cast: {{ "ana": (name: "Ana", colour: "#d1495b", starts_at: "E") }},
    crew: {{ "cam": (role: Camera(rig: Dolly, lens_mm: 32.0), starts_at: "C", facing: "ana") }},
    timeline: [{timeline}],
)"##
        )
    }

    fn messages(text: &str) -> Vec<String> {
        check(&PastTheSetRule, text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn looking_down_the_short_arm_through_the_window_fires() {
        // Blatant: she walks to the far end of the short arm; the camera, framing her from the
        // corner of the L, looks straight down it at the window.
        let found = messages(&l_set(
            "",
            "",
            r#"(at: "0:01", do: Camera(to: "CS", arrive: "0:04")), (at: "0:05", do: Move(who: "ana", to: "S", arrive: "0:09"))"#,
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("sees offstage floor `stage` through window `window`"),
            "{found:?}"
        );
    }

    #[test]
    fn the_window_round_the_corner_of_the_l_is_not_seen() {
        // Near miss: from the long arm the window is inside the angle of view, but the inner
        // corner of the L hides it.
        let found = messages(&l_set(
            "",
            "",
            r#"(at: "0:02", do: Move(who: "ana", to: "W", arrive: "0:08"))"#,
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_backing_covers_the_window() {
        let found = messages(&l_set(
            r#"backings: [(id: "garden", covers: "window")],"#,
            "",
            r#"(at: "0:01", do: Camera(to: "CS", arrive: "0:04")), (at: "0:05", do: Move(who: "ana", to: "S", arrive: "0:09"))"#,
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_backing_flown_out_early_fires_from_then_unless_that_is_the_reveal() {
        // Subtle: the drop flies out at 0:10 while the camera still looks at the window; the
        // scene's reveal is later, so the frames from 0:10 fire.
        let timeline = r#"(at: "0:01", do: Camera(to: "CS", arrive: "0:04")), (at: "0:05", do: Move(who: "ana", to: "S", arrive: "0:09"))"#;
        let found = messages(&l_set(
            r#"backings: [(id: "garden", covers: "window", until: "0:10")],"#,
            r#"reveal: "0:15","#,
            timeline,
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("from 0:10.0 to 0:15.0"), "{found:?}");
        // With no `reveal` given, flying the backing out is the reveal: nothing fires.
        let found = messages(&l_set(
            r#"backings: [(id: "garden", covers: "window", until: "0:10")],"#,
            "",
            timeline,
        ));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_frame_of_the_window_is_reported_and_none_is_not() {
        // Subtle and near miss, a frame apart: the camera turns to follow her as she crosses
        // the corner; an explicit reveal a frame after the glimpse begins leaves one frame.
        let timeline = r#"(at: "0:01", do: Camera(to: "CS", arrive: "0:04")), (at: "0:05", do: Move(who: "ana", to: "S", arrive: "0:09"))"#;
        let text = l_set("", "", timeline);
        let loaded = crate::load::load(&crate::source::SourceFile::new("l.ron", &text));
        let scene = loaded.scene.expect("loads");
        let sim = crate::sim::Simulation::new(&scene);
        let cx = crate::rules::Context::new(&scene, &sim, &loaded.spans);
        let first = cx.camera_sweep().past_set[0].start;
        let start = first.to_string();
        let seconds = first.seconds();
        let one_frame_later = seconds + 1.5 / 24.0;
        let subtle = messages(&l_set(
            "",
            &format!(r#"reveal: "0:{one_frame_later:06.3}","#),
            timeline,
        ));
        assert_eq!(subtle.len(), 1, "{subtle:?}");
        assert!(
            subtle[0].contains(&format!("from {start} to {start}")),
            "{subtle:?}"
        );
        let near_miss = messages(&l_set(
            "",
            &format!(r#"reveal: "0:{:06.3}","#, seconds - 0.2 / 24.0),
            timeline,
        ));
        assert!(near_miss.is_empty(), "{near_miss:?}");
    }

    #[test]
    fn a_dinner_on_a_dolly_past_an_open_door_to_the_studio() {
        // A dolly tracks along a dinner table; the door to the studio is open until someone
        // closes it, and the view passes it only after it is shut: clean. Left open, it fires.
        let scene = |close: &str| {
            format!(
                r##"Scene(
    title: "Dinner", frame_rate: 25, length: "0:30",
    set: (
        rooms: {{
            "dining": (name: "Dining room", shape: Rect(x: 0.0, y: 0.0, w: 8.0, h: 5.0)),
            "stage": (name: "Studio floor", shape: Rect(x: 8.0, y: 0.0, w: 4.0, h: 5.0), offstage: true),
        }},
        doors: [(id: "service", kind: Door, rooms: ("dining", "stage"), at: (8.0, 2.5), width: 1.0, state: Open)],
        furniture: [(id: "table", name: "Table", room: "dining", shape: Rect(x: 2.0, y: 2.0, w: 4.0, h: 1.0))],
        marks: {{
            "D1": (room: "dining", at: (1.0, 4.2)), "D2": (room: "dining", at: (6.5, 4.2)),
            "G1": (room: "dining", at: (3.0, 1.5)), "G2": (room: "dining", at: (7.0, 2.5)),
            "W": (room: "stage", at: (10.0, 2.5)),
        }},
    ),
    cast: {{
        "host": (name: "Host", colour: "#d1495b", starts_at: "G1"),
        "waiter": (name: "Waiter", colour: "#00798c", starts_at: "G2"),
    }},
    crew: {{ "cam": (role: Camera(rig: Dolly, lens_mm: 35.0), starts_at: "D1", facing: "host") }},
    timeline: [
        {close}
        (at: "0:06", do: Camera(to: "D2", arrive: "0:20", frame: ["waiter"])),
    ],
)"##
            )
        };
        let shut = messages(&scene(
            r#"(at: "0:02", do: Door(door: "service", action: Close, by: "waiter")),"#,
        ));
        assert!(shut.is_empty(), "{shut:?}");
        let open = messages(&scene(""));
        assert_eq!(open.len(), 1, "{open:?}");
        assert!(open[0].contains("through open door `service`"), "{open:?}");
    }

    #[test]
    fn the_reveal_is_the_strike_of_a_wild_wall_onto_the_studio() {
        // The camera backs out through the struck flat onto the studio floor: nothing fires
        // after the strike; standing on the floor before it does.
        let scene = |strike: &str| {
            format!(
                r##"Scene(
    title: "Reveal", frame_rate: 24, length: "0:30", allow: ["wild-wall"],
    set: (
        rooms: {{
            "living": (name: "Living", shape: Rect(x: 0.0, y: 0.0, w: 6.0, h: 4.0)),
            "stage": (name: "Studio floor", shape: Rect(x: 0.0, y: 4.0, w: 6.0, h: 6.0), offstage: true),
        }},
        wild_walls: [(id: "flat", from: (0.0, 4.0), to: (6.0, 4.0))],
        marks: {{
            "A": (room: "living", at: (3.0, 1.0)), "C": (room: "living", at: (3.0, 3.0)),
            "S": (room: "stage", at: (3.0, 9.0)),
        }},
    ),
    cast: {{ "ana": (name: "Ana", colour: "#d1495b", starts_at: "A") }},
    crew: {{ "cam": (role: Camera(rig: Steadicam, lens_mm: 24.0), starts_at: "C", facing: "ana") }},
    timeline: [
        (at: "{strike}", do: Cue(dept: StageManagement, what: "Fly the flat", strikes: "flat")),
        (at: "0:12", do: Camera(to: "S", arrive: "0:20")),
    ],
)"##
            )
        };
        assert!(messages(&scene("0:10")).is_empty());
        let late = messages(&scene("0:16"));
        assert_eq!(late.len(), 1, "{late:?}");
        assert!(
            late[0].contains("stands on offstage floor `stage`"),
            "{late:?}"
        );
    }

    fn helps(text: &str) -> Vec<String> {
        check(&PastTheSetRule, text)
            .into_iter()
            .map(|d| d.help.unwrap_or_default())
            .collect()
    }

    #[test]
    fn the_help_says_when_the_backing_hangs_if_it_is_not_there() {
        let timeline = r#"(at: "0:01", do: Camera(to: "CS", arrive: "0:04")), (at: "0:05", do: Move(who: "ana", to: "S", arrive: "0:09"))"#;
        let out = helps(&l_set(
            r#"backings: [(id: "garden", covers: "window", until: "0:10")],"#,
            r#"reveal: "0:15","#,
            timeline,
        ));
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].starts_with("backing `garden` is flown out at 0:10.0: keep it in until the reveal, turn or move the camera so it does not look through `window`, or, if the studio is meant to be seen from here, set `reveal: \"0:10.0\"`"),
            "{out:?}"
        );
        // Flown in too late (and out again later): the help is about flying it in.
        let late = helps(&l_set(
            r#"backings: [(id: "garden", covers: "window", from: "0:18", until: "0:19")],"#,
            "",
            timeline,
        ));
        assert_eq!(late.len(), 1, "{late:?}");
        assert!(
            late[0].starts_with("backing `garden` is flown in only at 0:18.0: fly it in by "),
            "{late:?}"
        );
    }

    #[test]
    fn a_wild_wall_struck_onto_nothing_before_the_reveal_shows_the_outside_of_the_set() {
        let text = r##"Scene(
    title: "Outside", frame_rate: 24, length: "0:30", allow: ["wild-wall"], reveal: "0:25",
    set: (
        rooms: { "living": (name: "Living", shape: Rect(x: 0.0, y: 0.0, w: 6.0, h: 4.0)) },
        wild_walls: [(id: "flat", from: (0.0, 4.0), to: (6.0, 4.0))],
        marks: { "A": (room: "living", at: (3.0, 1.0)), "C": (room: "living", at: (3.0, 3.0)) },
    ),
    cast: { "ana": (name: "Ana", colour: "#d1495b", starts_at: "C") },
    crew: { "cam": (role: Camera(rig: Steadicam, lens_mm: 24.0), starts_at: "A", facing: "ana") },
    timeline: [(at: "0:05", do: Cue(dept: StageManagement, what: "Fly the flat", strikes: "flat"))],
)"##;
        let found = messages(text);
        // The last frame before the reveal is 0:24.958, printed to the tenth.
        assert_eq!(
            found,
            [
                "`cam` sees the outside of the set through struck wild wall `flat` from 0:05.0 to 0:25.0, before the reveal"
            ]
        );
    }

    #[test]
    fn a_camera_cutting_across_the_gap_between_two_rooms_stands_outside_the_set() {
        // Two rooms 2 m apart with no way between them and no offstage floor: a straight move
        // from one to the other crosses bare studio floor.
        let text = r##"Scene(
    title: "gap", frame_rate: 24, length: "0:20", allow: ["unreachable-room"],
    set: (
        rooms: {
            "kitchen": (name: "Kitchen", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            "shed": (name: "Shed", shape: Rect(x: 6.0, y: 0.0, w: 4.0, h: 4.0)),
        },
        marks: {
            "K1": (room: "kitchen", at: (1.0, 2.0)),
            "C1": (room: "kitchen", at: (3.0, 2.0)),
            "S1": (room: "shed", at: (7.0, 2.0)),
        },
    ),
    cast: { "ana": (name: "Ana", colour: "#d1495b", starts_at: "K1") },
    crew: { "cam": (role: Camera(rig: Steadicam, lens_mm: 24.0), starts_at: "C1", facing: "ana") },
    timeline: [(at: "0:02", do: Camera(to: "S1", arrive: "0:06"))],
)"##;
        let found = messages(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .starts_with("`cam` stands outside every room of the set from 0:03.0 to 0:05.0"),
            "{found:?}"
        );
    }
}
