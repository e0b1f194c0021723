//! P005 held-twice: a prop taken while someone else holds it.

use super::{origin, prop_name, uses};
use crate::diagnostic::Diagnostic;
use crate::model::Action;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::PropWhere;

pub struct HeldTwice;

static DOC: RuleDoc = RuleDoc {
    code: "P005",
    name: "held-twice",
    family: "props",
    level: Level::Deny,
    summary: "a prop is taken while someone else holds it",
    explanation: "### What it checks\nFor every `Take`, that nobody else holds the prop at that \
moment. A prop passes between people only by `Give` (a hand-over, or a snatch) or `Throw`, \
which say who lets go.\n\n\
### Why it matters\nWith a plain `Take` the file would have two people holding one prop: the \
timeline no longer says who has it, so later puts, throws and hand-overs are checked against the \
wrong person, and the props department cannot follow it.\n\n\
### Example\n```ron\n\"keys\": (name: \"Car keys\", starts: HeldBy(\"him\")),\n\
(at: \"1:25\", do: Take(who: \"her\", prop: \"keys\")),   // he still holds them\n```\n\n\
### Fix\nWrite the exchange as `Give(from: \"him\", to: \"her\", prop: \"keys\")` (a snatch is a \
give), or have him put the prop down before she takes it.",
};

impl Rule for HeldTwice {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for used in uses(cx) {
            let Action::Take { who, prop } = cx.scene.events[used.event.index()].action else {
                continue;
            };
            let PropWhere::Held(holder) = used.before.place else {
                continue;
            };
            if holder == who {
                continue; // taking it twice oneself: P001 not-there
            }
            let (name, taker, other) = (prop_name(cx, prop), cx.who(who), cx.who(holder));
            let (origin_span, origin_label) = origin(cx, &used);
            out.push(
                DOC.diagnostic(format!("{taker} takes {name} at {} while {other} holds it", used.at))
                    .at(cx.event_span(used.event, "prop"), format!("{name} is in {other}'s hand"))
                    .also(origin_span, origin_label)
                    .note("a prop is in one pair of hands at a time; the timeline must say who lets go")
                    .help(format!(
                        "write it as a hand-over or snatch: `Give(from: \"{}\", to: \"{}\", prop: \"{}\")`, \
                         or have {other} put it down first",
                        cx.scene.person(holder).id,
                        cx.scene.person(who).id,
                        cx.scene.prop(prop).id
                    )),
            );
        }
    }
}
