//! P002 not-holding: a prop put down, handed over, thrown or broken by someone without it.

use super::{origin, place_id, place_words, prop_name, uses, verb};
use crate::diagnostic::Diagnostic;
use crate::model::Action;
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::sim::PropWhere;

pub struct NotHolding;

static DOC: RuleDoc = RuleDoc {
    code: "P002",
    name: "not-holding",
    family: "props",
    level: Level::Deny,
    summary: "a prop is put down, handed over, thrown or broken by someone who does not hold it",
    explanation: "### What it checks\nFor every `Put`, `Give`, `Throw` and `Break`, that the person \
doing it holds the prop at that moment: it started in their hand (`starts: HeldBy(…)`), or they \
took it, were given it or had it thrown to them, and have not let go of it since.\n\n\
### Why it matters\nAn actor cannot hand over or smash what is not in their hand. The file is \
also the props department's running list: if it loses track of who holds what, the prop is in \
the wrong place when the take gets there.\n\n\
### Example\n```ron\n\"mug\": (name: \"Mug\", starts: On(\"counter\")),\n\
(at: \"0:20\", do: Give(from: \"ana\", to: \"ben\", prop: \"mug\")),   // ana never took it\n```\n\n\
### Fix\nAdd the `Take` (or the `Give` to this person) before the event, or have the person who \
does hold the prop do it.",
};

impl Rule for NotHolding {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for used in uses(cx) {
            let action = &cx.scene.events[used.event.index()].action;
            let who = match *action {
                Action::Put { who, .. } | Action::Throw { who, .. } | Action::Break { who, .. } => {
                    who
                }
                Action::Give { from, .. } => from,
                _ => continue,
            };
            let place = used.before.place;
            if place == PropWhere::Held(who) {
                continue;
            }
            let (name, actor, at) = (prop_name(cx, used.prop), cx.who(who), used.at);
            let (origin_span, origin_label) = origin(cx, &used);
            let (person, prop) = (&cx.scene.person(who).id, &cx.scene.prop(used.prop).id);
            let help = match place {
                PropWhere::Held(holder) => format!(
                    "hand it over first with `Give(from: \"{}\", to: \"{person}\", prop: \"{prop}\")` before {at}, \
                     or have {} do this instead",
                    cx.scene.person(holder).id,
                    cx.who(holder)
                ),
                _ => format!(
                    "add `Take(who: \"{person}\", prop: \"{prop}\")` before {at}, with {actor} within reach of `{}`",
                    place_id(cx, place)
                ),
            };
            out.push(
                DOC.diagnostic(format!("{actor} {} {name} at {at} without holding it", verb(action)))
                    .at(cx.event_span(used.event, "prop"), format!("{name} is {} at {at}", place_words(cx, place)))
                    .also(origin_span, origin_label)
                    .note("an actor cannot use a prop that is not in their hand, and props set it where the file last left it")
                    .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NotHolding;
    use crate::rules::testing::reports;

    #[test]
    fn giving_a_prop_someone_else_holds_or_one_on_the_table_is_reported_with_the_fix() {
        // ben holds the keys; the mug is on the table.
        let found = reports(
            &NotHolding,
            r#"timeline: [
                (at: "0:01", do: Give(from: "ana", to: "ben", prop: "keys")),
                (at: "0:02", do: Give(from: "ana", to: "ben", prop: "mug")),
                (at: "0:03", do: Give(from: "ben", to: "ana", prop: "keys")),
            ]"#,
        );
        let note = "an actor cannot use a prop that is not in their hand, and props set it where the file last left it";
        assert_eq!(
            found,
            [
                format!(
                    "`ana` hands over `mug` at 0:02.0 without holding it | `mug` is on `table` at 0:02.0 | `mug` starts on `table` | {note} | add `Take(who: \"ana\", prop: \"mug\")` before 0:02.0, with `ana` within reach of `table`"
                ),
                format!(
                    "`ana` hands over `keys` at 0:01.0 without holding it | `keys` is in `ben`'s hand at 0:01.0 | `keys` starts in `ben`'s hand | {note} | hand it over first with `Give(from: \"ben\", to: \"ana\", prop: \"keys\")` before 0:01.0, or have `ben` do this instead"
                ),
            ]
        );
    }
}
