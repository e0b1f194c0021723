//! The playback page and the study pack's index: well-formed markup, nothing fetched from the
//! network, scene text inert, the same bytes on every run, the embedded take agreeing with the
//! simulation (positions worked out the page's way), and golden files for the tutorial
//! (ONER_BLESS=1 re-accepts them). The page is run in real Chromium by .ci/e2e.d/play.sh.

use crate::common::{oner, repo, scene_file};
use oner::model::{DoorId, PersonId, PropId, Scene};
use oner::output::OutputFile;
use oner::play::data::Take;
use oner::sim::{PropWhere, Simulation};
use oner::time::Time;

fn load_text(name: &str, text: &str) -> Scene {
    crate::common::load_scene_text(name, text)
}

fn load(path: &str) -> Scene {
    crate::common::load_scene(path)
}

fn page(scene: &Scene) -> String {
    let sim = Simulation::new(scene);
    String::from_utf8(oner::play::play_html(scene, &sim)).expect("UTF-8")
}

/// The text of the embedded take.
fn embedded_json(html: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"take\">";
    let start = html.find(open).expect("the take is embedded") + open.len();
    let end = start + html[start..].find("</script>").expect("its element ends");
    &html[start..end]
}

fn take_of(html: &str) -> Take {
    serde_json::from_str(embedded_json(html)).expect("the embedded take is JSON the page can read")
}

/// The page with the bodies of its scripts and style sheets blanked: the rest must be
/// well-formed XML (XHTML-compatible markup), checked with roxmltree.
fn markup_only(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        let next = ["<script", "<style"]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|i| (i, *tag)))
            .min();
        let Some((i, tag)) = next else {
            out.push_str(rest);
            return out;
        };
        let open_end = i + rest[i..].find('>').expect("tag ends");
        let close = format!("</{}>", &tag[1..]);
        let body_end = open_end + rest[open_end..].find(&close).expect("element ends");
        out.push_str(&rest[..=open_end]);
        rest = &rest[body_end..];
        // Skip past the closing tag's start so the same element is not found again.
        out.push_str(&close);
        rest = &rest[close.len()..];
    }
}

fn parse(html: &str) -> roxmltree::Document<'_> {
    let text = html.trim_start_matches("<!DOCTYPE html>");
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("the page is not well-formed: {e}"))
}

fn assert_offline(html: &str) {
    for scheme in ["http://", "https://", "//cdn", "url(", "@import"] {
        assert!(!html.contains(scheme), "the page references `{scheme}`");
    }
}

#[test]
fn the_page_is_well_formed_and_has_everything_it_plays() {
    for path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let scene = load(path);
        let html = page(&scene);
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        let markup = markup_only(&html);
        let doc = parse(&markup);
        let by_id = |id: &str| {
            doc.descendants()
                .find(|n| n.attribute("id") == Some(id))
                .unwrap_or_else(|| panic!("{path}: no #{id}"))
        };
        for id in [
            "plan",
            "live",
            "views",
            "people",
            "props",
            "play",
            "scrub",
            "jump",
            "cues",
            "beat-title",
            "clock",
        ] {
            by_id(id);
        }
        let take = take_of(&html);
        let cues = by_id("cues")
            .children()
            .filter(|n| n.has_tag_name("li"))
            .count();
        assert_eq!(cues, take.cues.len(), "{path}: one list item per cue");
        assert_eq!(take.people.len(), scene.people.len());
        assert_eq!(take.beats.len(), scene.beats.len());
        let scrub = by_id("scrub");
        assert_eq!(
            scrub.attribute("max"),
            Some(oner::escape::number(take.length, 3).as_str())
        );
        let speeds: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute("data-speed"))
            .collect();
        assert_eq!(speeds, ["0.5", "1", "2", "4"]);
        // No network, nothing external: no src or href at all on this page.
        assert_offline(&html);
        assert!(
            doc.descendants()
                .all(|n| n.attribute("src").is_none() && n.attribute("href").is_none()),
            "{path}: the page links nothing"
        );
        let csp = doc
            .descendants()
            .find(|n| n.attribute("http-equiv") == Some("Content-Security-Policy"))
            .and_then(|n| n.attribute("content"))
            .expect("a Content-Security-Policy");
        assert!(csp.starts_with("default-src 'none'"), "{csp}");
    }
}

#[test]
fn doors_that_change_are_drawn_in_each_state() {
    let scene = load("scenes/tutorial.ron");
    let html = page(&scene);
    let take = take_of(&html);
    // The pantry door opens at 0:29 and is slammed at 0:32.
    assert_eq!(take.floor_changes, vec![29.0, 32.0]);
    let markup = markup_only(&html);
    let doc = parse(&markup);
    let variants: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("when")))
        .collect();
    assert!(!variants.is_empty());
    let states: Vec<&str> = variants
        .iter()
        .filter_map(|n| n.attribute("data-k"))
        .collect();
    assert!(states.contains(&"1"), "open from 0:29: {states:?}");
    assert!(
        states.contains(&"0 2"),
        "closed before and after: {states:?}"
    );
    let text_of = |k: &str| -> String {
        variants
            .iter()
            .filter(|n| n.attribute("data-k") == Some(k))
            .flat_map(|n| n.descendants())
            .filter_map(|n| n.text())
            .collect()
    };
    assert!(text_of("1").contains("Pantry door · open"));
    assert!(text_of("0 2").contains("Pantry door · closed"));
    // State 0 is shown before the script runs.
    assert!(variants.iter().any(
        |n| n.attribute("class") == Some("when shown") && n.attribute("data-k") == Some("0 2")
    ));
}

/// Markup, quotes, script ends, comment openers, line separators and template placeholders in
/// every piece of text the page shows.
const HOSTILE: &str = "(
    title: \"</script><script>alert(1)</script> {{data}} & \\\"q\\\"\",
    frame_rate: 24,
    length: \"0:20\",
    set: (
        rooms: {
            \"a\": (name: \"<!--<script>\", shape: Rect(x: 0.0, y: 0.0, w: 5.0, h: 4.0)),
            \"b\": (name: \"</style><b>B</b>\", shape: Rect(x: 5.0, y: 0.0, w: 5.0, h: 4.0)),
        },
        doors: [
            (id: \"d\", name: \"</svg>{{script}}\", kind: Door, rooms: (\"a\", \"b\"), at: (5.0, 2.0), width: 0.9, state: Closed),
        ],
        marks: {
            \"m1\": (room: \"a\", at: (2.0, 2.0)),
            \"m2\": (room: \"b\", at: (8.0, 2.0)),
            \"c\": (room: \"a\", at: (1.0, 1.0)),
        },
    ),
    cast: {
        \"x\": (name: \"</script>\u{2028}<img src=x onerror=alert(2)>\", colour: \"#c0392b\", starts_at: \"m1\"),
    },
    crew: {
        \"cam\": (name: \"Cam & \\\"Co\\\"\", role: Camera(rig: Handheld, lens_mm: 24.0), starts_at: \"c\", facing: \"m1\"),
    },
    props: {
        \"p\": (name: \"<prop>\u{2029}\", starts: OnMark(\"m1\")),
    },
    beats: [
        (at: \"0:00\", title: \"<beat>\", notes: \"</script><script>alert(3)</script>\"),
    ],
    timeline: [
        (at: \"0:01\", do: Take(who: \"x\", prop: \"p\")),
        (at: \"0:02\", do: Line(who: \"x\", says: \"</script><script>alert(4)</script>\", until: \"0:04\")),
        (at: \"0:04\", do: Door(door: \"d\", action: Open, by: \"x\")),
        (at: \"0:05\", do: Move(who: \"x\", to: \"m2\", arrive: \"0:09\")),
        (at: \"0:10\", do: Door(door: \"d\", action: Slam, by: \"x\")),
        (at: \"0:10\", do: Cue(dept: Sound, number: \"1\", what: \"</script><!--<script>\", on_slam: \"d\")),
    ],
)
";

#[test]
fn scene_text_stays_inert() {
    let scene = load_text("hostile", HOSTILE);
    let html = page(&scene);
    for raw in [
        "<script>alert",
        "<img src=x",
        "<!--<script>",
        "</style><b>",
        "<prop>",
        "<beat>",
        "\u{2028}",
        "\u{2029}",
    ] {
        assert!(!html.contains(raw), "raw `{raw}` reached the page");
    }
    // Exactly the page's own script elements: the error counter, the data and the player.
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script>").count(), 3);
    assert_eq!(html.matches("</style>").count(), 1);
    // The text arrives whole, through the JSON.
    let take = take_of(&html);
    assert_eq!(
        take.title,
        "</script><script>alert(1)</script> {{data}} & \"q\""
    );
    assert_eq!(take.lines[0].says, "</script><script>alert(4)</script>");
    assert!(take.cues.iter().any(|c| c.what == "</script><!--<script>"));
    parse(&markup_only(&html));
    assert_offline(&html);
}

#[test]
fn the_page_is_the_same_on_every_run() {
    for path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let (a, b) = (load(path), load(path));
        assert_eq!(page(&a), page(&b), "{path}");
    }
}

/// A walker's position the way page.js works it out (a port of sim/track.rs to the
/// embedded data).
fn position_from(take: &Take, who: usize, t: f64) -> [f64; 2] {
    let person = &take.people[who];
    let Some(leg) = person.legs.iter().take_while(|l| l.depart <= t).last() else {
        return person.start;
    };
    let pts = &leg.points;
    let mut cum = vec![0.0];
    for w in pts.windows(2) {
        let d = ((w[1][0] - w[0][0]).powi(2) + (w[1][1] - w[0][1]).powi(2)).sqrt();
        cum.push(cum.last().copied().unwrap_or(0.0) + d);
    }
    let length = *cum.last().expect("a route has points");
    let duration = leg.arrive - leg.depart;
    if pts.len() < 2 || t >= leg.arrive || duration <= 0.0 {
        return *pts.last().expect("a route has points");
    }
    if t <= leg.depart {
        return pts[0];
    }
    let walked = (t - leg.depart) / duration * length;
    let i = cum
        .iter()
        .take_while(|&&c| c <= walked)
        .count()
        .clamp(1, cum.len() - 1);
    let (c0, c1) = (cum[i - 1], cum[i]);
    let k = if c1 - c0 < 1e-12 {
        1.0
    } else {
        (walked - c0) / (c1 - c0)
    };
    let (a, b) = (pts[i - 1], pts[i]);
    [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k]
}

fn angle_gap(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(std::f64::consts::TAU);
    d.min(std::f64::consts::TAU - d)
}

#[test]
fn the_embedded_take_agrees_with_the_simulation() {
    for path in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let scene = load(path);
        let sim = Simulation::new(&scene);
        let take = take_of(&page(&scene));
        let length = scene.length.seconds();
        let mut t = 0.0;
        while t <= length {
            let at = Time::from_seconds(t).expect("a time");
            for who in 0..scene.people.len() {
                let p = sim.position(PersonId::from_index(who), at);
                let q = position_from(&take, who, t);
                let gap = ((p.x - q[0]).powi(2) + (p.y - q[1]).powi(2)).sqrt();
                assert!(
                    gap < 0.005,
                    "{path}: {} at {t} s is {gap} m off",
                    take.people[who].id
                );
            }
            for (i, door) in take.doors.iter().enumerate() {
                let state = door
                    .changes
                    .iter()
                    .take_while(|c| c.at <= t)
                    .last()
                    .map_or(door.initial.as_str(), |c| c.state.as_str());
                let expected =
                    oner::plan::doors::state_word(sim.door_state(DoorId::from_index(i), at));
                assert_eq!(state, expected, "{path}: {} at {t} s", door.name);
            }
            for (i, prop) in take.props.iter().enumerate() {
                let state = prop
                    .states
                    .iter()
                    .take_while(|s| s.at <= t)
                    .last()
                    .expect("a first state at 0");
                let actual = sim.prop_state(PropId::from_index(i), at);
                match actual.place {
                    PropWhere::Held(who) => assert_eq!(state.held, Some(who.index())),
                    place => {
                        let p = sim.place_point(place, at);
                        let q = state.point.expect("a place on the floor");
                        assert!((p.x - q[0]).abs() < 1e-3 && (p.y - q[1]).abs() < 1e-3);
                    }
                }
                assert_eq!(
                    state.broken, actual.broken,
                    "{path}: {} at {t} s",
                    prop.name
                );
            }
            t += 0.37;
        }
        for camera in &take.cameras {
            let who = PersonId::from_index(camera.person);
            for (k, &angle) in camera.facing.iter().enumerate() {
                let at = Time::from_seconds(k as f64 / take.facing_rate)
                    .expect("a time")
                    .min(scene.length);
                let expected = sim.facing(who, at).angle();
                assert!(
                    angle_gap(angle, expected) < 1e-3,
                    "{path}: facing at sample {k}"
                );
            }
            let half = sim.view(who, Time::ZERO).half_angle;
            assert!((camera.half_angle[0][1] - half).abs() < 1e-4);
        }
        let cues = oner::cuesheet::cue_list(&scene, &sim);
        assert_eq!(take.cues.len(), cues.len(), "{path}");
        for (a, b) in take.cues.iter().zip(&cues) {
            assert_eq!(a.label, b.label());
            assert!((a.at - b.at.seconds()).abs() < 1e-3);
        }
    }
}

#[test]
fn the_study_scene_plays_its_reveal() {
    // At 0:05 the whole fight is in the kitchen; by 5:50 the camera has backed out through the
    // struck south flat onto the stage floor: the page must move it there.
    let scene = load("scenes/we-cry-together.ron");
    let take = take_of(&page(&scene));
    let camera = take.cameras[0].person;
    let stage = scene
        .rooms
        .iter()
        .position(|r| r.offstage)
        .expect("the stage floor");
    let room_at = |t: f64| {
        let p = position_from(&take, camera, t);
        scene
            .room_at(oner::geometry::Point::new(p[0], p[1]))
            .map(|r| r.index())
    };
    assert_ne!(room_at(5.0), Some(stage));
    assert_eq!(room_at(350.0), Some(stage));
    assert!(
        take.sight
            .wild
            .iter()
            .any(|w| w.struck.is_some_and(|s| s < 350.0))
    );
}

/// Compares with `tests/golden/play/<scene>/<name>`; ONER_BLESS=1 writes them instead.
fn golden(scene: &str, name: &str, actual: &str) {
    crate::common::assert_golden(&repo(&format!("tests/golden/play/{scene}/{name}")), actual);
}

/// A fixed list of outputs, so the index's golden file does not change with every output's
/// size.
fn sample_files() -> Vec<OutputFile> {
    let file = |name: &str, size: usize| OutputFile {
        name: name.to_string(),
        bytes: vec![b'x'; size],
    };
    vec![
        file("plan.svg", 40_000),
        file("beats/01-coffee.svg", 30_000),
        file("beats/02-the-news.svg", 30_500),
        file("contact-sheet.svg", 52_000),
        file("timeline.svg", 12_000),
        file("graph.svg", 8_000),
        file("graph.dot", 900),
        file("stats.json", 3_000),
        file("stats.txt", 2_000),
        file("cues.md", 2_000),
        file("cues.csv", 1_500),
        file("cues.html", 9_000),
        file("cues.pdf", 30_000),
        file("cues.vtt", 1_200),
        file("cues-calls.pdf", 35_000),
        file("cues-lx.pdf", 20_000),
        file("cues-lx.csv", 300),
        file("play.html", 50_000),
    ]
}

#[test]
fn the_tutorial_matches_its_golden_files() {
    let scene = load("scenes/tutorial.ron");
    let html = page(&scene);
    golden("tutorial", "play.html", &html);
    let take: serde_json::Value = serde_json::from_str(embedded_json(&html)).expect("JSON");
    golden(
        "tutorial",
        "take.json",
        &format!("{}\n", serde_json::to_string_pretty(&take).expect("JSON")),
    );
    let index = oner::play::index_html(&scene, &sample_files());
    golden(
        "tutorial",
        "index.html",
        &String::from_utf8(index).expect("UTF-8"),
    );
}

#[test]
fn the_index_links_every_output_by_its_relative_name() {
    let scene = load("scenes/tutorial.ron");
    let mut files = sample_files();
    files.push(OutputFile {
        name: "../../etc/passwd".into(),
        bytes: Vec::new(),
    });
    files.push(OutputFile {
        name: "javascript:alert(1)".into(),
        bytes: Vec::new(),
    });
    let html = String::from_utf8(oner::play::index_html(&scene, &files)).expect("UTF-8");
    let markup = markup_only(&html);
    let doc = parse(&markup);
    let hrefs: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .collect();
    for file in sample_files() {
        assert!(
            hrefs.contains(&file.name.as_str()),
            "{} is linked",
            file.name
        );
    }
    for href in &hrefs {
        let target = href.split('#').next().unwrap_or(href);
        assert!(
            sample_files().iter().any(|f| f.name == target),
            "{href} links only outputs"
        );
    }
    assert!(
        hrefs.contains(&"play.html#t=0:20"),
        "each beat plays from its start: {hrefs:?}"
    );
    let thumbs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("img"))
        .filter_map(|n| n.attribute("src"))
        .collect();
    for svg in [
        "plan.svg",
        "beats/01-coffee.svg",
        "timeline.svg",
        "graph.svg",
    ] {
        assert!(thumbs.contains(&svg), "{svg} has a thumbnail");
    }
    for heading in ["Playback", "Plans", "Study", "Cue sheets", "Beats"] {
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("h2") && n.text() == Some(heading)),
            "{heading}"
        );
    }
    assert!(html.contains("Tutorial: Coffee"));
    assert!(html.contains("The news"));
    assert!(!html.contains("<script"));
    assert_offline(&html);
}

#[test]
fn the_index_escapes_scene_text() {
    let scene = load_text("hostile", HOSTILE);
    let html = String::from_utf8(oner::play::index_html(&scene, &sample_files())).expect("UTF-8");
    assert!(!html.contains("<script"));
    assert!(!html.contains("<beat>"));
    parse(&markup_only(&html));
}

#[test]
fn oner_play_writes_the_page_where_it_is_told() {
    let (dir, scene) = scene_file("hostile.ron", HOSTILE);
    let out = dir.path().join("pages/take.html");
    let output = oner(&[
        "play",
        scene.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
    ])
    .assert()
    .success()
    .get_output()
    .stdout
    .clone();
    assert!(String::from_utf8_lossy(&output).contains("wrote"));
    let written = std::fs::read_to_string(&out).expect("the page was written");
    assert_eq!(written, page(&load_text("hostile", HOSTILE)));
    // Into a folder.
    let folder = dir.path().join("into");
    std::fs::create_dir_all(&folder).expect("folder");
    oner(&[
        "play",
        scene.to_str().expect("path"),
        "-o",
        folder.to_str().expect("path"),
    ])
    .assert()
    .success();
    assert!(folder.join("play.html").is_file());
    // A missing scene is a usage error, not a panic.
    oner(&["play", "no-such-scene.ron"]).assert().code(2);
}
