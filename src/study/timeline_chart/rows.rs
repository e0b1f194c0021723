//! The rows under the bands: who holds each prop, and cue ticks per department.

use super::layout::{Chart, HEADING_H, LABEL_W, MARGIN, ROW_H};
use super::lines::style;
use crate::cuesheet::Source;
use crate::drawing::{Tree, n};
use crate::model::Department;
use crate::sim::PropWhere;
use crate::study::chart::{fit, text_width};
use crate::study::{MUTED, department_colour};
use crate::time::Time;

/// A section heading (PROPS, CUES, KEY) at the left margin.
pub fn heading(svg: &mut Tree, y: f64, text: &str) {
    svg.text(
        "text",
        &[
            ("x", n(MARGIN)),
            ("y", n(y + 12.0)),
            ("font-size", "11".into()),
            ("font-weight", "700".into()),
            ("letter-spacing", "1".into()),
            ("fill", MUTED.into()),
        ],
        text,
    );
}

fn row_label(svg: &mut Tree, y: f64, text: &str, colour: &str) {
    svg.text(
        "text",
        &[
            ("x", n(MARGIN + 8.0)),
            ("y", n(y + 4.0)),
            ("font-size", "11".into()),
            ("font-weight", "600".into()),
            ("fill", colour.into()),
        ],
        &fit(text, 11.0, LABEL_W - 14.0),
    );
}

fn baseline(chart: &Chart, svg: &mut Tree, y: f64) {
    svg.leaf(
        "line",
        &[
            ("x1", n(chart.x0)),
            ("x2", n(chart.x1)),
            ("y1", n(y)),
            ("y2", n(y)),
            ("stroke", "#e2e2e2".into()),
            ("stroke-width", "1".into()),
        ],
    );
}

/// One row per prop that changes place: a bar in the holder's colour while someone holds it,
/// a thin grey line while it lies somewhere, red dashes once it is broken.
pub fn props(chart: &Chart, svg: &mut Tree) {
    if chart.props.is_empty() {
        return;
    }
    let scene = chart.scene;
    let title = if chart.props_left_off > 0 {
        format!(
            "WHO HOLDS THE PROPS (+{} more not shown)",
            chart.props_left_off
        )
    } else {
        "WHO HOLDS THE PROPS".to_string()
    };
    heading(svg, chart.props_top, &title);
    svg.open("g", &[("font-size", "9".into())]);
    let mut notes = chart.prop_notes.iter();
    for (k, &prop) in chart.props.iter().enumerate() {
        let y = chart.props_top + HEADING_H + ROW_H * (k as f64 + 0.5);
        row_label(svg, y, &scene.prop(prop).name, "#444444");
        baseline(chart, svg, y);
        for span in prop_spans(chart, prop) {
            let (xa, xb) = (chart.x(span.from), chart.x(span.to));
            let mut tooltip = format!(
                "{}–{} {}: {}",
                span.from.clock(),
                span.to.clock(),
                scene.prop(prop).name,
                if span.held {
                    format!("held by {}", span.place)
                } else {
                    span.place.clone()
                }
            );
            if span.broken {
                tooltip.push_str(" (broken)");
            }
            svg.open("g", &[]);
            svg.text("title", &[], &tooltip);
            if span.held {
                svg.leaf(
                    "rect",
                    &[
                        ("x", n(xa)),
                        ("y", n(y - 5.5)),
                        ("width", n((xb - xa).max(1.0))),
                        ("height", "11".into()),
                        ("rx", "2".into()),
                        ("fill", span.colour.clone()),
                        ("fill-opacity", if span.broken { "0.4" } else { "1" }.into()),
                    ],
                );
            } else {
                let mut attrs = vec![
                    ("x1", n(xa)),
                    ("x2", n(xb)),
                    ("y1", n(y)),
                    ("y2", n(y)),
                    (
                        "stroke",
                        if span.broken { "#c62828" } else { "#a0a0a0" }.into(),
                    ),
                    ("stroke-width", "2".into()),
                ];
                if span.broken {
                    attrs.push(("stroke-dasharray", "3 2".into()));
                }
                svg.leaf("line", &attrs);
            }
            // The words in full where they fit; else the number of the note under the rows
            // that gives them in full (nothing is cut).
            let label = match span.label_fits(chart) {
                true => span.label(),
                false => notes
                    .next()
                    .map(|note| note.number.to_string())
                    .unwrap_or_default(),
            };
            let fill = if span.held && !span.broken {
                "#ffffff"
            } else if span.held {
                "#333333"
            } else {
                "#777777"
            };
            if !label.is_empty() {
                svg.text(
                    "text",
                    &[
                        ("x", n(xa + 3.0)),
                        ("y", n(if span.held { y + 3.2 } else { y - 3.0 })),
                        ("fill", fill.into()),
                        ("font-weight", if span.held { "700" } else { "400" }.into()),
                    ],
                    &label,
                );
            }
            svg.close();
        }
    }
    let mut y = chart.props_notes_top;
    for note in &chart.prop_notes {
        for (i, line) in note.lines.iter().enumerate() {
            y += NOTE_H;
            // The first line starts with the note's number; the rest hang under its text.
            let (text, x, class) = if i == 0 {
                (format!("{} {line}", note.number), chart.x0, "prop-note")
            } else {
                (line.clone(), chart.x0 + 14.0, "prop-note-more")
            };
            svg.text(
                "text",
                &[
                    ("x", n(x)),
                    ("y", n(y - 3.0)),
                    ("fill", "#555555".into()),
                    ("class", class.into()),
                ],
                &text,
            );
        }
    }
    svg.close();
}

/// Height of one line of the props notes, pixels.
pub const NOTE_H: f64 = 12.0;

/// One stretch of a prop's row: held by someone, or lying somewhere.
pub struct PropSpan {
    pub from: Time,
    pub to: Time,
    /// The holder's name, or where it lies ("on the kitchen table").
    pub place: String,
    pub colour: String,
    pub held: bool,
    pub broken: bool,
}

impl PropSpan {
    /// The words drawn on the row.
    fn label(&self) -> String {
        if self.broken {
            format!("{} (broken)", self.place)
        } else {
            self.place.clone()
        }
    }

    /// Whether the words fit the stretch whole.
    fn label_fits(&self, chart: &Chart) -> bool {
        let room = chart.x(self.to) - chart.x(self.from) - 6.0;
        fit(&self.label(), 9.0, room) == crate::drawing::clean(&self.label())
    }
}

/// A prop's row as stretches, in time order.
pub fn prop_spans(chart: &Chart, prop: crate::model::PropId) -> Vec<PropSpan> {
    let scene = chart.scene;
    let mut changes = vec![(Time::ZERO, chart.sim.prop_state(prop, Time::ZERO))];
    for change in &chart.sim.props[prop.index()] {
        if change.at > scene.length {
            break;
        }
        match changes.last_mut() {
            Some(last) if last.0 == change.at => last.1 = change.state,
            _ => changes.push((change.at, change.state)),
        }
    }
    changes
        .iter()
        .enumerate()
        .map(|(i, &(from, state))| {
            let to = changes.get(i + 1).map_or(scene.length, |s| s.0);
            let (place, colour) = match state.place {
                PropWhere::Held(p) => (
                    scene.person(p).name.clone(),
                    style(scene, chart.density, p).1,
                ),
                PropWhere::Mark(m) => (
                    format!(
                        "on the floor at {} in {}",
                        crate::prose::nouns::mark(scene, m),
                        crate::prose::nouns::room(scene, scene.mark(m).room)
                    ),
                    "#b0b0b0".to_string(),
                ),
                PropWhere::Furniture(f) => (
                    format!("on {}", crate::prose::nouns::furniture(scene, f)),
                    "#b0b0b0".to_string(),
                ),
            };
            PropSpan {
                from,
                to,
                place,
                colour,
                held: matches!(state.place, PropWhere::Held(_)),
                broken: state.broken,
            }
        })
        .collect()
}

/// A place too long for its stretch, given in full under the rows.
pub struct PropNote {
    pub number: usize,
    /// The note's text, wrapped to the chart's width.
    pub lines: Vec<String>,
}

/// The notes for every stretch whose words do not fit, numbered in row and time order.
pub fn prop_notes(chart: &Chart) -> Vec<PropNote> {
    let width = chart.x1 - chart.x0;
    let mut notes = Vec::new();
    for &prop in &chart.props {
        for span in prop_spans(chart, prop) {
            if span.label_fits(chart) {
                continue;
            }
            let text = format!(
                "{}, {}–{}: {}",
                crate::drawing::clean(&chart.scene.prop(prop).name),
                span.from.clock(),
                span.to.clock(),
                if span.held {
                    format!("held by {}", span.label())
                } else {
                    span.label()
                }
            );
            notes.push(PropNote {
                number: notes.len() + 1,
                lines: wrap(&text, 9.0, width - 30.0),
            });
        }
    }
    notes
}

/// `text` on lines no wider than `width` pixels at `size`, words kept whole where they fit.
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in crate::drawing::clean(text).split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_width(&candidate, size) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One row per department: a thin bar from standby to GO and a tick with the cue number,
/// for every cue of the cue sheet (given and derived, the one list every output reads);
/// derived cues are drawn fainter. Each row is a `g` with `data-dept` and each cue a `g`
/// with class `cue`, so a test can count them.
pub fn cues(chart: &Chart, svg: &mut Tree) {
    let list = crate::cuesheet::cue_list_with(chart.scene, chart.sim, chart.whereabouts);
    heading(svg, chart.cues_top, &format!("CUES ({})", list.len()));
    for (k, dept) in Department::ALL.iter().enumerate() {
        let y = chart.cues_top + HEADING_H + ROW_H * (k as f64 + 0.5);
        let colour = department_colour(*dept);
        row_label(svg, y, dept.abbreviation(), colour);
        baseline(chart, svg, y);
        svg.open(
            "g",
            &[
                ("font-size", "10".into()),
                ("fill", colour.into()),
                ("data-dept", dept.abbreviation().into()),
            ],
        );
        let mut free_from = f64::NEG_INFINITY;
        for cue in list.iter().filter(|c| c.dept == *dept) {
            let x = chart.x(cue.at);
            let kind = match cue.source {
                Source::Given => "",
                Source::Derived => " (derived)",
            };
            let mut tooltip = format!("{} {} GO: {}{kind}", cue.at.clock(), cue.label(), cue.what);
            if let Some(standby) = cue.standby {
                tooltip.push_str(&format!(" (standby {})", standby.clock()));
            }
            let mut attributes = vec![("class", "cue".into())];
            if cue.source == Source::Derived {
                attributes.push(("fill-opacity", "0.55".into()));
            }
            svg.open("g", &attributes);
            svg.text("title", &[], &tooltip);
            if let Some(standby) = cue.standby.filter(|s| *s < cue.at) {
                let xs = chart.x(standby);
                svg.leaf(
                    "rect",
                    &[
                        ("x", n(xs)),
                        ("y", n(y - 1.5)),
                        ("width", n(x - xs)),
                        ("height", "3".into()),
                        ("fill-opacity", "0.3".into()),
                    ],
                );
            }
            svg.leaf(
                "rect",
                &[
                    ("x", n(x - 1.0)),
                    ("y", n(y - 7.0)),
                    ("width", "2".into()),
                    ("height", "14".into()),
                ],
            );
            let label = fit(&cue.number, 10.0, 40.0);
            if x + 3.0 > free_from && !label.is_empty() {
                svg.text("text", &[("x", n(x + 3.0)), ("y", n(y - 1.0))], &label);
                free_from = x + 3.0 + text_width(&label, 10.0) + 2.0;
            }
            svg.close();
        }
        svg.close();
    }
}
