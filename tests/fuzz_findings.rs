//! Inputs the fuzz targets in `fuzz/` found, shrunk with `cargo fuzz tmin`, kept here so
//! they stay fixed without a nightly toolchain.

use oner::source::SourceFile;

fn scene_with_length(length: &str) -> String {
    format!(
        r##"Scene(title: "Long", frame_rate: 30, length: "{length}",
      set: (rooms: {{ "r": (name: "R", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)) }},
            marks: {{ "m": (room: "r", at: (2.0, 2.0)) }}),
      cast: {{ "a": (name: "A", colour: "#ff0000", starts_at: "m") }},
    )"##
    )
}

/// `time`: `24:59:59.99` passed every field's range, but at 30 fps it is the timecode
/// `25:00:00:00`, which cannot be read back. A day is the limit: a clear error past it,
/// and the longest take prints as timecode that reads back.
#[test]
fn a_time_past_a_day_is_an_error_and_a_day_prints_as_timecode_that_reads_back() {
    let file = SourceFile::new("long.ron", scene_with_length("24:59:59.99"));
    let diagnostics = oner::check::check_source(&file, &[]).expect("no rule options");
    assert!(
        diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.contains("more than 24 hours")),
        "{diagnostics:#?}"
    );

    let scene = crate::common::load_scene_text("day.ron", &scene_with_length("24:00:00"));
    let timecode = scene.length.smpte(scene.frame_rate);
    assert_eq!(timecode, "24:00:00:00");
    assert_eq!(
        oner::time::parse(&timecode, scene.frame_rate),
        Ok(scene.length)
    );
}

/// The cast's `a` and `grips` grips all starting on mark `m`, the camera off to a side.
fn crowd_on_one_mark(grips: usize) -> SourceFile {
    let crew: String = (0..grips)
        .map(|i| format!(r#""grip-{i}": (role: Boom, starts_at: "m"), "#))
        .collect();
    let text = format!(
        r##"Scene(title: "Crowd", frame_rate: 24, length: "0:10",
      set: (rooms: {{ "r": (name: "R", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)) }},
            marks: {{ "m": (room: "r", at: (2.0, 2.0)), "c": (room: "r", at: (0.5, 0.5)) }}),
      cast: {{ "a": (name: "A", colour: "#ff0000", starts_at: "m") }},
      crew: {{ {crew} "cam": (role: Camera(rig: Steadicam, lens_mm: 32.0), starts_at: "c", facing: "m") }},
    )"##
    );
    SourceFile::new("crowd.ron", text)
}

/// `check`: the S013 fixture with one grip erased starts 686 grips and the cast on one mark.
/// Every pair collided (235,000 M007 reports, each rendered by the fuzz target): ten seconds
/// for one input. Now a crowd on a mark is one report, and no code shows more than its first
/// hundred.
#[test]
fn a_crowd_on_one_mark_is_one_report_and_no_code_floods_the_output() {
    let file = crowd_on_one_mark(999);
    let diagnostics = oner::check::check_source(&file, &[]).expect("no rule options");
    let collisions: Vec<_> = diagnostics.iter().filter(|d| d.code == "M007").collect();
    assert_eq!(collisions.len(), 1, "{collisions:#?}");
    assert!(
        collisions[0].message.starts_with(
            "1000 people are in one another's way in `r` from 0:00.0 to 0:10.0: `a`, `grip-0`, `grip-1` and 997 more"
        ),
        "{}",
        collisions[0].message
    );
    // 999 grips in shot: the first 100 and one line for the other 899.
    let in_shot: Vec<_> = diagnostics.iter().filter(|d| d.code == "K003").collect();
    assert_eq!(in_shot.len(), 101, "{:#?}", &in_shot[..3]);
    assert_eq!(
        in_shot[100].message,
        "899 more K003 diagnostics not shown (999 in all)"
    );
    assert!(in_shot[100].is_error());

    // Asked for all of them, every one is there.
    let all = oner::check::check_source_showing(&file, &[], 0).expect("no rule options");
    assert_eq!(all.iter().filter(|d| d.code == "K003").count(), 999);

    // Three on one mark are still three pairs, each its own report.
    let three = oner::check::check_source(&crowd_on_one_mark(2), &[]).expect("no rule options");
    let pairs: Vec<&str> = three
        .iter()
        .filter(|d| d.code == "M007")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(pairs.len(), 3, "{pairs:#?}");
    assert!(pairs.iter().all(|m| m.contains("same spot")), "{pairs:#?}");
}
