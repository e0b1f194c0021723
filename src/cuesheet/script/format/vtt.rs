//! The calling script as WebVTT captions, to rehearse the calls beside the film: one
//! caption per block of calls at its time (the pre-show block at 0:00), each spoken call a
//! line, the GO with its trigger. Same grammar and escaping as the cue sheet's captions.

use crate::cuesheet::format::vtt::{escape, stamp};
use crate::cuesheet::script::{Call, Script};

/// How long a caption stays up when the next block is not sooner, seconds.
const SHOW_FOR: f64 = 4.0;
/// The shortest a caption is shown, seconds.
const SHOW_AT_LEAST: f64 = 1.0;

pub fn render(script: &Script) -> String {
    let mut out = String::from("WEBVTT\n\n");
    out.push_str(&format!(
        "NOTE\n{}\n\n",
        escape(&format!(
            "{} — {} — {}",
            script.title,
            script.heading(),
            script.stamp.text()
        ))
    ));
    let blocks: Vec<_> = script.blocks().collect();
    for (i, block) in blocks.iter().enumerate() {
        let start = block.at.map_or(0.0, |t| t.seconds());
        let next = blocks[i + 1..]
            .iter()
            .map(|b| b.at.map_or(0.0, |t| t.seconds()))
            .find(|&t| t > start);
        let end = next
            .unwrap_or(f64::INFINITY)
            .min(start + SHOW_FOR)
            .min(script.length.seconds())
            .max(start + SHOW_AT_LEAST);
        out.push_str(&format!("{}\n{} --> {}\n", i + 1, stamp(start), stamp(end)));
        if block.at.is_none() {
            out.push_str("Before the take\n");
        }
        for line in &block.lines {
            let mut text = line.spoken();
            if line.call == Call::Go
                && let Some(trigger) = &line.trigger
            {
                text = format!("{text} — {trigger}");
            }
            out.push_str(&escape(&text));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}
