//! A GitHub-flavoured Markdown table. Scene text is escaped so that it reads back as the
//! same text: Markdown punctuation and `<`, `>`, `&` behind a backslash, `|` as `\|`, line
//! breaks as `<br>` (the one piece of HTML a table cell can hold).

use crate::cuesheet::sheet::Sheet;
use crate::escape::strip_control;

pub fn render(sheet: &Sheet) -> String {
    let mut out = format!(
        "# {} — {}\n\n",
        escape(&sheet.title),
        escape(&sheet.heading())
    );
    let mut summary = escape(&sheet.summary());
    if let Some(name) = &sheet.source_name {
        summary.push_str(&format!(" · generated from {}", escape(name)));
    }
    out.push_str(&summary);
    out.push_str("\n\n");
    if sheet.rows.is_empty() {
        out.push_str("No cues.\n");
        return out;
    }
    let columns = sheet.columns();
    let headers: Vec<String> = columns.iter().map(|c| escape(c.header())).collect();
    out.push_str(&format!("| {} |\n", headers.join(" | ")));
    let rule: Vec<&str> = columns.iter().map(|_| "---").collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &sheet.rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|&c| escape(&sheet.cell(row, c)))
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Text for a table cell or heading that Markdown shows as written.
pub fn escape(text: &str) -> String {
    let text = strip_control(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for c in line.replace('\t', " ").trim().chars() {
                if matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!'
                ) {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        })
        .collect();
    lines.join("<br>")
}
