//! `oner fmt`: lay scene files out the one canonical way, every comment kept.

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE, console};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 formatted (or, with --check, already formatted); 1 with --check: a file is not formatted; 2 a file could not be read, laid out or written.\n\nExamples:\n  oner fmt scenes/*.ron\n  oner fmt --check scenes/*.ron     (in CI: prints a diff, changes nothing)"
)]
pub struct FmtArgs {
    /// Scene files to format in place.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Change nothing: print a diff of each file that is not formatted and exit 1.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: &FmtArgs) -> u8 {
    let mut unformatted = false;
    let mut failed = false;
    for path in &args.files {
        let shown = crate::escape::terminal(&path.display().to_string()).into_owned();
        let (file, encoding_error) = match super::read_scene(path) {
            Ok(read) => read,
            Err(message) => {
                console::usage_error(&message);
                failed = true;
                continue;
            }
        };
        if encoding_error.is_some() {
            console::usage_error(&format!("cannot format `{shown}`: it is not UTF-8 text"));
            failed = true;
            continue;
        }
        let formatted = match crate::fmt::format(file.text()) {
            Ok(text) => text,
            Err(message) => {
                console::usage_error(&format!("cannot format `{shown}`: {message}"));
                failed = true;
                continue;
            }
        };
        if formatted == file.text() {
            continue;
        }
        if args.check {
            unformatted = true;
            let diff =
                crate::fmt::diff::unified(&shown, file.text(), &formatted).unwrap_or_default();
            if let Err(code) = console::out(&crate::escape::terminal_lines(&diff)) {
                return code;
            }
        } else if let Err(message) = crate::output::write_atomic(path, formatted.as_bytes()) {
            console::usage_error(&message);
            failed = true;
        } else if let Err(code) = console::err_line(&format!("formatted {shown}")) {
            return code;
        }
    }
    if failed {
        EXIT_USAGE
    } else if unformatted {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}
