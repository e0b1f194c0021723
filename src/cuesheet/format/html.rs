//! A printable HTML page: a title block, department chips, rows banded by beat and striped,
//! and print CSS that repeats the header row on every page and never splits a row.
//!
//! The markup is also well-formed XML (void elements closed, everything escaped with
//! [`escape::xml`](crate::escape::xml)), so a strict XML parser reads it back. No scripts,
//! no external resources, no scene text outside element content.

use super::{Paper, beat_band, dept_colour};
use crate::cuesheet::Source;
use crate::cuesheet::sheet::{Call, Column, Sheet};
use crate::escape::xml;
use crate::model::Department;

const STYLE: &str = r#"
:root { --ink: #1d2330; --muted: #5b6472; --rule: #d5d9e0; --zebra: #f3f5f8; --head: #252b3a; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans Condensed", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 10pt; color: var(--ink); margin: 24px; line-height: 1.3; }
header.title { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 2px solid var(--head); padding-bottom: 8px; margin-bottom: 8px; gap: 24px; }
header.title h1 { font-size: 18pt; margin: 0; }
header.title p.kind { margin: 2px 0 0; color: var(--muted); font-size: 11pt; }
dl.facts { display: grid; grid-template-columns: auto auto; gap: 1px 12px; margin: 0; font-size: 9pt; }
dl.facts dt { color: var(--muted); text-align: right; }
dl.facts dd { margin: 0; font-weight: bold; }
p.legend { margin: 0 0 10px; font-size: 9pt; color: var(--muted); }
p.legend .chip { margin-right: 2px; }
.chip { display: inline-block; min-width: 3.2em; text-align: center; padding: 1px 5px;
  border-radius: 3px; color: #fff; font-weight: bold; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; }
thead th { background: var(--head); color: #fff; font-size: 9pt; white-space: nowrap; }
tbody td { border-bottom: 1px solid var(--rule); }
tbody tr.even td { background: var(--zebra); }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.beat th { background: #e6e9ef; color: var(--ink); font-size: 9.5pt; padding: 5px 6px;
  border-top: 1px solid #9aa3b2; break-after: avoid; page-break-after: avoid; }
td.time, td.standby, td.number { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.number { font-weight: bold; }
td.where, td.who { white-space: nowrap; }
tr.derived td.what { font-style: italic; }
td.source { color: var(--muted); font-size: 8.5pt; }
td.notes { color: #3a4150; font-size: 9pt; }
tr.call-go td.call { font-weight: bold; color: #b42318; }
tr.call-warning td, tr.call-standby td { color: var(--muted); }
p.empty { font-style: italic; color: var(--muted); }
footer { margin-top: 10px; font-size: 8pt; color: var(--muted); }
@media print {
  body { margin: 0; font-size: 9pt; }
  .chip, thead th, tbody tr.even td, tr.beat th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

pub fn render(sheet: &Sheet) -> String {
    render_on(sheet, Paper::A4)
}

/// The page, with `@page` sized for `paper` in landscape.
pub fn render_on(sheet: &Sheet, paper: Paper) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"oner\"/>\n",
    );
    out.push_str(&format!(
        "<title>{} · {}</title>\n",
        xml(&sheet.title),
        xml(&sheet.heading())
    ));
    out.push_str(&format!(
        "<style>\n@page {{ size: {} landscape; margin: 12mm; }}{STYLE}",
        paper.css()
    ));
    for dept in Department::ALL {
        let (r, g, b) = dept_colour(dept);
        out.push_str(&format!(
            ".chip.{} {{ background: #{r:02x}{g:02x}{b:02x}; }}\n",
            class(dept)
        ));
    }
    out.push_str("</style>\n</head>\n<body>\n");
    title_block(&mut out, sheet);
    if sheet.rows.is_empty() {
        out.push_str("<p class=\"empty\">No cues.</p>\n");
    } else {
        table(&mut out, sheet);
    }
    out.push_str("<footer>Made by oner. Derived cues (in italics) follow from the staging; given cues are written in the scene.</footer>\n");
    out.push_str("</body>\n</html>\n");
    out
}

fn class(dept: Department) -> String {
    dept.abbreviation().to_ascii_lowercase()
}

fn chip(dept: Department) -> String {
    format!(
        "<span class=\"chip {}\">{}</span>",
        class(dept),
        dept.abbreviation()
    )
}

fn title_block(out: &mut String, sheet: &Sheet) {
    out.push_str("<header class=\"title\">\n<div>\n");
    out.push_str(&format!("<h1>{}</h1>\n", xml(&sheet.title)));
    out.push_str(&format!(
        "<p class=\"kind\">{}</p>\n",
        xml(&sheet.heading())
    ));
    out.push_str("</div>\n<dl class=\"facts\">\n");
    let fps = crate::escape::number(sheet.frame_rate.value(), 3);
    let mut facts = vec![
        ("Take", sheet.time(sheet.length)),
        ("Frame rate", format!("{fps} fps")),
        ("Cues", sheet.cue_count.to_string()),
    ];
    if let Some(name) = &sheet.source_name {
        facts.push(("Generated from", name.clone()));
    }
    for (term, value) in facts {
        out.push_str(&format!("<dt>{term}</dt><dd>{}</dd>\n", xml(&value)));
    }
    out.push_str("</dl>\n</header>\n<p class=\"legend\">");
    let chips: Vec<String> = Department::ALL
        .iter()
        .map(|&d| format!("{} {}", chip(d), super::super::filter::full_name(d)))
        .collect();
    out.push_str(&chips.join(" &#160; "));
    out.push_str("</p>\n");
}

fn table(out: &mut String, sheet: &Sheet) {
    let columns = sheet.banded_columns();
    out.push_str("<table>\n<thead>\n<tr>");
    for column in &columns {
        out.push_str(&format!(
            "<th class=\"{}\">{}</th>",
            column_class(*column),
            xml(column.header())
        ));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    let mut stripe = 0;
    for (i, row) in sheet.rows.iter().enumerate() {
        if let Some(band) = beat_band(sheet, i) {
            out.push_str(&format!(
                "<tr class=\"beat\"><th colspan=\"{}\">{}</th></tr>\n",
                columns.len(),
                xml(&band)
            ));
            stripe = 0;
        }
        let mut classes = vec![if stripe % 2 == 1 { "even" } else { "odd" }];
        stripe += 1;
        classes.push(match row.source {
            Source::Given => "given",
            Source::Derived => "derived",
        });
        if let Some(call) = row.call {
            classes.push(match call {
                Call::Warning => "call-warning",
                Call::Standby => "call-standby",
                Call::Go => "call-go",
            });
        }
        out.push_str(&format!("<tr class=\"{}\">", classes.join(" ")));
        for &column in &columns {
            let content = match column {
                Column::Dept => chip(row.dept),
                _ => lines(&sheet.cell(row, column)),
            };
            out.push_str(&format!(
                "<td class=\"{}\">{content}</td>",
                column_class(column)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn column_class(column: Column) -> &'static str {
    match column {
        Column::Call => "call",
        Column::Dept => "dept",
        Column::Number => "number",
        Column::Time => "time",
        Column::Standby => "standby",
        Column::What => "what",
        Column::Where => "where",
        Column::Who => "who",
        Column::Beat => "beat",
        Column::Notes => "notes",
        Column::Source => "source",
    }
}

/// Escaped text with its line breaks kept as `<br/>`.
fn lines(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let parts: Vec<String> = text.split('\n').map(xml).collect();
    parts.join("<br/>")
}
