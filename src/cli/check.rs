//! `oner check`: load each scene, run the rules, print diagnostics, exit by the worst.

use super::{DiagnosticFormat, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, console};
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
    /// List every diagnostic; by default each code shows its first 100 and sums up the rest.
    #[arg(long)]
    pub show_all: bool,
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
    let mut found = Found::default();
    let mut sarif = Vec::new();
    let checked = check_all(args, &mut found, &mut sarif).and_then(|()| {
        if args.format == DiagnosticFormat::Sarif {
            // One log for the whole run, printed once every file is checked.
            let log = diagnostic::sarif::log(sarif);
            let json = serde_json::to_string_pretty(&log).unwrap_or_default();
            console::out_line(&crate::escape::json_safe(json))?;
        }
        Ok(())
    });
    match checked {
        // Done, or the reader closed the pipe: the code says what was found so far.
        Ok(()) | Err(EXIT_OK) => found.code(),
        Err(code) => code,
    }
}

/// What the files checked so far hold, for the exit code.
#[derive(Default)]
struct Found {
    tally: Tally,
    unreadable: bool,
}

impl Found {
    fn code(&self) -> u8 {
        if self.unreadable {
            EXIT_USAGE
        } else if self.tally.errors > 0 {
            EXIT_ERRORS
        } else {
            EXIT_OK
        }
    }
}

/// Checks every file, printing as it goes; SARIF results are collected into `sarif`.
fn check_all(
    args: &CheckArgs,
    found: &mut Found,
    sarif: &mut Vec<diagnostic::sarif::SarifResult>,
) -> Result<(), u8> {
    for path in &args.files {
        let (file, encoding_error) = match super::read_scene(path) {
            Ok(read) => read,
            Err(message) => {
                console::usage_error(&message);
                found.unreadable = true;
                continue;
            }
        };
        let mut diagnostics = match encoding_error {
            Some(d) => vec![d],
            None => crate::check::check_source_showing(
                &file,
                &args.levels(),
                if args.show_all {
                    0
                } else {
                    diagnostic::SHOWN_PER_CODE
                },
            )
            .map_err(|message| console::usage_error(&message))?,
        };
        if args.deny_warnings {
            for d in &mut diagnostics {
                d.severity = Severity::Error;
            }
        }
        let file_tally = Tally::of(&diagnostics);
        found.tally.add(file_tally);
        match args.format {
            DiagnosticFormat::Human => {
                super::print_diagnostics(&diagnostics, &file)?;
                console::err_line(&summary(file.name(), file_tally))?;
            }
            DiagnosticFormat::Json => {
                let mut lines = String::new();
                for d in &diagnostics {
                    let json = diagnostic::json::to_json(d, &file);
                    lines.push_str(&crate::escape::json_safe(
                        serde_json::to_string(&json).unwrap_or_default(),
                    ));
                    lines.push('\n');
                }
                console::out(&lines)?;
            }
            DiagnosticFormat::Sarif => {
                sarif.extend(diagnostic::sarif::results(&diagnostics, &file))
            }
            DiagnosticFormat::Github => {
                console::out(&diagnostic::github::annotations(&diagnostics, &file))?;
            }
        }
    }
    Ok(())
}

/// `scene.ron: 2 errors, 1 warning` or `scene.ron: ok`.
pub fn summary(name: &str, tally: Tally) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let name = crate::escape::terminal(name);
    match (tally.errors, tally.warnings) {
        (0, 0) => format!("{name}: ok"),
        (0, w) => format!("{name}: {}", plural(w, "warning")),
        (e, 0) => format!("{name}: {}", plural(e, "error")),
        (e, w) => format!("{name}: {}, {}", plural(e, "error"), plural(w, "warning")),
    }
}
