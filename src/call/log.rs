//! The plain timed log `oner call` prints when standard output is not a terminal: one line
//! per spoken call (and per beat) at its time, `  1:54.0  SQ 2 GO — as Her slams the Front
//! door`, from the starting time on; what is already on standby at the start first. The
//! caller of [`lines`] decides whether to wait for each line's time or print at once.

use super::{Calling, Spoken};
use crate::cuesheet::script::Call;
use crate::time::Time;

/// One line of the log and the take time it is due (`None`: print at once).
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    pub at: Option<Time>,
    pub text: String,
}

/// The log from `from` on.
pub fn lines(calling: &Calling, from: Time) -> Vec<LogLine> {
    let mut out = vec![LogLine {
        at: None,
        text: format!("{} — calls from {}", calling.title, from.clock()),
    }];
    let view = calling.view(from, 0);
    if !view.standby.is_empty() {
        let on: Vec<String> = view
            .standby
            .iter()
            .map(|(label, at)| format!("{label} (GO {})", at.clock()))
            .collect();
        out.push(LogLine {
            at: None,
            text: format!("on standby: {}", on.join(", ")),
        });
    }
    let mut beats = calling.beats.iter().filter(|b| b.0 >= from).peekable();
    for spoken in calling
        .calls
        .iter()
        .filter(|s| s.at.is_some_and(|t| t >= from))
    {
        let at = spoken.at.unwrap_or(Time::ZERO);
        while let Some(beat) = beats.next_if(|b| b.0 <= at) {
            out.push(LogLine {
                at: Some(beat.0),
                text: format!("{:>9}  ── {} ──", beat.0.clock(), beat.1),
            });
        }
        out.push(LogLine {
            at: Some(at),
            text: line(spoken, at),
        });
    }
    for beat in beats {
        out.push(LogLine {
            at: Some(beat.0),
            text: format!("{:>9}  ── {} ──", beat.0.clock(), beat.1),
        });
    }
    out.push(LogLine {
        at: Some(calling.length.max(from)),
        text: format!("{:>9}  end of the take", calling.length.clock()),
    });
    out
}

fn line(spoken: &Spoken, at: Time) -> String {
    match (&spoken.call, &spoken.trigger) {
        (Call::Go, Some(trigger)) => format!("{:>9}  {} — {trigger}", at.clock(), spoken.words),
        _ => format!("{:>9}  {}", at.clock(), spoken.words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_runs_from_the_start_time_with_the_standbys_already_given() {
        let calling = crate::call::tests::calling();
        let log = lines(&calling, Time::from_seconds(36.0).unwrap_or(Time::ZERO));
        let text: Vec<&str> = log.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text[1], "on standby: SQ 3 (GO 0:39.0), CAM 1 (GO 0:39.0)");
        assert_eq!(text[2], "   0:38.0  Standby LX 3");
        assert!(
            text[3].starts_with("   0:39.0  SQ 3, CAM 1 GO — "),
            "{}",
            text[3]
        );
        assert_eq!(text.last().copied(), Some("   0:45.0  end of the take"));
        // Times never go backwards.
        let times: Vec<Time> = log.iter().filter_map(|l| l.at).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]));
    }
}
