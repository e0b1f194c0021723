//! M006 overlapping-moves: a person's next move starts before the last one arrives.

use crate::diagnostic::Diagnostic;
use crate::model::PersonId;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct OverlappingMoves;

static DOC: RuleDoc = RuleDoc {
    code: "M006",
    name: "overlapping-moves",
    family: "movement",
    level: Level::Deny,
    summary: "a person starts a move before the previous one has arrived",
    explanation: "### What it checks\nThat each person's moves follow one another: a move starts at or after the time the \
previous move arrives.\n\n### Why it matters\nTwo moves at once means the first mark is never hit: the blocking says \
one thing and the performer does another.\n\n### Example\n```ron\n(at: \"0:10\", do: Move(who: \"her\", to: \"L1\", arrive: \"0:15\")),\n\
(at: \"0:12\", do: Move(who: \"her\", to: \"K1\")),\n```\n\n### Fix\nStart the second move when the first arrives, or \
make the first arrive sooner.",
};

impl Rule for OverlappingMoves {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (i, track) in cx.sim.tracks.iter().enumerate() {
            for pair in track.legs.windows(2) {
                let (first, next) = (&pair[0], &pair[1]);
                if next.depart >= first.arrive {
                    continue;
                }
                let who = PersonId::from_index(i);
                out.push(
                    DOC.diagnostic(format!(
                        "{} starts a move at {} before reaching `{}` at {}",
                        cx.who(who),
                        next.depart,
                        cx.scene.mark(first.to).id,
                        first.arrive
                    ))
                    .at(cx.event_span(next.event, "at"), "starts here")
                    .also(
                        cx.event_span(first.event, ""),
                        format!(
                            "still walking to `{}` until {}",
                            cx.scene.mark(first.to).id,
                            first.arrive
                        ),
                    )
                    .note("the first mark is never hit, so every later position is off the plan")
                    .help(format!(
                        "start this move at {} or later, or make the earlier one arrive by {}",
                        first.arrive, next.depart
                    )),
                );
            }
        }
    }
}
