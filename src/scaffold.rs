//! `oner new`: the text of a small, valid, commented scene to start a new one from.
//!
//! Two shapes: the default (a hall and a kitchen joined by a door the performer opens) and a
//! chain of named rooms joined by openings, walked end to end. Both check clean with
//! `--deny-warnings`; docs/format.md ("Starting a new scene") explains the default line by
//! line, and a test holds the two together.

use std::fmt::Write;

/// Longest scene or room name `oner new` accepts, in characters.
pub const MAX_NAME: usize = 64;
/// Most rooms `--rooms` accepts: a starting point, not a whole set.
pub const MAX_ROOMS: usize = 20;

/// Each room is a rectangle this wide and deep (metres), side by side along x.
const ROOM_W: f64 = 5.0;
const ROOM_H: f64 = 4.0;

/// A name for a scene or a room: ASCII letters, digits, `-` and `_`, starting with a letter
/// or digit. It becomes a file name and ids, so nothing else (no `/`, `..`, spaces or
/// quotes) is allowed.
pub fn check_name(what: &str, name: &str) -> Result<(), String> {
    let shown = crate::escape::terminal_short(name, 40);
    if name.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!(
            "the {what} `{shown}` is longer than {MAX_NAME} characters"
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "the {what} `{shown}` must start with a letter or digit"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(format!(
            "the {what} `{shown}` has `{}`: use letters, digits, `-` and `_` only",
            crate::escape::terminal(&bad.to_string())
        ));
    }
    Ok(())
}

/// `kitchen-scene` → `Kitchen scene`: the display name made from an id.
fn display_name(id: &str) -> String {
    let spaced = id.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => spaced,
    }
}

/// The default scene: a hall and a kitchen joined by a closed door.
pub fn default_scene(name: &str) -> Result<String, String> {
    check_name("scene name", name)?;
    let title = display_name(name);
    Ok(format!(
        r##"// {name}.ron: a new scene made by `oner new`. docs/format.md explains every line
// ("Starting a new scene") and every field ("Reference").
// Check it with `oner check FILE`, draw it with `oner plan FILE`.
(
    title: "{title}",
    notes: "Made by oner new: a hall, a kitchen, one performer and a camera.",
    frame_rate: 24,
    length: "0:20",

    set: (
        // Rooms are rectangles in metres, x to the right, y down. These two share
        // the wall x = 5.0 from y = 0.0 to y = 4.0.
        rooms: {{
            "hall": (name: "Hall", shape: Rect(x: 0.0, y: 0.0, w: 5.0, h: 4.0)),
            "kitchen": (name: "Kitchen", shape: Rect(x: 5.0, y: 0.0, w: 5.0, h: 4.0)),
        }},
        // A door on the shared wall: `at` is the centre of the gap. It starts closed.
        doors: [
            (
                id: "kitchen-door",
                name: "Kitchen door",
                kind: Door,
                rooms: ("hall", "kitchen"),
                at: (5.0, 2.0),
                width: 1.0,
                swings_into: "kitchen",
                state: Closed,
            ),
        ],
        // Marks are the places people start, stop and stand.
        marks: {{
            "start": (room: "hall", at: (1.5, 2.0), name: "Middle of the hall"),
            "hall-door": (room: "hall", at: (4.3, 2.0), name: "Hall side of the kitchen door"),
            "table": (room: "kitchen", at: (8.0, 2.0), name: "Kitchen table"),
            "cam-hall": (room: "hall", at: (0.8, 3.0)),
            "cam-door": (room: "hall", at: (3.0, 2.0)),
        }},
    ),

    // The performers: a colour for the drawings and a mark to start on.
    cast: {{
        "alex": (name: "Alex", pronouns: They, colour: "#d1495b", starts_at: "start"),
    }},

    // The crew on the floor. The camera starts looking at Alex.
    crew: {{
        "cam": (
            name: "Steadicam",
            role: Camera(rig: Steadicam, lens_mm: 32.0),
            starts_at: "cam-hall",
            facing: "start",
        ),
    }},

    // Beats name the parts of the story; plans and cue sheets follow them.
    beats: [
        (at: "0:00", title: "Coming home"),
    ],

    // What happens, in time order.
    timeline: [
        (at: "0:00", do: Cue(dept: Lighting, number: "1", what: "Lights up")),
        (at: "0:00", do: Camera(frame: ["alex"])),
        (at: "0:02", do: Move(who: "alex", to: "hall-door", arrive: "0:05")),
        // A closed door must be opened before anyone walks through it.
        (at: "0:06", do: Door(door: "kitchen-door", action: Open, by: "alex")),
        (at: "0:07", do: Move(who: "alex", to: "table", via: ["kitchen-door"], arrive: "0:11")),
        (at: "0:08", do: Camera(to: "cam-door", arrive: "0:10")),
        (at: "0:12", do: Line(who: "alex", says: "They call out that they are home", until: "0:15")),
        (at: "0:18", do: Cue(dept: Lighting, number: "2", what: "Fade to black", standby: "0:14")),
    ],
)
"##
    ))
}

/// A chain of rooms, each joined to the next by an opening, walked end to end by one
/// performer with the camera following.
pub fn chain_scene(name: &str, rooms: &[String]) -> Result<String, String> {
    check_name("scene name", name)?;
    if rooms.len() < 2 {
        return Err("--rooms needs at least two rooms, joined in the order given".to_string());
    }
    if rooms.len() > MAX_ROOMS {
        return Err(format!(
            "--rooms takes at most {MAX_ROOMS} rooms; add more to the file by hand"
        ));
    }
    for (i, room) in rooms.iter().enumerate() {
        check_name("room name", room)?;
        if rooms[..i].contains(room) {
            return Err(format!("the room `{room}` is named twice in --rooms"));
        }
        if room.starts_with("cam-") || room == "start" || room == "end" {
            return Err(format!(
                "the room name `{room}` is kept for the marks `oner new` makes; pick another"
            ));
        }
    }
    let n = rooms.len();
    let first = &rooms[0];
    let last = &rooms[n - 1];
    let x0 = |i: usize| i as f64 * ROOM_W;
    // The walk from the start mark to the end mark at about 1 m/s, rounded up.
    let walk = (ROOM_W * n as f64 - 3.0).ceil() as u64;
    let arrive = 2 + walk;
    let camera_at = 4;
    let camera_arrive = arrive + 2;
    let line_at = camera_arrive + 1;
    let length = line_at + 8;
    let time = |s: u64| format!("{}:{:02}", s / 60, s % 60);
    let title = display_name(name);

    let mut out = String::new();
    let _ = write!(
        out,
        r#"// {name}.ron: a new scene made by `oner new --rooms`. docs/format.md explains every
// field ("Reference").
// Check it with `oner check FILE`, draw it with `oner plan FILE`.
(
    title: "{title}",
    notes: "Made by oner new: {n} rooms in a row, one performer walking through them and a camera following.",
    frame_rate: 24,
    length: "{length}",

    set: (
        // Rooms are rectangles in metres, x to the right, y down, side by side: each
        // shares its right-hand wall with the next.
        rooms: {{
"#,
        length = time(length),
    );
    for (i, room) in rooms.iter().enumerate() {
        let _ = writeln!(
            out,
            "            \"{room}\": (name: \"{}\", shape: Rect(x: {:.1}, y: 0.0, w: {ROOM_W:.1}, h: {ROOM_H:.1})),",
            display_name(room),
            x0(i)
        );
    }
    out.push_str(
        "        },\n        // Openings (no leaf, always open) on each shared wall, wide enough for the\n        // Steadicam (0.9 m) with room to spare.\n        doors: [\n",
    );
    let mut openings = Vec::new();
    for pair in rooms.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let id = format!("{a}-{b}");
        let i = openings.len() + 1;
        let _ = writeln!(
            out,
            "            (id: \"{id}\", kind: Opening, rooms: (\"{a}\", \"{b}\"), at: ({:.1}, 2.0), width: 1.4),",
            x0(i)
        );
        openings.push(id);
    }
    let via = openings
        .iter()
        .map(|o| format!("\"{o}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = write!(
        out,
        r##"        ],
        // Marks are the places people start, stop and stand.
        marks: {{
            "start": (room: "{first}", at: (1.5, 2.0), name: "{first_name}, by the far wall"),
            "end": (room: "{last}", at: ({end_x:.1}, 2.0), name: "{last_name}, by the far wall"),
            "cam-start": (room: "{first}", at: (0.8, 3.0)),
            "cam-end": (room: "{last}", at: ({cam_end_x:.1}, 3.0)),
        }},
    ),

    // The performers: a colour for the drawings and a mark to start on.
    cast: {{
        "alex": (name: "Alex", pronouns: They, colour: "#d1495b", starts_at: "start"),
    }},

    // The crew on the floor. The camera starts looking at Alex.
    crew: {{
        "cam": (
            name: "Steadicam",
            role: Camera(rig: Steadicam, lens_mm: 32.0),
            starts_at: "cam-start",
            facing: "start",
        ),
    }},

    // Beats name the parts of the story; plans and cue sheets follow them.
    beats: [
        (at: "0:00", title: "The walk"),
    ],

    // What happens, in time order. The camera follows two seconds behind.
    timeline: [
        (at: "0:00", do: Cue(dept: Lighting, number: "1", what: "Lights up")),
        (at: "0:00", do: Camera(frame: ["alex"])),
        (at: "0:02", do: Move(who: "alex", to: "end", via: [{via}], arrive: "{arrive}")),
        (at: "{camera_at}", do: Camera(to: "cam-end", via: [{via}], arrive: "{camera_arrive}")),
        (at: "{line_at}", do: Line(who: "alex", says: "They look back the way they came", until: "{line_until}")),
        (at: "{fade}", do: Cue(dept: Lighting, number: "2", what: "Fade to black", standby: "{standby}")),
    ],
)
"##,
        first_name = display_name(first),
        last_name = display_name(last),
        end_x = x0(n) - 1.5,
        cam_end_x = x0(n - 1) + 1.0,
        arrive = time(arrive),
        camera_at = time(camera_at),
        camera_arrive = time(camera_arrive),
        line_at = time(line_at),
        line_until = time(line_at + 3),
        fade = time(length - 2),
        standby = time(length - 6),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_leave_the_folder_or_break_the_file_are_refused() {
        for bad in [
            "", "..", "../x", "a/b", "a b", "a\"b", "-x", ".hidden", "é", "a\\b", "a.ron",
        ] {
            assert!(check_name("scene name", bad).is_err(), "{bad:?}");
        }
        for good in ["kitchen", "act-1_scene2", "2026"] {
            assert!(check_name("scene name", good).is_ok(), "{good:?}");
        }
        assert!(check_name("scene name", &"a".repeat(MAX_NAME + 1)).is_err());
    }

    #[test]
    fn rooms_are_checked_once_each_and_within_bounds() {
        let rooms = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(chain_scene("s", &rooms(&["a"])).is_err());
        assert!(chain_scene("s", &rooms(&["a", "a"])).is_err());
        assert!(chain_scene("s", &rooms(&["a", "start"])).is_err());
        assert!(chain_scene("s", &rooms(&["a", "b/c"])).is_err());
        let many: Vec<String> = (0..=MAX_ROOMS).map(|i| format!("r{i}")).collect();
        assert!(chain_scene("s", &many).is_err());
        assert!(chain_scene("s", &rooms(&["a", "b"])).is_ok());
    }

    #[test]
    fn display_names_read_as_words() {
        assert_eq!(display_name("living-room"), "Living room");
        assert_eq!(display_name("hall_2"), "Hall 2");
    }
}
