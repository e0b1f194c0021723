//! `oner check`: load each scene, run the rules, print diagnostics, exit by the worst.

use super::{DiagnosticFormat, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostic::{self, Diagnostic, Severity, Tally};
use crate::rules::{Context, Level, Levels};
use crate::sim::Simulation;
use crate::source::SourceFile;
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
    /// The command line's rule levels on top of the scene's; unknown rule names are an error.
    fn apply_levels(&self, levels: &mut Levels) -> Result<(), String> {
        for (names, level) in [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ] {
            for name in names {
                if !levels.set(name, level) {
                    let names = crate::rules::all_names();
                    let hint = crate::load::closest_name(name, names.iter().map(String::as_str))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    return Err(format!(
                        "unknown rule `{name}`{hint} (`oner rules` lists them)"
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Loads and checks one file: all its diagnostics, sorted. `cli_levels` go on top of the
/// scene's own levels.
pub fn check_file(file: &SourceFile, args: &CheckArgs) -> Result<Vec<Diagnostic>, String> {
    let loaded = crate::load::load(file);
    let mut diagnostics = loaded.diagnostics;
    if let Some(scene) = &loaded.scene {
        let mut levels = Levels::from_scene(scene);
        args.apply_levels(&mut levels)?;
        let sim = Simulation::new(scene);
        let cx = Context {
            scene,
            sim: &sim,
            spans: &loaded.spans,
        };
        diagnostics.extend(crate::rules::run(&cx, &levels));
    }
    diagnostic::sort_and_dedup(&mut diagnostics);
    Ok(diagnostics)
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
            None => match check_file(&file, args) {
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
