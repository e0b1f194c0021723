//! M008 no-room-to-pass: a moving body hits furniture, a wall or a door jamb.

use super::clearance::{SIDEWAYS, describe, fix, metres, mover, pinch_diagnostic};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct NoRoomToPass;

static DOC: RuleDoc = RuleDoc {
    code: "M008",
    name: "no-room-to-pass",
    family: "movement",
    level: Level::Deny,
    summary: "a walk or camera move passes so close to furniture, a wall or a jamb that the body cannot fit",
    explanation: "### What it checks\nEvery move as a swept body, not a line: the centre of the body travels along \
the route, and the body is as wide as the person's radius each side (0.25 m for cast, 0.3 m for crew by default) or, \
for a camera, half its rig's width if that is more (Steadicam 0.45 m, dolly 0.5 m, gimbal 0.35 m, handheld 0.3 m: \
D003's widths). At the tightest point past each piece of furniture, each wall and each door jamb, the clearance from \
the centre must be at least the half-width less 0.10 m (what a body gains turned sideways): 0.15 m for a \
performer, 0.35 m for a Steadicam. Tighter is this error; between that and the half-width is M009, a squeeze. The \
first and last half-width of a move (stepping off and onto a mark) are not judged, and a route whose centre line \
goes through furniture or a wall is M004's or M003's. Solved exactly per straight piece of the route, not per frame.\n\n\
### Why it matters\nThe plan shows a clean line but the body, or the Steadicam's arm, goes through the table: on the \
day the performer swerves or stops, the walk is longer than timed, and the camera bumps the set mid-take.\n\n\
### Example\n```ron\n(id: \"ottoman\", name: \"Ottoman\", room: \"living\", shape: Rect(x: 3.0, y: 2.02, w: 0.6, h: 0.6)),\n\
// ana walks along y = 2.0, 2 cm from the ottoman\n(at: \"0:05\", do: Move(who: \"ana\", to: \"L2\")),\n```\n\n\
### Fix\nMove the mark (or the furniture) so the straight line keeps the half-width clear, or add a mark beside the \
obstacle and walk round it.",
};

impl Rule for NoRoomToPass {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for &pinch in cx.pinches() {
            if pinch.short_by() <= SIDEWAYS + 1e-9 {
                continue;
            }
            let (what, _) = describe(cx, pinch.obstacle);
            let (found, needed) = (metres(pinch.clearance), metres(pinch.needed));
            let d = pinch_diagnostic(
                cx,
                &DOC,
                &pinch,
                format!(
                    "{} passes {found} from {what} at {} on the way to `{}`; the body needs {needed}",
                    mover(cx, pinch.who),
                    pinch.when,
                    cx.scene.mark(pinch.to).id
                ),
            );
            out.push(
                d.note(format!(
                    "even turned sideways this body needs {}: it would hit {what}, so the real path swerves and takes longer than planned",
                    metres(pinch.needed - SIDEWAYS)
                ))
                .help(fix(cx, &pinch)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NoRoomToPass;
    use crate::rules::testing::messages;

    #[test]
    fn a_walk_clipping_the_table_corner_is_reported_and_a_clear_one_is_not() {
        // The table is x 1..2, y 2.2..3.0; K1 (1.5, 1.5) to K2 (3.0, 3.2) passes 0.09 m from
        // its corner (2, 2.2); L1 to L2 along y 2.0 is clear of everything.
        let clipped = messages(
            &NoRoomToPass,
            r#"timeline: [(at: "0:01", do: Move(who: "ana", to: "K2", arrive: "0:04"))]"#,
        );
        assert_eq!(
            clipped,
            [
                "`ana` passes 0.09 m from `table` at 0:02.1 on the way to `K2`; the body needs 0.25 m"
            ]
        );
        let clear = messages(
            &NoRoomToPass,
            r#"timeline: [(at: "0:01", do: Move(who: "ben", to: "L2", arrive: "0:04"))]"#,
        );
        assert!(clear.is_empty(), "{clear:?}");
    }

    #[test]
    fn a_camera_line_clear_of_its_half_rig_width_is_fine() {
        // C1 (8.4, 3.6) to L2 (8.3, 2.0): the Steadicam's line runs 0.6 m from the hall wall.
        let cam = messages(
            &NoRoomToPass,
            r#"timeline: [(at: "0:01", do: Camera(to: "L2", arrive: "0:04"))]"#,
        );
        assert!(cam.is_empty(), "{cam:?}");
    }
}
