//! T004 standby: a standby called before the department's previous cue has gone.

use super::{cue_name, cues, exact_time};
use crate::diagnostic::Diagnostic;
use crate::model::{Action, EventId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use std::collections::BTreeMap;

pub struct Standby;

static DOC: RuleDoc = RuleDoc {
    code: "T004",
    name: "standby",
    family: "timeline",
    level: Level::Deny,
    summary: "a cue's standby comes before the previous cue of its department has gone",
    explanation: "### What it checks\nFor every cue with a `standby` time, that the standby is \
not earlier than the previous cue of the same department (in time order). Cues of one \
department at the very same moment are called together and do not count as \"previous\" to \
each other.\n\n\
### Why it matters\nA department stands by for one cue at a time: the caller says \"standby LX \
3\" only once LX 2 has gone. A standby called while the one before is still waiting for its GO \
leaves the operator holding two cues, and the wrong one fires.\n\n\
### Example\n```ron\n(at: \"0:40\", do: Cue(dept: Lighting, number: \"1\", what: \"Kitchen up\")),\n\
(at: \"0:44\", do: Cue(dept: Lighting, number: \"2\", what: \"Fade to black\", standby: \"0:38\")),\n```\n\n\
### Fix\nMove the standby to the previous cue's time or later (`standby: \"0:40\"`), or, if the \
two cues are really one moment, give them the same time.",
};

impl Rule for Standby {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Per department: the last cue of an earlier moment, and the cues of the current moment.
        let mut last: BTreeMap<&str, (Option<EventId>, Vec<EventId>)> = BTreeMap::new();
        for (event, dept) in cues(cx) {
            let at = cx.scene.events[event.index()].at;
            let (previous, current) = last.entry(dept.abbreviation()).or_default();
            if current
                .first()
                .is_some_and(|&c| cx.scene.events[c.index()].at < at)
            {
                *previous = current.last().copied();
                current.clear();
            }
            current.push(event);
            let Action::Cue {
                standby: Some(standby),
                ..
            } = cx.scene.events[event.index()].action
            else {
                continue;
            };
            let Some(previous) = *previous else { continue };
            let went = cx.scene.events[previous.index()].at;
            if standby >= went {
                continue;
            }
            let (this, before) = (cue_name(cx, event), cue_name(cx, previous));
            out.push(
                DOC.diagnostic(format!("the standby at {standby} for {this} comes before {before} goes at {went}"))
                    .at(cx.event_span(event, "standby"), format!("standby at {standby}"))
                    .also(cx.event_span(previous, "at"), format!("{before} goes at {went}"))
                    .note(format!(
                        "the {} operator stands by for one cue at a time: with {before} still to go, the next GO is ambiguous",
                        dept.abbreviation()
                    ))
                    .help(format!("stand by at {went} or later, e.g. `standby: \"{}\"`", exact_time(cx, went))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Standby;
    use crate::rules::testing::messages;

    #[test]
    fn cues_called_together_do_not_wait_for_each_other() {
        let found = messages(
            &Standby,
            r#"timeline: [
                (at: "0:10", do: Cue(dept: Lighting, number: "1", what: "a", standby: "0:02")),
                (at: "0:10", do: Cue(dept: Lighting, number: "2", what: "b", standby: "0:05")),
                (at: "0:20", do: Cue(dept: Lighting, number: "3", what: "c", standby: "0:10")),
                (at: "0:25", do: Cue(dept: Sound, number: "1", what: "d", standby: "0:01")),
                (at: "0:30", do: Cue(dept: Lighting, what: "e", standby: "0:15")),
            ]"#,
        );
        assert_eq!(
            found,
            ["the standby at 0:15.0 for the LX cue at 0:30.0 comes before LX 3 goes at 0:20.0"]
        );
    }
}
