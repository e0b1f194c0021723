//! The gallery of study reconstructions: every bundled scene but the tutorial says it is a
//! study reconstruction and lists its sources, and every bundled scene checks clean with
//! `--deny-warnings`.

use crate::common::{load_scene, oner, repo};
use oner::gallery::StudyLabel;

/// Every `scenes/*.ron`, sorted.
fn scenes() -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(repo("scenes"))
        .expect("scenes/ is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .map(|name| format!("scenes/{name}"))
        .collect();
    found.sort();
    found
}

#[test]
fn the_gallery_holds_the_study_reconstructions() {
    let found = scenes();
    for expected in [
        "scenes/goodfellas-copacabana.ron",
        "scenes/russian-ark-ball.ron",
        "scenes/touch-of-evil.ron",
        "scenes/tutorial.ron",
        "scenes/we-cry-together.ron",
    ] {
        assert!(found.iter().any(|s| s == expected), "{expected} is missing");
    }
}

#[test]
fn every_scene_but_the_tutorial_is_labelled_and_lists_dated_sources() {
    for path in scenes().iter().filter(|p| *p != "scenes/tutorial.ron") {
        let scene = load_scene(path);
        let label = StudyLabel::of(&scene.notes);
        assert!(
            label.problems().is_empty(),
            "{path}: {}",
            label.problems().join("; ")
        );
        assert!(
            label.sources.as_ref().is_some_and(|s| s.len() >= 2),
            "{path}: a study reconstruction lists at least two sources"
        );
    }
}

#[test]
fn every_scene_checks_clean_with_deny_warnings() {
    for path in scenes() {
        let out = oner(&["check", "--deny-warnings", &path])
            .output()
            .expect("oner runs");
        assert!(
            out.status.success(),
            "{path} is not clean:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn an_unlabelled_or_unsourced_copy_of_a_gallery_scene_is_caught() {
    let scene = load_scene("scenes/goodfellas-copacabana.ron");
    let unlabelled = scene
        .notes
        .replace("Study reconstruction", "Reconstruction");
    assert!(!StudyLabel::of(&unlabelled).problems().is_empty());
    let cut = scene.notes.find("Sources:").expect("a sources block");
    assert!(!StudyLabel::of(&scene.notes[..cut]).problems().is_empty());
}

#[test]
fn oner_gallery_lists_the_built_scenes_and_leaves_out_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().to_string_lossy().into_owned();
    oner(&[
        "build",
        "scenes/touch-of-evil.ron",
        "-o",
        &format!("{out}/touch-of-evil"),
    ])
    .assert()
    .success();
    let run = oner(&[
        "gallery",
        "scenes/touch-of-evil.ron",
        "scenes/tutorial.ron",
        "-o",
        &out,
    ])
    .output()
    .expect("oner runs");
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("tutorial.ron: not built"), "{stderr}");
    assert!(stderr.contains("(1 scene)"), "{stderr}");
    let page = std::fs::read_to_string(dir.path().join("index.html")).expect("index.html");
    assert!(page.contains("href=\"touch-of-evil/index.html\""));
    assert!(page.contains("src=\"touch-of-evil/plan.svg\""));
    assert!(page.contains("crane (7 m arm), 25 mm"));
    assert!(page.contains("study reconstruction · 5 sources"));
    assert!(!page.contains("tutorial/index.html"));
}

#[test]
fn oner_at_tells_where_the_crane_arm_stands() {
    let text = oner(&["at", "scenes/touch-of-evil.ron", "0:30"])
        .output()
        .expect("oner runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("crane: lens at 5.4 m; the 7 m arm reaches 5.81 m across, the head is 2.83 m from Crane base and grips"),
        "{text}"
    );
    let json = oner(&["at", "scenes/touch-of-evil.ron", "0:30", "--format", "json"])
        .output()
        .expect("oner runs");
    let json = String::from_utf8_lossy(&json.stdout);
    assert!(json.contains("\"lens_height_m\": 5.4"), "{json}");
    // A Steadicam has no arm, and its JSON no `crane` key.
    let steadicam = oner(&[
        "at",
        "scenes/goodfellas-copacabana.ron",
        "1:38",
        "--format",
        "json",
    ])
    .output()
    .expect("oner runs");
    assert!(!String::from_utf8_lossy(&steadicam.stdout).contains("\"crane\""));
}
