//! The calling script as Markdown: the title, the revision stamp, then one table of
//! [`rows`] (time, kind, the call or speaker, the trigger or running text, what the cues
//! do). Scene text is escaped the way the cue sheet's Markdown is, so it reads back as
//! written.

use super::{Kind, row_time, rows};
use crate::cuesheet::format::markdown::escape;
use crate::cuesheet::script::Script;

pub fn render(script: &Script) -> String {
    let mut out = format!(
        "# {} — {}\n\n{}\n\n{}\n\n",
        escape(&script.title),
        escape(&script.heading()),
        escape(&script.stamp.text()),
        escape(&script.summary())
    );
    if script.called == 0 {
        out.push_str("No called cues.\n\n");
    }
    out.push_str("| Time | Kind | Call | Words | What |\n| --- | --- | --- | --- | --- |\n");
    for row in rows(script) {
        let call = match row.kind {
            Kind::Go | Kind::Standby | Kind::Warning | Kind::Beat | Kind::PreShow => {
                format!("**{}**", escape(&row.call))
            }
            _ => escape(&row.call),
        };
        let mut words = escape(&row.text);
        if matches!(row.kind, Kind::Warning | Kind::Standby) {
            words = format!("for GO at {}", escape(&row.go));
        } else if row.kind == Kind::Action && !row.cues.is_empty() {
            words = format!("{words} \\[{}\\]", escape(&row.cues));
        }
        out.push_str(&format!(
            "| {} | {} | {call} | {words} | {} |\n",
            escape(&row_time(script, &row)),
            row.kind.name(),
            escape(&row.what)
        ));
    }
    out
}
