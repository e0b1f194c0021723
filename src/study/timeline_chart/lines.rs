//! The people: one line per person through the bands, drawn fat while they speak, names at
//! the right-hand end, and (for crowds) each band shaded by how many people are in it.

use super::Density;
use super::layout::Chart;
use crate::drawing::{PathData, Tree, n};
use crate::geometry::Point;
use crate::model::{Action, PersonId, Scene};
use crate::study::chart::fit;
use crate::time::Time;

/// Half the width of the bend where a line changes band, pixels.
const BEND: f64 = 4.0;
/// Grey for crew lines in a crowd.
const CREW_GREY: &str = "#a3a8b0";
/// Height of a line while its person speaks, pixels.
pub const SPEAKING_H: f64 = 7.5;
/// Seconds a line without an `until` is shown as spoken.
const LINE_SECONDS: f64 = 2.0;

/// "Dante (cast)", "Steadicam operator (camera, steadicam)", "Boom operator": a person's
/// name with their role unless the name already says it.
pub fn name_and_role(person: &crate::model::Person) -> String {
    let role = person.role.describe().replace(" (", ", ").replace(')', "");
    if person.name.to_lowercase() == role.to_lowercase() {
        person.name.clone()
    } else {
        format!("{} ({role})", person.name)
    }
}

/// Stroke width and colour of `who`'s line.
pub fn style(scene: &Scene, density: Density, who: PersonId) -> (f64, String) {
    let person = scene.person(who);
    let colour = crate::study::colour(&person.colour);
    match (density, person.camera().is_some(), person.is_crew()) {
        (Density::Detailed, true, _) => (5.0, colour),
        (Density::Detailed, false, true) => (1.6, colour),
        (Density::Detailed, false, false) => (3.2, colour),
        (_, true, _) => (4.0, colour),
        (_, false, true) => (1.0, CREW_GREY.into()),
        (_, false, false) => (1.6, colour),
    }
}

/// The path of `who`'s line: level runs in each room's slot joined by S-bends at the moment
/// they pass the door.
fn path(chart: &Chart, who: PersonId) -> String {
    let stays = &chart.whereabouts.stays[who.index()];
    let spans: Vec<Option<(f64, f64, f64)>> = stays
        .iter()
        .map(|s| {
            let y = s.room.and_then(|r| chart.y(who, r))?;
            Some((chart.x(s.from), chart.x(s.to), y))
        })
        .collect();
    // The half-width of the bend at the end of span i.
    let bend = |i: usize| -> f64 {
        match (
            spans.get(i).copied().flatten(),
            spans.get(i + 1).copied().flatten(),
        ) {
            (Some(a), Some(b)) => BEND.min((a.1 - a.0) / 2.0).min((b.1 - b.0) / 2.0),
            _ => 0.0,
        }
    };
    let mut d = PathData::new();
    let mut pen: Option<Point> = None;
    for (i, span) in spans.iter().enumerate() {
        let Some((from, to, y)) = *span else {
            pen = None;
            continue;
        };
        let start = Point::new(from + if i > 0 { bend(i - 1) } else { 0.0 }, y);
        let end = Point::new((to - bend(i)).max(start.x), y);
        d = match pen {
            Some(p) => d.bend_to(p, start),
            None => d.move_to(start),
        }
        .line_to(end);
        pen = Some(end);
    }
    d.into_string()
}

/// Every person's line, crew underneath, cameras on top, each with a white halo so crossings
/// stay readable.
pub fn people(chart: &Chart, svg: &mut Tree) {
    svg.open(
        "g",
        &[("fill", "none".into()), ("stroke-linejoin", "round".into())],
    );
    for &who in &chart.drawn {
        let d = path(chart, who);
        if d.is_empty() {
            continue;
        }
        let person = chart.scene.person(who);
        let (width, colour) = style(chart.scene, chart.density, who);
        let halo = if chart.density == Density::Detailed {
            3.0
        } else {
            1.5
        };
        svg.open("g", &[]);
        svg.text("title", &[], &name_and_role(person));
        svg.leaf(
            "path",
            &[
                ("d", d.clone()),
                ("stroke", "#ffffff".into()),
                ("stroke-width", n(width + halo)),
                ("stroke-linecap", "round".into()),
            ],
        );
        let mut attrs = vec![
            ("d", d.clone()),
            ("stroke", colour),
            ("stroke-width", n(width)),
            ("stroke-linecap", "round".into()),
        ];
        if person.is_crew() && person.camera().is_none() && chart.density == Density::Detailed {
            attrs.push(("stroke-dasharray", "5 3".into()));
        }
        if person.camera().is_none() && chart.density == Density::Crowded {
            // Let the camera's rail show through a crowd.
            attrs.push(("stroke-opacity", "0.8".into()));
        }
        svg.leaf("path", &attrs);
        if person.camera().is_some() {
            // A white core makes the camera a rail, unlike any performer's line.
            svg.leaf(
                "path",
                &[
                    ("d", d),
                    ("stroke", "#ffffff".into()),
                    ("stroke-width", n(width / 3.0)),
                    ("stroke-linecap", "round".into()),
                ],
            );
        }
        svg.close();
    }
    svg.close();
}

/// A performer's line drawn fat while they speak (detailed charts only), on top of the lines.
pub fn speaking(chart: &Chart, svg: &mut Tree) {
    if chart.density != Density::Detailed {
        return;
    }
    svg.open("g", &[]);
    for &id in &chart.sim.order {
        let event = &chart.scene.events[id.index()];
        let Action::Line {
            who, until, says, ..
        } = &event.action
        else {
            continue;
        };
        let end = until.map_or(event.at.seconds() + LINE_SECONDS, |u| u.seconds());
        let (_, colour) = style(chart.scene, chart.density, *who);
        for stay in &chart.whereabouts.stays[who.index()] {
            let from = stay.from.seconds().max(event.at.seconds());
            let to = stay.to.seconds().min(end);
            let Some(y) = stay.room.and_then(|r| chart.y(*who, r)) else {
                continue;
            };
            if to <= from {
                continue;
            }
            let (xa, xb) = (chart.x_seconds(from), chart.x_seconds(to));
            svg.leaf_titled(
                "rect",
                &[
                    ("x", n(xa)),
                    ("y", n(y - SPEAKING_H / 2.0)),
                    ("width", n((xb - xa).max(1.0))),
                    ("height", n(SPEAKING_H)),
                    ("rx", n(SPEAKING_H / 2.0)),
                    ("fill", colour.clone()),
                    ("stroke", "#ffffff".into()),
                    ("stroke-width", "1".into()),
                ],
                &format!(
                    "{} {}: {}",
                    Time::from_seconds(from).unwrap_or(Time::ZERO).clock(),
                    chart.scene.person(*who).name,
                    says
                ),
            );
        }
    }
    svg.close();
}

/// Names at the right-hand end of the lines, nudged apart so none overlap.
pub fn names(chart: &Chart, svg: &mut Tree) {
    let labelled: Vec<PersonId> = chart
        .drawn
        .iter()
        .copied()
        .filter(|&p| {
            let person = chart.scene.person(p);
            chart.density == Density::Detailed || !person.is_crew() || person.camera().is_some()
        })
        .collect();
    if labelled.len() > 30 {
        return;
    }
    let end = chart.scene.length;
    let mut wanted: Vec<(f64, PersonId)> = labelled
        .iter()
        .filter_map(|&p| Some((chart.y_at(p, end, None)?, p)))
        .collect();
    wanted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let spacing = 12.0;
    let mut placed: Vec<f64> = Vec::with_capacity(wanted.len());
    for (y, _) in &wanted {
        let y = placed.last().map_or(*y, |&last| y.max(last + spacing));
        placed.push(y);
    }
    // Slide the whole column up if it runs past the bands.
    if let Some(&last) = placed.last() {
        let over = last - (chart.bands_bottom - 4.0);
        if over > 0.0 {
            for y in &mut placed {
                *y -= over;
            }
        }
    }
    svg.open("g", &[("font-size", "11".into())]);
    for ((line_y, who), label_y) in wanted.iter().zip(&placed) {
        let (_, colour) = style(chart.scene, chart.density, *who);
        let x = chart.x1 + 4.0;
        svg.leaf(
            "path",
            &[
                (
                    "d",
                    format!("M{} {} L{} {}", n(x), n(*line_y), n(x + 8.0), n(*label_y)),
                ),
                ("stroke", colour.clone()),
                ("stroke-width", "1".into()),
                ("fill", "none".into()),
            ],
        );
        svg.text(
            "text",
            &[
                ("x", n(x + 11.0)),
                ("y", n(label_y + 4.0)),
                ("fill", colour),
                ("font-weight", "600".into()),
            ],
            &fit(
                &chart.scene.person(*who).name,
                11.0,
                super::layout::NAMES_W - 18.0,
            ),
        );
    }
    svg.close();
}

/// Time bins across the chart for occupancy shading: enough for a smooth band, few enough
/// that a long take with hundreds of people stays a small file.
const BINS: usize = 300;
/// Shades of occupancy (0 is empty).
const LEVELS: f64 = 10.0;

/// For crowds: each band shaded by how many people (cameras aside) are in the room, averaged
/// over short bins, with the head count written where a shade holds long enough to read.
pub fn occupancy(chart: &Chart, svg: &mut Tree) {
    if chart.density != Density::Aggregate {
        return;
    }
    let scene = chart.scene;
    let length = chart.length();
    let bin = length / BINS as f64;
    // Person-seconds in each room and bin.
    let mut load = vec![vec![0.0f64; BINS]; scene.rooms.len()];
    for (p, stays) in chart.whereabouts.stays.iter().enumerate() {
        if scene.people[p].camera().is_some() {
            continue;
        }
        for stay in stays {
            let Some(room) = stay.room else { continue };
            let (from, to) = (stay.from.seconds(), stay.to.seconds().min(length));
            let first = ((from / bin).floor() as usize).min(BINS - 1);
            let last = ((to / bin).ceil() as usize).min(BINS);
            for (k, slot) in load[room.index()]
                .iter_mut()
                .enumerate()
                .take(last)
                .skip(first)
            {
                let (a, b) = (k as f64 * bin, (k + 1) as f64 * bin);
                *slot += (to.min(b) - from.max(a)).max(0.0);
            }
        }
    }
    let peak = load
        .iter()
        .flatten()
        .fold(0.0f64, |m, &v| m.max(v / bin))
        .max(1.0);
    svg.open("g", &[("fill", "#2b6cb0".into())]);
    for (room, bins) in load.iter().enumerate() {
        let room = crate::model::RoomId::from_index(room);
        let Some(band) = chart.band(room) else {
            continue;
        };
        let level = |k: usize| (bins[k] / bin / peak * LEVELS).round();
        let mut k = 0;
        while k < BINS {
            let start = k;
            let shade = level(k);
            let mut most = 0.0f64;
            while k < BINS && level(k) == shade {
                most = most.max(bins[k] / bin);
                k += 1;
            }
            if shade <= 0.0 {
                continue;
            }
            let (from, to) = (start as f64 * bin, k as f64 * bin);
            let (xa, xb) = (chart.x_seconds(from), chart.x_seconds(to));
            let opacity = 0.08 + 0.72 * shade / LEVELS;
            let people = most.round() as usize;
            svg.leaf_titled(
                "rect",
                &[
                    ("x", n(xa)),
                    ("y", n(band.top + 1.0)),
                    ("width", n(xb - xa)),
                    ("height", n(band.height - 2.0)),
                    ("fill-opacity", crate::escape::number(opacity, 3)),
                ],
                &format!(
                    "{}–{} {}: up to {} people",
                    crate::study::clock_label(from),
                    crate::study::clock_label(to),
                    scene.room(room).name,
                    people
                ),
            );
            if xb - xa > 22.0 {
                svg.text(
                    "text",
                    &[
                        ("x", n((xa + xb) / 2.0)),
                        ("y", n(band.top + 12.0)),
                        ("font-size", "9".into()),
                        ("text-anchor", "middle".into()),
                        (
                            "fill",
                            if opacity > 0.45 { "#ffffff" } else { "#1a365d" }.into(),
                        ),
                    ],
                    &people.to_string(),
                );
            }
        }
    }
    svg.close();
}
