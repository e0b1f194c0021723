//! The sheet every format prints: a title block and rows of text cells, times already
//! written in the chosen timecode, with the stage manager's calls merged in on request.

use super::filter::Filter;
use super::{Cue, Source};
use crate::model::{Department, Scene};
use crate::time::{FrameRate, Time};

/// How times are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Timecode {
    /// `1:05.5`: minutes, seconds and tenths.
    #[default]
    Clock,
    /// `00:01:05:12` at the take's frame rate (`;` before the frames for drop-frame).
    Smpte,
}

/// How far ahead of a cue the stage manager calls standby when the scene gives no standby
/// time, seconds.
pub const STANDBY_LEAD: f64 = 5.0;
/// How far ahead of a cue the stage manager gives the warning, seconds; at least
/// [`WARNING_BEFORE_STANDBY`] before the standby.
pub const WARNING_LEAD: f64 = 30.0;
pub const WARNING_BEFORE_STANDBY: f64 = 10.0;

/// A stage manager's call for a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Call {
    Warning,
    Standby,
    Go,
}

impl Call {
    pub fn name(self) -> &'static str {
        match self {
            Call::Warning => "Warning",
            Call::Standby => "Standby",
            Call::Go => "GO",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub timecode: Timecode,
    /// Add the warning and standby calls before each cue and mark the cue itself GO.
    pub calls: bool,
    /// The scene file's name, for the title block.
    pub source_name: Option<String>,
}

/// One line of the sheet: a cue, or with calls on, one call for a cue.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Set when the sheet has calls.
    pub call: Option<Call>,
    pub dept: Department,
    /// The number within the department (`2.5`).
    pub number: String,
    /// When this row happens (the call's time for a warning or standby).
    pub at: Time,
    /// The cue's own time.
    pub cue_at: Time,
    pub standby: Option<Time>,
    pub what: String,
    pub room: String,
    pub who: String,
    pub beat: String,
    /// When the row's beat starts.
    pub beat_at: Option<Time>,
    pub notes: String,
    pub source: Source,
}

impl Row {
    /// `LX 2.5`.
    pub fn label(&self) -> String {
        format!("{} {}", self.dept.abbreviation(), self.number)
    }
}

/// A column of the printed sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Call,
    Dept,
    Number,
    Time,
    Standby,
    What,
    Where,
    Who,
    Beat,
    Notes,
    Source,
}

impl Column {
    pub fn header(self) -> &'static str {
        match self {
            Column::Call => "Call",
            Column::Dept => "Dept",
            Column::Number => "No.",
            Column::Time => "Time",
            Column::Standby => "Standby",
            Column::What => "What happens",
            Column::Where => "Where",
            Column::Who => "Who",
            Column::Beat => "Beat",
            Column::Notes => "Notes",
            Column::Source => "Source",
        }
    }
}

/// The printed cue sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub source_name: Option<String>,
    pub length: Time,
    pub frame_rate: FrameRate,
    pub timecode: Timecode,
    /// What the filter keeps, in words; empty for the full sheet.
    pub scope: String,
    pub calls: bool,
    /// Cues on the sheet (calls not counted).
    pub cue_count: usize,
    pub rows: Vec<Row>,
}

impl Sheet {
    /// The sheet of the cues `filter` keeps, with calls if `options` asks. A kept cue keeps
    /// all its calls, even one that falls before `--from`: the operator still needs it.
    pub fn new(scene: &Scene, cues: &[Cue], filter: &Filter, options: &Options) -> Sheet {
        let mut sheet = Sheet {
            title: scene.title.clone(),
            source_name: options.source_name.clone(),
            length: scene.length,
            frame_rate: scene.frame_rate,
            timecode: options.timecode,
            scope: String::new(),
            calls: options.calls,
            cue_count: 0,
            rows: Vec::new(),
        };
        sheet.scope = filter.describe(scene, |t| sheet.time(t));
        let kept: Vec<&Cue> = cues.iter().filter(|c| filter.keeps(scene, c)).collect();
        sheet.cue_count = kept.len();
        let mut rows = Vec::new();
        for cue in kept {
            let row = sheet.row(scene, cue);
            if options.calls {
                let standby = cue.standby.map_or(cue.at.seconds() - STANDBY_LEAD, |s| {
                    s.seconds().min(cue.at.seconds())
                });
                let warning = (cue.at.seconds() - WARNING_LEAD)
                    .min(standby - WARNING_BEFORE_STANDBY)
                    .max(0.0);
                let standby = standby.max(0.0);
                for (call, at) in [(Call::Warning, warning), (Call::Standby, standby)] {
                    // A call belongs to the beat it is given in, so the sheet reads in time.
                    let at = Time::from_seconds(at).unwrap_or(Time::ZERO);
                    let beat = scene.beat_at(at);
                    rows.push(Row {
                        call: Some(call),
                        at,
                        beat: beat
                            .map(|b| scene.beats[b.index()].title.clone())
                            .unwrap_or_default(),
                        beat_at: beat.map(|b| scene.beats[b.index()].at),
                        ..row.clone()
                    });
                }
                rows.push(Row {
                    call: Some(Call::Go),
                    ..row
                });
            } else {
                rows.push(row);
            }
        }
        // Stable: calls in time order, a cue's own calls in their order at equal times.
        rows.sort_by(|a, b| a.at.cmp(&b.at).then(a.call.cmp(&b.call)));
        sheet.rows = rows;
        sheet
    }

    fn row(&self, scene: &Scene, cue: &Cue) -> Row {
        let mut notes = cue.notes.clone();
        if let Some(until) = cue.until {
            notes.push(format!("on the mark at {}", self.time(until)));
        }
        let who: Vec<&str> = cue
            .who
            .iter()
            .map(|&p| scene.person(p).name.as_str())
            .collect();
        Row {
            call: None,
            dept: cue.dept,
            number: cue.number.clone(),
            at: cue.at,
            cue_at: cue.at,
            standby: cue.standby,
            what: cue.what.clone(),
            room: cue
                .room
                .map(|r| scene.room(r).name.clone())
                .unwrap_or_default(),
            who: who.join(", "),
            beat: cue
                .beat
                .map(|b| scene.beats[b.index()].title.clone())
                .unwrap_or_default(),
            beat_at: cue.beat.map(|b| scene.beats[b.index()].at),
            notes: notes.join("; "),
            source: cue.source,
        }
    }

    /// A time in the sheet's timecode.
    pub fn time(&self, t: Time) -> String {
        match self.timecode {
            Timecode::Clock => t.clock(),
            Timecode::Smpte => t.smpte(self.frame_rate),
        }
    }

    /// The columns printed, in order.
    pub fn columns(&self) -> Vec<Column> {
        let mut columns = Vec::new();
        if self.calls {
            columns.push(Column::Call);
        }
        columns.extend([
            Column::Dept,
            Column::Number,
            Column::Time,
            Column::Standby,
            Column::What,
            Column::Where,
            Column::Who,
            Column::Beat,
            Column::Notes,
            Column::Source,
        ]);
        columns
    }

    /// The columns of a sheet printed with a band above each beat (table, HTML, PDF): the
    /// band names the beat, so there is no beat column.
    pub fn banded_columns(&self) -> Vec<Column> {
        let mut columns = self.columns();
        columns.retain(|&c| c != Column::Beat);
        columns
    }

    /// The text of one cell.
    pub fn cell(&self, row: &Row, column: Column) -> String {
        match column {
            Column::Call => row.call.map(|c| c.name().to_string()).unwrap_or_default(),
            Column::Dept => row.dept.abbreviation().to_string(),
            Column::Number => row.number.clone(),
            Column::Time => self.time(row.at),
            Column::Standby => row.standby.map(|t| self.time(t)).unwrap_or_default(),
            Column::What => row.what.clone(),
            Column::Where => row.room.clone(),
            Column::Who => row.who.clone(),
            Column::Beat => row.beat.clone(),
            Column::Notes => row.notes.clone(),
            Column::Source => row.source.name().to_string(),
        }
    }

    /// `Cue sheet` or `Cue sheet: LX, SQ · Ana`, for headings.
    pub fn heading(&self) -> String {
        let kind = if self.calls {
            "Calling sheet"
        } else {
            "Cue sheet"
        };
        if self.scope.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}: {}", self.scope)
        }
    }

    /// `take 0:45.0 · 24 fps · 12 cues`.
    pub fn summary(&self) -> String {
        let fps = crate::escape::number(self.frame_rate.value(), 3);
        let cues = match self.cue_count {
            1 => "1 cue".to_string(),
            n => format!("{n} cues"),
        };
        format!("take {} · {fps} fps · {cues}", self.time(self.length))
    }
}
