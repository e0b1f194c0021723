//! The command line: clap definitions and one module per subcommand.

mod check;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for a clean run (warnings allowed).
pub const EXIT_OK: u8 = 0;
/// Exit code when errors were found in a scene.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code for unreadable input or bad usage.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "oner",
    version,
    about = "Plan, check and draw one-take scenes",
    long_about = "oner reads a staging plan for a scene shot in one continuous take (a RON file: the set as rooms \
and doors, the cast, the crew and the camera, props, and a timeline of moves, lines and cues) and checks it for \
continuity errors before the camera rolls.",
    after_help = "Examples:\n  oner check scenes/we-cry-together.ron\n  oner check --format json scenes/*.ron\n\nSee docs/format.md for the scene format."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormat {
    /// rustc-style text, coloured on a terminal.
    Human,
    /// One JSON object per line per diagnostic.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scene files for structural and continuity errors.
    #[command(
        after_help = "Exit codes: 0 clean or warnings only, 1 errors found, 2 unreadable file or bad usage.\n\n\
Examples:\n  oner check scenes/we-cry-together.ron\n  oner check --deny-warnings scenes/*.ron\n  oner check --format json scenes/tutorial.ron"
    )]
    Check(check::CheckArgs),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(match error.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    EXIT_OK
                }
                _ => EXIT_USAGE,
            });
        }
    };
    ExitCode::from(run(cli.command))
}

fn run(command: Command) -> u8 {
    match command {
        Command::Check(args) => check::run(&args),
    }
}

/// Reads a scene file. Unreadable files are `Err` (exit 2); text that is not UTF-8 becomes a
/// file whose only content is what could be decoded, plus an S001 diagnostic.
pub fn read_scene(
    path: &PathBuf,
) -> Result<
    (
        crate::source::SourceFile,
        Option<crate::diagnostic::Diagnostic>,
    ),
    String,
> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let name = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => Ok((crate::source::SourceFile::new(name, text), None)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let file = crate::source::SourceFile::new(name, text);
            let lossy_offset = String::from_utf8_lossy(&error.as_bytes()[..valid]).len();
            let d = crate::diagnostic::Diagnostic::error(
                crate::load::codes::SYNTAX,
                "the file is not valid UTF-8 text",
            )
            .at(
                crate::source::Span::new(lossy_offset, lossy_offset + '\u{fffd}'.len_utf8()),
                format!("invalid byte at offset {valid}"),
            )
            .note("scene files are UTF-8 RON text")
            .help("save the file as UTF-8; binary files are not scenes");
            Ok((file, Some(d)))
        }
    }
}

/// Writes a line to stdout; a closed pipe (`oner … | head`) ends output quietly, never a panic.
pub fn print_line(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").is_err() {
        std::process::exit(EXIT_OK as i32);
    }
}
