//! `oner shots`: the shot list, one row per camera setup, in Markdown, CSV and PDF, with the
//! same setups the plans draw.

use crate::common::{oner, repo, scene_file};

fn stdout(args: &[&str]) -> String {
    let out = oner(args).output().expect("oner runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_shot_list_has_a_row_per_setup_in_time_order() {
    let md = stdout(&["shots", "scenes/we-cry-together.ron"]);
    assert!(md.starts_with("# We Cry Together — shot list"), "{md}");
    assert!(md.contains("| Setup | In | Out | Rig | Lens | Framing | Move | Notes |"));
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Setup"))
        .collect();
    assert_eq!(rows.len(), 10, "{md}");
    assert!(
        rows[0].starts_with("| 1 | 0:00 | 1:06 | steadicam | 24 mm |"),
        "{}",
        rows[0]
    );
    assert!(rows[9].contains("holds to the end"), "{}", rows[9]);
    // The plan shows the same setups in its camera key.
    let scene = crate::common::load_scene("scenes/we-cry-together.ron");
    let sim = oner::sim::Simulation::new(&scene);
    let plan = String::from_utf8(oner::plan::overview(&scene, &sim)).expect("UTF-8");
    assert!(plan.contains("CAMERA SETUPS") || plan.contains("Camera setups"));
    assert!(plan.contains("0:00–1:06"), "setup 1's times on the plan");
}

#[test]
fn csv_is_one_record_per_setup_with_seconds() {
    let csv = stdout(&["shots", "--format", "csv", "scenes/we-cry-together.ron"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "setup",
            "in",
            "out",
            "rig",
            "lens",
            "framing",
            "move",
            "notes",
            "in_seconds",
            "out_seconds"
        ]
    );
    let records: Vec<_> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 10);
    assert_eq!(&records[1][8], "73");
}

#[test]
fn scene_text_in_the_shot_list_is_defused_and_escaped() {
    let text = crate::common::read(&repo("scenes/tutorial.ron"))
        .replace("\"Ana\"", "\"=HYPERLINK(1)|<b>\"");
    let (_dir, path) = scene_file("hostile.ron", &text);
    let path = path.display().to_string();
    let csv = stdout(&["shots", "--format", "csv", &path]);
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    let md = stdout(&["shots", &path]);
    assert!(!md.contains("|<b>"), "{md}");
}

#[test]
fn the_pdf_is_written_and_parses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("shots.pdf");
    let out_arg = out.display().to_string();
    stdout(&[
        "shots",
        "--format",
        "pdf",
        "-o",
        &out_arg,
        "scenes/we-cry-together.ron",
    ]);
    let bytes = std::fs::read(&out).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF"));
    let doc = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    assert!(!doc.get_pages().is_empty());
}

#[test]
fn a_take_with_no_camera_says_so() {
    let scene = crate::common::load_scene("scenes/tutorial.ron");
    let sim = oner::sim::Simulation::new(&scene);
    let setups = oner::shots::setups(&scene, &sim);
    assert!(setups.iter().all(|s| s.time_in <= s.time_out));
    let md = oner::shots::markdown::render(&scene, &[]);
    assert!(md.contains("No camera in the scene."));
}
