//! K001 jump: the camera's view changes faster than any operator can turn: it reads as a cut.

use super::latest_cause;
use super::sweep::Whip;
use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::geometry::Point;
use crate::model::PersonId;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::Target;
use crate::time::Time;

pub struct Jump;

/// Faster than this (degrees per second) a pan is a whip that reads as a cut.
pub const WHIP_DEGREES_PER_SECOND: f64 = 180.0;

static DOC: RuleDoc = RuleDoc {
    code: "K001",
    name: "camera-jump",
    family: "camera",
    level: Level::Deny,
    summary: "the camera's view jumps faster than an operator can turn, which reads as a cut",
    explanation: "### What it checks\nFrame by frame over the whole take, how fast the camera turns. Reframes pan at \
90°/s; but following someone who passes close to the lens, a camera that walks past its subject, or a camera with \
no framing whose route turns a sharp corner can swing the view faster than 180°/s. The diagnostic points at the move \
that does it: the subject's (someone running past the lens) or the camera's own.\n\n### Why it matters\nA oner \
promises no cuts. A view that jumps between two frames is a cut in all but name, and a Steadicam operator cannot whip \
that fast without blur and shake.\n\n\
### Example\n```ron\n(at: \"1:00\", do: Camera(frame: [\"him\"])),  // he then runs past the lens at arm's length\n```\n\n\
### Fix\nWhen the subject's move causes it: slow that move or keep its path farther from the camera. When the \
camera's move causes it: slow the camera or route it farther from the subject. Framing both performers, or a mark \
ahead, turns the camera less.",
};

/// Which move makes the view swing.
enum Cause {
    /// A framed subject moving across the lens (their move's event).
    Subject(PersonId, crate::model::EventId),
    /// The camera's own move past its subject, or round a corner with no framing.
    Camera(crate::model::EventId, Option<PersonId>),
}

/// The move that turns the view fastest at `t`: the framed person or the camera whose motion
/// across the line between them is larger.
fn cause(cx: &Context, camera: PersonId, t: Time) -> Option<Cause> {
    let sim = cx.sim;
    let step = cx.scene.frame_rate.frame_seconds();
    let velocity = |who: PersonId| -> Point {
        let before = Time::from_seconds((t.seconds() - step).max(0.0)).unwrap_or(t);
        let after = Time::from_seconds(t.seconds() + step).unwrap_or(t);
        let span = (after.seconds() - before.seconds()).max(1e-9);
        (sim.position(who, after) - sim.position(who, before)) * (1.0 / span)
    };
    let framing = &sim.framing[camera.index()];
    let current = framing[..framing.partition_point(|f| f.at <= t)].last();
    let subjects: &[PersonId] = match current.map(|f| &f.target) {
        Some(Target::People(people)) => people,
        _ => &[],
    };
    let here = sim.position(camera, t);
    let camera_leg = sim.tracks[camera.index()].moving_leg(t).map(|l| l.event);
    // Angular speed each mover gives the line from the camera to a subject: the part of its
    // velocity across that line, over the distance.
    let across = |subject: PersonId, v: Point| {
        let to = sim.position(subject, t) - here;
        let d = to.length().max(1e-6);
        (to.normalised().cross(v)).abs() / d
    };
    let mut best: Option<(f64, Cause)> = None;
    for &s in subjects {
        if let Some(event) = sim.tracks[s.index()].moving_leg(t).map(|l| l.event) {
            let rate = across(s, velocity(s));
            if best.as_ref().is_none_or(|(b, _)| rate > *b) {
                best = Some((rate, Cause::Subject(s, event)));
            }
        }
        if let Some(event) = camera_leg {
            let rate = across(s, velocity(camera));
            if best.as_ref().is_none_or(|(b, _)| rate > *b) {
                best = Some((rate, Cause::Camera(event, Some(s))));
            }
        }
    }
    match (best, camera_leg) {
        (Some((_, cause)), _) => Some(cause),
        (None, Some(event)) => Some(Cause::Camera(event, None)),
        (None, None) => None,
    }
}

impl Rule for Jump {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for &Whip {
            camera,
            start,
            fastest,
            ..
        } in &cx.camera_sweep().whips
        {
            let diagnostic = DOC
                .diagnostic(format!(
                    "{} swings {}°/s at {start}, too fast for an operator: it reads as a cut",
                    cx.who(camera),
                    number(fastest.to_degrees(), 0)
                ))
                .note(format!(
                    "a oner has no cuts; pans faster than {WHIP_DEGREES_PER_SECOND}°/s look like one"
                ))
                .when(start, cx.sim.position(camera, start));
            let framing = latest_cause(cx, &[camera], start);
            let diagnostic = match cause(cx, camera, start) {
                Some(Cause::Subject(who, event)) => diagnostic
                    .at(
                        cx.event_span(event, ""),
                        format!("{} moves across the lens here, close to the camera", cx.who(who)),
                    )
                    .also(framing, "the camera follows them from here")
                    .help(format!(
                        "slow {}'s move or keep its path farther from the camera; or frame both performers, or a mark ahead, so the camera turns less",
                        cx.who(who)
                    )),
                Some(Cause::Camera(event, Some(who))) => diagnostic
                    .at(
                        cx.event_span(event, ""),
                        format!("the camera's move swings its view past {}", cx.who(who)),
                    )
                    .help(format!(
                        "slow the camera's move or route it farther from {}; or frame a mark ahead instead, so the camera turns less",
                        cx.who(who)
                    )),
                Some(Cause::Camera(event, None)) => diagnostic
                    .at(
                        cx.event_span(event, ""),
                        "with no framing the camera looks where it walks, and its route turns sharply",
                    )
                    .help("frame someone or a mark (`Camera(frame: [...])`) so the view does not whip round with the route, or slow the move"),
                None => diagnostic
                    .at(framing, "the framing set here swings the view")
                    .help("keep the camera farther from the subject, frame both performers, or slow the move"),
            };
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Jump;
    use crate::rules::testing::{check, scene};

    /// The standard scene with living-room marks L3 (8, 2.3), L4 (4.5, 2.3) and L5 (6, 1.6):
    /// the camera goes to L3, frames ben on L1 (6, 2) and then runs to L4, 0.3 m past him.
    fn whips(ben_moves: &str) -> Vec<String> {
        check(&Jump, &whips_scene(ben_moves))
            .into_iter()
            .map(|d| {
                format!(
                    "{} | {} | {}",
                    d.message,
                    d.primary.map(|l| l.message).unwrap_or_default(),
                    d.help.unwrap_or_default()
                )
            })
            .collect()
    }

    /// The scene of [`whips`].
    fn whips_scene(ben_moves: &str) -> String {
        scene(&format!(
            r#"timeline: [
                (at: "0:01", do: Camera(to: "L3", arrive: "0:04")),
                (at: "0:05", do: Camera(frame: ["ben"])),
                (at: "0:10", do: Camera(to: "L4", arrive: "0:11")),
                {ben_moves}
            ]"#
        ))
        .replace(
            r#""C1": (room: "living", at: (8.4, 3.6)),"#,
            r#""C1": (room: "living", at: (8.4, 3.6)), "L3": (room: "living", at: (8.0, 2.3)),
               "L4": (room: "living", at: (4.5, 2.3)), "L5": (room: "living", at: (6.0, 1.6)),
               "L6": (room: "living", at: (4.7, 0.45)), "L7": (room: "living", at: (6.0, 3.9)),"#,
        )
    }

    #[test]
    fn a_camera_running_past_its_standing_subject_is_the_cause() {
        // 3.5 m/s at 0.3 m is about 670°/s; measured frame to frame.
        let found = whips("");
        assert_eq!(
            found,
            [
                "`cam` swings 649°/s at 0:10.5, too fast for an operator: it reads as a cut | the camera's move swings its view past `ben` | slow the camera's move or route it farther from `ben`; or frame a mark ahead instead, so the camera turns less"
            ]
        );
    }

    #[test]
    fn a_camera_running_past_a_subject_who_steps_slowly_aside_is_still_the_cause() {
        let found = whips(r#"(at: "0:09", do: Move(who: "ben", to: "L5", arrive: "0:15")),"#);
        assert_eq!(
            found,
            [
                "`cam` swings 489°/s at 0:10.5, too fast for an operator: it reads as a cut | the camera's move swings its view past `ben` | slow the camera's move or route it farther from `ben`; or frame a mark ahead instead, so the camera turns less"
            ]
        );
    }

    #[test]
    fn a_subject_drifting_slowly_across_a_long_way_is_not_the_cause() {
        // ben sets off on a slow 1.9 m drift north (L7, 0.06 m/s) as the camera runs past
        // him: he has far to go, but it is the camera's speed that whips the view.
        let found = whips(r#"(at: "0:09", do: Move(who: "ben", to: "L7", arrive: "0:40")),"#);
        assert!(!found.is_empty());
        for whip in &found {
            assert!(
                whip.contains("| the camera's move swings its view past `ben` |"),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_whip_still_under_way_when_the_take_ends_is_reported_at_its_speed() {
        // The camera's run stops just past ben (L4 moved to 0.3 m from him) as the take ends.
        let text = whips_scene("")
            .replace(r#"length: "1:00""#, r#"length: "0:11""#)
            .replace(
                r#""L4": (room: "living", at: (4.5, 2.3))"#,
                r#""L4": (room: "living", at: (5.9, 2.3))"#,
            );
        let found: Vec<String> = check(&Jump, &text).into_iter().map(|d| d.message).collect();
        assert_eq!(
            found,
            ["`cam` swings 394°/s at 0:10.8, too fast for an operator: it reads as a cut"]
        );
    }

    #[test]
    fn a_subject_moving_straight_away_from_the_lens_is_not_the_cause() {
        // As the camera runs past him, ben backs away along the line from the lens (to L6,
        // south-west): that does not turn the view; the camera's own move does.
        let found = whips(r#"(at: "0:10.4", do: Move(who: "ben", to: "L6", arrive: "0:11.1")),"#);
        assert_eq!(
            found,
            [
                "`cam` swings 238°/s at 0:10.5, too fast for an operator: it reads as a cut | the camera's move swings its view past `ben` | slow the camera's move or route it farther from `ben`; or frame a mark ahead instead, so the camera turns less"
            ]
        );
    }

    /// K001 on the standard scene with living-room marks for a camera standing on `M`
    /// (6.5, 2) while ana steps slowly north from `A0` (6, 1) to `A1` (6, 1.4) and ben runs
    /// east from `B0` (4.5, 3) to `B1` (8.5, 3) in a second: the point between them that the
    /// camera frames passes 0.1 m from the lens. `frame` lists the framed people.
    fn two_movers(frame: &str) -> Vec<String> {
        let text = scene(&format!(
            r#"timeline: [
                (at: "0:01", do: Camera(to: "M", arrive: "0:04")),
                (at: "0:01", do: Move(who: "ben", to: "B0", arrive: "0:04")),
                (at: "0:01", do: Move(who: "ana", to: "A0", arrive: "0:06")),
                (at: "0:07", do: Camera(frame: {frame})),
                (at: "0:10", do: Move(who: "ana", to: "A1", arrive: "0:14")),
                (at: "0:11", do: Move(who: "ben", to: "B1", arrive: "0:12")),
            ]"#
        ))
        .replace(
            r#""C1": (room: "living", at: (8.4, 3.6)),"#,
            r#""C1": (room: "living", at: (8.4, 3.6)), "M": (room: "living", at: (6.5, 2.0)),
               "A0": (room: "living", at: (6.0, 1.0)), "A1": (room: "living", at: (6.0, 1.4)),
               "B0": (room: "living", at: (4.5, 3.0)), "B1": (room: "living", at: (8.5, 3.0)),"#,
        );
        check(&Jump, &text)
            .into_iter()
            .map(|d| {
                format!(
                    "{} | {}",
                    d.message,
                    d.primary.map(|l| l.message).unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn of_two_framed_subjects_moving_at_once_the_faster_across_the_lens_is_the_cause() {
        // ben's run across the lens turns the view; ana's slow step does not, whichever of the
        // two the framing lists first.
        for frame in [r#"["ben", "ana"]"#, r#"["ana", "ben"]"#] {
            let found = two_movers(frame);
            assert!(!found.is_empty(), "{frame}: no whip");
            for whip in &found {
                assert!(
                    whip.ends_with("| `ben` moves across the lens here, close to the camera"),
                    "{frame}: {found:?}"
                );
            }
        }
    }
}
