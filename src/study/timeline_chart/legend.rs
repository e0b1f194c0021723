//! The legend: a sample of every line and glyph the chart uses, flowed into rows.

use super::Density;
use super::layout::{Chart, HEADING_H, LEGEND_ROW, MARGIN, WIDTH};
use super::lines::{SPEAKING_H, style};
use super::marks::{break_glyph, slam_glyph};
use super::rows::heading;
use crate::drawing::{Tree, n};
use crate::model::{Action, Department, DoorAction, PersonId, Scene};
use crate::study::chart::{fit, text_width};
use crate::study::department_colour;

/// What the legend shows, in order.
#[derive(Debug, Clone)]
enum Sample {
    Person(PersonId),
    /// The crew other than cameras, drawn grey in a crowded chart.
    Crew,
    /// More cast than the legend lists.
    MoreCast,
    Shading,
    Speaking,
    Slam,
    Break,
    Struck,
    Beat,
    Held,
    Standby,
}

/// Legend entries, with the text beside each sample.
fn items(scene: &Scene, density: Density) -> Vec<(Sample, String)> {
    let mut out = Vec::new();
    let people = (0..scene.people.len()).map(PersonId::from_index);
    let describe = |p: PersonId| {
        let person = scene.person(p);
        super::lines::name_and_role(person)
    };
    match density {
        Density::Detailed => {
            out.extend(people.map(|p| (Sample::Person(p), describe(p))));
        }
        Density::Crowded | Density::Aggregate => {
            let cast: Vec<PersonId> = people
                .clone()
                .filter(|&p| !scene.person(p).is_crew())
                .collect();
            if density == Density::Crowded {
                let shown = cast.len().min(16);
                out.extend(
                    cast[..shown]
                        .iter()
                        .map(|&p| (Sample::Person(p), describe(p))),
                );
                if cast.len() > shown {
                    out.push((
                        Sample::MoreCast,
                        format!("{} more cast", cast.len() - shown),
                    ));
                }
                let crew = people
                    .clone()
                    .filter(|&p| scene.person(p).is_crew() && scene.person(p).camera().is_none())
                    .count();
                if crew > 0 {
                    out.push((Sample::Crew, format!("crew ({crew})")));
                }
            } else {
                out.push((Sample::Shading, "people in the room (darker: more)".into()));
            }
            out.extend(
                people
                    .filter(|&p| scene.person(p).camera().is_some())
                    .map(|p| (Sample::Person(p), describe(p))),
            );
        }
    }
    let has = |f: &dyn Fn(&Action) -> bool| scene.events.iter().any(|e| f(&e.action));
    if density == Density::Detailed && has(&|a| matches!(a, Action::Line { .. })) {
        out.push((Sample::Speaking, "speaking".into()));
    }
    if has(&|a| {
        matches!(
            a,
            Action::Door {
                action: DoorAction::Slam,
                ..
            }
        )
    }) {
        out.push((Sample::Slam, "door slam".into()));
    }
    if has(&|a| matches!(a, Action::Break { .. })) {
        out.push((Sample::Break, "something breaks".into()));
    }
    if has(&|a| {
        matches!(
            a,
            Action::Cue {
                strikes: Some(_),
                ..
            }
        )
    }) {
        out.push((Sample::Struck, "wild wall struck".into()));
    }
    if !scene.beats.is_empty() {
        out.push((Sample::Beat, "beat".into()));
    }
    if !scene.props.is_empty() {
        out.push((Sample::Held, "prop held (holder's colour)".into()));
    }
    out.push((Sample::Standby, "cue: standby → GO".into()));
    out
}

const SAMPLE_W: f64 = 30.0;
const ITEM_GAP: f64 = 22.0;
const LEGEND_FONT: f64 = 11.0;

/// Where each legend item goes: (x, row).
fn flow(items: &[(Sample, String)]) -> Vec<(f64, usize)> {
    let mut out = Vec::with_capacity(items.len());
    let (mut x, mut row) = (MARGIN, 0);
    for (_, text) in items {
        let width = SAMPLE_W + 6.0 + text_width(text, LEGEND_FONT).min(260.0);
        if x + width > WIDTH - MARGIN && x > MARGIN {
            x = MARGIN;
            row += 1;
        }
        out.push((x, row));
        x += width + ITEM_GAP;
    }
    out
}

/// How many rows the legend takes.
pub fn legend_rows(scene: &Scene, density: Density) -> usize {
    flow(&items(scene, density))
        .last()
        .map_or(0, |&(_, row)| row + 1)
}

pub fn legend(chart: &Chart, svg: &mut Tree) {
    let scene = chart.scene;
    let items = items(scene, chart.density);
    let places = flow(&items);
    heading(svg, chart.legend_top, "KEY");
    svg.open(
        "g",
        &[("font-size", n(LEGEND_FONT)), ("fill", "#333333".into())],
    );
    for ((sample, text), (x, row)) in items.iter().zip(&places) {
        let y = chart.legend_top + HEADING_H + LEGEND_ROW * (*row as f64 + 0.5);
        let mid = x + SAMPLE_W / 2.0;
        let line = |svg: &mut Tree, colour: &str, width: f64, dash: Option<&str>| {
            let mut attrs = vec![
                ("x1", n(*x)),
                ("x2", n(x + SAMPLE_W)),
                ("y1", n(y)),
                ("y2", n(y)),
                ("stroke", colour.to_string()),
                ("stroke-width", n(width)),
                ("stroke-linecap", "round".into()),
            ];
            if let Some(dash) = dash {
                attrs.push(("stroke-dasharray", dash.into()));
            }
            svg.leaf("line", &attrs);
        };
        let swatch = |svg: &mut Tree, colour: &str, opacity: &str| {
            svg.leaf(
                "rect",
                &[
                    ("x", n(*x)),
                    ("y", n(y - 6.0)),
                    ("width", n(SAMPLE_W)),
                    ("height", "12".into()),
                    ("rx", "2".into()),
                    ("fill", colour.into()),
                    ("fill-opacity", opacity.into()),
                ],
            );
        };
        match sample {
            Sample::Person(p) => {
                let person = scene.person(*p);
                let (width, colour) = style(scene, chart.density, *p);
                let crew_dash = person.is_crew()
                    && person.camera().is_none()
                    && chart.density == Density::Detailed;
                line(svg, &colour, width, crew_dash.then_some("5 3"));
                if person.camera().is_some() {
                    line(svg, "#ffffff", width / 3.0, None);
                }
            }
            Sample::Crew => line(svg, "#a3a8b0", 1.2, None),
            Sample::MoreCast => line(svg, "#888888", 1.6, Some("1 3")),
            Sample::Shading => swatch(svg, "#2b6cb0", "0.5"),
            Sample::Speaking => {
                line(svg, "#555555", 3.0, None);
                svg.leaf(
                    "rect",
                    &[
                        ("x", n(x + 7.0)),
                        ("y", n(y - SPEAKING_H / 2.0)),
                        ("width", n(SAMPLE_W - 14.0)),
                        ("height", n(SPEAKING_H)),
                        ("rx", n(SPEAKING_H / 2.0)),
                        ("fill", "#555555".into()),
                    ],
                );
            }
            Sample::Slam => slam_glyph(svg, mid, y),
            Sample::Break => break_glyph(svg, mid, y),
            Sample::Struck => svg.leaf(
                "path",
                &[
                    (
                        "d",
                        format!(
                            "M{} {} L{} {} L{} {} Z",
                            n(mid - 5.5),
                            n(y - 4.0),
                            n(mid + 5.5),
                            n(y - 4.0),
                            n(mid),
                            n(y + 4.0)
                        ),
                    ),
                    (
                        "fill",
                        department_colour(Department::StageManagement).into(),
                    ),
                ],
            ),
            Sample::Beat => swatch(svg, "#e8dcc4", "0.8"),
            Sample::Held => swatch(svg, "#7b3fa0", "1"),
            Sample::Standby => {
                svg.leaf(
                    "rect",
                    &[
                        ("x", n(*x)),
                        ("y", n(y - 1.5)),
                        ("width", n(SAMPLE_W - 2.0)),
                        ("height", "3".into()),
                        ("fill", "#555555".into()),
                        ("fill-opacity", "0.3".into()),
                    ],
                );
                svg.leaf(
                    "rect",
                    &[
                        ("x", n(x + SAMPLE_W - 2.0)),
                        ("y", n(y - 7.0)),
                        ("width", "2".into()),
                        ("height", "14".into()),
                        ("fill", "#555555".into()),
                    ],
                );
            }
        }
        svg.text(
            "text",
            &[("x", n(x + SAMPLE_W + 6.0)), ("y", n(y + 4.0))],
            &fit(text, LEGEND_FONT, 260.0),
        );
    }
    svg.close();
}
