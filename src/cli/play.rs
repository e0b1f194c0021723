//! `oner play` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &PlayArgs) -> u8 {
    eprintln!(
        "error: `oner play` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
