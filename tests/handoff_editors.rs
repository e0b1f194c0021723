//! The editor's and the writer's hand-off (issue 14, points 3 and 4): OpenTimelineIO and
//! marker EDL read back and compared with the cue sheet to the frame; the Fountain
//! screenplay read back with oner's own parser; `oner import` of a screenplay of our own,
//! exported again with the same dialogue; hostile scene text that cannot break an EDL event
//! or a Fountain element. The end-to-end script (.ci/e2e.d/editors.sh) reads the same files
//! with OpenTimelineIO and screenplain.

use crate::common::{load_scene_text, oner, read, repo};
use oner::cuesheet::filter::Filter;
use oner::cuesheet::format;
use oner::cuesheet::sheet::{Options, Sheet, Timecode};
use oner::fountain::{self, Element};
use oner::model::{Action, Scene};
use oner::time::{FrameRate, Time};
use serde_json::Value;

const SCENES: [&str; 2] = ["scenes/tutorial.ron", "scenes/we-cry-together.ron"];

fn stdout(args: &[&str]) -> String {
    let out = oner(args).output().expect("run oner");
    assert!(
        out.status.success(),
        "oner {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The full cue sheet of a loaded scene, in SMPTE timecode.
fn sheet(scene: &Scene) -> Sheet {
    let sim = oner::sim::Simulation::new(scene);
    let cues = oner::cuesheet::cue_list(scene, &sim);
    let options = Options {
        timecode: Timecode::Smpte,
        calls: false,
        source_name: Some("test.ron".into()),
    };
    Sheet::new(scene, &cues, &Filter::default(), &options)
}

/// The tutorial at another frame rate.
fn tutorial_at(rate: &str) -> String {
    read(&repo("scenes/tutorial.ron")).replace("frame_rate: 24,", &format!("frame_rate: {rate},"))
}

// ---- A strict reader of the marker EDL ---------------------------------------------------

#[derive(Debug, PartialEq)]
struct EdlMarker {
    /// Frames from the record start.
    frame: u64,
    colour: String,
    name: String,
    frames: u64,
}

/// Frame number of a timecode (`hh:mm:ss:ff`, `;` before the frames for drop-frame).
fn timecode_frame(text: &str, rate: FrameRate) -> u64 {
    assert_eq!(text.len(), 11, "timecode {text:?}");
    let drop = &text[8..9] == ";";
    assert_eq!(drop, rate.drop_frame(), "separator of {text:?}");
    let t = oner::time::parse(text, rate).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    t.frame(rate)
}

/// Reads a marker EDL as Resolve writes it, failing on anything else: the header, then
/// for each event a blank line, the event line (number in sequence, reel `001`, `V`, `C`,
/// source = record, one frame long) and the marker line with exactly `|C:`, `|M:`, `|D:`.
fn read_edl(text: &str, rate: FrameRate) -> (String, Vec<EdlMarker>) {
    let start = oner::cuesheet::format::marker::record_start_frame(rate);
    let mut lines = text.split('\n');
    let title = lines
        .next()
        .and_then(|l| l.strip_prefix("TITLE: "))
        .expect("TITLE:");
    let fcm = lines.next().expect("FCM line");
    let expected = if rate.drop_frame() {
        "FCM: DROP FRAME"
    } else {
        "FCM: NON-DROP FRAME"
    };
    assert_eq!(fcm, expected);
    let mut markers = Vec::new();
    loop {
        match lines.next() {
            Some("") => {}
            None => break,
            Some(other) => panic!("expected a blank line, got {other:?}"),
        }
        let Some(event) = lines.next() else {
            // The file ends with a newline: the last split is empty.
            break;
        };
        let fields: Vec<&str> = event.split_whitespace().collect();
        assert_eq!(fields.len(), 8, "event {event:?}");
        assert_eq!(
            fields[0].parse::<usize>().expect("event number"),
            markers.len() + 1
        );
        assert!(fields[0].len() >= 3);
        assert_eq!(&fields[1..4], ["001", "V", "C"], "{event:?}");
        let [src_in, src_out, rec_in, rec_out] =
            [4, 5, 6, 7].map(|i| timecode_frame(fields[i], rate));
        assert_eq!((src_in, src_out), (rec_in, rec_out), "source is record");
        assert_eq!(rec_out, rec_in + 1, "one-frame event {event:?}");
        let marker = lines.next().expect("marker line");
        let body = marker.strip_prefix(" |C:").expect("|C: first");
        assert_eq!(marker.matches('|').count(), 3, "three fields: {marker:?}");
        let (colour, rest) = body.split_once(" |M:").expect("|M:");
        let (name, frames) = rest.rsplit_once(" |D:").expect("|D:");
        assert!(colour.starts_with("ResolveColor"), "{colour}");
        assert!(!name.is_empty());
        assert!(rec_in >= start);
        markers.push(EdlMarker {
            frame: rec_in - start,
            colour: colour.to_string(),
            name: name.to_string(),
            frames: frames.parse().expect("|D: frames"),
        });
    }
    (title.to_string(), markers)
}

// ---- OpenTimelineIO -----------------------------------------------------------------------

fn otio_markers(otio: &Value) -> &Vec<Value> {
    otio["tracks"]["markers"]
        .as_array()
        .expect("markers on the stack")
}

fn range_frames(range: &Value) -> (f64, f64, f64) {
    assert_eq!(range["OTIO_SCHEMA"], "TimeRange.1");
    let start = &range["start_time"];
    let duration = &range["duration"];
    assert_eq!(start["OTIO_SCHEMA"], "RationalTime.1");
    assert_eq!(start["rate"], duration["rate"]);
    (
        start["value"].as_f64().expect("value"),
        duration["value"].as_f64().expect("value"),
        start["rate"].as_f64().expect("rate"),
    )
}

#[test]
fn otio_cue_markers_match_the_cue_sheet_to_the_frame() {
    for path in SCENES {
        let otio: Value =
            serde_json::from_str(&stdout(&["cues", "--format", "otio", path])).expect("JSON");
        let sheet: Value = serde_json::from_str(&stdout(&[
            "cues",
            "--format",
            "json",
            "--timecode",
            "smpte",
            path,
        ]))
        .expect("JSON");
        assert_eq!(otio["OTIO_SCHEMA"], "Timeline.1");
        assert_eq!(otio["tracks"]["OTIO_SCHEMA"], "Stack.1");
        assert_eq!(otio["tracks"]["children"][0]["OTIO_SCHEMA"], "Track.1");
        let rate = FrameRate::new(sheet["frame_rate"].as_f64().expect("rate")).expect("rate");
        let cues: Vec<&Value> = otio_markers(&otio)
            .iter()
            .filter(|m| m["metadata"]["oner"]["kind"] == "cue")
            .collect();
        let rows = sheet["cues"].as_array().expect("cues");
        assert_eq!(cues.len(), rows.len(), "{path}: one marker per cue");
        // Markers are in time order; the sheet too: compare each sheet row with the marker
        // of the same label.
        for row in rows {
            let label = row["label"].as_str().expect("label");
            let marker = cues
                .iter()
                .find(|m| m["metadata"]["oner"]["label"] == label)
                .unwrap_or_else(|| panic!("{path}: no marker for {label}"));
            assert_eq!(marker["OTIO_SCHEMA"], "Marker.2");
            let (start, duration, marker_rate) = range_frames(&marker["marked_range"]);
            assert_eq!(marker_rate, rate.fps());
            let time = row["time"].as_str().expect("time");
            let frame = oner::time::parse(time, rate)
                .expect("sheet time")
                .frame(rate);
            assert_eq!(start, frame as f64, "{path} {label} at {time}");
            assert_eq!(duration, 1.0);
            assert!(marker["name"].as_str().expect("name").starts_with(label));
        }
    }
}

#[test]
fn otio_line_markers_are_the_scenes_lines_with_their_length() {
    for path in SCENES {
        let scene = crate::common::load_scene(path);
        let otio: Value =
            serde_json::from_str(&stdout(&["cues", "--format", "otio", path])).expect("JSON");
        let lines: Vec<&Value> = otio_markers(&otio)
            .iter()
            .filter(|m| m["metadata"]["oner"]["kind"] == "line")
            .collect();
        let mut expected: Vec<(u64, u64, String)> = scene
            .events
            .iter()
            .filter_map(|e| match &e.action {
                Action::Line { who, until, .. } => {
                    let at = e.at.frame(scene.frame_rate);
                    let frames = until.map_or(1, |u| u.frame(scene.frame_rate) - at).max(1);
                    Some((at, frames, scene.person(*who).name.clone()))
                }
                _ => None,
            })
            .collect();
        expected.sort_by_key(|e| e.0);
        let got: Vec<(u64, u64, String)> = lines
            .iter()
            .map(|m| {
                let (start, duration, _) = range_frames(&m["marked_range"]);
                (
                    start as u64,
                    duration as u64,
                    m["metadata"]["oner"]["who"]
                        .as_str()
                        .expect("who")
                        .to_string(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{path}");
        assert!(lines.iter().all(|m| m["color"] == "CYAN"));
    }
}

#[test]
fn otio_colours_are_otio_names_one_per_department() {
    let otio: Value = serde_json::from_str(&stdout(&[
        "cues",
        "--format",
        "otio",
        "scenes/we-cry-together.ron",
    ]))
    .expect("JSON");
    let known = [
        "PINK", "RED", "ORANGE", "YELLOW", "GREEN", "CYAN", "BLUE", "PURPLE", "MAGENTA", "BLACK",
        "WHITE",
    ];
    let mut by_dept = std::collections::BTreeMap::new();
    for m in otio_markers(&otio) {
        let colour = m["color"].as_str().expect("colour");
        assert!(known.contains(&colour), "{colour}");
        if let Some(dept) = m["metadata"]["oner"]["dept"].as_str() {
            let before = by_dept.insert(dept.to_string(), colour.to_string());
            assert!(before.is_none_or(|b| b == colour), "{dept} has one colour");
        }
    }
    assert!(by_dept.len() >= 4, "{by_dept:?}");
    let colours: std::collections::BTreeSet<_> = by_dept.values().collect();
    assert_eq!(
        colours.len(),
        by_dept.len(),
        "departments told apart: {by_dept:?}"
    );
}

#[test]
fn drop_frame_rates_count_frames_in_real_time_and_write_drop_frame_timecode() {
    for (rate_text, start) in [
        ("29.97", 107_892.0),
        ("59.94", 215_784.0),
        ("23.976", 86_400.0),
    ] {
        let scene = load_scene_text("tutorial.ron", &tutorial_at(rate_text));
        let rate = scene.frame_rate;
        let sheet = sheet(&scene);
        let markers = format::marker::markers(&scene, &sheet, &Filter::default());
        let otio: Value =
            serde_json::from_str(&format::otio::render(&sheet, &markers)).expect("JSON");
        assert_eq!(otio["global_start_time"]["value"], start);
        assert_eq!(otio["global_start_time"]["rate"], rate.fps());
        // The last cue, LX 2 at 0:44: 44 s of real time, not 44 × the nominal rate.
        let last = otio_markers(&otio)
            .iter()
            .find(|m| m["metadata"]["oner"]["label"] == "LX 2")
            .expect("LX 2");
        let frame = (44.0 * rate.fps()).round();
        assert_eq!(range_frames(&last["marked_range"]).0, frame);
        let edl = format::edl::render(&sheet, &markers);
        let (_, read) = read_edl(&edl, rate);
        let lx2 = read
            .iter()
            .find(|m| m.name.contains("LX 2"))
            .expect("LX 2 in the EDL");
        assert_eq!(lx2.frame as f64, frame, "{rate_text}");
        if rate.drop_frame() {
            assert!(edl.contains("FCM: DROP FRAME") && edl.contains("01:00:00;00"));
            // 0:44 real time from 01:00:00;00 at 29.97: frame 1319 → 01:00:44;00 - 1319 is
            // 43.99 s of timecode seconds; the timecode printed is the drop-frame one.
            let tc = oner::time::timecode_of_frame(start as u64 + frame as u64, rate);
            assert!(edl.contains(&tc), "{tc}");
        }
    }
}

#[test]
fn the_edl_reads_strictly_and_agrees_with_the_otio_file() {
    for path in SCENES {
        let scene = crate::common::load_scene(path);
        let edl = stdout(&["cues", "--format", "edl", path]);
        let otio: Value =
            serde_json::from_str(&stdout(&["cues", "--format", "otio", path])).expect("JSON");
        let (title, read) = read_edl(&edl, scene.frame_rate);
        assert_eq!(title, scene.title);
        let mut frames: Vec<u64> = otio_markers(&otio)
            .iter()
            .map(|m| range_frames(&m["marked_range"]).0 as u64)
            .collect();
        frames.dedup();
        let edl_frames: Vec<u64> = read.iter().map(|m| m.frame).collect();
        assert_eq!(
            edl_frames, frames,
            "{path}: one event per marked frame, in order"
        );
        for marker in &read {
            assert!(marker.frames >= 1);
        }
        // Every cue's label is in the name of its frame's event (merged ones too).
        for m in otio_markers(&otio) {
            let frame = range_frames(&m["marked_range"]).0 as u64;
            let event = read.iter().find(|e| e.frame == frame).expect("event");
            if let Some(label) = m["metadata"]["oner"]["label"]
                .as_str()
                .filter(|l| *l != "Line")
            {
                assert!(
                    event.name.contains(label),
                    "{path}: {label} in {:?}",
                    event.name
                );
            }
        }
    }
}

// ---- Hostile scene text -------------------------------------------------------------------

/// Text that tries to break every format: quotes, line breaks, EDL fields, Fountain marks
/// at the start and inside, a note and boneyard that would swallow the rest, 500 characters.
fn hostile(len: usize) -> String {
    let base = "\"quoted\" 'single'\n\r\n002  001  V  C  00:00:00:00 00:00:00:01 |M:fake |D:99 \
                !bang\n.INT. FAKE HEADING\n@FAKE\n# section\n= synopsis\n> CUT TO:\n~lyric\n\
                CUT TO:\n[[note that never ends /* boneyard */ ]] *bold* _under_ \\ ^ (paren)\n";
    let mut text = String::new();
    while text.chars().count() < len {
        text.push_str(base);
    }
    text.chars().take(len).collect()
}

fn ron_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The tutorial with a 500-character hostile cue label, a hostile name for Ben and a
/// hostile line.
fn hostile_scene() -> String {
    read(&repo("scenes/tutorial.ron"))
        .replace(
            "what: \"Morning state up\"",
            &format!("what: {}", ron_string(&hostile(500))),
        )
        .replace(
            "name: \"Ben\"",
            &format!("name: {}", ron_string(&format!("INT. {}", hostile(150)))),
        )
        .replace(
            "says: \"He asks whether she has seen the news\"",
            &format!("says: {}", ron_string(&format!("({})", hostile(400)))),
        )
        .replace(
            "title: \"Tutorial: Coffee\"",
            &format!("title: {}", ron_string(&hostile(180))),
        )
}

#[test]
fn a_hostile_label_cannot_break_an_edl_event() {
    let scene = load_scene_text("hostile.ron", &hostile_scene());
    let sheet = sheet(&scene);
    let markers = format::marker::markers(&scene, &sheet, &Filter::default());
    let edl = format::edl::render(&sheet, &markers);
    let (title, read) = read_edl(&edl, scene.frame_rate);
    assert!(!title.contains('\n') && title.chars().count() <= 70);
    let mut frames: Vec<u64> = markers.iter().map(|m| m.frame).collect();
    frames.dedup();
    assert_eq!(read.len(), frames.len(), "every event read, none added");
    let first = &read[0];
    assert_eq!(first.frame, 0);
    assert!(first.name.starts_with("LX 1 \"quoted\""), "{}", first.name);
    assert!(first.name.chars().count() <= format::marker::NAME_CHARS);
    // The OTIO file parses and keeps the whole label in the comment.
    let otio: Value = serde_json::from_str(&format::otio::render(&sheet, &markers)).expect("JSON");
    let lx1 = otio_markers(&otio)
        .iter()
        .find(|m| m["metadata"]["oner"]["label"] == "LX 1")
        .expect("LX 1");
    assert!(
        lx1["comment"]
            .as_str()
            .expect("comment")
            .contains("|M:fake |D:99")
    );
}

#[test]
fn hostile_text_cannot_form_a_fountain_element_it_is_not() {
    let scene = load_scene_text("hostile.ron", &hostile_scene());
    let sim = oner::sim::Simulation::new(&scene);
    let sheet = sheet(&scene);
    let text = format::fountain::render(&sim, &sheet, &Filter::default());
    let script = fountain::parse(&text);
    // The title page is one entry per key, the title whole on one line.
    let keys: Vec<&str> = script.title_page.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys[0], "Title");
    assert!(!script.title_page[0].1.contains('\n'));
    // Dialogue: the scene's five lines, in order, from the right speakers.
    let speakers: Vec<String> = script.dialogue().into_iter().map(|(who, _)| who).collect();
    assert_eq!(speakers.len(), 5, "{speakers:?}");
    let ben = format!("INT. {}", oner::cuesheet::format::one_line(&hostile(150))).to_uppercase();
    assert_eq!(speakers, ["ANA", ben.as_str(), "ANA", ben.as_str(), "ANA"]);
    // Nothing that the scene does not make: no transitions, lyrics, centred text or page
    // breaks; headings only the rooms; sections only the beats; synopses only beat notes.
    for element in &script.elements {
        match element {
            Element::Transition(t) | Element::Lyric(t) | Element::Centered(t) => {
                panic!("an element the scene did not make: {t:?}")
            }
            Element::PageBreak => panic!("a page break"),
            Element::SceneHeading { text, number } => {
                assert!(
                    text == "INT. KITCHEN" || text == "INT. LIVING ROOM",
                    "{text}"
                );
                assert!(number.is_none());
            }
            Element::Section { text, .. } => {
                assert!(text == "Coffee" || text == "The news", "{text}")
            }
            Element::Synopsis(s) => assert!(s.starts_with("Ben raises it"), "{s}"),
            _ => {}
        }
    }
    // The hostile line is dialogue, not a parenthetical, and says the whole text.
    let (_, said) = &script.dialogue()[1];
    assert!(said.starts_with("[\"quoted\""), "{said}");
    // Marks broken apart: `[ [` is text, not a note that would swallow the rest.
    assert!(
        said.contains("[ [note that never ends / * boneyard * / ] ]"),
        "{said}"
    );
    // Notes close where oner closed them: every note is one of oner's (a time, or a cue).
    for element in &script.elements {
        if let Element::Note(n) = element {
            assert!(
                n.starts_with("0:")
                    || n.starts_with("LX ")
                    || n.starts_with("SQ ")
                    || n.starts_with("SM ")
                    || n.starts_with("CAM ")
                    || n.starts_with("PROPS "),
                "{n}"
            );
        }
    }
}

// ---- Fountain out, in, and out again ------------------------------------------------------

/// The scene's lines in time order (file order at equal times) as (SPEAKER, text).
fn scene_dialogue(scene: &Scene) -> Vec<(String, String)> {
    let mut lines: Vec<(Time, usize, String, String)> = scene
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.action {
            Action::Line { who, says, .. } => Some((
                e.at,
                i,
                scene.person(*who).name.to_uppercase(),
                says.clone(),
            )),
            _ => None,
        })
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    lines
        .into_iter()
        .map(|(_, _, who, says)| (who, says))
        .collect()
}

#[test]
fn the_fountain_export_reads_back_as_the_scenes_dialogue() {
    for path in SCENES {
        let scene = crate::common::load_scene(path);
        let text = stdout(&["cues", "--format", "fountain", path]);
        let script = fountain::parse(&text);
        assert_eq!(script.title_value("Title"), Some(scene.title.as_str()));
        assert_eq!(script.dialogue(), scene_dialogue(&scene), "{path}");
        let headings = script
            .elements
            .iter()
            .filter(|e| matches!(e, Element::SceneHeading { .. }))
            .count();
        assert!(
            headings >= 2,
            "{path}: the camera goes into more than one room"
        );
        let sections = script
            .elements
            .iter()
            .filter(|e| matches!(e, Element::Section { .. }))
            .count();
        assert_eq!(sections, scene.beats.len(), "{path}: a section per beat");
        // Off-camera lines carry (O.S.).
        let off = scene
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e.action,
                    Action::Line {
                        on_camera: false,
                        ..
                    }
                )
            })
            .count();
        let marked = script
            .elements
            .iter()
            .filter(|e| matches!(e, Element::Dialogue(d) if d.off_camera()))
            .count();
        assert_eq!(marked, off, "{path}");
    }
}

#[test]
fn an_imported_screenplay_exports_with_the_same_dialogue() {
    let fixture = repo("tests/fixtures/fountain/late-train.fountain");
    let original = fountain::parse(&read(&fixture));
    let dir = tempfile::tempdir().expect("temp dir");
    let scene_path = dir.path().join("late-train.ron");
    oner(&[
        "import",
        fixture.to_str().expect("path"),
        "-o",
        scene_path.to_str().expect("path"),
    ])
    .assert()
    .success();
    // It checks with no errors, and the only warnings say what is left to stage.
    let check = oner(&[
        "check",
        "--format",
        "json",
        scene_path.to_str().expect("path"),
    ])
    .output()
    .expect("check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    for line in String::from_utf8_lossy(&check.stdout).lines() {
        let d: Value = serde_json::from_str(line).expect("JSON diagnostic");
        assert_eq!(d["severity"], "warning", "{line}");
        assert_eq!(
            d["code"], "H001",
            "only rooms nobody walks into yet: {line}"
        );
    }
    let scene = load_scene_text("late-train.ron", &read(&scene_path));
    assert_eq!(scene.title, "The Late Train");
    assert_eq!(scene.rooms.len(), 3, "one room per location");
    assert_eq!(scene.beats.len(), 3, "sections and headings");
    let exported = fountain::parse(&stdout(&[
        "cues",
        "--format",
        "fountain",
        scene_path.to_str().expect("path"),
    ]));
    let upper = |d: Vec<(String, String)>| {
        d.into_iter()
            .map(|(who, says)| (who.to_uppercase(), says))
            .collect::<Vec<_>>()
    };
    assert_eq!(upper(exported.dialogue()), upper(original.dialogue()));
    // Off camera stays off camera: (O.S.) and (V.O.) in, (O.S.) out.
    let off = |s: &fountain::Script| {
        s.elements
            .iter()
            .filter_map(|e| match e {
                Element::Dialogue(d) => Some(d.off_camera()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(off(&exported), off(&original));
}

#[test]
fn import_times_lines_from_their_words_at_the_rate_given() {
    let fixture = repo("tests/fixtures/fountain/late-train.fountain");
    let at = |wpm: &str| {
        let text = stdout(&[
            "import",
            fixture.to_str().expect("path"),
            "--words-per-minute",
            wpm,
            "-o",
            "-",
        ]);
        let scene = load_scene_text("late.ron", &text);
        scene.length.seconds()
    };
    let slow = at("100");
    let fast = at("200");
    assert!(slow > fast + 5.0, "{slow} vs {fast}");
    // The first line (after the action's reading time) lasts its 3 words at 150 wpm: 1.2 s.
    let text = stdout(&["import", fixture.to_str().expect("path"), "-o", "-"]);
    assert!(text.contains("says: \"Twenty minutes. Again.\", until:"));
    let bad = oner(&[
        "import",
        fixture.to_str().expect("path"),
        "--words-per-minute",
        "0",
        "-o",
        "-",
    ])
    .output()
    .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn import_never_overwrites_and_refuses_a_script_without_dialogue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let existing = dir.path().join("taken.ron");
    std::fs::write(&existing, "keep me").expect("write");
    let fixture = repo("tests/fixtures/fountain/late-train.fountain");
    let out = oner(&[
        "import",
        fixture.to_str().expect("path"),
        "-o",
        existing.to_str().expect("path"),
    ])
    .output()
    .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(read(&existing), "keep me");
    let silent = dir.path().join("silent.fountain");
    std::fs::write(&silent, "INT. ROOM - DAY\n\nNothing is said.\n").expect("write");
    let out = oner(&["import", silent.to_str().expect("path"), "-o", "-"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no dialogue"));
}

#[test]
fn build_writes_the_editors_and_writers_files() {
    for path in SCENES {
        let scene = crate::common::load_scene(path);
        let sim = oner::sim::Simulation::new(&scene);
        let files = oner::cuesheet::build_files(&scene, &sim);
        for name in ["cues.otio", "cues.edl", "script.fountain"] {
            let file = files
                .iter()
                .find(|f| f.name == name)
                .unwrap_or_else(|| panic!("{path}: {name}"));
            assert!(!file.bytes.is_empty());
        }
    }
}

#[test]
fn the_editor_formats_refuse_calls_and_keep_the_filter() {
    let out = oner(&["cues", "--calls", "--format", "edl", "scenes/tutorial.ron"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    // A department filter keeps that department's cues and no lines.
    let otio: Value = serde_json::from_str(&stdout(&[
        "cues",
        "--format",
        "otio",
        "--dept",
        "SQ",
        "scenes/tutorial.ron",
    ]))
    .expect("JSON");
    let labels: Vec<&str> = otio_markers(&otio)
        .iter()
        .map(|m| m["metadata"]["oner"]["label"].as_str().expect("label"))
        .collect();
    assert_eq!(labels, ["SQ 1", "SQ 2"]);
}

/// Screenplays cut and spliced at many places, with hostile text put in: the parser never
/// panics, and every scene the importer makes loads without errors.
#[test]
fn mangled_screenplays_import_to_scenes_that_load() {
    let original = read(&repo("tests/fixtures/fountain/late-train.fountain"));
    let inserts = [
        "\n\nINT. \"Q\" | [[ /* ROOM - DAY #1#\n\n",
        "\n\n@\u{202e}NAME ^\n(paren\n\"quote\\\n\n",
        "\n\nX\ny\n\n",
        "/*",
        "[[",
        "\n\n# \n\n= \n\n.\n\n!\n\n",
        "\u{0}\u{1b}[2J\r\n",
    ];
    let chars: Vec<char> = original.chars().collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut made = 0;
    for round in 0..150 {
        let cut = next(chars.len());
        let insert = inserts[next(inserts.len())];
        let mut text: String = chars[..cut].iter().collect();
        text.push_str(insert);
        if round % 3 != 0 {
            let resume = next(chars.len());
            text.extend(&chars[resume..]);
        }
        let script = fountain::parse(&text);
        let options = fountain::import::Options {
            words_per_minute: 150.0,
            fallback_title: "mangled".into(),
            source_name: "mangled.fountain".into(),
        };
        if let Ok(scene) = fountain::import::scene_text(&script, &options) {
            load_scene_text(&format!("mangled-{round}.ron"), &scene);
            made += 1;
        }
    }
    assert!(made > 100, "{made} scenes made");
}
