//! `oner timeline FILE`: write the timeline chart (rooms over time for everyone) as SVG.

use super::{EXIT_OK, open_scene};
use crate::sim::Simulation;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    after_help = "Writes timeline.svg into output/<scene>/ unless -o is given (a file, a folder, \
or - for standard output).\n\nExamples:\n  oner timeline scenes/we-cry-together.ron\n  \
oner timeline scenes/tutorial.ron -o /tmp/tutorial-timeline.svg"
)]
pub struct TimelineArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Where to write: a file, an existing folder, or `-` for standard output
    /// (default: output/<scene-id>/timeline.svg).
    #[arg(short = 'o', long = "output", alias = "out", value_name = "PATH")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &TimelineArgs) -> u8 {
    let opened = match open_scene(&args.file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let scene = opened.scene();
    let sim = Simulation::new(scene);
    let svg = crate::study::timeline_chart::render(scene, &sim);
    match super::emit(
        &args.file,
        args.out.as_deref(),
        "timeline.svg",
        svg.as_bytes(),
    ) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}
