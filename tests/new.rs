//! `oner new`: every scene it writes checks clean with `--deny-warnings`; it never
//! overwrites a file and refuses names that would leave the folder; docs/format.md shows
//! exactly what it writes.

use crate::common::{oner, read, repo};

/// Runs `oner new ARGS -o DIR/out.ron` and returns the file's path.
fn new_scene(dir: &std::path::Path, file: &str, args: &[&str]) -> std::path::PathBuf {
    let path = dir.join(file);
    let mut all = vec!["new"];
    all.extend(args);
    all.extend(["-o", path.to_str().expect("UTF-8 temp path")]);
    oner(&all).assert().code(0);
    path
}

#[test]
fn every_variant_checks_clean_with_deny_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let twenty: Vec<String> = (1..=20).map(|i| format!("room-{i}")).collect();
    let twenty = twenty.join(",");
    let variants: Vec<(&str, Vec<&str>)> = vec![
        ("default.ron", vec!["home"]),
        ("two.ron", vec!["walk", "--rooms", "kitchen,hall"]),
        ("three.ron", vec!["walk", "--rooms", "kitchen,hall,bedroom"]),
        (
            "odd-names.ron",
            vec!["Act_2-Scene_3", "--rooms", "A,b_2,C-3,4"],
        ),
        ("twenty.ron", vec!["long-walk", "--rooms", &twenty]),
    ];
    for (file, args) in variants {
        let path = new_scene(dir.path(), file, &args);
        let text = read(&path);
        assert!(text.contains("// "), "{file} is commented");
        oner(&["check", "--deny-warnings", path.to_str().expect("path")])
            .assert()
            .code(0);
        // Clean by every rule, warnings and allowed ones alike: not one diagnostic.
        let out = oner(&["check", "--format", "json", path.to_str().expect("path")])
            .output()
            .expect("run");
        assert!(
            out.stdout.is_empty(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(
            oner::fmt::format(&text).as_deref(),
            Ok(text.as_str()),
            "{file} is laid out as oner fmt would"
        );
        let scene = crate::common::load_scene_text(file, &text);
        assert_eq!(scene.beats.len(), 1, "{file}: a beat");
    }
}

#[test]
fn it_never_overwrites_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, "my own work").expect("write");
    let out = oner(&["new", "mine", "-o", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(read(&path), "my own work");
}

#[test]
fn the_default_path_is_scenes_name_ron() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = assert_cmd::Command::cargo_bin("oner").expect("binary");
    cmd.current_dir(dir.path())
        .args(["new", "first-take"])
        .assert()
        .code(0);
    assert!(dir.path().join("scenes/first-take.ron").is_file());
}

#[test]
fn names_that_could_leave_the_folder_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    for bad in ["../escape", "a/b", "/abs", "..", "sp ace", "quo\"te", ""] {
        let mut cmd = assert_cmd::Command::cargo_bin("oner").expect("binary");
        cmd.current_dir(dir.path())
            .args(["new", bad])
            .assert()
            .code(2);
    }
    for bad_rooms in ["solo", "a,a", "a,../b", "a,"] {
        let mut cmd = assert_cmd::Command::cargo_bin("oner").expect("binary");
        cmd.current_dir(dir.path())
            .args(["new", "x", "--rooms", bad_rooms])
            .assert()
            .code(2);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("read").collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
    assert!(
        !dir.path()
            .parent()
            .expect("parent")
            .join("escape.ron")
            .exists()
    );
}

/// docs/format.md's "Starting a new scene" shows the default scene whole; it must be what
/// `oner new example` writes, so the line-by-line explanation cannot drift.
#[test]
fn the_docs_show_exactly_what_it_writes() {
    let docs = read(&repo("docs/format.md"));
    let section = docs
        .split("## Starting a new scene")
        .nth(1)
        .expect("docs/format.md has a 'Starting a new scene' section");
    let shown = section
        .split("```ron\n")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .expect("the section shows the scene in a ron block");
    let written = oner::scaffold::default_scene("example").expect("valid name");
    assert_eq!(
        shown, written,
        "docs/format.md differs from `oner new example`"
    );
}
