//! `oner check`: load each scene, run the rules, print diagnostics, exit by the worst.

use super::{DiagnosticFormat, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostic::{self, Severity, Tally};
use crate::rules::Level;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Scene files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format for diagnostics.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    pub format: DiagnosticFormat,
    /// Treat warnings as errors (exit code 1).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Silence a rule (code or name); repeatable.
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<String>,
    /// Report a rule as a warning; repeatable.
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<String>,
    /// Report a rule as an error; repeatable.
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<String>,
}

impl CheckArgs {
    /// The rule levels given on the command line, in the order they apply.
    fn levels(&self) -> Vec<(String, Level)> {
        let mut levels = Vec::new();
        for (names, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            levels.extend(names.iter().map(|n| (n.clone(), level)));
        }
        levels
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let mut tally = Tally::default();
    let mut unreadable = false;
    for path in &args.files {
        let (file, encoding_error) = match super::read_scene(path) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("error: {message}");
                unreadable = true;
                continue;
            }
        };
        let mut diagnostics = match encoding_error {
            Some(d) => vec![d],
            None => match crate::check::check_source(&file, &args.levels()) {
                Ok(diagnostics) => diagnostics,
                Err(message) => {
                    eprintln!("error: {message}");
                    return EXIT_USAGE;
                }
            },
        };
        if args.deny_warnings {
            for d in &mut diagnostics {
                d.severity = Severity::Error;
            }
        }
        let file_tally = Tally::of(&diagnostics);
        tally.add(file_tally);
        match args.format {
            DiagnosticFormat::Human => {
                diagnostic::human::print(&diagnostics, &file);
                eprintln!("{}", summary(file.name(), file_tally));
            }
            DiagnosticFormat::Json => {
                for d in &diagnostics {
                    let json = diagnostic::json::to_json(d, &file);
                    super::print_line(&serde_json::to_string(&json).unwrap_or_default());
                }
            }
        }
    }
    if unreadable {
        EXIT_USAGE
    } else if tally.errors > 0 {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

/// `scene.ron: 2 errors, 1 warning` or `scene.ron: ok`.
pub fn summary(name: &str, tally: Tally) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (tally.errors, tally.warnings) {
        (0, 0) => format!("{name}: ok"),
        (0, w) => format!("{name}: {}", plural(w, "warning")),
        (e, 0) => format!("{name}: {}", plural(e, "error")),
        (e, w) => format!("{name}: {}, {}", plural(e, "error"), plural(w, "warning")),
    }
}
