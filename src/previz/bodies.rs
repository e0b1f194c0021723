//! The people and the props: a low-poly figure per performer and crew member in their plan
//! colour, its nose showing which way it faces, moved and turned as the simulation says;
//! props as small boxes where they lie or in the hand of whoever holds them.

use super::animation::{
    at, clean_times, rotation, track_breakpoints, translation, with_curve_steps, yaw,
    yaw_quaternion,
};
use super::glb::{Document, Material, Node};
use super::mesh::{Mesh, to_gltf};
use super::set::furniture_height;
use super::{LENS_HEIGHT, Palette, extras, srgb};
use crate::geometry::Point;
use crate::model::{PersonId, PropId, Scene};
use crate::sim::{PropWhere, Simulation};

/// Height of a figure's shoulders and of its head's centre, metres.
const SHOULDERS: f64 = 1.48;
const HEAD: f64 = 1.62;
const HEAD_RADIUS: f64 = 0.12;
/// Where a held prop is carried: in front of the body at this height, metres.
const HAND_HEIGHT: f64 = 1.0;
/// A prop's box, metres.
const PROP_SIZE: [f64; 3] = [0.14, 0.08, 0.1];

/// A figure facing local −Z, standing on the origin: a body, a head and a nose. A camera
/// operator stands behind the origin, so the lens (the origin at lens height) is in front
/// of the body, with the rig between them.
fn figure(radius: f64, operator: bool) -> Mesh {
    let body = (radius * 0.8).max(0.05);
    let back = if operator { body + 0.15 } else { 0.0 };
    let mut mesh = Mesh::default();
    mesh.add_cylinder([0.0, back], body, 0.0, SHOULDERS);
    mesh.add_sphere([0.0, HEAD, back], HEAD_RADIUS);
    mesh.add_box(
        [-0.025, HEAD - 0.03, back - HEAD_RADIUS - 0.07],
        [0.025, HEAD + 0.02, back - HEAD_RADIUS + 0.02],
    );
    if operator {
        // The camera on its rig, just behind the lens.
        mesh.add_box(
            [-0.07, LENS_HEIGHT - 0.08, 0.02],
            [0.07, LENS_HEIGHT + 0.08, 0.14],
        );
    }
    mesh
}

/// Times to key someone's facing at: the ends of their legs and route corners (between
/// them a walker faces along the route, a resting one a fixed way), and for a camera, which
/// turns to follow whom it frames, each reframe, the end of its pan and every
/// [`super::animation::CURVE_STEP`].
pub fn turn_times(sim: &Simulation, who: PersonId, end: f64) -> Vec<f64> {
    let mut times = track_breakpoints(sim, who, end);
    let framings = &sim.framing[who.index()];
    if framings.is_empty() {
        return times;
    }
    for framing in framings {
        times.push(framing.at.seconds());
        times.push(framing.at.seconds() + framing.pan);
    }
    with_curve_steps(times, end)
}

/// The yaw that turns a figure (or a camera) to the simulation's facing at `t`.
pub fn facing_yaw(sim: &Simulation, who: PersonId, t: f64) -> f64 {
    yaw(sim.facing(who, at(t)))
}

pub fn build(doc: &mut Document, scene: &Scene, sim: &Simulation, end: f64) -> usize {
    let mut children = Vec::new();
    for (i, person) in scene.people.iter().enumerate() {
        let who = PersonId::from_index(i);
        let material = doc.add_material(Material {
            name: person.colour.clone(),
            colour: srgb(&person.colour),
            roughness: 0.7,
        });
        let mesh = figure(person.radius, person.camera().is_some());
        let m = doc.add_mesh(person.name.clone(), mesh, material);
        let start = sim.position(who, at(0.0));
        let node = doc.add_node(Node {
            name: person.name.clone(),
            mesh: Some(m),
            translation: Some(to_gltf(start, 0.0)),
            rotation: Some(yaw_quaternion(facing_yaw(sim, who, 0.0)).map(|v| v as f32)),
            extras: Some({
                let mut e = extras(if person.is_crew() { "crew" } else { "cast" }, &person.id);
                if let Some(map) = e.as_object_mut() {
                    map.insert("radius_m".into(), serde_json::json!(person.radius));
                }
                e
            }),
            ..Node::default()
        });
        let moves = track_breakpoints(sim, who, end);
        let place = |t: f64| {
            let p = sim.position(who, at(t));
            [p.x, 0.0, p.y]
        };
        doc.channels.push(translation(node, &moves, &place));
        let turns = turn_times(sim, who, end);
        doc.channels
            .push(rotation(node, &turns, &|t| facing_yaw(sim, who, t)));
        children.push(node);
    }
    doc.add_node(Node {
        name: "Cast and crew".into(),
        children,
        ..Node::default()
    })
}

/// A prop's own small offset from its place (sideways in the hand, across the floor or the
/// furniture), so two props in one place do not fill the same space.
fn spread(prop: PropId) -> (f64, f64) {
    let i = prop.index();
    (
        ((i % 3) as f64 - 1.0) * 0.16,
        (((i / 3) % 3) as f64 - 1.0) * 0.12,
    )
}

/// Where a prop's box sits at `t` (its centre, glTF coordinates).
pub fn prop_place(scene: &Scene, sim: &Simulation, prop: PropId, t: f64) -> [f64; 3] {
    let half = PROP_SIZE[1] / 2.0;
    let (across, along) = spread(prop);
    let (p, height): (Point, f64) = match sim.prop_state(prop, at(t)).place {
        PropWhere::Mark(m) => (scene.mark(m).at + Point::new(across, along), half),
        PropWhere::Furniture(f) => {
            let piece = &scene.furniture[f.index()];
            let (min, max) = piece.outline.bounds();
            // Kept over the piece's footprint however small it is.
            let at = piece.outline.centroid() + Point::new(across, along);
            let at = Point::new(at.x.clamp(min.x, max.x), at.y.clamp(min.y, max.y));
            (at, furniture_height(piece) + half)
        }
        PropWhere::Held(who) => {
            let body = sim.position(who, at(t));
            let facing = sim.facing(who, at(t));
            let side = Point::new(-facing.y, facing.x);
            let reach = scene.person(who).radius * 0.8 + PROP_SIZE[2];
            (
                body + facing * reach + side * across,
                HAND_HEIGHT + along * 0.5,
            )
        }
    };
    [p.x, height, p.y]
}

/// The props under one "Props" node, if the scene has any (an empty group is a node the
/// validator reports).
pub fn build_props(
    doc: &mut Document,
    scene: &Scene,
    sim: &Simulation,
    palette: &Palette,
    end: f64,
) -> Option<usize> {
    let mut children = Vec::new();
    for (i, prop) in scene.props.iter().enumerate() {
        let id = PropId::from_index(i);
        let mut mesh = Mesh::default();
        let [w, h, d] = PROP_SIZE;
        mesh.add_box([-w / 2.0, -h / 2.0, -d / 2.0], [w / 2.0, h / 2.0, d / 2.0]);
        let m = doc.add_mesh(prop.name.clone(), mesh, palette.prop);
        let start = prop_place(scene, sim, id, 0.0);
        let node = doc.add_node(Node {
            name: prop.name.clone(),
            mesh: Some(m),
            translation: Some(start.map(|v| v as f32)),
            extras: Some(extras("prop", &prop.id)),
            ..Node::default()
        });
        // Keys where it changes hands or places, and where its holders move or turn.
        let mut times = vec![0.0, end];
        let mut holders = Vec::new();
        if let PropWhere::Held(who) = sim.prop_state(id, at(0.0)).place {
            holders.push(who);
        }
        for change in &sim.props[i] {
            times.push(change.at.seconds());
            if let PropWhere::Held(who) = change.state.place {
                holders.push(who);
            }
        }
        holders.sort();
        holders.dedup();
        for who in holders {
            times.extend(turn_times(sim, who, end));
        }
        let times = clean_times(times, end);
        doc.channels.push(translation(node, &times, &|t| {
            prop_place(scene, sim, id, t)
        }));
        children.push(node);
    }
    (!children.is_empty()).then(|| {
        doc.add_node(Node {
            name: "Props".into(),
            children,
            ..Node::default()
        })
    })
}
