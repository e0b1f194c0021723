//! previz.glb read back with the `gltf` crate: structure, the animation against the
//! simulation at sampled times (to a centimetre), hostile names, determinism, the command.

use crate::common::{load_scene, load_scene_text, oner, repo, scene_file};
use gltf::animation::Property;
use gltf::animation::util::{ReadOutputs, Rotations};
use oner::geometry::Point;
use oner::model::{PersonId, Scene};
use oner::sim::Simulation;
use oner::time::Time;
use std::collections::BTreeMap;

const SCENES: [&str; 2] = ["scenes/tutorial.ron", "scenes/we-cry-together.ron"];

/// One channel's keys.
struct Keys {
    times: Vec<f32>,
    values: Vec<Vec<f32>>,
    step: bool,
}

impl Keys {
    /// The value at `t` as glTF defines it (LINEAR: component-wise for vectors, normalised
    /// for quaternions, close to slerp for the small turns between keys; STEP: the last key).
    fn at(&self, t: f64) -> Vec<f64> {
        let t = t as f32;
        let i = self.times.partition_point(|&k| k <= t);
        if i == 0 {
            return self.values[0].iter().map(|&v| v as f64).collect();
        }
        if i == self.times.len() || self.step {
            return self.values[i - 1].iter().map(|&v| v as f64).collect();
        }
        let (t0, t1) = (self.times[i - 1], self.times[i]);
        let u = ((t - t0) / (t1 - t0)) as f64;
        let (a, b) = (&self.values[i - 1], &self.values[i]);
        let mut v: Vec<f64> = a
            .iter()
            .zip(b)
            .map(|(&x, &y)| x as f64 + (y as f64 - x as f64) * u)
            .collect();
        if v.len() == 4 {
            let n = v.iter().map(|x| x * x).sum::<f64>().sqrt();
            v.iter_mut().for_each(|x| *x /= n);
        }
        v
    }
}

/// A parsed file: nodes by (kind, id) from their extras, and each node's channels.
struct Previz {
    document: gltf::Document,
    by_id: BTreeMap<(String, String), usize>,
    channels: BTreeMap<(usize, &'static str), Keys>,
    json: serde_json::Value,
}

fn extras_of(extras: &gltf::json::Extras) -> serde_json::Value {
    extras
        .as_ref()
        .map(|raw| serde_json::from_str(raw.get()).unwrap())
        .unwrap_or(serde_json::Value::Null)
}

fn parse(bytes: &[u8]) -> Previz {
    let glb = gltf::Gltf::from_slice(bytes).expect("a valid glTF binary");
    let blob = glb.blob.clone().expect("a BIN chunk");
    let mut by_id = BTreeMap::new();
    for node in glb.document.nodes() {
        let e = extras_of(node.extras());
        if let (Some(kind), Some(id)) = (e["oner_kind"].as_str(), e["oner_id"].as_str()) {
            by_id.insert((kind.to_string(), id.to_string()), node.index());
        }
    }
    let mut channels = BTreeMap::new();
    for animation in glb.document.animations() {
        for channel in animation.channels() {
            let reader = channel.reader(|_| Some(&blob[..]));
            let times: Vec<f32> = reader.read_inputs().unwrap().collect();
            let (path, values): (&str, Vec<Vec<f32>>) = match reader.read_outputs().unwrap() {
                ReadOutputs::Translations(v) => ("translation", v.map(|x| x.to_vec()).collect()),
                ReadOutputs::Scales(v) => ("scale", v.map(|x| x.to_vec()).collect()),
                ReadOutputs::Rotations(Rotations::F32(v)) => {
                    ("rotation", v.map(|x| x.to_vec()).collect())
                }
                _ => panic!("unexpected output type"),
            };
            assert_eq!(
                path,
                match channel.target().property() {
                    Property::Translation => "translation",
                    Property::Rotation => "rotation",
                    Property::Scale => "scale",
                    Property::MorphTargetWeights => "weights",
                }
            );
            assert!(
                times.windows(2).all(|w| w[0] < w[1]),
                "times strictly increase"
            );
            assert_eq!(times.len(), values.len());
            let step = channel.sampler().interpolation() == gltf::animation::Interpolation::Step;
            channels.insert(
                (channel.target().node().index(), path),
                Keys {
                    times,
                    values,
                    step,
                },
            );
        }
    }
    let json_len = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let json = serde_json::from_slice(&bytes[20..20 + json_len]).unwrap();
    Previz {
        document: glb.document,
        by_id,
        channels,
        json,
    }
}

fn previz_of(scene: &Scene) -> Vec<u8> {
    let sim = Simulation::new(scene);
    oner::previz::glb(scene, &sim)
}

/// Yaw of a quaternion about +Y turned into the plan direction local −Z faces.
fn plan_direction(q: &[f64]) -> Point {
    let yaw = 2.0 * q[1].atan2(q[3]);
    Point::new(-yaw.sin(), -yaw.cos())
}

fn angle_between(a: Point, b: Point) -> f64 {
    a.cross(b).atan2(a.dot(b)).abs()
}

/// Sample times through the take: a fine irregular grid, not the keys' own times.
fn sample_times(scene: &Scene) -> Vec<f64> {
    let end = scene.length.seconds();
    let mut t = 0.013;
    let mut out = Vec::new();
    while t < end {
        out.push(t);
        t += 0.377;
    }
    out
}

#[test]
fn bodies_and_cameras_follow_the_simulation_to_a_centimetre() {
    for path in SCENES {
        let scene = load_scene(path);
        let sim = Simulation::new(&scene);
        let file = parse(&previz_of(&scene));
        let mut checked = 0;
        for (i, person) in scene.people.iter().enumerate() {
            let who = PersonId::from_index(i);
            let kind = if person.is_crew() { "crew" } else { "cast" };
            let node = file.by_id[&(kind.to_string(), person.id.clone())];
            let moves = &file.channels[&(node, "translation")];
            let turns = &file.channels[&(node, "rotation")];
            let mut lens = None;
            if person.camera().is_some() {
                let cam = file.by_id[&("camera".to_string(), person.id.clone())];
                lens = Some((
                    &file.channels[&(cam, "translation")],
                    &file.channels[&(cam, "rotation")],
                ));
            }
            for t in sample_times(&scene) {
                let truth = sim.position(who, Time::from_seconds(t).unwrap());
                let v = moves.at(t);
                let off = Point::new(v[0], v[2]).distance(truth);
                assert!(
                    off < 0.01,
                    "{path}: {} at {t:.3}s is {off:.4} m off",
                    person.id
                );
                assert!(v[1].abs() < 1e-6, "feet on the floor");
                // Facing, where the simulation's facing does not jump within a frame.
                let facing = |s: f64| sim.facing(who, Time::from_seconds(s.max(0.0)).unwrap());
                let steady =
                    angle_between(facing(t - 0.02), facing(t + 0.02)) < 0.5f64.to_radians();
                if steady {
                    let turn = angle_between(plan_direction(&turns.at(t)), facing(t));
                    assert!(
                        turn < 1.0f64.to_radians(),
                        "{path}: {} faces {:.2}° off at {t:.3}s",
                        person.id,
                        turn.to_degrees()
                    );
                }
                if let Some((lens_moves, lens_turns)) = lens {
                    let v = lens_moves.at(t);
                    let off = Point::new(v[0], v[2]).distance(truth);
                    assert!(off < 0.01, "{path}: the lens at {t:.3}s is {off:.4} m off");
                    assert!((v[1] - oner::previz::LENS_HEIGHT).abs() < 1e-6);
                    if steady {
                        let turn = angle_between(plan_direction(&lens_turns.at(t)), facing(t));
                        assert!(
                            turn < 1.0f64.to_radians(),
                            "{path}: the lens faces {:.2}° off at {t:.3}s",
                            turn.to_degrees()
                        );
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 300, "{path}: {checked} samples");
    }
}

#[test]
fn doors_props_and_wild_walls_are_where_the_simulation_has_them() {
    let scene = load_scene("scenes/we-cry-together.ron");
    let sim = Simulation::new(&scene);
    let file = parse(&previz_of(&scene));
    let at = |t: f64| Time::from_seconds(t).unwrap();
    for t in sample_times(&scene) {
        // A door's leaf stands open or shut as the simulation says, once its swing is over.
        for (i, door) in scene.doors.iter().enumerate().filter(|(_, d)| d.has_leaf()) {
            let id = oner::model::DoorId::from_index(i);
            let state = sim.door_state(id, at(t));
            if sim.door_state(id, at((t - 1.0).max(0.0))) != state {
                continue;
            }
            let node = file.by_id[&("door".to_string(), door.id.clone())];
            let q = match file.channels.get(&(node, "rotation")) {
                Some(keys) => keys.at(t),
                None => file
                    .document
                    .nodes()
                    .nth(node)
                    .unwrap()
                    .transform()
                    .decomposed()
                    .1
                    .iter()
                    .map(|&v| v as f64)
                    .collect(),
            };
            // The leaf's local +X (hinge to free end) on the plan.
            let yaw = 2.0 * q[1].atan2(q[3]);
            let leaf = Point::new(yaw.cos(), -yaw.sin());
            let swing = oner::plan::doors::swing(&scene, door);
            let want = if state == oner::model::DoorState::Open {
                swing.open_tip - swing.hinge
            } else {
                swing.strike - swing.hinge
            };
            let off = angle_between(leaf, want.normalised());
            assert!(
                off < 1.0f64.to_radians(),
                "{} at {t:.2}s is {:.1}° off",
                door.id,
                off.to_degrees()
            );
        }
        // A held prop is in its holder's hands; one on a mark is at the mark.
        for (i, prop) in scene.props.iter().enumerate() {
            let node = file.by_id[&("prop".to_string(), prop.id.clone())];
            let v = file.channels[&(node, "translation")].at(t);
            let p = Point::new(v[0], v[2]);
            let state = sim.prop_state(oner::model::PropId::from_index(i), at(t));
            match state.place {
                oner::sim::PropWhere::Held(who) => {
                    let body = sim.position(who, at(t));
                    let reach = scene.person(who).radius + 0.35;
                    assert!(
                        p.distance(body) < reach,
                        "{} at {t:.2}s is {:.2} m from its holder",
                        prop.id,
                        p.distance(body)
                    );
                    assert!((0.8..1.3).contains(&v[1]), "carried at hand height");
                }
                oner::sim::PropWhere::Mark(m) => {
                    assert!(p.distance(scene.mark(m).at) < 0.3);
                }
                oner::sim::PropWhere::Furniture(f) => {
                    assert!(
                        scene.furniture[f.index()].outline.contains(p),
                        "{} on its furniture",
                        prop.id
                    );
                }
            }
        }
        // The south flat stands until its strike, then is gone.
        for (i, wild) in scene.wild_walls.iter().enumerate() {
            let node = file.by_id[&("wild_wall".to_string(), wild.id.clone())];
            let s = file.channels[&(node, "scale")].at(t);
            let struck = sim.is_struck(oner::model::WildWallId::from_index(i), at(t));
            assert_eq!(s[0] == 0.0, struck, "{} at {t:.2}s", wild.id);
        }
    }
}

#[test]
fn the_file_is_valid_gltf_with_bounds_cameras_names_and_beats() {
    for path in SCENES {
        let scene = load_scene(path);
        let bytes = previz_of(&scene);
        assert_eq!(&bytes[0..4], b"glTF");
        assert_eq!(bytes.len() % 4, 0);
        let file = parse(&bytes);
        // Every mesh has positions with bounds, normals, and indices; strides as written.
        for mesh in file.document.meshes() {
            for primitive in mesh.primitives() {
                let position = primitive.get(&gltf::Semantic::Positions).unwrap();
                assert!(position.min().is_some() && position.max().is_some());
                assert_eq!(position.view().unwrap().stride(), Some(24));
                assert!(primitive.get(&gltf::Semantic::Normals).is_some());
                assert!(primitive.indices().is_some());
            }
        }
        // Names: every room, door, furniture, person and prop by its scene name.
        let names: Vec<&str> = file.document.nodes().filter_map(|n| n.name()).collect();
        for name in scene
            .rooms
            .iter()
            .map(|r| &r.name)
            .chain(scene.furniture.iter().map(|f| &f.name))
            .chain(scene.people.iter().map(|p| &p.name))
            .chain(scene.props.iter().map(|p| &p.name))
        {
            assert!(
                names.contains(&name.as_str()),
                "{path}: no node named {name:?}"
            );
        }
        // The scene camera: yfov = 2·atan(h / 2f) for the sensor's height at 16:9.
        let cams: Vec<_> = file.document.cameras().collect();
        assert_eq!(cams.len(), 2, "the scene camera and the overhead");
        let spec = scene.people.iter().find_map(|p| p.camera()).unwrap();
        let gltf::camera::Projection::Perspective(p) = cams[0].projection() else {
            panic!("perspective");
        };
        let h = spec.sensor_mm * 9.0 / 16.0;
        let want = 2.0 * (h / (2.0 * spec.lens_mm)).atan();
        assert!((p.yfov() as f64 - want).abs() < 1e-6);
        assert_eq!(p.aspect_ratio(), Some(16.0 / 9.0));
        // Beats in the scene's extras.
        let beats = &file.json["scenes"][0]["extras"]["beats"];
        assert_eq!(beats.as_array().unwrap().len(), scene.beats.len());
        assert_eq!(beats[0]["title"], scene.beats[0].title.as_str());
    }
}

#[test]
fn the_same_scene_gives_the_same_bytes() {
    let scene = load_scene("scenes/we-cry-together.ron");
    assert_eq!(previz_of(&scene), previz_of(&scene));
    let again = load_scene("scenes/we-cry-together.ron");
    assert_eq!(previz_of(&scene), previz_of(&again));
}

#[test]
fn the_six_minute_take_stays_small() {
    let scene = load_scene("scenes/we-cry-together.ron");
    let bytes = previz_of(&scene);
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
}

#[test]
fn hostile_names_stay_inside_json_strings() {
    let hostile = "Ana \\\"</script><b>\u{202e}evil\u{0007}\u{85} \u{1F600}";
    let text = crate::common::read(&repo("scenes/tutorial.ron"))
        .replace("name: \"Ana\"", &format!("name: {:?}", hostile))
        .replace(
            "name: \"Kitchen\"",
            "name: \"Kitchen\\\"}], \\\"nodes\\\": [\"",
        )
        .replace("name: \"Coffee mug\"", "name: \"mug\\u{0}\\u{1b}[31m\"");
    let scene = load_scene_text("hostile.ron", &text);
    let bytes = previz_of(&scene);
    let file = parse(&bytes);
    let names: Vec<&str> = file.document.nodes().filter_map(|n| n.name()).collect();
    assert!(names.contains(&hostile), "{names:?}");
    assert!(names.contains(&"Kitchen\"}], \"nodes\": ["), "{names:?}");
    assert!(names.contains(&"mug\u{0}\u{1b}[31m"));
    let json_len = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let json = std::str::from_utf8(&bytes[20..20 + json_len]).unwrap();
    for raw in ['\u{202e}', '\u{0007}', '\u{85}', '\u{0}', '\u{1b}'] {
        assert!(!json.contains(raw), "{raw:?} written raw");
    }
}

#[test]
fn a_room_can_raise_its_walls() {
    let text = crate::common::read(&repo("scenes/tutorial.ron")).replace(
        "\"living\": (name: \"Living room\",",
        "\"living\": (name: \"Living room\", wall_height: 3.2,",
    );
    let scene = load_scene_text("tall.ron", &text);
    let file = parse(&previz_of(&scene));
    let walls = file
        .document
        .meshes()
        .find(|m| m.name() == Some("Walls"))
        .unwrap();
    let position = walls
        .primitives()
        .next()
        .unwrap()
        .get(&gltf::Semantic::Positions)
        .unwrap();
    let top = position.max().unwrap()[1].as_f64().unwrap();
    assert!((top - 3.205).abs() < 1e-3, "{top}");
    // Out of range is an error at the field.
    let (_dir, path) = scene_file(
        "low.ron",
        &text.replace("wall_height: 3.2", "wall_height: 1.0"),
    );
    let out = oner(&["check", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wall height"));
}

#[test]
fn the_command_and_build_write_previz_glb() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.glb");
    oner(&["previz", "scenes/tutorial.ron", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    let scene = load_scene("scenes/tutorial.ron");
    assert_eq!(bytes, previz_of(&scene));
    let build = dir.path().join("build");
    oner(&[
        "build",
        "scenes/tutorial.ron",
        "-o",
        build.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert_eq!(std::fs::read(build.join("previz.glb")).unwrap(), bytes);
}
