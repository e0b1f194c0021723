//! E002 two-lines-at-once: one performer speaking two lines that overlap in time.

use crate::diagnostic::Diagnostic;
use crate::model::{Action, EventId, PersonId};
use crate::rules::{Context, Level, Rule, RuleDoc};
use crate::time::Time;
use std::collections::BTreeMap;

pub struct OneVoice;

static DOC: RuleDoc = RuleDoc {
    code: "E002",
    name: "two-lines-at-once",
    family: "presence",
    level: Level::Warn,
    summary: "one performer speaks two lines that overlap in time",
    explanation: "### What it checks\nFor each performer, that a `Line` does not start while another of their lines \
is still running: a line lasts from `at` to its `until` (a line with no `until` is the moment `at`). A line may start \
exactly when the previous one ends; two lines by one person at the same moment overlap.\n\n\
### Why it matters\nOne mouth speaks one line at a time. Two overlapping lines are usually a typo in a time or a \
line given to the wrong person, and the captions, the cue sheet and the sound department all get two things to \
cover at once.\n\n\
### Example\n```ron\n(at: \"0:10\", do: Line(who: \"her\", says: \"She lists what he forgot\", until: \"0:15\")),\n\
(at: \"0:12\", do: Line(who: \"her\", says: \"She asks where the keys are\")),\n```\n\n\
### Fix\nStart the second line when the first ends, end the first sooner with `until`, or give the line to the \
person who says it.",
};

/// One line: who, when it starts and ends, and which event.
struct Spoken {
    event: EventId,
    at: Time,
    until: Time,
}

impl Rule for OneVoice {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut by_speaker: BTreeMap<PersonId, Vec<Spoken>> = BTreeMap::new();
        for &event in &cx.sim.order {
            if let Action::Line { who, until, .. } = &cx.scene.events[event.index()].action {
                let at = cx.scene.events[event.index()].at;
                by_speaker.entry(*who).or_default().push(Spoken {
                    event,
                    at,
                    until: until.map_or(at, |u| u.max(at)),
                });
            }
        }
        for (who, lines) in by_speaker {
            // The line still running longest among those started so far.
            let mut running: Option<&Spoken> = None;
            for line in &lines {
                if let Some(before) = running
                    && (line.at < before.until || line.at == before.at)
                {
                    out.push(report(cx, who, before, line));
                }
                if running.is_none_or(|r| line.until > r.until) {
                    running = Some(line);
                }
            }
        }
    }
}

fn report(cx: &Context, who: PersonId, before: &Spoken, line: &Spoken) -> Diagnostic {
    let speaker = cx.who(who);
    let earlier = if before.until > before.at {
        format!("the line from {} to {}", before.at, before.until)
    } else {
        format!("the line at {}", before.at)
    };
    let fix = if before.until > line.at {
        format!(
            "start this line at {} or later, end the earlier one by {} with `until`, or give it to whoever says it",
            before.until, line.at
        )
    } else {
        "move one of the two lines, or give it to whoever says it".to_string()
    };
    let overlap = before.until.seconds() - line.at.seconds();
    let frame = cx.scene.frame_rate.frame_seconds();
    let by = if overlap >= 1.0 {
        format!(" ({} s of overlap)", crate::escape::number(overlap, 1))
    } else if overlap > 0.0 {
        let frames = (overlap / frame).round().max(1.0);
        format!(
            " ({} frame{} of overlap: {} against {})",
            frames,
            if frames == 1.0 { "" } else { "s" },
            line.at.smpte(cx.scene.frame_rate),
            before.until.smpte(cx.scene.frame_rate)
        )
    } else {
        String::new()
    };
    DOC.diagnostic(format!(
        "{speaker} starts a line at {} while still speaking {earlier}{by}",
        line.at
    ))
    .at(
        cx.event_span(line.event, "who"),
        format!("{speaker} is already speaking at {}", line.at),
    )
    .also(cx.event_span(before.event, "says"), earlier.clone())
    .note("one performer speaks one line at a time: captions, cue sheet and sound get two at once")
    .help(fix)
}

#[cfg(test)]
mod tests {
    use super::OneVoice;
    use crate::rules::testing::messages;

    #[test]
    fn overlapping_lines_by_one_speaker_warn_and_back_to_back_lines_do_not() {
        let overlap = messages(
            &OneVoice,
            r#"timeline: [
                (at: "0:10", do: Line(who: "ana", says: "a", until: "0:15")),
                (at: "0:12", do: Line(who: "ben", says: "b")),
                (at: "0:14.9", do: Line(who: "ana", says: "c")),
                (at: "0:15", do: Line(who: "ana", says: "d", until: "0:16")),
                (at: "0:20", do: Line(who: "ben", says: "e")),
                (at: "0:20", do: Line(who: "ben", says: "f")),
            ]"#,
        );
        assert_eq!(
            overlap,
            [
                "`ana` starts a line at 0:14.9 while still speaking the line from 0:10.0 to 0:15.0 (2 frames of overlap: 00:00:14:22 against 00:00:15:00)",
                "`ben` starts a line at 0:20.0 while still speaking the line at 0:20.0",
            ]
        );
    }

    #[test]
    fn the_overlap_is_measured_against_the_longest_running_line_and_the_help_fits_it() {
        let found = crate::rules::testing::reports(
            &OneVoice,
            r#"timeline: [
                (at: "0:10", do: Line(who: "ana", says: "a", until: "0:15")),
                (at: "0:13", do: Line(who: "ana", says: "b", until: "0:14")),
                (at: "0:14.5", do: Line(who: "ana", says: "c")),
                (at: "0:30", do: Line(who: "ben", says: "d", until: "0:31")),
                (at: "00:00:30:23", do: Line(who: "ben", says: "e")),
            ]"#,
        );
        let note = "one performer speaks one line at a time: captions, cue sheet and sound get two at once";
        let help = |from: &str, by: &str| {
            format!(
                "start this line at {from} or later, end the earlier one by {by} with `until`, or give it to whoever says it"
            )
        };
        // Line b ends at 0:14, but line a still runs: c overlaps a, by half a second.
        assert_eq!(
            found,
            [
                format!(
                    "`ana` starts a line at 0:13.0 while still speaking the line from 0:10.0 to 0:15.0 (2 s of overlap) | `ana` is already speaking at 0:13.0 | the line from 0:10.0 to 0:15.0 | {note} | {}",
                    help("0:15.0", "0:13.0")
                ),
                format!(
                    "`ana` starts a line at 0:14.5 while still speaking the line from 0:10.0 to 0:15.0 (12 frames of overlap: 00:00:14:12 against 00:00:15:00) | `ana` is already speaking at 0:14.5 | the line from 0:10.0 to 0:15.0 | {note} | {}",
                    help("0:15.0", "0:14.5")
                ),
                format!(
                    "`ben` starts a line at 0:31.0 while still speaking the line from 0:30.0 to 0:31.0 (1 frame of overlap: 00:00:30:23 against 00:00:31:00) | `ben` is already speaking at 0:31.0 | the line from 0:30.0 to 0:31.0 | {note} | {}",
                    help("0:31.0", "0:31.0")
                ),
            ]
        );
    }
}
