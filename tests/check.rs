//! `oner check`: every rule's fixture gives exactly its one diagnostic; bundled scenes are
//! clean; bad input never panics.
//!
//! Fixtures live in `tests/fixtures/rules/<CODE>.ron` (one per rule, breaking it once, beside
//! its expected output `<CODE>.stderr`; re-accept with `ONER_BLESS=1 cargo test`) and
//! `tests/fixtures/structure/<CODE>-<what>.ron` (one per structural error, its human and JSON
//! output in insta snapshots; re-accept with `INSTA_UPDATE=always cargo test`).

use crate::common::{oner, read, repo};
use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// Runs `oner check` on a fixture from the repo root (so paths in output are relative).
fn check_output(path: &Path) -> (i32, String) {
    let relative = path.strip_prefix(repo("")).unwrap_or(path);
    let out = oner(&["check", &relative.to_string_lossy()])
        .output()
        .expect("run oner");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Compares `actual` with the `.stderr` file beside `fixture`, or rewrites it with ONER_BLESS.
fn assert_expected(fixture: &Path, actual: &str) {
    let expected_path = fixture.with_extension("stderr");
    if std::env::var_os("ONER_BLESS").is_some() {
        std::fs::write(&expected_path, actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert!(
        expected == actual,
        "output of {} differs from {} (ONER_BLESS=1 cargo test re-accepts)\n--- expected\n{expected}\n--- actual\n{actual}",
        fixture.display(),
        expected_path.display()
    );
}

fn codes_in(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| {
            l.strip_prefix("error[")
                .or_else(|| l.strip_prefix("warning["))
        })
        .filter_map(|l| l.split(']').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_rule_fixture_gives_exactly_its_diagnostic() {
    for fixture in fixtures("tests/fixtures/rules") {
        // `<CODE>.ron` and `<CODE>-<what>.ron` break the rule once; `<CODE>-clean-<what>.ron`
        // is a near miss that must check clean.
        let stem = fixture.file_stem().unwrap().to_string_lossy().to_string();
        let code = stem.split('-').next().unwrap_or_default().to_string();
        let (status, stderr) = check_output(&fixture);
        if stem.contains("-clean-") {
            assert_eq!(
                codes_in(&stderr),
                Vec::<String>::new(),
                "{}:\n{stderr}",
                fixture.display()
            );
            assert_eq!(status, 0, "{}", fixture.display());
            continue;
        }
        assert_eq!(
            codes_in(&stderr),
            vec![code.clone()],
            "{}:\n{stderr}",
            fixture.display()
        );
        let doc = oner::rules::find(&code).unwrap_or_else(|| panic!("no rule {code}"));
        let expected_status = if doc.level == oner::rules::Level::Deny {
            1
        } else {
            0
        };
        assert_eq!(status, expected_status, "{}", fixture.display());
        assert!(
            stderr.contains("help: "),
            "{code} has no help line:\n{stderr}"
        );
        assert_expected(&fixture, &stderr);
    }
}

#[test]
fn every_structure_fixture_gives_exactly_its_diagnostic() {
    for fixture in fixtures("tests/fixtures/structure") {
        let name = fixture.file_stem().unwrap().to_string_lossy().to_string();
        let code = name.split('-').next().unwrap().to_string();
        let (status, stderr) = check_output(&fixture);
        assert_eq!(
            codes_in(&stderr),
            vec![code],
            "{}:\n{stderr}",
            fixture.display()
        );
        assert_eq!(status, 1, "{}", fixture.display());
        assert!(
            stderr.contains("help: "),
            "{name} has no help line:\n{stderr}"
        );
        insta::assert_snapshot!(format!("human-{name}"), stderr);
    }
}

#[test]
fn every_rule_has_a_fixture_and_an_explanation() {
    let mut codes = std::collections::BTreeSet::new();
    for rule in oner::rules::RULES {
        let doc = rule.doc();
        assert!(codes.insert(doc.code), "two rules share {}", doc.code);
        assert!(
            repo(&format!("tests/fixtures/rules/{}.ron", doc.code)).exists(),
            "rule {} has no fixture tests/fixtures/rules/{}.ron",
            doc.code,
            doc.code
        );
        for section in [
            "### What it checks",
            "### Why it matters",
            "### Example",
            "### Fix",
        ] {
            assert!(
                doc.explanation.contains(section),
                "{} lacks `{section}`",
                doc.code
            );
        }
        let first = doc.summary.chars().next().unwrap_or('A');
        assert!(
            first.is_lowercase() && !doc.summary.ends_with('.'),
            "{}: summary style",
            doc.code
        );
        oner(&["explain", doc.code]).assert().success();
    }
    for c in oner::load::codes::STRUCTURE_CODES {
        assert!(codes.insert(c.code), "{} is used twice", c.code);
        oner(&["explain", c.code]).assert().success();
        assert!(
            fixtures("tests/fixtures/structure").iter().any(|f| f
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(c.code)),
            "structure code {} has no fixture",
            c.code
        );
    }
}

#[test]
fn docs_rules_md_is_generated_from_the_rules() {
    let path = repo("docs/rules.md");
    let generated = oner::rules::docs::markdown();
    if std::env::var_os("ONER_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("bless docs/rules.md");
    }
    assert!(
        read(&path) == generated,
        "docs/rules.md is stale: run `ONER_BLESS=1 cargo test` (or `oner rules --markdown > docs/rules.md`)"
    );
}

/// The bundled scenes, and scenes of other shapes written from the docs alone
/// (`tests/fixtures/scenes/`: L- and U-shaped rooms, a corridor chase, a kitchen crowd).
#[test]
fn bundled_scenes_check_clean_with_every_rule_on() {
    for scene in fixtures("scenes")
        .into_iter()
        .chain(fixtures("tests/fixtures/scenes"))
    {
        let relative = scene
            .strip_prefix(repo(""))
            .unwrap()
            .to_string_lossy()
            .to_string();
        let mut args = vec![
            "check".to_string(),
            "--deny-warnings".to_string(),
            relative.clone(),
        ];
        for rule in oner::rules::RULES {
            args.extend(["--deny".to_string(), rule.doc().code.to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = oner(&args).output().expect("run");
        assert!(
            out.status.success(),
            "{relative}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The JSON form of every structural error, snapshotted.
#[test]
fn structure_errors_as_json() {
    for fixture in fixtures("tests/fixtures/structure") {
        let relative = fixture
            .strip_prefix(repo(""))
            .unwrap()
            .to_string_lossy()
            .to_string();
        let out = oner(&["check", "--format", "json", &relative])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let objects: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        assert_eq!(objects.len(), 1, "{relative}: {text}");
        let name = fixture.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_json_snapshot!(format!("json-{name}"), objects[0]);
    }
}

fn check_text(text: &str) -> Result<Vec<oner::diagnostic::Diagnostic>, String> {
    let file = oner::source::SourceFile::new("fuzz.ron", text);
    oner::check::check_source(&file, &[])
}

/// No prefix of the bundled scenes makes oner panic; each is a clean diagnostic.
#[test]
fn truncated_scenes_give_diagnostics_not_panics() {
    for scene in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let text = read(&repo(scene));
        let mut cut = 0;
        while cut < text.len() {
            let prefix = &text[..text.floor_char_boundary(cut)];
            let diagnostics = check_text(prefix).expect("no rule levels to reject");
            assert!(
                diagnostics.iter().any(|d| d.is_error()),
                "{scene} cut at {cut} gave no error"
            );
            cut += 97;
        }
    }
}

/// Random byte edits of the tutorial never panic (a small deterministic fuzz).
#[test]
fn mutated_scenes_never_panic() {
    let text = read(&repo("scenes/tutorial.ron"));
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet = b"()[]{}:,\"0123456789.-eNaninf#/ \nabcXYZ";
    for _ in 0..400 {
        let mut bytes = text.clone().into_bytes();
        for _ in 0..(1 + next() % 4) {
            let at = (next() as usize) % bytes.len();
            bytes[at] = alphabet[(next() as usize) % alphabet.len()];
        }
        let mutated = String::from_utf8_lossy(&bytes).into_owned();
        let _ = check_text(&mutated);
    }
}

#[test]
fn hostile_inputs_get_clear_errors() {
    let cases: &[(&str, &str, &str)] = &[
        ("empty", "", "S001"),
        ("garbage", "\u{1}\u{2}PK\u{3}\u{4} not a scene", "S001"),
        (
            "deep",
            &format!("Scene(title: {}", "[".repeat(5000)),
            "S001",
        ),
        (
            "nan",
            &read(&repo("scenes/tutorial.ron")).replace("at: (1.0, 1.5)", "at: (NaN, 1.5)"),
            "S006",
        ),
        (
            "huge",
            &read(&repo("scenes/tutorial.ron")).replace("at: (1.0, 1.5)", "at: (1e308, 1.5)"),
            "S006",
        ),
        (
            "inf",
            &read(&repo("scenes/tutorial.ron")).replace("width: 1.2", "width: inf"),
            "S006",
        ),
        (
            "negative time",
            &read(&repo("scenes/tutorial.ron")).replace("(at: \"0:02\"", "(at: \"-0:02\""),
            "S004",
        ),
    ];
    for (name, text, code) in cases {
        let diagnostics = check_text(text).expect("checked");
        assert!(
            diagnostics.iter().any(|d| d.code == *code),
            "{name}: {diagnostics:#?}"
        );
    }
    let (_dir, path) = crate::common::scene_file("binary.ron", "");
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x81, b'(']).unwrap();
    let out = oner(&["check", &path.to_string_lossy()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn exit_codes_follow_the_worst_finding() {
    oner(&["check", "scenes/tutorial.ron"]).assert().code(0);
    oner(&["check", "tests/fixtures/rules/M002.ron"])
        .assert()
        .code(1);
    oner(&["check", "no/such/scene.ron"]).assert().code(2);
    oner(&["check", "tests"]).assert().code(2);
    oner(&["check"]).assert().code(2);
    oner(&["check", "--allow", "M002", "tests/fixtures/rules/M002.ron"])
        .assert()
        .code(0);
    oner(&[
        "check",
        "--warn",
        "closed-door",
        "tests/fixtures/rules/M002.ron",
    ])
    .assert()
    .code(0);
    oner(&[
        "check",
        "--warn",
        "M002",
        "--deny-warnings",
        "tests/fixtures/rules/M002.ron",
    ])
    .assert()
    .code(1);
    let out = oner(&["check", "--allow", "closd-door", "scenes/tutorial.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `closed-door`?"));
}

#[test]
fn scene_level_allow_list_silences_a_rule() {
    let text = read(&repo("tests/fixtures/rules/M002.ron")).replacen(
        "frame_rate: 24,",
        "frame_rate: 24,\n    allow: [\"closed-door\"],",
        1,
    );
    assert!(check_text(&text).unwrap().is_empty());
    let text = read(&repo("tests/fixtures/rules/M002.ron")).replacen(
        "frame_rate: 24,",
        "frame_rate: 24,\n    allow: [\"closd-door\"],",
        1,
    );
    let diagnostics = check_text(&text).unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, "S003");
    assert_eq!(
        diagnostics[0].help.as_deref(),
        Some("did you mean `closed-door`?")
    );
}

#[test]
fn human_output_is_plain_when_piped_and_points_at_line_and_column() {
    let out = oner(&["check", "tests/fixtures/structure/S003-unknown-mark.ron"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains('\u{1b}'), "colour codes in piped output");
    let line = read(&repo("tests/fixtures/structure/S003-unknown-mark.ron"))
        .lines()
        .position(|l| l.contains("\"L9\""))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("S003-unknown-mark.ron:{line}:")),
        "{stderr}"
    );
    let json = oner(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/structure/S003-unknown-mark.ron",
    ])
    .output()
    .unwrap();
    let value: serde_json::Value =
        serde_json::from_slice(json.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(value["line"], line);
    assert_eq!(value["code"], "S003");
    assert_eq!(value["help"], "did you mean `L1`?");
}

#[test]
fn at_answers_who_is_where() {
    let out = oner(&["at", "scenes/tutorial.ron", "0:17"])
        .output()
        .unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!("at-tutorial-0-17", String::from_utf8_lossy(&out.stdout));
    let ids = oner(&["at", "scenes/tutorial.ron", "0:09", "--ids"])
        .output()
        .unwrap();
    assert!(ids.status.success());
    insta::assert_snapshot!("at-tutorial-0-09-ids", String::from_utf8_lossy(&ids.stdout));
    let study = oner(&["at", "scenes/we-cry-together.ron", "2:13"])
        .output()
        .unwrap();
    let study = String::from_utf8_lossy(&study.stdout);
    assert!(study.contains("0° = east (+x), clockwise"), "{study}");
    assert!(
        !study.contains("k-fridge") && !study.contains("[her]"),
        "{study}"
    );
    insta::assert_snapshot!("at-we-cry-together-2-13", study);
    let json = oner(&["at", "scenes/tutorial.ron", "0:17", "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["people"][0]["mark"], "living-mid");
    assert_eq!(value["cameras"][0]["facing_degrees"], 331.0);
    assert_eq!(value["cameras"][0]["facing_compass"], "north-east");
    assert_eq!(
        value["cameras"][0]["sees"],
        serde_json::json!(["ana", "ben"])
    );
    oner(&["at", "scenes/tutorial.ron", "9:00"])
        .assert()
        .code(2);
    oner(&["at", "scenes/tutorial.ron", "soon"])
        .assert()
        .code(2);
}

/// The complete scenes shown in the README and docs/format.md check clean, so the docs
/// cannot drift from the format.
#[test]
fn documented_example_scenes_check_clean() {
    let mut checked = 0;
    for doc in ["README.md", "docs/format.md"] {
        let text = read(&repo(doc));
        for block in text.split("```ron\n").skip(1) {
            let body = block.split("```").next().unwrap_or("");
            if !(body.trim_start().starts_with("Scene(") || body.trim_start().starts_with('('))
                || !body.contains("timeline:")
            {
                continue;
            }
            let diagnostics = check_text(body).expect("checked");
            assert!(
                diagnostics.is_empty(),
                "an example scene in {doc} does not check clean:\n{body}\n{diagnostics:#?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 1, "no example scene found in the docs");
}

/// ron counts syntax-error columns in characters; so does oner, also after accented text.
#[test]
fn syntax_error_columns_count_characters() {
    let text = "Scene(\n    title: \"Café Noël — été\", frame_rate: 24, lenght: \"1:00\",\n)";
    let (_dir, path) = crate::common::scene_file("accents.ron", text);
    let out = oner(&["check", "--format", "json", &path.to_string_lossy()])
        .output()
        .unwrap();
    let value: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    let line = text.lines().nth(1).unwrap();
    let expected = line[..line.find("lenght").unwrap()].chars().count() + 1;
    assert_eq!(value["code"], "S001");
    assert_eq!(value["line"], 2);
    assert_eq!(
        value["column"].as_u64().unwrap() as usize,
        expected,
        "{value}"
    );
}
