//! K001 jump: the camera's view changes faster than any operator can turn: it reads as a cut.

use super::{latest_cause, runs};
use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::rules::{Context, Level, Rule, RuleDoc};
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
90°/s; but following someone who passes close to the lens, or a framing that flips as the camera walks past its \
subject, can swing the view faster than 180°/s.\n\n### Why it matters\nA oner promises no cuts. A view that jumps \
between two frames is a cut in all but name, and a Steadicam operator cannot whip that fast without blur and shake.\n\n\
### Example\n```ron\n(at: \"1:00\", do: Camera(frame: [\"him\"])),  // he then runs past the lens at arm's length\n```\n\n\
### Fix\nKeep the camera farther from the subjects it follows, frame both performers instead of one, or slow the move.",
};

impl Rule for Jump {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let frames: Vec<Time> = cx.sim.frames(Time::ZERO, cx.scene.length).collect();
        let step = cx.scene.frame_rate.frame_seconds();
        let limit = WHIP_DEGREES_PER_SECOND.to_radians() * step;
        for camera in cx.scene.cameras() {
            let angles: Vec<f64> = frames
                .iter()
                .map(|&t| cx.sim.facing(camera, t).angle())
                .collect();
            let turn = |i: usize| {
                let d = angles[i] - angles[i - 1];
                ((d + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                    - std::f64::consts::PI)
                    .abs()
            };
            let index_of = |t: Time| ((t.seconds() / step).round() as usize).min(frames.len() - 1);
            let whips = runs(&frames, |t| {
                let i = index_of(t);
                i > 0 && turn(i) > limit
            });
            for (start, end) in whips {
                let (a, b) = (index_of(start), index_of(end));
                let fastest = (a.max(1)..=b).map(turn).fold(0.0, f64::max) / step;
                out.push(
                    DOC.diagnostic(format!(
                        "{} swings {}°/s at {start}, too fast for an operator: it reads as a cut",
                        cx.who(camera),
                        number(fastest.to_degrees(), 0)
                    ))
                    .at(latest_cause(cx, &[camera], start), "the framing set here swings the view")
                    .note(format!("a oner has no cuts; pans faster than {WHIP_DEGREES_PER_SECOND}°/s look like one"))
                    .help("keep the camera farther from the subject, frame both performers, or slow the move"),
                );
            }
        }
    }
}
