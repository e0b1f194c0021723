//! QLab over OSC: the messages that build the take's called cues as a QLab cue list, and
//! their plain-text form (`--format qlab-osc`), one message per line as QLab reads OSC typed
//! as text (its UDP port 53535, or a Network cue).
//!
//! Each called cue, in time order, becomes one new cue (QLab 5's OSC dictionary):
//!
//! ```text
//! /new "memo"
//! /cue/selected/number "LX 1"
//! /cue/selected/name "Night state: practicals on"
//! /cue/selected/notes "0:00 · kitchen · note"
//! /cue/selected/colorName "orange"
//! ```
//!
//! `/new` selects the cue it makes, so the following messages set that cue. With `timed`, each
//! cue also gets a pre-wait (seconds from the cue before, the first from the take's start) and
//! auto-continue on all but the last, so one GO at the take's start runs every cue at its time.
//!
//! Scene text is only ever an argument, never an address; in the text form it is a quoted
//! string with `\` and `"` escaped, on one line. What it cannot carry: the cues' content
//! (sound files, levels): memo cues stand in for them until the operator fills them in or
//! changes the type; the scene's `qlab` field makes another type.

use crate::cuesheet::Cue;
use crate::cuesheet::filter::Filter;
use crate::model::handoff::QlabCueType;
use crate::model::{Action, Department, Scene};
use crate::osc::{Arg, Message};

/// The messages that build the called cues `filter` keeps, in time order.
pub fn messages(scene: &Scene, cues: &[Cue], filter: &Filter, timed: bool) -> Vec<Message> {
    let called: Vec<&Cue> = cues
        .iter()
        .filter(|c| c.called && filter.keeps(scene, c))
        .collect();
    let mut out = Vec::new();
    // The GO is pressed at the take's start, or at `--from` when the list starts there.
    let mut before = filter.from.map_or(0.0, |t| t.seconds());
    for (i, cue) in called.iter().enumerate() {
        let kind = cue_type(scene, cue).unwrap_or(QlabCueType::Memo);
        let text = |s: String| Arg::Str(crate::cuesheet::format::one_line(&s));
        out.push(Message {
            address: "/new",
            args: vec![Arg::Str(kind.name().into())],
        });
        out.push(Message {
            address: "/cue/selected/number",
            args: vec![text(cue.label())],
        });
        out.push(Message {
            address: "/cue/selected/name",
            args: vec![text(cue.what.clone())],
        });
        out.push(Message {
            address: "/cue/selected/notes",
            args: vec![text(notes(scene, cue))],
        });
        out.push(Message {
            address: "/cue/selected/colorName",
            args: vec![Arg::Str(colour(cue.dept).into())],
        });
        if timed {
            // Whole milliseconds on both ends, so the waits add up to each cue's time exactly.
            let at = cue.at.seconds();
            out.push(Message {
                address: "/cue/selected/preWait",
                args: vec![Arg::Float(milliseconds(
                    rounded_ms(at) - rounded_ms(before),
                ))],
            });
            before = at;
            if i + 1 < called.len() {
                out.push(Message {
                    address: "/cue/selected/continueMode",
                    args: vec![Arg::Int(CONTINUE)],
                });
            }
        }
    }
    out
}

/// QLab's continue mode "auto-continue": the next cue starts when this one's post-wait ends.
pub const CONTINUE: i32 = 1;

fn rounded_ms(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// Seconds to the millisecond, as the float QLab takes (and the text form prints).
fn milliseconds(seconds: f64) -> f32 {
    ((seconds.max(0.0) * 1000.0).round() / 1000.0) as f32
}

/// The plain-text form: one message per line, `address arg arg`, strings quoted.
pub fn render(messages: &[Message]) -> String {
    let mut out = String::new();
    for m in messages {
        out.push_str(&line(m));
        out.push('\n');
    }
    out
}

/// One message as QLab reads it typed as text.
pub fn line(message: &Message) -> String {
    let mut line = message.address.to_string();
    for arg in &message.args {
        line.push(' ');
        match arg {
            Arg::Str(s) => line.push_str(&quote(s)),
            Arg::Float(f) => {
                // Always with a point, so a reader of the text sees a float, not an integer.
                let number = crate::escape::number(f64::from(*f), 3);
                line.push_str(&number);
                if !number.contains('.') {
                    line.push_str(".0");
                }
            }
            Arg::Int(i) => line.push_str(&i.to_string()),
        }
    }
    line
}

/// A string argument in double quotes, `\` and `"` escaped, line breaks and control
/// characters gone, so it can never end its line or its quotes early.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in crate::cuesheet::format::one_line(text).chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The cue's notes for the operator: when, where, who, and the sheet's notes.
fn notes(scene: &Scene, cue: &Cue) -> String {
    let mut parts = vec![crate::time::short(cue.at)];
    if let Some(room) = cue.room {
        parts.push(scene.room(room).name.clone());
    }
    let who: Vec<&str> = cue
        .who
        .iter()
        .map(|&p| scene.person(p).name.as_str())
        .collect();
    if !who.is_empty() {
        parts.push(who.join(", "));
    }
    parts.extend(cue.notes.iter().cloned());
    parts.join(" · ")
}

/// The type the scene asks for, if any.
fn cue_type(scene: &Scene, cue: &Cue) -> Option<QlabCueType> {
    match &scene.events[cue.event.index()].action {
        Action::Cue { handoff, .. } if cue.source == crate::cuesheet::Source::Given => handoff.qlab,
        _ => None,
    }
}

/// QLab's colour names closest to the printed sheets' department colours
/// ([`super::dept_colour`]); stage management's grey has none.
pub fn colour(dept: Department) -> &'static str {
    match dept {
        Department::Lighting => "orange",
        Department::Sound => "blue",
        Department::Camera => "red",
        Department::StageManagement => "none",
        Department::Props => "green",
        Department::Effects => "purple",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_cannot_break_its_line_or_quotes() {
        let m = Message {
            address: "/cue/selected/name",
            args: vec![Arg::Str("a \"quoted\"\n/cue/1/start \\ end".into())],
        };
        assert_eq!(
            line(&m),
            r#"/cue/selected/name "a \"quoted\" /cue/1/start \\ end""#
        );
    }

    #[test]
    fn numbers_print_as_sent() {
        let m = Message {
            address: "/cue/selected/preWait",
            args: vec![Arg::Float(milliseconds(12.0 + 1.0 / 24.0)), Arg::Int(1)],
        };
        assert_eq!(line(&m), "/cue/selected/preWait 12.042 1");
        let whole = Message {
            address: "/cue/selected/preWait",
            args: vec![Arg::Float(32.0)],
        };
        assert_eq!(line(&whole), "/cue/selected/preWait 32.0");
    }
}
