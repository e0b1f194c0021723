//! `oner build`: everything for a scene, refused on errors, atomic, deterministic, and the
//! committed `output/` folder kept up to date (`ONER_BLESS=1 cargo test` rebuilds it).

use crate::common::{oner, repo};
use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir` (relative name → bytes).
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn committed_outputs_are_up_to_date() {
    for scene in ["tutorial", "we-cry-together", "goodfellas-copacabana"] {
        let committed = repo(&format!("output/{scene}"));
        if std::env::var_os("ONER_BLESS").is_some() {
            let _ = std::fs::remove_dir_all(&committed);
            oner(&["build", &format!("scenes/{scene}.ron")])
                .assert()
                .success();
            continue;
        }
        let fresh = tempfile::tempdir().unwrap();
        oner(&[
            "build",
            &format!("scenes/{scene}.ron"),
            "-o",
            &fresh.path().to_string_lossy(),
        ])
        .assert()
        .success();
        let (want, got) = (tree(&committed), tree(fresh.path()));
        let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            names(&want),
            names(&got),
            "output/{scene} has other files than a build makes: ONER_BLESS=1 cargo test rebuilds it"
        );
        for (name, bytes) in &got {
            assert!(
                want[name] == *bytes,
                "output/{scene}/{name} is stale: ONER_BLESS=1 cargo test rebuilds it"
            );
        }
    }
}

#[test]
fn build_refuses_a_scene_with_errors_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_arg = out.to_string_lossy().to_string();
    let result = oner(&["build", "tests/fixtures/rules/M002.ron", "-o", &out_arg])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("not building"));
    assert!(
        !out.exists(),
        "nothing is written when the build is refused"
    );
    oner(&[
        "build",
        "tests/fixtures/rules/M002.ron",
        "-o",
        &out_arg,
        "--force",
    ])
    .assert()
    // Built, but the scene has errors: the exit code says so (docs/limits.md).
    .code(1);
    assert!(out.join("plan.svg").exists());
    oner(&[
        "build",
        "tests/fixtures/structure/S003-unknown-mark.ron",
        "--force",
        "-o",
        &out_arg,
    ])
    .assert()
    .code(1);
    oner(&["build", "no/such.ron"]).assert().code(2);
}

#[test]
fn rebuilding_is_byte_identical_and_removes_what_it_no_longer_makes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_string_lossy().to_string();
    oner(&["build", "scenes/tutorial.ron", "-o", &out])
        .assert()
        .success();
    let first = tree(dir.path());
    assert!(
        first.contains_key("plan.svg")
            && first.contains_key("cues.pdf")
            && first.contains_key("timeline.svg")
    );
    // A file from an earlier build that this build no longer makes goes; others stay.
    std::fs::write(dir.path().join("beats/09-old-beat.svg"), "old").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let manifest = dir.path().join(oner::build::MANIFEST);
    let listed = std::fs::read_to_string(&manifest).unwrap() + "beats/09-old-beat.svg\n";
    std::fs::write(&manifest, listed).unwrap();
    oner(&["build", "scenes/tutorial.ron", "-o", &out])
        .assert()
        .success();
    let mut second = tree(dir.path());
    assert!(!second.contains_key("beats/09-old-beat.svg"));
    assert_eq!(second.remove("notes.txt").as_deref(), Some(&b"mine"[..]));
    assert_eq!(first, second);
    let leftovers: Vec<_> = second
        .keys()
        .filter(|k| k.contains(".oner-") && !k.ends_with(oner::build::MANIFEST))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

/// Valid but extreme scenes go through every output without a panic, a NaN or an invalid
/// SVG: a half-metre room with nobody in it, and kilometre halls far from the origin with
/// a 1200 mm lens and a walk at a snail's pace.
#[test]
fn extreme_scenes_build_every_output() {
    let minimal = r#"Scene(title: "Minimal", frame_rate: 24, length: "0:01",
      set: (rooms: { "r": (name: "R", shape: Rect(x: 0.0, y: 0.0, w: 0.5, h: 0.5)) },
            marks: { "m": (room: "r", at: (0.25, 0.25)) }),
    )"#;
    let far = r##"Scene(title: "Far", frame_rate: 29.97, length: "1:00:00",
      set: (rooms: { "r": (name: "R", shape: Rect(x: -9000.0, y: -9000.0, w: 1000.0, h: 1000.0)),
                     "s": (name: "S", shape: Rect(x: -8000.0, y: -9000.0, w: 1000.0, h: 1000.0)) },
            doors: [(id: "d", kind: Opening, rooms: ("r", "s"), at: (-8000.0, -8500.0), width: 20.0)],
            marks: { "m": (room: "r", at: (-8500.0, -8500.0)), "n": (room: "s", at: (-7500.0, -8500.0)),
                     "c": (room: "r", at: (-8990.0, -8990.0)) }),
      cast: { "a": (name: "A", colour: "#ff0000", starts_at: "m") },
      crew: { "cam": (role: Camera(rig: Dolly, lens_mm: 1200.0), starts_at: "c", facing: "a") },
      beats: [(at: "0:00", title: "All of it")],
      timeline: [ (at: "0:10", do: Move(who: "a", to: "n", pace: Speed(0.5))) ],
    )"##;
    for (name, text) in [("minimal", minimal), ("far", far)] {
        let scene = crate::common::load_scene_text(name, text);
        let sim = oner::sim::Simulation::new(&scene);
        let files = oner::build::all_files(&scene, &sim, "scene.ron");
        assert!(
            files.iter().any(|f| f.name == "index.html"),
            "{name}: no index"
        );
        for file in &files {
            if file.name.ends_with(".svg") || file.name.ends_with(".html") {
                let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
                assert!(
                    !text.contains("NaN") && !text.contains("inf\""),
                    "{name}/{}: a non-finite number",
                    file.name
                );
            }
            if file.name.ends_with(".svg") {
                crate::common::render_svg(&format!("{name}/{}", file.name), &file.bytes, 200);
            }
        }
    }
}
