//! K006 crane-reach: a crane's camera head further from the crane's base than its arm
//! reaches at that lens height.

use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::model::{Action, EventId, PersonId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::time::Time;

pub struct CraneReach;

static DOC: RuleDoc = RuleDoc {
    code: "K006",
    name: "crane-reach",
    family: "camera",
    level: Level::Deny,
    summary: "a crane's camera head is further from the crane's base than its arm reaches",
    explanation: "### What it checks\nA camera with `rig: Crane` flies on an arm of length `arm` from a pivot \
`pivot_height` above its base, a crew member who stands for the crane's dolly and grips. At every frame of the \
take the head's distance across the floor from the base must be within the arm's reach at the lens height of that \
moment: √(arm² − (lens height − pivot height)²). Raising or lowering the lens shortens the reach; at arm level it \
is the whole arm.\n\n### Why it matters\nThe arm is a rigid length: a head planned further out than it reaches is a \
shot the crane cannot make, found on the day with the whole street waiting.\n\n### Example\n```ron\n\
\"cam\": (role: Camera(rig: Crane, lens_mm: 25.0, crane: (arm: 6.0, base: \"dolly\", lens_height: 6.0)), ...),\n\
(at: \"0:10\", do: Camera(to: \"far-corner\", arrive: \"0:14\")),  // 7 m from the dolly\n```\n\n### Fix\nMove \
the base along with the head (a `Move` of the base crew member), bring the lens nearer arm level, or give a \
longer arm.",
};

/// A stretch of the take when the head is out of reach.
struct Overreach {
    from: Time,
    until: Time,
    /// The worst moment: how far across, how far the arm reached, the lens height.
    worst: (Time, f64, f64, f64),
}

impl Rule for CraneReach {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let step = 1.0 / cx.scene.frame_rate.value();
        let frames = (cx.scene.length.seconds() / step).ceil() as u64;
        for (i, person) in cx.scene.people.iter().enumerate() {
            let Some(arm) = person.camera().and_then(|c| c.crane) else {
                continue;
            };
            let head = PersonId::from_index(i);
            let mut current: Option<Overreach> = None;
            let mut found = Vec::new();
            for frame in 0..=frames {
                let t = Time::from_seconds((frame as f64 * step).min(cx.scene.length.seconds()))
                    .unwrap_or(cx.scene.length);
                let height = cx.sim.lens_height(head, t).unwrap_or(arm.lens_height);
                let reach = arm.reach_at(height);
                let across = cx
                    .sim
                    .position(head, t)
                    .distance(cx.sim.position(arm.base, t));
                // A millimetre of slack for the rounding of marks.
                if across <= reach + 0.001 {
                    found.extend(current.take());
                    continue;
                }
                let over = current.get_or_insert(Overreach {
                    from: t,
                    until: t,
                    worst: (t, across, reach, height),
                });
                over.until = t;
                if across - reach > over.worst.1 - over.worst.2 {
                    over.worst = (t, across, reach, height);
                }
            }
            found.extend(current);
            for over in found {
                let (t, across, reach, height) = over.worst;
                let span = match last_camera_event(cx, head, t) {
                    Some(e) => cx.event_span(e, "to"),
                    None => cx.span(&person.path),
                };
                let when = if over.until > over.from {
                    format!("from {} to {}", over.from, over.until)
                } else {
                    format!("at {}", over.from)
                };
                out.push(
                    DOC.diagnostic(format!(
                        "{}'s head is {} m across from its base {} at {t}; with the lens at {} m the {} m arm reaches {} m",
                        cx.who(head),
                        number(across, 2),
                        cx.who(arm.base),
                        number(height, 2),
                        number(arm.arm, 2),
                        number(reach, 2)
                    ))
                    .at(span, "out of the arm's reach")
                    .note(format!("the head is out of reach {when}"))
                    .help(format!(
                        "move {} nearer, bring the lens nearer {} m (arm level), or give a longer arm",
                        cx.who(arm.base),
                        number(arm.pivot_height, 2)
                    )),
                );
            }
        }
    }
}

/// The camera's latest `Camera` event at or before `t`: where its plan for that moment is.
fn last_camera_event(cx: &Context, camera: PersonId, t: Time) -> Option<EventId> {
    cx.sim.order.iter().copied().rev().find(|&e| {
        let event = &cx.scene.events[e.index()];
        event.at <= t && matches!(&event.action, Action::Camera(c) if c.camera == camera)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::check;

    /// An open yard with a crane (6 m arm, pivot 1.5 m) on a dolly at `D1`, its head on
    /// `C1`, 5 m east of the dolly; `timeline` is appended.
    fn yard(lens_height: &str, timeline: &str) -> String {
        format!(
            r##"(
    title: "yard", frame_rate: 24, length: "0:30",
    set: (
        rooms: {{ "yard": (name: "Yard", shape: Rect(x: 0.0, y: 0.0, w: 30.0, h: 20.0), exterior: true) }},
        marks: {{
            "D1": (room: "yard", at: (5.0, 10.0)),
            "D2": (room: "yard", at: (11.0, 10.0)),
            "C1": (room: "yard", at: (10.0, 10.0)),
            "C2": (room: "yard", at: (11.0, 10.0)),
            "C3": (room: "yard", at: (16.0, 10.0)),
            "A1": (room: "yard", at: (20.0, 4.0)),
        }},
    ),
    cast: {{ "ana": (name: "Ana", colour: "#d1495b", starts_at: "A1") }},
    crew: {{
        "cam": (role: Camera(rig: Crane, lens_mm: 25.0, crane: (arm: 6.0, base: "dolly"{lens_height})), starts_at: "C1", facing: "ana"),
        "dolly": (name: "Crane dolly", role: Other("grip"), starts_at: "D1"),
    }},
    timeline: [{timeline}],
)"##
        )
    }

    fn fired(text: &str) -> Vec<String> {
        check(&CraneReach, text)
            .into_iter()
            .map(|d| format!("{} | {}", d.message, d.note.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_head_swung_past_the_arm_fires() {
        // C3 is 11 m from the dolly: a 6 m arm cannot get there.
        let out = fired(&yard(
            "",
            r#"(at: "0:02", do: Camera(to: "C3", arrive: "0:06"))"#,
        ));
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].starts_with("`cam`'s head is 11 m across from its base `dolly` at 0:06.0; with the lens at 1.5 m the 6 m arm reaches 6 m"),
            "{out:?}"
        );
        // 5 m out at the start, 1.5 m/s outwards: past 6 m two thirds of a second in.
        assert!(out[0].ends_with("from 0:02.7 to 0:30.0"), "{out:?}");
    }

    #[test]
    fn raising_the_lens_shortens_the_reach() {
        // 5 m out: fine at arm level, out of reach with the lens 4 m above the pivot
        // (√(36 − 16) ≈ 4.47 m), and a centimetre past it at 3.3 m up (√(36 − 3.24) ≈ 5.72).
        assert!(fired(&yard("", "")).is_empty());
        let high = fired(&yard(", lens_height: 5.5", ""));
        assert_eq!(high.len(), 1, "{high:?}");
        assert!(high[0].contains("the 6 m arm reaches 4.47 m"), "{high:?}");
        // Just inside: 5 m needs a rise of at most √11 ≈ 3.317 m.
        assert!(fired(&yard(", lens_height: 4.81", "")).is_empty());
        assert_eq!(fired(&yard(", lens_height: 4.83", "")).len(), 1);
    }

    #[test]
    fn a_height_change_without_a_move_is_at_once() {
        let out = fired(&yard(
            "",
            r#"(at: "0:02", do: Camera(height: 5.5)), (at: "0:10", do: Camera(height: 1.5))"#,
        ));
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].contains("at 0:02.0; with the lens at 5.5 m"),
            "{out:?}"
        );
        assert!(out[0].ends_with("from 0:02.0 to 0:10.0"), "{out:?}");
    }

    #[test]
    fn a_crane_rising_during_a_move_is_judged_frame_by_frame() {
        // From C1 to C4 (both 5 m from the dolly) over 4 s, the lens rising as it goes:
        // to 5.5 m the reach falls below the distance in the last quarter second or so;
        // to 4.8 m it stays 5.01 m at the end, a centimetre to spare.
        let to = |h: &str| {
            yard(
                "",
                &format!(r#"(at: "0:02", do: Camera(to: "C4", arrive: "0:06", height: {h}))"#),
            )
            .replace(
                r#""A1": (room"#,
                r#""C4": (room: "yard", at: (5.0, 15.0)),
            "A1": (room"#,
            )
        };
        let out = fired(&to("5.5"));
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].contains("at 0:06.0; with the lens at 5.5 m the 6 m arm reaches 4.47 m"),
            "{out:?}"
        );
        assert!(out[0].contains("from 0:05."), "{out:?}");
        assert!(fired(&to("4.8")).is_empty());
    }

    #[test]
    fn a_base_that_follows_the_head_keeps_it_in_reach() {
        let out = fired(&yard(
            "",
            r#"(at: "0:02", do: Camera(to: "C3", arrive: "0:08")), (at: "0:02", do: Move(who: "dolly", to: "D2", arrive: "0:08"))"#,
        ));
        assert!(out.is_empty(), "{out:?}");
        // The dolly a second late: the head is out of reach on the way.
        let late = fired(&yard(
            "",
            r#"(at: "0:02", do: Camera(to: "C3", arrive: "0:05")), (at: "0:03", do: Move(who: "dolly", to: "D2", arrive: "0:09"))"#,
        ));
        assert_eq!(late.len(), 1, "{late:?}");
    }

    #[test]
    fn a_head_out_of_reach_for_one_frame_is_reported_at_that_frame() {
        // Raised at 0:02 and lowered again before the next frame (0:02.04 at 24 fps).
        let out = fired(&yard(
            "",
            r#"(at: "0:02", do: Camera(height: 5.5)), (at: "0:02.03", do: Camera(height: 1.5))"#,
        ));
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].ends_with("| the head is out of reach at 0:02.0"),
            "{out:?}"
        );
    }
}
