//! `oner stats FILE`: print the take's statistics as a table or JSON.

use super::{EXIT_OK, console, emit, open_scene};
use crate::sim::Simulation;
use crate::study::stats::{Stats, table};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned plain text.
    Table,
    /// JSON.
    Json,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Prints the numbers and writes them into output/<scene>/stats.txt (or stats.json with \
--format json). With -o, writes only there: a file, a folder, or - for standard output alone. `oner build` writes both.\n\nExamples:\n  oner stats scenes/we-cry-together.ron\n  \
oner stats --format json scenes/tutorial.ron -o output/tutorial/"
)]
pub struct StatsArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Write to this file, into this folder, or `-` for standard output only.
    #[arg(short = 'o', long = "output", alias = "out", value_name = "PATH")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &StatsArgs) -> u8 {
    console::code(stats(args))
}

fn stats(args: &StatsArgs) -> Result<u8, u8> {
    let opened = open_scene(&args.file)?;
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let stats = Stats::of(scene, &sim);
    let (name, text) = match args.format {
        StatsFormat::Table => ("stats.txt", table::render(&stats)),
        StatsFormat::Json => ("stats.json", stats.to_json()),
    };
    if let Some(out) = args.out.as_deref() {
        emit(&args.file, Some(out), name, text.as_bytes())?;
        return Ok(EXIT_OK);
    }
    // By default the numbers go to the screen and into the scene's output folder; the note
    // of what was written goes to stderr so stdout stays clean for pipes.
    match args.format {
        StatsFormat::Table => console::out(&crate::escape::terminal_lines(&text))?,
        StatsFormat::Json => console::out(&text)?,
    }
    let path = crate::output::scene_dir(&args.file, None).join(name);
    crate::output::write_atomic(&path, text.as_bytes())
        .map_err(|message| console::usage_error(&message))?;
    console::err_line(&format!("wrote {}", super::display_path(&path)))?;
    Ok(EXIT_OK)
}
