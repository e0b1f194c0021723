//! `oner watch FILE`: check (or build) the scene again on every save, until Ctrl-C.

use super::{DiagnosticFormat, EXIT_OK, console};
use crate::watch::{FileWatch, Next};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Checks the scene now and again each time it is saved, printing the diagnostics as \
`oner check` prints them (human form on standard error, --format json on standard output). With \
--build it runs `oner build` instead, so the output folder follows the file. Editors that save by \
renaming a new file over the old are followed; a file briefly missing or half-written is reported \
and checked again on the next save. Ctrl-C stops it with exit 0.\n\n\
Examples:\n  oner watch scenes/tutorial.ron\n  oner watch scenes/tutorial.ron --build -o /tmp/tutorial\n  \
oner watch scenes/tutorial.ron --format json"
)]
pub struct WatchArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Rebuild the outputs on each save (as `oner build`), not only check.
    #[arg(long)]
    pub build: bool,
    /// Output folder for --build (default: output/<scene-id>/).
    #[arg(
        short = 'o',
        long = "output",
        alias = "out",
        value_name = "DIR",
        requires = "build"
    )]
    pub out: Option<PathBuf>,
    /// Output format for diagnostics (without --build).
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human, conflicts_with = "build")]
    pub format: DiagnosticFormat,
}

pub fn run(args: &WatchArgs) -> u8 {
    console::code(watch(args))
}

fn watch(args: &WatchArgs) -> Result<u8, u8> {
    let watch = FileWatch::new(&args.file).map_err(|m| console::usage_error(&m))?;
    crate::watch::stop_on_interrupt(watch.stopper()).map_err(|m| console::usage_error(&m))?;
    let shown = super::display_path(&args.file);
    let mut last: Option<Vec<u8>> = None;
    loop {
        match std::fs::read(&args.file) {
            // Touched but not changed (saved unchanged, or only its metadata): nothing to say.
            Ok(bytes) if last.as_ref() == Some(&bytes) => {}
            Ok(bytes) => {
                last = Some(bytes);
                once(args);
                console::err_line(&format!("watching {shown} (Ctrl-C to stop)"))?;
            }
            Err(error) => {
                last = None;
                console::err_line(&format!(
                    "cannot read {shown} ({error}); waiting for it to be saved"
                ))?;
            }
        }
        if watch.next() == Next::Stop {
            return Ok(EXIT_OK);
        }
    }
}

/// One round: exactly what `oner check` or `oner build` would do now. Its exit code says
/// what this version of the file holds, not how the watch ends, so it is not kept.
fn once(args: &WatchArgs) {
    if args.build {
        super::build::run(&super::build::BuildArgs {
            file: args.file.clone(),
            out: args.out.clone(),
            force: false,
            paper: crate::pack::Paper::A4,
        });
    } else {
        super::check::run(&super::check::CheckArgs {
            files: vec![args.file.clone()],
            format: args.format,
            deny_warnings: false,
            allow: Vec::new(),
            warn: Vec::new(),
            deny: Vec::new(),
            show_all: false,
        });
    }
}
