//! `previz.glb`: the take in 3D as an animated glTF 2.0 binary a DP opens in Blender, a
//! browser viewer or Unreal. The set (`set.rs`), the people and props (`bodies.rs`) and the
//! cameras (`camera.rs`) are built from the scene and the simulation as a [`glb::Document`],
//! their keyframes by `animation.rs`, the triangles by `mesh.rs`; `glb.rs` writes the bytes.
//!
//! Axes: metres, glTF x = plan x, glTF z = plan y (down the page), +Y up: seen from above
//! the model is the plan as drawn (docs/outputs.md). Times are seconds from the start of
//! the take.

pub mod animation;
pub mod bodies;
pub mod camera;
pub mod glb;
pub mod mesh;
pub mod set;

use crate::model::Scene;
use crate::output::OutputFile;
use crate::sim::Simulation;
use serde_json::{Value, json};

pub const FILE_NAME: &str = "previz.glb";

/// Height of the scene cameras' lenses above the floor, metres.
pub const LENS_HEIGHT: f64 = 1.5;
/// The frame's width over its height (16:9): the sensor's height is its width over this.
pub const ASPECT_RATIO: f64 = 16.0 / 9.0;

/// The set's and the props' materials, by use.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub floor: usize,
    pub offstage: usize,
    pub wall: usize,
    pub wild_wall: usize,
    pub door: usize,
    pub furniture: usize,
    pub tall_furniture: usize,
    pub backing: usize,
    pub prop: usize,
}

/// A node's extras: what it is and the scene's id for it (Blender keeps these as custom
/// properties, so a script can find a person by id whatever the names are).
pub fn extras(kind: &str, id: &str) -> Value {
    json!({ "oner_kind": kind, "oner_id": id })
}

/// A `#rrggbb` colour (sRGB, as the plans use it) in glTF's linear RGB; grey if malformed.
pub fn srgb(hex: &str) -> [f32; 3] {
    let channel = |k: usize| {
        hex.get(1 + 2 * k..3 + 2 * k)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(128)
    };
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        let v = if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        };
        // Four decimals: the same colour always writes the same text.
        ((v * 1e4).round() / 1e4) as f32
    };
    [linear(channel(0)), linear(channel(1)), linear(channel(2))]
}

/// The scene's beats and facts, kept in the scene's extras.
fn scene_extras(scene: &Scene) -> Value {
    let beats: Vec<Value> = scene
        .beats
        .iter()
        .map(|b| {
            json!({
                "title": b.title,
                "at": b.at.clock(),
                "seconds": b.at.seconds(),
                "notes": b.notes,
            })
        })
        .collect();
    json!({
        "oner_title": scene.title,
        "oner_revision": scene.revision,
        "frame_rate": scene.frame_rate.fps(),
        "length_seconds": scene.length.seconds(),
        "axes": "metres; glTF x = plan x, glTF z = plan y (down the page), +Y up",
        "lens_height_m": LENS_HEIGHT,
        "aspect_ratio": ASPECT_RATIO,
        "beats": beats,
    })
}

/// The document for the take.
pub fn document(scene: &Scene, sim: &Simulation) -> glb::Document {
    let end = scene.length.seconds();
    let mut doc = glb::Document {
        scene_name: scene.title.clone(),
        animation_name: scene.title.clone(),
        generator: format!("oner {}", env!("CARGO_PKG_VERSION")),
        scene_extras: Some(scene_extras(scene)),
        ..glb::Document::default()
    };
    let palette = set::materials(&mut doc);
    let set = set::build(&mut doc, scene, sim, &palette, end);
    let people = bodies::build(&mut doc, scene, sim, end);
    let props = bodies::build_props(&mut doc, scene, sim, &palette, end);
    let cameras = camera::build(&mut doc, scene, sim, end);
    doc.roots = vec![set, people];
    doc.roots.extend(props);
    doc.roots.extend(cameras);
    doc.drop_unused_materials();
    doc
}

/// `previz.glb`'s bytes.
pub fn glb(scene: &Scene, sim: &Simulation) -> Vec<u8> {
    glb::write(&document(scene, sim))
}

/// What `oner build` writes for the previz.
pub fn build_files(scene: &Scene, sim: &Simulation) -> Vec<OutputFile> {
    vec![OutputFile {
        name: FILE_NAME.into(),
        bytes: glb(scene, sim),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_colours_become_linear() {
        assert_eq!(srgb("#ffffff"), [1.0, 1.0, 1.0]);
        assert_eq!(srgb("#000000"), [0.0, 0.0, 0.0]);
        let mid = srgb("#808080")[0];
        assert!((mid - 0.2159).abs() < 1e-3, "{mid}");
        assert_eq!(srgb("nonsense"), srgb("#808080"));
    }
}
