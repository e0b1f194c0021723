//! `oner cues`: the cue list (given and derived, numbered), every format read back by a
//! real parser and compared with the scene's cues, escaping of hostile text in every
//! format, filters and calls, and snapshots of the text formats for the tutorial scene.
//! Re-accept snapshots with `INSTA_UPDATE=always cargo test` (or `cargo insta review`).

use crate::common::{oner, repo, scene_file};
use oner::cuesheet::{self, Cue, Source};
use oner::model::Department;

/// A scene whose names and cue text hold commas, quotes, line breaks, `<`, `&`, `|`,
/// Markdown marks, `-->` and a spreadsheet formula.
const HOSTILE: &str = r##"(
    title: "Quotes, \"commas\" & <tags>",
    notes: "Escaping test scene.",
    frame_rate: 24,
    length: "0:20",
    set: (
        rooms: {
            "a": (name: "Room <A> & co, \"east\"", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            "b": (name: "Room B | *west*", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0)),
        },
        doors: [
            (id: "d", name: "Door \"D\", <1> & 2", kind: Door, rooms: ("a", "b"), at: (4.0, 2.0),
             width: 0.9, hinge: Left, swings_into: "a", state: Closed),
        ],
        marks: {
            "m1": (room: "a", at: (1.0, 2.0)),
            "m3": (room: "a", at: (3.4, 2.0)),
            "m4": (room: "b", at: (4.7, 2.0)),
            "m2": (room: "b", at: (6.0, 2.0)),
            "cam": (room: "a", at: (1.0, 3.5)),
        },
    ),
    cast: {
        "x": (name: "Zoë <x> & \"y\", z", colour: "#123456", starts_at: "m1"),
    },
    crew: {
        "cam": (name: "Cam", role: Camera(rig: Handheld, lens_mm: 24.0), starts_at: "cam", facing: "m1"),
    },
    props: {
        "p": (name: "Cup, \"big\" & <hot>", starts: HeldBy("x")),
    },
    beats: [
        (at: "0:00", title: "Beat <1>, \"one\" & all"),
    ],
    timeline: [
        (at: "0:01", do: Cue(dept: Lighting, number: "1", what: "Fade, \"slowly\" <now> & then\nsecond line", standby: "0:00"), note: "a | pipe, *star*, _under_ and `tick`"),
        (at: "0:01", do: Move(who: "x", to: "m3", arrive: "0:03")),
        (at: "0:04", do: Door(door: "d", action: Open, by: "x")),
        (at: "0:05", do: Move(who: "x", to: "m4", via: ["d"], arrive: "0:07")),
        (at: "0:08", do: Door(door: "d", action: Slam, by: "x")),
        (at: "0:10", do: Throw(who: "x", prop: "p", to: "m2")),
        (at: "0:12", do: Camera(frame: ["x"], lens_mm: 50.0)),
        (at: "0:15", do: Cue(dept: Effects, number: "4A", what: "=cmd|' /C calc'!A0 --> boom", standby: "0:14")),
        (at: "0:16", do: Cue(dept: Lighting, what: "Unnumbered, \"quoted\"")),
    ],
)"##;

const W1: &str = "Fade, \"slowly\" <now> & then\nsecond line";
const W2: &str = "=cmd|' /C calc'!A0 --> boom";
const NOTE: &str = "a | pipe, *star*, _under_ and `tick`";
const ROOM: &str = "Room <A> & co, \"east\"";
const PERSON: &str = "Zoë <x> & \"y\", z";

/// Runs `oner cues` and returns stdout, asserting success.
fn cues(args: &[&str]) -> Vec<u8> {
    let mut all = vec!["cues"];
    all.extend_from_slice(args);
    let out = oner(&all).output().expect("run oner");
    assert!(
        out.status.success(),
        "oner {all:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn text(args: &[&str]) -> String {
    String::from_utf8(cues(args)).expect("UTF-8 output")
}

/// The cue list of a scene file, built by the library.
fn cue_list(path: &std::path::Path) -> Vec<Cue> {
    let source = std::fs::read_to_string(path).expect("read scene");
    let file = oner::source::SourceFile::new(path.display().to_string(), source);
    let loaded = oner::load::load(&file);
    let scene = loaded.scene.as_ref().expect("scene loads");
    let sim = oner::sim::Simulation::new(scene);
    cuesheet::cue_list(scene, &sim)
}

fn labels(cues: &[Cue]) -> Vec<String> {
    cues.iter().map(Cue::label).collect()
}

fn hostile() -> (tempfile::TempDir, String) {
    let (dir, path) = scene_file("hostile.ron", HOSTILE);
    (dir, path.to_string_lossy().into_owned())
}

// ---- The cue list ------------------------------------------------------------------------

#[test]
fn the_tutorial_has_given_and_derived_cues_in_time_order() {
    let list = cue_list(&repo("scenes/tutorial.ron"));
    assert!(list.windows(2).all(|w| w[0].at <= w[1].at), "time order");
    let given: Vec<String> = list
        .iter()
        .filter(|c| c.source == Source::Given)
        .map(Cue::label)
        .collect();
    assert_eq!(given, ["LX 1", "SQ 1", "SQ 2", "LX 2"]);
    // The slam has one sound cue (the given one covers it) and a stage-management cue.
    let at_slam: Vec<(Department, Source)> = list
        .iter()
        .filter(|c| (c.at.seconds() - 32.0).abs() < 1e-9)
        .map(|c| (c.dept, c.source))
        .collect();
    assert_eq!(
        at_slam,
        [
            (Department::Sound, Source::Given),
            (Department::StageManagement, Source::Derived)
        ]
    );
    for dept in [
        Department::Camera,
        Department::Props,
        Department::StageManagement,
    ] {
        assert!(
            list.iter()
                .any(|c| c.dept == dept && c.source == Source::Derived),
            "a derived {dept:?} cue"
        );
    }
    // Ana walks from the kitchen into the living room through the arch: an entrance.
    assert!(
        list.iter()
            .any(|c| c.what == "Ana enters the living room from the kitchen")
    );
    // Numbers are unique within each department.
    let mut seen = std::collections::BTreeSet::new();
    assert!(list.iter().all(|c| seen.insert(c.label())), "{seen:?}");
}

#[test]
fn a_slam_without_a_sound_cue_gets_a_derived_one() {
    let (_dir, path) = hostile();
    let list = cue_list(std::path::Path::new(&path));
    let sound: Vec<&Cue> = list
        .iter()
        .filter(|c| c.dept == Department::Sound)
        .collect();
    assert_eq!(sound.len(), 1);
    assert_eq!(sound[0].source, Source::Derived);
    assert_eq!(sound[0].what, "Door \"D\", <1> & 2 slam");
    let lens = list
        .iter()
        .find(|c| c.dept == Department::Camera)
        .expect("camera cue");
    assert_eq!(
        lens.what,
        "Frame Zoë <x> & \"y\", z; lens change 24 → 50 mm"
    );
    // The unnumbered given lighting cue is numbered after LX 1.
    assert!(labels(&list).contains(&"LX 2".to_string()));
    assert!(labels(&list).contains(&"FX 4A".to_string()));
}

#[test]
fn adding_a_cue_keeps_the_other_numbers() {
    let tutorial = std::fs::read_to_string(repo("scenes/tutorial.ron")).expect("tutorial");
    let marker = "        (at: \"0:36\", do: Put(";
    assert!(
        tutorial.contains(marker),
        "the tutorial still has its 0:36 put"
    );
    let extra = format!("        (at: \"0:35\", do: Camera(frame: [\"ben\"])),\n{marker}");
    let (_a, before) = scene_file("before.ron", &tutorial);
    let (_b, after) = scene_file("after.ron", &tutorial.replacen(marker, &extra, 1));
    let (before, after) = (cue_list(&before), cue_list(&after));
    assert_eq!(after.len(), before.len() + 1);
    let added: Vec<&Cue> = after
        .iter()
        .filter(|c| !before.iter().any(|b| b.label() == c.label()))
        .collect();
    assert_eq!(added.len(), 1, "only the new cue has a new number");
    assert_eq!(added[0].dept, Department::Camera);
    // Every cue that was there keeps its number.
    for cue in &before {
        assert!(
            after
                .iter()
                .any(|c| c.label() == cue.label() && c.what == cue.what && c.at == cue.at),
            "{} kept",
            cue.label()
        );
    }
}

// ---- Every format read back --------------------------------------------------------------

#[test]
fn csv_reads_back_as_the_cue_list() {
    let path = repo("scenes/tutorial.ron");
    let list = cue_list(&path);
    let out = cues(&["--format", "csv", "scenes/tutorial.ron"]);
    assert!(out.windows(2).any(|w| w == b"\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[..3], ["dept", "no", "time"]);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), list.len());
    for (record, cue) in records.iter().zip(&list) {
        assert_eq!(format!("{} {}", &record[0], &record[1]), cue.label());
        assert_eq!(&record[2], cue.at.clock());
        assert_eq!(&record[4], cue.what);
        assert_eq!(&record[9], cue.source.name());
    }
}

#[test]
fn csv_keeps_hostile_text_and_defuses_formulas() {
    let (_dir, path) = hostile();
    let out = cues(&["--format", "csv", &path]);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let what: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    assert!(what.contains(&W1), "{what:?}");
    assert!(what.contains(&format!("'{W2}").as_str()), "{what:?}");
    assert!(rows.iter().any(|r| &r[5] == ROOM && &r[6] == "Cam"));
    assert!(rows.iter().any(|r| &r[6] == PERSON));
    assert!(rows.iter().any(|r| &r[8] == NOTE));
}

#[test]
fn json_reads_back_as_the_cue_list() {
    let list = cue_list(&repo("scenes/tutorial.ron"));
    let out = cues(&["--format", "json", "scenes/tutorial.ron"]);
    let value: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(value["title"], "Tutorial: Coffee");
    let rows = value["cues"].as_array().expect("cues array");
    assert_eq!(rows.len(), list.len());
    for (row, cue) in rows.iter().zip(&list) {
        assert_eq!(row["label"], cue.label());
        assert_eq!(row["what"], cue.what);
        assert_eq!(row["source"], cue.source.name());
        assert!((row["seconds"].as_f64().unwrap_or(-1.0) - cue.at.seconds()).abs() < 1e-3);
    }
    let (_dir, path) = hostile();
    let value: serde_json::Value =
        serde_json::from_slice(&cues(&["--format", "json", &path])).expect("JSON");
    let rows = value["cues"].as_array().expect("cues array");
    assert!(rows.iter().any(|r| r["what"] == W1 && r["notes"] == NOTE));
    assert!(rows.iter().any(|r| r["what"] == W2));
    assert!(rows.iter().any(|r| r["where"] == ROOM && r["who"] == "Cam"));
    assert!(rows.iter().any(|r| r["who"] == PERSON));
}

/// The text of an element with `<br/>` read as a line break.
fn xml_text(node: roxmltree::Node) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if d.is_text() {
            out.push_str(d.text().unwrap_or(""));
        } else if d.has_tag_name("br") {
            out.push('\n');
        }
    }
    out
}

fn has_class(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

#[test]
fn html_is_well_formed_and_holds_every_cue() {
    let list = cue_list(&repo("scenes/tutorial.ron"));
    let html = text(&["--format", "html", "scenes/tutorial.ron"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in [
        "thead { display: table-header-group; }",
        "break-inside: avoid",
        "@page { size: A4 landscape",
        "@media print",
    ] {
        assert!(html.contains(needle), "print CSS has {needle}");
    }
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed markup");
    let rows: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tr") && (has_class(n, "given") || has_class(n, "derived")))
        .collect();
    assert_eq!(rows.len(), list.len());
    for (row, cue) in rows.iter().zip(&list) {
        let cell = |class: &str| {
            row.children()
                .find(|c| c.has_tag_name("td") && has_class(c, class))
                .map(xml_text)
                .unwrap_or_default()
        };
        assert_eq!(format!("{} {}", cell("dept"), cell("number")), cue.label());
        assert_eq!(cell("what"), cue.what);
    }
    assert!(doc.descendants().any(|n| n.has_tag_name("thead")));
    // Hostile text survives as text, never as markup.
    let (_dir, path) = hostile();
    let html = text(&["--format", "html", &path]);
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed markup");
    let cells: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("td"))
        .map(xml_text)
        .collect();
    for expected in [W1, W2, NOTE, ROOM, PERSON] {
        assert!(
            cells.iter().any(|c| c == expected),
            "{expected:?} in {cells:?}"
        );
    }
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("h1"))
        .map(xml_text);
    assert_eq!(title.as_deref(), Some("Quotes, \"commas\" & <tags>"));
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("tags") || n.has_tag_name("now"))
    );
}

/// Reads a GFM table back: the cells of each body row, `<br>` as a line break. Any other
/// markup or formatting in a cell means scene text leaked out as Markdown.
fn markdown_rows(text: &str) -> Vec<Vec<String>> {
    use markdown::mdast::Node;
    fn cell_text(node: &Node, out: &mut String) {
        match node {
            Node::Text(t) => out.push_str(&t.value),
            Node::InlineCode(c) => panic!("code span leaked into the table: {}", c.value),
            Node::Html(h) if h.value.trim() == "<br>" => out.push('\n'),
            Node::Html(h) => panic!("markup leaked into the table: {}", h.value),
            Node::Emphasis(_) | Node::Strong(_) | Node::Link(_) | Node::Delete(_) => {
                panic!("Markdown formatting leaked into the table: {node:?}")
            }
            other => {
                for child in other.children().into_iter().flatten() {
                    cell_text(child, out);
                }
            }
        }
    }
    let tree = markdown::to_mdast(text, &markdown::ParseOptions::gfm()).expect("Markdown");
    let table = tree
        .children()
        .into_iter()
        .flatten()
        .find(|n| matches!(n, Node::Table(_)))
        .expect("a table");
    let rows = table.children().cloned().unwrap_or_default();
    rows.iter()
        .skip(1)
        .map(|row| {
            row.children()
                .into_iter()
                .flatten()
                .map(|cell| {
                    let mut out = String::new();
                    cell_text(cell, &mut out);
                    out
                })
                .collect()
        })
        .collect()
}

#[test]
fn markdown_reads_back_as_the_cue_list() {
    let list = cue_list(&repo("scenes/tutorial.ron"));
    let rows = markdown_rows(&text(&["--format", "md", "scenes/tutorial.ron"]));
    assert_eq!(rows.len(), list.len());
    for (row, cue) in rows.iter().zip(&list) {
        assert_eq!(format!("{} {}", row[0], row[1]), cue.label());
        assert_eq!(row[4], cue.what);
    }
    let (_dir, path) = hostile();
    let rows = markdown_rows(&text(&["--format", "md", &path]));
    let cells: Vec<&String> = rows.iter().flatten().collect();
    for expected in [W1, W2, NOTE, ROOM, PERSON, "Room B | *west*"] {
        assert!(
            cells.iter().any(|c| c.as_str() == expected),
            "{expected:?} in {cells:?}"
        );
    }
}

/// A WebVTT cue read by [`parse_vtt`].
struct VttCue {
    start: f64,
    end: f64,
    lines: Vec<String>,
}

/// `hh:mm:ss.ttt` (or `mm:ss.ttt`) in seconds, strictly as the spec writes timestamps.
fn vtt_time(text: &str) -> f64 {
    let parts: Vec<&str> = text.split(':').collect();
    assert!(matches!(parts.len(), 2 | 3), "timestamp {text:?}");
    let (h, m, s) = match parts[..] {
        [m, s] => ("0", m, s),
        [h, m, s] => (h, m, s),
        _ => unreachable!(),
    };
    let (secs, millis) = s.split_once('.').expect("milliseconds");
    assert!(h.len() >= 2 || parts.len() == 2, "hours {text:?}");
    assert_eq!(m.len(), 2, "minutes {text:?}");
    assert_eq!(secs.len(), 2, "seconds {text:?}");
    assert_eq!(millis.len(), 3, "milliseconds {text:?}");
    for field in [h, m, secs, millis] {
        assert!(field.bytes().all(|b| b.is_ascii_digit()), "{text:?}");
    }
    let (m, s): (f64, f64) = (m.parse().unwrap(), secs.parse().unwrap());
    assert!(m < 60.0 && s < 60.0, "{text:?}");
    h.parse::<f64>().unwrap() * 3600.0 + m * 60.0 + s + millis.parse::<f64>().unwrap() / 1000.0
}

/// Decodes the character references a caption may hold; anything else after `&` or any
/// `<` (a tag) fails, since oner writes plain text.
fn vtt_unescape(line: &str) -> String {
    assert!(!line.contains('<'), "tag in caption {line:?}");
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let (entity, c) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>')]
            .into_iter()
            .find(|(e, _)| after.starts_with(e))
            .unwrap_or_else(|| panic!("bare & in {line:?}"));
        out.push(c);
        rest = &after[entity.len()..];
    }
    out.push_str(rest);
    out
}

/// A strict reading of the WebVTT file grammar: signature, header, then NOTE blocks and cue
/// blocks (optional identifier, timing line, text) separated by blank lines.
fn parse_vtt(text: &str) -> Vec<VttCue> {
    assert!(!text.contains('\r') && !text.contains('\0'));
    let mut blocks = text.split("\n\n");
    let header = blocks.next().expect("header");
    assert_eq!(header, "WEBVTT", "signature alone on its line");
    let mut cues = Vec::new();
    let mut last_start = 0.0;
    for block in blocks.filter(|b| !b.trim().is_empty()) {
        let lines: Vec<&str> = block.split('\n').collect();
        assert!(
            lines.iter().all(|l| !l.trim().is_empty()),
            "blank line in {block:?}"
        );
        if lines[0] == "NOTE" || lines[0].starts_with("NOTE ") {
            assert!(!block.contains("-->"), "--> in a comment");
            continue;
        }
        let timing_at = if lines[0].contains("-->") { 0 } else { 1 };
        let timing = lines.get(timing_at).expect("timing line");
        let (start, end) = timing.split_once(" --> ").expect("timing");
        let (start, end) = (
            vtt_time(start),
            vtt_time(end.split(' ').next().unwrap_or("")),
        );
        assert!(end > start, "{timing}");
        assert!(start >= last_start, "cues in start order");
        last_start = start;
        let payload = &lines[timing_at + 1..];
        assert!(!payload.is_empty(), "cue text");
        assert!(
            payload.iter().all(|l| !l.contains("-->")),
            "--> in cue text"
        );
        cues.push(VttCue {
            start,
            end,
            lines: payload.iter().map(|l| vtt_unescape(l)).collect(),
        });
    }
    cues
}

#[test]
fn vtt_follows_the_grammar_and_holds_every_cue() {
    let list = cue_list(&repo("scenes/tutorial.ron"));
    let captions = parse_vtt(&text(&["--format", "vtt", "scenes/tutorial.ron"]));
    assert_eq!(captions.len(), list.len());
    for (caption, cue) in captions.iter().zip(&list) {
        assert!((caption.start - cue.at.seconds()).abs() < 0.001);
        assert!(caption.end <= 45.0 + 1.0);
        assert_eq!(caption.lines[0], format!("{}: {}", cue.label(), cue.what));
    }
    let (_dir, path) = hostile();
    let captions = parse_vtt(&text(&["--format", "vtt", &path]));
    let first: Vec<&str> = captions.iter().map(|c| c.lines[0].as_str()).collect();
    assert!(first.contains(&"LX 1: Fade, \"slowly\" <now> & then second line"));
    assert!(first.contains(&"FX 4A: =cmd|' /C calc'!A0 --> boom"));
    assert!(
        captions
            .iter()
            .any(|c| c.lines.get(1).map(String::as_str) == Some(&format!("{ROOM} · Cam")))
    );
}

/// The text of every page of a PDF, in drawing order.
fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf reads");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    (pages.len(), text)
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pdf_text_extracts_and_holds_every_cue() {
    let list = cue_list(&repo("scenes/we-cry-together.ron"));
    let bytes = cues(&["--format", "pdf", "scenes/we-cry-together.ron"]);
    assert!(bytes.starts_with(b"%PDF-"));
    let (pages, text) = pdf_text(&bytes);
    assert!(pages >= 2, "a six-minute take needs more than one page");
    let squashed = squash(&text);
    for cue in &list {
        assert!(
            squashed.contains(&squash(&cue.what)),
            "{:?} in the PDF",
            cue.what
        );
    }
    for n in 1..=pages {
        assert!(
            text.contains(&format!("Page {n} of {pages}")),
            "page number {n}"
        );
    }
    // The header row is on every page.
    assert_eq!(text.matches("What happens").count(), pages);
    assert!(text.contains("We Cry Together"));
    assert!(
        text.contains("we-cry-together.ron"),
        "generated-from file name"
    );
}

#[test]
fn pdf_keeps_hostile_text() {
    let (_dir, path) = hostile();
    let (_, text) = pdf_text(&cues(&["--format", "pdf", &path]));
    let squashed = squash(&text);
    for expected in [W1, W2, NOTE, ROOM, PERSON] {
        assert!(
            squashed.contains(&squash(expected)),
            "{expected:?} in {text}"
        );
    }
}

#[test]
fn pdf_embeds_its_fonts_and_sizes_its_paper() {
    for (paper, size) in [("a4", (841.89, 595.28)), ("letter", (792.0, 612.0))] {
        let bytes = cues(&["--format", "pdf", "--paper", paper, "scenes/tutorial.ron"]);
        let doc = lopdf::Document::load_mem(&bytes).expect("PDF");
        let mut fonts = 0;
        for object in doc.objects.values() {
            if let Ok(dict) = object.as_dict()
                && dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor")
            {
                fonts += 1;
                assert!(
                    dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                    "font embedded"
                );
            }
        }
        assert!(fonts >= 2, "regular and bold");
        let page = *doc.get_pages().values().next().expect("a page");
        let media = doc
            .get_dictionary(page)
            .and_then(|p| p.get(b"MediaBox"))
            .and_then(|m| m.as_array())
            .expect("MediaBox")
            .iter()
            .map(|n| n.as_float().unwrap_or(-1.0))
            .collect::<Vec<f32>>();
        assert!((media[2] - size.0).abs() < 0.5 && (media[3] - size.1).abs() < 0.5);
    }
}

#[test]
fn pdf_is_the_same_every_time() {
    let a = cues(&["--format", "pdf", "scenes/tutorial.ron"]);
    let b = cues(&["--format", "pdf", "scenes/tutorial.ron"]);
    assert!(a == b, "byte-identical PDFs");
}

#[test]
fn table_keeps_hostile_text_on_one_line_per_cell() {
    let (_dir, path) = hostile();
    let table = text(&["--width", "400", &path]);
    assert!(table.contains("Fade, \"slowly\" <now> & then second line"));
    assert!(table.contains(W2));
    assert!(table.contains("── Beat <1>, \"one\" & all · 0:00.0 ─"));
    assert!(table.lines().all(|l| l.chars().count() <= 400));
    for width in [90, 120] {
        let narrow = text(&["--width", &width.to_string(), "scenes/we-cry-together.ron"]);
        let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(widest <= width, "wrapped to {width}, widest line {widest}");
    }
}

// ---- Filters, calls, timecode -------------------------------------------------------------

fn json_rows(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let value: serde_json::Value = serde_json::from_slice(&cues(&all)).expect("JSON");
    value["cues"].as_array().cloned().unwrap_or_default()
}

#[test]
fn department_filter_takes_abbreviations_and_names() {
    let rows = json_rows(&["--dept", "lx,Sound", "scenes/tutorial.ron"]);
    let depts: Vec<&str> = rows.iter().filter_map(|r| r["dept"].as_str()).collect();
    assert_eq!(depts, ["LX", "SQ", "SQ", "LX"]);
    let rows = json_rows(&["--dept", "stage-management", "scenes/tutorial.ron"]);
    assert!(!rows.is_empty() && rows.iter().all(|r| r["dept"] == "SM"));
    let out = oner(&["cues", "--dept", "LX,nope", "scenes/tutorial.ron"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown department `nope`"));
}

#[test]
fn who_from_to_and_beat_filters() {
    let rows = json_rows(&["--who", "ben", "scenes/tutorial.ron"]);
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["who"].as_str().unwrap_or("").contains("Ben"))
    );
    assert_eq!(rows, json_rows(&["--who", "BEN", "scenes/tutorial.ron"]));
    let rows = json_rows(&["--from", "0:10", "--to", "0:32", "scenes/tutorial.ron"]);
    assert!(rows.iter().all(|r| {
        let s = r["seconds"].as_f64().unwrap_or(-1.0);
        (10.0..=32.0).contains(&s)
    }));
    assert!(rows.iter().any(|r| r["seconds"] == 32.0));
    let by_title = json_rows(&["--beat", "the news", "scenes/tutorial.ron"]);
    assert_eq!(by_title, json_rows(&["--beat", "2", "scenes/tutorial.ron"]));
    assert!(by_title.iter().all(|r| r["beat"] == "The news"));
    for bad in [
        ["--who", "nobody"],
        ["--beat", "9"],
        ["--from", "9:00"],
        ["--from", "oops"],
    ] {
        let mut args = vec!["cues"];
        args.extend(bad);
        args.push("scenes/tutorial.ron");
        let out = oner(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn calls_give_warning_standby_and_go_at_their_lead_times() {
    let script = json_document(&["--calls", "scenes/tutorial.ron"]);
    // (call, block time) for each call of one cue.
    let calls_for = |label: &str| -> Vec<(String, f64)> {
        let mut out = Vec::new();
        for entry in script["entries"].as_array().expect("entries") {
            if entry["type"] != "block" {
                continue;
            }
            for call in entry["calls"].as_array().expect("calls") {
                if call["cues"]
                    .as_array()
                    .expect("cues")
                    .iter()
                    .any(|c| c["label"] == label)
                {
                    out.push((
                        call["call"].as_str().unwrap_or("").to_string(),
                        entry["seconds"].as_f64().unwrap_or(-1.0),
                    ));
                }
            }
        }
        out
    };
    // SQ 1 at 0:32 with standby 0:28: the warning is due 30 s before (0:02) and is given
    // with LX 1's GO at 0:00, a little early, rather than alone; standby as written.
    assert_eq!(
        calls_for("SQ 1"),
        [
            ("warning".to_string(), 0.0),
            ("standby".to_string(), 28.0),
            ("go".to_string(), 32.0)
        ]
    );
    // LX 1 GOes at 0:00: its warning and standby are due before the take, in the pre-show
    // block (time null), never clamped to 0:00.
    assert_eq!(
        calls_for("LX 1"),
        [
            ("warning".to_string(), -1.0),
            ("standby".to_string(), -1.0),
            ("go".to_string(), 0.0)
        ]
    );
    let table = text(&["--calls", "scenes/tutorial.ron"]);
    assert!(table.contains("Calling script"));
    assert!(table.contains("BEFORE THE TAKE"));
    assert!(
        table
            .lines()
            .any(|l| l.contains("▶ LX 1 GO — as the take starts"))
    );
}

#[test]
fn smpte_timecode_at_the_frame_rate_with_drop_frame() {
    let rows = json_rows(&["--timecode", "smpte", "scenes/tutorial.ron"]);
    let sq = rows.iter().find(|r| r["label"] == "SQ 1").expect("SQ 1");
    assert_eq!(sq["time"], "00:00:32:00");
    assert_eq!(sq["standby"], "00:00:28:00");
    let ntsc = std::fs::read_to_string(repo("scenes/tutorial.ron"))
        .expect("tutorial")
        .replace("frame_rate: 24,", "frame_rate: 29.97,");
    let (_dir, path) = scene_file("ntsc.ron", &ntsc);
    let path = path.to_string_lossy().into_owned();
    let rows = json_rows(&["--timecode", "smpte", &path]);
    let sq = rows.iter().find(|r| r["label"] == "SQ 1").expect("SQ 1");
    assert_eq!(sq["time"], "00:00:31;29", "32 s of real time in drop-frame");
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("sheet.csv");
    let out = oner(&[
        "cues",
        "--format",
        "csv",
        "-o",
        &file.to_string_lossy(),
        "scenes/tutorial.ron",
    ])
    .output()
    .expect("run");
    assert!(out.status.success());
    let written = std::fs::read(&file).expect("written");
    assert_eq!(written, cues(&["--format", "csv", "scenes/tutorial.ron"]));
}

#[test]
fn build_files_names_every_sheet() {
    let path = repo("scenes/tutorial.ron");
    let source = std::fs::read_to_string(&path).expect("read");
    let file = oner::source::SourceFile::new("tutorial.ron", source);
    let loaded = oner::load::load(&file);
    let scene = loaded.scene.as_ref().expect("loads");
    let sim = oner::sim::Simulation::new(scene);
    let files = cuesheet::build_files(scene, &sim);
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for name in [
        "cues.md",
        "cues.csv",
        "cues.html",
        "cues.pdf",
        "cues.vtt",
        "cues-calls.pdf",
        "cues-lx.pdf",
        "cues-lx.csv",
        "cues-sq.pdf",
        "cues-cam.csv",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(
        !names.contains(&"cues-fx.pdf"),
        "no sheet for a department without cues"
    );
    assert!(files.iter().all(|f| !f.bytes.is_empty()));
}

// ---- Snapshots of the text formats ------------------------------------------------------

#[test]
fn tutorial_snapshots() {
    insta::assert_snapshot!(
        "cues-tutorial-table",
        text(&["--width", "100", "scenes/tutorial.ron"])
    );
    insta::assert_snapshot!(
        "cues-tutorial-calls",
        text(&[
            "--calls",
            "--dept",
            "LX,SQ",
            "--width",
            "120",
            "scenes/tutorial.ron"
        ])
    );
    for (name, format) in [
        ("cues-tutorial-md", "md"),
        ("cues-tutorial-csv", "csv"),
        ("cues-tutorial-vtt", "vtt"),
        ("cues-tutorial-json", "json"),
        ("cues-tutorial-html", "html"),
    ] {
        insta::assert_snapshot!(name, text(&["--format", format, "scenes/tutorial.ron"]));
    }
}

// ---- One truth: every output counts the same cues --------------------------------------

/// Cues per department (`LX` → 5) from labels such as `LX 2.5`.
fn per_dept<'a>(
    labels: impl IntoIterator<Item = &'a str>,
) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for label in labels {
        let dept = label.split(' ').next().unwrap_or("").to_string();
        *counts.entry(dept).or_insert(0) += 1;
    }
    counts
}

/// The cue counts per department of the cue sheet, the stats, the timeline chart's cue rows,
/// the player and the calling script of one scene file, each read from its own output.
fn counts_everywhere(path: &str) -> Vec<(&'static str, std::collections::BTreeMap<String, usize>)> {
    let sheet = json_rows(&[path]);
    let sheet = per_dept(sheet.iter().filter_map(|r| r["label"].as_str()));
    let out = oner(&["stats", "--format", "json", "-o", "-", path])
        .output()
        .expect("run stats");
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    let stats: std::collections::BTreeMap<String, usize> = stats["cues"]["by_department"]
        .as_array()
        .expect("by_department")
        .iter()
        .map(|d| {
            (
                d["dept"].as_str().unwrap_or("").to_string(),
                d["count"].as_u64().unwrap_or(0) as usize,
            )
        })
        .collect();
    let out = oner(&["timeline", "-o", "-", path])
        .output()
        .expect("run timeline");
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).expect("UTF-8");
    let doc = roxmltree::Document::parse(&svg).expect("timeline SVG parses");
    let mut chart = std::collections::BTreeMap::new();
    for row in doc.descendants().filter(|n| n.has_attribute("data-dept")) {
        let n = row.children().filter(|c| has_class(c, "cue")).count();
        if n > 0 {
            chart.insert(row.attribute("data-dept").unwrap_or("").to_string(), n);
        }
    }
    let scene = crate::common::load_scene_text(path, &crate::common::read(&repo(path)));
    let sim = oner::sim::Simulation::new(&scene);
    let take = oner::play::data::Take::new(&scene, &sim, 1.0, &[]);
    let player = per_dept(take.cues.iter().map(|c| c.label.as_str()));
    let script = json_document(&["--calls", path]);
    let mut script_labels = Vec::new();
    for entry in script["entries"].as_array().expect("entries") {
        match entry["type"].as_str() {
            Some("block") => {
                for call in entry["calls"].as_array().expect("calls") {
                    if call["call"] == "go" {
                        for cue in call["cues"].as_array().expect("cues") {
                            script_labels.push(cue["label"].as_str().unwrap_or("").to_string());
                        }
                    }
                }
            }
            Some("action") => script_labels.extend(
                entry["cues"]
                    .as_array()
                    .expect("cues")
                    .iter()
                    .map(|c| c.as_str().unwrap_or("").to_string()),
            ),
            Some("info") => script_labels.push(entry["label"].as_str().unwrap_or("").to_string()),
            _ => {}
        }
    }
    let script = per_dept(script_labels.iter().map(String::as_str));
    vec![
        ("cue sheet", sheet),
        ("stats", stats),
        ("timeline chart", chart),
        ("player", player),
        ("calling script", script),
    ]
}

fn json_document(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&cues(&all)).expect("JSON")
}

#[test]
fn every_output_counts_the_same_cues_per_department() {
    for path in [
        "scenes/we-cry-together.ron",
        "tests/fixtures/calls/calling.ron",
    ] {
        let all = counts_everywhere(path);
        let (_, sheet) = &all[0];
        assert!(sheet.len() >= 4, "{path}: {sheet:?}");
        for (name, counts) in &all[1..] {
            assert_eq!(counts, sheet, "{path}: {name} against the cue sheet");
        }
    }
}

#[test]
fn the_study_scene_numbers_crowded_inserts_with_letters_not_two_places() {
    let cues = cue_list(&repo("scenes/we-cry-together.ron"));
    let labels = labels(&cues);
    assert!(labels.contains(&"SM 1A".to_string()), "{labels:?}");
    assert!(
        cues.iter()
            .all(|c| c.number.split('.').nth(1).is_none_or(|p| p.len() == 1)),
        "{labels:?}"
    );
    // The called cues are the operator departments' given cues, and SM 2 (the fly), which
    // the scene marks `called: true`.
    let called: Vec<String> = cues.iter().filter(|c| c.called).map(Cue::label).collect();
    let operator = |l: &String| ["LX", "SQ", "CAM", "FX"].iter().any(|d| l.starts_with(d));
    assert!(
        called.iter().all(|l| operator(l) || l == "SM 2"),
        "{called:?}"
    );
    assert!(called.contains(&"SM 2".to_string()));
    assert!(
        cues.iter()
            .filter(|c| c.source == Source::Derived)
            .all(|c| !c.called)
    );
}

// ---- The calling script ------------------------------------------------------------------

/// The spoken calls in the PDF's text, in order: (call, labels), `call` one of `Warning`,
/// `Standby`, `GO`.
fn spoken_calls(text: &str) -> Vec<(String, Vec<String>)> {
    let label = r"(?:LX|SQ|CAM|SM|PROPS|FX) [0-9A-Z.]+";
    let mut calls = Vec::new();
    for line in text.lines().map(str::trim) {
        let (call, rest) = if let Some(rest) = line.strip_prefix("Warning ") {
            ("Warning", rest)
        } else if let Some(rest) = line.strip_prefix("Standby ") {
            ("Standby", rest)
        } else if let Some(rest) = line.strip_suffix(" GO") {
            ("GO", rest)
        } else {
            continue;
        };
        let labels: Vec<String> = rest.split(", ").map(|l| l.trim().to_string()).collect();
        let well_formed = labels.iter().all(|l| {
            let mut parts = l.splitn(2, ' ');
            let dept = parts.next().unwrap_or("");
            let number = parts.next().unwrap_or("");
            label.contains(dept)
                && !dept.is_empty()
                && !number.is_empty()
                && number
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.')
        });
        if well_formed {
            calls.push((call.to_string(), labels));
        }
    }
    calls
}

#[test]
fn the_calling_script_pdf_calls_every_called_cue_once_in_order() {
    for path in [
        "scenes/we-cry-together.ron",
        "tests/fixtures/calls/calling.ron",
    ] {
        let list = cue_list(&repo(path));
        let called: Vec<String> = list.iter().filter(|c| c.called).map(Cue::label).collect();
        assert!(called.len() >= 8, "{path}: {called:?}");
        let bytes = cues(&["--calls", "--format", "pdf", path]);
        let (pages, text) = pdf_text(&bytes);
        let calls = spoken_calls(&text);
        for label in &called {
            let at: Vec<(usize, &str)> = calls
                .iter()
                .enumerate()
                .filter(|(_, (_, labels))| labels.contains(label))
                .map(|(i, (call, _))| (i, call.as_str()))
                .collect();
            let kinds: Vec<&str> = at.iter().map(|(_, c)| *c).collect();
            assert_eq!(
                kinds,
                ["Warning", "Standby", "GO"],
                "{path}: {label} in {text}"
            );
        }
        // Nothing else is called: every label on a call line is a called cue.
        for (_, labels) in &calls {
            for label in labels {
                assert!(called.contains(label), "{path}: {label} called");
            }
        }
        // Every page carries the revision stamp.
        let file = path.rsplit('/').next().unwrap_or(path);
        assert!(
            text.matches(file).count() >= pages,
            "{path}: stamp on every page"
        );
        assert!(text.contains("rev "), "{path}: content hash");
    }
}

#[test]
fn the_calling_script_keeps_hostile_text_inert_in_every_format() {
    let text = HOSTILE.replace("Unnumbered, \\\"quoted\\\"", "Unnumbered\u{1b}[2J\u{7}");
    let text = text.replace(
        "(at: \"0:16\", do: Cue(dept: Lighting,",
        "(at: \"0:09\", do: Line(who: \"x\", says: \"=HYPERLINK(1) \u{1b}]8;;evil\u{7} <b>&</b>\")),\n        (at: \"0:16\", do: Cue(dept: Lighting,",
    );
    let (_dir, path) = scene_file("hostile-calls.ron", &text);
    let path = path.to_string_lossy().into_owned();
    for format in ["table", "md", "csv", "html", "vtt", "json"] {
        let out = String::from_utf8(cues(&["--calls", "--format", format, &path])).expect("UTF-8");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format}: control characters"
        );
        match format {
            "html" => {
                let options = roxmltree::ParsingOptions {
                    allow_dtd: true,
                    ..roxmltree::ParsingOptions::default()
                };
                let doc = roxmltree::Document::parse_with_options(&out, options)
                    .expect("well-formed HTML");
                let all: String = doc.descendants().filter_map(|n| n.text()).collect();
                assert!(all.contains("<b>&</b>"), "html keeps the text as text");
                assert!(!out.contains("<b>&</b>"));
            }
            "csv" => {
                assert!(out.contains("'=HYPERLINK"), "csv defuses formulas: {out}");
                assert!(
                    !out.contains(",=") && !out.contains("\"=") && !out.contains("\n="),
                    "no field starts a formula: {out}"
                );
            }
            "json" => {
                let _: serde_json::Value = serde_json::from_str(&out).expect("JSON");
            }
            _ => {}
        }
        // The captions carry only the calls; every other format the running text too.
        assert!(
            format == "vtt" || out.contains("HYPERLINK"),
            "{format} keeps the line"
        );
    }
    let (_, pdf) = pdf_text(&cues(&["--calls", "--format", "pdf", &path]));
    assert!(squash(&pdf).contains(&squash(W2)), "{pdf}");
}

// ---- oner call -----------------------------------------------------------------------------

#[test]
fn call_without_a_terminal_prints_the_timed_log() {
    let out = oner(&[
        "call",
        "--no-wait",
        "--dept",
        "SQ",
        "--from",
        "0:05",
        "tests/fixtures/calls/calling.ron",
    ])
    .output()
    .expect("run");
    assert!(out.status.success());
    let log = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(
        lines[0],
        "Calling practice: Coffee, re-cued — calls from 0:05.0"
    );
    assert!(
        lines.contains(&"   0:32.0  SQ 2 GO — as Ben slams the pantry door"),
        "{log}"
    );
    assert!(!log.contains("LX"), "only sound is called: {log}");
    assert!(!log.contains("SQ 1 GO"), "SQ 1 went before 0:05: {log}");
    assert_eq!(lines.last().copied(), Some("   0:45.0  end of the take"));
    for bad in [
        vec!["call", "--speed", "0", "tests/fixtures/calls/calling.ron"],
        vec!["call", "--dept", "XYZ", "tests/fixtures/calls/calling.ron"],
        vec!["call", "--from", "9:00", "tests/fixtures/calls/calling.ron"],
    ] {
        let out = oner(&bad).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn call_keeps_control_characters_in_scene_text_off_the_terminal() {
    // The beat title reaches the log; an escape sequence in it must not reach the terminal.
    let text = HOSTILE.replace("Beat <1>", "Beat\u{1b}[2J<1>");
    assert_ne!(text, HOSTILE);
    let (_dir, path) = scene_file("hostile-call.ron", &text);
    let out = oner(&["call", "--no-wait", &path.to_string_lossy()])
        .output()
        .expect("run");
    assert!(out.status.success());
    let log = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!log.contains('\u{1b}'), "{log}");
    assert!(log.contains("Beat"), "{log}");
    assert!(log.contains("LX 1 GO"), "{log}");
}

// ---- One spelling of the output option -------------------------------------------------------

#[test]
fn every_subcommand_spells_the_output_option_the_same_and_keeps_the_old_one_hidden() {
    use clap::CommandFactory;
    let cli = oner::cli::Cli::command();
    let mut writers = Vec::new();
    for sub in cli.get_subcommands() {
        for arg in sub.get_arguments() {
            let long = arg.get_long();
            let is_output =
                arg.get_short() == Some('o') || long.is_some_and(|l| l.starts_with("out"));
            if !is_output {
                continue;
            }
            writers.push(sub.get_name().to_string());
            assert_eq!(arg.get_short(), Some('o'), "{}", sub.get_name());
            assert_eq!(long, Some("output"), "{}", sub.get_name());
            let aliases: Vec<&str> = arg.get_all_aliases().unwrap_or_default();
            assert_eq!(
                aliases,
                ["out"],
                "{}: the old spelling still works",
                sub.get_name()
            );
            let visible = arg.get_visible_aliases().unwrap_or_default();
            assert!(
                visible.is_empty(),
                "{}: the alias stays out of --help",
                sub.get_name()
            );
        }
    }
    for name in [
        "plan", "cues", "timeline", "graph", "play", "stats", "build",
    ] {
        assert!(
            writers.contains(&name.to_string()),
            "{name} has -o/--output: {writers:?}"
        );
    }
    // Both spellings write the same file; help shows only the new one.
    let dir = tempfile::tempdir().expect("temp dir");
    for (flag, name) in [("--out", "a.svg"), ("--output", "b.svg"), ("-o", "c.svg")] {
        let path = dir.path().join(name);
        let out = oner(&[
            "timeline",
            "scenes/tutorial.ron",
            flag,
            &path.to_string_lossy(),
        ])
        .output()
        .expect("run");
        assert!(out.status.success(), "{flag}");
    }
    let read = |n: &str| std::fs::read(dir.path().join(n)).expect("written");
    assert_eq!(read("a.svg"), read("b.svg"));
    assert_eq!(read("b.svg"), read("c.svg"));
    let help = oner(&["plan", "--help"]).output().expect("run");
    let help = String::from_utf8(help.stdout).expect("UTF-8");
    assert!(help.contains("-o, --output <DIR>"), "{help}");
    assert!(!help.contains("--out "), "{help}");
}

#[test]
fn the_players_calling_panel_has_the_calling_scripts_calls() {
    let path = "tests/fixtures/calls/calling.ron";
    let scene = crate::common::load_scene_text(path, &crate::common::read(&repo(path)));
    let sim = oner::sim::Simulation::new(&scene);
    let take = oner::play::data::Take::new(&scene, &sim, 1.0, &[]);
    let script = json_document(&["--calls", path]);
    let mut spoken = Vec::new();
    for entry in script["entries"].as_array().expect("entries") {
        if entry["type"] == "block" {
            for call in entry["calls"].as_array().expect("calls") {
                let at = entry["seconds"].as_f64().unwrap_or(-1.0);
                spoken.push((at, call["spoken"].as_str().unwrap_or("").to_string()));
            }
        }
    }
    let player: Vec<(f64, String)> = take.calls.iter().map(|c| (c.at, c.words.clone())).collect();
    assert_eq!(player, spoken);
    assert!(
        player
            .iter()
            .any(|(at, w)| *at < 0.0 && w.starts_with("Warning"))
    );
}
