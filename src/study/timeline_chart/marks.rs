//! The frame of the chart: title, room bands, beats, the time axis, and the glyphs for what
//! happens at a place and a moment (slams, breaks, struck walls).

use super::Density;
use super::layout::{BEAT_H, Chart, LABEL_W, MARGIN};
use crate::drawing::{Tree, n};
use crate::model::{Action, DoorAction, RoomId};
use crate::study::chart::fit;
use crate::study::{MUTED, clock_label, department_colour};

/// Glyph colour for slams and breaks: loud things.
const LOUD: &str = "#c62828";

pub fn heading(chart: &Chart, svg: &mut Tree) {
    let scene = chart.scene;
    let cast = scene.people.iter().filter(|p| !p.is_crew()).count();
    let crew = scene.people.len() - cast;
    svg.text(
        "text",
        &[
            ("x", n(MARGIN)),
            ("y", n(MARGIN + 20.0)),
            ("font-size", "22".into()),
            ("font-weight", "700".into()),
            ("fill", "#1c1c1c".into()),
        ],
        &fit(&scene.title, 22.0, super::layout::WIDTH - 2.0 * MARGIN),
    );
    let how = match chart.density {
        Density::Detailed => {
            "one band per room, one line per person; a line changes band when they pass a door"
        }
        Density::Crowded => "one band per room; cast in colour, crew in grey, the camera as a rail",
        Density::Aggregate => {
            "one band per room, shaded by how many people are in it; the camera as a rail"
        }
    };
    svg.text(
        "text",
        &[
            ("x", n(MARGIN)),
            ("y", n(MARGIN + 42.0)),
            ("font-size", "12".into()),
            ("fill", MUTED.into()),
        ],
        &format!(
            "Timeline: rooms over time · {} take · {cast} cast, {crew} crew · {how}",
            clock_label(scene.length.seconds())
        ),
    );
}

/// Band backgrounds and room names.
pub fn bands(chart: &Chart, svg: &mut Tree) {
    svg.open("g", &[]);
    for (i, band) in chart.bands.iter().enumerate() {
        let room = chart.scene.room(band.room);
        let fill = if room.offstage {
            "#e9ecef"
        } else if i % 2 == 0 {
            "#ffffff"
        } else {
            "#f7f7f5"
        };
        svg.leaf(
            "rect",
            &[
                ("x", n(MARGIN)),
                ("y", n(band.top)),
                ("width", n(chart.x1 - MARGIN)),
                ("height", n(band.height)),
                ("fill", fill.into()),
            ],
        );
        let entered = chart
            .whereabouts
            .stays
            .iter()
            .any(|stays| stays.iter().any(|s| s.room == Some(band.room)));
        let size = if band.height < 30.0 { 11.0 } else { 13.0 };
        let name_y = if room.offstage {
            band.middle() - 1.0
        } else {
            band.middle() + size / 2.0 - 1.0
        };
        svg.text(
            "text",
            &[
                ("x", n(MARGIN + 8.0)),
                ("y", n(name_y)),
                ("font-size", n(size)),
                ("font-weight", "700".into()),
                ("fill", if entered { "#333333" } else { "#9a9a9a" }.into()),
            ],
            &fit(&room.name, size, LABEL_W - 14.0),
        );
        if room.offstage {
            svg.text(
                "text",
                &[
                    ("x", n(MARGIN + 8.0)),
                    ("y", n(band.middle() + 11.0)),
                    ("font-size", "10".into()),
                    ("font-style", "italic".into()),
                    ("fill", MUTED.into()),
                ],
                "offstage",
            );
        }
        svg.leaf(
            "line",
            &[
                ("x1", n(MARGIN)),
                ("x2", n(chart.x1)),
                ("y1", n(band.bottom())),
                ("y2", n(band.bottom())),
                ("stroke", "#d6d6d6".into()),
                ("stroke-width", "1".into()),
            ],
        );
    }
    svg.leaf(
        "rect",
        &[
            ("x", n(chart.x0)),
            ("y", n(chart.bands_top)),
            ("width", n(chart.x1 - chart.x0)),
            ("height", n(chart.bands_bottom - chart.bands_top)),
            ("fill", "none".into()),
            ("stroke", "#9a9a9a".into()),
            ("stroke-width", "1".into()),
        ],
    );
    svg.close();
}

/// Beats: shaded spans over the bands with numbered titles above.
pub fn beats(chart: &Chart, svg: &mut Tree) {
    let scene = chart.scene;
    svg.open("g", &[]);
    for (i, beat) in scene.beats.iter().enumerate() {
        if beat.at > scene.length {
            continue;
        }
        let end = scene
            .beats
            .get(i + 1)
            .map_or(scene.length, |b| b.at.min(scene.length));
        let (xa, xb) = (chart.x(beat.at), chart.x(end));
        if i % 2 == 1 && chart.density != Density::Aggregate {
            svg.leaf(
                "rect",
                &[
                    ("x", n(xa)),
                    ("y", n(chart.beats_top)),
                    ("width", n(xb - xa)),
                    ("height", n(chart.bands_bottom - chart.beats_top)),
                    ("fill", "#e8dcc4".into()),
                    ("fill-opacity", "0.35".into()),
                ],
            );
        }
        svg.leaf(
            "line",
            &[
                ("x1", n(xa)),
                ("x2", n(xa)),
                ("y1", n(chart.beats_top)),
                ("y2", n(chart.bands_bottom)),
                ("stroke", "#a89878".into()),
                ("stroke-width", "1.2".into()),
            ],
        );
        let title = format!("{} {}", i + 1, beat.title);
        let mut tooltip = format!("{} beat {}: {}", beat.at.clock(), i + 1, beat.title);
        if let Some(notes) = &beat.notes {
            tooltip.push_str(" — ");
            tooltip.push_str(notes);
        }
        svg.open("g", &[]);
        svg.text("title", &[], &tooltip);
        svg.text(
            "text",
            &[
                ("x", n(xa + 5.0)),
                ("y", n(chart.beats_top + BEAT_H - 7.0)),
                ("font-size", "12".into()),
                ("font-weight", "700".into()),
                ("fill", "#6b5a3a".into()),
            ],
            &fit(&title, 12.0, xb - xa - 8.0),
        );
        svg.close();
    }
    svg.close();
}

/// Candidate tick steps, seconds: the first that gives at most 14 ticks is used.
const STEPS: [f64; 13] = [
    1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0,
];

/// The tick step for a take of `length` seconds.
pub fn tick_step(length: f64) -> f64 {
    STEPS
        .iter()
        .copied()
        .find(|&s| length / s <= 14.0)
        .unwrap_or(7200.0)
}

/// Grid lines through the bands and m:ss labels under them.
pub fn axis(chart: &Chart, svg: &mut Tree) {
    let length = chart.length();
    let step = tick_step(length);
    let count = (length / step).floor() as usize;
    let mut ticks: Vec<f64> = (0..=count).map(|k| k as f64 * step).collect();
    let end_gap = chart.x_seconds(length) - chart.x_seconds(ticks.last().copied().unwrap_or(0.0));
    if end_gap > 36.0 {
        ticks.push(length);
    }
    svg.open(
        "g",
        &[("font-size", "11".into()), ("fill", "#555555".into())],
    );
    let bottom = chart.bands_bottom;
    for (k, &t) in ticks.iter().enumerate() {
        let x = chart.x_seconds(t);
        if k > 0 && t < length {
            svg.leaf(
                "line",
                &[
                    ("x1", n(x)),
                    ("x2", n(x)),
                    ("y1", n(chart.bands_top)),
                    ("y2", n(bottom)),
                    ("stroke", "#000000".into()),
                    ("stroke-opacity", "0.07".into()),
                    ("stroke-width", "1".into()),
                ],
            );
        }
        svg.leaf(
            "line",
            &[
                ("x1", n(x)),
                ("x2", n(x)),
                ("y1", n(bottom)),
                ("y2", n(bottom + 5.0)),
                ("stroke", "#555555".into()),
                ("stroke-width", "1".into()),
            ],
        );
        svg.text(
            "text",
            &[
                ("x", n(x)),
                ("y", n(bottom + 18.0)),
                ("text-anchor", "middle".into()),
            ],
            &clock_label(t),
        );
    }
    svg.close();
}

/// Slams, breaks and struck walls, drawn on the line of whoever does them.
pub fn glyphs(chart: &Chart, svg: &mut Tree) {
    let scene = chart.scene;
    svg.open("g", &[]);
    for &id in &chart.sim.order {
        let event = &scene.events[id.index()];
        if event.at > scene.length {
            continue;
        }
        let x = chart.x(event.at);
        match &event.action {
            Action::Door {
                door,
                action: DoorAction::Slam,
                by,
            } => {
                let d = scene.door(*door);
                let Some(y) = chart.y_at(*by, event.at, Some(d.rooms[0])) else {
                    continue;
                };
                let title = said(chart, id);
                svg.leaf_titled(
                    "path",
                    &[
                        ("d", burst(x, y, 8.0, 3.4)),
                        ("fill", LOUD.into()),
                        ("stroke", "#ffffff".into()),
                        ("stroke-width", "1.2".into()),
                    ],
                    &title,
                );
            }
            Action::Break { who, .. } => {
                let Some(y) = chart.y_at(*who, event.at, None) else {
                    continue;
                };
                let title = said(chart, id);
                let d = cross(x, y, 5.0);
                svg.open("g", &[]);
                svg.text("title", &[], &title);
                svg.leaf(
                    "path",
                    &[
                        ("d", d.clone()),
                        ("stroke", "#ffffff".into()),
                        ("stroke-width", "5".into()),
                    ],
                );
                svg.leaf(
                    "path",
                    &[
                        ("d", d),
                        ("stroke", LOUD.into()),
                        ("stroke-width", "2.4".into()),
                    ],
                );
                svg.close();
            }
            Action::Cue {
                dept,
                strikes: Some(wall),
                ..
            } => {
                let wild = &scene.wild_walls[wall.index()];
                let room = wild
                    .rooms
                    .iter()
                    .copied()
                    .find(|&r| !scene.room(r).offstage)
                    .or(wild.rooms.first().copied());
                let Some(band) = room.and_then(|r: RoomId| chart.band(r)) else {
                    continue;
                };
                let colour = department_colour(*dept);
                let title = format!("{} {} struck", event.at.clock(), wild.name);
                svg.open("g", &[]);
                svg.text("title", &[], &title);
                svg.leaf(
                    "line",
                    &[
                        ("x1", n(x)),
                        ("x2", n(x)),
                        ("y1", n(band.top)),
                        ("y2", n(band.bottom())),
                        ("stroke", colour.into()),
                        ("stroke-width", "2".into()),
                        ("stroke-dasharray", "4 2".into()),
                    ],
                );
                svg.leaf(
                    "path",
                    &[
                        (
                            "d",
                            format!(
                                "M{} {} L{} {} L{} {} Z",
                                n(x - 5.5),
                                n(band.top + 1.0),
                                n(x + 5.5),
                                n(band.top + 1.0),
                                n(x),
                                n(band.top + 9.0)
                            ),
                        ),
                        ("fill", colour.into()),
                    ],
                );
                svg.close();
            }
            _ => {}
        }
    }
    svg.close();
}

/// An eight-pointed burst centred on (x, y): the mark of a slam.
/// "2:52.0 She throws her phone onto the bed": the event's time and [`crate::prose`]'s sentence.
fn said(chart: &Chart, id: crate::model::EventId) -> String {
    let at = chart.sim.scene.events[id.index()].at.clock();
    let sentence = crate::prose::Narrator::new(chart.sim.scene)
        .sentence(chart.sim, id)
        .unwrap_or_default();
    format!("{at} {sentence}")
}

fn burst(x: f64, y: f64, outer: f64, inner: f64) -> String {
    let mut d = String::new();
    for k in 0..16 {
        let r = if k % 2 == 0 { outer } else { inner };
        let a = std::f64::consts::PI * k as f64 / 8.0 - std::f64::consts::FRAC_PI_2;
        d.push_str(if k == 0 { "M" } else { " L" });
        d.push_str(&format!("{} {}", n(x + r * a.cos()), n(y + r * a.sin())));
    }
    d.push_str(" Z");
    d
}

fn cross(x: f64, y: f64, r: f64) -> String {
    format!(
        "M{} {} L{} {} M{} {} L{} {}",
        n(x - r),
        n(y - r),
        n(x + r),
        n(y + r),
        n(x - r),
        n(y + r),
        n(x + r),
        n(y - r)
    )
}

/// Used by the legend: a slam burst at (x, y).
pub fn slam_glyph(svg: &mut Tree, x: f64, y: f64) {
    svg.leaf(
        "path",
        &[("d", burst(x, y, 7.0, 3.0)), ("fill", LOUD.into())],
    );
}

/// Used by the legend: a break cross at (x, y).
pub fn break_glyph(svg: &mut Tree, x: f64, y: f64) {
    svg.leaf(
        "path",
        &[
            ("d", cross(x, y, 4.5)),
            ("stroke", LOUD.into()),
            ("stroke-width", "2.2".into()),
        ],
    );
}
