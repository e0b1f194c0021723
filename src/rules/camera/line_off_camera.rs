//! K002 line-off-camera: an on-camera line whose speaker the camera does not see.

use super::{latest_cause, unseen_reason};
use crate::diagnostic::Diagnostic;
use crate::model::Action;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct LineOffCamera;

static DOC: RuleDoc = RuleDoc {
    code: "K002",
    name: "line-off-camera",
    family: "camera",
    level: Level::Deny,
    summary: "an on-camera line is spoken where no camera sees the speaker",
    explanation: "### What it checks\nFor every `Line` with `on_camera: true` (the default), on every frame from its `at` \
to its `until`, that the speaker's centre is inside a camera's horizontal angle of view (2·atan(sensor / (2 × focal \
length))) with nothing opaque between: walls, closed doors, unstruck wild walls and tall furniture block; open \
doorways, openings, arches and windows do not.\n\n### Why it matters\nIn a oner there is no coverage to cut to: a line \
delivered off camera is lost (or must be marked `on_camera: false` on purpose, as a voice from the next room).\n\n\
### Example\n```ron\n(at: \"2:13\", do: Line(who: \"her\", says: \"She asks who paid for the keys\")),  // she is behind the camera\n```\n\n\
### Fix\nReframe the camera on the speaker (`Camera(frame: [\"her\"])`) before the line, move the speaker into shot, \
or mark the line `on_camera: false`.",
};

impl Rule for LineOffCamera {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let cameras: Vec<_> = cx.scene.cameras().collect();
        if cameras.is_empty() {
            return;
        }
        for &id in &cx.sim.order {
            let event = &cx.scene.events[id.index()];
            let Action::Line {
                who,
                until,
                on_camera: true,
                ..
            } = &event.action
            else {
                continue;
            };
            let end = until.unwrap_or(event.at);
            let missed = cx.sim.frames(event.at, end).find_map(|t| {
                let reasons: Vec<_> = cameras
                    .iter()
                    .map(|&c| cx.sim.sees(c, *who, t, true).err().map(|why| (c, why)))
                    .collect();
                if reasons.iter().any(Option::is_none) {
                    None
                } else {
                    reasons
                        .into_iter()
                        .flatten()
                        .next()
                        .map(|(c, why)| (t, c, why))
                }
            });
            let Some((t, camera, why)) = missed else {
                continue;
            };
            let reason = unseen_reason(cx, *who, why, cx.sim.lens(camera, t));
            let when = if t == event.at {
                format!("at {t}")
            } else {
                format!("at {t}, during the line")
            };
            out.push(
                DOC.diagnostic(format!("{}'s on-camera line is not seen by {} {when}", cx.who(*who), cx.who(camera)))
                    .at(cx.event_span(id, "who"), reason)
                    .also(latest_cause(cx, &[camera], t), "the camera's last move or framing")
                    .note("a oner has no other angle to cut to: a line the camera does not see is lost")
                    .help(format!(
                        "frame {} before {} (`Camera(frame: [\"{}\"])`), move them into shot, or mark the line `on_camera: false`",
                        cx.who(*who),
                        event.at,
                        cx.scene.person(*who).id
                    )),
            );
        }
    }
}
