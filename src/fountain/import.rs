//! `oner import`: a scene to start staging from, made from a screenplay.
//!
//! What the script says becomes what a scene holds; what it cannot say is left to stage:
//! - **cast**: one member per character cue (extensions and `@` off the name), each
//!   starting on a mark of their own in the room where they first speak;
//! - **set**: one room per location of the scene headings (`INT. KITCHEN - DAY` is
//!   "Kitchen"), 5 × 4 m each, side by side and joined by openings, to be drawn properly;
//!   a Steadicam starts in the first room;
//! - **beats**: one per scene heading and per section, at the time its first line is
//!   reached; synopses, action paragraphs, transitions, lyrics and notes go into the beat's
//!   notes, in order;
//! - **timeline**: a `Line` per dialogue block, one after another, each as long as its
//!   words take at the speaking rate ([`WORDS_PER_MINUTE`] unless the caller says), with a
//!   pause of [`PAUSE`] between them; action paragraphs take the time their words take to
//!   read at the same rate (a page of action is screen time too); dual dialogue (`^`)
//!   starts with the block before it; `(O.S.)`, `(O.C.)` and `(V.O.)` lines are off camera;
//!   parentheticals and notes in a block become the line's note.
//!
//! Nobody moves and the camera does not follow: staging is the user's work, and `oner check`
//! says where it is missing.

use super::{Element, Part, Script};
use crate::time::Time;
use std::fmt::Write;

/// How fast lines are spoken unless the user says: 150 words a minute, a usual pace for
/// film dialogue (2.5 words a second).
pub const WORDS_PER_MINUTE: f64 = 150.0;
/// The pause after each line and action paragraph, seconds.
pub const PAUSE: f64 = 0.5;
/// The shortest a line lasts, seconds: a one-word line still takes a moment.
pub const SHORTEST_LINE: f64 = 1.0;
/// When the first line starts, seconds: a moment to settle after the lights come up.
const FIRST_AT: f64 = 1.0;
/// Room size, metres.
const ROOM_W: f64 = 5.0;
const ROOM_H: f64 = 4.0;
/// Colours given to the cast in turn.
const COLOURS: [&str; 8] = [
    "#d1495b", "#00798c", "#edae49", "#66a182", "#8d6a9f", "#2e4057", "#c35b2a", "#3c8dbc",
];

/// What the user chooses.
#[derive(Debug, Clone)]
pub struct Options {
    /// Speaking rate, words a minute (from 30 to 400).
    pub words_per_minute: f64,
    /// The title when the script's title page has none (the file's name).
    pub fallback_title: String,
    /// The script's file name, for the scene's notes.
    pub source_name: String,
}

struct Line {
    at: f64,
    until: f64,
    who: usize,
    says: String,
    on_camera: bool,
    note: Vec<String>,
}

struct Beat {
    at: f64,
    title: Vec<String>,
    notes: Vec<String>,
    /// Whether a line has been placed in it (a heading after that starts a new beat).
    used: bool,
}

/// The scene's text (RON), or why none can be made.
pub fn scene_text(script: &Script, options: &Options) -> Result<String, String> {
    let rate = options.words_per_minute;
    if !(30.0..=400.0).contains(&rate) {
        return Err(format!(
            "a speaking rate of {} words a minute is not one people speak at (30 to 400)",
            crate::escape::number(rate, 1)
        ));
    }
    let seconds_for = |text: &str| text.split_whitespace().count() as f64 * 60.0 / rate;
    let mut locations: Vec<String> = Vec::new();
    let mut characters: Vec<String> = Vec::new();
    let mut first_room: Vec<usize> = Vec::new();
    let mut beats: Vec<Beat> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    let mut room = 0usize;
    let mut clock = FIRST_AT;

    /// A heading or section at `at`: a new beat, or a second title for a beat that has had
    /// no line yet.
    fn start_beat(beats: &mut Vec<Beat>, at: f64, title: String) {
        match beats.last_mut() {
            Some(last) if !last.used => last.title.push(title),
            _ => beats.push(Beat {
                at,
                title: vec![title],
                notes: Vec::new(),
                used: false,
            }),
        }
    }

    /// The beat under way (an untitled one at `at` before any heading or section).
    fn beat_at(beats: &mut Vec<Beat>, at: f64) -> &mut Beat {
        if beats.is_empty() {
            beats.push(Beat {
                at,
                title: Vec::new(),
                notes: Vec::new(),
                used: false,
            });
        }
        let last = beats.len() - 1;
        &mut beats[last]
    }

    for element in &script.elements {
        match element {
            Element::SceneHeading { text, .. } => {
                let place = location(text);
                let key = place.to_uppercase();
                room = match locations.iter().position(|l| l.to_uppercase() == key) {
                    Some(i) => i,
                    None => {
                        locations.push(place);
                        locations.len() - 1
                    }
                };
                start_beat(&mut beats, clock, one_line(text));
            }
            Element::Section { text, .. } => start_beat(&mut beats, clock, one_line(text)),
            Element::Synopsis(text) => beat_at(&mut beats, clock).notes.push(one_line(text)),
            Element::Action(text) | Element::Centered(text) | Element::Lyric(text) => {
                beat_at(&mut beats, clock).notes.push(one_line(text));
                let reading = seconds_for(text);
                if reading > 0.0 {
                    clock = tenths(clock + reading + PAUSE);
                }
            }
            Element::Transition(text) => beat_at(&mut beats, clock).notes.push(one_line(text)),
            Element::Note(text) => beat_at(&mut beats, clock)
                .notes
                .push(format!("Note: {}", one_line(text))),
            Element::PageBreak => {}
            Element::Dialogue(d) => {
                let name = one_line(&d.character);
                let key = name.to_uppercase();
                let who = match characters.iter().position(|c| c.to_uppercase() == key) {
                    Some(i) => i,
                    None => {
                        characters.push(name);
                        first_room.push(room);
                        characters.len() - 1
                    }
                };
                let says = one_line(&d.text());
                let duration = tenths(seconds_for(&says).max(SHORTEST_LINE));
                let at = match (d.dual, lines.last()) {
                    (true, Some(before)) => before.at,
                    _ => clock,
                };
                let until = tenths(at + duration);
                let mut note: Vec<String> = d
                    .parts
                    .iter()
                    .filter_map(|p| match p {
                        Part::Parenthetical(p) => Some(format!("({})", one_line(p))),
                        Part::Line(_) => None,
                    })
                    .collect();
                note.extend(d.notes.iter().map(|n| one_line(n)));
                note.extend(d.extensions.iter().map(|e| format!("({})", one_line(e))));
                let beat = beat_at(&mut beats, at);
                beat.used = true;
                lines.push(Line {
                    at,
                    until,
                    who,
                    says: if says.is_empty() { "…".into() } else { says },
                    on_camera: !d.off_camera(),
                    note,
                });
                clock = clock.max(tenths(until + PAUSE));
            }
        }
    }
    if characters.is_empty() {
        return Err("the script has no dialogue: no character cue with lines under it".into());
    }
    if locations.is_empty() {
        locations.push("Set".to_string());
    }
    let limit = |what: &str, count: usize, max: usize| {
        if count > max {
            Err(format!(
                "the script has {count} {what}; a scene takes at most {max}"
            ))
        } else {
            Ok(())
        }
    };
    limit("locations", locations.len(), 1_000)?;
    limit("characters", characters.len(), 20_000)?;
    limit("beats", beats.len(), 10_000)?;
    limit("dialogue blocks", lines.len(), 400_000)?;
    let length = tenths(clock + 2.0);
    if length > crate::time::LONGEST {
        return Err(format!(
            "at {} words a minute the script runs past 24 hours; a scene is one take",
            crate::escape::number(rate, 1)
        ));
    }
    if let Some(first) = beats.first_mut() {
        first.at = 0.0;
    }

    let title = script
        .title_value("Title")
        .map(one_line)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| one_line(&options.fallback_title));
    let room_ids = unique_ids(&locations, "room");
    let cast_ids = unique_ids(&characters, "person");
    let mut out = String::new();
    let _ = write!(
        out,
        "// Imported by `oner import` from {source}: {cast} characters, {rooms} locations, {count} lines.\n\
         // The rooms are placeholders side by side: draw the real set. Nobody moves yet: stage the take.\n\
         // Line times come from word counts at {wpm} words a minute. docs/handoff/writers.md.\n(\n",
        source = ron_comment(&options.source_name),
        cast = characters.len(),
        rooms = locations.len(),
        count = lines.len(),
        wpm = crate::escape::number(rate, 1),
    );
    let _ = writeln!(out, "    title: {},", ron(&clip(&title, 200)));
    let _ = writeln!(
        out,
        "    notes: {},",
        ron(&clip(
            &format!(
                "Imported from the screenplay {}. Line times are estimates at {} words a minute.",
                one_line(&options.source_name),
                crate::escape::number(rate, 1)
            ),
            4_000
        ))
    );
    out.push_str("    frame_rate: 24,\n");
    let _ = writeln!(out, "    length: {},", ron(&clock_text(length)));
    out.push_str("\n    set: (\n        rooms: {\n");
    for (i, (id, name)) in room_ids.iter().zip(&locations).enumerate() {
        let _ = writeln!(
            out,
            "            {}: (name: {}, shape: Rect(x: {:.1}, y: 0.0, w: {ROOM_W:.1}, h: {ROOM_H:.1})),",
            ron(id),
            ron(&clip(&title_case(name), 200)),
            i as f64 * ROOM_W
        );
    }
    out.push_str("        },\n        doors: [\n");
    for (i, pair) in room_ids.windows(2).enumerate() {
        let _ = writeln!(
            out,
            "            (id: {}, kind: Opening, rooms: ({}, {}), at: ({:.1}, 2.0), width: 1.4),",
            ron(&format!("opening-{}", i + 1)),
            ron(&pair[0]),
            ron(&pair[1]),
            (i + 1) as f64 * ROOM_W
        );
    }
    out.push_str("        ],\n        marks: {\n");
    // The camera's first mark; more come with the staging.
    let _ = writeln!(
        out,
        "            \"cam-start\": (room: {}, at: (0.6, 3.5)),",
        ron(&room_ids[0])
    );
    let mut in_room = vec![0usize; locations.len()];
    for (who, id) in cast_ids.iter().enumerate() {
        let r = first_room[who];
        let k = in_room[r];
        in_room[r] += 1;
        let x = r as f64 * ROOM_W + 1.0 + (k % 4) as f64;
        let y = 0.8 + ((k / 4) % 3) as f64 * 0.9;
        let _ = writeln!(
            out,
            "            {}: (room: {}, at: ({x:.1}, {y:.1}), name: {}),",
            ron(&format!("{id}-start")),
            ron(&room_ids[r]),
            ron(&clip(
                &format!("Where {} starts", title_case(&characters[who])),
                200
            ))
        );
    }
    out.push_str("        },\n    ),\n\n    cast: {\n");
    for (who, id) in cast_ids.iter().enumerate() {
        let _ = writeln!(
            out,
            "        {}: (name: {}, colour: {}, starts_at: {}),",
            ron(id),
            ron(&clip(&title_case(&characters[who]), 200)),
            ron(COLOURS[who % COLOURS.len()]),
            ron(&format!("{id}-start"))
        );
    }
    let first_cast = format!("{}-start", cast_ids[lines[0].who]);
    let _ = write!(
        out,
        "    }},\n\n    crew: {{\n        \"cam\": (name: \"Steadicam\", role: Camera(rig: Steadicam, lens_mm: 32.0), starts_at: \"cam-start\", facing: {}),\n    }},\n\n    beats: [\n",
        ron(&first_cast)
    );
    for beat in &beats {
        let title = if beat.title.is_empty() {
            "Untitled".to_string()
        } else {
            beat.title.join(" · ")
        };
        let _ = write!(
            out,
            "        (at: {}, title: {}",
            ron(&clock_text(beat.at)),
            ron(&clip(&title, 200))
        );
        if !beat.notes.is_empty() {
            let _ = write!(
                out,
                ", notes: {}",
                ron(&clip(&beat.notes.join("\n\n"), 4_000))
            );
        }
        out.push_str("),\n");
    }
    out.push_str("    ],\n\n    timeline: [\n");
    for line in &lines {
        let _ = write!(
            out,
            "        (at: {}, do: Line(who: {}, says: {}, until: {}",
            ron(&clock_text(line.at)),
            ron(&cast_ids[line.who]),
            ron(&clip(&line.says, 4_000)),
            ron(&clock_text(line.until))
        );
        if !line.on_camera {
            out.push_str(", on_camera: false");
        }
        out.push(')');
        if !line.note.is_empty() {
            let _ = write!(out, ", note: {}", ron(&clip(&line.note.join(" "), 4_000)));
        }
        out.push_str("),\n");
    }
    out.push_str("    ],\n)\n");
    Ok(out)
}

/// `INT. KITCHEN - DAY` → `KITCHEN`: the place, without interior/exterior and time of day.
pub fn location(heading: &str) -> String {
    let text = one_line(heading);
    let upper = text.to_uppercase();
    let mut rest = text.as_str();
    for prefix in [
        "INT./EXT.",
        "INT/EXT.",
        "INT./EXT",
        "INT/EXT",
        "I/E.",
        "I/E",
        "INT.",
        "EXT.",
        "EST.",
        "INT",
        "EXT",
        "EST",
    ] {
        if upper.starts_with(prefix) {
            rest = &text[prefix.len()..];
            break;
        }
    }
    let place = rest.split(" - ").next().unwrap_or(rest);
    let place = place
        .trim()
        .trim_matches(|c: char| c == '.' || c == '-')
        .trim();
    if place.is_empty() {
        text
    } else {
        place.to_string()
    }
}

/// Seconds rounded to tenths (times in the scene are written to the tenth).
fn tenths(seconds: f64) -> f64 {
    (seconds * 10.0).round() / 10.0
}

fn clock_text(seconds: f64) -> String {
    Time::from_seconds(seconds).unwrap_or(Time::ZERO).clock()
}

fn one_line(text: &str) -> String {
    crate::cuesheet::format::one_line(text)
}

/// At most `max` characters.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// A RON string literal: `\\`, `"` and line breaks escaped, other control characters
/// dropped (the text is one line or paragraphs by now).
fn ron(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || crate::escape::is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text safe inside a `//` comment: one line.
fn ron_comment(text: &str) -> String {
    one_line(text)
}

/// `KITCHEN` → `Kitchen`, `MRS. O'BRIEN` → `Mrs. O'brien`; names with lower case kept.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c.is_whitespace() || c == '-';
    }
    out
}

/// Ids from names: lower-case ASCII letters and digits joined by `-`, unique (`-2`, `-3`
/// after a repeat), `fallback-N` for a name with none of them.
fn unique_ids(names: &[String], fallback: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let mut id = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                id.push(c);
            } else if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        }
        let mut id: String = id.trim_end_matches('-').chars().take(60).collect();
        id.truncate(id.trim_end_matches('-').len());
        if id.is_empty() || id == "cam" || id.starts_with("cam-") || id.ends_with("-start") {
            id = format!("{fallback}-{}", i + 1);
        }
        let mut unique = id.clone();
        let mut n = 2;
        while ids.contains(&unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        ids.push(unique);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_lose_interior_and_time_of_day() {
        assert_eq!(location("INT. KITCHEN - DAY"), "KITCHEN");
        assert_eq!(location("EXT. CAR PARK - NIGHT"), "CAR PARK");
        assert_eq!(location("INT./EXT. CAR - MOVING"), "CAR");
        assert_eq!(location("inside the car"), "inside the car");
    }

    #[test]
    fn ids_are_unique_and_plain() {
        let names = [
            "ANA".to_string(),
            "Ana".into(),
            "Zoë O'Neil".into(),
            "!!".into(),
            "CAM".into(),
        ];
        assert_eq!(
            unique_ids(&names, "person"),
            ["ana", "ana-2", "zo-o-neil", "person-4", "person-5"]
        );
    }

    #[test]
    fn names_in_capitals_become_names() {
        assert_eq!(title_case("MRS. O'BRIEN"), "Mrs. O'brien");
        assert_eq!(title_case("McCoy"), "McCoy");
        assert_eq!(title_case("JEAN-LUC"), "Jean-Luc");
    }
}
