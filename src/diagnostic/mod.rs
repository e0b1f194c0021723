//! Diagnostics as data: what is wrong, where, why, and how to fix it.
//!
//! Loaders and rules only *push* [`Diagnostic`]s; printing lives in [`human`], [`json`],
//! [`sarif`] and [`github`].

mod excerpt;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::source::Span;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A span with a short message, drawn under the source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code such as `S003` or `C012`; `oner explain` knows each one.
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong, lower case, no final period (like rustc).
    pub message: String,
    /// Where it is wrong; `None` only for problems with the file as a whole.
    pub primary: Option<Label>,
    /// Other places that explain the problem ("the door was closed here").
    pub secondary: Vec<Label>,
    /// Why it matters.
    pub note: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
    /// When and where on the take it happens, for rules that know (a collision's first
    /// moment and place); `oner serve` marks it on the plan there. Not printed.
    pub moment: Option<Moment>,
}

/// A moment of the take and a place on the floor (metres, x right, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment {
    pub at: crate::time::Time,
    pub point: crate::geometry::Point,
}

/// Diagnostics compare equal to drop duplicates; the rules only give finite moments, so
/// equality here is an equivalence.
impl Eq for Moment {}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            note: None,
            help: None,
            moment: None,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, message)
    }

    pub fn at(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.primary = Some(Label {
            span,
            message: label.into(),
        });
        self
    }

    pub fn also(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.secondary.push(Label {
            span,
            message: label.into(),
        });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Says when and where on the take it happens (see [`Diagnostic::moment`]).
    pub fn when(mut self, at: crate::time::Time, point: crate::geometry::Point) -> Diagnostic {
        self.moment = Some(Moment { at, point }).filter(|m| m.point.is_finite());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key that gives reports in file order, then by code, for stable output.
    pub fn sort_key(&self) -> (usize, usize, &'static str, &str) {
        let span = self.primary.as_ref().map(|l| l.span).unwrap_or_default();
        (span.start, span.end, self.code, &self.message)
    }
}

/// Sorts diagnostics into file order and drops exact duplicates.
pub fn sort_and_dedup(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

/// How many diagnostics of one code a check shows by default before it sums up the rest:
/// a thousand extras sent to one mark are half a million collisions, and nobody reads past
/// the first screenful of one mistake (compilers stop early for the same reason).
pub const SHOWN_PER_CODE: usize = 100;

/// Keeps the first `shown` diagnostics of each code (in the order given, so file order after
/// [`sort_and_dedup`]) and replaces the rest of each code with one diagnostic saying how many
/// were left out, as severe as the worst of them, so the exit code is unchanged. `shown == 0`
/// keeps everything.
pub fn limit_per_code(diagnostics: &mut Vec<Diagnostic>, shown: usize) {
    if shown == 0 {
        return;
    }
    let mut kept: std::collections::BTreeMap<&'static str, (usize, Option<Severity>)> =
        std::collections::BTreeMap::new();
    diagnostics.retain(|d| {
        let (count, worst_left_out) = kept.entry(d.code).or_default();
        *count += 1;
        if *count <= shown {
            return true;
        }
        *worst_left_out = (*worst_left_out).max(Some(d.severity));
        false
    });
    for (code, (count, worst_left_out)) in kept {
        if let Some(severity) = worst_left_out {
            let left_out = count - shown;
            let plural = if left_out == 1 { "" } else { "s" };
            diagnostics.push(
                Diagnostic::new(
                    code,
                    severity,
                    format!("{left_out} more {code} diagnostic{plural} not shown ({count} in all)"),
                )
                .note(format!("only the first {shown} of each code are shown"))
                .help("fix the ones shown and check again, or run `oner check --show-all` to list every one"),
            );
        }
    }
}

/// Counts of errors and warnings, for the summary line and the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Tally {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        Tally {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }

    pub fn add(&mut self, other: Tally) {
        self.errors += other.errors;
        self.warnings += other.warnings;
    }
}
