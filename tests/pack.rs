//! study-pack.pdf (`oner build`) and plans.pdf (`oner plan --paper`): opened with lopdf, pages
//! counted from the parts the build made, the contents page read as text.

use crate::common::oner;
use std::path::Path;

fn pdf(path: &Path) -> lopdf::Document {
    lopdf::Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn page_text(doc: &lopdf::Document, page: u32) -> String {
    doc.extract_text(&[page]).expect("text extracts")
}

fn build(scene: &str, extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_string_lossy().into_owned();
    let mut args = vec!["build", scene, "-o", &out];
    args.extend_from_slice(extra);
    oner(&args).assert().success();
    dir
}

#[test]
fn the_study_pack_holds_every_part_with_a_contents_page() {
    let dir = build("scenes/we-cry-together.ron", &[]);
    let pack = pdf(&dir.path().join("study-pack.pdf"));
    let cue_pages = pdf(&dir.path().join("cues.pdf")).get_pages().len();
    let shot_pages = pdf(&dir.path().join("shots.pdf")).get_pages().len();
    // Four beat plans, and the sheets their title blocks continue on.
    let beats = std::fs::read_dir(dir.path().join("beats")).unwrap().count();
    assert!(beats >= 4);
    let overview = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name == "plan.svg" || (name.starts_with("plan-") && name.ends_with(".svg"))
        })
        .count();
    // Contents, overview sheets, beat sheets, timeline, the shot list's and the cue sheet's
    // pages (A4 plans fit A4).
    let pages = pack.get_pages().len();
    assert_eq!(pages, 1 + overview + beats + 1 + shot_pages + cue_pages);
    let cues_from = 1 + overview + beats + 1 + shot_pages + 1;
    let contents = page_text(&pack, 1);
    let squashed: String = contents.split_whitespace().collect::<Vec<_>>().join(" ");
    for part in [
        "STUDY PACK",
        "We Cry Together",
        "Overview plan",
        "Beat 1: The personal",
        "Beat 4: The reveal",
        "Timeline",
        "Cue sheet",
    ] {
        assert!(squashed.contains(part), "{part:?} in {squashed}");
    }
    // Page numbers: the overview on 2, the cue sheet from its first page to the end.
    assert!(
        squashed.contains("Overview plan 2") || squashed.contains("Overview plan\n2"),
        "{squashed}"
    );
    assert!(
        squashed.contains(&format!("{cues_from}–{pages}")),
        "{squashed}"
    );
    // A continuation sheet says so: no two contents entries read the same.
    if overview > 1 {
        assert!(
            squashed.contains("Overview plan (continued) 3"),
            "{squashed}"
        );
    }
    // Every page says where it is; the plans' own text is selectable.
    for n in 1..=pages as u32 {
        let text = page_text(&pack, n);
        assert!(
            text.contains(&format!("Page {n} of {pages}")),
            "page {n}: {text}"
        );
    }
    // Each contents entry links to its page, and each section is a bookmark.
    let contents_page = *pack.get_pages().get(&1).unwrap();
    let annots = pack
        .get_dictionary(contents_page)
        .and_then(|d| d.get(b"Annots").cloned())
        .expect("links on the contents page");
    let links = match annots {
        lopdf::Object::Array(a) => a.len(),
        lopdf::Object::Reference(r) => pack.get_object(r).unwrap().as_array().unwrap().len(),
        other => panic!("{other:?}"),
    };
    // Overview and beat sheets, the timeline, the shot list and the cue sheet.
    assert_eq!(links, overview + beats + 3, "one link per section");
    let catalog = pack.catalog().unwrap();
    assert!(catalog.get(b"Outlines").is_ok(), "bookmarks");
    let beat: String = page_text(&pack, 2 + overview as u32)
        .split_whitespace()
        .collect();
    assert!(beat.contains("Shewalkstothefridge"), "{beat}");
}

#[test]
fn a_plan_larger_than_the_sheet_is_tiled_with_its_joins() {
    let dir = build("scenes/tutorial.ron", &["--paper", "Letter"]);
    let pack = pdf(&dir.path().join("study-pack.pdf"));
    let pages = pack.get_pages();
    let (_, first) = pages.iter().next().unwrap();
    let media = pack
        .get_object(*first)
        .and_then(|o| o.as_dict().cloned())
        .and_then(|d| d.get(b"MediaBox").cloned())
        .expect("a media box");
    let size: Vec<f64> = media
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            v.as_float()
                .map(f64::from)
                .or_else(|_| v.as_i64().map(|i| i as f64))
                .unwrap()
        })
        .collect();
    assert!(
        (size[2] - 792.0).abs() < 0.5 && (size[3] - 612.0).abs() < 0.5,
        "{size:?}"
    );
    // An A4 plan (297 × 210 mm) does not fit Letter (279.4 × 215.9 mm) at its scale.
    let text = page_text(&pack, 2);
    assert!(text.contains("sheet 1 of 4"), "{text}");
    assert!(
        text.contains("joins page 3 on the right and page 4 below"),
        "{text}"
    );
    let text = page_text(&pack, 5);
    assert!(
        text.contains("joins page 4 on the left and page 3 above"),
        "{text}"
    );
}

#[test]
fn the_same_scene_makes_the_same_pack() {
    let (a, b) = (
        build("scenes/tutorial.ron", &["--paper", "a3"]),
        build("scenes/tutorial.ron", &["--paper", "A3"]),
    );
    let read = |d: &tempfile::TempDir| std::fs::read(d.path().join("study-pack.pdf")).unwrap();
    assert!(read(&a) == read(&b), "study-pack.pdf is not byte-identical");
}

#[test]
fn plan_with_paper_writes_the_plans_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_string_lossy().into_owned();
    oner(&[
        "plan",
        "scenes/tutorial.ron",
        "--paper",
        "Tabloid",
        "-o",
        &out,
    ])
    .assert()
    .success();
    let plans = pdf(&dir.path().join("plans.pdf"));
    // Contents, overview, two beats, the contact sheet: each fits a Tabloid sheet.
    assert_eq!(plans.get_pages().len(), 5);
    let contents = page_text(&plans, 1);
    assert!(
        contents.contains("PLANS") && contents.contains("Contact sheet"),
        "{contents}"
    );
    oner(&["plan", "scenes/tutorial.ron", "--paper", "B5", "-o", &out])
        .assert()
        .code(2);
}

/// An SVG drawing `w` × `h` millimetres with a frame and a word in each corner.
fn drawing(w: f64, h: f64) -> oner::output::OutputFile {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}"><rect x="1" y="1" width="{}" height="{}" fill="none" stroke="black"/><text x="5" y="10" font-size="5">north-west</text><text x="{}" y="{}" font-size="5">south-east</text></svg>"#,
        w - 2.0,
        h - 2.0,
        w - 40.0,
        h - 5.0
    );
    oner::output::OutputFile {
        name: "plan.svg".into(),
        bytes: svg.into_bytes(),
    }
}

fn plan_set(files: &[oner::output::OutputFile], paper: oner::pack::Paper) -> lopdf::Document {
    let scene = crate::common::load_scene("scenes/tutorial.ron");
    let bytes = oner::pack::plan_set(&scene, files, paper).expect("a plan set");
    lopdf::Document::load_mem(&bytes).expect("a PDF lopdf reads")
}

#[test]
fn a_drawing_at_one_to_twenty_five_tiles_and_every_tile_is_named() {
    // 600 × 400 mm on A3 (400 × 277 mm inside the margins): 2 columns × 2 rows.
    let doc = plan_set(&[drawing(600.0, 400.0)], oner::pack::Paper::A3);
    assert_eq!(doc.get_pages().len(), 1 + 4);
    let all: String = (2..=5).map(|n| page_text(&doc, n)).collect();
    for sheet in 1..=4 {
        assert!(all.contains(&format!("sheet {sheet} of 4")), "{all}");
    }
    // The corner words are on the first and the last tile: nothing of the drawing is lost.
    // (SVG text is placed glyph by glyph: lopdf reads it with breaks between, pdftotext joins.)
    let squashed = |n: u32| page_text(&doc, n).split_whitespace().collect::<String>();
    assert!(squashed(2).contains("north-west"), "{}", squashed(2));
    assert!(squashed(5).contains("south-east"), "{}", squashed(5));
}

#[test]
fn a_drawing_that_would_take_too_many_sheets_is_reduced_and_says_so() {
    let doc = plan_set(&[drawing(5_000.0, 4_000.0)], oner::pack::Paper::A4);
    assert_eq!(doc.get_pages().len(), 2);
    let text: String = page_text(&doc, 2)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("NOT TO SCALE"), "{text}");
}

#[test]
fn a_long_contents_continues_on_the_next_page() {
    let files: Vec<oner::output::OutputFile> = (1..=60)
        .map(|i| {
            let mut f = drawing(200.0, 150.0);
            f.name = format!("at-{i}m00s.svg");
            f
        })
        .collect();
    let doc = plan_set(&files, oner::pack::Paper::A4);
    let pages = doc.get_pages().len();
    let contents = (pages - 60) as u32;
    assert!(contents >= 2, "{pages} pages");
    let continued = page_text(&doc, 2);
    assert!(continued.contains("contents, continued"), "{continued}");
    // The last entry points at the last page.
    let last: String = page_text(&doc, contents)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        last.contains(&format!("Plan at 60m00s {pages}")) || last.contains(&pages.to_string()),
        "{last}"
    );
}

#[test]
fn hostile_scene_text_still_makes_a_pack_and_stays_text() {
    let text = crate::common::read(&crate::common::repo("scenes/tutorial.ron"))
        .replace(
            "title: \"Tutorial: Coffee\"",
            "title: \"<b>&amp; \\\"Coffee\\\" ]]> \\u{202e}evil\\nline two\"",
        )
        .replace("title: \"The news\"", "title: \"</svg><script>x</script>\"");
    let (dir, path) = crate::common::scene_file("hostile.ron", &text);
    let out = dir.path().join("out");
    oner(&[
        "build",
        &path.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ])
    .assert()
    .success();
    let pack = pdf(&out.join("study-pack.pdf"));
    let contents = page_text(&pack, 1);
    assert!(contents.contains("<b>&amp;"), "{contents}");
    assert!(!contents.contains('\u{202e}'), "{contents}");
    assert!(
        contents
            .split_whitespace()
            .collect::<String>()
            .contains("Beat2:</svg><script>x</script>"),
        "{contents}"
    );
}

#[test]
fn a_take_without_beats_lists_the_whole_take() {
    let text = crate::common::read(&crate::common::repo("scenes/tutorial.ron"));
    let start = text.find("    beats: [").unwrap();
    let end = start + text[start..].find("],").unwrap() + 2;
    let text = format!("{}    beats: [],{}", &text[..start], &text[end..]);
    let scene = crate::common::load_scene_text("no-beats.ron", &text);
    let sim = oner::sim::Simulation::new(&scene);
    let files = oner::plan::build_files(&scene, &sim);
    let bytes = oner::pack::plan_set(&scene, &files, oner::pack::Paper::A4).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let contents = page_text(&doc, 1);
    assert!(contents.contains("The whole take"), "{contents}");
    assert!(!contents.contains("Beat plan"), "{contents}");
}
