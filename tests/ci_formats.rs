//! `oner check --format sarif` and `--format github`: the formats CI and code review read.
//!
//! The SARIF log is validated against the OASIS SARIF 2.1.0 schema (vendored in
//! `tests/sarif/`, see its README for the source and licence) and compared with the JSON
//! format, diagnostic for diagnostic. The GitHub annotations are parsed back as the Actions
//! runner would and must stay one well-formed line each, whatever the scene says.

use crate::common::{oner, repo, scene_file};
use serde_json::Value;

/// Every `.ron` under the given folders, relative to the repository root, sorted.
fn scenes_under(dirs: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(repo(dir)).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|x| x == "ron") {
                let name = path.file_name().expect("file name").to_string_lossy();
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    files
}

fn run(args: &[&str]) -> (i32, String) {
    let out = oner(args).output().expect("run oner");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
    )
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo("tests/sarif/sarif-schema-2.1.0.json"))
        .expect("vendored SARIF schema");
    let mut schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    // Formats are checked (every `uri` must be one). The published schema's two `language`
    // patterns have a stray `]` (`…-[a-zA-Z]{2}]?$`) that the draft-07 meta-schema's `regex`
    // format refuses, so they are mended here in memory (oner never writes `language`).
    for owner in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][owner]["properties"]["language"]["pattern"];
        assert_eq!(language, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *language = Value::from("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$");
    }
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF log does not validate:\n{}",
        errors.join("\n")
    );
}

/// The JSON format's diagnostics for the same files, one object per line.
fn json_diagnostics(files: &[String]) -> Vec<Value> {
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let (_, stdout) = run(&args);
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn sarif_of_every_fixture_validates_and_matches_the_json_format() {
    let files = scenes_under(&["scenes", "tests/fixtures/structure", "tests/fixtures/rules"]);
    let mut args = vec!["check", "--format", "sarif"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout) = run(&args);
    assert_eq!(code, 1, "fixtures have errors: exit 1 as in every format");
    let log: Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_valid_sarif(&log);

    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    let expected = json_diagnostics(&files);
    assert!(expected.len() > 60, "fixtures give many diagnostics");
    assert_eq!(results.len(), expected.len());
    let mut related = 0;
    for (result, json) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], json["code"]);
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(
            rules[index]["id"], json["code"],
            "ruleIndex points at its rule"
        );
        assert_eq!(result["level"], json["severity"]);
        let message = result["message"]["text"].as_str().expect("message");
        assert!(message.starts_with(json["message"].as_str().expect("message")));
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], json["file"]);
        if json["line"].is_null() {
            assert!(location["region"].is_null());
        } else {
            let region = &location["region"];
            assert_eq!(region["startLine"], json["line"]);
            assert_eq!(region["startColumn"], json["column"]);
            assert_eq!(region["endLine"], json["end_line"]);
            assert_eq!(region["endColumn"], json["end_column"]);
        }
        let secondary = json["related"].as_array().expect("related");
        let sarif_related = result["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(sarif_related, secondary.len());
        related += sarif_related;
    }
    assert!(related > 0, "some fixture has secondary labels");
}

#[test]
fn the_schema_check_refuses_a_broken_log() {
    let (_, stdout) = run(&[
        "check",
        "--format",
        "sarif",
        "tests/fixtures/structure/S003-unknown-mark.ron",
    ]);
    let mut log: Value = serde_json::from_str(&stdout).expect("JSON");
    assert!(validator().is_valid(&log));
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator().is_valid(&log), "an unknown level is refused");
    log["runs"][0]["results"][0]["level"] = Value::from("error");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!validator().is_valid(&log), "lines are 1-based");
}

#[test]
fn sarif_of_clean_scenes_has_no_results_and_exits_0() {
    let (code, stdout) = run(&["check", "--format", "sarif", "scenes/tutorial.ron"]);
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    for rule in rules {
        let id = rule["id"].as_str().expect("id");
        let help = rule["help"]["text"].as_str().expect("help");
        assert!(help.contains(&format!("oner explain {id}")), "{id}");
        assert!(
            !rule["fullDescription"]["text"]
                .as_str()
                .unwrap_or("")
                .is_empty()
        );
    }
}

/// A scene whose unknown mark id is hostile: commas, colons, a newline, `%`, a carriage
/// return and an escape character, in a file whose name has commas, colons and `%` too.
const HOSTILE: &str = r##"(
    title: "Hostile",
    frame_rate: 24,
    length: "0:10",
    set: (
        rooms: { "a": (name: "A", shape: Rect(x: 0.0, y: 0.0, w: 4.0, h: 4.0)) },
        marks: { "m1": (room: "a", at: (1.0, 2.0)) },
    ),
    cast: { "p": (name: "P", colour: "#c0392b", starts_at: "x,y: 100%\n::error file=evil::pwned\r\u{1b}[2J") },
)
"##;

#[test]
fn github_annotations_of_hostile_text_stay_one_well_formed_line() {
    let (dir, path) = scene_file("we,ird: 100%.ron", HOSTILE);
    let path = path.to_string_lossy().into_owned();
    let (code, stdout) = run(&["check", "--format", "github", &path]);
    assert_eq!(code, 1, "an unknown mark is an error");
    let expected = json_diagnostics(std::slice::from_ref(&path));
    assert_eq!(
        stdout.lines().count(),
        expected.len(),
        "one line each:\n{stdout}"
    );
    assert!(!stdout.contains('\r') && !stdout.contains('\u{1b}'));
    for (line, json) in stdout.lines().zip(&expected) {
        let rest = line
            .strip_prefix(&format!(
                "::{} ",
                json["severity"].as_str().expect("severity")
            ))
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        // The runner splits the properties from the data at the first `::`.
        let (properties, data) = rest.split_once("::").expect("properties::data");
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| {
                let (key, value) = p.split_once('=').expect("key=value");
                assert!(!value.contains(':'), "a raw colon in {key}={value}");
                key
            })
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
        let file = properties
            .split(',')
            .next()
            .and_then(|p| p.strip_prefix("file="))
            .expect("file");
        assert_eq!(unescape(file), path);
        // Comma, colon, `%`, newline and CR come back as they were; the escape character
        // stays spelled out, as on the terminal.
        assert_eq!(
            json["message"],
            "unknown mark `x,y: 100%\n::error file=evil::pwned\r\u{1b}[2J`"
        );
        let message = unescape(data);
        assert!(
            message.starts_with("unknown mark `x,y: 100%\n::error file=evil::pwned\r\\u{1b}[2J`"),
            "{message:?}"
        );
    }
    drop(dir);
}

/// Undoes the workflow-command escapes, as the Actions runner does.
fn unescape(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_annotations_cover_warnings_and_exit_codes_are_unchanged() {
    // A scene that only warns exits 0 and annotates with ::warning.
    let warns = scenes_under(&["tests/fixtures/rules"])
        .into_iter()
        .find(|file| {
            let (code, stdout) = run(&["check", "--format", "github", file]);
            code == 0 && stdout.starts_with("::warning ")
        });
    assert!(warns.is_some(), "some rule fixture only warns");
    let warns = warns.unwrap_or_default();
    let (code, _) = run(&["check", "--format", "github", "--deny-warnings", &warns]);
    assert_eq!(code, 1, "--deny-warnings still turns warnings into exit 1");
    let (code, stdout) = run(&["check", "--format", "github", "scenes/tutorial.ron"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (code, _) = run(&["check", "--format", "sarif", "no/such/file.ron"]);
    assert_eq!(code, 2, "an unreadable file is exit 2");
}
