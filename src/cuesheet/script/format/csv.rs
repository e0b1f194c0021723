//! The calling script as CSV (RFC 4180, CRLF), one record per row of [`rows`]: time,
//! seconds (empty before the take), kind, what the caller says, the cues, their GO times,
//! the trigger or running text, and what the cues do. Scene text is defused against
//! spreadsheet formulas and stripped of control characters, as on the cue sheet.

use super::{row_time, rows};
use crate::cuesheet::format::csv::defuse;
use crate::cuesheet::script::Script;
use crate::escape::strip_control;

pub fn render(script: &Script) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = [
        "time", "seconds", "kind", "call", "cues", "go", "text", "what",
    ];
    // Writing into a Vec cannot fail; a failure would only drop the record.
    let _ = writer.write_record(header);
    for row in rows(script) {
        let scene = |text: &str| defuse(strip_control(text));
        let record = [
            row_time(script, &row),
            row.at
                .map(|t| crate::escape::number(t.seconds(), 3))
                .unwrap_or_default(),
            row.kind.name().to_string(),
            scene(&row.call),
            scene(&row.cues),
            row.go.clone(),
            scene(&row.text),
            scene(&row.what),
        ];
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
