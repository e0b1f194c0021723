//! The calling script as a printable HTML page laid out like the PDF prompt book: the time
//! in a gutter, blocks of calls on tinted panels with department tints behind the cue
//! labels (dark type on a light tint, so grey prints read), running text between, cues for
//! information in small grey type; a block never breaks across printed pages. Every piece
//! of scene text goes through [`crate::escape::xml`].

use super::{Kind, row_time, rows};
use crate::cuesheet::format::{Paper, dept_colour};
use crate::cuesheet::script::{Entry, Script};
use crate::escape::xml;
use crate::model::Department;

const STYLE: &str = "
body { font: 15px/1.35 system-ui, sans-serif; color: #151922; max-width: 52em; margin: 1.5em auto; padding: 0 1em; }
h1 { margin: 0; font-size: 1.6em; }
.kind { margin: 0; color: #5b6472; }
.stamp { font-weight: 600; margin: .3em 0 .8em; border-bottom: 2px solid #151922; padding-bottom: .4em; }
.row { display: grid; grid-template-columns: 5.5em 1fr; gap: 0 .6em; }
.time { color: #7a828f; font-size: .8em; padding-top: .15em; font-variant-numeric: tabular-nums; }
.block { background: #f2f3f6; border-left: 4px solid #8a93a3; padding: .35em .6em; margin: .35em 0; break-inside: avoid; }
.block.go { border-left-color: #b42318; }
.block .time { color: #151922; font-weight: 700; font-size: 1.05em; }
.call { margin: 0; }
.call.go { font-weight: 700; font-size: 1.2em; }
.call.standby { font-weight: 700; font-size: 1.1em; }
.call.warning { font-size: 1em; }
.for { color: #5b6472; font-size: .8em; font-weight: 400; margin-left: .6em; }
.trigger { margin: .1em 0; }
.what { margin: 0 0 0 1em; color: #5b6472; font-size: .85em; }
.chip { border-left: 3px solid; padding: 0 .25em; border-radius: 2px; }
.running { margin: .1em 0; font-size: .92em; }
.running.action { color: #5b6472; }
.running.info { color: #7a828f; font-size: .8em; padding-left: 1.2em; }
.who { font-weight: 700; }
h2 { background: #e1e5ec; border-top: 1px solid #5b6472; font-size: 1em; padding: .25em .4em; margin: .8em 0 .3em; break-after: avoid; }
h3 { font-size: .95em; margin: .6em 0 .2em; }
footer { margin-top: 2em; color: #5b6472; font-size: .8em; }
";

pub fn render(script: &Script, paper: Paper) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"oner\"/>\n");
    out.push_str(&format!(
        "<title>{} · {}</title>\n<style>\n@page {{ size: {} portrait; margin: 14mm; }}{STYLE}",
        xml(&script.title),
        xml(&script.heading()),
        paper.css()
    ));
    for dept in Department::ALL {
        let (r, g, b) = dept_colour(dept);
        let mix = |c: u8| (f32::from(c) * 0.22 + 255.0 * 0.78).round() as u8;
        out.push_str(&format!(
            ".chip.{} {{ border-color: #{r:02x}{g:02x}{b:02x}; background: #{:02x}{:02x}{:02x}; }}\n",
            dept.abbreviation().to_ascii_lowercase(),
            mix(r),
            mix(g),
            mix(b)
        ));
    }
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&format!(
        "<header><h1>{}</h1>\n<p class=\"kind\">{}</p>\n<p class=\"stamp\">{} · {}</p></header>\n",
        xml(&script.title),
        xml(&script.heading()),
        xml(&script.stamp.text()),
        xml(&script.summary())
    ));
    if script.called == 0 {
        out.push_str("<p>No called cues.</p>\n");
    }
    let flat = rows(script);
    let mut rows_of = flat.iter();
    for entry in &script.entries {
        match entry {
            Entry::Beat { .. } | Entry::Running { .. } => {
                let Some(row) = rows_of.next() else { break };
                let time = xml(&row_time(script, row));
                match row.kind {
                    Kind::Beat => out.push_str(&format!("<h2>{} · {time}</h2>\n", xml(&row.call))),
                    Kind::Line => out.push_str(&format!(
                        "<div class=\"row\"><span class=\"time\">{time}</span><p class=\"running line\"><span class=\"who\">{}:</span> {}</p></div>\n",
                        xml(&row.call),
                        xml(&row.text)
                    )),
                    Kind::Action => {
                        let cues = if row.cues.is_empty() {
                            String::new()
                        } else {
                            format!(" [{}]", xml(&row.cues))
                        };
                        out.push_str(&format!(
                            "<div class=\"row\"><span class=\"time\">{time}</span><p class=\"running action\">{}{cues}</p></div>\n",
                            xml(&row.text)
                        ));
                    }
                    _ => out.push_str(&format!(
                        "<div class=\"row\"><span class=\"time\">{time}</span><p class=\"running info\">{} · {}</p></div>\n",
                        xml(&row.call),
                        xml(&row.what)
                    )),
                }
            }
            Entry::Block(block) => {
                if block.at.is_none() {
                    rows_of.next();
                    out.push_str("<h3>Before the take</h3>\n");
                }
                let go = block.go().is_some();
                let time = block.at.map_or("before".to_string(), |t| script.time(t));
                out.push_str(&format!(
                    "<div class=\"row block{}\"><span class=\"time\">{}</span><div>\n",
                    if go { " go" } else { "" },
                    xml(&time)
                ));
                for line in &block.lines {
                    let Some(row) = rows_of.next() else { break };
                    let chips: Vec<String> = line
                        .cues
                        .iter()
                        .map(|c| {
                            format!(
                                "<span class=\"chip {}\">{}</span>",
                                c.dept.abbreviation().to_ascii_lowercase(),
                                xml(&c.label())
                            )
                        })
                        .collect();
                    let chips = chips.join(", ");
                    match row.kind {
                        Kind::Go => {
                            out.push_str(&format!("<p class=\"call go\">{chips} GO</p>\n"));
                            out.push_str(&format!(
                                "<p class=\"trigger\">{} · at {}</p>\n",
                                xml(&row.text),
                                xml(&time)
                            ));
                            for cue in &line.cues {
                                out.push_str(&format!(
                                    "<p class=\"what\">{}: {}</p>\n",
                                    xml(&cue.label()),
                                    xml(&cue.what)
                                ));
                            }
                        }
                        kind => out.push_str(&format!(
                            "<p class=\"call {}\">{} {chips}<span class=\"for\">for GO at {}</span></p>\n",
                            kind.name(),
                            line.call.name(),
                            xml(&row.go)
                        )),
                    }
                }
                out.push_str("</div></div>\n");
            }
        }
    }
    out.push_str("<footer>Made by oner. Called: warning, standby and GO on its trigger. Small grey type: cues listed for information, not called.</footer>\n</body>\n</html>\n");
    out
}
