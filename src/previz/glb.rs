//! The glTF 2.0 binary container: a [`Document`] (nodes, meshes, materials, cameras,
//! animation channels, in oner's terms) written as the JSON chunk (serde_json, own structs)
//! and the BIN chunk (written by hand: little-endian, every view 4-byte aligned).
//!
//! Layout of the BIN chunk: per mesh one interleaved vertex view (POSITION, NORMAL; stride
//! 24) and one index view; then one view for all animation keyframes. Every number is f32 or
//! an unsigned index, so the same document always gives the same bytes.

use super::mesh::Mesh;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A material: a colour (linear RGB, as glTF wants) and how rough it looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Material {
    pub name: String,
    pub colour: [f32; 3],
    pub roughness: f32,
}

/// A perspective camera (radians, metres).
#[derive(Debug, Clone, PartialEq)]
pub struct Camera {
    pub name: String,
    pub yfov: f32,
    pub aspect_ratio: f32,
    pub znear: f32,
    pub zfar: f32,
}

#[derive(Debug, Clone, Default)]
pub struct Node {
    pub name: String,
    pub mesh: Option<usize>,
    pub camera: Option<usize>,
    pub translation: Option<[f32; 3]>,
    pub rotation: Option<[f32; 4]>,
    pub scale: Option<[f32; 3]>,
    pub children: Vec<usize>,
    pub extras: Option<Value>,
}

/// Which property a channel animates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    Translation,
    Rotation,
    Scale,
}

impl Path {
    fn name(self) -> &'static str {
        match self {
            Path::Translation => "translation",
            Path::Rotation => "rotation",
            Path::Scale => "scale",
        }
    }

    fn width(self) -> usize {
        match self {
            Path::Rotation => 4,
            _ => 3,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interpolation {
    Step,
    Linear,
}

/// Keyframes for one property of one node: `times` strictly increasing (seconds, as f32),
/// `values` `times.len()` × 3 (translation, scale) or × 4 (rotation).
#[derive(Debug, Clone)]
pub struct Channel {
    pub node: usize,
    pub path: Path,
    pub interpolation: Interpolation,
    pub times: Vec<f32>,
    pub values: Vec<f32>,
}

/// Everything the file holds, before it is laid out in bytes.
#[derive(Debug, Default)]
pub struct Document {
    pub scene_name: String,
    pub roots: Vec<usize>,
    pub nodes: Vec<Node>,
    /// A mesh, its name, and its material.
    pub meshes: Vec<(String, Mesh, usize)>,
    pub materials: Vec<Material>,
    pub cameras: Vec<Camera>,
    pub animation_name: String,
    pub channels: Vec<Channel>,
    pub scene_extras: Option<Value>,
    pub generator: String,
}

impl Document {
    pub fn add_node(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    pub fn add_mesh(&mut self, name: String, mesh: Mesh, material: usize) -> usize {
        self.meshes.push((name, mesh, material));
        self.meshes.len() - 1
    }

    /// Drops materials no mesh uses (the validator reports them), renumbering the rest.
    pub fn drop_unused_materials(&mut self) {
        let used: Vec<bool> = (0..self.materials.len())
            .map(|i| self.meshes.iter().any(|m| m.2 == i))
            .collect();
        let mut renumber = vec![0; self.materials.len()];
        let mut next = 0;
        for (i, &u) in used.iter().enumerate() {
            renumber[i] = next;
            next += usize::from(u);
        }
        let mut i = 0;
        self.materials.retain(|_| {
            i += 1;
            used[i - 1]
        });
        for mesh in &mut self.meshes {
            mesh.2 = renumber[mesh.2];
        }
    }

    pub fn add_material(&mut self, material: Material) -> usize {
        if let Some(i) = self.materials.iter().position(|m| *m == material) {
            return i;
        }
        self.materials.push(material);
        self.materials.len() - 1
    }
}

// ---- the JSON chunk (field names as the glTF 2.0 schema spells them) ----

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Gltf {
    asset: Asset,
    scene: usize,
    scenes: Vec<JsonScene>,
    nodes: Vec<JsonNode>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meshes: Vec<JsonMesh>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    materials: Vec<JsonMaterial>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cameras: Vec<JsonCamera>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    animations: Vec<JsonAnimation>,
    accessors: Vec<Accessor>,
    buffer_views: Vec<BufferView>,
    buffers: Vec<Buffer>,
}

#[derive(Serialize)]
struct Asset {
    version: &'static str,
    generator: String,
}

#[derive(Serialize)]
struct JsonScene {
    name: String,
    nodes: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extras: Option<Value>,
}

#[derive(Serialize)]
struct JsonNode {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    mesh: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    camera: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation: Option<[f32; 3]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rotation: Option<[f32; 4]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scale: Option<[f32; 3]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extras: Option<Value>,
}

#[derive(Serialize)]
struct JsonMesh {
    name: String,
    primitives: Vec<Primitive>,
}

#[derive(Serialize)]
struct Primitive {
    attributes: BTreeMap<&'static str, usize>,
    indices: usize,
    material: usize,
    mode: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonMaterial {
    name: String,
    pbr_metallic_roughness: Pbr,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pbr {
    base_color_factor: [f32; 4],
    metallic_factor: f32,
    roughness_factor: f32,
}

#[derive(Serialize)]
struct JsonCamera {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
    perspective: Perspective,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Perspective {
    aspect_ratio: f32,
    yfov: f32,
    znear: f32,
    zfar: f32,
}

#[derive(Serialize)]
struct JsonAnimation {
    name: String,
    channels: Vec<JsonChannel>,
    samplers: Vec<Sampler>,
}

#[derive(Serialize)]
struct JsonChannel {
    sampler: usize,
    target: Target,
}

#[derive(Serialize)]
struct Target {
    node: usize,
    path: &'static str,
}

#[derive(Serialize)]
struct Sampler {
    input: usize,
    interpolation: &'static str,
    output: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Accessor {
    buffer_view: usize,
    byte_offset: usize,
    component_type: u32,
    count: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<Vec<f32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<Vec<f32>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BufferView {
    buffer: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_stride: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Buffer {
    byte_length: usize,
}

const FLOAT: u32 = 5126;
const UNSIGNED_SHORT: u32 = 5123;
const UNSIGNED_INT: u32 = 5125;
const ARRAY_BUFFER: u32 = 34962;
const ELEMENT_ARRAY_BUFFER: u32 = 34963;
const TRIANGLES: u32 = 4;

/// The BIN chunk as it is filled, with the views and accessors that describe it.
#[derive(Default)]
struct Bin {
    bytes: Vec<u8>,
    views: Vec<BufferView>,
    accessors: Vec<Accessor>,
}

impl Bin {
    fn align(&mut self) {
        while !self.bytes.len().is_multiple_of(4) {
            self.bytes.push(0);
        }
    }

    fn view(&mut self, data: &[u8], stride: Option<usize>, target: Option<u32>) -> usize {
        self.align();
        self.views.push(BufferView {
            buffer: 0,
            byte_offset: self.bytes.len(),
            byte_length: data.len(),
            byte_stride: stride,
            target,
        });
        self.bytes.extend_from_slice(data);
        self.views.len() - 1
    }

    fn accessor(&mut self, accessor: Accessor) -> usize {
        self.accessors.push(accessor);
        self.accessors.len() - 1
    }
}

fn push_f32(out: &mut Vec<u8>, v: f32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Per-component minimum and maximum of `values` taken `width` at a time.
fn bounds(values: &[f32], width: usize) -> (Vec<f32>, Vec<f32>) {
    let mut min = vec![f32::INFINITY; width];
    let mut max = vec![f32::NEG_INFINITY; width];
    for chunk in values.chunks_exact(width) {
        for k in 0..width {
            min[k] = min[k].min(chunk[k]);
            max[k] = max[k].max(chunk[k]);
        }
    }
    (min, max)
}

/// The mesh's vertices (interleaved) and indices as views and accessors: (position,
/// normal, indices).
fn write_mesh(bin: &mut Bin, mesh: &Mesh) -> (usize, usize, usize) {
    let mut vertices = Vec::with_capacity(mesh.positions.len() * 24);
    for (p, n) in mesh.positions.iter().zip(&mesh.normals) {
        for &v in p.iter().chain(n) {
            push_f32(&mut vertices, v);
        }
    }
    let view = bin.view(&vertices, Some(24), Some(ARRAY_BUFFER));
    let flat: Vec<f32> = mesh.positions.iter().flatten().copied().collect();
    let (min, max) = bounds(&flat, 3);
    let count = mesh.positions.len();
    let position = bin.accessor(Accessor {
        buffer_view: view,
        byte_offset: 0,
        component_type: FLOAT,
        count,
        kind: "VEC3",
        min: Some(min),
        max: Some(max),
    });
    let normal = bin.accessor(Accessor {
        buffer_view: view,
        byte_offset: 12,
        component_type: FLOAT,
        count,
        kind: "VEC3",
        min: None,
        max: None,
    });
    // 16-bit indices while every index fits below 65535 (which is primitive restart).
    let short = count < 65535;
    let mut data = Vec::new();
    for &i in &mesh.indices {
        if short {
            data.extend_from_slice(&(i as u16).to_le_bytes());
        } else {
            data.extend_from_slice(&i.to_le_bytes());
        }
    }
    let index_view = bin.view(&data, None, Some(ELEMENT_ARRAY_BUFFER));
    let indices = bin.accessor(Accessor {
        buffer_view: index_view,
        byte_offset: 0,
        component_type: if short { UNSIGNED_SHORT } else { UNSIGNED_INT },
        count: mesh.indices.len(),
        kind: "SCALAR",
        min: None,
        max: None,
    });
    (position, normal, indices)
}

/// The animation's samplers: all keyframe data in one view (no stride, no target), each
/// channel an input (times, with min and max) and an output accessor.
fn write_animation(bin: &mut Bin, channels: &[Channel]) -> Vec<(usize, usize)> {
    let mut data = Vec::new();
    let mut spans = Vec::new();
    for channel in channels {
        let input = data.len();
        for &t in &channel.times {
            push_f32(&mut data, t);
        }
        let output = data.len();
        for &v in &channel.values {
            push_f32(&mut data, v);
        }
        spans.push((input, output));
    }
    if data.is_empty() {
        return Vec::new();
    }
    let view = bin.view(&data, None, None);
    let mut out = Vec::new();
    for (channel, (input, output)) in channels.iter().zip(spans) {
        let (min, max) = bounds(&channel.times, 1);
        let times = bin.accessor(Accessor {
            buffer_view: view,
            byte_offset: input,
            component_type: FLOAT,
            count: channel.times.len(),
            kind: "SCALAR",
            min: Some(min),
            max: Some(max),
        });
        let values = bin.accessor(Accessor {
            buffer_view: view,
            byte_offset: output,
            component_type: FLOAT,
            count: channel.times.len(),
            kind: if channel.path.width() == 4 {
                "VEC4"
            } else {
                "VEC3"
            },
            min: None,
            max: None,
        });
        out.push((times, values));
    }
    out
}

/// The document as GLB bytes: the 12-byte header, the JSON chunk padded with spaces, the
/// BIN chunk padded with zeros.
pub fn write(doc: &Document) -> Vec<u8> {
    let mut bin = Bin::default();
    let meshes: Vec<JsonMesh> = doc
        .meshes
        .iter()
        .map(|(name, mesh, material)| {
            let (position, normal, indices) = write_mesh(&mut bin, mesh);
            JsonMesh {
                name: name.clone(),
                primitives: vec![Primitive {
                    attributes: BTreeMap::from([("NORMAL", normal), ("POSITION", position)]),
                    indices,
                    material: *material,
                    mode: TRIANGLES,
                }],
            }
        })
        .collect();
    let channels: Vec<&Channel> = doc
        .channels
        .iter()
        .filter(|c| c.times.len() >= 2 && c.values.len() == c.times.len() * c.path.width())
        .collect();
    let owned: Vec<Channel> = channels.iter().map(|c| (*c).clone()).collect();
    let samplers = write_animation(&mut bin, &owned);
    bin.align();
    let animations = if samplers.is_empty() {
        Vec::new()
    } else {
        vec![JsonAnimation {
            name: doc.animation_name.clone(),
            channels: owned
                .iter()
                .enumerate()
                .map(|(i, c)| JsonChannel {
                    sampler: i,
                    target: Target {
                        node: c.node,
                        path: c.path.name(),
                    },
                })
                .collect(),
            samplers: owned
                .iter()
                .zip(&samplers)
                .map(|(c, &(input, output))| Sampler {
                    input,
                    output,
                    interpolation: match c.interpolation {
                        Interpolation::Step => "STEP",
                        Interpolation::Linear => "LINEAR",
                    },
                })
                .collect(),
        }]
    };
    let gltf = Gltf {
        asset: Asset {
            version: "2.0",
            generator: doc.generator.clone(),
        },
        scene: 0,
        scenes: vec![JsonScene {
            name: doc.scene_name.clone(),
            nodes: doc.roots.clone(),
            extras: doc.scene_extras.clone(),
        }],
        nodes: doc
            .nodes
            .iter()
            .map(|n| JsonNode {
                name: n.name.clone(),
                mesh: n.mesh,
                camera: n.camera,
                translation: n.translation,
                rotation: n.rotation,
                scale: n.scale,
                children: n.children.clone(),
                extras: n.extras.clone(),
            })
            .collect(),
        meshes,
        materials: doc
            .materials
            .iter()
            .map(|m| JsonMaterial {
                name: m.name.clone(),
                pbr_metallic_roughness: Pbr {
                    base_color_factor: [m.colour[0], m.colour[1], m.colour[2], 1.0],
                    metallic_factor: 0.0,
                    roughness_factor: m.roughness,
                },
            })
            .collect(),
        cameras: doc
            .cameras
            .iter()
            .map(|c| JsonCamera {
                name: c.name.clone(),
                kind: "perspective",
                perspective: Perspective {
                    aspect_ratio: c.aspect_ratio,
                    yfov: c.yfov,
                    znear: c.znear,
                    zfar: c.zfar,
                },
            })
            .collect(),
        animations,
        accessors: bin.accessors,
        buffer_views: bin.views,
        buffers: vec![Buffer {
            byte_length: bin.bytes.len(),
        }],
    };
    // Serialising plain structs of strings and finite numbers cannot fail; bidi and C1
    // controls in names are written as \u escapes.
    let json = crate::escape::json_safe(serde_json::to_string(&gltf).unwrap_or_default());
    let mut json = json.into_bytes();
    while !json.len().is_multiple_of(4) {
        json.push(b' ');
    }
    let total = 12 + 8 + json.len() + 8 + bin.bytes.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"glTF");
    out.extend_from_slice(&2u32.to_le_bytes());
    out.extend_from_slice(&(total as u32).to_le_bytes());
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(b"JSON");
    out.extend_from_slice(&json);
    out.extend_from_slice(&(bin.bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(b"BIN\0");
    out.extend_from_slice(&bin.bytes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_aligned_and_lengths_add_up() {
        let mut doc = Document {
            scene_name: "a \"quoted\" \u{202e}name".into(),
            generator: "oner test".into(),
            ..Document::default()
        };
        let mut mesh = Mesh::default();
        mesh.add_box([0.0, 0.0, 0.0], [1.0, 2.0, 3.0]);
        let material = doc.add_material(Material {
            name: "grey".into(),
            colour: [0.5, 0.5, 0.5],
            roughness: 0.9,
        });
        let m = doc.add_mesh("box".into(), mesh, material);
        let n = doc.add_node(Node {
            name: "box".into(),
            mesh: Some(m),
            ..Node::default()
        });
        doc.roots.push(n);
        let bytes = write(&doc);
        assert_eq!(&bytes[0..4], b"glTF");
        assert_eq!(
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            bytes.len()
        );
        let json_len = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
        assert_eq!(json_len % 4, 0);
        let json = std::str::from_utf8(&bytes[20..20 + json_len]).unwrap();
        assert!(json.contains("\\u202e"), "bidi control escaped: {json}");
        let value: Value = serde_json::from_str(json.trim_end()).unwrap();
        assert_eq!(value["scenes"][0]["name"], "a \"quoted\" \u{202e}name");
        assert_eq!((bytes.len() - 20 - json_len) % 4, 0);
    }
}
