//! `oner plan` (being written).

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Scene file.
    pub file: PathBuf,
}

pub fn run(args: &PlanArgs) -> u8 {
    eprintln!(
        "error: `oner plan` is not available yet ({})",
        args.file.display()
    );
    super::EXIT_USAGE
}
