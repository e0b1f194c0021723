//! `oner timeline` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &TimelineArgs) -> u8 {
    eprintln!(
        "error: `oner timeline` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
