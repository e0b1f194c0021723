//! Scenes written by the study tests: a tiny one with numbers worked out by hand, a hostile
//! one full of markup and quotes, and generated crowds.

use std::fmt::Write;

/// Two 5 × 4 m rooms side by side joined by an opening at (5, 2) and a door at (5, 3.4).
/// Walt walks from (2, 2) to (8, 2) between 0:01 and 0:04: 6 m in 3 s (2 m/s), through the
/// opening halfway, at 0:02.5. The camera stands at (9.5, 2) looking west along y = 2 (so it
/// always sees him), then drifts 0.5 m south between 0:05 and 0:08. Cues at 0:02, 0:03 and
/// 0:09 in a ten-second take.
pub const TINY: &str = r##"(
    title: "Tiny",
    frame_rate: 24,
    length: "0:10",
    set: (
        rooms: {
            "west": (name: "West", shape: Rect(x: 0.0, y: 0.0, w: 5.0, h: 4.0)),
            "east": (name: "East", shape: Rect(x: 5.0, y: 0.0, w: 5.0, h: 4.0)),
        },
        doors: [
            (id: "gap", name: "Gap", kind: Opening, rooms: ("west", "east"), at: (5.0, 2.0), width: 1.2),
            (id: "door", name: "Door", kind: Door, rooms: ("west", "east"), at: (5.0, 3.4), width: 0.8, state: Closed),
        ],
        marks: {
            "a": (room: "west", at: (2.0, 2.0)),
            "b": (room: "east", at: (8.0, 2.0)),
            "far-west": (room: "west", at: (0.5, 2.0)),
            "c1": (room: "east", at: (9.5, 2.0)),
            "c2": (room: "east", at: (9.5, 2.5)),
        },
    ),
    cast: {
        "walt": (name: "Walt", colour: "#c0392b", starts_at: "a"),
    },
    crew: {
        "cam": (name: "Cam", role: Camera(rig: Steadicam, lens_mm: 24.0), starts_at: "c1", facing: "far-west"),
    },
    timeline: [
        (at: "0:01", do: Move(who: "walt", to: "b", arrive: "0:04")),
        (at: "0:02", do: Cue(dept: Lighting, number: "1", what: "Up")),
        (at: "0:03", do: Cue(dept: Lighting, number: "2", what: "Brighter")),
        (at: "0:05", do: Camera(to: "c2", arrive: "0:08")),
        (at: "0:06", do: Door(door: "door", action: Open, by: "walt")),
        (at: "0:07", do: Door(door: "door", action: Slam, by: "walt")),
        (at: "0:09", do: Cue(dept: Sound, number: "1", what: "Bang")),
    ],
)
"##;

/// Markup, quotes, ampersands and backslashes in every piece of text the study pack shows,
/// including ids (which reach DOT).
pub const HOSTILE: &str = r##"(
    title: "</text><script>alert(1)</script> \"quoted\" & ampersand",
    frame_rate: 24,
    length: "0:20",
    set: (
        rooms: {
            "liv\"ing\\N": (name: "\"quoted\" & ampersand </text>", shape: Rect(x: 0.0, y: 0.0, w: 5.0, h: 4.0)),
            "k]; node [x": (name: "<b>Kitchen</b>", shape: Rect(x: 5.0, y: 0.0, w: 5.0, h: 4.0)),
        },
        doors: [
            (id: "d\"1", name: "Door \\\" -- \"x\" ]", kind: Door, rooms: ("liv\"ing\\N", "k]; node [x"), at: (5.0, 2.0), width: 0.9, state: Open),
        ],
        marks: {
            "a": (room: "liv\"ing\\N", at: (2.0, 2.0)),
            "b": (room: "k]; node [x", at: (8.0, 2.0)),
            "c": (room: "liv\"ing\\N", at: (1.0, 1.0)),
        },
    ),
    cast: {
        "x": (name: "</title><script>alert(2)</script>", colour: "#c0392b", starts_at: "a"),
    },
    crew: {
        "cam": (name: "Cam & \"Co\"", role: Camera(rig: Handheld, lens_mm: 24.0), starts_at: "c", facing: "a"),
    },
    props: {
        "p": (name: "<prop> & \"co\"", starts: OnMark("a")),
    },
    beats: [
        (at: "0:00", title: "<beat> & \"one\"", notes: "</title><script>alert(3)</script>"),
    ],
    timeline: [
        (at: "0:01", do: Take(who: "x", prop: "p")),
        (at: "0:02", do: Line(who: "x", says: "</text><script>alert(4)</script>", until: "0:04")),
        (at: "0:05", do: Move(who: "x", to: "b", arrive: "0:09")),
        (at: "0:10", do: Door(door: "d\"1", action: Slam, by: "x")),
        (at: "0:10", do: Cue(dept: Sound, number: "1<", what: "<slam> & \"bang\"", on_slam: "d\"1")),
    ],
)
"##;

/// A 3 × 3 grid of 5 m rooms joined by openings, `cast` performers and `crew` grips walking
/// from mark to mark all through a three-minute take, and a camera touring the rooms.
pub fn crowd(cast: usize, crew: usize) -> String {
    const W: usize = 3;
    let mut s = String::from(
        "(\n title: \"Crowd\",\n frame_rate: 24,\n length: \"3:00\",\n set: (\n  rooms: {\n",
    );
    for r in 0..W {
        for c in 0..W {
            let _ = writeln!(
                s,
                "   \"r{r}{c}\": (name: \"Room {r}{c}\", shape: Rect(x: {}.0, y: {}.0, w: 5.0, h: 5.0)),",
                c * 5,
                r * 5
            );
        }
    }
    s.push_str("  },\n  doors: [\n");
    for r in 0..W {
        for c in 0..W {
            if c + 1 < W {
                let _ = writeln!(
                    s,
                    "   (id: \"e{r}{c}\", kind: Opening, rooms: (\"r{r}{c}\", \"r{r}{}\"), at: ({}.0, {}.5), width: 1.2),",
                    c + 1,
                    (c + 1) * 5,
                    r * 5 + 2
                );
            }
            if r + 1 < W {
                let _ = writeln!(
                    s,
                    "   (id: \"s{r}{c}\", kind: Opening, rooms: (\"r{r}{c}\", \"r{}{c}\"), at: ({}.5, {}.0), width: 1.2),",
                    r + 1,
                    c * 5 + 2,
                    (r + 1) * 5
                );
            }
        }
    }
    s.push_str("  ],\n  marks: {\n");
    let mut marks = Vec::new();
    for r in 0..W {
        for c in 0..W {
            for k in 0..4 {
                let id = format!("m{r}{c}{k}");
                let _ = writeln!(
                    s,
                    "   \"{id}\": (room: \"r{r}{c}\", at: ({}.0, {}.0)),",
                    c * 5 + 1 + (k % 2) * 3,
                    r * 5 + 1 + (k / 2) * 3
                );
                marks.push(id);
            }
        }
    }
    s.push_str("  },\n ),\n cast: {\n");
    let colours = [
        "#c0392b", "#1f5fbf", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#f39c12",
    ];
    for i in 0..cast {
        let _ = writeln!(
            s,
            "  \"p{i}\": (name: \"Person {i}\", colour: \"{}\", starts_at: \"{}\"),",
            colours[i % colours.len()],
            marks[(i * 7) % marks.len()]
        );
    }
    s.push_str(" },\n crew: {\n");
    s.push_str(
        "  \"cam\": (name: \"Camera\", role: Camera(rig: Steadicam, lens_mm: 24.0), starts_at: \"m001\"),\n",
    );
    for i in 0..crew {
        let _ = writeln!(
            s,
            "  \"c{i}\": (name: \"Grip {i}\", role: Other(\"grip\"), starts_at: \"{}\"),",
            marks[(i * 5 + 3) % marks.len()]
        );
    }
    s.push_str(" },\n beats: [(at: \"0:00\", title: \"Start\"), (at: \"1:30\", title: \"Middle\")],\n timeline: [\n");
    let mut events: Vec<(usize, String)> = Vec::new();
    for i in 0..cast {
        let (mut t, mut k) = (2 + i % 10, i);
        while t < 170 {
            k = (k * 13 + 5) % marks.len();
            events.push((
                t,
                format!("Move(who: \"p{i}\", to: \"{}\", pace: Walk)", marks[k]),
            ));
            t += 15 + (i * 3) % 11;
        }
    }
    for i in 0..crew {
        let (mut t, mut k) = (5 + i, i);
        while t < 170 {
            k = (k * 7 + 3) % marks.len();
            events.push((
                t,
                format!("Move(who: \"c{i}\", to: \"{}\", pace: Walk)", marks[k]),
            ));
            t += 30;
        }
    }
    for (j, t) in (10..170).step_by(20).enumerate() {
        events.push((
            t,
            format!("Camera(to: \"{}\")", marks[(j * 9 + 4) % marks.len()]),
        ));
        events.push((
            t,
            format!(
                "Cue(dept: Lighting, number: \"{}\", what: \"State {}\")",
                j + 1,
                j + 1
            ),
        ));
    }
    events.sort_by_key(|e| e.0);
    for (t, action) in events {
        let _ = writeln!(s, "  (at: \"{}:{:02}\", do: {action}),", t / 60, t % 60);
    }
    s.push_str(" ],\n)\n");
    s
}

/// Walks cut short and walks past the end. Rooms as in [`TINY`]. From 0:01 Walt heads for
/// (8, 2), due at 0:07 (1 m/s), but at 0:03, 2 m along at (4, 2) and short of the opening, he
/// turns back to (1, 2), due at 0:06 (3 m). At 0:08 he sets off again for (8, 2), due at
/// 0:16 at 0.875 m/s (7 m), and the take ends at 0:10, 1.75 m later, before he reaches the
/// opening (at 0:12.6). So: 6.75 m walked, never through a door, all ten seconds in the west.
pub const CUT_SHORT: &str = r##"(
    title: "Cut short",
    frame_rate: 25,
    length: "0:10",
    set: (
        rooms: {
            "west": (name: "West", shape: Rect(x: 0.0, y: 0.0, w: 5.0, h: 4.0)),
            "east": (name: "East", shape: Rect(x: 5.0, y: 0.0, w: 5.0, h: 4.0)),
        },
        doors: [
            (id: "gap", name: "Gap", kind: Opening, rooms: ("west", "east"), at: (5.0, 2.0), width: 1.2),
        ],
        marks: {
            "a": (room: "west", at: (2.0, 2.0)),
            "b": (room: "east", at: (8.0, 2.0)),
            "c": (room: "west", at: (1.0, 2.0)),
        },
    ),
    cast: {
        "walt": (name: "Walt", colour: "#c0392b", starts_at: "a"),
    },
    timeline: [
        (at: "0:01", do: Move(who: "walt", to: "b", arrive: "0:07")),
        (at: "0:03", do: Move(who: "walt", to: "c", arrive: "0:06")),
        (at: "0:08", do: Move(who: "walt", to: "b", pace: Speed(0.875))),
    ],
)
"##;
