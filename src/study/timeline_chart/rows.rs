//! The rows under the bands: who holds each prop, and cue ticks per department.

use super::layout::{Chart, HEADING_H, LABEL_W, MARGIN, ROW_H};
use super::lines::style;
use crate::model::{Action, Department};
use crate::sim::PropWhere;
use crate::study::svg::{Svg, fit, n, text_width};
use crate::study::{MUTED, department_colour};
use crate::time::Time;

/// A section heading (PROPS, CUES, KEY) at the left margin.
pub fn heading(svg: &mut Svg, y: f64, text: &str) {
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

fn row_label(svg: &mut Svg, y: f64, text: &str, colour: &str) {
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

fn baseline(chart: &Chart, svg: &mut Svg, y: f64) {
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
pub fn props(chart: &Chart, svg: &mut Svg) {
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
    for (k, &prop) in chart.props.iter().enumerate() {
        let y = chart.props_top + HEADING_H + ROW_H * (k as f64 + 0.5);
        row_label(svg, y, &scene.prop(prop).name, "#444444");
        baseline(chart, svg, y);
        let mut spans = vec![(Time::ZERO, chart.sim.prop_state(prop, Time::ZERO))];
        for change in &chart.sim.props[prop.index()] {
            if change.at > scene.length {
                break;
            }
            match spans.last_mut() {
                Some(last) if last.0 == change.at => last.1 = change.state,
                _ => spans.push((change.at, change.state)),
            }
        }
        for (i, &(from, state)) in spans.iter().enumerate() {
            let to = spans.get(i + 1).map_or(scene.length, |s| s.0);
            let (xa, xb) = (chart.x(from), chart.x(to));
            let (place, colour) = match state.place {
                PropWhere::Held(p) => (
                    scene.person(p).name.clone(),
                    style(scene, chart.density, p).1,
                ),
                PropWhere::Mark(m) => {
                    let mark = scene.mark(m);
                    (
                        format!(
                            "on the floor at {} in {}",
                            crate::prose::nouns::mark(scene, m),
                            crate::prose::nouns::room(scene, mark.room)
                        ),
                        "#b0b0b0".to_string(),
                    )
                }
                PropWhere::Furniture(f) => (
                    format!("on {}", crate::prose::nouns::furniture(scene, f)),
                    "#b0b0b0".to_string(),
                ),
            };
            let held = matches!(state.place, PropWhere::Held(_));
            let mut tooltip = format!(
                "{}–{} {}: {}",
                from.clock(),
                to.clock(),
                scene.prop(prop).name,
                if held {
                    format!("held by {place}")
                } else {
                    place.clone()
                }
            );
            if state.broken {
                tooltip.push_str(" (broken)");
            }
            svg.open("g", &[]);
            svg.text("title", &[], &tooltip);
            if held {
                svg.leaf(
                    "rect",
                    &[
                        ("x", n(xa)),
                        ("y", n(y - 5.5)),
                        ("width", n((xb - xa).max(1.0))),
                        ("height", "11".into()),
                        ("rx", "2".into()),
                        ("fill", colour),
                        (
                            "fill-opacity",
                            if state.broken { "0.4" } else { "1" }.into(),
                        ),
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
                        if state.broken { "#c62828" } else { "#a0a0a0" }.into(),
                    ),
                    ("stroke-width", "2".into()),
                ];
                if state.broken {
                    attrs.push(("stroke-dasharray", "3 2".into()));
                }
                svg.leaf("line", &attrs);
            }
            let place = if state.broken {
                format!("{place} (broken)")
            } else {
                place
            };
            let label = fit(&place, 9.0, xb - xa - 6.0);
            if !label.is_empty() {
                svg.text(
                    "text",
                    &[
                        ("x", n(xa + 3.0)),
                        ("y", n(if held { y + 3.2 } else { y - 3.0 })),
                        (
                            "fill",
                            if held && !state.broken {
                                "#ffffff"
                            } else if held {
                                "#333333"
                            } else {
                                "#777777"
                            }
                            .into(),
                        ),
                        ("font-weight", if held { "700" } else { "400" }.into()),
                    ],
                    &label,
                );
            }
            svg.close();
        }
    }
    svg.close();
}

/// One row per department: a thin bar from standby to GO and a tick with the cue number.
pub fn cues(chart: &Chart, svg: &mut Svg) {
    let scene = chart.scene;
    heading(svg, chart.cues_top, "CUES");
    for (k, dept) in Department::ALL.iter().enumerate() {
        let y = chart.cues_top + HEADING_H + ROW_H * (k as f64 + 0.5);
        let colour = department_colour(*dept);
        row_label(svg, y, dept.abbreviation(), colour);
        baseline(chart, svg, y);
        svg.open("g", &[("font-size", "10".into()), ("fill", colour.into())]);
        let mut free_from = f64::NEG_INFINITY;
        for &id in &chart.sim.order {
            let event = &scene.events[id.index()];
            let Action::Cue {
                dept: d,
                number,
                what,
                standby,
                ..
            } = &event.action
            else {
                continue;
            };
            if d != dept || event.at > scene.length {
                continue;
            }
            let x = chart.x(event.at);
            let name = match number {
                Some(number) => format!("{} {}", dept.abbreviation(), number),
                None => dept.abbreviation().to_string(),
            };
            let mut tooltip = format!("{} {name} GO: {what}", event.at.clock());
            if let Some(standby) = standby {
                tooltip.push_str(&format!(" (standby {})", standby.clock()));
            }
            svg.open("g", &[]);
            svg.text("title", &[], &tooltip);
            if let Some(standby) = standby.filter(|s| *s < event.at) {
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
            if let Some(number) = number {
                let label = fit(number, 10.0, 40.0);
                if x + 3.0 > free_from && !label.is_empty() {
                    svg.text("text", &[("x", n(x + 3.0)), ("y", n(y - 1.0))], &label);
                    free_from = x + 3.0 + text_width(&label, 10.0) + 2.0;
                }
            }
            svg.close();
        }
        svg.close();
    }
}
