//! `oner stats` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &StatsArgs) -> u8 {
    eprintln!(
        "error: `oner stats` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
