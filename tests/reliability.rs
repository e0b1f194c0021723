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

/// Every subcommand, each writing something to stdout (and some to stderr).
fn every_subcommand(out: &std::path::Path) -> Vec<Vec<String>> {
    let o = |name: &str| out.join(name).to_string_lossy().into_owned();
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", "--format", "json", "tests/fixtures/rules/M002.ron"],
        vec!["check", "tests/fixtures/rules/M002.ron"],
        vec!["at", "scenes/tutorial.ron", "0:17"],
        vec!["at", "scenes/tutorial.ron", "0:17", "--format", "json"],
        vec!["rules"],
        vec!["rules", "--json"],
        vec!["rules", "--markdown"],
        vec!["explain", "M002"],
        vec!["cues", "scenes/tutorial.ron"],
        vec!["cues", "scenes/tutorial.ron", "--format", "json"],
        vec!["cues", "scenes/tutorial.ron", "--format", "pdf"],
        vec!["graph", "scenes/tutorial.ron", "--format", "dot", "-o", "-"],
        vec!["timeline", "scenes/tutorial.ron", "-o", "-"],
        vec!["play", "scenes/tutorial.ron", "-o", "-"],
        vec!["stats", "scenes/tutorial.ron", "-o", "-"],
        vec!["--help"],
    ];
    let mut cases: Vec<Vec<String>> = cases
        .into_iter()
        .map(|c| c.into_iter().map(String::from).collect())
        .collect();
    for (command, name) in [
        ("plan", "plans"),
        ("timeline", "timeline.svg"),
        ("graph", "graph.svg"),
        ("play", "play.html"),
        ("stats", "stats.txt"),
        ("build", "build"),
    ] {
        cases.push(vec![
            command.into(),
            "scenes/tutorial.ron".into(),
            "-o".into(),
            o(name),
        ]);
    }
    cases
}

fn run_with(
    args: &[String],
    stdout: std::process::Stdio,
    stderr: std::process::Stdio,
) -> std::process::Output {
    std::process::Command::new(assert_cmd::cargo::cargo_bin!("oner"))
        .current_dir(crate::common::root())
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .expect("oner runs")
}

/// Standard output on a full disk: exit 2 and a message, never a panic (issue 10.2).
#[test]
fn every_subcommand_reports_a_full_disk_on_stdout_with_exit_2() {
    let out = tempfile::tempdir().unwrap();
    for args in every_subcommand(out.path()) {
        if args == ["check", "tests/fixtures/rules/M002.ron"] {
            continue; // human diagnostics go to stderr only
        }
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let result = run_with(&args, full.into(), std::process::Stdio::piped());
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(result.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
    }
}

/// Standard error on a full disk: exit 2 (the message cannot be shown), never a panic.
#[test]
fn every_subcommand_survives_a_full_stderr() {
    let out = tempfile::tempdir().unwrap();
    let mut cases = every_subcommand(out.path());
    cases.push(vec!["check".into(), "no/such/scene.ron".into()]);
    cases.push(vec!["explain".into(), "Z999".into()]);
    for args in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let result = run_with(&args, std::process::Stdio::null(), full.into());
        let code = result.status.code();
        // A panic is exit 101; a command that writes nothing to stderr ends as it would.
        assert!(matches!(code, Some(0..=2)), "{args:?}: {code:?}");
        let writes_to_stderr =
            (args[0] == "check" && args[1] != "--format") || args == ["explain", "Z999"];
        if writes_to_stderr {
            assert_eq!(code, Some(2), "{args:?}");
        }
    }
}

/// A closed pipe (`oner … | head -1`): a quiet stop, never a panic or an error message;
/// the exit code is 0, or what `check` found so far (issue 10.2).
#[test]
fn every_subcommand_stops_quietly_on_a_closed_pipe() {
    let out = tempfile::tempdir().unwrap();
    for args in every_subcommand(out.path()) {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let result = run_with(&args, writer.into(), std::process::Stdio::piped());
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("cannot write"), "{args:?}: {stderr}");
        let expected = if args[0] == "check" { 1 } else { 0 };
        assert_eq!(result.status.code(), Some(expected), "{args:?}: {stderr}");
    }
    // Both streams into one closed pipe, as in `oner check bad.ron 2>&1 | head -1`.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let result = run_with(
        &["check".into(), "tests/fixtures/rules/M002.ron".into()],
        writer.try_clone().unwrap().into(),
        writer.into(),
    );
    assert_eq!(result.status.code(), Some(1));
}

#[path = "../benches/support/synthetic.rs"]
pub mod synthetic;

fn tutorial_with(from: &str, to: &str) -> String {
    let text = crate::common::read(&crate::common::repo("scenes/tutorial.ron"));
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// A 10 MB title fails fast with S014 and is never echoed (issue 10.5).
#[test]
fn a_huge_title_is_refused_without_being_echoed() {
    let title = "T".repeat(10_000_000);
    let text = tutorial_with(
        "title: \"Tutorial: Coffee\"",
        &format!("title: \"{title}\""),
    );
    let (_dir, path) = crate::common::scene_file("huge-title.ron", &text);
    let out = oner(&["check", &path.to_string_lossy()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[S014]"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(stderr.len() < 5_000, "{} bytes of report", stderr.len());
    let build = tempfile::tempdir().unwrap();
    let out_dir = build.path().join("out");
    let out = oner(&[
        "build",
        &path.to_string_lossy(),
        "-o",
        &out_dir.to_string_lossy(),
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_dir.exists());
    assert!(out.stdout.len() + out.stderr.len() < 5_000);
}

/// Counts over the limits fail fast with S013; just under stays valid.
#[test]
fn too_many_crew_is_s013_and_the_limit_itself_is_fine() {
    let crew = |n: usize| {
        let members: String = (0..n)
            .map(|i| format!("\"c{i}\": (role: Boom, starts_at: \"kettle\"),"))
            .collect();
        tutorial_with("crew: {", &format!("crew: {{ {members}"))
    };
    let codes = |text: &str| -> Vec<&'static str> {
        let file = oner::source::SourceFile::new("crew.ron", text);
        oner::load::load(&file)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    };
    let over = crew(1_001);
    assert!(codes(&over).contains(&"S013"), "{:?}", codes(&over));
    assert!(!codes(&crew(990)).contains(&"S013"));
}

/// A long free text just under its limit is fine; one character more is S014.
#[test]
fn text_limits_are_exact() {
    let max = oner::load::limits::MAX_TEXT_CHARS;
    let says = |n: usize| tutorial_with("says: \"", &format!("says: \"{}", "é".repeat(n)));
    let codes =
        |text: &str| -> Vec<&'static str> { check_text(text).iter().map(|d| d.code).collect() };
    let text = crate::common::read(&crate::common::repo("scenes/tutorial.ron"));
    let start = text.find("says: \"").unwrap() + 7;
    let existing = text[start..].find('"').unwrap();
    let existing = text[start..start + existing].chars().count();
    assert!(!codes(&says(max - existing)).contains(&"S014"));
    assert!(codes(&says(max - existing + 1)).contains(&"S014"));
}

/// The largest real take we model stays inside every limit (issue 10.5).
#[test]
fn the_russian_ark_synthetic_take_is_inside_the_limits() {
    let text = synthetic::scene(&synthetic::RUSSIAN_ARK);
    let file = oner::source::SourceFile::new("russian-ark.ron", text);
    let loaded = oner::load::load(&file);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        !codes.contains(&"S013") && !codes.contains(&"S014"),
        "{codes:?}"
    );
    assert!(loaded.scene.is_some(), "{codes:?}");
}

/// Terminal output cannot be driven by scene text: an unknown id holding ESC and BEL, and a
/// source line holding them, are spelled out (issue 10.6).
#[test]
fn diagnostics_spell_out_control_characters() {
    let text = tutorial_with(
        "starts_at: \"kettle\"",
        "starts_at: \"\u{1b}[2J\u{7}ok\u{202e}\u{9b}31m\"",
    );
    let (_dir, path) = crate::common::scene_file("ctrl.ron", &text);
    for format in ["human", "json"] {
        let out = oner(&["check", "--format", format, &path.to_string_lossy()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        for stream in [&out.stdout, &out.stderr] {
            let stream = String::from_utf8_lossy(stream);
            assert!(
                !stream
                    .chars()
                    .any(|c| c.is_control() && c != '\n' || oner::escape::is_bidi_control(c)),
                "{format}: {stream}"
            );
            if !stream.is_empty() && format == "human" {
                assert!(
                    stream.contains("\\u{1b}[2J\\u{7}ok\\u{202e}\\u{9b}31m"),
                    "{stream}"
                );
            }
        }
        if format == "json" {
            let json: serde_json::Value =
                serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap())
                    .unwrap();
            assert!(json["message"].as_str().unwrap().contains("\u{1b}[2J"));
        }
    }
}

/// Bidi controls: removed from pictures, pages, CSV, Markdown, VTT, DOT and PDF text;
/// kept, as `\u202e` escapes, in JSON; never raw in any file (issue 10.6, docs/limits.md).
/// CSV cells starting with a tab or CR before `=` are defused.
#[test]
fn bidi_controls_and_formula_cells_in_every_output() {
    let text = tutorial_with(
        "title: \"Tutorial: Coffee\"",
        "title: \"Coffee\u{202e}gnp.exe\u{2066}\"",
    )
    .replacen(
        "what: \"Morning state up\"",
        "what: \"\t=HYPERLINK(\\\"x\\\")\u{202e}\"",
        1,
    );
    assert!(text.contains("HYPERLINK"));
    let (dir, path) = crate::common::scene_file("bidi.ron", &text);
    let out_dir = dir.path().join("out");
    oner(&[
        "build",
        &path.to_string_lossy(),
        "-o",
        &out_dir.to_string_lossy(),
    ])
    .assert()
    .code(0);
    let mut seen_json = false;
    for entry in walk(&out_dir) {
        let bytes = std::fs::read(&entry).unwrap();
        let name = entry.display().to_string();
        // A PDF's streams are compressed: their bytes can spell any character by chance, so
        // its text is what is checked.
        let text = if name.ends_with(".pdf") {
            let doc = lopdf::Document::load_mem(&bytes).expect("a PDF lopdf reads");
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            std::borrow::Cow::Owned(doc.extract_text(&pages).expect("text extracts"))
        } else {
            String::from_utf8_lossy(&bytes)
        };
        assert!(!text.chars().any(oner::escape::is_bidi_control), "{name}");
        if name.ends_with(".json") && text.contains("gnp.exe") {
            assert!(text.contains("\\u202e"), "{name}");
            seen_json = true;
        }
        if name.ends_with("cues.csv") {
            assert!(text.contains("'\t=HYPERLINK"), "{text}");
        }
    }
    assert!(seen_json);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                files.push(e.path());
            }
        }
    }
    files
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// docs/limits.md states the limits the code enforces.
#[test]
fn docs_limits_md_agrees_with_the_code() {
    use oner::load::limits::*;
    let doc = crate::common::read(&crate::common::repo("docs/limits.md"));
    for &(what, _, max) in MAX_COUNTS {
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| {what}")) || l.contains(&format!(" {what} |")))
            .unwrap_or_else(|| panic!("docs/limits.md has no row for {what}"));
        assert!(row.contains(&format!("| {} |", thousands(max))), "{row}");
    }
    for n in [MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS] {
        assert!(doc.contains(&format!("| {} | S014 |", thousands(n))), "{n}");
    }
    let mb = MAX_FILE_BYTES / (1024 * 1024);
    assert!(doc.contains(&format!("| scene file | {mb} MB")));
    for rate in oner::time::FrameRate::SUPPORTED {
        assert!(doc.contains(&oner::escape::number(rate, 3)), "{rate}");
    }
    let help = oner(&["--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for line in [
        "0  done; the scene has no errors",
        "1  the scene has errors",
        "2  oner could not run",
    ] {
        assert!(help.contains(line), "--help lacks {line:?}");
    }
}

/// One exit-code rule for every command (issue 9.7): 0 no errors, 1 the scene has errors
/// (a syntax error included), 2 cannot run (usage, unreadable file, write failure).
#[test]
fn every_command_follows_the_exit_code_rule() {
    let dir = tempfile::tempdir().unwrap();
    let syntax = dir.path().join("syntax.ron");
    std::fs::write(&syntax, "Scene(title: \"t\", lenght: ").unwrap();
    let syntax = syntax.to_string_lossy().into_owned();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let commands: Vec<(&str, Vec<String>)> = vec![
        ("check", vec![]),
        ("at", vec!["0:10".into()]),
        ("plan", vec!["-o".into(), out("plan")]),
        ("cues", vec!["--format".into(), "csv".into()]),
        ("timeline", vec!["-o".into(), out("t.svg")]),
        ("graph", vec!["-o".into(), out("g.svg")]),
        ("play", vec!["-o".into(), out("p.html")]),
        ("stats", vec!["-o".into(), out("s.txt")]),
        ("build", vec!["-o".into(), out("build")]),
    ];
    let run = |command: &str, file: &str, rest: &[String]| {
        let mut args = vec![command.to_string(), file.to_string()];
        args.extend(rest.iter().cloned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        oner(&args).output().unwrap().status.code()
    };
    for (command, rest) in &commands {
        assert_eq!(
            run(command, "scenes/tutorial.ron", rest),
            Some(0),
            "{command} clean"
        );
        assert_eq!(
            run(command, &syntax, rest),
            Some(1),
            "{command} syntax error"
        );
        assert_eq!(
            run(
                command,
                "tests/fixtures/structure/S003-unknown-mark.ron",
                rest
            ),
            Some(1),
            "{command} structure error"
        );
        assert_eq!(
            run(command, "no/such.ron", rest),
            Some(2),
            "{command} missing"
        );
        assert_eq!(run(command, "tests", rest), Some(2), "{command} folder");
        let mut bad = rest.clone();
        bad.push("--no-such-option".into());
        assert_eq!(
            run(command, "scenes/tutorial.ron", &bad),
            Some(2),
            "{command} usage"
        );
    }
    // Continuity errors: check and build say 1; build --force builds and still says 1.
    assert_eq!(run("check", "tests/fixtures/rules/M002.ron", &[]), Some(1));
    assert_eq!(
        run(
            "build",
            "tests/fixtures/rules/M002.ron",
            &["-o".into(), out("m")]
        ),
        Some(1)
    );
    assert_eq!(
        run(
            "build",
            "tests/fixtures/rules/M002.ron",
            &["-o".into(), out("m"), "--force".into()]
        ),
        Some(1)
    );
    // Usage errors inside a command, and a write that cannot happen.
    assert_eq!(run("at", "scenes/tutorial.ron", &["9:99".into()]), Some(2));
    assert_eq!(
        run(
            "cues",
            "scenes/tutorial.ron",
            &["--who".into(), "nobody".into()]
        ),
        Some(2)
    );
    oner(&["explain", "Z999"]).assert().code(2);
    oner(&["rules"]).assert().code(0);
    oner(&[]).assert().code(2);
    let file = out("a-file");
    std::fs::write(&file, "x").unwrap();
    assert_eq!(
        run("build", "scenes/tutorial.ron", &["-o".into(), file.clone()]),
        Some(2)
    );
    assert_eq!(
        run(
            "plan",
            "scenes/tutorial.ron",
            &["-o".into(), format!("{file}/sub")]
        ),
        Some(2)
    );
}

/// A newline in scene text never starts a line of its own in `oner at`: a scene cannot print
/// a fake line of the report (issue 10.6).
#[test]
fn a_newline_in_scene_text_stays_on_its_line_in_at() {
    let text = tutorial_with(
        "title: \"Tutorial: Coffee\"",
        "title: \"Tutorial\\nDoors\\n  arch  fake\"",
    );
    let (_dir, path) = crate::common::scene_file("newline-title.ron", &text);
    let out = oner(&["at", &path.to_string_lossy(), "0:17"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("Tutorial\\u{a}Doors\\u{a}  arch  fake at 0:17"),
        "{stdout}"
    );
    assert!(!stdout.lines().any(|l| l == "  arch  fake"), "{stdout}");
}
