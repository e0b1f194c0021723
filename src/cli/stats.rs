//! `oner stats FILE`: print the take's statistics as a table or JSON.

use super::{EXIT_OK, open_scene};
use crate::sim::Simulation;
use crate::study::stats::{Stats, table};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned plain text.
    Table,
    /// JSON.
    Json,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Prints to standard output unless -o is given (a file, or a folder to write \
stats.txt or stats.json into). `oner build` writes both.\n\nExamples:\n  oner stats scenes/we-cry-together.ron\n  \
oner stats --format json scenes/tutorial.ron -o output/tutorial/"
)]
pub struct StatsArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Write to this file (or into this folder) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &StatsArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let stats = Stats::of(scene, &sim);
    let (name, text) = match args.format {
        StatsFormat::Table => ("stats.txt", table::render(&stats)),
        StatsFormat::Json => ("stats.json", stats.to_json()),
    };
    let out = args.out.as_deref().unwrap_or(Path::new("-"));
    match emit(&args.file, Some(out), name, text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}

/// Writes one study file: to standard output for `-`, into a folder when `out` is one (or
/// ends in a separator), to `out` itself otherwise, and into the scene's output folder when
/// there is no `out`. Says what it wrote.
pub fn emit(scene_file: &Path, out: Option<&Path>, name: &str, bytes: &[u8]) -> Result<(), u8> {
    let path = match out {
        Some(p) if p == Path::new("-") => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`oner … | head`) is not an error worth reporting.
            let _ = stdout.write_all(bytes).and_then(|_| stdout.flush());
            return Ok(());
        }
        Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with(['/', '\\']) => {
            p.join(name)
        }
        Some(p) => p.to_path_buf(),
        None => crate::output::scene_dir(scene_file, None).join(name),
    };
    super::write_output(&path, bytes)
}
