//! `oner graph` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &GraphArgs) -> u8 {
    eprintln!(
        "error: `oner graph` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
