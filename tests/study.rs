//! The study pack: `oner timeline`, `oner graph` and `oner stats`. SVG parses and renders,
//! scene text is escaped everywhere (SVG and DOT), output is the same on every run, the
//! tutorial matches its golden files (ONER_BLESS=1 re-accepts them) and snapshots
//! (INSTA_UPDATE=always), and the numbers of a tiny scene match ones worked out by hand.

mod dot_syntax;
mod scenes;

use crate::common::{count_near, oner, repo, scene_file};
use oner::model::Scene;
use oner::output::OutputFile;
use oner::sim::Simulation;
use oner::study;
use std::path::Path;

fn load_text(name: &str, text: &str) -> Scene {
    crate::common::load_scene_text(name, text)
}

fn load(path: &str) -> Scene {
    crate::common::load_scene(path)
}

fn files(scene: &Scene) -> Vec<OutputFile> {
    study::build_files(scene, &Simulation::new(scene))
}

fn file<'a>(files: &'a [OutputFile], name: &str) -> &'a str {
    let f = files
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    std::str::from_utf8(&f.bytes).expect("UTF-8")
}

/// Parses with usvg and renders 800 px wide; returns the RGBA pixels.
fn render(name: &str, svg: &str) -> Vec<u8> {
    crate::common::render_svg(name, svg.as_bytes(), 800).0
}

/// Renders and checks the drawing is far from blank.
fn assert_drawn(name: &str, svg: &str) {
    let pixels = render(name, svg);
    let total = pixels.len() / 4;
    let white = count_near(&pixels, [255, 255, 255], 2);
    assert!(
        (total - white) * 20 > total,
        "{name}: almost blank ({} of {total} px inked)",
        total - white
    );
}

#[test]
fn study_drawings_of_the_bundled_scenes_parse_and_render() {
    for path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let scene = load(path);
        let files = files(&scene);
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "timeline.svg",
                "graph.svg",
                "graph.dot",
                "stats.json",
                "stats.txt"
            ]
        );
        for name in ["timeline.svg", "graph.svg"] {
            assert_drawn(&format!("{path}: {name}"), file(&files, name));
        }
        dot_syntax::parse(file(&files, "graph.dot"))
            .unwrap_or_else(|e| panic!("{path}: graph.dot: {e}"));
    }
}

#[test]
fn the_timeline_draws_each_performer_in_their_colour() {
    let scene = load("scenes/tutorial.ron");
    let pixels = render("timeline", file(&files(&scene), "timeline.svg"));
    // Ana is #d1495b and Ben #00798c in the tutorial.
    assert!(count_near(&pixels, [0xd1, 0x49, 0x5b], 10) > 300);
    assert!(count_near(&pixels, [0x00, 0x79, 0x8c], 10) > 300);
}

#[test]
fn crowded_takes_thin_out_and_then_aggregate() {
    let crowd = load_text("crowd", &scenes::crowd(24, 8));
    let svg = study::timeline_chart::render(&crowd, &Simulation::new(&crowd));
    assert_drawn("crowd timeline", &svg);
    // One line per person (halo and stroke), the camera's rail on top.
    assert!(svg.contains("cast in colour, crew in grey"));
    assert!(svg.matches("<title>Person ").count() >= 24);

    let mob = load_text("mob", &scenes::crowd(60, 10));
    let sim = Simulation::new(&mob);
    let svg = study::timeline_chart::render(&mob, &sim);
    assert_drawn("mob timeline", &svg);
    assert!(svg.contains("shaded by how many people"));
    assert!(!svg.contains("<title>Person "), "no per-person lines");
    assert!(svg.contains("<title>Camera (camera, steadicam)</title>"));
    assert!(
        svg.len() < 400_000,
        "aggregate chart is {} bytes",
        svg.len()
    );
    let graph = study::set_graph::svg(&mob, &sim);
    assert_drawn("mob graph", &graph);
    dot_syntax::parse(&study::set_graph::dot_text(&mob, &sim)).expect("mob graph.dot");
}

#[test]
fn scene_text_is_escaped_in_svg_and_dot() {
    let scene = load_text("hostile", scenes::HOSTILE);
    let files = files(&scene);
    for name in ["timeline.svg", "graph.svg"] {
        let svg = file(&files, name);
        assert!(!svg.contains("<script"), "{name} has a script element");
        assert!(!svg.contains("<b>"), "{name} has markup from the scene");
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text().map(str::to_string))
            .collect();
        // The text reads back exactly as written in the scene.
        assert!(
            texts
                .iter()
                .any(|t| t.contains("</text><script>alert(1)</script>")),
            "{name}: title not found as text"
        );
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != "script"),
            "{name}"
        );
        assert_drawn(name, svg);
    }
    let timeline = file(&files, "timeline.svg");
    assert!(timeline.contains("&lt;/title&gt;&lt;script&gt;alert(2)"));

    let dot = dot_syntax::parse(file(&files, "graph.dot")).expect("hostile graph.dot");
    let living = dot
        .nodes
        .get("liv\"ing\\N")
        .expect("room id survives quoting");
    assert_eq!(
        living.get("label").map(String::as_str),
        Some("\"quoted\" & ampersand </text>")
    );
    assert!(dot.nodes.contains_key("k]; node [x"));
    assert_eq!(dot.edges.len(), 1);
    let label = &dot.edges[0].2["label"];
    assert!(label.starts_with("Door \\\" -- \"x\" ]"), "{label}");
    // Graphviz reads `\N` as "the node's name": scene text must not produce one.
    assert!(!file(&files, "graph.dot").contains("ing\\N\""));

    let stats = file(&files, "stats.txt");
    assert!(
        stats.starts_with("</text><script>"),
        "plain text stays plain"
    );
    let json: serde_json::Value = serde_json::from_str(file(&files, "stats.json")).expect("JSON");
    assert_eq!(
        json["people"][0]["name"],
        "</title><script>alert(2)</script>"
    );
}

#[test]
fn study_files_are_the_same_on_every_run() {
    for path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let first = files(&load(path));
        let second = files(&load(path));
        assert_eq!(first, second, "{path}");
    }
    let a = scenes::crowd(50, 5);
    let (x, y) = (load_text("a", &a), load_text("b", &a));
    assert_eq!(files(&x), files(&y));
}

/// Compares with `tests/golden/study/<scene>/<name>`; ONER_BLESS=1 writes them instead.
fn golden(scene: &str, name: &str, actual: &str) {
    crate::common::assert_golden(&repo(&format!("tests/golden/study/{scene}/{name}")), actual);
}

#[test]
fn the_tutorial_matches_its_golden_files() {
    let files = files(&load("scenes/tutorial.ron"));
    for name in ["timeline.svg", "graph.svg", "graph.dot"] {
        golden("tutorial", name, file(&files, name));
    }
}

#[test]
fn the_tutorial_statistics_snapshot() {
    let files = files(&load("scenes/tutorial.ron"));
    insta::assert_snapshot!("study-stats-tutorial-table", file(&files, "stats.txt"));
    insta::assert_snapshot!("study-stats-tutorial-json", file(&files, "stats.json"));
}

#[test]
fn statistics_of_a_tiny_scene_match_the_hand_worked_numbers() {
    let scene = load_text("tiny", scenes::TINY);
    let sim = Simulation::new(&scene);
    let stats = study::stats::Stats::of(&scene, &sim);
    let walt = &stats.people[0];
    assert_eq!(walt.name, "Walt");
    assert_eq!(walt.distance_m, 6.0);
    assert_eq!(walt.top_speed_mps, 2.0);
    let rooms: Vec<(&str, f64)> = walt
        .rooms
        .iter()
        .map(|r| (r.room.as_str(), r.seconds))
        .collect();
    assert_eq!(rooms, [("west", 2.5), ("east", 7.5)]);
    // The camera looks along his line the whole take: every frame.
    assert_eq!(walt.on_camera_seconds, 10.0);
    assert_eq!(walt.on_camera_percent, 100.0);

    let cam = &stats.cameras[0];
    assert_eq!(cam.path_m, 0.5);
    assert_eq!(cam.top_speed_mps, Some(0.17));
    assert_eq!(cam.top_speed_at.as_deref(), Some("0:05.0"));
    assert_eq!(stats.people[1].distance_m, 0.5);

    let gap = &stats.doors[0];
    assert_eq!((gap.id.as_str(), gap.passages), ("gap", 1));
    let door = &stats.doors[1];
    assert_eq!(
        (door.passages, door.opens, door.slams, door.closes),
        (0, 1, 1, 0)
    );
    assert_eq!(stats.slams.len(), 1);
    assert_eq!(stats.slams[0].at, "0:07.0");

    // The cue sheet's list: LX 1 at 2, his entrance at 2.5 (SM), LX 2 at 3, the camera's
    // move at 5 (CAM), the slam at 7 (its sound, as no given cue lands on it, and SM),
    // SQ 1 at 9.
    let cues = &stats.cues;
    assert_eq!(cues.count, 7);
    assert_eq!(cues.called, 3);
    let per_dept: Vec<(&str, usize)> = cues
        .by_department
        .iter()
        .map(|d| (d.dept.as_str(), d.count))
        .collect();
    assert_eq!(per_dept, [("LX", 2), ("SQ", 2), ("CAM", 1), ("SM", 2)]);
    // Four stretches of 2 s tie (0–2, 3–5, 5–7, 7–9): the earliest wins.
    assert_eq!(
        (
            cues.longest_without_cue.from_seconds,
            cues.longest_without_cue.to_seconds
        ),
        (0.0, 2.0)
    );
    assert_eq!(cues.busiest_ten_seconds.from_seconds, 2.0);
    assert_eq!(cues.busiest_ten_seconds.count, 7);
    assert_eq!(
        cues.busiest_ten_seconds.cues,
        ["LX 1", "SM 1", "LX 2", "CAM 1", "SQ 0.1", "SM 2", "SQ 1"]
    );

    let rooms: Vec<(&str, f64)> = stats
        .rooms
        .iter()
        .map(|r| (r.id.as_str(), r.occupied_seconds))
        .collect();
    assert_eq!(rooms, [("west", 2.5), ("east", 10.0)]);

    let whereabouts = oner::sim::Whereabouts::of(&sim);
    assert_eq!(whereabouts.passages.len(), 1);
    assert_eq!(whereabouts.passages[0].at.seconds(), 2.5);
}

#[test]
fn walks_cut_short_or_past_the_end_count_only_what_is_walked() {
    let scene = load_text("cut short", scenes::CUT_SHORT);
    let sim = Simulation::new(&scene);
    let stats = study::stats::Stats::of(&scene, &sim);
    let walt = &stats.people[0];
    assert_eq!(walt.distance_m, 6.75);
    assert_eq!(walt.top_speed_mps, 1.0);
    let rooms: Vec<(&str, f64)> = walt
        .rooms
        .iter()
        .map(|r| (r.room.as_str(), r.seconds))
        .collect();
    assert_eq!(rooms, [("west", 10.0)]);
    assert_eq!(stats.doors[0].passages, 0);
    // No camera, no cues: the whole take is one gap, and nothing is busy.
    assert!(stats.cameras.is_empty());
    assert_eq!(stats.cues.longest_without_cue.seconds, 10.0);
    assert_eq!(stats.cues.busiest_ten_seconds.count, 0);
    let files = study::build_files(&scene, &sim);
    assert!(file(&files, "stats.txt").contains("no camera in this scene"));
    for name in ["timeline.svg", "graph.svg"] {
        assert_drawn(name, file(&files, name));
    }
}

#[test]
fn rooms_over_time_agree_with_the_simulation() {
    for path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let scene = load(path);
        let sim = Simulation::new(&scene);
        let whereabouts = oner::sim::Whereabouts::of(&sim);
        for (p, stays) in whereabouts.stays.iter().enumerate() {
            let who = oner::model::PersonId::from_index(p);
            assert_eq!(stays.first().map(|s| s.from.seconds()), Some(0.0));
            assert_eq!(stays.last().map(|s| s.to), Some(scene.length));
            assert!(stays.windows(2).all(|w| w[0].to == w[1].from));
            // Away from a doorway, the chart's room is where the simulation puts them.
            let mut t = 0.0;
            while t <= scene.length.seconds() {
                let at = oner::time::Time::from_seconds(t).expect("time");
                let near_door = whereabouts
                    .passages
                    .iter()
                    .any(|x| x.who == who && (x.at.seconds() - t).abs() < 1.0);
                if !near_door {
                    assert_eq!(
                        whereabouts.room_at(who, at),
                        sim.room_of(who, at),
                        "{path}: person {p} at {t}"
                    );
                }
                t += 0.5;
            }
        }
    }
}

#[test]
fn the_study_scene_tells_where_the_fight_goes() {
    let scene = load("scenes/we-cry-together.ron");
    let sim = Simulation::new(&scene);
    let whereabouts = oner::sim::Whereabouts::of(&sim);
    let room = |who: &str, at: &str| {
        let p = scene.person_by_id(who).expect("person");
        let t = oner::time::parse(at, scene.frame_rate).expect("time");
        whereabouts
            .room_at(p, t)
            .map(|r| scene.room(r).id.clone())
            .unwrap_or_default()
    };
    assert_eq!(room("her", "0:30"), "kitchen");
    assert_eq!(room("her", "1:40"), "landing");
    assert_eq!(room("her", "3:20"), "bathroom");
    assert_eq!(room("him", "4:40"), "living");
    assert_eq!(room("cam", "6:05"), "stage");
}

#[test]
fn the_commands_write_where_they_are_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tutorial = repo("scenes/tutorial.ron");
    let tutorial = tutorial.to_str().expect("path");

    // Default: the scene's output folder under the working directory.
    let out = oner(&["timeline", tutorial])
        .current_dir(dir.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let written = dir.path().join("output/tutorial/timeline.svg");
    assert!(written.is_file());
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote output/tutorial/timeline.svg"));

    // A file path.
    let target = dir.path().join("g.svg");
    oner(&["graph", tutorial, "-o", target.to_str().expect("path")])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&target)
            .expect("g.svg")
            .starts_with("<?xml")
    );

    // A folder: the default name inside it.
    oner(&[
        "graph",
        "--format",
        "dot",
        tutorial,
        "-o",
        dir.path().to_str().expect("path"),
    ])
    .assert()
    .success();
    let dot = std::fs::read_to_string(dir.path().join("graph.dot")).expect("graph.dot");
    dot_syntax::parse(&dot).expect("graph.dot from the CLI");

    // Standard output.
    let out = oner(&["graph", "--format", "dot", tutorial, "-o", "-"])
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), dot);

    // Stats print by default, and write a file with -o.
    let out = oner(&["stats", "--format", "json", tutorial])
        .output()
        .expect("run");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["title"], "Tutorial: Coffee");
    let folder = format!("{}/", dir.path().join("stats").display());
    oner(&["stats", tutorial, "-o", &folder]).assert().success();
    let table = std::fs::read_to_string(dir.path().join("stats/stats.txt")).expect("stats.txt");
    assert!(table.contains("TIME PER ROOM"));

    // A missing scene is a usage error.
    oner(&["stats", "no/such/scene.ron"]).assert().code(2);
    let (_keep, broken) = scene_file("broken.ron", "(title: ");
    oner(&["timeline", broken.to_str().expect("path")])
        .assert()
        .code(1);
    assert!(!Path::new("output/broken").exists());
}

#[test]
fn the_timeline_cuts_no_prop_place_and_notes_what_does_not_fit() {
    for path in ["scenes/we-cry-together.ron", "scenes/tutorial.ron"] {
        let scene = load(path);
        let files = files(&scene);
        let svg = file(&files, "timeline.svg");
        let doc = roxmltree::Document::parse(svg).expect("timeline parses");
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert!(
            texts.iter().all(|t| !t.contains('…')),
            "{path}: a label is cut: {texts:?}"
        );
        let notes: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("prop-note"))
            .filter_map(|n| n.text())
            .collect();
        // Every note is numbered from 1, and its number stands on the rows above.
        for (k, note) in notes.iter().enumerate() {
            let number = (k + 1).to_string();
            assert!(note.starts_with(&format!("{number} ")), "{path}: {note}");
            assert!(texts.contains(&number.as_str()), "{path}: no mark {number}");
        }
        if path.contains("we-cry") {
            // Her car keys lie on the sofa for seven seconds: too short for the words.
            assert!(
                notes
                    .iter()
                    .any(|n| n.contains("Her car keys, 1:18.0–1:25.0: on the sofa")),
                "{notes:?}"
            );
        }
    }
}
