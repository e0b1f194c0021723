//! P004 broken: a prop used after it was broken.

use super::{prop_name, uses, verb};
use crate::diagnostic::Diagnostic;
use crate::model::{Action, EventId};
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct Broken;

static DOC: RuleDoc = RuleDoc {
    code: "P004",
    name: "broken",
    family: "props",
    level: Level::Deny,
    summary: "a prop is used after it was broken",
    explanation: "### What it checks\nThat once a `Break` has broken a prop, no later event takes, \
puts down, hands over, throws or breaks it again.\n\n\
### Why it matters\nA broken glass cannot come back whole: in a oner there is no cut behind which \
props could swap in a new one. Either the break is in the wrong place or the later business needs \
a second prop, set and dressed where it will be picked up.\n\n\
### Example\n```ron\n(at: \"0:45\", do: Break(who: \"her\", prop: \"glass\")),\n\
(at: \"0:50\", do: Take(who: \"him\", prop: \"glass\")),\n```\n\n\
### Fix\nGive the later business its own prop (`\"glass-2\"`, set where it is needed), or move the \
break after the last use.",
};

impl Rule for Broken {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // The event that broke each prop; `uses` runs prop by prop in time order.
        let mut broken_by: Vec<Option<EventId>> = vec![None; cx.scene.props.len()];
        for used in uses(cx) {
            let event = &cx.scene.events[used.event.index()];
            let first_break = &mut broken_by[used.prop.index()];
            if let (true, Some(break_event)) = (used.before.broken, *first_break) {
                let Some(who) = event.action.actor() else {
                    continue;
                };
                let name = prop_name(cx, used.prop);
                let broke_at = cx.scene.events[break_event.index()].at;
                out.push(
                    DOC.diagnostic(format!(
                        "{} {} {name} at {}, after it was broken at {broke_at}",
                        cx.who(who),
                        verb(&event.action),
                        used.at
                    ))
                    .at(cx.event_span(used.event, "prop"), format!("{name} is broken by now"))
                    .also(cx.event_span(break_event, ""), "broken here")
                    .note("a broken prop cannot come back whole: there is no cut behind which to swap in a new one")
                    .help(format!(
                        "use a second prop from here on (e.g. `\"{}-2\"`, set where it is needed), or move the break after this event",
                        cx.scene.prop(used.prop).id
                    )),
                );
            }
            if matches!(event.action, Action::Break { .. }) && first_break.is_none() {
                *first_break = Some(used.event);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Broken;
    use crate::rules::testing::messages;

    #[test]
    fn every_use_after_the_first_break_is_reported_and_none_before() {
        let found = messages(
            &Broken,
            r#"timeline: [
                (at: "0:01", do: Take(who: "ana", prop: "mug")),
                (at: "0:02", do: Break(who: "ana", prop: "mug")),
                (at: "0:03", do: Break(who: "ana", prop: "mug")),
                (at: "0:04", do: Put(who: "ana", prop: "mug", on: "table")),
            ]"#,
        );
        assert_eq!(
            found,
            [
                "`ana` breaks `mug` at 0:03.0, after it was broken at 0:02.0",
                "`ana` puts down `mug` at 0:04.0, after it was broken at 0:02.0",
            ]
        );
    }
}
