//! The calling script as JSON, in its own output types: the title block, the revision
//! stamp, and the entries in order (beats, running text, blocks of calls with each line's
//! cues and GO times). Times as the script writes them and as seconds (`null` before the
//! take).

use crate::cuesheet::script::{Call, Entry, Running, Script};
use crate::time::Time;
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    title: &'a str,
    heading: String,
    scope: &'a str,
    stamp: Stamp<'a>,
    length: String,
    length_seconds: f64,
    frame_rate: f64,
    called: usize,
    listed: usize,
    entries: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Stamp<'a> {
    file: Option<&'a str>,
    revision: Option<&'a str>,
    date: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Item<'a> {
    Beat {
        time: String,
        seconds: f64,
        title: &'a str,
    },
    Line {
        time: String,
        seconds: f64,
        who: &'a str,
        says: &'a str,
    },
    Action {
        time: String,
        seconds: f64,
        text: &'a str,
        cues: &'a [String],
    },
    Info {
        time: String,
        seconds: f64,
        label: &'a str,
        dept: &'static str,
        what: &'a str,
        source: &'static str,
    },
    Block {
        /// `null` for the pre-show block.
        time: Option<String>,
        seconds: Option<f64>,
        calls: Vec<CallOut<'a>>,
    },
}

#[derive(Serialize)]
struct CallOut<'a> {
    /// `warning`, `standby` or `go`.
    call: &'static str,
    spoken: String,
    trigger: Option<&'a str>,
    cues: Vec<CueOut<'a>>,
}

#[derive(Serialize)]
struct CueOut<'a> {
    label: String,
    dept: &'static str,
    number: &'a str,
    go: String,
    go_seconds: f64,
    what: &'a str,
}

fn seconds(t: Time) -> f64 {
    (t.seconds() * 1000.0).round() / 1000.0
}

pub fn render(script: &Script) -> String {
    let entries = script
        .entries
        .iter()
        .map(|entry| match entry {
            Entry::Beat { at, title } => Item::Beat {
                time: script.time(*at),
                seconds: seconds(*at),
                title,
            },
            Entry::Running { at, running } => {
                let (time, seconds) = (script.time(*at), seconds(*at));
                match running {
                    Running::Line { who, says } => Item::Line {
                        time,
                        seconds,
                        who,
                        says,
                    },
                    Running::Action { text, cues } => Item::Action {
                        time,
                        seconds,
                        text,
                        cues,
                    },
                    Running::Info {
                        dept,
                        label,
                        what,
                        source,
                    } => Item::Info {
                        time,
                        seconds,
                        label,
                        dept: dept.abbreviation(),
                        what,
                        source: source.name(),
                    },
                }
            }
            Entry::Block(block) => Item::Block {
                time: block.at.map(|t| script.time(t)),
                seconds: block.at.map(seconds),
                calls: block
                    .lines
                    .iter()
                    .map(|line| CallOut {
                        call: match line.call {
                            Call::Warning => "warning",
                            Call::Standby => "standby",
                            Call::Go => "go",
                        },
                        spoken: line.spoken(),
                        trigger: line.trigger.as_deref(),
                        cues: line
                            .cues
                            .iter()
                            .map(|c| CueOut {
                                label: c.label(),
                                dept: c.dept.abbreviation(),
                                number: &c.number,
                                go: script.time(c.go),
                                go_seconds: seconds(c.go),
                                what: &c.what,
                            })
                            .collect(),
                    })
                    .collect(),
            },
        })
        .collect();
    let document = Document {
        title: &script.title,
        heading: script.heading(),
        scope: &script.scope,
        stamp: Stamp {
            file: script.stamp.file.as_deref(),
            revision: script.stamp.hash.as_deref(),
            date: script.stamp.date.as_deref(),
        },
        length: script.time(script.length),
        length_seconds: seconds(script.length),
        frame_rate: script.frame_rate.value(),
        called: script.called,
        listed: script.listed,
        entries,
    };
    let json = serde_json::to_string_pretty(&document).unwrap_or_default();
    crate::escape::json_safe(json) + "\n"
}
