//! What the camera sees, drawn: a short wedge at each camera stop (overview), the floor seen
//! at any moment of a span shaded as one path (beat plans: the unshaded floor is where crew
//! can hide), and the full view at one moment (`--at`).

use super::floor::clip_to;
use super::page::{Frame, PathData};
use super::style::{self, n};
use super::visibility;
use crate::geometry::Point;
use crate::model::{PersonId, Scene};
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

/// The camera's view at the start and at each stop it reaches, as short wedges cut by walls.
pub fn stop_wedges(scene: &Scene, sim: &Simulation, frame: &Frame) -> Group {
    let range = wedge_range(frame);
    let mut polygons = Vec::new();
    for camera in scene.cameras() {
        let mut times = vec![Time::ZERO];
        times.extend(
            sim.tracks[camera.index()]
                .legs
                .iter()
                .filter(|l| l.length() > 1e-6)
                .map(|l| l.arrive),
        );
        for t in times {
            let blockers = visibility::blockers(sim, t);
            polygons.push(visibility::polygon(&sim.view(camera, t), range, &blockers));
        }
    }
    shade(frame, &polygons, 0.22, true)
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
