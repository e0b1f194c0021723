//! Cue numbers: how many cues each department has (the cue sheet's own list, given and
//! derived), the longest stretch of the take with no cue, and the busiest ten seconds.

use super::{CueStats, DeptCount, Span, WINDOW, Window, clock, round};
use crate::cuesheet::Cue;
use crate::model::Scene;

/// The cue numbers of the take, from the cue list every output reads
/// ([`crate::cuesheet::cue_list`]).
pub fn stats(scene: &Scene, cues: &[Cue]) -> CueStats {
    let length = scene.length.seconds();
    let times: Vec<f64> = cues.iter().map(|c| c.at.seconds()).collect();
    let (gap_from, gap_to) = longest_gap(&times, length);
    let (start, count) = busiest(&times, WINDOW);
    CueStats {
        count: cues.len(),
        called: cues.iter().filter(|c| c.called).count(),
        by_department: crate::cuesheet::count_by_department(cues)
            .into_iter()
            .map(|(dept, count)| DeptCount {
                dept: dept.abbreviation().to_string(),
                count,
                called: cues.iter().filter(|c| c.dept == dept && c.called).count(),
            })
            .collect(),
        longest_without_cue: Span {
            from: clock(gap_from),
            to: clock(gap_to),
            from_seconds: round(gap_from, 3),
            to_seconds: round(gap_to, 3),
            seconds: round(gap_to - gap_from, 3),
        },
        busiest_ten_seconds: Window {
            from: clock(start),
            to: clock(start + WINDOW),
            from_seconds: round(start, 3),
            count,
            cues: cues
                .iter()
                .filter(|c| {
                    let t = c.at.seconds();
                    t >= start && t < start + WINDOW
                })
                .map(Cue::label)
                .collect(),
        },
    }
}

/// The longest stretch of `[0, length]` with no time of `times` (sorted) inside it:
/// (from, to), the earliest of equals.
pub fn longest_gap(times: &[f64], length: f64) -> (f64, f64) {
    let mut edges = vec![0.0];
    edges.extend(times.iter().copied().filter(|t| (0.0..=length).contains(t)));
    edges.push(length);
    let mut best = (0.0, 0.0);
    for w in edges.windows(2) {
        if w[1] - w[0] > best.1 - best.0 + 1e-9 {
            best = (w[0], w[1]);
        }
    }
    best
}

/// The window of `width` seconds starting at one of `times` (sorted) that holds the most of
/// them: (start, count), the earliest of equals; (0, 0) with no times.
pub fn busiest(times: &[f64], width: f64) -> (f64, usize) {
    let mut best = (0.0, 0);
    let mut end = 0;
    for (i, &start) in times.iter().enumerate() {
        end = end.max(i);
        while end < times.len() && times[end] < start + width - 1e-9 {
            end += 1;
        }
        if end - i > best.1 {
            best = (start, end - i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_run_from_the_start_between_cues_and_to_the_end() {
        assert_eq!(longest_gap(&[], 30.0), (0.0, 30.0));
        assert_eq!(longest_gap(&[5.0, 8.0], 30.0), (8.0, 30.0));
        assert_eq!(longest_gap(&[20.0, 25.0], 30.0), (0.0, 20.0));
        assert_eq!(longest_gap(&[10.0, 20.0], 30.0), (0.0, 10.0));
    }

    #[test]
    fn the_busiest_window_counts_cues_in_ten_seconds() {
        assert_eq!(busiest(&[], 10.0), (0.0, 0));
        assert_eq!(busiest(&[1.0, 12.0, 13.0, 21.9, 22.0], 10.0), (12.0, 3));
        // A cue exactly ten seconds later is in the next window.
        assert_eq!(busiest(&[0.0, 10.0], 10.0), (0.0, 1));
    }
}
