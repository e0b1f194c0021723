//! The calling script: the stage manager's prompt book for the take.
//!
//! One *block* per moment the stage manager speaks: the warnings, standbys and GOs given
//! then, each kind on one line for every cue that shares it ("Standby LX 4, SQ 4", then
//! "LX 4, SQ 4 GO"), the GO with its trigger in words (the line or action it lands on) and
//! its time. Between the blocks, the running text of the take (lines, moves, what happens)
//! and the cues that are listed for information but not called, so the caller follows the
//! action and sees each call coming.
//!
//! Which cues are called is [`Cue::called`](super::Cue::called). Calls fall at the cue's
//! standby time (the scene's, else [`STANDBY_LEAD`] before the GO) and the warning
//! [`WARNING_LEAD`] before the GO (at least [`WARNING_BEFORE_STANDBY`] before the standby);
//! a call due before the take starts goes into one pre-show block instead of being clamped
//! to 0:00. Standbys and warnings may be given a little early ([`STANDBY_SLACK`],
//! [`WARNING_SLACK`]) to share a block with calls already being made; a GO never moves.
//!
//! [`calls`] is the schedule of calls alone (what `oner call` runs against the clock);
//! [`Script::new`] adds the running text. Formats live in `format/` (one file each).

pub mod format;
mod trigger;

use super::filter::Filter;
use super::sheet::{STANDBY_LEAD, Timecode, WARNING_BEFORE_STANDBY, WARNING_LEAD};
use super::{Cue, Source};
use crate::model::{Action, Department, Scene};
use crate::sim::Simulation;
use crate::time::{FrameRate, Time};
use std::collections::BTreeMap;

/// How much earlier than due a standby may be given to join a block already being called,
/// seconds.
pub const STANDBY_SLACK: f64 = 3.0;
/// How much earlier than due a warning may be given to join a block, seconds.
pub const WARNING_SLACK: f64 = 5.0;

/// The calls are the cue sheet's: one vocabulary for warning, standby and GO.
pub use crate::cuesheet::sheet::Call;

/// A called cue as the script shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalledCue {
    pub dept: Department,
    pub number: String,
    /// The GO time.
    pub go: Time,
    pub what: String,
}

impl CalledCue {
    /// `LX 4`.
    pub fn label(&self) -> String {
        format!("{} {}", self.dept.abbreviation(), self.number)
    }
}

/// One line of a block: one kind of call for every cue that shares it.
#[derive(Debug, Clone, PartialEq)]
pub struct CallLine {
    pub call: Call,
    /// In GO-time order, then department order.
    pub cues: Vec<CalledCue>,
    /// For a GO: what it lands on, in words ("as Her slams the front door").
    pub trigger: Option<String>,
}

impl CallLine {
    /// `LX 4, SQ 4`.
    pub fn labels(&self) -> String {
        let labels: Vec<String> = self.cues.iter().map(CalledCue::label).collect();
        labels.join(", ")
    }

    /// What the caller says: `Warning LX 4, SQ 4`, `Standby LX 4`, `LX 4, SQ 4 GO`.
    pub fn spoken(&self) -> String {
        match self.call {
            Call::Go => format!("{} GO", self.labels()),
            call => format!("{} {}", call.name(), self.labels()),
        }
    }
}

/// The calls given at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// `None` for the pre-show block (calls due before the take starts).
    pub at: Option<Time>,
    /// Each present kind once: GO first, then the warnings and standbys for later cues; or
    /// warning, standby, GO when a cue's standby falls on its own GO.
    pub lines: Vec<CallLine>,
}

impl Block {
    pub fn go(&self) -> Option<&CallLine> {
        self.lines.iter().find(|l| l.call == Call::Go)
    }
}

/// What the running text shows between blocks.
#[derive(Debug, Clone, PartialEq)]
pub enum Running {
    /// A spoken line: who, and what is said (described, never quoted lyrics).
    Line { who: String, says: String },
    /// Something that happens (a move, a door, a prop), with the labels of the cues listed
    /// for information that it is (`PROPS 3`).
    Action { text: String, cues: Vec<String> },
    /// A cue listed for information, not called: derived, or not called by its department.
    Info {
        dept: Department,
        label: String,
        what: String,
        source: Source,
    },
}

/// One entry of the script, in time order.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A beat starts: its title.
    Beat {
        at: Time,
        title: String,
    },
    Running {
        at: Time,
        running: Running,
    },
    Block(Block),
}

/// The revision stamp: which scene file, which content, which date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stamp {
    pub file: Option<String>,
    /// A short content hash of the scene file's text.
    pub hash: Option<String>,
    /// The scene's own `date`, if it gives one.
    pub date: Option<String>,
}

impl Stamp {
    /// The stamp of a scene read from the file called `file`.
    pub fn of(file: Option<&str>, scene: &Scene) -> Stamp {
        Stamp {
            file: file.map(str::to_string),
            hash: Some(scene.revision.clone()),
            date: scene.date.clone(),
        }
    }

    /// `calling.ron · rev 1f3a9c0b · 2026-11-30` (parts left out when unknown).
    pub fn text(&self) -> String {
        let mut parts = Vec::new();
        parts.extend(self.file.as_deref().map(super::format::one_line));
        parts.extend(self.hash.as_ref().map(|h| format!("rev {h}")));
        parts.extend(self.date.as_deref().map(super::format::one_line));
        parts.join(" · ")
    }
}

/// The calling script.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub title: String,
    pub length: Time,
    pub frame_rate: FrameRate,
    pub timecode: Timecode,
    /// What the filter keeps, in words; empty for the whole take.
    pub scope: String,
    pub stamp: Stamp,
    /// Cues called (each has exactly one GO).
    pub called: usize,
    /// Cues listed for information.
    pub listed: usize,
    pub entries: Vec<Entry>,
}

/// When one called cue's calls are due, seconds from the start (negative: before it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Due {
    pub warning: f64,
    pub standby: f64,
    pub go: f64,
}

impl Due {
    pub fn of(cue: &Cue) -> Due {
        let go = cue.at.seconds();
        let standby = cue
            .standby
            .map_or(go - STANDBY_LEAD, |s| s.seconds().min(go));
        let warning = (go - WARNING_LEAD).min(standby - WARNING_BEFORE_STANDBY);
        Due {
            warning,
            standby,
            go,
        }
    }
}

/// The blocks of calls for the called cues among `cues` (in time order), without
/// triggers: the pre-show block first if any call is due before the take.
pub fn calls(cues: &[&Cue]) -> Vec<Block> {
    // Moments keyed by time in milliseconds (exact for the frame-rounded times scenes use);
    // pre-show is key None, which sorts first.
    let mut moments: BTreeMap<Option<i64>, Vec<(Call, usize)>> = BTreeMap::new();
    let key = |seconds: f64| (seconds * 1000.0).round() as i64;
    let called: Vec<(usize, Due)> = cues
        .iter()
        .enumerate()
        .filter(|(_, c)| c.called)
        .map(|(i, c)| (i, Due::of(c)))
        .collect();
    for &(i, due) in &called {
        moments
            .entry(Some(key(due.go)))
            .or_default()
            .push((Call::Go, i));
    }
    for (call, slack) in [
        (Call::Standby, STANDBY_SLACK),
        (Call::Warning, WARNING_SLACK),
    ] {
        let mut due: Vec<(f64, usize)> = called
            .iter()
            .map(|&(i, d)| {
                (
                    if call == Call::Standby {
                        d.standby
                    } else {
                        d.warning
                    },
                    i,
                )
            })
            .collect();
        due.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (at, i) in due {
            let slot = if at < 0.0 {
                None
            } else {
                let (from, to) = (key(at - slack), key(at));
                moments
                    .range(Some(from)..=Some(to))
                    .next_back()
                    .map_or(Some(to), |(k, _)| *k)
            };
            moments.entry(slot).or_default().push((call, i));
        }
    }
    moments
        .into_iter()
        .map(|(at, calls)| Block {
            at: at.and_then(|ms| Time::from_seconds(ms as f64 / 1000.0)),
            lines: line_order(&calls)
                .into_iter()
                .filter_map(|call| {
                    let mut these: Vec<&Cue> = calls
                        .iter()
                        .filter(|(c, _)| *c == call)
                        .map(|&(_, i)| cues[i])
                        .collect();
                    if these.is_empty() {
                        return None;
                    }
                    these.sort_by_key(|c| (c.at, dept_rank(c.dept)));
                    Some(CallLine {
                        call,
                        cues: these
                            .into_iter()
                            .map(|c| CalledCue {
                                dept: c.dept,
                                number: c.number.clone(),
                                go: c.at,
                                what: c.what.clone(),
                            })
                            .collect(),
                        trigger: None,
                    })
                })
                .collect(),
        })
        .collect()
}

/// The order of a block's lines: the GO first when the block's warnings and standbys are
/// all for later cues (the caller gives the GO on time, then readies the next), else
/// warning, standby, GO (a cue whose standby falls on its own GO).
fn line_order(calls: &[(Call, usize)]) -> [Call; 3] {
    let goes = |i: usize| calls.iter().any(|&(c, j)| c == Call::Go && j == i);
    if calls.iter().any(|&(c, i)| c != Call::Go && goes(i)) {
        [Call::Warning, Call::Standby, Call::Go]
    } else {
        [Call::Go, Call::Warning, Call::Standby]
    }
}

/// A department's place in [`Department::ALL`], the sheets' department order.
pub fn dept_rank(dept: Department) -> usize {
    Department::ALL
        .iter()
        .position(|&d| d == dept)
        .unwrap_or(usize::MAX)
}

impl Script {
    /// The script of the cues `filter` keeps. Running text covers the filter's stretch of
    /// the take (all of it by default); a kept cue keeps all its calls.
    pub fn new(
        scene: &Scene,
        sim: &Simulation,
        cues: &[Cue],
        filter: &Filter,
        timecode: Timecode,
        stamp: Stamp,
    ) -> Script {
        let time = |t: Time| match timecode {
            Timecode::Clock => t.clock(),
            Timecode::Smpte => t.smpte(scene.frame_rate),
        };
        let kept: Vec<&Cue> = cues.iter().filter(|c| filter.keeps(scene, c)).collect();
        let mut blocks = calls(&kept);
        let triggers = trigger::Triggers::new(scene, sim);
        for block in &mut blocks {
            if let (Some(at), Some(go)) = (
                block.at,
                block.lines.iter_mut().find(|l| l.call == Call::Go),
            ) {
                go.trigger = Some(triggers.describe(at));
            }
        }
        let from = filter.from.unwrap_or(Time::ZERO);
        let to = filter.to.unwrap_or(scene.length).max(from);
        let listed: Vec<&Cue> = kept.iter().copied().filter(|c| !c.called).collect();
        // Sort key: time in ms (pre-show first), then beats, running text, blocks.
        let mut keyed: Vec<((i64, u8, usize), Entry)> = Vec::new();
        let ms = |t: Time| (t.seconds() * 1000.0).round() as i64;
        for (k, beat) in scene.beats.iter().enumerate() {
            if beat.at >= from && beat.at <= to {
                let entry = Entry::Beat {
                    at: beat.at,
                    title: beat.title.clone(),
                };
                keyed.push(((ms(beat.at), 0, k), entry));
            }
        }
        // The listed cues of each event, as indices into `listed`.
        let mut info_by_event: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (k, cue) in listed.iter().enumerate() {
            info_by_event.entry(cue.event.index()).or_default().push(k);
        }
        let crowd = crate::plan::crowd::Crowd::of(scene);
        let mut shown_with_action = vec![false; listed.len()];
        for (n, &id) in sim.order.iter().enumerate() {
            let event = &scene.events[id.index()];
            if event.at < from || event.at > to {
                continue;
            }
            let running = match &event.action {
                Action::Cue { .. } => continue,
                Action::Move(m) if !crowd.is_principal(m.who) => continue,
                Action::Line { who, says, .. } => Running::Line {
                    who: scene.person(*who).name.clone(),
                    says: says.clone(),
                },
                _ => {
                    let Some(text) = crate::plan::story::describe(scene, sim, id) else {
                        continue;
                    };
                    // The cues listed for information that are this very action.
                    let mut labels = Vec::new();
                    for &k in info_by_event.get(&id.index()).into_iter().flatten() {
                        if listed[k].at == event.at {
                            labels.push(listed[k].label());
                            shown_with_action[k] = true;
                        }
                    }
                    Running::Action { text, cues: labels }
                }
            };
            keyed.push((
                (ms(event.at), 1, n),
                Entry::Running {
                    at: event.at,
                    running,
                },
            ));
        }
        for (k, cue) in listed.iter().enumerate() {
            if shown_with_action[k] {
                continue;
            }
            let entry = Entry::Running {
                at: cue.at,
                running: Running::Info {
                    dept: cue.dept,
                    label: cue.label(),
                    what: cue.what.clone(),
                    source: cue.source,
                },
            };
            keyed.push(((ms(cue.at), 1, sim.order.len() + k), entry));
        }
        for (k, block) in blocks.into_iter().enumerate() {
            let at = block.at.map_or(i64::MIN, ms);
            keyed.push(((at, 2, k), Entry::Block(block)));
        }
        keyed.sort_by_key(|(key, _)| *key);
        let called = kept.iter().filter(|c| c.called).count();
        Script {
            title: scene.title.clone(),
            length: scene.length,
            frame_rate: scene.frame_rate,
            timecode,
            scope: filter.describe(scene, time),
            stamp,
            called,
            listed: listed.len(),
            entries: keyed.into_iter().map(|(_, e)| e).collect(),
        }
    }

    /// A time in the script's timecode.
    pub fn time(&self, t: Time) -> String {
        match self.timecode {
            Timecode::Clock => t.clock(),
            Timecode::Smpte => t.smpte(self.frame_rate),
        }
    }

    /// `Calling script` or `Calling script: LX, SQ`.
    pub fn heading(&self) -> String {
        if self.scope.is_empty() {
            "Calling script".to_string()
        } else {
            format!("Calling script: {}", self.scope)
        }
    }

    /// `take 6:10.0 · 24 fps · 10 called cues, 45 listed`.
    pub fn summary(&self) -> String {
        let fps = crate::escape::number(self.frame_rate.value(), 3);
        let called = match self.called {
            1 => "1 called cue".to_string(),
            n => format!("{n} called cues"),
        };
        format!(
            "take {} · {fps} fps · {called}, {} for information",
            self.time(self.length),
            self.listed
        )
    }

    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Block(b) => Some(b),
            _ => None,
        })
    }

    /// Every cue on the script, called or listed, as labels (`LX 4`): each exactly once.
    pub fn cue_labels(&self) -> Vec<String> {
        let mut labels = Vec::new();
        for entry in &self.entries {
            match entry {
                Entry::Block(b) => labels.extend(
                    b.go()
                        .into_iter()
                        .flat_map(|g| g.cues.iter().map(CalledCue::label)),
                ),
                Entry::Running {
                    running: Running::Action { cues, .. },
                    ..
                } => labels.extend(cues.iter().cloned()),
                Entry::Running {
                    running: Running::Info { label, .. },
                    ..
                } => labels.push(label.clone()),
                _ => {}
            }
        }
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventId;

    fn cue(dept: Department, number: &str, at: f64, standby: Option<f64>) -> Cue {
        let time = |s: f64| Time::from_seconds(s).unwrap_or(Time::ZERO);
        Cue {
            dept,
            number: number.into(),
            at: time(at),
            standby: standby.map(time),
            what: String::new(),
            room: None,
            who: Vec::new(),
            beat: None,
            notes: Vec::new(),
            until: None,
            source: Source::Given,
            called: true,
            event: EventId(0),
        }
    }

    /// Each block as (time in seconds or -1 before the take, its spoken lines).
    fn plan(cues: &[Cue]) -> Vec<(f64, Vec<String>)> {
        let refs: Vec<&Cue> = cues.iter().collect();
        calls(&refs)
            .into_iter()
            .map(|b| {
                let at = b.at.map_or(-1.0, |t| t.seconds());
                (at, b.lines.iter().map(CallLine::spoken).collect())
            })
            .collect()
    }

    #[test]
    fn calls_due_before_the_take_go_into_the_pre_show_block() {
        let got = plan(&[cue(Department::Lighting, "1", 0.0, None)]);
        assert_eq!(
            got,
            [
                (-1.0, vec!["Warning LX 1".into(), "Standby LX 1".into()]),
                (0.0, vec!["LX 1 GO".into()]),
            ]
        );
    }

    #[test]
    fn standbys_due_close_together_share_a_block_and_gos_never_move() {
        let got = plan(&[
            cue(Department::Lighting, "4", 60.0, Some(50.0)),
            cue(Department::Sound, "4", 61.0, Some(52.0)),
        ]);
        // Both warnings at 30/31 s: one block; standby SQ 4 due 52 s joins LX 4's at 50 s.
        assert_eq!(
            got,
            [
                (30.0, vec!["Warning LX 4, SQ 4".into()]),
                (50.0, vec!["Standby LX 4, SQ 4".into()]),
                (60.0, vec!["LX 4 GO".into()]),
                (61.0, vec!["SQ 4 GO".into()]),
            ]
        );
        // 3.1 s apart is too far to give early: two blocks.
        let got = plan(&[
            cue(Department::Lighting, "4", 60.0, Some(50.0)),
            cue(Department::Sound, "4", 70.0, Some(53.1)),
        ]);
        assert_eq!(got[2], (50.0, vec!["Standby LX 4".into()]));
        assert_eq!(got[3], (53.1, vec!["Standby SQ 4".into()]));
    }

    #[test]
    fn a_go_comes_first_unless_a_cue_is_readied_at_its_own_go() {
        let got = plan(&[
            cue(Department::Lighting, "1", 40.0, None),
            cue(Department::Sound, "1", 45.0, Some(40.0)),
        ]);
        assert_eq!(
            got[2],
            (40.0, vec!["LX 1 GO".into(), "Standby SQ 1".into()])
        );
        // A standby written at the GO's own time: standby, then GO, in one block.
        let got = plan(&[cue(Department::Lighting, "1", 40.0, Some(40.0))]);
        assert_eq!(
            got[1],
            (40.0, vec!["Standby LX 1".into(), "LX 1 GO".into()])
        );
    }

    #[test]
    fn cues_not_called_have_no_calls() {
        let mut quiet = cue(Department::Props, "1", 40.0, None);
        quiet.called = false;
        assert!(plan(&[quiet]).is_empty());
    }
}
