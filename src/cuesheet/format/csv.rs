//! CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
//! breaks quoted, quotes doubled) with a header row, for a spreadsheet or a console import.
//! Besides the printed columns it has `seconds`, the cue's time as a number to sort on.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (also after a leading
//! tab, CR or LF) as a formula, so scene text starting with one of those six gets a leading
//! `'` (the usual guard against CSV injection); times and numbers are oner's own and never
//! start that way. Control and bidi characters are removed ([`strip_control`]).

use crate::cuesheet::sheet::{Column, Sheet};
use crate::escape::strip_control;

pub fn render(sheet: &Sheet) -> String {
    let columns = sheet.columns();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = columns
        .iter()
        .map(|c| c.header().to_lowercase().replace(['.', ' '], "_"))
        .map(|h| h.trim_end_matches('_').to_string())
        .collect();
    header.push("seconds".into());
    let mut records = vec![header];
    for row in &sheet.rows {
        let mut record: Vec<String> = columns
            .iter()
            .map(|&c| {
                let text = strip_control(&sheet.cell(row, c));
                if is_scene_text(c) { defuse(text) } else { text }
            })
            .collect();
        record.push(crate::escape::number(row.at.seconds(), 3));
        records.push(record);
    }
    for record in records {
        // Writing into a Vec cannot fail; a failure would only drop the record.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn is_scene_text(column: Column) -> bool {
    matches!(
        column,
        Column::Number | Column::What | Column::Where | Column::Who | Column::Beat | Column::Notes
    )
}

/// Puts `'` before text a spreadsheet would run as a formula: one starting with `=`, `+`,
/// `-` or `@`, or with a tab, carriage return or line feed (which spreadsheets skip before
/// reading a formula; OWASP's list).
pub(crate) fn defuse(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formula_starts_are_defused_even_after_a_tab_or_line_break() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n@x"] {
            assert_eq!(defuse(text.to_string()), format!("'{text}"), "{text:?}");
        }
        assert_eq!(defuse("Door slam".to_string()), "Door slam");
        assert_eq!(defuse(" =1".to_string()), " =1");
    }
}
