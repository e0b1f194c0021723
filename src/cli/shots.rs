//! `oner shots`: the shot list, one row per camera setup (CSV, Markdown or PDF).

use super::cues::PaperArg;
use super::{EXIT_OK, open_scene};
use crate::cuesheet::format::Paper;
use crate::shots;
use crate::sim::Simulation;
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Each place a camera holds is a setup, numbered in time order (A1, B1 … \
with several cameras), with when it is there, its rig and lens, who it frames, how it moves on \
to the next, and notes (its mark, the beats it runs through). The plans draw the same setups.\n\n\
Examples:\n  oner shots scenes/we-cry-together.ron\n  \
oner shots --format pdf -o shots.pdf scenes/we-cry-together.ron"
)]
pub struct ShotsArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShotFormat::Md)]
    pub format: ShotFormat,
    /// Paper for PDF (landscape).
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, alias = "out", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShotFormat {
    /// A Markdown table.
    Md,
    /// CSV (RFC 4180) for a spreadsheet.
    Csv,
    /// A paginated PDF (needs -o or a pipe).
    Pdf,
}

pub fn run(args: &ShotsArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let setups = shots::setups(scene, &sim);
    let paper = match args.paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    };
    let bytes = match args.format {
        ShotFormat::Md => shots::markdown::render(scene, &setups).into_bytes(),
        ShotFormat::Csv => shots::csv::render(scene, &setups).into_bytes(),
        ShotFormat::Pdf => match shots::pdf::render(scene, &setups, paper) {
            Ok(bytes) => bytes,
            Err(message) => return super::console::usage_error(&message),
        },
    };
    if let Some(path) = &args.output {
        return match super::write_output(path, &bytes) {
            Ok(()) => EXIT_OK,
            Err(code) => code,
        };
    }
    if args.format == ShotFormat::Pdf && std::io::stdout().is_terminal() {
        return super::console::usage_error(
            "a PDF is not for the terminal; write it with -o FILE or pipe it",
        );
    }
    super::console::code(super::console::out_bytes(&bytes).map(|()| EXIT_OK))
}
