//! K002 line-off-camera: an on-camera line whose speaker the camera does not see.

use super::{latest_cause, obstacle_name, unseen_reason};
use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::model::PersonId;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::{Obstacle, Target, sight::Unseen};
use crate::time::Time;

pub struct LineOffCamera;

static DOC: RuleDoc = RuleDoc {
    code: "K002",
    name: "line-off-camera",
    family: "camera",
    level: Level::Deny,
    summary: "an on-camera line is spoken where no camera sees the speaker",
    explanation: "### What it checks\nFor every `Line` with `on_camera: true` (the default), at its `at`, on every frame \
of the take up to its `until`, and at its `until`, that the speaker's centre is inside a camera's horizontal angle of \
view (2·atan(sensor / (2 × focal length))) with nothing opaque between: walls, closed doors, unstruck wild walls, tall \
furniture and hanging backings block; open doorways, openings, arches and windows do not.\n\n### Why it matters\nIn \
a oner there is no coverage to cut to: a line delivered off camera is lost (or must be marked `on_camera: false` on \
purpose, as a voice from the next room).\n\n\
### Example\n```ron\n(at: \"2:13\", do: Line(who: \"her\", says: \"She asks who paid for the keys\")),  // she is behind the camera\n```\n\n\
### Fix\nIt depends on why the camera misses the speaker, and the diagnostic says which. Out of frame: reframe the \
camera on the speaker (`Camera(frame: [\"her\"])`) before the line, or move the speaker into shot; if the speaker \
is already framed with others who stand too far apart for the lens, step the camera back, fit a wider lens (the \
help names the focal length that would take them in) or frame the speaker alone. Behind a closed \
door: open it first. Behind a wall, a standing wild wall or a tall piece of furniture: reframing does not help; move \
the camera to where it sees the speaker (through a doorway), bring the speaker into the camera's room, or strike the \
wild wall first. Or mark the line `on_camera: false` if it is meant to be heard, not seen.",
};

/// What to do about a line the camera misses at `t`, for the reason it misses it; `at` is
/// when the line starts.
fn help(cx: &Context, camera: PersonId, who: PersonId, why: Unseen, at: Time, t: Time) -> String {
    let name = cx.who(who);
    let off = "or mark the line `on_camera: false`";
    match why {
        Unseen::OutOfFrame { off_axis, .. } => match framed_with_others(cx, camera, who, t) {
            Some(framing) => {
                let lens = cx.sim.lens(camera, t);
                // The longest lens that would take in the speaker's whole body from here.
                let distance = cx.sim.position(camera, t).distance(cx.sim.position(who, t));
                let body = (cx.scene.person(who).radius / distance.max(1e-6))
                    .min(1.0)
                    .asin();
                let sensor = cx
                    .scene
                    .person(camera)
                    .camera()
                    .map_or(0.0, |c| c.sensor_mm);
                let half = off_axis + body;
                let wider = (sensor / (2.0 * half.tan())).floor();
                let lens_fix = if half < 80f64.to_radians() && wider >= 4.0 {
                    format!(
                        " or fit a {} mm lens (`Camera(lens_mm: {wider:.1})`)",
                        number(wider, 0)
                    )
                } else {
                    String::new()
                };
                format!(
                    "{name} is framed, but the framing on {framing} is wider than the {} mm lens takes in from here: step the camera back{lens_fix} before {at}, frame {name} alone (`Camera(frame: [\"{}\"])`), {off}",
                    number(lens, 0),
                    cx.scene.person(who).id
                )
            }
            None => format!(
                "frame {name} before {at} (`Camera(frame: [\"{}\"])`), move them into shot, {off}",
                cx.scene.person(who).id
            ),
        },
        Unseen::Blocked(Obstacle::Door(d)) => format!(
            "open `{}` before {at} (`Door(door: \"{}\", action: Open, by: …)`), move the camera or {name} so the door is not between them, {off}",
            cx.scene.door(d).id,
            cx.scene.door(d).id
        ),
        Unseen::Blocked(Obstacle::WildWall(w)) => format!(
            "strike `{}` before {at}, move the camera to where it sees {name} through a doorway, {off}",
            cx.scene.wild_walls[w.index()].id
        ),
        Unseen::Blocked(obstacle) => format!(
            "reframing does not help: {} is in the way; move the camera to where it sees {name} (through a doorway or opening), bring {name} to the camera, {off}",
            obstacle_name(cx, obstacle)
        ),
    }
}

/// The people `camera` frames at `t` ("`kit` and `porter`"), if `who` is one of several and
/// the pan onto them is over: then the framing itself leaves `who` out of the picture.
fn framed_with_others(cx: &Context, camera: PersonId, who: PersonId, t: Time) -> Option<String> {
    let framing = &cx.sim.framing[camera.index()];
    let current = framing[..framing.partition_point(|f| f.at <= t)].last()?;
    let Target::People(people) = &current.target else {
        return None;
    };
    let panned = current.at.seconds() + current.pan <= t.seconds();
    if !panned || people.len() < 2 || !people.contains(&who) {
        return None;
    }
    let names: Vec<String> = people.iter().map(|&p| cx.who(p)).collect();
    Some(match names.split_last() {
        Some((last, [first])) => format!("{first} and {last}"),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    })
}

impl Rule for LineOffCamera {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for missed in &cx.camera_sweep().missed_lines {
            let event = &cx.scene.events[missed.event.index()];
            let crate::model::Action::Line { who, .. } = &event.action else {
                continue;
            };
            let (t, camera, why) = (missed.at, missed.camera, missed.why);
            let reason = unseen_reason(cx, *who, why, cx.sim.lens(camera, t));
            let when = if t == event.at {
                format!("at {t}")
            } else {
                format!("at {t}, during the line")
            };
            let cause = match why {
                Unseen::OutOfFrame { .. } => "the camera's last move or framing",
                Unseen::Blocked(_) => {
                    "the camera's last move or framing: it stands where the view is blocked"
                }
            };
            out.push(
                DOC.diagnostic(format!(
                    "{}'s on-camera line is not seen by {} {when}",
                    cx.who(*who),
                    cx.who(camera)
                ))
                .at(cx.event_span(missed.event, "who"), reason)
                .also(latest_cause(cx, &[camera], t), cause)
                .note("a oner has no other angle to cut to: a line the camera does not see is lost")
                .help(help(cx, camera, *who, why, event.at, t)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineOffCamera;
    use crate::rules::testing::{check, scene};

    fn found(timeline: &str) -> Vec<(String, String)> {
        check(&LineOffCamera, &scene(&format!("timeline: [{timeline}],")))
            .into_iter()
            .map(|d| (d.message, d.help.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn behind_a_closed_door_the_help_opens_the_door_and_does_not_reframe() {
        let got = found(
            r#"(at: "0:01", do: Move(who: "ben", to: "H1", arrive: "0:05")),
               (at: "0:06", do: Camera(to: "L2", arrive: "0:08", frame: ["ben"])),
               (at: "0:10", do: Line(who: "ben", says: "He calls through the door"))"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].1.starts_with("open `hall-door` before 0:10.0"),
            "{got:?}"
        );
        assert!(!got[0].1.contains("Camera(frame"), "{got:?}");
    }

    #[test]
    fn out_of_frame_the_help_reframes() {
        let got = found(
            r#"(at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04")),
               (at: "0:10", do: Line(who: "ben", says: "He speaks beside the lens"))"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.starts_with("frame `ben` before 0:10.0"), "{got:?}");
    }

    #[test]
    fn framed_with_someone_too_far_apart_the_help_says_the_framing_is_too_wide() {
        // The camera on C1 (8.4, 3.6) frames ana on K1 (1.5, 1.5) and ben on L2 (8.3, 2)
        // beside the lens: their midpoint is far from both, and the 18 mm lens takes in
        // neither. Framed alone after the pan, she is seen.
        let got = found(
            r#"(at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04")),
               (at: "0:05", do: Camera(frame: ["ana", "ben"])),
               (at: "0:10", do: Line(who: "ben", says: "He speaks beside the lens"))"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].1.starts_with("`ben` is framed, but the framing on `ana` and `ben` is wider than the 18 mm lens takes in from here: step the camera back or fit a "),
            "{got:?}"
        );
        assert!(
            got[0]
                .1
                .contains("frame `ben` alone (`Camera(frame: [\"ben\"])`)"),
            "{got:?}"
        );
        // Still panning onto the pair when the line starts: the plain advice.
        let panning = found(
            r#"(at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04")),
               (at: "0:05", do: Camera(frame: ["ana", "ben"])),
               (at: "0:05.1", do: Line(who: "ben", says: "He speaks beside the lens"))"#,
        );
        assert!(
            panning
                .iter()
                .all(|(_, help)| help.starts_with("frame `ben` before")),
            "{panning:?}"
        );
    }

    #[test]
    fn a_door_opened_a_frame_before_the_line_is_a_near_miss_and_a_frame_late_is_not() {
        let with_door = |open: &str| {
            found(&format!(
                r#"(at: "0:01", do: Move(who: "ben", to: "H1", arrive: "0:05")),
                   (at: "0:06", do: Camera(to: "L2", arrive: "0:08", frame: ["ben"])),
                   (at: "{open}", do: Door(door: "hall-door", action: Open, by: "ben")),
                   (at: "0:10", do: Line(who: "ben", says: "He calls through the door", until: "0:12"))"#
            ))
        };
        assert!(with_door("0:09.9").is_empty());
        let late = with_door("0:10.1");
        assert_eq!(late.len(), 1, "{late:?}");
        assert!(late[0].0.contains("at 0:10.0"), "{late:?}");
    }

    #[test]
    fn behind_a_plain_wall_the_help_says_reframing_does_not_help() {
        // The camera on C1 (8.4, 3.6) frames ben on K2 (3, 3.2): the kitchen wall is between.
        let got = crate::rules::testing::reports(
            &LineOffCamera,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ben", to: "K2", arrive: "0:06")),
                (at: "0:07", do: Camera(frame: ["ben"])),
                (at: "0:10", do: Line(who: "ben", says: "He speaks from the kitchen")),
            ]"#,
        );
        assert_eq!(
            got,
            [
                "`ben`'s on-camera line is not seen by `cam` at 0:10.0 | a wall is between the camera and `ben` | the camera's last move or framing: it stands where the view is blocked | a oner has no other angle to cut to: a line the camera does not see is lost | reframing does not help: a wall is in the way; move the camera to where it sees `ben` (through a doorway or opening), bring `ben` to the camera, or mark the line `on_camera: false`"
            ]
        );
    }

    #[test]
    fn a_door_shut_between_frames_is_caught_at_a_line_start_or_end_off_the_frame() {
        // The camera on L2 (8.3, 2) frames ben through the open hall door on H1 (10, 2). At
        // 24 fps the frames are 0:10.0 and 0:10.0417: the door shuts at 0:10.01, between them.
        let with = |line: &str, door: &str| {
            found(&format!(
                r#"(at: "0:01", do: Door(door: "hall-door", action: Open, by: "ben")),
                   (at: "0:02", do: Move(who: "ben", to: "H1", arrive: "0:06")),
                   (at: "0:02", do: Camera(to: "L2", arrive: "0:05", frame: ["ben"])),
                   {line},
                   {door}"#
            ))
        };
        let shut = r#"(at: "0:10.01", do: Door(door: "hall-door", action: Close, by: "ben"))"#;
        // Ends at 0:10.02, after the door shuts but before the next frame.
        let end = with(
            r#"(at: "0:07", do: Line(who: "ben", says: "Wait for me", until: "0:10.02"))"#,
            shut,
        );
        assert_eq!(end.len(), 1, "{end:?}");
        assert_eq!(
            end[0].0,
            "`ben`'s on-camera line is not seen by `cam` at 0:10.0, during the line"
        );
        let before = with(
            r#"(at: "0:07", do: Line(who: "ben", says: "Wait for me", until: "0:10.005"))"#,
            shut,
        );
        assert!(before.is_empty(), "{before:?}");
        // Starts at 0:10.02 while the door is shut for a moment (0:10.01 to 0:10.03).
        let start = with(
            r#"(at: "0:10.02", do: Line(who: "ben", says: "Wait for me"))"#,
            &format!(
                r#"{shut}, (at: "0:10.03", do: Door(door: "hall-door", action: Open, by: "ben"))"#
            ),
        );
        assert_eq!(start.len(), 1, "{start:?}");
        assert!(
            start[0]
                .0
                .starts_with("`ben`'s on-camera line is not seen by `cam` at 0:10.0"),
            "{start:?}"
        );
    }

    #[test]
    fn a_long_line_is_watched_through_a_still_stretch_until_the_speaker_walks_out() {
        // Nothing moves from 0:07 to 0:11 (frames the sweep may skip); then ben walks from L1
        // to H1, behind the closed hall door, before his line ends at 0:15.
        let got = found(
            r#"(at: "0:07", do: Line(who: "ben", says: "A long speech", until: "0:15")),
               (at: "0:11", do: Move(who: "ben", to: "H1", arrive: "0:14"))"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.ends_with(", during the line"), "{got:?}");
        assert!(!got[0].0.contains("at 0:15.0"), "{got:?}");
    }

    #[test]
    fn a_door_shut_on_a_frame_hides_the_speaker_from_that_very_frame() {
        // Nothing moves from 0:06 on; the hall door shuts at 0:10, on a frame, mid-line.
        let text = scene(
            r#"timeline: [
                (at: "0:01", do: Door(door: "hall-door", action: Open, by: "ben")),
                (at: "0:02", do: Move(who: "ben", to: "H1", arrive: "0:05")),
                (at: "0:02", do: Camera(to: "L2", arrive: "0:05", frame: ["ben"])),
                (at: "0:07", do: Line(who: "ben", says: "Wait for me", until: "0:12")),
                (at: "0:10", do: Door(door: "hall-door", action: Close, by: "ben")),
            ],"#,
        );
        let missed: Vec<f64> = crate::rules::testing::with_context(&text, |cx| {
            cx.camera_sweep()
                .missed_lines
                .iter()
                .map(|m| m.at.seconds())
                .collect()
        });
        assert_eq!(missed, [10.0]);
    }

    #[test]
    fn a_line_starting_between_frames_is_checked_at_its_own_moment() {
        // The frames are 0:10.0 and 0:10.0417; the line starts at 0:10.02, with the hall door
        // between ben and the camera shut from 0:10.01 to 0:10.03.
        let text = scene(
            r#"timeline: [
                (at: "0:01", do: Door(door: "hall-door", action: Open, by: "ben")),
                (at: "0:02", do: Move(who: "ben", to: "H1", arrive: "0:05")),
                (at: "0:02", do: Camera(to: "L2", arrive: "0:05", frame: ["ben"])),
                (at: "0:10.01", do: Door(door: "hall-door", action: Close, by: "ben")),
                (at: "0:10.02", do: Line(who: "ben", says: "Wait for me", until: "0:11")),
                (at: "0:10.03", do: Door(door: "hall-door", action: Open, by: "ben")),
            ],"#,
        );
        let missed: Vec<f64> = crate::rules::testing::with_context(&text, |cx| {
            cx.camera_sweep()
                .missed_lines
                .iter()
                .map(|m| m.at.seconds())
                .collect()
        });
        assert_eq!(missed, [10.02]);
    }
}
