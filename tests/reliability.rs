//! Reliability: no panic on any input, on any output failure; bounded work and output on
//! hostile sizes; terminal output that scene text cannot take over.

use crate::common::oner;

fn check_text(text: &str) -> Vec<oner::diagnostic::Diagnostic> {
    let file = oner::source::SourceFile::new("hostile.ron", text);
    oner::check::check_source(&file, &[]).expect("no rule levels to reject")
}

/// A scene whose references all point into empty collections: every unresolved handle
/// is a placeholder, and nothing may be built from one (issue 10.1: `rooms: {}` and a
/// door panicked in `SetGraph::new`).
#[test]
fn references_into_empty_collections_are_diagnostics_not_panics() {
    let door = r#"(id: "d", kind: Door, rooms: ("a", "b"), at: (1.0, 0.0), width: 0.9)"#;
    let cases = [
        format!(
            r##"Scene(title: "t", frame_rate: 24, length: "0:10", set: (rooms: {{}}, doors: [{door}]))"##
        ),
        format!(
            r##"Scene(title: "t", frame_rate: 24, length: "0:10", set: (rooms: {{}}, doors: [{door}],
            wild_walls: [(id: "w", from: (0.0, 0.0), to: (1.0, 0.0))],
            furniture: [(id: "f", room: "a", shape: Rect(x: 0.0, y: 0.0, w: 1.0, h: 1.0))],
            practicals: [(id: "p", room: "a", at: (0.5, 0.5))],
            marks: {{ "m": (room: "a", at: (0.5, 0.5)) }}),
            cast: {{ "ana": (name: "Ana", colour: "#d1495b", starts_at: "m") }},
            props: {{ "cup": (name: "Cup", starts: OnMark("nowhere")) }},
            timeline: [(at: "0:01", do: Move(who: "bob", to: "x")),
                       (at: "0:02", do: Door(door: "d", action: Open, by: "ana")),
                       (at: "0:03", do: Camera(frame: ["ana"]))])"##
        ),
        // One room, a door to a room that does not exist.
        format!(
            r##"Scene(title: "t", frame_rate: 24, length: "0:10", set: (rooms: {{
            "a": (name: "A", shape: Rect(x: 0.0, y: 0.0, w: 2.0, h: 2.0)) }}, doors: [{door}]))"##
        ),
        // Everything unresolved at once, with a bad frame rate and length.
        format!(
            r##"Scene(title: "t", frame_rate: 7, length: "x", set: (rooms: {{}}, doors: [{door}, {door}]),
            crew: {{ "cam": (role: Camera(rig: Steadicam), starts_at: "m") }})"##
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        let diagnostics = check_text(text);
        assert!(
            diagnostics.iter().any(|d| d.is_error()),
            "case {i} loaded: {diagnostics:#?}"
        );
        let file = oner::source::SourceFile::new("hostile.ron", text.as_str());
        assert!(oner::load::load(&file).scene.is_none(), "case {i}");
    }
    let (_dir, path) = crate::common::scene_file("empty-rooms.ron", &cases[0]);
    let out = oner(&["check", &path.to_string_lossy()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the set has no rooms"));
}
