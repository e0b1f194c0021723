//! A 24-hour take at 59.94 fps with 30 day-long on-camera lines: the hostile size for the
//! per-frame camera checks (5.2 million frames). Two rooms joined by an opening, thirty
//! performers in a row facing a camera that moves and reframes every hour, a boom
//! operator who hides in the next room, and a window onto the studio floor with a backing.

use std::fmt::Write;

pub const PERFORMERS: usize = 30;

pub fn scene() -> String {
    let mut s = String::from(
        "Scene(title: \"A day\", frame_rate: 59.94, length: \"24:00:00\", allow: [\"unused-mark\", \"unreachable-room\"],\n set: (\n\
  rooms: {\n\
   \"hall\": (name: \"Hall\", shape: Rect(x: 0.0, y: 0.0, w: 40.0, h: 20.0)),\n\
   \"side\": (name: \"Side room\", shape: Rect(x: 40.0, y: 0.0, w: 6.0, h: 20.0)),\n\
   \"stage\": (name: \"Studio floor\", shape: Rect(x: 0.0, y: 20.0, w: 46.0, h: 6.0), offstage: true),\n\
  },\n\
  doors: [\n\
   (id: \"arch\", kind: Opening, rooms: (\"hall\", \"side\"), at: (40.0, 3.0), width: 2.0),\n\
   (id: \"window\", kind: Window, rooms: (\"hall\", \"stage\"), at: (20.0, 20.0), width: 3.0),\n\
  ],\n\
  backings: [(id: \"drop\", covers: \"window\")],\n\
  marks: {\n\
   \"C1\": (room: \"hall\", at: (20.0, 2.0)),\n\
   \"C2\": (room: \"hall\", at: (21.0, 2.0)),\n\
   \"B1\": (room: \"side\", at: (44.0, 10.0)),\n",
    );
    for p in 0..PERFORMERS {
        let _ = writeln!(
            s,
            "   \"P{p}\": (room: \"hall\", at: ({}, 16.0)),",
            5.0 + p as f64
        );
    }
    s.push_str("  },\n ),\n cast: {\n");
    for p in 0..PERFORMERS {
        let _ = writeln!(
            s,
            "  \"p{p}\": (name: \"Performer {p}\", colour: \"#336699\", starts_at: \"P{p}\", radius: 0.2),"
        );
    }
    s.push_str(
        " },\n crew: {\n\
  \"cam\": (role: Camera(rig: Dolly, lens_mm: 10.0), starts_at: \"C1\", facing: \"P15\"),\n\
  \"boom\": (role: Boom, starts_at: \"B1\"),\n },\n timeline: [\n",
    );
    for p in 0..PERFORMERS {
        let _ = writeln!(
            s,
            "  (at: \"0:00:01\", do: Line(who: \"p{p}\", says: \"All day long\", until: \"23:59:00\")),"
        );
    }
    for hour in 1..24 {
        // Pairs either side of the middle of the row, so every performer stays in frame.
        let (a, b) = (14 - hour % 3, 15 + hour % 3);
        let _ = writeln!(
            s,
            "  (at: \"{hour}:00:00\", do: Camera(to: \"{}\", arrive: \"{hour}:00:20\", frame: [\"p{a}\", \"p{b}\"])),",
            if hour % 2 == 0 { "C1" } else { "C2" }
        );
    }
    s.push_str(" ],\n)\n");
    s
}
