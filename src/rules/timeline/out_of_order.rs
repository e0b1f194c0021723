//! T001 out-of-order: an event written after a later one.

use crate::diagnostic::Diagnostic;
use crate::model::EventId;
use crate::rules::{Context, Level, Rule, RuleDoc};

pub struct OutOfOrder;

static DOC: RuleDoc = RuleDoc {
    code: "T001",
    name: "out-of-order",
    family: "timeline",
    level: Level::Deny,
    summary: "an event is earlier than the event written before it",
    explanation: "### What it checks\nThat the timeline is written in time order: each event's \
`at` is the same as or later than the `at` of the event just above it. Each event that breaks the \
order is reported once.\n\n\
### Why it matters\noner sorts events by time before simulating, so the take itself is not \
changed; but the file is the script everyone reads top to bottom. An event out of place is \
usually a typo in its time (`1:05` for `0:15`), or a beat edited in the wrong spot, and a reader \
(or the 1st AD calling the rehearsal from it) will play it in the wrong order.\n\n\
### Example\n```ron\n(at: \"0:20\", do: Give(from: \"ana\", to: \"ben\", prop: \"mug\")),\n\
(at: \"0:12\", do: Line(who: \"ben\", says: \"He thanks her\")),\n```\n\n\
### Fix\nCorrect the time if it is a typo; otherwise move the event up to its place in time \
order.",
};

impl Rule for OutOfOrder {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let events = &cx.scene.events;
        // Latest time among events 0..=i: never decreases, so "the first event above that is
        // later than t" is a binary search, not a scan (a reversed file stays n log n).
        let mut latest = Vec::with_capacity(events.len());
        for e in events {
            latest.push(
                latest
                    .last()
                    .map_or(e.at, |&l: &crate::time::Time| l.max(e.at)),
            );
        }
        for i in 1..events.len() {
            let (previous, this) = (&events[i - 1], &events[i]);
            if this.at >= previous.at {
                continue;
            }
            let at = this.at;
            // The first event above this one that is later: it belongs just before that.
            let place = latest[..i].partition_point(|&l| l <= at);
            let (this_id, prev_id, place_id) = (
                EventId::from_index(i),
                EventId::from_index(i - 1),
                EventId::from_index(place),
            );
            let mut d = DOC
                .diagnostic(format!(
                    "event at {at} is written after an event at {}",
                    previous.at
                ))
                .at(
                    cx.event_span(this_id, "at"),
                    format!("{at} is earlier than the event above"),
                )
                .also(
                    cx.event_span(prev_id, "at"),
                    format!("the event above is at {}", previous.at),
                );
            if place != i - 1 {
                d = d.also(
                    cx.event_span(place_id, "at"),
                    format!(
                        "in time order it belongs before this one ({})",
                        events[place].at
                    ),
                );
            }
            out.push(
                d.note("the file is the script people read top to bottom: an event out of order is read, and rehearsed, in the wrong place")
                    .help(format!(
                        "if {at} is a typo, correct it; otherwise move this event up to just before the event at {}",
                        events[place].at
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OutOfOrder;
    use crate::rules::testing::messages;

    #[test]
    fn each_step_back_is_reported_once_and_ties_are_fine() {
        let found = messages(
            &OutOfOrder,
            r#"timeline: [
                (at: "0:30", do: Cue(dept: Lighting, what: "a")),
                (at: "0:20", do: Cue(dept: Lighting, what: "b")),
                (at: "0:20", do: Cue(dept: Lighting, what: "c")),
                (at: "0:10", do: Cue(dept: Lighting, what: "d")),
            ]"#,
        );
        assert_eq!(
            found,
            [
                "event at 0:20.0 is written after an event at 0:30.0",
                "event at 0:10.0 is written after an event at 0:20.0",
            ]
        );
    }

    #[test]
    fn the_help_points_at_where_the_event_belongs_in_time_order() {
        let found = crate::rules::testing::reports(
            &OutOfOrder,
            r#"timeline: [
                (at: "0:05", do: Cue(dept: Lighting, what: "a")),
                (at: "0:10", do: Cue(dept: Lighting, what: "b")),
                (at: "0:08", do: Cue(dept: Lighting, what: "c")),
                (at: "0:12", do: Cue(dept: Lighting, what: "d")),
                (at: "0:05", do: Cue(dept: Lighting, what: "e")),
            ]"#,
        );
        let note = "the file is the script people read top to bottom: an event out of order is read, and rehearsed, in the wrong place";
        assert_eq!(
            found,
            [
                format!(
                    "event at 0:08.0 is written after an event at 0:10.0 | 0:08.0 is earlier than the event above | the event above is at 0:10.0 | {note} | if 0:08.0 is a typo, correct it; otherwise move this event up to just before the event at 0:10.0"
                ),
                format!(
                    "event at 0:05.0 is written after an event at 0:12.0 | 0:05.0 is earlier than the event above | the event above is at 0:12.0 | in time order it belongs before this one (0:10.0) | {note} | if 0:05.0 is a typo, correct it; otherwise move this event up to just before the event at 0:10.0"
                ),
            ]
        );
    }
}
