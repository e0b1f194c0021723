//! rustc-style output through codespan-reporting: header, source line, carets, note, help.

use super::{Diagnostic, Severity};
use crate::source::SourceFile;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use std::io::IsTerminal;

/// Whether to colour output: only on a terminal, never with `NO_COLOR` set.
pub fn colour_wanted(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn to_codespan(diagnostic: &Diagnostic, file: &SourceFile) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut labels = Vec::new();
    if let Some(primary) = &diagnostic.primary {
        let span = file.clamp(primary.span);
        labels.push(cs::Label::primary((), span.range()).with_message(&primary.message));
    }
    for label in &diagnostic.secondary {
        let span = file.clamp(label.span);
        labels.push(cs::Label::secondary((), span.range()).with_message(&label.message));
    }
    let mut notes = Vec::new();
    if let Some(note) = &diagnostic.note {
        notes.push(format!("note: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code)
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders one diagnostic as plain text (no colour), as it appears when piped.
pub fn render_plain(diagnostic: &Diagnostic, file: &SourceFile) -> String {
    let files = SimpleFile::new(file.name(), file.text());
    let config = Config::default();
    term::emit_into_string(&config, &files, &to_codespan(diagnostic, file)).unwrap_or_else(|_| {
        format!(
            "{}[{}]: {}\n",
            diagnostic.severity, diagnostic.code, diagnostic.message
        )
    })
}

/// Prints diagnostics to stderr, coloured when stderr is a terminal and `NO_COLOR` is unset.
pub fn print(diagnostics: &[Diagnostic], file: &SourceFile) {
    use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
    let choice = if colour_wanted(std::io::stderr().is_terminal()) {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stderr(choice);
    let mut lock = stream.lock();
    let files = SimpleFile::new(file.name(), file.text());
    let config = Config::default();
    for diagnostic in diagnostics {
        if term::emit_to_write_style(&mut lock, &config, &files, &to_codespan(diagnostic, file))
            .is_err()
        {
            eprintln!(
                "{}[{}]: {}",
                diagnostic.severity, diagnostic.code, diagnostic.message
            );
        }
    }
}
