//! Floor plans: `oner plan` writes SVG that parses, renders, escapes scene text, is the same
//! on every run, and matches the golden files of the tutorial (ONER_BLESS=1 re-accepts them).

use crate::common::{count_near, oner, repo, scene_file};
use oner::output::OutputFile;
use std::path::Path;

/// Loads a scene file that must load cleanly.
fn load(path: &Path) -> oner::model::Scene {
    crate::common::load_scene_text(&path.display().to_string(), &crate::common::read(path))
}

/// Every plan file for a scene, plus the plan at `at` seconds.
fn plans(path: &Path, at: f64) -> Vec<OutputFile> {
    let scene = load(path);
    let sim = oner::sim::Simulation::new(&scene);
    let mut files = oner::plan::build_files(&scene, &sim);
    let t = oner::time::Time::from_seconds(at).expect("time");
    files.push(OutputFile {
        name: oner::plan::at_file_name(t),
        bytes: oner::plan::at(&scene, &sim, t),
    });
    files
}

/// Parses the SVG with usvg and renders it 1000 px wide; returns the pixels (RGBA).
fn render(name: &str, svg: &[u8]) -> (Vec<u8>, u32, u32) {
    crate::common::render_svg(name, svg, 1000)
}

#[test]
fn every_plan_of_the_bundled_scenes_parses_and_renders() {
    for (scene, at) in [
        ("scenes/tutorial.ron", 30.0),
        ("scenes/we-cry-together.ron", 133.0),
    ] {
        for file in plans(&repo(scene), at) {
            let name = format!("{scene}: {}", file.name);
            let (pixels, w, h) = render(&name, &file.bytes);
            let total = (w * h) as usize;
            // Wall ink alone covers well over 0.3% of the page (a title block's
            // continuation sheet has no plan).
            let dark = count_near(&pixels, [0x1c, 0x1c, 0x1c], 40);
            let continued = String::from_utf8_lossy(&file.bytes).contains("(continued, sheet");
            assert!(
                continued || dark * 300 > total,
                "{name}: too little linework ({dark} px)"
            );
            let white = count_near(&pixels, [255, 255, 255], 0);
            assert!(white < total, "{name}: blank");
        }
    }
}

#[test]
fn routes_are_drawn_in_the_performers_colours() {
    let files = plans(&repo("scenes/tutorial.ron"), 30.0);
    let overview = files
        .iter()
        .find(|f| f.name == "plan.svg")
        .expect("plan.svg");
    let (pixels, _, _) = render("plan.svg", &overview.bytes);
    // Ana is #d1495b, Ben #00798c in the tutorial.
    assert!(count_near(&pixels, [0xd1, 0x49, 0x5b], 12) > 200);
    assert!(count_near(&pixels, [0x00, 0x79, 0x8c], 12) > 200);
}

#[test]
fn beat_plans_shade_what_the_camera_sees() {
    let files = plans(&repo("scenes/tutorial.ron"), 30.0);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "plan.svg",
            "beats/01-coffee.svg",
            "beats/02-the-news.svg",
            "contact-sheet.svg",
            "at-0m30s.svg"
        ]
    );
    for file in files.iter().filter(|f| f.name.starts_with("beats/")) {
        let text = String::from_utf8_lossy(&file.bytes);
        assert!(text.contains("class=\"camera-view\""), "{}", file.name);
        assert!(text.contains("Unshaded floor"), "{}", file.name);
    }
}

const HOSTILE_TITLE: &str = "</text><script>alert(1)</script>";

/// The tutorial with scene text that tries to break out of the SVG.
fn hostile_scene() -> String {
    let text = std::fs::read_to_string(repo("scenes/tutorial.ron")).expect("tutorial");
    text.replace("\"Tutorial: Coffee\"", &format!("\"{HOSTILE_TITLE}\u{1}\""))
        .replace("\"Ana\"", "\"A\u{7}na <b>&amp; \\\"quoted\\\"\"")
        .replace("\"Kitchen\"", "\"]]><!-- x --><a href='javascript:x'>\"")
        .replace("title: \"Coffee\"", "title: \"../../etc/passwd\"")
}

#[test]
fn scene_text_stays_text() {
    let (_dir, path) = scene_file("hostile.ron", &hostile_scene());
    for file in plans(&path, 30.0) {
        let text = String::from_utf8(file.bytes.clone()).expect("UTF-8");
        let name = &file.name;
        assert!(!text.contains("<script"), "{name}: raw script tag");
        assert!(!text.contains("<a "), "{name}: raw link");
        assert!(!text.contains("<!-- x"), "{name}: raw comment");
        assert!(!text.contains("href"), "{name}: href");
        assert!(!text.contains('\u{1}') && !text.contains('\u{7}'), "{name}");
        render(name, &file.bytes);
        assert!(!name.contains(".."), "{name}");
    }
    let files = plans(&path, 30.0);
    let overview = String::from_utf8(files[0].bytes.clone()).expect("UTF-8");
    assert!(overview.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(files.iter().any(|f| f.name == "beats/01-etc-passwd.svg"));
}

#[test]
fn plans_are_byte_identical_on_a_rerun() {
    let path = repo("scenes/we-cry-together.ron");
    assert_eq!(plans(&path, 200.0), plans(&path, 200.0));
}

#[test]
fn plan_writes_into_the_scene_folder_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let out_text = out.display().to_string();
    let assert = oner(&["plan", "scenes/tutorial.ron", "-o", &out_text])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for name in [
        "plan.svg",
        "beats/01-coffee.svg",
        "beats/02-the-news.svg",
        "contact-sheet.svg",
    ] {
        assert!(out.join(name).is_file(), "{name} missing");
        assert!(
            stdout.contains(name),
            "stdout does not name {name}: {stdout}"
        );
    }
    let first = std::fs::read(out.join("plan.svg")).expect("plan");
    oner(&["plan", "scenes/tutorial.ron", "-o", &out_text])
        .assert()
        .success();
    assert_eq!(first, std::fs::read(out.join("plan.svg")).expect("plan"));

    oner(&[
        "plan",
        "scenes/tutorial.ron",
        "-o",
        &out_text,
        "--at",
        "0:20.5",
    ])
    .assert()
    .success();
    assert!(out.join("at-0m20-5s.svg").is_file());
}

#[test]
fn plan_refuses_bad_times_and_missing_files() {
    oner(&[
        "plan",
        "scenes/tutorial.ron",
        "--at",
        "soon",
        "-o",
        "/nonexistent-oner",
    ])
    .assert()
    .code(2);
    oner(&[
        "plan",
        "scenes/tutorial.ron",
        "--at",
        "9:00",
        "-o",
        "/nonexistent-oner",
    ])
    .assert()
    .code(2);
    oner(&["plan", "no-such-scene.ron"]).assert().code(2);
}

/// The first line where `actual` and `expected` differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            let cut = |s: Option<&str>| {
                s.map_or("<end of file>".to_string(), |s| {
                    s.chars().take(160).collect::<String>()
                })
            };
            return format!(
                "line {}:\n  expected: {}\n  actual:   {}",
                i + 1,
                cut(x),
                cut(y)
            );
        }
    }
    "same lines, different bytes (line endings?)".into()
}

#[test]
fn tutorial_plans_match_the_golden_files() {
    let golden = repo("tests/golden/plan/tutorial");
    let bless = std::env::var_os("ONER_BLESS").is_some_and(|v| v == "1");
    let files = plans(&repo("scenes/tutorial.ron"), 30.0);
    let mut failures = Vec::new();
    for file in &files {
        let path = golden.join(&file.name);
        if bless {
            oner::output::write_atomic(&path, &file.bytes).expect("write golden");
            continue;
        }
        let actual = String::from_utf8_lossy(&file.bytes);
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{} differs from the golden file at {}",
                file.name,
                first_difference(&expected, &actual)
            )),
            Err(_) => failures.push(format!("{} has no golden file", file.name)),
        }
    }
    // A golden file nothing makes any more is stale.
    let made: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for entry in walk(&golden) {
        let name = entry
            .strip_prefix(&golden)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if !made.contains(&name.as_str()) {
            if bless {
                std::fs::remove_file(&entry).expect("remove stale golden");
            } else {
                failures.push(format!("golden file {name} is no longer made"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, re-accept with: ONER_BLESS=1 cargo test plan",
        failures.join("\n\n")
    );
}

/// Files under `dir`, recursively, sorted.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn nothing_is_cut_from_the_title_block() {
    for scene_path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let scene = load(&repo(scene_path));
        let sim = oner::sim::Simulation::new(&scene);
        let files = oner::plan::build_files(&scene, &sim);
        let all: String = files
            .iter()
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
            .collect();
        assert!(!all.contains("… and"), "{scene_path}: a list cut short");
        assert!(
            !all.contains("…\n</text>"),
            "{scene_path}: text cut with an ellipsis"
        );
        // Every sentence of every beat's "What happens" is on one of that beat's sheets.
        let crowd = oner::plan::crowd::Crowd::of(&scene);
        for span in oner::plan::spans(&scene) {
            let name = oner::plan::beat_file_name(&span);
            let stem = name.trim_end_matches(".svg");
            let sheets: String = files
                .iter()
                .filter(|f| f.name == name || f.name.starts_with(&format!("{stem}-")))
                .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
                .collect();
            for (_, line) in oner::plan::story::happenings(&scene, &sim, span.from, span.to, &crowd)
            {
                let first_words: String = oner::escape::xml(&line).chars().take(24).collect();
                assert!(sheets.contains(&first_words), "{name}: {line:?} is missing");
            }
        }
        // The scene's notes appear in full (their last words are on the sheet).
        let notes = oner::escape::xml(&oner::plan::style::clean(&scene.notes));
        let last = notes.split(' ').next_back().unwrap_or_default();
        assert!(all.contains(last), "{scene_path}: the notes end {last:?}");
    }
}

#[test]
fn plans_are_drawn_at_a_standard_scale_and_true_size() {
    let scene = load(&repo("scenes/we-cry-together.ron"));
    let sim = oner::sim::Simulation::new(&scene);
    let plan = String::from_utf8(oner::plan::overview(&scene, &sim)).expect("UTF-8");
    assert!(plan.contains("width=\"297mm\"") && plan.contains("viewBox=\"0 0 297 210\""));
    assert!(
        plan.contains("\n1:100\n"),
        "the largest standard scale that fits"
    );
    assert!(plan.contains("class=\"north\""));
    let at_50 = oner::plan::build_files_at(&scene, &sim, Some(200));
    assert!(String::from_utf8_lossy(&at_50[0].bytes).contains("\n1:200\n"));
    assert!(oner::plan::sheets::scale_problem(&scene, &sim, 25).is_some());
    assert!(oner::plan::sheets::scale_problem(&scene, &sim, 100).is_none());
}

#[test]
fn plan_refuses_a_scale_the_sheet_cannot_hold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().display().to_string();
    let result = oner(&[
        "plan",
        "scenes/we-cry-together.ron",
        "--scale",
        "1:25",
        "-o",
        &out,
    ])
    .output()
    .expect("runs");
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("1:100 fits"), "{stderr}");
    let bad = oner(&["plan", "scenes/we-cry-together.ron", "--scale", "1:33"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_camera_side_arrow_follows_where_the_camera_looks() {
    let scene = load(&repo("scenes/tutorial.ron"));
    let sim = oner::sim::Simulation::new(&scene);
    let plan = String::from_utf8(oner::plan::overview(&scene, &sim)).expect("UTF-8");
    assert!(plan.contains("class=\"camera-side\""));
    assert!(plan.contains(">\nCAM\n</text>"));
    // At one moment the arrow is the camera's facing then, to the nearest eighth of a turn.
    let t = oner::time::Time::from_seconds(20.0).expect("a time");
    let f = sim.facing(scene.cameras().next().expect("a camera"), t);
    let side = oner::plan::camera_side::camera_side(&scene, &sim, t, t).expect("a side");
    let gap = (side - f.y.atan2(f.x) + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
        - std::f64::consts::PI;
    assert!(
        gap.abs() <= std::f64::consts::FRAC_PI_8 + 1e-9,
        "{side} vs {f:?}"
    );
    // Over the whole take the tutorial's camera looks mostly one way, so the plan has a side.
    let whole =
        oner::plan::camera_side::camera_side(&scene, &sim, oner::time::Time::ZERO, scene.length);
    assert!(
        whole.is_some(),
        "the tutorial's camera looks mostly one way"
    );
}
