//! T005 slam-sync: a cue tied to a door slam that does not land on the slam.

use super::{cue_name, exact_time};
use crate::diagnostic::Diagnostic;
use crate::model::{Action, DoorAction, EventId};
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct SlamSync;

static DOC: RuleDoc = RuleDoc {
    code: "T005",
    name: "slam-sync",
    family: "timeline",
    level: Level::Deny,
    summary: "a cue tied to a door slam is not on the frame of the slam",
    explanation: "### What it checks\nFor every `Cue` with `on_slam: \"<door>\"`, that a `Door(…, \
action: Slam, …)` of that door happens within half a frame of the cue, at the take's frame rate. \
If the door is never slammed at all, that is reported too.\n\n\
### Why it matters\nA slam sweetener (or a light flicker on the slam) that lands a few frames off \
the door reads as a mistake: sound heard before the door moves, or after it has shut. Live on \
set, the operator fires on the caller's GO, and the sheet must put that GO on the slam.\n\n\
### Example\n```ron\n(at: \"0:32\", do: Door(door: \"pantry-door\", action: Slam, by: \"ben\")),\n\
(at: \"0:33\", do: Cue(dept: Sound, number: \"1\", what: \"Slam\", on_slam: \"pantry-door\")),\n```\n\n\
### Fix\nGive the cue the same `at` as the slam, or move the slam to the cue; if the cue is \
not really tied to the door, drop `on_slam`.",
};

impl Rule for SlamSync {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Slams of each door, in time order.
        let mut slams: Vec<Vec<EventId>> = vec![Vec::new(); cx.scene.doors.len()];
        for &e in &cx.sim.order {
            if let Action::Door {
                door,
                action: DoorAction::Slam,
                ..
            } = cx.scene.events[e.index()].action
            {
                slams[door.index()].push(e);
            }
        }
        let frame = cx.scene.frame_rate.frame_seconds();
        for &event in &cx.sim.order {
            let Action::Cue {
                on_slam: Some(door),
                ..
            } = cx.scene.events[event.index()].action
            else {
                continue;
            };
            let at = cx.scene.events[event.index()].at;
            let (name, id) = (cue_name(cx, event), &cx.scene.door(door).id);
            let of_door = &slams[door.index()];
            let time = |e: EventId| cx.scene.events[e.index()].at.seconds();
            let i = of_door.partition_point(|&e| time(e) < at.seconds());
            let nearest = [i.checked_sub(1), Some(i)]
                .into_iter()
                .flatten()
                .filter_map(|k| of_door.get(k).copied())
                .min_by(|&a, &b| {
                    (time(a) - at.seconds())
                        .abs()
                        .total_cmp(&(time(b) - at.seconds()).abs())
                });
            let Some(slam) = nearest else {
                let d = cx.scene.door(door);
                let (label, help) = if d.has_leaf() {
                    (
                        format!("`{id}` is never slammed"),
                        format!(
                            "add the slam this cue is for, e.g. `(at: \"{}\", do: Door(door: \"{id}\", action: Slam, by: …))`, \
                             or drop `on_slam`",
                            exact_time(cx, at)
                        ),
                    )
                } else {
                    (
                        format!("`{id}` has no door to slam"),
                        "name the door that slams, or drop `on_slam`".to_string(),
                    )
                };
                out.push(
                    DOC.diagnostic(format!("{name} is tied to a slam of `{id}` that never happens"))
                        .at(cx.event_span(event, "on_slam"), label)
                        .note("a cue tied to a slam has nothing to land on: the sound plays over a door that does not move")
                        .help(help),
                );
                continue;
            };
            let slam_at = cx.scene.events[slam.index()].at;
            let off = at.seconds() - slam_at.seconds();
            if off.abs() <= frame / 2.0 + 1e-9 {
                continue;
            }
            let frames = (off.abs() / frame).round();
            let (amount, side) = (
                format!("{} frame{}", frames, if frames == 1.0 { "" } else { "s" }),
                if off > 0.0 { "after" } else { "before" },
            );
            // Frames apart can look equal to a tenth of a second: then say both as timecode.
            let tenths = |t: crate::time::Time| {
                (t.seconds() * 10.0 - (t.seconds() * 10.0).round()).abs() < 1e-6
            };
            let (cue_time, slam_time) = if tenths(at) && tenths(slam_at) {
                (at.to_string(), slam_at.to_string())
            } else {
                (
                    at.smpte(cx.scene.frame_rate),
                    slam_at.smpte(cx.scene.frame_rate),
                )
            };
            out.push(
                DOC.diagnostic(format!("{name} at {cue_time} is {amount} {side} the slam of `{id}` at {slam_time}"))
                    .at(cx.event_span(event, "at"), format!("{amount} {}", if off > 0.0 { "late" } else { "early" }))
                    .also(cx.event_span(slam, ""), format!("`{id}` slams here"))
                    .note("a slam effect off the door's frame reads as a mistake: the bang is heard before the door moves, or after it has shut")
                    .help(format!("give the cue the slam's time: `at: \"{}\"`", exact_time(cx, slam_at))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SlamSync;
    use crate::rules::testing::messages;

    #[test]
    fn within_half_a_frame_is_on_the_slam_and_a_frame_off_is_not() {
        let found = messages(
            &SlamSync,
            r#"timeline: [
                (at: "0:08", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "00:00:08:00", do: Cue(dept: Sound, number: "1", what: "on it", on_slam: "hall-door")),
                (at: "0:08.01", do: Cue(dept: Sound, number: "2", what: "a quarter frame late", on_slam: "hall-door")),
                (at: "00:00:07:23", do: Cue(dept: Sound, number: "3", what: "a frame early", on_slam: "hall-door")),
                (at: "0:09", do: Cue(dept: Sound, number: "4", what: "on nothing", on_slam: "arch")),
            ]"#,
        );
        assert_eq!(
            found,
            [
                "SQ 3 at 00:00:07:23 is 1 frame before the slam of `hall-door` at 00:00:08:00",
                "SQ 4 is tied to a slam of `arch` that never happens",
            ]
        );
    }

    #[test]
    fn a_cue_is_measured_against_the_nearer_of_two_slams() {
        let found = crate::rules::testing::reports(
            &SlamSync,
            r#"timeline: [
                (at: "0:05", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "0:10", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "0:05.5", do: Cue(dept: Sound, number: "1", what: "late on the first", on_slam: "hall-door")),
                (at: "0:09.5", do: Cue(dept: Sound, number: "2", what: "early on the second", on_slam: "hall-door")),
            ]"#,
        );
        assert_eq!(
            found,
            [
                "SQ 1 at 0:05.5 is 12 frames after the slam of `hall-door` at 0:05.0 | 12 frames late | `hall-door` slams here | a slam effect off the door's frame reads as a mistake: the bang is heard before the door moves, or after it has shut | give the cue the slam's time: `at: \"0:05\"`",
                "SQ 2 at 0:09.5 is 12 frames before the slam of `hall-door` at 0:10.0 | 12 frames early | `hall-door` slams here | a slam effect off the door's frame reads as a mistake: the bang is heard before the door moves, or after it has shut | give the cue the slam's time: `at: \"0:10\"`",
            ]
        );
    }

    #[test]
    fn half_a_frame_off_is_on_the_slam_and_a_hair_more_is_not() {
        // A frame at 24 fps is 0.0417 s; half of it 0.0208 s.
        let found = messages(
            &SlamSync,
            r#"timeline: [
                (at: "0:08", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "0:08.02", do: Cue(dept: Sound, number: "1", what: "inside half a frame", on_slam: "hall-door")),
                (at: "0:07.978", do: Cue(dept: Sound, number: "2", what: "just past half a frame early", on_slam: "hall-door")),
            ]"#,
        );
        assert_eq!(
            found,
            ["SQ 2 at 00:00:07:23 is 1 frame before the slam of `hall-door` at 00:00:08:00"]
        );
    }

    #[test]
    fn a_slam_off_the_tenths_is_told_in_timecode_even_when_the_cue_is_on_a_tenth() {
        let found = messages(
            &SlamSync,
            r#"timeline: [
                (at: "00:00:08:01", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "0:08.1", do: Cue(dept: Sound, number: "1", what: "late", on_slam: "hall-door")),
            ]"#,
        );
        assert_eq!(
            found,
            ["SQ 1 at 00:00:08:02 is 1 frame after the slam of `hall-door` at 00:00:08:01"]
        );
    }

    #[test]
    fn a_cue_just_before_a_late_slam_is_measured_against_it_not_an_early_one() {
        let found = messages(
            &SlamSync,
            r#"timeline: [
                (at: "0:01", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "0:10", do: Door(door: "hall-door", action: Slam, by: "ben")),
                (at: "0:09", do: Cue(dept: Sound, number: "1", what: "early", on_slam: "hall-door")),
            ]"#,
        );
        assert_eq!(
            found,
            ["SQ 1 at 0:09.0 is 24 frames before the slam of `hall-door` at 0:10.0"]
        );
    }
}
