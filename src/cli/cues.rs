//! `oner cues` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CuesArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &CuesArgs) -> u8 {
    eprintln!(
        "error: `oner cues` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
