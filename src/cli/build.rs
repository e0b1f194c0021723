//! `oner build` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &BuildArgs) -> u8 {
    eprintln!(
        "error: `oner build` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
