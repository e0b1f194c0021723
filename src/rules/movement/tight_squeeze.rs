//! M009 tight-squeeze: a moving body passes closer to furniture, a wall or a jamb than its
//! half-width, though it fits turned sideways.

use super::clearance::{SIDEWAYS, describe, fix, metres, mover, pinch_diagnostic};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct TightSqueeze;

static DOC: RuleDoc = RuleDoc {
    code: "M009",
    name: "tight-squeeze",
    family: "movement",
    level: Level::Warn,
    summary: "a walk or camera move squeezes past furniture, a wall or a jamb closer than its half-width",
    explanation: "### What it checks\nThe same swept body as M008: at the tightest point past each piece of furniture, \
each wall and each door jamb, the clearance from the centre of the body should be at least its half-width (the \
person's radius, 0.25 m for cast by default, or half a camera rig's width: Steadicam 0.45 m). A clearance up to \
0.10 m less than that fits with a shoulder turned or the rig's arm tucked in, and is this warning; tighter is M008.\n\n\
### Why it matters\nA squeeze works in rehearsal and costs a take when the performer brushes the table and rocks the \
glass on it, or the operator slows to thread the rig past a jamb and the framing drifts.\n\n\
### Example\n```ron\n// the side table's corner is 0.40 m from the Steadicam's line: it needs 0.45 m\n\
(at: \"1:10\", do: Camera(to: \"cam-l2\", arrive: \"1:14\")),\n```\n\n\
### Fix\nGive the line a few more centimetres (move the mark or the furniture), or accept the squeeze with \
`allow: [\"tight-squeeze\"]` once the move has been rehearsed.",
};

impl Rule for TightSqueeze {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for &pinch in cx.pinches() {
            if pinch.short_by() > SIDEWAYS + 1e-9 {
                continue; // M008: it does not fit at all
            }
            let (what, _) = describe(cx, pinch.obstacle);
            let (found, needed) = (metres(pinch.clearance), metres(pinch.needed));
            let d = pinch_diagnostic(
                cx,
                &DOC,
                &pinch,
                format!(
                    "{} squeezes past {what} at {} on the way to `{}`: {found} clear, comfortable is {needed}",
                    mover(cx, pinch.who),
                    pinch.when,
                    cx.scene.mark(pinch.to).id
                ),
            );
            out.push(
                d.note(format!(
                    "it fits only turned sideways ({} short of the body's {needed}): a brushed table or a slowed rig costs the take",
                    metres(pinch.short_by())
                ))
                .help(format!("{}; or allow `tight-squeeze` for this scene once the move is rehearsed", fix(cx, &pinch))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TightSqueeze;
    use crate::rules::testing::{check, scene};

    /// The standard scene with a `stool` at `stool` (a `Rect`) in the living room and marks
    /// `L3`, `L4` there; ana walks from K1 to L3, then to L4.
    fn squeezes(stool: &str, l3: &str, l4: &str) -> Vec<String> {
        let text = scene(
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "L3", arrive: "0:05")),
                (at: "0:10", do: Move(who: "ana", to: "L4", arrive: "0:14")),
            ]"#,
        )
        .replace(
            r#""C1": (room: "living", at: (8.4, 3.6)),"#,
            &format!(
                r#""C1": (room: "living", at: (8.4, 3.6)), "L3": (room: "living", at: {l3}), "L4": (room: "living", at: {l4}),"#
            ),
        )
        .replace(
            "furniture: [",
            &format!(r#"furniture: [(id: "stool", name: "Stool", room: "living", shape: {stool}),"#),
        );
        check(&TightSqueeze, &text)
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
    fn a_stool_in_the_next_grid_cell_across_x_is_still_found() {
        // Along x 5.9 (grid column 4 to 6 m) past a stool from x 6.1 (the next column).
        let found = squeezes(
            "Rect(x: 6.1, y: 1.6, w: 0.4, h: 0.4)",
            "(5.9, 0.5)",
            "(5.9, 3.5)",
        );
        assert_eq!(
            found,
            [
                "`ana` squeezes past `stool` at 0:11.5 on the way to `L4`: 0.2 m clear, comfortable is 0.25 m | at (5.9, 1.6) the centre of the body is 0.2 m from `stool`"
            ]
        );
    }

    #[test]
    fn a_stool_in_the_next_grid_cell_across_y_is_still_found() {
        // Along y 1.9 (grid row 0 to 2 m) past a stool from y 2.1 (the next row).
        let found = squeezes(
            "Rect(x: 6.6, y: 2.1, w: 0.4, h: 0.4)",
            "(4.5, 1.9)",
            "(8.5, 1.9)",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("0.2 m clear"), "{found:?}");
    }

    #[test]
    fn clearance_just_under_and_just_over_the_half_width() {
        let at = |x: f64| {
            squeezes(
                &format!("Rect(x: {x}, y: 1.6, w: 0.4, h: 0.4)"),
                "(5.9, 0.5)",
                "(5.9, 3.5)",
            )
        };
        assert_eq!(at(6.16).len(), 0, "0.26 m is clear");
        assert_eq!(at(6.14).len(), 1, "0.24 m is a squeeze");
        // 0.15 m is the tightest squeeze; tighter is M008's.
        assert_eq!(at(6.06).len(), 1, "0.16 m is still a squeeze");
        assert_eq!(at(6.04).len(), 0, "0.14 m is M008's");
    }

    /// M009's messages on the standard scene with extra kitchen marks and `timeline`.
    fn in_kitchen(marks: &str, timeline: &str) -> Vec<String> {
        let text = scene(timeline).replace(
            r#""K1": (room: "kitchen", at: (1.5, 1.5)),"#,
            &format!(r#""K1": (room: "kitchen", at: (1.5, 1.5)), {marks}"#),
        );
        check(&TightSqueeze, &text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_wall_is_found_all_along_its_length_not_only_in_its_first_grid_cell() {
        // Along y 0.2 from x 2.3 to 3.7: 0.2 m from the kitchen's south wall (x 0 to 4), in
        // the grid's second column. Parallel to the wall, the first judged point (0.25 m in,
        // 0:05.5) is the tightest.
        let found = in_kitchen(
            r#""K3": (room: "kitchen", at: (2.3, 0.2)), "K4": (room: "kitchen", at: (3.7, 0.2)),"#,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "K3", arrive: "0:04")),
                (at: "0:05", do: Move(who: "ana", to: "K4", arrive: "0:08")),
            ]"#,
        );
        assert_eq!(
            found,
            [
                "`ana` squeezes past the wall from (0, 0) to (4, 0) at 0:05.5 on the way to `K4`: 0.2 m clear, comfortable is 0.25 m"
            ]
        );
    }

    #[test]
    fn of_two_wall_pieces_squeezed_past_on_one_walk_the_tighter_is_reported() {
        // Along y 0.22 from x 0.5 to 3.5, past the kitchen's south wall (0.22 m) and a
        // pilaster jutting 0.06 m out of it from x 2 to 2.4 (0.16 m): walls are one obstacle
        // per walk, and the pilaster (its corner at x 2) is the place to fix.
        let text = scene(
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "K3", arrive: "0:04")),
                (at: "0:05", do: Move(who: "ana", to: "K4", arrive: "0:08")),
            ]"#,
        )
        .replace(
            r#""kitchen": (name: "Kitchen", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),"#,
            r#""kitchen": (name: "Kitchen", shape: Polygon([(0.0, 0.0), (2.0, 0.0), (2.0, 0.06), (2.4, 0.06), (2.4, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)])),"#,
        )
        .replace(
            r#""K1": (room: "kitchen", at: (1.5, 1.5)),"#,
            r#""K1": (room: "kitchen", at: (1.5, 1.5)), "K3": (room: "kitchen", at: (0.5, 0.22)), "K4": (room: "kitchen", at: (3.5, 0.22)),"#,
        );
        let found: Vec<String> = check(&TightSqueeze, &text)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            [
                "`ana` squeezes past the wall from (2, 0) to (2, 0.06) at 0:06.5 on the way to `K4`: 0.16 m clear, comfortable is 0.25 m"
            ]
        );
    }

    #[test]
    fn a_doorway_exactly_a_body_wide_is_passed_and_two_centimetres_narrower_is_a_squeeze() {
        // ana (0.25 m radius) walks from L3 (8, 1.2) through the open hall door (9, 2) to H3
        // (10, 2.8): at a slant, her straight line passes 0.2 m from the near jamb, but
        // through a doorway she squares up to the gap, so its half width is her clearance.
        let through = |width: &str| -> Vec<String> {
            let text = scene(
                r#"timeline: [
                    (at: "0:01", do: Move(who: "ana", to: "L3", arrive: "0:06")),
                    (at: "0:07", do: Move(who: "ana", to: "H3", arrive: "0:10")),
                ]"#,
            )
            .replace(
                r#"width: 0.9, hinge: Left, swings_into: "hall", state: Closed"#,
                &format!(r#"width: {width}, hinge: Left, swings_into: "hall", state: Open"#),
            )
            .replace(
                r#""H1": (room: "hall", at: (10.0, 2.0)),"#,
                r#""H1": (room: "hall", at: (10.0, 2.0)), "H3": (room: "hall", at: (10.0, 2.8)), "L3": (room: "living", at: (8.0, 1.2)),"#,
            );
            check(&TightSqueeze, &text)
                .into_iter()
                .map(|d| d.message)
                .collect()
        };
        assert_eq!(through("0.5"), Vec::<String>::new());
        assert_eq!(
            through("0.46"),
            [
                "`ana` squeezes past the jamb of `hall-door` at 0:08.5 on the way to `H3`: 0.23 m clear, comfortable is 0.25 m"
            ]
        );
    }

    #[test]
    fn stepping_off_and_onto_a_mark_beside_a_wall_is_not_judged() {
        // K3 is 0.2 m from the south wall; the first and last 0.25 m of each walk are the
        // performer's own business.
        let found = in_kitchen(
            r#""K3": (room: "kitchen", at: (2.5, 0.2)),"#,
            r#"timeline: [
                (at: "0:01", do: Move(who: "ana", to: "K3", arrive: "0:04")),
                (at: "0:05", do: Move(who: "ana", to: "K1", arrive: "0:08")),
            ]"#,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_squeeze_just_past_a_doorway_is_judged_on_the_routes_second_piece() {
        // K1 (1.5, 1.5) through the arch (4, 2) to L3 (8, 2): the stool is 0.2 m off the
        // second piece, 0.5 m past the arch: 3.05 m into a 6.55 m walk of 4 s, at 0:02.9.
        let found = squeezes(
            "Rect(x: 4.5, y: 2.2, w: 0.4, h: 0.3)",
            "(8.0, 2.0)",
            "(8.0, 3.0)",
        );
        assert_eq!(
            found,
            [
                "`ana` squeezes past `stool` at 0:02.9 on the way to `L3`: 0.2 m clear, comfortable is 0.25 m | at (4.5, 2) the centre of the body is 0.2 m from `stool`"
            ]
        );
    }
}
