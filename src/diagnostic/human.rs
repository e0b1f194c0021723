//! rustc-style output through codespan-reporting: header, source line, carets, note, help.
//!
//! Each diagnostic is drawn from its own [`Excerpt`] (only the lines it points at, windowed
//! and escaped), into a writer the caller buffers: a 4 MB line or 100,000 diagnostics are
//! written in large blocks, and no scene text reaches the terminal raw.

use super::excerpt::Excerpt;
use super::{Diagnostic, Severity};
use crate::escape::terminal;
use crate::source::SourceFile;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::termcolor::{Ansi, NoColor};
use codespan_reporting::term::{self, Config};
use std::io::Write;

/// Whether to colour output: only on a terminal, never with `NO_COLOR` set.
pub fn colour_wanted(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn to_codespan(diagnostic: &Diagnostic, excerpt: &Excerpt) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut labels = Vec::new();
    if let Some(primary) = &diagnostic.primary {
        labels.push(
            cs::Label::primary((), excerpt.range(primary.span))
                .with_message(terminal(&primary.message)),
        );
    }
    for label in &diagnostic.secondary {
        labels.push(
            cs::Label::secondary((), excerpt.range(label.span))
                .with_message(terminal(&label.message)),
        );
    }
    let mut notes = Vec::new();
    if let Some(note) = &diagnostic.note {
        notes.push(format!("note: {}", terminal(note)));
    }
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {}", terminal(help)));
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code)
        .with_message(terminal(&diagnostic.message))
        .with_labels(labels)
        .with_notes(notes)
}

fn spans_of(diagnostic: &Diagnostic) -> Vec<crate::source::Span> {
    diagnostic
        .primary
        .iter()
        .chain(&diagnostic.secondary)
        .map(|l| l.span)
        .collect()
}

/// The one-line form, for when a diagnostic cannot be drawn with its source.
fn header_line(diagnostic: &Diagnostic) -> String {
    format!(
        "{}[{}]: {}\n",
        diagnostic.severity,
        diagnostic.code,
        terminal(&diagnostic.message)
    )
}

/// Writes one diagnostic, coloured or not, into `out`.
fn write_one(
    diagnostic: &Diagnostic,
    file: &SourceFile,
    colour: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let excerpt = Excerpt::new(file, &spans_of(diagnostic));
    let config = Config::default();
    let drawn = to_codespan(diagnostic, &excerpt);
    let result = if colour {
        term::emit_to_write_style(&mut Ansi::new(&mut *out), &config, &excerpt, &drawn)
    } else {
        term::emit_to_write_style(&mut NoColor::new(&mut *out), &config, &excerpt, &drawn)
    };
    match result {
        Ok(()) => Ok(()),
        Err(codespan_reporting::files::Error::Io(error)) => Err(error),
        Err(_) => out.write_all(header_line(diagnostic).as_bytes()),
    }
}

/// Renders one diagnostic as plain text (no colour), as it appears when piped.
pub fn render_plain(diagnostic: &Diagnostic, file: &SourceFile) -> String {
    let mut bytes = Vec::new();
    if write_one(diagnostic, file, false, &mut bytes).is_err() {
        return header_line(diagnostic);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes diagnostics into `out`, coloured when `colour`. The caller buffers `out` and
/// decides what a failed write means.
pub fn write(
    diagnostics: &[Diagnostic],
    file: &SourceFile,
    colour: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for diagnostic in diagnostics {
        write_one(diagnostic, file, colour, out)?;
    }
    Ok(())
}
