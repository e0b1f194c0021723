//! `--format sarif`: one SARIF 2.1.0 log for a whole `oner check` run, the format code
//! scanning tools (GitHub's among them) import.
//!
//! Own output types, as for JSON, so the contract stays put when the internals move. Lines and
//! columns are 1-based; columns count Unicode code points (characters, as in every other oner
//! output), which the log says with `columnKind: "unicodeCodePoints"`. `endColumn` is the
//! column just past the last character, as SARIF defines it.

use super::{Diagnostic, Label, Severity};
use crate::load::codes::STRUCTURE_CODES;
use crate::rules::{Level, RULES};
use crate::source::SourceFile;
use serde::Serialize;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Debug, Serialize)]
pub struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule>,
}

#[derive(Debug, Serialize)]
struct Text {
    text: String,
}

#[derive(Debug, Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

/// One diagnostic as a SARIF `result`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Debug, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// The rules every log lists, in `oner rules` order: structure codes, then the rules.
/// A result's `ruleIndex` points into this list.
fn rules() -> Vec<Rule> {
    let structure = STRUCTURE_CODES
        .iter()
        .map(|c| rule(c.code, c.name, c.summary, c.explanation, Level::Deny));
    let continuity = RULES.iter().map(|r| {
        let d = r.doc();
        rule(d.code, d.name, d.summary, d.explanation, d.level)
    });
    structure.chain(continuity).collect()
}

fn rule(
    code: &'static str,
    name: &'static str,
    summary: &str,
    explanation: &str,
    level: Level,
) -> Rule {
    let pointer = format!(
        "`oner explain {code}` prints this text; docs/rules.md has it under the heading {code}."
    );
    Rule {
        id: code,
        name,
        short_description: Text {
            text: summary.to_string(),
        },
        full_description: Text {
            text: what_it_checks(explanation).unwrap_or(summary).to_string(),
        },
        help: Help {
            text: format!("{pointer}\n\n{explanation}"),
            markdown: format!("{pointer}\n\n{explanation}"),
        },
        default_configuration: Configuration {
            level: match level {
                Level::Allow => "none",
                Level::Warn => "warning",
                Level::Deny => "error",
            },
        },
    }
}

/// The "What it checks" paragraph of a rule's explanation, if it has one.
fn what_it_checks(explanation: &str) -> Option<&str> {
    let rest = explanation.split_once("### What it checks")?.1;
    let section = rest.split("\n### ").next()?.trim();
    (!section.is_empty()).then_some(section)
}

/// The whole log for the results of one run.
pub fn log(results: Vec<SarifResult>) -> SarifLog {
    SarifLog {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "oner",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: rules(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// Where oner lives on the web, when Cargo.toml says (`homepage`, else `repository`): the
/// log never names an address the project has not published.
fn information_uri() -> Option<&'static str> {
    [
        option_env!("CARGO_PKG_HOMEPAGE"),
        option_env!("CARGO_PKG_REPOSITORY"),
    ]
    .into_iter()
    .flatten()
    .find(|uri| !uri.is_empty())
}

/// The SARIF results of one file's diagnostics.
pub fn results(diagnostics: &[Diagnostic], file: &SourceFile) -> Vec<SarifResult> {
    let ids: Vec<&str> = STRUCTURE_CODES
        .iter()
        .map(|c| c.code)
        .chain(RULES.iter().map(|r| r.doc().code))
        .collect();
    let uri = artifact_uri(file.name());
    diagnostics
        .iter()
        .map(|d| {
            let message = match &d.primary {
                Some(label) if !label.message.is_empty() => {
                    format!("{}: {}", d.message, label.message)
                }
                _ => d.message.clone(),
            };
            let mut text = message;
            if let Some(note) = &d.note {
                text.push_str(&format!("\nnote: {note}"));
            }
            if let Some(help) = &d.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            SarifResult {
                rule_id: d.code,
                rule_index: ids.iter().position(|id| *id == d.code),
                level: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: Text { text },
                locations: vec![location(file, &uri, d.primary.as_ref(), None)],
                related_locations: d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, label)| location(file, &uri, Some(label), Some(i + 1)))
                    .collect(),
            }
        })
        .collect()
}

fn location(file: &SourceFile, uri: &str, label: Option<&Label>, id: Option<usize>) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri.to_string(),
            },
            region: label.map(|l| {
                let start = file.line_col(l.span.start);
                let end = file.line_col(l.span.end);
                Region {
                    start_line: start.line,
                    start_column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                }
            }),
        },
        message: label.filter(|l| !l.message.is_empty()).map(|l| Text {
            text: l.message.clone(),
        }),
    }
}

/// The file's path as given on the command line, as a URI reference: relative paths stay
/// relative (code scanning resolves them against the repository root), absolute ones become
/// `file://` URIs, and every byte outside RFC 3986's unreserved set and `/` is percent-encoded.
pub fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_relative_and_odd_bytes_are_encoded() {
        assert_eq!(artifact_uri("scenes/tutorial.ron"), "scenes/tutorial.ron");
        assert_eq!(artifact_uri("my scene:1.ron"), "my%20scene%3A1.ron");
        assert_eq!(artifact_uri("/tmp/é.ron"), "file:///tmp/%C3%A9.ron");
        assert_eq!(artifact_uri("a\\b.ron"), "a/b.ron");
    }

    #[test]
    fn every_rule_has_a_full_description_from_its_docs() {
        for rule in rules() {
            assert!(!rule.full_description.text.is_empty(), "{}", rule.id);
            assert!(
                rule.help
                    .text
                    .contains(&format!("oner explain {}", rule.id))
            );
        }
    }
}
