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
