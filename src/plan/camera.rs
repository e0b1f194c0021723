//! What the camera sees, drawn: a short wedge at each camera stop (overview), the floor seen
//! at any moment of a span shaded as one path (beat plans: the unshaded floor is where crew
//! can hide), and the full view at one moment (`--at`).

use super::floor::{clip_to, short};
use super::labels::{Pending, Placer};
use super::page::Rect;
use super::page::{Frame, PathData};
use super::style::{self, n};
use super::visibility;
use crate::geometry::{Point, Polygon};
use crate::model::{PersonId, Scene};
use crate::shots::Setup;
use crate::sim::Simulation;
use crate::time::Time;
use svg::node::element::{Group, Path};

/// Seconds between samples of the camera's view when sweeping a span.
pub const SWEEP_STEP: f64 = 0.25;
/// Most samples per span, so a very long beat stays quick and its file small.
const MAX_SAMPLES: f64 = 2000.0;

/// Length of the wedges at camera stops in the overview, metres: long enough to show the
/// direction and angle, short enough not to bury the routes.
fn wedge_range(frame: &Frame) -> f64 {
    (frame.diagonal() * 0.16).clamp(1.2, 2.6)
}

/// Page path data for floor polygons (metres), each cut to the plan's floor.
fn polygons_data(frame: &Frame, polygons: &[Vec<Point>]) -> PathData {
    let mut data = PathData::new();
    for polygon in polygons {
        let clipped = clip_to(polygon, frame.min, frame.max);
        if clipped.len() < 3 {
            continue;
        }
        let page: Vec<Point> = clipped.iter().map(|&p| frame.at(p)).collect();
        data = data.polyline(&page, true);
    }
    data
}

/// Each camera setup's view as a short wedge cut by walls, outlined so overlapping wedges
/// stay apart; `filled` shades them (the overview), else only their outline is drawn (the
/// beat plans, over the shading of all the camera sees).
pub fn setup_wedges(sim: &Simulation, frame: &Frame, setups: &[Setup], filled: bool) -> Group {
    let range = wedge_range(frame);
    let mut group = Group::new().set("class", "camera-view setups");
    for setup in setups {
        let blockers = visibility::blockers(sim, setup.time_in);
        let polygon = visibility::polygon(&sim.view(setup.camera, setup.time_in), range, &blockers);
        let data = polygons_data(frame, &[polygon]);
        if data.is_empty() {
            continue;
        }
        group = group.add(
            Path::new()
                .set("d", data.into_string())
                .set("fill", if filled { style::SEEN } else { "none" })
                .set("fill-opacity", "0.18")
                .set("stroke", style::SEEN)
                .set("stroke-opacity", "0.9")
                .set("stroke-width", n(frame.ink(0.3)))
                .set("stroke-dasharray", if filled { "none" } else { "1.2 0.8" })
                .set("stroke-linejoin", "round"),
        );
    }
    group
}

/// Each setup's number badge with its time in and out at the camera's place, its number again
/// inside its wedge, and its lens and who it frames beside the badge: placed like every label,
/// so none covers another.
pub fn setup_labels(
    scene: &Scene,
    sim: &Simulation,
    frame: &Frame,
    setups: &[Setup],
    placer: &mut Placer,
) -> Group {
    let size = frame.ink(style::SMALL_SIZE);
    let range = wedge_range(frame);
    let mut group = Group::new().set("class", "setups");
    for setup in setups {
        let person = scene.person(setup.camera);
        let colour = super::routes::Walker::of(person).colour(person);
        let times = format!("{}–{}", short(setup.time_in), short(setup.time_out));
        let what = format!("camera setup {} ({times})", setup.label);
        let (badge, rect) = super::routes::badge(
            frame.at(setup.at),
            &setup.label,
            &times,
            what,
            &colour,
            true,
            size,
            frame,
            placer,
        );
        group = group.add(badge);
        let Some(rect) = rect else {
            continue;
        };
        // The lens and framing as the setup starts; changes during it are in the key.
        let lens = crate::escape::number(setup.lenses.first().map_or(0.0, |l| l.1), 1);
        let framing = setup.framing.first().map_or("", |f| f.1.as_str());
        let words = format!("{lens} mm · {framing}");
        if let Some(g) = Pending::new(words, rect, size, &colour).place(placer) {
            group = group.add(g);
        }
        let blockers = visibility::blockers(sim, setup.time_in);
        let wedge = visibility::polygon(&sim.view(setup.camera, setup.time_in), range, &blockers);
        if wedge.len() >= 3 {
            let inside = frame.at(Polygon::new(wedge).centroid());
            let anchor = Rect::at(inside).grow(frame.ink(1.0));
            let number = Pending::new(setup.label.clone(), anchor, size * 1.2, &colour).bold();
            if let Some(g) = number.place(placer) {
                group = group.add(g);
            }
        }
    }
    group
}

/// The floor every camera sees at any moment from `from` to `to`: one path, filled with the
/// non-zero rule so overlapping views read as one even tint.
pub fn swept(scene: &Scene, sim: &Simulation, frame: &Frame, from: Time, to: Time) -> Group {
    let range = frame.diagonal();
    let step = SWEEP_STEP.max((to.seconds() - from.seconds()) / MAX_SAMPLES);
    let mut polygons = Vec::new();
    for camera in scene.cameras() {
        polygons.extend(visibility::sweep(sim, camera, from, to, step, range));
    }
    shade(frame, &polygons, 0.3, false)
}

/// What each camera sees at `t`: the view filled and outlined.
pub fn view_at(scene: &Scene, sim: &Simulation, frame: &Frame, t: Time) -> Group {
    let range = frame.diagonal();
    let blockers = visibility::blockers(sim, t);
    let polygons: Vec<Vec<Point>> = scene
        .cameras()
        .map(|c: PersonId| visibility::polygon(&sim.view(c, t), range, &blockers))
        .collect();
    shade(frame, &polygons, 0.35, true)
}

fn shade(frame: &Frame, polygons: &[Vec<Point>], opacity: f64, outline: bool) -> Group {
    let data = polygons_data(frame, polygons);
    if data.is_empty() {
        return Group::new();
    }
    let mut path = Path::new()
        .set("d", data.into_string())
        .set("fill", style::SEEN)
        .set("fill-opacity", n(opacity))
        .set("fill-rule", "nonzero");
    if outline {
        path = path
            .set("stroke", style::SEEN)
            .set("stroke-opacity", "0.7")
            .set("stroke-width", n(frame.ink(0.22)))
            .set("stroke-linejoin", "round");
    }
    Group::new().set("class", "camera-view").add(path)
}
