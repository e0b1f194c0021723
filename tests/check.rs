//! `oner check`: every rule's fixture gives exactly its one diagnostic; bundled scenes are
//! clean; bad input never panics.
//!
//! Fixtures live in `tests/fixtures/rules/<CODE>.ron` (one per rule, breaking it once) and
//! `tests/fixtures/structure/<CODE>-<what>.ron` (one per structural error), each beside its
//! expected output `<name>.stderr`. Re-accept outputs with `ONER_BLESS=1 cargo test`.

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
        let code = fixture.file_stem().unwrap().to_string_lossy().to_string();
        let (status, stderr) = check_output(&fixture);
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
        assert_expected(&fixture, &stderr);
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

#[test]
fn bundled_scenes_check_clean_with_every_rule_on() {
    for scene in fixtures("scenes") {
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
