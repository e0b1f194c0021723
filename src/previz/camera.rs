//! The cameras: each scene camera as a glTF perspective camera at lens height on its
//! operator's path, turned as the simulation turns it, with the vertical angle of view its
//! lens and sensor give; and an overhead camera that sees the whole set.

use super::animation::{at, track_breakpoints, translation, yaw_quaternion};
use super::bodies::{facing_yaw, turn_times};
use super::glb::{Camera, Document, Node};
use super::mesh::to_gltf;
use super::{ASPECT_RATIO, LENS_HEIGHT, extras};
use crate::model::{PersonId, Scene};
use crate::sim::Simulation;
use serde_json::json;

/// The overhead camera's vertical angle of view, radians (45°).
const OVERHEAD_YFOV: f64 = std::f64::consts::FRAC_PI_4;

/// The sensor's height for a sensor `width` mm wide at the frame's aspect ratio.
pub fn sensor_height(width_mm: f64) -> f64 {
    width_mm / ASPECT_RATIO
}

/// glTF's vertical angle of view: 2·atan(h / 2f), for the sensor height h and focal length f.
pub fn yfov(sensor_width_mm: f64, lens_mm: f64) -> f64 {
    2.0 * (sensor_height(sensor_width_mm) / (2.0 * lens_mm)).atan()
}

/// How far the farthest corner of the set is from its centre, metres (for far planes).
fn set_reach(scene: &Scene) -> (crate::geometry::Point, crate::geometry::Point) {
    let mut min = crate::geometry::Point::new(f64::INFINITY, f64::INFINITY);
    let mut max = crate::geometry::Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    for room in &scene.rooms {
        let (a, b) = room.outline.bounds();
        min = crate::geometry::Point::new(min.x.min(a.x), min.y.min(a.y));
        max = crate::geometry::Point::new(max.x.max(b.x), max.y.max(b.y));
    }
    (min, max)
}

pub fn build(doc: &mut Document, scene: &Scene, sim: &Simulation, end: f64) -> Vec<usize> {
    let (min, max) = set_reach(scene);
    let diagonal = min.distance(max);
    let zfar = (diagonal * 2.0 + 50.0) as f32;
    let mut nodes = Vec::new();
    for id in scene.cameras() {
        let person = scene.person(id);
        let Some(spec) = person.camera() else {
            continue;
        };
        let camera = doc.cameras.len();
        doc.cameras.push(Camera {
            name: person.name.clone(),
            yfov: yfov(spec.sensor_mm, spec.lens_mm) as f32,
            aspect_ratio: ASPECT_RATIO as f32,
            znear: 0.05,
            zfar,
        });
        let lens_changes: Vec<_> = sim.lenses[id.index()]
            .iter()
            .map(|c| {
                json!({
                    "seconds": c.at.seconds(),
                    "lens_mm": c.state,
                    "yfov": yfov(spec.sensor_mm, c.state),
                })
            })
            .collect();
        let mut node_extras = extras("camera", &person.id);
        if let Some(map) = node_extras.as_object_mut() {
            map.insert("lens_mm".into(), json!(spec.lens_mm));
            map.insert("sensor_width_mm".into(), json!(spec.sensor_mm));
            map.insert(
                "sensor_height_mm".into(),
                json!(sensor_height(spec.sensor_mm)),
            );
            map.insert("lens_height_m".into(), json!(LENS_HEIGHT));
            map.insert("lens_changes".into(), json!(lens_changes));
        }
        let start = sim.position(id, at(0.0));
        let node = doc.add_node(Node {
            name: format!("{} camera", person.name),
            camera: Some(camera),
            translation: Some(to_gltf(start, LENS_HEIGHT)),
            rotation: Some(yaw_quaternion(facing_yaw(sim, id, 0.0)).map(|v| v as f32)),
            extras: Some(node_extras),
            ..Node::default()
        });
        let moves = track_breakpoints(sim, id, end);
        let place = |t: f64| lens_position(sim, id, t);
        doc.channels.push(translation(node, &moves, &place));
        let turns = turn_times(sim, id, end);
        doc.channels
            .push(super::animation::rotation(node, &turns, &|t| {
                facing_yaw(sim, id, t)
            }));
        nodes.push(node);
    }
    // Overhead: above the middle of everything, looking straight down with north (−y on
    // the plan, −Z in glTF) at the top of the picture.
    let centre = min.lerp(max, 0.5);
    let half_tan = (OVERHEAD_YFOV / 2.0).tan();
    let depth = (max.y - min.y) / 2.0;
    let width = (max.x - min.x) / 2.0;
    let height = (depth / half_tan).max(width / (half_tan * ASPECT_RATIO)) * 1.1 + 3.0;
    let camera = doc.cameras.len();
    doc.cameras.push(Camera {
        name: "Overhead".into(),
        yfov: OVERHEAD_YFOV as f32,
        aspect_ratio: ASPECT_RATIO as f32,
        znear: 0.1,
        zfar: (height * 2.0 + 10.0) as f32,
    });
    let s = std::f32::consts::FRAC_1_SQRT_2;
    nodes.push(doc.add_node(Node {
        name: "Overhead".into(),
        camera: Some(camera),
        translation: Some(to_gltf(centre, height)),
        rotation: Some([-s, 0.0, 0.0, s]),
        extras: Some(extras("overhead", "overhead")),
        ..Node::default()
    }));
    nodes
}

/// Where the lens is at `t` (glTF coordinates).
pub fn lens_position(sim: &Simulation, camera: PersonId, t: f64) -> [f64; 3] {
    let p = sim.position(camera, at(t));
    [p.x, LENS_HEIGHT, p.y]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn super35_on_32mm_is_about_24_degrees_tall() {
        // 24.89 mm wide at 16:9 is 14.0 mm tall; 2·atan(14 / 64) = 24.7°.
        let v = yfov(24.89, 32.0).to_degrees();
        assert!((v - 24.66).abs() < 0.05, "{v}");
        // The horizontal angle the rules use comes back from yfov and the aspect ratio.
        let h = 2.0 * ((yfov(24.89, 32.0) / 2.0).tan() * ASPECT_RATIO).atan();
        let rules = crate::model::CameraSpec::field_of_view(24.89, 32.0);
        assert!((h - rules).abs() < 1e-9);
    }
}
