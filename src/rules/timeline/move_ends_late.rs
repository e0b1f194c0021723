//! T002 move-ends-late: a walk or camera move timed by its pace that ends after the take does.

use super::first_field_span;
use crate::diagnostic::Diagnostic;
use crate::escape::number;
use crate::locate::SourcePath;
use crate::model::{Pace, PersonId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::time::Time;

pub struct MoveEndsLate;

static DOC: RuleDoc = RuleDoc {
    code: "T002",
    name: "move-ends-late",
    family: "timeline",
    level: Level::Deny,
    summary: "a move cannot reach its mark before the take ends",
    explanation: "### What it checks\nFor every `Move` and camera move, when the mover actually \
arrives: at `arrive` if given, else after walking the whole route (through doors, not through \
walls) at its `pace` (walk 1.4 m/s unless another is given). The arrival must not be after the \
take's `length`.\n\n\
### Why it matters\nA move timed by pace has no written end, so it is easy to start one too late \
for the route it really takes. The camera cuts with the performer (or the camera itself) still \
walking: the last position, and whatever the move sets up, never happens on camera.\n\n\
### Example\n```ron\nlength: \"0:45\",\n…\n(at: \"0:43\", do: Move(who: \"ben\", to: \"pantry\", pace: Walk)),   // 6 m away\n```\n\n\
### Fix\nStart the move earlier, give it a faster `pace`, move it to a nearer mark, or give an \
`arrive` time within the take.",
};

impl Rule for MoveEndsLate {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let end = cx.scene.length;
        for (i, track) in cx.sim.tracks.iter().enumerate() {
            // Only a person's last walk can run on past the end: any earlier one is cut short
            // by the next, which starts within the take (M006 overlapping-moves reports that).
            let Some(leg) = track.legs.last() else {
                continue;
            };
            if leg.arrive.seconds() <= end.seconds() + 1e-9 {
                continue;
            }
            let who = PersonId::from_index(i);
            let Some(m) = cx.scene.events[leg.event.index()].action.travel() else {
                continue;
            };
            let (mark, metres) = (&cx.scene.mark(leg.to).id, number(leg.length(), 2));
            let mover = cx.who(who);
            let (what, note) = if cx.scene.person(who).camera().is_some() {
                (
                    format!("the move of {mover} to `{mark}`"),
                    "the take ends with the camera still moving: the shot it was heading for is never framed",
                )
            } else {
                (
                    format!("{mover}'s walk to `{mark}`"),
                    "the take ends with the performer still walking: whatever the move sets up never happens on camera",
                )
            };
            let pace = match m.pace {
                Pace::Walk => format!("walking pace ({} m/s)", number(Pace::WALK, 1)),
                Pace::Run => format!("running pace ({} m/s)", number(Pace::RUN, 1)),
                Pace::Speed(v) => format!("{} m/s", number(v, 2)),
            };
            let latest = Time::from_seconds(end.seconds() - leg.duration());
            let start_by = latest.map_or(String::new(), |t| format!("start it by {t}, "));
            out.push(
                DOC.diagnostic(format!(
                    "{what} ends at {}, after the take ends at {end}",
                    leg.arrive
                ))
                .at(
                    first_field_span(cx, leg.event, &["pace", "to"]),
                    format!("{metres} m at {pace} takes {} s", number(leg.duration(), 1)),
                )
                .also(
                    cx.span(&SourcePath::root().field("length")),
                    format!("the take is {end} long"),
                )
                .note(note)
                .help(if cx.scene.person(who).camera().is_some() {
                    format!("{start_by}or give it an `arrive` time no later than {end}")
                } else {
                    format!(
                        "{start_by}give a faster `pace`, or an `arrive` time no later than {end}"
                    )
                }),
            );
        }
    }
}
