//! The calling script in every format `oner cues` writes, one file each. The row formats
//! (table, Markdown, CSV, WebVTT) print [`rows`], the script flattened into one row per
//! spoken call or line of running text; JSON keeps the blocks; HTML and PDF lay out a prompt
//! book. Scene text is untrusted: each format escapes it its own way.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod table;
pub mod vtt;

use super::{Call, Entry, Running, Script};
use crate::cuesheet::format::one_line;
use crate::time::Time;

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The pre-show block's heading.
    PreShow,
    Beat,
    Warning,
    Standby,
    Go,
    Line,
    Action,
    /// A cue listed for information.
    Info,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::PreShow => "pre-show",
            Kind::Beat => "beat",
            Kind::Warning => "warning",
            Kind::Standby => "standby",
            Kind::Go => "go",
            Kind::Line => "line",
            Kind::Action => "action",
            Kind::Info => "info",
        }
    }

    pub fn is_call(self) -> bool {
        matches!(self, Kind::Warning | Kind::Standby | Kind::Go)
    }
}

/// One row of the flattened script. Text is scene text, not yet escaped.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: Kind,
    /// When it is said or happens; `None` before the take.
    pub at: Option<Time>,
    /// What the caller says (`Standby LX 4, SQ 4`, `LX 4, SQ 4 GO`), a beat's title, who
    /// speaks, or an information cue's label.
    pub call: String,
    /// The cues' labels (`LX 4, SQ 4`) on call and information rows.
    pub cues: String,
    /// The GO times of a warning's or standby's cues (`5:35.0, 6:04.0`).
    pub go: String,
    /// A GO's trigger; the running text of a line or action.
    pub text: String,
    /// What each called cue does, or what an information cue is (`LX 4: Practicals fade`).
    pub what: String,
    /// The first row of a block of calls.
    pub starts_block: bool,
}

/// The script as rows, in order.
pub fn rows(script: &Script) -> Vec<Row> {
    let mut rows = Vec::new();
    for entry in &script.entries {
        match entry {
            Entry::Beat { at, title } => rows.push(Row {
                kind: Kind::Beat,
                at: Some(*at),
                call: one_line(title),
                cues: String::new(),
                go: String::new(),
                text: String::new(),
                what: String::new(),
                starts_block: false,
            }),
            Entry::Running { at, running } => rows.push(running_row(*at, running)),
            Entry::Block(block) => {
                if block.at.is_none() {
                    rows.push(Row {
                        kind: Kind::PreShow,
                        at: None,
                        call: "Before the take".into(),
                        cues: String::new(),
                        go: String::new(),
                        text: String::new(),
                        what: String::new(),
                        starts_block: true,
                    });
                }
                for (k, line) in block.lines.iter().enumerate() {
                    let kind = match line.call {
                        Call::Warning => Kind::Warning,
                        Call::Standby => Kind::Standby,
                        Call::Go => Kind::Go,
                    };
                    let gos: Vec<String> = line.cues.iter().map(|c| script.time(c.go)).collect();
                    let mut go = gos.clone();
                    go.dedup();
                    let what: Vec<String> = line
                        .cues
                        .iter()
                        .map(|c| format!("{}: {}", c.label(), one_line(&c.what)))
                        .collect();
                    rows.push(Row {
                        kind,
                        at: block.at,
                        call: one_line(&line.spoken()),
                        cues: one_line(&line.labels()),
                        go: go.join(", "),
                        text: line.trigger.as_deref().map(one_line).unwrap_or_default(),
                        what: what.join("; "),
                        starts_block: k == 0 && block.at.is_some(),
                    });
                }
            }
        }
    }
    rows
}

fn running_row(at: Time, running: &Running) -> Row {
    let (kind, call, cues, text, what) = match running {
        Running::Line { who, says } => (
            Kind::Line,
            one_line(who),
            String::new(),
            one_line(says),
            String::new(),
        ),
        Running::Action { text, cues } => (
            Kind::Action,
            String::new(),
            one_line(&cues.join(", ")),
            one_line(text),
            String::new(),
        ),
        Running::Info {
            label,
            what,
            source,
            ..
        } => (
            Kind::Info,
            one_line(label),
            one_line(label),
            String::new(),
            format!("{} ({}, not called)", one_line(what), source.name()),
        ),
    };
    Row {
        kind,
        at: Some(at),
        call,
        cues,
        go: String::new(),
        text,
        what,
        starts_block: false,
    }
}

/// A row's time as the script writes it; `before` for pre-show calls.
pub fn row_time(script: &Script, row: &Row) -> String {
    match row.at {
        Some(t) => script.time(t),
        None => "before".into(),
    }
}
