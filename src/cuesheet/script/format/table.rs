//! The calling script as plain text for the terminal, wrapped to a width: the time in a
//! gutter, the calls at the margin, the running text indented under them, a blank line
//! before each block.

use super::{Kind, Row, row_time, rows};
use crate::cuesheet::format::one_line;
use crate::cuesheet::format::table::wrap;
use crate::cuesheet::script::Script;

/// The time gutter, characters (`0:00:00.0` plus a space).
const GUTTER: usize = 11;

pub fn render(script: &Script, width: usize) -> String {
    let width = width.max(GUTTER + 20);
    let mut out = format!(
        "{} — {}\n{}\n",
        one_line(&script.title),
        one_line(&script.heading()),
        script.stamp.text()
    );
    out.push_str(&script.summary());
    out.push('\n');
    let rows = rows(script);
    if script.called == 0 {
        out.push_str("\nNo called cues.\n");
    }
    let mut after_block = false;
    for row in &rows {
        // A blank line before each block and after it, and before a beat's band.
        let blank =
            row.starts_block || row.kind == Kind::Beat || (after_block && !row.kind.is_call());
        if blank {
            out.push('\n');
        }
        push_row(&mut out, script, row, width);
        after_block = row.kind.is_call();
    }
    out
}

fn push_row(out: &mut String, script: &Script, row: &Row, width: usize) {
    let time = row_time(script, row);
    match row.kind {
        Kind::PreShow => out.push_str("BEFORE THE TAKE\n"),
        Kind::Beat => {
            let band = format!("── {} · {} ", row.call, time);
            let rule = width.saturating_sub(band.chars().count());
            out.push_str(&band);
            out.push_str(&"─".repeat(rule));
            out.push('\n');
        }
        Kind::Warning | Kind::Standby => {
            let text = format!("{}   (GO {})", row.call, row.go);
            hang(out, &time, "", &text, width);
        }
        Kind::Go => {
            let text = format!("{} — {} (GO {})", row.call, row.text, time);
            hang(out, &time, "▶ ", &text, width);
            for what in row.what.split("; ") {
                hang(out, "", "    ", what, width);
            }
        }
        Kind::Line => hang(
            out,
            &time,
            "    ",
            &format!("{}: {}", row.call, row.text),
            width,
        ),
        Kind::Action if row.cues.is_empty() => hang(out, &time, "    ", &row.text, width),
        Kind::Action => hang(
            out,
            &time,
            "    ",
            &format!("{} [{}]", row.text, row.cues),
            width,
        ),
        Kind::Info => hang(
            out,
            &time,
            "    ",
            &format!("· {} {}", row.call, row.what),
            width,
        ),
    }
}

/// `time` in the gutter, then `mark` and `text` wrapped with a hanging indent.
fn hang(out: &mut String, time: &str, mark: &str, text: &str, width: usize) {
    let indent = GUTTER + mark.chars().count();
    for (k, line) in wrap(text, width - indent).into_iter().enumerate() {
        if k == 0 {
            out.push_str(&format!("{time:>9}  {mark}{line}"));
        } else {
            out.push_str(&format!("{}{line}", " ".repeat(indent)));
        }
        out.push('\n');
    }
}
