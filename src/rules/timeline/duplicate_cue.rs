//! T003 duplicate-cue: two cues of one department with the same number.

use super::cue_name;
use crate::diagnostic::Diagnostic;
use crate::model::{Action, EventId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use std::collections::{BTreeMap, BTreeSet};

pub struct DuplicateCue;

static DOC: RuleDoc = RuleDoc {
    code: "T003",
    name: "duplicate-cue",
    family: "timeline",
    level: Level::Deny,
    summary: "two cues of one department share a number",
    explanation: "### What it checks\nThat no two `Cue` events of the same department (`dept`) \
are given the same `number`. Numbers are compared as numbers where they are numbers (`2` and \
`2.0` are the same cue), else as written. Cues with no number are numbered by oner and never \
clash. The parts of a multipart lighting cue (`part: 2`) share their cue's number, and cues in \
different desk cue lists (`list: 2`) number apart: neither is a duplicate.\n\n\
### Why it matters\nThe caller says \"SQ 2, GO\" and the operator fires whatever is SQ 2 on the \
board. Two cues with one number means one of them fires at the wrong moment, or not at all, and \
the department sheets disagree with the calling script.\n\n\
### Example\n```ron\n(at: \"0:32\", do: Cue(dept: Sound, number: \"1\", what: \"Door slam\")),\n\
(at: \"0:39\", do: Cue(dept: Sound, number: \"1\", what: \"Kettle clicks off\")),\n```\n\n\
### Fix\nRenumber one of them. To slot a cue in between two existing ones without renumbering \
the rest, use a point number: `number: \"1.5\"`.",
};

/// A cue on the board: department, number as the board reads it, desk cue list, part.
type CueKey<'a> = (&'a str, String, Option<u32>, Option<u32>);

/// The number as the board would read it: `2`, `2.0` and ` 2 ` are one cue.
fn normalised(number: &str) -> String {
    let trimmed = number.trim();
    match trimmed.parse::<f64>() {
        Ok(v) if v.is_finite() => crate::escape::number(v, 6),
        _ => trimmed.to_string(),
    }
}

impl Rule for DuplicateCue {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut first: BTreeMap<CueKey, EventId> = BTreeMap::new();
        let mut taken: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for event in &cx.scene.events {
            if let Action::Cue {
                dept,
                number: Some(number),
                ..
            } = &event.action
            {
                taken
                    .entry(dept.abbreviation())
                    .or_default()
                    .insert(normalised(number));
            }
        }
        for (i, event) in cx.scene.events.iter().enumerate() {
            let Action::Cue {
                dept,
                number: Some(number),
                ..
            } = &event.action
            else {
                continue;
            };
            let id = EventId::from_index(i);
            // A desk's cue lists number apart, and the parts of a multipart cue share their
            // cue's number: neither is a second cue.
            let (list, part) = match &event.action {
                Action::Cue { handoff, .. } => (handoff.list, handoff.part),
                _ => (None, None),
            };
            let key = (dept.abbreviation(), normalised(number), list, part);
            let Some(&earlier) = first.get(&key) else {
                first.insert(key, id);
                continue;
            };
            let name = cue_name(cx, id);
            let suggestion = suggest(number, taken.get(dept.abbreviation()))
                .map(|n| format!("renumber this one, e.g. `number: \"{n}\"`"))
                .unwrap_or_else(|| {
                    "renumber this one (a point number such as `2.5` slots it between two cues)"
                        .into()
                });
            out.push(
                DOC.diagnostic(format!("two {} cues are numbered {}", dept.abbreviation(), number.trim()))
                    .at(cx.event_span(id, "number"), format!("second {name}, at {}", event.at))
                    .also(
                        cx.event_span(earlier, "number"),
                        format!("first {name}, at {}", cx.scene.events[earlier.index()].at),
                    )
                    .note(format!(
                        "the caller says \"{name}, GO\" and the {} board fires one cue: the other fires late or never",
                        dept.abbreviation()
                    ))
                    .help(suggestion),
            );
        }
    }
}

/// A free point number just after `number` (`2` → `2.5`), if it is a number and that is free.
fn suggest(number: &str, taken: Option<&BTreeSet<String>>) -> Option<String> {
    let v = number
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())?;
    [0.5, 0.1, 0.9]
        .iter()
        .map(|step| crate::escape::number(v.floor() + step, 6))
        .find(|candidate| taken.is_none_or(|t| !t.contains(candidate)))
}

#[cfg(test)]
mod tests {
    use super::{DuplicateCue, normalised, suggest};
    use crate::rules::testing::messages;
    use std::collections::BTreeSet;

    #[test]
    fn numbers_compare_as_numbers_within_a_department() {
        let found = messages(
            &DuplicateCue,
            r#"timeline: [
                (at: "0:01", do: Cue(dept: Lighting, number: "2", what: "a")),
                (at: "0:02", do: Cue(dept: Sound, number: "2", what: "b")),
                (at: "0:03", do: Cue(dept: Lighting, number: "2.0", what: "c")),
                (at: "0:04", do: Cue(dept: Lighting, what: "unnumbered")),
                (at: "0:05", do: Cue(dept: Lighting, what: "unnumbered too")),
            ]"#,
        );
        assert_eq!(found, ["two LX cues are numbered 2.0"]);
        assert_eq!(normalised(" 2.50 "), "2.5");
        assert_eq!(normalised("A"), "A");
    }

    #[test]
    fn parts_and_other_cue_lists_are_not_second_cues() {
        let found = messages(
            &DuplicateCue,
            r#"timeline: [
                (at: "0:01", do: Cue(dept: Lighting, number: "2", what: "a")),
                (at: "0:02", do: Cue(dept: Lighting, number: "2", what: "a, part 2", part: 2)),
                (at: "0:03", do: Cue(dept: Lighting, number: "2", what: "list 2", list: 2)),
                (at: "0:04", do: Cue(dept: Lighting, number: "2.0", what: "again", part: 2)),
            ]"#,
        );
        assert_eq!(found, ["two LX cues are numbered 2.0"]);
    }

    #[test]
    fn the_suggested_number_is_free() {
        let taken: BTreeSet<String> = ["1", "1.5"].iter().map(|s| s.to_string()).collect();
        assert_eq!(suggest("1", Some(&taken)).as_deref(), Some("1.1"));
        assert_eq!(suggest("B", Some(&taken)), None);
    }
}
