//! `oner at` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct AtArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &AtArgs) -> u8 {
    eprintln!(
        "error: `oner at` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
