//! D003 rig-width: a camera rig carried through a doorway narrower than the rig.

use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::model::PersonId;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::Portal;

pub struct RigWidth;

static DOC: RuleDoc = RuleDoc {
    code: "D003",
    name: "rig-width",
    family: "doors",
    level: Level::Deny,
    summary: "a camera rig passes through a doorway narrower than the rig",
    explanation: "### What it checks\nThat every doorway (or struck wild wall) on a camera's route is at least as wide as \
its rig with the operator: handheld 0.6 m, gimbal 0.7 m, Steadicam 0.9 m, dolly 1.0 m.\n\n### Why it matters\nA \
Steadicam arm and vest are wider than a person; an operator who has to turn sideways in a doorway shakes the shot \
or stops.\n\n### Example\n```ron\n(id: \"bath-door\", kind: Door, …, width: 0.7)\n(at: \"4:00\", do: Camera(to: \"BA1\"))  // Steadicam\n```\n\n\
### Fix\nWiden the doorway (a set can), route the camera through a wider opening, or change the rig.",
};

impl Rule for RigWidth {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for camera in cx.scene.cameras() {
            let Some(spec) = cx.scene.person(camera).camera() else {
                continue;
            };
            let rig = spec.rig.width();
            for leg in &cx.sim.tracks[camera.index()].legs {
                for &(portal, index) in &leg.route.portals {
                    let (id, width, path) = match portal {
                        Portal::Door(d) => {
                            let door = cx.scene.door(d);
                            (&door.id, door.width, door.path.field("width"))
                        }
                        Portal::Wild(w) => {
                            let wall = &cx.scene.wild_walls[w.index()];
                            (&wall.id, wall.segment.length(), wall.path.clone())
                        }
                    };
                    if width + 1e-9 >= rig {
                        continue;
                    }
                    let span = cx.span(&path);
                    out.push(report(
                        cx, camera, leg.event, index, leg, id, width, rig, span, spec.rig,
                    ));
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    cx: &Context,
    camera: PersonId,
    event: crate::model::EventId,
    index: usize,
    leg: &crate::sim::Leg,
    id: &str,
    width: f64,
    rig: f64,
    span: crate::source::Span,
    kind: crate::model::Rig,
) -> Diagnostic {
    let when = leg.time_at_point(index);
    DOC.diagnostic(format!(
        "{} ({kind:?}, {} m wide) cannot pass through `{id}` ({} m wide) at {when}",
        cx.who(camera),
        number(rig, 2),
        number(width, 2)
    ))
    .at(cx.event_span(event, "to"), format!("the route goes through `{id}`"))
    .also(span, "the doorway's width")
    .note("the rig and its operator are wider than a person; squeezing through shakes or stops the shot")
    .help(format!("make `{id}` at least {} m wide, or route the camera through a wider opening with `via`", number(rig, 2)))
}

#[cfg(test)]
mod tests {
    use super::RigWidth;
    use crate::rules::testing::{check, scene};

    #[test]
    fn a_steadicam_fits_a_doorway_exactly_its_width_and_not_a_centimetre_narrower() {
        // The Steadicam is 0.9 m wide; the hall door is 0.9 m.
        let through = |width: &str| -> Vec<String> {
            let text = scene(r#"timeline: [(at: "0:01", do: Camera(to: "H1", arrive: "0:05"))]"#)
                .replace("width: 0.9,", &format!("width: {width},"));
            check(&RigWidth, &text)
                .into_iter()
                .map(|d| d.message)
                .collect()
        };
        assert_eq!(through("0.9"), Vec::<String>::new());
        assert_eq!(
            through("0.89"),
            [
                "`cam` (Steadicam, 0.9 m wide) cannot pass through `hall-door` (0.89 m wide) at 0:03.5"
            ]
        );
    }
}
