//! `--format json`: one object per diagnostic, in output types of its own (never internal
//! structs), so the JSON contract stays put when the internals move.

use super::Diagnostic;
use crate::source::SourceFile;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct JsonLabel {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: String,
    pub message: String,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub label: Option<String>,
    pub note: Option<String>,
    pub help: Option<String>,
    pub related: Vec<JsonLabel>,
}

fn label_of(file: &SourceFile, span: crate::source::Span, message: &str) -> JsonLabel {
    let start = file.line_col(span.start);
    let end = file.line_col(span.end);
    JsonLabel {
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        message: message.to_string(),
    }
}

pub fn to_json(diagnostic: &Diagnostic, file: &SourceFile) -> JsonDiagnostic {
    let primary = diagnostic
        .primary
        .as_ref()
        .map(|l| label_of(file, l.span, &l.message));
    JsonDiagnostic {
        code: diagnostic.code,
        severity: diagnostic.severity.to_string(),
        message: diagnostic.message.clone(),
        file: file.name().to_string(),
        line: primary.as_ref().map(|p| p.line),
        column: primary.as_ref().map(|p| p.column),
        end_line: primary.as_ref().map(|p| p.end_line),
        end_column: primary.as_ref().map(|p| p.end_column),
        label: primary.map(|p| p.message),
        note: diagnostic.note.clone(),
        help: diagnostic.help.clone(),
        related: diagnostic
            .secondary
            .iter()
            .map(|l| label_of(file, l.span, &l.message))
            .collect(),
    }
}
