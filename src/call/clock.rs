//! The rehearsal clock and what the keys do to it: a pure state machine, so the live mode
//! is tested without a terminal and without waiting.
//!
//! The clock holds a position in the take (seconds, from 0 to the take's length), whether
//! it runs, and its speed. [`Clock::tick`] moves it by real seconds × speed; keys start and
//! pause it, nudge it a second either way, or open a prompt to jump to a beat or a time.

use crate::time::Time;

/// What a key press asks for, as the live mode reads keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// Space: start or pause.
    StartPause,
    /// j, ←, ↓: one second back.
    Back,
    /// k, →, ↑: one second on.
    On,
    /// b: type a beat's number.
    AskBeat,
    /// t: type a time.
    AskTime,
    /// A character typed into an open prompt.
    Char(char),
    Backspace,
    Enter,
    /// Esc: close the prompt.
    Cancel,
    /// q: quit.
    Quit,
}

/// What an open prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    Beat,
    Time,
}

/// How far a nudge moves the clock, seconds.
pub const NUDGE: f64 = 1.0;
/// Most characters a prompt takes.
const PROMPT_CHARS: usize = 16;

/// The rehearsal clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// Seconds into the take.
    pub position: f64,
    pub length: f64,
    pub running: bool,
    /// Take seconds per real second.
    pub speed: f64,
    /// An open prompt and what has been typed.
    pub prompt: Option<(Asking, String)>,
    /// A one-line note for the caller (a jump that could not be made).
    pub message: Option<String>,
    pub quit: bool,
}

impl Clock {
    pub fn new(from: Time, length: Time, speed: f64) -> Clock {
        Clock {
            position: from.seconds().clamp(0.0, length.seconds()),
            length: length.seconds(),
            running: false,
            speed: if speed.is_finite() && speed > 0.0 {
                speed
            } else {
                1.0
            },
            prompt: None,
            message: None,
            quit: false,
        }
    }

    pub fn now(&self) -> Time {
        Time::from_seconds(self.position).unwrap_or(Time::ZERO)
    }

    /// Moves the clock by `real` seconds of wall time (if it runs); it stops at the end.
    pub fn tick(&mut self, real: f64) {
        if !self.running || !real.is_finite() || real <= 0.0 {
            return;
        }
        self.position = (self.position + real * self.speed).min(self.length);
        if self.position >= self.length {
            self.running = false;
        }
    }

    fn seek(&mut self, seconds: f64) {
        self.position = seconds.clamp(0.0, self.length);
    }

    /// Applies a key. `beat_at(n)` is when beat `n` (from 1) starts, if there is one;
    /// `parse_time` reads a typed time.
    pub fn key(
        &mut self,
        key: Key,
        beat_at: impl Fn(usize) -> Option<Time>,
        parse_time: impl Fn(&str) -> Option<Time>,
    ) {
        if let Some((asking, typed)) = &mut self.prompt {
            match key {
                Key::Char(c) if typed.chars().count() < PROMPT_CHARS && !c.is_control() => {
                    typed.push(c)
                }
                Key::Backspace => {
                    typed.pop();
                }
                Key::Cancel => self.prompt = None,
                Key::Quit => self.quit = true,
                Key::Enter => {
                    let (asking, typed) = (*asking, typed.trim().to_string());
                    self.prompt = None;
                    let target = match asking {
                        Asking::Beat => typed.parse::<usize>().ok().and_then(&beat_at),
                        Asking::Time => parse_time(&typed),
                    };
                    match target {
                        Some(t) => {
                            self.seek(t.seconds());
                            self.message = None;
                        }
                        None => {
                            let what = match asking {
                                Asking::Beat => "no such beat",
                                Asking::Time => "not a time in the take",
                            };
                            let shown = crate::escape::terminal_short(&typed, PROMPT_CHARS);
                            self.message = Some(format!("{what}: {shown}"));
                        }
                    }
                }
                _ => {}
            }
            return;
        }
        match key {
            Key::StartPause => {
                if !self.running && self.position >= self.length {
                    self.position = 0.0;
                }
                self.running = !self.running;
            }
            Key::Back => self.seek(self.position - NUDGE),
            Key::On => self.seek(self.position + NUDGE),
            Key::AskBeat => self.prompt = Some((Asking::Beat, String::new())),
            Key::AskTime => self.prompt = Some((Asking::Time, String::new())),
            Key::Quit => self.quit = true,
            Key::Cancel => self.message = None,
            Key::Char(_) | Key::Backspace | Key::Enter => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: f64) -> Time {
        Time::from_seconds(s).unwrap_or(Time::ZERO)
    }

    fn press(clock: &mut Clock, keys: &[Key]) {
        for key in keys {
            clock.key(
                key.clone(),
                |n| [t(0.0), t(20.0)].get(n.wrapping_sub(1)).copied(),
                |text| text.parse::<f64>().ok().and_then(Time::from_seconds),
            );
        }
    }

    #[test]
    fn the_clock_runs_at_its_speed_only_when_started_and_stops_at_the_end() {
        let mut clock = Clock::new(t(10.0), t(45.0), 2.0);
        clock.tick(1.0);
        assert_eq!(clock.position, 10.0, "paused at the start");
        press(&mut clock, &[Key::StartPause]);
        clock.tick(1.5);
        assert_eq!(clock.position, 13.0);
        clock.tick(100.0);
        assert_eq!((clock.position, clock.running), (45.0, false));
        // Starting again at the end starts over.
        press(&mut clock, &[Key::StartPause]);
        assert_eq!((clock.position, clock.running), (0.0, true));
    }

    #[test]
    fn nudges_move_a_second_within_the_take() {
        let mut clock = Clock::new(t(0.5), t(45.0), 1.0);
        press(&mut clock, &[Key::Back]);
        assert_eq!(clock.position, 0.0);
        press(&mut clock, &[Key::On, Key::On]);
        assert_eq!(clock.position, 2.0);
    }

    #[test]
    fn prompts_jump_to_a_beat_or_a_time_and_say_when_they_cannot() {
        let mut clock = Clock::new(t(0.0), t(45.0), 1.0);
        press(&mut clock, &[Key::AskBeat, Key::Char('2'), Key::Enter]);
        assert_eq!(clock.position, 20.0);
        // Keys that mean something else are typed while a prompt is open.
        press(
            &mut clock,
            &[Key::AskTime, Key::Char('3'), Key::Char('x'), Key::Backspace],
        );
        press(&mut clock, &[Key::Char('3'), Key::Enter]);
        assert_eq!(clock.position, 33.0);
        press(&mut clock, &[Key::AskBeat, Key::Char('9'), Key::Enter]);
        assert_eq!(clock.position, 33.0);
        assert_eq!(clock.message.as_deref(), Some("no such beat: 9"));
        press(&mut clock, &[Key::AskTime, Key::Char('1'), Key::Cancel]);
        assert_eq!((clock.prompt.clone(), clock.position), (None, 33.0));
        press(&mut clock, &[Key::Quit]);
        assert!(clock.quit);
    }
}
