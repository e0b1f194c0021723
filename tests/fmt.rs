//! `oner fmt`: idempotent, meaning-preserving, every comment kept, on every scene and
//! fixture in the repository; `--check` prints a diff and exits 1; bad input exits 2 and
//! is left alone.

use crate::common::{oner, read, repo, scene_file};
use oner::fmt::lexer::{self, Kind};
use std::path::{Path, PathBuf};

/// Every `.ron` file under `dir`, recursively, sorted.
fn ron_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ron_files(&path, into);
        } else if path.extension().is_some_and(|x| x == "ron") {
            into.push(path);
        }
    }
}

fn every_scene_file() -> Vec<PathBuf> {
    let mut files = Vec::new();
    ron_files(&repo("scenes"), &mut files);
    ron_files(&repo("tests/fixtures"), &mut files);
    assert!(files.len() > 60, "found the scenes and fixtures");
    files
}

/// Every comment, sorted: fields move with their comments, so the order may change.
fn comments(text: &str) -> Vec<String> {
    let mut comments: Vec<String> = lexer::tokens(text)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| matches!(t.kind, Kind::LineComment | Kind::BlockComment))
        .map(|t| t.text.trim_end().to_string())
        .collect();
    comments.sort();
    comments
}

/// The tokens that carry meaning, sorted: everything but comments and commas (the
/// formatter adds and drops trailing commas, which RON ignores, and moves fields into
/// their documented order; `understood` checks that the scene stays the same).
fn meaning(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = lexer::tokens(text)
        .unwrap_or_default()
        .into_iter()
        .filter(|t| !matches!(t.kind, Kind::LineComment | Kind::BlockComment | Kind::Comma))
        .map(|t| t.text.to_string())
        .collect();
    tokens.sort();
    tokens
}

/// What oner makes of a text: the loaded scene (its debug form), or else the diagnostics'
/// codes and messages (their lines move; what they say must not).
fn understood(text: &str) -> String {
    let file = oner::source::SourceFile::new("scene.ron", text);
    let loaded = oner::load::load(&file);
    match loaded.scene {
        // The revision is a hash of the text itself, so it differs whenever the layout does;
        // everything the text means must not.
        Some(mut scene) => {
            scene.revision.clear();
            format!("{scene:#?}")
        }
        None => loaded
            .diagnostics
            .iter()
            .map(|d| format!("{} {}\n", d.code, d.message))
            .collect(),
    }
}

#[test]
fn every_scene_and_fixture_keeps_its_meaning_and_comments_and_formats_once() {
    let mut changed = 0;
    for path in every_scene_file() {
        let name = path.display().to_string();
        let text = read(&path);
        let formatted = match oner::fmt::format(&text) {
            Ok(formatted) => formatted,
            Err(message) => {
                // Only a file that is broken on purpose may fail, and then it must not load.
                assert!(
                    oner::load::load(&oner::source::SourceFile::new(&name, text.as_str()))
                        .scene
                        .is_none(),
                    "{name} loads but cannot be formatted: {message}"
                );
                continue;
            }
        };
        assert_eq!(comments(&formatted), comments(&text), "{name}: comments");
        assert_eq!(meaning(&formatted), meaning(&text), "{name}: tokens");
        assert_eq!(understood(&formatted), understood(&text), "{name}: scene");
        let twice = oner::fmt::format(&formatted).expect("formatted text formats");
        assert_eq!(twice, formatted, "{name}: not idempotent");
        if formatted != text {
            changed += 1;
        }
    }
    // The bundled scenes are kept formatted; most fixtures are too.
    assert!(changed < 10, "{changed} files change");
}

#[test]
fn bundled_scenes_are_formatted() {
    let mut args = vec!["fmt".to_string(), "--check".to_string()];
    let mut scenes = Vec::new();
    ron_files(&repo("scenes"), &mut scenes);
    args.extend(scenes.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = oner(&args).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "oner fmt scenes/*.ron would change:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

const MESSY: &str = "   // header comment


(
  title:\"Messy\" ,   frame_rate : 24, length: \"0:10\",  // trailing note
  set: ( rooms: { \"a\": (name: \"A\", shape: Rect( x: 0.0,y: 0.0, w: 4.0, h: 4.0 ), ), \"b\": (name: \"B\", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0))
     },
     /* block
        comment */
     doors: [ (id: \"d\", kind: Opening, rooms: (\"a\", \"b\"), at: (4.0, 2.0), width: 1.0) ,], marks: {\"m1\": (room: \"a\", at: (1.0, 2.0)) // m1 note
     , \"m2\": (room: \"b\", at: (6.0, 2.0))},

  ),


  cast: {\"p\": (name: \"P\", colour: \"#c0392b\", starts_at: \"m1\")},
  timeline: [(at: \"0:01\", do: Move(who: \"p\", to: \"m2\", arrive: \"0:04\"))]
  // last comment
)
";

const TIDY: &str = "// header comment

(
    title: \"Messy\",
    frame_rate: 24,
    length: \"0:10\", // trailing note
    set: (
        rooms: {
            \"a\": (name: \"A\", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            \"b\": (name: \"B\", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0)),
        },
        /* block
        comment */
        doors: [(id: \"d\", kind: Opening, rooms: (\"a\", \"b\"), at: (4.0, 2.0), width: 1.0)],
        marks: {
            \"m1\": (room: \"a\", at: (1.0, 2.0)), // m1 note
            \"m2\": (room: \"b\", at: (6.0, 2.0)),
        },
    ),

    cast: {\"p\": (name: \"P\", colour: \"#c0392b\", starts_at: \"m1\")},
    timeline: [(at: \"0:01\", do: Move(who: \"p\", to: \"m2\", arrive: \"0:04\"))],
    // last comment
)
";

#[test]
fn a_messy_scene_gets_the_canonical_layout() {
    assert_eq!(oner::fmt::format(MESSY).as_deref(), Ok(TIDY));
    assert_eq!(understood(MESSY), understood(TIDY));
}

#[test]
fn check_prints_a_diff_and_changes_nothing_then_fmt_writes() {
    let (dir, path) = scene_file("messy.ron", MESSY);
    let shown = path.to_str().expect("path");
    let out = oner(&["fmt", "--check", shown]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains(&format!("--- {shown}\n")), "{diff}");
    assert!(diff.contains("\n-  title:\"Messy\" ,"), "{diff}");
    assert!(diff.contains("\n+    title: \"Messy\",\n"), "{diff}");
    assert_eq!(read(&path), MESSY, "--check changes nothing");
    oner(&["fmt", shown]).assert().code(0);
    assert_eq!(read(&path), TIDY);
    oner(&["fmt", "--check", shown]).assert().code(0);
    drop(dir);
}

#[test]
fn text_that_cannot_be_laid_out_is_exit_2_and_left_alone() {
    for bad in [
        "(a: \"never ends)\n",
        "(a: [1, 2)\n",
        "(a: 1\n",
        "a: 1)\n",
        "/* open\n",
    ] {
        let (dir, path) = scene_file("bad.ron", bad);
        oner(&["fmt", path.to_str().expect("path")])
            .assert()
            .code(2);
        assert_eq!(read(&path), bad);
        drop(dir);
    }
    oner(&["fmt", "no/such/file.ron"]).assert().code(2);
}

/// Every cut of the tutorial either fails cleanly or keeps its tokens, and never panics.
#[test]
fn cut_scenes_never_panic_and_keep_their_tokens() {
    let text = read(&repo("scenes/tutorial.ron"));
    let mut cuts = 0;
    for (at, _) in text.char_indices().step_by(7) {
        let cut = &text[..at];
        if let Ok(formatted) = oner::fmt::format(cut) {
            assert_eq!(meaning(&formatted), meaning(cut), "cut at {at}");
            assert_eq!(comments(&formatted), comments(cut), "cut at {at}");
            assert_eq!(
                oner::fmt::format(&formatted).as_deref(),
                Ok(formatted.as_str())
            );
            cuts += 1;
        }
    }
    assert!(cuts > 0);
}

/// Fields written out of order, with comments on the ones that move, and a field the
/// format does not have.
const SHUFFLED: &str = "// header
(
    set: (
        // the marks
        marks: {
            \"m2\": (at: (6.0, 2.0), room: \"b\"),
            \"m1\": (note: \"By the door\", room: \"a\", at: (1.0, 2.0)), // first in the file
        },
        rooms: {
            \"a\": (shape: Rect(y: 0.0, x: 0.0, h: 4.0, w: 4.0), name: \"A\"),
            \"b\": (name: \"B\", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0)),
        },
    ),
    length: \"0:10\", // ten seconds
    /* the rate */
    frame_rate: 24,
    colour_grade: \"warm\", // not a field
    cast: {\"p\": (starts_at: \"m1\", colour: \"#c0392b\", name: \"P\")},
    timeline: [(do: Move(to: \"m2\", who: \"p\", arrive: \"0:04\"), at: \"0:01\")],
    // the title, last
    title: \"Shuffled\" // no comma
    // end
)
";

const ORDERED: &str = "// header
(
    // the title, last
    title: \"Shuffled\", // no comma
    /* the rate */
    frame_rate: 24,
    length: \"0:10\", // ten seconds
    set: (
        rooms: {
            \"a\": (name: \"A\", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)),
            \"b\": (name: \"B\", shape: Rect(x: 4.0, y: 0.0, w: 4.0, h: 4.0)),
        },
        // the marks
        marks: {
            \"m2\": (room: \"b\", at: (6.0, 2.0)),
            \"m1\": (room: \"a\", at: (1.0, 2.0), note: \"By the door\"), // first in the file
        },
    ),
    cast: {\"p\": (name: \"P\", colour: \"#c0392b\", starts_at: \"m1\")},
    timeline: [(at: \"0:01\", do: Move(who: \"p\", to: \"m2\", arrive: \"0:04\"))],
    colour_grade: \"warm\", // not a field
    // end
)
";

#[test]
fn fields_go_in_documented_order_with_their_comments_and_map_entries_stay() {
    let formatted = oner::fmt::format(SHUFFLED);
    assert_eq!(formatted.as_deref(), Ok(ORDERED));
    assert_eq!(oner::fmt::format(ORDERED).as_deref(), Ok(ORDERED));
    assert_eq!(comments(ORDERED), comments(SHUFFLED));
    assert_eq!(meaning(ORDERED), meaning(SHUFFLED));
    // Both are the same error (the unknown field), said the same way.
    assert_eq!(understood(ORDERED), understood(SHUFFLED));
    assert!(understood(ORDERED).contains("colour_grade"));
}

#[test]
fn a_reordered_scene_loads_the_same() {
    let known = SHUFFLED.replace("    colour_grade: \"warm\", // not a field\n", "");
    let formatted = oner::fmt::format(&known).expect("formats");
    assert!(formatted.starts_with("// header\n(\n    // the title, last\n    title:"));
    let scene = understood(&known);
    assert!(scene.contains("Shuffled"), "{scene}");
    assert_eq!(understood(&formatted), scene);
}

#[test]
fn groups_of_unknown_kind_keep_the_authors_order() {
    for kept in [
        // Fields the scene does not have keep their order, and so does what is inside them.
        "(b: 1, a: 2)\n",
        "(title: \"t\", set: (rooms: {}, extra: Thing(z: 1, a: 2)))\n",
        // A variant with no named fields: the crew member's own fields still move.
        "(title: \"t\", crew: {\"c\": (role: Other(\"grip\"), name: \"C\")})\n",
        // A tuple where a beat belongs, and a shape variant oner does not know.
        "(title: \"t\", beats: [(\"0:00\", \"x\")])\n",
        "(set: (rooms: {\"a\": (shape: Circle(r: 1, x: 0))}), title: \"t\")\n",
    ] {
        let formatted = oner::fmt::format(kept).expect("formats");
        let expect = kept
            .replace(
                "role: Other(\"grip\"), name: \"C\"",
                "name: \"C\", role: Other(\"grip\")",
            )
            .replace(
                "(set: (rooms: {\"a\": (shape: Circle(r: 1, x: 0))}), title: \"t\")",
                "(title: \"t\", set: (rooms: {\"a\": (shape: Circle(r: 1, x: 0))}))",
            );
        assert_eq!(formatted, expect, "{kept}");
    }
}
