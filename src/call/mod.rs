//! `oner call`: running the take's calls against a clock, to rehearse them with a stopwatch
//! or beside the film.
//!
//! The library holds all of it but the terminal: [`Calling`] is the calling script's
//! schedule (the same blocks, triggers and running text as `oner cues --calls`),
//! [`Calling::view`] says what the caller sees at a moment (the time and beat, the next calls
//! with countdowns, who is on standby, a GO just given, the line or action being played),
//! [`clock`] is the rehearsal clock and its keys, [`screen`] draws a view with ratatui (tested
//! on its `TestBackend`), and [`log`] writes the plain timed log used when standard output is
//! not a terminal. `cli::call` only wires these to a real terminal and a real clock.

pub mod clock;
pub mod log;
pub mod screen;

use crate::cuesheet::format::one_line;
use crate::cuesheet::script::{Call, Entry, Running, Script};
use crate::time::Time;

/// How long a GO stays up big after it is given, seconds of take time.
pub const GO_SHOWN: f64 = 2.0;
/// How long after it starts a line or action counts as being played, seconds.
pub const PLAYING_FOR: f64 = 6.0;

/// One spoken call at its time: `None` before the take.
#[derive(Debug, Clone, PartialEq)]
pub struct Spoken {
    pub at: Option<Time>,
    pub call: Call,
    /// `Standby LX 4, SQ 4`, `LX 4, SQ 4 GO`: terminal-safe.
    pub words: String,
    /// A GO's trigger, terminal-safe.
    pub trigger: Option<String>,
    /// The cue labels, terminal-safe, with each cue's GO time.
    pub cues: Vec<(String, Time)>,
}

/// The take's calls and running text in time order, ready to show at any moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Calling {
    pub title: String,
    pub length: Time,
    /// Beats: (start, title), terminal-safe.
    pub beats: Vec<(Time, String)>,
    pub calls: Vec<Spoken>,
    /// Lines and actions: (time, words), terminal-safe.
    pub running: Vec<(Time, String)>,
}

/// A call coming up.
#[derive(Debug, Clone, PartialEq)]
pub struct Next {
    pub at: Time,
    /// Seconds until it is due.
    pub countdown: f64,
    pub words: String,
    pub trigger: Option<String>,
}

/// What the caller sees at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub now: Time,
    pub length: Time,
    /// The beat under way: its number from 1, how many there are, its title and start.
    pub beat: Option<(usize, usize, String, Time)>,
    /// A GO given in the last [`GO_SHOWN`] seconds.
    pub go: Option<Spoken>,
    /// The calls still to come, soonest first (at most `count`).
    pub next: Vec<Next>,
    /// Cues on standby now (standby given, GO not yet): labels with their GO times.
    pub standby: Vec<(String, Time)>,
    /// The line or action being played.
    pub playing: Option<String>,
}

/// Scene text as the terminal may show it: one line, control characters spelled out.
fn safe(text: &str) -> String {
    crate::escape::terminal(&one_line(text)).into_owned()
}

impl Calling {
    pub fn new(script: &Script) -> Calling {
        let mut calls = Vec::new();
        let mut running = Vec::new();
        let mut beats = Vec::new();
        for entry in &script.entries {
            match entry {
                Entry::Beat { at, title } => beats.push((*at, safe(title))),
                Entry::Running { at, running: r } => {
                    let words = match r {
                        Running::Line { who, says } => format!("{}: {}", safe(who), safe(says)),
                        Running::Action { text, .. } => safe(text),
                        Running::Info { .. } => continue,
                    };
                    running.push((*at, words));
                }
                Entry::Block(block) => {
                    for line in &block.lines {
                        calls.push(Spoken {
                            at: block.at,
                            call: line.call,
                            words: safe(&line.spoken()),
                            trigger: line.trigger.as_deref().map(safe),
                            cues: line.cues.iter().map(|c| (safe(&c.label()), c.go)).collect(),
                        });
                    }
                }
            }
        }
        Calling {
            title: safe(&script.title),
            length: script.length,
            beats,
            calls,
            running,
        }
    }

    /// When beat `n` (from 1) starts.
    pub fn beat_at(&self, n: usize) -> Option<Time> {
        n.checked_sub(1)
            .and_then(|i| self.beats.get(i))
            .map(|b| b.0)
    }

    /// What to show at `now`, with at most `count` calls to come.
    pub fn view(&self, now: Time, count: usize) -> View {
        let t = now.seconds();
        let at = |s: &Spoken| s.at.map_or(f64::NEG_INFINITY, Time::seconds);
        // Calls are in time order (pre-show first): the first still to come.
        let first_next = self.calls.partition_point(|s| at(s) <= t);
        let go = self.calls[..first_next]
            .iter()
            .rev()
            .take_while(|s| t - at(s) <= GO_SHOWN)
            .find(|s| s.call == Call::Go)
            .cloned();
        let next = self.calls[first_next..]
            .iter()
            .take(count)
            .filter_map(|s| {
                let due = s.at?;
                Some(Next {
                    at: due,
                    countdown: due.seconds() - t,
                    words: s.words.clone(),
                    trigger: s.trigger.clone(),
                })
            })
            .collect();
        let mut standby: Vec<(String, Time)> = Vec::new();
        for s in self.calls[..first_next]
            .iter()
            .filter(|s| s.call == Call::Standby)
        {
            standby.extend(s.cues.iter().filter(|c| c.1.seconds() > t).cloned());
        }
        standby.sort_by_key(|c| c.1);
        let beat = self.beats.iter().rposition(|b| b.0 <= now).map(|i| {
            (
                i + 1,
                self.beats.len(),
                self.beats[i].1.clone(),
                self.beats[i].0,
            )
        });
        let playing_from = self.running.partition_point(|r| r.0 <= now);
        let playing = playing_from
            .checked_sub(1)
            .map(|i| &self.running[i])
            .filter(|r| t - r.0.seconds() <= PLAYING_FOR)
            .map(|r| r.1.clone());
        View {
            now,
            length: self.length,
            beat,
            go,
            next,
            standby,
            playing,
        }
    }
}

/// `in 4.0 s`, `in 1:04.0`.
pub fn countdown(seconds: f64) -> String {
    let seconds = seconds.max(0.0);
    if seconds < 60.0 {
        format!("in {seconds:.1} s")
    } else {
        format!(
            "in {}",
            Time::from_seconds(seconds).unwrap_or(Time::ZERO).clock()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calling of the test fixture scene.
    pub(crate) fn calling() -> Calling {
        let text = include_str!("../../tests/fixtures/calls/calling.ron");
        let file = crate::source::SourceFile::new("calling.ron", text);
        let loaded = crate::load::load(&file);
        let Some(scene) = loaded.scene.as_ref() else {
            panic!("the fixture loads: {:?}", loaded.diagnostics)
        };
        let sim = crate::sim::Simulation::new(scene);
        let cues = crate::cuesheet::cue_list(scene, &sim);
        let script = Script::new(
            scene,
            &sim,
            &cues,
            &crate::cuesheet::filter::Filter::default(),
            crate::cuesheet::sheet::Timecode::Clock,
            crate::cuesheet::script::Stamp::of(Some("calling.ron"), scene),
        );
        Calling::new(&script)
    }

    fn t(s: f64) -> Time {
        Time::from_seconds(s).unwrap_or(Time::ZERO)
    }

    #[test]
    fn before_the_first_go_the_pre_show_standbys_hold() {
        let view = calling().view(t(0.0), 3);
        // LX 1 and SM 1 GO at 0:00 exactly: just given, shown big.
        let go = view.go.expect("the GO at 0:00");
        assert_eq!(go.words, "LX 1, SM 1 GO");
        // SQ 1's standby was given in that block: it is on standby, its GO next.
        assert_eq!(view.next[0].words, "SQ 1 GO");
        assert_eq!(view.standby, [("SQ 1".to_string(), t(4.0))]);
        assert_eq!(view.beat.map(|b| b.0), Some(1));
    }

    #[test]
    fn after_a_jump_the_next_call_counts_down_and_standbys_show() {
        let calling = calling();
        let view = calling.view(t(20.0), 4);
        assert_eq!(view.beat.as_ref().map(|b| b.2.as_str()), Some("The news"));
        assert!(view.go.is_none());
        let next = &view.next[0];
        assert_eq!((next.words.as_str(), next.countdown), ("Standby SQ 2", 8.0));
        assert_eq!(countdown(next.countdown), "in 8.0 s");
        // SQ 3 and CAM 1 were warned at 0:04; LX 3's standby is due 0:38: nothing on standby.
        assert!(view.standby.is_empty(), "{:?}", view.standby);
        let view = calling.view(t(36.0), 4);
        let standby: Vec<&str> = view.standby.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(standby, ["SQ 3", "CAM 1"]);
        let view = calling.view(t(39.5), 4);
        assert_eq!(view.go.map(|g| g.words), Some("SQ 3, CAM 1 GO".into()));
        let standby: Vec<&str> = view.standby.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(standby, ["LX 3"]);
    }

    #[test]
    fn the_line_being_played_shows_for_a_while() {
        let calling = calling();
        let playing = calling.view(t(17.0), 3).playing.expect("a line");
        assert!(playing.starts_with("Ben: He asks"), "{playing}");
        assert!(calling.view(t(10.0), 3).playing.is_some());
    }

    #[test]
    fn countdowns_read_in_seconds_then_minutes() {
        assert_eq!(countdown(0.04), "in 0.0 s");
        assert_eq!(countdown(-3.0), "in 0.0 s");
        assert_eq!(countdown(75.0), "in 1:15.0");
    }
}
