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
