//! `--format github`: one GitHub Actions workflow command per diagnostic
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the runner
//! turns into an annotation on the pull request's diff.
//!
//! Scene text reaches the line, so it is escaped twice: control characters other than the
//! newline are spelled out as for the terminal (the Actions log renders ANSI), then the
//! workflow-command escapes apply (`%`, CR and LF in the message; also `:` and `,` in the
//! properties), so every annotation stays one line that no scene text can end or extend.

use super::{Diagnostic, Severity};
use crate::escape::push_terminal_char;
use crate::source::SourceFile;

/// The annotations of one file's diagnostics, one line each, each ending in `\n`.
pub fn annotations(diagnostics: &[Diagnostic], file: &SourceFile) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&annotation(d, file));
        out.push('\n');
    }
    out
}

/// One diagnostic as one workflow command (no newline).
pub fn annotation(diagnostic: &Diagnostic, file: &SourceFile) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![("file", file.name().to_string())];
    let mut message = diagnostic.message.clone();
    if let Some(primary) = &diagnostic.primary {
        let start = file.line_col(primary.span.start);
        let end = file.line_col(primary.span.end);
        properties.extend([
            ("line", start.line.to_string()),
            ("col", start.column.to_string()),
            ("endLine", end.line.to_string()),
            ("endColumn", end.column.to_string()),
        ]);
        if !primary.message.is_empty() {
            message.push_str(&format!("\n{}", primary.message));
        }
    }
    properties.push(("title", format!("oner {}", diagnostic.code)));
    for label in &diagnostic.secondary {
        let at = file.line_col(label.span.start);
        message.push_str(&format!(
            "\n{}:{}:{}: {}",
            file.name(),
            at.line,
            at.column,
            label.message
        ));
    }
    if let Some(note) = &diagnostic.note {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    format!(
        "::{command} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// A message as workflow-command data: `%`, CR and LF percent-encoded, other control
/// characters spelled out.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => push_terminal_char(&mut out, c, true),
        }
    }
    out
}

/// A property value: as data, and `:` and `,` too, which would end the value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped_as_github_requires() {
        assert_eq!(escape_data("100% a\nb\rc"), "100%25 a%0Ab%0Dc");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        // Control characters other than the newline never reach the log raw.
        assert_eq!(escape_data("\u{1b}[31m"), "\\u{1b}[31m");
    }
}
